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
    INDEPENDENCE, VICTORY, day_offset, direction, fold, holiday_date, is_later, is_singular_unit, is_vague_unit,
    month_number, number_value, ordinal_day, ordinal_value, part_number, relative_offset, season_months, time_unit,
    weekday_number,
)
from transforms.dates.regex import KeywordGates, fast_literal_groups, guarded_alternation, word_alternation
from transforms.dates.rules import GATES, LANGUAGE_RULES, RULES, common
from transforms.dates.timex import days_in_month
from transforms.lang import LANGUAGES


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
    unit: str | None = None          # year | month | week | day, for ago / relative units; "year_part" for a quarter or half
    weekday: int | None = None
    year_anaphoric: bool = False     # "того же года": the year of the previous mention
    anchors_year: bool = False       # "until the end of 2018", "during 2014": names the current year
    decade: bool = False             # "2010-х годах", "the 1990s": the decade of ``year`` (TIMEX 201X)
    stamp: bool = False              # a stamp or date line of the page (transforms/dates/anchoring.py)
    widget: bool = False             # the date of a "today is" widget (transforms/dates/furniture.py)




# ---------------------------------------------------------------------------------------------
# Builders: match groups -> Candidate (or None when the words turn out not to be a date). Each
# gets the groups of its rule's match, the candidate to fill, the text, and the date words of the
# grammar's language (transforms/dates/rules/<code>.py); words looked up by value (months, numbers,
# directions, units) are found in any language (transforms/dates/lexicon.py).

_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALF_MONTHS = {1: (1, 6), 2: (7, 12)}
_CONFIDENCE = {"season": 0.8, "end_of_day": 0.8, "weekday_of_week": 0.8, "nth_of_month": 0.85, "day_of_month": 0.75, "next_day": 0.7, "offset": 0.8, "span": 0.8, "numeric_range": 0.9, "half_year": 0.75, "rel_year": 0.7, "holiday": 0.8, "cal": 0.9, "numeric": 0.95, "day_rel": 0.85, "rel_unit": 0.85, "weekday": 0.8, "ago": 0.8,
               "same_day": 0.7, "anaphor_year": 0.7, "same_period": 0.75, "month_day_rel": 0.8,
               "anaphor": 0.7}


def _any_language(name: str) -> list:
    """The entries of ``name`` (a tuple in each rules/<code>.py) of every language and of the rules
    of every language (rules/common.py)."""
    return [w for module in (*LANGUAGE_RULES.values(), common) for w in getattr(module, name, ())]


# "until the end of 2018", "during 2014": said of the year the text is written in.
_CURRENT_YEAR_HINT = re.compile("(?i)" + "|".join(_any_language("CURRENT_YEAR_HINT")))
# A list of years before a year in the plural ("2008 və 2010-cu illərdə"): not a decade.
_YEAR_LIST_BEFORE = re.compile(r"(?:19|20)[0-9]{2}[ \t]*(?:,|"
                               + word_alternation(w for lang in LANGUAGES.values() for w in (*lang.and_words, *lang.or_words))
                               .replace("\\ ", "[ \t]+") + r")[ \t]*$")
# Which Victory Day: the end of the Second World War (9 May) or Azerbaijan's victory in the
# Karabakh war (8 November), by the words around it (in any language); else the one of the
# language's country.
_WORLD_WAR = re.compile("(?i)" + "|".join(_any_language("VICTORY_WORLD_WAR")))
_KARABAKH = re.compile("(?i)" + "|".join(_any_language("VICTORY_KARABAKH")))
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it.
_OCCASION_BEFORE = re.compile("(?i)(?:" + "|".join(map(re.escape, _any_language("OCCASION_WORDS")))
                              + r")\w*[^.!?\n]{0,60}$")

_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+(\w+)")
# The hints that are one word, for a misspelt one right after the year ("2014-cü il ərazində" for
# "ərzində"): one letter added, dropped or changed.
_HINT_WORDS = tuple(w for w in _any_language("CURRENT_YEAR_HINT") if w.isalpha() and len(w) >= 6)


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _misspelt_hint_after(text: str, end: int) -> bool:
    m = _WORD_AFTER.match(text, end)
    return bool(m) and any(_one_edit_apart(m.group(1).lower(), w) for w in _HINT_WORDS)
