"""The DuckDB catalog against the declarations (warehouse/tables/): differences and comments.

``differences`` lists where the schema the migrations made disagrees with the declarations
(tests run it on a throwaway warehouse). ``apply_comments`` writes every declared description as
COMMENT ON TABLE / VIEW / COLUMN; the migration runner calls it after the migrations and views,
so existing warehouses get them too. It only writes the comments that differ (idempotent).
"""
from __future__ import annotations

from collections.abc import Iterable

import duckdb

from warehouse.tables import TABLES, VIEWS, Table, View


def differences(con: duckdb.DuckDBPyConnection, tables: Iterable[Table] = (),
                views: Iterable[View] = ()) -> list[str]:
    """Every disagreement between the declarations and the catalog: missing or extra relations and
    columns, types, nullability, primary keys (default: all declared tables and views)."""
    tables = list(tables) or list(TABLES.values())
    views = list(views) or list(VIEWS.values())
    out = []
    in_db = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    views_in_db = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    out += [f"table {t} is not declared" for t in sorted(in_db - {t.name for t in tables})]
    out += [f"view {v} is not declared" for v in sorted(views_in_db - {v.name for v in views})]
    for decl in tables:
        if decl.name not in in_db:
            out.append(f"table {decl.name} is declared but not migrated")
            continue
        rows = con.execute("SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = ?",
                           [decl.name]).fetchall()
        out += _column_differences(decl.name, {c: (t, n) for c, t, n in rows},
                                   {c.name: (c.type, c.nullable) for c in decl.columns})
        key = con.execute("SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
                          "AND constraint_type = 'PRIMARY KEY'", [decl.name]).fetchone()
        if tuple(key[0] if key else ()) != decl.grain:
            out.append(f"{decl.name}: primary key {tuple(key[0]) if key else ()} but grain {decl.grain}")
    for decl in views:
        if decl.name not in views_in_db:
            out.append(f"view {decl.name} is declared but not created")
            continue
        rows = con.execute(f"DESCRIBE {decl.name}").fetchall()
        # a view's columns are all nullable to DuckDB: compare names and types
        out += _column_differences(decl.name, {r[0]: (r[1], True) for r in rows},
                                   {c.name: (c.type, True) for c in decl.columns})
    return out


def _column_differences(name: str, in_db: dict, declared: dict) -> list[str]:
    out = [f"{name}.{c} is migrated but not declared" for c in sorted(set(in_db) - set(declared))]
    out += [f"{name}.{c} is declared but not migrated" for c in sorted(set(declared) - set(in_db))]
    for c in sorted(set(in_db) & set(declared)):
        (db_type, db_null), (type_, nullable) = in_db[c], declared[c]
        if db_type != type_:
            out.append(f"{name}.{c}: type {db_type} in the warehouse, {type_} declared")
        if db_null != nullable:
            out.append(f"{name}.{c}: {'nullable' if db_null else 'NOT NULL'} in the warehouse, "
                       f"{'nullable' if nullable else 'NOT NULL'} declared")
    return out


def declared_comments() -> dict[tuple[str, str, str | None], str]:
    """(kind, relation, column or None) -> comment, for every declared table, view and column."""
    out: dict[tuple[str, str, str | None], str] = {}
    for kind, relations in (("TABLE", TABLES.values()), ("VIEW", VIEWS.values())):
        for relation in relations:
            out[(kind, relation.name, None)] = relation.comment()
            for column in relation.columns:
                out[(kind, relation.name, column.name)] = column.comment()
    return out


def current_comments(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str | None], str | None]:
    out: dict[tuple[str, str, str | None], str | None] = {}
    for name, comment in con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall():
        out[("TABLE", name, None)] = comment
    for name, comment in con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall():
        out[("VIEW", name, None)] = comment
    kinds = {name: kind for kind, name, _ in out}
    for relation, column, comment in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal").fetchall():
        if relation in kinds:
            out[(kinds[relation], relation, column)] = comment
    return out


def apply_comments(con: duckdb.DuckDBPyConnection) -> int:
    """COMMENT ON every declared table, view and column whose comment differs; how many were written."""
    current = current_comments(con)
    written = 0
    for (kind, relation, column), comment in declared_comments().items():
        key = (kind, relation, column)
        if key not in current or current[key] == comment:
            continue    # not in this warehouse (a test's partial schema), or already right
        target = f'COLUMN "{relation}"."{column}"' if column else f'{kind} "{relation}"'
        con.execute(f"COMMENT ON {target} IS {sql_string(comment)}")
        written += 1
    return written


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
