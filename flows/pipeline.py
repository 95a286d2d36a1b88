"""The flows: read → plan → extract → validate → load → publish → export.

Every entry flow (``run_pipeline`` for files, ``reprocess_pipeline``, and ``fetch_pipeline`` in
flows/live.py) reads its articles and hands them, as an ``Intake``, to ``process_articles``, which
runs the shared stages under the warehouse's writer lock (runs never overlap):

    plan       which articles to extract (new or changed, relevant), their stories
    extract    the mentions of each chunk of articles (on the flow's task runner when large)
    validate   each chunk's frames against the Great Expectations suites; rejects go to quarantine
    load       each valid chunk into a staging copy of the warehouse
    finish     the run's own rows (registry, input problems, stories, the pipeline_runs row)
    publish    the staging copy replaces the warehouse by one atomic rename (warehouse/store.py)
    export     Parquet for other teams

The decisions and counters are pure functions (transforms/runs.py, transforms/stories.py); the
tasks here own the I/O. No task caches: inputs are files whose content can change between runs
(the stale-cache trap in STACK-NOTES), so every task uses NO_CACHE. Only the export retries: it
is the one task whose failure may be transient (a file system) and that is safe to repeat
(unchanged tables are not rewritten); HTTP requests retry inside the fetcher, per request.
"""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import gc
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from pydantic import BaseModel, ConfigDict, Field

from expectations.validate import Validated, validate, validate_strict, warm_up
from flows.inputs import read_paths
from flows.progress import StageClock
from flows.settings import get_settings, setting
from transforms.extract import EXTRACTOR_VERSION, Extracted, extract_frames
from transforms.ingest import IngestProblem, RawArticle, find_duplicates, screen_articles, with_publication_date
from transforms.mentions import RegistryEntry
from transforms.runs import RunSummary, Selection, run_row, select_articles, story_window
from transforms.stories import StoryPlan, keep_new_sentence_mentions, plan_stories, sightings_frame
from transforms.tables import (
    QUARANTINE_SCHEMA,
    RUN_SCHEMA,
    articles_frame,
    extraction_problems,
    extraction_quarantine_frame,
    ingest_errors_frame,
    quarantine_frame,
    registry_frames,
)
from warehouse import lake, live, load, reader, store
from warehouse.registry import load_registry
from warehouse.tables import MENTION_TABLES, table

__all__ = ["ArticlePolicy", "Intake", "RunContext", "RunFailed", "RunOptions", "RunSummary", "process_articles",
           "reprocess_pipeline", "run_pipeline", "with_task_runner"]

TASK_RUNNERS = ("thread", "process", "dask")
EXTRACTION_FAILURES = ("extraction_failed", "extraction_timeout")   # the reasons of transforms.extract failures


class RunOptions(BaseModel):
    """How a run executes; none of it changes what the run produces (a flow parameter, so a
    pydantic model: deployments and the Prefect UI show and validate it). Defaults: flows/settings.py.
    Where extraction runs (threads, processes, a Dask cluster) is the flow's task runner, chosen at
    the edge: see ``with_task_runner``."""
    model_config = ConfigDict(extra="forbid")   # a misspelt option is an error, not ignored

    batch_size: int = setting("batch_size")
    chunk_size: int = setting("chunk_size")
    article_time_limit_seconds: float | None = setting("article_time_limit_seconds")
    memory_limit: str | None = setting("duckdb_memory_limit")
    lock_wait_seconds: float = setting("lock_wait_seconds")
    snapshot_grace_hours: float = setting("snapshot_grace_hours")
    parallel_min_articles: int = setting("parallel_min_articles")
    registry_path: str | None = Field(None, description="Canonical document registry (default: the bundled one).")


