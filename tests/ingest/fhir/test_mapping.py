"""FHIR resources → case records, one vignette per rule of the mapping."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.errors import CaseError
from myositis_cds.ingest.fhir import FhirCase, read_bundle

TODAY = date(2026, 11, 27)
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
PATIENT = {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1960-03-01"}


def bundle(*resources: dict[str, Any], kind: str = "collection") -> dict[str, Any]:
    """One patient's Bundle; every resource refers to the patient (Condition.subject is 1..1)."""
    subject = {"subject": {"reference": "Patient/p1"}}
    return {
        "resourceType": "Bundle",
        "type": kind,
        "entry": [{"resource": PATIENT}] + [{"resource": {**subject, **r}} for r in resources],
    }


def read(*resources: dict[str, Any], kind: str = "collection") -> FhirCase:
    return read_bundle(bundle(*resources, kind=kind), today=TODAY)


def obs(code: dict[str, Any], **value: Any) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": code,
        "effectiveDateTime": "2024-02-03T10:15:00+01:00",
        **value,
    }


def coded(system: str, code: str, display: str = "") -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding]}


CK = coded(LOINC, "2157-6")


# --------------------------------------------------------------------------- patient, bundle
@pytest.mark.parametrize("kind", ["collection", "searchset", "transaction", "document", "batch"])
def test_every_bundle_type_we_accept(kind: str) -> None:
    case = read(kind=kind).case
    assert case.patient.sex.value == "male" and str(case.patient.birth_date) == "1960-03-01"
    assert case.case_id == "p1"


def test_other_bundle_types_are_refused_by_name() -> None:
    with pytest.raises(CaseError) as err:
        read(kind="history")
    assert str(err.value).startswith("Bundle.type: 'history' is not read")


def test_a_bundle_without_a_patient_is_refused() -> None:
    with pytest.raises(CaseError, match="holds no Patient"):
        read_bundle({"resourceType": "Bundle", "type": "collection", "entry": []})


def test_a_patient_without_birth_date_is_read_with_the_age_unknown() -> None:
    # Issue #10's rule for every adapter: one missing fact does not refuse the input.
    result = read_bundle(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": {"resourceType": "Patient", "gender": "female"}}],
        },
        today=TODAY,
    )
    assert result.case.patient.age_unknown is True
    assert result.case.patient.age is None and result.case.patient.birth_date is None
    assert any("Bundle.entry[0].resource.birthDate is absent" in w for w in result.warnings)


# --------------------------------------------------------------------------- labs
def test_lab_value_with_unit_and_reference_range() -> None:
    ck = obs(
        CK,
        valueQuantity={"value": 1450, "unit": "U/L"},
        referenceRange=[
            {"low": {"value": 0, "unit": "U/L"}, "high": {"value": 170, "unit": "U/L"}}
        ],
    )
    (lab,) = read(ck).case.labs
    assert (lab.code.value, lab.value, lab.unit, lab.upper_limit) == ("ck", 1450, "U/L", 170)
    assert lab.lower_limit is None  # a lower limit of 0 says nothing
    assert lab.is_above_uln is True
    assert str(lab.date) == "2024-02-03"  # the local date as written, never shifted


def test_lab_value_equal_to_the_upper_limit_is_not_above_it() -> None:
    ck = obs(
        CK, valueQuantity={"value": 170, "unit": "U/L"}, referenceRange=[{"high": {"value": 170}}]
    )
    assert read(ck).case.labs[0].is_above_uln is False


def test_reference_range_in_another_unit_is_not_used() -> None:
    ck = obs(
        CK,
        valueQuantity={"value": 25, "unit": "ukat/L"},
        referenceRange=[{"high": {"value": 170, "unit": "U/L"}}],
    )
    result = read(ck)
    assert result.case.labs[0].upper_limit is None
    assert any("differs from the result's (ukat/L)" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("interp", "above"), [("H", True), ("HH", True), ("N", False), ("L", False)]
)
def test_lab_without_value_reads_the_interpretation(interp: str, above: bool) -> None:
    v3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    (lab,) = read(obs(CK, interpretation=[coded(v3, interp)])).case.labs
    assert lab.above_uln is above


