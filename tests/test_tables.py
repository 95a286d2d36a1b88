from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.ingest import IngestProblem, RawArticle
from transforms.tables import STATE_SCHEMA, articles_frame, ingest_errors_frame, quarantine_frame, split_by_state

AT = dt.datetime(2026, 1, 1)


def frame(*articles, version="v1"):
    return articles_frame(list(articles), run_id="r", run_at=AT, extractor_version=version)


def state(df):
    return df.select(STATE_SCHEMA.names())


def test_split_by_state_new_changed_unchanged():
    a = RawArticle("a", "text a", "f", language="en", published=dt.date(2022, 1, 1))
    b = RawArticle("b", "text b", "f", language="ru")
    c = RawArticle("c", "text c", "f", language="az")
    stored = state(frame(a, b, c))
    incoming = frame(a, RawArticle("b", "text b changed", "f", language="ru"),
                     RawArticle("c", "text c", "f", language="az", published=dt.date(2024, 5, 1)),
                     RawArticle("d", "new", "f", language="en"))
    todo, counts = split_by_state(incoming, stored)
    assert counts == {"new": 1, "unchanged": 1, "changed": 2}
    assert sorted(todo["article_id"].to_list()) == ["b", "c", "d"]


def test_new_extractor_version_reextracts_everything():
    a = RawArticle("a", "text a", "f", language="en")
    todo, counts = split_by_state(frame(a, version="v2"), state(frame(a, version="v1")))
    assert counts == {"new": 0, "unchanged": 0, "changed": 1}


def test_split_with_empty_store():
    todo, counts = split_by_state(frame(RawArticle("a", "x", "f")), pl.DataFrame(schema=STATE_SCHEMA))
    assert counts == {"new": 1, "unchanged": 0, "changed": 0} and todo.height == 1


def test_ingest_error_ids_are_stable_and_deduplicated():
    p = IngestProblem("f.jsonl", 3, "bad_json", "invalid JSON")
    first = ingest_errors_frame([p, p], run_id="r1", run_at=AT)
    again = ingest_errors_frame([p], run_id="r2", run_at=AT + dt.timedelta(days=1))
    assert first.height == 1 and first["error_id"].to_list() == again["error_id"].to_list()


def test_quarantine_rows_keep_the_whole_row_and_reasons():
    rejected = pl.DataFrame({"article_id": ["a"], "start_char": [1], "end_char": [3], "text": ["xy"],
                             "failed_expectations": [["chk_text_is_slice"]]})
    q = quarantine_frame("date_mentions", rejected, run_id="r", run_at=AT)
    row = q.row(0, named=True)
    assert row["row_key"] == "a:1:3" and row["failed_expectations"] == ["chk_text_is_slice"]
    assert '"text": "xy"' in row["row_json"]
