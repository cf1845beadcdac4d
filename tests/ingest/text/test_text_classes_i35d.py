"""Failure classes of the opened set notes:heldout39 (issue #10, round 35, helper i35d): the dates
of facts. The month's name between slashes ("17/Nov/2026"), the month as a lower-case Roman
numeral with its year ("24.xi.2026"), the part of a month in a bracket after an ISO year and
month ("2026-09 (mid-September)": the 15th, as "mid-September 2026"), and two days of one month
joined by "and" before the month and its year ("22 and 23/11/2026"). Every vignette is our own;
expected dates are worked out by hand."""

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
        # the month's name between slashes, a four- or two-digit year
        ("reviewed on 05/Mar/2026 in clinic", date(2026, 3, 5)),
        ("Born: 21/Dec/1959, retired", date(1959, 12, 21)),
        ("CK repeated 9/Feb/26 and lower", date(2026, 2, 9)),
        ("rash since 14/Sept/2025, spreading", date(2025, 9, 14)),
        # the month as a lower-case Roman numeral, with its year
        ("Clinic: Thu 12.iii.2026", date(2026, 3, 12)),
        ("DOB: 7.ix.1971  Sex: F", date(1971, 9, 7)),
        ("biopsy 28.xii.2025 showed", date(2025, 12, 28)),
        ("from 1.iv.2025 on", date(2025, 4, 1)),
    ],
)
def test_a_date_of_a_new_style_is_read(words: str, day: date) -> None:
    assert [found for found, _ in _dates(words)] == [day]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("weak since 2025-10 (mid-October), worse", date(2025, 10, 15)),
        ("rash since 2025/07 (middle of July)", date(2025, 7, 15)),
        ("onset 2025-06 (end of June)", date(2025, 6, 30)),
        ("onset 2024-02 (end of the month)", date(2024, 2, 29)),
        ("onset 2025-06 (early June)", date(2025, 6, 1)),
    ],
)
def test_the_part_of_a_month_in_a_bracket_after_its_iso_month(words: str, day: date) -> None:
    assert _dates(words) == [(day, None)]


def test_a_bracket_naming_another_month_leaves_the_iso_month_alone() -> None:
    # "2025-10 (mid-November)" contradicts itself: the ISO month stays the 1st, and the bracket's
    # month is a date of its own
    found = [day for day, _ in _dates("weak since 2025-10 (mid-November)")]
    assert found[0] == date(2025, 10, 1)


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("infusions on 14 and 15/02/2026 given", date(2026, 2, 14), date(2026, 2, 15)),
        ("pulses 3 & 4.03.2026, then oral", date(2026, 3, 3), date(2026, 3, 4)),
        ("given 8 and\n9/01/26 as planned", date(2026, 1, 8), date(2026, 1, 9)),
    ],
)
def test_two_days_of_one_month_joined_by_and(words: str, first: date, last: date) -> None:
    assert _dates(words) == [(first, last)]


@pytest.mark.parametrize(
    ("words", "left"),
    [
        # a list's numbering or a grade in lower-case Roman numerals is no month
        ("see 1.i. above and 2.ii. below", []),
        ("criterion 3.ii.a met", []),
        ("grade ii rash, item 4.iv.2", []),
        # a path or a code around a slashed month's name
        ("file x12/Mar/2026 archived", []),
        ("folder 12/Mar/2026/scan kept", []),
        ("dose 5/Mar/26mg logged", []),
        # a fraction or a count before "and" is no day, and no date without its year
        ("ate 1 and 3/4 of the meal", []),
        ("power 4 and 3/5 at the hips", []),
        ("infusions 14 and 15/02 given", []),
        # the second day before the first: the second date alone
        ("days 23 and 22/11/2026 swapped", [(date(2026, 11, 22), None)]),
    ],
)
def test_a_numbering_a_code_or_a_fraction_is_no_date(
    words: str, left: list[tuple[date, date | None]]
) -> None:
    assert _dates(words) == left


