"""Date mentions: finder grammar per language + normaliser to TIMEX-style values.

``transforms.dates.grammar`` finds the expressions and says what their words mean; this module resolves
them against the publication date and the rest of the text:

- a year the text fixes wins: a range or coordination sharing one year ("25–26 апреля 2022
  года", "в сентябре и октябре нынешнего года"), a date in apposition ("завтра, 5 декабря",
  "Twenty years ago, on 4 April 1992"), the antecedent of an anaphor ("в тот же день",
  "ötən ilin eyni dövrü", "the same month", "предшествующим годом"), the one year the
  sentence names ("marked in 2023 with a visit on February 27-28");
- otherwise relative words count from ``published``; a day or month without a year (also a
  quarter, a half-year, a holiday) takes the most recent such day on or before it when its
  clause reports the past, the next one when it speaks of the future (``transforms.dates.tense``), and
  the nearer one when it shows no tense; a span of months not over yet is this year's;
- years counted from the text ("a year earlier", "Годом ранее", "спустя два года", "bir il
  sonra") count from the latest year the text names before them, "N years ago" from
  ``published``;
- two dates joined as the ends of a span become one range at the coarser granularity ("с
  ноября 2022 года по март 2023 года");
- without ``published`` the date line of the article (a full date with a clock time near the
  top) stands in for it, then an anniversary and its founding date ("25th anniversary ...
  established on April 4, 1992"), then a year the text presents as the current one ("до конца
  2018 года Россия примет ..."); a date line without a year ("MOSCOW, April 8. /TASS/") still
  gives the month and day for "yesterday" or "this month"; with no anchor the digits stay X
  (a weekday is counted only from a known day of publication: from a guessed one it would be
  a wrong day).
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from transforms.dates.grammar import GRAMMARS, Candidate
from transforms.dates.lexicon import anniversary_number
from transforms.dates.regex import word_alternation
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.tense import clause, has_future, tense
from transforms.lang import (
    ABBREVIATIONS, CAPITALS, CLOSING_MARKS, SENTENCE_START, SENTENCE_STOPS, char_class, script_guess,
)
from transforms.mentions import DateMention

# Sentence ends, for the tense test; a light version of transforms.sentences, searched only
# around the mentions that need it.
# (One character class first lets the engine skip to the candidates quickly.)
_STOP = char_class(SENTENCE_STOPS)
_SENTENCE_END = re.compile(rf"{char_class(SENTENCE_STOPS + chr(10))}(?:(?<=\n)|{_STOP}*{char_class(CLOSING_MARKS)}*\s+"
                           rf"(?={SENTENCE_START}))")
# A stop after an initial or an abbreviation of the languages ("г.", "млрд.", "Feb.", "Mr.") ends no sentence.
_NOT_AN_END = re.compile(r"(?:\b[^\W\d_]|\b(?i:" + word_alternation(ABBREVIATIONS, ignorecase=True) + r"))\.$")
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate and no verb in
# the past or future ("Today, cooperation is developing steadily", "bu gün ... əməkdaşlıq edir").
_STATE_OF_AFFAIRS = {code: rules.STATE_OF_AFFAIRS for code, rules in LANGUAGE_RULES.items()}
_PAST_OR_FUTURE = {code: rules.PAST_OR_FUTURE for code, rules in LANGUAGE_RULES.items()}
_URL = re.compile(r"https?://\S+|www\.\S+")
_CLOCK_AFTER = re.compile(r"[ \t,]*(?:\d{1,2}:\d{2}|T\d{2}:\d{2})")
_COORDINATION = re.compile(r"[ \t]*(?:,|и|and|və|ya|or|или|&)?[ \t]*")
_APPOSITION_AFTER = re.compile(r"[ \t]*[,(—–-]?[ \t]*(?:(?:on|On)(?:[ \t]+the)?|in|во?)?[ \t]*")
_APPOSITION_BEFORE = re.compile(r"[ \t]*[,(]?[ \t]*(?:(?:в|во|on)[ \t]+)?")
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


# Reported speech next to the date: the date is when it was said, not when the year's events
# happened ("trade grew in 2023, the ministry said on March 5").
_REPORTED = {code: rules.REPORTED_BEFORE for code, rules in LANGUAGE_RULES.items()}
_REPORTED_AFTER = {code: rules.REPORTED_AFTER for code, rules in LANGUAGE_RULES.items()}
# Words that join two dates into one span ("с ноября ... по март", "from ... to", "-dan ... -dək").
_RANGE_DASH = re.compile(r"[ \t]*[–—-][ \t]*")
_RANGE_WORDS = {code: rules.RANGE_WORDS for code, rules in LANGUAGE_RULES.items()}

Part = tuple[int | None, int | None, int | None]      # year, month, day; None = unknown


@dataclass(frozen=True, slots=True)
class _Value:
    granularity: str
    start: Part
    end: Part | None = None                           # second end of a range
    decade: bool = False                              # the decade of start's year (TIMEX 201X)

    def shift_years(self, year: int | None) -> "_Value":
        """The same period in another year (ends keep their distance)."""
        def moved(p: Part) -> Part:
            if year is None or p[0] is None or self.start[0] is None:
                return (None, p[1], p[2])
            return (year + p[0] - self.start[0], p[1], p[2])
        return _Value(self.granularity, moved(self.start), moved(self.end) if self.end else None)


def extract_dates(text: str, language: str | None, published: dt.date | None) -> list[DateMention]:
    """Every date, month, year, range or relative expression in ``text``, in text order."""
    lang = (language or "")[:2].lower()
    if lang not in GRAMMARS:
        lang = script_guess(text)
    candidates = GRAMMARS[lang].candidates(text)
    if not candidates:
        return []
    if "://" in text or "www." in text:
        urls = [m.span() for m in _URL.finditer(text)]
        candidates = [c for c in candidates if not any(s < c.end and c.start < e for s, e in urls)]
    candidates = _coordinated_days(candidates, text)
    _share_years(candidates, text)
    resolver = _Resolver(text, lang, published, candidates)
    resolver.candidates = [c for c in candidates if not resolver.means_nowadays(c)]
    values = resolver.values()                      # may join two candidates into one range
    return [_mention(text, c, v) for c, v in zip(resolver.candidates, values, strict=True) if v is not None]


def _has_year(c: Candidate) -> bool:
    return c.year is not None or c.year_offset is not None or c.year_anaphoric


# A bare day number joined to a day+month: "12 və 13 iyun", "11 и 12 октября", "5 and 6 October".
_DAY_JOINED_BEFORE = re.compile(r"(?<![\w.,:/-])(3[01]|[12][0-9]|0?[1-9])[ \t]*(?:,|və|и|and|&)[ \t]*$")


def _coordinated_days(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Consecutive days become one range ("11 и 12 октября" -> 11/12), others a mention each."""
    out: list[Candidate] = []
    for c in candidates:
        m = None
        if c.kind == "cal" and c.granularity == "day" and not c.is_range and c.start > 0:
            m = _DAY_JOINED_BEFORE.search(text, max(0, c.start - 12), c.start)
        if m and (not out or out[-1].end <= m.start(1)) and int(m.group(1)) < c.day:
            day = int(m.group(1))
            if day + 1 == c.day:
                c.start, c.day, c.day2, c.month2, c.is_range = m.start(1), day, c.day, c.month, True
            else:
                out.append(dataclasses.replace(c, start=m.start(1), end=m.end(1), day=day))
        out.append(c)
    return out


