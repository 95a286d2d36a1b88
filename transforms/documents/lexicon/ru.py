"""The words named-document mentions are read with in Russian: type nouns with their inflected
forms, where type nouns may stand, and the words that bound or qualify a name (the same names in every
language module; transforms/documents/lexicon/__init__.py joins them). Plain data."""
from __future__ import annotations

import re


def _forms(singular: str, plural: str) -> dict[str, bool]:
    out = {f: False for f in singular.split()}
    out.update({f: True for f in plural.split() if f not in out})
    return out


def type_nouns(add) -> None:
    """The type nouns: ``add(forms, lexeme, doc_type, needs_prev=(), needs_next=())`` for each, with its
    forms (form -> is plural, or (is plural, is possessive))."""
    add(_forms("договор договора договору договором договоре",
                        "договоры договоров договорам договорами договорах"), "договор", "treaty")
    add(_forms("соглашение соглашения соглашению соглашением соглашении",
                        "соглашений соглашениям соглашениями соглашениях"), "соглашение", "agreement")
    add(_forms("договоренность договорённость договоренности договорённости договоренностью договорённостью",
                        "договоренностей договорённостей договоренностям договорённостям договоренностями "
                        "договорённостями договоренностях договорённостях"), "договорённость", "agreement")
    add(_forms("пакт пакта пакту пактом пакте", "пакты пактов"), "пакт", "agreement")
    add(_forms("декларация декларации декларацию декларацией декларацией",
                        "декларациям декларациями декларациях деклараций"), "декларация", "declaration")
    add(_forms("заявление заявления заявлению заявлением заявлении",
                        "заявлений заявлениям заявлениями заявлениях"), "заявление", "statement")
    add({"коммюнике": False}, "коммюнике", "statement")
    add(_forms("меморандум меморандума меморандуму меморандумом меморандуме",
                        "меморандумы меморандумов меморандумам меморандумами меморандумах"), "меморандум", "memorandum")
    add(_forms("протокол протокола протоколу протоколом протоколе",
                        "протоколы протоколов протоколам протоколами протоколах"), "протокол", "protocol")
    add(_forms("программа программы программе программу программой программою",
                        "программ программам программами программах"), "программа", "program")
    add(_forms("конвенция конвенции конвенцию конвенцией",
                        "конвенций конвенциям конвенциями конвенциях"), "конвенция", "convention")
    add(_forms("контракт контракта контракту контрактом контракте",
                        "контракты контрактов контрактам контрактами контрактах"), "контракт", "contract")
    add(_forms("устав устава уставу уставом уставе", ""), "устав", "other")
    add(_forms("хартия хартии хартию хартией", ""), "хартия", "other")
    add(_forms("карта карты карте карту картой", "карт картам картами картах"), "дорожная карта",
        "roadmap", needs_prev=("дорожн",))
    add(_forms("план плана плану планом плане", "планы планов планам планами планах"), "план действий",
        "action_plan", needs_next=("действий", "совместных"))
    add(_forms("план плана плану планом плане", "планы планов планам планами планах"), "plan", "action_plan")
    add(_forms("акт акта акту актом акте", ""), "заключительный акт", "other", needs_prev=("заключительн",))


# Where type nouns may stand: a text with no hit has no document mention.
PREFILTER = re.compile(r"\b(?:договор|соглашени|пакт|деклараци|заявлени|коммюнике|меморандум|протокол|программ|"
                       r"конвенци|контракт|устав|хартия|хартии|карт(?:а|ы|е|у|ой|ам|ами|ах)?\b|"
                       r"план(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|акт(?:а|у|ом|е)?\b)")

# Words that count documents besides the number words of the layer ("several").
FEW = ("несколько", "нескольких")

# Modifiers that leave a document unidentified and make a plural a category, not a set:
# "international treaties", "other agreements", "различные соглашения", "beynəlxalq müqavilələr".
BLOCKING_MODIFIERS = ("международн", "други", "различн", "многочисленн", "некотор", "соответствующ", "действующ", "любы",
                      "таки", "все", "всех")

# Modifiers that say nothing about which document it is ("new", "draft", "signed"): a mention with
# only these counts when something else marks it (an antecedent, a signing verb).
SOFT_MODIFIERS = ("нов", "подписанн", "достигнут", "заключенн", "заключённ", "прежн", "ряд", "правов", "межгосударственн")

# Signing / adopting verbs: a bare type noun next to one names a particular document.
SIGNING = re.compile(r"^(?:подпис|заключ|ратифиц|парафир|одобр|утверд|приня[лтв])")

