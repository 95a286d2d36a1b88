"""raw_archives: where the raw archive of this warehouse's fetched bodies lives."""
from warehouse.tables.common import run_id
from warehouse.tables.model import Column, Table

TABLE = Table(
    name="raw_archives",
    layer="sites",
    grain=("archive_root",),
    description=(
        "A folder the fetch runs of this warehouse archived bodies in (raw_pages.archive_path is relative to "
        "it). `ruaz reprocess --from-raw` reads the pages from here, the most recently used folder first, "
        "whatever the working directory; it fails, naming the pages, when any cannot be read."),
    written_by="flows/live.py (fetch runs), loaded by warehouse/live.py (record_archive)",
    columns=(
        Column("archive_root", "VARCHAR",
               "The folder: relative to the warehouse file's folder when it lies under it (so the two can move "
               "together), else absolute.", nullable=False),
        Column("first_used_at", "TIMESTAMP", "When a fetch run first archived there (UTC, the run's date).",
               nullable=False),
        Column("last_used_at", "TIMESTAMP", "When a fetch run last archived there (UTC, the run's date).",
               nullable=False),
        run_id("The run that last archived there."),
    ),
    strict=True,
)
