"""Date extractor, round 3: quarters and half-years without a year, dates relative to the text,
holidays, day ranges, weekdays under a date line. Hand-written news sentences; each case lists
every mention the text must give, as (exact span text, TIMEX value), in text order.
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
# 1. A quarter or half-year without a year takes it like a month without one: from the
#    sentence, else from the publication date, the tense choosing the past or coming one.
@cases(
    ("en", "2025-05-20", "Trade grew 8% in the first quarter.", [("first quarter", "2025-01/2025-03")]),
    ("en", "2025-01-20", "Exports rose in the fourth quarter.", [("fourth quarter", "2024-10/2024-12")]),
    ("en", "2025-05-20", "Exports will rise in the fourth quarter.", [("fourth quarter", "2025-10/2025-12")]),
    ("en", "2025-03-10", "First-quarter results will be published in April.",
     [("First-quarter", "2025-01/2025-03"), ("April", "2025-04")]),
    ("en", "2025-05-20", "In Q2 the plant will reach full capacity.", [("Q2", "2025-04/2025-06")]),
    ("en", "2025-09-20", "In the first half, trade grew 5 percent; the second half-year will be harder.",
     [("first half", "2025-01/2025-06"), ("second half-year", "2025-07/2025-12")]),
    # the end of a quarter is that quarter's months; a quarter not over yet is this year's
    ("en", "2025-03-12", "The sides agreed to finalize the text by the end of the second quarter.",
     [("second quarter", "2025-04/2025-06")]),
    ("en", "2025-02-12", "The plant will be ready by the end of the first quarter.", [("first quarter", "2025-01/2025-03")]),
    # the year of the sentence
    ("en", None, "In 2023 trade grew, and in the third quarter it rose 5 percent.",
     [("2023", "2023"), ("third quarter", "2023-07/2023-09")]),
    ("en", None, "Trade rose in the first quarter.", [("first quarter", "XXXX-01/XXXX-03")]),
    # not a quarter of a year; "last quarter" is the previous one, a relative period
    ("en", "2025-05-20", "The first quarter of the century saw wars; the last quarter was calm.", []),
    ("ru", "2025-05-20", "В первом квартале товарооборот вырос на 8%.", [("первом квартале", "2025-01/2025-03")]),
    ("ru", "2025-01-20", "В четвертом квартале товарооборот вырос.", [("четвертом квартале", "2024-10/2024-12")]),
    ("ru", "2025-03-12", "Стороны договорились завершить работу до конца второго квартала.",
     [("второго квартала", "2025-04/2025-06")]),
    ("ru", None, "В 2023 году экспорт вырос, а в IV квартале снизился.", [("2023 году", "2023"), ("IV квартале", "2023-10/2023-12")]),
    # "за полугодие", "по итогам полугодия": the half-year the text named, else the last one over
    ("ru", "2024-08-16", "Товарооборот за полугодие вырос на 12%, по итогам полугодия Россия на третьем месте.",
     [("полугодие", "2024-01/2024-06"), ("полугодия", "2024-01/2024-06")]),
    ("ru", "2024-03-16", "По итогам полугодия Россия на третьем месте.", [("полугодия", "2023-07/2023-12")]),
    ("ru", "2024-12-16", "Во втором полугодии экспорт вырос, а за полугодие импорт упал.",
     [("втором полугодии", "2024-07/2024-12"), ("полугодие", "2024-07/2024-12")]),
    ("ru", None, "За полугодие экспорт вырос.", [("полугодие", "XXXX-XX/XXXX-XX")]),
    ("ru", "2024-08-16", "Кредит выдан за полугодие до выборов, в квартале от центра.", []),
    ("az", "2025-05-20", "Birinci rübdə ticarət 8 faiz artıb.", [("Birinci rübdə", "2025-01/2025-03")]),
    ("az", "2025-01-20", "Dördüncü rübdə ixrac azalıb.", [("Dördüncü rübdə", "2024-10/2024-12")]),
    ("az", "2025-05-20", "Layihə ikinci rübün sonunda başa çatacaq.", [("ikinci rübün sonunda", "2025-04/2025-06")]),
    ("az", "2025-03-12", "Tərəflər sənədi ikinci rübün sonunadək yekunlaşdırmağa razılaşıblar.",
     [("ikinci rübün sonunadək", "2025-04/2025-06")]),
    ("az", "2025-09-20", "Birinci yarımildə ixrac artıb.", [("Birinci yarımildə", "2025-01/2025-06")]),
    ("az", "2025-09-20", "Bu ilin birinci rübündə ixrac artıb.", [("Bu ilin birinci rübündə", "2025-01/2025-03")]),
    ("az", "2025-09-20", "Yarı yolda qalan layihə.", []),
)
def test_quarters_and_halves_without_a_year(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 2. "A year earlier", "спустя год", "bir il sonra" count from the latest year the text names
#    before them (not from publication); "N years ago" counts from publication; decades ago
#    give the year.
@cases(
    ("en", "2025-03-01", "Trade reached a record $4.8 billion in 2024, up 9.2 percent from a year earlier.",
     [("2024", "2024"), ("a year earlier", "2023")]),
    ("en", "2025-03-01", "The treaty was signed in 1997. A year later, the parliaments ratified it, and two years "
                         "later it entered into force.",
     [("1997", "1997"), ("A year later", "1998"), ("two years later", "2000")]),
    # the end of a span for "later"
    ("en", "2025-03-01", "The plan covered 2019-2021; two years later a new one was adopted.",
     [("2019-2021", "2019/2021"), ("two years later", "2023")]),
    # no year before: from publication
    ("en", "2025-03-01", "Exports rose 5 percent from a year earlier.", [("a year earlier", "2024")]),
    ("en", None, "Exports rose 5 percent from a year earlier.", [("a year earlier", "XXXX")]),
    ("en", "2025-03-01", "The war ended in 2020; a decade later the region was rebuilt.",
     [("2020", "2020"), ("a decade later", "2030")]),
    # not counted from a date: "a year before the war", "later than planned"
    ("en", "2025-03-01", "It happened a year before the war and was finished a year later than planned.", []),
    ("en", "2025-03-01", "The plant opened two decades ago, in 2005, and two years ago it closed.",
     [("two decades ago", "2005"), ("2005", "2005"), ("two years ago", "2023")]),
    ("en", None, "The plant opened two decades ago.", [("two decades ago", "XXXX")]),
    # next to a month, the years take its year
    ("en", "2025-03-01", "Twenty-five years ago, in July 1997, the treaty was signed.",
     [("Twenty-five years ago", "1997"), ("July 1997", "1997-07")]),
    ("ru", "2025-03-01", "Договор подписан в 1997 году. Годом ранее, в феврале 1996 года, заключено соглашение о транзите.",
     [("1997 году", "1997"), ("Годом ранее", "1996"), ("феврале 1996 года", "1996-02")]),
    ("ru", "2025-03-01", "Договор подписан в 1997 году. Годом позже его ратифицировали.",
     [("1997 году", "1997"), ("Годом позже", "1998")]),
    ("ru", "2025-03-01", "Соглашение подписано в 2010 году, а спустя два года его ратифицировали; пять лет спустя оно "
                         "утратило силу.",
     [("2010 году", "2010"), ("спустя два года", "2012"), ("пять лет спустя", "2017")]),
    ("ru", "2025-03-01", "Документ, подписанный почти три десятилетия назад, остается базовым.",
     [("три десятилетия назад", "1995")]),
    ("ru", None, "Документ, подписанный почти три десятилетия назад, остается базовым.", [("три десятилетия назад", "XXXX")]),
    ("ru", "2025-03-01", "Пять лет назад, в 2019 году, стороны подписали соглашение.", [("Пять лет назад", "2019"), ("2019 году", "2019")]),
    ("ru", "2025-03-01", "Проект завершили двумя годами позже срока, спустя годы после начала.", []),
    ("az", "2025-03-01", "Ticarət 2024-cü ildə 9 faiz artıb, bir il əvvəl isə 3 faiz azalmışdı.",
     [("2024-cü ildə", "2024"), ("bir il əvvəl", "2023")]),
    ("az", "2025-03-01", "Saziş 2010-cu ildə imzalanıb. Bir il sonra parlament onu ratifikasiya edib.",
     [("2010-cu ildə", "2010"), ("Bir il sonra", "2011")]),
    ("az", "2025-03-01", "Müqavilə 2005-ci ildə bağlanıb, ondan iki il əvvəl isə danışıqlar başlayıb.",
     [("2005-ci ildə", "2005"), ("ondan iki il əvvəl", "2003")]),
    # "N il sonra" in the future tense with no year in its sentence: from now
    ("az", "2025-03-01", "Zavod 2018-ci ildə tikilib. İki il sonra zavod genişləndiriləcək.",
     [("2018-ci ildə", "2018"), ("İki il sonra", "2027")]),
    ("az", "2025-03-01", "Zavod 2026-cı ildə açılacaq, iki il sonra isə genişləndiriləcək.",
     [("2026-cı ildə", "2026"), ("iki il sonra", "2028")]),
    # "N il əvvəl" alone is N years ago
    ("az", "2025-03-01", "Beş il əvvəl saziş imzalanıb.", [("Beş il əvvəl", "2020")]),
    ("az", "2025-03-01", "İki onillik əvvəl əlaqələr zəif idi.", [("İki onillik əvvəl", "2005")]),
)
def test_years_counted_from_the_text(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 3. Holidays used as dates take their day, and a year like any day without one; as the name
#    of an occasion (greetings, "the Victory Day parade", "Qələbə Günü münasibətilə") they are
#    not dates. Victory Day is 9 May for the Second World War, 8 November for Azerbaijan's
#    victory of 2020; Independence Day of Azerbaijan is 28 May since 2021, 18 October before;
#    Novruz is taken as 20 March.
@cases(
    ("en", "2025-01-10", "The ceasefire collapsed on Christmas Day, officials said.", [("Christmas Day", "2024-12-25")]),
    ("en", None, "The ceasefire collapsed on Christmas Day, officials said.", [("Christmas Day", "XXXX-12-25")]),
    ("en", "2025-04-20", "Putin will host Aliyev on Victory Day in Moscow.", [("Victory Day", "2025-05-09")]),
    ("en", "2025-04-20", "The leaders met on Victory Day, which marks the end of the Great Patriotic War.",
     [("Victory Day", "2024-05-09")]),
    ("en", "2025-11-20", "Parades were held across Azerbaijan on Victory Day, marking the Karabakh triumph.",
     [("Victory Day", "2025-11-08")]),
    ("en", "2025-04-20", "Aliyev congratulated Putin on Victory Day. The Victory Day parade drew crowds.", []),
    ("en", "2025-03-10", "The markets will close during Novruz, and the talks resume after New Year's Day.",
     [("Novruz", "2025-03-20"), ("New Year's Day", "2026-01-01")]),
    ("en", "2019-10-20", "The president spoke on Independence Day.", [("Independence Day", "2019-10-18")]),
    ("en", "2025-06-20", "The president spoke on Independence Day.", [("Independence Day", "2025-05-28")]),
    ("en", "2025-06-20", "The embassy held a reception on Russia Day and on the Day of Solidarity of World Azerbaijanis.",
     [("Russia Day", "2025-06-12"), ("Day of Solidarity of World Azerbaijanis", "2024-12-31")]),
    ("en", "2025-03-20", "Flowers were sold on International Women's Day. Christmas holidays start soon.",
     [("International Women's Day", "2025-03-08")]),
    # the year of the sentence
    ("en", "2025-03-20", "In 2020 the talks resumed on Republic Day.", [("2020", "2020"), ("Republic Day", "2020-05-28")]),
    ("ru", "2025-04-20", "Алиев приедет в Москву на День Победы.", [("День Победы", "2025-05-09")]),
    ("ru", "2025-04-20", "Парад ко Дню Победы пройдет на Красной площади.", [("Дню Победы", "2025-05-09")]),
    ("ru", "2025-01-10", "На Новый год цены выросли, а в новом году снизятся.", [("Новый год", "2025-01-01")]),
    ("ru", "2025-04-20", "Путин поздравил Алиева с Днем Победы. Концерт приурочен ко Дню Победы.", []),
    ("ru", "2025-06-20", "Посольство провело прием в День России.", [("День России", "2025-06-12")]),
    ("ru", "2025-03-10", "Рынки закроются на Новруз.", [("Новруз", "2025-03-20")]),
    ("ru", "2025-06-20", "Прием прошел в День независимости Азербайджана.", [("День независимости Азербайджана", "2025-05-28")]),
    # another country's day is not Azerbaijan's
    ("ru", "2025-06-20", "Прием прошел в День независимости Украины и в День Республики Беларусь.", []),
    ("en", "2025-06-20", "The embassy marked it on the Independence Day of Ukraine and on Independence Day of Azerbaijan.",
     [("Independence Day", "2025-05-28")]),
    ("az", "2025-06-20", "Ukraynanın Müstəqillik Günündə və Azərbaycanın Müstəqillik Günündə tədbir olub.",
     [("Müstəqillik Günündə", "2025-05-28")]),
    ("az", "2025-03-25", "Novruz bayramında prezident xalqı təbrik edib.", [("Novruz bayramında", "2025-03-20")]),
    ("az", "2025-11-20", "Qələbə Günündə Bakıda parad keçirilib.", [("Qələbə Günündə", "2025-11-08")]),
    ("az", "2025-05-20", "Faşizm üzərində Qələbə Günündə veteranlar yad edilib.", [("Qələbə Günündə", "2025-05-09")]),
    ("az", "2025-05-20", "Prezident Qələbə Günü münasibətilə xalqı təbrik edib.", []),
    ("az", "2025-06-20", "Müstəqillik Günündə qəbul təşkil olunub, Müstəqilliyin Bərpası Günündə isə konsert olacaq.",
     [("Müstəqillik Günündə", "2025-05-28"), ("Müstəqilliyin Bərpası Günündə", "2025-10-18")]),
    ("az", "2024-12-20", "Dünya Azərbaycanlılarının Həmrəylik Günündə və Yeni il bayramında tədbirlər keçiriləcək.",
     [("Dünya Azərbaycanlılarının Həmrəylik Günündə", "2024-12-31"), ("Yeni il bayramında", "2025-01-01")]),
)
def test_holidays_as_dates(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 4. "From 1 to 20 July" is one range of days.
@cases(
    ("en", "2025-06-10", "The festival runs from 1 to 20 July.", [("1 to 20 July", "2025-07-01/2025-07-20")]),
    ("en", "2025-06-10", "The festival runs from July 1 to 20.", [("July 1 to 20", "2025-07-01/2025-07-20")]),
    ("en", "2025-06-10", "The festival runs between 1 and 20 July.", [("1 and 20 July", "2025-07-01/2025-07-20")]),
    ("ru", "2025-06-10", "Фестиваль пройдет с 1 по 20 июля.", [("1 по 20 июля", "2025-07-01/2025-07-20")]),
    ("ru", "2025-06-10", "Фестиваль пройдет с 1 июля по 20 июля.", [("1 июля по 20 июля", "2025-07-01/2025-07-20")]),
    ("az", "2025-06-10", "Festival iyulun 1-dən 20-dək keçiriləcək.", [("iyulun 1-dən 20-dək", "2025-07-01/2025-07-20")]),
    ("az", "2025-06-10", "Festival 1 iyuldan 20 iyuladək keçiriləcək.", [("1 iyuldan 20 iyuladək", "2025-07-01/2025-07-20")]),
    ("az", None, "Festival iyulun 1-dən 20-nə qədər keçiriləcək.", [("iyulun 1-dən 20-nə qədər", "XXXX-07-01/XXXX-07-20")]),
)
def test_day_ranges(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# 5. Weekdays: without a known day of publication they stay XXXX-XX-XX (also under a date line
#    that gives no year, and when the year is only guessed: a weekday counted from a guessed
#    day would be a wrong day); next to a date or "yesterday" they are that day; the Russian
#    cases after "с", "до", "к" and after a date.
@cases(
    ("en", None, "MOSCOW, April 28. /TASS/. The foreign ministers discussed on Monday the prospects for a treaty.",
     [("April 28", "XXXX-04-28"), ("Monday", "XXXX-XX-XX")]),
    ("ru", None, "МОСКВА, 28 апреля. /ТАСС/. Министры обсудили в понедельник перспективы договора.",
     [("28 апреля", "XXXX-04-28"), ("понедельник", "XXXX-XX-XX")]),
    # a year named as the current one makes the date line a full date, but not the weekday's day
    ("en", None, "MOSCOW, April 8. /TASS/. Russia will host the summit until the end of 2018. The ministers met on Monday.",
     [("April 8", "2018-04-08"), ("end of 2018", "2018"), ("Monday", "2018-XX-XX")]),
    ("ru", None, "Баку. 10 мая. ИНТЕРФАКС - Вчера в четверг стороны провели консультации.",
     [("10 мая", "XXXX-05-10"), ("Вчера", "XXXX-05-09"), ("четверг", "XXXX-05-09")]),
    ("ru", "2025-05-10", "Министр прибудет 5 декабря, в четверг.", [("5 декабря", "2025-12-05"), ("четверг", "2025-12-05")]),
    ("ru", "2025-01-17", "Москва. 17 января. INTERFAX.RU - Ведомство с понедельника, 20 января, вводит ограничения.",
     [("17 января", "2025-01-17"), ("понедельника", "2025-01-20"), ("20 января", "2025-01-20")]),
    ("ru", "2022-02-22", "Визит в Москву. 22 февраля 2022 года, вторник. Президент прибыл в Москву.",
     [("22 февраля 2022 года", "2022-02-22"), ("вторник", "2022-02-22")]),
    ("ru", "2025-01-15", "Ограничения действуют до пятницы, а выбросы в окружающую среду и к среде обитания растут.",
     [("пятницы", "2025-01-17")]),
    ("en", "2022-02-22", "Live: February 22, 2022, Tuesday. The president arrived.",
     [("February 22, 2022", "2022-02-22"), ("Tuesday", "2022-02-22")]),
)
def test_weekdays(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# The year of the previous mention ("həmin ilin", "eyni ilin"; as "того же года", "that year")
# completes a month, a day or a part of the year in Azerbaijani.
@cases(
    ("az", "2025-05-01", "1992-ci ildə diplomatik əlaqələr qurulub. Səfirlik həmin ilin avqustunda açılıb.",
     [("1992-ci ildə", "1992"), ("həmin ilin avqustunda", "1992-08")]),
    ("az", None, "1992-ci ildə əlaqələr qurulub. Səfirlik həmin ilin avqustun 5-də açılıb.",
     [("1992-ci ildə", "1992"), ("həmin ilin avqustun 5-də", "1992-08-05")]),
    ("az", None, "1997-ci ildə müqavilə imzalanıb. Həmin ilin 3 iyulunda ratifikasiya olunub.",
     [("1997-ci ildə", "1997"), ("Həmin ilin 3 iyulunda", "1997-07-03")]),
    ("az", "2025-05-01", "2010-cu ildə zavod tikilib, eyni ilin sonunda isə istifadəyə verilib.",
     [("2010-cu ildə", "2010"), ("eyni ilin sonunda", "2010")]),
    ("az", None, "2008-ci ildə saziş imzalanıb, həmin ilin ikinci yarısında qüvvəyə minib.",
     [("2008-ci ildə", "2008"), ("həmin ilin ikinci yarısında", "2008-07/2008-12")]),
)
def test_az_month_of_the_year_just_named(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# A date after the infinitive of a past verb of intent or proposal, in its clause, is the date of
# what is to come; a date in another clause keeps the tense of its own.
@cases(
    ("ru", "2025-01-17", "Россельхознадзор предложил азербайджанской стороне провести видеоконференцию 22-23 января.",
     [("22-23 января", "2025-01-22/2025-01-23")]),
    ("ru", "2025-01-17", "Стороны договорились провести консультации 20 января в Москве.",
     [("20 января", "2025-01-20")]),
    ("en", "2025-01-17", "The ministry proposed to hold the next round on January 20.",
     [("January 20", "2025-01-20")]),
    ("ru", "2022-11-18", "Азербайджан обязался удвоить поставки, согласно меморандуму, подписанному Баку и Еврокомиссией 18 июля.",
     [("18 июля", "2022-07-18")]),
    ("en", "2025-01-17", "On January 10 the sides agreed to hold talks.", [("January 10", "2025-01-10")]),
)
def test_dates_after_an_infinitive_of_intent(language, published, text, expected):
    assert found(text, language, published) == expected
