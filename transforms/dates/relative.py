"""Values of the deictic and anaphoric kinds: days, weeks, weekends and months counted from the
publication date ("yesterday", "next week", "bu ayın 15-də"), and dates taken from a previous
mention ("the same day", "the same period of last year"). One function per candidate kind
(``RESOLVERS``); calendar and numeric dates are resolved in transforms/dates/years.py.

A weekday is counted only from a known day of publication: from a guessed one it would be a
wrong day. With no anchor at all the digits stay X.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from transforms.dates import years
from transforms.dates.context import Context
from transforms.dates.grammar import Candidate
from transforms.dates.timex import Part, Value, add_months, day, exists, part
from transforms.lang import CAPITALS, char_class

Previous = list[Value | None]


# A transcript line: the speaker's name and a colon at the start of the line ("Ilham Aliyev: ...",
# "В.Путин: ...").
_SPEAKER = re.compile(rf"[ \t]*(?:{char_class(CAPITALS)}[\w.’'-]*[ \t]+){{0,3}}{char_class(CAPITALS)}[\w.’'-]*:[ \t]")
# How far before publication the day a quote was said may lie (a story of the past days).
_SPEECH_DAYS = 7


def in_speech(text: str, position: int) -> bool:
    """Is ``position`` inside what someone says: after an open quote of its paragraph, or on a line a
    speaker's name and colon begin?"""
    line_start = text.rfind("\n", 0, position) + 1
    if _SPEAKER.match(text, line_start):
        return True
    before = text[line_start:position]
    quotes = sum(before.count(q) for q in "\"“”„")
    return quotes % 2 == 1 or before.count("«") > before.count("»")


def _speech_day(ctx: Context, c: Candidate, i: int, previous: Previous) -> dt.date | None:
    """The day a quote was said when the story before it names one in the days before publication
    ("The next day ... talks began: 'Today we continue ...'", "On Monday (May 6) he said: «Сегодня
    ...»"): the quote's "today" is that day, its "yesterday" the day before. Only the last day the
    narrative (outside quotes) names counts."""
    text, p = ctx.text, ctx.published
    if not in_speech(text, c.start):
        return None
    for j in range(i - 1, -1, -1):
        v = previous[j]
        if v is None or v.granularity != "day" or v.end is not None or None in v.start:
            continue
        if in_speech(text, ctx.candidates[j].start):
            continue
        said = dt.date(*v.start)
        return said if p - dt.timedelta(days=_SPEECH_DAYS) <= said < p else None
    return None


def _day_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    if ctx.published:
        said = _speech_day(ctx, c, i, previous) if ctx.day_known else None
        return day((said or ctx.published) + dt.timedelta(days=c.offset))
    if ctx.partial is None and ctx.narrative_day is not None and c.offset == 0:
        return Value("day", (ctx.reference_year, *ctx.narrative_day))
    return Value("day", _partial_day(ctx, c.offset))


def _weekday(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    # Only from a known day: counted from a day guessed from a year and a date line without one
    # it would be a wrong day. (Under "MOSCOW, April 28. /TASS/." a weekday of the lead is often
    # that day, but the date line does not say which weekday it is: the day stays unknown.)
    if not (ctx.published and ctx.day_known):
        return Value("day", (ctx.reference_year, None, None))
    p = ctx.published
    back = (p.weekday() - c.weekday) % 7
    if c.direction == "this":                   # "this Monday": the coming one, this week's in a past clause
        if ctx.tense(c) == "past":
            return day(p - dt.timedelta(days=p.weekday() - c.weekday))
        return day(p + dt.timedelta(days=(c.weekday - p.weekday()) % 7))
    if c.direction == "past":
        return day(p - dt.timedelta(days=back or 7))
    forward = (c.weekday - p.weekday()) % 7
    if c.direction == "future":                 # (``offset``: 7 for "the Friday after next")
        return day(p + dt.timedelta(days=(forward or 7) + c.offset))
    tense = ctx.tense(c)
    # (A future clause on the weekday itself means that day: wire copy "will sign ... on Friday"
    # written on a Friday.)
    if tense == "future" or (tense is None and forward < back):   # "opens on Thursday": the nearer
        return day(p + dt.timedelta(days=forward))
    return day(p - dt.timedelta(days=back))


def _week_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    p, ref = ctx.published, ctx.reference_year
    if not p:
        return Value("day", (ref, None, None), (ref, None, None))
    monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=c.offset)
    return Value("day", part(monday), part(monday + dt.timedelta(days=6)))


