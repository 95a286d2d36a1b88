"""The ingest → extract → validate → load → export flows.

Flows only wire typed tasks. Tasks that touch files or the network own that I/O; the work itself
is the pure functions in transforms/. No task caches: inputs are files whose content can change
between runs (the stale-cache trap in STACK-NOTES), so every task uses NO_CACHE.

Every entry flow (``run_pipeline`` for files, the fetch and reprocess flows) hands its articles to
``process_articles``, which holds the warehouse's writer lock for the whole run, so runs never
overlap, and publishes the result atomically (warehouse/store.py).
"""
from __future__ import annotations

import ctypes
import datetime as dt
import gc
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from pydantic import BaseModel, Field

from expectations.validate import Validated, validate, validate_strict
from flows.inputs import read_paths
from transforms.extract import EXTRACTOR_VERSION, Extracted, extract_frames
from transforms.ingest import IngestProblem, RawArticle, find_duplicates
from transforms.mentions import RegistryEntry
from transforms.relevance import with_relevance
from transforms.stories import DEFAULT_SIMILARITY, plan_stories, sightings_frame
from transforms.tables import (
    articles_frame,
    ingest_errors_frame,
    quarantine_frame,
    RUN_SCHEMA,
    registry_frames,
    split_by_state,
)
from warehouse import live, load, store
from warehouse.registry import load_registry
from warehouse.tables import MENTION_TABLES

TASK_RUNNERS = ("thread", "process", "dask")


class RunOptions(BaseModel):
    """How a run executes; none of it changes what the run produces (a flow parameter, so a
    pydantic model: deployments and the Prefect UI show and validate it). Where extraction runs
    (threads, processes, a Dask cluster) is the flow's task runner, chosen at the edge: see
    ``with_task_runner``."""
    batch_size: int = Field(500, ge=1)              # articles per extraction task
    chunk_size: int = Field(10_000, ge=1)           # articles extracted, validated and loaded at a time
    memory_limit: str | None = None                 # DuckDB memory_limit while loading
    lock_wait_seconds: float = Field(0.0, ge=0)     # wait this long for another run to finish
    # Worker processes cost ~15–20 s to start here (each imports Prefect and connects to its API),
    # so smaller runs extract in this process.
    parallel_min_articles: int = Field(10_000, ge=0)
    registry_path: str | None = None                # canonical document registry (default: bundled)


class ArticlePolicy(BaseModel):
    """Which articles a run keeps and how it groups them (this does change what a run produces)."""
    relevance_threshold: float = Field(0.5, ge=0, le=1)   # is_relevant = relevance_score >= this
    min_relevance: float | None = Field(None, ge=0, le=1)  # articles scoring lower are counted, not extracted
    story_similarity: float = Field(DEFAULT_SIMILARITY, gt=0, le=1)  # near copies: estimated Jaccard of word 3-shingles
    story_window_days: int | None = Field(30, ge=0)   # stored articles a new one may copy: ingested this recently (None: all)


@dataclass
class RunSummary:
    run_id: str
    command: str
    status: str
    db: str
    export_dir: str | None
    n_articles_read: int = 0
    n_articles_new: int = 0
    n_articles_changed: int = 0
    n_articles_unchanged: int = 0
    n_mentions: dict[str, int] = field(default_factory=dict)
    n_quarantined: int = 0
    n_ingest_errors: int = 0
    n_ingest_warnings: int = 0
    n_articles_irrelevant: int = 0
    n_story_copies: int = 0
    n_pages_fetched: int = 0
    n_fetch_failures: int = 0
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def run_clock() -> dt.datetime:
    """The run's date when none is passed, read once at the flow's edge (UTC, naive): a scheduled
    run's scheduled start time, so a late or retried run still carries the date it was for."""
    scheduled = flow_run.scheduled_start_time
    moment = scheduled if scheduled is not None else dt.datetime.now(dt.timezone.utc)
    return dt.datetime.fromtimestamp(moment.timestamp(), dt.timezone.utc).replace(tzinfo=None)


