"""The words counts read in English: currencies, percent words, qualifiers, units, idioms and
stop words (the same names in every language module; transforms/counts/lexicon/__init__.py joins them).
Plain data."""
from __future__ import annotations

# Currency words after a number (regex, code). Matched case-insensitively, word-initially.
CURRENCY_WORDS = [
    (r"(?:US\s+|U\.S\.\s+|American\s+)?dollars?\b", "USD"), (r"bucks?\b", "USD"),
    (r"(?:Azerbaijani\s+)?manats?\b", "AZN"), (r"(?:Russian\s+)?r(?:o)?ubles?\b", "RUB"), (r"euros?\b", "EUR"),
    (r"(?:British\s+)?pounds?(?:\s+sterling)?\b(?!\s+of\b)|quid\b", "GBP"),
    (r"Egyptian\s+pounds?\b", "EGP"), (r"Lebanese\s+pounds?\b", "LBP"), (r"Qatari\s+riyals?\b", "QAR"), (r"yuan\b|renminbi\b", "CNY"),
    (r"(?:Turkish\s+)?liras?\b", "TRY"), (r"tenge\b", "KZT"), (r"lari\b", "GEL"), (r"drams?\b", "AMD"),
    (r"(?:Malaysian\s+)?ringgits?\b", "MYR"), (r"(?:Japanese\s+)?yen\b", "JPY"), (r"(?:Indian\s+)?rupees?\b", "INR"),
    (r"(?:Swiss\s+)?francs?\b", "CHF"), (r"hryvnias?\b|hryvnya\b", "UAH"), (r"zloty(?:s|ch)?\b", "PLN"),
    (r"(?:Saudi\s+)?riyals?\b", "SAR"), (r"(?:UAE\s+|Emirati\s+)?dirhams?\b", "AED"), (r"shekels?\b", "ILS"),
    (r"(?:Kuwaiti\s+)?dinars?\b", "KWD"), (r"(?:Iranian\s+)?rials?\b", "IRR"), (r"soms?\b", "KGS"),
]

# Percent markers after a number (regex). "%" is handled everywhere.
PERCENT_WORDS = r"per\s?cent(?:age)?(?:\s+points?)?\b|percentage\s+points?\b|pct\b|p\.p\."

# Qualifier phrases written just before the number (lower case, longest first is handled by the
# regex builder). The phrase is part of the mention span.
PRE_QUALIFIERS = {
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
    "in the region of": "about", "near": "about", "near to": "about", "on the order of": "about",
    "lower than": "less_than", "higher than": "more_than", "not lower than": "at_least",
    "not higher than": "at_most", "no lower than": "at_least", "no higher than": "at_most",
}

# Verbs before the number that set the qualifier but stay outside the span.
PRE_VERB_QUALIFIERS = {r"exceed(?:ed|s|ing)?": "more_than", r"surpass(?:ed|es|ing)?": "more_than",
    r"top(?:ped|s)": "more_than", r"passed": "more_than",
    r"approach(?:ed|es|ing)?|near(?:ed|s|ing)": "about"}

# Words after the number that set the qualifier ("150 or more", "100 с лишним").
POST_QUALIFIERS = {r"or\s+more": "at_least", r"or\s+above": "at_least", r"or\s+so": "about", r"or\s+thereabouts?": "about",
    r"or\s+(?:less|fewer)": "at_most", r"plus\b": "more_than", r"odd\b": "about"}

# Qualifiers written between the number and its unit ("12 с лишним процентов").
INNER_QUALIFIERS = {}

# A capacity stated with "can reach" is a limit, although "reach" is a change verb: "could reach up
# to 15 million tonnes", "может достигать 5 млн", "5 milyon tona çata bilər".
CAPACITY_BEFORE = r"(?:can|could|may|might|able\s+to)\s+(?:reach|handle|carry|accommodate|process|take)\s+(?:up\s+to\s+)?$"

# A change *to* a figure is exact, not a limit: "увеличился до 98 млрд", "5 milyard dollara çatdırmaq".
CHANGE_VERBS = (r"(?:increas|ris|rose|grow|grew|rais|boost|reach|bring|brought|doubl|climb|jump|fell|fall|"
                r"declin|drop|reduc|cut|expand)\w*")

# Nouns after a year-shaped number that make it a quantity ("2000 nəfər", "1500 тонн").
QUANTITY_NOUNS = (r"(?:people|persons?|tonn?es?|tons?|km|kilomet\w+|met(?:er|re)s?|hectares?|units?|compan\w+|"
                  r"students?|troops?|soldiers?|refugees?|tourists?|workers?|specialists?|wagons?|containers?|"
                  r"cars?|vehicles?|participants?|delegates?|members?|employees?|houses?|apartments?|jobs?|"
                  r"schools?)\b")

