"""Pure shaping for `ruaz report` and `ruaz show`: mentions as marked text and hover notes, the
timeline by month, and the charts as Vega-Lite specifications (built with Altair).

No I/O here: frames and strings in, strings, dicts and frames out. flows/report.py reads the
warehouse, renders the pages and writes them.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import polars as pl

from transforms.highlight import Piece, mark_text, nest_spans

KINDS = ("date", "count", "document")
KIND_COLOURS = {"date": "#2b6cb0", "count": "#c05621", "document": "#6b46c1"}
UNDATED = "undated"

_TIMEX_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# ---- values --------------------------------------------------------------------------------------

def timex_start(value: str | None) -> dt.date | None:
    """The first day a TIMEX value covers ('2022-02-22', '2022-02', '2022', 'A/B' ranges); None
    when a digit of it is unknown (X) or the value is not a date."""
    if not value:
        return None
    match = _TIMEX_DAY.match(value.split("/")[0])
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_of(day: dt.date | None) -> str:
    """'YYYY-MM', or 'undated'."""
    return UNDATED if day is None else f"{day.year:04d}-{day.month:02d}"


def format_number(value: float | int | None) -> str:
    """A number as a reader writes it: thousands separated, no '.0' on whole numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.2f}"


def format_confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def page_name(article_id: str) -> str:
    """The file of an article's page, relative to the report: readable, safe on every file system,
    and unique (a digest of the id tells apart ids that differ only in unsafe characters)."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._")[:60] or "article"
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    return f"articles/{readable}-{digest}.html"


def mention_anchor(kind: str, start: int, end: int) -> str:
    """The HTML id of a mention's first piece on its article's page."""
    return f"{kind}-{start}-{end}"


# ---- mentions of one article ---------------------------------------------------------------------

@dataclass
class Mention:
    """One mention as the article page and `ruaz show` present it."""

    kind: str
    start: int
    end: int
    text: str
    value: str                       # readable value
    details: list[tuple[str, str]]   # (field, readable value): the meaning, link and provenance
    rule: str
    confidence: float | None
    number: int = 0                  # its place in the article's list, from 1
    anchor: str = field(init=False)

    def __post_init__(self) -> None:
        self.anchor = mention_anchor(self.kind, self.start, self.end)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.kind, self.start, self.end)

    def note(self) -> str:
        """The hover note: kind and value, then one line per detail."""
        lines = [f"{self.kind}: {self.value}"]
        lines += [f"{name}: {value}" for name, value in self.details]
        lines.append(f"rule: {self.rule} · confidence {format_confidence(self.confidence)}")
        return "\n".join(lines)


def _is_set(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and value != ""


def _with_confidence(value: Any, rule: Any, confidence: Any) -> str:
    extra = [str(rule)] if _is_set(rule) else []
    if _is_set(confidence):
        extra.append(format_confidence(confidence))
    return f"{value} ({', '.join(extra)})" if extra else str(value)


def date_mention(row: Mapping[str, Any]) -> Mention:
    details = [("granularity", row.get("granularity") or "")]
    if row.get("is_range"):
        details.append(("range", f"{row.get('value_start') or '?'} to {row.get('value_end') or '?'}"))
    if row.get("is_relative"):
        details.append(("relative", "yes"))
    role = row.get("role")
    if _is_set(role):
        label = f"{role} ({row['event_type']})" if _is_set(row.get("event_type")) else role
        details.append(("role", _with_confidence(label, row.get("role_rule"), row.get("role_confidence"))))
    else:
        details.append(("role", "not filled"))
    return Mention("date", row["start_char"], row["end_char"], row["text"], row.get("value") or "", details,
                   row.get("rule") or "", row.get("confidence"))


def count_mention(row: Mapping[str, Any]) -> Mention:
    unit = row.get("unit")
    value = format_number(row.get("value"))
    if _is_set(unit) and unit != "item":
        value = f"{value} {unit}"
    elif not _is_set(unit) and row.get("kind") == "money" and _is_set(row.get("object")):
        value = f"{value} {row['object']}"     # before units were filled, a currency was the object
    details = [("kind", f"{row.get('kind')}, {row.get('qualifier')}")]
    if _is_set(row.get("object")):
        details.append(("object", str(row["object"])))
    if _is_set(unit):
        details.append(("unit", _with_confidence(unit, row.get("unit_rule"), None)))
    elif row.get("kind") != "ordinal":
        details.append(("unit", "not filled"))
    if _is_set(row.get("measure")):
        details.append(("measure", _with_confidence(row["measure"], row.get("measure_rule"),
                                                    row.get("measure_confidence"))))
    if _is_set(row.get("period_value")):
        details.append(("period", _with_confidence(row["period_value"], row.get("period_rule"),
                                                   row.get("period_confidence"))))
    else:
        details.append(("period", "none"))
    return Mention("count", row["start_char"], row["end_char"], row["text"], value, details,
                   row.get("rule") or "", row.get("confidence"))


def document_mention(row: Mapping[str, Any]) -> Mention:
    name = row.get("canonical_name") or "(unidentified)"
    details = [("type", row.get("doc_type") or "")]
    if _is_set(row.get("document_id")):
        details.append(("document", str(row["document_id"])))
        details.append(("linked by", _with_confidence(row.get("link_method") or "", None, row.get("link_confidence"))))
    if _is_set(row.get("signed_on")):
        details.append(("signed", str(row["signed_on"])))
    return Mention("document", row["start_char"], row["end_char"], row["text"], name, details,
                   row.get("rule") or "", row.get("confidence"))


BUILDERS = {"date": date_mention, "count": count_mention, "document": document_mention}


def article_mentions(frames: Mapping[str, pl.DataFrame]) -> list[Mention]:
    """Every mention of one article (frames per kind, as warehouse.report.mentions_of gives them),
    in text order and numbered from 1."""
    mentions = [BUILDERS[kind](row) for kind in KINDS if kind in frames for row in frames[kind].iter_rows(named=True)]
    mentions.sort(key=lambda m: (m.start, -m.end, KINDS.index(m.kind)))
    for number, mention in enumerate(mentions, 1):
        mention.number = number
    return mentions


def article_markup(text: str, mentions: Sequence[Mention]) -> str:
    """The article as HTML: every mention a <mark> (a mention that crosses another is cut into
    pieces, each a <mark> with the same data-key; the first piece has the mention's id)."""
    by_key = {m.key: m for m in mentions}
    pieces = nest_spans((m.start, m.end, m.key) for m in mentions)

    def open_tag(piece: Piece) -> str:
        m = by_key[piece.key]
        attributes = {"class": f"m m-{m.kind}", "data-key": m.anchor, "data-kind": m.kind,
                      "data-start": str(m.start), "data-end": str(m.end), "data-note": m.note(),
                      "data-piece": str(piece.index)}
        if piece.index == 0:
            attributes["id"] = m.anchor
        return "<mark " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attributes.items()) + ">"

    return mark_text(text, pieces, open_tag, lambda piece: "</mark>", escape=_escape_text)


