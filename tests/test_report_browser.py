"""The report in a real browser: the system Chromium (Debian package `chromium`; `make test`
installs it, scripts/ensure_chromium.sh) driven by playwright, headless, from disk (file://).

Every page loads with no console error and asks for nothing but its own files; the charts are
drawn with a mark per data point; the marked spans of each article page are exactly the stored
mentions (same offsets, same words) over the article's exact text; tables and a static chart
remain with JavaScript off; a mention's meaning shows on hover.

Without Chromium these tests fail (they do not skip): a green suite must mean the pages work.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import query
from sample_warehouse import report, sample_db  # noqa: F401 - fixtures
from transforms.report import page_name

pytestmark = pytest.mark.slow     # about a minute: `make test` runs it, `make test-fast` does not

CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
CHART_PAGES = ("index.html", "timeline.html", "documents.html", "figures.html")


@pytest.fixture(scope="module")
def browser():
    """One Chromium for this module's tests. Not for the session: playwright's sync API keeps an
    event loop running in this thread while it is open, and Prefect's sync-or-async functions
    (flow.to_deployment) would then return coroutines to the tests that run after these."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"no Chromium at {CHROMIUM}: the report's browser tests need it. `make test` installs the "
                    f"Debian package (scripts/ensure_chromium.sh; it needs apt-get and root); or set CHROMIUM to a "
                    f"Chromium or Chrome binary.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield launched
        launched.close()


