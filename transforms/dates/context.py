"""What the resolver knows about one text while it resolves its dates: the candidates, the
anchor (publication date, or what stands in for it: transforms/dates/anchoring.py), and the
sentences and tenses around each candidate, found on first use."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from transforms.dates.grammar import Candidate
from transforms.dates.regex import word_alternation
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.tense import has_future, tense
from transforms.lang import ABBREVIATIONS, CLOSING_MARKS, SENTENCE_START, SENTENCE_STOPS, char_class

# Sentence ends, for the tense test; a light version of transforms.sentences, searched only
# around the mentions that need it.
# (One character class first lets the engine skip to the candidates quickly.)
_STOP = char_class(SENTENCE_STOPS)
_SENTENCE_END = re.compile(rf"{char_class(SENTENCE_STOPS + chr(10))}(?:(?<=\n)|{_STOP}*{char_class(CLOSING_MARKS)}*\s+"
                           rf"(?={SENTENCE_START}))")
# A stop after an initial or an abbreviation of the languages ("г.", "млрд.", "Feb.", "Mr.") ends no sentence.
_NOT_AN_END = re.compile(r"(?:\b[^\W\d_]|\b(?i:" + word_alternation(ABBREVIATIONS, ignorecase=True) + r"))\.$")
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate and no verb in
# the past or future ("Today, cooperation is developing steadily", "bu gün ... əməkdaşlıq edir").
_STATE_OF_AFFAIRS = {code: rules.STATE_OF_AFFAIRS for code, rules in LANGUAGE_RULES.items()}
_PAST_OR_FUTURE = {code: rules.PAST_OR_FUTURE for code, rules in LANGUAGE_RULES.items()}


def has_year(c: Candidate) -> bool:
    """Does the candidate's own wording fix its year (written, relative or anaphoric)?"""
    return c.year is not None or c.year_offset is not None or c.year_anaphoric


class Context:
    """One text being resolved. The anchor fields are set by ``anchoring.anchor``:

    published       the publication date, or a date line standing in for it
    day_known       published is a real day (not guessed from a year and a date line)
    reference_year  the year relative words count from (published's, or one the text fixes)
    partial         (month, day) of a date line without a year
    """

    def __init__(self, text: str, lang: str, candidates: list[Candidate]):
        self.text, self.lang, self.candidates = text, lang, candidates
        self.published: dt.date | None = None
        self.day_known = False
        self.reference_year: int | None = None
        self.partial: tuple[int, int] | None = None
        self._tense: dict[tuple[int, bool], str | None] = {}
        self._breaks: list[tuple[int, int]] | None = None   # sentence breaks, found on first use
        self._break_ends: list[int] = []
        self._future: dict[int, bool] = {}
        self._markers: dict = {}                            # tense markers by span (transforms.dates.tense)

    def sentence(self, c: Candidate) -> tuple[int, int]:
        return self.sentence_at(c.start, c.end)

    def sentence_at(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around text[start:end]: from the end of the last sentence
        break before it to the first break after it (with its stop)."""
        if self._breaks is None:
            text = self.text
            # _NOT_AN_END ends in "\.$": it can only match when the stop is a full stop (or a
            # line break right after one, which "$" allows), so other stops skip the search.
            breaks, ends, not_an_end = [], [], _NOT_AN_END.search
            for m in _SENTENCE_END.finditer(text):
                a, e = m.span()
                if (text[a] == "." or text[a - 1:a + 1] == ".\n") and not_an_end(text, max(0, a - 6), a + 1):
                    continue
                breaks.append((a, e))
                ends.append(e)
            self._breaks, self._break_ends = breaks, ends
        breaks = self._breaks
        i = bisect.bisect_right(self._break_ends, start)        # breaks[:i] end at or before start
        left = breaks[i - 1][1] if i else 0
        while i < len(breaks) and breaks[i][0] < end:
            i += 1
        right = breaks[i][0] + 1 if i < len(breaks) else len(self.text)
        return left, right

    def has_future(self, c: Candidate) -> bool:
        """Does the sentence of ``c`` speak of the future anywhere (will, состоится, keçiriləcək)?"""
        if c.start not in self._future:
            s, e = self.sentence(c)
            self._future[c.start] = has_future(self.text, self.lang, s, e)
        return self._future[c.start]

    def tense(self, c: Candidate, future_only: bool = False) -> str | None:
        """"future" / "past" / None for the clause of ``c`` (see transforms.dates.tense);
        ``future_only``: only "future" or None, which is cheaper."""
        key = (c.start, future_only)
        if key not in self._tense:
            self._tense[key] = tense(self.text, self.lang, self.sentence(c), c.start, c.end, future_only, self._markers)
        return self._tense[key]

    def means_nowadays(self, c: Candidate) -> bool:
        """"Today" as "nowadays" names no day. Headlines (no closing stop) keep their present
        tense for the day's events ("Lavrov bu gün Bakıya gəlir")."""
        if c.kind != "day_rel" or c.offset != 0:
            return False
        s, e = self.sentence(c)
        closed = self.text[s:e].rstrip()[-1:] in (".", "!", "?", "…")
        return (closed and _STATE_OF_AFFAIRS[self.lang].search(self.text, s, e) is not None
                and _PAST_OR_FUTURE[self.lang].search(self.text, s, e) is None)
