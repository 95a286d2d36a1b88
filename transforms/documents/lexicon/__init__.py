"""Word lists for named-document mentions: type nouns with their inflected forms, and the words
that bound or qualify a document name. Each language declares its own in az.py, ru.py, en.py (the
same names in each); here they are joined into tables by language, beside what the languages share
(tokens, quotes, the Head type).

Everything here is data built once at import; transforms/documents/extract.py and
transforms/documents/linking.py hold the logic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.lang import LANGUAGES, SENTENCE_STOPS, lower_keeping_offsets, modules_by_language
from transforms.lang.numbers import UNIT

def lower_text(text: str, language: str) -> str:
    """Lower-cased copy of ``text`` with exactly the same length (offsets stay valid): the language
    layer's case folding (Azerbaijani dotted/dotless i pairs)."""
    return lower_keeping_offsets(text, language == "az")


# Words, numbers glued to suffixes ("2021-ci", "22-də"), hyphenated compounds, line breaks, and any
# other single non-space character (punctuation, quotes).
# (Possessive quantifiers: a word never gives characters back, which spares the engine the attempts.)
TOKEN = re.compile(r"[^\W_]++(?:[-‐‑'’`][^\W_]++)*+|\n|\S")

QUOTES_OPEN = frozenset('«“„"\'‘')
QUOTES_CLOSE = frozenset('»”“"\'’')
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "'": "'", "‘": "’"}
# "\x00" separates the separately tokenised stretches of a long text (see documents._tokenize).
SENTENCE_END = frozenset(SENTENCE_STOPS + "\n;\x00")

# ---------------------------------------------------------------------------------------------------
# Type nouns
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Head:
    """A type-noun form: what document type it names and how it must be used."""
    lexeme: str          # dictionary form, e.g. "saziş", "соглашение", "agreement"
    doc_type: str
    plural: bool
    # Multi-word type nouns: the lower-cased previous token must start with one of these
    # ("yol" + "xəritəsi", "дорожная" + "карта", "action" + "plan").
    needs_prev: tuple[str, ...] = ()
    # ... or the next token must start with one of these ("plan" + "of action", "план" + "действий").
    needs_next: tuple[str, ...] = ()
    # Azerbaijani: the form carries the 3rd-person possessive, so a bare noun before it is part of an
    # izafet compound ("Bakı Bəyannaməsi"), while before "Bəyannaməni" it is not ("Əliyev Bəyannaməni").
    possessive: bool = False


# Lexemes whose bare use is a different sense far more often than a document ("the programme of the
# visit", "said in a statement", "protocol filming", "a great deal"): they need a name, a qualifying
# modifier or an antecedent of their own family before they count.
RESTRICTED = frozenset({
    "plan", "statement", "заявление", "bəyanat", "program", "программа", "proqram", "protocol", "протокол",
    "protokol", "deal", "accord", "charter", "устав", "nizamnamə", "xartiya", "хартия",
    "razılaşma", "договорённость", "arrangement", "communiqué", "коммюнике", "kommünike", "iş planı",
})


_BY_LANGUAGE = modules_by_language(__name__)


def _build_heads() -> dict[str, dict[str, list[Head]]]:
    heads: dict[str, dict[str, list[Head]]] = {}
    for code, module in _BY_LANGUAGE.items():
        table = heads[code] = {}

        def add(forms: dict, lexeme: str, doc_type: str, needs_prev=(), needs_next=(), table=table):
            for form, number in forms.items():
                plural, possessive = number if isinstance(number, tuple) else (number, False)
                table.setdefault(form, []).append(
                    Head(lexeme, doc_type, plural, tuple(needs_prev), tuple(needs_next), possessive))

        module.type_nouns(add)
    return heads


HEADS = _build_heads()
LANGUAGES_WITH_HEADS = tuple(HEADS)

# Where type nouns may stand: a text with no hit has no document mention, and only the text around
# the hits is tokenised.
PREFILTER = {code: m.PREFILTER for code, m in _BY_LANGUAGE.items()}

# ---------------------------------------------------------------------------------------------------
# Words around a type noun
# ---------------------------------------------------------------------------------------------------

# Words that count documents ("six roadmaps", "пяти соглашений", "altı yol xəritəsi"): the number
# words of 2 to 10 (English to a dozen) of the language layer, and "several".
NUMBER_WORDS = {
    code: frozenset(w for w, e in LANGUAGES[code].number_words.items()
                    if e.kind == UNIT and 2 <= e.value <= (12 if code == "en" else 10)) | frozenset(m.FEW)
    for code, m in _BY_LANGUAGE.items()
}
BLOCKING_MODIFIERS = {code: m.BLOCKING_MODIFIERS for code, m in _BY_LANGUAGE.items()}
SOFT_MODIFIERS = {code: m.SOFT_MODIFIERS for code, m in _BY_LANGUAGE.items()}
SIGNING = {code: m.SIGNING for code, m in _BY_LANGUAGE.items()}
SIGNED = {code: m.SIGNED for code, m in _BY_LANGUAGE.items()}
CONCLUDED = {code: m.CONCLUDED for code, m in _BY_LANGUAGE.items()}
PLACE_PREPOSITIONS = {code: m.PLACE_PREPOSITIONS for code, m in _BY_LANGUAGE.items()}

# Words of one language only.
_az, _ru, _en = (_BY_LANGUAGE[code] for code in ("az", "ru", "en"))
EN_MODIFIERS, EN_STOP, EN_DETERMINERS, EN_NAME_PREPOSITIONS = _en.MODIFIERS, _en.STOP, _en.DETERMINERS, _en.NAME_PREPOSITIONS
EN_CONSENT_BEFORE, EN_DEAL_NOT_NOUN_AFTER, EN_DEAL_NOT_NOUN_BEFORE = (_en.CONSENT_BEFORE, _en.DEAL_NOT_NOUN_AFTER,
                                                                     _en.DEAL_NOT_NOUN_BEFORE)