class ArticlePolicy(BaseModel):
    """Which articles a run keeps and how it groups them (this does change what a run produces)."""
    model_config = ConfigDict(extra="forbid")   # a misspelt option is an error, not ignored

    relevance_threshold: float = setting("relevance_threshold")
    min_relevance: float | None = Field(None, ge=0, le=1,
                                        description="Articles scoring lower are counted, not extracted (None: all).")
    story_similarity: float = setting("story_similarity")
    story_window_days: int | None = setting("story_window_days")   # None, like 0: every stored article
    boilerplate_min_pages: int = setting("boilerplate_min_pages")   # fetched pages: a site's repeated lines
    boilerplate_memory_days: int = setting("boilerplate_memory_days")
    reference_date: dt.date | None = Field(
        None, description="The publication date of an article that has none and states none at its top "
                          "(articles.published_source 'reference'): what its relative dates count from.")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class RunContext:
    """Which run this is, when it is for, and where it writes."""
    run_id: str
    run_at: dt.datetime
    command: str
    parameters: dict
    db_path: Path                         # the reader's warehouse (--db); the state store is beside it
    export_dir: Path | None = None        # the lake (None: the private lake beside the state store)
    started_at: dt.datetime = field(default_factory=lambda: _now())   # wall clock, UTC
    scheduled_at: dt.datetime | None = field(default_factory=lambda: scheduled_clock())

    @property
    def lake_dir(self) -> Path:
        return store.WarehousePaths.of(self.db_path).lake(self.export_dir)


@dataclass
class Intake:
    """What an entry flow hands to the shared stages."""
    articles: list[RawArticle]            # consumed: emptied once they are in frames, to free memory
    problems: list[IngestProblem]
    counts: dict[str, int] = field(default_factory=dict)   # RunSummary counts of the entry flow (pages fetched…)
    extra_load: Callable[[duckdb.DuckDBPyConnection], None] | None = None   # its own tables, same transaction


@dataclass
class Plan:
    """What a run will extract, and the stories of those articles."""
    selection: Selection
    stories: StoryPlan
    known_document_ids: set[str]

    @property
    def articles(self) -> pl.DataFrame:
        return self.stories.articles


def run_clock() -> dt.datetime:
    """The run's date when none is passed: when it really starts (UTC, naive), read once at the
    flow's edge. A scheduled run's scheduled time is recorded beside it (``scheduled_clock``): a run
    that waited in a queue says when it ran, not when it was due."""
    return _now()


def scheduled_clock() -> dt.datetime | None:
    """The scheduled start of this flow run, when Prefect scheduled it (UTC, naive)."""
    scheduled = flow_run.scheduled_start_time
    if scheduled is None:
        return None
    return dt.datetime.fromtimestamp(scheduled.timestamp(), dt.timezone.utc).replace(tzinfo=None)


def new_run_id(run_at: dt.datetime) -> str:
    return f"{run_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def make_task_runner(kind: str, workers: int, dask_address: str | None = None):
    """The task runner for extraction: threads (debugging), processes (one machine), or Dask."""
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        from flows.lifetime import exit_when_orphaned

        return ProcessPoolTaskRunner(max_workers=workers, initializer=exit_when_orphaned, initargs=(os.getpid(),))
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
    settings = get_settings()
    return make_task_runner(settings.task_runner, settings.workers, settings.dask_address)


