"""English date rules: (name, pattern, builder), longer and more specific rules first.

Month names, abbreviations and number words come from the language layer (transforms/lang/en).
"""
from __future__ import annotations

import re

from transforms.dates.regex import word_alternation
from transforms.dates.pieces import INDEPENDENCE, VICTORY, DASH, HY, S, S0, D, TH, Y, after, alt, words_number
from transforms.lang import get
from transforms.lang.en import calendar
from transforms.lang.numbers import ORDINAL

EN_MONTHS = calendar.MONTHS
EN_WEEKDAY_ABBREVIATIONS = tuple(calendar.WEEKDAY_ABBREVIATIONS)
EN_MONTH_ABBREVIATIONS = tuple(calendar.MONTH_ABBREVIATIONS)
EN_NUMBER_WORDS = get("en").cardinals
# English (month and weekday names are case-sensitive: "may", "march" are verbs). Spans start
# at the date words, not at "the", "on", "from": those are the most frequent word starts.
EN_MON_FULL = rf"(?:{alt(EN_MONTHS)})(?![A-Za-z])"
EN_MON = rf"(?:{alt(EN_MONTHS)}|(?:{alt(EN_MONTH_ABBREVIATIONS)})\.?)(?![A-Za-z])"
# Month names in lower case too where a day or a year stands beside them ("15th february", "1-8
# september"); not "may" and "march" (a verb), which need a year or an ordinal day.
EN_MON_LOWER = rf"(?:{alt(m.lower() for m in EN_MONTHS if m not in ('May', 'March'))})(?![A-Za-z])"
# ... and their abbreviations ("feb 15th", "15 aug"), not "mar" and "may" (verbs).
EN_MON_LOWER = (rf"(?:{EN_MON_LOWER}|(?:{alt(m.lower() for m in EN_MONTH_ABBREVIATIONS if m not in ('Mar', 'May'))})\.?"
                rf"(?![A-Za-z]))")
EN_MON_CI = rf"(?:{EN_MON}|{EN_MON_LOWER})"
EN_MON_ANY = rf"(?:{EN_MON_CI}|may|march)(?![A-Za-z])"
# Ordinal words of a day: "first" .. "thirty-first" ("march first", "the first of March").
_EN_ORDINAL_WORDS = [w for w, e in get("en").number_words.items() if e.kind == ORDINAL and e.value <= 31]
EN_ORD_DAY = rf"(?:(?:twenty|thirty)[- ])?(?:{alt(_EN_ORDINAL_WORDS)})(?![\w-])"
EN_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])"
EN_NTH = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|First|Second|Third|Fourth|Fifth|Last)"
EN_REL = r"(?:this|This|last|Last|next|Next|the current|the coming|the previous|the past|the)"
EN_YEAR_REF = rf"(?:(?P<y>{Y})|(?P<yr>{EN_REL}){S}year(?![\w-]))"
# The year after a month or day: ", 2022", "last year", "of the same year".
EN_YEAR_AFTER = (rf"(?:,?{S}(?P<y>{Y})|,?{S}['’](?P<yy>[0-9]{{2}})(?![\w'’])|{S}(?:of{S})?(?P<yr>last|this|next){S}year(?![\w-])"
                 rf"|{S}of{S}(?P<ysame>the{S}same|that){S}year(?![\w-]))")
EN_NUM = words_number(EN_NUMBER_WORDS)
EN_NUM_I = words_number(EN_NUMBER_WORDS, True)     # inside (?i:...)
EN_TO = rf"(?:{DASH}|{S}(?:to|through|thru|until|till){S})(?:the{S})?"
EN_BOUNDARY = r"(?:beginning|start|end|middle|close)"
EN_EARLY = r"(?:early|mid|late|Early|Mid|Late)"
EN_COUNT_AFTER = (rf"(?!{S}(?:percent|per cent|people|persons|residents|employees|workers|troops|soldiers|"
                  rf"tonnes|tons|barrels|km|kilometers|kilometres|meters|metres|hectares|units|cars|vehicles|"
                  rf"wagons|containers|dollars|euros|manats|rubles|roubles|companies|students|grams|kilograms|milligrams|"
                  rf"kg|mg|g|miles|feet|litres|liters|cubic|square|megawatts|MW|kW|TEU|bcm|units)\b)")
EN_MONTH_PREP = ("in", "In", "on", "On", "since", "Since", "by", "By", "until", "Until", "till", "through",
                 "from", "From", "to", "during", "During", "before", "Before", "after", "After", "of",
                 "throughout", "Throughout", "between", "Between", "for", "For", "last", "Last", "next",
                 "Next", "this", "This")

EN_TIME_PREP = ("on", "On", "by", "By", "before", "Before", "after", "After", "until", "Until", "till", "since", "Since",
                "during", "During", "over", "Over", "at", "At", "ahead of", "Ahead of")
