"""Azerbaijani function words the extractors read between items: conjunctions."""
AND = ("və",)
OR = ("ya", "yaxud", "və ya")

# Headings of the page furniture after an article (links to other stories, comments): what follows
# them is not the article.
FURNITURE_HEADINGS = ("Oxşar xəbərlər", "Digər xəbərlər", "Ən çox oxunanlar", "Ən çox oxunan", "Son xəbərlər",
                      "Xəbər lenti", "Həmçinin oxuyun", "Həmçinin bax", "Bu mövzuda", "Mövzu ilə bağlı",
                      "Şərh yaz", "Şərhlər", "Paylaş")
