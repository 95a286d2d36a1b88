"""Parsers from raw bytes to article records, with an explicit error policy.

Every parser returns ``(articles, problems)`` and never raises on bad input: a line or file that
cannot be read becomes an ``IngestProblem`` with the source, the line and a reason, and the other
articles still come through. Problems with ``severity="error"`` mean the article was not loaded;
``"warning"`` means it was loaded with one field dropped (for example an unreadable date).
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from transforms.lang import detect_language, normalise_language

MAX_ARTICLE_CHARS = 2_000_000      # larger "articles" are dumps, not news; refuse them with a reason
MIN_PAGE_TEXT_CHARS = 120          # a page whose main text is shorter is a menu, index or error page
# A page's declared language (html lang, the outlet's language) is often a site-wide template
# value; a detection at least this confident that says otherwise wins.
LANGUAGE_OVERRIDE_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class RawArticle:
    article_id: str
    text: str
    source: str                    # file path or URL the article came from
    line: int | None = None        # 1-based line in a JSON Lines file
    url: str | None = None
    title: str | None = None
    author: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    language_method: str | None = None   # given | detected
    published: dt.date | None = None
    published_source: str | None = None   # where published came from (articles.published_source values)
    source_format: str = "jsonl"   # jsonl | txt | html | feed
    origin: str | None = None      # the sources.toml source a fetched page came from; None for files
    fetched_at: dt.datetime | None = None   # when a fetched page was received

    @property
    def content_sha256(self) -> str:
        return sha256_text(self.text)


@dataclass(frozen=True, slots=True)
class IngestProblem:
    source: str
    line: int | None
    reason: str                    # short code: bad_json, undecodable, empty_text, missing_id, ...
    detail: str
    severity: str = "error"        # error: not loaded; warning: loaded, a field dropped
    article_id: str | None = None
    excerpt: str | None = field(default=None)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class UndecodableError(ValueError):
    pass


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings that Russian, Azerbaijani and Turkish sites still serve; anything else that
# is not UTF-8 is refused rather than guessed into mojibake.
_LEGACY_ENCODINGS = {"cp1251", "windows-1251", "koi8_r", "koi8-r", "cp1254", "windows-1254", "iso8859_9", "latin_1",
                     "iso-8859-1", "cp1252", "windows-1252", "mac_cyrillic", "cp866", "iso8859_5", "utf_16", "utf-16"}


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 (with or without BOM) and BOM-marked UTF-16/32 first, then a
    declared charset, then a confident guess among legacy Cyrillic/Latin encodings; else UndecodableError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"bytes after a {encoding} byte-order mark are not {encoding}: {exc}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=sorted(_LEGACY_ENCODINGS & {"cp1251", "koi8_r", "cp1254", "cp1252"})).best()
    if best is not None and best.encoding in _LEGACY_ENCODINGS and best.chaos < 0.1:
        return str(best), best.encoding
    raise UndecodableError(f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no confident legacy encoding")


def parse_date(value: object) -> dt.date | None:
    """A publication date from ISO strings ('2022-02-22', '2022-02-22T10:00:00+04:00'), 'DD.MM.YYYY',
    or a date/datetime. Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|\s)", s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    try:
        from email.utils import parsedate_to_datetime  # RSS dates: 'Tue, 22 Feb 2022 10:00:00 +0400'
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"unreadable date {s!r}") from None


def with_language(article: RawArticle, declared: str | None, verify: bool = False) -> RawArticle:
    """Fill language: the declared code when there is one, else the detected one.

    verify: the declaration is a page's, not the user's: a confident detection that disagrees wins."""
    language = normalise_language(declared)
    if language and not verify:
        return replace(article, language=language, language_confidence=1.0, language_method="given")
    detected, confidence = detect_language(article.text)
    if language and (detected in (None, language) or confidence < LANGUAGE_OVERRIDE_CONFIDENCE):
        return replace(article, language=language, language_confidence=1.0, language_method="given")
    return replace(article, language=detected, language_confidence=confidence, language_method="detected")


def _check_text(text: object, source: str, line: int | None, article_id: str | None) -> IngestProblem | None:
    if not isinstance(text, str):
        return IngestProblem(source, line, "bad_text", f"text is {type(text).__name__}, not a string", article_id=article_id)
    if not text.strip():
        return IngestProblem(source, line, "empty_text", "text is empty or only white space", article_id=article_id)
    if len(text) > MAX_ARTICLE_CHARS:
        return IngestProblem(source, line, "too_long", f"text has {len(text):,} characters (limit {MAX_ARTICLE_CHARS:,})",
                             article_id=article_id)
    return None


