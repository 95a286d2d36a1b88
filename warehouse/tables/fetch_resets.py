"""fetch_resets: page URLs a user asked to fetch again."""
from warehouse.tables.common import run_id
from warehouse.tables.model import Column, Table, Value

TABLE = Table(
    name="fetch_resets",
    layer="sites",
    grain=("url", "run_id"),
    description=(
        "A page URL whose fetch history a user set aside: `ruaz fetch --refetch URL` (fetch it again, "
        "unconditionally) or `--retry-given-up` (every URL given up on after failing in 3 runs, or failed for "
        "good). The fetch_log rows before the reset no longer count: the URL gets its full number of tries "
        "again."),
    written_by="flows/live.py (fetch runs), loaded by warehouse/live.py (load_fetch_tables)",
    columns=(
        Column("url", "VARCHAR", "The page URL (canonical).", nullable=False, regex=r"^https?://"),
        Column("source", "VARCHAR", "The sources.toml source it was fetched for.", nullable=False),
        Column("reason", "VARCHAR", "Why the history was set aside.", nullable=False, values=(
            Value("refetch", "`ruaz fetch --refetch URL`: fetched again without validators, archived or not"),
            Value("retry_given_up", "`ruaz fetch --retry-given-up`: tried again after being given up on"),
        )),
        Column("reset_at", "TIMESTAMP", "When it was reset (UTC): fetch_log rows fetched before do not count.",
               nullable=False),
        run_id("The fetch run that reset it (and tried it)."),
    ),
    strict=True,
)