STOP = frozenset("""
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
NAME_PREPOSITIONS = frozenset("о об обо между по".split())

# --- Senses of type nouns that are not documents, and words that tell the senses apart -------------

# Around "протокол": the ceremony and its service ("служба протокола", "протокольная съёмка"), read as
# substrings of the words around the noun; and the words right before it that make it that sense.
PROTOCOL_CEREMONY = ("служб", "отдел", "начальник", "мероприят", "съёмк", "съемк", "церемон", "фотограф")
PROTOCOL_NOT_AFTER = frozenset({"по"})

# Around "программа": a visit's schedule, a broadcast, a course (substrings of the words around it).
PROGRAM_NOT_DOCUMENT = ("визит", "поездк", "пребыван", "мероприят", "концерт", "фестивал", "телепрограмм", "передач",
                        "обучен", "образоват", "обмен")
# Agencies named "... программа" ("Программа развития ООН").
PROGRAM_AGENCIES = frozenset({"оон"})

# An organisation named after a document: "Организация Договора о коллективной безопасности".
ORGANISATION_WORDS = ("организаци",)

# Declarations that are forms: customs, tax, income, property declarations.
DECLARATION_NOT_DOCUMENT = ("таможен", "налог", "доход", "имуществ")

# Organisations whose charter is a document ("Устав ООН", "Устав СНГ").
CHARTER_ORGS = ("оон", "организац", "объедин", "снг", "содружеств", "обсе", "одкб", "шос")

# Qualifiers of a statement that leaders sign, unlike a press statement ("совместное", "трехстороннее"),
# and the leaders named after a title "Заявление глав государств".
STATEMENT_QUALIFIERS = ("совместн", "трехсторон", "трёхсторон", "двусторон", "четырехсторон", "итогов")
STATEMENT_LEADERS = ("глав", "лидер")

# Name words that make "договор" a treaty or a contract.
TREATY_WORDS = ("дружб", "мирн", "мира", "безопасност", "союзн", "стратегическ", "добрососедств", "границ")
CONTRACT_WORDS = ("газ", "нефт", "купл", "продаж", "поставк", "век")

# --- Words around names -------------------------------------------------------------------------------

# Conjunctions that join names or conjuncts of one name ("о дружбе и сотрудничестве").
CONJUNCTIONS = ("и", "или")
# Words that quantify over everything: "договоренности по всем направлениям" names no document.
UNIVERSAL = frozenset("все всех всем всеми всему всего всей всю вся всё любых любым".split())
# Before a number of documents, they make it an estimate ("более 200 соглашений"), not a set; after it
# (the Azerbaijani postpositions) likewise.
APPROXIMATE_BEFORE = frozenset("более свыше около почти порядка менее больше меньше до".split())
APPROXIMATE_AFTER = frozenset()
# Words that introduce the date a document is named by ("Заявление от 10 ноября").
DATE_INTRODUCERS = frozenset({"от"})
# A protocol that amends a document: the words between them ("Протокол о внесении изменений в
# Соглашение ...") and the stems one of them must have.
AMENDING_GAP = frozenset("о об внесении внесения изменений изменения и дополнений дополнения в во к поправок".split())
AMENDING_WORDS = ("изменени", "дополнени", "поправ")
# Provisions of a document, cited by number ("Пункт 9 заявления", "ст. 5"); abbreviations of them.
PROVISION_WORDS = ("пункт", "статья", "статьи", "статье", "статью", "раздел", "абзац", "глав")
PROVISION_ABBREVIATIONS = frozenset({"ст", "п", "пп"})

# Kinds of plan that are documents when named ("план межмидовских консультаций ... на 2023–2024 годы",
# "план мероприятий"): stems of the word that says what is planned.
PLAN_KINDS = ("консультаци", "мероприяти", "действи", "работ")
# "between" phrases: the parties of a name.
BETWEEN = frozenset({"между"})
# A consent noun is a goal, not a document, after these ("достижение договоренности о запуске процесса",
# "достичь договоренности"); stems.
GOAL_BEFORE = ("достижени", "достичь", "достигнуть", "выработк", "выработать", "поиск")
GOAL_AFTER = ()
# A clause, not a name, after a consent noun ("достигнута договоренность о том, что ...").
CONSENT_CLAUSE = (("о", "том"),)

# Only signing, for nouns that are also issued or made ("заявление подписали"); and the verbs of
# concluding a document, whose date and place are its signing's ("подписан", "заключенный").
SIGNED = re.compile(r"^подпис")
CONCLUDED = re.compile(r"(?<!\w)(?:подпис|заключ[еёиа])\w*")
# The prepositions before the city of a signing ("подписан в Москве").
PLACE_PREPOSITIONS = frozenset({"в", "во"})
