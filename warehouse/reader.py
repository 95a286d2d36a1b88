"""What readers open: the reader's warehouse (a DuckDB file of views) and a snapshot reader.

The reader's warehouse (``--db``, default data/ruaz.duckdb) is a small DuckDB file holding one view
per table over the current snapshot's files (absolute paths), the analysts' views of
warehouse/views.sql over those, the declared descriptions as comments, and ``ruaz_snapshot`` (which
snapshot it shows). A publish builds a new one beside it and renames it over the old: a session
that opened the old one keeps reading the old snapshot (its files stay for the grace period), a new
session reads the new one. Nobody ever needs to open it read-write, and the pipeline never does.

A read-write session on it is what breaks DuckDB readers (its write-ahead log would sit beside the
next file) and what would lose the session's own writes. So before replacing it a run checks:
held open read-write by another process → the run refuses to publish (its rows wait in the state
store for the next run); a write-ahead log left beside it by a session that has ended → removed
when the file holds nothing but ruaz's views, refused when it holds tables or views of the user's
(they are named: move them to a file of your own).

``open_snapshot(lake_dir)`` is the reader for other teams (polars, DuckDB, pyarrow): it follows
the pointer once and gives the file lists of one snapshot.
"""
from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import lake
from warehouse.catalog import declared_comments, sql_string
from warehouse.store import VIEWS_SQL, WarehouseError, _duckdb_message

MARKER = "ruaz_snapshot"


class ReaderWarehouseInUse(WarehouseError):
    """The reader's warehouse cannot be replaced without breaking a session or losing its data."""


# ---- the reader's warehouse -------------------------------------------------------------------------

def check_replaceable(db: Path) -> None:
    """Raise ReaderWarehouseInUse when replacing ``db`` would break a read-write session or lose
    what one wrote; remove a write-ahead log that holds nothing of the user's."""
    db = Path(db)
    wal = Path(f"{db}.wal")
    if not db.exists():
        if wal.exists():
            wal.unlink()
        return
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        message = _duckdb_message(exc)
        if "lock" in message.lower():
            raise ReaderWarehouseInUse(
                f"{db} is open read-write in another process ({_holder(message)}): a run replaces this file, "
                f"so it refuses to publish until that session closes; open it read-only "
                f"(read_only=True; the DuckDB CLI with -readonly). The run's rows are kept and published by the "
                f"next run") from None
        if wal.exists():   # a log that belongs to no file we can read: it cannot hold anything readable
            wal.unlink()
            return
        raise ReaderWarehouseInUse(f"{db} cannot be read ({message}); move it away and run again") from None
    try:
        foreign = _foreign_objects(con)
    finally:
        con.close()
    if foreign:
        raise ReaderWarehouseInUse(
            f"{db} holds {', '.join(foreign[:5])}{' …' if len(foreign) > 5 else ''}, which ruaz did not make; a run "
            f"replaces this file, so it refuses to publish rather than lose them: copy them to a DuckDB file of "
            f"your own (ATTACH it) and drop them here. The run's rows are kept and published by the next run")
    if wal.exists():
        wal.unlink()   # what it held is ruaz's own views: nothing is lost


def _holder(message: str) -> str:
    marker = "PID "
    if marker in message:
        return "PID " + message.split(marker, 1)[1].split()[0].strip(").,")
    return "another process"


def _foreign_objects(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables, and views not made by ruaz, in a reader's warehouse (any file: an old one holding
    tables is the state store's predecessor and is not ours to replace either)."""
    tables = [f"table {r[0]}" for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()]
    made = {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database() "
        "AND comment LIKE '%[ruaz]%'").fetchall()} | {MARKER}
    views = [f"view {r[0]}" for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database()").fetchall()
        if r[0] not in made]
    has_marker = any(v == f"view {MARKER}" for v in views) or MARKER in made
    if not has_marker and not tables and not views:
        return []
    return tables + views


