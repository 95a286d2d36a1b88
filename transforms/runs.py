"""The bookkeeping of a run, pure: which articles it extracts, what it counts, its pipeline_runs row.

The flows (flows/pipeline.py) read the stored state and write the tables; the decisions and the
counters are here, so they can be tested without a warehouse or the Prefect engine.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from transforms.ingest import IngestProblem
from transforms.relevance import with_relevance
from transforms.tables import split_by_state


@dataclass
class RunSummary:
    """What a run did: the flows' return value, and the source of its pipeline_runs row."""
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
    n_articles_failed: int = 0           # not loaded: their extraction raised or ran past the time limit
    n_articles_loaded: int = 0           # new or changed articles written to the warehouse
    n_articles_irrelevant: int = 0
    n_story_copies: int = 0
    n_articles_reextracted: int = 0       # forced runs (reprocess): every stored article is extracted again
    n_pages_fetched: int = 0
    n_fetch_failures: int = 0
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    snapshot_id: str | None = None     # the lake snapshot that published the run

    def count_intake(self, n_articles: int, problems: Sequence[IngestProblem]) -> None:
        """The articles read (duplicates removed) and the input problems, one line each."""
        self.n_articles_read = n_articles
        self.n_ingest_errors = sum(p.severity == "error" for p in problems)
        self.n_ingest_warnings = sum(p.severity == "warning" for p in problems)
        self.problems = [f"{p.severity}: {p.source}{':' + str(p.line) if p.line else ''}: {p.reason}: {p.detail}"
                         for p in problems]

    def count_failures(self, problems: Sequence[IngestProblem]) -> None:
        """Articles whose extraction failed: input errors (they are not loaded), one line each."""
        self.n_ingest_errors += len(problems)
        self.n_articles_failed += len(problems)
        self.problems += [f"error: {p.source}{':' + str(p.line) if p.line else ''}: {p.reason}: {p.detail}"
                          for p in problems]

    def count_selection(self, selection: Selection, n_story_copies: int) -> None:
        self.problems += selection.skipped_lines()
        self.n_articles_irrelevant += selection.skipped.height
        self.n_story_copies = n_story_copies
        # a fetched copy of a stored article is a new source of its story, not a new article
        self.n_articles_new = selection.n_new - n_story_copies
        self.n_articles_changed = selection.n_changed
        self.n_articles_unchanged = selection.n_unchanged

    def count_rewritten(self, n_rows_written: int) -> None:
        """A forced run re-extracts every article; those whose row is unchanged are not rewritten:
        changed = rows written that are not new, unchanged = the rest of what was re-extracted."""
        self.n_articles_reextracted = self.n_articles_new + self.n_articles_changed + self.n_articles_unchanged
        self.n_articles_changed = max(n_rows_written - self.n_articles_new, 0)
        self.n_articles_unchanged = self.n_articles_reextracted - self.n_articles_new - self.n_articles_changed

    def count_loaded(self, mentions: dict[str, pl.DataFrame], n_quarantined: int) -> None:
        """One chunk's loaded mention rows and quarantined rows."""
        for table, rows in mentions.items():
            self.n_mentions[table] = self.n_mentions.get(table, 0) + rows.height
        self.n_quarantined += n_quarantined


@dataclass
class Selection:
    """The incoming articles a run extracts, and what it counts about the others."""
    articles: pl.DataFrame          # new or changed (every one when forced), with their relevance
    skipped: pl.DataFrame           # scored below min_relevance: counted, not extracted
    n_new: int
    n_changed: int
    n_unchanged: int

    def skipped_lines(self) -> list[str]:
        return [f"skipped: {r['source']}: not relevant ({r['relevance_score']:.2f}: {r['relevance_reason']})"
                for r in self.skipped.select("source", "relevance_score", "relevance_reason").iter_rows(named=True)]


def select_articles(incoming: pl.DataFrame, stored_state: pl.DataFrame, *, relevance_threshold: float,
                    min_relevance: float | None = None, force: bool = False) -> Selection:
    """The articles to extract: new or changed ones (all of them when ``force``), scored for
    relevance; those scoring below ``min_relevance`` are set aside and not counted as new or changed.
    Only what will be extracted is scored: an unchanged article keeps its stored score."""
    todo, counts = split_by_state(incoming, stored_state)
    if force:
        todo = incoming
    todo = with_relevance(todo, relevance_threshold)
    skipped = todo.clear()
    if min_relevance is not None:
        skipped = todo.filter(pl.col("relevance_score") < min_relevance)
        n_skipped_new = skipped.join(stored_state, on="article_id", how="anti").height
        counts["new"] -= n_skipped_new
        counts["changed"] -= skipped.height - n_skipped_new
        todo = todo.filter(pl.col("relevance_score") >= min_relevance)
    return Selection(todo, skipped, counts["new"], counts["changed"], counts["unchanged"])


def story_window(run_at: dt.datetime, days: int | None) -> dt.datetime | None:
    """The oldest ingestion time of stored articles a new one may copy (None or 0 days: all)."""
    return run_at - dt.timedelta(days=days) if days else None


def run_row(summary: RunSummary, *, run_at: dt.datetime, started_at: dt.datetime, finished_at: dt.datetime | None,
            flow_run_id: str | None, parameters: dict, extractor_version: str, status: str, error: str | None = None,
            snapshot_id: str | None = None) -> dict:
    """The run's pipeline_runs row: its date (``run_at``, the scheduled time of a scheduled run)
    and the wall-clock times it really started and finished."""
    return {
        "run_id": summary.run_id, "flow_run_id": flow_run_id,
        "command": summary.command, "status": status, "started_at": started_at, "finished_at": finished_at,
        "scheduled_at": run_at, "snapshot_id": snapshot_id,
        "parameters": json.dumps(parameters, default=str), "extractor_version": extractor_version,
        "n_articles_read": summary.n_articles_read, "n_articles_new": summary.n_articles_new,
        "n_articles_changed": summary.n_articles_changed, "n_articles_unchanged": summary.n_articles_unchanged,
        "n_date_mentions": summary.n_mentions.get("date_mentions", 0),
        "n_count_mentions": summary.n_mentions.get("count_mentions", 0),
        "n_document_mentions": summary.n_mentions.get("document_mentions", 0),
        "n_quarantined": summary.n_quarantined, "n_ingest_errors": summary.n_ingest_errors,
        "n_articles_irrelevant": summary.n_articles_irrelevant, "n_story_copies": summary.n_story_copies,
        "n_pages_fetched": summary.n_pages_fetched, "n_fetch_failures": summary.n_fetch_failures,
        "timings": json.dumps(summary.timings), "error": error,
    }
