"""Snapshot of everything the extractors produce, to show that a speed-up changed nothing.

    .venv/bin/python scripts/extraction_snapshot.py write /tmp/before.json ../shared/corpus/dev.jsonl --synthetic 2000
    ... change the extractors ...
    .venv/bin/python scripts/extraction_snapshot.py write /tmp/after.json ../shared/corpus/dev.jsonl --synthetic 2000
    .venv/bin/python scripts/extraction_snapshot.py compare /tmp/before.json /tmp/after.json

``write`` runs transforms.extract.extract_article (with the registry) on every article of the given
JSON-lines corpora (id, text, language, published) and on synthetic articles
(scripts/synthetic_corpus.py), and writes all four row lists of each, every field as its repr.
Keep snapshots outside the repository. ``compare`` exits 1 and names the first articles that differ.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def _articles(corpora: list[Path], synthetic: int) -> list[tuple]:
    from synthetic_corpus import synthetic_articles

    records = [json.loads(line) for path in corpora for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    records += list(synthetic_articles(synthetic)) if synthetic else []
    return [(a["id"], a["text"], a["language"], dt.date.fromisoformat(a["published"]) if a.get("published") else None)
            for a in records]


def write(path: Path, corpora: list[Path], synthetic: int) -> int:
    from transforms.extract import extract_article
    from warehouse.registry import load_registry

    registry = load_registry()
    snapshot = []
    for article in _articles(corpora, synthetic):
        parts = extract_article(*article, registry=registry)
        snapshot.append([article[0], [[[(k, repr(v)) for k, v in row.items()] for row in part] for part in parts]])
    path.write_text(json.dumps(snapshot, ensure_ascii=False), encoding="utf-8")
    print(f"{len(snapshot)} articles, {sum(len(p) for _, parts in snapshot for p in parts)} rows -> {path}")
    return 0


def compare(a: Path, b: Path) -> int:
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    if before == after:
        print(f"identical: {len(before)} articles")
        return 0
    differing = [x[0] for x, y in zip(before, after) if x != y]
    print(f"different: {len(differing)} of {len(before)} articles (lengths {len(before)}, {len(after)}), "
          f"first: {differing[:10]}")
    return 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("path", type=Path)
    w.add_argument("corpora", type=Path, nargs="*")
    w.add_argument("--synthetic", type=int, default=0, help="synthetic articles to add (synthetic_articles(N))")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "write":
        return write(args.path, args.corpora, args.synthetic)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
