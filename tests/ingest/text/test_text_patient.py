"""Vignettes for the patient: age and sex in the less usual phrasings, a date of birth, and the
region the patient comes from or lives in. Expected values are read off each note by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


@pytest.mark.parametrize(
    ("words", "age", "sex"),
    [
        ("Woman, 66, originally from Leeds. Heliotrope rash.", 66, "female"),
        ("Man, aged 71. Heliotrope rash.", 71, "male"),
        ("She is a woman of 58 with a heliotrope rash.", 58, "female"),
        ("Pt is a 58 yo F w/ a heliotrope rash.", 58, "female"),
        ("61 yr old woman with dermatomyositis.", 61, "female"),
    ],
)
def test_age_and_sex_in_less_usual_phrasings(words: str, age: int, sex: str) -> None:
    case = extract_case(words, anchor=TODAY, today=TODAY).case
    assert (case.patient.age, case.patient.sex.value) == (age, sex)


def test_a_relatives_age_is_not_the_patients() -> None:
    note = "Her mother, aged 70, had breast cancer. Our patient is a 44-year-old woman."
    assert extract_case(note, anchor=TODAY, today=TODAY).case.patient.age == 44


def test_a_date_of_birth_gives_the_age_today() -> None:
    # Born 14 July 2013: on 27 November 2026 she is 13.
    note = "Clinic date: 21.11.2024\nDOB: 14/07/2013\n\nShe has a heliotrope rash. Her CK is high."
    patient = extract_case(note, today=TODAY).case.patient
    assert (patient.birth_date, patient.age) == (date(2013, 7, 14), 13)


def test_a_staff_line_does_not_give_the_patient_a_sex() -> None:
    note = (
        "Meeting date: 5 June 2025\nPresent: Mr D. Ellis (surgery), Dr S. Roy (oncology)\n\n"
        "Patient 3: 66-year-old with a heliotrope rash. She has a sigmoid mass. Her CK is high."
    )
    assert extract_case(note, today=TODAY).case.patient.sex.value == "female"


@pytest.mark.parametrize(
    ("words", "region"),
    [
        ("A 48-year-old man from southern China presented with a rash.", "CN"),
        ("Mr T, a 71-year-old engineer born in Vietnam, has a rash.", "VN"),
        ("Woman, 66, originally from Hong Kong.", "HK"),
        ("A 58 yo F. Lives in Dayton, Ohio with her husband.", "US"),
        ("A retired nurse aged 67, living in Lyon, France, noticed a rash.", "FR"),
        # where the patient comes from beats where the patient lives
        ("Mr Lim, 69 years old, who moved to the UK from Singapore in 2019.", "SG"),
    ],
)
def test_region_from_where_the_patient_comes_from_or_lives(words: str, region: str) -> None:
    assert extract_case(words, anchor=TODAY, today=TODAY).case.patient.region == region


@pytest.mark.parametrize(
    "words",
    [
        "A 60-year-old woman. Her mother was from Italy.",  # a relative
        "A 60-year-old woman unable to rise from a chair.",  # 'from' with no place
        "A 60-year-old woman referred from turkey farm work.",  # not written as a name
    ],
)
def test_no_region_without_a_place_the_patient_comes_from(words: str) -> None:
    assert extract_case(words, anchor=TODAY, today=TODAY).case.patient.region is None
