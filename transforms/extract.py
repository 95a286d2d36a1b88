"""Run the three extractors over a frame of articles and return tidy mention frames.

Pure: a polars frame of articles in (article_id, text, language, published), frames out.
Dates are found first so that the digits of a date are never also read as a count.

One article can never stop the others: ``extract_frames`` runs each article under a guard and a
time limit; an article whose extraction raises or runs past the limit yields no mentions and a row
in ``Extracted.failures`` (the extractor, the error and where it was raised), which the run puts in
quarantine. The cost of one article is linear in its length: a long article is extracted in
segments of whole sentences (``SEGMENT_CHARS``), and a mention row carries at most
``SENTENCE_CHARS`` of its sentence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

import polars as pl

from transforms.counts import extract_counts
from transforms.dates import extract_dates
from transforms.documents import extract_documents, link_documents
from transforms.mentions import DocumentLink, RegistryEntry
from transforms.lang import LANGUAGES
from transforms.lang.numbers import ORDINAL
from transforms.sentences import SentenceIndex
from transforms.tables import registry_signing_source
from transforms.time_limit import TimeLimitExceeded, time_limit
from transforms.version import extractor_version
from warehouse.tables import polars_schema

# Stored articles whose extractor_version differs are re-extracted by `ruaz reprocess`. It is a
# fingerprint of the extraction code (transforms/version.py), so no rule change can forget it.
EXTRACTOR_VERSION = extractor_version()

# The schemas of the frames extraction makes, from the table declarations (warehouse/tables/).
DATE_SCHEMA = polars_schema("date_mentions")
COUNT_SCHEMA = polars_schema("count_mentions")
DOCUMENT_MENTION_SCHEMA = polars_schema("document_mentions")
DOCUMENT_SCHEMA = polars_schema("documents")
# An article whose extraction failed: no mentions, and why (transforms/tables.py makes its quarantine
# and ingest_errors rows).
FAILURE_SCHEMA = pl.Schema({
    "article_id": pl.Utf8,
    "reason": pl.Utf8,        # extraction_failed | extraction_timeout
    "extractor": pl.Utf8,     # sentences | dates | counts | documents | links
    "error": pl.Utf8,         # "KeyError: 'mılyon'"
    "location": pl.Utf8,      # where it was raised: "transforms/counts/extract.py:929 (_read_scale)"
})

# A longer article is extracted in segments of about this many characters, cut between sentences:
# what an extractor does per mention may look at the whole text it is given, so one article of a
# million characters would otherwise cost far more than a hundred of ten thousand. Real articles are
# far shorter (a segment boundary only parts a mention from context beyond it).
SEGMENT_CHARS = 20_000
# A mention row carries its sentence, cut to this many characters around the mention when longer
# (warehouse/tables/common.py): an article of numbers without a full stop would otherwise copy its
# whole text into every row (8,000 numbers made a 482 MB frame).
SENTENCE_CHARS = 400
# CPU seconds one article may take (flows/settings.py article_time_limit_seconds is the run's).
DEFAULT_TIME_LIMIT_SECONDS = 120.0


@dataclass(frozen=True)
class Extracted:
    date_mentions: pl.DataFrame
    count_mentions: pl.DataFrame
    document_mentions: pl.DataFrame
    documents: pl.DataFrame          # documents discovered in these articles (registry ones included when linked)
    failures: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FAILURE_SCHEMA))   # FAILURE_SCHEMA

    @staticmethod
    def concat(parts: Sequence["Extracted"]) -> "Extracted":
        """The mentions of several batches; a document found in several batches is listed once."""
        if not parts:
            return Extracted.empty()
        frames = [pl.concat([getattr(p, f) for p in parts], how="vertical_relaxed")
                  for f in ("date_mentions", "count_mentions", "document_mentions", "documents", "failures")]
        frames[3] = merge_documents(frames[3])
        return Extracted(*frames)

    @staticmethod
    def empty() -> "Extracted":
        return Extracted(
            pl.DataFrame(schema=DATE_SCHEMA), pl.DataFrame(schema=COUNT_SCHEMA),
            pl.DataFrame(schema=DOCUMENT_MENTION_SCHEMA), pl.DataFrame(schema=DOCUMENT_SCHEMA),
            pl.DataFrame(schema=FAILURE_SCHEMA),
        )


class ExtractorFailed(Exception):
    """An extractor raised on an article: ``extractor`` names it; the error is the ``__cause__``."""

    def __init__(self, extractor: str, error: BaseException):
        super().__init__(f"{extractor}: {type(error).__name__}: {error}")
        self.extractor = extractor
        self.error = error


@contextmanager
def _extractor(name: str) -> Iterator[None]:
    """Name the extractor an error or a time limit comes from."""
    try:
        yield
    except TimeLimitExceeded as exc:
        exc.extractor = getattr(exc, "extractor", name)
        raise
    except ExtractorFailed:
        raise
    except Exception as exc:
        raise ExtractorFailed(name, exc) from exc


# A number that counts units of time inside a date ("beş il əvvəl", "the first 9 months of 2025",
# "5 лет назад") is also a count; the other digits of a date (its day, year) are not.
_TIME_QUANTITY = re.compile(
    r"(?<![\w.,-])(\d+|[^\W\d_]+(?:[ -][^\W\d_]+){0,5})"
    r"(?=\s+(?:il|ay|gün|həftə|onillik|year|month|day|week|decade|год|лет|месяц|дн|недел|десятилет)\w*)",
    re.IGNORECASE)


def _number_words_end(words: str, language: str | None, at: int) -> int | None:
    """Where the cardinal number words that end ``words`` (found at offset ``at``) start: "twenty five"
    in "last twenty five" (the number of "twenty five days ago" is a count; an ordinal before it, as
    "ilk" in "ilin ilk altı ayı", stays part of the date); None without one."""
    if language not in LANGUAGES:
        return None
    parts = re.split(r"([ -])", words)
    first = None
    for i in range(len(parts) - 1, -1, -2):
        word = LANGUAGES[language].number_word(parts[i])
        if word is None or word.kind == ORDINAL:
            break
        first = i
    return None if first is None else at + len("".join(parts[:first]))


def count_exclusions(text: str, language: str | None, dates: Sequence) -> list[tuple[int, int]]:
    """The spans counts must not overlap: each date, less the numbers in it that count time units."""
    spans: list[tuple[int, int]] = []
    for m in dates:
        start = m.start
        for q in _TIME_QUANTITY.finditer(text, m.start, m.end):
            number_start = q.start() if q.group(1).isdigit() else _number_words_end(q.group(1), language, q.start())
            if number_start is None:
                continue
            if number_start > start:
                spans.append((start, number_start))
            start = q.end()
        if m.end > start:
            spans.append((start, m.end))
    return spans


def segment_bounds(text: str, sentence_starts: Sequence[int], limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """(start, end) of the segments a text is extracted in: the whole text when it is at most
    ``limit`` long; else pieces of at most ``limit`` characters cut at a sentence start, or where a
    sentence is longer than half the limit, at a space (or anywhere, in a text without one)."""
    bounds, start, n = [], 0, len(text)
    while n - start > limit:
        target = start + limit
        i = bisect.bisect_right(sentence_starts, target) - 1
        if i >= 0 and sentence_starts[i] > start + limit // 2:
            cut = sentence_starts[i]
        else:
            space = max(text.rfind(" ", start + limit // 2, target), text.rfind("\n", start + limit // 2, target))
            cut = space + 1 if space > start else target
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def extract_article(
    article_id: str, text: str, language: str | None, published: dt.date | None,
    registry: Sequence[RegistryEntry] = (),
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """Rows for date, count and document mentions of one article, and the documents it links to.
    Raises ExtractorFailed (naming the extractor) when an extractor raises."""
    with _extractor("sentences"):
        sentences = SentenceIndex(text)
    date_rows: list[dict] = []
    count_rows: list[dict] = []
    document_rows: list[dict] = []
    links: list[DocumentLink] = []
    for lo, hi in segment_bounds(text, sentences.starts):
        _extract_segment(article_id, text if (lo, hi) == (0, len(text)) else text[lo:hi], lo, language, published,
                         registry, sentences, date_rows, count_rows, document_rows, links)
    doc_rows = document_rows_of(links, registry) if links else []
    return date_rows, count_rows, document_rows, doc_rows


def _extract_segment(article_id: str, text: str, offset: int, language: str | None, published: dt.date | None,
                     registry: Sequence[RegistryEntry], sentences: SentenceIndex, date_rows: list[dict],
                     count_rows: list[dict], document_rows: list[dict], links: list[DocumentLink]) -> None:
    """The mentions of one segment (``text``, starting at ``offset`` in the article), added to the rows."""
    def sentence_at(start: int, end: int) -> tuple[int, str]:
        return sentences.sentence_at(start + offset, end + offset, max_chars=SENTENCE_CHARS)

    # Rows are built as one dict literal each (provenance keys first, in schema order): this runs for
    # every mention of every article, and merging a separate provenance dict costs a third more.
    with _extractor("dates"):
        dates = extract_dates(text, language, published)
    for m in dates:
        index, sentence = sentence_at(m.start, m.end)
        date_rows.append({
            "article_id": article_id, "start_char": m.start + offset, "end_char": m.end + offset, "text": m.text,
            "sentence_index": index, "sentence": sentence, "rule": m.rule, "confidence": m.confidence,
            "value": m.value, "value_start": m.value_start, "value_end": m.value_end,
            "granularity": m.granularity, "is_range": m.is_range, "is_relative": m.is_relative,
            "role": m.role, "event_type": m.event_type, "role_rule": m.role_rule, "role_confidence": m.role_confidence})
    with _extractor("counts"):
        # Counts compose with dates: they skip the digits of dates and link figures to their periods.
        # (The article's sentence index holds for a segment that starts the article.)
        counts = extract_counts(text, language, exclude=count_exclusions(text, language, dates), dates=dates,
                                sentences=sentences if offset == 0 else None)
    for m in counts:
        index, sentence = sentence_at(m.start, m.end)
        count_rows.append({
            "article_id": article_id, "start_char": m.start + offset, "end_char": m.end + offset, "text": m.text,
            "sentence_index": index, "sentence": sentence, "rule": m.rule, "confidence": m.confidence,
            "value": m.value, "kind": m.kind, "qualifier": m.qualifier, "object": m.object,
            "unit": m.unit, "unit_rule": m.unit_rule, "measure": m.measure, "measure_rule": m.measure_rule,
            "measure_confidence": m.measure_confidence,
            "period_start_char": None if m.period_start is None else m.period_start + offset,
            "period_end_char": None if m.period_end is None else m.period_end + offset,
            "period_value": m.period_value, "period_rule": m.period_rule, "period_confidence": m.period_confidence})
    with _extractor("documents"):
        documents = extract_documents(text, language, dates)
    with _extractor("links"):
        segment_links = link_documents(text, language, published, documents, registry, dates)
    links += segment_links
    for m, link in zip(documents, segment_links, strict=True):
        index, sentence = sentence_at(m.start, m.end)
        document_rows.append({
            "article_id": article_id, "start_char": m.start + offset, "end_char": m.end + offset, "text": m.text,
            "sentence_index": index, "sentence": sentence, "rule": m.rule, "confidence": m.confidence,
            "doc_type": link.mention_type or m.doc_type, "document_id": link.document_id,
            "document_ids": link.document_ids, "name_key": m.name_key,
            "link_method": link.method, "link_confidence": link.confidence})


def document_rows_of(links: Sequence[DocumentLink], registry: Sequence[RegistryEntry]) -> list[dict]:
    """One ``documents`` row per document the links of one article refer to (sets' members and the
    documents a phrase names one by one included): a registry document as the registry has it; a
    derived one with its first name and what the article says of its signing, each fact from the first
    mention that states it."""
    registry_by_id = {e.document_id: e for e in registry}
    rows: dict[str, dict] = {}
    for link in (x for top in links for x in (top, *top.members)):
        if link.document_id is None:
            continue
        entry = registry_by_id.get(link.document_id)
        if entry is not None:
            rows.setdefault(link.document_id, {
                "document_id": entry.document_id, "canonical_name": entry.canonical_name, "doc_type": entry.doc_type,
                "signed_on": entry.signed_on, "signed_value": entry.signed_value, "signed_place": entry.signed_place,
                "parties": list(entry.parties), "signing_source": registry_signing_source(entry),
                "is_registered": True})
            continue
        row = rows.setdefault(link.document_id, {
            "document_id": link.document_id, "canonical_name": link.canonical_name, "doc_type": link.doc_type,
            "signed_on": None, "signed_value": None, "signed_place": None, "parties": None, "signing_source": None,
            "is_registered": False})
        if row["signed_value"] is None and link.signed_value:
            row["signed_value"] = link.signed_value
            row["signed_on"] = day_of(link.signed_value)
        if row["signed_place"] is None and link.signed_place:
            row["signed_place"] = link.signed_place
        if row["parties"] is None and link.parties:
            row["parties"] = list(link.parties)
        if row["signing_source"] is None and (row["signed_value"] or row["signed_place"] or row["parties"]):
            row["signing_source"] = "text"
    return list(rows.values())


def merge_documents(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per document: each column's first known value (a derived document's signing may be stated
    by an article other than the first that names it)."""
    if documents.is_empty() or documents["document_id"].is_unique().all():
        return documents
    merged = documents.group_by("document_id", maintain_order=True).agg(pl.all().drop_nulls().first())
    # the signing day is the day of the signing value kept (not a day another article gave)
    merged = merged.with_columns(signed_on=pl.when(pl.col("signed_value").str.len_chars() == 10)
                                 .then(pl.col("signed_value").str.to_date("%Y-%m-%d", strict=False)))
    return merged.select(documents.columns).cast(documents.schema)


