"""Language-independent keys for document names.

A document name is reduced to a set of concepts: "Декларация о союзническом взаимодействии",
"Declaration on Allied Interaction" and "müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə" all
become {ALLY, INTERACT}. Words of the relationship's vocabulary map to shared concepts (by stem
prefix, so inflection does not matter); other content words fall back to a stem of their own
language ("~xxxxxx"); party names become party codes, kept apart from the topic concepts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.documents.lexicon import LANGUAGES_WITH_HEADS, NUMBER_WORDS, match_head
from transforms.lang import LANGUAGES, char_class
from transforms.lang import month_number as _month_of_word

# (concept, stem prefixes). Longest matching prefix wins, so "türkmən" beats "türk".
# Parties are ISO 3166 codes; everything else is an upper-case word.
_CONCEPTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # parties
    ("RU", ("russia", "russian", "росси", "rusiya", "rusiyа", "рф", "rf", "kremlin", "кремл", "kreml",
            # Russian federal agencies that sign as the Russian side
            "rosselkhoznadzor", "россельхознадзор", "rosselxoznadzor", "rospotrebnadzor", "роспотребнадзор",
            "rospotrebnadzor")),
    ("AZ", ("azerbaij", "azərbaycan", "азербайдж", "azeri", "азерб", "ар")),
    ("AM", ("armenia", "армени", "армян", "ermənistan", "erməni", "yerevan", "ереван", "irəvan")),
    ("IR", ("iran", "иран")),
    ("IN", ("india", "indian", "инди", "hindistan")),
    ("TR", ("turkey", "türkiye", "turkish", "турци", "турецк", "türkiyə", "türk", "ankara", "анкар")),
    ("KZ", ("kazakh", "казах", "qazax")),
    ("TM", ("turkmen", "туркмен", "türkmən")),
    ("GE", ("georgia", "грузи", "gürcü")),
    ("UA", ("ukrain", "украин", "ukrayn")),
    ("BY", ("belarus", "беларус", "белорус")),
    ("CN", ("china", "chinese", "китай", "китае", "çin")),
    ("US", ("usa", "сша", "abş", "american", "америк", "amerika")),
    # organisations and companies
    ("SOCAR", ("socar", "гнкар", "госнефтекомпан", "ardnş", "ардншк")),
    ("GAZPROM", ("gazprom", "газпром", "qazprom")),
    ("UN", ("un", "united", "nations", "оон", "объединенн", "объединённ", "bmt", "birləşmiş", "millətlər")),
    ("CIS", ("cis", "снг", "mdb", "commonwealth", "содружеств")),
    ("OSCE", ("osce", "csce", "обсе", "сбсе", "atət", "atəm")),
    # places
    ("MOSCOW", ("moscow", "москв", "московск", "moskva", "moskov")),
    ("BAKU", ("baku", "баку", "бакинск", "bakı")),
    ("SOCHI", ("sochi", "сочи", "сочинск", "soçi")),
    ("SHUSHA", ("shusha", "шуш", "şuşa")),
    ("ALMATY", ("alma-ata", "almaty", "алма-ат", "алматин", "alma-ata")),
    ("HELSINKI", ("helsinki", "хельсинк", "helsinki")),
    ("AKTAU", ("aktau", "актау", "aktau")),
    ("TEHRAN", ("tehran", "тегеран", "teheran")),       # the place, not the party: "Tehran Convention"
    ("BISHKEK", ("bishkek", "бишкек", "bişkek")),
    ("MEIENDORF", ("meiendorf", "mayendorf", "майндорф", "майендорф", "mayndorf")),
    ("GABALA", ("gabala", "габал", "qəbələ")),
    ("SAMUR", ("samur", "самур")),
    ("RASHT", ("rasht", "resht", "решт", "рашт", "rəşt")),
    ("ASTARA", ("astara", "астар")),
    ("CASPIAN", ("caspian", "каспи", "xəzər")),
    ("KARABAKH", ("karabakh", "карабах", "qarabağ", "nagorno", "нагорн", "dağlıq")),
    ("NORTH", ("north", "север", "şimal")),
    ("SOUTH", ("south", "юг", "cənub")),
    # topics
    ("ALLY", ("allied", "alliance", "ally", "allies", "союзни", "союзн", "müttəfiq")),
    ("INTERACT", ("interaction", "взаимодейств")),
    ("COOP", ("cooperat", "co-operat", "collaborat", "сотрудничеств", "əməkdaşl", "коопераци", "kooperasiya")),
    ("FRIEND", ("friend", "дружб", "дружеств", "dostluq", "dostlu")),
    ("MUTUAL", ("mutual", "взаимн", "qarşılıql")),
    ("SECURITY", ("security", "safety", "безопасност", "təhlükəsiz")),
    ("BORDER", ("border", "boundar", "границ", "sərhəd")),
    ("STATE", ("state", "государств", "dövlət")),
    ("DIPLO", ("diplomat", "дипломат")),
    ("RELATIONS", ("relation", "отношени", "münasibət")),
    ("ESTABLISH", ("establish", "установлени", "qurulma", "yaradılma", "təsis")),
    ("STRATEGIC", ("strateg", "стратеги", "strateji")),
    ("PARTNER", ("partner", "партнерств", "партнёрств", "tərəfdaş")),
    ("PRIORITY", ("priorit", "приоритет", "prioritet")),
    ("PEACE", ("peace", "мирн", "мира", "мире", "sülh")),
    ("TRANSIT", ("transit", "транзит", "tranzit")),
    ("FREIGHT", ("freight", "cargo", "груз", "yük")),
    ("TRANSPORT", ("transport", "транспорт", "nəqliyyat", "перевоз", "daşıma", "traffic")),
    ("CORRIDOR", ("corridor", "коридор", "dəhliz", "itc", "instc", "мтк")),
    ("RAILWAY", ("railway", "railroad", "железн", "dəmir")),
    ("CONSTRUCT", ("construct", "строительств", "tikinti")),
    ("GAS", ("gas", "газ", "газа", "газу", "газом", "qaz", "qazın", "qazı")),
    ("SALE", ("sale", "sell", "purchas", "купл", "продаж", "alqı", "satqı", "satış")),
    ("LEGAL", ("legal", "правов", "hüquqi")),
    ("STATUS", ("status", "статус")),
    ("PARLIAMENT", ("parliament", "inter-parliament", "парламент", "межпарламент", "parlament", "duma", "дум",
                    "milli məclis")),
    ("ECONOMIC", ("econom", "экономическ", "iqtisad")),
    ("TRADE", ("trade", "торгов", "ticarət")),
    ("SCIENCE", ("scien", "научн", "elmi")),
    ("TECH", ("techn", "техн", "texni", "texnolog")),
    ("CULTURE", ("cultur", "культур", "mədəni")),
    ("MILITARY", ("military", "военн", "hərbi")),
    ("VISA", ("visa", "безвиз", "визов", "vizasız", "viza")),
    ("TRILATERAL", ("trilateral", "tripartite", "трехсторон", "трёхсторон", "üçtərəfli")),
    ("JOINT", ("joint", "совместн", "birgə")),
    ("HEADS", ("head", "глав", "lider", "leader", "лидер", "president", "президент", "prezident", "başçı")),
    ("MINISTER", ("minister", "ministr", "министр", "министерств", "nazir")),
    ("FOREIGN", ("foreign", "иностранн", "xarici")),
    ("ACTION", ("action", "действи")),
    ("DIRECTION", ("direction", "направлени", "istiqamət")),
    ("MAIN", ("main", "основн", "əsas")),
    ("DEVELOP", ("develop", "развити", "inkişaf")),
    ("RADAR", ("radar", "радиолокац", "рлс", "radiolokasiya", "rls")),
    ("DELIMIT", ("delimit", "разграничени", "делимитац", "delimitasiya", "bölgü", "bölünmə")),
    ("SEABED", ("seabed", "sea-bed", "дна", "dibin", "dib", "dibi", "dibini", "dibinin", "dibində")),
    ("WATER", ("water", "водн", "su", "ehtiyat")),
    ("CENTURY", ("century", "века", "век", "əsr")),
    ("ENERGY", ("energ", "энерг", "enerji")),
    ("MONITORING", ("monitor", "мониторинг")),
    ("CEASEFIRE", ("ceasefire", "cease-fire", "atəşkəs")),
    ("ANNIVERSARY", ("anniversar", "годовщин", "летием", "ildönüm")),
    ("FINAL", ("final", "заключительн", "yekun")),
    ("INTERREGIONAL", ("interregional", "inter-regional", "межрегиональн", "regionlararası")),
    ("INTERGOV", ("intergovernment", "inter-government", "межправительств", "hökumətlərarası")),
    ("CHARTER", ("charter", "nizamnamə", "xartiya", "устав")),
    ("HUMANITARIAN", ("humanitar", "гуманитар", "humanitar")),
    ("INVESTMENT", ("invest", "инвестиц", "investisiya", "sərmayə")),
    ("CUSTOMS", ("customs", "таможен", "gömrük")),
    ("NUCLEAR", ("nuclear", "атомн", "ядерн", "nüvə")),
    ("MIGRATION", ("migrat", "миграц", "miqrasiya")),
    ("EDUCATION", ("educat", "образован", "təhsil")),
    ("TOURISM", ("touris", "туриз", "turizm")),
    ("DIGITAL", ("digital", "цифров", "rəqəmsal")),
    ("INDUSTRY", ("industr", "промышлен", "sənaye")),
    ("INFRA", ("infrastruct", "инфраструкт", "infrastruk")),
    ("INTERNATIONAL", ("international", "международн", "beynəlxalq")),
    ("REGION", ("region", "регион")),
    # subjects of the many intergovernmental and interagency documents news lists
    ("COMMISSION", ("commission", "комисси", "межправкомисси", "komissiya")),
    ("MEETING", ("meeting", "session", "заседани", "сесси", "iclas", "sessiya")),
    ("CONSULT", ("consultation", "консультаци", "məsləhətləşmə")),
    ("EFFICIENCY", ("efficien", "эффективност", "səmərəli")),
    ("FOOD", ("food", "продовольств", "пищев", "qida", "ərzaq")),
    ("AGENCY", ("agenc", "агентств", "agentlik", "agentliy")),
    ("ROAD", ("road", "автомобильн", "автотранспорт", "avtomobil", "motor")),
    ("AMEND", ("amend", "изменени", "поправк", "dəyişiklik")),
    ("HEALTH", ("health", "здравоохранени", "səhiyyə", "medic", "медицин", "tibb")),
    ("AGRICULTURE", ("agricult", "сельскохозяйств", "сельск", "kənd", "təsərrüfat", "aqrar", "аграрн", "agrar")),
    ("SPORT", ("sport", "спорт", "idman")),
    ("YOUTH", ("youth", "молодеж", "молодёж", "gənclər", "gənclik")),
    ("FINANCE", ("financ", "финанс", "maliyyə")),
    ("TAX", ("tax", "налог", "vergi")),
    ("LABOR", ("labour", "labor", "трудов", "трудящ", "əmək")),
    ("REGIME", ("regime", "режим", "rejim")),
    ("TRAVEL", ("travel", "trip", "поездк", "gediş", "səfər")),
    ("CITIZEN", ("citizen", "граждан", "vətəndaş")),
    ("ENVIRONMENT", ("environment", "ecolog", "экологи", "окружающ", "ətraf", "ekoloji", "ekologiya")),
    ("SPACE", ("space", "космическ", "космос", "kosmik", "kosmos")),
    ("INFORMATION", ("information", "информаци", "informasiya", "məlumat")),
    ("DEFENSE", ("defen", "оборон", "müdafiə")),
    ("EMERGENCY", ("emergenc", "чрезвычайн", "fövqəladə")),
    ("JUSTICE", ("justice", "юстици", "ədliyyə")),
    ("ARCHIVE", ("archiv", "архив", "arxiv")),
    ("PRODUCTION", ("production", "продукци", "hasilat")),
    ("SHARING", ("sharing", "раздел")),
    ("SHAHDENIZ", ("shah", "deniz", "шах-дениз", "şahdəniz", "şah")),
    ("ACG", ("acg", "azeri-chirag", "азери-чираг", "azəri-çıraq", "chirag", "чираг", "çıraq", "gunashli", "гюнешли",
             "günəşli")),
    ("INCREASE", ("increas", "увеличени", "наращивани", "artırıl", "artım")),
    # subjects of the treaties and intergovernmental agreements the relationship is made of, so that
    # one document named in three languages has one key ("Caspian Sea", "Каспийского моря", "Xəzər dənizi")
    ("SEA", ("sea", "seas", "maritime", "marine", "море", "моря", "морю", "морем", "морей", "морск", "dəniz")),
    ("STATION", ("station", "станци", "stansiya")),
    ("SUPPLY", ("supply", "supplies", "поставк", "поставок", "поставля", "tədarük")),
    ("NATURAL", ("natural", "природн", "təbii")),
    ("PROTECT", ("protect", "защит", "qorunma", "mühafizə")),
    ("DOUBLE", ("double", "двойн", "ikiqat")),
    ("AVOID", ("avoid", "avoidance", "избежани", "устранени", "elimination")),
    ("PERSON", ("person", "лиц", "лица", "лицами", "лицам", "şəxs")),
    ("READMISSION", ("readmi", "реадмисси")),
    ("CIVIL", ("civil", "гражданск", "mülki")),
    ("TERROR", ("terror", "террор")),
    ("CRIME", ("crime", "criminal", "преступн", "cinayət")),
    ("TERM", ("medium-term", "long-term", "short-term", "среднесроч", "долгосроч", "краткосроч", "ortamüddətli",
              "uzunmüddətli", "qısamüddətli")),
)

PARTIES = frozenset({"RU", "AZ", "AM", "IR", "IN", "TR", "KZ", "TM", "GE", "UA", "BY", "CN", "US"})
# Concepts that say little about which document is meant (kept out of the name key's identity).
WEAK = frozenset({"INTERNATIONAL", "INTERGOV", "REGION", "STATE", "RELATIONS", "MAIN"})
# Qualifiers many different documents share ("joint statement", "agreement on economic cooperation"):
# a name made only of these does not identify one document.
GENERIC = WEAK | frozenset({"JOINT", "TRILATERAL", "COOP", "HEADS", "MINISTER", "FOREIGN", "DEVELOP", "MUTUAL",
                            "ECONOMIC", "TRADE", "INTERREGIONAL", "FINAL", "INCREASE"})

# Exact-token concepts for short words whose prefix would catch unrelated words.
_EXACT_ONLY = frozenset({"рф", "rf", "ар", "un", "cis", "itc", "su", "дна", "dib", "век", "века", "газ", "газа",
                         "газу", "газом", "qaz", "qazı", "qazın", "gas", "мира", "мире", "юг", "dibin",
                         "usa", "сша", "abş", "mdb", "снг", "bmt", "рлс", "rls", "мтк", "instc", "viza", "visa",
                         "shah", "şah", "deniz", "acg", "sea", "seas", "море", "моря", "морю", "морем", "морей",
                         "лиц", "лица", "лицами", "лицам", "dibi", "dibini", "dibinin", "dibində"})

_BY_PREFIX: dict[str, list[tuple[str, str]]] = {}
_EXACT: dict[str, str] = {}
for _concept, _prefixes in _CONCEPTS:
    for _p in _prefixes:
        if _p in _EXACT_ONLY:
            _EXACT[_p] = _concept
        else:
            _BY_PREFIX.setdefault(_p[:3], []).append((_p, _concept))
for _bucket in _BY_PREFIX.values():
    _bucket.sort(key=lambda pc: -len(pc[0]))

# Words that carry no identity: function words, state titles already covered by party codes,
# type nouns, and generic qualifiers.
STOPWORDS = frozenset("""
the a an of on and between in for to by with about concerning regarding among at from into its their this that
these those other new draft said signed well-known so-called republic federation government governments
organization organisation
agreement agreements treaty treaties declaration declarations statement statements memorandum memoranda
protocol protocols program programs programme programmes convention conventions contract contracts pact deal
accord charter roadmap roadmaps map plan plans act field area sphere sides parties countries two both
was were is are be has have will would understanding mou previous earlier current latest
новый новая новое нового новой новому новым новом новую новые новых новыми прежний прежнего прежнему прежним
прежнем прежняя прежней прежнюю прежние прежних годы годам годах line lines линия линии линию affairs дел
о об обо между и в на по с для от до года годов год республики республикой республика федерации федерацией
федерация организации организация проект проекта правительством правительства правительство стороны
сторон двух обеих области сфере
haqqında arasında ilə və üzrə dair barədə respublikası respublikasının federasiyası federasiyasının hökuməti
hökumətinin sahəsində sahələrində iki ölkə ölkənin ölkələr ölkələrin tərəflər əldə edilmiş olunmuş imzalanmış
bağlanmış ilin il sənədi layihəsi layihə layihəsinin layihəsini təşkilatı təşkilatının yeni əvvəlki ibarət olan
illər illərdə illərə üçün xətt xətti xəttinin xəttini xəttinə edilməsi olunması işlər işləri sahədə sahələrdə
внесении внесения внесение making introducing matters делам делах təmin ensuring
""".split()) | frozenset(w for words in NUMBER_WORDS.values() for w in words)

# Inflected state titles ("правительствами", "Hökumətinin", "Республикой"): the parties carry them.
STOP_PREFIXES = ("правительств", "республик", "федерац", "hökumət", "respublika", "federasiya", "government",
                 "взаимопонимани", "anlaşma", "обеспечени")

_TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_RU_ENDINGS = re.compile(r"(?:ами|ями|ого|его|ому|ему|ыми|ими|иях|ией|ием|ых|их|ой|ей|ий|ый|ая|яя|ое|ее|ую|юю|ов|ев|"
                         r"ам|ям|ах|ях|ом|ем|ию|ия|ие|ии|ье|ья|а|я|о|е|у|ю|ы|и|ь)$")
_AZ_ENDINGS = re.compile(r"(?:larının|lərinin|ların|lərin|ları|ləri|lar|lər|sının|sinin|sunun|sünün|sı|si|su|sü|"
                         r"nın|nin|nun|nün|ın|in|un|ün|da|də|dan|dən|na|nə|ya|yə|ı|i|u|ü|a|ə)$")
_EN_ENDINGS = re.compile(r"(?:ies|es|s|'s|’s)$")


@dataclass(frozen=True, slots=True)
class NameKey:
    """What a name says: topic concepts (with fallback stems) and the parties it names."""
    concepts: frozenset[str]
    parties: frozenset[str]

    @property
    def strong(self) -> frozenset[str]:
        """Concepts that identify something (weak, generic ones removed)."""
        return self.concepts - WEAK

    def render(self) -> str | None:
        if not self.concepts and not self.parties:
            return None
        return " ".join(sorted(self.concepts) + sorted(self.parties))


@lru_cache(maxsize=65536)
def word_concept(word: str) -> str | None:
    """The concept of one lower-cased word, or None when it is not in the shared vocabulary."""
    hit = _EXACT.get(word)
    if hit:
        return hit
    for prefix, concept in _BY_PREFIX.get(word[:3], ()):
        if word.startswith(prefix):
            return concept
    return None


def is_concept_word(word: str) -> bool:
    """Is the word exactly one of the vocabulary's names (a bare "qəbələ", not an inflected "bakıyla")?"""
    return word in _EXACT or any(prefix == word for prefix, _ in _BY_PREFIX.get(word[:3], ()))


