"""What a count means beyond its number: what an amount of money is (its measure) and the date of
its sentence that states when the figure applies (its period). The unit is read with the number
(transforms/counts/extract.py), as it converts the value.

Measure: the measure word nearest the amount in its sentence decides ("товарооборот составил $2,14
млрд, из которых около $1,5 млрд пришлись на импорт": trade, then import); an amount with no such
word takes the measure of the amount before it in the last sentences ("Речь идёт о почти 300 млрд
рублей" after a sentence on trade), else 'other'. A rate written "USD = 92.59 RUB" is a price.

Period: a figure of money, a percentage or a quantity (a physical unit, thousands of things, a
multiplier) takes the date mention of its own sentence nearest before it, else nearest after it,
that can state when it applies:
- not a comparison base ("compared with 2022", "по сравнению с ...", "2017-ci illə müqayisədə"),
  unless the figure is itself the base ("против 876 млн в аналогичный период прошлого года"), when
  it takes that base date;
- a single day only as the start of the period or its reference day ("Starting January 1, 2028",
  "по состоянию на 1 января"); a day elsewhere is the day of an event ("On May 17, 2023 ... signed
  ..., with an estimated total cost of €1.6 billion");
- no dateline or page stamp (by the date's role, when the date extractor gives one);
- no words between that give the figure another time ("in the future", "в дальнейшем").
Ordinals, small counts of things ("two countries", "met twice") and numbers inside a date ("the
first 9 months") have no period. Words per language: lexicon/<code>.py (MEASURE_WORDS,
COMPARISON_BEFORE, ...).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from transforms.counts import lexicon as lex
from transforms.mentions import CountMention, DateMention
from transforms.sentences import SentenceIndex

_LANGS = tuple(lex.MEASURE_WORDS)
MEASURES = ("trade", "export", "import", "investment", "credit", "cost", "price", "revenue", "other")

# One regex per language: each measure its own group, matched case-insensitively as whole words.
_MEASURE = {
    lang: re.compile(r"(?<![^\W\d_])(?:" + "|".join(f"(?P<{m}>(?i:{rx}))" for m, rx in words.items())
                     + r")(?![^\W\d_])")
    for lang, words in lex.MEASURE_WORDS.items()
}
# "USD = 92.59 RUB", "1 доллар = 92 рубля": an exchange rate, a price.
_RATE_BEFORE = re.compile(r"(?:[A-Z]{3}|[$€£₽₼])\s*=\s*$")


def _optional(table: dict, template: str = "(?i:{})") -> dict[str, re.Pattern]:
    return {lang: re.compile(template.format(rx)) for lang, rx in table.items() if rx}


_COMPARISON_BEFORE = _optional(lex.COMPARISON_BEFORE)
_COMPARISON_AFTER = _optional(lex.COMPARISON_AFTER)
_BASE_FIGURE_BEFORE = _optional(lex.BASE_FIGURE_BEFORE)
_PERIOD_DAY_BEFORE = _optional(lex.PERIOD_DAY_BEFORE)
_PERIOD_DAY_AFTER = _optional(lex.PERIOD_DAY_AFTER)
_OTHER_TIME = _optional(lex.OTHER_TIME, r"(?i:(?<!\w)(?:{})(?!\w))")
# A multiplier counts the figure as a quantity: "1.8 times more", "в 2,5 раза больше", "2 dəfə çox".
_MULTIPLIER_AFTER = re.compile(r"\s*(?i:times|раза?|dəfə)\s+(?i:more|less|higher|lower|larger|smaller|"
                               r"больше|меньше|выше|ниже|(?:çox|az|artıq)\w*)(?!\w)")
# A full stop (or ! ?) that ends a sentence inside a quote the splitter keeps whole: "... we were
# wrong. $4.4 billion ...".
_INNER_STOP = re.compile(r"(?<![A-ZА-ЯƏ\d])[.!?…][\"»”']?\s+(?=[\"«“]?[^\W_a-zа-яə]|[$€£₽₼])")

# What ends a clause: a date after it belongs to the next one ("... azalma deməkdir: 2018-ci ilin ilk 9
# ayında ...").
_CLAUSE_BREAK = re.compile(r"[:;]")
# A date right before the participle of another happening is that happening's time ("2022-ci ilin
# sentyabrında Bakıda keçirilən görüş", "подписанного в 2010 году"), not the period of a figure.
_EVENT_AFTER_DATE = _optional(lex.EVENT_AFTER_DATE, r"(?i:\S*\s+(?:\S+\s+){{0,2}}?(?:{})(?!\w))")

_RELATIVE = _optional(lex.RELATIVE_PRONOUNS, r"(?i:(?<!\w)(?:{})(?!\w))")

# What separates clauses inside a sentence, for the measure words: punctuation and the conjunctions
# that start a clause of their own.
_CLAUSE_SEPARATOR = {lang: re.compile(rf"[,;:(]|(?i:(?<!\w)(?:{words})(?!\w))")
                     for lang, words in lex.CLAUSE_CONJUNCTIONS.items()}
_ACROSS_CLAUSE = 100

_CONTEXT_SENTENCES = 2      # how far back an amount with no measure word looks for the last measure
_CONTEXT_CHARS = 300


def assign_meaning(text: str, language: str, mentions: Sequence[CountMention], dates: Sequence[DateMention],
                   sentences: SentenceIndex) -> list[CountMention]:
    """``mentions`` with their measure (money) and period filled in."""
    lang = language if language in _LANGS else "en"
    date_sentences = [sentences.sentence_at(d.start, d.end)[0] for d in dates]
    out: list[CountMention] = []
    with_period = [_has_period(text, m, dates) for m in mentions]
    figures = [m for m, has in zip(mentions, with_period) if has]
    last_measure: tuple[int, str] | None = None       # (sentence index, measure) of the last amount read
    for m, has_period in zip(mentions, with_period):
        index = sentences.sentence_at(m.start, m.end)[0]
        changes: dict = {}
        if m.kind == "money":
            measure, rule, confidence = _measure(text, lang, m, sentences, index)
            if measure is None:
                if last_measure is not None and index - last_measure[0] <= _CONTEXT_SENTENCES:
                    measure, rule, confidence = last_measure[1], "context", 0.5
                else:
                    measure, rule, confidence = _measure_before(text, lang, m, sentences, index)
            elif rule != "rate":
                last_measure = (index, measure)
            changes.update(measure=measure, measure_rule=rule, measure_confidence=confidence)
        if has_period:
            found = _period(text, lang, m, [d for d, i in zip(dates, date_sentences) if i == index],
                            [other for other in figures if other is not m])
            if found is not None:
                date, rule, confidence = found
                changes.update(period_start=date.start, period_end=date.end, period_value=date.value,
                               period_rule=rule, period_confidence=confidence)
        out.append(dataclasses.replace(m, **changes) if changes else m)
    return out


# ---------------------------------------------------------------------------------------------
# Measure
# ---------------------------------------------------------------------------------------------
def _measure(text: str, lang: str, m: CountMention, sentences: SentenceIndex,
             index: int) -> tuple[str | None, str | None, float | None]:
    """(measure, rule, confidence) from the measure word nearest the amount in its sentence, or
    (None, None, None) when the sentence names none."""
    if _RATE_BEFORE.search(text, max(0, m.start - 8), m.start):
        return "price", "rate", 0.85
    start, end = sentences.spans[index] if sentences.spans else (0, len(text))
    start, end = min(start, m.start), max(end, m.end)
    best = None
    for w in _MEASURE[lang].finditer(text, start, end):
        if w.start() < m.end and w.end() > m.start:
            continue                              # a word of the amount itself
        lo, hi = (w.end(), m.start) if w.end() <= m.start else (m.end, w.start())
        distance = hi - lo
        # A word across a clause boundary is far: "Exports reached $2.1 billion while imports were ...",
        # "товарооборот составил $2,14 млрд, из которых около $1,5 млрд пришлись на импорт".
        weight = distance + (_ACROSS_CLAUSE if _CLAUSE_SEPARATOR[lang].search(text, lo, hi) else 0)
        if best is None or weight < best[0]:
            best = (weight, w)
    if best is None:
        return None, None, None
    distance, w = best
    word = re.sub(r"\s+", " ", w.group().lower())
    return w.lastgroup, f"{w.lastgroup}:{word}", 0.85 if distance <= 40 else 0.7


def _measure_before(text: str, lang: str, m: CountMention, sentences: SentenceIndex,
                    index: int) -> tuple[str, str, float]:
    """The measure word nearest before the amount's sentence, within the sentences just before it
    (a headline on trade, then "Речь идёт о почти 300 млрд рублей"), else 'other'."""
    start = sentences.spans[index][0] if sentences.spans else m.start
    first = sentences.spans[max(0, index - _CONTEXT_SENTENCES - 1)][0] if sentences.spans else 0
    last = None
    for w in _MEASURE[lang].finditer(text, max(first, start - _CONTEXT_CHARS), start):
        last = w
    if last is None:
        return "other", "none", 0.4
    return last.lastgroup, "context:" + re.sub(r"\s+", " ", last.group().lower()), 0.5


# ---------------------------------------------------------------------------------------------
# Period
# ---------------------------------------------------------------------------------------------
def _has_period(text: str, m: CountMention, dates: Sequence[DateMention]) -> bool:
    """Whether the figure is one a period applies to: money, a percentage, a quantity; not an
    ordinal, a small count of things, nor a number inside a date ("the first 9 months")."""
    if m.kind == "ordinal" or any(d.start <= m.start and m.end <= d.end for d in dates):
        return False
    if m.kind in ("money", "percent") or m.unit not in (None, "item"):
        return True
    return abs(m.value) >= 1000 or _MULTIPLIER_AFTER.match(text, m.end) is not None


# The most characters between a figure and the date of its period: a news sentence states them
# within a clause or two ("In 2023 the trade turnover between Russia and Azerbaijan reached ...").
_PERIOD_REACH = 300


def _period(text: str, lang: str, m: CountMention, dates: Sequence[DateMention],
            figures: Sequence[CountMention]) -> tuple[DateMention, str, float] | None:
    """The date of ``dates`` (those of the figure's sentence) that states when ``m`` applies, with
    the rule and confidence of the link; ``figures``: the other figures a period may apply to."""
    base = lang in _BASE_FIGURE_BEFORE and _BASE_FIGURE_BEFORE[lang].search(text, max(0, m.start - 30), m.start)
    before, after = None, None
    for d in dates:
        if d.start < m.end and m.start < d.end:
            continue
        lo, hi = (d.end, m.start) if d.end <= m.start else (m.end, d.start)
        if hi - lo > _PERIOD_REACH:
            continue          # too far to be read together (and a sentence of thousands of numbers stays linear)
        if _INNER_STOP.search(text, lo, min(len(text), hi + 2)) \
                or lang in _OTHER_TIME and _OTHER_TIME[lang].search(text, lo, hi) \
                or _EVENT_AFTER_DATE.get(lang) and _EVENT_AFTER_DATE[lang].match(text, d.end, min(len(text), d.end + 40)):
            continue
        if d.start >= m.end and (_CLAUSE_BREAK.search(text, lo, hi)
                                 or any(lo <= f.start and f.end <= hi for f in figures)):
            continue          # a date after the figure that begins another clause or belongs to another figure
        role = getattr(d, "role", None)
        if role == "dateline":
            continue
        comparison = _is_comparison(text, lang, d)
        if base:
            if not (comparison or d.start >= m.end) or hi - lo > 60:
                continue          # "против 876 млн кубометров за аналогичный период прошлого года"
        elif comparison:
            continue
        if d.end <= m.start and _in_relative_clause(text, lang, d, m):
            continue              # "РЛС, которая заступила на дежурство в 1985 году, способна ... до 6 тыс. км"
        if d.granularity == "day" and not d.is_range and not _starts_period(text, lang, d):
            continue                              # the day of an event, not a period
        if d.end <= m.start:
            before = d
        elif after is None:
            after = d
    if base:
        chosen = after or before
        return (chosen, "comparison_base", 0.6) if chosen else None
    if before is not None and after is not None and any(
            before.end <= f.start and f.end <= m.start or f.end <= before.start and before.start - f.end <= 12
            for f in figures):
        return after, "same_sentence:after", 0.7   # "from $2bn in 2022 to $4bn in 2023": 2022 is the other figure's
    if before is not None:
        return before, "same_sentence:before", 0.8
    if after is not None:
        return after, "same_sentence:after", 0.7
    return None


def _in_relative_clause(text: str, lang: str, d: DateMention, m: CountMention) -> bool:
    """Whether the date stands in a relative clause that closes (a comma) before the figure."""
    relative = _RELATIVE.get(lang)
    if relative is None:
        return False
    opening = text.rfind(",", max(0, d.start - 80), d.start)
    return opening >= 0 and "," in text[d.end:m.start] and relative.search(text, opening, d.start) is not None


def _is_comparison(text: str, lang: str, d: DateMention) -> bool:
    """Whether the date is the base of a comparison ("compared with 2022", "против ... в аналогичный
    период", "2017-ci illə müqayisədə")."""
    before = _COMPARISON_BEFORE.get(lang)
    if before is not None and before.search(text, max(0, d.start - 30), d.start):
        return True
    after = _COMPARISON_AFTER.get(lang)
    return after is not None and after.match(text, d.end, min(len(text), d.end + 60)) is not None


def _starts_period(text: str, lang: str, d: DateMention) -> bool:
    """Whether a single day starts the period or is its reference day ("from January 1, 2028",
    "по состоянию на 1 января", "yanvarın 1-dən etibarən"), rather than the day of an event."""
    before = _PERIOD_DAY_BEFORE.get(lang)
    if before is not None and before.search(text, max(0, d.start - 25), d.start):
        return True
    after = _PERIOD_DAY_AFTER.get(lang)
    return after is not None and after.match(text, d.end, min(len(text), d.end + 30)) is not None
