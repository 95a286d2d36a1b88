"""Azerbaijani morphology: vowel harmony and the case and possessive endings of nouns and numerals.

Suffix vowels follow the last vowel of the word: four-way harmony (ı/i/u/ü: "ilin", "ayın",
"ordunun", "gününün") and two-way harmony (a/ə: "Bakıda", "şəhərdə"). A stem that ends in a vowel
takes a buffer consonant (n, y, s) before a vowel suffix ("ikisi", "beşə", "Moskvaya").
"""
from __future__ import annotations

VOWELS = frozenset("aıoueəiöü")
BACK_VOWELS = frozenset("aıou")
_FOUR_WAY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}


def last_vowel(word: str) -> str:
    """The last vowel of ``word``; "ə" when it has none (a front vowel, as loanwords take)."""
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    return "ə"


def harmony4(word: str) -> str:
    """The four-way harmony vowel (ı/i/u/ü) that a suffix takes after ``word``."""
    return _FOUR_WAY.get(last_vowel(word), "i")


def harmony2(word: str) -> str:
    """The two-way harmony vowel (a/ə)."""
    return "a" if last_vowel(word) in BACK_VOWELS else "ə"


# The case and possessive endings a month name or another noun may carry, harmony left loose (for
# finding words: the stems are distinctive enough): fevralın, iyununda, sentyabrında, yanvarda,
# apreldən, yanvaradək, martınadək.
LOOSE_NOUN_ENDINGS = r"(?:[ıiuü](?:n(?:[ıiuü]n|d[aə]n?|[aə](?:d[əa]k)?)?)?|d[aə]n?|[aə](?:d[əa]k)?|d[aə]k)?"


def numeral_case_forms(stem: str) -> dict[str, str]:
    """Surface form -> suffix for the bare stem of a numeral, the cases, the 3rd-person possessive
    and the possessive followed by a case ("ikisi", "beşə", "yüzdən", "ikisinin", "mindək",
    "milyardlıq")."""
    ends_vowel = stem[-1] in VOWELS
    i4, a2 = harmony4(stem), harmony2(stem)
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


def ordinal_stem(cardinal: str) -> str:
    """"beş" -> "beşinci", "iki" -> "ikinci", "üç" -> "üçüncü", "doqquz" -> "doqquzuncu"."""
    i4 = harmony4(cardinal)
    if cardinal[-1] in VOWELS:
        return cardinal + "nc" + i4
    return cardinal + i4 + "nc" + i4


def noun_case_forms(base: str, after_possessive: bool) -> set[str]:
    """The case forms of a noun (or of its possessive or plural form ``base``): bare, genitive,
    accusative, dative, locative, ablative, locative + "-ki", instrumental "-la"."""
    vowel_end = base[-1] in VOWELS
    i, a = harmony4(base), harmony2(base)
    n = "n" if after_possessive else ""
    ki = "kı" if a == "a" else "ki"
    return {
        base,
        base + ("n" if vowel_end else "") + i + "n",                       # genitive
        base + ("n" if vowel_end else "") + i,                             # accusative
        base + ("n" if after_possessive else "y" if vowel_end else "") + a,  # dative
        base + n + "d" + a,                                                # locative
        base + n + "d" + a + "n",                                          # ablative
        base + n + "d" + a + ki,                                           # locative + -ki
        base + ("y" if vowel_end else "") + "l" + a,                       # instrumental -la
    }


def noun_forms(stem: str, compound_only: bool = False) -> dict[str, tuple[bool, bool]]:
    """Inflected forms of a noun -> (is_plural, is_possessive). ``compound_only``: the noun heads a
    compound and always carries the 3rd-person possessive ("yol xəritəsi", "Fəaliyyət Planı")."""
    forms: dict[str, tuple[bool, bool]] = {}
    plural = stem + "l" + harmony2(stem) + "r"
    possessive = stem + ("s" if stem[-1] in VOWELS else "") + harmony4(stem)
    plural_possessive = plural + harmony4(plural)
    first_plural = stem + ("" if stem[-1] in VOWELS else harmony4(stem)) + "m" + harmony4(stem) + "z"
    if not compound_only:
        forms.update(dict.fromkeys(noun_case_forms(stem, False), (False, False)))
        forms.update(dict.fromkeys(noun_case_forms(plural, False), (True, False)))
        forms.update(dict.fromkeys(noun_case_forms(first_plural, False), (False, False)))
    # possessive forms last: "sazişi" is both accusative and possessive, and may head a compound
    forms.update(dict.fromkeys(noun_case_forms(possessive, True), (False, True)))
    forms.update(dict.fromkeys(noun_case_forms(plural_possessive, True), (True, True)))
    return forms


# Endings read at the end of a word, or of the ending written after digits ("150-dən", "20%-ə"),
# harmony left loose: what a number or the noun after it is governed by.
ABLATIVE_END = r"(?:d|t)[aə]n$"                         # "-dan/-dən/-tan": "150-dən çox"
DATIVE_END = r"(?:^|[^aıoueəiöü])[aə]$|y[aə]$"          # "-a/-ə/-ya/-yə": "250-yə yaxın"
ACCUSATIVE_END = r"(?:^|[^aıoueəiöü]|n)[ıiuü]$"         # "-ı/-i/-nı": "dolları ötüb"
TERMINATIVE_END = r"(?:dək|c[əa]n)$"                    # "-dək/-cən": "100-dək"
POSSESSIVE_ALONE = r"^(?:s?[ıiuü])$"                    # the bare 3rd-person possessive: "18-i"
POSSESSIVE_END = r"(?:s[ıiuü]|[^aıoueəiöü][ıiuü])$"     # a compound's head: "ticarət dövriyyəsi"
# A case, possessive or plural ending that closes a noun phrase ("nəfərin", "ölkəsi", "şirkətlər").
CLOSING_END = r"(?:[ıiuüaə]|n[ıiuü]n|d[aə]n?|[ıiuü]n|l[aə]r\w*)$"
ADJECTIVE_END = r"(?:l[ıiuü]|s[ıiuü]z|d[aə]k[ıi]|ki)$"  # "zirehli", "sayısız", "Bakıdakı"
VERB_END = r"(?:ıb|ib|ub|üb|acaq|əcək|maq|mək|araq|ərək|dı|di|du|dü|mış|miş|muş|müş)$"
