"""Issue #10, twenty-third session (branch i48e): classes of wording in the events and the dates
of the notes. Each expectation is worked out by hand on sentences written for this test (no text
from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _events(text: str) -> list[tuple[str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((e.kind.value, e.date) for e in case.events)


def _labs(text: str) -> list[tuple[str, float | None, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((lab.code.value, lab.value, lab.date) for lab in case.labs)


# --- a year-first date with the month's name (rules/patterns.yaml time.dates, LABGAP)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("CK 2026-Nov-10: 1,240 U/L (ref 40-320).", date(2026, 11, 10)),
        ("CK 2026/Oct/03: 1,240 U/L (ref 40-320).", date(2026, 10, 3)),
        ("CK on 2026-Sep-7 was 1,240 U/L.", date(2026, 9, 7)),
    ],
)
def test_year_first_date_with_the_month_name_dates_a_result(line: str, day: date) -> None:
    # the year is the date's, never the result's value
    assert _labs(line) == [("ck", 1240.0, day)]


def test_a_code_with_a_year_and_a_month_name_is_no_date() -> None:
    # guard: inside a longer code the same shape is no date; the result keeps the note's date
    assert _labs("Sample X2026-Nov-05-B: CK 1,240 U/L.") == [("ck", 1240.0, date(2026, 11, 20))]


# --- one sign or symptom resolved is that item's course, not a remission (event_not_done)


@pytest.mark.parametrize(
    "line",
    [
        "Jaundice resolved.",
        "Calf pain resolved after a week of rest.",
        "Skin: faint residual knuckle papules; eyelid rash resolved.",
        "Eyelid rash: resolved.",
        "Chest CT 02/03/2026 showed ground glass; repeat 10/10/2026 resolved, no fibrosis.",
        "Review on 12/11/2026: the V-sign has now resolved; hips 4/5.",
    ],
)
def test_one_item_resolved_is_no_remission(line: str) -> None:
    assert not [k for k, _ in _events(line) if k == "remission"], line


@pytest.mark.parametrize(
    "line",
    [
        # the features together, and the disease itself (guards)
        "Today his eyelid rash and knuckle papules have resolved.",
        "His myositis has resolved.",
        "All symptoms resolved.",
    ],
)
def test_the_disease_or_its_features_together_resolved_is_a_remission(line: str) -> None:
    assert ("remission", date(2026, 11, 20)) in _events(line), line
