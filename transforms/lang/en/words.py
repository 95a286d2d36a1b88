"""English function words the extractors read between items: conjunctions."""
AND = ("and",)
OR = ("or",)
