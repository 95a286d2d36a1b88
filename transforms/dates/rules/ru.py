"""Russian date rules: (name, pattern, builder), longer and more specific rules first.

Month forms, abbreviations and number words come from the language layer (transforms/lang/ru).
"""
from __future__ import annotations

import re

from transforms.dates.pieces import (
    INDEPENDENCE, NOT_AFTER_DIGITS, NUMERIC_DAY_MONTH, NUMERIC_RANGE, VICTORY, DASH, HY, S, S0, D, Y, after, alt, words_number,
)
from transforms.lang import fold_i, get
from transforms.lang.numbers import ORDINAL, UNIT
from transforms.lang.ru import calendar

RU_MONTH_FORMS = tuple(form for row in calendar.MONTHS for form in row)
RU_MONTH_GENITIVE = tuple(row[calendar.GENITIVE] for row in calendar.MONTHS)
RU_MONTH_NOMINATIVE = tuple(row[0] for row in calendar.MONTHS)
RU_MONTH_ABBREVIATIONS = tuple(calendar.MONTH_ABBREVIATIONS)
# Number words of a count of units, in every case ("первых девяти месяцев", "последних двух лет").
RU_NUMBER_WORDS = {**get("ru").cardinals, **{w: int(e.value) for w, e in get("ru").number_words.items()
                                             if e.kind == UNIT and e.value == int(e.value) and e.value <= 90}}
# Russian. Spans start at the date words, not at "в", "с", "до", "на": those are very frequent
# word starts and carry no part of the value.
RUW = r"[а-яёА-ЯЁ]"
NRU = rf"(?!{RUW})"
RU_GEN = rf"(?i:{alt(RU_MONTH_GENITIVE, True)}){NRU}"
RU_ABBR = rf"(?i:{alt(RU_MONTH_ABBREVIATIONS, True)})(?:\.|{NRU})"
RU_ANY = rf"(?i:{alt(RU_MONTH_FORMS, True)}){NRU}"
RU_YEAR_MARK = rf"(?:{HY}?(?:го|му|м|й){NRU})?(?:{S}(?i:года|году|год|годом|годах|годы|годов|годам){NRU}|{S0}гг?\.|{S0}г{NRU})"
RU_REL_ADJ = r"(?i:этого|текущего|нынешнего|прошлого|минувшего|позапрошлого|следующего|будущего|уходящего|наступившего)"
# The year that completes a day or month: "2022 года", "2022", "прошлого года", "того же года".
# "с.г." / "т.г." (сего / текущего года) and "п.г." (прошлого года) in official texts.
RU_DECADE_END = rf"{HY}(?:х|е|ых|ые){NRU}"              # "2010-х", "1990-е": a decade, not a year
RU_DECADE_YEARS = r"(?i:годах|годов|годы|годам|гг\.)"
RU_YEAR_REF = (rf"(?:(?P<y>{Y})(?!{RU_DECADE_END})(?:{RU_YEAR_MARK})?|(?P<yr>{RU_REL_ADJ}){S}(?i:года){NRU}"
               rf"|(?P<ysame>(?i:того{S}же)){S}(?i:года){NRU}|(?P<yabbr>[стп]\.{S0}г\.))")
RU_NUM = f"(?i:{words_number(RU_NUMBER_WORDS, True)})"
RU_DAY_END = rf"(?:{HY}?(?:ого|го|ое|е|ой|й|ом|м){NRU})?"   # "1-го января", "с 1-го по 5-е мая", "5-ого апреля"
# A day in ordinal words: "двадцать первое марта", "Двадцать второго февраля", "тридцатого".
_RU_ORDINAL_DAY_FORMS = [w for w, e in get("ru").number_words.items() if e.kind == ORDINAL and e.value <= 31]
RU_DAY_WORDS = rf"(?i:(?:(?:двадцать|тридцать){S})?(?:{alt(_RU_ORDINAL_DAY_FORMS, True)})){NRU}"
RU_WEEKDAY_ACC = r"(?i:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
RU_WEEKDAY_NOM = r"(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
RU_ORD_Q = rf"(?:(?i:перв|втор|трет|четв){RUW}*|IV|I{{1,3}}|[1-4](?:{HY}?{RUW}{{1,2}})?)"

