"""The ingest → extract → validate → load → export flows.

Flows only wire typed tasks. Tasks that touch files or the network own that I/O; the work itself
is the pure functions in transforms/. No task caches: inputs are files whose content can change
between runs (the stale-cache trap in STACK-NOTES), so every task uses NO_CACHE.

Every entry flow (``run_pipeline`` for files, the fetch and reprocess flows) hands its articles to
``process_articles``, which holds the warehouse's writer lock for the whole run, so runs never
overlap, and publishes the result atomically (warehouse/store.py).
"""
from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from expectations.validate import Validated, validate
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
    registry_frames,
    split_by_state,
)
from warehouse import live, load, store
from warehouse.registry import load_registry

MENTION_TABLES = ("date_mentions", "count_mentions", "document_mentions")
TASK_RUNNERS = ("thread", "process", "dask")


@dataclass
class RunOptions:
    """How a run executes; none of it changes what the run produces."""
    batch_size: int = 500
    task_runner: str = "process"          # thread | process | dask
    workers: int = 2
    dask_address: str | None = None       # a running Dask scheduler; None = a LocalCluster
    memory_limit: str | None = None       # DuckDB memory_limit while loading
    lock_wait_seconds: float = 0.0        # wait this long for another run to finish
    # Starting worker processes costs ~15–20 s here (each imports Prefect and connects to its API),
    # so smaller runs extract in this process.
    parallel_min_articles: int = 10_000


@dataclass
class ArticlePolicy:
    """Which articles a run keeps and how it groups them (this does change what a run produces)."""
    relevance_threshold: float = 0.5        # is_relevant = relevance_score >= this
    min_relevance: float | None = None      # articles scoring lower are counted, not extracted
    story_similarity: float = DEFAULT_SIMILARITY   # near copies: estimated Jaccard of word 3-shingles
    story_window_days: int | None = 30      # stored articles a new one may copy: ingested this recently (None: all)


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


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_inputs(paths: list[str], today: dt.date) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Read every input file; unreadable files and lines become problems, not failures."""
    return read_paths(paths, today)


@task(cache_policy=NO_CACHE)
def read_registry() -> list[RegistryEntry]:
    return load_registry()


@task(cache_policy=NO_CACHE)
def extract_batch(articles: pl.DataFrame, registry: list[RegistryEntry]) -> Extracted:
    return extract_frames(articles, registry)


@task(cache_policy=NO_CACHE)
def validate_run(articles: pl.DataFrame, extracted: Extracted, registry_documents: pl.DataFrame,
                 registry_aliases: pl.DataFrame, ingest_errors: pl.DataFrame,
                 stored_document_ids: set[str], story_tables: dict[str, pl.DataFrame] | None = None,
                 ) -> dict[str, Validated]:
    """Validate every table's frame; mentions and story rows are checked against the articles that passed."""
    out = {"articles": validate("articles", articles)}
    texts = out["articles"].valid.select("article_id", "text")
    documents = pl.concat([registry_documents, extracted.documents.filter(~pl.col("is_registered"))],
                          how="vertical_relaxed").unique("document_id", keep="first", maintain_order=True)
    out["documents"] = validate("documents", documents)
    known = set(out["documents"].valid["document_id"].to_list()) | stored_document_ids
    out["date_mentions"] = validate("date_mentions", extracted.date_mentions, article_texts=texts)
    out["count_mentions"] = validate("count_mentions", extracted.count_mentions, article_texts=texts)
    out["document_mentions"] = validate("document_mentions", extracted.document_mentions, article_texts=texts,
                                        known_document_ids=known)
    out["document_aliases"] = validate("document_aliases", registry_aliases)
    out["ingest_errors"] = validate("ingest_errors", ingest_errors)
    for table, frame in (story_tables or {}).items():
        out[table] = validate(table, frame, article_texts=texts)
    return out


def _merge(parts: Sequence[Extracted]) -> Extracted:
    if not parts:
        return Extracted.empty()
    return Extracted(*(pl.concat([getattr(p, f) for p in parts], how="vertical_relaxed")
                       for f in ("date_mentions", "count_mentions", "document_mentions", "documents")))


