"""The sources file (flows/sources.toml): which feeds and listing pages a fetch run reads.

    [[sources]]
    name = "report-en"               # unique; names the source in fetch_log, raw_pages, article_sources
    outlet = "Report.az"
    language = "en"                  # az | ru | en: what the outlet publishes there
    kind = "rss"                     # rss | atom | listing
    url = "https://report.az/en/rss/"
    enabled = true                   # optional, default true
    rate_limit_seconds = 3.0         # optional: at least this long between two requests to its host
    link_pattern = "/en/[a-z-]+/"    # listing pages only: the links (absolute URLs, re.search) that are articles
    max_items = 50                   # optional: at most this many new links a run

Every problem of the file is reported at once, naming the source, before anything is fetched.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from transforms.lang import SUPPORTED as LANGUAGES

KINDS = ("rss", "atom", "listing")
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_FIELDS = {"name", "outlet", "language", "kind", "url", "enabled", "rate_limit_seconds", "link_pattern", "max_items"}


class SourcesError(ValueError):
    pass


@dataclass(frozen=True)
class Source:
    name: str
    outlet: str
    language: str
    kind: str
    url: str
    enabled: bool = True
    rate_limit_seconds: float | None = None
    link_pattern: str | None = None
    max_items: int | None = None

    @property
    def fetch_kind(self) -> str:
        """How its URL is stored: feed or listing."""
        return "listing" if self.kind == "listing" else "feed"


def parse_sources(text: str, origin: str = "sources.toml") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML: {exc}") from None
    entries = data.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[sources]] entries")
    problems: list[str] = []
    sources: list[Source] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        label = f"{origin}: source #{number} ({entry.get('name', 'no name')})"
        unknown = set(entry) - _FIELDS
        missing = {"name", "outlet", "language", "kind", "url"} - set(entry)
        if unknown:
            problems.append(f"{label}: unknown field(s) {', '.join(sorted(unknown))}")
        if missing:
            problems.append(f"{label}: missing field(s) {', '.join(sorted(missing))}")
            continue
        name, kind, url = str(entry["name"]), entry["kind"], str(entry["url"])
        if not _NAME.match(name):
            problems.append(f"{label}: name must be lower-case letters, digits, '.', '_' or '-'")
        if name in names:
            problems.append(f"{label}: name {name!r} is used twice")
        names.add(name)
        if kind not in KINDS:
            problems.append(f"{label}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if entry["language"] not in LANGUAGES:
            problems.append(f"{label}: language {entry['language']!r} is not one of {', '.join(LANGUAGES)}")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(f"{label}: url {url!r} is not an http(s) URL")
        pattern = entry.get("link_pattern")
        if kind == "listing" and not pattern:
            problems.append(f"{label}: a listing page needs a link_pattern")
        if pattern:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{label}: link_pattern is not a regular expression: {exc}")
        rate = entry.get("rate_limit_seconds")
        if rate is not None and (not isinstance(rate, (int, float)) or rate < 0):
            problems.append(f"{label}: rate_limit_seconds must be a number >= 0")
        max_items = entry.get("max_items")
        if max_items is not None and (not isinstance(max_items, int) or max_items < 1):
            problems.append(f"{label}: max_items must be an integer >= 1")
        sources.append(Source(name=name, outlet=str(entry["outlet"]), language=entry["language"], kind=kind, url=url,
                              enabled=bool(entry.get("enabled", True)),
                              rate_limit_seconds=float(rate) if rate is not None else None,
                              link_pattern=pattern, max_items=max_items))
    if problems:
        raise SourcesError("\n".join(problems))
    return sources


def load_sources(path: Path) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read the sources file: {exc.strerror or exc}") from None
    return parse_sources(text, str(path))


def select_sources(sources: list[Source], only: list[str] | None = None) -> list[Source]:
    """The enabled sources, or the ones named in ``only`` (enabled or not: the user asked for them)."""
    if not only:
        return [s for s in sources if s.enabled]
    known = {s.name for s in sources}
    unknown = [n for n in only if n not in known]
    if unknown:
        raise SourcesError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [s for s in sources if s.name in set(only)]
