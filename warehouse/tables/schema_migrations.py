"""schema_migrations: the migrations applied to this warehouse file."""
from warehouse.tables.model import Column, Table

TABLE = Table(
    name="schema_migrations",
    layer="operations",
    grain=("version",),
    description=("One numbered migration (warehouse/migrations/NNN_*.sql) applied to this warehouse. A migration "
                 "whose file changed after it was applied is refused: a change is a new migration."),
    written_by="warehouse/store.py (apply_migrations)",
    columns=(
        Column("version", "INTEGER", "The migration's number (the NNN of its file name).", nullable=False),
        Column("name", "VARCHAR", "The migration's file name without .sql.", nullable=False),
        Column("checksum", "VARCHAR", "SHA-256 of the migration file as applied.", nullable=False),
        Column("applied_at", "TIMESTAMP", "When it was applied (UTC, the run's date).", nullable=False),
    ),
    validated=False,
)
