"""Vignettes for the diagnosis and the onset. Expected dates are read off each note by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


@pytest.mark.parametrize(
    ("note", "day"),
    [
        ("Seen: 2 Mar 2025\n\n63F. Dx: DM (TIF1-γ +ve), diagnosed Nov 2024.", date(2024, 11, 1)),
        (
            "Date: 14 Oct 2025\n\nA 44-year-old with amyopathic dermatomyositis, diagnosed in "
            "2024 on the basis of a typical rash.",
            date(2024, 1, 1),
        ),
        (
            "Admitted: 14/01/2025\n\n71-year-old man.\n1. Dermatomyositis, anti-NXP2 positive - "
            "new diagnosis this admission",
            date(2025, 1, 14),
        ),
        (
            "Clinic date: 03/02/2026\n\n69-year-old man.\n1. Dermatomyositis (onset Sept 2021, "
            "diagnosed 2 Nov 2021)",
            date(2021, 11, 2),
        ),
    ],
)
def test_the_diagnosis_date_in_its_usual_phrasings(note: str, day: date) -> None:
    assert extract_case(note, today=TODAY).case.diagnosis_date == day


def test_a_cancer_diagnosed_is_not_the_myositis_diagnosed() -> None:
    note = "Date: 3 March 2025\n\n60-year-old woman with DM. Breast cancer diagnosed in 2019."
    assert extract_case(note, today=TODAY).case.diagnosis_date is None


def test_an_onset_stated_as_a_date() -> None:
    note = "Clinic date: 03/02/2026\n\n69-year-old man.\n1. Dermatomyositis (onset Sept 2021)"
    assert extract_case(note, today=TODAY).case.onset_date == date(2021, 9, 1)


def test_the_onset_is_the_first_symptom_the_story_dates() -> None:
    note = (
        "In March 2022 a retired nurse aged 67 noticed difficulty lifting her arms. When first "
        "seen on 19 April 2022 she had a heliotrope rash."
    )
    assert extract_case(note, today=TODAY).case.onset_date == date(2022, 3, 1)


def test_a_new_symptom_years_after_the_diagnosis_does_not_date_the_onset() -> None:
    # Diagnosed March 2023; lumps for two months before November 2024 are calcinosis, not onset.
    note = (
        "Clinic date: 21.11.2024\n\n11-year-old girl with juvenile dermatomyositis, diagnosed "
        "03/2023. Over the last two months she has had painful lumps at both elbows."
    )
    case = extract_case(note, today=TODAY).case
    assert (case.diagnosis_date, case.onset_date) == (date(2023, 3, 1), None)


def test_an_improvement_after_a_named_operation_is_dated_from_it() -> None:
    note = (
        "Date of clinic: 1 March 2023\n\n67-year-old woman. She underwent a wide local excision "
        "on 01/06/2022. Six months after the breast surgery her weakness had improved."
    )
    case = extract_case(note, today=TODAY).case
    assert sorted((e.kind.value, e.date) for e in case.events) == [
        ("improvement", date(2022, 12, 1)),
        ("surgery", date(2022, 6, 1)),
    ]