def day_of(timex: str) -> dt.date | None:
    """The day a TIMEX value names, when it names one day with every digit known ("2022-09-03")."""
    try:
        return dt.date.fromisoformat(timex) if len(timex) == 10 else None
    except ValueError:
        return None


def extract_frames(articles: pl.DataFrame, registry: Sequence[RegistryEntry] = (),
                   time_limit_seconds: float | None = DEFAULT_TIME_LIMIT_SECONDS) -> Extracted:
    """Mentions of every article in the frame (columns article_id, text, language, published).

    Never raises for one article: an article whose extraction raises, or takes more than
    ``time_limit_seconds`` of CPU time (None: no limit), has no mentions and a row in ``failures``."""
    dates, counts, doc_mentions, docs, failures = [], [], [], [], []
    published = pl.col("published")
    if "published_source" in articles.columns:
        # A date the article stamps itself is found again by the date extractor, which then also
        # knows the stamp for what it is (a dateline, not an event): it is given no date.
        published = pl.when(pl.col("published_source") == "text").then(None).otherwise(published).alias("published")
    for row in articles.select("article_id", "text", "language", published).iter_rows():
        try:
            with time_limit(time_limit_seconds):
                d, c, m, k = extract_article(*row, registry=registry)
        except TimeLimitExceeded as exc:
            failures.append(failure_row(row[0], exc, time_limit_seconds))
            continue
        except Exception as exc:  # noqa: BLE001 - one article's failure is recorded, the others go on
            failures.append(failure_row(row[0], exc))
            continue
        dates += d
        counts += c
        doc_mentions += m
        docs += k
    documents = pl.DataFrame(docs, schema=DOCUMENT_SCHEMA)
    return Extracted(
        pl.DataFrame(dates, schema=DATE_SCHEMA),
        pl.DataFrame(counts, schema=COUNT_SCHEMA),
        pl.DataFrame(doc_mentions, schema=DOCUMENT_MENTION_SCHEMA),
        merge_documents(documents),
        pl.DataFrame(failures, schema=FAILURE_SCHEMA),
    )


