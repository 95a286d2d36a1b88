"""Snapshot of everything the extractors produce, to show that a speed-up changed nothing.

    .venv/bin/python scripts/extraction_snapshot.py write /tmp/before.json ../shared/corpus/dev.jsonl --synthetic 2000
    ... change the extractors ...
    .venv/bin/python scripts/extraction_snapshot.py write /tmp/after.json ../shared/corpus/dev.jsonl --synthetic 2000
    .venv/bin/python scripts/extraction_snapshot.py compare /tmp/before.json /tmp/after.json

``write`` runs transforms.extract.extract_article (with the registry) on every article of the given
JSON-lines corpora (id, text, language, published) and on synthetic articles
(scripts/synthetic_corpus.py), and writes all four row lists of each, every field as its repr.
Keep snapshots outside the repository. ``compare`` exits 1 and names the first articles that differ.

``golden`` is the snapshot the test suite holds the extractors to (tests/test_golden.py):
``tests/golden/<dimension>.jsonl`` has every row each dimension produces on the bundled samples and
on synthetic articles made from them (texts the project wrote), and ``tests/golden/dev-digests.json``
has, per dev article of ../shared/corpus/dev.jsonl, a SHA-256 of each dimension's rows (a digest,
so no shared text enters the repository). A change to a rule that changes output must update them
in the same commit (``golden --update``): the diff of the golden files lists what the change did.

    .venv/bin/python scripts/extraction_snapshot.py golden            # exit 1 and say what differs
    .venv/bin/python scripts/extraction_snapshot.py golden --update   # rewrite the golden files
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


GOLDEN = ROOT / "tests" / "golden"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
DIMENSIONS = ("dates", "counts", "documents")
GOLDEN_SYNTHETIC = 200


def _rows(article: tuple, registry) -> dict[str, list]:
    """Each dimension's rows for one article, every field as its repr (documents: mentions and the
    documents they link to), in a JSON-stable form."""
    from transforms.extract import extract_article

    dates, counts, doc_mentions, docs = extract_article(*article, registry=registry)
    # the sentence's text is left out: sentence_index says which it is, and it would repeat the text
    as_repr = lambda rows: [{k: repr(v) for k, v in row.items() if k != "sentence"} for row in rows]   # noqa: E731
    return {"dates": as_repr(dates), "counts": as_repr(counts), "documents": as_repr(doc_mentions) + as_repr(docs)}


def golden_articles() -> list[tuple]:
    """The project's own texts: the bundled samples and synthetic articles made from them."""
    from synthetic_corpus import sample_articles, synthetic_articles

    records = sample_articles() + list(synthetic_articles(GOLDEN_SYNTHETIC))
    return [(a["id"], a["text"], a["language"], dt.date.fromisoformat(a["published"]) if a.get("published") else None)
            for a in records]


def golden_lines(registry) -> dict[str, list[str]]:
    """dimension -> one JSON line per article of the project's own texts."""
    out: dict[str, list[str]] = {d: [] for d in DIMENSIONS}
    for article in golden_articles():
        rows = _rows(article, registry)
        for d in DIMENSIONS:
            out[d].append(json.dumps({"id": article[0], "rows": rows[d]}, ensure_ascii=False, sort_keys=True))
    return out


def dev_digests(registry) -> dict[str, dict[str, str]]:
    """article id -> dimension -> SHA-256 of its rows (empty when ../shared is absent)."""
    import hashlib

    if not DEV_CORPUS.exists():
        return {}
    out = {}
    for article in _articles([DEV_CORPUS], 0):
        rows = _rows(article, registry)
        out[article[0]] = {d: hashlib.sha256(json.dumps(rows[d], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
                           for d in DIMENSIONS}
    return out


def golden(update: bool) -> int:
    from warehouse.registry import load_registry

    registry = load_registry()
    lines, digests = golden_lines(registry), dev_digests(registry)
    if update:
        GOLDEN.mkdir(exist_ok=True)
        for d in DIMENSIONS:
            (GOLDEN / f"{d}.jsonl").write_text("\n".join(lines[d]) + "\n", encoding="utf-8")
        if digests:
            (GOLDEN / "dev-digests.json").write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
        print(f"golden files rewritten in {GOLDEN} ({len(lines['dates'])} articles"
              f"{f', {len(digests)} dev digests' if digests else ', no ../shared: dev digests kept'})")
        return 0
    problems = golden_differences(lines, digests)
    print("\n".join(problems) if problems else "golden: identical")
    return 1 if problems else 0


def golden_differences(lines: dict[str, list[str]], digests: dict[str, dict[str, str]]) -> list[str]:
    """What differs from the golden files, one line per article and dimension (first rows shown)."""
    problems = []
    for d in DIMENSIONS:
        path = GOLDEN / f"{d}.jsonl"
        stored = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(stored) != len(lines[d]):
            problems.append(f"{d}: {len(lines[d])} articles now, {len(stored)} in {path.name}")
        for new, old in zip(lines[d], stored):
            if new != old:
                n, o = json.loads(new), json.loads(old)
                gone = [r for r in o["rows"] if r not in n["rows"]]
                came = [r for r in n["rows"] if r not in o["rows"]]
                problems.append(f"{d} {n['id']}: -{gone[:2]} +{came[:2]}")
    stored_digests = json.loads((GOLDEN / "dev-digests.json").read_text()) if (GOLDEN / "dev-digests.json").exists() else {}
    for article_id, per_dimension in digests.items():
        for d, digest in per_dimension.items():
            if stored_digests.get(article_id, {}).get(d) != digest:
                problems.append(f"{d} {article_id} (dev): output changed; see it with "
                                f"`scripts/extraction_snapshot.py write` before and after")
    return problems


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
    g = sub.add_parser("golden", help="compare with (or --update) the golden files of tests/golden/")
    g.add_argument("--update", action="store_true")
    args = ap.parse_args()
    if args.command == "golden":
        return golden(args.update)
    if args.command == "write":
        return write(args.path, args.corpora, args.synthetic)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
