"""Fixtures. Prefect reads its settings at import, so they are set here, first.

Tests import what they share from helpers.py, not from here: this file is pytest's, loaded once.
Should it be imported again under another name (``tests.conftest``), the environment it set stays
as it is: one temporary PREFECT_HOME for the whole session.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_HOME_VARIABLE = "PYTEST_RUAZ_PREFECT_HOME"   # not RUAZ_*: those are cleared below
if _HOME_VARIABLE not in os.environ:
    os.environ[_HOME_VARIABLE] = tempfile.mkdtemp(prefix="ruaz-test-prefect-")
    os.environ["PREFECT_HOME"] = os.environ[_HOME_VARIABLE]
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
    os.environ["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] = "false"
    os.environ["PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED"] = "false"
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    for name in list(os.environ):
        if name.startswith("RUAZ_"):  # a developer's own settings must not leak into tests
            del os.environ[name]

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Re-exported for the test files that still import them from here; new code: `from helpers import …`.
from helpers import ROOT, SAMPLES, SHARED, shared_file  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _ruaz_settings_do_not_leak():
    """A test's RUAZ_* variables end with it. Code under test may set them (`ruaz serve` turns its
    flags into RUAZ_* for the runs it serves), and monkeypatch.delenv of an absent variable records
    nothing to undo: a leaked RUAZ_TASK_RUNNER=thread once left a later run without worker processes."""
    before = {name: value for name, value in os.environ.items() if name.startswith("RUAZ_")}
    yield
    for name in [n for n in os.environ if n.startswith("RUAZ_")]:
        if name not in before:
            del os.environ[name]
    os.environ.update(before)


def pytest_collection_modifyitems(items):
    """A test that runs flows on the Prefect engine is slow (the marker's meaning, pyproject.toml):
    `make test-fast` leaves them out."""
    for item in items:
        if "prefect_engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def prefect_engine():
    """One real Prefect engine (temporary server + database) for every flow test of the session."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield
