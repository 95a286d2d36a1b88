-- 008: live sources as real sites behave (issue 14). Grain, invariants and every column's meaning
-- are declared in warehouse/tables/<table>.py; this is the DDL.

-- site_lines: grain (site, line_sha256). A short line of the main text of a site's pages and on how
-- many distinct pages (copies of one story count once) it stands; is_boilerplate = n_pages reached the threshold when written.
CREATE TABLE IF NOT EXISTS site_lines (
    site            VARCHAR NOT NULL,
    line_sha256     VARCHAR NOT NULL,
    line            VARCHAR NOT NULL,
    n_pages         INTEGER NOT NULL,
    page_signatures VARCHAR[] NOT NULL,
    is_boilerplate  BOOLEAN NOT NULL,
    first_seen_at   TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    run_id          VARCHAR NOT NULL,
    PRIMARY KEY (site, line_sha256)
);

-- dropped_lines: grain (article_id, line_index). A line taken out of a fetched article's text as its
-- site's boilerplate; rewritten with the article. The archived page keeps it.
CREATE TABLE IF NOT EXISTS dropped_lines (
    article_id   VARCHAR NOT NULL,
    line_index   INTEGER NOT NULL,
    line_sha256  VARCHAR NOT NULL,
    line         VARCHAR NOT NULL,
    site         VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    PRIMARY KEY (article_id, line_index)
);

-- raw_archives: grain (archive_root). Where the fetch runs archived bodies: relative to the
-- warehouse file's folder when under it, else absolute.
CREATE TABLE IF NOT EXISTS raw_archives (
    archive_root   VARCHAR PRIMARY KEY,
    first_used_at  TIMESTAMP NOT NULL,
    last_used_at   TIMESTAMP NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- fetch_resets: grain (url, run_id). A page URL whose fetch history a user set aside (refetch |
-- retry_given_up): fetch_log rows fetched before reset_at no longer count.
CREATE TABLE IF NOT EXISTS fetch_resets (
    url       VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    reset_at  TIMESTAMP NOT NULL,
    run_id    VARCHAR NOT NULL,
    PRIMARY KEY (url, run_id)
);

-- article_sources: what of a stored article its mentions come from (whole | new_sentences; NULL for
-- a copy not stored). Every article stored before this migration was extracted whole.
ALTER TABLE article_sources ADD COLUMN extracted VARCHAR;
UPDATE article_sources SET extracted = 'whole' WHERE article_id IS NOT NULL;
