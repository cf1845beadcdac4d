"""Calendar arithmetic for guideline intervals ("3 months", "12 weeks", "10 years").

Months and years are calendar steps: the day of the month is kept, clamped to the last day of a
shorter month (31 January + 1 month = 28/29 February). Weeks are 7 days.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["add_interval", "add_months"]


@lru_cache(maxsize=8192)  # pure, and called for every round of every test of every case
def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_interval(day: date, *, years: int = 0, months: int = 0, weeks: int = 0) -> date:
    return add_months(day, 12 * years + months) + timedelta(weeks=weeks)
