"""Count mentions: cardinals, ordinals, money and percent with qualifier and counted object."""
from __future__ import annotations

from collections.abc import Sequence

from transforms.mentions import CountMention


def extract_counts(text: str, language: str | None, exclude: Sequence[tuple[int, int]] = ()) -> list[CountMention]:
    """Every count in ``text`` outside the ``exclude`` spans (the dates), in text order."""
    return []
