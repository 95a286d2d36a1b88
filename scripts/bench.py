"""Benchmark, in one run: the extractors against dateparser, end-to-end runs at 1k/10k/100k (first run,
unchanged rerun, one new article with and without a running Prefect server), and the growth table
(+1,000 new articles into warehouses of 10k, 100k and 1M articles), with the peak memory of each
run's whole process tree.

    make bench                                   # everything (builds the growth warehouses if missing)
    make bench-warehouses                        # build the growth warehouses once (the 1M one takes a while)
    .venv/bin/python scripts/bench.py --sizes 1000 --growth 10000 --rate-articles 1000   # a quick one

Corpora are built from the project's own samples (scripts/synthetic_corpus.py), varied so that no two
articles are the same. The growth warehouses live in --bench-dir (default data/bench; keep the 1M one
outside the repository, e.g. BENCH_DIR=/work/bench-data): built by `ruaz run`'s flow in runs of 100k
articles whose dates lie 31 days apart, as a warehouse that grew over months (a run compares new
articles with the stories of the last 30 days, RUAZ_STORY_WINDOW_DAYS). Each bench run adds 1,000
new articles to each of them (so they grow by 1k per bench run). Prints Markdown tables (the
README's "Benchmark" section is a copy).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_corpus import synthetic_articles, write_corpus  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
BUILD_STEP = 100_000          # articles per build run of a growth warehouse
BUILD_SPACING_DAYS = 31       # between the build runs' dates (the story window is 30 days)


def read_corpus(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


# ---- extraction ------------------------------------------------------------------------------------

def extraction_rates(articles: list[dict], min_seconds: float = 3.0) -> dict[str, float]:
    """Articles per second of CPU time on one core: each extractor alone, and all three as the
    pipeline runs them (sentences and row building included). Small sets are repeated until each
    measure took ``min_seconds``."""
    from transforms.counts import extract_counts
    from transforms.dates import extract_dates
    from transforms.documents import extract_documents, link_documents
    from transforms.extract import extract_article
    from warehouse.registry import load_registry

    registry = load_registry()
    rows = [(a["id"], a["text"], a.get("language"),
             dt.date.fromisoformat(a["published"][:10]) if a.get("published") else None) for a in articles]

    def timed(fn) -> float:
        n, start = 0, time.process_time()
        while True:
            for row in rows:
                fn(row)
            n += len(rows)
            spent = time.process_time() - start
            if spent >= min_seconds:
                return n / spent

    dates_of = {r[0]: extract_dates(r[1], r[2], r[3]) for r in rows}   # documents take the date mentions

    def documents(r):
        found = extract_documents(r[1], r[2], dates_of[r[0]])
        link_documents(r[1], r[2], r[3], found, registry, dates_of[r[0]])

    for row in rows[:20]:   # warm the caches and lazy imports first
        extract_article(*row, registry=registry)
    return {
        "dates": timed(lambda r: extract_dates(r[1], r[2], r[3])),
        "counts": timed(lambda r: extract_counts(r[1], r[2])),
        "documents": timed(documents),
        "all three, with sentences and rows, as loaded": timed(lambda r: extract_article(*r, registry=registry)),
    }


def dateparser_rate(articles: list[dict], min_seconds: float = 3.0) -> float:
    """dateparser's search_dates with the language fixed (its fast way), articles/s on one core."""
    from dateparser.search import search_dates

    settings = {"DATE_ORDER": "DMY"}
    search_dates("warm up 1 May 2020", languages=["en"], settings=settings)
    n, start = 0, time.process_time()
    while True:
        for a in articles:
            search_dates(a["text"], languages=[a.get("language") or "en"], settings=settings)
        n += len(articles)
        spent = time.process_time() - start
        if spent >= min_seconds:
            return n / spent


# ---- runs ------------------------------------------------------------------------------------------

class PeakMemory:
    """Peak of the summed PSS (proportional set size) of a process and all its descendants, sampled
    every 0.1 s. PSS splits shared pages between the processes that share them, so the sum is the
    memory the run really holds (summed RSS would count the interpreter and libraries once per process)."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                total = 0
                for p in [self.process, *self.process.children(recursive=True)]:
                    try:
                        total += p.memory_full_info().pss
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
                self.peak = max(self.peak, total)
            except psutil.NoSuchProcess:
                return
            time.sleep(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed_process(argv: list[str], env: dict) -> tuple[float, int, str]:
    """(wall seconds, peak PSS bytes of the process tree, stdout); raises when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    out, err = process.communicate()
    peak = memory.stop()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[2:5])} failed ({process.returncode}):\n{out[-2000:]}\n{err[-3000:]}")
    return wall, peak, out


