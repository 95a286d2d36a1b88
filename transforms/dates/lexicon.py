"""Words of the date grammar and the values they stand for: lookups over the language layer
(months, weekdays, number words: transforms/lang) and the date words proper (relative words,
deictic days, holidays) of Azerbaijani, Russian and English.

A builder (transforms/dates/grammar.py) reads a word its rule has matched; the lookups accept
any supported language.
"""
from __future__ import annotations

from transforms.lang import LANGUAGES, fold_i, fold_yo
from transforms.lang.numbers import ORDINAL
from transforms.lang.ru.numbers import ORDINAL_SOFT_STEMS, ORDINAL_STEMS

# The regex engine matches i, I, İ and ı to one another under IGNORECASE, so every lookup
# folds them to "i" (keys too): "İYUN", "Iyul", "carı" find their entries.
fold = fold_i


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


# Relative year/month/week words -> offset from the reference period. Keys are the
# lower-cased word with its ending cut to a stem the grammar guarantees.
RELATIVE_OFFSETS = {
    # English
    "this": 0, "current": 0, "the current": 0, "the": 0, "last": -1, "next": 1, "coming": 1,
    "the coming": 1, "the previous": -1, "the past": -1,
    # Russian adjective stems
    "это": 0, "теку": 0, "нын": 0, "ухо": 0, "наст": 0, "про": -1, "мин": -1, "поза": -2,
    "сле": 1, "буд": 1,
    # Azerbaijani
    "bu": 0, "cari": 0, "keçən": -1, "ötən": -1, "gələn": 1, "növbəti": 1, "bildir": -1,
}
_FOLDED_RELATIVE_OFFSETS = {fold(w): n for w, n in RELATIVE_OFFSETS.items()}


def relative_offset(word: str) -> int:
    w = " ".join(fold(word).split())
    if w in _FOLDED_RELATIVE_OFFSETS:
        return _FOLDED_RELATIVE_OFFSETS[w]
    for n in (4, 3, 2):
        if w[:n] in _FOLDED_RELATIVE_OFFSETS:
            return _FOLDED_RELATIVE_OFFSETS[w[:n]]
    raise KeyError(word)


# Deictic day words -> days from the publication date.
DAY_OFFSETS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
    "сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2, "накануне": -1,
    "bu gün": 0, "bugün": 0, "dünən": -1, "sabah": 1, "srağagün": -2, "birigün": 2, "ötən gün": -1,
    "keçən gün": -1,
}
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


# Holidays used as dates ("on Victory Day", "ко Дню Победы", "Novruz bayramında"): a key found
# in the folded name -> (month, day). Tried in order: "restoration" before "independence".
# Two keys resolve by context or era (transforms.dates.grammar): VICTORY is 9 May, the end of the
# Second World War, or 8 November, Azerbaijan's victory of 2020; INDEPENDENCE is 28 May in
# Azerbaijan since 2021 (before, 28 May was Republic Day and 18 October Independence Day).
# Novruz is taken as 20 March, the day of the equinox in most years (the holidays run on).
VICTORY, INDEPENDENCE = (0, 1), (0, 2)
HOLIDAY_KEYS: tuple[tuple[str, tuple[int, int]], ...] = (
    ("christmas eve", (12, 24)), ("christmas", (12, 25)),
    ("novruz", (3, 20)), ("nowruz", (3, 20)), ("navruz", (3, 20)), ("новруз", (3, 20)),
    ("new year's eve", (12, 31)), ("new year", (1, 1)), ("нов", (1, 1)), ("yeni il", (1, 1)),
    ("victory", VICTORY), ("побед", VICTORY), ("qələbə", VICTORY),
    ("restoration", (10, 18)), ("восстановлени", (10, 18)), ("bərpa", (10, 18)),
    ("независимости росси", (6, 12)),
    ("independence", INDEPENDENCE), ("независимост", INDEPENDENCE), ("müstəqillik", INDEPENDENCE),
    ("republic", (5, 28)), ("республик", (5, 28)), ("respublika", (5, 28)),
    ("russia", (6, 12)), ("росси", (6, 12)), ("rusiya", (6, 12)),
    ("solidarity", (12, 31)), ("солидарност", (12, 31)), ("həmrəylik", (12, 31)),
    ("women", (3, 8)), ("женск", (3, 8)), ("qadın", (3, 8)),
)


def holiday_date(name: str) -> tuple[int, int]:
    """(month, day) of a holiday name matched by the grammar, or VICTORY / INDEPENDENCE."""
    n = " ".join(fold(name).replace("’", "'").split())
    for key, value in HOLIDAY_KEYS:
        if key in n:
            return value
    raise KeyError(name)
