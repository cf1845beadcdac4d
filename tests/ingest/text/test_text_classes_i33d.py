"""Failure classes of the opened set notes:heldout37 (issue #10, round 33, helper i33d): the date
formats of UK record systems, forms and letters: the compact military date ("04MAR61",
"JUN25"), a two-digit year after an apostrophe ("3rd Dec '25"), a spreadsheet's month-year
("Mar-25"), an ISO year and month ("2023-07", "2025/02"), the day as an ordinal word ("the
ninth of May 2025") and a week-commencing date with the
weekday seen ("w/c 2 March 2026 (seen Thursday)"). Every vignette is our own; expected dates are
worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def _dates(text: str) -> list[tuple[date, date | None]]:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import DateStyle, find_dates

    style = DateStyle(note_date=date(2026, 3, 20), today=TODAY)
    return [(d.day, d.until) for d in find_dates(text, rules(), style=style)]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        # the compact military date, and its month-year in capitals
        ("Born 04MAR61, seen by the CNS", date(1961, 3, 4)),
        ("blot 7Jan26 positive", date(2026, 1, 7)),
        ("CT 19FEB2026 showed", date(2026, 2, 19)),
        ("Rash since JUN25 on the hands", date(2025, 6, 1)),
        # a two-digit year after an apostrophe
        ("clinic on 3rd Dec '25 with", date(2025, 12, 3)),
        ("weak from late Sept ’25", date(2025, 9, 1)),
        # a spreadsheet's month-year
        ("FVC (Mar-25) 2.1 L", date(2025, 3, 1)),
        # an ISO year and month, and the year-first month with a slash
        ("rash from 2023-07 onwards", date(2023, 7, 1)),
        ("weakness since 2025/02 (February)", date(2025, 2, 1)),
        # the day as an ordinal word
        ("diagnosed on the ninth of May 2025 by", date(2025, 5, 9)),
        ("seen on the thirty-first of January", date(2026, 1, 31)),
        ("admitted the twenty second of February 2026", date(2026, 2, 22)),
        # a week-commencing date: the Monday, or the weekday the bracket names
        ("clinic w/c 2 March 2026 (seen Thursday)", date(2026, 3, 5)),
        ("review week commencing 9 March 2026", date(2026, 3, 9)),
    ],
)
def test_a_uk_record_date_is_read(words: str, day: date) -> None:
    assert [found for found, _ in _dates(words)] == [day]


def test_a_range_of_ordinal_words_or_with_an_apostrophe_year_keeps_its_last_day() -> None:
    assert _dates("IVIG on the second to the sixth of March 2026") == [
        (date(2026, 3, 2), date(2026, 3, 6))
    ]
    assert _dates("IVIG 27th Feb to 3rd Mar '26 given") == [(date(2026, 2, 27), date(2026, 3, 3))]


@pytest.mark.parametrize(
    "words",
    [
        "batch K9MAR26 given",  # a lot number holding a month and digits
        "code MAR26X in the log",
        "sample ID AB-JUN25",
        "seasons 2019-20 and 2011-12 compared",  # a span of two years, not a month
        "appointments (seen monthly) since",
    ],
)
def test_a_code_or_a_span_of_years_is_no_date(words: str) -> None:
    assert _dates(words) == []


def test_an_ordinal_that_is_no_day_leaves_the_month_alone() -> None:
    assert _dates("the thirty-ninth of May 2026") == [(date(2026, 5, 1), None)]


def test_a_military_dated_record_gives_the_birth_onset_and_diagnosis() -> None:
    note = (
        "Clinic record 11MAR26\nDOB: 22SEP58   Sex: F\n"
        "Onset JAN26: heliotrope rash, then weakness of the thighs.\n"
        "Dermatomyositis, dx 16FEB26 in rheumatology clinic.\n"
        "Heliotrope rash; Gottron's papules. Power 4/5 hip flexors."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.index_date == date(2026, 3, 11)
    assert result.case.patient.birth_date == date(1958, 9, 22)
    assert result.case.onset_date == date(2026, 1, 1)
    assert result.case.diagnosis_date == date(2026, 2, 16)


def test_a_letter_in_words_dates_its_diagnosis_and_onset() -> None:
    note = (
        "Date of assessment: Thursday the twelfth of March 2026\n"
        "Dermatomyositis diagnosed on the second of March 2026, after a heliotrope rash from the "
        "fifth of January 2026 and weakness of the shoulders from February."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.index_date == date(2026, 3, 12)
    assert result.case.onset_date == date(2026, 1, 5)
    assert result.case.diagnosis_date == date(2026, 3, 2)


def test_a_month_without_its_day_is_never_taken_for_the_visit() -> None:
    # no dated heading: the note's first date stands for the visit, but a month alone is none
    note = (
        "Admitted 14/10 with weakness of the thighs and a heliotrope rash.\n"
        "Problems: dermatomyositis with anti-Jo-1 - onset 2026-05."
    )
    result = extract_case(note, anchor=date(2026, 10, 20), today=TODAY)
    assert result.index_date == date(2026, 10, 20)
    assert result.case.onset_date == date(2026, 5, 1)


def test_a_dated_diagnosis_under_the_myositis_heading_dates_the_diagnosis() -> None:
    note = (
        "Nurse record 03MAR26\n"
        "POLYMYOSITIS (rheumatology letter)\n"
        "Onset NOV25: weak thighs on stairs. Dx 09JAN26. CK 4,100 U/L (ref 40-320)."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.case.diagnosis_date == date(2026, 1, 9)


def test_a_dated_diagnosis_of_a_tumour_is_not_the_myositis() -> None:
    note = (
        "Nurse record 03MAR26\n"
        "DERMATOMYOSITIS since January, on prednisolone.\n"
        "Past history: dx 04FEB19 with ductal carcinoma of the breast, treated."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.case.diagnosis_date is None


def test_a_rash_over_the_knuckles_in_an_onset_month_is_gottron_sign_beside_papules() -> None:
    # The gold convention of 3 Dec 2026 (notes 393, 396; 343 and 424 aligned on 5 Dec 2026): a
    # rash over the knuckles in the onset's story is Gottron's sign, dated by that story (March
    # 2026, three months before the examined papules), beside the papules of the visit.
    note = (
        "Clinic record 10JUN26\n"
        "Onset MAR26: rash over the knuckles and eyelids, then weak hips.\n"
        "Exam 10JUN26: Gottron's papules +; heliotrope +. Power 4/5 hip flexors."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    dated = {(f.code, f.date) for f in result.case.findings if f.present}
    assert ("gottron_papules", date(2026, 6, 10)) in dated
    assert ("gottron_sign", date(2026, 3, 1)) in dated


def test_a_knuckle_rash_dated_in_the_visit_month_stays_the_papules_only() -> None:
    # the same story one month before is not the presentation's own sign (under 31 days)
    note = (
        "Clinic record 10JUN26\n"
        "Onset JUN26: rash over the knuckles and eyelids, then weak hips.\n"
        "Exam 10JUN26: Gottron's papules +; heliotrope +. Power 4/5 hip flexors."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    codes = {f.code for f in result.case.findings if f.present}
    assert "gottron_papules" in codes
    assert "gottron_sign" not in codes
