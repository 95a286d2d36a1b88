"""The extractor version is a fingerprint of the extraction code: a rule change changes it, a comment
does not."""
from __future__ import annotations

import shutil
from pathlib import Path

from transforms.extract import EXTRACTOR_VERSION
from transforms.version import TRANSFORMS, extractor_version, source_files


def copy_of_transforms(tmp_path: Path) -> Path:
    root = tmp_path / "transforms"
    shutil.copytree(TRANSFORMS, root, ignore=shutil.ignore_patterns("__pycache__", "examples"))
    return root


def test_the_running_version_is_the_fingerprint_of_the_code():
    assert EXTRACTOR_VERSION == extractor_version() and EXTRACTOR_VERSION.startswith("code-")


def test_a_rule_change_changes_the_version_and_a_comment_does_not(tmp_path):
    root = copy_of_transforms(tmp_path)
    before = extractor_version(root)
    rules = root / "dates" / "rules" / "en.py"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace("\n", "\n# a note for the reader\n\n", 1) + "   \n", encoding="utf-8")
    assert extractor_version(root) == before
    rules.write_text(text.replace('"ago", "earlier", "later"', '"ago", "earlier", "later", "hence"'), encoding="utf-8")
    assert extractor_version(root) != before


def test_a_language_word_changes_the_version_and_an_example_does_not(tmp_path):
    root = copy_of_transforms(tmp_path)
    before = extractor_version(root)
    (root / "dates" / "examples").mkdir()
    (root / "dates" / "examples" / "en.toml").write_text("[[example]]\n", encoding="utf-8")
    assert extractor_version(root) == before
    calendar = root / "lang" / "az" / "calendar.py"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace('"dekabr")', '"dekabr", "dekabır")'),
                        encoding="utf-8")
    assert extractor_version(root) != before


def test_the_fingerprint_covers_every_extraction_module():
    names = {p.relative_to(TRANSFORMS).as_posix() for p in source_files()}
    assert {"extract.py", "lang/az/calendar.py", "dates/rules/ru.py", "counts/lexicon/ru.py", "documents/linking.py"} <= names
    assert not any(n.startswith(("feeds", "ingest", "stories", "tables")) for n in names)
