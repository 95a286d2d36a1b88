"""Dates read together: coordinated days and months, apposition, and the two ends of a span.

- consecutive days joined by "and" become one range ("11 и 12 октября" -> 11/12), others a mention each;
- a day or month without a year coordinated with one that has it takes it ("в сентябре и
  октябре нынешнего года", "June 5 and July 7, 2021");
- a deictic expression next to an explicit date takes its value ("завтра, 5 декабря",
  "Twenty years ago, on 4 April 1992");
- two dates joined as the ends of a span become one range at the coarser granularity ("с
  ноября 2022 года по март 2023 года", "2022-ci ilin noyabrından 2023-cü ilin martınadək").

The connecting words (conjunctions, prepositions, the words that open and close a span) are each
language's: transforms/lang/<code>/words.py and transforms/dates/rules/<code>.py.
"""
from __future__ import annotations

import dataclasses
import re

from transforms.dates.context import Context, has_year
from transforms.dates.grammar import Candidate
from transforms.dates.regex import word_alternation
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.timex import GRANULARITY_ORDER, Part, Value
from transforms.lang import LANGUAGES

_AND = tuple(w for lang in LANGUAGES.values() for w in lang.and_words)
_AND_OR = _AND + tuple(w for lang in LANGUAGES.values() for w in lang.or_words)


def _words(words) -> str:
    """An alternation of words (their spaces: any run of spaces or tabs)."""
    return word_alternation(words).replace("\\ ", r"[ \t]+")


# What may stand between two coordinated dates: a comma, "&" or a conjunction of any language.
_COORDINATION = re.compile(rf"[ \t]*(?:,|&|{_words(_AND_OR)})?[ \t]*")
# A bare day number joined to a day+month: "12 və 13 iyun", "11 и 12 октября", "5 and 6 October".
_DAY_JOINED_BEFORE = re.compile(rf"(?<![\w.,:/-])(3[01]|[12][0-9]|0?[1-9])[ \t]*(?:,|&|{_words(_AND)})[ \t]*$")
# Between a deictic expression and the date it stands beside: "завтра, 5 декабря", "ago, on 4 April".
_APPOSITION_AFTER = re.compile(
    rf"[ \t]*[,(—–-]?[ \t]*(?:{_words(w for r in LANGUAGE_RULES.values() for w in r.APPOSITION_AFTER)})?[ \t]*")
_APPOSITION_BEFORE = re.compile(
    rf"[ \t]*[,(]?[ \t]*(?:(?:{_words(w for r in LANGUAGE_RULES.values() for w in r.APPOSITION_BEFORE)})[ \t]+)?")
# Words that join two dates into one span ("с ноября ... по март", "from ... to", "-dan ... -dək").
_RANGE_DASH = re.compile(r"[ \t]*[–—-][ \t]*")
_RANGE_WORDS = {code: rules.RANGE_WORDS for code, rules in LANGUAGE_RULES.items()}
# Languages that mark the ends of a span by case endings: the start's ("-dan"), the end's ("-dək"),
# or a word after the end ("qədər").
_RANGE_ENDINGS = {code: (rules.RANGE_FROM_END, rules.RANGE_UNTIL_END, rules.RANGE_UNTIL_AFTER)
                  for code, rules in LANGUAGE_RULES.items() if getattr(rules, "RANGE_FROM_END", None) is not None}


