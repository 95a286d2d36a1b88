from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from transforms.sentences import SentenceIndex, sentence_spans


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
