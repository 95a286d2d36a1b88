"""Word lists the count extractor needs, per language: currencies, percent and scale markers,
qualifier phrases, counted-unit nouns, object stop words and the contexts that make a number
part of a name, a designator or a date. Plain data, compiled into regexes by transforms.counts.
"""
from __future__ import annotations

from transforms.lang import LANGUAGES
from transforms.lang.az import calendar as az_calendar

# ISO 4217 codes seen in this news, and the symbols that stand for them.
CURRENCY_CODES = ("USD", "EUR", "RUB", "AZN", "GBP", "CNY", "TRY", "KZT", "GEL", "AMD", "UAH", "BYN",
                  "JPY", "CHF", "IRR", "UZS", "TMT", "KGS")
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₼": "AZN", "¥": "CNY", "₺": "TRY",
                    "₸": "KZT", "₾": "GEL"}

# Currency words after a number (regex, code). Matched case-insensitively, word-initially.
CURRENCY_WORDS = {
    "az": [
        (r"(?:ABŞ\s+)?dollar\w*", "USD"), (r"manat\w*", "AZN"), (r"rubl\w*", "RUB"),
        (r"(?:avro|yevro)\w*", "EUR"), (r"funt\w*(?:\s+sterlinq\w*)?", "GBP"), (r"yuan\w*", "CNY"),
        (r"(?:türk\s+)?lirə\w*", "TRY"), (r"tenge\w*", "KZT"), (r"lari\b", "GEL"), (r"dram\w*", "AMD"),
    ],
    "ru": [
        (r"доллар\w*(?:\s+США)?", "USD"), (r"долл\.(?:\s+США)?", "USD"), (r"рубл\w*", "RUB"),
        (r"руб\.", "RUB"), (r"евро\b", "EUR"), (r"манат\w*", "AZN"), (r"фунт\w*\s+стерлинг\w*", "GBP"),
        (r"юан\w*", "CNY"), (r"(?:турецк\w+\s+)?лир\w*", "TRY"), (r"тенге\b", "KZT"), (r"лари\b", "GEL"),
        (r"драм\w*", "AMD"), (r"гривен\w*|гривн\w*", "UAH"),
    ],
    "en": [
        (r"(?:US\s+|U\.S\.\s+|American\s+)?dollars?\b", "USD"), (r"manats?\b", "AZN"),
        (r"r(?:o)?ubles?\b", "RUB"), (r"euros?\b", "EUR"), (r"pounds?\s+sterling\b", "GBP"),
        (r"yuan\b", "CNY"), (r"(?:Turkish\s+)?liras?\b", "TRY"), (r"tenge\b", "KZT"),
        (r"lari\b", "GEL"), (r"drams?\b", "AMD"),
    ],
}

# Percent markers after a number (regex). "%" is handled everywhere.
PERCENT_WORDS = {
    "az": r"faiz\w*(?:\s+bənd\w*)?",
    "ru": r"процент\w*(?:\s+пункт\w*)?|проц\.|п\.\s?п\.",
    "en": r"per\s?cent(?:age)?(?:\s+points?)?\b|percentage\s+points?\b|pct\b|p\.p\.",
}

# Scale words written as abbreviations with a dot, or attached to the digits ("$4.4bn", "5млн").
ATTACHED_SCALES = {
    "bn": 1e9, "b": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "trln": 1e12,
    "млн": 1e6, "млрд": 1e9, "трлн": 1e12, "тыс": 1e3, "mlrd": 1e9,
}
# Single letters that mean a scale only straight after a currency amount ("$4m", "€2bn").
MONEY_ONLY_SCALES = {"m", "k", "b"}

# Units written straight after the digits ("10km"); anything else attached is a code ("5G", "16px").
ATTACHED_UNITS = {"km", "kg", "mm", "cm", "mw", "gw", "kw", "kwh", "mwh", "gwh", "ha", "t", "км", "кг",
                  "т", "га", "мвт", "гвт", "квт"}
NOT_COUNT_UNITS = {"px", "pt", "dpi", "em", "rem"}