EN_HOLIDAY_FIRST_WORDS = ("Christmas", "New", "Victory", "Novruz", "Nowruz", "Navruz", "Republic", "Independence", "Russia",
                          "Day", "Restoration", "World", "Solidarity", "International", "Women")

EN_RULES: list[tuple[str, str, str]] = [
    # Month first with a two-digit year and hyphens: "10-31-74".
    ("en_numeric_short_year", rf"(?<![0-9][.,/-])(?P<a>[01][0-9])-(?P<bh>[0-3][0-9])-(?P<yy>[0-9]{{2}})(?![0-9]|[.,/-][0-9])",
     "numeric"),
    # A weekday of a week: "Wednesday of next week", "wednesday next week", "tuesday of this week",
    # "sunday from last week", "last week's Sunday".
    ("en_weekday_of_week", rf"(?:(?P<wd>{EN_WEEKDAY}){S}(?:(?:of|from){S})?(?P<yr>this|next|last|the{S}next|the{S}last){S}week"
                           rf"|(?P<yr2>this|next|last|This|Next|Last){S}week['’]s{S}(?P<wd2>{EN_WEEKDAY}))(?![\w-])",
     "weekday_of_week"),
    # The Nth weekday, week or weekend of a month, its last day: "second Monday of March", "last
    # Monday of March", "third tuesday of september 2014", "last weekend of October", "first week of
    # october 2014", "last day in october 2015".
    ("en_nth_of_month", rf"(?P<nth>{EN_NTH}){S}(?:(?P<wd>{EN_WEEKDAY})|(?P<we>weekend)|(?P<wk>week)|(?P<dy>day))"
                        rf"{S}(?:of|in){S}(?P<mon>{EN_MON_ANY})(?:,?{S}(?P<y>{Y}))?(?![\w-])", "nth_of_month"),
    # A span whose first end has its own year: "January 3, 2017 - February 1st", "28 December 2019 to
    # 5 January 2020" (the second end takes the first's year, or the next when it comes earlier).
    ("en_month_day_year_range", rf"(?P<mon>{EN_MON_CI}){S}(?P<d1>{D}){TH},?{S}(?P<y>{Y}){EN_TO}(?P<mon2>{EN_MON_CI}){S}(?P<d2>{D}){TH}"
                                rf"(?:,?{S}(?P<yb>{Y}))?(?![0-9:])", "cal"),
    ("en_day_month_year_range", rf"(?P<d1>{D}){TH}{S}(?:of{S})?(?P<mon>{EN_MON_CI}),?{S}(?P<y>{Y}){EN_TO}(?P<d2>{D}){TH}{S}(?:of{S})?"
                                rf"(?P<mon2>{EN_MON_CI})(?:,?{S}(?P<yb>{Y}))?", "cal"),
    ("en_month_day_range_cross", rf"(?P<mon>{EN_MON_CI}){S}(?P<d1>{D}){TH}{EN_TO}(?P<mon2>{EN_MON_CI}){S}(?P<d2>{D}){TH}"
                                 rf"(?:,?{S}(?P<y>{Y}))?", "cal"),
    # A lower-case "may" or "march" with a day and a year: "march 3 2015", "march 3rd, 2015".
    # Or without a year, with an ordinal ending or before a punctuation mark ("march 3.", "may 5th").
    ("en_lower_month_day_year", rf"(?P<mon>may|march){S}(?:the{S}(?=[0-9]{{1,2}}(?:st|nd|rd|th)))?(?P<d1>{D})(?:{TH},?{S}(?P<y>{Y})|(?:st|nd|rd|th)|(?={S0}(?:[.,;:)](?![0-9])|$)))", "cal"),
    ("en_month_day", rf"(?:(?P<mon>{EN_MON_CI}){S}(?:the{S})?|(?P<mon1>{alt(EN_MONTH_ABBREVIATIONS)})\.?(?=[0-9]))"
                     rf"(?P<d1>{D}){TH}(?:{EN_TO}(?P<d2>{D}){TH})?{EN_YEAR_AFTER}?(?![0-9:])", "cal"),
    # A month and an ordinal word: "march first", "March the twenty-first".
    ("en_month_ordinal_day", rf"(?P<mon>{EN_MON_ANY}){S}(?:the{S})?(?P<dw>{EN_ORD_DAY})(?:,?{S}(?P<y>{Y}))?", "cal"),
    # Also abbreviated ("Jan-Mar 2019"), and with "through" ("January through March").
    ("en_month_range", rf"(?P<mon>{EN_MON}|{EN_MON_FULL})(?:{DASH}|{S}(?:through|thru){S})(?P<mon2>{EN_MON}|{EN_MON_FULL}){EN_YEAR_AFTER}?", "cal"),
    ("en_month_year", rf"(?P<mon>{EN_MON}),?{S}(?P<y>{Y})", "cal"),
    # A month alone needs a preposition or "last/next/this" before it ("Theresa May", "April"
    # as a name are not dates).
    # (The month is looked for before the many prepositions are.)
    ("en_month", rf"(?={EN_MON_FULL}){after(*EN_MONTH_PREP)}(?P<mon>{EN_MON_FULL})(?![\w-]){EN_YEAR_AFTER}?", "cal"),
    ("en_day_month_range_cross", rf"(?P<d1>{D}){TH}{S}(?:of{S})?(?P<mon>{EN_MON_CI}){EN_TO}(?P<d2>{D}){TH}{S}(?:of{S})?"
                                 rf"(?P<mon2>{EN_MON_CI})(?:,?{S}(?P<y>{Y}))?", "cal"),
    # Also "9/10 May 2021" (two days), "the 4th to the 6th of June", "14april 2015".
    # A two-digit year after the month ends the phrase: "14th April 15.", "31 Oct '74".
    ("en_day_month", rf"(?P<d1>{D}){TH}(?:(?:{EN_TO}|/)(?P<d2>{D}){TH})?(?:{S}(?:of{S})?|(?=[A-Za-z]+{S}{Y}))(?P<mon>{EN_MON_ANY})"
                     rf"(?:{EN_YEAR_AFTER}|{S}(?P<yy2>[0-9]{{2}})(?={S0}(?:[.;](?![0-9])|$)))?", "cal"),
    # The month in a date in digits: "31/Oct/1974", "31-Oct-74", "31.Oct.1974".
    ("en_day_month_year_joined", rf"(?<![0-9][.,/-])(?P<d1>{D})[/.-](?P<mon>{EN_MON_CI})[/.-](?:(?P<y>{Y})|(?P<yy>[0-9]{{2}})(?![0-9]))", "cal"),
    ("en_ordinal_day_month", rf"(?P<dw>{EN_ORD_DAY}){S}of{S}(?P<mon>{EN_MON_ANY})(?:,?{S}(?P<y>{Y}))?", "cal"),
    # A weekday with a day of the month: "Tuesday the 19th", "Sunday the 18th", "Tuesday 19th".
    ("en_weekday_day", rf"(?P<wd>{EN_WEEKDAY}|(?:{alt(EN_WEEKDAY_ABBREVIATIONS)})\.?|(?:{alt(w.lower() for w in EN_WEEKDAY_ABBREVIATIONS)})\.?),?{S}(?:the{S})?(?P<d1>{D})(?:st|nd|rd|th)(?![\w-]|{S}(?:of{S})?{EN_MON_ANY})",
     "day_of_month"),
    # "on the 15th": a day of this or the next month (not "the 15th anniversary").
    # Also in words ("on the first"), and of a month named relative to this one ("the 20th of next
    # month", "20 of the current month", "20th day of the previous month").
    ("en_day_of_month", rf"{after('on', 'On', 'by', 'By', 'until', 'Until')}the{S}(?:(?P<d1>{D})(?:st|nd|rd|th)|(?P<dw>{EN_ORD_DAY}))"
                        rf"(?={S0}(?:[.,;:)]|$))", "day_of_month"),
    ("en_day_of_rel_month", rf"(?:the{S})?(?P<d1>{D}){TH}{S}(?:day{S})?of{S}(?:the{S})?(?P<yr>next|this|current|last|previous|coming)"
                            rf"{S}month(?![\w'’-])", "month_day_rel"),
    ("en_quarter", rf"(?P<q>first|second|third|fourth|final|last|First|Second|Third|Fourth|Final|Last|1st|2nd|3rd|4th|IV|I{{1,3}})"
                   rf"(?:{S}|-)(?:quarter|qtr\.?){S}(?:of{S}|in{S})?{EN_YEAR_REF}", "cal"),
    # Without a year ("in the first quarter", "first-quarter results", "in Q2"), resolved like a
    # month without one; not "the first quarter of the century", and not "last quarter" (the
    # previous one, a relative period).
    ("en_quarter_bare", rf"(?P<q>first|second|third|fourth|First|Second|Third|Fourth|1st|2nd|3rd|4th|IV|III|II)"
                        rf"(?:{S}|-)(?:quarter|qtr\.?)(?![\w-]|{S}of\b)", "cal"),
    ("en_quarter_year_first", rf"(?P<y>{Y}){S0}[-/]?{S0}Q(?P<q>[1-4])(?![\w/‐-])", "cal"),
    ("en_quarter_short", rf"Q(?P<q>[1-4])(?:(?:{S}|-|{S0}/{S0})?(?P<y>{Y})|(?![\w/‐-]))", "cal"),
    ("en_half", rf"(?P<h>first|second|latter|First|Second|1st|2nd)(?:{S}|-)half{S}of{S}{EN_YEAR_REF}", "cal"),
    # "in the first half", "the second half-year" (not H1 alone: hydrogen).
    ("en_half_bare", rf"(?P<h>first|second|First|Second|1st|2nd)(?:{S}|-)half(?:(?:{S}|-)year)?(?![\w-]|{S}of\b)", "cal"),
    ("en_half_short", rf"H(?P<h>[12])(?:{S}|-)?(?P<y>{Y})", "cal"),
    ("en_first_months", rf"(?:first|First){S}(?P<n>{EN_NUM}){S}months{S}(?:of{S}|in{S})?{EN_YEAR_REF}", "cal"),
    ("en_same_period", rf"(?:same|Same){S}(?:period|(?P<pm>month)){S}(?:of{S}|in{S})?(?:(?P<yr>last|the{S}last|the{S}previous){S}year|"
                       rf"(?P<y>{Y})|a{S}year{S}(?:earlier|ago|before))", "same_period"),
    ("en_boundary_month", rf"(?:{EN_BOUNDARY}{S}of{S}|(?P<b>{EN_EARLY})(?:-|{S}))(?P<mon>{EN_MON_FULL}|{EN_MON_CI})"
                          rf"(?:,?{S}(?P<y>{Y}))?", "cal"),
    # Also a decade: "the 1990s", "mid-2010s" (before "mid-2010", a year).
    # Also "the '90s", "the 90s", "the late 80s" (two digits: the 1920s-1990s, '00s and '10s the 2000s).
    ("en_boundary_year", rf"(?:(?:{EN_EARLY}(?:-|{S}))?(?P<dec>(?:19|20)[0-9]0)['’]?s(?![\w'’-])"
                         rf"|(?:(?=['’]?[0-9]0s)(?:(?<=the )|(?<=The ))|{EN_EARLY}(?:-|{S}))(?:['’](?P<ddx>[0-9]0)|(?P<ddy>[2-9]0))s(?![\w'’-])"
                         rf"|{EN_BOUNDARY}{S}of{S}(?:{EN_YEAR_REF}|(?P<mrel>the|this|next|last){S}month(?![\w-]))"
                         # "end of year", "beginning of month"; EOY, BOM (end of year, beginning of month)
                         rf"|(?:{EN_BOUNDARY}{S}of{S}|(?=[EB]O[YM](?![\w-]))(?<![\w-]))(?:(?P<the>year|EOY|BOY)|(?P<bm>month|EOM|BOM))(?![\w'’-])"
                         rf"|(?P<b>{EN_EARLY})(?:-|{S})(?P<yb>{Y}))", "cal"),
    # A decade by its word: "the nineties", "the early eighties".
    ("en_decade_word", rf"(?<=the )(?:(?P<b>{EN_EARLY})(?:-|{S}))?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
                       rf"(?![\w'’-])", "cal"),
    # A year by its last two digits after an apostrophe: "in '98", "the summer of '98" (not "'98s").
    ("en_year_apostrophe", rf"(?=['’][0-9])(?<![\w'’])['’](?P<yy>[0-9]{{2}})(?![\w'’%]|[.,][0-9])", "cal"),
    ("en_year_between", rf"{after('between', 'Between')}(?P<y>{Y}){S}and{S}(?P<yb>{Y})", "cal"),
    ("en_year_range", rf"(?P<y>{Y})(?:{EN_TO}|{S0}/{S0})(?P<yb>{Y})", "cal"),
    ("en_previous_year", rf"(?P<w>previous|preceding|prior|following){S}year(?![\w-])", "anaphor_year"),
    # Also "this / last weekend", "over the weekend" (the builder checks the words before "the").
    # "the week after next", "the year before last": two units on.
    ("en_rel_unit_two", rf"(?:the|The){S}(?P<unit>week|month|year)s?{S}(?P<yr>after{S}next|before{S}last)(?![\w'’-])", "rel_unit"),
    ("en_rel_unit", rf"(?:(?P<yr>this|This|last|Last|next|Next|coming|current|(?:the{S})?upcoming|previous|Previous"
                    rf"|this{S}past|This{S}past|(?:past|Past)(?={S}week)){S}(?P<unit>weekend|year|yr|month|week)"
                    rf"|(?P<wthe>the|past){S}(?P<we>weekend))(?:['’]s(?!{S}(?i:{EN_WEEKDAY})))?(?![\w'’-])", "rel_unit"),
    # Seasons: "in the summer of 2019", "summer 2019", "this summer", "last winter", "in spring"
    # (not "Arab Spring", "summer camp"; "fall" only with its year or a modifier).
    ("en_season", rf"(?:(?P<mdir>this|This|last|Last|next|Next|current|coming|past){S}(?P<season>spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)"
                  rf"|(?P<season1>spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Winter){S}(?:of{S})?(?:(?P<y>{Y})|['’](?P<yy>[0-9]{{2}})(?![\w'’]))"
                  rf"|{after('in', 'In', 'during', 'During', 'by', 'By', 'since', 'Since', 'until', 'Until', 'in the', 'In the', 'during the', 'by the', 'since the', 'until the', 'this', 'This')}"
                  rf"(?P<season2>spring|summer|autumn|winter)(?:{S}of{S}(?:(?P<yb>{Y})|(?P<yr>this|last|next){S}year))?)(?![\w-])",
     "season"),
    # "this quarter", "next quarter", "last quarter" (not "the last quarter of the century").
    ("en_quarter_rel", rf"(?<!the )(?<!The )(?P<yr>this|This|next|Next|last|Last|previous|current|coming){S}(?P<unit>quarter|qtr\.?)"
                       rf"(?![\w-]|{S}of\b)", "rel_unit"),
    ("en_day_rel", rf"(?P<w>day{S}before{S}yesterday|day{S}after{S}tomorrow|[Tt]oday|[Yy]esterday|[Tt]omorrow)"
                   rf"(?:'s|’s)?(?![\w-])", "day_rel"),
    # "N years ago", or years counted from a date of the text (rule en_rel_years; one pattern,
    # the number words are tried once): "a year earlier", "two years later", "a decade later";
    # not "later than planned" (nor "a year before the war": counted from the war).
    # "the last two years", "next 3 weeks", "the coming two years", "the next few days": the N whole
    # units before or after the current one.
    ("en_span", rf"(?P<yr>last|Last|past|Past|next|Next|coming|Coming|upcoming|Upcoming|following|previous){S}"
                rf"(?P<n>(?i:{EN_NUM_I})|few|couple{S}of){S}(?P<unit>days|weeks|months|years|decades)(?![\w-])", "span"),
    # "in 10 days", "in a week", "3 years from today", "7 days hence": counted from the publication
    # date (not "in 30 years of relations", "in two days of talks").
    ("en_offset", rf"(?:{after('in', 'In')}(?P<n>(?i:{EN_NUM_I})|an?){S}(?P<unit>days?|weeks?|fortnights?|months?|years?)"
                  rf"(?![\w-]|{S}(?:of|and|or|in|to|ago|later|earlier|before|after|time|running|a{S}row|since)\b)"
                  rf"|(?P<n2>(?i:{EN_NUM_I})|an?){S}(?P<unit2>days?|weeks?|fortnights?|months?|years?){S}(?:from{S}(?:now|today)|hence)(?![\w-]))",
     "offset"),
    ("en_ago", rf"(?P<n>(?i:{EN_NUM_I})|an?|An?){S}(?:(?P<unit>decades?|years?|months?|fortnights?|weeks?|days?){S}(?P<ago>[Aa]go|AGO)(?!\w)"
               rf"|(?P<unit2>decades?|years?){S}(?P<w>earlier|later)(?![\w-]|{S}than\b))", "ago"),
    # Holidays as dates, after a preposition of time ("on Victory Day", "by Christmas", "until
    # New Year's Day"), not as names ("the Victory Day parade", "Christmas holidays").
    # (The first word is looked for before the many prepositions are.)
    ("en_holiday", rf"(?=(?:{alt(EN_HOLIDAY_FIRST_WORDS)})\b){after(*EN_TIME_PREP, *(p + ' the' for p in EN_TIME_PREP))}"
                   rf"(?P<hol>Christmas(?:{S}(?:Day|Eve))?|New{S}Year['’]s(?:{S}(?:Day|Eve))?|New{S}Year"
                   rf"|Victory{S}Day|No[wv]ruz|Navruz|Republic{S}Day|Independence{S}Day|Russia{S}Day"
                   rf"|(?:Day{S}of{S})?(?:the{S})?Restoration{S}of{S}Independence(?:{S}Day)?|Independence{S}Restoration{S}Day"
                   rf"|Day{S}of{S}Solidarity{S}of{S}World{S}Azerbaijanis|World{S}Azerbaijanis{S}Solidarity{S}Day"
                   rf"|Solidarity{S}Day{S}of{S}World{S}Azerbaijanis|(?:International{S})?Women['’]s{S}Day)"
                   rf"(?![\w'’-]|{S}of{S}(?!Azerbaijan\b|the{S}Republic{S}of{S}Azerbaijan\b)"
                   rf"|{S}(?:parade|celebrations?|festivities|events?|holidays?|greetings?|messages?|address|"
                   rf"reception|ceremony|concert|tree|market|truce|sales?|shopping|dinner|lunch|party|service|mass|"
                   rf"speech|gifts?|decorations?|lights|season|period|break|table)\b)", "holiday"),
    # A weekday in any case ("next tuesday"), or abbreviated before a date ("Fri, Jul 18", "Wed, Feb13")
    # or after one ("Jul 18, Fri"). Alone, an abbreviation that is no English word ("mon.", "tue",
    # "Thurs.": lower case, or with its full stop), and "sat.", "sun.", "wed." (words too) only with
    # their full stop after a colon or a word that makes them a day ("next sat.").
    ("en_weekday", rf"(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])"
                   rf"(?!{S}(?:Times|Telegraph|Express|Mail|Mirror|Herald|Post|Morning|Night|Prayers?)\b)"
                   rf"|(?:{alt(EN_WEEKDAY_ABBREVIATIONS)})\.?(?=,?{S0}(?:{EN_MON}|[0-9]))"
                   rf"|(?=[MTWFS][a-z]{{2}})(?<=[0-9],[ \t])(?:{alt(EN_WEEKDAY_ABBREVIATIONS)})\.?(?![\w'’-])"
                   rf"|(?:mon|tues?|thu(?:rs?)?|fri|weds)\.?(?![\w'’-])|(?:Mon|Tues?|Thu(?:rs?)?|Fri|Weds?)\.(?![\w'’-])"
                   rf"|(?=(?:[Ww]ed|[Ss]at|[Ss]un)\.)(?:(?<=:[ \t])|{after('on', 'On', 'next', 'Next', 'last', 'Last', 'this', 'This')})"
                   rf"(?:[Ww]ed|[Ss]at|[Ss]un)\.(?![\w'’-]))"
                   rf"(?P<wnext>{S}after{S}next(?![\w-]))?", "weekday"),
    # "the same day / month / year", "this anniversary year": the previous mention's.
    # "the next day", "the following day", "the day before": a day from the previous date mention.
    ("en_next_day", rf"(?:the|The){S}(?:(?P<w>next|following|previous|preceding){S}day|day{S}(?P<w2>before|after))(?![\w-]|{S}(?:yesterday|tomorrow))",
     "next_day"),
    ("en_anaphor", rf"(?:(?:same|Same){S}(?:(?P<ud>day)|(?P<um>month)|(?P<uy>year))"
                   rf"|{after('this', 'This', 'that', 'That', 'the', 'The')}(?:anniversary|jubilee){S}(?P<uj>year))"
                   rf"(?![\w'’-])", "anaphor"),
    # A bare year, unless it is an amount, a code or part of a name ("Expo 2025", "Vision 2030").
    ("en_year", rf"(?<![$€£#№+/.:,\-‐–])(?<!Expo )(?<!EXPO )(?<!Euro )(?<!Vision )(?<!Agenda )(?P<y>{Y})(?!['’]?s\b|[\w%]|[.,][0-9]|/[0-9]|{HY}[0-9]{{2}}(?![0-9])){EN_COUNT_AFTER}", "cal"),
]