def ruaz_run(inputs: list[Path], db: Path, export: Path, env: dict) -> tuple[float, int, str]:
    wall, peak, out = timed_process([sys.executable, "-m", "flows.cli", "run", "--input", *map(str, inputs),
                                     "--db", str(db), "--export", str(export)], env)
    timings = next((line.split(":", 1)[1].strip() for line in out.splitlines() if "timings" in line), "")
    return wall, peak, timings


def one_article(path: Path, seed: int) -> Path:
    record = next(synthetic_articles(1, seed=seed))
    record["id"] = f"new-{seed}-{time.time_ns()}"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


class PrefectServer:
    """A local Prefect server for the runs that use one (PREFECT_API_URL), started and stopped here."""

    def __init__(self, home: Path, env: dict):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {**env, "PREFECT_HOME": str(home)}
        self.process = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host",
                                         "127.0.0.1", "--port", str(self.port)], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        import urllib.request

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("the Prefect server did not start")

    def stop(self) -> None:
        import signal

        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


# ---- growth warehouses -------------------------------------------------------------------------------

BUILD = r"""
import datetime as dt, json, sys
sys.path.insert(0, sys.argv[1])
from flows.pipeline import RunOptions, run_pipeline
corpus, db, export, run_at = sys.argv[2], sys.argv[3], sys.argv[4], dt.datetime.fromisoformat(sys.argv[5])
summary = run_pipeline(inputs=[corpus], db=db, export_dir=export, run_at=run_at, options=RunOptions())
print(json.dumps({"status": summary.status, "new": summary.n_articles_new, "timings": summary.timings}))
"""


def growth_paths(bench_dir: Path, size: int) -> tuple[Path, Path]:
    root = bench_dir / f"warehouse-{size}"
    return root / "ruaz.duckdb", root / "lake"


def stored_articles(db: Path) -> int:
    import duckdb

    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def build_warehouse(bench_dir: Path, size: int, env: dict) -> None:
    """A warehouse of ``size`` articles, built by runs of BUILD_STEP articles dated 31 days apart
    (ending 60 days ago); resumed where a previous build stopped."""
    db, lake = growth_paths(bench_dir, size)
    db.parent.mkdir(parents=True, exist_ok=True)
    steps = max(size // BUILD_STEP, 1)
    step = size // steps
    end = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=60)
    for i in range(steps):
        if stored_articles(db) >= step * (i + 1):
            continue
        corpus = write_corpus(bench_dir / f"build-{size}-{i}.jsonl", step, seed=10_000 + i)
        run_at = end - dt.timedelta(days=BUILD_SPACING_DAYS * (steps - 1 - i))
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(corpus), str(db), str(lake), run_at.isoformat()],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"building {db} failed:\n{out.stderr[-3000:]}")
        corpus.unlink()
        print(f"  built {db}: run {i + 1}/{steps} ({step:,} articles dated {run_at:%Y-%m-%d}) in "
              f"{time.perf_counter() - start:,.0f} s", file=sys.stderr, flush=True)


# ---- main --------------------------------------------------------------------------------------------

def gb(n: int) -> str:
    return f"{n / 2**30:.2f} GB"