# Qualifier phrases written just before the number (lower case, longest first is handled by the
# regex builder). The phrase is part of the mention span.
PRE_QUALIFIERS = {
    "az": {
        # "orta hesabla" (on average) states the figure itself: exact, like "on average".
        "təxminən": "about", "təqribən": "about", "təxmini": "about", "təqribi": "about", "az qala": "about",
        "ən azı": "at_least", "azı": "at_least", "minimum": "at_least", "ən az": "at_least",
        "ən çoxu": "at_most", "ən çox": "at_most", "maksimum": "at_most",
    },
    "ru": {
        "около": "about", "порядка": "about", "примерно": "about", "приблизительно": "about",
        "почти": "about", "ориентировочно": "about", "где-то": "about", "в районе": "about",
        "без малого": "about", "в пределах": "at_most", "свыше": "more_than",
        "более": "more_than", "более чем": "more_than", "больше": "more_than", "больше чем": "more_than",
        "чуть более": "more_than", "чуть больше": "more_than", "немногим более": "more_than",
        "не менее": "at_least", "не меньше": "at_least", "как минимум": "at_least",
        "по меньшей мере": "at_least", "по крайней мере": "at_least", "минимум": "at_least",
        "не более": "at_most", "не больше": "at_most", "не свыше": "at_most", "максимум": "at_most",
        "до": "at_most", "менее": "less_than", "меньше": "less_than", "менее чем": "less_than",
        "меньше чем": "less_than", "чуть менее": "less_than", "от": "at_least",
        "не менее чем": "at_least", "не меньше чем": "at_least", "не более чем": "at_most",
        "не больше чем": "at_most", "чуть меньше": "less_than", "немногим менее": "less_than",
        "немногим меньше": "less_than", "несколько более": "more_than",
    },
    "en": {
        "about": "about", "around": "about", "approximately": "about", "approx.": "about",
        "roughly": "about", "nearly": "about", "almost": "about", "some": "about", "an estimated": "about",
        "estimated": "about", "close to": "about", "circa": "about", "~": "about", "perhaps": "about",
        "possibly": "about", "maybe": "about",
        "from": "at_least",   # a starting price ("priced from 20 manats"); money only, see counts._qualifier
        "more than": "more_than", "over": "more_than", "above": "more_than", "in excess of": "more_than",
        "upwards of": "more_than", "just over": "more_than", "well over": "more_than",
        "slightly more than": "more_than", "greater than": "more_than",
        "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
        "a minimum of": "at_least", "not less than": "at_least",
        "up to": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
        "a maximum of": "at_most", "as many as": "at_most", "as much as": "at_most", "not exceeding": "at_most",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
        "just under": "less_than", "slightly less than": "less_than",
        "just above": "more_than", "well above": "more_than", "a little over": "more_than",
        "a little more than": "more_than", "little more than": "more_than", "just below": "less_than",
        "well below": "less_than", "well under": "less_than", "a little less than": "less_than",
        "in the region of": "about", "on the order of": "about",
    },
}
# Verbs before the number that set the qualifier but stay outside the span.
PRE_VERB_QUALIFIERS = {
    "az": {},
    "ru": {r"превы\w+": "more_than", r"перевалил\w*\s+за": "more_than", r"превосход\w+": "more_than",
           r"приближ\w+|приблизи\w+": "about"},
    "en": {r"exceed(?:ed|s|ing)?": "more_than", r"surpass(?:ed|es|ing)?": "more_than",
           r"top(?:ped|s)": "more_than", r"passed": "more_than",
           r"approach(?:ed|es|ing)?|near(?:ed|s|ing)": "about"},
}
# A negation before such a verb makes the figure an upper bound: "не превышает 5%", "does not exceed".
NEGATIONS = {"не", "not", "never", "ни"}
# Words after the number that set the qualifier ("150 or more", "100 с лишним").
POST_QUALIFIERS = {
    "az": {},
    "ru": {r"с\s+лишним": "more_than", r"с\s+небольшим": "more_than", r"(?:и|или)\s+(?:более|больше)": "at_least",
           r"(?:и|или)\s+(?:менее|меньше)": "at_most"},
    "en": {r"or\s+more": "at_least", r"or\s+above": "at_least", r"or\s+so": "about",
           r"or\s+(?:less|fewer)": "at_most", r"plus\b": "more_than", r"odd\b": "about"},
}
# Qualifiers written between the number and its unit ("12 с лишним процентов").
INNER_QUALIFIERS = {"az": {}, "ru": {"с лишним": "more_than", "с небольшим": "more_than"}, "en": {}}
# Azerbaijani postpositions after a case-marked number or noun: "150-dən çox", "250-yə yaxın".
# Also their possessive and predicative forms: "80 faizdən çoxu" (more than 80% of it),
# "390 kilometrə yaxındır" (is nearly 390 km), "90 faizə qədəri".
AZ_AFTER_ABLATIVE = {"çox": "more_than", "artıq": "more_than", "yuxarı": "more_than", "ziyadə": "more_than",
                     "az": "less_than", "aşağı": "less_than",
                     "çoxu": "more_than", "çoxunu": "more_than", "çoxuna": "more_than", "çoxunda": "more_than",
                     "çoxdur": "more_than", "artığı": "more_than", "artıqdır": "more_than", "azdır": "less_than"}
