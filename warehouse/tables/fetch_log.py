"""fetch_log: what became of every request of a fetch run."""
from warehouse.tables.common import SHA256_HEX, run_id
from warehouse.tables.model import Column, Table, Value
from warehouse.tables.raw_pages import FETCH_KINDS

LOGGED_KINDS = (*FETCH_KINDS, Value("robots", "a host's robots.txt, read once per run before its first request"))

TABLE = Table(
    name="fetch_log",
    layer="raw",
    grain=("run_id", "url"),
    description=(
        "One URL requested (or given up on, or not requested for a stated reason) in one fetch run and what "
        "became of it. A page URL already settled (archived, or failed for good) is not requested and not logged "
        "again, unless it is revalidated (fetched within RUAZ_FETCH_REVALIDATE_DAYS) or reset (fetch_resets)."),
    written_by="flows/live.py (fetch runs), loaded by warehouse/live.py (load_fetch_tables)",
    columns=(
        run_id("The fetch run."),
        Column("url", "VARCHAR", "The URL requested.", nullable=False),
        Column("source", "VARCHAR", "The sources.toml source it belongs to.", nullable=False),
        Column("kind", "VARCHAR", "What the URL is to its source.", nullable=False, values=LOGGED_KINDS),
        Column("status", "VARCHAR", "The outcome.", nullable=False, values=(
            Value("fetched", "a body was received (and, for a page, kept as an article)"),
            Value("not_modified", "the server answered 304: nothing changed since the last body"),
            Value("skipped", "not kept, or not requested: a page that is not relevant; a URL robots.txt disallows; "
                             "a request left for a later run (the run's or the source's time budget spent, its "
                             "host not answering)"),
            Value("failed", "no usable answer (see reason); a transient failure is tried again in later runs"),
        )),
        Column("reason", "VARCHAR", "Why, as a short code.", nullable=False, regex=r"^[a-z_]+$", closed=False,
               values=(
                   Value("feed", "a feed was read (detail: how many links, how many new)"),
                   Value("listing", "a listing page was read (detail: how many links, how many new)"),
                   Value("sitemap", "a sitemap was read (detail: how many links or sitemaps, how many new)"),
                   Value("robots", "a robots.txt was read (detail: its Crawl-delay, if any)"),
                   Value("no_robots", "the host has no robots.txt (HTTP 4xx): everything is allowed"),
                   Value("robots_disallowed", "robots.txt disallows the URL for our User-Agent: not requested"),
                   Value("robots_unavailable", "robots.txt could not be read (5xx, timeout): the host is not "
                                               "requested in this run (transient)"),
                   Value("budget_exhausted", "the run's or the source's time budget was spent before the request "
                                             "(tried in a later run)"),
                   Value("host_unavailable", "the host failed several requests in a row in this run: not requested "
                                             "again until a later run"),
                   Value("article", "a page was read as a relevant article"),
                   Value("irrelevant", "a page was read but scored below the relevance threshold"),
                   Value("not_modified", "HTTP 304"),
                   Value("timeout", "no answer in time (transient)"),
                   Value("connection_error", "the connection failed (transient)"),
                   Value("http_error", "an HTTP error status (429 and 5xx are transient, 404 is not)"),
                   Value("redirect_loop", "a redirect back to an address already visited"),
                   Value("too_many_redirects", "more redirects than allowed (5)"),
                   Value("too_large", "a body over the size limit (5 MB), not read"),
                   Value("invalid_url", "not an http(s) URL"),
                   Value("not_recorded", "replaying a past fetch: the archive has no answer for this URL"),
                   Value("bad_feed", "a feed that could not be parsed"),
                   Value("bad_sitemap", "a sitemap that could not be parsed"),
                   Value("bad_listing", "a listing page that could not be parsed"),
                   Value("unsupported_content_type", "a page that is not HTML"),
                   Value("read_error", "the page reader failed on the page"),
                   Value("undecodable", "a page in no encoding that could be read"),
                   Value("broken_html", "HTML the parser could not read"),
                   Value("not_an_article", "a page with no main text of article length"),
               )),
        Column("detail", "VARCHAR", "The outcome in words (the HTTP status line, the error message, the relevance "
               "score and its reason, ...)."),
        Column("http_status", "INTEGER", "The HTTP status of the last response, when there was one.",
               minimum=100, maximum=599),
        Column("final_url", "VARCHAR", "The URL after redirects, when a response came."),
        Column("is_transient", "BOOLEAN", "A failure worth trying again in a later run (timeout, connection "
               "error, 429, 5xx).", nullable=False),
        Column("n_attempts", "INTEGER", "Requests made, retries included; 0 for a URL not requested (robots.txt, "
               "budget, host not answering).", nullable=False, minimum=0),
        Column("elapsed_ms", "INTEGER", "Time from the first request to the last answer.", nullable=False,
               unit="milliseconds", minimum=0),
        Column("n_bytes", "BIGINT", "The length of the body received (0 when none).", nullable=False, unit="bytes",
               minimum=0),
        Column("content_sha256", "VARCHAR", "SHA-256 of the body, when one was received (raw_pages).",
               regex=SHA256_HEX),
        Column("fetched_at", "TIMESTAMP", "When the answer came (UTC).", nullable=False),
    ),
)
