"""Resolved date values and their TIMEX-style form.

A ``Value`` is what the resolver gives a candidate: a granularity and one or two ends, each a
(year, month, day) part whose unknown pieces are None; ``mention`` writes it as the TIMEX value
of a ``DateMention`` (X for an unknown digit, ``A/B`` for a range, ``201X`` for a decade).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from transforms.mentions import DateMention

Part = tuple[int | None, int | None, int | None]      # year, month, day; None = unknown
GRANULARITY_ORDER = ("day", "month", "year")          # finer to coarser


@dataclass(frozen=True, slots=True)
class Value:
    granularity: str
    start: Part
    end: Part | None = None                           # second end of a range
    decade: bool = False                              # the decade of start's year (TIMEX 201X)

    def shift_years(self, year: int | None) -> "Value":
        """The same period in another year (ends keep their distance)."""
        def moved(p: Part) -> Part:
            if year is None or p[0] is None or self.start[0] is None:
                return (None, p[1], p[2])
            return (year + p[0] - self.start[0], p[1], p[2])
        return Value(self.granularity, moved(self.start), moved(self.end) if self.end else None)


def exists(p: Part) -> bool:
    """False for a day the calendar does not have (29 February 2023); unknown parts pass."""
    y, m, d = p
    return y is None or m is None or d is None or d <= calendar.monthrange(y, m)[1]


def add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + offset
    return n // 12, n % 12 + 1


def part(d: dt.date) -> Part:
    return (d.year, d.month, d.day)


def day(d: dt.date) -> Value:
    return Value("day", part(d))


def days_in_month(month: int) -> int:
    """The most days ``month`` has in any year (29 for February)."""
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _format(granularity: str, p: Part) -> str:
    y, m, d = p
    out = f"{y:04d}" if y is not None else "XXXX"
    if granularity != "year":
        out += f"-{m:02d}" if m is not None else "-XX"
        if granularity == "day":
            out += f"-{d:02d}" if d is not None else "-XX"
    return out


def timex(v: Value) -> str:
    """The TIMEX-style value: YYYY[-MM[-DD]] with X for unknown digits, A/B for a range."""
    value = _format(v.granularity, v.start)
    if v.decade:
        value = value[:3] + "X"
    if v.end is not None:
        value += "/" + _format(v.granularity, v.end)
    return value


def _first_day(p: Part) -> dt.date:
    return dt.date(p[0], p[1] or 1, p[2] or 1)


def _last_day(granularity: str, p: Part) -> dt.date:
    y, m, d = p
    if granularity == "year":
        return dt.date(y, 12, 31)
    if granularity == "month":
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(y, m, d)


def mention(text: str, c, v: Value) -> DateMention:
    """The DateMention of candidate ``c`` (transforms.dates.grammar.Candidate) resolved to ``v``."""
    relative = c.kind not in ("cal", "numeric") or c.year is None
    return date_mention(text, c.start, c.end, v, c.rule, c.confidence, relative)


def date_mention(text: str, start: int, end: int, v: Value, rule: str, confidence: float,
                 relative: bool) -> DateMention:
    """A DateMention of text[start:end] with the value ``v``; the confidence is lowered to 0.6 when
    a relative value stays partly unknown."""
    value = timex(v)
    known = "X" not in value
    confidence = confidence if known or not relative else min(confidence, 0.6)
    return DateMention(
        start=start, end=end, text=text[start:end], value=value,
        value_start=_first_day(v.start) if known else None,
        value_end=_last_day(v.granularity, v.end or v.start) if known else None,
        granularity=v.granularity, is_range=v.end is not None, is_relative=relative,
        rule=rule, confidence=round(confidence, 2),
    )
