"""Issue #10, twenty-eighth session (branch i53i): classes of wording in the investigations and
the tumours. Each expectation is worked out by hand on sentences written for this test (no text
from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old woman with dermatomyositis. "


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case


def _results(text: str) -> list[tuple[str, str]]:
    return sorted((i.code.value, i.result.value) for i in _case(text).investigations)


# --- a test told only as agreeing with the test just before it shows what that test showed
# (rules/patterns.yaml investigation_concordant; facts/investigations.py _concordant)


@pytest.mark.parametrize(
    ("sentences", "result"),
    [
        (
            "CT chest/abdomen/pelvis 02/11/2026: 24 mm mass in the right breast. "
            "Mammogram 04/11/2026 concordant.",
            "abnormal",
        ),
        (
            "CT chest/abdomen/pelvis 02/11/2026: no mass, no lymphadenopathy. "
            "Mammogram 04/11/2026 concordant.",
            "normal",
        ),
    ],
)
def test_a_concordant_test_shares_the_result_before_it(sentences: str, result: str) -> None:
    assert ("mammography", result) in _results(sentences)
    # nothing for the mammogram to agree with: its result is not stated, never a guess
    assert _results("Mammogram 04/11/2026 concordant.") == [("mammography", "not_stated")]


# --- the tests named, then their sample told taken today with no result yet: pending, asked
# for on the note's date (rules/context.yaml, PENDING)


@pytest.mark.parametrize(
    "sentence",
    [
        "Plan: bloods - CK, FBC, U&E drawn today, to go with the afternoon courier.",
        "FBC and ESR taken this morning - sent to the district laboratory.",
    ],
)
def test_a_sample_taken_today_with_no_result_is_pending(sentence: str) -> None:
    assert ("full_blood_count", "pending") in _results(sentence)
    # its result given after it: no pending test
    assert _results("FBC drawn today: normal indices.") == [("full_blood_count", "normal")]


# --- a form's field value wrapped onto the next line under the value's first letter stays in
# its field, so a past history's date on the second line dates the cancer
# (_normalise.py _value_hangs_on)

FORM = """Patient: Jane ROE       Age: 58 years   Sex: F
Diagnosis      : Dermatomyositis, diagnosed 07.07.2026.

Past history   : Adenocarcinoma of the colon, resected and treated
                 with chemotherapy in 2016; no recurrence since.
Examination    : heliotrope rash.
"""


def test_a_wrapped_form_value_keeps_its_date() -> None:
    case = extract_case(FORM, anchor=date(2026, 11, 20), today=TODAY).case
    assert [(t.site.value if t.site else None, t.found_date) for t in case.tumours] == [
        ("colon", date(2016, 1, 1))
    ]


# --- a bilateral test reported side by side: a lesion on either side makes it abnormal
# (rules/patterns.yaml investigation_side_label; facts/investigations.py _other_side_found)

SIDES = """Clinic 20/11/2026. A 58-year-old woman with dermatomyositis.

Mammogram 10/11/2026 - right: no mass, no suspicious calcification.
{second}
"""


def _sides(second: str) -> list[tuple[str, str]]:
    case = extract_case(SIDES.format(second=second), anchor=date(2026, 11, 20), today=TODAY).case
    return [(i.code.value, i.result.value) for i in case.investigations]


def test_a_lesion_on_the_other_side() -> None:
    assert _sides("Left: a 16 mm spiculated mass at 3 o'clock.") == [("mammography", "abnormal")]
    assert _sides("Left: no mass, no distortion.") == [("mammography", "normal")]
    # no other side's label: the next line is no part of this test's result
    assert _sides("Skin: a 16 mm nodule over the shin.") == [("mammography", "normal")]


# --- a past history's cancer the note also names as present keeps the nodes and metastases
# its staging gave, when no present part restages them (_assemble.py, facts/tumours.py
# STAGING_PARTS)

STAGED = (
    "Clinic 20/11/2026. A 71-year-old man with dermatomyositis, referred with his prostate ca.\n"
    """
PMH:
 - Prostate adenocarcinoma 18 mm, diagnosed on biopsy 02/2018; radical prostatectomy
   06/2018 (pT2 N0 M0); PSA undetectable since.
"""
)


def test_a_past_cancer_keeps_its_staging() -> None:
    case = extract_case(STAGED, anchor=date(2026, 11, 20), today=TODAY).case
    assert [
        (
            t.site.value if t.site else None,
            t.nodes.value if t.nodes else None,
            t.metastases.value if t.metastases else None,
        )
        for t in case.tumours
    ] == [("prostate", "N0", "M0")]
