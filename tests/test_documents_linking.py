"""Linking document mentions to the registry: one id per document in every language, coreference,
dates and places, derived ids for unregistered documents, None for the unidentifiable."""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.documents import extract_documents, link_documents
from warehouse.registry import load_registry

REGISTRY = load_registry()
BY_ID = {e.document_id: e for e in REGISTRY}


def links(text: str, language: str, published: dt.date | None = None):
    mentions = extract_documents(text, language, published)
    return [(m.text, link) for m, link in zip(mentions, link_documents(text, language, published, mentions, REGISTRY),
                                              strict=True)]


def ids(text: str, language: str, published: dt.date | None = None) -> list[str | None]:
    return [link.document_id for _, link in links(text, language, published)]


SAME_DOCUMENT = [
    ("ru-az-declaration-allied-interaction-2022", [
        ("az", "Moskvada Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik qarşılıqlı fəaliyyəti "
               "haqqında Bəyannamə imzalanıb."),
        ("ru", "Лидеры подписали Декларацию о союзническом взаимодействии между Российской Федерацией и "
               "Азербайджанской Республикой."),
        ("en", "The leaders signed the Declaration on Allied Cooperation in Moscow on February 22, 2022."),
        ("en", "The Declaration on “Allied Interaction between Azerbaijan and Russia” is a historical document."),
    ]),
    ("ru-az-treaty-friendship-1997", [
        ("az", "Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında Müqavilə 1997-ci ildə imzalanıb."),
        ("ru", "Договор о дружбе, сотрудничестве и взаимной безопасности остается основой отношений."),
        ("en", "The treaty of friendship, cooperation and mutual safety between the Russian Federation and the "
               "Azerbaijan Republic was signed in 1997."),
        ("en", "The basis is the Agreement on Friendship, Cooperation and Mutual Security."),
    ]),
    ("socar-gazprom-gas-contract-2009", [
        ("ru", "Поставки идут по контракту о купле-продаже азербайджанского газа между ГНКАР и «Газпромом»."),
        ("en", "Supplies resumed under the gas purchase and sale contract between SOCAR and Gazprom."),
        ("az", "ARDNŞ ilə Qazprom arasında qazın alqı-satqısı haqqında kontrakt yenilənib."),
    ]),
    ("caspian-legal-status-convention-2018", [
        ("az", "Xəzər dənizinin hüquqi statusu haqqında Konvensiya Aktauda imzalanıb."),
        ("ru", "Конвенция о правовом статусе Каспийского моря вступила в силу."),
        ("en", "The Convention on the Legal Status of the Caspian Sea was signed in Aktau."),
    ]),
    ("az-tr-shusha-declaration-2021", [
        ("az", "Prezident Şuşa Bəyannaməsinin əhəmiyyətini vurğulayıb."),
        ("ru", "Шушинская декларация о союзнических отношениях подписана в 2021 году."),
        ("en", "In June 2021, Azerbaijan and Turkey signed the Shusha Declaration on Allied Relations."),
    ]),
    ("am-az-peace-agreement", [
        ("az", "Ermənistanla Azərbaycan arasında sülh sazişinin imzalanması gözlənilir."),
        ("ru", "Мирный договор между Азербайджаном и Арменией пока не подписан."),
        ("en", "Key objectives include signing a peace treaty."),
    ]),
    ("ru-az-action-plan-2024", [
        ("az", "Rusiya-Azərbaycan əməkdaşlığının əsas istiqamətlərinin inkişafı üzrə Fəaliyyət Planı icra olunur."),
        ("ru", "Стороны обсудили реализацию Плана действий до 2024 года."),
        ("en", "They reviewed the Action Plan for the main directions of Russian-Azerbaijani cooperation."),
    ]),
    ("ru-az-state-border-2010", [
        ("az", "Dövlət sərhədi haqqında Müqavilə 2010-cu ildə Bakıda imzalanıb."),
        ("ru", "Договор о государственной границе подписан в Баку."),
        ("en", "The Agreement between Azerbaijan and the Russian Federation on the state border was signed in 2010."),
    ]),
]