RU_RULES: list[tuple[str, str, str]] = [
    # Dates in digits without a year, or a range of them: "10.12.", "с 14.10. по 15.10.2018", "14 - 15.10."
    # (not a paragraph number: "п. 3.1.").
    ("ru_numeric_range", NUMERIC_RANGE.replace("{until}", "по|до"), "numeric_range"),
    # ... the first end without its full stop when the second has a year or a two-digit month and its
    # full stop: "14.10 - 15.10.2018", "14.10 - 15.10.".
    ("ru_numeric_range_year", rf"{NOT_AFTER_DIGITS}(?P<d1>[0-3]?[0-9])\.(?P<m1>[01]?[0-9]){S0}(?:[-‐–—]|{S}(?i:по|до){S}){S0}"
                              rf"(?P<d2>[0-3]?[0-9])\.(?P<m2>[01]?[0-9])(?:\.(?P<y>{Y})|(?<=[.][01][0-9])\.(?![0-9]))", "numeric_range"),
    ("ru_numeric_day_month", rf"(?<!п\. )(?<!ст\. )(?<!ч\. ){NUMERIC_DAY_MONTH}\.(?![0-9])", "numeric"),
    ("ru_numeric_day_month_after", rf"{after('с', 'С', 'по', 'до', 'на', 'от', 'к')}{NUMERIC_DAY_MONTH}(?![0-9.,])", "numeric"),
    ("ru_day_month_range", rf"(?P<d1>{D}){RU_DAY_END}{S}(?P<mon>{RU_GEN}|{RU_ABBR}){S0}(?:[-‐–—]|{S}(?i:по|до)){S0}"
                           rf"(?P<d2>{D}){RU_DAY_END}{S}(?P<mon2>{RU_GEN}|{RU_ABBR})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_day_month", rf"(?:(?P<d1a>{D}){RU_DAY_END}{S}(?i:по|до){S}(?P<d2a>{D}){RU_DAY_END}"
                     rf"|(?P<d1>{D}){RU_DAY_END}(?:{DASH}(?P<d2>{D}){RU_DAY_END})?)"
                     rf"{S0}(?P<mon>{RU_GEN}|{RU_ABBR})(?:{S}{RU_YEAR_REF}|{S}(?i:в){S}(?P<yv>{Y}){S}(?i:году){NRU}"
                     rf"|{S}(?P<yy2>[0-9]{{2}})(?={S0}(?:[.;](?![0-9])|$)))?", "cal"),
    # The month first, in the nominative, with a day and a year or ending the phrase: "Апрель 14, 2015",
    # "Понедельник, Февраль 18".
    ("ru_month_day", rf"(?P<mon>(?i:{alt(RU_MONTH_NOMINATIVE, True)})){NRU}{S}(?P<d1>{D})(?:,?{S}(?P<y>{Y})|(?={S0}(?:[.;](?![0-9])|$)))", "cal"),
    ("ru_ordinal_day_month", rf"(?P<dw>{RU_DAY_WORDS}){S}(?P<mon>{RU_GEN})(?:{S}{RU_YEAR_REF})?", "cal"),
    # "во второй понедельник марта", "в последнее воскресенье октября", "в последнюю неделю сентября".
    ("ru_nth_of_month", rf"(?P<nth>(?i:перв|втор|трет|четв[её]рт|пят|последн){RUW}*){S}(?:(?P<wd>{RU_WEEKDAY_ACC}|{RU_WEEKDAY_NOM}"
                        rf"|(?i:воскресень[ея]))|(?P<wk>(?i:недел[юяи]))|(?P<we>(?i:выходны[ех]))|(?P<dy>(?i:день|дня|дню|днём|днем)))"
                        rf"{S}(?P<mon>{RU_GEN})(?:{S}{RU_YEAR_REF})?", "nth_of_month"),
    # "в пятницу следующей недели", "в среду на этой неделе", "во вторник прошлой недели", "среда следующей недели".
    ("ru_weekday_of_week", rf"(?P<wd>{RU_WEEKDAY_ACC}|{RU_WEEKDAY_NOM}){S}(?:(?i:на){S})?(?P<yr>(?i:следующ|эт|прошл|будущ){RUW}*){S}"
                           rf"(?i:недел[еи]){NRU}", "weekday_of_week"),
    # "на следующий день", "на другой день", "за день до того".
    ("ru_next_day", rf"(?:{after('на', 'На')}(?P<w>(?i:следующий|другой)){S}(?i:день)|(?P<w2>(?i:накануне)){S}(?i:вечером))(?!{RUW})",
     "next_day"),
    ("ru_same_period", rf"(?i:аналогичн{RUW}*|т(?:от|ого|ом|ем){S}же|таки?(?:м|х|ой|ого){S}же){S}(?:(?i:период)|(?P<pm>(?i:месяц))){RUW}*{S}"
                       rf"(?:(?P<yr>(?i:прошлого|предыдущего|минувшего|позапрошлого)){S}(?i:года)|(?P<y>{Y}){S0}(?:(?i:года)|г\.))", "same_period"),
    ("ru_quarter", rf"(?P<q>{RU_ORD_Q}){S}(?i:квартал){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_half_year", rf"(?P<h>{RU_ORD_Q}){S}(?i:полугоди){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    # "во второй половине 2019 года", "в первой половине года" (of this year).
    ("ru_half", rf"(?P<h>(?i:перв|втор){RUW}*){S}(?i:половин){RUW}*{S}(?:{RU_YEAR_REF}|(?P<the>(?i:года|текущего{S}года)){NRU})", "cal"),
    # "за полугодие", "по итогам полугодия": the reporting half-year (not "за полугодие до
    # выборов", half a year before something).
    ("ru_half_year_bare", rf"(?=(?:(?i:истекш|прошедш|минувш|отч[её]тн){RUW}*{S})?(?i:полугоди)){after('за', 'За', 'итогам', 'итоги', 'Итоги')}"
                          rf"(?:(?i:истекш|прошедш|минувш|отч[её]тн){RUW}*{S})?(?i:полугоди[ея]){NRU}"
                          rf"(?!{S}(?i:до|после|назад|спустя|[0-9]){NRU})", "half_year"),
    ("ru_first_months", rf"(?i:первы[ехм]){RUW}*{S}(?P<n>{RU_NUM}){S}(?i:месяц){RUW}*(?:{S}{RU_YEAR_REF})?", "cal"),
    # "за / по итогам / в течение девяти месяцев 2023 года": the first N months of that year
    ("ru_months_of_year", rf"{after('за', 'За', 'итогам', 'течение')}(?P<n>{RU_NUM}){S}(?i:месяц){RUW}*{S}{RU_YEAR_REF}",
     "cal"),
    ("ru_boundary_month", rf"(?P<b>(?i:начал|кон(?:ец|ц)|середин)){RUW}*{S}(?P<mon>{RU_GEN})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_boundary_year", rf"(?P<b>(?i:начал|кон(?:ец|ц)|середин|итог)){RUW}*{S}"
                         rf"(?:{RU_YEAR_REF}|(?P<the>(?i:года|текущего{S}года)){NRU}"
                         rf"|(?:(?P<mrel>(?i:этого|текущего|следующего|прошлого)){S})?(?P<bm>(?i:месяца)){NRU})", "cal"),
    ("ru_month_range", rf"(?P<mon>{RU_ANY}){S0}[-‐–—]{S0}(?P<mon2>{RU_ANY})(?:{S}{RU_YEAR_REF})?", "cal"),
    ("ru_rel_month", rf"(?P<mdir>(?i:прошл|минувш|эт|текущ|нынешн|следующ|будущ){RUW}*){S}(?P<mon>{RU_ANY})", "cal"),
    ("ru_month", rf"(?P<mon>{RU_ANY})(?:{S}{RU_YEAR_REF})?", "cal"),
    # An abbreviated month with its year: "янв. 2020", "сент. 2019 г.".
    ("ru_month_abbr_year", rf"(?P<mon>{RU_ABBR}){S0}{RU_YEAR_REF}", "cal"),
    # "2010-х годах", "90-е годы" (two digits: the 1950s-1990s, with "годы").
    ("ru_decade", rf"(?:(?P<dec>(?:19|20)[0-9]0){RU_DECADE_END}(?:{S}{RU_DECADE_YEARS})?"
                  rf"|(?P<dd>[5-9]0){RU_DECADE_END}{S}{RU_DECADE_YEARS})", "cal"),
    # "в девяностые годы", "в нулевых годах", "семидесятых годов".
    ("ru_decade_word", rf"(?P<decw>(?i:двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност|нулев)(?:ые|ых|ым|ыми))"
                       rf"{S}{RU_DECADE_YEARS}{NRU}", "cal"),
    ("ru_year_from_to", rf"(?P<y>{Y})(?:{S}(?i:года)|{S0}г\.)?{S}(?i:по|до){S}(?P<yb>{Y})"
                        rf"{S0}(?:(?i:год){RUW}*|гг?\.|г{NRU})", "cal"),
    ("ru_year_range", rf"(?P<y>{Y})(?:{HY}?(?:го|й))?{DASH}(?P<yb>{Y})(?:{HY}?(?:го|й|м))?"
                      rf"(?:{S0}(?:(?i:год){RUW}*|гг?\.|г{NRU}))?(?!{HY})", "cal"),
    ("ru_year_coordinated", rf"(?P<y>{Y})(?=(?:{S0},{S0}{Y})*(?:{S0},{S0}|{S}(?:и|или){S}){Y}{S0}(?:годах|годы|годов|гг\.))", "cal"),
    ("ru_year", rf"(?P<y>{Y})(?:{HY}(?:го|му|м|й){NRU}(?:{S}(?i:года|году|год){NRU})?|{RU_YEAR_MARK})", "cal"),
    ("ru_year_after_preposition", rf"{after('в', 'В', 'с', 'С', 'к', 'К')}(?P<y>{Y})"
                                  rf"(?={S0}(?:[.,;:!?)»\"]|$)|{S}(?:и|или|—|–){S})", "cal"),
    ("ru_previous_year", rf"(?P<w>(?i:предыдущ|предшествующ){RUW}*){S}(?i:год){RUW}*", "anaphor_year"),
    # "в тот же день", "в том же году / месяце", "в этот юбилейный год": the previous mention's.
    ("ru_anaphor", rf"(?i:(?P<ud>т(?:от|от{S}же)|эт(?:от|от{S}же)){S}(?:самый{S})?день"
                   rf"|(?P<uy>том{S}же{S}году|(?:эт|т)(?:от|ом){S}юбилейн{RUW}*{S}год{RUW}*)"
                   rf"|(?P<um>т(?:от|ом|ого|ем){S}же{S}месяц(?:е|а)?)){NRU}", "anaphor"),
    # Seasons: "летом 2019 года", "весной", "прошлой зимой", "этим летом", "осенью прошлого года",
    # "Отчетный период: зима." (not "лет": years).
    ("ru_season", rf"(?:(?P<mdir>(?i:эт|текущ|нынешн|прошл|минувш|следующ|будущ|прошедш){RUW}*){S})?"
                  rf"(?:(?P<season>(?i:весн(?:ой|ою)|летом|осенью|зимой|зимою))"
                  rf"|(?P<season1>(?i:весн[аеуы]|лет[оауе]|осен[ьи]|зим[аеуы])){NRU}(?={S}(?:{Y}|{RU_REL_ADJ}{S}(?i:года)|(?i:того{S}же)))"
                  rf"|(?<=:[ \t])(?P<season2>(?i:весна|лето|осень|зима))(?={S0}[.;]|$)){NRU}(?:{S}{RU_YEAR_REF})?", "season"),
    # A season in the nominative with a direction word: "это лето", "эта зима", "прошлая осень".
    ("ru_season_nominative", rf"(?P<mdir>(?i:эт[оа]|(?:текущ|нынешн|прошл|минувш|следующ|будущ|прошедш)(?:ее|ое|ая|яя))){S}"
                             rf"(?P<season1>весна|лето|осень|зима){NRU}", "season"),
    ("ru_rel_unit", rf"(?P<yr>(?i:эт|текущ|нынешн|прошл|минувш|позапрошл|следующ|будущ|уходящ|наступивш){RUW}*)"
                    rf"{S}(?P<unit>(?i:год|года|году|годом|месяц|месяца|месяце|месяцем|недел{RUW}*|квартал{RUW}*)){NRU}", "rel_unit"),
    # "N лет назад" (ago), or years counted from a date of the text, "пять лет спустя" (rule
    # ru_rel_years_after_post; one pattern, the number words are tried once).
    # "последние два года", "в ближайшие три месяца", "следующие 3 дня": the N whole units before or
    # after the current one.
    ("ru_span", rf"(?P<yr>(?i:последн|прошедш|следующ|ближайш|предстоящ){RUW}*){S}(?P<n>{RU_NUM}){S}"
                rf"(?P<unit>(?i:дн(?:я|ей)|недел(?:и|ь)|месяц(?:а|ев)|год(?:а)?|лет)){NRU}", "span"),
    # "через 5 месяцев", "через неделю", "через 3 года": counted from the publication date (not "через
    # Иран": a unit of time follows).
    ("ru_offset", rf"(?i:через){S}(?:(?P<n>{RU_NUM}){S})?(?P<unit>(?i:дн(?:я|ей)|день|недел(?:ю|и|ь)|месяц(?:а|ев)?|"
                  rf"год(?:а)?|лет)){NRU}", "offset"),
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
    # "в ходе сегодняшних переговоров", "на сегодняшней встрече": the day of a happening named by its
    # noun (after one adjective at most); not "на сегодняшний день", "в сегодняшних условиях" (nowadays).
    ("ru_todays", rf"(?P<w>(?i:сегодняшн){RUW}+)(?={S}(?:{RUW}+{S})?(?i:переговор|встреч|заседани|визит|саммит|форум|"
                  rf"бесед|разговор|мероприяти|церемони|совещани|пресс-конференци|брифинг|подписани|обсуждени|консультаци))", "end_of_day"),
    # "до конца дня", "к концу дня": today.
    ("ru_end_of_day", rf"{after('до', 'До', 'к', 'К')}(?P<w>(?i:конца|концу)){S}(?i:(?:сегодняшнего{S})?дня){NRU}", "end_of_day"),
    # Holidays as dates, after a preposition of time ("в День Победы", "ко Дню России", "на
    # Новый год", "до Новруза"; not "с Днем Победы", a greeting, nor "Новый год" as a name).
    ("ru_holiday", rf"(?=(?:(?i:праздник)\w*{S})?(?:(?i:д(?:ень|ня|ню|нем|нём)){S}|Нов|(?i:международн))){after('в', 'В', 'во', 'Во', 'на', 'На', 'к', 'К', 'ко', 'Ко', 'до', 'До', 'после', 'После')}"
                   rf"(?:(?i:праздник)(?:а|у|ом)?{S})?"
                   rf"(?P<hol>(?i:д(?:ень|ня|ню|нем|нём)){S}(?:Победы|России|(?:Республики|(?i:независимости))(?:{S}(?:России|Азербайджана))?"
                   rf"|(?i:восстановления{S}независимости)|(?i:солидарности{S}азербайджанцев{S}мира))"
                   rf"|Нов(?:ый|ого|ому|ым){S}(?i:год(?:а|у|ом)?)|Новруз(?:а|у|ом)?(?:[ -](?i:байрам(?:а|у|ом)?))?"
                   rf"|(?i:международн{RUW}*{S}женск{RUW}*{S}д(?:ень|ня|ню|нем|нём))){NRU}"
                   rf"(?!{S}[А-ЯЁ])", "holiday"),                                      # (not "... Украины")
    # A weekday and a day of the month: "Вторник, 19", "во вторник 19-го".
    ("ru_weekday_day", rf"(?P<wd>{RU_WEEKDAY_NOM}|{RU_WEEKDAY_ACC}),?{S}(?P<d1>{D})(?:{HY}?(?:го|е){NRU})?(?={S0}(?:[.,;)](?![0-9])|$))",
     "day_of_month"),
    # "пятница после следующей", "в среду после следующей": a week after the next one.
    ("ru_weekday_after_next", rf"(?P<wd>{RU_WEEKDAY_NOM}|{RU_WEEKDAY_ACC}){S}(?P<wnext>(?i:после{S}следующ(?:ей|его))){NRU}", "weekday"),
    # "в среду" is Wednesday, "среду" alone may be "environment": the preposition is required,
    # and "на среду" is too often "on the environment" ("в ночь на вторник" is a day). Also
    # "на выходных", "в минувшие выходные" (Saturday-Sunday; not "в выходные дни", days off).
    ("ru_weekday", rf"(?=(?:(?i:прошл|минувш|следующ|эт|ближайш|предстоящ|нынешн)\w*{S})?"
                   rf"(?i:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|выходн))"
                   rf"{after('в', 'В', 'во', 'Во', 'на', 'На')}"
                   rf"(?:(?P<wmod>(?i:прошл|минувш|следующ|эт|ближайш|предстоящ|нынешн){RUW}*){S})?"
                   rf"(?:(?P<wd>(?i:понедельник|вторник|(?<!на )(?<!На )среду|четверг|пятницу|субботу|воскресенье))"
                   rf"|(?P<we>(?i:выходн(?:ых|ые)))(?!{S}(?i:и|дни|день|дня|дням|днях){NRU})){NRU}", "weekday"),
    # A weekday with a direction word, without a preposition: "прошлое воскресенье", "следующая
    # среда", "следующий вторник" ("эта среда" is too often "this environment").
    ("ru_weekday_direction", rf"(?P<wmod>(?i:прошл|минувш|следующ|ближайш|предстоящ)(?:ий|ый|ая|ое|ую|ее|ей|ой)){S}"
                             rf"(?P<wd>{RU_WEEKDAY_NOM}|{RU_WEEKDAY_ACC}){NRU}", "weekday"),
    ("ru_weekend_direction", rf"(?P<wmod>(?i:эт|прошл|минувш|следующ|ближайш|предстоящ)(?:и|ие|ые)){S}(?P<we>(?i:выходные)){NRU}"
                             rf"(?!{S}(?i:дни){NRU})", "weekday"),
    # "15 числа", "первого числа": a day of this or the next month; "15-го числа следующего месяца":
    # of the month named (not "1 числа каждого месяца").
    ("ru_day_of_rel_month", rf"(?P<d1>{D}){RU_DAY_END}{S}(?i:числа){S}(?P<yr>(?i:этого|текущего|следующего|прошлого|будущего)){S}"
                            rf"(?i:месяца){NRU}", "month_day_rel"),
    ("ru_day_of_month", rf"(?:(?P<d1>{D}){RU_DAY_END}|(?P<dw>{RU_DAY_WORDS})){S}(?i:числа){NRU}"
                        rf"(?!{S}(?i:каждого|месяца|{RU_GEN.removesuffix(NRU)}){NRU})", "day_of_month"),
    # "с понедельника", "до пятницы", "к среде" (not "к среде обитания"); a weekday named after a
    # date ("22 февраля 2022 года, вторник") is that day.
    ("ru_weekday_case", rf"(?=(?:(?i:прошл|следующ|ближайш|эт)\w*{S})?(?i:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень))"
                        rf"{after('с', 'С', 'со', 'Со', 'до', 'До', 'к', 'К', 'ко', 'Ко')}"
                        rf"(?:(?P<wmod>(?i:прошл|следующ|ближайш|эт){RUW}*){S})?"
                        rf"(?P<wd>(?i:понедельник[ау]|вторник[ау]|сред[ые]|четверг[ау]|пятниц[ые]|суббот[ые]|воскресень[яю]))"
                        rf"{NRU}(?!{S}(?i:обитани|общени|проживани){RUW}*)", "weekday"),
    ("ru_weekday_before_date", rf"(?P<wd>(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)|"
                               rf"(?:Пн|Вт|Ср|Чт|Пт|Сб|Вс)\.?){NRU}(?=,?{S0}(?:[0-9]|{RU_ANY}))", "weekday"),
    ("ru_weekday_after_colon", rf"(?<=:[ \t])(?P<wd>(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс))"
                               rf"{NRU}(?={S0}[.;]|$)", "weekday"),
    ("ru_weekday_after_date", "(?=(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье))(?:" + "|".join(rf"(?<={re.escape(w)},[ \t])" for w in (*RU_MONTH_GENITIVE, "года", "г.", "года)"))
                              + rf"|(?<=[0-9],[ \t]))(?P<wd>(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)){NRU}",
     "weekday"),
]


RULES = RU_RULES
# Rules that start with a number word ("пять лет спустя") are tried at most words and match rarely;
# each can only match where one of its keywords stands (see grammar.GATES).
# (One group of keywords for all: each group of its own would be a master of its own to compile.
# "числа": the days of a month by that word, "15-го числа", "первого числа".)
_YEARS_KEYWORDS = ("назад", "спустя", "ранее", "раньше", "позже", "позднее", "числа")
SPAN_COUNT_WORDS: dict[str, int] = {}
GATES: dict[str, tuple[str, ...]] = {"ru_ago": _YEARS_KEYWORDS, "ru_rel_years": _YEARS_KEYWORDS,
                                     "ru_rel_years_after": _YEARS_KEYWORDS, "ru_day_of_month": _YEARS_KEYWORDS,
                                     "ru_day_of_rel_month": _YEARS_KEYWORDS}


# ---------------------------------------------------------------------------------------------
# Date words and their values (transforms/dates/lexicon.py looks them up).
# Relative year/month/week words (adjective stems) -> offset from the reference period; a key is the word with
# its ending cut to a stem the grammar guarantees.
RELATIVE_WORDS = {"эт": 0, "теку": 0, "нын": 0, "ухо": 0, "наст": 0, "про": -1, "мин": -1, "поза": -2,
                  "сле": 1, "буд": 1}
# Direction words before a month, weekday or weekend ("в прошлом декабре", "в следующую
# среду", "на минувших выходных") by their stems: past, future or this one.
DIRECTIONS = {"past": ("прошл", "минувш", "последн", "прошедш"), "future": ("следующ", "ближайш", "предстоящ", "будущ"),
              "this": ("эт", "текущ", "нынешн")}
# Words of "N years later" (against "N years earlier").
LATER_WORDS = ("позже", "позднее", "спустя")
# A unit word without a number that still says "one" ("год назад", "месяц назад").
SINGULAR_UNITS = ("год", "месяц", "неделю", "день", "десятилетие")
# A unit word without a number too vague for a date ("годами позже", "спустя годы", "десятилетия спустя").
VAGUE_UNITS = re.compile(r"\w*ами|лет|десятилети(?!е$|ем$)\w*")
# The last of the parts of a year by words other than ordinals; none here.
LAST_PART_WORDS = ()
# Decades by their words (stems): "девяностые годы", "нулевые" (the 2000s).
DECADE_WORDS = {"двадцат": 1920, "тридцат": 1930, "сороков": 1940, "пятидесят": 1950, "шестидесят": 1960,
                "семидесят": 1970, "восьмидесят": 1980, "девяност": 1990, "нулев": 2000}
# Abbreviated years by their first letter: "с.г.", "т.г." (this year), "п.г." (last year).
YEAR_ABBREVIATIONS: dict[str, int] = {"с": 0, "т": 0, "п": -1}
# The plural of a year word that makes a round year a decade; read by the rules themselves here.
PLURAL_YEARS = None
# Separators after which a date in digits puts the month first when both readings are possible: none: always day first.
NUMERIC_MONTH_FIRST = ""
# The number words the rules read as a count of units (lexicon.number_value gives their values).
NUMBER_WORDS = RU_NUMBER_WORDS
# The last of several ("the last Monday of March"), and the next one ("the next day").
LAST_WORDS = ("последн",)
NEXT_WORDS = ("следующ",)
# Deictic day words -> days from the publication date.
DAY_WORDS = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2, "накануне": -1}
# Holidays used as dates: a key found in the folded name -> (month, day), tried in order
# ("restoration" before "independence"; "восстановлени" before "нов", which it contains).
HOLIDAYS = (
    ("новруз", (3, 20)), ("восстановлени", (10, 18)), ("нов", (1, 1)), ("побед", VICTORY),
    ("независимости росси", (6, 12)), ("независимост", INDEPENDENCE), ("республик", (5, 28)), ("росси", (6, 12)),
    ("солидарност", (12, 31)), ("женск", (3, 8)),
)

