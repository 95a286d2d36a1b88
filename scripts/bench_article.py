"""Benchmark: the time and memory of ONE article as it grows (10k, 100k, 1M characters), dense with
numbers and document titles and without a full stop (the worst case of issue 16: every mention in
one sentence; the same title noun thousands of times on one line).

    .venv/bin/python scripts/bench_article.py                 # 10k, 100k, 1M characters; az, ru, en
    .venv/bin/python scripts/bench_article.py --sizes 10000 100000 --languages en

Each measurement runs in a fresh process: extract_frames on a frame of that one article (as a run
extracts it, mention frames included), after a warm-up article. Prints a Markdown table: CPU
seconds, seconds per 100,000 characters (flat when the cost is linear), the peak resident memory
above the warmed-up process, the mention rows and the size of their frames.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PIECES = {
    "en": ["12", "345", "1,200", "4.4 billion dollars", "$2.14 bn", "15%", "the Agreement on Trade and Economic "
           "Cooperation", "Agreement on", "the Treaty", "Declaration on Allied Interaction", "in 2020", "5-7 million",
           "10 November 2020", "twenty-one", "last year"],
    "ru": ["12", "345", "1 200", "4,4 млрд долларов", "15%", "Соглашение о сотрудничестве", "Соглашение о",
           "Договор о дружбе", "Декларация о союзническом взаимодействии", "в 2020 году", "5-7 млн", "10 ноября 2020",
           "двадцать один", "в прошлом году"],
    "az": ["12", "345", "1 200", "4,4 milyard dollar", "15%", "Saziş", "Əməkdaşlıq haqqında Saziş",
           "Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə", "2020-ci ildə", "5-7 milyon", "10 noyabr 2020",
           "iyirmi bir", "ötən il"],
}

MEASURE = r"""
import datetime as dt, json, resource, sys, time
import polars as pl
sys.path.insert(0, sys.argv[1])
from transforms.extract import extract_frames
schema = {"article_id": pl.Utf8, "text": pl.Utf8, "language": pl.Utf8, "published": pl.Date}
language, text = sys.argv[2], open(sys.argv[3], encoding="utf-8").read()
frame = lambda t: pl.DataFrame([("a", t, language, dt.date(2024, 1, 10))], schema=schema, orient="row")
extract_frames(frame(text[:5000]), time_limit_seconds=None)          # warm up: lexicons, regexes
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
out = extract_frames(frame(text), time_limit_seconds=None)
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
frames = (out.date_mentions, out.count_mentions, out.document_mentions)
print(json.dumps({"seconds": seconds, "peak_kb": peak - base, "rows": sum(f.height for f in frames),
                  "frame_bytes": sum(f.estimated_size() for f in frames), "failed": out.failures.height}))
"""


def dense_text(language: str, n_chars: int, seed: int = 16) -> str:
    rng = random.Random(seed)
    pieces, length = [], 0
    while length < n_chars:
        piece = rng.choice(PIECES[language])
        pieces.append(piece)
        length += len(piece) + 1
    return " ".join(pieces)[:n_chars]


def measure(language: str, n_chars: int, workdir: Path) -> dict:
    path = workdir / f"article-{language}-{n_chars}.txt"
    path.write_text(dense_text(language, n_chars), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), language, str(path)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--languages", nargs="+", default=["az", "ru", "en"], choices=sorted(PIECES))
    ap.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    a = ap.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| characters | language | CPU time | per 100k chars | peak memory above warm process | mention rows "
          "| mention frames |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for n_chars in a.sizes:
        for language in a.languages:
            m = measure(language, n_chars, a.workdir)
            print(f"| {n_chars:,} | {language} | {m['seconds']:.2f} s | {m['seconds'] * 100_000 / n_chars:.2f} s | "
                  f"{m['peak_kb'] / 1024:.0f} MB | {m['rows']:,} | {m['frame_bytes'] / 2**20:.1f} MB |"
                  + (f" ({m['failed']} failed)" if m["failed"] else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
