"""pipeline_runs: the run log."""
from warehouse.tables.model import Column, Ordered, Table, Value


def _count(name: str, description: str) -> Column:
    return Column(name, "INTEGER", description, minimum=0)


TABLE = Table(
    name="pipeline_runs",
    layer="operations",
    grain=("run_id",),
    description=("One run of the pipeline (run, reprocess or fetch): its parameters, what it read and wrote, how "
                 "long each stage took, and whether it completed. The only table that grows on a rerun with "
                 "unchanged input."),
    written_by="flows/pipeline.py (the run row, written last in the run's transaction and completed when the run "
               "publishes; a failed run is recorded on its own; a run refused by the writer lock, or one that died, "
               "is recorded by the next run from its record in <data>/.<db>/runs/)",
    columns=(
        Column("run_id", "VARCHAR", "The run: its UTC start time as YYYYMMDDTHHMMSS, a hyphen and 8 random hex "
               "digits. Every row a run writes carries it.", nullable=False),
        Column("flow_run_id", "VARCHAR", "The Prefect flow run that executed it (a UUID), when there was one."),
        Column("command", "VARCHAR", "What was run.", nullable=False, values=(
            Value("run", "`ruaz run`: ingest files and folders"),
            Value("reprocess", "`ruaz reprocess`: re-extract the stored articles (and re-read archived pages with "
                               "--from-raw)"),
            Value("fetch", "`ruaz fetch`: collect articles from the configured live sources"),
        )),
        Column("status", "VARCHAR", "How the run ended.", nullable=False, values=(
            Value("completed", "loaded and published: its rows are in the lake snapshot snapshot_id"),
            Value("failed", "stopped by an error, refused by the writer lock, or died (see `error`). Rows it had "
                            "committed before the error stay in the state store and are published by the next run; "
                            "`error` says which"),
        )),
        Column("started_at", "TIMESTAMP", "When the run really started, wall clock (UTC).", nullable=False),
        Column("finished_at", "TIMESTAMP", "When the run finished writing its snapshot, wall clock (UTC); NULL for a "
               "run that died or was refused."),
        Column("parameters", "JSON", "The run's parameters and options as a JSON object (inputs, db, export "
               "folder, relevance and story policy, batch and chunk sizes, ...)."),
        Column("extractor_version", "VARCHAR", "The extractors' version the run used (transforms/extract.py "
               "EXTRACTOR_VERSION)."),
        _count("n_articles_read", "Articles read from the inputs or fetched pages (after duplicates are dropped)."),
        _count("n_articles_new", "Articles stored for the first time."),
        _count("n_articles_changed", "Stored articles whose text, language, publication date or extractor version "
                                     "changed, so they were extracted again."),
        _count("n_articles_unchanged", "Stored articles left as they were (not re-extracted)."),
        _count("n_date_mentions", "date_mentions rows loaded by the run."),
        _count("n_count_mentions", "count_mentions rows loaded by the run."),
        _count("n_document_mentions", "document_mentions rows loaded by the run."),
        _count("n_quarantined", "Rows the run sent to quarantine."),
        _count("n_ingest_errors", "Input problems of severity 'error' the run met (warnings are not counted)."),
        Column("timings", "JSON", "Seconds per stage as a JSON object (read, plan, extract, validate, load, "
               "publish).", unit="seconds"),
        Column("error", "VARCHAR", "For a failed run: the exception's type and message."),
        _count("n_articles_irrelevant", "Articles read or fetched but not extracted: below the relevance threshold."),
        _count("n_story_copies", "Fetched copies of stored stories: recorded in article_sources, not stored as "
                                 "articles."),
        _count("n_pages_fetched", "Bodies received with HTTP 200 and archived (feeds, listing pages and pages)."),
        _count("n_fetch_failures", "Requests that failed (fetch_log.status = 'failed')."),
        Column("scheduled_at", "TIMESTAMP", "The run's date (UTC): the scheduled start of a scheduled run, else when it "
               "was started; what ingested_at and updated_at of the articles it wrote say."),
        Column("snapshot_id", "VARCHAR", "The lake snapshot that published the run (warehouse/lake.py); NULL when it "
               "published nothing."),
    ),
    ordered=(Ordered("started_at", "finished_at", "a run ends after it starts"),),
    strict=True,
)
