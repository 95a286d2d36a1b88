"""Stories: one event reported by several outlets (or twice by one) is one story.

Pure. Exact copies share a content key: the sha256 of the text normalised conservatively (case,
white space, punctuation, a leading dateline and agency attributions such as "Report xəbər
verir ki" or "/ТАСС/" removed). Near copies (the same wire story with small edits, another
dateline, another agency tail) are found with MinHash LSH over word 3-shingles (datasketch) and
confirmed by their estimated Jaccard similarity. Each story's id comes from the article that
founded it and never changes: an article keeps its story for life.

The articles of one run are placed in order of publication (the earliest published founds the
story; undated ones after, in input order), so which copy is stored whole does not depend on the
order of the sources file. A fetched near copy that adds sentences its story's stored copies lack
(a paragraph more) is stored too, as a *supplement*: its text whole, its mentions from those new
sentences only (``new_sentence_spans``), so its new facts are kept and the shared ones are not
counted twice.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from transforms.ingest import RawArticle
from transforms.lang import LANGUAGES
from transforms.sentences import sentence_spans
from warehouse.tables import polars_schema

# Bump when normalisation, shingling or hashing changes: stored fingerprints of another version
# are not compared (`ruaz reprocess` recomputes them).
FINGERPRINT_VERSION = "1-w3-affine32-128"
NUM_PERM = 128
SHINGLE_WORDS = 3
_MINHASH_DTYPE = np.dtype("<u4")
MIN_SHINGLES = 12              # shorter texts are matched exactly or not at all
# Members of one story that stand for it in the near-copy index. A story copied thousands of times
# (a wire story, a template) would otherwise make every later copy's LSH query return, and score,
# all of them: placement would grow with the square of the copies. Its first members are enough to
# recognise the next copy.
MAX_INDEXED_PER_STORY = 16

# The forms a month takes in a date line, in every language of the layer ("march", "мая", "yanvar"):
# any ending may follow.
_MONTHS = "|".join(sorted({re.escape(f.casefold()) for lang in LANGUAGES.values() for f in lang.month_date_forms},
                          key=len, reverse=True))
_AGENCIES = (r"report(?:\.az)?|apa|trend|azərtac|azertac|azertag|sputnik(?: azərbaycan| азербайджан)?|"
             r"day\.az|news\.az|тасс|tass|риа новости|ria novosti|интерфакс|interfax|reuters|reuter")
# Applied to the case-folded text, in order. Each removes words that say who reports, not what.
_BOILERPLATE = [
    # dateline: "BAKU, March 14. /TASS/." "МОСКВА, 14 марта." "Bakı, 26 aprel, Report."
    re.compile(rf"^\W*(?:[^\W\d_]+[ -]?){{1,3}}[.,]?\s+(?:\d{{1,2}}\s+(?:{_MONTHS})\w*|(?:{_MONTHS})\w*\s+\d{{1,2}})"
               rf"(?:,?\s+\d{{4}})?\W{{0,6}}(?:(?:{_AGENCIES})\W{{0,4}})?"),
    re.compile(rf"(?:according to|citing|reports?|informs?)\s+(?:the\s+)?(?:{_AGENCIES})\b"),
    re.compile(rf"\b(?:{_AGENCIES})(?:['’]?s)?\s+(?:reports?|informs?|news agency)\b"),
    re.compile(rf"\b(?:{_AGENCIES})(?:-?[ıiuü]n|-?[ıiuü]nun)?\s+(?:\w+\s+){{0,3}}?(?:xəbər verir(?: ki)?|xəbərinə görə)"),
    re.compile(r"\bxəbər verir(?: ki)?\b"),
    re.compile(rf"(?:сообщает|передает|передаёт|пишет)\s+(?:корреспондент\s+)?(?:{_AGENCIES})\b"),
    re.compile(rf"(?:сообща\w+|переда\w+)\s+(?:в\s+)?(?:{_AGENCIES})\b|/\s*(?:{_AGENCIES})\s*/"),
    # an agency name alone at the very start or end: "Trend:", "(Report)", "— ТАСС"
    re.compile(rf"^\W*(?:{_AGENCIES})\b\W*|\W*\b(?:{_AGENCIES})\W*$"),
]
_NON_WORD = re.compile(r"[\W_]+")


def normalise_for_matching(text: str, title: str | None = None) -> str:
    """The words of ``text`` without case, punctuation, dateline and agency attributions, and
    without its headline when the text starts with it (a reprint often has its own)."""
    if title and text.lstrip().startswith(title.strip()):
        text = text.lstrip()[len(title.strip()):]
    folded = unicodedata.normalize("NFKC", text).casefold()
    for pattern in _BOILERPLATE:
        folded = pattern.sub(" ", folded)
    return _NON_WORD.sub(" ", folded).strip()


def content_key(text: str, title: str | None = None) -> str:
    return hashlib.sha256(normalise_for_matching(text, title).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    content_key: str
    # NUM_PERM uint32 MinHash values, little-endian bytes (compact: 100k fingerprints as tuples of
    # ints would hold ~0.5 GB); None: too short for near matching (exact only)
    minhash: bytes | None

    def minhash_values(self) -> np.ndarray | None:
        return None if self.minhash is None else np.frombuffer(self.minhash, dtype=_MINHASH_DTYPE)


def fingerprint(text: str, title: str | None = None) -> Fingerprint:
    from datasketch import MinHash

    normalised = normalise_for_matching(text, title)
    key = hashlib.sha256(normalised.encode("utf-8")).hexdigest()
    words = normalised.split()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(shingles) < MIN_SHINGLES:
        return Fingerprint(key, None)
    sketch = MinHash(num_perm=NUM_PERM, scheme="affine32", permutations=_permutations())
    sketch.update_batch(list(shingles))
    return Fingerprint(key, sketch.hashvalues.astype(_MINHASH_DTYPE).tobytes())


def story_id_for(founder_article_id: str) -> str:
    """A story is named after the article that founded it; an article founds at most one story."""
    return "story-" + hashlib.sha256(founder_article_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    story_id: str
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class Placement:
    article_id: str
    story_id: str
    match: str                       # first | exact | near | kept (an article already in a story)
    matched_article_id: str | None   # the stored or earlier article it copies
    similarity: float                # estimated Jaccard with matched_article_id; 1.0 for exact and first


class _StoryIndex:
    def __init__(self, threshold: float):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.by_key: dict[str, tuple[str, str]] = {}        # content key -> (article_id, story_id)
        self.hashvalues: dict[str, np.ndarray] = {}         # article_id -> MinHash values, indexed members only
        self.story_of: dict[str, str] = {}
        self.n_indexed: Counter[str] = Counter()            # story_id -> members in the LSH index

    def add(self, article_id: str, story_id: str, fp: Fingerprint) -> None:
        self.by_key.setdefault(fp.content_key, (article_id, story_id))
        self.story_of[article_id] = story_id
        if fp.minhash is None:
            return
        if article_id in self.hashvalues:
            self.lsh.remove(article_id)
        elif self.n_indexed[story_id] >= MAX_INDEXED_PER_STORY:
            return
        else:
            self.n_indexed[story_id] += 1
        values = fp.minhash_values()
        self.hashvalues[article_id] = values
        self.lsh.insert(article_id, _sketch(values))

    def find(self, fp: Fingerprint) -> tuple[str, str, str, float] | None:
        """(match, article_id, story_id, similarity) of the closest indexed article, if any."""
        if fp.content_key in self.by_key:
            article_id, story_id = self.by_key[fp.content_key]
            return "exact", article_id, story_id, 1.0
        if fp.minhash is None:
            return None
        values = fp.minhash_values()
        candidates = sorted(self.lsh.query(_sketch(values)))
        if not candidates:
            return None
        # estimated Jaccard = share of equal MinHash values, for all candidates at once
        similarity = (np.stack([self.hashvalues[c] for c in candidates]) == values).mean(axis=1)
        scored = [(s, c) for s, c in zip(similarity.tolist(), candidates) if s >= self.threshold]
        if not scored:
            return None
        score, article_id = max(scored)
        return "near", article_id, self.story_of[article_id], round(score, 4)


def _sketch(values: np.ndarray):
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme="affine32", hashvalues=values, permutations=_permutations())


@functools.cache
def _permutations():
    """The (seeded, fixed) permutation parameters of every sketch, drawn once: drawing them is most of
    the cost of making a MinHash."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme="affine32").permutations


