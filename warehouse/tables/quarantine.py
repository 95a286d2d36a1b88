"""quarantine: rows that failed validation, whole, with every check they failed."""
from collections.abc import Sequence

from warehouse.tables.common import SHA256_HEX, run_id
from warehouse.tables.model import Column, Rule, Table, Value


def declare(quarantined: Sequence[Table]) -> Table:
    """The quarantine table, whose table_name is one of the ``quarantined`` tables (those whose
    rejected rows are kept here rather than stopping the run)."""
    return Table(
        name="quarantine",
        layer="operations",
        grain=("quarantine_id",),
        description=(
            "One row that failed validation before load, kept whole with the names of the checks it failed, so "
            "nothing is dropped silently; or an article whose extraction raised an error or ran past the "
            "per-article time limit, kept whole with the error (it has no mentions, and is extracted again by "
            "the next run that reads it). The same rejected row with the same failures is recorded once; when "
            "an article is reloaded, the rows quarantined for it before are replaced."),
        written_by="transforms/tables.py (quarantine_frame) from the rejected rows of expectations/validate.py",
        columns=(
            Column("quarantine_id", "VARCHAR",
                   "SHA-256 of the table name, the row (as JSON) and its failures: a rerun adds nothing.",
                   nullable=False, regex=SHA256_HEX),
            Column("table_name", "VARCHAR", "The table the row was meant for.", nullable=False,
                   values=tuple(Value(t.name, f"a row of {t.name}") for t in quarantined)),
            Column("article_id", "VARCHAR", "The article the row belongs to, when it has one."),
            Column("row_key", "VARCHAR",
                   "The row's grain (the key columns of its table, joined by ':'), e.g. 'seed:120:137' for a "
                   "mention.", nullable=False),
            Column("failed_expectations", "VARCHAR[]",
                   "Every check the row failed, as '<expectation>(<columns>)': e.g. "
                   "'expect_column_values_to_be_in_set(granularity)', or "
                   "'expect_column_values_to_be_in_set(chk_text_is_slice)' for a check of the table's declaration "
                   "(see the table's checks in this codebook).", nullable=False),
            Column("row_json", "JSON", "The whole rejected row as a JSON object (keys sorted; dates and times as "
                   "ISO text).", nullable=False),
            run_id("The run that rejected the row."),
            Column("quarantined_at", "TIMESTAMP", "When the row was rejected (UTC, the run's date).", nullable=False),
            Column("error", "VARCHAR",
                   "For an article that could not be extracted (table_name 'articles', failed_expectations "
                   "'extraction_failed(<extractor>)' or 'extraction_timeout(<extractor>)'): the error and the "
                   "place in transforms/ it was raised, e.g. \"KeyError: 'x' at transforms/counts/extract.py:929 "
                   "(_read_scale)\". NULL for a row that failed validation."),
        ),
        rules=(Rule("has_failures", "a quarantined row names at least one failed expectation"),),
        strict=True,
    )
