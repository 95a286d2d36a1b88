"""The codebook (docs/codebook.md) and the descriptions carried by the Parquet export."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.export import EXPORTED_TABLES, export_parquet
from transforms.extract import extract_article, rule_catalog
from warehouse.codebook import CODEBOOK_PATH, render_codebook, write_codebook
from warehouse.tables import MENTION_TABLES, TABLES, VIEWS

ROOT = Path(__file__).resolve().parents[1]
AT = dt.datetime(2026, 1, 1, 12, 0)


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


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from helpers import write_warehouse

    root = tmp_path_factory.mktemp("export")
    db = root / "w.duckdb"
    text = "On 22 February 2022 more than 150 acts were signed."

    def write(con):
        con.execute("""INSERT INTO articles (article_id, source, source_format, language, published, text, n_chars,
                           content_sha256, extractor_version, ingested_at, updated_at, run_id)
                       VALUES ('a1', 'x.jsonl', 'jsonl', 'en', DATE '2022-02-23', ?, ?, sha256(?), 'v', ?, ?, 'r1')""",
                    [text, len(text), text, AT, AT])
        con.execute("""INSERT INTO date_mentions BY POSITION VALUES ('a1', 3, 19, '22 February 2022', '2022-02-22',
                       DATE '2022-02-22', DATE '2022-02-22', 'day', false, false, 0, ?, 'en_day_month', 0.9,
                       'event', 'signing', 'event:signing', 0.8)""", [text])

    manifest = write_warehouse(db, write, root / "export").manifest
    return root / "export", manifest


def test_every_exported_parquet_file_describes_its_columns(exported):
    out_dir, _ = exported
    out_dir = out_dir / "current"
    files = sorted(out_dir.glob("**/*.parquet"))
    assert {f.relative_to(out_dir).parts[0] for f in files} == set(EXPORTED_TABLES)
    for path in files:
        schema = pq.read_schema(path)
        metadata = {k.decode(): v.decode() for k, v in schema.metadata.items()}
        table = metadata["ruaz_table"]
        declared = {c.name: c for c in (TABLES[table] if table in TABLES else VIEWS[table]).columns}   # a view: figures
        for name in schema.names:
            description = metadata[f"ruaz.column.{name}"]
            assert len(description) > 10, (table, name)
            if name in declared:
                assert description == declared[name].comment()
    [date_file] = [f for f in files if f.relative_to(out_dir).parts[0] == "date_mentions"]
    date_metadata = pq.read_schema(date_file).metadata
    assert date_metadata[b"ruaz.column.value"].decode().startswith("The date the expression denotes")
    assert b"ruaz.column.published_year" in date_metadata    # the partition columns are described too


def test_the_manifest_gives_each_exported_table_its_schema(exported):
    out_dir, manifest = exported
    on_disk = json.loads((out_dir / "_manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    for table in EXPORTED_TABLES:
        schema = manifest["tables"][table]["columns"]
        names = [c["name"] for c in schema]
        assert set((TABLES[table] if table in TABLES else VIEWS[table]).column_names) <= set(names)
        assert all(c["type"] and len(c["description"]) > 10 for c in schema)
    dates = {c["name"]: c for c in manifest["tables"]["date_mentions"]["columns"]}
    assert dates["value_start"]["type"] == "DATE" and dates["language"]["type"] == "VARCHAR"
    # the reader's warehouse shows that snapshot: exporting it there again changes nothing
    assert export_parquet(out_dir.parent / "w.duckdb", out_dir) == manifest
