"""The words named-document mentions are read with in English: type nouns with their inflected
forms, where type nouns may stand, and the words that bound or qualify a name (the same names in every
language module; transforms/documents/lexicon/__init__.py joins them). Plain data."""
from __future__ import annotations

import re


def _forms(singular: str, plural: str) -> dict[str, bool]:
    out = {singular: False, plural: True}
    for form, is_plural in list(out.items()):
        out[form + "'s"] = is_plural
        out[form + "’s"] = is_plural
    return out


def type_nouns(add) -> None:
    """The type nouns: ``add(forms, lexeme, doc_type, needs_prev=(), needs_next=())`` for each, with its
    forms (form -> is plural, or (is plural, is possessive))."""
    add(_forms("treaty", "treaties"), "treaty", "treaty")
    add(_forms("agreement", "agreements"), "agreement", "agreement")
    add(_forms("pact", "pacts"), "pact", "agreement")
    add(_forms("deal", "deals"), "deal", "agreement")
    add(_forms("accord", "accords"), "accord", "agreement")
    add(_forms("declaration", "declarations"), "declaration", "declaration")
    add(_forms("statement", "statements"), "statement", "statement")
    for form in ("communiqué", "communique"):
        add(_forms(form, form + "s"), "communiqué", "statement")
    add(_forms("memorandum", "memorandums"), "memorandum", "memorandum")
    add({"memoranda": True, "mou": False, "mous": True}, "memorandum", "memorandum")
    add(_forms("protocol", "protocols"), "protocol", "protocol")
    add(_forms("program", "programs"), "program", "program")
    add(_forms("programme", "programmes"), "program", "program")
    add(_forms("convention", "conventions"), "convention", "convention")
    add(_forms("contract", "contracts"), "contract", "contract")
    add(_forms("charter", "charters"), "charter", "other")
    add(_forms("roadmap", "roadmaps"), "roadmap", "roadmap")
    add(_forms("map", "maps"), "roadmap", "roadmap", needs_prev=("road",))
    add(_forms("plan", "plans"), "action plan", "action_plan", needs_prev=("action",))
    add(_forms("plan", "plans"), "action plan", "action_plan", needs_next=("of",))
    add(_forms("plan", "plans"), "plan", "action_plan")
    add(_forms("act", "acts"), "final act", "other", needs_prev=("final",))


# Where type nouns may stand: a text with no hit has no document mention.
PREFILTER = re.compile(r"\b(?:treat|agreement|pacts?\b|deals?\b|accords?\b|declaration|statement|communiqu|memorand|"
                       r"mous?\b|protocol|program|convention|contract|charter|roadmap|maps?\b|plans?\b|acts?\b)")

# Words that count documents besides the number words of the layer ("several").
FEW = ("several",)

# Modifiers that leave a document unidentified and make a plural a category, not a set:
# "international treaties", "other agreements", "различные соглашения", "beynəlxalq müqavilələr".
BLOCKING_MODIFIERS = frozenset("international other such various several any all some certain numerous many relevant "
                               "appropriate respective corresponding existing".split())

# Modifiers that say nothing about which document it is ("new", "draft", "signed"): a mention with
# only these counts when something else marks it (an antecedent, a signing verb).
SOFT_MODIFIERS = frozenset("previous earlier new signed said above-mentioned aforementioned legal".split())

# Signing / adopting verbs: a bare type noun next to one names a particular document.
SIGNING = re.compile(r"^(?:sign(?:ed|s|ing)?|ink(?:ed|s|ing)?|conclud(?:e|ed|es|ing)|ratif(?:y|ied|ies|ying)|"
                     r"initial(?:l?ed|s|l?ing)|adopt(?:ed|s|ing)?|endors(?:e|ed|es|ing)|"
                     r"approv(?:e|ed|es|ing)|clinch(?:ed|es|ing)?|seal(?:ed|s|ing)?)$")

# English: lower-case words that may stand before a type noun as part of its name.
MODIFIERS = frozenset("""
joint trilateral tripartite bilateral multilateral quadrilateral intergovernmental inter-governmental interstate
inter-state interregional inter-regional interparliamentary inter-parliamentary governmental interagency
draft peace ceasefire cease-fire framework final gas oil energy transit border trade economic military
military-technical visa visa-free investment strategic comprehensive alliance allied friendship partnership
cooperation security supply purchase long-term medium-term short-term other new historic landmark basic
main fundamental transport railway railroad delimitation demarcation normalization normalisation nuclear
loan credit humanitarian customs free-trade free regional international mutual strategic-partnership
grain sale swap construction bilateral-level interim preliminary comprehensive partnership river sea
production sharing production-sharing
""".split())

# English words that end a name on the right, or may not start one on the left.
STOP = frozenset("""
a an the this that these those its their his her our your my whose which who whom what where when while
is are was were be been being has have had will would shall should can could may might must do does did
signed sign signs signing inked ink concluded conclude adopted adopt approved approve ratified ratify
initialed initialled said says stated noted added stressed announced reported according expected
opened opens remains remained includes included provides provided envisages envisaged stipulates stipulated
contains covers covered sets aims allows allowed marks marked became becomes
as after before during since until than then also however but or nor yet so if because though although
in at by from with within without into onto under over against through via per upon among amid
it they he she we you i there here not no
""".split())

