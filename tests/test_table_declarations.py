"""The table declarations (warehouse/tables/) against the schema the migrations make, and against
what is derived from them; a throwaway DuckDB per test."""
from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import polars as pl
import pytest

from expectations import checks
from expectations.suites import check_names, suite_json
from warehouse import store
from warehouse.catalog import apply_comments, current_comments, declared_comments, differences
from warehouse.tables import MENTION_TABLES, POLARS_TYPES, TABLES, VALIDATED_TABLES, VIEWS, polars_schema

AT = dt.datetime(2026, 1, 1, 12, 0)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    con = duckdb.connect(str(tmp_path_factory.mktemp("declared") / "w.duckdb"))
    store.apply_migrations(con, AT)
    yield con
    con.close()


def test_the_declarations_match_the_migrated_warehouse(migrated):
    assert differences(migrated) == []


def test_a_declaration_that_drifted_is_reported(migrated):
    runs = TABLES["pipeline_runs"]
    # the run log as it was declared before this test existed: without the columns of migration 002
    old = dataclasses.replace(runs, columns=tuple(c for c in runs.columns if c.name not in (
        "n_articles_irrelevant", "n_story_copies", "n_pages_fetched", "n_fetch_failures")))
    retyped = dataclasses.replace(old, columns=tuple(
        dataclasses.replace(c, type="BIGINT") if c.name == "n_quarantined" else
        dataclasses.replace(c, nullable=True) if c.name == "command" else c for c in old.columns))
    rekeyed = dataclasses.replace(TABLES["documents"], grain=("document_id", "doc_type"))
    found = differences(migrated, [retyped, rekeyed], list(VIEWS.values()))
    assert "pipeline_runs.n_fetch_failures is migrated but not declared" in found
    assert "pipeline_runs.n_quarantined: type INTEGER in the warehouse, BIGINT declared" in found
    assert "pipeline_runs.command: NOT NULL in the warehouse, nullable declared" in found
    assert any(f.startswith("documents: primary key") for f in found)
    assert "table articles is not declared" in found
    view = dataclasses.replace(VIEWS["mentions"], columns=VIEWS["mentions"].columns[:-1])
    assert "mentions.published is migrated but not declared" in differences(migrated, list(TABLES.values()), [view])


def test_every_table_and_column_is_commented_in_the_warehouse(migrated):
    comments = current_comments(migrated)
    declared = declared_comments()
    assert declared and all(comments.get(key) == text for key, text in declared.items())
    assert all(text for text in comments.values()), [k for k, text in comments.items() if not text]
    assert comments[("TABLE", "date_mentions", "value")].startswith("The date the expression denotes")
    assert "day = a calendar day" in comments[("TABLE", "date_mentions", "granularity")]


