"""Words of the date grammar and the values they stand for: lookups over the language layer
(months, weekdays, number words: transforms/lang) and over the date words proper (relative words,
deictic days, holidays) that each language declares with its rules (transforms/dates/rules/<code>.py).

A builder (transforms/dates/grammar.py) reads a word its rule has matched; the lookups accept
any supported language.
"""
from __future__ import annotations

from functools import lru_cache

from transforms.dates.pieces import INDEPENDENCE, VICTORY  # noqa: F401 (re-exported to the builders)
from transforms.dates.rules import LANGUAGE_RULES
from transforms.lang import LANGUAGES, fold_i, fold_yo
from transforms.lang.numbers import ORDINAL
from transforms.lang.ru.numbers import ORDINAL_SOFT_STEMS, ORDINAL_STEMS

# The regex engine matches i, I, İ and ı to one another under IGNORECASE, so every lookup
# folds them to "i" (keys too): "İYUN", "Iyul", "carı" find their entries.
fold = fold_i


@lru_cache(maxsize=4096)
def month_number(word: str) -> int:
    """Month 1–12 of a month word matched by the grammar (KeyError for anything else): the month
    of the longest form, stem or abbreviation of any language that the word begins with
    ("fevralın", "сентября", "Sept.")."""
    best = None
    for lang in LANGUAGES.values():
        found = lang.month_of_prefix(word)
        if found is not None:
            best = found
            break
    if best is None:
        raise KeyError(word)
    return best


@lru_cache(maxsize=1024)
def weekday_number(phrase: str) -> int:
    """Weekday 0–6 of a weekday phrase matched by the grammar."""
    for lang in LANGUAGES.values():
        found = lang.weekday_number(phrase)
        if found is not None:
            return found
    raise KeyError(phrase)


# Cardinal number words up to a hundred ("N years ago", "the first N months"), and the articles
# that say "one" ("a year ago"). Compounds ("twenty five", "двадцать пять", "iyirmi beş") are summed.
_FOLDED_NUMBER_WORDS = {fold(w): n for lang in LANGUAGES.values()
                        for w, n in {**dict.fromkeys(lang.article_one, 1), **lang.cardinals}.items()}


def number_value(phrase: str) -> int:
    """Value of digits or of (compound) number words matched by the grammar."""
    p = fold(phrase)
    if p.isdigit():
        return int(p)
    return sum(_FOLDED_NUMBER_WORDS[w] for w in p.replace("-", " ").split())


# Ordinals of quarters and halves ("IV quarter", "первом полугодии", "ikinci yarısı"): the ordinal
# words of the layer, their Russian stems (any ending: "четвёртом"), Roman numerals and digits.
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINALS = {fold(w): int(e.value) for lang in LANGUAGES.values() for w, e in lang.number_words.items()
             if e.kind == ORDINAL}
_ORDINAL_STEMS = tuple((stem, n) for n, stem in sorted({**ORDINAL_STEMS, **ORDINAL_SOFT_STEMS}.items()) if n <= 4)


def ordinal_value(word: str) -> int:
    w = fold_yo(fold(word))
    if w in ROMAN:
        return ROMAN[w]
    if w[0].isdigit():                       # "1-ci", "2-й", "3rd"
        return int(w[0])
    if w in _ORDINALS:
        return _ORDINALS[w]
    for stem, n in _ORDINAL_STEMS:
        if w.startswith(stem):
            return n
    raise KeyError(word)


# Relative, deictic and holiday words of every language (declared with its rules: RELATIVE_WORDS,
# DAY_WORDS, HOLIDAYS in transforms/dates/rules/<code>.py), folded for lookup.
RELATIVE_OFFSETS = {w: n for rules in LANGUAGE_RULES.values() for w, n in rules.RELATIVE_WORDS.items()}
_FOLDED_RELATIVE_OFFSETS = {fold(w): n for w, n in RELATIVE_OFFSETS.items()}


def relative_offset(word: str) -> int:
    w = " ".join(fold(word).split())
    if w in _FOLDED_RELATIVE_OFFSETS:
        return _FOLDED_RELATIVE_OFFSETS[w]
    for n in (4, 3, 2):
        if w[:n] in _FOLDED_RELATIVE_OFFSETS:
            return _FOLDED_RELATIVE_OFFSETS[w[:n]]
    raise KeyError(word)


