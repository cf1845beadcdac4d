"""The reference case written as a FHIR R4 Bundle assesses exactly like the YAML case file.

examples/reference-case.fhir.json carries the same facts as examples/reference-case.yaml with
standard codes where the team knows them (SNOMED CT dermatomyositis, LOINC CK / anti-TIF1γ /
tumour size / Ki-67 / cM, RxNorm drugs) and local codes elsewhere (read through the lexicon).
Expected values, by hand (see tests/test_reference_case.py): EULAR/ACR 2017 score 8.0, definite;
anti-TIF1γ positive; IMACS high risk; pancreatic NET Ki-67 2.2 % → G1, 9.5 mm → T1.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from click.testing import CliRunner

from myositis_cds.assessment import assess
from myositis_cds.cli import main
from myositis_cds.ingest.fhir import parse_bundle_text
from tests.conftest import EXAMPLES, REFERENCE_CASE

FHIR_CASE = EXAMPLES / "reference-case.fhir.json"
AS_OF = "2024-01-15"


def _assess_cli(path: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["assess", path, "--format", "json", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.output)
    return out


def _without_record_refs(value: Any) -> Any:
    """Drop what depends on record order or free-text notes only: timeline refs and labels."""
    if isinstance(value, dict):
        return {k: _without_record_refs(v) for k, v in value.items() if k not in ("ref", "label")}
    if isinstance(value, list):
        return [_without_record_refs(v) for v in value]
    return value


def test_the_bundle_assesses_like_the_yaml() -> None:
    from_fhir = _assess_cli(str(FHIR_CASE))
    from_yaml = _assess_cli(str(REFERENCE_CASE))
    assert _without_record_refs(from_fhir) == _without_record_refs(from_yaml)


def test_the_headline_values() -> None:
    out = _assess_cli(str(FHIR_CASE))
    assert out["classification"]["score"] == 8.0
    assert out["classification"]["category"] == "definite"
    assert "TIF1G" in out["antibodies"]["positive"]
    assert out["cancer_risk"]["category"] == "high"
    (tumour,) = out["tumours"]
    assert (tumour["site"], tumour["grade"], tumour["t"]) == ("pancreas", "G1", "T1")
    # everything in the bundle maps: no FHIR warning
    assert not [w for w in out["warnings"] if w.startswith("FHIR")]


def test_every_fact_reaches_the_case() -> None:
    case = parse_bundle_text(FHIR_CASE.read_text(), today=date(2026, 11, 27)).case
    assert case.case_id == "reference-case"
    assert str(case.onset_date) == "2022-09-10"  # Condition.onsetDateTime
    assert str(case.diagnosis_date) == "2022-12-20"  # Condition.recordedDate
    assert len(case.findings) == 9 and len(case.antibodies) == 10
    tif1g = [a for a in case.antibodies if a.code.value == "TIF1G"]
    assert [a.result.value for a in tif1g] == ["positive", "weak_positive"]  # code, valueString
    assert {a.code.value for a in case.antibodies if a.result.value == "negative"} == {
        "JO1",
        "OJ",
        "EJ",
        "PL7",
        "PL12",
        "NXP2",
        "MI2",
        "SRP",
    }
    (tumour,) = case.tumours
    assert tumour.size_mm == 9.5 and tumour.ki67_percent == 2.2
    assert tumour.mitoses is not None and (tumour.mitoses.count, tumour.mitoses.per) == (
        1.2,
        "10hpf",
    )
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    assert tumour.functional is False and str(tumour.resected_date) == "2023-07-12"
    assert {t.drug: t.route for t in case.treatments}["tacrolimus"] == "topical"
    assert sorted(e.kind.value for e in case.events) == [
        "improvement",
        "referral",
        "remission",
        "surgery",
    ]


def test_report_accepts_the_bundle(tmp_path: Any) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(FHIR_CASE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Classification" in out.read_text()


def test_same_assessment_through_the_api() -> None:
    fhir = parse_bundle_text(FHIR_CASE.read_text()).case
    assert assess(fhir, as_of=date(2024, 1, 15)).classification.score == 8.0
