"""articles: the input texts, one row per article."""
import datetime as dt

from warehouse.tables.common import STORY_ID, content_sha256, run_id
from warehouse.tables.model import Column, Rule, Table, Value

# Where a publication date can come from, strongest evidence first (a fetched page: its metadata, then
# the feed item, then the date shown under the headline; any article: the input's own field, then a
# date line or stamp in the text, then the reference date the user gave for the file or run).
PUBLISHED_SOURCES = (
    Value("input", "the input's own field: `published` of a JSON Lines record, or a date the caller passed"),
    Value("page_metadata", "the page's machine-readable publication date (JSON-LD datePublished, "
                           "article:published_time and similar meta tags)"),
    Value("feed", "the date of the feed item (RSS pubDate, Atom published/updated) that linked the page"),
    Value("page_byline", "the date printed with the article on the page (under the headline, in the byline)"),
    Value("text", "a date line or time stamp in the article's own text ('29.12.2024 00:10', 'Baku, 12 March "
                  "2024')"),
    Value("reference", "the reference date the user gave for the file or the run (`--reference-date`), for "
                       "an article that states none"),
)

TABLE = Table(
    name="articles",
    layer="core",
    grain=("article_id",),
    description=(
        "One news article: its text exactly as it was read, where it came from, its language and publication "
        "date, and whether it is about Russia-Azerbaijan relations. Every mention points into `text` by "
        "character offsets. A rerun rewrites an article only when its text, language, publication date or "
        "extractor version changed."),
    written_by="flows/pipeline.py (process_articles) from transforms/ingest.py and transforms/pages.py records",
    columns=(
        Column("article_id", "VARCHAR",
               "The article's identifier: the input's `id` for JSON Lines, the file name without extension for "
               "a text or HTML file, the host and a hash of the canonical URL for a fetched page.",
               nullable=False),
        Column("source", "VARCHAR", "The file path or URL the article was read from.", nullable=False),
        Column("source_line", "INTEGER", "The line of a JSON Lines file the article is on, from 1; NULL for other "
               "formats.", minimum=1),
        Column("source_format", "VARCHAR", "The format the article was read from.", nullable=False, values=(
                   Value("jsonl", "a line of a JSON Lines file (id and text required)"),
                   Value("txt", "a plain text file, one article"),
                   Value("html", "an HTML page (a file, or a page fetched from a source): its main text and "
                                 "metadata extracted with trafilatura"),
                   Value("feed", "an article read from a feed entry"),
               )),
        Column("url", "VARCHAR", "The article's address on the web, when known (given in the input, or the final "
               "URL of a fetched page after redirects)."),
        Column("title", "VARCHAR", "The headline, when the input or the page gives one."),
        Column("author", "VARCHAR", "The author, when the page names one."),
        Column("language", "VARCHAR",
               "The language of the text as a two-letter ISO 639-1 code (az, ru, en are the languages the "
               "extractors know; another code means the text was detected or declared as another language); "
               "NULL when it could not be told.",
               regex=r"^[a-z]{2}$",
               normalised="lower case, region dropped ('ru-RU' -> 'ru'), common names mapped to codes.",
               source="the input's `language` field or the page's declared language, else detected with "
                      "py3langid (see language_method)."),
        Column("language_confidence", "FLOAT",
               "How sure the language is: 1.0 when given, else py3langid's probability.", minimum=0, maximum=1),
        Column("language_method", "VARCHAR", "How the language was found.", values=(
            Value("given", "declared by the input or the page (and not contradicted by a confident detection)"),
            Value("detected", "detected from the text with py3langid"),
        )),
        Column("published", "DATE",
               "The publication date, when the input, the page or its feed gives one. Relative dates in the text "
               "(\"yesterday\", \"this year\") are resolved against it.",
               minimum=dt.date(1900, 1, 1), maximum=dt.date(2100, 12, 31),
               normalised="a calendar date; ISO dates, DD.MM.YYYY and RFC 822 feed dates are read, a time of "
                          "day is dropped; an unreadable date is left NULL and reported in ingest_errors."),
        Column("text", "VARCHAR",
               "The article's text, unchanged from the input (for a page: the main text trafilatura extracted). "
               "Mention offsets index into it.", nullable=False),
        Column("n_chars", "INTEGER", "The length of `text`.", nullable=False, unit="characters (code points)",
               minimum=0),
        content_sha256("SHA-256 of `text` encoded as UTF-8: tells a changed text from an unchanged one."),
        Column("extractor_version", "VARCHAR",
               "The version of the extractors that produced this article's mentions (transforms/extract.py "
               "EXTRACTOR_VERSION); `ruaz reprocess` re-extracts articles of an older version.", nullable=False),
        Column("ingested_at", "TIMESTAMP", "When this article_id was first loaded (UTC, the run's date).",
               nullable=False, set_once=True),
        Column("updated_at", "TIMESTAMP", "When the row was last rewritten (UTC, the run's date).", nullable=False),
        run_id("The run that last wrote this row."),
        Column("relevance_score", "FLOAT",
               "How much the article is about Russia-Azerbaijan relations, from 0 (neither country) to 1 (a "
               "bilateral expression such as 'Russian-Azerbaijani'): both countries named score 0.6 and more "
               "with more mentions; one country only at most 0.4.",
               required=True, minimum=0, maximum=1, unit="score 0..1",
               source="transforms/relevance.py: a lexicon of each side's inflected names, leaders, "
                      "institutions and the bilateral mechanisms, in the article's language."),
        Column("relevance_reason", "VARCHAR",
               "What the score is based on: a verdict ('bilateral', 'both countries', 'only Russia', "
               "'only Azerbaijan', 'neither country') and the words found per side with their counts, e.g. "
               "'both countries; Russia: Rusiya×2; Azerbaijan: Bakı×1'.", required=True),
        Column("is_relevant", "BOOLEAN",
               "relevance_score is at least the run's relevance threshold (0.5 by default).", required=True),
        Column("story_id", "VARCHAR",
               "The story the article belongs to (copies of one report share it): 'story-' and 16 hex digits of "
               "the SHA-256 of the article that founded the story. Never changes once set.",
               required=True, regex=STORY_ID),
        Column("published_source", "VARCHAR",
               "Where `published` came from, when it is known; NULL when the article has no publication date.",
               values=PUBLISHED_SOURCES),
    ),
    rules=(
        Rule("text_present", "an article has non-blank text"),
        Rule("hash_matches_text", "content_sha256 is the hash of the stored text"),
    ),
)
