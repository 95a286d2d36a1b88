"""The warehouse on disk: a private state store, a single writer, and what readers open.

    data/ruaz.duckdb                  the reader's warehouse (``--db``): views over the current lake
                                      snapshot (warehouse/reader.py); replaced whole on every publish
    data/.ruaz/state.duckdb           the state store: every table, loaded in place; only a run opens it
    data/.ruaz/writer.lock            the writer lock (an flock: the kernel releases it when a run dies)
    data/.ruaz/runs/<run_id>.json     run records the state store could not take yet (a run refused
                                      by the lock, a run that is writing or died); the next run loads them
    data/.ruaz/lake/                  the lake when no export folder is given (warehouse/lake.py)

DuckDB lets one process open a file read-write and then nobody else, not even read-only
(STACK-NOTES). So the state store is private to the run holding the writer lock, and readers never
open it: they read the lake, whose snapshots are immutable, through the reader's warehouse. A run
loads the state store in place, in transactions (DuckDB's write-ahead log makes each commit atomic;
a run killed mid-transaction leaves the last commit), and then publishes a lake snapshot; nothing
is copied, so a run costs what it adds, not the size of the warehouse.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from transforms.errors import RuazError
from warehouse.catalog import apply_comments

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VIEWS_SQL = Path(__file__).resolve().parent / "views.sql"


class WarehouseError(RuazError, RuntimeError):
    """A problem with the warehouse's files, said in one line (the command line prints it as is)."""


class WarehouseBusy(WarehouseError):
    """Another run holds the writer lock."""


class MigrationError(WarehouseError):
    pass


@dataclass(frozen=True)
class WarehousePaths:
    """Where a warehouse keeps its parts, all derived from the reader's warehouse file (``--db``)."""
    db: Path

    @staticmethod
    def of(db: Path | str | WarehousePaths) -> WarehousePaths:
        return db if isinstance(db, WarehousePaths) else WarehousePaths(Path(db))

    @property
    def private(self) -> Path:
        return self.db.parent / f".{self.db.stem}"

    @property
    def state(self) -> Path:
        return self.private / "state.duckdb"

    @property
    def lock(self) -> Path:
        return self.private / "writer.lock"

    @property
    def journal(self) -> Path:
        return self.private / "runs"

    @property
    def private_lake(self) -> Path:
        return self.private / "lake"

    def lake(self, export_dir: Path | str | None) -> Path:
        """The lake: the export folder when there is one, else the private one."""
        return Path(export_dir) if export_dir else self.private_lake


# ---- migrations ------------------------------------------------------------------------------------

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


# ---- the writer lock -------------------------------------------------------------------------------

def lock_path(db_path: Path) -> Path:
    return WarehousePaths.of(db_path).lock


@contextmanager
def writer_lock(db_path: Path | WarehousePaths, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock (an flock, released by the kernel if the process dies)."""
    paths = WarehousePaths.of(db_path)
    try:
        paths.private.mkdir(parents=True, exist_ok=True)
        handle = open(paths.lock, "a+")
    except OSError as exc:
        raise WarehouseError(f"cannot write beside {paths.db}: {exc.strerror or exc} ({exc.filename or paths.lock})") from None
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(f"another run is writing {paths.db} (lock {paths.lock})") from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


# ---- the state store -------------------------------------------------------------------------------

def _duckdb_message(exc: Exception) -> str:
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip())[:400]


@contextmanager
def open_state(db_path: Path | WarehousePaths, applied_at: dt.datetime,
               memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The state store, read-write and migrated (call under ``writer_lock``). A warehouse made
    before the state store existed (its tables in the --db file itself) becomes the state store."""
    from warehouse import lake

    paths = WarehousePaths.of(db_path)
    paths.private.mkdir(parents=True, exist_ok=True)
    adopt_old_warehouse(paths)
    try:
        con = duckdb.connect(str(paths.state))
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open the state store {paths.state}: {_duckdb_message(exc)}") from None
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        con.begin()
        apply_migrations(con, applied_at)
        lake.ensure_bookkeeping(con)
        con.commit()
        yield con
    except duckdb.Error as exc:
        raise WarehouseError(f"state store {paths.state}: {_duckdb_message(exc)}") from exc
    finally:
        con.close()


def adopt_old_warehouse(paths: WarehousePaths) -> None:
    """A --db file holding tables (the layout before the state store) is moved to be the state store."""
    if paths.state.exists() or not paths.db.exists():
        return
    try:
        con = duckdb.connect(str(paths.db), read_only=True)
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read {paths.db}: {_duckdb_message(exc)}") from None
    try:
        has_tables = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'articles'").fetchone()[0]
    finally:
        con.close()
    if has_tables:
        os.replace(paths.db, paths.state)
        wal = Path(f"{paths.db}.wal")
        if wal.exists():
            os.replace(wal, Path(f"{paths.state}.wal"))


def state_exists(db_path: Path | WarehousePaths) -> bool:
    return WarehousePaths.of(db_path).state.exists()


# ---- run records the state store could not take yet -----------------------------------------------

def journal_run(db_path: Path | WarehousePaths, row: dict) -> Path | None:
    """Keep a run's pipeline_runs row in a file until a run holding the lock loads it (best effort:
    returns None when even that cannot be written)."""
    folder = WarehousePaths.of(db_path).journal
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{row['run_id']}.json"
        tmp = folder / f".{row['run_id']}.{uuid.uuid4().hex[:6]}"
        tmp.write_text(json.dumps(row, default=str), encoding="utf-8")
        os.replace(tmp, path)
        return path
    except OSError:
        return None


def journaled_runs(db_path: Path | WarehousePaths) -> list[tuple[Path, dict]]:
    folder = WarehousePaths.of(db_path).journal
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return out


def forget_journal(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


# ---- readers -----------------------------------------------------------------------------------------

def connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A reader's connection to the published snapshot (the reader's warehouse, or any DuckDB file)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}; run `ruaz run` first")
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open {db_path} read-only: {_duckdb_message(exc)}") from None
