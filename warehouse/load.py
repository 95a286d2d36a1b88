"""Loading validated frames into the state store (warehouse/store.py), in place: a run writes each
chunk of articles in a transaction of its own, then its run-level rows in a last one; every key it
writes is marked dirty in the same transaction (warehouse/lake.py publishes them).

Reads are lookups of the incoming keys (the stored state of the incoming articles, the articles
being replaced), never scans that grow with the warehouse.

Reruns are idempotent: an article whose content, language, publication date and extractor
version are unchanged is not re-extracted or rewritten; ingest errors and quarantined rows are
keyed by a hash of what they say, so the same problem is recorded once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from transforms.ingest import RawArticle
from warehouse import lake
from warehouse.tables import MENTION_TABLES, table


def upsert_clause(table_name: str) -> str:
    """``ON CONFLICT (<key>) DO UPDATE SET`` every column of the declared table but its key and the
    columns that keep their first value (articles.ingested_at)."""
    decl = table(table_name)
    updated = [c.name for c in decl.columns if c.name not in decl.grain and not c.set_once]
    return (f"ON CONFLICT ({', '.join(decl.grain)}) DO UPDATE SET "
            + ", ".join(f"{c} = EXCLUDED.{c}" for c in updated))


# Bookkeeping columns: a row whose other columns are unchanged is not rewritten for them.
BOOKKEEPING = ("updated_at", "run_id")


def changed_only(table_name: str) -> str:
    """``WHERE`` clause of an upsert: only a row whose content differs is rewritten (its updated_at
    and run_id then say when and by which run; `ruaz reprocess` leaves an unchanged article as it was)."""
    decl = table(table_name)
    compared = [c.name for c in decl.columns if c.name not in decl.grain and not c.set_once
                and c.name not in BOOKKEEPING]
    return (f" WHERE ({', '.join(f'{table_name}.{c}' for c in compared)}) IS DISTINCT FROM "
            f"({', '.join(f'EXCLUDED.{c}' for c in compared)})")


def read_article_state(con: duckdb.DuckDBPyConnection, article_ids: list[str] | None = None) -> pl.DataFrame:
    """What is stored for each of ``article_ids`` (None: every article), to decide what needs (re-)extraction."""
    columns = "article_id, content_sha256, language, published, extractor_version"
    if article_ids is None:
        return con.sql(f"SELECT {columns} FROM articles").pl()
    ids = pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.Utf8}).to_arrow()
    con.register("incoming_ids", ids)
    try:
        return con.sql(f"SELECT {columns} FROM articles WHERE article_id IN (SELECT article_id FROM incoming_ids)").pl()
    finally:
        con.unregister("incoming_ids")


def read_articles(con: duckdb.DuckDBPyConnection) -> list[RawArticle]:
    """Every stored article, as it was ingested (for re-extraction without reading inputs again)."""
    # A warehouse made before migration 003 has no published_source yet (reprocess reads it before migrating).
    published_source = "published_source" if "published_source" in table_columns(con, "articles") else "NULL"
    rows = con.execute(f"""SELECT article_id, text, source, source_line, url, title, author, language,
        language_confidence, language_method, published, source_format, {published_source} FROM articles
        ORDER BY article_id""").fetchall()
    return [RawArticle(article_id=r[0], text=r[1], source=r[2], line=r[3], url=r[4], title=r[5], author=r[6],
                       language=r[7], language_confidence=r[8], language_method=r[9], published=r[10], published_source=r[12],
                       source_format=r[11]) for r in rows]


def read_document_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT document_id FROM documents").fetchall()}


def not_stored(con: duckdb.DuckDBPyConnection, table_name: str, frame: pl.DataFrame, key_only: bool = False) -> pl.DataFrame:
    """The rows of ``frame`` that the table does not hold as they are (``key_only``: whose key it
    does not hold). For the run's small tables (registry, input problems): what is new to validate."""
    if frame.height == 0:
        return frame
    columns = list(table(table_name).grain) if key_only else [c for c in table_columns(con, table_name)
                                                              if c in frame.columns]
    with registered(con, "incoming_rows", frame.select(columns), table_name):
        on = " AND ".join(f's."{c}" IS NOT DISTINCT FROM i."{c}"' for c in columns)
        keys = con.sql(f"SELECT i.* FROM incoming_rows i WHERE NOT EXISTS (SELECT 1 FROM {table_name} s WHERE {on})").pl()
    if keys.height == 0:
        return frame.clear()
    return frame.join(keys.cast(dict(frame.select(columns).schema)), on=columns, how="semi", nulls_equal=True)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def load_chunk(
    con: duckdb.DuckDBPyConnection,
    *,
    articles: pl.DataFrame,
    mentions: dict[str, pl.DataFrame],
    documents: pl.DataFrame,
    quarantine: pl.DataFrame,
) -> list[str]:
    """Write one chunk of a run inside the run's open transaction. ``articles`` are new or changed
    articles; their previous mentions and quarantined rows are replaced by this chunk's."""
    with registered(con, "incoming_articles", articles, "articles"):
        replaced = [r[0] for r in con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM incoming_articles)").fetchall()]
        con.execute(f"INSERT INTO articles BY NAME (SELECT * FROM incoming_articles) {upsert_clause('articles')}"
                    + changed_only("articles"))
    if replaced:   # only articles stored before have rows to replace: new ones cost no scan
        for table in (*MENTION_TABLES, "quarantine"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [replaced])
    for table in MENTION_TABLES:
        with registered(con, "incoming_mentions", mentions[table], table):
            con.execute(f"INSERT INTO {table} BY NAME (SELECT * FROM incoming_mentions)")
    upsert_documents(con, documents)
    insert_quarantine(con, quarantine)
    loaded = articles["article_id"].to_list()
    lake.mark_dirty(con, "article", loaded)
    lake.mark_dirty(con, "quarantine", loaded + [k for k in quarantine["article_id"].to_list() if k])
    return replaced


