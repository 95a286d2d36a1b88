-- 001: the core tables. Every table states its grain and invariants; validation
-- (expectations/<table>.json) checks them before a row is loaded.

-- grain: one row per article_id (the input id when the input gives one).
-- invariants: text is the input text unchanged; content_sha256 = sha256(utf-8 text);
-- ingested_at is when this article_id first landed, updated_at when its content last changed.
CREATE TABLE IF NOT EXISTS articles (
    article_id          VARCHAR PRIMARY KEY,
    source              VARCHAR NOT NULL,      -- file path or URL it was read from
    source_line         INTEGER,               -- line in a JSON Lines file
    source_format       VARCHAR NOT NULL,      -- jsonl | txt | html | feed
    url                 VARCHAR,
    title               VARCHAR,
    author              VARCHAR,
    language            VARCHAR,
    language_confidence FLOAT,
    language_method     VARCHAR,               -- given | detected
    published           DATE,
    text                VARCHAR NOT NULL,
    n_chars             INTEGER NOT NULL,
    content_sha256      VARCHAR NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    ingested_at         TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    run_id              VARCHAR NOT NULL       -- the run that last changed this row
);

-- grain: one row per date expression in an article: (article_id, start_char, end_char).
-- invariants: articles.text[start_char:end_char] = text; value is TIMEX-style (YYYY, YYYY-MM,
-- YYYY-MM-DD, X for unknown digits, A/B for ranges); value_start <= value_end when both known.
CREATE TABLE IF NOT EXISTS date_mentions (
    article_id     VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    value          VARCHAR NOT NULL,
    value_start    DATE,
    value_end      DATE,
    granularity    VARCHAR NOT NULL,           -- day | month | year
    is_range       BOOLEAN NOT NULL,
    is_relative    BOOLEAN NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL,
    rule           VARCHAR NOT NULL,
    confidence     FLOAT NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char)
);

-- grain: one row per number that counts or measures something: (article_id, start_char, end_char).
-- invariants: kind in cardinal|ordinal|money|percent; qualifier in exact|more_than|less_than|about|
-- at_least|at_most; for money, object is the ISO currency code.
CREATE TABLE IF NOT EXISTS count_mentions (
    article_id     VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    kind           VARCHAR NOT NULL,
    qualifier      VARCHAR NOT NULL,
    object         VARCHAR,
    sentence_index INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL,
    rule           VARCHAR NOT NULL,
    confidence     FLOAT NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char)
);

-- grain: one row per canonical document (registry entries and documents first seen in articles).
-- invariants: document_id is stable across runs and languages; is_registered marks registry rows.
CREATE TABLE IF NOT EXISTS documents (
    document_id    VARCHAR PRIMARY KEY,
    canonical_name VARCHAR NOT NULL,
    doc_type       VARCHAR NOT NULL,
    signed_on      DATE,
    signed_place   VARCHAR,
    parties        VARCHAR[],
    is_registered  BOOLEAN NOT NULL
);

-- grain: one row per (document_id, language, alias) of the registry.
CREATE TABLE IF NOT EXISTS document_aliases (
    document_id VARCHAR NOT NULL,
    language    VARCHAR NOT NULL,
    alias       VARCHAR NOT NULL,
    PRIMARY KEY (document_id, language, alias)
);

-- grain: one row per mention of a document by a document-type noun: (article_id, start_char, end_char).
-- invariants: doc_type in the guideline types; document_id, when set, is a documents.document_id.
CREATE TABLE IF NOT EXISTS document_mentions (
    article_id      VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    doc_type        VARCHAR NOT NULL,
    document_id     VARCHAR,
    name_key        VARCHAR,
    link_method     VARCHAR NOT NULL,
    link_confidence FLOAT NOT NULL,
    sentence_index  INTEGER NOT NULL,
    sentence        VARCHAR NOT NULL,
    rule            VARCHAR NOT NULL,
    confidence      FLOAT NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char)
);

-- grain: one row per distinct problem met while reading input (source, line, reason, detail).
-- invariants: severity 'error' = the article was not loaded; 'warning' = loaded, a field dropped.
CREATE TABLE IF NOT EXISTS ingest_errors (
    error_id      VARCHAR PRIMARY KEY,         -- sha256 of source, line, reason, detail: reruns add nothing
    source        VARCHAR NOT NULL,
    source_line   INTEGER,
    article_id    VARCHAR,
    reason        VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL,
    detail        VARCHAR NOT NULL,
    excerpt       VARCHAR,
    first_run_id  VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL
);

-- grain: one row per row that failed validation: (table_name, row_key, failure set).
-- invariants: row_json holds the whole rejected row; failed_expectations names every failed check.
CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id       VARCHAR PRIMARY KEY,   -- sha256 of table, row and failures: reruns add nothing
    table_name          VARCHAR NOT NULL,
    article_id          VARCHAR,
    row_key             VARCHAR NOT NULL,
    failed_expectations VARCHAR[] NOT NULL,
    row_json            JSON NOT NULL,
    run_id              VARCHAR NOT NULL,
    quarantined_at      TIMESTAMP NOT NULL
);

-- grain: one row per pipeline run.
CREATE TABLE IF NOT EXISTS pipeline_runs (
    run_id               VARCHAR PRIMARY KEY,
    flow_run_id          VARCHAR,
    command              VARCHAR NOT NULL,     -- run | reprocess | ...
    status               VARCHAR NOT NULL,     -- completed | failed
    started_at           TIMESTAMP NOT NULL,
    finished_at          TIMESTAMP,
    parameters           JSON,
    extractor_version    VARCHAR,
    n_articles_read      INTEGER,
    n_articles_new       INTEGER,
    n_articles_changed   INTEGER,
    n_articles_unchanged INTEGER,
    n_date_mentions      INTEGER,
    n_count_mentions     INTEGER,
    n_document_mentions  INTEGER,
    n_quarantined        INTEGER,
    n_ingest_errors      INTEGER,
    timings              JSON,                 -- seconds per stage
    error                VARCHAR
);
