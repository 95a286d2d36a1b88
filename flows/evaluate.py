"""`ruaz evaluate`: the warehouse's mentions scored against gold annotations (transforms/evaluation.py)."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

from transforms.evaluation import COLUMNS, MEANING_COLUMNS, score
from warehouse.store import connect_read_only

TABLES = {"dates": "date_mentions", "counts": "count_mentions", "documents": "document_mentions"}


def read_mentions(con: duckdb.DuckDBPyConnection, kind: str) -> dict[str, list[dict[str, Any]]]:
    """article_id -> the mention rows of one kind, with the meaning columns the table has (NULL
    for the others, as the reference scorer reads them)."""
    table = TABLES[kind]
    have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                                      [table]).fetchall()}
    columns = [*COLUMNS[kind], *(c if c in have else f"NULL AS {c}" for c in MEANING_COLUMNS[kind])]
    cursor = con.execute(f"SELECT {', '.join(columns)} FROM {table}")
    names = [d[0] for d in cursor.description]
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        rows[row["article_id"]].append(row)
    return rows


def evaluate_warehouse(gold_path: Path, db_path: Path, max_errors: int = 0) -> dict[str, Any]:
    gold = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    con = connect_read_only(db_path)
    try:
        articles = {r[0]: (r[1], r[2]) for r in con.execute("SELECT article_id, language, text FROM articles").fetchall()}
        system = {kind: read_mentions(con, kind) for kind in TABLES}
    finally:
        con.close()
    return score(gold, articles, system, max_errors=max_errors)
