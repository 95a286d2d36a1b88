"""What the test files share: paths, sample texts, warehouse queries, a flow call, hypothesis strategies.

Import it as ``helpers`` (pytest puts tests/ on the path). Fixtures are in conftest.py, which no
test imports: pytest loads it once, as itself.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pytest
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
RUN_AT = dt.datetime(2026, 11, 1, 6, 0)

# the tables a run writes its data to (pipeline_runs, the run log, grows with every run)
DATA_TABLES = ("articles", "date_mentions", "count_mentions", "document_mentions", "documents",
               "document_aliases", "ingest_errors", "quarantine")


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test when this checkout has no ../shared."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available here")
    return path


# ---- sample texts --------------------------------------------------------------------------------

def sample_articles() -> list[dict]:
    """The bundled sample articles (samples/articles.jsonl): id, text, language, published …"""
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def sample_texts() -> list[tuple[str, str]]:
    """(text, language) of every sample article, the seed article included."""
    return [(a["text"], a["language"]) for a in sample_articles()] + [
        ((SAMPLES / "seed.txt").read_text(encoding="utf-8"), "az")]


# ---- the warehouse -------------------------------------------------------------------------------

def query(db: Path | str, sql: str, params: Sequence | None = None) -> list[tuple]:
    """Rows of a read-only query on a warehouse file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params or [])).fetchall()
    finally:
        con.close()


def dump(db: Path | str, tables: Iterable[str] = DATA_TABLES) -> dict[str, list[tuple]]:
    """Every row of each table, sorted: equal dumps, equal data."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
    finally:
        con.close()


def run_files(inputs, db, export_dir=None, run_at=RUN_AT, task_runner="thread", workers=2, policy=None, **options):
    """``run_pipeline`` on files and folders (needs the ``prefect_engine`` fixture)."""
    from flows.pipeline import RunOptions, run_pipeline, with_task_runner

    return with_task_runner(run_pipeline, task_runner, workers)(
        inputs=[str(p) for p in inputs], db=str(db), export_dir=str(export_dir) if export_dir else None,
        run_at=run_at, options=RunOptions(**options), policy=policy)


# ---- hypothesis ----------------------------------------------------------------------------------

@st.composite
def mangled(draw, sentences: Sequence[str], pieces: Sequence[str] = (" ", "-", ".", ",", "\n")) -> str:
    """One of ``sentences`` with up to six random edits: a piece inserted, characters deleted,
    a stretch upper-cased, the text rotated, or Turkic dotted and dotless i's swapped."""
    text = draw(st.sampled_from(list(sentences)))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "upper", "swap", "dots"]))
        if edit == "insert":
            text = text[:i] + draw(st.sampled_from(list(pieces))) + text[i:]
        elif edit == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 5)):]
        elif edit == "dots":                # the i's that case folding treats differently
            text = text[:i] + text[i:].translate(str.maketrans(draw(st.sampled_from(
                ["iI", "Iİ", "iı", "ıi", "İı"])), draw(st.sampled_from(["İı", "ıİ", "Iİ", "iI"]))))
        elif edit == "upper":
            text = text[:i] + text[i:i + 12].upper() + text[i + 12:]
        else:
            text = text[i:] + " " + text[:i]
    return text


def soup(pieces: Sequence[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts made of ``pieces`` joined without spaces."""
    return st.lists(st.sampled_from(list(pieces)), max_size=max_size).map("".join)


# ---- writing a warehouse without the Prefect engine --------------------------------------------

def write_warehouse(db: Path | str, write, export_dir: Path | str | None = None, at: dt.datetime = RUN_AT,
                    run_id: str = "test-run"):
    """Call ``write(con)`` on the warehouse's state store in one transaction, then publish it (a new
    lake snapshot and reader's warehouse); return what was published."""
    from warehouse import lake, reader, store

    db = Path(db)
    with store.writer_lock(db), store.open_state(db, at) as con:
        con.begin()
        write(con)
        lake.mark_all_dirty(con)
        con.commit()
        return reader.publish(con, db, store.WarehousePaths(db).lake(export_dir), run_id=run_id, published_at=at,
                              extractor_version="test", schema_version="test")


def copy_warehouse(db: Path | str, target: Path | str) -> Path:
    """A copy of a warehouse: its reader's file and its private folder (state store, lake if private).
    The copy's first publish links the files of the original's lake (the same file system)."""
    import shutil

    from warehouse.store import WarehousePaths

    source, target = WarehousePaths(Path(db)), WarehousePaths(Path(target))
    shutil.copy(source.db, target.db)
    shutil.copytree(source.private, target.private, ignore=shutil.ignore_patterns("writer.lock"), symlinks=True)
    return target.db


def hold_writer_lock(db, ready, release) -> None:
    """Hold a warehouse's writer lock until ``release`` is set (the target of another process)."""
    from warehouse import store

    with store.writer_lock(db):
        ready.set()
        release.wait(60)