def with_task_runner(entry_flow, kind: str | None = None, workers: int | None = None,
                     dask_address: str | None = None):
    """``entry_flow`` with its extraction on the given runner (None: keep the configured one)."""
    if kind is None:
        return entry_flow
    return entry_flow.with_options(task_runner=make_task_runner(kind, workers or get_settings().workers, dask_address))


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_inputs(paths: list[str], today: dt.date) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Read every input file; unreadable files and lines become problems, not failures."""
    return read_paths(paths, today)


@task(cache_policy=NO_CACHE)
def read_registry(path: str | None = None) -> list[RegistryEntry]:
    return load_registry(Path(path) if path else None)


@task(cache_policy=NO_CACHE)
def extract_batch(articles: pl.DataFrame, registry: list[RegistryEntry],
                  time_limit_seconds: float | None = None) -> Extracted:
    """The mentions of a batch; an article whose extraction fails or runs past the time limit is
    in ``failures`` instead (never raised: one article cannot fail the batch)."""
    return extract_frames(articles, registry, time_limit_seconds)


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


# ---- the stages every run shares ---------------------------------------------------------------

class RunFailed(store.WarehouseError):
    """The run failed; its summary (status failed) says how far it got. The message is one line."""

    def __init__(self, message: str, summary: RunSummary):
        super().__init__(message)
        self.summary = summary


def process_articles(intake: Intake, run: RunContext, options: RunOptions, policy: ArticlePolicy, *,
                     force: bool = False) -> RunSummary:
    """Plan, extract, validate, load and publish the intake's articles; called inside an entry
    flow. force: re-extract articles even when they are unchanged (``ruaz reprocess``)."""
    logger = get_run_logger()
    clock = StageClock(log=logger.info)
    summary = RunSummary(run_id=run.run_id, command=run.command, status="running", db=str(run.db_path),
                         export_dir=str(run.lake_dir), **intake.counts)
    summary.timings = clock.timings
    # every article, whatever its source, is screened once more: nothing in it can stop the run later
    articles, screened = screen_articles(intake.articles)
    intake.articles.clear()   # `articles` holds them now, until the plan has them in frames
    articles, duplicates = find_duplicates(articles)
    # an undated article takes the date it stamps itself, else the run's reference date
    articles = [with_publication_date(a, policy.reference_date) for a in articles]
    problems = [*intake.problems, *screened, *duplicates]
    summary.count_intake(len(articles), problems)
    paths = store.WarehousePaths.of(run.db_path)
    try:
        with store.writer_lock(paths, wait_seconds=options.lock_wait_seconds):
            # Until the state store has this run's row, a record beside it says the run is on: if the
            # process dies, the next run finds it and records the run as failed.
            journal = store.journal_run(paths, _run_row(run, summary, "failed", error=_DIED))
            recorded = _run_stages(articles, problems, intake, run, options, policy, force, summary, clock, paths)
            if recorded and journal is not None:
                store.forget_journal(journal)
    except store.WarehouseBusy as exc:
        summary.status = "failed"
        store.journal_run(paths, _run_row(run, summary, "failed", error=f"refused: {exc}"))
        logger.error("run %s refused: %s", run.run_id, exc)
        raise RunFailed(str(exc), summary) from exc
    logger.info("run %s %s: %d articles read, %d new, %d changed, %d unchanged; mentions %s; %d quarantined; "
                "lake %s snapshot %s", run.run_id, summary.status, summary.n_articles_read, summary.n_articles_new,
                summary.n_articles_changed, summary.n_articles_unchanged, summary.n_mentions, summary.n_quarantined,
                run.lake_dir, summary.snapshot_id)
    return summary


_DIED = "the run stopped before it finished (killed, or the machine stopped); rows it had committed are published " \
        "by the next run"


def _run_stages(articles: list[RawArticle], problems: list[IngestProblem], intake: Intake, run: RunContext,
                options: RunOptions, policy: ArticlePolicy, force: bool, summary: RunSummary, clock: StageClock,
                paths: store.WarehousePaths) -> bool:
    """The stages under the writer lock. Returns whether the run's row is in the state store."""
    logger = get_run_logger()
    con = None
    stage = "open"
    try:
        store.adopt_old_warehouse(paths)        # a --db file of the layout before the state store becomes it
        reader.check_replaceable(run.db_path)   # refuse before loading anything, when it cannot be published
        with store.open_state(paths, run.run_at, memory_limit=options.memory_limit) as con:
            stage = "load"
            settle_earlier_runs(con, paths, run)
            registry = read_registry(options.registry_path)
            clock.lap("read", len(articles))
            plan = plan_run(con, articles, registry, run, policy, force)
            summary.count_selection(plan.selection, plan.stories.n_copies_not_stored)
            clock.total = plan.articles.height
            clock.lap("plan", plan.articles.height)
            con.begin()
            loaded_ids, replaced = extract_validate_load(con, plan, registry, run, options, summary, clock, problems)
            if force:   # what was re-extracted, told apart by whether its row changed
                summary.count_rewritten(con.execute("SELECT count(*) FROM articles WHERE run_id = ?",
                                                    [run.run_id]).fetchone()[0])
            rows = validate_run_rows(con, plan, registry, problems, loaded_ids, run, summary)
            clock.lap("validate", detail="the run's own rows")
            load_run_rows(con, rows, intake.extra_load, replaced)
            con.commit()
            clock.lap("load", detail="the run's own rows")
            stage = "publish"
            publish_run(con, run, options, summary, clock)
            summary.status = "completed"
            return True
    except Exception as exc:
        summary.status = "failed"
        message = f"{type(exc).__name__}: {exc}" if not isinstance(exc, store.WarehouseError) else str(exc)
        if stage == "publish":
            message = f"publish failed: {message}; the run's rows are loaded and the next run publishes them"
        logger.error("run %s failed: %s", run.run_id, message)
        _record_failure(paths, run, summary, message, publish=stage == "load")
        raise RunFailed(message, summary) from exc
    finally:
        del con


