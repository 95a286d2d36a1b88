"""`ruaz report`: the warehouse as a static HTML report that opens from disk, with no server and no
network.

    index.html       overview: articles per language and month, mentions per kind, quarantined
                     rows and input problems, the last runs
    timeline.html    the relationship over time: happenings by type (a chart), then month by month
    documents.html   the documents mentioned, most mentioned first, with their signing
    figures.html     money and quantities by period
    articles.html    every article; articles/<id>.html one page per article, its text with every
                     mention marked (kind, value, role, unit, period, rule and confidence on hover)
    assets/          the style sheet and the JavaScript of the charts (vega, vega-lite, vega-embed,
                     from the vl-convert package): nothing is fetched from elsewhere

Tables are plain HTML (they work with JavaScript off); each chart is drawn twice from one
Vega-Lite spec: as a static SVG in the page (rendered here by vl-convert) that vega-embed replaces
with the interactive chart (tooltips, click-through) when JavaScript runs.

The report is written to a sibling folder and then swapped in, so a reader never sees half a
report; a folder that is not empty and holds no ruaz report is refused.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import polars as pl

from transforms import report as shape
from warehouse import report as queries
from warehouse.store import connect_read_only

TEMPLATES = Path(__file__).with_name("report_templates")
MARKER = ".ruaz-report"          # a JSON file that says the folder is a report (and which vega it has)
ARTICLE_CHUNK = 500              # articles read and written per query
PROBLEM_ROWS = 200               # quarantined rows and input problems listed (all are counted)
LANGUAGE_NAMES = {"az": "Azerbaijani", "ru": "Russian", "en": "English", "unknown": "unknown"}


class ReportError(Exception):
    """The report cannot be written where asked."""


@dataclass
class Chart:
    name: str
    caption: str
    spec: dict
    svg: str = ""
    n_marks: int = 0            # the data points drawn (0: the chart is left out)

    @property
    def spec_json(self) -> str:
        # inside <script>: '</' would end the element
        return json.dumps(self.spec, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


@dataclass
class ReportSummary:
    out_dir: Path
    n_pages: int
    n_articles: int
    charts: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


# ---- vega ----------------------------------------------------------------------------------------

def _vega_lite_version() -> str:
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed in one script that sets window.vegaEmbed (from vl-convert)."""
    import vl_convert

    return vl_convert.javascript_bundle(vl_version=_vega_lite_version())


def vega_stamp() -> str:
    import vl_convert

    return f"vl-convert {vl_convert.__version__}, vega-lite {_vega_lite_version()}"


def static_svg(spec: dict) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, vl_version=_vega_lite_version())
    return svg[svg.index("<svg"):] if "<svg" in svg else svg   # inline: no XML declaration


# ---- rendering -----------------------------------------------------------------------------------

def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number=shape.format_number, confidence=shape.format_confidence, date=_date,
                       language=lambda code: LANGUAGE_NAMES.get(code or "unknown", code))
    env.globals.update(page_name=shape.page_name, month_anchor=shape.month_anchor,
                       mention_anchor=shape.mention_anchor, snippet=shape.sentence_snippet)
    return env


def _date(value: Any) -> str:
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else str(value)


class Pages:
    """Writes the pages of one report into a folder."""

    def __init__(self, root: Path, context: dict[str, Any]) -> None:
        self.root, self.context, self.env, self.n_pages = root, context, _environment(), 0

    def write(self, name: str, template: str, **values: Any) -> None:
        depth = name.count("/")
        html = self.env.get_template(template).render(**self.context, **values, root="../" * depth, page=name)
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        self.n_pages += 1


def _chart(name: str, caption: str, spec: dict, n_marks: int) -> Chart:
    chart = Chart(name, caption, spec, n_marks=n_marks)
    if n_marks:
        chart.svg = static_svg(spec)
    return chart


def _languages(*frames: pl.DataFrame) -> list[str]:
    seen = {code for frame in frames if "language" in frame.columns for code in frame["language"].to_list()}
    return [c for c in queries.LANGUAGES if c in seen] + sorted(c for c in seen - set(queries.LANGUAGES) if c)


def _event_types(events: pl.DataFrame) -> list[str]:
    from warehouse.tables.date_mentions import EVENT_TYPES

    declared = [v.value for v in EVENT_TYPES]
    present = set(events["event_type"].to_list()) if events.height else set()
    return [t for t in declared if t in present] + sorted(t for t in present - set(declared) if t)


