"""Named-document mentions and their linking to canonical documents."""
from __future__ import annotations

import datetime as dt

from collections.abc import Sequence

from transforms.mentions import DocumentLink, DocumentMention, RegistryEntry


def extract_documents(text: str, language: str | None, published: dt.date | None = None) -> list[DocumentMention]:
    """Every mention of a specific legal or diplomatic document in ``text``, in text order."""
    return []


def link_documents(
    text: str,
    language: str | None,
    published: dt.date | None,
    mentions: Sequence[DocumentMention],
    registry: Sequence[RegistryEntry],
) -> list[DocumentLink]:
    """One link per mention (same order): the canonical document each mention refers to."""
    return [DocumentLink(None, None, m.doc_type, None, False, "none", 0.0) for m in mentions]
