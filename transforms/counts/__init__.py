"""Count mentions: cardinals, ordinals, money and percent with their qualifier and counted object.

extract.py reads the numbers (digits, number words of the language layer, Roman numerals) in their
context, with the unit each value is converted into; meaning.py says what an amount of money is (its
measure) and which date mention of the sentence is a figure's period; lexicon/<code>.py holds the
words per language (currencies, qualifiers, units, measures, stop words).
Examples that are the test: examples/<code>.toml."""
from transforms.counts.extract import extract_counts

__all__ = ["extract_counts"]
