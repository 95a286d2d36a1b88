"""The words counts read in Russian: currencies, percent words, qualifiers, units, idioms and
stop words (the same names in every language module; transforms/counts/lexicon/__init__.py joins them).
Plain data."""
from __future__ import annotations

# Currency words after a number (regex, code[, multiplier]). Matched case-insensitively, word-initially.
CURRENCY_WORDS = [
    (r"т(?:ыс)?\.\s?р(?:уб)?\.", "RUB", 1000),     # "20 т. р.": thousands of roubles
    (r"долл?ар\w*(?:\s+США)?", "USD"), (r"долл\.(?:\s+США)?", "USD"), (r"бакс\w*", "USD"), (r"рубл\w*", "RUB"),
    (r"руб\.|руб\b", "RUB"), (r"р\.(?!\s*\d)", "RUB"), (r"евр[оа]\b", "EUR"), (r"манат\w*", "AZN"),
    (r"фунт\w*(?:\s+стерлинг\w*)?", "GBP"), (r"юан\w*", "CNY"), (r"(?:турецк\w+\s+)?лир\w*", "TRY"),
    (r"тенге\b", "KZT"), (r"лари\b", "GEL"), (r"драм\w*", "AMD"), (r"гривен\w*|гривн\w*", "UAH"),
    (r"ринггит\w*", "MYR"), (r"(?:иен\w*|йен\w*)", "JPY"), (r"рупи\w*", "INR"), (r"франк\w*", "CHF"),
    (r"злот\w*", "PLN"), (r"риал\w*|риял\w*", "SAR"), (r"дирхам\w*", "AED"), (r"шекел\w*", "ILS"),
    (r"динар\w*", "KWD"), (r"сом\b|сома\b|сомов\b", "KGS"), (r"сум\b|сумов\b", "UZS"),
]

# Percent markers after a number (regex). "%" is handled everywhere.
PERCENT_WORDS = r"процент\w*(?:\s+пункт\w*)?|проц\.|п\.\s?п\."

# Qualifier phrases written just before the number (lower case, longest first is handled by the
# regex builder). The phrase is part of the mention span.
PRE_QUALIFIERS = {
    "около": "about", "порядка": "about", "примерно": "about", "приблизительно": "about",
    "почти": "about", "ориентировочно": "about", "где-то": "about", "в районе": "about",
    "без малого": "about", "близко к": "about", "сверх": "more_than", "свыше чем": "more_than", "в пределах": "at_most", "свыше": "more_than",
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
    "выше": "more_than", "ниже": "less_than", "не ниже": "at_least", "не выше": "at_most",
}

# Verbs before the number that set the qualifier but stay outside the span.
PRE_VERB_QUALIFIERS = {r"превы\w+": "more_than", r"перевалил\w*\s+за": "more_than", r"превосход\w+": "more_than",
    r"приближ\w+|приблизи\w+": "about"}

# Words after the number that set the qualifier ("150 or more", "100 с лишним").
POST_QUALIFIERS = {r"с\s+лишним": "more_than", r"с\s+небольшим": "more_than", r"(?:и|или)\s+(?:более|больше)": "at_least",
    r"(?:и|или)\s+(?:менее|меньше)": "at_most", r"или\s+около\s+(?:того|этого)": "about"}

# Qualifiers written between the number and its unit ("12 с лишним процентов").
INNER_QUALIFIERS = {"с лишним": "more_than", "с небольшим": "more_than"}

# A capacity stated with "can reach" is a limit, although "reach" is a change verb: "could reach up
# to 15 million tonnes", "может достигать 5 млн", "5 milyon tona çata bilər".
CAPACITY_BEFORE = r"(?:мож(?:ет|ут)|способ\w+)\s+(?:достигать|достичь|составлять|составить)\s+(?:до\s+)?$"

# A change *to* a figure is exact, not a limit: "увеличился до 98 млрд", "5 milyard dollara çatdırmaq".
CHANGE_VERBS = (r"(?:увелич|выр[ао]с|выраст|возр[ао]с|нарасти|нараст|дов[её]д|довест|сниз|сниж|сократ|сокращ|"
                r"упа[лд]|пониз|повыс|подня|подним|расшир|дости[гч]|прирост|рост|подешев|подорож|удво|удваив|"
                r"утро|выход|выйт|выйд|выв[её]д|вывест)\w*")

