"""All defaults in one place. Every field can be overridden by an environment variable with the
``RUAZ_`` prefix (``RUAZ_DB=/srv/ruaz.duckdb``) or by the matching command-line option."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RUAZ_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the warehouse, exports and raw archive live by default.")
    db: Path | None = Field(None, description="Warehouse DuckDB file (default: <data_dir>/ruaz.duckdb).")
    export_dir: Path | None = Field(None, description="Parquet export folder (default: <data_dir>/export).")
    prefect_home: Path | None = Field(None, description="PREFECT_HOME for runs (default: <data_dir>/prefect).")
    samples_dir: Path = Field(PROJECT_ROOT / "samples", description="The bundled sample articles.")
    batch_size: int = Field(500, ge=1, description="Articles per extraction task.")
    workers: int = Field(2, ge=1, description="Parallel extraction workers (processes or Dask workers).")
    task_runner: str = Field("process", pattern="^(thread|process|dask)$",
                             description="How extraction batches run: thread, process, or dask.")
    dask_address: str | None = Field(None, description="Address of a running Dask scheduler (task_runner=dask).")
    lock_wait_seconds: float = Field(0.0, ge=0, description="How long a run waits for another run to finish.")
    # a run holds its uncommitted rows until it publishes: past this DuckDB spills them to disk
    duckdb_memory_limit: str = Field("512MB", description="DuckDB memory_limit while loading.")

    # live sources (ruaz fetch / sources / reprocess --from-raw)
    sources_file: Path = Field(PROJECT_ROOT / "flows" / "sources.toml", description="Feeds and listing pages to fetch.")
    raw_dir: Path | None = Field(None, description="Raw archive of fetched bodies (default: <data_dir>/raw).")
    relevance_threshold: float = Field(0.5, ge=0, le=1, description="Fetched articles scoring lower are archived, not extracted.")
    story_similarity: float = Field(0.5, gt=0, le=1, description="Estimated Jaccard from which two texts are one story.")
    story_window_days: int = Field(30, ge=0, description="A new article may copy stored ones ingested this many days back (0: all).")
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
    fetch_max_items: int = Field(100, ge=1, description="New links read from one source per run.")
    fetch_workers: int = Field(4, ge=1, description="Sources fetched at once (one host's requests stay rate-limited).")

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "ruaz.duckdb"

    @property
    def export_path(self) -> Path:
        return self.export_dir or self.data_dir / "export"

    @property
    def raw_path(self) -> Path:
        return self.raw_dir or self.data_dir / "raw"

    @property
    def prefect_home_path(self) -> Path:
        return self.prefect_home or self.data_dir / "prefect"


def get_settings() -> Settings:
    return Settings()
