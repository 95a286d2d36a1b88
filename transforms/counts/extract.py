"""Count mentions: cardinals, ordinals, money and percent with qualifier and counted object.

How it works, per article:
1. Candidates are digits, a currency sign before digits, upper-case Roman numerals and the number
   words of the language (one regex built as a trie from the tables of the language layer, transforms/lang).
2. Digits are checked in their context before anything else, because most digits in news are not
   counts: URLs, paths and hashes, times, dotted and ISO dates, phone numbers, UTC offsets, "3+3",
   day numbers next to a month name, labels after a designator ("Article 5", "пункт 3",
   "822 saylı"), product names ("Embraer 190", "Su-25", "G20"), years, list numbering.
3. From the number the reader goes forwards: attached suffix (ordinal "-ci", "19th", "23-е";
   Azerbaijani case "-dən", "-yə"; "%"), a range ("5–7"), a scale word, a currency or percent word,
   a post-qualifier ("150-dən çox", "or more", "с лишним"); then backwards for a qualifier phrase
   ("more than", "около", "təxminən") or verb ("exceeded"); then the counted noun phrase.
4. Mentions overlapping ``exclude`` (the dates) are dropped; the rest are returned in text order.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from transforms.counts import lexicon as lex
from transforms.lang import LANGUAGES, SENTENCE_STOPS, script_guess
from transforms.lang import numbers as _numbers
from transforms.dates.regex import word_alternation
from transforms.lang.az import morphology as az_morphology
from transforms.lang.az import numbers as az_numbers
from transforms.lang.az.morphology import numeral_case_forms
from transforms.lang.en import numbers as en_numbers
from transforms.lang.ru import morphology as ru_morphology
from transforms.lang.ru import numbers as ru_numbers
from transforms.lang.numbers import COLLECTIVE, HUNDRED, ORDINAL, SCALE, TIMES, UNIT, parse_digits, roman_to_int, scaled
from transforms.counts.meaning import assign_meaning
from transforms.mentions import CountMention, DateMention
from transforms.sentences import SentenceIndex

# The languages the count lexicon has words for.
_LANGS = tuple(code for code in LANGUAGES if code in lex.PERCENT_WORDS)
def _with_dotless_i(table: dict, turkic: bool) -> dict:
    """The table, and for a Turkic-i language every form with its "i"s written dotless: capitals are
    often typed with the Latin "I" ("5 MILYON MANAT", "IKI"), which folds to "ı" ("mılyon")."""
    if not turkic:
        return table
    out = dict(table)
    for word, entry in table.items():
        out.setdefault(word.replace("i", "ı"), entry)
    return out


NUMBER_WORDS = {code: _with_dotless_i(LANGUAGES[code].number_words, LANGUAGES[code].turkic_i) for code in _LANGS}
SCALES_AFTER_DIGITS = {code: _with_dotless_i(LANGUAGES[code].scales_after_digits, LANGUAGES[code].turkic_i)
                       for code in _LANGS}


_LOWER = {code: LANGUAGES[code].lower for code in _LANGS}
# The languages as the readers of word sequences see them: with the dotless-i forms above.
_READING = {code: dataclasses.replace(LANGUAGES[code], number_words=NUMBER_WORDS[code]) for code in _LANGS}


def fold(word: str, lang: str) -> str:
    """Lower case as the language writes it, same length ("İki" -> "iki", az "ILK" -> "ılk")."""
    return _LOWER[lang](word)


def lookup(word: str, lang: str):
    """The number word ``word`` (any case), or None."""
    return NUMBER_WORDS[lang].get(_LOWER[lang](word))


def lookup_scale_after_digits(word: str, lang: str):
    entry = NUMBER_WORDS[lang].get(_LOWER[lang](word))
    if entry is not None and entry.kind in (SCALE, HUNDRED):
        return entry       # "15 thousand", "33 hundred"
    return SCALES_AFTER_DIGITS[lang].get(_LOWER[lang](word))


def parse_word_sequence(words: list[str], lang: str):
    return _numbers.parse_word_sequence(words, _READING[lang])

_HS = r"[ \t\u00a0\u2009\u202f]"            # horizontal space: a count never runs over a line break
_DASH = r"[-‐‑–—]"
_SYMBOLS = "".join(re.escape(s) for s in lex.CURRENCY_SYMBOLS)
_SPACE_CHARS = " \t\u00a0\u2009\u202f"


def _rx(piece: str) -> str:
    """A pattern piece of the lexicon with its placeholders filled: ``{hs}`` horizontal space,
    ``{dash}`` a dash, ``{spaces}`` the space characters (inside a class), ``{half_forms}`` the case
    forms of az "yarım"."""
    return (piece.replace("{hs}", _HS).replace("{dash}", _DASH).replace("{spaces}", _SPACE_CHARS)
            .replace("{half_forms}", _AZ_HALF_FORMS))


def _words_alt(table: dict, escape: bool = True) -> str:
    """One alternation of the words (or patterns) every language lists under one name."""
    items = {w for words in table.values() if words for w in words}
    return "|".join(sorted((re.escape(w) if escape else w for w in items), key=lambda w: (-len(w), w)))


def _any_language(table: dict) -> str:
    """One alternation of a pattern each language may give (None: it has none)."""
    return "|".join(f"(?:{_rx(p)})" for p in table.values() if p) or "(?!)"


# "yarım" with a case ending: "3 il yarımdan çox".
_AZ_HALF_FORMS = "|".join(sorted((s for s in numeral_case_forms("yarım").values() if s), key=len, reverse=True))


def _alt(items) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def _words_regex(phrases) -> str:
    return _alt(re.escape(p).replace(r"\ ", rf"{_HS}+") for p in phrases)


def _first_of(patterns: dict[str, str], template: str = "{}") -> tuple[re.Pattern, tuple[str, ...]]:
    """One regex for a list of patterns tried in order (pattern -> value), each pattern its own
    group: a match is what the first pattern that matches would give alone, and ``lastindex`` says
    which pattern that was. One call instead of one per pattern."""
    if not patterns:
        return re.compile(r"(?!)"), ()
    compiled = [re.compile(template.format(rx)) for rx in patterns]
    assert not any(c.groups for c in compiled), "patterns with groups of their own would shift lastindex"
    return re.compile("|".join(f"({c.pattern})" for c in compiled)), tuple(patterns.values())


# ---------------------------------------------------------------------------------------------
# Compiled patterns (built once at import)
# ---------------------------------------------------------------------------------------------
# Candidates come from a few scans over the whole text: digits, currency signs before digits and
# Roman numerals in one, and number words (a trie of all their forms) on the case-folded text.
# Currency codes are read from the digits. The first scan starts with a plain character class and
# tells the kinds apart after it (a lookbehind on the character read): a pattern that starts with a
# class lets the regex engine skip straight to candidate characters, where an alternation of the
# three kinds, or "\b" before a Roman numeral, makes it try a match at every position. A Roman
# numeral must start a word ("\b" before its first letter, checked by the lookbehind) and end one.
_SYMBOL_DIGIT_ROMAN = re.compile(
    rf"[\d{_SYMBOLS}IVXLC](?:(?<=\d)(?P<digit>\d*)"
    rf"|(?<=[{_SYMBOLS}])(?P<sym>)(?={_HS}?\d)"
    rf"|(?<=[IVXLC])(?<!\w[IVXLC])(?P<roman>[IVXLC]{{0,6}})\b)")
_WORD_CANDIDATE = {
    lang: re.compile(
        rf"\b(?:(?P<word>{word_alternation(NUMBER_WORDS[lang])})"
        + (rf"|(?P<compound>(?:{_alt(lex.RU_COMPOUND_PREFIXES)}){lex.RU_COMPOUND_UNITS}\w*)" if lang == "ru" else "")
        + r")\b")
    for lang in _LANGS
}
_WORD_CANDIDATE_ANY_CASE = {lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _WORD_CANDIDATE.items()}
# Space-grouped thousands may end in a decimal part: "3 245 118,27 рубля", "2 618,4 млн".
_NUMBER = re.compile(r"\d{1,3}(?:[\u00a0\u2009\u202f ]\d{3})+(?:[.,]\d+)?(?![\d.,]\d)|\d+(?:[.,]\d+)*")
_OPENING_SPACE = lex.BEFORE_SIGN
_MINUS = lex.MINUS_SIGNS
# "1й", "3я", "4ая": a Russian ordinal ending written without its hyphen ("м" is metres, "х" decades).
_RU_ATTACHED_ORDINAL = ru_numbers.DIGIT_ORDINAL_ENDINGS_ATTACHED
# A day and month written with dots where the decimal mark is a comma: "01.04.", "14.10".
_DAY_MONTH_RUN = {lang: re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?:\.(?!\d)|(?![\d.,]))")
                  for lang in _LANGS if lang in ("az", "ru")}
# A day number, a short capitalised month name (of a language we do not list: "10 İyn 2019") and a year.
_DAY_WORD_YEAR = re.compile(rf"{_HS}+[A-ZА-ЯƏİÖÜÇŞĞ][a-zа-яəıöüçşğ]{{2,3}}\.?{_HS}+(?:19|20)\d\d(?!\d)")
_CODES = set(lex.CURRENCY_CODES)
_RUN = re.compile(r"\S*")
_WINDOW = 80      # how far around a number its context is read
# Shapes inside one whitespace-free run that make its digits no count.
_RUN_NOT_COUNT = re.compile(
    r"^(?:https?:|www\.)|[/\\_=@|]|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d:\d"
    r"|(?:UTC|GMT|MSK)[+−-]|\d\+\d|^\+\d|^[+−][\d:]+\)?$|(?<!\d)0\d\.[01]\d(?!\d)")
# Every shape above has one of these characters (most runs have none, and are not searched).
_RUN_NOT_COUNT_MARKS = frozenset("/\\_=@|-.:+−")
_PHONE = re.compile(r"\+\d[\d \-()]{6,}\d|(?:\d{1,2}[ -]?)?\(\d{2,5}\)\s*\d[\d \-]{4,}\d|\d{2,3}-\d{2}-\d{2}\b"
                    r"|\d{1,4}(?:-\d{2,4}){3,}\b"    # "8-800-222-74-47", "8 (495) 123-45-67"
                    r"|(?:\d{1,4} )?\d{2,4} \d{3} \d{2} \d{2}(?!\d)"   # "050 123 45 67": no thousands groups
                    r"|\d{3}-\d{3}-\d{4}\b")                          # "650-650-6500"
# Page furniture around an article: counters and ratings after a label at the start of a line,
# and "N comments" / "N просмотров".
_PAGE_LABEL = re.compile(rf"\W*(?i:{lex.PAGE_LABELS})[^\W\d]*(?:{_HS}+[^\W\d]+)?{_HS}*[:(]{_HS}*$")
_PHONE_LABEL_BEFORE = re.compile(rf"(?i:{lex.PHONE_LABELS}){_HS}*[:\-–—]?{_HS}*$")
# Each telephone label contains one of these: a substring test before each number is cheap, the
# label regex (tried at every position of the window) is run only when one is there.
_PHONE_LABEL_KEYS = lex.PHONE_LABEL_KEYS
_PAGE_NOUN_AFTER = re.compile(rf"{_HS}+(?i:{lex.PAGE_NOUNS})(?!\w)")
_PLUS_FORMAT = re.compile(rf"\d+{_HS}?\+{_HS}?\d+")
_DESIGNATOR = re.compile(rf"(?i:{lex.DESIGNATORS})")
_NAME_PREFIX = re.compile(rf"(?:{lex.NAME_PREFIXES})")
# A month word a day number can follow ("June 27", "martın 1-də"; not "martınadək 1 milyard").
_MONTH_BEFORE_DAY = {lang: re.compile(rf"(?i:{lex.MONTHS_BEFORE_DAY.get(lang, lex.MONTHS[lang])})") for lang in _LANGS}
# Numbers listed after a designator, each maybe with a short gloss in brackets: "Articles 5, 6 and 7",
# "статьи 206 (контрабанда) и 192 (легализация ...)".
_LIST_CHAIN = re.compile(rf"(?:(?:{_HS}*\([^()\n\d]{{1,80}}\))?{_HS}*(?:,|{_words_alt(lex.LIST_CONJUNCTIONS)}|{_DASH}){_HS}*"
                         rf"\d+[a-zа-я]?(?!\w))*")
_SAYLI_AFTER = re.compile(_any_language(lex.NUMBER_LABELS_AFTER))
# (The words and endings of every language: a date in one language's words stands in another's text.)
_ALL_MONTHS = "|".join(f"(?:{lex.MONTHS[code]})" for code in _LANGS)
_MONTH_AFTER = {
    lang: re.compile(rf"(?:(?:{_HS}?{_DASH}{_HS}?|{_HS}+(?i:{_words_alt(lex.DAY_RANGE_WORDS)}){_HS}+)\d{{1,2}})?"
                     rf"(?:[-‐]?(?i:{_words_alt(lex.DAY_ENDINGS)}))?"
                     rf"{_HS}*,?{_HS}*(?:of{_HS}+)?(?i:{_ALL_MONTHS})(?![^\W\d_])(?:{_HS}*,?{_HS}*\d{{4}}(?!\d))?")
    for lang in _LANGS
}
_MONTH_TAIL = re.compile(rf"(?:(?:{_HS}?{_DASH}{_HS}?|{_HS}+(?i:{_words_alt(lex.DAY_RANGE_WORDS)}){_HS}+)\d{{1,2}})?(?:[-‐]?[^\W\d_]+)?(?:{_HS}*,?{_HS}*\d{{4}}(?!\d))?")
_DECADE_AFTER = re.compile(rf"(?:{_words_alt({k: [_rx(p) for p in v] for k, v in lex.DECADE_ENDINGS.items()}, False)})(?!\w)")
_CLOCK_AFTER = re.compile(rf"{_HS}*(?i:{_words_alt({k: [_rx(p) for p in v] for k, v in lex.CLOCK_AFTER.items()}, False)})")
_YEAR_AFTER = re.compile(rf"(?:[-‐'’]?(?i:{_words_alt(lex.YEAR_ENDINGS)}))?{_HS}*(?i:{lex.YEAR_WORDS})(?!\w)")

_ATTACHED = re.compile(r"[^\W\d_]+")
_SUFFIX = re.compile(r"[-‐‑'’`](?P<s>[^\W\d_]+)")
_EN_ORDINAL_SUFFIX = re.compile(rf"(?i:{en_numbers.ORDINAL_SUFFIX})")   # "5th" in any language
_PERCENT_SIGN = re.compile(rf"{_HS}?%(?:[-‐'’](?P<s>[^\W\d_]+))?")
_RANGE_DASH = re.compile(rf"{_HS}?{_DASH}{_HS}?(?=[{_SYMBOLS}]?\d)")
_DASHES = frozenset("-‐‑–—")    # a range dash stands in the first two characters after the number
_AZ_RANGE_GAP = re.compile(rf"{_HS}+(?=\d)")
# (Possessive quantifiers here and in _WORD_REVERSED: nothing after them could take characters back,
# and the engine keeps no states to retry.)
_WORD_AFTER = re.compile(rf"{_HS}*+(?P<w>[^\W\d_]++(?:[-‐][^\W\d_]++)*+)")
_WORDS_SEQ = re.compile(rf"[^\W\d_]+(?:(?:{_HS}+|-)[^\W\d_]+){{0,40}}")
_SPLIT_WORDS = re.compile(rf"{_HS}+|-")

_ABBREV_WITH_DOT = lex.ABBREVIATED_SCALES
# The scale words as a trie (several hundred inflected forms in Azerbaijani): an alternation of them
# all is tried word by word wherever it fails, which is after nearly every number. Of the forms that
# match at one place the trie tries the longest first, as the alternation sorted by length did.
_SCALE_WORDS = {
    lang: sorted({*(w for w, e in NUMBER_WORDS[lang].items() if e.kind in (SCALE, HUNDRED)), *SCALES_AFTER_DIGITS[lang],
                  *(w for w in lex.ATTACHED_SCALES if w not in lex.MONEY_ONLY_SCALES)})
    for lang in _LANGS
}
_SCALE_AFTER = {lang: re.compile(rf"{_HS}*(?P<w>(?i:{word_alternation(_SCALE_WORDS[lang], ignorecase=True)}))(?![^\W\d_])")
                for lang in _LANGS}
_CURRENCY_AFTER = {
    lang: re.compile(
        rf"{_HS}*(?:(?P<code>{_alt(lex.CURRENCY_CODES)})\b|(?P<sym>[{_SYMBOLS}])|"
        + "|".join(f"(?P<c{i}>(?i:{entry[0]}))" for i, entry in enumerate(lex.CURRENCY_WORDS[lang])) + ")")
    for lang in _LANGS
}
# Sub-units after a number: a hundredth of the currency ("43 cents", "40 копеек", "43ц", "bir qəpik").
_SUBUNIT_AFTER = {
    lang: re.compile(rf"{_HS}*(?:" + "|".join(f"(?P<c{i}>(?i:{rx}))" for i, (rx, _) in enumerate(lex.SUBUNIT_WORDS[lang]))
                     + ")")
    for lang in _LANGS
}
# What joins a figure in a currency to its sub-units: "20 dollars 43 cents", "1 доллар и 42 цента",
# "bir manat, doxsan dörd qəpik", "twenty dollar and 43".
_SUBUNIT_LEAD = {lang: re.compile(rf"{_HS}*(?:,{_HS}*)?(?P<j>(?i:{_alt(lex.SUBUNIT_JOINERS[lang])}){_HS}+)?(?=\w)")
                 for lang in _LANGS}
_SUBUNIT_DIGITS = re.compile(r"\d{1,2}(?![\d.,]\d)")
# A number spelled out in brackets after the digits, as contracts write it: "881 913 (Восемьсот
# восемьдесят одна тысяча девятьсот тринадцать) руб.".
_SPELLED_OUT = re.compile(rf"{_HS}*\((?P<words>[^\W\d_][^()\n\d]{{0,200}})\)")
# "a dollar", "a kilogram": the article as the number one before a currency or a unit (English).
_ARTICLE_ONE = {lang: re.compile(rf"(?<!\w)(?:{_alt(LANGUAGES[lang].article_one)}){_HS}+(?=(?:{lex.ARTICLE_UNITS[lang]})(?![\w-]))")
                for lang in _LANGS if LANGUAGES[lang].article_one and lex.ARTICLE_UNITS[lang]}
_PERCENT_AFTER = {lang: re.compile(rf"{_HS}*(?i:{lex.PERCENT_WORDS[lang]})") for lang in _LANGS}

_PRE_QUAL_LONGEST = max(len(p.split()) for q in lex.PRE_QUALIFIERS.values() for p in q)
_PRE_QUAL_LAST_WORDS = {lang: {p.split()[-1] for p in lex.PRE_QUALIFIERS[lang]} for lang in _LANGS}
_PREPOSITIONS_BEFORE_NUMBER = lex.PREPOSITIONS_BEFORE_NUMBER     # "более чем на 20%", "почти в два раза"
_PRE_VERB = {lang: _first_of(lex.PRE_VERB_QUALIFIERS[lang], "(?i:{})") for lang in _LANGS}
_INNER_QUALIFIER = {   # only for the languages that write a qualifier there
    lang: re.compile(rf"{_HS}+(?P<q>(?i:{_words_regex(lex.INNER_QUALIFIERS[lang])}))(?!\w)")
    for lang in _LANGS if lex.INNER_QUALIFIERS[lang]
}
_HS_RUN = re.compile(rf"{_HS}+")
_ARTICLE_NUMBERS = {"dozen", *en_numbers.ARTICLE_TWOS}   # number nouns that count only after "a"
# "целых", "tam" after the whole part of a decimal fraction written in words, and the denominators.
_WHOLE_AFTER = {lang: re.compile(rf"{_HS}+(?i:{lex.WHOLE_WORDS[lang]}){_HS}+(?=\w)") for lang in _LANGS
                if lex.WHOLE_WORDS[lang]}
_DENOMINATOR = {lang: re.compile(rf"{_HS}*(?:" + "|".join(f"((?i:{rx}))" for rx, _ in lex.FRACTION_DENOMINATORS[lang])
                                 + r")(?!\w)") for lang in _WHOLE_AFTER}
_DECIMAL_WORD_AFTER = {lang: re.compile(rf"{_HS}+(?i:{lex.DECIMAL_POINT_WORDS[lang]}){_HS}+(?=\w)") for lang in _LANGS}
# Physical units after a number, each its own group in the lexicon's order (the first that matches).
_UNIT_WORDS = {lang: "(?:" + "|".join(f"((?i:{rx}))" for rx, _, _ in lex.UNIT_WORDS[lang]) + r")(?![^\W\d_])"
               for lang in _LANGS}
_UNIT_AFTER = {lang: re.compile(rf"{_HS}*{_UNIT_WORDS[lang]}") for lang in _LANGS}
# A unit of measure after "one", "один", "bir" makes it a count, as a noun of ONE_UNIT_NOUNS does
# ("one mile", "одна миля", "bir litr").
_ONE_MEASURE = {lang: re.compile(rf"{_HS}+{_UNIT_WORDS[lang]}") for lang in _LANGS}
_NEGATIVE_BEFORE = {lang: re.compile(rf"(?i:(?<!\w)(?:{_alt(lex.NEGATIVE_WORDS[lang])})){_HS}+$") for lang in _LANGS}
# "and a half" after a number ("3 il yarım", "два с половиной", "two and a half"): adds 0.5; the
# unit becomes the object. A half with no whole number before it ("yarım milyon", "half a
# billion") is scanned on the folded text; a leading word boundary would make the scan ten times
# slower, so the word start is checked on each (rare) hit instead.
_HALF_AFTER = {lang: re.compile(rf"{_HS}+{_rx(lex.HALF_AFTER[lang])}") for lang in _LANGS}
_HALF_WORD = {lang: re.compile(rf"{lex.HALF_WORD[lang]}(?!\w)") for lang in _LANGS if lex.HALF_WORD[lang]}
_HALF_WORD_ANY_CASE = {lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _HALF_WORD.items()}
_HALF_SCALE_AFTER = {lang: re.compile(rf"{_HS}+{_rx(lex.HALF_SCALE_AFTER[lang])}") for lang in _LANGS
                     if lex.HALF_SCALE_AFTER[lang]}
_UNIT_AND_A_HALF_BEFORE = {lang: re.compile(_rx(lex.UNIT_AND_A_HALF_BEFORE[lang])) for lang in _LANGS
                           if lex.UNIT_AND_A_HALF_BEFORE[lang]}
_POST_QUAL = {lang: _first_of(lex.POST_QUALIFIERS[lang], f"(?:{_HS}*|[-‐])(?i:{{}})") for lang in _LANGS}
_CHANGE_BEFORE = {lang: re.compile(rf"(?i:(?<!\w){lex.CHANGE_VERBS[lang]})") for lang in _LANGS}
_CAPACITY_BEFORE = {lang: re.compile(rf"(?i:(?<!\w){lex.CAPACITY_BEFORE[lang]})") for lang in _LANGS}
# A clause with a verb of its own ("..., а пропускная способность составит до 5 млн") does not
# continue the change before the comma.
_CHANGE_GAP_VERB = re.compile(rf"(?i)[^\W\d_]+(?:{_words_alt(lex.VERB_FORM_ENDINGS)})(?!\w)")
_CHANGE_AFTER_AZ = re.compile(rf"{_HS}+(?:[^\W\d_]+{_HS}+){{0,2}}?(?i:{lex.CHANGE_VERBS['az']})")
_RANGE_FROM = {lang: re.compile(rf"(?i:(?<!\w)(?:{lex.RANGE_FROM[lang]})){_HS}+(?:[{_SYMBOLS}])?$")
               for lang in _LANGS if lex.RANGE_FROM[lang]}
_RANGE_TO = {lang: re.compile(rf"{_HS}+(?:{lex.RANGE_TO[lang]}){_HS}+(?=[{_SYMBOLS}]?\d)") for lang in _LANGS}

_QUANTITY_NOUN = {lang: re.compile(rf"{_HS}*(?i:{lex.QUANTITY_NOUNS[lang]})") for lang in _LANGS}
_ONE_UNIT = {lang: re.compile(rf"{_HS}+(?i:{lex.ONE_UNIT_NOUNS[lang]})(?!\w)") for lang in _LANGS}
_IDIOM = {lang: re.compile(rf"(?i:{lex.ORDINAL_IDIOMS[lang]})") for lang in _LANGS}
_ROMAN_NOUN = {lang: re.compile(rf"(?i:{lex.ROMAN_EVENT_NOUNS[lang]})") for lang in _LANGS}
_DATE_PART = {lang: re.compile(rf"{_HS}+(?i:{lex.DATE_PART_NOUNS[lang]})") for lang in _LANGS}
def _weekday_words(words) -> str:
    """A pattern of weekday names: a stem takes any ending ("сред" -> "среды"), a short abbreviation
    only as a whole word ("вс", not the start of "встреча")."""
    stems = [w for w in words if len(w) > 2]
    short = [w for w in words if len(w) <= 2]
    pattern = rf"(?i:{_alt(re.escape(w) for w in stems)})[^\W\d_]*"
    return pattern + (rf"|(?i:{_alt(re.escape(w) for w in short)})(?![^\W\d_])" if short else "")


# An ordinal before a month or a weekday is a day or a weekday of a date ("Двадцать второго февраля",
# "third Tuesday of September"), which the date extractor owns.
_ORDINAL_DATE_AFTER = {
    lang: re.compile(rf"{_HS}+(?:(?i:{lex.MONTHS[lang]})(?![^\W\d_])|"
                     rf"{_weekday_words(LANGUAGES[lang].weekdays)})")
    for lang in _LANGS}
_VAGUE_SCALE_AFTER = {lang: re.compile(rf"{_HS}+(?i:{lex.VAGUE_SCALE_AFTER[lang]})(?!\w)") for lang in _LANGS
                      if lex.VAGUE_SCALE_AFTER[lang]}
_ONE_OF = {lang: re.compile(rf"{_HS}+(?i:{lex.ONE_OF[lang]}){_HS}+") for lang in _LANGS if lex.ONE_OF[lang]}
# "one of the first", "один из первых": a superlative or an ordinal after "one of" is an idiom.
_ONE_OF_NOT = {lang: re.compile(rf"{_HS}+(?i:{lex.ONE_OF[lang]}){_HS}+(?:the{_HS}+)?(?i:first|перв\w*|most|best|last|послед\w*)\b")
               for lang in _LANGS if lex.ONE_OF[lang]}
_BARE_ORDINAL_BEFORE = {lang: re.compile(rf"(?i:(?<!\w)(?:{lex.BARE_ORDINAL_BEFORE[lang]})){_HS}+$")
                        for lang in _LANGS if lex.BARE_ORDINAL_BEFORE[lang]}
_ONE_OF_BEFORE = re.compile(rf"(?i:(?<!\w)(?:one|among|один|одна|одно|одним|одной)){_HS}+(?:(?:of|из){_HS}+)?(?:the{_HS}+)?$")
_DAY_OF_MONTH_BEFORE = re.compile(rf"(?i:(?<!\w)(?:on|by|until|till|from|since){_HS}+the{_HS}+)$")   # "on the first": a day
_CLAUSE_END_AFTER = re.compile(rf"{_HS}*(?:[.,;:!?)»\"]|$)")
_LABEL_AFTER_ORDINAL = re.compile(rf"{_HS}+(?i:{lex.LABEL_NOUNS_AFTER_ORDINAL})")
_NOT_COUNT_UNIT_AFTER = re.compile(rf"{_HS}*(?i:{_alt(lex.NOT_COUNT_UNITS)})(?!\w)")
_OF_NUMBER = {  # "39 из 67 человек", "18 of the 25 members", "onlardan 18-i": the object comes later
    lang: re.compile(rf"{_HS}+{_rx(lex.OF_NUMBER[lang])}(?=\d|[^\W\d_]+{_HS})") for lang in _LANGS if lex.OF_NUMBER[lang]
}

_AZ_NEGATED = re.compile(rf"{_HS}+(?i:{lex.AZ_NEGATED_AFTER})")
_AZ_EXCEED_VERB = re.compile(lex.AZ_EXCEED_VERBS)
_AZ_APPROACH_VERB = re.compile(lex.AZ_APPROACH_VERBS)
_AZ_NOT_EXCEED_VERB = re.compile(lex.AZ_NOT_EXCEED_VERBS)
_AZ_START_VERB = re.compile(lex.AZ_START_VERBS)
_AZ_ACCUSATIVE = re.compile(az_morphology.ACCUSATIVE_END)
_AZ_QUALIFIER_WORDS = {*lex.AZ_AFTER_ABLATIVE, *lex.AZ_AFTER_DATIVE, *lex.AZ_AFTER_ANY}
_AZ_ANNIVERSARY = re.compile(rf"{_HS}+(?i:{_rx(lex.AZ_ANNIVERSARY_AFTER)})")
_AZ_ABLATIVE = re.compile(az_morphology.ABLATIVE_END)
_AZ_DATIVE = re.compile(az_morphology.DATIVE_END)
_AZ_POSSESSIVE = re.compile(az_morphology.POSSESSIVE_ALONE)
_AZ_POSSESSIVE_END = re.compile(az_morphology.POSSESSIVE_END)
_AZ_ORDINAL_SUFFIX = re.compile(az_numbers.DIGIT_ORDINAL_ENDING)
_AZ_TERMINATIVE = re.compile(az_morphology.TERMINATIVE_END)
_RU_ORDINAL_SUFFIXES = ru_numbers.DIGIT_ORDINAL_ENDINGS
_RU_CARDINAL_SUFFIXES = ru_numbers.DIGIT_CARDINAL_ENDINGS
_RU_COMPOUND = re.compile(lex.RU_COMPOUND_AFTER_DIGITS)
_EN_FRACTION_AFTER = re.compile(rf"(?i:{lex.EN_FRACTIONS_AFTER_HYPHEN})(?!\w)")
_EN_AFTER_ORDINAL_OK = re.compile(rf"(?i:{lex.EN_AFTER_ORDINAL_HYPHEN})$")
_EN_HYPHEN_UNITS = re.compile(rf"(?i:{lex.EN_HYPHEN_UNITS})$")
_EN_ONE_PRONOUN = re.compile(rf"(?i:{_rx(lex.EN_ONE_PRONOUN)})")
_EN_NO_ONE_BEFORE = re.compile(rf"(?i:(?<!\w)(?:{lex.EN_NO_ONE_BEFORE}){_HS}*$)")
_EVERY_BEFORE = re.compile(rf"(?i:(?<!\w)(?:{_words_alt({k: [v] for k, v in lex.EVERY_BEFORE.items()}, False)}){_HS}+)$")
_EN_ONE_HYPHEN_UNIT = re.compile(lex.EN_ONE_HYPHEN_UNIT)
_RU_ONE_IDIOM = re.compile(rf"(?i:(?<!\w)(?:{lex.RU_ONE_IDIOM_BEFORE}){_HS}+$)")
# "only one", "по одному" (one each), "всего одна": a restricting word makes "one" a count before
# any noun ("по одному контракту", "only one country"), but not in "one of", "one and the same".
_ONLY_ONE_BEFORE = {lang: re.compile(rf"(?i:(?<!\w)(?:{_rx(lex.ONLY_ONE_BEFORE[lang])})){_HS}+$")
                    for lang in _LANGS if lex.ONLY_ONE_BEFORE[lang]}
_ONLY_ONE_NOT_AFTER = {lang: re.compile(_rx(lex.ONLY_ONE_NOT_AFTER[lang])) for lang in _LANGS if lex.ONLY_ONE_NOT_AFTER[lang]}

_AZ_OBJECT_END = re.compile(az_morphology.CLOSING_END)
_AZ_ADJ_I = lex.AZ_ADJECTIVES_IN_I
_AZ_ADJ_SUFFIX = re.compile(az_morphology.ADJECTIVE_END)
_AZ_VERB = re.compile(az_morphology.VERB_END)
_RU_VERB = re.compile(ru_morphology.VERB_END)
_EN_PLURAL = re.compile(lex.EN_PLURAL_END)


@dataclass(slots=True)
class _Number:
    """A number read at one place: where it stands and what it says."""
    start: int
    end: int
    value: float
    ordinal: bool = False
    suffix: str = ""                 # Azerbaijani case ending ("dən", "yə", "i") after the number
    object_hint: str | None = None   # the noun written into the number ("162-kilometer", "30-летний")
    negative: bool = False           # a minus sign before it ("-15%", "−4")


# ---------------------------------------------------------------------------------------------
# Public function
# ---------------------------------------------------------------------------------------------
def extract_counts(text: str, language: str | None, exclude: Sequence[tuple[int, int]] = (),
                   dates: Sequence[DateMention] = (), sentences: SentenceIndex | None = None) -> list[CountMention]:
    """Every count in ``text`` outside the ``exclude`` spans (the digits of dates), in text order,
    with what it means: its unit, the measure of an amount of money and the date mention of its
    sentence that states when it applies (``dates``: the article's date mentions; ``sentences``:
    its sentence index, made here when not given)."""
    lang = _language(text, language)
    found = _read_counts(text, lang, exclude)
    if found:
        found = assign_meaning(text, lang, found, dates, sentences or SentenceIndex(text))
    return found


def _read_counts(text: str, lang: str, exclude: Sequence[tuple[int, int]]) -> list[CountMention]:
    excluded = sorted((max(0, s), e) for s, e in exclude if e > s)
    out: list[CountMention] = []
    pos = 0
    for start, kind, m in _candidates(text, lang):
        if start < pos:
            continue
        found, resume = _read(text, kind, m, lang)
        for mention in found:
            if out and mention.start < out[-1].end or _overlaps(mention, excluded):
                continue
            out.append(mention)
        pos = max(resume, m.end())
    return out


def _candidates(text: str, lang: str) -> list[tuple[int, str, re.Match]]:
    """(start, kind, match) of every place a count may start, in text order."""
    found = [(m.start(), m.lastgroup, m) for m in _SYMBOL_DIGIT_ROMAN.finditer(text)]
    folded = fold(text, lang)
    same_length = len(folded) == len(text)   # else offsets differ: scan the text ignoring case
    words = _WORD_CANDIDATE[lang].finditer(folded) if same_length else _WORD_CANDIDATE_ANY_CASE[lang].finditer(text)
    for m in words:
        if m.start() == 0 or text[m.start() - 1] not in "-‐":   # "bir-birinin", "iki-üç"
            found.append((m.start(), m.lastgroup, m))
    if lang in _HALF_WORD:
        half = _HALF_WORD[lang].finditer(folded) if same_length else _HALF_WORD_ANY_CASE[lang].finditer(text)
        found += [(m.start(), "half", m) for m in half if m.start() == 0 or not text[m.start() - 1].isalnum()]
    if lang in _ARTICLE_ONE and same_length:
        found += [(m.start(), "article", m) for m in _ARTICLE_ONE[lang].finditer(folded)]
    found.sort(key=lambda c: c[0])
    return found


def _language(text: str, language: str | None) -> str:
    if language and language[:2].lower() in _LANGS:
        return language[:2].lower()
    guess = script_guess(text)
    return guess if guess in _LANGS else "en"


def _overlaps(m: CountMention, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s >= m.end:
            return False
        if e > m.start:
            return True
    return False


def _mention(text: str, start: int, end: int, value: float, kind: str, qualifier: str,
             obj: str | None, rule: str, confidence: float, unit: str | None = None,
             unit_rule: str | None = None) -> CountMention:
    if unit is None and kind != "ordinal":
        unit, unit_rule = "item", "counted"       # a count of things
    return CountMention(start, end, text[start:end], float(value), kind, qualifier, obj, rule, confidence,
                        unit, unit_rule)


def _read(text: str, kind: str, m: re.Match, lang: str) -> tuple[list[CountMention], int]:
    """Mentions that start at candidate ``m`` and the offset where the search goes on."""
    if kind == "roman":
        return _read_roman(text, m, lang), m.end()
    if kind == "word":
        return _read_words(text, m, lang)
    if kind == "compound":
        return _read_ru_compound(text, m), m.end()
    if kind == "half":
        found = _read_half(text, m, lang)
        return found, found[-1].end if found else m.end()
    if kind == "article":      # "a dollar", "a kilogram": one of the unit
        article_end = m.start() + len(m.group().rstrip(_SPACE_CHARS))
        found = _finish(text, lang, _Number(m.start(), article_end, 1.0), None, rule="words")
        return found, found[-1].end if found else m.end()
    return _read_digits(text, kind, m, lang)


# ---------------------------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------------------------
def _read_digits(text: str, kind: str, m: re.Match, lang: str) -> tuple[list[CountMention], int]:
    start = m.start()
    currency = None
    num_start = start
    if kind == "sym":
        currency = lex.CURRENCY_SYMBOLS[text[start]]
        num_start = start + 1 + (text[start + 1:start + 2] in _SPACE_CHARS)
        for prefix in lex.CURRENCY_SIGN_PREFIXES:     # "US$1.2 billion"
            if text[max(0, start - len(prefix)):start] == prefix:
                start -= len(prefix)
                break
    after_code = leading_point = negative = False
    if kind != "sym":
        code_start = start - 3 - (start >= 1 and text[start - 1] in _SPACE_CHARS)
        if code_start >= 0 and text[code_start:code_start + 3] in _CODES and (
                code_start == 0 or not text[code_start - 1].isalnum()):
            currency, start = text[code_start:code_start + 3], code_start     # "USD 3.14", "USD3.14"
            after_code = True
        else:
            leading_point = text[start - 1:start] == "." and (start < 2 or text[start - 2] in _OPENING_SPACE)
            if leading_point:
                start -= 1                                   # ".77": a fraction written without its zero
            sign = text[start - 1:start]
            if sign and sign in _MINUS and (start < 2 or text[start - 2] in _OPENING_SPACE):
                negative, start = True, start - 1            # "-15%", "−4": a negative figure
    first, resume = _digits_at(text, num_start, lang, after_code, leading_point)
    if first is None:
        return [], resume
    first.negative = negative
    if currency or leading_point or negative:
        first.start = start
    found = _finish(text, lang, first, currency)
    if lang == "en" and first.ordinal and found and found[0].object is None:
        return [], resume       # "Sunday the 18th": a day of the month, not a counted thing
    return found, max(resume, found[-1].end if found else resume)


def _digits_at(text: str, pos: int, lang: str, after_code: bool = False,
               leading_point: bool = False) -> tuple[_Number | None, int]:
    """The number written in digits at ``pos`` with its attached suffix, or None when these digits
    are no count; and the offset after everything that was read or ruled out. ``after_code``: a
    currency code stands right before the digits ("USD3.14"); ``leading_point``: a decimal point
    does (".77")."""
    m = _NUMBER.match(text, pos)
    if m is None:
        return None, pos + 1
    s, e = m.span()
    skip = _not_a_count(text, s, e, lang, after_code, leading_point)
    if skip is not None:
        return None, skip
    raw = ("0." if leading_point else "") + m.group()
    scale_next = _SCALE_AFTER[lang].match(text, e) is not None or _ATTACHED.match(text, e) is not None
    value = parse_digits(raw, lang, scale_follows=scale_next)
    if value is None:
        return None, e
    num = _Number(s, e, value)
    nxt = text[e:e + 1]
    if nxt == "°":
        return None, e + 1                    # temperatures and coordinates
    if nxt.isalpha():
        att = _ATTACHED.match(text, e).group()
        low = att.lower()
        if lang != "ru" and _EN_ORDINAL_SUFFIX.fullmatch(att):
            num.end, num.ordinal = e + len(att), True
        elif lang == "ru" and low in _RU_ATTACHED_ORDINAL:
            num.end, num.ordinal = e + len(att), True         # "1й", "3я", "4ая", "21й"
        elif att in lex.LETTER_SCALES:
            if not _letter_scale_counts(text, s, e + len(att), att, lang):
                return None, e + len(att)     # "4K" video, "3M" the company
        elif low not in lex.ATTACHED_SCALES and low not in lex.ATTACHED_UNITS:
            return None, e + len(att)   # "5G", "16px", "13bdba5f"
        elif low in lex.MONEY_ONLY_SCALES and not _currency_near(text, s, e + len(att)):
            if low not in lex.ATTACHED_UNITS:
                return None, e + len(att)   # "5B", "2b": a code unless it is money ("$4m", "€2bn")
            num.end, num.object_hint = e + len(att), att     # "9m": metres
        return num, num.end
    suf = _SUFFIX.match(text, e)
    if suf is None:
        return num, e
    word = suf.group("s")
    low = fold(word, lang)
    if lang == "az":
        num.suffix, num.end = low, suf.end()
        num.ordinal = bool(_AZ_ORDINAL_SUFFIX.match(low))
    elif lang == "ru":
        comp = _RU_COMPOUND.match(low)
        if low in _RU_ORDINAL_SUFFIXES or low == "ю" and _ru_ordinal_yu(text, suf.end()):
            num.ordinal, num.end = True, suf.end()
        elif low in _RU_CARDINAL_SUFFIXES:
            num.end = suf.end()
        elif comp and comp.group("anniv"):
            num.ordinal, num.end = True, suf.end()     # "30-летие": the 30th anniversary
        elif comp:
            num.end, num.object_hint = suf.end(), word
        else:
            return None, suf.end()
    elif _EN_ORDINAL_SUFFIX.fullmatch(word):
        num.end, num.ordinal = suf.end(), True
    elif low in lex.EN_HYPHEN_QUALIFIERS:
        pass                      # "300-plus", "20-odd": read as post-qualifiers
    elif word[0].islower() or _EN_HYPHEN_UNITS.match(word):   # "162-kilometer", "45-member", "2-Day"
        num.end, num.object_hint = suf.end(), word
    else:
        return None, suf.end()
    return num, num.end


_RU_INSTRUMENTAL_PLURAL = re.compile(ru_morphology.INSTRUMENTAL_PLURAL_END)


def _ru_ordinal_yu(text: str, pos: int) -> bool:
    """"-ю" ends both the feminine accusative ordinal ("33-ю годовщину") and the instrumental
    cardinal ("с 5-ю странами"); the noun after it tells them apart."""
    w = _WORD_AFTER.match(text, pos)
    return w is not None and not _RU_INSTRUMENTAL_PLURAL.search(w.group("w").lower())


def _currency_near(text: str, s: int, end: int) -> bool:
    """Whether a currency sign or code stands right before the digits at ``s`` or right after
    ``end`` ("$4m", "€ 2bn", "USD 3B", "10к$")."""
    before = text[max(0, s - 5):s].rstrip(_SPACE_CHARS)
    after = text[end:end + 5].lstrip(_SPACE_CHARS)
    return (before[-1:] in lex.CURRENCY_SYMBOLS or before[-3:] in _CODES
            or after[:1] in lex.CURRENCY_SYMBOLS or after[:3] in _CODES)


def _letter_scale_counts(text: str, s: int, end: int, letter: str, lang: str) -> bool:
    """Whether a letter after digits ("100K", "1.2M", "3М") makes a scaled count: with money, before
    a noun, after a sign or word of a negative number ("-2K", "minus 3M"), or after a number longer
    than one digit; "4K" alone and "3M-..." are names."""
    if text[end:end + 1] in "-‐/":
        return False
    if _currency_near(text, s, end):
        return True
    signed = s > 0 and text[s - 1] in lex.MINUS_SIGNS and (s == 1 or text[s - 2] in lex.BEFORE_SIGN)
    if signed or _NEGATIVE_BEFORE[lang].search(text, max(0, s - 12), s):
        return not text[end:end + 1].isalnum()
    if letter == "K" and end - s == 2:
        return False                          # "4K", "8K": the video format
    nxt = _WORD_AFTER.match(text, end)
    if nxt is not None and nxt.start("w") > end and nxt.group("w")[0].islower():
        return True
    digits = text[s:end - len(letter)]
    return (len(digits) > 1 or _is_label_value(text, s, end)) and not text[end:end + 1].isalnum()


def _zero_counts(text: str, s: int, e: int, lang: str) -> bool:
    """A zero is a count before a counted noun ("0 participants") or as the value after a label
    ("Number of participants: 0."); elsewhere it is page furniture ("Şərhlər (0)", a score)."""
    nxt = _WORD_AFTER.match(text, e)
    if nxt is not None and nxt.start("w") > e and nxt.group("w")[0].islower() \
            and fold(nxt.group("w"), lang) not in lex.OBJECT_STOP[lang]:
        return True
    return _is_label_value(text, s, e)


_LABEL_VALUE_END = re.compile(rf"{_HS}*(?:[.;!?](?=\s|$)|\n|$)")


def _is_label_value(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the whole value after a label: "Number of participants: one.",
    "Место в рейтинге: первый." (a colon before, the end of the line after)."""
    head = text[max(0, start - 60):start].rpartition("\n")[2].rstrip(_SPACE_CHARS)
    return head.endswith(":") and len(head) > 1 and _LABEL_VALUE_END.match(text, end) is not None


