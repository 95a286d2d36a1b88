"""The canonical document registry: the seed file validates, and malformed files are rejected
with every problem listed."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from transforms.mentions import DOC_TYPES, LANGUAGES
from warehouse.registry import REGISTRY_PATH, RegistryError, load_registry, parse_registry

# Canonical names the evaluation gold uses: the registry must carry exactly these strings.
GOLD_CANONICALS = [
    "Declaration on Allied Interaction (RU-AZ, 2022-02-22)",
    "Trilateral Statement (AM-AZ-RU, 2020-11-10)",
    "Trilateral Statements of the Leaders (set, AM-AZ-RU)",
    "Treaty of Friendship, Cooperation and Mutual Security (RU-AZ, 1997-07-03)",
    "Protocol on the Establishment of Diplomatic Relations (RU-AZ, 1992-04-04)",
    "Agreement on the State Border (RU-AZ, 2010-09-03)",
    "Joint Statement on Priorities of Allied Relations (RU-AZ, 2024-08-19)",
    "Joint Statement of the Foreign Ministers on the 20th Anniversary of Diplomatic Relations (RU-AZ, 2012)",
    "Action Plan for the Main Directions of Russia-Azerbaijan Cooperation until 2024 (RU-AZ)",
    "Agreement on Inter-Parliamentary Cooperation (RU-AZ)",
    "Agreement on the Development of Transit Freight Transportation along the North-South ITC (RU-AZ)",
    "Agreement on the International North-South Transport Corridor (RU-IR-IN, 2000-09-12)",
    "Agreement on the Construction of the Rasht-Astara Railway (RU-IR, 2023-05-17)",
    "Baku Declaration on the North-South Corridor (AZ-IR-RU, 2022-09)",
    "Shusha Declaration on Allied Relations (AZ-TR, 2021-06-15)",
    "Medium-term Gas Purchase and Sale Contract (SOCAR-Gazprom, 2009-10-14)",
    "Charter of the United Nations (1945-06-26)",
    "Helsinki Final Act (1975-08-01)",
    "Peace Agreement (AM-AZ)",
]


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_seed_registry_loads_and_is_consistent(registry):
    assert len(registry) >= 35
    assert len({e.document_id for e in registry}) == len(registry)
    for entry in registry:
        assert entry.doc_type in DOC_TYPES
        assert {lang for lang, _ in entry.aliases} == set(LANGUAGES), entry.document_id
        assert all(len(p) == 2 and p.isupper() for p in entry.parties)
        # a full date in the canonical name is the signing date
        day = re.search(r"(\d{4}-\d{2}-\d{2})\)$", entry.canonical_name)
        assert (entry.signed_on.isoformat() if entry.signed_on else None) == (day.group(1) if day else None), \
            entry.document_id


def test_a_signing_known_to_the_month_is_kept_as_such():
    [entry] = parse_registry({"document": [{**GOOD, "signed_on": None, "signed_in": "2022-09",
                                            "canonical_name": "Test (RU-AZ, 2022-09)"}]}, today=dt.date(2025, 1, 1))
    assert (entry.signed_on, entry.signed_value) == (None, "2022-09")
    [entry] = parse_registry({"document": [GOOD]}, today=dt.date(2025, 1, 1))
    assert entry.signed_value == "2020-01-01"


def test_gold_canonical_names_are_in_the_registry(registry):
    names = {e.canonical_name for e in registry}
    assert [n for n in GOLD_CANONICALS if n not in names] == []


def test_default_path_is_the_seed_file(registry):
    assert REGISTRY_PATH.name == "documents_registry.toml"
    assert load_registry(REGISTRY_PATH) == registry


def test_entry_fields(registry):
    entry = next(e for e in registry if e.document_id == "ru-az-declaration-allied-interaction-2022")
    assert entry.signed_on == dt.date(2022, 2, 22)
    assert entry.signed_place == "Moscow"
    assert entry.parties == ("RU", "AZ")
    assert ("ru", "Декларация о союзническом взаимодействии") in entry.aliases
    assert ("en", "Moscow Declaration") in entry.aliases


GOOD = {"id": "ru-az-test-1", "canonical_name": "Test (RU-AZ)", "doc_type": "agreement",
        "signed_on": dt.date(2020, 1, 1), "parties": ["RU", "AZ"], "aliases": {"en": ["Test agreement"]}}


@pytest.mark.parametrize(("change", "message"), [
    ({"id": "Bad Id"}, "lowercase slug"),
    ({"doc_type": "letter"}, "doc_type 'letter'"),
    ({"parties": ["RU", "XX"]}, "unknown party codes ['XX']"),
    ({"parties": ["ru"]}, "unknown party codes ['ru']"),
    ({"parties": ["RU", "RU"]}, "a party code is repeated"),
    ({"signed_on": "2020-01-01"}, "signed_on '2020-01-01': Input should be a valid date"),   # a string, not a TOML date
    ({"signed_on": dt.date(2999, 1, 1)}, "is outside 1900-01-01..2025-01-01"),
    ({"signed_on": dt.datetime(2020, 1, 1, 10, 0)}, "Input should be a valid date"),
    ({"aliases": {"fr": ["Accord"]}}, "language 'fr' is not one of"),
    ({"aliases": {"en": ["A", "A"]}}, "'A' is listed twice for en"),
    ({"aliases": {"en": [""]}}, "en must list non-empty names"),
    ({"aliases": {"en": "Accord"}}, "aliases.en 'Accord': Input should be a valid list"),
    ({"canonical_name": " padded "}, "trimmed"),
    ({"signed_place": ""}, "signed_place '': must be a non-empty string"),
    ({"colour": "red"}, "unknown field colour"),
    ({"signed_in": "2020-01"}, "give signed_on (a day) or signed_in (a month or a year), not both"),
    ({"signed_on": None, "signed_in": "Sept 2020"}, "must be a year or a month: YYYY or YYYY-MM"),
    ({"canonical_name": "Test (RU-AZ, 2021-05-05)"}, "the canonical name's date 2021-05-05 is not the signing date"),
    ({"signed_on": None, "signed_in": "2020", "canonical_name": "Test (RU-AZ, 2020-01)"}, "is not the signing date"),
])
def test_invalid_entries_are_reported(change, message):
    with pytest.raises(RegistryError) as error:
        parse_registry({"document": [{**GOOD, **change}]}, today=dt.date(2025, 1, 1))
    [problem] = error.value.problems
    assert problem.startswith("registry: document #1 (") and message in problem, problem


def test_duplicates_and_all_problems_are_reported_together():
    other = {**GOOD, "doc_type": "pact", "parties": ["ZZ"]}
    with pytest.raises(RegistryError) as err:
        parse_registry({"document": [GOOD, GOOD, other]}, today=dt.date(2025, 1, 1))
    text = str(err.value)
    assert "duplicate id 'ru-az-test-1'" in text and "duplicate canonical_name" in text
    assert "doc_type 'pact'" in text and "unknown party codes ['ZZ']" in text


def test_a_file_with_several_mistakes_names_each_with_its_file_and_entry(tmp_path: Path):
    path = tmp_path / "registry.toml"
    path.write_text(
        '[[document]]\nid = "ok-1"\ncanonical_name = "OK"\ndoc_type = "treaty"\n\n'
        '[[document]]\nid = "Bad Id"\ncanonical_name = "Two"\ndoc_type = "letter"\nparties = ["XX"]\n\n'
        '[[document]]\nid = "ok-1"\ncanonical_name = "Three"\ndoc_type = "treaty"\nsigned_on = "2001"\n'
        'colour = "red"\n[document.aliases]\nfr = ["Accord"]\n', encoding="utf-8")
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    where = f"{path}: document #"
    assert error.value.problems == [
        f"{where}2 (Bad Id): id 'Bad Id': must be a lowercase slug (letters, digits, hyphens)",
        f"{where}2 (Bad Id): doc_type 'letter': Input should be " + ", ".join(repr(t) for t in DOC_TYPES[:-1])
        + f" or {DOC_TYPES[-1]!r}",
        f"{where}2 (Bad Id): parties ['XX']: unknown party codes ['XX'] (ISO 3166-1 alpha-2, upper case)",
        f"{where}3 (ok-1): signed_on '2001': Input should be a valid date",
        f"{where}3 (ok-1): aliases {{'fr': ['Accord']}}: language 'fr' is not one of ('az', 'ru', 'en')",
        f"{where}3 (ok-1): unknown field colour",
        f"{where}3 (ok-1): duplicate id 'ok-1'",
    ]


def test_empty_and_broken_files(tmp_path: Path):
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="no \\[\\[document\\]\\] entries"):
        load_registry(empty)
    broken = tmp_path / "broken.toml"
    broken.write_text("[[document]\nid = 1\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid TOML"):
        load_registry(broken)


def test_valid_file_round_trip(tmp_path: Path):
    path = tmp_path / "registry.toml"
    path.write_text(
        '[[document]]\nid = "x-1"\ncanonical_name = "X (RU-AZ, 2020-01-01)"\ndoc_type = "treaty"\n'
        'signed_on = 2020-01-01\nsigned_place = "Baku"\nparties = ["RU", "AZ"]\n'
        '[document.aliases]\nen = ["X treaty"]\naz = ["X müqaviləsi"]\n', encoding="utf-8")
    (entry,) = load_registry(path)
    assert entry.document_id == "x-1" and entry.signed_on == dt.date(2020, 1, 1)
    assert entry.aliases == (("en", "X treaty"), ("az", "X müqaviləsi"))


# Documents the news of the relationship keeps citing (round 2): they must be in the registry.
EXPECTED_DOCUMENTS = [
    "ru-az-treaty-friendship-1997", "ru-az-baku-declaration-2001", "ru-az-moscow-declaration-2008",
    "ru-az-declaration-allied-interaction-2022", "ru-az-joint-statement-allied-priorities-2024",
    "ru-az-action-plan-2024", "ru-az-action-plan-2025-2027", "ru-az-international-road-transport-agreement",
    "ru-az-road-transport-amending-protocol-2024", "am-az-ru-trilateral-statement-2020-11-10",
    "am-az-ru-trilateral-statement-2021-01-11", "am-az-ru-trilateral-statement-2021-11-26",
    "am-az-ru-trilateral-statement-2022-10-31", "am-az-ru-trilateral-statements-set", "cis-charter-1993",
    "caspian-legal-status-convention-2018", "caspian-tehran-convention-2003", "gazprom-socar-gas-supply-contract-2022",
]


def test_documents_the_news_cites_are_registered(registry):
    ids = {e.document_id for e in registry}
    assert [i for i in EXPECTED_DOCUMENTS if i not in ids] == []


def test_distinctive_aliases_link_to_their_own_document(registry):
    """Every alias that the extractor reads whole as one mention, and that no other document shares,
    links to its document: the registry's names are in reach of the linker in every language."""
    from transforms.dates import extract_dates
    from transforms.documents import extract_documents, link_documents
    from transforms.documents.concepts import GENERIC, text_key

    owners: dict[frozenset[str], set[str]] = {}
    for entry in registry:
        for language, alias in entry.aliases:
            owners.setdefault(text_key(alias, language).strong, set()).add(entry.document_id)
    wrong = []
    for entry in registry:
        for language, alias in entry.aliases:
            strong = text_key(alias, language).strong
            if not strong - GENERIC or len(owners[strong]) > 1:
                continue                    # needs a date or the parties around it to say which
            dates = extract_dates(alias, language, None)
            mentions = extract_documents(alias, language, dates)
            if len(mentions) != 1 or mentions[0].text != alias:
                continue                    # not read whole (a long official title): nothing to link
            (link,) = link_documents(alias, language, None, mentions, registry, dates)
            if link.document_id != entry.document_id:
                wrong.append((entry.document_id, language, alias, link.document_id))
    assert wrong == []
