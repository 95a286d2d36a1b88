"""Count mentions: cardinals, ordinals, money and percent with their qualifier and counted object.

extract.py reads the numbers (digits, number words of the language layer, Roman numerals) in their
context; lexicon.py holds the words per language (currencies, qualifiers, units, stop words).
Examples that are the test: examples/<code>.toml."""
from transforms.counts.extract import extract_counts

__all__ = ["extract_counts"]
