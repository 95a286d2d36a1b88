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
from warehouse.tables import table as _declared_table

_published_column = _declared_table("articles").column("published")

MAX_ARTICLE_CHARS = 2_000_000      # larger "articles" are dumps, not news; refuse them with a reason
MAX_ID_CHARS = 256                 # an id is copied into every mention row: a longer one is refused
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

    def __post_init__(self) -> None:
        # A problem is about bad input and may quote it: whatever it quotes must still be storable.
        for name in ("source", "detail", "article_id", "excerpt"):
            value = getattr(self, name)
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                object.__setattr__(self, name, _LONE_SURROGATE.sub("\ufffd", value))


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


# The publication dates an article may have: the articles table's declared range.
PUBLISHED_RANGE: tuple[dt.date, dt.date] = (_published_column.minimum, _published_column.maximum)
# A date, alone or followed by a time of day (and a zone): the whole value must be one of these.
_ISO_DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                            r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", re.IGNORECASE)
_DOTTED_DATE_TIME = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
_RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
                       r"(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?$")
# Anything else is given to dateparser, which knows the month names of many languages ("7 декабря
# 2026 г., 10:15", "29 Mart 2024", "4. Dezember 2026"): absolute dates only (no "yesterday": that
# would count from the day of the run), day first, a day, a month and a year in a string that is
# nothing but a date.
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                        "PARSERS": ["custom-formats", "absolute-time"], "DATE_ORDER": "DMY",
                        "RETURN_AS_TIMEZONE_AWARE": False}
_METADATA_LANGUAGES = ("az", "ru", "en")
_BROKEN = re.compile("[\ufffd\ud800-\udfff]")


