"""The extractors' whole output held to the golden files (tests/golden/), which replace the tests
that pinned private fast paths: any change of output, wanted or not, shows here, and an intended
one is recorded by rewriting them (`scripts/extraction_snapshot.py golden --update`) in the same
commit, so the diff of tests/golden/ lists what the change did."""
from __future__ import annotations

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import extraction_snapshot as snapshot  # noqa: E402
from warehouse.registry import load_registry  # noqa: E402


def test_extraction_equals_the_golden_files():
    registry = load_registry()
    problems = snapshot.golden_differences(snapshot.golden_lines(registry), snapshot.dev_digests(registry))
    assert not problems, ("extraction output differs from tests/golden/ (if intended, run "
                          "`.venv/bin/python scripts/extraction_snapshot.py golden --update`):\n"
                          + "\n".join(problems[:30]))


def test_a_changed_row_is_reported(tmp_path, monkeypatch):
    registry = load_registry()
    lines = snapshot.golden_lines(registry)
    first = lines["counts"][0]
    lines["counts"][0] = first.replace('"rows": [', '"rows": [{"value": "1.0"}, ', 1)
    problems = snapshot.golden_differences(lines, {})
    assert len(problems) == 1 and problems[0].startswith("counts ")