def environment(workdir: Path) -> dict:
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "PREFECT_LOGGING_LEVEL": "WARNING",
           "GX_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    return env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", nargs="?", default="all", choices=["all", "extractors", "build-warehouses"])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000], help="end-to-end sizes")
    ap.add_argument("--growth", type=int, nargs="+", default=[10_000, 100_000, 1_000_000],
                    help="sizes of the warehouses that get +1,000 articles")
    ap.add_argument("--rate-articles", type=int, default=5_000, help="bench-corpus articles for the extraction rates")
    ap.add_argument("--baseline-articles", type=int, default=1_000, help="of them, for dateparser's rate")
    ap.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    ap.add_argument("--bench-dir", type=Path, default=Path(os.environ.get("BENCH_DIR", ROOT / "data" / "bench")),
                    help="where the growth warehouses are kept (BENCH_DIR)")
    a = ap.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    a.bench_dir.mkdir(parents=True, exist_ok=True)
    env = environment(a.workdir)

    if a.command == "build-warehouses":
        for size in a.growth:
            build_warehouse(a.bench_dir, size, env)
        return 0

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    print(f"machine: {cpu or platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GB, Python {platform.python_version()}; "
          f"{dt.date.today().isoformat()}; load average at start {os.getloadavg()[0]:.1f}")

    bench_sample = read_corpus(write_corpus(a.workdir / "rates.jsonl", a.rate_articles, seed=4242))
    sets = [("bench corpus", bench_sample, bench_sample[: a.baseline_articles])]
    if DEV.exists():
        dev = read_corpus(DEV)
        sets.append(("real dev articles", dev, dev))
    print("\n### Extraction, one core (CPU time; all three extractors must reach 2,000 articles/s per core)\n")
    print("| extractor | " + " | ".join(f"{name} ({len(arts):,} articles, mean "
                                         f"{sum(len(x['text']) for x in arts) // len(arts):,} chars)"
                                         for name, arts, _ in sets) + " |")
    print("| --- |" + " ---: |" * len(sets))
    rates = [extraction_rates(arts) for _, arts, _ in sets]
    for key in rates[0]:
        bold = "**" if key.startswith("all three") else ""
        print(f"| {key} | " + " | ".join(f"{bold}{r[key]:,.0f}{bold}" for r in rates) + " |")
    print("| baseline: dateparser `search_dates` (dates only, language fixed) | "
          + " | ".join(f"{dateparser_rate(base):,.0f}" for _, _, base in sets) + " |", flush=True)
    if a.command == "extractors":
        return 0

    print("\n### End to end (`ruaz run`: read, plan, extract, validate, load, publish the lake snapshot)\n")
    print("Fresh warehouse, then the same input again (unchanged), then one new article: with Prefect's temporary "
          "server (what a plain `ruaz run` starts) and with a running `prefect server` (PREFECT_API_URL). Peak memory: "
          "PSS of the run's whole process tree (flow, workers, temporary server; a running server is not counted).\n")
    print("| articles | first run | articles/s | peak memory | unchanged rerun | peak memory | one new article | "
          "peak memory | one new article, running server | peak memory |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    details = []
    server = PrefectServer(a.workdir / "prefect-server", env)
    try:
        served = {**env, "PREFECT_API_URL": server.url, "PREFECT_HOME": server.env["PREFECT_HOME"]}
        for n in a.sizes:
            corpus = write_corpus(a.workdir / f"corpus-{n}.jsonl", n, seed=n)
            root = a.workdir / f"run-{n}"
            shutil.rmtree(root, ignore_errors=True)
            db, export = root / "ruaz.duckdb", root / "export"
            first = ruaz_run([corpus], db, export, env)
            rerun = ruaz_run([corpus], db, export, env)
            single = ruaz_run([one_article(a.workdir / "one.jsonl", n + 1)], db, export, env)
            ruaz_run([one_article(a.workdir / "one.jsonl", n + 2)], db, export, served)   # the server's first run warms it
            single_served = ruaz_run([one_article(a.workdir / "one.jsonl", n + 3)], db, export, served)
            print(f"| {n:,} | {first[0]:,.1f} s | {n / first[0]:,.0f} | {gb(first[1])} | {rerun[0]:,.1f} s | "
                  f"{gb(rerun[1])} | {single[0]:,.1f} s | {gb(single[1])} | {single_served[0]:,.1f} s | "
                  f"{gb(single_served[1])} |", flush=True)
            details += [f"{n:,} first run: {first[2]}", f"{n:,} unchanged rerun: {rerun[2]}",
                        f"{n:,} one new article: {single[2]}", f"{n:,} one new article, running server: {single_served[2]}"]
            shutil.rmtree(root, ignore_errors=True)
            corpus.unlink()
        print("\nStage timings the runs reported (seconds):")
        for line in details:
            print(f"- {line}")

        print("\n### Growth: 1,000 new articles into a warehouse that holds N (running server)\n")
        print("| warehouse holds | +1,000 articles | peak memory | its stages (s) |")
        print("| ---: | ---: | ---: | --- |")
        for size in a.growth:
            db, lake = growth_paths(a.bench_dir, size)
            if stored_articles(db) < size:
                print(f"  building the {size:,}-article warehouse in {db.parent} (once) …", file=sys.stderr, flush=True)
                build_warehouse(a.bench_dir, size, env)
            held = stored_articles(db)
            # settle: a run that adds nothing (a new migration or layout is applied here, not measured)
            settle = a.workdir / "settle.jsonl"
            settle.write_text("", encoding="utf-8")
            ruaz_run([settle], db, lake, served)
            batch = write_corpus(a.workdir / "growth.jsonl", 1_000, seed=int(time.time()) % 1_000_000 + 7)
            wall, peak, timings = ruaz_run([batch], db, lake, served)
            print(f"| {held:,} | {wall:,.1f} s | {gb(peak)} | {timings} |", flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
