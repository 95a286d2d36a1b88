"""SQL of live sources and stories: the state a fetch run starts from, and the loading of its tables.

The state lives in the warehouse itself (raw_pages, fetch_log, fetch_resets, site_lines,
raw_archives), so it survives restarts and is published atomically with the articles it produced:
a run that dies leaves no half-state.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from transforms.boilerplate import LineStats, SiteLines
from transforms.stories import FINGERPRINT_VERSION, MAX_INDEXED_PER_STORY, Fingerprint, StoryMember
from warehouse.load import registered, upsert_clause


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime
    content_sha256: str | None = None     # of its latest body
    archive_path: str | None = None       # where that body is in the raw archive
    content_type: str | None = None       # its Content-Type (a feed or listing answering 304 is read from there)


# A page that failed transiently (timeout, 5xx …) is tried again in this many runs, then given up.
MAX_TRANSIENT_RUNS = 3


@dataclass(frozen=True)
class FetchState:
    validators: dict[str, Validators] = field(default_factory=dict)   # url -> of its latest body
    settled: frozenset[str] = frozenset()   # page URLs not to request again: archived, failed for good, given up
    retry: dict[str, list[str]] = field(default_factory=dict)        # source -> page URLs to try again
    given_up: dict[str, list[str]] = field(default_factory=dict)     # source -> page URLs failed for good or given up
    revalidate: dict[str, list[str]] = field(default_factory=dict)   # source -> articles to request again
    # page URL -> the day its feed item gave, for a stored article dated by its feed: a page fetched
    # again without its feed item (revalidated, retried, refetched) keeps that evidence
    feed_published: dict[str, dt.date] = field(default_factory=dict)


# fetch_log rows that count: those after the URL's last reset (fetch_resets)
_COUNTED_LOG = """(SELECT l.* FROM fetch_log l LEFT JOIN (SELECT url, max(reset_at) AS reset_at FROM fetch_resets
                   GROUP BY url) r USING (url)
                   WHERE l.kind = 'page' AND (r.reset_at IS NULL OR l.fetched_at >= r.reset_at))"""


def read_fetch_state(con: duckdb.DuckDBPyConnection, run_at: dt.datetime | None = None,
                     revalidate_days: float = 0, revalidate_hours: float = 0) -> FetchState:
    """What the next fetch run needs to know. A page is revalidated (requested again, conditionally)
    when it was kept as an article, first fetched within ``revalidate_days`` before ``run_at`` and
    last requested at least ``revalidate_hours`` before it."""
    validators = {row[0]: Validators(*row[1:]) for row in con.execute(
        """SELECT c.url, c.etag, c.last_modified, c.fetched_at, c.content_sha256, r.archive_path, r.content_type
           FROM http_cache c JOIN raw_pages r USING (url, content_sha256)""").fetchall()}
    failed_for_good = f"""
        SELECT url FROM {_COUNTED_LOG} WHERE status = 'failed' AND NOT is_transient
        UNION SELECT url FROM {_COUNTED_LOG} WHERE status = 'failed' AND is_transient
              GROUP BY url HAVING count(DISTINCT run_id) >= {MAX_TRANSIENT_RUNS}"""
    archived = {r[0] for r in con.execute("SELECT url FROM raw_pages WHERE kind = 'page'").fetchall()}
    given_up_urls = {r[0] for r in con.execute(failed_for_good).fetchall()} - archived
    settled = archived | given_up_urls
    retry: dict[str, list[str]] = {}
    for source, url in con.execute(f"""SELECT source, url FROM {_COUNTED_LOG} WHERE is_transient
                                       GROUP BY source, url ORDER BY min(fetched_at), url""").fetchall():
        if url not in settled:
            retry.setdefault(source, []).append(url)
    given_up: dict[str, list[str]] = {}
    for source, url in con.execute("""SELECT source, url FROM fetch_log WHERE kind = 'page'
                                      GROUP BY source, url ORDER BY min(fetched_at), url""").fetchall():
        if url in given_up_urls:
            given_up.setdefault(source, []).append(url)
    revalidate: dict[str, list[str]] = {}
    if run_at is not None and revalidate_days > 0:
        for source, url in con.execute(
                """SELECT c.source, c.url FROM http_cache c
                   JOIN (SELECT url, min(fetched_at) AS first_at FROM raw_pages WHERE kind = 'page' GROUP BY url) f
                        USING (url)
                   JOIN (SELECT url, max(fetched_at) AS last_at, bool_or(reason = 'article') AS was_article
                         FROM fetch_log WHERE kind = 'page' GROUP BY url) l USING (url)
                   WHERE c.kind = 'page' AND l.was_article AND f.first_at >= ? AND l.last_at <= ?
                   ORDER BY f.first_at DESC, c.url""",
                [run_at - dt.timedelta(days=revalidate_days),
                 run_at - dt.timedelta(hours=revalidate_hours)]).fetchall():
            revalidate.setdefault(source, []).append(url)
    feed_published = dict(con.execute("""SELECT source, published FROM articles
                                         WHERE published_source = 'feed' AND source_format = 'html'""").fetchall())
    return FetchState(validators, frozenset(settled), retry, given_up, revalidate, feed_published)


def sources_of(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, str]:
    """The source that last requested each of ``urls`` (those never requested are left out)."""
    return dict(con.execute("""SELECT url, arg_max(source, fetched_at) FROM fetch_log
                               WHERE url IN (SELECT unnest(?::VARCHAR[])) GROUP BY url""", [urls]).fetchall())


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


def read_story_texts(con: duckdb.DuckDBPyConnection, story_ids: list[str]) -> list[tuple[str, str, str, bool]]:
    """(story_id, article_id, text, is_supplement) of the stored articles of ``story_ids``, in the
    order they were stored: what a near copy's sentences are compared with."""
    return con.execute("""SELECT a.story_id, a.article_id, a.text, coalesce(s.extracted = 'new_sentences', false)
                          FROM articles a LEFT JOIN article_sources s ON s.article_id = a.article_id
                          WHERE a.story_id IN (SELECT unnest(?::VARCHAR[]))
                          ORDER BY a.ingested_at, a.article_id""", [story_ids]).fetchall()