def failure_row(article_id: str, exc: BaseException, time_limit_seconds: float | None = None) -> dict:
    """What went wrong with one article: the extractor, the error, and the innermost place in
    transforms/ where it was raised (the rule's function, where it is known)."""
    timeout = isinstance(exc, TimeLimitExceeded)
    extractor = getattr(exc, "extractor", None)
    error = exc.error if isinstance(exc, ExtractorFailed) else exc
    if timeout:
        message = f"TimeLimitExceeded: more than {time_limit_seconds:g} s of CPU time"
    else:
        message = f"{type(error).__name__}: {_one_line(str(error))}"
    return {"article_id": article_id, "reason": "extraction_timeout" if timeout else "extraction_failed",
            "extractor": extractor, "error": message[:1000], "location": _where(error)}


def _one_line(text: str) -> str:
    return " ".join(text.split())


_TRANSFORMS = "/transforms/"


def _where(error: BaseException) -> str | None:
    """``transforms/<file>:<line> (<function>)`` of the innermost frame of the error in transforms/."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if _TRANSFORMS in f.filename.replace("\\", "/")]
    if not frames:
        return None
    last = frames[-1]
    path = last.filename.replace("\\", "/")
    return f"transforms/{path.rsplit(_TRANSFORMS, 1)[1]}:{last.lineno} ({last.name})"


class RuleInfo(NamedTuple):
    """One rule an extractor can name in a mention's ``rule`` column."""
    dimension: str     # dates | counts | documents
    language: str      # az | ru | en, "all" for a rule of every language, "other" for the other languages
    rule: str          # as written in the rule column
    family: str        # what kind of rule it is (described beside the table declaration)