RULES = EN_RULES
GATES: dict[str, tuple[str, ...]] = {"en_ago": ("ago", "earlier", "later")}
# "few": three (as in "the next few days"); "couple of": two.
SPAN_COUNT_WORDS = {"few": 3, "couple of": 2}


# ---------------------------------------------------------------------------------------------
# Date words and their values (transforms/dates/lexicon.py looks them up).
# Relative year/month/week words -> offset from the reference period; a key is the word with
# its ending cut to a stem the grammar guarantees.
RELATIVE_WORDS = {"after next": 2, "before last": -2, "past": -1, "this past": -1, "this": 0, "current": 0, "the current": 0, "the": 0, "last": -1, "next": 1, "coming": 1,
                  "the coming": 1, "the previous": -1, "the past": -1, "previous": -1, "upcoming": 1, "the upcoming": 1,
                  "the last": -1}
# Direction words before a month, weekday or weekend ("last June", "next Friday", "this
# weekend"): past, future or this one.
DIRECTIONS = {"past": ("this past", "last", "past"), "future": ("next", "coming", "upcoming"), "this": ("this", "current")}
# Words of "N years later" (against "N years earlier"), and of "the following year".
LATER_WORDS = ("later", "after", "following")
# A unit word without a number that still says "one"; none here (an article is required: "a year ago").
SINGULAR_UNITS = ()
# A unit word without a number too vague for a date; none here.
VAGUE_UNITS = None
# The last of the parts of a year by words other than ordinals: "the last quarter", "the latter half".
LAST_PART_WORDS = ("last", "final", "latter")
# Decades by their words (of the 1900s): "the nineties".
DECADE_WORDS = {"twent": 1920, "thirt": 1930, "fort": 1940, "fift": 1950, "sixt": 1960, "sevent": 1970, "eight": 1980,
                "ninet": 1990}