def settle_earlier_runs(con: duckdb.DuckDBPyConnection, paths: store.WarehousePaths, run: RunContext) -> None:
    """Record the runs the state store could not take when they happened: refused by the lock, or
    died (a run that died after loading, while publishing, has its row already: it becomes failed)."""
    records = [(path, row) for path, row in store.journaled_runs(paths) if row.get("run_id") != run.run_id]
    if not records:
        return
    rows = []
    for _, row in records:
        cursor = con.execute("SELECT * FROM pipeline_runs WHERE run_id = ?", [row["run_id"]])
        found = cursor.fetchall()
        if not found:
            rows.append(_typed_row(row))
            continue
        stored = dict(zip([d[0] for d in cursor.description], found[0]))
        if stored["status"] == "completed" and stored.get("snapshot_id") is None:
            rows.append({**stored, "status": "failed", "finished_at": None,
                         "error": _DIED.replace("stopped before", "stopped after loading, before")})
    if rows:
        valid = validate_strict("pipeline_runs", pl.DataFrame(rows, schema=RUN_SCHEMA))
        con.begin()
        for row in valid.to_dicts():
            load.write_run_row(con, row)
        con.commit()
    for path, _ in records:
        store.forget_journal(path)


def _typed_row(row: dict) -> dict:
    out = dict(row)
    for column in ("started_at", "finished_at", "scheduled_at"):
        if isinstance(out.get(column), str):
            out[column] = dt.datetime.fromisoformat(out[column])
    return out


def publish_run(con: duckdb.DuckDBPyConnection, run: RunContext, options: RunOptions, summary: RunSummary,
                clock: StageClock) -> None:
    """A new lake snapshot with what the run (and any run before it that could not publish) loaded;
    the run's row, completed, is the last thing written to it; then the reader's warehouse."""
    from flows.export import schema_version

    def complete_run_row(c: duckdb.DuckDBPyConnection, snapshot_id: str) -> None:
        clock.lap("publish")
        row = _run_row(run, summary, "completed", finished_at=_now(), snapshot_id=snapshot_id)
        validate_strict("pipeline_runs", pl.DataFrame([row], schema=RUN_SCHEMA))
        load.write_run_row(c, row)

    published = reader.publish(con, run.db_path, run.lake_dir, run_id=run.run_id, published_at=_now(),
                               extractor_version=EXTRACTOR_VERSION, schema_version=schema_version(),
                               before_commit=complete_run_row)
    summary.snapshot_id = published.snapshot_id
    lake.collect_garbage(con, run.lake_dir, dt.timedelta(hours=options.snapshot_grace_hours))
    clock.lap("publish", detail=f"snapshot {published.snapshot_id}: {published.n_files_written} files written, "
                                f"{published.n_files_linked} kept")


def _record_failure(paths: store.WarehousePaths, run: RunContext, summary: RunSummary, message: str,
                    publish: bool) -> bool:
    """Record the failed run in the state store (and publish that row when the failure was not the
    publish itself); when the state store cannot take it, in the run's record beside it for the next
    run. Never raises: the run's own error is what the caller reports."""
    row = _run_row(run, summary, "failed", error=message, finished_at=_now())
    try:
        validate_strict("pipeline_runs", pl.DataFrame([row], schema=RUN_SCHEMA))
        with store.open_state(paths, run.run_at) as con:
            con.begin()
            load.write_run_row(con, row)
            con.commit()
            if publish:
                from flows.export import schema_version

                reader.publish(con, run.db_path, run.lake_dir, run_id=run.run_id, published_at=_now(),
                               extractor_version=EXTRACTOR_VERSION, schema_version=schema_version(),
                               families={"run"})
        return True
    except Exception as exc:  # noqa: BLE001 - never mask the run's own error
        get_run_logger().warning("run %s: the failure could not be recorded in the state store (%s); the next run "
                                 "records it", run.run_id, exc)
        store.journal_run(paths, row)
        return False


