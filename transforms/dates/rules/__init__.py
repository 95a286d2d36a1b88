"""The date rules of every language, in the order they are tried: the rules of every language
first (ISO and numeric dates), then the language's own (rules/<code>.py), then a plain year range.

A language of the layer (transforms/lang) without a module here has no date grammar; its texts are
read with the grammar of the language its script suggests.
"""
from __future__ import annotations

from transforms.dates.rules import common
from transforms.dates.rules.common import COMMON_RULES, TRAILING_RULES
from transforms.lang import modules_by_language


def _load() -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, tuple[str, ...]], dict]:
    modules = modules_by_language(__name__)
    rules = {code: COMMON_RULES + module.RULES + TRAILING_RULES for code, module in modules.items()}
    gates = {name: words for module in modules.values() for name, words in module.GATES.items()}
    return rules, gates, modules


# The rules of each language, their keyword gates, and each language's module (with the words the
# resolver and the tense reader take from it).
RULES, GATES, LANGUAGE_RULES = _load()
