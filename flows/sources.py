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
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from transforms.lang import SUPPORTED as LANGUAGES
from transforms.config_files import ConfigFileError, matching, parse_toml, repeated, validate_entries

KINDS = ("rss", "atom", "listing")


class SourcesError(ConfigFileError):
    pass


class Source(BaseModel):
    """One [[sources]] entry."""
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: matching(r"^[a-z0-9][a-z0-9._-]*$", "must be lower-case letters, digits, '.', '_' or '-'")
    outlet: str = Field(min_length=1)
    language: Literal[LANGUAGES]
    kind: Literal[KINDS]
    url: str
    enabled: bool = True
    rate_limit_seconds: float | None = Field(None, ge=0)
    link_pattern: str | None = None
    max_items: int | None = Field(None, ge=1)

    @field_validator("url")
    @classmethod
    def _url_is_http(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("not an http(s) URL")
        return url

    @field_validator("link_pattern")
    @classmethod
    def _pattern_compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from None
        return pattern

    @model_validator(mode="after")
    def _listing_has_a_pattern(self) -> "Source":
        if self.kind == "listing" and not self.link_pattern:
            raise ValueError("a listing page needs a link_pattern")
        return self

    @property
    def fetch_kind(self) -> str:
        """How its URL is stored: feed or listing."""
        return "listing" if self.kind == "listing" else "feed"


def parse_sources(text: str, origin: str = "sources.toml") -> list[Source]:
    """The file's sources; SourcesError lists every problem of every entry."""
    entries = parse_toml(text, origin, SourcesError).get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError([f"{origin}: no [[sources]] entries"])

    def where(number: int, entry) -> str:
        return f"{origin}: source #{number} ({entry.get('name', 'no name') if isinstance(entry, dict) else '?'})"

    sources, problems = validate_entries(Source, entries, where)
    names = [e.get("name") if isinstance(e, dict) else None for e in entries]
    problems += [f"{where(n, entries[n - 1])}: name {name!r} is used twice" for n, name in repeated(names)]
    if problems:
        raise SourcesError(problems)
    return sources


def load_sources(path: Path) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError([f"{path}: cannot read the sources file: {exc.strerror or exc}"]) from None
    return parse_sources(text, str(path))


def select_sources(sources: list[Source], only: list[str] | None = None) -> list[Source]:
    """The enabled sources, or the ones named in ``only`` (enabled or not: the user asked for them)."""
    if not only:
        return [s for s in sources if s.enabled]
    known = {s.name for s in sources}
    unknown = [n for n in only if n not in known]
    if unknown:
        raise SourcesError([f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"])
    return [s for s in sources if s.name in set(only)]
