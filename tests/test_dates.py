"""Date extractor: hand-written news sentences per phenomenon and language.

Each case lists every mention the sentence must give, as (exact span text, TIMEX value), in
text order, so a missed, extra, mis-spanned or mis-resolved date all fail the test.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from transforms.dates import extract_dates

P = dt.date(2023, 5, 10)          # a Wednesday


def found(text: str, language: str | None, published: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_dates(text, language, published)]


def check(language, published, text, expected):
    assert found(text, language, published) == expected


# ---------------------------------------------------------------------------------------------
# Azerbaijani
AZ_CASES = [
    # ranges of days
    (None, "Komissiyanın iclası aprelin 25-26-da keçirilib.", [("aprelin 25-26-da", "XXXX-04-25/XXXX-04-26")]),
    (None, "Sərgi mayın 10-dan 14-dək davam edəcək.", [("mayın 10-dan 14-dək", "XXXX-05-10/XXXX-05-14")]),
    (None, "Forum 22-23 sentyabr 2023-cü il tarixlərində olub.",
     [("22-23 sentyabr 2023-cü il", "2023-09-22/2023-09-23")]),
    (None, "Tədbir 30 sentyabr - 2 oktyabr 2024-cü il tarixlərində keçiriləcək.",
     [("30 sentyabr - 2 oktyabr 2024-cü il", "2024-09-30/2024-10-02")]),
    # months and years
    (None, "2021-ci ilin iyununda danışıqlar başlayıb.", [("2021-ci ilin iyununda", "2021-06")]),
    (None, "2022-ci il sentyabr ayında görüş olub.", [("2022-ci il sentyabr ayında", "2022-09")]),
    (None, "Layihə 2024-cü ilə qədər həyata keçiriləcək.", [("2024-cü ilə qədər", "2024")]),
    (None, "2028-ci ildən etibarən yük həcmi artacaq.", [("2028-ci ildən etibarən", "2028")]),
    (None, "2014-cü il ərzində nazirlər dörd dəfə görüşüb.", [("2014-cü il ərzində", "2014")]),
    (None, "Ticarət 2023-də 17 faiz artıb.", [("2023-də", "2023")]),
    (None, "Proqram 2019-2024-cü illərdə icra olunub.", [("2019-2024-cü illərdə", "2019/2024")]),
    (None, "Plan 2019-cu ildən 2024-cü ilədək nəzərdə tutulub.", [("2019-cu ildən 2024-cü ilədək", "2019/2024")]),
    (None, "Razılaşmalar 2020 və 2021-ci illərdə əldə edilib.", [("2020", "2020"), ("2021-ci illərdə", "2021")]),
    (None, "Sazişlər 2001, 2008 və 2010-cu illərdə imzalanıb.",
     [("2001", "2001"), ("2008", "2008"), ("2010-cu illərdə", "2010")]),
    (None, "Sammit 12 və 13 iyun tarixlərində, konfrans isə 5 və 9 iyulda olub.",
     [("12 və 13 iyun", "XXXX-06-12/XXXX-06-13"), ("5", "XXXX-07-05"), ("9 iyulda", "XXXX-07-09")]),
    (None, "2023/2024 tədris ilində mübadilə proqramı başlayıb.", [("2023/2024", "2023/2024")]),
    ("2024-05-01", "Sammit 28-29 fevral tarixlərində keçirilib.", [("28-29 fevral", "2024-02-28/2024-02-29")]),
    # parts of a year
    ("2025-10-13", "2025-ci ilin ilk 9 ayında yükdaşıma artıb.", [("2025-ci ilin ilk 9 ayında", "2025-01/2025-09")]),
    ("2025-10-13", "Cari ilin yanvar-sentyabr aylarında ixrac 8 faiz artıb, ötən ilin eyni dövrü ilə müqayisədə.",
     [("Cari ilin yanvar-sentyabr aylarında", "2025-01/2025-09"), ("ötən ilin eyni dövrü", "2024-01/2024-09")]),
    ("2024-03-01", "2023-cü ilin ikinci yarısında və bu ilin birinci rübündə idxal azalıb.",
     [("2023-cü ilin ikinci yarısında", "2023-07/2023-12"), ("bu ilin birinci rübündə", "2024-01/2024-03")]),
    ("2024-03-01", "Bu ilin əvvəlində və ötən ilin sonunda danışıqlar aparılıb.",
     [("Bu ilin əvvəlində", "2024"), ("ötən ilin sonunda", "2023")]),
    ("2024-03-01", "Ötən ilin dekabrında sənəd imzalanıb.", [("Ötən ilin dekabrında", "2023-12")]),
    # relative expressions
    (None, "Bu ilin fevralın 22-də Bəyannamə imzalanıb.", [("Bu ilin fevralın 22-də", "XXXX-02-22")]),
    (None, "Forumun bu il Bakıda keçirilməsi gözlənilir.", [("bu il", "XXXX")]),
    (P.isoformat(), "Keçən il ticarət artıb, gələn il isə yeni layihələr başlayacaq.",
     [("Keçən il", "2022"), ("gələn il", "2024")]),
    (P.isoformat(), "Nazir dünən Bakıya gəlib, sabah Moskvaya yola düşəcək.",
     [("dünən", "2023-05-09"), ("sabah", "2023-05-11")]),
    (P.isoformat(), "Prezident bu gün sənədləri imzalayıb.", [("bu gün", "2023-05-10")]),
    (None, "Lavrov ötən gün Əliyevlə görüşüb.", [("ötən gün", "XXXX-XX-XX")]),
    (P.isoformat(), "Ötən həftə Bakıda danışıqlar olub.", [("Ötən həftə", "2023-05-01/2023-05-07")]),
    (P.isoformat(), "Gələn ay sammit keçiriləcək.", [("Gələn ay", "2023-06")]),
    (P.isoformat(), "Bu ayın 15-də nazirlər görüşəcək.", [("Bu ayın 15-də", "2023-05-15")]),
    (P.isoformat(), "Beş il əvvəl saziş imzalanıb.", [("Beş il əvvəl", "2018")]),
    (None, "Beş il əvvəl saziş imzalanıb.", [("Beş il əvvəl", "XXXX")]),
    (P.isoformat(), "Çərşənbə axşamı prezidentlər telefonla danışıblar.", [("Çərşənbə axşamı", "2023-05-09")]),
    (P.isoformat(), "Cümə günü sammit keçiriləcək.", [("Cümə günü", "2023-05-12")]),
    (P.isoformat(), "Bazar ertəsi nümayəndə heyəti Moskvaya gedib.", [("Bazar ertəsi", "2023-05-08")]),
    (P.isoformat(), "Görüş iyunun 15-də keçiriləcək.", [("iyunun 15-də", "2023-06-15")]),
    (P.isoformat(), "Görüş iyunun 15-də keçirilib.", [("iyunun 15-də", "2022-06-15")]),
    (P.isoformat(), "Sənəd həmin gün qüvvəyə minib.", [("həmin gün", "2023-05-10")]),
    (None, "Prezident aprelin 4-də Bakıya gəlib və həmin gün sazişi imzalayıb.",
     [("aprelin 4-də", "XXXX-04-04"), ("həmin gün", "XXXX-04-04")]),
    # not dates
    (P.isoformat(), "Diplomatik münasibətlərin 30-cu ildönümü qeyd olunub.", []),
    (P.isoformat(), "Sabah qəzeti yazır ki, danışıqlar uğurlu olub.", []),
    (P.isoformat(), "Nümayəndələr Cümə məscidini ziyarət ediblər.", []),
    (P.isoformat(), "Azərbaycan və Rusiya bu gün bir çox sahədə uğurla əməkdaşlıq edir.", []),
    (P.isoformat(), "Ölkələr arasında mayda-xırda fikir ayrılıqları qalmayıb.", []),
    (P.isoformat(), "Marta xanım Maya ilə görüşüb.", []),
    (P.isoformat(), "Hər ilin sonunda hesabat dərc olunur.", []),
]

# ---------------------------------------------------------------------------------------------
# Russian
RU_CASES = [
    # months
    (None, "Президент планирует в сентябре и октябре нынешнего года посетить Баку.",
     [("сентябре", "XXXX-09"), ("октябре нынешнего года", "XXXX-10")]),
    ("2018-09-07", "Президент планирует в сентябре и октябре нынешнего года посетить Баку.",
     [("сентябре", "2018-09"), ("октябре нынешнего года", "2018-10")]),
    (None, "В феврале 2022 года стороны подписали декларацию.", [("феврале 2022 года", "2022-02")]),
    ("2024-02-10", "В прошлом декабре он принес извинения.", [("прошлом декабре", "2023-12")]),
    ("2024-02-10", "В конце сентября начнется визит.", [("конце сентября", "2024-09")]),
    # years
    (None, "Экспорт газа восстановят в 2015 году.", [("2015 году", "2015")]),
    (None, "Товарооборот в 2022 г. вырос на 17%.", [("2022 г.", "2022")]),
    (None, "Программа рассчитана на 2019–2024 годы.", [("2019–2024 годы", "2019/2024")]),
    (None, "Соглашение действовало с 2019 по 2024 год.", [("2019 по 2024 год", "2019/2024")]),
    (None, "Декларации подписаны в 2001 и 2008 годах.", [("2001", "2001"), ("2008 годах", "2008")]),
    (None, "Отчет ожидается до конца 2025 года.", [("конца 2025 года", "2025")]),
    (None, "К 2030 году объем перевозок вырастет.", [("2030 году", "2030")]),
    (None, "Трасса построена в 2020-м, к 2030-му году ее расширят.", [("2020-м", "2020"), ("2030-му году", "2030")]),
    # parts of a year
    (None, "SOCAR в первом полугодии 2014 года экспортировала 100 млн кубометров газа против 876 млн "
           "за аналогичный период прошлого года.",
     [("первом полугодии 2014 года", "2014-01/2014-06"), ("аналогичный период прошлого года", "2013-01/2013-06")]),
    (None, "В первом квартале 2024 года товарооборот вырос.", [("первом квартале 2024 года", "2024-01/2024-03")]),
    (None, "В первом квартале 2024 года, по данным на 15 апреля, рост составил 5% к аналогичному периоду прошлого года.",
     [("первом квартале 2024 года", "2024-01/2024-03"), ("15 апреля", "2024-04-15"),
      ("аналогичному периоду прошлого года", "2023-01/2023-03")]),
    (None, "За 9 месяцев 2024 года перевезено 5 млн тонн.", [("9 месяцев 2024 года", "2024-01/2024-09")]),
    ("2024-11-10", "В январе–сентябре текущего года товарооборот вырос.",
     [("январе–сентябре текущего года", "2024-01/2024-09")]),
    (None, "В начале 2021 года начались консультации.", [("начале 2021 года", "2021")]),
    # relative
    (P.isoformat(), "В прошлом году товарооборот вырос, в текущем году рост продолжится.",
     [("прошлом году", "2022"), ("текущем году", "2023")]),
    (None, "По сравнению с предшествующим годом объем вырос.", [("предшествующим годом", "XXXX")]),
    (P.isoformat(), "Вчера министр прибыл в Баку, а завтра отправится в Ереван.",
     [("Вчера", "2023-05-09"), ("завтра", "2023-05-11")]),
    (P.isoformat(), "Путин накануне заявил о поддержке.", [("накануне", "2023-05-09")]),
    (P.isoformat(), "Во вторник прошли переговоры.", [("вторник", "2023-05-09")]),
    (P.isoformat(), "Встреча состоится в пятницу.", [("пятницу", "2023-05-12")]),
    (P.isoformat(), "Пять лет назад стороны подписали соглашение.", [("Пять лет назад", "2018")]),
    (None, "Декларация была подписана ровно год назад.", [("год назад", "XXXX")]),
    (P.isoformat(), "На прошлой неделе состоялись консультации.", [("прошлой неделе", "2023-05-01/2023-05-07")]),
    (None, "Министр прибудет завтра, 5 декабря.", [("завтра", "XXXX-12-05"), ("5 декабря", "XXXX-12-05")]),
    (None, "Алиев прибыл в Москву 22 февраля и в тот же день провел переговоры.",
     [("22 февраля", "XXXX-02-22"), ("тот же день", "XXXX-02-22")]),
    (None, "В марте 2014 года и в декабре того же года.", [("марте 2014 года", "2014-03"), ("декабре того же года", "2014-12")]),
    # not dates
    (P.isoformat(), "На форуме присутствовали 2000 человек, рост составил 2,5%.", []),
    (P.isoformat(), "Сегодня российско-азербайджанские отношения развиваются на высоком уровне.", []),
]

# ---------------------------------------------------------------------------------------------
# English
EN_CASES = [
    # months, years
    (None, "In June 2021, Azerbaijan and Turkey signed the Shusha Declaration.", [("June 2021", "2021-06")]),
    ("2020-05-28", "The meeting of co-chairs will be held in June.", [("June", "2020-06")]),
    ("2020-05-28", "The commission met in March.", [("March", "2020-03")]),
    ("2024-02-10", "The decision was taken last December.", [("December", "2023-12")]),
    (None, "In 2011 bilateral trade exceeded USD 2.5 billion.", [("2011", "2011")]),
    (None, "The Baku (2001 and 2008) and Moscow (2008) declarations.", [("2001", "2001"), ("2008", "2008"), ("2008", "2008")]),
    (None, "The ITC was formalized in 2000 through an agreement, and a 2023 agreement followed.",
     [("2000", "2000"), ("2023", "2023")]),
    (None, "Agreements were reached between 2020 and 2022.", [("2020 and 2022", "2020/2022")]),
    (None, "The programme covers 2019-2024.", [("2019-2024", "2019/2024")]),
    (None, "Document from CIS Legislation database © 2003-2022 SojuzPravoInform LLC", [("© 2003-2022", "2003/2022")]),
    (None, "The target is to be reached by 2030.", [("2030", "2030")]),
    (None, "Work in this regard began in early 2021 and by mid-2024 it was over.",
     [("early 2021", "2021"), ("mid-2024", "2024")]),
    (None, "At the end of 2021, the president gave his address.", [("end of 2021", "2021")]),
    # parts of a year
    ("2020-05-28", "The commission will meet in IV quarter of this year.", [("IV quarter of this year", "2020-10/2020-12")]),
    ("2020-05-28", "The forum is planned for the second half of this year.", [("second half of this year", "2020-07/2020-12")]),
    (None, "Cargo grew 8% in the first nine months of 2025 compared with the same period of 2024.",
     [("first nine months of 2025", "2025-01/2025-09"), ("same period of 2024", "2024-01/2024-09")]),
    (None, "In Q1 2024 and H2 2023 trade rose.", [("Q1 2024", "2024-01/2024-03"), ("H2 2023", "2023-07/2023-12")]),
    (None, "Trade in January-September 2024 reached $3 billion.", [("January-September 2024", "2024-01/2024-09")]),
    ("2024-02-12", "At the beginning of this year the share exceeded 54 percent.", [("beginning of this year", "2024")]),
    # relative
    ("2023-05-10", "Last year trade grew, and this year it will reach $5 billion.", [("Last year", "2022"), ("this year", "2023")]),
    ("2023-05-10", "Yesterday the minister arrived; tomorrow he will leave.", [("Yesterday", "2023-05-09"), ("tomorrow", "2023-05-11")]),
    ("2023-05-10", "The presidents spoke by phone on Tuesday.", [("Tuesday", "2023-05-09")]),
    ("2023-05-10", "The presidents will meet on Friday.", [("Friday", "2023-05-12")]),
    ("2024-08-19", "The main day of the visit begins on Monday.", [("Monday", "2024-08-19")]),
    ("2023-05-10", "Exports fell last month and will recover next month.", [("last month", "2023-04"), ("next month", "2023-06")]),
    ("2023-05-10", "Talks are scheduled for next week.", [("next week", "2023-05-15/2023-05-21")]),
    ("2023-05-10", "Two years ago the corridor was launched.", [("Two years ago", "2021")]),
    (None, "Twenty years ago, on 4 April 1992, the Protocol was signed.",
     [("Twenty years ago", "1992"), ("4 April 1992", "1992-04-04")]),
    (None, "Putin arrived on 5 June and met Aliyev the same day.", [("5 June", "XXXX-06-05"), ("same day", "XXXX-06-05")]),
    # not dates
    (None, "Today, the cooperation between Azerbaijan and Russia is developing steadily.", []),
    (None, "In today's world, dialogue matters; today's meeting was useful.", [("today's", "XXXX-XX-XX")]),
    (None, "The two-day visit lasted 30 years of memory: a 25th anniversary.", []),
    ("2023-05-10", "The city was founded 999 years ago.", []),
    (None, "Baku hosted Euro 2020 matches and Expo 2025 pavilions under Vision 2030.", []),
    (None, "Read more at https://news.az/2024/08/27/russia-azerbaijan-2024.html today", [("today", "XXXX-XX-XX")]),
]


@pytest.mark.parametrize("published,text,expected", AZ_CASES)
def test_azerbaijani(published, text, expected):
    check("az", dt.date.fromisoformat(published) if published else None, text, expected)


@pytest.mark.parametrize("published,text,expected", RU_CASES)
def test_russian(published, text, expected):
    check("ru", dt.date.fromisoformat(published) if published else None, text, expected)


@pytest.mark.parametrize("published,text,expected", EN_CASES)
def test_english(published, text, expected):
    check("en", dt.date.fromisoformat(published) if published else None, text, expected)


# ---------------------------------------------------------------------------------------------
# Text-level context
def test_dateline_stands_in_for_a_missing_publication_date():
    text = "29.12.2024 00:10\nПрезидент заявил вчера, что комиссия уже работает."
    assert found(text, "ru") == [("29.12.2024", "2024-12-29"), ("вчера", "2024-12-28")]


def test_year_named_as_current_anchors_relative_dates_without_publication_date():
    text = ("До конца 2018 года Россия примет трехсторонний саммит. "
            "Президенты уже трижды встречались в этом году, 27–28 сентября пройдет встреча СНГ.")
    assert found(text, "ru") == [("конца 2018 года", "2018"), ("этом году", "2018"),
                                 ("27–28 сентября", "2018-09-27/2018-09-28")]


def test_a_past_year_does_not_anchor_relative_dates():
    text = "Соглашение подписано в 2015 году. В этом году товарооборот вырос."
    assert found(text, "ru") == [("2015 году", "2015"), ("этом году", "XXXX")]


def test_language_is_guessed_when_missing():
    assert found("Saziş fevralın 22-də imzalanıb.", None) == [("fevralın 22-də", "XXXX-02-22")]
    assert found("Визит состоится 5 декабря.", None) == [("5 декабря", "XXXX-12-05")]
    assert found("The visit took place on 5 December 2022.", None) == [("5 December 2022", "2022-12-05")]


def test_mention_fields():
    [m] = extract_dates("Görüş 2022-ci ilin sentyabrında olub.", "az", None)
    assert (m.value_start, m.value_end, m.granularity, m.is_range, m.is_relative) == (
        dt.date(2022, 9, 1), dt.date(2022, 9, 30), "month", False, False)
    [m] = extract_dates("Bu il aprelin 25-26-da iclas keçirilib.", "az", None)
    assert (m.value, m.value_start, m.value_end, m.granularity, m.is_range, m.is_relative) == (
        "XXXX-04-25/XXXX-04-26", None, None, "day", True, True)
    [m] = extract_dates("The programme covers 2019-2024.", "en", None)
    assert (m.value_start, m.value_end, m.granularity, m.is_range) == (
        dt.date(2019, 1, 1), dt.date(2024, 12, 31), "year", True)
    assert 0 < m.confidence <= 1 and m.rule


SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")
def test_seed_article():
    assert found(SEED.read_text(encoding="utf-8"), "az", None) == [
        ("Bu ilin fevralın 22-də", "XXXX-02-22"), ("4 aprel", "XXXX-04-04"), ("2024-cü ilə qədər", "2024"),
        ("Bu il aprelin 25-26-da", "XXXX-04-25/XXXX-04-26"), ("bu il", "XXXX"),
    ]
