"""Dates of an article in a language without a date grammar here (not az, ru or en): found by
dateparser's ``search_dates`` in the article's own language, instead of reading the text with the
grammar of a language its script resembles (which finds little more than bare years: measured on
written German, French, Spanish, Turkish and Ukrainian news sentences, 2 of 4 dates per text
against 3-4 of 4 here). Every mention has the rule 'dateparser' and a lower confidence.

dateparser finds candidates; what it does not know is settled here: the span starts at the date
(not at "Am", "Le", "En"), numbers that are no date are dropped (percentages, a bare number), a
year the text does not write is the publication year's (most recent such day on or before it), or
X without a publication date (dateparser would take today's: a run must not depend on when it
runs), the granularity is dateparser's period of the span, and a week is its Monday to Sunday.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from transforms.dates.timex import Value, date_mention
from transforms.mentions import DateMention

RULE = "dateparser"
CONFIDENCE = 0.5
# Stands in for an unknown publication date: values counted from it are written with X.
_NO_BASE = dt.datetime(2000, 6, 15)
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_DIGIT = re.compile(r"[0-9]")
_LETTER = re.compile(r"[^\W\d_]")
_PERCENT_AFTER = re.compile(r"[ \t\u00a0]*(?:%|‰)")
_PERIOD_GRANULARITY = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


def supports(language: str | None) -> bool:
    """Can dateparser read dates of this language code?"""
    return bool(language) and language in _languages()


@lru_cache(maxsize=64)
def _parser(language: str, base: dt.datetime):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings=_settings(base))


def _settings(base: dt.datetime) -> dict:
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False}


def extract(text: str, language: str, published: dt.date | None) -> list[DateMention]:
    """Date mentions of ``text`` in ``language`` (a code dateparser supports), in text order."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(published, dt.time()) if published else _NO_BASE
    found = search_dates(text, languages=[language], settings=_settings(base)) or []
    out: list[DateMention] = []
    cursor = 0
    for written, when in found:
        at = text.find(written, cursor)
        if at < 0:
            continue
        cursor = at + len(written)
        start, end = _trimmed(text, at, cursor)
        m = _mention(text, start, end, when, language, base, published is not None)
        if m is not None:
            out.append(m)
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading short words that carry no date ("Am 22. Februar", "Le 3 juin",
    "En 2023"); a span of one word stays whole."""
    while True:
        gap = text.find(" ", start, end)
        if gap < 0:
            return start, end
        word = text[start:gap]
        if len(word) > 3 or _DIGIT.search(word):
            return start, end
        start = gap + 1
        while start < end and text[start] == " ":
            start += 1


def _mention(text: str, start: int, end: int, when: dt.datetime, language: str, base: dt.datetime,
             anchored: bool) -> DateMention | None:
    written = text[start:end]
    has_digit = _DIGIT.search(written) is not None
    year_written = _YEAR.search(written)
    if not has_digit and len(written) < 4:
        return None                                   # a short word read as a weekday or a month
    if has_digit and not year_written and not _LETTER.search(written):
        return None                                   # a bare number
    if _PERCENT_AFTER.match(text, end):
        return None
    data = _parser(language, base).get_date_data(written)
    period = data.period if data and data.date_obj else None
    granularity = _PERIOD_GRANULARITY.get(period or "day", "day")
    if year_written:
        year = int(year_written.group())
        if granularity == "year" or when.year != year:   # dateparser may lose a year it read ("2023 році")
            when = when.replace(year=year) if granularity != "year" else dt.datetime(year, 1, 1)
    if not anchored and not year_written:
        # the year (and for a relative word, the day) would come from no date of the article
        part = (None, when.month, when.day) if has_digit else (None, None, None)
    else:
        part = (when.year, when.month, when.day)
    if period == "week" and part[0] is not None:
        monday = when.date() - dt.timedelta(days=when.weekday())
        sunday = monday + dt.timedelta(days=6)
        value = Value("day", (monday.year, monday.month, monday.day), (sunday.year, sunday.month, sunday.day))
    else:
        value = Value(granularity, part)
    return date_mention(text, start, end, value, RULE, CONFIDENCE, relative=not year_written)