def test_local_lab_code_read_through_the_lexicon() -> None:
    local = coded("urn:oid:1.2.3.4", "CK-TOT", "Creatine kinase, total")
    (lab,) = read(obs(local, valueQuantity={"value": 80, "unit": "U/L"})).case.labs
    assert lab.code.value == "ck"


# --------------------------------------------------------------------------- antibodies
TIF1G = coded(LOINC, "82448-2")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"valueCodeableConcept": coded(SCT, "10828004", "Positive")}, "positive"),
        ({"valueCodeableConcept": coded(SCT, "260385009", "Negative")}, "negative"),
        ({"valueCodeableConcept": coded(SCT, "260373001")}, "positive"),  # detected
        ({"valueCodeableConcept": coded(SCT, "260415000")}, "negative"),  # not detected
        ({"valueCodeableConcept": {"text": "Weakly positive (+)"}}, "weak_positive"),
        ({"valueString": "NEGATIVE"}, "negative"),
        ({"valueString": "equivocal"}, "indeterminate"),
        (
            {
                "interpretation": [
                    coded(
                        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "POS"
                    )
                ]
            },
            "positive",
        ),
        (  # a level above the reference range's high bound
            {
                "valueQuantity": {"value": 32, "unit": "U"},
                "referenceRange": [{"high": {"value": 20}}],
            },
            "positive",
        ),
        (
            {
                "valueQuantity": {"value": 20, "unit": "U"},
                "referenceRange": [{"high": {"value": 20}}],
            },
            "negative",
        ),
    ],
)
def test_antibody_polarity(value: dict[str, Any], expected: str) -> None:
    (ab,) = read(obs(TIF1G, **value)).case.antibodies
    assert (ab.code.value, ab.result.value) == ("TIF1G", expected)


@pytest.mark.parametrize(
    ("loinc", "antibody"),
    [("107563-9", "MDA5"), ("33772-5", "PL7"), ("45152-6", "OJ"), ("33921-8", "SRP")],
)
def test_myositis_panel_loinc_codes(loinc: str, antibody: str) -> None:
    # a bare code with no display: only the code table can map it
    (ab,) = read(obs(coded(LOINC, loinc), valueString="negative")).case.antibodies
    assert (ab.code.value, ab.result.value) == (antibody, "negative")


def test_anti_nxp2_is_mj_in_loinc() -> None:
    (ab,) = read(obs(coded(LOINC, "82426-8", "Mj Ab"), valueString="positive")).case.antibodies
    assert ab.code.value == "NXP2"


def test_local_antibody_code_needs_an_antibody_cue() -> None:
    # "MDA5 Ab" names the antibody; "MDA5 expression" is not an antibody test
    mapped = read(obs({"text": "MDA5 Ab"}, valueString="positive")).case.antibodies
    assert [a.code.value for a in mapped] == ["MDA5"]
    result = read(obs({"text": "MDA5 expression"}, valueString="positive"))
    assert result.case.antibodies == []
    assert any("1 Observation resource(s) mapped to nothing" in w for w in result.warnings)


def test_antibody_without_polarity_is_left_out_and_said() -> None:
    result = read(obs(TIF1G))
    assert result.case.antibodies == []
    assert any("anti-TIF1G result without a stated polarity" in w for w in result.warnings)


# --------------------------------------------------------------------------- conditions
def test_myositis_condition_gives_onset_and_diagnosis_dates() -> None:
    dm = {
        "resourceType": "Condition",
        "code": coded("http://hl7.org/fhir/sid/icd-10-cm", "M33.13"),
        "onsetDateTime": "2023-04",
        "recordedDate": "2023-06-20",
    }
    result = read(dm)
    assert str(result.case.onset_date) == "2023-04-01"
    assert str(result.case.diagnosis_date) == "2023-06-20"
    assert any("month-only date read as its first day" in w for w in result.warnings)


