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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from pydantic import BaseModel, Field

from expectations.validate import Validated, validate
from flows.inputs import read_paths
from transforms.extract import EXTRACTOR_VERSION, Extracted, extract_frames
from transforms.ingest import IngestProblem, RawArticle, find_duplicates
from transforms.mentions import RegistryEntry
from transforms.tables import (
    articles_frame,
    ingest_errors_frame,
    quarantine_frame,
    registry_frames,
    split_by_state,
)
from warehouse import load, store
from warehouse.registry import load_registry

MENTION_TABLES = ("date_mentions", "count_mentions", "document_mentions")
TASK_RUNNERS = ("thread", "process", "dask")


class RunOptions(BaseModel):
    """How a run executes; none of it changes what the run produces (a flow parameter, so a
    pydantic model: deployments and the Prefect UI show and validate it)."""
    batch_size: int = Field(500, ge=1)
    task_runner: Literal["thread", "process", "dask"] = "process"
    workers: int = Field(2, ge=1)
    dask_address: str | None = None       # a running Dask scheduler; None = a LocalCluster
    memory_limit: str | None = None       # DuckDB memory_limit while loading
    lock_wait_seconds: float = Field(0.0, ge=0)   # wait this long for another run to finish
    # Starting worker processes costs ~15–20 s here (each imports Prefect and connects to its API),
    # so smaller runs extract in this process.
    parallel_min_articles: int = Field(10_000, ge=0)
    registry_path: str | None = None      # canonical document registry (default: the bundled one)


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
def validate_run(articles: pl.DataFrame, extracted: Extracted, registry_documents: pl.DataFrame,
                 registry_aliases: pl.DataFrame, ingest_errors: pl.DataFrame,
                 stored_document_ids: set[str]) -> dict[str, Validated]:
    """Validate every table's frame; mentions are checked against the articles that passed."""
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
    extra_load: Callable[[duckdb.DuckDBPyConnection, str], None] | None = None,
) -> RunSummary:
    """Extract, validate, load and export ``raw`` articles; called inside an entry flow.

    force: re-extract articles even when they are unchanged (``ruaz reprocess``).
    extra_load: writes further tables (fetch log, raw pages …) in the same transaction."""
    logger = get_run_logger()
    run_id = new_run_id(run_at)
    summary = RunSummary(run_id=run_id, command=command, status="running", db=str(db_path),
                         export_dir=str(export_dir) if export_dir else None)
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
            registry = read_registry(options.registry_path)
            with store.staged_warehouse(db_path, run_id, run_at, memory_limit=options.memory_limit) as con:
                lap("read")
                incoming = articles_frame(raw, run_id=run_id, run_at=run_at, extractor_version=EXTRACTOR_VERSION)
                stored = load.read_article_state(con)
                todo, counts = split_by_state(incoming, stored)
                if force:
                    todo = incoming
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
                                       load.read_document_ids(con))
                lap("validate")
                quarantine = pl.concat(
                    [quarantine_frame(t, v.rejected, run_id=run_id, run_at=run_at) for t, v in checked.items()])
                summary.n_articles_read = len(raw)
                summary.n_articles_new, summary.n_articles_changed = counts["new"], counts["changed"]
                summary.n_articles_unchanged = counts["unchanged"]
                summary.n_mentions = {t: checked[t].valid.height for t in MENTION_TABLES}
                summary.n_quarantined = quarantine.height
                summary.n_ingest_errors = sum(p.severity == "error" for p in problems)
                summary.n_ingest_warnings = sum(p.severity == "warning" for p in problems)
                summary.problems = [f"{p.severity}: {p.source}{':' + str(p.line) if p.line else ''}: "
                                    f"{p.reason}: {p.detail}" for p in problems]
                load.load_run(
                    con,
                    articles=checked["articles"].valid,
                    mentions={t: checked[t].valid for t in MENTION_TABLES},
                    documents=checked["documents"].valid,
                    document_aliases=checked["document_aliases"].valid,
                    ingest_errors=checked["ingest_errors"].valid,
                    quarantine=quarantine,
                    run_row=_run_row(summary, run_at, parameters, timings, "completed"),
                    extra_load=(lambda c: extra_load(c, run_id)) if extra_load else None,
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
) -> RunSummary:
    """Ingest files and folders, extract dates, counts and documents, validate, load, export."""
    options = options or RunOptions()
    run_at = run_at or run_clock()
    raw, problems = read_inputs(inputs, run_at.date())
    return process_articles(
        raw, problems, db_path=Path(db), export_dir=Path(export_dir) if export_dir else None, run_at=run_at,
        command="run", parameters={"inputs": inputs, "db": db, "export_dir": export_dir, **options.model_dump()},
        options=options)


@flow(name="ruaz-reprocess")
def reprocess_pipeline(db: str, export_dir: str | None = None, run_at: dt.datetime | None = None,
                       options: RunOptions | None = None) -> RunSummary:
    """Re-extract every stored article with the current extractors, without reading any input."""
    options = options or RunOptions()
    run_at = run_at or run_clock()
    raw = read_stored_articles(Path(db))
    return process_articles(
        raw, [], db_path=Path(db), export_dir=Path(export_dir) if export_dir else None, run_at=run_at,
        command="reprocess", parameters={"db": db, "export_dir": export_dir, **options.model_dump()}, options=options,
        force=True)


@task(cache_policy=NO_CACHE)
def read_stored_articles(db_path: Path) -> list[RawArticle]:
    if not db_path.exists():
        return []
    con = store.connect_read_only(db_path)
    try:
        return load.read_articles(con)
    finally:
        con.close()
