"""Date mentions of a text: the grammar of its language finds the expressions
(transforms/dates/grammar.py), and each is given a TIMEX-style value from the publication date and
the rest of the text. The resolution is split by concern:

    anchoring.py   what relative dates count from: the publication date, a date line, an
                   anniversary, a year the text presents as the current one
    years.py       the year of a calendar date (written, of the sentence, by tense), years counted
                   from the text ("a year earlier") and from publication ("N years ago")
    relative.py    deictic and anaphoric kinds: days, weeks, weekends and months counted from
                   publication, "the same day", "the same period of last year"
    ranges.py      dates read together: coordinated days and years, apposition, the ends of a span
    timex.py       resolved values and their TIMEX form (X for an unknown digit)
    context.py     the text being resolved: its candidates, anchor, sentences and tenses

An article in another language that dateparser reads is searched by dateparser instead
(other_languages.py); one without a declared language is read in the language its script suggests.
"""
from __future__ import annotations

import datetime as dt
import re

from transforms.dates import anchoring, furniture, meaning, other_languages, ranges
from transforms.dates.context import Context
from transforms.dates.grammar import GRAMMARS
from transforms.dates.relative import RESOLVERS
from transforms.dates.timex import Value, mention
from transforms.lang import fold_yo, script_guess
from transforms.mentions import DateMention

_URL = re.compile(r"https?://\S+|www\.\S+")


def extract_dates(text: str, language: str | None, published: dt.date | None) -> list[DateMention]:
    """Every date, month, year, range or relative expression in ``text``, in text order."""
    lang = (language or "")[:2].lower()
    if lang not in GRAMMARS:
        if other_languages.supports(lang):       # a language without a grammar here, but dateparser's
            return other_languages.extract(text, lang, published)
        lang = script_guess(text)
    # "ё" is read as "е" (Russian prints both for one letter); the offsets stay those of the text.
    candidates = GRAMMARS[lang].candidates(fold_yo(text))
    if not candidates:
        return []
    if "://" in text or "www." in text:
        urls = [m.span() for m in _URL.finditer(text)]
        candidates = [c for c in candidates if not any(s < c.end and c.start < e for s, e in urls)]
    candidates = furniture.without_furniture(candidates, text)
    candidates = ranges.attach_weekdays(ranges.coordinated_days(candidates, text), text)
    ranges.share_years(candidates, text)
    ctx = Context(text, lang, candidates)
    anchoring.anchor(ctx, published)
    ctx.candidates = [c for c in candidates if not ctx.means_nowadays(c)]
    values = resolve(ctx)                           # may join two candidates into one range
    mentions, kept = [], []
    for c, v in zip(ctx.candidates, values, strict=True):
        if v is None:
            continue
        try:
            mentions.append(mention(text, c, v))
        except (ValueError, OverflowError):   # counted past the calendar (year 0 or 10000): no date
            continue
        kept.append(c)
    return meaning.with_roles(ctx, mentions, kept)


def stamp_date(text: str, language: str | None) -> dt.date | None:
    """The publication date an undated article states itself: a full date stamped at its top ("29.12.2024
    00:10", "10 İyn 2019 20:07:00", "2024-08-27T20:20"), the one ``extract_dates`` counts relative dates
    from when it is given no publication date. None when there is none (a date line without a year
    gives none either)."""
    lang = (language or "")[:2].lower()
    if lang not in GRAMMARS:
        if language:
            return None
        lang = script_guess(text)
    head = text[:anchoring.STAMP_WINDOW]   # a stamp is near the top: the rest of the text is not read
    candidates = furniture.without_furniture(GRAMMARS[lang].candidates(fold_yo(head)), head)
    ctx = Context(head, lang, candidates)
    return anchoring.stamp_date(ctx)


def resolve(ctx: Context) -> list[Value | None]:
    """The value of each candidate of ``ctx`` in text order (None: not a date after all); two
    candidates read as the ends of one span are joined (``ctx.candidates`` is updated)."""
    values: list[Value | None] = []
    for i, c in enumerate(ctx.candidates):
        try:
            values.append(RESOLVERS[c.kind](ctx, c, i, values))
        except (ValueError, OverflowError):   # "yesterday" of 0001-01-01: past the calendar, no date
            values.append(None)
    ranges.apposition(ctx, values)
    return ranges.join_ranges(ctx, values)