def _not_a_count(text: str, s: int, e: int, lang: str, after_code: bool = False,
                 leading_point: bool = False) -> int | None:
    """Where to resume when the digits at [s, e) are not a count (a code, label, time, date part,
    phone number...), or None when they may be one."""
    prev = text[s - 1] if s else " "
    if after_code or leading_point:
        prev = " "                            # "USD3.14", ".77"
    if text[s] == "0" and e - s >= 2 and text[s + 1].isdigit():
        phone = _PHONE.match(text, s)
        return phone.end() if phone else _RUN.match(text, e).end()   # "02", "007", "03 sentyabr", "050 123 45 67"
    signed = prev == "+"
    if signed:
        phone = _PHONE.match(text, s - 1)
        if phone:
            return phone.end()                # "+994 12 498 12 34"
        if not _PERCENT_SIGN.match(text, e) and not _PERCENT_AFTER[lang].match(text, e):
            return _RUN.match(text, e).end()  # "+3", "UTC+3"; a signed change "+17%" is a count
    if prev.isalpha() or prev in "#№/\\_=@.:" or (prev in "-‐‑" and s >= 2 and text[s - 2].isalpha()):
        return _RUN.match(text, e).end()     # "G20", "A320", "COVID-19", "Su-25", "#5"
    # The whitespace-free run around the digits, looked at within a window so that a long run
    # ("1-1-1-...", a long URL) costs the same for each of its numbers.
    run_start = s
    run_floor = max(0, s - _WINDOW)
    while run_start > run_floor and not text[run_start - 1].isspace():
        run_start -= 1
    run_end = _RUN.match(text, e, min(len(text), e + _WINDOW)).end()
    run = text[run_start:run_end]
    if not _RUN_NOT_COUNT_MARKS.isdisjoint(run) and _RUN_NOT_COUNT.search(
            run[1:] if signed and run.startswith("+") else run):
        if run.startswith("+"):
            phone = _PHONE.match(text, run_start)
            if phone:
                return phone.end()
        return run_end                        # URL, path, time, date, time zone
    before = _word_before(text, s)
    prev_word = text[before[0]:before[1]] if before else ""
    if prev_word in ("UTC", "GMT", "MSK"):
        return run_end
    phone = _PHONE.match(text, s) or (prev == "(" and _PHONE.match(text, s - 1))
    if phone:
        return phone.end()                    # "498-12-34", "(012) 498 12 34"
    before = text[max(0, s - 30):s].lower()
    if any(k in before for k in _PHONE_LABEL_KEYS) and _PHONE_LABEL_BEFORE.search(before):
        return _RUN.match(text, e).end()      # "Hotline: 146", "qaynar xətt 1655"
    line_head = text[max(0, s - _WINDOW):s].rpartition("\n")[2].strip()
    if line_head in ("", "(") and (s <= _WINDOW or "\n" in text[s - _WINDOW:s]):
        if not line_head and not text[e:e + _WINDOW].partition("\n")[0].strip():
            return e                          # a number alone on a line: a view counter, not prose
        closing = ")" if line_head else ".)"
        if text[e:e + 1] in closing and text[e + 1:e + 2] in (" ", "\t", "\n") and e - s <= 2:
            return e + 1                      # list numbering "1. ", "2) ", "(3) "
    plus = _PLUS_FORMAT.match(text, s) if "+" in text[e:e + 2] else None   # a number has no "+" of its own
    if plus:
        return plus.end()                     # "3+3" format
    if text[e:e + 1] == "+":
        return e + 1                          # "18+": an age rating
    if len(line_head) < 40 and ":" in line_head and _PAGE_LABEL.match(line_head) or _PAGE_NOUN_AFTER.match(text, e):
        return _RUN.match(text, e).end()      # "Baxış sayı: 1 234", "Просмотров: 575", "0 comments"
    if text[s:e] == "0" and not (_PERCENT_SIGN.match(text, e) or _PERCENT_AFTER[lang].match(text, e)
                                 or _zero_counts(text, s, e, lang)):
        return e                              # a bare zero counts nothing but a noun ("Şərhlər (0)")
    if _DAY_MONTH_RUN.get(lang) and _DAY_MONTH_RUN[lang].match(text, s):
        return _RUN.match(text, e).end()      # "01.04.", "14.10": a day and month (az, ru write a decimal comma)
    if e - s <= 2 and _DAY_WORD_YEAR.match(text, e):
        return _DAY_WORD_YEAR.match(text, e).end()   # "10 İyn 2019": a day, a month we do not know, a year
    sign = text[max(0, s - 6):s].rstrip(_SPACE_CHARS)[-2:]
    if sign[-1:] in ("№", "#") or sign == "N°":
        return _LIST_CHAIN.match(text, e, e + _WINDOW).end()           # "№ 5"
    if e - s <= 2 and _after_weekday(text, s):
        return _RUN.match(text, e).end()      # "Friday, 21": a day of the month
    if prev_word:
        designator, name, month, hour = _word_before_kinds(prev_word, lang)
        if designator:
            return _LIST_CHAIN.match(text, e, e + _WINDOW).end()       # "Paragraphs 5, 6 and 7", "Maddə 1"
        if name:
            return _RUN.match(text, e).end()               # "Embraer 190", "COP 29"
        if (e - s <= 2 or e - s == 4) and month:
            return _MONTH_TAIL.match(text, e).end()        # "June 27", "aprelin 25-26-da"
        if hour:
            return _RUN.match(text, e).end()               # "saat 10-da": a time of day
    sayli = _SAYLI_AFTER.match(text, e, e + _WINDOW)
    if sayli:
        return sayli.end()                                 # "822, 853 və 874 saylı qətnamələr"
    if e - s <= 2:
        month = _MONTH_AFTER[lang].match(text, e)
        if month:
            return month.end()                             # "25–26 апреля", "4 aprel", "22 Feb."
    if _CLOCK_AFTER.match(text, e):
        return _RUN.match(text, e).end()                   # "10 a.m.", "5 pm"
    if e - s <= 2 and int(text[s:e]) <= 24 and _time_of_day(text, s, e, lang):
        return _RUN.match(text, e).end()                   # "в 15 часов", "в 4 утра", "tonight at 11"
    if e - s <= 3 and _named_number(text, s, e, lang, prev_word):
        return _RUN.match(text, e).end()                   # "Azerbaycan 24.", "Россия 24": a name
    if ":" in text[max(0, s - 40):s] and _STAMP_BEFORE.search(text, max(0, s - 40), s) \
            and _ONLY_DIGITS_AFTER.match(text, e):
        return _ONLY_DIGITS_AFTER.match(text, e).end()     # "20:07:00 222 0": counters after a page stamp
    if text[e:e + 1].strip() and _DECADE_AFTER.match(text, e):
        return _RUN.match(text, e).end()                   # "1990-х", "1990s", "90-cı illər"
    return None


