"""Regular-expression plumbing for the date grammar: one alternation of many rules that
rejects most text positions cheaply.

Python's engine tries every branch of an alternation at every position. Each branch here is
put behind a one-character lookahead of the characters its rule can start with, computed from
the pattern parsed by transforms.dates.regex_syntax, so a position is usually dismissed with a single set test per run of
rules; rules that can start at the same position keep their order, hence their priority (a
rule only moves ahead of rules whose start characters it does not share).

The other devices, none of which changes what is found (each has a test that compares it
with the plain form):

- a prefilter of the first two (for some rules three) characters any rule can start with, so
  that most word starts ("в", "the", "və") are dismissed before any rule is tried;
- word lists as prefix trees whose branches start with a character or a class, which the
  engine tests before entering a branch (a case-insensitive letter it cannot);
- keyword gates: a text without the keywords of some rules is scanned without them;
- ``prefiltered``: a lookahead of the first letters in front of a long alternation;
- case variants as the engine sees them (the Kelvin sign is a "k", "ı" an "i").
"""
from __future__ import annotations

import functools
import re

from transforms.dates import regex_syntax as syntax


def _first_chars(items, flags: int) -> tuple[set[str], set[str], bool] | None:
    """Characters a parsed pattern can start with: (case-sensitive, case-insensitive, can it
    match the empty string?), or None when that cannot be bounded (\\w, negated sets, ...)."""
    sensitive: set[str] = set()
    insensitive: set[str] = set()
    for op, av in items:
        bucket = insensitive if flags & re.IGNORECASE else sensitive
        if op == syntax.LITERAL:
            bucket.add(chr(av))
            return sensitive, insensitive, False
        if op == syntax.IN:
            for kind, arg in av:
                if kind == syntax.LITERAL:
                    bucket.add(chr(arg))
                elif kind == syntax.RANGE and arg[1] - arg[0] < 2000:
                    bucket.update(chr(c) for c in range(arg[0], arg[1] + 1))
                else:
                    return None
            return sensitive, insensitive, False
        if op in (syntax.AT, syntax.ASSERT, syntax.ASSERT_NOT):
            continue                                           # zero width
        if op == syntax.SUBPATTERN or op == syntax.BRANCH or op in (
                syntax.MAX_REPEAT, syntax.MIN_REPEAT):
            if op == syntax.SUBPATTERN:
                _, add, delete, sub = av
                parts, min_count = [(sub, (flags | add) & ~delete)], 1
            elif op == syntax.BRANCH:
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


def _parsed(pattern: str) -> tuple[list, int] | None:
    """The parse tree and global flags of ``pattern``, or None for syntax the parser does not read
    (then no prefilter is made: slower, the same matches)."""
    try:
        return syntax.parse(pattern)
    except syntax.Unsupported:
        return None


def _start_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can begin with (case variants spelled out), or
    None when it is not bounded."""
    parsed = _parsed(pattern)
    found = None if parsed is None else _first_chars(parsed[0], 0)
    if found is None or found[2]:
        return None
    sensitive, insensitive, _ = found
    out = set(sensitive)
    for c in insensitive:
        out |= case_variants(c)
    return frozenset(out)


def _simple_lower(ch: str) -> str:
    """The one-character lower case the regex engine gives ``ch`` ("İ" -> "i", where str.lower adds a
    combining dot)."""
    low = ch.lower()
    return low if len(low) == 1 else low[0]


def _case_classes() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Characters of the Basic Multilingual Plane by their one-character lower case, and by their
    upper case and their case folding (the Kelvin sign under "k"; "ı" and "i" under "I"; "ﬅ" and
    "ﬆ" under "st"). Characters without case are left out: each is its own class."""
    chars = [chr(code) for code in range(0x10000)]
    by_lower: dict[str, list[str]] = {}
    by_other: dict[str, list[str]] = {}
    for ch, low, up, folded in zip(chars, map(str.lower, chars), map(str.upper, chars), map(str.casefold, chars)):
        if low == up == folded == ch:
            continue
        by_lower.setdefault(low if len(low) == 1 else low[0], []).append(ch)
        by_other.setdefault("U" + up, []).append(ch)
        by_other.setdefault("F" + folded, []).append(ch)
    return by_lower, by_other