@pytest.mark.parametrize(("document_id", "sentences"), SAME_DOCUMENT)
def test_same_document_same_id_in_every_language(document_id, sentences):
    for language, text in sentences:
        got = links(text, language)
        assert len(got) == 1, (text, got)
        link = got[0][1]
        assert link.document_id == document_id, (text, link)
        assert link.is_registered
        assert link.canonical_name == BY_ID[document_id].canonical_name
        assert link.signed_on == BY_ID[document_id].signed_on


def test_short_mentions_take_the_nearest_named_document():
    text = ("The Declaration on Allied Interaction was signed in Moscow. The Shusha Declaration on Allied Relations "
            "was signed by Turkey and Azerbaijan. The declaration was a model for Baku.")
    got = links(text, "en")
    assert [link.document_id for _, link in got] == [
        "ru-az-declaration-allied-interaction-2022", "az-tr-shusha-declaration-2021", "az-tr-shusha-declaration-2021"]
    assert got[2][1].method == "coreference"


def test_bare_mention_before_the_name_takes_the_later_document():
    text = ("North-South ITC gains momentum with Russia-Azerbaijan pact\n"
            "The Russian government has approved a draft agreement with Azerbaijan to jointly enhance transit freight "
            "traffic along the North-South International Transport Corridor. The agreement aims to strengthen "
            "transport links. The deal sets a guaranteed annual cargo volume. Initially formalized in 2000 through "
            "an agreement between Russia, Iran, and India, the ITC has since grown.")
    got = ids(text, "en")
    transit = "ru-az-north-south-transit-agreement"
    assert got == [transit, transit, transit, transit, "ru-ir-in-instc-agreement-2000"]


def test_capital_short_mentions_in_russian_and_azerbaijani():
    ru = ("Поставки газа идут на основании контракта о купле-продаже газа между ГНКАР и «Газпромом». "
          "Контракт позволяет приостанавливать поставки.")
    assert ids(ru, "ru") == ["socar-gazprom-gas-contract-2009"] * 2
    az = ("Moskvada müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə imzalanıb. "
          "Bəyannamə 43 bənddən ibarətdir.")
    assert ids(az, "az") == ["ru-az-declaration-allied-interaction-2022"] * 2


@pytest.mark.parametrize(("text", "document_id"), [
    ("Putin noted that the Moscow Declaration of February 22, 2022 laid the foundation.",
     "ru-az-declaration-allied-interaction-2022"),
    ("The Moscow Declaration also consolidated plans for allied cooperation.",
     "ru-az-declaration-allied-interaction-2022"),
    ("Medvedev and Aliyev signed the Moscow Declaration in July 2008.", "ru-az-moscow-declaration-2008"),
    ("The Moscow Declaration on Nagorno-Karabakh was signed by the presidents of Armenia, Azerbaijan and Russia.",
     "am-az-ru-moscow-declaration-karabakh-2008"),
    ("The Trilateral Statement of November 9-10, 2020 ended the war.", "am-az-ru-trilateral-statement-2020-11-10"),
    ("The leaders adopted a trilateral statement on January 11, 2021 in Moscow.",
     "am-az-ru-trilateral-statement-2021-01-11"),
    ("Заявление от 10 ноября 2020 года положило конец войне.", "am-az-ru-trilateral-statement-2020-11-10"),
    ("2022-ci ilin sentyabrında Bakıda imzalanmış Bakı Bəyannaməsində yükdaşımaların artırılması nəzərdə tutulub.",
     "az-ir-ru-baku-declaration-north-south-2022"),
    ("Bakı Bəyannaməsi 2001-ci ildə Putinin Bakıya səfəri zamanı imzalanıb.", "ru-az-baku-declaration-2001"),
    ("The 1997 Treaty remains the foundation of bilateral relations.", "ru-az-treaty-friendship-1997"),
])
def test_date_place_and_topic_pick_between_documents_of_one_name(text, document_id):
    language = "ru" if "Заявление" in text else "az" if "Bəyannamə" in text else "en"
    assert ids(text, language) == [document_id]


