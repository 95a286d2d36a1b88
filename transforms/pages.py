"""A news page, read: its main text, headline and publication date, or the reason it is not an article.

Pure: bytes (or HTML text) in, records out. Used by the fetch run, by ``ruaz reprocess
--from-raw`` (the same reading of the same archived bytes) and for .html files given to ``ruaz run``.

    decode → trafilatura (main text, author) + the page's structure (lxml: the headline, the
    article container, the dates it states) → ``PageContent`` → the site's boilerplate lines
    dropped (transforms/boilerplate.py) → publication date from the strongest evidence →
    relevance → ``PageReading``

**Headline.** The headline is stored in ``title`` only, never in the text, whatever the markup:
trafilatura keeps an ``<h1>`` inside ``<article>`` as the first line of the text and drops one in
a plain ``<div>``; the reader removes it from the start of the text in both cases. Mentions are
extracted from the text only, so a fact stated only in a headline is not a mention (it stays
readable in ``articles.title``); a headline mostly repeats the lead's fact, which would otherwise be
counted twice in one article.

**Publication date** (``articles.published`` and ``published_source``), strongest evidence first:
``page_metadata`` (JSON-LD ``datePublished`` of the page's own article, ``article:published_time``
and similar meta tags, an ``itemprop="datePublished"`` inside the article), ``feed`` (the feed
or sitemap item that linked the page), ``page_byline`` (a date printed under the headline inside
the article container), ``text`` (a date line at the top of the text). Dates in page furniture
never count: a "today" widget in the header, the dates of related news, a sidebar, comments, a
footer; nor trafilatura's own guess (it takes such dates). A date after the run's day (+1 for
time zones) is not a publication date.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache

from transforms.boilerplate import DroppedLine, drop_lines, site_of
from transforms.feeds import article_id_for, canonical_url
from transforms.ingest import (
    MIN_PAGE_TEXT_CHARS,
    IngestProblem,
    RawArticle,
    UndecodableError,
    decode_bytes,
    parse_date,
    with_language,
)
from transforms.lang import LANGUAGES, normalise_language
from transforms.relevance import score_relevance

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
EARLIEST_PUBLICATION = dt.date(1990, 1, 1)   # no online news outlet published earlier
# Strongest first: the order in which evidence of a publication date wins (articles.published_source).
DATE_EVIDENCE_ORDER = ("page_metadata", "feed", "page_byline", "text")


# ---- dates written in text ----------------------------------------------------------------------

@cache
def _date_patterns() -> tuple[re.Pattern, ...]:
    months = "|".join(f"(?:{lang.month_regex()})" for lang in LANGUAGES.values())
    ordinal = r"(?:-?(?:ci|cı|cu|cü|го|е|th|st|nd|rd))?"
    return (
        # 2026-12-04, 2026-12-04T18:00:00+04:00
        re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
        # 04.12.2026, 04/12/2026, 4-12-2026: day first, as the outlets of az, ru and en-GB write
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?!\d)"),
        # 4 dekabr 2026, 4 декабря 2026 г., 4 December, 2026, 4-cü dekabr 2026-cı il
        re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){ordinal}\s+(?P<mw>{months})\.?,?\s+(?P<y>\d{{4}})(?!\d)", re.I),
        # December 4, 2026
        re.compile(rf"(?<![\w])(?P<mw>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", re.I),
        # 2026-cı il 4 dekabr, 2026-cı ilin 4 dekabrı
        re.compile(rf"(?<!\d)(?P<y>\d{{4}})-?(?:ci|cı|cu|cü)?\s+il(?:in)?\s+(?P<d>\d{{1,2}})\s+(?P<mw>{months})", re.I),
    )


def _month_of(word: str) -> int | None:
    word = word.rstrip(".").lower()
    for lang in LANGUAGES.values():
        month = lang.month_number(word)
        if month:
            return month
    return None


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first complete calendar date (day, month and year) written in ``text``: numeric
    (2026-12-04, 04.12.2026) or with a month word in az, ru or en ("4 dekabr 2026", "4 декабря
    2026", "December 4, 2026")."""
    best: FoundDate | None = None
    for pattern in _date_patterns():
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best.start:
                break
            month = _month_of(m["mw"]) if "mw" in m.groupdict() and m["mw"] else int(m["m"])
            try:
                found = FoundDate(dt.date(int(m["y"]), month or 0, int(m["d"])), m.start(), m.end())
            except ValueError:
                continue
            best = found
            break
    return best