def test_refuted_finding_is_recorded_absent_and_resolved_one_gets_an_end() -> None:
    conf = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
    clin = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    refuted = {
        "resourceType": "Condition",
        "verificationStatus": coded(conf, "refuted"),
        "code": {"text": "Mechanic's hands"},
        "recordedDate": "2024-01-02",
    }
    resolved = {
        "resourceType": "Condition",
        "clinicalStatus": coded(clin, "resolved"),
        "code": coded(SCT, "40739000", "Dysphagia"),
        "onsetDateTime": "2023-10-01",
        "abatementDateTime": "2024-01-05",
    }
    findings = [
        (f.code.value, f.present, str(f.date)) for f in read(refuted, resolved).case.findings
    ]
    assert findings == [
        ("mechanics_hands", False, "2024-01-02"),
        ("dysphagia", True, "2023-10-01"),
        ("dysphagia", False, "2024-01-05"),
    ]


def test_exam_observation_with_absent_value() -> None:
    absent = obs({"text": "Heliotrope rash"}, valueCodeableConcept={"text": "absent"})
    (f,) = read(absent).case.findings
    assert (f.code.value, f.present) == ("heliotrope_rash", False)


# --------------------------------------------------------------------------- tests and drugs
def test_colonoscopy_procedure_with_coded_outcome() -> None:
    proc = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": coded(SCT, "73761001", "Colonoscopy"),
        "performedPeriod": {"start": "2024-01-20T08:00:00Z", "end": "2024-01-20T09:00:00Z"},
        "outcome": coded(SCT, "17621005", "Normal"),
    }
    (inv,) = read(proc).case.investigations
    assert (inv.code.value, str(inv.date), inv.result.value) == (
        "colonoscopy",
        "2024-01-20",
        "normal",
    )


def test_final_report_without_a_stated_result_is_not_stated_and_said() -> None:
    # a final report with no conclusion, interpretation or outcome: the test was done, its
    # result is not in the bundle, so neither a normal screen nor one still awaited
    rep = {
        "resourceType": "DiagnosticReport",
        "status": "final",
        "code": {"text": "Mammogram"},
        "effectiveDateTime": "2024-01-20",
    }
    result = read(rep)
    (inv,) = result.case.investigations
    assert (inv.code.value, str(inv.date), inv.result.value) == (
        "mammography",
        "2024-01-20",
        "not_stated",
    )
    assert any(
        "has no stated result" in w and "result not stated (obtain the report)" in w
        for w in result.warnings
    )


def test_completed_procedure_without_an_outcome_is_not_stated() -> None:
    proc = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": coded(SCT, "73761001", "Colonoscopy"),
        "performedDateTime": "2024-05-02",
    }
    (inv,) = read(proc).case.investigations
    assert (inv.code.value, inv.result.value) == ("colonoscopy", "not_stated")


def test_preliminary_report_stays_pending() -> None:
    rep = {
        "resourceType": "DiagnosticReport",
        "status": "preliminary",
        "code": {"text": "Mammogram"},
        "effectiveDateTime": "2024-01-20",
    }
    assert read(rep).case.investigations[0].result.value == "pending"


def test_report_with_a_normal_conclusion_stays_normal() -> None:
    rep = {
        "resourceType": "DiagnosticReport",
        "status": "final",
        "code": {"text": "Mammogram"},
        "effectiveDateTime": "2024-01-20",
        "conclusion": "Unremarkable bilateral mammogram.",
    }
    assert read(rep).case.investigations[0].result.value == "normal"


def test_not_done_procedure_is_left_out_and_counted() -> None:
    proc = {
        "resourceType": "Procedure",
        "status": "not-done",
        "code": coded(SCT, "73761001"),
        "performedDateTime": "2024-01-20",
    }
    result = read(proc)
    assert result.case.investigations == []
    assert "FHIR: 1 resource(s) left out: Procedure with status not-done" in result.warnings


