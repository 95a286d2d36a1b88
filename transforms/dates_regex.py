"""Regular-expression plumbing for the date grammar: one alternation of many rules that
rejects most text positions cheaply.

Python's engine tries every branch of an alternation at every position. Each branch here is
put behind a one-character lookahead of the characters its rule can start with, computed from
the parsed pattern, so a position is usually dismissed with a single set test per run of
rules; rules that can start at the same position keep their order, hence their priority (a
rule only moves ahead of rules whose start characters it does not share).
"""
from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from re._casefix import _EXTRA_CASES

import _sre


def _first_chars(items, flags: int) -> tuple[set[str], set[str], bool] | None:
    """Characters a parsed pattern can start with: (case-sensitive, case-insensitive, can it
    match the empty string?), or None when that cannot be bounded (\\w, negated sets, ...)."""
    sensitive: set[str] = set()
    insensitive: set[str] = set()
    for op, av in items:
        bucket = insensitive if flags & re.IGNORECASE else sensitive
        if op is sre_constants.LITERAL:
            bucket.add(chr(av))
            return sensitive, insensitive, False
        if op is sre_constants.IN:
            for kind, arg in av:
                if kind is sre_constants.LITERAL:
                    bucket.add(chr(arg))
                elif kind is sre_constants.RANGE and arg[1] - arg[0] < 2000:
                    bucket.update(chr(c) for c in range(arg[0], arg[1] + 1))
                else:
                    return None
            return sensitive, insensitive, False
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue                                           # zero width
        if op is sre_constants.SUBPATTERN or op is sre_constants.BRANCH or op in (
                sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            if op is sre_constants.SUBPATTERN:
                _, add, delete, sub = av
                parts, min_count = [(sub, (flags | add) & ~delete)], 1
            elif op is sre_constants.BRANCH:
                parts, min_count = [(alt, flags) for alt in av[1]], 1
            else:
                parts, min_count = [(av[2], flags)], av[0]
            nullable = False
            for sub, sub_flags in parts:
                found = _first_chars(sub, sub_flags)
                if found is None:
                    return None
                sensitive |= found[0]
                insensitive |= found[1]
                nullable = nullable or found[2]
            if not nullable and min_count > 0:
                return sensitive, insensitive, False
            continue
        return None
    return sensitive, insensitive, True


def _start_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can begin with (case variants spelled out), or
    None when it is not bounded."""
    found = _first_chars(sre_parse.parse(pattern), 0)
    if found is None or found[2]:
        return None
    sensitive, insensitive, _ = found
    out = set(sensitive)
    for c in insensitive:
        pool = {c, c.upper(), c.title(), *_CASE_VARIANTS.get(_sre.unicode_tolower(ord(c)), ())}
        pool.update(chr(x) for x in _EXTRA_CASES.get(ord(c.lower()), ()))
        out.update(x for x in pool if len(x) == 1 and re.match(f"(?i:{re.escape(c)})", x))
    return frozenset(out)


def _case_variants() -> dict[int, list[str]]:
    """Characters (Latin, Greek, Cyrillic blocks) by the lower case the regex engine gives
    them, e.g. "İ" under "i": str.lower() would give two characters."""
    out: dict[int, list[str]] = {}
    for code in range(0x2000):
        out.setdefault(_sre.unicode_tolower(code), []).append(chr(code))
    return out


_CASE_VARIANTS = _case_variants()


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def guarded_alternation(patterns: list[str]) -> re.Pattern:
    """``(?P<r0>p0)|(?P<r1>p1)|...`` tried where no word character precedes, each branch
    guarded by its start characters; ``m.lastgroup`` names the index of the rule that matched."""
    runs: list[tuple[frozenset[str] | None, list[str]]] = []
    for i, p in enumerate(patterns):
        chars = _start_chars(p)
        # Join the latest run with the same start characters when every run after it starts
        # with other characters: those rules can never match where this one does, so moving
        # it before them keeps the priorities and saves a guard at each position.
        target = None
        for k in range(len(runs) - 1, -1, -1):
            if runs[k][0] == chars and chars is not None:
                target = k
                break
            if chars is None or runs[k][0] is None or runs[k][0] & chars:
                break
        if target is not None:
            runs[target][1].append(f"(?P<r{i}>{p})")
        else:
            runs.append((chars, [f"(?P<r{i}>{p})"]))
    branches = [(f"(?={_char_class(chars)})" if chars is not None else "") + f"(?:{'|'.join(alts)})"
                for chars, alts in runs]
    prefilter = ""
    if all(chars is not None for chars, _ in runs):
        every = frozenset().union(*(chars for chars, _ in runs))
        prefilter = f"(?={_char_class(every)})"
    return re.compile(rf"(?<!\w){prefilter}(?:" + "|".join(branches) + ")")