# what may follow the date of a date line: the word for year ("2026 г.", "2026-cı il"), a clock time
_CLOCK = re.compile(r"(?:\s*(?:г\.|года|-?(?:ci|cı|cu|cü)\s+il)(?!\w))?"
                    r"(?:\s*(?:[,|/–—-]\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?", re.I)
# what may stand before the date of a date line: nothing, or a place or a label ending in , : or .
# ("BAKU, ", "Bakı, ", "Баку. ", "Published: "); not a word of a sentence ("On 4 December 2026, ...")
_LINE_LEAD = re.compile(r"^\W*$|^\W*(?:[^\W\d_][\w.'’-]*[ \t]*){1,3}[,:.][ \t]*\(?$")
_LINE_END = re.compile(r"^\W{0,3}$|^\s*[.,/–—(-]")
_UPDATED = re.compile(r"(?:updated|modified|yenilən|yenilen|обновлен|изменен)\w*\W*$", re.I)
_TODAY = re.compile(r"\b(?:today|bu\s*gün|bugün|сегодня)\b", re.I)


def text_publication_date(text: str, max_lines: int = 3) -> dt.date | None:
    """The date of a date line at the top of a text: a line that is a date (with a time, a place
    or a label: "04.12.2026 18:00", "Bakı, 4 dekabr 2026", "Published: 4 December 2026") or a
    dateline that opens the first paragraph ("BAKU, 4 December 2026. Russia and ..."). Examples:
    "4 dekabr 2026, 18:00\\nRusiya ..." -> 2026-12-04; "In 2024, on 12 March 2024 Russia ..." -> None
    (a date inside a sentence is a fact, not a date line)."""
    for line in text.split("\n")[:max_lines]:
        line = line.strip()
        found = find_date(line)
        if found is None:
            continue
        lead = line[:found.start]
        if _TODAY.search(lead) or _UPDATED.search(lead) or not _LINE_LEAD.match(lead):
            continue
        rest = line[found.end:]
        rest = rest[_CLOCK.match(rest).end():]
        if _LINE_END.match(rest):
            return found.date
    return None


def is_publication_date(date: dt.date | None, today: dt.date | None) -> bool:
    """Not before the web, not after the run's day (a day of slack for time zones)."""
    if date is None or date < EARLIEST_PUBLICATION:
        return False
    return today is None or date <= today + dt.timedelta(days=1)


def parse_date_value(value: object) -> dt.date | None:
    """A date from a metadata value: ISO 8601 (the local date as written, whatever the offset),
    DD.MM.YYYY, RFC 822, or a date written as on a page; None when there is none."""
    try:
        return parse_date(value)
    except ValueError:
        found = find_date(str(value))
        return found.date if found else None


# ---- the page's structure -----------------------------------------------------------------------

@dataclass(frozen=True)
class DateEvidence:
    source: str          # articles.published_source: page_metadata | feed | page_byline | text
    date: dt.date
    detail: str          # where it was read


# Elements that are never the article: a date or a headline inside them is furniture.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form", "noscript", "template", "button", "select", "a",
                             "figcaption", "script", "style"})
# Class or id words of furniture blocks (matched as whole words of the attribute, - and _ split words).
_FURNITURE_WORDS = frozenset("""related similar more also popular latest lastnews newsfeed feed sidebar widget widgets
today weather ticker currency rates tags share social socials comment comments banner promo advert ads ad cookie
cookies breadcrumb breadcrumbs menu recommended recommend trending readmore mostread footer subscribe subscription
""".split())
_ATTR_WORDS = re.compile(r"[a-z]+")
_PUBLISHED_META = frozenset("""article:published_time og:article:published_time og:published_time published_time
article:published article.published datepublished date pubdate publishdate publish-date publish_date
publication_date dc.date dc.date.issued dc.date.created dcterms.created dcterms.issued dcterms.date
sailthru.date parsely-pub-date mediator_published_time cxenseparse:recs:publishtime""".split())
_ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                            "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "report", "webpage"})


