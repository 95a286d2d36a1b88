"""Date mentions: the rules of each language (rules/<code>.py) find date expressions, the grammar
(grammar.py) turns each match into a candidate, and the resolver (resolve.py) gives it a TIMEX-style
value from the publication date and the rest of the text; tense.py says whether a clause speaks of
the past or the future. Examples that are the test: examples/<code>.toml."""
from transforms.dates.resolve import extract_dates, stamp_date

__all__ = ["extract_dates", "stamp_date"]
