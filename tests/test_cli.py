"""The command line, run through its entry function (or as a process) on throwaway files: help
everywhere, usage errors that say what is wrong, read-only SQL in every format, CSV exports,
progress, and evaluation equal to ../shared/eval/score.py."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import duckdb
import polars as pl
import pytest

from flows.cli import app, main
from helpers import ROOT, SAMPLES, shared_file

COMMANDS = ("run", "fetch", "sources", "reprocess", "serve", "export", "evaluate", "sql", "report", "show", "codebook")
RUAZ = [sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    assert main([command, "--help"]) == 0
    assert f"Usage: ruaz {command}" in capsys.readouterr().out


def test_top_level_help_lists_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(c in out for c in COMMANDS)


def test_run_takes_several_inputs_after_one_flag():
    command, bound, _ = app.parse_args(["run", "--input", "a.jsonl", "dir", "b.txt", "--db", "x.duckdb"])
    assert command.__name__ == "run"
    assert [str(p) for p in bound.arguments["input"]] == ["a.jsonl", "dir", "b.txt"]
    assert str(bound.arguments["flags"].db) == "x.duckdb"


def test_flag_defaults_are_the_settings(monkeypatch, capsys):
    """The flags' defaults are the current settings, RUAZ_ variables included, and so is their help."""
    from flows.cli import RunFlags
    from flows.settings import Settings

    monkeypatch.setenv("RUAZ_BATCH_SIZE", "77")
    assert RunFlags().batch_size == 77 and RunFlags().workers == Settings().workers
    _, bound, _ = app.parse_args(["run", "--input", "a.jsonl", "--batch-size", "5"])
    assert bound.arguments["flags"].apply(Settings()).batch_size == 5
    assert main(["run", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert Settings.model_fields["batch_size"].description in out and "[default: 77]" in out


def test_a_flag_value_out_of_range_is_a_usage_error(capsys):
    assert main(["run", "--input", str(SAMPLES), "--batch-size", "0"]) == 2
    assert "batch_size" in capsys.readouterr().err


# ---- usage errors ----------------------------------------------------------------------------------

def test_a_missing_input_is_an_error_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "data" / "w.duckdb"
    code = main(["run", "--input", str(tmp_path / "does-not-exist.jsonl"), "--db", str(db),
                 "--export", str(tmp_path / "data" / "export")])
    assert code == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []          # no warehouse, no lock file, no folder


def test_a_missing_input_among_others_is_an_error_too(tmp_path, capsys):
    assert main(["run", "--input", str(SAMPLES), str(tmp_path / "typo.jsonl"), "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "typo.jsonl" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv,unknown", [
    (["run", "--inptu", "a.jsonl"], "--inptu"),
    (["run", "--input", "a.jsonl", "--bogus"], "--bogus"),
    (["serve", "--crom", "* * * * *"], "--crom"),
    (["sql", "SELECT 1", "--formt", "csv"], "--formt"),
])
def test_an_unknown_flag_says_so(argv, unknown, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert re.search(rf"unknown option:? {unknown}", err, re.IGNORECASE), err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_required_flag_is_named(capsys):
    assert main(["run"]) == 2
    assert "--input requires an argument" in capsys.readouterr().err


# ---- sql -----------------------------------------------------------------------------------------

@pytest.fixture()
def small_db(tmp_path):
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'Bakı'), (2, 'Москва')) v(n, city)")
    con.execute("""CREATE TABLE nested AS SELECT 'doc-1' AS document_id, ['RU', 'AZ'] AS parties,
                   {'language': 'az', 'n': 3} AS first_mention, [{'a': 1}] AS items, 'x,"y"' AS note""")
    con.execute("CREATE TABLE many AS SELECT range AS n, repeat('ə', 200) AS long_text FROM range(120)")
    con.close()
    return db


@pytest.mark.parametrize("fmt,expected", [
    ("csv", "n,city\n1,Bakı\n2,Москва\n"),
    ("json", '[{"n":1,"city":"Bakı"},{"n":2,"city":"Москва"}]\n'),
])
def test_sql_formats(small_db, capsys, fmt, expected):
    assert main(["sql", "SELECT * FROM t ORDER BY n", "--db", str(small_db), "--format", fmt]) == 0
    assert capsys.readouterr().out == expected


def test_sql_table_format_and_read_only(small_db, capsys):
    assert main(["sql", "SELECT city FROM t ORDER BY n", "--db", str(small_db)]) == 0
    assert "Москва" in capsys.readouterr().out
    assert main(["sql", "DELETE FROM t", "--db", str(small_db)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert main(["sql", "SELECT count(*) FROM t", "--db", str(small_db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "2"


def test_a_sql_error_is_one_line_and_exit_1(small_db):
    done = subprocess.run([*RUAZ, "sql", "SELEC city FROM t", "--db", str(small_db)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("ruaz: ") and "syntax error" in line.lower()
    done = subprocess.run([*RUAZ, "sql", "SELECT nonesuch FROM t", "--db", str(small_db)], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1 and "nonesuch" in done.stderr


def test_csv_of_list_and_struct_columns_is_json_encoded(small_db, capsys):
    assert main(["sql", "SELECT * FROM nested", "--db", str(small_db), "--format", "csv"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert json.loads(row["parties"]) == ["RU", "AZ"]
    assert json.loads(row["first_mention"]) == {"language": "az", "n": 3}
    assert json.loads(row["items"]) == [{"a": 1}]
    assert row["note"] == 'x,"y"' and row["document_id"] == "doc-1"


def test_table_output_shows_the_first_rows_and_counts_the_rest(small_db, capsys):
    assert main(["sql", "SELECT n FROM many ORDER BY n", "--db", str(small_db), "--max-rows", "50"]) == 0
    out = capsys.readouterr().out
    shown = [int(n) for n in re.findall(r"^│ (\d+)", out, re.MULTILINE)]
    assert shown == list(range(50))                         # the first 50, none hidden in the middle
    assert "120 rows" in out and "70 left out" in out
    assert main(["sql", "SELECT n FROM many WHERE n < 3", "--db", str(small_db)]) == 0
    out = capsys.readouterr().out
    assert "3 rows" in out and "left out" not in out


def test_text_is_shown_whole_unless_a_width_is_asked(small_db, capsys):
    assert main(["sql", "SELECT long_text FROM many LIMIT 1", "--db", str(small_db)]) == 0
    assert "ə" * 200 in capsys.readouterr().out
    assert main(["sql", "SELECT long_text FROM many LIMIT 1", "--db", str(small_db), "--max-width", "20"]) == 0
    out = capsys.readouterr().out
    assert "ə" * 20 in out and "ə" * 21 not in out


@pytest.mark.parametrize("name,fmt", [("r.csv", None), ("r.json", None), ("r.parquet", None), ("r.out", "parquet"),
                                      ("r.txt", "csv")])
def test_sql_writes_its_result_to_a_file(small_db, tmp_path, capsys, name, fmt):
    out = tmp_path / name
    argv = ["sql", "SELECT * FROM nested", "--db", str(small_db), "--out", str(out)] + (["--format", fmt] if fmt else [])
    assert main(argv) == 0
    assert capsys.readouterr().out == ""
    kind = fmt or out.suffix[1:]
    if kind == "parquet":
        frame = pl.read_parquet(out)
        assert frame["parties"].to_list() == [["RU", "AZ"]]
    elif kind == "json":
        [row] = json.loads(out.read_text())
        assert row["parties"] == ["RU", "AZ"] and row["first_mention"] == {"language": "az", "n": 3}
    else:
        [row] = list(csv.DictReader(io.StringIO(out.read_text())))
        assert json.loads(row["parties"]) == ["RU", "AZ"]


def test_sql_to_a_file_of_unknown_kind_or_parquet_to_stdout_is_a_usage_error(small_db, tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--db", str(small_db), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert ".csv, .json or .parquet" in capsys.readouterr().err
    assert main(["sql", "SELECT 1", "--db", str(small_db), "--format", "parquet"]) == 2
    assert not list(tmp_path.glob("r.*"))


def test_sql_on_missing_warehouse_is_a_clear_error(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "run `ruaz run` first" in capsys.readouterr().err


def test_sql_without_a_query_reads_queries_at_a_prompt(small_db):
    queries = "SELECT city\nFROM t ORDER BY n;\nSELEC 1;\n.tables\nSELECT 41 + 1 AS answer;\n.quit\nSELECT 'not run';\n"
    done = subprocess.run([*RUAZ, "sql", "--db", str(small_db)], input=queries, capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 1                        # one query failed (a pipe: the exit code says so)
    out = done.stdout
    assert "Москва" in out and "42" in out and "nested" in out and "not run" not in out
    assert re.search(r"^error: .*syntax error", out, re.MULTILINE | re.IGNORECASE)
    assert "Traceback" not in out + done.stderr


# ---- export --------------------------------------------------------------------------------------

@pytest.fixture()
def warehouse(tmp_path):
    """A migrated warehouse with a few rows, written without the Prefect engine."""
    from datetime import datetime

    from warehouse.store import apply_migrations

    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    apply_migrations(con, datetime(2026, 1, 1))
    for i, (language, year) in enumerate([("az", 2024), ("ru", 2025), ("en", None)]):
        con.execute("INSERT INTO articles (article_id, source, source_format, language, text, n_chars, content_sha256,"
                    " extractor_version, ingested_at, updated_at, run_id, published) VALUES (?, 'x', 'jsonl', ?,"
                    " 'Bakı, 22 fevral 2022', 20, '', '', now(), now(), 'r', ?)",
                    [f"a{i}", language, f"{year}-03-01" if year else None])
        con.execute("INSERT INTO date_mentions (article_id, start_char, end_char, text, value, value_start, value_end,"
                    " granularity, is_range, is_relative, sentence_index, sentence, rule, confidence) VALUES"
                    " (?, 6, 20, '22 fevral 2022', '2022-02-22', NULL, NULL, 'day', false, false, 0, '', 'gold', 1)",
                    [f"a{i}"])
    con.execute("INSERT INTO documents (document_id, canonical_name, doc_type, parties, is_registered) VALUES"
                " ('d1', 'Declaration (RU-AZ)', 'declaration', ['RU', 'AZ'], true)")
    con.close()
    return db


def test_export_csv_writes_the_same_tables_as_parquet(warehouse, tmp_path, capsys):
    parquet, csv_dir = tmp_path / "parquet", tmp_path / "csv"
    assert main(["export", "--db", str(warehouse), "--out", str(parquet)]) == 0
    assert main(["export", "--db", str(warehouse), "--out", str(csv_dir), "--format", "csv"]) == 0
    assert "articles" in capsys.readouterr().out
    manifest = json.loads((parquet / "_manifest.json").read_text())
    for table, entry in manifest["tables"].items():
        from_parquet = pl.read_parquet(parquet / "current" / table / "**" / "*.parquet")
        with open(csv_dir / f"{table}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == from_parquet.height == entry["rows"], table
        assert set(rows[0] if rows else from_parquet.columns) == set(from_parquet.columns), table
    [document] = list(csv.DictReader(open(csv_dir / "documents.csv", encoding="utf-8")))
    assert json.loads(document["parties"]) == ["RU", "AZ"]
    dates = list(csv.DictReader(open(csv_dir / "date_mentions.csv", encoding="utf-8")))
    assert {(r["article_id"], r["language"], r["published_year"]) for r in dates} == {
        ("a0", "az", "2024"), ("a1", "ru", "2025"), ("a2", "en", "")}


def test_export_csv_of_unchanged_data_rewrites_nothing(warehouse, tmp_path):
    out = tmp_path / "csv"
    assert main(["export", "--db", str(warehouse), "--out", str(out), "--format", "csv"]) == 0
    before = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    assert main(["export", "--db", str(warehouse), "--out", str(out), "--format", "csv"]) == 0
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == before


# ---- progress ------------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_in_a_log():
    from flows import progress

    assert isinstance(progress.for_stream(io.StringIO()), progress.LogReporter)
    terminal = _Terminal()
    with progress.reporting(progress.for_stream(terminal)) as reporter:
        assert isinstance(reporter, progress.BarReporter)
        clock = progress.StageClock()
        clock.total = 40
        clock.lap("plan", 40)
        clock.lap("extract", 25)
        clock.lap("extract", 15)
        progress.current().update("fetch", 1, 2, 0.5, "sources", "report-en: 3 pages received")
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", terminal.getvalue())   # without the colours
    assert "extract" in shown and "40/40" in shown and "report-en: 3 pages received" in shown


@pytest.mark.usefixtures("prefect_engine")
def test_run_and_reprocess_report_each_stage_with_counts_and_rates(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    assert main(["run", "--input", str(SAMPLES), "--db", str(db), "--no-export", "--task-runner", "thread"]) == 0
    captured = capsys.readouterr()
    assert "completed" in captured.out
    n = len((SAMPLES / "articles.jsonl").read_text().splitlines()) + 2
    for stage in ("read", "plan", "extract", "validate", "load"):
        assert re.search(rf"^{stage}: ", captured.err, re.MULTILINE), stage
    assert re.search(rf"^extract: {n}/{n} articles in [0-9.]+ s \([0-9,]+ articles/s\)", captured.err, re.MULTILINE)
    assert main(["reprocess", "--db", str(db), "--no-export", "--task-runner", "thread"]) == 0
    assert re.search(rf"^load: {n}/{n} articles", capsys.readouterr().err, re.MULTILINE)


# ---- the README ----------------------------------------------------------------------------------

def _readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line.split("#")[0].split()[1:] for line in re.findall(r"^\.venv/bin/ruaz .*$", text, re.MULTILINE)]


def test_every_readme_command_and_flag_exists(capsys):
    commands = _readme_commands()
    assert {c[0] for c in commands} == set(COMMANDS)      # every command is documented
    helps = {}
    for command in {c[0] for c in commands}:
        assert main([command, "--help"]) == 0
        helps[command] = capsys.readouterr().out
    for words in commands:
        help_text = helps[words[0]]
        for flag in (w.strip("[]|") for w in words if w.lstrip("[").startswith("-")):
            assert re.search(rf"(?<![\w-]){re.escape(flag.split('=')[0])}(?![\w-])", help_text), (words[0], flag)
    assert "duckdb -readonly" not in (ROOT / "README.md").read_text(encoding="utf-8")


def _warehouse_from_gold(tmp_path, corpus, gold_path, drop_every=3):
    """A warehouse holding the gold mentions themselves, some dropped and some values changed, so
    that the scores are neither perfect nor trivial."""
    from datetime import datetime

    from transforms.evaluation import gold_spans
    from warehouse.store import apply_migrations

    db = tmp_path / "gold.duckdb"
    con = duckdb.connect(str(db))
    apply_migrations(con, datetime(2026, 1, 1))
    articles = {json.loads(l)["id"]: json.loads(l) for l in open(corpus, encoding="utf-8")}
    k = 0
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        a = articles[g["id"]]
        con.execute("INSERT INTO articles (article_id, source, source_format, language, text, n_chars, content_sha256,"
                    " extractor_version, ingested_at, updated_at, run_id) VALUES (?, 'x', 'jsonl', ?, ?, 0, '', '',"
                    " now(), now(), 'r')", [g["id"], a.get("language"), a["text"]])
        for kind, table in (("dates", "date_mentions"), ("counts", "count_mentions"), ("documents", "document_mentions")):
            for placed in gold_spans(a["text"], g.get(kind, [])):
                k += 1
                if placed is None or k % drop_every == 0:
                    continue
                s, e, item = placed
                if table == "date_mentions":
                    value = item["value"] if k % 5 else "1999"
                    role = item.get("role") if k % 6 else "other"
                    con.execute("INSERT OR IGNORE INTO date_mentions (article_id, start_char, end_char, text, value,"
                                " granularity, is_range, is_relative, sentence_index, sentence, rule, confidence, role,"
                                " event_type) VALUES (?, ?, ?, ?, ?, 'day', false, false, 0, '', 'gold', 1, ?, ?)",
                                [g["id"], s, e, item["text"], value, role, item.get("event") if role == "event" else None])
                elif table == "count_mentions":
                    period = gold_spans(a["text"], [item["period"]])[0] if item.get("period") and k % 3 else None
                    con.execute("INSERT OR IGNORE INTO count_mentions (article_id, start_char, end_char, text, value,"
                                " kind, qualifier, sentence_index, sentence, rule, confidence, unit, measure,"
                                " period_start_char, period_end_char) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', 'gold', 1,"
                                " ?, ?, ?, ?)",
                                [g["id"], s, e, item["text"], item["value"], item["kind"],
                                 item.get("qualifier", "exact") if k % 4 else "about",
                                 item.get("unit") if k % 7 else "item", item.get("measure"),
                                 period[0] if period else None, period[1] if period else None])
                else:
                    con.execute("INSERT OR IGNORE INTO document_mentions (article_id, start_char, end_char, text, "
                                "doc_type, document_id, name_key, link_method, link_confidence, sentence_index, "
                                "sentence, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, NULL, 'gold', 1, 0, '', 'gold', 1)",
                                [g["id"], s, e, item["text"], item["type"], item.get("canonical") if k % 7 else "other"])
    con.close()
    return db


def test_evaluate_prints_the_same_figures_as_the_shared_scorer(tmp_path, capsys):
    corpus = shared_file("corpus", "dev.jsonl")
    gold = shared_file("corpus", "dev-gold.jsonl")
    db = _warehouse_from_gold(tmp_path, corpus, gold)
    assert main(["evaluate", "--gold", str(gold), "--db", str(db), "--errors", "5"]) == 0
    ours = capsys.readouterr().out
    theirs = subprocess.run([sys.executable, str(shared_file("eval", "score.py")), "--gold", str(gold), "--db", str(db),
                             "--errors", "5"], capture_output=True, text=True, check=True).stdout
    assert ours.strip() == theirs.strip()
    assert "(1.0, 1.0, 1.0)" not in ours.splitlines()[2]   # the fixture is imperfect on purpose
