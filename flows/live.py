"""The fetch run: read the configured feeds, sitemaps and listing pages, fetch what is new, keep what is relevant.

    sources.toml → per source (in parallel; each host rate-limited, robots.txt honoured, within the
    run's and the source's time budget): the feed, sitemap or listing page, conditionally (or, for a
    backfill, its archive by date) → its new links (and the pages to try again or revalidate) →
    each page → raw archive → main text, headline, dated evidence (transforms/pages.py)
    → then, every page of every source read: each site's repeated lines learned and dropped
    (transforms/boilerplate.py), the publication date chosen, relevance → process_articles (plan
    with stories, extract, validate, load, publish, export), with raw_pages, fetch_log, site_lines,
    dropped_lines, fetch_resets and raw_archives written in the same transaction.

Incremental: a feed that has not changed answers 304 (its archived body is read again, so links a
run left for later are not lost); a page URL already archived (or failed for good) is not
requested again unless its feed says it was updated since, it is revalidated (an article fetched
within RUAZ_FETCH_REVALIDATE_DAYS, conditionally, at most every RUAZ_FETCH_REVALIDATE_HOURS) or
a user resets it (--refetch, --retry-given-up). The state is the warehouse's raw_pages,
fetch_log and fetch_resets, so it survives restarts and is published with the articles.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import polars as pl
from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from pydantic import BaseModel, ConfigDict, Field

from expectations.validate import validate, validate_strict
from flows import progress
from flows.fetch import (
    Fetcher,
    FetchPolicy,
    FetchRequest,
    FetchResult,
    LiveFetcher,
    RecordedFetcher,
    RobotsRules,
)
from flows.pipeline import (
    ArticlePolicy,
    Intake,
    RunContext,
    RunOptions,
    RunSummary,
    new_run_id,
    process_articles,
    run_clock,
)
from flows.settings import setting
from flows.sources import Source, SourcesError, load_sources, select_sources
from transforms.boilerplate import SiteLines, site_of
from transforms.feeds import FeedError, FeedItem, canonical_url, listing_links, next_page_url, parse_feed, parse_sitemap
from transforms.ingest import IngestProblem, RawArticle
from transforms.pages import PageContent, PageProblem, PageReading, finish_page, parse_page
from transforms.tables import quarantine_frame
from warehouse import live, store
from warehouse.archive import ArchiveError, RawArchive
from warehouse.tables import polars_schema

RAW_PAGE_SCHEMA = polars_schema("raw_pages")
FETCH_LOG_SCHEMA = polars_schema("fetch_log")
DROPPED_LINE_SCHEMA = polars_schema("dropped_lines")
FETCH_RESET_SCHEMA = polars_schema("fetch_resets")
# what a page that was received but not kept is logged as
_PAGE_STATUS = {"article": "fetched", "irrelevant": "skipped"}
# progress: a line per source every this many pages, or this many seconds
_PROGRESS_PAGES, _PROGRESS_SECONDS = 10, 10.0


class FetchOptions(BaseModel):
    """How a fetch run talks to the sites, what it asks for, and what it keeps."""
    model_config = ConfigDict(extra="forbid")   # a misspelt option is an error, not ignored

    policy: FetchPolicy = Field(default_factory=FetchPolicy)
    max_items: int = setting("fetch_max_items")
    max_pages: int = setting("fetch_max_pages")
    run_budget_seconds: float = setting("fetch_run_budget_seconds")
    source_budget_seconds: float = setting("fetch_source_budget_seconds")
    host_max_failures: int = setting("fetch_host_max_failures")
    max_crawl_delay_seconds: float = setting("fetch_max_crawl_delay_seconds")
    revalidate_days: float = setting("fetch_revalidate_days")
    revalidate_hours: float = setting("fetch_revalidate_hours")
    since: dt.date | None = Field(None, description="Backfill: the sources' archives from this day (inclusive).")
    until: dt.date | None = Field(None, description="Backfill: up to this day (inclusive; default: the run's day).")
    refetch: list[str] = Field(default_factory=list,
                               description="Fetch these page URLs again, unconditionally, and nothing else.")
    retry_given_up: bool = Field(False, description="Try again the pages given up on (failed for good, or in 3 runs).")
    replay_from: str | None = Field(None, description="Answer from this warehouse's raw archive instead of the network.")

    @property
    def is_backfill(self) -> bool:
        return self.since is not None


@dataclass
class HarvestedPage:
    """A page received and parsed, waiting for its site's boilerplate to be known."""
    source: Source
    item: FeedItem
    result: FetchResult
    content: PageContent
    log_index: int                    # its fetch_log row in the harvest (its outcome is set when read)
    feed_published: dt.date | None


