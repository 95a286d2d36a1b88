"""The local-file source: files and folders of .jsonl, .txt and .html articles.

I/O lives here; parsing is in transforms.ingest. A path that cannot be read becomes an
IngestProblem with the reason, and the other files are still read.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from transforms.ingest import IngestProblem, RawArticle, parse_html, parse_jsonl, parse_txt

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "txt", ".html": "html", ".htm": "html"}
MAX_FILE_BYTES = 512 * 1024 * 1024


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestProblem]]:
    """Files named, and the supported files inside folders named (recursively, sorted)."""
    files: list[Path] = []
    problems: list[IngestProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(IngestProblem(str(path), None, "not_found", "no such file or folder"))
    return files, problems


def read_file(path: Path, today: dt.date | None = None) -> tuple[list[RawArticle], list[IngestProblem]]:
    source = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return [], [IngestProblem(source, None, "unsupported_format",
                                  f"unknown file type {path.suffix!r}; expected one of {', '.join(sorted(SUFFIXES))}")]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [IngestProblem(source, None, "too_large", f"{size:,} bytes (limit {MAX_FILE_BYTES:,})")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [IngestProblem(source, None, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")]
    if kind == "jsonl":
        return parse_jsonl(data, source)
    if kind == "txt":
        return parse_txt(data, source, article_id=path.stem)
    return parse_html(data, source, article_id=path.stem, today=today)


def read_paths(paths: Iterable[str | Path], today: dt.date | None = None) -> tuple[list[RawArticle], list[IngestProblem]]:
    files, problems = expand_paths(paths)
    articles: list[RawArticle] = []
    for path in files:
        got, file_problems = read_file(path, today)
        articles += got
        problems += file_problems
    return articles, problems
