"""The command line when things go wrong (issue 16): exit codes that say whether input was rejected,
one line and no traceback for every failure a user can expect, and `ruaz sql` that cannot touch the
machine."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.cli import main, run_exit_code
from helpers import ROOT, SAMPLES
from live_site import closed_port_url
from transforms.runs import RunSummary


def ruaz(tmp_path: Path, *args: str, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-cli"), **(env or {})}
    if "PREFECT_API_URL" not in (env or {}):
        environment.pop("PREFECT_API_URL", None)
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=timeout)


def one_line(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    [line] = [line for line in done.stderr.strip().splitlines() if line.startswith("ruaz: ")]
    return line


# ---- exit codes ----------------------------------------------------------------------------------

def summary(**counts) -> RunSummary:
    return RunSummary(run_id="r", command="run", status="completed", db="w.duckdb", export_dir=None, **counts)


@pytest.mark.parametrize("counts,code", [
    ({"n_articles_loaded": 5}, 0),
    ({"n_articles_loaded": 5, "n_ingest_warnings": 3}, 0),                   # warnings reject nothing
    ({}, 0),                                                                # nothing read, nothing rejected
    ({"n_articles_loaded": 5, "n_ingest_errors": 1}, 3),
    ({"n_articles_loaded": 5, "n_quarantined": 2}, 3),                     # a mention row rejected
    ({"n_articles_unchanged": 5, "n_ingest_errors": 1}, 3),                # a rerun: the rest is stored
    ({"n_story_copies": 1, "n_ingest_errors": 1}, 3),
    ({"n_ingest_errors": 4}, 4),                                            # every input rejected
    ({"n_ingest_errors": 2, "n_quarantined": 2, "n_articles_failed": 2}, 4),
])
def test_the_exit_code_says_whether_input_was_rejected(counts, code):
    assert run_exit_code(summary(**counts)) == code


# ---- one line for an expected failure ---------------------------------------------------------------

def test_a_corrupt_warehouse_is_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    db.write_bytes(b"this is not a DuckDB file" * 1000)
    done = ruaz(tmp_path, "sql", "SELECT 1", "--db", str(db))
    assert done.returncode == 1
    line = one_line(done)
    assert str(db) in line and "not a valid DuckDB database file" in line


def test_a_warehouse_path_that_is_a_folder_is_one_line(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--db", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ruaz: ")


def test_a_dead_prefect_api_is_one_line_before_anything_is_written(tmp_path):
    url = closed_port_url("/api")
    db = tmp_path / "data" / "w.duckdb"
    done = ruaz(tmp_path, "run", "--input", str(SAMPLES), "--db", str(db), env={"PREFECT_API_URL": url})
    assert done.returncode == 1
    assert one_line(done).startswith(f"ruaz: the Prefect API at {url} does not answer")
    assert not db.parent.exists()


@pytest.mark.slow
def test_a_busy_warehouse_is_one_line_and_exit_75(tmp_path):
    from warehouse.store import writer_lock

    db = tmp_path / "w.duckdb"
    with writer_lock(db):
        done = ruaz(tmp_path, "run", "--input", str(SAMPLES), "--db", str(db), "--no-export")
    assert done.returncode == 75
    assert "try again later or pass --wait SECONDS" in one_line(done)


@pytest.mark.slow
def test_a_warehouse_in_a_folder_that_cannot_be_written_is_one_line(tmp_path):
    done = ruaz(tmp_path, "run", "--input", str(SAMPLES), "--db", "/proc/ruaz/w.duckdb", "--no-export")
    assert done.returncode in (1, 2)
    assert "/proc/ruaz" in one_line(done)


def test_an_export_path_that_cannot_be_written_is_one_line(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(["export", "--out", str(blocker / "export"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and err.startswith("ruaz: ") and err.count("\n") == 1


def test_a_reader_that_went_away_is_no_error_message(tmp_path):
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t AS SELECT range AS n FROM range(1000)")
    con.close()
    process = subprocess.Popen([sys.executable, "-m", "flows.cli", "sql", "SELECT * FROM t", "--db", str(db),
                                "--format", "csv"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()                                  # `ruaz sql … | head` after head has left
    assert process.wait(300) == 141
    assert process.stderr.read() == b""


# ---- ruaz sql is read-only for the machine ----------------------------------------------------------

@pytest.fixture()
def reader_db(tmp_path):
    """A warehouse whose tables are views over Parquet files in an export folder (as a reader's
    file may be), and a file outside it."""
    export = tmp_path / "export" / "articles"
    export.mkdir(parents=True)
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'a1' AS article_id, 'az' AS language) TO '{export / 'part-0.parquet'}' (FORMAT parquet)")
    con.close()
    db = tmp_path / "reader.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE VIEW articles AS SELECT * FROM read_parquet('{tmp_path / 'export' / 'articles'}/**/*.parquet')")
    con.execute("CREATE TABLE runs AS SELECT 1 AS n")
    con.close()
    (tmp_path / "secret.csv").write_text("secret\nhunter2\n")
    return db


def test_sql_reads_the_warehouse_and_the_files_its_views_read(reader_db, capsys):
    assert main(["sql", "SELECT article_id, language FROM articles", "--db", str(reader_db), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "article_id,language\na1,az\n"
    assert main(["sql", "SELECT n FROM runs", "--db", str(reader_db), "--format", "csv"]) == 0


@pytest.mark.parametrize("query,said", [
    ("SELECT * FROM read_csv('{tmp}/secret.csv')", "disabled by configuration"),
    ("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration"),
    ("SELECT * FROM read_text('/etc/hostname')", "disabled by configuration"),
    ("SELECT * FROM read_blob('{tmp}/secret.csv')", "disabled by configuration"),
    ("SELECT * FROM glob('/root/*')", "disabled by configuration"),
    ("SELECT * FROM '{tmp}/secret.csv'", "disabled by configuration"),
    ("COPY (SELECT 1) TO '{tmp}/out.csv'", "not allowed in ruaz sql: COPY"),
    ("COPY (SELECT 1) TO '{tmp}/export/articles/evil.parquet'", "not allowed in ruaz sql: COPY"),
    ("EXPORT DATABASE '{tmp}/dump'", "not allowed in ruaz sql: EXPORT"),
    ("INSTALL httpfs", "not allowed in ruaz sql: INSTALL"),
    ("LOAD httpfs", "not allowed in ruaz sql: INSTALL"),
    ("ATTACH '{tmp}/other.duckdb' AS other", "not allowed in ruaz sql: ATTACH"),
    ("SET enable_external_access = true", "locked"),
    ("SET allowed_directories = ['/']", "locked"),
    ("SELECT 1; COPY (SELECT 1) TO '{tmp}/out.csv'", "not allowed in ruaz sql: COPY"),
])
def test_sql_cannot_reach_beyond_the_warehouse(reader_db, tmp_path, capsys, query, said):
    assert main(["sql", query.format(tmp=tmp_path), "--db", str(reader_db)]) == 1
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "dump").exists()
    assert sorted(p.name for p in (tmp_path / "export" / "articles").iterdir()) == ["part-0.parquet"]


def test_the_sql_prompt_is_sandboxed_too(reader_db, tmp_path):
    queries = f"SELECT count(*) AS n FROM articles;\nSELECT * FROM read_csv('{tmp_path}/secret.csv');\n"
    done = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "--db", str(reader_db)], input=queries,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1
    assert "disabled by configuration" in done.stdout and "hunter2" not in done.stdout
