"""English months and weekdays, as written (capitalised: "may" and "march" are verbs)."""
from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
# Monday = 0 (datetime.weekday()).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Their abbreviations, written before a date ("Fri, Jul 18", "Wed, Feb 13").
WEEKDAY_ABBREVIATIONS = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4, "Sat": 5,
                         "Sun": 6}

# Words of units of time by their stems, tried in order ("weekend" before "week").
TIME_UNITS = (("decade", "decade"), ("year", "year"), ("yr", "year"), ("quarter", "quarter"), ("qtr", "quarter"), ("month", "month"),
              ("weekend", "weekend"), ("week", "week"), ("fortnight", "fortnight"), ("day", "day"))

# Seasons (meteorological: spring March-May ... winter December-February) by their words.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
