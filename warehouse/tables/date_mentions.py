"""date_mentions: every expression of a date, a period or a point in time in an article."""
from warehouse.tables.common import MENTION_RULES, mention_context, mention_span
from warehouse.tables.model import Column, Family, Ordered, Rule, Table, Value

# TIMEX-style: YYYY, YYYY-MM or YYYY-MM-DD, X for a digit the text leaves open, A/B for a range.
TIMEX = r"^[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?(?:/[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?)?$"

# The rule families are the ways a date rule turns its words into a value (the builders of the
# date grammar); the rule names themselves come from transforms.extract.rule_catalog("dates").
RULE_FAMILIES = (
    Family("numeric", "a date written in digits only: ISO 2022-02-22, or day, month and year separated by "
                      "dots or slashes (22.02.2022, read day first)"),
    Family("numeric_range", "a span of days in digits without a month name: '14. - 15.10.', 'с 14.10. по "
                            "15.10.2018' (day first)"),
    Family("cal", "a calendar expression built from named parts: a day and a month name, a month, a year "
                  "(with its case ending or 'year' word), a quarter, a half-year, the first N months, a decade, "
                  "the beginning/middle/end of a month or year, and ranges of these ('25-26 April', "
                  "'2003-2022', 'from 2019 to 2021')"),
    Family("rel_unit", "this, last or next year, month, week or weekend, counted from the publication date "
                       "('bu il', 'в прошлом году', 'next month')"),
    Family("day_rel", "today, yesterday, tomorrow, the day before yesterday and the like, counted from the "
                      "publication date"),
    Family("ago", "a distance back from the publication date: 'five years ago', '3 ay əvvəl', 'год назад'"),
    Family("rel_year", "years counted from a year the text has just named: 'two years later', 'a year "
                       "earlier', 'ondan iki il əvvəl', 'годом ранее'"),
    Family("anaphor", "'the same day / month / year', 'that day', 'this anniversary year', 'the weekend': the "
                      "date of the previous date mention"),
    Family("anaphor_year", "'the previous / following year': the year before or after the previous mention's"),
    Family("same_period", "'the same period of last year': the months of the previous period mention, one "
                          "year earlier"),
    Family("month_day_rel", "a day or part of the current, previous or next month: 'bu ayın 15-də' (the 15th "
                            "of this month), 'ayın sonunda' (the end of this month)"),
    Family("half_year", "the reporting half-year without a number: 'за полугодие', 'по итогам полугодия'"),
    Family("holiday", "a public holiday used as a date: 'on Victory Day', 'Novruz bayramında', 'к Новому году'"),
    Family("weekday", "a day of the week ('on Monday', 'в среду', 'çərşənbə axşamı'), resolved to the nearest "
                      "such day around the publication date by the tense of the clause"),
    Family("offset", "a distance ahead of (or back from) the publication date: 'in 10 days', 'через 5 месяцев', "
                     "'bir ay sonra', '3 years from today'"),
    Family("span", "the N whole days, weeks, months or years before or after the current one: 'the last two years', "
                   "'следующие 3 дня', 'son 5 ildə' (none in an undated article)"),
    Family("weekday_of_week", "a weekday of the previous, this or the next week: 'Wednesday of next week', 'в пятницу "
                              "следующей недели'"),
    Family("nth_of_month", "the Nth (or last) weekday, week, weekend or day of a month: 'second Monday of March', "
                           "'в последнее воскресенье октября', 'last week of September 2014'"),
    Family("day_of_month", "a day of the month without its month: 'on the 15th', 'Tuesday the 19th' (the month "
                           "around the publication date, on the weekday when one is written)"),
    Family("next_day", "'the next day', 'на следующий день', 'the day before': a day after or before the previous "
                       "date mention"),
    Family("season", "a season as a range of months: 'летом 2019 года', 'this winter', 'yazda' (spring March-May, "
                     "summer June-August, autumn September-November, winter December-February)"),
    Family("end_of_day", "'до конца дня', 'сегодняшних переговоров' (the day of a happening): today"),
    Family("dateparser", "a date in an article in a language without a date grammar here (not az, ru or en), "
                         "found by the dateparser library in the article's language; confidence 0.5, and a year "
                         "the text does not write is X without a publication date"),
)

ROLES = (
    Value("event", "the time of a specific happening: a visit, talks, a meeting or session, a call, a signing, "
                   "ratification or entry into force, a statement or interview, an incident, an election, the "
                   "establishment of relations, a celebration held that day"),
    Value("period", "the span a figure, a state of affairs, a plan or a rule covers, not one happening ('in 2023 "
                    "trade turnover amounted to', 'in January-September', 'the Action Plan until 2024', 'since "
                    "1992')"),
    Value("dateline", "a date about the page, not the relationship: a dateline ('BAKU, March 14'), a publication "
                      "or update stamp, a byline date, copyright years, a 'today is' widget"),
    Value("other", "anything else: a date named only as a reference point or comparison base, a deadline with "
                   "no happening ('by 2030'), an era"),
)
EVENT_TYPES = (
    Value("visit", "an official visit, trip, arrival or tour of a leader, minister or delegation"),
    Value("meeting", "talks, negotiations, a meeting, summit, session of a commission, forum, conference, "
                     "consultations"),
    Value("call", "a telephone call or a one-to-one video call between leaders or ministers"),
    Value("signing", "a document or decision signed, ratified, approved, adopted or entering into force; a "
                     "decree issued"),
    Value("statement", "a statement, announcement, interview, press conference, briefing, letter, message of "
                       "congratulation"),
    Value("incident", "an attack, crash, shooting, clash, explosion, detention, arrest, death or disaster"),
    Value("other_event", "any other happening: an election, a holiday celebrated, relations established, an "
                         "opening, the start of deliveries"),
)

