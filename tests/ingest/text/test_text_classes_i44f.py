"""Issue #10, twenty-first session (branch i44f): classes of wording that put a finding or a date
on the wrong day. Each is checked on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _index_date(text: str) -> date | None:
    return extract_case(text, today=TODAY).index_date


# Class 1: the note's date in a visit's own field whose label names the visit, not "date"
# ("Attendance:", "Visit:", "Consultation:"), and a "Date:" field further along a line of fields
# or after a bilingual label's slash. Before, the note took a later report's or an earlier
# clinic's date, and every finding of the examination went on that day.
@pytest.mark.parametrize(
    ("header", "seen"),
    [
        ("Attendance: Tue 03/11/2026 09:15-12:30        Referred by: GP", date(2026, 11, 3)),
        ("Visit: Wed 4th Nov 2026, 14:00-15:20, at the patient's home", date(2026, 11, 4)),
        ("Consultation: 05-XI-2026 (by video, 40 min); letter typed 09-XI-2026", date(2026, 11, 5)),
    ],
)
def test_a_visit_field_dates_the_note(header: str, seen: date) -> None:
    text = (
        f"{header}\n"
        "Woman, 52. Seen in the rheumatology clinic on 20 October 2026 (letter of 20/10/2026).\n"
        "Examination today: heliotrope rash; shoulder abduction 4/5 both sides.\n"
        "Antibody panel reported 16/11/2026.\n"
    )
    assert _index_date(text) == seen
    findings = extract_case(text, today=TODAY).case.findings
    heliotrope = [f for f in findings if f.code.value == "heliotrope_rash"]
    assert [f.date for f in heliotrope] == [seen]


@pytest.mark.parametrize(
    ("header", "seen"),
    [
        ("Requested by: Dr L. Farrow, dermatology        Date: 06/11/2026", date(2026, 11, 6)),
        ("Tarikh / Date: 07.11.2026             Ward: 5B", date(2026, 11, 7)),
    ],
)
def test_a_date_field_along_a_line_dates_the_note(header: str, seen: date) -> None:
    # no visit field: before, the note's first date (the rash's start) was taken for the visit
    text = f"{header}\nWoman, 52. Eyelid rash since 02/09/2026. Today: heliotrope rash.\n"
    assert _index_date(text) == seen


@pytest.mark.parametrize(
    "header",
    [
        "Last visit: 02/09/2026",  # an earlier visit, not this one
        "Previous consultation: 02/09/2026",
        "Discharge date: 02/09/2026",  # a label's word before "date" keeps its own meaning
        "                                        Date: 02/09/2026",  # a letter's, typed later
    ],
)
def test_an_earlier_visit_or_other_date_is_not_the_note(header: str) -> None:
    text = f"{header}\nClinic date: 12/11/2026\nWoman, 52. Heliotrope rash.\n"
    assert _index_date(text) == date(2026, 11, 12)