def new_run_id(run_at: dt.datetime) -> str:
    return f"{run_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def make_task_runner(kind: str, workers: int, dask_address: str | None = None):
    """The task runner for extraction: threads (debugging), processes (one machine), or Dask."""
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown task runner {kind!r}; expected one of {', '.join(TASK_RUNNERS)}")


def default_task_runner():
    """The entry flows' task runner, from settings (RUAZ_TASK_RUNNER, RUAZ_WORKERS, RUAZ_DASK_ADDRESS),
    so that deployments run by a worker or `ruaz serve` use the configured one too."""
    from flows.settings import get_settings

    settings = get_settings()
    return make_task_runner(settings.task_runner, settings.workers, settings.dask_address)


def with_task_runner(entry_flow, kind: str | None = None, workers: int | None = None,
                     dask_address: str | None = None):
    """``entry_flow`` with its extraction on the given runner (None: keep the configured one)."""
    if kind is None:
        return entry_flow
    return entry_flow.with_options(task_runner=make_task_runner(kind, workers or 2, dask_address))


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_inputs(paths: list[str], today: dt.date) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Read every input file; unreadable files and lines become problems, not failures."""
    return read_paths(paths, today)


@task(cache_policy=NO_CACHE)
def read_registry(path: str | None = None) -> list[RegistryEntry]:
    return load_registry(Path(path) if path else None)


@task(cache_policy=NO_CACHE)
def extract_batch(articles: pl.DataFrame, registry: list[RegistryEntry]) -> Extracted:
    return extract_frames(articles, registry)


@task(cache_policy=NO_CACHE)
def validate_chunk(articles: pl.DataFrame, extracted: Extracted, known_document_ids: set[str]) -> dict[str, Validated]:
    """Validate one chunk's frames; mentions are checked against the chunk's articles that passed."""
    out = {"articles": validate("articles", articles)}
    texts = out["articles"].valid.select("article_id", "text")
    out["documents"] = validate("documents", extracted.documents.filter(~pl.col("is_registered")))
    known = known_document_ids | set(out["documents"].valid["document_id"].to_list())
    out["date_mentions"] = validate("date_mentions", extracted.date_mentions, article_texts=texts)
    out["count_mentions"] = validate("count_mentions", extracted.count_mentions, article_texts=texts)
    out["document_mentions"] = validate("document_mentions", extracted.document_mentions, article_texts=texts,
                                        known_document_ids=known)
    return out


@task(cache_policy=NO_CACHE)
def validate_run_level(registry_documents: pl.DataFrame, registry_aliases: pl.DataFrame,
                       ingest_errors: pl.DataFrame, story_tables: dict[str, pl.DataFrame],
                       loaded_article_ids: list[str]) -> dict[str, Validated]:
    """The run's own rows; story rows are checked against the articles this run loaded."""
    loaded = pl.DataFrame({"article_id": loaded_article_ids}, schema={"article_id": pl.Utf8})
    out = {"registry_documents": validate("documents", registry_documents),
           "document_aliases": validate("document_aliases", registry_aliases),
           "ingest_errors": validate("ingest_errors", ingest_errors)}
    for table, frame in story_tables.items():
        out[table] = validate(table, frame, article_texts=loaded)
    return out


# ---- the shared core of every run --------------------------------------------------------------