def coordinated_days(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Consecutive days become one range ("11 и 12 октября" -> 11/12), others a mention each."""
    out: list[Candidate] = []
    for c in candidates:
        m = None
        if c.kind == "cal" and c.granularity == "day" and not c.is_range and c.start > 0:
            m = _DAY_JOINED_BEFORE.search(text, max(0, c.start - 12), c.start)
        if m and (not out or out[-1].end <= m.start(1)) and int(m.group(1)) < c.day:
            d = int(m.group(1))
            if d + 1 == c.day:
                c.start, c.day, c.day2, c.month2, c.is_range = m.start(1), d, c.day, c.month, True
            else:
                out.append(dataclasses.replace(c, start=m.start(1), end=m.end(1), day=d))
        out.append(c)
    return out


def share_years(candidates: list[Candidate], text: str) -> None:
    """A day or month without a year joined by a coordinator to one with a year takes it:
    "в сентябре и октябре нынешнего года", "June 5 and July 7, 2021"."""
    for i in range(len(candidates) - 2, -1, -1):
        c, nxt = candidates[i], candidates[i + 1]
        if (c.kind == "cal" and c.granularity != "year" and not has_year(c) and c.direction is None
                and nxt.kind == "cal" and nxt.granularity != "year" and has_year(nxt)
                and _COORDINATION.fullmatch(text, c.end, nxt.start)):
            c.year, c.year_offset, c.year_anaphoric = nxt.year, nxt.year_offset, nxt.year_anaphoric
            c.confidence = min(c.confidence, 0.85)


def apposition(ctx: Context, values: list[Value | None]) -> None:
    """"завтра, 5 декабря", "Twenty years ago, on 4 April 1992", "5 декабря, в четверг":
    a deictic expression next to an explicit day takes that day (at its own granularity);
    one of years next to a month or a year takes its year too ("Годом ранее, в феврале 1996
    года", "Twenty-five years ago, in July 1997", "Пять лет назад, в 2019 году")."""
    cands, text = ctx.candidates, ctx.text
    for i, c in enumerate(cands):
        if c.kind not in ("day_rel", "weekday", "ago", "rel_year") or values[i] is None:
            continue
        anchor = None
        if i + 1 < len(cands) and _APPOSITION_AFTER.fullmatch(text, c.end, cands[i + 1].start):
            anchor = i + 1
        elif i > 0 and c.kind not in ("ago", "rel_year") and _APPOSITION_BEFORE.fullmatch(text, cands[i - 1].end, c.start):
            anchor = i - 1
        if anchor is None or not (cands[anchor].kind in ("cal", "numeric")
                                  or (c.kind == "weekday" and cands[anchor].kind == "day_rel")):
            continue                                   # ("Вчера в четверг": the day before)
        v = values[anchor]
        if v is None or v.end is not None or v.decade or not (
                v.granularity == "day" or (v.granularity != "day" and c.granularity == "year")):
            continue
        if c.granularity == "day":
            values[i] = v
        elif c.granularity == "month":
            values[i] = Value("month", (v.start[0], v.start[1], None))
        else:
            values[i] = Value("year", (v.start[0], None, None))


def join_ranges(ctx: Context, values: list[Value | None]) -> list[Value | None]:
    """Two dates joined as the ends of one span become one range mention, at the coarser
    granularity of the two: "с ноября 2022 года по март 2023 года" -> 2022-11/2023-03,
    "from 5 March to June 2024", "2022-ci ilin noyabrından 2023-cü ilin martınadək".
    Replaces ``ctx.candidates`` by the joined list and returns its values."""
    cands = ctx.candidates
    out_c: list[Candidate] = []
    out_v: list[Value | None] = []
    i = 0
    while i < len(cands):
        a, va = cands[i], values[i]
        if (i + 1 < len(cands) and va is not None and values[i + 1] is not None
                and cands[i + 1].start - a.end <= 7):
            b, vb = cands[i + 1], values[i + 1]
            joined = _joined(a, va, b, vb, ctx.lang, ctx.text)
            if joined is not None:
                out_c.append(dataclasses.replace(a, end=b.end, is_range=True, granularity=joined.granularity,
                                                 year=a.year if a.year is not None else b.year,
                                                 rule=a.rule + "+" + b.rule))
                out_v.append(joined)
                i += 2
                continue
        out_c.append(a)
        out_v.append(va)
        i += 1
    ctx.candidates = out_c
    return out_v


def _joined(a: Candidate, va: Value, b: Candidate, vb: Value, lang: str, text: str) -> Value | None:
    if (a.kind not in ("cal", "numeric") or b.kind not in ("cal", "numeric") or va.end is not None
            or vb.end is not None or va.decade or vb.decade or a.direction or b.direction):
        return None
    if b.start - a.end > 7:
        return None
    between = text[a.end:b.start]
    if _RANGE_DASH.fullmatch(between):
        ok = a.year is not None and b.year is not None
    elif lang in _RANGE_ENDINGS:
        from_end, until_end, until_after = _RANGE_ENDINGS[lang]
        ok = (between.isspace() and from_end.search(text, a.start, a.end) is not None
              and (until_end.search(text, b.start, b.end) is not None or until_after.match(text, b.end) is not None))
    else:
        before = text[max(0, a.start - 12):a.start]
        ok = any(f.search(before) and t.fullmatch(between) for f, t in _RANGE_WORDS[lang])
    if not ok:
        return None
    granularity = max(va.granularity, vb.granularity, key=GRANULARITY_ORDER.index)

    def cut(p: Part) -> Part:
        return (p[0], p[1] if granularity != "year" else None, p[2] if granularity == "day" else None)

    start, end = cut(va.start), cut(vb.start)
    later = (start[1] or 0, start[2] or 0) > (end[1] or 0, end[2] or 0)
    if not has_year(a) and has_year(b) and end[0] is not None:
        start = (end[0] - later, start[1], start[2])
    elif not has_year(b) and start[0] is not None:     # the end follows the start's year
        end = (start[0] + later, end[1], end[2])
    if None not in (start[0], end[0]) and (start[0], start[1] or 0, start[2] or 0) >= (end[0], end[1] or 0, end[2] or 0):
        return None
    return Value(granularity, start, end)