# Abbreviated years by their first letter; none here.
YEAR_ABBREVIATIONS: dict[str, int] = {}
# The plural of a year word that makes a round year a decade; read by the rules themselves here.
PLURAL_YEARS = None
# Separators after which a date in digits puts the month first when both readings are possible: US style, "11/30/1975", "10-31-74".
NUMERIC_MONTH_FIRST = "/-"
# The number words the rules read as a count of units (lexicon.number_value gives their values).
NUMBER_WORDS = EN_NUMBER_WORDS
# The last of several ("the last Monday of March"), and the next one ("the next day").
LAST_WORDS = ("last",)
NEXT_WORDS = ("next", "following", "after")
# Deictic day words -> days from the publication date.
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2}
# Holidays used as dates: a key found in the folded name -> (month, day), tried in order
# ("restoration" before "independence").
HOLIDAYS = (
    ("christmas eve", (12, 24)), ("christmas", (12, 25)), ("novruz", (3, 20)), ("nowruz", (3, 20)), ("navruz", (3, 20)),
    ("new year's eve", (12, 31)), ("new year", (1, 1)), ("victory", VICTORY), ("restoration", (10, 18)),
    ("independence", INDEPENDENCE), ("republic", (5, 28)), ("russia", (6, 12)), ("solidarity", (12, 31)),
    ("women", (3, 8)),
)

