"""Named documents through the public entry points: what the examples (transforms/documents/examples/)
cannot say. The examples hold the mentions, types and links of written texts; here are the language
guess, the registry's facts on a link, derived ids that agree across articles and languages, linking
without a registry, and the composition with the date mentions.
"""
from __future__ import annotations

import datetime as dt

import pytest

from helpers import shared_file
from transforms.dates import extract_dates
from transforms.documents import extract_documents, link_documents
from transforms.extract import extract_article
from warehouse.registry import load_registry

REGISTRY = load_registry()
BY_ID = {e.document_id: e for e in REGISTRY}


def mentions(text: str, language: str | None, published: dt.date | None = None, registry=REGISTRY) -> list[dict]:
    """The document_mentions rows of one text, as the pipeline makes them (dates found first)."""
    return extract_article("test", text, language, published, registry=registry)[2]


def ids(text: str, language: str, published: dt.date | None = None) -> list[str | None]:
    return [row["document_id"] for row in mentions(text, language, published)]


def test_the_language_is_guessed_from_the_script_when_missing():
    assert [(r["text"], r["doc_type"]) for r in mentions("Стороны подписали Декларацию о союзническом "
                                                        "взаимодействии.", None)] == [
        ("Декларацию о союзническом взаимодействии", "declaration")]
    assert [r["text"] for r in mentions("Tərəflər Şuşa Bəyannaməsini xatırladıb.", None)] == ["Şuşa Bəyannaməsini"]


def test_the_seed_article():
    text = shared_file("corpus", "seed.txt").read_text(encoding="utf-8")
    assert [(r["doc_type"], r["text"]) for r in mentions(text, "az")] == [
        ("declaration", "Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik qarşılıqlı "
                        "fəaliyyəti haqqında Bəyannamənin"),
        ("action_plan", "Rusiya-Azərbaycan əməkdaşlığının əsas istiqamətlərinin inkişafı üzrə Fəaliyyət Planı"),
        ("roadmap", "altı yol xəritəsi"),
        ("agreement", "ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında müqavilə"),
    ]


@pytest.mark.parametrize(("language", "text", "document_id"), [
    ("az", "Moskvada müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə imzalanıb.",
     "ru-az-declaration-allied-interaction-2022"),
    ("ru", "Договор о дружбе, сотрудничестве и взаимной безопасности остается основой отношений.",
     "ru-az-treaty-friendship-1997"),
    ("en", "The Convention on the Legal Status of the Caspian Sea was signed in Aktau.",
     "caspian-legal-status-convention-2018"),
])
def test_a_registry_link_carries_the_registry_facts(language, text, document_id):
    _, _, rows, documents = extract_article("test", text, language, None, registry=REGISTRY)
    assert [r["document_id"] for r in rows] == [document_id]
    (document,) = documents
    entry = BY_ID[document_id]
    assert document["is_registered"] and document["canonical_name"] == entry.canonical_name
    assert (document["signed_on"], document["signed_place"], document["parties"]) == (
        entry.signed_on, entry.signed_place, list(entry.parties))


def test_an_unregistered_document_gets_a_stable_derived_id():
    first = extract_article("a", "Azerbaijan and Russia signed a memorandum on cooperation in the field of tourism.",
                            "en", None, registry=REGISTRY)
    second = extract_article("b", "In Sochi the sides also signed a memorandum on cooperation in the field of tourism.",
                             "en", None, registry=REGISTRY)
    (a,), (b,) = first[2], second[2]
    assert a["document_id"] == b["document_id"] and a["document_id"].startswith("derived-")
    assert a["link_method"] == "derived"
    (document,) = first[3]
    assert not document["is_registered"]
    assert document["canonical_name"] == "memorandum on cooperation in the field of tourism"
    other = ids("The sides signed a memorandum on cooperation in the field of education.", "en")
    assert other != [a["document_id"]]


def test_one_unregistered_document_gets_one_derived_id_in_every_language():
    texts = [
        ("ru", "Милли Меджлис ратифицировал соглашение между правительствами Азербайджана и России о сотрудничестве "
               "в области образования."),
        ("en", "Parliament ratified the intergovernmental agreement between Azerbaijan and Russia on cooperation in "
               "the field of education."),
        ("az", 'Milli Məclis "Azərbaycan Respublikası Hökuməti ilə Rusiya Federasiyası Hökuməti arasında təhsil '
               'sahəsində əməkdaşlıq haqqında" Sazişi təsdiq edib.'),
    ]
    got = {ids(text, language)[0] for language, text in texts}
    assert len(got) == 1 and next(iter(got)).startswith("derived-")