AZ_AFTER_DATIVE = {"yaxın": "about", "qədər": "at_most", "kimi": "at_most",
                   "yaxını": "about", "yaxındır": "about", "qədəri": "at_most", "qədərdir": "at_most"}
AZ_AFTER_ANY = {"ətrafında": "about", "civarında": "about"}      # "100 nəfər ətrafında"
# A negation after "az"/"çox" turns the bound round and joins the span: "17-dən az olmamalıdır"
# (must not be under 17: at least 17), "10 faizdən çox olmayaraq" (at most 10%).
AZ_NEGATED_AFTER = r"(?:olmamalıdır|olmamalı|olmayaraq|olmayan|olmasın|olmur|olmaz|deyil(?:dir)?)(?!\w)"
AZ_NEGATED_BOUND = {"less_than": "at_least", "more_than": "at_most"}
# Verbs after the figure that set the qualifier and stay outside the span: "4,8 milyard dolları
# ötüb/keçib/aşıb" (exceeded, after the accusative), "50 faizə yaxınlaşıb" (approached, after the
# dative), "120 manatdan başlayır" (starts from, after the ablative).
AZ_EXCEED_VERBS = (r"(?:öt(?:üb|ərək|müş\w*|əcək\w*|dü)|keç(?:ib|ərək|miş\w*|əcək\w*|di)|"
                   r"aş(?:ıb|araq|mış\w*|acaq\w*|dı|ır))(?!\w)")
AZ_NOT_EXCEED_VERBS = (r"(?:öt|keç)(?:məyib|mir|məyəcək\w*|məməli\w*|məyərək)|"
                       r"aş(?:mayıb|mır|mayacaq\w*|mamalı\w*|mayaraq)")    # "5 faizi keçmir": at most
AZ_APPROACH_VERBS = r"yaxınlaş\w*"
AZ_START_VERBS = r"başla(?:y|n|r|d|m)\w*"

# A capacity stated with "can reach" is a limit, although "reach" is a change verb: "could reach up
# to 15 million tonnes", "может достигать 5 млн", "5 milyon tona çata bilər".
CAPACITY_BEFORE = {
    "ru": r"(?:мож(?:ет|ут)|способ\w+)\s+(?:достигать|достичь|составлять|составить)\s+(?:до\s+)?$",
    "en": r"(?:can|could|may|might|able\s+to)\s+(?:reach|handle|carry|accommodate|process|take)\s+(?:up\s+to\s+)?$",
    "az": r"(?!)",
}

CAPACITY_VERBS = {"достигать", "достичь", "составлять", "составить", "reach", "handle", "carry", "accommodate",
                  "process", "take"}

