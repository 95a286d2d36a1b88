"""The whole flow on a real Prefect engine into throwaway DuckDB files."""
from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from helpers import RUN_AT, SAMPLES, dump, query
from helpers import run_files as run

pytestmark = pytest.mark.usefixtures("prefect_engine")


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("sample")
    db, export = root / "w.duckdb", root / "export"
    summary = run([SAMPLES], db, export)
    return summary, db, export


def test_sample_run_loads_every_article(sample_run):
    summary, db, _ = sample_run
    assert summary.status == "completed"
    n_samples = sum(1 for _ in open(SAMPLES / "articles.jsonl")) + 2   # + seed.txt + the HTML page
    assert summary.n_articles_new == n_samples and summary.n_quarantined == 0
    assert query(db, "SELECT count(*) FROM articles") == [(n_samples,)]
    [(language, method, published)] = query(db, "SELECT language, language_method, published FROM articles WHERE article_id = 'seed'")
    assert (language, method, published) == ("az", "detected", None)
    [(title, published)] = query(db, "SELECT title, published FROM articles WHERE article_id = 'sample-en-02'")
    assert title.startswith("North-South corridor") and published == dt.date(2025, 3, 14)
    runs = query(db, "SELECT status, n_articles_new, extractor_version FROM pipeline_runs")
    assert runs == [("completed", n_samples, summary_extractor_version())]


def summary_extractor_version():
    from transforms.extract import EXTRACTOR_VERSION
    return EXTRACTOR_VERSION


def test_stored_text_is_input_text_unchanged(sample_run):
    _, db, _ = sample_run
    [(text,)] = query(db, "SELECT text FROM articles WHERE article_id = 'seed'")
    assert text == (SAMPLES / "seed.txt").read_text(encoding="utf-8")


def test_every_mention_slices_its_article(sample_run):
    _, db, _ = sample_run
    for table in ("date_mentions", "count_mentions", "document_mentions"):
        bad = query(db, f"""SELECT count(*) FROM {table} m JOIN articles a USING (article_id)
                            WHERE substr(a.text, m.start_char + 1, m.end_char - m.start_char) <> m.text""")
        assert bad == [(0,)], table


def test_rerun_of_same_input_changes_no_table(tmp_path):
    db = tmp_path / "w.duckdb"
    run([SAMPLES], db)
    before = dump(db)
    summary = run([SAMPLES], db, run_at=RUN_AT + dt.timedelta(days=1))
    assert (summary.n_articles_new, summary.n_articles_changed) == (0, 0)
    assert summary.n_articles_unchanged == summary.n_articles_read
    assert dump(db) == before
    assert query(db, "SELECT count(*) FROM pipeline_runs") == [(2,)]   # the run log is the one table that grows


def test_changed_article_is_re_extracted_and_keeps_first_ingest_time(tmp_path):
    db = tmp_path / "w.duckdb"
    path = tmp_path / "one.jsonl"
    text = "On February 22, 2022 the two presidents signed the Declaration on Allied Interaction."
    path.write_text(json.dumps({"id": "x1", "text": text, "language": "en", "published": "2022-02-23"}) + "\n")
    run([path], db)
    path.write_text(json.dumps({"id": "x1", "text": text + " More than 150 agreements exist.",
                                "language": "en", "published": "2022-02-23"}) + "\n")
    later = RUN_AT + dt.timedelta(hours=3)
    summary = run([path], db, run_at=later)
    assert summary.n_articles_changed == 1
    [(ingested_at, updated_at, stored)] = query(db, "SELECT ingested_at, updated_at, text FROM articles")
    assert (ingested_at, updated_at) == (RUN_AT, later) and stored.endswith("150 agreements exist.")


