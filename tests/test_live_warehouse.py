"""The raw archive, migration 002 on an existing warehouse, and the fetch state read back from it."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib

import duckdb
import pytest

from transforms.stories import story_id_for
from warehouse.archive import RawArchive
from warehouse.live import MAX_TRANSIENT_RUNS, read_fetch_state
from warehouse.store import MIGRATIONS_DIR, apply_migrations

AT = dt.datetime(2026, 4, 20, 8, 0)


def test_archive_stores_each_body_once_compressed(tmp_path):
    archive = RawArchive(tmp_path)
    body = "<html>Azərbaycan və Rusiya</html>".encode() * 100
    sha, relative = archive.put(body, "page")
    assert (sha, relative) == (hashlib.sha256(body).hexdigest(), f"{sha[:2]}/{sha}.html.gz")
    stored = tmp_path / relative
    assert gzip.decompress(stored.read_bytes()) == body and stored.stat().st_size < len(body) / 5
    mtime = stored.stat().st_mtime_ns
    assert archive.put(body, "page") == (sha, relative) and stored.stat().st_mtime_ns == mtime   # not rewritten
    assert archive.get(relative) == body
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{sha}.html.gz"]          # no temporary files left
    assert archive.put(b"<rss/>", "feed")[1].endswith(".xml.gz")


def test_archive_refuses_a_corrupt_body(tmp_path):
    archive = RawArchive(tmp_path)
    _, relative = archive.put(b"original", "page")
    (tmp_path / relative).write_bytes(gzip.compress(b"tampered"))
    with pytest.raises(ValueError, match="does not match"):
        archive.get(relative)


def test_migration_002_gives_existing_articles_a_story_and_a_source():
    con = duckdb.connect()
    first = MIGRATIONS_DIR / "001_core_tables.sql"
    sql = first.read_text(encoding="utf-8")
    con.execute(sql)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    con.execute("INSERT INTO schema_migrations VALUES (1, ?, ?, ?)", [first.stem, hashlib.sha256(sql.encode()).hexdigest(), AT])
    for article_id, url in (("old-1", "https://x.az/1"), ("old-2", None)):
        con.execute("""INSERT INTO articles (article_id, source, source_format, url, text, n_chars, content_sha256,
                       extractor_version, ingested_at, updated_at, run_id) VALUES (?, 'f.jsonl', 'jsonl', ?, 'text', 4,
                       ?, 'v', ?, ?, 'r0')""", [article_id, url, "0" * 64, AT, AT])
    assert apply_migrations(con, AT)[0] == 2          # and the later ones
    assert con.execute("SELECT article_id, story_id FROM articles ORDER BY 1").fetchall() == [
        ("old-1", story_id_for("old-1")), ("old-2", story_id_for("old-2"))]
    assert con.execute("SELECT location, article_id, match FROM article_sources ORDER BY 1").fetchall() == [
        ("article:old-2", "old-2", "first"), ("https://x.az/1", "old-1", "first")]
    assert con.execute("SELECT count(*) FROM stories").fetchone() == (2,)


def _log(con, run, url, status, reason, transient, http_status=None):
    con.execute("""INSERT INTO fetch_log (run_id, url, source, kind, status, reason, is_transient, n_attempts,
                   elapsed_ms, n_bytes, http_status, fetched_at) VALUES (?, ?, 's', 'page', ?, ?, ?, 1, 5, 0, ?, ?)""",
                [run, url, status, reason, transient, http_status, AT])


def test_fetch_state_knows_what_not_to_fetch_again():
    con = duckdb.connect()
    apply_migrations(con, AT)
    con.execute("""INSERT INTO raw_pages VALUES ('https://s/feed', 'a', 'https://s/feed', 'feed', 's', ?, 200, NULL,
                   '"e1"', NULL, 'a', 5, 'r1'), ('https://s/1', 'b', 'https://s/1', 'page', 's', ?, 200, NULL,
                   NULL, 'Tue, 14 Apr 2026 10:00:00 GMT', 'b', 5, 'r1')""", [AT, AT])
    _log(con, "r1", "https://s/404", "failed", "http_error", False, 404)
    _log(con, "r1", "https://s/slow", "failed", "timeout", True)
    for run in range(MAX_TRANSIENT_RUNS):
        _log(con, f"r{run}", "https://s/down", "failed", "http_error", True, 503)
    state = read_fetch_state(con)
    assert state.validators["https://s/feed"].etag == '"e1"'
    assert state.validators["https://s/1"].last_modified == "Tue, 14 Apr 2026 10:00:00 GMT"
    assert state.settled == {"https://s/1", "https://s/404", "https://s/down"}   # archived, gone, given up
    assert state.retry == {"s": ["https://s/slow"]}
    assert state.given_up == {"s": ["https://s/404", "https://s/down"]}


def test_a_reset_gives_a_url_its_tries_again_and_a_skip_never_counts_as_a_failure():
    con = duckdb.connect()
    apply_migrations(con, AT)
    for run in range(MAX_TRANSIENT_RUNS):
        _log(con, f"r{run}", "https://s/down", "failed", "http_error", True, 503)
        _log(con, f"r{run}", "https://s/later", "skipped", "budget_exhausted", True)
    _log(con, "r0", "https://s/404", "failed", "http_error", False, 404)
    state = read_fetch_state(con)
    assert state.settled == {"https://s/down", "https://s/404"}
    assert state.retry == {"s": ["https://s/later"]}                 # left for later three times: still wanted
    con.execute("INSERT INTO fetch_resets VALUES ('https://s/down', 's', 'retry_given_up', ?, 'r9')",
                [AT + dt.timedelta(minutes=1)])
    state = read_fetch_state(con)
    assert state.settled == {"https://s/404"} and state.given_up == {"s": ["https://s/404"]}
    assert state.retry == {"s": ["https://s/later"]}                  # its failures before the reset do not count


def test_recent_articles_are_revalidated_once_per_interval():
    con = duckdb.connect()
    apply_migrations(con, AT)
    for n, fetched in ((1, AT - dt.timedelta(days=1)), (2, AT - dt.timedelta(days=5)), (3, AT - dt.timedelta(hours=2))):
        url = f"https://s/{n}"
        con.execute("""INSERT INTO raw_pages VALUES (?, ?, ?, 'page', 's', ?, 200, 'text/html', NULL, NULL, ?, 5, 'r1')""",
                    [url, str(n) * 64, url, fetched, f"{n:02d}/x.html.gz"])
        con.execute("""INSERT INTO fetch_log (run_id, url, source, kind, status, reason, is_transient, n_attempts,
                       elapsed_ms, n_bytes, fetched_at) VALUES ('r1', ?, 's', 'page', 'fetched', 'article', false, 1, 5,
                       5, ?)""", [url, fetched])
    # 1: within two days, last requested a day ago: revalidated; 2: older than the window; 3: requested 2 h ago
    assert read_fetch_state(con, AT, revalidate_days=2, revalidate_hours=12).revalidate == {"s": ["https://s/1"]}
    assert read_fetch_state(con, AT, revalidate_days=0, revalidate_hours=12).revalidate == {}
    assert read_fetch_state(con, AT).validators["https://s/1"].archive_path == "01/x.html.gz"


def test_an_archive_is_recorded_relative_to_its_warehouse_when_under_it(tmp_path):
    from warehouse.live import archive_root_for, read_archive_roots, record_archive

    db = tmp_path / "data" / "w.duckdb"
    assert archive_root_for(db, tmp_path / "data" / "raw") == "raw"
    assert archive_root_for(db, tmp_path / "elsewhere") == str((tmp_path / "elsewhere").resolve())
    con = duckdb.connect()
    apply_migrations(con, AT)
    record_archive(con, "raw", AT, "r1")
    record_archive(con, "/srv/old-raw", AT - dt.timedelta(days=1), "r0")
    record_archive(con, "raw", AT + dt.timedelta(days=1), "r2")
    assert read_archive_roots(con, db) == [db.parent.resolve() / "raw", db.parent.resolve() / "/srv/old-raw"]
    assert con.execute("SELECT first_used_at, run_id FROM raw_archives WHERE archive_root = 'raw'").fetchone() == (AT, "r2")
