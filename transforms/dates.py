"""Date mentions: finder grammar per language + normaliser to TIMEX-style values.

``dates_grammar`` finds the expressions and says what their words mean; this module resolves
them against the publication date and the rest of the text:

- a year the text fixes wins: a range or coordination sharing one year ("25–26 апреля 2022
  года", "в сентябре и октябре нынешнего года"), a date in apposition ("завтра, 5 декабря",
  "Twenty years ago, on 4 April 1992"), the antecedent of an anaphor ("в тот же день",
  "ötən ilin eyni dövrü", "предшествующим годом");
- otherwise relative words count from ``published``; a day or month without a year takes the
  most recent such day on or before it, or the next one when the sentence speaks of the future;
- without ``published`` the date line of the article (a full date with a clock time near the
  top) stands in for it, and failing that a year the text presents as the current one
  ("до конца 2018 года Россия примет ..."); with no anchor at all the digits stay X.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from transforms.dates_grammar import GRAMMARS, Candidate
from transforms.mentions import DateMention

_FUTURE = {
    "en": re.compile(r"\b(?:will|won['’]t|shall|(?:is|are)\s+(?:expected|scheduled|planned|due|set|going|slated|"
                     r"to\s+be)|plans?\s+to|planning\s+to|intends?\s+to|upcoming)\b|['’]ll\b"),
    "ru": re.compile(r"(?i)(?<!\w)(?:будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру\w*|запланирован\w*|"
                     r"намерен\w*|ожидает(?:ся)?|ожидаются|предстоящ\w*|предстоит|совершит|посетит|примет|"
                     r"пров[её]д[её]т|проведут|прибудет|прибудут|отправится|откроется|начн[её]тся|стартует|"
                     r"встретятся|встретится|обсудят|обсудит|подпишут|подпишет)(?!\w)"),
    # -acaq/-əcək is the future participle/tense suffix (keçiriləcək, olacaq, edəcəklər).
    "az": re.compile(r"(?i)(?:ac(?:aq|ağ)|əc(?:ək|əy))|(?<!\w)(?:gözlənilir|gözlənir|planlaşdırılır|"
                     r"planlaşdırır|nəzərdə\s+tutulur)(?!\w)"),
}
# Sentence ends, for the tense test; a light version of transforms.sentences, searched only
# around the mentions that need it.
_SENTENCE_END = re.compile(r"""[.!?…]+["»”’)\]]*\s+(?=["«“„'(\[]?[A-ZА-ЯЁƏÖÜĞŞÇİ0-9])|\n""")
_NOT_AN_END = re.compile(r"(?:\b[^\W\d_]|\b(?:гг?|тыс|млн|млрд|руб|долл|янв|февр?|авг|сент?|окт|нояб|дек|Jan|Feb|Mar|"
                         r"Apr|Aug|Sept?|Oct|Nov|Dec|No|Mr|Mrs|Ms|Dr|St|vs|mln|mlrd))\.$")
_SENTENCE_WINDOW = 600
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate and no verb in
# the past or future ("Today, cooperation is developing steadily", "bu gün ... əməkdaşlıq edir").
_STATE_OF_AFFAIRS = {
    "en": re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:developing|growing|expanding|strengthening|evolving|deepening)\b|"
                     r"\bat\s+(?:a|the|an)\s+(?:\w+\s+)?(?:high|highest|new|unprecedented)\s+level\b|\bone\s+of\s+the\b"),
    "ru": re.compile(r"(?i)развива[юе]тся|укрепля[юе]тся|расширя[юе]тся|явля[юе]тся|являются|на\s+высоком\s+уровне|"
                     r"одн(?:им|ой|ого)\s+из"),
    "az": re.compile(r"(?i)(?:əməkdaşlıq|inkişaf)\s+edir|inkişaf\s+etməkdədir|səviyyədədir|biridir"),
}
_PAST_OR_FUTURE = {
    "en": re.compile(r"\b(?:was|were|had|did|will|would|shall)\b|['’]ll\b|\b\w+ed\b"),
    "ru": re.compile(r"(?i)\b\w+(?:л|ла|ло|ли|лся|лась|лось|лись)\b|\bбуд(?:ет|ут)\b"),
    "az": re.compile(r"(?i)\w+(?:dı|di|du|dü|tı|ti|tu|tü|ıb|ib|ub|üb|mış|miş|muş|müş)(?:lar|lər|dır|dir)?\b|"
                     r"ac(?:aq|ağ)|əc(?:ək|əy)"),
}
_LANGUAGE_LETTERS = {"az": re.compile("[əğışçöüƏĞİŞÇÖÜ]"), "ru": re.compile("[а-яёА-ЯЁ]")}
_URL = re.compile(r"https?://\S+|www\.\S+")
_CLOCK_AFTER = re.compile(r"[ \t,]*(?:\d{1,2}:\d{2}|T\d{2}:\d{2})")
_COORDINATION = re.compile(r"[ \t]*(?:,|и|and|və|ya|or|или|&)?[ \t]*")
_APPOSITION_AFTER = re.compile(r"[ \t]*[,(—–-]?[ \t]*(?:(?:on|On)(?:[ \t]+the)?|во?)?[ \t]*")
_APPOSITION_BEFORE = re.compile(r"[ \t]*[,(]?[ \t]*")
_DATELINE_WINDOW = 400

