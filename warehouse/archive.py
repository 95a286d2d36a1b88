"""The raw archive: every body fetched, gzip-compressed, addressed by its sha256.

``<root>/ab/abcdef….html.gz``: the same bytes are stored once however often they are fetched, a
file never changes once written (it is written to a temporary name and renamed into place),
and pages can be re-extracted later (``ruaz reprocess --from-raw``) without fetching again.
Paths recorded in the warehouse are relative to the root, so the archive can move.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

from transforms.errors import RuazError

SUFFIXES = {"feed": "xml", "sitemap": "xml", "listing": "html", "page": "html"}


class ArchiveError(RuazError, RuntimeError):
    """The archive a run needs cannot be read (pages missing, no archive recorded): one line, exit 1."""


class RawArchive:
    def __init__(self, root: Path):
        self.root = Path(root)

    @staticmethod
    def relative_path(sha256: str, kind: str) -> str:
        return f"{sha256[:2]}/{sha256}.{SUFFIXES[kind]}.gz"

    def put(self, body: bytes, kind: str) -> tuple[str, str]:
        """Store ``body``; return (sha256, path relative to the root)."""
        sha256 = hashlib.sha256(body).hexdigest()
        relative = self.relative_path(sha256, kind)
        path = self.root / relative
        if path.exists():
            return sha256, relative
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".gz")
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
                out.write(body)
                # flushed and synced before the rename, so a crash never leaves a torn file under the real name
            with open(tmp, "rb") as written:
                os.fsync(written.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256, relative

    def get(self, relative: str) -> bytes:
        """The body stored at ``relative``; raises FileNotFoundError, or ValueError if it is corrupt."""
        body = gzip.decompress((self.root / relative).read_bytes())
        expected = Path(relative).name.split(".")[0]
        if hashlib.sha256(body).hexdigest() != expected:
            raise ValueError(f"archived body {relative} does not match its sha256")
        return body