# Units a lone "bir" / "one" / "один" must be followed by to be read as a count: elsewhere it is the
# indefinite article or a pronoun ("bir sıra", "one of the", "один из").
ONE_UNIT_NOUNS = (r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur\w+|person|percent|per\s+cent|"
                  r"ton(?:ne)?s?|kilomet\w+|met(?:er|re)s?|time)\b")

# Ordinals used as titles or idioms, not as counts ("first vice-president", "first of all",
# "third countries", "Second World War").
ORDINAL_IDIOMS = (r"first\s+(?:of\s+all|vice|deputy|lady|secretary|officer|mate|channel|half|quarter|hand|class|rate)\w*|"
                  r"(?:first|second)\s+(?:world|karabakh|nagorno-karabakh)\s+war\w*|"
                  r"second\s+(?:half|quarter|hand|class|rate)\w*|"
                  r"third\s+(?:countr|part|quarter|world)\w*|(?:fourth)\s+quarter\w*|at\s+first|firstly|secondly")

# Event nouns a Roman numeral must stand before to be an ordinal ("VII ... forumu", "XI форум").
ROMAN_EVENT_NOUNS = (r"(?:forum|summit|session|meeting|conference|congress|convocation|century|games|festival|"
                     r"plenum|exhibition|fair|championship|olympiad|tournament|readings)s?\b")

# Nouns after an ordinal that make it part of a date, which the date extractor owns.
DATE_PART_NOUNS = r"(?:quarter|half|qtr)\b|weeks?\s+of\b|weekend\s+of\b"

# Stop words that end an object noun phrase.
OBJECT_STOP = set("""of in on at to for from by with and or but that which who whom whose than as per the a an
    this these those its their his her our not also only each both is are was were be been being
    will would shall should can could may might must has have had do does did after before during
    since until into over under between among via through including against about around while
    when where if so such there it they we he she said says year ago earlier later more less last next
    than compared up down out off""".split())

# English nouns that end a counted noun phrase (a verb usually follows them).
HEAD_NOUNS = set("""century anniversary meeting session forum summit round visit time year day month
 week hour decade percent people person country region document agreement delegation""".split())

# Words before a four-digit number that make it a year ("in 2011", "the 2023 agreement", "в 2000").
YEAR_LEAD_WORDS = {"in", "since", "by", "until", "till", "from", "to", "of", "for", "between", "during", "before",
    "after", "early", "late", "mid", "and", "or", "the", "a", "an", "this", "its", "their", "his", "her",
    "our", "year", "summer", "spring", "autumn", "fall", "winter", "through", "circa", "c"}


# ---- reading the number ---------------------------------------------------------------------
# Prepositions between a qualifier and its number: "up by 20%".
PREPOSITIONS_BEFORE_NUMBER = frozenset({"by"})

# "and a half" after a number, with the time unit between: "two and a half", "two years and a half".
HALF_AFTER = (r"(?:(?P<unit>(?i:years?|months?|weeks?|days?|hours?|decades?)){hs}+)?"
              r"(?i:and{hs}+a{hs}+half)(?!\w)")
HALF_WORD = "half"                                            # "half a billion"
HALF_SCALE_AFTER = r"an?{hs}+(?P<w>(?i:million|billion|thousand|trillion|dozen))(?!\w)"
# "a year and a half": 1.5 of the unit.
UNIT_AND_A_HALF_BEFORE = (r"(?i:(?<!\w)(?:an?|one){hs}+(?P<unit>year|month|week|day|hour|decade|century)"
                          r"{hs}+and{hs}+a{hs}+)$")

# A range: "from 5 to 7", "between 5 and 7".
RANGE_FROM = r"from|between"
RANGE_TO = r"to|and"

# "18 of the 25 members": the counted noun comes after the second number.
OF_NUMBER = r"(?:out{hs}+)?of{hs}+(?:the{hs}+)?"

# "only one", "just one": a count before any noun, but not in "just one of".
ONLY_ONE_BEFORE = r"only|just"
ONLY_ONE_NOT_AFTER = r"{hs}+(?i:who|which|that|to|in|is|was|and|or)\b|{hs}*(?:[^\w{spaces}]|$)"
# "one" as a pronoun: "one of", "one another", "one could".
ONE_PRONOUN = (r"one{hs}+(?:another|and|or|by|more|side|hand|way|day|thing|such|who|which|that|could|can|may|"
               r"must|should|would|will)\b")