# Words of "the last one" and "the next one" of any language (rules/<code>.py LAST_PART_WORDS, NEXT_WORDS).
_LAST_OF = tuple(fold(w) for module in LANGUAGE_RULES.values() for w in (*module.LAST_PART_WORDS, *module.LAST_WORDS))
_NEXT_WORDS = tuple(fold(w) for module in LANGUAGE_RULES.values() for w in module.NEXT_WORDS)


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def short_year(two: int) -> int:
    """The year of a two-digit year: 00-49 the 2000s, 50-99 the 1900s."""
    return two + (2000 if two < 50 else 1900)


# -- calendar expressions: the steps that read each part of the match ---------------------------
def _cal_years(g: dict, c: Candidate, text: str, words) -> bool:
    """Written years: "2022", a decade ("90-cı illər", "the 1990s"), a second year ("2024/25")."""
    year = int(g.get("y") or g.get("yv")) if g.get("y") or g.get("yv") else None
    if year is None and (g.get("yy") or g.get("yy2")):             # "'98", "31-Oct-74": 00-49 the 2000s
        year = short_year(int(g.get("yy") or g["yy2"]))
    year2 = int(g["yb"]) if g.get("yb") else None
    if g.get("dd"):                                               # "90-cı illər": the 1990s
        year, c.decade = 1900 + int(g["dd"]), True
    elif g.get("dec"):                                            # "2010-х годах", "the 1990s"
        year, c.decade = int(g["dec"]), True
    elif g.get("decw"):                                           # "the nineties", "девяностые годы"
        word = g["decw"].lower()
        year, c.decade = next(y for stem, y in words.DECADE_WORDS.items() if word.startswith(stem)), True
    elif g.get("ddx") or g.get("ddy"):                            # "the '90s", "the 80s", "the '00s"
        two = int(g.get("ddx") or g["ddy"])
        year, c.decade = (2000 if two < 20 else 1900) + two, True
    if g.get("ys"):                                               # "2024/25", "2019-24"
        year2 = year - year % 100 + int(g["ys"])
        if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
            if not 1 <= int(g["ys"]) <= 12:
                return False
            g["mnum"], year2 = g["ys"], None                      # no span of years: "2014/10", "2014-09" (a month)
    if year is None and year2 is not None:                        # "mid-2024" keeps its year in yb
        year, year2 = year2, None
    c.year, c.year2 = year, year2
    return True


def _cal_year_reference(g: dict, c: Candidate, text: str, words) -> bool:
    """A year named by words: relative ("bu ilin", "прошлого года", "с.г."), anaphoric ("того же
    года"), or implied (the current year: "ilin sonunda", "с начала года", "ilin birinci rübü")."""
    if g.get("yr"):
        c.year_offset = relative_offset(g["yr"])
    elif g.get("yabbr"):
        c.year_offset = words.YEAR_ABBREVIATIONS[g["yabbr"][0].lower()]
    elif g.get("ysame"):
        c.year_anaphoric = True
    elif g.get("the") or (c.year is None and not g.get("mon") and (
            g.get("n") or g.get("b") or ((g.get("q") or g.get("h")) and g.get("yg")))):
        c.year_offset = 0
    # (A quarter or half without a year, "в первом квартале", takes the year from the sentence
    # or the publication date and the tense, like a month without one.)
    return True


def _cal_direction(g: dict, c: Candidate, text: str, words) -> bool:
    """"last June", "в прошлом декабре", "this June": the occurrence before or after publication,
    or this year's."""
    word = g.get("mdir")
    if word is None and (g.get("mon") or g.get("mon1")) and not (g.get("d1") or g.get("d1a")) and c.year is None \
            and c.year_offset is None and not c.year_anaphoric:
        word = _word_before(text, c.start)                        # "last June": the word before the month
    found = direction(word) if word else None
    if found == "this":
        c.year_offset = 0
    elif found is not None:
        c.direction = found
    return True


def _cal_months(g: dict, c: Candidate, text: str, words) -> bool:
    if g.get("mon") or g.get("mon1"):
        c.month = month_number(g.get("mon") or g.get("mon1"))
        c.month2 = month_number(g["mon2"]) if g.get("mon2") else None
    elif g.get("mnum"):                                           # a month in digits: "2/2013"
        c.month = int(g["mnum"])
    return True


