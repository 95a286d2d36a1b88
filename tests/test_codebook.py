"""The codebook (docs/codebook.md): current, complete, and naming every rule the extractors write."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from transforms.extract import extract_article, rule_catalog
from warehouse.codebook import CODEBOOK_PATH, render_codebook, write_codebook
from warehouse.tables import MENTION_TABLES, TABLES, VIEWS

ROOT = Path(__file__).resolve().parents[1]


def test_the_codebook_is_current():
    assert CODEBOOK_PATH.read_text(encoding="utf-8") == render_codebook(), \
        "docs/codebook.md is out of date: run .venv/bin/python scripts/codebook.py"


def test_the_script_checks_and_writes_the_codebook(tmp_path):
    stale = tmp_path / "codebook.md"
    stale.write_text("# old\n", encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "codebook.py")]
    assert subprocess.run([*script, "--check", str(stale)], capture_output=True).returncode == 1
    assert subprocess.run([*script, str(stale)], capture_output=True).returncode == 0
    assert subprocess.run([*script, "--check", str(stale)], capture_output=True).returncode == 0
    assert stale.read_text(encoding="utf-8") == render_codebook()


def test_the_codebook_covers_every_table_view_column_and_value(tmp_path):
    text = write_codebook(tmp_path / "codebook.md").read_text(encoding="utf-8")
    for relation in (*TABLES.values(), *VIEWS.values()):
        assert f"\n## {relation.name}\n" in text
        for column in relation.columns:
            assert f"| `{column.name}` |" in text, f"{relation.name}.{column.name}"
            for value in column.values:
                assert f"| `{value.value}` | {value.description}" in text.replace("\\|", "|")
    for rule in rule_catalog():
        assert f"`{rule.rule}`" in text
    # self-contained: no pointer to guideline files outside the repository
    assert "shared/" not in text and "GUIDELINES" not in text


def test_every_rule_family_is_described_and_every_described_family_exists():
    for name in MENTION_TABLES:
        column = TABLES[name].column("rule")
        families = {r.family for r in rule_catalog(column.catalog)}
        assert families == {f.name for f in column.families}, name


def _rules_written(article) -> set[tuple[str, str]]:
    out = set()
    for dimension, rows in zip(("dates", "counts", "documents"), extract_article(*article)):
        for row in rows:
            # composites: two date rules joined as one range, one end of a count range
            for part in row["rule"].split("+"):
                out.add((dimension, part.removesuffix(":range")))
    return out


def test_the_catalog_names_every_rule_the_extractors_write():
    texts = [
        ("en", "On February 22, 2022 more than 150 acts were signed; twice as many as in 2019-2020. Last week, "
               "on Monday, the sides met again. Two years later, in the first quarter, trade grew 12% to $4.4 "
               "billion. The XXI century began. The Declaration on Allied Interaction was signed in Moscow; the "
               "declaration is in force. Three roadmaps were adopted."),
        ("ru", "22 февраля 2022 года в Москве подписана Декларация о союзническом взаимодействии. Двое суток "
               "спустя, в тот же день, полтора миллиона тонн. В прошлом году товарооборот вырос на 5-7 млрд "
               "рублей, по итогам полугодия. Двухдневный визит состоялся вчера, в среду."),
        ("az", "2022-ci il fevralın 22-də Moskvada Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə imzalanıb. "
               "Ötən il 4,4 milyard dollar, bu ilin ilk 9 ayında isə 20 faizdən çox artım olub. Bəyannamə "
               "həmin gün qüvvəyə minib. Üç yol xəritəsi qəbul edildi. 01.02.2023 tarixində."),
    ]
    written = set()
    for i, (language, text) in enumerate(texts):
        written |= _rules_written((f"t{i}", text, language, dt.date(2024, 3, 1)))
    seed = (ROOT / "samples" / "seed.txt").read_text(encoding="utf-8")
    written |= _rules_written(("seed", seed, "az", None))
    for line in (ROOT / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        published = dt.date.fromisoformat(record["published"][:10]) if record.get("published") else None
        written |= _rules_written((record["id"], record["text"], record.get("language"), published))
    catalogued = {(r.dimension, r.rule) for r in rule_catalog()}
    assert len({d for d, _ in written}) == 3 and len(written) > 20
    assert written <= catalogued, sorted(written - catalogued)
