"""The Parquet lake: the read side of the warehouse, published as immutable snapshots.

The pipeline's DuckDB state store (warehouse/store.py) is private; what readers see is the lake:

    <lake>/_manifest.json                     the pointer: the current snapshot's manifest (replaced atomically)
    <lake>/current -> snapshots/<id>          the same pointer as a symbolic link, for globbing readers
    <lake>/snapshots/<id>/_manifest.json      a snapshot's manifest (export time, run, versions, tables)
    <lake>/snapshots/<id>/<table>/[language=…/published_year=…/]part-<n>-0.parquet

A snapshot directory is complete and never changes once its name exists. Its files are hard links:
a file written by an earlier snapshot and still current is linked into the new one, not copied, so
a run costs what it changed, not the size of the warehouse. Readers that follow the pointer (the
reader's warehouse, ``warehouse.reader.open_snapshot``, or ``current`` resolved once) read one
snapshot, whole; old snapshots stay for a grace period (``snapshot_grace_hours``) for readers still
on them, then a later run deletes them.

**Segments.** The rows of a table are cut into files by a *lake key*: the article of an article or
mention row (all article tables share the cut, partitioned by the article's language and
publication year), the run of a run-log row. A run marks the keys it wrote as dirty (in the same
transaction as the rows); publishing writes, per partition, ONE new segment holding the dirty keys'
rows (read from the state store) and the rows of the older segments it replaces (read from their
Parquet files, not from the store): segments that lost a key, and small segments merged in
(size-tiered: when a partition holds FANOUT - 1 segments of a size class, they are merged into the
next one; a segment of ``target_keys`` or more is never merged again; merging is capped per run).
So a file is rewritten only when one of its keys changed or when it is merged, and the number of
files stays bounded. Small tables (documents, aliases, migrations) are one file, rewritten when
its bytes would differ. A schema change (a migration, a new layout, changed descriptions) rewrites
that table's family once.

**Order of a publish** (each step leaves a state the next run can finish): the new snapshot is
built in a temporary folder and renamed into place; the state store records it (keys, segments,
files) and forgets the dirty keys in one transaction; then the pointer moves (``_manifest.json``,
``current``) and the reader's warehouse is rebuilt. A run that dies before the state records the
snapshot leaves its keys dirty (the next run publishes them); one that dies after it leaves the
pointer behind, and the next run moves it first.

The content hash of a table (``files_sha256``) is the sha256 of the ``sha256sum`` lines of its
files (``<sha256>  <path relative to the snapshot>``, sorted by path, each ending in a newline):
``cd snapshots/<id> && find articles -name '*.parquet' | sort | xargs sha256sum | sha256sum``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import shutil
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse.catalog import sql_string
from warehouse.tables import TABLES, table

LAYOUT_VERSION = 2            # bump when the files' layout changes: every table is rewritten once
POINTER = "_manifest.json"
CURRENT_LINK = "current"
SNAPSHOTS = "snapshots"
DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"
PARTITION_COLUMNS = ("language", "published_year")
FANOUT = 4                    # segments of one size class merged at once
MERGE_BUDGET_KEYS = 50_000    # keys merged per family per publish, at most (the rest waits for later runs)


@dataclass(frozen=True)
class Family:
    """Tables whose files are cut by the same keys."""
    name: str
    key_table: str            # the table whose keys are the family's keys
    partitioned: bool = False
    target_keys: int = 20_000  # a segment this big is not merged again
    whole: bool = False        # one file per table, rewritten when it changes


@dataclass(frozen=True)
class LakeTable:
    name: str
    family: str
    key: str                  # SQL over the table's columns: the row's lake key
    order: str                # row order inside a file


FAMILIES = {f.name: f for f in (
    Family("article", "articles", partitioned=True, target_keys=20_000),
    Family("quarantine", "quarantine", target_keys=20_000),
    Family("run", "pipeline_runs", target_keys=2_000),
    Family("whole", "", whole=True),
)}

_SPECS = (
    LakeTable("articles", "article", "article_id", "article_id"),
    LakeTable("date_mentions", "article", "article_id", "article_id, start_char, end_char"),
    LakeTable("count_mentions", "article", "article_id", "article_id, start_char, end_char"),
    LakeTable("document_mentions", "article", "article_id", "article_id, start_char, end_char"),
    LakeTable("article_fingerprints", "article", "article_id", "article_id"),
    LakeTable("quarantine", "quarantine", "coalesce(article_id, run_id)", "quarantine_id"),
    LakeTable("pipeline_runs", "run", "run_id", "run_id"),
    LakeTable("ingest_errors", "run", "first_run_id", "error_id"),
    LakeTable("article_sources", "run", "run_id", "location"),
    LakeTable("raw_pages", "run", "run_id", "url, content_sha256"),
    LakeTable("fetch_log", "run", "run_id", "run_id, url"),
)


def lake_tables() -> dict[str, LakeTable]:
    """Every declared table and how the lake cuts it; a table without a spec here is one file
    (rewritten when it changes), which is always correct."""
    specs = {s.name: s for s in _SPECS}
    return {name: specs.get(name, LakeTable(name, "whole", "''", "ALL")) for name in TABLES}


def family_tables(family: str) -> list[LakeTable]:
    return [t for t in lake_tables().values() if t.family == family]


BOOKKEEPING_SQL = """
CREATE SCHEMA IF NOT EXISTS lake;
-- keys written since the last publish (in the same transaction as their rows)
CREATE TABLE IF NOT EXISTS lake.dirty (family VARCHAR NOT NULL, key VARCHAR NOT NULL, PRIMARY KEY (family, key));
-- which segment holds each key's rows
CREATE TABLE IF NOT EXISTS lake.keys (family VARCHAR NOT NULL, key VARCHAR NOT NULL, segment_id VARCHAR NOT NULL,
                                      PRIMARY KEY (family, key));
