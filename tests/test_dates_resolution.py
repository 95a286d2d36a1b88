"""Resolution rules that the examples (transforms/dates/examples/<code>.toml) show one case of each:
two-digit years, a month after a year that cannot end a span of years, parts of the year without a
year, a weekday with a day of the month, the weekday after next. Each is checked on both sides of
the rule."""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import extract_dates
from transforms.dates.grammar import short_year

TUESDAY = dt.date(2013, 2, 12)


def values(text: str, language: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_dates(text, language, published)]


@pytest.mark.parametrize(("two", "year"), [(0, 2000), (15, 2015), (49, 2049), (50, 1950), (98, 1998)])
def test_a_two_digit_year_is_of_the_2000s_below_50(two, year):
    assert short_year(two) == year


def test_digits_after_a_year_are_a_month_only_where_they_cannot_end_a_span_of_years():
    assert values("Data for 2014/10 and 2014-09.", "en", None) == [("2014/10", "2014-10"), ("2014-09", "2014-09")]
    assert values("The 2019/20 season; the 2008-09 crisis; 2014-16.", "en", None) == [
        ("2019/20", "2019/2020"), ("2008-09", "2008/2009"), ("2014-16", "2014/2016")]
    assert values("Data for 2014/13.", "en", None) == []       # neither a month nor a season


@pytest.mark.parametrize(("text", "language", "value"), [
    ("Reporting period: third quarter.", "en", "2013-07/2013-09"),        # no tense: the publication year
    ("Revenue will grow in the fourth quarter.", "en", "2013-10/2013-12"),
    ("In the third quarter exports grew.", "en", "2012-07/2012-09"),      # past, not begun: last year's
    ("In the first quarter exports grew.", "en", "2013-01/2013-03"),      # past, begun
    ("Отчётный период: второе полугодие.", "ru", "2013-07/2013-12"),
])
def test_a_part_of_the_year_without_a_year(text, language, value):
    assert [v for _, v in values(text, language)] == [value]


def test_a_weekday_with_a_day_of_the_month_is_on_the_side_the_tense_points_to():
    assert values("The board will meet on Thu 15th.", "en") == [("Thu 15th", "2013-08-15")]
    assert values("The board met on Thu 15th.", "en") == [("Thu 15th", "2012-11-15")]
    assert values("Next meeting: Tuesday the 19th.", "en") == [("Tuesday the 19th", "2013-02-19")]


def test_the_weekday_after_next_is_a_week_after_the_next_one():
    assert values("They meet on Friday after next.", "en") == [("Friday after next", "2013-02-22")]
    assert values("They meet next Friday.", "en") == [("Friday", "2013-02-15")]
    # on the weekday itself the next one is a week away, the one after next two
    assert values("They meet on Tuesday after next.", "en") == [("Tuesday after next", "2013-02-26")]


def test_two_units_on():
    assert values("It was planned the month before last and opens the year after next.", "en") == [
        ("the month before last", "2012-12"), ("the year after next", "2015")]


def test_weekday_abbreviations_that_are_words_need_their_full_stop_and_a_cue():
    assert values("Next session: sun.", "en") == [("sun.", "2013-02-17")]
    assert values("They sat in the sun. We wed on a hill.", "en") == []
    assert values("The meeting is on tue in Baku.", "en") == [("tue", "2013-02-12")]
