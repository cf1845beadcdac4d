"""issue #10 (i36e): classes of the round-36 misses on the opened note sets (heldout36-39).

- A test whose report is told as what it did *not* show ("did not show any cancer", "didn't
  reveal a tumour", "has not shown any malignancy") is a normal result, and what it did not
  show is absent: the negated form of "showed no", which the rules already read.
- Where the patient lives, written as a patient line's last item after the sex ("Patient: ...
  DOB ...   Female   Tavistock, Devon"), after "of" on a letter's "Re:" line ("Re: Ms X, born
  ..., of Belper, Derbyshire"), after a form's "Lives:" label, or as an English county ISO 3166-2
  does not list (the six metropolitan counties, "West Yorkshire"; the Royal Mail's former postal
  county abbreviations, "Herts", "Lincs", "N Yorks").

Our own sentences (never a note's); the values are worked out by hand from the gold conventions
of tests/data/notes/README.md (a result the text words as nothing found is "normal"; the region
is the ISO 3166 code of the country the patient lives in). Each class has a guard: a near miss
that must not be read.
"""

from __future__ import annotations

import pytest

from .helpers import case_of, findings_of


def _investigations(text: str) -> set[tuple[str, str, str]]:
    return {(i.code.value, i.result.value, str(i.date)) for i in case_of(text).investigations}


# --- class A: a report told by what it did not show -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # prose, the test and its date in brackets, the negated verb in a relative clause
        "Woman, 61. She had a scan (CT chest, abdomen and pelvis, 03/06/2026) which did not "
        "show any cancer.",
        # the contracted negation, the date after "on"
        "Woman, 61. CT chest, abdomen and pelvis on 03/06/2026 didn't show any malignancy.",
        # "reveal", an article instead of "any"
        "Woman, 61. CT chest, abdomen and pelvis on 03/06/2026 did not reveal a tumour.",
        # a form's field, the present perfect
        "Woman, 61.\nCT CAP (03/06/2026): has not shown any sign of cancer.",
        # "demonstrate", the passive
        "Woman, 61. On 03/06/2026 a CT chest, abdomen and pelvis was done and did not "
        "demonstrate any malignancy.",
    ],
)
def test_a_scan_that_did_not_show_cancer_is_normal(text: str) -> None:
    assert _investigations(text) == {("ct_chest_abdomen_pelvis", "normal", "2026-06-03")}


def test_what_the_scan_did_not_show_is_absent() -> None:
    text = "Man, 58. HRCT chest on 11/05/2026 did not show any interstitial lung disease."
    assert findings_of(text).get("interstitial_lung_disease") is False
    assert _investigations(text) == {("ct_chest", "normal", "2026-05-11")}


def test_a_patient_who_did_not_show_up_has_no_result() -> None:
    # guard: "did not show up" is an attendance, not a result
    text = "Woman, 61. She did not show up for her CT chest, abdomen and pelvis on 03/06/2026."
    assert ("ct_chest_abdomen_pelvis", "normal", "2026-06-03") not in _investigations(text)


def test_what_the_scan_then_showed_is_abnormal() -> None:
    # guard: a negated finding, then what the scan did show after "but"
    text = (
        "Woman, 61. CT chest, abdomen and pelvis on 03/06/2026 did not show any lymph nodes "
        "but showed a 30 mm mass in the left ovary."
    )
    assert _investigations(text) == {("ct_chest_abdomen_pelvis", "abnormal", "2026-06-03")}
