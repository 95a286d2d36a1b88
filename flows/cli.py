"""`ruaz`: a thin command line over the flows and the warehouse.

    ruaz run --input PATH... [--db FILE] [--export DIR | --no-export] [--min-relevance X]
    ruaz fetch [--sources FILE] [--only NAME...] [--db FILE] [--export DIR | --no-export] [--min-relevance X]
    ruaz sources [--sources FILE] [--db FILE]
    ruaz reprocess [--db FILE] [--from-raw]
    ruaz serve --cron "0 * * * *" [--flow fetch|run|reprocess] [--input PATH...]
    ruaz export --db FILE --out DIR
    ruaz evaluate --gold FILE --db FILE [--errors N] [--json]
    ruaz sql "SELECT ..." [--db FILE] [--format table|csv|json]

Defaults come from flows.settings (RUAZ_* environment variables override them).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# Polars allocates through jemalloc, which by default keeps freed pages for ~10 s: a large run that
# frees one chunk's frames and builds the next grew by ~250 MB per chunk. Return them at once
# (read when polars first allocates, so set before it is imported; worker processes inherit it).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

from flows.settings import Settings, get_settings  # noqa: E402
from flows.sources import SourcesError
from warehouse.store import WarehouseBusy

EXAMPLE_QUERY = ("SELECT d.value, d.text, a.language, a.article_id FROM date_mentions d "
                 "JOIN articles a USING (article_id) ORDER BY d.value LIMIT 10")


def _prefect_environment(settings: Settings, verbose: bool) -> None:
    """Prefect reads its settings at import: set them before the flows are imported."""
    home = settings.prefect_home_path.resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def _run_options(args: argparse.Namespace, settings: Settings):
    from flows.pipeline import RunOptions

    return RunOptions(
        batch_size=args.batch_size or settings.batch_size,
        memory_limit=settings.duckdb_memory_limit,
        lock_wait_seconds=settings.lock_wait_seconds if args.wait is None else args.wait,
    )


def _on_task_runner(entry_flow, args: argparse.Namespace, settings: Settings):
    from flows.pipeline import with_task_runner

    return with_task_runner(entry_flow, args.task_runner or settings.task_runner, args.workers or settings.workers,
                            args.dask_address or settings.dask_address)


def _export_dir(args: argparse.Namespace, settings: Settings) -> str | None:
    return None if args.no_export else str(Path(args.export or settings.export_path))


def _article_policy(settings: Settings, threshold: float | None = None, min_relevance: float | None = None):
    from flows.pipeline import ArticlePolicy

    return ArticlePolicy(relevance_threshold=settings.relevance_threshold if threshold is None else threshold,
                         min_relevance=min_relevance, story_similarity=settings.story_similarity,
                         story_window_days=settings.story_window_days or None)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    _prefect_environment(settings, args.verbose)
    from flows.pipeline import run_pipeline

    summary = _on_task_runner(run_pipeline, args, settings)(
        inputs=[str(p) for p in args.input], db=str(Path(args.db or settings.db_path)),
        export_dir=_export_dir(args, settings), options=_run_options(args, settings),
        policy=_article_policy(settings, min_relevance=args.min_relevance))
    print(format_summary(summary))
    return 0


def _source_languages(path: Path) -> dict[str, str]:
    from flows.sources import SourcesError, load_sources

    try:
        return {s.name: s.language for s in load_sources(path)}
    except SourcesError:
        return {}   # only a fallback for pages that do not declare their language


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    _prefect_environment(settings, args.verbose)
    from flows.pipeline import reprocess_pipeline

    raw_dir = str(Path(args.raw_dir or settings.raw_path)) if args.from_raw else None
    summary = _on_task_runner(reprocess_pipeline, args, settings)(
        db=str(Path(args.db or settings.db_path)), export_dir=_export_dir(args, settings),
        options=_run_options(args, settings), raw_dir=raw_dir,
        policy=_article_policy(settings, threshold=args.min_relevance),
        source_languages=_source_languages(Path(args.sources or settings.sources_file)))
    print(format_summary(summary))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    _prefect_environment(settings, args.verbose)
    from flows.schedule import NoServerError, build_deployment, serve

    parameters = {"db": str(Path(args.db or settings.db_path)), "export_dir": _export_dir(args, settings),
                  "options": _run_options(args, settings).model_dump()}
    if args.flow == "run":
        if not args.input:
            print("ruaz: serve --flow run needs --input PATH... (the folders to ingest on each run)", file=sys.stderr)
            return 2
        parameters["inputs"] = [str(Path(p).resolve()) for p in args.input]
    if args.flow == "fetch":
        from dataclasses import asdict

        parameters.update(sources_file=str(Path(args.sources or settings.sources_file).resolve()),
                          raw_dir=str(Path(args.raw_dir or settings.raw_path).resolve()),
                          fetch=asdict(fetch_options(settings)), policy=_article_policy(settings).model_dump())
    deployment = build_deployment(args.flow, name=args.name or f"ruaz-{args.flow}", cron=args.cron,
                                  parameters=parameters, timezone=args.timezone)
    try:
        serve([deployment])
    except NoServerError as exc:
        print(f"ruaz: {exc}", file=sys.stderr)
        return 2
    return 0


def fetch_options(settings: Settings, replay_from: str | None = None):
    from flows.fetch import FetchPolicy
    from flows.live import FetchOptions

    policy = FetchPolicy(
        user_agent=settings.fetch_user_agent, timeout_seconds=settings.fetch_timeout_seconds,
        total_timeout_seconds=settings.fetch_total_timeout_seconds, max_bytes=settings.fetch_max_bytes,
        max_redirects=settings.fetch_max_redirects, retries=settings.fetch_retries,
        backoff_seconds=settings.fetch_backoff_seconds, backoff_max_seconds=settings.fetch_backoff_max_seconds,
        host_interval_seconds=settings.fetch_rate_limit_seconds)
    return FetchOptions(policy=policy, max_items=settings.fetch_max_items, replay_from=replay_from)


def cmd_fetch(args: argparse.Namespace, settings: Settings) -> int:
    _prefect_environment(settings, args.verbose)
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.live import fetch_pipeline
    from flows.sources import load_sources, select_sources

    sources_file = Path(args.sources or settings.sources_file)
    select_sources(load_sources(sources_file), args.only)   # a bad file or name fails here, before Prefect starts
    fetch = fetch_options(settings, args.replay_from)
    summary = fetch_pipeline.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.fetch_workers))(
        db=str(Path(args.db or settings.db_path)), sources_file=str(sources_file),
        raw_dir=str(Path(args.raw_dir or settings.raw_path)), fetch=fetch, export_dir=_export_dir(args, settings),
        only=args.only, options=_run_options(args, settings),
        policy=_article_policy(settings, threshold=args.min_relevance))
    print(format_summary(summary))
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from flows.sources import load_sources

    sources = load_sources(Path(args.sources or settings.sources_file))
    db = Path(args.db or settings.db_path)
    status: dict[str, dict] = {}
    if db.exists():
        from warehouse.live import read_source_status
        from warehouse.store import connect_read_only

        con = connect_read_only(db)
        try:
            status = read_source_status(con)
        finally:
            con.close()
    print(format_sources(sources, status))
    return 0


def format_sources(sources, status: dict[str, dict]) -> str:
    """One line per source: what it is, and how its last fetch went."""
    header = ("name", "outlet", "lang", "kind", "on", "last fetch (UTC)", "status", "articles", "failed", "detail / url")
    rows = [header]
    for s in sources:
        last = status.get(s.name)
        if last is None:
            rows.append((s.name, s.outlet, s.language, s.kind, "yes" if s.enabled else "no", "never", "", "", "", s.url))
            continue
        outcome, reason = last["listing_status"] or "failed", last["listing_reason"] or "no listing"
        state = outcome if outcome == reason else f"{outcome}: {reason}"
        detail = last["listing_detail"] if last["listing_status"] != "fetched" else s.url
        rows.append((s.name, s.outlet, s.language, s.kind, "yes" if s.enabled else "no",
                     f"{last['last_fetched_at']:%Y-%m-%d %H:%M:%S}", state, str(last["n_articles"]),
                     str(last["n_failed"]), (detail or s.url)[:70]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows)


def format_summary(summary) -> str:
    m = summary.n_mentions
    lines = [
        f"run {summary.run_id}: {summary.status}",
        f"  articles read {summary.n_articles_read}: new {summary.n_articles_new}, "
        f"changed {summary.n_articles_changed}, unchanged {summary.n_articles_unchanged} (not re-extracted)",
        f"  mentions loaded: dates {m.get('date_mentions', 0)}, counts {m.get('count_mentions', 0)}, "
        f"documents {m.get('document_mentions', 0)}",
        f"  rows quarantined {summary.n_quarantined}; input errors {summary.n_ingest_errors}, "
        f"warnings {summary.n_ingest_warnings}",
    ]
    if summary.command == "fetch":
        lines.append(f"  fetched {summary.n_pages_fetched} bodies (feeds and pages), {summary.n_fetch_failures} failures "
                     f"(table fetch_log; `ruaz sources` for each source)")
    if summary.n_articles_irrelevant or summary.n_story_copies:
        lines.append(f"  not extracted: {summary.n_articles_irrelevant} not relevant, "
                     f"{summary.n_story_copies} copies of stored stories (recorded in article_sources)")
    for problem in summary.problems[:10]:
        lines.append(f"    {problem}")
    if len(summary.problems) > 10:
        lines.append(f"    … {len(summary.problems) - 10} more in table ingest_errors")
    lines.append(f"  warehouse: {summary.db}")
    if summary.export_dir:
        lines.append(f"  parquet:   {summary.export_dir}/<table>/")
    lines.append(f"  timings (s): {', '.join(f'{k} {v}' for k, v in summary.timings.items())}")
    lines.append(f'  try: ruaz sql "{EXAMPLE_QUERY}" --db {summary.db}')
    return "\n".join(lines)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from flows.export import export_parquet

    manifest = export_parquet(Path(args.db or settings.db_path), Path(args.out or settings.export_path))
    for table, entry in manifest["tables"].items():
        print(f"{table:20} {entry['rows']:>9} rows")
    print(f"schema version {manifest['schema_version']} -> {args.out or settings.export_path}")
    return 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from flows.evaluate import evaluate_warehouse
    from transforms.evaluation import format_report

    result = evaluate_warehouse(Path(args.gold), Path(args.db or settings.db_path), max_errors=args.errors)
    if args.json:
        result.pop("errors", None)
        print(json.dumps(result))
    else:
        print(format_report(result))
    return 0


def cmd_sql(args: argparse.Namespace, settings: Settings) -> int:
    import polars as pl

    from warehouse.store import connect_read_only

    con = connect_read_only(Path(args.db or settings.db_path))
    try:
        relation = con.sql(args.query)
        if relation is None:  # a statement with no result (SET, PRAGMA ...)
            return 0
        frame = relation.pl()
    finally:
        con.close()
    if args.format == "csv":
        sys.stdout.write(frame.write_csv())
    elif args.format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        with pl.Config(tbl_rows=args.max_rows, tbl_cols=-1, fmt_str_lengths=60, tbl_width_chars=200,
                       tbl_hide_dataframe_shape=False):
            print(frame)
    return 0


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="warehouse DuckDB file (default: data/ruaz.duckdb)")


def _add_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--export", metavar="DIR", help="Parquet export folder (default: data/export)")


def _add_raw_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw-dir", metavar="DIR", help="raw page archive (default: data/raw)")


def _add_sources(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sources", metavar="FILE", help="live sources file (default: flows/sources.toml)")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-export", action="store_true", help="load the warehouse only")
    p.add_argument("--task-runner", choices=("thread", "process", "dask"),
                   help="how extraction batches run (default: process)")
    p.add_argument("--workers", type=int, metavar="N", help="parallel extraction workers (default: 2)")
    p.add_argument("--dask-address", metavar="ADDR", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--batch-size", type=int, metavar="N", help="articles per extraction task (default: 500)")
    p.add_argument("--wait", type=float, metavar="SECONDS",
                   help="wait this long for a run already writing the warehouse (default: fail at once)")
    p.add_argument("--verbose", "-v", action="store_true", help="show Prefect's task logs")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ruaz", description="Russia–Azerbaijan news → dates, counts and named documents, validated, in DuckDB and Parquet.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="ingest files and folders, extract, validate, load, export",
                       description="Ingest .jsonl/.txt/.html files and folders, extract dates, counts and "
                                   "documents, validate every table, load the warehouse, export Parquet.")
    p.add_argument("--input", "-i", nargs="+", required=True, metavar="PATH", help="files or folders to ingest")
    _add_db(p)
    _add_export(p)
    p.add_argument("--min-relevance", type=float, metavar="X",
                   help="do not extract articles whose relevance score is below X (default: extract all)")
    _add_run_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("fetch", help="fetch new articles from the live sources, extract, validate, load, export",
                       description="Read the sources' feeds and listing pages (conditional requests), fetch the "
                                   "pages not seen before, archive them raw, keep the relevant articles, group "
                                   "copies into stories, then extract, validate, load and export as a run does. "
                                   "Every fetch outcome is in table fetch_log.")
    _add_sources(p)
    p.add_argument("--only", nargs="+", metavar="NAME", help="fetch only these sources (even if disabled)")
    _add_db(p)
    _add_export(p)
    _add_raw_dir(p)
    p.add_argument("--min-relevance", type=float, metavar="X",
                   help="relevance threshold of fetched articles (default: 0.5)")
    p.add_argument("--replay-from", metavar="FILE",
                   help="answer from the raw archive of this warehouse instead of the network")
    _add_run_options(p)
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("sources", help="list the live sources and how their last fetch went",
                       description="The sources file's entries with their last fetch time, status, articles "
                                   "and failures (from the warehouse's fetch_log).")
    _add_sources(p)
    _add_db(p)
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("reprocess", help="re-extract stored articles with the current extractors",
                       description="Re-extract every stored article (no input is read or fetched), then "
                                   "validate, load and export as a run does.")
    _add_db(p)
    _add_export(p)
    p.add_argument("--from-raw", action="store_true",
                   help="also read every archived page again with the current page reader (no fetching)")
    _add_raw_dir(p)
    _add_sources(p)
    p.add_argument("--min-relevance", type=float, metavar="X",
                   help="relevance threshold of re-read pages (default: 0.5); stored articles are all kept")
    _add_run_options(p)
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("serve", help="run a flow on a cron schedule (needs a Prefect server)",
                       description="Register a deployment of the run (or reprocess) flow with a cron schedule on "
                                   "the Prefect server at PREFECT_API_URL and execute its runs here. Runs never "
                                   "overlap. See README, 'Scheduled runs'.")
    p.add_argument("--cron", required=True, help='cron expression, e.g. "0 * * * *" for hourly')
    p.add_argument("--flow", choices=("fetch", "run", "reprocess"), default="fetch",
                   help="which flow to schedule: fetch the live sources (default), ingest folders, or re-extract")
    _add_sources(p)
    _add_raw_dir(p)
    p.add_argument("--input", "-i", nargs="+", metavar="PATH", help="folders/files each run ingests (--flow run)")
    p.add_argument("--name", help="deployment name (default: ruaz-<flow>)")
    p.add_argument("--timezone", help="time zone of the cron expression (default: UTC)")
    _add_db(p)
    _add_export(p)
    _add_run_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help="write the warehouse tables as Parquet",
                       description="Parquet, one folder per table, zstd; unchanged tables are not rewritten.")
    _add_db(p)
    p.add_argument("--out", metavar="DIR", help="export folder")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("evaluate", help="score the warehouse against gold annotations",
                       description="Span and value precision/recall/F1 per kind and language, and the "
                                   "meaning fields (the definitions of ../shared/eval/score.py).")
    p.add_argument("--gold", required=True, metavar="FILE", help="gold JSON Lines (GUIDELINES.md format)")
    _add_db(p)
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N misses per kind")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("sql", help="run a read-only SQL query against the warehouse",
                       description="Run a query on a read-only snapshot of the warehouse (never blocks a run).")
    p.add_argument("query", help='e.g. "SELECT language, count(*) FROM articles GROUP BY 1"')
    _add_db(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--max-rows", type=int, default=50, help="rows shown in table format")
    p.set_defaults(func=cmd_sql)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    try:
        return args.func(args, settings)
    except (FileNotFoundError, SourcesError) as exc:
        print(f"ruaz: {exc}", file=sys.stderr)
        return 2
    except WarehouseBusy as exc:
        print(f"ruaz: {exc}; try again later or pass --wait SECONDS", file=sys.stderr)
        return 75  # EX_TEMPFAIL
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