NO_ONE_BEFORE = r"no|any|every|some|the|this|that|which"     # "no one", "the one"
# "a one-day visit", "one-year programme": "one" joined to a unit by a hyphen is a count.
ONE_HYPHEN_UNIT = r"[-‐](?i:year|month|week|day|hour|minute|decade)\b"

EVERY_BEFORE = r"every|each"

# A rank needs no counted noun: "ranks second", "came third".
RANK_BEFORE = r"ranks?|ranked|ranking|came|comes|finished|placed"
# After a hyphenated ordinal: "the third-largest".
AFTER_ORDINAL_HYPHEN = r"largest|biggest|highest|most|best|ever|place|ranked"
# "two-thirds": a fraction, not a count.
FRACTIONS_AFTER_HYPHEN = r"thirds?|fourths?|fifths?|quarters?|halves|half"
# Units written after a number with a hyphen: "162-kilometer", "45-member", "2-Day".
HYPHEN_UNITS = (r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
                r"kilomet\w+|km|miles?|met(?:er|re)s?|ton(?:ne)?s?|members?|nations?|"
                r"countr\w+|storey|story|seats?|beds?|strong|fold|point|page|person|"
                r"man|stage|phase|lane|track|round|old|plus|odd")
# "a second" of time: "a second later".
SECOND_OF_TIME_AFTER = r"(?:[,.;]|$|later|ago|time)"
# "300-plus", "20-odd": read as post-qualifiers.
HYPHEN_QUALIFIERS = frozenset({"plus", "odd"})
# English plurals end in "s" (not "ss", "us").
PLURAL_END = r"(?<![su])s$"
# "-ing" words that are nouns in a counted phrase.
ING_NOUNS = frozenset({"meeting", "building"})

DAY_RANGE_WORDS = ("to", "and", "or", "thru", "through", "till", "until")
DAY_ENDINGS = ("st", "nd", "rd", "th")
# "1990s", "90's".
DECADE_ENDINGS = (r"[-‐'’]?s", r"'s")
CLOCK_AFTER = (r"[ap]\.m\.", r"[ap]m\b", r"o['’]clock")
YEAR_ENDINGS = ("th",)
LIST_CONJUNCTIONS = ("and", "or", "of", "&")
NUMBER_LABELS_AFTER = None
# Prepositions that take a year as well as an amount ("over 2023", "around 2000"): before a
# four-digit number they do not rule a year out.
YEAR_PREPOSITIONS = ("from", "over", "under", "above", "below", "around", "about", "some", "estimated", "circa", "~")
PERCENT_STEM = "percent"
VERB_FORM_ENDINGS = ("ed", "es")

# A word before a number that makes it negative ("minus 15", "mənfi iki"); the sign "-15" is read as written.
NEGATIVE_WORDS = ("minus", "negative")

# Sub-units: a hundredth of the currency (regex, code): "43 cents", "1 pence", "ten kopecks".
SUBUNIT_WORDS = [(r"cents?\b|c\b|¢", "USD"), (r"pence\b|pennies\b|penny\b|p\b", "GBP"),
                 (r"kopecks?\b|kopeks?\b", "RUB"), (r"kopiy(?:ok|kas?)\b", "UAH"), (r"sens?\b", "MYR"), (r"qapik\w*|gapiks?\b", "AZN"), (r"eurocents?\b", "EUR")]
SUBUNIT_JOINERS = ("and",)

# Singular currencies and units that an article before them counts as one ("a dollar", "a kilogram").
ARTICLE_UNITS = (r"dollar|euro|pound|ruble|rouble|manat|cent|kilogram|kilometre|kilometer|tonne|ton|mile|metre|meter|"
                  r"gram|gramme|milligram|centimetre|centimeter|millimetre|millimeter|millilitre|milliliter|"
                  r"litre|liter|barrel|hectare")