# A change *to* a figure is exact, not a limit: "увеличился до 98 млрд", "5 milyard dollara çatdırmaq".
CHANGE_VERBS = {
    "ru": r"(?:увелич|выр[ао]с|выраст|возр[ао]с|нарасти|нараст|дов[её]д|довест|сниз|сниж|сократ|сокращ|"
          r"упа[лд]|пониз|повыс|подня|подним|расшир|дости[гч]|прирост|рост|подешев|подорож|удво|удваив|"
          r"утро|выход|выйт|выйд|выв[её]д|вывест)\w*",
    "az": r"(?!artım|artıq|yüksəliş|çatışmaz|çıxış|düşmən|düşün)"   # nouns and adverbs on the same stems
          r"(?:art|yüksəl|çat|azal|endir|düş|qaldır|genişlən|çıx)\w*",
    "en": r"(?:increas|ris|rose|grow|grew|rais|boost|reach|bring|brought|doubl|climb|jump|fell|fall|"
          r"declin|drop|reduc|cut|expand)\w*",
}

# Nouns after a year-shaped number that make it a quantity ("2000 nəfər", "1500 тонн").
QUANTITY_NOUNS = {
    "az": r"(?:nəfər|insan|adam|ton|kilometr|km|metr|hektar|ədəd|şirkət|müəssisə|tələbə|hərbçi|"
          r"əsgər|qaçqın|turist|işçi|mütəxəssis|vaqon|konteyner|avtomobil|maşın|iştirakçı|nümayəndə|üzv|"
          r"ev|mənzil|məktəb|iş\s+yeri)\w*",
    "ru": r"(?:человек|чел\.|тонн|т\b|км|километр|метр|гектар|единиц|компани|предприяти|студент|"
          r"военнослужащ|беженц|турист|работник|специалист|вагон|контейнер|автомобил|машин|участник|"
          r"делегат|член|сотрудник|дом|квартир|школ|рабочих\s+мест)\w*",
    "en": r"(?:people|persons?|tonn?es?|tons?|km|kilomet\w+|met(?:er|re)s?|hectares?|units?|compan\w+|"
          r"students?|troops?|soldiers?|refugees?|tourists?|workers?|specialists?|wagons?|containers?|"
          r"cars?|vehicles?|participants?|delegates?|members?|employees?|houses?|apartments?|jobs?|"
          r"schools?)\b",
}

# Units a lone "bir" / "one" / "один" must be followed by to be read as a count: elsewhere it is the
# indefinite article or a pronoun ("bir sıra", "one of the", "один из").
ONE_UNIT_NOUNS = {
    "az": r"(?:il|ay|gün|həftə|saat|dəqiqə|dəfə|nəfər|faiz|ton|kilometr|metr|milyon|milyard)\w*",
    "ru": r"(?:год|года|году|лет|месяц\w*|день|дня|недел\w+|час\w*|минут\w*|раз|человек\w*|процент\w*|"
          r"тонн\w*|километр\w*|метр\w*)",
    "en": r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur\w+|person|percent|per\s+cent|"
          r"ton(?:ne)?s?|kilomet\w+|met(?:er|re)s?|time)\b",
}

# Ordinals used as titles or idioms, not as counts ("first vice-president", "first of all",
# "third countries", "Second World War").
ORDINAL_IDIOMS = {
    "az": r"(?:birinci|ikinci)\s+(?:vitse|müavin|xanım|katib|pilot|kanal|dünya\s+müharibə|qarabağ\s+müharibə)\w*|"
          r"üçüncü\s+(?:ölkə|tərəf|şəxs)\w*|(?:birinci|ikinci)\s+(?:növbə|yarı|rüb)\w*|birincisi|ikincisi|"
          r"(?:ilk|birinci)\s+(?:növbə|öncə|əvvəl|baxış|dəfə|vaxt)\w*",
    "ru": r"перв\w+\s+(?:вице|зам|секретар|лиц|лед|канал|очеред)\w*|втор\w+\s+пилот\w*|"
          r"(?:перв|втор)\w+\s+(?:миров\w*|карабахск\w*)\s+войн\w*|втор\w+\s+половин\w*|"
          r"трет\w+\s+(?:стран|лиц|сторон)\w*|перв\w+\s+(?:половин|полугоди|квартал|раз)\w*",
    "en": r"first\s+(?:of\s+all|vice|deputy|lady|secretary|officer|mate|channel|half|quarter|hand|class|rate|time)\w*|"
          r"(?:first|second)\s+(?:world|karabakh|nagorno-karabakh)\s+war\w*|"
          r"second\s+(?:half|quarter|hand|class|rate)\w*|"
          r"third\s+(?:countr|part|quarter|world)\w*|(?:fourth)\s+quarter\w*|at\s+first|firstly|secondly",
}

