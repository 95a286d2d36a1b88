"""article_sources: every place a story was found."""
from warehouse.tables.common import STORY_ID, content_sha256, run_id
from warehouse.tables.model import Column, References, Rule, Table, Value

TABLE = Table(
    name="article_sources",
    layer="stories",
    grain=("location",),
    description=(
        "One place a story was found: the URL of a page, or 'article:<id>' for an article read from a file "
        "without a URL. Every stored article has the row of its own location; a fetched copy of a stored "
        "story is recorded here (article_id NULL) instead of being stored again, so its facts are not "
        "counted twice. A location keeps the story it was first found in."),
    written_by="transforms/stories.py (plan_stories), loaded by warehouse/live.py (load_story_tables)",
    columns=(
        Column("location", "VARCHAR", "Where the copy was found: its URL, or 'article:' and the article id.",
               nullable=False),
        Column("story_id", "VARCHAR", "The story the copy belongs to (articles.story_id).", nullable=False,
               regex=STORY_ID),
        Column("article_id", "VARCHAR", "The stored article at this location; NULL for a copy that was not "
               "stored (its facts are its story's).",
               references=References("articles", "article_id", check="article_loaded")),
        Column("match", "VARCHAR", "How the copy joined its story.", nullable=False, values=(
            Value("first", "the article founded the story (no stored article matched it)"),
            Value("exact", "the same text as a stored article, once case, punctuation, headline, dateline and "
                           "agency credits are set aside"),
            Value("near", "a near copy (the same wire story edited, or with another tail): estimated Jaccard "
                          "similarity of word 3-shingles at least the run's story similarity (0.5 by default)"),
        )),
        Column("matched_article_id", "VARCHAR", "The stored article an exact or near copy matched; NULL for "
               "'first'.", references=References("articles", "article_id")),
        Column("similarity", "FLOAT", "Estimated Jaccard similarity of word 3-shingles with the matched article "
               "(MinHash, 128 permutations); 1.0 for first and exact.", nullable=False, minimum=0, maximum=1),
        Column("url", "VARCHAR", "The copy's URL, when it has one."),
        Column("source", "VARCHAR", "The sources.toml source it was fetched from, or the input file it was read "
               "from.", nullable=False),
        content_sha256("SHA-256 of the copy's text (UTF-8)."),
        Column("first_seen_at", "TIMESTAMP", "When the copy was first found: the page's fetch time, or the run's "
               "date for a file (UTC).", nullable=False),
        run_id("The run that found the copy."),
        Column("extracted", "VARCHAR", "What of the stored article at this location its mentions come from; NULL "
               "for a copy that was not stored.", values=(
                   Value("whole", "the whole text: the article stands for its story, or another copy chosen by the "
                                  "user (a file)"),
                   Value("new_sentences", "only the sentences a fetched near copy adds to its story (a paragraph "
                                          "the stored copies lack): the text is stored whole, the mentions come "
                                          "from those sentences, so the story's shared facts are not counted "
                                          "twice"),
               )),
    ),
    rules=(Rule("copy_names_its_article", "a copy that was not stored names the article it copies"),),
)
