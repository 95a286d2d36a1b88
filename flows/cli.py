"""`ruaz`: a thin command line over the flows and the warehouse (cyclopts).

Each command is a function whose docstring is its help. The flags that are settings (``--db``,
``--batch-size``, ``--wait`` …) are generated from flows/settings.py: their type, constraints,
description and default (the current one, RUAZ_ environment variables included) come from there,
and a flag given on the command line overrides that setting for the run.

Exit codes (README, 'Exit codes'): 0 done, every input loaded; 3 done, some input rejected (rows in
ingest_errors with severity error, or in quarantine); 4 done, but every input was rejected; 1 the
command failed (a failed SQL query, an unreadable warehouse, no Prefect API, a bug); 2 a usage error
or a missing input; 75 the warehouse is busy with another run; 130 interrupted (Ctrl-C); 143
terminated (SIGTERM). An expected failure is one line on stderr, never a traceback.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

# Polars allocates through jemalloc, which by default keeps freed pages for ~10 s: a large run that
# frees one chunk's frames and builds the next grew by ~250 MB per chunk. Return them at once
# (read when polars first allocates, so set before it is imported; worker processes inherit it).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

from cyclopts import App, CycloptsError, Parameter  # noqa: E402
from cyclopts.exceptions import MissingArgumentError  # noqa: E402
from pydantic import BaseModel, Field, create_model  # noqa: E402
from rich.console import Console  # noqa: E402

from flows.settings import FromSetting, Settings, get_settings, setting  # noqa: E402
from flows.sources import SourcesError  # noqa: E402
from transforms.errors import RuazError  # noqa: E402
from warehouse.store import WarehouseBusy, WarehouseError  # noqa: E402

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3           # the run completed; some input was rejected (ingest_errors errors, quarantine)
EXIT_NOTHING_LOADED = 4     # the run completed; every input was rejected
EXIT_BUSY = 75              # EX_TEMPFAIL: another run holds the warehouse
EXIT_INTERRUPTED = 130      # 128 + SIGINT
EXIT_TERMINATED = 143       # 128 + SIGTERM
EXIT_BROKEN_PIPE = 141      # 128 + SIGPIPE: the reader of stdout went away

EXAMPLE_QUERY = ("SELECT d.value, d.text, a.language, a.article_id FROM date_mentions d "
                 "JOIN articles a USING (article_id) ORDER BY d.value LIMIT 10")


class UsageError(Exception):
    """A command was called in a way it cannot run (exit 2, nothing written)."""


# ---- flags ---------------------------------------------------------------------------------------

class SettingFlags(BaseModel):
    """Command-line flags that are settings (see ``setting_flags``)."""

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with these flags' values."""
        return settings.model_copy(update={info.default_factory.name: getattr(self, flag)
                                           for flag, info in type(self).model_fields.items()
                                           if isinstance(info.default_factory, FromSetting)})


def setting_flags(name: str, base: type[SettingFlags] = SettingFlags, **settings_by_flag: str) -> type[SettingFlags]:
    """A model of flags (``--flag-name``), each the setting named: cyclopts shows its description
    and current default, and validates it with the setting's constraints."""
    fields: dict[str, Any] = {flag: (Settings.model_fields[name_].annotation, setting(name_))
                              for flag, name_ in settings_by_flag.items()}
    return create_model(name, __base__=base, **fields)


class RunSwitches(SettingFlags):
    no_export: bool = Field(False, description="Load the warehouse only (no Parquet export).")
    verbose: Annotated[bool, Parameter(alias="-v")] = Field(False, description="Show Prefect's task logs.")


DbFlag = setting_flags("DbFlag", db="db")
ReportFlags = setting_flags("ReportFlags", db="db", out="report_dir")
# where a run writes and how it executes
RunFlags = setting_flags("RunFlags", RunSwitches, db="db", export="export_dir", task_runner="task_runner",
                         workers="workers", dask_address="dask_address", batch_size="batch_size",
                         wait="lock_wait_seconds", time_limit="article_time_limit_seconds")
SourceFlags = setting_flags("SourceFlags", sources="sources_file", raw_dir="raw_dir")
SourcesFileFlag = setting_flags("SourcesFileFlag", sources="sources_file")
# what a fetch run asks of the sites, and how long it may take
FetchFlags = setting_flags("FetchFlags", max_items="fetch_max_items", max_pages="fetch_max_pages",
                           budget="fetch_run_budget_seconds", source_budget="fetch_source_budget_seconds",
                           revalidate_days="fetch_revalidate_days")
