"""Migrations, the writer lock and atomic publication, on throwaway DuckDB files."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
import subprocess
import sys

import duckdb
import pytest

from warehouse import store

AT = dt.datetime(2026, 1, 1, 12, 0)


def test_migrations_apply_once_and_are_recorded(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = store.apply_migrations(con, AT)
    assert first == [v for v, _, _ in store.migration_files()]
    assert store.apply_migrations(con, AT) == []
    recorded = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in recorded] == first
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "date_mentions", "count_mentions", "document_mentions", "documents", "ingest_errors",
            "quarantine", "pipeline_runs", "mentions", "document_overview"} <= tables


def test_changed_migration_is_refused(tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    shutil.copytree(store.MIGRATIONS_DIR, migrations)
    monkeypatch.setattr(store, "MIGRATIONS_DIR", migrations)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    store.apply_migrations(con, AT)
    first = sorted(migrations.glob("*.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited\n")
    with pytest.raises(store.MigrationError, match="changed after it was applied"):
        store.apply_migrations(con, AT)


def test_staged_write_is_published_atomically(tmp_path):
    db = tmp_path / "w.duckdb"
    with store.writer_lock(db), store.staged_warehouse(db, "r1", AT) as con:
        con.execute("INSERT INTO documents (document_id, canonical_name, doc_type, is_registered) VALUES ('d1', 'Doc', 'treaty', true)")
        assert not db.exists()  # nothing is visible before the run finishes
    reader = store.connect_read_only(db)
    assert reader.execute("SELECT document_id FROM documents").fetchall() == [("d1",)]
    assert list(tmp_path.glob(".w.duckdb.staging-*")) == []


def test_failed_run_leaves_published_state_intact(tmp_path):
    db = tmp_path / "w.duckdb"
    with store.writer_lock(db), store.staged_warehouse(db, "r1", AT) as con:
        con.execute("INSERT INTO documents (document_id, canonical_name, doc_type, is_registered) VALUES ('d1', 'Doc', 'treaty', true)")
    with pytest.raises(RuntimeError, match="boom"):
        with store.writer_lock(db), store.staged_warehouse(db, "r2", AT) as con:
            con.execute("DELETE FROM documents")
            raise RuntimeError("boom")
    con = store.connect_read_only(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    assert list(tmp_path.glob(".w.duckdb.staging-*")) == []


def test_reader_keeps_its_snapshot_while_a_run_publishes(tmp_path):
    db = tmp_path / "w.duckdb"
    with store.writer_lock(db), store.staged_warehouse(db, "r1", AT) as con:
        con.execute("INSERT INTO documents (document_id, canonical_name, doc_type, is_registered) VALUES ('d1', 'Doc', 'treaty', true)")
    reader = store.connect_read_only(db)   # an analyst's session stays open across the next run
    with store.writer_lock(db), store.staged_warehouse(db, "r2", AT) as con:
        con.execute("INSERT INTO documents (document_id, canonical_name, doc_type, is_registered) VALUES ('d2', 'Doc 2', 'treaty', true)")
    assert reader.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    # A new reader (another process: DuckDB caches open databases per process) sees the new state.
    out = subprocess.run([sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True)"
                          ".execute('SELECT count(*) FROM documents').fetchone()[0])", str(db)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def _hold_lock(db, ready, release):
    with store.writer_lock(db):
        ready.set()
        release.wait(10)


def test_second_writer_is_refused_while_a_run_holds_the_lock(tmp_path):
    db = tmp_path / "w.duckdb"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(db, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(store.WarehouseBusy):
            with store.writer_lock(db, wait_seconds=0.3):
                pass
    finally:
        release.set()
        holder.join(10)
    with store.writer_lock(db):  # released once the holder is gone
        pass


def test_staging_left_by_a_killed_run_is_swept(tmp_path):
    db = tmp_path / "w.duckdb"
    stale = tmp_path / ".w.duckdb.staging-dead"
    stale.write_bytes(b"half written")
    with store.writer_lock(db), store.staged_warehouse(db, "r1", AT):
        pass
    assert not stale.exists() and db.exists()
