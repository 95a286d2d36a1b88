"""What counts mean (issue 9): the unit, the measure of money and the period link.

The decisions per language and family are examples (transforms/counts/examples/<code>.toml, fields
unit / measure / period); here are the properties that hold on any text, the composition with the
date mentions, and the figures view on a throwaway warehouse."""
from __future__ import annotations

import datetime as dt
import types

import duckdb
import polars as pl
import pytest
from hypothesis import given, settings, strategies as st

from expectations.checks import RULES
from transforms.counts import extract_counts
from transforms.counts.meaning import MEASURES
from transforms.extract import COUNT_SCHEMA, extract_article
from warehouse import store
from warehouse.tables import count_mentions

AT = dt.datetime(2026, 1, 5, 9, 0)
UNITS = {v.value for v in count_mentions.UNITS}

# Sentences with figures and dates in each language; a text is a few of them joined, with noise.
PIECES = {
    "en": ["In 2023 the trade turnover reached $4.4 billion.", "Exports rose 17% compared with 2022.",
           "Starting January 1, 2028, the volume will be 5 million tonnes.", "On May 17, 2023 they signed a €1.6 billion deal.",
           "Last year 82.7 thousand tourists came.", "The leaders met twice this year.", "It was the 7th forum.",
           "In January-May imports were $900 million, against $800 million in the same period of last year.",
           "The 8 miles of road cost 20 dollars 43 cents.", "We expected $4 billion in 2023. $4.4 billion came."],
    "ru": ["В прошлом году товарооборот составил $2,14 млрд, из которых около $1,5 млрд пришлись на импорт.",
           "SOCAR в первом полугодии 2014 года экспортировала 100 млн кубометров против 876 млн за аналогичный период прошлого года.",
           "Объем вырос на 4,3% по сравнению с 2020 годом.", "Стоимость проекта — 312 рублей 40 копеек.",
           "РЛС, которая заступила на дежурство в 1985 году, видит на 6 тыс. км.", "Это 23-е заседание.",
           "В январе-апреле 2023-го товарооборот увеличился на 21% - до 98 млрд рублей."],
    "az": ["Ötən il ticarət dövriyyəsi 14% artaraq 2,5 milyard dollar təşkil edib.",
           "Bu göstərici 2017-ci illə müqayisədə 5 faiz çox olub.", "2010-cu ildə 2,247 milyon ton neft nəql olunub.",
           "Layihənin dəyəri 600 milyon manatdır.", "Bu, 11-ci forumdur.", "2018-ci ilin yanvarından iyununa qədər 349 milyon dollarlıq məhsul ixrac olunub."],
}
NOISE = st.sampled_from([" ", "\n", "\n\n", ", ", ". ", " — ", " (", ") ", "; ", " 2024 ", " 5 ", " USD "])


@st.composite
def articles(draw):
    language = draw(st.sampled_from(sorted(PIECES)))
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES[language]), NOISE), min_size=1, max_size=6))
    published = draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
    return language, "".join(p + n for p, n in parts), published


def _meaning_checks(rows: list[dict]) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=COUNT_SCHEMA)
    return frame.select(*(RULES[name](None).alias(name) for name in ("unit_fits_kind", "measure_iff_money",
                                                                     "period_complete")))


@settings(max_examples=150, deadline=None)
@given(articles())
def test_a_period_link_points_to_a_date_mention_of_the_same_article_and_sentence(article):
    language, text, published = article
    dates, counts, _, _ = extract_article("a", text, language, published)
    by_span = {(d["start_char"], d["end_char"]): d for d in dates}
    for c in counts:
        if c["period_start_char"] is None:
            continue
        date = by_span.get((c["period_start_char"], c["period_end_char"]))
        assert date is not None, (c["text"], text)
        assert date["article_id"] == c["article_id"] and date["sentence_index"] == c["sentence_index"], (c, date)
        assert c["period_value"] == date["value"] and c["kind"] != "ordinal"


@settings(max_examples=150, deadline=None)
@given(articles())
def test_unit_and_measure_fit_the_kind(article):
    language, text, published = article
    counts = extract_article("a", text, language, published)[1]
    for c in counts:
        if c["kind"] == "ordinal":
            assert c["unit"] is None and c["unit_rule"] is None
        elif c["kind"] == "money":
            assert c["unit"] == c["object"] and c["unit_rule"] == "currency"
            assert c["measure"] in MEASURES and c["measure_rule"] and 0 < c["measure_confidence"] <= 1
        elif c["kind"] == "percent":
            assert c["unit"] == "percent"
        else:
            assert c["unit"] in UNITS and c["unit_rule"]
        if c["kind"] != "money":
            assert c["measure"] is None and c["measure_rule"] is None
    if counts:    # the checks the warehouse runs before loading hold on every row
        assert _meaning_checks(counts).select(pl.all().all()).row(0) == (True, True, True)


def test_counts_without_dates_have_no_period():
    text = "In 2023 the trade turnover reached $4.4 billion."
    [figure] = extract_counts(text, "en")
    assert figure.period_start is None and figure.measure == "trade" and figure.unit == "USD"


def _date(text: str, words: str, value: str, granularity: str = "year", role: str | None = None):
    start = text.index(words)
    return types.SimpleNamespace(start=start, end=start + len(words), text=words, value=value, granularity=granularity,
                                 is_range=False, role=role)


def test_the_role_of_a_date_is_used_when_the_date_extractor_gives_one():
    text = "Budget report. In 2023 the trade turnover reached $4.4 billion."
    period = _date(text, "In 2023", "2023")
    [figure] = extract_counts(text, "en", [(period.start, period.end)], dates=[period])
    assert (figure.period_start, figure.period_value, figure.period_rule) == (period.start, "2023", "same_sentence:before")
    stamp = _date(text, "In 2023", "2023", role="dateline")
    [figure] = extract_counts(text, "en", [(stamp.start, stamp.end)], dates=[stamp])
    assert figure.period_start is None


