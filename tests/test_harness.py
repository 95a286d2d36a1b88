"""The test set-up itself: one temporary PREFECT_HOME per session, and make targets that exist."""
from __future__ import annotations

import importlib.util
import os
import re

from helpers import ROOT


def test_conftest_imported_again_keeps_the_sessions_prefect_home():
    """Some test files import conftest as ``tests.conftest``: a second copy of the module must not
    point Prefect at a new temporary home mid-session."""
    before = os.environ["PREFECT_HOME"]
    spec = importlib.util.spec_from_file_location("conftest_again", ROOT / "tests" / "conftest.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    assert os.environ["PREFECT_HOME"] == before


def test_phony_names_only_targets_that_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    [phony] = re.findall(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    targets = set(re.findall(r"^([\w-]+):", makefile, re.MULTILINE))
    assert set(phony.split()) <= targets
    assert {"run", "test", "test-fast"} <= set(phony.split())


def test_a_setting_a_test_leaves_behind_is_set_here_first():
    # code under test (`ruaz serve`) writes RUAZ_* into the process environment; the next test checks
    # that conftest's autouse fixture removed it
    os.environ["RUAZ_TASK_RUNNER"] = "thread"


def test_the_next_test_does_not_see_it():
    assert "RUAZ_TASK_RUNNER" not in os.environ
