"""The queries behind `ruaz report` and `ruaz show`: read-only SQL over the warehouse's tables and
views, each returning a polars frame.

Only SELECTs on a connection the caller opened (read-only), so the report works on whatever the
warehouse file is: the loaded warehouse or a file of views over the Parquet export. Columns added
by later migrations (the meaning of a mention: role, event type, unit, measure, period) are read
when the relation has them and are NULL otherwise, so an older warehouse still gives a report.

The timeline comes from the view ``timeline`` when the warehouse has one with the columns named in
TIMELINE_COLUMNS, else from ``date_mentions`` (the event dates when roles are filled, every dated
mention when they are not). The figures come from the view ``figures`` likewise, else from
``count_mentions``. Facts are counted once per story: only the mentions of a story's
representative article (the view ``story_representatives``) when the warehouse groups stories.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb
import polars as pl

MENTION_TABLES = {"date": "date_mentions", "count": "count_mentions", "document": "document_mentions"}

# A column the report reads from a view of another part of the pipeline, and the names it may have
# there (first found wins). A required column missing means the view is not used.
TIMELINE_COLUMNS = {
    "value": ("value", "date_value", "timex"),
    "value_start": ("value_start", "date_start", "starts_on", "start_date"),
    "value_end": ("value_end", "date_end", "ends_on", "end_date"),
    "granularity": ("granularity",),
    "event_type": ("event_type",),
    "text": ("text", "date_text"),
    "sentence": ("sentence",),
    "article_id": ("article_id", "representative_article_id"),
    "start_char": ("start_char",),
    "end_char": ("end_char",),
    "n_sources": ("n_sources",),
    "document_names": ("document_names", "documents", "canonical_names", "signed_documents"),
}
TIMELINE_REQUIRED = ("value_start", "event_type", "sentence", "article_id")
FIGURES_COLUMNS = {
    "value": ("value",),
    "unit": ("unit",),
    "measure": ("measure",),
    "qualifier": ("qualifier",),
    "kind": ("kind",),
    "object": ("object",),
    "period_value": ("period_value", "period"),
    "period_start": ("period_start", "period_value_start"),
    "text": ("text",),
    "sentence": ("sentence",),
    "article_id": ("article_id", "representative_article_id"),
    "start_char": ("start_char",),
    "end_char": ("end_char",),
}
FIGURES_REQUIRED = ("value", "unit", "sentence", "article_id")

# what the report shows of each mention kind (a column the table lacks is NULL)
MENTION_FIELDS = {
    "date": ("value", "value_start", "value_end", "granularity", "is_range", "is_relative", "role", "event_type",
             "role_rule", "role_confidence", "rule", "confidence", "sentence_index", "sentence"),
    "count": ("value", "kind", "qualifier", "object", "unit", "unit_rule", "measure", "measure_rule",
              "measure_confidence", "period_start_char", "period_end_char", "period_value", "period_rule",
              "period_confidence", "rule", "confidence", "sentence_index", "sentence"),
    "document": ("doc_type", "document_id", "name_key", "link_method", "link_confidence", "rule", "confidence",
                 "sentence_index", "sentence"),
}
LANGUAGES = ("az", "ru", "en")


@dataclass(frozen=True)
class Source:
    """Where a page's rows came from, said on the page."""

    relation: str          # the table or view read
    note: str              # one sentence for the reader


def relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def columns_of(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [relation]).fetchall()]


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None) -> pl.DataFrame:
    return con.sql(sql, params=list(params) if params else None).pl()


def _select(alias: str, wanted: Iterable[str], available: Iterable[str]) -> str:
    """``alias.column`` for each wanted column the relation has, ``NULL AS column`` for the others."""
    have = set(available)
    return ", ".join(f"{alias}.{c}" if c in have else f"NULL AS {c}" for c in wanted)


