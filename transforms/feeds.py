"""What a source lists: the article links of an RSS/Atom feed, a sitemap or a listing page; URL identity.

Pure: bytes in, items out. Feeds are read with feedparser (it copes with the malformed feeds
real sites serve); sitemaps (news sitemaps, urlsets, sitemap indexes; gzip or not) and listing
pages with lxml, keeping the links that match the source's pattern. A listing page also gives
the date printed beside each link, when there is one, and the address of its next page.
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

# Query parameters that only say how a reader arrived (campaign tags, ad-click and mail ids); two
# URLs differing in them are one page. They are removed from feed links and from the address a
# redirect ends at alike.
_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|yclid|ymclid|_openstat|mc_cid|mc_eid|igshid|msclkid|"
    r"twclid|ttclid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|at_medium|at_campaign|"
    r"cmpid|ncid|spm|rb_clickid|ref_src)$", re.I)
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
    published_on: dt.date | None = None    # the publication day as the feed wrote it (its own time zone)


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


def local_date(value: str | None) -> dt.date | None:
    """The calendar day of a feed date as written, in the feed's own time zone: "Fri, 04 Dec 2026
    23:30:00 +0400" is 4 December (in UTC it would be the 4th too, but "Sat, 05 Dec 2026 01:00:00
    +0400" is the 5th where UTC says the 4th)."""
    if not value:
        return None
    text = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        from email.utils import parsedate_to_datetime
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
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
        published = _utc(entry.get("published_parsed"), entry.get("published"))
        items.setdefault(url, FeedItem(url=url, title=(entry.get("title") or "").strip() or None,
                                       published=published, updated=_utc(entry.get("updated_parsed"), entry.get("updated")),
                                       # an Atom entry may carry only <updated>: its day stands in
                                       published_on=local_date(entry.get("published") or entry.get("updated"))))
    # A feed with items is read even if slightly malformed; without any, it must at least be a
    # well-formed feed (an empty one is fine). Sites often serve good feeds as text/html.
    problem = getattr(parsed, "bozo_exception", None)
    if not items and not parsed.version:
        raise FeedError(f"not an RSS/Atom feed: no <rss>, <feed> or <rdf> element (Content-Type {content_type or 'none'})")
    if not items and parsed.bozo and not isinstance(problem, _BENIGN_FEED_PROBLEMS):
        raise FeedError(f"not a readable RSS/Atom feed: {type(problem).__name__}: {problem}")
    return list(items.values())


def _listing_root(data: bytes, charset: str | None):
    import lxml.html

    try:
        html, _ = decode_bytes(data, charset)
    except UndecodableError as exc:
        raise FeedError(f"listing page: {exc}") from exc
    try:
        return lxml.html.document_fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for broken documents
        raise FeedError(f"listing page is not HTML: {type(exc).__name__}: {exc}") from exc


def _date_beside(link) -> dt.date | None:
    """The date printed beside a link of a listing ("<li><a>…</a><span>04.12.2026</span></li>"): in
    its nearest block that holds one link only, so that one item's date never goes to another."""
    from transforms.pages import find_date

    node = link
    for _ in range(4):
        found = find_date(" ".join(node.text_content().split()))
        if found is not None:
            return found.date
        parent = node.getparent()
        if parent is None or sum(1 for a in parent.iter("a") if a.get("href")) > 1:
            return None
        node = parent
    return None


def listing_links(data: bytes, base_url: str, link_pattern: str, charset: str | None = None,
                  limit: int | None = None) -> list[FeedItem]:
    """The links of a listing page whose absolute URL matches ``link_pattern`` (re.search), in page
    order, each with the date printed beside it (``published_on``) when there is one."""
    root = _listing_root(data, charset)
    pattern = re.compile(link_pattern)
    items: dict[str, FeedItem] = {}
    for element in root.iter("a"):
        href = element.get("href")
        if not href:
            continue
        url = canonical_url(urljoin(base_url, href.strip()))
        if url.startswith(("http://", "https://")) and pattern.search(url) and url not in items:
            title = " ".join(element.text_content().split()) or None
            items[url] = FeedItem(url=url, title=title, published_on=_date_beside(element))
            if limit and len(items) >= limit:
                break
    return list(items.values())


_NEXT_WORDS = re.compile(r"^\W*(?:next|növbəti|sonrakı|irəli|следующая|далее|вперед|вперёд|more|older|daha çox|"
                         r"ещё|еще)\b|^\W*(?:›|»|→|>)\W*$", re.I)


def next_page_url(data: bytes, base_url: str, charset: str | None = None) -> str | None:
    """The address of a listing's next page: ``<link rel="next">``, ``<a rel="next">``, or a link
    whose words say so ("Next", "Növbəti", "Следующая", "»")."""
    root = _listing_root(data, charset)
    for element in root.iter("link", "a"):
        if "next" in (element.get("rel") or "").lower().split() and element.get("href"):
            return canonical_url(urljoin(base_url, element.get("href").strip()))
    for element in root.iter("a"):
        href = element.get("href")
        if href and not href.startswith(("#", "javascript:")) and _NEXT_WORDS.search(
                " ".join(element.text_content().split())):
            return canonical_url(urljoin(base_url, href.strip()))
    return None


@dataclass(frozen=True)
class Sitemap:
    is_index: bool            # a sitemap index: its items are sitemaps, not pages
    items: list[FeedItem]


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_sitemap(data: bytes, base_url: str, max_bytes: int = 50_000_000) -> Sitemap:
    """The pages of a sitemap (urlset: <loc>, <lastmod>; a news sitemap adds <news:title> and
    <news:publication_date>) or the sitemaps of a sitemap index, in document order, each URL once.
    A gzip body is read as what it holds. Raises FeedError when the bytes are no sitemap."""
    import gzip
    import zlib

    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, max_bytes)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise FeedError(f"not a readable gzip sitemap: {exc}") from exc
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                                                      huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not a sitemap: {exc}") from exc
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        raise FeedError(f"not a sitemap: the root element is <{_local(root.tag) if root is not None else 'none'}>, "
                        "not <urlset> or <sitemapindex>")
    is_index = _local(root.tag) == "sitemapindex"
    items: dict[str, FeedItem] = {}
    for entry in root:
        if _local(entry.tag) not in ("url", "sitemap"):
            continue
        fields: dict[str, str] = {}
        for child in entry.iter():
            name = _local(child.tag)
            if name and child.text and child.text.strip() and name not in fields:
                fields[name] = child.text.strip()
        loc = fields.get("loc")
        if not loc or not urlsplit(urljoin(base_url, loc)).scheme.startswith("http"):
            continue
        url = canonical_url(urljoin(base_url, loc))
        published = _iso_utc(fields.get("publication_date"))
        updated = _iso_utc(fields.get("lastmod"))
        items.setdefault(url, FeedItem(url=url, title=fields.get("title"), published=published, updated=updated,
                                       published_on=local_date(fields.get("publication_date"))))
    return Sitemap(is_index, list(items.values()))


def _iso_utc(value: str | None) -> dt.datetime | None:
    """A W3C datetime ("2026-12-04", "2026-12-04T18:00:00+04:00") as naive UTC."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment
