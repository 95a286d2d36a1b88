"""site_lines: the lines each site's pages carry, counted; the repeated ones are its boilerplate."""
from warehouse.tables.common import SHA256_HEX, run_id
from warehouse.tables.model import Column, Table

TABLE = Table(
    name="site_lines",
    layer="sites",
    grain=("site", "line_sha256"),
    description=(
        "One short line (at most 250 characters) of the main text of a site's pages, and on how many distinct "
        "pages of the site it stands. A line on at least `RUAZ_BOILERPLATE_MIN_PAGES` (3) distinct pages is the "
        "site's boilerplate (a promo, a subscription call, a standing notice inside the article container): it "
        "is dropped from the text of the site's articles (dropped_lines says where). Pages that are copies of "
        "each other (the same story again) count once. Lines seen on one page only are forgotten after "
        "`RUAZ_BOILERPLATE_MEMORY_DAYS` (90) days."),
    written_by="transforms/boilerplate.py (SiteLines) in fetch runs and `ruaz reprocess --from-raw` (which counts "
               "every archived page again), loaded by warehouse/live.py (load_site_lines)",
    columns=(
        Column("site", "VARCHAR", "The site: the host (and port) of the pages' final URLs, lower case, without "
               "'www.'.", nullable=False),
        Column("line_sha256", "VARCHAR", "SHA-256 of the line, normalised.", nullable=False, regex=SHA256_HEX,
               normalised="Unicode NFKC, white space collapsed, case folded (transforms/boilerplate.py line_key)."),
        Column("line", "VARCHAR", "The line as first seen.", nullable=False),
        Column("n_pages", "INTEGER", "Distinct pages of the site the line stands on.", nullable=False, minimum=1,
               unit="pages"),
        Column("page_signatures", "VARCHAR[]", "The signatures of the first pages (at most 10) the line stands on: "
               "16 MinHash values of the page's story fingerprint as hex (or 'key:' and its content key, for a "
               "short text). A page that agrees with one of them on half its values is a copy of it (the same "
               "story again, a correction, a reprint) and is not counted.", nullable=False),
        Column("is_boilerplate", "BOOLEAN", "n_pages reached the threshold when the row was last written: the line "
               "is dropped from the site's articles.", nullable=False),
        Column("first_seen_at", "TIMESTAMP", "When a page with the line was first received (UTC).", nullable=False),
        Column("last_seen_at", "TIMESTAMP", "When a page with the line was last received (UTC).", nullable=False),
        run_id("The run that last wrote the row."),
    ),
    strict=True,
)
