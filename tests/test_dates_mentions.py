"""What a date mention carries besides its value (the values themselves are the examples in
transforms/dates/examples/<code>.toml): the language a text without one is read in, the first and
last day, granularity, range and relative flags, and the seed article as a whole."""
from __future__ import annotations

import datetime as dt

from helpers import SAMPLES
from transforms.dates import extract_dates


def found(text: str, language: str | None, published: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_dates(text, language, published)]


def test_a_text_without_a_language_is_read_in_the_one_its_script_suggests():
    assert found("Saziş fevralın 22-də imzalanıb.", None) == [("fevralın 22-də", "XXXX-02-22")]
    assert found("Визит состоится 5 декабря.", None) == [("5 декабря", "XXXX-12-05")]
    assert found("The visit took place on 5 December 2022.", None) == [("5 December 2022", "2022-12-05")]


def test_first_and_last_day_granularity_range_and_relative_flags():
    [m] = extract_dates("Görüş 2022-ci ilin sentyabrında olub.", "az", None)
    assert (m.value_start, m.value_end, m.granularity, m.is_range, m.is_relative) == (
        dt.date(2022, 9, 1), dt.date(2022, 9, 30), "month", False, False)
    [m] = extract_dates("Bu il aprelin 25-26-da iclas keçirilib.", "az", None)
    assert (m.value, m.value_start, m.value_end, m.granularity, m.is_range, m.is_relative) == (
        "XXXX-04-25/XXXX-04-26", None, None, "day", True, True)
    [m] = extract_dates("The programme covers 2019-2024.", "en", None)
    assert (m.value_start, m.value_end, m.granularity, m.is_range) == (
        dt.date(2019, 1, 1), dt.date(2024, 12, 31), "year", True)
    assert 0 < m.confidence <= 1 and m.rule


def test_the_seed_article():
    assert found((SAMPLES / "seed.txt").read_text(encoding="utf-8"), "az", None) == [
        ("Bu ilin fevralın 22-də", "XXXX-02-22"), ("4 aprel", "XXXX-04-04"), ("2024-cü ilə qədər", "2024"),
        ("Bu il aprelin 25-26-da", "XXXX-04-25/XXXX-04-26"), ("bu il", "XXXX"),
    ]