# Physical units after a number (regex, unit, factor into that unit), tried in order (the longer
# first), case-insensitively, as a whole word. The value is converted: "8 miles" = 12.874752 kilometre,
# "3 bcm" = 3e9 cubic_metre, "10 MW" = 1e7 watt, "500 grams" = 0.5 kilogram.
UNIT_WORDS = [
    (r"(?:sq\.?|square)\s+(?:kilomet(?:er|re)s?|km)|km2|km²", "square_kilometre", 1),
    (r"(?:cubic\s+met(?:er|re)s?|cu\.?\s?m|m3|m³)(?:\s+of)?", "cubic_metre", 1),
    (r"bcm|billion\s+cubic\s+met(?:er|re)s?", "cubic_metre", 1e9), (r"tcm", "cubic_metre", 1e12),
    (r"kilomet(?:er|re)s?|kms?", "kilometre", 1), (r"miles?|mi", "kilometre", 1.609344),
    (r"centimet(?:er|re)s?|cm", "metre", 0.01), (r"millimet(?:er|re)s?|mm", "metre", 0.001),
    (r"met(?:er|re)s?|m", "metre", 1),
    (r"(?:metric\s+)?(?:tonn?es?|tons?)", "tonne", 1),
    (r"milligrams?|mg", "kilogram", 1e-6), (r"kilo(?:gram(?:me)?s?|s)?|kgs?", "kilogram", 1),
    (r"grams?|grammes?|gr|g", "kilogram", 0.001),
    (r"barrels?|bbl", "barrel", 1), (r"millilit(?:er|re)s?|ml", "litre", 0.001), (r"lit(?:er|re)s?", "litre", 1), (r"hectares?|ha", "hectare", 1),
    (r"kilowatt[- ]hours?|kwh", "kilowatt_hour", 1), (r"megawatt[- ]hours?|mwh", "kilowatt_hour", 1e3),
    (r"gigawatt[- ]hours?|gwh", "kilowatt_hour", 1e6), (r"terawatt[- ]hours?|twh", "kilowatt_hour", 1e9),
    (r"kilowatts?|kw", "watt", 1e3), (r"megawatts?|mw", "watt", 1e6), (r"gigawatts?|gw", "watt", 1e9),
    (r"watts?", "watt", 1), (r"teus?|twenty-foot\s+equivalent\s+units?", "teu", 1),
]

# Words before a bare ordinal ("will be the first for Azerbaijan") that make it a count; "one of the
# first" stays out (see counts).
BARE_ORDINAL_BEFORE = r"the"

# A time of day: "at 11" after a word of the day ("tonight at 11", "tomorrow morning at 9").
TIME_BEFORE = r"at"
TIME_AFTER = None
TIME_CONTEXT = r"tonight|today|tomorrow|yesterday|morning|afternoon|evening|night|noon|midnight"
# "one of the suspects": one of a set is a count.
ONE_OF = r"of"

# The decimal point written as a word between two numbers ("bir nöqtə qırx üç" = 1.43).
DECIMAL_POINT_WORDS = r"point|dot"
WHOLE_WORDS = None                 # English writes decimals with "point"
FRACTION_DENOMINATORS = None
DENOMINATOR_FIRST = False

# ---- What a figure means (issue 9) -----------------------------------------------------------
# Words of each measure of money (regex). The word nearest the amount in its sentence decides:
# "trade turnover reached $4.4 billion", "a loan ... amounting to €1.3 billion".
MEASURE_WORDS = {
    "trade": r"trade(?:\s+turnover|\s+volume)?|turnover|commerce|bilateral\s+trade",
    "export": r"export\w*",
    "import": r"import\w*",
    "investment": r"invest\w*|capital\s+inflows?|allocat\w*",
    "credit": r"loans?|credit\w*|debts?|borrow\w*|lend\w*",
    "cost": r"costs?|costing|budget\w*|spend\w*|spent|expenditure\w*|compensation|damages?|worth|"
            r"financ\w*|funding|price\s+tag",
    "price": r"prices?|priced|tariffs?|rents?|rental|fares?|fees?|(?:exchange\s+)?rates?",
    "revenue": r"revenues?|income|earn\w*|profits?|tax(?:es)?|proceeds|sales|receipts",
}
COMPARISON_BEFORE = (r"(?:compared\s+(?:with|to)|in\s+comparison\s+with|than|against|versus|vs\.?|relative\s+to)"
                     r"(?:\s+(?:in|during|at|for|over|of))?(?:\s+the)?\s*$")
COMPARISON_AFTER = None
BASE_FIGURE_BEFORE = r"(?:(?:up|down)\s+from|compared\s+(?:with|to)|against|versus|vs\.?|than)\s*$"
PERIOD_DAY_BEFORE = r"(?:from|starting(?:\s+from)?|since|as\s+of|beginning|effective)\s*$"
PERIOD_DAY_AFTER = None
OTHER_TIME = r"in\s+(?:the\s+)?future|later\s+on|eventually|subsequently|thereafter|in\s+the\s+long\s+(?:run|term)|planned"
# Participles of another happening right after a date: it is that happening's time, not a period.
EVENT_AFTER_DATE = r"signed|held|concluded"
# Relative pronouns: a date in a relative clause closed before a figure is not its period.
RELATIVE_PRONOUNS = r"which|who|that|when|where"
# Conjunctions that start a clause of their own: a measure word beyond one is far from an amount.
CLAUSE_CONJUNCTIONS = "|".join(("while", "whereas", "but", "and", "although"))
# A plural scale after a number word makes it vague: "on minlərlə insan" (tens of thousands of people).
VAGUE_SCALE_AFTER = None