_WEEKDAY = re.compile(_weekday_words([w for code in _LANGS for w in LANGUAGES[code].weekdays]))
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _after_weekday(text: str, s: int) -> bool:
    """Whether a weekday name (of any language) stands right before ``s``, a comma allowed: "Friday, 21"."""
    head = text[max(0, s - 24):s]
    stripped = head.rstrip(_SPACE_CHARS + ",")
    if len(stripped) == len(head) or not stripped[-1:].isalpha():
        return False
    word = _LAST_WORD.search(stripped)
    return word is not None and _is_weekday(word.group())


@lru_cache(maxsize=4096)
def _is_weekday(word: str) -> bool:
    return _WEEKDAY.fullmatch(word) is not None
_TIME_BEFORE = {lang: re.compile(rf"(?i:(?<!\w)(?:{lex.TIME_BEFORE[lang]})){_HS}+$") for lang in _LANGS
                if lex.TIME_BEFORE[lang]}
_TIME_AFTER = {lang: re.compile(rf"{_HS}+(?i:{_rx(lex.TIME_AFTER[lang])})(?!\w)") for lang in _LANGS if lex.TIME_AFTER[lang]}
_TIME_CONTEXT = {lang: re.compile(rf"(?i:(?<!\w)(?:{lex.TIME_CONTEXT[lang]})(?!\w))") for lang in _LANGS
                 if lex.TIME_CONTEXT[lang]}
