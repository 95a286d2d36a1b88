"""Date rules of every language: ISO and numeric dates, copyright ranges, "(2008)" first, a plain
year range last."""
from __future__ import annotations

from transforms.dates.pieces import DASH, HY, S, S0, D, Y, alt
from transforms.lang import LANGUAGES
from transforms.dates.rules.ru import NRU

# The second number of a date in digits with the separators around it, each separator its own group
# (b: ".", bs: "/", bh: "-"), so that both separators are the same.
_SECOND = r"(?:\.(?P<b>[0-3]?[0-9])\.|/(?P<bs>[0-3]?[0-9])/|-(?P<bh>[0-3]?[0-9])-)"
_SECOND_SHORT = r"(?:\.(?P<b>[0-3][0-9])\.|/(?P<bs>[0-3][0-9])/)"

# Rules for every language, tried first: ISO and numeric dates, copyright ranges, "(2008)".
COMMON_RULES: list[tuple[str, str, str]] = [
    ("iso_date", rf"(?P<y>{Y})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12][0-9]|3[01])(?![0-9])", "numeric"),
    # ... with slashes or dots: "2013/02/17", "2013.02.17".
    ("iso_date_slash", rf"(?P<y>{Y})(?:/(?P<m>0?[1-9]|1[0-2])/|\.(?P<mb>0?[1-9]|1[0-2])\.)(?P<d>0?[1-9]|[12][0-9]|3[01])(?![0-9]|[.,/-][0-9])",
     "numeric"),
    # Day first ("22.02.2022", "7-05-2018"), or month first where the day cannot be a month ("10/31/1974")
    # or the language writes it so (NUMERIC_MONTH_FIRST in rules/<code>.py: English "11/30/1975").
    ("numeric_date", rf"(?<![0-9][.,/-])(?P<a>[0-3]?[0-9]){_SECOND}(?P<y>{Y})"
                     rf"(?![.,]?[0-9]|-[0-9])(?:{S0}(?:г\.|г{NRU}|(?i:года)))?", "numeric"),
    # A two-digit year: "24.07.25", "12.10.75", "18.07.14", "12/23/23" (00-49: 2000s, 50-99: 1900s).
    ("numeric_date_short_year", rf"(?<![0-9][.,/-])(?P<a>[0-3][0-9]){_SECOND_SHORT}(?P<yy>[0-9]{{2}})"
                                rf"(?![0-9]|[.,/-][0-9])", "numeric"),
    # ... also with one-digit day and month between slashes: "3/3/15".
    ("numeric_date_slash_short_year", rf"(?<![0-9][.,/-])(?P<a>[0-3]?[0-9])/(?P<bs>[0-3]?[0-9])/(?P<yy>[0-9]{{2}})"
                                      rf"(?![0-9]|[.,/-][0-9])", "numeric"),
    # A month and its year in digits, month first: "2/2013", "12/2020" (not a number "№ 5/2013").
    ("numeric_month_year", rf"(?<![0-9][.,/-])(?<![№#])(?<![№#] )(?<!No\. )(?P<mnum>1[0-2]|0?[1-9])/(?P<y>{Y})(?![0-9]|[.,/-][0-9])",
     "cal"),
    ("copyright_years", rf"©{S0}(?P<y>{Y})(?:{DASH}(?P<yb>{Y}))?", "cal"),
    ("year_in_parentheses", rf"(?<=\()(?P<y>{Y})(?=\))", "cal"),
]
# A month name of any language, as a written date has it (en "February", "Feb."; ru "февраля"; az
# "fevral"): a date written the way another language writes it ("February 22, 2022" in an
# Azerbaijani text, "03 sentyabr 2010" in an English one).
_ANY_MONTH = "(?i:" + alt({f for lang in LANGUAGES.values() for f in lang.month_date_forms}, True) + r")(?![^\W\d_])"

# After the language rules: a full date as another language writes it, a plain year range "2003-2022".
TRAILING_RULES: list[tuple[str, str, str]] = [
    ("foreign_day_month_year", rf"(?P<d1>{D})(?:st|nd|rd|th|\.)?{S}(?P<mon>{_ANY_MONTH})\.?,?{S}(?P<y>{Y})", "cal"),
    ("foreign_month_day_year", rf"(?P<mon>{_ANY_MONTH})\.?{S}(?P<d1>{D})(?:st|nd|rd|th)?,?{S}(?P<y>{Y})", "cal"),
    # Also with a two-digit end: "2024/25" (a season or academic year), "2019-24".
    ("year_range_plain", rf"(?<![$€£#№+/.:,\-‐–])(?P<y>{Y})(?:(?:{DASH}|/)(?P<yb>{Y})|(?:/|{HY})(?P<ys>[0-9]{{2}}))"
                         rf"(?![\w%]|[.,][0-9])", "cal"),
]


# Victory Day words of every language: the year the Second World War ended.
VICTORY_WORLD_WAR = (r"1945",)
