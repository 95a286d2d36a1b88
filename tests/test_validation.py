"""Each suite passes good rows and quarantines each kind of bad row with the reason."""
from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from expectations.suites import suite_json, write_suites
from expectations.validate import TABLES, _suite, validate
from transforms.extract import COUNT_SCHEMA, DATE_SCHEMA, DOCUMENT_MENTION_SCHEMA, DOCUMENT_SCHEMA
from transforms.ingest import RawArticle
from transforms.relevance import with_relevance
from transforms.stories import story_id_for
from transforms.tables import articles_frame

TEXT = "On February 22, 2022 more than 150 acts and the Declaration on Allied Interaction were signed."
ARTICLES = pl.DataFrame({"article_id": ["a1"], "text": [TEXT]})


def date_row(**over):
    row = {"article_id": "a1", "start_char": 3, "end_char": 20, "text": "February 22, 2022", "value": "2022-02-22",
           "value_start": dt.date(2022, 2, 22), "value_end": dt.date(2022, 2, 22), "granularity": "day",
           "is_range": False, "is_relative": False, "sentence_index": 0, "sentence": TEXT, "rule": "t",
           "confidence": 0.9, "role": "event", "event_type": "signing", "role_rule": "event:signing",
           "role_confidence": 0.8}
    row.update(over)
    return row


def dates(*rows):
    return pl.DataFrame(list(rows), schema=DATE_SCHEMA)


def test_every_validated_table_has_a_suite_gx_accepts():
    for table in TABLES:
        suite = suite_json(table)
        assert suite["name"] == table and suite["expectations"]
        assert _suite(table).name == table    # GX builds it


def test_good_date_rows_pass():
    result = validate("date_mentions", dates(date_row()), article_texts=ARTICLES)
    assert result.valid.height == 1 and result.rejected.height == 0
    assert not any(c.startswith("chk_") for c in result.valid.columns)


@pytest.mark.parametrize("bad,failed", [
    ({"end_char": 200}, "chk_offsets_in_text"),
    ({"text": "Of"}, "chk_text_is_slice"),
    ({"value": "22/02/2022"}, "expect_column_values_to_match_regex(value)"),
    ({"value": "2022/2022-03"}, "chk_range_same_granularity"),
    ({"granularity": "week"}, "expect_column_values_to_be_in_set(granularity)"),
    ({"value_start": dt.date(2022, 3, 1)}, "expect_column_pair_values_a_to_be_greater_than_b(value_end,value_start)"),
    ({"article_id": "not-loaded"}, "chk_article_loaded"),
    ({"confidence": 1.5}, "expect_column_values_to_be_between(confidence)"),
    ({"role": None}, "expect_column_values_to_not_be_null(role)"),
    ({"role": "happening"}, "expect_column_values_to_be_in_set(role)"),
    ({"role": "period"}, "chk_event_type_iff_event"),
    ({"event_type": None}, "chk_event_type_iff_event"),
    ({"event_type": "party"}, "expect_column_values_to_be_in_set(event_type)"),
    ({"role_confidence": 1.2}, "expect_column_values_to_be_between(role_confidence)"),
])
def test_bad_date_row_is_quarantined_with_reason(bad, failed):
    result = validate("date_mentions", dates(date_row(), date_row(**{"start_char": 0, "end_char": 2, "text": "On", **bad})),
                      article_texts=ARTICLES)
    assert result.valid.height == 1
    [reasons] = result.rejected["failed_expectations"].to_list()
    assert any(failed in r for r in reasons), reasons


def test_duplicate_mention_keys_are_quarantined():
    result = validate("date_mentions", dates(date_row(), date_row()), article_texts=ARTICLES)
    assert result.valid.height == 0 and result.rejected.height == 2
    assert "expect_compound_columns_to_be_unique(article_id,start_char,end_char)" in result.rejected["failed_expectations"][0]


def count_row(**over):
    row = {"article_id": "a1", "start_char": 21, "end_char": 34, "text": "more than 150", "value": 150.0,
           "kind": "cardinal", "qualifier": "more_than", "object": "acts", "sentence_index": 0, "sentence": TEXT,
           "rule": "t", "confidence": 0.9, "unit": "item", "unit_rule": "counted"}
    row.update(over)
    return row


MONEY = {"kind": "money", "object": "USD", "unit": "USD", "unit_rule": "currency", "measure": "trade",
         "measure_rule": "trade:trade", "measure_confidence": 0.85}
PERIOD = {"period_start_char": 3, "period_end_char": 19, "period_value": "2022-02-22", "period_rule": "r",
          "period_confidence": 0.8}


