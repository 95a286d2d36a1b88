"""Azerbaijani date rules: (name, pattern, builder), longer and more specific rules first.

Month stems and number words come from the language layer (transforms/lang/az); the case endings
of a month name are the layer's morphology.
"""
from __future__ import annotations

import re

from transforms.dates.pieces import (
    INDEPENDENCE, NUMERIC_DAY_MONTH, NUMERIC_RANGE, VICTORY, DASH, HY, S, S0, D, Y, after, alt, words_number,
)
from transforms.lang.az import calendar, morphology
from transforms.lang import get

AZ_MONTHS = calendar.MONTHS
AZ_NUMBER_WORDS = get("az").cardinals
AZL = "a-zəıöüğşç"
AZW = rf"[{AZL}A-ZƏIİÖÜĞŞÇ]"
NAZ = rf"(?!{AZW})"
# Case and possessive endings after a month stem (fevralın, iyununda, sentyabrında, yanvarda,
# apreldən, yanvaradək...), harmony left loose: the stems are distinctive enough.
AZ_MONTH_SUFFIX = morphology.LOOSE_NOUN_ENDINGS
AZ_MON = rf"(?i:(?:{alt(AZ_MONTHS, True)}){AZ_MONTH_SUFFIX}){NAZ}"
AZ_MON_NOM = rf"(?i:{alt(AZ_MONTHS, True)}){NAZ}"
# A short name beside a day and a year ("10 İyn 2019", "21 iyl 2001", "5 dek. 2023").
AZ_MON_SHORT = rf"(?i:{alt(calendar.MONTH_SHORT_FORMS, True)})(?:\.|{NAZ})"
AZ_MON_GEN = rf"(?i:(?:{alt(AZ_MONTHS, True)})[ıiuü]n){NAZ}"
# The same endings, at least one of them.
AZ_MON_INFLECTED = rf"(?i:(?:{alt(AZ_MONTHS, True)}){AZ_MONTH_SUFFIX.removesuffix('?')}){NAZ}"
AZ_AY = rf"(?:{S}ay{AZW}*)"                # "mart ayında", "yanvar-sentyabr aylarında"
AZ_ORD = rf"{HY}?(?:ci|cı|cu|cü)"
AZ_IL = rf"{S}il(?!k){AZW}*"               # il, ildə, ilin, illərdə, ilə, ilədək (not "ilk")
AZ_POST = rf"(?:{S}(?:qədər|ərzində|dək|etibarən|bəri|kimi){NAZ})?"
AZ_REL = r"(?i:bu|cari|keçən|ötən|gələn|növbəti)"
AZ_NUM = f"(?i:{words_number(AZ_NUMBER_WORDS, True)})"
# Day with its case ending, optionally a range: 22-də, 25-26-da, 22-dən 25-dək.
AZ_DAYS = (rf"(?P<d1>{D})(?:{HY}d[əa]n{S}(?P<d2>{D}){HY}{AZW}+(?:{S}qədər)?"
           rf"|{DASH}(?P<d2b>{D})(?:{HY}{AZW}{{1,6}})?|{HY}{AZW}{{1,6}})?")
# "<year>-ci ilin", "bu ilin", "həmin ilin" (the year of the previous mention), or "ilin" alone
# (the current year; not "hər ilin": every year's).
AZ_REL_OR_SAME = rf"(?:(?P<yr>{AZ_REL})|(?P<ysame>(?i:həmin|eyni)))"
AZ_YEAR_GEN = rf"(?:(?P<y>{Y}){AZ_ORD}{S}|{AZ_REL_OR_SAME}{S}|(?<!hər )(?<!Hər ))(?P<yg>(?i:ilin)){NAZ}"
AZ_COUNT_AFTER = (rf"(?!{S}(?:çox|artıq|az|yaxın|yuxarı|aşağı|nəfər|ədəd|manat|dollar|avro|rubl|ton"
                  rf"|kilometr|km|metr|faiz)\b)")
