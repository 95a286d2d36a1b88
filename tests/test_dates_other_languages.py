"""Articles in a language without a date grammar here are searched by dateparser in their own
language (rule 'dateparser'), not read with the grammar of a language their script resembles."""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import extract_dates

P = dt.date(2024, 5, 15)
TEXTS = {
    "de": "Am 22. Februar 2022 unterzeichneten die Präsidenten in Moskau eine Erklärung. Das nächste Treffen "
          "ist am 3. Juni. Gestern telefonierten die Außenminister.",
    "fr": "Le 22 février 2022, les présidents ont signé une déclaration à Moscou. En 2023, les échanges ont "
          "augmenté de 17 %. Hier, les ministres se sont entretenus par téléphone.",
    "uk": "22 лютого 2022 року президенти підписали декларацію в Москві. У 2023 році товарообіг зріс на 17 "
          "відсотків. Вчора міністри провели телефонну розмову.",
}


def found(text, language, published):
    return [(m.text, m.value, m.rule) for m in extract_dates(text, language, published)]


@pytest.mark.parametrize("language,expected", [
    ("de", [("22. Februar 2022", "2022-02-22"), ("3. Juni", "2023-06-03"), ("Gestern", "2024-05-14")]),
    ("fr", [("22 février 2022", "2022-02-22"), ("2023", "2023"), ("Hier", "2024-05-14")]),
    ("uk", [("22 лютого 2022 року", "2022-02-22"), ("2023 році", "2023"), ("Вчора", "2024-05-14")]),
])
def test_dates_of_other_languages_are_found_by_dateparser(language, expected):
    got = found(TEXTS[language], language, P)
    assert [(t, v) for t, v, _ in got] == expected
    assert {rule for _, _, rule in got} == {"dateparser"}
    assert all(m.confidence <= 0.5 for m in extract_dates(TEXTS[language], language, P))


def test_without_a_publication_date_what_it_would_give_stays_unknown():
    assert found(TEXTS["de"], "de", None) == [("22. Februar 2022", "2022-02-22", "dateparser"),
                                              ("3. Juni", "XXXX-06-03", "dateparser"),
                                              ("Gestern", "XXXX-XX-XX", "dateparser")]


def test_a_percentage_and_a_bare_number_are_no_dates():
    assert found("El comercio creció un 17 % y 25 empresas participaron.", "es", P) == []


def test_a_text_without_a_language_is_still_read_by_the_grammar_of_its_script():
    assert found("Визит состоится 5 декабря.", None, P)[0][2] == "ru_day_month"