def place_in_stories(incoming: Sequence[tuple[str, Fingerprint]], stored: Iterable[StoryMember],
                     kept: Mapping[str, str], threshold: float) -> list[Placement]:
    """The story of each incoming (article_id, fingerprint), in order.

    stored: articles already in stories (the candidates to match); kept: article_id -> story_id of
    incoming articles that already belong to a story (they stay in it). Incoming articles are
    matched against stored ones and against the incoming ones before them."""
    index = _StoryIndex(threshold)
    for member in stored:
        index.add(member.article_id, member.story_id, member.fingerprint)
    placements = []
    for article_id, fp in incoming:
        if article_id in kept:
            placements.append(Placement(article_id, kept[article_id], "kept", None, 1.0))
            index.add(article_id, kept[article_id], fp)
            continue
        found = index.find(fp)
        if found is None:
            placement = Placement(article_id, story_id_for(article_id), "first", None, 1.0)
        else:
            match, matched, story_id, similarity = found
            placement = Placement(article_id, story_id, match, matched, similarity)
        placements.append(placement)
        index.add(article_id, placement.story_id, fp)
    return placements


FINGERPRINT_SCHEMA = polars_schema("article_fingerprints")
ARTICLE_SOURCE_SCHEMA = polars_schema("article_sources")
SIGHTING_SCHEMA = pl.Schema({"article_id": pl.Utf8, "url": pl.Utf8, "source": pl.Utf8,
                             "first_seen_at": pl.Datetime("us"), "is_fetched": pl.Boolean})


