"""The document extractor's and linker's fast paths agree with the plain readings they stand for.

Each scan, cache and short cut in transforms/documents*.py that exists for speed is compared here
with the straightforward version (kept in this file as the reference), so that a change to one side
that the other does not follow fails a test.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from hypothesis import given, settings, strategies as st

from tests.conftest import SAMPLES
from transforms.documents import extract as d
from transforms.documents import concepts
from transforms.documents import linking
from transforms.documents.lexicon import PREFILTER, SENTENCE_END, lower_text
from warehouse.registry import load_registry


def _sample_texts() -> list[tuple[str, str]]:
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [(a["text"], a["language"]) for a in map(json.loads, filter(str.strip, lines))]


SAMPLE_TEXTS = _sample_texts()

# Stems of the type nouns with letters, digits and underscores on either side.
PIECES = st.sampled_from([
    "saziş", "müqavilə", "bəyannamə", "plan", "akt", "xəritə", "договор", "соглашение", "карта", "карты", "план",
    "акт", "акта", "agreement", "pact", "pacts", "deal", "map", "maps", "plans", "act", "acts", "mou", "mous",
    "treaty", "x", "_", "1", " ", "-", "«", "\n", "a", "ы", "ə", "İ", "I",
])
TEXTS = st.lists(PIECES, max_size=25).map("".join)


# --- the pre-filter without "\b", the word boundary checked on each hit ---------------------------

@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_hits_are_where_the_prefilter_matches(text):
    for lang in PREFILTER:
        low = lower_text(text, lang)
        assert d._hits(low, lang) == [m.start() for m in PREFILTER[lang].finditer(low)]


def test_hits_are_where_the_prefilter_matches_in_the_samples():
    for text, lang in SAMPLE_TEXTS:
        low = lower_text(text, lang)
        assert d._hits(low, lang) == [m.start() for m in PREFILTER[lang].finditer(low)]


_REFERENCE_TOKEN = re.compile(r"\n|[^\W_]+(?:[-‐‑'’`][^\W_]+)*|[^\s]")


def _reference_tokens(text: str, low: str, hits: list[int]) -> tuple[list[int], list[int], list[str]]:
    """The tokenizer as it was: starts, ends and lower-cased tokens, "\x00" between stretches."""
    windows: list[list[int]] = []
    for pos in hits:
        a, b = max(0, pos - d._WINDOW_BEFORE), min(len(low), pos + d._WINDOW_AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    starts, ends, lows = [], [], []
    for a, b in windows:
        if a > 0:
            space = low.find(" ", a)
            a = space + 1 if 0 <= space < b else a
        if b < len(low):
            space = low.rfind(" ", a, b)
            b = space if space > a else b
        if starts:
            starts.append(a)
            ends.append(a)
            lows.append("\x00")
        spans = [m.span() for m in _REFERENCE_TOKEN.finditer(low, a, b)]
        starts += [x for x, _ in spans]
        ends += [y for _, y in spans]
        lows += [low[x:y] for x, y in spans]
    return starts, ends, lows


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.sampled_from(["\x00", "word " * 60])), max_size=40).map("".join))
def test_tokens_as_before(text):
    for lang in PREFILTER:
        low = lower_text(text, lang)
        hits = d._hits(low, lang)
        tokens = d._tokenize(text, low, hits)
        starts, ends, lows = _reference_tokens(text, low, hits)
        assert (tokens.starts, tokens.low) == (starts, lows)
        assert [tokens.end(i) for i in range(len(tokens.low))] == ends


def test_tokens_as_before_in_the_samples():
    for text, lang in SAMPLE_TEXTS:
        low = lower_text(text, lang)
        hits = d._hits(low, lang)
        tokens = d._tokenize(text, low, hits)
        starts, ends, lows = _reference_tokens(text, low, hits)
        assert (tokens.starts, tokens.low) == (starts, lows)
        assert [tokens.end(i) for i in range(len(tokens.low))] == ends


# --- years: the guard before the digits is a lookbehind after them --------------------------------

_REFERENCE_YEAR = re.compile(r"(?<![\d.,])(19[4-9]\d|20[0-4]\d)(?![\d.,]\d)")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["19", "20", "45", "99", "2024", "1945", "0", ".", ",", " ", "a", "-"]),
                max_size=10).map("".join), st.data())
def test_years_are_found_as_before(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    found = [(m.span(), m.group(1)) for m in linking._YEAR_IN_TEXT.finditer(text, lo, hi)]
    assert found == [(m.span(), m.group(1)) for m in _REFERENCE_YEAR.finditer(text, lo, hi)]


# --- the sentence around a mention starts after the last mark before it ---------------------------

_REFERENCE_MARK = re.compile("[" + re.escape("".join(c for c in SENTENCE_END if c != "\x00")) + "]")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", ".", "!", "?", "…", "\n", ";", ",", "Saziş"]), max_size=20).map("".join))
def test_sentence_start_by_rfind(text):
    for pos in range(len(text) + 1):
        for start in (0, max(0, pos - 5)):
            expected = start
            for mark in _REFERENCE_MARK.finditer(text, start, pos):
                expected = mark.end()
            assert linking._sentence_start(text, start, pos) == expected


# --- signing days near a mention ------------------------------------------------------------------

def test_signing_day_near_as_before():
    near = frozenset({(11, 10), (2, 22)})
    for day in (dt.date(2020, 11, 10), dt.date(2020, 11, 9), dt.date(2020, 11, 11), dt.date(2020, 11, 12),
                dt.date(2022, 2, 21), dt.date(2022, 2, 23), dt.date(2022, 3, 1), dt.date(2022, 2, 28)):
        for days in (near, frozenset(), frozenset({(3, 1)})):
            expected = any((x.month, x.day) in days for x in (day, day - dt.timedelta(days=1),
                                                              day + dt.timedelta(days=1)))
            assert linking.signed_day_near(day, days) == expected


# --- the prepared registry: kept while the same entries are passed ---------------------------------

def test_prepared_registry_follows_its_entries():
    registry = load_registry()
    prepared = linking._prepared(registry)
    assert prepared == linking._prepare(tuple(registry))
    assert linking._prepared(list(registry)) is prepared          # the same entries
    renamed = [dataclasses.replace(registry[0], canonical_name="Another name"), *registry[1:]]
    other = linking._prepared(renamed)
    assert other.entries[0].canonical_name == "Another name"
    assert linking._prepared(registry[:-1]).entries == tuple(registry[:-1])
    assert linking._prepared(registry).entries == tuple(registry)


def test_alias_weights_in_the_order_of_its_concepts():
    prepared = linking._prepared(load_registry())
    for alias in prepared.aliases:
        assert tuple(c for c, _ in alias.weighted) == tuple(alias.concepts)
        assert tuple(w for _, w in alias.weighted) == tuple(prepared.weights[c] for c in alias.concepts)
        assert sum(w for _, w in alias.weighted) == alias.weight


# --- name keys: the fast path for words that stand alone -----------------------------------------

def _reference_name_key(words, language=None):
    found, parties = set(), set()
    previous, skip, n = "", -1, len(words)
    for index, word in enumerate(words):
        if index == skip:
            continue
        month, kind, word_concepts, word_parties = concepts._analyse(word, language)
        if month is not None:
            for near in (index - 1, index + 1):
                day = concepts._DAY.match(words[near]) if 0 <= near < n else None
                if day:
                    found.add(f"D{month:02d}-{int(day.group(1)):02d}")
                    found.discard(f"~{words[near]}")
                    skip = near
                    break
            continue
        if kind == concepts._ACTIVITY:
            if previous.startswith("qarşılıql"):
                found.discard("MUTUAL")
                found.add("INTERACT")
            else:
                found.add("ACTION")
            previous = word
            continue
        previous = word
        if kind == concepts._TERM_START and index + 1 < n:
            term = concepts._term(word, words[index + 1])
            if term:
                found.add(term)
                skip = index + 1
                continue
        found.update(word_concepts)
        parties.update(word_parties)
    return concepts.NameKey(frozenset(found), frozenset(parties))


WORDS = st.lists(st.sampled_from([
    "10", "noyabr", "november", "10-da", "22", "февраля", "qarşılıqlı", "fəaliyyət", "fəaliyyəti", "dəmir", "yolu",
    "железная", "дорога", "russia", "azərbaycan", "müttəfiqlik", "cooperation", "allied", "interaction", "2022",
    "vii", "xyz", "of", "the", "yük", "daşıma", "cease", "fire", "may", "мая", "5",
]), max_size=14)


@settings(max_examples=400, deadline=None)
@given(WORDS, st.sampled_from(["az", "ru", "en", None]))
def test_name_key_as_the_plain_loop(words, language):
    assert concepts.name_key(words, language) == _reference_name_key(words, language)


def test_name_key_as_the_plain_loop_on_the_samples():
    for text, language in SAMPLE_TEXTS:
        words = linking._WORD.findall(lower_text(text, language))
        assert concepts.name_key(words, language) == _reference_name_key(words, language)


# --- aliases a name may cover: pruned by a sum per concept of the name ------------------------------

@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_alias_covered_enough_is_pruned(data):
    prepared = linking._prepared(load_registry())
    vocabulary = sorted(prepared.by_concept)
    alias = prepared.aliases[data.draw(st.integers(0, len(prepared.aliases) - 1))]
    source = frozenset(data.draw(st.lists(st.sampled_from(sorted(alias.concepts)), max_size=len(alias.concepts)))
                       + data.draw(st.lists(st.sampled_from(vocabulary), max_size=4)))
    kept = set(linking._aliases_covered(prepared, source, 0.6))
    for a, other in enumerate(prepared.aliases):
        shared = sum([w for c, w in other.weighted if c in source])
        if shared and shared / other.weight >= 0.6:
            assert a in kept
        if a in kept:
            assert shared / other.weight >= 0.6 - 1e-6       # the margin only keeps near misses
