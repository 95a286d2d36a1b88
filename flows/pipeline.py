"""The ingest → extract → validate → load → export flow.

The flow only wires typed tasks. Tasks that touch files or the network own that I/O; the work
itself is the pure functions in transforms/. No task caches: inputs are files whose content can
change between runs (the stale-cache trap in STACK-NOTES), so every task uses NO_CACHE.
"""
from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

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


@dataclass
class RunSummary:
    run_id: str
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


def new_run_id(run_at: dt.datetime) -> str:
    return f"{run_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


# ---- tasks -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def read_inputs(paths: list[str], today: dt.date) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Read every input file; unreadable files and lines become problems, not failures."""
    articles, problems = read_paths(paths, today)
    articles, duplicate_problems = find_duplicates(articles)
    return articles, problems + duplicate_problems


@task(cache_policy=NO_CACHE)
def read_registry() -> list[RegistryEntry]:
    return load_registry()


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


def _merge(parts: list[Extracted]) -> Extracted:
    if not parts:
        return Extracted.empty()
    return Extracted(*(pl.concat([getattr(p, f) for p in parts], how="vertical_relaxed")
                       for f in ("date_mentions", "count_mentions", "document_mentions", "documents")))


# ---- the flow ----------------------------------------------------------------------------------

@flow(name="ruaz-run", log_prints=False)
def run_pipeline(
    inputs: list[str],
    db: str,
    export_dir: str | None = None,
    run_at: dt.datetime | None = None,
    batch_size: int = 500,
    memory_limit: str | None = None,
) -> RunSummary:
    """Ingest files and folders, extract dates, counts and documents, validate, load, export."""
    logger = get_run_logger()
    run_at = run_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # the edge: the run's clock
    run_id = new_run_id(run_at)
    db_path = Path(db)
    summary = RunSummary(run_id=run_id, status="running", db=str(db_path), export_dir=export_dir)
    parameters = {"inputs": inputs, "db": str(db_path), "export_dir": export_dir, "batch_size": batch_size}
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    with store.writer_lock(db_path):
        try:
            raw, problems = read_inputs(inputs, run_at.date())
            registry = read_registry()
            lap("read")
            with store.staged_warehouse(db_path, run_id, run_at, memory_limit=memory_limit) as con:
                stored = load.read_article_state(con)
                stored_document_ids = load.read_document_ids(con)
                incoming = articles_frame(raw, run_id=run_id, run_at=run_at, extractor_version=EXTRACTOR_VERSION)
                todo, counts = split_by_state(incoming, stored)
                lap("plan")
                batches = [todo.slice(i, batch_size) for i in range(0, todo.height, batch_size)]
                futures = [extract_batch.submit(b, registry) for b in batches]
                extracted = _merge([f.result() for f in futures])
                lap("extract")
                registry_documents, registry_aliases = registry_frames(registry)
                errors = ingest_errors_frame(problems, run_id=run_id, run_at=run_at)
                checked = validate_run(todo, extracted, registry_documents, registry_aliases, errors,
                                       stored_document_ids)
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
                run_row = _run_row(summary, run_at, parameters, timings, status="completed")
                load.load_run(
                    con,
                    articles=checked["articles"].valid,
                    mentions={t: checked[t].valid for t in MENTION_TABLES},
                    documents=checked["documents"].valid,
                    document_aliases=checked["document_aliases"].valid,
                    ingest_errors=checked["ingest_errors"].valid,
                    quarantine=quarantine,
                    run_row=run_row,
                )
            lap("load")
        except Exception as exc:
            logger.error("run %s failed: %s", run_id, exc)
            summary.status = "failed"
            _record_failure(db_path, run_id, summary, run_at, parameters, timings, exc)
            raise
        summary.status = "completed"
    if export_dir:
        from flows.export import export_parquet

        export_task = task(export_parquet, name="export_parquet", cache_policy=NO_CACHE)
        export_task(db_path, Path(export_dir))
        lap("export")
    summary.timings = timings
    return summary


def _run_row(summary: RunSummary, run_at: dt.datetime, parameters: dict, timings: dict, status: str,
             error: str | None = None) -> dict:
    return {
        "run_id": summary.run_id, "flow_run_id": str(flow_run.id) if flow_run.id else None, "command": "run",
        "status": status, "started_at": run_at,
        "finished_at": run_at + dt.timedelta(seconds=sum(timings.values())),
        "parameters": json.dumps(parameters), "extractor_version": EXTRACTOR_VERSION,
        "n_articles_read": summary.n_articles_read, "n_articles_new": summary.n_articles_new,
        "n_articles_changed": summary.n_articles_changed, "n_articles_unchanged": summary.n_articles_unchanged,
        "n_date_mentions": summary.n_mentions.get("date_mentions", 0),
        "n_count_mentions": summary.n_mentions.get("count_mentions", 0),
        "n_document_mentions": summary.n_mentions.get("document_mentions", 0),
        "n_quarantined": summary.n_quarantined, "n_ingest_errors": summary.n_ingest_errors,
        "timings": json.dumps(timings), "error": error,
    }


def _record_failure(db_path: Path, run_id: str, summary: RunSummary, run_at: dt.datetime, parameters: dict,
                    timings: dict, exc: Exception) -> None:
    """Make a failed run visible in pipeline_runs (best effort: the failure itself is re-raised)."""
    try:
        with store.staged_warehouse(db_path, f"{run_id}-failed", run_at) as con:
            load.record_failed_run(con, _run_row(summary, run_at, parameters, timings, "failed",
                                                 f"{type(exc).__name__}: {exc}"))
    except Exception:  # noqa: BLE001 - never mask the run's own error
        pass