def _is_furniture(element) -> bool:
    if not isinstance(element.tag, str):
        return True
    if element.tag in _FURNITURE_TAGS:
        return True
    words = _ATTR_WORDS.findall(f"{element.get('class', '')} {element.get('id', '')}".lower())
    return any(w in _FURNITURE_WORDS for w in words)


def _in_furniture(element, stop=None) -> bool:
    """``element`` or an ancestor up to ``stop`` (exclusive) is furniture."""
    node = element
    while node is not None and node is not stop:
        if _is_furniture(node):
            return True
        node = node.getparent()
    return False


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _same_words(a: str, b: str) -> bool:
    fold = lambda s: " ".join(re.findall(r"\w+", s.casefold()))  # noqa: E731
    return bool(a.strip()) and fold(a) == fold(b)


def _headline(root, title_hints: list[str]):
    """(the article's headline element, whether the page's title metadata names it): the <h1>
    outside furniture whose words the title metadata contains ("Headline - Site"), else the first
    <h1> that is no logo (one holding a link, or inside a <header> with a <nav>)."""
    candidates = [h for h in root.iter("h1") if not _in_furniture(h) and _clean(h.text_content())]
    for h in candidates:
        text = _clean(h.text_content()).casefold()
        if len(text) >= 8 and any(hint and (text in hint.casefold() or hint.casefold() in text) for hint in title_hints):
            return h, True
    for h in candidates:
        header = next((a for a in h.iterancestors("header")), None)
        if next(h.iter("a"), None) is None and (header is None or next(header.iter("nav"), None) is None):
            return h, False
    return None, False


def _body_start(root, first_line: str | None):
    """The element that holds the first line of the main text."""
    if not first_line:
        return None
    probe = _clean(first_line)[:60].casefold()
    if len(probe) < 12:
        return None
    for element in root.iter("p"):
        if probe in _clean(element.text_content()).casefold()[:300] and not _in_furniture(element):
            return element
    # text straight in a block (<div class="text">BAKU, ...<br>...): the block's own words only,
    # so that nested blocks are not read over and over
    for element in root.iter("div", "td", "li", "section", "span", "font", "article", "main"):
        if probe in _clean(element.text).casefold()[:300] and not _in_furniture(element):
            return element
    return None


def _common_ancestor(a, b):
    ancestors = set()
    node = a
    while node is not None:
        ancestors.add(node)
        node = node.getparent()
    node = b
    while node is not None and node not in ancestors:
        node = node.getparent()
    return node


