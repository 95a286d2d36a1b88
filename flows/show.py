"""`ruaz show ARTICLE_ID`: one article in the terminal, every mention marked in its text and listed.

On a terminal with colour each mention is coloured by kind (dates blue, counts orange, documents
magenta; a mention inside another keeps both); elsewhere (a pipe, a log, ``--plain``) it stands in
brackets. Either way a small number after it points to its row in the list below the text.
"""
from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from transforms import report as shape
from transforms.highlight import mark_text
from warehouse import report as queries
from warehouse.store import connect_read_only

STYLES = {"date": "bold blue", "count": "bold dark_orange3", "document": "magenta underline"}
THEME = Theme({f"mention.{kind}": style for kind, style in STYLES.items()} | {"mention.number": "dim"})


class ArticleNotFound(LookupError):
    """No article with that id; ``suggestions`` are ids that contain it."""

    def __init__(self, article_id: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no article {article_id!r} in the warehouse{hint}")


def read_article(db: Path, article_id: str) -> tuple[dict, list[shape.Mention]]:
    """The article's row and its mentions (numbered in text order)."""
    con = connect_read_only(db)
    try:
        found = queries.articles(con, [article_id])
        if found.is_empty():
            similar = con.execute("SELECT article_id FROM articles WHERE article_id ILIKE ? ORDER BY article_id "
                                  "LIMIT 5", [f"%{article_id}%"]).fetchall()
            raise ArticleNotFound(article_id, [r[0] for r in similar])
        mentions = shape.article_mentions(queries.mentions_of(con, [article_id]))
    finally:
        con.close()
    return found.row(0, named=True), mentions


def marked_text(text: str, mentions: list[shape.Mention], *, plain: bool) -> Text:
    """The article's text with its mentions styled (or bracketed when ``plain``), each followed by
    its number."""
    if plain:
        return Text(shape.bracketed(text, mentions))
    by_key = {m.key: m for m in mentions}
    pieces = shape.terminal_pieces(mentions)
    last_piece = {piece.key: piece.index for piece in pieces}

    def close(piece) -> str:
        number = by_key[piece.key].number
        return "[/]" + (f"[mention.number]{shape.superscript(number)}[/]" if last_piece[piece.key] == piece.index
                        else "")

    markup = mark_text(text, pieces, lambda piece: f"[mention.{by_key[piece.key].kind}]", close,
                             escape=escape)
    return Text.from_markup(markup)


def mention_table(mentions: list[shape.Mention]) -> Table:
    """One row per mention: its number and kind, then its words and value, and under them its
    meaning, rule and confidence."""
    table = Table(box=box.SIMPLE_HEAD, show_header=True, expand=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("kind")
    table.add_column("words → value; meaning, rule, confidence", overflow="fold")
    for m in mentions:
        cell = Text()
        cell.append(m.text, style=f"mention.{m.kind}")
        cell.append(" → ")
        cell.append(m.value, style="bold")
        facts = [f"{name} {value}" for name, value in m.details]
        facts.append(f"rule {m.rule}, confidence {shape.format_confidence(m.confidence)}")
        cell.append("\n" + " · ".join(facts), style="dim")
        table.add_row(str(m.number), Text(m.kind, style=f"mention.{m.kind}"), cell)
    return table


def header(article: dict, mentions: list[shape.Mention]) -> Text:
    counts = {kind: sum(1 for m in mentions if m.kind == kind) for kind in shape.KINDS}
    lines = Text()
    lines.append(article.get("title") or article["article_id"], style="bold")
    lines.append(f"\n{article['article_id']} · {article.get('language') or '?'} · "
                 f"published {article.get('published') or 'unknown'} · {article.get('source')}")
    lines.append("\n")
    for i, kind in enumerate(shape.KINDS):
        lines.append(("" if i == 0 else " · ") + f"{counts[kind]} ")
        lines.append(kind + ("s" if counts[kind] != 1 else ""), style=f"mention.{kind}")
    return lines


def show_article(db: Path, article_id: str, console: Console, *, plain: bool | None = None) -> None:
    """Print the article and its mentions. ``plain``: brackets instead of colour (default: when the
    console has no colour)."""
    article, mentions = read_article(db, article_id)
    if plain is None:
        plain = console.color_system is None
    console.push_theme(THEME)
    try:
        console.print(Group(header(article, mentions), Text(""), marked_text(article["text"], mentions, plain=plain),
                            Text("")))
        if mentions:
            console.print(mention_table(mentions))
        else:
            console.print("No dates, counts or documents were found in this article.")
    finally:
        console.pop_theme()