@dataclass
class Harvest:
    """What one source gave in one run."""
    source: str
    log: list[dict] = field(default_factory=list)         # fetch_log rows
    raw_pages: list[dict] = field(default_factory=list)   # raw_pages rows
    pages: list[HarvestedPage] = field(default_factory=list)
    resets: list[dict] = field(default_factory=list)      # fetch_resets rows

    def outcome(self) -> str:
        """One line for the progress report: how the listing went, the pages fetched and read."""
        listing = next((r for r in self.log if r["kind"] in ("feed", "listing", "sitemap")), None)
        pages = [r for r in self.log if r["kind"] == "page"]
        if listing is None:
            said = "no listing" if not pages else "pages only"
        elif listing["status"] == "fetched":
            said = listing["detail"]
        else:
            said = f"listing {listing['status']} ({listing['reason']})"
        n_failed = sum(r["status"] == "failed" for r in pages)
        n_skipped = sum(r["status"] == "skipped" for r in pages)
        n_received = len(pages) - n_failed - n_skipped
        line = f"{self.source}: {said}; {n_received} pages received, {n_failed} failed"
        return line + (f", {n_skipped} not requested" if n_skipped else "")


class UrlClaims:
    """Each URL is fetched once per run, whichever source lists it first."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def claim(self, url: str) -> bool:
        with self._lock:
            if url in self._seen:
                return False
            self._seen.add(url)
            return True


class HostHealth:
    """A host that failed ``max_failures`` requests in a row (transiently: timeouts, 5xx…) is not
    requested again in this run: one dead or slow site cannot hold the run."""

    def __init__(self, max_failures: int):
        self.max_failures = max_failures
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()

    def is_down(self, host: str) -> bool:
        with self._lock:
            return self._failures.get(host, 0) >= self.max_failures

    def record(self, host: str, result: FetchResult) -> None:
        with self._lock:
            if result.status == "failed" and result.is_transient:
                self._failures[host] = self._failures.get(host, 0) + 1
            elif result.status != "failed" or result.http_status is not None:
                self._failures[host] = 0


class FetchProgress:
    """Progress of a fetch: a line per source as its listing is read, every few pages, and when done."""

    def __init__(self, n_sources: int):
        self.n_sources, self.started = n_sources, time.perf_counter()
        self.n_wanted = self.n_done = self.n_sources_done = 0
        self._last: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def _say(self, detail: str) -> None:
        progress.current().update("pages", self.n_done, self.n_wanted, time.perf_counter() - self.started, "pages",
                                  detail)

    def wanted(self, source: str, n: int, detail: str) -> None:
        with self._lock:
            self.n_wanted += n
            self._last[source] = (0, time.perf_counter())
            self._say(f"{source}: {detail}")

    def page_done(self, source: str, n_done: int, n_wanted: int) -> None:
        with self._lock:
            self.n_done += 1
            last_n, last_at = self._last.get(source, (0, self.started))
            if n_done - last_n >= _PROGRESS_PAGES or time.perf_counter() - last_at >= _PROGRESS_SECONDS:
                self._last[source] = (n_done, time.perf_counter())
                self._say(f"{source}: {n_done}/{n_wanted} pages")

    def source_done(self, harvest: Harvest) -> None:
        with self._lock:
            self.n_sources_done += 1
            progress.current().update("fetch", self.n_sources_done, self.n_sources,
                                      time.perf_counter() - self.started, "sources", harvest.outcome())


@dataclass
class FetchContext:
    """What every source's harvest shares in one run."""
    fetcher: Fetcher
    archive: RawArchive
    state: live.FetchState
    options: FetchOptions
    run_id: str
    run_at: dt.datetime
    robots: RobotsRules
    hosts: HostHealth
    claims: UrlClaims
    progress: FetchProgress
    run_deadline: float                                   # time.monotonic()
    refetch: dict[str, list[str]] = field(default_factory=dict)   # source -> URLs to fetch again

    @property
    def today(self) -> dt.date:
        return self.run_at.date()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# ---- one source ---------------------------------------------------------------------------------

@dataclass
class Listing:
    """A feed, sitemap or listing page read: its items, and its fetch_log row (to say what it gave)."""
    items: list[FeedItem]
    result: FetchResult
    log_index: int | None          # None until logged; a 304 is logged at once
    is_index: bool = False         # a sitemap index: its items are sitemaps