ThresholdFlag = setting_flags("ThresholdFlag", min_relevance="relevance_threshold")

Flags = Parameter(name="*")   # a flags model's fields are flags of the command itself


def _settings(*flags: SettingFlags | None) -> Settings:
    settings = get_settings()
    for group in flags:
        if group is not None:
            settings = group.apply(settings)
    return settings


def _prefect_environment(settings: Settings, verbose: bool, api: bool = True) -> None:
    """Prefect reads its settings at import: set them before the flows are imported. api: make sure
    there is a Prefect API (PREFECT_API_URL, checked; else a temporary server that cannot outlive
    this process, flows/prefect_api.py)."""
    if "PREFECT_HOME" not in os.environ:
        home = settings.prefect_home.resolve()
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(home)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # Runs log their stages at INFO to Prefect's run logs (the UI of a server); the terminal shows the
    # progress lines instead, and Prefect's own console lines only with -v (a failure is one line).
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO" if verbose else "CRITICAL")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    if api:
        from flows.prefect_api import ensure_api

        ensure_api()


def _run_arguments(settings: Settings, run: RunSwitches) -> dict[str, Any]:
    """The arguments every entry flow takes from the run flags."""
    from flows.pipeline import RunOptions
    from flows.settings import settings_of

    return {"db": str(settings.db), "export_dir": None if run.no_export else str(settings.export_dir),
            "options": settings_of(RunOptions, settings)}


def _article_policy(settings: Settings, min_relevance: float | None = None):
    from flows.pipeline import ArticlePolicy
    from flows.settings import settings_of

    return settings_of(ArticlePolicy, settings, min_relevance=min_relevance)


def _on_task_runner(entry_flow, settings: Settings):
    from flows.pipeline import with_task_runner

    return with_task_runner(entry_flow, settings.task_runner, settings.workers, settings.dask_address)


# Prefect's loggers that report a failed flow or task with its traceback; the command line says it
# in one line instead (shown with --verbose).
_PREFECT_RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs", "prefect.flow_engine", "prefect.task_engine")


def _call_flow(entry_flow, verbose: bool = False, **arguments):
    """Run a flow with its progress on stderr on a Prefect API that cannot outlive this process
    (flows/prefect_api.py); print its summary; the exit code says whether input was rejected."""
    from expectations.validate import warm_up
    from flows import progress
    from flows.pipeline import RunFailed

    warm_up()   # GX's imports, while Prefect's engine starts and the inputs are read

    levels = {name: logging.getLogger(name).level for name in _PREFECT_RUN_LOGGERS}
    if not verbose:
        for name in _PREFECT_RUN_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        with progress.reporting(progress.for_stream(sys.stderr)):
            summary = entry_flow(**arguments)
    except RunFailed as failure:
        print(format_summary(failure.summary))
        raise
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    print(format_summary(summary))
    return run_exit_code(summary)


def run_exit_code(summary) -> int:
    """0 when every input was loaded; 3 when some was rejected (an input error, a quarantined row);
    4 when input was rejected and no article was loaded or kept."""
    rejected = summary.n_ingest_errors + summary.n_quarantined
    if not rejected:
        return EXIT_OK
    kept = summary.n_articles_loaded + summary.n_articles_unchanged + summary.n_story_copies
    return EXIT_REJECTED if kept else EXIT_NOTHING_LOADED


def fetch_options(settings: Settings, replay_from: str | None = None, **chosen):
    from flows.fetch import FetchPolicy
    from flows.live import FetchOptions
    from flows.settings import settings_of

    return settings_of(FetchOptions, settings, policy=settings_of(FetchPolicy, settings), replay_from=replay_from,
                       **chosen)


def _error_line(error: CycloptsError) -> str:
    """A usage error on one line. The parser checks required options before it reports unknown
    ones: name the unknown option first, it is the likelier mistake ('--inptu')."""
    unknown = [t for t in error.unused_tokens or [] if t.startswith("-")]
    if isinstance(error, MissingArgumentError) and unknown:
        return f"ruaz: unknown option {unknown[0]} (and: {error})"
    return f"ruaz: {error}"


# ---- commands ------------------------------------------------------------------------------------

