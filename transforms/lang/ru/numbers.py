"""Russian number words in every case: cardinals, hundreds, scales, ordinals, collectives and the
multiplicative adverbs. Within each entry the nominative comes first."""
from __future__ import annotations

from transforms.lang.numbers import COLLECTIVE, ORDINAL, SCALE, TIMES, UNIT, NumberWord
from transforms.lang.ru.morphology import ADJECTIVE_HARD, ADJECTIVE_HARD_STRESSED, ADJECTIVE_SOFT_3

# value -> (nominative forms, other forms). "одно" is left out of the nominatives a grammar reads
# as a count of years or months; "семью" is left out: it is far more often "семья" (family).
CARDINALS = {
    1: ("один одна", "одно одного одной одному одним одном одну"),
    2: ("два две", "двух двум двумя"),
    3: ("три", "трех трёх трем трём тремя"),
    4: ("четыре", "четырех четырёх четырем четырём четырьмя"),
    5: ("пять", "пяти пятью"), 6: ("шесть", "шести шестью"), 7: ("семь", "семи"),
    8: ("восемь", "восьми восемью восьмью"), 9: ("девять", "девяти девятью"), 10: ("десять", "десяти десятью"),
    11: ("одиннадцать", "одиннадцати одиннадцатью одинадцать одинадцати"), 12: ("двенадцать", "двенадцати двенадцатью"),
    13: ("тринадцать", "тринадцати тринадцатью"), 14: ("четырнадцать", "четырнадцати четырнадцатью"),
    15: ("пятнадцать", "пятнадцати пятнадцатью"), 16: ("шестнадцать", "шестнадцати шестнадцатью"),
    17: ("семнадцать", "семнадцати семнадцатью"), 18: ("восемнадцать", "восемнадцати восемнадцатью"),
    19: ("девятнадцать", "девятнадцати девятнадцатью"), 20: ("двадцать", "двадцати двадцатью"),
    30: ("тридцать", "тридцати тридцатью"), 40: ("сорок", "сорока"), 50: ("пятьдесят", "пятидесяти пятьюдесятью"),
    60: ("шестьдесят", "шестидесяти шестьюдесятью"), 70: ("семьдесят", "семидесяти семьюдесятью"),
    80: ("восемьдесят", "восьмидесяти восемьюдесятью"), 90: ("девяносто", "девяноста"),
    100: ("сто", "ста"),
    200: ("двести", "двухсот двумстам двумястами двухстах"),
    300: ("триста", "трехсот трёхсот тремстам тремястами трехстах трёхстах"),
    400: ("четыреста", "четырехсот четырёхсот четыремстам четырьмястами четырехстах"),
    500: ("пятьсот", "пятисот пятистам пятьюстами пятистах"), 600: ("шестьсот", "шестисот шестистам шестистах шестьюстами"),
    700: ("семьсот", "семисот семистам семистах семьюстами"),
    800: ("восемьсот", "восьмисот восьмистам восьмистах восемьюстами"),
    900: ("девятьсот", "девятисот девятистам девятистах девятьюстами"),
}
# "пару", "парочку" (accusative: "пару дней", "пару тысяч") are two; the nominative "пара" is mostly the noun.
PAIR = {2: "пару парочку"}
HALVES = {1.5: "полтора полторы полутора", 500: "полтысячи полутысячи полутысячей",
          500_000: "полмиллиона полумиллиона полумиллионом", 500_000_000: "полмиллиарда полумиллиарда полумиллиардом"}
SCALES = {
    1_000: "тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысячах тыс тысяче",
    1_000_000: "миллион миллиона миллионов миллиону миллионом миллионе миллионы миллионам миллионами "
               "миллионах млн",
    1_000_000_000: "миллиард миллиарда миллиардов миллиарду миллиардом миллиарде миллиарды миллиардам "
                   "миллиардами миллиардах млрд",
    1_000_000_000_000: "триллион триллиона триллионов триллиону триллионом триллионе триллионы трлн "
                       "триллионам триллионами триллионах",
    1_000_000_000_000_000: "квадриллион квадриллиона квадриллионов квадриллиону квадриллионом квадриллионе "
                           "квадриллионы квадриллионам квадриллионами квадриллионах",
}
# Ordinals of a round number of thousands or millions are written as one word, the count in the
# genitive before the scale's ordinal stem: "двухтысячный" (2,000th), "стотысячной", "трёхмиллионный".
COMPOUND_ORDINAL_COUNTS = {2: "двух", 3: "трех трёх", 4: "четырех четырёх", 5: "пяти", 6: "шести", 7: "семи",
                           8: "восьми", 9: "девяти", 10: "десяти", 20: "двадцати", 50: "пятидесяти", 100: "сто"}
