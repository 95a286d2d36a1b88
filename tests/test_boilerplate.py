"""A site's repeated lines, learned from its pages and dropped from their text (pure)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from news_texts import AZ_DOMESTIC, AZ_OTHER, AZ_WIRE, AZ_WIRE_COPY, EN_OTHER, EN_UNRELATED, EN_WIRE, RU_DOMESTIC, RU_WIRE
from transforms.boilerplate import MAX_LINE_CHARS, SiteLines, drop_lines, line_key, same_page, page_signature, site_of

AT = dt.datetime(2026, 12, 7, 8, 0)
PROMO = "Telegram kanalımıza abunə olun: 120 000-dən çox izləyici"


def as_lines(text: str, *extra: str) -> str:
    """A page's main text as trafilatura gives it: a line per paragraph (here, per sentence)."""
    return "\n".join([s.strip() for s in text.split(". ")] + list(extra))


def test_a_line_on_three_different_pages_of_a_site_is_its_boilerplate():
    lines = SiteLines(min_pages=3)
    for text in (AZ_WIRE, AZ_OTHER):
        lines.learn("xeber.az", as_lines(text, PROMO), AT)
    assert not lines.is_boilerplate("xeber.az", line_key(PROMO))          # two pages: not yet
    lines.learn("xeber.az", as_lines(AZ_DOMESTIC, PROMO), AT)
    assert lines.boilerplate("xeber.az") == {line_key(PROMO)}
    assert lines.boilerplate("other.az") == frozenset()                     # per site
    cleaned, dropped = drop_lines(as_lines(AZ_OTHER, PROMO), lines.boilerplate("xeber.az"))
    assert PROMO not in cleaned and cleaned == as_lines(AZ_OTHER)
    assert [(d.line_index, d.line) for d in dropped] == [(len(as_lines(AZ_OTHER).split("\n")), PROMO)]


def test_copies_of_one_story_count_once():
    # the wire story, its copy on the same site, and a correction of it: one story, whatever its lines
    lines = SiteLines(min_pages=3)
    for text in (AZ_WIRE, AZ_WIRE_COPY, AZ_WIRE + " Yenilənib: iclas mayda olacaq."):
        lines.learn("xeber.az", as_lines(text, PROMO), AT)
    assert lines.boilerplate("xeber.az") == frozenset()
    assert lines.lines[("xeber.az", line_key(PROMO))].n_pages == 1


def test_a_long_paragraph_repeated_verbatim_is_reporting_not_boilerplate():
    background = ("Azerbaijan and Russia established diplomatic relations on April 4, 1992, and signed the "
                  "Declaration on Allied Interaction in Moscow on February 22, 2022, " * 3).strip()
    assert len(background) > MAX_LINE_CHARS
    lines = SiteLines(min_pages=3)
    for text in (EN_WIRE, EN_OTHER, EN_UNRELATED):
        lines.learn("news.az", as_lines(text, background), AT)
    assert lines.boilerplate("news.az") == frozenset()


def test_what_was_learned_before_counts_and_the_newly_learned_lines_are_named():
    lines = SiteLines(min_pages=3)
    lines.learn("xeber.az", as_lines(AZ_WIRE, PROMO), AT)
    lines.learn("xeber.az", as_lines(AZ_OTHER, PROMO), AT)
    stored = SiteLines(3, dict(lines.lines))                  # as a later run reads it from site_lines
    before = {k: v.n_pages for k, v in stored.lines.items()}
    stored.learn("xeber.az", as_lines(RU_DOMESTIC, PROMO), AT + dt.timedelta(days=1))
    assert stored.newly_learned(before) == {"xeber.az": {line_key(PROMO): PROMO}}
    stats = stored.lines[("xeber.az", line_key(PROMO))]
    assert (stats.n_pages, stats.first_seen_at, stats.last_seen_at) == (3, AT, AT + dt.timedelta(days=1))
    assert stored.newly_learned({k: v.n_pages for k, v in stored.lines.items()}) == {}


def test_lines_are_the_same_whatever_their_spacing_and_case():
    assert line_key("  Telegram   kanalımıza abunə olun ") == line_key("telegram kanalımıza ABUNƏ olun")
    text, dropped = drop_lines("Bir.\n  TELEGRAM kanalımıza abunə olun\nİki.", {line_key("Telegram kanalımıza abunə olun")})
    assert text == "Bir.\nİki." and dropped[0].line_index == 1


def test_signatures_tell_copies_from_other_stories():
    assert same_page(page_signature(AZ_WIRE), page_signature(AZ_WIRE_COPY))
    assert not same_page(page_signature(AZ_WIRE), page_signature(AZ_OTHER))
    assert not same_page(page_signature(RU_WIRE), page_signature(RU_DOMESTIC))
    assert same_page(page_signature("short"), page_signature("short"))
    assert not same_page(page_signature("short"), page_signature("other short"))


def test_the_site_of_a_page():
    assert site_of("https://www.Report.az/en/news/1?x=1") == "report.az"
    assert site_of("http://127.0.0.1:8080/a") == "127.0.0.1:8080"
    assert site_of(None) is None and site_of("not a url") is None


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40),
                max_size=12),
       st.sets(st.integers(0, 11)))
def test_dropping_keeps_every_other_line_in_order(paragraphs, chosen):
    text = "\n".join(paragraphs)
    keys = {line_key(p.strip()) for i, p in enumerate(paragraphs) if i in chosen}
    cleaned, dropped = drop_lines(text, keys)
    kept = [p for i, p in enumerate(paragraphs) if i not in {d.line_index for d in dropped}]
    assert cleaned == ("\n".join(kept).strip("\n") if dropped else text)
    assert all(line_key(d.line) in keys and paragraphs[d.line_index].strip() == d.line for d in dropped)