@pytest.mark.parametrize("bad,failed", [
    ({"kind": "fraction"}, "expect_column_values_to_be_in_set(kind)"),
    ({"qualifier": "roughly"}, "expect_column_values_to_be_in_set(qualifier)"),
    ({**MONEY, "object": "dollars", "unit": "dollars"}, "chk_money_has_currency"),
    ({"value": 5e15}, "expect_column_values_to_be_between(value)"),
    ({"unit": None, "unit_rule": None}, "chk_unit_fits_kind"),                  # a cardinal needs a unit
    ({"kind": "ordinal"}, "chk_unit_fits_kind"),                               # an ordinal has none
    ({**MONEY, "unit": "EUR"}, "chk_unit_fits_kind"),                          # money's unit is its currency
    ({"kind": "percent"}, "chk_unit_fits_kind"),
    ({**MONEY, "measure": None}, "chk_measure_iff_money"),
    ({"measure": "trade", "measure_rule": "x", "measure_confidence": 0.5}, "chk_measure_iff_money"),
    ({**PERIOD, "period_value": None}, "chk_period_complete"),
    ({**PERIOD, "period_end_char": 2}, "chk_period_complete"),
])
def test_bad_count_row(bad, failed):
    frame = pl.DataFrame([count_row(), count_row(**{"start_char": 31, "end_char": 34, "text": "150", **bad})], schema=COUNT_SCHEMA)
    result = validate("count_mentions", frame, article_texts=ARTICLES)
    assert result.valid.height == 1
    assert any(failed in r for r in result.rejected["failed_expectations"][0])


def test_count_rows_with_their_meaning_pass():
    rows = [count_row(**MONEY, **PERIOD), count_row(start_char=31, end_char=34, text="150", kind="ordinal", unit=None,
                                                   unit_rule=None)]
    result = validate("count_mentions", pl.DataFrame(rows, schema=COUNT_SCHEMA), article_texts=ARTICLES)
    assert result.valid.height == 2 and result.rejected.height == 0


def test_document_mentions_foreign_key_to_documents():
    start = TEXT.index("Declaration")
    row = {"article_id": "a1", "start_char": start, "end_char": start + 37, "text": TEXT[start:start + 37],
           "doc_type": "declaration", "document_id": "decl-2022", "name_key": "allied interaction",
           "link_method": "alias", "link_confidence": 1.0, "sentence_index": 0, "sentence": TEXT, "rule": "t",
           "confidence": 0.9, "document_ids": ["decl-2022"]}
    frame = pl.DataFrame([row, {**row, "start_char": 0, "end_char": 2, "text": "On", "document_id": "unknown",
                                "document_ids": ["unknown"]}], schema=DOCUMENT_MENTION_SCHEMA)
    result = validate("document_mentions", frame, article_texts=ARTICLES, known_document_ids={"decl-2022"})
    assert result.valid["document_id"].to_list() == ["decl-2022"]
    assert "chk_document_known" in result.rejected["failed_expectations"][0][0]


def test_document_mentions_list_every_document_they_name():
    start = TEXT.index("Declaration")
    row = {"article_id": "a1", "start_char": start, "end_char": start + 37, "text": TEXT[start:start + 37],
           "doc_type": "declaration", "document_id": None, "name_key": "allied interaction",
           "link_method": "several", "link_confidence": 0.5, "sentence_index": 0, "sentence": TEXT, "rule": "t",
           "confidence": 0.9, "document_ids": ["d1", "d2"]}
    wrong = [
        {"document_ids": ["d1", "gone"]},                                  # a document the run does not know
        {"document_id": "d2", "link_method": "alias"},                     # document_id is not the first
        {"document_ids": ["d1"]},                                          # 'several' with one document
        {"document_ids": [], "link_method": "unidentified", "document_id": "d1"},   # unidentified with an id
        {"document_ids": None},                                            # required
    ]
    rows = [row] + [{**row, "start_char": k, "end_char": k + 1, "text": TEXT[k], **change}   # spans of their own
                    for k, change in enumerate(wrong)]
    frame = pl.DataFrame(rows, schema=DOCUMENT_MENTION_SCHEMA)
    result = validate("document_mentions", frame, article_texts=ARTICLES, known_document_ids={"d1", "d2"})
    assert result.valid.height == 1 and result.valid["document_ids"].to_list() == [["d1", "d2"]]
    failed = [f for row_failures in result.rejected["failed_expectations"] for f in row_failures]
    assert sum("chk_document_ids_known" in f for f in failed) == 1
    assert sum("chk_document_ids_agree" in f for f in failed) == 3


