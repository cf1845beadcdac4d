"""CDS Hooks 2.0.1 conformance, requirement by requirement (HL7/cds-hooks v2.0.1
input/pagecontent/index.md; card checks as Inferno's CRD cards_validation does them).

The reference case (examples/reference-case.fhir.json) on 2024-01-15: CT neck and CA-125
overdue (at-diagnosis round 2022-12-20, overdue 3 months later); the basic panel's 12-month round
(2023-12-20) due, not yet overdue (that needs 2 months past the round: knowledge/
imacs_2023_screening.yaml `windows`); FDG PET-CT due as a conditional test (anti-TIF1γ DM with
onset after 40 plus a clinical high-risk feature; a small localised NET does not explain the
myositis, so the search goes on: `found_tumour`); the first post-resection NET visit (window to
2024-07-12) due.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

import pytest

from myositis_cds.api.cds_hooks import SERVICE_ID, CdsHooksConfig
from tests.cds_hooks.conftest import (
    ACCESS_TOKEN,
    DISCOVERY_URL,
    FEEDBACK_URL,
    FHIR_AUTH,
    FHIR_BASE,
    ISSUER,
    ORIGIN,
    PATH,
    Bench,
    Signer,
    bearer,
    call_hook,
    hook_request,
    prefetch_for,
    reference_prefetch,
    reference_resources,
)

# a SMART backend-services grant for the FHIR server
SMART_AUTH = {**FHIR_AUTH, "scope": "patient/*.read", "subject": "cds-service"}


def call(bench: Bench, sign: Signer, body: dict[str, Any]) -> Any:
    return call_hook(bench.client, sign, body)


# --------------------------------------------------------------------------- discovery
def test_discovery_lists_the_service_with_its_prefetch(bench: Bench, sign: Signer) -> None:
    response = bench.client.get("/cds-services", headers=bearer(sign(DISCOVERY_URL)))
    assert response.status_code == 200
    (service,) = response.json()["services"]
    # hook, description and id are REQUIRED; title RECOMMENDED
    assert service["hook"] == "patient-view" and service["id"] == SERVICE_ID
    assert service["title"] and service["description"]
    prefetch = service["prefetch"]
    assert prefetch["patient"] == "Patient/{{context.patientId}}"
    for key in ("conditions", "observations", "procedures", "diagnosticReports"):
        assert re.fullmatch(r"[A-Za-z]+\?patient=\{\{context\.patientId\}\}", prefetch[key])
    assert {"medicationStatements", "medicationRequests"} <= set(prefetch)


# --------------------------------------------------------------------------- cards
@pytest.fixture()
def cards(bench: Bench, sign: Signer) -> list[dict[str, Any]]:
    body = hook_request(prefetch=reference_prefetch())
    response = call(bench, sign, body)
    assert response.status_code == 200, response.text
    out: list[dict[str, Any]] = response.json()["cards"]
    return out


def test_every_card_has_the_required_fields_within_limits(cards: list[dict[str, Any]]) -> None:
    assert cards
    for card in cards:
        uuid.UUID(card["uuid"])  # needed for feedback
        assert isinstance(card["summary"], str) and 0 < len(card["summary"]) < 140
        assert card["indicator"] in ("info", "warning", "critical")
        assert isinstance(card["source"]["label"], str) and card["source"]["label"]
        assert isinstance(card["detail"], str) and card["detail"]
        if "suggestions" in card:
            assert card["selectionBehavior"] in ("at-most-one", "any")
        for link in card.get("links", []):
            assert link["type"] in ("absolute", "smart") and link["label"] and link["url"]


def test_suggestions_create_draft_service_requests(cards: list[dict[str, Any]]) -> None:
    from fhir.resources.R4B.servicerequest import ServiceRequest

    suggestions = [s for c in cards for s in c.get("suggestions", [])]
    assert suggestions
    for s in suggestions:
        assert s["label"] and uuid.UUID(s["uuid"])
        (action,) = s["actions"]
        assert action["type"] == "create" and action["description"]
        request = ServiceRequest.model_validate(action["resource"])  # valid R4 ServiceRequest
        assert (request.status, request.intent) == ("draft", "proposal")
        assert action["resource"]["subject"] == {"reference": "Patient/reference-case"}


def test_the_screening_card_for_the_reference_case(cards: list[dict[str, Any]]) -> None:
    # the tests due (the CTs done with an abnormal result have their own work-up card)
    (screening,) = [c for c in cards if c["summary"].endswith("due (IMACS high risk)")]
    assert screening["summary"] == ("Myositis cancer screening: 2 overdue, 9 due (IMACS high risk)")
    assert screening["source"]["url"] == "https://doi.org/10.1038/s41584-023-01045-w"
    due = {
        s["actions"][0]["resource"]["code"]["text"]: s["actions"][0]["resource"][
            "occurrenceDateTime"
        ]
        for s in screening["suggestions"]
    }
    assert due["CT neck"] == "2022-12-20" and due["Serum CA-125"] == "2022-12-20"
    assert due["Full blood count"] == "2023-12-20"  # 12 months after diagnosis
    assert due["18F-FDG PET-CT"] == "2022-12-20"
    assert len(due) == 11 and screening["selectionBehavior"] == "any"
    (tumour,) = [c for c in cards if c["summary"].startswith("Tumour follow-up")]
    assert (
        tumour["summary"] == "Tumour follow-up due (pancreas neuroendocrine tumour, due 2024-07-12)"
    )
    # no info card: nothing is sent that asks for no action
    assert all(c["indicator"] != "info" for c in cards)


def test_a_patient_without_myositis_gets_no_card(bench: Bench, sign: Signer) -> None:
    resources: list[dict[str, Any]] = [
        {"resourceType": "Patient", "id": "p2", "gender": "male", "birthDate": "1950-02-03"},
        {
            "resourceType": "Condition",
            "id": "c1",
            "subject": {"reference": "Patient/p2"},
            "code": {"text": "Essential hypertension"},
            "recordedDate": "2020-01-01",
        },
    ]
    response = call(bench, sign, hook_request("p2", prefetch=prefetch_for(resources)))
    assert response.status_code == 200 and response.json() == {"cards": []}


def test_a_patient_with_nothing_due_gets_no_card() -> None:
    from datetime import date

    from myositis_cds.assessment import assess
    from myositis_cds.ingest.files import load_case_file
    from myositis_cds.render.cards import to_hook_cards
    from tests.conftest import REFERENCE_CASE

    result = assess(load_case_file(str(REFERENCE_CASE)), as_of=date(2024, 1, 15))
    nothing_due = result.model_copy(
        update={
            # done with a negative result (an abnormal one asks for a work-up: its own card)
            "screening": [
                s
                for s in result.screening or []
                if s.status == "done" and s.result not in ("abnormal", "pending", "not_stated")
            ],
            "tumours": [],
        }
    )
    assert [r.indicator for r in nothing_due.recommendations if r.indicator == "critical"] == []
    assert to_hook_cards(nothing_due, patient_id="x") == []


# --------------------------------------------------------------------------- prefetch / 412
def test_missing_prefetch_without_fhir_server_is_412(bench: Bench, sign: Signer) -> None:
    prefetch = reference_prefetch()
    del prefetch["observations"]  # a key the client chose not to satisfy
    response = call(bench, sign, hook_request(prefetch=prefetch))
    assert response.status_code == 412
    assert "observations" in response.json()["message"]


def test_null_prefetch_value_means_no_data_not_missing(bench: Bench, sign: Signer) -> None:
    prefetch = reference_prefetch()
    prefetch["medicationRequests"] = None
    assert call(bench, sign, hook_request(prefetch=prefetch)).status_code == 200


def test_missing_prefetch_is_fetched_from_the_fhir_server(bench: Bench, sign: Signer) -> None:
    full = call(bench, sign, hook_request(prefetch=reference_prefetch()))
    only_patient = {"patient": reference_prefetch()["patient"]}
    auth = SMART_AUTH
    body = hook_request(prefetch=only_patient, fhirServer=FHIR_BASE, fhirAuthorization=auth)
    fetched = call(bench, sign, body)
    assert fetched.status_code == 200, fetched.text
    strip = [{k: v for k, v in c.items()} for c in fetched.json()["cards"]]
    assert strip == full.json()["cards"]  # same cards from fetched data as from the prefetch
    urls = [u for u, _ in bench.fhir.requests]
    assert any("Observation?patient=reference-case&page=1" in u for u in urls)  # pages followed
    assert all(a == f"Bearer {ACCESS_TOKEN}" for _, a in bench.fhir.requests)


def test_nothing_prefetched_everything_fetched(bench: Bench, sign: Signer) -> None:
    auth = SMART_AUTH
    body = hook_request(fhirServer=FHIR_BASE, fhirAuthorization=auth)
    response = call(bench, sign, body)
    assert response.status_code == 200 and response.json()["cards"]
    assert any(u.endswith("/r4/Patient/reference-case") for u, _ in bench.fhir.requests)


def test_fhir_server_refusing_is_412_and_the_token_is_not_logged(
    bench: Bench, sign: Signer, caplog: pytest.LogCaptureFixture
) -> None:
    bench.fhir.fail_with = 403
    auth = SMART_AUTH
    with caplog.at_level(logging.DEBUG):
        response = call(bench, sign, hook_request(fhirServer=FHIR_BASE, fhirAuthorization=auth))
    assert response.status_code == 412
    assert caplog.records  # the failure is logged ...
    assert all(ACCESS_TOKEN not in r.getMessage() for r in caplog.records)  # ... without token
    assert "reference-case" not in caplog.text  # ... nor the patient id


def test_fhir_server_must_be_https_in_production(bench: Bench, sign: Signer) -> None:
    strict = CdsHooksConfig(issuers=bench.config.issuers)
    assert strict.allow_http_fhir_server is False
    from fastapi import FastAPI

    from myositis_cds.api.cds_hooks import make_router
    from tests.cds_hooks.conftest import Client

    app = FastAPI()
    app.include_router(make_router(strict, bench.store))
    client = Client(app)
    body = hook_request(fhirServer=FHIR_BASE)
    response = client.post(PATH, json=body, headers=bearer(sign()))
    client.close()
    assert response.status_code == 412 and "https" in response.json()["message"]


# --------------------------------------------------------------------------- request shape
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hook": "order-select"}, "hook must be"),
        ({"hookInstance": None}, "hookInstance is required"),
        ({"context": {}}, "context.patientId is required"),
        ({"fhirAuthorization": {"access_token": "x"}}, "fhirAuthorization needs fhirServer"),
    ],
)
def test_malformed_requests_are_400(
    bench: Bench, sign: Signer, change: dict[str, Any], message: str
) -> None:
    body = {**hook_request(prefetch=reference_prefetch()), **change}
    response = call(bench, sign, body)
    assert response.status_code == 400 and message in response.json()["message"]


def test_invalid_fhir_in_the_prefetch_is_422_naming_the_path(bench: Bench, sign: Signer) -> None:
    resources = reference_resources()
    prefetch = prefetch_for(resources)
    prefetch["observations"]["entry"][0]["resource"] = {
        **prefetch["observations"]["entry"][0]["resource"],
        "valueQuantity": {"value": "lots", "unit": "U/L"},
    }
    response = call(bench, sign, hook_request(prefetch=prefetch))
    assert response.status_code == 422
    paths = [e["path"] for e in response.json()["errors"]]
    assert "prefetch.observations.entry[0].resource.valueQuantity.value" in paths


# --------------------------------------------------------------------------- feedback
def test_feedback_is_stored(bench: Bench, sign: Signer) -> None:
    feedback = {
        "feedback": [
            {
                "card": "9368d37b-283f-44a0-93ea-547cebab93ed",
                "outcome": "accepted",
                "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}],
                "outcomeTimestamp": "2024-01-15T10:30:00Z",
            },
            {
                "card": "9368d37b-283f-44a0-93ea-547cebab93ee",
                "outcome": "overridden",
                "overrideReason": {
                    "reason": {"code": "not-relevant", "display": "Not relevant"},
                    "userComment": "done elsewhere",
                },
                "outcomeTimestamp": "2024-01-15T10:31:00Z",
            },
        ]
    }
    response = bench.client.post(
        f"{PATH}/feedback", json=feedback, headers=bearer(sign(FEEDBACK_URL))
    )
    assert response.status_code == 200
    first, second = bench.store.feedback
    assert first["card_uuid"] == "9368d37b-283f-44a0-93ea-547cebab93ed"
    assert first["outcome"] == "accepted" and first["issuer"] == ISSUER
    assert first["accepted_suggestions"] == [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}]
    assert first["outcome_timestamp"].isoformat() == "2024-01-15T10:30:00+00:00"
    assert second["override_reason"]["userComment"] == "done elsewhere"


@pytest.mark.parametrize(
    "item",
    [
        {"card": "c", "outcome": "ignored", "outcomeTimestamp": "2024-01-15T10:30:00Z"},
        {"card": "c", "outcome": "accepted"},  # outcomeTimestamp is required
        {"outcome": "accepted", "outcomeTimestamp": "2024-01-15T10:30:00Z"},
        {
            "card": "c",
            "outcome": "accepted",
            "outcomeTimestamp": "2024-01-15T10:30:00Z",
            "acceptedSuggestions": ["not-an-object"],
        },
    ],
)
def test_malformed_feedback_is_400_and_nothing_stored(
    bench: Bench, sign: Signer, item: dict[str, Any]
) -> None:
    response = bench.client.post(
        f"{PATH}/feedback", json={"feedback": [item]}, headers=bearer(sign(FEEDBACK_URL))
    )
    assert response.status_code == 400
    assert bench.store.feedback == []


# --------------------------------------------------------------------------- CORS
def test_cors_preflight_from_an_allowed_origin(bench: Bench) -> None:
    response = bench.client.options(
        PATH, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "Authorization" in response.headers["access-control-allow-headers"]


def test_cors_other_origins_get_nothing(bench: Bench, sign: Signer) -> None:
    pre = bench.client.options(PATH, headers={"Origin": "https://evil.example"})
    assert pre.status_code == 403 and "access-control-allow-origin" not in pre.headers
    response = bench.client.get(
        "/cds-services", headers={**bearer(sign(DISCOVERY_URL)), "Origin": "https://evil.example"}
    )
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    allowed = bench.client.get(
        "/cds-services", headers={**bearer(sign(DISCOVERY_URL)), "Origin": ORIGIN}
    )
    assert allowed.headers["access-control-allow-origin"] == ORIGIN


def test_cors_wildcard_is_refused() -> None:
    with pytest.raises(ValueError, match="'\\*' is not allowed"):
        CdsHooksConfig(cors_origins=("*",))
