"""dropped_lines: what was taken out of each stored article's text as its site's boilerplate."""
from warehouse.tables.common import SHA256_HEX, run_id
from warehouse.tables.model import Column, References, Table

TABLE = Table(
    name="dropped_lines",
    layer="sites",
    grain=("article_id", "line_index"),
    description=(
        "One line taken out of a fetched article's main text because its site repeats it on its pages "
        "(site_lines). The archived page (raw_pages) keeps it; `articles.text` does not, so no mention comes "
        "from it. Rewritten with the article."),
    written_by="transforms/pages.py (finish_page, via transforms/boilerplate.py drop_lines), loaded by "
               "warehouse/live.py (load_dropped_lines)",
    columns=(
        Column("article_id", "VARCHAR", "The article the line was dropped from.", nullable=False,
               references=References("articles", "article_id")),
        Column("line_index", "INTEGER", "The line's position among the lines of the main text as read from the "
               "page (without the headline), from 0.", nullable=False, minimum=0),
        Column("line_sha256", "VARCHAR", "The line's key in site_lines.", nullable=False, regex=SHA256_HEX),
        Column("line", "VARCHAR", "The line as it stood in the page's text.", nullable=False),
        Column("site", "VARCHAR", "The site whose boilerplate it is (site_lines.site).", nullable=False),
        run_id("The run that read the page."),
    ),
    strict=True,
)
