"""document_aliases: the registry's names of each document, per language."""
from warehouse.tables.common import LANGUAGES
from warehouse.tables.model import Column, References, Table

TABLE = Table(
    name="document_aliases",
    layer="core",
    grain=("document_id", "language", "alias"),
    description=("One name of a registry document in one language, as the linker matches it. Rewritten from the "
                 "registry on every run."),
    written_by="warehouse/load.py (finish_run) from the registry (transforms/tables.py registry_frames)",
    columns=(
        Column("document_id", "VARCHAR", "The registry document.", nullable=False,
               references=References("documents", "document_id")),
        Column("language", "VARCHAR", "The language of the alias.", nullable=False, values=LANGUAGES),
        Column("alias", "VARCHAR", "A name of the document in that language, as written in the registry.",
               nullable=False),
    ),
)
