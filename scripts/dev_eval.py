"""Developer harness: extract the dev corpus in memory (no warehouse, no Prefect) and score it.

    .venv/bin/python scripts/dev_eval.py [--kind dates|counts|documents] [--errors N] [--lang az]

The same scoring as `ruaz evaluate` and ../shared/eval/score.py (transforms/evaluation.py).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.evaluation import format_report, score  # noqa: E402
from transforms.extract import extract_article  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(SHARED / "dev.jsonl"))
    ap.add_argument("--gold", default=str(SHARED / "dev-gold.jsonl"))
    ap.add_argument("--kind", choices=["dates", "counts", "documents"])
    ap.add_argument("--lang")
    ap.add_argument("--errors", type=int, default=30)
    a = ap.parse_args()
    try:
        from warehouse.registry import load_registry
        registry = load_registry()
    except ImportError:
        registry = []
    articles, system = {}, {k: defaultdict(list) for k in ("dates", "counts", "documents")}
    for line in open(a.corpus, encoding="utf-8"):
        r = json.loads(line)
        if a.lang and (r.get("language") or "")[:2] != a.lang:
            continue
        pub = dt.date.fromisoformat(r["published"][:10]) if r.get("published") else None
        articles[r["id"]] = (r.get("language"), r["text"])
        d, c, m, _ = extract_article(r["id"], r["text"], r.get("language"), pub, registry)
        system["dates"][r["id"]] += d
        system["counts"][r["id"]] += c
        system["documents"][r["id"]] += m
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    gold = [g for g in gold if g["id"] in articles]
    result = score(gold, articles, system, max_errors=a.errors)
    if a.kind:
        result["errors"] = {a.kind: result["errors"].get(a.kind, [])}
    print(format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
