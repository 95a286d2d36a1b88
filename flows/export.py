"""`ruaz export`: the current snapshot written elsewhere, for hand-off (Parquet or CSV).

A run publishes the lake itself (warehouse/lake.py): that is the export other teams read, kept up
to date by every run. ``ruaz export --out DIR`` puts a copy of the snapshot the reader's warehouse
shows somewhere else: as a lake with the same layout (``DIR/_manifest.json``, ``DIR/current``,
``DIR/snapshots/<id>/…``), its files hard-linked from the lake when they are on the same file system
(nothing is copied), written anew otherwise; or as CSV, one ``<table>.csv`` per table with the same
rows and columns as the Parquet files (the partition columns included), list and struct values as
JSON text, with its own ``_manifest.json``. An export whose content is already in DIR writes nothing.
It works on any DuckDB file holding the tables too (a warehouse made before the lake, a test's).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from pathlib import Path

import duckdb

from warehouse import lake
from warehouse.catalog import sql_string
from warehouse.store import connect_read_only, migration_files

EXPORTED_TABLES = tuple(lake.lake_tables())


def schema_version() -> str:
    """The migrations' version and the lake's layout version, e.g. '6.2'."""
    return f"{max(v for v, _, _ in migration_files())}.{lake.LAYOUT_VERSION}"


def export_parquet(db: Path, out_dir: Path) -> dict:
    """The snapshot ``db`` shows, as a lake in ``out_dir``; return its manifest."""
    out_dir = Path(out_dir)
    con = connect_read_only(Path(db))
    try:
        source = _published_snapshot(con)
        if source is not None:
            lake_dir, snapshot_id = source
            manifest = json.loads((lake.snapshot_dir(lake_dir, snapshot_id) / lake.POINTER).read_text(encoding="utf-8"))
            if out_dir.resolve() == lake_dir.resolve():
                return manifest
            return _link_snapshot(lake_dir, manifest, out_dir)
        return _write_snapshot(con, out_dir)
    finally:
        con.close()


def _published_snapshot(con: duckdb.DuckDBPyConnection) -> tuple[Path, str] | None:
    from warehouse.reader import MARKER

    if not con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [MARKER]).fetchone()[0]:
        return None
    [(lake_dir, snapshot_id)] = con.execute(f"SELECT lake_dir, snapshot_id FROM {MARKER}").fetchall()
    return Path(lake_dir), snapshot_id


def _link_snapshot(lake_dir: Path, manifest: dict, out_dir: Path) -> dict:
    current = lake.read_pointer(out_dir)
    if current is not None and current.get("snapshot_id") == manifest["snapshot_id"]:
        return current
    source = lake.snapshot_dir(lake_dir, manifest["snapshot_id"])
    building = out_dir / lake.SNAPSHOTS / f".building-{uuid.uuid4().hex[:8]}"
    building.mkdir(parents=True)
    try:
        for entry in manifest["tables"].values():
            for f in entry["files"]:
                lake._link(source / f["path"], building / f["path"])
        lake._write_json(building / lake.POINTER, manifest)
        os.replace(building, lake.snapshot_dir(out_dir, manifest["snapshot_id"]))
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    lake.move_pointer(out_dir, manifest)
    return manifest


def _write_snapshot(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict:
    """Every table of a DuckDB file written as one snapshot (one file per partition)."""
    from transforms.extract import EXTRACTOR_VERSION

    snapshot_id = f"export-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    building = out_dir / lake.SNAPSHOTS / f".building-{snapshot_id}"
    building.mkdir(parents=True)
    try:
        present = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views()").fetchall()}
        schemas, files = {}, {}
        for name, spec in lake.lake_tables().items():
            if name not in present:
                continue
            schemas[name] = lake.file_schema(con, name)
            files[name] = _write_table(con, spec, schemas[name], building)
        manifest = lake._manifest(snapshot_id, None, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                                  EXTRACTOR_VERSION, schema_version(), schemas, files)
        manifest["path"] = f"{lake.SNAPSHOTS}/{snapshot_id}"
        current = lake.read_pointer(out_dir)
        if current is not None and _same_content(current, manifest):
            shutil.rmtree(building)
            return current
        lake._write_json(building / lake.POINTER, manifest)
        os.replace(building, lake.snapshot_dir(out_dir, snapshot_id))
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    lake.move_pointer(out_dir, manifest)
    return manifest


def _same_content(a: dict, b: dict) -> bool:
    def digest(m):
        return {t: (e["rows"], sorted(f["sha256"] for f in e["files"]), e["columns"]) for t, e in m["tables"].items()}
    return digest(a) == digest(b)


def table_query(con: duckdb.DuckDBPyConnection, name: str, schema: list[dict]) -> str:
    """The table with the lake's added columns (an article table's partition columns)."""
    own = {n for n, _ in lake.declared_columns(con, name)}
    added = [c["name"] for c in schema if c["name"] not in own]
    if not added:
        source = f"SELECT * FROM {name}"
    elif name == "articles":
        source = "SELECT t.*, " + ", ".join(lake._PARTITION_VALUES[n].format(a="t") + f" AS {n}" for n in added) \
                 + " FROM articles t"
    else:
        source = "SELECT t.*, " + ", ".join(lake._PARTITION_VALUES[n].format(a="a") + f" AS {n}" for n in added) \
                 + f" FROM {name} t LEFT JOIN articles a USING (article_id)"
    spec = lake.lake_tables()[name]
    return f"SELECT {lake._select_list(schema)} FROM ({source}) ORDER BY {spec.order}"


def _write_table(con, spec: lake.LakeTable, schema: list[dict], building: Path) -> list[dict]:
    target = building / spec.name
    query = table_query(con, spec.name, schema)
    metadata = lake._kv_metadata(spec.name, schema)
    n_rows = con.execute(f"SELECT count(*) FROM {spec.name}").fetchone()[0]
    if lake.FAMILIES[spec.family].partitioned and n_rows:
        written = con.execute(f"COPY ({query}) TO {sql_string(str(target))} (FORMAT parquet, COMPRESSION zstd, "
                              f"PARTITION_BY (language, published_year), WRITE_PARTITION_COLUMNS true, "
                              f"FILENAME_PATTERN 'part-{{i}}', RETURN_FILES true, {metadata})").fetchone()[1]
    else:
        target.mkdir(parents=True)
        path = target / "part-0.parquet"
        con.execute(f"COPY ({query}) TO {sql_string(str(path))} (FORMAT parquet, COMPRESSION zstd, {metadata})")
        written = [str(path)]
    out = []
    for path in map(Path, written):
        rows = con.execute(f"SELECT count(*) FROM read_parquet({sql_string(str(path))})").fetchone()[0]
        out.append({"path": path.relative_to(building).as_posix(), "rows": rows, "bytes": path.stat().st_size,
                    "sha256": lake.sha256_file(path)})
    return out


def export_csv(db: Path, out_dir: Path) -> dict:
    """Every table as one CSV file in ``out_dir``; return the manifest. Unchanged files are not rewritten."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "_manifest.json"
    previous = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    con = connect_read_only(Path(db))
    tables = {}
    try:
        present = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views()").fetchall()}
        for name in EXPORTED_TABLES:
            if name not in present:
                continue
            schema = lake.file_schema(con, name)
            tmp = out_dir / f".tmp-{name}-{uuid.uuid4().hex[:8]}.csv"
            con.execute(f"COPY ({_json_encoded(con, table_query(con, name, schema))}) TO {sql_string(str(tmp))} "
                        f"(FORMAT csv, HEADER)")
            sha = lake.sha256_file(tmp)
            rows = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            entry = {"rows": rows, "sha256": sha, "file": f"{name}.csv", "columns": schema}
            if previous.get("tables", {}).get(name, {}).get("sha256") == sha and (out_dir / entry["file"]).exists():
                tmp.unlink()
            else:
                os.replace(tmp, out_dir / entry["file"])
            tables[name] = entry
    finally:
        con.close()
    manifest = {"format": "csv", "schema_version": schema_version(), "tables": tables}
    if manifest != previous:
        lake._write_json(manifest_path, manifest, atomic=True)
    return manifest


