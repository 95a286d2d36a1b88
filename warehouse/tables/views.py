"""The views of warehouse/views.sql: what each row is and what each column means.

A view column that is a table column unchanged takes that column's declaration (``same``), so its
meaning is stated once. The view SQL itself stays in views.sql (recreated on every run).
"""
from __future__ import annotations

import dataclasses

from warehouse.tables import (
    articles,
    count_mentions,
    date_mentions,
    document_mentions,
    documents,
    fetch_log,
    raw_pages,
)
from warehouse.tables.model import Column, Table, Value, View


def same(table: Table, name: str, *, as_name: str | None = None, description: str | None = None) -> Column:
    """A table's column as a view shows it (renamed, or described for the view, when asked)."""
    column = table.column(name)
    changes = {"name": as_name or name, "set_once": False}
    if description:
        changes["description"] = description
    return dataclasses.replace(column, **changes)


def count(name: str, description: str) -> Column:
    return Column(name, "BIGINT", description)


STORY_ID = same(articles.TABLE, "story_id", description="The story (articles.story_id).")

MENTIONS = View(
    name="mentions",
    grain="one row per mention of any kind (date, count, document)",
    description=("Every mention in one list, with the article's language and publication date; value and detail "
                 "are readable text whatever the kind."),
    columns=(
        Column("mention_kind", "VARCHAR", "Which mention table the row comes from.", values=(
            Value("date", "a row of date_mentions"),
            Value("count", "a row of count_mentions"),
            Value("document", "a row of document_mentions"),
        )),
        *(same(date_mentions.TABLE, c) for c in ("article_id", "start_char", "end_char")),
        same(date_mentions.TABLE, "text", description="The words of the mention exactly as they stand in the "
                                                      "article."),
        Column("value", "VARCHAR",
               "The mention's value as text: for a date the TIMEX value (date_mentions.value); for a count the "
               "number (an integer without decimals, else in %g notation); for a document the canonical name "
               "of its document, the names of the documents it names one by one joined by '; ', or "
               "'(unidentified)'."),
        Column("detail", "VARCHAR",
               "What else the mention says, by kind: for a date its granularity (day, month, year); for a count "
               "'<kind> <qualifier> <object>' separated by spaces (e.g. 'money about USD', 'cardinal exact "
               "tonnes'; the object is left out when there is none); for a document its doc_type."),
        same(date_mentions.TABLE, "sentence"),
        same(date_mentions.TABLE, "rule", description="The rule that found the mention (see the rule lists of "
                                                       "date_mentions, count_mentions and document_mentions)."),
        same(date_mentions.TABLE, "confidence", description="The mention's confidence, 0..1 (see the mention "
                                                            "tables)."),
        same(articles.TABLE, "language"),
        same(articles.TABLE, "published"),
    ),
)

DOCUMENT_OVERVIEW = View(
    name="document_overview",
    grain="one row per canonical document; then one row per document type for the mentions that identify no "
          "document",
    description=("Each document with its signing and how often, in which languages and when it is mentioned (a "
                 "mention that names several documents counts for each of them); the mentions that identify no "
                 "document are counted by type in rows with a NULL document_id and the canonical_name "
                 "'(unidentified <type>)'."),
    columns=(
        same(documents.TABLE, "document_id", description="The canonical document; NULL on a row of unidentified "
                                                         "mentions."),
        same(documents.TABLE, "canonical_name", description="The document's name, or '(unidentified <doc_type>)'."),
        *(same(documents.TABLE, c) for c in ("doc_type", "signed_on", "signed_value", "signed_place", "parties",
                                              "signing_source", "is_registered")),
        count("n_mentions", "Mentions of the document (document_mentions rows whose document_ids hold it), or the "
                            "unidentified mentions of the type."),
        count("n_articles", "Articles that mention it."),
        Column("languages", "VARCHAR[]", "The languages of those articles, sorted; NULL when none."),
        Column("first_mentioned_on", "DATE", "The earliest publication date of an article that mentions it."),
        Column("last_mentioned_on", "DATE", "The latest publication date of an article that mentions it."),
    ),
)

ARTICLE_SUMMARY = View(
    name="article_summary",
    grain="one row per article",
    description="Each article with its number of mentions of each kind.",
    columns=(
        *(same(articles.TABLE, c) for c in ("article_id", "language", "published", "title", "n_chars")),
        count("n_dates", "Its date_mentions rows."),
        count("n_counts", "Its count_mentions rows."),
        count("n_documents", "Its document_mentions rows."),
    ),
)