def _compound_concept(word: str) -> str | None:
    """A concept written as a hyphenated compound ("north-south", "alma-ata"), else None."""
    for prefix, concept in _BY_PREFIX.get(word[:3], ()):
        if "-" in prefix and word.startswith(prefix):
            return concept
    return None


_YEAR = re.compile(r"^(?:19[4-9]\d|20[0-4]\d)$")
# A word's own script says which ending rules fit it: Cyrillic, or the letters Azerbaijani writes
# and English does not (the layer's alphabets).
_CYRILLIC_START = re.compile("^" + char_class(LANGUAGES["ru"].lower_letters))
_AZ_SPECIFIC = re.compile(char_class(set(LANGUAGES["az"].lower_letters) - set(LANGUAGES["en"].lower_letters)))


@lru_cache(maxsize=65536)
def _fallback_stem(word: str, language: str | None = None) -> str | None:
    """"~" + a crude stem of a word outside the shared vocabulary, by the ending rules of its language
    (guessed from its letters when unknown: Azerbaijani words without ə, ğ, ı ... look English)."""
    if _YEAR.match(word):
        return "Y" + word                   # a year in a name ("Action Plan until 2024") identifies it
    if len(word) < 3 or word[0].isdigit():
        return None
    if _CYRILLIC_START.match(word):
        stem = _RU_ENDINGS.sub("", word)
    elif language == "az" or (language is None and _AZ_SPECIFIC.search(word)):
        stem = _AZ_ENDINGS.sub("", word)
    else:
        stem = _EN_ENDINGS.sub("", word)
    return "~" + stem[:6] if len(stem) >= 3 else None