def read_supplements(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
    """Which of ``article_ids`` are stored for the sentences they add to their story only."""
    return {r[0] for r in con.execute("""SELECT article_id FROM article_sources WHERE extracted = 'new_sentences'
                                         AND article_id IN (SELECT unnest(?::VARCHAR[]))""", [article_ids]).fetchall()}


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
                      quarantine: pl.DataFrame, fetch_resets: pl.DataFrame | None = None) -> None:
    """raw_pages: a body already recorded for a URL keeps its first row, with the newest validators
    (so the next conditional request uses them); fetch_log, quarantine and reset rows are added."""
    frames = {"raw_pages": raw_pages, "fetch_log": fetch_log, "quarantine": quarantine}
    if fetch_resets is not None:
        frames["fetch_resets"] = fetch_resets
    with _incoming(con, frames):
        con.execute("""INSERT INTO raw_pages BY NAME (SELECT * FROM incoming_raw_pages)
                       ON CONFLICT (url, content_sha256) DO UPDATE SET etag = EXCLUDED.etag,
                           last_modified = EXCLUDED.last_modified""")
        con.execute("INSERT INTO fetch_log BY NAME (SELECT * FROM incoming_fetch_log)")
        con.execute("INSERT INTO quarantine BY NAME (SELECT * FROM incoming_quarantine) ON CONFLICT DO NOTHING")
        if fetch_resets is not None:
            con.execute("INSERT INTO fetch_resets BY NAME (SELECT * FROM incoming_fetch_resets) ON CONFLICT DO NOTHING")


def read_archived_pages(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The latest body of every page URL, with what is needed to read it again: the feed's date of
    its stored article, when that is where the article's date came from (the feed is not read again)."""
    cursor = con.execute("""SELECT c.url, c.final_url, c.source, c.fetched_at, r.content_type, r.archive_path,
                                   a.article_id, CASE WHEN a.published_source = 'feed' THEN a.published END AS feed_published
                            FROM http_cache c JOIN raw_pages r USING (url, content_sha256)
                            LEFT JOIN articles a ON a.source = c.url AND a.source_format = 'html'
                            WHERE c.kind = 'page' ORDER BY c.fetched_at, c.url""")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def read_pages_with_lines(con: duckdb.DuckDBPyConnection, lines: list[str]) -> list[dict]:
    """The archived pages (as ``read_archived_pages``) of stored articles whose text holds one of ``lines``."""
    if not lines:
        return []
    cursor = con.execute("""SELECT DISTINCT c.url, c.final_url, c.source, c.fetched_at, r.content_type, r.archive_path,
                                   a.article_id, CASE WHEN a.published_source = 'feed' THEN a.published END AS feed_published
                            FROM articles a JOIN http_cache c ON c.url = a.source
                            JOIN raw_pages r ON r.url = c.url AND r.content_sha256 = c.content_sha256
                            WHERE a.source_format = 'html' AND c.kind = 'page'
                              AND EXISTS (SELECT 1 FROM (SELECT unnest(?::VARCHAR[]) AS line) l
                                          WHERE contains(a.text, l.line))
                            ORDER BY c.fetched_at, c.url""", [lines])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def read_source_status(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    cursor = con.execute("SELECT * FROM source_fetch_status")
    columns = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(columns, row)) for row in cursor.fetchall()}