# The same unregistered document in three languages: one derived id from its subject, whoever signed it.
DERIVED_SUBJECTS = [
    [("az", "Komissiyanın 19-cu iclasının protokolu imzalanıb."),
     ("ru", "Подписан протокол XIX заседания межправительственной комиссии."),
     ("en", "They signed the protocol of the 19th meeting of the intergovernmental commission.")],
    [("az", "Azərbaycan Respublikasının Səhiyyə Nazirliyi ilə Rusiya Federasiyasının Səhiyyə Nazirliyi arasında "
            "səhiyyə sahəsində əməkdaşlıq haqqında Anlaşma Memorandumu imzalanıb."),
     ("ru", "Подписан меморандум о взаимопонимании о сотрудничестве в области здравоохранения."),
     ("en", "A memorandum of understanding on cooperation in healthcare was signed.")],
    [("az", "Tərəflər 2026-2028-ci illər üçün enerji səmərəliliyi sahəsində Fəaliyyət Planını imzalayıblar."),
     ("ru", "Стороны подписали План действий в области энергоэффективности на 2026-2028 годы."),
     ("en", "The sides signed an action plan on energy efficiency for 2026-2028.")],
    [("az", "Gömrük sahəsində əməkdaşlıq haqqında saziş imzalanıb."),
     ("ru", "Подписано соглашение о сотрудничестве в таможенной сфере."),
     ("en", "An agreement on customs cooperation was signed.")],
    [("az", "Turizm sahəsində əməkdaşlıq haqqında memorandum imzalanıb."),
     ("ru", "Подписан меморандум о сотрудничестве в области туризма."),
     ("en", "A memorandum on cooperation in tourism was signed.")],
    [("az", "Miqrasiya sahəsində əməkdaşlıq haqqında saziş imzalanıb."),
     ("ru", "Подписано соглашение о сотрудничестве в сфере миграции."),
     ("en", "An agreement on cooperation in the field of migration was signed.")],
    [("az", "Mədəniyyət sahəsində əməkdaşlıq proqramı imzalanıb."),
     ("ru", "Подписана программа сотрудничества в области культуры."),
     ("en", "A programme of cooperation in the field of culture was signed.")],
    [("az", "Xarici İşlər Nazirlikləri arasında 2026-2027-ci illər üçün məsləhətləşmələr Proqramı imzalanıb."),
     ("ru", "Подписана Программа консультаций между министерствами иностранных дел на 2026-2027 годы."),
     ("en", "The Programme of Consultations between the foreign ministries for 2026-2027 was signed.")],
    [("az", "Humanitar sahədə əməkdaşlıq haqqında saziş imzalanıb."),
     ("ru", "Подписано соглашение о сотрудничестве в гуманитарной сфере."),
     ("en", "An agreement on humanitarian cooperation was signed.")],
    [("az", "Dəmir yolu nəqliyyatı sahəsində əməkdaşlıq haqqında saziş imzalanıb."),
     ("ru", "Подписано соглашение о сотрудничестве в области железнодорожного транспорта."),
     ("en", "An agreement on cooperation in railway transport was signed.")],
    [("az", "Yükdaşımaların artırılması haqqında yol xəritəsi imzalanıb."),
     ("ru", "Подписана дорожная карта по увеличению грузоперевозок."),
     ("en", "A roadmap on increasing freight traffic was signed.")],
    [("az", "Sənaye kooperasiyası üzrə yol xəritəsi hazırlanır."),
     ("ru", "Готовится дорожная карта по промышленной кооперации."),
     ("en", "A roadmap on industrial cooperation is being prepared.")],
    [("az", "Qida təhlükəsizliyi sahəsində əməkdaşlıq haqqında memorandum imzalanıb."),
     ("ru", "Подписан меморандум о сотрудничестве в области пищевой безопасности."),
     ("en", "A memorandum on cooperation in food safety was signed.")],
]

