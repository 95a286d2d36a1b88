"""Number tables and parsers of the language layer (transforms/lang): Azerbaijani, Russian and English number words, Roman numerals, digits."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from transforms.lang import get
from transforms.lang import numbers
from transforms.lang.az.morphology import numeral_case_forms as az_case_forms
from transforms.lang.numbers import COLLECTIVE, HUNDRED, ORDINAL, SCALE, TIMES, UNIT, parse_digits, roman_to_int, scaled


def lookup(word: str, language: str):
    return get(language).number_word(word)


def fold(word: str, language: str) -> str:
    return get(language).lower(word)


def parse_word_sequence(words: list[str], language: str):
    return numbers.parse_word_sequence(words, get(language))


@pytest.mark.parametrize("word, value, kind", [
    ("iki", 2, UNIT), ("üç", 3, UNIT), ("dörd", 4, UNIT), ("altı", 6, UNIT), ("doqquz", 9, UNIT),
    ("on", 10, UNIT), ("iyirmi", 20, UNIT), ("qırx", 40, UNIT), ("doxsan", 90, UNIT), ("yüz", 100, HUNDRED),
    ("min", 1000, SCALE), ("milyard", 1e9, SCALE), ("mlrd", 1e9, SCALE),
    ("ikisi", 2, UNIT), ("beşə", 5, UNIT), ("yeddidən", 7, UNIT), ("səkkizin", 8, UNIT), ("otuzu", 30, UNIT),
    ("əllidən", 50, UNIT), ("yüzdən", 100, HUNDRED), ("mindən", 1000, SCALE), ("milyona", 1e6, SCALE),
    ("milyardlıq", 1e9, SCALE), ("ikisinin", 2, UNIT),
    ("birinci", 1, ORDINAL), ("ikinci", 2, ORDINAL), ("üçüncü", 3, ORDINAL), ("dördüncü", 4, ORDINAL),
    ("beşinci", 5, ORDINAL), ("altıncı", 6, ORDINAL), ("yeddinci", 7, ORDINAL), ("doqquzuncu", 9, ORDINAL),
    ("onuncu", 10, ORDINAL), ("iyirminci", 20, ORDINAL), ("otuzuncu", 30, ORDINAL), ("yüzüncü", 100, ORDINAL),
    ("dördüncüsü", 4, ORDINAL), ("ikincidə", 2, ORDINAL), ("üçüncüyə", 3, ORDINAL), ("ilk", 1, ORDINAL),
])
def test_azerbaijani_words(word, value, kind):
    entry = lookup(word, "az")
    assert entry is not None and entry.value == value and entry.kind == kind


@pytest.mark.parametrize("word", [
    # pronoun "o" forms, the postposition "üçün", "altında" (under), "biri" (one of them), "mini"
    "ona", "onu", "onun", "onda", "ondan", "onlar", "üçün", "altında", "altına", "altını", "biri",
    "birinə", "mini", "bir-birinin", "ilki", "ilkin",
])
def test_azerbaijani_homonyms_are_not_numbers(word):
    assert lookup(word, "az") is None


def test_azerbaijani_case_forms_follow_vowel_harmony():
    assert set(az_case_forms("beş")) >= {"beş", "beşin", "beşi", "beşə", "beşdə", "beşdən", "beşdək", "beşinin"}
    assert set(az_case_forms("otuz")) >= {"otuzun", "otuzu", "otuza", "otuzda", "otuzdan", "otuzluq"}
    assert set(az_case_forms("iki")) >= {"ikinin", "ikini", "ikiyə", "ikisi", "ikisinə", "ikilik"}
    assert "ikiya" not in az_case_forms("iki") and "beşa" not in az_case_forms("beş")


@pytest.mark.parametrize("word, value, kind", [
    ("два", 2, UNIT), ("две", 2, UNIT), ("двух", 2, UNIT), ("двумя", 2, UNIT), ("трём", 3, UNIT),
    ("четырьмя", 4, UNIT), ("шести", 6, UNIT), ("одиннадцати", 11, UNIT), ("сорока", 40, UNIT),
    ("девяноста", 90, UNIT), ("двухсот", 200, UNIT), ("пятистах", 500, UNIT), ("полутора", 1.5, UNIT),
    ("тысячи", 1000, SCALE), ("млн", 1e6, SCALE), ("миллиардов", 1e9, SCALE), ("трлн", 1e12, SCALE),
    ("первого", 1, ORDINAL), ("второй", 2, ORDINAL), ("третьей", 3, ORDINAL), ("третьего", 3, ORDINAL),
    ("четвертая", 4, ORDINAL), ("седьмом", 7, ORDINAL), ("двадцатое", 20, ORDINAL), ("сотый", 100, ORDINAL),
    ("двое", 2, COLLECTIVE), ("троих", 3, COLLECTIVE), ("пятеро", 5, COLLECTIVE),
    ("дважды", 2, TIMES), ("трижды", 3, TIMES), ("вдвое", 2, TIMES), ("втрое", 3, TIMES),
])
def test_russian_words(word, value, kind):
    entry = lookup(word, "ru")
    assert entry is not None and entry.value == value and entry.kind == kind


@pytest.mark.parametrize("word", ["семью", "оба", "обе", "одни", "раз", "сотни", "тысячелетие"])
def test_russian_homonyms_are_not_numbers(word):
    assert lookup(word, "ru") is None


@pytest.mark.parametrize("word, value, kind", [
    ("one", 1, UNIT), ("twelve", 12, UNIT), ("nineteen", 19, UNIT), ("ninety", 90, UNIT),
    ("hundred", 100, HUNDRED), ("billion", 1e9, SCALE), ("bn", 1e9, SCALE), ("first", 1, ORDINAL),
    ("twelfth", 12, ORDINAL), ("twentieth", 20, ORDINAL), ("twice", 2, TIMES), ("threefold", 3, TIMES),
    ("tenfold", 10, TIMES),
])
def test_english_words(word, value, kind):
    entry = lookup(word, "en")
    assert entry is not None and entry.value == value and entry.kind == kind


@pytest.mark.parametrize("lang, words, expected", [
    ("az", "iyirmi beş şirkət", (25, 2, UNIT)),
    ("az", "yüz əlli nəfər", (150, 2, UNIT)),
    ("az", "beş yüz min", (500_000, 3, SCALE)),
    ("az", "iki min iyirmi dörd", (2024, 4, UNIT)),
    ("az", "on beş il", (15, 2, UNIT)),
    ("az", "iyirmi beşinci iclas", (25, 2, ORDINAL)),
    ("az", "ikisi beş", (2, 1, UNIT)),
    ("ru", "двадцати пяти регионах", (25, 2, UNIT)),
    ("ru", "двести пятьдесят пять", (255, 3, UNIT)),
    ("ru", "две тысячи двадцать", (2020, 3, UNIT)),
    ("ru", "полтора миллиарда", (1.5e9, 2, SCALE)),
    ("ru", "двадцать пятое заседание", (25, 2, ORDINAL)),
    ("ru", "сто первый", (101, 2, ORDINAL)),
    ("ru", "пять шесть", (5, 1, UNIT)),
    ("en", "one hundred and fifty delegates", (150, 4, UNIT)),
    ("en", "twenty five", (25, 2, UNIT)),
    ("en", "three million", (3e6, 2, SCALE)),
    ("en", "twenty first", (21, 2, ORDINAL)),
    ("en", "two three", (2, 1, UNIT)),
    ("en", "hundred", (100, 1, HUNDRED)),
])
def test_word_sequences(lang, words, expected):
    value, used, kind, _ = parse_word_sequence(words.split(), lang)
    assert (value, used, kind) == expected


def test_word_sequence_of_no_number_is_none():
    assert parse_word_sequence(["countries"], "en") is None
    assert parse_word_sequence([], "ru") is None


def test_fold_handles_azerbaijani_dotted_capitals():
    assert fold("İki", "az") == "iki"
    assert fold("IKI", "az") == "ıkı"
    assert lookup("İyirmi", "az").value == 20
    assert lookup("DÖRDÜNCÜ", "az").value == 4


@pytest.mark.parametrize("roman, value", [
    ("I", 1), ("IV", 4), ("V", 5), ("VII", 7), ("IX", 9), ("X", 10), ("XI", 11), ("XIV", 14), ("XXI", 21),
    ("XL", 40), ("XC", 90), ("C", 100),
])
def test_roman(roman, value):
    assert roman_to_int(roman) == value


@pytest.mark.parametrize("bad", ["", "IIII", "VV", "IC", "XM", "vii", "ABC", "IIV"])
def test_roman_rejects_malformed(bad):
    assert roman_to_int(bad) is None


@pytest.mark.parametrize("raw, lang, scale_follows, value", [
    ("2,5", "az", True, 2.5), ("2,14", "ru", True, 2.14), ("8,3", "az", False, 8.3),
    ("54.47", "ru", False, 54.47), ("1.5", "ru", True, 1.5), ("4.4", "en", True, 4.4),
    ("7,200", "en", False, 7200), ("1,200,000", "en", False, 1_200_000), ("1,500", "en", True, 1500),
    ("1.500", "az", False, 1500), ("2,140", "ru", True, 2.14), ("7,200", "ru", False, 7200),
    ("15 000", "ru", False, 15000), ("1\u00a0500\u00a0000", "ru", False, 1_500_000),
    ("1.234,5", "ru", False, 1234.5), ("1,234.5", "en", False, 1234.5), ("3.125", "en", False, 3.125),
    ("150", "az", False, 150), ("0,5", "az", False, 0.5),
])
def test_parse_digits(raw, lang, scale_follows, value):
    assert parse_digits(raw, lang, scale_follows) == value


@pytest.mark.parametrize("raw", ["12.03.2023", "1.2.3", "1,2,3", "", "x1", "1,23.45,6", "9" * 400])
def test_parse_digits_rejects_non_numbers(raw):
    assert parse_digits(raw, "ru") is None


@pytest.mark.parametrize("value, scale, expected", [
    (2.14, 1e9, 2_140_000_000.0), (4.4, 1e9, 4_400_000_000.0), (1.5, 1e6, 1_500_000.0), (7, 1, 7.0),
    (0.1, 1e3, 100.0),
])
def test_scaled_has_no_binary_noise(value, scale, expected):
    assert scaled(value, scale) == expected


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_plain_integers_round_trip(n):
    for lang in ("az", "ru", "en"):
        assert parse_digits(str(n), lang) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_integers_round_trip(n):
    assert parse_digits(f"{n:,}", "en") == n
    assert parse_digits(f"{n:,}".replace(",", " "), "ru") == n


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abcdeəıiöüçşğ üçbeşikiyüzmin", max_size=12), max_size=6),
       st.sampled_from(["az", "ru", "en"]))
def test_word_sequence_never_raises(words, lang):
    result = parse_word_sequence(words, lang)
    assert result is None or (result[0] >= 0 and 1 <= result[1] <= len(words))
