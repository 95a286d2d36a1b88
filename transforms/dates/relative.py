"""Values of the deictic and anaphoric kinds: days, weeks, weekends and months counted from the
publication date ("yesterday", "next week", "bu ayın 15-də"), and dates taken from a previous
mention ("the same day", "the same period of last year"). One function per candidate kind
(``RESOLVERS``); calendar and numeric dates are resolved in transforms/dates/years.py.

A weekday is counted only from a known day of publication: from a guessed one it would be a
wrong day. With no anchor at all the digits stay X.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from transforms.dates import years
from transforms.dates.context import Context
from transforms.dates.grammar import Candidate
from transforms.dates.timex import Part, Value, add_months, day, exists, part

Previous = list[Value | None]


def _day_rel(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    if ctx.published:
        return day(ctx.published + dt.timedelta(days=c.offset))
    return Value("day", _partial_day(ctx, c.offset))


def _weekday(ctx: Context, c: Candidate, i: int, previous: Previous) -> Value:
    # Only from a known day: counted from a day guessed from a year and a date line without one
    # it would be a wrong day. (Under "MOSCOW, April 28. /TASS/." a weekday of the lead is often
    # that day, but the date line does not say which weekday it is: the day stays unknown.)
    if not (ctx.published and ctx.day_known):
        return Value("day", (ctx.reference_year, None, None))
    p = ctx.published
    back = (p.weekday() - c.weekday) % 7
    if c.direction == "this":
        return day(p - dt.timedelta(days=p.weekday() - c.weekday))
    if c.direction == "past":
        return day(p - dt.timedelta(days=back or 7))
    forward = (c.weekday - p.weekday()) % 7
    if c.direction == "future":
        return day(p + dt.timedelta(days=forward or 7))
    tense = ctx.tense(c)
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
    for v in reversed(previous):
        if v is not None and v.granularity == "day" and v.end is None:
            return v
    return day(ctx.published) if ctx.published else Value("day", _partial_day(ctx, 0))


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
    spans = [v for v in calendar_values if v.end is not None or v.granularity == "month"]
    return (spans or calendar_values or [None])[-1]


Resolver = Callable[[Context, Candidate, int, Previous], Value | None]

# The value of each candidate kind (transforms.dates.grammar.Candidate.kind).
RESOLVERS: dict[str, Resolver] = {
    "cal": years.calendar_value, "numeric": years.calendar_value,
    "day_rel": _day_rel, "weekday": _weekday, "week_rel": _week_rel, "weekend": _weekend,
    "month_rel": _month_rel, "month_day_rel": _month_day_rel,
    "ago": years.ago, "rel_year": years.rel_year,
    "same_day": _same_day, "same_month": _same_month, "anaphor_year": _anaphor_year,
    "half_year": _half_year, "same_period": _same_period,
}
