"""No patient data in any log line, over every route family (issue #15): the REST API, FHIR
Bundles, CDS Hooks (service, feedback, fetching from a FHIR server) and the web page (assess,
facts form, downloads, plot, saving, editing, patient pages, reports), with one test patient
whose name, birth date, ids and note text are distinctive.

In-process, every logger of the process is set to DEBUG and every record is scanned (the
libraries' too: httpx, multipart, matplotlib, fpdf, SQLAlchemy ...). Against a real ``serve``
(run at DEBUG, uvicorn's loggers included), its whole stderr is scanned.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from benchmarks import _fuzz_bodies as fb
from benchmarks import _harness as h

from myositis_cds.store import Store

pytest.importorskip("jwt")
pytest.importorskip("multipart")

NAME_GIVEN, NAME_FAMILY = "Zephyrine", "Quillfeather-Obradović"
BIRTH = "1933-03-07"
CASE_ID = "LOGSCAN-ALL-5Q2W"
FHIR_ID = "logscan-all-5q2w"
NOTE = "violet rash shaped like a heron over both eyelids since the lantern festival"
SECRETS = [NAME_GIVEN, NAME_FAMILY, BIRTH, CASE_ID, FHIR_ID, NOTE]

Call = Callable[..., httpx.Response]


def _resources() -> list[dict[str, Any]]:
    """The reference case's FHIR resources, as the test patient."""
    out = []
    for resource in fb.RESOURCES:
        r = json.loads(json.dumps(resource).replace("Patient/reference-case", f"Patient/{FHIR_ID}"))
        if r["resourceType"] == "Patient":
            r.update(
                id=FHIR_ID,
                birthDate=BIRTH,
                name=[{"given": [NAME_GIVEN], "family": NAME_FAMILY}],
            )
        if r.get("id") == "heliotrope":
            r["note"] = [{"text": NOTE}]
        out.append(r)
    return out


def _bundle() -> bytes:
    return json.dumps(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": r} for r in _resources()],
        }
    ).encode()


def _case_yaml() -> str:
    return (
        f"case_id: {CASE_ID}\n"
        f"patient: {{sex: female, birth_date: '{BIRTH}'}}\n"
        "onset_date: '2022-01-10'\n"
        "findings:\n"
        f"  - {{code: heliotrope_rash, present: true, date: '2022-01-10', note: '{NOTE}'}}\n"
        "  - {code: gottron_papules, present: true, date: '2022-01-10'}\n"
        "  - {code: proximal_weakness, present: true, date: '2022-01-10'}\n"
        "antibodies:\n"
        "  - {code: TIF1G, result: positive, date: '2022-02-01'}\n"
    )


def _note() -> str:
    return (
        f"Clinic letter. {NAME_GIVEN} {NAME_FAMILY}, born {BIRTH}, hospital id {CASE_ID}. "
        f"A 89-year-old woman with dermatomyositis: {NOTE}. Gottron papules. Anti-TIF1-gamma "
        "positive. CK 2400 U/L (upper limit 200)."
    )


def _exercise(
    call: Call, sign: Callable[[str], str], *, csrf: str = "", fetch: bool = True
) -> None:
    """One pass over every route family with the test patient's data, good and bad."""
    fhir = {"Content-Type": "application/fhir+json"}
    yaml_type = {"Content-Type": "application/yaml"}
    # REST, with the patient's data in case files, FHIR and notes
    call("POST", "/api/assess", content=_case_yaml().encode(), headers=yaml_type)
    call("POST", "/api/assess", content=_bundle(), headers=fhir, params={"format": "fhir"})
    bad = json.loads(_bundle())
    bad["entry"][0]["resource"]["birthDate"] = f"{BIRTH}x"
    call("POST", "/api/assess", content=json.dumps(bad).encode(), headers=fhir)  # 422
    call("POST", "/api/assess", content=_note().encode(), headers={"Content-Type": "text/plain"})
    call("POST", "/api/extract", content=_note().encode(), headers={"Content-Type": "text/plain"})
    created = call("POST", "/api/patients", content=_bundle(), headers=fhir)
    assert created.status_code == 201, created.text
    location = created.headers["location"]
    call("GET", location)
    call("GET", f"{location}/assessment", params={"as_of": "2024-01-15"})
    call("PUT", location, content=_case_yaml().encode(), headers={**yaml_type, "If-Match": '"1"'})
    call("GET", f"/api/patients/{CASE_ID}")  # 404
    call("GET", "/api/worklist", params={"as_of": BIRTH})
    # CDS Hooks: prefetched, then fetched from the FHIR server, then feedback
    service = fb.SERVICE
    prefetch = {"patient": _resources()[0]}
    for key, rtype in fb.PREFETCH_TYPES.items():
        prefetch[key] = fb._searchset([r for r in _resources() if r["resourceType"] == rtype])
    hook = {
        "hook": "patient-view",
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "context": {"userId": "Practitioner/1", "patientId": FHIR_ID},
        "prefetch": prefetch,
    }
    cards = call("POST", service, json=hook, headers={"Authorization": f"Bearer {sign(service)}"})
    assert cards.status_code == 200, cards.text
    if fetch:
        fetched = {**hook, "prefetch": {"patient": prefetch["patient"]}}
        fetched["fhirServer"] = "https://fhir.logscan.example/r4"
        fetched["fhirAuthorization"] = {"access_token": "t", "token_type": "Bearer"}
        got = call(
            "POST", service, json=fetched, headers={"Authorization": f"Bearer {sign(service)}"}
        )
        assert got.status_code == 200, got.text
    wrong = {**hook, "prefetch": {**prefetch, "patient": {**prefetch["patient"], "gender": 7}}}
    call("POST", service, json=wrong, headers={"Authorization": f"Bearer {sign(service)}"})
    feedback = service + "/feedback"
    entry = {
        "card": "c",
        "outcome": "overridden",
        "outcomeTimestamp": "2024-01-15T10:00:00Z",
        "overrideReason": {"userComment": NOTE},
    }
    call(
        "POST",
        feedback,
        json={"feedback": [entry]},
        headers={"Authorization": f"Bearer {sign(feedback)}"},
    )
    # the web page: assess a note and a case file, then the facts form everywhere it goes
    call("GET", "/")
    page = call("POST", "/assess", data={"text": _note(), "as_of": "", "csrf_token": csrf})
    assert page.status_code == 200, page.text[:300]
    call("POST", "/assess", data={"text": _case_yaml(), "as_of": "x" + BIRTH, "csrf_token": csrf})
    upload = {"upload": ("case.json", _bundle(), "application/fhir+json")}
    call("POST", "/assess", data={"text": "", "as_of": "", "csrf_token": csrf}, files=upload)
    facts = {**fb.form_fields(page.text), "csrf_token": csrf}
    for path in ("/reassess", "/case.yaml", "/plot.svg"):
        call("POST", path, data=facts)
    call("POST", "/reassess", data={**facts, "p.birth_date": f"{BIRTH}!"})  # 422
    saved = call("POST", "/patients/new", data=facts)
    assert saved.status_code == 303, saved.text[:300]
    patient = saved.headers["location"].split("?")[0]
    call("GET", patient)
    call("GET", "/patients")
    call("GET", f"{patient}/report.html")
    call("POST", f"{patient}/edit", data={**facts, "revision": "1"})
    call("POST", f"{patient}/edit", data={**facts, "revision": "1"})  # 412: stale