TABLE = Table(
    name="date_mentions",
    layer="mentions",
    grain=("article_id", "start_char", "end_char"),
    description=(
        "One expression of a date or period in an article (a day, a month, a year, a quarter, a range, a "
        "relative date such as 'yesterday' or 'last year'), with its normalised value and where it stands. "
        "Dates are found before counts, so the digits of a date are never also a count."),
    written_by="transforms/extract.py (extract_article) with the date extractor (transforms/dates/)",
    columns=(
        *mention_span("date expression"),
        Column("value", "VARCHAR",
               "The date the expression denotes, TIMEX-style: YYYY-MM-DD for a day, YYYY-MM for a month, YYYY "
               "for a year. A digit the text leaves open and the publication date cannot supply is X "
               "(XXXX-02-22: 22 February of an unknown year; XXXX-XX-XX: 'yesterday' in an undated article). "
               "A range or period is its first and last value joined by '/', both at the same granularity "
               "(2022-01/2022-03: the first quarter of 2022; 2023-10-30/2023-11-05: a week; 2003/2022).",
               nullable=False, regex=TIMEX,
               normalised="a year the text fixes wins (a shared year of a range, the antecedent of 'the same "
                          "day', the one year the sentence names); otherwise relative words count from the "
                          "article's publication date, and a day or month without a year takes the latest such "
                          "day on or before it when its clause reports the past, the next one when it speaks of "
                          "the future, the nearer one otherwise. Without a publication date a date line or a "
                          "year presented as the current one stands in; with no anchor the digits stay X. Weeks "
                          "become the Monday-Sunday range of days; quarters and half-years ranges of months."),
        Column("value_start", "DATE", "The first day the value covers; NULL when a digit of it is unknown (X)."),
        Column("value_end", "DATE", "The last day the value covers (the same day for a single day); NULL when a "
               "digit of it is unknown (X)."),
        Column("granularity", "VARCHAR", "The precision of the value (of each end, for a range).", nullable=False,
               values=(
                   Value("day", "a calendar day (YYYY-MM-DD), or a range of days"),
                   Value("month", "a calendar month (YYYY-MM), or a range of months (quarters, half-years, "
                                  "'the first nine months')"),
                   Value("year", "a year (YYYY), or a range of years (decades, '2003-2022')"),
               )),
        Column("is_range", "BOOLEAN",
               "The expression names a span with two ends (25-26 April, a quarter, a half-year, a week, "
               "'between 2020 and 2022'); value holds both ends.", nullable=False),
        Column("is_relative", "BOOLEAN",
               "The value depends on something outside the words: the publication date (a day and month without "
               "a year, 'last year', 'yesterday', a weekday) or a previous mention ('the same day').",
               nullable=False),
        *mention_context(
            "The rule of the date grammar that matched (the rules are listed by family in docs/codebook.md): "
            "its name starts with the language (az_, ru_, en_; no prefix for rules of every language). Two "
            "rule names joined by '+' mean two adjacent dates were read as one range ('from 5 March to June "
            "2024').",
            catalog="dates", families=RULE_FAMILIES,
            confidence="How likely the span is a date with this value, 0..1: set by the rule family (0.95 for "
                       "numeric dates, 0.9 for calendar expressions, down to 0.7 for anaphora), lowered to 0.6 when "
                       "part of the value stayed unknown."),
        Column("role", "VARCHAR",
               "What the date is in the article (transforms/dates/meaning.py, the words of each language in "
               "transforms/dates/roles/<code>.py). Set on every row a run writes; NULL only on rows of a warehouse "
               "extracted before this column existed, until `ruaz reprocess`.",
               values=ROLES, required=True),
        Column("event_type", "VARCHAR",
               "The kind of happening an event date is the time of, read from the verb or noun that governs the "
               "date (the nearest one in its clause; in Azerbaijani the verb after it; a light verb such as "
               "'held' or 'began' gives way to the noun beside it); NULL unless role is 'event'.",
               values=EVENT_TYPES),
        Column("role_rule", "VARCHAR",
               "The cue that decided role and event_type: its role before the first ':', then the cue, e.g. "
               "'dateline:stamp', 'other:comparison', 'event:signing' (a verb or noun in the date's clause), "
               "'event:visit:sentence' (in its sentence), 'period:figure', 'period:span', 'event:default'; "
               "':listed' when the date takes the meaning of the date listed before it. 'dateparser:default' for "
               "articles in other languages.", required=True),
        Column("role_confidence", "FLOAT",
               "How likely role and event_type are right, 0..1: 0.9 for stamps and date lines, 0.8 for a cue in "
               "the date's clause, 0.6 for one in its sentence, 0.4 for the default, 0.3 for other languages.",
               minimum=0, maximum=1, required=True),
    ),
    ordered=(Ordered("value_start", "value_end", "value_start <= value_end"),),
    rules=(
        *MENTION_RULES,
        Rule("range_same_granularity", "both ends of a range have the same granularity"),
        Rule("event_type_iff_event", "event_type is set exactly when role is 'event'"),
    ),
)
