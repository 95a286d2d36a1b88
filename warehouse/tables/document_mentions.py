"""document_mentions: every mention of a named document (treaty, agreement, declaration, ...)."""
from warehouse.tables.common import DOC_TYPES, MENTION_RULES, mention_context, mention_span
from warehouse.tables.model import Column, Family, References, Rule, Table, Value

# Families by the name after the language prefix ('az.', 'ru.', 'en.'); the rule names come from
# transforms.extract.rule_catalog("documents").
RULE_FAMILIES = (
    Family("named", "a document-type noun with a name: a subject ('Agreement on the state border'), parties, "
                    "a quotation, a date or an embedded document ('Protocol amending the Agreement on ...')"),
    Family("counted", "a document-type noun with a number ('three roadmaps', 'üç yol xəritəsi')"),
    Family("title", "a capitalised document-type noun in mid-sentence used as a title ('the Declaration', "
                    "'Bəyannamə', 'Декларация')"),
    Family("signed", "a short mention next to a verb of signing ('the deal was signed by ...')"),
    Family("antecedent", "a short mention ('the declaration', 'договор') that refers to a document mentioned "
                         "elsewhere in the article"),
)

TABLE = Table(
    name="document_mentions",
    layer="mentions",
    grain=("article_id", "start_char", "end_char"),
    description=(
        "One mention of a document (an agreement, declaration, memorandum, ...) by a document-type noun and "
        "its name, linked, when it can be, to the canonical documents it refers to. A phrase that names several "
        "documents ('the Baku (2001 and 2008) and Moscow (2008) declarations') is one mention (one span, as "
        "written and as annotated) whose document_ids lists each document; document_id is the one document "
        "or registered set it stands for, if any."),
    written_by="transforms/extract.py (extract_article) with transforms/documents/extract.py (finding) and "
               "transforms/documents/linking.py (linking)",
    columns=(
        *mention_span("document mention"),
        Column("doc_type", "VARCHAR",
               "The kind of document, from the document-type noun; for an ambiguous noun ('müqavilə', 'договор') "
               "from the words of its name, else the type of the document it refers to.", nullable=False,
               values=DOC_TYPES),
        Column("document_id", "VARCHAR",
               "The canonical document the mention refers to (documents.document_id): a registry document, or "
               "a derived one ('derived-' and 12 hex digits) for a named document the registry does not know, "
               "or a registered set of documents ('Trilateral Statements of the Leaders (set, AM-AZ-RU)'); NULL "
               "when nothing identifies it (link_method 'unidentified') or when it names several documents that "
               "no registered set stands for (link_method 'several').",
               references=References("documents", "document_id", check="document_known")),
        Column("document_ids", "VARCHAR[]",
               "Every canonical document the mention refers to (documents.document_id): document_id first when "
               "there is one, then the documents it names one by one (each place and year of 'the Baku (2001 "
               "and 2008) and Moscow (2008) declarations') or the members of a set that it lists by their days "
               "('the trilateral statements of 9 November 2020 and 11 January 2021'); empty when unidentified. "
               "Every mention of a document: `WHERE list_contains(document_ids, '<document_id>')`.",
               required=True),
        Column("name_key", "VARCHAR",
               "What the mention's name says, as the linker compares it: the upper-case topic concepts of its "
               "words, then the parties as country codes (AZ, RU, TR, ...), each list sorted and joined by "
               "spaces; a word outside the shared vocabulary appears as '~' and its stem. NULL for a bare noun.",
               normalised="words reduced to language-independent concepts (transforms/documents/concepts.py), "
                          "so one document named in az, ru and en gets the same key."),
        Column("link_method", "VARCHAR", "How document_id was found.", nullable=False, values=(
            Value("alias", "the mention's own name matched an alias of a registry document"),
            Value("context", "a short or generic mention identified by the words of its sentence (parties, "
                             "subject)"),
            Value("context-date", "as context, with a date near the mention equal to the document's signing "
                                  "date"),
            Value("coreference", "refers to the document of an earlier mention of the same type in the article"),
            Value("coreference-later", "refers to the document of a later mention of the same type (nothing "
                                       "earlier fits)"),
            Value("derived", "a named document that is not in the registry: its id is derived from its subject, "
                             "type and third parties, the same in every article and language"),
            Value("several", "a phrase that names several documents one by one, with no registered set for them: "
                             "document_id is NULL, document_ids lists each"),
            Value("unidentified", "nothing identifies the document; document_id is NULL"),
        )),
        Column("link_confidence", "FLOAT",
               "How sure the link is, 0..1: from the match score for alias and context links, 0.85 times the "
               "antecedent's for a coreference, 0.5 for a derived document, 0 when unidentified.",
               nullable=False, minimum=0, maximum=1),
        *mention_context(
            "Why the span is a document mention: the language ('az.', 'ru.', 'en.') and the family (the rules "
            "are listed by family in docs/codebook.md).",
            catalog="documents", families=RULE_FAMILIES,
            confidence="How likely the span is a document mention, 0..1: 0.9 named, 0.85 counted, 0.75 title or "
                       "antecedent, 0.7 signed."),
    ),
    rules=(*MENTION_RULES,
           Rule("document_ids_known", "every document of document_ids is a known document"),
           Rule("document_ids_agree", "document_id is NULL or the first of document_ids; link_method 'several' iff "
                                      "document_id is NULL with two or more document_ids; 'unidentified' iff "
                                      "document_ids is empty")),
)