def _extent_days(g: dict, c: Candidate, text: str, words) -> bool:
    """A day or a range of days: "25-26 April", "from the 4th to the 6th"."""
    d1 = g.get("d1") or g.get("d1a")
    d2 = g.get("d2") or g.get("d2a") or g.get("d2b")
    c.granularity, c.day = "day", int(d1) if d1 else ordinal_day(g["dw"])
    if not c.day:
        return False
    if d2:
        c.day2 = int(d2)
        c.month2 = c.month2 or c.month
        c.is_range = True
    if c.day > days_in_month(c.month) or (c.day2 and c.day2 > days_in_month(c.month2)):
        return False
    return not (c.is_range and (c.month2, c.day2) == (c.month, c.day))


def _extent_months(g: dict, c: Candidate, text: str, words) -> bool:
    """A month or a range of months: "June", "January-September"."""
    c.granularity = "month"
    if c.month2 and c.month2 != c.month:
        c.is_range = True
    else:
        c.month2 = None
    return True


def _month_span(c: Candidate, first: int, last: int) -> bool:
    c.month, c.month2 = first, last
    c.granularity, c.is_range = "month", last != first
    if not c.is_range:
        c.month2 = None
    return True


def _extent_quarter(g: dict, c: Candidate, text: str, words) -> bool:
    c.unit = "year_part"
    return _month_span(c, *_QUARTER_MONTHS[part_number(g["q"], 4)])


def _extent_half(g: dict, c: Candidate, text: str, words) -> bool:
    c.unit = "year_part"
    return _month_span(c, *_HALF_MONTHS[part_number(g["h"], 2)])


def _extent_first_months(g: dict, c: Candidate, text: str, words) -> bool:
    """"the first nine months", "за 9 месяцев": January to the Nth month."""
    n = number_value(g["n"])
    return 1 <= n <= 12 and _month_span(c, 1, n)


def _extent_year(g: dict, c: Candidate, text: str, words) -> bool:
    """A year, a range of years or a decade."""
    c.granularity = "year"
    year, year2 = c.year, c.year2
    if year is None and c.year_offset is None and not c.year_anaphoric and c.kind == "cal":
        return False
    if year2 is not None:
        if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
            return False                                       # "2023/2024" is a season, not a span
        c.is_range = True
    if (g.get("il") and words.PLURAL_YEARS and words.PLURAL_YEARS.search(g["il"]) and year % 10 == 0  # a decade: "1990-cı illərdə",
            and not _YEAR_LIST_BEFORE.search(text, max(0, c.start - 20), c.start)):  # unless "2008 və 2010-cu illərdə"
        c.decade = True
    c.anchors_year = year2 is None and (_CURRENT_YEAR_HINT.search(text, max(0, c.start - 16), c.end) is not None
                                        or _misspelt_hint_after(text, c.end))
    return True


# What the match spans, by the first group it has: days, months, a quarter, a half, the first N
# months; a year when it has none of them.
_EXTENTS = ((("d1", "d1a", "dw"), _extent_days), (("mon", "mon1", "mnum"), _extent_months), (("q",), _extent_quarter),
            (("h",), _extent_half), (("n",), _extent_first_months))
_CAL_STEPS = (_cal_years, _cal_year_reference, _cal_direction, _cal_months)


