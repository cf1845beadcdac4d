"""Issue #10 (i43i): classes of wording of the treatments and investigations of the development
notes, each checked on sentences written for this test (no text from a note or report)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
HEAD = "Clinic 20/11/2026. 58-year-old woman with dermatomyositis.\n"


def _case(text: str) -> dict[str, Any]:
    """The case read from the invented sentence after a short visit heading, as JSON."""
    return extract_case(HEAD + text, today=TODAY).case.model_dump(mode="json", exclude_none=True)


def _treatments(text: str) -> set[tuple[str, str | None, str | None]]:
    case = _case(text)
    return {(t["drug"], t.get("dose"), t.get("start")) for t in case.get("treatments", [])}


# The starting dose told with the start, where no dose follows the drug's name
# (patterns.yaml dose_at_start): the gold records the starting dose as the drug's dose.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Azathioprine started 02/10/2026 at 100 mg daily, now 150 mg daily.",
            ("azathioprine", "100 mg daily", "2026-10-02"),
        ),
        (
            "Medication: prednisolone (started 14 Aug 2026 at 45 mg once daily, now 20 mg).",
            ("prednisolone", "45 mg once daily", "2026-08-14"),
        ),
        (
            "Prednisolone was started on 3 September 2026 at 35 mg daily.",
            ("prednisolone", "35 mg daily", "2026-09-03"),
        ),
        (
            "She takes mycophenolate, which she started at 500 mg twice daily on 11/07/2026.",
            ("mycophenolate mofetil", "500 mg twice daily", "2026-07-11"),
        ),
        (
            "Prednisolone - started 25 mg once daily on 19/09/2026, now 10 mg.",
            ("prednisolone", "25 mg once daily", "2026-09-19"),
        ),
        # the dose opening a bracket after the name
        (
            "Weaker despite prednisolone (55 mg once daily from 01/11/2026).",
            ("prednisolone", "55 mg once daily", "2026-11-01"),
        ),
    ],
)
def test_starting_dose_told_with_the_start(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _treatments(sentence)


def test_a_dose_right_after_the_name_is_still_the_dose() -> None:
    # a dose right after the name is read as before; the start's later words add nothing
    found = _treatments("Methotrexate 20 mg weekly, started 05/10/2026 at 10 mg.")
    assert ("methotrexate", "20 mg weekly", "2026-10-05") in found


def test_a_start_with_no_dose_gains_none() -> None:
    # "started ... at" a place, not a dose: no dose is read
    found = _treatments("Hydroxychloroquine started 12/06/2026 at the local hospital.")
    assert ("hydroxychloroquine", None, "2026-06-12") in found


def _courses(text: str) -> set[tuple[str, str | None, str | None]]:
    case = _case(text)
    return {(t["drug"], t.get("start"), t.get("stop")) for t in case.get("treatments", [])}


# Two dates joined by "to"/"until" with no "from" before them: a course's range, its stop the
# second date (tests/data/notes/README.md: a course over a stated range of days stops on its last
# day).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Given IV methylprednisolone 750 mg daily 07/09/2026 to 09/09/2026, then oral.",
            ("methylprednisolone", "2026-09-07", "2026-09-09"),
        ),
        (
            "- IV methylprednisolone 20 mg/kg once daily, 21/08/2026 until 23/08/2026.",
            ("methylprednisolone", "2026-08-21", "2026-08-23"),
        ),
        (
            "IVIG 1 g/kg daily 2026-10-05 through 2026-10-06 on the day unit.",
            ("intravenous immunoglobulin", "2026-10-05", "2026-10-06"),
        ),
    ],
)
def test_two_dates_joined_by_to_are_a_course(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _courses(sentence)


def test_a_dose_change_between_two_dates_is_no_range() -> None:
    # "to" joins two doses here, not two dates: the drug did not stop
    found = _courses("Prednisolone 40 mg from 01/09/2026, reduced to 20 mg on 01/10/2026.")
    assert not any(stop for drug, _, stop in found if drug == "prednisolone")


def _investigations(text: str) -> set[tuple[str, str, str]]:
    case = _case(text)
    return {(i["code"], i["result"], i["date"]) for i in case.get("investigations", [])}


# The "-CT" or "/CT" written onto a PET's name the lexicon reads without it: the rest of that
# name, neither a next test that cuts the PET's result clause short nor a repeat of an earlier CT.
@pytest.mark.parametrize(
    "sentence",
    [
        "CT chest/abdomen/pelvis 02/09/2026: 18 mm mass in the pancreatic head.\n"
        "Ga-68 DOTATATE PET-CT 16/09/2026: avid pancreatic head lesion only.",
        "CT chest/abdomen/pelvis 02/09/2026: 18 mm mass in the pancreatic head.\n"
        "68Ga-DOTATATE PET-CT on 16/09/2026: single avid lesion; no nodal disease.",
    ],
)
def test_a_pets_ct_suffix_is_its_name(sentence: str) -> None:
    found = _investigations(sentence)
    assert ("sstr_pet_ct", "abnormal", "2026-09-16") in found
    # the "-CT" is no second CT of the chest, abdomen and pelvis on the PET's date
    assert not any(c == "ct_chest_abdomen_pelvis" and d == "2026-09-16" for c, _, d in found)


def test_a_ct_after_a_pet_in_a_list_is_still_a_test() -> None:
    # a CT named apart from the PET, after a comma, is a next test with its own result
    found = _investigations("PET-CT 03/10/2026: no avid disease, CT chest 03/10/2026: 9 mm nodule.")
    assert ("ct_chest", "abnormal", "2026-10-03") in found
