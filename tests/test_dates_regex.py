"""The guarded alternation must find exactly what trying the rules one by one finds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_dates_properties import PIECES, mangled
from transforms.dates_grammar import GRAMMARS
from transforms.dates_regex import _start_chars, guarded_alternation

NOT_AFTER_WORD = re.compile(r"(?<!\w)")


def first_rule_at(grammar, text: str, pos: int):
    if not NOT_AFTER_WORD.match(text, pos):
        return None
    for i, rule in enumerate(grammar.rules):
        m = rule.regex.match(text, pos)
        if m:
            return i, m.end()
    return None


def check_equivalent(text: str) -> None:
    for grammar in GRAMMARS.values():
        for pos in range(len(text) + 1):
            m = grammar.master.match(text, pos)
            got = (int(m.lastgroup[1:]), m.end()) if m else None
            assert got == first_rule_at(grammar, text, pos), (text, pos)


@settings(max_examples=60, deadline=None)
@given(mangled())
def test_master_equals_rules_in_order_on_news_like_text(text):
    check_equivalent(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["İyunun 5-də", "Çərşənbə", "Февраля", "MAY 2020", "Şənbə"]),
                max_size=20).map(" ".join))
def test_master_equals_rules_in_order_on_fragments(text):
    check_equivalent(text)


@pytest.mark.parametrize("pattern,expected", [
    ("(?i:iyun)", {"i", "I", "İ", "ı"}),               # the engine folds İ and ı onto i
    ("(?:the )?day", {"t", "d"}),
    ("[0-9]+x|©", set("0123456789©")),
    (r"(?<=в )среду", {"с"}),                           # lookbehinds take no characters
])
def test_start_characters(pattern, expected):
    assert _start_chars(pattern) == expected


def test_unbounded_rules_are_left_unguarded():
    assert _start_chars(r"\w+z") is None and _start_chars("a?") is None
    master = guarded_alternation([r"\w+z", "ab"])
    assert master.match("xyz").lastgroup == "r0" and master.match("ab").lastgroup == "r1"
