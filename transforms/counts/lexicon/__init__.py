"""The words the count extractor reads, one module per language (az.py, ru.py, en.py: the same names
in each) and the ones every language shares (common.py). Here they are joined into tables by
language, as transforms/counts/extract.py reads them: ``CURRENCY_WORDS["ru"]`` is
``ru.CURRENCY_WORDS``. A language of the layer (transforms/lang) without a module here has no
count words; its texts are read with those of the language its script suggests.
"""
from __future__ import annotations


from transforms.counts.lexicon.common import (  # noqa: F401 (re-exported)
    ATTACHED_SCALES, ATTACHED_UNITS, CAPACITY_VERBS, CURRENCY_CODES, CURRENCY_SYMBOLS, DESIGNATORS,
    LABEL_NOUNS_AFTER_ORDINAL, MONEY_ONLY_SCALES, NAME_PREFIXES, NEGATIONS, NOT_COUNT_UNITS, PAGE_LABELS, PAGE_NOUNS,
    PHONE_LABELS, YEAR_WORDS, PHONE_LABEL_KEYS, ABBREVIATED_SCALES, CURRENCY_SIGN_PREFIXES,
    LETTER_SCALES, MONEY_LETTER_SCALES, MINUS_SIGNS, BEFORE_SIGN, CENT_CURRENCIES,
)
from transforms.lang import LANGUAGES, modules_by_language


_BY_LANGUAGE = modules_by_language(__name__)


def _table(name: str) -> dict:
    return {code: getattr(module, name) for code, module in _BY_LANGUAGE.items()}