def test_publication_date_identifies_an_expected_joint_statement():
    text = "Following the visit, a Joint Statement of the Heads of State is expected to be issued."
    assert ids(text, "en", dt.date(2024, 8, 19)) == ["ru-az-joint-statement-allied-priorities-2024"]
    # a document cannot be meant by an article written long before it was signed
    assert ids(text, "en", dt.date(2015, 3, 1)) == [None]


def test_sets_and_single_documents_are_kept_apart():
    text = ("The ministers discussed the trilateral statements of the leaders of Azerbaijan, Russia and Armenia. "
            "The November 10 statement ended the war.")
    assert ids(text, "en") == ["am-az-ru-trilateral-statements-set", "am-az-ru-trilateral-statement-2020-11-10"]
    assert ids("Акцент будет сделан на выполнении трехсторонних заявлений лидеров России, Азербайджана и Армении.",
               "ru") == ["am-az-ru-trilateral-statements-set"]


def test_unregistered_document_gets_a_stable_derived_id():
    first = links("Azerbaijan and Russia signed a memorandum on cooperation in the field of tourism.", "en")
    second = links("In Sochi the sides also signed a memorandum on cooperation in the field of tourism.", "en")
    (_, a), (_, b) = first[0], second[0]
    assert a.document_id == b.document_id and a.document_id.startswith("derived-")
    assert not a.is_registered and a.method == "derived"
    assert a.canonical_name == "memorandum on cooperation in the field of tourism"
    other = links("The sides signed a memorandum on cooperation in the field of education.", "en")[0][1]
    assert other.document_id != a.document_id


@pytest.mark.parametrize(("text", "language"), [
    ("Following the visit, the signing of intergovernmental and other agreements is expected.", "en"),
    ("Aliyev and Putin adopted a joint statement following the talks.", "en"),
    ("According to the roadmap signed last year, trade will grow.", "en"),
    ("Prezidentlər birgə bəyanat qəbul ediblər.", "az"),
])
def test_unidentifiable_mentions_get_none(text, language):
    got = links(text, language)
    assert len(got) == 1 and got[0][1].document_id is None and got[0][1].method == "unidentified"


def test_no_registry_still_links_named_documents_to_derived_ids():
    text = "The Shusha Declaration on Allied Relations was signed. The declaration is historic."
    mentions = extract_documents(text, "en")
    got = link_documents(text, "en", None, mentions, [])
    assert got[0].document_id == got[1].document_id and got[0].document_id.startswith("derived-")


def test_one_link_per_mention_and_empty_input():
    assert link_documents("no documents here", "en", None, [], REGISTRY) == []
    text = "The UN Charter and the Helsinki Final Act were cited."
    got = links(text, "en")
    assert [link.document_id for _, link in got] == ["un-charter-1945", "helsinki-final-act-1975"]
    assert all(0.0 < link.confidence <= 1.0 for _, link in got)


@pytest.mark.parametrize(("text", "language", "document_id"), [
    # a day and month next to the mention pick the statement without a year
    ("The trilateral statement of November 10 remains the basis of the settlement.", "en",
     "am-az-ru-trilateral-statement-2020-11-10"),
    ("2020-ci il 10 noyabr tarixli üçtərəfli Bəyanatın bütün bəndləri icra olunmalıdır.", "az",
     "am-az-ru-trilateral-statement-2020-11-10"),
    # the place of signing names a document when the date agrees
    ("The leaders recalled the Moscow statement of January 11, 2021.", "en",
     "am-az-ru-trilateral-statement-2021-01-11"),
    ("Трехстороннее заявление лидеров от 9 ноября 2020 года остается основой.", "ru",
     "am-az-ru-trilateral-statement-2020-11-10"),
])
def test_days_and_places_near_the_mention(text, language, document_id):
    assert ids(text, language) == [document_id]


def test_generic_headline_takes_the_fuller_name_in_the_article():
    text = ("Путин и Алиев подписали совместное заявление\nПрезиденты вчера в Баку подписали Совместное заявление "
            "о приоритетных направлениях союзнического взаимодействия.")
    # without a publication date nothing but the fuller name says which joint statement the headline means
    got = links(text, "ru")
    assert [link.document_id for _, link in got] == ["ru-az-joint-statement-allied-priorities-2024"] * 2
    assert got[0][1].method == "coreference-later"
    # the day after the signing, the short title alone is enough
    got = links(text, "ru", dt.date(2024, 8, 20))
    assert [link.document_id for _, link in got] == ["ru-az-joint-statement-allied-priorities-2024"] * 2


