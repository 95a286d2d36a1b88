"""Finder grammar for date expressions: candidates, builders, and the rules of each language
(transforms/dates/rules/<code>.py) joined into one alternation per language.

Each rule is a regular expression with named groups plus a builder that turns a match into
an unresolved ``Candidate`` (what the words say: explicit parts, offsets, anaphora). All
rules of a language are joined into ONE alternation, tried left to right at each word start,
so one ``finditer`` pass finds every mention without overlaps; the rule's own regex is then
re-run on the hit to read its groups. Order matters: longer, more specific rules come first.

Resolution against the publication date and the text happens in ``transforms.dates.resolve``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from transforms.dates.lexicon import (
    INDEPENDENCE, VICTORY, day_offset, fold, holiday_date, month_number, number_value, ordinal_value, relative_offset,
    weekday_number,
)
from transforms.dates.regex import KeywordGates, fast_literal_groups, guarded_alternation
from transforms.dates.rules import GATES, RULES


@dataclass(slots=True)
class Candidate:
    """A date expression as written, before resolution.

    kind: cal (calendar parts, year explicit, relative or from context) | numeric (a written
    date) | day_rel (today...) | week_rel | month_rel | month_day_rel ("bu ayın 15-də") |
    weekday | weekend (Saturday-Sunday) | ago | same_day | same_month | anaphor_year (year of
    the previous mention + offset) | same_period (the previous period in another year) |
    half_year ("за полугодие": the half-year reported on) | rel_year (years before or after
    the latest year the text names: "a year earlier", "спустя год").
    """
    start: int
    end: int
    rule: str
    confidence: float
    kind: str
    granularity: str
    year: int | None = None          # explicit year (first end)
    year2: int | None = None         # explicit year of the second end
    year_offset: int | None = None   # year = reference year + offset
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None
    is_range: bool = False
    direction: str | None = None     # past | future | this: "last June", "в прошлом декабре", "this Friday"
    offset: int = 0                  # days / weeks / months / years for deictic kinds
    unit: str | None = None          # year | month | week | day, for ago / relative units
    weekday: int | None = None
    year_anaphoric: bool = False     # "того же года": the year of the previous mention
    anchors_year: bool = False       # "until the end of 2018", "during 2014": names the current year
    decade: bool = False             # "2010-х годах", "the 1990s": the decade of ``year`` (TIMEX 201X)




# ---------------------------------------------------------------------------------------------
# Builders: match groups -> Candidate (or None when the words turn out not to be a date)

_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALF_MONTHS = {1: (1, 6), 2: (7, 12)}
_UNIT_PREFIXES = (("decade", "decade"), ("onillik", "decade"), ("десятилет", "decade"), ("year", "year"), ("il", "year"), ("год", "year"), ("лет", "year"),
                  ("month", "month"), ("ay", "month"), ("меся", "month"),
                  ("week", "week"), ("həftə", "week"), ("недел", "week"),
                  ("day", "day"), ("gün", "day"), ("ден", "day"), ("дн", "day"))
_CONFIDENCE = {"half_year": 0.75, "rel_year": 0.7, "holiday": 0.8, "cal": 0.9, "numeric": 0.95, "day_rel": 0.85, "rel_unit": 0.85, "weekday": 0.8, "ago": 0.8,
               "same_day": 0.7, "anaphor_year": 0.7, "same_period": 0.75, "month_day_rel": 0.8,
               "anaphor": 0.7}


# "until the end of 2018", "during 2014": said of the year the text is written in.
_CURRENT_YEAR_HINT = re.compile(r"(?i)до\s+конца|к\s+концу|в\s+течение|на\s+протяжении|the\s+end\s+of|"
                                r"sonun|sonuna|ərzində")


_YEAR_LIST_BEFORE = re.compile(r"(?:19|20)[0-9]{2}[ \t]*(?:,|və|ya|и|and)[ \t]*$")


_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_TODAYS_WORLD = re.compile(r"[Tt]oday['’]s\s+(?:world|realities|reality|conditions|geopolitical|global)\b")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def _unit(word: str) -> str:
    w = fold(word)
    for prefix, unit in _UNIT_PREFIXES:
        if w.startswith(prefix):
            return unit
    raise KeyError(word)


def _days_in_month(month: int) -> int:
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _build_cal(g: dict, c: Candidate, text: str) -> Candidate | None:
    get = g.get
    if get("mrel") is not None or (get("b") and "месяц" in fold(text[c.start:c.end])):
        c.kind, c.granularity = "month_rel", "month"              # "end of this month", "в конце месяца"
        c.offset = relative_offset(get("mrel")) if get("mrel") else 0
        return c
    year = int(get("y")) if get("y") else None
    year2 = int(get("yb")) if get("yb") else None
    if get("dd"):                                                 # "90-cı illər": the 1990s
        year, c.decade = 1900 + int(get("dd")), True
    elif get("dec"):                                              # "2010-х годах", "the 1990s"
        year, c.decade = int(get("dec")), True
    if get("ys"):                                                 # "2024/25", "2019-24"
        year2 = year - year % 100 + int(get("ys"))
        if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
            return None
    if year is None and year2 is not None:                        # "mid-2024" keeps its year in yb
        year, year2 = year2, None
    if get("yr"):
        c.year_offset = relative_offset(get("yr"))
    elif get("yabbr"):
        c.year_offset = -1 if get("yabbr")[0] == "п" else 0
    elif get("ysame"):
        c.year_anaphoric = True
    elif get("the") or (year is None and not get("mon") and (
            get("n") or get("b") or ((get("q") or get("h")) and c.rule == "az_year_part"))):
        c.year_offset = 0                                         # "ilin sonunda", "с начала года"
    # (A quarter or half without a year, "в первом квартале", takes the year from the sentence
    # or the publication date and the tense, like a month without one.)
    mdir = get("mdir")
    if mdir is None and c.rule == "en_month":                     # "last June", "next May"
        before = _word_before(text, c.start)
        mdir = before if before in ("last", "next", "this") else None
    if mdir:
        w = fold(mdir)
        if w.startswith(("эт", "текущ", "нынешн", "this")):
            c.year_offset = 0
        else:
            c.direction = "past" if w.startswith(("прошл", "минувш", "last", "keçən", "ötən")) else "future"
    c.year, c.year2 = year, year2
    if get("mon") or get("mon1"):
        c.month = month_number(get("mon") or get("mon1"))
        c.month2 = month_number(get("mon2")) if get("mon2") else None
    d1 = get("d1") or get("d1a")
    d2 = get("d2") or get("d2a") or get("d2b")
    if d1:
        c.granularity, c.day = "day", int(d1)
        if d2:
            c.day2 = int(d2)
            c.month2 = c.month2 or c.month
            c.is_range = True
        if c.day > _days_in_month(c.month) or (c.day2 and c.day2 > _days_in_month(c.month2)):
            return None
        if c.is_range and (c.month2, c.day2) == (c.month, c.day):
            return None
    elif c.month:
        c.granularity = "month"
        if c.month2 and c.month2 != c.month:
            c.is_range = True
        else:
            c.month2 = None
    elif get("q") or get("h") or get("n"):
        if get("q"):
            c.month, c.month2 = _QUARTER_MONTHS[min(ordinal_value(get("q")), 4)
                                                if fold(get("q")) not in ("last", "final") else 4]
        elif get("h"):
            h = fold(get("h"))
            c.month, c.month2 = _HALF_MONTHS[2 if h == "latter" else min(ordinal_value(h), 2)]
        else:
            n = number_value(get("n"))
            if not 1 <= n <= 12:
                return None
            c.month, c.month2 = 1, n
        c.granularity, c.is_range = "month", c.month2 != c.month
        if not c.is_range:
            c.month2 = None
    else:
        c.granularity = "year"
        if year is None and c.year_offset is None and not c.year_anaphoric and c.kind == "cal":
            return None
        if year2 is not None:
            if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
                return None                                        # "2023/2024" is a season, not a span
            c.is_range = True
        if (get("il") and "lər" in get("il") and year % 10 == 0   # "1990-cı illərdə": a decade,
                and not _YEAR_LIST_BEFORE.search(text, max(0, c.start - 20), c.start)):  # unless "2008 və 2010-cu illərdə"
            c.decade = True
        c.anchors_year = (year2 is None
                          and _CURRENT_YEAR_HINT.search(text, max(0, c.start - 16), c.end) is not None)
    return c


def _build_numeric(g: dict, c: Candidate, text: str) -> Candidate | None:
    year = int(g["y"])
    if g.get("m"):
        month, day = int(g["m"]), int(g["d"])
    else:
        day, month = int(g["a"]), int(g["b"])
        if month > 12 and day <= 12:                               # 02/22/2022: month first
            day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(month)):
        return None
    c.year, c.month, c.day, c.granularity = year, month, day, "day"
    return c


def _build_day_rel(g: dict, c: Candidate, text: str) -> Candidate | None:
    w = g["w"]
    if w == "Sabah":                        # a name (club, newspaper) unless it opens a sentence
        before = text[:c.start].rstrip(" \t\u00a0")
        if before and before[-1] not in ".!?\n:«“\"":
            return None
    if _TODAYS_WORLD.match(text, c.start):  # "today's world": nowadays
        return None
    if fold(w) == "накануне":             # "накануне визита" is "on the eve of", not a day
        nxt = re.match(r"\s*([а-яё]+)", text[c.end:c.end + 40], re.I)
        if nxt and not re.search(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ом|ью)$", nxt.group(1).lower()):
            return None
    c.offset, c.granularity = day_offset(w), "day"
    return c


def _build_rel_unit(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("adj"):                                              # "builki", "keçən ilki": a year
        c.kind, c.granularity, c.year_offset = "cal", "year", relative_offset(g["yr"])
        return c
    word = fold(g.get("unit") or g.get("we"))
    if word.startswith("weekend") or word.startswith("həftə") and "son" in word:
        if g.get("wthe") == "the" and not _WEEKEND_THE.search(text, max(0, c.start - 8), c.start):
            return None                                           # "the weekend programme"
        return _build_weekend({"wmod": g.get("yr") or g.get("wthe") or "-"}, c, text)
    if word.startswith("yubiley"):                                # "bu yubiley ilində"
        c.kind = "anaphor_year"
        return _build_anaphor_year(g, c, text)
    unit = _unit(g["unit"])
    offset = relative_offset(g["yr"])
    if unit == "year":
        c.kind, c.granularity, c.year_offset = "cal", "year", offset
    elif unit == "month":
        c.kind, c.granularity, c.offset = "month_rel", "month", offset
    else:
        c.kind, c.granularity, c.offset, c.is_range = "week_rel", "day", offset, True
    return c


def _build_month_day_rel(g: dict, c: Candidate, text: str) -> Candidate | None:
    offset = relative_offset(g["yr"]) if g.get("yr") else 0
    if g.get("mb"):                                               # "ayın sonunda": this month
        c.kind, c.granularity, c.offset = "month_rel", "month", offset
        return c
    if not g.get("yr"):
        return None                                               # "ayın 15-də" alone: which month?
    c.offset, c.granularity, c.day = offset, "day", int(g["d1"])
    d2 = g.get("d2") or g.get("d2b")
    if d2:
        c.day2, c.is_range = int(d2), True
    return c


def _build_ago(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("unit2"):                      # the years-later branch of the rule
        c.kind, c.rule, c.confidence = "rel_year", _REL_RULE[c.rule], _CONFIDENCE["rel_year"]
        return _build_rel_year({**g, "unit": g["unit2"]}, c, text)
    n = g.get("n")
    if not n and fold(g["unit"]) not in ("год", "месяц", "неделю", "день", "десятилетие"):
        return None                         # "несколько лет назад": vague
    c.offset = number_value(n) if n and fold(n) not in ("a", "an") else 1
    c.unit = _unit(g["unit"])
    if c.offset * (10 if c.unit == "decade" else 1) > 150:     # "1000 il əvvəl" is history, not a date
        return None
    c.granularity = "year" if c.unit in ("year", "decade") else "month" if c.unit == "month" else "day"
    return c


_LATER = ("later", "after", "позже", "позднее", "спустя", "sonra")
_REL_RULE = {"en_ago": "en_rel_years", "ru_ago": "ru_rel_years_after_post", "az_ago": "az_rel_years_later"}


def _build_rel_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    """Years before or after the latest year the text names: ``offset`` is signed."""
    n, unit = g.get("n"), fold(g["unit"])
    if n is None and (unit.endswith(("ами", "лет")) or unit.startswith("десятилети") and not unit.endswith(("е", "ем"))):
        return None                                               # "годами позже", "спустя годы": vague
    years = number_value(n) if n and fold(n) not in ("a", "an") else 1
    if _unit(unit) == "decade":
        years *= 10
    if not 0 < years <= 150:
        return None
    c.offset = years if fold(g["w"]).startswith(_LATER) else -years
    c.granularity = "year"
    return c


def _build_weekday(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("we"):                                               # "на выходных"
        c.kind = "weekend"
        return _build_weekend(g, c, text)
    c.weekday, c.granularity = weekday_number(g["wd"]), "day"
    mod = fold(g.get("wmod") or _word_before(text, c.start))
    if mod.startswith(("last", "прошл", "минувш")):
        c.direction = "past"
    elif mod.startswith(("next", "следующ", "ближайш")):
        c.direction = "future"
    elif mod.startswith(("this", "эт")):
        c.direction = "this"
    return c


def _build_anaphor_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    """"the previous year" (-1), "the following year" (+1), "həmin il", "в том же году" (0)."""
    c.granularity = "year"
    if c.rule in ("en_previous_year", "ru_previous_year"):
        c.offset = 1 if fold(g.get("w") or "") == "following" else -1
    return c


def _build_same_period(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity = "month"
    c.unit = "month" if g.get("pm") else None                     # "the same month": one month, not a span
    if g.get("y"):
        c.year = int(g["y"])
    else:
        c.offset = -1
    return c


def _build_half_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity, c.is_range = "month", True
    return c


# Which Victory Day: the end of the Second World War (9 May) or Azerbaijan's victory in the
# Karabakh war (8 November), by the words around it; else the one of the language's country.
_WORLD_WAR = re.compile(r"(?i)great\s+patriotic|world\s+war\s+ii|second\s+world\s+war|\bwwii\b|1945|великой\s+отечественной|"
                        r"втор(?:ой|ая)\s+мировой|фашизм|faşizm|ikinci\s+dünya|böyük\s+vətən")
_KARABAKH = re.compile(r"(?i)karabakh|qarabağ|карабах|44[- ](?:day|дневн|günlük)|vətən\s+müharibəsi|patriotic\s+war\s+of\s+2020")
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it.
# An Azerbaijani holiday of another country: a capitalised genitive before it (not Azerbaijan's).
_OTHER_COUNTRY_BEFORE = re.compile(r"(?<!\w)(?!Azərbaycan)[A-ZƏÖÜĞŞÇİ]\w*(?:nın|nin|nun|nün)[ \t\u00a0]+$")
_OCCASION_BEFORE = re.compile(r"(?i)(?:congratulat|поздрав|приурочен|посвящ|dedicated|timed)\w*[^.!?\n]{0,60}$")


def _build_holiday(g: dict, c: Candidate, text: str) -> Candidate | None:
    if _OCCASION_BEFORE.search(text, max(0, c.start - 80), c.start):
        return None
    if c.rule == "az_holiday" and _OTHER_COUNTRY_BEFORE.search(text, max(0, c.start - 30), c.start):
        return None                                               # "Ukraynanın Müstəqillik Günündə"
    month_day = holiday_date(g["hol"])
    if month_day == VICTORY:
        around = (max(0, c.start - 300), min(len(text), c.end + 300))
        if _WORLD_WAR.search(text, *around):
            month_day = (5, 9)
        elif _KARABAKH.search(text, *around) or c.rule.startswith("az"):
            month_day = (11, 8)
        else:
            month_day = (5, 9)
    elif month_day == INDEPENDENCE:
        c.unit, month_day = "independence", (5, 28)               # 18 October before 2021 (dates._calendar)
    c.kind, c.granularity = "cal", "day"
    c.month, c.day = month_day
    return c


def _build_plain(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity = "day"
    return c


def _build_anaphor(g: dict, c: Candidate, text: str) -> Candidate | None:
    """"the same day / month / year", "həftəsonu": the kind follows the unit word."""
    if g.get("we"):
        c.kind = "weekend"
        return _build_weekend(g, c, text)
    if g.get("ud"):
        c.kind, c.granularity = "same_day", "day"
    elif g.get("um"):
        c.kind, c.granularity = "same_month", "month"
    else:
        c.kind, c.granularity = "anaphor_year", "year"
    return c


# "over the weekend", "for the weekend": "the weekend" as a time, not as a noun ("the weekend programme").
_WEEKEND_THE = re.compile(r"\b(?:at|over|on|during|for)[ \t\u00a0]+$", re.IGNORECASE)


def _build_weekend(g: dict, c: Candidate, text: str) -> Candidate | None:
    """Saturday-Sunday; "last/this/next weekend" fix which one, else the tense does."""
    c.kind = "weekend"
    mod = fold(g.get("wmod") or _word_before(text, c.start))
    if mod.startswith(("last", "past", "прошл", "минувш", "ötən", "keçən")):
        c.direction = "past"
    elif mod.startswith(("next", "coming", "следующ", "ближайш", "предстоящ", "gələn", "növbəti")):
        c.direction = "future"
    elif mod.startswith(("this", "эт", "нынешн", "bu")):
        c.direction = "this"
    c.granularity, c.is_range = "day", True
    return c


_BUILDERS: dict[str, Callable[[dict, Candidate, str], Candidate | None]] = {
    "cal": _build_cal, "day_rel": _build_day_rel, "numeric": _build_numeric, "rel_unit": _build_rel_unit,
    "month_day_rel": _build_month_day_rel, "ago": _build_ago, "weekday": _build_weekday,
    "anaphor_year": _build_anaphor_year, "same_period": _build_same_period, "same_day": _build_plain,
    "half_year": _build_half_year, "rel_year": _build_rel_year, "holiday": _build_holiday,
    "anaphor": _build_anaphor,
}


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern
    builder: str


# Rules that start with a number word ("N years ago", "a year later", "пять лет спустя")
# are tried at most words and match rarely; each can only match where one of its keywords
# stands (in lower case; the gate allows for the letters the engine folds differently). A
# text without any keyword of its language is scanned by a master without those rules, which
# finds the same. The gates are declared beside the rules (GATES in rules/<code>.py). (One gate
# per language: each combination of gates would be a master of its own to compile, which costs
# more than it saves. None in Azerbaijani: "sonra", "əvvəl" are in most texts, and lowering a
# text costs about what the gate would save.)


class Grammar:
    """All rules of one language joined into one alternation, tried at word starts."""

    def __init__(self, rules: list[tuple[str, str, str]]):
        rules = [(n, fast_literal_groups(p), b) for n, p, b in rules]
        self.rules = [_Rule(n, re.compile(p), b) for n, p, b in rules]
        self._patterns = [re.sub(r"[(][?]P<[a-z0-9_]+>", "(?:", p) for _, p, _ in rules]
        gated: dict[tuple[str, ...], list[int]] = {}
        for i, (name, _, _) in enumerate(rules):
            if name in GATES:
                gated.setdefault(GATES[name], []).append(i)
        self._gates = KeywordGates(gated) if gated else None
        self._gated = [frozenset(ids) for ids in gated.values()]
        self._deep = frozenset().union(*gated.values()) if gated else frozenset()
        self.master = guarded_alternation(self._patterns, self._deep)
        self._masters: dict[tuple[int, ...], re.Pattern] = {}

    def master_for(self, text: str) -> re.Pattern:
        """The master without the gated rules whose keywords ``text`` lacks: it finds the same."""
        if self._gates is None:
            return self.master
        absent = self._gates.absent(text)
        master = self._masters.get(absent)
        if master is None:
            off = frozenset().union(*(self._gated[i] for i in absent))
            master = self._masters[absent] = guarded_alternation(
                [None if i in off else p for i, p in enumerate(self._patterns)], self._deep) if off else self.master
        return master

    def candidates(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.master_for(text).finditer(text):
            rule = self.rules[int(m.lastgroup[1:])]
            own = rule.regex.match(text, m.start())          # the same pattern, with its groups
            c = Candidate(own.start(), own.end(), rule.name, _CONFIDENCE[rule.builder], rule.builder,
                          "day")
            built = _BUILDERS[rule.builder](own.groupdict(), c, text)
            if built is not None:
                out.append(built)
        return out


GRAMMARS = {code: Grammar(rules) for code, rules in RULES.items()}
