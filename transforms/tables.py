"""Pure builders of the load frames: records in, polars frames shaped like the tables out."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

import polars as pl

from transforms.ingest import IngestProblem, RawArticle
from transforms.mentions import RegistryEntry
from warehouse.tables import polars_schema, row_key

# The schemas of the tables these builders make, from the declarations (warehouse/tables/).
ARTICLE_SCHEMA = polars_schema("articles")
INGEST_ERROR_SCHEMA = polars_schema("ingest_errors")
QUARANTINE_SCHEMA = polars_schema("quarantine")
ALIAS_SCHEMA = polars_schema("document_aliases")
RUN_SCHEMA = polars_schema("pipeline_runs")
# what is stored of each article to decide whether it needs extracting again
STATE_SCHEMA = polars_schema("articles", ["article_id", "content_sha256", "language", "published", "extractor_version"])


def articles_frame(articles: Sequence[RawArticle], *, run_id: str, run_at: dt.datetime,
                   extractor_version: str) -> pl.DataFrame:
    rows = [{
        "article_id": a.article_id, "source": a.source, "source_line": a.line, "source_format": a.source_format,
        "url": a.url, "title": a.title, "author": a.author, "language": a.language,
        "language_confidence": a.language_confidence, "language_method": a.language_method,
        "published": a.published, "published_source": a.published_source, "text": a.text, "n_chars": len(a.text), "content_sha256": a.content_sha256,
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


def extraction_problems(failed: pl.DataFrame) -> list[IngestProblem]:
    """One input problem per article whose extraction failed (``failed``: its article row joined with
    its transforms.extract failure row), so that every input is in articles or in ingest_errors."""
    return [IngestProblem(
        r["source"], r["source_line"], r["reason"], f"{_failure(r, stable=True)}; not loaded, the article is in quarantine",
        article_id=r["article_id"], excerpt=r["text"][:200],
    ) for r in failed.select("source", "source_line", "reason", "extractor", "error", "location", "article_id",
                             "text").iter_rows(named=True)]


def _failure(row: dict, *, stable: bool = False) -> str:
    """The error and where it was raised. stable: for a time limit, where the article happened to be
    stopped is left out (it varies from run to run; the same problem must be recorded once)."""
    if stable and row["reason"] == "extraction_timeout":
        return row["error"]
    return f"{row['extractor']}: {row['error']}" + (f" at {row['location']}" if row["location"] else "")


def extraction_quarantine_frame(failed: pl.DataFrame, article_columns: Sequence[str], *, run_id: str,
                                run_at: dt.datetime) -> pl.DataFrame:
    """The quarantine rows of articles whose extraction failed: the article row whole, the failure
    as 'extraction_failed(<extractor>)' or 'extraction_timeout(<extractor>)', and the error. The id
    depends on the article's text and the error (for a time limit, not on where it stopped), not on
    the run: a rerun that fails alike adds nothing."""
    rows = []
    for r in failed.iter_rows(named=True):
        article = {c: r[c] for c in article_columns}
        error = r["error"] + (f" at {r['location']}" if r["location"] else "")
        label = f"{r['reason']}({r['extractor'] or 'unknown'})"
        rows.append({
            "quarantine_id": _digest("articles", r["article_id"], r["content_sha256"], r["reason"],
                                     _failure(r, stable=True)),
            "table_name": "articles", "article_id": r["article_id"], "row_key": row_key("articles", article),
            "failed_expectations": [label], "row_json": json.dumps(article, ensure_ascii=False, default=str, sort_keys=True),
            "run_id": run_id, "quarantined_at": run_at, "error": error,
        })
    return pl.DataFrame(rows, schema=QUARANTINE_SCHEMA)
def registry_signing_source(entry: RegistryEntry) -> str | None:
    """'registry' when the registry states a signing fact of the entry (date, place or parties)."""
    return "registry" if entry.signed_value or entry.signed_place or entry.parties else None


def registry_frames(registry: Sequence[RegistryEntry]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The registry as documents rows and document_aliases rows."""
    documents = pl.DataFrame([{
        "document_id": e.document_id, "canonical_name": e.canonical_name, "doc_type": e.doc_type,
        "signed_on": e.signed_on, "signed_value": e.signed_value, "signed_place": e.signed_place,
        "parties": list(e.parties), "signing_source": registry_signing_source(e), "is_registered": True,
    } for e in registry], schema=polars_schema("documents"))
    aliases = pl.DataFrame([{"document_id": e.document_id, "language": lang, "alias": alias}
                            for e in registry for lang, alias in e.aliases], schema=ALIAS_SCHEMA)
    return documents, aliases.unique(maintain_order=True)
