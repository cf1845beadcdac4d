"""A DiagnosticReport's conclusion read the right way round (branch i14d): a denial of what the
report looked for is a normal result, decided before any abnormal word it names; a lesion,
malignancy or suspicion still stated is abnormal. Each expected result is worked out by hand
from the conclusion's words (a clinician's reading), never from the reader's output."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.fhir.test_mapping import SCT, coded, read


def report(**fields: Any) -> dict[str, Any]:
    return {
        "resourceType": "DiagnosticReport",
        "status": "final",
        "code": {"text": "Mammogram"},
        "effectiveDateTime": "2026-10-15",
        **fields,
    }


def result_of(**fields: Any) -> str:
    (inv,) = read(report(**fields)).case.investigations
    return str(inv.result.value)


@pytest.mark.parametrize(
    ("conclusion", "expected"),
    [
        # a denial of malignancy or of a lesion: a normal (negative) screen
        ("No evidence of malignancy.", "normal"),
        ("Negative for malignancy.", "normal"),
        ("No malignant cells.", "normal"),
        ("Malignant cells are not seen.", "normal"),
        ("Benign.", "normal"),
        ("Benign-appearing calcifications.", "normal"),
        ("Without evidence of metastatic disease.", "normal"),
        ("Not suspicious for malignancy.", "normal"),
        ("No mass, calcification or architectural distortion.", "normal"),
        # malignancy or suspicion stated: abnormal, also after a denied one
        ("Malignant cells present.", "abnormal"),
        ("Suspicious for malignancy.", "abnormal"),
        ("Metastatic adenocarcinoma.", "abnormal"),
        ("No evidence of malignancy in the right breast. Suspicious mass in the left.", "abnormal"),
        ("No calcifications, but a 2 cm spiculated mass at 2 o'clock.", "abnormal"),
        ("Malignancy cannot be excluded.", "abnormal"),
    ],
)
def test_a_conclusion_in_words(conclusion: str, expected: str) -> None:
    assert result_of(conclusion=conclusion) == expected


def test_probably_benign_is_neither_a_normal_nor_an_abnormal_screen() -> None:
    # BI-RADS 3 asks for a short-interval follow-up: not a negative screen, so the result is
    # not stated (obtain the report) rather than a reassuring normal
    assert result_of(conclusion="Probably benign finding, BI-RADS 3.") == "not_stated"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("17621005", "normal"),  # Normal
        ("281900007", "normal"),  # No abnormality detected
        ("263654008", "abnormal"),  # Abnormal
    ],
)
def test_a_coded_conclusion(code: str, expected: str) -> None:
    assert result_of(conclusionCode=[coded(SCT, code)]) == expected


def test_a_coded_conclusion_wins_over_the_words() -> None:
    # the code is the report's structured judgement; the text only its prose
    fields = {
        "conclusionCode": [coded(SCT, "263654008")],
        "conclusion": "No evidence of malignancy.",
    }
    assert result_of(**fields) == "abnormal"
