"""Pieces every language's date rules are made of: spaces, dashes, day and year numbers, word
alternations and lookbehinds."""
from __future__ import annotations

import re

from transforms.dates.regex import word_alternation

S = r"[ \t\u00a0]+"                       # space inside a line
S0 = r"[ \t\u00a0]*"
DASH = rf"{S0}[-‐‑‒–—−]{S0}"               # range dash, with or without spaces
HY = r"[-‐‑–]"                             # hyphen before a case ending: 22-də, 2022-ci
D = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
Y = r"(?:19[0-9]{2}|20[0-9]{2})(?![0-9])"
TH = r"(?:st|nd|rd|th)?"

# Dates in digits without a year, in languages that write decimals with a comma (so that "10.12."
# is a day and a month): "10.12.", "14. - 15.10.", "14.10. - 15.10.2018", "с 3.09. по 5.09.2019".
NOT_AFTER_DIGITS = r"(?<![0-9][.,/-])"
NUMERIC_RANGE = (rf"{NOT_AFTER_DIGITS}(?P<d1>[0-3]?[0-9])\.?(?:(?P<m1>[01]?[0-9])\.)?{S0}(?:[-‐–—]|{S}(?:{{until}}){S}){S0}"
                 rf"(?P<d2>[0-3]?[0-9])\.(?P<m2>[01]?[0-9])(?:\.(?P<y>{Y})|\.(?![0-9])|(?![0-9.,]))")
NUMERIC_DAY_MONTH = rf"{NOT_AFTER_DIGITS}(?P<a>[0-3]?[0-9])\.(?P<b>[01][0-9])"        # "01.04.", not "1.1."

# Two holidays whose day the context or the era decides (transforms/dates/grammar.py): VICTORY is 9 May,
# the end of the Second World War, or 8 November, Azerbaijan's victory of 2020; INDEPENDENCE is 28 May
# in Azerbaijan since 2021 (before, 28 May was Republic Day and 18 October Independence Day). Novruz is
# taken as 20 March, the day of the equinox in most years (the holidays run on).
VICTORY, INDEPENDENCE = (0, 1), (0, 2)


def alt(words, ignorecase: bool = False) -> str:
    """The words as one alternation, longer words first (as a prefix tree: see word_alternation);
    ``ignorecase`` when the caller puts it inside ``(?i:...)``."""
    return word_alternation(words, ignorecase)


def words_number(words, ignorecase: bool = False) -> str:
    """Digits or one or two number words ("twenty five", "iyirmi beş")."""
    w = alt(words, ignorecase)
    return rf"(?:[0-9]{{1,3}}|(?:{w})(?:[- ](?:{w}))?)"




def after(*words: str) -> str:
    """Lookbehind: the match follows one of ``words`` (a whole word) and a space. One cheap test
    of the last letter comes first: most positions fail it, and then no word is tried."""
    last = "".join(sorted({re.escape(w[-1]) for w in words}))
    return rf"(?<=[{last}][ \t\u00a0])(?:" + "|".join(rf"(?<=\b{w}[ \t\u00a0])" for w in words) + ")"

