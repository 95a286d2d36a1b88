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

from helpers import DATA_TABLES, ROOT, dump, query
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

    staging = lambda: list(tmp_path.glob(".w.duckdb.staging-*"))  # noqa: E731
    kill_points = {
        "while starting": lambda: True,
        "while the staging copy is written": lambda: bool(staging()),
        "just before publishing": lambda: bool(staging()) and _staging_is_big(staging()),
    }
    for label, moment in kill_points.items():
        process = _cli(tmp_path, both, db, export)
        assert _wait_for(lambda: moment() or process.poll() is not None), label
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
    assert not staging()


def _staging_is_big(paths) -> bool:
    try:
        return any(p.stat().st_size > 4_000_000 for p in paths)
    except FileNotFoundError:
        return False