app = App(name="ruaz", help="Russia–Azerbaijan news → dates, counts and named documents, validated, in DuckDB "
                            "and Parquet. Defaults come from flows/settings.py (RUAZ_* environment variables "
                            "override them).",
          default_parameter=Parameter(negative=()), version_flags=(), suppress_keyboard_interrupt=False,
          error_formatter=_error_line, error_console=Console(stderr=True, soft_wrap=True, highlight=False))


@app.command
def run(*, input: Annotated[list[Path], Parameter(alias="-i", consume_multiple=True)],
        min_relevance: float | None = None, reference_date: dt.date | None = None,
        flags: Annotated[RunFlags, Flags] = None) -> int:
    """Ingest .jsonl/.txt/.html files and folders, extract dates, counts and documents, validate
    every table, load the warehouse, export Parquet.

    Parameters
    ----------
    input
        Files or folders to ingest.
    min_relevance
        Do not extract articles whose relevance score is below this (default: extract all).
    reference_date
        YYYY-MM-DD: the publication date of an article that has none and stamps none at its top
        (recorded as articles.published_source 'reference'); its relative dates count from it.
    """
    flags = flags or RunFlags()
    missing = [str(p) for p in input if not p.exists()]
    if missing:   # checked before anything is created: a typo writes nothing
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    settings = _settings(flags)
    _prefect_environment(settings, flags.verbose)
    from flows.pipeline import run_pipeline

    return _call_flow(_on_task_runner(run_pipeline, settings), flags.verbose, inputs=[str(p) for p in input],
                      policy=_article_policy(settings, min_relevance).model_copy(update={"reference_date": reference_date}),
                      **_run_arguments(settings, flags))


@app.command
def fetch(*, only: Annotated[list[str] | None, Parameter(consume_multiple=True)] = None,
          since: dt.date | None = None, until: dt.date | None = None,
          refetch: Annotated[list[str] | None, Parameter(consume_multiple=True)] = None,
          retry_given_up: bool = False, replay_from: Path | None = None, flags: Annotated[RunFlags, Flags] = None,
          sources: Annotated[SourceFlags, Flags] = None, threshold: Annotated[ThresholdFlag, Flags] = None,
          limits: Annotated[FetchFlags, Flags] = None) -> int:
    """Fetch new articles from the live sources, then extract, validate, load and export as a run does.

    Reads the sources' feeds, sitemaps and listing pages (conditional requests; robots.txt
    honoured), fetches the pages not seen before (and revalidates recent ones), archives them
    raw, drops the lines each site repeats, keeps the relevant articles and groups copies into
    stories. Progress is shown per source. Every fetch outcome is in table fetch_log; `ruaz
    sources` shows each source's last fetch.

    Parameters
    ----------
    only
        Fetch only these sources (even if disabled).
    since
        Backfill from this day (YYYY-MM-DD): each source's dated archive pages (archive_url), its
        listing's pages (page_url or its "next" link), or its sitemaps, back to this day.
    until
        Backfill up to this day (default: the run's day).
    refetch
        Fetch these page URLs again, unconditionally (even if archived or given up on), and nothing else.
    retry_given_up
        Try again the pages given up on (failed for good, or transiently in 3 runs).
    replay_from
        Answer from the raw archive of this warehouse instead of the network.
    """
    flags = flags or RunFlags()
    settings = _settings(flags, sources, threshold, limits)
    from flows.sources import load_sources, select_sources

    if until is not None and since is None:
        raise UsageError("--until needs --since (a backfill is a range of days)")
    if since is not None and until is not None and until < since:
        raise UsageError(f"--until {until} is before --since {since}")
    if refetch and (since is not None or retry_given_up):
        raise UsageError("--refetch fetches the URLs given and nothing else: not with --since or --retry-given-up")
    select_sources(load_sources(settings.sources_file), only)   # a bad file or name fails here, before Prefect starts
    _prefect_environment(settings, flags.verbose)
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.live import fetch_pipeline

    return _call_flow(fetch_pipeline.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.fetch_workers)),
                      flags.verbose,
                      sources_file=str(settings.sources_file), raw_dir=str(settings.raw_dir),
                      fetch=fetch_options(settings, str(replay_from) if replay_from else None, since=since,
                                          until=until, refetch=list(refetch or []), retry_given_up=retry_given_up),
                      only=only, policy=_article_policy(settings), **_run_arguments(settings, flags))