# Nouns after a year-shaped number that make it a quantity ("2000 nəfər", "1500 тонн").
QUANTITY_NOUNS = (r"(?:человек|чел\.|тонн|т\b|км|километр|метр|гектар|единиц|компани|предприяти|студент|"
                  r"военнослужащ|беженц|турист|работник|специалист|вагон|контейнер|автомобил|машин|участник|"
                  r"делегат|член|сотрудник|дом|квартир|школ|рабочих\s+мест)\w*")

# Units a lone "bir" / "one" / "один" must be followed by to be read as a count: elsewhere it is the
# indefinite article or a pronoun ("bir sıra", "one of the", "один из").
ONE_UNIT_NOUNS = (r"(?:год|года|году|лет|месяц\w*|день|дня|недел\w+|час\w*|минут\w*|раз|человек\w*|процент\w*|"
                  r"тонн\w*|километр\w*|метр\w*)")

# Ordinals used as titles or idioms, not as counts ("first vice-president", "first of all",
# "third countries", "Second World War").
ORDINAL_IDIOMS = (r"перв\w+\s+(?:вице|зам|секретар|лиц|лед|канал|очеред)\w*|втор\w+\s+пилот\w*|"
                  r"(?:перв|втор)\w+\s+(?:миров\w*|карабахск\w*)\s+войн\w*|втор\w+\s+половин\w*|"
                  r"трет\w+\s+(?:стран|лиц|сторон)\w*|перв\w+\s+(?:половин|полугоди|квартал|делом)\w*")

# Event nouns a Roman numeral must stand before to be an ordinal ("VII ... forumu", "XI форум").
ROMAN_EVENT_NOUNS = (r"(?:форум|саммит|заседани|сесси|конференци|съезд|конгресс|встреч|фестивал|игр|созыв|век|"
                     r"пленум|выставк|ярмарк|совещани|чемпионат|олимпиад|турнир|чтени)\w*")

# Nouns after an ordinal that make it part of a date, which the date extractor owns.
DATE_PART_NOUNS = r"(?:квартал|полугоди|половин)\w*"

# Stop words that end an object noun phrase.
OBJECT_STOP = set("""в во на с со из по к ко от до за для о об обо при через между и а но или что который
    которая которое которые которых которым как не же ли бы уже также еще ещё это этот эти его ее её
    их был была было были будет будут против под над без после перед около свыше более менее чем
    года году том числе том из них них их спустя назад""".split())

# Russian adjectives and nouns written as one word with a number: "двухдневный", "пятилетний",
# "двукратный", "тридцатилетие". The unit stems are time and multiplicity, never "сторонний"
# ("трехсторонний" is "trilateral", not a count).
COMPOUND_PREFIXES = {
 "одно": 1, "двух": 2, "дву": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
 "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12, "пятнадцати": 15,
 "двадцати": 20, "двадцатипяти": 25, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
 "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяносто": 90, "сто": 100,
}

COMPOUND_UNITS = r"(?:дневн|летн|лети[еяюи]|месячн|часов|недельн|минутн|кратн)"

# Words before a four-digit number that make it a year ("in 2011", "the 2023 agreement", "в 2000").
YEAR_LEAD_WORDS = {"в", "во", "с", "со", "до", "к", "по", "от", "за", "на", "и", "или", "года", "год", "году",
    "начале", "конце", "середине", "осенью", "весной", "летом", "зимой"}


# ---- reading the number ---------------------------------------------------------------------
# Prepositions between a qualifier and its number: "более чем на 20%", "почти в два раза".
PREPOSITIONS_BEFORE_NUMBER = frozenset({"на", "в"})

# "and a half" after a number: "два с половиной", "2 с половиной года".
HALF_AFTER = r"(?i:с{hs}+половиной)(?!\w)"
HALF_WORD = None                      # "полтора", "полмиллиона" are number words
HALF_SCALE_AFTER = None
UNIT_AND_A_HALF_BEFORE = None

# A range: the words before its first number and between its ends: "от 5 до 7", "между 5 и 7".
RANGE_FROM = r"от|с|между"
RANGE_TO = r"до|и"

# "39 из 67 человек": the counted noun comes after the second number.
OF_NUMBER = r"из{hs}+"

# "только один", "по одному" (one each), "всего одна": a restricting word makes "one" a count
# before any noun, but not in "одна из", "одно и то же".
ONLY_ONE_BEFORE = r"по|только|лишь|всего|хотя{hs}+бы"
ONLY_ONE_NOT_AFTER = r"{hs}+(?i:и|или|другого|другому|другим|другом)(?!\w)"
# "с одной стороны", "ни один": "one" in an idiom.
ONE_IDIOM_BEFORE = r"с|ни"