class SourceHarvester:
    """Fetches one source's listings and pages, logging every outcome; never raises for what a site does."""

    def __init__(self, source: Source, ctx: FetchContext):
        self.source, self.ctx, self.options = source, ctx, ctx.options
        self.harvest = Harvest(source.name)
        budget = source.budget_seconds or self.options.source_budget_seconds
        self.deadline = min(ctx.run_deadline, time.monotonic() + budget)
        self.limit = min(source.max_items or self.options.max_items, self.options.max_items)
        self.max_pages = source.max_pages or self.options.max_pages
        self.n_wanted = 0
        self.page_dates: list[dt.date] = []     # dates of the pages of the listing page last read (backfill)

    # -- logging --------------------------------------------------------------------------------
    def record(self, result: FetchResult, kind: str, status: str | None = None, reason: str | None = None,
               detail: str | None = None, archive: bool = True) -> int:
        """Log one fetch outcome (its index in the harvest's log); archive its body, if there was one."""
        sha256 = None
        if result.body is not None and archive:
            sha256, relative = self.ctx.archive.put(result.body, kind)
            self.harvest.raw_pages.append({
                "url": result.url, "content_sha256": sha256, "final_url": result.final_url or result.url,
                "kind": kind, "source": self.source.name, "fetched_at": result.fetched_at,
                "http_status": result.http_status, "content_type": result.content_type, "etag": result.etag,
                "last_modified": result.last_modified, "archive_path": relative, "n_bytes": result.n_bytes,
                "run_id": self.ctx.run_id,
            })
        self.harvest.log.append({
            "run_id": self.ctx.run_id, "url": result.url, "source": self.source.name, "kind": kind,
            "status": status or result.status, "reason": reason or result.reason,
            "detail": detail if detail is not None else result.detail, "http_status": result.http_status,
            "final_url": result.final_url, "is_transient": result.is_transient, "n_attempts": result.n_attempts,
            "elapsed_ms": result.elapsed_ms, "n_bytes": result.n_bytes, "content_sha256": sha256,
            "fetched_at": result.fetched_at,
        })
        return len(self.harvest.log) - 1

    def not_requested(self, url: str, kind: str, reason: str, detail: str, transient: bool) -> None:
        self.record(FetchResult(url, "skipped", reason, _utcnow(), detail=detail, n_attempts=0,
                                is_transient=transient), kind)

    # -- requests -------------------------------------------------------------------------------
    def fetch(self, url: str, kind: str, conditional: bool = True) -> FetchResult | None:
        """The answer for ``url``; None when it was not requested (the reason is logged): the
        budget is spent, the host is down, or robots.txt says no."""
        host = urlsplit(url).netloc
        if time.monotonic() >= self.deadline:
            self.not_requested(url, kind, "budget_exhausted",
                               "the run's or the source's time budget was spent; a later run fetches it", True)
            return None
        if self.ctx.hosts.is_down(host):
            self.not_requested(url, kind, "host_unavailable",
                               f"{host} failed {self.ctx.hosts.max_failures} requests in a row in this run", True)
            return None
        verdict, robots_answer = self.ctx.robots.check_and_report(url, self.deadline)
        if robots_answer is not None:
            self.ctx.hosts.record(host, robots_answer)
            self._record_robots(robots_answer)
        if not verdict.allowed:
            self.not_requested(url, kind, verdict.reason, verdict.detail, verdict.reason == "robots_unavailable")
            return None
        cached = self.ctx.state.validators.get(url) if conditional else None
        own = self.source.rate_limit_seconds
        interval = max(self.options.policy.host_interval_seconds if own is None else own, verdict.crawl_delay or 0.0)
        result = self.ctx.fetcher.fetch(FetchRequest(
            url, etag=cached.etag if cached else None, last_modified=cached.last_modified if cached else None,
            host_interval_seconds=interval, timeout_seconds=self.source.timeout_seconds,
            retries=self.source.retries, deadline=self.deadline))
        self.ctx.hosts.record(host, result)
        return result

    def _record_robots(self, answer: FetchResult) -> None:
        if answer.status == "fetched":
            delay = self.ctx.robots.crawl_delay_of(answer.url)
            self.record(answer, "robots", reason="robots", archive=False,
                        detail=f"Crawl-delay {delay:g} s" if delay else "no Crawl-delay")
        elif answer.http_status is not None and 400 <= answer.http_status < 500:
            self.record(answer, "robots", status="fetched", reason="no_robots", archive=False,
                        detail=f"HTTP {answer.http_status}: everything allowed")
        else:
            self.record(answer, "robots", archive=False)

    # -- listings -------------------------------------------------------------------------------
    def read_listing(self, url: str, kind: str) -> Listing | None:
        """A feed, sitemap or listing page and its items: fetched conditionally, and on 304 read
        from its archived body (links a run left for later are not lost). None when unreadable."""
        result = self.fetch(url, kind)
        if result is None:
            return None
        log_index = None
        if result.status == "not_modified":
            log_index = self.record(result, kind)
            cached = self.ctx.state.validators.get(url)
            try:
                body = self.ctx.archive.get(cached.archive_path) if cached and cached.archive_path else None
            except (OSError, ValueError):
                body = None
            if body is None:
                return None
            result = FetchResult(url, "fetched", "ok", result.fetched_at, final_url=result.final_url or url,
                                 body=body, content_type=cached.content_type, http_status=304)
        elif result.status != "fetched":
            self.record(result, kind)
            return None
        base = result.final_url or url
        try:
            if kind == "feed":
                return Listing(self._matching(parse_feed(result.body, base, result.content_type)), result, log_index)
            if kind == "sitemap":
                sitemap = parse_sitemap(result.body, base, self.options.policy.max_bytes)
                items = sitemap.items if sitemap.is_index else self._matching(sitemap.items)
                return Listing(items, result, log_index, sitemap.is_index)
            return Listing(listing_links(result.body, base, self.source.link_pattern, result.charset), result,
                           log_index)
        except FeedError as exc:
            if log_index is None:
                self.record(result, kind, status="failed", reason=f"bad_{kind}", detail=str(exc))
            return None

    def _matching(self, items: list[FeedItem]) -> list[FeedItem]:
        if not self.source.link_pattern:
            return items
        pattern = re.compile(self.source.link_pattern)
        return [i for i in items if pattern.search(i.url)]

    def said(self, listing: Listing, kind: str, detail: str) -> None:
        """Log a listing with what it gave (a 304's row says what its archived body gave)."""
        if listing.log_index is None:
            listing.log_index = self.record(listing.result, kind, reason=kind, detail=detail)
        else:
            self.harvest.log[listing.log_index]["detail"] = f"not modified; its archived body: {detail}"

    def in_range(self, item: FeedItem) -> bool:
        """Backfill: an item dated outside --since/--until is not fetched (an undated one is)."""
        day = item.published_on or (item.published.date() if item.published else None)
        if day is None or not self.options.is_backfill:
            return True
        return self.options.since <= day <= (self.options.until or self.ctx.today)

    def is_wanted(self, item: FeedItem) -> bool:
        """New, or settled but updated (says the feed or sitemap) since its body was fetched."""
        state = self.ctx.state
        if item.url not in state.settled:
            return True
        cached = state.validators.get(item.url)
        return cached is not None and item.updated is not None and item.updated > cached.fetched_at

    def select(self, items: list[FeedItem]) -> tuple[list[FeedItem], str]:
        """The items to fetch (in range, new or updated, within the limit) and what was found, in words."""
        in_range = [i for i in items if self.in_range(i)]
        wanted = [i for i in in_range if self.is_wanted(i)]
        chosen = wanted[:max(self.limit - self.n_wanted, 0)]
        self.n_wanted += len(chosen)
        said = f"{len(items)} links"
        if self.options.is_backfill:
            said += f", {len(in_range)} in range"
        said += f", {len(wanted)} new or updated"
        if len(chosen) < len(wanted):
            said += f" ({len(wanted) - len(chosen)} over the limit of {self.limit}: a later run)"
        return chosen, said

    def offer(self, listing: Listing, kind: str, what: str, items: list[FeedItem] | None = None,
              note: str = "") -> tuple[list[FeedItem], str]:
        chosen, said = self.select(listing.items if items is None else items)
        self.said(listing, kind, f"{what}{said}{note}")
        self.ctx.progress.wanted(self.source.name, len(chosen), f"{kind}: {what}{said}")
        return chosen, kind

    def batches(self) -> Iterator[tuple[list[FeedItem], str]]:
        """(items to fetch, what listed them: feed | sitemap | listing | retry | revalidate | refetch)
        in turn. A backfilled listing is read page by page, the next page only when the last one's
        pages were not all older than --since."""
        source, kind = self.source, self.source.fetch_kind
        if self.options.refetch:
            urls = self.ctx.refetch.get(source.name, [])
            self.ctx.progress.wanted(source.name, len(urls), f"{len(urls)} pages to fetch again")
            yield [FeedItem(url) for url in urls], "refetch"
            return
        if self.options.is_backfill and source.archive_url:
            yield from self._archive_days()
        elif self.options.is_backfill and kind == "listing":
            yield from self._listing_pages()
        elif kind == "sitemap":
            yield from self._sitemap()
        else:
            listing = self.read_listing(source.url, kind)
            if listing is not None:
                note = ("; a feed lists recent items only (an archive_url backfills it)"
                        if self.options.is_backfill and kind == "feed" else "")
                yield self.offer(listing, kind, "", note=note)
        again = list(self.ctx.state.retry.get(source.name, []))
        if self.options.retry_given_up:
            for url in self.ctx.state.given_up.get(source.name, []):
                again.append(url)
                self.harvest.resets.append({"url": url, "source": source.name, "reason": "retry_given_up",
                                            "reset_at": _utcnow(), "run_id": self.ctx.run_id})
        again = list(dict.fromkeys(again))
        if again:
            self.ctx.progress.wanted(source.name, len(again), f"{len(again)} pages to try again")
            yield [FeedItem(url) for url in again], "retry"
        revalidate = self.ctx.state.revalidate.get(source.name, [])
        if revalidate:
            self.ctx.progress.wanted(source.name, len(revalidate), f"{len(revalidate)} recent articles to revalidate")
            yield [FeedItem(url) for url in revalidate], "revalidate"

    def _archive_days(self) -> Iterator[tuple[list[FeedItem], str]]:
        """Backfill through dated archive pages: each day from --until back to --since."""
        source, day = self.source, self.options.until or self.ctx.today
        n_pages = 0
        while day >= self.options.since and n_pages < self.max_pages and self.n_wanted < self.limit \
                and time.monotonic() < self.deadline:
            for page in range(1, self.max_pages + 1):
                if n_pages >= self.max_pages:
                    break
                n_pages += 1
                listing = self.read_listing(canonical_url(source.archive_page(day, page)), "listing")
                if listing is None:
                    break
                if not listing.items:
                    self.said(listing, "listing", f"archive of {day}: no links")
                    break
                dated = [FeedItem(i.url, i.title, i.published, i.updated, i.published_on or day) for i in listing.items]
                yield self.offer(listing, "listing", f"archive of {day}, page {page}: ", dated)
                if "{page" not in source.archive_url:
                    break
            day -= dt.timedelta(days=1)

    def _listing_pages(self) -> Iterator[tuple[list[FeedItem], str]]:
        """Backfill through a listing's pages (page_url, else its "next" link), newest first, until
        a page's articles are all older than --since."""
        source, url = self.source, self.source.url
        seen_pages: set[str] = set()
        seen_links: set[str] = set()
        for number in range(1, self.max_pages + 1):
            if url is None or url in seen_pages:
                break
            seen_pages.add(url)
            listing = self.read_listing(url, "listing")
            if listing is None:
                break
            fresh = [i for i in listing.items if i.url not in seen_links]
            seen_links |= {i.url for i in listing.items}
            if not fresh:
                self.said(listing, "listing", f"page {number}: no links an earlier page did not have; the end")
                break
            next_url = (canonical_url(source.page_url.format(page=number + 1)) if source.page_url
                        else next_page_url(listing.result.body, listing.result.final_url or url,
                                           listing.result.charset))
            self.page_dates = [i.published_on for i in fresh if i.published_on]
            yield self.offer(listing, "listing", f"page {number}: ", fresh)
            # the dates beside its links, and the dates of the pages fetched from it
            if self.page_dates and max(self.page_dates) < self.options.since:
                break
            if self.n_wanted >= self.limit:
                break
            url = next_url

    def _sitemap(self) -> Iterator[tuple[list[FeedItem], str]]:
        """A sitemap, or a sitemap index and its sitemaps, newest first (in a backfill, those changed
        since --since)."""
        listing = self.read_listing(self.source.url, "sitemap")
        if listing is None:
            return
        if not listing.is_index:
            yield self.offer(listing, "sitemap", "", _newest_first(listing.items))
            return
        children = _newest_first(listing.items)
        if self.options.is_backfill:
            children = [c for c in children if c.updated is None or c.updated.date() >= self.options.since]
        self.said(listing, "sitemap", f"sitemap index: {len(listing.items)} sitemaps, "
                                      f"{min(len(children), self.max_pages)} read")
        for child in children[:self.max_pages]:
            if self.n_wanted >= self.limit:
                break
            entries = self.read_listing(child.url, "sitemap")
            if entries is None:
                continue
            if entries.is_index:
                self.said(entries, "sitemap", "a sitemap index inside a sitemap index: not followed")
                continue
            yield self.offer(entries, "sitemap", "", _newest_first(entries.items))

    # -- pages ----------------------------------------------------------------------------------
    def fetch_page(self, item: FeedItem, listed_by: str) -> None:
        if listed_by == "refetch":
            self.harvest.resets.append({"url": item.url, "source": self.source.name, "reason": "refetch",
                                        "reset_at": _utcnow(), "run_id": self.ctx.run_id})
        result = self.fetch(item.url, "page", conditional=listed_by != "refetch")
        if result is None:
            return
        if result.status != "fetched":
            self.record(result, "page")
            return
        cached = self.ctx.state.validators.get(item.url)
        if (listed_by == "revalidate" and cached is not None and result.body is not None
                and hashlib.sha256(result.body).hexdigest() == cached.content_sha256):
            self.record(result, "page", status="not_modified", reason="unchanged",
                        detail="revalidated: the body is the one archived")
            return
        content = parse_page(result.body, content_type=result.content_type, url=result.final_url or result.url,
                             today=self.ctx.today, feed_title=item.title)
        if isinstance(content, PageProblem):
            self.record(result, "page", status="failed", reason=content.reason, detail=content.detail)
            return
        index = self.record(result, "page", status="fetched", reason="article", detail="read")
        # the date of a feed or sitemap item is evidence of publication; a listing's only decides a
        # backfill (it may be the listing's own date); a page fetched again without its feed item
        # keeps the day its feed gave before
        feed_published = (item.published_on if listed_by in ("feed", "sitemap") else None) \
            or self.ctx.state.feed_published.get(item.url)
        self.harvest.pages.append(HarvestedPage(self.source, item, result, content, index, feed_published))
        stated = content.metadata_date or content.byline_date
        if listed_by == "listing" and stated is not None and item.published_on is None:
            self.page_dates.append(stated.date)

    def run(self) -> Harvest:
        for items, listed_by in self.batches():
            for n, item in enumerate(items, start=1):
                if self.ctx.claims.claim(item.url) or listed_by == "refetch":
                    self.fetch_page(item, listed_by)
                self.ctx.progress.page_done(self.source.name, n, len(items))
        return self.harvest