@flow(name="ruaz-extract")
def extract_articles(batches: list[pl.DataFrame], registry: list[RegistryEntry]) -> Extracted:
    """Extract batches in parallel; the caller picks the task runner (processes or a Dask cluster)."""
    futures = extract_batch.map(batches, unmapped(registry))
    return _merge([f.result() for f in futures])


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

    raw, duplicate_problems = find_duplicates(raw)
    problems = list(problems) + duplicate_problems
    with store.writer_lock(db_path, wait_seconds=options.lock_wait_seconds):
        try:
            registry = read_registry()
            with store.staged_warehouse(db_path, run_id, run_at, memory_limit=options.memory_limit) as con:
                lap("read")
                incoming = with_relevance(articles_frame(raw, run_id=run_id, run_at=run_at,
                                                         extractor_version=EXTRACTOR_VERSION), policy.relevance_threshold)
                skipped: list[str] = []
                if policy.min_relevance is not None:
                    below = pl.col("relevance_score") < policy.min_relevance
                    skipped = [f"skipped: {r['source']}: not relevant ({r['relevance_score']:.2f}: {r['relevance_reason']})"
                               for r in incoming.filter(below).iter_rows(named=True)]
                    summary.n_articles_irrelevant += len(skipped)
                    incoming = incoming.filter(~below)
                stored = load.read_article_state(con)
                todo, state_counts = split_by_state(incoming, stored)
                if force:
                    todo = incoming
                window = (run_at - dt.timedelta(days=policy.story_window_days)
                          if policy.story_window_days is not None else None)
                members, kept = live.read_story_index(con, todo["article_id"].to_list(), window)
                stories = plan_stories(todo, sightings_frame(raw, run_at), members, kept, run_id=run_id,
                                       threshold=policy.story_similarity)
                todo = stories.articles
                summary.n_story_copies = stories.n_copies_not_stored
                lap("plan")
                batches = [todo.slice(i, options.batch_size) for i in range(0, todo.height, options.batch_size)]
                if len(batches) > 1 and options.workers > 1 and todo.height >= options.parallel_min_articles:
                    runner = make_task_runner(options.task_runner, options.workers, options.dask_address)
                    extracted = extract_articles.with_options(task_runner=runner)(batches, registry)
                else:
                    extracted = _merge([extract_batch(b, registry) for b in batches])
                lap("extract")
                registry_documents, registry_aliases = registry_frames(registry)
                errors = ingest_errors_frame(problems, run_id=run_id, run_at=run_at)
                checked = validate_run(todo, extracted, registry_documents, registry_aliases, errors,
                                       load.read_document_ids(con),
                                       {"article_sources": stories.article_sources,
                                        "article_fingerprints": stories.fingerprints})
                lap("validate")
                quarantine = pl.concat(
                    [quarantine_frame(t, v.rejected, run_id=run_id, run_at=run_at) for t, v in checked.items()])
                summary.n_articles_read = len(raw)
                # a fetched copy of a stored article is a new source of its story, not a new article
                summary.n_articles_new = state_counts["new"] - summary.n_story_copies
                summary.n_articles_changed = state_counts["changed"]
                summary.n_articles_unchanged = state_counts["unchanged"]
                summary.n_mentions = {t: checked[t].valid.height for t in MENTION_TABLES}
                summary.n_quarantined += quarantine.height
                summary.n_ingest_errors = sum(p.severity == "error" for p in problems)
                summary.n_ingest_warnings = sum(p.severity == "warning" for p in problems)
                summary.problems = [f"{p.severity}: {p.source}{':' + str(p.line) if p.line else ''}: "
                                    f"{p.reason}: {p.detail}" for p in problems] + skipped
                load.load_run(
                    con,
                    articles=checked["articles"].valid,
                    mentions={t: checked[t].valid for t in MENTION_TABLES},
                    documents=checked["documents"].valid,
                    document_aliases=checked["document_aliases"].valid,
                    ingest_errors=checked["ingest_errors"].valid,
                    quarantine=quarantine,
                    run_row=_run_row(summary, run_at, parameters, timings, "completed"),
                    extra_load=lambda c: _load_more(c, run_id, checked, extra_load),
                )
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


def _load_more(con: duckdb.DuckDBPyConnection, run_id: str, checked: dict[str, Validated],
               extra_load: Callable[[duckdb.DuckDBPyConnection, str], None] | None) -> None:
    live.load_story_tables(con, checked["article_sources"].valid, checked["article_fingerprints"].valid)
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

@flow(name="ruaz-run")
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
    run_at = run_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # the edge: the run's clock
    raw, problems = read_inputs(inputs, run_at.date())
    return process_articles(
        raw, problems, db_path=Path(db), export_dir=Path(export_dir) if export_dir else None, run_at=run_at,
        command="run", parameters={"inputs": inputs, "db": db, "export_dir": export_dir, "policy": vars(policy),
                                   **vars(options)},
        options=options, policy=policy)


@flow(name="ruaz-reprocess")
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
    run_at = run_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
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
                                         "policy": vars(policy), **vars(options)},
        options=options, force=True, policy=replace(policy, min_relevance=None),
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
