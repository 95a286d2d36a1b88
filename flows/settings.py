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
    duckdb_memory_limit: str = Field("2GB", description="DuckDB memory_limit while loading.")

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "ruaz.duckdb"

    @property
    def export_path(self) -> Path:
        return self.export_dir or self.data_dir / "export"

    @property
    def prefect_home_path(self) -> Path:
        return self.prefect_home or self.data_dir / "prefect"


def get_settings() -> Settings:
    return Settings()