CURRENCY_WORDS = _table("CURRENCY_WORDS")            # (regex, ISO code[, multiplier]) of currency words after a number
PERCENT_WORDS = _table("PERCENT_WORDS")              # percent words after a number
PRE_QUALIFIERS = _table("PRE_QUALIFIERS")            # qualifier phrases before the number, in the span
PRE_VERB_QUALIFIERS = _table("PRE_VERB_QUALIFIERS")  # verbs before the number, outside the span
POST_QUALIFIERS = _table("POST_QUALIFIERS")          # qualifier words after the number
INNER_QUALIFIERS = _table("INNER_QUALIFIERS")        # qualifiers between the number and its unit
CAPACITY_BEFORE = _table("CAPACITY_BEFORE")          # "can reach": a limit
CHANGE_VERBS = _table("CHANGE_VERBS")                # a change *to* a figure: exact
QUANTITY_NOUNS = _table("QUANTITY_NOUNS")            # nouns that make a year-shaped number a quantity
ONE_UNIT_NOUNS = _table("ONE_UNIT_NOUNS")            # units a lone "one" must stand before
ORDINAL_IDIOMS = _table("ORDINAL_IDIOMS")            # ordinals as titles or idioms
ROMAN_EVENT_NOUNS = _table("ROMAN_EVENT_NOUNS")      # nouns a Roman numeral numbers
DATE_PART_NOUNS = _table("DATE_PART_NOUNS")          # nouns that make an ordinal part of a date
OBJECT_STOP = _table("OBJECT_STOP")                  # words that end an object noun phrase
YEAR_LEAD_WORDS = _table("YEAR_LEAD_WORDS")          # words before a four-digit number that make it a year
PREPOSITIONS_BEFORE_NUMBER = _table("PREPOSITIONS_BEFORE_NUMBER")   # between a qualifier and the number
HALF_AFTER = _table("HALF_AFTER")                    # "and a half" after a number
HALF_WORD = _table("HALF_WORD")                      # a half with no number before it (or None)
HALF_SCALE_AFTER = _table("HALF_SCALE_AFTER")        # the scale after that half word (or None)
UNIT_AND_A_HALF_BEFORE = _table("UNIT_AND_A_HALF_BEFORE")   # "a year and a half" (or None)
RANGE_FROM = _table("RANGE_FROM")                    # words before the first number of a range (or None)
RANGE_TO = _table("RANGE_TO")                        # words between the ends of a range
OF_NUMBER = _table("OF_NUMBER")                      # "39 из 67": the noun after the second number (or None)
ONLY_ONE_BEFORE = _table("ONLY_ONE_BEFORE")          # "only one": a count before any noun (or None)
ONLY_ONE_NOT_AFTER = _table("ONLY_ONE_NOT_AFTER")
EVERY_BEFORE = _table("EVERY_BEFORE")                # "every second": a share, no rank
DAY_RANGE_WORDS = _table("DAY_RANGE_WORDS")          # between the days of a range before a month
DAY_ENDINGS = _table("DAY_ENDINGS")                  # ordinal endings of a day number
DECADE_ENDINGS = _table("DECADE_ENDINGS")            # "1990s", "1990-х", "90-cı illər"
CLOCK_AFTER = _table("CLOCK_AFTER")                  # "10 a.m.", "10 часов утра"
YEAR_ENDINGS = _table("YEAR_ENDINGS")                # ordinal endings of a year before its noun
LIST_CONJUNCTIONS = _table("LIST_CONJUNCTIONS")      # between the numbers of a list of labels
NUMBER_LABELS_AFTER = _table("NUMBER_LABELS_AFTER")  # "822 saylı" (or None)
YEAR_PREPOSITIONS = _table("YEAR_PREPOSITIONS")      # qualifier words that also take a year
PERCENT_STEM = _table("PERCENT_STEM")                # "40-процентный", "a 15-percent rise"
VERB_FORM_ENDINGS = _table("VERB_FORM_ENDINGS")
NEGATIVE_WORDS = _table("NEGATIVE_WORDS")
SUBUNIT_WORDS = _table("SUBUNIT_WORDS")              # (regex, code): a hundredth of the currency ("43 cents")
SUBUNIT_JOINERS = _table("SUBUNIT_JOINERS")          # "20 dollars and 43 cents"
UNIT_WORDS = _table("UNIT_WORDS")                    # (regex, unit, factor): physical units, converted
ARTICLE_UNITS = _table("ARTICLE_UNITS")
BARE_ORDINAL_BEFORE = _table("BARE_ORDINAL_BEFORE")
TIME_BEFORE = _table("TIME_BEFORE")                  # "в 15 часов", "tonight at 11": an hour, not a count
TIME_AFTER = _table("TIME_AFTER")
TIME_CONTEXT = _table("TIME_CONTEXT")
ONE_OF = _table("ONE_OF")
DECIMAL_POINT_WORDS = _table("DECIMAL_POINT_WORDS")
WHOLE_WORDS = _table("WHOLE_WORDS")                  # "целых", "tam": a decimal fraction in words follows
FRACTION_DENOMINATORS = _table("FRACTION_DENOMINATORS")   # (regex, 10/100/1000): "десятых", "onda"
DENOMINATOR_FIRST = _table("DENOMINATOR_FIRST")      # az writes the denominator before the numerator
VAGUE_SCALE_AFTER = _table("VAGUE_SCALE_AFTER")      # "on minlərlə": tens of thousands (or None)
# What a figure means (transforms/counts/meaning.py)
MEASURE_WORDS = _table("MEASURE_WORDS")              # {measure: regex}: what an amount of money is
COMPARISON_BEFORE = _table("COMPARISON_BEFORE")      # before a date that is a comparison base (or None)
COMPARISON_AFTER = _table("COMPARISON_AFTER")        # after such a date (or None)
BASE_FIGURE_BEFORE = _table("BASE_FIGURE_BEFORE")    # before a figure that is a comparison base (or None)
PERIOD_DAY_BEFORE = _table("PERIOD_DAY_BEFORE")      # before a day that starts a figure's period (or None)
PERIOD_DAY_AFTER = _table("PERIOD_DAY_AFTER")
OTHER_TIME = _table("OTHER_TIME")
EVENT_AFTER_DATE = _table("EVENT_AFTER_DATE")
RELATIVE_PRONOUNS = _table("RELATIVE_PRONOUNS")
CLAUSE_CONJUNCTIONS = _table("CLAUSE_CONJUNCTIONS")  # "while", "а", "isə": a clause of its own      # "РЛС, которая ... в 1985 году, способна ..."        # "2022-ci ilin sentyabrında keçirilən": an event's time                    # words that give a figure a time of its own  # "one point two", "1 точка 1"                            # "one of the suspects" (or None)  # "the first for Azerbaijan": an ordinal with no noun (or None)              # "a dollar": units an article counts as one (or None)            # "minus 15", "mənfi iki": a negative figure      # a clause with a verb of its own
# Month words (from the language layer) after which a number is a day, not a count; in
# Azerbaijani also "ayın" ("ayın 5-i": the 5th of the month).
MONTHS = {code: LANGUAGES[code].month_regex() + ("|ayın" if code == "az" else "") for code in _BY_LANGUAGE}
# The months a day number may follow, where a language restricts them (az: the name or its genitive).
MONTHS_BEFORE_DAY = {code: m.MONTHS_BEFORE_DAY for code, m in _BY_LANGUAGE.items() if hasattr(m, "MONTHS_BEFORE_DAY")}