def _newest_first(items: list[FeedItem]) -> list[FeedItem]:
    """Sitemaps are often oldest first: the newest items (by publication, else lastmod) go first."""
    def moment(item: FeedItem) -> dt.datetime | None:
        return item.published or item.updated

    return sorted(items, key=lambda i: (moment(i) is None, -(moment(i) or dt.datetime.min).timestamp()
                                        if moment(i) else 0))


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_sources(path: str, only: list[str] | None) -> list[Source]:
    return select_sources(load_sources(Path(path)), only)


@task(cache_policy=NO_CACHE)
def read_fetch_state(db_path: Path, run_at: dt.datetime, options: FetchOptions) -> live.FetchState:
    if not db_path.exists():
        return live.FetchState()
    con = store.connect_read_only(db_path)
    try:
        return live.read_fetch_state(con, run_at, options.revalidate_days, options.revalidate_hours)
    finally:
        con.close()


@task(cache_policy=NO_CACHE)
def harvest_source(source: Source, ctx: FetchContext) -> Harvest:
    """Fetch a source's feed, sitemap or listing page (or its archive, in a backfill), then the
    pages it links to that are new, and parse them; never raises for what a site does (every
    outcome is logged with its reason)."""
    harvest = SourceHarvester(source, ctx).run()
    ctx.progress.source_done(harvest)
    return harvest


