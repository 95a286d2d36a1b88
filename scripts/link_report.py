"""Developer tool: document-linking mistakes, per gold canonical.

    .venv/bin/python scripts/link_report.py [--corpus C --gold G] [--all]

Extracts the corpus in memory, matches gold and system document mentions (transforms.evaluation.match)
and prints, for every gold canonical, the system document ids of its mentions (article, text, id,
link method). Canonicals linked to one id everywhere are skipped unless --all.
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

from transforms.evaluation import gold_spans, match  # noqa: E402
from transforms.extract import extract_article  # noqa: E402
from warehouse.registry import load_registry  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(SHARED / "dev.jsonl"))
    ap.add_argument("--gold", default=str(SHARED / "dev-gold.jsonl"))
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    registry = load_registry()
    gold = {g["id"]: g for g in map(json.loads, open(a.gold, encoding="utf-8"))}
    per_canonical: dict[str, list[tuple[str, str, str | None, str]]] = defaultdict(list)
    by_id: dict[str, set[str]] = defaultdict(set)
    for line in open(a.corpus, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] not in gold:
            continue
        pub = dt.date.fromisoformat(r["published"][:10]) if r.get("published") else None
        _, _, rows, _ = extract_article(r["id"], r["text"], r.get("language"), pub, registry)
        gs = [x for x in gold_spans(r["text"], gold[r["id"]].get("documents", [])) if x]
        ss = [(row["start_char"], row["end_char"], row) for row in rows]
        matched = {id(g): s for g, s in match(gs, ss)}
        for g in gs:
            s = matched.get(id(g))
            canonical = g[2].get("canonical") or "(null)"
            doc = s[2]["document_id"] if s else "MISSED"
            method = s[2]["link_method"] if s else ""
            per_canonical[canonical].append((r["id"], g[2]["text"], doc, method))
            if s and s[2]["document_id"]:
                by_id[s[2]["document_id"]].add(canonical)
    for canonical, items in sorted(per_canonical.items()):
        ids = {d for _, _, d, _ in items}
        shared = any(len(by_id.get(d, ())) > 1 for d in ids if d)
        if not a.all and len(ids) == 1 and None not in ids and "MISSED" not in ids and not shared:
            continue
        print(f"== {canonical}")
        for article, text, doc, method in items:
            flag = "  <- shared with " + ", ".join(sorted(by_id[doc] - {canonical})) if doc in by_id and len(by_id[doc]) > 1 else ""
            print(f"   {article:10} {text[:70]!r:74} {doc} {method}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
