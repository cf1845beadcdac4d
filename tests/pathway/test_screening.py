"""IMACS 2023 dated screening plan (knowledge/imacs_2023_screening.yaml).

Windows used below, from the data (months, dates inclusive):
  at diagnosis: counts from 3 months before the diagnosis date; overdue the day after
                diagnosis + 3 months.
  follow-up:    counts from 2 months before the round date; overdue the day after round + 2 months.
Schedule: standard basic@0; moderate basic@0 + enhanced@0; high basic@0,12,24,36 + enhanced@0.
Diagnosis 2023-01-15 throughout unless stated: the diagnosis round opens 2022-10-15 and is overdue
from 2023-04-16; the 12-month round (2024-01-15) opens 2023-11-15, overdue from 2024-03-16.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from myositis_cds.case import Case, parse_case
from myositis_cds.ingest.files import load_case_file
from myositis_cds.pathway.cancer_risk import CancerRisk, RiskFactor, assess_cancer_risk
from myositis_cds.pathway.classification import Subgroup, classify
from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.screening import (
    ScreeningItem,
    _plan,
    plan_screening,
    screening_rules,
)
from tests.conftest import REFERENCE_CASE, TODAY

DIAGNOSIS = "2023-01-15"
FEMALE_ONLY = {"cervical_smear", "mammography", "transvaginal_ultrasound", "ca125"}
MALE_ONLY = {"psa"}


def factor(fid: str, tier: str = "high", group: str = "clinical") -> RiskFactor:
    return RiskFactor(
        id=fid,
        label=fid.replace("_", " "),
        group=group,  # type: ignore[arg-type]
        tier=tier,  # type: ignore[arg-type]
        direction="raises" if tier != "low" else "lowers",
        evidence="test",
        source="test",
        verified="U",
    )


def risk(
    category: str,
    factors: list[RiskFactor] | None = None,
    subgroup: Subgroup | None = "dermatomyositis",
) -> CancerRisk:
    return CancerRisk(
        category=category,  # type: ignore[arg-type]
        factors=factors or [],
        rule="test",
        rule_verified="U",
        in_scope=True,
        scope_note="test",
        subgroup=subgroup,
        age_at_onset=60,
        source="test",
    )


def case(
    *,
    investigations: dict[str, str] | None = None,
    results: dict[str, str] | None = None,
    labs: dict[str, str] | None = None,
    sex: str = "female",
    diagnosis: str | None = DIAGNOSIS,
    onset: str | None = "2022-11-01",
    region: str | None = None,
    **extra: Any,
) -> Case:
    patient: dict[str, Any] = {"sex": sex, "birth_date": "1960-01-01"}
    if region is not None:
        patient["region"] = region
    data: dict[str, Any] = {
        "patient": patient,
        "investigations": [
            {"code": code, "date": day, "result": (results or {}).get(code, "normal")}
            for code, day in (investigations or {}).items()
        ],
        "labs": [
            {"code": code, "above_uln": False, "date": day} for code, day in (labs or {}).items()
        ],
        **extra,
    }
    if diagnosis is not None:
        data["diagnosis_date"] = diagnosis
    if onset is not None:
        data["onset_date"] = onset
    return parse_case(data, today=TODAY)


def plan(
    c: Case, as_of: str, r: CancerRisk | None = None, notes: Notes | None = None
) -> dict[str, ScreeningItem]:
    day = date.fromisoformat(as_of)
    cut, _ = c.as_of(day)
    items = plan_screening(cut, day, r or risk("high"), notes or Notes())
    assert items is not None
    return {i.test: i for i in items}


# --------------------------------------------------------------------------- status boundaries
@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2023-01-15", "due"), ("2023-04-15", "due"), ("2023-04-16", "overdue")],
)
def test_diagnosis_round_is_due_until_three_months_then_overdue(as_of: str, status: str) -> None:
    item = plan(case(), as_of)["full_blood_count"]
    assert item.status == status
    assert item.next_due == date(2023, 1, 15)
    assert item.round == "at diagnosis"
    assert item.last_done is None


@pytest.mark.parametrize(
    ("done_on", "status"), [("2022-10-14", "due"), ("2022-10-15", "done"), ("2023-04-15", "done")]
)
def test_diagnosis_round_counts_from_three_months_before_diagnosis(
    done_on: str, status: str
) -> None:
    item = plan(case(investigations={"full_blood_count": done_on}), "2023-04-15")[
        "full_blood_count"
    ]
    assert item.status == status
    assert item.last_done == date.fromisoformat(done_on)
    if status == "done":
        # High risk: the basic panel is next due at the 12-month round.
        assert item.next_due == date(2024, 1, 15)
    else:
        assert "before this round's window (from 2022-10-15)" in item.reason


def test_late_test_still_counts_for_the_diagnosis_round() -> None:
    item = plan(case(investigations={"urinalysis": "2023-08-01"}), "2023-09-01")["urinalysis"]
    assert item.status == "done"
    assert item.round == "at diagnosis"


@pytest.mark.parametrize(
    ("as_of", "status", "round_", "next_due"),
    [
        ("2023-11-14", "done", "at diagnosis", date(2024, 1, 15)),
        ("2023-11-15", "due", "12 months", date(2024, 1, 15)),
        ("2024-03-15", "due", "12 months", date(2024, 1, 15)),
        ("2024-03-16", "overdue", "12 months", date(2024, 1, 15)),
    ],
)
def test_high_risk_yearly_round_opens_two_months_early_and_is_overdue_two_months_late(
    as_of: str, status: str, round_: str, next_due: date
) -> None:
    item = plan(case(investigations={"full_blood_count": "2023-01-20"}), as_of)["full_blood_count"]
    assert (item.status, item.round, item.next_due) == (status, round_, next_due)
    assert item.last_done == date(2023, 1, 20)


def test_yearly_round_done_at_its_opening_day_points_to_the_next_round() -> None:
    c = case(investigations={"full_blood_count": "2023-11-15"})
    item = plan(c, "2023-12-01")["full_blood_count"]
    assert (item.status, item.round, item.next_due) == ("done", "12 months", date(2025, 1, 15))


def test_last_yearly_round_done_has_no_next_due() -> None:
    # 36-month round: 2026-01-15, opens 2025-11-15.
    c = case(investigations={"urinalysis": "2025-12-01"})
    item = plan(c, "2026-02-01")["urinalysis"]
    assert (item.status, item.round, item.next_due) == ("done", "36 months", None)
    assert "no further round scheduled" in item.reason


def test_missed_last_round_stays_overdue_and_says_the_schedule_closed() -> None:
    # 36-month round overdue from 2026-03-16.
    item = plan(case(), "2026-06-01")["urinalysis"]
    assert item.status == "overdue"
    assert "last scheduled round closed 2026-03-15" in item.reason


def test_month_end_diagnosis_rounds_clamp_to_the_month_end() -> None:
    # Diagnosis 2023-11-30: +3 months = 2024-02-29 (leap year), overdue from 2024-03-01.
    c = case(diagnosis="2023-11-30", onset="2023-10-01")
    assert plan(c, "2024-02-29")["urinalysis"].status == "due"
    assert plan(c, "2024-03-01")["urinalysis"].status == "overdue"


def test_enhanced_panel_for_high_risk_is_at_diagnosis_only() -> None:
    c = case(investigations={"ct_chest_abdomen_pelvis": "2023-02-01"})
    item = plan(c, "2025-06-01")["ct_chest"]
    assert (item.status, item.next_due) == ("done", None)


def test_standard_risk_gets_basic_panel_at_diagnosis_only() -> None:
    c = case(investigations={"full_blood_count": "2023-01-20"})
    items = plan(c, "2025-06-01", risk("standard"))
    assert (items["full_blood_count"].status, items["full_blood_count"].next_due) == ("done", None)
    enhanced = [i for i in items.values() if i.panel == "enhanced"]
    assert enhanced and all(i.status == "not_indicated" for i in enhanced)
    assert "not in the standard-risk schedule" in items["ct_chest"].reason


def test_moderate_risk_gets_basic_and_enhanced_at_diagnosis_without_yearly_rounds() -> None:
    c = case(investigations={"full_blood_count": "2023-01-20"})
    items = plan(c, "2024-06-01", risk("moderate"))
    assert (items["full_blood_count"].status, items["full_blood_count"].next_due) == ("done", None)
    assert items["ct_chest"].status == "overdue"


# --------------------------------------------------------------------------- equivalences
def test_ct_chest_abdomen_pelvis_covers_ct_chest_ct_abdomen_pelvis_and_chest_xray() -> None:
    items = plan(case(investigations={"ct_chest_abdomen_pelvis": "2023-02-01"}), "2023-03-01")
    for test in ("ct_chest", "ct_abdomen_pelvis", "chest_xray"):
        assert items[test].status == "done"
        assert items[test].satisfied_by == "ct_chest_abdomen_pelvis"
    assert items["ct_neck"].status == "due"


def test_ct_neck_chest_abdomen_pelvis_covers_all_ct_items() -> None:
    items = plan(case(investigations={"ct_neck_chest_abdomen_pelvis": "2023-02-01"}), "2023-03-01")
    for test in ("ct_neck", "ct_chest", "ct_abdomen_pelvis", "chest_xray"):
        assert items[test].status == "done"


def test_separate_ct_chest_and_ct_abdomen_pelvis_each_count_for_their_own_item_only() -> None:
    items = plan(case(investigations={"ct_chest": "2023-02-01"}), "2023-03-01")
    assert items["ct_chest"].status == "done"
    assert items["ct_abdomen_pelvis"].status == "due"


def test_colonoscopy_satisfies_faecal_occult_blood_but_not_the_reverse() -> None:
    items = plan(case(investigations={"colonoscopy": "2023-02-01"}), "2023-03-01")
    assert items["faecal_occult_blood"].status == "done"
    assert items["faecal_occult_blood"].satisfied_by == "colonoscopy"
    items = plan(case(investigations={"faecal_occult_blood": "2023-02-01"}), "2023-03-01")
    assert items["faecal_occult_blood"].satisfied_by == "faecal_occult_blood"
    assert items["lower_gi_endoscopy"].status != "done"


def test_pelvic_ultrasound_satisfies_transvaginal_ultrasound() -> None:
    items = plan(case(investigations={"pelvic_ultrasound": "2023-02-01"}), "2023-03-01")
    assert items["transvaginal_ultrasound"].status == "done"


def test_lab_records_satisfy_lab_type_tests() -> None:
    labs = {"esr": "2023-01-20", "crp": "2023-01-20", "ca125": "2023-01-20"}
    items = plan(case(labs=labs), "2023-03-01")
    for test in ("esr", "crp", "ca125"):
        assert items[test].status == "done"
        assert items[test].last_done == date(2023, 1, 20)
    male = plan(case(sex="male", labs={"psa": "2023-01-20"}), "2023-03-01")
    assert male["psa"].status == "done"


# --------------------------------------------------------------------------- sex and age
def test_man_is_never_offered_female_tests() -> None:
    items = plan(case(sex="male", labs={"ca125": "2023-01-20"}), "2023-03-01")
    for test in FEMALE_ONLY:
        assert items[test].status == "not_indicated"
        assert items[test].reason == "for female patients only"
    assert items["psa"].status == "due"


def test_woman_is_never_offered_psa() -> None:
    items = plan(case(sex="female"), "2023-03-01")
    assert items["psa"].status == "not_indicated"
    assert {items[t].status for t in FEMALE_ONLY} == {"due"}


@pytest.mark.parametrize("sex", ["other", "unknown"])
def test_other_or_unknown_sex_is_offered_both_with_a_hedge(sex: str) -> None:
    items = plan(case(sex=sex), "2023-03-01")
    for test in FEMALE_ONLY | MALE_ONLY:
        assert items[test].status == "due"
        assert items[test].reason.startswith("if anatomically appropriate")


@pytest.mark.parametrize(
    ("birth", "status"), [("1974-03-02", "not_indicated"), ("1974-03-01", "due")]
)
def test_age_limits_in_the_data_are_applied_on_the_birthday(birth: str, status: str) -> None:
    # IMACS gives no ages, so the shipped data has none; a local programme can set them. Here
    # mammography from 49: born 1974-03-01, the patient turns 49 on 2023-03-01.
    data = screening_rules()
    tests = [
        t.model_copy(update={"min_age": 49}) if t.id == "mammography" else t for t in data.tests
    ]
    local = data.model_copy(update={"tests": tests})
    c = parse_case(
        {"patient": {"sex": "female", "birth_date": birth}, "diagnosis_date": DIAGNOSIS},
        today=TODAY,
    )
    day = date(2023, 3, 1)
    items = {
        i.test: i for i in _plan(c, day, risk("high"), "high", date(2023, 1, 15), Notes(), local)
    }
    assert items["mammography"].status == status


def test_shipped_data_has_no_age_limits_and_every_sex_specific_test_names_its_sex() -> None:
    data = screening_rules()
    assert all(t.min_age is None and t.max_age is None for t in data.tests)
    assert {t.id for t in data.tests if t.sex == "female"} == FEMALE_ONLY
    assert {t.id for t in data.tests if t.sex == "male"} == MALE_ONLY


# --------------------------------------------------------------------------- conditional tests
TIF1G_DM = [
    factor("dermatomyositis", group="subtype"),
    factor("anti_tif1g", group="antibody"),
    factor("onset_after_40"),
]
ALL_ENHANCED_FEMALE = {
    "ct_neck_chest_abdomen_pelvis": "2023-01-20",
    "cervical_smear": "2023-01-20",
    "mammography": "2023-01-20",
    "transvaginal_ultrasound": "2023-01-20",
    "faecal_occult_blood": "2023-01-20",
}


def test_pet_ct_as_single_test_for_tif1g_dm_over_40_with_one_more_clinical_feature() -> None:
    notes = Notes()
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    item = plan(case(), "2023-02-01", r, notes)["fdg_pet_ct"]
    assert (item.panel, item.status) == ("conditional", "due")
    assert "single screening test" in item.reason and "dysphagia" in item.reason
    rec = next(x for x in notes.recommendations if x.id == "screening.consider.fdg_pet_ct")
    assert rec.indicator == "info" and len(rec.summary) < 140


def test_pet_ct_clause_needs_a_clinical_feature_beyond_age() -> None:
    # TIF1γ DM over 40 is already high risk (3 high factors), but without a further clinical
    # feature the single-test clause does not apply and the initial screen is not yet complete.
    item = plan(case(), "2023-02-01", risk("high", TIF1G_DM))["fdg_pet_ct"]
    assert item.status == "not_indicated"
    assert "more high-risk clinical feature" in item.reason
    assert "consider once the initial screen is complete" in item.reason


@pytest.mark.parametrize("subgroup", ["dermatomyositis", "amyopathic dermatomyositis"])
def test_pet_ct_clause_accepts_dm_and_amyopathic_dm(subgroup: Subgroup) -> None:
    r = risk("high", [*TIF1G_DM, factor("dysphagia")], subgroup=subgroup)
    assert plan(case(), "2023-02-01", r)["fdg_pet_ct"].status == "due"


def test_pet_ct_clause_not_met_in_polymyositis() -> None:
    r = risk(
        "high",
        [factor("anti_tif1g", group="antibody"), factor("onset_after_40"), factor("dysphagia")],
        subgroup="polymyositis",
    )
    item = plan(case(), "2023-02-01", r)["fdg_pet_ct"]
    assert item.status == "not_indicated"
    assert "missing: dermatomyositis" in item.reason


def test_high_risk_negative_initial_screen_brings_pet_and_gi_endoscopy() -> None:
    r = risk("high", [factor("anti_nxp2", group="antibody"), factor("dysphagia")])
    c = case(investigations=ALL_ENHANCED_FEMALE, labs={"ca125": "2023-01-20"})
    items = plan(c, "2023-03-01", r)
    for test in ("fdg_pet_ct", "upper_gi_endoscopy", "lower_gi_endoscopy"):
        assert items[test].status == "due", test
        assert "initial screen found no cancer" in items[test].reason


def test_one_enhanced_test_missing_keeps_pet_and_gi_endoscopy_waiting() -> None:
    r = risk("high", [factor("anti_nxp2", group="antibody"), factor("dysphagia")])
    items = plan(case(investigations=ALL_ENHANCED_FEMALE), "2023-03-01", r)  # no CA-125
    assert items["upper_gi_endoscopy"].status == "not_indicated"
    assert "still open: Serum CA-125" in items["upper_gi_endoscopy"].reason


# --------------------------------------------------------------------------- result not stated
# High risk (anti-NXP2 + dysphagia), female born 1960, diagnosis 2023-01-15, assessed 2023-03-01:
# every enhanced test done 2023-01-20 (in the diagnosis window, opened 2022-10-15), CA-125 too.
# With every result normal the initial screen is negative and PET-CT / GI endoscopy are due
# (test above). Here the mammogram is listed as done with no result in the record.
def test_mammogram_done_result_not_stated_is_done_but_asks_for_the_report() -> None:
    r = risk("high", [factor("anti_nxp2", group="antibody"), factor("dysphagia")])
    c = case(
        investigations=ALL_ENHANCED_FEMALE,
        results={"mammography": "not_stated"},
        labs={"ca125": "2023-01-20"},
    )
    notes = Notes()
    items = plan(c, "2023-03-01", r, notes)
    mammo = items["mammography"]
    # done: it was done in the diagnosis window; the high-risk enhanced panel has no later round
    assert (mammo.status, mammo.last_done, mammo.result) == (
        "done",
        date(2023, 1, 20),
        "not_stated",
    )
    assert mammo.reason == (
        "done 2023-01-20 (result not stated: obtain the report; if abnormal, work it up) for "
        "the diagnosis round of the high-risk enhanced panel; no further round scheduled"
    )
    # not a negative initial screen: the conditional tests that follow one wait for the report
    for test in ("fdg_pet_ct", "upper_gi_endoscopy", "lower_gi_endoscopy"):
        assert items[test].status == "not_indicated", test
        assert "initial screen found no cancer" not in items[test].reason
        assert "result not stated: Mammography: obtain the report" in items[test].reason
    # the other enhanced tests keep their normal result
    assert items["cervical_smear"].result == "normal"
    (rec,) = [x for x in notes.recommendations if x.id.startswith("screening.result_not_stated")]
    assert rec.id == "screening.result_not_stated.mammography"
    assert rec.indicator == "warning"
    assert rec.summary == (
        "Screening result not stated: Mammography done (diagnosis round), obtain the report"
    )
    assert "not counted as a normal (negative) screen, nor as an abnormal one" in rec.detail
    assert "an abnormal report needs work-up for a cancer" in rec.detail
    assert "lets the initial screen count as negative" in rec.detail


def test_result_not_stated_is_not_a_due_or_overdue_test() -> None:
    # standard risk: basic panel at diagnosis only; a urinalysis done 2023-01-20 with no result
    # stays done (it need not be repeated, its report is needed), nothing overdue on its account
    c = case(investigations={"urinalysis": "2023-01-20"}, results={"urinalysis": "not_stated"})
    notes = Notes()
    item = plan(c, "2023-06-01", risk("standard"), notes)["urinalysis"]
    assert (item.status, item.result) == ("done", "not_stated")
    ids = {x.id for x in notes.recommendations}
    assert "screening.result_not_stated.urinalysis" in ids
    assert "screening.overdue.urinalysis" not in ids
    # the same test with a normal result asks for nothing
    normal = Notes()
    assert (
        plan(
            case(investigations={"urinalysis": "2023-01-20"}),
            "2023-06-01",
            risk("standard"),
            normal,
        )["urinalysis"].result
        == "normal"
    )
    assert not any(x.id.startswith("screening.result_not_stated") for x in normal.recommendations)


def test_conditional_tests_are_never_overdue() -> None:
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    assert plan(case(), "2025-06-01", r)["fdg_pet_ct"].status == "due"


def test_moderate_risk_is_not_offered_pet_or_gi_endoscopy() -> None:
    items = plan(case(investigations=ALL_ENHANCED_FEMALE), "2023-03-01", risk("moderate"))
    for test in ("fdg_pet_ct", "upper_gi_endoscopy", "lower_gi_endoscopy"):
        assert items[test].status == "not_indicated"


@pytest.mark.parametrize(
    ("region", "status"),
    [
        ("HK", "due"),
        ("hk", "due"),
        ("Hong Kong", "due"),
        ("CN-GD", "due"),
        ("Singapore", "due"),
        ("US", "not_indicated"),
        ("GB", "not_indicated"),
    ],
)
def test_nasoendoscopy_by_region_whatever_the_risk_category(region: str, status: str) -> None:
    for category in ("standard", "high"):
        item = plan(case(region=region), "2023-02-01", risk(category))["nasoendoscopy"]
        assert item.status == status


def test_missing_region_is_not_a_silent_no() -> None:
    item = plan(case(), "2023-02-01")["nasoendoscopy"]
    assert item.status == "not_indicated"
    assert item.reason.startswith("patient.region not given")
    assert "HK" in item.reason


# --------------------------------------------------------------------------- tumour found
def test_tumour_found_is_stated_and_remaining_screening_stays_visible() -> None:
    notes = Notes()
    tumour = {
        "site": "lung",
        "histology": "adenocarcinoma",
        "size_mm": 18,
        "found_date": "2023-02-10",
    }
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    items = plan(case(tumours=[tumour]), "2023-03-01", r, notes)
    rec = next(x for x in notes.recommendations if x.id == "screening.tumour_found")
    assert rec.indicator == "warning"
    assert "lung, found 2023-02-10" in rec.summary and len(rec.summary) < 140
    assert items["serum_protein_electrophoresis"].status == "due"
    assert items["fdg_pet_ct"].status == "not_indicated"
    assert "tumour work-up" in items["fdg_pet_ct"].reason


# --------------------------------------------------------------------------- recommendations
@pytest.mark.parametrize(("as_of", "critical"), [("2023-04-15", False), ("2023-04-16", True)])
def test_critical_when_high_risk_has_no_enhanced_screening_three_months_after_diagnosis(
    as_of: str, critical: bool
) -> None:
    notes = Notes()
    plan(case(), as_of, risk("high", TIF1G_DM), notes)
    recs = [r for r in notes.recommendations if r.id == "screening.enhanced_missing"]
    assert bool(recs) is critical
    if critical:
        assert recs[0].indicator == "critical"
        assert len(recs[0].summary) < 140
        assert recs[0].source


def test_one_enhanced_test_done_lifts_the_critical_alert() -> None:
    notes = Notes()
    plan(case(investigations={"mammography": "2023-02-01"}), "2023-06-01", risk("high"), notes)
    assert not any(r.indicator == "critical" for r in notes.recommendations)


def test_moderate_risk_without_enhanced_screening_is_overdue_but_not_critical() -> None:
    notes = Notes()
    plan(case(), "2023-06-01", risk("moderate"), notes)
    assert not any(r.indicator == "critical" for r in notes.recommendations)
    overdue = next(r for r in notes.recommendations if r.id == "screening.overdue.ct_chest")
    assert overdue.indicator == "warning"
    assert "due 2023-01-15" in overdue.summary


def test_due_items_are_summarised_in_one_info_recommendation() -> None:
    notes = Notes()
    plan(case(), "2023-02-01", risk("standard"), notes)
    rec = next(r for r in notes.recommendations if r.id == "screening.due")
    # Standard risk, basic panel: 8 tests (history/exam, FBC, LFT, ESR, CRP, SPEP, urine, CXR).
    assert rec.summary.startswith("8 cancer screening tests due (standard risk)")
    assert rec.indicator == "info"


# --------------------------------------------------------------------------- clock and scope
def test_clock_falls_back_to_onset_with_a_warning() -> None:
    notes = Notes()
    item = plan(case(diagnosis=None, onset="2022-11-01"), "2023-01-01", notes=notes)["urinalysis"]
    assert item.next_due == date(2022, 11, 1)
    assert any("starts at onset_date (2022-11-01)" in w for w in notes.warnings)


def test_clock_falls_back_to_the_earliest_record_with_a_warning() -> None:
    notes = Notes()
    c = case(diagnosis=None, onset=None, investigations={"chest_xray": "2022-12-05"})
    item = plan(c, "2023-01-01", notes=notes)["urinalysis"]
    assert item.next_due == date(2022, 12, 5)
    assert any("earliest dated record (2022-12-05)" in w for w in notes.warnings)


def test_no_date_at_all_gives_no_plan_and_says_why() -> None:
    notes = Notes()
    c = case(diagnosis=None, onset=None)
    assert plan_screening(c, date(2023, 1, 1), risk("high"), notes) is None
    assert any("no dated plan" in w for w in notes.warnings)


def test_not_applicable_gives_an_empty_plan_and_no_risk_gives_none() -> None:
    assert plan_screening(case(), date(2023, 2, 1), risk("not applicable"), Notes()) == []
    notes = Notes()
    assert plan_screening(case(), date(2023, 2, 1), None, notes) is None
    assert notes.warnings


# --------------------------------------------------------------------------- reference case
def reference(as_of: date) -> tuple[dict[str, ScreeningItem], Notes]:
    full = load_case_file(str(REFERENCE_CASE))
    c, _ = full.as_of(as_of)
    notes = Notes()
    r = assess_cancer_risk(c, as_of, classify(c, as_of, notes), notes)
    items = plan_screening(c, as_of, r, notes)
    assert items is not None
    return {i.test: i for i in items}, notes


def test_reference_case_plan_after_the_enhanced_screen() -> None:
    # Diagnosis 2022-12-20: diagnosis round open from 2022-09-20, overdue from 2023-03-21.
    items, notes = reference(date(2023, 3, 15))
    for test in ("cervical_smear", "mammography", "transvaginal_ultrasound"):
        assert items[test].status == "done"
    assert items["faecal_occult_blood"].satisfied_by == "colonoscopy"
    assert items["lower_gi_endoscopy"].status == "done"
    for test in ("ct_chest", "ct_abdomen_pelvis"):
        assert items[test].status == "done"
        assert items[test].last_done == date(2023, 2, 1)
        assert items[test].satisfied_by == "ct_chest_abdomen_pelvis"
    spep = items["serum_protein_electrophoresis"]
    assert (spep.panel, spep.status, spep.next_due) == ("basic", "due", date(2022, 12, 20))
    # Reported "within normal limits" on 2023-01-10: ESR and CRP count; history and exam done.
    assert items["esr"].status == items["crp"].status == "done"
    assert items["history_and_examination"].next_due == date(2023, 12, 20)
    pet = items["fdg_pet_ct"]
    assert pet.panel == "conditional"
    # Issue #9: the 9.5 mm M0 NET does not explain the myositis, so the search goes on; TIF1γ
    # amyopathic DM, onset 65, dysphagia (severity not recorded, counted) meets the single-test
    # PET-CT clause.
    assert pet.status == "due" and "single screening test" in pet.reason
    assert "continues alongside the tumour work-up" in pet.reason
    # The clause rests on a dysphagia whose severity is not recorded: the reason says so.
    assert "dysphagia (moderate to severe) - severity not recorded, counted" in pet.reason
    assert items["psa"].status == "not_indicated"
    assert items["nasoendoscopy"].status == "not_indicated"  # region US
    assert any(r.id == "screening.tumour_found" for r in notes.recommendations)
    assert not any(r.indicator == "critical" for r in notes.recommendations)


def test_reference_case_spep_becomes_overdue_the_day_after_three_months() -> None:
    items, notes = reference(date(2023, 3, 21))
    assert items["serum_protein_electrophoresis"].status == "overdue"
    assert any(
        r.id == "screening.overdue.serum_protein_electrophoresis" and r.indicator == "warning"
        for r in notes.recommendations
    )


def test_reference_case_at_referral_offers_pet_ct_as_single_test() -> None:
    # 2023-01-15: TIF1γ+ (amyopathic) DM, onset 65, dysphagia; no tumour found yet.
    items, _ = reference(date(2023, 1, 15))
    assert items["fdg_pet_ct"].status == "due"
    assert items["ct_chest"].status == "due"


# --------------------------------------------------------------------------- properties
@st.composite
def any_case(draw: st.DrawFn) -> tuple[Case, date]:
    codes = [
        "chest_xray",
        "ct_chest",
        "ct_chest_abdomen_pelvis",
        "mammography",
        "cervical_smear",
        "colonoscopy",
        "faecal_occult_blood",
        "full_blood_count",
        "fdg_pet_ct",
        "nasoendoscopy",
    ]
    day = st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 1, 1)).map(date.isoformat)
    c = parse_case(
        {
            "patient": {
                "sex": draw(st.sampled_from(["female", "male", "other", "unknown"])),
                "birth_date": "1950-06-15",
                "region": draw(st.sampled_from(["HK", "US", "Malaysia", "FR"])),
            },
            "diagnosis_date": draw(day),
            "investigations": [
                {"code": code, "date": draw(day), "result": "normal"}
                for code in draw(st.lists(st.sampled_from(codes), max_size=6))
            ],
            "labs": [
                {"code": code, "above_uln": False, "date": draw(day)}
                for code in draw(
                    st.lists(st.sampled_from(["esr", "crp", "ca125", "psa"]), max_size=3)
                )
            ],
        },
        today=TODAY,
    )
    as_of = draw(st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 11, 1)))
    return c, as_of


@given(any_case(), st.sampled_from(["standard", "moderate", "high"]))
@settings(max_examples=150, deadline=None)
def test_plan_invariants(data: tuple[Case, date], category: str) -> None:
    full, as_of = data
    c, _ = full.as_of(as_of)
    notes = Notes()
    items = plan_screening(c, as_of, risk(category, TIF1G_DM), notes)
    if items is None:  # only when nothing dated is left to start the clock
        assert not list(c.dated_fields())
        return
    by_test = {i.test: i for i in items}
    sex = c.patient.sex.value
    if sex == "male":
        assert all(by_test[t].status == "not_indicated" for t in FEMALE_ONLY)
    if sex == "female":
        assert by_test["psa"].status == "not_indicated"
    for item in items:
        if item.panel == "conditional":
            assert item.status != "overdue"
        if item.status == "done":
            assert item.last_done is not None and item.last_done <= as_of
    for rec in notes.recommendations:
        assert len(rec.summary) < 140
        assert rec.source


# --------------------------------------------------------------------------- issue #9
@pytest.mark.parametrize("lab", ["esr", "plasma_viscosity"])
def test_esr_item_is_satisfied_by_esr_or_plasma_viscosity(lab: str) -> None:
    # "ESR and/or plasma viscosity" (basic panel as restated by BMJ Best Practice).
    item = plan(case(labs={lab: "2023-01-20"}), "2023-02-01")["esr"]
    assert item.status == "done"
    assert item.satisfied_by == lab
    assert item.label == "ESR and/or plasma viscosity"


def tumour_case(**fields: Any) -> Case:
    tumour = {
        "site": "pancreas",
        "histology": "neuroendocrine_tumour",
        "size_mm": 9.5,
        "metastases": "M0",
        "found_date": "2023-02-10",
        **fields,
    }
    return case(tumours=[tumour])


def test_small_localised_net_does_not_end_the_search_for_an_occult_cancer() -> None:
    # Anti-TIF1γ DM over 40 with dysphagia: the single-test PET-CT clause holds, and the 9.5 mm
    # M0 NET is not of a kind and stage that explains the myositis, so PET-CT stays "due".
    notes = Notes()
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    items = plan(tumour_case(), "2023-03-01", r, notes)
    assert items["fdg_pet_ct"].status == "due"
    assert "single screening test" in items["fdg_pet_ct"].reason
    # Scheduled tests stay due, with the note linking them to the tumour work-up.
    fbc = items["full_blood_count"]
    assert fbc.status == "due"
    assert "continues alongside the tumour work-up" in fbc.reason
    assert "pancreas neuroendocrine tumour 9.5 mm, M0" in fbc.reason
    rec = next(x for x in notes.recommendations if x.id == "screening.tumour_found")
    assert "does not explain the myositis" in rec.summary and len(rec.summary) < 140
    assert "localised neuroendocrine tumour" in rec.detail


def test_metastatic_net_explains_the_myositis_and_ends_the_search() -> None:
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    items = plan(tumour_case(metastases="M1a"), "2023-03-01", r)
    assert items["fdg_pet_ct"].status == "not_indicated"
    assert "plausibly explains the myositis" in items["fdg_pet_ct"].reason
    assert "continues alongside" not in items["full_blood_count"].reason


@pytest.mark.parametrize(
    ("found", "explains"),
    [("2019-11-01", True), ("2019-10-31", False), ("2025-11-01", True), ("2025-11-02", False)],
)
def test_a_carcinoma_explains_the_myositis_only_within_three_years_of_onset(
    found: str, explains: bool
) -> None:
    # Onset 2022-11-01: the window runs 2019-11-01 to 2025-11-01 inclusive.
    c = tumour_case(histology="adenocarcinoma", site="lung", found_date=found)
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    items = plan(c, "2025-12-01" if found > "2023" else "2023-03-01", r)
    assert (items["fdg_pet_ct"].status == "not_indicated") is explains


def test_without_onset_date_a_carcinoma_does_not_end_the_search() -> None:
    c = case(
        onset=None,
        tumours=[
            {
                "site": "lung",
                "histology": "adenocarcinoma",
                "size_mm": 18,
                "found_date": "2023-02-10",
            }
        ],
    )
    r = risk("high", [*TIF1G_DM, factor("dysphagia")])
    assert plan(c, "2023-03-01", r)["fdg_pet_ct"].status == "due"


def test_reference_case_net_keeps_pet_ct_due_and_gi_endoscopy_waiting() -> None:
    items, _ = reference(date(2023, 9, 30))
    # TIF1γ-positive amyopathic DM, onset 65, dysphagia (severity not recorded, counted) and
    # refractory disease: the single-test PET-CT clause holds; an SSTR PET is not an FDG PET.
    assert items["fdg_pet_ct"].status == "due"
    # CT neck and CA-125 of the diagnosis round are still missing: endoscopy waits for them.
    assert items["upper_gi_endoscopy"].status == "not_indicated"
    assert "still open: CT neck, Serum CA-125" in items["upper_gi_endoscopy"].reason
    assert items["ca125"].status == "overdue"
    assert "continues alongside the tumour work-up" in items["ca125"].reason


def test_a_tumour_without_a_stated_size_still_keeps_the_search_open() -> None:
    # A case report names a cancer but not its size (issue #10); the found-tumour rule of
    # issue #9 still judges it: a localised (M0) G1 pancreatic NET does not explain the
    # myositis, so the occult-cancer items say the search continues, naming the size as unknown.
    from myositis_cds import assess

    data = load_case_file(REFERENCE_CASE).model_dump(mode="json", exclude_none=True)
    del data["tumours"][0]["size_mm"]
    result = assess(parse_case(data), as_of=date(2024, 1, 1))
    reasons = [item.reason for item in result.screening if item.status in ("due", "overdue")]
    assert reasons
    assert all("size not stated" in reason for reason in reasons if "tumours[0]" in reason)
    assert any("does not plausibly explain the myositis" in reason for reason in reasons)
