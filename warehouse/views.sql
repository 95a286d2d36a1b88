-- Views for analysts; recreated on every run, so they always match the current tables.

-- grain: one row per mention of any kind, with the article's language and publication date.
-- value is readable text: the TIMEX value, the number, or the canonical document.
CREATE OR REPLACE VIEW mentions AS
SELECT 'date' AS mention_kind, m.article_id, m.start_char, m.end_char, m.text, m.value,
       m.granularity AS detail, m.sentence, m.rule, m.confidence, a.language, a.published
FROM date_mentions m JOIN articles a USING (article_id)
UNION ALL
SELECT 'count', m.article_id, m.start_char, m.end_char, m.text,
       CASE WHEN m.value = floor(m.value) THEN printf('%d', m.value::HUGEINT) ELSE printf('%g', m.value) END,
       concat_ws(' ', m.kind, m.qualifier, m.object), m.sentence, m.rule, m.confidence, a.language, a.published
FROM count_mentions m JOIN articles a USING (article_id)
UNION ALL
SELECT 'document', m.article_id, m.start_char, m.end_char, m.text, coalesce(d.canonical_name, '(unidentified)'),
       m.doc_type, m.sentence, m.rule, m.confidence, a.language, a.published
FROM document_mentions m JOIN articles a USING (article_id) LEFT JOIN documents d USING (document_id);

-- grain: one row per canonical document, with how often and where it is mentioned.
CREATE OR REPLACE VIEW document_overview AS
SELECT d.document_id, d.canonical_name, d.doc_type, d.signed_on, d.is_registered,
       count(m.article_id) AS n_mentions,
       count(DISTINCT m.article_id) AS n_articles,
       list(DISTINCT a.language ORDER BY a.language) FILTER (WHERE a.language IS NOT NULL) AS languages,
       min(a.published) AS first_mentioned_on,
       max(a.published) AS last_mentioned_on
FROM documents d
LEFT JOIN document_mentions m USING (document_id)
LEFT JOIN articles a USING (article_id)
GROUP BY ALL;

-- grain: one row per article, with its mention counts.
CREATE OR REPLACE VIEW article_summary AS
SELECT a.article_id, a.language, a.published, a.title, a.n_chars,
       (SELECT count(*) FROM date_mentions m WHERE m.article_id = a.article_id) AS n_dates,
       (SELECT count(*) FROM count_mentions m WHERE m.article_id = a.article_id) AS n_counts,
       (SELECT count(*) FROM document_mentions m WHERE m.article_id = a.article_id) AS n_documents
FROM articles a;