def test_capitalised_short_titles_refer_back():
    text = ("Bu gün 2020-ci il noyabrın 10-da imzalanmış üçtərəfli Bəyanatın ildönümüdür. Liderlərin imzaladığı "
            "Bəyanat müharibəyə son qoyub. Tərəflər Bəyanatın 9-cu bəndinin icrasını müzakirə ediblər.")
    assert ids(text, "az") == ["am-az-ru-trilateral-statement-2020-11-10"] * 3
    ru = "Договор о дружбе подписан в 1997 году. Стороны настоящего Договора проводят консультации."
    assert ids(ru, "ru") == ["ru-az-treaty-friendship-1997"] * 2


def test_equal_evidence_prefers_the_more_recent_document():
    # "Baku Declaration" names the 2001 Russia-Azerbaijan and the 2022 North-South declarations
    assert ids("The Baku Declaration was mentioned at the briefing.", "en") == [
        "az-ir-ru-baku-declaration-north-south-2022"]
    assert ids("The Baku Declaration was signed by Putin and Aliyev in January 2001.", "en") == [
        "ru-az-baku-declaration-2001"]


def test_unregistered_document_gets_one_derived_id_in_every_language():
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


def test_a_set_is_confirmed_by_the_dates_of_its_members():
    text = ("Президенты обсудили ход выполнения трехсторонних заявлений от 9 ноября 2020 года, 11 января и "
            "26 ноября 2021 года.")
    assert ids(text, "ru") == ["am-az-ru-trilateral-statements-set"]
    assert ids("Президенты обсудили ход выполнения трехсторонних заявлений.", "ru") == [None]


# --- round 2 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "document_id"), [
    # short mentions inherit the registry document of the full name, also when ordinary words describe them
    ("Moskvada müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə imzalanıb. Onlarca bənddən ibarət Bəyannamə "
     "bütün sahələri əhatə edir.", "az", "ru-az-declaration-allied-interaction-2022"),
    ("Стороны подписали Декларацию о союзническом взаимодействии. Пункт 7 Декларации касается обороны.", "ru",
     "ru-az-declaration-allied-interaction-2022"),
    ("Стороны вспомнили Декларацию о союзническом взаимодействии, подписанную в Кремле. Декларация содержит "
     "43 пункта.", "ru", "ru-az-declaration-allied-interaction-2022"),
])
def test_short_mentions_inherit_the_registry_document(text, language, document_id):
    assert ids(text, language) == [document_id] * 2


@pytest.mark.parametrize(("text", "language"), [
    # another document's year next to the mention says nothing about it
    ("The sides acted in line with the UN Charter and the 1975 Helsinki Final Act.", "en"),
    ("Стороны действуют в соответствии с Уставом ООН и Хельсинкским заключительным актом 1975 года.", "ru"),
    ("Tərəflər BMT Nizamnaməsinə və 1975-ci il Helsinki Yekun aktına sadiqdirlər.", "az"),
])
def test_un_charter_in_every_language(text, language):
    assert ids(text, language) == ["un-charter-1945", "helsinki-final-act-1975"]


def test_a_repeated_generic_name_is_the_document_named_before():
    text = ("The trilateral statement signed on November 10, 2020 ended the fighting. A year later the leaders met "
            "in Sochi on November 26, 2021. Today the Trilateral Statement is still cited by both sides.")
    assert ids(text, "en", dt.date(2024, 5, 1)) == ["am-az-ru-trilateral-statement-2020-11-10"] * 2
    # a date of its own next to the short name decides, whatever came before
    text = ("Under the Trilateral Statement signed on November 10, 2020, peacekeepers were deployed. The Trilateral "
            "Statement of November 26, 2021 dealt with the border.")
    assert ids(text, "en") == ["am-az-ru-trilateral-statement-2020-11-10", "am-az-ru-trilateral-statement-2021-11-26"]


