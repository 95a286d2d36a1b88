"""Azerbaijani number words: cardinals, the hundred, scale words and ordinals in every case form.

No PyPI package reads Azerbaijani number words (STACK-NOTES); the forms are made from the stems
by the morphology of this folder.
"""
from __future__ import annotations

from collections.abc import Iterator

from transforms.lang.az.morphology import numeral_case_forms, ordinal_stem
from transforms.lang.numbers import HUNDRED, ORDINAL, SCALE, UNIT, NumberWord

CARDINALS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60,
    "yetmiş": 70, "səksən": 80, "doxsan": 90,
}
HUNDRED_WORD = "yüz"
ZERO = "sıfır"
# Inflected forms that are ordinary words of the language and must not be read as numbers:
# "onu/ona/onun/onda/ondan" are forms of the pronoun "o", "üçün" is the postposition "for",
# "altını/altının" are forms of "alt" (bottom, as in "altında" - under), "biri/birinə..." is
# "one of them", "mini" is the loanword.
FORM_BLOCK = {
    "on": lambda s: s != "",
    "bir": lambda s: s != "",
    "altı": lambda s: s.startswith("n"),
    "üç": lambda s: s == "ün",
    "min": lambda s: s == "i",
}
SCALES = {"min": 1_000, "milyon": 1_000_000, "milyard": 1_000_000_000, "trilyon": 1_000_000_000_000,
          "kvadrilyon": 10**15, "kvintilyon": 10**18}
SCALE_ABBREVIATIONS = {"mln": 1_000_000, "mlrd": 1_000_000_000, "milyar": 1_000_000_000, "trln": 1_000_000_000_000}
FIRST = "ilk"            # "ilk görüş" (first meeting); "ilki" is a pronoun


def _scale_forms() -> Iterator[tuple[str, NumberWord, bool]]:
    """Every case form of the scale words, and whether it is blocked as a number word ("mini":
    elsewhere the loanword)."""
    for stem, value in {**SCALES, **SCALE_ABBREVIATIONS}.items():
        block = FORM_BLOCK.get(stem)
        for form, suffix in numeral_case_forms(stem).items():
            yield form, NumberWord(value, SCALE, suffix), block is not None and block(suffix)


def number_words() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for stem, value in CARDINALS.items():
        block = FORM_BLOCK.get(stem)
        for form, suffix in numeral_case_forms(stem).items():
            if block is None or not block(suffix):
                table[form] = NumberWord(value, UNIT, suffix)
    for form, suffix in numeral_case_forms(HUNDRED_WORD).items():
        table[form] = NumberWord(100, HUNDRED, suffix)
    table.update((form, word) for form, word, blocked in _scale_forms() if not blocked)
    for form, suffix in numeral_case_forms(ZERO).items():
        table[form] = NumberWord(0, UNIT, suffix)
    for stem, value in {**CARDINALS, HUNDRED_WORD: 100, "min": 1000, "milyon": 10**6, "milyard": 10**9,
                        "trilyon": 10**12}.items():
        for form, suffix in numeral_case_forms(ordinal_stem(stem)).items():
            table[form] = NumberWord(value, ORDINAL, suffix)
    table[FIRST] = NumberWord(1, ORDINAL)
    return table


def scales_after_digits() -> dict[str, NumberWord]:
    """After digits a blocked form can only be the scale: "4 mini" (4,000 of them)."""
    return {form: word for form, word, blocked in _scale_forms() if blocked}


def cardinals() -> dict[str, int]:
    return {**CARDINALS, HUNDRED_WORD: 100}


# The ordinal ending written after digits: "30-cu", "11-ci", "2-nci", and the full ending with its
# harmonised vowel: "5-inci", "3-üncü", "6-ıncı", "10-uncu".
DIGIT_ORDINAL_ENDING = r"^(?:[ıiuü]?nc|c)[ıiuü]"