# What "<year>-ci ilin" / "bu ilin" / "ilin" can be followed by: months, a month range, the
# first N months, a quarter, a half, the beginning/end/middle.
AZ_YEAR_PART = (rf"(?:(?P<mon>{AZ_MON_NOM}){DASH}(?P<mon2>{AZ_MON}){AZ_AY}?"
                rf"|(?P<mon1>{AZ_MON}){AZ_AY}?"
                rf"|(?:(?i:ilk|birinci){S})?(?P<n>{AZ_NUM}){S}(?i:ay){AZW}*"
                rf"|(?P<q>(?i:birinci|ilk|ikinci|üçüncü|dördüncü)|IV|I{{1,3}}|[1-4]{AZ_ORD}){S}(?i:rüb){AZW}*"
                rf"|(?P<h>(?i:birinci|ilk|ikinci)|II|I|[12]{AZ_ORD}){S}(?i:yarı){AZW}*"
                rf"|(?P<b>(?i:əvvəl|son|orta|axır)){AZW}*)")


AZ_RULES: list[tuple[str, str, str]] = [
    # Dates in digits without a year, or a range of them: "10.12.", "14.10-dan", "14-15.10".
    ("az_numeric_range", NUMERIC_RANGE.replace("{until}", "(?!)"), "numeric_range"),
    ("az_numeric_day_month", rf"{NUMERIC_DAY_MONTH}(?:\.(?![0-9])|(?={HY}(?:d[əa]n|d[əa]k|d[əa])(?!{AZW})|{S}tarix))",
     "numeric"),
    # (name, pattern, builder)
    # Seasons: "yazda", "2019-cu ilin yayında", "bu yay", "ötən qışda", "gələn payız".
    ("az_season", rf"(?:(?P<mdir>{AZ_REL}){S}|(?P<y>{Y}){AZ_ORD}{S}(?i:ilin){S}|{AZ_REL_OR_SAME}{S}(?i:ilin){S})?"
                  rf"(?P<season>(?i:yaz|yay|payız|qış))(?:(?i:ında|ında|ın|da|dan|a|ı)){NAZ}", "season"),
    ("az_season_bare", rf"(?P<mdir>{AZ_REL}){S}(?P<season>(?i:yaz|yay|payız|qış)){NAZ}", "season"),
    ("az_rel_year_month_day", rf"{AZ_REL_OR_SAME}{S}(?i:il(?:in)?){S}(?P<mon>{AZ_MON_GEN}){S}{AZ_DAYS}", "cal"),
    ("az_rel_year_day_month", rf"{AZ_REL_OR_SAME}{S}(?i:il(?:in)?){S}{AZ_DAYS}{S}(?P<mon>{AZ_MON})", "cal"),
    ("az_year_month_day", rf"(?P<y>{Y}){AZ_ORD}{S}il(?:in)?{S}(?P<mon>{AZ_MON_GEN}){S}{AZ_DAYS}", "cal"),
    ("az_year_day_month", rf"(?P<y>{Y}){AZ_ORD}{S}il(?:in)?,?{S}{AZ_DAYS}{S}(?P<mon>{AZ_MON})", "cal"),
    # A stamp with the year first: "2024, 29 Mart" (its weekday is attached after it).
    ("az_year_comma_day_month", rf"(?P<y>{Y}),{S}(?P<d1>{D}){S}(?P<mon>{AZ_MON_NOM}|{AZ_MON_SHORT})", "cal"),
    ("az_same_period", rf"(?:(?P<y>{Y}){AZ_ORD}|(?P<yr>(?i:ötən|keçən|əvvəlki))){S}il(?:in)?{S}"
                       rf"(?i:eyni|müvafiq|analoji|həmin|uyğun){S}(?:(?i:dövr){AZW}*|(?P<pm>(?i:ay)(?:ı|ın|ında|da)?){NAZ})",
     "same_period"),
    ("az_year_part", rf"{AZ_YEAR_GEN}{S}{AZ_YEAR_PART}", "cal"),
    # Without "ilin": "birinci rübdə", "ikinci rübün sonunda", "birinci yarımildə" (not "yarı"
    # alone: "yarı yolda" is halfway).
    ("az_quarter", rf"(?P<q>(?i:birinci|ilk|ikinci|üçüncü|dördüncü)|IV|I{{1,3}}|[1-4]{AZ_ORD}){S}(?i:rüb){AZW}*"
                   rf"(?:{S}(?i:əvvəl|son|orta|axır){AZW}*)?", "cal"),
    ("az_half_year", rf"(?P<h>(?i:birinci|ilk|ikinci)|II|I|[12]{AZ_ORD}){S}(?i:yarımil){AZW}*", "cal"),
    ("az_year_month_nom", rf"(?P<y>{Y}){AZ_ORD}{S}il{S}(?P<mon>{AZ_MON}){AZ_AY}?", "cal"),
    ("az_year_range", rf"(?P<y>{Y})(?:{AZ_ORD})?{DASH}(?P<yb>{Y}){AZ_ORD}{AZ_IL}{AZ_POST}", "cal"),
    # "90-cı illərdə": a decade written with two digits (the 1950s-1990s).
    ("az_decade_short", rf"(?P<dd>[5-9]0){AZ_ORD}{S}(?P<il>(?i:illər){AZW}*)", "cal"),
    ("az_year_from_to", rf"(?P<y>{Y})(?:{AZ_ORD}{S}il{HY}?|{HY})d[əa]n{S}(?P<yb>{Y})(?:{AZ_ORD}{S}il|{HY})"
                        rf"(?:[əa]|y[əa])?(?:d[əa]k|{S}(?:qədər|kimi)){NAZ}", "cal"),
    ("az_year_coordinated", rf"(?P<y>{Y})(?=(?:{S0},{S0}{Y})*(?:{S0},{S0}|{S}(?:və|və ya|ya|yaxud){S}){Y}{AZ_ORD}{S}il)", "cal"),
    ("az_year", rf"(?P<y>{Y}){AZ_ORD}(?P<il>{AZ_IL}){AZ_POST}", "cal"),
    ("az_year_suffixed", rf"(?P<y>{Y}){HY}(?:d[əa]n|d[əa]k|d[əa]|[ıiuü]n|[əa]|y[əa]){NAZ}{AZ_COUNT_AFTER}", "cal"),
    ("az_day_month_range", rf"(?P<d1>{D}){S}(?P<mon>{AZ_MON_NOM}){DASH}(?P<d2>{D}){S}(?P<mon2>{AZ_MON})"
                           rf"(?:{S}(?P<y>{Y})(?:{AZ_ORD}(?:{AZ_IL})?)?)?", "cal"),
    ("az_day_month", rf"{AZ_DAYS}{S}(?P<mon>{AZ_MON})(?:{S}(?P<y>{Y})(?:{AZ_ORD}(?:{AZ_IL})?)?)?", "cal"),
    ("az_day_short_month_year", rf"(?P<d1>{D}){S}(?P<mon>{AZ_MON_SHORT}){S0}(?P<y>{Y})", "cal"),
    # The month first, a bare day after it: "fevral 9", "Bakı, fevral 9, 2022" (not "fevral 9 faiz").
    ("az_month_first_day", rf"(?P<mon>{AZ_MON_NOM}){S}(?P<d1>{D})(?:,?{S}(?P<y>{Y})|(?={S0}(?:[,.;:()]|$)))", "cal"),
    ("az_month_day", rf"(?P<mon>{AZ_MON_GEN}|{AZ_MON_NOM}(?={S}(?i:ayının)))(?:{S}(?i:ayının))?{S}{AZ_DAYS}", "cal"),
    ("az_month_range", rf"(?P<mon>{AZ_MON_NOM}){DASH}(?P<mon2>{AZ_MON}){AZ_AY}", "cal"),
    ("az_rel_month", rf"(?P<mdir>(?i:keçən|ötən|gələn)){S}(?P<mon>{AZ_MON})", "cal"),
    # A month alone must carry a case ending or "ay"; the names Marta and Maya are not months.
    ("az_month", rf"(?!(?:Marta|Maya){NAZ})(?P<mon>{AZ_MON_INFLECTED}|{AZ_MON_NOM}(?={AZ_AY})){AZ_AY}?(?![-‐](?i:xırda))"
                 rf"(?:{S}(?i:əvvəl|son|orta|axır){AZW}*)?", "cal"),
    # "həmin gün", "eyni ayda", "həmin (yubiley) il" take the date of the previous mention (not
    # "həmin ayın 5-də": a day of that month); "həftəsonu" is Saturday and Sunday.
    ("az_anaphor", rf"(?i:(?:həmin|eyni){S}(?:(?P<ud>gün(?:ü|də|dən)?)|(?:yubiley{S})?(?P<uy>il(?:in|ində|də|i)?)"
                   rf"|(?P<um>ay(?:ı|da|ın|ında)?(?!{S}[0-9])))|(?<!hər )(?<!Hər )(?P<we>həftə{S0}son(?:u|una|unda|undan))){NAZ}",
     "anaphor"),
    # "bu ayın 15-də", "ayın sonunda" (the end of this month; not "hər ayın": every month's).
    ("az_rel_month_day", rf"(?:(?P<yr>(?i:bu|cari|keçən|ötən|gələn)){S}|(?<!hər )(?<!Hər ))(?i:ayın){S}"
                         rf"(?:{AZ_DAYS}|(?P<mb>(?i:sonu|əvvəli|ortası|axırı){AZW}*))", "month_day_rel"),
    # Also "ötən həftə sonu" (the weekend, not the week), "bu yubiley ilində" (the year of the
    # anniversary just named) and the year adjectives "builki", "keçən ilki", "bildirki".
    ("az_rel_unit", rf"(?P<yr>{AZ_REL}|(?i:bildir)(?=ki)){S0}(?:(?<!\w)(?P<unit>(?i:həftə{S0}son(?:u|una|unda|undan)"
                    rf"|(?P<uj>yubiley){S}il(?:in|ində|də|i)?|il(?:in|də|dən|ə|i|dək|ədək|inədək|lə)?|ay(?:ın|da|dan|a|ı|la)?"
                    rf"|həftə(?:nin|də|dən|yə|ni)?)){NAZ}|(?P<adj>(?i:(?<=bildir)ki|il(?:dəki|ki))){NAZ})", "rel_unit"),
    ("az_day_rel", rf"(?P<w>(?i:bu{S}gün|bugün|dünən|srağagün|birigün|ötən{S}gün|keçən{S}gün)|sabah|Sabah)"
                   rf"(?:k[ıiü])?{NAZ}(?!{S}(?i:qəzet|klub|FK|futbol|komanda|qrup|holdinq|TV|televiziya))", "day_rel"),
    # "N il əvvəl" (ago), or years counted from a date of the text, "bir il sonra", "üç ildən
    # sonra" (rule az_rel_years_later; one pattern, the number words are tried once), and
    # "ondan iki il əvvəl" (two years before that).
    # "son 5 ildə", "yaxın iki ildə", "növbəti üç ayda": the N whole units before or after the current one.
    ("az_span", rf"(?P<yr>(?i:son|ötən|keçən|gələn|növbəti|yaxın)){S}(?P<n>{AZ_NUM}){S}(?P<unit>(?i:il|ay|gün|həftə)){AZW}*",
     "span"),
    # "bir ay sonra", "10 gün sonra", "iki həftədən sonra": counted from the publication date.
    ("az_offset", rf"(?P<n>{AZ_NUM}){S}(?P<unit>(?i:ay|gün|həftə))(?:d[əa]n)?{S}(?i:sonra){NAZ}", "offset"),
    ("az_ago", rf"(?P<n>{AZ_NUM}){S}(?:(?P<unit>(?i:onillik|il|ay|gün|həftə)){S}(?:bundan{S})?(?P<ago>(?i:əvvəl|öncə)){NAZ}"
               rf"|(?P<unit2>(?i:onillik|il))(?:d[əa]n)?{S}(?P<w>(?i:sonra)){NAZ})", "ago"),
    ("az_rel_years_from", rf"(?i:ondan){S}(?P<n>{AZ_NUM}){S}(?P<unit>(?i:onillik|il))(?:d[əa]n)?{S}"
                          rf"(?P<w>(?i:əvvəl|öncə|sonra)){NAZ}", "rel_year"),
    # Holidays as dates: in the locative or "until" ("Novruz bayramında", "Qələbə Günündə",
    # "Yeni il bayramınadək"), not as names ("Qələbə Günü münasibətilə", "Gününə həsr olunmuş").
    ("az_holiday", rf"(?P<hol>(?:Qələbə|Müstəqillik|Müstəqilliyin{S}Bərpası|Respublika|Rusiya|"
                   rf"Dünya{S}Azərbaycanlılarının{S}Həmrəylik|(?:Beynəlxalq{S})?Qadınlar){S}(?i:gün)"
                   rf"(?i:ündə|ünədək|ünə{S}qədər)"
                   rf"|(?:Novruz|Yeni{S}il){S}(?i:bayram)(?i:ında|ınadək|ına{S}qədər|ı{S}günlərində)|Novruzda|Novruzadək){NAZ}",
     "holiday"),
    ("az_weekday", rf"(?P<wd>(?i:bazar{S}ertəsi|çərşənbə{S}axşamı|cümə{S}axşamı|çərşənbə|cümə|şənbə|bazar{S}günü))"
                   rf"{AZW}*(?:{S}günü{AZW}*)?(?!{S}(?i:məscid|namaz))", "weekday"),
]