# Event nouns a Roman numeral must stand before to be an ordinal ("VII ... forumu", "XI форум").
ROMAN_EVENT_NOUNS = {
    "az": r"(?:forum|sammit|iclas|sessiya|konfrans|qurultay|konqres|toplantı|görüş|festival|oyunlar|"
          r"çağırış|əsr|müsabiqə|yarmarka|sərgi|plenum|olimpiada|çempionat|turnir|məclis)\w*",
    "ru": r"(?:форум|саммит|заседани|сесси|конференци|съезд|конгресс|встреч|фестивал|игр|созыв|век|"
          r"пленум|выставк|ярмарк|совещани|чемпионат|олимпиад|турнир|чтени)\w*",
    "en": r"(?:forum|summit|session|meeting|conference|congress|convocation|century|games|festival|"
          r"plenum|exhibition|fair|championship|olympiad|tournament|readings)s?\b",
}
# Nouns after an ordinal that make it part of a date, which the date extractor owns.
DATE_PART_NOUNS = {
    "az": r"(?:rüb|yarımil|yarı)\w*",
    "ru": r"(?:квартал|полугоди|половин)\w*",
    "en": r"(?:quarter|half)\b",
}

# Words that number things (articles, paragraphs, pages, resolutions): numbers after them are labels.
DESIGNATORS = (
    r"articles?|paragraphs?|paras?\.|sections?|chapters?|clauses?|items?|pages?|pp?\.|annex(?:es)?|"
    r"appendix|points?|resolutions?|No\.|Nos\.|nr\.|rooms?|flights?|photos?|фото|foto|слайд|slides?|"
    r"стать[яиейю]|статей|ст\.|пункт\w*|п\.|подпункт\w*|частью|части|часть|ч\.|раздел\w*|глав[аыеу]|"
    r"стр\.|страниц\w*|приложени\w*|резолюци\w*|"
    r"maddə\w*|bənd\w*|fəsil\w*|səhifə\w*|qətnamə\w*|abzas\w*|"
    r"№|N°|#"
)
# Labels of telephone numbers: a short number after one is a number to call ("Hotline: 146").
PHONE_LABELS = (r"hotline|phone|telephone|tel\.|fax|call\s+centre|call\s+center|"
                r"телефон\w*|тел\.|факс|горяч\w+\s+лини\w+|колл-центр\w*|"
                r"telefon\w*|faks|qaynar\s+xətt\w*|çağrı\s+mərkəzi\w*")
# Page furniture: labels of counters and ratings ("Baxış sayı:", "Просмотров:", "Views:") and
# nouns after such a counter ("0 comments", "15 просмотров").
PAGE_LABELS = (r"baxış|oxunub|oxunma|izlənmə|paylaş|şərh|reytinq|bəyən|"
               r"просмотр|прочитан|рейтинг|поделит|комментар|лайк|"
               r"views?|reads?|rating|shares?|comments?|likes?")
PAGE_NOUNS = r"şərh|baxış|просмотр\w*|комментари\w*|comments?|views|shares"

# Product, aircraft and event names written with a space before their number ("Embraer 190").
NAME_PREFIXES = (
    r"Boeing|Airbus|Embraer|Superjet|Sukhoi|Bombardier|Iskander|Sputnik|Soyuz|Союз|Спутник|Формула|"
    r"Formula|Windows|iPhone|Galaxy|Euro|EXPO|Expo|COP|Covid|COVID|Ан|Ил|Ту|Як|Су|МиГ|Ми|Ка|Mi|Ka|Su|"
    r"MiG|Il|Tu|An|Yak|Pfizer|Sputnik\s+Light|Group\s+of|Channel|Канал|Kanal|Apollo|Falcon|Tesla"
)
# Nouns after an ordinal that make it a label (az "5-ci maddə" = Article 5).
# Titles after a digit ordinal are no count either ("1-ci vitse-prezident", "1-й вице-премьер").
LABEL_NOUNS_AFTER_ORDINAL = r"(?:maddə|bənd|fəsil|səhifə|abzas|punkt|hissə|stat|пункт|стать|част|vitse|вице|vice)\w*"

