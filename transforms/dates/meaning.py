"""What each date is in its article (GUIDELINES v2): the time of a happening (``event``, with the
kind of happening), the span a figure or a state of affairs covers (``period``), a date of the
page itself (``dateline``), or something else (``other``: a comparison base, a deadline).

The decision is made from the words around the date, in this order (``role_rule`` names the step):

1. ``dateline``: a stamp or date line of the page (found while anchoring the article), a date on a
   short line of its own near the top, a copyright line, a "today is" widget, "Posted: ...";
2. ``other``: a comparison base ("compared with 2022", "the same period of last year"), a deadline
   ("by 2030");
3. ``event``: a verb or noun of a happening in the date's clause, the nearest one deciding its kind
   (visit, meeting, call, signing, statement, incident, other_event);
4. ``period``: a figure or a state of affairs in the clause ("in 2023 trade amounted to"), or a
   span word before the date ("since 1992", "until 2024");
5. the same cues in the rest of the sentence;
6. otherwise a day or a month is an event of another kind, a year a period.

The words of each language are in transforms/dates/roles/<code>.py.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from transforms.dates.anchoring import has_clock_beside, is_dateline, is_stamp_line
from transforms.dates.context import Context
from transforms.dates.grammar import Candidate
from transforms.dates.roles import ROLE_WORDS
from transforms.dates.rules import LANGUAGE_RULES
from transforms.dates.tense import clause
from transforms.mentions import DateMention

ROLES = ("event", "period", "dateline", "other")
EVENT_TYPES = ("visit", "meeting", "call", "signing", "statement", "incident", "other_event")
# When two cues stand at the same distance, the more specific kind wins.
_PRIORITY = {t: i for i, t in enumerate(("call", "signing", "visit", "incident", "meeting", "statement", "other_event"))}
_COMPARISON_BEFORE = {code: rules.COMPARISON_BEFORE for code, rules in LANGUAGE_RULES.items()}
_COMPARISON_AFTER = {code: rules.COMPARISON_AFTER for code, rules in LANGUAGE_RULES.items()}
# A figure right before a "same period" makes it that figure's period ("100 млн против 876 млн за
# аналогичный период прошлого года").
_FIGURE_BEFORE = re.compile(r"[0-9][0-9.,]*\s*(?:%|\S+)?\s*(?:\S+\s+){0,3}$")
_CUE_WINDOW = 160
# What ends a subject before its verb: a comma, a semicolon, a colon, a dash, a quotation mark.
_CLAUSE_BREAK = re.compile(r"[,;:«»“”\"–—]")
# Up to two words between a date and the noun it qualifies ("his August 2024 [state] visit").
_NOUN_AFTER = re.compile(r"[ \t]+(?:[^\W\d]+[ \t]+){0,2}?(?=[^\W\d])")
# The first quotation mark after a date: a closing one means the date is quoted.
_FIRST_QUOTE = re.compile(r"[«»“”„]")
# Dates listed one after another mean the same kind of thing: "in November 2020, in January and
# November 2021", "12 sentyabr 2000 və 20 sentyabr 2005".
_LISTED = re.compile(r"[ \t]*(?:,|;|\band\b|\bи\b|\bvə\b|\bor\b|\bили\b)?[ \t]*(?:(?:,|\band\b|\bи\b|\bvə\b)[ \t]*)?"
                     r"(?:(?:in|on|в|во)[ \t]+)?", re.IGNORECASE)        # characters on each side of the date where its clause's cues are looked for


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    event_type: str | None
    rule: str
    confidence: float


# with_roles builds mentions field by field: a field added to DateMention must be added there too.
assert [f.name for f in dataclasses.fields(DateMention)] == [
    "start", "end", "text", "value", "value_start", "value_end", "granularity", "is_range", "is_relative", "rule",
    "confidence", "role", "event_type", "role_rule", "role_confidence"], "update with_roles"


def with_roles(ctx: Context, mentions: list[DateMention], candidates: list[Candidate]) -> list[DateMention]:
    """The mentions with their role, event_type, role_rule and role_confidence set."""
    words = ROLE_WORDS.get(ctx.lang) or ROLE_WORDS["en"]
    out: list[DateMention] = []
    for i, (m, c) in enumerate(zip(mentions, candidates, strict=True)):
        neighbours = (mentions[i - 1].end if i else 0, mentions[i + 1].start if i + 1 < len(mentions) else len(ctx.text))
        r = role_of(ctx, m, c, words, neighbours)
        if out and r.role in ("event", "period") and out[-1].role in ("event", "period") \
                and (r.rule.endswith(":sentence") or "default" in r.rule) and _LISTED.fullmatch(ctx.text, out[-1].end, m.start):
            r = Role(out[-1].role, out[-1].event_type, out[-1].role_rule + ":listed", out[-1].role_confidence)
        # (built directly: dataclasses.replace costs more than the rest of this loop)
        out.append(DateMention(m.start, m.end, m.text, m.value, m.value_start, m.value_end, m.granularity, m.is_range,
                               m.is_relative, m.rule, m.confidence, r.role, r.event_type, r.rule, r.confidence))
    return out


def role_of(ctx: Context, m: DateMention, c: Candidate, words, neighbours: tuple[int, int] = (0, 10**9)) -> Role:
    """The role of mention ``m`` (``c`` its candidate); ``neighbours``: the end of the date mention
    before it and the start of the one after it."""
    text, lang = ctx.text, ctx.lang
    s, e = ctx.sentence_at(m.start, m.end)
    cs, ce = clause(text, s, e, m.start, m.end)
    before = text[max(s, m.start - 40):m.start]
    # 1. the page's own dates
    if c.stamp or c.widget or c.rule.startswith("copyright") or words.DATELINE_BEFORE.search(before) \
            or (m.granularity == "day" and not m.is_range and (
                (is_dateline(text, m.start, m.end) and not _discourse_before(text, words, m))
                or has_clock_beside(text, m.start, m.end)
                or (is_stamp_line(text, m.start, m.end) and not _happening_on_line(text, words, m)))):
        return Role("dateline", None, "dateline:" + ("widget" if c.widget else "copyright" if "copyright" in c.rule
                                                     else "stamp" if c.stamp else "line"), 0.9)
    # 2. comparison bases and deadlines
    if c.kind == "same_period" or "same_period" in c.rule:
        if (_FIGURE_BEFORE.search(text, max(cs, m.start - 40), m.start) and words.PERIOD_CUES.search(text, cs, m.start)) \
                or (not _COMPARISON_AFTER[lang].match(text, m.end) and words.FIGURES.search(text, m.end, ce)):
            return Role("period", None, "period:figure_of_same_period", 0.6)
        return Role("other", None, "other:same_period", 0.8)
    if _COMPARISON_BEFORE[lang].search(text, max(0, m.start - 30), m.start) or _COMPARISON_AFTER[lang].match(text, m.end) \
            or words.COMPARISON_BEFORE.search(text, max(0, m.start - 50), m.start):
        return Role("other", None, "other:comparison", 0.75)
    if words.DEADLINE_BEFORE.search(before) and m.granularity == "year":
        return Role("other", None, "other:deadline", 0.6)
    # The words of this date: not those of the dates before and after it ("прибыл 22 февраля и в тот же
    # день провёл переговоры").
    left, right = max(cs, neighbours[0]), min(ce, neighbours[1])
    span = _span_word(text, words, m)
    # a date that qualifies the noun of a happening after it ("since the 1997 treaty", "his August 2024 state
    # visit", "the December 25 crash"): that noun's kind, whatever the word before the determiner
    kind = _attributive(text, words, m)
    if kind:
        return Role("event", kind, f"event:{kind}:attributive", 0.75)
    # 3. what makes a year or a month a period whatever happens in it: the subject of its clause
    # ("this year is specific"), a range of years, happenings counted in it, a figure of it, a span
    boundary = "boundary" in c.rule                            # "до конца 2018 года": by then, not a span
    if boundary:
        span = False
    if m.granularity != "day":
        if words.SUBJECT_AFTER.match(text, m.end) and not text[cs:m.start].strip(" \t“”\"«»'‘’"):
            return Role("period", None, "period:subject", 0.7)   # "This year is specific"
        if m.is_range and m.granularity == "year":
            return Role("period", None, "period:years", 0.65)
        if m.granularity == "year" and not m.is_range and words.COUNTED_HAPPENINGS.search(text, left, right):
            return Role("period", None, "period:counted", 0.65)   # "the third meeting in 2024"
        # the figure of the date's clause; of its sentence when the clause is the date alone ("Last year,
        # a 5-percent boost was registered")
        alone = not re.search(r"\w", text[cs:m.start] + text[m.end:ce], re.UNICODE) or len(text[cs:ce].split()) <= 4
        near = (max(s if alone else left, m.start - 40), min(e if alone else right, neighbours[1], m.end + 80))
        if words.FIGURES.search(text, *near):
            return Role("period", None, "period:figure", 0.75)
        if words.PERIOD_HEADS.search(text, max(left, m.start - 25), min(right, m.end + 25)):
            return Role("period", None, "period:heading", 0.7)   # "2019-cu ilin ilk 9 ayının nəticələri"
        if span and m.granularity == "year":
            return Role("period", None, "period:span", 0.7)       # "since 1992", "2024-cü ilə qədər"
    # 4. the clause
    found = _nearest_event(text, words, max(left, m.start - _CUE_WINDOW), min(right, m.end + _CUE_WINDOW), m)
    state = m.granularity != "day" and words.PERIOD_CUES.search(text, left, right) is not None
    if found and span and found[1]:
        found = None                                              # "Starting January 1": the span word itself
    if found and not (span and (state or m.is_range)):
        kind = _by_phone(text, words, found[0], left, right)
        return Role("event", kind, f"event:{kind}", 0.8 if not found[1] else 0.7)
    if state:
        return Role("period", None, "period:state", 0.7)
    if span and m.granularity != "day":
        return Role("period", None, "period:span", 0.7)
    if span and m.granularity == "day" and words.FIGURES.search(text, s, e):
        return Role("period", None, "period:figure", 0.65)       # "Starting January 1, 2028, the volume will be 5 million tonnes"
    # 5. the sentence (not the verb of saying of what the date is in: "in 2024 the tradition will go on,
    # he said")
    found = _nearest_event(text, words, max(s, m.start - 2 * _CUE_WINDOW), min(e, m.end + 2 * _CUE_WINDOW), m, True)
    if found and not (found[0] == "statement" and _reported(text, words, s, e, m)):
        kind = _by_phone(text, words, found[0], max(left, cs), min(right, ce))
        return Role("event", kind, f"event:{kind}:sentence", 0.6)
    if span and words.FIGURES.search(text, s, e):
        return Role("period", None, "period:figure", 0.65)       # "Starting January 1, 2028, the volume will be 5 million tonnes"
    if span:
        return Role("period", None, "period:span", 0.6)           # "с 18 мая можно привиться"
    if (m.granularity != "day" or m.is_range) and words.PERIOD_CUES.search(text, s, e):
        return Role("period", None, "period:figure:sentence", 0.55)
    # 6. what a date mostly is
    if m.granularity == "year" or (m.is_range and m.granularity == "month"):
        return Role("period", None, "period:default", 0.4)
    # a day whose sentence names no happening goes on with that of the sentence before it in its paragraph
    # ("Putin's state visit began on Sunday with talks in Zagulba. On Monday the two presidents ...")
    if s > 0 and "\n" not in text[max(0, s - 2):s]:
        ps, pe = ctx.sentence_at(s - 1, s - 1)
        found = _nearest_event(text, words, max(ps, pe - 2 * _CUE_WINDOW), pe, m, True) if ps < s else None
        if found and not found[1]:
            return Role("event", found[0], f"event:{found[0]}:before", 0.5)
    return Role("event", "other_event", "event:default", 0.4)


def _nearest_event(text: str, words, start: int, end: int, m: DateMention,
                   sentence_level: bool = False) -> tuple[str, bool] | None:
    """(kind, light) of the happening whose cue governs the date in text[start:end].

    The nearest verb or noun of a happening decides (in a head-final language the last one after
    the date, where its verb stands); one after "during" / "в ходе" counts as the nearest; one that
    only sets the scene ("as part of the visit", "в рамках", "çərçivəsində") and a verb of saying
    whose content the date is in ("reported that on June 27 ...") do not count. A light verb
    ("held", "began", "opened", "состоится": light is True) decides when it is nearer than any other
    cue and no other cue stands just before it; at the level of the sentence a verb of saying
    (SAYING) decides last (it is mostly the frame: "..., the ministry said")."""
    strong, light = _hits(text, words.EVENT_CUES, start, end, m, words), _hits(text, words.LIGHT_CUES, start, end, m, words)
    if words.OF_DATE_BEFORE.search(text, max(0, m.start - 12), m.start):   # "договоренностей ... от 10 ноября"
        before = [h for h in strong if h[1] <= m.start]
        if before:
            return max(before, key=lambda h: h[1])[2], False
    if words.OF_DATE_AFTER.match(text, m.end):                               # "... tarixli bəyanat"
        after = [h for h in strong if h[0] >= m.end]
        if after:
            return min(after, key=lambda h: h[0])[2], False
    if sentence_level:                # "In November 2022, it was reported that the company began ...": the saying
        said = next((h for h in sorted(strong) if h[2] == "statement" and h[0] >= m.end), None)
        content = words.REPORTED_CONTENT.search(text, said[1], end) if said else None
        if content:
            strong = [h for h in strong if h[0] < content.start()]
            light = [h for h in light if h[0] < content.start()]
    if sentence_level and any(k != "statement" for _, _, k, _ in strong):
        # the verbs of saying; an apology or a congratulation stays ("On Saturday, Putin apologized for the incident")
        strong = [h for h in strong if h[2] != "statement" or not words.SAYING.fullmatch(text, h[0], h[1])]
    if words.HEAD_FINAL:
        after = [h for h in strong if h[0] >= m.end]
        # = PARTICIPLE.search(text, m.end, end): a match that starts after m.end starts a word (else it
        # would start a letter earlier), so the rest is searched at word starts only
        participle = words.PARTICIPLE.match(text, m.end, end) or words.PARTICIPLE_AT_WORD.search(text, m.end + 1, end)
        if participle:                                        # "... keçirilən üçtərəfli görüş": the noun it qualifies
            qualified = [h for h in after if participle.end() <= h[0] <= participle.end() + 40]
            if qualified:
                return min(qualified, key=lambda h: h[0])[2], False
        if after:
            return max(after, key=lambda h: (h[0], -_PRIORITY[h[2]]))[2], False
        if m.granularity != "day" and not any(h[0] >= m.end for h in light):
            return None               # "Komissiyanın qərarına əsasən bu ilin iyul-avqust aylarında ... quraşdırılacaq": no verb of a happening
    if words.TRAILING is not None and any(h[1] <= m.start and h[0] >= start for h in strong):
        # "summoned the ambassador on Tuesday over the arrests", "visited Baku on 12 March to discuss ...": the
        # verb before the date governs it, not a cue in a phrase that follows it.
        trailing = words.TRAILING.search(text, m.end, end)
        if trailing:
            strong = [h for h in strong if h[0] < trailing.start()]
            light = [h for h in light if h[0] < trailing.start()]
    best = min(strong, key=lambda h: (h[3], _PRIORITY[h[2]])) if strong else None
    nearest_light = min(light, key=lambda h: h[3]) if light else None
    if nearest_light is not None:
        a, b = nearest_light[0], nearest_light[1]
        subject = [h for h in strong if a - 35 <= h[1] <= a]      # "the visit ... began", "открылся ... форум"
        if not subject and not words.HEAD_FINAL:
            # the head of a long subject ("Визит президента Азербайджана в Российскую Федерацию состоится",
            # "The official visit of the President of Azerbaijan to Russia will take place"): its first cue,
            # when no comma stands between it and the verb
            head = next((h for h in sorted(strong) if h[1] <= a and not _CLAUSE_BREAK.search(text, h[1], a)), None)
            subject = [head] if head else []
        complement = [h for h in strong if b <= h[0] <= b + 50]   # "начал боевые действия"
        if best is None or nearest_light[3] < best[3]:
            if words.RELATIVE_PRONOUN.search(text, max(0, a - 40), a):     # "визитом ..., который пройдет завтра"
                antecedent = _hits(text, words.EVENT_CUES, max(0, a - 150), a, m, words)
                if antecedent:
                    return max(antecedent, key=lambda h: h[1])[2], False
            if subject:
                return max(subject, key=lambda h: h[1])[2], False
            if complement:
                return min(complement, key=lambda h: h[0])[2], False
            return nearest_light[2], True
    return (best[2], False) if best else None


def _hits(text: str, cues: dict, start: int, end: int, m: DateMention, words) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, distance to the date) of each cue of ``cues`` in text[start:end]."""
    out = []
    for kind, cue in cues.items():
        for hit in cue.finditer(text, start, end):
            a, b = hit.span()
            if m.start <= a < m.end:
                continue
            if words.SETTING.search(text, max(0, a - 60), a) or (words.HEAD_FINAL and words.SETTING.match(text, b + 1)):
                continue                                          # "as part of the visit", "səfər çərçivəsində"
            if kind == "statement" and b <= m.start and words.REPORTED_CONTENT.search(text, b, m.start):
                continue                                          # "reported that on June 27 ..."
            if words.COMPLEMENT_BEFORE.search(text, max(0, a - 12), a) and text[a:b].lower().endswith("ing"):
                continue                                          # "interest in visiting": not a happening of the date
            distance = m.start - b if b <= m.start else a - m.end
            if words.DURING.search(text, max(0, a - 30), a) or (words.HEAD_FINAL and words.DURING.match(text, b)):
                distance = 0                                      # "during telephone conversations"
            out.append((a, b, kind, max(distance, 0)))
    # A cue inside a longer one of another kind is not one ("press conference" is no "conference", "called
    # on" no call).
    return [h for h in out if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0]) for o in out)]


