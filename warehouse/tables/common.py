"""Columns, value lists and checks that several tables share, stated once."""
from __future__ import annotations

from warehouse.tables.model import Column, References, Rule, Value

SHA256_HEX = r"^[0-9a-f]{64}$"
STORY_ID = r"^story-[0-9a-f]{16}$"

LANGUAGES = (
    Value("az", "Azerbaijani"),
    Value("ru", "Russian"),
    Value("en", "English"),
)

DOC_TYPES = (
    Value("treaty", "a treaty (a binding agreement between states, usually ratified)"),
    Value("agreement", "an agreement, accord or deal between governments, ministries, companies or parliaments"),
    Value("declaration", "a joint declaration of the leaders or governments"),
    Value("memorandum", "a memorandum of understanding or of cooperation"),
    Value("protocol", "a protocol: an annex or amendment to another document, or the minutes of a meeting"),
    Value("action_plan", "a plan of joint actions or measures"),
    Value("roadmap", "a roadmap (a staged programme of steps)"),
    Value("program", "a programme of cooperation"),
    Value("statement", "a joint or trilateral statement"),
    Value("convention", "a multilateral convention"),
    Value("contract", "a commercial contract"),
    Value("other", "another kind of named document (a charter, a concept, a resolution)"),
)

def run_id(description: str = "The run that wrote this row.") -> Column:
    return Column("run_id", "VARCHAR", description, nullable=False, references=References("pipeline_runs", "run_id"))


def content_sha256(description: str, *, nullable: bool = False) -> Column:
    return Column("content_sha256", "VARCHAR", description, nullable=nullable, regex=SHA256_HEX,
                  normalised="64 lower-case hex digits.")


def mention_span(kind: str) -> tuple[Column, ...]:
    """Where a mention is: its article and character offsets (the first columns of a mention table)."""
    return (
        Column("article_id", "VARCHAR", f"The article the {kind} is in.", nullable=False,
               references=References("articles", "article_id", check="article_loaded")),
        Column("start_char", "INTEGER",
               "Offset of the mention's first character in articles.text: a Python string index "
               "(Unicode code points, not bytes), counted from 0.", nullable=False, unit="characters"),
        Column("end_char", "INTEGER",
               "Offset just after the mention's last character in articles.text (end exclusive), so "
               "text = articles.text[start_char:end_char].", nullable=False, unit="characters"),
        Column("text", "VARCHAR", f"The words of the {kind} exactly as they stand in the article.", nullable=False),
    )


def mention_context(rule_description: str, *, catalog: str, families, confidence: str) -> tuple[Column, ...]:
    """The sentence, rule and confidence of a mention (the last columns of a mention table)."""
    return (
        Column("sentence_index", "INTEGER",
               "Position of the sentence that holds the mention among the article's sentences, from 0.",
               nullable=False, minimum=0),
        Column("sentence", "VARCHAR",
               "The sentence that holds the mention, as in the article (for reading the mention in context). "
               "A sentence longer than 400 characters (rare in news; an article of figures without a full stop) "
               "is cut to the 400 characters around the mention, at spaces, with '…' where it was cut: so a "
               "row's size does not grow with its article (sentence_index and the offsets place it in "
               "articles.text).", nullable=False,
               normalised="at most 400 characters and the mention's own length, plus the two '…' marks."),
        Column("rule", "VARCHAR", rule_description, nullable=False, catalog=catalog, families=families),
        Column("confidence", "FLOAT", confidence, nullable=False, minimum=0, maximum=1),
    )


MENTION_RULES = (
    Rule("offsets_in_text", "0 <= start_char < end_char <= length of the article text"),
    Rule("text_is_slice", "text equals the article text sliced by the offsets"),
)
