"""count_mentions: every number that counts or measures something in an article."""
from warehouse.tables.common import MENTION_RULES, mention_context, mention_span
from warehouse.tables.date_mentions import TIMEX
from warehouse.tables.model import Column, Family, Rule, Table, Value

# Families by the name before ':' (the rule names come from transforms.extract.rule_catalog("counts")).
RULE_FAMILIES = (
    Family("digits", "a number written in digits, with its scale word or suffix ('4,4 milyard', '$2.14 bn', "
                     "'800 тыс.', '21-ci'), decimal commas and thousands separators of the language"),
    Family("words", "a number written in words ('two', 'двадцати пяти', 'iyirmi beş'); 'words:collective' is a "
                    "Russian collective numeral ('двое', 'трое'), 'words:adverb' a count of times ('twice', "
                    "'дважды'), 'words:half' a half ('yarım milyon', 'half a billion', 'a year and a half'), "
                    "'words:compound' a Russian adjective that starts with a number ('двухдневный' 2, "
                    "'тридцатилетие' the 30th anniversary), 'words:range' one end of two number words joined by "
                    "a hyphen ('iki-üç dəfə', 'два-три раза')"),
    Family("roman", "a Roman numeral read as an ordinal ('XXI century', 'IV quarter' when not a date)"),
)

UNITS = (
    Value("item", "things counted: people, documents, projects, trucks, flights, days as a count of days"),
    Value("percent", "a percentage (value is the number of percent)"),
    Value("tonne", "metric tonnes"), Value("kilogram", "kilograms"),
    Value("cubic_metre", "cubic metres (gas volumes: '3 bcm' = 3e9)"), Value("barrel", "barrels of oil"),
    Value("litre", "litres"), Value("metre", "metres"), Value("kilometre", "kilometres"),
    Value("square_kilometre", "square kilometres"), Value("hectare", "hectares"),
    Value("kilowatt_hour", "kilowatt-hours of energy"), Value("watt", "watts of power ('10 MW' = 1e7)"),
    Value("teu", "twenty-foot equivalent units (containers)"),
)
# The closed set: the units above, or an ISO 4217 currency code for money.
UNIT_PATTERN = "^(?:[A-Z]{3}|" + "|".join(v.value for v in UNITS) + ")$"
MEASURES = (
    Value("trade", "trade turnover or trade volume between the sides"),
    Value("export", "exports"), Value("import", "imports"),
    Value("investment", "investment, invested capital"),
    Value("credit", "loans, credit lines, debt"),
    Value("cost", "the price of a project, a budget, spending, damages, compensation"),
    Value("price", "a unit price or tariff"),
    Value("revenue", "income, earnings, tax, transit fees received"),
    Value("other", "any other amount of money"),
)

