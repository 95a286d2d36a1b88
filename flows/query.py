"""Read-only SQL on the warehouse for `ruaz sql`: results as a table, CSV, JSON or Parquet, and a prompt.

Queries run on a read-only connection to the published snapshot, so they never block a run. In
CSV, list and struct values (``document_overview.languages``, ``documents.parties`` …) are written
as JSON text, which any CSV reader keeps in one cell and any language can decode.

Read-only for the machine too (``sandbox``): once the warehouse is open, DuckDB's access to
anything else is switched off (``enable_external_access = false``) except to the folders its views
read (Parquet files a view is defined over), and the configuration is locked so that no query can
switch it back. So no query can read other files (``read_csv('/etc/passwd')``, ``read_text``,
``glob``), attach another database, install or load an extension, or reach the network; and COPY
and EXPORT are refused outright (a file is written with ``--out``, by this program).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TextIO

import duckdb
import polars as pl

from warehouse.store import connect_read_only

FILE_FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".pq": "parquet"}


class QueryError(Exception):
    """DuckDB refused the query; the message is DuckDB's, on one line."""


def _one_line(exc: duckdb.Error) -> str:
    """DuckDB's message without the echo of the query under it ('LINE 1: …' and a caret)."""
    lines = []
    for line in str(exc).splitlines():
        if re.match(r"\s*LINE \d+:", line):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines)


# Statements that write files or reach beyond the warehouse: refused before DuckDB sees them (its
# own switch, below, stops the rest; this one also stops COPY TO into a folder a view reads).
_REFUSED = {
    duckdb.StatementType.COPY: "COPY writes or reads files: write a result with --out FILE",
    duckdb.StatementType.EXPORT: "EXPORT DATABASE writes files: use `ruaz export`",
    duckdb.StatementType.COPY_DATABASE: "COPY FROM DATABASE writes another database",
    duckdb.StatementType.EXTENSION: "extensions are not loaded",
    duckdb.StatementType.ATTACH: "ATTACH opens another database",
    duckdb.StatementType.DETACH: "DETACH is not needed to read the warehouse",
    duckdb.StatementType.LOAD: "INSTALL and LOAD fetch and run extensions",
}