@pytest.mark.parametrize(("text", "language", "document_id"), [
    ("The leaders recalled the statement of January 11, 2021 on transport links.", "en",
     "am-az-ru-trilateral-statement-2021-01-11"),
    ("Лидеры напомнили о заявлении от 26 ноября 2021 года.", "ru", "am-az-ru-trilateral-statement-2021-11-26"),
    ("The presidents discussed the Sochi statement of October 31, 2022.", "en",
     "am-az-ru-trilateral-statement-2022-10-31"),
    ("Лидеры подписали заявление о прекращении огня.", "ru", "am-az-ru-trilateral-statement-2020-11-10"),
])
def test_a_date_after_the_noun_names_the_statement(text, language, document_id):
    assert ids(text, language) == [document_id]


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


@pytest.mark.parametrize("sentences", DERIVED_SUBJECTS)
def test_unregistered_documents_get_one_id_across_languages(sentences):
    got = {language: ids(text, language) for language, text in sentences}
    assert all(len(v) == 1 for v in got.values()), got
    assert len({v[0] for v in got.values()}) == 1, got
    assert next(iter(got.values()))[0].startswith("derived-")


def test_different_subjects_get_different_derived_ids():
    first = {ids(sentences[2][1], "en")[0] for sentences in DERIVED_SUBJECTS}
    assert len(first) == len(DERIVED_SUBJECTS)


@pytest.mark.parametrize(("text", "language", "document_id"), [
    # a period or a subject the registered plan does not have makes it another plan
    ("The sides signed an action plan on energy efficiency for 2026-2028.", "en", None),
    ("The sides discussed the Action Plan for 2025-2027.", "en", "ru-az-action-plan-2025-2027"),
    ("Стороны подготовят проект Плана действий на 2025-2027 годы.", "ru", "ru-az-action-plan-2025-2027"),
    ("Həmsədrlər 2025-2027-ci illər üçün Fəaliyyət Planının layihəsini müzakirə ediblər.", "az",
     "ru-az-action-plan-2025-2027"),
    ("They discussed the Action Plan until 2024.", "en", "ru-az-action-plan-2024"),
])
def test_years_in_a_name_must_agree(text, language, document_id):
    got = ids(text, language)
    assert len(got) == 1
    if document_id is None:
        assert got[0].startswith("derived-")
    else:
        assert got == [document_id]


def test_a_year_next_to_a_short_mention_can_point_to_another_document_of_its_type():
    text = ("The co-chairs discussed the new Action Plan for 2025-2027, which replaces the plan that expired in 2024. "
            "Most of the text of the action plan has been agreed.")
    assert ids(text, "en") == ["ru-az-action-plan-2025-2027", "ru-az-action-plan-2024", "ru-az-action-plan-2025-2027"]
    # a number of people is not a year
    text = ("Liderlər üçtərəfli bəyanat imzalayıblar. Bəyanatın 4-cü bəndinə görə, kontingent 1960 nəfər hərbçidən "
            "ibarətdir.")
    assert ids(text, "az", dt.date(2020, 11, 12)) == ["am-az-ru-trilateral-statement-2020-11-10"] * 2


@pytest.mark.parametrize(("text", "language"), [
    ("Mərkəz Rusiya və Türkiyə müdafiə nazirlərinin 2020-ci il noyabrın 11-də imzaladığı memoranduma əsasən "
     "yaradılıb.", "az"),
    ("Центр создан на основании меморандума, подписанного министрами обороны России и Турции 11 ноября 2020 года.",
     "ru"),
])
def test_signatories_and_the_signing_day_identify_a_document(text, language):
    assert ids(text, language) == ["ru-tr-monitoring-centre-memorandum-2020"]


@pytest.mark.parametrize(("text", "language"), [
    ("Hökumət beynəlxalq avtomobil nəqliyyatı haqqında Sazişə dəyişikliklər edilməsi barədə Protokolu təsdiq edib.",
     "az"),
    ("Правительство одобрило Протокол о внесении изменений в Соглашение о международном автомобильном "
     "сообщении.", "ru"),
    ("Parliament ratified the protocol amending the agreement on international road transport.", "en"),
])
def test_nested_protocol_and_agreement_link_to_their_own_documents(text, language):
    assert ids(text, language) == ["ru-az-road-transport-amending-protocol-2024",
                                   "ru-az-international-road-transport-agreement"]


