"""Russian function words the extractors read between items: conjunctions."""
AND = ("и",)
OR = ("или",)