def test_comments_are_applied_to_an_existing_warehouse_and_reapplied_idempotently(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    store.apply_migrations(con, AT)
    # a warehouse made before comments existed: none
    for kind, relation, column in declared_comments():
        target = f'COLUMN "{relation}"."{column}"' if column else f'{kind} "{relation}"'
        con.execute(f"COMMENT ON {target} IS NULL")
    assert apply_comments(con) == len(declared_comments())
    assert apply_comments(con) == 0            # nothing left to write
    store.apply_migrations(con, AT)            # views are recreated on every run: their comments come back
    assert all(current_comments(con)[key] == text for key, text in declared_comments().items())


def test_every_column_table_view_and_value_is_described():
    undescribed = []
    for relation in (*TABLES.values(), *VIEWS.values()):
        if len(relation.description) < 20:
            undescribed.append(relation.name)
        for c in relation.columns:
            if len(c.description.strip()) < 10:
                undescribed.append(f"{relation.name}.{c.name}")
            undescribed += [f"{relation.name}.{c.name}={v.value}" for v in c.values if len(v.description) < 3]
            undescribed += [f"{relation.name}.{c.name} family {f.name}" for f in c.families if len(f.description) < 10]
    assert undescribed == []


def test_polars_schemas_come_from_the_declarations():
    from flows.live import FETCH_LOG_SCHEMA, RAW_PAGE_SCHEMA
    from transforms.extract import COUNT_SCHEMA, DATE_SCHEMA, DOCUMENT_MENTION_SCHEMA, DOCUMENT_SCHEMA
    from transforms.stories import ARTICLE_SOURCE_SCHEMA, FINGERPRINT_SCHEMA
    from transforms.tables import ALIAS_SCHEMA, ARTICLE_SCHEMA, INGEST_ERROR_SCHEMA, QUARANTINE_SCHEMA, RUN_SCHEMA

    for name, schema in {"articles": ARTICLE_SCHEMA, "date_mentions": DATE_SCHEMA, "count_mentions": COUNT_SCHEMA,
                         "document_mentions": DOCUMENT_MENTION_SCHEMA, "documents": DOCUMENT_SCHEMA,
                         "document_aliases": ALIAS_SCHEMA, "ingest_errors": INGEST_ERROR_SCHEMA,
                         "quarantine": QUARANTINE_SCHEMA, "pipeline_runs": RUN_SCHEMA,
                         "article_sources": ARTICLE_SOURCE_SCHEMA, "article_fingerprints": FINGERPRINT_SCHEMA,
                         "raw_pages": RAW_PAGE_SCHEMA, "fetch_log": FETCH_LOG_SCHEMA}.items():
        assert schema == polars_schema(name), name
    # the columns migration 002 added to the run log are in its schema, so they are validated
    assert {"n_articles_irrelevant", "n_story_copies", "n_pages_fetched", "n_fetch_failures"} <= set(RUN_SCHEMA)


def test_polars_types_load_into_the_migrated_columns(migrated):
    # a frame built with a declared schema inserts into its table with no cast error
    for name in VALIDATED_TABLES:
        frame = pl.DataFrame(schema=polars_schema(name))
        migrated.register("incoming", frame.to_arrow())
        migrated.execute(f"INSERT INTO {name} BY NAME (SELECT * FROM incoming)")
        migrated.unregister("incoming")
    assert set(POLARS_TYPES) >= {c.type for t in TABLES.values() for c in t.columns}


def test_mention_tables_are_the_mentions_layer():
    from flows import pipeline
    from warehouse import load

    assert MENTION_TABLES == ("date_mentions", "count_mentions", "document_mentions")
    assert pipeline.MENTION_TABLES is MENTION_TABLES and load.MENTION_TABLES is MENTION_TABLES


def test_every_check_of_a_declaration_is_computed_and_every_computation_declared():
    declared = {r.name for t in TABLES.values() for r in t.rules}
    assert declared == set(checks.RULES)
    assert checks.READS_ARTICLE_TEXT <= declared
    referenced = {c.references.table for t in TABLES.values() for c in t.columns if c.references and c.references.check}
    assert referenced == set(checks.KNOWN_KEYS)


def test_suites_follow_the_declarations():
    suite = suite_json("date_mentions")
    kinds = {(e["type"], e["kwargs"].get("column")) for e in suite["expectations"]}
    assert ("expect_column_values_to_match_regex", "value") in kinds
    assert ("expect_column_values_to_be_in_set", "granularity") in kinds
    assert ("expect_column_values_to_be_in_set", "chk_text_is_slice") in kinds
    assert ("expect_column_values_to_be_in_set", "chk_article_loaded") in kinds
    assert {"expect_compound_columns_to_be_unique"} <= {e["type"] for e in suite["expectations"]}
    runs = {(e["type"], e["kwargs"].get("column")) for e in suite_json("pipeline_runs")["expectations"]}
    assert ("expect_column_values_to_be_between", "n_fetch_failures") in runs
    assert [c for c, _ in check_names(TABLES["articles"])] == ["chk_text_present", "chk_hash_matches_text"]
    # quarantine may hold a row of any table whose rows are quarantined, story tables included
    quarantined = {v.value for v in TABLES["quarantine"].column("table_name").values}
    assert {"article_sources", "article_fingerprints", "raw_pages", "fetch_log"} <= quarantined
    assert not {"quarantine", "pipeline_runs"} & quarantined


def test_upserts_update_every_column_but_the_key_and_the_first_seen_time():
    from warehouse.load import upsert_clause

    clause = upsert_clause("articles")
    assert clause.startswith("ON CONFLICT (article_id) DO UPDATE SET ")
    assert "story_id = EXCLUDED.story_id" in clause and "relevance_score = EXCLUDED.relevance_score" in clause
    assert "ingested_at" not in clause and "article_id =" not in clause
