"""What relative dates count from: the publication date, or what the text offers instead.

Without ``published`` the date line of the article (a full date with a clock time near the top)
stands in for it, then an anniversary and its founding date ("25th anniversary ... established
on April 4, 1992"), then a year the text presents as the current one ("до конца 2018 года Россия
примет ..."); a date line without a year ("MOSCOW, April 8. /TASS/") still gives the month and
day for "yesterday" or "this month".
"""
from __future__ import annotations

import datetime as dt
import re

from transforms.dates.context import Context, has_year
from transforms.dates.lexicon import anniversary_number
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.timex import exists
from transforms.lang import CAPITALS, char_class

# A clock time beside a date makes it a stamp: "24.07.25, 11:18", "10 İyn 2019 20:07:00", "14:00 /
# 28.06.2025", "5 Dec. 13:40", "2024-08-27T20:20".
_CLOCK = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_CLOCK_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:[|/–—-][ \t]*)?(?:{_CLOCK}|T[0-9]{{2}}:[0-9]{{2}})")
_CLOCK_ON_LINE = re.compile(_CLOCK)
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}[ \t]*(?:[,|/–—-][ \t]*)?$")
_DATELINE_WINDOW = 400
# What stamp_date reads of a text: the date line's window and the rest of the line it may start.
STAMP_WINDOW = _DATELINE_WINDOW + 200
_STAMP_LINE_CHARS = 80
_STAMP_TOP_LINES, _STAMP_TOP_CHARS = 4, 150   # a date with a clock after it in a long line: a stamp at the top only
# A date line: capitalised place words at the start of the line, then the date and a stop ("MOSCOW,
# April 8. /TASS/", "Баку. 24 ноября. ИНТЕРФАКС", "Bakı, 22 fevral, AZƏRTAC", "Baku/12/23/23/Turan:").
_CAP = char_class(CAPITALS)
_DATELINE_BEFORE = re.compile(rf"[ \t]*{_CAP}[\w'’.-]*(?:[ \t-]+{_CAP}[\w'’.-]*){{0,2}}(?:,[ \t]*{_CAP}[\w'’-]*)?[ \t]*[,./][ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[.,/–—:(-]|$)", re.MULTILINE)
# What a stamp line holds besides its date: spaces, punctuation, a clock, words of the time zone.
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:|/()–—-]*")
# Anniversary phrases with the number of years ("25th anniversary", "33-ю годовщину", "altı il
# ötür"): a keyword found by a cheap literal search, and the number read just before (or after)
# it. Each entry: keyword, number pattern on the 40 characters before it, or after it.
_ANNIVERSARY = {code: rules.ANNIVERSARY for code, rules in LANGUAGE_RULES.items()}
# A comparison base before a year ("than in 2016", "по сравнению с 2020 годом"): not the text's year.
_COMPARISON_BEFORE = {code: rules.COMPARISON_BEFORE for code, rules in LANGUAGE_RULES.items()}
_COMPARISON_AFTER = {code: rules.COMPARISON_AFTER for code, rules in LANGUAGE_RULES.items()}


def anchor(ctx: Context, published: dt.date | None) -> None:
    """Set the anchor fields of ``ctx`` (published, day_known, reference_year, partial)."""
    ctx.published = published or stamp_date(ctx)
    ctx.day_known = ctx.published is not None
    ctx.reference_year = ctx.published.year if ctx.published else None
    if ctx.published is not None:
        return
    ctx.partial = _partial_stamp(ctx)
    anniversary = _anniversary(ctx)
    if isinstance(anniversary, dt.date):
        ctx.published, ctx.reference_year = anniversary, anniversary.year
    else:
        ctx.reference_year = (anniversary or _year_after_same_period(ctx) or _text_reference_year(ctx)
                              or _lead_year(ctx) or _weekday_picked_year(ctx) or _reported_period_year(ctx)
                              or _year_before_the_next(ctx))
    if ctx.partial is not None:
        month, day = ctx.partial
        if ctx.reference_year is None:
            ctx.reference_year = _year_of_the_stamp_weekday(ctx, month, day)
        if ctx.reference_year is not None and exists((ctx.reference_year, month, day)):
            ctx.published = dt.date(ctx.reference_year, month, day)
            ctx.day_known = ctx.stamp_weekday
    else:
        ctx.narrative_day = _narrative_day(ctx)


def _stamp_line(ctx: Context, c) -> bool:
    return is_stamp_line(ctx.text, c.start, c.end)


