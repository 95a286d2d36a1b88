"""Page furniture is not the article: the dates of links to other stories after it (below a
"Read also" heading, or a line of a dash alone), and the "today is" widget of a page.

Headings of every language (transforms/lang/<code>/words.py FURNITURE_HEADINGS) are recognised,
as pages mix them; a heading counts on a line of its own (a colon or a few characters after it
allowed) once some article text has come before it.
"""
from __future__ import annotations

import re

from transforms.dates.grammar import Candidate
from transforms.dates.regex import word_alternation
from transforms.lang import LANGUAGES

_HEADING = re.compile(r"(?im)^[ \t]*(?:" + word_alternation({h for lang in LANGUAGES.values()
                                                              for h in lang.furniture_headings}, True)
                      .replace("\\ ", r"[ \t]+") + r")[ \t]*[:.…»\-–—]*[ \t]*$")
# A line of a dash or bullets alone, which pages put between the article and a list of other stories.
_DASH_LINE = re.compile(r"(?m)^[ \t]*[-–—•*·]{1,3}[ \t]*$")
# A body of at least this many characters comes before the furniture.
_MIN_BODY = 80
# "Today is Tuesday, 12 March 2024", "Сегодня: 12 марта", "Bu gün: 12 mart": the page's date of
# today (the reader's), not a day of the article.
_TODAY_IS = re.compile(r"(?i)[ \t]*(?:is|:|—|–|-)[ \t]*")


def furniture_start(text: str) -> int | None:
    """Where the page furniture after the article begins, or None."""
    found = [m.start() for m in (_HEADING.search(text, _MIN_BODY), _DASH_LINE.search(text, max(_MIN_BODY, len(text) // 2)))
             if m is not None]
    return min(found) if found else None


def without_furniture(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates of the article itself: none after the furniture begins, and no "today" of a
    "today is" widget (its date stays, as a date of the page)."""
    end = furniture_start(text)
    kept = [c for c in candidates if end is None or c.start < end]
    out: list[Candidate] = []
    for i, c in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if (c.kind == "day_rel" and c.offset == 0 and nxt is not None and nxt.granularity == "day"
                and nxt.kind in ("cal", "numeric", "weekday") and _TODAY_IS.fullmatch(text, c.end, nxt.start)
                and (text[c.end:nxt.start].strip() in (":", "—", "–", "-") or text[c.end:nxt.start].strip().lower() == "is")):
            nxt.widget = True
            continue
        out.append(c)
    return out
