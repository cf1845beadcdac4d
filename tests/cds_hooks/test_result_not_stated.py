"""The patient-view cards for a screening test done whose result the EHR does not give.

A woman born 1960-03-01 with dermatomyositis from 2023-10-01 (onset at 63, so the screening
clock starts there) has a final DiagnosticReport "Mammogram" of 2023-11-20 with no conclusion,
interpretation or outcome: the FHIR reader records it done, result ``not_stated``. On the
service's date, 2024-01-15, the diagnosis round (window from 2023-07-01) has the mammogram done,
so it is not among the tests due; a separate warning card asks for its report and orders
nothing. With the conclusion "Normal bilateral mammogram." the same patient gets no such card.
"""

from __future__ import annotations

from typing import Any

from tests.cds_hooks.conftest import Bench, Signer, call_hook, hook_request, prefetch_for

PATIENT = {"resourceType": "Patient", "id": "p7", "gender": "female", "birthDate": "1960-03-01"}
SUBJECT = {"subject": {"reference": "Patient/p7"}}
MYOSITIS = {
    "resourceType": "Condition",
    "id": "dm",
    **SUBJECT,
    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "396230008"}]},
    "onsetDateTime": "2023-10-01",
}


def _cards(bench: Bench, sign: Signer, **conclusion: str) -> list[dict[str, Any]]:
    mammogram = {
        "resourceType": "DiagnosticReport",
        "id": "mammo",
        **SUBJECT,
        "status": "final",
        "code": {"text": "Mammogram"},
        "effectiveDateTime": "2023-11-20",
        **conclusion,
    }
    prefetch = prefetch_for([PATIENT, MYOSITIS, mammogram])
    response = call_hook(bench.client, sign, hook_request("p7", prefetch=prefetch))
    assert response.status_code == 200, response.text
    return list(response.json()["cards"])


def test_a_mammogram_without_a_result_gets_a_card_asking_for_the_report(
    bench: Bench, sign: Signer
) -> None:
    cards = _cards(bench, sign)
    (card,) = [c for c in cards if "not stated" in c["summary"]]
    assert card["summary"] == (
        "Myositis cancer screening: 1 result(s) not stated: obtain the report(s)"
    )
    assert card["indicator"] == "warning"
    assert "suggestions" not in card  # read the report; do not order the test again
    assert "**Mammography**: done 2023-11-20" in card["detail"]
    assert "not counted as a normal (negative) screen" in card["detail"]
    assert "If a report is abnormal, work it up" in card["detail"]
    # the mammogram is done, so it is not among the tests the screening card lists as due
    due = [
        c for c in cards if c["summary"].startswith("Myositis cancer screening: ") and c is not card
    ]
    for c in due:
        assert "**Mammography**" not in c["detail"]


def test_a_mammogram_with_a_normal_conclusion_gets_no_such_card(bench: Bench, sign: Signer) -> None:
    cards = _cards(bench, sign, conclusion="Normal bilateral mammogram.")
    assert not [c for c in cards if "not stated" in c["summary"]]
