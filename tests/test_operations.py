"""Operations: failed runs are visible, readers are never locked out, SIGKILL loses nothing,
and extraction gives the same result on threads, processes and a Dask LocalCluster."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from helpers import DATA_TABLES, ROOT, dump, hold_writer_lock, query
from helpers import run_files as run

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402

pytestmark = [pytest.mark.usefixtures("prefect_engine"), pytest.mark.slow]
RUN_AT = dt.datetime(2026, 11, 2, 6, 0)


def test_failed_run_is_visible_in_prefect_and_pipeline_runs(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import StateType

    from flows.pipeline import RunOptions, run_pipeline

    db = tmp_path / "w.duckdb"
    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    run([corpus], db)
    before = dump(db)
    broken = tmp_path / "registry.toml"
    broken.write_text("[[document]\nthis is not TOML")
    state = run_pipeline(inputs=[str(corpus)], db=str(db), run_at=RUN_AT, return_state=True,
                         options=RunOptions(registry_path=str(broken)))
    assert state.type == StateType.FAILED
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(flow_run_id).state.type == StateType.FAILED
    [(status, error, recorded_id)] = query(db, "SELECT status, error, flow_run_id FROM pipeline_runs WHERE status <> 'completed'")
    assert status == "failed" and "TOML" in error and recorded_id == str(flow_run_id)
    assert {t: v for t, v in dump(db).items()} == before   # data untouched


READER = r"""
import duckdb, json, sys, time, os
db, stop, out = sys.argv[1:4]
seen, errors, n = [], [], 0
while not os.path.exists(stop):
    if not os.path.exists(db):
        continue
    try:
        con = duckdb.connect(db, read_only=True)
        runs, articles, orphans = con.execute(
            "SELECT (SELECT count(*) FROM pipeline_runs), (SELECT count(*) FROM articles),"
            " (SELECT count(*) FROM date_mentions m WHERE m.article_id NOT IN (SELECT article_id FROM articles))"
        ).fetchone()
        con.close()
        seen.append([runs, articles, orphans]); n += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
