"""article_fingerprints: what near-copy matching compares, per stored article."""
from warehouse.tables.common import SHA256_HEX
from warehouse.tables.model import Column, References, Rule, Table

TABLE = Table(
    name="article_fingerprints",
    layer="stories",
    grain=("article_id",),
    description=("The fingerprint of one stored article: the key of its normalised text (exact copies share it) "
                 "and its MinHash signature (near copies have similar ones). Follows the article's text."),
    written_by="transforms/stories.py (fingerprints_frame), loaded by warehouse/live.py (load_story_tables)",
    columns=(
        Column("article_id", "VARCHAR", "The stored article.", nullable=False,
               references=References("articles", "article_id", check="article_loaded")),
        Column("content_key", "VARCHAR",
               "SHA-256 of the normalised text: exact copies share it.", nullable=False, regex=SHA256_HEX,
               normalised="Unicode NFKC, case folded, punctuation removed, the headline dropped when the text "
                          "starts with it, a leading dateline and agency credits ('/ТАСС/', 'Trend reports', "
                          "'Report xəbər verir ki') removed (transforms/stories.py normalise_for_matching)."),
        Column("minhash", "UINTEGER[]",
               "The MinHash signature of the normalised text's word 3-shingles: 128 unsigned 32-bit values "
               "(transforms/stories.py NUM_PERM); NULL for a text too short to compare other than exactly."),
        Column("fingerprint_version", "VARCHAR",
               "How the fingerprint was made (normalisation, shingle size, hash scheme, permutations), e.g. "
               "'1-w3-affine32-128': fingerprints of another version are not compared.", nullable=False),
    ),
    rules=(Rule("minhash_complete", "a MinHash has all its permutations, or is absent for a short text"),),
)
