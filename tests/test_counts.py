"""Count extractor: hand-written news sentences per phenomenon and language, each asserting every
mention found (span text, value, kind, qualifier), so that misses and spurious counts both fail."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.counts import extract_counts
from transforms.evaluation import gold_spans, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

E, MT, LT, AB, AL, AM = "exact", "more_than", "less_than", "about", "at_least", "at_most"
C, O, M, P = "cardinal", "ordinal", "money", "percent"


def found(text: str, lang: str | None, exclude=()) -> list[tuple]:
    return [(m.text, m.value, m.kind, m.qualifier) for m in extract_counts(text, lang, exclude)]


def check(lang: str, text: str, expected: list[tuple]) -> None:
    assert found(text, lang) == [(t, float(v), k, q) for t, v, k, q in expected]


# --------------------------------------------------------------------------------------------
# Azerbaijani
# --------------------------------------------------------------------------------------------
AZ = [
    # ordinals
    ("İlk görüş Bakıda olub; ilk növbədə, ilk dəfə, ilk 9 ayda, ilin ilk yarısında, ilkin məlumat.",
     [("İlk", 1, O, E), ("9", 9, C, E)]),
    # Roman numerals only before event nouns
    ("VIII Azərbaycan-Rusiya regionlararası forumu Bakıda keçiriləcək.", [("VIII", 8, O, E)]),
    ("XII forumda iştirakçılar XXI əsrin çağırışlarını müzakirə ediblər.", [("XII", 12, O, E), ("XXI", 21, O, E)]),
    # words
    ("İki ölkənin liderləri üç sənəd imzalayıb, beş il əvvəl isə dörd saziş.",
     [("İki", 2, C, E), ("üç", 3, C, E), ("beş", 5, C, E), ("dörd", 4, C, E)]),
    ("Hər iki tərəf iyirmi beş şirkət və yüz əlli nəfərlə gəlib.",
     [("iki", 2, C, E), ("iyirmi beş", 25, C, E), ("yüz əlli", 150, C, E)]),
    ("İki ölkə arasında ticarət artır, hər iki ölkə arasında isə dialoq var.", [("iki", 2, C, E)]),
    ("Layihə bir il ərzində başa çatacaq, dəyəri bir milyard manatdır.",
     [("bir", 1, C, E), ("bir milyard manatdır", 1e9, M, E)]),
    ("İkinci Qarabağ müharibəsi 44 gün davam edib.", [("44", 44, C, E)]),
    # money
    ("Ticarət dövriyyəsi 3,2 milyard ABŞ dolları təşkil edib.", [("3,2 milyard ABŞ dolları", 3.2e9, M, E)]),
    ("İnvestisiyalar təxminən 1,8 milyard dollar, layihə 40 milyon manatlıqdır.",
     [("təxminən 1,8 milyard dollar", 1.8e9, M, AB), ("40 milyon manatlıqdır", 4e7, M, E)]),
    ("Sazişin dəyəri 1,2 milyard avro, 300 milyon rubl və 2,5 mlrd. dollardır.",
     [("1,2 milyard avro", 1.2e9, M, E), ("300 milyon rubl", 3e8, M, E), ("2,5 mlrd. dollardır", 2.5e9, M, E)]),
    ("Dövriyyəni 6 milyard dollara çatdırmaq və 1 milyard dollardan çox sərmayə cəlb etmək planlaşdırılır.",
     [("6 milyard dollara", 6e9, M, E), ("1 milyard dollardan çox", 1e9, M, MT)]),
    ("Kredit 50 min manat, məzənnə 1,7 manat; AZN 100 milyon.",
     [("50 min manat", 50_000, M, E), ("1,7 manat", 1.7, M, E), ("AZN 100 milyon", 1e8, M, E)]),
    # percent
    ("İxrac 12% artıb, idxal isə 4,5 % azalıb; artım 7 faiz, 3 faizdən çox.",
     [("12%", 12, P, E), ("4,5 %", 4.5, P, E), ("7 faiz", 7, P, E), ("3 faizdən çox", 3, P, MT)]),
    ("Pay təxminən 20%-ə çatıb, inflyasiya 2 faiz bəndi azalıb.",
     [("təxminən 20%-ə", 20, P, AB), ("2 faiz bəndi", 2, P, E)]),
    # scale words and measures
    ("Dəhliz ilə 15 milyon ton yük, 300 min konteyner və 1.500 vaqon daşınıb.",
     [("15 milyon", 1.5e7, C, E), ("300 min", 300_000, C, E), ("1.500", 1500, C, E)]),
    ("Həcmin 25 milyon tona çatdırılması və 30 milyon tonadək artırılması gözlənilir.",
     [("25 milyon", 2.5e7, C, E), ("30 milyon", 3e7, C, E)]),
    # ranges
    ("Hər il 5-7 milyon ton yük və 10-15 faiz artım gözlənilir.",
     [("5", 5e6, C, AL), ("7 milyon", 7e6, C, AM), ("10", 10, P, AL), ("15 faiz", 15, P, AM)]),
    ("Tədbirə 50-dən 70-ə qədər qonaq gələcək, ixrac isə 2-dən 4 milyard dollara qədər artıb.",
     [("50-dən", 50, C, AL), ("70-ə qədər", 70, C, AM), ("2-dən", 2e9, M, E), ("4 milyard dollara", 4e9, M, E)]),
    # not counts: dates, times, labels, codes, URLs, phones
    ("Saat 15:30-da, 03.07.1997 tarixində, fevralın 22-də və 4 aprel tarixində görüş olub.", []),
    ("2020 və 2021-ci illərdə, 90-cı illərdə, 1990-cı ildə və 2024-cü ilə qədər.", []),
    ("822, 853, 874 və 884 saylı qətnamələr, Müqavilənin 5-ci maddəsi, Maddə 12.", []),
    ("Su-25 təyyarəsi, COVID-19 pandemiyası, G20 sammiti və COP29 konfransı.", []),
    ("Əlaqə: +994 12 498 12 34, sayt www.mfa.gov.az/az/news/123, e-poçt info2@mfa.az.", []),
    ("3+3 formatında görüş keçirilib.", []),
    ("Suallar üçün qaynar xətt 1655 işləyir. Prinsiplər:\n(1) suverenlik;\n(2) güc tətbiq etməmək.", []),
    # four digits: a year unless a lower-case counted noun follows
    ("Bölgəyə 1960 hərbi qulluqçu və 1500 nəfər göndərilib; 2020 və 2021-ci illərdə.",
     [("1960", 1960, C, E), ("1500", 1500, C, E)]),
    ("Baxış sayı:\n575\nXəbərdə 12 nəfər.", [("12", 12, C, E)]),
]


@pytest.mark.parametrize("text, expected", AZ)
def test_azerbaijani(text, expected):
    check("az", text, expected)


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------
RU = [
    # ordinals
    ("XI форум регионов и VI Каспийский саммит; в XXI веке.",
     [("XI", 11, O, E), ("VI", 6, O, E), ("XXI", 21, O, E)]),
    ("Двухдневный визит, пятилетний план, двукратный рост; трехсторонние и двусторонние встречи.",
     [("Двухдневный", 2, C, E), ("пятилетний", 5, C, E), ("двукратный", 2, C, E)]),
    # money and percent
    ("Товарооборот составил $2,14 млрд, из которых около $1,5 млрд пришлись на импорт.",
     [("$2,14 млрд", 2.14e9, M, E), ("около $1,5 млрд", 1.5e9, M, AB)]),
    ("Объем вырос на 4,3% и превысил 4 млрд долларов; доля — 15 процентов.",
     [("4,3%", 4.3, P, E), ("4 млрд долларов", 4e9, M, MT), ("15 процентов", 15, P, E)]),
    ("Сделка на 1,2 млрд евро, 300 млн манатов, 50 млн юаней и 2 млн долларов США.",
     [("1,2 млрд евро", 1.2e9, M, E), ("300 млн манатов", 3e8, M, E), ("50 млн юаней", 5e7, M, E),
      ("2 млн долларов США", 2e6, M, E)]),
    ("Курс доллара — 92,59 руб., евро — 100,27 руб.; USD = 92.59 RUB.",
     [("92,59 руб.", 92.59, M, E), ("100,27 руб.", 100.27, M, E), ("92.59 RUB", 92.59, M, E)]),
    ("Рост на 3 процентных пункта и в 2,5 раза.", [("3 процентных пункта", 3, P, E), ("2,5", 2.5, C, E)]),
    # ranges and changes
    ("Около 5-7 млн тонн грузов, от 10 до 15% роста.",
     [("Около 5", 5e6, C, AB), ("7 млн", 7e6, C, AB), ("10", 10, P, AL), ("15%", 15, P, AM)]),
    ("Экспорт возрос с 2 до 4 млрд долларов.", [("2", 2e9, M, E), ("4 млрд долларов", 4e9, M, E)]),
    # not counts
    ("В 2023 году, 25–26 апреля, в 12:40 по московскому времени (UTC+3); 29.12.2024 00:10.", []),
    ("Самолет Embraer 190, Су-25 и С-400; статья 5 и пункт 3 договора; № 12.", []),
    ("В 1990-х годах и в 2000-е годы; договор 1997 года; с 2019 по 2023 гг.", []),
    ("Телефон: +7 (495) 123-45-67, сайт www.mid.ru/ru/2024.", []),
    ("Им вменяются статьи 193-1 (незаконное предпринимательство), 206 (контрабанда) и 192 УК; горячая линия 122.", []),
    ("Рост составил 12 с лишним процентов, прибыло 850 с лишним тысяч туристов.",
     [("12 с лишним процентов", 12, P, MT), ("850 с лишним тысяч", 850_000, C, MT)]),
    ("19°С в Москве; в 2000 году; 2000 участников; план на 2023–2024 годы.", [("2000", 2000, C, E)]),
    ("Конфликт, 29 сен 2023, 14:07; основное на 07.10; из них выжило около 30.", [("около 30", 30, C, AB)]),
    ("Рост (+17%), более полутысячи единиц техники, полмиллиона долларов; UTC+3.",
     [("17%", 17, P, E), ("более полутысячи", 500, C, MT), ("полмиллиона долларов", 5e5, M, E)]),
]


@pytest.mark.parametrize("text, expected", RU)
def test_russian(text, expected):
    check("ru", text, expected)


# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------
EN = [
    # ordinals in digits and Roman numerals
    ("The XI Caspian Forum and the VI Caspian Summit; World War II, Peter I and Sputnik V.",
     [("XI", 11, O, E), ("VI", 6, O, E)]),
    # money and percent
    ("Russia exported €1.6bn of goods and $300m of services; £3m went to charity.",
     [("€1.6bn", 1.6e9, M, E), ("$300m", 3e8, M, E), ("£3m", 3e6, M, E)]),
    ("Investments amount to 6.5 billion US dollars, 2 billion manats and 500 million rubles.",
     [("6.5 billion US dollars", 6.5e9, M, E), ("2 billion manats", 2e9, M, E), ("500 million rubles", 5e8, M, E)]),
    ("Trade grew by 8.3 per cent, 17 percent, 4,3% and 3 percentage points.",
     [("8.3 per cent", 8.3, P, E), ("17 percent", 17, P, E), ("4,3%", 4.3, P, E), ("3 percentage points", 3, P, E)]),
    ("AZN = 54.47 RUB; US$1.2 billion; AZN 1.7 billion.",
     [("54.47 RUB", 54.47, M, E), ("US$1.2 billion", 1.2e9, M, E), ("AZN 1.7 billion", 1.7e9, M, E)]),
    # scale words and measures
    ("The corridor carries 5 million tonnes, approximately 7,200 kilometres long, 1,200,000 tons and 15 000 tonnes.",
     [("5 million", 5e6, C, E), ("approximately 7,200", 7200, C, AB), ("1,200,000", 1.2e6, C, E),
      ("15 000", 15000, C, E)]),
    ("A 162-kilometer railway, a 45-member delegation and a 3,000km route.",
     [("162-kilometer", 162, C, E), ("45-member", 45, C, E), ("3,000km", 3000, C, E)]),
    # ranges and changes
    ("Some 5-7 million tonnes will pass, between 10 and 15 percent more.",
     [("Some 5", 5e6, C, AB), ("7 million", 7e6, C, AB), ("10", 10, P, AL), ("15 percent", 15, P, AM)]),
    ("Exports rose from 2 to 4 billion dollars.", [("2", 2e9, M, E), ("4 billion dollars", 4e9, M, E)]),
    ("Trade rose from $2 billion to $4 billion.", [("$2 billion", 2e9, M, E), ("$4 billion", 4e9, M, E)]),
    # not counts
    ("Paragraphs 5, 6 and 7 of Article 12; No. 3; page 4; Chapter 2; Resolutions 822 and 853.", []),
    ("The Su-25, F-16, S-400, Embraer 190, A320, G20, COVID-19 and 5G were mentioned.", []),
    ("28 May 2020 16:29 (UTC +04:00); 22 Feb. 12:40 (UTC+3 MSK); + 16 px.", []),
    ("Call +994 12 498 12 34 or visit https://example.com/news/2024/12345.", []),
    ("Hotline: 146. The principles:\n(1) sovereignty;\n(2) non-use of force;\n(6) no foreign forces.", []),
    ("In 2011, from 2018 to 2022, in the 1990s, on February 22, 2022 and on 4 April 1992.", []),
    ("The 3+3 format and the C5+1 meeting.", []),
    ("From 17 to 18 November, the 2023 agreement; since 2000 relations grew; 1800 participants came.",
     [("1800", 1800, C, E)]),
    ("Baku signed deals with 71 out of 83 regions.", [("71", 71, C, E), ("83", 83, C, E)]),
    ("About a thousand people, a dozen agreements, hundreds of firms and dozens of talks.",
     [("About a thousand", 1000, C, AB), ("a dozen", 12, C, E)]),
    ("Putin to Pay 2-Day Visit; the visit began on Sunday the 18th.", [("2-Day", 2, C, E)]),
    ("The December 25, 2024 crash killed 38 of the 67 people on board.", [("38", 38, C, E), ("67", 67, C, E)]),
    ("Russia is the third-largest trade partner; the Second Karabakh War lasted 44 days.",
     [("third-largest", 3, O, E), ("44", 44, C, E)]),
]


@pytest.mark.parametrize("text, expected", EN)
def test_english(text, expected):
    check("en", text, expected)


# --------------------------------------------------------------------------------------------
# Objects, exclusion, ordering, seed and the dev set
# --------------------------------------------------------------------------------------------
# (The counted objects are examples now: transforms/counts/examples/<language>.toml.)


def test_exclude_removes_counts_inside_dates():
    text = "Son 5 ildə ticarət 2,5 milyard dollar olub, 2025-ci ilin ilk 9 ayında isə 8% artıb."
    assert [m.text for m in extract_counts(text, "az")] == ["5", "2,5 milyard dollar", "9", "8%"]
    dates = [(text.index("Son 5 ildə"), text.index("Son 5 ildə") + 10),
             (text.index("2025"), text.index("ayında") + 6)]
    assert [m.text for m in extract_counts(text, "az", dates)] == ["2,5 milyard dollar", "8%"]


def test_exclude_accepts_unsorted_and_out_of_range_spans():
    text = "Над 4 регионами и 5 странами."
    got = extract_counts(text, "ru", [(100, 200), (text.index("5"), text.index("5") + 1), (-5, 0)])
    assert [m.text for m in got] == ["4"]


def test_language_guessed_when_missing():
    assert found("Более 20 стран.", None) == [("Более 20", 20.0, C, MT)]
    assert found("Təxminən 20 ölkə və 150-dən çox şirkət.", None) == [
        ("Təxminən 20", 20.0, C, AB), ("150-dən çox", 150.0, C, MT)]
    assert found("More than 20 countries.", None) == [("More than 20", 20.0, C, MT)]


def test_mentions_are_sorted_and_do_not_overlap():
    text = "Около 5-7 млн тонн, более 70 регионов, 20-е заседание, трижды, $2,14 млрд и 4,3%."
    ms = extract_counts(text, "ru")
    assert len(ms) == 7
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start


def test_seed_article_exactly():
    path = SHARED / "seed.txt"
    if not path.exists():
        pytest.skip("no ../shared/corpus in this checkout")
    got = [(m.text, m.value, m.kind, m.qualifier) for m in extract_counts(path.read_text(encoding="utf-8"), "az")]
    assert got == [
        ("150-dən çox", 150.0, C, MT), ("30-cu", 30.0, O, E), ("altı", 6.0, C, E), ("20-ci", 20.0, O, E),
        ("70-dən çox", 70.0, C, MT), ("18-i", 18.0, C, E), ("11-ci", 11.0, O, E),
    ]
    objects = [m.object for m in extract_counts(path.read_text(encoding="utf-8"), "az")]
    assert objects[0] == "beynəlxalq hüquqi akt" and objects[2] == "yol xəritəsi"


def test_dev_set_quality():
    """Regression guard on the 37 dev articles, with the gold date spans standing in for the
    date extractor: value-F1 per language and qualifier accuracy must stay at their targets."""
    corpus, gold_path = SHARED / "dev.jsonl", SHARED / "dev-gold.jsonl"
    if not corpus.exists() or not gold_path.exists():
        pytest.skip("no ../shared/corpus in this checkout")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {g["id"]: g for g in gold}
    articles, system = {}, {"counts": {}}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"]
        dates = [(s, e) for x in gold_spans(text, by_id[r["id"]]["dates"]) if x for s, e, _ in [x]]
        articles[r["id"]] = (r["language"], text)
        system["counts"][r["id"]] = [
            {"start_char": m.start, "end_char": m.end, "value": m.value, "kind": m.kind, "qualifier": m.qualifier}
            for m in extract_counts(text, r["language"], dates)]
    result = score(gold, articles, system)
    for lang in ("az", "ru", "en"):
        assert result["scores"][f"counts.{lang}"]["value_prf"][2] >= 0.9, lang
    assert result["count_qualifier_accuracy"] >= 0.95
