"""The fetch run: read the configured feeds and listing pages, fetch what is new, keep what is relevant.

    sources.toml → per source (in parallel; each host rate-limited): the feed or listing page,
    conditionally → its new links → each page → raw archive → main text → relevance →
    process_articles (plan with stories, extract, validate, load, publish, export), with raw_pages
    and fetch_log written in the same transaction.

Incremental: a feed that has not changed answers 304; a page URL already archived (or failed for
good) is not requested again unless its feed says it was updated since. The state is the
warehouse's raw_pages and fetch_log, so it survives restarts and is published with the articles.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import BaseModel, ConfigDict, Field

from expectations.validate import validate
from flows import progress
from flows.fetch import Fetcher, FetchPolicy, FetchRequest, FetchResult, LiveFetcher, RecordedFetcher
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
from flows.sources import Source, load_sources, select_sources
from transforms.feeds import FeedError, FeedItem, listing_links, parse_feed
from transforms.ingest import IngestProblem, RawArticle
from transforms.pages import read_page
from transforms.tables import quarantine_frame
from warehouse import live, store
from warehouse.archive import RawArchive
from warehouse.tables import polars_schema

RAW_PAGE_SCHEMA = polars_schema("raw_pages")
FETCH_LOG_SCHEMA = polars_schema("fetch_log")
# what a page that was received but not kept is logged as
_PAGE_STATUS = {"article": "fetched", "irrelevant": "skipped"}


class FetchOptions(BaseModel):
    """How a fetch run talks to the sites, and what it keeps."""
    model_config = ConfigDict(extra="forbid")   # a misspelt option is an error, not ignored

    policy: FetchPolicy = Field(default_factory=FetchPolicy)
    max_items: int = setting("fetch_max_items")
    replay_from: str | None = Field(None, description="Answer from this warehouse's raw archive instead of the network.")


@dataclass
class Harvest:
    """What one source gave in one run."""
    source: str
    log: list[dict] = field(default_factory=list)         # fetch_log rows
    raw_pages: list[dict] = field(default_factory=list)   # raw_pages rows
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)   # warnings about kept articles

    def outcome(self) -> str:
        """One line for the progress report: how the listing went, the pages fetched and kept."""
        listing = next((r for r in self.log if r["kind"] != "page"), None)
        pages = [r for r in self.log if r["kind"] == "page"]
        if listing is None:
            said = "no listing"
        elif listing["status"] == "fetched":
            said = listing["detail"]
        else:
            said = f"listing {listing['status']} ({listing['reason']})"
        n_failed = sum(r["status"] == "failed" for r in pages)
        return (f"{self.source}: {said}; {len(pages) - n_failed} pages received, {n_failed} failed, "
                f"{len(self.articles)} articles kept")


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


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_sources(path: str, only: list[str] | None) -> list[Source]:
    return select_sources(load_sources(Path(path)), only)


@task(cache_policy=NO_CACHE)
def read_fetch_state(db_path: Path) -> live.FetchState:
    if not db_path.exists():
        return live.FetchState()
    con = store.connect_read_only(db_path)
    try:
        return live.read_fetch_state(con)
    finally:
        con.close()


def _record(harvest: Harvest, result: FetchResult, *, source: Source, kind: str, run_id: str,
            archive: RawArchive, status: str | None = None, reason: str | None = None,
            detail: str | None = None) -> None:
    """Log one fetch outcome; archive its body, if there was one."""
    sha256 = None
    if result.body is not None:
        sha256, relative = archive.put(result.body, kind)
        harvest.raw_pages.append({
            "url": result.url, "content_sha256": sha256, "final_url": result.final_url or result.url, "kind": kind,
            "source": source.name, "fetched_at": result.fetched_at, "http_status": result.http_status,
            "content_type": result.content_type, "etag": result.etag, "last_modified": result.last_modified,
            "archive_path": relative, "n_bytes": result.n_bytes, "run_id": run_id,
        })
    harvest.log.append({
        "run_id": run_id, "url": result.url, "source": source.name, "kind": kind,
        "status": status or result.status, "reason": reason or result.reason,
        "detail": detail if detail is not None else result.detail, "http_status": result.http_status,
        "final_url": result.final_url, "is_transient": result.is_transient, "n_attempts": result.n_attempts,
        "elapsed_ms": result.elapsed_ms, "n_bytes": result.n_bytes, "content_sha256": sha256,
        "fetched_at": result.fetched_at,
    })


def _request(url: str, source: Source, state: live.FetchState) -> FetchRequest:
    cached = state.validators.get(url)
    return FetchRequest(url, etag=cached.etag if cached else None,
                        last_modified=cached.last_modified if cached else None,
                        host_interval_seconds=source.rate_limit_seconds)


def _is_wanted(item: FeedItem, state: live.FetchState) -> bool:
    """New, or settled but updated (says the feed) since its body was fetched."""
    if item.url not in state.settled:
        return True
    cached = state.validators.get(item.url)
    return cached is not None and item.updated is not None and item.updated > cached.fetched_at


def _read_listing(harvest: Harvest, source: Source, fetcher: Fetcher, archive: RawArchive, state: live.FetchState,
                  options: FetchOptions, run_id: str) -> list[FeedItem]:
    """Fetch the source's feed or listing page (conditionally) and return its new or updated links."""
    kind = source.fetch_kind
    listing = fetcher.fetch(_request(source.url, source, state))
    if listing.status != "fetched":
        _record(harvest, listing, source=source, kind=kind, run_id=run_id, archive=archive)
        return []
    try:
        if kind == "feed":
            items = parse_feed(listing.body, listing.final_url or source.url, listing.content_type)
        else:
            items = listing_links(listing.body, listing.final_url or source.url, source.link_pattern, listing.charset)
    except FeedError as exc:
        _record(harvest, listing, source=source, kind=kind, run_id=run_id, archive=archive, status="failed",
                reason="bad_feed" if kind == "feed" else "bad_listing", detail=str(exc))
        return []
    limit = min(source.max_items or options.max_items, options.max_items)
    wanted = [item for item in items if _is_wanted(item, state)][:limit]
    _record(harvest, listing, source=source, kind=kind, run_id=run_id, archive=archive, reason=kind,
            detail=f"{len(items)} links, {len(wanted)} new or updated")
    return wanted