# Treaty subjects (sea, seabed, supply, protection, double taxation, readmission, civil matters,
# emergencies): each subject word maps to one concept in all three languages, so the three names
# share one key, without a registry (a derived id) and with one (the registry's document, where it has one).
TREATY_SUBJECTS = [
    [("az", "Xəzər dənizinin hüquqi statusu haqqında Konvensiya Aktauda imzalanıb."),
     ("ru", "Конвенция о правовом статусе Каспийского моря была подписана в Актау."),
     ("en", "The Convention on the Legal Status of the Caspian Sea was signed in Aktau.")],
    [("az", "Xəzər dənizinin dibinin delimitasiyası haqqında Saziş 2002-ci ildə imzalanıb."),
     ("ru", "Соглашение о разграничении дна Каспийского моря было подписано в 2002 году."),
     ("en", "The Agreement on the Delimitation of the Seabed of the Caspian Sea was signed in 2002.")],
    [("az", "İkiqat vergitutmanın aradan qaldırılması haqqında Saziş qüvvəyə minib."),
     ("ru", "Соглашение об избежании двойного налогообложения вступило в силу."),
     ("en", "The Agreement on the Avoidance of Double Taxation entered into force.")],
    [("az", "İnvestisiyaların qarşılıqlı qorunması haqqında Saziş ratifikasiya olunub."),
     ("ru", "Соглашение о взаимной защите инвестиций было ратифицировано."),
     ("en", "The Agreement on the Mutual Protection of Investments was ratified.")],
    [("az", "Şəxslərin readmissiyası haqqında Saziş imzalanıb."),
     ("ru", "Соглашение о реадмиссии лиц было подписано."),
     ("en", "The Agreement on the Readmission of Persons was signed.")],
    [("az", "Təbii qazın tədarükü haqqında Saziş imzalanıb."),
     ("ru", "Соглашение о поставках природного газа было подписано."),
     ("en", "The Agreement on the Supply of Natural Gas was signed.")],
    [("az", "Mülki işlər üzrə hüquqi yardım haqqında Saziş imzalanıb."),
     ("ru", "Соглашение о правовой помощи по гражданским делам было подписано."),
     ("en", "The Agreement on Legal Assistance in Civil Matters was signed.")],
    [("az", "Fövqəladə hallar sahəsində əməkdaşlıq haqqında Saziş imzalanıb."),
     ("ru", "Соглашение о сотрудничестве в области чрезвычайных ситуаций было подписано."),
     ("en", "The Agreement on Cooperation in the Field of Emergency Situations was signed.")],
    [("az", "Beynəlxalq informasiya təhlükəsizliyi sahəsində əməkdaşlıq haqqında Saziş imzalanıb."),
     ("ru", "Соглашение о сотрудничестве в области обеспечения международной информационной безопасности подписано."),
     ("en", "The Agreement on Cooperation in the Field of International Information Security was signed.")],
]


@pytest.mark.parametrize("sentences", TREATY_SUBJECTS)
def test_a_treaty_subject_gets_one_id_across_languages(sentences):
    for registry in ([], REGISTRY):
        got = {language: [row["document_id"] for row in mentions(text, language, registry=registry)]
               for language, text in sentences}
        assert all(len(v) == 1 for v in got.values()), got
        assert len({v[0] for v in got.values()}) == 1, got
        assert registry or next(iter(got.values()))[0].startswith("derived-")


def test_a_name_ends_before_the_clause_verb_and_keeps_its_title_case_field():
    assert [r["text"] for r in mentions("The Agreement on the Avoidance of Double Taxation entered into force.",
                                        "en")] == ["Agreement on the Avoidance of Double Taxation"]
    assert [r["text"] for r in mentions("The Agreement on Legal Assistance in Civil Matters was signed.", "en")] == [
        "Agreement on Legal Assistance in Civil Matters"]
    # a noun in -ed is no verb: "seabed"
    assert [r["text"] for r in mentions("They ratified the agreement on the delimitation of the Caspian seabed.",
                                        "en")] == ["agreement on the delimitation of the Caspian seabed"]
    assert [r["text"] for r in mentions("İkiqat vergitutmanın aradan qaldırılması haqqında Saziş qüvvəyə minib.",
                                        "az")] == ["İkiqat vergitutmanın aradan qaldırılması haqqında Saziş"]


@pytest.mark.parametrize("sentences", DERIVED_SUBJECTS)
def test_an_unregistered_subject_gets_one_derived_id_across_languages(sentences):
    got = {language: ids(text, language) for language, text in sentences}
    assert all(len(v) == 1 for v in got.values()), got
    assert len({v[0] for v in got.values()}) == 1, got
    assert next(iter(got.values()))[0].startswith("derived-")


def test_different_subjects_get_different_derived_ids():
    first = {ids(sentences[2][1], "en")[0] for sentences in DERIVED_SUBJECTS}
    assert len(first) == len(DERIVED_SUBJECTS)


def test_without_a_registry_named_documents_get_derived_ids():
    rows = mentions("The Shusha Declaration on Allied Relations was signed. The declaration is historic.", "en",
                    registry=[])
    assert rows[0]["document_id"] == rows[1]["document_id"] and rows[0]["document_id"].startswith("derived-")


def test_no_mention_no_link():
    assert link_documents("no documents here", "en", None, [], REGISTRY, []) == []


def test_documents_read_the_date_mentions_they_are_given():
    """Dimensions compose: the dates that name a document and pick it in the registry are the date
    mentions the caller passes (transforms/extract.py passes those of extract_dates)."""
    text = "The trilateral statement of November 10 remains the basis of the settlement."
    dates = extract_dates(text, "en", None)
    with_dates = extract_documents(text, "en", dates)
    assert [m.text for m in with_dates] == ["trilateral statement"]
    assert "D11-10" in with_dates[0].name_key
    (link,) = link_documents(text, "en", None, with_dates, REGISTRY, dates)
    assert link.document_id == "am-az-ru-trilateral-statement-2020-11-10"
    # without them the words after "of" read as more of the name
    assert [m.text for m in extract_documents(text, "en", [])] == ["trilateral statement of November 10"]