_BY_LOWER, _BY_OTHER = _case_classes()


@functools.lru_cache(maxsize=None)
def case_variants(ch: str) -> frozenset[str]:
    """The characters the engine takes for ``ch`` under IGNORECASE (``ch`` itself included):
    the characters of the same lower case, upper case or case folding, closed over the three
    (which takes in the engine's extra pairs: "ı" for "i", "ſ" for "s"), that the engine matches
    to ``ch``."""
    pool, todo = {ch}, [ch]
    while todo:
        x = todo.pop()
        for y in (*_BY_LOWER.get(_simple_lower(x), ()), *_BY_OTHER.get("U" + x.upper(), ()),
                  *_BY_OTHER.get("F" + x.casefold(), ())):
            if y not in pool:
                pool.add(y)
                todo.append(y)
    # The engine decides: its own case table (with pairs such as "ı"/"i", "ſ"/"s") is the test.
    return frozenset(x for x in pool if re.match(f"(?i:{re.escape(ch)})", x))


def _fold(text: str) -> str:
    """Lower case with the Turkic i's made one ("İ" lowers to "i" and a combining dot, which
    goes; "I", "ı" become "i"), as the engine treats them under IGNORECASE."""
    return text.lower().replace("ı", "i").replace("\u0307", "")


class KeywordGates:
    """Which groups of lower-case keywords are surely absent from a text, as case-insensitive
    patterns would see it?

    ``keyword in _fold(text)`` answers it unless the text holds a character the engine
    matches to a keyword letter while ``_fold`` makes it something else ("ſ" for "s", "ᲁ"
    for "д"); a group with such a letter in the text counts as present, so that leaving out
    the rules of an absent group never changes what is found. One scan of the text looks for
    all those letters at once."""

    def __init__(self, groups):
        # Plain lower case does when no keyword has an i (then "İ" is no odd letter to look for).
        self._fold = _fold if any("i" in _fold(k) for keywords in groups for k in keywords) else str.lower
        self.groups = [tuple(self._fold(k) for k in keywords) for keywords in groups]
        self._odd_of = [frozenset(x for k in keywords for ch in k for x in case_variants(ch) if self._fold(x) != ch)
                        for keywords in self.groups]
        self._odd = "".join(sorted(frozenset().union(*self._odd_of)))

    def absent(self, text: str) -> tuple[int, ...]:
        """Indices of the groups none of whose keywords is in ``text``."""
        lowered = self._fold(text)
        out = []
        for i, keywords in enumerate(self.groups):
            for k in keywords:
                if k in lowered:
                    break
            else:
                out.append(i)
        if out:
            present = [ch for ch in self._odd if ch in text]     # a few rare letters: one search each
            if present:
                out = [i for i in out if not self._odd_of[i].intersection(present)]
        return tuple(out)


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# -- prefixes: the first few characters a match can begin with --------------------------------
_OPEN = "\0"          # ends a prefix after which anything may follow
_PREFIX_LIMIT = 20000  # more prefixes than this: give up (no prefilter)
PREFIX_LENGTH = 2


class _Unbounded(Exception):
    pass


def _concat(heads: set[str], tails: set[str], k: int) -> set[str]:
    """Prefixes of a match of A followed by B, from those of A and of B (each at most k long,
    _OPEN only at the end)."""
    out: set[str] = set()
    add = out.add
    for a in heads:
        if len(a) >= k or a.endswith(_OPEN):
            add(a)
            continue
        for b in tails:
            joined = a + b
            add(joined if len(joined) <= k else joined[:k])
    if len(out) > _PREFIX_LIMIT:
        raise _Unbounded
    return out


