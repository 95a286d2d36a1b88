"""What a table declaration is made of: plain, frozen data.

A declaration states a table once: its grain (the key), what it is, every column with its type,
nullability and meaning, the allowed values of enumerations (each explained), and the checks a
row must pass before it is loaded. Everything else is derived from it: the polars schemas,
the Great Expectations suites (expectations/suites.py), the row keys, the DuckDB comments, the
Parquet metadata and docs/codebook.md. The DDL stays in the numbered migrations (they are
history); tests/test_table_declarations.py fails when the two disagree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

# The DuckDB types the warehouse uses, as information_schema spells them, and their polars dtype.
POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.Utf8(), "JSON": pl.Utf8(), "INTEGER": pl.Int32(), "BIGINT": pl.Int64(),
    "FLOAT": pl.Float32(), "DOUBLE": pl.Float64(), "BOOLEAN": pl.Boolean(), "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"), "VARCHAR[]": pl.List(pl.Utf8), "UINTEGER[]": pl.List(pl.UInt32),
}

LAYERS = {
    "raw": "what was received, as received: fetched bodies and the outcome of every request",
    "core": "the articles and the canonical documents, one row per thing",
    "mentions": "the facts extracted from the articles, one row per span of text, with its provenance",
    "stories": "how copies of one story are grouped, and what the grouping compares",
    "sites": "what the fetcher has learned of each site and keeps for it: the lines a site repeats and what was "
             "dropped, where the raw archive lives, the URLs a user reset",
    "operations": "what the pipeline did: runs, input problems, rejected rows, applied migrations",
}


@dataclass(frozen=True)
class Value:
    """One allowed value of an enumeration, and what it means."""
    value: str
    description: str


@dataclass(frozen=True)
class Family:
    """A group of values of an open list (rule names) that share a meaning."""
    name: str
    description: str


@dataclass(frozen=True)
class References:
    """A foreign key. ``check`` names the load-time check (chk_<check>) when the run can verify
    it against the rows it knows (the articles of the chunk, the known documents)."""
    table: str
    column: str
    check: str | None = None


@dataclass(frozen=True)
class Column:
    name: str
    type: str                                 # a key of POLARS_TYPES
    description: str                          # what the value means
    nullable: bool = True                     # NULL allowed in the warehouse (the DDL's NOT NULL)
    required: bool | None = None              # checked not null before load (default: not nullable)
    unit: str | None = None
    source: str | None = None                 # provenance: where the value comes from
    normalised: str | None = None             # how the value is normalised
    values: tuple[Value, ...] = ()            # allowed values, each explained
    closed: bool = True                       # values is the whole set (checked), else the known ones
    regex: str | None = None                  # checked on every non-null value
    minimum: float | dt.date | None = None    # checked, inclusive
    maximum: float | dt.date | None = None
    references: References | None = None
    set_once: bool = False                    # a reloaded row keeps the first value
    catalog: str | None = None                # values listed by transforms.extract.rule_catalog(catalog)
    families: tuple[Family, ...] = ()         # the groups of a catalogued open list

    @property
    def is_required(self) -> bool:
        return (not self.nullable) if self.required is None else self.required

    @property
    def polars_type(self) -> pl.DataType:
        return POLARS_TYPES[self.type]

    def notes(self) -> list[tuple[str, str]]:
        """(label, text) of the unit, the normalisation and the provenance that are stated."""
        return [(label, _sentence(text)) for label, text in
                (("Unit", self.unit), ("Normalised", self.normalised), ("Source", self.source)) if text]

    def comment(self) -> str:
        """The column's description as one paragraph (DuckDB COMMENT, Parquet metadata)."""
        parts = [self.description, *(f"{label}: {text}" for label, text in self.notes())]
        if self.values:
            listed = "; ".join(f"{v.value} = {v.description}" for v in self.values)
            parts.append(f"{'Values' if self.closed else 'Known values'}: {listed}.")
        if self.references:
            parts.append(f"References {self.references.table}.{self.references.column}.")
        return " ".join(_sentence(p) for p in parts)


@dataclass(frozen=True)
class Ordered:
    """A cross-column rule: ``first <= then`` whenever both are known."""
    first: str
    then: str
    description: str


@dataclass(frozen=True)
class Rule:
    """A check that is no fact about one column (text equal to a slice of the article, a hash that
    matches). Computed as the boolean column chk_<name> by expectations/checks.py."""
    name: str
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    layer: str                                # a key of LAYERS
    grain: tuple[str, ...]                    # the key: primary key in the warehouse, unique before load
    description: str                          # what one row is, and the invariants
    written_by: str                           # provenance: the code that makes the rows
    columns: tuple[Column, ...]
    ordered: tuple[Ordered, ...] = ()
    rules: tuple[Rule, ...] = ()
    strict: bool = False                      # the pipeline's own rows: a failing row stops the run
    validated: bool = True                    # rows are checked (expectations) before they are loaded

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a column is declared twice")
        if not set(self.grain) <= set(names):
            raise ValueError(f"{self.name}: grain {self.grain} names an undeclared column")
        if self.layer not in LAYERS:
            raise ValueError(f"{self.name}: unknown layer {self.layer!r}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    def polars_schema(self, columns: list[str] | None = None) -> pl.Schema:
        """The polars schema of the table (or of some of its columns, in the order given)."""
        chosen = [self.column(n) for n in columns] if columns is not None else self.columns
        return pl.Schema({c.name: c.polars_type for c in chosen})

    def row_key(self, row: dict) -> str:
        """The row's grain as one string (how quarantine names a rejected row)."""
        return ":".join("" if row.get(k) is None else str(row.get(k)) for k in self.grain)

    def comment(self) -> str:
        return _sentence(f"{self.description} Grain: one row per {', '.join(self.grain)}")


@dataclass(frozen=True)
class View:
    name: str
    grain: str                                # what one row is, in words
    description: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def comment(self) -> str:
        return _sentence(f"{self.description} Grain: {self.grain}")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ")")) else text + "."
