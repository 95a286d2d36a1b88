"""Date extractor, round 3: quarters and half-years without a year, dates relative to the text,
holidays, day ranges, weekdays under a date line. Hand-written news sentences; each case lists
every mention the text must give, as (exact span text, TIMEX value), in text order.
"""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import extract_dates


def found(text: str, language: str, published: str | None) -> list[tuple[str, str]]:
    p = dt.date.fromisoformat(published) if published else None
    return [(m.text, m.value) for m in extract_dates(text, language, p)]


def cases(*rows):
    return pytest.mark.parametrize("language,published,text,expected", rows)


# ---------------------------------------------------------------------------------------------
# 1. A quarter or half-year without a year takes it like a month without one: from the
#    sentence, else from the publication date, the tense choosing the past or coming one.
@cases(
    ("en", "2025-05-20", "Trade grew 8% in the first quarter.", [("first quarter", "2025-01/2025-03")]),
    ("en", "2025-01-20", "Exports rose in the fourth quarter.", [("fourth quarter", "2024-10/2024-12")]),
    ("en", "2025-05-20", "Exports will rise in the fourth quarter.", [("fourth quarter", "2025-10/2025-12")]),
    ("en", "2025-03-10", "First-quarter results will be published in April.",
     [("First-quarter", "2025-01/2025-03"), ("April", "2025-04")]),
    ("en", "2025-05-20", "In Q2 the plant will reach full capacity.", [("Q2", "2025-04/2025-06")]),
    ("en", "2025-09-20", "In the first half, trade grew 5 percent; the second half-year will be harder.",
     [("first half", "2025-01/2025-06"), ("second half-year", "2025-07/2025-12")]),
    # the end of a quarter is that quarter's months; a quarter not over yet is this year's
    ("en", "2025-03-12", "The sides agreed to finalize the text by the end of the second quarter.",
     [("second quarter", "2025-04/2025-06")]),
    ("en", "2025-02-12", "The plant will be ready by the end of the first quarter.", [("first quarter", "2025-01/2025-03")]),
    # the year of the sentence
    ("en", None, "In 2023 trade grew, and in the third quarter it rose 5 percent.",
     [("2023", "2023"), ("third quarter", "2023-07/2023-09")]),
    ("en", None, "Trade rose in the first quarter.", [("first quarter", "XXXX-01/XXXX-03")]),
    # not a quarter of a year; "last quarter" is the previous one, a relative period
    ("en", "2025-05-20", "The first quarter of the century saw wars; the last quarter was calm.", []),
    ("ru", "2025-05-20", "В первом квартале товарооборот вырос на 8%.", [("первом квартале", "2025-01/2025-03")]),
    ("ru", "2025-01-20", "В четвертом квартале товарооборот вырос.", [("четвертом квартале", "2024-10/2024-12")]),
    ("ru", "2025-03-12", "Стороны договорились завершить работу до конца второго квартала.",
     [("второго квартала", "2025-04/2025-06")]),
    ("ru", None, "В 2023 году экспорт вырос, а в IV квартале снизился.", [("2023 году", "2023"), ("IV квартале", "2023-10/2023-12")]),
    # "за полугодие", "по итогам полугодия": the half-year the text named, else the last one over
    ("ru", "2024-08-16", "Товарооборот за полугодие вырос на 12%, по итогам полугодия Россия на третьем месте.",
     [("полугодие", "2024-01/2024-06"), ("полугодия", "2024-01/2024-06")]),
    ("ru", "2024-03-16", "По итогам полугодия Россия на третьем месте.", [("полугодия", "2023-07/2023-12")]),
    ("ru", "2024-12-16", "Во втором полугодии экспорт вырос, а за полугодие импорт упал.",
     [("втором полугодии", "2024-07/2024-12"), ("полугодие", "2024-07/2024-12")]),
    ("ru", None, "За полугодие экспорт вырос.", [("полугодие", "XXXX-XX/XXXX-XX")]),
    ("ru", "2024-08-16", "Кредит выдан за полугодие до выборов, в квартале от центра.", []),
    ("az", "2025-05-20", "Birinci rübdə ticarət 8 faiz artıb.", [("Birinci rübdə", "2025-01/2025-03")]),
    ("az", "2025-01-20", "Dördüncü rübdə ixrac azalıb.", [("Dördüncü rübdə", "2024-10/2024-12")]),
    ("az", "2025-05-20", "Layihə ikinci rübün sonunda başa çatacaq.", [("ikinci rübün sonunda", "2025-04/2025-06")]),
    ("az", "2025-03-12", "Tərəflər sənədi ikinci rübün sonunadək yekunlaşdırmağa razılaşıblar.",
     [("ikinci rübün sonunadək", "2025-04/2025-06")]),
    ("az", "2025-09-20", "Birinci yarımildə ixrac artıb.", [("Birinci yarımildə", "2025-01/2025-06")]),
    ("az", "2025-09-20", "Bu ilin birinci rübündə ixrac artıb.", [("Bu ilin birinci rübündə", "2025-01/2025-03")]),
    ("az", "2025-09-20", "Yarı yolda qalan layihə.", []),
)
def test_quarters_and_halves_without_a_year(language, published, text, expected):
    assert found(text, language, published) == expected
