"""Count extractor, second round: phenomena found in the held-out sample, each written as new
sentences in every language where it exists. Every case asserts all mentions found (span text,
value, kind, qualifier), so a miss, a spurious count or a wrong value fails."""
from __future__ import annotations

import pytest

from transforms.counts import extract_counts

E, MT, LT, AB, AL, AM = "exact", "more_than", "less_than", "about", "at_least", "at_most"
C, O, M, P = "cardinal", "ordinal", "money", "percent"


def check(lang: str, text: str, expected: list[tuple]) -> None:
    got = [(m.text, m.value, m.kind, m.qualifier) for m in extract_counts(text, lang)]
    assert got == [(t, float(v), k, q) for t, v, k, q in expected]


CASES = [
    # 1. Four digits with a comparison are an amount, not a year; real years stay out.
    ("az", "Ölkədə 1800-dən çox xarici şirkət qeydiyyatdan keçib.", [("1800-dən çox", 1800, C, MT)]),
    ("az", "Universitetdə 1400-ə yaxın əcnəbi tələbə oxuyur.", [("1400-ə yaxın", 1400, C, AB)]),
    ("az", "Sərgiyə 2000-dən artıq ziyarətçi gəlib, zala isə 1500-ə qədər tamaşaçı sığır.",
     [("2000-dən artıq", 2000, C, MT), ("1500-ə qədər", 1500, C, AM)]),
    ("az", "Layihə 2030-a qədər davam edəcək, 2019-dan bəri isə 1995-ci ildən fərqli olaraq artım var.", []),
    ("az", "Proqram 2018-dən başlayaraq icra olunur.", []),
    ("ru", "В регионе работают более 1700 предприятий, свыше 1100.", [("более 1700", 1700, C, MT),
                                                                   ("свыше 1100", 1100, C, MT)]),
    ("ru", "Соглашение действует с 2019 и до 2030, а около 1900 человек получили визы.",
     [("около 1900", 1900, C, AB)]),
    ("en", "More than 1,800 firms and nearly 1400 students took part in 2023.",
     [("More than 1,800", 1800, C, MT), ("nearly 1400", 1400, C, AB)]),

    # 2. Halves and "and a half".
    ("az", "Danışıqlar 2 il yarımdan çox sürüb, tikinti isə iki il yarım çəkəcək.",
     [("2 il yarımdan çox", 2.5, C, MT), ("iki il yarım", 2.5, C, E)]),
    ("az", "Şəhərə yarım milyon turist gəlib, layihəyə bir yarım milyard manat ayrılıb.",
     [("yarım milyon", 500_000, C, E), ("bir yarım milyard manat", 1.5e9, M, E)]),
    ("az", "Görüş yarım saat çəkib, yarımadada isə yarımfinal oyunu keçirilib.", []),
    ("ru", "Работы продлятся два с половиной года, бюджет — 3 с половиной миллиарда рублей.",
     [("два с половиной", 2.5, C, E), ("3 с половиной миллиарда рублей", 3.5e9, M, E)]),
    ("ru", "Переговоры шли полтора года, уровень воды упал более чем на полтора метра.",
     [("полтора", 1.5, C, E), ("более чем на полтора", 1.5, C, MT)]),
    ("en", "The talks lasted more than a year and a half; the road took two and a half years.",
     [("more than a year and a half", 1.5, C, MT), ("two and a half", 2.5, C, E)]),
    ("en", "Half a million tourists came and one and a half billion dollars were invested.",
     [("Half a million", 500_000, C, E), ("one and a half billion dollars", 1.5e9, M, E)]),
    ("en", "The meeting lasted an hour and a half, while half of the trade is in energy.",
     [("an hour and a half", 1.5, C, E)]),

    # 3. Ordinals written with a case ending; anniversaries.
    ("ru", "Стороны отметили 25-ю годовщину договора и провели 7-ю сессию, а затем 12-го заседания.",
     [("25-ю", 25, O, E), ("7-ю", 7, O, E), ("12-го", 12, O, E)]),
    ("ru", "Делегация встретилась с 4-ю компаниями и 6-ю министрами.", [("4-ю", 4, C, E), ("6-ю", 6, C, E)]),
    ("az", "Bu il münasibətlərin 35 illiyi qeyd olunur, 20 illik yubiley tədbiri də keçiriləcək.",
     [("35", 35, O, E), ("20", 20, O, E)]),
    ("az", "Şirkətin 15 illik təcrübəsi və iyirmi illiyinə həsr olunmuş sərgi.",
     [("15", 15, C, E), ("iyirmi", 20, O, E)]),
    ("en", "The 35th anniversary and the 7th session were marked.", [("35th", 35, O, E), ("7th", 7, O, E)]),

    # 4. Ordinals that begin a name or a title are not counts; event names keep their number.
    ("az", "Tələbələr Birinci Moskva Tibb Universitetində oxuyur, Birinci Kanal da bunu yayıb.", []),
    ("az", "Üçüncü Bakı Beynəlxalq Forumu açılıb, dördüncü görüş isə sabah olacaq.",
     [("Üçüncü", 3, O, E), ("dördüncü", 4, O, E)]),
    ("az", "Tədbirdə birinci vitse-prezident və ikinci pilot iştirak edib.", []),
    ("ru", "Об этом сообщил Первый канал; студенты Первого МГМУ и Второй Каспийский форум.",
     [("Второй", 2, O, E)]),
    ("ru", "Первый заместитель министра и второй пилот; первый визит прошел успешно.", [("первый", 1, O, E)]),
    ("en", "The news was shown by First Channel and the first officer was praised.", []),
    ("en", "The Sixth Caspian Summit opened; it was their second meeting.",
     [("Sixth", 6, O, E), ("second", 2, O, E)]),
    ("en", "Baku, Moscow Hold Fourth Round of Strategic Talks\nThe fourth round ended.",
     [("Fourth", 4, O, E), ("fourth", 4, O, E)]),

    # 5. Phone numbers and hotline codes.
    ("ru", "Справки по телефону 8-800-555-35-35 или 8 (495) 987-65-43.", []),
    ("az", "Qaynar xətt: (012) 555-44-33, mobil: 050 123 45 67.", []),
    ("en", "Call the hotline 8-800-100-20-30 or +44 20 7946 0958.", []),

    # 6. Russian "один" and the oblique cases of number words.
    ("ru", "Только по одному проекту выделено 5 млрд рублей, по одному на каждую страну.",
     [("одному", 1, C, E), ("5 млрд рублей", 5e9, M, E), ("одному", 1, C, E)]),
    ("ru", "Лишь одна компания подала заявку; переговоры с тремя банками и двумя фондами.",
     [("одна", 1, C, E), ("тремя", 3, C, E), ("двумя", 2, C, E)]),
    ("ru", "Это одна из стран региона; по одному из направлений; одно и то же; с одной стороны.", []),
    ("en", "Only one bank applied, just one of them withdrew and the only one who stayed won.",
     [("one", 1, C, E)]),

    # Lower groups after a scale word, as official statistics write them, make one number.
    ("az", "Dövriyyə 3 milyard 415 milyon dollar olub, büdcəyə 2 milyard 50 milyon 300 min manat köçürülüb.",
     [("3 milyard 415 milyon dollar", 3.415e9, M, E), ("2 milyard 50 milyon 300 min manat", 2_050_300_000, M, E)]),
    ("az", "Tədbirə 14 min 250 nəfər qatılıb, 20 min 3 ay ərzində, 1 milyard 200 milyon dollardan çox.",
     [("14 min 250", 14_250, C, E), ("20 min", 20_000, C, E), ("3", 3, C, E),
      ("1 milyard 200 milyon dollardan çox", 1.2e9, M, MT)]),
    ("ru", "Экспорт составил 2 млрд 615 млн долларов, перевезено 1 млн 350 тыс. тонн и 15 тыс. 750 человек.",
     [("2 млрд 615 млн долларов", 2.615e9, M, E), ("1 млн 350 тыс.", 1_350_000, C, E),
      ("15 тыс. 750", 15_750, C, E)]),
    ("en", "Imports reached 2 billion 615 million dollars.", [("2 billion 615 million dollars", 2.615e9, M, E)]),
    # a decimal lower group carries its own scale word; a decimal without one is a number of its own
    ("az", "İdxal 2 milyard 638,7 milyon dollar olub, 12 min 500,5 ton yük daşınıb.",
     [("2 milyard 638,7 milyon dollar", 2_638_700_000, M, E), ("12 min", 12_000, C, E), ("500,5", 500.5, C, E)]),
    ("ru", "Импорт составил 1 млрд 20,5 млн долларов.", [("1 млрд 20,5 млн долларов", 1_020_500_000, M, E)]),
    # a number after a month in a case other than the genitive is no day of it
    ("az", "Müqaviləyə əsasən 2023-cü ilin martınadək 1 milyard kubmetrədək qaz veriləcək, martın 5-də isə hesabat.",
     [("1 milyard kubmetrədək", 1e9, C, AM)]),
    # the possessive of "min" after digits is the scale ("4,000 of them"), not the loanword "mini"
    ("az", "Universitetdə 9 min tələbə oxuyur, onların 4 mini dövlət hesabına, 1 mini isə ödənişli.",
     [("9 min", 9_000, C, E), ("4 mini", 4_000, C, E), ("1 mini", 1_000, C, E)]),
    ("en", "Imports reached 2 billion 638.7 million dollars.", [("2 billion 638.7 million dollars", 2_638_700_000, M, E)]),

    # One thousand / million as a noun after a comparison; the vague plurals stay out.
    ("ru", "Прибыли более тысячи делегатов и около миллиона туристов; тысячи людей и миллионы зрителей.",
     [("более тысячи", 1000, C, MT), ("около миллиона", 1e6, C, AB)]),
    ("ru", "Инвестиции составили свыше миллиарда долларов.", [("свыше миллиарда долларов", 1e9, M, MT)]),
    ("az", "Mindən çox könüllü və milyona yaxın tamaşaçı gəlib; minlərlə insan, milyonlarla sakin.",
     [("Mindən çox", 1000, C, MT), ("milyona yaxın", 1e6, C, AB)]),

    # Ranks without a noun; shares ("every second") and decades, times, titles are no ordinals.
    ("en", "Russia ranks third among the partners and came second in exports; every second resident agrees.",
     [("third", 3, O, E), ("second", 2, O, E)]),
    ("ru", "Россия стала вторым по объему партнером; каждый третий житель; он стал первым.", [("вторым", 2, O, E)]),
    ("az", "Hər üçüncü sakin razıdır.", []),
    ("ru", "В 90-е годы и в 2000-е гг. встреча началась в 10 часов утра; 1-й вице-премьер.", []),
    ("en", "The talks began at 10 o'clock.", []),
    ("az", "1-ci vitse-prezident və 2-ci vitse-spiker.", []),
    ("ru", "Ожидается 40-процентный рост.", [("40-процентный", 40, P, E)]),
    ("en", "A one-day visit, the one-year programme and a one-sided view.",
     [("one-day", 1, C, E), ("one-year", 1, C, E)]),

    # Multiplier adverbs are cardinals, like "в три раза" and "трижды"; "удвоение" is no number.
    ("ru", "Экспорт вырос вдвое, импорт — втрое, а удвоение поставок отложено.", [("вдвое", 2, C, E), ("втрое", 3, C, E)]),
    ("en", "A threefold increase in cargo and a twofold rise in tourists.", [("threefold", 3, C, E), ("twofold", 2, C, E)]),

    # Page furniture: counters, ratings, photo numbers, age ratings and zeros are no counts.
    ("az", "Oxunma sayı: 2 418\nŞərhlər (0)\nQeyd: 7 nəfər yaralanıb.", [("7", 7, C, E)]),
    ("ru", "Просмотров: 3150\nФото 2 из 9\n16+\nРейтинг: 4,8\nВ аварии пострадали 4 человека, рост на 0%.",
     [("4", 4, C, E), ("0%", 0, P, E)]),
    ("en", "Views: 2,418\nPhoto 2 of 9\n0 comments\nFour people were hurt.", [("Four", 4, C, E)]),

    # Qualifiers: verbs after an Azerbaijani figure, negated bounds, starting prices, capacities.
    ("az", "İxrac 3,5 milyard dolları ötüb, idxal 2 milyard dolları keçib, sərgi keçirilib.",
     [("3,5 milyard dolları", 3.5e9, M, MT), ("2 milyard dolları", 2e9, M, MT)]),
    ("az", "Manatın payı 60 faizə yaxınlaşıb, planın 70 faizdən çoxu icra edilib.",
     [("60 faizə", 60, P, AB), ("70 faizdən çoxu", 70, P, MT)]),
    ("az", "İştirakçıların yaşı 18-dən az olmamalıdır, müddət 5 ildən çox olmayaraq.",
     [("18-dən az olmamalıdır", 18, C, AL), ("5 ildən çox olmayaraq", 5, C, AM)]),
    ("az", "Terminalın gücü 8 milyon tonadək, məhsulun 80 faizə qədəri ixrac olunur.",
     [("8 milyon tonadək", 8e6, C, AM), ("80 faizə qədəri", 80, P, AM)]),
    ("az", "Bilet 30 manatdan başlayır, orta hesabla 2,5 manat, yolun uzunluğu 200 kilometrə yaxındır.",
     [("30 manatdan", 30, M, AL), ("2,5 manat", 2.5, M, E), ("200 kilometrə yaxındır", 200, C, AB)]),
    ("ru", "Билеты стоят от 9 тыс. руб.; получено от 5 млн долларов; цена выросла от 5 до 7 долларов.",
     [("от 9 тыс. руб.", 9000, M, AL), ("от 5 млн долларов", 5e6, M, AL), ("5", 5, M, E),
      ("7 долларов", 7, M, E)]),
    ("ru", "Экспорт вырос на 4,5%, до 2,8 млрд долларов, цены подешевели на 1%, до 90 руб.",
     [("4,5%", 4.5, P, E), ("2,8 млрд долларов", 2.8e9, M, E), ("1%", 1, P, E), ("90 руб.", 90, M, E)]),
    ("ru", "Мощность может достигать 7 млн тонн, а поставки составят до 3 млн тонн.",
     [("7 млн", 7e6, C, AM), ("до 3 млн", 3e6, C, AM)]),
    ("ru", "Доля рубля приблизилась к 40%.", [("40%", 40, P, AB)]),
    ("ru", "Дефицит не превышает 3%, а экспорт превысил 2 млрд долларов; кредит под 7% годовых.",
     [("3%", 3, P, AM), ("2 млрд долларов", 2e9, M, MT), ("7%", 7, P, E)]),
    ("ru", "Рост составил не менее чем на 10%, пришло чуть меньше 20 делегаций.",
     [("не менее чем на 10%", 10, P, AL), ("чуть меньше 20", 20, C, LT)]),
    ("az", "Büdcə kəsiri 3 faizi keçmir, borc isə 40 faizi aşmamalıdır; təqribi 250 qonaq.",
     [("3 faizi", 3, P, AM), ("40 faizi", 40, P, AM), ("təqribi 250", 250, C, AB)]),
    ("en", "The deficit does not exceed 3%, but exports exceeded $2 billion.",
     [("3%", 3, P, AM), ("$2 billion", 2e9, M, MT)]),
    ("en", "Just above 40 firms and in the region of 300 people; well below 10 percent.",
     [("Just above 40", 40, C, MT), ("in the region of 300", 300, C, AB), ("well below 10 percent", 10, P, LT)]),
    ("en", "The port could reach up to 9 million tonnes; rooms are priced from 90 manats.",
     [("up to 9 million", 9e6, C, AM), ("from 90 manats", 90, M, AL)]),
    ("en", "The share is approaching 40%, and the drone fell perhaps 20 metres away.",
     [("40%", 40, P, AB), ("perhaps 20", 20, C, AB)]),
    ("en", "Trade hit $6 billion, up from $5.2 billion, while imports were down from $900 million.",
     [("$6 billion", 6e9, M, E), ("$5.2 billion", 5.2e9, M, E), ("$900 million", 9e8, M, E)]),
    ("ru", "Итоги недели: Второй раунд переговоров завершен.", [("Второй", 2, O, E)]),
    ("en", "Sales fell from $3 billion to $2 billion; goods came from 30 countries.",
     [("$3 billion", 3e9, M, E), ("$2 billion", 2e9, M, E), ("30", 30, C, E)]),
]


@pytest.mark.parametrize("lang, text, expected", CASES)
def test_phenomena(lang, text, expected):
    check(lang, text, expected)


@pytest.mark.parametrize("lang, text, objects", [
    ("az", "Limanın gücü 8 milyon tonadək nəzərdə tutulub, 600 min tondan çox yük daşınıb.", ["ton", "tondan"]),
    ("az", "Danışıqlar 2 il yarım çəkib.", ["il"]),
    ("en", "It took a year and a half.", ["year"]),
])
def test_objects_of_new_forms(lang, text, objects):
    assert [m.object for m in extract_counts(text, lang)] == objects
