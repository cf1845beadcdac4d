"""Refractory myositis: the shared definition used by the tumour and course stages.

Definition (knowledge/treatment_response.yaml): a clinician-recorded non-response
(no_response_to_immunosuppression present) after at least 3 calendar months of systemic
glucocorticoid together with at least one systemic steroid-sparing agent. Dates by hand:
10 January + 3 months = 10 April.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.case import Case, parse_case
from myositis_cds.ingest.files import load_case_file
from myositis_cds.pathway.refractory import RefractoryStatus, assess_refractory, classify_drug
from tests.conftest import REFERENCE_CASE, TODAY, finding

NO_RESPONSE = "no_response_to_immunosuppression"


def build(treatments: list[dict[str, Any]], findings: list[dict[str, Any]]) -> Case:
    data = {"patient": {"sex": "female", "age": 60}, "treatments": treatments, "findings": findings}
    return parse_case(data, today=TODAY)


def case_with(
    treatments: list[dict[str, Any]], responded: bool | None = None, on: str = "2023-06-30"
) -> Case:
    """``responded`` False records non-response on ``on``; True records a response."""
    if responded is None:
        return build(treatments, [])
    return build(treatments, [finding(NO_RESPONSE, present=not responded, date=on)])


def oral(drug: str, start: str = "2023-01-10", stop: str | None = None) -> dict[str, Any]:
    return {"drug": drug, "route": "oral", "start": start, **({"stop": stop} if stop else {})}


def judge(case: Case, day: str) -> RefractoryStatus:
    as_of = date.fromisoformat(day)
    cut, _ = case.as_of(as_of)
    return assess_refractory(cut, as_of)


# ----------------------------------------------------------------------------- reference case
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-03-01", False),  # prednisone for 7 weeks: trial too short
        ("2023-06-29", None),  # full trial, but no response recorded yet
        ("2023-06-30", True),  # non-response recorded on this day
        ("2023-10-01", True),  # remission after surgery does not undo refractoriness
    ],
)
def test_reference_case_refractory_over_time(day: str, expected: bool | None) -> None:
    case = load_case_file(str(REFERENCE_CASE), today=TODAY)
    assert judge(case, day).refractory is expected


def test_reference_case_evidence_counts_systemic_drugs_only() -> None:
    case = load_case_file(str(REFERENCE_CASE), today=TODAY)
    status = judge(case, "2023-06-30")
    assert status.glucocorticoid_start == date(2023, 1, 10)
    assert status.steroid_sparing_agents == ["methotrexate", "mycophenolate mofetil"]
    assert status.adequate_trial is True
    text = "\n".join(status.evidence)
    assert "tacrolimus (conventional immunosuppressant, topical): not counted" in text
    assert "betamethasone (glucocorticoid, topical): not counted" in text
    assert "hydroxychloroquine (antimalarial): not counted as immunosuppression" in text
    assert "finding no_response_to_immunosuppression present on 2023-06-30" in text
    assert status.definition.startswith("inadequate response")
    assert "Oddis" in status.source


# ----------------------------------------------------------------------------- the 3-month boundary
@pytest.mark.parametrize(("day", "expected"), [("2023-04-09", False), ("2023-04-10", True)])
def test_glucocorticoid_for_exactly_three_months_qualifies(day: str, expected: bool) -> None:
    # Non-response recorded early (1 March); the trial reaches 3 months on 10 April.
    case = case_with([oral("prednisone"), oral("methotrexate")], responded=False, on="2023-03-01")
    assert judge(case, day).refractory is expected


def test_glucocorticoid_alone_is_not_refractory() -> None:
    status = judge(case_with([oral("prednisolone")], responded=False), "2023-07-01")
    assert status.refractory is False
    assert "without a steroid-sparing agent" in status.reason


def test_steroid_sparing_agent_must_overlap_the_glucocorticoid_course() -> None:
    treatments = [
        oral("prednisone", "2023-01-10", "2023-05-01"),
        oral("azathioprine", "2023-06-01"),
    ]
    status = judge(case_with(treatments, responded=False), "2023-07-01")
    assert status.refractory is False
    assert status.steroid_sparing_agents == []


def test_topical_treatment_only_is_not_an_immunosuppression_trial() -> None:
    treatments = [
        {"drug": "tacrolimus", "route": "topical", "start": "2023-01-10"},
        {"drug": "clobetasol", "route": "topical", "start": "2023-01-10"},
    ]
    status = judge(case_with(treatments, responded=False), "2023-07-01")
    assert status.refractory is False
    assert "no systemic glucocorticoid recorded" in status.reason


# ----------------------------------------------------------------------------- response findings
def test_recorded_response_is_not_refractory() -> None:
    treatments = [oral("prednisone"), oral("methotrexate")]
    assert judge(case_with(treatments, responded=True), "2023-07-01").refractory is False


def test_the_latest_response_finding_decides() -> None:
    case = build(
        [oral("prednisone"), oral("methotrexate")],
        [
            finding(NO_RESPONSE, present=True, date="2023-05-01"),
            finding(NO_RESPONSE, present=False, date="2023-06-01"),
        ],
    )
    assert judge(case, "2023-07-01").refractory is False
    assert judge(case, "2023-05-15").refractory is True


def test_non_response_without_any_treatment_history_is_taken_as_stated() -> None:
    status = judge(case_with([], responded=False), "2023-07-01")
    assert status.refractory is True
    assert status.adequate_trial is None
    assert "could not be checked" in status.reason


def test_nothing_recorded_cannot_be_judged() -> None:
    status = judge(build([], []), "2023-07-01")
    assert status.refractory is None
    assert status.would_change is not None


def test_full_trial_without_a_response_record_cannot_be_judged() -> None:
    status = judge(case_with([oral("prednisone"), oral("rituximab")]), "2023-07-01")
    assert status.refractory is None
    assert status.would_change is not None and NO_RESPONSE in status.would_change


# ----------------------------------------------------------------------------- drug names
@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("Prednisone", "glucocorticoid"),
        ("methylprednisolone", "glucocorticoid"),
        ("Mycophenolate Mofetil", "steroid_sparing"),
        ("IVIG", "steroid_sparing"),
        ("intravenous immunoglobulin", "steroid_sparing"),
        ("ciclosporin", "steroid_sparing"),
        ("hydroxychloroquine", "none"),
        ("hydroxyzine", "none"),
    ],
)
def test_drug_names_map_to_classes(name: str, counts: str) -> None:
    drug_class = classify_drug(name)
    assert drug_class is not None and drug_class.counts == counts


def test_unknown_drug_is_listed_but_not_counted() -> None:
    assert classify_drug("paracetamol") is None
    status = judge(case_with([oral("paracetamol")], responded=False), "2023-07-01")
    assert any("paracetamol: not a recognised myositis drug" in e for e in status.evidence)


def test_missing_route_is_assumed_systemic_and_said_so() -> None:
    treatments = [
        {"drug": "prednisone", "start": "2023-01-10"},
        {"drug": "methotrexate", "start": "2023-01-10"},
    ]
    status = judge(case_with(treatments, responded=False), "2023-07-01")
    assert status.refractory is True
    assert any("route not given, assumed systemic" in e for e in status.evidence)


def test_records_after_as_of_are_ignored_even_on_an_uncut_case() -> None:
    case = case_with([oral("prednisone"), oral("methotrexate")], responded=False)
    assert assess_refractory(case, date(2023, 6, 29)).refractory is None
