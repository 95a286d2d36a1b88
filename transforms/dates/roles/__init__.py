"""What a date means in its article, by language: the verbs and nouns of each kind of happening
(EVENT_CUES), the words of figures and states of affairs a period is the time of (PERIOD_CUES), the
words that make a date a span (SPAN_BEFORE), a deadline (DEADLINE_BEFORE) or a page's own date
(DATELINE_BEFORE). transforms/dates/meaning.py reads them; examples in transforms/dates/examples/.
"""
from __future__ import annotations

import re

from transforms.lang import modules_by_language


def cue_words(letters: str, *stems: str) -> re.Pattern:
    """A case-insensitive pattern of words that begin with one of ``stems`` (a stem ending in "$" is a
    whole word; one with a space is a phrase), ``letters`` being the character class body of the
    language's letters (what may follow a stem and may not stand before it). The longer stems are tried
    first, so that a phrase wins over a word it begins with ("телефонные переговоры" over "телефон")."""
    parts = [s[:-1] + rf"(?![{letters}])" if s.endswith("$") else s + rf"[{letters}]*"
             for s in sorted(stems, key=len, reverse=True)]
    return re.compile(rf"(?i)(?<![{letters}])(?:" + "|".join(parts) + ")")

ROLE_WORDS: dict = {}
ROLE_WORDS.update(modules_by_language(__name__))