def is_stamp_line(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] (near the top) a stamp: with a clock time beside it or on its
    short line, alone on its line (with its weekday), or a date line ("Baku/12/23/23/Turan:")?"""
    if _CLOCK_AFTER.match(text, end) and start < _STAMP_TOP_CHARS and text.count("\n", 0, start) < _STAMP_TOP_LINES:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if len(line.strip()) <= _STAMP_LINE_CHARS and (
            _CLOCK_ON_LINE.search(line) or _ONLY_PUNCTUATION.fullmatch(text, line_start, start)
            and _ONLY_PUNCTUATION.fullmatch(text, end, line_end)):
        return True
    return is_dateline(text, start, end)


def has_clock_beside(text: str, start: int, end: int) -> bool:
    """A clock time right after the date ("24.07.25, 11:18", "05.12.2022 | 17:13") or right before it
    on its line ("14:00 / 28.06.2025"), near the top of the text."""
    if start >= _STAMP_TOP_CHARS * 2:
        return False
    return _CLOCK_AFTER.match(text, end) is not None or _CLOCK_BEFORE.search(text, max(0, start - 12), start) is not None


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] that of a date line: capitalised place words at the start of its
    line before it, a stop after it ("BAKU, Azerbaijan, February 17.", "MOSCOW, April 8. /TASS/")?"""
    line_start = text.rfind("\n", 0, start) + 1
    return _DATELINE_BEFORE.fullmatch(text, line_start, start) is not None and _DATELINE_AFTER.match(text, end) is not None


def stamp_date(ctx: Context) -> dt.date | None:
    """A full date stamped near the top (see _stamp_line) stands for the publication date."""
    for c in ctx.candidates:
        if c.start > _DATELINE_WINDOW:
            break
        if (c.kind in ("cal", "numeric") and c.granularity == "day" and c.year and not c.is_range and not c.widget
                and exists((c.year, c.month, c.day)) and _stamp_line(ctx, c)):
            c.stamp = True
            return dt.date(c.year, c.month, c.day)
    return None


def _partial_stamp(ctx: Context) -> tuple[int, int] | None:
    """"MOSCOW, April 8. /TASS/", "Баку. 24 ноября. ИНТЕРФАКС", "Bakı, 22 fevral, AZƏRTAC", "5 Dec.
    13:40": the day and month of a stamp or date line that gives no year."""
    text = ctx.text
    for c in ctx.candidates:
        if c.start > _DATELINE_WINDOW:
            break
        if c.kind == "cal" and c.granularity == "day" and not c.is_range and not has_year(c):
            line_start = text.rfind("\n", 0, c.start) + 1
            if ((_DATELINE_AFTER.match(text, c.end) and _DATELINE_BEFORE.fullmatch(text, line_start, c.start))
                    or (_ONLY_PUNCTUATION.fullmatch(text, line_start, c.start) and _CLOCK_AFTER.match(text, c.end))):
                c.stamp = True
                return c.month, c.day
    return None


def _year_of_the_stamp_weekday(ctx: Context, month: int, day: int) -> int | None:
    """A stamp without a year ("5 Dec. 13:40") and a weekday in the lead that is the stamp's day
    ("the talks are taking place on Monday"): the year nearest to the latest one the text names in
    which that day is that weekday."""
    from transforms.dates.years import weekday_year

    stamp_end = next(c.end for c in ctx.candidates if c.stamp)
    lead_end = ctx.sentence_at(stamp_end + 1, stamp_end + 1)[1]
    for c in ctx.candidates:
        if c.start < stamp_end or c.start > lead_end + 200:
            continue
        if c.kind == "weekday" and c.direction is None and ctx.tense(c) != "past":
            year = weekday_year(month, day, c.weekday, ctx.latest_year())
            if year is not None:
                ctx.stamp_weekday = True
            return year
    return None


def _weekday_picked_year(ctx: Context) -> int | None:
    """"в пятницу, 18 ноября" near the years the text names: the year in which that day is a Friday
    (the day the text reports on, so its year is the text's)."""
    from transforms.dates.years import weekday_year

    for c in ctx.candidates:
        if c.weekday is not None and c.kind == "cal" and c.year is None and c.year_offset is None and c.month and c.day:
            year = weekday_year(c.month, c.day, c.weekday, ctx.latest_year())
            if year is not None:
                return year
    return None


def _year_after_same_period(ctx: Context) -> int | None:
    """"compared with the same period of 2017": the text is in 2018."""
    years = {c.year for c in ctx.candidates if c.kind == "same_period" and c.year is not None}
    return years.pop() + 1 if len(years) == 1 else None


def _lead_year(ctx: Context) -> int | None:
    """The year the lead (the title and first sentence) names, when the text is in it: "Azerbaijan
    aims to raise trade with Russia in 2021" (a clause without a past or future verb), "the results of
    the first 9 months of 2019" (a part of the year reported on); not a year of a clause in the past
    ("signed in 2015": the text may be later) or the future (it may be a later year), a range, a decade
    or a comparison base ("than in 2016")."""
    text = ctx.text
    first = ctx.sentence_at(0, 0)[1]
    lead_end = ctx.sentence_at(first + 1, first + 1)[1] if first < len(text) else first
    for c in ctx.candidates:
        if c.start >= min(lead_end, _DATELINE_WINDOW):
            break
        if c.kind not in ("cal", "numeric") or c.year is None or c.widget:
            continue
        period = c.granularity == "month" and c.is_range          # "the first 9 months of 2019": reported in it
        if (c.year2 is not None and c.year2 != c.year) or c.decade or (not period and ctx.clause_tense(c) is not None) \
                or _COMPARISON_BEFORE[ctx.lang].search(text, max(0, c.start - 30), c.start) \
                or _COMPARISON_AFTER[ctx.lang].match(text, c.end):
            return None
        return c.year
    return None


