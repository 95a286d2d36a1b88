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
EN_MONTH_ABBREVIATIONS = tuple(calendar.MONTH_ABBREVIATIONS)
EN_NUMBER_WORDS = get("en").cardinals
# English (month and weekday names are case-sensitive: "may", "march" are verbs). Spans start
# at the date words, not at "the", "on", "from": those are the most frequent word starts.
EN_MON_FULL = rf"(?:{alt(EN_MONTHS)})(?![A-Za-z])"
EN_MON = rf"(?:{alt(EN_MONTHS)}|(?:{alt(EN_MONTH_ABBREVIATIONS)})\.?)(?![A-Za-z])"
EN_REL = r"(?:this|This|last|Last|next|Next|the current|the coming|the previous|the past|the)"
EN_YEAR_REF = rf"(?:(?P<y>{Y})|(?P<yr>{EN_REL}){S}year(?![\w-]))"
# The year after a month or day: ", 2022", "last year", "of the same year".
EN_YEAR_AFTER = (rf"(?:,?{S}(?P<y>{Y})|{S}(?:of{S})?(?P<yr>last|this|next){S}year(?![\w-])"
                 rf"|{S}of{S}(?P<ysame>the{S}same|that){S}year(?![\w-]))")
EN_NUM = words_number(EN_NUMBER_WORDS)
EN_NUM_I = words_number(EN_NUMBER_WORDS, True)     # inside (?i:...)
EN_TO = rf"(?:{DASH}|{S}(?:to|through|until|till){S})"
EN_BOUNDARY = r"(?:beginning|start|end|middle|close)"
EN_EARLY = r"(?:early|mid|late|Early|Mid|Late)"
EN_COUNT_AFTER = (rf"(?!{S}(?:percent|per cent|people|persons|residents|employees|workers|troops|soldiers|"
                  rf"tonnes|tons|barrels|km|kilometers|kilometres|meters|metres|hectares|units|cars|vehicles|"
                  rf"wagons|containers|dollars|euros|manats|rubles|roubles|companies|students)\b)")
EN_MONTH_PREP = ("in", "In", "on", "On", "since", "Since", "by", "By", "until", "Until", "till", "through",
                 "from", "From", "to", "during", "During", "before", "Before", "after", "After", "of",
                 "throughout", "Throughout", "between", "Between", "for", "For", "last", "Last", "next",
                 "Next", "this", "This")

EN_TIME_PREP = ("on", "On", "by", "By", "before", "Before", "after", "After", "until", "Until", "till", "since", "Since",
                "during", "During", "over", "Over", "at", "At", "ahead of", "Ahead of")
EN_HOLIDAY_FIRST_WORDS = ("Christmas", "New", "Victory", "Novruz", "Nowruz", "Navruz", "Republic", "Independence", "Russia",
                          "Day", "Restoration", "World", "Solidarity", "International", "Women")

