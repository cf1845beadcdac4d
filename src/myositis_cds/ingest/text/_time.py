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
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import cast

from myositis_cds.ingest.text._dictation import _ORDINALS
from myositis_cds.ingest.text._rules import (
    Rules,
    digit_in,
    needs_digit,
    note_live,
    note_matches,
    note_results,
)

__all__ = [
    "DateMatch",
    "DateStyle",
    "TimePoint",
    "add_months",
    "find_dates",
    "parse_quantity",
    "shift_days",
]

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

# issue #10 (i29q): the months as Roman numerals, as dates write them in Central and Eastern
# Europe ("12.XI.2026"; rules/patterns.yaml time.dates)
_ROMAN_MONTHS = {
    numeral: number
    for number, numeral in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), start=1
    )
}


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic; the 31st becomes the last day of a shorter month.

    Saturates at the calendar's ends: "a 99999-month history" or a note read as of year 1 gives
    1 January of year 1, not a crash.
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    if not date.min.year <= year <= date.max.year:
        return date.min if year < date.min.year else date.max
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift_days(day: date, days: int) -> date:
    """``day + days``, saturating at the calendar's ends."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


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
        return _resolve(self, index)

    @property
    def approx_days(self) -> int:
        """Offset from the index in days (absolute dates: 0); for ordering and thresholds."""
        return self.months * 30 + self.days

    def is_forward(self) -> bool:
        return self.absolute is None and self.approx_days > 0


@lru_cache(maxsize=4096)
def _resolve(point: TimePoint, index: date) -> date:
    # the assembler asks for the same few dates many times while sorting and merging
    base = point.absolute if point.absolute is not None else index
    return shift_days(add_months(base, point.months), point.days)


INDEX = TimePoint()


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    day: date
    uncertain: bool
    until: date | None = None  # the last day of a range ("15-17 Jan")
    # issue #10 (i33d): a year and month in ISO order ("2026-06", "2026/08"), as forms date a
    # month: never a visit (_timeline._note_date)
    year_month: bool = False


@dataclass(frozen=True)
class DateStyle:
    """How one note writes dates: which way round 03/02/2024 is, and the year of "3 Feb"."""

    month_first: bool = False
    order_known: bool = False  # the note has an unambiguous numeric date (15/01 or 01/15)
    note_date: date | None = None  # year-less dates take this date's year
    # the reading date (extract_case's ``today``): a year is placed against it, never against
    # the wall clock, so a note replayed as of another day reads the same on any day
    today: date | None = None
    # issue #10 (i37n): the note writes full dates month first with hyphens ("Nov-17-2026"), so
    # its "Nov-14" is a day of the note's year, not November 2014 (rules/patterns.yaml)
    month_day_hyphen: bool = False
    # issue #10 (i51f): the note writes full dates day first with hyphens and the month's name
    # ("22-Nov-2026"), so its "21-Nov" is a day of the note's year (rules/patterns.yaml)
    day_month_hyphen: bool = False
    # issue #10 (i49d): the note prints a day, a month's name and a two-digit year ("03 Sep
    # 26"), so its "Jul 26" with no day is July 2026, not the 26th (rules/patterns.yaml)
    day_month_short_year: bool = False
    # issue #10 (i53d): the note writes numeric dates with hyphens and a four-digit year
    # ("07-22-2017"), so its "11-16-26" is a date with a two-digit year (rules/patterns.yaml)
    numeric_hyphen: bool = False
    # issue #10 (i54d): the note declares its dates written with spaces between their numeric
    # fields, and their order ("dates as YYYY MM DD": "ymd"), so its "2026 11 12" and "2026 01"
    # are dates (rules/style.yaml declared_format, rules/patterns.yaml groups sp_*)
    spaced_order: str = ""


def _month(text: str, names: dict[str, int]) -> int | None:
    """A month's number from its name: the other languages' names in full (rules/patterns.yaml
    month_names: "marts", "czerwca"), English by its first three letters ("Sept", "March")."""
    return names.get(text.casefold()) or _MONTHS.get(text[:3].casefold())


class _TakenSpans:
    """The spans of the dates taken, to ask whether a span overlaps one of them in log time
    (issue #10, hostile input: every date was tried against every date taken before, quadratic
    on a line of thousands of dates). Kept sorted; as no two overlap, their ends rise with their
    starts, so a span overlaps one of them only if it overlaps the last that starts before it
    ends."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """``any(a < end and start < b for a, b in spans)``."""
        before = bisect_left(self.spans, (end,))  # the spans that start before ``end``
        return before > 0 and self.spans[before - 1][1] > start

    def take(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))


def find_dates(
    text: str,
    rules: Rules,
    start: int = 0,
    end: int | None = None,
    style: DateStyle | None = None,
) -> list[DateMatch]:
    """Explicit calendar dates in text[start:end]. A numeric date that could be either way round
    follows the note's style (day-month unless the note shows month-first dates elsewhere); a
    date without a year ("3 February") is placed in the note's year, and is skipped when the
    note's date is not known."""
    stop = len(text) if end is None else end
    how = style or DateStyle()
    memo = note_results()
    if memo is None:
        return _find_dates(text, rules, start, stop, how)
    # issue #10 (i41t): a span asked for again in the same note (by another reader, or for
    # each result on one lab row) is read once; keyed by everything the dates depend on
    key = ("dates", text, start, stop, how, id(rules))
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = (rules, tuple(_find_dates(text, rules, start, stop, how)))
    return list(cast(tuple[Rules, tuple[DateMatch, ...]], hit)[1])


