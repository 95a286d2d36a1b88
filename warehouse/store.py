"""The warehouse file: migrations, a single writer, and atomic publication.

DuckDB lets one process hold a file read-write and then nobody else may open it, not even
read-only (STACK-NOTES). So a run never writes the published file: it copies it to a staging
file beside it, migrates and loads the copy in one transaction, checkpoints, and publishes it
with an atomic rename. Readers (an analyst's duckdb session, `ruaz sql`, the exporter) keep the
snapshot they opened and are never locked out; a run that dies leaves the published file as it
was, and its staging file is swept by the next run. A lock file keeps runs from overlapping.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.catalog import apply_comments

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VIEWS_SQL = Path(__file__).resolve().parent / "views.sql"


class WarehouseBusy(RuntimeError):
    """Another run holds the writer lock."""


class MigrationError(RuntimeError):
    pass


def migration_files() -> list[tuple[int, str, Path]]:
    out = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        out.append((int(path.name[:3]), path.stem, path))
    return out


def apply_migrations(con: duckdb.DuckDBPyConnection, applied_at: dt.datetime) -> list[int]:
    """Apply the numbered migrations not yet recorded in schema_migrations; recreate the views;
    comment every table, view and column with its declared description (warehouse/tables/).
    Idempotent. A migration whose file changed after it was applied is an error."""
    con.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL)""")
    applied = dict(con.execute("SELECT version, checksum FROM schema_migrations").fetchall())
    newly = []
    for version, name, path in migration_files():
        sql = path.read_text(encoding="utf-8")
        checksum = hashlib.sha256(sql.encode()).hexdigest()
        if version in applied:
            if applied[version] != checksum:
                raise MigrationError(f"migration {path.name} changed after it was applied; add a new migration instead")
            continue
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?, ?)", [version, name, checksum, applied_at])
        newly.append(version)
    con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
    apply_comments(con)
    return newly


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.lock")


def staging_prefix(db_path: Path) -> str:
    return f".{db_path.name}.staging-"


@contextmanager
def writer_lock(db_path: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock (an flock, released by the kernel if the process dies)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path(db_path), "a+")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(f"another run is writing {db_path} (lock {lock_path(db_path)})") from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


@contextmanager
def staged_warehouse(db_path: Path, run_id: str, applied_at: dt.datetime,
                     wait_seconds: float = 0.0, memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a staging copy of the warehouse, migrated; published on success.

    Must be entered under ``writer_lock``. On an exception the copy is discarded and the
    published file is untouched."""
    db_path = Path(db_path)
    sweep_staging(db_path)
    staging = db_path.with_name(f"{staging_prefix(db_path)}{run_id}")
    if db_path.exists():
        shutil.copyfile(db_path, staging)
        wal = Path(f"{db_path}.wal")
        if wal.exists():  # someone wrote to the published file directly; keep their changes
            shutil.copyfile(wal, Path(f"{staging}.wal"))
    con = duckdb.connect(str(staging))
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        apply_migrations(con, applied_at)
        yield con
        con.execute("CHECKPOINT")
        con.close()
        _fsync(staging)
        os.replace(staging, db_path)
        _fsync(db_path.parent)
    except BaseException:
        con.close()
        _remove(staging)
        raise


def sweep_staging(db_path: Path) -> list[Path]:
    """Remove staging files left by runs that died (the caller holds the writer lock)."""
    removed = []
    for path in db_path.parent.glob(f"{staging_prefix(db_path)}*"):
        _remove(path)
        removed.append(path)
    return removed


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A reader's connection to the published snapshot."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no warehouse at {db_path}; run `ruaz run` first")
    return duckdb.connect(str(db_path), read_only=True)
