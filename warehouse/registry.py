"""Load and validate the canonical document registry (warehouse/documents_registry.toml).

The file is hand-edited seed data: each [[document]] is validated by a pydantic model and every
problem of every entry is reported at once, with the file and the entry (``RegistryError``),
instead of failing on the first one.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import re

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator

from transforms.config_files import ConfigFileError, matching, parse_toml, repeated, validate_entries
from transforms.mentions import DOC_TYPES, LANGUAGES, RegistryEntry

REGISTRY_PATH = Path(__file__).resolve().parent / "documents_registry.toml"

# Documents of the registry predate no state that signs them here, and none is dated in the future.
_EARLIEST = dt.date(1900, 1, 1)

# ISO 3166-1 alpha-2 (officially assigned codes).
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
YT ZA ZM ZW
""".split())


class RegistryError(ConfigFileError):
    """The registry file is malformed; the message lists every problem found."""


class RegistryDocument(BaseModel):
    """One [[document]] entry (the fields are explained at the top of the file)."""
    model_config = ConfigDict(extra="forbid", strict=True)

    id: matching(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "must be a lowercase slug (letters, digits, hyphens)")
    canonical_name: str
    doc_type: Literal[DOC_TYPES]
    signed_on: dt.date | None = None          # a TOML date; strict: a date-time or a string is refused
    # when only the month or the year of the signing is known: "2022-09", "2012" (then no signed_on)
    signed_in: matching(r"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?$", "must be a year or a month: YYYY or YYYY-MM") | None \
        = None
    signed_place: str | None = None
    parties: list[str] = []
    aliases: dict[str, list[str]] = {}

    @field_validator("canonical_name")
    @classmethod
    def _name_is_trimmed(cls, value: str) -> str:
        if not value.strip() or value != value.strip():
            raise ValueError("must be a non-empty trimmed string")
        return value

    @field_validator("signed_on")
    @classmethod
    def _signed_in_range(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        today = (info.context or {}).get("today", dt.date.max)
        if value is not None and not _EARLIEST <= value <= today:
            raise ValueError(f"is outside {_EARLIEST}..{today}")
        return value

    @field_validator("signed_place")
    @classmethod
    def _place_is_named(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must be a non-empty string when given")
        return value

    @field_validator("parties")
    @classmethod
    def _parties_are_countries(cls, parties: list[str]) -> list[str]:
        unknown = [p for p in parties if p not in ISO_COUNTRIES]
        if unknown:
            raise ValueError(f"unknown party codes {unknown} (ISO 3166-1 alpha-2, upper case)")
        if len(set(parties)) != len(parties):
            raise ValueError("a party code is repeated")
        return parties

    @field_validator("aliases")
    @classmethod
    def _aliases_by_language(cls, aliases: dict[str, list[str]]) -> dict[str, list[str]]:
        problems = [f"language {language!r} is not one of {LANGUAGES}" for language in aliases
                    if language not in LANGUAGES]
        for language, names in aliases.items():
            if not all(name.strip() for name in names):
                problems.append(f"{language} must list non-empty names")
            problems += [f"{name!r} is listed twice for {language}" for _, name in
                         repeated([name.strip() for name in names])]
        if problems:
            raise ValueError("; ".join(problems))
        return aliases

    @model_validator(mode="after")
    def _one_signing_date_as_named(self) -> "RegistryDocument":
        if self.signed_on is not None and self.signed_in is not None:
            raise ValueError("give signed_on (a day) or signed_in (a month or a year), not both")
        signed = self.signed_value
        named = _NAMED_DATE.search(self.canonical_name)
        if named and named.group(1) != signed:
            raise ValueError(f"the canonical name's date {named.group(1)} is not the signing date ({signed})")
        return self

    @property
    def signed_value(self) -> str | None:
        """The signing date as precise as it is known (TIMEX: YYYY-MM-DD, YYYY-MM or YYYY)."""
        return self.signed_on.isoformat() if self.signed_on else self.signed_in

    def entry(self) -> RegistryEntry:
        return RegistryEntry(
            document_id=self.id, canonical_name=self.canonical_name, doc_type=self.doc_type,
            signed_on=self.signed_on, signed_place=self.signed_place, parties=tuple(self.parties),
            aliases=tuple((language, name.strip()) for language, names in self.aliases.items() for name in names),
            signed_value=self.signed_value)


# The date a canonical name ends with: "... (RU-AZ, 2022-02-22)", "... (AZ-IR-RU, 2022-09)".
_NAMED_DATE = re.compile(r"[(,]\s*((?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?)\)$")


def load_registry(path: Path | None = None) -> list[RegistryEntry]:
    """All registry entries, in file order. Raises RegistryError when the file does not validate."""
    source = path or REGISTRY_PATH
    return parse_registry(parse_toml(source.read_text(encoding="utf-8"), str(source), RegistryError),
                          today=dt.date.today(), source=str(source))


def parse_registry(data: dict[str, Any], today: dt.date, source: str = "registry") -> list[RegistryEntry]:
    """Validate parsed TOML (``{"document": [...]}``) and build the entries."""
    documents = data.get("document")
    if not isinstance(documents, list) or not documents:
        raise RegistryError([f"{source}: no [[document]] entries"])

    def where(number: int, raw: Any) -> str:
        return f"{source}: document #{number} ({raw.get('id', '?') if isinstance(raw, dict) else '?'})"

    valid, problems = validate_entries(RegistryDocument, documents, where, context={"today": today})
    for field in ("id", "canonical_name"):
        values = [raw.get(field) if isinstance(raw, dict) else None for raw in documents]
        problems += [f"{where(n, documents[n - 1])}: duplicate {field} {value!r}" for n, value in repeated(values)]
    if problems:
        raise RegistryError(problems)
    return [document.entry() for document in valid]
