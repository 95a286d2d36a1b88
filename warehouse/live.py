"""SQL of live sources and stories: the state a fetch run starts from, and the loading of its tables.

The state lives in the warehouse itself (raw_pages, fetch_log), so it survives restarts and is
published atomically with the articles it produced: a run that dies leaves no half-state.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import duckdb
import numpy as np
import polars as pl

from transforms.stories import FINGERPRINT_VERSION, MAX_INDEXED_PER_STORY, Fingerprint, StoryMember
from warehouse.load import registered, upsert_clause


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime


# A page that failed transiently (timeout, 5xx …) is tried again in this many runs, then given up.
MAX_TRANSIENT_RUNS = 3


@dataclass(frozen=True)
class FetchState:
    validators: dict[str, Validators] = field(default_factory=dict)   # url -> of its latest body
    settled: frozenset[str] = frozenset()   # page URLs not to request again: archived, failed for good, given up
    retry: dict[str, list[str]] = field(default_factory=dict)   # source -> page URLs to try again


def read_fetch_state(con: duckdb.DuckDBPyConnection) -> FetchState:
    validators = {url: Validators(etag, last_modified, fetched_at) for url, etag, last_modified, fetched_at in
                  con.execute("SELECT url, etag, last_modified, fetched_at FROM http_cache").fetchall()}
    settled = {r[0] for r in con.execute(
        """SELECT url FROM raw_pages WHERE kind = 'page'
           UNION SELECT url FROM fetch_log WHERE kind = 'page' AND status = 'failed' AND NOT is_transient
           UNION SELECT url FROM fetch_log WHERE kind = 'page' AND is_transient
                 GROUP BY url HAVING count(DISTINCT run_id) >= ?""", [MAX_TRANSIENT_RUNS]).fetchall()}
    retry: dict[str, list[str]] = {}
    for source, url in con.execute("""SELECT source, url FROM fetch_log WHERE kind = 'page' AND is_transient
                                      GROUP BY source, url ORDER BY min(fetched_at), url""").fetchall():
        if url not in settled:
            retry.setdefault(source, []).append(url)
    return FetchState(validators, frozenset(settled), retry)


def read_story_index(con: duckdb.DuckDBPyConnection, article_ids: list[str],
                     since: dt.datetime | None) -> tuple[list[StoryMember], dict[str, str]]:
    """The stored articles a new article may copy (ingested since ``since``, None = all), and the
    stories of ``article_ids`` that are already stored."""
    kept = dict(con.execute("""SELECT article_id, story_id FROM articles
                               WHERE story_id IS NOT NULL AND article_id IN (SELECT unnest(?::VARCHAR[]))""",
                            [article_ids]).fetchall())
    # Only the members that stand for their story in the near-copy index (stories.MAX_INDEXED_PER_STORY,
    # in the order they are added) bring their MinHash: for the others the content key is enough.
    rows = con.sql("""SELECT a.article_id, a.story_id, f.content_key,
                             CASE WHEN f.minhash IS NOT NULL AND row_number() OVER (
                                 PARTITION BY a.story_id, f.minhash IS NULL ORDER BY a.ingested_at, a.article_id) <= ?
                             THEN f.minhash END AS minhash
                      FROM articles a JOIN article_fingerprints f USING (article_id)
                      WHERE a.story_id IS NOT NULL AND f.fingerprint_version = ?
                        AND (?::TIMESTAMP IS NULL OR a.ingested_at >= ?::TIMESTAMP)
                      ORDER BY a.ingested_at, a.article_id""",
                   params=[MAX_INDEXED_PER_STORY, FINGERPRINT_VERSION, since, since]).pl()
    members = [StoryMember(article_id, story_id,
                           Fingerprint(key, None if minhash is None else np.asarray(minhash, dtype="<u4").tobytes()))
               for article_id, story_id, key, minhash in rows.iter_rows()]
    return members, kept


@contextmanager
def _incoming(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> Iterator[None]:
    """Each frame registered as incoming_<table> while the block runs."""
    with ExitStack() as stack:
        for table, frame in frames.items():
            stack.enter_context(registered(con, f"incoming_{table}", frame, table))
        yield


def load_story_tables(con: duckdb.DuckDBPyConnection, article_sources: pl.DataFrame,
                      fingerprints: pl.DataFrame) -> None:
    """A location keeps the story it was first found in; an article's fingerprint follows its text."""
    with _incoming(con, {"article_sources": article_sources, "article_fingerprints": fingerprints}):
        con.execute("INSERT INTO article_sources BY NAME (SELECT * FROM incoming_article_sources) ON CONFLICT DO NOTHING")
        con.execute("INSERT INTO article_fingerprints BY NAME (SELECT * FROM incoming_article_fingerprints) "
                    + upsert_clause("article_fingerprints"))


def load_fetch_tables(con: duckdb.DuckDBPyConnection, raw_pages: pl.DataFrame, fetch_log: pl.DataFrame,
                      quarantine: pl.DataFrame) -> None:
    """raw_pages: a body already recorded for a URL keeps its first row, with the newest validators
    (so the next conditional request uses them); fetch_log and quarantine rows are added."""
    with _incoming(con, {"raw_pages": raw_pages, "fetch_log": fetch_log, "quarantine": quarantine}):
        con.execute("""INSERT INTO raw_pages BY NAME (SELECT * FROM incoming_raw_pages)
                       ON CONFLICT (url, content_sha256) DO UPDATE SET etag = EXCLUDED.etag,
                           last_modified = EXCLUDED.last_modified""")
        con.execute("INSERT INTO fetch_log BY NAME (SELECT * FROM incoming_fetch_log)")
        con.execute("INSERT INTO quarantine BY NAME (SELECT * FROM incoming_quarantine) ON CONFLICT DO NOTHING")


def read_archived_pages(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The latest body of every page URL, with what is needed to read it again."""
    cursor = con.execute("""SELECT c.url, c.final_url, c.source, c.fetched_at, r.content_type, r.archive_path
                            FROM http_cache c JOIN raw_pages r USING (url, content_sha256)
                            WHERE c.kind = 'page' ORDER BY c.fetched_at, c.url""")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def read_source_status(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    cursor = con.execute("SELECT * FROM source_fetch_status")
    columns = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(columns, row)) for row in cursor.fetchall()}