def rule_catalog(dimension: str | None = None) -> list[RuleInfo]:
    """Every rule name the extractors write into the mention tables' ``rule`` column, with its
    language and family (for the codebook). The one place that knows where each extractor keeps its
    rules. Composite values are not listed: two date rules joined by '+' (two dates read as one
    range) and a count rule with ':range' (one end of a range)."""
    from transforms.dates import grammar as dates_grammar
    from transforms.dates import other_languages as dates_other_languages
    from transforms.documents import extract as documents
    from transforms.documents import lexicon as documents_lexicon

    rows: list[RuleInfo] = []
    # dates: the grammar of each language; a rule in every grammar is of every language
    languages_of: dict[tuple[str, str], list[str]] = {}
    for language, grammar in dates_grammar.GRAMMARS.items():
        for rule in grammar.rules:
            languages_of.setdefault((rule.name, rule.builder), []).append(language)
    for (name, builder), languages in languages_of.items():
        rows.append(RuleInfo("dates", "all" if len(languages) == len(dates_grammar.GRAMMARS) else languages[0],
                             name, builder))
    # the "years later" branch of each language's "ago" rule is named on its own
    rows += [RuleInfo("dates", name.split("_")[0], name, "rel_year") for name in dates_grammar.BRANCH_RULES.values()]
    # articles in other languages: dateparser's finder
    rows.append(RuleInfo("dates", "other", dates_other_languages.RULE, "dateparser"))
    # counts: how the number was read (counts.py has no rule table: it names these where it reads
    # each form; tests/test_codebook.py checks the list against what the extractor writes)
    rows += [RuleInfo("counts", language, name, name.split(":")[0])
             for name, language in (("digits", "all"), ("roman", "all"), ("words", "all"), ("words:adverb", "all"),
                                    ("words:collective", "ru"), ("words:half", "all"), ("words:compound", "ru"),
                                    ("words:range", "all"))]
    # documents: '<language>.<why the span is a mention>'
    rows += [RuleInfo("documents", language, f"{language}.{reason}", reason)
             for language in documents_lexicon.LANGUAGES_WITH_HEADS for reason in documents._CONFIDENCE]
    return [r for r in rows if dimension in (None, r.dimension)]
