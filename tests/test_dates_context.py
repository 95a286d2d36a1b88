"""Date extractor, round 2: what the text around a date decides, per phenomenon and language.

Hand-written news sentences. Each case lists every mention the text must give, as (exact
span text, TIMEX value), in text order.
"""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import extract_dates


def found(text: str, language: str, published: str | None) -> list[tuple[str, str]]:
    p = dt.date.fromisoformat(published) if published else None
    return [(m.text, m.value) for m in extract_dates(text, language, p)]


def cases(*rows):
    return pytest.mark.parametrize("language,published,text,expected", rows)


# ---------------------------------------------------------------------------------------------
# 1. A day or month without a year takes the year its sentence fixes, when only one year is
#    named and the date is not the day something was said.
@cases(
    ("en", "2025-03-01", "The first session was held in 2021 with a reception in Moscow on April 8-9.",
     [("2021", "2021"), ("April 8-9", "2021-04-08/2021-04-09")]),
    ("en", None, "The bridge, whose construction began in May 2019, was opened in October.",
     [("May 2019", "2019-05"), ("October", "2019-10")]),
    # a later month earlier in the calendar follows into the next year
    ("en", None, "Talks began in November 2019 and ended in March.", [("November 2019", "2019-11"), ("March", "2020-03")]),
    ("ru", "2023-03-15", "В этом году исполняется 25 лет соглашению, а 12 мая — 10 лет программе.",
     [("этом году", "2023"), ("12 мая", "2023-05-12")]),
    ("ru", None, "Строительство, начатое в марте 2018 года, завершилось в августе.",
     [("марте 2018 года", "2018-03"), ("августе", "2018-08")]),
    ("az", None, "Tikinti 2017-ci ildə başlayıb və sentyabrda başa çatıb.", [("2017-ci ildə", "2017"), ("sentyabrda", "2017-09")]),
    # the day something was reported is not in the year reported on
    ("en", "2025-03-10", "Exports grew in 2023, the ministry said on March 4.", [("2023", "2023"), ("March 4", "2025-03-04")]),
    ("ru", "2025-03-10", "Экспорт в 2023 году вырос, сообщил 4 марта министр.", [("2023 году", "2023"), ("4 марта", "2025-03-04")]),
    ("az", "2025-03-10", "2023-cü ildə ixrac artıb, nazir martın 4-də bildirib.", [("2023-cü ildə", "2023"), ("martın 4-də", "2025-03-04")]),
    # two years in the sentence: no single year
    ("en", "2025-03-10", "The 2024-2026 programme, approved in 2023, was discussed on March 4.",
     [("2024-2026", "2024/2026"), ("2023", "2023"), ("March 4", "2025-03-04")]),
    # with a publication date, a year of another clause does not carry over, nor one that
    # contradicts the tense
    ("en", "2024-05-02", "Lavrov, who last visited Yerevan in 2019, will arrive on May 6.",
     [("2019", "2019"), ("May 6", "2024-05-06")]),
    # a semicolon ends the scope
    ("en", "2025-02-20", "In 2022 trade fell; on March 1 the commission met.", [("2022", "2022"), ("March 1", "2024-03-01")]),
)
def test_year_from_the_sentence(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 2. The tense of the clause decides between the previous and the coming occurrence; with no
#    tense marker, the nearer one.
@cases(
    # Russian perfective futures, obligations, plans
    ("ru", "2024-09-10", "С 1 октября компания запустит рейсы в Казань, а в июле сократила их число.",
     [("1 октября", "2024-10-01"), ("июле", "2024-07")]),
    ("ru", "2024-09-10", "Стороны подпишут соглашение 3 февраля.", [("3 февраля", "2025-02-03")]),
    ("ru", "2024-09-10", "Подрядчик обязан сдать объект до 1 марта.", [("1 марта", "2025-03-01")]),
    ("ru", "2024-09-10", "Армия должна покинуть район до 5 сентября.", [("5 сентября", "2025-09-05")]),
    ("ru", "2024-09-10", "Армия должна была покинуть район до 5 сентября.", [("5 сентября", "2024-09-05")]),
    ("ru", "2024-09-10", "Визит запланирован на 2 февраля.", [("2 февраля", "2025-02-02")]),
    ("ru", "2024-09-10", "Новые правила вступили в силу 1 октября.", [("1 октября", "2023-10-01")]),
    ("ru", "2024-09-10", "Новые правила вступают в силу 1 октября.", [("1 октября", "2024-10-01")]),
    # an imperfective present is not a future: a March before publication stays this year's
    ("ru", "2024-09-10", "Компания с 1 марта создает рабочие места и продолжает набор.", [("1 марта", "2024-03-01")]),
    ("ru", "2024-09-10", "Компания с 1 марта создаст рабочие места.", [("1 марта", "2025-03-01")]),
    # the nearest marker wins in a sentence with both tenses
    ("ru", "2023-11-06", "Министр заявил 2 ноября, что переговоры будут продолжены.", [("2 ноября", "2023-11-02")]),
    # Azerbaijani: -acaq/-əcək, -malıdır, nəzərdə tutulur, "-dən etibarən" with a present verb
    ("az", "2024-09-10", "Şirkət oktyabrın 1-dən etibarən Qazana reysləri bərpa edir.", [("oktyabrın 1-dən", "2024-10-01")]),
    ("az", "2024-09-10", "Şirkət oktyabrın 1-dən reysləri bərpa edib.", [("oktyabrın 1-dən", "2023-10-01")]),
    ("az", "2024-09-10", "Sazişin fevralın 3-də imzalanması nəzərdə tutulur.", [("fevralın 3-də", "2025-02-03")]),
    ("az", "2024-09-10", "Podratçı obyekti martın 1-dək təhvil verməlidir.", [("martın 1-dək", "2025-03-01")]),
    ("az", "2024-09-10", "Nazir bildirib ki, komissiya fevralın 3-də toplanacaq.", [("fevralın 3-də", "2025-02-03")]),
    # English: "is to", "is due to", "starting", a present tense
    ("en", "2024-09-10", "The agreement is to be signed on February 3.", [("February 3", "2025-02-03")]),
    ("en", "2024-09-10", "The ministers are due to meet on February 3.", [("February 3", "2025-02-03")]),
    ("en", "2024-09-10", "Starting October 1, the carrier resumes flights to Kazan.", [("October 1", "2024-10-01")]),
    ("en", "2024-09-10", "The carrier resumed flights to Kazan on October 1.", [("October 1", "2023-10-01")]),
    ("en", "2024-09-10", "The commission will be held on February 3.", [("February 3", "2025-02-03")]),
    # no tense marker: the nearer occurrence (a past December in January, a coming October)
    ("en", "2024-01-08", "The December 20 talks focused on transit.", [("December 20", "2023-12-20")]),
    ("ru", "2024-09-10", "Открытие рейса Баку — Пермь 1 октября.", [("1 октября", "2024-10-01")]),
    ("en", "2024-06-12", "The exhibition opens on Thursday.", [("Thursday", "2024-06-13")]),
    # a month without tense: the coming one only within a quarter
    ("en", "2024-06-12", "Turnover in August: $300 million.", [("August", "2024-08")]),
    ("en", "2024-06-12", "Turnover in November: $300 million.", [("November", "2023-11")]),
)
def test_tense_decides_the_occurrence(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 3. Anaphoric dates take the latest earlier mention of their granularity.
@cases(
    ("en", "2024-07-01", "The office opened in March 2023, and the first exports left the same month.",
     [("March 2023", "2023-03"), ("same month", "2023-03")]),
    ("en", None, "The delegation arrived on 5 June and signed the plan the same day.",
     [("5 June", "XXXX-06-05"), ("same day", "XXXX-06-05")]),
    ("en", "2024-07-01", "Exports rose in May compared with the same month last year.",
     [("May", "2024-05"), ("same month last year", "2023-05")]),
    ("en", "2022-09-01", "Relations were established in 1992. This anniversary year saw a state visit.",
     [("1992", "1992"), ("anniversary year", "1992")]),
    ("ru", "2024-07-01", "Завод запущен в марте 2023 года, в том же месяце ушли первые партии.",
     [("марте 2023 года", "2023-03"), ("том же месяце", "2023-03")]),
    ("ru", "2024-07-01", "В мае экспорт вырос на 4% к аналогичному месяцу прошлого года.",
     [("мае", "2024-05"), ("аналогичному месяцу прошлого года", "2023-05")]),
    ("ru", None, "Министр прилетел 9 марта и в тот же день встретился с коллегой.",
     [("9 марта", "XXXX-03-09"), ("тот же день", "XXXX-03-09")]),
    ("ru", "2022-09-01", "Отношения установлены в 1992 году, и в этот юбилейный год прошли торжества.",
     [("1992 году", "1992"), ("этот юбилейный год", "1992")]),
    ("az", None, "Fevralda ixrac ötən ilin eyni ayı ilə müqayisədə artıb.", [("Fevralda", "XXXX-02"), ("ötən ilin eyni ayı", "XXXX-02")]),
    ("az", "2024-07-01", "Zavod 2023-cü ilin martında işə düşüb, həmin ay ilk məhsul ixrac olunub.",
     [("2023-cü ilin martında", "2023-03"), ("həmin ay", "2023-03")]),
    ("az", "2024-07-01", "Forum 2021-ci ildə keçirilib. Həmin yubiley ilində yeni saziş imzalanıb.",
     [("2021-ci ildə", "2021"), ("Həmin yubiley ilində", "2021")]),
    ("az", "2024-07-01", "Bu il ölkələr 30 illiyi qeyd edir və bu yubiley ilində yeni saziş imzalanıb.",
     [("Bu il", "2024"), ("bu yubiley ilində", "2024")]),
    # "həmin ayın 5-də" is a day of that month, not the month
    ("az", "2024-07-01", "Həmin ayın 5-də görüş olub.", []),
)
def test_anaphoric_dates(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 4. Two dates joined as the ends of one span are one range, at the coarser granularity.
@cases(
    ("ru", "2022-11-21", "С октября 2022 года по апрель 2023 года поставки вырастут.", [
        ("октября 2022 года по апрель 2023 года", "2022-10/2023-04")]),
    ("ru", None, "С 1 ноября 2021 года по 28 февраля 2022 года действовал особый режим.", [
        ("1 ноября 2021 года по 28 февраля 2022 года", "2021-11-01/2022-02-28")]),
    ("ru", None, "С 15 октября по март 2023 года действовал особый режим.", [("15 октября по март 2023 года", "2022-10/2023-03")]),
    ("en", None, "From 15 March 2021 to June 2022 the office was closed.", [("15 March 2021 to June 2022", "2021-03/2022-06")]),
    ("en", None, "Between May 2020 and January 2021 flights were suspended.", [("May 2020 and January 2021", "2020-05/2021-01")]),
    ("en", None, "Flights were suspended March 2020 – May 2021.", [("March 2020 – May 2021", "2020-03/2021-05")]),
    ("az", None, "2021-ci ilin oktyabrından 2022-ci ilin aprelinədək qaz verilib.", [
        ("2021-ci ilin oktyabrından 2022-ci ilin aprelinədək", "2021-10/2022-04")]),
    ("az", None, "2021-ci ilin oktyabrından 2022-ci ilin aprelinə qədər qaz verilib.", [
        ("2021-ci ilin oktyabrından 2022-ci ilin aprelinə", "2021-10/2022-04")]),
    # ends without a year share one: the end follows the start
    ("ru", "2024-06-10", "С марта по май действовал запрет.", [("марта по май", "2024-03/2024-05")]),
    ("en", "2024-06-10", "Flights were halted from November to February.", [("November to February", "2023-11/2024-02")]),
    ("az", "2024-06-10", "Martdan maya qədər uçuşlar dayandırılıb.", [("Martdan maya", "2024-03/2024-05")]),
    # two separate dates stay two mentions
    ("ru", None, "В октябре 2022 года и в апреле 2023 года прошли встречи.", [
        ("октябре 2022 года", "2022-10"), ("апреле 2023 года", "2023-04")]),
    ("en", None, "Talks were held in May 2020, and in January 2021 a deal followed.", [
        ("May 2020", "2020-05"), ("January 2021", "2021-01")]),
)
def test_mixed_granularity_ranges(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 5. Decades and seasons / academic years.
@cases(
    ("ru", None, "Контракт подписан в 2000-х годах, а в 80-е годы поставок не было.", [
        ("2000-х годах", "200X"), ("80-е годы", "198X")]),
    ("ru", None, "В начале 1990-х связи ослабли.", [("1990-х", "199X")]),
    ("en", None, "Ties weakened in the 1990s and recovered in the mid-2000s.", [("1990s", "199X"), ("mid-2000s", "200X")]),
    ("az", None, "2000-ci illərdə əlaqələr güclənib, 80-ci illərdə isə zəif idi.", [
        ("2000-ci illərdə", "200X"), ("80-ci illərdə", "198X")]),
    ("az", None, "Sazişlər 2008 və 2010-cu illərdə imzalanıb.", [("2008", "2008"), ("2010-cu illərdə", "2010")]),
    ("ru", None, "В 2023/24 учебном году и в сезоне 2022-23 обучались студенты.", [
        ("2023/24", "2023/2024"), ("2022-23", "2022/2023")]),
    ("en", None, "In the 2025/26 academic year quotas grew.", [("2025/26", "2025/2026")]),
    ("az", None, "2025/26 tədris ilində kvota artıb.", [("2025/26", "2025/2026")]),
    # not a season: a gap other than one year after "/", amounts
    ("en", None, "The ratio 2024/27 is a code, and $2019-24 million is an amount.", []),
)
def test_decades_and_seasons(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 6. Weekends and "this month"; the end of a month.
@cases(
    ("ru", "2025-06-30", "На выходных министр провел встречи.", [("выходных", "2025-06-28/2025-06-29")]),
    ("ru", "2025-06-30", "В ближайшие выходные министр посетит Баку.", [("ближайшие выходные", "2025-07-05/2025-07-06")]),
    ("ru", "2025-06-30", "В выходные дни музей открыт до 18:00.", []),
    ("en", "2024-06-10", "Protests took place over the weekend.", [("the weekend", "2024-06-08/2024-06-09")]),
    ("en", "2024-06-10", "The leaders will meet this weekend.", [("this weekend", "2024-06-15/2024-06-16")]),
    ("en", "2024-06-10", "The weekend programme included concerts.", []),
    ("az", "2024-06-10", "Həftəsonu nazir Qəbələdə olub.", [("Həftəsonu", "2024-06-08/2024-06-09")]),
    ("az", "2024-06-10", "Gələn həftə sonu forum keçiriləcək.", [("Gələn həftə sonu", "2024-06-15/2024-06-16")]),
    ("az", "2024-06-10", "Muzey hər həftəsonu açıqdır.", []),
    ("en", "2024-06-10", "Prices rose this month and fell at the end of last month.", [
        ("this month", "2024-06"), ("end of last month", "2024-05")]),
    ("ru", "2024-06-10", "В конце месяца пройдут выборы.", [("конце месяца", "2024-06")]),
    ("az", "2024-06-10", "Ayın sonunda seçkilər keçiriləcək, hər ayın 15-də isə hesabat verilir.", [("Ayın sonunda", "2024-06")]),
    ("en", None, "Prices rose this month.", [("this month", "XXXX-XX")]),
)
def test_weekends_and_months(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 7. Without a publication date, a date line without a year anchors day and month only.
@cases(
    ("en", None, "BAKU, March 3. /Trend/. The talks ended yesterday, and a deal is expected this month.", [
        ("March 3", "XXXX-03-03"), ("yesterday", "XXXX-03-02"), ("this month", "XXXX-03")]),
    ("ru", None, "МОСКВА, 1 марта. /ТАСС/. Вчера министры провели переговоры, сегодня подпишут протокол.", [
        ("1 марта", "XXXX-03-01"), ("Вчера", "XXXX-XX-XX"), ("сегодня", "XXXX-03-01")]),
    ("ru", None, "Баку. 10 мая. ИНТЕРФАКС - Вчера в четверг стороны провели консультации.", [
        ("10 мая", "XXXX-05-10"), ("Вчера", "XXXX-05-09"), ("четверг", "XXXX-05-09")]),   # yesterday's Thursday
    ("az", None, "Bakı, 14 may, AZƏRTAC\nDünən nazirlər görüşüb, sabah isə saziş imzalanacaq.", [
        ("14 may", "XXXX-05-14"), ("Dünən", "XXXX-05-13"), ("sabah", "XXXX-05-15")]),
    # a day in a sentence is not a date line
    ("az", None, "Qeyd edək ki, 14 mayda nazirlər görüşüb. Dünən isə saziş imzalanıb.", [
        ("14 mayda", "XXXX-05-14"), ("Dünən", "XXXX-XX-XX")]),
    ("en", None, "On March 3, the talks ended. Yesterday a deal was signed.", [
        ("March 3", "XXXX-03-03"), ("Yesterday", "XXXX-XX-XX")]),
)
def test_partial_date_line(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 8. An anniversary and its founding date give the current year; "today" in the anniversary
#    sentence is the founding day N years on.
@cases(
    ("en", None, "Russia and Azerbaijan mark the 20th anniversary of the treaty.\nThe treaty was signed on "
                 "July 3, 1997. A reception will be held in early July.", [
        ("July 3, 1997", "1997-07-03"), ("early July", "2017-07")]),
    ("ru", None, "Сегодня исполняется 10 лет со дня открытия филиала. Филиал открыт 1 сентября 2015 года.", [
        ("Сегодня", "2025-09-01"), ("1 сентября 2015 года", "2015-09-01")]),
    ("az", None, "Bu gün universitetin filialının açılmasından beş il ötür. Filial 2019-cu il sentyabrın 2-də açılıb.", [
        ("Bu gün", "2024-09-02"), ("2019-cu il sentyabrın 2-də", "2019-09-02")]),
    # a founding year later than a year the text names cannot be right
    ("en", None, "The 5th anniversary of the forum founded on May 1, 2010 falls in 2030.", [
        ("May 1, 2010", "2010-05-01"), ("2030", "2030")]),
    # no founding date: no anchor
    ("az", None, "Diplomatik münasibətlərin 30-cu ildönümü bu il qeyd olunur.", [("bu il", "XXXX")]),
    # the founding date is the earliest full date that fits, not the first one after the words
    ("en", None, "The countries mark the 20th anniversary of relations. The treaty of May 5, 1998 is in force. "
                 "Relations were established on June 1, 1995. This year a forum will be held.", [
        ("May 5, 1998", "1998-05-05"), ("June 1, 1995", "1995-06-01"), ("This year", "2015")]),
    # an anniversary dated by its own sentence is not the current one
    ("az", None, "2021-ci ildə münasibətlərin 25 illiyi qeyd olunub. Münasibətlər 1996-cı il mayın 6-da qurulub. "
                 "Bu il forum keçiriləcək.", [
        ("2021-ci ildə", "2021"), ("1996-cı il mayın 6-da", "1996-05-06"), ("Bu il", "XXXX")]),
)
def test_anniversary_anchor(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 9. Azerbaijani year adjectives; English "day month last year".
@cases(
    ("az", "2024-05-10", "Builki qəbulda və keçənilki imtahanda, bildirki məhsul və bu ilki plan.", [
        ("Builki", "2024"), ("keçənilki", "2023"), ("bildirki", "2023"), ("bu ilki", "2024")]),
    ("az", None, "Builki göstərici ötən ilkindən yüksəkdir.", [("Builki", "XXXX")]),
    ("az", "2024-05-10", "Ötən ildəki artım bu ildəki artımdan azdır.", [("Ötən ildəki", "2023"), ("bu ildəki", "2024")]),
    ("en", "2025-10-09", "The crash on December 25 last year and the talks in June this year.", [
        ("December 25 last year", "2024-12-25"), ("June this year", "2025-06")]),
    ("en", "2025-10-09", "The plan of 3 March next year and the decree of March of the same year.", [
        ("3 March next year", "2026-03-03"), ("March of the same year", "2026-03")]),
    ("ru", "2020-11-10", "Соглашение подписано в ночь на вторник.", [("вторник", "2020-11-10")]),
    ("ru", "2020-11-10", "Воздействие на среду обитания снизилось.", []),
)
def test_adjectives_and_relative_years(language, published, text, expected):
    assert found(text, language, published) == expected