def _escape_text(text: str) -> str:
    # a carriage return written as itself would become a line feed when the page is parsed
    return html.escape(text, quote=False).replace("\r", "&#13;")


def mention_rows(mentions: Sequence[Mention]) -> str:
    """The rows of an article page's table of mentions, as HTML (written here rather than in the
    template: a large report has hundreds of thousands of them)."""
    out = []
    for m in mentions:
        meaning = "<br>".join(f'<span class="detail"><i>{html.escape(name)}</i> {html.escape(str(value))}</span>'
                              for name, value in m.details)
        out.append(
            f'<tr data-key="{m.anchor}"><td class="n">{m.number}</td>'
            f'<td><span class="swatch m-{m.kind}"></span>{m.kind}</td>'
            f'<td><a href="#{m.anchor}">{html.escape(m.text)}</a></td><td>{html.escape(m.value)}</td>'
            f'<td>{meaning}</td><td><code>{html.escape(m.rule)}</code></td>'
            f'<td class="n">{format_confidence(m.confidence)}</td><td class="n nowrap">{m.start}–{m.end}</td></tr>')
    return "\n".join(out)


def terminal_pieces(mentions: Sequence[Mention]) -> list[Piece]:
    return nest_spans((m.start, m.end, m.key) for m in mentions)


def bracketed(text: str, mentions: Sequence[Mention]) -> str:
    """The article as plain text with each mention in brackets and its number: '[22 fevral 2022]³'
    (for a terminal without colour or a log)."""
    by_key = {m.key: m for m in mentions}
    pieces = terminal_pieces(mentions)
    last_piece = {piece.key: piece.index for piece in pieces}

    def close(piece: Piece) -> str:
        done = last_piece[piece.key] == piece.index
        return "]" + (superscript(by_key[piece.key].number) if done else "")

    return mark_text(text, pieces, lambda piece: "[", close)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def sentence_snippet(sentence: str | None, text: str | None, limit: int = 320) -> str:
    """The sentence as HTML with the mention's words in <b> (their first occurrence), cut to about
    ``limit`` characters around them."""
    sentence = sentence or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return html.escape(sentence if len(sentence) <= limit else sentence[:limit] + "…")
    before, words, after = sentence[:at], sentence[at:at + len(text)], sentence[at + len(text):]
    room = max(limit - len(words), 40) // 2
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    return f"{html.escape(before)}<b>{html.escape(words)}</b>{html.escape(after)}"