def _share_years(candidates: list[Candidate], text: str) -> None:
    """A day or month without a year joined by a coordinator to one with a year takes it:
    "в сентябре и октябре нынешнего года", "June 5 and July 7, 2021"."""
    for i in range(len(candidates) - 2, -1, -1):
        c, nxt = candidates[i], candidates[i + 1]
        if (c.kind == "cal" and c.granularity != "year" and not _has_year(c) and c.direction is None
                and nxt.kind == "cal" and nxt.granularity != "year" and _has_year(nxt)
                and _COORDINATION.fullmatch(text, c.end, nxt.start)):
            c.year, c.year_offset, c.year_anaphoric = nxt.year, nxt.year_offset, nxt.year_anaphoric
            c.confidence = min(c.confidence, 0.85)


class _Resolver:
    def __init__(self, text: str, lang: str, published: dt.date | None, candidates: list[Candidate]):
        self.text, self.lang, self.candidates = text, lang, candidates
        self._tense: dict[tuple[int, bool], str | None] = {}
        self._breaks: list[tuple[int, int]] | None = None   # sentence breaks, found on first use
        self._break_ends: list[int] = []
        self._future: dict[int, bool] = {}
        self._markers: dict = {}                            # tense markers by span (transforms.dates.tense)
        self.partial: tuple[int, int] | None = None        # (month, day) of a date line without a year
        self.published = published or self._dateline_date()
        self.day_known = self.published is not None         # not a date guessed from a year and a date line
        self.reference_year = self.published.year if self.published else None
        if self.published is None:
            self.partial = self._partial_dateline()
            anniversary = self._anniversary()
            if isinstance(anniversary, dt.date):
                self.published, self.reference_year = anniversary, anniversary.year
            else:
                self.reference_year = anniversary or self._text_reference_year()
            if self.published is None and self.reference_year is not None and self.partial is not None:
                month, day = self.partial
                if _exists((self.reference_year, month, day)):
                    self.published = dt.date(self.reference_year, month, day)

    # -- context --------------------------------------------------------------------------
    def _dateline_date(self) -> dt.date | None:
        """A full date followed by a clock time near the top stands for the publication date."""
        for c in self.candidates:
            if c.start > _DATELINE_WINDOW:
                break
            if (c.kind in ("cal", "numeric") and c.granularity == "day" and c.year and not c.is_range
                    and _CLOCK_AFTER.match(self.text, c.end)):
                return dt.date(c.year, c.month, c.day)
        return None

    def _partial_dateline(self) -> tuple[int, int] | None:
        """"MOSCOW, April 8. /TASS/", "Баку. 24 ноября. ИНТЕРФАКС", "Bakı, 22 fevral, AZƏRTAC":
        the day and month of the date line, when it gives no year."""
        for c in self.candidates:
            if c.start > _DATELINE_WINDOW:
                break
            if (c.kind == "cal" and c.granularity == "day" and not c.is_range and not _has_year(c)
                    and _DATELINE_AFTER.match(self.text, c.end)):
                line_start = self.text.rfind("\n", 0, c.start) + 1
                if _DATELINE_BEFORE.fullmatch(self.text, line_start, c.start):
                    return c.month, c.day
        return None

    def _text_reference_year(self) -> int | None:
        """The year a future-tense sentence says the text is in ("until the end of 2018 Russia
        will host..."), when exactly one such year is named."""
        years = {c.year for c in self.candidates if c.anchors_year and self.has_future(c)}
        return years.pop() if len(years) == 1 else None

    def _anniversary(self) -> int | dt.date | None:
        """The year an anniversary is marked in: "the 25th anniversary of diplomatic relations
        ... established on April 4, 1992" -> 2017; "imzalanmasından altı il ötür ... 2018-ci il
        avqustun 12-də" -> 2024. The founding date is the earliest full date of the text that
        puts the anniversary no earlier than any year the text names (later dates are mostly
        what happened since). An anniversary in a sentence that names its own year or month
        ("2022-ci ildə ... 30 illiyi qeyd olunub") is not the current one. When "today" stands
        in the sentence of the anniversary ("Bu gün ... altı il ötür"), today is the founding
        day N years on."""
        phrases = _anniversaries(self.text, self.lang)
        if not phrases:
            return None
        full = sorted((c for c in self.candidates if c.kind in ("cal", "numeric") and c.granularity == "day"
                       and c.year is not None and not c.is_range), key=lambda c: (c.year, c.start))
        if not full:
            return None
        latest = max(c.year2 or c.year for c in self.candidates if c.year is not None)
        first = None
        for start, end, n in phrases:
            base = next((c for c in full if c.year + n >= latest), None)
            if n > 150 or base is None:
                continue
            year = base.year + n
            s, e = self.sentence_at(start, end)
            if any(s <= c.start < e and c.kind == "cal" and c.granularity != "day" and _has_year(c)
                   for c in self.candidates):
                continue
            first = first or year
            if (any(c.kind == "day_rel" and c.offset == 0 and s <= c.start < e for c in self.candidates)
                    and _exists((year, base.month, base.day))):
                return dt.date(year, base.month, base.day)
        return first

    def sentence(self, c: Candidate) -> tuple[int, int]:
        return self.sentence_at(c.start, c.end)

    def sentence_at(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around text[start:end]: from the end of the last sentence
        break before it to the first break after it (with its stop)."""
        if self._breaks is None:
            text = self.text
            # _NOT_AN_END ends in "\.$": it can only match when the stop is a full stop (or a
            # line break right after one, which "$" allows), so other stops skip the search.
            breaks, ends, not_an_end = [], [], _NOT_AN_END.search
            for m in _SENTENCE_END.finditer(text):
                a, e = m.span()
                if (text[a] == "." or text[a - 1:a + 1] == ".\n") and not_an_end(text, max(0, a - 6), a + 1):
                    continue
                breaks.append((a, e))
                ends.append(e)
            self._breaks, self._break_ends = breaks, ends
        breaks = self._breaks
        i = bisect.bisect_right(self._break_ends, start)        # breaks[:i] end at or before start
        left = breaks[i - 1][1] if i else 0
        while i < len(breaks) and breaks[i][0] < end:
            i += 1
        right = breaks[i][0] + 1 if i < len(breaks) else len(self.text)
        return left, right

    def has_future(self, c: Candidate) -> bool:
        """Does the sentence of ``c`` speak of the future anywhere (will, состоится, keçiriləcək)?"""
        if c.start not in self._future:
            s, e = self.sentence(c)
            self._future[c.start] = has_future(self.text, self.lang, s, e)
        return self._future[c.start]

    def tense(self, c: Candidate, future_only: bool = False) -> str | None:
        """"future" / "past" / None for the clause of ``c`` (see transforms.dates.tense);
        ``future_only``: only "future" or None, which is cheaper."""
        key = (c.start, future_only)
        if key not in self._tense:
            self._tense[key] = tense(self.text, self.lang, self.sentence(c), c.start, c.end, future_only, self._markers)
        return self._tense[key]

    def means_nowadays(self, c: Candidate) -> bool:
        """"Today" as "nowadays" names no day. Headlines (no closing stop) keep their present
        tense for the day's events ("Lavrov bu gün Bakıya gəlir")."""
        if c.kind != "day_rel" or c.offset != 0:
            return False
        s, e = self.sentence(c)
        closed = self.text[s:e].rstrip()[-1:] in (".", "!", "?", "…")
        return (closed and _STATE_OF_AFFAIRS[self.lang].search(self.text, s, e) is not None
                and _PAST_OR_FUTURE[self.lang].search(self.text, s, e) is None)

    # -- resolution -------------------------------------------------------------------------
    def values(self) -> list[_Value | None]:
        out: list[_Value | None] = []
        for i, c in enumerate(self.candidates):
            out.append(self._resolve(c, i, out))
        self._apposition(out)
        return self._join_ranges(out)

    def _resolve(self, c: Candidate, i: int, previous: list[_Value | None]) -> _Value | None:
        if c.kind in ("cal", "numeric"):
            return self._calendar(c, i, previous)
        p, ref = self.published, self.reference_year
        if c.kind == "day_rel":
            if p:
                return _day(p + dt.timedelta(days=c.offset))
            return _Value("day", self._partial_day(c.offset))
        if c.kind == "weekday":
            # Only from a known day: counted from a day guessed from a year and a date line
            # without one it would be a wrong day. (Under "MOSCOW, April 28. /TASS/." a weekday
            # of the lead is often that day, but the date line does not say which weekday it
            # is: the day stays unknown.)
            return _day(self._weekday(c)) if p and self.day_known else _Value("day", (ref, None, None))
        if c.kind == "week_rel":
            if not p:
                return _Value("day", (ref, None, None), (ref, None, None))
            monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=c.offset)
            return _Value("day", _part(monday), _part(monday + dt.timedelta(days=6)))
        if c.kind == "weekend":
            if not p:
                return _Value("day", (ref, None, None), (ref, None, None))
            saturday = self._weekend(c)
            return _Value("day", _part(saturday), _part(saturday + dt.timedelta(days=1)))
        if c.kind == "month_rel":
            if p:
                y, m = _add_months(p.year, p.month, c.offset)
                return _Value("month", (y, m, None))
            if self.partial:
                return _Value("month", (None, (self.partial[0] + c.offset - 1) % 12 + 1, None))
            return _Value("month", (ref, None, None))
        if c.kind == "month_day_rel":
            if p:
                y, m = _add_months(p.year, p.month, c.offset)
            elif self.partial:
                y, m = None, (self.partial[0] + c.offset - 1) % 12 + 1
            else:
                y, m = ref, None
            start, end = (y, m, c.day), (y, m, c.day2) if c.is_range else None
            return _Value("day", start, end) if _exists(start) and (end is None or _exists(end)) else None
        if c.kind == "ago":
            return self._ago(c, i, previous)
        if c.kind == "rel_year":
            return self._rel_year(c, i, previous)
        if c.kind == "same_day":
            for v in reversed(previous):
                if v is not None and v.granularity == "day" and v.end is None:
                    return v
            return _day(p) if p else _Value("day", self._partial_day(0))
        if c.kind == "same_month":
            for v in reversed(previous):
                if v is not None and v.granularity in ("day", "month") and v.start[1] is not None:
                    return _Value("month", (v.start[0], v.start[1], None))
            if p:
                return _Value("month", (p.year, p.month, None))
            return _Value("month", (ref, self.partial[0] if self.partial else None, None))
        if c.kind == "anaphor_year":
            antecedent = next((v for v in reversed(previous) if v is not None and not v.decade), None)
            base = antecedent.start[0] if antecedent else ref
            return _Value("year", (base + c.offset if base is not None else None, None, None))
        if c.kind == "half_year":
            return self._half_year(previous)
        if c.kind == "same_period":
            antecedent = self._period_before(previous, c.unit == "month")
            if antecedent is None:
                year = c.year if c.year is not None else (ref + c.offset if ref is not None else None)
                return _Value("year", (year, None, None))
            base = antecedent.start[0]
            year = c.year if c.year is not None else (base + c.offset if base is not None else None)
            return antecedent.shift_years(year)
        raise ValueError(c.kind)

    def _half_year(self, previous: list[_Value | None]) -> _Value:
        """"за полугодие", "по итогам полугодия": a half-year the text named before, else the
        last one over at publication (January-June when published in July-December)."""
        for v in reversed(previous):
            if v is not None and v.end is not None and v.granularity == "month" and (v.start[1], v.end[1]) in ((1, 6), (7, 12)):
                return v
        p = self.published
        if p is None:
            return _Value("month", (self.reference_year, None, None), (self.reference_year, None, None))
        if p.month >= 7:
            return _Value("month", (p.year, 1, None), (p.year, 6, None))
        return _Value("month", (p.year - 1, 7, None), (p.year - 1, 12, None))

    def _partial_day(self, offset: int) -> Part:
        """A day counted from the date line's day when the year is unknown ("вчера" under
        "24 ноября" -> XXXX-11-23); all X without one."""
        if self.partial is None:
            return (self.reference_year, None, None)
        month, day = self.partial
        if (month, day) == (2, 29):
            return (None, None, None)
        leap = dt.date(2000, month, day) + dt.timedelta(days=offset)
        common = dt.date(2001, month, day) + dt.timedelta(days=offset)
        if (leap.month, leap.day) != (common.month, common.day) or common.year != 2001:
            return (None, None, None)                               # across 29 February, or another year
        return (None, common.month, common.day)

    def _period_before(self, previous: list[_Value | None], one_month: bool = False) -> _Value | None:
        """The period "the same period of last year" repeats: the latest calendar mention,
        a span (range, month) preferred over a single day or year; for "the same month", the
        latest month (or the month of the latest day)."""
        calendar_values = [v for c, v in zip(self.candidates, previous)
                           if v is not None and c.kind in ("cal", "numeric") and not v.decade]
        if one_month:
            months = [v for v in calendar_values if v.granularity in ("day", "month") and v.end is None]
            if months:
                v = months[-1]
                return _Value("month", (v.start[0], v.start[1], None))
        spans = [v for v in calendar_values if v.end is not None or v.granularity == "month"]
        return (spans or calendar_values or [None])[-1]

    def _calendar(self, c: Candidate, i: int, previous: list[_Value | None]) -> _Value | None:
        if c.year is not None:
            y1 = c.year
        elif c.year_anaphoric:
            y1 = next((v.start[0] for v in reversed(previous) if v is not None), self.reference_year)
        elif c.year_offset is not None:
            y1 = self.reference_year + c.year_offset if self.reference_year is not None else None
        else:
            y1 = self._sentence_year(c, i, previous)
            if y1 is None:
                y1 = self._context_year(c)
        if c.granularity == "year":
            if c.is_range:
                return _Value("year", (y1, None, None), (c.year2, None, None))
            return _Value("year", (y1, None, None), decade=c.decade)
        if c.unit == "independence" and y1 is not None and y1 < 2021:
            return _Value("day", (y1, 10, 18))                    # Azerbaijan's Independence Day before 2021
        start = (y1, c.month, c.day)
        if not c.is_range:
            return _Value(c.granularity, start) if _exists(start) else None
        wraps = (c.month2, c.day2 or 0) < (c.month, c.day or 0)
        y2 = c.year2 if c.year2 is not None else (y1 + wraps if y1 is not None else None)
        end = (y2, c.month2, c.day2)
        return _Value(c.granularity, start, end) if _exists(start) and _exists(end) else None

    def _sentence_year(self, c: Candidate, i: int, previous: list[_Value | None]) -> int | None:
        """The year the sentence fixes for a day or month written without one: "marked in 2023
        with a visit on February 27-28", "began in April 2024, was completed in June", "в этом
        году исполняется 30 лет ..., а 3 июля — 25 лет". Only when every year the sentence
        names before it and in its clause after it is the same, one of them comes before the
        date, and the date is not the day something was said ("trade grew in 2023, the ministry
        said on March 5"). With a publication date, which already resolves most days well, only
        a year of the same clause or a relative one ("в этом году") counts, and it must agree
        with the tense ("Putin, who visited Baku in 2018, will arrive on May 5")."""
        if (c.kind != "cal" or c.direction is not None or i == 0
                or not any(_has_year(a) or a.kind == "ago" for a in self.candidates[max(0, i - 4):i])):
            return None
        s, e = self.sentence(c)
        s = max(s, self.text.rfind(";", s, c.start) + 1)
        e = min(e, self.text.find(";", c.end, e) % (e + 1))
        cands, years, anchor = self.candidates, set(), None
        for j in range(i - 1, -1, -1):
            a = cands[j]
            if a.end <= s:
                break
            v = previous[j]
            if a.kind not in ("cal", "numeric", "ago") or v is None or not (_has_year(a) or a.kind == "ago"):
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
        clause_start, clause_end = clause(self.text, s, e, c.start, c.end)
        for a in cands[i + 1:]:
            if a.start >= clause_end:
                break
            if a.kind in ("cal", "numeric") and a.year is not None:
                years.update(y for y in (a.year, a.year2) if y is not None)
            elif a.kind == "cal" and a.year_offset is not None and self.reference_year is not None:
                years.add(self.reference_year + a.year_offset)
            elif a.kind == "ago" or a.decade:
                return None
        if len(years) != 1:
            return None
        if (_REPORTED[self.lang].search(self.text, max(s, c.start - 40), c.start)
                or _REPORTED_AFTER[self.lang].match(self.text, c.end)):
            return None
        year = years.pop()
        a, v = anchor
        p = self.published
        if p is not None:
            if a.start < clause_start and a.year_offset is None:
                return None
            t = self.tense(c)
            if (t == "future" and year < p.year) or (t == "past" and year > p.year):
                return None
        if v.granularity != "year" and v.end is None and (c.month, c.day or 0) < (v.start[1], v.start[2] or 0):
            year += 1                                  # "in November 2023 ... completed in February"
        return year

    def _context_year(self, c: Candidate) -> int | None:
        """Year of a day or month written without one."""
        p = self.published
        if p is None:
            return self.reference_year
        day_granular = c.granularity == "day"
        when = (c.month, c.day if day_granular else 0)
        now = (p.month, p.day if day_granular else 0)
        if c.direction == "past":
            return p.year if when < now else p.year - 1
        if c.direction == "future":
            return p.year if when > now else p.year + 1
        if when <= now:
            # A span of months that is not over yet ("the first quarter" in March) is this
            # year's even in the future tense.
            over = (c.month2, 0) < now if c.is_range and c.granularity == "month" and c.month2 else when < now
            return p.year + 1 if over and self.tense(c, future_only=True) == "future" else p.year
        tense = self.tense(c)
        if tense == "future":
            return p.year
        if tense == "past":
            return p.year - 1
        # Neither past nor future ("AZAL dekabrın 28-dən etibarən uçuşları dayandırır", "The
        # co-chairs meet in June"): the nearer occurrence, the coming one within half a year (a
        # quarter for a month: figures "in October" are mostly of one that is over).
        ahead = (dt.date(p.year, c.month, min(c.day or 1, 28)) - p).days
        return p.year if ahead <= (183 if day_granular else 92) else p.year - 1

    def _weekday(self, c: Candidate) -> dt.date:
        p = self.published
        back = (p.weekday() - c.weekday) % 7
        if c.direction == "this":
            return p - dt.timedelta(days=p.weekday() - c.weekday)
        if c.direction == "past":
            return p - dt.timedelta(days=back or 7)
        forward = (c.weekday - p.weekday()) % 7
        if c.direction == "future":
            return p + dt.timedelta(days=forward or 7)
        tense = self.tense(c)
        if tense == "future" or (tense is None and forward < back):   # "opens on Thursday": the nearer
            return p + dt.timedelta(days=forward)
        return p - dt.timedelta(days=back)

    def _weekend(self, c: Candidate) -> dt.date:
        """The Saturday of the weekend meant: "на выходных" in a report is the last one (the
        current one when published on it), in an announcement the coming one."""
        p = self.published
        saturday = p + dt.timedelta(days=5 - p.weekday())          # of the publication week
        if c.direction == "this":
            return saturday
        if c.direction == "past":
            return saturday - dt.timedelta(days=7)
        if c.direction == "future" or self.tense(c) == "future":
            return saturday if p.weekday() < 6 else saturday + dt.timedelta(days=7)
        return saturday if p.weekday() >= 5 else saturday - dt.timedelta(days=7)

    def _ago(self, c: Candidate, i: int, previous: list[_Value | None]) -> _Value:
        p, ref = self.published, self.reference_year
        if c.unit == "decade":                     # "почти три десятилетия назад": the year
            return _Value("year", (ref - 10 * c.offset if ref is not None else None, None, None))
        if c.unit == "year":
            # Azerbaijani "bir il əvvəl" after a year of its sentence is "a year before that"
            # ("2024-cü ildə ... artıb, bir il əvvəl isə ..."); elsewhere N years ago.
            if self.lang == "az":
                found, year = self._year_before(i, previous, same_sentence=True)
                if found:
                    return _Value("year", (year - c.offset if year is not None else None, None, None))
            return _Value("year", (ref - c.offset if ref is not None else None, None, None))
        if not p:
            return _Value(c.granularity, (ref, None, None))
        if c.unit == "month":
            y, m = _add_months(p.year, p.month, -c.offset)
            return _Value("month", (y, m, None))
        return _day(p - dt.timedelta(days=c.offset * (7 if c.unit == "week" else 1)))

    _YEAR_KINDS = ("ago", "rel_year", "anaphor_year")

    def _year_before(self, i: int, previous: list[_Value | None], same_sentence: bool = False,
                     later: bool = False) -> tuple[bool, int | None]:
        """(found, year) of the latest mention before candidate ``i`` that names a year (a
        written or relative year, "N years ago", "a year later"; not a decade): its end year for
        a span when ``later``, None when that year is unknown; with ``same_sentence``, only in
        the sentence of ``i``."""
        c = self.candidates[i]
        s = self.sentence(c)[0] if same_sentence else -1
        for j in range(i - 1, -1, -1):
            a, v = self.candidates[j], previous[j]
            if a.end <= s:
                break
            if v is None or v.decade or not ((a.kind in ("cal", "numeric") and _has_year(a)) or a.kind in self._YEAR_KINDS):
                continue
            return True, (v.end or v.start)[0] if later else v.start[0]
        return False, None

    def _rel_year(self, c: Candidate, i: int, previous: list[_Value | None]) -> _Value:
        """"a year earlier", "Годом ранее", "спустя два года", "ondan bir il sonra": years from
        the latest year the text names before them; without one, from the publication year.
        Azerbaijani "iki il sonra" in the future tense with no year in its sentence counts from
        publication ("two years from now")."""
        deictic = c.rule == "az_rel_years_later" and self.tense(c) == "future"   # (a branch of az_ago)
        found, base = self._year_before(i, previous, same_sentence=deictic, later=c.offset > 0)
        if not found:
            base = self.reference_year
        return _Value("year", (base + c.offset if base is not None else None, None, None))

    def _apposition(self, values: list[_Value | None]) -> None:
        """"завтра, 5 декабря", "Twenty years ago, on 4 April 1992", "5 декабря, в четверг":
        a deictic expression next to an explicit day takes that day (at its own granularity);
        one of years next to a month or a year takes its year too ("Годом ранее, в феврале 1996
        года", "Twenty-five years ago, in July 1997", "Пять лет назад, в 2019 году")."""
        cands, text = self.candidates, self.text
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
                values[i] = _Value("month", (v.start[0], v.start[1], None))
            else:
                values[i] = _Value("year", (v.start[0], None, None))

    def _join_ranges(self, values: list[_Value | None]) -> list[_Value | None]:
        """Two dates joined as the ends of one span become one range mention, at the coarser
        granularity of the two: "с ноября 2022 года по март 2023 года" -> 2022-11/2023-03,
        "from 5 March to June 2024", "2022-ci ilin noyabrından 2023-cü ilin martınadək"."""
        cands, text, lang = self.candidates, self.text, self.lang
        out_c: list[Candidate] = []
        out_v: list[_Value | None] = []
        i = 0
        while i < len(cands):
            a, va = cands[i], values[i]
            if (i + 1 < len(cands) and va is not None and values[i + 1] is not None
                    and cands[i + 1].start - a.end <= 7):
                b, vb = cands[i + 1], values[i + 1]
                joined = self._joined(a, va, b, vb, lang, text)
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
        self.candidates = out_c
        return out_v

    @staticmethod
    def _joined(a: Candidate, va: _Value, b: Candidate, vb: _Value, lang: str, text: str) -> _Value | None:
        if (a.kind not in ("cal", "numeric") or b.kind not in ("cal", "numeric") or va.end is not None
                or vb.end is not None or va.decade or vb.decade or a.direction or b.direction):
            return None
        if b.start - a.end > 7:
            return None
        between = text[a.end:b.start]
        if _RANGE_DASH.fullmatch(between):
            ok = a.year is not None and b.year is not None
        elif lang == "az":
            az = LANGUAGE_RULES["az"]
            ok = (between.isspace() and az.RANGE_FROM_END.search(text, a.start, a.end) is not None
                  and (az.RANGE_UNTIL_END.search(text, b.start, b.end) is not None
                       or az.RANGE_UNTIL_AFTER.match(text, b.end) is not None))
        else:
            pair = _RANGE_WORDS[lang]
            before = text[max(0, a.start - 12):a.start]
            ok = any(f.search(before) and t.fullmatch(between) for f, t in pair)
        if not ok:
            return None
        order = ("day", "month", "year")
        granularity = max(va.granularity, vb.granularity, key=order.index)

        def cut(p: Part) -> Part:
            return (p[0], p[1] if granularity != "year" else None, p[2] if granularity == "day" else None)

        start, end = cut(va.start), cut(vb.start)
        later = (start[1] or 0, start[2] or 0) > (end[1] or 0, end[2] or 0)
        if not _has_year(a) and _has_year(b) and end[0] is not None:
            start = (end[0] - later, start[1], start[2])
        elif not _has_year(b) and start[0] is not None:     # the end follows the start's year
            end = (start[0] + later, end[1], end[2])
        if None not in (start[0], end[0]) and (start[0], start[1] or 0, start[2] or 0) >= (end[0], end[1] or 0, end[2] or 0):
            return None
        return _Value(granularity, start, end)