def process_articles(
    raw: list[RawArticle],
    problems: list[IngestProblem],
    *,
    db_path: Path,
    export_dir: Path | None,
    run_at: dt.datetime,
    command: str,
    parameters: dict,
    options: RunOptions,
    force: bool = False,
    policy: ArticlePolicy | None = None,
    counts: dict[str, int] | None = None,
    run_id: str | None = None,
    extra_load: Callable[[duckdb.DuckDBPyConnection, str], None] | None = None,
) -> RunSummary:
    """Extract, validate, load and export ``raw`` articles; called inside an entry flow.

    raw is consumed: the list is emptied once its articles are in frames, to free their memory.

    force: re-extract articles even when they are unchanged (``ruaz reprocess``).
    policy: relevance and story settings. Every article is scored and placed in a story; a fetched
    page that copies a stored article becomes a source of its story instead of an article.
    counts: RunSummary counts the entry flow made before (pages fetched, irrelevant pages …).
    run_id: the run's id when the entry flow already stamped rows with it (default: a new one).
    extra_load: writes further tables (fetch log, raw pages …) in the same transaction."""
    policy = policy or ArticlePolicy()
    logger = get_run_logger()
    run_id = run_id or new_run_id(run_at)
    summary = RunSummary(run_id=run_id, command=command, status="running", db=str(db_path),
                         export_dir=str(export_dir) if export_dir else None, **(counts or {}))
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(timings.get(stage, 0.0) + now - clock, 3)
        clock = now

    given, (raw, duplicate_problems) = raw, find_duplicates(raw)
    problems = list(problems) + duplicate_problems
    summary.n_articles_read = len(raw)
    summary.n_ingest_errors = sum(p.severity == "error" for p in problems)
    summary.n_ingest_warnings = sum(p.severity == "warning" for p in problems)
    summary.problems = [f"{p.severity}: {p.source}{':' + str(p.line) if p.line else ''}: {p.reason}: {p.detail}"
                        for p in problems]
    with store.writer_lock(db_path, wait_seconds=options.lock_wait_seconds):
        try:
            registry = read_registry(options.registry_path)
            with store.staged_warehouse(db_path, run_id, run_at, memory_limit=options.memory_limit) as con:
                lap("read")
                incoming = articles_frame(raw, run_id=run_id, run_at=run_at, extractor_version=EXTRACTOR_VERSION)
                sightings = sightings_frame(raw, run_at)
                # from here on the frames hold the articles: let their objects go (~2 KB each)
                given.clear()
                raw.clear()
                stored_state = load.read_article_state(con)
                todo, state_counts = split_by_state(incoming, stored_state)
                if force:
                    todo = incoming
                del incoming
                # only what will be extracted is scored: an unchanged article keeps its stored score
                todo = with_relevance(todo, policy.relevance_threshold)
                if policy.min_relevance is not None:
                    skipped = todo.filter(pl.col("relevance_score") < policy.min_relevance)
                    summary.problems += [
                        f"skipped: {r['source']}: not relevant ({r['relevance_score']:.2f}: {r['relevance_reason']})"
                        for r in skipped.select("source", "relevance_score", "relevance_reason").iter_rows(named=True)]
                    summary.n_articles_irrelevant += skipped.height
                    n_skipped_new = skipped.join(stored_state, on="article_id", how="anti").height
                    state_counts["new"] -= n_skipped_new
                    state_counts["changed"] -= skipped.height - n_skipped_new
                    todo = todo.filter(pl.col("relevance_score") >= policy.min_relevance)
                del stored_state
                window = (run_at - dt.timedelta(days=policy.story_window_days)
                          if policy.story_window_days is not None else None)
                members, kept = live.read_story_index(con, todo["article_id"].to_list(), window)
                stories = plan_stories(todo, sightings, members, kept, run_id=run_id,
                                       threshold=policy.story_similarity)
                todo = stories.articles
                summary.n_story_copies = stories.n_copies_not_stored
                # a fetched copy of a stored article is a new source of its story, not a new article
                summary.n_articles_new = state_counts["new"] - summary.n_story_copies
                summary.n_articles_changed = state_counts["changed"]
                summary.n_articles_unchanged = state_counts["unchanged"]
                known_documents = load.read_document_ids(con) | {e.document_id for e in registry}
                lap("plan")
                con.begin()
                n_quarantined = summary.n_quarantined   # the entry flow's own (fetch tables)
                loaded_ids: list[str] = []
                summary.n_mentions = dict.fromkeys(MENTION_TABLES, 0)
                for chunk, extracted in _extract_chunks(todo, registry, options, lap):
                    checked = validate_chunk(chunk, extracted, known_documents)
                    known_documents |= set(checked["documents"].valid["document_id"].to_list())
                    quarantine = validate_strict("quarantine", _quarantine(checked, run_id, run_at))
                    lap("validate")
                    load.load_chunk(con, articles=checked["articles"].valid,
                                    mentions={t: checked[t].valid for t in MENTION_TABLES},
                                    documents=checked["documents"].valid, quarantine=quarantine)
                    n_quarantined += quarantine.height
                    loaded_ids += checked["articles"].valid["article_id"].to_list()
                    for table in MENTION_TABLES:
                        summary.n_mentions[table] += checked[table].valid.height
                    # The run is atomic by its staging copy (published by one rename, discarded on
                    # failure), not by this transaction: committing each chunk lets DuckDB free its
                    # rows (one open transaction over 100k articles held ~1 GB more).
                    con.commit()
                    con.begin()
                    del checked, extracted, chunk, quarantine
                    _return_freed_memory()
                    lap("load")
                registry_documents, registry_aliases = registry_frames(registry)
                run_level = validate_run_level(registry_documents, registry_aliases,
                                               ingest_errors_frame(problems, run_id=run_id, run_at=run_at),
                                               {"article_sources": stories.article_sources,
                                                "article_fingerprints": stories.fingerprints},
                                               loaded_ids)
                quarantine = validate_strict("quarantine", _quarantine(run_level, run_id, run_at))
                summary.n_quarantined = n_quarantined + quarantine.height
                run_row = _run_row(summary, run_at, parameters, timings, "completed")
                validate_strict("pipeline_runs", pl.DataFrame([run_row], schema=RUN_SCHEMA))
                lap("validate")
                load.finish_run(
                    con, registry_documents=run_level["registry_documents"].valid,
                    document_aliases=run_level["document_aliases"].valid,
                    ingest_errors=run_level["ingest_errors"].valid, quarantine=quarantine,
                    run_row=run_row,
                    extra_load=lambda c: _load_more(c, run_id, run_level, extra_load))
                con.commit()
                lap("load")
        except Exception as exc:
            logger.error("run %s failed: %s", run_id, exc)
            summary.status = "failed"
            _record_failure(db_path, summary, run_at, parameters, timings, exc)
            raise
    summary.status = "completed"
    if export_dir:
        export_parquet_task(db_path, export_dir)
        lap("export")
    summary.timings = timings
    return summary


