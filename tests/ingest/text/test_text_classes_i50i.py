"""Issue #10, twenty-fifth session (branch i50i): classes of wording of the investigations of the
notes. Each expectation is worked out by hand on sentences written for this test (no text from a
note), under the conventions of tests/data/notes/README.md (a test only suggested or recommended
is left out; a test named only as the guide or proof of something else is no test done; a test
told with its own date and result is done, whatever section or request word it stands in)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis.\n"


def _investigations(text: str) -> set[tuple[str, str, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {(i.code.value, i.result.value, i.date) for i in case.investigations}


def _codes(text: str) -> set[str]:
    return {code for code, _, _ in _investigations(text)}


# --- a test only suggested, recommended or to correlate with is not recorded (patterns.yaml
# test_suggested): not pending, as a booked or requested one is


@pytest.mark.parametrize(
    ("sentence", "left_out"),
    [
        ("We would recommend a CT of the chest, abdomen and pelvis.", "ct_chest_abdomen_pelvis"),
        ("I suggest a colonoscopy given her age.", "colonoscopy"),
        ("Consider an FDG PET-CT should the screen be negative.", "fdg_pet_ct"),
        ("Subtle basal change; correlate with a dedicated HRCT.", "ct_chest"),
        ("A transvaginal ultrasound is recommended.", "transvaginal_ultrasound"),
        ("She was advised to have a mammogram through her GP.", "mammography"),
    ],
)
def test_a_test_only_suggested_is_not_recorded(sentence: str, left_out: str) -> None:
    assert left_out not in _codes(sentence)


def test_a_test_booked_beside_one_suggested_stays_pending() -> None:
    found = _investigations(
        "We would recommend a colonoscopy. CT chest/abdomen/pelvis requested today."
    )
    assert "colonoscopy" not in {code for code, _, _ in found}
    assert ("ct_chest_abdomen_pelvis", "pending", date(2026, 11, 20)) in found


def test_a_recommended_test_done_keeps_its_result() -> None:
    found = _investigations(
        "The recommended colonoscopy on 02/11/2026 showed a 30 mm sigmoid mass."
    )
    assert found == {("colonoscopy", "abnormal", date(2026, 11, 2))}


# --- a test told with its own date and a finding is done, though it stands in a plan's section
# or beside a request's word: its result and its date, not pending on the note's date


@pytest.mark.parametrize(
    ("sentence", "done"),
    [
        # a plan's list that goes on with results come back
        (
            "Plan:\n- CT chest/abdomen/pelvis 12/11/2026: 25 mm mass in the caecum.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 12)),
        ),
        (
            "Plan:\n- FBC 14/11/2026: Hb 88 g/L (115-165).",
            ("full_blood_count", "abnormal", date(2026, 11, 14)),
        ),
        # the request told with the test that was done
        (
            "Found on a CT of the chest, abdomen and pelvis on 03/10/2026, requested as "
            "screening: 22 mm lesion in the pancreatic tail.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 3)),
        ),
        # its date written after "of"
        (
            "Seen on the CT chest/abdomen/pelvis of 09/10/2026, requested for screening: "
            "18 mm mass in the left kidney.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 9)),
        ),
    ],
)
def test_a_test_told_with_its_date_and_finding_is_done(
    sentence: str, done: tuple[str, str, date]
) -> None:
    assert done in _investigations(sentence)


@pytest.mark.parametrize(
    "request_line",
    [
        # a request with no date of its own: what the test is for, not what it found
        "Colonoscopy requested for the 9 mm polyp seen on the scan.",
        # a request's date after the note's: when it will be done
        "Colonoscopy booked 02/12/2026 for the 9 mm polyp seen on the scan.",
    ],
)
def test_a_request_with_no_finding_of_its_own_stays_pending(request_line: str) -> None:
    found = _investigations(
        "Found on a CT of the chest, abdomen and pelvis on 03/10/2026, requested as screening: "
        "22 mm lesion in the pancreatic tail. " + request_line
    )
    assert ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 3)) in found
    assert ("ct_chest_abdomen_pelvis", "pending", date(2026, 11, 20)) not in found
    assert ("colonoscopy", "pending", date(2026, 11, 20)) in found


# --- a test's name written onto the word that makes it the guide or the proof of something else
# is no test done (patterns.yaml test_name_as_qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "CT chest 02/11/2026: 25 mm mass in the right upper lobe.\n"
        "CT-guided biopsy 12/11/2026: adenocarcinoma.",
        "CT chest 02/11/2026: 25 mm mass in the right upper lobe.\n"
        "CT guided core biopsy of the mass on 12/11/2026 showed squamous cell carcinoma.",
        "CT chest 02/11/2026: 25 mm mass in the right upper lobe.\n"
        "Registry form: ILD (HRCT-confirmed) no; cancer (biopsy-proven) yes.",
    ],
)
def test_a_tests_name_as_a_guide_or_proof_is_no_test(sentence: str) -> None:
    # only the chest CT told with its own result
    assert _investigations(sentence) == {("ct_chest", "abnormal", date(2026, 11, 2))}


# --- a test said not done after its purpose or its booking, or with the perfect's auxiliary,
# is no test (patterns.yaml test_not_done)


@pytest.mark.parametrize(
    "sentence",
    [
        "Colonoscopy for bowel screening has not yet been done.",
        "Colonoscopy for cancer screening not yet done - please arrange.",
        "A colonoscopy as part of the screen was booked in October but not done.",
        "Colonoscopy has never been done.",
    ],
)
def test_a_test_said_not_done_is_no_test(sentence: str) -> None:
    # the chest CT told with its own result beside it stays, with the biopsy not done after it
    found = _investigations(
        "CT chest 02/11/2026 for cancer screening: 25 mm mass, biopsy not yet done.\n" + sentence
    )
    assert found == {("ct_chest", "abnormal", date(2026, 11, 2))}
