"""Azerbaijani words that a full stop follows without ending the sentence."""
ABBREVIATIONS = frozenset({"b", "və s", "mln", "mlrd", "min", "səh", "prof", "akad", "gen"})
