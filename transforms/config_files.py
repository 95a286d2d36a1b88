"""Validating the hand-edited TOML files (flows/sources.toml, warehouse/documents_registry.toml).

Each entry is a pydantic model; every entry is validated, and every problem of every entry is
reported at once, named by file and entry ("sources.toml: source #3 (tass-ru): kind 'html': …"),
so that one edit fixes them all. Pure: parsed TOML in, models or messages out.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class ConfigFileError(ValueError):
    """A configuration file does not validate; the message has one line per problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def matching(pattern: str, explanation: str) -> Any:
    """The type of a string field that must match ``pattern``; its error says ``explanation``."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise ValueError(explanation)
        return value

    return Annotated[str, AfterValidator(check)]


def parse_toml(text: str, origin: str, error: type[ConfigFileError] = ConfigFileError) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error([f"{origin}: not valid TOML: {exc}"]) from None


def describe(error: ValidationError) -> list[str]:
    """One readable line per problem pydantic found in one entry."""
    lines = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        kind, message = problem["type"], problem["msg"]
        if kind == "extra_forbidden":
            lines.append(f"unknown field {field}")
        elif kind == "missing":
            lines.append(f"missing field {field}")
        elif kind in ("value_error", "assertion_error"):   # the models' own checks say what is wrong
            text = str(problem.get("ctx", {}).get("error", message))
            lines.append(f"{field} {problem['input']!r}: {text}" if field else text)
        else:
            lines.append(f"{field} {problem['input']!r}: {message}")
    return lines


def validate_entries(model: type[Model], entries: Any, where: Callable[[int, Any], str], *,
                     context: dict[str, Any] | None = None) -> tuple[list[Model], list[str]]:
    """Each entry as ``model`` (the valid ones, in order), and every problem of every entry, each
    prefixed with ``where(number, entry)``."""
    valid: list[Model] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        label = where(number, entry)
        if not isinstance(entry, dict):
            problems.append(f"{label}: not a table")
            continue
        try:
            valid.append(model.model_validate(entry, context=context))
        except ValidationError as exc:
            problems += [f"{label}: {line}" for line in describe(exc)]
    return valid, problems


def repeated(values: Sequence[Any]) -> list[tuple[int, Any]]:
    """(1-based position, value) of every value that appeared before it."""
    seen: set[Any] = set()
    out = []
    for number, value in enumerate(values, start=1):
        if value is not None and value in seen:
            out.append((number, value))
        seen.add(value)
    return out