RULES = AZ_RULES
GATES: dict[str, tuple[str, ...]] = {}
SPAN_COUNT_WORDS: dict[str, int] = {}


# ---------------------------------------------------------------------------------------------
# Date words and their values (transforms/dates/lexicon.py looks them up).
# Relative year/month/week words -> offset from the reference period; a key is the word with
# its ending cut to a stem the grammar guarantees.
RELATIVE_WORDS = {"bu": 0, "cari": 0, "keçən": -1, "ötən": -1, "gələn": 1, "növbəti": 1, "bildir": -1}
# Direction words before a month, weekday or weekend ("keçən dekabrda", "gələn həftə sonu") by
# their stems: past, future or this one.
DIRECTIONS = {"past": ("keçən", "ötən", "son"), "future": ("gələn", "növbəti", "yaxın"), "this": ("bu", "cari")}
# Words of "N years later" (against "N years earlier").
LATER_WORDS = ("sonra",)
# A unit word without a number that still says "one" ("год назад"); none here: a number is required.
SINGULAR_UNITS = ()
# A unit word without a number too vague for a date ("годами позже"); none here.
VAGUE_UNITS = None
# The last of the parts of a year by words other than ordinals ("the last quarter"); none here.
LAST_PART_WORDS = ()
# Decades by their words; none here ("90-cı illər" is read by its digits).
DECADE_WORDS = None
# Abbreviated years by their first letter; none here.
YEAR_ABBREVIATIONS: dict[str, int] = {}
# The plural ending of "il" that makes a round year a decade ("1990-cı illərdə").
PLURAL_YEARS = re.compile("lər")
# Separators after which a date in digits puts the month first when both readings are possible: none: always day first.
NUMERIC_MONTH_FIRST = ""
# The number words the rules read as a count of units (lexicon.number_value gives their values).
NUMBER_WORDS = AZ_NUMBER_WORDS
# The last of several ("the last Monday of March"), and the next one ("the next day").
LAST_WORDS = ("son", "sonuncu")
NEXT_WORDS = ("ertəsi", "növbəti")
# Deictic day words -> days from the publication date.
DAY_WORDS = {"bu gün": 0, "bugün": 0, "dünən": -1, "sabah": 1, "srağagün": -2, "birigün": 2, "ötən gün": -1,
             "keçən gün": -1}
