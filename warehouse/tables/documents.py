"""documents: the canonical documents: the registry and the documents first seen in articles."""
from warehouse.tables.common import DOC_TYPES
from warehouse.tables.model import Column, Table

TABLE = Table(
    name="documents",
    layer="core",
    grain=("document_id",),
    description=(
        "One canonical document: an entry of the document registry (warehouse/documents_registry.toml), or "
        "a named document first seen in the articles (derived). document_id is stable across runs and "
        "languages. A derived document that no mention points to any more is removed."),
    written_by="warehouse/load.py from the registry (transforms/tables.py registry_frames) and from the linker's "
               "derived documents (transforms/extract.py)",
    columns=(
        Column("document_id", "VARCHAR",
               "The document's identifier: the registry's id (e.g. 'ru-az-declaration-allied-interaction-2022'), "
               "or 'derived-' and 12 hex digits of a hash of the document's subject, type and third parties.",
               nullable=False),
        Column("canonical_name", "VARCHAR",
               "The document's name: the registry's English name with its parties and signing date, or, for a "
               "derived document, its name as first seen with the parties' codes.", nullable=False),
        Column("doc_type", "VARCHAR", "The kind of document.", nullable=False, values=DOC_TYPES),
        Column("signed_on", "DATE", "The date it was signed, when the registry knows it."),
        Column("signed_place", "VARCHAR", "The city where it was signed, when the registry knows it."),
        Column("parties", "VARCHAR[]", "The signatory countries as ISO 3166-1 alpha-2 codes (RU, AZ, TR, ...), "
               "when the registry knows them."),
        Column("is_registered", "BOOLEAN", "True for a registry document, false for a derived one.",
               nullable=False),
    ),
)
