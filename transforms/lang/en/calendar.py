"""English months and weekdays, as written (capitalised: "may" and "march" are verbs)."""
from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
# Monday = 0 (datetime.weekday()).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Words of units of time by their stems, tried in order ("weekend" before "week").
TIME_UNITS = (("decade", "decade"), ("year", "year"), ("month", "month"), ("weekend", "weekend"), ("week", "week"),
              ("day", "day"))