@task(cache_policy=NO_CACHE)
def validate_fetch_tables(raw_pages: pl.DataFrame, fetch_log: pl.DataFrame, run_id: str,
                          run_at: dt.datetime) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(valid raw_pages, valid fetch_log, quarantine rows of the rest)."""
    checked = {"raw_pages": validate("raw_pages", raw_pages), "fetch_log": validate("fetch_log", fetch_log)}
    quarantine = pl.concat([quarantine_frame(t, v.rejected, run_id=run_id, run_at=run_at) for t, v in checked.items()])
    return checked["raw_pages"].valid, checked["fetch_log"].valid, quarantine


# ---- reading the pages, once every site's lines are known --------------------------------------

@dataclass
class PagesRead:
    """The articles of the pages a run read, and what the site's lines were."""
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)      # dropped_lines rows
    read_ids: list[str] = field(default_factory=list)      # articles whose dropped lines this run knows
    n_irrelevant: int = 0


def read_pages(pages: list[tuple[HarvestedPage, dict]], lines: SiteLines, *, policy: ArticlePolicy,
               run_id: str, today: dt.date, out: PagesRead) -> None:
    """Each harvested page (and its fetch_log row) read with its site's boilerplate dropped."""
    for page, log_row in pages:
        site = site_of(canonical_url(page.result.final_url or page.result.url))
        reading = finish_page(page.content, url=page.result.url, final_url=page.result.final_url or page.result.url,
                              origin=page.source.name, language=page.source.language,
                              fetched_at=page.result.fetched_at, today=today,
                              min_relevance=policy.relevance_threshold, feed_published=page.feed_published,
                              boilerplate=lines.boilerplate(site))
        log_row.update(status=_PAGE_STATUS.get(reading.reason, "failed"), reason=reading.reason, detail=reading.detail)
        _keep(reading, site, run_id, out)


