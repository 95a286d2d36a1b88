"""The words counts read in Azerbaijani: currencies, percent words, qualifiers, units, idioms and
stop words (the same names in every language module; transforms/counts/lexicon/__init__.py joins them).
Plain data."""
from __future__ import annotations

from transforms.lang.az import calendar

# Currency words after a number (regex, code). Matched case-insensitively, word-initially.
CURRENCY_WORDS = [
    (r"(?:ABŞ\s+)?dollar\w*", "USD"), (r"manat\w*", "AZN"), (r"rubl\w*", "RUB"),
    (r"(?:avro|yevro)\w*", "EUR"), (r"funt\w*(?:\s+sterlinq\w*)?", "GBP"), (r"yuan\w*", "CNY"),
    (r"(?:türk\s+)?lirə\w*", "TRY"), (r"tenge\w*", "KZT"), (r"lari\b", "GEL"), (r"dram\w*", "AMD"),
    (r"ringgit\w*", "MYR"), (r"yen\b|yena\w*", "JPY"), (r"rupi\w*", "INR"), (r"frank\w*", "CHF"),
    (r"qrivna\w*", "UAH"), (r"riyal\w*", "SAR"), (r"dirhəm\w*", "AED"), (r"dinar\w*", "KWD"),
]

# Percent markers after a number (regex). "%" is handled everywhere.
PERCENT_WORDS = r"faiz\w*(?:\s+bənd\w*)?"

# Qualifier phrases written just before the number (lower case, longest first is handled by the
# regex builder). The phrase is part of the mention span.
PRE_QUALIFIERS = {
    # "orta hesabla" (on average) states the figure itself: exact, like "on average".
    "təxminən": "about", "təqribən": "about", "təxmini": "about", "təqribi": "about", "az qala": "about",
    "ən azı": "at_least", "azı": "at_least", "minimum": "at_least", "ən az": "at_least",
    "ən çoxu": "at_most", "ən çox": "at_most", "maksimum": "at_most",
}

# Verbs before the number that set the qualifier but stay outside the span.
PRE_VERB_QUALIFIERS = {}

# Words after the number that set the qualifier ("150 or more", "100 с лишним").
POST_QUALIFIERS = {}

# Qualifiers written between the number and its unit ("12 с лишним процентов").
INNER_QUALIFIERS = {}

# Azerbaijani postpositions after a case-marked number or noun: "150-dən çox", "250-yə yaxın".
# Also their possessive and predicative forms: "80 faizdən çoxu" (more than 80% of it),
# "390 kilometrə yaxındır" (is nearly 390 km), "90 faizə qədəri".
AFTER_ABLATIVE = {"çox": "more_than", "artıq": "more_than", "yuxarı": "more_than", "ziyadə": "more_than",
                  "az": "less_than", "aşağı": "less_than",
                  "çoxu": "more_than", "çoxunu": "more_than", "çoxuna": "more_than", "çoxunda": "more_than",
                  "çoxdur": "more_than", "artığı": "more_than", "artıqdır": "more_than", "azdır": "less_than"}

AFTER_DATIVE = {"yaxın": "about", "qədər": "at_most", "kimi": "at_most",
                "yaxını": "about", "yaxındır": "about", "qədəri": "at_most", "qədərdir": "at_most"}

AFTER_ANY = {"ətrafında": "about", "civarında": "about"}      # "100 nəfər ətrafında"

# A negation after "az"/"çox" turns the bound round and joins the span: "17-dən az olmamalıdır"
# (must not be under 17: at least 17), "10 faizdən çox olmayaraq" (at most 10%).
NEGATED_AFTER = r"(?:olmamalıdır|olmamalı|olmayaraq|olmayan|olmasın|olmur|olmaz|deyil(?:dir)?)(?!\w)"

NEGATED_BOUND = {"less_than": "at_least", "more_than": "at_most"}

# Verbs after the figure that set the qualifier and stay outside the span: "4,8 milyard dolları
# ötüb/keçib/aşıb" (exceeded, after the accusative), "50 faizə yaxınlaşıb" (approached, after the
# dative), "120 manatdan başlayır" (starts from, after the ablative).
EXCEED_VERBS = (r"(?:öt(?:üb|ərək|müş\w*|əcək\w*|dü)|keç(?:ib|ərək|miş\w*|əcək\w*|di)|"
                r"aş(?:ıb|araq|mış\w*|acaq\w*|dı|ır))(?!\w)")

NOT_EXCEED_VERBS = (r"(?:öt|keç)(?:məyib|mir|məyəcək\w*|məməli\w*|məyərək)|"
                    r"aş(?:mayıb|mır|mayacaq\w*|mamalı\w*|mayaraq)")    # "5 faizi keçmir": at most

