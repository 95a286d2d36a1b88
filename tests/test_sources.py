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
        "test.toml: source #1 (Bad Name): kind 'html': Input should be 'rss', 'atom', 'listing' or 'sitemap'",
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


def test_a_sitemap_source_and_the_options_of_a_backfill_and_a_budget():
    [sitemap, listing] = parse_sources('''
[[sources]]
name = "tass-sitemap"
outlet = "TASS"
language = "ru"
kind = "sitemap"
url = "https://tass.ru/sitemap.xml"
link_pattern = '/politika/'
timeout_seconds = 10.0
retries = 1
budget_seconds = 120.0

[[sources]]
name = "report-politics"
outlet = "Report.az"
language = "en"
kind = "listing"
url = "https://report.az/en/foreign-politics/"
link_pattern = '/en/foreign-politics/[a-z0-9-]+/$'
page_url = "https://report.az/en/foreign-politics/?page={page}"
archive_url = "https://report.az/en/archive/{date:%Y/%m/%d}/?page={page}"
max_pages = 5
''')
    assert (sitemap.fetch_kind, sitemap.timeout_seconds, sitemap.retries, sitemap.budget_seconds) == (
        "sitemap", 10.0, 1, 120.0)
    import datetime as dt
    assert listing.archive_page(dt.date(2026, 12, 4), 2) == "https://report.az/en/archive/2026/12/04/?page=2"


@pytest.mark.parametrize("extra,problem", [
    ('kind = "rss"\npage_url = "https://x.az/list"', "needs {page} where the page number goes"),
    ('kind = "rss"\narchive_url = "https://x.az/arxiv/"\nlink_pattern = "/"', "needs {date:...} where the day goes"),
    ('kind = "rss"\narchive_url = "https://x.az/{date:%Y}/{day}"\nlink_pattern = "/"', "not a template"),
    ('kind = "rss"\narchive_url = "https://x.az/{date:%Y}/"', "an archive_url needs a link_pattern"),
    ('kind = "sitemap"\ntimeout_seconds = 0', "timeout_seconds 0: Input should be greater than 0"),
    ('kind = "sitemap"\nretries = -1', "retries -1: Input should be greater than or equal to 0"),
])
def test_backfill_and_budget_options_are_checked(extra, problem):
    with pytest.raises(SourcesError) as error:
        parse_sources(f'[[sources]]\nname = "x"\noutlet = "X"\nlanguage = "az"\nurl = "https://x.az/rss"\n{extra}\n',
                      "test.toml")
    assert any(problem in p for p in error.value.problems), error.value.problems
