"""Pure builders of the load frames: records in, polars frames shaped like the tables out."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

import polars as pl

from transforms.ingest import IngestProblem, RawArticle
from transforms.mentions import RegistryEntry

ARTICLE_SCHEMA = pl.Schema({
    "article_id": pl.Utf8, "source": pl.Utf8, "source_line": pl.Int32, "source_format": pl.Utf8,
    "url": pl.Utf8, "title": pl.Utf8, "author": pl.Utf8, "language": pl.Utf8,
    "language_confidence": pl.Float32, "language_method": pl.Utf8, "published": pl.Date, "text": pl.Utf8,
    "n_chars": pl.Int32, "content_sha256": pl.Utf8, "extractor_version": pl.Utf8,
    "ingested_at": pl.Datetime("us"), "updated_at": pl.Datetime("us"), "run_id": pl.Utf8,
})
INGEST_ERROR_SCHEMA = pl.Schema({
    "error_id": pl.Utf8, "source": pl.Utf8, "source_line": pl.Int32, "article_id": pl.Utf8, "reason": pl.Utf8,
    "severity": pl.Utf8, "detail": pl.Utf8, "excerpt": pl.Utf8, "first_run_id": pl.Utf8,
    "first_seen_at": pl.Datetime("us"),
})
QUARANTINE_SCHEMA = pl.Schema({
    "quarantine_id": pl.Utf8, "table_name": pl.Utf8, "article_id": pl.Utf8, "row_key": pl.Utf8,
    "failed_expectations": pl.List(pl.Utf8), "row_json": pl.Utf8, "run_id": pl.Utf8,
    "quarantined_at": pl.Datetime("us"),
})
ALIAS_SCHEMA = pl.Schema({"document_id": pl.Utf8, "language": pl.Utf8, "alias": pl.Utf8})
RUN_SCHEMA = pl.Schema({
    "run_id": pl.Utf8, "flow_run_id": pl.Utf8, "command": pl.Utf8, "status": pl.Utf8,
    "started_at": pl.Datetime("us"), "finished_at": pl.Datetime("us"), "parameters": pl.Utf8,
    "extractor_version": pl.Utf8, "n_articles_read": pl.Int32, "n_articles_new": pl.Int32,
    "n_articles_changed": pl.Int32, "n_articles_unchanged": pl.Int32, "n_date_mentions": pl.Int32,
    "n_count_mentions": pl.Int32, "n_document_mentions": pl.Int32, "n_quarantined": pl.Int32,
    "n_ingest_errors": pl.Int32, "timings": pl.Utf8, "error": pl.Utf8,
})
STATE_SCHEMA = pl.Schema({"article_id": pl.Utf8, "content_sha256": pl.Utf8, "language": pl.Utf8,
                          "published": pl.Date, "extractor_version": pl.Utf8})


def articles_frame(articles: Sequence[RawArticle], *, run_id: str, run_at: dt.datetime,
                   extractor_version: str) -> pl.DataFrame:
    rows = [{
        "article_id": a.article_id, "source": a.source, "source_line": a.line, "source_format": a.source_format,
        "url": a.url, "title": a.title, "author": a.author, "language": a.language,
        "language_confidence": a.language_confidence, "language_method": a.language_method,
        "published": a.published, "text": a.text, "n_chars": len(a.text), "content_sha256": a.content_sha256,
        "extractor_version": extractor_version, "ingested_at": run_at, "updated_at": run_at, "run_id": run_id,
    } for a in articles]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)


def split_by_state(incoming: pl.DataFrame, stored: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, int]]:
    """The incoming articles that need extraction (new, or changed in text, language, publication
    date or extractor version), and how many were new / changed / unchanged."""
    stored = stored.select(STATE_SCHEMA.names()).cast(dict(STATE_SCHEMA))
    joined = incoming.join(stored, on="article_id", how="left", suffix="_stored")
    is_new = pl.col("content_sha256_stored").is_null()
    unchanged = (
        ~is_new
        & (pl.col("content_sha256") == pl.col("content_sha256_stored"))
        & pl.col("language").eq_missing(pl.col("language_stored"))
        & pl.col("published").eq_missing(pl.col("published_stored"))
        & (pl.col("extractor_version") == pl.col("extractor_version_stored"))
    )
    flagged = joined.with_columns(is_new.alias("_new"), unchanged.alias("_unchanged"))
    counts = {
        "new": int(flagged["_new"].sum()),
        "unchanged": int(flagged["_unchanged"].sum()),
    }
    counts["changed"] = incoming.height - counts["new"] - counts["unchanged"]
    todo = flagged.filter(~pl.col("_unchanged")).select(incoming.columns)
    return todo, counts


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()


def ingest_errors_frame(problems: Sequence[IngestProblem], *, run_id: str, run_at: dt.datetime) -> pl.DataFrame:
    rows = [{
        "error_id": _digest(p.source, p.line, p.reason, p.detail, p.article_id),
        "source": p.source, "source_line": p.line, "article_id": p.article_id, "reason": p.reason,
        "severity": p.severity, "detail": p.detail, "excerpt": p.excerpt, "first_run_id": run_id,
        "first_seen_at": run_at,
    } for p in problems]
    return pl.DataFrame(rows, schema=INGEST_ERROR_SCHEMA).unique("error_id", keep="first", maintain_order=True)


def row_key(table: str, row: dict) -> str:
    if table in ("date_mentions", "count_mentions", "document_mentions"):
        return f"{row.get('article_id')}:{row.get('start_char')}-{row.get('end_char')}"
    if table == "documents":
        return str(row.get("document_id"))
    if table == "document_aliases":
        return f"{row.get('document_id')}:{row.get('language')}:{row.get('alias')}"
    if table == "ingest_errors":
        return str(row.get("error_id"))
    if table == "article_sources":
        return str(row.get("location"))
    if table == "raw_pages":
        return f"{row.get('url')}:{row.get('content_sha256')}"
    if table == "fetch_log":
        return f"{row.get('run_id')}:{row.get('url')}"
    return str(row.get("article_id"))


def quarantine_frame(table: str, rejected: pl.DataFrame, *, run_id: str, run_at: dt.datetime) -> pl.DataFrame:
    """Rows that failed validation, whole, with what they failed."""
    rows = []
    for row in rejected.to_dicts():
        failed = list(row.pop("failed_expectations"))
        row_json = json.dumps(row, ensure_ascii=False, default=str, sort_keys=True)
        rows.append({
            "quarantine_id": _digest(table, row_json, *failed), "table_name": table,
            "article_id": row.get("article_id"), "row_key": row_key(table, row), "failed_expectations": failed,
            "row_json": row_json, "run_id": run_id, "quarantined_at": run_at,
        })
    return pl.DataFrame(rows, schema=QUARANTINE_SCHEMA)


def registry_frames(registry: Sequence[RegistryEntry]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The registry as documents rows and document_aliases rows."""
    from transforms.extract import DOCUMENT_SCHEMA

    documents = pl.DataFrame([{
        "document_id": e.document_id, "canonical_name": e.canonical_name, "doc_type": e.doc_type,
        "signed_on": e.signed_on, "signed_place": e.signed_place, "parties": list(e.parties), "is_registered": True,
    } for e in registry], schema=DOCUMENT_SCHEMA)
    aliases = pl.DataFrame([{"document_id": e.document_id, "language": lang, "alias": alias}
                            for e in registry for lang, alias in e.aliases], schema=ALIAS_SCHEMA)
    return documents, aliases.unique(maintain_order=True)