# Victory Day: 9 May here, 8 November when the words around it speak of Karabakh.
VICTORY_DEFAULT = (5, 9)
VICTORY_WORLD_WAR = (r"great\s+patriotic", r"world\s+war\s+ii", r"second\s+world\s+war", r"\bwwii\b")
VICTORY_KARABAKH = (r"karabakh", r"44[- ]day", r"patriotic\s+war\s+of\s+2020")
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it
# (stems of the words before it: "congratulated ... on Victory Day", "dedicated to").
OCCASION_WORDS = ("congratulat", "dedicated", "timed")
# A holiday of another country before the holiday; none here.
HOLIDAY_OF_ANOTHER_COUNTRY = None
# "today's world", "today's realities", "today's regional and international relations": nowadays,
# not a day (a head noun of a state of affairs, after adjectives only: "today's talks on regional
# relations" is a day).
_TODAYS_WORLD = re.compile(r"[Tt]oday['’]s\s+(?:geopolitical|global|(?:[a-z-]+(?:al|ic|ern|ing|ary|ity)(?:,|\s+and|\s+or)?\s+){0,3}"
                           r"(?:world|realities|reality|conditions|situation|relations|challenges|threats|environment"
                           r"|context|times|generation|youth|economy|geopolitics|trends|order)\b)")


