"""How the checks that are no column fact are computed: each a boolean column chk_<name>.

The declarations (warehouse/tables/) name these checks and say why; here each is computed once,
in polars, before the frame goes to Great Expectations (which has no expectation for a slice of
another table's text or a foreign key to rows of this run). A rule of a declaration with no
computation here is an error, found by the tests.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import polars as pl

from warehouse.tables import Column, Table

ARTICLE_TEXT = "_article_text"    # the article's text, joined in for the checks that read it


@dataclass(frozen=True)
class CheckInputs:
    """What the checks compare rows with: the articles loaded in this run (article_id, and text when
    the mentions are checked) and the document ids known to it."""
    article_texts: pl.DataFrame
    known_document_ids: pl.Series

    @staticmethod
    def of(article_texts: pl.DataFrame | None, known_document_ids: Iterable[str]) -> "CheckInputs":
        texts = article_texts if article_texts is not None else pl.DataFrame(schema={"article_id": pl.Utf8})
        return CheckInputs(texts, pl.Series(list(known_document_ids), dtype=pl.Utf8))


def _hash_matches_text(_: CheckInputs) -> pl.Expr:
    from transforms.ingest import sha256_text

    return pl.struct("text", "content_sha256").map_elements(
        lambda r: r["content_sha256"] == sha256_text(r["text"]), return_dtype=pl.Boolean)


def _offsets_in_text(_: CheckInputs) -> pl.Expr:
    return ((pl.col("start_char") >= 0) & (pl.col("start_char") < pl.col("end_char"))
            & (pl.col("end_char") <= pl.col(ARTICLE_TEXT).str.len_chars())).fill_null(False)


def _text_is_slice(_: CheckInputs) -> pl.Expr:
    return (pl.col(ARTICLE_TEXT).str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
            == pl.col("text")).fill_null(False)


def _range_same_granularity(_: CheckInputs) -> pl.Expr:
    parts = pl.col("value").str.split("/")
    return (pl.when(parts.list.len() == 2)
            .then(parts.list.first().str.len_chars() == parts.list.last().str.len_chars())
            .otherwise(True).fill_null(True))


def _minhash_complete(_: CheckInputs) -> pl.Expr:
    from transforms.stories import NUM_PERM

    return pl.col("minhash").is_null() | (pl.col("minhash").list.len() == NUM_PERM)


def _document_ids_agree() -> pl.Expr:
    ids, document_id, method = pl.col("document_ids"), pl.col("document_id"), pl.col("link_method")
    n = ids.list.len()
    agree = ((document_id.is_null() | (document_id == ids.list.first()))
             & ((method == "several") == (document_id.is_null() & (n >= 2)))
             & ((method == "unidentified") == (n == 0)))
    return pl.when(ids.is_null()).then(True).otherwise(agree.fill_null(False))


# rule name -> its computation; the rules that read the article's text get it joined in first
RULES: dict[str, Callable[[CheckInputs], pl.Expr]] = {
    "text_present": lambda _: (pl.col("text").str.strip_chars().str.len_chars() > 0).fill_null(False),
    "hash_matches_text": _hash_matches_text,
    "offsets_in_text": _offsets_in_text,
    "text_is_slice": _text_is_slice,
    "range_same_granularity": _range_same_granularity,
    "money_has_currency": lambda _: (pl.when(pl.col("kind") == "money")
                                     .then(pl.col("object").str.contains(r"^[A-Z]{3}$").fill_null(False))
                                     .otherwise(True)),
    "event_type_iff_event": lambda _: ((pl.col("event_type").is_not_null() == (pl.col("role") == "event"))
                                       .fill_null(pl.col("event_type").is_null())),
    "unit_fits_kind": lambda _: (pl.when(pl.col("kind") == "ordinal").then(pl.col("unit").is_null())
                                 .when(pl.col("unit").is_null() | pl.col("unit_rule").is_null()).then(False)
                                 .when(pl.col("kind") == "money").then(pl.col("unit") == pl.col("object"))
                                 .when(pl.col("kind") == "percent").then(pl.col("unit") == "percent")
                                 .otherwise(pl.col("unit").str.contains(r"^[a-z_]+$")).fill_null(False)),
    "measure_iff_money": lambda _: ((pl.col("kind") == "money")
                                    == pl.all_horizontal(pl.col("measure", "measure_rule",
                                                                "measure_confidence").is_not_null())).fill_null(False),
    "period_complete": lambda _: (pl.when(pl.all_horizontal(pl.col("period_start_char", "period_end_char",
                                                                    "period_value", "period_rule",
                                                                    "period_confidence").is_null())).then(True)
                                  .when(pl.any_horizontal(pl.col("period_start_char", "period_end_char",
                                                                 "period_value").is_null())).then(False)
                                  .otherwise(pl.col("period_start_char") < pl.col("period_end_char"))
                                  .fill_null(False)),
    "document_ids_known": lambda inputs: (pl.col("document_ids").list.eval(
        pl.element().is_in(inputs.known_document_ids)).list.all().fill_null(True)),
    "document_ids_agree": lambda _: _document_ids_agree(),
    "signed_on_is_the_signed_day": lambda _: (pl.col("signed_on").is_null() | (
        pl.col("signed_on").dt.strftime("%Y-%m-%d") == pl.col("signed_value"))).fill_null(False),
    "signing_has_a_source": lambda _: (
        (pl.col("signing_source").is_not_null() == (
            pl.col("signed_value").is_not_null() | pl.col("signed_place").is_not_null()
            | (pl.col("parties").list.len().fill_null(0) > 0)))
        & (~pl.col("is_registered") | pl.col("signing_source").is_null() | (pl.col("signing_source") == "registry"))
    ).fill_null(False),
    "copy_names_its_article": lambda _: pl.col("article_id").is_not_null() | pl.col("matched_article_id").is_not_null(),
    "minhash_complete": _minhash_complete,
    "has_failures": lambda _: (pl.col("failed_expectations").list.len() > 0).fill_null(False),
}
READS_ARTICLE_TEXT = frozenset({"offsets_in_text", "text_is_slice"})

# referenced table -> the keys of it this run knows
KNOWN_KEYS: dict[str, Callable[[CheckInputs], pl.Series]] = {
    "articles": lambda inputs: inputs.article_texts["article_id"],
    "documents": lambda inputs: inputs.known_document_ids,
}


def _foreign_key(column: Column, inputs: CheckInputs) -> pl.Expr:
    known = pl.col(column.name).is_in(KNOWN_KEYS[column.references.table](inputs))
    return (pl.col(column.name).is_null() | known) if column.nullable else known.fill_null(False)


def add_checks(decl: Table, df: pl.DataFrame, inputs: CheckInputs) -> pl.DataFrame:
    """``df`` with the chk_* columns of its table's declaration."""
    checks = {f"chk_{c.references.check}": _foreign_key(c, inputs)
              for c in decl.columns if c.references and c.references.check}
    checks |= {f"chk_{r.name}": RULES[r.name](inputs) for r in decl.rules}
    if not checks:
        return df
    if not READS_ARTICLE_TEXT & {r.name for r in decl.rules}:
        return df.with_columns(**checks)
    texts = inputs.article_texts.select("article_id", pl.col("text").alias(ARTICLE_TEXT))
    joined = df.with_row_index("_row").join(texts, on="article_id", how="left")
    return joined.with_columns(**checks).sort("_row").drop("_row", ARTICLE_TEXT)
