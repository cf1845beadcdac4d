"""EULAR/ACR 2017 classification: weights, cut-offs, age boundaries, subgroups, vignettes.

Expected values are worked out by hand from Lundberg et al. 2017 Table 1 (weights), the published
score cut-offs (5.3/5.5/7.5 without biopsy; 6.5/6.7/8.7 with biopsy) and the subgroup tree. They
are written out here, not read from the knowledge file, so a typo in the data fails a test.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

from myositis_cds.case import Case
from myositis_cds.pathway.classification import Classification, classify
from myositis_cds.pathway.common import Notes
from tests.conftest import TODAY, build_case

# Weights from Table 1, as (finding code, without biopsy, with biopsy).
FINDING_WEIGHTS = [
    ("weakness_proximal_upper", 0.7, 0.7),
    ("weakness_proximal_lower", 0.8, 0.5),
    ("neck_flexors_weaker_than_extensors", 1.9, 1.6),
    ("legs_proximal_weaker_than_distal", 0.9, 1.2),
    ("heliotrope_rash", 3.1, 3.2),
    ("gottron_papules", 2.1, 2.7),
    ("gottron_sign", 3.3, 3.7),
    ("dysphagia", 0.7, 0.6),
]
BIOPSY_WEIGHTS = [
    ("endomysial_infiltrate", 1.7),
    ("perimysial_perivascular_infiltrate", 1.2),
    ("perifascicular_atrophy", 1.9),
    ("rimmed_vacuoles", 3.1),
]
ALL_FALSE_BIOPSY = {
    "endomysial_infiltrate": False,
    "perimysial_perivascular_infiltrate": False,
    "perifascicular_atrophy": False,
    "rimmed_vacuoles": False,
}


def run(case: Case, biopsy: str = "auto") -> Classification:
    return classify(case, TODAY, Notes(), biopsy)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- weights
@pytest.mark.parametrize(("code", "no_biopsy", "with_biopsy"), FINDING_WEIGHTS)
def test_each_finding_weight_alone(code: str, no_biopsy: float, with_biopsy: float) -> None:
    assert run(build_case(findings=[code])).score == no_biopsy
    biopsied = build_case(findings=[code], muscle_biopsy=ALL_FALSE_BIOPSY)
    assert run(biopsied).score == with_biopsy


@pytest.mark.parametrize(("field", "points"), BIOPSY_WEIGHTS)
def test_each_biopsy_weight_alone(field: str, points: float) -> None:
    case = build_case(muscle_biopsy={**ALL_FALSE_BIOPSY, field: True})
    result = run(case)
    assert result.biopsy_used
    assert result.score == points


def test_biopsy_items_do_not_score_in_the_model_without_biopsy() -> None:
    case = build_case(muscle_biopsy={**ALL_FALSE_BIOPSY, "rimmed_vacuoles": True})
    assert run(case, biopsy="no").score == 0.0


def test_anti_jo1_weight() -> None:
    jo1 = [{"code": "JO1", "result": "positive", "date": "2024-01-01"}]
    assert run(build_case(antibodies=jo1)).score == 3.9
    assert run(build_case(antibodies=jo1, muscle_biopsy=ALL_FALSE_BIOPSY)).score == 3.8


@pytest.mark.parametrize("enzyme", ["ck", "ldh", "ast", "alt"])
def test_each_raised_enzyme_scores(enzyme: str) -> None:
    labs = [{"code": enzyme, "value": 500, "unit": "U/L", "upper_limit": 200, "date": "2024-01-01"}]
    assert run(build_case(labs=labs)).score == 1.3
    assert run(build_case(labs=labs, muscle_biopsy=ALL_FALSE_BIOPSY)).score == 1.4


def test_aldolase_is_not_a_criteria_enzyme() -> None:
    labs = [{"code": "aldolase", "above_uln": True, "date": "2024-01-01"}]
    result = run(build_case(labs=labs))
    assert result.score == 0.0
    assert "raised_muscle_enzymes" in {n.item for n in result.not_assessed}


def test_enzyme_exactly_at_uln_is_not_raised() -> None:
    labs = [{"code": "ck", "value": 200, "unit": "U/L", "upper_limit": 200, "date": "2024-01-01"}]
    item = {i.id: i for i in run(build_case(labs=labs)).items}["raised_muscle_enzymes"]
    assert item.present is False


def test_enzyme_value_without_upper_limit_is_not_assessed() -> None:
    labs = [{"code": "ck", "value": 900, "unit": "U/L", "date": "2024-01-01"}]
    gaps = {n.item: n for n in run(build_case(labs=labs)).not_assessed}
    assert "upper limit" in gaps["raised_muscle_enzymes"].reason
    assert "+1.3" in gaps["raised_muscle_enzymes"].would_change


def test_weak_positive_jo1_is_not_scored_but_says_what_would_change() -> None:
    abs_ = [{"code": "JO1", "result": "weak_positive", "date": "2024-01-01"}]
    result = run(build_case(findings=["heliotrope_rash"], antibodies=abs_))
    assert result.score == 3.1
    gap = {n.item: n for n in result.not_assessed}["anti_jo1"]
    assert "weak positive" in gap.reason
    assert gap.would_change == "if present: +3.9 → score 7.0, category probable"


def test_highest_possible_scores() -> None:
    # 20.8 without biopsy and 29.5 with biopsy (sum of every item, age >= 40).
    everything = [code for code, _, _ in FINDING_WEIGHTS]
    sections: dict[str, Any] = {
        "antibodies": [{"code": "JO1", "result": "positive", "date": "2024-01-01"}],
        "labs": [{"code": "ck", "above_uln": True, "date": "2024-01-01"}],
    }
    case = build_case(findings=everything, onset_date="2020-01-01", **sections)
    assert run(case).score == 20.8
    biopsy = {k: True for k in ALL_FALSE_BIOPSY}
    case = build_case(
        findings=everything, onset_date="2020-01-01", muscle_biopsy=biopsy, **sections
    )
    assert run(case).score == 29.5


# ----------------------------------------------------------------------------- cut-offs
# Score combinations chosen by hand to land on each boundary and one tenth either side.
# Ages: onset 2000-01-01 for a birth in 1960 (age 40) or 1970 (age 30).
NO_BIOPSY_BOUNDARIES = [
    # (findings, onset age band, enzymes raised, expected score, expected category)
    (["heliotrope_rash", "gottron_papules"], None, False, 5.2, "not classified"),
    (["heliotrope_rash", "legs_proximal_weaker_than_distal"], 30, False, 5.3, "possible"),
    (["gottron_sign"], 40, False, 5.4, "possible"),
    (["gottron_sign", "legs_proximal_weaker_than_distal"], 30, False, 5.5, "probable"),
    (["gottron_papules", "legs_proximal_weaker_than_distal"], 30, True, 5.6, "probable"),
    (["gottron_sign", "weakness_proximal_upper"], 40, True, 7.4, "probable"),
    (["gottron_sign", "weakness_proximal_lower"], 40, True, 7.5, "definite"),
    (["gottron_sign", "legs_proximal_weaker_than_distal"], 40, True, 7.6, "definite"),
]
BIOPSY_BOUNDARIES = [
    # (findings, onset age, enzymes raised, biopsy features, score, category)
    (["gottron_sign", "gottron_papules"], None, False, [], 6.4, "not classified"),
    (["gottron_sign", "dysphagia"], 40, False, [], 6.5, "possible"),
    (["heliotrope_rash", "legs_proximal_weaker_than_distal"], 40, False, [], 6.6, "possible"),
    (["heliotrope_rash", "dysphagia"], 30, True, [], 6.7, "probable"),
    (["gottron_sign", "neck_flexors_weaker_than_extensors"], 30, False, [], 6.8, "probable"),
    (["gottron_sign", "gottron_papules"], 40, False, [], 8.6, "probable"),
    (["heliotrope_rash"], 40, True, ["perifascicular_atrophy"], 8.7, "definite"),
    (
        ["gottron_sign"],
        40,
        False,
        ["endomysial_infiltrate", "perimysial_perivascular_infiltrate"],
        8.8,
        "definite",
    ),
]


def _boundary_case(
    findings: list[str], age: int | None, enzymes: bool, biopsy: list[str] | None
) -> Case:
    sections: dict[str, Any] = {}
    if enzymes:
        sections["labs"] = [{"code": "ck", "above_uln": True, "date": "2024-01-01"}]
    if biopsy is not None:
        sections["muscle_biopsy"] = {**ALL_FALSE_BIOPSY, **{f: True for f in biopsy}}
    birth = {None: "1960-01-01", 40: "1960-01-01", 30: "1970-01-01"}[age]
    onset = None if age is None else "2000-01-01"
    return build_case(findings=findings, birth_date=birth, onset_date=onset, **sections)


@pytest.mark.parametrize(("findings", "age", "enzymes", "score", "category"), NO_BIOPSY_BOUNDARIES)
def test_cutoffs_without_biopsy(
    findings: list[str], age: int | None, enzymes: bool, score: float, category: str
) -> None:
    result = run(_boundary_case(findings, age, enzymes, None))
    assert (result.score, result.category) == (score, category)
    assert not result.biopsy_used


@pytest.mark.parametrize(
    ("findings", "age", "enzymes", "biopsy", "score", "category"), BIOPSY_BOUNDARIES
)
def test_cutoffs_with_biopsy(
    findings: list[str],
    age: int | None,
    enzymes: bool,
    biopsy: list[str],
    score: float,
    category: str,
) -> None:
    result = run(_boundary_case(findings, age, enzymes, biopsy))
    assert (result.score, result.category) == (score, category)
    assert result.biopsy_used


@pytest.mark.parametrize(
    ("score", "biopsy", "expected"),
    [
        # P = 1 / (1 + exp(c - score)); c = 5.33 without, 6.49 with biopsy (worked by hand).
        (5.3, False, 0.4925),
        (5.5, False, 0.5424),
        (7.5, False, 0.8975),
        (8.0, False, 0.9352),  # e^-2.67 = 0.06925; 1/1.06925
        (6.5, True, 0.5025),
        (8.7, True, 0.9011),
    ],
)
def test_probability_from_logistic_model(score: float, biopsy: bool, expected: float) -> None:
    intercept = 6.49 if biopsy else 5.33
    assert 1 / (1 + math.exp(intercept - score)) == pytest.approx(expected, abs=5e-5)
    if biopsy:
        matches = [
            _boundary_case(f, a, e, b) for f, a, e, b, sc, _ in BIOPSY_BOUNDARIES if sc == score
        ]
    else:
        matches = [
            _boundary_case(f, a, e, None) for f, a, e, sc, _ in NO_BIOPSY_BOUNDARIES if sc == score
        ]
    for case in matches:
        assert run(case).probability == pytest.approx(expected, abs=5e-5)


def test_category_follows_the_score_not_the_probability_at_5_5() -> None:
    # With c = 5.33 a score of exactly 5.5 gives 54.2 % (< 55 %), yet the paper calls it probable.
    result = run(
        _boundary_case(["gottron_sign", "legs_proximal_weaker_than_distal"], 30, False, None)
    )
    assert result.probability < 0.55
    assert result.category == "probable"


def test_tenths_arithmetic_has_no_float_drift() -> None:
    # 0.7 + 0.8 + 0.9 + 0.7 = 3.1 exactly (in floats it would be 3.0999999999999996).
    case = build_case(
        findings=[
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "legs_proximal_weaker_than_distal",
            "dysphagia",
        ]
    )
    assert run(case).score == 3.1


# ----------------------------------------------------------------------------- skin rule
def test_no_skin_signs_and_no_biopsy_is_not_classified_but_score_is_reported() -> None:
    # 2.1 (age 40) + 1.9 + 0.7 + 0.8 + 1.3 = 6.8, "probable" by score, but no skin sign.
    case = build_case(
        findings=[
            "neck_flexors_weaker_than_extensors",
            "weakness_proximal_upper",
            "weakness_proximal_lower",
        ],
        onset_date="2000-01-01",
        labs=[{"code": "ck", "above_uln": True, "date": "2024-01-01"}],
    )
    result = run(case)
    assert result.score == 6.8
    assert result.probability == pytest.approx(1 / (1 + math.exp(5.33 - 6.8)), abs=5e-5)
    assert result.category == "not classified"
    assert result.requires_biopsy is True
    assert result.subgroup is None


def test_no_skin_signs_with_biopsy_features_is_classified() -> None:
    # 2.2 + 0.7 + 0.5 + 1.6 + 1.4 + 1.7 = 8.1 → probable (with-biopsy cut-offs), polymyositis.
    case = build_case(
        findings=[
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "neck_flexors_weaker_than_extensors",
        ],
        onset_date="2000-01-01",
        labs=[{"code": "ck", "above_uln": True, "date": "2024-01-01"}],
        muscle_biopsy={**ALL_FALSE_BIOPSY, "endomysial_infiltrate": True},
    )
    result = run(case)
    assert (result.score, result.category, result.requires_biopsy) == (8.1, "probable", False)
    assert result.subgroup == "polymyositis"


def test_no_skin_signs_biopsy_done_infiltrates_unreported_say_they_would_classify() -> None:
    # A necrotising biopsy that does not report the infiltrates: no EULAR biopsy feature present,
    # so by the skin rule the case is not classified at 2.2 + 0.7 + 0.5 + 1.6 + 0.6 + 1.4 = 7.0.
    # An endomysial infiltrate (+1.7) would both lift the rule and reach 8.7, the with-biopsy
    # definite cut-off itself; a perimysial one (+1.2) would give 8.2, probable.
    biopsy = {
        **ALL_FALSE_BIOPSY,
        "endomysial_infiltrate": None,
        "perimysial_perivascular_infiltrate": None,
    }
    case = build_case(
        findings=[
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "neck_flexors_weaker_than_extensors",
            "dysphagia",
        ],
        onset_date="2000-01-01",
        labs=[{"code": "ck", "above_uln": True, "date": "2024-01-01"}],
        muscle_biopsy=biopsy,
    )
    result = run(case)
    assert (result.score, result.category, result.requires_biopsy) == (7.0, "not classified", True)
    gaps = {n.item: n.would_change for n in result.not_assessed}
    assert gaps["biopsy_endomysial_infiltrate"] == (
        "if present: +1.7 → score 8.7, category definite"
    )
    assert gaps["biopsy_perimysial_perivascular_infiltrate"] == (
        "if present: +1.2 → score 8.2, category probable"
    )


# ----------------------------------------------------------------------------- age by date
@pytest.mark.parametrize(
    ("birth", "onset", "points", "age"),
    [
        ("2000-03-15", "2018-03-14", 0.0, 17),  # the day before the 18th birthday
        ("2000-03-15", "2018-03-15", 1.3, 18),  # the 18th birthday itself
        ("1980-06-01", "2020-05-31", 1.3, 39),
        ("1980-06-01", "2020-06-01", 2.1, 40),
        ("2004-02-29", "2022-02-28", 0.0, 17),  # leap-day birthday reached on 1 March
        ("2004-02-29", "2022-03-01", 1.3, 18),
    ],
)
def test_age_at_onset_boundaries_by_date(birth: str, onset: str, points: float, age: int) -> None:
    result = run(build_case(birth_date=birth, onset_date=onset))
    assert result.age_at_onset == age
    assert result.score == points


def test_age_unknown_is_not_assessed_with_what_it_would_change() -> None:
    result = run(build_case(findings=["heliotrope_rash", "gottron_papules"]))
    gaps = {n.item: n.would_change for n in result.not_assessed}
    assert gaps["age_onset_40_plus"] == "if present: +2.1 → score 7.3, category probable"
    assert gaps["age_onset_18_to_40"] == "if present: +1.3 → score 6.5, category probable"


# ----------------------------------------------------------------------------- subgroups
def test_juvenile_dermatomyositis() -> None:
    # onset at 10: no age points; 3.1 + 2.1 + 0.7 + 0.8 + 1.3 = 8.0 → definite, JDM
    case = build_case(
        birth_date="2010-05-01",
        onset_date="2020-06-01",
        findings=[
            "heliotrope_rash",
            "gottron_papules",
            "weakness_proximal_upper",
            "weakness_proximal_lower",
        ],
        labs=[{"code": "ck", "above_uln": True, "date": "2020-06-01"}],
    )
    result = run(case)
    assert (result.score, result.category, result.subgroup) == (
        8.0,
        "definite",
        "juvenile dermatomyositis",
    )


def test_juvenile_myositis_other_than_jdm() -> None:
    # onset at 12, biopsy model: 0.7 + 0.5 + 1.6 + 1.4 + 1.7 + 1.9 = 7.8 → probable (< 8.7)
    case = build_case(
        birth_date="2008-01-01",
        onset_date="2020-06-01",
        findings=[
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "neck_flexors_weaker_than_extensors",
        ],
        labs=[{"code": "ck", "above_uln": True, "date": "2020-06-01"}],
        muscle_biopsy={
            **ALL_FALSE_BIOPSY,
            "endomysial_infiltrate": True,
            "perifascicular_atrophy": True,
        },
    )
    result = run(case)
    assert (result.score, result.category) == (7.8, "probable")
    assert result.subgroup == "juvenile myositis other than JDM"


def test_adult_dermatomyositis_with_weakness() -> None:
    # 2.1 + 3.1 + 2.1 + 0.7 + 0.8 + 1.3 = 10.1 → definite DM
    case = build_case(
        onset_date="2015-01-01",
        findings=[
            "heliotrope_rash",
            "gottron_papules",
            "weakness_proximal_upper",
            "weakness_proximal_lower",
        ],
        labs=[
            {"code": "ck", "value": 4560, "unit": "U/L", "upper_limit": 200, "date": "2015-02-01"}
        ],
    )
    result = run(case)
    assert (result.score, result.category, result.subgroup) == (10.1, "definite", "dermatomyositis")


def test_amyopathic_when_strength_recorded_normal() -> None:
    case = build_case(
        onset_date="2015-01-01",
        findings=["heliotrope_rash", "gottron_sign"],
        absent=["weakness_proximal_upper", "weakness_proximal_lower"],
    )
    result = run(case)
    assert (result.score, result.subgroup) == (8.5, "amyopathic dermatomyositis")
    assert "objective_weakness" not in {n.item for n in result.not_assessed}


def test_amyopathic_when_strength_not_examined_says_what_would_change() -> None:
    case = build_case(onset_date="2015-01-01", findings=["heliotrope_rash", "gottron_sign"])
    result = run(case)
    assert result.subgroup == "amyopathic dermatomyositis"
    gap = {n.item: n for n in result.not_assessed}["objective_weakness"]
    assert gap.would_change == (
        "if objective weakness were present, the subgroup would be dermatomyositis"
    )


def test_inclusion_body_myositis_by_rimmed_vacuoles() -> None:
    # biopsy model: 2.2 + 0.7 + 0.5 + 1.4 + 1.7 + 3.1 = 9.6 → definite, IBM
    case = build_case(
        onset_date="2015-01-01",
        findings=["weakness_proximal_upper", "weakness_proximal_lower"],
        labs=[{"code": "ck", "above_uln": True, "date": "2015-02-01"}],
        muscle_biopsy={**ALL_FALSE_BIOPSY, "endomysial_infiltrate": True, "rimmed_vacuoles": True},
    )
    result = run(case)
    assert (result.score, result.category, result.subgroup) == (
        9.6,
        "definite",
        "inclusion body myositis",
    )


def test_inclusion_body_myositis_by_finger_flexors_and_no_response() -> None:
    # 2.2 + 0.7 + 0.5 + 1.4 + 1.7 + 1.2 = 7.7 → probable; finger flexors + no response → IBM
    case = build_case(
        onset_date="2015-01-01",
        findings=[
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "finger_flexor_weakness",
            "no_response_to_immunosuppression",
        ],
        labs=[{"code": "ck", "above_uln": True, "date": "2015-02-01"}],
        muscle_biopsy={
            **ALL_FALSE_BIOPSY,
            "endomysial_infiltrate": True,
            "perimysial_perivascular_infiltrate": True,
        },
    )
    result = run(case)
    assert (result.score, result.category, result.subgroup) == (
        7.7,
        "probable",
        "inclusion body myositis",
    )


def test_finger_flexor_weakness_that_responded_is_polymyositis() -> None:
    case = build_case(
        onset_date="2015-01-01",
        findings=["weakness_proximal_upper", "weakness_proximal_lower", "finger_flexor_weakness"],
        labs=[{"code": "ck", "above_uln": True, "date": "2015-02-01"}],
        muscle_biopsy={
            **ALL_FALSE_BIOPSY,
            "endomysial_infiltrate": True,
            "perimysial_perivascular_infiltrate": True,
        },
    )
    assert run(case).subgroup == "polymyositis"


def test_possible_iim_has_no_subgroup() -> None:
    result = run(_boundary_case(["gottron_sign"], 40, False, None))
    assert (result.category, result.subgroup) == ("possible", None)


def test_biopsy_yes_without_biopsy_data_warns_and_uses_biopsy_weights() -> None:
    notes = Notes()
    case = build_case(findings=["gottron_papules"])
    result = classify(case, TODAY, notes, "yes")
    assert result.biopsy_used and result.score == 2.7
    assert any("--biopsy yes" in w for w in notes.warnings)


def test_age_estimated_from_current_age_is_flagged() -> None:
    notes = Notes()
    case = build_case(birth_date=None, onset_date="2016-11-27")  # age 50 "today"
    result = classify(case, date(2026, 11, 27), notes, "auto")
    assert result.age_at_onset == 40
    assert any("estimated" in w for w in notes.warnings)