APPROACH_VERBS = r"yaxınlaş\w*"

START_VERBS = r"başla(?:y|n|r|d|m)\w*"

# A capacity stated with "can reach" is a limit, although "reach" is a change verb: "could reach up
# to 15 million tonnes", "может достигать 5 млн", "5 milyon tona çata bilər".
CAPACITY_BEFORE = r"(?!)"

# A change *to* a figure is exact, not a limit: "увеличился до 98 млрд", "5 milyard dollara çatdırmaq".
CHANGE_VERBS = (r"(?!artım|artıq|yüksəliş|çatışmaz|çıxış|düşmən|düşün)"   # nouns and adverbs on the same stems
                r"(?:art|yüksəl|çat|azal|endir|düş|qaldır|genişlən|çıx)\w*")

# Nouns after a year-shaped number that make it a quantity ("2000 nəfər", "1500 тонн").
QUANTITY_NOUNS = (r"(?:nəfər|insan|adam|ton|kilometr|km|metr|hektar|ədəd|şirkət|müəssisə|tələbə|hərbçi|"
                  r"əsgər|qaçqın|turist|işçi|mütəxəssis|vaqon|konteyner|avtomobil|maşın|iştirakçı|nümayəndə|üzv|"
                  r"ev|mənzil|məktəb|iş\s+yeri)\w*")

# Units a lone "bir" / "one" / "один" must be followed by to be read as a count: elsewhere it is the
# indefinite article or a pronoun ("bir sıra", "one of the", "один из").
ONE_UNIT_NOUNS = r"(?:il|ay|gün|həftə|saat|dəqiqə|dəfə|nəfər|faiz|ton|kilometr|metr|milyon|milyard)\w*"

# Ordinals used as titles or idioms, not as counts ("first vice-president", "first of all",
# "third countries", "Second World War").
ORDINAL_IDIOMS = (r"(?:birinci|ikinci)\s+(?:vitse|müavin|xanım|katib|pilot|kanal|dünya\s+müharibə|qarabağ\s+müharibə)\w*|"
                  r"üçüncü\s+(?:ölkə|tərəf|şəxs)\w*|(?:birinci|ikinci)\s+(?:növbə|yarı|rüb)\w*|birincisi|ikincisi|"
                  r"(?:ilk|birinci)\s+(?:növbə|öncə|əvvəl|baxış|dəfə|vaxt)\w*")

# Event nouns a Roman numeral must stand before to be an ordinal ("VII ... forumu", "XI форум").
ROMAN_EVENT_NOUNS = (r"(?:forum|sammit|iclas|sessiya|konfrans|qurultay|konqres|toplantı|görüş|festival|oyunlar|"
                     r"çağırış|əsr|müsabiqə|yarmarka|sərgi|plenum|olimpiada|çempionat|turnir|məclis)\w*")

# Nouns after an ordinal that make it part of a date, which the date extractor owns.
DATE_PART_NOUNS = r"(?:rüb|yarımil|yarı)\w*"

# In Azerbaijani a day number follows only the month's name or its genitive ("martın 1-də"), not
# its other cases ("martınadək 1 milyard": until March, 1 billion). Other languages: MONTHS.
MONTHS_BEFORE_DAY = rf"(?:{'|'.join(calendar.MONTHS)})(?:[ıiuü]n)?"

# Stop words that end an object noun phrase.
OBJECT_STOP = set("""və ilə ki da də isə bu o həm ya üçün kimi üzrə arasında ərzində əvvəl sonra qədər çox
    artıq az yaxın təxminən olan olub edib edir var yox hər bir neçə daha da artaraq təşkil olunub
    həlak iştirak cəlb qeyd əldə davam sağ qəbul imza
    həmçinin eləcə""".split())

# Words before a four-digit number that make it a year ("in 2011", "the 2023 agreement", "в 2000").
YEAR_LEAD_WORDS = {"il", "ili", "ilin", "və", "ya", "ilə", "qədər", "sonra", "əvvəl"}


# ---- reading the number ---------------------------------------------------------------------
# Prepositions between a qualifier and its number ("более чем на 20%"): none in Azerbaijani.
PREPOSITIONS_BEFORE_NUMBER = frozenset()

# "and a half" after a number, with the time unit between: "3 il yarım(dan)", "iki yarım milyon".
# ``{half_forms}`` is filled with the case forms of "yarım".
HALF_AFTER = r"(?:(?P<unit>(?i:il|ay|saat|gün|həftə|dəqiqə|əsr)){hs}+)?(?i:yarım)(?P<s>{half_forms})?(?!\w)"
HALF_WORD = "yarım"                                          # a half with no number before it
HALF_SCALE_AFTER = r"(?P<w>(?i:milyon|milyard|min|trilyon))(?!\w)"   # "yarım milyon"
UNIT_AND_A_HALF_BEFORE = None                                # (English "a year and a half")