def _keep(reading: PageReading, site: str | None, run_id: str, out: PagesRead) -> None:
    out.n_irrelevant += reading.reason == "irrelevant"
    if reading.article is None:
        return
    out.articles.append(reading.article)
    out.problems += reading.problems
    out.read_ids.append(reading.article.article_id)
    out.dropped += [{"article_id": reading.article.article_id, "line_index": d.line_index,
                     "line_sha256": d.line_sha256, "line": d.line, "site": site, "run_id": run_id}
                    for d in reading.dropped]


def read_archived(pages: list[dict], roots: list[Path], *, languages: dict[str, str], today: dt.date,
                  lines: SiteLines, learn: bool, policy: ArticlePolicy, run_id: str, out: PagesRead) -> list[str]:
    """Archived pages (``warehouse.live.read_archived_pages`` rows) read again: when ``learn``,
    their lines are counted first (every page of the archive: the counts start from nothing). The
    pages that cannot be read from any of ``roots`` are returned, not read."""
    archives = [RawArchive(root) for root in roots]
    parsed: list[tuple[dict, PageContent]] = []
    missing: list[str] = []
    for row in pages:
        body = None
        for archive in archives:
            try:
                body = archive.get(row["archive_path"])
                break
            except (OSError, ValueError):
                continue
        if body is None:
            missing.append(row["archive_path"])
            continue
        content = parse_page(body, content_type=row["content_type"], url=row["final_url"], today=today)
        if isinstance(content, PageProblem):
            continue
        parsed.append((row, content))
        if learn:
            lines.learn(site_of(canonical_url(row["final_url"])), content.text, row["fetched_at"])
    for row, content in parsed:
        site = site_of(canonical_url(row["final_url"]))
        reading = finish_page(content, url=row["url"], final_url=row["final_url"], origin=row["source"],
                              language=languages.get(row["source"]), fetched_at=row["fetched_at"], today=today,
                              min_relevance=policy.relevance_threshold, feed_published=row.get("feed_published"),
                              boilerplate=lines.boilerplate(site))
        _keep(reading, site, run_id, out)
    return missing


def _frames_loader(raw_pages: pl.DataFrame, fetch_log: pl.DataFrame, quarantine: pl.DataFrame, resets: pl.DataFrame,
                   site_lines: pl.DataFrame, dropped: pl.DataFrame, read_ids: list[str], archive_root: str | None,
                   run_at: dt.datetime, run_id: str, policy: ArticlePolicy, replace_lines: bool = False):
    """The run's own tables, loaded in its transaction after the articles (extra_load)."""
    def load(con) -> None:
        if raw_pages is not None:
            live.load_fetch_tables(con, raw_pages, fetch_log, quarantine, resets)
        live.load_site_lines(con, site_lines, replace_all=replace_lines,
                             forget_before=run_at - dt.timedelta(days=policy.boilerplate_memory_days))
        live.load_dropped_lines(con, dropped, read_ids)
        if archive_root is not None:
            live.record_archive(con, archive_root, run_at, run_id)
    return load


# ---- the entry flow ----------------------------------------------------------------------------

