"""Documents in the warehouse (throwaway DuckDB files): a derived document's signing stated by a later
article fills what the first left open; a mention that names several documents counts for each in
document_overview; an unidentified mention stays in sight in the views."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from transforms.extract import extract_frames
from transforms.ingest import RawArticle
from transforms.tables import articles_frame
from warehouse import store
from warehouse.load import load_chunk, upsert_documents
from warehouse.registry import load_registry
from warehouse.tables import polars_schema

AT = dt.datetime(2026, 1, 1, 12, 0)
REGISTRY = load_registry()


@pytest.fixture()
def con(tmp_path):
    db = tmp_path / "w.duckdb"
    with store.writer_lock(db), store.open_state(db, AT) as connection:   # the state store a run loads
        yield connection


def derived(**facts) -> pl.DataFrame:
    row = {"document_id": "derived-000000000001", "canonical_name": "memorandum on tourism", "doc_type": "memorandum",
           "signed_on": None, "signed_value": None, "signed_place": None, "parties": None, "signing_source": None,
           "is_registered": False}
    return pl.DataFrame([{**row, **facts}], schema=polars_schema("documents"))


def test_a_derived_documents_facts_keep_their_first_known_value(con):
    upsert_documents(con, derived())
    upsert_documents(con, derived(signed_value="2022-09", signed_place="Sochi", signing_source="text",
                                  canonical_name="another name"))
    upsert_documents(con, derived(signed_value="2023-01-01", signed_on=dt.date(2023, 1, 1), signed_place="Baku",
                                  parties=["AZ", "RU"], signing_source="text"))
    assert con.execute("SELECT canonical_name, signed_value, signed_on, signed_place, parties, signing_source "
                       "FROM documents").fetchall() == [
        ("memorandum on tourism", "2022-09", None, "Sochi", ["AZ", "RU"], "text")]


def load(con, texts: dict[str, tuple[str, str]]) -> None:
    """The articles and what extraction makes of them, loaded as a run's chunk is."""
    raw = [RawArticle(article_id, text, "test.jsonl", n, language=language)
           for n, (article_id, (text, language)) in enumerate(texts.items(), 1)]
    articles = articles_frame(raw, run_id="r", run_at=AT, extractor_version="v")
    extracted = extract_frames(articles, REGISTRY)
    load_chunk(con, articles=articles, mentions={"date_mentions": extracted.date_mentions,
                                                 "count_mentions": extracted.count_mentions,
                                                 "document_mentions": extracted.document_mentions},
               documents=extracted.documents, quarantine=pl.DataFrame(schema=polars_schema("quarantine")))


def test_views_count_each_document_of_a_phrase_and_keep_unidentified_mentions(con):
    load(con, {"a1": ("The ministers recalled the Baku (2001 and 2008) and Moscow (2008) declarations. The "
                      "signing of intergovernmental and other agreements is expected.", "en")})
    overview = dict(con.execute("SELECT canonical_name, n_mentions FROM document_overview "
                                "WHERE n_mentions > 0").fetchall())
    assert overview["Baku Declaration (RU-AZ, 2001-01-09)"] == 1
    assert overview["Moscow Declaration on Nagorno-Karabakh (AM-AZ-RU, 2008-11-02)"] == 1
    assert overview["(unidentified agreement)"] == 1
    values = [v for (v,) in con.execute("SELECT value FROM mentions WHERE mention_kind = 'document' "
                                        "ORDER BY start_char").fetchall()]
    assert values[0].startswith("Baku Declaration (RU-AZ, 2001-01-09); ") and values[0].count("; ") == 2
    assert values[1] == "(unidentified)"
