"""The words named-document mentions are read with in Azerbaijani: type nouns with their inflected
forms, where type nouns may stand, and the words that bound or qualify a name (the same names in every
language module; transforms/documents/lexicon/__init__.py joins them). Plain data."""
from __future__ import annotations

import re

from transforms.lang.az.morphology import noun_forms


def type_nouns(add) -> None:
    """The type nouns: ``add(forms, lexeme, doc_type, needs_prev=(), needs_next=())`` for each, with its
    forms (form -> is plural, or (is plural, is possessive))."""
    # "müqavilə" is treaty or agreement or contract by its name (see documents.py).
    for stem, doc_type in (
        ("müqavilə", "treaty"), ("saziş", "agreement"), ("razılaşma", "agreement"), ("pakt", "agreement"),
        ("bəyannamə", "declaration"), ("bəyanat", "statement"), ("kommünike", "statement"), ("kommunike", "statement"),
        ("memorandum", "memorandum"), ("protokol", "protocol"), ("proqram", "program"),
        ("konvensiya", "convention"), ("kontrakt", "contract"), ("nizamnamə", "other"), ("xartiya", "other"),
    ):
        add(noun_forms(stem), stem, doc_type)
    add(noun_forms("xəritə", compound_only=True), "yol xəritəsi", "roadmap", needs_prev=("yol",))
    add(noun_forms("plan", compound_only=True), "fəaliyyət planı", "action_plan", needs_prev=("fəaliyyət",))
    # "iş planı" (work plan), "tədbirlər planı" (plan of measures)
    add(noun_forms("plan", compound_only=True), "iş planı", "action_plan", needs_prev=("iş", "tədbir"))
    # a bare "Plan" repeats an action plan named nearby (documents.py only takes it so)
    add(noun_forms("plan"), "plan", "action_plan")
    add(noun_forms("akt", compound_only=True), "yekun akt", "other", needs_prev=("yekun",))
    add(noun_forms("akt"), "yekun akt", "other", needs_prev=("yekun",))


# Where type nouns may stand: a text with no hit has no document mention.
PREFILTER = re.compile(r"\b(?:müqavil|saziş|razılaşm|pakt|bəyan|kommünike|kommunike|memorandum|protokol|proqram|konvensiya|"
                       r"kontrakt|nizamnamə|xartiya|xəritə|plan|akt)")

# Words that count documents besides the number words of the layer ("several").
FEW = ()

# Modifiers that leave a document unidentified and make a plural a category, not a set:
# "international treaties", "other agreements", "различные соглашения", "beynəlxalq müqavilələr".
BLOCKING_MODIFIERS = frozenset("beynəlxalq digər bütün müxtəlif bəzi çoxsaylı müvafiq mövcud".split())

# Modifiers that say nothing about which document it is ("new", "draft", "signed"): a mention with
# only these counts when something else marks it (an antecedent, a signing verb).
SOFT_MODIFIERS = frozenset("yeni əvvəlki imzalanmış bağlanmış hüquqi bir sıra".split())

# Signing / adopting verbs: a bare type noun next to one names a particular document.
SIGNING = re.compile(r"^(?:imza|bağla|ratifikasiya|paraflan|təsdiq)")

POSTPOSITIONS = frozenset("""
haqqında üzrə dair barədə arasında arasındakı sahəsində sahələrində istiqamətində əsasında sahədə sahələrdə
""".split())

# Azerbaijani words that cannot be part of a document name on its left edge.
STOP = frozenset("""
bu həmin o bunu onu həmçinin habelə isə də da ki və ya yaxud amma lakin çünki əgər ilk növbədə cümlədən
qədər sonra əvvəl öncə kimi görə üçün tərəfindən ərzində zamanı vaxtı artıq hələ yenə hər bütün bir sıra
çox az təxminən yaxın il ilin ildə illər illərdə gün ay həftə dəfə ibarət olan aid
""".split())

# A participle of signing/reaching/adopting lets the walk continue into the relative clause that names
# the document ("... arasında əldə edilmiş razılaşmalar", "Bakıda ... dair imzalanmış Bəyannamə").
SIGNING_PARTICIPLE = re.compile(
 r"^(?:imzalan|bağlan|qəbul|təsdiqlən|razılaşdırıl|edil|olun)\w*(?:mış|miş|muş|müş|an|ən)$")

PARTICIPLE = re.compile(r"(?:mış|miş|muş|müş|dığı|diyi|duğu|düyü|acaq|əcək|[ln]an|[ln]ən|yan|yən)$")

# Finite verbs and infinitives ("imzalayıb", "imzalanmışdır", "imzalamaq"); not the past "-dı/-di", which
# would also catch the many adjectives in "-i" ("iqtisadi", "siyasi").
VERB = re.compile(r"(?:[ıiuü]b|[ıiuü]blar|[ıiuü]blər|[mş]d[ıiuü]r|maq|mək|acaq|əcək)$")

LOCATIVE = re.compile(r"(?:da|də|dan|dən|dakı|dəki)$")

GENITIVE = re.compile(r"(?:[ıiuü]n)$")

# A noun carrying the 3rd-person possessive (head of an izafet compound: "Rusiya Federasiyası",
# "Təşkilatı"): -(s)ı after a consonant or -sı after a vowel, possibly case-marked; a vowel + "nı" is
# an accusative instead.
POSSESSIVE = re.compile(r"(?:(?:[^aıoueəiöün]|s)[ıiuü]|s?[ıiuü]n(?:[ıiuü]n|[ıiuü]|[aə]|d[aə]|d[aə]n))$")

