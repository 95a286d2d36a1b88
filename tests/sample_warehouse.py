"""A small warehouse from samples/ in about a second, without the Prefect engine: the samples read
by the real ingest, their mentions found by the real extractors and linked to the real registry,
loaded into a migrated warehouse file. For tests of what reads a warehouse (the report, `ruaz
show`); the pipeline's own tests build theirs with the flow.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from helpers import SAMPLES, write_warehouse

AT = dt.datetime(2026, 11, 1, 6, 0)
REPORT_AT = dt.datetime(2026, 12, 1, 9, 30)


def build_sample_warehouse(db: Path, *, problems: bool = True) -> Path:
    """The samples in a warehouse at ``db``; with ``problems``, one quarantined row and one input
    problem as a run records them."""
    from transforms.extract import extract_frames
    from flows.inputs import read_paths
    from warehouse.registry import load_registry

    articles, _ = read_paths([str(SAMPLES)], AT.date())
    rows = [{"article_id": a.article_id, "source": a.source, "source_line": a.line, "source_format": a.source_format,
             "url": a.url, "title": a.title, "author": a.author, "language": a.language,
             "language_confidence": a.language_confidence, "language_method": a.language_method,
             "published": a.published, "text": a.text, "n_chars": len(a.text), "content_sha256": a.content_sha256,
             "extractor_version": "test", "ingested_at": AT, "updated_at": AT, "run_id": "r1"} for a in articles]
    frame = pl.DataFrame(rows)
    extracted = extract_frames(frame, load_registry())
    def write(con):
        con.register("incoming", frame)
        con.execute("INSERT INTO articles BY NAME SELECT * FROM incoming")
        for table in ("date_mentions", "count_mentions", "document_mentions", "documents"):
            con.register("incoming", getattr(extracted, table))
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        if problems:
            con.execute("""INSERT INTO quarantine (quarantine_id, table_name, article_id, row_key, failed_expectations,
                               row_json, run_id, quarantined_at)
                           VALUES ('q1', 'count_mentions', 'sample-en-01', 'sample-en-01:1:2',
                                   ['count_value_in_range'], '{}', 'r1', ?)""", [AT])
            con.execute("""INSERT INTO ingest_errors (error_id, source, source_line, article_id, reason, severity,
                               detail, excerpt, first_run_id, first_seen_at)
                           VALUES ('e1', 'samples/broken.jsonl', 3, NULL, 'bad_json', 'error',
                                   'Expecting value: line 1 column 1', '{oops', 'r1', ?)""", [AT])
        con.execute("""INSERT INTO pipeline_runs (run_id, command, status, started_at, finished_at, n_articles_read)
                       VALUES ('r1', 'run', 'completed', ?, ?, ?)""", [AT, AT, len(rows)])

    write_warehouse(db, write, at=AT, run_id="r1")
    return db


# Fixtures of the test modules that import them (one warehouse and one report per module).

@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The sample warehouse (read only: tests that change it work on a copy)."""
    return build_sample_warehouse(tmp_path_factory.mktemp("warehouse") / "w.duckdb")


@pytest.fixture(scope="module")
def report(sample_db, tmp_path_factory) -> Path:
    """The report of the sample warehouse."""
    from flows.report import build_report

    out = tmp_path_factory.mktemp("report") / "report"
    build_report(sample_db, out, REPORT_AT)
    return out