def _extract_chunks(todo: pl.DataFrame, registry: list[RegistryEntry], options: RunOptions,
                    lap: Callable[[str], None]) -> Iterator[tuple[pl.DataFrame, Extracted]]:
    """(chunk, its mentions) in order. Large runs extract on the flow's task runner, one chunk
    ahead of the chunk being validated and loaded, so memory holds about two chunks at a time."""
    chunks = [todo.slice(i, options.chunk_size) for i in range(0, todo.height, options.chunk_size)]

    def batches(chunk: pl.DataFrame) -> list[pl.DataFrame]:
        return [chunk.slice(i, options.batch_size) for i in range(0, chunk.height, options.batch_size)]

    if todo.height < max(options.parallel_min_articles, 1):
        for chunk in chunks:
            extracted = Extracted.concat([extract_batch.fn(b, registry) for b in batches(chunk)])
            lap("extract")
            yield chunk, extracted
        return
    submit = lambda chunk: extract_batch.map(batches(chunk), unmapped(registry))  # noqa: E731
    with _workers_share_this_api():   # the workers start at the first submission
        pending = submit(chunks[0]) if chunks else []
    for i, chunk in enumerate(chunks):
        futures = pending
        pending = submit(chunks[i + 1]) if i + 1 < len(chunks) else []
        extracted = Extracted.concat([f.result() for f in futures])
        lap("extract")
        yield chunk, extracted


