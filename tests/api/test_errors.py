"""Each 4xx of contract §4, the 500 that tells nothing, and logs without patient data."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import pytest

from myositis_cds.api import Settings, create_app
from myositis_cds.store import Store
from tests.api.conftest import YAML, Api


def test_422_names_the_field_path_with_the_cli_message(api: Api, reference_yaml: bytes) -> None:
    bad = reference_yaml.replace(b"ki67_percent: 2.2", b"ki67_percent: 150")
    response = api.post("/api/assess", content=bad, headers=YAML)
    assert response.status_code == 422
    assert response.json() == {
        "errors": [{"path": "tumours[0].ki67_percent", "message": "150 is above 100"}]
    }


def test_422_lists_every_problem(api: Api) -> None:
    body = {"patient": {"sex": "x", "age": 40}, "findings": [{"code": "rash", "present": True}]}
    response = api.post("/api/patients", json=body)
    assert response.status_code == 422
    paths = [e["path"] for e in response.json()["errors"]]
    assert paths == ["patient.sex", "findings[0].code"]


def test_422_for_unreadable_bodies(api: Api) -> None:
    not_json = api.post(
        "/api/assess", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422
    assert not_json.json()["errors"][0]["message"].startswith("is not valid JSON at line 1")
    empty = api.post("/api/assess", content=b"", headers=YAML)
    assert empty.json() == {"errors": [{"path": "(body)", "message": "is empty"}]}


def test_422_for_bad_query_values(api: Api, reference_yaml: bytes) -> None:
    future = api.post("/api/assess?as_of=2999-01-01", content=reference_yaml, headers=YAML)
    assert future.status_code == 422
    [error] = future.json()["errors"]
    assert error["path"] == "as_of"
    assert error["message"].startswith("2999-01-01 is after today")
    not_a_date = api.get("/api/worklist?as_of=yesterday")
    assert not_a_date.status_code == 422
    assert not_a_date.json()["errors"][0]["path"] == "as_of"
    biopsy = api.post("/api/assess?biopsy=maybe", content=reference_yaml, headers=YAML)
    assert biopsy.json()["errors"][0]["path"] == "biopsy"


def test_413_over_the_body_limit_declared_or_streamed(api: Api) -> None:
    big = b"#" * (2 * 1024 * 1024 + 1)
    declared = api.post("/api/assess", content=big, headers=YAML)
    assert declared.status_code == 413

    def chunks() -> AsyncIterator[bytes]:
        async def gen() -> AsyncIterator[bytes]:
            for _ in range(3):
                yield b"#" * (1024 * 1024)

        return gen()

    streamed = api.post("/api/assess", content=chunks(), headers=YAML)
    assert streamed.status_code == 413
    assert "2 MB" in streamed.json()["error"]


def test_a_body_at_the_limit_is_read(store: Store) -> None:
    api = Api(create_app(Settings(auth="none", max_body_bytes=100), store=store))
    try:
        body = b"patient: {sex: male, age: 50}" + b" " * 71
        assert len(body) == 100
        assert api.post("/api/assess", content=body, headers=YAML).status_code == 200
        assert api.post("/api/assess", content=body + b" ", headers=YAML).status_code == 413
    finally:
        api.close()


def test_413_for_a_note_longer_than_the_server_reads(store: Store) -> None:
    pytest.importorskip("spacy")
    api = Api(create_app(Settings(auth="none", max_note_chars=40), store=store))
    plain = {"Content-Type": "text/plain"}
    try:
        # 40 characters but 42 bytes (two Greek letters): the limit counts characters
        at_limit = "Mrs A, 58. Anti-TIF1γ positive. Rash β."
        at_limit += " " * (40 - len(at_limit))
        assert len(at_limit) == 40 and len(at_limit.encode()) == 42
        assert api.post("/api/extract", content=at_limit.encode(), headers=plain).status_code == 200
        over = (at_limit + "x").encode()
        for url in ("/api/extract", "/api/assess"):
            response = api.post(url, content=over, headers=plain)
            assert response.status_code == 413, url
            message = response.json()["error"]
            assert "41 characters" in message and "at most 40" in message
            assert "TIF1" not in message  # counts only, never the note
        # the note limit is for notes: a longer case file is read
        case = b"patient: {sex: male, age: 50}" + b" " * 40
        assert api.post("/api/assess", content=case, headers=YAML).status_code == 200
    finally:
        api.close()


def test_415_for_unknown_and_not_yet_supported_types(api: Api, reference_yaml: bytes) -> None:
    unknown = api.post("/api/assess", content=reference_yaml, headers={"Content-Type": "image/png"})
    assert unknown.status_code == 415
    assert "application/json" in unknown.json()["error"]
    # FHIR Bundles are read by the FHIR adapter (issue #12): one without a type is a 422
    fhir = api.post(
        "/api/assess",
        content=b'{"resourceType": "Bundle"}',
        headers={"Content-Type": "application/fhir+json"},
    )
    assert fhir.status_code == 422
    assert fhir.json()["errors"][0]["path"] == "Bundle.type"
    note_as_patient = api.post(
        "/api/patients", content=b"a note", headers={"Content-Type": "text/plain"}
    )
    assert note_as_patient.status_code == 415
    extract_json = api.post("/api/extract", json={"x": 1})
    assert extract_json.status_code == 415


def test_428_without_if_match_and_412_when_stale(api: Api, reference_yaml: bytes) -> None:
    location = api.post("/api/patients", content=reference_yaml, headers=YAML).headers["location"]
    missing = api.put(location, content=reference_yaml, headers=YAML)
    assert missing.status_code == 428
    star = api.put(location, content=reference_yaml, headers={**YAML, "If-Match": "*"})
    assert star.status_code == 428
    assert (
        api.put(location, content=reference_yaml, headers={**YAML, "If-Match": '"1"'}).status_code
        == 200
    )
    stale = api.put(location, content=reference_yaml, headers={**YAML, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.headers["etag"] == '"2"'
    assert "revision 2" in stale.json()["error"]
    garbage = api.put(location, content=reference_yaml, headers={**YAML, "If-Match": '"abc"'})
    assert garbage.status_code == 412
    # Nothing was lost: still exactly two revisions.
    assert len(api.get(f"{location}/revisions").json()) == 2


def test_404_for_an_unknown_patient_without_echoing_the_id(api: Api) -> None:
    response = api.get("/api/patients/Jane-Doe-1957")
    assert response.status_code == 404
    assert "Jane" not in response.text


def _boom_app(store: Store) -> Api:
    app = create_app(Settings(auth="none"), store=store)

    def boom() -> None:
        raise RuntimeError("Jane Doe, born 1957-06-15, has a heliotrope rash")

    app.add_api_route("/boom/{anything}", boom)
    return Api(app)


def test_500_returns_only_an_error_id_and_logs_id_and_type(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    api = _boom_app(store)
    try:
        with caplog.at_level(logging.INFO):
            response = api.get("/boom/x?name=Jane")
    finally:
        api.close()
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"error", "id"}
    assert body["error"] == "internal error"
    errors = [json.loads(r.getMessage()) for r in caplog.records if r.name == "myositis_cds.error"]
    assert errors == [{"event": "internal_error", "id": body["id"], "type": "RuntimeError"}]
    server_side = " ".join(r.getMessage() for r in caplog.records if r.name != "httpx")
    assert "Jane" not in server_side
    assert "heliotrope" not in server_side


def test_access_log_has_route_template_status_and_duration_only(
    api: Api, reference_yaml: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="myositis_cds.access"):
        location = api.post("/api/patients", content=reference_yaml, headers=YAML).headers[
            "location"
        ]
        api.get(f"{location}/assessment?as_of=2024-01-01")
        api.post("/api/assess?as_of=2999-01-01", content=reference_yaml, headers=YAML)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "myositis_cds.access"]
    assert [(x["method"], x["route"], x["status"]) for x in lines] == [
        ("POST", "/api/patients", 201),
        ("GET", "/api/patients/{patient_id}/assessment", 200),
        ("POST", "/api/assess", 422),
    ]
    assert all(set(x) == {"event", "method", "route", "status", "duration_ms"} for x in lines)
    patient_id = location.rsplit("/", 1)[1]
    server_side = " ".join(r.getMessage() for r in caplog.records if r.name != "httpx")
    for secret in (patient_id, "2024-01-01", "2999", "reference-case", "TIF1G"):
        assert secret not in server_side
