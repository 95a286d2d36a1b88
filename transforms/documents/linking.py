"""Link document mentions to canonical documents (the registry) or to stable derived ids.

Each mention is resolved in this order:

1. by its own name: the concepts of the name (transforms/documents/concepts.py) against every
   registry alias, weighting rare concepts above common ones ("military-technical cooperation"
   is not "cultural cooperation"), with the type, the parties, the signing date and place near
   the mention, the publication date and the documents already linked in the article deciding
   between candidates ("Moscow Declaration" + 2022 or "allied" nearby -> the 2022 Declaration);
   A generic name ("the Trilateral Statement") with no date of its own repeats the document an earlier
   mention of the same name was linked to; a name of ordinary descriptive words ("43 bənddən ibarət
   Bəyannamə") is a short mention. A name's years must be the document's ("for 2025-2027" is not the
   plan "until 2024"), and its subject words must be in the document's vocabulary;
2. a short mention ("the declaration", "Bəyannamə", "Контракт") takes the document of the nearest
   earlier mention of its type (a named one before a short one), unless a year next to it excludes
   that document, else one identified by the words of its sentence (with the signatories and the
   signing day: "the memorandum Russia and Türkiye signed on 11 November 2020"), else the nearest
   later mention;
3. a named document that is not in the registry gets an id derived from its subject (the name without
   its signatories), type and third parties, the same in every article and language; a mention with
   nothing identifying gets None.

The dates are the article's date mentions (transforms/dates, passed in by transforms/extract.py), with
only what they write: a year taken from the publication date names no document. A date near a mention
belongs to the nearest mention in its clause ("the UN Charter and the 1975 Helsinki Final Act": 1975 is
the Act's), and other mentions are blanked out of a mention's context.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from transforms.documents.concepts import GENERIC, PARTIES, NameKey, name_key, text_key
from transforms.documents.facts import signing_of
from transforms.documents.lexicon import (
    BETWEEN, CONJUNCTIONS, CONTRACT_WORDS, LANGUAGES_WITH_HEADS, NUMBER_WORDS, SENTENCE_END, TREATY_WORDS, lower_text,
    match_head,
)
from transforms.lang import LANGUAGES, script_guess
from transforms.lang.ru.morphology import ADJECTIVE_ENDINGS as RU_ADJECTIVE_ENDINGS
from transforms.mentions import DateMention, DocumentLink, DocumentMention, RegistryEntry

_FAMILY = {"treaty": "agreement", "agreement": "agreement", "contract": "agreement", "convention": "agreement",
           "declaration": "declaration", "statement": "declaration"}
# How well a mention's type fits a document's type (0: never the same document).
_TYPE_FIT = {
    ("agreement", "treaty"): 0.85, ("agreement", "contract"): 0.7, ("agreement", "convention"): 0.7,
    ("treaty", "contract"): 0.6, ("treaty", "convention"): 0.7, ("contract", "convention"): 0.5,
    ("declaration", "statement"): 0.85, ("agreement", "statement"): 0.7, ("treaty", "statement"): 0.5,
    ("agreement", "memorandum"): 0.5, ("agreement", "protocol"): 0.5, ("memorandum", "protocol"): 0.5,
    ("action_plan", "program"): 0.6, ("action_plan", "roadmap"): 0.5, ("program", "roadmap"): 0.5,
    ("declaration", "agreement"): 0.3, ("declaration", "treaty"): 0.3,
}
_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’`][^\W_]+)*")
_SENTENCE_MARK_CHARS = tuple(c for c in SENTENCE_END if c != "\x00")
_SENTENCE_MARK = re.compile("[" + re.escape("".join(_SENTENCE_MARK_CHARS)) + "]")
_RU_ADJECTIVE = re.compile("(?:" + "|".join(RU_ADJECTIVE_ENDINGS) + ")$")
_COUNT_WORDS = frozenset(w for words in NUMBER_WORDS.values() for w in words)
_NEAR_CHARS = 90
_SENTENCE_CHARS = 400


_Date = tuple[int | None, int | None, dt.date | None, dt.date | None]   # year, month, first day, signing day


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: int
    concepts: frozenset[str]
    weight: float                    # sum of the concept weights
    generic: bool                    # says only "joint" / "trilateral" / the place: needs the date or parties
    weighted: tuple[tuple[str, float], ...] = ()   # (concept, weight) in the iteration order of ``concepts``


@dataclass(frozen=True, slots=True)
class _Registry:
    entries: tuple[RegistryEntry, ...]
    aliases: tuple[_Alias, ...]
    by_concept: dict[str, tuple[int, ...]]     # concept -> alias indexes
    weights: dict[str, float]
    unseen_weight: float
    dates: tuple[_Date, ...]
    is_set: tuple[bool, ...]
    topics: tuple[frozenset[str], ...]         # every concept of every alias, per entry
    years: tuple[frozenset[str], ...]          # the years an entry's names and signing date mention (Y2024)
    index: dict[str, int]                      # document id -> entry
    member_days: tuple[tuple[dt.date, ...], ...]   # a set: the signing days of the documents of its parties
    parties: tuple[frozenset[str], ...]
    ids: frozenset[str]
    named_type: tuple[str, ...]                # the type its own names give an ambiguous noun (müqavilə, договор)

    def weight(self, concept: str) -> float:
        return self.weights.get(concept, self.unseen_weight)

    def weigh(self, concepts: frozenset[str] | set[str]) -> float:
        if not concepts:
            return 0.0
        weights, unseen = self.weights, self.unseen_weight
        return sum([weights.get(c, unseen) for c in concepts])


@lru_cache(maxsize=4)
def _prepare(registry: tuple[RegistryEntry, ...]) -> _Registry:
    aliases: list[tuple[int, frozenset[str], bool]] = []
    entry_concepts: list[set[str]] = []
    for index, entry in enumerate(registry):
        seen: set[str] = set()
        for language, alias in entry.aliases:
            key = text_key(alias, language)
            if key.strong:
                aliases.append((index, key.strong, False))
                seen |= key.strong
        # the place of signing names a document too ("the Moscow statement", "Aktau Convention"), but
        # many documents share a place, so such a name needs the date or the parties to agree
        place = text_key(entry.signed_place).strong if entry.signed_place else frozenset()
        if place and place not in {a[1] for a in aliases if a[0] == index}:
            aliases.append((index, place, True))
        entry_concepts.append(seen | place)
    # Rare concepts identify a document; common ones ("cooperation") barely do.
    n = max(len(registry), 1)
    df: dict[str, int] = {}
    for concepts in entry_concepts:
        for c in concepts:
            df[c] = df.get(c, 0) + 1
    weights = {c: 1.0 + math.log(n / d) for c, d in df.items()}
    unseen = 1.0 + math.log(n)
    built = tuple(_Alias(e, c, sum(weights[x] for x in c), by_place or c <= GENERIC, tuple((x, weights[x]) for x in c))
                  for e, c, by_place in aliases)
    by_concept: dict[str, list[int]] = {}
    for i, alias in enumerate(built):
        for c in alias.concepts:
            by_concept.setdefault(c, []).append(i)
    dates = tuple(_entry_date(e) for e in registry)
    return _Registry(
        entries=registry, aliases=built, by_concept={c: tuple(v) for c, v in by_concept.items()},
        weights=weights, unseen_weight=unseen, dates=dates,
        is_set=tuple("(set" in e.canonical_name for e in registry),
        named_type=tuple(_named_type(e) for e in registry),
        topics=tuple(frozenset(c) for c in entry_concepts),
        index={e.document_id: i for i, e in enumerate(registry)},
        member_days=tuple(tuple(d[3] for i, (o, d) in enumerate(zip(registry, dates))
                                if i != k and d[3] and set(o.parties) == set(e.parties)) for k, e in enumerate(registry)),
        years=tuple(frozenset({c for c in concepts if _is_year(c)} | ({f"Y{d[0]}"} if d[0] else set()))
                    for concepts, d in zip(entry_concepts, dates)),
        parties=tuple(frozenset(e.parties) for e in registry), ids=frozenset(e.document_id for e in registry),
    )


_last_prepared: _Registry | None = None


def _prepared(registry: Sequence[RegistryEntry]) -> _Registry:
    """The prepared registry. The pipeline passes the same registry for every article: the last one
    prepared is recognised by its entries' identity, which is far cheaper than hashing every entry
    (with all its aliases) for the lru_cache of _prepare."""
    global _last_prepared
    last = _last_prepared
    if last is not None and len(last.entries) == len(registry) and all(map(operator.is_, last.entries, registry)):
        return last
    last = _last_prepared = _prepare(tuple(registry))
    return last


def _named_type(entry: RegistryEntry) -> str:
    """The type an ambiguous noun takes when it names this document: what the document's own names in
    that language make of "müqavilə" / "договор" ("dövlət sərhədi haqqında Müqavilə": a treaty; "qaz
    müqaviləsi": a contract), else the registry's type."""
    for language, alias in entry.aliases:
        words = _WORD.findall(lower_text(alias, language))
        for i in range(len(words)):
            hit = match_head(words, i, language) if language in LANGUAGES_WITH_HEADS else None
            if hit is None or hit[2].lexeme not in ("müqavilə", "договор"):
                continue
            if any(w.startswith(CONTRACT_WORDS[language]) for w in words):
                return "contract"
            titled = _WORD.findall(alias)[i][0].isupper() and i > 0
            if any(w.startswith(TREATY_WORDS[language]) for w in words) or language == "ru" or titled:
                return "treaty"
            return "agreement"
    return entry.doc_type


def _entry_date(entry: RegistryEntry) -> _Date:
    """(year, month, first day, signing day) of a document, whose signing may be known to the month or
    the year only (signed_value "2022-09")."""
    if entry.signed_on:
        return entry.signed_on.year, entry.signed_on.month, entry.signed_on, entry.signed_on
    if not entry.signed_value:
        return None, None, None, None
    year, _, month = entry.signed_value.partition("-")
    return int(year), int(month) if month else None, dt.date(int(year), int(month or 1), 1), None


@dataclass(slots=True)
class _Context:
    key: NameKey                      # the mention's own name
    around: NameKey                   # its sentence, without the mention
    near_years: frozenset[int]
    near_months: frozenset[int]
    near_days: frozenset[tuple[int, int]]     # (month, day) pairs written near the mention
    sentence_years: frozenset[int]
    plural: bool
    doc_type: str
    sentence: tuple[int, int] = (0, 0)                    # where its sentence starts and ends
    others: tuple[tuple[int, int], ...] = ()              # the other mentions' spans (not around it)
    article_parties: frozenset[str] = frozenset()


def link_mentions(
    text: str,
    language: str | None,
    published: dt.date | None,
    mentions: Sequence[DocumentMention],
    registry: Sequence[RegistryEntry],
    dates: Sequence[DateMention],
) -> list[DocumentLink]:
    """One link per mention (same order). ``dates`` are the article's date mentions
    (transforms.dates.extract_dates): the years and days near a mention come from them."""
    if not mentions:
        return []
    reg = _prepared(registry)
    lang = (language or "")[:2].lower()
    if lang not in LANGUAGES:
        lang = script_guess(text)
    spans = [(m.start, m.end) for m in mentions]
    cache: dict = {}
    marks = _date_marks(dates)
    contexts = [_context(text, m, lang, spans, cache, marks) for m in mentions]
    if any("TRILATERAL" in c.key.concepts or "TRILATERAL" in c.around.concepts for c in contexts):
        # "trilateral" names three parties: the article at large may say which
        article_parties = name_key(_WORD.findall(lower_text(text, lang))).parties
        for c in contexts:
            c.article_parties = article_parties
    for m, ctx in zip(mentions, contexts):
        if ctx.key.strong and ctx.key.strong <= _CAPITALS.keys() and _between_phrase(m.text, lang):
            # "Moskva və Bakı arasında müqavilə", "the treaty between Moscow and Baku": the capitals
            # stand for their states, the signatories
            ctx.key = NameKey(ctx.key.concepts - _CAPITALS.keys(),
                              ctx.key.parties | {_CAPITALS[c] for c in ctx.key.strong})
    links: list[DocumentLink | None] = [None] * len(mentions)
    linked_here: set[str] = set()          # registry documents named earlier in the article
    for i, (m, ctx) in enumerate(zip(mentions, contexts)):
        if ctx.key.strong or ctx.key.parties:
            link = None
            if not ctx.key.strong - GENERIC and not ctx.plural and not (ctx.near_years or ctx.near_days):
                # "the Trilateral Statement" after "the Trilateral Statement of November 10, 2020": the
                # generic name repeats the earlier one (no date of its own says otherwise)
                link = _earlier_same_name(links, contexts, i)
            if link is None and not (ctx.near_years or ctx.near_days) and _descriptive(m, ctx, lang):
                # "43 bənddən ibarət Bəyannamə": ordinary words describe the document named before
                link = _antecedent(links, contexts, i, range(i - 1, -1, -1))
            link = link or _from_registry(reg, ctx, published, linked_here, by_name=True)
            if link is None and not ctx.key.strong:
                link = _from_registry(reg, ctx, published, linked_here, by_name=False, parties_named=True)
            if link is None and not ctx.key.strong:
                # a name of signatories only ("the treaty between Moscow and Baku") repeats the document of its
                # type named before whose parties include them, else the nearest
                link = _antecedent(links, contexts, i, range(i - 1, -1, -1), parties=ctx.key.parties, reg=reg) \
                    or _antecedent(links, contexts, i, range(i - 1, -1, -1))
            if link is None and ctx.key.strong and ctx.key.strong <= _SIGNATORIES:
                # "a contract with SOCAR": a company names who signed, not which contract; the sentence does
                wider = NameKey(ctx.around.concepts | ctx.key.concepts, ctx.around.parties)
                link = _from_registry(reg, replace(ctx, around=wider), published, linked_here, by_name=False)
            if link is None and ctx.key.strong - GENERIC and not (ctx.near_years or ctx.near_days) \
                    and _between_phrase(m.text, lang) and not _subject(m, lang).strong - GENERIC:
                # "ABƏŞ, ARDNŞ və Transneft arasında imzalanmış üçtərəfli saziş": a name that says only who
                # signed it (and generic words) repeats the document of its type named before
                link = _antecedent(links, contexts, i, range(i - 1, -1, -1))
            if link is None and ctx.key.strong - GENERIC:
                link = _derived(m, ctx, lang)
        else:
            # a short mention: the nearest earlier mention of its type, else the words of its sentence
            link = _antecedent(links, contexts, i, range(i - 1, -1, -1))
            if link is not None and _years_disagree(reg, link, ctx):
                # "the draft Action Plan for 2025-2027, which replaces the plan that expired in 2024":
                # the year next to the short mention says it is another document (of the same type)
                other = _from_registry(reg, ctx, published, linked_here, by_name=False)
                if other is not None and other.doc_type == ctx.doc_type:
                    link = other
            if link is None:
                link = _from_registry(reg, ctx, published, linked_here, by_name=False)
        links[i] = link
        if link is not None and link.is_registered:
            linked_here.add(link.document_id)
    # a bare type noun before the first naming of its document ("the pact ... the agreement on ..."),
    # and a generic name ("совместное заявление" in a headline) that a fuller one in the article
    # specifies ("Совместное заявление о приоритетных направлениях ...")
    for i, ctx in enumerate(contexts):
        if links[i] is not None:
            continue
        if not (ctx.key.concepts or ctx.key.parties):
            links[i] = _antecedent(links, contexts, i, range(i + 1, len(mentions)), later=True)
        elif not ctx.key.strong - GENERIC:
            links[i] = _specified(links, contexts, i)
    out = []
    for m, ctx, link in zip(mentions, contexts, links):
        if ctx.plural and (link is None or not link.is_registered or reg.is_set[reg.index[link.document_id]]):
            link = _several(text, lang, m, ctx, link, reg, published) or link
        link = link or DocumentLink(None, None, m.doc_type, None, False, "unidentified", 0.0)
        if not m.type_certain and link.document_id:
            # "müqaviləni" in lower case says agreement only by default: the document it refers to says
            # which (as its own names type the noun)
            typed = reg.named_type[reg.index[link.document_id]] if link.is_registered else link.doc_type
            if typed in _AGREEMENT_TYPES:
                link = replace(link, mention_type=typed)
        if link.document_id and not link.is_registered:
            signing = signing_of(text, lang, m, ctx.key, ctx.sentence, dates, ctx.others, ctx.around)
            link = replace(link, signed_value=signing.value, signed_place=signing.place, parties=signing.parties)
        out.append(link)
    return out


# ---------------------------------------------------------------------------------------------------
# A phrase that names several documents
# ---------------------------------------------------------------------------------------------------

_PIECE = re.compile(r"[^\W_]+(?:[-‐‑'’`][^\W_]+)*|[(),]")


def _several(text: str, lang: str, m: DocumentMention, ctx: _Context, link: DocumentLink | None, reg: _Registry,
             published: dt.date | None) -> DocumentLink | None:
    """The link of a plural mention that names its documents one by one: each is linked on its own and
    listed in ``members``. "the Baku (2001 and 2008) and Moscow (2008) declarations" names three
    (by place and year), "border, gas deals" two (by subject); "the trilateral statements of 9 November
    2020 and 11 January 2021" lists a set's members by their days. The mention keeps its set when the
    registry has one ("Trilateral Statements of the Leaders"); a phrase with no set is linked to no one
    document (method 'several'). None when the phrase names no documents one by one."""
    members = _named_one_by_one(text, lang, m, ctx, reg, published)
    if not members and ctx.near_days:
        members = _listed_by_day(ctx, reg, link)
    if len({x.document_id for x in members}) < 2:
        return None
    if link is not None and link.is_registered:
        return replace(link, members=members)                # a registered set, with its members
    return DocumentLink(None, None, ctx.doc_type, None, False, "several",
                        round(min(x.confidence for x in members), 3), members=members)


def _named_one_by_one(text: str, lang: str, m: DocumentMention, ctx: _Context, reg: _Registry,
                      published: dt.date | None) -> tuple[DocumentLink, ...]:
    """The documents the coordinated modifiers of a plural noun name: each conjunct (a place, a subject),
    once for each year in the brackets after it."""
    written = [p.group() for p in _PIECE.finditer(m.text)]
    pieces = [lower_text(p, lang) for p in written]
    head = next((hit[0] for i in range(len(pieces) - 1, -1, -1) if (hit := match_head(pieces, i, lang))), None)
    if not head:
        return ()
    groups: list[tuple[list[str], list[int], list[str]]] = [([], [], [])]    # words, years, as written
    depth = 0
    for piece, as_written in zip(pieces[:head], written):
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth = max(0, depth - 1)
        elif depth:
            if _is_year_word(piece):
                groups[-1][1].append(int(piece))
        elif piece == "," or piece in CONJUNCTIONS[lang]:
            groups.append(([], [], []))
        elif _is_year_word(piece):
            groups[-1][1].append(int(piece))
        else:
            groups[-1][0].append(piece)
            groups[-1][2].append(as_written)
    named = []
    for group_words, years, group_written in groups:
        key = name_key(group_words, lang)
        if not (key.strong - GENERIC or years):
            return ()                       # "intergovernmental and other agreements": no one document each
        named += [(group_written, key, year) for year in years] or [(group_written, key, None)]
    if len(named) < 2:
        return ()
    noun = written[head:]
    out = []
    for group_words, key, year in named:
        key = NameKey(key.concepts | ({f"Y{year}"} if year else set()), key.parties)
        sub = replace(ctx, key=key, near_years=frozenset({year} if year else ()), near_months=frozenset(),
                      near_days=frozenset(), sentence_years=frozenset({year} if year else ()), plural=False)
        found = _from_registry(reg, sub, published, set(), by_name=True)
        if found is None and key.strong - GENERIC:
            name = " ".join(group_words + ([f"({year})"] if year else []) + noun)
            found = _derived(replace(m, text=name), sub, lang, keep_years=True)
            found = replace(found, canonical_name=name)
        if found is None:
            return ()
        out.append(found)
    return tuple(out)


def _is_year_word(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _listed_by_day(ctx: _Context, reg: _Registry, link: DocumentLink | None) -> tuple[DocumentLink, ...]:
    """The documents of the mention's type (and of its set's parties) signed on the days written by it:
    "the trilateral statements of 9 November 2020 and 11 January 2021"."""
    parties = reg.parties[reg.index[link.document_id]] if link is not None and link.is_registered else (
        ctx.key.parties or None)
    out = []
    for index, entry in enumerate(reg.entries):
        signed_on = reg.dates[index][3]
        if reg.is_set[index] or signed_on is None or _type_fit(ctx.doc_type, entry.doc_type) < 0.85 \
                or (parties is not None and reg.parties[index] != parties) \
                or not signed_day_near(signed_on, ctx.near_days):
            continue
        out.append(DocumentLink(entry.document_id, entry.canonical_name, entry.doc_type, entry.signed_on, True,
                                "context-date", 0.8))
    return tuple(out)


# Capitals that stand for their states in a "between" phrase (Yerevan and Ankara are party words already).
_CAPITALS = {"MOSCOW": "RU", "BAKU": "AZ", "TEHRAN": "IR"}
_AGREEMENT_TYPES = frozenset({"treaty", "agreement", "contract"})


def _between_phrase(text: str, lang: str) -> bool:
    return any(w in BETWEEN[lang] for w in _WORD.findall(lower_text(text, lang)))


def _blank(text: str, a: int, b: int, spans: Sequence[tuple[int, int]]) -> str:
    """text[a:b] with the other document mentions in it blanked: their dates and words describe them,
    not the mention at hand ("the UN Charter and the 1991 Alma-Ata Declaration")."""
    inside = [(max(x, a), min(y, b)) for x, y in spans if x < b and y > a]
    if not inside:
        return text[a:b]
    pieces, at = [], a
    for x, y in sorted(inside):
        if x > at:
            pieces.append(text[at:x])
        if y > at:
            pieces.append(" " * (y - max(x, at)))
            at = y
    pieces.append(text[at:b])
    return "".join(pieces)


_Mark = tuple[int, int, str, object]       # start, end, "Y" | "M" | "D", year | month | (month, day)


def _date_marks(dates: Sequence[DateMention]) -> list[_Mark]:
    """The years, months and days the article's date mentions state, each at its mention's span. Only
    what is written counts: the year a day without one takes from the publication date ("the statement
    of November 10" in a 2024 article), or the day of "yesterday", say nothing about which document is
    meant."""
    out: list[_Mark] = []
    for d in dates:
        if d.is_relative and not any(c.isdigit() for c in d.text):
            continue
        for part in d.value.split("/"):
            year, month, day = (part.split("-") + [None, None])[:3]
            if not d.is_relative and year.isdigit():
                out.append((d.start, d.end, "Y", int(year)))
            if month and month.isdigit():
                out.append((d.start, d.end, "M", int(month)))
                if day and day.isdigit():
                    out.append((d.start, d.end, "D", (int(month), int(day))))
    return out


# A comma, a dash, a bracket or a conjunction of the language ("and", "и", "və") between a date and a mention.
_CLAUSE_BREAK = {lang: re.compile(r"[,;:—–(]|\b(?:" + "|".join(sorted(w for w in words if w.isalpha())) + r")\b")
                 for lang, words in CONJUNCTIONS.items()}


def _near_dates(text: str, m: DocumentMention, lang: str, a: int, b: int, marks: Sequence[_Mark],
                others: Sequence[tuple[int, int]]) -> tuple[frozenset[int], frozenset[int], frozenset[tuple[int, int]]]:
    """Years, months and days written within [a, b) that belong to this mention rather than to another
    one nearer to them: in "the UN Charter and the 1975 Helsinki Final Act" 1975 is the Act's. An
    Azerbaijani date stands before what it dates ("1975-ci il Helsinki Yekun aktı"), so a date after a
    mention there counts as three times as far."""
    years, months, days = set(), set(), set()

    def gap(x: int, y: int, start: int, end: int) -> float:
        if y <= start:
            return start - y
        if x >= end:
            return (x - end) * (3 if lang == "az" else 1)
        return 0

    def distance(x: int, y: int, start: int, end: int) -> float:
        # characters between, and a clause boundary (a comma, "and") counts as far as a long phrase:
        # in "the plan that expired in 2024, and a new roadmap" 2024 is the plan's
        near = gap(x, y, start, end)
        if near:
            breaks = _CLAUSE_BREAK[lang]
            near += 50 * len(breaks.findall(text, y, start) if y <= start else breaks.findall(text, end, x))
        return near

    for x, y, kind, value in marks:
        if x < a or y > b:
            continue
        if m.doc_type in _PERIOD_TYPES and m.start <= x and y <= m.end:
            continue                        # "Plan ... for 2023-2024": the period it covers, not when it was signed
        own = distance(x, y, m.start, m.end)
        if any(gap(x, y, p, q) < own and distance(x, y, p, q) < own for p, q in others):
            continue
        if kind == "Y":
            years.add(value)
        elif kind == "M":
            months.add(value)
        else:
            days.add(value)
    return frozenset(years), frozenset(months), frozenset(days)


def _sentence_start(text: str, start: int, pos: int) -> int:
    """After the last sentence mark in text[start:pos], else ``start``: one rfind per mark, from
    ``pos`` back, rather than a scan over every mark of the 400 characters before a mention."""
    return max(start, max([text.rfind(c, start, pos) for c in _SENTENCE_MARK_CHARS]) + 1)


def _context(text: str, m: DocumentMention, lang: str, spans: Sequence[tuple[int, int]],
             cache: dict, marks: Sequence[_Mark]) -> _Context:
    start = max(0, m.start - _SENTENCE_CHARS)
    end = min(len(text), m.end + _SENTENCE_CHARS)
    s = _sentence_start(text, start, m.start)
    mark = _SENTENCE_MARK.search(text, m.end, end)
    e = mark.start() if mark else end
    others = [(x, y) for x, y in spans if not (x <= m.start and m.end <= y)]   # not itself, nor around it
    before, after = _blank(text, s, m.start, others), _blank(text, m.end, e, others)
    near_years, near_months, near_days = _near_dates(text, m, lang, max(s, m.start - _NEAR_CHARS),
                                                     min(e, m.end + _NEAR_CHARS), marks, others)
    # the sentence without any mention in it: the same for every mention of the sentence (computed once)
    blanked = (s, e, frozenset((x, y) for x, y in others if x < e and y > s) | {(m.start, m.end)})
    around = cache.get(blanked)
    if around is None:
        around = cache[blanked] = name_key(_WORD.findall(lower_text(before + " . " + after, lang)), lang)
    return _Context(
        key=_mention_key(m, lang),
        around=around,
        near_years=near_years,
        near_months=near_months,
        near_days=near_days,
        sentence_years=frozenset(value for x, y, kind, value in marks if kind == "Y" and s <= x and y <= e
                                 and not any(p < y and x < q for p, q in others)),
        plural=_is_plural(m, lang, marks),
        doc_type=m.doc_type,
        sentence=(s, e),
        others=tuple(others),
    )


def _is_plural(m: DocumentMention, lang: str, marks: Sequence[_Mark]) -> bool:
    """Does the mention name several documents ("trilateral agreements", "razılaşmaların", "заявлений",
    "altı yol xəritəsi": Azerbaijani nouns stay singular after a numeral)?"""
    dates = tuple(sorted({(x - m.start, y - m.start) for x, y, _, _ in marks if m.start <= x and y <= m.end}))
    return _names_several(m.text, lang, dates)


@lru_cache(maxsize=16384)
def _names_several(text: str, lang: str, dates: tuple[tuple[int, int], ...]) -> bool:
    """_is_plural of a mention's text (``dates``: the spans of the date mentions in it), kept per text:
    the same short mentions recur across articles."""
    found = list(_WORD.finditer(lower_text(text, lang)))
    words = [w.group() for w in found]
    for i in range(len(words) - 1, -1, -1):
        hit = match_head(words, i, lang)
        if hit:
            first, _, head = hit
            before = words[first - 1] if first else ""
            # a number that is the day of a date ("November 10 statement") counts no documents
            dated = first > 0 and any(x <= found[first - 1].start() < y for x, y in dates)
            # Russian "заявления", "карты" are also singular genitives: a plural adjective says which
            adjective_plural = lang == "ru" and (before.endswith(("ые", "ие")) or (
                first < i and words[first].endswith(("ые", "ие")))       # "дорожные карты"
                or (first > 2 and words[first - 2] in CONJUNCTIONS["ru"]
                    and all(_RU_ADJECTIVE.search(w) for w in (words[first - 3], before))))  # "Бакинскую и Московскую"
            return head.plural or adjective_plural or before in _COUNT_WORDS or (
                before.isdigit() and 1 < int(before) < 100 and not dated)
    return False


def _mention_key(m: DocumentMention, lang: str) -> NameKey:
    """The name key the extractor stored (rendered by NameKey.render), else one made from the text."""
    if m.name_key is None:
        return text_key(m.text, lang)
    words = m.name_key.split()
    return NameKey(frozenset(w for w in words if w not in PARTIES), frozenset(w for w in words if w in PARTIES))


def _type_fit(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return _TYPE_FIT.get((a, b)) or _TYPE_FIT.get((b, a)) or 0.0


def _from_registry(reg: _Registry, ctx: _Context, published: dt.date | None, linked_here: set[str],
                   by_name: bool, parties_named: bool = False) -> DocumentLink | None:
    """Best registry document for the mention, by its name (by_name) or by its sentence.
    ``parties_named``: the name gives only the parties, so the sentence needs to say less."""
    source = ctx.key.strong if by_name else ctx.around.strong
    source_weight = reg.weigh(source)
    around_weight = reg.weigh(ctx.around.strong)
    candidates: dict[int, tuple[float, float]] = {}      # entry -> (coverage of the alias, score from words)
    checked: dict[int, tuple[float, float, bool]] = {}   # entry -> (party score, date score, date matched)
    aliases = reg.aliases
    if by_name:
        seen_aliases = _aliases_covered(reg, source, 0.6)
    else:
        seen_aliases = {a for concept in source for a in reg.by_concept.get(concept, ())}
    for a in sorted(seen_aliases):
        alias = aliases[a]
        # the weighted share of the alias found in the name (cover) and of the name explained by the
        # alias; every alias concept has a weight, summed in the order of the alias's concepts
        shared = sum([weight for concept, weight in alias.weighted if concept in source])
        cover = shared / alias.weight
        if by_name and cover < 0.6:
            continue                    # too little of the alias in the name to be evidence (see below)
        explained = shared / source_weight if source_weight else 0.0
        if alias.entry not in checked:
            checked[alias.entry] = (_party_score(reg.parties[alias.entry], ctx),
                                    *_date_score(reg.dates[alias.entry], ctx, published))
        if alias.generic and not _corroborated(reg, alias, ctx, checked[alias.entry][2]):
            continue                    # "joint statement" alone could be any joint statement
        value = 0.65 * cover + 0.35 * explained if by_name else cover
        if value > candidates.get(alias.entry, (0.0, 0.0))[1]:
            candidates[alias.entry] = (cover, value)
    named_years = {int(c[1:]) for c in ctx.key.strong if c[0] == "Y" and c[1:].isdigit()} if by_name else set()
    if named_years and not (ctx.key.strong - {f"Y{y}" for y in named_years}):
        # a name that is only a year ("the 1997 Treaty", "the 2022 declaration"): the documents of
        # that year and type are candidates
        for index, (year, *_) in enumerate(reg.dates):
            if year in named_years and index not in candidates \
                    and _type_fit(ctx.doc_type, reg.entries[index].doc_type) >= 0.85:
                candidates[index] = (1.0, 0.6)
    named_parties = ctx.key.parties | ctx.around.parties
    if not by_name and ctx.near_days and named_parties:
        # "the memorandum Russia and Türkiye signed on 11 November 2020": the signatories and the day
        for index, (_, _, _, signed_on) in enumerate(reg.dates):
            if signed_on and index not in candidates and reg.parties[index] == named_parties \
                    and signed_day_near(signed_on, ctx.near_days):
                candidates[index] = (0.0, 0.0)
    if parties_named:
        # a name made of parties only ("agreement between Russia, Iran and India"): every document of
        # exactly those parties is a candidate, to be confirmed by the date or the sentence
        for index, parties in enumerate(reg.parties):
            if parties == ctx.key.parties and index not in candidates:
                candidates[index] = (0.0, 0.0)
    best: tuple[float, int, str] | None = None
    for index, (cover, words) in candidates.items():
        entry = reg.entries[index]
        fit = _type_fit(ctx.doc_type, entry.doc_type)
        if fit == 0.0 or reg.is_set[index] != ctx.plural:
            continue
        if index not in checked:
            checked[index] = (_party_score(reg.parties[index], ctx), *_date_score(reg.dates[index], ctx, published))
        party, date, date_match = checked[index]
        score = fit * words * (0.8 if by_name else 0.6) + party + date \
            + 0.2 * _explains(reg, index, ctx.around, around_weight)
        score += 0.15 if entry.document_id in linked_here else 0.0
        if by_name:
            evidence, threshold = cover >= 0.6 and _compatible(reg, index, source), 0.45
            method = "alias"
        else:
            exact_parties = bool(ctx.key.parties) and ctx.key.parties == reg.parties[index]
            signed_here = reg.dates[index][3] is not None and reg.parties[index] == named_parties \
                and signed_day_near(reg.dates[index][3], ctx.near_days) and fit == 1.0
            evidence = (cover >= (0.45 if parties_named and exact_parties else 0.6) and party >= 0.0) or (
                exact_parties and date_match) or signed_here
            threshold = 0.4
            method = "context-date" if date_match else "context"
        # equal evidence: the more recent document, the one news is more likely to be about
        rank = (round(score, 6), reg.dates[index][2] or dt.date.min)
        if evidence and score >= threshold and (best is None or rank > best[0]):
            best = (rank, index, method)
    if best is None:
        return None
    (score, _), index, method = best
    entry = reg.entries[index]
    return DocumentLink(entry.document_id, entry.canonical_name, entry.doc_type, entry.signed_on, True, method,
                        round(min(0.98, 0.4 + score / 2), 3))


def _aliases_covered(reg: _Registry, source: frozenset[str], share: float) -> list[int]:
    """The aliases that ``source`` may cover by at least ``share`` of their weight: every alias
    sharing a concept with it, less those it surely covers by less. The weight an alias shares is
    added up here per concept of ``source`` (cheap), and exactly, in the alias's own order, only for
    the aliases left; the two sums differ by rounding only, far less than the margin allowed."""
    reach: dict[int, float] = {}
    for concept in source:
        weight = reg.weight(concept)
        for a in reg.by_concept.get(concept, ()):
            reach[a] = reach.get(a, 0.0) + weight
    aliases = reg.aliases
    return [a for a, shared in reach.items() if shared >= share * aliases[a].weight * (1 - 1e-9)]


def _is_year(concept: str) -> bool:
    return concept[0] == "Y" and concept[1:2].isdigit()


def _is_dated(concept: str) -> bool:
    """A year (Y2024), a day (D11-10) or an ordinal (N22) rather than a word's concept."""
    return concept[0] in "YDN" and concept[1:2].isdigit()


def _compatible(reg: _Registry, index: int, source: frozenset[str]) -> bool:
    """Can a name with these concepts be the document at all? Not when it names other years than the
    document's ("Action Plan ... for 2025-2027" is not the plan until 2024), nor when the document's
    vocabulary explains none of its subject words ("action plan on energy efficiency for 2024-2026"
    shares only a year with "Action Plan until 2024")."""
    years = {c for c in source if _is_year(c)}
    if years and reg.years[index] and not years <= reg.years[index]:
        return False                        # "for 2024-2026" is not "until 2024"
    specific = {c for c in source if c[0] != "~" and not _is_dated(c) and c not in GENERIC}
    if specific and not specific & reg.topics[index]:
        return False
    return True


def _explains(reg: _Registry, index: int, around: NameKey, total: float) -> float:
    """Share of the sentence's concepts (weighing ``total``) that belong to the document's vocabulary:
    breaks ties between documents with the same short alias ("Moscow Declaration" next to "allied")."""
    return reg.weigh(around.strong & reg.topics[index]) / total if total else 0.0


def _corroborated(reg: _Registry, alias: _Alias, ctx: _Context, date_match: bool) -> bool:
    """A generic alias fits only when the date or the parties around the mention confirm the document."""
    parties = reg.parties[alias.entry]
    if date_match:
        return True
    if ctx.near_days and reg.is_set[alias.entry] and any(
            signed_day_near(day, ctx.near_days) for day in reg.member_days[alias.entry]):
        return True                         # a set whose members' dates are listed next to it
    if not parties:
        return False
    if "TRILATERAL" in alias.concepts and parties <= ctx.article_parties:
        return True
    return parties <= (ctx.key.parties | ctx.around.parties)


def _party_score(parties: frozenset[str], ctx: _Context) -> float:
    named = ctx.key.parties
    if not parties:
        return 0.0
    if named:
        if not named <= parties:
            return -0.4
        return 0.3 if named == parties else 0.1
    around = ctx.around.parties
    return 0.1 if around and parties <= around else 0.0


def _date_score(date: _Date, ctx: _Context, published: dt.date | None) -> tuple[float, bool]:
    year, month, first_day, signed_on = date
    if year is None:
        return 0.0, False
    score, matched = 0.0, False
    if ctx.near_years:
        if year in ctx.near_years:
            score, matched = 0.35 + (0.1 if month and month in ctx.near_months else 0.0), True
        else:
            score = -0.4
    elif ctx.sentence_years:
        if year in ctx.sentence_years:
            score, matched = 0.2, True
        else:
            score = -0.1
    if signed_on and score >= 0 and signed_day_near(signed_on, ctx.near_days):
        score, matched = score + 0.3, True       # "the statement of November 10", "9-10 noyabr"
    if published and first_day:
        days = (published - first_day).days
        if days < -45:
            score -= 1.0                         # not signed yet when the article appeared
        elif days <= 10:
            score += 0.15                        # news of the signing itself
            matched = matched or not ctx.near_years
    return score, matched


def signed_day_near(day: dt.date, near_days: frozenset[tuple[int, int]]) -> bool:
    """Is the signing day (or the day before / after: night signings) written near the mention?"""
    return bool(near_days) and not _month_days_around(day).isdisjoint(near_days)


@lru_cache(maxsize=1024)
def _month_days_around(day: dt.date) -> frozenset[tuple[int, int]]:
    """(month, day) of the day before, the day itself and the day after (the registry's few signing
    days, computed once each)."""
    return frozenset((d.month, d.day) for d in (day, day - dt.timedelta(days=1), day + dt.timedelta(days=1)))


def _antecedent(links: list[DocumentLink | None], contexts: list[_Context], i: int, order: range,
                later: bool = False, parties: frozenset[str] = frozenset(),
                reg: _Registry | None = None) -> DocumentLink | None:
    """The link of the nearest mention in ``order`` of the same type (else of the same family); a mention
    with a name of its own before a short one, which may have been resolved by its own context ("the
    plan that expired in 2024" does not make the next "action plan" the old one). With ``parties``,
    only a document whose parties include them (a registry document's, else those its mentions name)."""
    want = contexts[i]
    short = fallback = None
    for j in order:
        link = links[j]
        if link is None or link.document_id is None or contexts[j].plural != want.plural:
            continue
        if parties and not parties <= (reg.parties[reg.index[link.document_id]] if reg is not None
                                       and link.document_id in reg.index else contexts[j].key.parties):
            continue
        if contexts[j].doc_type == want.doc_type:
            if contexts[j].key.concepts or contexts[j].key.parties:
                return _as_coreference(link, later)
            short = short or link
        elif fallback is None and _FAMILY.get(contexts[j].doc_type, "") == _FAMILY.get(want.doc_type, "-"):
            fallback = link
    chosen = short or fallback
    return _as_coreference(chosen, later) if chosen else None


def _years_disagree(reg: _Registry, link: DocumentLink, ctx: _Context) -> bool:
    """Do the years written next to a mention exclude the registry document it was linked to?"""
    if not link.is_registered or not ctx.near_years:
        return False
    years = reg.years[reg.index[link.document_id]]
    return bool(years) and not years & {f"Y{y}" for y in ctx.near_years}


def _earlier_same_name(links: list[DocumentLink | None], contexts: list[_Context], i: int) -> DocumentLink | None:
    """The nearest earlier mention of the same type whose name says at least what this one says."""
    want = contexts[i]
    for j in range(i - 1, -1, -1):
        other, link = contexts[j], links[j]
        if link is None or link.document_id is None or other.doc_type != want.doc_type or other.plural != want.plural:
            continue
        if want.key.strong <= other.key.strong and want.key.parties <= other.key.parties | other.around.parties:
            return _as_coreference(link, False)
    return None


def _descriptive(m: DocumentMention, ctx: _Context, lang: str) -> bool:
    """Is the name made only of ordinary lower-case words outside the shared vocabulary ("43 bənddən
    ibarət Bəyannamə", "the much-discussed agreement")? Such words describe; they do not name."""
    if ctx.key.parties or not ctx.key.strong or any(c[0] != "~" for c in ctx.key.strong):
        return False
    words = _WORD.findall(m.text)
    lows = [w.lower() for w in words]
    head = {k for i in range(len(lows)) if (hit := match_head(lows, i, lang)) for k in range(hit[0], hit[1] + 1)}
    return all(not w[0].isupper() for k, w in enumerate(words) if k not in head)


def _specified(links: list[DocumentLink | None], contexts: list[_Context], i: int) -> DocumentLink | None:
    """The nearest mention of the same type whose name contains everything this generic name says."""
    want = contexts[i]
    for j in sorted(range(len(contexts)), key=lambda j: (abs(j - i), j > i)):
        other = contexts[j]
        link = links[j]
        if j == i or link is None or link.document_id is None or other.doc_type != want.doc_type \
                or other.plural != want.plural:
            continue
        if want.key.concepts <= other.key.concepts and want.key.parties <= other.key.parties | other.around.parties:
            return _as_coreference(link, j > i)
    return None


def _as_coreference(link: DocumentLink, later: bool) -> DocumentLink:
    return DocumentLink(link.document_id, link.canonical_name, link.doc_type, link.signed_on, link.is_registered,
                        "coreference-later" if later else "coreference", round(link.confidence * 0.85, 3))


_PERIOD_TYPES = frozenset({"program", "action_plan", "roadmap"})
# Companies and organisations that sign many documents: alone they name none.
_SIGNATORIES = frozenset({"SOCAR", "GAZPROM", "AGENCY"})
_SIGNATORIES_END = {
    "ru": frozenset("о об обо по на в для".split()),
    "en": frozenset("on of for concerning regarding about to in".split()),
}


def _subject_key(m: DocumentMention, ctx: _Context, lang: str) -> NameKey:
    """The name without its signatories: what the document is about. "Elm və Təhsil Nazirliyi ilə ...
    Nazirliyi arasında təhsil sahəsində əməkdaşlığa dair Anlaşma Memorandumu" and "memorandum of
    understanding on cooperation in education" both say {EDUCATION}; the ministries say who signed."""
    subject = _subject(m, lang)
    if not subject.strong:
        return ctx.key
    dated = {c for c in ctx.key.concepts if _is_dated(c)}
    return NameKey(subject.concepts | dated, ctx.key.parties)


def _subject(m: DocumentMention, lang: str) -> NameKey:
    """The name key of the mention's words less its type noun and its signatories ("between ...")."""
    words = _WORD.findall(lower_text(m.text, lang))
    drop = {k for i in range(len(words)) if (hit := match_head(words, i, lang)) for k in range(hit[0], hit[1] + 1)}
    if lang == "az":
        cut = max((i for i, w in enumerate(words) if w.startswith("arasında")), default=-1)
        drop.update(range(cut + 1))
    else:
        opener = "между" if lang == "ru" else "between"
        ends = _SIGNATORIES_END.get(lang, _SIGNATORIES_END["en"])
        inside = False
        for i, w in enumerate(words):
            if w in (opener, "among"):
                inside = True
            elif inside and w in ends:
                inside = False
            if inside:
                drop.add(i)
    return name_key([w for i, w in enumerate(words) if i not in drop], lang)


def _derived(m: DocumentMention, ctx: _Context, lang: str, keep_years: bool = False) -> DocumentLink:
    """A stable id for a named document the registry does not know: the same subject, type and third
    parties give the same id in every article and language. Generic words ("cooperation", "joint")
    count only when nothing more specific is said; Russia and Azerbaijan, the parties of nearly every
    document here, are left out (one language names them, another does not); a year counts only as the
    period of a programme, plan or roadmap ("for 2024-2026"), not as a date one text gives and another
    omits."""
    family = _FAMILY.get(ctx.doc_type, ctx.doc_type)
    subject = _subject_key(m, ctx, lang)
    concepts = subject.strong - GENERIC or subject.strong
    if not keep_years and ctx.doc_type not in _PERIOD_TYPES and concepts - {c for c in concepts if _is_year(c)}:
        concepts = {c for c in concepts if not _is_year(c)}
    basis = "|".join((family, " ".join(sorted(concepts)), " ".join(sorted(ctx.key.parties - {"RU", "AZ"})),
                      "set" if ctx.plural else "one"))
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]
    name = " ".join(m.text.split())
    parties = "-".join(p for p in ("RU", "AZ", *sorted(ctx.key.parties - {"RU", "AZ"})) if p in ctx.key.parties)
    canonical = f"{name} ({parties})" if parties else name
    return DocumentLink(f"derived-{digest}", canonical, ctx.doc_type, None, False, "derived", 0.5)
