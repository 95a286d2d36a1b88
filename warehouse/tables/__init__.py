"""Every table and view of the warehouse, declared once.

One module per table (``warehouse/tables/<table>.py``) states its grain, its columns (type,
nullability, meaning, unit, provenance, allowed values) and its checks; ``views.py`` the views.
The rest is derived from here: polars schemas (``polars_schema``), the Great Expectations suites
(expectations/suites.py), row keys, upsert columns (warehouse/load.py), DuckDB comments
(warehouse/catalog.py), Parquet metadata (flows/export.py) and docs/codebook.md
(warehouse/codebook.py). The DDL is in the numbered migrations; a test compares both.

To add a table: a module here (and its name in ``_DECLARED`` below) plus a migration.
To add a column: one ``Column`` in its table's module plus a migration (ALTER TABLE ... ADD COLUMN).
"""
from __future__ import annotations

import polars as pl

from warehouse.tables import (
    article_fingerprints,
    article_sources,
    articles,
    count_mentions,
    date_mentions,
    document_aliases,
    document_mentions,
    documents,
    dropped_lines,
    fetch_log,
    fetch_resets,
    ingest_errors,
    pipeline_runs,
    quarantine,
    raw_archives,
    raw_pages,
    schema_migrations,
    site_lines,
)
from warehouse.tables.model import LAYERS, POLARS_TYPES, Column, Family, Ordered, References, Rule, Table, Value, View
from warehouse.tables.views import VIEWS as _VIEWS

# In codebook order.
_DECLARED: tuple[Table, ...] = (
    articles.TABLE, date_mentions.TABLE, count_mentions.TABLE, document_mentions.TABLE, documents.TABLE,
    document_aliases.TABLE, article_sources.TABLE, article_fingerprints.TABLE, raw_pages.TABLE, fetch_log.TABLE,
    site_lines.TABLE, dropped_lines.TABLE, raw_archives.TABLE, fetch_resets.TABLE, ingest_errors.TABLE,
    pipeline_runs.TABLE,
)
# A row of these tables that fails its checks is quarantined; rows of the strict ones stop the run.
_QUARANTINED = tuple(t for t in _DECLARED if t.validated and not t.strict)

TABLES: dict[str, Table] = {t.name: t for t in (*_DECLARED, quarantine.declare(_QUARANTINED),
                                                   schema_migrations.TABLE)}
VIEWS: dict[str, View] = {v.name: v for v in _VIEWS}
MENTION_TABLES: tuple[str, ...] = tuple(name for name, t in TABLES.items() if t.layer == "mentions")
VALIDATED_TABLES: tuple[str, ...] = tuple(name for name, t in TABLES.items() if t.validated)
STRICT_TABLES: tuple[str, ...] = tuple(name for name, t in TABLES.items() if t.strict)


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r} is declared in warehouse/tables/") from None


def polars_schema(name: str, columns: list[str] | None = None) -> pl.Schema:
    """The polars schema of a declared table (or of some of its columns, in the order given)."""
    return table(name).polars_schema(columns)


def row_key(name: str, row: dict) -> str:
    """A row's grain as one string: how quarantine names a rejected row."""
    return table(name).row_key(row)


__all__ = ["LAYERS", "MENTION_TABLES", "POLARS_TYPES", "STRICT_TABLES", "TABLES", "VALIDATED_TABLES", "VIEWS",
           "Column", "Family", "Ordered", "References", "Rule", "Table", "Value", "View", "polars_schema", "row_key",
           "table"]
