"""Write a corpus of bad input, and what must become of each piece of it.

    python scripts/bad_inputs.py OUT

writes OUT/corpus/ (the folder to give `ruaz run --input`), OUT/outside/ (a folder the corpus links
to) and OUT/manifest.jsonl: one line per input unit (a line of a JSON Lines file, or a whole file),
with where it is (``source`` as the run records it, ``line``), the article ``id`` when it has one,
the case it tries, and what must become of it (``expect``):

    loaded             in articles (warnings allowed)
    warned:R           in articles, and in ingest_errors as a warning with reason R
    rejected:R         not in articles; in ingest_errors as an error with reason R
    loaded_or_failed   in articles, or not loaded with an extraction_failed / extraction_timeout
                       error (texts that made an extractor raise: fixed or not, the run goes on)
    recorded:R         a file that is no input: in ingest_errors with reason R

A unit may also name ``or_unreadable``: the folder or file with mode 000 it is in. Root still reads
it (then the unit loads); anyone else must find that path in ingest_errors as unreadable. tests/test_bad_inputs.py runs the corpus
through `ruaz run` and checks every unit: counted, none lost.

The cases are the ones a new user met (issue 16): lone surrogates in every field, deep nesting, NUL
texts, publication dates at and past the ends of the calendar, texts that made the extractors
raise or run for minutes, symbolic links (to folders, dangling, looping), unreadable folders and
files, FIFOs, undecodable bytes in lines, files and file names, duplicates and conflicts.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys
from pathlib import Path

GOOD = {
    "az": "Azərbaycan ilə Rusiya arasında ticarət dövriyyəsi 2023-cü ildə 4,4 milyard dollar olub.",
    "ru": "Товарооборот между Россией и Азербайджаном в 2023 году составил 4,4 млрд долларов.",
    "en": "Trade between Russia and Azerbaijan reached $4.4 billion in 2023, up 17%.",
}
DEEP = 100_000

# Texts that made an extractor raise (issue 16) or were costly, as regression inputs: (id, language, published, text).
EXTRACTOR_CASES = [
    ("upper-milyon", "az", "2024-01-10", "Layihəyə 5 MILYON MANAT ayrılıb."),
    ("upper-milyard", "az", "2024-01-10", "Ticarət dövriyyəsi 2 MILYARD dollara çatıb."),
    ("upper-min", "az", "2024-01-10", "Sərgiyə 15 MIN nəfər gəlib, 5 MIN manat xərclənib."),
    ("milyari", "az", "2024-01-10", "Dövriyyə 5 milyari keçib."),
    ("ru-typo-etm", "ru", "2024-01-10", "в этм году товарооборот вырос на 5 млрд рублей"),
    ("ru-etu-nedelyu", "ru", "2024-01-10", "Визит Лаврова в Баку запланирован на эту неделю."),
    ("ru-upper", "ru", "2024-01-10", "ТОВАРООБОРОТ В ПРОШЛОМ ГОДУ СОСТАВИЛ 5 МЛРД ДОЛЛАРОВ."),
    ("en-upper", "en", "2024-01-10", "TRADE ROSE TO 4.4 BILLION DOLLARS LAST YEAR, UP 17 PERCENT."),
    ("edge-1900", "en", "1900-01-01", "Yesterday, last year and 5 years ago, trade fell by 3%."),
    ("edge-2100", "ru", "2100-12-31", "Завтра, в следующем году и через 5 лет товарооборот вырастет на 3%."),
    ("edge-2100-az", "az", "2100-12-31", "Sabah, gələn il və 5 il sonra dövriyyə 3% artacaq."),
    ("dense-numbers", "en", "2024-01-10", " ".join(str(n * 37 % 100_000) for n in range(8_000))),
    ("agreement-x4000", "en", "2024-01-10", "Agreement on " * 4_000),
    ("soglashenie-x4000", "ru", "2024-01-10", "Соглашение о " * 4_000),
    ("saziş-x4000", "az", "2024-01-10", "Saziş " * 4_000),
    ("quoted-agreement", "en", "2024-01-10", "«Agreement " * 4_000),
]


class Corpus:
    def __init__(self, out: Path):
        self.out = out
        self.root = out / "corpus"
        self.units: list[dict] = []

    def source(self, path: Path) -> str:
        """The path as the run records it (flows.inputs.display_path)."""
        text = os.fsdecode(path)
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)

    def unit(self, path: Path, line: int | None, case: str, expect: str, id: str | None = None, **extra) -> None:
        self.units.append({"source": self.source(path), "line": line, "id": id, "case": case, "expect": expect, **extra})

    def jsonl(self, relative: str, rows: list[tuple[bytes | str | dict, str, str, str | None]], prefix: bytes = b"",
              newline: bytes = b"\n") -> Path:
        """A JSON Lines file of ``rows``: (line, case, expect, id); a dict is dumped with ASCII escapes."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for number, (line, case, expect, article_id) in enumerate(rows, start=1):
            if isinstance(line, dict):
                line = json.dumps(line)                       # ASCII: a lone surrogate stays an escape
            lines.append(line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line)
            self.unit(path, number, case, expect, article_id)
        path.write_bytes(prefix + newline.join(lines) + newline)
        return path


