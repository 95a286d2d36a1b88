"""Reading what sources list (RSS, Atom, listing pages) and the pages themselves (pure)."""
from __future__ import annotations

import datetime as dt

import pytest

from live_site import atom, page, rss
from news_texts import AZ_DOMESTIC, AZ_WIRE, EN_OTHER, RU_WIRE
from transforms.feeds import FeedError, article_id_for, canonical_url, listing_links, parse_feed
from transforms.pages import charset_of, read_page

AT = dt.datetime(2026, 4, 20, 8, 0)
TODAY = AT.date()


@pytest.mark.parametrize("url,expected", [
    ("HTTPS://Report.AZ/en/news/1/#comments", "https://report.az/en/news/1/"),
    ("https://report.az/en/news/1/?utm_source=tg&utm_medium=social", "https://report.az/en/news/1/"),
    ("https://ria.ru/20260420/x.html?id=5&fbclid=abc", "https://ria.ru/20260420/x.html?id=5"),
    ("http://tass.ru:80/politika", "http://tass.ru/politika"),
    ("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"),
    ("https://apa.az", "https://apa.az/"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_article_id_is_stable_and_readable():
    assert article_id_for("https://www.report.az/en/news/1/?utm_source=x") == article_id_for("https://www.report.az/en/news/1/")
    assert article_id_for("https://www.report.az/en/news/1/").startswith("report.az-")
    assert article_id_for("https://report.az/en/news/1/") != article_id_for("https://report.az/en/news/2/")


def test_rss_items_in_order_absolute_and_dated():
    feed = rss([("/az/1", "Birinci", "Thu, 12 Mar 2026 09:30:00 +0400"),
                ("https://other.az/2?utm_source=rss", "İkinci", "Thu, 12 Mar 2026 10:00:00 GMT"),
                ("/az/1", "Birinci təkrar", "Thu, 12 Mar 2026 09:30:00 +0400")])
    items = parse_feed(feed.encode(), "https://site.az/rss.xml")
    assert [i.url for i in items] == ["https://site.az/az/1", "https://other.az/2"]
    assert items[0].title == "Birinci" and items[0].published == dt.datetime(2026, 3, 12, 5, 30)


def test_a_feed_date_feedparser_cannot_read_is_read_by_dateparser():
    feed = rss([("/ru/1", "Первая", "Пт, 13 мар 2026 10:00:00 +0300"), ("/ru/2", "Вторая", "когда-то")])
    items = parse_feed(feed.encode(), "https://site.ru/rss.xml")
    assert [i.published for i in items] == [dt.datetime(2026, 3, 13), None]


def test_atom_entries_with_updated_dates():
    feed = atom([("https://site.ru/news/1", "Первая", "2026-04-05T10:00:00Z")])
    [item] = parse_feed(feed.encode("utf-8"), "https://site.ru/atom.xml")
    assert (item.url, item.title, item.updated) == ("https://site.ru/news/1", "Первая", dt.datetime(2026, 4, 5, 10, 0))


@pytest.mark.parametrize("body", [b"<html><body><h1>Welcome</h1><p>No feed here.</p></body></html>",
                                  b"<?xml version='1.0'?><rss><channel><item><title>cut",
                                  b"\x00\x01\x02 binary"])
def test_what_is_not_a_feed_is_a_feed_error(body):
    with pytest.raises(FeedError):
        parse_feed(body, "https://site.az/rss.xml")


def test_an_empty_feed_is_not_an_error():
    assert parse_feed(rss([]).encode(), "https://site.az/rss.xml") == []


def test_listing_page_keeps_the_links_that_match_the_pattern():
    html = """<html><body><nav><a href="/en/">Home</a><a href="/en/politics/">Politics</a></nav>
        <a href="/en/politics/lavrov-meets-bayramov-401/">Lavrov meets Bayramov</a>
        <a href="https://report.az/en/politics/trade-grows-402/#top">Trade grows</a>
        <a href="/en/politics/lavrov-meets-bayramov-401/">again</a>
        <a href="/en/sports/derby-403/">Derby</a></body></html>"""
    links = listing_links(html.encode(), "https://report.az/en/politics/", r"^https://report\.az/en/politics/[a-z0-9-]+/$")
    assert [(l.url, l.title) for l in links] == [
        ("https://report.az/en/politics/lavrov-meets-bayramov-401/", "Lavrov meets Bayramov"),
        ("https://report.az/en/politics/trade-grows-402/", "Trade grows")]
    assert len(listing_links(html.encode(), "https://report.az/en/politics/", r"/en/", limit=2)) == 2


@pytest.mark.parametrize("content_type,expected", [
    ("text/html; charset=windows-1251", "windows-1251"), ('text/html; Charset="UTF-8"', "UTF-8"),
    ("text/html", None), (None, None)])
def test_charset_of(content_type, expected):
    assert charset_of(content_type) == expected


def read(body: bytes, content_type="text/html; charset=utf-8", language="en", **over):
    args = dict(url="https://site/a", final_url="https://site/a", content_type=content_type, origin="site-en",
                language=language, fetched_at=AT, today=TODAY, min_relevance=0.5)
    return read_page(body, **{**args, **over})


def test_a_relevant_page_is_an_article_with_its_provenance():
    reading = read(page("Lavrov and Bayramov talk security", EN_OTHER, lang="en", published="2026-04-18T10:00:00Z").encode(),
                   final_url="https://site/b")
    article = reading.article
    assert reading.reason == "article" and reading.relevance_score >= 0.5
    assert (article.origin, article.fetched_at, article.url, article.source) == ("site-en", AT, "https://site/b", "https://site/a")
    assert article.article_id == article_id_for("https://site/b")
    assert (article.language, article.language_method, article.title) == ("en", "given", "Lavrov and Bayramov talk security")
    assert article.published == dt.date(2026, 4, 18) and "Bayramov" in article.text


def test_a_cp1251_page_declared_only_by_http_header_is_decoded():
    body = page("Лавров провел переговоры с Байрамовым", RU_WIRE, charset_meta=None).encode("cp1251")
    reading = read(body, content_type="text/html; charset=windows-1251", language="ru")
    assert reading.reason == "article"
    assert "Министр иностранных дел России Сергей Лавров" in reading.article.text
    assert reading.article.language == "ru"


def test_undecodable_page():
    body = b"<html><head><title>x</title></head><body><p>" + bytes(range(128, 256)) * 40 + b"</p></body></html>"
    assert read(body, content_type="text/html").reason == "undecodable"


def test_a_page_that_is_not_an_article():
    body = b"<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><p>Contacts</p></body></html>"
    assert read(body).reason == "not_an_article"


def test_a_pdf_is_not_read_as_html():
    assert read(b"%PDF-1.7 ...", content_type="application/pdf").reason == "unsupported_content_type"


def test_an_irrelevant_page_says_why():
    reading = read(page("Yaz əkini", AZ_DOMESTIC, lang="az").encode(), language="az")
    assert (reading.reason, reading.article) == ("irrelevant", None)
    assert "only Azerbaijan" in reading.detail and reading.relevance_score < 0.5


def test_feed_title_and_date_fill_what_the_page_lacks():
    html = f"<html><body><article><p>{AZ_WIRE}</p></article></body></html>"
    reading = read(html.encode(), language="az", feed_title="Komissiya aprel ayında toplaşacaq",
                   feed_published=dt.datetime(2026, 3, 12, 5, 30))
    assert (reading.article.title, reading.article.published) == ("Komissiya aprel ayında toplaşacaq", dt.date(2026, 3, 12))


def test_a_wrong_page_language_is_corrected_by_a_confident_detection():
    reading = read(page("Lavrov", EN_OTHER, lang="az").encode(), language="az")
    article = reading.article
    assert (article.language, article.language_method) == ("en", "detected")
    assert [p.reason for p in reading.problems] == ["language_mismatch"]


def test_the_outlet_language_is_the_fallback_of_a_page_without_one():
    reading = read(page("Komissiya", AZ_WIRE).encode(), language="az")
    assert (reading.article.language, reading.article.language_method) == ("az", "given")


def test_a_body_that_looks_like_a_file_name_is_not_opened(tmp_path):
    local = tmp_path / "feed.xml"
    local.write_text(rss([("https://site.az/secret", "local file", "Thu, 12 Mar 2026 09:30:00 GMT")]))
    with pytest.raises(FeedError):
        parse_feed(str(local).encode(), "https://site.az/rss.xml")
