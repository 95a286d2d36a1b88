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
SELECT 'document', m.article_id, m.start_char, m.end_char, m.text,
       coalesce(d.canonical_name,
                (SELECT string_agg(x.canonical_name, '; ' ORDER BY list_position(m.document_ids, x.document_id))
                 FROM documents x WHERE list_contains(m.document_ids, x.document_id)),
                '(unidentified)'),
       m.doc_type, m.sentence, m.rule, m.confidence, a.language, a.published
FROM document_mentions m JOIN articles a USING (article_id) LEFT JOIN documents d USING (document_id);

-- grain: one row per canonical document, with its signing and how often and where it is mentioned (a
-- mention that names several documents counts for each); then one row per document type for the
-- mentions that identify no document (document_id NULL), so that none is out of sight.
CREATE OR REPLACE VIEW document_overview AS
WITH links AS (
    SELECT m.article_id, m.start_char, m.end_char, unnest(m.document_ids) AS document_id FROM document_mentions m
    UNION
    SELECT article_id, start_char, end_char, document_id FROM document_mentions WHERE document_id IS NOT NULL),
unidentified AS (
    SELECT * FROM document_mentions WHERE document_id IS NULL AND coalesce(len(document_ids), 0) = 0)
SELECT d.document_id, d.canonical_name, d.doc_type, d.signed_on, d.signed_value, d.signed_place, d.parties,
       d.signing_source, d.is_registered,
       count(l.article_id) AS n_mentions,
       count(DISTINCT l.article_id) AS n_articles,
       list(DISTINCT a.language ORDER BY a.language) FILTER (WHERE a.language IS NOT NULL) AS languages,
       min(a.published) AS first_mentioned_on,
       max(a.published) AS last_mentioned_on
FROM documents d
LEFT JOIN links l USING (document_id)
LEFT JOIN articles a USING (article_id)
GROUP BY ALL
UNION ALL
SELECT NULL, '(unidentified ' || u.doc_type || ')', u.doc_type, NULL, NULL, NULL, NULL, NULL, false,
       count(*), count(DISTINCT u.article_id),
       list(DISTINCT a.language ORDER BY a.language) FILTER (WHERE a.language IS NOT NULL),
       min(a.published), max(a.published)
FROM unidentified u LEFT JOIN articles a USING (article_id)
GROUP BY u.doc_type;

-- grain: one row per article, with its mention counts.
CREATE OR REPLACE VIEW article_summary AS
SELECT a.article_id, a.language, a.published, a.title, a.n_chars,
       (SELECT count(*) FROM date_mentions m WHERE m.article_id = a.article_id) AS n_dates,
       (SELECT count(*) FROM count_mentions m WHERE m.article_id = a.article_id) AS n_counts,
       (SELECT count(*) FROM document_mentions m WHERE m.article_id = a.article_id) AS n_documents
FROM articles a;

-- ---- live sources and stories (migration 002) ---------------------------------------------------

-- grain: one row per URL fetched with a body: the validators of its latest body, sent back as
-- If-None-Match / If-Modified-Since (derived from raw_pages, so it cannot disagree with it).
CREATE OR REPLACE VIEW http_cache AS
SELECT url, final_url, kind, source, etag, last_modified, content_sha256, fetched_at
FROM raw_pages
QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC, content_sha256) = 1;

-- grain: one row per story: the article that stands for it: of those stored whole, the earliest
-- published (then the one that founded the story, then the first stored).
CREATE OR REPLACE VIEW story_representatives AS
SELECT a.story_id, first(a.article_id ORDER BY a.published NULLS LAST, f.article_id IS NULL, a.ingested_at,
                         a.article_id) AS article_id
FROM articles a LEFT JOIN article_sources f ON f.article_id = a.article_id AND f.match = 'first'
WHERE a.story_id IS NOT NULL
  AND a.article_id NOT IN (SELECT article_id FROM article_sources WHERE extracted = 'new_sentences')
GROUP BY a.story_id;

-- grain: one row per article whose mentions count for its story: the representative and the
-- supplements (near copies stored for the sentences they add; their mentions are those only).
CREATE OR REPLACE VIEW story_fact_articles AS
SELECT story_id, article_id, 'representative' AS role FROM story_representatives
UNION ALL
SELECT a.story_id, a.article_id, 'supplement' FROM articles a JOIN article_sources s USING (article_id)
WHERE s.extracted = 'new_sentences' AND a.story_id IS NOT NULL;

