"""The failures a user can expect and act on (bad input, a busy or unreadable warehouse, a Prefect
API that does not answer, an export path that cannot be written): each is a ``RuazError``, whose
message is one line for the user and whose ``exit_code`` is what `ruaz` exits with. The command line
prints no traceback for them (flows/cli.py); anything else is a bug, and shows one.

Here, in the package every other one imports, so that warehouse/ and flows/ can raise them alike.
"""
from __future__ import annotations


class RuazError(Exception):
    """An expected failure: ``str(error)`` is the one line shown to the user."""
    exit_code: int = 1
