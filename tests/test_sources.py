"""The sources file: the project's own file is valid, and every mistake in one is named at once."""
from __future__ import annotations

import pytest

from flows.sources import KINDS, LANGUAGES, SourcesError, load_sources, parse_sources, select_sources
from helpers import ROOT

GOOD = '''
[[sources]]
name = "report-en"
outlet = "Report.az"
language = "en"
kind = "rss"
url = "https://report.az/en/rss/"

[[sources]]
name = "mid-news"
outlet = "MID"
language = "ru"
kind = "listing"
url = "https://mid.ru/ru/foreign_policy/news/"
link_pattern = '/news/\\d+/$'
rate_limit_seconds = 5
max_items = 20
enabled = false
'''


def test_the_project_sources_cover_the_outlets_in_three_languages():
    sources = load_sources(ROOT / "flows" / "sources.toml")
    assert {s.language for s in sources} == set(LANGUAGES)
    assert {s.kind for s in sources} <= set(KINDS) and any(s.kind == "listing" for s in sources)
    outlets = {s.outlet for s in sources}
    assert {"APA", "Report.az", "Trend", "AZERTAC", "TASS", "RIA Novosti", "Kommersant"} <= outlets
    assert all(s.url.startswith("https://") for s in sources)


def test_fields_and_defaults():
    report, mid = parse_sources(GOOD)
    assert (report.enabled, report.rate_limit_seconds, report.link_pattern, report.fetch_kind) == (True, None, None, "feed")
    assert (mid.enabled, mid.rate_limit_seconds, mid.max_items, mid.fetch_kind) == (False, 5.0, 20, "listing")


def test_selection_takes_enabled_sources_or_the_named_ones():
    sources = parse_sources(GOOD)
    assert [s.name for s in select_sources(sources)] == ["report-en"]
    assert [s.name for s in select_sources(sources, ["mid-news"])] == ["mid-news"]   # asked for: fetched though disabled
    with pytest.raises(SourcesError, match="unknown source.*tass"):
        select_sources(sources, ["tass"])


def test_every_problem_is_reported_at_once():
    bad = '''
[[sources]]
name = "Bad Name"
outlet = "X"
language = "fr"
kind = "html"
url = "ftp://x"
colour = "red"

[[sources]]
name = "list"
outlet = "Y"
language = "az"
kind = "listing"
url = "https://y.az/"

[[sources]]
name = "list"
outlet = "Y"
language = "az"
kind = "rss"
url = "https://y.az/rss"
link_pattern = "(unclosed"
rate_limit_seconds = -1

[[sources]]
name = "half"
'''
    with pytest.raises(SourcesError) as error:
        parse_sources(bad, "test.toml")
    problems = error.value.problems
    expected = {   # every mistake, named by file and entry
        "test.toml: source #1 (Bad Name): unknown field colour",
        "test.toml: source #1 (Bad Name): name 'Bad Name': must be lower-case letters, digits, '.', '_' or '-'",
        "test.toml: source #1 (Bad Name): language 'fr': Input should be 'az', 'ru' or 'en'",
        "test.toml: source #1 (Bad Name): kind 'html': Input should be 'rss', 'atom' or 'listing'",
        "test.toml: source #1 (Bad Name): url 'ftp://x': not an http(s) URL",
        "test.toml: source #2 (list): a listing page needs a link_pattern",
        "test.toml: source #3 (list): name 'list' is used twice",
        "test.toml: source #3 (list): rate_limit_seconds -1: Input should be greater than or equal to 0",
        "test.toml: source #4 (half): missing field outlet",
        "test.toml: source #4 (half): missing field url",
    }
    assert expected <= set(problems), expected - set(problems)
    assert any(p.startswith("test.toml: source #3 (list): link_pattern '(unclosed': not a regular expression")
               for p in problems)
    assert str(error.value) == "\n".join(problems)


def test_values_of_the_wrong_type_are_not_coerced():
    text = GOOD.replace('enabled = false', 'enabled = "no"').replace("max_items = 20", 'max_items = "20"')
    with pytest.raises(SourcesError) as error:
        parse_sources(text, "s.toml")
    assert sorted(p.split(": ", 2)[2] for p in error.value.problems) == [
        "enabled 'no': Input should be a valid boolean", "max_items '20': Input should be a valid integer"]


@pytest.mark.parametrize("text,expected", [("not toml = = =", "not valid TOML"), ("", r"no \[\[sources\]\] entries")])
def test_unreadable_files(text, expected):
    with pytest.raises(SourcesError, match=expected):
        parse_sources(text)


def test_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="cannot read the sources file"):
        load_sources(tmp_path / "none.toml")
