"""No patient data in any log line: the API suite's kinds of requests (good and bad, every
route) made with known test patients, in-process (every logger captured at DEBUG) and against a
real server (its whole stderr), then every record scanned for the patients' case ids, dates of
birth and note text."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest
from benchmarks import _harness as h

from tests.api.conftest import YAML, Api

# Distinctive values a log line could only contain by copying the request.
PATIENTS = [
    {
        "case_id": "LOGSCAN-CASE-7F3A",
        "birth_date": "1931-02-17",
        "note": "zebra-striped umbrella rash over the knuckles",
    },
    {
        "case_id": "LOGSCAN-CASE-91QX",
        "birth_date": "1944-11-29",
        "note": "marmalade-coloured heliotrope since the harvest festival",
    },
]
SECRETS = [value for patient in PATIENTS for value in patient.values()]


def _case(patient: dict[str, str]) -> dict[str, object]:
    return {
        "case_id": patient["case_id"],
        "patient": {"sex": "female", "birth_date": patient["birth_date"]},
        "findings": [{"code": "heliotrope_rash", "present": True, "note": patient["note"]}],
    }


def _exercise(request: object) -> None:
    """Every route, with valid and invalid bodies carrying the test patients' data."""
    call = request  # (method, url, **kwargs) -> response
    assert callable(call)
    for patient in PATIENTS:
        case = _case(patient)
        created = call("POST", "/api/patients", json=case)
        assert created.status_code == 201, created.text
        location = created.headers["location"]
        call("GET", location)
        call("GET", f"{location}/revisions")
        call("GET", f"{location}/revisions/1")
        call("GET", f"{location}/assessment")
        call("GET", f"{location}/assessments")
        changed = {**case, "patient": {**case["patient"], "region": "US"}}  # type: ignore[dict-item]
        call("PUT", location, json=changed, headers={"If-Match": '"1"'})
        call("PUT", location, json=changed, headers={"If-Match": '"1"'})  # 412
        call("PUT", location, json=changed)  # 428
        bad = {
            **case,
            "patient": {"sex": "female", "birth_date": patient["birth_date"], "age": 400},
        }
        call("POST", "/api/patients", json=bad)  # 422
        call("POST", "/api/assess", json=case)
        call("POST", "/api/assess", json=case, params={"format": "cards"})
        call(
            "POST",
            "/api/assess",
            content=patient["note"].encode(),
            headers={"Content-Type": "text/plain"},
        )
        call(
            "POST",
            "/api/extract",
            content=patient["note"].encode(),
            headers={"Content-Type": "text/plain"},
        )
        call(
            "POST",
            "/api/assess",
            content=json.dumps(case).encode(),
            headers={"Content-Type": "a/b"},
        )
        call(
            "POST",
            "/api/assess",
            content=f"case_id: {patient['case_id']}\n: [".encode(),
            headers=YAML,
        )
        call("GET", f"/api/patients/{patient['case_id']}")  # an id that is a case id: 404
        call("GET", "/api/worklist", params={"as_of": patient["birth_date"]})
        call("GET", "/api/patients")
        call("DELETE", location)


def _scan(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def test_no_patient_data_in_the_in_process_logs(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level
    _exercise(api.request)
    # httpx/httpcore log the *test's own client* (its URLs carry the as_of query we sent);
    # everything the server side logs is scanned.
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name == "myositis_cds.access" for r in records)  # the scan saw the log
    leaked = {secret for r in records for secret in _scan(r.getMessage() + str(r.args or ""))}
    assert leaked == set()


def test_no_patient_data_in_a_real_servers_output(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with h.serving(f"sqlite:///{tmp_path / 'scan.sqlite3'}", log) as server:
        http = httpx.Client(base_url=server.base, timeout=120)
        try:
            _exercise(http.request)
        finally:
            http.close()
    text = log.read_text(errors="replace")
    assert '"event": "request"' in text  # the access log was written there
    assert _scan(text) == []
