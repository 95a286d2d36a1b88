"""Word lists the date grammar is built from: months, weekdays, number words, ordinals and
relative words of Azerbaijani, Russian and English, with the values they stand for.

Pure data plus two small lookups; the regular expressions live in ``dates_grammar``.
"""
from __future__ import annotations

# The regex engine matches i, I, İ and ı to one another under IGNORECASE, so every lookup
# folds them to "i" (keys too): "İYUN", "Iyul", "carı" find their entries.
_TURKIC_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def fold(word: str) -> str:
    return word.translate(_TURKIC_I).lower()

# Month number by the first letters of any inflected or abbreviated form, in all three
# languages ("fevralın" -> "fev", "сентября" -> "сен", "Sept." -> "sep"). Four-letter keys
# separate the Azerbaijani pairs iyun/iyul; Russian "май" is told apart from "март" by
# its third letter.
_MONTH_KEYS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "yan": 1, "fev": 2, "iyun": 6, "iyul": 7, "avq": 8, "sen": 9, "okt": 10, "noy": 11, "dek": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "мае": 5, "маю": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}


def month_number(word: str) -> int:
    """Month 1–12 of a month word matched by the grammar (KeyError for anything else)."""
    w = fold(word)
    return _MONTH_KEYS.get(w[:4]) or _MONTH_KEYS[w[:3]]


# Azerbaijani month stems. The case and possessive endings are added by the grammar.
AZ_MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust",
             "sentyabr", "oktyabr", "noyabr", "dekabr")

# Russian months in every case (nominative, genitive, dative, instrumental, prepositional),
# and the newspaper abbreviations that follow a day number ("24 июн", "5 сент.").
RU_MONTH_FORMS = (
    "январь", "января", "январю", "январём", "январем", "январе",
    "февраль", "февраля", "февралю", "февралём", "февралем", "феврале",
    "март", "марта", "марту", "мартом", "марте",
    "апрель", "апреля", "апрелю", "апрелем", "апреле",
    "май", "мая", "маю", "маем", "мае",
    "июнь", "июня", "июню", "июнем", "июне",
    "июль", "июля", "июлю", "июлем", "июле",
    "август", "августа", "августу", "августом", "августе",
    "сентябрь", "сентября", "сентябрю", "сентябрём", "сентябрем", "сентябре",
    "октябрь", "октября", "октябрю", "октябрём", "октябрем", "октябре",
    "ноябрь", "ноября", "ноябрю", "ноябрём", "ноябрем", "ноябре",
    "декабрь", "декабря", "декабрю", "декабрём", "декабрем", "декабре",
)
RU_MONTH_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                     "сентября", "октября", "ноября", "декабря")
RU_MONTH_ABBREVIATIONS = ("янв", "февр", "фев", "мар", "апр", "июн", "июл", "авг", "сент", "сен",
                          "окт", "нояб", "ноя", "дек")

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
EN_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                          "Nov", "Dec")

# Weekdays, Monday = 0 (datetime.weekday()).
EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
               "saturday": 5, "sunday": 6}
# Russian weekday stems, for every case ("во вторник", "со среды", "к пятнице", "суббота").
RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4,
               "суббот": 5, "воскресень": 6}
# Azerbaijani weekday heads; "bazar" alone means "market", so Sunday needs "günü".
AZ_WEEKDAYS = {"bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3,
               "cümə": 4, "şənbə": 5, "bazar günü": 6}


def weekday_number(phrase: str) -> int:
    """Weekday 0–6 of a weekday phrase matched by the grammar."""
    p = " ".join(fold(phrase).split())
    for table in (EN_WEEKDAYS, RU_WEEKDAYS, AZ_WEEKDAYS):  # AZ: "cümə axşamı" is tried before "cümə"
        for word, n in table.items():
            if p.startswith(fold(word)):
                return n
    raise KeyError(phrase)


# Cardinal number words up to the twenties-nineties, enough for "N years ago" and
# "the first N months". Compounds ("twenty five", "двадцать пять", "iyirmi beş") are summed.
EN_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}
# Nominative/accusative: the case "N лет назад" and "за N месяцев" take.
RU_NUMBER_WORDS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100,
}
AZ_NUMBER_WORDS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60,
    "yetmiş": 70, "səksən": 80, "doxsan": 90, "yüz": 100,
}
_FOLDED_NUMBER_WORDS = {fold(w): n for table in (EN_NUMBER_WORDS, RU_NUMBER_WORDS, AZ_NUMBER_WORDS)
                        for w, n in table.items()}


def number_value(phrase: str) -> int:
    """Value of digits or of (compound) number words matched by the grammar."""
    p = fold(phrase)
    if p.isdigit():
        return int(p)
    return sum(_FOLDED_NUMBER_WORDS[w] for w in p.replace("-", " ").split())


