"""The fetch run end to end: real HTTP servers on 127.0.0.1, the real Prefect engine, real DuckDB files.

Two sites (two hosts) serve feeds, a listing page and pages the tests wrote, with every failure a
source can have. One fetch run is made once per module; tests that run again work on copies of
its warehouse, so each can fail on its own.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import helpers
from helpers import copy_warehouse, query
from live_site import LiveSite, atom, closed_port_url, page, rss
from news_texts import (
    AZ_DOMESTIC,
    AZ_OTHER,
    AZ_WIRE,
    AZ_WIRE_COPY,
    EN_OTHER,
    EN_UNRELATED,
    EN_WIRE,
    EN_WIRE_COPY,
    RU_DOMESTIC,
    RU_WIRE,
    RU_WIRE_COPY,
)
from transforms.feeds import article_id_for

pytestmark = pytest.mark.usefixtures("prefect_engine")

RUN_AT = dt.datetime(2026, 4, 20, 6, 0)
DATA_TABLES = ("articles", "date_mentions", "count_mentions", "document_mentions", "documents", "ingest_errors",
               "quarantine", "raw_pages", "article_sources", "article_fingerprints")
FEED_DATE = "Mon, 13 Apr 2026 09:00:00 GMT"
UNDECODABLE = b"<html><head><title>x</title></head><body><p>" + bytes(range(128, 256)) * 40 + b"</p></body></html>"
MENU = "<html><body><nav><a href='/'>Ana səhifə</a> | <a href='/xeberler'>Xəbərlər</a></nav><p>Əlaqə</p></body></html>"


class Newsroom:
    """Site A: an Azerbaijani outlet (RSS) with an English politics listing. Site B: a Russian outlet
    (Atom, pages in windows-1251) that also reprints an Azerbaijani wire story; a feed that is an
    HTML page; a feed that fails. And a source where nothing listens."""

    def __init__(self, tmp: Path):
        self.a, self.b = LiveSite().start(), LiveSite().start()
        a, b = self.a, self.b
        self.az_items = [(f"/az/{n}", f"Xəbər {n}", FEED_DATE) for n in range(1, 10)]
        a.add("/rss.xml", rss(self.az_items), content_type="application/rss+xml", etag='"a1"')
        a.add("/az/1", page("Hökumətlərarası Komissiyanın iclası Moskvada keçiriləcək", AZ_WIRE, lang="az",
                            published="2026-03-12T10:00:00+04:00"))
        a.add("/az/2", page("Yaz əkini davam edir", AZ_DOMESTIC, lang="az"))
        # /az/3 has no route: 404
        a.add("/az/4", "oops", status=500)
        a.add("/az/5", page("Gecikən xəbər", AZ_WIRE, lang="az"), delay=1.0)
        a.add("/az/6", status=302, location="/az/6b")
        a.add("/az/6b", status=302, location="/az/6")
        a.add("/az/7", stream_bytes=20_000_000, declare_length=False)
        a.add("/az/8", MENU)
        a.add("/az/9", UNDECODABLE, content_type="text/html")
        politics = "".join(f'<li><a href="/en/politics/{n}">Story {n}</a></li>' for n in range(1, 5))
        a.add("/en/politics/", f"<html><body><nav><a href='/en/'>Home</a><a href='/en/sport/1'>Sport</a></nav>"
                               f"<ul>{politics}</ul></body></html>", etag='"l1"')
        a.add("/en/politics/1", page("Azerbaijan and Russia agree on freight", EN_WIRE, lang="en"))
        a.add("/en/politics/2", page("Freight deal: Baku and Moscow agree", EN_WIRE, lang="en").replace(
            "Test News", "Reprint Daily"))                                   # the same text, other page
        a.add("/en/politics/3", page("Lavrov and Bayramov talk security", EN_OTHER, lang="az"))   # wrong lang
        a.add("/en/politics/4", page("Paris marathon record", EN_UNRELATED, lang="en"))
        b.add("/atom.xml", atom([(b.url(f"/ru/{n}"), f"Новость {n}", "2026-04-05T10:00:00Z") for n in (1, 2, 3)]),
              content_type="application/atom+xml", last_modified="Sun, 05 Apr 2026 10:00:00 GMT")
        b.add("/ru/1", page("Лавров провел переговоры с Байрамовым", RU_WIRE, charset_meta=None).encode("cp1251"),
              content_type="text/html; charset=windows-1251")
        b.add("/ru/2", page("Лавров и Байрамов провели переговоры", RU_WIRE_COPY, lang="ru"))
        b.add("/ru/3", page("Электрички до 2030 года", RU_DOMESTIC, lang="ru"))
        b.add("/az/rss.xml", rss([("/az/wire", "Komissiya Moskvada toplaşacaq", FEED_DATE)]), etag='"b1"')
        b.add("/az/wire", page("Komissiya Moskvada toplaşacaq", AZ_WIRE_COPY, lang="az"))
        b.add("/not-a-feed", "<html><body><h1>Welcome to our homepage</h1></body></html>")
        b.add("/broken.xml", "error", status=500)
        self.dead_url = closed_port_url("/dead.xml")
        self.sources_file = tmp / "sources.toml"
        self.sources_file.write_text("\n".join(
            f'[[sources]]\nname = "{name}"\noutlet = "{outlet}"\nlanguage = "{language}"\nkind = "{kind}"\n'
            f'url = "{url}"\n' + (f"link_pattern = '{pattern}'\n" if pattern else "")
            for name, outlet, language, kind, url, pattern in [
                ("a-az", "Site A", "az", "rss", a.url("/rss.xml"), None),
                ("a-en-politics", "Site A", "en", "listing", a.url("/en/politics/"), r"/en/politics/\d+$"),
                ("b-ru", "Site B", "ru", "atom", b.url("/atom.xml"), None),
                ("b-az", "Site B", "az", "rss", b.url("/az/rss.xml"), None),
                ("b-homepage", "Site B", "ru", "rss", b.url("/not-a-feed"), None),
                ("b-broken", "Site B", "ru", "rss", b.url("/broken.xml"), None),
                ("dead", "Nobody", "en", "rss", self.dead_url, None),
            ]))

    def stop(self) -> None:
        self.a.stop()
        self.b.stop()

    def n_hits(self) -> int:
        return len(self.a.hits) + len(self.b.hits)


def fetch_options(**over):
    from flows.fetch import FetchPolicy
    from flows.live import FetchOptions

    policy = FetchPolicy(user_agent="ruaz-test/1.0", timeout_seconds=0.3, total_timeout_seconds=2.0,
                         max_bytes=1_000_000, retries=1, backoff_seconds=0.01, backoff_max_seconds=0.05,
                         host_interval_seconds=0.0)
    return FetchOptions(policy=policy, **over)


def fetch(newsroom: Newsroom, db: Path, raw: Path, run_at=RUN_AT, export_dir: Path | None = None, **over):
    from flows.live import fetch_pipeline

    return fetch_pipeline(db=str(db), sources_file=str(newsroom.sources_file), raw_dir=str(raw),
                          fetch=fetch_options(**over), run_at=run_at, export_dir=str(export_dir) if export_dir else None)


def query_text(con, article_id: str) -> str:
    return con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()[0]


def dump(db) -> dict[str, list[tuple]]:
    return helpers.dump(db, DATA_TABLES)


def log(db, run_id=None) -> dict[str, tuple]:
    """url path -> (status, reason, http_status, is_transient, n_attempts) of one run (robots.txt
    by host: 'robots.txt@<port>')."""
    rows = query(db, """SELECT url, status, reason, http_status, is_transient, n_attempts FROM fetch_log
                        WHERE run_id = coalesce(?, (SELECT max(run_id) FROM fetch_log))""", [run_id])
    out = {}
    for url, *outcome in rows:
        port, path = url.split(":", 2)[2].split("/", 1)
        out[f"{path}@{port}" if path == "robots.txt" else path] = tuple(outcome)
    return out


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    room = Newsroom(tmp_path_factory.mktemp("newsroom"))
    yield room
    room.stop()


@pytest.fixture(scope="module")
def first_run(newsroom, tmp_path_factory):
    root = tmp_path_factory.mktemp("fetched")
    started = time.perf_counter()
    summary = fetch(newsroom, root / "w.duckdb", root / "raw", export_dir=root / "export")
    return summary, root, time.perf_counter() - started


@pytest.fixture()
def copy_of_first_run(first_run, tmp_path):
    _, root, _ = first_run
    copy_warehouse(root / "w.duckdb", tmp_path / "w.duckdb")
    shutil.copytree(root / "raw", tmp_path / "raw")
    return tmp_path / "w.duckdb", tmp_path / "raw"


def aid(site: LiveSite, path: str) -> str:
    return article_id_for(site.url(path))


def test_relevant_articles_are_stored_in_their_languages(first_run, newsroom):
    summary, root, _ = first_run
    a, b = newsroom.a, newsroom.b
    assert summary.status == "completed" and summary.command == "fetch"
    rows = query(root / "w.duckdb", "SELECT article_id, language, language_method, is_relevant, url FROM articles")
    assert sorted(rows) == sorted([
        (aid(a, "/az/1"), "az", "given", True, a.url("/az/1")),
        (aid(a, "/en/politics/1"), "en", "given", True, a.url("/en/politics/1")),
        (aid(a, "/en/politics/3"), "en", "detected", True, a.url("/en/politics/3")),   # the page said 'az'
        (aid(b, "/ru/1"), "ru", "given", True, b.url("/ru/1")),                        # the outlet's language
    ])
    assert (summary.n_articles_new, summary.n_story_copies, summary.n_articles_irrelevant) == (4, 3, 3)
    [(title, published)] = query(root / "w.duckdb", "SELECT title, published FROM articles WHERE article_id = ?",
                                 [aid(a, "/az/1")])
    assert title == "Hökumətlərarası Komissiyanın iclası Moskvada keçiriləcək" and published == dt.date(2026, 3, 12)
    assert query(root / "w.duckdb", "SELECT reason FROM ingest_errors") == [("language_mismatch",)]


def test_a_windows_1251_page_is_decoded_and_archived_as_served(first_run, newsroom):
    _, root, _ = first_run
    [(text, archive_path, content_type)] = query(root / "w.duckdb", """
        SELECT a.text, r.archive_path, r.content_type FROM articles a JOIN raw_pages r ON r.url = a.source
        WHERE a.article_id = ?""", [aid(newsroom.b, "/ru/1")])
    assert "Министр иностранных дел России Сергей Лавров провел в Москве переговоры" in text
    assert content_type == "text/html; charset=windows-1251"
    assert gzip.decompress((root / "raw" / archive_path).read_bytes()) == newsroom.b.routes["/ru/1"].body


def test_every_bad_source_and_page_is_logged_with_its_reason(first_run, newsroom):
    summary, root, _ = first_run
    outcomes = log(root / "w.duckdb")
    assert outcomes == {
        "rss.xml": ("fetched", "feed", 200, False, 1),
        "az/1": ("fetched", "article", 200, False, 1),
        "az/2": ("skipped", "irrelevant", 200, False, 1),
        "az/3": ("failed", "http_error", 404, False, 1),             # not retried
        "az/4": ("failed", "http_error", 500, True, 2),              # retried, then recorded
        "az/5": ("failed", "timeout", None, True, 2),
        "az/6": ("failed", "redirect_loop", 302, False, 1),
        "az/7": ("failed", "too_large", 200, False, 1),
        "az/8": ("failed", "not_an_article", 200, False, 1),
        "az/9": ("failed", "undecodable", 200, False, 1),
        "en/politics/": ("fetched", "listing", 200, False, 1),
        "en/politics/1": ("fetched", "article", 200, False, 1),
        "en/politics/2": ("fetched", "article", 200, False, 1),      # stored as a source of its story, see below
        "en/politics/3": ("fetched", "article", 200, False, 1),
        "en/politics/4": ("skipped", "irrelevant", 200, False, 1),
        "atom.xml": ("fetched", "feed", 200, False, 1),
        "ru/1": ("fetched", "article", 200, False, 1),
        "ru/2": ("fetched", "article", 200, False, 1),
        "ru/3": ("skipped", "irrelevant", 200, False, 1),
        "az/rss.xml": ("fetched", "feed", 200, False, 1),
        "az/wire": ("fetched", "article", 200, False, 1),
        "not-a-feed": ("failed", "bad_feed", 200, False, 1),
        "broken.xml": ("failed", "http_error", 500, True, 2),
        # nothing listens: its robots.txt cannot be read, so the feed is not requested
        f"robots.txt@{urlsplit(newsroom.dead_url).port}": ("failed", "connection_error", None, True, 2),
        "dead.xml": ("skipped", "robots_unavailable", None, True, 0),
        # the sites have no robots.txt: everything is allowed
        f"robots.txt@{urlsplit(newsroom.a.base_url).port}": ("fetched", "no_robots", 404, False, 1),
        f"robots.txt@{urlsplit(newsroom.b.base_url).port}": ("fetched", "no_robots", 404, False, 1),
    }
    assert summary.n_fetch_failures == 10
    assert summary.n_pages_fetched == 17                             # 5 feed/listing bodies + 12 pages
    [row] = query(root / "w.duckdb", """SELECT n_pages_fetched, n_fetch_failures, n_articles_irrelevant,
                                               n_story_copies FROM pipeline_runs""")
    assert row == (17, 10, 3, 3)


def test_copies_become_sources_of_their_stories(first_run, newsroom):
    _, root, _ = first_run
    a, b = newsroom.a, newsroom.b
    sources = query(root / "w.duckdb", """SELECT s.url, s.article_id, s.match, s.matched_article_id, s.source,
                                                 s.story_id = o.story_id
                                          FROM article_sources s JOIN articles o ON o.article_id =
                                               coalesce(s.article_id, s.matched_article_id) ORDER BY s.url""")
    assert sorted(sources) == sorted([
        (a.url("/az/1"), aid(a, "/az/1"), "first", None, "a-az", True),
        (b.url("/az/wire"), None, "near", aid(a, "/az/1"), "b-az", True),          # same wire story, other site
        (a.url("/en/politics/1"), aid(a, "/en/politics/1"), "first", None, "a-en-politics", True),
        (a.url("/en/politics/2"), None, "exact", aid(a, "/en/politics/1"), "a-en-politics", True),
        (a.url("/en/politics/3"), aid(a, "/en/politics/3"), "first", None, "a-en-politics", True),
        (b.url("/ru/1"), aid(b, "/ru/1"), "first", None, "b-ru", True),
        (b.url("/ru/2"), None, "near", aid(b, "/ru/1"), "b-ru", True),
    ])
    [(n_sources, locations)] = query(root / "w.duckdb", "SELECT n_sources, locations FROM stories WHERE "
                                                        "representative_article_id = ?", [aid(a, "/az/1")])
    assert n_sources == 2 and set(locations) == {a.url("/az/1"), b.url("/az/wire")}


def test_the_export_carries_stories_and_every_source(first_run):
    import polars as pl

    _, root, _ = first_run
    sources = pl.read_parquet(root / "export" / "current" / "article_sources" / "*.parquet")
    articles = pl.read_parquet(root / "export" / "current" / "articles" / "**" / "*.parquet")
    assert sources.height == 7 and sources["article_id"].null_count() == 3
    assert set(articles["story_id"]) == set(sources["story_id"]) and articles["relevance_score"].min() >= 0.5


def test_a_rerun_against_an_unchanged_server_fetches_nothing_new_and_changes_no_data(copy_of_first_run, newsroom):
    db, raw = copy_of_first_run
    before, seen_a, seen_b = dump(db), len(newsroom.a.hits), len(newsroom.b.hits)
    summary = fetch(newsroom, db, raw, run_at=RUN_AT + dt.timedelta(hours=1))
    assert dump(db) == before
    assert (summary.n_articles_new, summary.n_articles_changed) == (0, 0)
    hits = newsroom.a.hits[seen_a:] + newsroom.b.hits[seen_b:]
    pages = sorted({h.path for h in hits if h.path not in ("/rss.xml", "/en/politics/", "/atom.xml", "/az/rss.xml",
                                                          "/not-a-feed", "/broken.xml", "/robots.txt")})
    assert pages == ["/az/4", "/az/5"]                       # only the transient failures are tried again
    conditional = {h.path: h.headers for h in hits if h.path in ("/rss.xml", "/en/politics/", "/atom.xml")}
    assert conditional["/rss.xml"]["if-none-match"] == '"a1"'
    assert conditional["/atom.xml"]["if-modified-since"] == "Sun, 05 Apr 2026 10:00:00 GMT"
    outcomes = log(db)
    assert outcomes["rss.xml"][:2] == outcomes["en/politics/"][:2] == outcomes["atom.xml"][:2] == (
        "not_modified", "not_modified")
    assert query(db, "SELECT count(DISTINCT run_id) FROM fetch_log") == [(2,)]   # the log grows, nothing else


def test_a_changed_feed_brings_only_its_new_page(copy_of_first_run, newsroom):
    db, raw = copy_of_first_run
    feed = newsroom.a.routes["/rss.xml"]
    saved = (feed.body, feed.etag)
    newsroom.a.add("/az/10", page("Alt komissiya Bakıda toplaşıb", AZ_OTHER, lang="az"))
    feed.body = rss(newsroom.az_items + [("/az/10", "Alt komissiya", FEED_DATE)]).encode()
    feed.etag = '"a2"'
    hits_before = len(newsroom.a.hits)
    try:
        summary = fetch(newsroom, db, raw, run_at=RUN_AT + dt.timedelta(hours=2))
    finally:
        feed.body, feed.etag = saved
    pages = sorted(h.path for h in newsroom.a.hits[hits_before:] if h.path.startswith("/az/"))
    assert pages == ["/az/10", "/az/4", "/az/4", "/az/5", "/az/5"]   # the new page; retries of the transient ones
    assert summary.n_articles_new == 1
    assert query(db, "SELECT count(*) FROM articles WHERE article_id = ?", [aid(newsroom.a, "/az/10")]) == [(1,)]


def test_an_entry_the_feed_says_was_updated_is_fetched_again(copy_of_first_run, newsroom):
    db, raw = copy_of_first_run
    b = newsroom.b
    feed, story = b.routes["/atom.xml"], b.routes["/ru/1"]
    saved = (feed.body, feed.last_modified, story.body)
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    feed.body = atom([(b.url("/ru/1"), "Новость 1 (обновлено)", later), (b.url("/ru/2"), "Новость 2", "2026-04-05T10:00:00Z"),
                      (b.url("/ru/3"), "Новость 3", "2026-04-05T10:00:00Z")]).encode()
    feed.last_modified = "Mon, 06 Apr 2026 10:00:00 GMT"
    story.body = page("Лавров провел переговоры с Байрамовым", RU_WIRE + " Переговоры продолжатся в мае.",
                      charset_meta=None).encode("cp1251")
    seen = len(b.hits)
    try:
        summary = fetch(newsroom, db, raw, run_at=RUN_AT + dt.timedelta(hours=3))
    finally:
        feed.body, feed.last_modified, story.body = saved
    assert sorted(h.path for h in b.hits[seen:] if h.path.startswith("/ru/")) == ["/ru/1"]
    assert (summary.n_articles_new, summary.n_articles_changed) == (0, 1)
    [(text, n_bodies)] = query(db, """SELECT a.text, (SELECT count(*) FROM raw_pages r WHERE r.url = a.source)
                                      FROM articles a WHERE article_id = ?""", [aid(b, "/ru/1")])
    assert text.endswith("Переговоры продолжатся в мае.") and n_bodies == 2     # both versions archived


def test_reprocess_from_raw_reads_archived_pages_again_without_fetching(copy_of_first_run, newsroom):
    from flows.pipeline import ArticlePolicy, reprocess_pipeline

    db, raw = copy_of_first_run
    hits_before = newsroom.n_hits()
    stored_before = {r[0] for r in query(db, "SELECT article_id FROM articles")}
    # a lower threshold: pages archived as irrelevant are read again and now kept
    summary = reprocess_pipeline(db=str(db), raw_dir=str(raw), run_at=RUN_AT + dt.timedelta(days=1),
                                 policy=ArticlePolicy(relevance_threshold=0.2),
                                 source_languages={"b-ru": "ru"})
    assert newsroom.n_hits() == hits_before
    stored = {r[0] for r in query(db, "SELECT article_id FROM articles")}
    assert stored - stored_before == {aid(newsroom.a, "/az/2"), aid(newsroom.b, "/ru/3")}
    assert summary.n_articles_irrelevant == 1 and summary.n_articles_new == 2
    assert query(db, "SELECT count(*) FROM article_sources WHERE article_id IS NULL") == [(3,)]   # copies stay copies
    [(language,)] = query(db, "SELECT language FROM articles WHERE article_id = ?", [aid(newsroom.b, "/ru/1")])
    assert language == "ru"


def test_reprocess_re_extracts_stored_text_and_keeps_stories(copy_of_first_run):
    from flows.pipeline import reprocess_pipeline

    db, _ = copy_of_first_run
    stories_before = query(db, "SELECT article_id, story_id FROM articles ORDER BY 1")
    mentions_before = query(db, "SELECT * FROM mentions ORDER BY ALL")
    summary = reprocess_pipeline(db=str(db), run_at=RUN_AT + dt.timedelta(days=1))
    assert summary.n_articles_read == 4 and summary.n_articles_new == 0
    assert query(db, "SELECT article_id, story_id FROM articles ORDER BY 1") == stories_before
    assert query(db, "SELECT * FROM mentions ORDER BY ALL") == mentions_before


def test_a_recorded_run_replays_from_the_archive_without_the_network(first_run, newsroom, tmp_path):
    _, root, _ = first_run
    hits_before = newsroom.n_hits()
    summary = fetch(newsroom, tmp_path / "replayed.duckdb", root / "raw", replay_from=str(root / "w.duckdb"))
    assert newsroom.n_hits() == hits_before
    assert summary.status == "completed"
    original = query(root / "w.duckdb", "SELECT article_id, story_id, content_sha256 FROM articles ORDER BY 1")
    assert query(tmp_path / "replayed.duckdb", "SELECT article_id, story_id, content_sha256 FROM articles ORDER BY 1") == original
    assert ("failed", "not_recorded") in {r[1:3] for r in query(tmp_path / "replayed.duckdb",
                                                               "SELECT url, status, reason FROM fetch_log")}


def test_fetch_and_sources_commands(newsroom, tmp_path, monkeypatch, capsys):
    from flows.cli import main

    for name, value in {"RUAZ_FETCH_RATE_LIMIT_SECONDS": "0", "RUAZ_FETCH_TIMEOUT_SECONDS": "0.3",
                        "RUAZ_FETCH_RETRIES": "0", "RUAZ_FETCH_BACKOFF_SECONDS": "0"}.items():
        monkeypatch.setenv(name, value)
    db = tmp_path / "w.duckdb"
    args = ["--sources", str(newsroom.sources_file), "--db", str(db)]
    assert main(["fetch", *args, "--raw-dir", str(tmp_path / "raw"), "--no-export", "--only", "a-en-politics", "dead"]) == 0
    captured = capsys.readouterr()
    assert "completed" in captured.out and "1 not relevant, 1 copies of stored stories" in captured.out
    # progress: a line per source as it finishes, then the run's stages
    per_source = re.findall(r"^fetch: (\d)/2 sources in [0-9.]+ s: (\S+): (.*)$", captured.err, re.MULTILINE)
    assert sorted((n, name) for n, name, _ in per_source) in ([("1", "a-en-politics"), ("2", "dead")],
                                                              [("1", "dead"), ("2", "a-en-politics")])
    said = {name: outcome for _, name, outcome in per_source}
    assert said["dead"].startswith("listing skipped (robots_unavailable)")     # its robots.txt: no answer
    assert re.match(r"\d+ links, \d+ new or updated; 4 pages received, 0 failed", said["a-en-politics"])
    # and as the source's pages come in, before it finishes
    assert re.search(r"^pages: 0/4 pages in [0-9.]+ s: a-en-politics: listing: 4 links, 4 new or updated$",
                     captured.err, re.MULTILINE)
    assert re.search(r"^read: 4/4 pages in [0-9.]+ s: 3 articles, 1 not relevant, 0 lines dropped", captured.err,
                     re.MULTILINE)
    assert re.search(r"^extract: \d+/\d+ articles", captured.err, re.MULTILINE)
    assert main(["sources", *args]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert re.search(r"fetched: listing +3 +0 ", lines["a-en-politics"])    # 3 articles read (one a copy), 0 failed
    assert "skipped: robots_unavailable" in lines["dead"] and "connection_error" in lines["dead"]
    assert "never" in lines["a-az"]
    assert main(["fetch", *args, "--only", "nonesuch"]) == 2
    assert "unknown source(s): nonesuch" in capsys.readouterr().err


def test_files_are_grouped_into_stories_and_story_views_count_facts_once(tmp_path):
    from flows.pipeline import ArticlePolicy, run_pipeline

    inputs = tmp_path / "in.jsonl"
    inputs.write_text("\n".join(json.dumps({"id": i, "text": t, "language": "en"}) for i, t in
                                [("wire", EN_WIRE), ("reprint", EN_WIRE_COPY), ("marathon", EN_UNRELATED)]))
    db = tmp_path / "w.duckdb"
    summary = run_pipeline(inputs=[str(inputs)], db=str(db), run_at=RUN_AT)
    assert summary.n_articles_new == 3                                  # the user chose them: all extracted
    assert query(db, "SELECT article_id, is_relevant FROM articles ORDER BY 1") == [
        ("marathon", False), ("reprint", True), ("wire", True)]
    [(stories, representatives)] = query(db, "SELECT count(*), list(representative_article_id ORDER BY representative_article_id) FROM stories")
    assert (stories, representatives) == (2, ["marathon", "wire"])
    # the same fact in both copies is extracted from each, and counted once per story
    assert query(db, "SELECT article_id FROM date_mentions WHERE value = '2027' ORDER BY 1") == [("reprint",), ("wire",)]
    assert query(db, "SELECT article_id FROM story_date_mentions WHERE value = '2027'") == [("wire",)]
    assert query(db, "SELECT count(*) FROM story_mentions WHERE article_id = 'reprint'") == [(0,)]
    assert query(db, "SELECT count(*) FROM story_mentions WHERE article_id = 'wire'")[0][0] > 0

    filtered = tmp_path / "filtered.duckdb"
    summary = run_pipeline(inputs=[str(inputs)], db=str(filtered), run_at=RUN_AT,
                           policy=ArticlePolicy(min_relevance=0.5))
    assert summary.n_articles_irrelevant == 1
    assert query(filtered, "SELECT article_id FROM articles ORDER BY 1") == [("reprint",), ("wire",)]
    assert any(p.startswith("skipped:") and "not relevant" in p for p in summary.problems)