# Victory Day: 9 May here, 8 November when the words around it speak of Karabakh.
VICTORY_DEFAULT = (5, 9)
VICTORY_WORLD_WAR = (r"великой\s+отечественной", r"втор(?:ой|ая)\s+мировой", r"фашизм")
VICTORY_KARABAKH = (r"карабах", r"44[- ]дневн")
# A holiday as the name of an occasion, not a date: greetings, things dedicated or timed to it
# (stems of the words before it: "поздравил с Днём Победы", "приуроченный ко Дню России").
OCCASION_WORDS = ("поздрав", "приурочен", "посвящ")
# A holiday of another country before the holiday; none here (the rule requires no capital after it).
HOLIDAY_OF_ANOTHER_COUNTRY = None
# "накануне визита" is "on the eve of the visit", not the day before: a day only before a verb in
# the past ("накануне заявил") or a noun in the instrumental ("накануне вечером").
_EVE_NEXT_WORD = re.compile(r"\s*([а-яё]+)", re.I)
_VERB_OR_TIME_ENDING = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ом|ью)$")


def _eve_of_something(text: str, start: int, end: int, word: str) -> bool:
    if fold_i(word) != "накануне":
        return False
    nxt = _EVE_NEXT_WORD.match(text[end:end + 40])
    return bool(nxt) and not _VERB_OR_TIME_ENDING.search(nxt.group(1).lower())