# A range: the words before its first number and between its ends ("from 5 to 7"). Azerbaijani
# writes the cases instead ("5-dən 7-yə"), read from the morphology.
RANGE_FROM = None
RANGE_TO = r"(?!)"

# "39 из 67 человек": the counted noun comes after the second number. Azerbaijani: "onlardan 18-i".
OF_NUMBER = None

# "one" made a count by a restricting word before it ("only one"): not in Azerbaijani.
ONLY_ONE_BEFORE = None
ONLY_ONE_NOT_AFTER = None

# "every second resident", "hər üçüncü sakin": a share, not a rank.
EVERY_BEFORE = r"hər"

# Between the days of a range before a month ("5 və 6 may"), and the ordinal endings of a day.
DAY_RANGE_WORDS = ("və",)
DAY_ENDINGS = ("ci", "cı", "cu", "cü")
# A decade: "90-cı illər".
DECADE_ENDINGS = (r"[-‐]?(?:ci|cı|cu|cü){hs}+ill[əe]r\w*",)
# A time of day after a number: none besides "saat N" (see YEAR_... and the word before).
CLOCK_AFTER = ()
# The ordinal endings a year takes before "il": "2014-cü il".
YEAR_ENDINGS = ("ci", "cı", "cu", "cü")
# Conjunctions between the numbers of a list after a designator ("Maddə 5 və 6").
LIST_CONJUNCTIONS = ("və", "ya")
# Label words after a number or a list of them: "822, 853 və 874 saylı qətnamələr", "5 nömrəli".
NUMBER_LABELS_AFTER = r"(?:{hs}*(?:,|və|{dash}){hs}*\d+)*{hs}*(?i:saylı|nömrəli|№-li)(?!\w)"
# Prepositions that take a year as well as an amount (none: postpositions read the case).
YEAR_PREPOSITIONS = ()
# The stem of the percent word, also inside a compound ("40 faizlik").
PERCENT_STEM = "faiz"
# The end of a finite verb of a clause (ru/en read it; Azerbaijani verbs follow the figure).
VERB_FORM_ENDINGS = ()

# "30 illiyi", "30 illik yubiley": the 30th anniversary.
ANNIVERSARY_AFTER = r"illiy|illik{hs}+yubiley|ildönüm"
# Adjectives ending in "-i" that are no case ending in a counted noun phrase ("hüquqi akt").
ADJECTIVES_IN_I = frozenset("""hüquqi iqtisadi siyasi hərbi elmi mədəni milli rəsmi tarixi ictimai texniki sənaye
    xarici daxili ali əsas birgə yeni tematik""".split())

# A word before a number that makes it negative ("minus 15", "mənfi iki"); the sign "-15" is read as written.
NEGATIVE_WORDS = ("mənfi",)

# Sub-units: a hundredth of the currency (regex, code): "doxsan dörd qəpik", "43 sent".
SUBUNIT_WORDS = [(r"qəpik\w*", "AZN"), (r"sent\w*|¢", "USD"), (r"kopek\w*|qəpik", "RUB"), (r"pens\w*", "GBP")]
# Separators between a figure in the currency and its sub-units: "bir manat, doxsan dörd qəpik".
SUBUNIT_JOINERS = ("və",)

# Singular currencies and units that an article before them counts as one ("a dollar", "a kilogram").
ARTICLE_UNITS = None

# Physical units after a number (regex, unit, factor into that unit), tried in order (the longer
# first), case-insensitively, as a whole word with its case ending ("5 milyon tona", "200
# kilometrə"). The value is converted: "500 qram" = 0.5 kilogram, "10 meqavat" = 1e7 watt.
UNIT_WORDS = [
    (r"kvadrat\s+kilometr\w*|kv\.?\s?km", "square_kilometre", 1),
    (r"kub(?:\.|ik)?\s?metr\w*|kubmetr\w*|kub\.?\s?m\b|m3|m³", "cubic_metre", 1),
    (r"kilometr\w*|km", "kilometre", 1), (r"mil(?:lər\w*|ə|də|dən|i)?", "kilometre", 1.609344),
    (r"santimetr\w*|sm", "metre", 0.01), (r"millimetr\w*|mm", "metre", 0.001), (r"metr\w*", "metre", 1),
    (r"ton\w*|t", "tonne", 1),
    (r"milliqram\w*|mq", "kilogram", 1e-6), (r"kiloqram\w*|kq|kg", "kilogram", 1), (r"qram\w*|qr", "kilogram", 0.001),
    (r"barel\w*", "barrel", 1), (r"millilitr\w*|ml", "litre", 0.001), (r"litr\w*", "litre", 1), (r"hektar\w*|ha", "hectare", 1),
    (r"kilovat[- ]saat\w*|kvt[·*\s]?s", "kilowatt_hour", 1), (r"meqavat[- ]saat\w*|mvt[·*\s]?s", "kilowatt_hour", 1e3),
    (r"giqavat[- ]saat\w*", "kilowatt_hour", 1e6),
    (r"kilovat\w*|kvt", "watt", 1e3), (r"meqavat\w*|mvt", "watt", 1e6), (r"giqavat\w*|gvt", "watt", 1e9),
    (r"teu", "teu", 1),
]

