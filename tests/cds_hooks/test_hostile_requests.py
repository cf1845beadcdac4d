"""Issue #15: hostile CDS Hooks calls found by the body fuzzer (benchmarks/_fuzz_bodies.py).
Each was a 500; each is now an answer in the contract's shape (§5)."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from myositis_cds.api.cds_hooks import make_router
from tests.cds_hooks.conftest import (
    FEEDBACK_URL,
    FHIR_AUTH,
    FHIR_BASE,
    PATH,
    Bench,
    Client,
    Signer,
    bearer,
    call_hook,
    hook_request,
    reference_prefetch,
)

DEEP = b"[" * 100_000 + b"]" * 100_000  # valid JSON, deeper than Python's recursion limit


def _only_patient() -> dict[str, Any]:
    return {"patient": reference_prefetch()["patient"]}


def test_a_patient_id_with_characters_not_allowed_in_a_url_is_sent_encoded(
    bench: Bench, sign: Signer
) -> None:
    # A FHIR id never holds these, but the id comes from the client: it must reach the FHIR
    # server percent-encoded, as one search value, not break the URL (it was httpx.InvalidURL).
    bench.fhir.page_size = 1000  # one page each: the test server's next links echo the id
    body = hook_request(
        "ref\x05 ca&se=1/..",
        prefetch=_only_patient(),
        fhirServer=FHIR_BASE,
        fhirAuthorization=FHIR_AUTH,
    )
    response = call_hook(bench.client, sign, body)
    assert response.status_code == 200, response.text
    urls = [u for u, _ in bench.fhir.requests]
    assert any("Condition?patient=ref%05%20ca%26se%3D1%2F.." in u for u in urls), urls


@pytest.mark.parametrize("where", [PATH, f"{PATH}/feedback"])
def test_a_body_nested_too_deeply_is_400(bench: Bench, sign: Signer, where: str) -> None:
    aud = FEEDBACK_URL if where.endswith("feedback") else None
    token = sign(aud) if aud else sign()
    response = bench.client.post(
        where, content=DEEP, headers={**bearer(token), "Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "bad request"


def test_a_fhir_server_answer_nested_too_deeply_is_412(bench: Bench, sign: Signer) -> None:
    answer = DEEP

    def fhir_server(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=answer, headers={"Content-Type": "application/json"})

    config = dataclasses.replace(bench.config, fhir_transport=httpx.MockTransport(fhir_server))
    from fastapi import FastAPI

    app = FastAPI()
    app.include_router(make_router(config, bench.store))
    client = Client(app)
    try:
        body = hook_request(
            prefetch=_only_patient(), fhirServer=FHIR_BASE, fhirAuthorization=FHIR_AUTH
        )
        response = call_hook(client, sign, body)
    finally:
        client.close()
    assert response.status_code == 412, response.text
    assert response.json()["error"] == "precondition failed"
    assert response.json()["message"].endswith("is not JSON")


@pytest.mark.parametrize("outcome", [["accepted"], {"code": "accepted"}])
def test_a_feedback_outcome_that_is_not_a_string_is_400(
    bench: Bench, sign: Signer, outcome: object
) -> None:
    entry = {"card": "c-1", "outcome": outcome, "outcomeTimestamp": "2024-01-15T10:00:00Z"}
    response = bench.client.post(
        FEEDBACK_URL, json={"feedback": [entry]}, headers=bearer(sign(FEEDBACK_URL))
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == "feedback[0].outcome must be accepted or overridden"
    assert bench.store.feedback == []
