"""Mentions marked in text (transforms/highlight.py) and the report's pure shaping
(transforms/report.py): nesting, markup that keeps the text, hover notes, file names, values."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import report as shape
from transforms.highlight import Piece, mark_text, nest_spans


def _pieces_of(pieces, key):
    return [p for p in pieces if p.key == key]


def test_disjoint_and_nested_spans_stay_whole():
    pieces = nest_spans([(0, 4, "a"), (10, 30, "doc"), (10, 14, "count"), (20, 25, "date")])
    assert pieces == [Piece(0, 4, "a", 0), Piece(10, 30, "doc", 0), Piece(10, 14, "count", 0),
                      Piece(20, 25, "date", 0)]


def test_a_span_that_crosses_another_is_cut_where_the_other_ends():
    pieces = nest_spans([(0, 10, "x"), (5, 15, "y")])
    assert pieces == [Piece(0, 10, "x", 0), Piece(5, 10, "y", 0), Piece(10, 15, "y", 1)]


def test_equal_spans_nest_and_empty_ones_are_dropped():
    assert nest_spans([(3, 7, "a"), (3, 7, "b"), (5, 5, "empty"), (9, 8, "inverted")]) == [
        Piece(3, 7, "a", 0), Piece(3, 7, "b", 0)]


@st.composite
def spans(draw):
    length = draw(st.integers(1, 60))
    n = draw(st.integers(0, 12))
    out = []
    for key in range(n):
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, length))
        out.append((start, end, key))
    return length, out


@settings(deadline=None)
@given(spans())
def test_pieces_nest_and_cover_each_span_exactly(case):
    length, given_spans = case
    pieces = nest_spans(given_spans)
    for a in pieces:
        for b in pieces:
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
            assert disjoint or nested, (a, b)
    # document order, an outer piece before the pieces inside it
    assert all((a.start, -a.end) <= (b.start, -b.end) for a, b in zip(pieces, pieces[1:]))
    for start, end, key in given_spans:
        own = _pieces_of(pieces, key)
        assert [p.index for p in own] == list(range(len(own)))
        assert own[0].start == start and own[-1].end == end
        assert all(a.end == b.start for a, b in zip(own, own[1:]))   # contiguous, in order


@settings(deadline=None)
@given(spans(), st.text(st.characters(blacklist_characters="\x00\x01\x02"), min_size=60, max_size=60))
def test_markup_keeps_the_text_and_wraps_each_piece(case, text):
    length, given_spans = case
    text = text[:length]
    pieces = nest_spans(given_spans)
    marked = mark_text(text, pieces, lambda p: f"\x00{p.key}\x01", lambda p: "\x02",
                       escape=lambda s: s)
    assert re.sub("\x00[0-9]+\x01|\x02", "", marked) == text
    # each key's pieces, read back from the markup, give its span's text
    stack, found, position = [], {}, 0
    for token in re.finditer("\x00([0-9]+)\x01|\x02|[^\x00\x02]+", marked, re.DOTALL):
        if token.group(1) is not None:
            stack.append(int(token.group(1)))
        elif token.group(0) == "\x02":
            stack.pop()
        else:
            for key in stack:
                found.setdefault(key, []).append((position, token.group(0)))
            position += len(token.group(0))
    assert not stack
    for start, end, key in given_spans:
        assert found[key][0][0] == start and "".join(t for _, t in found[key]) == text[start:end]


class _Marks(HTMLParser):
    """The marks of article_markup: key -> (first offset, text), and the text without tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.open, self.marks, self.attributes = "", [], {}, {}

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            attrs = dict(attrs)
            self.open.append(attrs["data-key"])
            self.attributes.setdefault(attrs["data-key"], []).append(attrs)
            self.marks.setdefault(attrs["data-key"], [len(self.text), ""])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for key in self.open:
            self.marks[key][1] += data
        self.text += data


def _mentions():
    text = 'Bakı, 22 fevral 2022 <b>&: "altı yol xəritəsi" imzalanıb.'
    frames = {
        "date": pl.DataFrame([{"start_char": 6, "end_char": 20, "text": "22 fevral 2022", "value": "2022-02-22",
                               "granularity": "day", "is_range": False, "is_relative": False, "role": "event",
                               "event_type": "signing", "role_rule": "event:signing", "role_confidence": 0.8,
                               "rule": "az_day_month_year", "confidence": 0.9}]),
        "count": pl.DataFrame([{"start_char": 28, "end_char": 32, "text": "altı", "value": 6.0, "kind": "cardinal",
                                "qualifier": "exact", "object": "yol xəritəsi", "unit": "item", "period_value": "2022",
                                "period_rule": "same_sentence", "period_confidence": 0.7, "rule": "words",
                                "confidence": 0.8}]),
        "document": pl.DataFrame([{"start_char": 28, "end_char": 45, "text": "altı yol xəritəsi", "doc_type": "roadmap",
                                   "document_id": None, "canonical_name": None, "rule": "az.plural",
                                   "confidence": 0.7}]),
    }
    return text, shape.article_mentions(frames)


