"""Age, sex and onset from shorthand and prose (issue #10, classes 1, 3 and 9). Each expected
value is read off the words by hand; notes carry no date, so they speak from the anchor
(27 November 2026) and no year is added to a stated age."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def read(note: str):  # type: ignore[no-untyped-def]
    return extract_case(note, anchor=TODAY, today=TODAY)


@pytest.mark.parametrize(
    ("words", "age", "sex"),
    [
        ("67F with a heliotrope rash.", 67, "female"),
        ("71M, proximal weakness.", 71, "male"),
        ("Woman, 66. Heliotrope rash.", 66, "female"),
        ("Re: Mrs Jones, 56\nShe has a heliotrope rash.", 56, "female"),
        ("Re: Mr A. Khan, 71\nHeliotrope rash.", 71, "male"),
        ("A 57-year-old Japanese man presented with weakness.", 57, "male"),
        ("A 45-year-old previously healthy woman had a rash.", 45, "female"),
        ("A girl aged 9 with a heliotrope rash.", 9, "female"),
    ],
)
def test_age_and_sex_from_shorthand_and_prose(words: str, age: int, sex: str) -> None:
    patient = read(words).case.patient
    assert (patient.age, patient.sex.value) == (age, sex)


def test_at_the_age_of() -> None:
    assert read("At the age of 39, she developed a heliotrope rash.").case.patient.age == 39


def test_an_age_given_as_a_decade_is_its_first_year_flagged_uncertain() -> None:
    result = read("A man in his 70s presented with a heliotrope rash.")
    assert (result.case.patient.age, result.case.patient.sex.value) == (70, "male")
    age = next(f for f in result.facts if f.type == "patient" and f.code == "age")
    assert age.uncertain
    assert any("decade" in w for w in result.warnings)


def test_a_note_without_any_age_is_not_refused() -> None:
    result = read("She has a heliotrope rash and Gottron's papules.")
    assert result.case.patient.age_unknown
    assert {f.code.value for f in result.case.findings} >= {"heliotrope_rash", "gottron_papules"}


@pytest.mark.parametrize(
    ("words", "onset"),
    [
        # 27 Nov 2026 less 4 months = 27 Jul 2026
        ("67F with rash 4/12.", date(2026, 7, 27)),
        # less 6 weeks (42 days) = 16 Oct 2026
        ("71M. 6/52 hx of weakness.", date(2026, 10, 16)),
        # less 5 months = 27 Jun 2026
        ("Woman, 66. Rash of five months' duration.", date(2026, 6, 27)),
        # less 1 month = 27 Oct 2026
        ("A 40-year-old woman with weakness lasting over 1 month.", date(2026, 10, 27)),
        # less 4 weeks (28 days) = 30 Oct 2026
        ("A 40-year-old woman with weakness developing over 4 weeks.", date(2026, 10, 30)),
    ],
)
def test_onset_from_a_duration(words: str, onset: date) -> None:
    assert read(words).case.onset_date == onset


def test_a_date_is_not_a_duration() -> None:
    # "4/12/2025" is a date, not four months
    assert read("A 40-year-old woman. Rash seen on 4/12/2025.").case.onset_date != date(2026, 7, 27)


def test_a_childs_age_makes_the_onset_juvenile_when_the_onset_is_not_stated() -> None:
    result = read("A girl aged 9 with a heliotrope rash and Gottron's papules.")
    assert result.case.onset_age == 9  # at most 9: juvenile (< 18) whatever the exact onset
    assert any("juvenile" in w for w in result.warnings)


def test_without_an_onset_the_age_at_presentation_estimates_it_with_a_warning() -> None:
    result = read("A 50-year-old woman with a heliotrope rash.")
    assert result.case.onset_age == 50
    assert any("onset not stated" in w for w in result.warnings)


def test_without_an_onset_a_dated_diagnosis_estimates_it() -> None:
    # 63 on the note's date, 27 Nov 2026; diagnosed in March 2021, five whole years (and some
    # months) earlier: about 58 at diagnosis
    note = "Date: 27 Nov 2026\n\nA 63-year-old man. Dermatomyositis was diagnosed in March 2021."
    assert read(note).case.onset_age == 58


def test_a_stated_duration_gives_the_onset_date_and_no_estimate() -> None:
    case = read("A 50-year-old woman with a three-month history of a heliotrope rash.").case
    assert (case.onset_date, case.onset_age) == (date(2026, 8, 27), None)


def test_since_around_christmas_is_the_last_christmas_before_the_visit() -> None:
    note = "Clinic date: 3 March 2026\n\nA 58-year-old woman with a rash since around Christmas."
    result = extract_case(note, today=TODAY)
    assert result.case.onset_date == date(2025, 12, 25)
    onset = next(f for f in result.facts if f.type == "onset")
    assert onset.uncertain
