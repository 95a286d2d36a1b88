"""The records every extractor returns, and the enumerations the tables allow.

Offsets are Python string indices into the article text, end exclusive, so that
``text[start:end] == mention.text`` always holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from transforms.lang import SUPPORTED as LANGUAGES   # the languages the extractors read

DATE_GRANULARITIES = ("day", "month", "year")
COUNT_KINDS = ("cardinal", "ordinal", "money", "percent")
QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least", "at_most")
DOC_TYPES = (
    "treaty", "agreement", "declaration", "memorandum", "protocol", "action_plan", "roadmap",
    "program", "statement", "convention", "contract", "other",
)

# TIMEX-style value: YYYY, YYYY-MM, YYYY-MM-DD with X for unknown digits, or A/B of one granularity.
TIMEX_PART = r"[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?"
TIMEX_PATTERN = rf"^{TIMEX_PART}(?:/{TIMEX_PART})?$"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str                       # TIMEX-style, see TIMEX_PATTERN
    value_start: dt.date | None      # first day covered; None when the value has unknown digits
    value_end: dt.date | None        # last day covered
    granularity: str                 # day | month | year (of each end, for a range)
    is_range: bool
    is_relative: bool                # resolved against the publication date / context
    rule: str
    confidence: float
    role: str | None = None          # event | period | dateline | other (transforms/dates/meaning.py)
    event_type: str | None = None    # the kind of happening of an event date
    role_rule: str | None = None     # the cue that decided role and event_type
    role_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class CountMention:
    start: int
    end: int
    text: str
    value: float
    kind: str                        # cardinal | ordinal | money | percent
    qualifier: str                   # exact | more_than | less_than | about | at_least | at_most
    object: str | None               # the counted thing as written; currency code for money
    rule: str
    confidence: float
    unit: str | None = None          # ISO code (money), percent, a physical unit value is in, item; None: ordinal
    unit_rule: str | None = None     # what decided the unit ("currency", "unit:bcm", "counted")
    measure: str | None = None       # money only: trade | export | import | investment | credit | cost | price | revenue | other
    measure_rule: str | None = None
    measure_confidence: float | None = None
    period_start: int | None = None  # the date mention of the same sentence that states when the figure applies
    period_end: int | None = None
    period_value: str | None = None  # that date's TIMEX value
    period_rule: str | None = None
    period_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class DocumentMention:
    start: int
    end: int
    text: str
    doc_type: str
    name_key: str | None             # normalised name used for linking (None for a bare type noun)
    rule: str
    confidence: float
    type_certain: bool = True        # False when the noun left the type open and a default was taken
                                     # (a lower-case "müqavilə" with nothing in its name to tell)


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One canonical document of the relationship (seed data: warehouse/documents_registry.toml)."""
    document_id: str                 # stable slug, e.g. "ru-az-declaration-allied-interaction-2022"
    canonical_name: str              # English, with parties and date: "Declaration on Allied Interaction (RU-AZ, 2022-02-22)"
    doc_type: str                    # one of DOC_TYPES
    signed_on: dt.date | None
    signed_place: str | None
    parties: tuple[str, ...]         # ISO 3166 alpha-2 codes, e.g. ("RU", "AZ")
    aliases: tuple[tuple[str, str], ...]  # (language, alias) pairs in az / ru / en
    signed_value: str | None = None  # TIMEX of the signing, as precise as known: "2022-02-22", "2022-09", "2012"


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """What one document mention refers to."""
    document_id: str | None          # registry id, or a stable derived id; None when unidentifiable
    canonical_name: str | None
    doc_type: str                    # the document's type
    signed_on: dt.date | None
    is_registered: bool              # True when the id comes from the registry
    method: str                      # how the link was made (alias, coreference, derived, several, ...)
    confidence: float
    mention_type: str | None = None  # the mention's type when it is not its noun's (a bare "müqavilə" is
                                     # whatever the document it refers to is); None: the noun's
    # What the article says of a derived document's signing (the registry's facts stand for its own).
    signed_value: str | None = None  # TIMEX, as precise as the text: "2022-09-03", "2022-09"
    signed_place: str | None = None
    parties: tuple[str, ...] | None = None
    members: tuple["DocumentLink", ...] = ()   # the documents a phrase names one by one, or a set's listed members

    @property
    def document_ids(self) -> list[str]:
        """Every document the mention refers to: itself (a document or a registered set), then its members."""
        ids = [self.document_id] if self.document_id else []
        for member in self.members:
            if member.document_id and member.document_id not in ids:
                ids.append(member.document_id)
        return ids