def plan_run(con: duckdb.DuckDBPyConnection, articles: list[RawArticle], registry: list[RegistryEntry],
             run: RunContext, policy: ArticlePolicy, force: bool) -> Plan:
    """Which articles to extract (new or changed, and relevant enough) and the story of each: a
    fetched page that copies a stored article becomes a source of its story instead of an article."""
    incoming = articles_frame(articles, run_id=run.run_id, run_at=run.run_at, extractor_version=EXTRACTOR_VERSION)
    sightings = sightings_frame(articles, run.run_at)
    articles.clear()   # the frames hold the articles now: let their objects go (~2 KB each)
    stored_state = load.read_article_state(con, None if force else incoming["article_id"].to_list())
    selection = select_articles(incoming, stored_state, relevance_threshold=policy.relevance_threshold,
                                min_relevance=policy.min_relevance, force=force)
    del incoming, stored_state
    members, kept = live.read_story_index(con, selection.articles["article_id"].to_list(),
                                          story_window(run.run_at, policy.story_window_days))
    stories = plan_stories(selection.articles, sightings, members, kept, run_id=run.run_id,
                           threshold=policy.story_similarity,
                           story_texts=lambda story_ids: live.read_story_texts(con, story_ids),
                           supplements=live.read_supplements(con, list(kept)))
    known = load.read_document_ids(con) | {e.document_id for e in registry}
    return Plan(selection=selection, stories=stories, known_document_ids=known)


def extract_validate_load(con: duckdb.DuckDBPyConnection, plan: Plan, registry: list[RegistryEntry],
                          run: RunContext, options: RunOptions, summary: RunSummary, clock: StageClock,
                          problems: list[IngestProblem]) -> tuple[list[str], bool]:
    """Each chunk of the plan's articles extracted, validated and loaded; the ids of the articles
    loaded, and whether any of them replaced a stored article. An article whose extraction failed is
    quarantined and added to ``problems`` (ingest_errors)."""
    known_documents = set(plan.known_document_ids)
    loaded_ids: list[str] = []
    replaced_any = False
    summary.n_mentions = dict.fromkeys(load.MENTION_TABLES, 0)
    for chunk, extracted in extract_chunks(plan.articles, registry, options, clock):
        chunk, not_extracted = set_aside_failures(chunk, extracted.failures, run, problems, summary)
        extracted = _supplements_new_facts_only(extracted, plan.stories.new_sentence_spans)
        checked = validate_chunk(chunk, extracted, known_documents)
        known_documents |= set(checked["documents"].valid["document_id"].to_list())
        quarantine = validate_strict("quarantine", pl.concat([_quarantine(checked, run), not_extracted]))
        clock.lap("validate", chunk.height)
        mentions = {t: checked[t].valid for t in load.MENTION_TABLES}
        replaced_any |= bool(load.load_chunk(con, articles=checked["articles"].valid, mentions=mentions,
                                             documents=checked["documents"].valid, quarantine=quarantine))
        loaded_ids += checked["articles"].valid["article_id"].to_list()
        summary.n_articles_loaded = len(loaded_ids)
        summary.count_loaded(mentions, quarantine.height)
        # Each chunk is a transaction of its own (whole articles with their mentions): committing
        # lets DuckDB free its rows (one open transaction over 100k articles held ~1 GB more).
        # Readers see the run at once, when it publishes.
        con.commit()
        con.begin()
        n_chunk = chunk.height
        del checked, extracted, chunk, quarantine, mentions
        _return_freed_memory()
        clock.lap("load", n_chunk)
    return loaded_ids, replaced_any


