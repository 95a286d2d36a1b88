"""Date extractor invariants over arbitrary and mangled text (hypothesis)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import mangled
from transforms.dates import extract_dates
from transforms.mentions import DATE_GRANULARITIES, TIMEX_PATTERN, DateMention

TIMEX = re.compile(TIMEX_PATTERN)
PART_BY_GRANULARITY = {"year": r"[0-9X]{4}", "month": r"[0-9X]{4}-[0-9X]{2}", "day": r"[0-9X]{4}-[0-9X]{2}-[0-9X]{2}"}

# Sentences in the style of the sources, and pieces to splice into them.
SENTENCES = [
    "Bu ilin fevralın 22-də Moskvada Bəyannamə imzalanıb, aprelin 25-26-da iclas keçirilib.",
    "2025-ci ilin ilk 9 ayında yükdaşımalar ötən ilin eyni dövrü ilə müqayisədə 8,3 % artıb.",
    "Forumun bu il Bakıda keçirilməsi gözlənilir; 2019-2024-cü illərdə 2020 və 2021-ci illərdə.",
    "Çərşənbə axşamı, dünən və sabah; beş il əvvəl; 20 Yanvar 1990-cı ildə.",
    "Декларация подписана 22 февраля 2022 года, визит пройдет 27–28 сентября.",
    "В первом полугодии 2014 года против аналогичного периода прошлого года; завтра, 5 декабря.",
    "В прошлом году, во вторник, накануне, с 2019 по 2024 год, до конца 2018 года.",
    "On February 22, 2022 and November 9-10, 2020; in IV quarter of this year; Twenty years ago, on 4 April 1992.",
    "© 2003-2022; 29.12.2024 00:10; 2024-08-27T20:20+0400; # 28 May 2020 16:29; 22 Feb. 12:40.",
    "Between 2020 and 2022, in early 2021, at the end of 2021, last year, next week, on Monday.",
]
PIECES = ["-", "–", " ", ".", ",", "22", "2022", "31", "30", "29", "02", "1990-cı", "-də", "ilin", "il",
          "fevral", "fevralın", "февраля", "February", "Feb.", "year", "году", "bu", "this", "в", "the",
          "ago", "назад", "əvvəl", "/", "(", ")", "\n", "İ", "ı", "ё", "9999", "0", "2100", "1899"]

LANGUAGES = st.sampled_from(["az", "ru", "en", None, "", "xx"])
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)))


def check_invariants(text: str, language, published) -> None:
    assert_valid(text, extract_dates(text, language, published))


def assert_valid(text: str, mentions: list[DateMention]) -> None:
    previous_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.end
        assert TIMEX.match(m.value), m.value
        assert m.granularity in DATE_GRANULARITIES
        parts = m.value.split("/")
        assert m.is_range == (len(parts) == 2)
        assert all(re.fullmatch(PART_BY_GRANULARITY[m.granularity], p) for p in parts), m
        if "X" in m.value:
            assert m.value_start is None and m.value_end is None
        else:
            assert m.value_start is not None and m.value_end is not None
            assert m.value_start <= m.value_end
            assert m.value_start.isoformat().startswith(parts[0])
            assert m.value_end.isoformat().startswith(parts[-1])
        assert 0.0 <= m.confidence <= 1.0
        assert isinstance(m.is_relative, bool) and m.rule


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), LANGUAGES, PUBLISHED)
def test_arbitrary_text(text, language, published):
    check_invariants(text, language, published)


@settings(max_examples=300, deadline=None)
@given(mangled(SENTENCES, PIECES), LANGUAGES, PUBLISHED)
def test_mangled_news_sentences(text, language, published):
    check_invariants(text, language, published)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SENTENCES), max_size=30).map("".join), LANGUAGES, PUBLISHED)
def test_date_like_fragments(text, language, published):
    check_invariants(text, language, published)


GOOD = DateMention(0, 4, "2022", "2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year", False, False, "r", 0.9)


@pytest.mark.parametrize("change", [
    {"value": "XXXX-02/2022"}, {"value": "2022-2-22"}, {"end": 5}, {"granularity": "week"},
    {"is_range": True}, {"value_start": None}, {"value": "XXXX"}, {"confidence": 1.5},
    {"value_end": dt.date(2021, 12, 31)},
])
def test_the_invariants_can_fail(change):
    with pytest.raises(AssertionError):
        assert_valid("2022 ", [dataclasses.replace(GOOD, **change)])
    assert_valid("2022 ", [GOOD])
