"""Calendar arithmetic for guideline intervals ("3 months", "12 weeks", "10 years").

Months and years are calendar steps: the day of the month is kept, clamped to the last day of a
shorter month (31 January + 1 month = 28/29 February). Weeks are 7 days. Results saturate at the
calendar's ends (1 January of year 1, 31 December 9999): a window that would open before year 1
(dates in year 1 are a common placeholder in exports) opens on its first day instead of failing.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["add_days", "add_interval", "add_months"]


@lru_cache(maxsize=8192)  # pure, and called for every round of every test of every case
def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_interval(day: date, *, years: int = 0, months: int = 0, weeks: int = 0) -> date:
    return add_days(add_months(day, 12 * years + months), 7 * weeks)


def add_days(day: date, days: int) -> date:
    """``day + days``, saturating at the calendar's ends."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max
