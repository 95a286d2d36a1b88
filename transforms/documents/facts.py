"""What an article says of a document's signing: the date, the city and the parties.

The registry knows its documents' signings; a derived document (one the registry does not know) gets
them from the sentence of a mention of it, when the sentence states them:

- the date: a date mention the dates extractor marks as the time of a signing (event_type 'signing',
  where it sets one), else the date mention nearest to a verb of concluding in the same sentence
  ("signed on 3 September 2010", "2010-cu il sentyabrın 3-də imzalanıb", "подписан 3 сентября 2010
  года"), else the date that names the document ("the statement of November 10, 2020"). The value
  keeps the date mention's precision: a TIMEX value ("2022-09" when only the month is written);
- the city: the one the verb's clause names ("signed in Moscow", "Moskvada imzalanmış", "подписанный
  в Москве"), in English when the shared vocabulary knows it, else as written;
- the parties: those the name states ("agreement between Azerbaijan and Russia"), else, when a verb
  of concluding stands in the sentence, the two or more countries the sentence names.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.documents.concepts import NameKey, month_number, word_concept
from transforms.documents.lexicon import CONCLUDED, DATE_INTRODUCERS, PLACE_PREPOSITIONS, lower_text
from transforms.mentions import DateMention, DocumentMention

_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’`][^\W_]+)*")
# How far a date or a city may stand from the verb of concluding, in characters of the same sentence.
_NEAR_VERB = 90
# The English names of the cities the shared vocabulary knows (transforms/documents/concepts.py).
_CITY_NAMES = {
    "MOSCOW": "Moscow", "BAKU": "Baku", "SOCHI": "Sochi", "SHUSHA": "Shusha", "ALMATY": "Almaty",
    "HELSINKI": "Helsinki", "AKTAU": "Aktau", "TEHRAN": "Tehran", "BISHKEK": "Bishkek", "MEIENDORF": "Meiendorf",
    "GABALA": "Gabala", "ASTARA": "Astara", "RASHT": "Rasht",
}
# The Azerbaijani locative a city takes ("Moskvada", "Aktauda", "Soçidə"), and "şəhərində" (in the city
# of) after a name that keeps its own form ("Sankt-Peterburq şəhərində").
_AZ_LOCATIVE = re.compile(r"(?:['’]?)(?:da|də|ta|tə)$")
_AZ_IN_CITY = frozenset({"şəhərində", "şəhərindəki"})
_PERIOD_TYPES = frozenset({"program", "action_plan", "roadmap"})


@dataclass(frozen=True, slots=True)
class Signing:
    value: str | None                 # TIMEX
    place: str | None
    parties: tuple[str, ...] | None


NOTHING = Signing(None, None, None)


def signing_of(text: str, lang: str, mention: DocumentMention, key: NameKey, sentence: tuple[int, int],
               dates: Sequence[DateMention], others: Sequence[tuple[int, int]], around: NameKey) -> Signing:
    """The signing the sentence [start, end) of ``mention`` states (see the module docstring).
    ``others``: the spans of the other document mentions (their dates are theirs); ``around``: the
    name key of the sentence without the mentions."""
    start, end = sentence
    low = lower_text(text[start:end], lang)
    verbs = [(start + v.start(), start + v.end()) for v in CONCLUDED[lang].finditer(low)]
    value = _date(text, lang, mention, verbs, start, end, dates, others)
    place = _place(text, lang, start, end, verbs, others) if verbs else None
    parties = tuple(sorted(key.parties)) if key.parties else (
        tuple(sorted(around.parties)) if verbs and len(around.parties) >= 2 else None)
    return Signing(value, place, parties)


def _date(text: str, lang: str, mention: DocumentMention, verbs: list[tuple[int, int]], start: int, end: int,
          dates: Sequence[DateMention], others: Sequence[tuple[int, int]]) -> str | None:
    usable = [d for d in dates if start <= d.start and d.end <= end and getattr(d, "role", None) != "dateline"
              and not any(p < d.end and d.start < q for p, q in others)]
    signing = [d for d in usable if getattr(d, "event_type", None) == "signing"]
    if signing:
        return min(signing, key=lambda d: abs(d.start - mention.start)).value
    near = [(min(abs(d.start - b), abs(a - d.end)), d) for d in usable for a, b in verbs
            if min(abs(d.start - b), abs(a - d.end)) <= _NEAR_VERB
            and not (mention.start <= d.start and d.end <= mention.end and mention.doc_type in _PERIOD_TYPES)]
    if near:
        return min(near, key=lambda pair: pair[0])[1].value
    # the date that names the document: in its name ("the 1997 Treaty", "10 noyabr tarixli Bəyanat") or
    # introduced right after it ("the statement of November 10, 2020", "Заявление от 10 ноября"); a period
    # of a plan or a programme is no signing
    if mention.doc_type in _PERIOD_TYPES:
        return None
    named = [d for d in usable if (mention.start <= d.start and d.end <= mention.end) or (
        mention.end <= d.start and lower_text(text[mention.end:d.start], lang).strip() in DATE_INTRODUCERS[lang])]
    return named[0].value if named and not named[0].is_relative else None


def _place(text: str, lang: str, start: int, end: int, verbs: list[tuple[int, int]],
           others: Sequence[tuple[int, int]]) -> str | None:
    """The city in the clause of a verb of concluding, nearest to it."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, start, end)]
    found: list[tuple[int, str]] = []
    reach = (verbs[0][0] - _NEAR_VERB, verbs[-1][1] + _NEAR_VERB)
    for k, (a, b, word) in enumerate(words):
        if not reach[0] <= a <= reach[1]:
            continue
        if not word[0].isupper() or any(p <= a < q for p, q in others):
            continue
        distance, (va, vb) = min((min(abs(a - vb), abs(va - b)), (va, vb)) for va, vb in verbs)
        if distance > _NEAR_VERB or _CLAUSE_BREAK.search(text, min(a, va), max(b, vb)):
            continue
        name = _city(lang, words, k)
        if name:
            found.append((distance, name))
    return min(found)[1] if found else None


_CLAUSE_BREAK = re.compile(r"[;:\n]")


def _city(lang: str, words: list[tuple[int, int, str]], k: int) -> str | None:
    """The city word ``k`` names, or None: after a place preposition (en, ru), in the locative or before
    "şəhərində" (az); never a country (a party) or a month."""
    word = words[k][2]
    lower = lower_text(word, lang)
    if lang == "az":
        following = lower_text(words[k + 1][2], lang) if k + 1 < len(words) else ""
        if following in _AZ_IN_CITY:
            return _named(lower, word)
        if not _AZ_LOCATIVE.search(lower):
            return None
        # the first word of a sentence is capitalised whatever it is ("Sənəddə"): only a known city there
        return _named(lower, _AZ_LOCATIVE.sub("", word), unknown=k > 0)
    before = lower_text(words[k - 1][2], lang) if k > 0 else ""
    if before not in PLACE_PREPOSITIONS[lang]:
        return None
    return _named(lower, word)


def _named(lower: str, written: str, unknown: bool = True) -> str | None:
    """The city's English name when the shared vocabulary knows it, else as written (when ``unknown``
    names may be taken); None for a country, another known word ("Karabakh" is a region) or a month."""
    concept = word_concept(lower)
    if concept in _CITY_NAMES:
        return _CITY_NAMES[concept]
    if not unknown or concept is not None or month_number(lower) is not None or not written[:1].isupper():
        return None
    return written
