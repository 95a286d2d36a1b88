-- 002: live sources. Relevance and stories on articles; the raw archive, the fetch log and the
-- sources of every story. Every table states its grain and invariants; validation
-- (expectations/<table>.json) checks them before a row is loaded.

-- articles gain (existing columns keep their meaning):
-- relevance_score 0..1 and relevance_reason (transforms/relevance.py); is_relevant = score >= the
-- run's threshold; story_id = the story the article belongs to (never changes once set).
ALTER TABLE articles ADD COLUMN relevance_score FLOAT;
ALTER TABLE articles ADD COLUMN relevance_reason VARCHAR;
ALTER TABLE articles ADD COLUMN is_relevant BOOLEAN;
ALTER TABLE articles ADD COLUMN story_id VARCHAR;

ALTER TABLE pipeline_runs ADD COLUMN n_articles_irrelevant INTEGER;   -- read or fetched, not extracted
ALTER TABLE pipeline_runs ADD COLUMN n_story_copies INTEGER;          -- copies recorded as sources, not stored
ALTER TABLE pipeline_runs ADD COLUMN n_pages_fetched INTEGER;         -- HTTP 200 bodies (feeds and pages)
ALTER TABLE pipeline_runs ADD COLUMN n_fetch_failures INTEGER;

-- grain: one row per distinct body received from a URL: (url, content_sha256).
-- invariants: the body is the gzip file archive_path (relative to the raw archive folder), whose
-- uncompressed sha256 is content_sha256 and length n_bytes; etag / last_modified are the
-- response's validators, sent back as If-None-Match / If-Modified-Since by later runs.
CREATE TABLE IF NOT EXISTS raw_pages (
    url             VARCHAR NOT NULL,      -- the URL requested (canonical)
    content_sha256  VARCHAR NOT NULL,
    final_url       VARCHAR NOT NULL,      -- after redirects
    kind            VARCHAR NOT NULL,      -- feed | listing | page
    source          VARCHAR NOT NULL,      -- the sources.toml name that led to it
    fetched_at      TIMESTAMP NOT NULL,
    http_status     INTEGER NOT NULL,
    content_type    VARCHAR,
    etag            VARCHAR,
    last_modified   VARCHAR,
    archive_path    VARCHAR NOT NULL,
    n_bytes         BIGINT NOT NULL,
    run_id          VARCHAR NOT NULL,
    PRIMARY KEY (url, content_sha256)
);

-- grain: one row per URL per fetch run: (run_id, url). What became of the request.
-- invariants: status in fetched | not_modified | skipped | failed; reason is a short code
-- (feed, listing, article, not_modified, irrelevant, timeout, connection_error, http_error,
-- redirect_loop, too_large, undecodable, not_an_article, bad_feed, ...); detail says it in words.
-- A page URL already settled (archived, or failed for good) is not requested and not logged again.
CREATE TABLE IF NOT EXISTS fetch_log (
    run_id        VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,        -- feed | listing | page
    status        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    detail        VARCHAR,
    http_status   INTEGER,
    final_url     VARCHAR,
    is_transient  BOOLEAN NOT NULL,        -- a failure worth trying again next run (timeout, 5xx, ...)
    n_attempts    INTEGER NOT NULL,
    elapsed_ms    INTEGER NOT NULL,
    n_bytes       BIGINT NOT NULL,
    content_sha256 VARCHAR,                -- the body, when one was received
    fetched_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, url)
);

-- grain: one row per place a story was found: location (a URL, or 'article:<id>' for an article
-- read from a file without one).
-- invariants: every article has the row of its own location; article_id is NULL for a copy
-- that was not stored (its facts are its story's); match in first | exact | near;
-- matched_article_id is the stored article a copy matched (NULL for first).
CREATE TABLE IF NOT EXISTS article_sources (
    location           VARCHAR PRIMARY KEY,
    story_id           VARCHAR NOT NULL,
    article_id         VARCHAR,
    match              VARCHAR NOT NULL,
    matched_article_id VARCHAR,
    similarity         FLOAT NOT NULL,     -- estimated Jaccard of word 3-shingles with the matched article
    url                VARCHAR,
    source             VARCHAR NOT NULL,   -- the sources.toml name, or the input file
    content_sha256     VARCHAR NOT NULL,   -- of the copy's text
    first_seen_at      TIMESTAMP NOT NULL,
    run_id             VARCHAR NOT NULL
);

-- grain: one row per stored article: article_id. What near-duplicate matching compares.
-- invariants: content_key = sha256 of the normalised text; minhash has 128 values, or is NULL
-- for a text too short to compare other than exactly.
CREATE TABLE IF NOT EXISTS article_fingerprints (
    article_id          VARCHAR PRIMARY KEY,
    content_key         VARCHAR NOT NULL,
    minhash             UINTEGER[],
    fingerprint_version VARCHAR NOT NULL
);

-- Articles stored before this migration: each its own story, its location recorded.
UPDATE articles SET story_id = 'story-' || substr(sha256(article_id), 1, 16) WHERE story_id IS NULL;
INSERT INTO article_sources
SELECT coalesce(url, 'article:' || article_id), story_id, article_id, 'first', NULL, 1.0, url, source,
       content_sha256, ingested_at, run_id
FROM articles
ON CONFLICT DO NOTHING;
