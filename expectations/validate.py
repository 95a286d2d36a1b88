"""Run a table's Great Expectations suite on a frame before it is loaded.

GX cannot validate DuckDB tables (STACK-NOTES), so frames are validated in memory. Checks that
GX has no expectation for (text equals the slice of the article, offsets inside the text,
foreign keys) are computed first as boolean ``chk_*`` columns that the suites expect to be True.
Rows that fail any expectation are split off with the names of what they failed; they go to the
quarantine table, never silently away.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

SUITES_DIR = Path(__file__).resolve().parent
TABLES = ("articles", "date_mentions", "count_mentions", "document_mentions", "documents",
          "document_aliases", "ingest_errors", "article_sources", "article_fingerprints", "raw_pages", "fetch_log",
          "quarantine", "pipeline_runs")
# Tables the pipeline writes about itself: a row failing these is a bug, so it stops the run
# instead of being quarantined (it would be quarantined into itself).
STRICT_TABLES = ("quarantine", "pipeline_runs")


class ValidationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Validated:
    table: str
    valid: pl.DataFrame              # rows that passed every expectation (chk_* columns removed)
    rejected: pl.DataFrame           # failing rows (chk_* removed) + failed_expectations: list[str]
    n_expectations: int
    failed_expectations: dict[str, int]   # expectation label -> rows failing it


def load_suite_json(table: str) -> dict:
    return json.loads((SUITES_DIR / f"{table}.json").read_text(encoding="utf-8"))


def suite_columns(suite_json: dict) -> set[str]:
    columns: set[str] = set()
    for expectation in suite_json["expectations"]:
        kwargs = expectation.get("kwargs", {})
        columns.update(c for c in (kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B")) if c)
        columns.update(kwargs.get("column_list") or ())
    return columns


def expectation_label(expectation: dict) -> str:
    kwargs = expectation.get("kwargs", {})
    columns = kwargs.get("column") or ",".join(kwargs.get("column_list", []) or
                                               [kwargs.get("column_A", ""), kwargs.get("column_B", "")])
    return f"{expectation['type']}({columns})"


@lru_cache(maxsize=1)
def _context():
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


@lru_cache(maxsize=None)
def _suite(table: str):
    gx, _ = _context()
    return gx.ExpectationSuite(**load_suite_json(table))


def add_checks(table: str, df: pl.DataFrame, *, article_texts: pl.DataFrame | None = None,
               known_document_ids: Iterable[str] = ()) -> pl.DataFrame:
    """The chk_* columns of a table. article_texts: article_id, text of the articles loaded in this run."""
    if table == "articles":
        from transforms.ingest import sha256_text

        return df.with_columns(
            pl.struct("text", "content_sha256").map_elements(
                lambda r: r["content_sha256"] == sha256_text(r["text"]), return_dtype=pl.Boolean
            ).alias("chk_hash_matches_text"),
            (pl.col("published").is_null()
             | pl.col("published").is_between(dt.date(1900, 1, 1), dt.date(2100, 12, 31))).alias("chk_published_plausible"),
            (pl.col("text").str.strip_chars().str.len_chars() > 0).fill_null(False).alias("chk_text_present"),
        )
    if table == "quarantine":
        return df.with_columns((pl.col("failed_expectations").list.len() > 0).fill_null(False).alias("chk_has_failures"))
    if table in ("date_mentions", "count_mentions", "document_mentions"):
        texts = (article_texts if article_texts is not None else pl.DataFrame(schema={"article_id": pl.Utf8, "text": pl.Utf8}))
        joined = df.with_row_index("_row").join(
            texts.select("article_id", pl.col("text").alias("_article_text")), on="article_id", how="left")
        n_chars = pl.col("_article_text").str.len_chars()
        joined = joined.with_columns(
            pl.col("_article_text").is_not_null().alias("chk_article_loaded"),
            ((pl.col("start_char") >= 0) & (pl.col("start_char") < pl.col("end_char"))
             & (pl.col("end_char") <= n_chars)).fill_null(False).alias("chk_offsets_in_text"),
        ).with_columns(
            (pl.col("_article_text").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
             == pl.col("text")).fill_null(False).alias("chk_text_is_slice"),
        )
        if table == "date_mentions":
            parts = pl.col("value").str.split("/")
            joined = joined.with_columns(
                pl.when(parts.list.len() == 2)
                .then(parts.list.first().str.len_chars() == parts.list.last().str.len_chars())
                .otherwise(True).fill_null(True).alias("chk_range_same_granularity"))
        elif table == "count_mentions":
            joined = joined.with_columns(
                pl.when(pl.col("kind") == "money")
                .then(pl.col("object").str.contains(r"^[A-Z]{3}$").fill_null(False))
                .otherwise(True).alias("chk_money_has_currency"))
        else:
            known = pl.Series(list(known_document_ids), dtype=pl.Utf8)
            joined = joined.with_columns(
                (pl.col("document_id").is_null() | pl.col("document_id").is_in(known)).alias("chk_document_known"))
        return joined.sort("_row").drop("_row", "_article_text")
    if table in ("article_sources", "article_fingerprints"):
        loaded = pl.Series((article_texts if article_texts is not None else pl.DataFrame(schema={"article_id": pl.Utf8}))
                           ["article_id"], dtype=pl.Utf8)
        # a copy that was not stored has no article; any other row's article must load in this run
        checked = df.with_columns((pl.col("article_id").is_null() | pl.col("article_id").is_in(loaded))
                                  .alias("chk_article_loaded"))
        if table == "article_sources":
            return checked.with_columns(
                (pl.col("article_id").is_not_null() | pl.col("matched_article_id").is_not_null())
                .alias("chk_copy_names_its_article"))
        from transforms.stories import NUM_PERM

        return checked.with_columns((pl.col("minhash").is_null() | (pl.col("minhash").list.len() == NUM_PERM))
                                    .alias("chk_minhash_complete"))
    return df


def validate(table: str, df: pl.DataFrame, **check_inputs) -> Validated:
    """Validate ``df`` against the table's suite; split it into valid and rejected rows."""
    suite_json = load_suite_json(table)
    labels = [expectation_label(e) for e in suite_json["expectations"]]
    checked = add_checks(table, df, **check_inputs)
    if checked.height == 0:
        return Validated(table, df, _with_failures(df.clear(), []), len(labels), {})
    _, batch_definition = _context()
    # Only the columns the suite reads go to pandas: texts and sentences would double memory for nothing.
    needed = [c for c in checked.columns if c in suite_columns(suite_json)]
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
        return Validated(table, clean, _with_failures(clean.clear(), []), len(labels), {})
    bad_rows = sorted(failures)
    mask = pl.Series([i in failures for i in range(clean.height)])
    rejected = _with_failures(clean.filter(mask), [failures[i] for i in bad_rows])
    return Validated(table, clean.filter(~mask), rejected, len(labels), failed_counts)


def validate_strict(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Validate a table the pipeline writes about itself; raise on any failing row."""
    result = validate(table, df)
    if result.rejected.height:
        raise ValidationError(f"{table}: {result.rejected.height} row(s) failed {sorted(result.failed_expectations)}")
    return result.valid


def _with_failures(df: pl.DataFrame, failures: list[list[str]]) -> pl.DataFrame:
    return df.with_columns(pl.Series("failed_expectations", failures, dtype=pl.List(pl.Utf8)))