def set_aside_failures(chunk: pl.DataFrame, failures: pl.DataFrame, run: RunContext, problems: list[IngestProblem],
                       summary: RunSummary) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The chunk without the articles whose extraction failed, and their quarantine rows; each
    failure is also an input problem (so every input is in articles or in ingest_errors)."""
    if failures.is_empty():
        return chunk, pl.DataFrame(schema=QUARANTINE_SCHEMA)
    failed = chunk.join(failures, on="article_id", how="inner")
    found = extraction_problems(failed)
    problems += found
    summary.count_failures(found)
    for row in failures.iter_rows(named=True):
        get_run_logger().info("article %s not extracted: %s (%s, %s)", row["article_id"], row["error"],
                                 row["extractor"], row["location"])
    return (chunk.join(failures, on="article_id", how="anti"),
            extraction_quarantine_frame(failed, chunk.columns, run_id=run.run_id, run_at=run.run_at))


@dataclass
class RunRows:
    """The run's own rows, validated: the registry, the input problems, the story tables, the
    quarantine of their rejects and the pipeline_runs row."""
    checked: dict[str, Validated]
    quarantine: pl.DataFrame
    run_row: dict


def validate_run_rows(con: duckdb.DuckDBPyConnection, plan: Plan, registry: list[RegistryEntry],
                      problems: list[IngestProblem], loaded_ids: list[str], run: RunContext,
                      summary: RunSummary) -> RunRows:
    """Validate the run's own rows that are new: a registry row or an input problem already stored
    as it is was validated when it was first loaded, so an unchanged rerun sends nothing to GX but
    its pipeline_runs row."""
    registry_documents, registry_aliases = registry_frames(registry)
    errors = ingest_errors_frame(problems, run_id=run.run_id, run_at=run.run_at)
    new = {"registry_documents": load.not_stored(con, "documents", registry_documents),
           "document_aliases": load.not_stored(con, "document_aliases", registry_aliases),
           "ingest_errors": load.not_stored(con, "ingest_errors", errors, key_only=True)}
    # the story rows of an article that was not extracted wait for the run that loads it
    failed = [p.article_id for p in problems if p.reason in EXTRACTION_FAILURES]
    not_failed = ~pl.col("article_id").is_in(failed).fill_null(False)
    checked = validate_run_level(new["registry_documents"], new["document_aliases"], new["ingest_errors"],
                                 {"article_sources": plan.stories.article_sources.filter(not_failed),
                                  "article_fingerprints": plan.stories.fingerprints.filter(not_failed)},
                                 loaded_ids)
    # the full registry is loaded (it replaces the stored one): the stored rows with the new valid ones
    for name, frame in (("registry_documents", registry_documents), ("document_aliases", registry_aliases)):
        result = checked[name]
        grain = list(table(result.table).grain)
        valid = frame.join(result.rejected.select(grain), on=grain, how="anti") if result.rejected.height else frame
        checked[name] = Validated(result.table, valid, result.rejected, result.n_expectations,
                                  result.failed_expectations)
    quarantine = validate_strict("quarantine", _quarantine(checked, run))
    summary.n_quarantined += quarantine.height
    row = _run_row(run, summary, "completed", finished_at=_now())
    validate_strict("pipeline_runs", pl.DataFrame([row], schema=RUN_SCHEMA))
    return RunRows(checked, quarantine, row)


def load_run_rows(con: duckdb.DuckDBPyConnection, rows: RunRows,
                  extra_load: Callable[[duckdb.DuckDBPyConnection], None] | None, replaced_articles: bool = True) -> None:
    """The run's own rows and the entry flow's tables, written last in the run's transaction."""
    valid = {table: checked.valid for table, checked in rows.checked.items()}

    def story_and_entry_tables(c: duckdb.DuckDBPyConnection) -> None:
        live.load_story_tables(c, valid["article_sources"], valid["article_fingerprints"])
        if extra_load:
            extra_load(c)

    load.finish_run(con, registry_documents=valid["registry_documents"], document_aliases=valid["document_aliases"],
                    ingest_errors=valid["ingest_errors"], quarantine=rows.quarantine, run_row=rows.run_row,
                    extra_load=story_and_entry_tables, replaced_articles=replaced_articles)


