"""Generated news-like texts for the extraction fuzz test (tests/test_extraction_fuzz.py).

Each text is a random run of pieces: month, number, scale, relative-date and document words of
Azerbaijani, Russian and English in every case form the extractors know and some they do not
(upper case, title case, typos), digits in every written form (grouped, decimal commas, ranges,
ordinals, percentages, currencies, dotted and ISO dates), punctuation, quotes, line breaks and
letters of other scripts. Publication dates cover the whole calendar Python and DuckDB share
(0001-01-01 to 9999-12-31), with its ends and leap days more often. Seeded: the same n texts every
time.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

WORDS = {
    "az": ("yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr yanvarın fevralın martın "
           "aprelin mayın iyunun iyulun avqustun sentyabrın oktyabrın noyabrın dekabrın iyunda dekabrda "
           "bir iki üç dörd beş altı yeddi səkkiz doqquz on iyirmi otuz qırx əlli yüz min milyon milyard trilyon "
           "birinci ikinci üçüncü onuncu yarım yarımçıq il ay gün həftə ildə ilin illik "
           "bu keçən ötən gələn əvvəl sonra dünən bugün sabah srağagün indi hazırda "
            "saziş müqavilə bəyannamə memorandum protokol sənəd Saziş Bəyannamə "
            "manat dollar avro rubl faiz nəfər ton -ci -cı -cu -cü -də -da -dən -dək təxminən ən azı çox az "
            "Azərbaycan Rusiya Bakı Moskva Prezident İlham Əliyev").split(),
    "ru": ("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь января февраля марта "
           "апреля мая июня июля августа сентября октября ноября декабря январе мае декабре "
           "один два три четыре пять шесть семь восемь девять десять двадцать тридцать сорок сто двести тысяча "
           "тысячи тысяч миллион миллиона миллионов миллиард миллиарда млн млрд тыс трлн полтора полторы "
           "первый второго третьем двадцать пятого году года лет месяц месяца неделю неделе день дня дней "
           "этом этот эту эта прошлом прошлого следующем следующей текущем вчера сегодня завтра назад через "
           "позавчера нынешнем минувшем соглашение соглашения договор декларация меморандум протокол Соглашение "
           "рублей рубля долларов евро манатов процентов человек тонн около более менее свыше до не "
           "Россия Азербайджан Баку Москва Путин Алиев").split(),
    "en": ("January February March April May June July August September October November December Jan Feb Sept Dec "
           "one two three four five six seven eight nine ten twenty thirty forty hundred thousand million billion "
           "trillion first second third twenty-first half dozen year years month months week weeks day days "
           "this last next ago later yesterday today tomorrow since until from to between and "
           "agreement treaty declaration memorandum protocol Agreement Treaty Declaration Memorandum on of the "
           "dollars euros rubles manats percent per cent people tonnes about over under nearly more than less "
           "Russia Azerbaijan Baku Moscow President Putin Aliyev").split(),
}
DIGITS = ["0", "1", "5", "12", "21", "31", "32", "99", "100", "1 200", "1,200", "1.200", "4,4", "4.4", "2 618,4",
          "3 245 118,27", "1991", "2020", "2024", "10000", "9999", "0001", "25-26", "25–26", "5-7", "2020-2024",
          "12.03.2021", "31.02.2020", "2026-12-07", "9999-12-31", "0001-01-01", "1/2", "12%", "-15%", "$2.1T",
          "$4.4 bn", "€5", "₼10", "₽3", "5-ci", "21-ci", "1-ая", "3й", "XXI", "IV", "10:30", "+994 12 498 12 34",
          "1" + "0" * 30, "9" * 40, "3.", "4,", "٣", "५", "²"]
PUNCTUATION = [" ", " ", " ", ", ", ". ", "! ", "? ", "; ", ": ", " - ", " – ", "—", "«", "»", "\"", "'", "(", ")",
               "\n", "\n\n", "...", "…", "/", "%", "$", "§", "\u00a0", "\u200b", "\t"]
# The texts that made an extractor raise (issue 16; "на эту неделю" is issue 11's), with the
# publication dates that did: (id, text, language, published). Whether or not the extractors are
# fixed, a run must go on past each.
ISSUE_TEXTS = [
    ("upper-milyon", "5 MILYON MANAT", "az", dt.date(2024, 1, 10)),
    ("upper-milyard", "Dövriyyə 2 MILYARD 300 MILYON dollar", "az", dt.date(2024, 1, 10)),
    ("upper-min", "15 MIN nəfər, 5 MIN manat", "az", None),
    ("milyari", "5 milyari", "az", None),
    ("ru-typo", "в этм году", "ru", dt.date(2024, 1, 10)),
    ("ru-this-week", "на эту неделю", "ru", dt.date(2024, 1, 10)),
    ("year-1", "yesterday and last year", "en", dt.date.min),
    ("year-9999", "tomorrow, next year and 5 years later", "en", dt.date.max),
    ("ru-year-1", "вчера, в прошлом году 5 млн", "ru", dt.date.min),
    ("az-year-9999", "sabah, gələn il", "az", dt.date.max),
]
OTHER_SCRIPTS = ["北京", "القاهرة", "Αθήνα", "ירושלים", "ქართული", "հայերեն", "🙂", "e\u0301", "İı", "ß", "ﬁ", "Ⅻ"]


def _mangle(word: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.12:
        return word.upper()
    if roll < 0.2:
        return word.title()
    if roll < 0.26 and len(word) > 3:      # a typo: a letter dropped, doubled or swapped
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            return word[:i] + word[i + 1:]
        if kind == 1:
            return word[:i] + word[i] + word[i:]
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
    return word


def published_date(rng: random.Random) -> dt.date | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    if roll < 0.25:
        return rng.choice([dt.date.min, dt.date.max, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(1900, 1, 1),
                           dt.date(2100, 12, 31), dt.date(2024, 2, 29), dt.date(2000, 2, 29), dt.date(1970, 1, 1)])
    if roll < 0.6:
        return dt.date(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28))
    return dt.date.min + dt.timedelta(days=rng.randrange((dt.date.max - dt.date.min).days + 1))


def generated_texts(n: int, seed: int = 16) -> Iterator[tuple[str, str | None, dt.date | None]]:
    """``n`` (text, language, published) triples."""
    rng = random.Random(seed)
    languages = ["az", "ru", "en"]
    for _ in range(n):
        language = rng.choice(languages)
        pieces = []
        for _ in range(rng.randint(1, 40)):
            roll = rng.random()
            if roll < 0.5:
                words = WORDS[language] if rng.random() < 0.85 else WORDS[rng.choice(languages)]
                pieces.append(_mangle(rng.choice(words), rng))
            elif roll < 0.8:
                pieces.append(rng.choice(DIGITS))
            elif roll < 0.97:
                pieces.append(rng.choice(PUNCTUATION))
                continue
            else:
                pieces.append(rng.choice(OTHER_SCRIPTS))
            pieces.append(" " if rng.random() < 0.8 else rng.choice(PUNCTUATION))
        declared = language if rng.random() < 0.9 else rng.choice([None, "xx", "ru-RU", "AZ", "tr"])
        yield "".join(pieces), declared, published_date(rng)