# Holidays used as dates: a key found in the folded name -> (month, day), tried in order
# ("restoration" before "independence").
HOLIDAYS = (
    ("novruz", (3, 20)), ("yeni il", (1, 1)), ("qələbə", VICTORY), ("bərpa", (10, 18)), ("müstəqillik", INDEPENDENCE),
    ("respublika", (5, 28)), ("rusiya", (6, 12)), ("həmrəylik", (12, 31)), ("qadın", (3, 8)),
)

# Victory Day is 8 November in Azerbaijan (the Karabakh war of 2020) unless the words around it
# speak of the Second World War (VICTORY_WORLD_WAR, any language) or of Karabakh.
VICTORY_DEFAULT = (11, 8)
VICTORY_WORLD_WAR = (r"faşizm", r"ikinci\s+dünya", r"böyük\s+vətən")
VICTORY_KARABAKH = (r"qarabağ", r"44[- ]günlük", r"vətən\s+müharibəsi")
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it
# (stems of the words before it).
OCCASION_WORDS = ()
# An Azerbaijani holiday of another country: a capitalised genitive before it ("Ukraynanın
# Müstəqillik Günündə"), not Azerbaijan's.
HOLIDAY_OF_ANOTHER_COUNTRY = re.compile(r"(?<!\w)(?!Azərbaycan)[A-ZƏÖÜĞŞÇİ]\w*(?:nın|nin|nun|nün)[ \t\u00a0]+$")


