"""Stopping `ruaz` (issue 16): Ctrl-C and SIGTERM end a run with exit 130 / 143, one line and the
published warehouse as it was; however `ruaz` dies, its temporary Prefect server and its
extraction workers do not stay.

Each test runs `ruaz run` as a user does, in its own process group, on a corpus large enough to be
stopped while it extracts. No test times anything: each waits (with a generous timeout) for what
must happen."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import ROOT, dump

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.slow

DATA = ("articles", "date_mentions", "count_mentions", "document_mentions", "ingest_errors", "quarantine", "pipeline_runs")


class Run:
    """`ruaz run` in a process group of its own (as a shell starts a job), its stderr read as it comes."""

    def __init__(self, tmp_path: Path, corpus: Path, db: Path, **settings: str):
        env = {name: value for name, value in os.environ.items()
               if not name.startswith("RUAZ_") and name != "PREFECT_API_URL"}   # only the settings given here
        env.update(PREFECT_HOME=str(tmp_path / "prefect-cli"), **settings)
        self.process = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(corpus),
                                         "--db", str(db), "--no-export"], cwd=ROOT, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, process_group=0)
        self.lines: list[str] = []
        self._new_line = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            with self._new_line:
                self.lines.append(line)
                self._new_line.notify_all()

    def wait_for(self, stage: str) -> None:
        """Until the run reports ``stage`` (its progress line starts so) and is still running."""
        with self._new_line:
            found = self._new_line.wait_for(lambda: any(line.startswith(stage) for line in self.lines), 600)
        assert found, "".join(self.lines)[-2000:]
        assert self.process.poll() is None, "the run ended before it could be stopped"

    def wait_until_extracting(self) -> None:
        self.wait_for("plan:")

    def server(self) -> int:
        """The pid of the temporary Prefect server this run started."""
        [pid] = [p for p in children(self.process.pid) if b"uvicorn" in Path(f"/proc/{p}/cmdline").read_bytes()]
        return pid

    def workers(self) -> list[int]:
        """The extraction worker processes of this run (multiprocessing's spawned children)."""
        return [p for p in children(self.process.pid) if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes()]

    def finish(self, timeout: float = 120) -> tuple[int, str]:
        code = self.process.wait(timeout)
        time.sleep(0.2)
        return code, "".join(self.lines)


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def gone(pid: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":                # dead, waiting for its parent (init) to reap it
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A warehouse published by one complete run, and a corpus that takes a while to extract."""
    root = tmp_path_factory.mktemp("signals")
    first = write_corpus(root / "first.jsonl", 50, seed=3)
    db = root / "w.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(root / "prefect-cli")}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--input", str(first), "--db", str(db),
                           "--no-export"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return db, write_corpus(root / "large.jsonl", 6000, seed=4), dump(db, DATA)


@pytest.mark.parametrize("sig,code,word,to_group", [(signal.SIGINT, 130, "interrupted", True),
                                                   (signal.SIGTERM, 143, "terminated", False)])
def test_a_stopped_run_exits_at_once_and_publishes_nothing(published, tmp_path, sig, code, word, to_group):
    db, corpus, before = published
    run = Run(tmp_path, corpus, db)
    run.wait_until_extracting()
    server = run.server()
    (os.killpg if to_group else os.kill)(run.process.pid, sig)     # Ctrl-C reaches the whole job
    exit_code, stderr = run.finish()
    assert exit_code == code, stderr[-2000:]
    assert stderr.strip().splitlines()[-1] == f"ruaz: {word}; this run published nothing (the warehouse is as it was)"
    assert "Traceback" not in stderr
    assert dump(db, DATA) == before
    assert not list(db.parent.glob(f".{db.name}.staging-*"))
    assert gone(server)


def test_a_killed_run_leaves_no_prefect_server_and_no_worker(published, tmp_path):
    db, corpus, before = published
    # extraction on worker processes, as a large run does
    run = Run(tmp_path, corpus, db, RUAZ_TASK_RUNNER="process", RUAZ_PARALLEL_MIN_ARTICLES="10", RUAZ_CHUNK_SIZE="500", RUAZ_BATCH_SIZE="100")
    run.wait_until_extracting()
    server = run.server()
    # every worker process seen while the run extracts (the pool starts with the first chunk; how
    # soon its processes show depends on the machine's load): the run is killed once one is seen
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    while not workers and run.process.poll() is None and time.monotonic() < deadline:
        workers |= set(run.workers())
        time.sleep(0.02)
    assert run.process.poll() is None, "the run ended before it could be killed"
    run.process.kill()                                              # SIGKILL, as the OOM killer does
    run.finish()
    assert workers, "no extraction worker process was seen while the run extracted"
    assert gone(server), "the temporary Prefect server outlived ruaz"
    assert all(gone(worker) for worker in workers), "an extraction worker outlived ruaz"
    assert dump(db, DATA) == before
