"""Mentions marked in their article's text: spans cut into properly nested pieces, and the text
with each piece wrapped in markup of the caller's choosing (HTML for the report, brackets or
styles for the terminal).

Mentions of different kinds may overlap (a count inside a document's name: "altı yol xəritəsi";
in principle two spans may also cross). Markup needs a tree, so a span that crosses another one
is cut where the other ends: its pieces carry the same key, in text order, and together cover
exactly the span.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import NamedTuple


class Piece(NamedTuple):
    """A part of the span ``key`` (its ``index``-th piece, from 0), [start, end) of the text."""

    start: int
    end: int
    key: Hashable
    index: int


def nest_spans(spans: Iterable[tuple[int, int, Hashable]]) -> list[Piece]:
    """Cut ``(start, end, key)`` spans into pieces that nest: any two pieces are disjoint or one
    contains the other. Pieces come in document order, an outer piece before those inside it.
    Empty and inverted spans are dropped; keys must be unique."""
    heap = [(start, -end, order, key, 0) for order, (start, end, key) in enumerate(spans) if end > start]
    heapq.heapify(heap)
    open_pieces: list[Piece] = []    # the pieces that contain the current position, outermost first
    out: list[Piece] = []
    while heap:
        start, negative_end, order, key, index = heapq.heappop(heap)
        end = -negative_end
        while open_pieces and open_pieces[-1].end <= start:
            open_pieces.pop()
        # the innermost open piece ends first; a span that runs past it crosses it: cut it there
        if open_pieces and open_pieces[-1].end < end:
            cut = open_pieces[-1].end
            heapq.heappush(heap, (cut, -end, order, key, index + 1))
            end = cut
        piece = Piece(start, end, key, index)
        out.append(piece)
        open_pieces.append(piece)
    return out


def mark_text(text: str, pieces: Sequence[Piece], open_tag: Callable[[Piece], str],
              close_tag: Callable[[Piece], str], escape: Callable[[str], str] = lambda s: s) -> str:
    """``text`` with every piece (from ``nest_spans``) wrapped in ``open_tag(piece)`` and
    ``close_tag(piece)``; the text between tags passes through ``escape``."""
    out: list[str] = []
    stack: list[Piece] = []
    position = 0

    def write_to(offset: int) -> None:
        nonlocal position
        if offset > position:
            out.append(escape(text[position:offset]))
            position = offset

    for piece in pieces:
        while stack and stack[-1].end <= piece.start:
            closing = stack.pop()
            write_to(closing.end)
            out.append(close_tag(closing))
        write_to(piece.start)
        out.append(open_tag(piece))
        stack.append(piece)
    while stack:
        closing = stack.pop()
        write_to(closing.end)
        out.append(close_tag(closing))
    write_to(len(text))
    return "".join(out)