def _todays_world(text: str, start: int, end: int, word: str) -> bool:
    return _TODAYS_WORLD.match(text, start) is not None


# Day words that are no day where they stand: tests of (text, start, end, the day word) that say so.
DAY_WORD_GUARDS = (_todays_world,)
# A year named with "until the end of" is said of the year the text is written in.
CURRENT_YEAR_HINT = (r"the\s+end\s+of",)
# "over the weekend", "for the weekend": "the weekend" as a time, not as a noun ("the weekend programme").
WEEKEND_THE_AFTER = re.compile(r"\b(?:at|over|on|during|for)[ \t\u00a0]+$", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# What the resolver (transforms/dates/resolve.py) reads around a date in this language.
# Between a relative expression and the date it stands beside: "Twenty years ago, on 4 April 1992",
# "Twenty-five years ago, in July 1997".
APPOSITION_AFTER = ("on", "On", "on the", "On the", "in")
APPOSITION_BEFORE = ("on",)
# "N years ago" counts from publication, whatever year the sentence names.
AGO_FROM_SENTENCE_YEAR = False
LATER_FROM_NOW_IN_FUTURE: tuple[str, ...] = ()
# An ordinal before "anniversary": digits, or an ordinal word of the layer after an optional tens word
# ("25th", "twenty-fifth").
_ORDINAL_WORDS = "|".join(sorted((w for w, e in get("en").number_words.items() if e.kind == ORDINAL), key=len, reverse=True))
_TENS_WORDS = "|".join(w for w, n in get("en").cardinals.items() if n % 10 == 0 and 20 <= n <= 90)
_EN_ORDINAL = rf"(?:([0-9]{{1,3}})(?:st|nd|rd|th)|((?:{_TENS_WORDS})-)?({_ORDINAL_WORDS}))"
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate (and no past or
# future verb: PAST_OR_FUTURE).
STATE_OF_AFFAIRS = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:developing|growing|expanding|strengthening|evolving|deepening)\b|"
                              r"\bat\s+(?:a|the|an)\s+(?:\w+\s+)?(?:high|highest|new|unprecedented)\s+level\b|\bone\s+of\s+the\b")