def _return_freed_memory() -> None:
    """Give the memory of the chunk just loaded back to the system. glibc keeps freed blocks of the
    validation's pandas frames in its arenas; without this a 100k run grew ~1 GB more."""
    gc.collect()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


try:
    _LIBC = ctypes.CDLL("libc.so.6")
    _LIBC.malloc_trim.argtypes = [ctypes.c_size_t]
except (OSError, AttributeError):   # not glibc (macOS, musl): nothing to trim
    _LIBC = None


@contextmanager
def _workers_share_this_api() -> Iterator[None]:
    """Worker processes read PREFECT_API_URL from the environment they start with. Without it each
    would start a temporary Prefect server of its own (~15 s and ~200 MB each): point them at the
    server this flow run already talks to."""
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        os.environ["PREFECT_API_URL"] = str(client.api_url)
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _quarantine(checked: dict[str, Validated], run_id: str, run_at: dt.datetime) -> pl.DataFrame:
    return pl.concat([quarantine_frame(v.table, v.rejected, run_id=run_id, run_at=run_at) for v in checked.values()])


def _load_more(con: duckdb.DuckDBPyConnection, run_id: str, run_level: dict[str, Validated],
               extra_load: Callable[[duckdb.DuckDBPyConnection, str], None] | None) -> None:
    live.load_story_tables(con, run_level["article_sources"].valid, run_level["article_fingerprints"].valid)
    if extra_load:
        extra_load(con, run_id)


@task(cache_policy=NO_CACHE, name="export_parquet")
def export_parquet_task(db_path: Path, export_dir: Path) -> dict:
    from flows.export import export_parquet

    return export_parquet(db_path, export_dir)


def _run_row(summary: RunSummary, run_at: dt.datetime, parameters: dict, timings: dict, status: str,
             error: str | None = None) -> dict:
    return {
        "run_id": summary.run_id, "flow_run_id": str(flow_run.id) if flow_run.id else None,
        "command": summary.command, "status": status, "started_at": run_at,
        "finished_at": run_at + dt.timedelta(seconds=sum(timings.values())),
        "parameters": json.dumps(parameters, default=str), "extractor_version": EXTRACTOR_VERSION,
        "n_articles_read": summary.n_articles_read, "n_articles_new": summary.n_articles_new,
        "n_articles_changed": summary.n_articles_changed, "n_articles_unchanged": summary.n_articles_unchanged,
        "n_date_mentions": summary.n_mentions.get("date_mentions", 0),
        "n_count_mentions": summary.n_mentions.get("count_mentions", 0),
        "n_document_mentions": summary.n_mentions.get("document_mentions", 0),
        "n_quarantined": summary.n_quarantined, "n_ingest_errors": summary.n_ingest_errors,
        "n_articles_irrelevant": summary.n_articles_irrelevant, "n_story_copies": summary.n_story_copies,
        "n_pages_fetched": summary.n_pages_fetched, "n_fetch_failures": summary.n_fetch_failures,
        "timings": json.dumps(timings), "error": error,
    }


def _record_failure(db_path: Path, summary: RunSummary, run_at: dt.datetime, parameters: dict,
                    timings: dict, exc: Exception) -> None:
    """Make a failed run visible in pipeline_runs (best effort: the failure itself is re-raised)."""
    try:
        with store.staged_warehouse(db_path, f"{summary.run_id}-failed", run_at) as con:
            load.record_failed_run(con, _run_row(summary, run_at, parameters, timings, "failed",
                                                 f"{type(exc).__name__}: {exc}"))
    except Exception:  # noqa: BLE001 - never mask the run's own error
        pass


# ---- entry flows -------------------------------------------------------------------------------

