"""Azerbaijani (Latin script)."""
from __future__ import annotations

from transforms.lang.az import calendar, morphology, numbers, sentences, words
from transforms.lang.base import Language

LANGUAGE = Language(
    code="az",
    name="Azerbaijani",
    aliases=("aze", "azb", "azj", "azerbaijani", "azəri", "azeri", "az-latn", "az_az", "az-az"),
    script="latin",
    lower_letters="abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    upper_letters="ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
    marker_letters="əƏ",
    turkic_i=True,
    month_names=calendar.MONTHS,
    month_forms={m: i for i, m in enumerate(calendar.MONTHS, 1)},
    month_abbreviations={},
    weekdays=calendar.WEEKDAYS,
    number_words=numbers.number_words(),
    cardinals=numbers.cardinals(),
    scales_after_digits=numbers.scales_after_digits(),
    abbreviations=sentences.ABBREVIATIONS,
    month_endings=morphology.LOOSE_NOUN_ENDINGS,
    month_date_forms=calendar.MONTHS,
    time_units=calendar.TIME_UNITS,
    and_words=words.AND,
    or_words=words.OR,
)