def test_medication_request_with_bounds_route_and_dose() -> None:
    med = {
        "resourceType": "MedicationRequest",
        "status": "active",
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": {"text": "Methotrexate 2.5 MG Oral Tablet"},
        "authoredOn": "2024-01-02",
        "dosageInstruction": [
            {
                "route": coded(SCT, "26643006"),
                "doseAndRate": [{"doseQuantity": {"value": 15, "unit": "mg"}}],
                "timing": {
                    "repeat": {"boundsPeriod": {"start": "2024-01-05", "end": "2024-03-01"}}
                },
            }
        ],
    }
    (t,) = read(med).case.treatments
    assert (t.drug, t.route, t.dose, str(t.start), str(t.stop)) == (
        "methotrexate",
        "oral",
        "15 mg",
        "2024-01-05",
        "2024-03-01",
    )


# --------------------------------------------------------------------------- nothing dropped
def test_unmapped_resources_and_types_not_read_are_counted() -> None:
    bp = obs(coded(LOINC, "55284-4", "Blood Pressure"))
    claim = {"resourceType": "Claim", "status": "active"}
    warnings = read(bp, bp, claim, {"resourceType": "Immunization"}).warnings
    assert (
        "FHIR: 2 Observation resource(s) mapped to nothing (codes not in the code tables, "
        "words not in the lexicon); left out"
    ) in warnings
    assert "FHIR: 2 resource(s) of types not read: Claim 1, Immunization 1" in warnings


# --------------------------------------------------------------------------- invalid FHIR
def test_invalid_value_names_the_fhir_path() -> None:
    bad = obs(CK, valueQuantity={"value": "high", "unit": "U/L"})
    with pytest.raises(CaseError) as err:
        read(bad)
    assert err.value.problems[0].path == "Bundle.entry[1].resource.valueQuantity.value"


def test_error_messages_do_not_repeat_text_from_the_record() -> None:
    # a malformed name: the path says where, the message never repeats the words
    patient = {**PATIENT, "name": [{"family": "Smith-Example", "given": "Jane"}]}
    with pytest.raises(CaseError) as err:
        read_bundle(
            {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": patient}]},
            today=TODAY,
        )
    text = str(err.value)
    assert "Bundle.entry[0].resource.name[0].given" in text
    assert "Jane" not in text and "Smith" not in text


def test_case_rule_broken_names_the_fhir_path() -> None:
    future = obs(CK, valueQuantity={"value": 90, "unit": "U/L"}, effectiveDateTime="2027-01-01")
    with pytest.raises(CaseError) as err:
        read(future)
    (problem,) = err.value.problems
    assert problem.path == "Bundle.entry[1].resource.effectiveDateTime"
    assert "after today" in problem.message and "labs[0].date" in problem.message


def test_cli_exit_2_with_the_fhir_path(tmp_path: Any) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bundle(obs(CK, valueQuantity={"value": "x", "unit": "U/L"}))))
    result = CliRunner().invoke(main, ["assess", str(path)])
    assert result.exit_code == 2
    assert "Bundle.entry[1].resource.valueQuantity.value" in result.output


def test_a_lone_resource_is_not_a_bundle(tmp_path: Any) -> None:
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(PATIENT))
    result = CliRunner().invoke(main, ["assess", str(path)])
    assert result.exit_code == 2 and "send a Bundle" in result.output


def test_a_recorded_cancer_without_a_size_is_kept_and_said() -> None:
    cancer = {
        "resourceType": "Condition",
        "code": {"text": "Adenocarcinoma of the stomach"},
        "onsetDateTime": "2023-05-02",
    }
    result = read(cancer)
    (tumour,) = result.case.tumours
    assert (tumour.site.value, tumour.histology.value, tumour.size_mm) == (
        "stomach",
        "adenocarcinoma",
        None,
    )
    assert any("has no size observation" in w for w in result.warnings)


def test_body_mass_index_is_not_a_tumour() -> None:
    # "mass" names a tumour in free text, but a Condition is read as a neoplasm only when its
    # words say so (Synthea's "Body mass index 30+ - obesity (finding)")
    bmi = {
        "resourceType": "Condition",
        "code": {"text": "Body mass index 30+ - obesity (finding)"},
        "recordedDate": "2020-01-01",
    }
    result = read(bmi)
    assert result.case.tumours == []
    assert any("1 Condition resource(s) mapped to nothing" in w for w in result.warnings)
