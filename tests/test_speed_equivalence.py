"""Faster forms of the extractors' searches find exactly what the plain forms find (the whole
output is held by tests/test_golden.py; these reach the edge cases: windows that start or end
inside a word)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.dates.roles import ROLE_WORDS

_PIECES = ["keçirilən", "edilmiş", "görüş", "səfər", "Bakıda", "imzalanmış", "olunan", "telefon", "danışıq",
           "visit", "met", "talks", "signed", "held", "визит", "переговоры", "состоялись", "заявил",
           "2022-ci", "ildə", "İLAN", "KEÇİRİLƏN", " ", "  ", "\n", ",", ".", "a", "lan", "mış", "ı", "İ"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_participle_at_word_starts_finds_what_the_search_finds(text, a, b):
    words = ROLE_WORDS["az"]
    plain = words.PARTICIPLE.search(text, a, b)
    fast = words.PARTICIPLE.match(text, a, b) or words.PARTICIPLE_AT_WORD.search(text, a + 1, b)
    assert (plain and plain.span()) == (fast and fast.span())
