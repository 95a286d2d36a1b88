"""English number words."""
from __future__ import annotations

from transforms.lang.numbers import HUNDRED, ORDINAL, SCALE, TIMES, UNIT, NumberWord

UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
        80: "eighty", 90: "ninety"}
HUNDRED_WORD = "hundred"
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
TENS_ORDINAL = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                70: "seventieth", 80: "eightieth", 90: "ninetieth", 100: "hundredth", 1000: "thousandth",
                1_000_000: "millionth", 1_000_000_000: "billionth"}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "quadrillion": 1_000_000_000_000_000, "mln": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
          "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trln": 1_000_000_000_000}
TIMES_WORDS = {"twice": 2, "thrice": 3, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
               "tenfold": 10}   # "a threefold rise"
DOZEN = "dozen"
DOZENS = ("dozen", "dozens")     # a scale of twelve: "two dozen" (24), "200 dozens" (2,400), "a dozen"
ZERO = ("zero", "nil", "naught", "nought", "zilch")
TENS_MISSPELT = {"fourty": 40}
# Nouns of two that count only after the article: "a couple of days", "a pair of" (alone: "the couple").
ARTICLE_TWOS = ("couple", "pair")
ARTICLE_ONE = ("a", "an")      # "a year ago"
JOINER = "and"                 # "one hundred and fifty"


def number_words() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for i, w in enumerate(UNITS, 1):
        table[w] = NumberWord(i, UNIT)
    for v, w in TENS.items():
        table[w] = NumberWord(v, UNIT)
    table[HUNDRED_WORD] = NumberWord(100, HUNDRED)
    for w, v in SCALES.items():
        table[w] = NumberWord(v, SCALE)
    for w in ("thousand", "million", "billion", "trillion"):
        table[w + "s"] = NumberWord(SCALES[w], SCALE)     # "three thousand millions"; alone vague ("millions of")
    for i, w in enumerate(ORDINALS, 1):
        table[w] = NumberWord(i, ORDINAL)
    for v, w in TENS_ORDINAL.items():
        table[w] = NumberWord(v, ORDINAL)
    for w, v in TIMES_WORDS.items():
        table[w] = NumberWord(v, TIMES)
    for w in DOZENS:
        table[w] = NumberWord(12, SCALE)
    for w in ZERO:
        table[w] = NumberWord(0, UNIT)
    for w, v in TENS_MISSPELT.items():
        table[w] = NumberWord(v, UNIT)
    for w in ARTICLE_TWOS:
        table[w] = NumberWord(2, UNIT)
    return table


def cardinals() -> dict[str, int]:
    return {**{w: i for i, w in enumerate(UNITS, 1)}, **{w: v for v, w in TENS.items()}, HUNDRED_WORD: 100}

ORDINAL_SUFFIX = r"st|nd|rd|th"   # after digits: "19th", "21st"