PAST_OR_FUTURE = re.compile(r"\b(?:was|were|had|did|will|would|shall)\b|['’]ll\b|\b\w+ed\b")
# Anniversary phrases with the number of years: (keyword, number pattern on the 40 characters before
# it, or after it).
ANNIVERSARY = ((re.compile(r"anniversary\b"), re.compile(rf"(?i)\b{_EN_ORDINAL}[ \t]+$"), None),
               (re.compile(r"years[ \t]+since\b"), re.compile(r"(?i)\bmarks?[ \t]+([0-9]{1,3}|[a-z]+)[ \t]+$"), None))
# A comparison base before a year ("than in 2016"): not the year the text is in.
COMPARISON_BEFORE = re.compile(r"(?i)\b(?:than|(?:much|many|high|large|great)\s+as|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|against|versus|vs\.?|over)"
                               r"\s+(?:in\s+|the\s+|of\s+)?$")
# ... or after it ("2017-ci illə müqayisədə").
COMPARISON_AFTER = re.compile(r"(?!)")
# Reported speech next to a date: the date is when it was said, not when the year's events happened.
REPORTED_BEFORE = re.compile(r"\b(?:said|told|announced|stated|noted|reported|added|stressed|confirmed|declared)\b"
                             r"(?:[ \t]+\S+){0,4}[ \t]+$")
