"""Load the canonical document registry (warehouse/documents_registry.toml)."""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from transforms.mentions import RegistryEntry

REGISTRY_PATH = Path(__file__).resolve().parent / "documents_registry.toml"


def load_registry(path: Path | None = None) -> list[RegistryEntry]:
    data = tomllib.loads((path or REGISTRY_PATH).read_text(encoding="utf-8"))
    out = []
    for d in data.get("document", []):
        signed = d.get("signed_on")
        out.append(RegistryEntry(
            document_id=d["id"], canonical_name=d["canonical_name"], doc_type=d["doc_type"],
            signed_on=signed if isinstance(signed, dt.date) else (dt.date.fromisoformat(signed) if signed else None),
            signed_place=d.get("signed_place"), parties=tuple(d.get("parties", ())),
            aliases=tuple((lang, a) for lang, names in d.get("aliases", {}).items() for a in names),
        ))
    return out
