"""A deployment served by `ruaz serve` on a real Prefect server (both started and stopped here):
queue policy, wall-clock times beside the scheduled time, settings of served runs, run logs, and a
drop folder whose processed files are not read again."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT, query

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.slow
PREFECT = str(Path(sys.executable).parent / "prefect")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    return None


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A Prefect server on a free loopback port, for this module only."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    process = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def healthy():
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return True
        except OSError:
            return False

    try:
        assert _wait(healthy, 120), "the Prefect server did not start"
        yield url
    finally:
        _stop(process)


def _client(url: str):
    from prefect.client.orchestration import SyncPrefectClient

    return SyncPrefectClient(api=url)


def test_a_served_inbox_deployment(server, tmp_path):
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.client.schemas.objects import StateType
    from prefect.states import Scheduled

    inbox, done, db = tmp_path / "inbox", tmp_path / "done", tmp_path / "w.duckdb"
    inbox.mkdir()
    write_corpus(inbox / "first.jsonl", 30, seed=1)
    write_corpus(inbox / "second.jsonl", 30, seed=2)
    env = {**os.environ, "PREFECT_API_URL": server, "PREFECT_HOME": str(tmp_path / "prefect-serve"),
           "RUAZ_DATA_DIR": str(tmp_path / "data"), "RUAZ_DUCKDB_MEMORY_LIMIT": "300MB",
           "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    env.pop("PREFECT_LOGGING_LEVEL", None)   # the test session's WARNING is not a user's setting
    serving = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--cron", "0 0 1 1 *", "--flow", "run",
                                "--name", "inbox", "--input", str(inbox), "--processed-dir", str(done),
                                "--db", str(db), "--no-export", "--task-runner", "thread"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        with _client(server) as client:
            deployment = _wait(lambda: _deployment(client, "ruaz-run/inbox"), 120)
            assert deployment is not None, serving.stderr.read1().decode()[-2000:] if serving.poll() else "no deployment"
            # two runs due at once, scheduled 20 minutes ago: the second finds the first going and is cancelled
            due = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=20)
            runs = [client.create_flow_run_from_deployment(deployment.id, state=Scheduled(scheduled_time=due))
                    for _ in range(2)]
            final = lambda r: client.read_flow_run(r.id).state  # noqa: E731
            assert _wait(lambda: all(final(r).is_final() for r in runs), 240), [final(r) for r in runs]
            states = sorted(final(r).type.value for r in runs)
            assert states == [StateType.CANCELLED.value, StateType.COMPLETED.value], states
            [completed] = [r for r in runs if final(r).type == StateType.COMPLETED]

            def read_logs():
                return [log.message for log in client.read_logs(
                    LogFilter(flow_run_id=LogFilterFlowRunId(any_=[completed.id])))]
            # a run's last log lines reach the server shortly after its final state (Prefect sends
            # logs in batches): wait for them rather than read once
            _wait(lambda: any(m.startswith("publish:") for m in read_logs()), 60)
            logs = read_logs()
    finally:
        _stop(serving)
    # the run says when it really ran, beside the time it was due
    [(started, finished, scheduled, parameters)] = query(
        db, "SELECT started_at, finished_at, scheduled_at, parameters FROM pipeline_runs")
    assert abs((scheduled - due.replace(tzinfo=None)).total_seconds()) < 1
    assert started - scheduled > dt.timedelta(minutes=19) and finished >= started
    # the serving process's settings are the served run's
    assert json.loads(parameters)["memory_limit"] == "300MB"
    # its stages are in Prefect's run logs, at INFO
    assert any(m.startswith("extract: 60/60 articles") for m in logs), logs
    assert any(m.startswith("publish:") for m in logs)
    # the drop folder: the files read are moved out, so the next run does not read them again
    assert sorted(p.name for p in done.iterdir()) == ["first.jsonl", "second.jsonl"]
    assert list(inbox.iterdir()) == []
    assert query(db, "SELECT count(*) FROM articles") == [(60,)]


def _deployment(client, name: str):
    try:
        return client.read_deployment_by_name(name)
    except Exception:  # noqa: BLE001 - not registered yet
        return None
