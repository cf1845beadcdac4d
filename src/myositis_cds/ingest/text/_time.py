"""Time in notes: explicit dates, and times relative to the visit or to an event.

A :class:`TimePoint` is either an absolute date or an offset (months and days) from the *index*
date: the day the patient was seen, which is the note's own date when it states one, else the
anchor. Offsets are kept symbolic until the index is known, because a case report's story can
run past the index visit ("two months after removal of the tumour") and the index is then placed
so that the last event falls on the anchor date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from myositis_cds.ingest.text._rules import Rules

__all__ = ["DateMatch", "TimePoint", "add_months", "find_dates", "parse_quantity"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic; the 31st becomes the last day of a shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class TimePoint:
    absolute: date | None = None
    months: int = 0
    days: int = 0
    uncertain: bool = False

    def shifted(self, months: int = 0, days: int = 0, uncertain: bool = False) -> TimePoint:
        return replace(
            self,
            months=self.months + months,
            days=self.days + days,
            uncertain=self.uncertain or uncertain,
        )

    def resolve(self, index: date) -> date:
        base = self.absolute if self.absolute is not None else index
        return add_months(base, self.months) + timedelta(days=self.days)

    @property
    def approx_days(self) -> int:
        """Offset from the index in days (absolute dates: 0); for ordering and thresholds."""
        return self.months * 30 + self.days

    def is_forward(self) -> bool:
        return self.absolute is None and self.approx_days > 0


INDEX = TimePoint()


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    day: date
    uncertain: bool


def _month(text: str) -> int | None:
    return _MONTHS.get(text[:3].casefold())


def find_dates(text: str, rules: Rules, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Explicit calendar dates in text[start:end]; day-month order assumed when ambiguous."""
    stop = len(text) if end is None else end
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for rx in rules.time["dates"]:
        for m in rx.finditer(text, start, stop):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            parsed = _date_from_match(m)
            if parsed is None:
                continue
            day, uncertain = parsed
            found.append(DateMatch(m.start(), m.end(), day, uncertain))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _date_from_match(m: re.Match[str]) -> tuple[date, bool] | None:
    groups = m.groupdict()
    year = int(groups["y"])
    uncertain = False
    if groups.get("mon"):
        month = _month(groups["mon"])
        if month is None:
            return None
        if groups.get("d"):
            day = int(groups["d"])
        else:
            day, uncertain = 1, True  # "March 2024": the day is not stated
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            day, month, uncertain = a, b, a != b  # 03/04/2024: day-month assumed
    else:
        month, day = int(groups["m"]), int(groups["d"])
    try:
        return date(year, month, day), uncertain
    except ValueError:
        return None


def parse_quantity(n: str, unit: str, rules: Rules) -> tuple[int, int, bool] | None:
    """("four", "months") → (months=4, days=0, uncertain=False); vague words are uncertain."""
    word = n.strip().casefold()
    uncertain = False
    if word in rules.numbers:
        value: float = rules.numbers[word]
    elif word in rules.vague:
        value, uncertain = rules.vague[word], True
    else:
        try:
            value = float(word)
        except ValueError:
            return None
    u = unit.casefold()
    if u.startswith(("y",)):
        return round(value * 12), 0, uncertain or value != int(value)
    if u.startswith("mo"):
        return round(value), 0, uncertain or value != int(value)
    if u.startswith("w"):
        return 0, round(value * 7), uncertain
    if u.startswith("d"):
        return 0, round(value), uncertain
    return None
