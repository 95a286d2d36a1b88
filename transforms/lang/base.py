"""What every language of the layer provides, and the normalisation they share.

A ``Language`` is built once per language folder (``transforms/lang/<code>/__init__.py``) from the
data declared there; the extractors read words and rules of a language only through it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from transforms.lang.numbers import NumberWord

# ---------------------------------------------------------------------------------------------
# Normalisation shared by the languages
# ---------------------------------------------------------------------------------------------
_TURKIC_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def fold_i(word: str) -> str:
    """Lower case with the four Turkic i's made one ("İYUN", "Iyul", "carı" -> "iyun", "iyul",
    "cari"), as the regex engine treats them under IGNORECASE: for looking up a word that a
    case-insensitive pattern found, in any language."""
    return word.translate(_TURKIC_I).lower()


def fold_yo(text: str) -> str:
    """"ё" written as "е" (same length): Russian prints both for one letter."""
    return text.replace("ё", "е").replace("Ё", "Е") if "ё" in text or "Ё" in text else text


def _lower_plain(text: str) -> str:
    return (text.replace("İ", "i") if "İ" in text else text).lower()


def _lower_turkic(text: str) -> str:
    if "İ" in text:
        text = text.replace("İ", "i")
    if "I" in text:
        text = text.replace("I", "ı")
    return text.lower()


def lower_keeping_offsets(text: str, turkic: bool) -> str:
    """Lower-cased copy of ``text`` with exactly the same length, so that offsets stay valid.

    "İ" becomes "i" (``str.lower`` would give "i" and a combining dot: one character more; it is the
    only character whose lower case is longer); with ``turkic`` (Azerbaijani) "I" becomes "ı", as the
    language writes its dotless pair."""
    return _lower_turkic(text) if turkic else _lower_plain(text)


# ---------------------------------------------------------------------------------------------
# A language
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Language:
    """Everything the extractors know about one language, declared in its folder.

    Words in the mappings are lower case (``lower``); a language's own grammar rules live with each
    dimension (``transforms/<dimension>/rules/<code>.py``) and take their words from here."""

    code: str                                  # ISO 639-1
    name: str
    aliases: tuple[str, ...]                   # other spellings of the code ("aze", "azerbaijani", "az-latn")
    script: str                                # "latin" | "cyrillic": what the script guess reads
    lower_letters: str                         # the alphabet, lower case
    upper_letters: str
    marker_letters: str                        # letters only this language writes among the supported ones
    turkic_i: bool                             # dotted and dotless i are two letters (İ/i, I/ı)
    month_names: tuple[str, ...]               # 12 citation forms as written ("January", "январь", "yanvar")
    month_forms: Mapping[str, int]             # every inflected form, lower case -> 1..12
    month_abbreviations: Mapping[str, int]     # lower case, without the dot -> 1..12
    weekdays: Mapping[str, int]                # name, stem or phrase, lower case -> 0 (Monday) .. 6
    number_words: Mapping[str, NumberWord]     # every form of every number word, lower case
    cardinals: Mapping[str, int]               # citation forms of the whole cardinals 1..100, as grammars read
                                               # a small count ("two years ago", "iyirmi beş il")
    scales_after_digits: Mapping[str, NumberWord] = field(default_factory=dict)   # "4 mini" (only after digits)
    abbreviations: frozenset[str] = frozenset()   # words before a full stop that do not end a sentence
    month_endings: str = ""                    # regex of the endings a month form may carry (az cases)
    month_date_forms: tuple[str, ...] = ()     # the forms a month takes in a written date ("5 мая", "May 5")
    number_joiner: str | None = None           # a word between number words ("one hundred and fifty")
    article_one: tuple[str, ...] = ()          # articles that say "one" before a unit ("a year ago")
    time_units: tuple[tuple[str, str], ...] = ()   # (stem, unit) of the words of time units, lower case, tried
                                               # in order: ("il", "year"), ("недел", "week"); units: decade,
                                               # year, month, week, weekend, day
    and_words: tuple[str, ...] = ()            # conjunctions that join two items ("və", "и", "and")
    or_words: tuple[str, ...] = ()             # conjunctions that offer alternatives ("ya", "или", "or")

    def __post_init__(self) -> None:
        # Case folding that keeps offsets (see ``lower_keeping_offsets``), made once for the language.
        object.__setattr__(self, "lower", _lower_turkic if self.turkic_i else _lower_plain)

    # -- months ----------------------------------------------------------------------------
    def month_number(self, word: str) -> int | None:
        """1-12 when ``word`` (any case, a trailing dot allowed) is a form or an abbreviation of a
        month, else None."""
        w = fold_yo(self.lower(word)).rstrip(".")
        found = self.month_forms.get(w) or self.month_abbreviations.get(w)
        if found is None and self.month_endings and self._month_word.fullmatch(w):
            found = self._month_by_prefix(w)
        return found

    def month_regex(self) -> str:
        """A regex of every month word of the language (for use under IGNORECASE, before a test that
        the word ends): the forms with their endings, the abbreviations with an optional dot."""
        forms = sorted(self.month_forms, key=len, reverse=True)
        abbreviations = sorted(self.month_abbreviations, key=len, reverse=True)
        body = "|".join(re.escape(f) for f in forms)
        if self.month_endings:
            body = f"(?:{body}){self.month_endings}"
        return "|".join([body, *(re.escape(a) + r"\.?" for a in abbreviations)])

    @property
    def _month_word(self) -> re.Pattern:
        cached = self.__dict__.get("_month_word_regex")
        if cached is None:
            cached = re.compile(self.month_regex(), re.IGNORECASE)
            object.__setattr__(self, "_month_word_regex", cached)
        return cached

    def month_of_prefix(self, word: str) -> int | None:
        """The month of the longest month form, stem or abbreviation that ``word`` begins with:
        for a word a month pattern has already matched ("fevralın", "Sept.", "İYUN")."""
        return self._month_by_prefix(fold_yo(fold_i(word)))

    def _month_by_prefix(self, w: str) -> int | None:
        for n in range(len(w), 0, -1):
            found = self._month_prefixes.get(w[:n])
            if found is not None:
                return found
        return None

    @property
    def _month_prefixes(self) -> dict[str, int]:
        cached = self.__dict__.get("_prefix_table")
        if cached is None:
            cached = {fold_yo(fold_i(k)): v for table in (self.month_forms, self.month_abbreviations)
                      for k, v in table.items()}
            cached.update((fold_yo(fold_i(name)), i) for i, name in enumerate(self.month_names, 1))
            object.__setattr__(self, "_prefix_table", cached)
        return cached

    def month_prefixes(self) -> frozenset[str]:
        """The shortest beginnings that mark a month word in running text, lower case: the
        abbreviations and, for a month without one, its citation form ("jan", "мая", "yanvar")."""
        out = set(self.month_abbreviations)
        for i, name in enumerate(self.month_names, 1):
            if i not in self.month_abbreviations.values():
                out |= {f for f, n in self.month_forms.items() if n == i}
        return frozenset(out)

    # -- weekdays --------------------------------------------------------------------------
    def weekday_number(self, phrase: str) -> int | None:
        """0 (Monday) .. 6 of a weekday name, stem or phrase at the start of ``phrase``; the longest
        entry wins ("cümə axşamı" before "cümə")."""
        p = " ".join(fold_i(phrase).split())
        for word, n in sorted(self.weekdays.items(), key=lambda kv: -len(kv[0])):
            if p.startswith(fold_i(word)):
                return n
        return None

    def time_unit(self, word: str) -> str | None:
        """The unit of time (decade, year, month, week, weekend, day) a word of this language
        names ("illərdə" -> year, "недели" -> week, "weekend" -> weekend; spaces ignored:
        "həftə sonu"), else None."""
        w = fold_yo(fold_i(word)).replace(" ", "")
        for stem, unit in self.time_units:
            if w.startswith(stem):
                return unit
        return None

    # -- numbers ---------------------------------------------------------------------------
    def number_word(self, word: str) -> NumberWord | None:
        return self.number_words.get(self.lower(word))

    def __hash__(self) -> int:
        return hash(self.code)

