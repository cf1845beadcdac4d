"""Issue #10: one unreadable fact never refuses a whole note. A patient field the case model
refuses is left out with a warning; a publication's year is never the note's date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._assemble import _validate

TODAY = date(2026, 11, 27)


class _Warnings:
    def __init__(self) -> None:
        self.said: list[str] = []

    def warn(self, message: str) -> None:
        self.said.append(message)


def _data(**patient: Any) -> dict[str, Any]:
    return {"patient": {"sex": "male", **patient}, "onset_age": 37}


def test_an_impossible_age_leaves_the_age_unknown_instead_of_refusing() -> None:
    ex = _Warnings()
    case = _validate(ex, _data(age=147), TODAY)  # type: ignore[arg-type]
    assert case.patient.age is None and case.patient.age_unknown
    assert case.onset_age is None  # it was taken from that age
    assert case.patient.sex.value == "male"  # the rest of the patient stays
    assert any("patient.age" in w and "not assessed" in w for w in ex.said)


def test_a_region_the_model_refuses_is_left_out_and_the_age_kept() -> None:
    ex = _Warnings()
    case = _validate(ex, _data(age=37, region="x" * 500), TODAY)  # type: ignore[arg-type]
    assert case.patient.age == 37 and case.patient.region is None
    assert any("patient.region" in w and "left out" in w for w in ex.said)


@pytest.mark.parametrize(
    "citation",
    [
        "The first two cases of malignancy-associated DM were reported in 1916 by Stertz.",
        "The criteria were described in 1975 by Bohan and Peter.",
        "It was first recognised in 1891 (Unverricht).",
        "Gottron papules are pathognomonic (Sontheimer et al. 2002).",
    ],
)
def test_a_cited_publication_year_is_not_the_notes_date(citation: str) -> None:
    # a report whose only year is a citation in its discussion: the note has no date of its own,
    # so the age is the stated age today, never the stated age moved a century on
    result = extract_case(f"A 37-year-old man with a heliotrope rash. {citation}\n", today=TODAY)
    assert result.case.patient.age == 37
    assert result.index_date == TODAY


def test_a_dated_field_with_a_weekday_still_dates_the_note() -> None:
    result = extract_case(
        "Reported: Tue, 03/03/2026\nA 37-year-old man, heliotrope rash.\n", today=TODAY
    )
    assert result.index_date == date(2026, 3, 3)


def test_a_year_the_patient_was_diagnosed_still_dates_the_story() -> None:
    # "diagnosed in 2019 by his GP" is the patient's history, not a citation (a lower-case word
    # after "by"): the year stays a date of the story
    result = extract_case(
        "A 37-year-old man with a heliotrope rash diagnosed in 2019 by his GP.\n", today=TODAY
    )
    assert result.index_date == date(2019, 1, 1)