def sightings_frame(articles: Sequence[RawArticle], run_at: dt.datetime) -> pl.DataFrame:
    """Where and when each article was found: the fetched page and its source, or the input file."""
    return pl.DataFrame([{
        "article_id": a.article_id, "url": a.url, "source": a.origin or a.source,
        "first_seen_at": a.fetched_at or run_at, "is_fetched": a.origin is not None,
    } for a in articles], schema=SIGHTING_SCHEMA).unique("article_id", keep="first", maintain_order=True)


def location_of(article_id: str, url: str | None) -> str:
    """Where a copy was found: its URL, or the article id for an article read from a file without one."""
    return url or f"article:{article_id}"


# A sentence of a near copy is new to its story when fewer than half of its word 3-shingles stand in
# the story's stored copies (an edited sentence, "Qeyd olunub" for "Qeyd edilib", is not new), and it
# has at least this many words (an agency's tail, "Xəbərlərimizi Telegram kanalımızda izləyin", is not
# a fact).
NEW_SENTENCE_MIN_WORDS = 6
NEW_SENTENCE_MAX_KNOWN = 0.5


def _words(text: str) -> list[str]:
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()


def _shingle_set(words: Sequence[str]) -> set[str]:
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def new_sentence_spans(text: str, known_texts: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` that ``known_texts`` lack (see NEW_SENTENCE_*).

    Example: a reprint with the wire story's five sentences, one of them reworded, and a sixth
    paragraph "The parties also agreed to open a consulate in Ganja in 2027." -> that sentence only."""
    known: set[str] = set()
    for other in known_texts:
        known |= _shingle_set(_words(other))
    spans = []
    for start, end in sentence_spans(text):
        words = _words(text[start:end])
        if len(words) < NEW_SENTENCE_MIN_WORDS:
            continue
        shingles = _shingle_set(words)
        if sum(s in known for s in shingles) / len(shingles) < NEW_SENTENCE_MAX_KNOWN:
            spans.append((start, end))
    return spans


def publication_order(published: Sequence[dt.date | None]) -> list[int]:
    """Indexes in order of publication, the undated last; ties keep their order."""
    return sorted(range(len(published)), key=lambda i: (published[i] is None, published[i] or dt.date.min, i))


# (story_id, article_id, text, is_supplement) of the stored articles of some stories, in storing order
StoryTexts = Callable[[list[str]], Sequence[tuple[str, str, str, bool]]]


@dataclass(frozen=True)
class StoryPlan:
    articles: pl.DataFrame           # the articles to store, with story_id
    fingerprints: pl.DataFrame       # their fingerprints (FINGERPRINT_SCHEMA)
    article_sources: pl.DataFrame    # one row per new location of a story (ARTICLE_SOURCE_SCHEMA)
    n_copies_not_stored: int
    # supplements: article_id -> the spans of its sentences its mentions may come from
    new_sentence_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def plan_stories(articles: pl.DataFrame, sightings: pl.DataFrame, stored: Sequence[StoryMember],
                 kept: Mapping[str, str], *, run_id: str, threshold: float,
                 story_texts: StoryTexts | None = None, supplements: frozenset[str] | set[str] = frozenset()
                 ) -> StoryPlan:
    """Place ``articles`` (the frame to be loaded) in stories, in order of publication.

    sightings: where each article was found (``sightings_frame``). A fetched page that copies a
    stored or earlier article exactly, or nearly without adding a sentence, is recorded as a source
    of its story and not stored as an article, so its facts are not counted twice; a fetched near
    copy that adds sentences is stored as a supplement (see the module's doc); an article from a
    file the user chose is always stored whole, and grouped. story_texts: reads the stored
    articles of stories (to compare a near copy's sentences with); supplements: the ``kept``
    articles stored as supplements (their new sentences are found again)."""
    ids = articles["article_id"].to_list()
    texts = articles["text"].to_list()
    fingerprints = [fingerprint(t, title) for t, title in articles.select("text", "title").iter_rows()]
    order = publication_order(articles["published"].to_list())
    placed_in_order = place_in_stories([(ids[i], fingerprints[i]) for i in order], stored, kept, threshold)
    placements: list[Placement] = [None] * len(ids)   # type: ignore[list-item]
    for i, placement in zip(order, placed_in_order):
        placements[i] = placement
    seen = {r["article_id"]: r for r in sightings.iter_rows(named=True)}

    is_copy = [p.match in ("exact", "near") and seen[p.article_id]["is_fetched"] for p in placements]
    candidates = [i for i in order if (is_copy[i] and placements[i].match == "near")
                  or (placements[i].match == "kept" and ids[i] in supplements)]
    stored_texts: dict[str, list[tuple[str, str, bool]]] = {}
    if candidates and story_texts is not None:
        for story_id, article_id, text, is_supplement in story_texts(sorted({placements[i].story_id for i in candidates})):
            stored_texts.setdefault(story_id, []).append((article_id, text, is_supplement))
    spans: dict[str, list[tuple[int, int]]] = {}
    whole_this_run: dict[str, list[str]] = {}          # story -> texts stored whole in this run, in order
    extracted: list[str | None] = [None] * len(ids)
    for i in order:
        placement = placements[i]
        if placement.match == "kept" and ids[i] not in supplements:
            continue
        if is_copy[i] and placement.match == "exact":
            continue
        if i in candidates:
            members = stored_texts.get(placement.story_id, [])
            if placement.match == "kept":   # known: the members stored before it
                position = next((n for n, m in enumerate(members) if m[0] == ids[i]), len(members))
                known = [m[1] for m in members[:position]]
            else:
                known = [m[1] for m in members] + whole_this_run.get(placement.story_id, [])
            found = new_sentence_spans(texts[i], known) if known else []
            if found or placement.match == "kept":
                spans[ids[i]] = found
                extracted[i] = "new_sentences"
                whole_this_run.setdefault(placement.story_id, []).append(texts[i])
            continue
        extracted[i] = "whole"
        whole_this_run.setdefault(placement.story_id, []).append(texts[i])
    stored_mask = [p.match == "kept" or extracted[i] is not None for i, p in enumerate(placements)]

    sources = []
    for i, (placement, sha) in enumerate(zip(placements, articles["content_sha256"].to_list())):
        if placement.match == "kept":
            continue
        sighting = seen[placement.article_id]
        sources.append({
            "location": location_of(placement.article_id, sighting["url"]), "story_id": placement.story_id,
            "article_id": placement.article_id if stored_mask[i] else None, "match": placement.match,
            "matched_article_id": placement.matched_article_id, "similarity": placement.similarity,
            "url": sighting["url"], "source": sighting["source"], "content_sha256": sha,
            "first_seen_at": sighting["first_seen_at"], "run_id": run_id, "extracted": extracted[i],
        })
    keep = pl.Series(stored_mask, dtype=pl.Boolean)
    placed = articles.with_columns(pl.Series("story_id", [p.story_id for p in placements], dtype=pl.Utf8))
    fingerprint_rows = fingerprints_frame(ids, fingerprints)
    return StoryPlan(
        articles=placed.filter(keep),
        fingerprints=fingerprint_rows.filter(keep),
        # one row per location: a page seen twice in one run is one source
        article_sources=pl.DataFrame(sources, schema=ARTICLE_SOURCE_SCHEMA).unique("location", keep="first",
                                                                                    maintain_order=True),
        n_copies_not_stored=sum(not s for s in stored_mask),
        new_sentence_spans=spans,
    )


def keep_new_sentence_mentions(frame: pl.DataFrame, spans: Mapping[str, Sequence[tuple[int, int]]]) -> pl.DataFrame:
    """The mention rows of ``frame`` without those of a supplement outside its new sentences."""
    if not spans or frame.is_empty():
        return frame
    bounds = pl.DataFrame([{"article_id": a, "span_start": s, "span_end": e} for a, found in spans.items()
                           for s, e in found], schema={"article_id": pl.Utf8, "span_start": pl.Int64, "span_end": pl.Int64})
    flagged = frame.with_row_index("_row")
    inside = (flagged.join(bounds, on="article_id", how="inner")
              .filter((pl.col("start_char") >= pl.col("span_start")) & (pl.col("end_char") <= pl.col("span_end")))
              .select("_row").unique())
    supplement = pl.col("article_id").is_in(list(spans))
    return (flagged.filter(~supplement | pl.col("_row").is_in(inside["_row"].implode()))
            .drop("_row"))


def fingerprints_frame(article_ids: Sequence[str], fingerprints: Sequence[Fingerprint]) -> pl.DataFrame:
    """FINGERPRINT_SCHEMA rows, the MinHash values built in one array rather than as Python ints."""
    blank = bytes(4 * NUM_PERM)
    values = np.frombuffer(b"".join(fp.minhash or blank for fp in fingerprints), dtype=_MINHASH_DTYPE)
    minhash = pl.Series("minhash", values.reshape(len(fingerprints), NUM_PERM), dtype=pl.Array(pl.UInt32, NUM_PERM))
    has_minhash = pl.Series([fp.minhash is not None for fp in fingerprints], dtype=pl.Boolean)
    return pl.DataFrame({
        "article_id": pl.Series(article_ids, dtype=pl.Utf8),
        "content_key": pl.Series([fp.content_key for fp in fingerprints], dtype=pl.Utf8),
        "minhash": minhash.cast(pl.List(pl.UInt32)),
        "fingerprint_version": pl.Series([FINGERPRINT_VERSION] * len(fingerprints), dtype=pl.Utf8),
    }).with_columns(pl.when(has_minhash).then(pl.col("minhash")).alias("minhash")).select(FINGERPRINT_SCHEMA.names())