# Day words that are no day where they stand: tests of (text, start, end, the day word) that say so.
DAY_WORD_GUARDS = (_eve_of_something,)
# A year named with "until the end of", "during" is said of the year the text is written in
# ("до конца 2018 года", "в течение 2014 года").
CURRENT_YEAR_HINT = (r"до\s+конца", r"к\s+концу", r"в\s+течение", r"на\s+протяжении")
# "the weekend" read as a time only after these words; not used here.
WEEKEND_THE_AFTER = None

# ---------------------------------------------------------------------------------------------
# What the resolver (transforms/dates/resolve.py) reads around a date in this language.
# Between a relative expression and the date it stands beside: "завтра, в четверг 5 декабря",
# "5 декабря, в четверг".
APPOSITION_AFTER = ("в", "во")
APPOSITION_BEFORE = ("в", "во")
# "N лет назад" counts from publication, whatever year the sentence names.
AGO_FROM_SENTENCE_YEAR = False
LATER_FROM_NOW_IN_FUTURE: tuple[str, ...] = ()
# "Today" in the sense "nowadays": a sentence with a state-of-affairs predicate (and no past or
# future verb: PAST_OR_FUTURE).
STATE_OF_AFFAIRS = re.compile(r"(?i)развива[юе]тся|укрепля[юе]тся|расширя[юе]тся|явля[юе]тся|являются|на\s+высоком\s+уровне|"
                              r"одн(?:им|ой|ого)\s+из")