def parse_date(value: object, language: str | None = None) -> dt.date | None:
    """A publication date from metadata: an ISO date or date-time ('2022-02-22',
    '2022-02-22T10:00:00+04:00'), 'DD.MM.YYYY' or 'DD/MM/YYYY' (day first; with a time or not), an RSS date ('Tue, 22 Feb 2022
    10:00:00 +0400'), a date or datetime; else a date in another format or language that dateparser
    reads whole ('7 декабря 2026', '29 Mart 2024, 12:30': ``language`` first, then az, ru, en). The
    whole value must read as one date (with a valid time of day when one is given) within
    PUBLISHED_RANGE; anything else raises ValueError: '2026-12-07T25:00', '2026-12-07 junk', '0001-01-01'."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if not isinstance(value, str):
        raise ValueError(f"a date must be text, not {type(value).__name__}")
    s = value.strip()
    m = _ISO_DATE_TIME.match(s) or _DOTTED_DATE_TIME.match(s)
    if m:
        year, month, day = (m[1], m[2], m[3]) if m.re is _ISO_DATE_TIME else (m[3], m[2], m[1])
        try:
            date = dt.date(int(year), int(month), int(day))
            if m[4] is not None:
                dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
        except ValueError as exc:
            raise ValueError(f"unreadable date {s[:60]!r} ({exc})") from None
        return _in_range(date)
    if _ISO_START.match(s):   # starts as an ISO date and goes on with something that is not a time
        raise ValueError(f"unreadable date {s[:60]!r}")
    if _RFC_2822.match(s):
        from email.utils import parsedate_to_datetime  # RSS dates: 'Tue, 22 Feb 2022 10:00:00 +0400'
        try:
            return _in_range(parsedate_to_datetime(s).date())
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    # dateparser only for a date with a month name ("7 декабря 2026"): digits alone are read by the
    # exact forms above or not at all ('2024-01-1' is no date), and a broken character is no date
    readable = len(s) <= 80 and any(c.isdigit() for c in s) and any(c.isalpha() for c in s) \
        and not _BROKEN.search(s)
    found = _dateparser_date(s, language) if readable else None
    if found is None:
        raise ValueError(f"unreadable date {s[:60]!r}")
    return _in_range(found)


def _dateparser_date(s: str, language: str | None) -> dt.date | None:
    import dateparser
    from dateparser.data.languages_info import language_order

    languages = [language] if language in language_order else []
    languages += [code for code in _METADATA_LANGUAGES if code not in languages]
    try:
        found = dateparser.parse(s, languages=languages, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, RecursionError):
        return None
    return found.date() if found else None


def _in_range(date: dt.date) -> dt.date:
    low, high = PUBLISHED_RANGE
    if not low <= date <= high:
        raise ValueError(f"publication date {date.isoformat()} is outside {low.isoformat()}..{high.isoformat()}")
    return date


def with_publication_date(article: RawArticle, reference_date: dt.date | None = None) -> RawArticle:
    """An article without a publication date takes the one it stamps at its top ("29.12.2024 00:10":
    published_source 'text'), else ``reference_date`` (a date the user states for the run:
    'reference'); one that has a date, or finds none, is returned as it is."""
    if article.published is not None:
        return article
    from transforms.dates import stamp_date

    stamped = stamp_date(article.text, article.language)
    if stamped is not None and PUBLISHED_RANGE[0] <= stamped <= PUBLISHED_RANGE[1]:
        return replace(article, published=stamped, published_source="text")
    if reference_date is not None:
        return replace(article, published=reference_date, published_source="reference")
    return article


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
    if len(text) > MAX_ARTICLE_CHARS:
        return IngestProblem(source, line, "too_long", f"text has {len(text):,} characters (limit {MAX_ARTICLE_CHARS:,})",
                             article_id=article_id)
    if not _HAS_WORD.search(text):
        what = "empty" if not text else f"{len(text):,} characters with no letter or digit"
        return IngestProblem(source, line, "empty_text", f"text is {what}", article_id=article_id)
    return None


# An article has at least one letter or digit: text of only white space, NULs, control characters
# or punctuation is not one.
_HAS_WORD = re.compile(r"[^\W_]")
# A UTF-16 surrogate on its own: JSON may write one ("\ud800"), and Python keeps it, but it is no
# character and cannot be stored as UTF-8. Replaced by U+FFFD, one for one, so offsets still hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def without_lone_surrogates(value: str) -> tuple[str, int]:
    """``value`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _LONE_SURROGATE.subn("\ufffd", value)


def parse_jsonl(data: bytes, source: str) -> tuple[list[RawArticle], list[IngestProblem]]:
    """One article per line: ``id`` and ``text`` required; ``url, title, author, language, published``
    optional. A line that is not a JSON object (invalid, nested too deeply, a number too long to
    read) is a problem of that line only."""
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
        except RecursionError:
            problems.append(IngestProblem(source, number, "bad_json", "JSON nested too deeply to read", excerpt=excerpt))
            continue
        except (ValueError, MemoryError) as exc:   # an integer of thousands of digits, a line too large
            problems.append(IngestProblem(source, number, "bad_json", f"unreadable JSON: {type(exc).__name__}: "
                                          f"{str(exc)[:200]}", excerpt=excerpt))
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


_SCALARS = (str, int, float)


def _article_from_record(record: dict, source: str, line: int | None) -> tuple[RawArticle | None, list[IngestProblem]]:
    raw_id = record.get("id", record.get("article_id"))
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) or not isinstance(raw_id, _SCALARS) \
            or isinstance(raw_id, bool):
        return None, [IngestProblem(source, line, "missing_id", "record has no usable 'id'",
                                    excerpt=_excerpt(record))]
    article_id = str(raw_id).strip()
    problem = _check_text(record.get("text"), source, line, article_id)
    if problem:
        return None, [problem]
    problems = []
    try:
        published = parse_date(record.get("published"), normalise_language(_opt_str(record.get("language"))))
    except ValueError as exc:
        published = None
        problems.append(IngestProblem(source, line, "bad_published", f"{exc}; loaded without a publication date",
                                      severity="warning", article_id=article_id))
    fields = {}
    for name in ("url", "title", "author", "language"):
        value = record.get(name)
        if value is not None and (not isinstance(value, _SCALARS) or isinstance(value, bool)):
            problems.append(IngestProblem(source, line, "bad_field", f"{name} is a {type(value).__name__}, not text; "
                                          f"loaded without it", severity="warning", article_id=article_id))
            value = None
        fields[name] = _opt_str(value)
    language = normalise_language(fields.pop("language"))
    if language is not None and not _LANGUAGE_CODE.match(language):
        problems.append(IngestProblem(source, line, "bad_field", f"language {language[:40]!r} is not a two-letter "
                                      f"code; the language is detected instead", severity="warning",
                                      article_id=article_id))
        language = None
    article = RawArticle(
        article_id=article_id, text=record["text"], source=source, line=line,
        url=fields["url"], title=fields["title"], author=fields["author"], published=published,
        published_source="input" if published else None, source_format="jsonl",
    )
    return with_language(article, language), problems


def _excerpt(record: dict) -> str:
    try:
        return json.dumps(record, ensure_ascii=False)[:200]
    except (ValueError, RecursionError):
        return repr(record)[:200]


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def screen_articles(articles: Iterable[RawArticle]) -> tuple[list[RawArticle], list[IngestProblem]]:
    """Every article, from any source (files, fetched pages, the warehouse), checked once more before a
    run keeps it, so that nothing can stop the run later: lone surrogates in any field replaced
    (warning), a text that is not an article or too long, an id too long to copy into every mention,
    and a publication date outside the declared range (dropped, warning)."""
    kept: list[RawArticle] = []
    problems: list[IngestProblem] = []
    for article in articles:
        article, found = _screen(article)
        problems += found
        if article is not None:
            kept.append(article)
    return kept, problems


_TEXT_FIELDS = ("article_id", "text", "source", "url", "title", "author", "language", "language_method", "origin")


def _screen(article: RawArticle) -> tuple[RawArticle | None, list[IngestProblem]]:
    changes: dict[str, str] = {}
    replaced: list[str] = []
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            cleaned, n = without_lone_surrogates(value)
            if n:
                changes[name] = cleaned
                replaced.append(f"{n} in {name}")
    article = replace(article, **changes) if changes else article
    where = (article.source, article.line)
    problems = [IngestProblem(*where, "lone_surrogate", f"lone surrogates ({', '.join(replaced)}) replaced by U+FFFD",
                              severity="warning", article_id=article.article_id)] if replaced else []
    if len(article.article_id) > MAX_ID_CHARS:
        return None, [*problems, IngestProblem(*where, "bad_id", f"id has {len(article.article_id):,} characters "
                                               f"(limit {MAX_ID_CHARS})", article_id=article.article_id[:MAX_ID_CHARS])]
    if not article.article_id.strip():
        return None, [*problems, IngestProblem(*where, "missing_id", "the id is blank")]
    problem = _check_text(article.text, *where, article.article_id)
    if problem:
        return None, [*problems, problem]
    if article.published is not None:
        try:
            _in_range(article.published)
        except ValueError as exc:
            article = replace(article, published=None)
            problems.append(IngestProblem(*where, "bad_published", f"{exc}; loaded without a publication date",
                                          severity="warning", article_id=article.article_id))
    if article.language is not None and not _LANGUAGE_CODE.match(article.language):
        problems.append(IngestProblem(*where, "bad_field", f"language {article.language[:40]!r} is not a two-letter "
                                      f"code; the language is detected instead", severity="warning",
                                      article_id=article.article_id))
        article = with_language(replace(article, language=None), None)
    return article, problems


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
