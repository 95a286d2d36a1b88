"""A fetched page, read: an article to extract, or the reason it is not one.

Pure: the body and what the fetch and the feed said about it in, a ``PageReading`` out. Used by
the fetch run and by ``ruaz reprocess --from-raw`` (the same reading of the same archived bytes).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from transforms.feeds import article_id_for
from transforms.ingest import IngestProblem, RawArticle, parse_html
from transforms.relevance import score_relevance

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass(frozen=True)
class PageReading:
    reason: str                          # article | irrelevant | not_an_article | undecodable | broken_html |
    #                                      unsupported_content_type
    detail: str | None = None
    article: RawArticle | None = None    # set for reason "article"
    problems: list[IngestProblem] = field(default_factory=list)   # warnings about a kept article
    relevance_score: float | None = None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ('text/html; charset=windows-1251')."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_page(body: bytes, *, url: str, final_url: str, content_type: str | None,
              origin: str, language: str | None, fetched_at: dt.datetime, today: dt.date, min_relevance: float,
              feed_title: str | None = None, feed_published: dt.datetime | None = None) -> PageReading:
    """Read the page fetched from ``url`` (its body came from ``final_url``).

    language: the outlet's language for this source (checked against the text); feed_title and
    feed_published fill what the page itself does not say."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in _HTML_TYPES:
        return PageReading("unsupported_content_type", f"{media_type} is not an HTML page")
    articles, problems = parse_html(body, source=url, article_id=article_id_for(final_url), url=final_url,
                                    today=today, charset=charset_of(content_type), language=language)
    if not articles:
        problem = problems[0]
        return PageReading(problem.reason, problem.detail)
    article = replace(
        articles[0], origin=origin, fetched_at=fetched_at,
        title=articles[0].title or feed_title,
        published=articles[0].published or (feed_published.date() if feed_published else None),
        published_source=articles[0].published_source or ("feed" if feed_published else None),
    )
    relevance = score_relevance(article.text, article.language, article.title)
    if relevance.score < min_relevance:
        return PageReading("irrelevant", f"relevance {relevance.score:.2f} < {min_relevance:.2f}: {relevance.reason}",
                           relevance_score=relevance.score)
    return PageReading("article", f"relevance {relevance.score:.2f}: {relevance.reason}", article, problems,
                       relevance.score)
