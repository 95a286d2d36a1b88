"""Reading pages built like real outlets (pure, no server): the headline in `title` only whatever the
markup, the publication date from the strongest evidence and never from furniture, dates written
in text, a redirect's tracking parameters."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from live_site import outlet_page, page
from news_texts import AZ_OTHER, AZ_WIRE, EN_OTHER, RU_WIRE
from transforms.feeds import article_id_for
from transforms.ingest import parse_html
from transforms.pages import find_date, parse_page_html, read_page, text_publication_date

RUN = dt.datetime(2026, 12, 7, 8, 0)
TODAY = RUN.date()
TITLE = "Hökumətlərarası komissiyanın alt komissiyası Bakıda toplaşıb"
# the sidebar of every outlet page: related news naming both countries, each with its date
RELATED = [("/xeber/901", "Rusiya ilə Azərbaycan arasında yeni saziş imzalanıb", "01.11.2026 10:00"),
           ("/xeber/902", "Lavrov Bakıya səfər edəcək", "30.10.2026")]


def read(html: str, *, feed_published: dt.date | None = None, final_url="https://xeber.az/siyaset/1",
         language="az", **over):
    return read_page(html.encode("utf-8"), url="https://xeber.az/siyaset/1", final_url=final_url,
                     content_type="text/html; charset=utf-8", origin="xeber-az", language=language, fetched_at=RUN,
                     today=TODAY, min_relevance=0.5, feed_published=feed_published, **over)


def outlet(markup="article", **over) -> str:
    return outlet_page(TITLE, AZ_OTHER, markup=markup, lang="az", related=RELATED,
                       comments=["Çox yaxşı xəbər, 05.12.2026 tarixində oxudum"], **over)


# ---- the headline -------------------------------------------------------------------------------

@pytest.mark.parametrize("markup", ["article", "div"])
def test_the_headline_is_the_title_and_never_the_text(markup):
    article = read(outlet(markup)).article
    assert article.title == TITLE
    assert TITLE not in article.text and article.text.startswith("Bakı, 20 mart, Report.")
    # nothing of the page's furniture either
    for furniture in ("Bu gün", "Ana səhifə", "kukilərdən", "Digər xəbərlər", "Paylaş", "Şərhlər", "USD 1.7000",
                      "Bütün hüquqlar", "yeni saziş"):
        assert furniture not in article.text, furniture


def test_a_headline_inside_article_markup_is_taken_out_of_the_text_as_a_div_headline_is():
    texts = {m: read(outlet(m)).article.text for m in ("article", "div")}
    assert texts["article"] == texts["div"]


def test_the_title_falls_back_to_the_page_title_then_the_feed_title():
    no_h1 = f"<html><head><title>Komissiya toplaşıb | Xəbər</title></head><body><article><p>{AZ_WIRE}</p></article></body></html>"
    assert read(no_h1).article.title == "Komissiya toplaşıb"
    bare = f"<html><body><article><p>{AZ_WIRE}</p></article></body></html>"
    assert read(bare, feed_title="Komissiya aprel ayında toplaşacaq").article.title == "Komissiya aprel ayında toplaşacaq"


def test_a_logo_h1_is_not_the_headline():
    html = outlet().replace('<div class="logo"><a href="/">Xəbər Portalı</a></div>',
                            '<h1 class="logo"><a href="/">Xəbər Portalı</a></h1>')
    assert read(html).article.title == TITLE


def test_an_html_file_is_read_as_a_fetched_page_is():
    [article], _ = parse_html(outlet().encode(), "page.html", article_id="page", today=TODAY)
    assert (article.title, article.text) == (read(outlet()).article.title, read(outlet()).article.text)


# ---- the publication date -----------------------------------------------------------------------

@pytest.mark.parametrize("markup", ["article", "div"])
@pytest.mark.parametrize("page_says,feed,expected", [
    # only the "today" widget in the header and the related news carry dates: no date, or the feed's
    (dict(), None, (None, None)),
    (dict(), dt.date(2026, 12, 4), (dt.date(2026, 12, 4), "feed")),
    # the date under the headline
    (dict(byline="04.12.2026 18:00"), None, (dt.date(2026, 12, 4), "page_byline")),
    (dict(byline="2026-12-04T18:00:00+04:00", byline_tag="time"), None, (dt.date(2026, 12, 4), "page_byline")),
    (dict(byline="4 dekabr 2026, 18:00"), None, (dt.date(2026, 12, 4), "page_byline")),
    # the feed beats the byline, the page's metadata beats the feed
    (dict(byline="03.12.2026 18:00"), dt.date(2026, 12, 4), (dt.date(2026, 12, 4), "feed")),
    (dict(meta_published="2026-12-03T23:30:00+04:00", byline="04.12.2026 18:00"), dt.date(2026, 12, 4),
     (dt.date(2026, 12, 3), "page_metadata")),
    (dict(json_ld_published="2026-12-02T10:00:00+04:00"), dt.date(2026, 12, 4), (dt.date(2026, 12, 2), "page_metadata")),
])
def test_the_date_comes_from_the_strongest_evidence_never_from_furniture(markup, page_says, feed, expected):
    reading = read(outlet(markup, **page_says), feed_published=feed)
    assert (reading.article.published, reading.article.published_source) == expected


def test_a_today_widget_inside_the_article_is_not_its_date():
    html = outlet(today_widget=None).replace(f"<h1>{TITLE}</h1>", f'<h1>{TITLE}</h1><div class="info">Bu gün: 07.12.2026</div>')
    html = html.replace(f'<h1 class="news-title">{TITLE}</h1>', f'<h1 class="news-title">{TITLE}</h1><div>Bu gün: 07.12.2026</div>')
    assert read(html).article.published is None


def test_json_ld_of_related_articles_is_not_the_page_date():
    related = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ItemList", '
               '"itemListElement": [{"@type": "NewsArticle", "headline": "Başqa xəbər", "datePublished": "2026-11-01"}]}'
               "</script>")
    assert read(outlet(extra_head=related)).article.published is None
    own = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
           '{"@type": "WebSite", "name": "Xəbər"}, {"@type": "NewsArticle", "headline": "' + TITLE + '", '
           '"datePublished": "2026-12-04T18:00:00+04:00", "dateModified": "2026-12-06T09:00:00+04:00"}]}</script>')
    reading = read(outlet(extra_head=related + own))
    assert (reading.article.published, reading.date_evidence.detail) == (dt.date(2026, 12, 4), "JSON-LD datePublished")


def test_a_date_after_the_run_day_is_not_a_publication_date():
    assert read(outlet(byline="09.12.2026 18:00")).article.published is None
    assert read(outlet(byline="08.12.2026 01:00")).article.published == dt.date(2026, 12, 8)   # a day of slack


def test_a_date_line_at_the_top_of_the_text_is_the_last_resort():
    text = "04.12.2026 18:00. " + AZ_OTHER
    reading = read(outlet_page(TITLE, text, lang="az", related=RELATED), feed_published=None)
    assert (reading.article.published, reading.article.published_source) == (dt.date(2026, 12, 4), "text")


@pytest.mark.parametrize("text,expected", [
    ("04.12.2026 18:00\nRusiya ilə Azərbaycan ...", dt.date(2026, 12, 4)),
    ("Bakı, 4 dekabr 2026, 18:00\nRusiya ...", dt.date(2026, 12, 4)),
    ("BAKU, December 4, 2026. Russia and Azerbaijan agreed ...", dt.date(2026, 12, 4)),
    ("МОСКВА, 4 декабря 2026 г. /ТАСС/. Россия и Азербайджан ...", dt.date(2026, 12, 4)),
    ("Published: 2026-12-04\nText", dt.date(2026, 12, 4)),
    # a date inside a sentence is a fact of the text, not its date line
    ("On 4 December 2026, Russia and Azerbaijan signed an agreement.", None),
    ("Russia and Azerbaijan signed the agreement on 4 December 2026.", None),
    ("Bu gün: 07.12.2026\nRusiya ...", None),
    ("Updated: 05.12.2026\nRussia ...", None),
    ("BAKU, March 14. Russia and Azerbaijan ...", None),        # no year: not a whole date
])
def test_text_publication_date(text, expected):
    assert text_publication_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2026-12-04T18:00:00+04:00", dt.date(2026, 12, 4)), ("04.12.2026", dt.date(2026, 12, 4)),
    ("4/12/2026", dt.date(2026, 12, 4)), ("4 dekabr 2026", dt.date(2026, 12, 4)),
    ("4-cü dekabr 2026-cı il", dt.date(2026, 12, 4)), ("2026-cı il 4 dekabr", dt.date(2026, 12, 4)),
    ("4 декабря 2026 года", dt.date(2026, 12, 4)), ("December 4, 2026", dt.date(2026, 12, 4)),
    ("4 Dec 2026", dt.date(2026, 12, 4)),
    ("31.02.2026", None), ("12 mart", None), ("2026", None), ("tel. 12.34.5678", None),
])
def test_find_date(text, expected):
    found = find_date(text)
    assert (found.date if found else None) == expected


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(["{d:%d.%m.%Y}", "{d:%Y-%m-%d}",
                                                                              "{d.day} dekabr {d.year}"]))
def test_find_date_reads_back_what_it_is_given(day, layout):
    if "dekabr" in layout:
        day = day.replace(month=12)
    written = layout.format(d=day)
    assert find_date(f"Yeniləndi {written}, saat 18:00").date == day


# ---- the address ----------------------------------------------------------------------------------

def test_a_redirect_with_tracking_parameters_is_stored_without_them():
    reading = read(outlet(), final_url="https://xeber.az/siyaset/1?utm_source=telegram&utm_medium=social&id=7&fbclid=x")
    assert reading.article.url == "https://xeber.az/siyaset/1?id=7"
    assert reading.article.article_id == article_id_for("https://xeber.az/siyaset/1?id=7")


def test_pages_the_earlier_tests_wrote_still_read_the_same():
    reading = read_page(page("Lavrov and Bayramov talk security", EN_OTHER, lang="en",
                             published="2026-04-18T10:00:00Z").encode(),
                        url="https://site/a", final_url="https://site/a", content_type="text/html", origin="s",
                        language="en", fetched_at=RUN, today=TODAY, min_relevance=0.5)
    assert reading.article.title == "Lavrov and Bayramov talk security"
    assert not reading.article.text.startswith("Lavrov and Bayramov talk security")
    assert (reading.article.published, reading.article.published_source) == (dt.date(2026, 4, 18), "page_metadata")
    content = parse_page_html(page("Лавров провел переговоры", RU_WIRE, lang="ru"), url=None, today=TODAY)
    assert content.text.startswith("МОСКВА, 5 апреля.")