CREATE TABLE IF NOT EXISTS lake.segments (family VARCHAR NOT NULL, segment_id VARCHAR NOT NULL,
                                          partition VARCHAR NOT NULL, n_keys BIGINT NOT NULL,
                                          PRIMARY KEY (family, segment_id));
-- the files of the published snapshot (segment_id 'empty': the zero-row file of an empty table)
CREATE TABLE IF NOT EXISTS lake.files (table_name VARCHAR NOT NULL, segment_id VARCHAR NOT NULL, path VARCHAR NOT NULL,
                                       n_rows BIGINT NOT NULL, n_bytes BIGINT NOT NULL, sha256 VARCHAR NOT NULL,
                                       PRIMARY KEY (table_name, segment_id));
-- the snapshot last published (one row) and each table's schema in it
CREATE TABLE IF NOT EXISTS lake.published (lake_dir VARCHAR NOT NULL, snapshot_id VARCHAR NOT NULL,
                                           seq BIGINT NOT NULL, layout INTEGER NOT NULL, published_at TIMESTAMP NOT NULL,
                                           run_id VARCHAR, schemas JSON NOT NULL);
"""


class PublishError(RuntimeError):
    """The run's rows are loaded but could not be published (the next run publishes them)."""


def ensure_bookkeeping(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(BOOKKEEPING_SQL)


# ---- marking what a run wrote ----------------------------------------------------------------------

def mark_dirty(con: duckdb.DuckDBPyConnection, family: str, keys: list[str]) -> None:
    """``keys`` of ``family`` were written: publish them (call inside the transaction that wrote them)."""
    if not keys:
        return
    con.execute("INSERT OR IGNORE INTO lake.dirty SELECT ?, unnest(?::VARCHAR[])", [family, list(dict.fromkeys(keys))])


def mark_run_dirty(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """The run's own rows (run log, input problems, story sources, fetch log, raw pages) and the
    rows of earlier runs it updated (raw pages whose validators changed) are to be published."""
    keys = [run_id]
    if _has_table(con, "raw_pages") and _has_table(con, "fetch_log"):
        keys += [r[0] for r in con.execute(
            """SELECT DISTINCT r.run_id FROM raw_pages r JOIN
                   (SELECT url, content_sha256 FROM fetch_log WHERE run_id = ? AND content_sha256 IS NOT NULL) f
                   USING (url, content_sha256)""", [run_id]).fetchall()]
    mark_dirty(con, "run", keys)
    mark_dirty(con, "quarantine", [run_id])


def mark_all_dirty(con: duckdb.DuckDBPyConnection) -> None:
    """Every key of every family is to be published again (rows written without marking them)."""
    for family in FAMILIES.values():
        _mark_family_dirty(con, family)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
                            [name]).fetchone()[0])


# ---- schemas and manifests ---------------------------------------------------------------------------

EXTRA_COLUMNS = {
    "language": ("VARCHAR", "The language of the row's article (articles.language); a partition key of the lake "
                            "(__HIVE_DEFAULT_PARTITION__ in folder names when unknown)."),
    "published_year": ("INTEGER", "The year of the row's article's publication date (articles.published); a "
                                  "partition key of the lake (__HIVE_DEFAULT_PARTITION__ in folder names when unknown)."),
}


