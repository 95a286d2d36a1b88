"""The language layer: everything the extractors know about a language, each language in one folder.

    transforms/lang/<code>/          one folder per supported language (az, ru, en): months and
                                     weekdays (calendar.py), number words (numbers.py), morphology,
                                     sentence abbreviations, and the Language object (__init__.py)
    transforms/lang/base.py          the Language type and the normalisation the languages share
    transforms/lang/numbers.py       number-word kinds and the parsers all languages share
    transforms/lang/detect.py        py3langid detection, declared-code normalisation, the script guess

The supported languages are the sub-packages of this folder: a fourth language is a new folder
whose ``__init__.py`` defines ``LANGUAGE`` (plus the rules each dimension has for it).
"""
from __future__ import annotations

import importlib
import pkgutil
import re

from transforms.lang import detect as _detect
from transforms.lang.base import Language, fold_i, fold_yo, lower_keeping_offsets
from transforms.lang.numbers import NumberWord

# The order is the one extractors try the languages in; new folders come after these, by name.
_ORDER = ("az", "ru", "en")


def _discover() -> dict[str, Language]:
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.ispkg]
    names.sort(key=lambda n: (_ORDER.index(n) if n in _ORDER else len(_ORDER), n))
    return {n: importlib.import_module(f"{__name__}.{n}").LANGUAGE for n in names}


LANGUAGES: dict[str, Language] = _discover()
SUPPORTED: tuple[str, ...] = tuple(LANGUAGES)


# Sentence boundaries, the same in every supported language: a stop, then closing quotes or
# brackets, white space, and a sentence start (an opening quote or bracket, then a capital or a
# digit), unless the word before the stop is an abbreviation of one of the languages.
SENTENCE_STOPS = ".!?…"
CLOSING_MARKS = "\"»”’)]"
OPENING_MARKS = "\"«“„'(["
ABBREVIATIONS: frozenset[str] = frozenset().union(*(lang.abbreviations for lang in LANGUAGES.values()))


def char_class(chars) -> str:
    """A regex character class of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


CAPITALS = "".join(sorted({c for lang in LANGUAGES.values() for c in lang.upper_letters}))
SENTENCE_START = char_class(OPENING_MARKS) + "?" + char_class(CAPITALS + "0123456789")


def get(code: str) -> Language:
    """The Language of a supported code (KeyError for another)."""
    return LANGUAGES[code]


def modules_by_language(package: str) -> dict:
    """The modules ``<package>.<code>`` that exist, for each supported language in order: where a
    dimension keeps what it knows of each language (date rules, count and document word lists). A
    language without one is left out; an error inside one is raised."""
    out = {}
    for code in LANGUAGES:
        try:
            out[code] = importlib.import_module(f"{package}.{code}")
        except ModuleNotFoundError as missing:
            if missing.name != f"{package}.{code}":
                raise
    return out


def normalise_language(code: str | None) -> str | None:
    """A declared language code in canonical form ('az', 'ru', 'en', or another ISO 639-1 code)."""
    return _detect.normalise_language(code, LANGUAGES)


def detect_language(text: str, sample_chars: int | None = None) -> tuple[str | None, float]:
    """(language code, confidence 0..1) of ``text`` by py3langid; (None, 0.0) when there is nothing to read."""
    return _detect.detect_language(text if sample_chars is None else text[:sample_chars], LANGUAGES)


def script_guess(text: str) -> str:
    """A supported language for ``text`` from its letters alone."""
    return _detect.script_guess(text, LANGUAGES)


def language_for(text: str, declared: str | None) -> Language:
    """The language an extractor reads ``text`` in: the declared one when it is supported (a
    region suffix allowed: "ru-RU"), else the script guess."""
    code = (declared or "")[:2].lower()
    return LANGUAGES[code] if code in LANGUAGES else LANGUAGES[script_guess(text)]


def month_number(word: str) -> int | None:
    """1-12 when ``word`` is a month form or abbreviation in any supported language, else None."""
    for lang in LANGUAGES.values():
        found = lang.month_number(word)
        if found is not None:
            return found
    return None


__all__ = ["ABBREVIATIONS", "CAPITALS", "CLOSING_MARKS", "LANGUAGES", "OPENING_MARKS", "SENTENCE_START",
           "SENTENCE_STOPS", "char_class", "SUPPORTED", "Language", "NumberWord", "detect_language", "fold_i", "fold_yo", "get",
           "language_for", "lower_keeping_offsets", "modules_by_language", "month_number", "normalise_language",
           "script_guess"]
