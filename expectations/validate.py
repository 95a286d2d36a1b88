"""Run a table's Great Expectations suite on a frame before it is loaded.

GX cannot validate DuckDB tables (STACK-NOTES), so frames are validated in memory. The suites are
built from the table declarations (expectations/suites.py); the checks GX has no expectation for
(text equals the slice of the article, offsets inside the text, foreign keys) are computed first as
boolean ``chk_*`` columns (expectations/checks.py) that the suites expect to be True. Rows that
fail any expectation are split off with the names of what they failed; they go to the quarantine
table, never silently away.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from expectations import checks
from expectations.suites import suite_json
from warehouse.tables import STRICT_TABLES, VALIDATED_TABLES, table

TABLES = VALIDATED_TABLES
__all__ = ["STRICT_TABLES", "TABLES", "Validated", "ValidationError", "validate", "validate_strict"]


class ValidationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Validated:
    table: str
    valid: pl.DataFrame              # rows that passed every expectation (chk_* columns removed)
    rejected: pl.DataFrame           # failing rows (chk_* removed) + failed_expectations: list[str]
    n_expectations: int
    failed_expectations: dict[str, int]   # expectation label -> rows failing it


def expectation_label(expectation: dict) -> str:
    kwargs = expectation.get("kwargs", {})
    columns = kwargs.get("column") or ",".join(kwargs.get("column_list", []) or
                                               [kwargs.get("column_A", ""), kwargs.get("column_B", "")])
    return f"{expectation['type']}({columns})"


_CONTEXT_LOCK = threading.Lock()
_CONTEXT = None


def _context():
    global _CONTEXT
    with _CONTEXT_LOCK:   # the warm-up thread and the first validation must not build two
        if _CONTEXT is None:
            _CONTEXT = _build_context()
        return _CONTEXT


def _build_context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX pins some module loggers to INFO at import; their chatter is not for our users.
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("ruaz").add_dataframe_asset("frame")
    return gx, asset.add_batch_definition_whole_dataframe("whole")


def warm_up() -> None:
    """Import Great Expectations and build its context in a background thread (~4 s of imports),
    so that the first validation does not wait for it when the run has other work to do first
    (reading inputs, planning, or a Prefect server starting)."""
    threading.Thread(target=_context, name="gx-warm-up", daemon=True).start()


@lru_cache(maxsize=None)
def _suite_json(table_name: str) -> dict:
    return suite_json(table_name)


@lru_cache(maxsize=None)
def _suite(table_name: str):
    gx, _ = _context()
    return gx.ExpectationSuite(**_suite_json(table_name))


@lru_cache(maxsize=None)
def _columns_for_gx(table_name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the columns the suite reads, those of them it only checks for nulls)."""
    by_column: dict[str, set[str]] = {}
    for expectation in _suite_json(table_name)["expectations"]:
        kwargs = expectation.get("kwargs", {})
        for column in (kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B"),
                       *(kwargs.get("column_list") or ())):
            if column:
                by_column.setdefault(column, set()).add(expectation["type"])
    only_nulls = {c for c, kinds in by_column.items() if kinds == {"expect_column_values_to_not_be_null"}}
    return frozenset(by_column), frozenset(only_nulls)


def add_checks(table_name: str, df: pl.DataFrame, *, article_texts: pl.DataFrame | None = None,
               known_document_ids: Iterable[str] = ()) -> pl.DataFrame:
    """The chk_* columns of a table. article_texts: article_id, text of the articles loaded in this run."""
    return checks.add_checks(table(table_name), df, checks.CheckInputs.of(article_texts, known_document_ids))


def validate(table: str, df: pl.DataFrame, **check_inputs) -> Validated:
    """Validate ``df`` against the table's suite; split it into valid and rejected rows."""
    n_expectations = len(_suite_json(table)["expectations"])
    checked = add_checks(table, df, **check_inputs)
    if checked.height == 0:
        return Validated(table, df, _with_failures(df.clear(), []), n_expectations, {})
    _, batch_definition = _context()
    # Only the columns the suite reads go to pandas, and a column it only checks for nulls goes as
    # a null/True marker: texts and sentences would double memory for nothing.
    read, only_nulls = _columns_for_gx(table)
    needed = [pl.when(pl.col(c).is_not_null()).then(True).alias(c) if c in only_nulls else pl.col(c)
              for c in checked.columns if c in read]
    batch = batch_definition.get_batch(batch_parameters={"dataframe": checked.select(needed).to_pandas()})
    result = batch.validate(_suite(table), result_format={"result_format": "COMPLETE"})
    failures: dict[int, list[str]] = {}
    failed_counts: dict[str, int] = {}
    for expectation_result in result.results:
        if expectation_result.success:
            continue
        config = expectation_result.expectation_config
        label = expectation_label({"type": config.type, "kwargs": dict(config.kwargs)})
        indices = expectation_result.result.get("unexpected_index_list")
        if indices is None:
            # A table-level expectation (or a GX error): no row to blame, so every row is held back.
            exc = expectation_result.exception_info or {}
            if exc.get("raised_exception"):
                label += f": {exc.get('exception_message')}"
            indices = range(checked.height)
        failed_counts[label] = len(indices)
        for index in indices:
            failures.setdefault(int(index), []).append(label)
    clean = checked.drop([c for c in checked.columns if c.startswith("chk_")])
    if not failures:
        return Validated(table, clean, _with_failures(clean.clear(), []), n_expectations, {})
    bad_rows = sorted(failures)
    mask = pl.Series([i in failures for i in range(clean.height)])
    rejected = _with_failures(clean.filter(mask), [failures[i] for i in bad_rows])
    return Validated(table, clean.filter(~mask), rejected, n_expectations, failed_counts)


def validate_strict(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Validate a table the pipeline writes about itself; raise on any failing row."""
    result = validate(table, df)
    if result.rejected.height:
        raise ValidationError(f"{table}: {result.rejected.height} row(s) failed {sorted(result.failed_expectations)}")
    return result.valid


def _with_failures(df: pl.DataFrame, failures: list[list[str]]) -> pl.DataFrame:
    return df.with_columns(pl.Series("failed_expectations", failures, dtype=pl.List(pl.Utf8)))
