from __future__ import annotations

import bisect
import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from tests import news_texts
from tests.conftest import SAMPLES
from transforms.sentences import _ABBREVIATIONS, _INITIALS, SentenceIndex, sentence_spans


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("Trade grew. Visits resumed!", ["Trade grew.", "Visits resumed!"]),
    ("He arrived on Feb. 22. Talks began.", ["He arrived on Feb. 22.", "Talks began."]),
    ("Ş.Mustafayev bildirib. Forum başlayıb.", ["Ş.Mustafayev bildirib.", "Forum başlayıb."]),
    ("Визит состоится в 2024 г. в Баку. Об этом сообщил С.В. Лавров.", ["Визит состоится в 2024 г. в Баку.", "Об этом сообщил С.В. Лавров."]),
    ("“Bu il forum keçiriləcək.” Bunu nazir deyib.", ["“Bu il forum keçiriləcək.”", "Bunu nazir deyib."]),
    ("Title line\n\nBody sentence one. Body two.", ["Title line", "Body sentence one.", "Body two."]),
    ("Ölkələr arasında 2,6 milyard dollar. Əlaqələr güclənir.", ["Ölkələr arasında 2,6 milyard dollar.", "Əlaqələr güclənir."]),
])
def test_sentence_split(text, expected):
    assert sentences(text) == expected


def test_sentence_at_offsets():
    text = "First one. Second has 150 acts.\nThird."
    index = SentenceIndex(text)
    start = text.index("150")
    assert index.sentence_at(start, start + 3) == (1, "Second has 150 acts.")
    assert index.sentence_at(0, 5) == (0, "First one.")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_spans_are_ordered_trimmed_and_inside(text):
    spans = sentence_spans(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        previous_end = e
    index = SentenceIndex(text)
    if text:
        i, sentence = index.sentence_at(0, len(text))
        assert isinstance(i, int) and isinstance(sentence, str)


# The splitter reads the whole text in one scan; this is the plain line-by-line reading it replaced,
# kept as the reference that the fast one must agree with on every input.
_REF_BOUNDARY = re.compile(r"""([.!?…]+["»”’)\]]*)(\s+)(?=["«“„'(\[]?[A-ZА-ЯЁƏÖÜĞŞÇİ0-9])""")
_REF_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)$")


def _reference_spans(text):
    spans, line_start = [], 0
    for line in text.split("\n"):
        start = 0
        for m in _REF_BOUNDARY.finditer(line):
            before = _REF_WORD_BEFORE.search(line, 0, m.start())
            word = before.group(1) if before else ""
            if _INITIALS.fullmatch(word) or word.lower() in _ABBREVIATIONS:
                continue
            spans += _trimmed(line, line_start, start, m.end(1))
            start = m.end()
        spans += _trimmed(line, line_start, start, len(line))
        line_start += len(line) + 1
    return spans


def _trimmed(line, offset, start, end):
    chunk = line[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return [(offset + start + lead, offset + start + lead + len(chunk.strip()))] if chunk.strip() else []


# Few pieces, so that the shapes that matter (an abbreviation or initial before a break, white space
# around a line break, quotes and brackets around the punctuation) come up often.
_TRICKY = st.lists(st.sampled_from([
    "Feb.", "S.V.", "г.", "Mr.", "u.s.", "word", "Ə", "B", "1", ".", "!?", "…", "»", ")", "(", "«",
    " ", " ", "\n", "\r", "\t", "\u00a0", "\u2028",
]), max_size=25).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(), _TRICKY))
def test_spans_match_the_line_by_line_reference(text):
    assert sentence_spans(text) == _reference_spans(text)


def test_spans_match_the_reference_on_news():
    texts = [json.loads(line)["text"] for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    texts += [v for v in vars(news_texts).values() if isinstance(v, str) and len(v) > 100]
    assert len(texts) > 10
    for text in texts:
        assert sentence_spans(text) == _reference_spans(text)


@settings(max_examples=300, deadline=None)
@given(_TRICKY, st.data())
def test_sentence_at_as_computed_from_the_spans(text, data):
    index = SentenceIndex(text)
    starts = [s for s, _ in index.spans]
    for _ in range(5):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        expected = (0, text[start:end])
        if index.spans:
            i = max(bisect.bisect_right(starts, start) - 1, 0)
            j = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, i)
            expected = (i, text[min(index.spans[i][0], start):max(index.spans[j][1], end)])
        assert index.sentence_at(start, end) == expected
        assert index.sentence_at(start, end) == expected        # asked again: the kept text
