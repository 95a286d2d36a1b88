"""Stories: exact copies by normalised content, near copies by MinHash LSH, ids that never move."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from news_texts import (
    AZ_OTHER,
    AZ_WIRE,
    AZ_WIRE_COPY,
    EN_OTHER,
    EN_WIRE,
    EN_WIRE_COPY,
    RU_DOMESTIC,
    RU_WIRE,
    RU_WIRE_COPY,
)
from flows.settings import Settings
from transforms.ingest import RawArticle
from transforms.stories import (
    MAX_INDEXED_PER_STORY,
    NUM_PERM,
    StoryMember,
    content_key,
    fingerprint,
    normalise_for_matching,
    keep_new_sentence_mentions,
    new_sentence_spans,
    place_in_stories,
    plan_stories,
    publication_order,
    sightings_frame,
    story_id_for,
)

AT = dt.datetime(2026, 4, 20, 8, 0)
SIMILARITY = Settings().story_similarity   # the configured default


@pytest.mark.parametrize("a,b", [
    ("Russia and Azerbaijan signed six roadmaps.", "  RUSSIA and azerbaijan signed six roadmaps!  "),
    ("Bakı, 12 mart, Report. Tərəflər sənəd imzalayıb.", "Tərəflər sənəd imzalayıb."),
    ("Report xəbər verir ki, tərəflər sənəd imzalayıb.", "Tərəflər sənəd imzalayıb."),
    ("APA xəbər verir ki, tərəflər sənəd imzalayıb.", "tərəflər sənəd imzalayıb"),
    ("МОСКВА, 5 апреля. /ТАСС/. Стороны подписали соглашение.", "Стороны подписали соглашение."),
    ("Стороны подписали соглашение, передает Trend.", "Стороны подписали соглашение."),
    ("BAKU, April 18. The sides signed an agreement, Trend reports.", "The sides signed an agreement."),
    ("The sides signed an agreement, according to AZERTAC.", "The sides signed an agreement."),
    ("The sides signed an agreement. (Reuters)", "The sides signed an agreement."),
])
def test_exact_copies_share_a_content_key(a, b):
    assert content_key(a) == content_key(b)


@pytest.mark.parametrize("a,b", [
    ("The sides signed six agreements.", "The sides signed seven agreements."),
    ("Russia and Azerbaijan signed an agreement.", "Azerbaijan and Russia signed an agreement."),
    ("The report was published on Monday.", "The was published on Monday."),     # 'report' the word stays
    ("Трудно сказать, что будет в мае.", "Трудно сказать, что будет в марте."),
])
def test_different_texts_have_different_keys(a, b):
    assert content_key(a) != content_key(b)


def test_a_reprint_under_another_headline_is_an_exact_copy():
    body = "The sides signed an agreement on freight. Trains will run from May."
    assert content_key("Freight deal\n" + body, "Freight deal") == content_key("Baku and Moscow agree\n" + body,
                                                                             "Baku and Moscow agree")
    assert content_key("Freight deal\n" + body) != content_key("Baku and Moscow agree\n" + body)


def test_normalisation_keeps_the_words():
    assert normalise_for_matching("BAKU, April 18. Azerbaijan and Russia have agreed, Trend reports.") == (
        "azerbaijan and russia have agreed")


@pytest.mark.parametrize("original,copy", [(AZ_WIRE, AZ_WIRE_COPY), (RU_WIRE, RU_WIRE_COPY), (EN_WIRE, EN_WIRE_COPY)])
def test_the_same_wire_story_on_another_site_is_a_near_copy(original, copy):
    assert content_key(original) != content_key(copy)
    [first, second] = place_in_stories([("a", fingerprint(original)), ("b", fingerprint(copy))], [], {}, SIMILARITY)
    assert (first.match, second.match, second.matched_article_id) == ("first", "near", "a")
    assert second.story_id == first.story_id == story_id_for("a")
    assert 0.5 <= second.similarity < 1.0


@pytest.mark.parametrize("one,other", [(AZ_WIRE, AZ_OTHER), (EN_WIRE, EN_OTHER), (RU_WIRE, RU_DOMESTIC),
                                       (EN_WIRE, RU_WIRE)])
def test_other_stories_on_the_same_subject_stay_apart(one, other):
    placements = place_in_stories([("a", fingerprint(one)), ("b", fingerprint(other))], [], {}, SIMILARITY)
    assert [p.match for p in placements] == ["first", "first"]
    assert placements[0].story_id != placements[1].story_id


def test_short_texts_match_only_exactly():
    short = fingerprint("Lavrov met Bayramov.")
    assert short.minhash is None
    placements = place_in_stories([("a", short), ("b", fingerprint("Lavrov met Bayramov!")),
                                   ("c", fingerprint("Lavrov met Bayramov today."))], [], {}, SIMILARITY)
    assert [p.match for p in placements] == ["first", "exact", "first"]


def test_stored_stories_are_matched_and_kept_articles_stay_in_theirs():
    stored = [StoryMember("old", "story-0000000000000001", fingerprint(EN_WIRE))]
    placements = place_in_stories(
        [("kept", fingerprint(AZ_OTHER)), ("copy", fingerprint(EN_WIRE_COPY)), ("same", fingerprint(EN_WIRE))],
        stored, kept={"kept": "story-0000000000000002"}, threshold=SIMILARITY)
    assert [(p.article_id, p.story_id, p.match) for p in placements] == [
        ("kept", "story-0000000000000002", "kept"),
        ("copy", "story-0000000000000001", "near"),
        ("same", "story-0000000000000001", "exact"),
    ]


def test_fingerprint_is_deterministic_and_complete():
    one, two = fingerprint(RU_WIRE), fingerprint(RU_WIRE)
    assert one == two and len(one.minhash_values()) == NUM_PERM


def _articles(*rows):
    """(id, text, origin[, published]) rows as fetched (origin set) or file articles, and their frame."""
    raw = [RawArticle(article_id=i, text=t, source=f"https://site/{i}", url=f"https://site/{i}", origin=origin,
                      fetched_at=AT if origin else None, published=rest[0] if rest else None)
           for i, t, origin, *rest in rows]
    frame = pl.DataFrame({"article_id": [a.article_id for a in raw], "text": [a.text for a in raw],
                          "title": [a.title for a in raw], "content_sha256": [a.content_sha256 for a in raw],
                          "published": [a.published for a in raw]}, schema_overrides={"published": pl.Date})
    return raw, frame


def test_a_fetched_copy_becomes_a_source_of_its_story_not_an_article():
    raw, frame = _articles(("a", EN_WIRE, "site-a"), ("b", EN_WIRE_COPY, "site-b"), ("c", EN_WIRE, "site-c"),
                           ("d", EN_OTHER, "site-b"))
    plan = plan_stories(frame, sightings_frame(raw, AT), [], {}, run_id="r1", threshold=SIMILARITY)
    assert plan.articles["article_id"].to_list() == ["a", "d"]
    assert plan.fingerprints["article_id"].to_list() == ["a", "d"]
    assert plan.n_copies_not_stored == 2
    sources = plan.article_sources.sort("location").select("location", "article_id", "match", "matched_article_id",
                                                          "source").rows()
    assert sources == [("https://site/a", "a", "first", None, "site-a"), ("https://site/b", None, "near", "a", "site-b"),
                       ("https://site/c", None, "exact", "a", "site-c"), ("https://site/d", "d", "first", None, "site-b")]
    assert plan.article_sources["story_id"].to_list()[:3] == [story_id_for("a")] * 3


def test_articles_from_files_are_all_stored_and_grouped():
    raw, frame = _articles(("a", EN_WIRE, None), ("b", EN_WIRE_COPY, None))
    plan = plan_stories(frame, sightings_frame(raw, AT), [], {}, run_id="r1", threshold=SIMILARITY)
    assert plan.articles["article_id"].to_list() == ["a", "b"]
    assert plan.articles["story_id"].n_unique() == 1 and plan.n_copies_not_stored == 0
    assert plan.article_sources.filter(pl.col("article_id") == "b")["match"].to_list() == ["near"]
    assert plan.article_sources["first_seen_at"].to_list() == [AT, AT]


def test_a_story_copied_many_times_keeps_its_copies_and_its_index_bounded():
    # Copies of one text with one word changed each: all near copies of the first. Only the first
    # MAX_INDEXED_PER_STORY stand for the story in the index, so each placement stays cheap.
    words = EN_WIRE.split()
    copies = [(f"copy-{i}", fingerprint(" ".join(words[:5] + [f"w{i}"] + words[6:]))) for i in range(120)]
    placements = place_in_stories(copies, [], {}, SIMILARITY)
    assert [p.match for p in placements] == ["first"] + ["near"] * 119
    assert {p.story_id for p in placements} == {story_id_for("copy-0")}
    assert all(p.matched_article_id in {f"copy-{i}" for i in range(MAX_INDEXED_PER_STORY)} for p in placements[1:])


# ---- the copy that founds a story; the facts a copy adds -------------------------------------------

EXTRA = ("The parties also agreed to open a joint logistics centre in Ganja in 2027, with a capacity of "
         "two million tonnes a year.")


def test_the_earliest_published_copy_founds_the_story_whatever_the_order_of_the_sources():
    for order in ([("late", EN_WIRE, "site-a", dt.date(2026, 4, 19)), ("early", EN_WIRE_COPY, "site-b", dt.date(2026, 4, 18))],
                  [("early", EN_WIRE_COPY, "site-b", dt.date(2026, 4, 18)), ("late", EN_WIRE, "site-a", dt.date(2026, 4, 19))]):
        raw, frame = _articles(*order)
        plan = plan_stories(frame, sightings_frame(raw, AT), [], {}, run_id="r1", threshold=SIMILARITY)
        assert plan.articles["article_id"].to_list() == ["early"]
        assert plan.articles["story_id"].to_list() == [story_id_for("early")]
    raw, frame = _articles(("undated", EN_WIRE, "site-a"), ("dated", EN_WIRE_COPY, "site-b", dt.date(2026, 4, 18)))
    assert plan_stories(frame, sightings_frame(raw, AT), [], {}, run_id="r1",
                        threshold=SIMILARITY).articles["article_id"].to_list() == ["dated"]


def test_publication_order_puts_the_undated_last_and_keeps_ties_in_order():
    d = dt.date
    assert publication_order([None, d(2026, 1, 2), d(2026, 1, 1), None, d(2026, 1, 1)]) == [2, 4, 1, 0, 3]


def test_a_near_copy_that_adds_a_paragraph_is_stored_for_its_new_sentences():
    copy = EN_WIRE_COPY + " " + EXTRA
    raw, frame = _articles(("wire", EN_WIRE, "site-a"), ("copy", copy, "site-b"), ("plain", EN_WIRE_COPY, "site-c"))
    plan = plan_stories(frame, sightings_frame(raw, AT), [], {}, run_id="r1", threshold=SIMILARITY,
                        story_texts=lambda ids: [])
    assert plan.articles["article_id"].to_list() == ["wire", "copy"]      # the copy without a new fact is not stored
    [(start, end)] = plan.new_sentence_spans["copy"]
    assert copy[start:end] == EXTRA
    extracted = dict(plan.article_sources.select("location", "extracted").rows())
    assert extracted == {"https://site/wire": "whole", "https://site/copy": "new_sentences", "https://site/plain": None}


def test_a_copy_compares_its_sentences_with_every_stored_copy_of_its_story():
    raw, frame = _articles(("copy", EN_WIRE_COPY + " " + EXTRA, "site-b"))
    members = [StoryMember("wire", story_id_for("wire"), fingerprint(EN_WIRE))]
    asked = []

    def stored_texts(story_ids):
        asked.append(story_ids)
        return [(story_id_for("wire"), "wire", EN_WIRE, False), (story_id_for("wire"), "supp", EXTRA, True)]

    plan = plan_stories(frame, sightings_frame(raw, AT), members, {}, run_id="r1", threshold=SIMILARITY,
                        story_texts=stored_texts)
    assert asked == [[story_id_for("wire")]]
    assert plan.articles.is_empty() and plan.n_copies_not_stored == 1    # its paragraph is already stored


def test_a_stored_supplement_keeps_only_its_new_sentences_when_re_extracted():
    copy = EN_WIRE_COPY + " " + EXTRA
    raw, frame = _articles(("copy", copy, "site-b"))
    story = story_id_for("wire")
    plan = plan_stories(frame, sightings_frame(raw, AT), [], {"copy": story}, run_id="r2", threshold=SIMILARITY,
                        story_texts=lambda ids: [(story, "wire", EN_WIRE, False), (story, "copy", copy, True)],
                        supplements={"copy"})
    [(start, end)] = plan.new_sentence_spans["copy"]
    assert copy[start:end] == EXTRA and plan.article_sources.is_empty()


@pytest.mark.parametrize("sentence,is_new", [
    (EXTRA, True),
    # a reworded sentence of the story is not new
    ("The two officials co-chair the intergovernmental commission, which holds its next session in Moscow "
     "this autumn.", False),
    ("Follow us on Telegram.", False),                                   # too short to be a fact
])
def test_new_sentences(sentence, is_new):
    text = EN_WIRE_COPY + " " + sentence
    spans = new_sentence_spans(text, [EN_WIRE])
    assert [text[s:e] for s, e in spans] == ([sentence] if is_new else [])


def test_a_supplement_keeps_the_mentions_of_its_new_sentences_only():
    frame = pl.DataFrame({"article_id": ["copy", "copy", "wire"], "start_char": [10, 300, 10], "end_char": [14, 304, 14]})
    kept = keep_new_sentence_mentions(frame, {"copy": [(290, 400)]})
    assert kept.rows() == [("copy", 300, 304), ("wire", 10, 14)]
    assert keep_new_sentence_mentions(frame, {}).equals(frame)
