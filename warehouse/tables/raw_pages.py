"""raw_pages: each body received from a URL, archived."""
from warehouse.tables.common import content_sha256, run_id
from warehouse.tables.model import Column, Table, Value

FETCH_KINDS = (
    Value("feed", "an RSS or Atom feed of a source"),
    Value("listing", "a listing page of a source (its article links are picked by the source's link_pattern), "
                     "or a page of its archive (a further listing page, a dated archive page)"),
    Value("sitemap", "a sitemap of a source: a news sitemap, a urlset, or a sitemap index and the sitemaps it "
                     "lists"),
    Value("page", "an article page a feed, listing or sitemap linked to"),
)

TABLE = Table(
    name="raw_pages",
    layer="raw",
    grain=("url", "content_sha256"),
    description=(
        "One distinct body received from a URL: the body itself is a gzip file in the raw archive "
        "(archive_path); etag and last_modified are sent back as If-None-Match / If-Modified-Since by later "
        "runs. A body received again keeps its first row, with the newest validators."),
    written_by="flows/live.py (fetch runs), loaded by warehouse/live.py (load_fetch_tables)",
    columns=(
        Column("url", "VARCHAR", "The URL requested (canonical form).", nullable=False, regex=r"^https?://"),
        content_sha256("SHA-256 of the uncompressed body."),
        Column("final_url", "VARCHAR", "The URL the body came from, after redirects.", nullable=False,
               regex=r"^https?://"),
        Column("kind", "VARCHAR", "What the URL is to its source.", nullable=False, values=FETCH_KINDS),
        Column("source", "VARCHAR", "The sources.toml source that led to it.", nullable=False),
        Column("fetched_at", "TIMESTAMP", "When the body was received (UTC).", nullable=False),
        Column("http_status", "INTEGER", "The HTTP status of the response (a success: only those have a body to "
               "archive).", nullable=False, minimum=200, maximum=299),
        Column("content_type", "VARCHAR", "The response's Content-Type header."),
        Column("etag", "VARCHAR", "The response's ETag header, sent back as If-None-Match."),
        Column("last_modified", "VARCHAR", "The response's Last-Modified header as sent, sent back as "
               "If-Modified-Since."),
        Column("archive_path", "VARCHAR",
               "The body's file in the raw archive, relative to it: the first two hex digits of content_sha256, "
               "'/', content_sha256 and '.html.gz' or '.xml.gz'.", nullable=False,
               regex=r"^[0-9a-f]{2}/[0-9a-f]{64}\.(?:html|xml)\.gz$"),
        Column("n_bytes", "BIGINT", "The length of the uncompressed body.", nullable=False, unit="bytes", minimum=0),
        run_id("The run that received the body."),
    ),
)
