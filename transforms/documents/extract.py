"""Named-document mentions and their linking to canonical documents.

Extraction works on tokens around each type noun (transforms/documents/lexicon.py):

1. find the type nouns with their inflected forms ("Bəyannaməsində", "соглашением", "agreement’s");
2. grow each into a mention: Azerbaijani names stand before the noun ("... arasında ... haqqında
   Bəyannamə", "Bakı Bəyannaməsi"), Russian and English names mostly after it ("Декларация о ...",
   "Agreement on ... between ...") with adjectives and proper names before it ("Moscow Declaration");
3. keep the mentions that refer to a particular document: a name or an identifying modifier, a
   count ("six roadmaps"), a capitalised title word, a signing verb next to it, or an earlier or
   later named mention of the same type that a short mention ("the agreement", "Контракт") refers to.
   Generic uses ("international treaties", "said in a statement", "the visit programme",
   "protocol filming", "in agreement with", "more than 20 agreements", "договоренности по всем
   направлениям") are dropped;
4. a protocol that amends a document names it inside its own name ("Protocol amending the Agreement
   on ...", "... Sazişə dəyişikliklər edilməsi barədə Protokol"): the protocol's mention takes the whole
   name and the amended document keeps its own mention, nested in it. This is the only overlap among
   document mentions: any two are disjoint or one contains the other.

Linking lives in transforms/documents/linking.py.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.documents.concepts import (
    GENERIC, PARTIES, NameKey, is_concept_word, month_number, name_key, word_concept,
)
from transforms.documents.lexicon import (
    BETWEEN, CONSENT_CLAUSE, CONSENT_LEXEMES, GOAL_AFTER, GOAL_BEFORE, PLAN_KINDS,
    AMENDING_GAP, AMENDING_WORDS, APPROXIMATE_AFTER, APPROXIMATE_BEFORE, CONJUNCTIONS, DATE_INTRODUCERS, UNIVERSAL,
    is_provision_word,
    AZ_ADJECTIVE_LIKE, AZ_GENITIVE, AZ_LOCATIVE, AZ_PARTICIPLE, AZ_POSSESSIVE, AZ_POSTPOSITIONS,
    AZ_SIGNING_PARTICIPLE, AZ_STOP, AZ_VERB, BLOCKING_MODIFIERS, CHARTER_ORGS, CONTRACT_WORDS,
    DECLARATION_NOT_DOCUMENT, EN_CONSENT_BEFORE, EN_DEAL_NOT_NOUN_AFTER, EN_DEAL_NOT_NOUN_BEFORE, EN_DETERMINERS,
    EN_MODIFIERS, EN_NAME_PREPOSITIONS, EN_STOP, NUMBER_WORDS, ORGANISATION_WORDS, PREFILTER, PROGRAM_AGENCIES,
    PROGRAM_NOT_DOCUMENT, PROTOCOL_CEREMONY, PROTOCOL_NOT_AFTER, STATEMENT_LEADERS, QUOTE_PAIRS, QUOTES_CLOSE, QUOTES_OPEN, RESTRICTED, RU_NAME_PREPOSITIONS,
    RU_STOP, SENTENCE_END, SIGNED, SIGNING, SOFT_MODIFIERS, STATEMENT_QUALIFIERS, TOKEN, TREATY_WORDS, Head, lower_text,
    match_head,
)
from transforms.documents.linking import link_mentions
from transforms.lang import script_guess
from transforms.lang.ru.morphology import ADJECTIVE_ENDINGS as _RU_ADJECTIVE_ENDINGS
from transforms.mentions import DateMention, DocumentLink, DocumentMention, RegistryEntry

_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_SPAN = re.compile(r"^(?:1[89]|20)\d\d(?:[-–](?:1[89]|20)\d\d)?$")     # "2025", "2025-2027" (one token)
_NUMBER = re.compile(r"^\d+$")
_PERIOD_PREPOSITIONS = frozenset("for until till through to".split())
_PERIOD_TYPES = frozenset({"program", "action_plan", "roadmap"})
_EN_SIGNED_PARTICIPLES = frozenset("reached signed concluded adopted inked agreed initialed initialled".split())
_EN_CLAUSE_PREPOSITIONS = frozenset("by between in at on during".split())
_RU_ADJECTIVE = re.compile("(?:" + "|".join(_RU_ADJECTIVE_ENDINGS) + ")$")
# Finite verbs and short participles ("вступит", "подписан", "было"); infinitives in -ти are left out
# because so many nouns end so ("области", "безопасности").
_RU_VERB = re.compile(r"(?:ет|ют|ит|ят|ут|ал|ала|али|ало|ил|ила|или|ило|ел|ела|ели|ело|ял|яла|яли|яло|ыл|ыла|ыли|ыло|"
                      r"ся|сь|ть|ан|ана|аны|ано|ен|ена|ены|ено)$")
_RU_VERB_NOUNS = frozenset("транзит кредит совет бюджет объект приоритет комитет суверенитет авторитет депозит лимит "
                           "визит аппарат результат формат мандат паритет интернет газопровод план орган обмен член "
                           "гражданин граждан океан экран режим".split())
_RU_DRAFT = frozenset("проект проекта проекту проектом проекте проекты проектов".split())
_RU_GENITIVE_COMPLEMENTS = ("глав", "лидер", "президент", "министр", "правительств", "государств", "века", "стран")
_RU_IN_FIELD = frozenset("области сфере части".split())
_EN_IN_FIELD = frozenset("field fields area areas sphere spheres".split())
_AZ_PARTICIPLE_AUX = frozenset("əldə qəbul imza".split())
# "ilə bağlı", "ilə əlaqədar": "concerning", a postposition like "haqqında"
_AZ_COMPOUND_POSTPOSITIONS = frozenset({"bağlı", "əlaqədar"})
_AZ_ORDINAL = re.compile(r"^\d{1,3}-(?:ci|cı|cu|cü)$")
# Nouns that end like a locative and are not one.
_AZ_NOT_LOCATIVE = frozenset("istifadə ifadə maddə qayda fayda vədə aradan".split())   # "aradan qaldırılması": elimination
_AZ_PERIOD = re.compile(r"^(?:19|20)\d\d(?:-(?:19|20)\d\d)?-(?:ci|cı|cu|cü)$")
_AZ_YEAR_ORDINAL = re.compile(r"^(?:19|20)\d\d-(?:ci|cı|cu|cü)$")     # "1997-ci" (il)

_CONFIDENCE = {"named": 0.9, "counted": 0.85, "title": 0.75, "antecedent": 0.75, "signed": 0.7}


@dataclass(slots=True)
class _Tokens:
    text: str
    starts: list[int]
    matches: list[re.Match | None]    # each token's match (None for a "\x00" between stretches)
    low: list[str]
    # the article's date mentions by the token they start at (-> last token, mention) and end at
    # (-> first token, mention)
    date_from: dict[int, tuple[int, DateMention]] = field(default_factory=dict)
    date_to: dict[int, tuple[int, DateMention]] = field(default_factory=dict)

    def end(self, i: int) -> int:
        """Where token ``i`` ends (only a mention's last token is asked: no list of ends is made)."""
        match = self.matches[i]
        return match.end() if match is not None else self.starts[i]

    def is_word(self, i: int) -> bool:
        return self.low[i][:1].isalnum()

    def is_capital(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.low[j] in QUOTES_OPEN | {"(", "[", "-", "–", "—"}:
            j -= 1
        return j < 0 or self.low[j] in SENTENCE_END or self.low[j] == ":"


@dataclass(slots=True)
class _Candidate:
    first: int                   # first token of the type noun
    last: int                    # last token of the type noun
    head: Head
    left: int = 0                # first token of the mention
    right: int = 0               # last token of the mention
    modifiers: list[int] = field(default_factory=list)   # content words before the noun
    name: list[int] = field(default_factory=list)        # content words of the name after the noun
    counted: bool = False        # preceded by a number ("six roadmaps")
    quoted: bool = False
    dated: bool = False          # named by a date ("10 noyabr bəyanatı", "Заявление от 10 ноября")
    clause: bool = False         # a following clause says who signed it, where or when
    approximate: bool = False    # "more than 20 agreements": a count, not a set
    paragraph: bool = False      # a provision of it is cited ("Пункт 9 заявления", "Bəyanatın 4-cü bəndi")
    inner: "_Candidate | None" = None   # the document this one amends, named inside it (nested mention)
    initial: bool = False        # a capitalised short noun that starts a sentence (a capital says nothing)
    type_certain: bool = True    # the words say the type (not a guess for müqavilə)
    determiner: str | None = None
    key: NameKey | None = None
    doc_type: str = ""
    reason: str = ""             # why it is a mention (rule); "" while undecided / rejected

    @property
    def family(self) -> str:
        return _FAMILY.get(self.doc_type, self.doc_type)


# Types a short mention may take its antecedent from.
_FAMILY = {"treaty": "agreement", "agreement": "agreement", "contract": "agreement", "convention": "agreement"}


def extract_documents(text: str, language: str | None, dates: Sequence[DateMention]) -> list[DocumentMention]:
    """Every mention of a specific legal or diplomatic document in ``text``, in text order. ``dates``
    are the article's date mentions (transforms.dates.extract_dates): a date names a document ("the
    statement of November 10", "10 noyabr 2020-ci il tarixli Bəyanat") or ends its name."""
    lang = (language or "")[:2].lower()
    if lang not in PREFILTER:
        lang = script_guess(text)
    low = lower_text(text, lang)
    hits = _hits(low, lang)
    if not hits:
        return []
    tokens = _tokenize(text, low, hits)
    candidates = _find_candidates(tokens, lang, hits)
    if candidates and dates:
        _place_dates(tokens, dates)
    if not candidates:
        return []
    for index, cand in enumerate(candidates):
        left_bound = candidates[index - 1].last + 1 if index else 0
        right_bound = candidates[index + 1].first - 1 if index + 1 < len(candidates) else len(tokens.low) - 1
        _expand(tokens, lang, cand, left_bound, right_bound)
    # A name grown to the right must not run into the next mention's modifiers.
    for prev, cand in zip(candidates, candidates[1:]):
        if cand.left <= prev.right:
            cand.left = prev.right + 1
            while cand.left < cand.first and (not tokens.is_word(cand.left) or tokens.low[cand.left] in CONJUNCTIONS[lang]):
                cand.left += 1              # "... of Friendship and Joint Statement": not "and Joint Statement"
            cand.modifiers = [i for i in cand.modifiers if i >= cand.left]
    _nest(tokens, lang, candidates)
    for cand in candidates:
        _describe(tokens, lang, cand)
    for prev, cand in zip(candidates, candidates[1:]):
        # "более 60 соглашений и меморандумов", "20-yə yaxın saziş və memorandum": one estimate
        if prev.approximate and cand.left == cand.first and cand.first - prev.last == 2 \
                and tokens.low[prev.last + 1] in CONJUNCTIONS[lang]:
            cand.approximate = True
    _decide(tokens, lang, candidates)
    out = []
    for cand in candidates:
        if not cand.reason:
            continue
        start, end = tokens.starts[cand.left], tokens.end(cand.right)
        out.append(DocumentMention(
            start=start, end=end, text=text[start:end], doc_type=cand.doc_type,
            name_key=cand.key.render() if cand.key else None, rule=f"{lang}.{cand.reason}",
            confidence=_CONFIDENCE[cand.reason], type_certain=cand.type_certain,
        ))
    if any(cand.inner is not None and cand.reason for cand in candidates):
        out.sort(key=lambda m: (m.start, -m.end))       # an amending protocol before the agreement in it
    return out


def link_documents(
    text: str,
    language: str | None,
    published: dt.date | None,
    mentions: Sequence[DocumentMention],
    registry: Sequence[RegistryEntry],
    dates: Sequence[DateMention],
) -> list[DocumentLink]:
    """One link per mention (same order): the canonical document each mention refers to. ``dates``: the
    article's date mentions."""
    return link_mentions(text, language, published, mentions, registry, dates)


# ---------------------------------------------------------------------------------------------------
# Tokens and type nouns
# ---------------------------------------------------------------------------------------------------

# How much text around a possible type noun can belong to its mention or decide about it.
_WINDOW_BEFORE = 260
_WINDOW_AFTER = 360


_MATCH_START, _MATCH_TEXT = re.Match.start, re.Match.group
# The pre-filter reads a stem only where a word starts. Written with "\b" in front, a pattern makes
# the engine try a match at every position of the text; this one reads the character before the
# word instead (one that "\w" does not match), a plain class the engine skips ahead to. A stem at the
# very start of the text has no character before it and is looked for on its own.
_PREFILTER_AFTER_NON_WORD = {lang: re.compile(r"[^\w](?:" + rx.pattern.removeprefix(r"\b") + ")")
                             for lang, rx in PREFILTER.items()}
assert all(rx.pattern.startswith(r"\b") for rx in PREFILTER.values())


def _hits(low: str, lang: str) -> list[int]:
    """Where the pre-filter of ``lang`` matches in the lower-cased text: PREFILTER[lang].finditer.
    (Every stem is made of letters, so a match never runs over the start of another word.)"""
    hits = [0] if PREFILTER[lang].match(low) else []
    hits += [m.start() + 1 for m in _PREFILTER_AFTER_NON_WORD[lang].finditer(low)]
    return hits


def _tokenize(text: str, low: str, hits: list[int]) -> _Tokens:
    """Tokens of the stretches of text around the hits (most of an article has no type noun);
    a "\x00" token stands between stretches so that no walk crosses from one to the next."""
    windows: list[list[int]] = []
    for pos in hits:
        a, b = max(0, pos - _WINDOW_BEFORE), min(len(low), pos + _WINDOW_AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    starts, matches, lows = [], [], []
    for a, b in windows:
        if a > 0:
            space = low.find(" ", a)
            a = space + 1 if 0 <= space < b else a
        if b < len(low):
            space = low.rfind(" ", a, b)
            b = space if space > a else b
        if starts:
            starts.append(a)
            matches.append(None)
            lows.append("\x00")
        found = list(TOKEN.finditer(low, a, b))     # read out by map: no Python step per token
        starts += map(_MATCH_START, found)
        matches += found
        lows += map(_MATCH_TEXT, found)
    return _Tokens(text, starts, matches, lows)


def _place_dates(t: _Tokens, dates: Sequence[DateMention]) -> None:
    """Index the date mentions that lie wholly in the tokenised stretches by their first and last token."""
    starts, n = t.starts, len(t.starts)
    for d in dates:
        first = bisect.bisect_left(starts, d.start)
        last = bisect.bisect_left(starts, d.end) - 1
        if first >= n or starts[first] != d.start or last < first or t.end(last) < d.end \
                or "\x00" in t.low[first:last + 1]:
            continue
        t.date_from[first] = (last, d)
        t.date_to[last] = (first, d)


def _states_day_or_month(d: DateMention) -> bool:
    """Does the date say more than a year: a month with a day or a written year ("10 noyabr",
    "November 2020"), what names a statement or a declaration?"""
    part = d.value.split("/")[0]
    pieces = part.split("-")
    return len(pieces) > 1 and pieces[1].isdigit() and (
        (len(pieces) > 2 and pieces[2].isdigit()) or (pieces[0].isdigit() and not d.is_relative))


def _written_year(d: DateMention) -> bool:
    """Is the date a year as written ("2021", "of 2021"), not one taken from the publication date?"""
    return d.value[:4].isdigit() and not d.is_relative


def _find_candidates(t: _Tokens, lang: str, hits: list[int]) -> list[_Candidate]:
    """Type nouns at the pre-filter hits, in text order, not overlapping."""
    out: list[_Candidate] = []
    taken = -1
    for pos in hits:
        i = bisect.bisect_left(t.starts, pos)
        if i >= len(t.starts) or t.starts[i] != pos or i <= taken:
            continue
        hit = match_head(t.low, i, lang)
        if hit is None:
            continue
        first, last, head = hit
        if head.lexeme == "plan" and not _plausible_plan(t, lang, first):
            continue
        if first <= taken:
            continue
        out.append(_Candidate(first, last, head, left=first, right=last))
        taken = last
    return out


def _plausible_plan(t: _Tokens, lang: str, i: int) -> bool:
    """A bare "plan" can only repeat an action plan: definite in English ("the plan"), a capitalised
    title mid-sentence in Russian and Azerbaijani ("Планом", "Planın"); or it says what kind of plan it
    is ("plan of consultations", "план (межмидовских) консультаций"), to be named (_restricted_ok)."""
    if any(t.low[k].startswith(PLAN_KINDS[lang]) for k in range(i + 1, min(len(t.low), i + 4))
           if t.low[k] not in ("\n", "\x00")):
        return True
    if lang == "en":
        return i > 0 and t.low[i - 1] in ("the", "this", "that")
    if lang == "az" and i > 0 and t.low[i - 1].startswith(PLAN_KINDS[lang]):
        return True                         # "məsləhətləşmələr planı": the kind stands before the plan
    return t.is_capital(i) and not t.sentence_initial(i)


def _head_starts_at(t: _Tokens, i: int, lang: str) -> bool:
    """Does a type noun (other than a bare "plan") start at token ``i`` ("Joint Statement" does at "joint"
    only as a modifier; "заключительным актом" does at "заключительным")?"""
    for k in (i, i + 1):
        if k < len(t.low):
            hit = match_head(t.low, k, lang)
            if hit is not None and hit[0] == i and hit[2].lexeme != "plan":
                return True
    return False


def _stops_name(t: _Tokens, i: int, lang: str) -> bool:
    """Does a type noun at ``i`` end the name being read ("... of Friendship and Joint Statement")? A
    bare "plan" does not ("соглашение о плане развития")."""
    hit = match_head(t.low, i, lang)
    return hit is not None and hit[2].lexeme != "plan"


# ---------------------------------------------------------------------------------------------------
# Growing a type noun into a mention
# ---------------------------------------------------------------------------------------------------

def _expand(t: _Tokens, lang: str, cand: _Candidate, left_bound: int, right_bound: int) -> None:
    if lang == "az":
        _left_az(t, cand, left_bound)
    elif lang == "ru":
        _left_ru(t, cand, left_bound)
        _right_ru(t, cand, right_bound)
    else:
        _left_en(t, cand, left_bound)
        _right_en(t, cand, right_bound)


def _closing_quote(t: _Tokens, i: int, limit: int, span: int = 25) -> int | None:
    """Index of the quote closing the one at ``i`` on the same line, if any."""
    closer = QUOTE_PAIRS.get(t.low[i])
    if closer is None:
        return None
    for j in range(i + 1, min(limit, i + span) + 1):
        if t.low[j] == "\n":
            return None
        if t.low[j] == closer or (closer in '"”' and t.low[j] in '"”'):
            return j if j > i + 1 else None
    return None


def _opening_quote(t: _Tokens, i: int, limit: int, span: int = 25) -> int | None:
    """Index of the quote opening the one at ``i`` (a closing quote) on the same line, if any."""
    for j in range(i - 1, max(limit, i - span) - 1, -1):
        if t.low[j] == "\n":
            return None
        closer = QUOTE_PAIRS.get(t.low[j])
        if closer and (closer == t.low[i] or (t.low[i] in '"”' and closer in '"”')):
            return j if j < i - 1 else None
    return None


@lru_cache(maxsize=16384)
def _az_verbal(word: str) -> bool:
    """An Azerbaijani participle or verb form, which ends the noun phrase before a type noun (once per word)."""
    return bool(AZ_PARTICIPLE.search(word) or AZ_VERB.search(word))


def _past_brackets(t: _Tokens, left: int, first: int) -> int:
    """A name does not start with brackets of years that no name word precedes: past them, and past
    the conjunction after them."""
    while left < first and t.low[left] == "(":
        closing = next((j for j in range(left, first) if t.low[j] == ")"), first - 1)
        left = closing + 1
        while left < first and not t.is_word(left) or (left < first and t.low[left] in _ALL_CONJUNCTIONS):
            left += 1
    return left


_ALL_CONJUNCTIONS = frozenset().union(*CONJUNCTIONS.values())


def _years_in_brackets(t: _Tokens, i: int, bound: int, lang: str) -> int | None:
    """The "(" of the brackets closed at ``i`` when they hold years only ("Baku (2001 and 2008) and Moscow
    (2008) declarations", "Бакинская (2001 и 2008) декларация"): each year names one document."""
    opening = next((j for j in range(i - 1, max(bound, i - 8) - 1, -1) if t.low[j] == "("), None)
    inside = t.low[opening + 1:i] if opening is not None else []
    if not inside or not all(_YEAR.match(w) or w in CONJUNCTIONS[lang] or w in ("-", "–") for w in inside):
        return None
    return opening


def _left_az(t: _Tokens, cand: _Candidate, bound: int) -> None:
    """Azerbaijani names precede the noun: walk left over the noun phrase that modifies it."""
    left = cand.first
    i = left - 1
    participle: int | None = None       # a signing participle kept only if a postposition precedes it
    after_postposition = False          # the next word left is the object of a postposition
    in_object = False                   # inside the object of a postposition (conjuncts are objects too)
    head_is_compound = cand.first < cand.last or cand.head.possessive
    has_between = False
    while i >= bound and cand.first - i < 30:
        word, raw_cap = t.low[i], t.is_capital(i)
        if word == ")" and not after_postposition:
            opening = _years_in_brackets(t, i, bound, "az")      # "Bakı (2001 və 2008) və Moskva (2008) bəyannamələri"
            if opening is None:
                break
            left, i = opening, opening - 1
            continue
        if word == "\n":
            # a title broken before its type noun: "... haqqında\nMüqavilə"
            if left == cand.first and i - 1 >= bound and t.low[i - 1] in AZ_POSTPOSITIONS:
                i -= 1
                continue
            break
        if word in QUOTES_CLOSE and i == left - 1:
            opening = _opening_quote(t, i, bound)
            if opening is None:
                break
            left, i = opening, opening - 1
            cand.quoted = True
            after_postposition = False
            continue
        instrumental = raw_cap and len(word) > 4 and word.endswith(("la", "lə")) and not after_postposition \
            and not is_concept_word(word)   # "Qəbələ" is a name, "Azərbaycanla" an instrumental
        if instrumental:
            if not (has_between and in_object):
                break                       # "Azərbaycanla ... müqavilə bağlayıb": with whom, not a name
            left, after_postposition = i, False   # "Ermənistanla Azərbaycan arasında"
            cand.modifiers.append(i)
            i -= 1
            continue
        if word == "ilə" and i + 1 == left and AZ_SIGNING_PARTICIPLE.match(t.low[left]):
            # "Qida Təhlükəsizliyi Agentliyi ilə imzalanmış memorandum": signed with whom names it
            participle = None
            left, after_postposition, in_object = i, True, True
            i -= 1
            continue
        if word in (",", "və", "ilə"):
            if left == cand.first and word != "və":
                break
            if word == "ilə" and not has_between:
                break
            after_postposition = after_postposition or in_object
            i -= 1                          # kept only if a word further left joins the name
            continue
        if word == "da" and i - 1 >= bound and t.low[i - 1] == "daha" and left < cand.first:
            i -= 2      # "əməkdaşlığın daha da inkişafı haqqında": "further", kept if a word further left joins
            continue
        if i in t.date_to and t.date_to[i][1].is_relative and not any(c.isdigit() for c in t.date_to[i][1].text):
            break       # "Cümə günü üç hökumətlərarası saziş": a weekday, "dünən" say when, not which ("10 noyabr" does)
        if word == "tarixli" and left == i + 1:
            # "10 noyabr 2020-ci il tarixli üçtərəfli Bəyanat": the date names it
            first, _ = t.date_to.get(i - 1, (-1, None))
            if first >= bound:
                left = first
                cand.modifiers.extend(range(first, i + 1))
                cand.dated = True
            break
        if word in ("ilin", "illərin") and i - 1 >= bound and (_AZ_YEAR_ORDINAL.match(t.low[i - 1])
                                                              or _AZ_PERIOD.match(t.low[i - 1])):
            # "2020-2021-ci illərin üçtərəfli bəyanatları": the years name them
            left = i - 1
            cand.modifiers.extend((i - 1, i))
            cand.dated = True
            break
        if (word == "il" and i + 1 == left == cand.first and cand.head.possessive and i - 1 >= bound
                and _AZ_YEAR_ORDINAL.match(t.low[i - 1])):
            # "1997-ci il Müqaviləsi", "2022-ci il Bəyannaməsinə": the year names it
            left = i - 1
            cand.modifiers.extend((i - 1, i))
            cand.dated = True
            break
        if word == "üçün" and i - 2 >= bound and t.low[i - 1].startswith("il") and _AZ_PERIOD.match(t.low[i - 2]):
            # "2024-2026-cı illər üçün ... Fəaliyyət Planı": the period names the plan
            left = i - 2
            cand.modifiers.extend((i - 2, i - 1))
            i -= 3
            if i < bound or t.low[i] not in AZ_POSTPOSITIONS:
                break       # the period starts the title; the parties may stand before it ("... arasında")
            continue
        if word in _AZ_COMPOUND_POSTPOSITIONS and i - 1 >= bound and t.low[i - 1] == "ilə":
            word = "ilə " + word            # "... tikintisi ilə bağlı saziş": a postposition, not "with"
            i -= 1
        if not t.is_word(i) or word in AZ_STOP:
            break
        if word in AZ_POSTPOSITIONS or word.startswith("ilə "):
            left, after_postposition, in_object = i, True, True
            has_between = has_between or word.startswith("arasında")
            participle = None               # the clause names the document: keep it
            i -= 1
            continue
        if AZ_SIGNING_PARTICIPLE.match(word) and not raw_cap:
            in_object = False
            if participle is None:
                participle = left           # where the mention starts if the clause names nothing
            left = i
            if i - 1 >= bound and t.low[i - 1] in _AZ_PARTICIPLE_AUX:
                i -= 1
                left = i
            i -= 1
            continue
        if not raw_cap and len(word) > 4 and _az_verbal(word):
            break
        if AZ_LOCATIVE.search(word) and i - 1 >= bound and word_concept(t.low[i - 1]) in _REGIONS:
            left, after_postposition = i - 1, False     # "Xəzər dənizində ... əməkdaşlıq haqqında Saziş"
            cand.modifiers.extend((i - 1, i))
            i -= 2
            continue
        if AZ_LOCATIVE.search(word) and word not in AZ_POSTPOSITIONS and not is_concept_word(word) \
                and word not in _AZ_NOT_LOCATIVE and t.low[i + 1] != "istifadə":   # "stansiyasından istifadə"
            break                           # "Moskvada imzalanmış", "iclasda" (not "Qida", food, nor "istifadə", use)
        if word[0].isdigit() and not _AZ_ORDINAL.match(word):    # "22-ci iclasının protokolu"
            if not _NUMBER.match(word) or _YEAR.match(word):
                break
        right_word = left                   # the word this one would modify
        right_is_head = right_word == cand.first
        if not after_postposition and not _az_modifies(
                t, i, right_word, right_is_bare_head=right_is_head and not head_is_compound,
                right_possessive=head_is_compound if right_is_head else None, in_name=has_between and in_object):
            break
        left, after_postposition = i, False
        cand.modifiers.append(i)
        if word in NUMBER_WORDS["az"] or _NUMBER.match(word):
            cand.counted = cand.counted or right_word == cand.first
        i -= 1
    if participle is not None:
        left = participle
    cand.left = _past_brackets(t, left, cand.first)
    cand.modifiers = [i for i in cand.modifiers if i >= left]
    # "Rusiya ilə ... Bəyannamə" without "arasında" is "with Russia", not part of the name
    # ... but "Qida Təhlükəsizliyi Agentliyi ilə imzalanmış memorandum" names the other signatory
    withs = [i for i in range(left, cand.first) if t.low[i] == "ilə" and t.low[i + 1] not in _AZ_COMPOUND_POSTPOSITIONS
             and not AZ_SIGNING_PARTICIPLE.match(t.low[i + 1])]
    if withs and not any(t.low[i].startswith("arasında") for i in range(left, cand.first)):
        cut = max(withs) + 1
        cand.left = cut
        cand.modifiers = [i for i in cand.modifiers if i >= cut]


def _az_modifies(t: _Tokens, i: int, right: int, right_is_bare_head: bool, right_possessive: bool | None,
                 in_name: bool = False) -> bool:
    """Can word ``i`` modify word ``right`` inside one Azerbaijani noun phrase? Rules out subjects and
    other names standing before the phrase ("Putin və Əliyev Bəyannaməni", "İlham Əliyev Şuşa
    Bəyannaməsinin", "Tərəflər ... memorandumu"). ``right_possessive``: known for the type noun,
    guessed from the ending otherwise."""
    word, capital = t.low[i], t.is_capital(i)
    right_word = t.low[right]
    # a name of the shared vocabulary ending like a possessive is none ("Bakı", "Qəbələ")
    possessive = bool(AZ_POSSESSIVE.search(right_word)) and not is_concept_word(right_word) \
        if right_possessive is None else right_possessive
    right_marked = possessive or bool(AZ_GENITIVE.search(right_word))
    if _AZ_PLURAL_POSSESSIVE.search(word) and not right_marked:
        return False                        # "Federasiya Şurasının üzvləri | Moskva və Bakı arasında ...": a subject
    if word.endswith(("lar", "lər")):
        # a plural modifies only as the first part of a capitalised compound ("Millətlər Təşkilatı") or
        # as a subject word before a compound's head ("məsləhətləşmələr Proqramı"), not as a subject
        # ("Tərəflər ... memorandumu")
        return possessive and ((capital and t.is_capital(right)) or (not capital and _topic_concept(word)))
    if right_is_bare_head:
        # "Birgə Bəyanat": a title's capitalised modifier before a capitalised noun; not a subject
        # ("Putin və Əliyev Bəyannaməni")
        return not capital or word in NUMBER_WORDS["az"] or (t.is_capital(right) and _az_known_modifier(word))
    if capital and not right_marked:
        # "Rəşt-Astara dəmir yolu", "Dağlıq Qarabağ"; a signatory's name ("Federal Gömrük Xidməti")
        return (bool(AZ_ADJECTIVE_LIKE.search(word)) and t.is_capital(right)) or _az_known_modifier(word) or (
            in_name and t.is_capital(right))
    return True


_AZ_PLURAL_POSSESSIVE = re.compile(r"(?:lar|lər)[ıi]$")
_AZ_TITLE_MODIFIERS = frozenset("birgə anlaşma üçtərəfli ikitərəfli çoxtərəfli yekun çərçivə əlavə müstəqil".split())


def _az_known_modifier(word: str) -> bool:
    """A capitalised word that names a place, a topic or a document kind rather than a person."""
    if word in _AZ_TITLE_MODIFIERS:
        return True
    parts = word.split("-")
    if len(parts) > 1 and all(word_concept(p) in PARTIES for p in parts):
        return True                         # "Rusiya-Türkiyə monitorinq mərkəzi": Russian-Turkish
    return all((c := word_concept(p)) is not None and c not in PARTIES and c not in GENERIC for p in parts if p)


def _left_en(t: _Tokens, cand: _Candidate, bound: int) -> None:
    """English modifiers before the noun: proper names, years, counts and a closed list of adjectives.
    In a Title Case headline a capital marks no name: only known names count there."""
    headline = t.is_capital(cand.first) and _headline(t, cand.first)
    left = cand.first
    i = left - 1
    while i >= bound and cand.first - i < 12:
        word = t.low[i]
        if word == ")":
            opening = _years_in_brackets(t, i, bound, "en")
            if opening is None:
                break
            left, i = opening, opening - 1
            continue
        if word in ("and", ",", "&"):
            if i - 1 < bound or left == cand.first and word == ",":
                break
            i -= 1
            continue
        if not t.is_word(i) or word in EN_DETERMINERS or word in EN_STOP or word.endswith(("'s", "’s")):
            break
        first, date = t.date_to.get(i, (-1, None))
        if date is not None and first >= bound and (_states_day_or_month(date) or _written_year(date)):
            left = first                    # "the November 10 statement", "the 1997 Treaty": named by its date
            cand.dated = True
            i = first - 1
            continue
        if _YEAR.match(word):
            left = i                        # "the 1997 Treaty", "a 2023 agreement to ..."
            cand.dated = True
            i -= 1
            continue
        if _NUMBER.match(word) or word in NUMBER_WORDS["en"]:
            left = i
            cand.counted = cand.counted or i == cand.first - 1
            cand.approximate = i > 0 and t.low[i - 1] in APPROXIMATE_BEFORE["en"]
            break
        if word in EN_MODIFIERS or ("-" in word and all(word_concept(p) for p in word.split("-"))) or (
                t.is_capital(i) and (not headline or word_concept(word))) or _topic_concept(word):
            left = i
            cand.modifiers.append(i)
            i -= 1
            continue
        break
    cand.left = _past_brackets(t, left, cand.first)
    cand.modifiers = [i for i in cand.modifiers if i >= left]


def _quoted_title_after(t: _Tokens, cand: _Candidate, bound: int) -> tuple[int, int]:
    """A quoted title right after the type noun (en, ru) joins the name: (right edge, next token)."""
    right = cand.last
    i = right + 1
    if i <= bound and t.low[i] in QUOTES_OPEN:
        closing = _take_quoted(t, cand, i, bound)
        if closing is not None:
            cand.quoted = True
            return closing, closing + 1
    return right, i


def _take_quoted(t: _Tokens, cand: _Candidate, i: int, bound: int) -> int | None:
    """The quote that opens at token ``i`` and closes within ``bound``: its words join the name.
    Returns the closing token (None: no closing quote)."""
    closing = _closing_quote(t, i, bound)
    if closing is not None:
        cand.name.extend(range(i + 1, closing))
    return closing


def _right_en(t: _Tokens, cand: _Candidate, bound: int) -> None:
    """English names after the noun: a quoted title and chained prepositional phrases."""
    right, i = _quoted_title_after(t, cand, bound)
    first_phrase = True
    while i <= bound:
        prep = t.low[i]
        if prep in _PERIOD_PREPOSITIONS and cand.head.doc_type in _PERIOD_TYPES and i + 1 <= bound \
                and _YEAR_SPAN.match(t.low[i + 1]):
            # "programme for 2024-2026", "action plan until 2024": the period names the document
            right = i + 1
            while right + 2 <= bound and t.low[right + 1] in ("-", "–", "—") and _YEAR.match(t.low[right + 2]):
                right += 2
            cand.name.append(i + 1)
            i = right + 1
            first_phrase = False
            continue
        if prep == "with" and _capitalised_run(t, i + 1, bound):
            # "agreement with Azerbaijan on ...": the other party belongs to the name
            end = _capitalised_run(t, i + 1, bound)
            cand.name.extend(range(i + 1, end + 1))
            right, i = end, end + 1
            continue
        allowed = prep in EN_NAME_PREPOSITIONS or (
            prep == "by" and first_phrase and cand.head.doc_type in ("statement", "declaration"))
        if not allowed or i + 1 > bound:
            break
        nxt = t.low[i + 1]
        if prep in ("on", "of", "for") and (i + 1 in t.date_from or _YEAR.match(nxt)):
            break                           # "the statement of November 10": the date is not its name
        if prep == "to" and (nxt in EN_DETERMINERS or not t.is_word(i + 1) or nxt[0].isdigit()):
            break
        end = _en_noun_phrase(t, i + 1, bound, cand)
        if end is None:
            break
        right, i, first_phrase = end, end + 1, False
    cand.right = right
    # "the agreements reached by the leaders of Azerbaijan, Russia and Armenia", "the deal signed in
    # Baku": who signed it, where or when identifies it (kept out of the span, like the gold's)
    if i + 1 <= bound and t.low[i] in _EN_SIGNED_PARTICIPLES and t.low[i + 1] in _EN_CLAUSE_PREPOSITIONS:
        for j in range(i + 2, min(bound, i + 14) + 1):
            if not t.is_word(j) and t.low[j] not in ("-", "–"):
                break
            if t.is_capital(j) or t.low[j][0].isdigit():
                cand.clause = True
                break


def _capitalised_run(t: _Tokens, i: int, bound: int) -> int | None:
    """Last token of a run of capitalised words (a party: "Azerbaijan", "«Газпромом»") starting at i."""
    end = None
    j = i
    while j <= bound and j - i < 5:
        if t.low[j] in QUOTES_OPEN or t.low[j] in QUOTES_CLOSE:
            j += 1
            continue
        if not (t.is_word(j) and t.is_capital(j)):
            break
        end = j
        j += 1
    if end is not None and end + 1 <= bound and t.low[end + 1] in QUOTES_CLOSE:
        end += 1
    return end


def _en_noun_phrase(t: _Tokens, i: int, bound: int, cand: _Candidate) -> int | None:
    last = None
    seen_and = False
    conjunction: int | None = None
    j = i
    while j <= bound and j - i < 20:
        word = t.low[j]
        if word in QUOTES_OPEN:
            closing = _take_quoted(t, cand, j, bound)
            if closing is None:
                break
            last, j = closing, closing + 1
            continue
        if word == "(":
            closing = next((k for k in range(j + 1, min(bound, j + 8) + 1) if t.low[k] == ")"), None)
            if closing is None:
                break
            last, j = closing, closing + 1
            continue
        if word == ",":
            if seen_and or j + 1 > bound or not t.is_word(j + 1) or t.low[j + 1] in EN_STOP \
                    or _en_is_verb(t, j + 1):
                break
            j += 1
            continue
        if word in ("and", "&", "-", "–"):
            parties = not seen_and and _in_between_phrase(t, j)          # "between X and the Y"
            if word in ("and", "&") and last is not None and j + 1 <= bound and (
                    (t.low[j + 1] in ("the", "a", "an") and not parties) or _en_is_verb(t, j + 1)):
                break                       # "... Mutual Security and the Joint Statement", "... and discussed"
            seen_and = seen_and or word != "-"
            if word != "-":
                conjunction = j
            j += 1
            continue
        if not t.is_word(j):
            break
        if word in ("the", "a", "an"):
            j += 1
            continue
        if word == "in" and j + 2 <= bound and t.low[j + 1] == "the" and t.low[j + 2] in _EN_IN_FIELD:
            last = j + 2                    # "... in the field of energy": the "of" phrase follows
            j += 3
            continue
        if word == "in" and j + 1 <= bound and last is not None \
                and (not t.is_capital(j + 1) or t.is_capital(last)) and _topic_concept(t.low[j + 1]):
            j += 1      # "cooperation in education", "Legal Assistance in Civil Matters" (not "... in Baku")
            continue
        if word == "in" and j + 2 <= bound and last is not None and t.low[j + 1] == "the" \
                and word_concept(t.low[j + 2]) in _REGIONS:
            j += 2                          # "security cooperation in the Caspian Sea"
            continue
        if word in EN_STOP or word in EN_NAME_PREPOSITIONS:
            break
        if _stops_name(t, j, "en"):
            break
        if last is not None and _en_is_verb(t, j) and word_concept(word) is None and not word.endswith("eed") \
                and (j + 1 > bound or not t.is_word(j + 1) or t.low[j + 1] in EN_STOP):
            break       # "... of Double Taxation entered into force": the clause's verb, not a word of the name
        cand.name.append(j)
        last = j
        j += 1
    # "... of Friendship and Joint Statement": the words after "and" are the next mention's
    if conjunction is not None and last is not None and last > conjunction and _head_starts_at(t, j, "en"):
        cand.name[:] = [k for k in cand.name if k < conjunction]
        last = max((k for k in cand.name if i <= k < conjunction), default=None)
    return last


def _in_between_phrase(t: _Tokens, j: int) -> bool:
    """Is token ``j`` inside a "between ..." phrase that has no "and" yet?"""
    for k in range(j - 1, max(-1, j - 10), -1):
        if t.low[k] in ("between", "among"):
            return True
        if t.low[k] in ("and", "&") or not (t.is_word(k) or t.low[k] in ("'", "’", "-")):
            return False
    return False


# Lower-case English words in -ed that are names' adjectives, not verbs.
_EN_ED_ADJECTIVES = frozenset("allied united related advanced combined liquefied integrated specialized specialised "
                              "unified armed organized organised coordinated".split())


def _en_is_verb(t: _Tokens, i: int) -> bool:
    """A lower-case past form ("discussed", "scheduled") starting a clause after "and" or a comma."""
    word = t.low[i]
    return word.endswith("ed") and len(word) > 4 and not t.is_capital(i) and word not in _EN_ED_ADJECTIVES \
        and word not in EN_MODIFIERS


def _topic_concept(word: str) -> bool:
    """Does the word name a subject of cooperation (education, energy ...), not a party or a place?"""
    concept = word_concept(word)
    return concept is not None and concept not in PARTIES and concept not in _PLACE_CONCEPTS


# Seas and regions a document's subject may be set in ("in the Caspian Sea", "в Нагорном Карабахе").
_REGIONS = frozenset({"CASPIAN", "KARABAKH"})
_PLACE_CONCEPTS = frozenset({"MOSCOW", "BAKU", "SOCHI", "SHUSHA", "ALMATY", "HELSINKI", "AKTAU", "BISHKEK", "MEIENDORF",
                             "TEHRAN",
                             "GABALA", "SAMUR", "RASHT", "ASTARA", "CASPIAN", "KARABAKH", "NORTH", "SOUTH", "UN", "CIS",
                             "OSCE", "SOCAR", "GAZPROM"})


def _left_ru(t: _Tokens, cand: _Candidate, bound: int) -> None:
    """Russian modifiers before the noun: agreeing adjectives ("трехсторонних", "Московская"),
    "проект" (draft) and counts."""
    left = cand.first
    i = left - 1
    while i >= bound and cand.first - i < 14:
        word = t.low[i]
        if word in (",", "и") and left != cand.first and i - 1 >= bound and (
                _RU_ADJECTIVE.search(t.low[i - 1]) or t.low[i - 1] == ")"):
            i -= 1
            continue
        if word == ")":
            opening = _years_in_brackets(t, i, bound, "ru")      # "Бакинская (2001 и 2008) и Московская (2008)"
            if opening is None:
                break
            left, i = opening, opening - 1
            continue
        if not t.is_word(i) or word in RU_STOP:
            break
        if word in _RU_DRAFT:
            left = i
            i -= 1
            continue
        if _NUMBER.match(word) and i - 1 >= 0 and is_provision_word(t.low[i - 1], "ru"):
            cand.paragraph = True           # "Пункт 11 Декларации": a provision of one document
            break
        if _NUMBER.match(word) or word in NUMBER_WORDS["ru"]:
            left = i
            cand.counted = cand.counted or i == cand.first - 1
            cand.approximate = i > 0 and t.low[i - 1] in APPROXIMATE_BEFORE["ru"]
            break
        if _RU_ADJECTIVE.search(word) and len(word) > 3 and not word.endswith(_RU_VERBAL_NOUN):
            left = i
            cand.modifiers.append(i)
            i -= 1
            continue
        break
    cand.left = _past_brackets(t, left, cand.first)
    cand.modifiers = [i for i in cand.modifiers if i >= left]


def _right_ru(t: _Tokens, cand: _Candidate, bound: int) -> None:
    """Russian names after the noun: quoted title, "(…)" aside, genitive complement, о/между/по phrases."""
    right, i = _quoted_title_after(t, cand, bound)
    if i <= bound and t.low[i] == "(":
        closing = next((k for k in range(i + 1, min(bound, i + 10) + 1) if t.low[k] == ")"), None)
        if closing is not None:
            right, i = closing, closing + 1
    # named by its year: "Договор 1997 года"
    if i + 1 <= bound and _YEAR.match(t.low[i]) and t.low[i + 1] in ("года", "г"):
        cand.dated = True
        right, i = i + 1, i + 2
    # genitive complement: "Заявление глав государств", "Устав ООН", "Контракт века"
    if i <= bound and t.is_word(i) and (t.low[i].startswith(_RU_GENITIVE_COMPLEMENTS) or (
            t.is_capital(i) and t.low[i] not in RU_STOP and not t.sentence_initial(i))):
        end = _ru_noun_phrase(t, i, bound, cand)
        if end is not None:
            right, i = end, end + 1
    elif i <= bound and t.is_word(i):
        # a topical genitive: "Программа (долгосрочного) экономического сотрудничества", "Договор дружбы"
        j = i
        while j <= bound and j - i < 3 and _RU_GENITIVE_ADJECTIVE.search(t.low[j]) and t.is_word(j):
            j += 1
        if j <= bound and t.is_word(j) and t.low[j] not in RU_STOP and not _ru_is_verb(t.low[j]) \
                and not match_head(t.low, j, "ru") and any(_topic_concept(t.low[k]) for k in range(i, j + 1)):
            cand.name.extend(range(i, j + 1))
            right, i = j, j + 1
    while i <= bound:
        prep = t.low[i]
        if prep == "в" and i + 1 <= bound and t.low[i + 1] in _RU_IN_FIELD:
            start = i + 1
        elif prep in ("с", "со") and _capitalised_run(t, i + 1, bound):
            end = _capitalised_run(t, i + 1, bound)   # "соглашение с Азербайджаном о ..."
            cand.name.extend(range(i + 1, end + 1))
            right, i = end, end + 1
            continue
        elif prep in RU_NAME_PREPOSITIONS or (prep == "на" and cand.head.doc_type == "contract"):
            start = i + 1                   # "контракт на поставку газа"
        elif prep in ("до", "на") and i + 1 <= bound and _YEAR_SPAN.match(t.low[i + 1]):
            # "План действий до 2024 года", "Программа на 2024-2026 годы": the period names it
            right = i + 1
            while right + 2 <= bound and t.low[right + 1] in ("-", "–", "—") and _YEAR.match(t.low[right + 2]):
                right += 2
            if right + 1 <= bound and t.low[right + 1] in ("года", "годы", "годов", "г"):
                right += 1
            cand.name.append(i + 1)
            i = right + 1
            continue
        else:
            break
        if start > bound:
            break
        end = _ru_noun_phrase(t, start, bound, cand)
        if end is None:
            break
        right, i = end, end + 1
    cand.right = right


def _ru_noun_phrase(t: _Tokens, i: int, bound: int, cand: _Candidate) -> int | None:
    last = None
    seen_and = False
    conjunction: int | None = None
    j = i
    while j <= bound and j - i < 18:
        word = t.low[j]
        if word in QUOTES_OPEN:
            closing = _take_quoted(t, cand, j, bound)
            if closing is None:
                break
            last, j = closing, closing + 1
            continue
        if word == ",":
            if seen_and or j + 1 > bound or not t.is_word(j + 1) or t.low[j + 1] in RU_STOP \
                    or (not t.is_capital(j + 1) and (_ru_is_verb(t.low[j + 1]) or _ru_is_participle(t.low[j + 1]))):
                break                       # "Декларации о ..., подписанной 22 февраля": a participle clause
            j += 1
            continue
        if word in ("и", "-", "–", "—") and last is not None:
            seen_and = seen_and or word == "и"
            if word == "и":
                conjunction = j
            j += 1
            continue
        if not t.is_word(j) or word in RU_STOP or (word in RU_NAME_PREPOSITIONS and word != "по"):
            break
        if word in ("в", "на", "с", "со", "для", "при", "после", "от", "за", "к", "у", "из", "до", "во", "по"):
            if word == "в" and j + 2 <= bound and _RU_ADJECTIVE.search(t.low[j + 1]) and t.low[j + 2] in _RU_IN_FIELD:
                j += 1                      # "в таможенной сфере"
                continue
            if word == "в" and j + 3 <= bound and t.low[j + 1] == "связи" and t.low[j + 2] in ("с", "со") \
                    and last is not None:
                j += 3                      # "Заявление в связи с 30-летием ...": what it marks names it
                continue
            if not (word == "в" and j + 1 <= bound and t.low[j + 1] in _RU_IN_FIELD) and not (
                    word in ("до", "на") and j + 1 <= bound and _YEAR_SPAN.match(t.low[j + 1])) and not (
                    word in ("в", "на") and j + 1 <= bound and word_concept(t.low[j + 1]) in _REGIONS):
                break                       # ... except "в области", "на 2025-2027 годы", "на Каспийском море"
            j += 1
            continue
        if not t.is_capital(j) and _ru_is_verb(word):
            break
        if _stops_name(t, j, "ru"):
            break
        if (word[0].isdigit() and not _RU_ANNIVERSARY.match(word)) or (not word.isalpha() and "-" not in word):
            break                           # a date or number after the name: "... взаимодействии 22 февраля"
        cand.name.append(j)
        last = j
        j += 1
    # "Договором о дружбе и Совместным заявлением": the words after "и" are the next mention's
    if conjunction is not None and last is not None and last > conjunction and _head_starts_at(t, j, "ru"):
        cand.name[:] = [k for k in cand.name if k < conjunction]
        last = max((k for k in cand.name if i <= k < conjunction), default=None)
    return last


_RU_ANNIVERSARY = re.compile(r"^\d+-лет(?:и|н)")      # "по случаю 30-летия ...": part of a statement's name
# "выполнение", "подписание", "развитие": nouns, though they end like plural adjectives ("трехсторонние")
_RU_VERBAL_NOUN = ("ание", "ение", "тие", "яние")
_RU_GENITIVE_ADJECTIVE = re.compile(r"(?:ого|его|ой|ей|ых|их)$")
_RU_PARTICIPLE = re.compile(r"(?:нн|вш|ющ|ящ|ущ|ащ)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ому|ему|ым|им|ом|ем|ую|юю|ых|их|"
                            r"ыми|ими)$")


def _ru_is_participle(word: str) -> bool:
    return bool(_RU_PARTICIPLE.search(word)) or bool(SIGNING["ru"].match(word))


@lru_cache(maxsize=16384)
def _ru_is_verb(word: str) -> bool:
    """A finite verb or short participle (once per word: the walks ask about the same words often)."""
    return len(word) > 4 and word not in _RU_VERB_NOUNS and not _RU_ADJECTIVE.search(word) \
        and bool(_RU_VERB.search(word))


# ---------------------------------------------------------------------------------------------------
# Nested documents: "Protocol amending the Agreement on ...", "...Sazişə dəyişikliklər edilməsi barədə Protokol"
# ---------------------------------------------------------------------------------------------------

def _nest(t: _Tokens, lang: str, candidates: list[_Candidate]) -> None:
    """A protocol that amends (or is attached to) a document names that document inside its own name:
    the protocol's mention takes the whole name and the document keeps its own, nested, mention."""
    for index, cand in enumerate(candidates):
        if cand.head.doc_type != "protocol" or cand.head.plural:
            continue
        if lang == "az":
            if index == 0:
                continue
            inner = candidates[index - 1]
            gap = t.low[inner.last + 1:cand.first]
            if inner.head.plural or not gap or len(gap) > 6 or not all(w in AMENDING_GAP["az"] for w in gap):
                continue
            cand.left = inner.left
        else:
            if index + 1 == len(candidates):
                continue
            inner = candidates[index + 1]
            gap = t.low[cand.last + 1:inner.first]
            attached = gap in (["to"], ["to", "the"], ["к"])       # "Protocol to the Convention", "Протокол к Договору"
            if inner.head.plural or not gap or len(gap) > 6 or inner.left != inner.first \
                    or not all(w in AMENDING_GAP[lang] for w in gap) \
                    or not (attached or any(w.startswith(AMENDING_WORDS[lang]) for w in gap)):
                continue
            cand.right = max(cand.right, inner.right)
        cand.inner = inner
        cand.modifiers = []
        cand.name = [i for i in range(cand.left, cand.right + 1)
                     if not (cand.first <= i <= cand.last or inner.first <= i <= inner.last)]


# ---------------------------------------------------------------------------------------------------
# Deciding which candidates are mentions
# ---------------------------------------------------------------------------------------------------

def _describe(t: _Tokens, lang: str, cand: _Candidate) -> None:
    """Name key, type, determiner of one candidate."""
    inner = cand.inner
    words = [t.low[i] for i in range(cand.left, cand.right + 1) if not (cand.first <= i <= cand.last) and not (
        inner is not None and inner.first <= i <= inner.last)]
    dates = _date_after(t, lang, cand) if not cand.head.plural else []     # several dates name a set, not one
    key = name_key([w for w in words if w[0].isalnum()] + dates, lang)
    cand.key = key if key.concepts or key.parties else None
    cand.doc_type, cand.type_certain = _resolve_type(
        cand, lang, words, title_case=t.is_capital(cand.first) and not t.sentence_initial(cand.first))
    cand.dated = cand.dated or _dated_nearby(t, cand)
    cand.paragraph = cand.paragraph or _cites_paragraph(t, lang, cand)
    if lang == "az":
        cand.approximate = cand.approximate or _az_estimate(t, cand)
    j = cand.left - 1
    if j >= 0 and t.is_word(j):
        cand.determiner = t.low[j]


def _date_after(t: _Tokens, lang: str, cand: _Candidate) -> list[str]:
    """The date right after the mention that names the document, outside its span ("the statement of
    January 11, 2021", "Заявление от 10 ноября 2020 года"): its day, month and year words."""
    i = cand.right + 1
    last, date = t.date_from.get(i + 1, (-1, None))
    if date is None or t.low[i] not in DATE_INTRODUCERS[lang]:
        return []
    # only a day with its month, or a year, names it ("of 2021"); a lone number does not
    if not (_states_day_or_month(date) or _written_year(date)):
        return []
    return [w for w in t.low[i + 1:last + 1] if w[0].isdigit() or month_number(w) is not None]


def _resolve_type(cand: _Candidate, lang: str, words: list[str], title_case: bool = False) -> tuple[str, bool]:
    """The type, and whether the words say it: müqavilə and договор are a treaty, an agreement or a
    contract depending on the name. Within a sentence, Azerbaijani writes a treaty's title with a
    capital ("1997-ci il Müqaviləsi", "... haqqında Müqavilə") and an ordinary agreement or contract in
    lower case; that guess gives way to the type of the document the mention is linked to."""
    if cand.head.lexeme not in ("müqavilə", "договор"):
        return cand.head.doc_type, True
    if any(w.startswith(CONTRACT_WORDS[lang]) for w in words):
        return "contract", True
    if any(w.startswith(TREATY_WORDS[lang]) for w in words) or cand.head.lexeme == "договор":
        return "treaty", True
    return ("treaty" if title_case else "agreement"), False


def _matches(words: frozenset[str] | tuple[str, ...], word: str) -> bool:
    """Is ``word`` in a word list (a set of words, or a tuple of Russian stems)?"""
    return word.startswith(words) if isinstance(words, tuple) else word in words


def _modifier_strength(t: _Tokens, lang: str, cand: _Candidate) -> str:
    """'none', 'blocking' (international / other ...), 'soft' (new / draft / signed ...) or 'named'."""
    words = [t.low[i] for i in cand.modifiers]
    if not words:
        return "none"
    content = [w for w in words if not _matches(BLOCKING_MODIFIERS[lang], w)]
    if not content:
        return "blocking"
    if all(_matches(SOFT_MODIFIERS[lang], w) for w in content):
        return "soft"
    return "named"


def _decide(t: _Tokens, lang: str, candidates: list[_Candidate]) -> None:
    bare: list[_Candidate] = []
    for cand in candidates:
        if cand.inner is not None:
            cand.reason = "named"           # "Protocol amending the Agreement on ...": it names its document
            continue
        if _wrong_sense(t, lang, cand):
            continue
        if cand.approximate:
            continue
        strength = _modifier_strength(t, lang, cand)
        has_name = bool(cand.name) or cand.quoted or cand.clause
        if (cand.head.plural or cand.head.lexeme in RESTRICTED) and any(
                t.low[i] in UNIVERSAL[lang] for i in (cand.left, cand.last + 1, cand.last + 2) if i <= cand.right):
            continue                        # "договоренности по всем ключевым направлениям" (where the name starts)
        if strength == "blocking" and (cand.head.plural or not has_name):
            continue                        # "international treaties (on human rights)", "other agreements"
        restricted = cand.head.lexeme in RESTRICTED
        if restricted and not _restricted_ok(t, lang, cand, strength, has_name):
            if _may_corefer(t, lang, cand) or _headline_reference(t, lang, cand):
                bare.append(cand)
            continue
        if has_name or strength == "named" or cand.dated:
            cand.reason = "named"
        elif cand.counted:
            cand.reason = "counted"
        elif restricted:
            if _near_signing(t, lang, cand):
                cand.reason = "signed"      # "the deal was signed by ..."
        elif t.is_capital(cand.first) and not t.sentence_initial(cand.left) and not _headline(t, cand.first):
            cand.reason = "title"           # "Bəyannamə", "Декларация", "the Agreement" mid-sentence: a title
        elif _near_signing(t, lang, cand):
            cand.reason = "signed"
        else:
            bare.append(cand)
    accepted = [c for c in candidates if c.reason]
    for cand in bare:
        # a short mention refers to a document mentioned elsewhere in the article; a restricted
        # noun ("the deal", "the statement") needs one of its own type
        referents = [other for other in accepted if (other.doc_type == cand.doc_type if cand.head.lexeme in
                                                     RESTRICTED else other.family == cand.family)]
        if cand.head.lexeme == "plan":
            referents = [other for other in referents if other.first < cand.first]   # "plan" only looks back
        if cand.initial:
            referents = [other for other in referents if other.first < cand.first
                         and other.head.lexeme == cand.head.lexeme]
        if referents:
            cand.reason = "antecedent"
            if cand.head.lexeme in _AMBIGUOUS_LEXEMES:
                # a bare "müqavilə" / "договор" is whatever the document it refers to is
                earlier = [c for c in referents if c.first < cand.first] or referents
                chosen = earlier[-1] if earlier is not referents else referents[0]
                cand.doc_type, cand.type_certain = chosen.doc_type, chosen.type_certain


_AMBIGUOUS_LEXEMES = frozenset({"müqavilə", "договор"})
def _headline_reference(t: _Tokens, lang: str, cand: _Candidate) -> bool:
    """A bare noun in the article's first line, its headline ("Война закончилась заявлением"), names the
    document the article is about, when the article names one of its type; not "with a statement"
    ("выступил с заявлением"), which is a press statement."""
    newline = t.text.find("\n")
    if lang == "en" or cand.head.plural or (0 <= newline < t.starts[cand.first]):
        return False
    prev = t.low[cand.left - 1] if cand.left > 0 else ""
    nxt = t.low[cand.right + 1] if cand.right + 1 < len(t.low) else "\n"
    # the noun ends the headline: nothing says whose statement it is ("заявление МИД" would)
    return prev not in ("с", "со", "в", "во", "ilə") and (nxt in SENTENCE_END or not nxt[:1].isalnum())


def _wrong_sense(t: _Tokens, lang: str, cand: _Candidate) -> bool:
    """Consent, ceremony and verb senses of type-noun words."""
    lexeme = cand.head.lexeme
    prev = t.low[cand.first - 1] if cand.first > 0 else ""
    nxt = t.low[cand.last + 1] if cand.last + 1 < len(t.low) else ""
    if lang == "en":
        if lexeme in ("agreement", "accord") and (prev in EN_CONSENT_BEFORE or nxt == "that") and not cand.modifiers:
            return True                     # "in agreement with", "by mutual agreement", "agreement that ..."
        if lexeme == "accord" and (nxt in ("with",) or prev in ("own",)):
            return True
        if lexeme == "deal" and (nxt in EN_DEAL_NOT_NOUN_AFTER or prev in EN_DEAL_NOT_NOUN_BEFORE
                                 or prev in ("will", "would", "can", "could", "must", "should", "to")):
            return True
        if lexeme in ("contract", "program", "charter") and prev in ("to", "will", "would", "can", "could"):
            return True
    if lang == "ru" and lexeme == "соглашение" and prev == "по" and nxt.startswith("сторон"):
        return True
    if lexeme in CONSENT_LEXEMES and not cand.head.plural and _consent_not_document(t, lang, cand):
        return True
    # an organisation named after a document: "Collective Security Treaty Organization", "Организация
    # Договора о коллективной безопасности", "Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatı"
    if (prev if lang == "ru" else nxt).startswith(ORGANISATION_WORDS[lang]):
        return True
    if cand.doc_type == "declaration" and any(t.low[i].startswith(DECLARATION_NOT_DOCUMENT[lang]) for i in range(
            max(0, cand.first - 2), min(len(t.low), cand.last + 3))):
        return True                         # customs / tax / income declarations are forms
    if lexeme in ("protocol", "протокол", "protokol"):
        around = " ".join(t.low[max(0, cand.first - 2):cand.last + 3])
        if any(w in around for w in PROTOCOL_CEREMONY[lang]) or prev in PROTOCOL_NOT_AFTER[lang]:
            return True
    if lexeme in ("program", "программа", "proqram"):
        around = " ".join(t.low[max(0, cand.left - 2):min(len(t.low), cand.right + 4)])
        if any(w in around for w in PROGRAM_NOT_DOCUMENT[lang]):
            return True
        if any(t.low[i] in PROGRAM_AGENCIES[lang] for i in range(max(0, cand.first - 3), cand.first)):
            return True                     # "United Nations Development Programme", "World Food Programme"
    return False


def _consent_not_document(t: _Tokens, lang: str, cand: _Candidate) -> bool:
    """A consent noun that is a clause or a goal, not a document: "договоренность о том, что ...",
    "достижение ... договоренности о запуске процесса", "razılaşmanın əldə olunması"."""
    after = tuple(t.low[cand.last + 1:cand.last + 3])
    if any(after[:len(clause)] == clause for clause in CONSENT_CLAUSE[lang]):
        return True
    if any(after[:len(goal)] == goal for goal in GOAL_AFTER[lang]):
        return True
    for k in range(cand.left - 1, max(-1, cand.left - 8), -1):
        word = t.low[k]
        if word in SENTENCE_END or word in (",", ":"):
            break
        if word.startswith(GOAL_BEFORE[lang]):
            return True
    return False


def _restricted_ok(t: _Tokens, lang: str, cand: _Candidate, strength: str, has_name: bool) -> bool:
    """Statement, programme, protocol, deal, charter ... count only when something marks the document."""
    lexeme = cand.head.lexeme
    mods = [t.low[i] for i in cand.modifiers]
    name_words = [t.low[i] for i in cand.name]
    capital_title = t.is_capital(cand.first) and not t.sentence_initial(cand.left)
    if lexeme in ("statement", "заявление", "bəyanat", "communiqué", "коммюнике", "kommünike", "kommunike"):
        if any(w.startswith(STATEMENT_QUALIFIERS[lang]) for w in mods):
            return True
        if cand.key is not None and cand.key.concepts & _STATEMENT_TOPICS and not cand.head.plural:
            return True                     # "заявление о прекращении огня": what a signed statement is about
        if any(t.is_capital(i) and word_concept(t.low[i]) in _SUMMIT_PLACES for i in cand.modifiers) \
                and not cand.head.plural:
            return True                     # "the Sochi statement", "Сочинское заявление", "Soçi Bəyanatı"
        if _near_signing(t, lang, cand, SIGNED[lang]):
            return True                     # a statement that is signed is a document, not a press release
        # date-named: "the November 10 statement", "Заявление от 10 ноября", "10 noyabr bəyanatı"
        if cand.dated and not cand.head.plural:
            return True
        if any(w.startswith(STATEMENT_LEADERS[lang]) for w in mods + name_words) and cand.key is not None \
                and len(cand.key.parties) >= 2:
            return True                     # "заявлений лидеров России, Азербайджана и Армении"
        return any(w.startswith(STATEMENT_QUALIFIERS[lang] + STATEMENT_LEADERS[lang])
                   for w in name_words) and capital_title
    if lexeme in ("program", "программа", "proqram"):
        key = cand.key
        topical = key is not None and bool(key.concepts & {"COOP", "ECONOMIC", "DEVELOP", "STATE", "TRADE",
                                                          "INVESTMENT", "ACTION", "ENERGY", "MILITARY", "CONSULT"})
        return topical and (has_name or strength == "named" or capital_title)
    if lexeme in ("protocol", "протокол", "protokol"):
        return has_name or strength == "named" or capital_title or _near_signing(t, lang, cand)
    if lexeme in ("deal", "accord"):
        return strength == "named" or has_name or (cand.determiner == "the" and _near_signing(t, lang, cand))
    if lexeme in ("charter", "устав", "nizamnamə", "xartiya", "хартия"):
        words = mods + name_words
        return any(w.startswith(CHARTER_ORGS[lang]) for w in words) or (
            capital_title and (has_name or strength == "named"))
    if lexeme in ("razılaşma", "договорённость"):
        return strength == "named" or has_name or cand.counted
    if lexeme == "iş planı":
        # "... üzrə iş planı", "2025-2026-cı illər üçün tədbirlər planı": a work plan named by its subject or
        # period; not "şirkətin iş planı"
        return any(t.low[k] in AZ_POSTPOSITIONS or _AZ_PERIOD.match(t.low[k]) for k in range(cand.left, cand.first))
    if lexeme == "plan":
        # a plan is a document only as a title with a name: "the Plan of Consultations between the
        # Foreign Ministries", "План мероприятий на 2025 год"; or named by its kind and its parties or
        # period ("план межмидовских консультаций между ... на 2023–2024 годы"); a bare one only repeats
        # one named nearby
        if capital_title and has_name:
            return True
        if lang == "az":    # the name stands before: "2025-2026-cı illər üçün XİN-lər arasında məsləhətləşmələr planı"
            before = t.low[cand.left:cand.first]
            return bool(before) and before[-1].startswith(PLAN_KINDS[lang]) and any(
                _AZ_PERIOD.match(w) or w in BETWEEN[lang] for w in before)
        span = t.low[cand.last + 1:cand.right + 1]
        return any(w.startswith(PLAN_KINDS[lang]) for w in name_words[:3]) and (
            any(_YEAR_SPAN.match(w) for w in span) or any(w in BETWEEN[lang] for w in span))
    return has_name or strength == "named"


def _az_estimate(t: _Tokens, cand: _Candidate) -> bool:
    """"300-dən çox saziş", "20-yə yaxın saziş", "təxminən 20 saziş": an estimate of how many documents
    there are, not a set of them."""
    i = cand.left - 1
    if i >= 1 and t.low[i] in APPROXIMATE_AFTER["az"] and (t.low[i - 1][:1].isdigit() or any(
            t.low[i - 1].startswith(w) for w in NUMBER_WORDS["az"])):
        return True
    return any(t.low[k] in APPROXIMATE_BEFORE["az"] for k in range(max(0, cand.left - 1), cand.first))


def _cites_paragraph(t: _Tokens, lang: str, cand: _Candidate) -> bool:
    """Is a numbered provision of the document cited ("Bəyanatın 4-cü bəndinə", "paragraph 9 of the
    statement")? Such a noun names one particular document."""
    n = len(t.low)
    if lang == "az":
        j = cand.right + 1
        return j + 1 < n and bool(_AZ_ORDINAL.match(t.low[j]) or _NUMBER.match(t.low[j])) \
            and is_provision_word(t.low[j + 1], "az")
    if lang == "en":
        j = cand.left - 1
        if j >= 0 and t.low[j] in EN_DETERMINERS:
            j -= 1
        return j >= 2 and t.low[j] == "of" and _NUMBER.match(t.low[j - 1]) is not None \
            and is_provision_word(t.low[j - 2], "en")
    return False


def _headline(t: _Tokens, i: int) -> bool:
    """Is token ``i`` on a line in Title Case ("Russia, Azerbaijan Discuss Agreement"), where capitals
    say nothing about titles?"""
    return _title_case_lines(t)[i]


# The answer of _headline for every token of the last tokens seen by this thread: computed once per
# article in one pass, not by rescanning the line for each candidate (a line of 16,000 type nouns
# took minutes). One entry per thread, so that threads extracting at once do not share it.
_TITLE_CASE = threading.local()


def _title_case_lines(t: _Tokens) -> list[bool]:
    cached = getattr(_TITLE_CASE, "entry", None)
    if cached is not None and cached[0] is t:
        return cached[1]
    answers: list[bool] = []
    line_start = 0
    for end in [j for j, w in enumerate(t.low) if w in ("\n", "\x00")] + [len(t.low)]:
        # a line is the tokens between two breaks; a break token counts with the line it ends
        words = [j for j in range(line_start, end) if len(t.low[j]) > 3 and t.low[j][0].isalpha()]
        title = len(words) >= 3 and sum(t.is_capital(j) for j in words) >= 0.6 * len(words)
        answers += [title] * (end - line_start)
        if end < len(t.low):
            answers.append(False)
        line_start = end + 1
    _TITLE_CASE.entry = (t, answers)
    return answers


def _dated_nearby(t: _Tokens, cand: _Candidate) -> bool:
    """A day and month right before or after the noun ("10 noyabr bəyanatı", "заявление от 10 ноября")."""
    window = set(cand.modifiers) | set(range(cand.last + 1, cand.last + 4))
    return any(_states_day_or_month(date) and not window.isdisjoint(range(first, last + 1))
               for first, (last, date) in t.date_from.items() if first <= cand.last + 3 and last >= cand.left)


def _may_corefer(t: _Tokens, lang: str, cand: _Candidate) -> bool:
    """A restricted noun may still refer back to a named one of its kind when it is definite
    ("the deal", "this statement", "bu bəyanat", "данное заявление") or a provision of it is cited;
    not a statement its issuer names ("the Kremlin statement", "statement by the Foreign Ministry")."""
    if cand.paragraph:
        return True
    if cand.head.lexeme in ("statement", "заявление", "bəyanat") and cand.key is not None and (
            cand.key.parties or cand.key.concepts & _ISSUERS):
        return False
    if cand.head.lexeme in ("program", "программа", "proqram", "protocol", "протокол", "protokol"):
        return False
    if cand.head.lexeme == "plan":
        # "the plan that expired in 2024", "Планом предусмотрено"; not "the plan to build ..." nor a
        # plan of something ("план строительства")
        nxt = t.low[cand.right + 1] if cand.right + 1 < len(t.low) else ""
        if cand.head.plural or cand.name or nxt in ("to", "for", "of") or (lang == "ru" and nxt in ("по",)):
            return False
    if lang == "en":
        return cand.determiner in ("the", "this", "that")
    # Azerbaijani and Russian capitalise a document's short title mid-sentence ("Bəyanatın 9-cu bəndi");
    # at the start of a sentence the capital says nothing: such a noun repeats one named before it
    # ("... Razılaşma bağlanmışdır. Razılaşma 2002-ci ildə qüvvəyə minib")
    if not t.is_capital(cand.first) or cand.head.plural:
        return False
    cand.initial = t.sentence_initial(cand.left)
    return True


# Subjects of the statements leaders sign, unlike the statements ministries issue.
_STATEMENT_TOPICS = frozenset({"CEASEFIRE", "PRIORITY", "ALLY", "DELIMIT"})
# Who issues press statements: "the Foreign Ministry statement", "заявление МИД", "XİN-in bəyanatı".
_ISSUERS = frozenset({"FOREIGN", "MINISTER", "AGENCY"})
# Cities whose name names a summit statement.
_SUMMIT_PLACES = frozenset({"MOSCOW", "BAKU", "SOCHI", "SHUSHA", "ALMATY", "HELSINKI", "AKTAU", "BISHKEK", "MEIENDORF",
                            "TEHRAN"})
def _near_signing(t: _Tokens, lang: str, cand: _Candidate, pattern: re.Pattern | None = None) -> bool:
    """A signing / adopting verb in the same clause, within a few words ("was signed", "imzalanıb",
    "Декларация, подписанная в Москве")."""
    pattern = pattern or SIGNING[lang]
    for direction in (-1, 1):
        i = (cand.left if direction < 0 else cand.right) + direction
        steps = 0
        while 0 <= i < len(t.low) and steps < 6:
            word = t.low[i]
            if word == "," and direction > 0 and steps == 0:
                i += 1                      # a participle clause right after the noun
                continue
            if word in SENTENCE_END or word in (",", ":"):
                break
            if pattern.search(word):
                return True
            if lang != "az" and _stops_name(t, i, lang):
                break
            i += direction
            steps += 1
    return False