# "каждый третий": a share, not a rank.
EVERY_BEFORE = r"кажд\w{1,3}"

# A rank needs no counted noun: "второй по величине".
RANK_AFTER = r"по{hs}+(?:величин|объем|объём|значимост|числ|количеств|размер|масштаб)\w*"

DAY_RANGE_WORDS = ("и", "по", "до", "или")
DAY_ENDINGS = ("го", "е", "я", "й")
# "1990-х", "90-е годы", "2000-ые".
DECADE_ENDINGS = (r"[-‐'’]?(?:х|ые|ых)", r"[-‐]е{hs}+(?:год\w*|гг\.?)")
# "в 10 часов утра".
CLOCK_AFTER = (r"час(?:а|ов)?{hs}+(?:утра|дня|вечера|ночи)",)
YEAR_ENDINGS = ("ый", "й", "го", "м", "е")
LIST_CONJUNCTIONS = ("и", "или", "из")
NUMBER_LABELS_AFTER = None
# A qualifier word that also takes a year: "от 2019".
YEAR_PREPOSITIONS = ("от",)
PERCENT_STEM = "процент"
# Finite verbs, infinitives and reflexives: a clause of its own after a comma.
VERB_FORM_ENDINGS = ("ет", "ит", "ут", "ют", "ат", "ят", "ал", "ил", "ел", "ла", "ли", "ло", "ся", "ть")

# A lone scale noun is a count in the singular ("тысяча человек"); the plural is vague
# ("тысячи людей"), except after a comparison, where the genitive singular is one thousand again
# ("более тысячи", "около миллиона").
SINGULAR_SCALES = frozenset({"тысяча", "тысячу", "миллион", "миллиард"})
GENITIVE_SCALES = frozenset({"тысячи", "миллиона", "миллиарда"})
# A number word written as the first part of an adjective: "двухдневный", "тридцатилетие".
COMPOUND_AFTER_DIGITS = (r"(?i)(?P<anniv>лети[еяюи]\w*)|(?:летн|дневн|месячн|часов|недельн|минутн|кратн|"
                         r"тысячн|процентн|местн|этажн|членн)\w*")

# A word before a number that makes it negative ("minus 15", "mənfi iki"); the sign "-15" is read as written.
NEGATIVE_WORDS = ("минус",)

# Sub-units: a hundredth of the currency (regex, code): "40 копеек", "43ц", "1 пенс".
SUBUNIT_WORDS = [(r"копе(?:ек|йк[аиу]?|йками|йкам)|коп\.|коп\b|к\.", "RUB"), (r"цент\w*|ц\b|¢", "USD"),
                 (r"пенс\w*|пенни", "GBP"), (r"евроцент\w*", "EUR"), (r"гяпик\w*", "AZN")]
SUBUNIT_JOINERS = ("и",)

# Singular currencies and units that an article before them counts as one ("a dollar", "a kilogram").
ARTICLE_UNITS = None

# Physical units after a number (regex, unit, factor into that unit), tried in order (the longer
# first), case-insensitively, as a whole word. The value is converted: "восемь миль" = 12.874752
# kilometre, "500 грамм" = 0.5 kilogram, "10 МВт" = 1e7 watt.
UNIT_WORDS = [
    (r"кв\.?\s?км|квадратн\w+\s+километр\w*", "square_kilometre", 1),
    (r"куб(?:\.|ическ\w+)\s?(?:м\b|метр\w*)|кубометр\w*|кубических\s+метр\w*|м3|м³", "cubic_metre", 1),
    (r"километр\w*|км", "kilometre", 1), (r"мил(?:я|и|ю|ей|ь|ям|ями|ях)", "kilometre", 1.609344),
    (r"сантиметр\w*|см", "metre", 0.01), (r"миллиметр\w*|мм", "metre", 0.001), (r"метр\w*|м", "metre", 1),
    (r"тонн\w*|т", "tonne", 1),
    (r"миллиграмм\w*|мг", "kilogram", 1e-6), (r"килограмм\w*|кг|кило", "kilogram", 1),
    (r"грамм\w*|гр|г(?!\.\s*\d)", "kilogram", 0.001),
    (r"баррел\w*", "barrel", 1), (r"миллилитр\w*|мл", "litre", 0.001), (r"литр\w*|л", "litre", 1), (r"гектар\w*|га", "hectare", 1),
    (r"квт[·*\s]?ч|киловатт-час\w*", "kilowatt_hour", 1), (r"мвт[·*\s]?ч|мегаватт-час\w*", "kilowatt_hour", 1e3),
    (r"гвт[·*\s]?ч|гигаватт-час\w*", "kilowatt_hour", 1e6), (r"твт[·*\s]?ч|тераватт-час\w*", "kilowatt_hour", 1e9),
    (r"квт|киловатт\w*", "watt", 1e3), (r"мвт|мегаватт\w*", "watt", 1e6), (r"гвт|гигаватт\w*", "watt", 1e9),
    (r"teu|дфэ", "teu", 1),
]

