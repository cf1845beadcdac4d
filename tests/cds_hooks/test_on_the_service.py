"""FHIR and CDS Hooks on the real service (create_app + the SQLite store), as `serve` runs them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from myositis_cds.api import Settings, create_app
from myositis_cds.cli import main
from myositis_cds.store import Store
from tests.cds_hooks.conftest import (
    DISCOVERY_URL,
    FEEDBACK_URL,
    ISSUER,
    Client,
    Signer,
    bearer,
    call_hook,
    hook_request,
    reference_prefetch,
)
from tests.conftest import EXAMPLES

FHIR = {"Content-Type": "application/fhir+json"}
BUNDLE = (EXAMPLES / "reference-case.fhir.json").read_bytes()


@pytest.fixture
def service(tmp_path: Path, issuers_file: Path) -> Iterator[tuple[Client, Store]]:
    store = Store.open(f"sqlite:///{tmp_path / 'cds.sqlite3'}")
    client = Client(create_app(Settings(auth="none", cds_issuers=issuers_file), store=store))
    try:
        yield client, store
    finally:
        client.close()
        store.close()


def test_assess_a_fhir_bundle(service: tuple[Client, Store]) -> None:
    client, _ = service
    response = client.post("/api/assess?as_of=2024-01-15", content=BUNDLE, headers=FHIR)
    assert response.status_code == 200, response.text
    body = response.json()
    # the reference case: 8.0 definite, anti-TIF1γ positive, IMACS high, NET G1 T1
    assert (body["classification"]["score"], body["classification"]["category"]) == (
        8.0,
        "definite",
    )
    assert "TIF1G" in body["antibodies"]["positive"]
    assert body["cancer_risk"]["category"] == "high"
    assert (body["tumours"][0]["grade"], body["tumours"][0]["t"]) == ("G1", "T1")


def test_assess_format_fhir(service: tuple[Client, Store]) -> None:
    client, _ = service
    response = client.post("/api/assess?as_of=2024-01-15&format=fhir", content=BUNDLE, headers=FHIR)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    out = response.json()
    assert out["resourceType"] == "Bundle" and out["type"] == "collection"


def test_invalid_fhir_is_422_naming_the_fhir_path(service: tuple[Client, Store]) -> None:
    client, _ = service
    bundle = json.loads(BUNDLE)
    index = next(i for i, e in enumerate(bundle["entry"]) if e["resource"].get("id") == "ck")
    bundle["entry"][index]["resource"]["valueQuantity"] = {"value": "high", "unit": "U/L"}
    response = client.post("/api/assess", content=json.dumps(bundle).encode(), headers=FHIR)
    assert response.status_code == 422
    paths = [e["path"] for e in response.json()["errors"]]
    assert f"Bundle.entry[{index}].resource.valueQuantity.value" in paths


def test_cds_hooks_are_mounted_with_the_store(service: tuple[Client, Store], sign: Signer) -> None:
    client, store = service
    token = sign(DISCOVERY_URL)
    assert client.get("/cds-services", headers=bearer(token)).status_code == 200
    replay = client.get("/cds-services", headers=bearer(token))  # jti claimed in the database
    assert replay.status_code == 401
    call = call_hook(client, sign, hook_request(prefetch=reference_prefetch()))
    assert call.status_code == 200, call.text
    card = call.json()["cards"][0]
    assert len(card["summary"]) < 140 and card["source"]["label"]
    assert "links" not in card  # the patient is not stored: no page to link to
    feedback = {
        "feedback": [
            {
                "card": card["uuid"],
                "outcome": "accepted",
                "outcomeTimestamp": "2024-01-15T10:30:00Z",
            }
        ]
    }
    stored = client.post(
        "/cds-services/myositis-cancer-screening/feedback",
        json=feedback,
        headers=bearer(sign(FEEDBACK_URL)),
    )
    assert stored.status_code == 200
    (row,) = store.list_cds_feedback(card["uuid"])
    assert (row["outcome"], row["issuer"]) == ("accepted", ISSUER)


def test_without_issuers_nobody_is_trusted(tmp_path: Path, sign: Signer) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    client = Client(create_app(Settings(auth="none"), store=store))
    try:
        assert client.get("/cds-services", headers=bearer(sign(DISCOVERY_URL))).status_code == 401
    finally:
        client.close()
        store.close()


def test_settings_travel_to_worker_processes(issuers_file: Path) -> None:
    settings = Settings(
        cds_issuers=issuers_file,
        cds_cors_origins=("https://ehr.example",),
        public_base_url="https://cds.example",
    )
    assert Settings.from_json(settings.to_json()) == settings


def test_serve_refuses_a_bad_issuers_file(tmp_path: Path) -> None:
    bad = tmp_path / "issuers.yaml"
    bad.write_text("https://ehr.example.org: http://ehr.example.org/jwks.json\n")
    result = CliRunner().invoke(main, ["serve", "--cds-issuers", str(bad)])
    assert result.exit_code == 2
    assert "must use https" in result.output


def test_a_stored_patient_gets_a_link_to_its_page(
    service: tuple[Client, Store], sign: Signer
) -> None:
    client, _ = service
    yaml_case = (EXAMPLES / "reference-case.yaml").read_bytes()
    created = client.post(
        "/api/patients", content=yaml_case, headers={"Content-Type": "application/yaml"}
    )
    assert created.status_code == 201, created.text
    stored_id = created.json()["id"]
    call = call_hook(client, sign, hook_request(prefetch=reference_prefetch()))
    (link,) = call.json()["cards"][0]["links"]
    assert link == {
        "label": "Open in myositis-cds",
        "url": f"http://testserver/patients/{stored_id}",
        "type": "absolute",
    }
