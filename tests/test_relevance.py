"""Relevance to Russia–Azerbaijan relations: both sides → relevant, one → low, none → 0, per language."""
from __future__ import annotations

import polars as pl
import pytest

from news_texts import AZ_DOMESTIC, AZ_WIRE, EN_UNRELATED, EN_WIRE, RU_DOMESTIC, RU_WIRE
from transforms.relevance import score_relevance, with_relevance

THRESHOLD = 0.5


@pytest.mark.parametrize("language,text", [
    # inflected country names, capitals, leaders, ministers
    ("az", "Rusiyanın xarici işlər naziri Sergey Lavrov bu gün Bakıya gəlir."),
    ("az", "Prezident İlham Əliyev Moskvada Vladimir Putinlə görüşüb."),
    ("az", "Ceyhun Bayramov Rusiyaya səfər edəcək, Azərbaycanın mövqeyini çatdıracaq."),
    ("az", "Rus sülhməramlıları Azərbaycan ərazisini tərk ediblər."),
    ("ru", "Министр иностранных дел России Сергей Лавров прибыл в Баку."),
    ("ru", "Товарооборот между Россией и Азербайджаном превысил 4 млрд долларов."),
    ("ru", "Путин провел телефонный разговор с Алиевым."),
    ("ru", "Азербайджанская делегация прибыла в Москву; в Кремле ее встретил Песков."),
    ("en", "Russian Foreign Minister Sergei Lavrov arrived in Baku on Tuesday."),
    ("en", "Aliyev and Putin discussed the North-South corridor by phone."),
    ("en", "Azerbaijan's foreign minister Jeyhun Bayramov met Overchuk in Moscow."),
])
def test_both_sides_named_is_relevant(language, text):
    relevance = score_relevance(text, language)
    assert relevance.score >= THRESHOLD
    assert relevance.reason.startswith("both countries")


@pytest.mark.parametrize("language,text", [
    ("az", "Azərbaycan-Rusiya əlaqələri inkişaf edir."),
    ("az", "Rusiya-Azərbaycan hökumətlərarası komissiyası toplaşıb."),
    ("ru", "Российско-азербайджанские переговоры прошли в закрытом режиме."),
    ("ru", "Азербайджано-российская граница открыта."),
    ("en", "Russian-Azerbaijani relations are developing."),
    ("en", "The Azerbaijan–Russia border crossing at Yalama reopened."),
])
def test_a_bilateral_compound_is_fully_relevant(language, text):
    relevance = score_relevance(text, language)
    assert relevance.score == 1.0 and relevance.reason.startswith("bilateral; pair: ")


@pytest.mark.parametrize("language,text,side", [
    ("az", "Azərbaycanın Kənd Təsərrüfatı Nazirliyi yaz əkini barədə məlumat yayıb.", "Azerbaijan"),
    ("ru", "Путин провел совещание с членами правительства.", "Russia"),
    ("en", "Moscow city authorities opened three new metro stations.", "Russia"),
    ("en", "Baku will host the European games.", "Azerbaijan"),
])
def test_one_side_only_is_low(language, text, side):
    relevance = score_relevance(text, language)
    assert 0 < relevance.score < THRESHOLD
    assert relevance.reason.startswith(f"only {side}")


@pytest.mark.parametrize("language,text", [
    ("en", "Prussia and Bakunin were discussed at a Berlin seminar."),   # 'Russia', 'Baku' inside other words
    ("en", "Paris hosted the marathon on Sunday."),
    ("ru", "В Париже прошел марафон."),
    ("az", "Paris marafonu bazar günü keçirilib."),
    ("en", ""),
])
def test_no_mention_scores_zero(language, text):
    assert score_relevance(text, language).score == 0.0


def test_abbreviations_keep_their_case():
    assert score_relevance("Делегация РФ прибыла в Баку.", "ru").score >= THRESHOLD
    assert score_relevance("the rf signal and the baku-style dish", "en").reason.startswith("only Azerbaijan")


def test_the_title_counts():
    assert score_relevance("The ministers met on Tuesday.", "en", title="Lavrov meets Bayramov").score >= THRESHOLD


def test_more_mentions_and_mechanisms_raise_the_score():
    once = score_relevance("Russia and Azerbaijan talked.", "en").score
    more = score_relevance("Russia and Azerbaijan talked. Moscow and Baku agreed. Putin called Aliyev.", "en").score
    mechanism = score_relevance("Russia and Azerbaijan talked in the intergovernmental commission.", "en").score
    assert once < more <= 1.0 and once < mechanism


def test_unknown_language_uses_every_lexicon():
    assert score_relevance("Rusiya ilə Азербайджан", None).score >= THRESHOLD
    assert score_relevance("Rusiya ilə Азербайджан", "en").score == 0.0   # in the article's language only


def test_reason_names_what_was_found():
    reason = score_relevance("Rusiya Rusiyanın Bakı", "az").reason
    assert reason == "both countries; Russia: Rusiya×2; Azerbaijan: Bakı×1"


@pytest.mark.parametrize("text,language,relevant", [
    (AZ_WIRE, "az", True), (RU_WIRE, "ru", True), (EN_WIRE, "en", True),
    (AZ_DOMESTIC, "az", False), (RU_DOMESTIC, "ru", False), (EN_UNRELATED, "en", False),
])
def test_news_texts(text, language, relevant):
    assert (score_relevance(text, language).score >= THRESHOLD) is relevant


def test_frame_gets_score_reason_and_flag():
    frame = pl.DataFrame({"article_id": ["a", "b"], "text": [EN_WIRE, EN_UNRELATED], "language": ["en", "en"],
                          "title": [None, "Paris marathon"]})
    scored = with_relevance(frame, THRESHOLD)
    assert scored["is_relevant"].to_list() == [True, False]
    assert scored["relevance_score"].dtype == pl.Float32 and scored["relevance_reason"][1] == "neither country"
