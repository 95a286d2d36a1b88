"""Lines a site repeats on its pages ("more than 45,000 subscribers", "Telegram kanalımıza abunə
olun"), learned from the site's own pages and dropped from the stored text.

Pure. A *line* is a line of a page's main text (trafilatura's paragraphs). A line of at most
``MAX_LINE_CHARS`` characters that stands on at least ``min_pages`` distinct pages of one site is
the site's boilerplate: a promo, a subscription call, a standing disclaimer inside the article
container. Pages count as distinct when their texts are not copies of each other: a page whose
MinHash signature agrees with one already counted for the line on at least half of its values
(an estimated Jaccard of 0.5, the threshold of a story copy) is the same story again (a
correction, a reprint under another address) and teaches nothing about the site. Longer lines are
never boilerplate: a paragraph of that length repeated verbatim is reporting, not furniture.

Example: three pages of site.az, each ending "Telegram kanalımıza abunə olun: 120 000-dən çox
izləyici" and otherwise different → that line is dropped from all three (and from pages stored
before it was learned); a line on two pages only, or a long paragraph on ten, stays.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

MAX_LINE_CHARS = 250          # longer lines are reporting, never boilerplate
MIN_LINE_CHARS = 4            # shorter ones ("|", "•") carry nothing worth a row
EVIDENCE_PAGES = 10           # distinct pages remembered per line: enough to count past any threshold
SIGNATURE_VALUES = 16         # MinHash values of a page's signature (of the story fingerprint's 128)
_SPACE = re.compile(r"\s+")


def site_of(url: str | None) -> str | None:
    """The site a page belongs to: its host (and port), lower case, without "www."."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    return f"{host}:{parts.port}" if parts.port else host


def normalise_line(line: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", line)).strip().casefold()


def line_key(line: str) -> str:
    """SHA-256 of the normalised line: the same line with other spacing or case is the same line."""
    return hashlib.sha256(normalise_line(line).encode("utf-8")).hexdigest()


def page_signature(text: str) -> str:
    """A page's text in short: the first SIGNATURE_VALUES MinHash values of its story fingerprint
    (transforms/stories.py), as hex; a text too short for one is its content key."""
    from transforms.stories import fingerprint

    found = fingerprint(text)
    values = found.minhash_values()
    if values is None:
        return "key:" + found.content_key
    return "".join(f"{int(v):08x}" for v in values[:SIGNATURE_VALUES])


def same_page(a: str, b: str) -> bool:
    """Two signatures of one text, or of copies of it (half their values agree)."""
    if a.startswith("key:") or b.startswith("key:"):
        return a == b
    agree = sum(a[i:i + 8] == b[i:i + 8] for i in range(0, len(a), 8))
    return agree * 2 >= SIGNATURE_VALUES


def candidate_lines(text: str) -> dict[str, str]:
    """line key -> the line, for each line of ``text`` short enough to be boilerplate (each once)."""
    out: dict[str, str] = {}
    for raw in text.split("\n"):
        line = raw.strip()
        if MIN_LINE_CHARS <= len(line) <= MAX_LINE_CHARS:
            out.setdefault(line_key(line), line)
    return out


@dataclass(frozen=True)
class LineStats:
    """What is known of one line of one site (a row of site_lines)."""
    site: str
    line_sha256: str
    line: str
    page_signatures: tuple[str, ...]   # of up to EVIDENCE_PAGES distinct pages it was seen on
    n_pages: int                    # distinct pages it was seen on
    first_seen_at: dt.datetime
    last_seen_at: dt.datetime


@dataclass
class SiteLines:
    """The lines of every site seen so far; ``learn`` adds pages, ``boilerplate`` says which lines to drop."""
    min_pages: int
    lines: dict[tuple[str, str], LineStats] = field(default_factory=dict)   # (site, key) -> stats
    changed: set[tuple[str, str]] = field(default_factory=set)              # rows to write back

    def learn(self, site: str, text: str, seen_at: dt.datetime) -> None:
        """Count the lines of one page of ``site`` (its text before any line is dropped)."""
        candidates = candidate_lines(text)
        if not candidates:
            return
        signature = page_signature(text)
        for key, line in candidates.items():
            known = self.lines.get((site, key))
            if known is None:
                stats = LineStats(site, key, line, (signature,), 1, seen_at, seen_at)
            elif any(same_page(signature, seen) for seen in known.page_signatures):
                continue   # the same story again (a refetch, a correction, a copy under another URL)
            else:
                signatures = known.page_signatures
                if len(signatures) < EVIDENCE_PAGES:
                    signatures += (signature,)
                stats = replace(known, page_signatures=signatures, n_pages=known.n_pages + 1,
                                first_seen_at=min(known.first_seen_at, seen_at),
                                last_seen_at=max(known.last_seen_at, seen_at))
            self.lines[(site, key)] = stats
            self.changed.add((site, key))

    def is_boilerplate(self, site: str | None, key: str) -> bool:
        stats = self.lines.get((site, key)) if site else None
        return stats is not None and stats.n_pages >= self.min_pages

    def boilerplate(self, site: str | None) -> frozenset[str]:
        """The line keys of ``site`` to drop."""
        if not site:
            return frozenset()
        return frozenset(key for (s, key), stats in self.lines.items() if s == site and stats.n_pages >= self.min_pages)

    def newly_learned(self, before: Mapping[tuple[str, str], int]) -> dict[str, dict[str, str]]:
        """site -> {key: line} of the lines that are boilerplate now and were not with the counts
        ``before`` ((site, key) -> n_pages): the stored pages that carry them need cleaning too."""
        out: dict[str, dict[str, str]] = {}
        for site_key in self.changed:
            stats = self.lines[site_key]
            if stats.n_pages >= self.min_pages and before.get(site_key, 0) < self.min_pages:
                out.setdefault(stats.site, {})[stats.line_sha256] = stats.line
        return out


@dataclass(frozen=True)
class DroppedLine:
    """One line taken out of an article's text as its site's boilerplate (a row of dropped_lines)."""
    line_index: int      # its position among the lines of the text as read, from 0
    line_sha256: str
    line: str


def drop_lines(text: str, boilerplate: Iterable[str] | frozenset[str]) -> tuple[str, list[DroppedLine]]:
    """``text`` without its lines whose key is in ``boilerplate``, and what was dropped."""
    keys = boilerplate if isinstance(boilerplate, (set, frozenset)) else frozenset(boilerplate)
    if not keys:
        return text, []
    kept, dropped = [], []
    for index, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if MIN_LINE_CHARS <= len(line) <= MAX_LINE_CHARS and line_key(line) in keys:
            dropped.append(DroppedLine(index, line_key(line), line))
        else:
            kept.append(raw)
    if not dropped:
        return text, []
    return "\n".join(kept).strip("\n"), dropped