# A page stamp ends with a clock time; the bare numbers after it on its line are counters.
_STAMP_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?[ \t\d]*$")
_ONLY_DIGITS_AFTER = re.compile(r"[ \t\d]*(?=\n|$)")
_OTHER_SCRIPT = {"ru": re.compile(r"[A-Za-zƏəİıÖöÜüÇçŞşĞğ]"), "az": re.compile(r"[А-Яа-яЁё]"),
                 "en": re.compile(r"[А-Яа-яЁёƏəİıĞğ]")}


def _time_of_day(text: str, s: int, e: int, lang: str) -> bool:
    """Whether the number at [s, e) is an hour: "в 15 часов", "в 4 утра", "tonight at 11"."""
    before = _TIME_BEFORE.get(lang)
    if before is None or not before.search(text, max(0, s - 8), s):
        return False
    after = _TIME_AFTER.get(lang)
    if after is not None and after.match(text, e):
        return True
    context = _TIME_CONTEXT.get(lang)
    return context is not None and _CLAUSE_END_AFTER.match(text, e) is not None \
        and context.search(text, _clause_start(text, s), s) is not None


def _named_number(text: str, s: int, e: int, lang: str, prev_word: str) -> bool:
    """Whether a short number belongs to the capitalised word before it, as in the name of a channel
    or an agency ("Как сообщает Azerbaycan 24.", "Россия 24,"): the word is capitalised in the middle
    of a sentence, and the number ends the phrase. A name in another script counts as such too."""
    if not prev_word or not prev_word[0].isupper() or not _CLAUSE_END_AFTER.match(text, e):
        return False
    j = s - len(prev_word) - 1
    while j > 0 and text[j - 1] in _SPACE_CHARS:
        j -= 1
    if j <= 0 or text[j - 1] in _SENTENCE_END:
        return False
    return text[s - 1:s] in _SPACE_CHARS and (lang in _OTHER_SCRIPT and _OTHER_SCRIPT[lang].search(prev_word) is not None
                                              or not _word_before_kinds(prev_word, lang)[2])