# Ordinals in names ("22nd meeting", "22-ci iclas", "22-го заседания", "XXII заседания") -> N22.
_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th|-?(?:ci|cı|cu|cü|inci|ıncı|uncu|üncü|й|го|е|я|ая|ое|ой|ый|ом|ему|его))$")
_ROMAN = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUE = {"": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


def _ordinal(word: str) -> str | None:
    m = _ORDINAL.match(word)
    if m:
        return f"N{int(m.group(1))}"
    if 2 <= len(word) <= 7 and word[0] in "xvi":
        r = _ROMAN.match(word)
        if r:
            return f"N{10 * len(r.group(1)) + _ROMAN_VALUE[r.group(2)]}"
    return None


# Two-word terms that name one concept ("dəmir yolu", "железная дорога", "прекращение огня", "freight
# traffic"): (first word's prefix, second word's prefix, concept); the second word adds nothing more.
_TERMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("dəmir", ("yol",), "RAILWAY"), ("железн", ("дорог",), "RAILWAY"),
    ("avtomobil", ("yol", "nəqliyyat"), "ROAD"), ("road", ("transport", "traffic", "haulage"), "ROAD"),
    ("автомобильн", ("сообщени", "перевоз", "транспорт", "дорог"), "ROAD"),
    ("прекращени", ("огня",), "CEASEFIRE"), ("cease", ("fire",), "CEASEFIRE"),
    ("kənd", ("təsərrüfat",), "AGRICULTURE"), ("сельск", ("хозяйств",), "AGRICULTURE"),
    ("freight", ("transport", "traffic", "carriage"), "FREIGHT"),
    ("cargo", ("transport", "traffic", "carriage"), "FREIGHT"), ("грузов", ("перевоз", "транспорт"), "FREIGHT"),
    ("yük", ("daşıma",), "FREIGHT"), ("ətraf", ("mühit",), "ENVIRONMENT"),
    ("окружающ", ("сред",), "ENVIRONMENT"), ("legal", ("assistance", "aid"), "JUSTICE"),
    ("правов", ("помощ",), "JUSTICE"), ("hüquqi", ("yardım",), "JUSTICE"),
    ("emergenc", ("situation",), "EMERGENCY"), ("чрезвычайн", ("ситуаци",), "EMERGENCY"),
    ("fövqəladə", ("hal",), "EMERGENCY"), ("aradan", ("qaldırıl",), "AVOID"),
)
_TERM_FIRST = {first[:3] for first, _, _ in _TERMS}
# One word that names several concepts.
_COMPOUNDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("энергоэффектив", ("ENERGY", "EFFICIENCY")), ("межправкомисси", ("INTERGOV", "COMMISSION")),
    ("грузоперевоз", ("FREIGHT",)), ("автоперевоз", ("ROAD",)), ("yükdaşıma", ("FREIGHT",)),
    ("агропромышлен", ("AGRICULTURE", "INDUSTRY")),
)


