"""The year of a date: written, relative, taken from the sentence, or from the publication date.

- a year the text fixes wins: the one year the sentence names ("marked in 2023 with a visit on
  February 27-28"), the antecedent of an anaphor ("того же года");
- otherwise a day or month without a year (also a quarter, a half-year, a holiday) takes the most
  recent such day on or before the publication date when its clause reports the past, the next
  one when it speaks of the future (transforms/dates/tense.py), and the nearer one when it shows
  no tense; a span of months not over yet is this year's;
- years counted from the text ("a year earlier", "Годом ранее", "спустя два года", "bir il
  sonra") count from the latest year the text names before them, "N years ago" from the
  publication date.
"""
from __future__ import annotations

import datetime as dt

from transforms.dates.context import Context, has_year
from transforms.dates.grammar import Candidate
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.tense import clause
from transforms.dates.timex import Value, add_months, day, exists

# Reported speech next to the date: the date is when it was said, not when the year's events
# happened ("trade grew in 2023, the ministry said on March 5").
_REPORTED = {code: rules.REPORTED_BEFORE for code, rules in LANGUAGE_RULES.items()}
_REPORTED_AFTER = {code: rules.REPORTED_AFTER for code, rules in LANGUAGE_RULES.items()}
# Languages whose "N years ago" after a year of its sentence is "N years before that" ("2024-cü
# ildə ... artıb, bir il əvvəl isə ...").
_AGO_FROM_SENTENCE_YEAR = {code for code, rules in LANGUAGE_RULES.items() if rules.AGO_FROM_SENTENCE_YEAR}
# Rules of years later that count from the publication in a future sentence with no year before them.
_LATER_FROM_NOW = frozenset(name for rules in LANGUAGE_RULES.values() for name in rules.LATER_FROM_NOW_IN_FUTURE)
_YEAR_KINDS = ("ago", "rel_year", "anaphor_year")
# A comparison base before a date ("than in 2016", "чем пять лет назад", "по сравнению с 2020 годом").
_COMPARISON_BEFORE = {code: rules.COMPARISON_BEFORE for code, rules in LANGUAGE_RULES.items()}


def calendar_value(ctx: Context, c: Candidate, i: int, previous: list[Value | None]) -> Value | None:
    """Value of a calendar or numeric candidate (``i``: its index; ``previous``: the values so far)."""
    if c.year is not None:
        y1 = c.year
    elif c.year_anaphoric:
        y1 = next((v.start[0] for v in reversed(previous) if v is not None), ctx.reference_year)
    elif c.year_offset is not None:
        y1 = ctx.reference_year + c.year_offset if ctx.reference_year is not None else None
    else:
        y1 = sentence_year(ctx, c, i, previous)
        if y1 is None and ctx.published is None and ctx.reference_year is None:
            y1 = paragraph_year(ctx, c, i, previous)
        if y1 is None:
            y1 = context_year(ctx, c)
    if c.weekday is not None and c.year is None and c.granularity == "day" and not c.is_range:
        near = y1 if y1 is not None else ctx.latest_year()
        tense = ctx.tense(c) if ctx.published else None
        # a dated article reports what happened within the year before it: a weekday that fits no day
        # that near is the writer's slip, not a day years back ("В понедельник, 5 мая" in May 2024)
        y1 = weekday_year(c.month, c.day, c.weekday, near, tense, within=1 if tense == "past" else 10) or y1
    if c.granularity == "year":
        if c.is_range:
            return Value("year", (y1, None, None), (c.year2, None, None))
        return Value("year", (y1, None, None), decade=c.decade)
    if c.unit == "independence" and y1 is not None and y1 < 2021:
        return Value("day", (y1, 10, 18))                    # Azerbaijan's Independence Day before 2021
    start = (y1, c.month, c.day)
    if not c.is_range:
        return Value(c.granularity, start) if exists(start) else None
    wraps = (c.month2, c.day2 or 0) < (c.month, c.day or 0)
    y2 = c.year2 if c.year2 is not None else (y1 + wraps if y1 is not None else None)
    end = (y2, c.month2, c.day2)
    return Value(c.granularity, start, end) if exists(start) and exists(end) else None


def weekday_year(month: int, day: int, weekday: int, near: int | None, tense: str | None = None,
                 within: int = 10) -> int | None:
    """The year nearest to ``near`` (within ``within`` years; not before it in a future clause, not after it
    in a past one) in which the day falls on ``weekday``: the weekday written beside a day without a
    year picks it ("пятницу, 18 ноября" near 2023 -> 2022; "Next meeting: Fri, Jul 18" in 2013 -> 2014)."""
    if near is None:
        return None
    for distance in range(0, within + 1):
        for year in (near - distance if tense != "future" else None, near + distance if tense != "past" else None):
            if year is None:
                continue
            if exists((year, month, day)) and dt.date(year, month, day).weekday() == weekday:
                return year
    return None