def _build_cal(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    if g.get("mrel") is not None or g.get("bm"):
        c.kind, c.granularity = "month_rel", "month"              # "end of this month", "в конце месяца"
        c.offset = relative_offset(g["mrel"]) if g.get("mrel") else 0
        return c
    for step in _CAL_STEPS:
        if not step(g, c, text, words):
            return None
    extent = next((read for groups, read in _EXTENTS if any(g.get(k) for k in groups)), _extent_year)
    return c if extent(g, c, text, words) else None


def _build_numeric(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """A date in digits: ISO, day first, or month first where the day cannot be a month or the
    language writes the month first with this separator; a two-digit year is of the 1950s-2040s;
    without a year ("10.12.", "с 14.10.") the year comes from the context, as for a day and month."""
    if g.get("y"):
        year = int(g["y"])
    elif g.get("yy"):
        year = short_year(int(g["yy"]))
    else:
        year = None
    if g.get("m") or g.get("mb"):
        month, day = int(g.get("m") or g["mb"]), int(g["d"])
    else:
        second, separator = next((g[k], sep) for k, sep in (("b", "."), ("bs", "/"), ("bh", "-")) if g.get(k))
        day, month = int(g["a"]), int(second)
        if (month > 12 and day <= 12) or (separator in words.NUMERIC_MONTH_FIRST and day <= 12):
            day, month = month, day                                # 02/22/2022, 11/30/1975: month first
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(month)):
        return None
    c.year, c.month, c.day, c.granularity = year, month, day, "day"
    if year is None:
        c.kind = "cal"
    return c


def _build_numeric_range(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """Days in digits joined as a span: "14. - 15.10.", "с 14.10. по 15.10.2018" (day first)."""
    day, day2, month2 = int(g["d1"]), int(g["d2"]), int(g["m2"])
    month = int(g["m1"]) if g.get("m1") else month2
    if not (1 <= month <= 12 and 1 <= month2 <= 12 and 1 <= day <= days_in_month(month)
            and 1 <= day2 <= days_in_month(month2)) or (month, day) == (month2, day2):
        return None
    c.kind, c.granularity, c.is_range = "cal", "day", True
    c.year = int(g["y"]) if g.get("y") else None
    c.month, c.day, c.month2, c.day2 = month, day, month2, day2
    return c


def _build_day_rel(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    w = g["w"]
    if any(not_a_day(text, c.start, c.end, w) for not_a_day in words.DAY_WORD_GUARDS):
        return None                           # "Sabah qəzeti", "today's world", "накануне визита"
    c.offset, c.granularity = day_offset(w), "day"
    return c


def _build_rel_unit(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    if g.get("adj"):                                              # "builki", "keçən ilki": a year
        c.kind, c.granularity, c.year_offset = "cal", "year", relative_offset(g["yr"])
        return c
    if g.get("uj"):                                               # "bu yubiley ilində"
        c.kind = "anaphor_year"
        return _build_anaphor_year(g, c, text, words)
    unit = time_unit(g.get("unit") or g.get("we"))
    if unit == "weekend":
        if g.get("wthe") and not (words.WEEKEND_THE_AFTER and words.WEEKEND_THE_AFTER.search(text, max(0, c.start - 8), c.start)):
            return None                                           # "the weekend programme"
        return _build_weekend({"wmod": g.get("yr") or g.get("wthe") or "-"}, c, text, words)
    offset = relative_offset(g["yr"])
    if unit == "year":
        c.kind, c.granularity, c.year_offset = "cal", "year", offset
    elif unit == "quarter":                                       # "this quarter", "в следующем квартале"
        c.kind, c.granularity, c.offset, c.is_range = "quarter_rel", "month", offset, True
    elif unit == "month":
        c.kind, c.granularity, c.offset = "month_rel", "month", offset
    else:
        c.kind, c.granularity, c.offset, c.is_range = "week_rel", "day", offset, True
    return c


def _build_month_day_rel(g: dict, c: Candidate, text: str, words) -> Candidate | None:
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


def _build_ago(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    if g.get("unit2"):                      # the years-later branch of the rule
        c.kind, c.rule, c.confidence = "rel_year", BRANCH_RULES[c.rule], _CONFIDENCE["rel_year"]
        return _build_rel_year({**g, "unit": g["unit2"]}, c, text, words)
    n = g.get("n")
    if not n and not is_singular_unit(g["unit"]):
        return None                         # "несколько лет назад": vague
    c.offset = number_value(n) if n else 1
    c.unit, c.offset = _in_weeks(time_unit(g["unit"]), c.offset)
    if c.offset * (10 if c.unit == "decade" else 1) > 150:     # "1000 il əvvəl" is history, not a date
        return None
    c.granularity = "year" if c.unit in ("year", "decade") else "month" if c.unit == "month" else "day"
    return c


# The rule name of a branch of a rule that reads something else: the years-later branch of each
# language's "ago" rule ("two years later" counts from a year of the text, not from publication).
BRANCH_RULES = {"en_ago": "en_rel_years", "ru_ago": "ru_rel_years_after_post", "az_ago": "az_rel_years_later"}


def _build_rel_year(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """Years before or after the latest year the text names: ``offset`` is signed."""
    n, unit = g.get("n"), g["unit"]
    if n is None and is_vague_unit(unit):
        return None                                               # "годами позже", "спустя годы": vague
    years = number_value(n) if n else 1
    if time_unit(unit) == "decade":
        years *= 10
    if not 0 < years <= 150:
        return None
    c.offset = years if is_later(g["w"]) else -years
    c.granularity = "year"
    return c


def _count(g: dict, words) -> int:
    n = g.get("n") or g.get("n2")
    if not n:
        return 1
    return words.SPAN_COUNT_WORDS.get(" ".join(n.lower().split()), 0) or number_value(n)


def _in_weeks(unit: str, n: int) -> tuple[str, int]:
    """A count of fortnights as weeks ("a fortnight ago", "in a fortnight"); other units as they are."""
    return ("week", 2 * n) if unit == "fortnight" else (unit, n)


def _build_offset(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"in 10 days", "через 5 месяцев", "bir ay sonra": N units after the publication date."""
    c.unit, c.offset = _in_weeks(time_unit(g.get("unit") or g["unit2"]), _count(g, words))
    if not 0 < c.offset <= 100:
        return None
    c.granularity = "year" if c.unit == "year" else "month" if c.unit == "month" else "day"
    return c


def _build_span(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"the last two years", "следующие 3 месяца", "son 5 ildə": the N whole units before or after
    the current one (``offset`` is signed)."""
    n, found = _count(g, words), direction(g["yr"])
    c.unit = time_unit(g["unit"])
    if found not in ("past", "future") or not 0 < n <= 50 or c.unit not in ("day", "week", "month", "year"):
        return None
    c.offset = n if found == "future" else -n
    c.granularity = "year" if c.unit == "year" else "month" if c.unit == "month" else "day"
    c.is_range = n > 1 or c.unit == "week"
    return c


def _build_season(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """A season as a range of months (winter: December to February, of the year its January is in:
    "зимой 2019 года" is December 2018 to February 2019)."""
    word = g.get("season") or g.get("season1") or g.get("season2")
    c.month, c.month2 = season_months(word)
    c.unit = "year_part"
    c.kind, c.granularity, c.is_range = "cal", "month", True
    if not _cal_years({**g, "y": g.get("y") or g.get("yb")}, c, text, words) or not _cal_year_reference(g, c, text, words) \
            or not _cal_direction(g, c, text, words):
        return None
    if c.month2 < c.month and c.year is not None:
        c.year, c.year2 = c.year - 1, c.year
    if c.year_offset == 0 and c.year is None and not g.get("yr"):
        c.year_offset, c.direction = None, "this"                 # "this winter": the current one, or the coming
    return c


def _build_end_of_day(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    c.kind, c.offset, c.granularity = "day_rel", 0, "day"
    return c


def _build_weekday_of_week(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"Wednesday of next week", "в пятницу следующей недели", "gələn həftənin cüməsi": a weekday of
    the week before, of or after the publication's (``offset`` in weeks)."""
    c.kind, c.granularity = "weekday_of_week", "day"
    c.weekday = weekday_number(g.get("wd") or g["wd2"])
    c.offset = relative_offset(g.get("yr") or g["yr2"])
    return c


def _build_nth_of_month(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"second Monday of March", "last weekend of October 2017", "first week of October 2014", "last
    day in October": a day (or Saturday-Sunday, Monday-Sunday) counted in a month."""
    nth = fold(g["nth"])
    c.kind = "nth_of_month"
    try:
        c.offset = -1 if nth.startswith(_LAST_OF) else ordinal_value(nth)
    except KeyError:   # a cardinal where the ordinal stands ("ПЯТЬ неделю февраля"): no date
        return None
    c.month = month_number(g["mon"])
    c.year = int(g["y"]) if g.get("y") else None
    c.weekday = weekday_number(g["wd"]) if g.get("wd") else None
    c.unit = "weekday" if g.get("wd") else "weekend" if g.get("we") else "week" if g.get("wk") else "day"
    if c.unit == "day" and c.offset != -1 and c.offset > 31:
        return None
    c.granularity, c.is_range = "day", c.unit in ("weekend", "week")
    return c


def _build_day_of_month(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"on the 15th", "Tuesday the 19th": a day of the month around the publication date (the one
    on the weekday, when one is written)."""
    c.kind, c.granularity, c.day = "day_of_month", "day", int(g["d1"]) if g.get("d1") else ordinal_day(g["dw"])
    if not c.day:
        return None
    c.weekday = weekday_number(g["wd"]) if g.get("wd") else None
    return c


def _build_next_day(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"the next day", "на следующий день", "ertəsi gün": a day after (or before) the previous date."""
    c.kind, c.granularity = "same_day", "day"
    word = fold(g.get("w") or g.get("w2") or "")
    c.offset = 1 if is_later(word) or word.startswith(_NEXT_WORDS) else -1
    return c


def _build_weekday(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    if g.get("we"):                                               # "на выходных"
        c.kind = "weekend"
        return _build_weekend(g, c, text, words)
    c.weekday, c.granularity = weekday_number(g["wd"]), "day"
    c.direction = direction(g.get("wmod") or _word_before(text, c.start))
    if g.get("wnext"):                                            # "friday after next": a week after the next one
        c.direction, c.offset = "future", 7
    return c


def _build_anaphor_year(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"the previous year" (-1), "the following year" (+1), "həmin il", "в том же году" (0)."""
    c.granularity = "year"
    if g.get("w") and not g.get("uj"):
        c.offset = 1 if is_later(g["w"]) else -1
    return c


def _build_same_period(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    c.granularity = "month"
    c.unit = "month" if g.get("pm") else None                     # "the same month": one month, not a span
    if g.get("y"):
        c.year = int(g["y"])
    else:
        c.offset = -1
    return c


def _build_half_year(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    c.granularity, c.is_range = "month", True
    return c


def _build_holiday(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    if _OCCASION_BEFORE.search(text, max(0, c.start - 80), c.start):
        return None
    if words.HOLIDAY_OF_ANOTHER_COUNTRY and words.HOLIDAY_OF_ANOTHER_COUNTRY.search(text, max(0, c.start - 30), c.start):
        return None                                               # "Ukraynanın Müstəqillik Günündə"
    month_day = holiday_date(g["hol"])
    if month_day == VICTORY:
        around = (max(0, c.start - 300), min(len(text), c.end + 300))
        if _WORLD_WAR.search(text, *around):
            month_day = (5, 9)
        elif _KARABAKH.search(text, *around):
            month_day = (11, 8)
        else:
            month_day = words.VICTORY_DEFAULT
    elif month_day == INDEPENDENCE:
        c.unit, month_day = "independence", (5, 28)               # 18 October before 2021 (years.calendar_value)
    c.kind, c.granularity = "cal", "day"
    c.month, c.day = month_day
    return c


def _build_plain(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    c.granularity = "day"
    return c


def _build_anaphor(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """"the same day / month / year", "həftəsonu": the kind follows the unit word."""
    if g.get("we"):
        c.kind = "weekend"
        return _build_weekend(g, c, text, words)
    if g.get("ud"):
        c.kind, c.granularity = "same_day", "day"
    elif g.get("um"):
        c.kind, c.granularity = "same_month", "month"
    else:
        c.kind, c.granularity = "anaphor_year", "year"
    return c


def _build_weekend(g: dict, c: Candidate, text: str, words) -> Candidate | None:
    """Saturday-Sunday; "last/this/next weekend" fix which one, else the tense does."""
    c.kind = "weekend"
    c.direction = direction(g.get("wmod") or _word_before(text, c.start))
    c.granularity, c.is_range = "day", True
    return c


Builder = Callable[[dict, Candidate, str, object], Candidate | None]
_BUILDERS: dict[str, Builder] = {
    "cal": _build_cal, "day_rel": _build_day_rel, "numeric": _build_numeric, "numeric_range": _build_numeric_range,
    "rel_unit": _build_rel_unit,
    "month_day_rel": _build_month_day_rel, "ago": _build_ago, "weekday": _build_weekday,
    "anaphor_year": _build_anaphor_year, "same_period": _build_same_period, "same_day": _build_plain,
    "half_year": _build_half_year, "rel_year": _build_rel_year, "holiday": _build_holiday,
    "anaphor": _build_anaphor, "offset": _build_offset, "span": _build_span,
    "weekday_of_week": _build_weekday_of_week, "nth_of_month": _build_nth_of_month, "day_of_month": _build_day_of_month,
    "next_day": _build_next_day, "season": _build_season, "end_of_day": _build_end_of_day,
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

    def __init__(self, rules: list[tuple[str, str, str]], words=None):
        self.words = words                               # the language's rules module (its date words)
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
            built = _BUILDERS[rule.builder](own.groupdict(), c, text, self.words)
            if built is not None:
                out.append(built)
        return out


GRAMMARS = {code: Grammar(rules, LANGUAGE_RULES[code]) for code, rules in RULES.items()}
