"""Build large, varied corpora from the project's own samples, for benchmarks and load tests.

Each synthetic article is a sample article with its sentences shuffled, its numbers and days
changed and a generated id, so that no two are identical (and the extractors see many values)
while the language and the kinds of phenomena stay those of real news.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
_NUMBER = re.compile(r"\d+")


def sample_articles(samples: Path = SAMPLES) -> list[dict]:
    """The bundled samples as records (id, text, language, published)."""
    sys.path.insert(0, str(ROOT))
    from flows.inputs import read_paths

    articles, _ = read_paths([samples])
    return [{"id": a.article_id, "text": a.text, "language": a.language,
             "published": a.published.isoformat() if a.published else None} for a in articles]


def _vary_number(match: re.Match, rng: random.Random) -> str:
    digits = match.group(0)
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return str(rng.randint(1991, 2026))               # a year stays a year
    if len(digits) <= 2:
        return str(rng.randint(1, 28))                     # a day or a small count
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def vary(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    head, body = lines[:1], lines[1:]
    rng.shuffle(body)
    return _NUMBER.sub(lambda m: _vary_number(m, rng), "\n".join(head + body))


def synthetic_articles(n: int, seed: int = 7, samples: Path = SAMPLES) -> Iterator[dict]:
    rng = random.Random(seed)
    base = sample_articles(samples)
    start = dt.date(2015, 1, 1)
    for i in range(n):
        article = base[i % len(base)]
        published = start + dt.timedelta(days=rng.randint(0, 4000)) if rng.random() < 0.8 else None
        yield {"id": f"syn-{seed}-{i:07d}", "text": vary(article["text"], rng), "language": article["language"],
               "published": published.isoformat() if published else None}


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in synthetic_articles(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7)