def sentence_year(ctx: Context, c: Candidate, i: int, previous: list[Value | None]) -> int | None:
    """The year the sentence fixes for a day or month written without one: "marked in 2023
    with a visit on February 27-28", "began in April 2024, was completed in June", "в этом
    году исполняется 30 лет ..., а 3 июля — 25 лет". Only when every year the sentence
    names before it and in its clause after it is the same, one of them comes before the
    date, and the date is not the day something was said ("trade grew in 2023, the ministry
    said on March 5"). With a publication date, which already resolves most days well, only
    a year of the same clause or a relative one ("в этом году") counts, and it must agree
    with the tense ("Putin, who visited Baku in 2018, will arrive on May 5")."""
    cands, text = ctx.candidates, ctx.text
    if (c.kind != "cal" or c.direction is not None or i == 0
            or not any(has_year(a) or a.kind == "ago" for a in cands[max(0, i - 4):i])):
        return None
    s, e = ctx.sentence(c)
    s = max(s, text.rfind(";", s, c.start) + 1)
    e = min(e, text.find(";", c.end, e) % (e + 1))
    years, anchor = set(), None
    for j in range(i - 1, -1, -1):
        a = cands[j]
        if a.end <= s:
            break
        v = previous[j]
        if a.kind not in ("cal", "numeric", "ago") or v is None or not (has_year(a) or a.kind == "ago"):
            continue
        if v.decade or v.start[0] is None:
            return None
        years.add(v.start[0])
        if v.end is not None:
            years.add(v.end[0])
        if anchor is None and a.kind != "ago":
            anchor = (a, v)
    if anchor is None:
        return None
    clause_start, clause_end = clause(text, s, e, c.start, c.end)
    for a in cands[i + 1:]:
        if a.start >= clause_end:
            break
        if a.kind in ("cal", "numeric") and a.year is not None:
            years.update(y for y in (a.year, a.year2) if y is not None)
        elif a.kind == "cal" and a.year_offset is not None and ctx.reference_year is not None:
            years.add(ctx.reference_year + a.year_offset)
        elif a.kind == "ago" or a.decade:
            return None
    if len(years) != 1:
        return None
    if (_REPORTED[ctx.lang].search(text, max(s, c.start - 40), c.start)
            or _REPORTED_AFTER[ctx.lang].match(text, c.end)):
        return None
    year = years.pop()
    a, v = anchor
    p = ctx.published
    if p is not None:
        if a.start < clause_start and a.year_offset is None:
            return None
        t = ctx.tense(c)
        if (t == "future" and year < p.year) or (t == "past" and year > p.year):
            return None
    if v.granularity != "year" and v.end is None and (c.month, c.day or 0) < (v.start[1], v.start[2] or 0):
        year += 1                                  # "in November 2023 ... completed in February"
    return year


def paragraph_year(ctx: Context, c: Candidate, i: int, previous: list[Value | None]) -> int | None:
    """In an article with nothing to date it, a day or month without a year takes the year of the
    date just before it in its paragraph ("19 марта 2001 был хороший день. 20 марта тоже"; "2014 was
    good! November was excellent!"), the next year when it comes earlier in the calendar."""
    if c.kind != "cal" or c.direction is not None or i == 0:
        return None
    paragraph_start = ctx.text.rfind("\n", 0, c.start)
    a, v = ctx.candidates[i - 1], previous[i - 1]
    if (a.end <= paragraph_start or v is None or v.decade or v.end is not None or a.kind not in ("cal", "numeric")
            or v.start[0] is None):
        return None
    year = v.start[0]
    if v.granularity != "year" and (c.month, c.day or 0) < (v.start[1], v.start[2] or 0):
        year += 1
    return year


def context_year(ctx: Context, c: Candidate) -> int | None:
    """Year of a day or month written without one, from the publication date and the tense."""
    p = ctx.published
    if p is None:
        return ctx.reference_year
    day_granular = c.granularity == "day"
    when = (c.month, c.day if day_granular else 0)
    now = (p.month, p.day if day_granular else 0)
    if c.direction == "this" and c.is_range and c.month2 is not None:
        # "this winter", "этим летом": the span the publication date is in, else the coming one
        if c.month2 < c.month:
            return p.year - 1 if p.month <= c.month2 else p.year
        return p.year if p.month <= c.month2 else p.year + 1
    if c.direction == "past":
        return p.year if when < now else p.year - 1
    if c.direction == "future":
        return p.year if when > now else p.year + 1
    if when <= now:
        # A span of months that is not over yet ("the first quarter" in March) is this
        # year's even in the future tense.
        over = (c.month2, 0) < now if c.is_range and c.granularity == "month" and c.month2 else when < now
        return p.year + 1 if over and ctx.tense(c, future_only=True) == "future" else p.year
    tense = ctx.tense(c)
    if tense == "future":
        return p.year
    if tense == "past":
        return p.year - 1
    if c.unit == "year_part":
        # A quarter, half or season named without a year or a tense ("Reporting period: third
        # quarter", "во втором квартале", "Отчётный период: лето") is one of the year of publication,
        # as "this year's" parts are (a winter, the one it is in or the one its December begins).
        return p.year - 1 if c.month2 is not None and c.month2 < c.month and p.month <= c.month2 else p.year
    # Neither past nor future ("AZAL dekabrın 28-dən etibarən uçuşları dayandırır", "The
    # co-chairs meet in June"): the nearer occurrence, the coming one within half a year (a
    # quarter for a month: figures "in October" are mostly of one that is over).
    ahead = (dt.date(p.year, c.month, min(c.day or 1, 28)) - p).days
    return p.year if ahead <= (183 if day_granular else 92) else p.year - 1