# ---- the timeline --------------------------------------------------------------------------------

def timeline_months(events: pl.DataFrame) -> list[tuple[str, list[dict]]]:
    """The events grouped under their month ('YYYY-MM', in order), then those whose month is not
    known: under 'YYYY' (the year only) and 'undated'."""
    groups: dict[str, list[dict]] = {}
    for row in events.iter_rows(named=True):
        groups.setdefault(event_heading(row), []).append(row)

    def order(heading: str) -> tuple:
        return (heading == UNDATED, heading[:4], len(heading) == 4, heading)

    return [(heading, groups[heading]) for heading in sorted(groups, key=order)]


def event_heading(row: Mapping[str, Any]) -> str:
    """'YYYY-MM' for an event known to the month; 'YYYY' when only its year is; 'undated'."""
    start = row.get("value_start")
    if start is None:
        return UNDATED
    if row.get("granularity") == "year":
        return f"{start.year:04d}"
    return month_of(start)


def month_index(groups: Sequence[tuple[str, Sequence]]) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """The timeline's table of contents: per year, its months (label, anchor, number of happenings),
    then 'year only' for happenings known only to the year; 'undated' last."""
    years: dict[str, list[tuple[str, str, int]]] = {}
    for heading, events in groups:
        year = heading if heading == UNDATED else heading[:4]
        label = (UNDATED if heading == UNDATED else calendar.month_abbr[int(heading[5:])] if len(heading) == 7
                 else "year only")
        years.setdefault(year, []).append((label, month_anchor(heading), len(events)))
    return list(years.items())


def month_anchor(heading: str) -> str:
    return f"m-{heading}"


def monthly_counts(events: pl.DataFrame) -> pl.DataFrame:
    """month (first day), event_type, n_events: the events known to the month."""
    rows = [(row["value_start"].replace(day=1), row["event_type"]) for row in events.iter_rows(named=True)
            if row.get("value_start") is not None and row.get("granularity") != "year"]
    if not rows:
        return pl.DataFrame(schema={"month": pl.Date, "event_type": pl.Utf8, "n_events": pl.UInt32})
    return (pl.DataFrame(rows, schema={"month": pl.Date, "event_type": pl.Utf8}, orient="row")
            .group_by("month", "event_type").agg(pl.len().alias("n_events")).sort("month", "event_type"))


# ---- charts --------------------------------------------------------------------------------------

CHART_WIDTH = 760


def _values(frame: pl.DataFrame | Iterable[Mapping[str, Any]]) -> alt.Data:
    rows = frame.to_dicts() if isinstance(frame, pl.DataFrame) else list(frame)
    return alt.Data(values=[{k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v)
                             for k, v in row.items()} for row in rows])


def _category_scale(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), scheme="tableau10")