@app.command
def sources(*, db: Annotated[DbFlag, Flags] = None, files: Annotated[SourceFlags, Flags] = None) -> int:
    """List the live sources and how their last fetch went (time, status, articles, failures;
    from the warehouse's fetch_log)."""
    from flows.sources import load_sources

    settings = _settings(db, files)
    listed = load_sources(settings.sources_file)
    status: dict[str, dict] = {}
    if settings.db.exists():
        from warehouse.live import read_source_status
        from warehouse.store import connect_read_only

        con = connect_read_only(settings.db)
        try:
            status = read_source_status(con)
        finally:
            con.close()
    print(format_sources(listed, status))
    return 0


@app.command
def reprocess(*, from_raw: bool = False, raw_dir: Path | None = None, flags: Annotated[RunFlags, Flags] = None,
              sources: Annotated[SourcesFileFlag, Flags] = None, threshold: Annotated[ThresholdFlag, Flags] = None) -> int:
    """Re-extract every stored article with the current extractors (no input is read or fetched),
    then validate, load and export as a run does. Stored articles are all kept; an article whose
    row does not change is left as it was (its updated_at and run_id too).

    Parameters
    ----------
    from_raw
        Also read every archived page again with the current page reader (no fetching); the
        relevance threshold applies to those pages. The pages are read from the archive the
        warehouse records (table raw_archives), from any working directory; the run fails,
        writing nothing, if any page is missing.
    raw_dir
        With --from-raw: read the pages from this folder instead (an archive that was moved).
    """
    flags = flags or RunFlags()
    settings = _settings(flags, sources, threshold)
    if raw_dir is not None and not from_raw:
        raise UsageError("--raw-dir goes with --from-raw")
    if raw_dir is not None and not raw_dir.is_dir():
        raise UsageError(f"no such folder: {raw_dir}")
    _prefect_environment(settings, flags.verbose)
    from flows.pipeline import reprocess_pipeline

    return _call_flow(_on_task_runner(reprocess_pipeline, settings), flags.verbose, from_raw=from_raw,
                      raw_dir=str(raw_dir) if raw_dir else None, policy=_article_policy(settings),
                      source_languages=_source_languages(settings.sources_file), **_run_arguments(settings, flags))


def _source_languages(path: Path) -> dict[str, str]:
    from flows.sources import load_sources

    try:
        return {s.name: s.language for s in load_sources(path)}
    except SourcesError:
        return {}   # only a fallback for pages that do not declare their language


@app.command
def serve(*, cron: str, flow: Literal["fetch", "run", "reprocess"] = "fetch",
          input: Annotated[list[Path] | None, Parameter(alias="-i", consume_multiple=True)] = None,
          name: str | None = None, timezone: str | None = None, processed_dir: Path | None = None,
          flags: Annotated[RunFlags, Flags] = None, sources: Annotated[SourceFlags, Flags] = None) -> int:
    """Run a flow on a cron schedule: register a deployment with the Prefect server at
    PREFECT_API_URL and execute its runs here. Runs never overlap. See README, 'Scheduled runs'.

    Parameters
    ----------
    cron
        Cron expression, e.g. "0 * * * *" for hourly.
    flow
        Which flow to schedule: fetch the live sources, ingest folders (run), or re-extract (reprocess).
    input
        Folders or files each run ingests (--flow run).
    name
        Deployment name (default: ruaz-<flow>).
    timezone
        Time zone of the cron expression (default: UTC).
    processed_dir
        With --flow run: the inputs are drop folders, and each completed run moves the files it
        read here (so the next run reads only new files).
    """
    flags = flags or RunFlags()
    settings = _settings(flags, sources)
    if flow == "run" and not input:
        raise UsageError("serve --flow run needs --input PATH... (the folders to ingest on each run)")
    if processed_dir is not None and flow != "run":
        raise UsageError("--processed-dir is for --flow run (a drop folder)")
    # The served runs start in processes of their own and read their settings (task runner, workers,
    # DuckDB memory …) from RUAZ_* variables, as every run does: the flags given here become those.
    for group in (flags, sources):
        if group is not None:
            for flag, info in type(group).model_fields.items():
                if isinstance(info.default_factory, FromSetting) and flag in group.model_fields_set:
                    value = getattr(group, flag)
                    if value is not None:
                        os.environ[f"RUAZ_{info.default_factory.name.upper()}"] = str(value)
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO")   # serve's terminal is its log
    _prefect_environment(settings, flags.verbose, api=False)
    from flows.schedule import NoServerError, build_deployment
    from flows import schedule

    arguments = _run_arguments(settings, flags)
    parameters: dict[str, Any] = {**arguments, "options": arguments["options"].model_dump()}
    if flow == "run":
        parameters["inputs"] = [str(p.resolve()) for p in input]
        if processed_dir is not None:
            parameters["processed_dir"] = str(processed_dir.resolve())
    if flow == "fetch":
        parameters.update(sources_file=str(settings.sources_file.resolve()), raw_dir=str(settings.raw_dir.resolve()),
                          fetch=fetch_options(settings).model_dump(), policy=_article_policy(settings).model_dump())
    deployment = build_deployment(flow, name=name or f"ruaz-{flow}", cron=cron, parameters=parameters,
                                  timezone=timezone)
    try:
        schedule.serve([deployment])
    except NoServerError as exc:
        raise UsageError(str(exc)) from None
    return 0