def _weekend(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """Saturday and Sunday of the weekend meant: "на выходных" in a report is the last one (the
    current one when published on it), in an announcement the coming one."""
    p, ref = ctx.published, ctx.reference_year
    if not p:
        return Value("day", (ref, None, None), (ref, None, None))
    saturday = p + dt.timedelta(days=5 - p.weekday())          # of the publication week
    if c.direction == "this":
        pass
    elif c.direction == "past":
        saturday -= dt.timedelta(days=7)
    elif c.direction == "future" or ctx.tense(c) == "future":
        saturday += dt.timedelta(days=7 if p.weekday() >= 6 else 0)
    elif p.weekday() < 5:
        saturday -= dt.timedelta(days=7)
    return Value("day", part(saturday), part(saturday + dt.timedelta(days=1)))


def _month_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    p = ctx.published
    if p:
        y, m = add_months(p.year, p.month, c.offset)
        return Value("month", (y, m, None))
    if ctx.partial:
        return Value("month", (None, (ctx.partial[0] + c.offset - 1) % 12 + 1, None))
    return Value("month", (ctx.reference_year, None, None))


def _month_day_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value | None:
    p = ctx.published
    if p:
        y, m = add_months(p.year, p.month, c.offset)
    elif ctx.partial:
        y, m = None, (ctx.partial[0] + c.offset - 1) % 12 + 1
    else:
        y, m = ctx.reference_year, None
    start, end = (y, m, c.day), (y, m, c.day2) if c.is_range else None
    return Value("day", start, end) if exists(start) and (end is None or exists(end)) else None


def _same_day(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"the same day" (the previous date's day), "the next day", "the day before" (a day after or
    before it: ``offset``)."""
    for v in reversed(previous):
        if v is not None and v.granularity == "day" and v.end is None:
            if c.offset == 0:
                return v
            if None in v.start:
                return Value("day", (None, None, None))
            return day(dt.date(*v.start) + dt.timedelta(days=c.offset))
    if ctx.published:
        return day(ctx.published + dt.timedelta(days=c.offset))
    return Value("day", _partial_day(ctx, c.offset))


def _same_month(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    for v in reversed(previous):
        if v is not None and v.granularity in ("day", "month") and v.start[1] is not None:
            return Value("month", (v.start[0], v.start[1], None))
    if ctx.published:
        return Value("month", (ctx.published.year, ctx.published.month, None))
    return Value("month", (ctx.reference_year, ctx.partial[0] if ctx.partial else None, None))


def _anaphor_year(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    antecedent = next((v for v in reversed(previous) if v is not None and not v.decade), None)
    base = antecedent.start[0] if antecedent else ctx.reference_year
    return Value("year", (base + c.offset if base is not None else None, None, None))


def _half_year(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"за полугодие", "по итогам полугодия": a half-year the text named before, else the
    last one over at publication (January-June when published in July-December)."""
    for v in reversed(previous):
        if v is not None and v.end is not None and v.granularity == "month" and (v.start[1], v.end[1]) in ((1, 6), (7, 12)):
            return v
    p = ctx.published
    if p is None:
        return Value("month", (ctx.reference_year, None, None), (ctx.reference_year, None, None))
    if p.month >= 7:
        return Value("month", (p.year, 1, None), (p.year, 6, None))
    return Value("month", (p.year - 1, 7, None), (p.year - 1, 12, None))


def _same_period(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"the same period of last year": the period named before, in that year."""
    antecedent = _period_before(ctx, previous, c.unit == "month")
    ref = ctx.reference_year
    if antecedent is None:
        year = c.year if c.year is not None else (ref + c.offset if ref is not None else None)
        return Value("year", (year, None, None))
    base = antecedent.start[0]
    year = c.year if c.year is not None else (base + c.offset if base is not None else None)
    return antecedent.shift_years(year)


def _partial_day(ctx: Context, offset: int) -> Part:
    """A day counted from the date line's day when the year is unknown ("вчера" under
    "24 ноября" -> XXXX-11-23); all X without one."""
    if ctx.partial is None:
        return (ctx.reference_year, None, None)
    month, d = ctx.partial
    if (month, d) == (2, 29):
        return (None, None, None)
    leap = dt.date(2000, month, d) + dt.timedelta(days=offset)
    common = dt.date(2001, month, d) + dt.timedelta(days=offset)
    if (leap.month, leap.day) != (common.month, common.day) or common.year != 2001:
        return (None, None, None)                               # across 29 February, or another year
    return (None, common.month, common.day)


def _period_before(ctx: Context, previous: Previous, one_month: bool = False) -> Value | None:
    """The period "the same period of last year" repeats: the latest calendar mention,
    a span (range, month) preferred over a single day or year; for "the same month", the
    latest month (or the month of the latest day)."""
    calendar_values = [v for c, v in zip(ctx.candidates, previous)
                       if v is not None and c.kind in ("cal", "numeric") and not v.decade]
    if one_month:
        months = [v for v in calendar_values if v.granularity in ("day", "month") and v.end is None]
        if months:
            v = months[-1]
            return Value("month", (v.start[0], v.start[1], None))
    # The period reported on is the latest one: "2019-cu ilin ilk 9 ayı ... 2018-ci ilin ilk 9 ayında ...
    # (ötən ilin müvafiq dövrü ilə müqayisədə)" compares with 2018, not 2017.
    spans = [v for v in calendar_values if v.end is not None or v.granularity == "month"]
    latest = max((v.start[0] for v in spans if v.start[0] is not None), default=None)
    if latest is not None:
        spans = [v for v in spans if v.start[0] == latest]
    return (spans or calendar_values or [None])[-1]


def _offset(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value | None:
    """"in 10 days", "через 5 месяцев", "3 years from today": after the publication date; a clause in
    the past ("in two years trade doubled") speaks of a duration, not a date."""
    if ctx.tense(c) == "past":
        return None
    p, ref = ctx.published, ctx.reference_year
    if c.unit == "year":
        return Value("year", (ref + c.offset if ref is not None else None, None, None))
    if not p:
        return Value(c.granularity, (None, None, None))
    if c.unit == "month":
        y, m = add_months(p.year, p.month, c.offset)
        return Value("month", (y, m, None))
    return day(p + dt.timedelta(days=c.offset * (7 if c.unit == "week" else 1)))


def _span(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value | None:
    """The N whole days, weeks, months or years before (``offset`` < 0) or after the current one;
    none without a publication date (an undated "in the last five years" names no span, even when
    the text fixes the year it is in)."""
    p, ref, n = ctx.published, ctx.reference_year, c.offset
    first, last = (n, -1) if n < 0 else (1, n)
    if c.unit == "year":
        if ref is None or p is None:
            return None
        return Value("year", (ref + first, None, None), (ref + last, None, None) if c.is_range else None)
    if not p:
        return None
    if c.unit == "month":
        (y1, m1), (y2, m2) = add_months(p.year, p.month, first), add_months(p.year, p.month, last)
        return Value("month", (y1, m1, None), (y2, m2, None) if c.is_range else None)
    if c.unit == "week":
        monday = p - dt.timedelta(days=p.weekday())
        return Value("day", part(monday + dt.timedelta(weeks=first)), part(monday + dt.timedelta(weeks=last, days=6)))
    start, end = p + dt.timedelta(days=first), p + dt.timedelta(days=last)
    return Value("day", part(start), part(end) if c.is_range else None)


def _weekday_of_week(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"Wednesday of next week": the weekday of the week ``offset`` weeks from the publication's."""
    p = ctx.published
    if not (p and ctx.day_known):
        return Value("day", (ctx.reference_year, None, None))
    return day(p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=c.offset, days=c.weekday))


def _month_year(ctx: Context, c: Candidate) -> int | None:
    """The year of a month the text names without one, as for the month alone."""
    if c.year is not None:
        return c.year
    return years.context_year(ctx, dataclasses.replace(c, granularity="month", day=None, month2=None, is_range=False))


def _nth_of_month(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value | None:
    """"second Monday of March", "last weekend of October", "first week of October 2014" (Monday to
    Sunday, the first or last whole one), "last day in October"."""
    y = _month_year(ctx, c)
    if y is None:
        return None
    first, days = dt.date(y, c.month, 1), calendar.monthrange(y, c.month)[1]
    last = dt.date(y, c.month, days)
    if c.unit == "day":
        return day(last) if c.offset == -1 else day(first + dt.timedelta(days=c.offset - 1))
    weekday = {"weekday": c.weekday, "weekend": 5, "week": 0}[c.unit]
    if c.offset == -1:
        found = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        if c.unit != "weekday" and found + dt.timedelta(days=6 if c.unit == "week" else 1) > last:
            found -= dt.timedelta(weeks=1)
    else:
        found = first + dt.timedelta(days=(weekday - first.weekday()) % 7, weeks=c.offset - 1)
    if found.month != c.month:
        return None
    if c.unit == "weekday":
        return day(found)
    return Value("day", part(found), part(found + dt.timedelta(days=6 if c.unit == "week" else 1)))


def _day_of_month(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"on the 15th": the next such day (the previous one in a past clause); "Tuesday the 19th": the
    19th nearest to the publication date that falls on a Tuesday."""
    p = ctx.published
    if not p:
        return Value("day", (ctx.reference_year, None, c.day))
    months = [add_months(p.year, p.month, k) for k in (0, 1, -1, 2, -2, 3, -3)]
    dates = [dt.date(y, m, c.day) for y, m in months if exists((y, m, c.day))]
    if c.weekday is not None:
        # Within a year either side, on the side the tense points to ("Next meeting: Thu 15th").
        tense = ctx.tense(c)
        within = [dt.date(y, m, c.day) for y, m in (add_months(p.year, p.month, k) for k in range(-12, 13))
                  if exists((y, m, c.day))]
        matching = [d for d in within if d.weekday() == c.weekday
                    and not (tense == "future" and d < p) and not (tense == "past" and d > p)]
        return day(min(matching, key=lambda d: abs((d - p).days))) if matching else Value("day", (None, None, c.day))
    if ctx.tense(c) == "past":
        return day(max(d for d in dates if d <= p)) if any(d <= p for d in dates) else Value("day", (None, None, c.day))
    return day(min(d for d in dates if d >= p)) if any(d >= p for d in dates) else Value("day", (None, None, c.day))


def _quarter_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    """"this quarter", "next quarter", "в прошлом квартале": a quarter from the publication's."""
    p = ctx.published
    if not p:
        return Value("month", (ctx.reference_year, None, None), (ctx.reference_year, None, None))
    n = p.year * 4 + (p.month - 1) // 3 + c.offset
    y, q = divmod(n, 4)
    return Value("month", (y, 3 * q + 1, None), (y, 3 * q + 3, None))


Resolver = Callable[[Context, Candidate, int, Previous], Value | None]

# The value of each candidate kind (transforms.dates.grammar.Candidate.kind).
RESOLVERS: dict[str, Resolver] = {
    "cal": years.calendar_value, "numeric": years.calendar_value,
    "day_rel": _day_rel, "weekday": _weekday, "week_rel": _week_rel, "weekend": _weekend,
    "month_rel": _month_rel, "month_day_rel": _month_day_rel,
    "ago": years.ago, "rel_year": years.rel_year,
    "same_day": _same_day, "same_month": _same_month, "anaphor_year": _anaphor_year,
    "half_year": _half_year, "same_period": _same_period, "offset": _offset, "span": _span,
    "weekday_of_week": _weekday_of_week, "nth_of_month": _nth_of_month, "day_of_month": _day_of_month,
    "quarter_rel": _quarter_rel,
}