# Month words (from the language layer) after which a number is a day, not a count; in
# Azerbaijani also "ayın" ("ayın 5-i": the 5th of the month).
MONTHS = {code: lang.month_regex() + ("|ayın" if code == "az" else "") for code, lang in LANGUAGES.items()}
# In Azerbaijani a day number follows only the month's name or its genitive ("martın 1-də"), not
# its other cases ("martınadək 1 milyard": until March, 1 billion). Other languages: MONTHS.
MONTHS_BEFORE_DAY = {"az": rf"(?:{'|'.join(az_calendar.MONTHS)})(?:[ıiuü]n)?"}
# What turns a number into a year or a decade: "-ci il", "года", "1990-х", "1990s".
YEAR_WORDS = r"(?:il|ili|ildə|ilin|ilə|ildən|illər\w*|год\w*|г\.|гг\.|year\w*|yy)"

# Stop words that end an object noun phrase.
OBJECT_STOP = {
    "en": set("""of in on at to for from by with and or but that which who whom whose than as per the a an
        this these those its their his her our not also only each both is are was were be been being
        will would shall should can could may might must has have had do does did after before during
        since until into over under between among via through including against about around while
        when where if so such there it they we he she said says year ago earlier later more less last next
        than compared up down out off""".split()),
    "ru": set("""в во на с со из по к ко от до за для о об обо при через между и а но или что который
        которая которое которые которых которым как не же ли бы уже также еще ещё это этот эти его ее её
        их был была было были будет будут против под над без после перед около свыше более менее чем
        года году том числе том из них них их спустя назад""".split()),
    "az": set("""və ilə ki da də isə bu o həm ya üçün kimi üzrə arasında ərzində əvvəl sonra qədər çox
        artıq az yaxın təxminən olan olub edib edir var yox hər bir neçə daha da artaraq təşkil olunub
        həlak iştirak cəlb qeyd əldə davam sağ qəbul imza
        həmçinin eləcə""".split()),
}

# English nouns that end a counted noun phrase (a verb usually follows them).
EN_HEAD_NOUNS = set("""century anniversary meeting session forum summit round visit time year day month
    week hour decade percent people person country region document agreement delegation""".split())

# Russian adjectives and nouns written as one word with a number: "двухдневный", "пятилетний",
# "двукратный", "тридцатилетие". The unit stems are time and multiplicity, never "сторонний"
# ("трехсторонний" is "trilateral", not a count).
RU_COMPOUND_PREFIXES = {
    "одно": 1, "двух": 2, "дву": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12, "пятнадцати": 15,
    "двадцати": 20, "двадцатипяти": 25, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
    "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяносто": 90, "сто": 100,
}
RU_COMPOUND_UNITS = r"(?:дневн|летн|лети[еяюи]|месячн|часов|недельн|минутн|кратн)"

# Words before a four-digit number that make it a year ("in 2011", "the 2023 agreement", "в 2000").
YEAR_LEAD_WORDS = {
    "az": {"il", "ili", "ilin", "və", "ya", "ilə", "qədər", "sonra", "əvvəl"},
    "ru": {"в", "во", "с", "со", "до", "к", "по", "от", "за", "на", "и", "или", "года", "год", "году",
           "начале", "конце", "середине", "осенью", "весной", "летом", "зимой"},
    "en": {"in", "since", "by", "until", "till", "from", "to", "of", "for", "between", "during", "before",
           "after", "early", "late", "mid", "and", "or", "the", "a", "an", "this", "its", "their", "his", "her",
           "our", "year", "summer", "spring", "autumn", "fall", "winter", "through", "circa", "c"},
}
