"""Date mentions: finder grammar per language + normaliser to TIMEX-style values."""
from __future__ import annotations

import datetime as dt

from transforms.mentions import DateMention


def extract_dates(text: str, language: str | None, published: dt.date | None) -> list[DateMention]:
    """Every date, month, year, range or relative expression in ``text``, in text order."""
    return []
