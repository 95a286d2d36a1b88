"""Named-document mentions: spans, types and the line between documents and other senses.

Sentences are written for these tests in the style of the news the pipeline reads.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from transforms.documents import extract_documents
from transforms.mentions import DOC_TYPES

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed.txt"


def found(text: str, language: str) -> list[tuple[str, str]]:
    return [(m.text, m.doc_type) for m in extract_documents(text, language)]


# --- English --------------------------------------------------------------------------------------

EN_CASES = [
    ("Moscow hopes that Baku and Yerevan will sign a peace agreement soon.",
     [("peace agreement", "agreement")]),
    ("The sides signed six documents, including a program of economic cooperation for 2024-2026.",
     [("program of economic cooperation for 2024-2026", "program")]),
    ("Azerbaijan and Russia signed an agreement on cooperation in the field of education. "
     "The agreement will enter into force in 30 days.",
     [("agreement on cooperation in the field of education", "agreement"), ("agreement", "agreement")]),
    ("Under the deal, Russia will supply 1 bcm of gas. The deal was signed by SOCAR and Gazprom.",
     [("deal", "agreement"), ("deal", "agreement")]),
    ("Baku, Moscow ink deal on gas supplies", [("deal on gas supplies", "agreement")]),
    ("Putin and Aliyev signed the “Declaration on Allied Interaction between the Republic of Azerbaijan "
     "and the Russian Federation”.",
     [("Declaration on Allied Interaction between the Republic of Azerbaijan and the Russian Federation",
       "declaration")]),
    ("The Memorandum of Understanding between Azerbaijan Railways and Russian Railways was signed in Sochi.",
     [("Memorandum of Understanding between Azerbaijan Railways and Russian Railways", "memorandum")]),
    ("The 1997 Treaty remains the foundation of bilateral relations.", [("1997 Treaty", "treaty")]),
    ("The parties noted the importance of implementing the agreements reached by the leaders of Azerbaijan, "
     "Russia and Armenia on January 11, 2021.", [("agreements", "agreement")]),
    ("The Shusha Declaration was signed by Turkey and Azerbaijan.", [("Shusha Declaration", "declaration")]),
    ("Aliyev and Putin adopted a joint statement following the talks.", [("joint statement", "statement")]),
    ("Baku and Moscow (2008) declarations set the course.", [("Baku and Moscow (2008) declarations", "declaration")]),
    ("Subsequently, a memorandum was signed to establish a monitoring centre.", [("memorandum", "memorandum")]),
    ("Both countries back the agreements signed earlier and the new roadmap for 2025.",
     [("agreements", "agreement"), ("new roadmap for 2025", "roadmap")]),
    ("The State Program on socio-economic development of regions was approved.",
     [("State Program on socio-economic development of regions", "program")]),
]

EN_NOT_DOCUMENTS = [
    "Both countries are parties to international treaties on human rights.",
    "The visit schedule includes a wreath-laying ceremony; protocol events were held.",
    "Azerbaijan and Russia have signed more than 20 agreements on interregional cooperation.",
    "Azerbaijan is not a member of the Collective Security Treaty Organization (CSTO).",
    "The United Nations Development Programme opened an office in Baku.",
    "Passengers must fill in a customs declaration upon arrival.",
    "Charter flights between Baku and Moscow will resume next week.",
    "Iran's nuclear program was also discussed.",
    "The Trilateral Statement of November 9-10, 2020 has officially become the roadmap.",
    "We have to deal with this problem, and it was a great deal of work.",
    "This document opens a new page; the documents were prepared in advance.",
    "The sides should act in accordance with the plan.",
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_mentions(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize("text", EN_NOT_DOCUMENTS)
def test_english_non_documents(text):
    got = found(text, "en")
    # "the roadmap" in a metaphor is not a document, the Trilateral Statement is
    assert got == ([("Trilateral Statement", "statement")] if "Trilateral" in text else [])


# --- Russian --------------------------------------------------------------------------------------

RU_CASES = [
    ("Договор о дружбе, сотрудничестве и взаимной безопасности был подписан в Москве 3 июля 1997 года.",
     [("Договор о дружбе, сотрудничестве и взаимной безопасности", "treaty")]),
    ("Во время визита было подписано шесть документов, в том числе соглашение о безвизовых поездках граждан.",
     [("соглашение о безвизовых поездках граждан", "agreement")]),
    ("Стороны обсудили реализацию Плана действий до 2024 года.", [("Плана действий до 2024 года", "action_plan")]),
    ("Путин и Алиев подписали Московскую декларацию.", [("Московскую декларацию", "declaration")]),
    ("Мирный договор между Азербайджаном и Арменией пока не подписан.",
     [("Мирный договор между Азербайджаном и Арменией", "treaty")]),
    ("Газпром и SOCAR подписали контракт на поставку газа в 2025 году.", [("контракт на поставку газа", "contract")]),
    ("Декларация, подписанная в Москве, закрепила союзнический характер отношений. Декларация содержит 43 пункта.",
     [("Декларация", "declaration"), ("Декларация", "declaration")]),
    ("Лидеры подписали «Декларацию о союзническом взаимодействии между Российской Федерацией и "
     "Азербайджанской Республикой».",
     [("Декларацию о союзническом взаимодействии между Российской Федерацией и Азербайджанской Республикой",
       "declaration")]),
    ("Акцент будет сделан на выполнении трехсторонних заявлений.", [("трехсторонних заявлений", "statement")]),
    ("Поставки идут на основании контракта (с возможностью пролонгации) о купле-продаже газа между ГНКАР и "
     "«Газпромом», подписанного в Баку. Контракт позволяет приостанавливать поставки.",
     [("контракта (с возможностью пролонгации) о купле-продаже газа между ГНКАР и «Газпромом»", "contract"),
      ("Контракт", "contract")]),
    ("Договор 1997 года остается основой отношений.", [("Договор 1997 года", "treaty")]),
]

RU_NOT_DOCUMENTS = [
    "Стороны договорились о продлении соглашения.",
    "Азербайджан не входит в Организацию Договора о коллективной безопасности.",
    "На встрече в Сочи был подписан целый пакет документов.",
    "Россия и Азербайджан подписали более 200 соглашений.",
    "Путин заявил, что Россия готова помочь; заявление прозвучало в Кремле.",
]


@pytest.mark.parametrize(("text", "expected"), RU_CASES)
def test_russian_mentions(text, expected):
    assert found(text, "ru") == expected


@pytest.mark.parametrize("text", RU_NOT_DOCUMENTS)
def test_russian_non_documents(text):
    assert found(text, "ru") == []


# --- Azerbaijani ------------------------------------------------------------------------------------

AZ_CASES = [
    ("Prezident İlham Əliyev Şuşa Bəyannaməsinin əhəmiyyətini vurğulayıb.",
     [("Şuşa Bəyannaməsinin", "declaration")]),
    ("Rusiya və Azərbaycan arasında 2024-2026-cı illər üçün iqtisadi əməkdaşlıq proqramı imzalanıb.",
     [("Rusiya və Azərbaycan arasında 2024-2026-cı illər üçün iqtisadi əməkdaşlıq proqramı", "program")]),
    ("Qazprom və ARDNŞ arasında qazın alqı-satqısı haqqında müqavilə imzalanıb. "
     "Müqaviləyə əsasən qaz tədarükü bərpa olunacaq.",
     [("Qazprom və ARDNŞ arasında qazın alqı-satqısı haqqında müqavilə", "contract"), ("Müqaviləyə", "contract")]),
    ("Bakı Bəyannaməsi Şimal-Cənub dəhlizinin inkişafını nəzərdə tutur.", [("Bakı Bəyannaməsi", "declaration")]),
    ("Əsrin müqaviləsi 1994-cü ildə imzalanıb.", [("Əsrin müqaviləsi", "contract")]),
    ("Rusiya, Azərbaycan və İran arasında üçtərəfli saziş imzalanıb.",
     [("Rusiya, Azərbaycan və İran arasında üçtərəfli saziş", "agreement")]),
    ("Onlardan 18-i Azərbaycanla ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında müqavilə bağlayıb.",
     [("ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında müqavilə", "agreement")]),
    ("Hazırda «Müttəfiqlik haqqında» Bəyannamənin icrası davam edir.",
     [("«Müttəfiqlik haqqında» Bəyannamənin", "declaration")]),
    ("Görüşdə 2020 və 2021-ci illərdə Rusiya, Ermənistan və Azərbaycan arasında Dağlıq Qarabağ üzrə əldə edilmiş "
     "razılaşmaların icrası müzakirə edilib.",
     [("Rusiya, Ermənistan və Azərbaycan arasında Dağlıq Qarabağ üzrə əldə edilmiş razılaşmaların", "agreement")]),
    ("Birləşmiş Millətlər Təşkilatı Nizamnaməsinin və Helsinki Yekun aktının prinsiplərinə sadiqik.",
     [("Birləşmiş Millətlər Təşkilatı Nizamnaməsinin", "other"), ("Helsinki Yekun aktının", "other")]),
    ("Tərəflər fəaliyyət planı və altı yol xəritəsi üzərində işləyir, Fəaliyyət Planı 2024-cü ilə qədər "
     "nəzərdə tutulub.",
     [("fəaliyyət planı", "action_plan"), ("altı yol xəritəsi", "roadmap"), ("Fəaliyyət Planı", "action_plan")]),
]

AZ_NOT_DOCUMENTS = [
    "Bu saziş iki ölkə arasında ticarətin artmasına şərait yaradacaq.",
    "Protokol çəkilişlərindən sonra görüş davam edib.",
    "Tərəflər razılığa gəliblər ki, danışıqlar davam etdiriləcək.",
    "Qeyd olunub ki, hazırda iki ölkə arasında 150-dən çox beynəlxalq hüquqi akt bağlanıb.",
    "Tərəflər Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatının iclasında iştirak ediblər.",
    "Ölkəyə gələn sərnişinlər gömrük bəyannaməsini doldurmalıdırlar.",
    "ikitərəfli münasibətlərin müqavilə-hüquqi əsasını möhkəmləndirərək",
]


@pytest.mark.parametrize(("text", "expected"), AZ_CASES)
def test_azerbaijani_mentions(text, expected):
    assert found(text, "az") == expected


@pytest.mark.parametrize("text", AZ_NOT_DOCUMENTS)
def test_azerbaijani_non_documents(text):
    assert found(text, "az") == []


# --- shared behaviour -------------------------------------------------------------------------------

def test_title_broken_before_its_type_noun():
    text = ("Azərbaycan Respublikası ilə Rusiya Federasiyası arasında dostluq haqqında\n\n"
            "Azərbaycan Respublikası ilə Rusiya Federasiyası arasında dostluq haqqında\nMüqavilə\n\nMaddə 1")
    got = extract_documents(text, "az")
    assert [(m.text, m.doc_type) for m in got] == [
        ("Azərbaycan Respublikası ilə Rusiya Federasiyası arasında dostluq haqqında\nMüqavilə", "treaty")]


def test_offsets_name_key_and_rule():
    text = "Lavrov recalled the Declaration on Allied Interaction. The declaration has 43 points."
    first, second = extract_documents(text, "en")
    assert text[first.start:first.end] == first.text == "Declaration on Allied Interaction"
    assert first.name_key == "ALLY INTERACT" and first.rule == "en.named"
    assert second.name_key is None and second.rule == "en.antecedent"


def test_language_guessed_when_missing():
    assert found("Стороны подписали Декларацию о союзническом взаимодействии.", None) == [
        ("Декларацию о союзническом взаимодействии", "declaration")]
    assert found("Tərəflər Şuşa Bəyannaməsini xatırladıb.", None) == [("Şuşa Bəyannaməsini", "declaration")]


def test_all_caps_and_dotted_capital_i():
    assert found("İKİ ÖLKƏ ARASINDA SÜLH SAZİŞİ İMZALANACAQ", "az") == [
        ("İKİ ÖLKƏ ARASINDA SÜLH SAZİŞİ", "agreement")]


def test_types_are_known():
    text = " ".join(t for t, _ in EN_CASES)
    assert {m.doc_type for m in extract_documents(text, "en")} <= set(DOC_TYPES)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article():
    got = extract_documents(SEED.read_text(encoding="utf-8"), "az", None)
    assert [(m.doc_type, m.text) for m in got] == [
        ("declaration", "Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik qarşılıqlı "
                        "fəaliyyəti haqqında Bəyannamənin"),
        ("action_plan", "Rusiya-Azərbaycan əməkdaşlığının əsas istiqamətlərinin inkişafı üzrə Fəaliyyət Planı"),
        ("roadmap", "altı yol xəritəsi"),
        ("agreement", "ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında müqavilə"),
    ]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Azerbaijan ratifies agreement with Russia on transit of goods", "en",
     [("agreement with Russia on transit of goods", "agreement")]),
    ("Россия ратифицировала соглашение с Азербайджаном о транзите грузов.", "ru",
     [("соглашение с Азербайджаном о транзите грузов", "agreement")]),
    ("The Treaty of Friendship was signed in 1997. The Parties to this Treaty shall consult each other.", "en",
     [("Treaty of Friendship", "treaty"), ("Treaty", "treaty")]),
    ("Договор о дружбе подписан в 1997 году. Стороны настоящего Договора проводят консультации.", "ru",
     [("Договор о дружбе", "treaty"), ("Договора", "treaty")]),
    ("Bu gün üçtərəfli Bəyanatın ildönümüdür. Liderlərin imzaladığı Bəyanat müharibəyə son qoyub.", "az",
     [("üçtərəfli Bəyanatın", "statement"), ("Bəyanat", "statement")]),
])
def test_parties_after_the_noun_and_short_references(text, language, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # mid-sentence capitals mark a defined title ...
    ("Lavrov said that under the Agreement Russia will supply gas.", [("Agreement", "agreement")]),
    # ... but not in a Title Case headline, where only known names count as modifiers
    ("Russia And Azerbaijan Discuss Agreement Implementation", []),
    ("Russia, Azerbaijan Sign Moscow Declaration On Allied Interaction",
     [("Moscow Declaration On Allied Interaction", "declaration")]),
])
def test_capitals_in_sentences_and_headlines(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Tərəflər „Müttəfiqlik qarşılıqlı fəaliyyəti haqqında“ Bəyannaməni xatırladıblar.", "az",
     "„Müttəfiqlik qarşılıqlı fəaliyyəti haqqında“ Bəyannaməni"),
    ('Prezident "Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik haqqında" Bəyannaməni '
     "imzalayıb.", "az",
     '"Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik haqqında" Bəyannaməni'),
    ("Стороны подписали Декларацию „О союзническом взаимодействии“ в Кремле.", "ru",
     "Декларацию „О союзническом взаимодействии“"),
    ("Подписано Соглашение «О развитии транзитных грузовых перевозок» между Россией и Азербайджаном.", "ru",
     "Соглашение «О развитии транзитных грузовых перевозок» между Россией и Азербайджаном"),
    ('The leaders signed the "Declaration on Allied Interaction" in Moscow.', "en",
     "Declaration on Allied Interaction"),
    ("The “Agreement on the International North-South Transport Corridor” was signed in 2000.", "en",
     "Agreement on the International North-South Transport Corridor"),
])
def test_quoted_names(text, language, expected):
    assert [m.text for m in extract_documents(text, language)] == [expected]


# --- round 2: nested documents, short forms, generic plurals ----------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    # an amending protocol names the agreement it amends: two mentions, the agreement's inside the protocol's
    ("Hökumət beynəlxalq yükdaşımalar haqqında Sazişə dəyişikliklər edilməsi barədə Protokolu təsdiq edib.", "az",
     [("beynəlxalq yükdaşımalar haqqında Sazişə dəyişikliklər edilməsi barədə Protokolu", "protocol"),
      ("beynəlxalq yükdaşımalar haqqında Sazişə", "agreement")]),
    ("Правительство одобрило Протокол о внесении изменений в Соглашение о международном автомобильном "
     "сообщении.", "ru",
     [("Протокол о внесении изменений в Соглашение о международном автомобильном сообщении", "protocol"),
      ("Соглашение о международном автомобильном сообщении", "agreement")]),
    ("Parliament ratified the protocol amending the agreement on cooperation in healthcare.", "en",
     [("protocol amending the agreement on cooperation in healthcare", "protocol"),
      ("agreement on cooperation in healthcare", "agreement")]),
    ("Azerbaijan joined the Protocol to the Convention on the Legal Status of the Caspian Sea.", "en",
     [("Protocol to the Convention on the Legal Status of the Caspian Sea", "protocol"),
      ("Convention on the Legal Status of the Caspian Sea", "convention")]),
])
def test_amending_protocols_nest_the_amended_document(text, language, expected):
    got = extract_documents(text, language)
    assert [(m.text, m.doc_type) for m in got] == expected
    outer, inner = got
    assert outer.start <= inner.start and inner.end <= outer.end


@pytest.mark.parametrize(("text", "language", "expected"), [
    # "and the" starts the next noun phrase: the treaty's name does not swallow the statement's modifiers
    ("Both sides cited the Treaty of Friendship and Mutual Security and the Joint Statement adopted in Baku.", "en",
     [("Treaty of Friendship and Mutual Security", "treaty"), ("Joint Statement", "statement")]),
    ("Both sides cited the Treaty of Friendship and Joint Statement of the presidents.", "en",
     [("Treaty of Friendship", "treaty"), ("Joint Statement of the presidents", "statement")]),
    ("Стороны сослались на Договор о дружбе и Совместное заявление президентов.", "ru",
     [("Договор о дружбе", "treaty"), ("Совместное заявление президентов", "statement")]),
    # ... nor a clause that goes on after "and" or a comma
    ("They reviewed the protocol of the commission's 19th meeting and discussed new projects.", "en",
     [("protocol of the commission's 19th meeting", "protocol")]),
    ("Стороны упомянули Декларацию о стратегическом партнерстве, подписанную в Москве.", "ru",
     [("Декларацию о стратегическом партнерстве", "declaration")]),
    # "between X and the Y" keeps both parties
    ("They signed the Agreement on Trade between the Republic of Azerbaijan and the Russian Federation.", "en",
     [("Agreement on Trade between the Republic of Azerbaijan and the Russian Federation", "agreement")]),
])
def test_conjunctions_and_clauses_end_names(text, language, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a subject after "in" is part of the name; a place is not
    ("A memorandum on cooperation in tourism was signed.", "en", "memorandum on cooperation in tourism"),
    ("A memorandum on cooperation in Baku was signed.", "en", "memorandum on cooperation"),
    ("They discussed the agreement on security cooperation in the Caspian Sea.", "en",
     "agreement on security cooperation in the Caspian Sea"),
    ("Обсуждалось соглашение о сотрудничестве в сфере безопасности на Каспийском море.", "ru",
     "соглашение о сотрудничестве в сфере безопасности на Каспийском море"),
    ("Nazirlər Xəzər dənizində təhlükəsizlik sahəsində əməkdaşlıq haqqında Sazişi müzakirə ediblər.", "az",
     "Xəzər dənizində təhlükəsizlik sahəsində əməkdaşlıq haqqında Sazişi"),
    # Russian topical genitives name a document
    ("Подписана Программа долгосрочного экономического сотрудничества.", "ru",
     "Программа долгосрочного экономического сотрудничества"),
    # a lower-case subject adjective in English
    ("A cultural cooperation programme for 2026-2028 was signed.", "en", "cultural cooperation programme for 2026-2028"),
    # an Azerbaijani period, an ordinal and "concerning"
    ("Tərəflər 2026-2028-ci illər üçün Fəaliyyət Planını təsdiqləyiblər.", "az",
     "2026-2028-ci illər üçün Fəaliyyət Planını"),
    ("Komissiyanın 19-cu iclasının protokolu imzalanıb.", "az", "Komissiyanın 19-cu iclasının protokolu"),
    ("Dün Rəşt-Astara dəmir yolunun tikintisi ilə bağlı saziş imzalanıb.", "az",
     "Rəşt-Astara dəmir yolunun tikintisi ilə bağlı saziş"),
    # a capitalised title modifier, a place name ending like an instrumental, "use" ending like a locative
    ("Sammitdə strateji tərəfdaşlıq haqqında Birgə Bəyanat qəbul edilib.", "az",
     "strateji tərəfdaşlıq haqqında Birgə Bəyanat"),
    ("Tərəflər Qəbələ radiolokasiya stansiyasından istifadə haqqında Sazişi xatırladıblar.", "az",
     "Qəbələ radiolokasiya stansiyasından istifadə haqqında Sazişi"),
    # the other signatory: "signed with X"
    ("Bildirilib ki, Gömrük Komitəsi ilə imzalanmış anlaşma memorandumu qüvvəyə minib.", "az",
     "Gömrük Komitəsi ilə imzalanmış anlaşma memorandumu"),
])
def test_names_reach_their_subject(text, language, expected):
    assert [m.text for m in extract_documents(text, language)] == [expected]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a statement that is signed, or that is about a ceasefire, is a document
    ("Лидеры подписали заявление о прекращении огня.", "ru", [("заявление о прекращении огня", "statement")]),
    ("The leaders signed the statement in Moscow.", "en", [("statement", "statement")]),
    ("Zelenskyy and Putin both referred to the Sochi statement.", "en", [("Sochi statement", "statement")]),
    ("Стороны обсудили выполнение Сочинского заявления.", "ru", [("Сочинского заявления", "statement")]),
    # a provision cited names one document, even in lower case or at the start of a sentence
    ("Лидеры подписали совместное заявление о приоритетах. Пункт 4 заявления касается транспорта.", "ru",
     [("совместное заявление о приоритетах", "statement"), ("заявления", "statement")]),
    ("Liderlər üçtərəfli bəyanat imzalayıblar. Bəyanatın 7-ci bəndi nəqliyyatdan bəhs edir.", "az",
     [("üçtərəfli bəyanat", "statement"), ("Bəyanatın", "statement")]),
    ("Bakıda müttəfiqlik haqqında Bəyannamə imzalanıb. Onlarca bənddən ibarət Bəyannamə geniş sahələri əhatə edir.",
     "az", [("müttəfiqlik haqqında Bəyannamə", "declaration"), ("Bəyannamə", "declaration")]),
    # a bare noun ending a Russian headline refers to the statement the article names
    ("Переговоры завершились заявлением\nЛидеры приняли совместное заявление о разграничении.", "ru",
     [("заявлением", "statement"), ("совместное заявление о разграничении", "statement")]),
])
def test_statements_that_are_documents(text, language, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The ministry issued a statement on the incident.", "en"),
    ("Pashinyan made a statement on the peace agenda.", "en"),
    ("МИД выступил с заявлением\nЛидеры приняли совместное заявление о разграничении.", "ru"),
])
def test_press_statements_are_not_documents(text, language):
    assert all(m.text.startswith(("совместное",)) for m in extract_documents(text, language))


@pytest.mark.parametrize(("text", "language", "expected"), [
    # "plan" alone repeats an action plan named in the article
    ("The new action plan for 2026-2028 will replace the plan adopted in 2021.", "en",
     [("new action plan for 2026-2028", "action_plan"), ("plan", "action_plan")]),
    ("Утвержден План действий на 2026-2028 годы. Согласно Плану, стороны создадут рабочие группы.", "ru",
     [("План действий на 2026-2028 годы", "action_plan"), ("Плану", "action_plan")]),
    ("The action plan was approved. Officials said the plan to build a bridge was delayed.", "en",
     [("action plan", "action_plan")]),
    ("The sides should act in accordance with the plan.", "en", []),
    ("Обсужден план строительства моста.", "ru", []),
    # consultations programmes are documents
    ("They signed the Programme of Consultations between the foreign ministries for 2026-2027.", "en",
     [("Programme of Consultations between the foreign ministries for 2026-2027", "program")]),
    ("Подписана Программа консультаций между министерствами иностранных дел на 2026-2027 годы.", "ru",
     [("Программа консультаций между министерствами иностранных дел на 2026-2027 годы", "program")]),
])
def test_short_plans_and_programmes(text, language, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    # estimates and universal quantifiers describe documents in general
    ("На форуме планируется подписать более 40 соглашений и меморандумов между компаниями.", "ru"),
    ("More than 30 agreements and memoranda will be signed at the forum.", "en"),
    ("Стороны достигли договоренностей по всем вопросам повестки.", "ru"),
    ("The sides reached arrangements on all issues.", "en"),
    ("Ölkələr arasında 300-dən çox saziş imzalanıb.", "az"),
    ("İki ölkə arasında 20-yə yaxın saziş və memorandum imzalanıb.", "az"),
    ("Təxminən 20 saziş imzalanıb.", "az"),
])
def test_generic_plurals_are_not_documents(text, language):
    assert found(text, language) == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a statement its issuer names is a press statement, even next to a signed one
    ("The Kremlin statement said the talks went well. The leaders adopted a joint statement on allied relations.",
     "en", [("joint statement on allied relations", "statement")]),
    ("The Foreign Ministry statement was published later. The leaders adopted a joint statement on allied "
     "relations.", "en", [("joint statement on allied relations", "statement")]),
    # "plan" repeats an action plan named before it, not one named after it
    ("The plan envisages a new bridge. The action plan for 2026-2028 was approved.", "en",
     [("action plan for 2026-2028", "action_plan")]),
    # "... tarixli" (dated): the date belongs to the name
    ("Tərəflər 10 noyabr 2020-ci il tarixli üçtərəfli Bəyanatı xatırladıblar.", "az",
     [("10 noyabr 2020-ci il tarixli üçtərəfli Bəyanatı", "statement")]),
    # signatories' names inside "arasında" keep their capitalised words
    ("Dövlət Gömrük Komitəsi ilə Federal Gömrük Xidməti arasında məlumat mübadiləsi haqqında Protokol imzalanıb.",
     "az", [("Dövlət Gömrük Komitəsi ilə Federal Gömrük Xidməti arasında məlumat mübadiləsi haqqında Protokol",
             "protocol")]),
])
def test_issuers_directions_and_dates(text, language, expected):
    assert found(text, language) == expected