-- grain: one row per story, with its stored articles and every place it was found.
CREATE OR REPLACE VIEW stories AS
WITH members AS (
    SELECT story_id, count(*) AS n_articles,
           list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages,
           min(published) AS first_published
    FROM articles WHERE story_id IS NOT NULL GROUP BY story_id),
places AS (
    SELECT story_id, count(*) AS n_sources, count(*) FILTER (WHERE article_id IS NULL) AS n_copies_not_stored,
           count(*) FILTER (WHERE extracted = 'new_sentences') AS n_supplements,
           list(location ORDER BY first_seen_at, location) AS locations,
           list(DISTINCT source ORDER BY source) AS source_names
    FROM article_sources GROUP BY story_id)
SELECT r.story_id, r.article_id AS representative_article_id, a.title, m.n_articles, m.languages,
       m.first_published, coalesce(p.n_sources, 0) AS n_sources,
       coalesce(p.n_copies_not_stored, 0) AS n_copies_not_stored, coalesce(p.n_supplements, 0) AS n_supplements,
       p.locations, p.source_names
FROM story_representatives r JOIN members m USING (story_id) JOIN articles a ON a.article_id = r.article_id
LEFT JOIN places p USING (story_id);

-- Facts counted once per story: the mentions of each story's representative article and of its
-- supplements (whose mentions are their new sentences' only). grain: as the mention tables.
CREATE OR REPLACE VIEW story_date_mentions AS
SELECT r.story_id, m.* FROM story_fact_articles r JOIN date_mentions m USING (article_id);
CREATE OR REPLACE VIEW story_count_mentions AS
SELECT r.story_id, m.* FROM story_fact_articles r JOIN count_mentions m USING (article_id);
CREATE OR REPLACE VIEW story_document_mentions AS
SELECT r.story_id, m.* FROM story_fact_articles r JOIN document_mentions m USING (article_id);
CREATE OR REPLACE VIEW story_mentions AS
SELECT r.story_id, m.* FROM story_fact_articles r JOIN mentions m USING (article_id);

-- grain: one row per source (sources.toml name) that was ever fetched: its last fetch run.
CREATE OR REPLACE VIEW source_fetch_status AS
WITH runs AS (
    SELECT source, run_id, max(fetched_at) AS fetched_at,
           first(status ORDER BY fetched_at) FILTER (WHERE kind IN ('feed', 'listing', 'sitemap')) AS listing_status,
           first(reason ORDER BY fetched_at) FILTER (WHERE kind IN ('feed', 'listing', 'sitemap')) AS listing_reason,
           first(detail ORDER BY fetched_at) FILTER (WHERE kind IN ('feed', 'listing', 'sitemap')) AS listing_detail,
           count(*) FILTER (WHERE kind = 'page' AND status = 'fetched') AS n_pages_fetched,
           count(*) FILTER (WHERE kind = 'page' AND reason = 'article') AS n_articles,
           count(*) FILTER (WHERE reason = 'irrelevant') AS n_irrelevant,
           count(*) FILTER (WHERE status = 'failed') AS n_failed
    FROM fetch_log GROUP BY source, run_id),
ever AS (
    SELECT source, max(fetched_at) FILTER (WHERE kind IN ('feed', 'listing', 'sitemap')
                                            AND status IN ('fetched', 'not_modified')) AS last_ok_at,
           count(DISTINCT run_id) AS n_runs
    FROM fetch_log GROUP BY source)
SELECT r.source, r.fetched_at AS last_fetched_at, r.run_id AS last_run_id, r.listing_status, r.listing_reason,
       r.listing_detail, r.n_pages_fetched, r.n_articles, r.n_irrelevant, r.n_failed, e.last_ok_at, e.n_runs
FROM runs r JOIN ever e USING (source)
QUALIFY row_number() OVER (PARTITION BY r.source ORDER BY r.fetched_at DESC, r.run_id DESC) = 1;

-- ---- what the mentions mean (issue 9) -------------------------------------------------------------

-- grain: one row per money or quantity figure of a story (an article without a story is its own):
-- amounts of money, percentages and physical quantities, and counts of things that state their
-- period. The same figure (kind, value, unit, measure, period) reported by several articles of one
-- story, or twice in one article, is one row: its first report in the story's representative
-- article, else in the earliest published article.
CREATE OR REPLACE VIEW figures AS
WITH figure_rows AS (
    SELECT m.*, a.story_id, a.language, a.published,
           coalesce(a.story_id, 'article:' || m.article_id) AS story_key,
           concat_ws('|', coalesce(a.story_id, 'article:' || m.article_id), m.kind, coalesce(m.unit, ''),
                     m.value::VARCHAR, coalesce(m.measure, ''), coalesce(m.period_value, '')) AS figure_key,
           d.value_start AS period_start, d.value_end AS period_end,
           r.article_id IS NOT NULL AS is_representative
    FROM count_mentions m
    JOIN articles a USING (article_id)
    LEFT JOIN date_mentions d ON d.article_id = m.article_id AND d.start_char = m.period_start_char
                             AND d.end_char = m.period_end_char
    LEFT JOIN story_representatives r ON r.story_id = a.story_id AND r.article_id = m.article_id
    WHERE m.kind IN ('money', 'percent')
       OR m.kind = 'cardinal' AND (m.unit NOT IN ('item') OR m.period_value IS NOT NULL)),
reports AS (
    SELECT figure_key, count(DISTINCT article_id) AS n_articles,
           list(DISTINCT article_id ORDER BY article_id) AS article_ids,
           list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages
    FROM figure_rows GROUP BY figure_key)
SELECT f.story_id, f.article_id, f.start_char, f.end_char, f.text, f.kind, f.value, f.unit, f.measure,
       f.qualifier, f.object, f.period_value, f.period_start, f.period_end, f.sentence, f.language,
       f.published, r.n_articles, r.languages, r.article_ids
FROM figure_rows f JOIN reports r USING (figure_key)
QUALIFY row_number() OVER (PARTITION BY f.figure_key
                           ORDER BY f.is_representative DESC, f.published NULLS LAST, f.article_id, f.start_char) = 1;

-- grain: one row per happening of a story (an article without a story is its own): a date mention
-- whose role is 'event', by its event type and value. The same happening reported by several
-- articles of one story, or twice in one article, is one row: its first report in the story's
-- representative article, else in the earliest published article. document_names are the
-- documents named in the same sentence of that report.
CREATE OR REPLACE VIEW timeline AS
WITH events AS (
    SELECT m.*, a.story_id, a.language, a.published,
           concat_ws('|', coalesce(a.story_id, 'article:' || m.article_id), m.event_type, m.value) AS happening_key,
           r.article_id IS NOT NULL AS is_representative
    FROM date_mentions m
    JOIN articles a USING (article_id)
    LEFT JOIN story_representatives r ON r.story_id = a.story_id AND r.article_id = m.article_id
    WHERE m.role = 'event'),
reports AS (
    SELECT happening_key, count(DISTINCT article_id) AS n_sources,
           list(DISTINCT article_id ORDER BY article_id) AS article_ids
    FROM events GROUP BY happening_key),
firsts AS (
    SELECT e.*, r.n_sources, r.article_ids
    FROM events e JOIN reports r USING (happening_key)
    QUALIFY row_number() OVER (PARTITION BY e.happening_key
                               ORDER BY e.is_representative DESC, e.published NULLS LAST, e.article_id,
                                        e.start_char) = 1),
sentence_documents AS (
    SELECT f.article_id, f.start_char,
           list(DISTINCT doc.document_id ORDER BY doc.document_id) AS document_ids,
           list(DISTINCT doc.canonical_name ORDER BY doc.canonical_name) AS document_names
    FROM firsts f
    JOIN document_mentions dm ON dm.article_id = f.article_id AND dm.sentence_index = f.sentence_index
    JOIN documents doc ON list_contains(dm.document_ids, doc.document_id)
    GROUP BY f.article_id, f.start_char)
SELECT f.story_id, f.article_id, f.start_char, f.end_char, f.text, f.value, f.value_start, f.value_end,
       f.granularity, f.event_type, f.sentence, f.language, f.published, f.n_sources, f.article_ids,
       coalesce(s.document_ids, []::VARCHAR[]) AS document_ids,
       coalesce(s.document_names, []::VARCHAR[]) AS document_names
FROM firsts f
LEFT JOIN sentence_documents s ON s.article_id = f.article_id AND s.start_char = f.start_char;