PAST_OR_FUTURE = re.compile(r"(?i)\b\w+(?:л|ла|ло|ли|лся|лась|лось|лись)\b|\bбуд(?:ет|ут)\b")
# Anniversary phrases with the number of years: (keyword, number pattern on the 40 characters before
# it, or after it).
ANNIVERSARY = ((re.compile(r"годовщин"), re.compile(r"(?<!\w)([0-9]{1,3})[-‐]?(?:я|ю|й|ой|ую|ая|ей)?[ \t]+$"), None),
               (re.compile(r"лети[ея]"), re.compile(r"(?<!\w)([0-9]{1,3})[-‐]?$"), None),
               (re.compile(r"[Ии]сполня\w+"), None, re.compile(r"[ \t]+([0-9]{1,3})[ \t]+(?:лет|год)")))
# A comparison base before a year ("than in 2016"): not the year the text is in.
COMPARISON_BEFORE = re.compile(r"(?i)(?:сравнению\s+с|сравнении\s+с|против|чем)\s+(?:в\s+|с\s+)?$")
# ... or after it ("2017-ci illə müqayisədə").
COMPARISON_AFTER = re.compile(r"(?!)")
# Reported speech next to a date: the date is when it was said, not when the year's events happened.
REPORTED_BEFORE = re.compile(r"(?i)(?:заявил|сообщил|отметил|сказал|рассказал|подчеркнул|написал|объявил|сообщается|говорится)"
                             r"\w*(?:[ \t]+\S+){0,3}[ \t]+$")