HTTP_CACHE = View(
    name="http_cache",
    grain="one row per URL fetched with a body",
    description=("The validators of each URL's latest body, sent back as If-None-Match / If-Modified-Since "
                 "(derived from raw_pages, so it cannot disagree with it)."),
    columns=tuple(same(raw_pages.TABLE, c) for c in ("url", "final_url", "kind", "source", "etag", "last_modified",
                                                      "content_sha256", "fetched_at")),
)

STORY_REPRESENTATIVES = View(
    name="story_representatives",
    grain="one row per story",
    description=("The article that stands for each story: of its articles stored whole, the earliest published "
                 "(then the one that founded the story, then the first stored), whatever order the sources were "
                 "read in. Facts counted once per story are that article's, with the new sentences of its "
                 "supplements (story_fact_articles)."),
    columns=(
        STORY_ID,
        same(articles.TABLE, "article_id", description="The story's representative article."),
    ),
)

STORY_FACT_ARTICLES = View(
    name="story_fact_articles",
    grain="one row per article whose mentions count for its story",
    description=("The articles the facts of each story come from: its representative (all its mentions) and each "
                 "supplement (a fetched near copy that adds sentences; its mentions are those sentences' only)."),
    columns=(
        STORY_ID,
        same(articles.TABLE, "article_id", description="An article whose mentions count for the story."),
        Column("role", "VARCHAR", "Why its mentions count.", values=(
            Value("representative", "the story's representative (story_representatives)"),
            Value("supplement", "a near copy stored for the sentences it adds (article_sources.extracted = "
                                "'new_sentences')"),
        )),
    ),
)

STORIES = View(
    name="stories",
    grain="one row per story",
    description="Each story with its stored articles and every place it was found.",
    columns=(
        STORY_ID,
        same(articles.TABLE, "article_id", as_name="representative_article_id",
             description="The article that stands for the story (story_representatives)."),
        same(articles.TABLE, "title", description="The representative article's headline."),
        count("n_articles", "Stored articles in the story."),
        Column("languages", "VARCHAR[]", "The languages of its stored articles, sorted."),
        Column("first_published", "DATE", "The earliest publication date among its stored articles."),
        count("n_sources", "Places the story was found (article_sources rows)."),
        count("n_copies_not_stored", "Fetched copies recorded as sources but not stored as articles."),
        count("n_supplements", "Fetched near copies stored for the sentences they add."),
        Column("locations", "VARCHAR[]", "Every place the story was found, in the order they were found."),
        Column("source_names", "VARCHAR[]", "The sources.toml sources and input files it came from, sorted."),
    ),
)


def _story_view(table: Table) -> View:
    return View(
        name=f"story_{table.name}",
        grain=f"as {table.name}: one row per mention of a story's representative article or of a supplement",
        description=f"The {table.name} of each story's representative article and of its supplements (their new "
                    "sentences only): each fact counted once per story, however many outlets carried it.",
        columns=(STORY_ID, *table.columns),
    )


STORY_MENTIONS = View(
    name="story_mentions",
    grain="as mentions: one row per mention of a story's representative article or of a supplement",
    description="The mentions each story counts (story_fact_articles; all kinds, as the mentions view).",
    columns=(STORY_ID, *MENTIONS.columns),
)

SOURCE_FETCH_STATUS = View(
    name="source_fetch_status",
    grain="one row per source that was ever fetched",
    description="Each source's last fetch run: when, how its feed or listing answered, what it gave (what `ruaz "
                "sources` shows).",
    columns=(
        same(fetch_log.TABLE, "source"),
        same(fetch_log.TABLE, "fetched_at", as_name="last_fetched_at",
             description="When the source's last fetch run got its last answer (UTC)."),
        same(fetch_log.TABLE, "run_id", as_name="last_run_id", description="The source's last fetch run."),
        same(fetch_log.TABLE, "status", as_name="listing_status",
             description="The outcome of the feed or listing request in that run."),
        same(fetch_log.TABLE, "reason", as_name="listing_reason",
             description="The reason of the feed or listing outcome in that run."),
        same(fetch_log.TABLE, "detail", as_name="listing_detail",
             description="The feed or listing outcome in words."),
        count("n_pages_fetched", "Pages received in that run."),
        count("n_articles", "Pages kept as articles in that run."),
        count("n_irrelevant", "Pages received but not relevant in that run."),
        count("n_failed", "Requests that failed in that run."),
        Column("last_ok_at", "TIMESTAMP", "The last time the feed or listing answered with a body or 304, in any "
               "run (UTC)."),
        count("n_runs", "Fetch runs that requested the source."),
    ),
)

