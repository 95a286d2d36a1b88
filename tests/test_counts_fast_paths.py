"""The count extractor's fast paths agree with the plain readings they stand for.

Each scan, combined regex and pre-check in transforms/counts.py that exists for speed is compared
here with the straightforward version (kept in this file as the reference) on texts built to hit
the shapes it is about, so that a change to one side that the other does not follow fails a test.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from tests.conftest import SAMPLES
from transforms.counts import extract as c
from transforms.counts import lexicon as lex
from transforms.counts import extract_counts
from transforms.counts.extract import NUMBER_WORDS, SCALES_AFTER_DIGITS
from transforms.lang.numbers import SCALE, scaled


def _sample_texts() -> list[str]:
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


SAMPLE_TEXTS = _sample_texts()

# Pieces around numbers: signs, dashes, Roman numerals, scale and decade words, runs with marks.
PIECES = st.sampled_from([
    "5", "12", "2024", "4,8", "1 234", " ", "\u00a0", "\u2009", "-", "–", "—", "+", "$", "€", "₼", "%", ".", ",",
    ":", "/", "@", "_", "=", "|", "−", "(", ")", "'", "’", "x", "I", "V", "X", "L", "C", "XIV", "ı", "İ", "a", "Ж",
    "milyon", "milyard", "min", "млн", "млрд", "тыс", "million", "bn", "mln", "MİLYARD", "Milyonun", "ci",
    "-ci illər", "-х", "s", "'s", "-е годы", "http://x.az/1", "UTC+3", "3+3", "18+", "\n",
])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


# --- candidates: one scan for digits, currency signs and Roman numerals -------------------------

_REFERENCE_SCANS = (
    ("digit", re.compile(r"\d+")),
    ("sym", re.compile(rf"[{c._SYMBOLS}](?={c._HS}?\d)")),
    ("roman", re.compile(r"\b[IVXLC]{1,7}\b")),
)


def _reference_candidates(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    found = [(m.start(), kind, m.span()) for kind, rx in _REFERENCE_SCANS for m in rx.finditer(text)]
    return sorted(found, key=lambda f: f[0])


def _candidates(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    return [(m.start(), m.lastgroup, m.span()) for m in c._SYMBOL_DIGIT_ROMAN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=60)))
def test_one_scan_finds_what_three_scans_find(text):
    assert _candidates(text) == _reference_candidates(text)


def test_one_scan_finds_what_three_scans_find_in_the_samples():
    for text in SAMPLE_TEXTS:
        assert _candidates(text) == _reference_candidates(text)


# --- scale words: a trie instead of an alternation sorted by length -----------------------------

def _reference_scale_after(lang: str) -> re.Pattern:
    words = [w for w, e in NUMBER_WORDS[lang].items() if e.kind == SCALE] + list(SCALES_AFTER_DIGITS[lang])
    words += [w for w in lex.ATTACHED_SCALES if w not in lex.MONEY_ONLY_SCALES]
    return re.compile(rf"{c._HS}*(?P<w>(?i:{c._words_regex(words)}))(?![^\W\d_])")


def _case_variants(word: str) -> set[str]:
    out = {word, word.upper(), word.capitalize()}
    for a, b in (("i", "İ"), ("ı", "I"), ("i", "I")):
        out |= {v.replace(a, b) for v in list(out)}
    return out


def test_scale_trie_reads_what_the_alternation_reads():
    for lang in c._LANGS:
        reference = _reference_scale_after(lang)
        words = [w for w, e in NUMBER_WORDS[lang].items() if e.kind == SCALE] + list(SCALES_AFTER_DIGITS[lang])
        words += list(lex.ATTACHED_SCALES)
        for word in words:
            for variant in _case_variants(word):
                for cut in range(1, len(variant) + 1):
                    for tail in ("", " ", ".", "a", "ı", "dan", "1"):
                        text = " " + variant[:cut] + tail
                        a, b = reference.match(text), c._SCALE_AFTER[lang].match(text)
                        assert (a and a.span()) == (b and b.span()), (lang, text)
                        assert (a and a.group("w")) == (b and b.group("w")), (lang, text)


def test_scale_trie_reads_what_the_alternation_reads_in_the_samples():
    references = {lang: _reference_scale_after(lang) for lang in c._LANGS}
    for text in SAMPLE_TEXTS:
        for m in re.finditer(r"\d+", text):
            for lang in c._LANGS:
                a, b = references[lang].match(text, m.end()), c._SCALE_AFTER[lang].match(text, m.end())
                assert (a and a.span()) == (b and b.span())


# --- ordered patterns tried in one regex ----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["or", "more", "less", "so", "plus", "odd", "с", "лишним", "небольшим", "и",
                                 "более", "или", "менее", " ", "  ", "-", "\u00a0", "x"]), max_size=8).map("".join))
def test_post_qualifiers_in_one_regex_match_as_the_list_did(text):
    for lang in ("ru", "en"):
        expected = None
        for rx, q in lex.POST_QUALIFIERS[lang].items():
            m = re.compile(rf"(?:{c._HS}*|[-‐])(?i:{rx})").match(text)
            if m:
                expected = (q, m.end())
                break
        post, qualifiers = c._POST_QUAL[lang]
        m = post.match(text)
        assert (m and (qualifiers[m.lastindex - 1], m.end())) == expected


def test_the_first_pattern_that_matches_wins():
    rx, values = c._first_of({"a": "short", "ab": "long"})
    m = rx.match("abc")
    assert (values[m.lastindex - 1], m.end()) == ("short", 1)
    rx, values = c._first_of({"ab": "long", "a": "short"})
    m = rx.match("abc")
    assert (values[m.lastindex - 1], m.end()) == ("long", 2)
    rx, values = c._first_of({"x": 1, "b": 2, "a": 3})
    assert values[rx.match("a").lastindex - 1] == 3


def test_verbs_in_one_regex_match_as_the_list_did():
    words = ["exceeded", "exceeds", "surpassed", "topped", "tops", "passed", "approached", "nearing", "near",
             "превысил", "перевалил за", "превосходит", "приблизился", "приближается", "exceed", "top", "pass", "x"]
    for lang in c._LANGS:
        verbs, qualifiers = c._PRE_VERB[lang]
        for word in words:
            expected = next((q for rx, q in lex.PRE_VERB_QUALIFIERS[lang].items()
                             if re.compile(rf"(?i:{rx})").fullmatch(word)), None)
            m = verbs.fullmatch(word)
            assert (m and qualifiers[m.lastindex - 1]) == expected, (lang, word)


# --- pre-checks: a regex runs only where the characters it needs are -----------------------------

# Short strings of every combination of the characters that matter, and random longer ones.
_AROUND = ["", " ", "\u00a0", "-", "‐", "‑", "–", "—", "+", "−", "'", "’", ":", ".", "/", "\\", "_", "=", "@", "|",
           "5", "12", "$", "х", "s", "ы", "c", "ci", "е", "x", "UTC", "www", "http", "%"]
_SHORT = [a + b + d for a in _AROUND for b in _AROUND for d in ("", "5", " 5", "$5", " годы", " illər")]


def _guards_hold(text: str) -> None:
    if c._RUN_NOT_COUNT.search(text):
        assert not c._RUN_NOT_COUNT_MARKS.isdisjoint(text), text
    if c._DECADE_AFTER.match(text):
        assert text[:1] in c._DECADE_FIRST, text
    if c._RANGE_DASH.match(text):
        assert not c._DASHES.isdisjoint(text[:2]), text
    for m in re.finditer(r"\d+", text):
        number = c._NUMBER.match(text, m.start())
        if c._PLUS_FORMAT.match(text, m.start()):
            assert "+" in text[number.end():number.end() + 2], text


def test_pre_checks_hold_on_every_short_combination():
    # a run that is no count has a mark; a decade ending starts as listed; a range dash stands in
    # the first two characters; a "3+3" format has its plus right after the number
    for text in [*_SHORT, *("5" + s for s in _SHORT), "3+3", "1 234+5", "4,8 + 2"]:
        _guards_hold(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_pre_checks_hold(text):
    _guards_hold(text)


# --- words before a number: read on the article reversed once ------------------------------------

_REFERENCE_WORD_REVERSED = re.compile(rf"{c._HS}*(\.?[-‐]?[^\W\d_]+(?:[-‐][^\W\d_]+)*)")
_REFERENCE_WORD_AFTER = re.compile(rf"{c._HS}*(?P<w>[^\W\d_]+(?:[-‐][^\W\d_]+)*)")


def _reference_words_before(text: str, pos: int, n: int) -> list[tuple[int, int]]:
    rev = text[max(0, pos - c._WINDOW):pos][::-1]
    out, i = [], 0
    while len(out) < n:
        m = _REFERENCE_WORD_REVERSED.match(rev, i)
        if m is None:
            break
        out.append((pos - m.end(1), pos - m.start(1)))
        i = m.end()
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["more", "than", "около", "не", "менее", "approx.", "No.", "Su-25", " ", "  ",
                                 "\u00a0", ",", "\n", "5", "x" * 30, "-"]), max_size=20).map("".join),
       st.integers(min_value=0, max_value=6))
def test_words_before_read_as_on_a_window(text, n):
    for pos in range(len(text) + 1):
        assert c._words_before(text, pos, n) == _reference_words_before(text, pos, n)
        first = _reference_words_before(text, pos, 1)
        assert c._word_before(text, pos) == (first[0] if first else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "Su-25", "-", "‐", " ", "\u00a0", "5", "x", "ə", "_", "."]), max_size=12)
       .map("".join))
def test_word_after_reads_as_before(text):
    for pos in range(len(text) + 1):
        a, b = _REFERENCE_WORD_AFTER.match(text, pos), c._WORD_AFTER.match(text, pos)
        assert (a and (a.span("w"), a.end())) == (b and (b.span("w"), b.end()))


def test_words_before_are_read_on_the_text_given():
    one, other = "more than 5", "less than 5"
    assert [one[a:b] for a, b in c._words_before(one, 10, 2)] == ["than", "more"]
    assert [other[a:b] for a, b in c._words_before(other, 10, 2)] == ["than", "less"]


# --- scaled: nothing to scale -------------------------------------------------------------------

@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(min_value=-10**20, max_value=10**20)))
def test_scaling_by_one_changes_nothing(value):
    assert repr(scaled(value, 1.0)) == repr(float(Decimal(repr(value)) * Decimal(1)))
    assert repr(scaled(value, 1000.0)) == repr(float(Decimal(repr(value)) * Decimal(1000)))


def test_plus_formats_with_a_space_are_no_counts():
    # the pre-check for "3+3" must look past a space after the number, as the format may have one
    assert [(m.text, m.value) for m in extract_counts("The 3 +3 format and 3+3 talks, 18 +", "en")] == [("18", 18.0)]
    assert extract_counts("в формате 3 + 3 и 2 +1", "ru") == []


# --- word readings kept per word ---------------------------------------------------------------

KIND_WORDS = ["Article", "paragraphs", "maddə", "№", "Embraer", "COP", "Su", "June", "Feb.", "aprelin", "апреля",
              "saat", "Saat", "nəfər", "countries", "meeting", "signed", "подписали", "человек", "ölkəsi", "hərbi",
              "və", "the", "two", "iki", "dollar", "ötüb", "keçmir", "dən", "yə", "i", "", "dək", "nəfərdən"]


def test_words_before_a_number_read_as_by_the_regexes():
    for lang in c._LANGS:
        for word in KIND_WORDS:
            if not word:
                continue
            bare = word.rstrip(".")
            assert c._word_before_kinds(word, lang) == (
                bool(c._DESIGNATOR.fullmatch(word)), bool(c._NAME_PREFIX.fullmatch(bare)),
                bool(c._MONTH_BEFORE_DAY[lang].fullmatch(word) or c._MONTH_BEFORE_DAY[lang].fullmatch(bare)),
                lang == "az" and bare.lower() == "saat"), (lang, word)


def test_object_words_read_as_by_the_regexes():
    assert c._object_word_kinds("countries", "en") == (False, False, True)
    assert c._object_word_kinds("signed", "en") == (False, True, False)
    assert c._object_word_kinds("the", "en") == (True, False, False)
    assert c._object_word_kinds("two", "en") == (True, False, False)
    assert c._object_word_kinds("iki", "az") == (False, False, False)    # a number word may be an object in Azerbaijani
    assert c._object_word_kinds("ötüb", "az") == (True, False, False)
    assert c._object_word_kinds("ölkəsi", "az") == (False, False, True)
    assert c._object_word_kinds("hərbi", "az") == (False, False, False)
    assert c._object_word_kinds("подписали", "ru") == (False, True, False)
    assert c._object_word_kinds("человек", "ru") == (False, False, False)


def test_azerbaijani_cases_read_as_by_the_regexes():
    for ending in KIND_WORDS:
        assert c._az_cases(ending) == (bool(c._AZ_TERMINATIVE.search(ending)), bool(c._AZ_ABLATIVE.search(ending)),
                                       bool(c._AZ_DATIVE.search(ending)), bool(c._AZ_ACCUSATIVE.search(ending)))


def test_verb_qualifiers_per_word():
    assert c._verb_qualifier("exceeded", "en") == "more_than"
    assert c._verb_qualifier("approaching", "en") == "about"
    assert c._verb_qualifier("превысил", "ru") == "more_than"
    assert c._verb_qualifier("signed", "en") is None
    assert c._verb_qualifier("exceeded", "az") is None


def test_every_telephone_label_contains_a_gate_key():
    # The gate before the label regex must let every label through: each alternative of
    # PHONE_LABELS, read as plain text, contains one of the keys.
    for alternative in lex.PHONE_LABELS.split("|"):
        plain = re.sub(r"\\w[*+]|\\s\+|\\\.", lambda m: " " if m.group() == r"\s+" else "." if m.group() == r"\." else "",
                       alternative)
        assert any(k in plain for k in c._PHONE_LABEL_KEYS), alternative