def _leaks(lines: list[str]) -> list[tuple[str, str]]:
    return [(secret, line[:200]) for line in lines for secret in SECRETS if secret in line]


# --------------------------------------------------------------------------- in-process
@pytest.fixture
def every_logger_at_debug(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
    # SQL logging on, as an operator turns it on to debug the store (statements and their
    # parameters); SQLAlchemy's DEBUG adds the result rows, i.e. the database itself.
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine.Engine")
    yield caplog


def test_no_patient_data_in_any_log_record_over_every_route(
    tmp_path: Path, every_logger_at_debug: pytest.LogCaptureFixture
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'scan.sqlite3'}")
    try:
        with fb.bench(store, tmp_path) as bench:
            bench.fhir_answer.append((200, json.dumps(fb._searchset(_resources())).encode()))

            def call(method: str, url: str, **kwargs: Any) -> httpx.Response:
                headers = {"Authorization": f"Bearer {bench.token}", **kwargs.pop("headers", {})}
                return bench.request(method, url, headers=headers, **kwargs)

            every_logger_at_debug.clear()
            _exercise(call, bench.sign, csrf=bench.csrf)
    finally:
        store.close()
    records = every_logger_at_debug.records
    names = {r.name for r in records}
    assert "myositis_cds.access" in names  # the scan saw the service's log
    lines = []
    for r in records:
        text = f"{r.name}: {r.getMessage()}"
        if r.exc_info and r.exc_info[1] is not None:
            text += f" {r.exc_info[1]}"
        lines.append(text)
    assert any(line.startswith("sqlalchemy.engine") for line in lines)  # SQL was logged
    # httpx also logs the test's own requests (to http://testserver, some with the patient's
    # data in the URL on purpose); the server's fetches from the FHIR server are scanned.
    server_side = [
        line
        for line in lines
        if not line.startswith("httpx: HTTP Request: ") or ("http://testserver/" not in line)
    ]
    assert _leaks(server_side) == []


# --------------------------------------------------------------------------- a real server
_SERVE_AT_DEBUG = """
import logging, sys
import myositis_cds.api._server as server
configure = server._configure_logging
def at_debug():
    configure()
    logging.getLogger().setLevel(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        logging.getLogger(name).setLevel(logging.DEBUG)
    # SQL statements and parameters, not result rows (see every_logger_at_debug)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    logging.getLogger("sqlalchemy.engine.Engine").setLevel(logging.INFO)
server._configure_logging = at_debug
from myositis_cds.cli import main
sys.argv = ["myositis-cds", *sys.argv[1:]]
main()
"""


def test_no_patient_data_in_a_real_servers_debug_output(tmp_path: Path) -> None:
    issuers, sign = fb._keys(tmp_path)
    port = h.free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    args = [
        *("serve", "--port", str(port), "--auth", "none"),
        *("--db", f"sqlite:///{tmp_path / 'scan.sqlite3'}", "--cds-issuers", str(issuers)),
        *("--public-url", fb.BASE),  # the JWTs' aud (as behind a proxy)
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", _SERVE_AT_DEBUG, *args],
            stdout=out,
            stderr=out,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        with httpx.Client(base_url=base, timeout=120) as http:
            for _ in range(600):
                try:
                    if http.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None:
                    pytest.fail(log.read_text(errors="replace")[-2000:])
                time.sleep(0.1)
            _exercise(http.request, sign, fetch=False)  # no FHIR server to fetch from here
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert '"event": "request"' in text
    assert "SQL parameters hidden" in text  # SQL was logged, without its parameters
    assert '"route": "/cds-services/myositis-cancer-screening"' in text  # CDS Hooks were logged
    assert _leaks(text.splitlines()) == []
