"""Input parsers: every bad input becomes a recorded problem and the good articles still come through."""
from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest

from flows.inputs import expand_paths, read_paths
from transforms.ingest import (
    IngestProblem,
    RawArticle,
    UndecodableError,
    decode_bytes,
    find_duplicates,
    parse_date,
    parse_html,
    parse_jsonl,
    parse_txt,
)

AZ = "Azərbaycan ilə Rusiya arasında ticarət dövriyyəsi 4 milyard dolları ötüb."
RU = "Товарооборот между Россией и Азербайджаном превысил 4 млрд долларов."
EN = "Trade between Russia and Azerbaijan exceeded $4 billion last year."


def jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


def reasons(problems: list[IngestProblem]) -> list[str]:
    return [p.reason for p in problems]


def test_jsonl_reads_fields_and_keeps_text_unchanged():
    text = "  Line one.\r\nLine two with trailing space "
    articles, problems = parse_jsonl(jsonl({"id": "a1", "text": text, "url": "https://x.az/1", "title": "T",
                                            "language": "AZ", "published": "2022-02-22T10:00:00+04:00"}), "f.jsonl")
    assert problems == []
    [a] = articles
    assert (a.article_id, a.text, a.url, a.title, a.language, a.language_method, a.published, a.line) == (
        "a1", text, "https://x.az/1", "T", "az", "given", dt.date(2022, 2, 22), 1)


@pytest.mark.parametrize("text,language", [(AZ, "az"), (RU, "ru"), (EN, "en")])
def test_jsonl_detects_language_when_not_given(text, language):
    [a], _ = parse_jsonl(jsonl({"id": 1, "text": text}), "f.jsonl")
    assert a.article_id == "1"
    assert (a.language, a.language_method) == (language, "detected")
    assert 0 < a.language_confidence <= 1


@pytest.mark.parametrize("bad_line,reason", [
    ('{"id": "x", "text": "unterminated', "bad_json"),
    ("[1, 2, 3]", "bad_json"),
    ('{"text": "no id here"}', "missing_id"),
    ('{"id": "", "text": "empty id"}', "missing_id"),
    ('{"id": "e1", "text": "   \\n  "}', "empty_text"),
    ('{"id": "e2"}', "bad_text"),
    ('{"id": "e3", "text": 42}', "bad_text"),
])
def test_jsonl_bad_line_is_recorded_and_other_lines_load(bad_line, reason):
    data = jsonl({"id": "good1", "text": EN}, bad_line, {"id": "good2", "text": RU})
    articles, problems = parse_jsonl(data, "in.jsonl")
    assert [a.article_id for a in articles] == ["good1", "good2"]
    assert reasons(problems) == [reason]
    assert problems[0].line == 2 and problems[0].source == "in.jsonl" and problems[0].severity == "error"


def test_jsonl_undecodable_line_is_recorded():
    data = jsonl({"id": "good", "text": EN}).rstrip() + b"\n" + b'{"id": "bad", "text": "\xff\xfe broken"}\n'
    articles, problems = parse_jsonl(data, "in.jsonl")
    assert [a.article_id for a in articles] == ["good"]
    assert reasons(problems) == ["undecodable"] and problems[0].line == 2


def test_jsonl_bad_published_keeps_article_with_warning():
    [a], [p] = parse_jsonl(jsonl({"id": "d", "text": EN, "published": "sometime in spring"}), "in.jsonl")
    assert a.published is None
    assert (p.reason, p.severity, p.article_id) == ("bad_published", "warning", "d")


@pytest.mark.parametrize("encoded,expected_encoding", [
    (AZ.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + AZ.encode("utf-8"), "utf-8-sig"),
    (AZ.encode("utf-16"), "utf-16"),
    (RU.encode("cp1251"), "cp1251"),
])
def test_decode_bytes(encoded, expected_encoding):
    text, encoding = decode_bytes(encoded)
    assert text == (AZ if "ə" in text else RU)
    assert encoding.replace("_", "-") == expected_encoding.replace("_", "-")


def test_decode_bytes_refuses_noise():
    noise = bytes(range(128, 256)) * 4
    with pytest.raises(UndecodableError):
        decode_bytes(noise)


def test_txt_id_is_stem_and_legacy_encoding_is_a_warning():
    [a], [p] = parse_txt(RU.encode("cp1251"), "dir/ru-news.txt", article_id="ru-news")
    assert a.article_id == "ru-news" and a.text == RU and a.language == "ru" and a.source_format == "txt"
    assert (p.reason, p.severity) == ("legacy_encoding", "warning")


