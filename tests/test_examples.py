"""The examples of every dimension, run through the whole extractor (transforms.extract.extract_article,
so that dates, counts and documents are tested as they compose: counts skip the digits of dates,
documents are linked to the registry).

Examples are data: transforms/<dimension>/examples/<language>.toml (the format is described in
transforms/README.md). One test per example, named <dimension>-<language>-<number>:

    pytest tests/test_examples.py -k dates-az           # the Azerbaijani date examples
    pytest tests/test_examples.py -k "counts and ru"    # the Russian count examples
"""
from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from transforms.extract import extract_article
from transforms.lang import SUPPORTED
from warehouse.registry import load_registry

TRANSFORMS = Path(__file__).resolve().parents[1] / "transforms"
DIMENSIONS = ("dates", "counts", "documents")
# Where each dimension's rows stand in extract_article's result, and how an example's fields are
# named in the rows ("type" is doc_type, "canonical" the linked document id).
ROWS = {"dates": 0, "counts": 1, "documents": 2}
FIELDS = {
    "dates": {"value": "value", "granularity": "granularity", "is_range": "is_range", "is_relative": "is_relative",
              "rule": "rule", "role": "role", "event": "event_type"},
    "counts": {"value": "value", "kind": "kind", "qualifier": "qualifier", "object": "object", "rule": "rule",
               "unit": "unit", "measure": "measure", "period": "period"},
    "documents": {"type": "doc_type", "canonical": "document_id", "documents": "document_ids", "name_key": "name_key",
                  "link": "link_method", "rule": "rule"},
}
REQUIRED = {"dates": {"value"}, "counts": {"value", "kind", "qualifier"}, "documents": {"type"}}
EXAMPLE_KEYS = {"text", "published", "mentions", "partial", "absent", "note"}
MENTION_KEYS = {"text", "occurrence"}


@dataclass(frozen=True)
class Example:
    dimension: str
    language: str
    number: int                 # 1-based, in file order
    source: Path
    text: str
    published: dt.date | None
    mentions: tuple[dict, ...]
    partial: bool               # the listed mentions must be among those found (others may be too)
    absent: tuple[str, ...]     # substrings no mention of the dimension may overlap

    @property
    def id(self) -> str:
        return f"{self.dimension}-{self.language}-{self.number:03d}"


def _check_keys(where: str, found: set[str], allowed: set[str]) -> None:
    unknown = found - allowed
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")


def load_examples(root: Path = TRANSFORMS) -> list[Example]:
    """Every example of every dimension, checked for its form (unknown keys, missing fields)."""
    out = []
    for dimension in DIMENSIONS:
        for source in sorted((root / dimension / "examples").glob("*.toml")):
            language = source.stem
            if language not in SUPPORTED:
                raise ValueError(f"{source}: {language!r} is not a language of transforms/lang")
            data = tomllib.loads(source.read_text(encoding="utf-8"))
            _check_keys(str(source), set(data), {"example"})
            for number, raw in enumerate(data.get("example", []), 1):
                where = f"{source.name} example {number}"
                _check_keys(where, set(raw), EXAMPLE_KEYS)
                mentions = tuple(raw.get("mentions", ()))
                for m in mentions:
                    _check_keys(where, set(m), MENTION_KEYS | set(FIELDS[dimension]))
                    missing = REQUIRED[dimension] - set(m)
                    if missing and not raw.get("partial"):
                        raise ValueError(f"{where}: mention {m.get('text')!r} lacks {sorted(missing)}")
                    if m["text"] not in raw["text"]:
                        raise ValueError(f"{where}: mention {m['text']!r} is not in the text")
                if "mentions" not in raw and "absent" not in raw:
                    raise ValueError(f"{where}: says neither which mentions it gives nor which it must not")
                out.append(Example(dimension, language, number, source, raw["text"], raw.get("published"),
                                   mentions, bool(raw.get("partial")), tuple(raw.get("absent", ()))))
    return out


EXAMPLES = load_examples()


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _occurrences(text: str, written: str, pos: int):
    """Where ``written`` stands in ``text`` from ``pos`` on as whole words (not inside a longer
    word or number: "20" is not in "2024")."""
    head = r"(?<!\w)" if written[:1].isalnum() else ""
    tail = r"(?!\w)" if written[-1:].isalnum() else ""
    return (m.start() for m in re.compile(head + re.escape(written) + tail).finditer(text, pos))


def _starts(text: str, mentions) -> list[int]:
    """Offset of each listed mention: the ``occurrence``-th appearance of its text as whole words (1
    by default), counted from where the mention listed before it starts (that one not counted)."""
    out: list[int] = []
    previous: tuple[int, int] | None = None
    for m in mentions:
        wanted = m.get("occurrence", 1)
        seen = [at for at in _occurrences(text, m["text"], previous[0] if previous else 0)
                if (at, at + len(m["text"])) != previous]
        if len(seen) < wanted:
            raise ValueError(f"{m['text']!r} does not occur {wanted} times after the mention before it")
        out.append(seen[wanted - 1])
        previous = (out[-1], out[-1] + len(m["text"]))
    return out


