"""Issue #10, twenty-first session: the days a weight-based course is given over, written right
after its amount or its period, are part of the dose as written (tests/data/notes/README.md,
gold decision of 5 Dec 2026; rules/patterns.yaml fragment DOSE_COURSE). Each expectation is
worked out by hand from that convention on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "A 58-year-old man with dermatomyositis. "


def _doses(text: str) -> dict[str, str | None]:
    case = extract_case(LEAD + text, anchor=TODAY, today=TODAY).case
    return {t.drug: t.dose for t in case.treatments}


@pytest.mark.parametrize(
    ("sentence", "dose"),
    [
        ("IVIG 2 g/kg over 5 days was begun on 03/10/2026.", "2 g/kg over 5 days"),
        ("IVIG 2 g/kg over five days from 03/10/2026.", "2 g/kg over five days"),
        ("IVIG 2 g/kg in 5 days from 03/10/2026.", "2 g/kg in 5 days"),
        ("IVIG 2 g/kg split over 2 days from 03/10/2026.", "2 g/kg split over 2 days"),
        # the period before the course, and how often after it, as written
        ("IVIG 0.4 g/kg/day x 5 days from 03/10/2026.", "0.4 g/kg/day x 5 days"),
        ("IVIG 2 g/kg total over 5 days from 03/10/2026.", "2 g/kg total over 5 days"),
        (
            "IVIG 2 g/kg divided over 2 days every 4 weeks from 03/10/2026.",
            "2 g/kg divided over 2 days every 4 weeks",
        ),
        ("IVIG 2 g/kg over 2 days monthly from 03/10/2026.", "2 g/kg over 2 days monthly"),
        # a form's column wrapped inside the course reads as one line
        ("IVIG 2 g/kg over\n      5 days from 03/10/2026.", "2 g/kg over 5 days"),
    ],
)
def test_a_weight_based_course_keeps_its_days(sentence: str, dose: str) -> None:
    assert _doses(sentence) == {"intravenous immunoglobulin": dose}


def test_an_absolute_amount_keeps_its_days_apart() -> None:
    # a pulse's "for 3 days" after how often is its length, told apart from the dose; and an
    # absolute amount over days is not a weight-based course either
    assert _doses("Methylprednisolone 1 g daily for 3 days from 03/10/2026.") == {
        "methylprednisolone": "1 g daily"
    }
    assert _doses("IVIG 140 g over 5 days from 03/10/2026.") == {
        "intravenous immunoglobulin": "140 g"
    }


def test_days_that_are_not_the_course_stay_out() -> None:
    # "5 days ago" is when, not over how long; "over the next days" names no count
    assert _doses("IVIG 2 g/kg 5 days ago on 22/11/2026.") == {
        "intravenous immunoglobulin": "2 g/kg"
    }
    assert _doses("IVIG 2 g/kg over the next days from 03/10/2026.") == {
        "intravenous immunoglobulin": "2 g/kg"
    }
