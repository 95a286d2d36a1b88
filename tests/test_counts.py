"""Count extractor: what its interface promises (dates excluded, language guessed, mentions ordered),
the seed article and the dev-set guard. The sentences per phenomenon and language are examples:
transforms/counts/examples/<code>.toml, run by tests/test_examples.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.counts import extract_counts
from transforms.evaluation import gold_spans, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

E, MT, LT, AB, AL, AM = "exact", "more_than", "less_than", "about", "at_least", "at_most"
C, O, M, P = "cardinal", "ordinal", "money", "percent"


def found(text: str, lang: str | None, exclude=()) -> list[tuple]:
    return [(m.text, m.value, m.kind, m.qualifier) for m in extract_counts(text, lang, exclude)]


# --------------------------------------------------------------------------------------------
# Exclusion, ordering, seed and the dev set
# --------------------------------------------------------------------------------------------


def test_exclude_removes_counts_inside_dates():
    text = "Son 5 ildə ticarət 2,5 milyard dollar olub, 2025-ci ilin ilk 9 ayında isə 8% artıb."
    assert [m.text for m in extract_counts(text, "az")] == ["5", "2,5 milyard dollar", "9", "8%"]
    dates = [(text.index("Son 5 ildə"), text.index("Son 5 ildə") + 10),
             (text.index("2025"), text.index("ayında") + 6)]
    assert [m.text for m in extract_counts(text, "az", dates)] == ["2,5 milyard dollar", "8%"]


def test_exclude_accepts_unsorted_and_out_of_range_spans():
    text = "Над 4 регионами и 5 странами."
    got = extract_counts(text, "ru", [(100, 200), (text.index("5"), text.index("5") + 1), (-5, 0)])
    assert [m.text for m in got] == ["4"]


def test_language_guessed_when_missing():
    assert found("Более 20 стран.", None) == [("Более 20", 20.0, C, MT)]
    assert found("Təxminən 20 ölkə və 150-dən çox şirkət.", None) == [
        ("Təxminən 20", 20.0, C, AB), ("150-dən çox", 150.0, C, MT)]
    assert found("More than 20 countries.", None) == [("More than 20", 20.0, C, MT)]


def test_mentions_are_sorted_and_do_not_overlap():
    text = "Около 5-7 млн тонн, более 70 регионов, 20-е заседание, трижды, $2,14 млрд и 4,3%."
    ms = extract_counts(text, "ru")
    assert len(ms) == 7
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start


def test_seed_article_exactly():
    path = SHARED / "seed.txt"
    if not path.exists():
        pytest.skip("no ../shared/corpus in this checkout")
    got = [(m.text, m.value, m.kind, m.qualifier) for m in extract_counts(path.read_text(encoding="utf-8"), "az")]
    assert got == [
        ("150-dən çox", 150.0, C, MT), ("30-cu", 30.0, O, E), ("altı", 6.0, C, E), ("20-ci", 20.0, O, E),
        ("70-dən çox", 70.0, C, MT), ("18-i", 18.0, C, E), ("11-ci", 11.0, O, E),
    ]
    objects = [m.object for m in extract_counts(path.read_text(encoding="utf-8"), "az")]
    assert objects[0] == "beynəlxalq hüquqi akt" and objects[2] == "yol xəritəsi"


def test_dev_set_quality():
    """Regression guard on the 37 dev articles, with the gold date spans standing in for the
    date extractor: value-F1 per language and qualifier accuracy must stay at their targets."""
    corpus, gold_path = SHARED / "dev.jsonl", SHARED / "dev-gold.jsonl"
    if not corpus.exists() or not gold_path.exists():
        pytest.skip("no ../shared/corpus in this checkout")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {g["id"]: g for g in gold}
    articles, system = {}, {"counts": {}}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"]
        dates = [(s, e) for x in gold_spans(text, by_id[r["id"]]["dates"]) if x for s, e, _ in [x]]
        articles[r["id"]] = (r["language"], text)
        system["counts"][r["id"]] = [
            {"start_char": m.start, "end_char": m.end, "value": m.value, "kind": m.kind, "qualifier": m.qualifier}
            for m in extract_counts(text, r["language"], dates)]
    result = score(gold, articles, system)
    for lang in ("az", "ru", "en"):
        assert result["scores"][f"counts.{lang}"]["value_prf"][2] >= 0.9, lang
    assert result["count_qualifier_accuracy"] >= 0.95