def extract_chunks(todo: pl.DataFrame, registry: list[RegistryEntry], options: RunOptions,
                   clock: StageClock) -> Iterator[tuple[pl.DataFrame, Extracted]]:
    """(chunk, its mentions) in order. Large runs extract on the flow's task runner, one chunk
    ahead of the chunk being validated and loaded, so memory holds about two chunks at a time."""
    chunks = [todo.slice(i, options.chunk_size) for i in range(0, todo.height, options.chunk_size)]
    limit = options.article_time_limit_seconds

    def batches(chunk: pl.DataFrame) -> list[pl.DataFrame]:
        return [chunk.slice(i, options.batch_size) for i in range(0, chunk.height, options.batch_size)]

    if todo.height < max(options.parallel_min_articles, 1):
        for chunk in chunks:
            extracted = Extracted.concat([extract_batch.fn(b, registry, limit) for b in batches(chunk)])
            clock.lap("extract", chunk.height)
            yield chunk, extracted
        return
    submit = lambda chunk: extract_batch.map(batches(chunk), unmapped(registry), unmapped(limit))  # noqa: E731
    with _workers_share_this_api():   # the workers start at the first submission
        pending = submit(chunks[0]) if chunks else []
    for i, chunk in enumerate(chunks):
        futures = pending
        pending = submit(chunks[i + 1]) if i + 1 < len(chunks) else []
        extracted = Extracted.concat([f.result() for f in futures])
        clock.lap("extract", chunk.height)
        yield chunk, extracted


def _supplements_new_facts_only(extracted: Extracted, spans: dict[str, list[tuple[int, int]]]) -> Extracted:
    """A supplement (a near copy stored for the sentences it adds) keeps the mentions of those only."""
    if not spans:
        return extracted
    return dataclasses.replace(extracted, **{t: keep_new_sentence_mentions(getattr(extracted, t), spans)
                                             for t in ("date_mentions", "count_mentions", "document_mentions")})


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


def _quarantine(checked: dict[str, Validated], run: RunContext) -> pl.DataFrame:
    return pl.concat([quarantine_frame(v.table, v.rejected, run_id=run.run_id, run_at=run.run_at)
                      for v in checked.values()])


def _run_row(run: RunContext, summary: RunSummary, status: str, error: str | None = None,
             finished_at: dt.datetime | None = None, snapshot_id: str | None = None) -> dict:
    return run_row(summary, run_at=run.scheduled_at or run.run_at, started_at=run.started_at, finished_at=finished_at,
                   flow_run_id=str(flow_run.id) if flow_run.id else None, parameters=run.parameters,
                   extractor_version=EXTRACTOR_VERSION, status=status, error=error, snapshot_id=snapshot_id)


def _context(command: str, db: str, export_dir: str | None, run_at: dt.datetime, parameters: dict,
             run_id: str | None = None) -> RunContext:
    return RunContext(run_id=run_id or new_run_id(run_at), run_at=run_at, command=command, parameters=parameters,
                      db_path=Path(db), export_dir=Path(export_dir) if export_dir else None)


# ---- entry flows -------------------------------------------------------------------------------

@flow(name="ruaz-run", task_runner=default_task_runner())
def run_pipeline(
    inputs: list[str],
    db: str,
    export_dir: str | None = None,
    run_at: dt.datetime | None = None,
    options: RunOptions | None = None,
    policy: ArticlePolicy | None = None,
    processed_dir: str | None = None,
) -> RunSummary:
    """Ingest files and folders, extract dates, counts and documents, validate, load, publish.

    The user chose these files: every article is extracted unless ``policy.min_relevance`` is set.
    processed_dir: the inputs are drop folders: the files a completed run read are moved there
    (their paths inside the folder kept), so the next run reads only what arrived since."""
    options, policy, run_at = options or RunOptions(), policy or ArticlePolicy(), run_at or run_clock()
    warm_up()   # GX's imports while the inputs are read
    dropped = drop_folder_files(inputs) if processed_dir else None
    articles, problems = read_inputs([str(f) for f, _ in dropped] if dropped is not None else inputs, run_at.date())
    run = _context("run", db, export_dir, run_at, {"inputs": inputs, "db": db, "export_dir": export_dir,
                                                   "processed_dir": processed_dir, "policy": policy.model_dump(),
                                                   **options.model_dump()})
    summary = process_articles(Intake(articles, problems), run, options, policy)
    if dropped:
        move_processed(dropped, Path(processed_dir))
    return summary