def _json_ld_objects(root):
    """Every object of the page's JSON-LD, with whether it is at the top (not a part of another)."""
    def walk(value, top):
        if isinstance(value, list):
            for item in value:
                yield from walk(item, top)
        elif isinstance(value, dict):
            yield value, top
            if "@graph" in value:
                yield from walk(value["@graph"], top)
            for key, item in value.items():
                if key != "@graph" and isinstance(item, (dict, list)):
                    yield from walk(item, False)

    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        yield from walk(data, True)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _metadata_date(root, url: str | None, headline: str | None, today: dt.date | None,
                   container) -> DateEvidence | None:
    # JSON-LD: the page's own article (top level, or the one naming this URL or headline), not
    # the related articles an ItemList or hasPart carries
    page = canonical_url(url) if url else None
    found: list[tuple[int, dt.date, str]] = []
    for obj, top in _json_ld_objects(root):
        if not (_types(obj) & _ARTICLE_TYPES) or "datePublished" not in obj:
            continue
        date = parse_date_value(obj.get("datePublished"))
        if not is_publication_date(date, today):
            continue
        names_page = False
        for key in ("url", "@id", "mainEntityOfPage"):
            value = obj.get(key)
            value = value.get("@id") if isinstance(value, dict) else value
            if isinstance(value, str) and page and value.startswith("http") and canonical_url(value) == page:
                names_page = True
        names_headline = bool(headline) and _same_words(str(obj.get("headline") or ""), headline)
        is_page = "webpage" in _types(obj) and not (_types(obj) - {"webpage"})
        rank = 0 if names_page or names_headline else (1 if top and not is_page else (2 if top else None))
        if rank is not None:
            found.append((rank, date, "JSON-LD datePublished"))
    if found:
        rank, date, detail = min(found, key=lambda f: f[0])
        return DateEvidence("page_metadata", date, detail)
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name not in _PUBLISHED_META:
            continue
        if meta.get("itemprop") and not (meta.get("property") or meta.get("name")) and _in_furniture(meta):
            continue   # microdata of a related item
        date = parse_date_value(meta.get("content"))
        if is_publication_date(date, today):
            return DateEvidence("page_metadata", date, f"meta {name}")
    # microdata inside the article itself: <time itemprop="datePublished" datetime="...">
    scope = container if container is not None else root
    for element in scope.iter():
        if not isinstance(element.tag, str) or (element.get("itemprop") or "").lower() != "datepublished":
            continue
        if _in_furniture(element, scope):
            continue
        date = parse_date_value(element.get("datetime") or element.get("content") or element.text_content())
        if is_publication_date(date, today):
            return DateEvidence("page_metadata", date, "itemprop datePublished")
    return None


_BYLINE_ELEMENTS = 40    # elements read after the headline when the text's start was not found


def _byline_date(root, headline, body, container, today: dt.date | None) -> DateEvidence | None:
    """A date printed with the article: between its headline and its first paragraph, inside the
    article container, outside furniture (a widget, related news, a link)."""
    if headline is None and body is None:
        return None
    scope = container if container is not None else (body.getparent() if body is not None else root)
    if scope is None:
        return None
    started = headline is None
    inside_headline = set(headline.iter()) if headline is not None else set()
    n_read = 0
    for element in scope.iter():
        if element is body or n_read > _BYLINE_ELEMENTS:
            break
        if element is headline:
            started = True
            continue
        if not started or element in inside_headline or not isinstance(element.tag, str):
            continue
        n_read += 1
        if _in_furniture(element, scope):
            continue
        if element.tag == "time" and element.get("datetime"):
            date = parse_date_value(element.get("datetime"))
            label = "<time datetime>"
        else:
            text = _clean(element.text_content())
            if len(text) > 100:      # a block holding more than a byline: its own words only
                text = _clean(element.text)
            found = find_date(text)
            if found is None or _TODAY.search(text[:found.start]) or _UPDATED.search(text[:found.start]):
                continue
            date, label = found.date, f"<{element.tag}> {text[:60]!r}"
        if is_publication_date(date, today):
            where = "under the headline" if headline is not None else "above the text"
            return DateEvidence("page_byline", date, f"{label} {where}")
    return None


@dataclass(frozen=True)
class PageStructure:
    headline: str | None             # the text of the article's <h1>
    headline_named: bool             # the page's title metadata names that <h1> (else it may be a section's)
    metadata_date: DateEvidence | None
    byline_date: DateEvidence | None


def read_structure(html: str, *, url: str | None, first_line: str | None, title_hints: list[str],
                   today: dt.date | None) -> PageStructure:
    """The headline and the publication dates the page's markup states (see the module's doc)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types for broken documents; nothing to read then
        return PageStructure(None, False, None, None)
    headline, named = _headline(root, title_hints)
    body = _body_start(root, first_line)
    container = _common_ancestor(headline, body) if headline is not None and body is not None else None
    headline_text = _clean(headline.text_content()) if headline is not None else None
    return PageStructure(headline_text, named, _metadata_date(root, url, headline_text, today, container),
                         _byline_date(root, headline, body, container, today))


# ---- reading a page -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PageContent:
    """What a page says, before its site's boilerplate is dropped."""
    text: str                        # main text, without the headline
    title: str | None
    author: str | None
    declared_language: str | None    # <html lang>
    metadata_date: DateEvidence | None
    byline_date: DateEvidence | None
    encoding: str