def test_article_markup_marks_every_mention_at_its_offsets_and_escapes_the_text():
    text, mentions = _mentions()
    marked = shape.article_markup(text, mentions)
    assert "<b>" not in marked and "&lt;b&gt;" in marked
    parsed = _Marks()
    parsed.feed(marked)
    assert parsed.text == text
    assert {k: tuple(v) for k, v in parsed.marks.items()} == {
        m.anchor: (m.start, text[m.start:m.end]) for m in mentions}
    date = parsed.attributes["date-6-20"][0]
    assert date["id"] == "date-6-20" and date["data-kind"] == "date"
    assert "role: event (signing) (event:signing, 0.80)" in date["data-note"]
    assert "rule: az_day_month_year · confidence 0.90" in date["data-note"]
    count = parsed.attributes["count-28-32"][0]["data-note"]
    assert "unit: item" in count and "period: 2022 (same_sentence, 0.70)" in count
    assert [m.number for m in mentions] == [1, 2, 3] and [m.kind for m in mentions] == ["date", "document", "count"]


def test_bracketed_text_numbers_each_mention_once():
    text, mentions = _mentions()
    assert shape.bracketed(text, mentions) == 'Bakı, [22 fevral 2022]¹ <b>&: "[[altı]³ yol xəritəsi]²" imzalanıb.'


def test_unfilled_meaning_says_so():
    [mention] = shape.article_mentions({"date": pl.DataFrame([{
        "start_char": 0, "end_char": 4, "text": "2022", "value": "2022", "granularity": "year", "role": None,
        "event_type": None, "rule": "year", "confidence": 0.9}])})
    assert ("role", "not filled") in mention.details


def test_timex_start_and_month():
    assert shape.timex_start("2022-02-22") == dt.date(2022, 2, 22)
    assert shape.timex_start("2022-02") == dt.date(2022, 2, 1)
    assert shape.timex_start("2022/2024") == dt.date(2022, 1, 1)
    assert shape.timex_start("2023-10-30/2023-11-05") == dt.date(2023, 10, 30)
    assert shape.timex_start("XXXX-02-22") is None and shape.timex_start(None) is None
    assert shape.timex_start("2022-02-30") is None
    assert shape.month_of(dt.date(2024, 8, 19)) == "2024-08" and shape.month_of(None) == "undated"


@settings(deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_page_names_are_safe_and_tell_ids_apart(article_id):
    name = shape.page_name(article_id)
    assert re.fullmatch(r"articles/[A-Za-z0-9._-]+-[0-9a-f]{8}\.html", name)
    assert shape.page_name(article_id + "/") != name


def test_numbers_read_as_a_reader_writes_them():
    assert shape.format_number(4.4e9) == "4,400,000,000"
    assert shape.format_number(2.5) == "2.5" and shape.format_number(12) == "12"
    assert shape.format_number(None) == ""


def test_sentence_snippet_bolds_the_words_and_escapes():
    assert shape.sentence_snippet("On 3 <May> 2024 they met.", "3 <May> 2024") == \
        "On <b>3 &lt;May&gt; 2024</b> they met."
    long = "x" * 400 + " 2024 " + "y" * 400
    snippet = shape.sentence_snippet(long, "2024", limit=100)
    assert "<b>2024</b>" in snippet and len(snippet) < 140 and snippet.startswith("…")


def test_timeline_months_order_months_then_year_only_then_undated():
    events = pl.DataFrame([
        {"value_start": dt.date(2024, 8, 19), "granularity": "day", "event_type": "signing"},
        {"value_start": dt.date(2024, 1, 1), "granularity": "year", "event_type": "visit"},
        {"value_start": None, "granularity": "day", "event_type": "visit"},
        {"value_start": dt.date(2023, 2, 1), "granularity": "month", "event_type": "meeting"},
    ])
    assert [heading for heading, _ in shape.timeline_months(events)] == ["2023-02", "2024-08", "2024", "undated"]
    counts = shape.monthly_counts(events)
    assert counts.to_dicts() == [{"month": dt.date(2023, 2, 1), "event_type": "meeting", "n_events": 1},
                                 {"month": dt.date(2024, 8, 1), "event_type": "signing", "n_events": 1}]


def test_the_month_index_groups_months_under_their_year():
    groups = [("2023-02", [1]), ("2024-08", [1, 2]), ("2024", [1]), ("undated", [1, 2, 3])]
    assert shape.month_index(groups) == [
        ("2023", [("Feb", "m-2023-02", 1)]),
        ("2024", [("Aug", "m-2024-08", 2), ("year only", "m-2024", 1)]),
        ("undated", [("undated", "m-undated", 3)])]