def test_a_letter_dated_in_lower_case_roman_months_dates_its_facts() -> None:
    note = (
        "Clinic letter                                  Date: Wed 11.iii.2026\n"
        "Patient: Mr A. Example   DOB: 2.v.1964\n\n"
        "Dermatomyositis, diagnosed 9.i.2026. Weakness since November 2025.\n"
        "On examination today: heliotrope rash and Gottron's papules.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert case.patient.birth_date == date(1964, 5, 2)
    assert case.diagnosis_date == date(2026, 1, 9)
    assert {f.date for f in case.findings if f.code.value == "heliotrope_rash"} == {
        date(2026, 3, 11)
    }


def test_a_letter_with_slashed_month_names_dates_its_facts() -> None:
    note = (
        "Clinic date: 04/Mar/2026            Typed: 06/Mar/2026\n"
        "Patient: Ms B. Example              DOB: 15/Aug/1970\n\n"
        "Dermatomyositis diagnosed 20/Jan/2026. Gottron's papules on examination.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert case.patient.birth_date == date(1970, 8, 15)
    assert case.diagnosis_date == date(2026, 1, 20)
    assert {f.date for f in case.findings if f.code.value == "gottron_papules"} == {
        date(2026, 3, 4)
    }


def test_an_onset_in_a_bracketed_part_of_an_iso_month() -> None:
    note = (
        "Record date: 2026-03-02\n"
        "Dermatomyositis. Weakness since 2025-11 (mid-November), worse in December.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert case.onset_date == date(2025, 11, 15)


def test_two_days_of_a_named_month_joined_by_and_make_one_course() -> None:
    assert _dates("infliximab on 3 and 17 February 2026") == [(date(2026, 2, 3), date(2026, 2, 17))]
    note = (
        "Letter date: 20 March 2026\n\n"
        "Dermatomyositis. She had rituximab 1 g on 2 and 16 February 2026.\n"
    )
    (course,) = [t for t in extract_case(note, today=TODAY).case.treatments]
    assert (course.drug, course.start, course.stop) == (
        "rituximab",
        date(2026, 2, 2),
        date(2026, 2, 16),
    )


@pytest.mark.parametrize(
    "organ",
    [
        "with interstitial lung disease, which can scar the lungs",
        "with kidney involvement",
        "and liver disease",
    ],
)
def test_an_organ_of_the_myositis_does_not_hide_its_diagnosis(organ: str) -> None:
    note = (
        "Letter date: 20 March 2026\n\n"
        f"Mr Y has anti-PL-12 dermatomyositis {organ}. It started with weak thighs in "
        "December 2025 and was diagnosed on 12 January 2026.\n"
    )
    assert extract_case(note, today=TODAY).case.diagnosis_date == date(2026, 1, 12)


@pytest.mark.parametrize(
    "tumour",
    [
        "A lump in the left breast was diagnosed on 12 January 2026.",
        "A mass in the pancreas, diagnosed on 12 January 2026.",
    ],
)
def test_a_tumour_site_still_keeps_its_diagnosis_from_the_myositis(tumour: str) -> None:
    note = f"Letter date: 20 March 2026\n\nMr Y has anti-TIF1 dermatomyositis. {tumour}\n"
    assert extract_case(note, today=TODAY).case.diagnosis_date is None


@pytest.mark.parametrize(
    ("story", "onset"),
    [
        (
            'His weakness and rash started "in the spring" (May 2025, his wife says).',
            date(2025, 5, 1),
        ),
        ("The rash began over the summer (July 2025).", date(2025, 7, 1)),
        # a season with no complaint beside it leaves the onset to the complaint's own date
        ("He travelled in the summer (July 2025). Rash since October 2025.", date(2025, 10, 1)),
    ],
)
def test_a_season_with_its_month_in_a_bracket_dates_the_onset(story: str, onset: date) -> None:
    note = f"Visit date: 20 March 2026\n\nDermatomyositis. {story}\n"
    assert extract_case(note, today=TODAY).case.onset_date == onset


@pytest.mark.parametrize(
    ("story", "onset"),
    [
        (
            "She has dermatomyositis with lung disease. It began with a rash in October 2025 "
            "and was diagnosed on 9 January 2026. CT on 4 December 2025 showed ILD.",
            date(2025, 10, 1),
        ),
        (
            "Dermatomyositis. Her symptoms started with weak thighs around September 2025.",
            date(2025, 9, 1),
        ),
        # a treatment or a relative's illness that began with something is no onset
        (
            "Dermatomyositis. Treatment started with methotrexate in October 2025. "
            "Rash since December 2025.",
            date(2025, 12, 1),
        ),
        (
            "Dermatomyositis. His brother's illness began with a rash in June 2024. "
            "Weakness since December 2025.",
            date(2025, 12, 1),
        ),
    ],
)
def test_the_complaint_an_illness_began_with_dates_the_onset(story: str, onset: date) -> None:
    note = f"Visit date: 20 March 2026\n\n{story}\n"
    assert extract_case(note, today=TODAY).case.onset_date == onset


@pytest.mark.parametrize(
    ("wrapped", "diagnosed"),
    [
        ("Diagnosed\n19.02.2026 (Rheumatology, Leeds).", date(2026, 2, 19)),
        ("Diagnosed on\n19/02/2026 by Rheumatology.", date(2026, 2, 19)),
        # a full stop ends the diagnosis's sentence: the next line's date is a result's
        ("Diagnosed.\n19/02/2026 CK 4000 U/L.", None),
    ],
)
def test_a_diagnosis_dated_on_the_next_line(wrapped: str, diagnosed: date | None) -> None:
    note = (
        "Exam date: 13 March 2026\n\n"
        f"Dermatomyositis. First symptoms January 2026: rash and weak arms. {wrapped}\n"
    )
    assert extract_case(note, today=TODAY).case.diagnosis_date == diagnosed


@pytest.mark.parametrize(
    ("words", "day"),
    [
        # a month in capitals alone after "in" or "during": the 1st, last year when after the
        # note's month
        ("myalgia worse in FEB, better now", date(2026, 2, 1)),
        ("rash during AUG on holiday", date(2025, 8, 1)),
    ],
)
def test_a_capitalised_month_alone_after_in(words: str, day: date) -> None:
    assert _dates(words) == [(day, None)]


@pytest.mark.parametrize(
    "words",
    [
        "seen in MAYO clinic",  # a word in capitals
        "in Jul it was",  # a capitalised word, not the records' capitals
        "in JUNE",  # the month in full capitals is a heading's word here
    ],
)
def test_no_month_alone_from_other_capitals(words: str) -> None:
    assert _dates(words) == []


@pytest.mark.parametrize(
    ("story", "onset"),
    [
        (
            "Onset of rash (face, hands) approx mid-DEC25 on exercise. Myalgia marked in JAN.",
            date(2025, 12, 15),
        ),
        ("Onset of weakness about early December 2025 at work.", date(2025, 12, 1)),
        ("Onset of weakness in mid December 2025.", date(2025, 12, 15)),
    ],
)
def test_the_onset_of_a_complaint_at_an_approximate_month(story: str, onset: date) -> None:
    note = f"Visit: 20 March 2026\n\nDermatomyositis. {story}\n"
    case = extract_case(note, today=TODAY).case
    assert case.onset_date == onset


def test_a_cannula_removed_after_its_site_is_no_resection() -> None:
    note = (
        "Visit date: 20 March 2026\n\n"
        "Dermatomyositis. Melanoma excised 03.2019. IVIG day 2 given. "
        "Cannula L forearm, removed intact.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert [t.resected_date for t in case.tumours] == [date(2019, 3, 1)]
    assert [e for e in case.events if e.kind.value == "surgery"] == []


def test_a_tumour_removed_after_a_cannula_clause_is_still_a_resection() -> None:
    note = (
        "Visit date: 20 March 2026\n\n"
        "Dermatomyositis with breast cancer. Cannula inserted, tumour removed today.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert [t.resected_date for t in case.tumours] == [date(2026, 3, 20)]