BARE_ORDINAL_BEFORE = None

# A time of day is "saat 10-da" (read from the word before the number).
TIME_BEFORE = None
TIME_AFTER = None
TIME_CONTEXT = None
ONE_OF = None

# The decimal point written as a word between two numbers ("bir nöqtə qırx üç" = 1.43).
DECIMAL_POINT_WORDS = r"nöqtə|vergül"
# A decimal fraction in words: "tam", then the denominator in the locative and the numerator
# ("iki tam onda beş" = 2.5, "sıfır tam yüzdə iyirmi beş" = 0.25).
WHOLE_WORDS = r"tam"
FRACTION_DENOMINATORS = ((r"onda", 10), (r"yüzdə", 100), (r"mində", 1000))
DENOMINATOR_FIRST = True

# ---- What a figure means (issue 9) -----------------------------------------------------------
# Words of each measure of money (regex; stems take every case and possessive ending). The word
# nearest the amount in its sentence decides: "ticarət dövriyyəsi 2,5 milyard dollar" (trade),
# "349 milyon dollarlıq məhsul ixrac olunub" (export).
MEASURE_WORDS = {
    "trade": r"(?:ticarət|əmtəə)\s+dövriyyə\w*|dövriyyə\w*|ticarət\w*|mal\s+mübadiləsi\w*",
    "export": r"ixrac\w*",
    "import": r"idxal\w*",
    "investment": r"investisiya\w*|sərmayə\w*|yatırım\w*|kapital\s+qoyuluş\w*|ayrıl\w*",
    "credit": r"kredit\w*|borc\w*|ssuda\w*|kreditləş\w*",
    "cost": r"dəyər\w*|xərc\w*|büdcə\w*|təzminat\w*|kompensasiya\w*|zərər\w*|ziyan\w*|maliyyələşdir\w*|"
            r"başa\s+gəl\w*|smeta\w*",
    "price": r"qiymət\w*|tarif\w*|icarə\w*|kirayə\w*|məzənnə\w*",
    "revenue": r"gəlir\w*|mənfəət\w*|vergi\w*|rüsum\w*|satış\w*|qazanc\w*|daxilolma\w*",
}
# A date that is the base of a comparison is no period of the figure: words before the date, and
# after it ("2017-ci illə müqayisədə", "ötən ilin analoji göstəricisindən 5% çox").
COMPARISON_BEFORE = None
COMPARISON_AFTER = r"\S*\s*(?:\S+\s+){0,2}?(?:müqayisədə|nisbətən)|\S*\s+(?:analoji|müvafiq|eyni)\s+\S*(?:dən|dan)\b"
# Before a figure that is itself a comparison base ("против 876 млн"): none in Azerbaijani.
BASE_FIGURE_BEFORE = None
# A day is the period of a figure only as its start or a reference day ("yanvarın 1-dən etibarən").
PERIOD_DAY_BEFORE = None
PERIOD_DAY_AFTER = r"\S*\s*(?:etibarən|tarixinə|vəziyyətinə)"
# Time words between a date and a figure that give the figure another time ("gələcəkdə").
OTHER_TIME = r"gələcəkdə|sonradan|perspektivdə|planlaşdırıl\w*|nəzərdə\s+tutul\w*"
# Participles of another happening right after a date: it is that happening's time, not a period.
EVENT_AFTER_DATE = r"keçirilən|keçirilmiş|imzalanmış|imzalanan|bağlanmış|qəbul\s+edilmiş"
# Relative pronouns: a date in a relative clause closed before a figure is not its period.
RELATIVE_PRONOUNS = None
# Conjunctions that start a clause of their own: a measure word beyond one is far from an amount.
CLAUSE_CONJUNCTIONS = "|".join(("isə", "lakin", "amma", "həmçinin"))
# A plural scale after a number word makes it vague: "on minlərlə insan" (tens of thousands of people).
VAGUE_SCALE_AFTER = r"(?:min|milyon|milyard)l[aə]rl[aə]"