@dataclass(frozen=True)
class PageProblem:
    reason: str        # undecodable | broken_html | not_an_article
    detail: str


_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z\-_]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ('text/html; charset=windows-1251')."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def decode_page(body: bytes, charset: str | None = None) -> tuple[str, str]:
    """The page's text and encoding: the HTTP charset outranks the page's own <meta> (as in
    browsers). Raises UndecodableError."""
    declared = _META_CHARSET.search(body[:4096])
    return decode_bytes(body, charset or (declared.group(1).decode("ascii") if declared else None))


def _without_headline(text: str, headlines: list[str]) -> str:
    """The text without a headline among its first lines (trafilatura keeps an <h1> inside <article>)."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:3]):
        if any(h and _same_words(line, h) for h in headlines):
            return "\n".join(lines[:i] + lines[i + 1:]).strip("\n")
    return text


def parse_page_html(html: str, *, url: str | None, today: dt.date | None, encoding: str = "utf-8",
                    feed_title: str | None = None) -> PageContent | PageProblem:
    """Main text (trafilatura), headline, author, declared language and dated evidence of a page."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          date_extraction_params={"extensive_search": False,
                                                                  **({"max_date": today.isoformat()} if today else {})})
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the run; the reason is recorded
        return PageProblem("broken_html", f"{type(exc).__name__}: {exc}")
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    meta_title = _clean(getattr(doc, "title", None)) or None if doc is not None else None
    first_lines = [line for line in text.split("\n") if line.strip()][:3]
    hints = [h for h in (meta_title, feed_title) if h]
    structure = read_structure(html, url=url, first_line=next(
        (line for line in first_lines if not any(_same_words(line, h) for h in hints)), None),
        title_hints=hints, today=today)
    # the headline: the article's <h1> (when the title metadata names it, or there is none), else the
    # title metadata (trafilatura's: <title> or og:title without the site's name), else the feed's
    title = (structure.headline if structure.headline_named or not meta_title else meta_title) or feed_title
    text = _without_headline(text, [h for h in (structure.headline, meta_title, feed_title) if h]).strip()
    if len(text) < MIN_PAGE_TEXT_CHARS:
        return PageProblem("not_an_article", f"main text has {len(text)} characters (an article has at least "
                                             f"{MIN_PAGE_TEXT_CHARS})")
    language = _HTML_LANG.search(html[:4096])
    author = _clean(getattr(doc, "author", None)) or None
    return PageContent(text=text, title=title, author=author,
                       declared_language=normalise_language(language.group(1)) if language else None,
                       metadata_date=structure.metadata_date, byline_date=structure.byline_date, encoding=encoding)


def parse_page(body: bytes, *, content_type: str | None, url: str | None, today: dt.date | None,
               feed_title: str | None = None) -> PageContent | PageProblem:
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in _HTML_TYPES:
        return PageProblem("unsupported_content_type", f"{media_type} is not an HTML page")
    try:
        html, encoding = decode_page(body, charset_of(content_type))
    except UndecodableError as exc:
        return PageProblem("undecodable", str(exc))
    return parse_page_html(html, url=url, today=today, encoding=encoding, feed_title=feed_title)


def publication_date(content: PageContent, text: str, *, feed_published: dt.date | None,
                     today: dt.date | None) -> DateEvidence | None:
    """The publication date from the strongest evidence (DATE_EVIDENCE_ORDER)."""
    evidence = [content.metadata_date,
                DateEvidence("feed", feed_published, "the feed item") if is_publication_date(feed_published, today)
                else None,
                content.byline_date]
    stated = text_publication_date(text)
    if is_publication_date(stated, today):
        evidence.append(DateEvidence("text", stated, "a date line at the top of the text"))
    return next((e for e in evidence if e is not None), None)