RU_STOP, RU_NAME_PREPOSITIONS = _ru.STOP, _ru.NAME_PREPOSITIONS
AZ_POSTPOSITIONS, AZ_STOP, AZ_SIGNING_PARTICIPLE, AZ_PARTICIPLE = (_az.POSTPOSITIONS, _az.STOP, _az.SIGNING_PARTICIPLE,
                                                                   _az.PARTICIPLE)
AZ_VERB, AZ_LOCATIVE, AZ_GENITIVE, AZ_POSSESSIVE, AZ_ADJECTIVE_LIKE = (_az.VERB, _az.LOCATIVE, _az.GENITIVE,
                                                                       _az.POSSESSIVE, _az.ADJECTIVE_LIKE)

# Senses that are not documents, and words that tell the senses of a noun apart (see the language modules).
PROTOCOL_CEREMONY = {code: m.PROTOCOL_CEREMONY for code, m in _BY_LANGUAGE.items()}
PROTOCOL_NOT_AFTER = {code: m.PROTOCOL_NOT_AFTER for code, m in _BY_LANGUAGE.items()}
PROGRAM_NOT_DOCUMENT = {code: m.PROGRAM_NOT_DOCUMENT for code, m in _BY_LANGUAGE.items()}
PROGRAM_AGENCIES = {code: m.PROGRAM_AGENCIES for code, m in _BY_LANGUAGE.items()}
ORGANISATION_WORDS = {code: m.ORGANISATION_WORDS for code, m in _BY_LANGUAGE.items()}
DECLARATION_NOT_DOCUMENT = {code: m.DECLARATION_NOT_DOCUMENT for code, m in _BY_LANGUAGE.items()}
CHARTER_ORGS = {code: m.CHARTER_ORGS for code, m in _BY_LANGUAGE.items()}
STATEMENT_QUALIFIERS = {code: m.STATEMENT_QUALIFIERS for code, m in _BY_LANGUAGE.items()}
STATEMENT_LEADERS = {code: m.STATEMENT_LEADERS for code, m in _BY_LANGUAGE.items()}
TREATY_WORDS = {code: m.TREATY_WORDS for code, m in _BY_LANGUAGE.items()}
CONTRACT_WORDS = {code: m.CONTRACT_WORDS for code, m in _BY_LANGUAGE.items()}


# Words around names (see the language modules); "," and "&" join conjuncts in every language.
CONJUNCTIONS = {code: frozenset(m.CONJUNCTIONS) | {",", "&"} for code, m in _BY_LANGUAGE.items()}
UNIVERSAL = {code: m.UNIVERSAL for code, m in _BY_LANGUAGE.items()}
APPROXIMATE_BEFORE = {code: m.APPROXIMATE_BEFORE for code, m in _BY_LANGUAGE.items()}
APPROXIMATE_AFTER = {code: m.APPROXIMATE_AFTER for code, m in _BY_LANGUAGE.items()}
DATE_INTRODUCERS = {code: m.DATE_INTRODUCERS for code, m in _BY_LANGUAGE.items()}
AMENDING_GAP = {code: m.AMENDING_GAP for code, m in _BY_LANGUAGE.items()}
AMENDING_WORDS = {code: m.AMENDING_WORDS for code, m in _BY_LANGUAGE.items()}
PROVISION_WORDS = {code: m.PROVISION_WORDS for code, m in _BY_LANGUAGE.items()}
PROVISION_ABBREVIATIONS = {code: m.PROVISION_ABBREVIATIONS for code, m in _BY_LANGUAGE.items()}

PLAN_KINDS = {code: m.PLAN_KINDS for code, m in _BY_LANGUAGE.items()}
BETWEEN = {code: m.BETWEEN for code, m in _BY_LANGUAGE.items()}
GOAL_BEFORE = {code: m.GOAL_BEFORE for code, m in _BY_LANGUAGE.items()}
GOAL_AFTER = {code: m.GOAL_AFTER for code, m in _BY_LANGUAGE.items()}
CONSENT_CLAUSE = {code: m.CONSENT_CLAUSE for code, m in _BY_LANGUAGE.items()}
# Nouns of consent, which name a document only as a set or a titled text: "the arrangements reached by
# the leaders", not "reaching an arrangement on ..." nor "договоренность о том, что ...".
CONSENT_LEXEMES = frozenset({"razılaşma", "договорённость", "arrangement"})

def is_provision_word(word: str, language: str) -> bool:
    """Does the word name a provision of a document ("Пункт", "статьи", "paragraph", "bəndi")?"""
    return word in PROVISION_ABBREVIATIONS[language] or word.startswith(PROVISION_WORDS[language])


def match_head(lows: list[str], i: int, language: str) -> tuple[int, int, Head] | None:
    """The type noun whose head word is token ``i`` (lower-cased tokens): (first, last, head)."""
    for head in HEADS[language].get(lows[i], ()):
        first = last = i
        if head.needs_prev:
            if i == 0 or not lows[i - 1].startswith(head.needs_prev):
                continue
            first = i - 1
        if head.needs_next:
            following = lows[i + 1:i + 3]
            if not following or not following[0].startswith(head.needs_next):
                continue
            last = i + 1
            # "plan of action", "план совместных действий": the qualifier is two words long
            if following[0] in ("of", "совместных"):
                if len(following) < 2 or not following[1].startswith(("action", "действий")):
                    continue
                last = i + 2
        return first, last, head
    return None