# ---- the figures view ------------------------------------------------------------------------------

STORY_TEXTS = {
    "a1": ("story-1", "en", "In 2023 the trade turnover between Russia and Azerbaijan reached $4.4 billion."),
    "a2": ("story-1", "ru", "В 2023 году товарооборот России и Азербайджана достиг $4,4 млрд, сообщил посол. "
                            "В 2023 году товарооборот достиг $4,4 млрд."),
    "a3": ("story-2", "az", "2022-ci ildə ticarət dövriyyəsi 3,7 milyard dollar olub, 40 nəfər iştirak edib."),
}


@pytest.fixture
def figures_db(tmp_path):
    from helpers import write_warehouse

    def write(con):
        for article_id, (story_id, language, text) in STORY_TEXTS.items():
            con.execute("""INSERT INTO articles (article_id, source, source_format, language, published, text, n_chars,
                               content_sha256, extractor_version, ingested_at, updated_at, run_id, story_id)
                           VALUES (?, 'x.jsonl', 'jsonl', ?, DATE '2024-01-20', ?, ?, sha256(?), 'v', ?, ?, 'r1', ?)""",
                        [article_id, language, text, len(text), text, AT, AT, story_id])
            dates, counts, _, _ = extract_article(article_id, text, language, dt.date(2024, 1, 20))
            date_frame = pl.DataFrame(dates)            # noqa: F841 (read by DuckDB below)
            count_frame = pl.DataFrame(counts, schema=COUNT_SCHEMA)   # noqa: F841
            con.execute("INSERT INTO date_mentions BY NAME SELECT * FROM date_frame")
            con.execute("INSERT INTO count_mentions BY NAME SELECT * FROM count_frame")

    db = tmp_path / "w.duckdb"
    write_warehouse(db, write)
    return db


def test_figures_count_a_figure_once_per_story_with_its_period(figures_db):
    con = store.connect_read_only(figures_db)
    try:
        rows = con.execute("""SELECT story_id, value, unit, measure, period_value, period_start, period_end,
                                     n_articles, languages, article_ids
                              FROM figures ORDER BY story_id""").fetchall()
    finally:
        con.close()
    assert rows == [
        ("story-1", 4.4e9, "USD", "trade", "2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), 2, ["en", "ru"],
         ["a1", "a2"]),
        ("story-2", 3.7e9, "USD", "trade", "2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), 1, ["az"], ["a3"]),
    ]     # "40 nəfər" (a small count of things with no period) is no figure


def test_the_readme_query_of_trade_turnover_by_year(figures_db):
    con = store.connect_read_only(figures_db)
    try:
        rows = con.execute("""SELECT period_value, value, unit, n_articles, languages FROM figures
                              WHERE measure = 'trade' ORDER BY period_start""").fetchall()
    finally:
        con.close()
    assert rows == [("2022", 3.7e9, "USD", 1, ["az"]), ("2023", 4.4e9, "USD", 2, ["en", "ru"])]


# ---- an upgraded warehouse -------------------------------------------------------------------------

@pytest.mark.usefixtures("prefect_engine")
def test_reprocess_fills_the_meaning_of_counts_in_a_warehouse_made_before_it(tmp_path, monkeypatch):
    """A warehouse made by migrations 001-002 (no unit, measure, period columns) with an article
    already in it: `ruaz reprocess` adds the columns and fills them."""
    import shutil

    from flows.pipeline import reprocess_pipeline
    from helpers import RUN_AT, query

    old = tmp_path / "migrations"
    old.mkdir()
    for version, _, path in store.migration_files():
        if version <= 2:
            shutil.copy(path, old / path.name)
    db = tmp_path / "w.duckdb"
    text = "In 2023 the trade turnover between Russia and Azerbaijan reached $4.4 billion, 17 percent more."
    old_views = tmp_path / "views.sql"
    old_views.write_text("-- the views of that time are not needed here\nSELECT 1;\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(store, "MIGRATIONS_DIR", old)
        patch.setattr(store, "VIEWS_SQL", old_views)
        # the layout of that time: the tables in the --db file itself (a run adopts it as its state store)
        with duckdb.connect(str(db)) as con:
            store.apply_migrations(con, AT)
            con.execute("""INSERT INTO articles (article_id, source, source_format, language, published, text, n_chars,
                               content_sha256, extractor_version, ingested_at, updated_at, run_id)
                           VALUES ('a1', 'x.jsonl', 'jsonl', 'en', DATE '2024-01-20', ?, ?, sha256(?), 'old', ?, ?,
                                   'old')""", [text, len(text), text, AT, AT])
            assert "unit" not in {c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                                            "WHERE table_name = 'count_mentions'").fetchall()}
    summary = reprocess_pipeline(db=str(db), run_at=RUN_AT)
    assert summary.status == "completed"
    rows = query(db, """SELECT c.text, c.unit, c.unit_rule, c.measure, c.period_value, d.text
                        FROM count_mentions c LEFT JOIN date_mentions d ON d.article_id = c.article_id
                             AND d.start_char = c.period_start_char AND d.end_char = c.period_end_char
                        ORDER BY c.start_char""")
    assert rows == [("$4.4 billion", "USD", "currency", "trade", "2023", "2023"),
                    ("17 percent", "percent", "percent", None, "2023", "2023")]
    assert query(db, "SELECT count(*) FROM figures") == [(2,)]