def _facts_of_stories(name: str, table: Table, what: str, grain: str, description: str, middle: tuple[Column, ...],
                      n_column: Column, tail: tuple[Column, ...]) -> View:
    """A view of one row per fact of a story (``what``: a figure, a happening), its first report
    shown: the story, the reporting article, the mention's columns, its article's language and date,
    and how many articles report it."""
    return View(name=name, grain=grain, description=description, columns=(
        STORY_ID,
        same(table, "article_id", description=f"The article whose report of the {what} the row shows."),
        *middle,
        same(articles.TABLE, "language"),
        same(articles.TABLE, "published"),
        n_column,
        *tail,
    ))


FIGURES = _facts_of_stories(
    "figures", count_mentions.TABLE, "figure",
    grain="one row per money or quantity figure of a story (an article without a story is its own story)",
    description=("The figures of the relationship: amounts of money, percentages, physical quantities, and counts "
                 "of things that state their period, with what each is (unit, measure) and when it applies "
                 "(period). The same figure (kind, value, unit, measure, period) reported by several outlets of "
                 "one story, or twice in one article, is one row, its first report in the story's representative "
                 "article (else in the earliest published one); n_articles says how many articles report it."),
    middle=(
        *(same(count_mentions.TABLE, c) for c in ("start_char", "end_char", "text", "kind", "value", "unit", "measure",
                                                 "qualifier", "object", "period_value")),
        same(date_mentions.TABLE, "value_start", as_name="period_start",
             description="The first day of the period (the period's date mention's value_start); NULL without a "
                         "period or when its value has unknown digits."),
        same(date_mentions.TABLE, "value_end", as_name="period_end",
             description="The last day of the period (date_mentions.value_end)."),
        same(count_mentions.TABLE, "sentence"),
    ),
    n_column=count("n_articles", "Articles of the story that report the figure."),
    tail=(Column("languages", "VARCHAR[]", "The languages of those articles, sorted."),
          Column("article_ids", "VARCHAR[]", "Those articles, sorted.")),
)

TIMELINE = _facts_of_stories(
    "timeline", date_mentions.TABLE, "happening",
    grain="one row per happening of a story (an article without a story is its own story): an event date by its "
          "event type and value",
    description=("The chronology of the relationship: every date whose role is 'event' (a visit, meeting, call, "
                 "signing, statement, incident or other happening), with its sentence and the documents named in "
                 "that sentence. The same happening (event type and value) reported by several outlets of one "
                 "story, or twice in one article, is one row, its first report in the story's representative "
                 "article (else in the earliest published one); n_sources says how many articles report it. "
                 "Every signing with its documents, in order: `SELECT value, document_names FROM timeline WHERE "
                 "event_type = 'signing' ORDER BY value_start NULLS LAST`."),
    middle=tuple(same(date_mentions.TABLE, c) for c in ("start_char", "end_char", "text", "value", "value_start",
                                                         "value_end", "granularity", "event_type", "sentence")),
    n_column=count("n_sources", "Articles of the story that report the happening (same event type and value)."),
    tail=(Column("article_ids", "VARCHAR[]", "Those articles, sorted."),
          Column("document_ids", "VARCHAR[]", "The documents (documents.document_id) named in the sentence of the "
                 "report shown, sorted; empty when it names none."),
          Column("document_names", "VARCHAR[]", "Their canonical names (documents.canonical_name), sorted.")),
)

VIEWS = (
    MENTIONS, DOCUMENT_OVERVIEW, ARTICLE_SUMMARY, HTTP_CACHE, STORY_REPRESENTATIVES, STORY_FACT_ARTICLES, STORIES,
    *(_story_view(t.TABLE) for t in (date_mentions, count_mentions, document_mentions)),
    STORY_MENTIONS, SOURCE_FETCH_STATUS, FIGURES, TIMELINE,
)