# --- what an article says of a document's signing ------------------------------------------------------

def documents_of(text: str, language: str, published: dt.date | None = None) -> dict[str, dict]:
    return {row["document_id"]: row for row in extract_article("test", text, language, published, registry=REGISTRY)[3]}


@pytest.mark.parametrize(("language", "text", "published", "signed_value", "place", "parties"), [
    ("en", "Azerbaijan and Russia signed a memorandum on cooperation in tourism in Sochi on 14 September 2022.", None,
     "2022-09-14", "Sochi", ["AZ", "RU"]),
    ("ru", "Меморандум о сотрудничестве в области туризма между Азербайджаном и Россией был подписан в Москве "
           "14 сентября 2022 года.", None, "2022-09-14", "Moscow", ["AZ", "RU"]),
    ("az", "Turizm sahəsində əməkdaşlıq haqqında memorandum 2022-ci ilin sentyabrında Bakıda imzalanıb.",
     dt.date(2022, 9, 20), "2022-09", "Baku", None),
    # a city the vocabulary does not know, as written (without the Azerbaijani locative)
    ("az", "Turizm sahəsində əməkdaşlıq haqqında memorandum 2023-cü il martın 3-də Aşqabadda imzalanıb.", None,
     "2023-03-03", "Aşqabad", None),
    ("en", "The memorandum on cooperation in tourism was signed yesterday in Kazan.", dt.date(2023, 6, 2),
     "2023-06-01", "Kazan", None),
])
def test_a_derived_document_gets_the_signing_its_article_states(language, text, published, signed_value, place,
                                                                  parties):
    (row,) = documents_of(text, language, published).values()
    assert not row["is_registered"]
    assert (row["signed_value"], row["signed_place"], row["parties"], row["signing_source"]) == (
        signed_value, place, parties, "text")
    assert row["signed_on"] == (dt.date.fromisoformat(signed_value) if len(signed_value) == 10 else None)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The memorandum on cooperation in tourism was discussed on 5 May 2023 in Baku."),     # no signing
    ("en", "The sides approved a roadmap for industrial cooperation for 2025-2027."),              # a period
    ("ru", "Меморандум о сотрудничестве в области туризма обсуждался 5 мая 2023 года."),
    ("az", "Turizm sahəsində əməkdaşlıq haqqında memorandum 2023-cü il mayın 5-də müzakirə edilib."),
])
def test_a_date_that_is_no_signing_is_not_the_signing(language, text):
    (row,) = documents_of(text, language).values()
    assert row["signed_value"] is None and row["signed_on"] is None


def test_a_country_is_not_the_city_of_a_signing():
    (row,) = documents_of("A memorandum on cooperation in tourism was signed in Azerbaijan.", "en").values()
    assert row["signed_place"] is None


def test_the_registry_keeps_a_signing_known_to_the_month():
    rows = documents_of("2022-ci ilin sentyabrında Bakıda imzalanmış Bakı Bəyannaməsində yükdaşımaların artırılması "
                        "nəzərdə tutulub.", "az")
    row = rows["az-ir-ru-baku-declaration-north-south-2022"]
    assert (row["signed_value"], row["signed_on"], row["signing_source"]) == ("2022-09", None, "registry")
    entry = BY_ID["az-ir-ru-baku-declaration-north-south-2022"]
    assert entry.signed_value == "2022-09" and entry.signed_on is None


def test_a_later_article_states_the_signing_the_first_did_not():
    import polars as pl

    from transforms.extract import extract_frames

    articles = pl.DataFrame({
        "article_id": ["a", "b"],
        "text": ["The sides discussed a memorandum on cooperation in tourism.",
                 "A memorandum on cooperation in tourism was signed in Sochi on 14 September 2022."],
        "language": ["en", "en"], "published": [None, None]}, schema_overrides={"published": pl.Date})
    documents = extract_frames(articles, REGISTRY).documents
    assert documents.height == 1
    row = documents.row(0, named=True)
    assert (row["signed_value"], row["signed_place"]) == ("2022-09-14", "Sochi")


def test_every_document_of_a_mention_has_its_row():
    _, _, mentions_, documents = extract_article(
        "test", "The ministers recalled the Baku (2001 and 2008) and Moscow (2008) declarations and the border, gas "
                "deals.", "en", None, registry=REGISTRY)
    listed = {i for row in mentions_ for i in row["document_ids"]}
    assert listed and listed == {row["document_id"] for row in documents}
    for row in mentions_:
        assert row["document_id"] is None or row["document_ids"][0] == row["document_id"]