def drop_folder_files(folders: list[str]) -> list[tuple[Path, Path]]:
    """(file, its drop folder) of every input file in the folders, listed once at the start."""
    from flows.inputs import expand_paths

    out = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise NotADirectoryError(f"processed_dir needs drop folders as inputs; {folder} is not a folder")
        files, _ = expand_paths([folder])
        out += [(f, folder) for f in files]
    return out


def move_processed(files: list[tuple[Path, Path]], processed_dir: Path) -> None:
    """Move the files a completed run read out of their drop folder (a file that cannot be moved is
    read again by the next run, which loads nothing twice)."""
    logger = get_run_logger()
    for path, folder in files:
        target = processed_dir / path.relative_to(folder)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target = target.with_name(f"{target.stem}.{uuid.uuid4().hex[:6]}{target.suffix}")
            shutil.move(path, target)
        except OSError as exc:
            logger.warning("could not move %s to %s: %s", path, processed_dir, exc)
    logger.info("moved %d processed files to %s", len(files), processed_dir)


@flow(name="ruaz-reprocess", task_runner=default_task_runner())
def reprocess_pipeline(db: str, export_dir: str | None = None, run_at: dt.datetime | None = None,
                       options: RunOptions | None = None, raw_dir: str | None = None,
                       policy: ArticlePolicy | None = None,
                       source_languages: dict[str, str] | None = None, from_raw: bool = False) -> RunSummary:
    """Re-extract every stored article with the current extractors, without reading any input.

    from_raw (implied by raw_dir): also read every archived page again with the current page
    reader (main text, headline, publication date, the sites' repeated lines counted again,
    language, relevance; e.g. after a trafilatura upgrade), without fetching; pages that now read
    as relevant articles (policy.relevance_threshold) join their stories. The archive is the one
    the warehouse records (raw_archives), whatever the working directory, unless raw_dir names
    another; the run fails (ArchiveError), writing nothing, when any archived page cannot be
    read. Stored articles are all kept. source_languages: each source's language, the fallback
    of a page that does not declare one (as when it was fetched)."""
    options, policy, run_at = options or RunOptions(), policy or ArticlePolicy(), run_at or run_clock()
    run = _context("reprocess", db, export_dir, run_at, {"db": db, "export_dir": export_dir, "raw_dir": raw_dir,
                                                         "from_raw": from_raw or bool(raw_dir),
                                                         "policy": policy.model_dump(), **options.model_dump()})
    articles = read_stored_articles(Path(db))
    problems, n_irrelevant, extra_load = [], 0, None
    if from_raw or raw_dir:
        reread, problems, n_irrelevant, extra_load = read_archived_articles(
            Path(db), Path(raw_dir) if raw_dir else None, policy, run_at, source_languages or {}, run.run_id)
        by_id = {a.article_id: a for a in articles}
        by_id.update((a.article_id, a) for a in reread)   # stored order first: a story keeps its founder
        articles = list(by_id.values())
    return process_articles(Intake(articles, problems, counts={"n_articles_irrelevant": n_irrelevant},
                                   extra_load=extra_load), run, options,
                            policy.model_copy(update={"min_relevance": None}), force=True)


@task(cache_policy=NO_CACHE)
def read_archived_articles(db_path: Path, raw_dir: Path | None, policy: ArticlePolicy, run_at: dt.datetime,
                           source_languages: dict[str, str], run_id: str):
    """The relevant articles of every archived page, read again (flows/live.py reread_archive)."""
    from flows.live import reread_archive

    return reread_archive(db_path, raw_dir, policy=policy, today=run_at.date(), source_languages=source_languages,
                          run_id=run_id, run_at=run_at)


@task(cache_policy=NO_CACHE)
def read_stored_articles(db_path: Path) -> list[RawArticle]:
    if not db_path.exists():
        return []
    con = store.connect_read_only(db_path)
    try:
        return load.read_articles(con)
    finally:
        con.close()
