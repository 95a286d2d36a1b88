"""Property tests for the count extractor: on any text it never raises, offsets slice exactly to the
mention text, values and enumerations are valid, mentions are ordered, disjoint and outside
``exclude``."""
from __future__ import annotations

import math
import re
import time

import pytest
from hypothesis import given, settings, strategies as st

from transforms.counts import extract_counts
from transforms.counts.lexicon import CURRENCY_CODES, PHONE_LABELS
from transforms.mentions import COUNT_KINDS, QUALIFIERS

SENTENCES = [
    "Ticarət dövriyyəsi təxminən 2,5 milyard dollar təşkil edib, 14% artıb.",
    "Hazırda 150-dən çox beynəlxalq hüquqi akt, 250-yə yaxın nümayəndə və VII forum.",
    "İki ölkənin prezidentləri 11-ci forumda üçüncü dəfə görüşüb; 5-7 milyon ton yük.",
    "Товарооборот составил $2,14 млрд, около $1,5 млрд пришлось на импорт, рост на 4,3%.",
    "Погибли 39 из 67 человек, трое граждан; XI форум, 20-е заседание, до 100 тыс. тонн.",
    "More than 150 documents, $4.4 billion, 17 percent, the 19th meeting and two countries.",
    "Approximately 7,200 kilometres, 5–7 million tonnes, USD 2.5 billion and the XXI century.",
    "28 May 2020 16:29 (UTC +04:00); +994 12 498 12 34; https://x.az/2024/08/27/1.html",
    "Budget: " + "9" * 400 + " trillion dollars and 1" + "0" * 30 + " manat.",
    "Sülhməramlılar 3 il yarımdan çox qalıb; 4 milyard 372 milyon dollardan çox, 1800-dən çox şirkət.",
    "Два с половиной года, 25-ю годовщину, по одному контракту; тел. 8-800-555-35-35, 16+, Просмотров: 12.",
    "More than a year and a half, half a million, 2 billion 615 million dollars, up from $5 billion.",
]

LANGS = st.sampled_from(["az", "ru", "en", None, "xx", "ru-RU"])


def check_invariants(text: str, lang, exclude=()) -> None:
    mentions = extract_counts(text, lang, exclude)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert m.kind in COUNT_KINDS
        assert m.qualifier in QUALIFIERS
        assert isinstance(m.value, float) and math.isfinite(m.value) and m.value >= 0
        assert 0 < m.confidence <= 1 and m.rule
        if m.kind == "money":
            assert m.object in CURRENCY_CODES
        else:
            assert m.object is None or (isinstance(m.object, str) and m.object.strip())
        for s, e in exclude:
            assert e <= s or m.end <= s or m.start >= e


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), LANGS)
def test_arbitrary_unicode(text, lang):
    check_invariants(text, lang)


NEWSY = st.lists(st.sampled_from(list(
    "0123456789 ,.-–%$€₼₽:/+()«»\"'\nIVXLCabcdeəıiöüçşğ"
    "аеиоукмнрстывдлтыс") + [
    " milyard ", " milyon ", " min ", " млн ", " млрд ", " тыс. ", " billion ", " million ", "-dən çox ",
    "-yə yaxın ", "-ci ", "-cü ", "-е ", "-й ", "th ", " faiz ", " процентов ", " percent ", " dollar ",
    " долларов ", " manat ", " RUB ", " USD ", " AZN ", " iki ", " два ", " two ", " üçüncü ", " третьей ",
    " more than ", " около ", " təxminən ", " up to ", " до ", " forum ", " форум ", " aprel ", " апреля ",
    " May ", " il ", " года ", " saylı ", " Article ", " пункт ", " Embraer ", " hər ", " bir ", " one ",
]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY, LANGS)
def test_newsy_fragments(text, lang):
    check_invariants(text, lang)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SENTENCES), st.integers(0, 200), st.integers(0, 200), st.text(max_size=8), LANGS)
def test_mangled_sentences(sentence, cut, insert_at, noise, lang):
    """Real-style sentences cut short or with noise spliced in anywhere."""
    text = sentence[:max(1, cut)] if cut < len(sentence) else sentence
    i = min(insert_at, len(text))
    check_invariants(text[:i] + noise + text[i:], lang)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES), st.lists(st.tuples(st.integers(-5, 120), st.integers(0, 40)), max_size=4), LANGS)
def test_mentions_never_overlap_exclude(sentence, raw_spans, lang):
    spans = [(s, s + n) for s, n in raw_spans]
    check_invariants(sentence, lang, [(max(0, s), e) for s, e in spans if e > max(0, s)])
    check_invariants(sentence, lang, spans)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(SENTENCES), LANGS)
def test_excluding_everything_leaves_nothing(sentence, lang):
    assert extract_counts(sentence, lang, [(0, len(sentence))]) == []


def _cpu_seconds(text: str) -> float:
    """The least CPU time of a few extractions of ``text`` (CPU time of this process, not the
    wall clock: other processes on the machine do not count)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        extract_counts(text, "ru")
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("unit", ["1-", "1, ", "\n5", "Более 150 документов, 4,3%. ", "сто "])
def test_long_runs_cost_linear_time(unit):
    """Context is read within a window, so a long whitespace-free run of numbers ("1-1-1-..."),
    a long list or a long line does not make each number rescan the whole text: four times the
    text takes about four times the work (a rescan would take sixteen). Measured as a ratio of
    CPU times, so a loaded machine does not make it fail."""
    small, large = unit * 1000, unit * 4000
    ratio = _cpu_seconds(large) / max(_cpu_seconds(small), 1e-4)
    assert ratio < 9, (unit, ratio)


TELEPHONE_LABELS = ["Hotline", "Phone", "Telephone", "Tel.", "Fax", "Call centre", "Call center", "Телефон",
                    "Телефоны", "Тел.", "Факс", "Горячая линия", "горячей линии", "Колл-центр", "Telefon",
                    "Telefonlar", "Faks", "Qaynar xətt", "qaynar xətti", "Çağrı mərkəzi"]


def test_every_telephone_label_has_an_example():
    for alternative in PHONE_LABELS.split("|"):
        assert any(re.fullmatch(alternative, label, re.IGNORECASE) for label in TELEPHONE_LABELS), alternative


@pytest.mark.parametrize("label", TELEPHONE_LABELS)
def test_a_short_number_after_a_telephone_label_is_no_count(label):
    """Every telephone label of the lexicon, written before a short number, makes it a number to
    call ("Hotline: 146", "qaynar xətt 1655")."""
    for text in (f"{label}: 146", f"{label} 1655"):
        assert [m.text for m in extract_counts(text, None)] == [], text
