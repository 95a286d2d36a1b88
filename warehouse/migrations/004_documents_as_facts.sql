-- 004: documents as facts (issue 9). The declarations (warehouse/tables/documents.py,
-- document_mentions.py) describe the columns; `ruaz reprocess` fills them for stored articles.

-- documents: the signing as precise as it is known (TIMEX: YYYY-MM-DD, YYYY-MM or YYYY), and where the
-- signing facts (signed_value, signed_on, signed_place, parties) come from: the registry, or for a
-- derived document the text of an article that states them.
-- invariants: signed_on is NULL or equal to signed_value (a day); signing_source is NULL iff no
-- signing fact is known.
ALTER TABLE documents ADD COLUMN signed_value VARCHAR;
ALTER TABLE documents ADD COLUMN signing_source VARCHAR;

-- document_mentions: every document a mention refers to. The grain stays one row per span
-- (article_id, start_char, end_char): a phrase that names several documents ("the Baku (2001 and 2008)
-- and Moscow (2008) declarations") is one mention whose document_ids lists each of them.
-- invariants: document_id is NULL or the first of document_ids; link_method = 'several' iff
-- document_id is NULL and document_ids has two or more; 'unidentified' iff document_ids is empty.
ALTER TABLE document_mentions ADD COLUMN document_ids VARCHAR[];
