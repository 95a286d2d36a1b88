"""An undated article's publication date: the date it stamps at its top ('text'), else the run's
reference date ('reference'); the date extractor finds the stamp again (as a dateline) and counts the
article's relative dates from it, from the reference date, or leaves their year unknown."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from transforms.dates import extract_dates, stamp_date
from transforms.ingest import RawArticle, with_publication_date

REFERENCE = dt.date(2025, 3, 10)


def article(text: str, language: str = "en", published: dt.date | None = None) -> RawArticle:
    return RawArticle("a1", text, "t.jsonl", 1, language=language, published=published)


@pytest.mark.parametrize("text, language, day", [
    ("29.12.2024 00:10\nBakı, Azərbaycan və Rusiya nazirləri dünən görüşüb.", "az", dt.date(2024, 12, 29)),
    ("10 İyn 2019 20:07:00\nNazirlər dünən Bakıda görüşüb.", "az", dt.date(2019, 6, 10)),
    ("24 ноября 2023, 14:05\nМинистры вчера встретились в Баку.", "ru", dt.date(2023, 11, 24)),
    ("2024-08-27T20:20\nThe ministers met in Baku yesterday.", "en", dt.date(2024, 8, 27)),
])
def test_an_article_takes_the_date_it_stamps_at_its_top(text, language, day):
    dated = with_publication_date(article(text, language), REFERENCE)
    assert (dated.published, dated.published_source) == (day, "text")
    assert stamp_date(text, language) == day


@pytest.mark.parametrize("text, language", [
    ("The ministers met on 22 February 2022 in Moscow and signed a declaration.", "en"),   # an event, not a stamp
    ("MOSCOW, April 8. /TASS/. The ministers met yesterday.", "en"),                     # a date line without a year
    ("Nazirlər 2022-ci il fevralın 22-də Moskvada görüşüb.", "az"),
    ("Министры встретились. " * 40 + "\n29.12.2024 00:10", "ru"),                        # a stamp far from the top
    ("Позвоните по телефону 12.10.2024 нельзя: это номер 12.10.20245.", "ru"),
])
def test_an_article_without_a_stamp_takes_the_reference_date(text, language):
    assert stamp_date(text, language) is None
    dated = with_publication_date(article(text, language), REFERENCE)
    assert (dated.published, dated.published_source) == (REFERENCE, "reference")
    undated = with_publication_date(article(text, language))
    assert (undated.published, undated.published_source) == (None, None)


def test_a_given_date_is_kept():
    given = article("29.12.2024 00:10\nThe ministers met yesterday.", published=dt.date(2024, 12, 30))
    assert with_publication_date(given, REFERENCE) is given


@pytest.mark.parametrize("text, language", [
    ("29.12.2024 00:10\nBakı, Azərbaycan və Rusiya nazirləri dünən görüşüb. Gələn il yenə görüşəcəklər.", "az"),
    ("24 ноября 2023, 14:05\nМинистры вчера встретились в Баку. В прошлом году они подписали меморандум.", "ru"),
])
def test_the_extractor_counts_from_the_stamp_as_from_a_given_date(text, language):
    """The extractor given no date reads the stamp as it would read the same date given: the values
    of the relative dates are those of the stamp's day."""
    stamped = stamp_date(text, language)
    found = {m.text: m.value for m in extract_dates(text, language, None)}
    given = {m.text: m.value for m in extract_dates(text, language, stamped)}
    assert found == given and len(found) >= 3


@pytest.mark.usefixtures("prefect_engine")
def test_a_run_records_where_each_publication_date_came_from(tmp_path):
    from flows.pipeline import ArticlePolicy
    from helpers import query, run_files

    inbox = tmp_path / "in.jsonl"
    rows = [{"id": "given", "text": "Lavrov visited Baku yesterday.", "language": "en", "published": "2024-05-02"},
            {"id": "stamped", "text": "2024-08-27T20:20\nLavrov visited Baku yesterday.", "language": "en"},
            {"id": "undated", "text": "Lavrov visited Baku yesterday.", "language": "en"}]
    inbox.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = run_files([inbox], db, policy=ArticlePolicy(reference_date=REFERENCE))
    assert summary.status == "completed"
    assert query(db, """SELECT a.article_id, a.published, a.published_source, d.value FROM articles a
                        JOIN date_mentions d USING (article_id) WHERE d.text = 'yesterday' ORDER BY 1""") == [
        ("given", dt.date(2024, 5, 2), "input", "2024-05-01"),
        ("stamped", dt.date(2024, 8, 27), "text", "2024-08-26"),
        ("undated", REFERENCE, "reference", "2025-03-09"),
    ]
    # without a reference date the undated article's "yesterday" has no known day
    db2 = tmp_path / "w2.duckdb"
    run_files([inbox], db2)
    assert query(db2, """SELECT a.published, a.published_source, d.value FROM articles a
                         JOIN date_mentions d USING (article_id) WHERE a.article_id = 'undated'""") == [
        (None, None, "XXXX-XX-XX")]