def year_before(ctx: Context, i: int, previous: list[Value | None], same_sentence: bool = False,
                later: bool = False) -> tuple[bool, int | None]:
    """(found, year) of the latest mention before candidate ``i`` that names a year (a
    written or relative year, "N years ago", "a year later"; not a decade): its end year for
    a span when ``later``, None when that year is unknown; with ``same_sentence``, only in
    the sentence of ``i``."""
    c = ctx.candidates[i]
    s = ctx.sentence(c)[0] if same_sentence else -1
    for j in range(i - 1, -1, -1):
        a, v = ctx.candidates[j], previous[j]
        if a.end <= s:
            break
        if v is None or v.decade or not ((a.kind in ("cal", "numeric") and has_year(a)) or a.kind in _YEAR_KINDS):
            continue
        return True, (v.end or v.start)[0] if later else v.start[0]
    return False, None


def _figure_year(ctx: Context, i: int, previous: list[Value | None]) -> int | None:
    """The year of the figure "N years ago" is compared with ("Last year 82 thousand came, 1.8 times
    more than five years ago"; "в 2023 году ... вдвое больше, чем пять лет назад"): the latest year
    of its sentence before it that is not itself a comparison base ("than in 2016")."""
    c, text, comparison = ctx.candidates[i], ctx.text, _COMPARISON_BEFORE[ctx.lang]
    s = ctx.sentence(c)[0]
    for j in range(i - 1, -1, -1):
        a, v = ctx.candidates[j], previous[j]
        if a.end <= s:
            break
        if (v is None or v.decade or v.end is not None or a.kind not in ("cal", "numeric") or not has_year(a)
                or v.start[0] is None or comparison.search(text, max(0, a.start - 30), a.start)):
            continue
        return v.start[0]
    return None


def ago(ctx: Context, c: Candidate, i: int, previous: list[Value | None]) -> Value:
    """"N years / months / weeks / days ago" from the publication date."""
    p, ref = ctx.published, ctx.reference_year
    if c.unit == "decade":                     # "почти три десятилетия назад": the year
        return Value("year", (ref - 10 * c.offset if ref is not None else None, None, None))
    if c.unit == "year":
        # In some languages "bir il əvvəl" after a year of its sentence is "a year before that"
        # ("2024-cü ildə ... artıb, bir il əvvəl isə ..."); elsewhere N years ago.
        if ctx.lang in _AGO_FROM_SENTENCE_YEAR:
            found, year = year_before(ctx, i, previous, same_sentence=True)
            if found:
                return Value("year", (year - c.offset if year is not None else None, None, None))
        if _COMPARISON_BEFORE[ctx.lang].search(ctx.text, max(0, c.start - 30), c.start):
            year = _figure_year(ctx, i, previous)
            if year is not None:
                return Value("year", (year - c.offset, None, None))
        return Value("year", (ref - c.offset if ref is not None else None, None, None))
    if not p:
        return Value(c.granularity, (ref, None, None))
    if c.unit == "month":
        y, m = add_months(p.year, p.month, -c.offset)
        return Value("month", (y, m, None))
    return day(p - dt.timedelta(days=c.offset * (7 if c.unit == "week" else 1)))


def rel_year(ctx: Context, c: Candidate, i: int, previous: list[Value | None]) -> Value:
    """"a year earlier", "Годом ранее", "спустя два года", "ondan bir il sonra": years from
    the latest year the text names before them; without one, from the publication year.
    Azerbaijani "iki il sonra" in the future tense with no year in its sentence counts from
    publication ("two years from now")."""
    deictic = c.rule in _LATER_FROM_NOW and ctx.tense(c) == "future"
    found, base = year_before(ctx, i, previous, same_sentence=deictic, later=c.offset > 0)
    if not found:
        base = ctx.reference_year
    return Value("year", (base + c.offset if base is not None else None, None, None))
