"""Sentence boundaries for provenance: every mention carries the sentence it stands in.

A light rule-based splitter is enough here: the sentence is context for a reader, not an
input to a model. It splits at line breaks and at . ! ? … followed by space and a capital,
digit or opening quote, and does not split after common abbreviations and initials
("Feb.", "г.", "млрд.", "Ş.Mustafayev", "D.A. Bayramov").
"""
from __future__ import annotations

import bisect
import re

from transforms.lang import ABBREVIATIONS, CLOSING_MARKS, SENTENCE_START, SENTENCE_STOPS, char_class

# Words before a full stop that do not end a sentence: each language declares its own
# (transforms/lang/<code>/sentences.py).
_ABBREVIATIONS = ABBREVIATIONS

# One scan over the whole text finds both kinds of break: a line break, or sentence-final
# punctuation followed by white space before a capital, digit or opening quote; the named empty
# group marks where the punctuation (with closing quotes and brackets) ends. The pattern starts with
# a plain character class (the break's first character, told apart by a lookbehind after it), so
# that the engine skips straight to the candidates. The white space excludes "\n", so a punctuation
# break never runs over a line break.
_STOP = char_class(SENTENCE_STOPS)
_BREAK = re.compile(rf"{char_class(SENTENCE_STOPS + chr(10))}(?:(?<=\n)|(?<={_STOP}){_STOP}*{char_class(CLOSING_MARKS)}*"
                    rf"(?P<end>)[^\S\n]+(?={SENTENCE_START}))")
# The word before a break (a dotted chain such as "S.V", "u.s"), read on the reversed text: the
# pattern is its own mirror image, and a greedy match from the break is the longest such word.
_WORD_CHAIN = re.compile(r"\w+(?:\.\w+)*")
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")   # "S", "S.V": single letters, as in S.V. Lavrov


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space, in text order."""
    spans: list[tuple[int, int]] = []
    reversed_text = None
    start = 0
    for m in _BREAK.finditer(text):
        punctuation_end = m.start("end")
        if punctuation_end < 0:                      # a line break
            _emit(text, start, m.start(), spans)
            start = m.end()
            continue
        if reversed_text is None:
            reversed_text = text[::-1]
        before = _WORD_CHAIN.match(reversed_text, len(text) - m.start())
        word = before.group()[::-1] if before else ""
        # Initials and abbreviations do not end a sentence.
        if _INITIALS.fullmatch(word) or word.lower() in _ABBREVIATIONS:
            continue
        _emit(text, start, punctuation_end, spans)
        start = m.end()
    _emit(text, start, len(text), spans)
    return spans


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))


class SentenceIndex:
    """Finds the sentence around an offset in O(log n)."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self.starts = [s for s, _ in self.spans]
        self._texts: dict[int, str] = {}     # the text of each sentence asked for, made once

    def sentence_at(self, start: int, end: int, max_chars: int | None = None) -> tuple[int, str]:
        """Index and text of the sentence holding [start, end); a mention that crosses a
        boundary gets the text from its first sentence's start to its last sentence's end.

        max_chars: a longer sentence is cut to about this many characters around the mention, at
        spaces, and '…' marks each end that was cut (``window``). The mention is never cut."""
        if not self.spans:
            s, e, i = start, end, 0
        else:
            i = max(bisect.bisect_right(self.starts, start) - 1, 0)
            j = max(bisect.bisect_right(self.starts, max(end - 1, start)) - 1, i)
            s = min(self.spans[i][0], start)
            e = max(self.spans[j][1], end)
        if max_chars is not None and e - s > max_chars:
            return i, window(self.text, s, e, start, end, max_chars)
        if self.spans and (s, e) == self.spans[i]:   # the mention stands inside one sentence, as most do
            sentence = self._texts.get(i)
            if sentence is None:
                sentence = self._texts[i] = self.text[s:e]
            return i, sentence
        return i, self.text[s:e]


ELLIPSIS = "…"


def window(text: str, s: int, e: int, start: int, end: int, max_chars: int) -> str:
    """text[s:e] cut to about ``max_chars`` characters centred on the mention [start, end), each cut
    end moved to a space (when one is near) and marked with '…'."""
    room = max(max_chars - (end - start), 0)
    a = max(s, start - room // 2)
    b = min(e, end + (room - (start - a)))
    a = max(s, start - (room - (b - end)))          # give back to the left what the right could not use
    if a > s:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 and space - a < 40 else a
    if b < e:
        space = text.rfind(" ", end, b)
        b = space if space >= 0 and b - space < 40 else b
    return (ELLIPSIS if a > s else "") + text[a:b].strip() + (ELLIPSIS if b < e else "")
