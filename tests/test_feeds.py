"""Reading what sources list (RSS, Atom, listing pages) and the pages themselves (pure)."""
from __future__ import annotations

import datetime as dt

import pytest

from live_site import atom, page, rss
from news_texts import AZ_DOMESTIC, AZ_WIRE, EN_OTHER, RU_WIRE
from transforms.feeds import (
    FeedError,
    article_id_for,
    canonical_url,
    listing_links,
    next_page_url,
    parse_feed,
    parse_sitemap,
)
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


# ---- sitemaps, listing pages as archives, feed dates -----------------------------------------------

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://site.az/xeber/2?utm_source=sitemap</loc><lastmod>2026-12-05T09:00:00+04:00</lastmod>
  <news:news><news:publication><news:name>Site</news:name><news:language>az</news:language></news:publication>
  <news:publication_date>2026-12-05T01:30:00+04:00</news:publication_date><news:title>İkinci</news:title></news:news></url>
<url><loc>/xeber/1</loc><lastmod>2026-12-04</lastmod></url>
<url><loc>https://site.az/xeber/2</loc></url>
</urlset>"""
SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://site.az/sitemap-2026-12.xml</loc><lastmod>2026-12-05</lastmod></sitemap>
<sitemap><loc>https://site.az/sitemap-2026-11.xml.gz</loc></sitemap></sitemapindex>"""


def test_a_news_sitemap_gives_urls_titles_and_dates_in_the_sites_time_zone():
    sitemap = parse_sitemap(NEWS_SITEMAP.encode(), "https://site.az/sitemap-news.xml")
    assert not sitemap.is_index
    first, second = sitemap.items
    assert (first.url, first.title, first.published_on) == ("https://site.az/xeber/2", "İkinci", dt.date(2026, 12, 5))
    assert first.published == dt.datetime(2026, 12, 4, 21, 30)      # UTC: the day before
    assert (second.url, second.updated, second.published_on) == ("https://site.az/xeber/1", dt.datetime(2026, 12, 4), None)


def test_a_sitemap_index_and_a_gzip_sitemap():
    import gzip

    index = parse_sitemap(SITEMAP_INDEX.encode(), "https://site.az/sitemap.xml")
    assert index.is_index and [i.url for i in index.items] == ["https://site.az/sitemap-2026-12.xml",
                                                               "https://site.az/sitemap-2026-11.xml.gz"]
    assert parse_sitemap(gzip.compress(NEWS_SITEMAP.encode()), "https://site.az/s.xml.gz").items[0].title == "İkinci"


@pytest.mark.parametrize("body", [b"<html><body>Not a sitemap</body></html>", b"", b"\x1f\x8bnot gzip",
                                  b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>'])
def test_what_is_not_a_sitemap(body):
    with pytest.raises(FeedError):
        parse_sitemap(body, "https://site.az/sitemap.xml")


def test_a_listing_gives_the_date_beside_each_link_and_only_its_own():
    html = """<html><body><ul>
      <li><a href="/n/1">Bir</a> <span class="date">04.12.2026 18:00</span></li>
      <li><a href="/n/2">İki</a></li>
      <li><div><a href="/n/3">Üç</a></div><time>3 dekabr 2026</time></li></ul>
      <div class="today">Bu gün: 07.12.2026</div></body></html>"""
    links = listing_links(html.encode(), "https://site.az/list", r"/n/\d")
    assert [(l.url.rsplit("/", 1)[1], l.published_on) for l in links] == [
        ("1", dt.date(2026, 12, 4)), ("2", None), ("3", dt.date(2026, 12, 3))]


@pytest.mark.parametrize("html,expected", [
    ('<link rel="next" href="/list?page=3">', "https://site.az/list?page=3"),
    ('<a rel="next" href="?page=3">3</a>', "https://site.az/list?page=3"),
    ('<a href="/list?page=3">Növbəti »</a>', "https://site.az/list?page=3"),
    ('<a href="/list/page/3/">Следующая</a>', "https://site.az/list/page/3/"),
    ('<a href="/list?page=3">»</a>', "https://site.az/list?page=3"),
    ('<a href="/list?page=1">Əvvəlki</a>', None),
])
def test_the_next_page_of_a_listing(html, expected):
    assert next_page_url(f"<html><body>{html}</body></html>".encode(), "https://site.az/list?page=2") == expected


def test_a_feed_item_keeps_the_day_it_was_published_where_it_was_published():
    feed = rss([("/az/1", "Gecə xəbəri", "Sat, 05 Dec 2026 01:30:00 +0400")])
    [item] = parse_feed(feed.encode(), "https://site.az/rss.xml")
    assert (item.published, item.published_on) == (dt.datetime(2026, 12, 4, 21, 30), dt.date(2026, 12, 5))
    [entry] = parse_feed(atom([("https://site.az/az/2", "Atom", "2026-12-05T01:30:00+04:00")]).encode(),
                         "https://site.az/atom.xml")
    assert entry.published_on == dt.date(2026, 12, 5)     # an Atom entry with <updated> only: its day


@pytest.mark.parametrize("query", ["utm_source=tg&utm_campaign=x", "gclid=1", "yclid=2", "_openstat=x", "mc_cid=5",
                                   "igshid=z", "msclkid=q", "_ga=2.1"])
def test_tracking_parameters_are_not_the_address(query):
    assert canonical_url(f"https://site.az/xeber/1?id=7&{query}") == "https://site.az/xeber/1?id=7"
