from __future__ import annotations

import pytest

from transforms.lang import detect_language, normalise_language


@pytest.mark.parametrize("text,expected", [
    ("Rusiyanın xarici işlər naziri Sergey Lavrov bu gün Bakıya gəlir.", "az"),
    ("Prezident İlham Əliyev Moskvaya səfər edib", "az"),
    ("Министр иностранных дел России Сергей Лавров прибыл в Баку.", "ru"),
    ("Russian Foreign Minister Sergey Lavrov arrived in Baku on Tuesday.", "en"),
    ("Dışişleri Bakanı Mevlüt Çavuşoğlu bugün Bakü'ye geldi ve görüşmeler yaptı.", "tr"),
])
def test_detect(text, expected):
    language, confidence = detect_language(text)
    assert language == expected and 0 < confidence <= 1


@pytest.mark.parametrize("text", ["", "   ", "12 34 ---", "© 2024"[:2]])
def test_nothing_to_read(text):
    assert detect_language(text) == (None, 0.0)


@pytest.mark.parametrize("code,expected", [
    ("az", "az"), ("AZ", "az"), ("aze", "az"), ("az-Latn", "az"), ("Azerbaijani", "az"), ("ru-RU", "ru"),
    ("rus", "ru"), ("en_GB", "en"), ("English", "en"), ("tr", "tr"), ("", None), (None, None), ("???", None),
])
def test_normalise(code, expected):
    assert normalise_language(code) == expected


@pytest.mark.parametrize("text,expected", [
    ("Президент Азербайджана Ильхам Алиев (İlham Əliyev) принял делегацию Госдумы в Баку.", "ru"),
    ("Speaker of the Milli Məclis Sahiba Gafarova received the Russian delegation in Baku on Monday.", "en"),
])
def test_a_quoted_azerbaijani_name_does_not_make_a_text_azerbaijani(text, expected):
    assert detect_language(text)[0] == expected


# --- the language layer ------------------------------------------------------------------------
from transforms import lang as layer  # noqa: E402


def test_the_supported_languages_are_the_folders_of_the_layer():
    import pkgutil

    folders = {m.name for m in pkgutil.iter_modules(layer.__path__) if m.ispkg}
    assert set(layer.SUPPORTED) == folders == {"az", "ru", "en"}
    for code in layer.SUPPORTED:
        assert layer.get(code).code == code


@pytest.mark.parametrize("text", [
    "Rusiyanın xarici işlər naziri Sergey Lavrov bu gün Bakıya gəlir.",
    "Министр иностранных дел России Сергей Лавров прибыл в Баку.",
    "Russian Foreign Minister Sergey Lavrov arrived in Baku on Tuesday.",
    "Trade with Москва grew by 5 percent in 2024, the ministry said.",
    "Товарооборот с Azərbaycan вырос на 5 процентов в 2024 году, сообщили в министерстве.",
    "Speaker of the Milli Məclis Sahiba Gafarova received the Russian delegation in Baku on Monday.",
    "Президент Азербайджана Ильхам Алиев (İlham Əliyev) принял делегацию Госдумы в Баку.",
    "Azərbaycan ilə Rusiya arasında ticarət dövriyyəsi 2024-cü ildə 5 faiz artıb (Moscow, Москва).",
])
def test_the_script_guess_agrees_with_the_detector(text):
    detected, _ = detect_language(text)
    assert detected in layer.SUPPORTED
    assert layer.script_guess(text) == detected


def test_every_extractor_reads_a_mixed_text_in_one_language():
    from transforms.counts.extract import _language
    from transforms.dates.resolve import GRAMMARS  # noqa: F401 (the dates extractor uses script_guess)

    text = "Trade with Москва grew by 5 percent."
    assert layer.script_guess(text) == "en" == _language(text, None) == _language(text, "tr")
    assert layer.language_for(text, None).code == "en" and layer.language_for(text, "ru-RU").code == "ru"


@pytest.mark.parametrize("code,word,month", [
    ("az", "Fevralın", 2), ("az", "iyununda", 6), ("az", "martınadək", 3), ("az", "İYUL", 7), ("az", "mayor", None),
    ("ru", "сентябрём", 9), ("ru", "сентябрем", 9), ("ru", "мая", 5), ("ru", "сент.", 9), ("ru", "марш", None),
    ("en", "Sept.", 9), ("en", "May", 5), ("en", "march", 3), ("en", "martial", None),
])
def test_month_forms(code, word, month):
    assert layer.get(code).month_number(word) == month


def test_month_regex_matches_exactly_the_month_words():
    import re

    for code in layer.SUPPORTED:
        language = layer.get(code)
        pattern = re.compile(f"(?i:{language.month_regex()})")
        for form in (*language.month_forms, *language.month_abbreviations):
            assert pattern.fullmatch(form), (code, form)
    assert not re.fullmatch(f"(?i:{layer.get('az').month_regex()})", "mayor")


@pytest.mark.parametrize("code,text", [
    ("az", "İLHAM ƏLİYEV İyulda IĞDIR"), ("ru", "ВСТРЕЧА в Ёлках İstanbul"), ("en", "İstanbul and IRAN"),
])
def test_lower_keeps_offsets(code, text):
    low = layer.get(code).lower(text)
    assert len(low) == len(text) and low == low.lower()
    if code == "az":
        assert low.startswith("ilham əliyev iyulda ığdır")


def test_folding():
    assert layer.fold_i("İYUN Iyul carı") == "iyun iyul cari"
    assert layer.fold_yo("Ёлки, всё") == "Елки, все"


def test_weekdays_and_sentence_abbreviations():
    assert layer.get("az").weekday_number("cümə axşamı günü") == 3
    assert layer.get("az").weekday_number("cümə günü") == 4
    assert layer.get("ru").weekday_number("во вторник"[3:]) == 1
    assert layer.get("en").weekday_number("Sunday") == 6
    assert {"млрд", "mln", "feb"} <= layer.ABBREVIATIONS
