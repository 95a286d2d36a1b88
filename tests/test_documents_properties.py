"""Properties of the document extractor and linker on arbitrary and mangled text: never raises,
offsets slice exactly, mentions are sorted and disjoint (except a document named inside another's
name, "Protocol amending the Agreement on ...", which nests wholly inside it), values stay in their
enumerations; text far from a mention does not change it (only the text around type nouns is read);
the linker follows the registry it is given."""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.dates import extract_dates
from transforms.documents import extract_documents, link_documents
from transforms.mentions import DOC_TYPES
from warehouse.registry import load_registry

REGISTRY = load_registry()
REGISTRY_IDS = {e.document_id for e in REGISTRY}

SENTENCES = [
    "Moskvada Rusiya Federasiyası ilə Azərbaycan Respublikası arasında müttəfiqlik qarşılıqlı fəaliyyəti haqqında "
    "Bəyannamə imzalanıb. Bəyannamə 43 bənddən ibarətdir.",
    "Onlardan 18-i Azərbaycanla ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında müqavilə bağlayıb.",
    "Tərəflər altı yol xəritəsi və «Müttəfiqlik haqqında» Bəyannamənin icrasını, protokol çəkilişlərini müzakirə edib.",
    "Лидеры подписали «Декларацию о союзническом взаимодействии между Российской Федерацией и Азербайджанской "
    "Республикой». Контракт между ГНКАР и «Газпромом» продлен, а в заявлении МИД говорится иное.",
    "Стороны обсудили реализацию Плана действий до 2024 года и дорожной карты по развитию торговли.",
    "The Declaration on “Allied Interaction between Azerbaijan and Russia” was signed in Moscow on February 22, "
    "2022. The declaration, in particular, spells out the main areas of cooperation.",
    "North-South ITC gains momentum with Russia-Azerbaijan pact\nThe agreement’s provisions and the deal were "
    "approved, as were the Baku (2001 and 2008) and Moscow (2008) declarations.",
    "The programme of the visit, said in a statement, includes the signing of intergovernmental and other "
    "agreements and a peace treaty.",
]

LANGUAGES = st.sampled_from(["az", "ru", "en", None, "xx"])
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


def check(text: str, language: str | None, published: dt.date | None) -> None:
    dates = extract_dates(text, language, published)
    mentions = extract_documents(text, language, dates)
    previous = None
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        if previous is not None:
            nested = previous.start <= m.start and m.end <= previous.end and (m.start, m.end) != (
                previous.start, previous.end)
            assert m.start >= previous.end or nested, "mentions cross or are out of order"
            if nested:
                continue                    # the outer mention stays the one to compare the next with
        previous = m
        assert m.doc_type in DOC_TYPES
        assert 0.0 < m.confidence <= 1.0
        assert m.name_key is None or (m.name_key.strip() and m.name_key == m.name_key.strip())
    links = link_documents(text, language, published, mentions, REGISTRY, dates)
    assert len(links) == len(mentions)
    for link in links:
        assert link.doc_type in DOC_TYPES
        assert 0.0 <= link.confidence <= 1.0
        if link.is_registered:
            assert link.document_id in REGISTRY_IDS
        elif link.document_id is not None:
            assert link.document_id.startswith("derived-") and link.canonical_name
        else:
            assert link.canonical_name is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), LANGUAGES, PUBLISHED)
def test_arbitrary_text(text, language, published):
    check(text, language, published)


# Text made of document words, quotes, brackets, digits and line breaks hits the edge cases of the
# walks (quotes without partners, names at the very start or end, empty stretches).
PIECES = st.sampled_from([
    "Bəyannamə", "Bəyannaməsi", "haqqında", "arasında", "ilə", "və", "yol", "xəritəsi", "Fəaliyyət", "Planı",
    "müqavilə", "saziş", "Декларация", "о", "между", "и", "дорожная", "карта", "план", "действий", "заявление",
    "Agreement", "on", "between", "the", "of", "statement", "joint", "deal", "road", "map", "action", "plan",
    "Final", "Act", "Yekun", "aktı", "2022", "10", "November", "ноября", "noyabr", "«", "»", "“", "”", '"', "(",
    ")", ",", ".", "\n", "-", "signed", "imzalanıb", "подписан", "Moscow", "Bakı", "Rusiya", "Azerbaijan",
    "protocol", "Protokol", "протокол", "amending", "to", "Sazişə", "dəyişikliklər", "edilməsi", "barədə", "о",
    "внесении", "изменений", "в", "Соглашение", "plan", "Планом", "заявления", "Пункт", "9", "and",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40), LANGUAGES, PUBLISHED)
