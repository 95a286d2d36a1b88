"""Migrations, the writer lock, the state store and the lake's publication, on throwaway files."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import shutil
import subprocess
import sys

import duckdb
import pytest

from helpers import hold_writer_lock, query, write_warehouse
from warehouse import lake, reader, store

AT = dt.datetime(2026, 1, 1, 12, 0)
DOC = "INSERT INTO documents (document_id, canonical_name, doc_type, is_registered) VALUES (?, 'Doc', 'treaty', true)"


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


def test_the_reader_warehouse_shows_what_was_published_and_only_that(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    assert query(db, "SELECT document_id FROM documents") == [("d1",)]
    # rows in the state store that are not published yet are not seen
    with store.writer_lock(db), store.open_state(db, AT) as con:
        con.execute(DOC, ["d2"])
    assert query(db, "SELECT document_id FROM documents") == [("d1",)]
    # the reader's warehouse holds views only, over the snapshot's files
    assert query(db, "SELECT count(*) FROM duckdb_tables()") == [(0,)]
    [(snapshot_id, lake_dir)] = query(db, "SELECT snapshot_id, lake_dir FROM ruaz_snapshot")
    assert (tmp_path / ".w" / "lake" / "snapshots" / snapshot_id).is_dir() and lake_dir.endswith("lake")


def test_a_failed_transaction_leaves_the_published_state_intact(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    with pytest.raises(RuntimeError, match="boom"):
        def fail(con):
            con.execute("DELETE FROM documents")
            raise RuntimeError("boom")
        write_warehouse(db, fail)
    assert query(db, "SELECT count(*) FROM documents") == [(1,)]
    with store.writer_lock(db), store.open_state(db, AT) as con:   # and the state store rolled back
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_reader_keeps_its_snapshot_while_a_run_publishes(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    session = store.connect_read_only(db)   # an analyst's session stays open across the next run
    write_warehouse(db, lambda con: con.execute(DOC, ["d2"]))
    assert session.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    # A new reader (another process: DuckDB caches open databases per process) sees the new state.
    out = subprocess.run([sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True)"
                          ".execute('SELECT count(*) FROM documents').fetchone()[0])", str(db)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_second_writer_is_refused_while_a_run_holds_the_lock(tmp_path):
    db = tmp_path / "w.duckdb"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=hold_writer_lock, args=(db, ready, release))
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


def test_a_warehouse_from_before_the_state_store_becomes_the_state_store(tmp_path):
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    store.apply_migrations(con, AT)
    con.execute(DOC, ["old"])
    con.close()
    write_warehouse(db, lambda c: c.execute(DOC, ["new"]))
    assert sorted(query(db, "SELECT document_id FROM documents")) == [("new",), ("old",)]
    assert store.WarehousePaths(db).state.exists()


def test_a_corrupt_state_store_is_a_one_line_error_and_is_not_rewritten(tmp_path):
    db = tmp_path / "w.duckdb"
    paths = store.WarehousePaths(db)
    paths.private.mkdir()
    paths.state.write_bytes(b"this is not a DuckDB file" * 100)
    with pytest.raises(store.WarehouseError, match="cannot open the state store") as failure:
        with store.open_state(db, AT):
            pass
    assert "\n" not in str(failure.value)
    assert paths.state.read_bytes() == b"this is not a DuckDB file" * 100


# ---- the lake ------------------------------------------------------------------------------------

def _article(con, article_id: str, language: str | None, published: str | None, text: str = "Bakı 2022") -> None:
    con.execute("""INSERT OR REPLACE INTO articles (article_id, source, source_format, language, published, text,
                       n_chars, content_sha256, extractor_version, ingested_at, updated_at, run_id)
                   VALUES (?, 'x', 'jsonl', ?, ?::DATE, ?, ?, sha256(?), 'v', ?, ?, 'r')""",
                [article_id, language, published, text, len(text), text, AT, AT])
    con.execute("DELETE FROM date_mentions WHERE article_id = ?", [article_id])
    con.execute("""INSERT INTO date_mentions (article_id, start_char, end_char, text, value, value_start, value_end,
                       granularity, is_range, is_relative, sentence_index, sentence, rule, confidence)
                   VALUES (?, 5, 9, '2022', '2022', NULL, NULL, 'year', false, false, 0,
                   ?, 'r', 1)""", [article_id, text])


def _lake_rows(db) -> dict:
    return {t: query(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ("articles", "date_mentions", "documents")}


def _state_rows(db) -> dict:
    with store.writer_lock(db), store.open_state(db, AT) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("articles", "date_mentions", "documents")}


def _publish_changes(db, changes, export):
    """Publish after writing ``changes`` (article rows) and marking only their keys dirty, as a run does."""
    from flows.export import schema_version

    with store.writer_lock(db), store.open_state(db, AT) as con:
        con.begin()
        for args in changes:
            _article(con, *args)
        lake.mark_dirty(con, "article", [a[0] for a in changes])
        con.commit()
        return reader.publish(con, db, export, run_id=f"r{len(changes)}", published_at=AT,
                              extractor_version="v", schema_version=schema_version())


def test_incremental_publishes_keep_the_lake_equal_to_the_state_and_rewrite_only_what_changed(tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    first = _publish_changes(db, [(f"a{i}", "az" if i % 2 else "ru", f"20{10 + i % 3}-01-01") for i in range(30)],
                             export)
    files = {t: {f["path"] for f in e["files"]} for t, e in first.manifest["tables"].items()}
    # one new article in one partition: only that partition's segments are written, the rest linked
    second = _publish_changes(db, [("b1", "az", "2011-05-05")], export)
    new = {t: {f["path"] for f in e["files"]} - files.get(t, set()) for t, e in second.manifest["tables"].items()}
    assert {p.split("/")[1] for p in new["articles"] | new["date_mentions"]} == {"language=az"}
    assert second.n_files_linked > 0
    # a changed article moves partition; many small publishes merge small segments
    for i in range(12):
        _publish_changes(db, [(f"c{i}", "en", None), ("a3", "en" if i % 2 else "az", f"20{10 + i}-02-02")], export)
    assert _lake_rows(db) == _state_rows(db)
    current = lake.read_pointer(export)
    segments = [f["path"] for f in current["tables"]["articles"]["files"]]
    assert len(segments) < 12 + 6      # merged: fewer files than publishes
    # every file in the manifest carries its sha256 and row count, and the content hash is reproducible
    root = export / current["path"]
    for entry in current["tables"].values():
        assert entry["files_sha256"] == lake.files_sha256(entry["files"])
        for f in entry["files"]:
            assert lake.sha256_file(root / f["path"]) == f["sha256"]


def test_partition_columns_are_in_the_files_with_one_type(tmp_path):
    import polars as pl
    import pyarrow.parquet as pq

    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    _publish_changes(db, [("a1", "az", "2022-01-01"), ("a2", None, None)], export)
    snapshot = reader.open_snapshot(export)
    for path in snapshot.files("date_mentions"):
        schema = pq.read_schema(path)
        assert str(schema.field("published_year").type) == "int32" and str(schema.field("language").type) == "string"
    frame = pl.read_parquet(snapshot.files("date_mentions")[0], hive_partitioning=False)   # a plain single-file read
    assert {"language", "published_year"} <= set(frame.columns)
    assert pl.concat([pl.read_parquet(p) for p in snapshot.files("articles")])["published_year"].dtype == pl.Int32


def test_the_manifest_says_what_a_consuming_team_needs(tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    _publish_changes(db, [("a1", "az", "2022-01-01")], export)
    manifest = json.loads((export / "_manifest.json").read_text())
    assert {"snapshot_id", "exported_at", "run_id", "extractor_version", "schema_version", "tables"} <= set(manifest)
    dates = manifest["tables"]["date_mentions"]
    assert dates["rows"] == 1 and dates["partitioned_by"] == ["language", "published_year"]
    columns = {c["name"]: c for c in dates["columns"]}
    assert columns["value_start"]["type"] == "DATE" and columns["published_year"]["type"] == "INTEGER"
    assert all(len(c["description"]) > 10 for c in dates["columns"])
    assert set(manifest["tables"]) == set(lake.lake_tables())   # every table, also the empty ones
    assert (export / "current").resolve() == (export / manifest["path"]).resolve()


def test_old_snapshots_are_kept_for_the_grace_period_then_deleted(tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    first = _publish_changes(db, [("a1", "az", "2022-01-01")], export)
    _publish_changes(db, [("a2", "az", "2022-01-01")], export)
    with store.writer_lock(db), store.open_state(db, AT) as con:
        assert lake.collect_garbage(con, export, dt.timedelta(hours=1)) == []
        old = lake.snapshot_dir(export, first.snapshot_id)
        assert old.is_dir()
        assert lake.collect_garbage(con, export, dt.timedelta(hours=1), now=old.stat().st_mtime + 3601) == \
            [first.snapshot_id]
    assert not old.exists()
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]   # the current snapshot's files are intact


# ---- a read-write session on the reader's warehouse ---------------------------------------------

def test_a_stale_write_ahead_log_of_ruaz_views_only_is_survived(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    # someone opened the reader's warehouse read-write and a log stayed beside it
    session = duckdb.connect(str(db))
    session.execute("SELECT count(*) FROM documents").fetchall()
    session.close()
    (tmp_path / "w.duckdb.wal").write_bytes(b"stale log of another file")
    write_warehouse(db, lambda con: con.execute(DOC, ["d2"]))
    assert not (tmp_path / "w.duckdb.wal").exists()
    assert query(db, "SELECT count(*) FROM documents") == [(2,)]


def test_tables_of_the_user_in_the_reader_warehouse_are_never_lost(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    session = duckdb.connect(str(db))
    session.execute("CREATE TABLE my_notes AS SELECT 42 AS answer")
    session.close()
    with pytest.raises(reader.ReaderWarehouseInUse, match="my_notes"):
        write_warehouse(db, lambda con: con.execute(DOC, ["d2"]))
    assert query(db, "SELECT answer FROM my_notes") == [(42,)]
    assert query(db, "SELECT count(*) FROM documents") == [(1,)]


def test_an_open_read_write_session_is_detected_and_the_publish_refused(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db, lambda con: con.execute(DOC, ["d1"]))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(reader.ReaderWarehouseInUse, match="open read-write in another process") as refused:
            write_warehouse(db, lambda con: con.execute(DOC, ["d2"]))
        assert "\n" not in str(refused.value)
    finally:
        holder.kill()
        holder.wait()
    write_warehouse(db, lambda con: con.execute(DOC, ["d3"]))   # once it is closed, the next run publishes
    assert query(db, "SELECT count(*) FROM documents") == [(3,)]