Part = tuple[int | None, int | None, int | None]      # year, month, day; None = unknown


@dataclass(frozen=True, slots=True)
class _Value:
    granularity: str
    start: Part
    end: Part | None = None                           # second end of a range

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
        lang = _guess_language(text)
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
    return [_mention(text, c, v) for c, v in zip(resolver.candidates, resolver.values(), strict=True)
            if v is not None]


def _guess_language(text: str) -> str:
    sample = text[:2000]
    if len(_LANGUAGE_LETTERS["ru"].findall(sample)) > len(sample) // 10:
        return "ru"
    return "az" if _LANGUAGE_LETTERS["az"].search(sample) else "en"


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
        self._future: dict[int, bool] = {}
        self.published = published or self._dateline_date()
        self.reference_year = self.published.year if self.published else self._text_reference_year()

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

    def _text_reference_year(self) -> int | None:
        """The year a future-tense sentence says the text is in ("until the end of 2018 Russia
        will host..."), when exactly one such year is named."""
        years = {c.year for c in self.candidates if c.anchors_year and self.is_future(c)}
        return years.pop() if len(years) == 1 else None

    def sentence(self, c: Candidate) -> tuple[int, int]:
        text = self.text
        left = max(0, c.start - _SENTENCE_WINDOW)
        for m in _SENTENCE_END.finditer(text, left, c.start):
            if not _NOT_AN_END.search(text, max(0, m.start() - 6), m.start() + 1):
                left = m.end()
        right = len(text)
        for m in _SENTENCE_END.finditer(text, c.end, min(len(text), c.end + _SENTENCE_WINDOW)):
            if not _NOT_AN_END.search(text, max(0, m.start() - 6), m.start() + 1):
                right = m.start() + 1                # with its stop
                break
        return left, right

    def is_future(self, c: Candidate) -> bool:
        """Does the sentence of ``c`` speak of the future (will, состоится, keçiriləcək)?"""
        if c.start not in self._future:
            s, e = self.sentence(c)
            self._future[c.start] = _FUTURE[self.lang].search(self.text, s, e) is not None
        return self._future[c.start]

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
        for c in self.candidates:
            out.append(self._resolve(c, out))
        self._apposition(out)
        return out

    def _resolve(self, c: Candidate, previous: list[_Value | None]) -> _Value | None:
        if c.kind in ("cal", "numeric"):
            return self._calendar(c, previous)
        p, ref = self.published, self.reference_year
        if c.kind == "day_rel":
            if p:
                return _day(p + dt.timedelta(days=c.offset))
            return _Value("day", (ref, None, None))
        if c.kind == "weekday":
            return _day(self._weekday(c)) if p else _Value("day", (ref, None, None))
        if c.kind == "week_rel":
            if not p:
                return _Value("day", (ref, None, None), (ref, None, None))
            monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=c.offset)
            return _Value("day", _part(monday), _part(monday + dt.timedelta(days=6)))
        if c.kind == "month_rel":
            if not p:
                return _Value("month", (ref, None, None))
            y, m = _add_months(p.year, p.month, c.offset)
            return _Value("month", (y, m, None))
        if c.kind == "month_day_rel":
            y, m = _add_months(p.year, p.month, c.offset) if p else (ref, None)
            start, end = (y, m, c.day), (y, m, c.day2) if c.is_range else None
            return _Value("day", start, end) if _exists(start) and (end is None or _exists(end)) else None
        if c.kind == "ago":
            return self._ago(c)
        if c.kind == "same_day":
            for v in reversed(previous):
                if v is not None and v.granularity == "day" and v.end is None:
                    return v
            return _day(p) if p else _Value("day", (ref, None, None))
        if c.kind == "anaphor_year":
            antecedent = next((v for v in reversed(previous) if v is not None), None)
            base = antecedent.start[0] if antecedent else ref
            return _Value("year", (base + c.offset if base is not None else None, None, None))
        if c.kind == "same_period":
            antecedent = self._period_before(previous)
            if antecedent is None:
                year = c.year if c.year is not None else (ref + c.offset if ref is not None else None)
                return _Value("year", (year, None, None))
            base = antecedent.start[0]
            year = c.year if c.year is not None else (base + c.offset if base is not None else None)
            return antecedent.shift_years(year)
        raise ValueError(c.kind)

    def _period_before(self, previous: list[_Value | None]) -> _Value | None:
        """The period "the same period of last year" repeats: the latest calendar mention,
        a span (range, month) preferred over a single day or year."""
        calendar_values = [v for c, v in zip(self.candidates, previous)
                           if v is not None and c.kind in ("cal", "numeric")]
        spans = [v for v in calendar_values if v.end is not None or v.granularity == "month"]
        return (spans or calendar_values or [None])[-1]

    def _calendar(self, c: Candidate, previous: list[_Value | None]) -> _Value | None:
        if c.year is not None:
            y1 = c.year
        elif c.year_anaphoric:
            y1 = next((v.start[0] for v in reversed(previous) if v is not None), self.reference_year)
        elif c.year_offset is not None:
            y1 = self.reference_year + c.year_offset if self.reference_year is not None else None
        else:
            y1 = self._context_year(c)
        if c.granularity == "year":
            if c.is_range:
                return _Value("year", (y1, None, None), (c.year2, None, None))
            return _Value("year", (y1, None, None))
        start = (y1, c.month, c.day)
        if not c.is_range:
            return _Value(c.granularity, start) if _exists(start) else None
        wraps = (c.month2, c.day2 or 0) < (c.month, c.day or 0)
        y2 = c.year2 if c.year2 is not None else (y1 + wraps if y1 is not None else None)
        end = (y2, c.month2, c.day2)
        return _Value(c.granularity, start, end) if _exists(start) and _exists(end) else None

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
        if self.is_future(c):
            return p.year if when >= now else p.year + 1
        return p.year if when <= now else p.year - 1

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
        if self.is_future(c):
            return p + dt.timedelta(days=forward)
        return p - dt.timedelta(days=back)

    def _ago(self, c: Candidate) -> _Value:
        p, ref = self.published, self.reference_year
        if c.unit == "year":
            return _Value("year", (ref - c.offset if ref is not None else None, None, None))
        if not p:
            return _Value(c.granularity, (ref, None, None))
        if c.unit == "month":
            y, m = _add_months(p.year, p.month, -c.offset)
            return _Value("month", (y, m, None))
        return _day(p - dt.timedelta(days=c.offset * (7 if c.unit == "week" else 1)))

    def _apposition(self, values: list[_Value | None]) -> None:
        """"завтра, 5 декабря", "Twenty years ago, on 4 April 1992", "5 декабря, в четверг":
        a deictic expression next to an explicit day takes that day (at its own granularity)."""
        cands, text = self.candidates, self.text
        for i, c in enumerate(cands):
            if c.kind not in ("day_rel", "weekday", "ago") or values[i] is None:
                continue
            anchor = None
            if i + 1 < len(cands) and _APPOSITION_AFTER.fullmatch(text, c.end, cands[i + 1].start):
                anchor = i + 1
            elif i > 0 and c.kind != "ago" and _APPOSITION_BEFORE.fullmatch(text, cands[i - 1].end, c.start):
                anchor = i - 1
            if anchor is None or cands[anchor].kind not in ("cal", "numeric"):
                continue
            v = values[anchor]
            if v is None or v.granularity != "day" or v.end is not None:
                continue
            if c.granularity == "day":
                values[i] = v
            elif c.granularity == "month":
                values[i] = _Value("month", (v.start[0], v.start[1], None))
            else:
                values[i] = _Value("year", (v.start[0], None, None))


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