@flow(name="ruaz-run", task_runner=default_task_runner())
def run_pipeline(
    inputs: list[str],
    db: str,
    export_dir: str | None = None,
    run_at: dt.datetime | None = None,
    options: RunOptions | None = None,
    policy: ArticlePolicy | None = None,
) -> RunSummary:
    """Ingest files and folders, extract dates, counts and documents, validate, load, export.

    The user chose these files: every article is extracted unless ``policy.min_relevance`` is set."""
    options = options or RunOptions()
    policy = policy or ArticlePolicy()
    run_at = run_at or run_clock()
    raw, problems = read_inputs(inputs, run_at.date())
    return process_articles(
        raw, problems, db_path=Path(db), export_dir=Path(export_dir) if export_dir else None, run_at=run_at,
        command="run", parameters={"inputs": inputs, "db": db, "export_dir": export_dir, "policy": policy.model_dump(),
                                   **options.model_dump()},
        options=options, policy=policy)


@flow(name="ruaz-reprocess", task_runner=default_task_runner())
def reprocess_pipeline(db: str, export_dir: str | None = None, run_at: dt.datetime | None = None,
                       options: RunOptions | None = None, raw_dir: str | None = None,
                       policy: ArticlePolicy | None = None,
                       source_languages: dict[str, str] | None = None) -> RunSummary:
    """Re-extract every stored article with the current extractors, without reading any input.

    raw_dir: also read every archived page again with the current page reader (main text,
    metadata, language, relevance; e.g. after a trafilatura upgrade), without fetching; pages that
    now read as relevant articles (policy.relevance_threshold) join their stories. Stored
    articles are all kept. source_languages: each source's language, the fallback of a page that
    does not declare one (as when it was fetched)."""
    options = options or RunOptions()
    policy = policy or ArticlePolicy()
    run_at = run_at or run_clock()
    raw = read_stored_articles(Path(db))
    n_irrelevant = 0
    if raw_dir:
        reread, n_irrelevant = read_archived_articles(Path(db), Path(raw_dir), policy.relevance_threshold, run_at.date(),
                                                      source_languages or {})
        by_id = {a.article_id: a for a in raw}
        by_id.update((a.article_id, a) for a in reread)   # stored order first: a story keeps its founder
        raw = list(by_id.values())
    return process_articles(
        raw, [], db_path=Path(db), export_dir=Path(export_dir) if export_dir else None, run_at=run_at,
        command="reprocess", parameters={"db": db, "export_dir": export_dir, "raw_dir": raw_dir,
                                         "policy": policy.model_dump(), **options.model_dump()},
        options=options, force=True, policy=policy.model_copy(update={"min_relevance": None}),
        counts={"n_articles_irrelevant": n_irrelevant})


@task(cache_policy=NO_CACHE)
def read_archived_articles(db_path: Path, raw_dir: Path, min_relevance: float, today: dt.date,
                           source_languages: dict[str, str]) -> tuple[list[RawArticle], int]:
    """The relevant articles of every archived page, read again; and how many pages read as irrelevant."""
    from transforms.pages import read_page
    from warehouse.archive import RawArchive

    if not db_path.exists():
        return [], 0
    con = store.connect_read_only(db_path)
    try:
        pages = live.read_archived_pages(con)
    finally:
        con.close()
    archive, articles, n_irrelevant = RawArchive(raw_dir), [], 0
    for page in pages:
        try:
            body = archive.get(page["archive_path"])
        except (OSError, ValueError) as exc:
            get_run_logger().warning("archived page %s unreadable: %s", page["url"], exc)
            continue
        reading = read_page(body, url=page["url"], final_url=page["final_url"], content_type=page["content_type"],
                            origin=page["source"],
                            language=source_languages.get(page["source"]), fetched_at=page["fetched_at"],
                            today=today, min_relevance=min_relevance)
        n_irrelevant += reading.reason == "irrelevant"
        if reading.article is not None:
            articles.append(reading.article)
    return articles, n_irrelevant


@task(cache_policy=NO_CACHE)
def read_stored_articles(db_path: Path) -> list[RawArticle]:
    if not db_path.exists():
        return []
    con = store.connect_read_only(db_path)
    try:
        return load.read_articles(con)
    finally:
        con.close()
