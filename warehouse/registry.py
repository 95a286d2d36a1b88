"""Load and validate the canonical document registry (warehouse/documents_registry.toml).

The file is hand-edited seed data, so every problem is collected and reported at once
(``RegistryError``) instead of failing on the first one.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from transforms.mentions import DOC_TYPES, LANGUAGES, RegistryEntry

REGISTRY_PATH = Path(__file__).resolve().parent / "documents_registry.toml"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"id", "canonical_name", "doc_type", "signed_on", "signed_place", "parties", "aliases"}
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


class RegistryError(ValueError):
    """The registry file is malformed; the message lists every problem found."""


def load_registry(path: Path | None = None) -> list[RegistryEntry]:
    """All registry entries, in file order. Raises RegistryError when the file does not validate."""
    source = path or REGISTRY_PATH
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{source}: not valid TOML: {exc}") from exc
    return parse_registry(data, today=dt.date.today(), source=str(source))


def parse_registry(data: dict[str, Any], today: dt.date, source: str = "registry") -> list[RegistryEntry]:
    """Validate parsed TOML (``{"document": [...]}``) and build the entries."""
    problems: list[str] = []
    documents = data.get("document")
    if not isinstance(documents, list) or not documents:
        raise RegistryError(f"{source}: no [[document]] entries")
    entries: list[RegistryEntry] = []
    seen_ids: set[str] = set()
    seen_names: set[str] = set()
    for index, raw in enumerate(documents, start=1):
        where = f"{source}: document #{index} ({raw.get('id', '?') if isinstance(raw, dict) else '?'})"
        entry = _parse_entry(raw, where, today, problems)
        if entry is None:
            continue
        if entry.document_id in seen_ids:
            problems.append(f"{where}: duplicate id {entry.document_id!r}")
        if entry.canonical_name in seen_names:
            problems.append(f"{where}: duplicate canonical_name {entry.canonical_name!r}")
        seen_ids.add(entry.document_id)
        seen_names.add(entry.canonical_name)
        entries.append(entry)
    if problems:
        raise RegistryError("\n".join(problems))
    return entries


def _parse_entry(raw: Any, where: str, today: dt.date, problems: list[str]) -> RegistryEntry | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: not a table")
        return None
    before = len(problems)
    unknown = set(raw) - _FIELDS
    if unknown:
        problems.append(f"{where}: unknown fields {sorted(unknown)}")
    document_id = raw.get("id")
    if not isinstance(document_id, str) or not _ID.match(document_id):
        problems.append(f"{where}: id must be a lowercase slug (letters, digits, hyphens), got {document_id!r}")
    canonical = raw.get("canonical_name")
    if not isinstance(canonical, str) or not canonical.strip() or canonical != canonical.strip():
        problems.append(f"{where}: canonical_name must be a non-empty trimmed string")
    doc_type = raw.get("doc_type")
    if doc_type not in DOC_TYPES:
        problems.append(f"{where}: doc_type {doc_type!r} is not one of {DOC_TYPES}")
    signed_on = raw.get("signed_on")
    if signed_on is not None:
        if isinstance(signed_on, dt.datetime) or not isinstance(signed_on, dt.date):
            problems.append(f"{where}: signed_on must be a TOML date (YYYY-MM-DD), got {signed_on!r}")
            signed_on = None
        elif not _EARLIEST <= signed_on <= today:
            problems.append(f"{where}: signed_on {signed_on} is outside {_EARLIEST}..{today}")
    place = raw.get("signed_place")
    if place is not None and (not isinstance(place, str) or not place.strip()):
        problems.append(f"{where}: signed_place must be a non-empty string when given")
    parties = raw.get("parties", [])
    if not isinstance(parties, list) or not all(isinstance(p, str) for p in parties):
        problems.append(f"{where}: parties must be a list of ISO 3166-1 alpha-2 codes")
        parties = []
    else:
        bad = [p for p in parties if p not in ISO_COUNTRIES]
        if bad:
            problems.append(f"{where}: unknown party codes {bad} (ISO 3166-1 alpha-2, upper case)")
        if len(set(parties)) != len(parties):
            problems.append(f"{where}: repeated party code in {parties}")
    aliases = _parse_aliases(raw.get("aliases", {}), where, problems)
    if len(problems) > before:
        return None
    return RegistryEntry(
        document_id=document_id, canonical_name=canonical, doc_type=doc_type, signed_on=signed_on,
        signed_place=place, parties=tuple(parties), aliases=aliases,
    )


def _parse_aliases(raw: Any, where: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        problems.append(f"{where}: aliases must be a table of language = [names]")
        return ()
    out: list[tuple[str, str]] = []
    for language, names in raw.items():
        if language not in LANGUAGES:
            problems.append(f"{where}: alias language {language!r} is not one of {LANGUAGES}")
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(f"{where}: aliases.{language} must be a list of non-empty strings")
            continue
        for name in names:
            pair = (language, name.strip())
            if pair in out:
                problems.append(f"{where}: alias {name!r} listed twice for {language}")
            else:
                out.append(pair)
    return tuple(out)