_SHORT_TEXT = 64  # characters (issue #10, i50p: see _find_dates)


def _find_dates(text: str, rules: Rules, start: int, stop: int, how: DateStyle) -> list[DateMatch]:
    found: list[DateMatch] = []
    taken = _TakenSpans()  # the dates' spans, none overlapping another
    whole = start == 0 and stop == len(text)  # the note's dates: found once (note_matches)
    digits = digit_in(text, start, stop)  # (i23s) else only the patterns that need none
    # (i25s) only the patterns whose gate words the note holds (may_match), found once a note;
    # (i50p) a short text (a field's date, "DOB: 03/04/1961") is searched by each pattern: its
    # gate and the memo's entries cost more than the searches they save
    short = len(text) <= _SHORT_TEXT
    patterns = rules.time["dates"]
    for rx in patterns if short else note_live(patterns, text):
        if not digits and needs_digit(rx):
            continue
        # (i41t) a span holds none of most patterns' dates: one search says so, where a finditer
        # was made and stepped for each of them
        if not whole and rx.search(text, start, stop) is None:
            continue
        for m in note_matches(rx, text) if whole and not short else rx.finditer(text, start, stop):
            # issue #10 (i20a): a rule that reads the words before a date to know it is one
            # ("admitted 10/26") marks the date itself as "at": the words stay the sentence's
            at = m.span("at") if m.groupdict().get("at") is not None else m.span()
            if taken.overlaps(*at):
                continue
            if m.groupdict().get("cd") is not None and rules.one("number_label").search(
                text, 0, at[0]
            ):
                continue  # i34d: "Lab no. 20261118" is a number, not a compact date
            parsed = _date_from_match(m, how, rules)
            if parsed is None:
                continue
            day, uncertain, until = parsed
            groups = m.groupdict()
            year_month = groups.get("ym") is not None
            month_alone = not groups.get("d") and (
                groups.get("mon") or groups.get("nm") or groups.get("rm")
            )
            if year_month or (uncertain and month_alone):  # i34d: "mid-June", "end of May"
                day = _part_of_month(text, at[0], day, rules)
            if (
                year_month
                and (said := rules.one("month_part_after").match(text, at[1], stop)) is not None
            ):
                # i35d: "2026-09 (mid-September)": the bracket says which part of the month,
                # and is the date's own (its month is not read again as a date of its own)
                day = _part_in_bracket(said, day, rules)
                at = (at[0], said.end())
            found.append(DateMatch(at[0], at[1], day, uncertain, until, year_month))
            taken.take(*at)
    found.sort(key=lambda d: d.start)
    return found


def _part_of_month(text: str, start: int, first: date, rules: Rules) -> date:
    """The day a month's date stands for, from the words right before it (``first``: the 1st)."""
    m = rules.one("month_part").search(text, max(0, start - 32), start)
    if m is None or first.day != 1:
        return first
    if m.group("end"):
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first.replace(day=15)