@pytest.mark.parametrize(("text", "language", "published", "document_id"), [
    ("Безвизовый режим между странами действует на основании межправительственного соглашения.", "ru", None,
     "ru-az-visa-free-travel-agreement"),
    ("The project is developed under the production sharing agreement signed on June 4, 1996.", "en", None,
     "az-shah-deniz-psa-1996"),
    ("«Газпром» начал поставки газа в Азербайджан по новому контракту, подписанному на прошлой неделе.", "ru",
     dt.date(2022, 11, 20), "gazprom-socar-gas-supply-contract-2022"),
    ("Gazprom resumed gas supplies to Azerbaijan in November 2022 under a contract with SOCAR.", "en", None,
     "gazprom-socar-gas-supply-contract-2022"),
    ("Azərbaycan, Qazaxıstan və Rusiya Xəzər dənizinin dibinin bölgü xətlərinin qovuşma nöqtəsi haqqında Sazişi "
     "xatırladıblar.", "az", None, "az-kz-ru-caspian-junction-point-agreement-2003"),
    ("The Tehran Convention protects the marine environment of the Caspian Sea.", "en", None,
     "caspian-tehran-convention-2003"),
    ("Qəbələ RLS haqqında saziş 2002-ci ildə imzalanıb.", "az", None, "ru-az-gabala-radar-agreement-2002"),
    ("По среднесрочному контракту, заключенному 14 октября 2009 года, газ шел в Россию.", "ru", None,
     "socar-gazprom-gas-contract-2009"),
])
def test_registry_documents_named_by_context(text, language, published, document_id):
    assert set(ids(text, language, published)) == {document_id}


@pytest.mark.parametrize(("text", "mention", "doc_type", "document_id"), [
    # the year of signing names the document, in the Azerbaijani izafet "<year>-ci il <Noun>-sı"
    ("Tərəflər 1997-ci il Müqaviləsinə sadiq olduqlarını bir daha bəyan ediblər.",
     "1997-ci il Müqaviləsinə", "treaty", "ru-az-treaty-friendship-1997"),
    ("Prezident müttəfiqlik münasibətlərini təsbit edən 2022-ci il Bəyannaməsinin əhəmiyyətini vurğulayıb.",
     "2022-ci il Bəyannaməsinin", "declaration", "ru-az-declaration-allied-interaction-2022"),
    # a capitalised "Müqavilə" inside a sentence is a treaty's title; in lower case an agreement
    ("Sənəd dövlət sərhədi haqqında Müqavilənin müddəalarına əsaslanır.",
     "dövlət sərhədi haqqında Müqavilənin", "treaty", None),
    ("Tərəflər ticarət-iqtisadi əməkdaşlıq haqqında müqavilə imzalayıblar.",
     "ticarət-iqtisadi əməkdaşlıq haqqında müqavilə", "agreement", None),
])
def test_az_year_named_and_title_cased_treaties(text, mention, doc_type, document_id):
    found = extract_documents(text, "az", None)
    assert [(m.text, m.doc_type) for m in found] == [(mention, doc_type)]
    if document_id:
        assert ids(text, "az") == [document_id]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The ministers signed the Plan of Consultations between the Foreign Ministries for 2024-2025.", "en",
     [("Plan of Consultations between the Foreign Ministries for 2024-2025", "action_plan")]),
    ("Министры подписали План консультаций между МИД России и Азербайджана на 2024-2025 годы.", "ru",
     [("План консультаций между МИД России и Азербайджана на 2024-2025 годы", "action_plan")]),
    # a plan that is not a titled document
    ("The plan of the company is to grow, and the plan for the summit is ready.", "en", []),
    ("Russia Unveils Plan for Economic Recovery\n\nThe plan is to increase trade.", "en", []),
    ("У компании есть план развития на 2025 год.", "ru", []),
])
def test_a_titled_plan_with_a_name_is_an_action_plan(text, language, expected):
    assert [(m.text, m.doc_type) for m in extract_documents(text, language, None)] == expected
