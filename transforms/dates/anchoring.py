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

_CLOCK_AFTER = re.compile(r"[ \t,]*(?:\d{1,2}:\d{2}|T\d{2}:\d{2})")
_DATELINE_WINDOW = 400
# A date line without a year: capitalised place words at the start of the line, then the date
# and a stop ("MOSCOW, April 8. /TASS/", "Баку. 24 ноября. ИНТЕРФАКС", "Bakı, 22 fevral, AZƏRTAC").
_CAP = char_class(CAPITALS)
_DATELINE_BEFORE = re.compile(rf"[ \t]*{_CAP}[\w'’.-]*(?:[ \t-]+{_CAP}[\w'’.-]*){{0,2}}(?:,[ \t]*{_CAP}[\w'’-]*)?[ \t]*[,.][ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*[.,/–—-]")
# Anniversary phrases with the number of years ("25th anniversary", "33-ю годовщину", "altı il
# ötür"): a keyword found by a cheap literal search, and the number read just before (or after)
# it. Each entry: keyword, number pattern on the 40 characters before it, or after it.
_ANNIVERSARY = {code: rules.ANNIVERSARY for code, rules in LANGUAGE_RULES.items()}


def anchor(ctx: Context, published: dt.date | None) -> None:
    """Set the anchor fields of ``ctx`` (published, day_known, reference_year, partial)."""
    ctx.published = published or _dateline_date(ctx)
    ctx.day_known = ctx.published is not None
    ctx.reference_year = ctx.published.year if ctx.published else None
    if ctx.published is not None:
        return
    ctx.partial = _partial_dateline(ctx)
    anniversary = _anniversary(ctx)
    if isinstance(anniversary, dt.date):
        ctx.published, ctx.reference_year = anniversary, anniversary.year
    else:
        ctx.reference_year = anniversary or _text_reference_year(ctx)
    if ctx.published is None and ctx.reference_year is not None and ctx.partial is not None:
        month, day = ctx.partial
        if exists((ctx.reference_year, month, day)):
            ctx.published = dt.date(ctx.reference_year, month, day)


def _dateline_date(ctx: Context) -> dt.date | None:
    """A full date followed by a clock time near the top stands for the publication date."""
    for c in ctx.candidates:
        if c.start > _DATELINE_WINDOW:
            break
        if (c.kind in ("cal", "numeric") and c.granularity == "day" and c.year and not c.is_range
                and _CLOCK_AFTER.match(ctx.text, c.end)):
            return dt.date(c.year, c.month, c.day)
    return None


def _partial_dateline(ctx: Context) -> tuple[int, int] | None:
    """"MOSCOW, April 8. /TASS/", "Баку. 24 ноября. ИНТЕРФАКС", "Bakı, 22 fevral, AZƏRTAC":
    the day and month of the date line, when it gives no year."""
    text = ctx.text
    for c in ctx.candidates:
        if c.start > _DATELINE_WINDOW:
            break
        if (c.kind == "cal" and c.granularity == "day" and not c.is_range and not has_year(c)
                and _DATELINE_AFTER.match(text, c.end)):
            line_start = text.rfind("\n", 0, c.start) + 1
            if _DATELINE_BEFORE.fullmatch(text, line_start, c.start):
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
