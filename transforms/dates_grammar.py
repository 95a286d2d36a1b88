"""Finder grammar for date expressions in Azerbaijani, Russian and English news.

Each rule is a regular expression with named groups plus a builder that turns a match into
an unresolved ``Candidate`` (what the words say: explicit parts, offsets, anaphora). All
rules of a language are joined into ONE alternation, tried left to right at each word start,
so one ``finditer`` pass finds every mention without overlaps; the rule's own regex is then
re-run on the hit to read its groups. Order matters: longer, more specific rules come first.

Resolution against the publication date and the text happens in ``transforms.dates``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from transforms.dates_lexicon import (
    AZ_MONTHS, AZ_NUMBER_WORDS, EN_MONTH_ABBREVIATIONS, EN_MONTHS, EN_NUMBER_WORDS, RU_MONTH_ABBREVIATIONS,
    RU_MONTH_FORMS, RU_MONTH_GENITIVE, RU_NUMBER_WORDS, day_offset, month_number, number_value, ordinal_value,
    INDEPENDENCE, VICTORY, fold, holiday_date, relative_offset, weekday_number,
)
from transforms.dates_regex import KeywordGates, fast_literal_groups, guarded_alternation, word_alternation


@dataclass(slots=True)
class Candidate:
    """A date expression as written, before resolution.

    kind: cal (calendar parts, year explicit, relative or from context) | numeric (a written
    date) | day_rel (today...) | week_rel | month_rel | month_day_rel ("bu ayın 15-də") |
    weekday | weekend (Saturday-Sunday) | ago | same_day | same_month | anaphor_year (year of
    the previous mention + offset) | same_period (the previous period in another year) |
    half_year ("за полугодие": the half-year reported on) | rel_year (years before or after
    the latest year the text names: "a year earlier", "спустя год").
    """
    start: int
    end: int
    rule: str
    confidence: float
    kind: str
    granularity: str
    year: int | None = None          # explicit year (first end)
    year2: int | None = None         # explicit year of the second end
    year_offset: int | None = None   # year = reference year + offset
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None
    is_range: bool = False
    direction: str | None = None     # past | future | this: "last June", "в прошлом декабре", "this Friday"
    offset: int = 0                  # days / weeks / months / years for deictic kinds
    unit: str | None = None          # year | month | week | day, for ago / relative units
    weekday: int | None = None
    year_anaphoric: bool = False     # "того же года": the year of the previous mention
    anchors_year: bool = False       # "until the end of 2018", "during 2014": names the current year
    decade: bool = False             # "2010-х годах", "the 1990s": the decade of ``year`` (TIMEX 201X)


# ---------------------------------------------------------------------------------------------
# Shared pieces
S = r"[ \t\u00a0]+"                       # space inside a line
S0 = r"[ \t\u00a0]*"
DASH = rf"{S0}[-‐‑‒–—−]{S0}"               # range dash, with or without spaces
HY = r"[-‐‑–]"                             # hyphen before a case ending: 22-də, 2022-ci
D = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
Y = r"(?:19[0-9]{2}|20[0-9]{2})(?![0-9])"
TH = r"(?:st|nd|rd|th)?"


def _alt(words, ignorecase: bool = False) -> str:
    """The words as one alternation, longer words first (as a prefix tree: see word_alternation);
    ``ignorecase`` when the caller puts it inside ``(?i:...)``."""
    return word_alternation(words, ignorecase)


def _words_number(words, ignorecase: bool = False) -> str:
    """Digits or one or two number words ("twenty five", "iyirmi beş")."""
    w = _alt(words, ignorecase)
    return rf"(?:[0-9]{{1,3}}|(?:{w})(?:[- ](?:{w}))?)"


# ---------------------------------------------------------------------------------------------
# Azerbaijani
AZL = "a-zəıöüğşç"
AZW = rf"[{AZL}A-ZƏIİÖÜĞŞÇ]"
NAZ = rf"(?!{AZW})"
# Case and possessive endings after a month stem (fevralın, iyununda, sentyabrında, yanvarda,
# apreldən, yanvaradək...), harmony left loose: the stems are distinctive enough.
AZ_MONTH_SUFFIX = r"(?:[ıiuü](?:n(?:[ıiuü]n|d[aə]n?|[aə](?:d[əa]k)?)?)?|d[aə]n?|[aə](?:d[əa]k)?|d[aə]k)?"
AZ_MON = rf"(?i:(?:{_alt(AZ_MONTHS, True)}){AZ_MONTH_SUFFIX}){NAZ}"
AZ_MON_NOM = rf"(?i:{_alt(AZ_MONTHS, True)}){NAZ}"
AZ_MON_GEN = rf"(?i:(?:{_alt(AZ_MONTHS, True)})[ıiuü]n){NAZ}"
AZ_MON_INFLECTED = rf"(?i:(?:{_alt(AZ_MONTHS, True)})(?:[ıiuü](?:n(?:[ıiuü]n|d[aə]n?|[aə](?:d[əa]k)?)?)?|d[aə]n?|[aə](?:d[əa]k)?|d[aə]k)){NAZ}"
AZ_AY = rf"(?:{S}ay{AZW}*)"                # "mart ayında", "yanvar-sentyabr aylarında"
AZ_ORD = rf"{HY}?(?:ci|cı|cu|cü)"
AZ_IL = rf"{S}il(?!k){AZW}*"               # il, ildə, ilin, illərdə, ilə, ilədək (not "ilk")
AZ_POST = rf"(?:{S}(?:qədər|ərzində|dək|etibarən|bəri|kimi){NAZ})?"
AZ_REL = r"(?i:bu|cari|keçən|ötən|gələn|növbəti)"
AZ_NUM = f"(?i:{_words_number(AZ_NUMBER_WORDS, True)})"
# Day with its case ending, optionally a range: 22-də, 25-26-da, 22-dən 25-dək.
AZ_DAYS = (rf"(?P<d1>{D})(?:{HY}d[əa]n{S}(?P<d2>{D}){HY}{AZW}+(?:{S}qədər)?"
           rf"|{DASH}(?P<d2b>{D})(?:{HY}{AZW}{{1,6}})?|{HY}{AZW}{{1,6}})?")
# "<year>-ci ilin", "bu ilin", "həmin ilin" (the year of the previous mention), or "ilin" alone
# (the current year; not "hər ilin": every year's).
AZ_REL_OR_SAME = rf"(?:(?P<yr>{AZ_REL})|(?P<ysame>(?i:həmin|eyni)))"
AZ_YEAR_GEN = rf"(?:(?P<y>{Y}){AZ_ORD}{S}|{AZ_REL_OR_SAME}{S}|(?<!hər )(?<!Hər ))(?i:ilin){NAZ}"
AZ_COUNT_AFTER = (rf"(?!{S}(?:çox|artıq|az|yaxın|yuxarı|aşağı|nəfər|ədəd|manat|dollar|avro|rubl|ton"
                  rf"|kilometr|km|metr|faiz)\b)")
# What "<year>-ci ilin" / "bu ilin" / "ilin" can be followed by: months, a month range, the
# first N months, a quarter, a half, the beginning/end/middle.
AZ_YEAR_PART = (rf"(?:(?P<mon>{AZ_MON_NOM}){DASH}(?P<mon2>{AZ_MON}){AZ_AY}?"
                rf"|(?P<mon1>{AZ_MON}){AZ_AY}?"
                rf"|(?:(?i:ilk|birinci){S})?(?P<n>{AZ_NUM}){S}(?i:ay){AZW}*"
                rf"|(?P<q>(?i:birinci|ikinci|üçüncü|dördüncü)|IV|I{{1,3}}|[1-4]{AZ_ORD}){S}(?i:rüb){AZW}*"
                rf"|(?P<h>(?i:birinci|ilk|ikinci)|II|I|[12]{AZ_ORD}){S}(?i:yarı){AZW}*"
                rf"|(?P<b>(?i:əvvəl|son|orta|axır)){AZW}*)")


def _after(*words: str) -> str:
    """Lookbehind: the match follows one of ``words`` (a whole word) and a space. One cheap test
    of the last letter comes first: most positions fail it, and then no word is tried."""
    last = "".join(sorted({re.escape(w[-1]) for w in words}))
    return rf"(?<=[{last}][ \t\u00a0])(?:" + "|".join(rf"(?<=\b{w}[ \t\u00a0])" for w in words) + ")"


AZ_RULES: list[tuple[str, str, str]] = [
    # (name, pattern, builder)
    ("az_rel_year_month_day", rf"{AZ_REL_OR_SAME}{S}(?i:il(?:in)?){S}(?P<mon>{AZ_MON_GEN}){S}{AZ_DAYS}", "cal"),
    ("az_rel_year_day_month", rf"{AZ_REL_OR_SAME}{S}(?i:il(?:in)?){S}{AZ_DAYS}{S}(?P<mon>{AZ_MON})", "cal"),
    ("az_year_month_day", rf"(?P<y>{Y}){AZ_ORD}{S}il(?:in)?{S}(?P<mon>{AZ_MON_GEN}){S}{AZ_DAYS}", "cal"),
    ("az_year_day_month", rf"(?P<y>{Y}){AZ_ORD}{S}il(?:in)?,?{S}{AZ_DAYS}{S}(?P<mon>{AZ_MON})", "cal"),
    ("az_same_period", rf"(?:(?P<y>{Y}){AZ_ORD}|(?P<yr>(?i:ötən|keçən|əvvəlki))){S}il(?:in)?{S}"
                       rf"(?i:eyni|müvafiq|analoji|həmin|uyğun){S}(?:(?i:dövr){AZW}*|(?P<pm>(?i:ay)(?:ı|ın|ında|da)?){NAZ})",
     "same_period"),
    ("az_year_part", rf"{AZ_YEAR_GEN}{S}{AZ_YEAR_PART}", "cal"),
    # Without "ilin": "birinci rübdə", "ikinci rübün sonunda", "birinci yarımildə" (not "yarı"
    # alone: "yarı yolda" is halfway).
    ("az_quarter", rf"(?P<q>(?i:birinci|ikinci|üçüncü|dördüncü)|IV|I{{1,3}}|[1-4]{AZ_ORD}){S}(?i:rüb){AZW}*"
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
                    rf"|yubiley{S}il(?:in|ində|də|i)?|il(?:in|də|dən|ə|i|dək|ədək|inədək)?|ay(?:ın|da|dan|a|ı)?"
                    rf"|həftə(?:nin|də|dən|yə|ni)?)){NAZ}|(?P<adj>(?i:(?<=bildir)ki|il(?:dəki|ki))){NAZ})", "rel_unit"),
    ("az_day_rel", rf"(?P<w>(?i:bu{S}gün|bugün|dünən|srağagün|birigün|ötən{S}gün|keçən{S}gün)|sabah|Sabah)"
                   rf"(?:k[ıi])?{NAZ}(?!{S}(?i:qəzet|klub|FK|futbol|komanda|qrup|holdinq|TV|televiziya))", "day_rel"),
    # "N il əvvəl" (ago), or years counted from a date of the text, "bir il sonra", "üç ildən
    # sonra" (rule az_rel_years_later; one pattern, the number words are tried once), and
    # "ondan iki il əvvəl" (two years before that).
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

# ---------------------------------------------------------------------------------------------
# Russian. Spans start at the date words, not at "в", "с", "до", "на": those are very frequent
# word starts and carry no part of the value.
RUW = r"[а-яёА-ЯЁ]"
NRU = rf"(?!{RUW})"
RU_GEN = rf"(?i:{_alt(RU_MONTH_GENITIVE, True)}){NRU}"
RU_ABBR = rf"(?i:{_alt(RU_MONTH_ABBREVIATIONS, True)})(?:\.|{NRU})"
RU_ANY = rf"(?i:{_alt(RU_MONTH_FORMS, True)}){NRU}"
RU_YEAR_MARK = rf"(?:{HY}?(?:го|му|м|й){NRU})?(?:{S}(?i:года|году|год|годом|годах|годы|годов|годам){NRU}|{S0}гг?\.|{S0}г{NRU})"
RU_REL_ADJ = r"(?i:этого|текущего|нынешнего|прошлого|минувшего|позапрошлого|следующего|будущего|уходящего|наступившего)"
# The year that completes a day or month: "2022 года", "2022", "прошлого года", "того же года".
# "с.г." / "т.г." (сего / текущего года) and "п.г." (прошлого года) in official texts.
RU_DECADE_END = rf"{HY}(?:х|е|ых|ые){NRU}"              # "2010-х", "1990-е": a decade, not a year
RU_DECADE_YEARS = r"(?i:годах|годов|годы|годам|гг\.)"
RU_YEAR_REF = (rf"(?:(?P<y>{Y})(?!{RU_DECADE_END})(?:{RU_YEAR_MARK})?|(?P<yr>{RU_REL_ADJ}){S}(?i:года){NRU}"
               rf"|(?P<ysame>(?i:того{S}же)){S}(?i:года){NRU}|(?P<yabbr>[стп]\.{S0}г\.))")
RU_NUM = f"(?i:{_words_number(RU_NUMBER_WORDS, True)})"
RU_DAY_END = rf"(?:{HY}?(?:го|е|й|м){NRU})?"          # "1-го января", "с 1-го по 5-е мая"
RU_ORD_Q = rf"(?:(?i:перв|втор|трет|четв){RUW}*|IV|I{{1,3}}|[1-4](?:{HY}?{RUW}{{1,2}})?)"

RU_RULES: list[tuple[str, str, str]] = [
    ("ru_day_month_range", rf"(?P<d1>{D}){RU_DAY_END}{S}(?P<mon>{RU_GEN}){S0}(?:[-‐–—]|{S}(?i:по|до)){S0}"
                           rf"(?P<d2>{D}){RU_DAY_END}{S}(?P<mon2>{RU_GEN})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_day_month", rf"(?:(?P<d1a>{D}){RU_DAY_END}{S}(?i:по|до){S}(?P<d2a>{D}){RU_DAY_END}"
                     rf"|(?P<d1>{D}){RU_DAY_END}(?:{DASH}(?P<d2>{D}){RU_DAY_END})?)"
                     rf"{S0}(?P<mon>{RU_GEN}|{RU_ABBR})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_same_period", rf"(?i:аналогичн{RUW}*|т(?:от|ого|ом|ем){S}же|таки?(?:м|х|ой|ого){S}же){S}(?:(?i:период)|(?P<pm>(?i:месяц))){RUW}*{S}"
                       rf"(?:(?P<yr>(?i:прошлого|предыдущего|минувшего|позапрошлого)){S}(?i:года)|(?P<y>{Y}){S0}(?:(?i:года)|г\.))", "same_period"),
    ("ru_quarter", rf"(?P<q>{RU_ORD_Q}){S}(?i:квартал){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_half_year", rf"(?P<h>{RU_ORD_Q}){S}(?i:полугоди){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_half", rf"(?P<h>(?i:перв|втор){RUW}*){S}(?i:половин){RUW}*{S}{RU_YEAR_REF}", "cal"),
    # "за полугодие", "по итогам полугодия": the reporting half-year (not "за полугодие до
    # выборов", half a year before something).
    ("ru_half_year_bare", rf"(?=(?:(?i:истекш|прошедш|минувш|отч[её]тн){RUW}*{S})?(?i:полугоди)){_after('за', 'За', 'итогам', 'итоги', 'Итоги')}"
                          rf"(?:(?i:истекш|прошедш|минувш|отч[её]тн){RUW}*{S})?(?i:полугоди[ея]){NRU}"
                          rf"(?!{S}(?i:до|после|назад|спустя|[0-9]){NRU})", "half_year"),
    ("ru_first_months", rf"(?i:первы[ехм]){RUW}*{S}(?P<n>{RU_NUM}){S}(?i:месяц){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_months_of_year", rf"{_after('за', 'За')}(?P<n>{RU_NUM}){S}(?i:месяц){RUW}*{S}{RU_YEAR_REF}", "cal"),
    ("ru_boundary_month", rf"(?P<b>(?i:начал|конц|середин)){RUW}*{S}(?P<mon>{RU_GEN})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_boundary_year", rf"(?P<b>(?i:начал|конц|середин|итог)){RUW}*{S}"
                         rf"(?:{RU_YEAR_REF}|(?P<the>(?i:года|текущего{S}года)){NRU}"
                         rf"|(?:(?P<mrel>(?i:этого|текущего|следующего|прошлого)){S})?(?i:месяца){NRU})", "cal"),
    ("ru_month_range", rf"(?P<mon>{RU_ANY}){S0}[-‐–—]{S0}(?P<mon2>{RU_ANY})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_rel_month", rf"(?P<mdir>(?i:прошл|минувш|эт|текущ|нынешн|следующ|будущ){RUW}*){S}(?P<mon>{RU_ANY})", "cal"),
    ("ru_month", rf"(?P<mon>{RU_ANY})(?:{S}{RU_YEAR_REF})?", "cal"),
    # "2010-х годах", "90-е годы" (two digits: the 1950s-1990s, with "годы").
    ("ru_decade", rf"(?:(?P<dec>(?:19|20)[0-9]0){RU_DECADE_END}(?:{S}{RU_DECADE_YEARS})?"
                  rf"|(?P<dd>[5-9]0){RU_DECADE_END}{S}{RU_DECADE_YEARS})", "cal"),
    ("ru_year_from_to", rf"(?P<y>{Y})(?:{S}(?i:года)|{S0}г\.)?{S}(?i:по|до){S}(?P<yb>{Y})"
                        rf"{S0}(?:(?i:год){RUW}*|гг?\.|г{NRU})", "cal"),
    ("ru_year_range", rf"(?P<y>{Y})(?:{HY}?(?:го|й))?{DASH}(?P<yb>{Y})(?:{HY}?(?:го|й|м))?"
                      rf"(?:{S0}(?:(?i:год){RUW}*|гг?\.|г{NRU}))?(?!{HY})", "cal"),
    ("ru_year_coordinated", rf"(?P<y>{Y})(?=(?:{S0},{S0}{Y})*(?:{S0},{S0}|{S}(?:и|или){S}){Y}{S0}(?:годах|годы|годов|гг\.))", "cal"),
    ("ru_year", rf"(?P<y>{Y})(?:{HY}(?:го|му|м|й){NRU}(?:{S}(?i:года|году|год){NRU})?|{RU_YEAR_MARK})", "cal"),
    ("ru_year_after_preposition", rf"{_after('в', 'В', 'с', 'С', 'к', 'К')}(?P<y>{Y})"
                                  rf"(?={S0}(?:[.,;:!?)»\"]|$)|{S}(?:и|или|—|–){S})", "cal"),
    ("ru_previous_year", rf"(?i:предыдущ|предшествующ){RUW}*{S}(?i:год){RUW}*", "anaphor_year"),
    # "в тот же день", "в том же году / месяце", "в этот юбилейный год": the previous mention's.
    ("ru_anaphor", rf"(?i:(?P<ud>т(?:от|от{S}же)|эт(?:от|от{S}же)){S}(?:самый{S})?день"
                   rf"|(?P<uy>том{S}же{S}году|(?:эт|т)(?:от|ом){S}юбилейн{RUW}*{S}год{RUW}*)"
                   rf"|(?P<um>т(?:от|ом|ого|ем){S}же{S}месяц(?:е|а)?)){NRU}", "anaphor"),
    ("ru_rel_unit", rf"(?P<yr>(?i:эт|текущ|нынешн|прошл|минувш|позапрошл|следующ|будущ|уходящ|наступивш){RUW}*)"
                    rf"{S}(?P<unit>(?i:год|года|году|годом|месяц|месяца|месяце|месяцем|недел{RUW}*)){NRU}", "rel_unit"),
    # "N лет назад" (ago), or years counted from a date of the text, "пять лет спустя" (rule
    # ru_rel_years_after_post; one pattern, the number words are tried once).
    ("ru_ago", rf"(?:(?P<n>{RU_NUM}){S})?(?:(?P<unit>(?i:лет|года?|десятилети{RUW}*|месяц{RUW}*|"
               rf"недел{RUW}*|дн{RUW}*|день)){S}(?:(?i:тому){S})?(?P<ago>(?i:назад)){NRU}"
               rf"|(?P<unit2>(?i:год|года|лет|десятилети{RUW}*)){S}(?P<w>(?i:спустя)){NRU})", "ago"),
    # Years counted from a date of the text: "годом ранее", "двумя годами позже", "спустя год",
    # "пять лет спустя" (not "позже срока": later than a deadline).
    ("ru_rel_years", rf"(?:(?P<n>(?i:двумя|тремя|четырьмя|пятью|шестью|семью|восемью|девятью|десятью)|[0-9]{{1,2}}){S})?"
                     rf"(?P<unit>(?i:годом|годами|десятилетием|десятилетиями)){S}(?P<w>(?i:ранее|раньше|позже|позднее)){NRU}"
                     rf"(?!{S}(?i:чем|срока|запланированного){NRU})", "rel_year"),
    ("ru_rel_years_after", rf"(?P<w>(?i:спустя)){S}(?:(?P<n>{RU_NUM}){S})?(?P<unit>(?i:год|года|лет|десятилети{RUW}*)){NRU}", "rel_year"),
    ("ru_day_rel", rf"(?P<w>(?i:позавчера|послезавтра|вчера|сегодня|завтра|накануне)){NRU}", "day_rel"),
    # Holidays as dates, after a preposition of time ("в День Победы", "ко Дню России", "на
    # Новый год", "до Новруза"; not "с Днем Победы", a greeting, nor "Новый год" as a name).
    ("ru_holiday", rf"(?=(?:(?i:праздник)\w*{S})?(?:(?i:д(?:ень|ня|ню|нем|нём)){S}|Нов|(?i:международн))){_after('в', 'В', 'во', 'Во', 'на', 'На', 'к', 'К', 'ко', 'Ко', 'до', 'До', 'после', 'После')}"
                   rf"(?:(?i:праздник)(?:а|у|ом)?{S})?"
                   rf"(?P<hol>(?i:д(?:ень|ня|ню|нем|нём)){S}(?:Победы|России|(?:Республики|(?i:независимости))(?:{S}(?:России|Азербайджана))?"
                   rf"|(?i:восстановления{S}независимости)|(?i:солидарности{S}азербайджанцев{S}мира))"
                   rf"|Нов(?:ый|ого|ому|ым){S}(?i:год(?:а|у|ом)?)|Новруз(?:а|у|ом)?(?:[ -](?i:байрам(?:а|у|ом)?))?"
                   rf"|(?i:международн{RUW}*{S}женск{RUW}*{S}д(?:ень|ня|ню|нем|нём))){NRU}"
                   rf"(?!{S}[А-ЯЁ])", "holiday"),                                      # (not "... Украины")
    # "в среду" is Wednesday, "среду" alone may be "environment": the preposition is required,
    # and "на среду" is too often "on the environment" ("в ночь на вторник" is a day). Also
    # "на выходных", "в минувшие выходные" (Saturday-Sunday; not "в выходные дни", days off).
    ("ru_weekday", rf"(?=(?:(?i:прошл|минувш|следующ|эт|ближайш|предстоящ|нынешн)\w*{S})?"
                   rf"(?i:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|выходн))"
                   rf"{_after('в', 'В', 'во', 'Во', 'на', 'На')}"
                   rf"(?:(?P<wmod>(?i:прошл|минувш|следующ|эт|ближайш|предстоящ|нынешн){RUW}*){S})?"
                   rf"(?:(?P<wd>(?i:понедельник|вторник|(?<!на )(?<!На )среду|четверг|пятницу|субботу|воскресенье))"
                   rf"|(?P<we>(?i:выходн(?:ых|ые)))(?!{S}(?i:и|дни|день|дня|дням|днях){NRU})){NRU}", "weekday"),
    # "с понедельника", "до пятницы", "к среде" (not "к среде обитания"); a weekday named after a
    # date ("22 февраля 2022 года, вторник") is that day.
    ("ru_weekday_case", rf"(?=(?:(?i:прошл|следующ|ближайш|эт)\w*{S})?(?i:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень))"
                        rf"{_after('с', 'С', 'со', 'Со', 'до', 'До', 'к', 'К', 'ко', 'Ко')}"
                        rf"(?:(?P<wmod>(?i:прошл|следующ|ближайш|эт){RUW}*){S})?"
                        rf"(?P<wd>(?i:понедельник[ау]|вторник[ау]|сред[ые]|четверг[ау]|пятниц[ые]|суббот[ые]|воскресень[яю]))"
                        rf"{NRU}(?!{S}(?i:обитани|общени|проживани){RUW}*)", "weekday"),
    ("ru_weekday_after_date", "(?=(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье))(?:" + "|".join(rf"(?<={re.escape(w)},[ \t])" for w in (*RU_MONTH_GENITIVE, "года", "г.", "года)"))
                              + rf"|(?<=[0-9],[ \t]))(?P<wd>(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)){NRU}",
     "weekday"),
]

# ---------------------------------------------------------------------------------------------
# English (month and weekday names are case-sensitive: "may", "march" are verbs). Spans start
# at the date words, not at "the", "on", "from": those are the most frequent word starts.
EN_MON_FULL = rf"(?:{_alt(EN_MONTHS)})(?![A-Za-z])"
EN_MON = rf"(?:{_alt(EN_MONTHS)}|(?:{_alt(EN_MONTH_ABBREVIATIONS)})\.?)(?![A-Za-z])"
EN_REL = r"(?:this|This|last|Last|next|Next|the current|the coming|the previous|the past|the)"
EN_YEAR_REF = rf"(?:(?P<y>{Y})|(?P<yr>{EN_REL}){S}year(?![\w-]))"
# The year after a month or day: ", 2022", "last year", "of the same year".
EN_YEAR_AFTER = (rf"(?:,?{S}(?P<y>{Y})|{S}(?:of{S})?(?P<yr>last|this|next){S}year(?![\w-])"
                 rf"|{S}of{S}(?P<ysame>the{S}same|that){S}year(?![\w-]))")
EN_NUM = _words_number([w for w in EN_NUMBER_WORDS if w not in ("a", "an")])
EN_NUM_I = _words_number([w for w in EN_NUMBER_WORDS if w not in ("a", "an")], True)     # inside (?i:...)
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
    ("en_month", rf"(?={EN_MON_FULL}){_after(*EN_MONTH_PREP)}(?P<mon>{EN_MON_FULL})(?![\w-]){EN_YEAR_AFTER}?", "cal"),
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
    ("en_year_between", rf"{_after('between', 'Between')}(?P<y>{Y}){S}and{S}(?P<yb>{Y})", "cal"),
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
    ("en_holiday", rf"(?=(?:{_alt(EN_HOLIDAY_FIRST_WORDS)})\b){_after(*EN_TIME_PREP, *(p + ' the' for p in EN_TIME_PREP))}"
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
                   rf"|{_after('this', 'This', 'that', 'That', 'the', 'The')}(?:anniversary|jubilee){S}(?P<uj>year))"
                   rf"(?![\w'’-])", "anaphor"),
    # A bare year, unless it is an amount, a code or part of a name ("Expo 2025", "Vision 2030").
    ("en_year", rf"(?<![$€£#№+/.:,\-‐–])(?<!Expo )(?<!EXPO )(?<!Euro )(?<!Vision )(?<!Agenda )(?P<y>{Y})(?!['’]?s\b|[\w%]|[.,][0-9]|/[0-9]|{HY}[0-9]{{2}}(?![0-9])){EN_COUNT_AFTER}", "cal"),
]

# ---------------------------------------------------------------------------------------------
# Rules for every language, tried first: ISO and numeric dates, copyright ranges, "(2008)".
COMMON_RULES: list[tuple[str, str, str]] = [
    ("iso_date", rf"(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])", "numeric"),
    ("numeric_date", rf"(?<![0-9][.,/])(?P<a>[0-3]?[0-9])[./](?P<b>[01]?[0-9])[./](?P<y>{Y})(?![.,]?[0-9])"
                     rf"(?:{S0}(?:г\.|г{NRU}|(?i:года)))?", "numeric"),
    ("copyright_years", rf"©{S0}(?P<y>{Y})(?:{DASH}(?P<yb>{Y}))?", "cal"),
    ("year_in_parentheses", rf"(?<=\()(?P<y>{Y})(?=\))", "cal"),
]
# After the language rules: a plain year range "2003-2022" in any language.
TRAILING_RULES: list[tuple[str, str, str]] = [
    # Also with a two-digit end: "2024/25" (a season or academic year), "2019-24".
    ("year_range_plain", rf"(?<![$€£#№+/.:,\-‐–])(?P<y>{Y})(?:(?:{DASH}|/)(?P<yb>{Y})|(?:/|{HY})(?P<ys>[0-9]{{2}}))"
                         rf"(?![\w%]|[.,][0-9])", "cal"),
]

# ---------------------------------------------------------------------------------------------
# Builders: match groups -> Candidate (or None when the words turn out not to be a date)

_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALF_MONTHS = {1: (1, 6), 2: (7, 12)}
_UNIT_PREFIXES = (("decade", "decade"), ("onillik", "decade"), ("десятилет", "decade"), ("year", "year"), ("il", "year"), ("год", "year"), ("лет", "year"),
                  ("month", "month"), ("ay", "month"), ("меся", "month"),
                  ("week", "week"), ("həftə", "week"), ("недел", "week"),
                  ("day", "day"), ("gün", "day"), ("ден", "day"), ("дн", "day"))
_CONFIDENCE = {"half_year": 0.75, "rel_year": 0.7, "holiday": 0.8, "cal": 0.9, "numeric": 0.95, "day_rel": 0.85, "rel_unit": 0.85, "weekday": 0.8, "ago": 0.8,
               "same_day": 0.7, "anaphor_year": 0.7, "same_period": 0.75, "month_day_rel": 0.8,
               "anaphor": 0.7}


# "until the end of 2018", "during 2014": said of the year the text is written in.
_CURRENT_YEAR_HINT = re.compile(r"(?i)до\s+конца|к\s+концу|в\s+течение|на\s+протяжении|the\s+end\s+of|"
                                r"sonun|sonuna|ərzində")


_YEAR_LIST_BEFORE = re.compile(r"(?:19|20)[0-9]{2}[ \t]*(?:,|və|ya|и|and)[ \t]*$")


_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_TODAYS_WORLD = re.compile(r"[Tt]oday['’]s\s+(?:world|realities|reality|conditions|geopolitical|global)\b")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def _unit(word: str) -> str:
    w = fold(word)
    for prefix, unit in _UNIT_PREFIXES:
        if w.startswith(prefix):
            return unit
    raise KeyError(word)


def _days_in_month(month: int) -> int:
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _build_cal(g: dict, c: Candidate, text: str) -> Candidate | None:
    get = g.get
    if get("mrel") is not None or (get("b") and "месяц" in fold(text[c.start:c.end])):
        c.kind, c.granularity = "month_rel", "month"              # "end of this month", "в конце месяца"
        c.offset = relative_offset(get("mrel")) if get("mrel") else 0
        return c
    year = int(get("y")) if get("y") else None
    year2 = int(get("yb")) if get("yb") else None
    if get("dd"):                                                 # "90-cı illər": the 1990s
        year, c.decade = 1900 + int(get("dd")), True
    elif get("dec"):                                              # "2010-х годах", "the 1990s"
        year, c.decade = int(get("dec")), True
    if get("ys"):                                                 # "2024/25", "2019-24"
        year2 = year - year % 100 + int(get("ys"))
        if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
            return None
    if year is None and year2 is not None:                        # "mid-2024" keeps its year in yb
        year, year2 = year2, None
    if get("yr"):
        c.year_offset = relative_offset(get("yr"))
    elif get("yabbr"):
        c.year_offset = -1 if get("yabbr")[0] == "п" else 0
    elif get("ysame"):
        c.year_anaphoric = True
    elif get("the") or (year is None and not get("mon") and (
            get("n") or get("b") or ((get("q") or get("h")) and c.rule == "az_year_part"))):
        c.year_offset = 0                                         # "ilin sonunda", "с начала года"
    # (A quarter or half without a year, "в первом квартале", takes the year from the sentence
    # or the publication date and the tense, like a month without one.)
    mdir = get("mdir")
    if mdir is None and c.rule == "en_month":                     # "last June", "next May"
        before = _word_before(text, c.start)
        mdir = before if before in ("last", "next", "this") else None
    if mdir:
        w = fold(mdir)
        if w.startswith(("эт", "текущ", "нынешн", "this")):
            c.year_offset = 0
        else:
            c.direction = "past" if w.startswith(("прошл", "минувш", "last", "keçən", "ötən")) else "future"
    c.year, c.year2 = year, year2
    if get("mon") or get("mon1"):
        c.month = month_number(get("mon") or get("mon1"))
        c.month2 = month_number(get("mon2")) if get("mon2") else None
    d1 = get("d1") or get("d1a")
    d2 = get("d2") or get("d2a") or get("d2b")
    if d1:
        c.granularity, c.day = "day", int(d1)
        if d2:
            c.day2 = int(d2)
            c.month2 = c.month2 or c.month
            c.is_range = True
        if c.day > _days_in_month(c.month) or (c.day2 and c.day2 > _days_in_month(c.month2)):
            return None
        if c.is_range and (c.month2, c.day2) == (c.month, c.day):
            return None
    elif c.month:
        c.granularity = "month"
        if c.month2 and c.month2 != c.month:
            c.is_range = True
        else:
            c.month2 = None
    elif get("q") or get("h") or get("n"):
        if get("q"):
            c.month, c.month2 = _QUARTER_MONTHS[min(ordinal_value(get("q")), 4)
                                                if fold(get("q")) not in ("last", "final") else 4]
        elif get("h"):
            h = fold(get("h"))
            c.month, c.month2 = _HALF_MONTHS[2 if h == "latter" else min(ordinal_value(h), 2)]
        else:
            n = number_value(get("n"))
            if not 1 <= n <= 12:
                return None
            c.month, c.month2 = 1, n
        c.granularity, c.is_range = "month", c.month2 != c.month
        if not c.is_range:
            c.month2 = None
    else:
        c.granularity = "year"
        if year is None and c.year_offset is None and not c.year_anaphoric and c.kind == "cal":
            return None
        if year2 is not None:
            if not year < year2 <= year + 60 or ("/" in text[c.start:c.end] and year2 != year + 1):
                return None                                        # "2023/2024" is a season, not a span
            c.is_range = True
        if (get("il") and "lər" in get("il") and year % 10 == 0   # "1990-cı illərdə": a decade,
                and not _YEAR_LIST_BEFORE.search(text, max(0, c.start - 20), c.start)):  # unless "2008 və 2010-cu illərdə"
            c.decade = True
        c.anchors_year = (year2 is None
                          and _CURRENT_YEAR_HINT.search(text, max(0, c.start - 16), c.end) is not None)
    return c


def _build_numeric(g: dict, c: Candidate, text: str) -> Candidate | None:
    year = int(g["y"])
    if g.get("m"):
        month, day = int(g["m"]), int(g["d"])
    else:
        day, month = int(g["a"]), int(g["b"])
        if month > 12 and day <= 12:                               # 02/22/2022: month first
            day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(month)):
        return None
    c.year, c.month, c.day, c.granularity = year, month, day, "day"
    return c


def _build_day_rel(g: dict, c: Candidate, text: str) -> Candidate | None:
    w = g["w"]
    if w == "Sabah":                        # a name (club, newspaper) unless it opens a sentence
        before = text[:c.start].rstrip(" \t\u00a0")
        if before and before[-1] not in ".!?\n:«“\"":
            return None
    if _TODAYS_WORLD.match(text, c.start):  # "today's world": nowadays
        return None
    if fold(w) == "накануне":             # "накануне визита" is "on the eve of", not a day
        nxt = re.match(r"\s*([а-яё]+)", text[c.end:c.end + 40], re.I)
        if nxt and not re.search(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ом|ью)$", nxt.group(1).lower()):
            return None
    c.offset, c.granularity = day_offset(w), "day"
    return c


def _build_rel_unit(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("adj"):                                              # "builki", "keçən ilki": a year
        c.kind, c.granularity, c.year_offset = "cal", "year", relative_offset(g["yr"])
        return c
    word = fold(g.get("unit") or g.get("we"))
    if word.startswith("weekend") or word.startswith("həftə") and "son" in word:
        if g.get("wthe") == "the" and not _WEEKEND_THE.search(text, max(0, c.start - 8), c.start):
            return None                                           # "the weekend programme"
        return _build_weekend({"wmod": g.get("yr") or g.get("wthe") or "-"}, c, text)
    if word.startswith("yubiley"):                                # "bu yubiley ilində"
        c.kind = "anaphor_year"
        return _build_anaphor_year(g, c, text)
    unit = _unit(g["unit"])
    offset = relative_offset(g["yr"])
    if unit == "year":
        c.kind, c.granularity, c.year_offset = "cal", "year", offset
    elif unit == "month":
        c.kind, c.granularity, c.offset = "month_rel", "month", offset
    else:
        c.kind, c.granularity, c.offset, c.is_range = "week_rel", "day", offset, True
    return c


def _build_month_day_rel(g: dict, c: Candidate, text: str) -> Candidate | None:
    offset = relative_offset(g["yr"]) if g.get("yr") else 0
    if g.get("mb"):                                               # "ayın sonunda": this month
        c.kind, c.granularity, c.offset = "month_rel", "month", offset
        return c
    if not g.get("yr"):
        return None                                               # "ayın 15-də" alone: which month?
    c.offset, c.granularity, c.day = offset, "day", int(g["d1"])
    d2 = g.get("d2") or g.get("d2b")
    if d2:
        c.day2, c.is_range = int(d2), True
    return c


def _build_ago(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("unit2"):                      # the years-later branch of the rule
        c.kind, c.rule, c.confidence = "rel_year", _REL_RULE[c.rule], _CONFIDENCE["rel_year"]
        return _build_rel_year({**g, "unit": g["unit2"]}, c, text)
    n = g.get("n")
    if not n and fold(g["unit"]) not in ("год", "месяц", "неделю", "день", "десятилетие"):
        return None                         # "несколько лет назад": vague
    c.offset = number_value(n) if n and fold(n) not in ("a", "an") else 1
    c.unit = _unit(g["unit"])
    if c.offset * (10 if c.unit == "decade" else 1) > 150:     # "1000 il əvvəl" is history, not a date
        return None
    c.granularity = "year" if c.unit in ("year", "decade") else "month" if c.unit == "month" else "day"
    return c


_LATER = ("later", "after", "позже", "позднее", "спустя", "sonra")
_REL_RULE = {"en_ago": "en_rel_years", "ru_ago": "ru_rel_years_after_post", "az_ago": "az_rel_years_later"}


def _build_rel_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    """Years before or after the latest year the text names: ``offset`` is signed."""
    n, unit = g.get("n"), fold(g["unit"])
    if n is None and (unit.endswith(("ами", "лет")) or unit.startswith("десятилети") and not unit.endswith(("е", "ем"))):
        return None                                               # "годами позже", "спустя годы": vague
    years = number_value(n) if n and fold(n) not in ("a", "an") else 1
    if _unit(unit) == "decade":
        years *= 10
    if not 0 < years <= 150:
        return None
    c.offset = years if fold(g["w"]).startswith(_LATER) else -years
    c.granularity = "year"
    return c


def _build_weekday(g: dict, c: Candidate, text: str) -> Candidate | None:
    if g.get("we"):                                               # "на выходных"
        c.kind = "weekend"
        return _build_weekend(g, c, text)
    c.weekday, c.granularity = weekday_number(g["wd"]), "day"
    mod = fold(g.get("wmod") or _word_before(text, c.start))
    if mod.startswith(("last", "прошл", "минувш")):
        c.direction = "past"
    elif mod.startswith(("next", "следующ", "ближайш")):
        c.direction = "future"
    elif mod.startswith(("this", "эт")):
        c.direction = "this"
    return c


def _build_anaphor_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    """"the previous year" (-1), "the following year" (+1), "həmin il", "в том же году" (0)."""
    c.granularity = "year"
    if c.rule in ("en_previous_year", "ru_previous_year"):
        c.offset = 1 if fold(g.get("w") or "") == "following" else -1
    return c


def _build_same_period(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity = "month"
    c.unit = "month" if g.get("pm") else None                     # "the same month": one month, not a span
    if g.get("y"):
        c.year = int(g["y"])
    else:
        c.offset = -1
    return c


def _build_half_year(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity, c.is_range = "month", True
    return c


# Which Victory Day: the end of the Second World War (9 May) or Azerbaijan's victory in the
# Karabakh war (8 November), by the words around it; else the one of the language's country.
_WORLD_WAR = re.compile(r"(?i)great\s+patriotic|world\s+war\s+ii|second\s+world\s+war|\bwwii\b|1945|великой\s+отечественной|"
                        r"втор(?:ой|ая)\s+мировой|фашизм|faşizm|ikinci\s+dünya|böyük\s+vətən")
_KARABAKH = re.compile(r"(?i)karabakh|qarabağ|карабах|44[- ](?:day|дневн|günlük)|vətən\s+müharibəsi|patriotic\s+war\s+of\s+2020")
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it.
# An Azerbaijani holiday of another country: a capitalised genitive before it (not Azerbaijan's).
_OTHER_COUNTRY_BEFORE = re.compile(r"(?<!\w)(?!Azərbaycan)[A-ZƏÖÜĞŞÇİ]\w*(?:nın|nin|nun|nün)[ \t\u00a0]+$")
_OCCASION_BEFORE = re.compile(r"(?i)(?:congratulat|поздрав|приурочен|посвящ|dedicated|timed)\w*[^.!?\n]{0,60}$")


def _build_holiday(g: dict, c: Candidate, text: str) -> Candidate | None:
    if _OCCASION_BEFORE.search(text, max(0, c.start - 80), c.start):
        return None
    if c.rule == "az_holiday" and _OTHER_COUNTRY_BEFORE.search(text, max(0, c.start - 30), c.start):
        return None                                               # "Ukraynanın Müstəqillik Günündə"
    month_day = holiday_date(g["hol"])
    if month_day == VICTORY:
        around = (max(0, c.start - 300), min(len(text), c.end + 300))
        if _WORLD_WAR.search(text, *around):
            month_day = (5, 9)
        elif _KARABAKH.search(text, *around) or c.rule.startswith("az"):
            month_day = (11, 8)
        else:
            month_day = (5, 9)
    elif month_day == INDEPENDENCE:
        c.unit, month_day = "independence", (5, 28)               # 18 October before 2021 (dates._calendar)
    c.kind, c.granularity = "cal", "day"
    c.month, c.day = month_day
    return c


def _build_plain(g: dict, c: Candidate, text: str) -> Candidate | None:
    c.granularity = "day"
    return c


def _build_anaphor(g: dict, c: Candidate, text: str) -> Candidate | None:
    """"the same day / month / year", "həftəsonu": the kind follows the unit word."""
    if g.get("we"):
        c.kind = "weekend"
        return _build_weekend(g, c, text)
    if g.get("ud"):
        c.kind, c.granularity = "same_day", "day"
    elif g.get("um"):
        c.kind, c.granularity = "same_month", "month"
    else:
        c.kind, c.granularity = "anaphor_year", "year"
    return c


# "over the weekend", "for the weekend": "the weekend" as a time, not as a noun ("the weekend programme").
_WEEKEND_THE = re.compile(r"\b(?:at|over|on|during|for)[ \t\u00a0]+$", re.IGNORECASE)


def _build_weekend(g: dict, c: Candidate, text: str) -> Candidate | None:
    """Saturday-Sunday; "last/this/next weekend" fix which one, else the tense does."""
    c.kind = "weekend"
    mod = fold(g.get("wmod") or _word_before(text, c.start))
    if mod.startswith(("last", "past", "прошл", "минувш", "ötən", "keçən")):
        c.direction = "past"
    elif mod.startswith(("next", "coming", "следующ", "ближайш", "предстоящ", "gələn", "növbəti")):
        c.direction = "future"
    elif mod.startswith(("this", "эт", "нынешн", "bu")):
        c.direction = "this"
    c.granularity, c.is_range = "day", True
    return c


_BUILDERS: dict[str, Callable[[dict, Candidate, str], Candidate | None]] = {
    "cal": _build_cal, "day_rel": _build_day_rel, "numeric": _build_numeric, "rel_unit": _build_rel_unit,
    "month_day_rel": _build_month_day_rel, "ago": _build_ago, "weekday": _build_weekday,
    "anaphor_year": _build_anaphor_year, "same_period": _build_same_period, "same_day": _build_plain,
    "half_year": _build_half_year, "rel_year": _build_rel_year, "holiday": _build_holiday,
    "anaphor": _build_anaphor,
}


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern
    builder: str


# Rules that start with a number word ("N years ago", "a year later", "пять лет спустя")
# are tried at most words and match rarely; each can only match where one of its keywords
# stands (in lower case; the gate allows for the letters the engine folds differently). A
# text without any keyword of its language is scanned by a master without those rules, which
# finds the same. (One gate per language: each combination of gates would be a master of its
# own to compile, which costs more than it saves. None in Azerbaijani: "sonra", "əvvəl" are
# in most texts, and lowering a text costs about what the gate would save.)
GATES: dict[str, tuple[str, ...]] = {
    "ru_ago": ("назад", "спустя", "ранее", "раньше", "позже", "позднее"),
    "ru_rel_years": ("назад", "спустя", "ранее", "раньше", "позже", "позднее"),
    "ru_rel_years_after": ("назад", "спустя", "ранее", "раньше", "позже", "позднее"),
    "en_ago": ("ago", "earlier", "later"),
}


class Grammar:
    """All rules of one language joined into one alternation, tried at word starts."""

    def __init__(self, rules: list[tuple[str, str, str]]):
        rules = [(n, fast_literal_groups(p), b) for n, p, b in rules]
        self.rules = [_Rule(n, re.compile(p), b) for n, p, b in rules]
        self._patterns = [re.sub(r"[(][?]P<[a-z0-9_]+>", "(?:", p) for _, p, _ in rules]
        gated: dict[tuple[str, ...], list[int]] = {}
        for i, (name, _, _) in enumerate(rules):
            if name in GATES:
                gated.setdefault(GATES[name], []).append(i)
        self._gates = KeywordGates(gated) if gated else None
        self._gated = [frozenset(ids) for ids in gated.values()]
        self._deep = frozenset().union(*gated.values()) if gated else frozenset()
        self.master = guarded_alternation(self._patterns, self._deep)
        self._masters: dict[tuple[int, ...], re.Pattern] = {}

    def master_for(self, text: str) -> re.Pattern:
        """The master without the gated rules whose keywords ``text`` lacks: it finds the same."""
        if self._gates is None:
            return self.master
        absent = self._gates.absent(text)
        master = self._masters.get(absent)
        if master is None:
            off = frozenset().union(*(self._gated[i] for i in absent))
            master = self._masters[absent] = guarded_alternation(
                [None if i in off else p for i, p in enumerate(self._patterns)], self._deep) if off else self.master
        return master

    def candidates(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.master_for(text).finditer(text):
            rule = self.rules[int(m.lastgroup[1:])]
            own = rule.regex.match(text, m.start())          # the same pattern, with its groups
            c = Candidate(own.start(), own.end(), rule.name, _CONFIDENCE[rule.builder], rule.builder,
                          "day")
            built = _BUILDERS[rule.builder](own.groupdict(), c, text)
            if built is not None:
                out.append(built)
        return out


GRAMMARS = {
    "az": Grammar(COMMON_RULES + AZ_RULES + TRAILING_RULES),
    "ru": Grammar(COMMON_RULES + RU_RULES + TRAILING_RULES),
    "en": Grammar(COMMON_RULES + EN_RULES + TRAILING_RULES),
}