json.dump({"seen": seen, "errors": errors, "n": n}, open(out, "w"))
"""


def test_readers_are_never_locked_out_during_runs(tmp_path):
    db = tmp_path / "w.duckdb"
    parts = [write_corpus(tmp_path / f"part{i}.jsonl", 200, seed=i) for i in range(3)]
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(out)])
    try:
        for i in range(3):
            run(parts[: i + 1], db, run_at=RUN_AT + dt.timedelta(hours=i))
            time.sleep(0.3)
    finally:
        stop.touch()
        reader.wait(60)
    report = json.loads(out.read_text())
    assert report["errors"] == [] and report["n"] > 10
    # every snapshot a reader saw is one a run published: (runs, articles) = (1, 200), (2, 400), (3, 600)
    assert {tuple(s) for s in report["seen"]} <= {(1, 200, 0), (2, 400, 0), (3, 600, 0)}
    assert (3, 600, 0) in {tuple(s) for s in report["seen"]}


@pytest.mark.parametrize("runner", ["process", "dask"])
def test_parallel_runners_give_the_same_tables_as_one_thread(tmp_path, runner):
    corpus = write_corpus(tmp_path / "in.jsonl", 60)
    run([corpus], tmp_path / "one.duckdb", task_runner="thread", workers=1)
    run([corpus], tmp_path / "many.duckdb", task_runner=runner, workers=2, batch_size=15, parallel_min_articles=0)
    ignore = {"articles": "run_id"}
    def comparable(db):
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {t: con.execute(f"SELECT * EXCLUDE ({ignore[t]}) FROM {t} ORDER BY ALL" if t in ignore
                                   else f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in DATA_TABLES}
        finally:
            con.close()
    assert comparable(tmp_path / "one.duckdb") == comparable(tmp_path / "many.duckdb")


# ---- SIGKILL ------------------------------------------------------------------------------------

def _cli(tmp_path: Path, corpus: Path, db: Path, export: Path) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-cli"), "RUAZ_DATA_DIR": str(tmp_path / "data")}
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(corpus), "--db", str(db),
                             "--export", str(export)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)   # a group: the kill takes its Prefect server too


def _wait_for(predicate, timeout=120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def test_sigkill_at_any_stage_loses_and_duplicates_nothing(tmp_path):
    first = write_corpus(tmp_path / "first.jsonl", 300, seed=1)
    both = tmp_path / "both.jsonl"
    both.write_text(first.read_text() + write_corpus(tmp_path / "second.jsonl", 1500, seed=2).read_text())
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    reference = tmp_path / "reference.duckdb"
    run([both], reference, run_at=RUN_AT)
    run([first], db, export, run_at=RUN_AT)
    loaded_before = dump(db)
    state_wal = tmp_path / ".w" / "state.duckdb.wal"

    building = lambda: list((export / "snapshots").glob(".building-*"))  # noqa: E731
    kill_points = {
        "while starting": lambda: True,
        "while the state store is written": lambda: state_wal.exists() and state_wal.stat().st_size > 300_000,
        "while the snapshot is built": lambda: bool(building()),
    }
    for label, moment in kill_points.items():
        process = _cli(tmp_path, both, db, export)
        assert _wait_for(lambda: moment() or process.poll() is not None, timeout=600), label
        if label == "while starting":
            time.sleep(3)
        assert process.poll() is None, f"the run ended before it could be killed {label}"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
        state = dump(db)
        # the published warehouse is either untouched or the complete new state, never in between
        assert state == loaded_before or len(state["articles"]) == 1800, label

    process = _cli(tmp_path, both, db, export)
    assert process.wait(300) == 0, process.stderr.read().decode()[-2000:]
    final = dump(db)
    expected = dump(reference)
    for table in ("date_mentions", "count_mentions", "document_mentions", "documents"):
        assert final[table] == expected[table], table
    assert [r[0] for r in final["articles"]] == [r[0] for r in expected["articles"]]   # no article twice
    # the killed runs that had the writer lock are recorded as failed, none as completed
    died = query(db, "SELECT status, error FROM pipeline_runs WHERE error LIKE '%before it finished%'")
    assert len(died) >= 2 and {status for status, _ in died} == {"failed"}
    assert query(db, "SELECT count(*) FROM pipeline_runs WHERE status = 'completed'") == [(2,)]


# ---- runs that record the truth ------------------------------------------------------------------

def test_a_run_refused_by_the_writer_lock_is_recorded_in_pipeline_runs(tmp_path):
    import multiprocessing

    from flows.pipeline import RunFailed
    from warehouse.store import WarehouseBusy

    db = tmp_path / "w.duckdb"
    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    run([corpus], db)
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=hold_writer_lock, args=(db, ready, release))
    holder.start()
    try:
        assert ready.wait(180)
        with pytest.raises(RunFailed) as refused:
            run([corpus], db, run_at=RUN_AT + dt.timedelta(hours=1))
        assert isinstance(refused.value.__cause__, WarehouseBusy) and refused.value.summary.status == "failed"
    finally:
        release.set()
        holder.join(30)
    run([corpus], db, run_at=RUN_AT + dt.timedelta(hours=2))
    rows = query(db, "SELECT run_id, status, error FROM pipeline_runs ORDER BY started_at")
    assert [r[1] for r in rows] == ["completed", "failed", "completed"]
    assert rows[1][0] == refused.value.summary.run_id and rows[1][2].startswith("refused: another run is writing")


def test_runs_record_wall_clock_start_and_end_and_log_their_stages(tmp_path, caplog):
    import logging

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogHandler

    db = tmp_path / "w.duckdb"
    corpus = write_corpus(tmp_path / "in.jsonl", 20)
    before = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    logging.getLogger("prefect").setLevel(logging.INFO)
    try:
        summary = run([corpus], db, run_at=dt.datetime(2020, 1, 1, 3, 0))   # a run's date far from now
        APILogHandler().flush()
    finally:
        logging.getLogger("prefect").setLevel(logging.WARNING)
    after = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    [(started, finished, timings, flow_run_id, snapshot_id)] = query(
        db, "SELECT started_at, finished_at, timings, flow_run_id, snapshot_id FROM pipeline_runs")
    assert before <= started <= finished <= after
    assert set(json.loads(timings)) >= {"read", "plan", "extract", "validate", "load", "publish"}
    assert snapshot_id == summary.snapshot_id
    with get_client(sync_client=True) as client:
        logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    messages = [log.message for log in logs]
    assert any(m.startswith("extract: 20/20 articles") for m in messages), messages
    assert any(m.startswith("publish:") for m in messages) and any("completed" in m for m in messages)


def test_a_read_write_session_on_the_reader_warehouse_fails_the_run_visibly(tmp_path):
    from flows.pipeline import RunFailed

    db = tmp_path / "w.duckdb"
    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    run([corpus], db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(120)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        more = write_corpus(tmp_path / "more.jsonl", 8, seed=3)
        with pytest.raises(RunFailed, match="open read-write in another process"):
            run([more], db, run_at=RUN_AT + dt.timedelta(hours=1))
    finally:
        holder.kill()
        holder.wait()
    assert not (tmp_path / "w.duckdb.wal").exists()
    run([more], db, run_at=RUN_AT + dt.timedelta(hours=2))
    statuses = query(db, "SELECT status, error FROM pipeline_runs ORDER BY started_at")
    assert [s for s, _ in statuses] == ["completed", "failed", "completed"]
    assert "open read-write" in statuses[1][1]
    assert query(db, "SELECT count(*) FROM articles") == [(13,)]


# ---- readers of the lake during alternating publishes ------------------------------------------

LAKE_READER = r"""
import duckdb, json, os, sys, time
sys.path.insert(0, sys.argv[4])
from warehouse.reader import open_snapshot
kind, target, stop, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[5]
n, errors, mixed, versions = 0, [], 0, set()
while not os.path.exists(stop):
    try:
        if kind == "polars":
            import polars as pl
            snapshot = open_snapshot(target)
            titles = set(pl.scan_parquet(snapshot.files("articles")).select("title").collect()["title"].to_list())
            rules = set(pl.scan_parquet(snapshot.files("date_mentions")).select("rule").collect()["rule"].to_list())
        else:
            con = duckdb.connect(target, read_only=True)
            titles = {r[0] for r in con.execute("SELECT DISTINCT title FROM articles").fetchall()}
            rules = {r[0] for r in con.execute("SELECT DISTINCT rule FROM date_mentions").fetchall()}
            con.close()
        n += 1
        if len(titles) != 1 or titles != rules:
            mixed += 1
        versions |= titles
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
json.dump({"n": n, "errors": errors, "mixed": mixed, "versions": sorted(versions)}, open(out, "w"))
"""


def test_lake_readers_see_whole_snapshots_during_alternating_publishes(tmp_path):
    """Polars readers following the pointer and DuckDB readers of the reader's warehouse, in their own
    processes, while publishes alternate between two versions of every article: no error, no read
    that mixes the articles of one publish with the mentions of another."""
    from helpers import write_warehouse

    db, export, stop = tmp_path / "w.duckdb", tmp_path / "export", tmp_path / "stop"

    def version(v):
        def write(con):
            for i in range(40):
                text = f"Bakı {i} fevral 2022 v{v}"
                con.execute("""INSERT OR REPLACE INTO articles (article_id, source, source_format, language, published,
                                   title, text, n_chars, content_sha256, extractor_version, ingested_at, updated_at,
                                   run_id) VALUES (?, 'x', 'jsonl', ?, ?::DATE, ?, ?, ?, sha256(?), 'v', now(), now(), 'r')""",
                            [f"a{i}", ("az", "ru", "en")[i % 3], f"20{10 + i % 7}-01-01", f"v{v}", text, len(text), text])
                con.execute("DELETE FROM date_mentions WHERE article_id = ?", [f"a{i}"])
                con.execute("INSERT INTO date_mentions (article_id, start_char, end_char, text, value, value_start, "
                            "value_end, granularity, is_range, is_relative, sentence_index, sentence, rule, confidence) "
                            "VALUES (?, 0, 4, 'Bakı', '2022', NULL, NULL, 'year', false, false, 0, ?, ?, 1)",
                            [f"a{i}", text, f"v{v}"])
        return write

    write_warehouse(db, version(0), export)
    readers = [subprocess.Popen([sys.executable, "-c", LAKE_READER, kind, str(target), str(stop), str(ROOT),
                                 str(tmp_path / f"{kind}-{i}.json")])
               for i, (kind, target) in enumerate([("polars", export), ("duckdb", db), ("polars", export)])]
    try:
        for k in range(1, 25):
            write_warehouse(db, version(k % 2), export, run_id=f"r{k}")
    finally:
        stop.touch()
        for reader in readers:
            reader.wait(60)
    reports = [json.loads((tmp_path / f"{kind}-{i}.json").read_text())
               for i, kind in enumerate(["polars", "duckdb", "polars"])]
    assert [r["errors"] for r in reports] == [[], [], []]
    assert sum(r["mixed"] for r in reports) == 0
    assert sum(r["n"] for r in reports) >= 1000, [r["n"] for r in reports]
    assert all(r["versions"] == ["v0", "v1"] for r in reports)   # each reader saw both versions


# ---- one-line errors ---------------------------------------------------------------------------

def _one_line_error(capsys) -> tuple[str, str]:
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert "Traceback" not in captured.err + captured.out
    return lines[-1], captured.out


def test_a_corrupt_state_store_fails_the_run_in_one_line_and_is_left_as_it_is(tmp_path, capsys):
    from flows.cli import main

    db = tmp_path / "w.duckdb"
    (tmp_path / ".w").mkdir()
    (tmp_path / ".w" / "state.duckdb").write_bytes(b"garbage" * 1000)
    code = main(["run", "--input", str(ROOT / "samples" / "seed.txt"), "--db", str(db), "--no-export",
                 "--task-runner", "thread"])
    line, out = _one_line_error(capsys)
    assert code == 1 and line.startswith("ruaz: cannot open the state store") and "run " in out and ": failed" in out
    assert (tmp_path / ".w" / "state.duckdb").read_bytes() == b"garbage" * 1000
    assert not list(tmp_path.glob("**/*staging*")) and not list(tmp_path.glob("**/*failed*"))


def test_a_warehouse_path_that_cannot_be_written_is_one_line(tmp_path, capsys):
    from flows.cli import main

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    code = main(["run", "--input", str(ROOT / "samples" / "seed.txt"), "--db", str(blocker / "w.duckdb"),
                 "--no-export", "--task-runner", "thread"])
    line, _ = _one_line_error(capsys)
    assert code == 1 and line.startswith("ruaz: cannot write beside") and str(blocker) in line


def test_an_export_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    from flows.cli import main

    db = tmp_path / "w.duckdb"
    run([ROOT / "samples" / "seed.txt"], db)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["export", "--db", str(db), "--out", str(blocker / "out")]) == 1
    line, _ = _one_line_error(capsys)
    assert line.startswith("ruaz: ") and "not-a-folder" in line