@app.command
def export(*, out: Path | None = None, format: Literal["parquet", "csv"] = "parquet",
           db: Annotated[DbFlag, Flags] = None) -> int:
    """Write the snapshot the warehouse shows elsewhere, for hand-off: Parquet (a lake with the same
    layout as the one runs publish: files hard-linked when on the same file system) or CSV (one file
    per table, the same rows and columns; list and struct values JSON-encoded). Writes nothing when
    the folder already holds that content.

    Parameters
    ----------
    out
        Export folder (default: the export_dir setting for Parquet, csv_export_dir for CSV).
    format
        parquet or csv.
    """
    from flows.export import VIEWS_FOLDER, export_csv, export_parquet, export_views

    settings = _settings(db)
    target = out or (settings.export_dir if format == "parquet" else settings.csv_export_dir)
    manifest = (export_parquet if format == "parquet" else export_csv)(settings.db, target)
    for table, entry in manifest["tables"].items():
        print(f"{table:20} {entry['rows']:>9} rows")
    if format == "parquet":
        for view, n_rows in export_views(settings.db, target).items():
            print(f"{view:20} {n_rows:>9} rows (view) -> {target}/{VIEWS_FOLDER}/{view}.parquet")
    where = f"{target}/current/" if format == "parquet" else f"{target}/"
    print(f"schema version {manifest['schema_version']} -> {where}")
    return 0


@app.command
def evaluate(*, gold: Path, errors: int = 0, json: Annotated[bool, Parameter(name="--json")] = False,
             db: Annotated[DbFlag, Flags] = None) -> int:
    """Score the warehouse against gold annotations: span and value precision/recall/F1 per kind
    and language, and the meaning fields (the definitions of ../shared/eval/score.py).

    Parameters
    ----------
    gold
        Gold JSON Lines (GUIDELINES.md format).
    errors
        Print up to this many misses per kind.
    json
        Print one JSON object.
    """
    import json as json_module

    from flows.evaluate import evaluate_warehouse
    from transforms.evaluation import format_report

    result = evaluate_warehouse(gold, _settings(db).db, max_errors=errors)
    if json:
        result.pop("errors", None)
        print(json_module.dumps(result))
    else:
        print(format_report(result))
    return 0


@app.command
def sql(query: str | None = None, /, *, format: Literal["table", "csv", "json", "parquet"] | None = None,
        out: Path | None = None, max_rows: int = 50, max_width: int | None = None,
        db: Annotated[DbFlag, Flags] = None) -> int:
    """Run read-only SQL on a snapshot of the warehouse (never blocks a run). With no query, a
    prompt reads queries (each ending with ';') from the terminal or from stdin.

    Parameters
    ----------
    query
        e.g. "SELECT language, count(*) FROM articles GROUP BY 1".
    format
        table, csv or json on stdout; with --out: csv, json or parquet (default: from the extension).
        In CSV, list and struct values are JSON-encoded.
    out
        Write the result to this file instead of printing it.
    max_rows
        Rows printed in table format; the rows left out are counted.
    max_width
        Cut text to this many characters in table format (default: never).
    """
    from flows import query as q

    settings = _settings(db)
    if query is None:
        return q.prompt(settings.db, sys.stdin, sys.stdout, max_rows=max_rows, max_width=max_width)
    if format == "parquet" and out is None:
        raise UsageError("--format parquet needs --out FILE")
    if out is not None:
        try:
            format = q.file_format_of(out, format if format != "table" else None)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        frame = q.run_query(settings.db, query)
    except q.QueryError as exc:
        print(f"ruaz: {exc}", file=sys.stderr)
        return 1
    if frame is None:   # a statement with no result (SET, PRAGMA …)
        return 0
    if out is not None:
        q.write_result(frame, out, format)
        print(f"{frame.height} rows -> {out} ({format})", file=sys.stderr)
    elif format == "csv":
        sys.stdout.write(q.to_csv(frame))
    elif format == "json":
        sys.stdout.write(q.to_json(frame) + "\n")
    else:
        print(q.format_table(frame, max_rows=max_rows, max_width=max_width))
    return 0


