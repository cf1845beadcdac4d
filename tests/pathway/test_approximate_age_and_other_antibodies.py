"""Approximate ages, estimated onsets and the non-myositis antibody codes (issue #10, second
session): the contract additions say so in the output and change no rule."""

from __future__ import annotations

import pytest

from myositis_cds import assess
from myositis_cds.case import parse_case
from myositis_cds.errors import CaseError
from myositis_cds.pathway.antibodies import read_panel
from myositis_cds.pathway.common import Notes
from tests.conftest import TODAY, build_case


def _case(**extra: object) -> dict[str, object]:
    patient = {"sex": "male", "age": 70}
    patient.update(extra.pop("patient", {}))  # type: ignore[arg-type]
    return {"patient": patient, "onset_age": 70, **extra}


def _age_item(data: dict[str, object]) -> tuple[bool | None, str, list[str]]:
    out = assess(parse_case(data, today=TODAY), as_of=TODAY)
    (item,) = [i for i in out.classification.items if i.id == "age_onset_40_plus"]
    return item.present, item.evidence, list(out.warnings)


def test_an_exact_onset_age_is_reported_without_a_caveat() -> None:
    present, evidence, warnings = _age_item(_case())
    assert present is True and evidence == "age at onset 70 years"
    assert not any("approximate" in w for w in warnings)


def test_an_approximate_age_is_reported_as_approximate() -> None:
    present, evidence, warnings = _age_item(_case(patient={"age_approximate": True}))
    assert present is True  # 70-79 is 40 or more whatever the true age
    assert evidence == "age at onset 70 years (approximate)"
    assert any("age at onset (70) is approximate" in w for w in warnings)


def test_an_estimated_onset_is_reported_as_approximate() -> None:
    _, evidence, warnings = _age_item(_case(onset_estimated=True))
    assert evidence.endswith("(approximate)")
    assert any("the onset is an estimate" in w for w in warnings)


def test_approximate_age_with_a_date_of_birth_is_refused() -> None:
    data = {"patient": {"sex": "male", "birth_date": "1950-01-01", "age_approximate": True}}
    with pytest.raises(CaseError, match="age_approximate"):
        parse_case(data, today=TODAY)


def test_non_myositis_antibodies_are_listed_but_not_offered_as_not_tested() -> None:
    case = build_case(
        antibodies=[
            {"code": "ANA", "result": "positive", "date": "2024-01-01"},
            {"code": "SCL70", "result": "negative", "date": "2024-01-01"},
        ]
    )
    panel = read_panel(case, TODAY, Notes())
    assert [c.value for c in panel.positive] == ["ANA"]
    assert [c.value for c in panel.negative] == ["SCL70"]
    not_tested = {c.value for c in panel.not_tested}
    assert not not_tested & {"ANA", "RO60", "SCL70"}
    assert len(not_tested) == 17  # the seventeen myositis antibodies, none tested here


def test_a_positive_ana_changes_no_classification_item() -> None:
    base = build_case(findings=["heliotrope_rash"], onset_date="2024-01-01")
    with_ana = build_case(
        findings=["heliotrope_rash"],
        onset_date="2024-01-01",
        antibodies=[{"code": "ANA", "result": "positive", "date": "2024-01-01"}],
    )
    a = assess(base, as_of=TODAY).classification
    b = assess(with_ana, as_of=TODAY).classification
    assert (a.score, a.category) == (b.score, b.category)