DAY_OFFSETS = {w: n for rules in LANGUAGE_RULES.values() for w, n in rules.DAY_WORDS.items()}
_FOLDED_DAY_OFFSETS = {fold(w): n for w, n in DAY_OFFSETS.items()}


def day_offset(phrase: str) -> int:
    return _FOLDED_DAY_OFFSETS[" ".join(fold(phrase).split())]


# Ordinal words of anniversaries ("twenty-fifth anniversary"); the tens of a compound are added.
_ANNIVERSARY_ORDINALS = {fold(w): int(e.value) for w, e in LANGUAGES["en"].number_words.items() if e.kind == ORDINAL}


def anniversary_number(phrase: str) -> int | None:
    """Years in an anniversary phrase: digits, a (compound) number word, or an English ordinal
    word ("25", "altı", "twenty-fifth"); None for anything else."""
    words = fold(phrase).replace("-", " ").split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total = 0
    for w in words:
        n = _ANNIVERSARY_ORDINALS.get(w) or _FOLDED_NUMBER_WORDS.get(w)
        if n is None or w in ("a", "an"):
            return None
        total += n
    return total or None


# Holidays: the keys of each language in its order (a name is in one language).
# Folded like the names they are looked for in ("qadın" is "qadin" there).
HOLIDAY_KEYS: tuple[tuple[str, tuple[int, int]], ...] = tuple(
    (fold(key), value) for rules in LANGUAGE_RULES.values() for key, value in rules.HOLIDAYS)


def holiday_date(name: str) -> tuple[int, int]:
    """(month, day) of a holiday name matched by the grammar, or VICTORY / INDEPENDENCE."""
    n = " ".join(fold(name).replace("’", "'").split())
    for key, value in HOLIDAY_KEYS:
        if key in n:
            return value
    raise KeyError(name)


def time_unit(word: str) -> str:
    """The unit of time (decade, year, month, week, weekend, day) of a unit word matched by the
    grammar, in any language of the layer (KeyError for anything else)."""
    for lang in LANGUAGES.values():
        unit = lang.time_unit(word)
        if unit is not None:
            return unit
    raise KeyError(word)


# Direction words of every language (DIRECTIONS in rules/<code>.py): stem -> past | future | this.
_DIRECTION_STEMS = tuple((fold(stem), direction) for rules in LANGUAGE_RULES.values()
                         for direction, stems in rules.DIRECTIONS.items() for stem in stems)


def direction(word: str) -> str | None:
    """past | future | this for a direction word ("last", "прошлом", "gələn"), else None."""
    w = fold(word)
    for stem, found in _DIRECTION_STEMS:
        if w.startswith(stem):
            return found
    return None


_LATER_WORDS = tuple(fold(w) for rules in LANGUAGE_RULES.values() for w in rules.LATER_WORDS)


def is_later(word: str) -> bool:
    """Does the word count forward ("later", "спустя", "sonra", "following")?"""
    return fold(word).startswith(_LATER_WORDS)


_SINGULAR_UNITS = frozenset(fold(w) for rules in LANGUAGE_RULES.values() for w in rules.SINGULAR_UNITS)
_VAGUE_UNITS = [rules.VAGUE_UNITS for rules in LANGUAGE_RULES.values() if rules.VAGUE_UNITS is not None]


def is_singular_unit(word: str) -> bool:
    """A unit word that says "one" without a number ("год назад")."""
    return fold(word) in _SINGULAR_UNITS


def is_vague_unit(word: str) -> bool:
    """A unit word that, without a number, names no count ("годами позже", "спустя годы")."""
    w = fold(word)
    return any(r.fullmatch(w) for r in _VAGUE_UNITS)


_LAST_PART_WORDS = frozenset(fold(w) for rules in LANGUAGE_RULES.values() for w in rules.LAST_PART_WORDS)


def part_number(word: str, parts: int) -> int:
    """Which of ``parts`` parts of a year an ordinal names ("IV", "второе", "latter" -> 2 of 2,
    "last" -> 4 of 4); larger ordinals are the last part."""
    if fold(word) in _LAST_PART_WORDS:
        return parts
    return min(ordinal_value(word), parts)