def _term(word: str, following: str) -> str | None:
    if word[:3] not in _TERM_FIRST or not following:
        return None
    for first, seconds, concept in _TERMS:
        if word.startswith(first) and following.startswith(seconds):
            return concept
    return None


_DAY = re.compile(r"^([12]?\d|3[01])(?:-\w+)?$")


@lru_cache(maxsize=16384)
def month_number(word: str) -> int | None:
    """1-12 for a (lower-cased, possibly inflected) month name in any language of the layer, else None."""
    return _month_of_word(word)


def name_key(words: list[str] | tuple[str, ...], language: str | None = None) -> NameKey:
    """Concepts and parties of already lower-cased words (hyphenated compounds are split).
    A day and month in a name become one concept ("November 10 statement", "Заявление от 10 ноября",
    "10 noyabr bəyanatı" -> D11-10); a year becomes Y<year>, an ordinal N<n>; a month alone says nothing.
    ``language`` chooses the ending rules for words outside the shared vocabulary."""
    concepts: set[str] = set()
    parties: set[str] = set()
    previous = ""
    skip = -1
    n = len(words)
    analysed = _ANALYSED.get(language)
    if analysed is None or len(analysed) > _ANALYSED_MAX:
        analysed = _ANALYSED[language] = {}
    for index, word in enumerate(words):
        if index == skip:
            continue
        analysis = analysed.get(word)
        if analysis is None:
            analysis = analysed[word] = _analyse(word, language)
        month, kind, word_concepts, word_parties = analysis
        if month is None and kind == _PLAIN:
            # most words stand alone: no month to pair with a day, no two-word term
            previous = word
            if word_concepts:
                concepts.update(word_concepts)
            if word_parties:
                parties.update(word_parties)
            continue
        if month is not None:
            for near in (index - 1, index + 1):
                day = _DAY.match(words[near]) if 0 <= near < n else None
                if day:
                    concepts.add(f"D{month:02d}-{int(day.group(1)):02d}")
                    concepts.discard(f"~{words[near]}")
                    skip = near
                    break
            continue
        if kind == _ACTIVITY:
            # "qarşılıqlı fəaliyyət" is one term: interaction (alone, "fəaliyyət" is activity / action).
            if previous.startswith("qarşılıql"):
                concepts.discard("MUTUAL")
                concepts.add("INTERACT")
            else:
                concepts.add("ACTION")
            previous = word
            continue
        previous = word
        if kind == _TERM_START and index + 1 < n:
            term = _term(word, words[index + 1])
            if term:
                concepts.add(term)
                skip = index + 1
                continue
        concepts.update(word_concepts)
        parties.update(word_parties)
    if "SEABED" in concepts:
        concepts.discard("SEA")     # "Caspian seabed" = "дна Каспийского моря" = "Xəzər dənizinin dibi"
    return NameKey(frozenset(concepts), frozenset(parties))


