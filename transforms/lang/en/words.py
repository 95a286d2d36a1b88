"""English function words the extractors read between items: conjunctions."""
AND = ("and",)
OR = ("or",)

# Headings of the page furniture after an article (links to other stories, comments): what follows
# them is not the article.
FURNITURE_HEADINGS = ("Read also", "Read more", "Also read", "See also", "Related", "Related news", "Related articles",
                      "Most read", "Most popular", "Latest news", "More news", "More from", "Comments are closed",
                      "Leave a comment", "Share this")
