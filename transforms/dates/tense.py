"""Tense of the words around a date: does the clause speak of the past or of the future?

A day or month written without a year takes its year from the publication date: the most
recent such day when the text reports something done, the next one when it announces
something to come ("откроет", "keçiriləcək", "is due to", "должна вернуть до 15 ноября").
The markers are searched first in the clause of the date (between commas, semicolons,
dashes), then in its sentence; when both tenses occur, the marker nearest to the date wins
("said on Tuesday that the talks will be held", "Минобороны сообщило 5 октября, что ...").

Pure functions over the text; the lexicons are light morphology, not a parser: a marker
missed leaves the tense unknown, and the caller then chooses the nearer occurrence.
"""
from __future__ import annotations

import re

from transforms.dates.regex import prefiltered
from transforms.dates.rules import LANGUAGE_RULES

# The markers of each language are declared with its rules (transforms/dates/rules/<code>.py): the
# future markers and verbs of intent, the past forms and the nouns that look like them.
_FUTURE = {code: rules.FUTURE for code, rules in LANGUAGE_RULES.items()}
_INTENT = {code: rules.INTENT for code, rules in LANGUAGE_RULES.items()}
_INTENT_PLAIN = _INTENT
_INTENT = {lang: prefiltered(regex, 4) for lang, regex in _INTENT_PLAIN.items()}
_EN_PAST, _EN_NOT_PAST = LANGUAGE_RULES["en"].PAST, LANGUAGE_RULES["en"].NOT_PAST
_RU_PAST, _RU_NOT_PAST, _RU_TEL_VERBS = LANGUAGE_RULES["ru"].PAST, LANGUAGE_RULES["ru"].NOT_PAST, LANGUAGE_RULES["ru"].TEL_VERBS
_AZ_PAST, _AZ_NOT_PAST = LANGUAGE_RULES["az"].PAST, LANGUAGE_RULES["az"].NOT_PAST
# The future markers behind a lookahead of their first four letters (see transforms.dates.regex.prefiltered):
# most words then fail one test instead of every marker.
_FUTURE_PLAIN = _FUTURE
_FUTURE = {lang: prefiltered(regex, 4) for lang, regex in _FUTURE_PLAIN.items()}
_WORD_END = re.compile(r"\w+$")


def _word_ending_at(text: str, start: int, end: int) -> str:
    m = _WORD_END.search(text, max(0, start - 30), start)
    return ((m.group() if m else "") + text[start:end]).lower()

_CLAUSE_EDGE = re.compile(r"[,;:()\[\]]|\s[—–-]\s")


# Nouns of a happening with a word that puts it in the past ("the last meeting", "прошлая встреча").
_PAST_PHRASES = {code: rules.PAST_PHRASES for code, rules in LANGUAGE_RULES.items()}


def _past_positions(text: str, lang: str, s: int, e: int) -> list[int]:
    return sorted(_past_forms(text, lang, s, e) + [m.start() for m in _PAST_PHRASES[lang].finditer(text, s, e)])


def _past_forms(text: str, lang: str, s: int, e: int) -> list[int]:
    if lang == "en":
        return [m.start() for m in _EN_PAST.finditer(text, s, e)
                if not (m.group(1) and m.group(1).lower() in _EN_NOT_PAST)]
    if lang == "ru":
        return [m.start("x") for m in _RU_PAST.finditer(text, s, e)
                if not m.group("vl") or _ru_past_stem(_word_ending_at(text, m.start("x"), m.start("x") + 2))]
    return [m.start("x") for m in _AZ_PAST.finditer(text, s, e)
            if _word_ending_at(text, m.start("x"), m.end()) not in _AZ_NOT_PAST]


def _ru_past_stem(stem: str) -> bool:
    """Is the word up to its "л" ("сообщил", "правил") a past verb rather than a noun?"""
    if stem in _RU_NOT_PAST:
        return False
    return not stem.endswith("тел") or stem.endswith(_RU_TEL_VERBS)


def _markers(text: str, lang: str, s: int, e: int,
             cache: dict | None) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, int]]]:
    """The future markers of text[s:e] (spans), the positions of its past forms and the spans of
    its verbs of intent with their infinitives. A past ending inside a future marker is part of it
    ("planlaşdırılıb" is planned); a verb of intent is neither. ``cache`` (one per text) keeps them for the next date of
    the same sentence or clause."""
    if cache is not None and (s, e) in cache:
        return cache[s, e]
    intent = [m.span() for m in _INTENT[lang].finditer(text, s, e)]
    future = [m.span() for m in _FUTURE[lang].finditer(text, s, e) if not any(a <= m.start() < b for a, b in intent)]
    taken = future + intent
    past = [p for p in _past_positions(text, lang, s, e) if not any(a <= p < b for a, b in taken)]
    if cache is not None:
        cache[s, e] = (future, past, intent)
    return future, past, intent


def _tense_in(text: str, lang: str, s: int, e: int, start: int, end: int, future_only: bool,
              cache: dict | None = None, in_clause: bool = False) -> str | None:
    """"future" / "past" by the markers in text[s:e], the nearest to [start, end) deciding;
    with ``future_only``, None stands for past and no tense alike. ``in_clause``: text[s:e] is the
    date's clause, where an infinitive of intent before the date makes it the date of what is to come."""
    spans, all_past, intent = _markers(text, lang, s, e, cache)
    future = [a for a, _ in spans if not start <= a < end]
    if in_clause:
        future += [b for _, b in intent if b <= start]
    if future_only and not future:
        return None
    past = [p for p in all_past if not start <= p < end]
    if not future and not past:
        return None
    if not past:
        return "future"
    if not future:
        return "past"

    def distance(p: int) -> int:
        return start - p if p < start else p - end

    return "future" if min(map(distance, future)) <= min(map(distance, past)) else "past"


def clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The clause of [start, end) inside the sentence [s, e): up to the nearest comma,
    semicolon, colon, bracket or spaced dash on each side."""
    left = s
    for m in _CLAUSE_EDGE.finditer(text, max(s, start - 300), start):
        left = m.end()
    m = _CLAUSE_EDGE.search(text, end, min(e, end + 300))
    return left, (m.start() if m else e)


def tense(text: str, lang: str, sentence: tuple[int, int], start: int, end: int,
          future_only: bool = False, cache: dict | None = None) -> str | None:
    """Tense of the clause of [start, end), or of its sentence when the clause has no marker.
    ``future_only``: the caller only asks whether it is the future (None otherwise).
    ``cache``: a dict kept for one text, to find the markers of a span once."""
    s, e = sentence
    cs, ce = clause(text, s, e, start, end)
    found = _tense_in(text, lang, cs, ce, start, end, False, cache, in_clause=True)
    if found is None and (cs, ce) != (s, e):
        found = _tense_in(text, lang, s, e, start, end, future_only, cache)
    return found


def clause_tense(text: str, lang: str, sentence: tuple[int, int], start: int, end: int,
                 cache: dict | None = None) -> str | None:
    """Tense of the clause of [start, end) alone (None when it has no marker of its own)."""
    cs, ce = clause(text, *sentence, start, end)
    return _tense_in(text, lang, cs, ce, start, end, False, cache, in_clause=True)


def has_future(text: str, lang: str, s: int, e: int) -> bool:
    """Any future marker in text[s:e]."""
    return _FUTURE[lang].search(text, s, e) is not None