@pytest.mark.parametrize("data,reason", [(b"", "empty_text"), (b"  \n\t ", "empty_text"),
                                         (bytes(range(128, 256)) * 4, "undecodable")])
def test_txt_bad_file(data, reason):
    articles, problems = parse_txt(data, "x.txt", article_id="x")
    assert articles == [] and reasons(problems) == [reason]


PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="windows-1251">
<title>Лавров посетит Баку</title>
<meta property="article:published_time" content="2023-02-27T10:00:00+03:00">
<meta name="author" content="Иван Петров"></head>
<body><nav>Главная | Новости | Политика</nav><article><h1>Лавров посетит Баку</h1>
<p>Министр иностранных дел России Сергей Лавров совершит визит в Баку 27-28 февраля, сообщила представитель МИД.</p>
<p>Визит будет приурочен к годовщине подписания Декларации о союзническом взаимодействии между двумя странами.</p>
</article><footer>© 2023 Новости</footer></body></html>"""


def test_html_main_text_and_metadata():
    [a], problems = parse_html(PAGE.encode("cp1251"), "p.html", article_id="p", today=dt.date(2024, 1, 1))
    assert problems == []
    assert a.title == "Лавров посетит Баку"
    assert a.published == dt.date(2023, 2, 27)
    assert a.author == "Иван Петров"
    assert (a.language, a.language_method) == ("ru", "given")
    assert "27-28 февраля" in a.text and "Главная" not in a.text and "©" not in a.text


@pytest.mark.parametrize("page,reason", [
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "not_an_article"),
    (b"", "not_an_article"),
    (bytes(range(128, 256)) * 8, "undecodable"),
])
def test_html_that_is_not_an_article(page, reason):
    articles, problems = parse_html(page, "bad.html", article_id="bad")
    assert articles == [] and reasons(problems) == [reason]


def test_duplicates_same_text_is_warning_different_text_is_error():
    a = RawArticle("x", EN, "a.jsonl", 1)
    same = RawArticle("x", EN, "b.jsonl", 4)
    other = RawArticle("x", RU, "c.jsonl", 9)
    kept, problems = find_duplicates([a, same, other, RawArticle("y", AZ, "a.jsonl", 2)])
    assert [k.source for k in kept] == ["a.jsonl", "a.jsonl"]
    assert [(p.reason, p.severity, p.line) for p in problems] == [
        ("duplicate_id", "warning", 4), ("conflicting_id", "error", 9)]


@pytest.mark.parametrize("value,expected", [
    ("2022-02-22", dt.date(2022, 2, 22)), ("2024-08-27T20:20+0400", dt.date(2024, 8, 27)),
    ("03.07.1997", dt.date(1997, 7, 3)), ("Tue, 22 Feb 2022 10:00:00 +0400", dt.date(2022, 2, 22)),
    (None, None), ("", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2022-13-45", "31.02.2020", "2026-12-07T25:00", "2026-12-07 junk",
                                   "22 Feb 2022 10:00 +0400 junk", "12:30", "2026", "sometime in spring 2026"])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize("value,language,expected", [
    ("7 декабря 2026 г., 10:15", None, dt.date(2026, 12, 7)),
    ("Пт, 07 дек 2026 10:00:00 +0300", None, dt.date(2026, 12, 7)),
    ("29 Mart 2024, 12:30", None, dt.date(2024, 3, 29)),
    ("December 7, 2026", None, dt.date(2026, 12, 7)),
    ("07/12/2026", None, dt.date(2026, 12, 7)),                  # day first, as the sources write
    ("29.12.2024 00:10", None, dt.date(2024, 12, 29)),
    ("4. Dezember 2026", "de", dt.date(2026, 12, 4)),            # the record's language first
])
def test_parse_date_reads_other_formats_and_languages_with_dateparser(value, language, expected):
    assert parse_date(value, language) == expected


def test_jsonl_published_in_words_is_read_in_the_records_language():
    [a], problems = parse_jsonl(jsonl({"id": "w", "text": EN, "published": "4. Dezember 2026", "language": "de"}),
                                "in.jsonl")
    assert (a.published, a.published_source, problems) == (dt.date(2026, 12, 4), "input", [])


def test_paths_missing_and_unsupported_are_recorded(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"id": "b", "text": RU}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(AZ, encoding="utf-8")
    files, problems = expand_paths([tmp_path, tmp_path / "missing.jsonl"])
    assert [f.name for f in files] == ["a.txt", "b.jsonl"]
    assert reasons(problems) == ["not_found"]
    articles, problems = read_paths([tmp_path / "notes.md", tmp_path])
    assert sorted(a.article_id for a in articles) == ["a", "b"]
    assert reasons(problems) == ["unsupported_format"]