def _mapped(available: Sequence[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The report's column name -> the relation's, for those the relation has."""
    have = set(available)
    return {name: next(c for c in names if c in have) for name, names in aliases.items()
            if any(c in have for c in names)}


def _once_per_story(con: duckdb.DuckDBPyConnection, alias: str) -> str:
    """A WHERE condition keeping the mentions of each story's representative article (and those
    of articles outside any story)."""
    if "story_representatives" not in relations(con) or "story_id" not in columns_of(con, "articles"):
        return "TRUE"
    return (f"({alias}.article_id IN (SELECT article_id FROM story_representatives) OR {alias}.article_id IN "
            f"(SELECT article_id FROM articles WHERE story_id IS NULL))")


# ---- overview ------------------------------------------------------------------------------------

def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    have = relations(con)
    out = {"articles": con.execute("SELECT count(*) FROM articles").fetchall()[0][0],
           "articles_undated": con.execute("SELECT count(*) FROM articles WHERE published IS NULL").fetchall()[0][0]}
    for kind, table in MENTION_TABLES.items():
        out[f"{kind}_mentions"] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    out["documents_mentioned"] = con.execute(
        "SELECT count(DISTINCT document_id) FROM document_mentions WHERE document_id IS NOT NULL").fetchall()[0][0]
    for table in ("quarantine", "ingest_errors", "pipeline_runs"):
        out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] if table in have else 0
    return out


def articles_per_month(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """language, month ('YYYY-MM', NULL when undated), n_articles."""
    return _frame(con, """
        SELECT coalesce(language, 'unknown') AS language, strftime(published, '%Y-%m') AS month,
               count(*) AS n_articles
        FROM articles GROUP BY ALL ORDER BY month NULLS LAST, language""")


def mentions_per_kind(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """kind, language, n_mentions, n_articles."""
    parts = [f"SELECT '{kind}' AS kind, coalesce(a.language, 'unknown') AS language, count(*) AS n_mentions, "
             f"count(DISTINCT m.article_id) AS n_articles FROM {table} m JOIN articles a USING (article_id) "
             f"GROUP BY ALL" for kind, table in MENTION_TABLES.items()]
    return _frame(con, " UNION ALL ".join(parts) + " ORDER BY kind, language")


def meaning_filled(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many mentions have their meaning columns filled (0 before the extractors fill them)."""
    out = {}
    for table, column in (("date_mentions", "role"), ("count_mentions", "unit"), ("count_mentions", "measure"),
                          ("count_mentions", "period_value")):
        out[f"{table}.{column}"] = (con.execute(f"SELECT count({column}) FROM {table}").fetchall()[0][0]
                                    if column in columns_of(con, table) else 0)
    return out


def quarantine_summary(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """table_name, check (one failed expectation), n_rows."""
    if "quarantine" not in relations(con):
        return pl.DataFrame(schema={"table_name": pl.Utf8, "check": pl.Utf8, "n_rows": pl.Int64})
    return _frame(con, """
        WITH failed AS (SELECT table_name, unnest(failed_expectations) AS "check" FROM quarantine)
        SELECT table_name, "check", count(*) AS n_rows
        FROM failed GROUP BY ALL ORDER BY n_rows DESC, table_name, "check" """)


def quarantine_rows(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    if "quarantine" not in relations(con):
        return pl.DataFrame()
    return _frame(con, """
        SELECT table_name, article_id, row_key, array_to_string(failed_expectations, ', ') AS failed_checks,
               run_id, quarantined_at
        FROM quarantine ORDER BY quarantined_at DESC, table_name, row_key LIMIT ?""", [limit])


def ingest_error_summary(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    if "ingest_errors" not in relations(con):
        return pl.DataFrame(schema={"severity": pl.Utf8, "reason": pl.Utf8, "n_rows": pl.Int64})
    return _frame(con, "SELECT severity, reason, count(*) AS n_rows FROM ingest_errors GROUP BY ALL "
                       "ORDER BY severity, n_rows DESC, reason")


def ingest_error_rows(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    if "ingest_errors" not in relations(con):
        return pl.DataFrame()
    return _frame(con, """
        SELECT severity, reason, source, source_line, article_id, detail, excerpt, first_seen_at
        FROM ingest_errors ORDER BY first_seen_at DESC, source, source_line LIMIT ?""", [limit])


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pl.DataFrame:
    if "pipeline_runs" not in relations(con):
        return pl.DataFrame()
    wanted = ("run_id", "command", "status", "started_at", "finished_at", "n_articles_read", "n_articles_new",
              "n_quarantined", "n_ingest_errors", "error")
    return _frame(con, f"SELECT {_select('r', wanted, columns_of(con, 'pipeline_runs'))} FROM pipeline_runs r "
                       f"ORDER BY started_at DESC LIMIT ?", [limit])


# ---- articles ------------------------------------------------------------------------------------

def article_list(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per article: its header and mention counts, newest first."""
    return _frame(con, """
        WITH d AS (SELECT article_id, count(*) AS n FROM date_mentions GROUP BY ALL),
             c AS (SELECT article_id, count(*) AS n FROM count_mentions GROUP BY ALL),
             m AS (SELECT article_id, count(*) AS n FROM document_mentions GROUP BY ALL)
        SELECT a.article_id, a.language, a.published, a.title, a.n_chars, a.source,
               coalesce(d.n, 0) AS n_dates, coalesce(c.n, 0) AS n_counts, coalesce(m.n, 0) AS n_documents
        FROM articles a LEFT JOIN d USING (article_id) LEFT JOIN c USING (article_id) LEFT JOIN m USING (article_id)
        ORDER BY a.published DESC NULLS LAST, a.article_id""")


def article_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]


def articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> pl.DataFrame:
    """The articles ``ids`` with their text and header."""
    wanted = ("article_id", "title", "url", "author", "language", "language_method", "language_confidence",
              "published", "published_source", "source", "source_line", "source_format", "n_chars",
              "relevance_score", "relevance_reason", "story_id", "text")
    return _frame(con, f"SELECT {_select('a', wanted, columns_of(con, 'articles'))} FROM articles a "
                       f"WHERE a.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.article_id", [list(ids)])


def mentions_of(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, pl.DataFrame]:
    """Every mention of the articles ``ids``, per kind: the span, its text and every field of
    MENTION_FIELDS (documents with their canonical name)."""
    out = {}
    for kind, table in MENTION_TABLES.items():
        fields = _select("m", MENTION_FIELDS[kind], columns_of(con, table))
        join, extra = "", ""
        if kind == "document":
            join = "LEFT JOIN documents d ON d.document_id = m.document_id"
            extra = ", d.canonical_name, d.signed_on"
        out[kind] = _frame(con, f"""
            SELECT m.article_id, m.start_char, m.end_char, m.text, {fields}{extra}
            FROM {table} m {join}
            WHERE m.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY m.article_id, m.start_char, m.end_char""",
                           [list(ids)])
    return out


# ---- documents -----------------------------------------------------------------------------------

def document_table(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per document mentioned at least once: what it is, when it was signed, its mentions
    per language, and its first and last mention (by publication date of the article), most
    mentioned first."""
    per_language = ", ".join(f"count(*) FILTER (WHERE a.language = '{code}') AS n_{code}" for code in LANGUAGES)
    known = ", ".join(f"'{code}'" for code in LANGUAGES)
    doc_columns = columns_of(con, "documents")
    signed = _select("d", ("signed_on", "signed_place", "parties", "is_registered"), doc_columns)
    return _frame(con, f"""
        WITH m AS (
            SELECT m.document_id, count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles,
                   {per_language},
                   count(*) FILTER (WHERE a.language IS NULL OR a.language NOT IN ({known})) AS n_other,
                   min(a.published) AS first_mentioned_on, max(a.published) AS last_mentioned_on,
                   arg_min(m.article_id, (a.published IS NULL, a.published, m.article_id)) AS first_article_id,
                   arg_max(m.article_id, (a.published IS NOT NULL, a.published, m.article_id)) AS last_article_id,
                   list(DISTINCT m.article_id ORDER BY m.article_id) AS article_ids
            FROM document_mentions m JOIN articles a USING (article_id)
            WHERE m.document_id IS NOT NULL GROUP BY m.document_id)
        SELECT d.document_id, d.canonical_name, d.doc_type, {signed}, m.* EXCLUDE (document_id)
        FROM m JOIN documents d USING (document_id)
        ORDER BY n_mentions DESC, n_articles DESC, d.canonical_name""")


def unidentified_documents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Document mentions linked to no document."""
    return _frame(con, """
        SELECT m.article_id, m.start_char, m.end_char, m.text, m.doc_type, a.language, a.published
        FROM document_mentions m JOIN articles a USING (article_id)
        WHERE m.document_id IS NULL ORDER BY a.published NULLS LAST, m.article_id, m.start_char""")


def documents_never_mentioned(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM documents WHERE document_id NOT IN "
                       "(SELECT document_id FROM document_mentions WHERE document_id IS NOT NULL)").fetchall()[0][0]


# ---- the timeline --------------------------------------------------------------------------------

def timeline_events(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, Source]:
    """One row per dated happening: value, value_start, value_end, granularity, event_type, text,
    sentence, article_id, start_char, end_char, n_sources, document_names (list), language,
    title, published. See the module docstring for where the rows come from."""
    date_columns = columns_of(con, "date_mentions")
    has_roles = "role" in date_columns and con.execute(
        "SELECT count(role) FROM date_mentions").fetchall()[0][0] > 0
    # The view shows the events; in a warehouse whose dates have no roles yet it would be empty, and
    # every dated mention is shown instead (below).
    if "timeline" in relations(con) and (has_roles or "role" not in date_columns):
        mapped = _mapped(columns_of(con, "timeline"), TIMELINE_COLUMNS)
        if all(c in mapped for c in TIMELINE_REQUIRED):
            return _timeline_from_view(con, mapped), Source(
                "timeline", "the view timeline: one row per happening, counted once per story")
    once = _once_per_story(con, "m")
    if has_roles:
        condition, event_type = "m.role = 'event'", "coalesce(m.event_type, 'other_event')"
        source = Source("date_mentions", "date_mentions whose role is 'event', counted once per story (the "
                                         "warehouse has no view timeline)")
    else:
        condition, event_type = "TRUE", "'dated mention'"
        source = Source("date_mentions", "every dated mention, counted once per story: the roles of the dates "
                                         "(event, period, dateline) are not filled in this warehouse, so datelines "
                                         "and periods are among them (ruaz reprocess fills them)")
    events = _frame(con, f"""
        WITH docs AS (
            SELECT dm.article_id, dm.sentence_index,
                   list(DISTINCT coalesce(d.canonical_name, dm.text) ORDER BY coalesce(d.canonical_name, dm.text))
                       AS document_names
            FROM document_mentions dm LEFT JOIN documents d USING (document_id) GROUP BY ALL),
        sources AS ({_story_sources(con)})
        SELECT m.value, m.value_start, m.value_end, m.granularity, {event_type} AS event_type, m.text, m.sentence,
               m.article_id, m.start_char, m.end_char, coalesce(s.n_sources, 1) AS n_sources,
               coalesce(docs.document_names, []::VARCHAR[]) AS document_names,
               a.language, a.title, a.published
        FROM date_mentions m JOIN articles a USING (article_id)
        LEFT JOIN docs ON docs.article_id = m.article_id AND docs.sentence_index = m.sentence_index
        LEFT JOIN sources s ON s.article_id = m.article_id
        WHERE {condition} AND {once}
        ORDER BY m.value_start NULLS LAST, m.value, m.article_id, m.start_char""")
    return events, source


def _story_sources(con: duckdb.DuckDBPyConnection) -> str:
    """SQL of (article_id, n_sources): how many places carried the article's story."""
    if "stories" in relations(con) and "n_sources" in columns_of(con, "stories"):
        return ("SELECT a.article_id, greatest(st.n_sources, 1) AS n_sources FROM articles a "
                "JOIN stories st USING (story_id)")
    return "SELECT NULL::VARCHAR AS article_id, NULL::BIGINT AS n_sources WHERE FALSE"


def _timeline_from_view(con: duckdb.DuckDBPyConnection, mapped: dict[str, str]) -> pl.DataFrame:
    def column(name: str, cast: str = "") -> str:
        return f"t.{mapped[name]}{cast} AS {name}" if name in mapped else f"NULL{cast} AS {name}"

    names = ("value", "value_start", "value_end", "granularity", "event_type", "text", "sentence", "article_id",
             "start_char", "end_char")
    casts = {"value_start": "::DATE", "value_end": "::DATE", "start_char": "::INTEGER", "end_char": "::INTEGER",
             "value": "::VARCHAR"}
    documents = "NULL::VARCHAR[]"
    if "document_names" in mapped:
        kind = con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'timeline' "
                           "AND column_name = ?", [mapped["document_names"]]).fetchall()[0][0]
        named = f"t.{mapped['document_names']}"
        documents = f"{named}::VARCHAR[]" if kind.endswith("[]") else f"[{named}::VARCHAR]"
    n_sources = f"t.{mapped['n_sources']}" if "n_sources" in mapped else "1"
    return _frame(con, f"""
        SELECT {', '.join(column(n, casts.get(n, '')) for n in names)},
               coalesce({n_sources}, 1)::BIGINT AS n_sources,
               list_filter(coalesce({documents}, []::VARCHAR[]), lambda x: x IS NOT NULL) AS document_names,
               a.language, a.title, a.published
        FROM timeline t LEFT JOIN articles a ON a.article_id = t.{mapped['article_id']}
        ORDER BY value_start NULLS LAST, value""")


# ---- figures -------------------------------------------------------------------------------------

def figures(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, Source]:
    """One row per money or quantity figure: value, unit, measure, qualifier, kind, object,
    period_value, period_start, text, sentence, article_id, start_char, end_char, language,
    title, published."""
    tail = ("a.language, a.title, a.published")
    if "figures" in relations(con):
        mapped = _mapped(columns_of(con, "figures"), FIGURES_COLUMNS)
        if all(c in mapped for c in FIGURES_REQUIRED):
            def column(name: str, cast: str = "") -> str:
                return f"f.{mapped[name]}{cast} AS {name}" if name in mapped else f"NULL{cast} AS {name}"
            casts = {"value": "::DOUBLE", "period_value": "::VARCHAR", "period_start": "::DATE",
                     "start_char": "::INTEGER", "end_char": "::INTEGER"}
            frame = _frame(con, f"""
                SELECT {', '.join(column(n, casts.get(n, '')) for n in FIGURES_COLUMNS)}, {tail}
                FROM figures f LEFT JOIN articles a ON a.article_id = f.{mapped['article_id']}""")
            return _with_period_start(frame), Source("figures", "the view figures: one row per money or quantity "
                                                                "figure, counted once per story")
    have = columns_of(con, "count_mentions")
    fields = _select("m", ("value", "unit", "measure", "qualifier", "kind", "object", "period_value"), have)
    if "unit" in have and con.execute("SELECT count(unit) FROM count_mentions").fetchall()[0][0] > 0:
        condition = "(m.kind = 'money' OR (m.unit IS NOT NULL AND m.unit NOT IN ('item', 'percent')))"
        note = ("count_mentions that are money or a physical quantity (unit other than item and percent), "
                "counted once per story (the warehouse has no view figures)")
    else:
        condition = "m.kind = 'money'"
        note = ("count_mentions that are money, counted once per story: units and periods are not filled in "
                "this warehouse (ruaz reprocess fills them), so quantities are left out and the period is the "
                "publication date")
    frame = _frame(con, f"""
        SELECT {fields}, NULL::DATE AS period_start, m.text, m.sentence, m.article_id, m.start_char, m.end_char,
               {tail}
        FROM count_mentions m JOIN articles a USING (article_id)
        WHERE {condition} AND {_once_per_story(con, 'm')}
        ORDER BY m.article_id, m.start_char""")
    if "unit" in have:   # money without a unit yet: its currency is the object
        frame = frame.with_columns(pl.when(pl.col("unit").is_null() & (pl.col("kind") == "money"))
                                   .then(pl.col("object")).otherwise(pl.col("unit")).alias("unit"))
    else:
        frame = frame.with_columns(pl.col("object").alias("unit"))
    return _with_period_start(frame), Source("count_mentions", note)


def _with_period_start(frame: pl.DataFrame) -> pl.DataFrame:
    """period_start from period_value where the relation gave none (the first day a TIMEX value
    covers; NULL when a digit is unknown)."""
    from transforms.report import timex_start

    if frame.is_empty():
        return frame
    starts = [given or timex_start(value) for given, value in zip(frame["period_start"].to_list(),
                                                                  frame["period_value"].to_list())]
    return frame.with_columns(pl.Series("period_start", starts, dtype=pl.Date))