def _reported_period_year(ctx: Context) -> int | None:
    """The latest year of a part of a year reported on in the past ("в первом полугодии 2014 года
    экспортировала", "2019-cu ilin ilk 9 ayında ... artıb"): the text is written in it (or later)."""
    years = [c.year for c in ctx.candidates if c.kind == "cal" and c.granularity == "month" and c.is_range
             and c.year is not None and (c.year2 is None or c.year2 == c.year) and ctx.tense(c) == "past"]
    return max(years, default=None)


def _year_before_the_next(ctx: Context) -> int | None:
    """The text is in year Y when what it reports names Y and what it announces names Y + 1 ("During
    2012 the republic has established ties with 21 regions. In 2013 Baku is going to sign ..."): the
    latest year of a sentence that does not speak of the future, when the earliest year of one that does is
    the next one. Bare years only (no range, decade, comparison base)."""
    text, reported, announced = ctx.text, [], []
    for c in ctx.candidates:
        if (c.kind != "cal" or c.granularity != "year" or c.year is None or c.is_range or c.decade or c.widget
                or _COMPARISON_BEFORE[ctx.lang].search(text, max(0, c.start - 30), c.start)
                or _COMPARISON_AFTER[ctx.lang].match(text, c.end)):
            continue
        (announced if ctx.has_future(c) else reported).append(c.year)
    if reported and announced and min(announced) == max(reported) + 1:
        return max(reported)
    return None


def _narrative_day(ctx: Context) -> tuple[int, int] | None:
    """An undated article without a stamp whose lead reports a day ("Prezident aprelin 1-də ...
    qəbul edib"): its "today" is that day (the day the quotes were said; "yesterday" stays unknown:
    it may be the writer's)."""
    first = ctx.sentence_at(0, 0)[1]
    lead_end = ctx.sentence_at(first + 1, first + 1)[1] if first < len(ctx.text) else first
    for c in ctx.candidates:
        if c.start >= min(lead_end, _DATELINE_WINDOW):
            break
        if (c.kind == "cal" and c.granularity == "day" and not c.is_range and not has_year(c)
                and ctx.tense(c) == "past"):
            return c.month, c.day
    return None


def _text_reference_year(ctx: Context) -> int | None:
    """The year a future-tense sentence says the text is in ("until the end of 2018 Russia
    will host..."), when exactly one such year is named."""
    years = {c.year for c in ctx.candidates if c.anchors_year and ctx.has_future(c)}
    return years.pop() if len(years) == 1 else None


def _anniversaries(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, years) of each anniversary phrase, in text order."""
    out = []
    for key, before, after in _ANNIVERSARY[lang]:
        for k in key.finditer(text):
            if before is not None:
                at = k.start() + (text[k.start()] == " ")         # the az keyword starts at its space
                m = before.search(text, max(0, at - 40), at)
                span = (m.start(), k.end()) if m else None
            else:
                m = after.match(text, k.end())
                span = (k.start(), m.end()) if m else None
            if m:
                n = anniversary_number(" ".join(g for g in m.groups() if g))
                if n:
                    out.append((*span, n))
    return sorted(out)


def _anniversary(ctx: Context) -> int | dt.date | None:
    """The year an anniversary is marked in: "the 25th anniversary of diplomatic relations
    ... established on April 4, 1992" -> 2017; "imzalanmasından altı il ötür ... 2018-ci il
    avqustun 12-də" -> 2024. The founding date is the earliest full date of the text that
    puts the anniversary no earlier than any year the text names (later dates are mostly
    what happened since). An anniversary in a sentence that names its own year or month
    ("2022-ci ildə ... 30 illiyi qeyd olunub") is not the current one. When "today" stands
    in the sentence of the anniversary ("Bu gün ... altı il ötür"), today is the founding
    day N years on."""
    phrases = _anniversaries(ctx.text, ctx.lang)
    if not phrases:
        return None
    candidates = ctx.candidates
    full = sorted((c for c in candidates if c.kind in ("cal", "numeric") and c.granularity == "day"
                   and c.year is not None and not c.is_range), key=lambda c: (c.year, c.start))
    if not full:
        return None
    latest = max(c.year2 or c.year for c in candidates if c.year is not None)
    first = None
    for start, end, n in phrases:
        base = next((c for c in full if c.year + n >= latest), None)
        if n > 150 or base is None:
            continue
        year = base.year + n
        s, e = ctx.sentence_at(start, end)
        if any(s <= c.start < e and c.kind == "cal" and c.granularity != "day" and has_year(c)
               for c in candidates):
            continue
        first = first or year
        if (any(c.kind == "day_rel" and c.offset == 0 and s <= c.start < e for c in candidates)
                and exists((year, base.month, base.day))):
            return dt.date(year, base.month, base.day)
    return first
