"""Number words, ordinals, Roman numerals, scale words and digit parsing for az / ru / en.

A small hand-made lexicon: no PyPI package reads Azerbaijani number words (STACK-NOTES), and the
Russian and English tables are short enough to keep beside them, so that all three languages
follow one design. Everything here is a pure lookup or parse; tables are built once at import.

Word tables map a lower-case surface form (with its case ending) to a ``NumberWord``. A multi-word
number ("iyirmi beş", "двадцати пяти", "one hundred and fifty") is parsed by ``parse_word_sequence``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Kinds of number word.
UNIT = "unit"          # 1-9, 11-19 and the tens: they add up
HUNDRED = "hundred"    # "yüz", "hundred": multiplies what stands before it
SCALE = "scale"        # thousand, million, ...: closes a group
ORDINAL = "ordinal"    # a complete ordinal ("üçüncü", "третьей", "third")
TIMES = "times"        # multiplicative adverbs: "дважды", "twice"
COLLECTIVE = "collective"  # Russian "двое", "трое"


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str
    suffix: str = ""   # the case/possessive ending after the stem (Azerbaijani), for qualifiers


# --------------------------------------------------------------------------------------------
# Azerbaijani
# --------------------------------------------------------------------------------------------
_AZ_BACK = set("aıou")
_AZ_VOWELS = set("aıoueəiöü")


def _az_last_vowel(word: str) -> str:
    for ch in reversed(word):
        if ch in _AZ_VOWELS:
            return ch
    return "e"


def _az4(word: str) -> str:
    """The four-way harmony vowel (ı/i/u/ü) that a suffix takes after ``word``."""
    v = _az_last_vowel(word)
    return {"a": "ı", "ı": "ı", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}.get(v, "i")


def _az2(word: str) -> str:
    """The two-way harmony vowel (a/ə)."""
    return "a" if _az_last_vowel(word) in _AZ_BACK else "ə"


def az_case_forms(stem: str) -> dict[str, str]:
    """Surface form -> suffix for the bare stem, the cases, the 3rd-person possessive and the
    possessive followed by a case ("ikisi", "beşə", "yüzdən", "ikisinin", "mindək", "milyardlıq")."""
    ends_vowel = stem[-1] in _AZ_VOWELS
    i4, a2 = _az4(stem), _az2(stem)
    suffixes = [
        "",
        ("n" if ends_vowel else "") + i4 + "n",        # genitive
        ("n" if ends_vowel else "") + i4,              # accusative
        ("y" if ends_vowel else "") + a2,              # dative
        "d" + a2,                                      # locative
        "d" + a2 + "n",                                # ablative
        "dək",                                         # terminative: one form, no harmony
        "c" + a2 + "n",                                # colloquial terminative "-cən"
        "l" + i4 + ("q" if a2 == "a" else "k"),        # "-lıq/-lik/-luq/-lük": "milyardlıq"
    ]
    poss = ("s" if ends_vowel else "") + i4            # 3rd-person possessive
    suffixes += [poss, poss + "n" + i4 + "n", poss + "n" + i4, poss + "n" + a2,
                 poss + "nd" + a2, poss + "nd" + a2 + "n"]
    return {stem + s: s for s in suffixes}


_AZ_CARDINALS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60,
    "yetmiş": 70, "səksən": 80, "doxsan": 90,
}
# Inflected forms that are ordinary words of the language and must not be read as numbers:
# "onu/ona/onun/onda/ondan" are forms of the pronoun "o", "üçün" is the postposition "for",
# "altını/altının" are forms of "alt" (bottom, as in "altında" - under), "biri/birinə..." is
# "one of them", "mini" is the loanword.
_AZ_FORM_BLOCK = {
    "on": lambda s: s != "",
    "bir": lambda s: s != "",
    "altı": lambda s: s.startswith("n"),
    "üç": lambda s: s == "ün",
    "min": lambda s: s == "i",
}
_AZ_SCALES = {"min": 1_000, "milyon": 1_000_000, "milyard": 1_000_000_000, "trilyon": 1_000_000_000_000}
_AZ_SCALE_ABBREV = {"mln": 1_000_000, "mlrd": 1_000_000_000, "milyar": 1_000_000_000, "trln": 1_000_000_000_000}


def _az_ordinal_stem(cardinal: str) -> str:
    """"beş" -> "beşinci", "iki" -> "ikinci", "üç" -> "üçüncü", "doqquz" -> "doqquzuncu"."""
    i4 = _az4(cardinal)
    if cardinal[-1] in _AZ_VOWELS:
        return cardinal + "nc" + i4
    return cardinal + i4 + "nc" + i4


def _az_scale_forms() -> Iterator[tuple[str, NumberWord, bool]]:
    """Every case form of the Azerbaijani scale words, and whether it is blocked as a number word
    ("mini": elsewhere the loanword)."""
    for stem, value in {**_AZ_SCALES, **_AZ_SCALE_ABBREV}.items():
        block = _AZ_FORM_BLOCK.get(stem)
        for form, suffix in az_case_forms(stem).items():
            yield form, NumberWord(value, SCALE, suffix), block is not None and block(suffix)


def _build_az() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for stem, value in _AZ_CARDINALS.items():
        block = _AZ_FORM_BLOCK.get(stem)
        for form, suffix in az_case_forms(stem).items():
            if block is None or not block(suffix):
                table[form] = NumberWord(value, UNIT, suffix)
    for form, suffix in az_case_forms("yüz").items():
        table[form] = NumberWord(100, HUNDRED, suffix)
    table.update((form, word) for form, word, blocked in _az_scale_forms() if not blocked)
    for stem, value in {**_AZ_CARDINALS, "yüz": 100, "min": 1000, "milyon": 10**6}.items():
        ordinal = _az_ordinal_stem(stem)
        for form, suffix in az_case_forms(ordinal).items():
            table[form] = NumberWord(value, ORDINAL, suffix)
    table["ilk"] = NumberWord(1, ORDINAL)   # "ilk görüş" (first meeting); "ilki" is a pronoun
    return table


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------
def _ru(value: float, kind: str, *forms: str) -> dict[str, NumberWord]:
    return {f: NumberWord(value, kind) for f in forms}


_RU_UNITS_TEENS = {
    # "семью" is left out: it is far more often "семья" (family) in the accusative/instrumental.
    5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи",
    8: "восемь восьми восемью восьмью", 9: "девять девяти девятью", 10: "десять десяти десятью",
    11: "одиннадцать одиннадцати одиннадцатью", 12: "двенадцать двенадцати двенадцатью",
    13: "тринадцать тринадцати тринадцатью", 14: "четырнадцать четырнадцати четырнадцатью",
    15: "пятнадцать пятнадцати пятнадцатью", 16: "шестнадцать шестнадцати шестнадцатью",
    17: "семнадцать семнадцати семнадцатью", 18: "восемнадцать восемнадцати восемнадцатью",
    19: "девятнадцать девятнадцати девятнадцатью", 20: "двадцать двадцати двадцатью",
    30: "тридцать тридцати тридцатью", 40: "сорок сорока", 50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью", 70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью", 90: "девяносто девяноста",
}
_RU_HUNDREDS = {
    100: "сто ста", 200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трехсот трёхсот тремстам тремястами трехстах трёхстах",
    400: "четыреста четырехсот четырёхсот четыремстам четырьмястами четырехстах",
    500: "пятьсот пятисот пятистам пятьюстами пятистах", 600: "шестьсот шестисот шестистам шестистах",
    700: "семьсот семисот семистам семистах", 800: "восемьсот восьмисот восьмистам восьмистах",
    900: "девятьсот девятисот девятистам девятистах",
}
_RU_SCALES = {
    1_000: "тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысячах тыс",
    1_000_000: "миллион миллиона миллионов миллиону миллионом миллионе миллионы миллионам миллионами "
               "миллионах млн",
    1_000_000_000: "миллиард миллиарда миллиардов миллиарду миллиардом миллиарде миллиарды миллиардам "
                   "миллиардами миллиардах млрд",
    1_000_000_000_000: "триллион триллиона триллионов триллиону триллионом триллионе триллионы трлн",
}
_RU_ADJ_HARD = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
_RU_ADJ_SOFT_3 = ("ий", "ья", "ье", "ьи", "ьего", "ьей", "ьему", "ьим", "ьем", "ью", "ьих", "ьими")
_RU_ORDINAL_STEMS = {
    1: "перв", 2: "втор", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
    15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
    20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
    80: "восьмидесят", 90: "девяност", 100: "сот", 1000: "тысячн",
}


def _build_ru() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    table |= _ru(1, UNIT, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну")
    table |= _ru(2, UNIT, "два", "две", "двух", "двум", "двумя")
    table |= _ru(3, UNIT, "три", "трех", "трёх", "трем", "трём", "тремя")
    table |= _ru(4, UNIT, "четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя")
    table |= _ru(1.5, UNIT, "полтора", "полторы", "полутора")
    table |= _ru(500, UNIT, "полтысячи", "полутысячи", "полутысячей")
    table |= _ru(500_000, UNIT, "полмиллиона", "полумиллиона", "полумиллионом")
    table |= _ru(500_000_000, UNIT, "полмиллиарда", "полумиллиарда", "полумиллиардом")
    for value, forms in _RU_UNITS_TEENS.items():
        table |= _ru(value, UNIT, *forms.split())
    for value, forms in _RU_HUNDREDS.items():
        table |= _ru(value, UNIT, *forms.split())
    for value, forms in _RU_SCALES.items():
        table |= _ru(value, SCALE, *forms.split())
    for value, stem in _RU_ORDINAL_STEMS.items():
        endings = ("ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми") if value == 2 \
            else _RU_ADJ_HARD
        table |= _ru(value, ORDINAL, *(stem + e for e in endings))
    table |= _ru(3, ORDINAL, *("трет" + e for e in _RU_ADJ_SOFT_3))
    table |= _ru(2, COLLECTIVE, "двое", "двоих", "двоим", "двоими")
    table |= _ru(3, COLLECTIVE, "трое", "троих", "троим", "троими")
    table |= _ru(4, COLLECTIVE, "четверо", "четверых", "четверым")
    table |= _ru(5, COLLECTIVE, "пятеро", "пятерых", "пятерым")
    table |= _ru(6, COLLECTIVE, "шестеро", "шестерых")
    table |= _ru(7, COLLECTIVE, "семеро", "семерых")
    table |= _ru(8, COLLECTIVE, "восьмеро", "восьмерых")
    table |= _ru(9, COLLECTIVE, "девятеро", "девятерых")
    table |= _ru(10, COLLECTIVE, "десятеро", "десятерых")
    table |= _ru(2, TIMES, "дважды")
    table |= _ru(3, TIMES, "трижды")
    table |= _ru(4, TIMES, "четырежды")
    # Multiplier adverbs, read like "в два раза" ("вырос вдвое" -> 2); the noun "удвоение" is not one.
    table |= _ru(2, TIMES, "вдвое")
    table |= _ru(3, TIMES, "втрое")
    table |= _ru(4, TIMES, "вчетверо")
    table |= _ru(5, TIMES, "впятеро")
    table |= _ru(10, TIMES, "вдесятеро")
    return table


# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------
_EN_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen").split()
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
            80: "eighty", 90: "ninety"}
_EN_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_EN_TENS_ORDINAL = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                    70: "seventieth", 80: "eightieth", 90: "ninetieth", 100: "hundredth", 1000: "thousandth"}
_EN_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
              "trillion": 1_000_000_000_000, "mln": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
              "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trln": 1_000_000_000_000}


def _build_en() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for i, w in enumerate(_EN_UNITS, 1):
        table[w] = NumberWord(i, UNIT)
    for v, w in _EN_TENS.items():
        table[w] = NumberWord(v, UNIT)
    table["hundred"] = NumberWord(100, HUNDRED)
    for w, v in _EN_SCALES.items():
        table[w] = NumberWord(v, SCALE)
    for i, w in enumerate(_EN_ORDINALS, 1):
        table[w] = NumberWord(i, ORDINAL)
    for v, w in _EN_TENS_ORDINAL.items():
        table[w] = NumberWord(v, ORDINAL)
    table["twice"] = NumberWord(2, TIMES)
    table["thrice"] = NumberWord(3, TIMES)
    for i, w in enumerate(("twofold", "threefold", "fourfold", "fivefold"), 2):   # "a threefold rise"
        table[w] = NumberWord(i, TIMES)
    table["tenfold"] = NumberWord(10, TIMES)
    table["dozen"] = NumberWord(12, UNIT)
    return table


NUMBER_WORDS: dict[str, dict[str, NumberWord]] = {"az": _build_az(), "ru": _build_ru(), "en": _build_en()}
# After digits a blocked form can only be the scale: "4 mini" (4,000 of them).
SCALES_AFTER_DIGITS: dict[str, dict[str, NumberWord]] = {
    "az": {form: word for form, word, blocked in _az_scale_forms() if blocked}, "ru": {}, "en": {}}


def fold(word: str, language: str) -> str:
    """Lower case as the language does it: Azerbaijani "İki" -> "iki", "ILK" -> "ılk"
    (str.lower() turns "İ" into "i" plus a combining dot)."""
    if language == "az":
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower()


def lookup(word: str, language: str) -> NumberWord | None:
    """The number word ``word`` (any case), or None."""
    return NUMBER_WORDS[language].get(fold(word, language))


def lookup_scale_after_digits(word: str, language: str) -> NumberWord | None:
    """A scale word right after digits: the number words' scales, and the forms that only there
    are scales (az "mini": elsewhere the loanword)."""
    folded = fold(word, language)
    entry = NUMBER_WORDS[language].get(folded)
    if entry is not None and entry.kind == SCALE:
        return entry
    return SCALES_AFTER_DIGITS[language].get(folded)


def parse_word_sequence(words: list[str], language: str) -> tuple[float, int, str, str] | None:
    """Value of the longest number at the start of ``words``.

    Returns (value, words used, kind of the last word, suffix of the last word) or None.
    Joining words ("and" in "one hundred and fifty") must already be removed by the caller
    only where they stand between number words; here "and" is skipped when a number follows.
    """
    table = NUMBER_WORDS[language]
    total = 0.0
    group = 0.0
    used = 0
    last_kind = ""
    last_suffix = ""
    last_small = None   # value of the last UNIT word in the current group, for order checks
    i = 0
    while i < len(words):
        w = fold(words[i], language)
        if language == "en" and w == "and" and used and last_kind == HUNDRED and i + 1 < len(words):
            nxt = table.get(fold(words[i + 1], language))
            if nxt is not None and nxt.kind == UNIT:
                i += 1
                continue
        entry = table.get(w)
        if entry is None or entry.kind in (TIMES, COLLECTIVE) and used:
            break
        if used and last_suffix:
            break  # a case ending closes an Azerbaijani number: "ikisi beş" is two numbers
        if entry.kind == UNIT:
            if last_small is not None and not (last_small >= 10 and last_small % 10 == 0 and entry.value < 10
                                               or last_small >= 100 and entry.value < 100):
                break
            if last_kind == ORDINAL:
                break
            group += entry.value
            last_small = entry.value
        elif entry.kind == HUNDRED:
            if last_kind == HUNDRED or (last_small is not None and last_small >= 10):
                break
            group = (group or 1) * 100
            last_small = 100
        elif entry.kind == SCALE:
            if last_kind == SCALE and used:
                break
            total += (group or 1) * entry.value
            group = 0
            last_small = None
        elif entry.kind == ORDINAL:
            if last_small is not None and entry.value >= 10 and last_small < 100:
                break  # "двадцать двадцатый" is not a number
            group += entry.value
        else:  # TIMES / COLLECTIVE stand alone
            group += entry.value
        used = i + 1
        last_kind = entry.kind
        last_suffix = entry.suffix
        i += 1
        if last_kind in (ORDINAL, TIMES, COLLECTIVE):
            break
    if not used:
        return None
    return total + group, used, last_kind, last_suffix


# --------------------------------------------------------------------------------------------
# Roman numerals and digits
# --------------------------------------------------------------------------------------------
_ROMAN_VALID = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(s: str) -> int | None:
    """"VII" -> 7; None when ``s`` is not a well-formed upper-case Roman numeral."""
    if not s or not _ROMAN_VALID.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = _ROMAN_VALUES[a]
        total += -va if b != " " and _ROMAN_VALUES[b] > va else va
    return total


_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")


def parse_digits(s: str, language: str, scale_follows: bool = False) -> float | None:
    """Digits with separators as written in ``language``.

    Decimal comma in az/ru ("2,5" -> 2.5), decimal point and thousands comma in en
    ("7,200" -> 7200, "4.4" -> 4.4). Spaces between groups of three are thousands separators.
    In az/ru a single comma or dot followed by exactly three digits is read as thousands
    ("1.500 nəfər", "7,200 km") unless a scale word follows ("2,140 млрд" -> 2.14); in en only the
    comma groups thousands ("3.125" stays 3.125). With both separators the last one is the decimal
    mark. Returns None for shapes that are not one number ("12.03.2023").
    """
    s = _SPACES.sub("", s)
    if not s or not s[0].isdigit() or len(s) > 24:
        return None   # no count is written with that many digits (IDs, hashes)
    commas, dots = s.count(","), s.count(".")
    try:
        if commas and dots:
            dec = "," if s.rfind(",") > s.rfind(".") else "."
            thousands = "." if dec == "," else ","
            head, _, tail = s.rpartition(dec)
            groups = head.split(thousands)
            if any(len(g) != 3 for g in groups[1:]) or s.count(dec) > 1:
                return None
            return float(Decimal("".join(groups) + "." + tail))
        if commas + dots == 0:
            return float(Decimal(s))
        sep = "," if commas else "."
        groups = s.split(sep)
        if len(groups) > 2:
            if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
                return float(Decimal("".join(groups)))
            return None
        head, tail = groups
        as_thousands = len(tail) == 3 and len(head) <= 3 and head != "0"
        if language == "en":
            as_thousands = as_thousands and sep == ","
        elif scale_follows:
            as_thousands = False
        if as_thousands:
            return float(Decimal(head + tail))
        return float(Decimal(head + "." + tail))
    except InvalidOperation:
        return None


def scaled(value: float, scale: float) -> float:
    """value * scale without binary noise: 2.14 * 10**9 -> 2140000000.0."""
    if scale == 1:
        return float(value)      # most counts have no scale word; a float's repr reads back as itself
    return float(Decimal(repr(value)) * Decimal(int(scale) if scale == int(scale) else repr(scale)))