# ---- sites: boilerplate lines, the archive --------------------------------------------------------

SITE_LINE_COLUMNS = ("site", "line_sha256", "line", "n_pages", "page_signatures", "first_seen_at", "last_seen_at")


def read_site_lines(con: duckdb.DuckDBPyConnection, min_pages: int, sites: list[str] | None = None) -> SiteLines:
    """What is known of the lines of ``sites`` (None: every site)."""
    rows = con.execute(f"""SELECT {', '.join(SITE_LINE_COLUMNS)} FROM site_lines
                           WHERE ?::VARCHAR[] IS NULL OR site IN (SELECT unnest(?::VARCHAR[]))""",
                       [sites, sites]).fetchall()
    lines = {(r[0], r[1]): LineStats(r[0], r[1], r[2], tuple(r[4]), r[3], r[5], r[6]) for r in rows}
    return SiteLines(min_pages, lines)


def site_lines_frame(lines: SiteLines, *, run_id: str, only_changed: bool = True) -> pl.DataFrame:
    from warehouse.tables import polars_schema

    keys = lines.changed if only_changed else lines.lines.keys()
    return pl.DataFrame([{
        "site": s.site, "line_sha256": s.line_sha256, "line": s.line, "n_pages": s.n_pages,
        "page_signatures": list(s.page_signatures), "is_boilerplate": s.n_pages >= lines.min_pages,
        "first_seen_at": s.first_seen_at, "last_seen_at": s.last_seen_at, "run_id": run_id,
    } for s in (lines.lines[k] for k in sorted(keys))], schema=polars_schema("site_lines"))


def load_site_lines(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame, *, replace_all: bool,
                    forget_before: dt.datetime | None) -> None:
    """Write what was learned of the sites' lines (``replace_all``: every page was counted again, as
    by ``ruaz reprocess --from-raw``); forget lines of one page last seen before ``forget_before``."""
    with registered(con, "incoming_site_lines", rows, "site_lines"):
        if replace_all:
            con.execute("DELETE FROM site_lines")
        con.execute("INSERT INTO site_lines BY NAME (SELECT * FROM incoming_site_lines) " + upsert_clause("site_lines"))
    if forget_before is not None:
        con.execute("DELETE FROM site_lines WHERE n_pages = 1 AND last_seen_at < ?", [forget_before])


def load_dropped_lines(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame, article_ids: list[str]) -> None:
    """The lines dropped from each of ``article_ids`` as read in this run replace the ones recorded
    before (an unchanged row keeps its first run_id); rows of an article not stored are left out."""
    with registered(con, "incoming_dropped_lines", rows, "dropped_lines"):
        con.execute("""DELETE FROM dropped_lines d WHERE d.article_id IN (SELECT unnest(?::VARCHAR[]))
                       AND NOT EXISTS (SELECT 1 FROM incoming_dropped_lines i WHERE i.article_id = d.article_id
                                       AND i.line_index = d.line_index AND i.line_sha256 = d.line_sha256)""",
                    [article_ids])
        con.execute("""INSERT INTO dropped_lines BY NAME (SELECT * FROM incoming_dropped_lines
                       WHERE article_id IN (SELECT article_id FROM articles)) ON CONFLICT DO NOTHING""")


def archive_root_for(db_path: Path, raw_dir: Path) -> str:
    """How a warehouse records its archive: relative to the warehouse's folder when under it."""
    folder, raw = Path(db_path).resolve().parent, Path(raw_dir).resolve()
    try:
        return str(raw.relative_to(folder))
    except ValueError:
        return str(raw)


def record_archive(con: duckdb.DuckDBPyConnection, archive_root: str, run_at: dt.datetime, run_id: str) -> None:
    con.execute("""INSERT INTO raw_archives VALUES (?, ?, ?, ?) ON CONFLICT (archive_root) DO UPDATE
                   SET last_used_at = EXCLUDED.last_used_at, run_id = EXCLUDED.run_id""",
                [archive_root, run_at, run_at, run_id])


def read_archive_roots(con: duckdb.DuckDBPyConnection, db_path: Path) -> list[Path]:
    """The warehouse's archive folders, most recently used first, resolved against its folder."""
    folder = Path(db_path).resolve().parent
    return [folder / root for (root,) in con.execute(
        "SELECT archive_root FROM raw_archives ORDER BY last_used_at DESC, archive_root").fetchall()]