def declared_columns(con: duckdb.DuckDBPyConnection, table_name: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of the table's columns as the state store has them, in order."""
    return [(name, type_) for name, type_ in con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
        "ORDER BY column_index", [table_name]).fetchall()]


def file_schema(con: duckdb.DuckDBPyConnection, table_name: str) -> list[dict]:
    """The columns of the table's files: its own, then the partition columns for article tables;
    each with its one declared type and its description."""
    decl = TABLES.get(table_name)
    described = {c.name: c.comment() for c in decl.columns} if decl else {}
    columns = [{"name": n, "type": t, "description": described.get(n, "")} for n, t in declared_columns(con, table_name)]
    if FAMILIES[lake_tables()[table_name].family].partitioned:
        have = {c["name"] for c in columns}
        columns += [{"name": n, "type": t, "description": d} for n, (t, d) in EXTRA_COLUMNS.items() if n not in have]
    return columns


def _kv_metadata(table_name: str, schema: list[dict]) -> str:
    pairs = {"ruaz_layout_version": str(LAYOUT_VERSION), "ruaz_table": table_name,
             **{f"ruaz.column.{c['name']}": c["description"] for c in schema}}
    return "KV_METADATA {" + ", ".join(f'"{k}": {sql_string(v)}' for k, v in pairs.items()) + "}"


def files_sha256(files: list[dict]) -> str:
    """The documented content hash of a table: sha256 of its files' sha256sum lines, sorted by path."""
    lines = "".join(f"{f['sha256']}  {f['path']}\n" for f in sorted(files, key=lambda f: f["path"]))
    return hashlib.sha256(lines.encode()).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _select_list(schema: list[dict], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'CAST({prefix}"{c["name"]}" AS {c["type"]}) AS "{c["name"]}"' for c in schema)


# ---- publishing ------------------------------------------------------------------------------------

@dataclass
class Published:
    """What a publish did."""
    snapshot_id: str
    lake_dir: Path
    manifest: dict
    n_files_written: int = 0
    n_files_linked: int = 0
    n_keys_written: int = 0
    n_keys_merged: int = 0
    unchanged: bool = False
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class _Previous:
    lake_dir: Path
    snapshot_id: str
    seq: int
    layout: int
    schemas: dict


def previous_snapshot(con: duckdb.DuckDBPyConnection) -> _Previous | None:
    rows = con.execute("SELECT lake_dir, snapshot_id, seq, layout, schemas FROM lake.published").fetchall()
    if not rows:
        return None
    row = rows[0]
    return _Previous(Path(row[0]), row[1], row[2], row[3], json.loads(row[4]))


def snapshot_dir(lake_dir: Path, snapshot_id: str) -> Path:
    return Path(lake_dir) / SNAPSHOTS / snapshot_id


