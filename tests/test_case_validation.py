"""Bad input is rejected with the field path and a plain message; nothing is half-accepted."""

from __future__ import annotations

from typing import Any

import pytest

from myositis_cds.case import parse_case
from myositis_cds.errors import CaseError
from tests.conftest import TODAY

TUMOUR = {
    "site": "pancreas",
    "histology": "neuroendocrine_tumour",
    "size_mm": 9.5,
    "found_date": "2023-02-01",
}


def problems(data: Any) -> list[str]:
    with pytest.raises(CaseError) as info:
        parse_case(data, today=TODAY)
    return [str(p) for p in info.value.problems]


def base(**extra: Any) -> dict[str, Any]:
    return {"patient": {"sex": "female", "birth_date": "1957-06-15"}, **extra}


def test_ki67_above_100() -> None:
    assert problems(base(tumours=[{**TUMOUR, "ki67_percent": 150}])) == [
        "tumours[0].ki67_percent: 150 is above 100"
    ]


def test_ki67_below_0() -> None:
    assert problems(base(tumours=[{**TUMOUR, "ki67_percent": -1}])) == [
        "tumours[0].ki67_percent: -1 is below 0"
    ]


def test_negative_tumour_size() -> None:
    assert problems(base(tumours=[{**TUMOUR, "size_mm": -3}])) == [
        "tumours[0].size_mm: -3 must be greater than 0"
    ]


def test_mitoses_without_a_unit() -> None:
    assert problems(base(tumours=[{**TUMOUR, "mitoses": {"count": 1.2}}])) == [
        "tumours[0].mitoses.per: is required"
    ]


def test_unknown_finding_code_lists_known_codes() -> None:
    findings = [
        {"code": "heliotrope_rash", "present": True},
        {"code": "dysphagia", "present": True},
        {"code": "purple_elbows", "present": True},
    ]
    (message,) = problems(base(findings=findings))
    assert message.startswith(
        "findings[2].code: 'purple_elbows' is not a known finding; known codes: "
    )
    assert "'heliotrope_rash'" in message and "'gottron_sign'" in message


def test_unknown_antibody_code() -> None:
    (message,) = problems(
        base(antibodies=[{"code": "XYZ", "result": "positive", "date": "2024-01-01"}])
    )
    assert message.startswith("antibodies[0].code: 'XYZ' is not a known antibody; known codes:")


def test_unknown_field_is_an_error_not_ignored() -> None:
    assert problems(base(findngs=[])) == ["findngs: is not a known field"]


def test_date_after_today() -> None:
    assert problems(base(onset_date="2026-11-28")) == [
        "onset_date: 2026-11-28 is after today (2026-11-27)"
    ]


def test_today_itself_is_allowed() -> None:
    assert parse_case(base(onset_date="2026-11-27"), today=TODAY).onset_date is not None


def test_onset_before_birth() -> None:
    assert problems(base(onset_date="1957-06-14")) == [
        "onset_date: 1957-06-14 is before birth (1957-06-15)"
    ]


def test_lab_before_birth_names_its_path() -> None:
    labs = [{"code": "ck", "above_uln": True, "date": "1950-01-01"}]
    assert problems(base(labs=labs)) == ["labs[0].date: 1950-01-01 is before birth (1957-06-15)"]


def test_not_a_date() -> None:
    assert problems(base(onset_date="last spring")) == [
        "onset_date: 'last spring' is not a date (use YYYY-MM-DD)"
    ]


def test_patient_is_required() -> None:
    assert problems({}) == ["patient: is required"]


def test_patient_needs_age_or_birth_date() -> None:
    assert problems({"patient": {"sex": "female"}}) == ["patient: give birth_date or age"]


def test_unknown_sex() -> None:
    (message,) = problems({"patient": {"sex": "f", "age": 50}})
    assert message.startswith("patient.sex: 'f' is not a known sex; known codes:")


def test_age_out_of_range() -> None:
    assert problems({"patient": {"sex": "male", "age": 200}}) == ["patient.age: 200 is above 130"]


def test_lab_value_needs_unit() -> None:
    labs = [{"code": "ck", "value": 900, "date": "2024-01-01"}]
    assert problems(base(labs=labs)) == ["labs[0]: a value needs its unit"]


def test_lab_needs_value_or_flag() -> None:
    assert problems(base(labs=[{"code": "ck", "date": "2024-01-01"}])) == [
        "labs[0]: give value (with unit) or above_uln"
    ]


def test_negative_lab_value() -> None:
    labs = [{"code": "ck", "value": -5, "unit": "U/L", "date": "2024-01-01"}]
    assert problems(base(labs=labs)) == ["labs[0].value: -5 is below 0"]


def test_resection_before_discovery() -> None:
    tumour = {**TUMOUR, "resected_date": "2023-01-01"}
    assert problems(base(tumours=[tumour])) == ["tumours[0]: resected_date is before found_date"]


def test_treatment_stop_before_start() -> None:
    treatments = [{"drug": "prednisone", "start": "2023-05-01", "stop": "2023-04-01"}]
    assert problems(base(treatments=treatments)) == ["treatments[0]: stop is before start"]


def test_mmt8_above_its_maximum() -> None:
    assessments = [{"date": "2024-01-01", "mmt8": 120}]
    (message,) = problems(base(assessments=assessments))
    assert message.startswith("assessments[0]: mmt8 120 is above its maximum 80")


def test_several_problems_are_all_reported_in_order() -> None:
    data = base(
        findings=[{"code": "nope", "present": True}],
        tumours=[{**TUMOUR, "ki67_percent": 101, "size_mm": 0}],
    )
    paths = [p.split(":")[0] for p in problems(data)]
    assert paths == ["findings[0].code", "tumours[0].size_mm", "tumours[0].ki67_percent"]


def test_case_file_must_be_a_mapping() -> None:
    assert problems(["patient"]) == ["(case): the case file must be a mapping of sections"]


# ------------------------------------------------------------------ investigation result
@pytest.mark.parametrize("result", ["normal", "abnormal", "pending", "not_stated"])
def test_every_investigation_result_is_accepted(result: str) -> None:
    # not_stated (branch i13d): done, the record does not give the result; files written before
    # it (normal | abnormal | pending) stay valid
    case = parse_case(
        base(investigations=[{"code": "mammography", "date": "2024-03-10", "result": result}]),
        today=TODAY,
    )
    assert case.investigations[0].result.value == result


def test_an_unknown_investigation_result_is_still_rejected() -> None:
    (problem,) = problems(
        base(investigations=[{"code": "mammography", "date": "2024-03-10", "result": "unread"}])
    )
    assert problem.startswith("investigations[0].result:")
    assert "not_stated" in problem
