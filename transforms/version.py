"""The extractor version: a fingerprint of the code and word lists the extractors run.

Stored articles whose extractor_version differs from the running one are re-extracted by
`ruaz reprocess`. A hand-kept version could be forgotten when a rule changes; this one changes with
every change to what the extractors execute (their Python modules under transforms/lang, dates,
counts, documents, and extract.py, sentences.py, mentions.py), and not with comment lines, blank lines
or trailing spaces. Examples and tests are not part of it. A refactor that changes no output still gives
a new version: the cost is one re-extraction, never a stale row.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

TRANSFORMS = Path(__file__).resolve().parent
EXTRACTION_SOURCES = ("lang", "dates", "counts", "documents", "extract.py", "sentences.py", "mentions.py",
                      "version.py")


def _code_lines(source: str) -> str:
    """``source`` without its comment lines, blank lines and trailing spaces. (A comment after code
    on the same line counts as code: telling it from a "#" inside a string needs the tokenizer,
    which costs more than a spurious re-extraction.)"""
    return "\n".join(line.rstrip() for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def source_files(root: Path = TRANSFORMS, names: Iterable[str] = EXTRACTION_SOURCES) -> list[Path]:
    out: list[Path] = []
    for name in names:
        path = root / name
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
    return out


def fingerprint(files: Iterable[Path], root: Path = TRANSFORMS) -> str:
    """12 hex digits of SHA-256 over each file's path (relative to ``root``) and code."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(_code_lines(path.read_text(encoding="utf-8")).encode() + b"\0")
    return digest.hexdigest()[:12]


def extractor_version(root: Path = TRANSFORMS) -> str:
    return "code-" + fingerprint(source_files(root), root)