def _sabah_is_a_name(text: str, start: int, end: int, word: str) -> bool:
    """"Sabah" with a capital is a name (a newspaper, a club) unless it opens a sentence."""
    if word != "Sabah":
        return False
    before = text[:start].rstrip(" \t\u00a0")
    return bool(before) and before[-1] not in ".!?\n:«“\""


# Day words that are no day where they stand: tests of (text, start, end, the day word) that say so.
DAY_WORD_GUARDS = (_sabah_is_a_name,)
# A year named with "until the end of", "during" is said of the year the text is written in
# ("ilin sonuna qədər", "2018-ci il ərzində").
CURRENT_YEAR_HINT = (r"sonun", r"sonuna", r"ərzində")
# "the weekend" read as a time only after these words (English "over the weekend"); none here.
WEEKEND_THE_AFTER = None

# ---------------------------------------------------------------------------------------------
# What the resolver (transforms/dates/resolve.py) reads around a date in this language.
# Between a relative expression and the date it stands beside ("ago, on 4 April"): none here.
APPOSITION_AFTER: tuple[str, ...] = ()
APPOSITION_BEFORE: tuple[str, ...] = ()
# "bir il əvvəl" after a year of its sentence is "a year before that" ("2024-cü ildə ... artıb, bir
# il əvvəl isə ..."), not a year before publication.
AGO_FROM_SENTENCE_YEAR = True
# "iki il sonra" in a future sentence with no year before it counts from publication ("two years
# from now"): the rules that read it.
LATER_FROM_NOW_IN_FUTURE = ("az_rel_years_later",)
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate (and no past or
# future verb: PAST_OR_FUTURE).
STATE_OF_AFFAIRS = re.compile(r"(?i)(?:əməkdaşlıq|inkişaf)\s+edir|inkişaf\s+etməkdədir|səviyyədədir|biridir")
PAST_OR_FUTURE = re.compile(r"(?i)\w+(?:dı|di|du|dü|tı|ti|tu|tü|ıb|ib|ub|üb|mış|miş|muş|müş)(?:lar|lər|dır|dir)?\b|"
                            r"ac(?:aq|ağ)|əc(?:ək|əy)")
# Anniversary phrases with the number of years: (keyword, number pattern on the 40 characters before
# it, or after it).
ANNIVERSARY = ((re.compile(r"ildönüm"), re.compile(r"(?<!\w)([0-9]{1,3})[-‐]?(?:ci|cı|cu|cü)[ \t]+$"), None),
               (re.compile(r"illiy"), re.compile(r"(?<!\w)([0-9]{1,3})[ \t]+$"), None),
               (re.compile(r" il[ \t]+(?:ötür|tamam[ \t]+olur)(?!\w)"),
                re.compile(r"(?<!\w)([0-9]{1,3}|[^\W\d_]+)[ \t]+$"), None))
# A comparison base before a year ("than in 2016"): not the year the text is in.
COMPARISON_BEFORE = re.compile(r"(?i)(?:nisbətən|müqayisədə)\s+$")
# ... or after it ("2017-ci illə müqayisədə").
COMPARISON_AFTER = re.compile(r"(?i)[ \t]*(?:ilə|[ıiuü]?l[əa])?[ \t]*(?:müqayisədə|nisbətən)"
                              r"|[ \t]+(?:\S+[ \t]+){0,2}(?:analoji|müvafiq)[ \t]+göstərici")
# Reported speech next to a date: the date is when it was said, not when the year's events happened.
REPORTED_BEFORE = re.compile(r"(?!)")
REPORTED_AFTER = re.compile(r"(?i),?[ \t]+(?:\S+[ \t]+){0,3}(?:bildirib|deyib|qeyd[ \t]+edib|açıqlayıb|bəyan[ \t]+edib|"
                            r"söyləyib|vurğulayıb|məlumat[ \t]+verib)(?!\w)")
# Two dates joined into one span: "-dan ... -dək" (the endings of the two), or "... qədər".
RANGE_WORDS = ()
RANGE_FROM_END = re.compile(r"(?i)d[əa]n$")
RANGE_UNTIL_END = re.compile(r"(?i)(?:d[əa]k|qədər|kimi)$")
RANGE_UNTIL_AFTER = re.compile(r"[ \t]+(?:qədər|kimi)(?!\w)")


# ---------------------------------------------------------------------------------------------
# Tense markers (transforms/dates/tense.py).
# Future: auxiliaries, plans and expectations, perfective futures, obligations.
FUTURE = re.compile(
                 r"(?i)(?:ac(?:aq|ağ)|əc(?:ək|əy))|\w(?:malı|məli)(?:dır|dir)?(?!\w)|(?<!\w)(?:növbəti\s+(?:görüş|iclas|səfər|sammit|danışıq)\w*|gözlənilir|gözlənir|"
                 r"planlaşdırılır|planlaşdırılıb|planlaşdırır|nəzərdə\s+tutulur|nəzərdə\s+tutulub|qarşıdan\s+gələn)(?!\w)")
# Nouns of a happening with a word that puts it in the past ("ötən görüş", "əvvəlki iclas").
PAST_PHRASES = re.compile(r"(?i)(?<!\w)(?:ötən|keçən|əvvəlki|sonuncu)\s+(?:görüş|iclas|səfər|sammit|danışıq)\w*")
# A past verb of intent or proposal with its infinitive: past for the agreement, future for what was
# agreed (see transforms/dates/tense.py).
INTENT = re.compile(r"(?i)(?-i:[Mm])(?<=\w[Mm])(?:ağa\s+|əyə\s+|ağı\s+(?=təklif)|əyi\s+(?=təklif))"
                    r"(?:razılaş|qərar(?:a)?\s+(?:ver|al)|söz\s+ver|öhdəlik\s+götür|təklif\s+ed)\w*")
# Past forms by their endings (see the Russian module), and the nouns that end alike.
PAST = re.compile(
    r"(?i)\b(?=\w*(?:[ıiuü][bşr]|[aə]r|d[ıiuü])(?!\w))\w*?(?P<x>"
    r"(?<=\w)(?:ıb|ib|ub|üb)(?:lar|lər)?(?!\w)|(?<=\w)(?:mış|miş|muş|müş)(?:dır|dir|dur|dür|dı|di|du|dü|lar|lər)?(?!\w)"
    r"|(?<=\w\w)[lnrt](?:dı|di|du|dü)(?:lar|lər)?(?!\w)|(?:etdi|oldu|dedi|verdi|gəldi|getdi|aldı|tutdu|qoydu|çıxdı|"
    r"keçdi|başladı|bildirdi|imzaladı|açdı)(?:lar|lər)?(?!\w)|(?<!\w)idi(?:lər)?(?!\w)"
    r"|(?<=\w)(?:ırdı|irdi|urdu|ürdü|ardı|ərdi)(?:lar|lər)?(?!\w))")
NOT_PAST = {"qalib", "sahib", "tərkib", "tərtib", "rəqib", "əcaib", "nəsib", "həbib", "nəcib", "cənub",
                "məğlub", "mətlub", "üslub", "məktub", "qərib", "bəndi", "fərdi", "kəndi", "ordu", "vədi"}