def _part_in_bracket(said: re.Match[str], first: date, rules: Rules) -> date:
    """The day a bracket after a year and month names (``first``: the month's 1st)."""
    word = said.group("month")
    if word.casefold() != "month" and _month(word, rules.month_numbers) != first.month:
        return first
    if first.day != 1:
        return first
    if said.group("end"):
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if "mid" in said.group(0).casefold():
        return first.replace(day=15)
    return first


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """issue #10 (i10ad): a Solar Hijri (Jalali) calendar date as a Gregorian date: the days
    from 1 Farvardin of year 1 by the calendar's 33-year arithmetic cycle (8 leap years in 33),
    then the Gregorian date that many days on (Borkowski's arithmetic, as in the jalaali
    libraries; exact for the years 1178-1633 AP). Raises ValueError for a day that does not
    exist (month 1-6 have 31 days, 7-11 have 30, Esfand 30 only in a leap year: issue #10,
    i15b, "1404/12/30" is no date, not the next Nowruz)."""
    if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        raise ValueError(f"no Solar Hijri date {year}/{month}/{day}")
    if (
        month == 12
        and day == 30
        and _solar_hijri_days(year + 1, 1, 1) - _solar_hijri_days(year, 1, 1) != 366
    ):
        raise ValueError(f"no Solar Hijri date {year}/{month}/{day}: {year} is not a leap year")
    return date(1, 1, 1) + timedelta(
        days=_solar_hijri_days(year, month, day) - 1 + _GREGORIAN_SHIFT
    )


def ethiopian_to_gregorian(year: int, month: int, day: int) -> date:
    """issue #10 (i16b): an Ethiopian-calendar (Amete Mihret) date as a Gregorian date. Twelve
    months of 30 days and Pagume (month 13) of 5 days, 6 in a year whose number leaves 3 when
    divided by 4; 1 Meskerem of year 1 is 27 Aug 8 AD on the proleptic Gregorian scale (so 1
    Meskerem 2019 = 11 Sep 2026, 2016 = 12 Sep 2023). Raises ValueError for a day that does
    not exist ("31 Tikimt", "6 Pagume" of a common year)."""
    last = 30 if month <= 12 else (6 if year % 4 == 3 else 5)
    if not 1 <= month <= 13 or not 1 <= day <= last or year < 1:
        raise ValueError(f"no Ethiopian date {year}/{month}/{day}")
    days = 365 * (year - 1) + year // 4 + 30 * (month - 1) + day - 1
    return _ETHIOPIAN_EPOCH + timedelta(days=days)


_ETHIOPIAN_EPOCH = date(8, 8, 27)


def _ethiopian_date(groups: dict[str, str], rules: Rules) -> date:
    """The Gregorian date of a date marked as Ethiopian (ዓ.ም., E.C.; issue #10, i16b): the month
    by its name (rules/patterns.yaml ethiopian_months) or its number. ValueError if none."""
    name = groups.get("et_mon")
    if name:
        month = next((n for p, n in rules.ethiopian_month_prefixes if name.startswith(p)), None)
        if month is None:
            raise ValueError(f"no Ethiopian month {name!r}")
    else:
        month = int(groups["et_m"])
    return ethiopian_to_gregorian(int(groups["et_y"]), month, int(groups["et_d"]))


def _solar_hijri_date(groups: dict[str, str], rules: Rules) -> date:
    """The Gregorian date of a Solar Hijri date, year first (issue #10, i10ad); (i42n) or of a
    month named with its year, its first day ("the month of Asad 1405": 23 Jul 2026, the notes'
    convention for a Solar Hijri month, tests/data/notes/HELDOUT44.md)."""
    name = groups.get("sh_mon")
    if name:
        month = rules.solar_hijri_month_numbers.get(name)
        if month is None:
            raise ValueError(f"no Solar Hijri month {name!r}")
        return solar_hijri_to_gregorian(int(groups["sh_y"]), month, 1)
    return solar_hijri_to_gregorian(int(groups["sh_y"]), int(groups["sh_m"]), int(groups["sh_d"]))


# the other calendars' dates (rules/patterns.yaml time.dates): the group that marks a date as of
# that calendar, and its conversion to a Gregorian date (ValueError for a day that does not exist)
_OTHER_CALENDARS: tuple[tuple[str, Callable[[dict[str, str], Rules], date]], ...] = (
    ("sh_y", _solar_hijri_date),
    ("et_y", _ethiopian_date),
)