class _Period(str):
    """A count's period as the words of its date mention: equal to the expected words when one holds
    the other, as the date extractor may take a preposition into the date or leave it out ("в прошлом
    году" / "прошлом году")."""
    def __eq__(self, other) -> bool:
        return isinstance(other, str) and bool(other) and (other in self or self in other)

    __hash__ = str.__hash__


def _same(expected, got) -> bool:
    if expected == "" and got is None:          # TOML has no null: "" says "none" (an object-less count)
        return True
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(got, (int, float)):
        return math.isclose(float(expected), float(got), rel_tol=1e-9)
    return expected == got


def _show(rows: list[dict], dimension: str, keys: set[str]) -> str:
    fields = FIELDS[dimension]
    lines = [f"  {r['text']!r} @{r['start_char']} " + ", ".join(f"{k}={r[fields[k]]!r}" for k in sorted(keys))
             for r in rows]
    return "\n".join(lines) or "  (none)"


def check_example(example: Example, registry) -> list[str]:
    """What is wrong with the extraction of ``example`` (empty when it passes)."""
    parts = extract_article("example", example.text, example.language, example.published, registry=registry)
    rows = parts[ROWS[example.dimension]]
    if example.dimension == "counts":       # a count's period, as the words of its date mention ("" for none)
        rows = [{**r, "period": _Period(example.text[r["period_start_char"]:r["period_end_char"]])
                 if r["period_start_char"] is not None else None} for r in rows]
    fields = FIELDS[example.dimension]
    problems = []
    keys = set().union(*(set(m) & set(fields) for m in example.mentions)) or REQUIRED[example.dimension]
    expected = [(start, start + len(m["text"]), m)
                 for start, m in zip(_starts(example.text, example.mentions), example.mentions)]
    if example.partial:
        for start, end, m in expected:
            match = [r for r in rows if (r["start_char"], r["end_char"]) == (start, end)]
            if not match:
                problems.append(f"missing {m['text']!r} @{start}")
                continue
            wrong = {k: (v, match[0][fields[k]]) for k, v in m.items() if k in fields
                     and not _same(v, match[0][fields[k]])}
            if wrong:
                problems.append(f"{m['text']!r}: " + ", ".join(f"{k} {e!r} != {g!r}" for k, (e, g) in wrong.items()))
    else:
        got = [(r["start_char"], r["end_char"], r) for r in rows]
        same = len(got) == len(expected) and all(
            (gs, ge) == (es, ee) and all(_same(v, r[fields[k]]) for k, v in m.items() if k in fields)
            for (gs, ge, r), (es, ee, m) in zip(got, expected))
        if not same:
            wanted = "\n".join(f"  {m['text']!r} @{s} " + ", ".join(f"{k}={v!r}" for k, v in sorted(m.items())
                                                                   if k in fields) for s, _, m in expected)
            problems.append(f"expected\n{wanted or '  (none)'}\ngot\n{_show(rows, example.dimension, keys)}")
    for substring in example.absent:
        at = example.text.find(substring)
        while at >= 0:
            hits = [r for r in rows if r["start_char"] < at + len(substring) and at < r["end_char"]]
            if hits:
                problems.append(f"{substring!r} @{at} must give no {example.dimension} mention, got "
                                + ", ".join(repr(r["text"]) for r in hits))
            at = example.text.find(substring, at + 1)
    return problems


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(example, registry):
    problems = check_example(example, registry)
    assert not problems, (f"{example.source.relative_to(TRANSFORMS.parent)} example {example.number} "
                          f"({example.language}, published {example.published}):\n  {example.text!r}\n"
                          + "\n".join(problems))


def test_every_dimension_has_examples_in_every_language():
    have = {(e.dimension, e.language) for e in EXAMPLES}
    assert have == {(d, lang) for d in DIMENSIONS for lang in SUPPORTED}


def test_a_malformed_example_file_is_refused(tmp_path):
    folder = tmp_path / "dates" / "examples"
    folder.mkdir(parents=True)
    (folder / "en.toml").write_text('[[example]]\ntext = "On May 5."\nmentions = [{ text = "May 5" }]\n',
                                    encoding="utf-8")
    with pytest.raises(ValueError, match="lacks"):
        load_examples(tmp_path)
    (folder / "en.toml").write_text('[[example]]\ntext = "On May 5."\nmention = []\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        load_examples(tmp_path)


def test_a_wrong_expectation_fails_with_a_clear_message(registry):
    wrong = Example("dates", "en", 1, TRANSFORMS / "x.toml", "The talks were held on May 5, 2023.", None,
                    ({"text": "May 5, 2023", "value": "2023-05-06"},), False, ())
    problems = check_example(wrong, registry)
    assert problems and "'May 5, 2023' @23" in problems[0] and "value='2023-05-05'" in problems[0]
    negative = Example("counts", "en", 1, TRANSFORMS / "x.toml", "He met 5 ministers.", None, (), False, ("5",))
    assert any("must give no counts mention" in p for p in check_example(negative, registry))
