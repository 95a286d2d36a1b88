"""All defaults in one place. Every field can be overridden by an environment variable with the
``RUAZ_`` prefix (``RUAZ_DB=/srv/ruaz.duckdb``) or by the matching command-line option.

The flows' option models (``RunOptions``, ``ArticlePolicy``, ``FetchPolicy``) and the command
line's flags take their defaults, constraints and descriptions from here (``setting``); nothing
restates them.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RUAZ_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the warehouse, exports and raw archive live by default.")
    db: Path | None = Field(None, description="Warehouse DuckDB file (unset: <data_dir>/ruaz.duckdb).")
    export_dir: Path | None = Field(None, description="Parquet export folder (unset: <data_dir>/export).")
    csv_export_dir: Path | None = Field(None, description="CSV export folder (unset: <data_dir>/export-csv).")
    report_dir: Path | None = Field(None, description="HTML report folder (unset: <data_dir>/report).")
    prefect_home: Path | None = Field(None, description="PREFECT_HOME for runs (unset: <data_dir>/prefect).")
    samples_dir: Path = Field(PROJECT_ROOT / "samples", description="The bundled sample articles.")

    # how a run executes (none of it changes what the run produces)
    batch_size: int = Field(500, ge=1, description="Articles per extraction task.")
    chunk_size: int = Field(10_000, ge=1, description="Articles extracted, validated and loaded at a time.")
    # Worker processes cost ~15-20 s to start here (each imports Prefect and connects to its API),
    # so smaller runs extract in the flow's own process.
    parallel_min_articles: int = Field(10_000, ge=0,
                                       description="Runs with fewer articles to extract do it in the flow's own process.")
    workers: int = Field(2, ge=1, description="Parallel extraction workers (processes or Dask workers).")
    task_runner: Literal["thread", "process", "dask"] = Field(
        "process", description="How extraction batches run: threads, processes, or a Dask cluster.")
    dask_address: str | None = Field(None, description="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
    article_time_limit_seconds: float | None = Field(
        120.0, gt=0, description="CPU seconds the extraction of one article may take; an article over it is "
                                 "quarantined and the run goes on.")
    lock_wait_seconds: float = Field(0.0, ge=0,
                                     description="Wait this long for a run already writing the warehouse (0: fail at once).")
    snapshot_grace_hours: float = Field(24.0, ge=0,
                                        description="Lake snapshots replaced longer ago than this are deleted by a "
                                                    "later run (readers still on them have this long).")
    # a run holds its uncommitted rows until it publishes: past this DuckDB spills them to disk
    duckdb_memory_limit: str | None = Field("512MB", description="DuckDB memory_limit while loading.")

    # which articles a run keeps and how it groups them
    relevance_threshold: float = Field(0.5, ge=0, le=1,
                                       description="is_relevant = relevance_score >= this; fetched articles scoring "
                                                   "lower are archived, not extracted.")
    story_similarity: float = Field(0.5, gt=0, le=1,
                                    description="Estimated Jaccard of word 3-shingles from which two texts are one story.")
    story_window_days: int = Field(30, ge=0,
                                   description="A new article may copy stored ones ingested this many days back (0: all).")

    # live sources (ruaz fetch / sources / reprocess --from-raw)
    sources_file: Path = Field(PROJECT_ROOT / "flows" / "sources.toml", description="Feeds and listing pages to fetch.")
    raw_dir: Path | None = Field(None, description="Raw archive of fetched bodies (unset: <data_dir>/raw).")
    fetch_user_agent: str = Field("ruaz/0.1 (research on Russia-Azerbaijan news; polite crawler)",
                                  description="User-Agent of every request; add a contact address for live use.")
    fetch_timeout_seconds: float = Field(20.0, gt=0, description="Connect/read timeout of one request.")
    fetch_total_timeout_seconds: float = Field(60.0, gt=0, description="Longest one attempt may take, body included.")
    fetch_max_bytes: int = Field(5_000_000, ge=1, description="Bodies larger than this are not read (too_large).")
    fetch_max_redirects: int = Field(5, ge=0, description="Redirects followed per request.")
    fetch_retries: int = Field(3, ge=0, description="Retries of a transient failure (timeout, connection, 429, 5xx).")
    fetch_backoff_seconds: float = Field(1.0, ge=0, description="First retry delay; doubles per retry.")
    fetch_backoff_max_seconds: float = Field(30.0, ge=0, description="Longest retry delay (Retry-After included).")
    fetch_rate_limit_seconds: float = Field(2.0, ge=0, description="At least this long between two requests to one host.")
    fetch_max_items: int = Field(100, ge=1, description="New links read from one source per run (a source may say fewer).")
    fetch_workers: int = Field(4, ge=1, description="Sources fetched at once (one host's requests stay rate-limited).")
    fetch_max_pages: int = Field(20, ge=1, description="Backfill: listing or archive pages (or sitemaps of an index) "
                                                       "read per source per run (a source may say otherwise).")
    fetch_run_budget_seconds: float = Field(1800.0, gt=0, description="The most a fetch run spends fetching; what is "
                                                                     "left is fetched by the next run.")
    fetch_source_budget_seconds: float = Field(600.0, gt=0, description="The most a fetch run spends on one source "
                                                                        "(a source may say otherwise).")
    fetch_host_max_failures: int = Field(3, ge=1, description="Transient failures in a row after which a host is not "
                                                               "requested again in the run.")
    fetch_max_crawl_delay_seconds: float = Field(60.0, ge=0, description="The longest robots.txt Crawl-delay honoured "
                                                                         "(a longer one is cut to this).")
    fetch_revalidate_days: float = Field(2.0, ge=0, description="Articles first fetched this many days back are "
                                                                 "requested again (conditionally) to catch corrections "
                                                                 "(0: never).")
    fetch_revalidate_hours: float = Field(12.0, ge=0, description="At most one revalidation of an article per this "
                                                                  "many hours.")
    boilerplate_min_pages: int = Field(3, ge=2, description="A short line on at least this many distinct pages of a "
                                                            "site is its boilerplate and is dropped from its articles.")
    boilerplate_memory_days: int = Field(90, ge=1, description="A line seen on one page of a site only is forgotten "
                                                               "after this many days.")

    @model_validator(mode="after")
    def _paths_under_data_dir(self) -> "Settings":
        """The paths left unset live under data_dir."""
        for name, default in (("db", "ruaz.duckdb"), ("export_dir", "export"), ("csv_export_dir", "export-csv"),
                              ("report_dir", "report"),
                              ("prefect_home", "prefect"), ("raw_dir", "raw")):
            if getattr(self, name) is None:
                setattr(self, name, self.data_dir / default)
        return self


def get_settings(**overrides: Any) -> Settings:
    """The settings: declared defaults, then RUAZ_ environment variables, then ``overrides``."""
    return Settings(**overrides)


@dataclasses.dataclass(frozen=True)
class FromSetting:
    """A field's default: the setting's current value (RUAZ_ environment variables included)."""
    name: str

    def __call__(self) -> Any:
        return getattr(get_settings(), self.name)


def setting(name: str) -> Any:
    """A pydantic field of an options model that is the setting ``name``: the same default (read
    when the model is built, so RUAZ_ variables apply), constraints and description."""
    info = Settings.model_fields[name]
    constraints: dict[str, Any] = {}
    for item in info.metadata:   # annotated_types (Ge, Le, ...) and pydantic's own (pattern)
        constraints.update({f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
                           if dataclasses.is_dataclass(item) else vars(item))
    return Field(default_factory=FromSetting(name), description=info.description, **constraints)


def settings_of(model: type, settings: Settings, **overrides: Any) -> Any:
    """An instance of ``model`` whose setting fields take their values from ``settings``."""
    values = {field: getattr(settings, info.default_factory.name) for field, info in model.model_fields.items()
              if isinstance(info.default_factory, FromSetting)}
    return model(**{**values, **overrides})
