"""Benchmark: extraction speed, end-to-end runs at 1k/10k/100k articles, unchanged reruns,
and dateparser's search_dates on the same articles as the baseline, in one run.

    make bench                       # all sizes
    .venv/bin/python scripts/bench.py --sizes 1000 10000 --baseline-articles 300

Corpora are built from the project's own samples (scripts/synthetic_corpus.py), varied so that no
two articles are the same. Prints a Markdown table (the README's "Benchmark" section is a copy).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_corpus import write_corpus  # noqa: E402


def read_corpus(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def extraction_rate(articles: list[dict]) -> dict[str, float]:
    """Articles per second on one core: each extractor alone, and all three as the pipeline runs them."""
    from transforms.counts import extract_counts
    from transforms.dates import extract_dates
    from transforms.documents import extract_documents, link_documents
    from transforms.extract import extract_article
    from warehouse.registry import load_registry

    registry = load_registry()
    rows = [(a["id"], a["text"], a["language"], dt.date.fromisoformat(a["published"]) if a["published"] else None)
            for a in articles]

    def timed(fn) -> float:
        start = time.process_time()
        for row in rows:
            fn(row)
        return len(rows) / (time.process_time() - start)

    dates_of = {r[0]: extract_dates(r[1], r[2], r[3]) for r in rows}   # documents take the date mentions

    def documents(r):
        found = extract_documents(r[1], r[2], dates_of[r[0]])
        link_documents(r[1], r[2], r[3], found, registry, dates_of[r[0]])

    return {
        "dates": timed(lambda r: extract_dates(r[1], r[2], r[3])),
        "counts": timed(lambda r: extract_counts(r[1], r[2])),
        "documents": timed(documents),
        "all three (with sentences, as loaded)": timed(lambda r: extract_article(*r, registry=registry)),
    }


def dateparser_rate(articles: list[dict]) -> float:
    """dateparser's search_dates with the language fixed (the fast way to call it), articles/s on one core."""
    from dateparser.search import search_dates

    settings = {"DATE_ORDER": "DMY"}
    search_dates("warm up", languages=["en"], settings=settings)
    start = time.process_time()
    for a in articles:
        search_dates(a["text"], languages=[a["language"]], settings=settings)
    return len(articles) / (time.process_time() - start)


class PeakMemory:
    """Peak of the summed PSS (proportional set size) of a process and all its descendants, sampled
    every 0.2 s. PSS splits shared pages between the processes that share them, so the sum is the
    memory the run really holds (summed RSS would count the interpreter and libraries once per
    process)."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_full_info().pss
                    except psutil.NoSuchProcess:
                        pass
                self.peak = max(self.peak, total)
            except psutil.NoSuchProcess:
                return
            time.sleep(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def ruaz_run(corpus: Path, db: Path, export: Path, env: dict) -> tuple[float, int, dict]:
    """Wall seconds, peak memory (bytes, PSS of the whole process tree) and the run's timings."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(corpus), "--db", str(db),
                                "--export", str(export)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    out, err = process.communicate()
    peak = memory.stop()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"ruaz run failed:\n{err[-3000:]}")
    timings_line = next((l for l in out.splitlines() if "timings" in l), "")
    return wall, peak, {"summary": timings_line.strip()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--rate-articles", type=int, default=5_000, help="articles for the extraction-rate measure")
    ap.add_argument("--baseline-articles", type=int, default=1_000, help="articles for dateparser's rate")
    ap.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    ap.add_argument("--extractors-only", action="store_true",
                    help="only the extraction rates (no dateparser baseline, no end-to-end runs)")
    a = ap.parse_args()
    if a.extractors_only:
        a.sizes = [max(a.sizes)] if a.sizes != ap.get_default("sizes") else [a.rate_articles]

    a.workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(a.workdir / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    corpora = {n: write_corpus(a.workdir / f"corpus-{n}.jsonl", n, seed=n) for n in a.sizes}
    sample = read_corpus(corpora[max(a.sizes)], a.rate_articles)

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"\n### Extraction, one core ({len(sample)} articles, mean {sum(len(x['text']) for x in sample) // len(sample)} chars)\n")
    print("| extractor | articles/s per core |\n| --- | ---: |")
    for name, rate in extraction_rate(sample).items():
        print(f"| {name} | {rate:,.0f} |")
    if a.extractors_only:
        return 0
    base = sample[: a.baseline_articles]
    print(f"| baseline: dateparser `search_dates` (dates only, language fixed; {len(base)} articles) | "
          f"{dateparser_rate(base):,.0f} |")

    print("\n### End to end (`ruaz run`, 2 worker processes, fresh warehouse, Parquet export)\n")
    print("| articles | wall time | articles/s | peak memory (PSS) | unchanged rerun | rerun peak memory |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    details = []
    for n, corpus in corpora.items():
        db, export = a.workdir / f"bench-{n}.duckdb", a.workdir / f"export-{n}"
        db.unlink(missing_ok=True)
        shutil.rmtree(export, ignore_errors=True)
        wall, peak, info = ruaz_run(corpus, db, export, env)
        rerun_wall, rerun_peak, rerun_info = ruaz_run(corpus, db, export, env)
        print(f"| {n:,} | {wall:,.1f} s | {n / wall:,.0f} | {peak / 2**30:.2f} GB | {rerun_wall:,.1f} s | "
              f"{rerun_peak / 2**30:.2f} GB |", flush=True)
        details.append(f"{n:,}: first run {info['summary']}; rerun {rerun_info['summary']}")
    print("\nStage timings reported by the runs (seconds):")
    for line in details:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