def _measures(figures: pl.DataFrame) -> list[str]:
    from warehouse.tables.count_mentions import MEASURES

    present = {shape.figure_measure(row) for row in figures.iter_rows(named=True)}
    declared = [v.value for v in MEASURES] + ["money", "quantity"]
    return [m for m in declared if m in present] + sorted(m for m in present - set(declared))


def _article_href(article_id: str, anchor: str | None = None) -> str:
    return shape.page_name(article_id) + (f"#{anchor}" if anchor else "")


def _with_links(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """``frame`` (mentions of ``kind``) with href: the mention on its article's page."""
    return frame.with_columns(pl.Series("href", [
        _article_href(r["article_id"], shape.mention_anchor(kind, r["start_char"], r["end_char"])
                      if r.get("start_char") is not None else None)
        for r in frame.iter_rows(named=True)], dtype=pl.Utf8))


def build_report(db: Path, out_dir: Path, generated_at: dt.datetime) -> ReportSummary:
    """Write the report of the warehouse ``db`` into ``out_dir`` (replacing a previous report
    there). ``generated_at`` is printed on every page."""
    db, out_dir = Path(db), Path(out_dir)
    _check_target(out_dir)
    staging = out_dir.with_name(f".{out_dir.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        summary = _write_report(db, staging, generated_at, previous=out_dir)
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary.out_dir = out_dir
    return summary


def _check_target(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{out_dir} is a file, not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise ReportError(f"{out_dir} is not empty and holds no ruaz report: choose a new or empty folder")


def _swap_in(staging: Path, out_dir: Path) -> None:
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def _write_assets(root: Path, previous: Path) -> None:
    assets = root / "assets"
    assets.mkdir()
    for name in ("report.css", "charts.js"):
        shutil.copyfile(TEMPLATES / name, assets / name)
    stamp = vega_stamp()
    reuse = previous / "assets" / "vega.js"
    try:
        same = json.loads((previous / MARKER).read_text(encoding="utf-8")).get("vega") == stamp
    except (OSError, ValueError):
        same = False
    if same and reuse.exists():      # bundling takes seconds: keep the previous report's copy
        shutil.copyfile(reuse, assets / "vega.js")
    else:
        (assets / "vega.js").write_text(vega_bundle(), encoding="utf-8")
    (root / MARKER).write_text(json.dumps({"vega": stamp}), encoding="utf-8")


def _write_report(db: Path, root: Path, generated_at: dt.datetime, previous: Path) -> ReportSummary:
    con = connect_read_only(db)
    try:
        totals = queries.totals(con)
        article_list = queries.article_list(con)
        known_articles = set(article_list["article_id"].to_list())
        context = {"db": str(db), "generated_at": generated_at.strftime("%Y-%m-%d %H:%M"), "totals": totals,
                   "known_articles": known_articles, "article_href": _article_href}
        pages = Pages(root, context)
        _write_assets(root, previous)
        charts: list[str] = []
        sources: dict[str, str] = {}

        # overview
        per_month = queries.articles_per_month(con)
        per_kind = queries.mentions_per_kind(con)
        languages = _languages(per_month, per_kind)
        months = sorted({m for m in per_month["month"].to_list() if m}) + (
            [None] if per_month["month"].null_count() else [])
        month_table = [(m, {row["language"]: row["n_articles"] for row in per_month.iter_rows(named=True)
                            if row["month"] == m}) for m in months]
        overview_chart = _chart("articles", "Articles per month of publication, by language (undated articles are "
                                            "in the table only).",
                                shape.articles_chart(per_month, languages), per_month["month"].drop_nulls().len())
        pages.write("index.html", "overview.html.j2", charts=[overview_chart], languages=languages,
                    month_table=month_table, per_kind=_pivot_kinds(per_kind, languages),
                    meaning=queries.meaning_filled(con),
                    quarantine_summary=queries.quarantine_summary(con).to_dicts(),
                    quarantine_rows=queries.quarantine_rows(con, PROBLEM_ROWS).to_dicts(),
                    error_summary=queries.ingest_error_summary(con).to_dicts(),
                    error_rows=queries.ingest_error_rows(con, PROBLEM_ROWS).to_dicts(),
                    runs=queries.recent_runs(con).to_dicts(), problem_rows=PROBLEM_ROWS)
        charts += [c.name for c in [overview_chart] if c.n_marks]

        # timeline
        events, source = queries.timeline_events(con)
        sources["timeline"] = source.relation
        events = _with_links(events, "date")
        event_types = _event_types(events)
        n_dots = shape.monthly_counts(events)["n_events"].sum() if events.height else 0
        timeline_chart = _chart("timeline", "Each happening is a dot on its type's row (bigger: carried by more "
                                            "outlets; hover for what the article says, click for the article); below, "
                                            "the happenings per month: drag across the bars to zoom the dots on those "
                                            "months. Happenings known only to the year are in the table.",
                                shape.timeline_chart(events, event_types), int(n_dots))
        groups = shape.timeline_months(events)
        pages.write("timeline.html", "timeline.html.j2", charts=[timeline_chart], source=source, groups=groups,
                    index=shape.month_index(groups),
                    event_types=event_types, n_events=events.height)
        charts += [c.name for c in [timeline_chart] if c.n_marks]

        # documents
        documents = queries.document_table(con)
        documents_chart = _chart("documents", "The most mentioned documents, their mentions by language. Click a "
                                              "bar for the document's row.",
                                 shape.documents_chart(documents, languages, "documents.html#doc-"),
                                 min(documents.height, 15))
        pages.write("documents.html", "documents.html.j2", charts=[documents_chart], documents=documents.to_dicts(),
                    languages=languages, unidentified=queries.unidentified_documents(con).to_dicts(),
                    never_mentioned=queries.documents_never_mentioned(con))
        charts += [c.name for c in [documents_chart] if c.n_marks]

        # figures
        figures, source = queries.figures(con)
        sources["figures"] = source.relation
        figures = _with_links(figures, "count")
        measures = _measures(figures)
        n_points = figures.filter((pl.col("period_start").is_not_null() | pl.col("published").is_not_null())
                                  & pl.col("unit").is_not_null() & (pl.col("value") > 0)).height if figures.height else 0
        figures_chart = _chart("figures", "Each figure at the start of its period (a circle) or, when its sentence "
                                          "states none, at the article's publication date (a square); one panel per "
                                          "unit, each on its own logarithmic scale. Hover for the sentence, click for "
                                          "the article. Figures with neither date are in the tables only.",
                               shape.figures_chart(figures, measures), n_points)
        pages.write("figures.html", "figures.html.j2", charts=[figures_chart], source=source,
                    groups=_figure_groups(figures))
        charts += [c.name for c in [figures_chart] if c.n_marks]

        # articles
        pages.write("articles.html", "articles.html.j2", charts=[], articles=article_list.to_dicts())
        n_articles = 0
        for ids in _chunks(queries.article_ids(con), ARTICLE_CHUNK):
            texts = queries.articles(con, ids)
            mentions = queries.mentions_of(con, ids)
            by_article = {kind: frame.partition_by("article_id", as_dict=True) for kind, frame in mentions.items()}
            for article in texts.iter_rows(named=True):
                key = (article["article_id"],)
                own = {kind: by_article[kind].get(key, frame.clear()) for kind, frame in mentions.items()}
                listed = shape.article_mentions(own)
                pages.write(shape.page_name(article["article_id"]), "article.html.j2", charts=[], article=article,
                            mentions=listed, markup=shape.article_markup(article["text"], listed),
                            rows=shape.mention_rows(listed),
                            kind_counts={k: sum(1 for m in listed if m.kind == k) for k in shape.KINDS})
                n_articles += 1
    finally:
        con.close()
    return ReportSummary(root, pages.n_pages, n_articles, charts, sources)


def _pivot_kinds(per_kind: pl.DataFrame, languages: Sequence[str]) -> list[dict]:
    rows = []
    for kind in shape.KINDS:
        part = per_kind.filter(pl.col("kind") == kind)
        counts = dict(zip(part["language"].to_list(), part["n_mentions"].to_list()))
        rows.append({"kind": kind, "by_language": counts, "total": sum(counts.values()),
                     "n_articles": int(part["n_articles"].sum()) if part.height else 0})
    return rows


def _figure_groups(figures: pl.DataFrame) -> list[tuple[str, list[dict]]]:
    """The figures by measure (money) or unit (quantities), each group by period."""
    groups: dict[str, list[dict]] = {}
    for row in figures.iter_rows(named=True):
        if row.get("kind") == "money" or row.get("measure"):
            heading = f"money: {row.get('measure') or 'measure not filled'}"
        else:
            heading = f"quantity: {row.get('unit')}"
        groups.setdefault(heading, []).append(row)
    for rows in groups.values():
        rows.sort(key=lambda r: (r.get("period_start") or r.get("published") or dt.date.max, r["article_id"]))
    return sorted(groups.items())


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
