"""A parser of the regular-expression syntax the date rules are written in, into the tree the
prefilters of ``transforms.dates.regex`` read (what a match can begin with).

It takes the place of CPython's private ``re._parser``: the tree has the same shape for the syntax
the rules use (and the same simplifications: a plain non-capturing group spliced into its sequence, a common
first item of all branches moved out of them, an alternation of single characters made one class,
a one-character class made a literal),
so the prefilters come out the same. Syntax it does not know (conditional groups, verbose mode)
raises ``Unsupported``; a caller then does without a prefilter, which changes no match.
"""
from __future__ import annotations

import re
import unicodedata

# Node kinds (the names of re's own).
LITERAL, NOT_LITERAL, IN, ANY, AT = "LITERAL", "NOT_LITERAL", "IN", "ANY", "AT"
RANGE, NEGATE, CATEGORY = "RANGE", "NEGATE", "CATEGORY"
SUBPATTERN, BRANCH, ATOMIC_GROUP, GROUPREF = "SUBPATTERN", "BRANCH", "ATOMIC_GROUP", "GROUPREF"
ASSERT, ASSERT_NOT = "ASSERT", "ASSERT_NOT"
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"
MAXREPEAT = 2**32 - 1

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "a": re.ASCII, "u": re.UNICODE, "L": re.LOCALE}
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_CATEGORIES = "dDsSwW"
_AT = "bBAZ"


class Unsupported(ValueError):
    """Syntax this parser does not read."""


class Seq(list):
    """A sequence of nodes; two sequences are equal only when they are the same one (as re's own
    sub-patterns), so that only plain items are moved out of branches as a common prefix."""
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__


def parse(pattern: str) -> tuple[Seq, int]:
    """(nodes, global flags) of ``pattern``."""
    parser = _Parser(pattern)
    items = parser.alternation(0)
    if parser.pos != len(pattern):
        raise Unsupported(f"unbalanced parenthesis at {parser.pos}")
    return items, parser.flags


