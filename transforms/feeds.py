"""What a source lists: the article links of an RSS/Atom feed or of a listing page; URL identity.

Pure: bytes in, items out. Feeds are read with feedparser (it copes with the malformed feeds
real sites serve); listing pages with lxml, keeping the links that match the source's pattern.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

from transforms.ingest import UndecodableError, decode_bytes, parse_date

# Query parameters that only say how a reader arrived; two URLs differing in them are one page.
_TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|yclid|_openstat)$", re.I)
# what feedparser flags in a well-formed feed served with a non-XML or no Content-Type
_BENIGN_FEED_PROBLEMS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


class FeedError(ValueError):
    """The bytes are not a feed (or not a listing page) that can be read."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str                        # canonical, absolute
    title: str | None = None
    published: dt.datetime | None = None   # naive UTC
    updated: dt.datetime | None = None     # naive UTC; the feed's word that the item changed


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def article_id_for(url: str) -> str:
    """A stable article id for a fetched page: its host, readable, and a hash of its canonical URL."""
    canonical = canonical_url(url)
    host = (urlsplit(canonical).hostname or "web").removeprefix("www.")
    return f"{host}-{hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:12]}"


def _utc(parsed, written: str | None = None) -> dt.datetime | None:
    """feedparser's parsed date; else the date as written, when transforms.ingest.parse_date reads it
    (feedparser knows English month names only: "07 дек 2026 10:00:00 +0300")."""
    if parsed:
        return dt.datetime(*parsed[:6])
    if written:
        try:
            day = parse_date(written)
        except ValueError:
            return None
        return dt.datetime.combine(day, dt.time()) if day else None
    return None


def parse_feed(data: bytes, base_url: str, content_type: str | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in feed order, each URL once. Raises FeedError when the
    bytes are not a feed (an HTML page where the feed was, a truncated document with no item)."""
    headers = {"content-location": base_url, **({"content-type": content_type} if content_type else {})}
    # a stream, not bytes: feedparser would try bytes as a file name first
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not link or not urlsplit(urljoin(base_url, link)).scheme.startswith("http"):
            continue
        url = canonical_url(urljoin(base_url, link))
        items.setdefault(url, FeedItem(url=url, title=(entry.get("title") or "").strip() or None,
                                       published=_utc(entry.get("published_parsed"), entry.get("published")),
                                       updated=_utc(entry.get("updated_parsed"), entry.get("updated"))))
    # A feed with items is read even if slightly malformed; without any, it must at least be a
    # well-formed feed (an empty one is fine). Sites often serve good feeds as text/html.
    problem = getattr(parsed, "bozo_exception", None)
    if not items and not parsed.version:
        raise FeedError(f"not an RSS/Atom feed: no <rss>, <feed> or <rdf> element (Content-Type {content_type or 'none'})")
    if not items and parsed.bozo and not isinstance(problem, _BENIGN_FEED_PROBLEMS):
        raise FeedError(f"not a readable RSS/Atom feed: {type(problem).__name__}: {problem}")
    return list(items.values())


def listing_links(data: bytes, base_url: str, link_pattern: str, charset: str | None = None,
                  limit: int | None = None) -> list[FeedItem]:
    """The links of a listing page whose absolute URL matches ``link_pattern`` (re.search), in page order."""
    import lxml.html

    try:
        html, _ = decode_bytes(data, charset)
    except UndecodableError as exc:
        raise FeedError(f"listing page: {exc}") from exc
    try:
        root = lxml.html.document_fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for broken documents
        raise FeedError(f"listing page is not HTML: {type(exc).__name__}: {exc}") from exc
    pattern = re.compile(link_pattern)
    items: dict[str, FeedItem] = {}
    for element in root.iter("a"):
        href = element.get("href")
        if not href:
            continue
        url = canonical_url(urljoin(base_url, href.strip()))
        if url.startswith(("http://", "https://")) and pattern.search(url) and url not in items:
            title = " ".join(element.text_content().split()) or None
            items[url] = FeedItem(url=url, title=title)
            if limit and len(items) >= limit:
                break
    return list(items.values())