def _attributive(text: str, words, m: DateMention) -> str | None:
    """The kind of the happening whose noun the date qualifies: a determiner before the date, the noun
    at most two words after it ("the 1997 treaty", "his August 2024 state visit")."""
    if words.DETERMINER_BEFORE is None or not words.DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start):
        return None
    after = _NOUN_AFTER.match(text, m.end)
    if not after:
        return None
    for kind, cue in words.EVENT_CUES.items():
        hit = cue.match(text, after.end())
        if hit and not words.SAYING.fullmatch(text, *hit.span()):
            return kind
    return None


def _discourse_before(text: str, words, m: DateMention) -> bool:
    """Is the date's line opened by a word of the sentence ("Ранее, 3 июня, Алиев выступил", "Earlier,
    June 3, ...") rather than by the place of a date line ("BAKU, March 14")?"""
    return words.DISCOURSE_BEFORE.fullmatch(text, text.rfind("\n", 0, m.start) + 1, m.start) is not None


def _by_phone(text: str, words, kind: str, start: int, end: int) -> str:
    """A meeting or talks held by phone is a call ("беседа состоялась 4 мая по телефону", "talked by phone")."""
    return "call" if kind == "meeting" and words.BY_PHONE.search(text, start, end) else kind


def _happening_on_line(text: str, words, m: DateMention) -> bool:
    """Does the date's line name a happening ("Next meeting: 1:30 PM on Sat, Sep 21")? Then it is
    no stamp of the page."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    return any(cue.search(text, line_start, line_end) for cue in (*words.EVENT_CUES.values(), *words.LIGHT_CUES.values()))


def _reported(text: str, words, s: int, e: int, m: DateMention) -> bool:
    """Is the date inside what someone said: within quotes (one opened before it in the sentence, or one
    closed after it that a sentence before opened: "... this year the use exceeded 54 percent," he
    added), or after "that" / "что" / "ki"?"""
    before = text[s:m.start]
    quotes = sum(before.count(q) for q in "\"«»“”„")
    closing = _FIRST_QUOTE.search(text, m.end, e)
    return quotes % 2 == 1 or "«" in before and "»" not in before or words.REPORTED_CONTENT.search(before) is not None \
        or (closing is not None and closing.group() in "”»")


def _span_word(text: str, words, m: DateMention) -> bool:
    """A word that makes the date a start or an end of a span: "since 1992", "с 18 мая", "до 2024
    года", "2028-ci ildən etibarən", "2024-cü ilə qədər"."""
    return bool(words.SPAN_BEFORE.search(text, max(0, m.start - 20), m.start)
                or words.SPAN_AFTER.search(m.text) is not None or words.SPAN_AFTER.match(text, m.end) is not None)