def _json_encoded(con, query: str) -> str:
    """``query`` with its list, struct and map columns as JSON text (CSV cells are flat)."""
    columns = con.execute(f"DESCRIBE {query}").fetchall()
    nested = ("[]", "STRUCT(", "MAP(", "UNION(")
    select = ", ".join(f'to_json("{name}")::VARCHAR AS "{name}"' if any(m in str(kind) for m in nested)
                       else f'"{name}"' for name, kind, *_ in columns)
    return f"SELECT {select} FROM ({query})"


# The views an analyst starts from, written beside an export as one Parquet file each (derived from
# the tables the export holds; not part of the snapshot, which stays the tables as the lake has them).
EXPORTED_VIEWS = ("timeline", "figures")
VIEWS_FOLDER = "views"


def export_views(db: Path, out_dir: Path) -> dict[str, int]:
    """``out_dir/views/<view>.parquet`` for each of EXPORTED_VIEWS the warehouse ``db`` has, computed
    from the snapshot it shows, each file replaced whole (written aside, then renamed), with each
    column's description in the file's metadata. Returns the rows of each file."""
    from warehouse.tables import VIEWS

    folder = Path(out_dir) / VIEWS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    con = connect_read_only(Path(db))
    written = {}
    try:
        present = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        for name in EXPORTED_VIEWS:
            if name not in present:
                continue
            declared = {c.name: c.comment() for c in VIEWS[name].columns}
            schema = [{"name": c, "description": declared.get(c, "")}
                      for c, *_ in con.execute(f"DESCRIBE SELECT * FROM {name}").fetchall()]
            aside = folder / f".{name}-{uuid.uuid4().hex[:8]}.parquet"
            try:
                con.execute(f"COPY (SELECT * FROM {name}) TO {sql_string(str(aside))} "
                            f"(FORMAT parquet, {lake._kv_metadata(name, schema)})")
                os.replace(aside, folder / f"{name}.parquet")
            finally:
                aside.unlink(missing_ok=True)
            written[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    finally:
        con.close()
    return written