def execute(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame | None:
    """The query's result, or None for a statement without one (SET, PRAGMA …)."""
    try:
        for statement in duckdb.extract_statements(sql):
            if statement.type in _REFUSED:
                raise QueryError(f"not allowed in ruaz sql: {_REFUSED[statement.type]}")
        relation = con.sql(sql)
        return None if relation is None else relation.pl()
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None


def connect_sandboxed(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse that can read nothing else (see the module docstring)."""
    con = connect_read_only(db)
    try:
        sandbox(con)
    except BaseException:
        con.close()
        raise
    return con


def sandbox(con: duckdb.DuckDBPyConnection, readable: list[str] | None = None) -> None:
    """Switch off DuckDB's access to files, the network and extensions, except reading what the
    warehouse's views read (or the folders ``readable``), and lock the configuration."""
    folders = readable if readable is not None else view_folders(con)
    listed = ", ".join("'" + folder.replace("'", "''") + "'" for folder in folders)
    con.execute(f"SET allowed_directories = [{listed}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


# A quoted string in a view's SQL that names a file or a folder of files.
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_GLOB = re.compile(r"[*?\[{]")


def view_folders(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The folders the warehouse's views read files from (a view over Parquet files names them in a
    string): each file's folder, up to the first wildcard, made absolute as DuckDB would."""
    folders: set[str] = set()
    for (sql,) in con.execute("SELECT sql FROM duckdb_views() WHERE NOT internal AND sql IS NOT NULL").fetchall():
        for match in _QUOTED.finditer(sql):
            value = match.group(1).replace("''", "'")
            if "/" not in value:
                continue
            fixed = _GLOB.split(value, 1)[0]          # 'export/articles/**/*.parquet' -> 'export/articles/'
            if fixed.endswith("/"):
                folder = Path(fixed)
            elif fixed != value or Path(fixed).suffix:  # a file, or a name a wildcard completes
                folder = Path(fixed).parent
            else:
                folder = Path(fixed)
            folders.add(str(folder.resolve()).rstrip("/") + "/")
    return sorted(folders)


def run_query(db: Path, sql: str) -> pl.DataFrame | None:
    con = connect_sandboxed(db)
    try:
        return execute(con, sql)
    finally:
        con.close()


def _is_nested(dtype: pl.DataType) -> bool:
    return isinstance(dtype, (pl.List, pl.Array, pl.Struct, pl.Object))


def flat_for_csv(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with every list, array and struct column as JSON text (CSV has no nested values)."""
    nested = [name for name, dtype in frame.schema.items() if _is_nested(dtype)]
    return frame.with_columns(
        pl.Series(name, [None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                         for v in frame[name].to_list()], dtype=pl.Utf8)
        for name in nested)


def to_csv(frame: pl.DataFrame) -> str:
    return flat_for_csv(frame).write_csv()


def to_json(frame: pl.DataFrame) -> str:
    return frame.write_json()


def file_format_of(path: Path, file_format: str | None = None) -> str:
    """csv, json or parquet: ``file_format`` when given, else the extension's."""
    file_format = file_format or FILE_FORMATS.get(Path(path).suffix.lower())
    if file_format not in ("csv", "json", "parquet"):
        raise ValueError(f"cannot tell the format of {path}: name it .csv, .json or .parquet, or pass --format")
    return file_format


def write_result(frame: pl.DataFrame, path: Path, file_format: str | None = None) -> str:
    """Write ``frame`` to ``path`` as csv, json or parquet (``file_format``, else the extension);
    return the format written."""
    file_format = file_format_of(path, file_format)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if file_format == "csv":
        path.write_text(to_csv(frame), encoding="utf-8")
    elif file_format == "json":
        path.write_text(to_json(frame) + "\n", encoding="utf-8")
    else:
        frame.write_parquet(path)
    return file_format


def format_table(frame: pl.DataFrame, *, max_rows: int = 50, max_width: int | None = None) -> str:
    """The first ``max_rows`` rows as a table, then how many were left out. Text is shown whole
    unless ``max_width`` cuts it."""
    shown = frame.head(max_rows) if max_rows >= 0 else frame
    longest = max([len(str(v)) for c in shown.columns for v in shown[c].to_list()] + [60])
    with pl.Config(tbl_rows=max(shown.height, 1), tbl_cols=-1, fmt_str_lengths=max_width or longest,
                   fmt_table_cell_list_len=-1 if max_width is None else 10, tbl_width_chars=65_535,
                   tbl_hide_dataframe_shape=True):
        table = str(shown)
    left_out = frame.height - shown.height
    footer = f"{frame.height} row{'' if frame.height == 1 else 's'}" if not left_out else (
        f"{frame.height} rows; the first {shown.height} shown, {left_out} left out (--max-rows N, or --out FILE)")
    return f"{table}\n{footer}"


PROMPT_HELP = ("read-only SQL on {db}; end each query with ';'. "
               ".tables lists the tables and views, .quit (or Ctrl-D) leaves.")


def prompt(db: Path, stdin: TextIO, stdout: TextIO, *, max_rows: int = 50, max_width: int | None = None) -> int:
    """Read queries (each ending with ';') from ``stdin`` and print their results; errors are one
    line and the prompt goes on. Exit code 1 when reading from a pipe and a query failed."""
    con = connect_sandboxed(db)
    interactive = stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:
            pass
        print(PROMPT_HELP.format(db=db), file=stdout)
    failed, pending = False, []
    try:
        while True:
            try:
                line = input("ruaz> " if not pending else "  ...> ") if interactive else stdin.readline()
            except EOFError:
                break
            if not interactive and line == "":   # end of the piped input
                break
            command = line.strip()
            if not pending and command in (".quit", ".exit"):
                break
            if not pending and command == ".tables":
                command = "SELECT table_name AS name, table_type AS kind FROM information_schema.tables ORDER BY 1;"
            if not pending and not command:
                continue
            pending.append(command)
            if command.endswith(";"):
                failed |= not _answer(con, "\n".join(pending), stdout, max_rows, max_width)
                pending = []
        if pending:
            failed |= not _answer(con, "\n".join(pending), stdout, max_rows, max_width)
    finally:
        con.close()
    return 1 if failed and not interactive else 0


def _answer(con: duckdb.DuckDBPyConnection, sql: str, stdout: TextIO, max_rows: int, max_width: int | None) -> bool:
    try:
        frame = execute(con, sql)
    except QueryError as exc:
        print(f"error: {exc}", file=stdout)
        return False
    if frame is not None:
        print(format_table(frame, max_rows=max_rows, max_width=max_width), file=stdout)
    return True