REPORTED_AFTER = re.compile(r"(?i),?[ \t]+(?:\S+[ \t]+){0,2}(?:заявил|сообщил|отметил|сказал|рассказал|подчеркнул|объявил)")
# Words that join two dates into one span: (before the first, between the two).
RANGE_WORDS = ((re.compile(r"(?:^|\W)(?:с|со|С|Со)[ \t]+$"), re.compile(r"[ \t]+(?:по|до)[ \t]+")),)


# ---------------------------------------------------------------------------------------------
# Tense markers (transforms/dates/tense.py).
# Stems of perfective verbs whose present forms speak of the future ("откроет", "подпишут").
PERFECTIVE_STEMS = (
    "откро", "закро", "верн", "подпиш", "начн", "запуст", "введ", "вступ", "возобнов", "прим", "провед",
    "посет", "соверш", "заверш", "прибуд", "направ", "отправ", "выдел", "постро", "обсуд", "рассмотр",
    "представ", "продл", "увелич", "сократ", "приступ", "получ", "перейд", "выйд", "войд", "пройд", "стан",
    "смож", "смог", "встрет", "постав", "заработа", "собер", "выступ", "отмет", "утверд", "подготов",
    "обеспеч", "возьм", "продолж", "прекрат", "останов", "отмен", "запрет", "восстанов",
    "повыс", "посвят", "объяв", "изуч", "оцен", "подключ", "перевед", "достигн", "увид", "приед", "сниз",
)
# Future: auxiliaries, plans and expectations, perfective futures, obligations.
FUTURE = re.compile(
                 r"(?i)(?<!\w)(?:следующ\w*\s+(?:встреч|заседани|визит|раунд|саммит|переговор)\w*|будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру\w*|запланирован\w*|"
                 r"намерен\w*|намечен\w*|ожидает(?:ся)?|ожидаются|предстоящ\w*|предстоит|совершит|посетит|примет|"
                 r"пров[её]д[её]т|проведут|прибудет|прибудут|отправится|откроется|начн[её]тся|стартует|"
                 r"встретятся|встретится|обсудят|обсудит|подпишут|подпишет|собирает(?:ся)?|собираются|создаст|создадут|"
                 r"обязан\w*|должн(?:а|о|ы)?(?!\s+(?:был|была|было|были)\b)|долж[её]н(?!\s+был\b)|"
                 r"(?:" + "|".join(PERFECTIVE_STEMS) + r")(?:[её]т|ит|ут|ют|ат|ят|[её]тся|ится|утся|ются|атся|ятся|ст|дут))"
                 r"(?!\w)")
