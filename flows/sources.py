"""The sources file (flows/sources.toml): which feeds, sitemaps and listing pages a fetch run reads.

    [[sources]]
    name = "report-en"               # unique; names the source in fetch_log, raw_pages, article_sources
    outlet = "Report.az"
    language = "en"                  # az | ru | en: what the outlet publishes there
    kind = "rss"                     # rss | atom | listing | sitemap (a news sitemap, urlset or sitemap index)
    url = "https://report.az/en/rss/"
    enabled = true                   # optional, default true
    link_pattern = "/en/[a-z-]+/"    # the links (absolute URLs, re.search) that are articles: required for a
                                     # listing page and an archive_url; optional for a feed or sitemap (a filter)
    max_items = 50                   # optional: at most this many new links a run
    # politeness and budgets (optional; the fetch_* settings otherwise)
    rate_limit_seconds = 3.0         # at least this long between two requests to its host (a larger
                                     # Crawl-delay in the host's robots.txt wins)
    timeout_seconds = 10.0           # connect/read timeout of its requests
    retries = 1                      # retries of a transient failure
    budget_seconds = 120.0           # the most time a run spends on it; the rest waits for the next run
    # backfill (`ruaz fetch --since DATE [--until DATE]`)
    page_url = "https://report.az/en/politics/?page={page}"   # a listing's page N (else its rel=next link)
    archive_url = "https://report.az/en/archive/{date:%Y-%m-%d}/"   # a dated archive page, one per day
    max_pages = 30                   # listing or archive pages (or sitemaps of an index) read per run

Every problem of the file is reported at once, naming the source, before anything is fetched.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from transforms.lang import SUPPORTED as LANGUAGES
from transforms.config_files import ConfigFileError, matching, parse_toml, repeated, validate_entries

KINDS = ("rss", "atom", "listing", "sitemap")


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
    timeout_seconds: float | None = Field(None, gt=0)
    retries: int | None = Field(None, ge=0)
    budget_seconds: float | None = Field(None, gt=0)
    page_url: str | None = None
    archive_url: str | None = None
    max_pages: int | None = Field(None, ge=1)

    @field_validator("url")
    @classmethod
    def _url_is_http(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("not an http(s) URL")
        return url

    @field_validator("page_url")
    @classmethod
    def _page_url_has_a_page(cls, url: str | None) -> str | None:
        if url is not None:
            if "{page}" not in url:
                raise ValueError("needs {page} where the page number goes")
            cls._url_is_http(url.replace("{page}", "2"))
        return url

    @field_validator("archive_url")
    @classmethod
    def _archive_url_has_a_date(cls, url: str | None) -> str | None:
        if url is not None:
            if "{date" not in url:
                raise ValueError("needs {date:...} where the day goes, e.g. {date:%Y/%m/%d}")
            try:
                example = url.format(date=dt.date(2026, 12, 4), page=1)
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"not a template of {{date:...}} and {{page}}: {exc}") from None
            cls._url_is_http(example)
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
        if self.archive_url and not self.link_pattern:
            raise ValueError("an archive_url needs a link_pattern (which links of its pages are articles)")
        return self

    @property
    def fetch_kind(self) -> str:
        """How its URL is stored: feed, sitemap or listing."""
        return {"listing": "listing", "sitemap": "sitemap"}.get(self.kind, "feed")

    def archive_page(self, day: dt.date, page: int = 1) -> str:
        """Its dated archive page of ``day`` (page ``page`` of it, when the template has {page})."""
        return self.archive_url.format(date=day, page=page)


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
