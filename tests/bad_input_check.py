"""Check a warehouse against the manifest of scripts/bad_inputs.py: what became of every input unit."""
from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

EXTRACTION_FAILURES = {"extraction_failed", "extraction_timeout"}


def unaccounted(db: Path, manifest: Path) -> list[str]:
    """Every unit of the manifest whose fate in ``db`` is not the expected one, in words (empty: all
    accounted for)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = {r[0]: (r[1], r[2]) for r in con.execute("SELECT article_id, source, source_line FROM articles").fetchall()}
        at_line = {(r[1], r[2]) for r in con.execute("SELECT article_id, source, source_line FROM articles").fetchall()}
        errors: dict[tuple[str, int | None], list[tuple[str, str]]] = {}
        for source, line, reason, severity in con.execute(
                "SELECT source, source_line, reason, severity FROM ingest_errors").fetchall():
            errors.setdefault((source, line), []).append((reason, severity))
        quarantined = {r[0] for r in con.execute(
            "SELECT article_id FROM quarantine WHERE table_name = 'articles' AND error IS NOT NULL").fetchall()}
    finally:
        con.close()
    wrong = []
    for unit in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()):
        where = (unit["source"], unit["line"])
        found = errors.get(where, [])
        kind, _, reason = unit["expect"].partition(":")
        loaded = where in at_line or (unit["id"] in articles and kind == "warned")
        if unit.get("or_unreadable") and os.geteuid() != 0:
            if ("unreadable", "error") in errors.get((unit["or_unreadable"], None), []):
                continue
        ok = {
            "loaded": loaded,
            "warned": loaded and (reason, "warning") in found,
            "rejected": not loaded and (reason, "error") in found,
            "recorded": any(r == reason for r, _ in found),
            "loaded_or_failed": loaded or (any((r in EXTRACTION_FAILURES and s == "error") for r, s in found)
                                           and unit["id"] in quarantined),
        }[kind]
        if not ok:
            wrong.append(f"{unit['case']} ({unit['source']}:{unit['line']}, expected {unit['expect']}): "
                         f"loaded={loaded}, ingest_errors={found}")
    return wrong
