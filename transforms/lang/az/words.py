"""Azerbaijani function words the extractors read between items: conjunctions."""
AND = ("və",)
OR = ("ya", "yaxud", "və ya")