def _exists(p: Part) -> bool:
    """False for a day the calendar does not have (29 February 2023); unknown parts pass."""
    y, m, d = p
    return y is None or m is None or d is None or d <= calendar.monthrange(y, m)[1]


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + offset
    return n // 12, n % 12 + 1


def _part(d: dt.date) -> Part:
    return (d.year, d.month, d.day)


def _day(d: dt.date) -> _Value:
    return _Value("day", _part(d))


def _format(granularity: str, p: Part) -> str:
    y, m, d = p
    out = f"{y:04d}" if y is not None else "XXXX"
    if granularity != "year":
        out += f"-{m:02d}" if m is not None else "-XX"
        if granularity == "day":
            out += f"-{d:02d}" if d is not None else "-XX"
    return out


def _first_day(p: Part) -> dt.date:
    return dt.date(p[0], p[1] or 1, p[2] or 1)


def _last_day(granularity: str, p: Part) -> dt.date:
    y, m, d = p
    if granularity == "year":
        return dt.date(y, 12, 31)
    if granularity == "month":
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(y, m, d)


def _mention(text: str, c: Candidate, v: _Value) -> DateMention:
    value = _format(v.granularity, v.start)
    if v.decade:
        value = value[:3] + "X"
    if v.end is not None:
        value += "/" + _format(v.granularity, v.end)
    known = "X" not in value
    relative = c.kind not in ("cal", "numeric") or c.year is None
    confidence = c.confidence if known or not relative else min(c.confidence, 0.6)
    return DateMention(
        start=c.start, end=c.end, text=text[c.start:c.end], value=value,
        value_start=_first_day(v.start) if known else None,
        value_end=_last_day(v.granularity, v.end or v.start) if known else None,
        granularity=v.granularity, is_range=v.end is not None, is_relative=relative,
        rule=c.rule, confidence=round(confidence, 2),
    )