def parse_jsonl(data: bytes, source: str) -> tuple[list[RawArticle], list[IngestProblem]]:
    """One article per line: ``id`` and ``text`` required; ``url, title, language, published`` optional."""
    articles: list[RawArticle] = []
    problems: list[IngestProblem] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        excerpt = raw[:200].decode("utf-8", "replace")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(IngestProblem(source, number, "undecodable", f"line is not UTF-8: {exc}", excerpt=excerpt))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(IngestProblem(source, number, "bad_json", f"invalid JSON: {exc.msg} at column {exc.colno}",
                                          excerpt=excerpt))
            continue
        if not isinstance(record, dict):
            problems.append(IngestProblem(source, number, "bad_json", f"a line must be a JSON object, got {type(record).__name__}",
                                          excerpt=excerpt))
            continue
        article, line_problems = _article_from_record(record, source, number)
        problems += line_problems
        if article is not None:
            articles.append(article)
    return articles, problems


def _article_from_record(record: dict, source: str, line: int | None) -> tuple[RawArticle | None, list[IngestProblem]]:
    raw_id = record.get("id", record.get("article_id"))
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) or isinstance(raw_id, (dict, list, bool)):
        return None, [IngestProblem(source, line, "missing_id", "record has no usable 'id'",
                                    excerpt=json.dumps(record, ensure_ascii=False)[:200])]
    article_id = str(raw_id).strip()
    problem = _check_text(record.get("text"), source, line, article_id)
    if problem:
        return None, [problem]
    problems = []
    try:
        published = parse_date(record.get("published"))
    except ValueError as exc:
        published = None
        problems.append(IngestProblem(source, line, "bad_published", f"{exc}; loaded without a publication date",
                                      severity="warning", article_id=article_id))
    article = RawArticle(
        article_id=article_id, text=record["text"], source=source, line=line,
        url=_opt_str(record.get("url")), title=_opt_str(record.get("title")), author=_opt_str(record.get("author")),
        published=published, published_source="input" if published else None, source_format="jsonl",
    )
    return with_language(article, _opt_str(record.get("language"))), problems


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def parse_txt(data: bytes, source: str, article_id: str) -> tuple[list[RawArticle], list[IngestProblem]]:
    """A plain-text file is one article; its id is the file stem."""
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        return [], [IngestProblem(source, None, "undecodable", str(exc), article_id=article_id)]
    problem = _check_text(text, source, None, article_id)
    if problem:
        return [], [problem]
    problems = []
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(IngestProblem(source, None, "legacy_encoding", f"decoded as {encoding}", severity="warning",
                                      article_id=article_id))
    return [with_language(RawArticle(article_id=article_id, text=text, source=source, source_format="txt"), None)], problems


def parse_html(data: bytes, source: str, article_id: str, url: str | None = None,
               today: dt.date | None = None, charset: str | None = None,
               language: str | None = None) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Main text and metadata (title, author, published, language) of a news page, read as a
    fetched page is (transforms/pages.py: the headline in ``title`` only, the publication date
    from the strongest evidence on the page).

    ``today`` bounds the publication dates accepted (a run-date parameter, not now()).
    ``charset``: the HTTP Content-Type's, which outranks the page's own <meta> (as in browsers).
    ``language``: what the page is expected to be in (its outlet's), when the page does not say;
    a declared language is checked against detection (``with_language(verify=True)``)."""
    from transforms.pages import PageProblem, decode_page, page_article, parse_page_html

    try:
        html, encoding = decode_page(data, charset)
    except UndecodableError as exc:
        return [], [IngestProblem(source, None, "undecodable", str(exc), article_id=article_id)]
    content = parse_page_html(html, url=url, today=today, encoding=encoding)
    if isinstance(content, PageProblem):
        return [], [IngestProblem(source, None, content.reason, content.detail, article_id=article_id)]
    article, problems, _, _ = page_article(content, article_id=article_id, source=source, url=url,
                                           language=language, today=today)
    return [article], problems


def find_duplicates(articles: Iterable[RawArticle]) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Keep the first article of each id. A repeated id with the same text is a harmless repeat
    (warning); with different text it is a conflict (error: the later copy is not loaded)."""
    kept: dict[str, RawArticle] = {}
    problems: list[IngestProblem] = []
    for article in articles:
        first = kept.get(article.article_id)
        if first is None:
            kept[article.article_id] = article
            continue
        where = f"{first.source}" + (f":{first.line}" if first.line else "")
        if first.content_sha256 == article.content_sha256:
            problems.append(IngestProblem(article.source, article.line, "duplicate_id",
                                          f"same id and text as {where}; loaded once", severity="warning",
                                          article_id=article.article_id))
        else:
            problems.append(IngestProblem(article.source, article.line, "conflicting_id",
                                          f"id already used by {where} with different text; this copy was not loaded",
                                          article_id=article.article_id))
    return list(kept.values()), problems