_PLAIN, _ACTIVITY, _TERM_START = 0, 1, 2
# What each word contributes, per language: name_key reads tens of words per sentence, and a plain
# dict lookup costs a fraction of a call through lru_cache with two arguments. A language's dict is
# emptied when it grows past the bound (the vocabulary of the news fits many times over; the four
# together hold about as many words as the lru_cache of _analyse did).
_ANALYSED: dict[str | None, dict[str, tuple[int | None, int, tuple[str, ...], tuple[str, ...]]]] = {}
_ANALYSED_MAX = 32768


def _analyse(word: str, language: str | None) -> tuple[int | None, int, tuple[str, ...], tuple[str, ...]]:
    """What one word contributes to a name key, computed once per word: (month number, kind, concepts,
    parties); kind says whether the word needs its neighbours (a month, "fəaliyyət", a two-word term)."""
    month = month_number(word)
    if month is not None:
        return month, _PLAIN, (), ()
    if word.startswith("fəaliyyət"):
        return None, _ACTIVITY, (), ()
    kind = _TERM_START if word[:3] in _TERM_FIRST and any(word.startswith(f) for f, _, _ in _TERMS) else _PLAIN
    if word[0].isdigit() or word[0] in "xvi":
        ordinal = _ordinal(word)
        if ordinal:
            return None, kind, (ordinal,), ()
    word = word.replace("‐", "-").replace("‑", "-")
    parts: tuple[str, ...] = (word,)
    if "-" in word and _compound_concept(word) is None:
        parts = tuple(word.split("-"))
    concepts: list[str] = []
    parties: list[str] = []
    for part in parts:
        part = part.strip("'’`")
        if not part or part in STOPWORDS or part.startswith(STOP_PREFIXES):
            continue
        several = _compound_concepts(part)
        if several:
            concepts.extend(several)
            continue
        concept = word_concept(part)
        if concept is None:
            stem = _fallback_stem(part, language)
            if stem:
                concepts.append(stem)
        elif concept in PARTIES:
            parties.append(concept)
        else:
            concepts.append(concept)
    return None, kind, tuple(concepts), tuple(parties)


@lru_cache(maxsize=16384)
def _compound_concepts(word: str) -> tuple[str, ...]:
    for prefix, several in _COMPOUNDS:
        if word.startswith(prefix):
            return several
    return ()


@lru_cache(maxsize=16384)
def text_key(text: str, language: str | None = None) -> NameKey:
    """Name key of a free text (an alias, a sentence) without its type nouns, in any language.
    Kept per text: short mentions ("the agreement", "Bəyannamə") are read in article after article."""
    words = _TOKEN.findall(text.replace("İ", "i").lower())
    drop: set[int] = set()
    for i in range(len(words)):
        for heads_language in LANGUAGES_WITH_HEADS:   # every language's reading: "action plan" is one English noun
            hit = match_head(words, i, heads_language)
            if hit:
                drop.update(range(hit[0], hit[1] + 1))
    return name_key([w for i, w in enumerate(words) if i not in drop], language)
