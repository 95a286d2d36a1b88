"""The speed devices of the date grammar find exactly what the plain patterns find: the guarded
alternation of a language's rules finds what trying the rules one by one finds, keyword gates
leave out only rules that cannot match, prefix trees of words match like plain alternations, and
the prefiltered tense markers match like the markers. The output of the whole extractor is held
by the golden snapshot (tests/test_golden.py); these are its properties on random text."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import mangled
from test_dates_properties import PIECES, SENTENCES
from transforms.dates import regex_syntax as syntax
from transforms.dates.grammar import GATES, GRAMMARS
from transforms.dates.regex import KeywordGates, case_variants, guarded_alternation, prefiltered, prefixes, word_alternation
from transforms.dates.rules import LANGUAGE_RULES

NEWS_LIKE = mangled(SENTENCES, PIECES)
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
@given(NEWS_LIKE)
def test_the_guarded_alternation_finds_what_the_rules_in_order_find_on_news_like_text(text):
    check_equivalent(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["İyunun 5-də", "Çərşənbə", "Февраля", "MAY 2020", "Şənbə"]),
                max_size=20).map(" ".join))
def test_the_guarded_alternation_finds_what_the_rules_in_order_find_on_fragments(text):
    check_equivalent(text)


def test_a_rule_that_can_start_anywhere_keeps_its_place():
    master = guarded_alternation([r"\w+z", "ab"])
    assert master.match("xyz").lastgroup == "r0" and master.match("ab").lastgroup == "r1"


# -- word lists as prefix trees ----------------------------------------------------------------
WORD_POOL = ["ab", "abc", "abd", "a", "b", "İyun", "iyul", "ıl", "янв", "январь", "января", "Янв", "x y", "a.b"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORD_POOL), min_size=1, max_size=8, unique=True),
       st.text(alphabet="abcdxyİiIıянварьЯ. ", max_size=30), st.booleans())
def test_a_word_tree_matches_like_the_plain_alternation(words, text, ignorecase):
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    flag = "(?i:" if ignorecase else "(?:"
    tree = re.compile(f"{flag}{word_alternation(words, ignorecase)})(?:x|$)?")
    reference = re.compile(f"{flag}{plain})(?:x|$)?")
    for pos in range(len(text) + 1):
        a, b = tree.match(text, pos), reference.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (words, text, pos)


# Every letter of the date and tense patterns: the case classes written for them must hold exactly
# what the engine matches under IGNORECASE, over all of Unicode.
ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
PATTERN_LETTERS = sorted({ch for grammar in GRAMMARS.values() for rule in grammar.rules
                          for ch in rule.regex.pattern if ch.isalpha()}
                         | {ch for rules in LANGUAGE_RULES.values() for ch in rules.FUTURE.pattern if ch.isalpha()})


def test_case_variants_are_exactly_the_engines():
    for ch in PATTERN_LETTERS:
        engine = set(re.findall(f"(?i:{re.escape(ch)})", ALL_CHARACTERS))
        assert case_variants(ch) == engine, ch


def test_prefixes():
    assert prefixes(r"(?i:ab|c)d?") >= {"ab", "AB", "c", "C"}
    assert prefixes(r"(?<=\bв )(?:x|y)\w") == {"x", "y"}
    assert prefixes(r"[0-9]{1,2}-") == {a + b for a in "0123456789" for b in "0123456789-"}
    assert prefixes(r"\w+") is None and prefixes("a?") is None


def rule_matches_begin_with_their_prefixes(text):
    for grammar in GRAMMARS.values():
        for rule in grammar.rules:
            found = prefixes(re.sub(r"[(][?]P<[a-z0-9_]+>", "(?:", rule.regex.pattern))
            assert found is not None, rule.name
            for pos in range(len(text)):
                m = rule.regex.match(text, pos)
                if m:
                    assert any(text.startswith(p, pos) for p in found), (rule.name, text[pos:pos + 12])


@settings(max_examples=60, deadline=None)
@given(NEWS_LIKE)
def test_rule_matches_begin_with_their_prefixes(text):
    rule_matches_begin_with_their_prefixes(text)


def test_rule_prefixes_on_hand_written_dates():
    rule_matches_begin_with_their_prefixes(
        "22 февраля 2022 года, в первом квартале, пять лет назад, во вторник; fevralın 22-də, "
        "beş il əvvəl, 2025-ci ilin ilk 9 ayında; on February 22, 2022, two years ago, Q1 2024, "
        "İYULUN 5-DƏ, ЯНВАРЯ, The Same Day, © 2003-2022, 29.12.2024.")


# -- keyword gates -------------------------------------------------------------------------------
GATED_TEXTS = [
    "Beş il əvvəl saziş imzalanıb, 2022-ci ildə isə yeni saziş.",
    "Пять лет назад стороны подписали соглашение 22 февраля.",
    "Пять лет НАЗАД стороны подписали соглашение.",
    "Пять лет назаᲁ: the engine reads ᲁ as д.",          # "ᲁ" is д to the engine, not to str.lower
    "BİRİNCİ YARIMİLDƏ və IV RÜBDƏ, ilk yarımildə.",
    "Two years ago the corridor was launched in May 2020.",
    "Two years AGO, in May 2020.",
    "No keyword here: 5 June 2020 and 2021.",
]


def same_matches(text: str) -> None:
    for grammar in GRAMMARS.values():
        full = [(m.lastgroup, m.span()) for m in grammar.master.finditer(text)]
        assert [(m.lastgroup, m.span()) for m in grammar.master_for(text).finditer(text)] == full


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_a_gated_master_finds_what_the_full_master_finds(text):
    same_matches(text)


@settings(max_examples=100, deadline=None)
@given(NEWS_LIKE)
def test_a_gated_master_finds_what_the_full_master_finds_on_news_like_text(text):
    same_matches(text)


def test_gates_leave_out_rules_without_their_keyword():
    ru = GRAMMARS["ru"]
    ago = next(i for i, r in enumerate(ru.rules) if r.name == "ru_ago")
    assert f"(?P<r{ago}>" not in ru.master_for("22 февраля 2022 года").pattern
    assert f"(?P<r{ago}>" in ru.master_for("год назад").pattern
    assert f"(?P<r{ago}>" in ru.master_for("год назаᲁ").pattern        # the odd letter: maybe
    assert ru.master_for(" ".join(k for name, keys in GATES.items() if name.startswith("ru_") for k in keys)) is ru.master
    assert set(GATES) <= {r.name for g in GRAMMARS.values() for r in g.rules}
    # every keyword is in every match of its rules
    for text in ["5 years ago", "a year earlier", "two years later", "5 лет назад", "Годом ранее", "спустя год",
                 "год спустя", "beş il əvvəl", "ondan bir il sonra", "iki il sonra"]:
        for grammar in GRAMMARS.values():
            for rule in grammar.rules:
                m = rule.regex.search(text)
                if m and rule.name in GATES:
                    assert any(k in m.group().lower() for k in GATES[rule.name]), (rule.name, text)


def test_keyword_gates_fold_turkic_i():
    gates = KeywordGates([("yarımil",), ("rüb",)])
    assert gates.absent("BİRİNCİ YARIMİLDƏ") == (1,)
    assert gates.absent("Birinci Yarımildə") == (1,)
    assert gates.absent("heç nə") == (0, 1)


# -- prefiltered tense markers ---------------------------------------------------------------------
FUTURE_TEXT = ("Министр посетит Баку, визит состоится завтра; будут подписаны соглашения, ПРОВЕДУТ переговоры. "
               "Стороны договорились завершить работу; the sides agreed to finalize it; imzalamağa razılaşıblar. "
               "The talks will be held; they are expected to sign; the planned visit. "
               "Sammit keçiriləcək, nəzərdə tutulur, gözlənilir.")
MARKERS = [(lang, name, getattr(rules, name)) for lang, rules in LANGUAGE_RULES.items() for name in ("FUTURE", "INTENT")]


@pytest.mark.parametrize("lang,name,plain", MARKERS, ids=[f"{lang}-{name}" for lang, name, _ in MARKERS])
def test_prefiltered_markers_find_what_the_markers_find(lang, name, plain):
    fast = prefiltered(plain, 4)
    assert [m.span() for m in fast.finditer(FUTURE_TEXT)] == [m.span() for m in plain.finditer(FUTURE_TEXT)]


@settings(max_examples=100, deadline=None)
@given(NEWS_LIKE)
def test_prefiltered_markers_on_news_like_text(text):
    for _, _, plain in MARKERS:
        assert [m.span() for m in prefiltered(plain, 4).finditer(text)] == [m.span() for m in plain.finditer(text)]


# -- the parser of the rules' regex syntax (no private CPython API) -----------------------------
ALL_PATTERNS = ([rule.regex.pattern for grammar in GRAMMARS.values() for rule in grammar.rules]
                + [grammar.master.pattern for grammar in GRAMMARS.values()]
                + [plain.pattern for _, _, plain in MARKERS])

_AT = {"BEGINNING": "AT_BEGINNING", "END": "AT_END", "b": "AT_BOUNDARY", "B": "AT_NON_BOUNDARY",
       "A": "AT_BEGINNING_STRING", "Z": "AT_END_STRING"}
_CATEGORY = {"d": "CATEGORY_DIGIT", "D": "CATEGORY_NOT_DIGIT", "s": "CATEGORY_SPACE", "S": "CATEGORY_NOT_SPACE",
             "w": "CATEGORY_WORD", "W": "CATEGORY_NOT_WORD"}


def shape(items, ours: bool):
    """A tree of plain tuples, the same for our parser's tree and CPython's."""
    out = []
    for op, av in items:
        op = str(op)
        if op == "IN":
            av = tuple((str(kind), _CATEGORY[arg] if ours and str(kind) == "CATEGORY" else
                        str(arg) if str(kind) == "CATEGORY" else arg) for kind, arg in av)
        elif op == "AT":
            av = _AT[av] if ours else str(av)
        elif op == "SUBPATTERN":
            av = (av[0], av[1], av[2], shape(av[3], ours))
        elif op == "BRANCH":
            av = tuple(shape(b, ours) for b in av[1])
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            av = (av[0], int(av[1]), shape(av[2], ours))
        elif op in ("ASSERT", "ASSERT_NOT"):
            av = (av[0], shape(av[1], ours))
        elif op == "ATOMIC_GROUP":
            av = shape(av, ours)
        out.append((op, av))
    return tuple(out)


def test_every_rule_is_read_by_the_parser():
    for pattern in ALL_PATTERNS:
        items, _ = syntax.parse(pattern)
        assert items is not None


def test_the_parser_builds_the_tree_cpython_builds():
    """Where CPython's own (private) parser exists, both trees have one shape: the prefilters made
    from ours are the ones CPython's would give. (Skipped on a Python without it: the other tests
    still show that the prefilters change no match.)"""
    cpython = pytest.importorskip("re._parser")
    for pattern in [*ALL_PATTERNS, r"(?i)a[^b]c{2,}?d{,3}e*+(?>f|g)\N{LATIN SMALL LETTER A}\x41\u00a0[\w\-.]$",
                    r"[]a-]|[^]]|(?#note)x|(?P<n>y)(?P=n)|a{|[\b]", r"(?:ab|ac)|(?:x|[yz])"]:
        ours, flags = syntax.parse(pattern)
        theirs = cpython.parse(pattern)
        assert shape(ours, True) == shape(theirs, False), pattern
        assert flags & re.IGNORECASE == theirs.state.flags & re.IGNORECASE


@pytest.mark.parametrize("pattern", [r"(a)?(?(1)b|c)", r"(?x: a b)"])
def test_syntax_the_parser_does_not_read_leaves_a_pattern_without_a_prefilter(pattern):
    with pytest.raises(syntax.Unsupported):
        syntax.parse(pattern)
    assert prefixes(pattern) is None
    master = guarded_alternation([pattern, "ab"])
    for text in ("ab", "abc", "bc", " c", "a b"):
        plain = re.compile(f"(?<!\\w)(?:(?P<r0>{pattern})|(?P<r1>ab))")
        m, p = master.match(text), plain.match(text)
        assert (m and (m.lastgroup, m.end())) == (p and (p.lastgroup, p.end())), (pattern, text)


def test_no_private_cpython_module_is_imported():
    import ast
    from pathlib import Path

    for path in Path(__file__).resolve().parents[1].joinpath("transforms").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not [n for n in names if n.startswith("_sre") or n.startswith("re._")], (path, names)