@app.command
def report(*, flags: Annotated[ReportFlags, Flags] = None) -> int:
    """Write the warehouse as a static HTML report: open OUT/index.html in a browser (from disk:
    no server, no network). An overview (articles per language and month, mentions per kind,
    quarantined rows, input problems), a timeline of the relationship, the documents mentioned,
    the figures, and one page per article with every mention marked. A previous report in OUT is
    replaced; any other non-empty folder is refused."""
    import datetime as dt

    from flows.report import ReportError, build_report

    settings = _settings(flags)
    try:
        summary = build_report(settings.db, settings.report_dir, dt.datetime.now())
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    print(f"report: {summary.n_pages} pages ({summary.n_articles} articles; timeline from "
          f"{summary.sources['timeline']}, figures from {summary.sources['figures']}) -> "
          f"{summary.out_dir / 'index.html'}")
    return 0


@app.command
def show(article_id: str, /, *, plain: bool = False, db: Annotated[DbFlag, Flags] = None) -> int:
    """Print one article with its dates, counts and documents marked in the text (coloured on a
    terminal, in brackets elsewhere), numbered, and listed below with their values and meaning.

    Parameters
    ----------
    article_id
        The article's id (articles.article_id; `ruaz sql "SELECT article_id, title FROM articles"`).
    plain
        Brackets instead of colours, even on a terminal.
    """
    from flows.show import ArticleNotFound, show_article

    console = Console(soft_wrap=False, highlight=False)
    try:
        show_article(_settings(db).db, article_id, console, plain=True if plain else None)
    except ArticleNotFound as exc:
        print(f"ruaz: {exc}", file=sys.stderr)
        return 1
    return 0


@app.command
def codebook(*, out: Path | None = None) -> int:
    """Print the codebook (Markdown): every table and view, its grain, every column's type,
    meaning, unit and allowed values, the rule names by family, provenance and normalisation.
    The same text as docs/codebook.md, generated from the table declarations.

    Parameters
    ----------
    out
        Write it to this file instead.
    """
    from warehouse.codebook import render_codebook, write_codebook

    if out is None:
        sys.stdout.write(render_codebook())
    else:
        print(f"codebook -> {write_codebook(out)}", file=sys.stderr)
    return 0


# ---- output --------------------------------------------------------------------------------------

