"""Issue #10, twenty-fourth session (branch i49t): classes of wording in the treatments' courses.
Each expectation is worked out by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _courses(text: str) -> dict[str, tuple[date, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {t.drug: (t.start, t.stop) for t in case.treatments}


# --- a course's days written month first, the month named once (rules/patterns.yaml dates:
# "from May 14 to 16", "(August 12 to 14)", "Oct 30 - Nov 1, 2025"): the course stops on its last
# day (tests/data/notes/README.md)


@pytest.mark.parametrize(
    ("sentence", "drug", "start", "stop"),
    [
        (
            "She was given IV methylprednisolone 1 g daily from March 3 to 5, then oral"
            " prednisolone 60 mg daily.",
            "methylprednisolone",
            date(2026, 3, 3),
            date(2026, 3, 5),
        ),
        (
            "Immunoglobulin 0.4 g/kg/day was infused (June 8 to 12).",
            "intravenous immunoglobulin",
            date(2026, 6, 8),
            date(2026, 6, 12),
        ),
        (
            "IV methylprednisolone 500 mg daily, Oct 30 - Nov 1, 2025.",
            "methylprednisolone",
            date(2025, 10, 30),
            date(2025, 11, 1),
        ),
        (
            "Methylprednisolone pulses were given September 2nd through 4th.",
            "methylprednisolone",
            date(2026, 9, 2),
            date(2026, 9, 4),
        ),
    ],
)
def test_a_month_first_course_stops_on_its_last_day(
    sentence: str, drug: str, start: date, stop: date
) -> None:
    assert _courses(sentence)[drug] == (start, stop)


def test_a_month_first_day_before_a_dose_is_no_course() -> None:
    # "March 10 to 5 mg": the number after "to" is the new dose, not the course's last day
    got = _courses(
        "IV methylprednisolone 1 g daily from March 3 to 5. Prednisolone started on March 6 at"
        " 20 mg, then from March 10 to 5 mg daily."
    )
    assert got["methylprednisolone"] == (date(2026, 3, 3), date(2026, 3, 5))
    assert got["prednisolone"] == (date(2026, 3, 6), None)


# --- a course's last date that a wrapped line put on the next line, after the "to" or the dash
# that ends the first date's line (facts/treatments.py _with_wrapped_last)


@pytest.mark.parametrize(
    "sentence",
    [
        "Intravenous immunoglobulin 2 g/kg given 03/10/2026 to\n07/10/2026, tolerated well.",
        "IVIG 2 g/kg from 03/10/2026 -\n07/10/2026 (course completed).",
    ],
)
def test_a_course_wrapped_after_its_to_stops_on_the_next_lines_date(sentence: str) -> None:
    assert _courses(sentence)["intravenous immunoglobulin"] == (
        date(2026, 10, 3),
        date(2026, 10, 7),
    )


def test_a_wrapped_line_that_opens_with_words_ends_no_course() -> None:
    got = _courses(
        "IVIG 2 g/kg given 03/10/2026 to\n07/10/2026. Rituximab 1 g given 09/10/2026 to\n"
        "review in clinic on 23/10/2026."
    )
    assert got["intravenous immunoglobulin"] == (date(2026, 10, 3), date(2026, 10, 7))
    assert got["rituximab"] == (date(2026, 10, 9), None)


# --- a course of two doses on two dates joined by "and", at most a fortnight apart (rituximab's
# days 1 and 15): its first and last dose (facts/treatments.py _AND_JOIN, _SHORT_RANGE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rituximab 1 g IV on 04/03/2026 and 18/03/2026.",
        "She had rituximab 1 g x2 (04/03 and 18/03/2026) without reaction.",
        "Rituximab 1 g was infused on 2026 Mar 04 and 2026 Mar 18.",
    ],
)
def test_two_doses_joined_by_and_are_one_course(sentence: str) -> None:
    assert _courses(sentence)["rituximab"] == (date(2026, 3, 4), date(2026, 3, 18))


def test_two_monthly_infusions_joined_by_and_are_no_stopped_course() -> None:
    got = _courses(
        "Rituximab 1 g on 04/03/2026 and 18/03/2026. IVIG 2 g/kg on 02/06/2026 and 30/06/2026."
    )
    assert got["rituximab"] == (date(2026, 3, 4), date(2026, 3, 18))
    assert got["intravenous immunoglobulin"] == (date(2026, 6, 2), None)


@pytest.mark.parametrize(
    ("sentence", "stop"),
    [
        # _TWO_DOSES_APART at its exact value: 16 days apart is one course, 17 is not; both
        # the dated form (_AND_JOIN) and the short range (_SHORT_RANGE's two_doses)
        ("Rituximab 1 g on 04/03/2026 and 20/03/2026.", date(2026, 3, 20)),
        ("Rituximab 1 g on 04/03/2026 and 21/03/2026.", None),
        ("Rituximab 1 g x2 (04/03 and 20/03/2026).", date(2026, 3, 20)),
        ("Rituximab 1 g x2 (04/03 and 21/03/2026).", None),
    ],
)
def test_two_doses_apart_at_the_boundary(sentence: str, stop: date | None) -> None:
    # the stop only: past the bound the short form's "04/03" has no year of its own, so the
    # start falls back to the note's date (a limitation of the short range, left as it was)
    assert _courses(sentence)["rituximab"][1] == stop


# --- a first course that its own clause says is repeated has not stopped on its last day
# (rules/patterns.yaml treatment_course_repeated): the treatment goes on


@pytest.mark.parametrize(
    "sentence",
    [
        "Immunoglobulin 2 g/kg over 5 days, 12-16 October 2026, then monthly.",
        "IVIG 2 g/kg over 5 days 12/10/2026 to 16/10/2026 (first course; repeat every 4 weeks).",
        "He had IVIG 2 g/kg over 5 days from 12/10/2026, to continue monthly.",
    ],
)
def test_a_repeated_course_has_no_stop(sentence: str) -> None:
    assert _courses(sentence)["intravenous immunoglobulin"] == (date(2026, 10, 12), None)


def test_a_single_course_and_a_stopped_repeated_one_keep_their_stops() -> None:
    got = _courses(
        "Methylprednisolone 1 g daily 05/10/2026 to 07/10/2026. IVIG 2 g/kg over 5 days from"
        " 12/10/2026, then monthly. Rituximab 1 g every 6 months from 01/04/2025, stopped"
        " 20/10/2026."
    )
    assert got["methylprednisolone"] == (date(2026, 10, 5), date(2026, 10, 7))
    assert got["intravenous immunoglobulin"] == (date(2026, 10, 12), None)
    assert got["rituximab"][1] == date(2026, 10, 20)
