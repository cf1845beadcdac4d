"""The patient-view card for a patient with a cancer the EHR does not date (found_date_latest).

A woman born 1960-03-01 with dermatomyositis from 2021-06-01 and a breast adenocarcinoma whose
Condition has only ``recordedDate`` 2019-03-01: the cancer was known by that date, which is
inside the IMACS window (2018-06-01 to 2024-06-01, three years either side of onset) but may
also be years before it, so whether it explains the myositis cannot be told and the occult-cancer
search goes on. On 2024-01-15 her at-diagnosis screening round (2021-06-01) is long overdue, so
the screening card is sent; it must say the cancer was found "by 2019-03-01 (date not stated)".
With ``onsetDateTime`` 2019-03-01 instead, the same card says the cancer was found within 3 years
of onset and plausibly explains the myositis.
"""

from __future__ import annotations

from typing import Any

from tests.cds_hooks.conftest import Bench, Signer, call_hook, hook_request, prefetch_for

PATIENT = {"resourceType": "Patient", "id": "p5", "gender": "female", "birthDate": "1960-03-01"}
SUBJECT = {"subject": {"reference": "Patient/p5"}}
MYOSITIS = {
    "resourceType": "Condition",
    "id": "dm",
    **SUBJECT,
    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "396230008"}]},
    "onsetDateTime": "2021-06-01",
}


def _screening_card(bench: Bench, sign: Signer, **dates: str) -> dict[str, Any]:
    cancer = {
        "resourceType": "Condition",
        "id": "ca",
        **SUBJECT,
        "code": {"text": "Adenocarcinoma of breast"},
        **dates,
    }
    prefetch = prefetch_for([PATIENT, MYOSITIS, cancer])
    response = call_hook(bench.client, sign, hook_request("p5", prefetch=prefetch))
    assert response.status_code == 200, response.text
    (card,) = [c for c in response.json()["cards"] if c["summary"].startswith("Myositis cancer")]
    return dict(card)


def test_the_card_says_found_by_the_recorded_date(bench: Bench, sign: Signer) -> None:
    detail = _screening_card(bench, sign, recordedDate="2019-03-01")["detail"]
    assert "**Tumour on record:**" in detail
    assert "found by 2019-03-01 (date not stated)" in detail
    assert "cannot be told" in detail
    assert detail.count("2019-03-01") == detail.count("by 2019-03-01")


def test_the_card_for_a_dated_cancer_says_it_explains_the_myositis(
    bench: Bench, sign: Signer
) -> None:
    detail = _screening_card(bench, sign, onsetDateTime="2019-03-01")["detail"]
    assert "found 2019-03-01" in detail and "by 2019-03-01" not in detail
    assert "found within 3 years of myositis onset" in detail
