"""Every route of contract §4 through the ASGI app (httpx), on SQLite."""

from __future__ import annotations

from typing import Any

from myositis_cds import __version__
from myositis_cds.api import Settings, create_app
from myositis_cds.store import Store
from tests.api.conftest import YAML, Api


def _create(api: Api, body: bytes) -> str:
    response = api.post("/api/patients", content=body, headers=YAML)
    assert response.status_code == 201, response.text
    location: str = response.headers["location"]
    return location


def test_health_names_the_version_and_the_store(api: Api) -> None:
    response = api.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": __version__, "store": "sqlite"}


def test_assess_a_yaml_case_returns_the_contract_assessment(
    api: Api, reference_yaml: bytes
) -> None:
    response = api.post("/api/assess?as_of=2023-09-30", content=reference_yaml, headers=YAML)
    assert response.status_code == 200, response.text
    body = response.json()
    # EULAR/ACR 2017 without biopsy: heliotrope 3.1 + Gottron papules 2.1 + dysphagia 0.7
    # + age ≥ 40 at onset 2.1 = 8.0 → definite (≥ 7.5); no weakness → amyopathic DM.
    assert body["classification"]["score"] == 8.0
    assert body["classification"]["category"] == "definite"
    assert body["classification"]["subgroup"] == "amyopathic dermatomyositis"
    assert body["as_of"] == "2023-09-30"
    assert body["cancer_risk"]["category"] == "high"  # anti-TIF1γ (IMACS 2023)


def test_assess_json_equals_assess_yaml(api: Api, reference_yaml: bytes) -> None:
    import yaml

    as_json = yaml.safe_load(reference_yaml)
    a = api.post("/api/assess?as_of=2024-01-01", json=_dates_to_text(as_json)).json()
    b = api.post("/api/assess?as_of=2024-01-01", content=reference_yaml, headers=YAML).json()
    assert a == b


def _dates_to_text(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dict):
        return {k: _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_assess_as_cards(api: Api, reference_yaml: bytes) -> None:
    response = api.post("/api/assess?format=cards", content=reference_yaml, headers=YAML)
    assert response.status_code == 200
    cards = response.json()["cards"]
    assert cards and all(len(c["summary"]) < 140 for c in cards)


def test_assess_a_note(api: Api) -> None:
    note = (
        b"65-year-old woman with heliotrope rash and Gottron papules. "
        b"Anti-TIF1-gamma antibody positive."
    )
    response = api.post(
        "/api/assess?as_of=2024-01-01", content=note, headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "TIF1G" in body["antibodies"]["positive"]


def test_extract_a_note(api: Api) -> None:
    note = "65-year-old woman with heliotrope rash."
    response = api.post("/api/extract", content=note, headers={"Content-Type": "text/plain"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["case"]["patient"]["age"] == 65
    heliotrope = [f for f in body["facts"] if f["code"] == "heliotrope_rash"]
    start, end = heliotrope[0]["evidence"]["start"], heliotrope[0]["evidence"]["end"]
    assert note[start:end] == "heliotrope rash"


def test_patient_lifecycle(api: Api, reference_yaml: bytes) -> None:
    response = api.post("/api/patients", content=reference_yaml, headers=YAML)
    assert response.status_code == 201
    assert response.headers["etag"] == '"1"'
    location = response.headers["location"]
    patient_id = response.json()["id"]
    assert location == f"/api/patients/{patient_id}"

    current = api.get(location)
    assert current.status_code == 200
    assert current.headers["etag"] == '"1"'
    case = current.json()
    assert case["case_id"] == "reference-case"

    case["patient"]["sex"] = "unknown"
    updated = api.put(location, json=case, headers={"If-Match": '"1"'})
    assert updated.status_code == 200, updated.text
    assert updated.headers["etag"] == '"2"'
    assert api.get(location).json()["patient"]["sex"] == "unknown"
    assert api.get(f"{location}/revisions/1").json()["patient"]["sex"] == "female"

    revisions = api.get(f"{location}/revisions").json()
    assert [(r["revision"], r["author"]) for r in revisions] == [(1, "local"), (2, "local")]

    stored = api.get(f"{location}/assessment?as_of=2024-01-01")
    assert stored.status_code == 200
    body = stored.json()
    assert (body["revision"], body["as_of"], body["tool_version"]) == (2, "2024-01-01", "0.1.0")
    assert body["assessment"]["classification"]["category"] == "definite"
    api.get(f"{location}/assessment?as_of=2023-06-01")
    listed = api.get(f"{location}/assessments").json()
    assert [a["as_of"] for a in listed] == ["2023-06-01", "2024-01-01"]  # newest first

    assert [p["id"] for p in api.get("/api/patients").json()] == [patient_id]

    assert api.delete(location).status_code == 204
    assert api.get(location).status_code == 404
    assert api.get(f"{location}/revisions").status_code == 404


def test_worklist_lists_the_overdue_patient(api: Api, reference_yaml: bytes) -> None:
    location = _create(api, reference_yaml)
    _create(api, b"patient: {sex: male, age: 50}\n")
    response = api.get("/api/worklist?as_of=2024-08-01")
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2024-08-01"
    [entry] = body["patients"]
    assert f"/api/patients/{entry['patient_id']}" == location
    assert entry["status"] == "overdue"
    # Resected 2023-07-12; first imaging due within 12 months (NCCN): overdue on 2024-08-01.
    tumour = [i for i in entry["items"] if i["kind"] == "tumour_follow_up"]
    assert [(i["status"], i["due_date"]) for i in tumour] == [("overdue", "2024-07-12")]


def test_openapi_documents_the_real_models(api: Api) -> None:
    doc = api.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    assert {"Case", "Assessment", "StoredAssessment", "WorklistEntry"} <= set(schemas)
    assess_op = doc["paths"]["/api/assess"]["post"]
    content = assess_op["requestBody"]["content"]
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/Case"}
    assert set(content) >= {"application/yaml", "application/fhir+json", "text/plain"}
    ok = assess_op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Assessment"}
    assert "tumours" in schemas["Case"]["properties"]


def test_no_page_loads_assets_from_a_cdn(api: Api) -> None:
    # FastAPI's default /docs and /redoc fetch scripts from a CDN: they are not served.
    assert api.get("/docs").status_code == 404
    assert api.get("/redoc").status_code == 404


def test_a_write_warms_the_worklist_in_the_background(store: Store, reference_yaml: bytes) -> None:
    import time
    from datetime import date

    import sqlalchemy as sa

    app = create_app(Settings(auth="none", warm_worklist=True), store=store)
    api = Api(app)
    try:
        patient_id = api.post("/api/patients", content=reference_yaml, headers=YAML).json()["id"]
        deadline = time.monotonic() + 60
        query = sa.text("SELECT patient_id, revision, as_of FROM worklist_cache")
        while True:
            with store.engine.connect() as conn:
                rows = [(p, r, str(d)) for p, r, d in conn.execute(query)]
            if rows or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert rows == [(patient_id, 1, date.today().isoformat())]
    finally:
        app.state.warmer.close()
        api.close()
