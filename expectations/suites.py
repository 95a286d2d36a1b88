"""One Great Expectations suite per table, built from the table's declaration (warehouse/tables/).

Column facts become GX expectations: the key not null and unique, every required column not null,
allowed values, regular expressions, ranges, ``first <= then`` pairs. A foreign key the run can
check and each named rule of the declaration become a boolean column chk_<name> (computed by
expectations/checks.py) that the suite expects to be True.

    .venv/bin/python -m expectations.suites DIR    # write the suites as GX JSON (e.g. for Data Docs)
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from warehouse.tables import VALIDATED_TABLES, Table, table


def check_names(decl: Table) -> list[tuple[str, str]]:
    """(chk_ column, why) of every check of the table that is not a GX column fact."""
    checks = [(f"chk_{c.references.check}",
               f"foreign key: {c.name}, when set, is a {c.references.table}.{c.references.column} known to this run")
              for c in decl.columns if c.references and c.references.check]
    return checks + [(f"chk_{r.name}", r.description) for r in decl.rules]


def suite_json(name: str) -> dict:
    """The table's suite as GX ExpectationSuite keyword arguments (plain JSON but for date bounds)."""
    decl = table(name)
    expectations: list[dict] = []

    def expect(kind: str, why: str | None = None, **kwargs) -> None:
        entry = {"type": f"expect_{kind}", "kwargs": kwargs}
        if why:
            entry["meta"] = {"why": why}
        expectations.append(entry)

    for column in decl.grain:
        expect("column_values_to_not_be_null", column=column)
    grain = f"grain: one row per {', '.join(decl.grain)}"
    if len(decl.grain) == 1:
        expect("column_values_to_be_unique", grain, column=decl.grain[0])
    else:
        expect("compound_columns_to_be_unique", grain, column_list=list(decl.grain))
    for c in decl.columns:
        if c.is_required and c.name not in decl.grain:
            expect("column_values_to_not_be_null", column=c.name)
        if c.values and c.closed:
            expect("column_values_to_be_in_set", column=c.name, value_set=[v.value for v in c.values])
        if c.regex:
            expect("column_values_to_match_regex", column=c.name, regex=c.regex)
        if c.minimum is not None or c.maximum is not None:
            bounds = {k: _gx_bound(v) for k, v in (("min_value", c.minimum), ("max_value", c.maximum)) if v is not None}
            expect("column_values_to_be_between", column=c.name, **bounds)
    for pair in decl.ordered:
        expect("column_pair_values_a_to_be_greater_than_b", pair.description, column_A=pair.then,
               column_B=pair.first, or_equal=True, ignore_row_if="either_value_is_missing")
    for column, why in check_names(decl):
        expect("column_values_to_be_in_set", why, column=column, value_set=[True])
    return {"name": name, "expectations": expectations,
            "meta": {"generated_from": f"warehouse/tables/ declaration of {name}"}}


def _gx_bound(value):
    # pandas holds dates as timestamps, which GX compares with datetimes only
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def write_suites(out_dir: Path) -> list[Path]:
    """Every table's suite as a GX JSON file in ``out_dir`` (nothing reads them back: the
    declarations are the source)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in VALIDATED_TABLES:
        path = out_dir / f"{name}.json"
        path.write_text(json.dumps(suite_json(name), indent=2, ensure_ascii=False, default=str) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_suites(Path(sys.argv[1] if len(sys.argv) > 1 else "gx-suites")):
        print(written)