REPORTED_AFTER = re.compile(r",?[ \t]+(?:\S+[ \t]+){0,2}(?:said|told|announced|stated)\b")
# Words that join two dates into one span: (before the first, between the two).
RANGE_WORDS = ((re.compile(r"\b(?:from|From)[ \t]+$"), re.compile(r"[ \t]+(?:to|until|till|through)[ \t]+")),
               (re.compile(r"\b(?:between|Between)[ \t]+$"), re.compile(r"[ \t]+and[ \t]+")))


# ---------------------------------------------------------------------------------------------
# Tense markers (transforms/dates/tense.py).
# Future: auxiliaries, plans and expectations, perfective futures, obligations.
FUTURE = re.compile(
                 r"\b(?:will|won['’]t|shall|(?:is|are)\s+(?:expected|scheduled|planned|due|set|going|slated|to)"
                 r"|plans?\s+to|planning\s+to|intends?\s+to|upcoming|forthcoming|to\s+be\s+held"
                 r"|(?:the|a|an|its|their|his|her)\s+(?:planned|scheduled|expected|proposed)\b"
                 r"|(?i:next|upcoming|forthcoming)\s+(?:meeting|session|visit|round|summit|talks|sitting)\b)\b|['’]ll\b")
# Nouns of a happening with a word that puts it in the past ("the last meeting").
PAST_PHRASES = re.compile(r"(?i)\b(?:last|previous|past)\s+(?:meeting|session|visit|round|summit|talks|sitting)\b")
# A past verb of intent or proposal with its infinitive: past for the agreement, future for what was
# agreed (see transforms/dates/tense.py).
INTENT = re.compile(r"\b(?:agreed|decided|pledged|promised|vowed|undertook|resolved|committed|proposed|offered)"
                    r"\s+to\s+(?!(?:the|a|an|this|that|these|those|it|its|their|his|her)\b)[a-z]+\b")
# Past: auxiliaries and past forms, with the nouns that look like them left out.
# A participle after "is/are/be/been" is a passive, not a past ("will be held", "is signed").
PAST_WORDS = ("was", "were", "had", "did", "has", "have", "said", "told", "met", "held", "took", "made", "came",
                  "went", "began", "gave", "saw", "became", "left", "sent", "paid", "won", "led", "brought", "spoke",
                  "wrote", "found", "kept", "stood", "sought", "fought", "struck", "agreed", "freed", "grew", "rose",
                  "fell", "sank", "shrank", "slid", "sold", "bought", "built", "spent", "lost", "drew", "flew", "ran",
                  "knew", "chose", "broke", "withdrew", "oversaw", "undertook", "overtook")
# (The lookahead in front only lets through a word the rest can match, one of the words above or
# one in -ed, so that the lookbehinds and the backtracking -ed branch run at few words.)
PAST = re.compile(
    rf"\b(?=(?:{word_alternation(PAST_WORDS)})\b|\w*ed\b)"
    r"(?:\b(?:was|were|had|did|(?:has|have)\s+(?:been\s+)?\w+(?:ed|en))\b"
    r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(said|told|met|held|took|made|came|went|began|gave|saw|became|"
    r"left|sent|paid|won|led|brought|spoke|wrote|found|kept|stood|sought|fought|struck|agreed|freed|"
    r"grew|rose|fell|sank|shrank|slid|sold|bought|built|spent|lost|drew|flew|ran|knew|chose|broke|"
    r"withdrew|oversaw|undertook|overtook|"
    r"\w{2,}[^\We]ed|\w+ied)\b)")
NOT_PAST = {"hundred", "united", "limited", "based", "related", "planned", "scheduled", "expected", "proposed",
                "intended", "detailed", "advanced", "armed", "called", "speed", "seed", "need", "feed", "bed",
                "red", "shed", "ahmed", "mohammed", "muhammed", "mahmud", "allied", "varied"}
