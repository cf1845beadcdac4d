"""A screening test done whose result is not a negative screen (branch i14d): ``abnormal`` and
``pending`` handled as round 13 handled ``not_stated``, in the same table.

The vignette of tests/pathway/test_screening.py: high risk (anti-NXP2 + dysphagia), female born
1960, diagnosis 2023-01-15, assessed 2023-03-01; every enhanced test done 2023-01-20 (in the
diagnosis window, which opened 2022-10-15), CA-125 too. With every result normal the initial
screen is negative and PET-CT / GI endoscopy are due; here the mammogram's result is not normal.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.screening import ScreeningItem
from tests.pathway.test_screening import ALL_ENHANCED_FEMALE, case, factor, plan, risk

CONDITIONAL = ("fdg_pet_ct", "upper_gi_endoscopy", "lower_gi_endoscopy")
ROUND = "for the diagnosis round of the high-risk enhanced panel; no further round scheduled"


def high_risk_plan(mammography: str) -> tuple[dict[str, ScreeningItem], Notes]:
    r = risk("high", [factor("anti_nxp2", group="antibody"), factor("dysphagia")])
    c = case(
        investigations=ALL_ENHANCED_FEMALE,
        results={"mammography": mammography},
        labs={"ca125": "2023-01-20"},
    )
    notes = Notes()
    return plan(c, "2023-03-01", r, notes), notes


def test_an_abnormal_mammogram_is_done_but_no_negative_screen() -> None:
    items, notes = high_risk_plan("abnormal")
    mammo = items["mammography"]
    # done: it need not be ordered again; the enhanced panel has no later round at high risk
    assert (mammo.status, mammo.last_done, mammo.result) == ("done", date(2023, 1, 20), "abnormal")
    assert mammo.reason == f"done 2023-01-20 (abnormal: work-up needed) {ROUND}"
    # the initial screen found something: PET-CT and GI endoscopy are not offered as the tests
    # that follow a negative initial screen
    for test in CONDITIONAL:
        assert items[test].status == "not_indicated", test
        assert "initial screen found no cancer" not in items[test].reason
        assert "abnormal, work-up needed: Mammography" in items[test].reason
    (rec,) = [x for x in notes.recommendations if x.id.startswith("screening.result_")]
    assert rec.id == "screening.result_abnormal.mammography"
    assert rec.indicator == "warning"
    assert rec.summary == "Abnormal screening result: Mammography (diagnosis round), work-up needed"
    assert "not a negative screen and gives no reassurance" in rec.detail
    # an abnormal result is never the one that would let the initial screen count as negative
    assert "lets the initial screen count as negative" not in rec.detail


def test_a_pending_mammogram_is_not_yet_a_negative_screen() -> None:
    items, notes = high_risk_plan("pending")
    mammo = items["mammography"]
    assert (mammo.status, mammo.result) == ("done", "pending")
    assert mammo.reason == (
        "done 2023-01-20 (result pending: not yet a negative screen; obtain the result, if "
        f"abnormal, work it up) {ROUND}"
    )
    for test in CONDITIONAL:
        assert items[test].status == "not_indicated", test
        assert "result pending: Mammography" in items[test].reason
    (rec,) = [x for x in notes.recommendations if x.id.startswith("screening.result_")]
    assert rec.id == "screening.result_pending.mammography"
    assert rec.indicator == "warning"
    assert rec.summary == (
        "Screening result pending: Mammography (diagnosis round), not yet a negative screen"
    )
    # a normal result, once in, completes the initial screen
    assert "lets the initial screen count as negative" in rec.detail


def test_the_same_mammogram_normal_is_the_negative_screen() -> None:
    items, notes = high_risk_plan("normal")
    for test in CONDITIONAL:
        assert items[test].status == "due", test
        assert "initial screen found no cancer" in items[test].reason
    assert not any(x.id.startswith("screening.result_") for x in notes.recommendations)


@pytest.mark.parametrize("result", ["abnormal", "pending"])
def test_a_standard_risk_test_not_negative_is_done_not_overdue_and_warned(result: str) -> None:
    # standard risk: basic panel at diagnosis only (overdue from 2023-04-16 when not done)
    c = case(investigations={"urinalysis": "2023-01-20"}, results={"urinalysis": result})
    notes = Notes()
    item = plan(c, "2023-06-01", risk("standard"), notes)["urinalysis"]
    assert (item.status, item.result) == ("done", result)
    ids = {x.id for x in notes.recommendations}
    assert f"screening.result_{result}.urinalysis" in ids
    assert "screening.overdue.urinalysis" not in ids


def test_an_abnormal_result_with_a_tumour_on_record_names_it() -> None:
    # the reference case: the CT chest-abdomen-pelvis of 2023-02-01 (abnormal, a 9.5 mm
    # pancreatic mass) found the pancreatic NET recorded as found that day
    from myositis_cds.assessment import assess
    from myositis_cds.ingest.files import load_case_file
    from tests.conftest import REFERENCE_CASE, TODAY

    result = assess(load_case_file(str(REFERENCE_CASE), today=TODAY), as_of=TODAY)
    rec = next(r for r in result.recommendations if r.id == "screening.result_abnormal.ct_chest")
    assert "abnormal: work-up needed; 6 x 9.5 mm pancreatic mass" in rec.detail
    assert "A tumour is on record (pancreas, found 2023-02-01)" in rec.detail


def test_an_abnormal_result_worked_up_into_a_tumour_leaves_the_judgement_to_the_tumour() -> None:
    # the reference case with CA-125 and a neck CT added in the diagnosis round (2023-01-20):
    # the enhanced panel's CT of 2023-02-01 is abnormal, and the 9.5 mm G1 pancreatic NET found
    # that day does not explain the myositis (issue #9), so the search goes on: at high risk the
    # upper GI endoscopy that follows a negative initial screen is considered (due), not held
    # back by the abnormal CT
    from myositis_cds.case import parse_case
    from myositis_cds.ingest.files import load_case_file
    from tests.conftest import REFERENCE_CASE

    data = load_case_file(str(REFERENCE_CASE)).model_dump(mode="json", exclude_none=True)
    data["labs"].append({"code": "ca125", "above_uln": False, "date": "2023-01-20"})
    data["investigations"].append({"code": "ct_neck", "date": "2023-01-20", "result": "normal"})
    c = parse_case(data)
    items = plan(c, "2024-01-01", risk("high"))
    assert items["ct_chest"].result == "abnormal"
    assert items["upper_gi_endoscopy"].status == "due"
    assert "initial screen found no cancer" in items["upper_gi_endoscopy"].reason