@task(cache_policy=NO_CACHE)
def harvest_source(source: Source, fetcher: Fetcher, archive: RawArchive, state: live.FetchState,
                   claims: UrlClaims, options: FetchOptions, min_relevance: float, run_id: str,
                   today: dt.date) -> Harvest:
    """Fetch a source's feed or listing page, then the pages it links to that are new; never raises
    for what a site does (every outcome is logged with its reason). Pages scoring below
    ``min_relevance`` are archived and logged as irrelevant, not kept."""
    harvest = Harvest(source.name)
    wanted = _read_listing(harvest, source, fetcher, archive, state, options, run_id)
    # pages that failed transiently before are tried again, whatever the listing says now
    listed = {item.url for item in wanted}
    wanted += [FeedItem(url) for url in state.retry.get(source.name, []) if url not in listed]
    for item in wanted:
        if not claims.claim(item.url):
            continue
        page = fetcher.fetch(_request(item.url, source, state))
        if page.status != "fetched":
            _record(harvest, page, source=source, kind="page", run_id=run_id, archive=archive)
            continue
        try:
            reading = read_page(page.body, url=page.url, final_url=page.final_url or page.url,
                                content_type=page.content_type, origin=source.name,
                                language=source.language, fetched_at=page.fetched_at, today=today,
                                min_relevance=min_relevance, feed_title=item.title,
                                feed_published=item.published)
        except Exception as exc:  # noqa: BLE001 - one unreadable page must not stop the run; it is logged
            _record(harvest, page, source=source, kind="page", run_id=run_id, archive=archive, status="failed",
                    reason="read_error", detail=f"{type(exc).__name__}: {exc}")
            continue
        _record(harvest, page, source=source, kind="page", run_id=run_id, archive=archive,
                status=_PAGE_STATUS.get(reading.reason, "failed"), reason=reading.reason, detail=reading.detail)
        if reading.article is not None:
            harvest.articles.append(reading.article)
            harvest.problems += reading.problems
    return harvest


