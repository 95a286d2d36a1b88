"""documents: the canonical documents: the registry and the documents first seen in articles."""
from warehouse.tables.common import DOC_TYPES
from warehouse.tables.date_mentions import TIMEX
from warehouse.tables.model import Column, Rule, Table, Value

TABLE = Table(
    name="documents",
    layer="core",
    grain=("document_id",),
    description=(
        "One canonical document: an entry of the document registry (warehouse/documents_registry.toml), or "
        "a named document first seen in the articles (derived). document_id is stable across runs and "
        "languages. A derived document that no mention points to any more is removed. Its signing (date, "
        "place, parties) is what the registry says, or for a derived document what an article states; each "
        "fact keeps the first value known."),
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
        Column("signed_on", "DATE", "The day it was signed, when the day is known (signed_value to the day)."),
        Column("signed_value", "VARCHAR",
               "When it was signed, as precisely as it is known, TIMEX-style: YYYY-MM-DD, YYYY-MM when only the "
               "month is known (a registry entry's signed_in, or an article that says 'signed in September "
               "2022'), YYYY; X for a digit the text leaves open; a range A/B for a signing over two days "
               "('signed on 9-10 November'). NULL when unknown.", regex=TIMEX,
               source="the registry (signed_on or signed_in), or for a derived document the date mention of an "
                      "article's sentence that a verb of signing governs, or that the dates extractor marks as "
                      "a signing, or that names the document ('the statement of November 10, 2020')"),
        Column("signed_place", "VARCHAR",
               "The city where it was signed: in English when the linker's vocabulary knows the city "
               "('Moscow'), else as the article writes it.",
               source="the registry, or the city in the clause of a verb of signing ('signed in Moscow', "
                      "'Moskvada imzalanıb', 'подписан в Москве')"),
        Column("parties", "VARCHAR[]", "The signatory countries as ISO 3166-1 alpha-2 codes (RU, AZ, TR, ...).",
               source="the registry, or the countries the document's name states ('between Azerbaijan and "
                      "Russia'), else the two or more countries a sentence with a verb of signing names"),
        Column("signing_source", "VARCHAR", "Where the signing facts (signed_value, signed_on, signed_place, "
               "parties) come from; NULL when none is known.", values=(
                   Value("registry", "the document registry (warehouse/documents_registry.toml)"),
                   Value("text", "the article text (a derived document: transforms/documents/facts.py)"),
               )),
        Column("is_registered", "BOOLEAN", "True for a registry document, false for a derived one.",
               nullable=False),
    ),
    rules=(
        Rule("signed_on_is_the_signed_day", "signed_on is NULL or the day signed_value names"),
        Rule("signing_has_a_source", "signing_source is set iff a signing fact (date, place, parties) is known, "
                                     "and is 'registry' for a registry document"),
    ),
)
