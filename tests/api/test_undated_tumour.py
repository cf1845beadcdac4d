"""An undated past cancer (tumours[].found_date_latest) through the service and both stores.

The reference case (myositis onset 2022-09-10) with a second cancer, a breast adenocarcinoma
the record does not date, known by 2020-01-01. The IMACS window for a cancer that explains the
myositis opens three years before onset, on 2019-09-10: 2020-01-01 is after that, so the cancer
may have been found inside the window or before it and the screening judgement must say that it
cannot be told (tests/pathway/test_undated_tumour.py has the rule itself). What is checked here
is that the flag is neither dropped nor turned into an exact date on the way: POST → store →
GET, a new revision, a stored assessment, and a FHIR Bundle posted as a patient.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from myositis_cds.api import Settings, create_app
from myositis_cds.store import Store
from tests.api.conftest import Api
from tests.conftest import EXAMPLES
from tests.store.helpers import REFERENCE_CASE, database_url

BREAST = {
    "site": "breast",
    "histology": "adenocarcinoma",
    "found_date": "2020-01-01",
    "found_date_latest": True,
}


@pytest.fixture(params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Api]:
    with database_url(str(request.param), tmp_path) as url:
        store = Store.open(url, migrate=True)
        api = Api(create_app(Settings(auth="none"), store=store))
        try:
            yield api
        finally:
            api.close()
            store.close()


def _case() -> dict[str, Any]:
    case = yaml.safe_load(REFERENCE_CASE.read_text())
    case["tumours"] = [*case["tumours"], BREAST]
    return dict(json.loads(json.dumps(case, default=str)))


def _breast(case: dict[str, Any]) -> dict[str, Any]:
    (found,) = [t for t in case["tumours"] if t["site"] == "breast"]
    return dict(found)


def test_the_flag_survives_post_store_get_and_a_new_revision(client: Api) -> None:
    created = client.post("/api/patients", json=_case())
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    got = client.get(f"/api/patients/{pid}")
    assert _breast(got.json())["found_date"] == "2020-01-01"
    assert _breast(got.json())["found_date_latest"] is True
    # an edit elsewhere in the case keeps the flag in the next revision
    edited = got.json()
    edited["case_id"] = "edited-case"
    put = client.put(f"/api/patients/{pid}", json=edited, headers={"If-Match": '"1"'})
    assert put.status_code == 200, put.text
    assert _breast(client.get(f"/api/patients/{pid}").json())["found_date_latest"] is True
    first = client.get(f"/api/patients/{pid}/revisions/1").json()
    assert _breast(first)["found_date_latest"] is True


def test_the_stored_assessment_says_found_by_and_cannot_be_told(client: Api) -> None:
    pid = client.post("/api/patients", json=_case()).json()["id"]
    stored = client.get(f"/api/patients/{pid}/assessment?as_of=2024-01-15")
    assert stored.status_code == 200, stored.text
    assessment = stored.json()["assessment"]
    breast = next(t for t in assessment["tumours"] if t["site"] == "breast")
    assert (breast["found_date"], breast["found_date_latest"]) == ("2020-01-01", True)
    rec = next(r for r in assessment["recommendations"] if r["id"] == "screening.tumour_found")
    assert (
        "breast adenocarcinoma size not stated, found by 2020-01-01 (date not stated)"
        in (rec["detail"])
    )
    assert "cannot be told" in rec["detail"]
    # the list of stored assessments gives back the same record
    (kept,) = client.get(f"/api/patients/{pid}/assessments").json()
    assert next(t for t in kept["assessment"]["tumours"] if t["site"] == "breast")[
        "found_date_latest"
    ]


def test_a_fhir_bundle_with_an_undated_cancer_is_stored_with_the_flag(client: Api) -> None:
    bundle = json.loads((EXAMPLES / "reference-case.fhir.json").read_text())
    bundle["entry"].append(
        {
            "resource": {
                "resourceType": "Condition",
                "id": "breast-ca",
                "subject": {"reference": "Patient/reference-case"},
                "code": {"text": "Adenocarcinoma of breast"},
                "recordedDate": "2020-01-01",
            }
        }
    )
    created = client.post(
        "/api/patients",
        content=json.dumps(bundle),
        headers={"Content-Type": "application/fhir+json"},
    )
    assert created.status_code == 201, created.text
    case = client.get(f"/api/patients/{created.json()['id']}").json()
    assert _breast(case)["found_date"] == "2020-01-01"
    assert _breast(case)["found_date_latest"] is True
    # the reference NET keeps its exact onset date
    (net,) = [t for t in case["tumours"] if t["site"] == "pancreas"]
    assert net["found_date"] == "2023-02-01" and not net.get("found_date_latest")