# Ordinals of quarters and halves ("IV quarter", "первом полугодии", "ikinci yarısı").
# Keys are prefixes of the lower-cased word; Roman numerals are matched whole.
ORDINAL_PREFIXES = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "перв": 1, "втор": 2, "трет": 3, "четв": 4,
    "birinci": 1, "ilk": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4,
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def ordinal_value(word: str) -> int:
    w = fold(word)
    if w in ROMAN:
        return ROMAN[w]
    if w[0].isdigit():                       # "1-ci", "2-й", "3rd"
        return int(w[0])
    for prefix, n in ORDINAL_PREFIXES.items():
        if w.startswith(fold(prefix)):
            return n
    raise KeyError(word)


# Relative year/month/week words -> offset from the reference period. Keys are the
# lower-cased word with its ending cut to a stem the grammar guarantees.
RELATIVE_OFFSETS = {
    # English
    "this": 0, "current": 0, "the current": 0, "the": 0, "last": -1, "next": 1, "coming": 1,
    "the coming": 1, "the previous": -1, "the past": -1,
    # Russian adjective stems
    "это": 0, "теку": 0, "нын": 0, "ухо": 0, "наст": 0, "про": -1, "мин": -1, "поза": -2,
    "сле": 1, "буд": 1,
    # Azerbaijani
    "bu": 0, "cari": 0, "keçən": -1, "ötən": -1, "gələn": 1, "növbəti": 1, "bildir": -1,
}
_FOLDED_RELATIVE_OFFSETS = {fold(w): n for w, n in RELATIVE_OFFSETS.items()}


def relative_offset(word: str) -> int:
    w = " ".join(fold(word).split())
    if w in _FOLDED_RELATIVE_OFFSETS:
        return _FOLDED_RELATIVE_OFFSETS[w]
    for n in (4, 3, 2):
        if w[:n] in _FOLDED_RELATIVE_OFFSETS:
            return _FOLDED_RELATIVE_OFFSETS[w[:n]]
    raise KeyError(word)


# Deictic day words -> days from the publication date.
DAY_OFFSETS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
    "сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2, "накануне": -1,
    "bu gün": 0, "bugün": 0, "dünən": -1, "sabah": 1, "srağagün": -2, "birigün": 2, "ötən gün": -1,
    "keçən gün": -1,
}
_FOLDED_DAY_OFFSETS = {fold(w): n for w, n in DAY_OFFSETS.items()}


def day_offset(phrase: str) -> int:
    return _FOLDED_DAY_OFFSETS[" ".join(fold(phrase).split())]


# Ordinal words of anniversaries ("twenty-fifth anniversary"); the tens of a compound are added.
_EN_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}


def anniversary_number(phrase: str) -> int | None:
    """Years in an anniversary phrase: digits, a (compound) number word, or an English ordinal
    word ("25", "altı", "twenty-fifth"); None for anything else."""
    words = fold(phrase).replace("-", " ").split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total = 0
    for w in words:
        n = _EN_ORDINAL_WORDS.get(w) or _FOLDED_NUMBER_WORDS.get(w)
        if n is None or w in ("a", "an"):
            return None
        total += n
    return total or None


# Holidays used as dates ("on Victory Day", "ко Дню Победы", "Novruz bayramında"): a key found
# in the folded name -> (month, day). Tried in order: "restoration" before "independence".
# Two keys resolve by context or era (transforms.dates_grammar): VICTORY is 9 May, the end of the
# Second World War, or 8 November, Azerbaijan's victory of 2020; INDEPENDENCE is 28 May in
# Azerbaijan since 2021 (before, 28 May was Republic Day and 18 October Independence Day).
# Novruz is taken as 20 March, the day of the equinox in most years (the holidays run on).
VICTORY, INDEPENDENCE = (0, 1), (0, 2)
HOLIDAY_KEYS: tuple[tuple[str, tuple[int, int]], ...] = (
    ("christmas eve", (12, 24)), ("christmas", (12, 25)),
    ("novruz", (3, 20)), ("nowruz", (3, 20)), ("navruz", (3, 20)), ("новруз", (3, 20)),
    ("new year's eve", (12, 31)), ("new year", (1, 1)), ("нов", (1, 1)), ("yeni il", (1, 1)),
    ("victory", VICTORY), ("побед", VICTORY), ("qələbə", VICTORY),
    ("restoration", (10, 18)), ("восстановлени", (10, 18)), ("bərpa", (10, 18)),
    ("независимости росси", (6, 12)),
    ("independence", INDEPENDENCE), ("независимост", INDEPENDENCE), ("müstəqillik", INDEPENDENCE),
    ("republic", (5, 28)), ("республик", (5, 28)), ("respublika", (5, 28)),
    ("russia", (6, 12)), ("росси", (6, 12)), ("rusiya", (6, 12)),
    ("solidarity", (12, 31)), ("солидарност", (12, 31)), ("həmrəylik", (12, 31)),
    ("women", (3, 8)), ("женск", (3, 8)), ("qadın", (3, 8)),
)


def holiday_date(name: str) -> tuple[int, int]:
    """(month, day) of a holiday name matched by the grammar, or VICTORY / INDEPENDENCE."""
    n = " ".join(fold(name).replace("’", "'").split())
    for key, value in HOLIDAY_KEYS:
        if key in n:
            return value
    raise KeyError(name)