def write(out: Path) -> Path:
    """Write the corpus and its manifest under ``out`` (emptied first); the manifest's path."""
    if out.exists():
        for folder in out.rglob("*"):   # folders made unreadable by an earlier corpus
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)
        shutil.rmtree(out)
    c = Corpus(out)
    c.root.mkdir(parents=True)
    rng = random.Random(16)

    good = [({"id": f"good-{lang}", "text": text, "language": lang, "published": "2024-01-10"},
             f"a good {lang} article", "loaded", f"good-{lang}") for lang, text in GOOD.items()]
    # lone surrogates, written as JSON escapes, in every field
    surrogates = [
        ({"id": "sur-text", "text": GOOD["en"] + " \ud800 end", "language": "en"}, "lone surrogate in text",
         "warned:lone_surrogate", "sur-text"),
        ({"id": "sur\udc00id", "text": GOOD["ru"], "language": "ru"}, "lone surrogate in id", "warned:lone_surrogate",
         "sur\ufffdid"),
        ({"id": "sur-title", "text": GOOD["az"], "title": "Başlıq \udbff", "language": "az"}, "lone surrogate in title",
         "warned:lone_surrogate", "sur-title"),
        ({"id": "sur-url", "text": GOOD["en"], "url": "https://example.az/\ud83d", "language": "en"},
         "lone surrogate in url", "warned:lone_surrogate", "sur-url"),
        ({"id": "sur-author", "text": GOOD["ru"], "author": "\udfffИван", "language": "ru"},
         "lone surrogate in author", "warned:lone_surrogate", "sur-author"),
        ({"id": "sur-language", "text": GOOD["az"], "language": "a\ud800"}, "lone surrogate in language", "loaded",
         "sur-language"),
        ({"id": "sur-published", "text": GOOD["en"], "published": "2024-01-1\ud800"}, "lone surrogate in published",
         "warned:bad_published", "sur-published"),
        ('{"id": "pair-ok", "text": "Emoji as an escaped pair \\ud83d\\ude00 in Baku, 5 million"}',
         "a valid surrogate pair", "loaded", "pair-ok"),
    ]
    nesting = [
        ("[" * DEEP + "]" * DEEP, "a line nested 100,000 deep", "rejected:bad_json", None),
        ('{"id": "deep-title", "text": "Baku", "title": ' + "[" * DEEP + "]" * DEEP + "}",
         "a field nested 100,000 deep", "rejected:bad_json", None),
        ({"id": "nested-title", "text": GOOD["en"], "title": [[["x"]]]}, "a title that is a list",
         "warned:bad_field", "nested-title"),
        ('{"id": 1' + "0" * 5000 + ', "text": "Baku"}', "an id of 5,000 digits", "rejected:bad_json", None),
    ]
    texts = [
        ({"id": "nul-only", "text": "\u0000" * 64}, "a text of only NUL characters", "rejected:empty_text", "nul-only"),
        ({"id": "punct-only", "text": "... --- !!! \u200b\u2060"}, "a text of punctuation and zero-width marks",
         "rejected:empty_text", "punct-only"),
        ({"id": "nul-inside", "text": "Baku\u0000 and Moscow\u0000 signed 3 agreements."}, "NULs inside a real text",
         "loaded", "nul-inside"),
        ({"id": "control", "text": "\x1b[31mBaku\x1b[0m \x07 trade 5% \x7f\u202eRTL\u202c"}, "control and bidi characters",
         "loaded", "control"),
        ({"id": "white", "text": " \n\t\r "}, "white space only", "rejected:empty_text", "white"),
        ({"id": "empty", "text": ""}, "an empty text", "rejected:empty_text", "empty"),
        ({"id": "mixed-scripts", "text": "Bakı Москва Baku 5 млн 3 milyon ٣ ५ 五 🙂 e\u0301 ﬁ Ⅻ ²"},
         "mixed scripts, other digits, combining marks", "loaded", "mixed-scripts"),
        ({"id": "too-long", "text": "a" * 2_000_001}, "a text over 2,000,000 characters", "rejected:too_long",
         "too-long"),
    ]
    dates = [({"id": f"pub-{i}", "text": GOOD["en"], "language": "en", "published": value}, f"published {value!r}",
              expect, f"pub-{i}")
             for i, (value, expect) in enumerate([
                 ("0001-01-01", "warned:bad_published"), ("9999-12-31", "warned:bad_published"),
                 ("1800-01-01", "warned:bad_published"), ("2026-12-07T25:00", "warned:bad_published"),
                 ("2026-12-07 junk", "warned:bad_published"), ("2026-02-30", "warned:bad_published"),
                 ("0000-00-00", "warned:bad_published"), ("+10000-01-01", "warned:bad_published"),
                 ("-0001-01-01", "warned:bad_published"), (20260101, "warned:bad_published"),
                 ({"year": 2026}, "warned:bad_published"), ("Tue, 31 Feb 2022 10:00:00 +0000", "warned:bad_published"),
                 ("2026-12-07T23:59:59+14:00", "loaded"), ("07.12.2026", "loaded"), ("", "loaded"), (None, "loaded"),
                 ("1900-01-01", "loaded"), ("2100-12-31", "loaded"), ("Mon, 07 Dec 2026 10:00:00 GMT", "loaded"),
             ])]
    records = [
        ('{"id": "unterminated", "text": "Baku', "invalid JSON", "rejected:bad_json", None),
        ("[1, 2, 3]", "an array, not an object", "rejected:bad_json", None),
        ('"just a string"', "a string, not an object", "rejected:bad_json", None),
        ("null", "null", "rejected:bad_json", None),
        ("42", "a number", "rejected:bad_json", None),
        ("{}", "an empty object", "rejected:missing_id", None),
        ({"text": GOOD["en"]}, "no id", "rejected:missing_id", None),
        ({"id": {"a": 1}, "text": GOOD["en"]}, "an id that is an object", "rejected:missing_id", None),
        ({"id": ["x"], "text": GOOD["en"]}, "an id that is a list", "rejected:missing_id", None),
        ({"id": True, "text": GOOD["en"]}, "an id that is a boolean", "rejected:missing_id", None),
        ({"id": "   ", "text": GOOD["en"]}, "a blank id", "rejected:missing_id", None),
        ({"id": "x" * 300, "text": GOOD["en"]}, "an id of 300 characters", "rejected:bad_id", "x" * 256),
        ({"id": 12345, "text": GOOD["en"]}, "a numeric id", "loaded", "12345"),
        ('{"id": "nan-text", "text": NaN}', "a NaN text", "rejected:bad_text", "nan-text"),
        ({"id": "num-text", "text": 42}, "a numeric text", "rejected:bad_text", "num-text"),
        ({"id": "null-text", "text": None}, "a null text", "rejected:bad_text", "null-text"),
        ({"id": "list-text", "text": ["Baku"]}, "a list text", "rejected:bad_text", "list-text"),
        ('{"id": "dup-key", "text": "first", "text": "Baku and Moscow signed 3 agreements."}', "a key given twice",
         "loaded", "dup-key"),
        ({"id": "bad-lang", "text": GOOD["ru"], "language": "ру"}, "a language code in Cyrillic letters",
         "warned:bad_field", "bad-lang"),
        ({"id": "odd-lang", "text": GOOD["az"], "language": 7}, "a language that is a number", "loaded", "odd-lang"),
        (b'{"id": "bytes", "text": "Baku \xff\xfe trade"}', "undecodable bytes in a line", "rejected:undecodable", None),
        ({"id": "same", "text": GOOD["en"]}, "an id (first)", "loaded", "same"),
        ({"id": "same", "text": GOOD["en"]}, "the same id and text again", "warned:duplicate_id", "same"),
        ({"id": "same", "text": GOOD["ru"]}, "the same id, another text", "rejected:conflicting_id", "same"),
    ]
    extractors = [({"id": i, "text": t, "language": lang, "published": pub}, f"extractor regression: {i}",
                   "loaded_or_failed", i) for i, lang, pub, t in EXTRACTOR_CASES]
    c.jsonl("lines.jsonl", good + surrogates + nesting + texts + dates + records + extractors)
    c.jsonl("crlf.jsonl", [({"id": "crlf-1", "text": GOOD["az"]}, "CRLF line ends", "loaded", "crlf-1"),
                           ({"id": "crlf-2", "text": GOOD["ru"]}, "CRLF line ends", "loaded", "crlf-2")], newline=b"\r\n")
    c.jsonl("bom.jsonl", [({"id": "bom", "text": GOOD["en"]}, "a UTF-8 byte-order mark", "loaded", "bom")],
            prefix=b"\xef\xbb\xbf")
    c.jsonl("UPPER.JSONL", [({"id": "upper-suffix", "text": GOOD["en"]}, "an upper-case suffix", "loaded",
                             "upper-suffix")])
    c.jsonl("more.ndjson", [({"id": "ndjson", "text": GOOD["ru"]}, "the .ndjson suffix", "loaded", "ndjson")])
    c.jsonl("sub/deeper/nested.jsonl", [({"id": "nested-folder", "text": GOOD["az"]}, "a nested folder", "loaded",
                                         "nested-folder")])
    c.jsonl("folder.jsonl/inside.jsonl", [({"id": "folder-suffix", "text": GOOD["en"]}, "a folder named .jsonl",
                                          "loaded", "folder-suffix")])
    (c.root / "empty.jsonl").write_bytes(b"")   # no line: nothing to account for
    weird = c.root / os.fsdecode(b"name-\xff\xfe.jsonl")
    c.jsonl(weird.name, [({"id": "weird-name", "text": GOOD["en"]}, "a file name that is not UTF-8", "loaded",
                          "weird-name")])

    # whole files
    def file(name: str, data: bytes, case: str, expect: str, article_id: str | None = None) -> None:
        path = c.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        c.unit(path, None, case, expect, article_id)

    file("plain.txt", GOOD["az"].encode(), "a text file", "loaded", "plain")
    file("nul.txt", b"\x00" * 100, "a text file of NULs", "rejected:empty_text", "nul")
    file("blank.txt", b"", "an empty text file", "rejected:empty_text", "blank")
    file("noise.txt", bytes(rng.randrange(128, 256) for _ in range(4000)), "random bytes", "rejected:undecodable",
         "noise")
    file("cp1251.txt", GOOD["ru"].encode("cp1251"), "a cp1251 text file", "warned:legacy_encoding", "cp1251")
    file("utf16.txt", GOOD["en"].encode("utf-16"), "a UTF-16 text file with a BOM", "loaded", "utf16")
    file("page.html", (f"<html lang='en'><head><title>Trade</title></head><body><article><p>{GOOD['en']} "
                       f"{GOOD['en']}</p></article></body></html>").encode(), "an HTML page", "loaded", "page")
    file("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "an HTML menu",
         "rejected:not_an_article", "menu")
    file("binary.html", bytes(range(128, 256)) * 16, "binary bytes named .html", "rejected:undecodable", "binary")
    file("notes.md", b"# not an article", "a file of another type", "recorded:not_an_input")

    # links, FIFOs, permissions
    outside = out / "outside"
    outside.mkdir()
    (outside / "linked.jsonl").write_text(json.dumps({"id": "via-link", "text": GOOD["ru"]}) + "\n"
                                          + json.dumps({"id": "via-link-2", "text": GOOD["az"]}) + "\n")
    (c.root / "linked-folder").symlink_to(outside, target_is_directory=True)
    for n, id_ in ((1, "via-link"), (2, "via-link-2")):
        c.unit(c.root / "linked-folder" / "linked.jsonl", n, "a symbolic link to a folder", "loaded", id_)
    (c.root / "loop-folder").symlink_to(".", target_is_directory=True)   # back to the corpus: read once
    (c.root / "dangling.jsonl").symlink_to(out / "nowhere.jsonl")
    c.unit(c.root / "dangling.jsonl", None, "a dangling symbolic link", "rejected:unreadable")
    (c.root / "self.jsonl").symlink_to("self.jsonl")
    c.unit(c.root / "self.jsonl", None, "a symbolic link to itself", "rejected:unreadable")
    (c.root / "linked-file.jsonl").symlink_to(c.root / "bom.jsonl")
    c.unit(c.root / "linked-file.jsonl", 1, "a symbolic link to a file read already", "warned:duplicate_id", "bom")
    if hasattr(os, "mkfifo"):
        os.mkfifo(c.root / "fifo.jsonl")
        c.unit(c.root / "fifo.jsonl", None, "a FIFO named .jsonl", "rejected:unreadable")
    locked = c.root / "locked"
    locked.mkdir()
    (locked / "locked.jsonl").write_text(json.dumps({"id": "locked", "text": GOOD["en"]}) + "\n")
    c.unit(locked / "locked.jsonl", 1, "a folder with mode 000", "loaded", "locked", or_unreadable=c.source(locked))
    locked.chmod(0)
    private = c.root / "private.jsonl"
    private.write_text(json.dumps({"id": "private", "text": GOOD["az"]}) + "\n")
    private.chmod(0)
    c.unit(private, 1, "a file with mode 000", "loaded", "private", or_unreadable=c.source(private))

    manifest = out / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in c.units), encoding="utf-8")
    return manifest


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    target = Path(sys.argv[1])
    written = write(target)
    print(f"{sum(1 for _ in written.open())} input units -> {target / 'corpus'} (manifest {written})")