def make_fetcher(options: FetchOptions, raw_dir: Path) -> Fetcher:
    if options.replay_from:
        return RecordedFetcher.from_warehouse(Path(options.replay_from), raw_dir)
    return LiveFetcher(options.policy)


def refetch_by_source(urls: list[str], sources: list[Source], db_path: Path) -> dict[str, list[str]]:
    """Each URL to fetch again under the source that last fetched it, else the one on its host."""
    canonical = [canonical_url(u) for u in urls]
    known: dict[str, str] = {}
    if db_path.exists():
        con = store.connect_read_only(db_path)
        try:
            known = live.sources_of(con, canonical)
        finally:
            con.close()
    names = {s.name for s in sources}
    out: dict[str, list[str]] = {}
    problems = []
    for url in canonical:
        source = known.get(url) if known.get(url) in names else next(
            (s.name for s in sources if urlsplit(s.url).netloc == urlsplit(url).netloc), None)
        if source is None:
            problems.append(f"{url}: no source fetched it or lists its host; pass --only NAME")
            continue
        out.setdefault(source, []).append(url)
    if problems:
        raise SourcesError(problems)
    return out


def harvest_all(sources: list[Source], ctx: FetchContext) -> list[Harvest]:
    """Every source harvested on the flow's task runner (in parallel), in the sources' order;
    each one reported as it finishes."""
    futures = harvest_source.map(sources, unmapped(quote(ctx)))   # quoted: Prefect need not walk the state
    order = {id(f): i for i, f in enumerate(futures)}
    harvests: list[Harvest | None] = [None] * len(futures)
    for future in as_completed(list(futures)):
        harvests[order[id(future)]] = future.result()
    return harvests


# Sources fetched at once; `ruaz fetch` sets it from RUAZ_FETCH_WORKERS (with_options).
@flow(name="ruaz-fetch", task_runner=ThreadPoolTaskRunner(max_workers=4))
def fetch_pipeline(
    db: str,
    sources_file: str,
    raw_dir: str,
    fetch: FetchOptions | None = None,
    export_dir: str | None = None,
    only: list[str] | None = None,
    run_at: dt.datetime | None = None,
    options: RunOptions | None = None,
    policy: ArticlePolicy | None = None,
) -> RunSummary:
    """Fetch the sources' new articles, keep the relevant ones, extract, validate, load, export.

    policy.relevance_threshold: fetched articles scoring lower are archived and counted, not extracted."""
    options, policy, fetch = options or RunOptions(), policy or ArticlePolicy(), fetch or FetchOptions()
    run_at = run_at or run_clock()
    run_id = new_run_id(run_at)
    db_path, archive = Path(db), RawArchive(Path(raw_dir))
    sources = read_sources(sources_file, only)
    state = read_fetch_state(db_path, run_at, fetch)
    refetch = refetch_by_source(fetch.refetch, sources, db_path) if fetch.refetch else {}
    if refetch:
        sources = [s for s in sources if s.name in refetch]
    fetcher = make_fetcher(fetch, Path(raw_dir))
    ctx = FetchContext(fetcher=fetcher, archive=archive, state=state, options=fetch, run_id=run_id, run_at=run_at,
                       robots=RobotsRules(fetcher, fetch.policy.user_agent, fetch.max_crawl_delay_seconds),
                       hosts=HostHealth(fetch.host_max_failures), claims=UrlClaims(),
                       progress=FetchProgress(len(sources)),
                       run_deadline=time.monotonic() + fetch.run_budget_seconds, refetch=refetch)
    try:
        harvests = harvest_all(sources, ctx)
    finally:
        fetcher.close()

    # every page is in: learn each site's lines, then read the pages without them
    pages = [(p, h.log[p.log_index]) for h in harvests for p in h.pages]
    sites = sorted({site_of(canonical_url(p.result.final_url or p.result.url)) for p, _ in pages} - {None})
    started = time.perf_counter()
    lines, read, cleaned = learn_and_read(db_path, quote(pages), sites, policy=policy, run_id=run_id,
                                          today=run_at.date(), languages={s.name: s.language for s in sources})
    progress.current().update(
        "read", len(pages), len(pages), time.perf_counter() - started, "pages",
        f"{len(read.articles) - cleaned} articles, {read.n_irrelevant} not relevant, {len(read.dropped)} lines dropped "
        f"as their site's boilerplate" + (f"; {cleaned} stored articles read again without lines just found to "
                                          "be boilerplate" if cleaned else ""))

    raw_pages = pl.DataFrame([r for h in harvests for r in h.raw_pages], schema=RAW_PAGE_SCHEMA)
    fetch_log = pl.DataFrame([r for h in harvests for r in h.log], schema=FETCH_LOG_SCHEMA)
    raw_pages, fetch_log, quarantine = validate_fetch_tables(raw_pages, fetch_log, run_id, run_at)
    resets = validate_strict("fetch_resets", pl.DataFrame([r for h in harvests for r in h.resets],
                                                          schema=FETCH_RESET_SCHEMA).unique(["url", "run_id"]))
    site_rows = validate_strict("site_lines", live.site_lines_frame(lines, run_id=run_id))
    dropped = validate_strict("dropped_lines", pl.DataFrame(read.dropped, schema=DROPPED_LINE_SCHEMA))
    counts = {
        "n_pages_fetched": raw_pages.height,
        "n_fetch_failures": fetch_log.filter(pl.col("status") == "failed").height,
        "n_articles_irrelevant": fetch_log.filter(pl.col("reason") == "irrelevant").height,
        "n_quarantined": quarantine.height,
    }
    intake = Intake(read.articles, read.problems, counts,
                    extra_load=_frames_loader(raw_pages, fetch_log, quarantine, resets, site_rows, dropped,
                                              read.read_ids, live.archive_root_for(db_path, Path(raw_dir)),
                                              run_at, run_id, policy))
    del harvests   # the intake holds the articles now
    run = RunContext(run_id=run_id, run_at=run_at, command="fetch", db_path=db_path,
                     export_dir=Path(export_dir) if export_dir else None,
                     parameters={"sources_file": sources_file, "only": only, "db": db, "raw_dir": raw_dir,
                                 "export_dir": export_dir, "fetch": fetch.model_dump(), "policy": policy.model_dump(),
                                 **options.model_dump()})
    return process_articles(intake, run, options, policy)


