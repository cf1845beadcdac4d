"""FHIR data no one on the team wrote: the official HL7 R4 examples and Synthea bundles.

Fetched into the cache at test time (npm ``hl7.fhir.r4.examples@4.0.1``; the ``fhiry==5.2.2``
source distribution's ``tests/resources``), never committed; skipped when offline.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from myositis_cds.assessment import assess
from myositis_cds.errors import CaseError
from myositis_cds.ingest.fhir import READ_TYPES, read_bundle
from tests.thirdparty import npm_package, pypi_sdist

pytestmark = pytest.mark.thirdparty

TODAY = date(2026, 11, 27)
STAND_IN = {
    "resourceType": "Patient",
    "id": "stand-in",
    "gender": "female",
    "birthDate": "1940-01-01",
}


@pytest.fixture(scope="module")
def hl7_examples() -> list[tuple[str, dict[str, Any]]]:
    package = npm_package("hl7.fhir.r4.examples", "4.0.1")
    out = []
    for path in sorted(package.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(data, dict) and data.get("resourceType") in READ_TYPES:
            out.append((path.name, data))
    return out


def test_every_hl7_example_of_a_read_type_loads(hl7_examples: list[tuple[str, Any]]) -> None:
    by_type = Counter(d["resourceType"] for _, d in hl7_examples)
    # the package holds examples of every type we read
    assert set(by_type) == READ_TYPES
    assert sum(by_type.values()) >= 150
    refused: list[str] = []
    for name, data in hl7_examples:
        entries = [{"resource": data}]
        if data["resourceType"] != "Patient":
            entries.append({"resource": STAND_IN})
        try:
            result = read_bundle(
                {"resourceType": "Bundle", "type": "collection", "entry": entries}, today=TODAY
            )
        except CaseError as exc:
            # The only refusal allowed: a Patient example with no birth date (a case needs an
            # age), and the error names the FHIR element.
            assert [p.path for p in exc.problems] == ["Bundle.entry[0].resource.birthDate"], name
            refused.append(name)
            continue
        case = result.case
        mapped = sum(
            len(getattr(case, s))
            for s in ("findings", "labs", "antibodies", "investigations", "treatments", "events")
        )
        if data["resourceType"] != "Patient" and mapped == 0:
            # whatever did not map is counted in the warnings, never dropped silently
            assert any(w.startswith("FHIR: ") for w in result.warnings), name
    assert len(refused) <= 5  # Patient-dicom, -ihe-pcd, -infant-fetal, -pat1, -pat2


def test_hl7_colonoscopy_example_without_a_date_is_left_out_and_said(
    hl7_examples: list[tuple[str, Any]],
) -> None:
    # SNOMED 73761001 maps to colonoscopy, but the example has no performed[x]: a screening
    # test with no date cannot count as done, and the warning says why it was left out.
    (data,) = [d for name, d in hl7_examples if name == "Procedure-colonoscopy.json"]
    entries = [{"resource": data}, {"resource": STAND_IN}]
    result = read_bundle({"resourceType": "Bundle", "type": "collection", "entry": entries})
    assert result.case.investigations == []
    assert "FHIR: 1 resource(s) left out: Procedure without a date" in result.warnings
    dated = {**data, "performedDateTime": "2019-05-02"}
    entries = [{"resource": dated}, {"resource": STAND_IN}]
    case = read_bundle({"resourceType": "Bundle", "type": "collection", "entry": entries}).case
    assert [i.code.value for i in case.investigations] == ["colonoscopy"]


@pytest.fixture(scope="module")
def synthea() -> Path:
    return pypi_sdist("fhiry", "5.2.2") / "tests" / "resources"


@pytest.mark.parametrize("name", ["afhir.json", "bfhir.json", "cfhir.json"])
def test_synthea_patients_assess_cleanly(synthea: Path, name: str) -> None:
    bundle = json.loads((synthea / name).read_text(encoding="utf-8"))
    assert bundle["type"] == "transaction" and len(bundle["entry"]) >= 300
    result = read_bundle(bundle, today=TODAY)
    case = result.case
    # Synthea patients have no myositis: no finding, antibody, biopsy or tumour is invented
    assert case.findings == [] and case.antibodies == [] and case.tumours == []
    assert case.muscle_biopsy is None and case.onset_date is None
    assessment = assess(case, as_of=TODAY)
    assert assessment.classification.category == "not classified"
    assert assessment.classification.score == 0.0
    assert assessment.antibodies.positive == []
    # every resource is accounted for: mapped, left out with a reason, or counted as not read
    assert any("resource(s) of types not read: " in w for w in result.warnings)
    assert any("Observation resource(s) mapped to nothing" in w for w in result.warnings)


def test_synthea_colonoscopies_and_liver_enzymes_are_read(synthea: Path) -> None:
    a = read_bundle(json.loads((synthea / "afhir.json").read_text()), today=TODAY).case
    assert {i.code.value for i in a.investigations} >= {"colonoscopy", "faecal_occult_blood"}
    c = read_bundle(json.loads((synthea / "cfhir.json").read_text()), today=TODAY).case
    assert {lab.code.value for lab in c.labs} == {"alt", "ast"}
    assert all(lab.unit and lab.value is not None for lab in c.labs)