class Tab:
    """One browser tab (JavaScript on or off) that opens pages of the report: what each page
    logged, and what it asked the network for (anything but a file is refused)."""

    def __init__(self, browser, javascript: bool = True):
        self.javascript = javascript
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.elsewhere: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}")
                     if r.url.startswith("file:") else None)
        self.page.route("**/*", self._only_files)

    def open(self, path: Path) -> "Tab":
        self.errors.clear()
        self.elsewhere.clear()
        self.page.goto(path.as_uri())
        if self.javascript and self.page.locator("figure.chart").count():
            self.page.wait_for_selector("body[data-charts='done']", timeout=20_000)
        return self

    def _only_files(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()


@pytest.fixture()
def visit(browser):
    """visit(path, javascript=True): the page opened in this test's tab."""
    tabs: dict[bool, Tab] = {}

    def open_page(path: Path, javascript: bool = True) -> Tab:
        if javascript not in tabs:
            tabs[javascript] = Tab(browser, javascript)
        return tabs[javascript].open(path)

    yield open_page
    for tab in tabs.values():
        tab.context.close()


def test_every_page_loads_without_errors_and_fetches_nothing_from_elsewhere(report, visit):
    pages = sorted(report.glob("*.html")) + sorted(report.glob("articles/*.html"))
    assert len(pages) > 10
    for path in pages:
        opened = visit(path)
        assert opened.errors == [], path.name
        assert opened.elsewhere == [], path.name
        assert opened.page.locator("main h1").count() == 1


def _marks(opened: Tab, figure: str, mark_class: str) -> int:
    return opened.page.locator(f"figure#chart-{figure} .chart-live .{mark_class}.role-mark path").count()


def test_each_chart_is_drawn_with_a_mark_per_data_point(report, sample_db, visit):
    for name in CHART_PAGES:
        opened = visit(report / name)
        figures = opened.page.locator("figure.chart")
        for i in range(figures.count()):
            assert figures.nth(i).get_attribute("data-rendered") == "interactive", name
            assert figures.nth(i).locator(".chart-static").count() == 0      # replaced by the live chart
    roles = query(sample_db, "SELECT count(role) FROM date_mentions")[0][0]
    events = query(sample_db, f"""
        SELECT count(*) FROM date_mentions WHERE value_start IS NOT NULL AND granularity <> 'year'
        {"AND role = 'event'" if roles else ""}""")[0][0]
    assert events > 5
    assert _marks(visit(report / "timeline.html"), "timeline", "mark-symbol") == events
    month_language = query(sample_db, "SELECT count(DISTINCT (strftime(published, '%Y-%m'), language)) "
                                      "FROM articles WHERE published IS NOT NULL")[0][0]
    assert _marks(visit(report / "index.html"), "articles", "mark-rect") == month_language
    document_language = query(sample_db, """
        WITH top AS (SELECT document_id FROM document_mentions WHERE document_id IS NOT NULL GROUP BY 1
                     ORDER BY count(*) DESC LIMIT 15)
        SELECT count(DISTINCT (m.document_id, a.language)) FROM document_mentions m JOIN articles a USING (article_id)
        WHERE m.document_id IN (SELECT document_id FROM top)""")[0][0]
    n_documents = query(sample_db, "SELECT count(DISTINCT document_id) FROM document_mentions")[0][0]
    if n_documents <= 15:     # else ties at the 15th place make the SQL above ambiguous
        assert _marks(visit(report / "documents.html"), "documents", "mark-rect") == document_language
    money = query(sample_db, """
        SELECT count(*) FROM count_mentions m JOIN articles a USING (article_id)
        WHERE m.kind = 'money' AND m.value > 0 AND (m.period_value IS NOT NULL OR a.published IS NOT NULL)""")[0][0]
    assert money and _marks(visit(report / "figures.html"), "figures", "mark-symbol") >= money


MARKS_IN_DOM = """() => {
    const root = document.querySelector('.article-text');
    const marks = {};
    let offset = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = Array.from(node.data).length;       // code points, as Python counts
        for (let el = node.parentElement; el !== root; el = el.parentElement) {
            if (el.tagName !== 'MARK') continue;
            const key = el.dataset.key;
            marks[key] = marks[key] || {kind: el.dataset.kind, offset: offset, text: ''};
            marks[key].text += node.data;
        }
        offset += length;
    }
    return {text: root.textContent, marks: Object.values(marks)};
}"""


MENTION_TABLES = (("date", "date_mentions"), ("count", "count_mentions"), ("document", "document_mentions"))


def test_the_marked_spans_are_the_stored_mentions(report, sample_db, visit):
    mentions_checked = 0
    for article_id, text in query(sample_db, "SELECT article_id, text FROM articles ORDER BY article_id"):
        opened = visit(report / page_name(article_id))
        found = opened.page.evaluate(MARKS_IN_DOM)
        assert found["text"] == text, article_id
        stored = [(kind, start, end, words) for kind, table in MENTION_TABLES for start, end, words in query(
            sample_db, f"SELECT start_char, end_char, text FROM {table} WHERE article_id = ?", [article_id])]
        assert all(text[start:end] == words for _, start, end, words in stored)
        marked = [(m["kind"], m["offset"], m["text"]) for m in found["marks"]]
        assert sorted(marked) == sorted((kind, start, words) for kind, start, _, words in stored), article_id
        assert opened.page.locator("table.mentions tbody tr").count() == len(stored)
        mentions_checked += len(stored)
    assert mentions_checked == query(sample_db, "SELECT (SELECT count(*) FROM date_mentions) + (SELECT count(*) FROM "
                                                "count_mentions) + (SELECT count(*) FROM document_mentions)")[0][0]


def test_a_mentions_meaning_shows_on_hover(report, sample_db, visit):
    start, end, value, rule = query(sample_db, "SELECT start_char, end_char, value, rule FROM date_mentions "
                                               "WHERE article_id = 'sample-en-01' ORDER BY start_char LIMIT 1")[0]
    opened = visit(report / page_name("sample-en-01"))
    mark = opened.page.locator(f"mark#date-{start}-{end}")
    before = mark.evaluate("el => getComputedStyle(el, '::after').content")
    mark.hover()
    note = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert before in ("none", "normal", "") and f"date: {value}" in note and f"rule: {rule}" in note
    assert "confidence" in note and "role:" in note


def test_tables_and_a_static_chart_remain_without_javascript(report, sample_db, visit):
    opened = visit(report / "documents.html", javascript=False)
    n_documents = query(sample_db, "SELECT count(DISTINCT document_id) FROM document_mentions")[0][0]
    assert opened.page.locator("table.documents tbody tr").count() == n_documents
    assert opened.page.locator("figure#chart-documents .chart-static svg .mark-rect path").count() > 0
    assert opened.errors == [] and opened.elsewhere == []
    timeline = visit(report / "timeline.html", javascript=False)
    assert timeline.page.locator("table.events tbody tr").count() > 0
    assert timeline.page.locator("figure#chart-timeline .chart-static svg .mark-symbol path").count() > 0
    article = visit(report / page_name("seed"), javascript=False)
    assert article.page.locator(".article-text mark").count() >= article.page.locator("table.mentions tbody tr").count()


def test_a_dot_of_the_timeline_opens_its_article_at_the_date(report, visit):
    opened = visit(report / "timeline.html")
    opened.page.locator("figure#chart-timeline .chart-live .mark-symbol.role-mark path").first.click(force=True)
    opened.page.wait_for_url("**/articles/*.html#date-*")
    anchor = opened.page.url.rsplit("#", 1)[1]
    assert opened.page.locator(f"mark#{anchor}").count() == 1
    assert opened.errors == [] and opened.elsewhere == []
