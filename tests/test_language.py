from __future__ import annotations

import pytest

from transforms.language import detect_language, normalise_language


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