TABLE = Table(
    name="count_mentions",
    layer="mentions",
    grain=("article_id", "start_char", "end_char"),
    description=(
        "One number that counts or measures something: a cardinal ('150 acts'), an ordinal ('the 21st "
        "meeting'), an amount of money or a percentage, with the qualifier around it and the thing counted. "
        "The digits of dates, times, telephone numbers and article numbers are not counts. A range ('5-7 "
        "million') gives two rows, one per end."),
    written_by="transforms/extract.py (extract_article) with the count extractor (transforms/counts/)",
    columns=(
        *mention_span("number"),
        Column("value", "DOUBLE",
               "The number, with its scale applied ('4,4 milyard' = 4400000000, '2.5%' = 2.5, 'twenty-first' = "
               "21), negative after a minus sign or word ('-15%', 'minus 40', 'mənfi iki'). For money it is the "
               "amount in the currency of `object`; for a percentage the number of percent; for a physical "
               "quantity the amount in `unit`.", nullable=False, minimum=-1e15, maximum=1e15,
               normalised="decimal comma or point and thousands separators read by the language's conventions "
                          "('3 245 118,27'); scale words and letters (thousand, million, milyard, млрд, bn, 100K) "
                          "multiplied out; fractions such as 'half' and 'полтора' added; sub-units added ('312 "
                          "рублей 40 копеек' = 312.4); physical units converted ('8 miles' = 12.874752 kilometre)."),
        Column("kind", "VARCHAR", "What sort of number it is.", nullable=False, values=(
            Value("cardinal", "how many: a count or a quantity ('150 acts', 'two countries', '5 million tonnes')"),
            Value("ordinal", "a position in a series ('the 21st meeting', '4-cü', 'XXI')"),
            Value("money", "an amount of money; object is the currency code"),
            Value("percent", "a percentage ('12%', '12 faiz', 'двенадцать процентов'); value is the number "
                             "of percent"),
        )),
        Column("qualifier", "VARCHAR", "How the text bounds the number.", nullable=False, values=(
            Value("exact", "the number as stated, with no qualifying word"),
            Value("more_than", "more than / over / свыше / -dən çox: the true figure is above value"),
            Value("less_than", "less than / under / менее / -dən az: the true figure is below value"),
            Value("about", "about / nearly / около / təxminən: an approximate figure (both ends of an "
                           "approximate range too)"),
            Value("at_least", "at least / не менее / ən azı, and the low end of a range in words ('from 5 to 7 "
                              "million': 5); both ends of a range with a dash ('5-7 million') are exact"),
            Value("at_most", "at most / up to / до / -dək, and the high end of a range in words ('from 5 to 7 "
                             "million': 7)"),
        )),
        Column("object", "VARCHAR",
               "What is counted: for money the ISO 4217 currency code (USD, EUR, RUB, AZN, ...); otherwise "
               "the noun the number counts as it appears in the text ('tonnes', 'человек', 'regionu'), NULL "
               "when the number stands alone.",
               normalised="currency words and symbols ('dollar', '$', 'млрд рублей', 'manat') mapped to the "
                          "ISO code; other nouns are kept as written, not lemmatised."),
        *mention_context(
            "How the number was read (the rules are listed by family in docs/codebook.md); ':range' at the end "
            "marks one end of a range ('5-7 million', 'from 2 to 4 billion').",
            catalog="counts", families=RULE_FAMILIES,
            confidence="How likely the span is this count, 0..1: 0.9 for digits, 0.85 for Roman numerals, 0.8 "
                       "for number words, 0.75 for Russian number compounds."),
        Column("unit", "VARCHAR",
               "The unit `value` is expressed in: the ISO 4217 code for money (as `object`), 'percent', a "
               "physical unit the value was converted into, or 'item' for things counted; NULL for ordinals "
               "(and on rows extracted before this column existed).",
               regex=UNIT_PATTERN, values=UNITS, closed=False,
               normalised="a physical quantity is converted into the unit listed ('3 bcm' = 3000000000 "
                          "cubic_metre, '10 MW' = 10000000 watt, '5 milyon ton' = 5000000 tonne)."),
        Column("unit_rule", "VARCHAR", "What decided the unit: 'currency' (money), 'percent', 'unit:<the unit "
               "word as written, lower case>' ('unit:bcm', 'unit:тонн', 'unit:kilometrə'), 'counted' (a count of "
               "things: item); NULL for ordinals."),
        Column("measure", "VARCHAR",
               "What an amount of money is; NULL unless kind is 'money'. Read from the measure word nearest the "
               "amount in its sentence ('товарооборот', 'ixrac', 'loan', ...), else from the sentences just before "
               "it; 'other' when none says.", values=MEASURES),
        Column("measure_rule", "VARCHAR",
               "What decided the measure: '<measure>:<the word as written, lower case>' ('trade:товарооборот', "
               "'export:ixrac olunub'), 'rate' ('USD = 92.59 RUB': a price), 'context' (the measure of the amount "
               "just before), 'context:<word>' (a measure word of the sentences just before), 'none' (other)."),
        Column("measure_confidence", "FLOAT",
               "How likely the measure is right, 0..1: 0.85 for a measure word within 40 characters of the amount "
               "(and a rate), 0.7 for one farther in the sentence, 0.5 from context, 0.4 for 'other'.",
               minimum=0, maximum=1),
        Column("period_start_char", "INTEGER",
               "Start offset (in articles.text) of the date mention of the same sentence that states when the "
               "figure applies; NULL when the sentence states none. A comparison base ('compared with 2022') is "
               "not the period.", unit="characters"),
        Column("period_end_char", "INTEGER", "End offset (exclusive) of that date mention.", unit="characters"),
        Column("period_value", "VARCHAR", "The TIMEX value of that date mention (date_mentions.value).",
               regex=TIMEX),
        Column("period_rule", "VARCHAR",
               "How the period was chosen: 'same_sentence:before' (the nearest date before the figure in its "
               "sentence that can state its time), 'same_sentence:after' (none before: the nearest after), "
               "'comparison_base' (the figure is itself the base of a comparison, 'против 876 млн в аналогичный "
               "период прошлого года', and takes that base date)."),
        Column("period_confidence", "FLOAT", "How likely the period link is right, 0..1: 0.8 before, 0.7 after, "
               "0.6 for a comparison base.", minimum=0, maximum=1),
    ),
    rules=(
        *MENTION_RULES,
        Rule("money_has_currency", "money rows name their currency as a 3-letter code"),
        Rule("unit_fits_kind", "no unit for an ordinal, a unit and its rule for every other row; a money row's "
                               "unit is its currency (object); a percent row's unit is 'percent'"),
        Rule("measure_iff_money", "measure, measure_rule and measure_confidence are set on money rows and only "
                                  "there"),
        Rule("period_complete", "the period columns are all set or all NULL, and start < end"),
    ),
)
