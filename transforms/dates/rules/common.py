"""Date rules of every language: ISO and numeric dates, copyright ranges, "(2008)" first, a plain
year range last."""
from __future__ import annotations

from transforms.dates.pieces import DASH, HY, S0, Y
from transforms.dates.rules.ru import NRU

# Rules for every language, tried first: ISO and numeric dates, copyright ranges, "(2008)".
COMMON_RULES: list[tuple[str, str, str]] = [
    ("iso_date", rf"(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])", "numeric"),
    ("numeric_date", rf"(?<![0-9][.,/])(?P<a>[0-3]?[0-9])[./](?P<b>[01]?[0-9])[./](?P<y>{Y})(?![.,]?[0-9])"
                     rf"(?:{S0}(?:г\.|г{NRU}|(?i:года)))?", "numeric"),
    ("copyright_years", rf"©{S0}(?P<y>{Y})(?:{DASH}(?P<yb>{Y}))?", "cal"),
    ("year_in_parentheses", rf"(?<=\()(?P<y>{Y})(?=\))", "cal"),
]
# After the language rules: a plain year range "2003-2022" in any language.
TRAILING_RULES: list[tuple[str, str, str]] = [
    # Also with a two-digit end: "2024/25" (a season or academic year), "2019-24".
    ("year_range_plain", rf"(?<![$€£#№+/.:,\-‐–])(?P<y>{Y})(?:(?:{DASH}|/)(?P<yb>{Y})|(?:/|{HY})(?P<ys>[0-9]{{2}}))"
                         rf"(?![\w%]|[.,][0-9])", "cal"),
]


# Victory Day words of every language: the year the Second World War ended.
VICTORY_WORLD_WAR = (r"1945",)
