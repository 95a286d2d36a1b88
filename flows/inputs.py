"""The local-file source: files and folders of .jsonl, .txt and .html articles.

I/O lives here; parsing is in transforms.ingest. Every path met is either read or recorded as an
IngestProblem with the reason, and the other files are still read: a folder that cannot be
listed, a dangling or looping symbolic link, a FIFO or device, a file of another type. Symbolic
links to folders are followed (each real folder is read once, so a link cycle ends).
"""
from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from transforms.ingest import IngestProblem, RawArticle, parse_html, parse_jsonl, parse_txt, without_lone_surrogates

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "txt", ".html": "html", ".htm": "html"}
MAX_FILE_BYTES = 512 * 1024 * 1024


def display_path(path: Path | str) -> str:
    """A path as text that can be stored: bytes of a file name that are not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD."""
    return without_lone_surrogates(os.fspath(path))[0]


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestProblem]]:
    """Files named, and the supported files inside folders named (recursively, sorted; names
    starting with '.' are skipped), with a problem for every path that is not read."""
    files: list[Path] = []
    problems: list[IngestProblem] = []
    for raw in paths:
        path = Path(raw)
        problem = _link_problem(path)
        if problem is not None:
            problems.append(problem)
        elif path.is_dir():
            _walk(path, files, problems, seen=set())
        elif path.exists():
            files.append(path)
        else:
            problems.append(IngestProblem(display_path(path), None, "not_found", "no such file or folder"))
    return files, problems


def _link_problem(path: Path) -> IngestProblem | None:
    """A symbolic link that leads nowhere: dangling, or a loop."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except FileNotFoundError:
        return IngestProblem(display_path(path), None, "unreadable", f"dangling symbolic link (to {display_path(os.readlink(path))})")
    except OSError as exc:
        return IngestProblem(display_path(path), None, "unreadable", f"symbolic link that cannot be followed: "
                             f"{exc.strerror or exc}")
    return None


def _walk(folder: Path, files: list[Path], problems: list[IngestProblem], seen: set[tuple[int, int]]) -> None:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:   # a link back to a folder already read
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(IngestProblem(display_path(folder), None, "unreadable",
                                      f"folder cannot be listed: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        problem = _link_problem(path)
        if problem is not None:
            if path.suffix.lower() in SUFFIXES or not path.suffix:
                problems.append(problem)
            else:
                problems.append(_not_an_input(path))
            continue
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            problems.append(IngestProblem(display_path(path), None, "unreadable", exc.strerror or str(exc)))
            continue
        if is_dir:
            _walk(path, files, problems, seen)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            problems.append(_not_an_input(path))


def _not_an_input(path: Path) -> IngestProblem:
    return IngestProblem(display_path(path), None, "not_an_input",
                         f"skipped: not one of {', '.join(sorted(SUFFIXES))}", severity="warning")


def read_file(path: Path, today: dt.date | None = None) -> tuple[list[RawArticle], list[IngestProblem]]:
    source = display_path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return [], [IngestProblem(source, None, "unsupported_format",
                                  f"unknown file type {display_path(path.suffix)!r}; expected one of {', '.join(sorted(SUFFIXES))}")]
    try:
        data = _read_regular_file(path)
    except _NotReadable as exc:
        return [], [IngestProblem(source, None, exc.reason, str(exc))]
    except OSError as exc:
        return [], [IngestProblem(source, None, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")]
    article_id = display_path(path.stem)
    if kind == "jsonl":
        return parse_jsonl(data, source)
    if kind == "txt":
        return parse_txt(data, source, article_id=article_id)
    return parse_html(data, source, article_id=article_id, today=today)


class _NotReadable(OSError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked before reading: a FIFO or a
    device named like an article would otherwise block the run or never end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotReadable("unreadable", "not a regular file (a FIFO, socket or device)")
        if info.st_size > MAX_FILE_BYTES:
            raise _NotReadable("too_large", f"{info.st_size:,} bytes (limit {MAX_FILE_BYTES:,})")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read(MAX_FILE_BYTES + 1)
    finally:
        if fd >= 0:
            os.close(fd)


def read_paths(paths: Iterable[str | Path], today: dt.date | None = None) -> tuple[list[RawArticle], list[IngestProblem]]:
    files, problems = expand_paths(paths)
    articles: list[RawArticle] = []
    for path in files:
        got, file_problems = read_file(path, today)
        articles += got
        problems += file_problems
    return articles, problems