DETERMINERS = frozenset("a an the this that these those its their his her our your my any each every some".split())

# Prepositions that open a name after the type noun ("Agreement on ...", "Treaty of ...").
NAME_PREPOSITIONS = frozenset("on of between concerning regarding about for to among".split())

# Senses that are not documents.
CONSENT_BEFORE = frozenset({"in", "by", "into", "mutual"})          # "in agreement with", "by agreement"

DEAL_NOT_NOUN_AFTER = frozenset({"with", "of"})                       # "deal with", "a great deal of"

DEAL_NOT_NOUN_BEFORE = frozenset({"great", "good", "big", "to"})

# --- Senses of type nouns that are not documents, and words that tell the senses apart -------------

# Around "protocol": the ceremony and its service ("protocol events", "chief of protocol"), read as
# substrings of the words around the noun; and the words right before it that make it that sense.
PROTOCOL_CEREMONY = ("event", "ceremon", "service", "department", "officer", "chief", "rule", "filming", "photo",
                     "shoot", "order", "issue", "protocol-")
PROTOCOL_NOT_AFTER = frozenset({"of", "by", "chief"})

# Around "programme": a visit's schedule, a broadcast, a course (substrings of the words around it).
PROGRAM_NOT_DOCUMENT = ("visit", "trip", "tour", "stay", "event", "concert", "festival", "tv", "television", "broadcast",
                        "education", "training", "exchange", "loyalty")
# Agencies named "... Programme" ("United Nations Development Programme", "World Food Programme").
PROGRAM_AGENCIES = frozenset("un united nations world food development environment undp".split())

# An organisation named after a document: "Collective Security Treaty Organization".
ORGANISATION_WORDS = ("organization", "organisation")

# Declarations that are forms: customs, tax, income, asset declarations.
DECLARATION_NOT_DOCUMENT = ("customs", "tax", "income", "asset")

# Organisations whose charter is a document ("UN Charter", "Energy Charter"); a charter flight is not.
CHARTER_ORGS = ("un", "united", "nations", "cis", "commonwealth", "osce", "paris", "energy")

# Qualifiers of a statement that leaders sign, unlike a press statement ("joint", "trilateral"), and
# the leaders named after a title "Statement of the Heads of State".
STATEMENT_QUALIFIERS = ("joint", "trilateral", "tripartite", "bilateral", "quadrilateral", "final")
STATEMENT_LEADERS = ("head", "leader")

# Name words that make the ambiguous "müqavilə" / "договор" a treaty or a contract (English has its own nouns).
TREATY_WORDS = ()
CONTRACT_WORDS = ()

# --- Words around names -------------------------------------------------------------------------------

# Conjunctions that join names or conjuncts of one name ("Friendship and Cooperation", "X or Y").
CONJUNCTIONS = ("and", "or", "&")
# Words that quantify over everything: "on all issues" names no document.
UNIVERSAL = frozenset({"all", "every", "any"})
# Before a number of documents, they make it an estimate ("more than 20 agreements"), not a set; after it
# (the Azerbaijani postpositions) likewise.
APPROXIMATE_BEFORE = frozenset("than over about around approximately nearly almost some up".split())
APPROXIMATE_AFTER = frozenset()
# Words that introduce the date a document is named by ("the statement of November 10").
DATE_INTRODUCERS = frozenset({"of", "from", "dated"})
# A protocol that amends a document: the words between them ("Protocol amending the Agreement on ...") and
# the stems one of them must have ("amend", "change").
AMENDING_GAP = frozenset("amending amend amendments amendment changes introducing making on to of the and additions "
                         "in".split())
AMENDING_WORDS = ("amend", "change", "addition")
# Provisions of a document, cited by number ("paragraph 4 of the statement"); abbreviations of them.
PROVISION_WORDS = ("paragraph", "article", "section", "clause", "point", "item")
PROVISION_ABBREVIATIONS = frozenset()

# Kinds of plan that are documents when named ("the plan of consultations between the foreign ministries
# for 2024-2025"): stems of the word that says what is planned.
PLAN_KINDS = ("consultation", "action", "measure", "event", "work")
# "between" phrases: the parties of a name.
BETWEEN = frozenset({"between", "among"})
# A consent noun is a goal, not a document, after these ("to reach an arrangement on ..."); stems.
GOAL_BEFORE = ("reach", "reaching", "achiev", "seek", "seeking", "negotiat")
GOAL_AFTER = ()
# A clause, not a name, after a consent noun ("an arrangement that ...").
CONSENT_CLAUSE = (("that",),)

# Only signing, for nouns that are also issued or made ("a statement that is signed"); and the verbs of
# concluding a document, whose date and place are its signing's.
SIGNED = re.compile(r"^sign(?:ed|s|ing)?$")
CONCLUDED = re.compile(r"(?<!\w)(?:sign(?:ed|s|ing)?|ink(?:ed|s|ing)?|conclud(?:e|ed|es|ing))(?!\w)")
# The preposition before the city of a signing ("signed in Moscow").
PLACE_PREPOSITIONS = frozenset({"in"})
