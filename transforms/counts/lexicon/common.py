"""Count words shared by every language: currency codes and symbols, attached scales and units, and the
labels, designators and name prefixes written alike in the three languages (one pattern each).
Plain data."""
from __future__ import annotations

# ISO 4217 codes a figure may be written with ("42 KWD", "USD3.14"); codes that are also English
# words in capitals ("ALL", "TOP", "CUP", "MOP") are left out.
CURRENCY_CODES = ("USD", "EUR", "RUB", "AZN", "GBP", "CNY", "TRY", "KZT", "GEL", "AMD", "UAH", "BYN",
                  "JPY", "CHF", "IRR", "UZS", "TMT", "KGS", "TJS", "MDL", "PLN", "CZK", "HUF", "RON", "BGN",
                  "RSD", "SEK", "NOK", "DKK", "ISK", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW", "INR", "PKR",
                  "AFN", "BDT", "LKR", "NPR", "IDR", "MYR", "THB", "VND", "PHP", "SAR", "AED", "QAR", "KWD",
                  "BHD", "OMR", "JOD", "ILS", "EGP", "IQD", "SYP", "LBP", "MAD", "DZD", "TND", "LYD", "NGN",
                  "ZAR", "KES", "ETB", "GHS", "BRL", "ARS", "CLP", "COP", "MXN", "PEN", "UYU", "VES", "MNT",
                  "XAU", "XDR")

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₼": "AZN", "¥": "CNY", "₺": "TRY",
                    "₸": "KZT", "₾": "GEL", "₴": "UAH", "₹": "INR", "₩": "KRW", "₪": "ILS"}

# Scale words written as abbreviations with a dot, or attached to the digits ("$4.4bn", "5млн").
ATTACHED_SCALES = {
    "bn": 1e9, "b": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "trln": 1e12,
    "млн": 1e6, "млрд": 1e9, "трлн": 1e12, "тыс": 1e3, "mlrd": 1e9,
}

# Single letters that mean a scale only straight after a currency amount ("$4m", "€2bn").
MONEY_ONLY_SCALES = {"m", "k", "b"}

# Units written straight after the digits ("10km"); anything else attached is a code ("5G", "16px").
ATTACHED_UNITS = {"m", "km", "kg", "mm", "cm", "mw", "gw", "kw", "kwh", "mwh", "gwh", "ha", "t", "mg", "bcm",
                  "км", "кг", "т", "га", "мвт", "гвт", "квт", "см", "мм", "г", "гр", "мг", "sm", "kq", "mq", "qr"}

NOT_COUNT_UNITS = {"px", "pt", "dpi", "em", "rem"}

# Currencies divided into cents: a cent word after an amount in one of them is its hundredth
# ("7 euros 30 cents", "7 евро 30 центов"); a cent alone is a US cent.
CENT_CURRENCIES = frozenset({"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD", "CHF"})

# A negation before such a verb makes the figure an upper bound: "не превышает 5%", "does not exceed".
NEGATIONS = {"не", "not", "never", "ни"}

CAPACITY_VERBS = {"достигать", "достичь", "составлять", "составить", "reach", "handle", "carry", "accommodate",
                  "process", "take"}

# Words that number things (articles, paragraphs, pages, resolutions): numbers after them are labels.
DESIGNATORS = (
    r"articles?|paragraphs?|paras?\.|sections?|chapters?|clauses?|items?|pages?|pp?\.|annex(?:es)?|"
    r"appendix|points?|resolutions?|No\.|Nos\.|nr\.|rooms?|flights?|photos?|фото|foto|слайд|slides?|"
    r"стать[яиейю]|статей|ст\.|пункт\w*|п\.|подпункт\w*|частью|части|часть|ч\.|раздел\w*|глав[аыеу]|"
    r"стр\.|страниц\w*|приложени\w*|резолюци\w*|"
    r"maddə\w*|bənd\w*|fəsil\w*|səhifə\w*|qətnamə\w*|abzas\w*|"
    r"№|N°|#"
)

# Labels of telephone numbers: a short number after one is a number to call ("Hotline: 146").
PHONE_LABELS = (r"hotline|phone|telephone|tel\.|fax|call\s+centre|call\s+center|"
                r"телефон\w*|тел\.|факс|горяч\w+\s+лини\w+|колл-центр\w*|"
                r"telefon\w*|faks|qaynar\s+xətt\w*|çağrı\s+mərkəzi\w*")

# Page furniture: labels of counters and ratings ("Baxış sayı:", "Просмотров:", "Views:") and
# nouns after such a counter ("0 comments", "15 просмотров").
PAGE_LABELS = (r"baxış|oxunub|oxunma|izlənmə|paylaş|şərh|reytinq|bəyən|"
               r"просмотр|прочитан|рейтинг|поделит|комментар|лайк|"
               r"views?|reads?|rating|shares?|comments?|likes?")

PAGE_NOUNS = r"şərh|baxış|просмотр\w*|комментари\w*|comments?|views|shares"

# Product, aircraft and event names written with a space before their number ("Embraer 190").
NAME_PREFIXES = (
    r"Boeing|Airbus|Embraer|Superjet|Sukhoi|Bombardier|Iskander|Sputnik|Soyuz|Союз|Спутник|Формула|"
    r"Formula|Windows|iPhone|Galaxy|Euro|EXPO|Expo|COP|Covid|COVID|Ан|Ил|Ту|Як|Су|МиГ|Ми|Ка|Mi|Ka|Su|"
    r"MiG|Il|Tu|An|Yak|Pfizer|Sputnik\s+Light|Group\s+of|Channel|Канал|Kanal|Apollo|Falcon|Tesla"
)

# Nouns after an ordinal that make it a label (az "5-ci maddə" = Article 5).
# Titles after a digit ordinal are no count either ("1-ci vitse-prezident", "1-й вице-премьер").
LABEL_NOUNS_AFTER_ORDINAL = r"(?:maddə|bənd|fəsil|səhifə|abzas|punkt|hissə|stat|пункт|стать|част|vitse|вице|vice)\w*"

# What turns a number into a year or a decade: "-ci il", "года", "1990-х", "1990s".
YEAR_WORDS = r"(?:il|ili|ildə|ilin|ilə|ildən|illər\w*|год\w*|г\.|гг\.|year\w*|yy)"

# Each telephone label contains one of these: a substring test before each number is cheap, the
# label regex (tried at every position of the window) is run only when one is there.
PHONE_LABEL_KEYS = ("phon", "tel", "fax", "hotline", "call", "тел", "факс", "лини", "колл", "faks", "xətt", "mərkəz")

# Scale abbreviations a full stop may follow inside the number ("5 млн. долларов").
ABBREVIATED_SCALES = frozenset({"mln", "mlrd", "млн", "млрд", "трлн", "тыс", "trln", "bln"})

# Written before a currency sign: "US$1.2 billion".
CURRENCY_SIGN_PREFIXES = ("US", "U.S.")

# Single letters after digits that are a scale wherever the figure is a count ("100K participants",
# "1.2M", "100к", "3М"), case as written. "4K" alone stays the video format (see counts).
LETTER_SCALES = {"K": 1e3, "k": 1e3, "к": 1e3, "К": 1e3, "M": 1e6, "М": 1e6}
# Single capitals that are a scale only after a currency: "$2.1T", "$3B".
MONEY_LETTER_SCALES = {"T": 1e12, "B": 1e9}

# A minus sign before digits, and what may stand before the sign ("-15%", "(−4%)", "value: -504").
MINUS_SIGNS = "-−"
BEFORE_SIGN = " \t\n\u00a0\u2009\u202f([«\"'„“:"
