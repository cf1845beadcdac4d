"""issue #10 (i41t): find_dates keeps each span's dates while one note is read (note_results).

The memo changes no reading (benchmarks/same_output.py is the guard over every opened text);
these tests pin what it adds: the same dates inside and outside a note's reading, by span and
style, and a list of its own for each caller (a reader may change the list it was given).
"""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text._rules import note_memo, note_results, rules
from myositis_cds.ingest.text._time import DateStyle, find_dates

# invented: a dated heading, a numeric date either way round, a spelled date without a year
_TEXT = "Bloods 04/03/2026: CK 310 U/L. Reviewed again on 9 March; next visit 12/05/2026."
_MONTH_FIRST = DateStyle(month_first=True, order_known=True, note_date=date(2026, 3, 20))
_DAY_FIRST = DateStyle(month_first=False, order_known=True, note_date=date(2026, 3, 20))


def _days(style: DateStyle, start: int = 0, end: int | None = None) -> list[date]:
    return [d.day for d in find_dates(_TEXT, rules(), start, end, style)]


def test_outside_a_note_nothing_is_kept() -> None:
    assert note_results() is None
    assert _days(_DAY_FIRST) == [date(2026, 3, 4), date(2026, 3, 9), date(2026, 5, 12)]


def test_the_same_dates_inside_a_note_by_span_and_style() -> None:
    heading_end = _TEXT.index(":")
    with note_memo():
        assert _days(_DAY_FIRST) == [date(2026, 3, 4), date(2026, 3, 9), date(2026, 5, 12)]
        # the style is part of the key: month first, 04/03 is the 3rd of April
        assert _days(_MONTH_FIRST) == [date(2026, 4, 3), date(2026, 3, 9), date(2026, 12, 5)]
        # a span asked for twice gives the same dates; another span its own
        assert _days(_DAY_FIRST, 0, heading_end) == [date(2026, 3, 4)]
        assert _days(_DAY_FIRST, 0, heading_end) == [date(2026, 3, 4)]
        assert _days(_DAY_FIRST, heading_end) == [date(2026, 3, 9), date(2026, 5, 12)]
    assert note_results() is None  # nothing outlives the note's reading


def test_each_caller_gets_a_list_of_its_own() -> None:
    with note_memo():
        first = find_dates(_TEXT, rules(), style=_DAY_FIRST)
        first.clear()  # a reader that changes its list
        again = find_dates(_TEXT, rules(), style=_DAY_FIRST)
    assert [d.day for d in again] == [date(2026, 3, 4), date(2026, 3, 9), date(2026, 5, 12)]
