"""`ruaz report`, `ruaz show` and `ruaz codebook` on a warehouse built from samples/ (without a
browser; tests/test_report_browser.py opens the pages in Chromium): the pages and what they list,
links that resolve, nothing fetched from elsewhere, where the timeline and the figures come from,
and the commands' errors."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from flows.report import MARKER, ReportError, build_report
from helpers import copy_warehouse, query, write_warehouse
from sample_warehouse import REPORT_AT as AT, report, sample_db  # noqa: F401 - fixtures
from transforms.report import page_name
from warehouse.codebook import render_codebook

TOP_PAGES = ("index.html", "timeline.html", "documents.html", "figures.html", "articles.html")


def _copy(db: Path, tmp_path: Path) -> Path:
    """A copy of the warehouse (its reader's file and state store) that a test may change."""
    return copy_warehouse(db, tmp_path / "copy.duckdb")


def _change(db: Path, *statements: str) -> None:
    """Run the statements on the warehouse's state store and publish them, as a run would."""
    write_warehouse(db, lambda con: [con.execute(s) for s in statements], run_id="change")


class Page(HTMLParser):
    """What a test reads from a page: links, ids, scripts and styles, table rows, marks."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.sources, self.rows, self.marks = [], set(), [], {}, []
        self._table_class = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe") and "src" in attrs or tag == "link" and "href" in attrs:
            self.sources.append(attrs.get("src") or attrs.get("href"))
        if tag == "table":
            self._table_class.append(attrs.get("class", ""))
        if tag == "tr" and self._table_class:
            self.rows[self._table_class[-1]] = self.rows.get(self._table_class[-1], 0) + 1
        if tag == "mark":
            self.marks.append(attrs)

    def handle_endtag(self, tag):
        if tag == "table":
            self._table_class.pop()


def test_the_report_has_every_page_and_one_page_per_article(report, sample_db):
    ids = [r[0] for r in query(sample_db, "SELECT article_id FROM articles")]
    for name in TOP_PAGES:
        assert (report / name).is_file(), name
    assert sorted(p.relative_to(report).as_posix() for p in (report / "articles").iterdir()) == \
        sorted(page_name(i) for i in ids)
    assert (report / "assets" / "vega.js").stat().st_size > 100_000
    assert "window.vegaEmbed" in (report / "assets" / "vega.js").read_text(encoding="utf-8")


def test_nothing_is_loaded_from_elsewhere_and_every_link_resolves(report):
    pages = sorted(report.glob("**/*.html"))
    parsed = {p: Page(p) for p in pages}
    for path, page in parsed.items():
        for source in page.sources:     # scripts and styles: files of the report
            assert not re.match(r"^[a-z]+:|^//", source), (path, source)
            assert (path.parent / source).resolve().is_file(), (path, source)
        for link in page.links:
            if re.match(r"^[a-z]+:", link):
                pytest.fail(f"{path.name} links outside the report: {link}")
            target, _, anchor = link.partition("#")
            target_path = (path.parent / target).resolve() if target else path
            assert target_path.is_file(), (path, link)
            if anchor:
                assert anchor in parsed[target_path].ids, (path, link)


def test_the_overview_counts_articles_mentions_and_problems(report, sample_db):
    html = (report / "index.html").read_text(encoding="utf-8")
    n_articles, n_dates = query(sample_db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM date_mentions)")[0]
    assert f"<b>{n_articles}</b> articles" in html and f"<b>{n_dates}</b> dates" in html
    assert "count_value_in_range" in html and "bad_json" in html and "samples/broken.jsonl:3" in html
    for month, n in query(sample_db, "SELECT strftime(published, '%Y-%m'), count(*) FROM articles "
                                     "WHERE published IS NOT NULL GROUP BY 1"):
        assert re.search(rf"<td>{month}</td>(<td class=\"n\">\d+</td>)*<td class=\"n\">{n}</td></tr>", html), month
    assert 'id="chart-articles"' in html and "<svg" in html


def test_the_documents_page_ranks_documents_by_mentions_with_their_signing(report, sample_db):
    expected = query(sample_db, """
        SELECT d.document_id, d.signed_on, count(*) AS n FROM document_mentions m JOIN documents d USING (document_id)
        GROUP BY d.document_id, d.signed_on, d.canonical_name
        ORDER BY n DESC, count(DISTINCT m.article_id) DESC, d.canonical_name""")
    page = Page(report / "documents.html")
    html = (report / "documents.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="doc-([^"]+)">(.*?)</tr>', html, re.DOTALL)
    assert [r[0] for r in rows] == [e[0] for e in expected]
    for (_, cells), (_, signed_on, n) in zip(rows, expected):
        assert f"<b>{n}</b>" in cells
        assert (str(signed_on) if signed_on else "unknown") in cells
    assert page.rows["data documents"] == len(expected) + 1


def test_without_roles_the_timeline_shows_every_dated_mention_and_says_so(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    # a warehouse whose dates have no roles (loaded before the extractors gave them)
    _change(db, "UPDATE date_mentions SET role = NULL, event_type = NULL, role_rule = NULL, role_confidence = NULL")
    out = tmp_path / "report"
    build_report(db, out, AT)
    html = (out / "timeline.html").read_text(encoding="utf-8")
    assert "the roles of the dates" in html and "dated mention" in html
    n_events = len(re.findall(r'<span class="tag t-dated_mention">', html))
    assert n_events == query(db, "SELECT count(*) FROM date_mentions")[0][0]


@pytest.mark.parametrize("has_view", [True, False])
def test_with_roles_the_timeline_shows_the_events_by_type(sample_db, tmp_path, has_view):
    db = _copy(sample_db, tmp_path)
    # a warehouse whose roles are filled, as the extractors fill them
    _change(db, "UPDATE date_mentions SET role = 'dateline', event_type = NULL",
            "UPDATE date_mentions SET role = 'event', event_type = 'signing' WHERE value = '1997-07-03'",
            "UPDATE date_mentions SET role = 'event', event_type = 'visit' "
            "WHERE article_id = 'sample-ru-02' AND granularity = 'day'")
    if has_view:   # the warehouse's own view: one row per happening of a story
        expected = query(db, "SELECT article_id, start_char, event_type FROM timeline ORDER BY ALL")
    else:          # a warehouse of another make, without the view: the event dates themselves
        with duckdb.connect(str(db)) as con:
            con.execute("DROP VIEW timeline")
        expected = query(db, "SELECT article_id, start_char, event_type FROM date_mentions WHERE role = 'event' "
                             "ORDER BY ALL")
    assert {e for _, _, e in expected} == {"signing", "visit"}
    out = tmp_path / "report"
    summary = build_report(db, out, AT)
    assert summary.sources["timeline"] == ("timeline" if has_view else "date_mentions")
    html = (out / "timeline.html").read_text(encoding="utf-8")
    assert ("the view timeline" if has_view else "whose role is &#39;event&#39;") in html
    article_of_page = {page_name(i): i for i, in query(db, "SELECT article_id FROM articles")}
    found = [(article_of_page[page], int(start), event_type) for event_type, page, start in re.findall(
        r'<span class="tag t-(\w+)">\w+</span>.*?href="(articles/[^"#]+)#date-(\d+)-\d+"', html, re.DOTALL)]
    assert sorted(found) == sorted(expected)
    assert "1997-07" in html and 'id="m-1997-07"' in html


def test_a_timeline_view_is_used_when_the_warehouse_has_one(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    con = duckdb.connect(str(db))
    con.execute("""CREATE OR REPLACE VIEW timeline AS   -- a view of its own
        SELECT m.value, m.value_start, m.value_end, m.granularity, 'meeting' AS event_type, m.text, m.sentence,
               m.article_id, m.start_char, m.end_char, 3 AS n_sources, ['Some Agreement'] AS document_names
        FROM date_mentions m WHERE m.value_start IS NOT NULL AND m.granularity = 'day'""")
    n = con.execute("SELECT count(*) FROM timeline").fetchone()[0]
    con.close()
    out = tmp_path / "report"
    assert build_report(db, out, AT).sources["timeline"] == "timeline"
    html = (out / "timeline.html").read_text(encoding="utf-8")
    assert "the view timeline" in html
    assert html.count('<span class="tag t-meeting">') == n and html.count("<td>Some Agreement</td>") == n


def test_a_timeline_view_without_the_columns_the_report_reads_is_not_used(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    con = duckdb.connect(str(db))
    con.execute("CREATE OR REPLACE VIEW timeline AS SELECT 1 AS something_else")
    con.close()
    assert build_report(db, tmp_path / "report", AT).sources["timeline"] == "date_mentions"


def test_figures_are_money_and_quantities_with_their_period(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    out = tmp_path / "report"
    build_report(db, out, AT)
    html = (out / "figures.html").read_text(encoding="utf-8")
    n_money = query(db, "SELECT count(*) FROM count_mentions WHERE kind = 'money'")[0][0]
    assert n_money and html.count("<tr>") - html.count("<thead><tr>") >= n_money
    # units, measures and periods filled, as the extractors fill them
    _change(db, "UPDATE count_mentions SET unit = CASE WHEN kind = 'money' THEN object WHEN kind = 'percent' "
                "THEN 'percent' WHEN kind = 'cardinal' THEN 'item' END",
            "UPDATE count_mentions SET measure = 'trade', period_value = '2023', period_start_char = 0, "
            "period_end_char = 4 WHERE kind = 'money'",
            "UPDATE count_mentions SET unit = 'tonne' WHERE object ILIKE 'ton%' OR object ILIKE 'тонн%'")
    # the warehouse's view figures: one row per figure of a story (the extractors' own periods stay)
    n_figures, n_2023 = query(db, "SELECT count(*), count(*) FILTER (period_value = '2023') FROM figures")[0]
    build_report(db, out, AT)
    html = (out / "figures.html").read_text(encoding="utf-8")
    assert "money: trade" in html and html.count('<td class="nowrap">2023</td>') == n_2023 >= n_money
    assert len(re.findall(r'href="articles/[^"]+#count-\d+-\d+"', html)) == n_figures


def test_every_article_page_marks_every_stored_mention(report, sample_db):
    for article_id, text in query(sample_db, "SELECT article_id, text FROM articles"):
        page = Page(report / page_name(article_id))
        stored = {(kind, s, e) for kind, table in (("date", "date_mentions"), ("count", "count_mentions"),
                                                    ("document", "document_mentions"))
                  for s, e in query(sample_db, f"SELECT start_char, end_char FROM {table} WHERE article_id = ?",
                                    [article_id])}
        marked = {(m["data-kind"], int(m["data-start"]), int(m["data-end"])) for m in page.marks}
        assert marked == stored, article_id
        assert {f"{k}-{s}-{e}" for k, s, e in stored} <= page.ids


def test_a_second_report_replaces_the_first_and_other_folders_are_refused(sample_db, tmp_path):
    out = tmp_path / "report"
    build_report(sample_db, out, AT)
    (out / "articles" / "stale.html").write_text("old", encoding="utf-8")
    build_report(sample_db, out, AT)
    assert not (out / "articles" / "stale.html").exists() and (out / MARKER).exists()
    assert not list(tmp_path.glob(".report.*"))       # no staging folder left behind
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ReportError):
        build_report(sample_db, other, AT)
    assert (other / "mine.txt").read_text(encoding="utf-8") == "keep"


def test_an_empty_warehouse_gives_a_report_that_says_so(tmp_path):
    db = tmp_path / "empty.duckdb"
    write_warehouse(db, lambda con: None, at=AT, run_id="r0")
    out = tmp_path / "report"
    summary = build_report(db, out, AT)
    assert summary.n_articles == 0 and summary.charts == []
    assert "Nothing to draw" in (out / "timeline.html").read_text(encoding="utf-8")
    assert "No dated happenings" in (out / "timeline.html").read_text(encoding="utf-8")


# ---- the commands --------------------------------------------------------------------------------

def test_ruaz_report_writes_the_report(sample_db, tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["report", "--db", str(sample_db), "--out", str(out)]) == 0
    assert f"{out / 'index.html'}" in capsys.readouterr().out
    assert (out / "index.html").exists()


def test_ruaz_report_errors_are_usage_errors(sample_db, tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "r")]) == 2
    assert "no warehouse" in capsys.readouterr().err and not (tmp_path / "r").exists()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert main(["report", "--db", str(sample_db), "--out", str(tmp_path / "full")]) == 2
    assert "holds no ruaz report" in capsys.readouterr().err


def test_ruaz_show_marks_and_lists_every_mention(sample_db, capsys):
    assert main(["show", "sample-en-01", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    text, = query(sample_db, "SELECT text FROM articles WHERE article_id = 'sample-en-01'")[0]
    mentions = query(sample_db, """
        SELECT start_char, end_char, text FROM date_mentions WHERE article_id = 'sample-en-01' UNION ALL
        SELECT start_char, end_char, text FROM count_mentions WHERE article_id = 'sample-en-01' UNION ALL
        SELECT start_char, end_char, text FROM document_mentions WHERE article_id = 'sample-en-01'""")
    assert len(mentions) > 5
    flat = re.sub(r"\s+", " ", out)
    for number, (start, end, words) in enumerate(sorted(mentions, key=lambda m: (m[0], -m[1])), 1):
        assert f"{words} → " in flat.replace("\n", " ") or words in flat, words
        superscript = str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        assert f"]{superscript}" in flat, (number, words)
    # the brackets taken away, the article's text is intact
    body = out.split("\n\n")[1]
    assert re.sub(r"[\[\]⁰¹²³⁴⁵⁶⁷⁸⁹]", "", body).split() == re.sub(r"[\[\]]", "", text).split()


def test_ruaz_show_colours_mentions_on_a_terminal(sample_db):
    from rich.console import Console

    from flows.show import marked_text, read_article

    article, mentions = read_article(sample_db, "sample-az-01")
    styled = marked_text(article["text"], mentions, plain=False)
    spans = {(s.start, s.end, str(s.style)) for s in styled.spans}
    # offsets in the styled text shift by the numbers written after earlier mentions (and a mention
    # that holds another holds its number)
    shown = styled.plain
    for m in mentions:
        assert any(re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", shown[s:e]) == m.text and style == f"mention.{m.kind}"
                   for s, e, style in spans), m.text
    console = Console(force_terminal=True, color_system="truecolor", width=100, record=True)
    from flows.show import show_article
    show_article(sample_db, "sample-az-01", console)
    assert "\x1b[" in console.export_text(styles=True)


def test_ruaz_show_of_an_unknown_article_names_close_ids(sample_db, capsys):
    assert main(["show", "sample-en", "--db", str(sample_db)]) == 1
    err = capsys.readouterr().err
    assert "no article 'sample-en'" in err and "sample-en-01" in err


def test_ruaz_codebook_prints_or_writes_the_codebook(tmp_path, capsys):
    assert main(["codebook"]) == 0
    assert capsys.readouterr().out == render_codebook()
    assert main(["codebook", "--out", str(tmp_path / "c.md")]) == 0
    assert (tmp_path / "c.md").read_text(encoding="utf-8") == render_codebook()