@lru_cache(maxsize=16384)
def _word_before_kinds(word: str, lang: str) -> tuple[bool, bool, bool, bool]:
    """What the word right before a number can make of it: (a designator such as "Article", a
    product name such as "Embraer", a month, Azerbaijani "saat"). Computed once per word: the same
    few hundred words stand before the numbers of article after article."""
    bare = word.rstrip(".")
    return (_DESIGNATOR.fullmatch(word) is not None,
            _NAME_PREFIX.fullmatch(bare) is not None,
            _MONTH_BEFORE_DAY[lang].fullmatch(word) is not None or _MONTH_BEFORE_DAY[lang].fullmatch(bare) is not None,
            lang == "az" and fold(bare, lang) == "saat")


# ---------------------------------------------------------------------------------------------
# Words and Roman numerals
# ---------------------------------------------------------------------------------------------
def _read_words(text: str, m: re.Match, lang: str) -> tuple[list[CountMention], int]:
    start = m.start()
    seq = _WORDS_SEQ.match(text, start)
    parts = _SPLIT_WORDS.split(seq.group())
    parsed = parse_word_sequence(parts, lang)
    if parsed is None:
        return [], m.end()
    value, used, kind, suffix = parsed
    end = _words_end(text, parts[:used], start)
    first = fold(parts[0], lang)
    entry = lookup(first, lang)
    if kind == UNIT and text[end:end + 1] in "-‐":
        found = _word_range(text, lang, start, end, value)
        if found:
            return found, found[-1].end            # "iki-üç dəfə", "два-три раза", "two-three times"
    with_article = lang == "en" and (entry.kind in (SCALE, HUNDRED) or first in _ARTICLE_NUMBERS)
    if with_article and text[max(0, start - 2):start].lower() == "a ":
        start -= 2        # "a thousand people", "a dozen agreements", "a million tonnes"
    elif not _word_number_counts(text, start, end, lang, first, entry, used, value, kind):
        return [], end
    num = _Number(start, end, value, ordinal=kind == ORDINAL, suffix=suffix)
    if text[end:end + 1] in "-‐" and lang == "en":
        tail = _WORD_AFTER.match(text, end + 1)
        tail_word = tail.group("w") if tail and tail.start("w") == end + 1 else ""
        if kind != ORDINAL and _EN_HYPHEN_UNITS.match(tail_word.split("-")[0]):
            num.end, num.object_hint = tail.end(), tail_word
        elif kind == ORDINAL and _EN_AFTER_ORDINAL_OK.match(tail_word):
            num.end = tail.end()       # "the third-largest trade partner"
        else:
            return [], tail.end() if tail else end + 1     # "one-sided", "two-way", "first-hand"
    rule = {TIMES: "words:adverb", COLLECTIVE: "words:collective"}.get(kind, "words")
    found = _finish(text, lang, num, None, rule=rule)
    if kind == ORDINAL and found and found[0].object is None and not _bare_ordinal_counts(text, start, end, lang):
        return [], end          # "one of the first", "стал первым": no counted thing
    return found, max(end, found[-1].end if found else end)


def _word_range(text: str, lang: str, start: int, end: int, value: float) -> list[CountMention]:
    """Two number words joined by a hyphen, the second the larger: a range of two counts, as a dashed
    range of digits ("iki-üç dəfə az", "два-три раза", "two-three times"); "bir-birinin", "one-sided"
    are no ranges."""
    seq = _WORDS_SEQ.match(text, end + 1)
    if seq is None or seq.start() != end + 1:
        return []
    parts = _SPLIT_WORDS.split(seq.group())
    parsed = parse_word_sequence(parts, lang)
    if parsed is None or parsed[2] != UNIT or parsed[0] <= value or parsed[1] != 1:
        return []
    second_end = end + 1 + len(parts[0])
    high = _finish(text, lang, _Number(end + 1, second_end, parsed[0], suffix=parsed[3]), None, rule="words:range")
    if len(high) != 1 or high[0].kind != "cardinal":
        return []
    h = high[0]
    low = _mention(text, start, end, value, h.kind, h.qualifier, h.object, "words:range", h.confidence, h.unit,
                   h.unit_rule)
    return [low, h]


# A rank needs no counted noun: "ranks second", "came third", "второй по величине", "third-largest".
_RANK_VERB_BEFORE = re.compile(rf"(?i:(?<!\w)(?:{lex.EN_RANK_BEFORE})){_HS}+$")
_RU_RANK_AFTER = re.compile(rf"{_HS}+{_rx(lex.RU_RANK_AFTER)}", re.IGNORECASE)


def _bare_ordinal_counts(text: str, start: int, end: int, lang: str) -> bool:
    """Whether an ordinal with no counted noun after it is still a count: a rank ("ranks second"),
    the value after a label ("Место в рейтинге: первый."), "the first for Azerbaijan", a Russian
    ordinal before the rest of its phrase ("первые за несколько месяцев контакты"); not "one of the
    first", nor a predicate at the end of a clause ("он стал первым.")."""
    if _is_rank(text, start, end, lang) or _is_label_value(text, start, end):
        return True
    if _ONE_OF_BEFORE.search(text, max(0, start - 16), start):
        return False
    nxt = _WORD_AFTER.match(text, end)
    if re.match(rf"{_HS}+\d", text[end:end + 4]) or nxt is not None and lookup(nxt.group("w"), lang) is not None:
        return False          # "the first 9 months", "первых шести месяцев": the count is the number after
    if lang in _BARE_ORDINAL_BEFORE:
        return _BARE_ORDINAL_BEFORE[lang].search(text, max(0, start - 6), start) is not None \
            and not _DAY_OF_MONTH_BEFORE.search(text, max(0, start - 12), start)
    if lang == "ru":
        before = _word_before(text, start)
        copula = before is not None and fold(text[before[0]:before[1]], lang) in lex.RU_COPULAS
        return not (copula or _CLAUSE_END_AFTER.match(text, end))
    return False


def _is_rank(text: str, start: int, end: int, lang: str) -> bool:
    if lang == "en":
        return _RANK_VERB_BEFORE.search(text, max(0, start - 12), start) is not None
    return lang == "ru" and _RU_RANK_AFTER.match(text, end) is not None


def _word_number_counts(text: str, start: int, end: int, lang: str, first: str, entry, used: int,
                        value: float, kind: str) -> bool:
    """Whether the number words at [start, end) state a count (and not an article, a pronoun,
    an idiom or a vague plural)."""
    if used == 1 and entry.kind == SCALE:
        # A lone scale noun is a count only in the singular ("тысяча человек", "min nəfər"); the
        # plural is vague ("тысячи людей", "thousands of"). After a comparison the genitive
        # singular is one thousand again: "более тысячи", "около миллиона", "mindən çox".
        if lang == "en":
            return False
        if lang == "ru" and first not in lex.RU_SINGULAR_SCALES and not (
                first in lex.RU_GENITIVE_SCALES and _pre_qualifier_any(text, lang, start)):
            return False
        if lang == "az" and first != "min" and not (
                entry.suffix and _az_post_qualifier(text, end, entry.suffix)[1] > end):
            return False
    if used == 1 and value in (0, 1) and kind == UNIT and (
            _DECIMAL_WORD_AFTER[lang].match(text, end) or lang in _WHOLE_AFTER and _WHOLE_AFTER[lang].match(text, end)
            or _NEGATIVE_BEFORE[lang].search(text, max(0, start - 12), start)):
        return True    # "bir nöqtə qırx üç", "zero point five", "mənfi bir": the words of a signed or decimal number
    if used == 1 and value == 0:
        # "zero", "ноль", "sıfır": a count as a label's value or in a sum ("sıfır manat"), not in "zero tolerance"
        return _is_label_value(text, start, end) or bool(_CURRENCY_AFTER[lang].match(text, end)
                                                          or _PERCENT_AFTER[lang].match(text, end))
    if used == 1 and value == 1 and kind == UNIT and _is_label_value(text, start, end):
        return True    # "Число участников: один."
    if used == 1 and value == 1 and kind == UNIT and not _SCALE_AFTER[lang].match(text, end) \
            and not _HALF_AFTER[lang].match(text, end):
        # "bir", "one", "один" are articles and pronouns unless a unit follows ("bir il", "one year").
        if lang == "en" and _EN_ONE_HYPHEN_UNIT.match(text, end):
            return True    # "the one-day visit"
        if lang in _ONE_OF and _ONE_OF[lang].match(text, end) and not _ONE_OF_NOT[lang].match(text, end):
            return True    # "one of the suspects", "одна из стран": one of a set
        if not (_ONE_UNIT[lang].match(text, end) or _CURRENCY_AFTER[lang].match(text, end)
                or _SUBUNIT_AFTER[lang].match(text, end) or _ONE_MEASURE[lang].match(text, end)):
            only = _ONLY_ONE_BEFORE.get(lang)
            return only is not None and only.search(text, max(0, start - 12), start) is not None \
                and not _ONLY_ONE_NOT_AFTER[lang].match(text, end)
        if lang == "en" and (_EN_ONE_PRONOUN.match(text, start) or _EN_NO_ONE_BEFORE.search(text, max(0, start - 8), start)):
            return False
        if lang == "ru" and _RU_ONE_IDIOM.search(text, max(0, start - 4), start):
            return False
    if lang == "en" and (first in _ARTICLE_NUMBERS or entry.kind == HUNDRED and used == 1):
        return False   # "dozens", "hundreds", "the couple" without "a"
    if lang == "en" and text[end:end + 1] in "-‐" and _EN_FRACTION_AFTER.match(text, end + 1):
        return False   # "two-thirds"
    if lang == "en" and kind == ORDINAL and text[max(0, start - 2):start].lower() == "a " \
            or lang == "en" and first == "second" and _EN_TIME_SECOND.match(text, end):
        return False   # "a third of", "a second"
    if lang == "az" and text[end:end + 1] in "-‐" and used == 1:
        return False   # "bir-birinin", "iki-üç" (the range is written with a space)
    if lang in _VAGUE_SCALE_AFTER and _VAGUE_SCALE_AFTER[lang].match(text, end):
        return False   # "on minlərlə insan": tens of thousands, no figure
    if kind == ORDINAL and _IDIOM[lang].match(text, start):
        return False   # "first vice-president", "first of all", "third countries"
    if kind == ORDINAL and _EVERY_BEFORE.search(text, max(0, start - 10), start):
        return False   # "every second resident", "каждый третий": a share, not a rank
    if kind == ORDINAL and (_DATE_PART[lang].match(text, end) or _ORDINAL_DATE_AFTER[lang].match(text, end)):
        return False   # "second half of the year", "первом квартале", "двадцать второго февраля": a date
    if kind == ORDINAL and text[start].isupper() and _starts_a_name(text, start, end, lang):
        return False   # "Birinci Moskva ... Universiteti", "Первого МГМУ", "сообщил Первый канал"
    return True


_NAME_WORD = re.compile(rf"{_HS}+[«\"“„]?(?P<w>[^\W\d_][\w-]*)")
_SENTENCE_END = SENTENCE_STOPS + ":—–•\n«\"“„("   # what stands before a sentence start