def test_bad_inputs_are_recorded_and_good_articles_land(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = {"id": "good-1", "text": "Russia and Azerbaijan signed six roadmaps in 2022.", "language": "en"}
    (inputs / "feed.jsonl").write_bytes(
        (json.dumps(good) + "\n" + '{"id": "broken", "text": "no closing\n'
         + json.dumps({"text": "no id"}) + "\n" + json.dumps({"id": "empty", "text": " "}) + "\n"
         + json.dumps({"id": "good-1", "text": "a different text under the same id"}) + "\n").encode()
        + b'{"id": "latin", "text": "caf\xe9"}\n')
    (inputs / "page.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    (inputs / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (inputs / "blank.txt").write_text("")
    (inputs / "ok.txt").write_text("Bakıda Azərbaycan-Rusiya regionlararası forumu keçirilib.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = run([inputs, tmp_path / "missing.jsonl"], db)
    assert summary.status == "completed"
    assert sorted(r[0] for r in query(db, "SELECT article_id FROM articles")) == ["good-1", "ok"]
    reasons = sorted(query(db, "SELECT reason, source_line FROM ingest_errors"), key=str)
    assert sorted(r for r, _ in reasons) == sorted(["bad_json", "missing_id", "empty_text", "conflicting_id",
                                                   "undecodable", "not_an_article", "undecodable", "empty_text",
                                                   "not_found"])
    assert summary.n_ingest_errors == 9
    # a rerun records nothing twice
    run([inputs, tmp_path / "missing.jsonl"], db)
    assert query(db, "SELECT count(*) FROM ingest_errors") == [(9,)]


def test_the_lake_reads_back_with_polars(sample_run):
    from warehouse.reader import open_snapshot

    _, db, export = sample_run
    manifest = json.loads((export / "_manifest.json").read_text())
    snapshot = open_snapshot(export)
    assert snapshot.snapshot_id == manifest["snapshot_id"]
    for table, entry in manifest["tables"].items():
        frame = pl.read_parquet(snapshot.files(table))
        assert frame.height == entry["rows"] == query(db, f"SELECT count(*) FROM {table}")[0][0], table
    articles = pl.read_parquet(export / "current" / "articles" / "**" / "*.parquet")   # a glob of one snapshot
    assert set(articles["language"].to_list()) == {"az", "ru", "en"}
    assert (export / "current" / "articles" / "language=az").is_dir()


def test_export_of_unchanged_data_changes_nothing(sample_run, tmp_path):
    from flows.export import export_parquet

    _, db, export = sample_run
    copy = tmp_path / "export"
    first = export_parquet(db, copy)
    assert first["snapshot_id"] == json.loads((export / "_manifest.json").read_text())["snapshot_id"]
    before = {p: p.stat().st_mtime_ns for p in copy.rglob("*")}
    assert export_parquet(db, copy) == first
    assert {p: p.stat().st_mtime_ns for p in copy.rglob("*")} == before
    # the hand-off copy shares the lake's files (hard links), it does not copy them
    some = next(copy.glob("current/articles/**/*.parquet"))
    assert some.stat().st_nlink >= 2


def test_a_rerun_publishes_only_its_run_rows(tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    run([SAMPLES], db, export)
    first = json.loads((export / "_manifest.json").read_text())
    run([SAMPLES], db, export, run_at=RUN_AT + dt.timedelta(days=1))
    second = json.loads((export / "_manifest.json").read_text())
    changed = {t for t in second["tables"] if second["tables"][t]["files_sha256"] != first["tables"][t]["files_sha256"]}
    assert changed == {"pipeline_runs"}


def test_a_drop_folder_run_moves_what_it_read_and_the_next_run_reads_only_new_files(tmp_path):
    from flows.pipeline import run_pipeline

    inbox, done, db = tmp_path / "inbox", tmp_path / "done", tmp_path / "w.duckdb"
    (inbox / "batch").mkdir(parents=True)
    (inbox / "batch" / "a.jsonl").write_text((SAMPLES / "articles.jsonl").read_text(encoding="utf-8"))
    first = run_pipeline(inputs=[str(inbox)], db=str(db), run_at=RUN_AT, processed_dir=str(done))
    assert first.n_articles_read > 5 and not list(inbox.rglob("*.jsonl"))
    assert (done / "batch" / "a.jsonl").exists()
    (inbox / "b.txt").write_text("Bakıda Azərbaycan-Rusiya forumu 2025-ci ildə keçirilib.", encoding="utf-8")
    second = run_pipeline(inputs=[str(inbox)], db=str(db), run_at=RUN_AT, processed_dir=str(done))
    assert (second.n_articles_read, second.n_articles_new) == (1, 1)
    assert query(db, "SELECT count(*) FROM articles") == [(first.n_articles_read + 1,)]