@task(cache_policy=NO_CACHE)
def learn_and_read(db_path: Path, pages: list[tuple[HarvestedPage, dict]], sites: list[str], *,
                   policy: ArticlePolicy, run_id: str, today: dt.date,
                   languages: dict[str, str]) -> tuple[SiteLines, PagesRead, int]:
    """Count the lines of this run's pages with what is known of their sites, read the pages
    without their sites' boilerplate (each page's fetch_log row says what it read as), and read
    again the stored articles of a site that carry a line just found to be boilerplate (from their
    archived pages). (the site lines, what was read, how many stored articles were read again)"""
    out = PagesRead()
    if db_path.exists() and sites:
        con = store.connect_read_only(db_path)
        try:
            lines = live.read_site_lines(con, policy.boilerplate_min_pages, sites)
        finally:
            con.close()
    else:
        lines = SiteLines(policy.boilerplate_min_pages)
    before = {key: stats.n_pages for key, stats in lines.lines.items()}
    for page, _ in pages:
        lines.learn(site_of(canonical_url(page.result.final_url or page.result.url)), page.content.text,
                    page.result.fetched_at)
    read_pages(pages, lines, policy=policy, run_id=run_id, today=today, out=out)
    learned = lines.newly_learned(before)
    if not learned or not db_path.exists():
        return lines, out, 0
    con = store.connect_read_only(db_path)
    try:
        stored = live.read_pages_with_lines(con, sorted({line for found in learned.values() for line in found.values()}))
        roots = live.read_archive_roots(con, db_path)
    finally:
        con.close()
    this_run = set(out.read_ids)
    stored = [p for p in stored if p["article_id"] not in this_run
              and site_of(canonical_url(p["final_url"])) in learned]
    n_before = len(out.articles)
    read_archived(stored, roots, languages=languages, today=today, lines=lines, learn=False, policy=policy,
                  run_id=run_id, out=out)
    return lines, out, len(out.articles) - n_before


def reread_archive(db_path: Path, raw_dir: Path | None, *, policy: ArticlePolicy, today: dt.date,
                   source_languages: dict[str, str], run_id: str, run_at: dt.datetime
                   ) -> tuple[list[RawArticle], list[IngestProblem], int, object]:
    """Every archived page read again (``ruaz reprocess --from-raw``), from the warehouse's own
    archive (raw_archives) unless ``raw_dir`` names another; the sites' lines are counted again
    from all of them. Raises ArchiveError, naming the pages, when any cannot be read.

    (articles, problems, pages read as irrelevant, the extra_load of the run's site tables)"""
    if not db_path.exists():
        return [], [], 0, None
    con = store.connect_read_only(db_path)
    try:
        pages = live.read_archived_pages(con)
        roots = [Path(raw_dir)] if raw_dir else live.read_archive_roots(con, db_path)
    finally:
        con.close()
    if pages and not roots:
        default = db_path.resolve().parent / "raw"
        if not default.exists():
            raise ArchiveError(f"{db_path} does not record where its raw archive is (it was fetched before the "
                               f"archive was recorded) and {default} does not exist: pass --raw-dir FOLDER")
        roots = [default]
    out = PagesRead()
    lines = SiteLines(policy.boilerplate_min_pages)
    missing = read_archived(pages, roots, languages=source_languages, today=today, lines=lines, learn=True,
                            policy=policy, run_id=run_id, out=out)
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ArchiveError(f"{len(missing)} of {len(pages)} archived pages cannot be read from "
                           f"{' or '.join(str(r) for r in roots)} ({shown}); nothing was reprocessed. Pass "
                           "--raw-dir FOLDER if the archive has moved.")
    site_rows = validate_strict("site_lines", live.site_lines_frame(lines, run_id=run_id, only_changed=False))
    dropped = validate_strict("dropped_lines", pl.DataFrame(out.dropped, schema=DROPPED_LINE_SCHEMA))
    loader = _frames_loader(None, None, None, None, site_rows, dropped, out.read_ids,
                            None, run_at, run_id, policy, replace_lines=True)
    return out.articles, out.problems, out.n_irrelevant, loader
