"""English (Latin script)."""
from __future__ import annotations

from transforms.lang.base import Language
from transforms.lang.en import calendar, numbers, sentences, words

LANGUAGE = Language(
    code="en",
    name="English",
    aliases=("eng", "english", "en-us", "en-gb", "en_us", "en_gb"),
    script="latin",
    lower_letters="abcdefghijklmnopqrstuvwxyz",
    upper_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    marker_letters="",
    turkic_i=False,
    month_names=calendar.MONTHS,
    month_forms={m.lower(): i for i, m in enumerate(calendar.MONTHS, 1)},
    month_abbreviations={a.lower(): i for a, i in calendar.MONTH_ABBREVIATIONS.items()},
    weekdays={d.lower(): i for i, d in enumerate(calendar.WEEKDAYS)},
    number_words=numbers.number_words(),
    cardinals=numbers.cardinals(),
    abbreviations=sentences.ABBREVIATIONS,
    month_date_forms=tuple(m.lower() for m in (*calendar.MONTHS, *calendar.MONTH_ABBREVIATIONS)),
    number_joiner=numbers.JOINER,
    article_one=numbers.ARTICLE_ONE,
    time_units=calendar.TIME_UNITS,
    and_words=words.AND,
    or_words=words.OR,
)