def test_document_word_soup(pieces, language, published):
    check(" ".join(pieces), language, published)


INSERTIONS = ["İ", "I", "«", "”", "\n", " ", "-", "ß", "\u0301", "."]


@st.composite
def mangled(draw):
    """A realistic sentence with random edits: cut, case-changed, characters inserted or dropped."""
    text = draw(st.sampled_from(SENTENCES))
    start = draw(st.integers(0, len(text) // 3))
    end = draw(st.integers(start, len(text)))
    text = text[start:end]
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "drop", "upper", "lower"]))
        if action == "insert":
            text = text[:pos] + draw(st.sampled_from(INSERTIONS)) + text[pos:]
        elif action == "drop" and pos < len(text):
            text = text[:pos] + text[pos + 1:]
        elif action == "upper":
            text = text[:pos] + text[pos:].upper()
        else:
            text = text[:pos] + text[pos:].lower()
    return text


@settings(max_examples=200, deadline=None)
@given(mangled(), LANGUAGES, PUBLISHED)
def test_mangled_sentences(text, language, published):
    check(text, language, published)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "protocol amending the agreement on road transport", "Protocol to the Convention on the Caspian Sea",
    "Протокол о внесении изменений в Соглашение о транспорте", "Sazişə dəyişikliklər edilməsi barədə Protokol",
    "haqqında", "and the", "и", "və", ",", "signed", ".", "\n", "Trilateral Statement", "of November 10, 2020",
]), max_size=12), LANGUAGES)
def test_nested_documents(pieces, language):
    check(" ".join(pieces), language, None)


def _documents(text: str, language: str, published: dt.date | None = None, registry=REGISTRY):
    dates = extract_dates(text, language, published)
    mentions = extract_documents(text, language, dates)
    return mentions, link_documents(text, language, published, mentions, registry, dates)


def test_same_article_twice_gives_the_same_ids():
    text = SENTENCES[0] + " " + SENTENCES[1]
    assert _documents(text, "az") == _documents(text, "az")


# Words of no document, in each language: a long stretch of them is text no mention reads.
FILLER = {
    "az": "Hava bu gün yağışlı olacaq, küləyin sürəti artacaq və axşam temperatur enəcək. ",
    "ru": "Погода сегодня будет дождливой, ветер усилится, а вечером похолодает. ",
    "en": "The weather will be rainy today, the wind will pick up and it will get colder tonight. ",
}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SENTENCES), st.integers(1, 40), st.booleans())
def test_far_text_does_not_change_a_mention(sentence, repeats, before):
    """Only the stretches of text around type nouns are read: filler after the text, or before it past
    its first line (which may be a headline), leaves its mentions as they were, offsets shifted."""
    language = "ru" if any("а" <= c <= "я" for c in sentence.lower()) else "az" if "ə" in sentence.lower() else "en"
    alone = extract_documents(sentence, language, extract_dates(sentence, language, None))
    filler = FILLER[language] * repeats
    if before:
        head = "Xəbərlər\n" if language == "az" else "Новости\n" if language == "ru" else "News\n"
        text, shift = head + filler + "\n\n" + sentence, len(head) + len(filler) + 2
        if "\n" in sentence:
            return                          # a headline inside the sentence stops being the first line
    else:
        text, shift = sentence + "\n\n" + filler, 0
    found = extract_documents(text, language, extract_dates(text, language, None))
    assert [(m.start - shift, m.end - shift, m.text, m.doc_type, m.name_key, m.rule) for m in found] == [
        (m.start, m.end, m.text, m.doc_type, m.name_key, m.rule) for m in alone]


def test_the_linker_follows_the_registry_it_is_given():
    """A registry with one entry changed is read afresh (the prepared registry is kept only while the
    same entries are passed)."""
    text = "The Convention on the Legal Status of the Caspian Sea was signed in Aktau."
    (_,), (link,) = _documents(text, "en")
    assert link.document_id == "caspian-legal-status-convention-2018"
    renamed = [dataclasses.replace(e, canonical_name="Caspian Convention (renamed)")
               if e.document_id == link.document_id else e for e in REGISTRY]
    assert _documents(text, "en", registry=renamed)[1][0].canonical_name == "Caspian Convention (renamed)"
    without = [e for e in REGISTRY if e.document_id != link.document_id]
    assert _documents(text, "en", registry=without)[1][0].document_id.startswith("derived-")
    assert _documents(text, "en")[1][0].canonical_name == link.canonical_name