EN_RULES: list[tuple[str, str, str]] = [
    ("en_month_day_range_cross", rf"(?P<mon>{EN_MON}){S}(?P<d1>{D}){TH}{EN_TO}(?P<mon2>{EN_MON}){S}(?P<d2>{D}){TH}"
                                 rf"(?:,?{S}(?P<y>{Y}))?", "cal"),
    ("en_month_day", rf"(?P<mon>{EN_MON}){S}(?P<d1>{D}){TH}(?:{EN_TO}(?P<d2>{D}){TH})?{EN_YEAR_AFTER}?(?![0-9:])", "cal"),
    ("en_month_range", rf"(?P<mon>{EN_MON_FULL}){DASH}(?P<mon2>{EN_MON_FULL})(?:,?{S}(?P<y>{Y}))?", "cal"),
    ("en_month_year", rf"(?P<mon>{EN_MON}),?{S}(?P<y>{Y})", "cal"),
    # A month alone needs a preposition or "last/next/this" before it ("Theresa May", "April"
    # as a name are not dates).
    # (The month is looked for before the many prepositions are.)
    ("en_month", rf"(?={EN_MON_FULL}){after(*EN_MONTH_PREP)}(?P<mon>{EN_MON_FULL})(?![\w-]){EN_YEAR_AFTER}?", "cal"),
    ("en_day_month_range_cross", rf"(?P<d1>{D}){TH}{S}(?:of{S})?(?P<mon>{EN_MON}){EN_TO}(?P<d2>{D}){TH}{S}(?:of{S})?"
                                 rf"(?P<mon2>{EN_MON})(?:,?{S}(?P<y>{Y}))?", "cal"),
    ("en_day_month", rf"(?P<d1>{D}){TH}(?:{EN_TO}(?P<d2>{D}){TH})?{S}(?:of{S})?(?P<mon>{EN_MON})"
                     rf"{EN_YEAR_AFTER}?", "cal"),
    ("en_quarter", rf"(?P<q>first|second|third|fourth|final|last|First|Second|Third|Fourth|Final|Last|1st|2nd|3rd|4th|IV|I{{1,3}})"
                   rf"(?:{S}|-)quarter{S}(?:of{S}|in{S})?{EN_YEAR_REF}", "cal"),
    # Without a year ("in the first quarter", "first-quarter results", "in Q2"), resolved like a
    # month without one; not "the first quarter of the century", and not "last quarter" (the
    # previous one, a relative period).
    ("en_quarter_bare", rf"(?P<q>first|second|third|fourth|First|Second|Third|Fourth|1st|2nd|3rd|4th|IV|III|II)"
                        rf"(?:{S}|-)quarter(?![\w-]|{S}of\b)", "cal"),
    ("en_quarter_short", rf"Q(?P<q>[1-4])(?:(?:{S}|-|{S0}/{S0})?(?P<y>{Y})|(?![\w/‐-]))", "cal"),
    ("en_half", rf"(?P<h>first|second|latter|First|Second|1st|2nd)(?:{S}|-)half{S}of{S}{EN_YEAR_REF}", "cal"),
    # "in the first half", "the second half-year" (not H1 alone: hydrogen).
    ("en_half_bare", rf"(?P<h>first|second|First|Second|1st|2nd)(?:{S}|-)half(?:(?:{S}|-)year)?(?![\w-]|{S}of\b)", "cal"),
    ("en_half_short", rf"H(?P<h>[12])(?:{S}|-)?(?P<y>{Y})", "cal"),
    ("en_first_months", rf"(?:first|First){S}(?P<n>{EN_NUM}){S}months{S}(?:of{S}|in{S})?{EN_YEAR_REF}", "cal"),
    ("en_same_period", rf"(?:same|Same){S}(?:period|(?P<pm>month)){S}(?:of{S}|in{S})?(?:(?P<yr>last|the{S}previous){S}year|"
                       rf"(?P<y>{Y})|a{S}year{S}(?:earlier|ago|before))", "same_period"),
    ("en_boundary_month", rf"(?:{EN_BOUNDARY}{S}of{S}|(?P<b>{EN_EARLY})(?:-|{S}))(?P<mon>{EN_MON_FULL})"
                          rf"(?:,?{S}(?P<y>{Y}))?", "cal"),
    # Also a decade: "the 1990s", "mid-2010s" (before "mid-2010", a year).
    ("en_boundary_year", rf"(?:(?:{EN_EARLY}(?:-|{S}))?(?P<dec>(?:19|20)[0-9]0)['’]?s(?![\w'’-])"
                         rf"|{EN_BOUNDARY}{S}of{S}(?:{EN_YEAR_REF}|(?P<mrel>the|this|next|last){S}month(?![\w-]))"
                         rf"|(?P<b>{EN_EARLY})(?:-|{S})(?P<yb>{Y}))", "cal"),
    ("en_year_between", rf"{after('between', 'Between')}(?P<y>{Y}){S}and{S}(?P<yb>{Y})", "cal"),
    ("en_year_range", rf"(?P<y>{Y})(?:{EN_TO}|{S0}/{S0})(?P<yb>{Y})", "cal"),
    ("en_previous_year", rf"(?P<w>previous|preceding|prior|following){S}year(?![\w-])", "anaphor_year"),
    # Also "this / last weekend", "over the weekend" (the builder checks the words before "the").
    ("en_rel_unit", rf"(?:(?P<yr>this|This|last|Last|next|Next|coming|current){S}(?P<unit>weekend|year|month|week)"
                    rf"|(?P<wthe>the|past){S}(?P<we>weekend))(?![\w'’-])", "rel_unit"),
    ("en_day_rel", rf"(?P<w>day{S}before{S}yesterday|day{S}after{S}tomorrow|[Tt]oday|[Yy]esterday|[Tt]omorrow)"
                   rf"(?:'s|’s)?(?![\w-])", "day_rel"),
    # "N years ago", or years counted from a date of the text (rule en_rel_years; one pattern,
    # the number words are tried once): "a year earlier", "two years later", "a decade later";
    # not "later than planned" (nor "a year before the war": counted from the war).
    ("en_ago", rf"(?P<n>(?i:{EN_NUM_I})|an?|An?){S}(?:(?P<unit>decades?|years?|months?|weeks?|days?){S}(?P<ago>ago)(?!\w)"
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
    ("en_weekday", rf"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])", "weekday"),
    # "the same day / month / year", "this anniversary year": the previous mention's.
    ("en_anaphor", rf"(?:(?:same|Same){S}(?:(?P<ud>day)|(?P<um>month)|(?P<uy>year))"
                   rf"|{after('this', 'This', 'that', 'That', 'the', 'The')}(?:anniversary|jubilee){S}(?P<uj>year))"
                   rf"(?![\w'’-])", "anaphor"),
    # A bare year, unless it is an amount, a code or part of a name ("Expo 2025", "Vision 2030").
    ("en_year", rf"(?<![$€£#№+/.:,\-‐–])(?<!Expo )(?<!EXPO )(?<!Euro )(?<!Vision )(?<!Agenda )(?P<y>{Y})(?!['’]?s\b|[\w%]|[.,][0-9]|/[0-9]|{HY}[0-9]{{2}}(?![0-9])){EN_COUNT_AFTER}", "cal"),
]


RULES = EN_RULES
GATES: dict[str, tuple[str, ...]] = {"en_ago": ("ago", "earlier", "later")}


# ---------------------------------------------------------------------------------------------
# Date words and their values (transforms/dates/lexicon.py looks them up).
# Relative year/month/week words -> offset from the reference period; a key is the word with
# its ending cut to a stem the grammar guarantees.
RELATIVE_WORDS = {"this": 0, "current": 0, "the current": 0, "the": 0, "last": -1, "next": 1, "coming": 1,
                  "the coming": 1, "the previous": -1, "the past": -1}
# Direction words before a month, weekday or weekend ("last June", "next Friday", "this
# weekend"): past, future or this one.
DIRECTIONS = {"past": ("last", "past"), "future": ("next", "coming"), "this": ("this",)}
# Words of "N years later" (against "N years earlier"), and of "the following year".
LATER_WORDS = ("later", "after", "following")
# A unit word without a number that still says "one"; none here (an article is required: "a year ago").
SINGULAR_UNITS = ()
# A unit word without a number too vague for a date; none here.
VAGUE_UNITS = None
# The last of the parts of a year by words other than ordinals: "the last quarter", "the latter half".
LAST_PART_WORDS = ("last", "final", "latter")
# Abbreviated years by their first letter; none here.
YEAR_ABBREVIATIONS: dict[str, int] = {}
# The plural of a year word that makes a round year a decade; read by the rules themselves here.
PLURAL_YEARS = None
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
# "today's world", "today's realities": nowadays, not a day.
_TODAYS_WORLD = re.compile(r"[Tt]oday['’]s\s+(?:world|realities|reality|conditions|geopolitical|global)\b")


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
                 r"|(?:the|a|an|its|their|his|her)\s+(?:planned|scheduled|expected|proposed)\b)\b|['’]ll\b")
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
