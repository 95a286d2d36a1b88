"""Exports for other teams: Parquet (one folder per table, zstd, hive-partitioned where it helps)
and CSV (one file per table, for people who do not use Parquet).

Article and mention tables are partitioned by language and publication year
(``date_mentions/language=az/published_year=2022/…``; unknown → ``__HIVE_DEFAULT_PARTITION__``).
Each table is written to a temporary folder and swapped in by rename, so a reader never sees a
half-written table; ``_manifest.json`` records the schema version, and per table the row count,
a content fingerprint and the schema (every column's name, type and description), and a table
whose entry is unchanged is not rewritten at all. Every Parquet file carries the descriptions of
its columns as key-value metadata (``ruaz.column.<name>``), from the table declarations
(warehouse/tables/), as the codebook does.

The CSV export has the same tables, rows and columns as the Parquet one reads back (the partition
columns included), one ``<table>.csv`` each with a header, UTF-8; list and struct values are
JSON text. It keeps its own ``_manifest.json`` and is replaced file by file the same way.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

from warehouse.catalog import sql_string
from warehouse.store import connect_read_only, migration_files
from warehouse.tables import VIEWS, table

# Bump when the exported layout changes (columns, partitioning) without a new migration.
EXPORT_LAYOUT_VERSION = 1

PARTITIONED = ("articles", "date_mentions", "count_mentions", "document_mentions")
PLAIN = {
    "documents": "SELECT * FROM documents ORDER BY document_id",
    "document_aliases": "SELECT * FROM document_aliases ORDER BY ALL",
    "article_sources": "SELECT * FROM article_sources ORDER BY location",   # every place each story was found
    "figures": "SELECT * FROM figures ORDER BY story_id, article_id, start_char",   # a view (warehouse/views.sql)
}
EXPORTED_TABLES = (*PARTITIONED, *PLAIN)


def schema_version() -> str:
    return f"{max(v for v, _, _ in migration_files())}.{EXPORT_LAYOUT_VERSION}"


# The columns an export adds to its table, for partitioning.
EXPORT_COLUMNS = {
    "language": "The language of the mention's article (articles.language); a partition key of the export "
                "(__HIVE_DEFAULT_PARTITION__ when unknown).",
    "published_year": "The year of the article's publication date (articles.published); a partition key of the "
                      "export (__HIVE_DEFAULT_PARTITION__ when unknown).",
}


def _partitioned_query(table: str) -> str:
    if table == "articles":
        return "SELECT *, year(published) AS published_year FROM articles ORDER BY article_id"
    return (f"SELECT m.*, a.language, year(a.published) AS published_year "
            f"FROM {table} m JOIN articles a USING (article_id) ORDER BY m.article_id, m.start_char")


def _query(table: str) -> str:
    return _partitioned_query(table) if table in PARTITIONED else PLAIN[table]


def exported_schema(con, table_name: str) -> list[dict]:
    """The exported table's columns (partition columns included): name, type and description."""
    decl = VIEWS[table_name] if table_name in VIEWS else table(table_name)
    declared = {c.name: c.comment() for c in decl.columns}
    return [{"name": name, "type": type_, "description": declared.get(name) or EXPORT_COLUMNS[name]}
            for name, type_, *_ in con.execute(f"DESCRIBE {_query(table_name)}").fetchall()]


def _kv_metadata(version: str, table_name: str, schema: list[dict]) -> str:
    """The COPY option that writes the file's key-value metadata: the schema version, the table and
    each column's description."""
    pairs = {"ruaz_schema_version": version, "ruaz_table": table_name,
             **{f"ruaz.column.{c['name']}": c["description"] for c in schema}}
    return "KV_METADATA {" + ", ".join(f'"{k}": {sql_string(v)}' for k, v in pairs.items()) + "}"


def export_parquet(db: Path, out_dir: Path) -> dict:
    """Export the published warehouse; return the manifest."""
    return _export(db, out_dir, "parquet", _write_parquet)


def export_csv(db: Path, out_dir: Path) -> dict:
    """Export the published warehouse as one CSV file per table; return the manifest."""
    return _export(db, out_dir, "csv", _write_csv)


def _write_parquet(con, table: str, n_rows: int, out_dir: Path, version: str) -> None:
    staging = out_dir / f".tmp-{table}-{uuid.uuid4().hex[:8]}"
    metadata = _kv_metadata(version, table, exported_schema(con, table))
    if table in PARTITIONED and n_rows:
        query = _partitioned_query(table)
        con.execute(f"COPY ({query}) TO '{staging}' (FORMAT parquet, COMPRESSION zstd, "
                    f"PARTITION_BY (language, published_year), {metadata})")
    else:
        # Unpartitioned tables, and empty ones: a partitioned COPY of no rows writes no file
        # at all, and readers need one to learn the schema.
        staging.mkdir()
        query = _query(table)
        con.execute(f"COPY ({query}) TO '{staging / 'data_0.parquet'}' "
                    f"(FORMAT parquet, COMPRESSION zstd, {metadata})")
    _swap_in(staging, out_dir / table)


def _write_csv(con, table: str, n_rows: int, out_dir: Path, version: str) -> None:
    staging = out_dir / f".tmp-{table}-{uuid.uuid4().hex[:8]}.csv"
    con.execute(f"COPY ({_json_encoded(con, _query(table))}) TO '{staging}' (FORMAT csv, HEADER)")
    os.replace(staging, out_dir / f"{table}.csv")


def _export(db: Path, out_dir: Path, file_format: str, write) -> dict:
    """Write each table whose content (fingerprint) or layout changed since the folder's manifest,
    then the manifest: schema version, and rows, fingerprint and layout per table."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "_manifest.json"
    previous = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    version = schema_version()
    con = connect_read_only(Path(db))
    tables = {}
    try:
        for table in EXPORTED_TABLES:
            n_rows, fingerprint = con.execute(
                f"SELECT count(*), coalesce(sum(hash(t))::VARCHAR, '0') FROM {table} t").fetchone()
            if file_format == "parquet":
                entry = {"rows": n_rows, "fingerprint": fingerprint,
                         "partitioned_by": ["language", "published_year"] if table in PARTITIONED and n_rows else [],
                         "schema": exported_schema(con, table)}
                present = (out_dir / table).is_dir()
            else:
                entry = {"rows": n_rows, "fingerprint": fingerprint, "file": f"{table}.csv"}
                present = (out_dir / entry["file"]).is_file()
            if not (previous.get("tables", {}).get(table) == entry and previous.get("schema_version") == version
                    and present):
                write(con, table, n_rows, out_dir, version)
            tables[table] = entry
    finally:
        con.close()
    manifest = {"schema_version": version, "tables": tables}
    if file_format != "parquet":
        manifest["format"] = file_format
    if manifest != previous:
        tmp = out_dir / f".tmp-manifest-{uuid.uuid4().hex[:8]}"
        tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, manifest_path)
    return manifest


def _json_encoded(con, query: str) -> str:
    """``query`` with its list, struct and map columns as JSON text (CSV cells are flat)."""
    columns = con.execute(f"DESCRIBE {query}").fetchall()
    nested = ("[]", "STRUCT(", "MAP(", "UNION(")
    select = ", ".join(f'to_json("{name}")::VARCHAR AS "{name}"' if any(m in str(kind) for m in nested)
                       else f'"{name}"' for name, kind, *_ in columns)
    return f"SELECT {select} FROM ({query})"


def _swap_in(staging: Path, target: Path) -> None:
    if target.exists():
        retired = target.with_name(f".old-{target.name}-{uuid.uuid4().hex[:8]}")
        os.replace(target, retired)
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, target)
