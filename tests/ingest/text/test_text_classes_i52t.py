"""Issue #10, twenty-seventh session (branch i52t): classes of wording in the treatments of the
notes. Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _courses(text: str) -> list[tuple[str, date, date | None, str | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((t.drug, t.start, t.stop, t.dose) for t in case.treatments)


# --- a drug started again after a stop the note states is a second course (_assemble
# _course_starts): its own start, dose and stop


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weaned off, then restarted at the visit ("today" is the visit's date)
        (
            "Prednisolone 30 mg daily from 03/2025, weaned off by 01/2026.\n"
            "Plan: prednisolone 15 mg daily restarted today.",
            [
                ("prednisolone", date(2025, 3, 1), date(2026, 1, 1), "30 mg daily"),
                ("prednisolone", date(2026, 11, 20), None, "15 mg daily"),
            ],
        ),
        # a pulse over a range of days, then the same drug by mouth from the next day
        (
            "Methylprednisolone 500 mg IV daily (10/11/2026 - 12/11/2026), then "
            "methylprednisolone 40 mg daily orally.",
            [
                ("methylprednisolone", date(2026, 11, 10), date(2026, 11, 12), "500 mg daily"),
                ("methylprednisolone", date(2026, 11, 13), None, "40 mg daily"),
            ],
        ),
        # stopped on a date, started again on a later one
        (
            "Azathioprine 100 mg daily started 02/2024 and stopped 09/2024 (nausea). "
            "Azathioprine 50 mg daily started again on 14/10/2026.",
            [
                ("azathioprine", date(2024, 2, 1), date(2024, 9, 1), "100 mg daily"),
                ("azathioprine", date(2026, 10, 14), None, "50 mg daily"),
            ],
        ),
    ],
)
def test_a_drug_started_again_after_its_stop_is_a_second_course(
    text: str, expected: list[tuple[str, date, date | None, str | None]]
) -> None:
    assert _courses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dose changed with no stop between goes on with the first course; the restart after
        # its stop opens the second
        (
            "Prednisolone 40 mg daily started 05/2025; reduced to 20 mg daily from 09/2025; "
            "stopped 12/2025. Prednisolone 10 mg daily restarted on 10/11/2026.",
            [
                ("prednisolone", date(2025, 5, 1), date(2025, 12, 1), "40 mg daily"),
                ("prednisolone", date(2026, 11, 10), None, "10 mg daily"),
            ],
        ),
        # the drug named again at a later date with no start word of its own opens no course
        (
            "Hydroxychloroquine 200 mg daily from 01/2024, stopped 06/2024.\n"
            "03/2025: still off hydroxychloroquine.\n"
            "Hydroxychloroquine 200 mg twice daily started 12/11/2026.",
            [
                ("hydroxychloroquine", date(2024, 1, 1), date(2024, 6, 1), "200 mg daily"),
                ("hydroxychloroquine", date(2026, 11, 12), None, "200 mg twice daily"),
            ],
        ),
    ],
)
def test_a_later_mention_with_no_stop_before_it_is_the_same_course(
    text: str, expected: list[tuple[str, date, date | None, str | None]]
) -> None:
    assert _courses(text) == expected


# --- a year alone that opens a range closed by a later date, with no "from" before it
# (rules/patterns.yaml dates, after the year in brackets): the course's first and last day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Past drugs: azathioprine 100 mg daily 2018 to 06/2021, stopped (cytopenia).",
            [("azathioprine", date(2018, 1, 1), date(2021, 6, 1), "100 mg daily")],
        ),
        (
            "Previous: methotrexate 15 mg weekly 2017-2020, stopped for raised transaminases.",
            [("methotrexate", date(2017, 1, 1), date(2020, 1, 1), "15 mg weekly")],
        ),
        (
            "Hydroxychloroquine 200 mg daily - 2016 – 03/2019, stopped by ophthalmology.",
            [("hydroxychloroquine", date(2016, 1, 1), date(2019, 3, 1), "200 mg daily")],
        ),
    ],
)
def test_a_year_alone_opens_a_course_closed_by_a_later_date(
    text: str, expected: list[tuple[str, date, date | None, str | None]]
) -> None:
    assert _courses(text) == expected


# --- a "since" written after its date (Finnish "alkaen", _timeline._local_scope) dates the
# whole clause before it, back to its comma: a drug's long name and its dose included

FINNISH_LEAD = "Epikriisi 12.11.2026. Dermatomyosiitti. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hoito: Metotreksaatti 15 mg x 1 viikossa s.c. 2.10.2026 alkaen.",
            [("methotrexate", date(2026, 10, 2))],
        ),
        (
            "Lääkitys: Mykofenolaattimofetiili 500 mg x 2 p.o. 1.10.2026 alkaen.",
            [("mycophenolate mofetil", date(2026, 10, 1))],
        ),
    ],
)
def test_a_since_after_its_date_dates_a_long_drug_clause(
    text: str, expected: list[tuple[str, date]]
) -> None:
    case = extract_case(FINNISH_LEAD + text, today=TODAY).case
    assert [(t.drug, t.start) for t in case.treatments] == expected