# Words of one language only.
_az, _ru, _en = (_BY_LANGUAGE[code] for code in ("az", "ru", "en"))
AZ_AFTER_ABLATIVE, AZ_AFTER_DATIVE, AZ_AFTER_ANY = _az.AFTER_ABLATIVE, _az.AFTER_DATIVE, _az.AFTER_ANY
AZ_NEGATED_AFTER, AZ_NEGATED_BOUND = _az.NEGATED_AFTER, _az.NEGATED_BOUND
AZ_EXCEED_VERBS, AZ_NOT_EXCEED_VERBS = _az.EXCEED_VERBS, _az.NOT_EXCEED_VERBS
AZ_APPROACH_VERBS, AZ_START_VERBS = _az.APPROACH_VERBS, _az.START_VERBS
RU_COMPOUND_PREFIXES, RU_COMPOUND_UNITS = _ru.COMPOUND_PREFIXES, _ru.COMPOUND_UNITS
AZ_ANNIVERSARY_AFTER = _az.ANNIVERSARY_AFTER
AZ_ADJECTIVES_IN_I = _az.ADJECTIVES_IN_I
RU_ONE_IDIOM_BEFORE, RU_RANK_AFTER = _ru.ONE_IDIOM_BEFORE, _ru.RANK_AFTER
RU_SINGULAR_SCALES, RU_GENITIVE_SCALES = _ru.SINGULAR_SCALES, _ru.GENITIVE_SCALES
RU_COMPOUND_AFTER_DIGITS = _ru.COMPOUND_AFTER_DIGITS
RU_COPULAS = _ru.COPULAS
EN_HEAD_NOUNS = _en.HEAD_NOUNS
EN_ONE_PRONOUN, EN_NO_ONE_BEFORE, EN_ONE_HYPHEN_UNIT = _en.ONE_PRONOUN, _en.NO_ONE_BEFORE, _en.ONE_HYPHEN_UNIT
EN_RANK_BEFORE, EN_AFTER_ORDINAL_HYPHEN = _en.RANK_BEFORE, _en.AFTER_ORDINAL_HYPHEN
EN_FRACTIONS_AFTER_HYPHEN, EN_HYPHEN_UNITS = _en.FRACTIONS_AFTER_HYPHEN, _en.HYPHEN_UNITS
EN_SECOND_OF_TIME_AFTER, EN_HYPHEN_QUALIFIERS = _en.SECOND_OF_TIME_AFTER, _en.HYPHEN_QUALIFIERS
EN_PLURAL_END, EN_ING_NOUNS = _en.PLURAL_END, _en.ING_NOUNS
