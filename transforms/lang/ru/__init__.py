"""Russian (Cyrillic script)."""
from __future__ import annotations

from transforms.lang.base import Language
from transforms.lang.ru import calendar, numbers, sentences, words

LANGUAGE = Language(
    code="ru",
    name="Russian",
    aliases=("rus", "russian", "ru-ru", "ru_ru", "русский"),
    script="cyrillic",
    lower_letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    upper_letters="АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    marker_letters="",
    turkic_i=False,
    month_names=tuple(row[0] for row in calendar.MONTHS),
    month_forms={form: i for i, row in enumerate(calendar.MONTHS, 1) for form in row},
    month_abbreviations=calendar.MONTH_ABBREVIATIONS,
    weekdays=calendar.WEEKDAYS,
    number_words=numbers.number_words(),
    cardinals=numbers.cardinals(),
    abbreviations=sentences.ABBREVIATIONS,
    month_date_forms=tuple(f for row in calendar.MONTHS for f in (row[0], row[calendar.GENITIVE])),
    time_units=calendar.TIME_UNITS,
    and_words=words.AND,
    or_words=words.OR,
)
