"""Word lists for named-document mentions: type nouns with their inflected forms, and the words
that bound or qualify a document name, in Azerbaijani, Russian and English.

Everything here is data built once at import; transforms/documents/extract.py and
transforms/documents/linking.py hold the logic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.lang import LANGUAGES, SENTENCE_STOPS, lower_keeping_offsets
from transforms.lang.az.morphology import noun_forms
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
    "razılaşma", "договорённость", "arrangement", "communiqué", "коммюнике", "kommünike",
})

az_noun_forms = noun_forms


def _ru_forms(singular: str, plural: str) -> dict[str, bool]:
    out = {f: False for f in singular.split()}
    out.update({f: True for f in plural.split() if f not in out})
    return out


def _en_forms(singular: str, plural: str) -> dict[str, bool]:
    out = {singular: False, plural: True}
    for form, is_plural in list(out.items()):
        out[form + "'s"] = is_plural
        out[form + "’s"] = is_plural
    return out


def _build_heads() -> dict[str, dict[str, list[Head]]]:
    heads: dict[str, dict[str, list[Head]]] = {code: {} for code in LANGUAGES}

    def add(lang: str, forms: dict, lexeme: str, doc_type: str, needs_prev=(), needs_next=()):
        for form, number in forms.items():
            plural, possessive = number if isinstance(number, tuple) else (number, False)
            heads[lang].setdefault(form, []).append(
                Head(lexeme, doc_type, plural, tuple(needs_prev), tuple(needs_next), possessive))

    # Azerbaijani. "müqavilə" is treaty or agreement or contract by its name (see documents.py).
    for stem, doc_type in (
        ("müqavilə", "treaty"), ("saziş", "agreement"), ("razılaşma", "agreement"), ("pakt", "agreement"),
        ("bəyannamə", "declaration"), ("bəyanat", "statement"), ("kommünike", "statement"),
        ("memorandum", "memorandum"), ("protokol", "protocol"), ("proqram", "program"),
        ("konvensiya", "convention"), ("kontrakt", "contract"), ("nizamnamə", "other"), ("xartiya", "other"),
    ):
        add("az", az_noun_forms(stem), stem, doc_type)
    add("az", az_noun_forms("xəritə", compound_only=True), "yol xəritəsi", "roadmap", needs_prev=("yol",))
    add("az", az_noun_forms("plan", compound_only=True), "fəaliyyət planı", "action_plan", needs_prev=("fəaliyyət",))
    # a bare "Plan" repeats an action plan named nearby (documents.py only takes it so)
    add("az", az_noun_forms("plan"), "plan", "action_plan")
    add("az", az_noun_forms("akt", compound_only=True), "yekun akt", "other", needs_prev=("yekun",))
    add("az", az_noun_forms("akt"), "yekun akt", "other", needs_prev=("yekun",))

    # Russian
    add("ru", _ru_forms("договор договора договору договором договоре",
                        "договоры договоров договорам договорами договорах"), "договор", "treaty")
    add("ru", _ru_forms("соглашение соглашения соглашению соглашением соглашении",
                        "соглашений соглашениям соглашениями соглашениях"), "соглашение", "agreement")
    add("ru", _ru_forms("договоренность договорённость договоренности договорённости договоренностью договорённостью",
                        "договоренностей договорённостей договоренностям договорённостям договоренностями "
                        "договорённостями договоренностях договорённостях"), "договорённость", "agreement")
    add("ru", _ru_forms("пакт пакта пакту пактом пакте", "пакты пактов"), "пакт", "agreement")
    add("ru", _ru_forms("декларация декларации декларацию декларацией декларацией",
                        "декларациям декларациями декларациях деклараций"), "декларация", "declaration")
    add("ru", _ru_forms("заявление заявления заявлению заявлением заявлении",
                        "заявлений заявлениям заявлениями заявлениях"), "заявление", "statement")
    add("ru", {"коммюнике": False}, "коммюнике", "statement")
    add("ru", _ru_forms("меморандум меморандума меморандуму меморандумом меморандуме",
                        "меморандумы меморандумов меморандумам меморандумами меморандумах"), "меморандум", "memorandum")
    add("ru", _ru_forms("протокол протокола протоколу протоколом протоколе",
                        "протоколы протоколов протоколам протоколами протоколах"), "протокол", "protocol")
    add("ru", _ru_forms("программа программы программе программу программой программою",
                        "программ программам программами программах"), "программа", "program")
    add("ru", _ru_forms("конвенция конвенции конвенцию конвенцией",
                        "конвенций конвенциям конвенциями конвенциях"), "конвенция", "convention")
    add("ru", _ru_forms("контракт контракта контракту контрактом контракте",
                        "контракты контрактов контрактам контрактами контрактах"), "контракт", "contract")
    add("ru", _ru_forms("устав устава уставу уставом уставе", ""), "устав", "other")
    add("ru", _ru_forms("хартия хартии хартию хартией", ""), "хартия", "other")
    add("ru", _ru_forms("карта карты карте карту картой", "карт картам картами картах"), "дорожная карта",
        "roadmap", needs_prev=("дорожн",))
    add("ru", _ru_forms("план плана плану планом плане", "планы планов планам планами планах"), "план действий",
        "action_plan", needs_next=("действий", "совместных"))
    add("ru", _ru_forms("план плана плану планом плане", "планы планов планам планами планах"), "plan", "action_plan")
    add("ru", _ru_forms("акт акта акту актом акте", ""), "заключительный акт", "other", needs_prev=("заключительн",))

    # English
    add("en", _en_forms("treaty", "treaties"), "treaty", "treaty")
    add("en", _en_forms("agreement", "agreements"), "agreement", "agreement")
    add("en", _en_forms("pact", "pacts"), "pact", "agreement")
    add("en", _en_forms("deal", "deals"), "deal", "agreement")
    add("en", _en_forms("accord", "accords"), "accord", "agreement")
    add("en", _en_forms("declaration", "declarations"), "declaration", "declaration")
    add("en", _en_forms("statement", "statements"), "statement", "statement")
    for form in ("communiqué", "communique"):
        add("en", _en_forms(form, form + "s"), "communiqué", "statement")
    add("en", _en_forms("memorandum", "memorandums"), "memorandum", "memorandum")
    add("en", {"memoranda": True, "mou": False, "mous": True}, "memorandum", "memorandum")
    add("en", _en_forms("protocol", "protocols"), "protocol", "protocol")
    add("en", _en_forms("program", "programs"), "program", "program")
    add("en", _en_forms("programme", "programmes"), "program", "program")
    add("en", _en_forms("convention", "conventions"), "convention", "convention")
    add("en", _en_forms("contract", "contracts"), "contract", "contract")
    add("en", _en_forms("charter", "charters"), "charter", "other")
    add("en", _en_forms("roadmap", "roadmaps"), "roadmap", "roadmap")
    add("en", _en_forms("map", "maps"), "roadmap", "roadmap", needs_prev=("road",))
    add("en", _en_forms("plan", "plans"), "action plan", "action_plan", needs_prev=("action",))
    add("en", _en_forms("plan", "plans"), "action plan", "action_plan", needs_next=("of",))
    add("en", _en_forms("plan", "plans"), "plan", "action_plan")
    add("en", _en_forms("act", "acts"), "final act", "other", needs_prev=("final",))
    return heads


HEADS = _build_heads()
LANGUAGES_WITH_HEADS = tuple(HEADS)

# Where type nouns may stand: a text with no hit has no document mention, and only the text around
# the hits is tokenised.
PREFILTER = {
    "az": re.compile(r"\b(?:müqavil|saziş|razılaşm|pakt|bəyan|kommünike|memorandum|protokol|proqram|konvensiya|"
                     r"kontrakt|nizamnamə|xartiya|xəritə|plan|akt)"),
    "ru": re.compile(r"\b(?:договор|соглашени|пакт|деклараци|заявлени|коммюнике|меморандум|протокол|программ|"
                     r"конвенци|контракт|устав|хартия|хартии|карт(?:а|ы|е|у|ой|ам|ами|ах)?\b|"
                     r"план(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|акт(?:а|у|ом|е)?\b)"),
    "en": re.compile(r"\b(?:treat|agreement|pacts?\b|deals?\b|accords?\b|declaration|statement|communiqu|memorand|"
                     r"mous?\b|protocol|program|convention|contract|charter|roadmap|maps?\b|plans?\b|acts?\b)"),
}

# ---------------------------------------------------------------------------------------------------
# Words around a type noun
# ---------------------------------------------------------------------------------------------------

# Words that count documents ("six roadmaps", "пяти соглашений", "altı yol xəritəsi"): the number
# words of 2 to 10 (English to a dozen) of the language layer, and "several".
_FEW = {"en": ("several",), "ru": ("несколько", "нескольких"), "az": ()}
NUMBER_WORDS = {
    code: frozenset(w for w, e in LANGUAGES[code].number_words.items()
                    if e.kind == UNIT and 2 <= e.value <= (12 if code == "en" else 10)) | frozenset(few)
    for code, few in _FEW.items()
}

# Modifiers that leave a document unidentified and make a plural a category, not a set:
# "international treaties", "other agreements", "различные соглашения", "beynəlxalq müqavilələr".
BLOCKING_MODIFIERS = {
    "en": frozenset("international other such various several any all some certain numerous many relevant "
                    "appropriate respective corresponding existing".split()),
    "ru": ("международн", "други", "различн", "многочисленн", "некотор", "соответствующ", "действующ", "любы",
           "таки", "все", "всех"),
    "az": frozenset("beynəlxalq digər bütün müxtəlif bəzi çoxsaylı müvafiq mövcud".split()),
}
# Modifiers that say nothing about which document it is ("new", "draft", "signed"): a mention with
# only these counts when something else marks it (an antecedent, a signing verb).
SOFT_MODIFIERS = {
    "en": frozenset("previous earlier new signed said above-mentioned aforementioned legal".split()),
    "ru": ("нов", "подписанн", "достигнут", "заключенн", "заключённ", "прежн", "ряд", "правов", "межгосударственн"),
    "az": frozenset("yeni əvvəlki imzalanmış bağlanmış hüquqi bir sıra".split()),
}

# English: lower-case words that may stand before a type noun as part of its name.
EN_MODIFIERS = frozenset("""
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
EN_STOP = frozenset("""
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

EN_DETERMINERS = frozenset("a an the this that these those its their his her our your my any each every some".split())

# Prepositions that open a name after the type noun ("Agreement on ...", "Treaty of ...").
EN_NAME_PREPOSITIONS = frozenset("on of between concerning regarding about for to among".split())

RU_STOP = frozenset("""
этот эта это этого этой этому этим этом эти этих этими тот та то того той тем те тех теми данный данная данное
данного данной данному данным данном данные данных указанный указанная указанное указанного указанной
указанные указанных такой такая такое такого такие таких свой своя свое своё своего своей свои своих наш наша
наше нашего нашей наши наших ваш весь вся всё всего всей все всех который которая которое которого которой
которые которых которым которую котором каждый любой и или а но что как же ли не ни уже ещё еще также тоже
он она оно они мы вы я его её ее их был была было были будет будут быть является являются стал стала стало
стали станет должен должна должно должны может могут нужно необходимо можно пока ранее вчера сегодня завтра
недавно впервые официально фактически наконец теперь сейчас затем потом стороны сторон страны президенты лидеры
министры документ документы который настоящий настоящая настоящее настоящего настоящей настоящему настоящим
настоящем настоящие настоящих
""".split())

# Russian prepositions that open a name after the type noun.
RU_NAME_PREPOSITIONS = frozenset("о об обо между по".split())

AZ_POSTPOSITIONS = frozenset("""
haqqında üzrə dair barədə arasında arasındakı sahəsində sahələrində istiqamətində əsasında sahədə sahələrdə
""".split())

# Azerbaijani words that cannot be part of a document name on its left edge.
AZ_STOP = frozenset("""
bu həmin o bunu onu həmçinin habelə isə də da ki və ya yaxud amma lakin çünki əgər ilk növbədə cümlədən
qədər sonra əvvəl öncə kimi görə üçün tərəfindən ərzində zamanı vaxtı artıq hələ yenə hər bütün bir sıra
çox az təxminən yaxın il ilin ildə illər illərdə gün ay həftə dəfə ibarət olan aid
""".split())

# A participle of signing/reaching/adopting lets the walk continue into the relative clause that names
# the document ("... arasında əldə edilmiş razılaşmalar", "Bakıda ... dair imzalanmış Bəyannamə").
AZ_SIGNING_PARTICIPLE = re.compile(
    r"^(?:imzalan|bağlan|qəbul|təsdiqlən|razılaşdırıl|edil|olun)\w*(?:mış|miş|muş|müş|an|ən)$")
AZ_PARTICIPLE = re.compile(r"(?:mış|miş|muş|müş|dığı|diyi|duğu|düyü|acaq|əcək|[ln]an|[ln]ən|yan|yən)$")
# Finite verbs and infinitives ("imzalayıb", "imzalanmışdır", "imzalamaq"); not the past "-dı/-di", which
# would also catch the many adjectives in "-i" ("iqtisadi", "siyasi").
AZ_VERB = re.compile(r"(?:[ıiuü]b|[ıiuü]blar|[ıiuü]blər|[mş]d[ıiuü]r|maq|mək|acaq|əcək)$")
AZ_LOCATIVE = re.compile(r"(?:da|də|dan|dən|dakı|dəki)$")
AZ_GENITIVE = re.compile(r"(?:[ıiuü]n)$")
# A noun carrying the 3rd-person possessive (head of an izafet compound: "Rusiya Federasiyası",
# "Təşkilatı"): -(s)ı after a consonant or -sı after a vowel, possibly case-marked; a vowel + "nı" is
# an accusative instead.
AZ_POSSESSIVE = re.compile(r"(?:(?:[^aıoueəiöün]|s)[ıiuü]|s?[ıiuü]n(?:[ıiuü]n|[ıiuü]|[aə]|d[aə]|d[aə]n))$")
# Words that may modify a capitalised name: "Dağlıq Qarabağ", "Birləşmiş Millətlər", "Cənubi Qafqaz".
AZ_ADJECTIVE_LIKE = re.compile(r"(?:lıq|lik|luq|lük|mış|miş|muş|müş|[^aıoueəiöü][iı]|böyük|yeni|ali)$")

# Signing / adopting verbs: a bare type noun next to one names a particular document.
SIGNING = {
    "en": re.compile(r"^(?:sign(?:ed|s|ing)?|ink(?:ed|s|ing)?|conclud(?:e|ed|es|ing)|ratif(?:y|ied|ies|ying)|"
                     r"initial(?:l?ed|s|l?ing)|adopt(?:ed|s|ing)?|endors(?:e|ed|es|ing)|"
                     r"approv(?:e|ed|es|ing)|clinch(?:ed|es|ing)?|seal(?:ed|s|ing)?)$"),
    "ru": re.compile(r"^(?:подпис|заключ|ратифиц|парафир|одобр|утверд|приня[лтв])"),
    "az": re.compile(r"^(?:imza|bağla|ratifikasiya|paraflan|təsdiq)"),
}

# Senses that are not documents.
EN_CONSENT_BEFORE = frozenset({"in", "by", "into", "mutual"})          # "in agreement with", "by agreement"
EN_DEAL_NOT_NOUN_AFTER = frozenset({"with", "of"})                       # "deal with", "a great deal of"
EN_DEAL_NOT_NOUN_BEFORE = frozenset({"great", "good", "big", "to"})
PROTOCOL_CEREMONY = (
    "event", "ceremon", "service", "department", "officer", "chief", "rule", "filming", "photo", "shoot", "order",
    "issue", "protocol-", "çəkiliş", "xidmət", "tədbir", "qayda", "şöbə", "rəis", "mərasim", "служб", "отдел",
    "начальник", "мероприят", "съёмк", "съемк", "церемон", "фотограф",
)
PROGRAM_NOT_DOCUMENT = (
    "visit", "trip", "tour", "stay", "event", "concert", "festival", "tv", "television", "broadcast", "education",
    "training", "exchange", "loyalty", "səfər", "tədbir", "konsert", "festival", "televiziya", "veriliş", "təhsil",
    "təlim", "визит", "поездк", "пребыван", "мероприят", "концерт", "фестивал", "телепрограмм", "передач",
    "обучен", "образоват", "обмен",
)
PROGRAM_AGENCIES = frozenset("un united nations world food development environment undp bmt оон".split())
ORGANISATION_WORDS = ("organization", "organisation", "təşkilat", "организаци")
DECLARATION_NOT_DOCUMENT = ("customs", "tax", "income", "asset", "gömrük", "vergi", "gəlir", "таможен", "налог",
                            "доход", "имуществ")
CHARTER_ORGS = (
    "un", "united", "nations", "cis", "commonwealth", "osce", "paris", "energy", "оон", "организац", "объедин",
    "снг", "содружеств", "обсе", "одкб", "шос", "bmt", "birləşmiş", "mdb", "atət", "parisin", "enerji",
)
STATEMENT_QUALIFIERS = (
    "joint", "trilateral", "tripartite", "bilateral", "quadrilateral", "final", "совместн", "трехсторон",
    "трёхсторон", "двусторон", "четырехсторон", "итогов", "birgə", "üçtərəfli", "ikitərəfli", "dördtərəfli",
    "yekun",
)
# Treaty-like names for the ambiguous nouns müqavilə / договор, and commerce for their contract sense.
TREATY_WORDS = ("dostluq", "sülh", "təhlükəsizlik", "müttəfiq", "strateji", "mehriban", "sərhəd", "дружб",
                "мирн", "мира", "безопасност", "союзн", "стратегическ", "добрососедств", "границ")
CONTRACT_WORDS = ("qaz", "neft", "alqı", "satqı", "təchizat", "əsrin", "əsr", "газ", "нефт", "купл", "продаж",
                  "поставк", "век")


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