@task(cache_policy=NO_CACHE)
def validate_fetch_tables(raw_pages: pl.DataFrame, fetch_log: pl.DataFrame, run_id: str,
                          run_at: dt.datetime) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(valid raw_pages, valid fetch_log, quarantine rows of the rest)."""
    checked = {"raw_pages": validate("raw_pages", raw_pages), "fetch_log": validate("fetch_log", fetch_log)}
    quarantine = pl.concat([quarantine_frame(t, v.rejected, run_id=run_id, run_at=run_at) for t, v in checked.items()])
    return checked["raw_pages"].valid, checked["fetch_log"].valid, quarantine


# ---- the entry flow ----------------------------------------------------------------------------

def make_fetcher(options: FetchOptions, raw_dir: Path) -> Fetcher:
    if options.replay_from:
        return RecordedFetcher.from_warehouse(Path(options.replay_from), raw_dir)
    return LiveFetcher(options.policy)


def harvest_all(sources: list[Source], fetcher: Fetcher, archive: RawArchive, state: live.FetchState,
                options: FetchOptions, min_relevance: float, run_id: str, today: dt.date) -> list[Harvest]:
    """Every source harvested on the flow's task runner (in parallel), in the sources' order;
    each one reported as it finishes."""
    futures = harvest_source.map(sources, unmapped(fetcher), unmapped(archive), unmapped(state),
                                 unmapped(UrlClaims()), unmapped(options), unmapped(min_relevance),
                                 unmapped(run_id), unmapped(today))
    order = {id(f): i for i, f in enumerate(futures)}
    harvests: list[Harvest | None] = [None] * len(futures)
    started = time.perf_counter()
    for n_done, future in enumerate(as_completed(list(futures)), start=1):
        harvest = future.result()
        harvests[order[id(future)]] = harvest
        progress.current().update("fetch", n_done, len(futures), time.perf_counter() - started, "sources",
                                  harvest.outcome())
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
    state = read_fetch_state(db_path)
    fetcher = make_fetcher(fetch, Path(raw_dir))
    try:
        harvests = harvest_all(sources, fetcher, archive, state, fetch, policy.relevance_threshold, run_id,
                               run_at.date())
    finally:
        fetcher.close()
    raw_pages = pl.DataFrame([r for h in harvests for r in h.raw_pages], schema=RAW_PAGE_SCHEMA)
    fetch_log = pl.DataFrame([r for h in harvests for r in h.log], schema=FETCH_LOG_SCHEMA)
    raw_pages, fetch_log, quarantine = validate_fetch_tables(raw_pages, fetch_log, run_id, run_at)
    counts = {
        "n_pages_fetched": raw_pages.height,
        "n_fetch_failures": fetch_log.filter(pl.col("status") == "failed").height,
        "n_articles_irrelevant": fetch_log.filter(pl.col("reason") == "irrelevant").height,
        "n_quarantined": quarantine.height,
    }

    intake = Intake([a for h in harvests for a in h.articles], [p for h in harvests for p in h.problems], counts,
                    extra_load=lambda con: live.load_fetch_tables(con, raw_pages, fetch_log, quarantine))
    del harvests   # the intake holds the articles now
    run = RunContext(run_id=run_id, run_at=run_at, command="fetch", db_path=db_path,
                     export_dir=Path(export_dir) if export_dir else None,
                     parameters={"sources_file": sources_file, "only": only, "db": db, "raw_dir": raw_dir,
                                 "export_dir": export_dir, "fetch": fetch.model_dump(), "policy": policy.model_dump(),
                                 **options.model_dump()})
    return process_articles(intake, run, options, policy)
