"""Azerbaijani months and weekdays.

Month names are stems: the case and possessive endings come from the morphology of this folder
("fevralın", "iyununda", "yanvaradək"). A month alone in running text is written in lower case.
"""
from __future__ import annotations

MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust",
          "sentyabr", "oktyabr", "noyabr", "dekabr")

# Short names as page stamps write them beside a day and a year ("10 İyn 2019", "21 iyl 2001", "5 dek.
# 2023"); alone they are other words ("sen": you), so they only count there.
MONTH_SHORT_FORMS = {"yan": 1, "fev": 2, "mar": 3, "apr": 4, "may": 5, "iyn": 6, "iyl": 7, "avq": 8, "sen": 9,
                     "sent": 9, "okt": 10, "noy": 11, "dek": 12}

# Weekday heads, Monday = 0 (datetime.weekday()); "bazar" alone means "market", so Sunday needs "günü".
WEEKDAYS = {"bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3,
            "cümə": 4, "şənbə": 5, "bazar günü": 6}

# Words of units of time by their stems, tried in order ("həftə sonu", the weekend, before "həftə"):
# "onillik", "illərdə", "ayın", "həftədə", "günü".
TIME_UNITS = (("onillik", "decade"), ("il", "year"), ("rüb", "quarter"), ("ay", "month"), ("həftəson", "weekend"), ("həftə", "week"),
              ("gün", "day"))

# Seasons (meteorological: yaz mart-may ... qış dekabr-fevral) by their stems, before the case endings.
SEASONS = {"yaz": (3, 5), "yay": (6, 8), "payız": (9, 11), "qış": (12, 2)}