def _chars(op, av, flags: int) -> set[str] | None:
    """The characters a LITERAL or IN item matches, case variants included; None if too many."""
    fold = case_variants if flags & re.IGNORECASE else (lambda c: (c,))
    if op == syntax.LITERAL:
        return set(fold(chr(av)))
    out: set[str] = set()
    for kind, arg in av:
        if kind == syntax.LITERAL:
            out.update(fold(chr(arg)))
        elif kind == syntax.RANGE and arg[1] - arg[0] < 500:
            for code in range(arg[0], arg[1] + 1):
                out.update(fold(chr(code)))
        else:                                                  # negated sets, \w, \d, ...
            return None
    return out


def _prefix_set(items, flags: int, k: int) -> set[str]:
    """Every string of k characters a match of the parsed items can begin with; a shorter one
    is a whole match, or ends in _OPEN where any character may come next."""
    cur = {""}
    whole = k
    for op, av in items:
        open_heads = [len(a) for a in cur if len(a) < whole and not a.endswith(_OPEN)]
        if not open_heads:
            break                                              # the rest adds nothing
        if op in (syntax.AT, syntax.ASSERT, syntax.ASSERT_NOT):
            continue                                           # zero width
        k = whole - min(open_heads)                            # as many characters as still matter
        if op == syntax.LITERAL or op == syntax.IN:
            chars = _chars(op, av, flags)
            nxt = {_OPEN} if chars is None else chars
        elif op == syntax.SUBPATTERN:
            _, add, delete, sub = av
            nxt = _prefix_set(sub, (flags | add) & ~delete, k)
        elif op == syntax.ATOMIC_GROUP:
            nxt = _prefix_set(av, flags, k)
        elif op == syntax.BRANCH:
            nxt = set()
            for alt in av[1]:
                nxt |= _prefix_set(alt, flags, k)
        elif op in (syntax.MAX_REPEAT, syntax.MIN_REPEAT, syntax.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            once = _prefix_set(sub, flags, k)
            found, run, n = ({""} if lo == 0 else set()), {""}, 0
            while n < hi:
                n += 1
                run = _concat(run, once, k)
                if n > lo and run <= found:                    # no repetition adds anything new
                    break
                if n >= lo:
                    found |= run
                if n > lo + k + 64:
                    raise _Unbounded
            nxt = found
        else:                                                  # any character, back references
            nxt = {_OPEN}
        cur = _concat(cur, nxt, whole)
    return cur


@functools.lru_cache(maxsize=None)
def prefixes(pattern: str, k: int = PREFIX_LENGTH) -> frozenset[str] | None:
    """The strings of up to k characters every match of ``pattern`` begins with (a shorter one:
    anything may follow), case variants spelled out; None when that cannot be bounded (a match
    may begin with any character, or be empty)."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    try:
        found = _prefix_set(parsed[0], parsed[1], k)
    except _Unbounded:
        return None
    out = frozenset(s.rstrip(_OPEN) for s in found)
    return None if "" in out else out


# Letters by how often words start with them in running text (Latin for English and
# Azerbaijani, Cyrillic), then digits: the first characters of a prefilter are tried in this
# order, so that a common word start is dismissed after few tests.
_WORD_START_ORDER = "tsaocpmbfdwhielrnguvykqjxzəçşöüğı" + "пснвокдмтзагиэбуирлчяшфжцехщьюёъы" + "0123456789"


def _start_rank(c: str) -> tuple[int, int, str]:
    low = c.lower()
    i = _WORD_START_ORDER.find(low)
    return (c != low, i if i >= 0 else len(_WORD_START_ORDER), c)


def prefix_regex(strings, top: bool = True) -> str:
    """A regex that matches where one of ``strings`` begins (a lookahead body). At the top, one
    branch per first character, a plain character the engine compares before entering the
    branch, common word starts first; below, a tree of character classes, the characters that
    share their continuations joined in one class."""
    strings = set(strings)
    if "" in strings:
        return ""
    heads: dict[str, set[str]] = {}
    for s in strings:
        heads.setdefault(s[0], set()).add(s[1:])
    if top:
        alts = [re.escape(c) + prefix_regex(heads[c], False) for c in sorted(heads, key=_start_rank)]
    else:
        groups: dict[frozenset[str], set[str]] = {}
        for c, tails in heads.items():
            groups.setdefault(frozenset(tails), set()).add(c)
        alts = sorted(_char_class(frozenset(chars)) + prefix_regex(tails, False) for tails, chars in groups.items())
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _deep_prefixes(pattern: str) -> frozenset[str] | None:
    found = prefixes(pattern, 3)
    return found if found is not None and len(found) <= 4000 else prefixes(pattern)


def guarded_alternation(patterns: list[str | None], deep: frozenset[int] = frozenset()) -> re.Pattern:
    """``(?P<r0>p0)|(?P<r1>p1)|...`` tried where no word character precedes, each branch
    guarded by its start characters; ``m.lastgroup`` names the index of the rule that matched.
    A pattern given as None is left out (its index is kept for the others).

    Rules are grouped in runs behind one guard of their start characters: a rule joins the
    latest run whose characters it shares when every run after that one starts with other
    characters (those rules can never match where this one does, so moving it before them keeps
    the priorities), and when its characters are among the run's (a run that grew would be
    entered at more positions); it keeps a guard of its own inside the run when they are
    fewer.

    ``deep``: the indices of rules whose first three characters go into the prefilter (rules that
    start with common words, "N years ago": "не" and "со" pass two, "нед" and "сор" rarely)."""
    runs: list[tuple[set[str] | None, list[tuple[int, str, frozenset[str] | None]]]] = []
    for i, p in enumerate(patterns):
        if p is None:
            continue
        chars = _start_chars(p)
        target = None
        for k in range(len(runs) - 1, -1, -1):
            union = runs[k][0]
            if chars is None or union is None:
                break
            if union & chars:
                if chars <= union:
                    target = k
                break
        if target is None:
            runs.append((None if chars is None else set(chars), [(i, p, chars)]))
        else:
            runs[target][0].update(chars)
            runs[target][1].append((i, p, chars))
    branches = []
    for union, items in runs:
        alts = "|".join(("" if chars is None or chars == union else f"(?={_char_class(chars)})") + f"(?P<r{i}>{p})"
                        for i, p, chars in items)
        branches.append((f"(?={_char_class(frozenset(union))})" if union is not None else "") + f"(?:{alts})")
    prefilter = ""
    if all(union is not None for union, _ in runs):
        every = frozenset().union(*(union for union, _ in runs))
        prefilter = f"(?={_char_class(every)})"
        # Then the first two characters: most word starts that pass the first test fail this
        # one ("в", "the", "və"), and no rule is tried there.
        starts = [_deep_prefixes(p) if i in deep else prefixes(p) for i, p in enumerate(patterns) if p is not None]
        if all(x is not None for x in starts):
            prefilter += f"(?={prefix_regex(frozenset().union(*starts))})"
    return re.compile(rf"(?<!\w){prefilter}(?:" + "|".join(branches) + ")")


def word_alternation(words, ignorecase: bool = False) -> str:
    """The words as one regex that matches like ``w1|w2|...`` with the longer words first, but
    written as a prefix tree ("янв(?:ар(?:ь|я|ю|...))"): the engine then compares a few
    characters at a position instead of trying every word. Two words can both match at one
    position only when one is a prefix of the other, and the tree tries the longer first, so
    the match is the same. When two different characters at one branching point are equal
    under IGNORECASE ("i" / "ı"), the plain alternation is kept.

    ``ignorecase``: the words are matched without regard to case (the caller puts the result
    inside ``(?i:...)``). The first letter of each branch is then written as the class of the
    characters the engine takes for it, under ``(?-i:...)``: the engine tests a branch that
    starts with a class (or a plain letter) before entering it, but enters every branch that
    starts with a case-insensitive letter, which makes a wide tree slow."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    plain = "|".join(re.escape(w) for w in words)
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def clashes(node: dict) -> bool:
        keys = [k for k in node if k]
        if any(re.fullmatch(f"(?i:{re.escape(a)})", b) for i, a in enumerate(keys) for b in keys[i + 1:]):
            return True
        return any(clashes(child) for child in node.values())

    def letter(ch: str, branch: bool) -> str:
        # Under IGNORECASE, a branch starts with the exact class of its letter, written
        # case-sensitively so that the engine can test it before entering the branch; other
        # letters stay plain (each class costs time to compile).
        if not (ignorecase and branch):
            return re.escape(ch)
        variants = case_variants(ch)
        return re.escape(ch) if len(variants) == 1 else f"(?-i:{_char_class(variants)})"

    def build(node: dict, root: bool = False) -> str:
        keys = [k for k in node if k]
        branch = root or len(keys) > 1 or "" in node
        children = [letter(k, branch) + build(node[k]) for k in keys]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        if "" in node:                     # a word ends here: the longer words first, then none
            return (body if len(children) > 1 else "(?:" + body + ")") + "?"
        return body

    if not words or ignorecase and clashes(tree):    # (matched case-sensitively, "i" and "ı" never clash)
        return plain
    return build(tree, root=True)