def test_documents_unique_ids_and_types():
    frame = pl.DataFrame([
        {"document_id": "d1", "canonical_name": "X", "doc_type": "treaty", "signed_on": None, "signed_place": None,
         "parties": ["RU"], "signing_source": "registry", "is_registered": True},
        {"document_id": "d2", "canonical_name": "Y", "doc_type": "pamphlet", "signed_on": None, "signed_place": None,
         "parties": None, "is_registered": False},
    ], schema=DOCUMENT_SCHEMA)
    result = validate("documents", frame)
    assert result.valid["document_id"].to_list() == ["d1"]
    assert result.failed_expectations == {"expect_column_values_to_be_in_set(doc_type)": 1}


def test_a_documents_signing_is_checked():
    good = {"document_id": "d1", "canonical_name": "X", "doc_type": "treaty", "signed_on": dt.date(2022, 9, 3),
            "signed_value": "2022-09-03", "signed_place": "Baku", "parties": ["RU", "AZ"], "signing_source": "text",
            "is_registered": False}
    month = {**good, "document_id": "d2", "signed_on": None, "signed_value": "2022-09"}
    wrong = [
        {"document_id": "d3", "signed_value": "September 2022", "signed_on": None},   # no TIMEX
        {"document_id": "d4", "signed_value": "2022-09"},                             # the day is not the value's
        {"document_id": "d5", "signing_source": None},                                # facts without a source
        {"document_id": "d6", "signing_source": "text", "is_registered": True},       # the registry's own
    ]
    frame = pl.DataFrame([good, month, *({**good, **change} for change in wrong)], schema=DOCUMENT_SCHEMA)
    result = validate("documents", frame)
    assert result.valid["document_id"].to_list() == ["d1", "d2"]


def test_articles_hash_and_dates_are_checked():
    run_at = dt.datetime(2026, 1, 1)
    good = RawArticle("a1", TEXT, "x.jsonl", 1, language="en", published=dt.date(2022, 2, 23))
    frame = articles_frame([good, RawArticle("a2", "Other text.", "x.jsonl", 2, language="english!",
                                             published=dt.date(1066, 10, 14))],
                           run_id="r", run_at=run_at, extractor_version="v")
    frame = frame.with_columns(pl.when(pl.col("article_id") == "a2").then(pl.lit("0" * 64))
                               .otherwise(pl.col("content_sha256")).alias("content_sha256"))
    # as the pipeline loads them: scored for relevance and placed in a story
    frame = with_relevance(frame, 0.5).with_columns(pl.col("article_id").map_elements(story_id_for, pl.Utf8)
                                                    .alias("story_id"))
    result = validate("articles", frame)
    assert result.valid["article_id"].to_list() == ["a1"]
    reasons = result.rejected["failed_expectations"][0].to_list()
    assert {"expect_column_values_to_be_in_set(chk_hash_matches_text)",
            "expect_column_values_to_be_between(published)",
            "expect_column_values_to_match_regex(language)"} <= set(reasons)


def test_empty_frame_passes_without_running_gx():
    result = validate("date_mentions", dates(), article_texts=ARTICLES)
    assert result.valid.height == 0 and result.rejected.height == 0
    assert "failed_expectations" in result.rejected.columns


def test_suites_can_be_written_as_gx_json(tmp_path):
    paths = write_suites(tmp_path)
    assert {p.stem for p in paths} == set(TABLES)
    for path in paths:
        assert json.loads(path.read_text(encoding="utf-8"))["name"] == path.stem


def test_tables_the_pipeline_writes_about_itself_stop_the_run_on_a_bad_row():
    from expectations.validate import ValidationError, validate_strict
    from transforms.tables import QUARANTINE_SCHEMA, RUN_SCHEMA

    at = dt.datetime(2026, 1, 1)
    run = {"run_id": "r1", "command": "run", "status": "completed", "started_at": at, "finished_at": at,
           "n_articles_read": 3}
    assert validate_strict("pipeline_runs", pl.DataFrame([run], schema=RUN_SCHEMA)).height == 1
    with pytest.raises(ValidationError, match="pipeline_runs"):
        validate_strict("pipeline_runs", pl.DataFrame([{**run, "status": "half-done"}], schema=RUN_SCHEMA))
    with pytest.raises(ValidationError, match="finished_at"):
        validate_strict("pipeline_runs", pl.DataFrame([{**run, "finished_at": at - dt.timedelta(1)}], schema=RUN_SCHEMA))
    row = {"quarantine_id": "q", "table_name": "date_mentions", "row_key": "a:1-2", "row_json": "{}",
           "failed_expectations": [], "run_id": "r1", "quarantined_at": at}
    with pytest.raises(ValidationError, match="quarantine"):
        validate_strict("quarantine", pl.DataFrame([row], schema=QUARANTINE_SCHEMA))
