"""Number words as values, and the parsers every language shares: a sequence of number words,
Roman numerals, digits with the separators a language writes, scaling without binary noise.

The words themselves are declared per language (``transforms/lang/<code>/numbers.py``) as tables
from a lower-case surface form (with its case ending) to a ``NumberWord``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transforms.lang.base import Language

# Kinds of number word.
UNIT = "unit"          # 1-9, 11-19 and the tens: they add up
HUNDRED = "hundred"    # "yüz", "hundred": multiplies what stands before it
SCALE = "scale"        # thousand, million, ...: closes a group
ORDINAL = "ordinal"    # a complete ordinal ("üçüncü", "третьей", "third")
TIMES = "times"        # multiplicative adverbs: "дважды", "twice"
COLLECTIVE = "collective"  # Russian "двое", "трое"


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str
    suffix: str = ""   # the case/possessive ending after the stem (Azerbaijani), for qualifiers


def lookup_scale_after_digits(word: str, language: Language) -> NumberWord | None:
    """A scale word right after digits: the number words' scales, and the forms that only there
    are scales (az "mini": elsewhere the loanword)."""
    folded = language.lower(word)
    entry = language.number_words.get(folded)
    if entry is not None and entry.kind == SCALE:
        return entry
    return language.scales_after_digits.get(folded)


def parse_word_sequence(words: list[str], language: Language) -> tuple[float, int, str, str] | None:
    """Value of the longest number at the start of ``words``, of any length ("forty-two million
    three hundred sixty-five thousand ...", "dörd yüz on iki min səkkiz yüz iyirmi yeddi").

    Returns (value, words used, kind of the last word, suffix of the last word) or None.
    The language's joining word ("and" in "one hundred and fifty", "twenty-one thousand and twelve")
    is skipped where a unit follows a hundred or a scale. A larger scale after a scale multiplies
    what stands before it ("three thousand millions"); an ordinal of a hundred or a scale does too
    ("bir milyonuncu": the millionth, "three hundredth"). A hundred after a number of tens or teens
    multiplies it when nothing stands before ("fifteen hundred" = 1,500).
    """
    table = language.number_words
    lower = language.lower
    joiner = language.number_joiner
    total = 0.0
    group = 0.0
    used = 0
    last_kind = ""
    last_suffix = ""
    last_scale = 0.0    # value of the last scale word, for "three thousand millions"
    last_small = None   # value of the last UNIT word in the current group, for order checks
    i = 0
    while i < len(words):
        w = lower(words[i])
        if w == joiner and used and last_kind in (HUNDRED, SCALE) and i + 1 < len(words):
            nxt = table.get(lower(words[i + 1]))
            if nxt is not None and nxt.kind in (UNIT, ORDINAL):
                i += 1
                continue
        entry = table.get(w)
        if entry is None or entry.kind in (TIMES, COLLECTIVE) and used:
            break
        if used and last_suffix:
            break  # a case ending closes an Azerbaijani number: "ikisi beş" is two numbers
        if entry.kind == UNIT:
            if last_small is not None and not (last_small >= 10 and last_small % 10 == 0 and entry.value < 10
                                               or last_small >= 100 and entry.value < 100):
                break
            if last_kind == ORDINAL:
                break
            group += entry.value
            last_small = entry.value
        elif entry.kind == HUNDRED:
            if last_kind == HUNDRED or (last_small is not None and last_small >= 10
                                        and (total or group >= 100 or last_kind != UNIT)):
                break      # "fifteen hundred", "twenty-five hundred" (1,500; 2,500) stand alone
            group = (group or 1) * 100
            last_small = 100
        elif entry.kind == SCALE:
            if last_kind == SCALE and used:
                if group or entry.value <= last_scale:
                    break
                total *= entry.value          # "three thousand millions"
            else:
                total += (group or 1) * entry.value
            group = 0
            last_scale = entry.value
            last_small = None
        elif entry.kind == ORDINAL:
            if entry.value >= 100 and used and last_kind in (UNIT, HUNDRED):
                if entry.value == 100:
                    group = (group or 1) * 100                   # "üç yüzüncü": the 300th
                else:
                    total, group = (total + (group or 1)) * entry.value, 0   # "bir milyonuncu"
            elif last_small is not None and entry.value >= 10 and last_small < 100:
                break  # "двадцать двадцатый" is not a number
            else:
                group += entry.value
        else:  # TIMES / COLLECTIVE stand alone
            group += entry.value
        used = i + 1
        last_kind = entry.kind
        last_suffix = entry.suffix
        i += 1
        if last_kind in (ORDINAL, TIMES, COLLECTIVE):
            break
    if not used:
        return None
    return total + group, used, last_kind, last_suffix


# --------------------------------------------------------------------------------------------
# Roman numerals and digits
# --------------------------------------------------------------------------------------------
_ROMAN_VALID = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(s: str) -> int | None:
    """"VII" -> 7; None when ``s`` is not a well-formed upper-case Roman numeral."""
    if not s or not _ROMAN_VALID.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = _ROMAN_VALUES[a]
        total += -va if b != " " and _ROMAN_VALUES[b] > va else va
    return total


_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")


def parse_digits(s: str, language: str, scale_follows: bool = False) -> float | None:
    """Digits with separators as written in ``language``.

    Decimal comma in az/ru ("2,5" -> 2.5), decimal point and thousands comma in en
    ("7,200" -> 7200, "4.4" -> 4.4). Spaces between groups of three are thousands separators.
    In az/ru a single comma or dot followed by exactly three digits is read as thousands
    ("1.500 nəfər", "7,200 km") unless a scale word follows ("2,140 млрд" -> 2.14); in en only the
    comma groups thousands ("3.125" stays 3.125). With both separators the last one is the decimal
    mark. Returns None for shapes that are not one number ("12.03.2023").
    """
    s = _SPACES.sub("", s)
    if not s or not s[0].isdigit() or len(s) > 24:
        return None   # no count is written with that many digits (IDs, hashes)
    commas, dots = s.count(","), s.count(".")
    try:
        if commas and dots:
            dec = "," if s.rfind(",") > s.rfind(".") else "."
            thousands = "." if dec == "," else ","
            head, _, tail = s.rpartition(dec)
            groups = head.split(thousands)
            if any(len(g) != 3 for g in groups[1:]) or s.count(dec) > 1:
                return None
            return float(Decimal("".join(groups) + "." + tail))
        if commas + dots == 0:
            return float(Decimal(s))
        sep = "," if commas else "."
        groups = s.split(sep)
        if len(groups) > 2:
            if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
                return float(Decimal("".join(groups)))
            return None
        head, tail = groups
        as_thousands = len(tail) == 3 and len(head) <= 3 and head != "0"
        if language == "en":
            as_thousands = as_thousands and sep == ","
        elif scale_follows:
            as_thousands = False
        if as_thousands:
            return float(Decimal(head + tail))
        return float(Decimal(head + "." + tail))
    except InvalidOperation:
        return None


def scaled(value: float, scale: float) -> float:
    """value * scale without binary noise: 2.14 * 10**9 -> 2140000000.0."""
    if scale == 1:
        return float(value)      # most counts have no scale word; a float's repr reads back as itself
    return float(Decimal(repr(value)) * Decimal(int(scale) if scale == int(scale) else repr(scale)))
