"""The sources file: the project's own file is valid, and every mistake in one is named at once."""
from __future__ import annotations

import pytest

from conftest import ROOT
from flows.sources import KINDS, LANGUAGES, SourcesError, load_sources, parse_sources, select_sources

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
    message = str(error.value)
    for expected in ("unknown field(s) colour", "name must be lower-case", "language 'fr'", "kind 'html'",
                     "'ftp://x' is not an http(s) URL", "a listing page needs a link_pattern", "'list' is used twice",
                     "link_pattern is not a regular expression", "rate_limit_seconds must be", "missing field(s)"):
        assert expected in message, expected


@pytest.mark.parametrize("text,expected", [("not toml = = =", "not valid TOML"), ("", r"no \[\[sources\]\] entries")])
def test_unreadable_files(text, expected):
    with pytest.raises(SourcesError, match=expected):
        parse_sources(text)


def test_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="cannot read the sources file"):
        load_sources(tmp_path / "none.toml")