@dataclass(frozen=True)
class PageReading:
    reason: str                          # article | irrelevant | not_an_article | undecodable | broken_html |
    #                                      unsupported_content_type
    detail: str | None = None
    article: RawArticle | None = None    # set for reason "article"
    problems: list[IngestProblem] = field(default_factory=list)   # warnings about a kept article
    relevance_score: float | None = None
    dropped: list[DroppedLine] = field(default_factory=list)      # the site's boilerplate lines taken out
    date_evidence: DateEvidence | None = None


def page_article(content: PageContent, *, article_id: str, source: str, url: str | None, language: str | None,
                 today: dt.date | None, feed_published: dt.date | None = None,
                 boilerplate: frozenset[str] = frozenset()) -> tuple[RawArticle, list[IngestProblem],
                                                                     list[DroppedLine], DateEvidence | None]:
    """The article of a page: its text without the site's boilerplate lines, its publication
    date from the strongest evidence, its language (declared, checked against detection)."""
    text, dropped = drop_lines(content.text, boilerplate)
    evidence = publication_date(content, text, feed_published=feed_published, today=today)
    declared = content.declared_language or normalise_language(language)
    article = with_language(RawArticle(
        article_id=article_id, text=text, source=source, url=url, title=content.title, author=content.author,
        published=evidence.date if evidence else None, published_source=evidence.source if evidence else None,
        source_format="html"), declared, verify=True)
    problems = []
    if declared and article.language != declared:
        problems.append(IngestProblem(source, None, "language_mismatch",
                                      f"the page declares {declared!r} but its text reads as {article.language!r} "
                                      f"({article.language_confidence:.2f}); stored as {article.language!r}",
                                      severity="warning", article_id=article_id))
    return article, problems, dropped, evidence


def finish_page(content: PageContent, *, url: str, final_url: str, origin: str, language: str | None,
                fetched_at: dt.datetime, today: dt.date, min_relevance: float, feed_published: dt.date | None = None,
                boilerplate: frozenset[str] = frozenset()) -> PageReading:
    """A parsed page as a kept article, or as irrelevant (scored after the boilerplate is dropped:
    a promo line that names both countries makes no page relevant)."""
    address = canonical_url(final_url)   # tracking parameters a redirect added are not the address
    article, problems, dropped, evidence = page_article(
        content, article_id=article_id_for(address), source=url, url=address, language=language, today=today,
        feed_published=feed_published, boilerplate=boilerplate)
    article = replace(article, origin=origin, fetched_at=fetched_at)
    relevance = score_relevance(article.text, article.language, article.title)
    if relevance.score < min_relevance:
        return PageReading("irrelevant", f"relevance {relevance.score:.2f} < {min_relevance:.2f}: {relevance.reason}",
                           relevance_score=relevance.score, dropped=dropped, date_evidence=evidence)
    return PageReading("article", f"relevance {relevance.score:.2f}: {relevance.reason}", article, problems,
                       relevance.score, dropped, evidence)


def read_page(body: bytes, *, url: str, final_url: str, content_type: str | None,
              origin: str, language: str | None, fetched_at: dt.datetime, today: dt.date, min_relevance: float,
              feed_title: str | None = None, feed_published: dt.date | dt.datetime | None = None,
              boilerplate: frozenset[str] = frozenset()) -> PageReading:
    """Read the page fetched from ``url`` (its body came from ``final_url``).

    language: the outlet's language for this source (checked against the text); feed_title and
    feed_published: what the feed said of the page; boilerplate: the line keys of its site to drop."""
    content = parse_page(body, content_type=content_type, url=final_url, today=today, feed_title=feed_title)
    if isinstance(content, PageProblem):
        return PageReading(content.reason, content.detail)
    if isinstance(feed_published, dt.datetime):
        feed_published = feed_published.date()
    return finish_page(content, url=url, final_url=final_url, origin=origin, language=language,
                       fetched_at=fetched_at, today=today, min_relevance=min_relevance,
                       feed_published=feed_published, boilerplate=boilerplate)


def site_of_page(final_url: str) -> str | None:
    return site_of(canonical_url(final_url))