def build_reader_warehouse(db: Path, lake_dir: Path, manifest: dict) -> None:
    """Write the reader's warehouse for ``manifest``'s snapshot and put it in place atomically."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(f".{db.name}.building-{uuid.uuid4().hex[:8]}")
    root = Path(lake_dir).resolve() / manifest["path"]
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.begin()
            for name, entry in manifest["tables"].items():
                con.execute(f"CREATE VIEW {name} AS {snapshot_query(root, entry, own_columns_only=True)}")
            con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
            _comment(con)
            con.execute(f"""CREATE VIEW {MARKER} AS SELECT {sql_string(manifest['snapshot_id'])} AS snapshot_id,
                            {sql_string(str(Path(lake_dir).resolve()))} AS lake_dir,
                            {sql_string(manifest['exported_at'])}::TIMESTAMP AS exported_at,
                            {sql_string(manifest.get('run_id') or '')} AS run_id""")
            con.execute(f"COMMENT ON VIEW {MARKER} IS 'The lake snapshot these views read [ruaz]'")
            con.commit()
            con.execute("CHECKPOINT")
        finally:
            con.close()
        lake._fsync(tmp)
        check_replaceable(db)
        os.replace(tmp, db)
        lake._fsync(db.parent)
    finally:
        for leftover in (tmp, Path(f"{tmp}.wal")):
            leftover.unlink(missing_ok=True)


def snapshot_query(root: Path, entry: dict, own_columns_only: bool = False) -> str:
    """SELECT over one table's files in a snapshot, each column cast to its declared type."""
    columns = entry["columns"]
    if own_columns_only:
        # the partition columns are in the files for other readers; the warehouse's tables keep their own
        columns = [c for c in columns if c["name"] not in entry.get("added_columns", [])]
    paths = "[" + ", ".join(sql_string(str(root / f["path"])) for f in entry["files"]) + "]"
    select = ", ".join(f'CAST("{c["name"]}" AS {c["type"]}) AS "{c["name"]}"' for c in columns)
    return f"SELECT {select} FROM read_parquet({paths}, hive_partitioning = false)"


def _comment(con: duckdb.DuckDBPyConnection) -> None:
    """The declared descriptions, as the state store has them, on the views (tag [ruaz]: made by ruaz)."""
    present = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    columns = {(r[0], r[1]) for r in con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall()}
    statements = []
    for (_, relation, column), comment in declared_comments().items():
        if relation not in present:
            continue
        if column is None:
            statements.append(f'COMMENT ON VIEW "{relation}" IS {sql_string(comment + " [ruaz]")}')
        elif (relation, column) in columns:
            statements.append(f'COMMENT ON COLUMN "{relation}"."{column}" IS {sql_string(comment)}')
    for name in present:
        if not any(s.startswith(f'COMMENT ON VIEW "{name}"') for s in statements):
            statements.append(f'COMMENT ON VIEW "{name}" IS \'[ruaz]\'')
    con.execute(";\n".join(statements))


# ---- a reader for other teams -----------------------------------------------------------------------

@dataclass(frozen=True)
class Snapshot:
    """One published snapshot of a lake: read every table from it and the tables agree."""
    root: Path                 # the snapshot's folder
    manifest: dict

    @property
    def snapshot_id(self) -> str:
        return self.manifest["snapshot_id"]

    @property
    def tables(self) -> list[str]:
        return list(self.manifest["tables"])

    def files(self, table: str) -> list[str]:
        """Absolute paths of the table's Parquet files in this snapshot."""
        return [str(self.root / f["path"]) for f in self.manifest["tables"][table]["files"]]

    def scan_polars(self, table: str):
        """A polars LazyFrame of the table (columns as declared; the partition columns are in the files)."""
        import polars as pl

        return pl.scan_parquet(self.files(table), hive_partitioning=False)

    def duckdb_query(self, table: str) -> str:
        """SQL that reads the table in this snapshot (``con.sql(snapshot.duckdb_query('articles'))``)."""
        return snapshot_query(self.root, self.manifest["tables"][table])


def open_snapshot(lake_dir: Path | str) -> Snapshot:
    """The lake's current snapshot: the pointer is read once, so everything read from the returned
    Snapshot is one consistent state, whatever runs publish meanwhile (for the grace period)."""
    lake_dir = Path(lake_dir)
    try:
        manifest = json.loads((lake_dir / "_manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"no snapshot published in {lake_dir} (no _manifest.json)") from None
    return Snapshot(lake_dir / manifest["path"], manifest)


# ---- publishing ---------------------------------------------------------------------------------

def publish(con: duckdb.DuckDBPyConnection, db: Path, lake_dir: Path, **options):
    """Publish the state store ``con`` as a new lake snapshot and rebuild the reader's warehouse
    ``db`` over it; refused (ReaderWarehouseInUse) before anything moves when ``db`` cannot be
    replaced. ``options``: those of ``warehouse.lake.publish``."""
    check_replaceable(db)
    published = lake.publish(con, lake_dir, **options)
    build_reader_warehouse(db, lake_dir, published.manifest)
    return published