# Nouns of a happening with a word that puts it in the past ("прошлая встреча").
# Also the short past participles of completed acts ("подписано", "заключен", "принята").
PAST_PHRASES = re.compile(r"(?i)(?<!\w)(?:(?:прошл|предыдущ|минувш)\w*\s+(?:встреч|заседани|визит|раунд|саммит|переговор)\w*"
                          r"|(?:подписан|заключ[её]н|принят|создан|открыт|утвержд[её]н|ратифицирован|установлен|"
                          r"провед[её]н|достигнут|введ[её]н|запущен|построен)(?:а|о|ы)?(?!\w))")
# A past verb of intent or proposal with its infinitive: past for the agreement, future for what was
# agreed (see transforms/dates/tense.py).
INTENT = re.compile(r"(?i)(?<!\w)(?:договорил|решил|пообещал|обещал|обязал|условил|предложил|пригласил)"
                    r"(?:ся|ась|ись|и|а)?(?:\s+[^\W\d]+){0,2}?\s+[^\W\d]+(?:ть|ти|чь)(?:ся)?(?!\w)")
# Russian and Azerbaijani past forms are found by their endings; the word they end is then
# checked against nouns that end alike. Each pattern is tried at word starts only, behind a
# lookahead of the last letters every match ends the word with; the group "x" is then found
# at the first position of the word where one of the forms runs to its end, which is where a
# scan of every position would have found it.
# Also the pasts of stems in a consonant: "выросли", "достиг", "привезли" (not "вопрос", "бизнес").
PAST = re.compile(r"(?i)\b(?=\w*(?:л[аои]?(?:сь|ся)?|[гсзк])(?!\w))\w*?"
                      r"(?P<x>(?P<vl>(?<=\w)[аяеиыу]л(?:а|о|и)?(?:сь|ся)?(?!\w))|ш(?:ёл|ел|ла|ло|ли)(?!\w)"
                      r"|(?<!\w)(?:с|по)?мог(?:ла|ли|ло)?(?!\w)"
                      r"|(?<=\w)(?:рос|нес|нёс|вез|вёз|тек|тёк|стиг)(?:ла|ло|ли)(?!\w)"
                      r"|(?<!\w)(?:(?:вы|воз|под|пере)рос|(?:при|у|пере|вы|за|до|от)(?:нес|нёс|вез|вёз)|(?:до|по)стиг)(?!\w))")
NOT_PAST = {"журнал", "канал", "сигнал", "материал", "потенциал", "капитал", "генерал", "финал", "персонал",
                "арсенал", "интервал", "терминал", "провал", "предел", "раздел", "отдел", "стамбул", "кабул",
                "идеал", "урал", "зал", "бал", "вокзал", "совал", "начал", "карнавал", "фестивал", "аул",
                "дял", "сал", "пал", "мал", "вал", "тел", "дел", "пел", "сел", "мил", "тыл", "правил", "сил",
                "крыл", "цел", "недел", "модел", "детал", "медал", "магистрал", "квартал", "скандал", "сериал",
                "ритуал", "автомобил", "профил", "стил", "отел", "параллел", "мебел", "ансамбл"}
# Nouns in -тель ("представители", "показатели") look like past plurals; verbs in -тел are few.
TEL_VERBS = ("хотел", "летел", "свистел", "вертел")