def articles_chart(per_month: pl.DataFrame, languages: Sequence[str]) -> dict:
    """Articles per month of publication, stacked by language (undated articles are not drawn)."""
    dated = per_month.filter(pl.col("month").is_not_null()).with_columns(
        (pl.col("month") + "-01").alias("month"))
    chart = alt.Chart(_values(dated), width=CHART_WIDTH, height=180).mark_bar().encode(
        x=alt.X("utcyearmonth(month):T", title="month of publication"),
        y=alt.Y("sum(n_articles):Q", title="articles", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("language:N", scale=_category_scale(languages), title="language"),
        tooltip=[alt.Tooltip("utcyearmonth(month):T", title="month"), alt.Tooltip("language:N"),
                 alt.Tooltip("sum(n_articles):Q", title="articles")],
    )
    return chart.to_dict()


def timeline_chart(events: pl.DataFrame, event_types: Sequence[str]) -> dict:
    """The relationship over time: each happening a dot on its type's row (size: the outlets that
    carried its story; click: the article), above the happenings per month stacked by type (drag
    across the bars to zoom the dots on those months)."""
    dated = [row for row in events.iter_rows(named=True)
             if row.get("value_start") is not None and row.get("granularity") != "year"]
    points = [{"day": row["value_start"], "event_type": row["event_type"], "value": row["value"],
               "text": row["text"], "sentence": _cut(row.get("sentence"), 160),
               "documents": "; ".join(row.get("document_names") or []) or "—",
               "title": row.get("title") or row["article_id"], "n_sources": row.get("n_sources") or 1,
               "href": row["href"]} for row in dated]
    colour = alt.Color("event_type:N", scale=_category_scale(event_types), title="type")
    months = alt.selection_interval(encodings=["x"], name="months")
    dots = alt.Chart(_values(points), width=CHART_WIDTH, height=max(60, 26 * len(event_types))).mark_circle(
        opacity=0.75, clip=True).encode(
        x=alt.X("day:T", title=None, scale=alt.Scale(type="utc", domain=months, padding=14),
                axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        y=alt.Y("event_type:N", title=None, sort=list(event_types)),
        color=colour,
        size=alt.Size("n_sources:Q", title="outlets", scale=alt.Scale(range=[60, 400]), legend=None),
        href="href:N",
        tooltip=[alt.Tooltip("value:N", title="date"), alt.Tooltip("event_type:N", title="type"),
                 alt.Tooltip("text:N", title="words"), alt.Tooltip("sentence:N"),
                 alt.Tooltip("documents:N"), alt.Tooltip("title:N", title="article"),
                 alt.Tooltip("n_sources:Q", title="outlets")],
    )
    bars = alt.Chart(_values(monthly_counts(events)), width=CHART_WIDTH, height=110).mark_bar(minBandSize=3).encode(
        x=alt.X("utcyearmonth(month):T", title="month (drag across to zoom the dots)", scale=alt.Scale(type="utc")),
        y=alt.Y("sum(n_events):Q", title="per month", axis=alt.Axis(tickMinStep=1, format="d")),
        color=colour,
        tooltip=[alt.Tooltip("utcyearmonth(month):T", title="month"), alt.Tooltip("event_type:N", title="type"),
                 alt.Tooltip("sum(n_events):Q", title="happenings")],
    ).add_params(months)
    return alt.vconcat(dots, bars).to_dict()


def documents_chart(documents: pl.DataFrame, languages: Sequence[str], link: str, top: int = 15) -> dict:
    """The ``top`` most mentioned documents, their mentions stacked by language (click: the
    document's row, ``link`` + document_id)."""
    rows = []
    for rank, row in enumerate(documents.head(top).iter_rows(named=True)):
        label = _cut(row["canonical_name"], 70)
        for code in languages:
            n = row.get(f"n_{code}", 0)
            if n:
                rows.append({"document": label, "rank": rank, "language": code, "n_mentions": n,
                             "signed": str(row.get("signed_on") or "unknown"), "href": link + row["document_id"]})
    chart = alt.Chart(_values(rows), width=CHART_WIDTH - 260, height=alt.Step(18)).mark_bar().encode(
        y=alt.Y("document:N", sort=alt.EncodingSortField("rank", order="ascending"), title=None,
                axis=alt.Axis(labelLimit=420)),
        x=alt.X("sum(n_mentions):Q", title="mentions", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("language:N", scale=_category_scale(languages), title="language"),
        href="href:N",
        tooltip=[alt.Tooltip("document:N"), alt.Tooltip("signed:N"), alt.Tooltip("language:N"),
                 alt.Tooltip("sum(n_mentions):Q", title="mentions")],
    )
    return chart.to_dict()


def figures_chart(figures: pl.DataFrame, measures: Sequence[str]) -> dict:
    """Each money or quantity figure at its period (a circle) or, when its sentence states none, at
    the publication date (a square); one panel per unit, each with its own (log) scale. Figures
    with neither are left out (they are in the tables)."""
    rows = []
    for row in figures.iter_rows(named=True):
        when = row.get("period_start") or row.get("published")
        if when is None or not row.get("value") or not row.get("unit"):
            continue
        rows.append({"when": when, "dated_by": "period stated" if row.get("period_start") else "publication date",
                     "value": row["value"], "shown": format_number(row["value"]), "unit": row["unit"],
                     "measure": figure_measure(row), "period": row.get("period_value") or "—",
                     "text": row["text"], "sentence": _cut(row.get("sentence"), 160), "href": row["href"]})
    chart = alt.Chart(_values(rows), width=CHART_WIDTH - 120, height=120).mark_point(filled=True, size=70).encode(
        x=alt.X("when:T", title="period (or publication date)", scale=alt.Scale(type="utc")),
        y=alt.Y("value:Q", title="value", scale=alt.Scale(type="log")),
        color=alt.Color("measure:N", scale=_category_scale(measures), title="measure"),
        shape=alt.Shape("dated_by:N", title="dated by", scale=alt.Scale(
            domain=["period stated", "publication date"], range=["circle", "square"])),
        href="href:N",
        tooltip=[alt.Tooltip("shown:N", title="value"), alt.Tooltip("unit:N"), alt.Tooltip("measure:N"),
                 alt.Tooltip("period:N"), alt.Tooltip("text:N", title="words"), alt.Tooltip("sentence:N")],
    ).facet(row=alt.Row("unit:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")))
    return chart.resolve_scale(y="independent").to_dict()


def figure_measure(row: Mapping[str, Any]) -> str:
    """What a figure is, for its colour: the measure of money, else 'money' or 'quantity'."""
    return row.get("measure") or ("money" if row.get("kind") == "money" else "quantity")


def _cut(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