# A bare ordinal counts unless a copula makes it a predicate at the end of a clause ("он стал первым.").
BARE_ORDINAL_BEFORE = None
COPULAS = frozenset("стал стала стало стали был была было были является являются оказался оказалась оказались".split())

# A time of day: a preposition before an hour and an hour word after it ("в 15 часов", "в 4 утра").
TIME_BEFORE = r"в|к|с|до|после|около"
TIME_AFTER = r"час(?:а|ов|ам|у)?(?:{hs}+(?:утра|дня|вечера|ночи))?|утра|дня|вечера|ночи"
TIME_CONTEXT = None
# "один из", "одна из": one of a set is a count ("один из подозреваемых").
ONE_OF = r"из"

# The decimal point written as a word between two numbers ("bir nöqtə qırx üç" = 1.43).
DECIMAL_POINT_WORDS = r"точка|запятая"
# A decimal fraction in words: the whole part's word, then the numerator and its denominator
# ("три целых пять десятых" = 3.5, "ноль целых двадцать пять сотых" = 0.25).
WHOLE_WORDS = r"цел(?:ых|ая|ой|ую|ые|ыми)"
FRACTION_DENOMINATORS = ((r"десят(?:ых|ая|ой|ую|ыми)", 10), (r"сот(?:ых|ая|ой|ую|ыми)", 100),
                         (r"тысячн(?:ых|ая|ой|ую|ыми)", 1000))
DENOMINATOR_FIRST = False

# ---- What a figure means (issue 9) -----------------------------------------------------------
# Words of each measure of money (regex, every case). The word nearest the amount in its sentence
# decides: "товарооборот составил $2,14 млрд, из которых около $1,5 млрд пришлись на импорт".
MEASURE_WORDS = {
    "trade": r"товарооборот\w*|торгов\w*|товарообмен\w*|оборот\w*",
    "export": r"экспорт\w*|вывоз\w*|вывез\w*",
    "import": r"импорт\w*|ввоз\w*|ввез\w*",
    "investment": r"инвестиц\w*|инвестир\w*|вложени\w*|капиталовложени\w*|выдел\w*",
    "credit": r"кредит\w*|заем|займ\w*|заём|долг\w*|ссуд\w*|задолженност\w*",
    "cost": r"стоимост\w*|стоит|стоят|обойд\w*|обошл\w*|затрат\w*|расход\w*|бюджет\w*|компенсац\w*|"
            r"ущерб\w*|финансирован\w*|смет\w*|штраф\w*",
    "price": r"цен\w*|тариф\w*|аренд\w*|курс\w*|стоимостью\s+за",
    "revenue": r"доход\w*|выручк\w*|прибыл\w*|налог\w*|поступлени\w*|пошлин\w*|сбор\w*|заработ\w*",
}
COMPARISON_BEFORE = r"(?:по\s+сравнению\s+с|в\s+сравнении\s+с|против|чем|относительно|к)(?:\s+(?:в|во|за|на))?\s*$"
COMPARISON_AFTER = None
BASE_FIGURE_BEFORE = r"(?:против|по\s+сравнению\s+с|чем)\s*$"
PERIOD_DAY_BEFORE = r"(?:начиная\s+с|с|со|по\s+состоянию\s+на|на)\s*$"
PERIOD_DAY_AFTER = None
OTHER_TIME = r"в\s+дальнейшем|в\s+будущем|впоследствии|в\s+перспективе|планиру\w*|запланирован\w*"
# Participles of another happening right after a date: it is that happening's time, not a period.
EVENT_AFTER_DATE = r"подписанн\w*|состоявш\w*|прошедш\w*|заключ[её]нн\w*"
# Relative pronouns: a date in a relative clause closed before a figure is not its period.
RELATIVE_PRONOUNS = r"котор\w+|где|когда"
# Conjunctions that start a clause of their own: a measure word beyond one is far from an amount.
CLAUSE_CONJUNCTIONS = "|".join(("а", "но", "однако", "тогда как", "при этом", "в то время как"))
# A plural scale after a number word makes it vague: "on minlərlə insan" (tens of thousands of people).
VAGUE_SCALE_AFTER = None
