"""Azerbaijani months and weekdays.

Month names are stems: the case and possessive endings come from the morphology of this folder
("fevralın", "iyununda", "yanvaradək"). A month alone in running text is written in lower case.
"""
from __future__ import annotations

MONTHS = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust",
          "sentyabr", "oktyabr", "noyabr", "dekabr")

# Weekday heads, Monday = 0 (datetime.weekday()); "bazar" alone means "market", so Sunday needs "günü".
WEEKDAYS = {"bazar ertəsi": 0, "çərşənbə axşamı": 1, "çərşənbə": 2, "cümə axşamı": 3,
            "cümə": 4, "şənbə": 5, "bazar günü": 6}

# Words of units of time by their stems, tried in order ("həftə sonu", the weekend, before "həftə"):
# "onillik", "illərdə", "ayın", "həftədə", "günü".
TIME_UNITS = (("onillik", "decade"), ("il", "year"), ("ay", "month"), ("həftəson", "weekend"), ("həftə", "week"),
              ("gün", "day"))