def upsert_documents(con: duckdb.DuckDBPyConnection, documents: pl.DataFrame) -> None:
    """Registry rows follow the registry file; documents first seen in articles keep their first form,
    each column its first known value (a later article may state the signing the first one did not)."""
    decl = table("documents")
    updated = [c.name for c in decl.columns if c.name not in decl.grain and not c.set_once]
    # (the signing day comes with the signing value it is the day of, not from another article)
    kept = {c: f"coalesce({c}, EXCLUDED.{c})" for c in updated} | {
        "signed_on": "CASE WHEN signed_value IS NULL THEN EXCLUDED.signed_on ELSE signed_on END"}
    with registered(con, "incoming_documents", documents, "documents"):
        con.execute(f"INSERT INTO documents BY NAME (SELECT * FROM incoming_documents) "
                    f"ON CONFLICT ({', '.join(decl.grain)}) DO UPDATE SET "
                    + ", ".join(f"{c} = CASE WHEN EXCLUDED.is_registered THEN EXCLUDED.{c} ELSE {kept[c]} END"
                                for c in updated))


def insert_quarantine(con: duckdb.DuckDBPyConnection, quarantine: pl.DataFrame) -> None:
    with registered(con, "incoming_quarantine", quarantine, "quarantine"):
        con.execute("INSERT INTO quarantine BY NAME (SELECT * FROM incoming_quarantine) ON CONFLICT DO NOTHING")


def finish_run(
    con: duckdb.DuckDBPyConnection,
    *,
    registry_documents: pl.DataFrame,
    document_aliases: pl.DataFrame,
    ingest_errors: pl.DataFrame,
    quarantine: pl.DataFrame,
    run_row: dict,
    extra_load: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    replaced_articles: bool = True,
) -> None:
    """The run-level rows, written last in the run's transaction. ``replaced_articles``: the run
    replaced stored articles' mentions, so a derived document may have lost its last mention."""
    upsert_documents(con, registry_documents)
    if replaced_articles:
        # A derived document that no mention points to any more is gone from the data.
        con.execute("""DELETE FROM documents WHERE NOT is_registered AND document_id NOT IN
            (SELECT document_id FROM document_mentions WHERE document_id IS NOT NULL
             UNION SELECT unnest(document_ids) FROM document_mentions)""")
    if document_aliases.height or con.execute("SELECT count(*) FROM document_aliases").fetchone()[0]:
        con.execute("DELETE FROM document_aliases")
        with registered(con, "incoming_aliases", document_aliases, "document_aliases"):
            con.execute("INSERT INTO document_aliases BY NAME (SELECT * FROM incoming_aliases)")
    with registered(con, "incoming_errors", ingest_errors, "ingest_errors"):
        con.execute("INSERT INTO ingest_errors BY NAME (SELECT * FROM incoming_errors) ON CONFLICT DO NOTHING")
    insert_quarantine(con, quarantine)
    if extra_load:
        extra_load(con)
    write_run_row(con, run_row)


def write_run_row(con: duckdb.DuckDBPyConnection, run_row: dict) -> None:
    """A run's pipeline_runs row (a later write of the same run replaces it), marked for publishing."""
    columns = list(run_row)
    con.execute(f"INSERT OR REPLACE INTO pipeline_runs ({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})", [run_row[c] for c in columns])
    lake.mark_run_dirty(con, run_row["run_id"])


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, df: pl.DataFrame, table: str) -> Iterator[None]:
    """``df`` visible to SQL as ``name``, with the table's columns only."""
    columns = [c for c in table_columns(con, table) if c in df.columns]
    con.register(name, df.select(columns).to_arrow())
    try:
        yield
    finally:
        con.unregister(name)