def _consumes_first(pattern: str) -> bool:
    """Does the pattern start with a character or a class? The engine then searches for it
    by itself, and a lookahead in front would only stop that."""
    parsed = _parsed(pattern)
    items = parsed[0] if parsed is not None else []
    while items:
        op, av = items[0]
        if op == syntax.SUBPATTERN and av[0] is None:
            items = av[3]
            continue
        return op in (syntax.LITERAL, syntax.IN)
    return False


def prefiltered(regex: re.Pattern, k: int = PREFIX_LENGTH) -> re.Pattern:
    """The same regex with a lookahead of the first characters its matches can begin with in
    front (see ``prefixes``): at most positions one cheap test then fails instead of every
    branch of a long alternation. Unchanged when those characters cannot be bounded."""
    pre = prefixes(regex.pattern, k)
    if pre is None or _consumes_first(regex.pattern):
        return regex
    # Global flags stay in front, and a word-start test too: it fails inside words at once.
    head = re.match(r"(?:\(\?[aiLmsux]+\))?(?:\(\?<!\\w\)|\\b)?", regex.pattern)
    at = head.end()
    return re.compile(regex.pattern[:at] + f"(?=(?-i:{prefix_regex(pre)}))" + regex.pattern[at:], regex.flags)


_LITERAL_GROUP = re.compile(r"\(\?i:((?:[^()\\|\[\]{}?*+.^$]+\|)+[^()\\|\[\]{}?*+.^$]+)\)")


def fast_literal_groups(pattern: str) -> str:
    """``pattern`` with each case-insensitive group of plain words, ``(?i:вчера|сегодня|...)``,
    written as a prefix tree of character classes (see ``word_alternation``), which the engine
    dismisses with one test at most positions. Only where it matches the same: when no word is a
    prefix of another, or the longer always comes first (then the group matches as the tree)."""
    def tree(m: re.Match) -> str:
        words = m.group(1).split("|")
        for i, a in enumerate(words):
            for j, b in enumerate(words):
                if i != j and len(a) <= len(b) and re.fullmatch(f"(?i:{re.escape(a)})", b[:len(a)]) and i < j:
                    return m.group()                      # a shorter word first: keep the order
        return f"(?i:{word_alternation(words, ignorecase=True)})"
    return _LITERAL_GROUP.sub(tree, pattern)