class _Parser:
    def __init__(self, pattern: str):
        self.s, self.pos, self.flags, self.groups = pattern, 0, 0, 0
        self.names: dict[str, int] = {}

    def peek(self, n: int = 1) -> str:
        return self.s[self.pos:self.pos + n]

    def take(self, literal: str) -> bool:
        if self.s.startswith(literal, self.pos):
            self.pos += len(literal)
            return True
        return False

    def next(self) -> str:
        if self.pos >= len(self.s):
            raise Unsupported("unexpected end of pattern")
        ch = self.s[self.pos]
        self.pos += 1
        return ch

    # -- a|b|c -----------------------------------------------------------------------------
    def alternation(self, nested: int) -> Seq:
        branches = [self.sequence(nested)]
        while self.take("|"):
            branches.append(self.sequence(nested))
        if len(branches) == 1:
            return branches[0]
        out = Seq()
        while True:                                  # a first item common to every branch moves out
            first = None
            for b in branches:
                if not b:
                    break
                if first is None:
                    first = b[0]
                elif b[0] != first:
                    break
            else:
                for b in branches:
                    del b[0]
                out.append(first)
                continue
            break
        chars = []                                   # single characters: one class
        for b in branches:
            if len(b) != 1:
                break
            op, av = b[0]
            if op == LITERAL:
                chars.append((op, av))
            elif op == IN and av[0][0] != NEGATE:
                chars.extend(av)
            else:
                break
        else:
            out.append((IN, _unique(chars)))
            return out
        out.append((BRANCH, (None, branches)))
        return out

    # -- one branch ------------------------------------------------------------------------
    def sequence(self, nested: int) -> Seq:
        items = Seq()
        while self.pos < len(self.s) and self.peek() not in "|)":
            ch = self.next()
            if ch == "[":
                items.append(self.char_class())
            elif ch == "(":
                node = self.group(nested, at_start=not nested and not items and self.pos == 1)
                if node is not None:
                    items.append(node)
            elif ch == ".":
                items.append((ANY, None))
            elif ch == "^":
                items.append((AT, "BEGINNING"))
            elif ch == "$":
                items.append((AT, "END"))
            elif ch == "\\":
                items.append(self.escape())
            elif ch in "*+?" or (ch == "{" and self._counted()):
                self.pos -= 1
                self.repeat(items)
            else:
                items.append((LITERAL, ord(ch)))
        for i in range(len(items) - 1, -1, -1):      # a plain non-capturing group is its items
            op, av = items[i]
            if op == SUBPATTERN and av[0] is None and not av[1] and not av[2]:
                items[i:i + 1] = av[3]
        return items

    def _counted(self) -> bool:
        return re.match(r"\d*(?:,\d*)?\}", self.s[self.pos:]) is not None and self.peek() != "}"

    def repeat(self, items: Seq) -> None:
        ch = self.next()
        if ch == "*":
            lo, hi = 0, MAXREPEAT
        elif ch == "+":
            lo, hi = 1, MAXREPEAT
        elif ch == "?":
            lo, hi = 0, 1
        else:
            m = re.match(r"(\d*)(?:(,)(\d*))?\}", self.s[self.pos:])
            self.pos += m.end()
            lo = int(m.group(1)) if m.group(1) else 0
            hi = (int(m.group(3)) if m.group(3) else MAXREPEAT) if m.group(2) else lo
        if not items or items[-1][0] == AT:
            raise Unsupported("nothing to repeat")
        item = items.pop()
        if item[0] == SUBPATTERN and item[1][0] is None and not item[1][1] and not item[1][2]:
            body = item[1][3]
        else:
            body = Seq([item])
        kind = MAX_REPEAT
        if self.take("?"):
            kind = MIN_REPEAT
        elif self.take("+"):
            kind = POSSESSIVE_REPEAT
        items.append((kind, (lo, hi, body)))

    # -- groups ----------------------------------------------------------------------------
    def group(self, nested: int, at_start: bool):
        if not self.take("?"):
            self.groups += 1
            return self._closed(SUBPATTERN, (self.groups, 0, 0), nested)
        if self.take("P<"):
            end = self.s.index(">", self.pos)
            name, self.pos = self.s[self.pos:end], end + 1
            self.groups += 1
            self.names[name] = self.groups
            return self._closed(SUBPATTERN, (self.groups, 0, 0), nested)
        if self.take("P="):
            end = self.s.index(")", self.pos)
            name, self.pos = self.s[self.pos:end], end + 1
            return (GROUPREF, self.names[name])
        if self.take(":"):
            return self._closed(SUBPATTERN, (None, 0, 0), nested)
        for opener, kind, direction in (("=", ASSERT, 1), ("!", ASSERT_NOT, 1), ("<=", ASSERT, -1),
                                        ("<!", ASSERT_NOT, -1)):
            if self.take(opener):
                body = self.alternation(nested + 1)
                self._close()
                return (kind, (direction, body))
        if self.take(">"):
            body = self.alternation(nested + 1)
            self._close()
            return (ATOMIC_GROUP, body)
        if self.take("#"):
            self.pos = self.s.index(")", self.pos) + 1
            return None
        add = delete = 0
        while self.peek() in _FLAGS and self.peek():
            add |= _FLAGS[self.next()]
        if self.take("-"):
            while self.peek() in _FLAGS and self.peek():
                delete |= _FLAGS[self.next()]
        if self.take(":"):
            return self._closed(SUBPATTERN, (None, add, delete), nested)
        if self.take(")") and not delete and at_start:
            self.flags |= add
            return None
        raise Unsupported(f"group syntax at {self.pos}")

    def _closed(self, kind: str, head: tuple, nested: int):
        body = self.alternation(nested + 1)
        self._close()
        return (kind, (*head, body))

    def _close(self) -> None:
        if not self.take(")"):
            raise Unsupported(f"missing ) at {self.pos}")

    # -- escapes and classes ---------------------------------------------------------------
    def _char_escape(self, ch: str) -> str | None:
        """The character an escape stands for, or None for a category or assertion."""
        if ch in _ESCAPES:
            return _ESCAPES[ch]
        if ch == "x":
            return chr(int(self._digits(2), 16))
        if ch == "u":
            return chr(int(self._digits(4), 16))
        if ch == "U":
            return chr(int(self._digits(8), 16))
        if ch == "N":
            if not self.take("{"):
                raise Unsupported("\\N without a name")
            end = self.s.index("}", self.pos)
            name, self.pos = self.s[self.pos:end], end + 1
            return unicodedata.lookup(name)
        if ch == "0":
            digits = re.match(r"[0-7]{0,2}", self.s[self.pos:]).group()
            self.pos += len(digits)
            return chr(int("0" + digits, 8))
        if ch.isascii() and ch.isalnum():
            raise Unsupported(f"escape \\{ch}")
        return ch

    def _digits(self, n: int) -> str:
        digits = self.s[self.pos:self.pos + n]
        if len(digits) != n or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise Unsupported("bad hexadecimal escape")
        self.pos += n
        return digits

    def escape(self):
        ch = self.next()
        if ch in _CATEGORIES:
            return (IN, [(CATEGORY, ch)])
        if ch in _AT:
            return (AT, ch)
        if ch.isdigit() and ch != "0":
            raise Unsupported("back reference")
        return (LITERAL, ord(self._char_escape(ch)))

    def char_class(self):
        negate = self.take("^")
        items: list = []
        first = True
        while True:
            if self.pos >= len(self.s):
                raise Unsupported("unterminated class")
            if self.peek() == "]" and not first:
                self.pos += 1
                break
            first = False
            ch = self.next()
            if ch == "\\":
                esc = self.next()
                if esc in _CATEGORIES:
                    items.append((CATEGORY, esc))
                    continue
                low = "\b" if esc == "b" else self._char_escape(esc)
            else:
                low = ch
            if self.peek() == "-" and self.peek(2) != "-]" and len(self.s) > self.pos + 1 and self.s[self.pos + 1] != "]":
                self.pos += 1
                hi_ch = self.next()
                if hi_ch == "\\":
                    esc = self.next()
                    if esc in _CATEGORIES:
                        raise Unsupported("bad character range")
                    hi_ch = "\b" if esc == "b" else self._char_escape(esc)
                items.append((RANGE, (ord(low), ord(hi_ch))))
            else:
                items.append((LITERAL, ord(low)))
        items = _unique(items)
        if len(items) == 1 and items[0][0] == LITERAL:
            return (NOT_LITERAL, items[0][1]) if negate else items[0]
        if negate:
            items.insert(0, (NEGATE, None))
        return (IN, items)


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
