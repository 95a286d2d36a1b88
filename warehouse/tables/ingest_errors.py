"""ingest_errors: input that could not be read (or was read with a field dropped), and why."""
from warehouse.tables.common import SHA256_HEX
from warehouse.tables.model import Column, References, Table, Value

TABLE = Table(
    name="ingest_errors",
    layer="operations",
    grain=("error_id",),
    description=(
        "One distinct problem met while reading input: a file, a line or a page that could not be read, or "
        "an article loaded with a field dropped. The same problem met again in a later run is not added "
        "again. Bad input never stops a run: the rest loads."),
    written_by="transforms/tables.py (ingest_errors_frame) from the problems of transforms/ingest.py, "
               "flows/inputs.py and transforms/pages.py",
    columns=(
        Column("error_id", "VARCHAR",
               "SHA-256 of the source, line, reason, detail and article id: a rerun that meets the same problem "
               "adds nothing.", nullable=False, regex=SHA256_HEX),
        Column("source", "VARCHAR", "The file path or URL the problem is in.", nullable=False),
        Column("source_line", "INTEGER", "The line of a JSON Lines file, from 1; NULL for a whole file or page.",
               minimum=1),
        Column("article_id", "VARCHAR", "The article concerned, when its id could be read."),
        Column("reason", "VARCHAR", "What went wrong, as a short code.", nullable=False, closed=False, values=(
            Value("not_found", "the input path does not exist"),
            Value("unsupported_format", "a file of a kind the reader does not know (not .jsonl, .txt, .html)"),
            Value("too_large", "a file over the size limit"),
            Value("unreadable", "the file or folder could not be opened, listed or read (permissions, a dangling "
                                "or looping symbolic link, a FIFO or device)"),
            Value("undecodable", "bytes that are neither UTF-8 nor a confidently guessed legacy encoding"),
            Value("legacy_encoding", "(warning) a file read in a legacy encoding such as cp1251"),
            Value("bad_json", "a JSON Lines line that is not a JSON object"),
            Value("missing_id", "a record without a usable id"),
            Value("bad_text", "a record whose text is not a string"),
            Value("empty_text", "a record whose text has no letter or digit (empty, white space, NULs, "
                                "punctuation)"),
            Value("too_long", "a text over the length limit (2,000,000 characters)"),
            Value("bad_published", "(warning) an unreadable publication date, or one outside 1900-01-01..2100-12-31 "
                                   "(or with an impossible time of day): the article is loaded without one"),
            Value("broken_html", "an HTML page the parser could not read"),
            Value("not_an_article", "a page with no main text of article length (a menu, an index, an error page)"),
            Value("language_mismatch", "(warning) a page whose declared language a confident detection "
                                       "contradicts: the detected language is stored"),
            Value("duplicate_id", "(warning) an id read twice with the same text: loaded once"),
            Value("conflicting_id", "an id read twice with different texts: the later one is not loaded"),
            Value("bad_id", "an id longer than 256 characters (it would be copied into every mention row)"),
            Value("bad_field", "(warning) a url, title, author or language that is not text or not a language "
                               "code: the article is loaded without it"),
            Value("lone_surrogate", "(warning) a lone UTF-16 surrogate (a JSON escape such as \\ud800 with no "
                                    "pair) in a field: replaced by U+FFFD, one for one, so offsets hold"),
            Value("not_an_input", "(warning) a file in an input folder that is not .jsonl, .txt or .html: skipped"),
            Value("extraction_failed", "an extractor raised an error on the article: it is not loaded; the "
                                       "article and the error are in quarantine"),
            Value("extraction_timeout", "the article's extraction ran past the per-article time limit: it is "
                                        "not loaded; the article is in quarantine"),
        )),
        Column("severity", "VARCHAR", "What became of the input.", nullable=False, values=(
            Value("error", "the article (or file, or line) was not loaded"),
            Value("warning", "the article was loaded, with a field dropped or corrected (or a file that is "
                             "not an input was skipped)"),
        )),
        Column("detail", "VARCHAR", "The problem in words (the parser's message, the limit exceeded, ...).",
               nullable=False),
        Column("excerpt", "VARCHAR", "The first 200 characters of the offending line, when there is one."),
        Column("first_run_id", "VARCHAR", "The run that first met the problem.", nullable=False,
               references=References("pipeline_runs", "run_id")),
        Column("first_seen_at", "TIMESTAMP", "When the problem was first met (UTC, the run's date).",
               nullable=False),
    ),
)