ORDINAL_STEMS = {
    1: "перв", 2: "втор", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
    15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
    20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
    80: "восьмидесят", 90: "девяност", 100: "сот", 200: "двухсот", 300: "трехсот", 400: "четырехсот",
    500: "пятисот", 600: "шестисот", 700: "семисот", 800: "восьмисот", 900: "девятисот", 1000: "тысячн",
    1_000_000: "миллионн", 1_000_000_000: "миллиардн",
}
# The same stems as Russian also prints them with "ё" ("четвёртый", "трёхсотый").
ORDINAL_STEMS_YO = {4: "четвёрт", 300: "трёхсот", 400: "четырёхсот"}
# Stems as they are often misspelt ("одинадцатый").
ORDINAL_STEMS_MISSPELT = {11: "одинадцат"}
ZERO = "ноль нуль ноля нуля нолю нулю нолем нулем нолём нулём ноле нуле"
ORDINAL_SOFT_STEMS = {3: "трет"}
COLLECTIVES = {2: "двое двоих двоим двоими", 3: "трое троих троим троими", 4: "четверо четверых четверым",
               5: "пятеро пятерых пятерым", 6: "шестеро шестерых", 7: "семеро семерых", 8: "восьмеро восьмерых",
               9: "девятеро девятерых", 10: "десятеро десятерых"}
# Multiplicative adverbs, and the multiplier adverbs read like "в два раза" ("вырос вдвое" -> 2);
# the noun "удвоение" is not one.
TIMES_WORDS = {2: "дважды", 3: "трижды", 4: "четырежды"}
MULTIPLIERS = {2: "вдвое", 3: "втрое", 4: "вчетверо", 5: "впятеро", 10: "вдесятеро"}


def _words(value: float, kind: str, forms) -> dict[str, NumberWord]:
    return {f: NumberWord(value, kind) for f in forms}


def number_words() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for value in (1, 2, 3, 4):
        table |= _words(value, UNIT, " ".join(CARDINALS[value]).split())
    for value, forms in (*HALVES.items(), *PAIR.items()):
        table |= _words(value, UNIT, forms.split())
    for value, forms in CARDINALS.items():
        if value > 4:
            table |= _words(value, UNIT, " ".join(forms).split())
    for value, forms in SCALES.items():
        table |= _words(value, SCALE, forms.split())
    for value, stem in ORDINAL_STEMS.items():
        endings = ADJECTIVE_HARD_STRESSED if value == 2 else ADJECTIVE_HARD
        table |= _words(value, ORDINAL, (stem + e for e in endings))
    for value, stem in (*ORDINAL_STEMS_YO.items(), *ORDINAL_STEMS_MISSPELT.items()):
        table |= _words(value, ORDINAL, (stem + e for e in ADJECTIVE_HARD))
    table |= _words(0, UNIT, ZERO.split())
    for count, prefixes in COMPOUND_ORDINAL_COUNTS.items():
        for scale in (1000, 1_000_000, 1_000_000_000):
            table |= _words(count * scale, ORDINAL, (prefix + ORDINAL_STEMS[scale] + e
                                                     for prefix in prefixes.split() for e in ADJECTIVE_HARD))
    for value, stem in ORDINAL_SOFT_STEMS.items():
        table |= _words(value, ORDINAL, (stem + e for e in ADJECTIVE_SOFT_3))
    for value, forms in COLLECTIVES.items():
        table |= _words(value, COLLECTIVE, forms.split())
    for value, word in TIMES_WORDS.items():
        table |= _words(value, TIMES, [word])
    for value, word in MULTIPLIERS.items():
        table |= _words(value, TIMES, [word])
    return table


def cardinals() -> dict[str, int]:
    """Nominative/accusative forms up to a hundred: the case "N лет назад" and "за N месяцев" take."""
    return {form: value for value, (nominative, _) in CARDINALS.items() if value <= 100
            for form in nominative.split()}


# Endings written after digits with a hyphen: an ordinal's ("23-е", "12-го", "1-й") and a
# cardinal's in an oblique case ("5-ти", "с 3-мя"). "-ю" is both (see counts).
DIGIT_ORDINAL_ENDINGS = frozenset({"й", "я", "е", "го", "му", "м", "ой", "ый", "ий", "ая", "ое", "ые", "ым", "ом", "им",
                                   "ую", "ей", "ого", "ему", "ых", "ье", "ья", "ьего", "ьей", "ьему", "ьим", "ие", "ее"})
DIGIT_CARDINAL_ENDINGS = frozenset({"ти", "ми", "и", "ю", "мя", "ух", "ёх", "ех", "ью", "ста", "сот", "х"})
# The same written straight after the digits, without a hyphen ("1й", "3я", "4ая", "3ья"); not "м"
# ("5м": metres) nor "х", "ые", "ых" (decades: "1990х").
DIGIT_ORDINAL_ENDINGS_ATTACHED = frozenset({"й", "я", "ая", "ья", "ый", "ой", "ий", "е", "ое", "го", "ого", "му",
                                            "ье", "ьего", "ьей", "ие", "ее",
                                            "ому", "ом", "ым", "ую"})