def _solar_hijri_days(year: int, month: int, day: int) -> int:
    """The day count of a Solar Hijri date on the proleptic scale described below."""
    y = year + 1595
    days = (
        -355668
        + 365 * y
        + (y // 33) * 8
        + ((y % 33) + 3) // 4
        + day
        + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
    )
    return days


# the day count above starts on 1 Jan of year 0 of a proleptic count where 1 Jan 1 AD is day
# 366; date.toordinal counts 1 Jan 1 AD as day 1
_GREGORIAN_SHIFT = -365


# issue #10 (i54d): the groups that mark a date written with spaces between its numbers, and the
# declared order (rules/style.yaml declared_format) that makes it one: a year and month alone
# ("2026 01", group sp_ym) in a note whose dates are year first
_SPACED = {"sp_ymd": "ymd", "sp_ym": "ymd", "sp_dmy": "dmy", "sp_mdy": "mdy"}


# the furthest a Gregorian date in a note may lie ahead (a follow-up booked years away); a later
# four-digit year is another calendar's
_YEARS_AHEAD = 10


def _date_from_match(
    m: re.Match[str], style: DateStyle, rules: Rules
) -> tuple[date, bool, date | None] | None:
    groups = m.groupdict()
    for marker, convert in _OTHER_CALENDARS:
        if groups.get(marker):
            try:
                return convert(groups, rules), False, None
            except ValueError:
                return None
    names = rules.month_numbers
    this_year = (style.today or date.today()).year
    if groups.get("dw"):  # issue #10 (i33d): "the seventeenth of November 2026"
        groups["d"] = _ordinal_day(groups["dw"])
        groups["d2"] = _ordinal_day(groups["dw2"]) if groups.get("dw2") else None
    if groups.get("mon") and groups["mon"] == "may" and not groups.get("y"):
        return None  # "may" in lower case without a year is the verb
    if groups.get("md") is not None and not style.month_day_hyphen:
        return None  # "Aug-26" in a note without "Nov-17-2026" dates: the month and year
    if groups.get("dm") is not None and not style.day_month_hyphen:
        return None  # i51f: "21-Nov" only in a note that writes "22-Nov-2026"
    if groups.get("myy") is not None and not style.day_month_short_year:
        return None  # i49d: "Jul 26" in a note without "03 Sep 26" dates: the 26th of July
    if groups.get("nhyy") is not None and not style.numeric_hyphen:
        return None  # i53d: "10-12-14" in a note without "07-22-2017" dates: a range or a count
    spaced = next((g for g in _SPACED if groups.get(g) is not None), None)
    if spaced is not None and _SPACED[spaced] != style.spaced_order:
        return None  # i54d: "2026 11 12" only in a note that declares "YYYY MM DD"
    if groups.get("my") is not None and style.month_first:
        return None  # i44f: "since 12/24" in a month-first note is the 24th of December
    if groups.get("y"):
        year = int(groups["y"])
        if year > this_year + _YEARS_AHEAD:
            # a year of another era written in a Gregorian date's shape (Bikram Sambat 2083,
            # Thai Buddhist 2569 beside the AD date, now that every script's digits are read):
            # not a Gregorian date, so not read as one
            return None
    elif groups.get("yy") and (groups.get("c18") or groups.get("c19") or groups.get("c20")):
        # issue #10 (i10ab): a Finnish identity number's century sign (rules/patterns.yaml)
        century = 1800 if groups.get("c18") else 1900 if groups.get("c19") else 2000
        year = century + int(groups["yy"])
    elif groups.get("yy"):  # "14.01.26": this century unless that is more than a year ahead
        year = 2000 + int(groups["yy"])
        if year > this_year + 1:
            year -= 100
    elif style.note_date is not None:
        year = style.note_date.year
    else:
        return None
    uncertain = False
    if groups.get("mon"):
        month = _month(groups["mon"], names)
        if month is None:
            return None
        if groups.get("d"):
            day = int(groups["d"])
        else:
            day, uncertain = 1, True  # "March 2024": the day is not stated
    elif groups.get("nm"):
        month, day, uncertain = int(groups["nm"]), 1, True  # "03/2023"
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif groups.get("sep") == ".":
            day, month = a, b  # 03.04.2024: a dotted date is day first wherever it is written
        elif style.month_first:
            month, day = a, b
            uncertain = a != b and not style.order_known
        else:
            day, month = a, b  # 03/04/2024: day-month unless the note writes month first
            uncertain = a != b and not style.order_known
    elif groups.get("ym"):  # issue #10 (i33d): "2024-03", "2026/08": the day is not stated
        month, day, uncertain = int(groups["ym"]), 1, True
        if month == (year + 1) % 100:
            return None  # "2011-12": a span of two years
    elif groups.get("rm"):  # issue #10 (i29q): "12.XI.2026", the month in Roman numerals
        month = _ROMAN_MONTHS[groups["rm"].upper()]  # i35d: "24.xi.2026"
        if groups.get("d"):
            day = int(groups["d"])
        else:
            day, uncertain = 1, True  # i51d: "vi.2026": the day is not stated
    elif groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    else:
        month, day, uncertain = 1, 1, True  # "in 2024": the year alone
    try:
        found = date(year, month, day)
        until = None
        if groups.get("d2"):  # "15-17 Jan", "30 Aug - 3 Sep"
            month2 = _month(groups["mon2"], names) if groups.get("mon2") else month
            if month2 is None:
                return None
            until = date(year + (month2 < month), month2, int(groups["d2"]))
        if groups.get("wd"):  # issue #10 (i33d): "w/c 9 November (seen Tuesday)": the 10th
            found += timedelta(days=(_WEEKDAYS[groups["wd"][:3].casefold()] - found.weekday()) % 7)
    except (ValueError, OverflowError):
        return None
    late = style.note_date is not None and (found - style.note_date).days > 31
    if style.note_date is not None and groups.get("mon") and not groups.get("d"):
        late = found > style.note_date  # "since December" in a November note: last December
    if not groups.get("y") and not groups.get("yy") and late:  # "15 Dec" in a 3 Jan note
        found = found.replace(year=year - 1)
        until = until.replace(year=year - 1) if until else None
    if until is not None and until < found:
        return None
    return found, uncertain, until


_WEEKDAYS = {  # "mon": 0, as date.weekday()
    name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}


# issue #10 (i33d): the days of a month as ordinal words ("the seventeenth", "the twenty-sixth"),
# as letters and forms write a date in words (rules/patterns.yaml time.dates); the ordinal words
# are _dictation's (first to twentieth, thirtieth)
def _ordinal_day(words: str) -> str:
    """The day an ordinal word names, as digits ("twenty-sixth" → "26"); "0" (no day: the date
    is refused) for a word that is no day of a month ("thirty-ninth")."""
    low = words.casefold()
    for tens_word, tens in (("twenty", 20), ("thirty", 30)):
        if low.startswith(tens_word):
            unit = low[len(tens_word) :].lstrip("- ")
            if _ORDINALS.get(unit, 10) < 10:  # "first" to "ninth"
                return str(tens + _ORDINALS[unit])
    return str(_ORDINALS.get(low, 0))


def parse_quantity(n: str, unit: str, rules: Rules) -> tuple[int, int, bool] | None:
    """("four", "months") → (months=4, days=0, uncertain=False); vague words are uncertain."""
    word = n.strip().casefold()
    uncertain = False
    if word in rules.numbers:
        value: float = rules.numbers[word]
    elif word in rules.duration_numbers:  # issue #10 (i10ai): "dos", "drei", "trois"
        value = rules.duration_numbers[word]
    elif word in rules.vague:
        value, uncertain = rules.vague[word], True
    else:
        try:
            value = float(word.replace(",", "."))
        except ValueError:
            return None
    u = unit.casefold()
    u = rules.duration_units.get(u, u)  # issue #10 (i10ai): "meses", "Wochen", "mois"
    if u in ("/12", "/52"):  # "x3/12": three twelfths of a year; "/52": weeks of a year
        u = "months" if u == "/12" else "weeks"
    if u.startswith(("y",)):
        return round(value * 12), 0, uncertain or value != int(value)
    if u.startswith("mo"):
        return round(value), 0, uncertain or value != int(value)
    if u.startswith("w"):
        return 0, round(value * 7), uncertain
    if u.startswith("d"):
        return 0, round(value), uncertain
    return None


def report_dated(text: str, lo: int, pos: int, rules: Rules) -> bool:
    """Whether the date at ``pos`` is a report's or result's (issue #10, i10q: the report's or
    result's word right before it, "reported 05/10/2026", from no earlier than ``lo``; rules/
    patterns.yaml report_word): that date is the report's, not the sample's
    (_timeline._sample_not_report)."""
    return rules.one("report_word").search(text, max(lo, pos - 25), pos) is not None