def format_sources(listed, status: dict[str, dict]) -> str:
    """One line per source: what it is, and how its last fetch went."""
    header = ("name", "outlet", "lang", "kind", "on", "last fetch (UTC)", "status", "articles", "failed", "detail / url")
    rows = [header]
    for s in listed:
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
    if getattr(summary, "n_articles_reextracted", 0):
        read = (f"  articles read {summary.n_articles_read}, all re-extracted: new {summary.n_articles_new}, "
                f"changed {summary.n_articles_changed}, unchanged {summary.n_articles_unchanged} (rows left as they were)")
        loaded = "  mentions of the re-extracted articles, reloaded:"
    else:
        read = (f"  articles read {summary.n_articles_read}: new {summary.n_articles_new}, "
                f"changed {summary.n_articles_changed}, unchanged {summary.n_articles_unchanged} (not re-extracted)")
        loaded = "  mentions loaded:"
    lines = [
        f"run {summary.run_id}: {summary.status}",
        read,
        f"{loaded} dates {m.get('date_mentions', 0)}, counts {m.get('count_mentions', 0)}, "
        f"documents {m.get('document_mentions', 0)}",
        f"  rows quarantined {summary.n_quarantined}; input errors {summary.n_ingest_errors}, "
        f"warnings {summary.n_ingest_warnings}",
    ]
    if summary.command == "fetch":
        lines.append(f"  fetched {summary.n_pages_fetched} bodies (feeds and pages), {summary.n_fetch_failures} failures "
                     f"(table fetch_log; `ruaz sources` for each source)")
    if summary.n_articles_failed:
        lines.append(f"  not loaded: {summary.n_articles_failed} articles whose extraction failed (in quarantine, "
                     f"with the error; tried again by the next run)")
    if summary.n_articles_irrelevant or summary.n_story_copies:
        lines.append(f"  not extracted: {summary.n_articles_irrelevant} not relevant, "
                     f"{summary.n_story_copies} copies of stored stories (recorded in article_sources)")
    for problem in summary.problems[:10]:
        lines.append(f"    {problem}")
    if len(summary.problems) > 10:
        lines.append(f"    … {len(summary.problems) - 10} more in table ingest_errors")
    lines.append(f"  warehouse: {summary.db}")
    if summary.snapshot_id:
        lines.append(f"  lake:      {summary.export_dir}/current/<table>/ (snapshot {summary.snapshot_id})")
    lines.append(f"  timings (s): {', '.join(f'{k} {v}' for k, v in summary.timings.items())}")
    lines.append(f'  try: ruaz sql "{EXAMPLE_QUERY}" --db {summary.db}')
    return "\n".join(lines)


class Terminated(BaseException):
    """SIGTERM: stop as Ctrl-C does (the run's staging copy is discarded; nothing is published)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def _expected_error_line(exc: BaseException) -> str | None:
    """The one line for a failure the user can act on, or None for a bug (shown with its traceback)."""
    import duckdb
    import httpx

    if isinstance(exc, (RuazError, UsageError, FileNotFoundError, SourcesError)):
        return str(exc)
    if isinstance(exc, duckdb.Error):   # a corrupt or unreadable warehouse file, a full disk
        return f"the warehouse could not be read or written: {type(exc).__name__}: {_one_line(str(exc))}"
    if isinstance(exc, httpx.HTTPError):
        return f"the Prefect API did not answer: {type(exc).__name__}: {_one_line(str(exc))}"
    if isinstance(exc, OSError):        # a read-only folder, an export path that is a file, a full disk
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{where}"
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def main(argv: list[str] | None = None) -> int:
    """The `ruaz` entry point: the exit code."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
    try:
        result = app(sys.argv[1:] if argv is None else argv, exit_on_error=False, result_action="return_value")
        sys.stdout.flush()   # here, not at exit: a reader that went away is answered below
    except CycloptsError:   # already printed, one line
        return EXIT_USAGE
    except (UsageError, FileNotFoundError, SourcesError) as exc:
        print(f"ruaz: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseBusy as exc:
        print(f"ruaz: {exc}; try again later or pass --wait SECONDS", file=sys.stderr)
        return EXIT_BUSY
    except WarehouseError as exc:   # a failed run (its summary is printed), a broken or busy file: one line
        busy = isinstance(exc.__cause__, WarehouseBusy) or "another run is writing" in str(exc)
        print(f"ruaz: {exc}" + ("; try again later or pass --wait SECONDS" if busy else ""), file=sys.stderr)
        return EXIT_BUSY if busy else EXIT_FAILED
    except KeyboardInterrupt:
        print("ruaz: interrupted; this run published nothing (the warehouse is as it was)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("ruaz: terminated; this run published nothing (the warehouse is as it was)", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:   # `ruaz … | head`: the reader left; say nothing more
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except BaseException as exc:
        if _is_termination(exc):
            print("ruaz: terminated; this run published nothing (the warehouse is as it was)", file=sys.stderr)
            return EXIT_TERMINATED
        line = _expected_error_line(exc) if isinstance(exc, Exception) else None
        if line is None:
            raise
        print(f"ruaz: {line}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_FAILED)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    return result if isinstance(result, int) else 0


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises no second BrokenPipeError."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _is_termination(exc: BaseException) -> bool:
    """Prefect's flow engine turns SIGTERM into its TerminationSignal while a flow runs."""
    return type(exc).__name__ == "TerminationSignal" and type(exc).__module__.startswith("prefect")


if __name__ == "__main__":
    sys.exit(main())
