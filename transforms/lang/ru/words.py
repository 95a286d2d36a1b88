"""Russian function words the extractors read between items: conjunctions."""
AND = ("и",)
OR = ("или",)

# Headings of the page furniture after an article (links to other stories, comments): what follows
# them is not the article.
FURNITURE_HEADINGS = ("Читайте также", "Также читайте", "Читайте еще", "Читайте ещё", "Смотрите также",
                      "Новости по теме", "Другие новости", "Последние новости", "Популярное", "Самое читаемое",
                      "Лента новостей", "Добавить комментарий", "Комментарии", "Поделиться")