# Words that may modify a capitalised name: "Dağlıq Qarabağ", "Birləşmiş Millətlər", "Cənubi Qafqaz".
ADJECTIVE_LIKE = re.compile(r"(?:lıq|lik|luq|lük|mış|miş|muş|müş|[^aıoueəiöü][iı]|böyük|yeni|ali)$")

# --- Senses of type nouns that are not documents, and words that tell the senses apart -------------

# Around "protokol": the ceremony and its service ("protokol xidməti", "protokol çəkilişləri"), read as
# substrings of the words around the noun; and the words right before it that make it that sense.
PROTOCOL_CEREMONY = ("çəkiliş", "xidmət", "tədbir", "qayda", "şöbə", "rəis", "mərasim")
PROTOCOL_NOT_AFTER = frozenset()

# Around "proqram": a visit's schedule, a broadcast, a course (substrings of the words around it).
PROGRAM_NOT_DOCUMENT = ("səfər", "tədbir", "konsert", "festival", "televiziya", "veriliş", "təhsil", "təlim")
# Agencies named "... Proqramı" ("BMT-nin İnkişaf Proqramı").
PROGRAM_AGENCIES = frozenset({"bmt"})

# An organisation named after a document: "Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatı".
ORGANISATION_WORDS = ("təşkilat",)

# Declarations that are forms: customs, tax, income declarations.
DECLARATION_NOT_DOCUMENT = ("gömrük", "vergi", "gəlir")

# Organisations whose charter is a document ("BMT Nizamnaməsi", "Birləşmiş Millətlər Təşkilatı Nizamnaməsi").
CHARTER_ORGS = ("bmt", "birləşmiş", "mdb", "atət", "parisin", "enerji")

# Qualifiers of a statement that leaders sign, unlike a press statement ("birgə", "üçtərəfli"), and the
# leaders named after a title "dövlət başçılarının Bəyanatı".
STATEMENT_QUALIFIERS = ("birgə", "üçtərəfli", "ikitərəfli", "dördtərəfli", "yekun")
STATEMENT_LEADERS = ("başçı",)

# Name words that make "müqavilə" a treaty or a contract.
TREATY_WORDS = ("dostluq", "sülh", "təhlükəsizlik", "müttəfiq", "strateji", "mehriban", "sərhəd")
CONTRACT_WORDS = ("qaz", "neft", "alqı", "satqı", "təchizat", "əsrin", "əsr")

# --- Words around names -------------------------------------------------------------------------------

# Conjunctions that join names or conjuncts of one name ("dostluq və əməkdaşlıq").
CONJUNCTIONS = ("və", "yaxud", "ya")
# Words that quantify over everything: "bütün sahələr üzrə" names no document.
UNIVERSAL = frozenset({"bütün"})
# Before a number of documents ("təxminən 20 saziş") and after it ("300-dən çox saziş", "20-yə yaxın
# saziş"), they make it an estimate of how many there are, not a set.
APPROXIMATE_BEFORE = frozenset({"təxminən"})
APPROXIMATE_AFTER = frozenset("çox artıq yaxın qədər ötən".split())
# Words that introduce the date a document is named by (Azerbaijani puts the date first: "tarixli").
DATE_INTRODUCERS = frozenset()
# A protocol that amends a document: the words between them ("... Sazişə dəyişikliklər edilməsi barədə
# Protokol") and the stems one of them must have.
AMENDING_GAP = frozenset("dəyişiklik dəyişikliklər dəyişikliklərin dəyişiklik edilməsi olunması barədə haqqında dair "
                         "və əlavə əlavələr əlavələrin".split())
AMENDING_WORDS = ("dəyişiklik", "əlavə")
# Provisions of a document, cited by number ("Bəyanatın 4-cü bəndi", "3-cü maddəsi").
PROVISION_WORDS = ("bənd", "madd", "fəsl", "fəsil", "hissə")
PROVISION_ABBREVIATIONS = frozenset()

# Kinds of plan that are documents when named (the compounds "iş planı", "tədbirlər planı" are type nouns
# above): stems of the word that says what is planned.
PLAN_KINDS = ("məsləhətləşmə", "tədbir", "fəaliyyət", "iş")
# "between" phrases: the parties of a name.
BETWEEN = frozenset({"arasında", "arasındakı"})
# A consent noun is a goal, not a document, before these words ("razılaşmanın əldə olunması"): pairs of
# the two words after the noun.
GOAL_BEFORE = ()
GOAL_AFTER = (("əldə", "edilməsi"), ("əldə", "olunması"), ("əldə", "etmək"), ("nail", "olunması"))
# A clause, not a name, after a consent noun.
CONSENT_CLAUSE = ()

# Only signing, for nouns that are also issued or made ("imzalanmış bəyanat"); and the verbs of concluding
# a document, whose date and place are its signing's ("imzalanıb", "bağlanmışdır").
SIGNED = re.compile(r"^imza")
CONCLUDED = re.compile(r"(?<!\w)(?:imza|bağla[nmy])\w*")
# Azerbaijani marks the city of a signing with the locative ("Moskvada imzalanıb"): no preposition.
PLACE_PREPOSITIONS = frozenset()
