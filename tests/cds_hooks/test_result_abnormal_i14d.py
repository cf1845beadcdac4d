"""The patient-view cards for a screening mammogram read from its report's conclusion (branch
i14d), the patient of tests/cds_hooks/test_result_not_stated.py: a woman born 1960-03-01 with
dermatomyositis from 2023-10-01, a final DiagnosticReport "Mammogram" of 2023-11-20, seen on
2024-01-15 (the diagnosis round, window from 2023-07-01, has the mammogram done).

"No evidence of malignancy." denies malignancy: a normal (negative) screen, so no card asks for
a work-up. A conclusion naming a suspicious mass is abnormal: a warning card says work-up is
needed, orders nothing (the test is done), and the mammogram is not among the tests due.
"""

from __future__ import annotations

from tests.cds_hooks.conftest import Bench, Signer
from tests.cds_hooks.test_result_not_stated import _cards


def test_no_evidence_of_malignancy_is_a_negative_screen_not_an_abnormal_one(
    bench: Bench, sign: Signer
) -> None:
    cards = _cards(bench, sign, conclusion="No evidence of malignancy.")
    assert not [c for c in cards if "abnormal" in c["summary"] or "not stated" in c["summary"]]


def test_a_suspicious_mass_gets_a_work_up_card(bench: Bench, sign: Signer) -> None:
    cards = _cards(bench, sign, conclusion="Suspicious mass in the left breast, BI-RADS 4.")
    (card,) = [c for c in cards if "abnormal" in c["summary"]]
    assert card["summary"] == (
        "Myositis cancer screening: 1 abnormal result(s): work-up needed, not a negative screen"
    )
    assert card["indicator"] == "warning"
    assert "suggestions" not in card  # work it up; the mammogram need not be ordered again
    # the date and the conclusion come from the report; the round is the diagnosis round
    assert card["detail"].startswith(
        "- **Mammography**: done 2023-11-20 (abnormal: work-up needed; Suspicious mass in the "
        "left breast, BI-RADS 4.) for the diagnosis round of the "
    )
    assert not [c for c in cards if "not stated" in c["summary"]]
    for c in cards:
        if c is not card:
            assert "**Mammography**" not in c["detail"]