def _starts_a_name(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a capitalised ordinal word begins a proper name rather than a sentence: the name goes
    on in capitals ("Birinci Moskva Dövlət Tibb Universiteti", "Первого МГМУ", "First Channel"), or
    the capital stands mid-sentence ("сообщил Первый канал"). A name that ends in an event noun
    ("Üçüncü Bakı Qlobal Forumu", "the Fifth Caspian Summit") numbers the event and stays a count,
    as do the words of an English headline written in title case."""
    nxt = _NAME_WORD.match(text, end)
    if nxt is None:
        return False
    j = start
    while j > 0 and text[j - 1] in _SPACE_CHARS:
        j -= 1
    mid_sentence = j > 0 and text[j - 1] not in _SENTENCE_END
    if not (nxt.group("w")[0].isupper() or mid_sentence):
        return False
    pos = end
    for _ in range(5):
        w = _NAME_WORD.match(text, pos)
        if w is None:
            break
        if _ROMAN_NOUN[lang].match(w.group("w")):
            return False
        if not w.group("w")[0].isupper():
            break
        pos = w.end()
    if lang == "en":
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        words = [w for w in re.findall(r"[^\W\d_]{4,}", text[line_start:line_end if line_end >= 0 else len(text)])]
        if words and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            return False   # "Azerbaijan, Russia Hold Third Round of Talks"
    return True


_EN_TIME_SECOND = re.compile(rf"{_HS}*{lex.EN_SECOND_OF_TIME_AFTER}", re.I)


def _read_ru_compound(text: str, m: re.Match) -> list[CountMention]:
    """Russian adjectives that start with a number: "двухдневный визит" (2), "пятилетний план" (5),
    "тридцатилетие" (the 30th anniversary)."""
    word = text[m.start():m.end()]
    low = word.lower()
    for prefix in sorted(lex.RU_COMPOUND_PREFIXES, key=len, reverse=True):
        if low.startswith(prefix):
            value = lex.RU_COMPOUND_PREFIXES[prefix]
            anniversary = low[len(prefix):].startswith("лети")
            if anniversary and value == 100:
                return []   # "столетие" is mostly "century"
            obj = _object(text, m.end(), "ru", _Number(m.start(), m.end(), value), "ordinal")
            return [_mention(text, m.start(), m.end(), value, "ordinal" if anniversary else "cardinal", "exact",
                             obj if anniversary else word, "words:compound", 0.75)]
    return []


def _read_half(text: str, m: re.Match, lang: str) -> list[CountMention]:
    """A half with no whole number before it: "yarım milyon" (500 000), "half a billion",
    "a year and a half" (1.5, object "year"). "yarım saat", "half of the trade" are no counts."""
    start, end = m.span()
    sm = _HALF_SCALE_AFTER[lang].match(text, end)
    if sm is not None:
        w = fold(sm.group("w"), lang)
        entry = lookup(w, lang)
        if entry is None:
            return []
        scale = entry.value
        num = _Number(start, sm.end(), scaled(0.5, scale))
        return _finish(text, lang, num, None, rule="words:half")
    if lang not in _UNIT_AND_A_HALF_BEFORE:
        return []
    before = _UNIT_AND_A_HALF_BEFORE[lang].search(text, max(0, start - 30), start)
    if before is None:
        return []
    num = _Number(before.start(), end, 1.5, object_hint=before.group("unit"))
    return _finish(text, lang, num, None, rule="words:half")


def _read_roman(text: str, m: re.Match, lang: str) -> list[CountMention]:
    """A Roman numeral is an ordinal only before an event noun ("VII ... forumu", "XI форум",
    "XXI century"); elsewhere it is a letter, an initial or part of a name ("Sputnik V", "Pyotr I")."""
    s, e = m.span()
    value = roman_to_int(m.group())
    if value is None:
        return []
    prev = text[s - 1] if s else " "
    if prev in ".-‐'’" or _DATE_PART[lang].match(text, e):
        return []   # "A.V. Ivanov", "IV quarter" (a date)
    pos = e
    obj_words: list[str] = []
    for _ in range(5):
        w = _WORD_AFTER.match(text, pos)
        if w is None or any(ch not in " \t\u00a0\u202f«»\"“”„'" for ch in text[pos:w.start("w")]):
            return []
        word = w.group("w")
        obj_words.append(word)
        if _ROMAN_NOUN[lang].match(word):
            break
        if fold(word, lang) in lex.OBJECT_STOP[lang] or (lang == "en" and not word[0].isupper()):
            return []
        pos = w.end()
    else:
        return []
    return [_mention(text, s, e, value, "ordinal", "exact", " ".join(obj_words), "roman", 0.85)]


# ---------------------------------------------------------------------------------------------
# What follows and precedes the number
# ---------------------------------------------------------------------------------------------
def _finish(text: str, lang: str, first: _Number, currency: str | None, rule: str = "digits") -> list[CountMention]:
    """Read range, scale, currency or percent and qualifiers around ``first``; build the mentions."""
    second = None if first.ordinal else _range_end(text, lang, first)
    if second is not None and text[second.start - 1:second.start] in lex.CURRENCY_SYMBOLS:
        currency = currency or lex.CURRENCY_SYMBOLS[text[second.start - 1]]
    last = second or first
    if second is None and currency is None and _is_year(text, first, lang):
        return []
    if _NOT_COUNT_UNIT_AFTER.match(text, last.end):
        return []   # "16 px"
    if lang == "az" and second is None and not first.ordinal and (
            not first.suffix and _AZ_ANNIVERSARY.match(text, first.end) or first.suffix.startswith("illiy")):
        first.ordinal = True     # "30 illiyi", "30 illik yubiley": the 30th anniversary, as "30-cu ildönümü"
    kind = "ordinal" if first.ordinal else "cardinal"
    end = last.end
    scale = 1.0
    ending = last.suffix     # the Azerbaijani case ending the postpositions look at
    extra = 0.0              # lower groups after the scale word: "4 milyard 372 milyon"
    hundredths = False       # the figure counts sub-units ("43 cents")
    if kind == "cardinal" and not last.suffix and second is None and last.value == int(last.value):
        point = _DECIMAL_WORD_AFTER[lang].match(text, end)
        fraction = _fraction_after(text, lang, point.end()) if point else None
        if fraction is not None:
            digits, end = fraction
            last.value = float(Decimal(f"{int(last.value)}.{digits}"))   # "bir nöqtə qırx üç" = 1.43
        whole = _WHOLE_AFTER[lang].match(text, end) if fraction is None and lang in _WHOLE_AFTER else None
        parts = _fraction_in_words(text, lang, whole.end()) if whole else None
        if parts is not None:
            numerator, denominator, end = parts       # "три целых пять десятых", "iki tam onda beş"
            last.value = float(Decimal(int(last.value)) + Decimal(int(numerator)) / denominator)
    if kind == "cardinal" and not last.suffix:
        half = _HALF_AFTER[lang].match(text, end) if second is None and last.value == int(last.value) else None
        if half:
            last.value += 0.5
            end, ending = half.end(), (half.groupdict().get("s") or "").lower()
            if half.groupdict().get("unit"):
                last.object_hint = half.group("unit")
        if not (half and (ending or last.object_hint)):   # a unit or a case ending closes the number
            end, scale, ending = _read_scale(text, lang, end, currency, last)
            if scale == 100:
                after_hundred, larger, larger_ending = _read_scale(text, lang, end, currency, last)
                if larger >= 1000:    # "5 hundred thousand"
                    end, scale, ending = after_hundred, scale * larger, larger_ending
            if scale >= 1000 and second is None:
                end, extra, ending = _scale_tail(text, lang, end, scale, ending, currency, last)
    inner_qualifier = _INNER_QUALIFIER.get(lang)
    inner = inner_qualifier.match(text, end) if inner_qualifier and kind == "cardinal" else None
    if inner and (_PERCENT_AFTER[lang].match(text, inner.end()) or _CURRENCY_AFTER[lang].match(text, inner.end())
                  or scale == 1.0 and _SCALE_AFTER[lang].match(text, inner.end())):
        end = inner.end()     # "12 с лишним процентов", "5 с лишним млрд рублей"
        if scale == 1.0:
            end, scale, ending = _read_scale(text, lang, end, currency, last)
    else:
        inner = None
    percent = False
    if kind == "cardinal" and not (last.suffix and scale == 1.0):
        pm = _PERCENT_SIGN.match(text, end)
        pw = None if pm or currency else _PERCENT_AFTER[lang].match(text, end)
        if pm:
            percent, end, ending = True, pm.end(), (pm.group("s") or "").lower()
        elif pw:
            percent, end, ending = True, pw.end(), _last_word(pw.group(), lang)
        else:
            after = _spelled_out_end(text, lang, end, scaled(last.value, scale))
            cm = _CURRENCY_AFTER[lang].match(text, after)
            sub = None if cm or currency or second is not None else _SUBUNIT_AFTER[lang].match(text, end)
            if cm:
                code, multiplier = _currency_code(cm, lang)
                if currency is None or currency == code:
                    currency, end, ending = code, cm.end(), _last_word(cm.group(), lang)
                    scale *= multiplier                   # "20 т. р.": thousands of roubles
            elif sub:
                currency, end, ending = _subunit_code(sub, lang), sub.end(), _last_word(sub.group(), lang)
                hundredths = True                         # "ten cents": 0.10 USD
    if last.object_hint and _PERCENT_HINT.match(last.object_hint):
        percent, last.object_hint = True, None    # "40-процентный рост", "a 15-percent rise"
    if currency:
        kind = "money"
        if not hundredths and second is None:
            tail = _subunit_tail(text, lang, end, currency, bare=scale == 1.0 and not extra)
            if tail is not None:
                end, cents, ending = tail
                extra += cents                          # "20 dollars 43 cents", "312 рублей 40 копеек"
    elif percent:
        kind = "percent"
    if kind == "ordinal" and (_DATE_PART[lang].match(text, end) or _LABEL_AFTER_ORDINAL.match(text, end)
                              or _ORDINAL_DATE_AFTER[lang].match(text, end)):
        return []   # "4-cü rüb", "3rd qtr", "the 2nd Monday" (dates), "5-ci maddə" (Article 5)

    qualifier, span_start, span_end = _qualifier(text, lang, first.start, end, ending, kind)
    if inner:
        qualifier = lex.INNER_QUALIFIERS[lang][_HS_RUN.sub(" ", inner.group("q").lower())]
    obj = currency if kind == "money" else _object(text, span_end, lang, last, kind)
    if lang == "az" and kind == "cardinal" and span_end > end and not last.object_hint:
        noun = _WORD_AFTER.match(text, end, span_end)
        if noun and fold(noun.group("w"), lang) not in _AZ_QUALIFIER_WORDS \
                and (noun.end() < span_end or fold(noun.group("w"), lang).endswith("dək")):
            # "600 min tondan çox", "5 milyon tonadək": the noun before or under the postposition
            obj = re.sub(r"(?:[aəy]?dək)$", "", noun.group("w"))
    if kind == "percent" and obj is None and lang == "az":
        obj = _az_changed_thing(text, span_start)
    confidence = 0.9 if rule == "digits" else 0.8
    unit, unit_rule, factor, unit_end = _unit(text, lang, kind, end, currency, last)
    if rule == "words" and text[first.start:first.end].lower() in LANGUAGES[lang].article_one:
        span_end = max(span_end, unit_end)              # "a dollar", "a kilogram": the article needs its noun
    if second is None:
        value = scaled(first.value, scale) + extra
        if hundredths:
            value = float(Decimal(repr(value)) / 100)
        negative = _NEGATIVE_BEFORE[lang].search(text, max(0, span_start - 12), span_start)
        if negative and not first.negative:
            span_start, first.negative = negative.start(), True     # "minus 15", "mənfi iki"
        return [_mention(text, span_start, span_end, _converted(-value if first.negative else value, factor), kind,
                         qualifier, obj, rule, confidence, unit, unit_rule)]
    # A range gives two mentions. Written with a dash ("45-60 gün", "5–7 млн") both ends are stated as
    # they are: exact, or "about" for an approximate range ("около 5-7 млн"); with words ("from 10 to
    # 15 percent", "от 10 до 15%", "50-dən 70-ə qədər") the low end is at least, the high end at most;
    # a change from one figure to another ("increased from 2 to 4 billion", "2-dən 4 milyarda qədər
    # artıb") gives two exact ones.
    dashed = not _DASHES.isdisjoint(text[first.end:second.start]) and not first.suffix
    if _CHANGE_BEFORE[lang].search(text, _clause_start(text, first.start), first.start) \
            or lang == "az" and _CHANGE_AFTER_AZ.match(text, span_end):
        low_q = high_q = "exact"
    elif qualifier == "about":
        low_q = high_q = "about"
    elif dashed and not (lang in _RANGE_FROM and _RANGE_FROM[lang].search(text, max(0, first.start - 12), first.start)):
        low_q = high_q = "exact"
    else:
        low_q, high_q = "at_least", "at_most"
    second_start = second.start - (1 if text[second.start - 1:second.start] in lex.CURRENCY_SYMBOLS else 0)
    return [
        _mention(text, span_start, first.end, _converted(scaled(first.value, scale), factor), kind, low_q, obj,
                 rule + ":range", confidence, unit, unit_rule),
        _mention(text, second_start, span_end, _converted(scaled(second.value, scale), factor), kind, high_q, obj,
                 rule + ":range", confidence, unit, unit_rule),
    ]


def _fraction_after(text: str, lang: str, pos: int) -> tuple[str, int] | None:
    """The digits after a decimal word ("point", "точка", "nöqtə") and where they end: digits as
    written ("1 точка 1"), or number words, each a digit ("one point two five") or one number
    ("bir nöqtə qırx üç": 43)."""
    dm = re.match(r"\d+", text[pos:pos + 12])
    if dm:
        return dm.group(), pos + dm.end()
    seq = _WORDS_SEQ.match(text, pos)
    if seq is None:
        return None
    parts = _SPLIT_WORDS.split(seq.group())
    digits, used = [], 0
    for w in parts:
        entry = lookup(w, lang)
        if entry is None or entry.kind != UNIT or entry.value >= 10:
            break
        digits.append(str(int(entry.value)))
        used += 1
    if used < 2:
        parsed = parse_word_sequence(parts, lang)
        if parsed is None or parsed[2] not in (UNIT, HUNDRED) or parsed[0] != int(parsed[0]):
            return None
        digits, used = [str(int(parsed[0]))], parsed[1]
    return "".join(digits), _words_end(text, parts[:used], pos)


def _words_end(text: str, parts: list[str], pos: int) -> int:
    """Where the words ``parts`` (split from the text at ``pos``, in order) end in the text."""
    for w in parts:
        pos = text.index(w, pos) + len(w)
    return pos


def _fraction_in_words(text: str, lang: str, pos: int) -> tuple[float, int, int] | None:
    """The numerator and denominator of a decimal fraction written in words after its whole part,
    and where it ends: "пять десятых" (5, 10), "onda beş" (5, 10); None unless the numerator is a
    whole number below the denominator."""
    denominator = None
    if lex.DENOMINATOR_FIRST[lang]:
        dm = _DENOMINATOR[lang].match(text, pos)
        if dm is None:
            return None
        denominator, pos = lex.FRACTION_DENOMINATORS[lang][dm.lastindex - 1][1], _HS_RUN.match(text, dm.end())
        if pos is None:
            return None
        pos = pos.end()
    seq = _WORDS_SEQ.match(text, pos)
    if seq is None:
        return None
    parts = _SPLIT_WORDS.split(seq.group())
    if denominator is None:   # the denominator closes the numerator ("сотых" is no ordinal of it)
        cut = next((i for i, w in enumerate(parts) if _DENOMINATOR[lang].fullmatch(w)), 0)
        parts = parts[:cut]
    parsed = parse_word_sequence(parts, lang) if parts else None
    if parsed is None or parsed[2] not in (UNIT, HUNDRED) or parsed[0] != int(parsed[0]):
        return None
    end = _words_end(text, parts[:parsed[1]], pos)
    if denominator is None:
        dm = _DENOMINATOR[lang].match(text, end)
        if dm is None or dm.end() == end:
            return None
        denominator, end = lex.FRACTION_DENOMINATORS[lang][dm.lastindex - 1][1], dm.end()
    if parsed[0] >= denominator:
        return None
    return parsed[0], denominator, end


def _converted(value: float, factor: float) -> float:
    """``value`` times a unit's factor without binary noise (8 miles: 12.874752 km)."""
    return value if factor == 1 else float(Decimal(repr(value)) * Decimal(repr(factor)))


def _unit(text: str, lang: str, kind: str, end: int, currency: str | None,
          last: _Number) -> tuple[str | None, str | None, float, int]:
    """(unit, the rule that decided it, the factor that converts the value into it, where its word
    ends): the currency of money, 'percent', a physical unit written after the number (or into it:
    "10km", "162-kilometer"), else 'item'; nothing for an ordinal."""
    if kind == "money":
        return currency, "currency", 1.0, end
    if kind == "percent":
        return "percent", "percent", 1.0, end
    if kind == "ordinal":
        return None, None, 1.0, end
    if last.object_hint:
        found = _unit_of_word(last.object_hint, lang)
        if found:
            return found[0], f"unit:{last.object_hint.lower()}", found[1], end
    um = _UNIT_AFTER[lang].match(text, end)
    if um is not None:
        unit, factor = lex.UNIT_WORDS[lang][um.lastindex - 1][1:]
        return unit, "unit:" + _HS_RUN.sub(" ", um.group().strip().lower()), float(factor), um.end()
    return "item", "counted", 1.0, end


@lru_cache(maxsize=1024)
def _unit_of_word(word: str, lang: str) -> tuple[str, float] | None:
    """The unit and factor of a unit word written into the number ("10km", "162-kilometer")."""
    for code in (lang, *(c for c in _LANGS if c != lang)):
        um = _UNIT_AFTER[code].fullmatch(word)
        if um is not None:
            return tuple(lex.UNIT_WORDS[code][um.lastindex - 1][1:3])
    return None


def _range_end(text: str, lang: str, first: _Number) -> _Number | None:
    """The second number of a range written "5–7", "from 5 to 7", "от 5 до 7", "5-dən 7-yə"."""
    r = None
    if not first.suffix:
        r = _RANGE_DASH.match(text, first.end) if not _DASHES.isdisjoint(text[first.end:first.end + 2]) else None
    elif lang == "az" and _AZ_ABLATIVE.search(first.suffix):
        r = _AZ_RANGE_GAP.match(text, first.end)
    if r is None and lang in _RANGE_FROM and not first.suffix \
            and _RANGE_FROM[lang].search(text, max(0, first.start - 12), first.start):
        r = _RANGE_TO[lang].match(text, first.end)
    if r is None:
        return None
    at = r.end() + (1 if text[r.end()] in lex.CURRENCY_SYMBOLS else 0)
    if not text[at:at + 1].isdigit():
        return None
    second, _ = _digits_at(text, at, lang)
    if second is None or second.ordinal or second.value <= first.value or _is_year(text, first, lang):
        return None
    return second


def _read_scale(text: str, lang: str, end: int, currency: str | None, last: _Number) -> tuple[int, float, str]:
    """Scale word or abbreviation after the number: (new end, multiplier, its case ending)."""
    att = _ATTACHED.match(text, end)
    if att:   # written straight after the digits: "$4.4bn", "5млн", "10km", "100K", "$2.1T"
        if att.group() in lex.LETTER_SCALES:
            return att.end(), lex.LETTER_SCALES[att.group()], ""
        if att.group() in lex.MONEY_LETTER_SCALES and currency:
            return att.end(), lex.MONEY_LETTER_SCALES[att.group()], ""
        low = att.group().lower()
        if low in lex.ATTACHED_SCALES and (low not in lex.MONEY_ONLY_SCALES or currency):
            stop = att.end() + (text[att.end():att.end() + 1] == "." and low in _ABBREV_WITH_DOT)
            return stop, lex.ATTACHED_SCALES[low], ""
        if low in lex.ATTACHED_UNITS:
            last.object_hint = att.group()
            return att.end(), 1.0, ""
        return end, 1.0, ""
    sm = _SCALE_AFTER[lang].match(text, end)
    if sm is None:
        return end, 1.0, last.suffix
    w = fold(sm.group("w"), lang)
    stop = sm.end() + (text[sm.end():sm.end() + 1] == "." and w in _ABBREV_WITH_DOT)
    entry = lookup_scale_after_digits(w, lang)
    if entry is not None:
        return stop, entry.value, entry.suffix
    if w in lex.ATTACHED_SCALES:
        return stop, lex.ATTACHED_SCALES[w], ""
    return end, 1.0, last.suffix      # a form the case-blind pattern matched that is no scale here


_PERCENT_HINT = re.compile(rf"(?i:{_words_alt({k: [v] for k, v in lex.PERCENT_STEM.items()})})")
_SCALE_TAIL = re.compile(rf"{_HS}+(\d{{1,3}})(?P<fraction>[.,]\d{{1,3}})?(?![\d.,:/‐‑-]|{_HS}?%)")


def _scale_tail(text: str, lang: str, end: int, scale: float, ending: str, currency: str | None,
                last: _Number) -> tuple[int, float, str]:
    """Lower groups written after a scale word, as official statistics do: "4 milyard 372 milyon
    500 min dollar", "4 млрд 372 млн долларов", "2 milyard 638,7 milyon", "12 min 500 nəfər". Returns (new end, the value
    they add, the case ending of the last word). A bare group after "min"/"тыс." must have three
    digits ("12 тыс. 500 человек"), so that "30 min 2 ay ərzində" stays two numbers."""
    extra = 0.0
    while True:
        tail = _SCALE_TAIL.match(text, end)
        if tail is None:
            break
        stop, lower, lower_ending = _read_scale(text, lang, tail.end(), currency, last)
        if 1 < lower < scale:
            # a decimal group needs its own scale word: "2 milyard 638,7 milyon dollar"
            fraction = tail.group("fraction")
            extra += scaled(float(tail.group(1) + ("." + fraction[1:] if fraction else "")), lower)
            end, scale, ending = stop, lower, lower_ending
            continue
        if lower == 1 and scale == 1000 and len(tail.group(1)) == 3 and not tail.group("fraction"):
            extra += float(tail.group(1))
            end, ending = tail.end(), ""
        break
    return end, extra, ending


def _currency_code(cm: re.Match, lang: str) -> tuple[str, float]:
    """The ISO code of the currency a match names, and the multiplier its word carries ("т. р.": 1000)."""
    if cm.group("code"):
        return cm.group("code"), 1.0
    if cm.group("sym"):
        return lex.CURRENCY_SYMBOLS[cm.group("sym")], 1.0
    for i, entry in enumerate(lex.CURRENCY_WORDS[lang]):
        if cm.group(f"c{i}"):
            return entry[1], float(entry[2]) if len(entry) > 2 else 1.0
    raise AssertionError("currency regex matched no group")


def _subunit_code(sm: re.Match, lang: str) -> str:
    for i, (_, code) in enumerate(lex.SUBUNIT_WORDS[lang]):
        if sm.group(f"c{i}"):
            return code
    raise AssertionError("sub-unit regex matched no group")


def _subunit_tail(text: str, lang: str, end: int, currency: str, bare: bool = False) -> tuple[int, float, str] | None:
    """The sub-units written after a figure in ``currency``: (new end, their value in the currency,
    the last word's ending), or None. "20 dollars 43 cents", "$20 и 43ц", "3 GBP 1 pence", "1 доллар и
    сорок два цента", "bir manat, doxsan dörd qəpik", "7 euros 30 cents" (a cent of the euro). With
    ``bare`` (an amount without a scale word) a number below a hundred that ends the sentence is its
    sub-units without their word too: "twenty dollars and 43.", "20 долларов 43.", "5 manat 20."."""
    lead = _SUBUNIT_LEAD[lang].match(text, end)
    if lead is None:
        return None
    pos = lead.end()
    nm = _SUBUNIT_DIGITS.match(text, pos)
    if nm is not None:
        cents, after = float(nm.group()), nm.end()
    else:
        seq = _WORDS_SEQ.match(text, pos)
        if seq is None:
            return None
        parts = _SPLIT_WORDS.split(seq.group())
        parsed = parse_word_sequence(parts, lang)
        if parsed is None or parsed[0] >= 100 or parsed[2] not in (UNIT, HUNDRED) and parsed[0] != int(parsed[0]):
            return None
        cents, after = parsed[0], _words_end(text, parts[:parsed[1]], pos)
    if cents >= 100:
        return None
    after = _spelled_out_end(text, lang, after, cents)   # "30 (тридцать) копеек"
    sub = _SUBUNIT_AFTER[lang].match(text, after)
    if sub is not None:
        code = _subunit_code(sub, lang)
        if code == currency or code == "USD" and currency in lex.CENT_CURRENCIES:
            return sub.end(), float(Decimal(repr(cents)) / 100), _last_word(sub.group(), lang)
        return None
    if (bare or lead.group("j")) and cents == int(cents) and _LABEL_VALUE_END.match(text, after) \
            and (lead.group("j") or lead.end() > end):
        return after, float(Decimal(repr(cents)) / 100), ""      # "twenty dollar and 43."
    return None


def _spelled_out_end(text: str, lang: str, end: int, value: float) -> int:
    """After the digits at ``end``, the end of the same number spelled out in brackets ("881 913
    (Восемьсот восемьдесят одна тысяча девятьсот тринадцать) руб."), else ``end``."""
    if text[end:end + 2].strip()[:1] != "(":
        return end
    sm = _SPELLED_OUT.match(text, end)
    if sm is None:
        return end
    words = _SPLIT_WORDS.split(sm.group("words").strip())
    parsed = parse_word_sequence(words, lang)
    if parsed is None or parsed[1] != len(words) or parsed[0] != value:
        return end
    return sm.end()


def _last_word(s: str, lang: str) -> str:
    words = s.split()
    return fold(words[-1], lang) if words else ""


def _qualifier(text: str, lang: str, start: int, end: int, ending: str, kind: str) -> tuple[str, int, int]:
    """(qualifier, span start, span end): adjacent qualifier words join the span, verbs do not."""
    if kind == "ordinal":
        return "exact", start, end
    if lang == "az":
        q, post_end = _az_post_qualifier(text, end, ending)
        if q:
            return q, start, post_end
    else:
        post, post_qualifiers = _POST_QUAL[lang]
        pm = post.match(text, end)
        if pm:
            return post_qualifiers[pm.lastindex - 1], start, pm.end()
    if text[start - 1:start] == "~":
        return "about", start - 1, end
    before = _words_before(text, start, 3)
    words = [fold(text[a:b], lang) for a, b in before]
    skip = 1 if words and words[0] in _PREPOSITIONS_BEFORE_NUMBER[lang] else 0
    longest = 0                  # most numbers have no qualifier phrase: its last word is checked first
    if len(words) > skip and words[skip] in _PRE_QUAL_LAST_WORDS[lang]:
        before = _words_before(text, start, _PRE_QUAL_LONGEST + 1)
        words += [fold(text[a:b], lang) for a, b in before[len(words):]]    # the first three are the same
        longest = min(_PRE_QUAL_LONGEST, len(words) - skip)
    for n in range(longest, 0, -1):
        phrase = " ".join(reversed(words[skip:skip + n]))
        q = lex.PRE_QUALIFIERS[lang].get(phrase)
        if q is None:
            continue
        phrase_start = before[skip + n - 1][0]
        if phrase in ("до", "up to"):
            if _capacity_before(text, lang, words, start):
                return q, phrase_start, end   # "could reach up to 15 million": a capacity
            if _CHANGE_BEFORE[lang].search(text, _change_scope(text, phrase_start), phrase_start):
                return "exact", start, end   # "увеличился до 98 млрд", "вырос на 7%, до 3,6 млрд": a change
        if phrase in ("от", "from"):
            if kind == "money" and not _RANGE_TO[lang].match(text, end) \
                    and not (len(words) > skip + 1 and words[skip + 1] in ("up", "down")) \
                    and not _CHANGE_BEFORE[lang].search(text, _clause_start(text, phrase_start), phrase_start):
                return q, phrase_start, end   # "от 14 тыс. руб.", "priced from 20 manats": a starting price
            break     # "от 5 млн" alone is a source; "from 2 to 4" a range or a change, read elsewhere
        return q, phrase_start, end
    if _capacity_before(text, lang, words, start):
        return "at_most", start, end     # "может достигать 5 млн": a capacity
    for i, word in enumerate(words[:2] if _PRE_VERB[lang][1] else ()):
        q = _verb_qualifier(word, lang)
        if q:
            if q == "more_than" and i + 1 < len(words) and words[i + 1] in lex.NEGATIONS:
                q = "at_most"        # "не превышает 5%", "does not exceed 5%"
            return q, start, end     # "exceeded 54 percent": the verb stays out of the span
    return "exact", start, end


@lru_cache(maxsize=16384)
def _verb_qualifier(word: str, lang: str) -> str | None:
    """The qualifier a verb before a number sets ("exceeded", "превысил"), once per word."""
    verbs, qualifiers = _PRE_VERB[lang]
    m = verbs.fullmatch(word)
    return qualifiers[m.lastindex - 1] if m else None


def _capacity_before(text: str, lang: str, words: list[str], start: int) -> bool:
    """Whether "can reach (up to)" stands right before the number at ``start`` (``words``: the
    folded words before it, nearest first); the verb is looked up before the regex runs."""
    return any(w in lex.CAPACITY_VERBS for w in words[:3]) \
        and _CAPACITY_BEFORE[lang].search(text, max(0, start - 40), start) is not None


def _change_scope(text: str, pos: int) -> int:
    """Where to look for the change verb that governs "до N" / "up to N": its own clause, or the one
    before when the figure only continues it after a comma ("вырос на 7,3%, до 3,6 млрд",
    "подешевели на 0,8%, до 160,5 руб.", "не менее 5 млн тонн, а в дальнейшем - до 15 млн")."""
    scope = _clause_start(text, pos)
    if text[scope - 1:scope] == "," and not _CHANGE_GAP_VERB.search(text, scope, pos):
        scope = _clause_start(text, scope - 1, 80)
    return scope


# Qualifiers that state an amount; before a four-digit number they rule out a year. English
# prepositions that also take a year ("over 2023", "around 2000") are left out.
_AMOUNT_QUALIFIERS = {"more_than", "about", "less_than", "at_least"}
_YEAR_PREPOSITIONS = frozenset(w for words in lex.YEAR_PREPOSITIONS.values() for w in words)


def _pre_qualifier(text: str, lang: str, before: list[tuple[int, int]]) -> str | None:
    """The qualifier of the longest qualifier phrase ending at the last of ``before``, if an
    amount-only one (see _YEAR_PREPOSITIONS)."""
    words = [fold(text[a:b], lang) for a, b in before]
    for n in range(min(_PRE_QUAL_LONGEST, len(words)), 0, -1):
        phrase = " ".join(reversed(words[:n]))
        q = lex.PRE_QUALIFIERS[lang].get(phrase)
        if q is not None:
            return None if phrase in _YEAR_PREPOSITIONS else q
    return None


def _pre_qualifier_any(text: str, lang: str, pos: int) -> bool:
    """Whether a qualifier phrase ("более", "не менее", "около") ends right before ``pos``."""
    words = [fold(text[a:b], lang) for a, b in _words_before(text, pos, _PRE_QUAL_LONGEST)]
    return any(" ".join(reversed(words[:n])) in lex.PRE_QUALIFIERS[lang] for n in range(1, len(words) + 1))


_WORD_REVERSED = re.compile(rf"{_HS}*+(\.?+[-‐]?+[^\W\d_]++(?:[-‐][^\W\d_]++)*+)")


def _words_before(text: str, pos: int, n: int) -> list[tuple[int, int]]:
    """Spans of up to ``n`` words right before ``pos`` on the same line, nearest first; a word may
    end in a dot ("approx.", "No.") and contain hyphens. Read as a regex over the reversed text
    within ``_WINDOW`` characters before ``pos``, which is several times faster than stepping back
    one character at a time."""
    rev = _reversed(text)
    size = len(text)
    limit = size - max(0, pos - _WINDOW)
    match = _WORD_REVERSED.match
    out: list[tuple[int, int]] = []
    i = size - pos
    while len(out) < n:
        m = match(rev, i, limit)
        if m is None:
            break
        a, b = m.span(1)
        out.append((size - b, size - a))
        i = m.end()
    return out


def _word_before(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the word right before ``pos``: _words_before(text, pos, 1), without the list."""
    size = len(text)
    m = _WORD_REVERSED.match(_reversed(text), size - pos, size - max(0, pos - _WINDOW))
    if m is None:
        return None
    a, b = m.span(1)
    return size - b, size - a


_last_reversed: tuple[str, str] = ("", "")


def _reversed(text: str) -> str:
    """``text[::-1]``, kept for the last text read: the words before every number are read on it,
    and one article is reversed once instead of a window per number."""
    global _last_reversed
    last = _last_reversed
    if last[0] is text:
        return last[1]
    reversed_text = text[::-1]
    _last_reversed = (text, reversed_text)
    return reversed_text


def _clause_start(text: str, pos: int, width: int = 60) -> int:
    """Start of the clause that ``pos`` stands in, looking back at most ``width`` characters."""
    lo = max(0, pos - width)
    i = pos
    while i > lo:
        i -= 1
        ch = text[i]
        if ch in ",.;:—()\n" and not (ch in ",." and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
            return i + 1     # a decimal comma or point ("7,3%") does not end a clause
    return lo


def _az_post_qualifier(text: str, pos: int, ending: str) -> tuple[str | None, int]:
    """Azerbaijani postpositions after the number, or after the counted noun: "150-dən çox",
    "250-yə yaxın", "100-dək", "100 min nəfərdən artıq", "200 nəfərə yaxın", "17-dən az
    olmamalıdır"; and verbs that leave the span as it is: "dolları ötüb", "faizə yaxınlaşıb"."""
    terminative, ablative, dative, accusative = _az_cases(ending)
    if terminative:
        return (None, pos) if _CHANGE_AFTER_AZ.match(text, pos) else ("at_most", pos)
    word_end = pos
    for step in range(3):   # the number's own ending, then up to two words of the counted phrase
        w = _WORD_AFTER.match(text, word_end)
        if w is None:       # (between the words only horizontal space, which _WORD_AFTER allows)
            return None, pos
        nxt = fold(w.group("w"), "az")
        if nxt.endswith("dək"):     # "100-ə ... nəfərədək", "5 milyon tonadək" ("-cən" would catch "Azərbaycan")
            return (None, pos) if _CHANGE_AFTER_AZ.match(text, w.end()) else ("at_most", w.end())
        if nxt in lex.AZ_AFTER_ANY:
            return lex.AZ_AFTER_ANY[nxt], w.end()
        if ablative:
            if nxt in lex.AZ_AFTER_ABLATIVE:
                q = lex.AZ_AFTER_ABLATIVE[nxt]
                neg = _AZ_NEGATED.match(text, w.end())
                if neg and q in lex.AZ_NEGATED_BOUND:
                    return lex.AZ_NEGATED_BOUND[q], neg.end()
                return q, w.end()
            if _AZ_START_VERB.fullmatch(nxt):
                return "at_least", pos
        if dative:
            if nxt in lex.AZ_AFTER_DATIVE:
                q = lex.AZ_AFTER_DATIVE[nxt]
                if q == "at_most" and _CHANGE_AFTER_AZ.match(text, w.end()):
                    return None, pos
                return q, w.end()
            if _AZ_APPROACH_VERB.fullmatch(nxt):
                return "about", pos
        if accusative:
            if _AZ_EXCEED_VERB.fullmatch(nxt):
                return "more_than", pos
            if _AZ_NOT_EXCEED_VERB.fullmatch(nxt):
                return "at_most", pos
        if step == 2 or nxt in lex.OBJECT_STOP["az"] or _AZ_VERB.search(nxt):
            return None, pos
        _, ablative, dative, accusative = _az_cases(nxt)    # this word's ending governs the next one
        word_end = w.end()
    return None, pos


@lru_cache(maxsize=4096)
def _az_cases(ending: str) -> tuple[bool, bool, bool, bool]:
    """(terminative, ablative, dative, accusative) of an Azerbaijani case ending or word, read once
    per ending: the few endings of numbers and the nouns after them recur everywhere."""
    return (_AZ_TERMINATIVE.search(ending) is not None, _AZ_ABLATIVE.search(ending) is not None,
            _AZ_DATIVE.search(ending) is not None, _AZ_ACCUSATIVE.search(ending) is not None)


def _is_year(text: str, num: _Number, lang: str) -> bool:
    """Four digits 1000–2100 without separators read as a year ("2014-cü il", "in 2011",
    "2020 və 2021-ci illərdə"), unless a quantity noun follows ("2000 nəfər")."""
    raw = text[num.start:num.end]
    digits = raw[:4]
    if not (digits.isdigit() and (len(raw) == 4 or not raw[4:5].isdigit()) and 1000 <= int(digits) <= 2100):
        return False
    if len(raw) > 4 and raw[4] in ".,":
        return False
    att = _ATTACHED.match(text, num.end)
    if att is not None and (att.group() in lex.LETTER_SCALES or att.group().lower() in lex.ATTACHED_SCALES) \
            or _UNIT_AFTER[lang].match(text, num.end):
        return False          # "1200K", "2000 milligrams": an amount
    if _YEAR_AFTER.match(text, num.end):
        return True
    if num.ordinal:
        return 1900 <= int(digits) <= 2100    # "2014-cü", not "1000-ci görüş" (the thousandth meeting)
    if num.suffix:
        # "1200-dən çox şirkət", "1500-ə yaxın": a comparison states an amount, which a year
        # never takes ("2020-dən bəri", "2030-a qədər" are dates); "qədər" only before a counted noun.
        q, q_end = _az_post_qualifier(text, num.end, num.suffix)
        if q is None or q_end == num.end:
            return True    # no postposition, or a verb: "2020-dən başlayaraq"
        # "-ə qədər" also means "until": an amount only before a counted noun or off the years of news
        return not (q in _AMOUNT_QUALIFIERS or _QUANTITY_NOUN[lang].match(text, q_end) or int(digits) < 1900)
    if _QUANTITY_NOUN[lang].match(text, num.end) or _PERCENT_SIGN.match(text, num.end):
        return False
    before = _words_before(text, num.start, _PRE_QUAL_LONGEST)
    if _pre_qualifier(text, lang, before) in _AMOUNT_QUALIFIERS:
        return False   # "более 1200", "over 2000", "около 1500": years take no such qualifier
    if before and fold(text[before[0][0]:before[0][1]], lang) in lex.YEAR_LEAD_WORDS[lang]:
        return True    # "in 2011", "the 2023 agreement", "в 2000", "с 2019"
    # A year stands before punctuation, a conjunction and another number, or a name; a quantity
    # before its lower-case noun ("1960 hərbi qulluqçu", "1500 участников").
    nxt = _WORD_AFTER.match(text, num.end)
    if nxt is None or nxt.start("w") - num.end > 1 or not nxt.group("w")[0].islower():
        return True
    word = fold(nxt.group("w"), lang)
    return word in lex.OBJECT_STOP[lang] or word in lex.YEAR_LEAD_WORDS[lang]


def _az_changed_thing(text: str, pos: int) -> str | None:
    """The Azerbaijani noun phrase right before a percentage, when it ends in the possessive that
    marks a compound noun: "ticarət dövriyyəsi 14% artıb" -> "ticarət dövriyyəsi"."""
    before = _words_before(text, pos, 2)
    words = [text[a:b] for a, b in before]
    if not words or not _AZ_POSSESSIVE_END.search(words[0]) or fold(words[0], "az") in lex.OBJECT_STOP["az"]:
        return None
    if len(words) == 2 and words[1][0].islower() and fold(words[1], "az") not in lex.OBJECT_STOP["az"] \
            and not _AZ_VERB.search(words[1]):
        return f"{words[1]} {words[0]}"
    return words[0]


def _object(text: str, pos: int, lang: str, last: _Number, kind: str) -> str | None:
    """The counted noun phrase after the number, as written: a few words up to a stop word, a
    verb or punctuation. "39 из 67 человек" takes the object of the number it is part of."""
    if last.object_hint:
        return last.object_hint
    if lang == "az" and _AZ_POSSESSIVE.match(last.suffix):
        return None          # "Onlardan 18-i": eighteen of them
    if kind == "percent" and lang != "en":
        return None          # the thing that changed stands before the figure, not after it
    of = _OF_NUMBER.get(lang)
    if of is not None and kind == "cardinal":
        om = of.match(text, pos)
        if om:
            nm = _NUMBER.match(text, om.end())
            if nm:
                return _object(text, nm.end(), lang, _Number(nm.start(), nm.end(), 0), kind)
            w = _WORD_AFTER.match(text, om.end())
            if w and lookup(w.group("w"), lang):
                return _object(text, w.end(), lang, _Number(w.start(), w.end(), 0), kind)
    words: list[str] = []
    p = pos
    limit = 4 if lang == "en" else 3
    while len(words) < limit:
        w = _WORD_AFTER.match(text, p)
        if w is None:
            break
        if text[p:w.start("w")].strip(" \t\u00a0\u202f«»\"“”„"):
            break                # something other than spaces and quotes between the words
        word = w.group("w")
        stops, verb_like, closes = _object_word_kinds(word, lang)
        if stops or words and verb_like:
            break
        words.append(word)
        p = w.end()
        if closes:
            break
    return " ".join(words) or None


@lru_cache(maxsize=16384)
def _object_word_kinds(word: str, lang: str) -> tuple[bool, bool, bool]:
    """How a word reads in a counted noun phrase: (it ends the phrase before it: a stop word, a
    number word, an Azerbaijani verb; it ends the phrase when it is not the first word: a Russian or
    English verb form; it closes the phrase after it: an Azerbaijani case or possessive ending, an
    English plural or head noun). Computed once per word, as the same nouns follow number after number."""
    low = fold(word, lang)
    stops = low in lex.OBJECT_STOP[lang] or bool(lookup(low, lang)) and lang != "az" \
        or lang == "az" and _AZ_VERB.search(low) is not None
    verb_like = lang == "ru" and _RU_VERB.search(low) is not None or lang == "en" and low.endswith(("ed", "ing")) \
        and low not in lex.EN_ING_NOUNS
    closes = lang == "az" and _AZ_OBJECT_END.search(low) is not None and low not in _AZ_ADJ_I \
        and not _AZ_ADJ_SUFFIX.search(low) \
        or lang == "en" and (_EN_PLURAL.search(low) is not None or low in lex.EN_HEAD_NOUNS)
    return bool(stops), bool(verb_like), bool(closes)