def read_pointer(lake_dir: Path) -> dict | None:
    try:
        return json.loads((Path(lake_dir) / POINTER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def has_pending(con: duckdb.DuckDBPyConnection, lake_dir: Path) -> bool:
    """Is there anything to publish: dirty keys, a new lake folder, a pointer left behind?"""
    previous = previous_snapshot(con)
    if previous is None or previous.lake_dir != Path(lake_dir).resolve() or previous.layout != LAYOUT_VERSION:
        return True
    if con.execute("SELECT count(*) FROM lake.dirty").fetchone()[0]:
        return True
    pointer = read_pointer(lake_dir)
    return pointer is None or pointer.get("snapshot_id") != previous.snapshot_id


def publish(con: duckdb.DuckDBPyConnection, lake_dir: Path, *, run_id: str | None, published_at: dt.datetime,
            extractor_version: str, schema_version: str, before_commit=None,
            families: set[str] | None = None) -> Published:
    """Publish the state store's tables as a new snapshot of ``lake_dir`` (incrementally: only the
    dirty keys' segments are written). ``con`` is the state store, outside any transaction.
    ``before_commit(con)``: the last writes of the run (its pipeline_runs row), made inside the
    publishing transaction before the run's own rows are written to the snapshot. ``families``:
    publish only these families' dirty keys (a failed run publishes its run row, not its chunks)."""
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    lake_dir = Path(lake_dir).resolve()
    previous = previous_snapshot(con)
    seq = (previous.seq + 1) if previous else 1
    snapshot_id = f"{seq:08d}-{run_id or 'export'}"
    (lake_dir / SNAPSHOTS).mkdir(parents=True, exist_ok=True)
    building = lake_dir / SNAPSHOTS / f".building-{snapshot_id}-{uuid.uuid4().hex[:6]}"
    building.mkdir()
    result = Published(snapshot_id, lake_dir, {})
    con.begin()
    try:
        previous_dir = _usable_previous(con, previous, lake_dir)
        schemas = {name: file_schema(con, name) for name in lake_tables()}
        _mark_changed_schemas_dirty(con, previous if previous_dir else None, schemas)
        files_before = _current_files(con)
        kept_paths: set[str] = set()
        if previous_dir is None:
            families = None   # a first or full publish takes everything
        for family in FAMILIES.values():
            if family.name == "run" and before_commit is not None:
                before_commit(con, snapshot_id)
            if families is not None and family.name not in families:
                kept_paths |= {f["path"] for s in family_tables(family.name) for f in files_before.get(s.name, [])}
                continue
            if family.whole:
                kept = _publish_whole(con, family, building, seq, schemas, files_before, result)
            else:
                kept = _publish_segments(con, family, building, previous_dir, seq, schemas, files_before, result)
            kept_paths |= kept
        timings["write"] = time.perf_counter() - clock
        _write_empty_tables(con, building, seq, schemas, result)
        files = _current_files(con)
        for paths in files.values():
            for f in paths:
                if f["path"] in kept_paths:
                    _link(previous_dir / f["path"], building / f["path"])
                    result.n_files_linked += 1
        manifest = _manifest(snapshot_id, run_id, published_at, extractor_version, schema_version, schemas, files)
        _write_json(building / POINTER, manifest)
        _fsync_tree(building)
        final = snapshot_dir(lake_dir, snapshot_id)
        os.replace(building, final)
        _fsync(final.parent)
        con.execute("DELETE FROM lake.published")
        con.execute("INSERT INTO lake.published VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [str(lake_dir), snapshot_id, seq, LAYOUT_VERSION, published_at, run_id, json.dumps(schemas)])
        if families is None:
            con.execute("DELETE FROM lake.dirty")
        else:
            con.execute("DELETE FROM lake.dirty WHERE family IN (SELECT unnest(?::VARCHAR[]))", [sorted(families)])
        con.commit()
    except BaseException:
        con.rollback()
        shutil.rmtree(building, ignore_errors=True)
        raise
    timings["snapshot"] = time.perf_counter() - clock - timings["write"]
    move_pointer(lake_dir, manifest)
    result.manifest = manifest
    result.timings = {k: round(v, 3) for k, v in timings.items()}
    return result


def move_pointer(lake_dir: Path, manifest: dict) -> None:
    """Make ``manifest``'s snapshot the current one: ``_manifest.json``, then ``current``."""
    lake_dir = Path(lake_dir)
    _write_json(lake_dir / POINTER, manifest, atomic=True)
    link_tmp = lake_dir / f".{CURRENT_LINK}-{uuid.uuid4().hex[:8]}"
    os.symlink(Path(SNAPSHOTS) / manifest["snapshot_id"], link_tmp)
    current = lake_dir / CURRENT_LINK
    if current.is_dir() and not current.is_symlink():
        # a copy of the lake that followed the link (shutil.copytree, cp -L) made it a folder: the
        # snapshot it copied is in snapshots/ too, and readers follow _manifest.json first
        shutil.rmtree(current)
    os.replace(link_tmp, current)
    _fsync(lake_dir)


def manifest_of(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The manifest of the snapshot the state store last recorded (to move a pointer left behind)."""
    previous = previous_snapshot(con)
    if previous is None:
        return None
    try:
        return json.loads((snapshot_dir(previous.lake_dir, previous.snapshot_id) / POINTER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def _usable_previous(con: duckdb.DuckDBPyConnection, previous: _Previous | None, lake_dir: Path) -> Path | None:
    """The previous snapshot's folder when its files can be reused; otherwise every key is dirty and
    the bookkeeping starts over (a new lake folder, a new layout, a lost snapshot)."""
    if previous is not None and previous.layout == LAYOUT_VERSION:
        folder = snapshot_dir(previous.lake_dir, previous.snapshot_id)
        if folder.is_dir() and previous.lake_dir == lake_dir:
            return folder
        if folder.is_dir() and _same_device(folder, lake_dir):
            # the lake moved (another --export folder): link the old snapshot's files from there
            return folder
    for sql in ("DELETE FROM lake.keys", "DELETE FROM lake.segments", "DELETE FROM lake.files"):
        con.execute(sql)
    for family in FAMILIES.values():
        _mark_family_dirty(con, family)
    return None


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except FileNotFoundError:
        return False


def _mark_family_dirty(con: duckdb.DuckDBPyConnection, family: Family) -> None:
    if family.whole:
        return   # whole tables are compared every time
    for spec in family_tables(family.name):
        if _has_table(con, spec.name):
            con.execute(f"INSERT OR IGNORE INTO lake.dirty SELECT DISTINCT ?, ({spec.key})::VARCHAR FROM {spec.name} "
                        f"WHERE ({spec.key}) IS NOT NULL", [family.name])


def _mark_changed_schemas_dirty(con: duckdb.DuckDBPyConnection, previous: _Previous | None, schemas: dict) -> None:
    """A table whose columns, types or descriptions changed is rewritten whole, with its family."""
    if previous is None:
        return
    changed = {lake_tables()[name].family for name, schema in schemas.items() if previous.schemas.get(name) != schema}
    for name in changed:
        family = FAMILIES[name]
        if family.whole:
            continue
        con.execute("DELETE FROM lake.keys WHERE family = ?", [name])
        con.execute("DELETE FROM lake.segments WHERE family = ?", [name])
        con.execute("DELETE FROM lake.files WHERE table_name IN (SELECT unnest(?::VARCHAR[]))",
                    [[t.name for t in family_tables(name)]])
        _mark_family_dirty(con, family)


def _current_files(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for table_name, segment_id, path, n_rows, n_bytes, sha in con.execute(
            "SELECT table_name, segment_id, path, n_rows, n_bytes, sha256 FROM lake.files ORDER BY path").fetchall():
        out[table_name].append({"segment_id": segment_id, "path": path, "rows": n_rows, "bytes": n_bytes,
                                "sha256": sha})
    return out


def _level(n_keys: int) -> int:
    return int(math.log(max(n_keys, 1), FANOUT))


def _partition_sql(alias: str = "a") -> str:
    """The hive partition folder of an article row (as DuckDB's PARTITION_BY names it)."""
    return (f"'language=' || coalesce({alias}.language, '{DEFAULT_PARTITION}') || '/published_year=' || "
            f"coalesce(year({alias}.published)::VARCHAR, '{DEFAULT_PARTITION}')")


def _publish_segments(con, family: Family, building: Path, previous_dir: Path | None, seq: int, schemas: dict,
                      files_before: dict, result: Published) -> set[str]:
    """Write the family's new segments (one per partition touched); return the paths of the
    previous snapshot's files that stay."""
    specs = [s for s in family_tables(family.name) if _has_table(con, s.name)]
    all_paths = {f["path"] for s in specs for f in files_before.get(s.name, [])}
    dirty = [r[0] for r in con.execute("SELECT key FROM lake.dirty WHERE family = ?", [family.name]).fetchall()]
    if not dirty:
        return all_paths
    con.execute("CREATE OR REPLACE TEMP TABLE _dirty AS SELECT unnest(?::VARCHAR[]) AS key", [dirty])
    # where each dirty key lives now (a key whose rows are all gone has no partition: it only leaves)
    if family.partitioned:
        con.execute(f"""CREATE OR REPLACE TEMP TABLE _placed AS
                        SELECT a.article_id AS key, {_partition_sql('a')} AS partition
                        FROM articles a SEMI JOIN _dirty d ON a.article_id = d.key""")
    else:
        present = " UNION ".join(f"SELECT ({s.key})::VARCHAR AS key FROM {s.name} WHERE ({s.key})::VARCHAR IN "
                                 f"(SELECT key FROM _dirty)" for s in specs)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _placed AS SELECT DISTINCT key, '' AS partition FROM ({present})")
    touched = con.execute("""SELECT DISTINCT s.segment_id, s.partition, s.n_keys FROM lake.keys k
                             JOIN lake.segments s USING (family, segment_id)
                             WHERE k.family = ? AND k.key IN (SELECT key FROM _dirty)""", [family.name]).fetchall()
    partitions = {p for (p,) in con.execute("SELECT DISTINCT partition FROM _placed").fetchall()}
    partitions |= {p for _, p, _ in touched}
    consumed = {s for s, _, _ in touched}
    # size-tiered merging of the small segments of each partition that gets a new segment
    n_new = dict(con.execute("SELECT partition, count(*) FROM _placed GROUP BY 1").fetchall())
    n_kept_of_touched = dict(con.execute(
        """SELECT s.partition, count(*) FROM lake.keys k JOIN lake.segments s USING (family, segment_id)
           WHERE k.family = ? AND k.segment_id IN (SELECT unnest(?::VARCHAR[])) AND k.key NOT IN (SELECT key FROM _dirty)
           GROUP BY 1""", [family.name, list(consumed)]).fetchall()) if consumed else {}
    budget = MERGE_BUDGET_KEYS
    for partition in sorted(partitions):
        size = n_new.get(partition, 0) + n_kept_of_touched.get(partition, 0)
        small = sorted(con.execute("SELECT segment_id, n_keys FROM lake.segments WHERE family = ? AND partition = ? "
                                   "AND n_keys < ?", [family.name, partition, family.target_keys]).fetchall(),
                       key=lambda r: r[1])
        small = [(s, n) for s, n in small if s not in consumed]
        while True:
            level = _level(max(size, 1))
            same = [(s, n) for s, n in small if _level(n) <= level]
            merged = sum(n for _, n in same)
            if len(same) < FANOUT - 1 or merged > budget:
                break
            consumed |= {s for s, _ in same}
            small = [x for x in small if x not in same]
            size += merged
            budget -= merged
            result.n_keys_merged += merged
    # the new segments' members: dirty keys where they live now, and the other keys of consumed segments
    con.execute("CREATE OR REPLACE TEMP TABLE _consumed AS SELECT unnest(?::VARCHAR[]) AS segment_id",
                [sorted(consumed)])
    con.execute("""CREATE OR REPLACE TEMP TABLE _members AS
                   SELECT key, partition FROM _placed
                   UNION ALL
                   SELECT k.key, s.partition FROM lake.keys k JOIN lake.segments s USING (family, segment_id)
                   WHERE k.family = ? AND k.segment_id IN (SELECT segment_id FROM _consumed)
                     AND k.key NOT IN (SELECT key FROM _dirty)""", [family.name])
    old_files = {s.name: [f for f in files_before.get(s.name, []) if f["segment_id"] in consumed] for s in specs}
    written: dict[str, list[dict]] = {}
    for spec in specs:
        written[spec.name] = _write_segment_files(con, spec, family, building, previous_dir, seq,
                                                  schemas[spec.name], old_files[spec.name])
        result.n_files_written += len(written[spec.name])
    result.n_keys_written += len(dirty)
    # bookkeeping: the consumed segments go, the new ones come
    segment_of = lambda p: f"{seq:08d}" if not p else f"{p}/{seq:08d}"  # noqa: E731
    con.execute("DELETE FROM lake.keys WHERE family = ? AND (segment_id IN (SELECT segment_id FROM _consumed) "
                "OR key IN (SELECT key FROM _dirty))", [family.name])
    con.execute("DELETE FROM lake.segments WHERE family = ? AND segment_id IN (SELECT segment_id FROM _consumed)",
                [family.name])
    con.execute("DELETE FROM lake.files WHERE table_name IN (SELECT unnest(?::VARCHAR[])) AND "
                "segment_id IN (SELECT segment_id FROM _consumed)", [[s.name for s in specs]])
    # a table that has rows again loses its zero-row file
    con.execute("DELETE FROM lake.files WHERE segment_id = 'empty' AND table_name IN (SELECT unnest(?::VARCHAR[]))",
                [[name for name, files in written.items() if files]])
    con.execute(f"""INSERT INTO lake.keys SELECT ?, key,
                        CASE WHEN partition = '' THEN '{seq:08d}' ELSE partition || '/{seq:08d}' END
                    FROM (SELECT DISTINCT key, partition FROM _members)""", [family.name])
    con.execute(f"""INSERT INTO lake.segments SELECT ?, CASE WHEN partition = '' THEN '{seq:08d}'
                        ELSE partition || '/{seq:08d}' END, partition, count(DISTINCT key)
                    FROM _members GROUP BY partition""", [family.name])
    for table_name, files in written.items():
        for f in files:
            con.execute("INSERT INTO lake.files VALUES (?, ?, ?, ?, ?, ?)",
                        [table_name, segment_of(f["partition"]), f["path"], f["rows"], f["bytes"], f["sha256"]])
    stale = {f["path"] for fs in old_files.values() for f in fs}
    return all_paths - stale


_PARTITION_VALUES = {"language": "{a}.language", "published_year": "year({a}.published)"}


def _write_segment_files(con, spec: LakeTable, family: Family, building: Path, previous_dir: Path | None, seq: int,
                         schema: list[dict], old_files: list[dict]) -> list[dict]:
    """One COPY: the new segment of every partition of one table. Rows of dirty keys come from the
    state store, the other rows of replaced segments from their files."""
    target = building / spec.name
    own = {n for n, _ in declared_columns(con, spec.name)}
    added = [c["name"] for c in schema if c["name"] not in own]
    def partition_values(alias: str) -> str:
        return "".join(", " + _PARTITION_VALUES[n].format(a=alias) + f" AS {n}" for n in added)

    if spec.name == "articles":
        fresh = (f"SELECT t.*{partition_values('t')} "
                 f"FROM articles t WHERE t.article_id IN (SELECT key FROM _placed)")
    elif family.partitioned:
        fresh = (f"SELECT t.*{partition_values('a')} "
                 f"FROM {spec.name} t JOIN articles a ON a.article_id = t.article_id "
                 f"WHERE t.article_id IN (SELECT key FROM _placed)")
    else:
        fresh = f"SELECT t.* FROM {spec.name} t WHERE ({spec.key})::VARCHAR IN (SELECT key FROM _placed)"
    parts = [f"SELECT {_select_list(schema)} FROM ({fresh})"]
    if old_files and previous_dir is not None:
        paths = "[" + ", ".join(sql_string(str(previous_dir / f["path"])) for f in old_files) + "]"
        parts.append(f"SELECT {_select_list(schema)} FROM read_parquet({paths}) t "
                     f"WHERE ({spec.key})::VARCHAR NOT IN (SELECT key FROM _dirty)")
    columns = ", ".join(f'"{c["name"]}"' for c in schema)
    query = f"SELECT {columns} FROM ({' UNION ALL '.join(parts)}) ORDER BY {spec.order}"
    metadata = _kv_metadata(spec.name, schema)
    if family.partitioned:
        written = con.execute(
            f"COPY ({query}) TO {sql_string(str(target))} (FORMAT parquet, COMPRESSION zstd, "
            f"PARTITION_BY (language, published_year), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE, "
            f"FILENAME_PATTERN 'part-{seq:08d}-{{i}}', RETURN_FILES true, {metadata})").fetchone()[1]
    else:
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"part-{seq:08d}-0.parquet"
        n = con.execute(f"COPY ({query}) TO {sql_string(str(path))} (FORMAT parquet, COMPRESSION zstd, "
                        f"{metadata})").fetchone()[0]
        written = [str(path)] if n else []
        if not n:
            path.unlink(missing_ok=True)
    out = []
    for path in map(Path, written):
        relative = path.relative_to(building).as_posix()
        partition = "/".join(relative.split("/")[1:-1])
        n_rows = con.execute(f"SELECT count(*) FROM read_parquet({sql_string(str(path))})").fetchone()[0]
        out.append({"path": relative, "partition": partition, "rows": n_rows, "bytes": path.stat().st_size,
                    "sha256": sha256_file(path)})
    return out


def _publish_whole(con, family: Family, building: Path, seq: int, schemas: dict, files_before: dict,
                   result: Published) -> set[str]:
    """Small tables: one file each, written again and kept only when its bytes differ."""
    kept: set[str] = set()
    for spec in family_tables(family.name):
        if not _has_table(con, spec.name):
            continue
        schema = schemas[spec.name]
        target = building / spec.name
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"part-{seq:08d}-0.parquet"
        con.execute(f"COPY (SELECT {_select_list(schema)} FROM {spec.name} ORDER BY {spec.order}) TO "
                    f"{sql_string(str(path))} (FORMAT parquet, COMPRESSION zstd, {_kv_metadata(spec.name, schema)})")
        sha = sha256_file(path)
        before = files_before.get(spec.name, [])
        if len(before) == 1 and before[0]["sha256"] == sha and before[0]["segment_id"] == "whole":
            path.unlink()
            kept.add(before[0]["path"])
            continue
        n_rows = con.execute(f"SELECT count(*) FROM {spec.name}").fetchone()[0]
        con.execute("DELETE FROM lake.files WHERE table_name = ?", [spec.name])
        con.execute("INSERT INTO lake.files VALUES (?, 'whole', ?, ?, ?, ?)",
                    [spec.name, path.relative_to(building).as_posix(), n_rows, path.stat().st_size, sha])
        result.n_files_written += 1
    return kept


def _write_empty_tables(con, building: Path, seq: int, schemas: dict, result: Published) -> None:
    """A table with no rows gets one zero-row file, so readers learn its columns."""
    have = {t for (t,) in con.execute("SELECT DISTINCT table_name FROM lake.files WHERE segment_id <> 'empty'").fetchall()}
    for name in lake_tables():
        if name in have or not _has_table(con, name):
            continue
        if con.execute("SELECT count(*) FROM lake.files WHERE table_name = ? AND segment_id = 'empty'",
                       [name]).fetchone()[0]:
            continue   # its zero-row file is still current (linked)
        schema = schemas[name]
        (building / name).mkdir(parents=True, exist_ok=True)
        path = building / name / f"part-{seq:08d}-0.parquet"
        own = {n for n, _ in declared_columns(con, name)}
        added = "".join(f', NULL::{c["type"]} AS "{c["name"]}"' for c in schema if c["name"] not in own)
        con.execute(f"COPY (SELECT {_select_list(schema)} FROM (SELECT *{added} FROM {name}) WHERE false) TO "
                    f"{sql_string(str(path))} "
                    f"(FORMAT parquet, COMPRESSION zstd, {_kv_metadata(name, schema)})")
        con.execute("INSERT INTO lake.files VALUES (?, 'empty', ?, 0, ?, ?)",
                    [name, path.relative_to(building).as_posix(), path.stat().st_size, sha256_file(path)])
        result.n_files_written += 1


def _manifest(snapshot_id: str, run_id: str | None, published_at: dt.datetime, extractor_version: str,
              schema_version: str, schemas: dict, files: dict[str, list[dict]]) -> dict:
    tables = {}
    for name in lake_tables():
        if name not in schemas or name not in files:
            continue
        listed = [{k: f[k] for k in ("path", "rows", "bytes", "sha256")} for f in files[name]]
        partitioned = FAMILIES[lake_tables()[name].family].partitioned
        own = set(TABLES[name].column_names) if name in TABLES else set()
        tables[name] = {
            "rows": sum(f["rows"] for f in listed),
            "files_sha256": files_sha256(listed),
            "partitioned_by": list(PARTITION_COLUMNS) if partitioned else [],
            "added_columns": [c["name"] for c in schemas[name] if c["name"] in EXTRA_COLUMNS and c["name"] not in own],
            "description": TABLES[name].comment() if name in TABLES else "",
            "columns": schemas[name],
            "files": listed,
        }
    return {
        "snapshot_id": snapshot_id,
        "path": f"{SNAPSHOTS}/{snapshot_id}",
        "exported_at": published_at.isoformat(timespec="seconds"),
        "run_id": run_id,
        "extractor_version": extractor_version,
        "schema_version": schema_version,
        "layout_version": LAYOUT_VERSION,
        "content_hash": "files_sha256 = sha256 of the table's `sha256sum` lines ('<sha256>  <path>\\n', paths relative "
                        "to the snapshot folder, sorted by path)",
        "tables": tables,
    }


# ---- files -----------------------------------------------------------------------------------------

def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:          # another file system, or no hard links: a copy is correct, only slower
        shutil.copy2(source, target)


def _write_json(path: Path, payload: dict, atomic: bool = False) -> None:
    text = json.dumps(payload, indent=1, ensure_ascii=False) + "\n"
    target = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}") if atomic else path
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    if atomic:
        os.replace(target, path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush the new files and the folders of a snapshot before it is named (hard links share
    their data with files already flushed)."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.stat().st_nlink == 1:
                _fsync(path)
        _fsync(Path(folder))


def collect_garbage(con: duckdb.DuckDBPyConnection, lake_dir: Path, grace: dt.timedelta, now: float | None = None) -> list[str]:
    """Delete the snapshots (and abandoned temporary folders) older than ``grace`` that are neither
    current nor the one the state store builds on. The pointer's snapshot is always kept."""
    lake_dir = Path(lake_dir)
    root = lake_dir / SNAPSHOTS
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    keep = set()
    previous = previous_snapshot(con)
    if previous is not None:
        keep.add(previous.snapshot_id)
    pointer = read_pointer(lake_dir)
    if pointer:
        keep.add(pointer.get("snapshot_id"))
    removed = []
    for folder in root.iterdir():
        if folder.name in keep:
            continue
        try:
            age = now - folder.stat().st_mtime
        except FileNotFoundError:
            continue
        if age >= grace.total_seconds():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed
