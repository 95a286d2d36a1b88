"""Nothing lost, whatever comes in (issue 16): the bad-input corpus of scripts/bad_inputs.py through
`ruaz run`, every unit accounted for; and each kind of bad input on its own, at the parser."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bad_input_check import unaccounted
from helpers import ROOT, query
from flows.inputs import expand_paths, read_paths
from transforms.ingest import parse_date, parse_jsonl, screen_articles

sys.path.insert(0, str(ROOT / "scripts"))
import bad_inputs  # noqa: E402

EN = "Trade between Russia and Azerbaijan reached $4.4 billion in 2023."


def ruaz(tmp_path: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """`ruaz` as a user runs it: its own process, its own temporary Prefect server."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-cli")}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


# ---- the corpus through `ruaz run` -----------------------------------------------------------------

@pytest.mark.slow
def test_the_bad_input_corpus_runs_whole_and_every_unit_is_accounted_for(tmp_path):
    manifest = bad_inputs.write(tmp_path / "bad")
    units = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    db = tmp_path / "w.duckdb"
    done = ruaz(tmp_path, "run", "--input", str(tmp_path / "bad" / "corpus"), "--db", str(db), "--no-export")
    assert done.returncode == 3, done.stderr[-3000:]                   # completed, some input rejected
    assert "Traceback" not in done.stderr + done.stdout
    assert unaccounted(db, manifest) == []
    # counted both ways: every article and every input problem is one of the manifest's units
    sources = {(u["source"], u["line"]) for u in units} | {(u.get("or_unreadable"), None) for u in units}
    assert {(s, n) for s, n in query(db, "SELECT source, source_line FROM articles")} <= sources
    assert {(s, n) for s, n in query(db, "SELECT source, source_line FROM ingest_errors")} <= sources
    # the same input again: nothing new is recorded, the failed articles are tried again
    counts = query(db, "SELECT (SELECT count(*) FROM ingest_errors), (SELECT count(*) FROM quarantine)")
    again = ruaz(tmp_path, "run", "--input", str(tmp_path / "bad" / "corpus"), "--db", str(db), "--no-export")
    assert again.returncode == 3, again.stderr[-3000:]
    assert query(db, "SELECT (SELECT count(*) FROM ingest_errors), (SELECT count(*) FROM quarantine)") == counts
    assert unaccounted(db, manifest) == []


@pytest.mark.slow
def test_exit_code_4_when_every_input_is_rejected_and_2_when_the_input_is_missing(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "\\u0000\\u0000"}\n[1, 2]\n{"text": "no id"}\n', encoding="utf-8")
    done = ruaz(tmp_path, "run", "--input", str(bad), "--db", str(tmp_path / "w.duckdb"), "--no-export")
    assert done.returncode == 4, done.stderr[-3000:]
    assert "input errors 3" in done.stdout and "Traceback" not in done.stderr
    missing = ruaz(tmp_path, "run", "--input", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "w.duckdb"))
    assert missing.returncode == 2 and missing.stderr.strip() == f"ruaz: no such file or folder: {tmp_path / 'nope.jsonl'}"


def test_the_corpus_covers_every_case_of_the_issue(tmp_path):
    manifest = bad_inputs.write(tmp_path / "bad")
    cases = " | ".join(json.loads(line)["case"] for line in manifest.read_text(encoding="utf-8").splitlines())
    for case in ("lone surrogate in text", "lone surrogate in id", "lone surrogate in title", "lone surrogate in url",
                 "nested 100,000 deep", "only NUL", "'0001-01-01'", "'9999-12-31'", "'1800-01-01'",
                 "'2026-12-07T25:00'", "'2026-12-07 junk'", "symbolic link to a folder", "mode 000",
                 "dangling symbolic link", "symbolic link to itself", "undecodable bytes", "the same id and text again",
                 "the same id, another text", "upper-milyon", "upper-milyard", "upper-min", "milyari", "ru-typo-etm",
                 "dense-numbers", "agreement-x4000", "FIFO", "not UTF-8"):
        assert case in cases, case


# ---- each kind of bad input at the parser ------------------------------------------------------------

def lines(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode("utf-8")


@pytest.mark.parametrize("line,reason", [
    ("[" * 100_000 + "]" * 100_000, "bad_json"),
    ('{"id": "d", "text": "x", "title": ' + "{\"a\": " * 50_000 + "1" + "}" * 50_000 + "}", "bad_json"),
    ('{"id": 1' + "0" * 5_000 + ', "text": "Baku"}', "bad_json"),
    ('{"id": "n", "text": "\\u0000\\u0000\\u0000"}', "empty_text"),
    ('{"id": "p", "text": "... --- \\u200b"}', "empty_text"),
    ('{"id": "' + "x" * 300 + '", "text": "Baku"}', None),          # refused when screened (bad_id)
])
def test_a_bad_line_is_a_problem_of_that_line(line, reason):
    articles, problems = parse_jsonl(lines({"id": "a", "text": EN}, line, {"id": "b", "text": EN}), "in.jsonl")
    kept, screened = screen_articles(articles)
    assert [a.article_id for a in kept] == ["a", "b"]
    [problem] = problems + screened
    assert problem.line == 2 and problem.severity == "error" and problem.reason == (reason or "bad_id")


@pytest.mark.parametrize("field", ["id", "text", "title", "url", "author"])
def test_a_lone_surrogate_in_any_field_is_replaced_one_for_one(field):
    record = {"id": "s", "text": EN, "title": "T", "url": "https://x.az/1", "author": "A"}
    record[field] = record[field][:3] + "\ud800" + record[field][3:]
    [article], problems = parse_jsonl(lines(record), "in.jsonl")
    [article], screened = screen_articles([article])
    assert [(p.reason, p.severity) for p in problems + screened] == [("lone_surrogate", "warning")]
    value = getattr(article, "article_id" if field == "id" else field)
    assert value == record[field].replace("\ud800", "\ufffd") and len(value) == len(record[field])
    for text in (article.article_id, article.text, article.title, article.url, article.author):
        text.encode("utf-8")                                            # storable


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1800-01-01", "2026-12-07T25:00", "2026-12-07 junk",
                                   "2026-02-30", "0000-00-00", "+10000-01-01", 20260101, {"y": 1}, "2026-12-07T23:59:60",
                                   "Tue, 31 Feb 2022 10:00:00 +0000"])
def test_a_publication_date_that_cannot_be_is_dropped_with_a_warning(value):
    with pytest.raises(ValueError):
        parse_date(value)
    [article], [problem] = parse_jsonl(lines({"id": "d", "text": EN, "published": value}), "in.jsonl")
    assert article.published is None and (problem.reason, problem.severity) == ("bad_published", "warning")


@pytest.mark.parametrize("value,expected", [
    ("2026-12-07T23:59:59+14:00", dt.date(2026, 12, 7)), ("2026-12-07T10:00:00.123Z", dt.date(2026, 12, 7)),
    ("07.12.2026 10:30", dt.date(2026, 12, 7)), ("1900-01-01", dt.date(1900, 1, 1)), ("2100-12-31", dt.date(2100, 12, 31)),
    ("Mon, 07 Dec 2026 10:00:00 GMT", dt.date(2026, 12, 7)),
])
def test_a_publication_date_with_a_time_is_read(value, expected):
    assert parse_date(value) == expected


def test_screening_drops_a_date_outside_the_range_from_any_source():
    from transforms.ingest import RawArticle

    [article], [problem] = screen_articles([RawArticle("p", EN, "https://x.az/1", published=dt.date(1, 1, 1),
                                                        source_format="html")])
    assert article.published is None and problem.reason == "bad_published"


def test_fields_that_are_not_text_are_dropped_with_a_warning():
    [article], problems = parse_jsonl(lines({"id": "f", "text": EN, "title": [["x"]], "url": {"a": 1},
                                             "language": "ру"}), "in.jsonl")
    assert (article.title, article.url, article.language_method) == (None, None, "detected")
    assert [p.reason for p in problems] == ["bad_field", "bad_field", "bad_field"]


# ---- folders, links, FIFOs, permissions -------------------------------------------------------------

def test_links_fifos_and_loops_are_followed_or_recorded(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.jsonl").write_text(json.dumps({"id": "via-link", "text": EN}) + "\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    (corpus / "loop").symlink_to(".", target_is_directory=True)
    (corpus / "dangling.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (corpus / "self.jsonl").symlink_to("self.jsonl")
    os.mkfifo(corpus / "fifo.jsonl")
    articles, problems = read_paths([corpus])
    assert [a.article_id for a in articles] == ["via-link"]
    assert articles[0].source == str(corpus / "linked" / "a.jsonl")
    found = {Path(p.source).name: (p.reason, p.severity) for p in problems}
    assert found == {"dangling.jsonl": ("unreadable", "error"), "self.jsonl": ("unreadable", "error"),
                     "fifo.jsonl": ("unreadable", "error")}


def test_a_file_name_that_is_not_utf8_is_stored_with_replacement_characters(tmp_path):
    name = os.fsdecode(b"news-\xff.txt")
    (tmp_path / name).write_text(EN, encoding="utf-8")
    [article], _ = read_paths([tmp_path])
    assert article.article_id == "news-\ufffd" and article.source.endswith("news-\ufffd.txt")
    article.source.encode("utf-8")


def _read_as_unprivileged(paths: list[Path]) -> tuple[list[str], list[tuple]]:
    """read_paths in a forked process of an unprivileged user (root reads anything, mode 000 or not;
    a new interpreter could not run as that user: the interpreter lives under /root)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                        # the child: drop privileges, read, report, leave
        code = 1
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            articles, problems = read_paths(paths)
            os.write(write, json.dumps([[a.article_id for a in articles],
                                        [(p.source, p.reason, p.severity) for p in problems]]).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    ids, problems = json.loads(data)
    return ids, [tuple(p) for p in problems]


def test_an_unreadable_folder_or_file_is_recorded_not_skipped():
    root = Path(tempfile.mkdtemp(prefix="ruaz-unreadable-"))
    try:
        root.chmod(0o755)
        (root / "open.jsonl").write_text(json.dumps({"id": "open", "text": EN}) + "\n")
        locked = root / "locked"
        locked.mkdir()
        (locked / "inside.jsonl").write_text(json.dumps({"id": "inside", "text": EN}) + "\n")
        locked.chmod(0)
        private = root / "private.jsonl"
        private.write_text(json.dumps({"id": "private", "text": EN}) + "\n")
        private.chmod(0)
        ids, problems = _read_as_unprivileged([root])
        assert ids == ["open"]
        assert sorted(problems) == [(str(locked), "unreadable", "error"), (str(private), "unreadable", "error")]
    finally:
        (root / "locked").chmod(0o755)
        shutil.rmtree(root)


def test_expand_paths_names_every_path_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / ".hidden.jsonl").write_text("x")                       # hidden: by design not input
    files, problems = expand_paths([tmp_path, tmp_path / "dangling"])
    assert [f.name for f in files] == ["a.txt"]
    assert [(Path(p.source).name, p.reason) for p in problems] == [("notes.md", "not_an_input"), ("dangling", "not_found")]
