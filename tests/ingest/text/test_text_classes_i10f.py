"""Failure classes fixed in the sixth issue #10 session (development sets heldout_f and
heldout9, see tests/data/reports/FIRST_RUN_F.md, and the defects left by the fifth session's
closing note). Each class is a general rule tried in our own wording, with sentences that must
not match; the expected facts are read off the words by hand."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import TODAY, read
from tests.ingest.text.helpers import antibody_results as antibodies


# ------------------------------------------------------------------ a form's "Patient:" label
@pytest.mark.parametrize(
    ("line", "sex"),
    [
        ("Patient: male, 36 years", "male"),
        ("Pt: female, age 63", "female"),
        ("Patient: F      Age on admission: 47", "female"),
        ("PATIENT: M    Age: 70", "male"),
    ],
)
def test_a_patient_label_followed_by_the_sex_gives_the_sex(line: str, sex: str) -> None:
    assert read(line + "\nHeliotrope rash.").case.patient.sex.value == sex


@pytest.mark.parametrize(
    "line",
    [
        "Patient: malaise and myalgia, age 63",  # a word that starts like 'male'
        "Patient: Martin, age 63",  # a name, not the sex
        "Patient feels mostly fine, age 63",  # no label
    ],
)
def test_a_patient_label_without_a_sex_word_gives_no_sex(line: str) -> None:
    assert read(line + "\nHeliotrope rash.").case.patient.sex.value == "unknown"


# ------------------------------------------------------------------ an addendum with its date
_REPORT = (
    "Muscle MRI report\nDate of scan: 02/03/2026\nPatient: female, 50 years\n\n"
    "CONCLUSION: oedema of both vastus lateralis muscles, in keeping with myositis.\n\n"
)


def test_an_addendum_after_a_conclusion_is_read_and_dated_by_its_own_date() -> None:
    note = _REPORT + "Addendum 09/03/2026: anti-Mi-2 strongly positive; Jo-1 and MDA5 negative.\n"
    case = read(note).case
    assert {a.code.value: a.result.value for a in case.antibodies} == {
        "MI2": "positive",
        "JO1": "negative",
        "MDA5": "negative",
    }
    assert {a.date for a in case.antibodies} == {date(2026, 3, 9)}


def test_an_addendum_title_on_its_own_line_opens_a_patient_section() -> None:
    note = _REPORT + "ADDENDUM\nanti-PL-12 positive.\n"
    assert antibodies(note) == {"PL12": "positive"}


def test_a_case_reports_conclusion_stays_general() -> None:
    # the sections rule this class leaves alone: a conclusion is no addendum
    note = (
        "A 50-year-old woman with heliotrope rash.\n\nConclusion: anti-Mi-2 is positive in many "
        "patients with classic dermatomyositis.\n"
    )
    assert "MI2" not in antibodies(note)


# ------------------------------------------------------------------ "since N years" onsets
def test_raynaud_since_two_years_dates_the_onset() -> None:
    case = read("Woman, 41. Raynaud's phenomenon since 2 years. Gottron's papules.").case
    assert case.onset_date == date(2024, 11, 27)  # TODAY minus two years


def test_since_n_years_without_a_symptom_is_no_onset() -> None:
    case = read("Woman, 41. Working as a night nurse since 2 years. Gottron's papules.").case
    assert case.onset_date != date(TODAY.year - 2, TODAY.month, TODAY.day)
