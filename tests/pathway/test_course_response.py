"""2016 ACR/EULAR Total Improvement Score: every band edge of every measure, the level thresholds
for adults and juveniles, and what happens when a measure is missing.

Expected points are worked out by hand from Table 3 of the criteria (PMC5577002): a band
"> a % to b %" scores when the absolute percent improvement is strictly above a and at most b;
globals are scaled to their 0-10 range, HAQ to 0-3, MMT-8 to its stated maximum, and the most
abnormal enzyme to its baseline in multiples of the upper limit of normal (within-normal = 1 x).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from myositis_cds.case import Case, CoreSetAssessment, parse_case
from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.course import Response, follow_course, score_response

TODAY = date(2026, 11, 27)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BASE_DAY = date(2024, 1, 10)
FOLLOW_DAY = date(2024, 7, 10)

# Unchanged values for the measures a test is not about (0 points each).
STEADY: dict[str, tuple[float, float]] = {
    "physician_global": (5, 5),
    "patient_global": (5, 5),
    "mmt8": (60, 60),
    "haq": (1.5, 1.5),
    "extramuscular_global": (5, 5),
}
STEADY_CK = (1000.0, 1000.0)  # 5 x ULN at both visits: 0 % change

# Values giving each band's points, derived by hand (see the module docstring).
BAND_VALUES: dict[str, dict[float, tuple[float, float]]] = {
    "physician_global": {0: (5, 5), 7.5: (5, 4), 15: (5, 3), 17.5: (5, 2), 20: (5, 0)},
    "patient_global": {0: (5, 5), 2.5: (5, 4), 5: (5, 3), 7.5: (5, 2), 10: (5, 0)},
    "extramuscular_global": {0: (5, 5), 7.5: (5, 4), 12.5: (5, 3), 15: (5, 2), 20: (5, 0)},
    "haq": {0: (1.5, 1.5), 5: (1.5, 1.2), 7.5: (1.5, 0.9), 10: (1.5, 0)},
    "mmt8": {0: (60, 60), 10: (60, 64), 20: (60, 72), 27.5: (60, 80)},
}


def _case(
    visits: list[dict[str, Any]],
    *,
    labs: list[dict[str, Any]] | None = None,
    onset_date: str | None = "2023-06-01",
    birth_date: str | None = "1960-03-01",
) -> Case:
    patient: dict[str, Any] = {"sex": "female"}
    if birth_date:
        patient["birth_date"] = birth_date
    else:
        patient["age"] = 60
    data: dict[str, Any] = {"patient": patient, "assessments": visits, "labs": labs or []}
    if onset_date:
        data["onset_date"] = onset_date
    return parse_case(data, today=TODAY)


def _pair(
    changes: dict[str, tuple[float, float]] | None = None,
    ck: tuple[float, float] | None = STEADY_CK,
    visit_fields: dict[str, Any] | None = None,
    **case_kwargs: Any,
) -> Case:
    values = {**STEADY, **(changes or {})}
    extra = visit_fields or {}
    visits = [
        {"date": BASE_DAY.isoformat(), **{k: v[0] for k, v in values.items()}, **extra},
        {"date": FOLLOW_DAY.isoformat(), **{k: v[1] for k, v in values.items()}, **extra},
    ]
    labs = []
    if ck is not None:
        labs = [
            {
                "code": "ck",
                "value": ck[0],
                "unit": "U/L",
                "upper_limit": 200,
                "date": BASE_DAY.isoformat(),
            },
            {
                "code": "ck",
                "value": ck[1],
                "unit": "U/L",
                "upper_limit": 200,
                "date": FOLLOW_DAY.isoformat(),
            },
        ]
    return _case(visits, labs=labs, **case_kwargs)


def _response(case: Case) -> Response:
    notes = Notes()
    course = follow_course(case, TODAY, None, notes)
    assert course is not None
    assert len(course.response) == 1
    return course.response[0]


def _points(response: Response, measure: str) -> float | None:
    return next(m.points for m in response.measures if m.measure == measure)


# ----------------------------------------------------------------------------- band edges
GLOBAL_EDGES = [
    # (baseline, follow-up, improvement %, physician, patient, extramuscular points)
    (5.0, 6.0, -10.0, 0, 0, 0),  # worsening
    (5.0, 5.0, 0.0, 0, 0, 0),
    (5.0, 4.5, 5.0, 0, 0, 0),  # exactly 5 %: still "worsening to 5 %"
    (5.0, 4.4, 6.0, 7.5, 2.5, 7.5),
    (5.0, 3.5, 15.0, 7.5, 2.5, 7.5),  # exactly 15 %
    (5.0, 3.4, 16.0, 15, 5, 12.5),
    (5.0, 2.5, 25.0, 15, 5, 12.5),  # exactly 25 %
    (5.0, 2.4, 26.0, 17.5, 7.5, 15),
    (5.0, 1.0, 40.0, 17.5, 7.5, 15),  # exactly 40 %
    (5.0, 0.9, 41.0, 20, 10, 20),
    (10.0, 0.0, 100.0, 20, 10, 20),
]


@pytest.mark.parametrize(("before", "after", "percent", "md", "pt", "extra"), GLOBAL_EDGES)
def test_global_activity_band_edges(
    before: float, after: float, percent: float, md: float, pt: float, extra: float
) -> None:
    for measure, expected in (
        ("physician_global", md),
        ("patient_global", pt),
        ("extramuscular_global", extra),
    ):
        r = _response(_pair({measure: (before, after)}))
        change = next(m for m in r.measures if m.measure == measure)
        assert change.improvement_percent == percent
        assert change.points == expected
        assert r.total_improvement_score == expected


@pytest.mark.parametrize(
    ("before", "after", "points"),
    [
        (1.5, 1.65, 0),  # worse
        (1.5, 1.35, 0),  # 0.15 of 3 = exactly 5 %
        (1.5, 1.3, 5),  # 6.7 %
        (1.5, 1.05, 5),  # 0.45 = exactly 15 %
        (1.5, 1.0, 7.5),  # 16.7 %
        (1.5, 0.75, 7.5),  # exactly 25 %
        (1.5, 0.7, 7.5),  # 26.7 % (the 25-40 % band also scores 7.5)
        (1.5, 0.3, 7.5),  # 1.2 = exactly 40 %
        (1.5, 0.25, 10),  # 41.7 %
    ],
)
def test_haq_band_edges_on_its_0_to_3_range(before: float, after: float, points: float) -> None:
    r = _response(_pair({"haq": (before, after)}))
    assert _points(r, "haq") == points
    assert r.total_improvement_score == points


@pytest.mark.parametrize(
    ("before", "after", "maximum", "points"),
    [
        (60, 59, 80, 0),  # worse
        (60, 61.6, 80, 0),  # 1.6 of 80 = exactly 2 %
        (60, 61.7, 80, 10),
        (60, 68, 80, 10),  # exactly 10 %
        (60, 68.5, 80, 20),
        (60, 76, 80, 20),  # exactly 20 %
        (50, 66.5, 80, 27.5),
        (50, 74, 80, 27.5),  # exactly 30 %
        (50, 74.5, 80, 32.5),
        (100, 103, 150, 0),  # bilateral 0-150: 3 = exactly 2 %
        (100, 103.5, 150, 10),
        (100, 145, 150, 27.5),  # exactly 30 %
        (100, 146, 150, 32.5),
    ],
)
def test_mmt8_band_edges_relative_to_its_stated_maximum(
    before: float, after: float, maximum: int, points: float
) -> None:
    r = _response(_pair({"mmt8": (before, after)}, visit_fields={"mmt8_max": maximum}))
    assert _points(r, "mmt8") == points
    assert r.total_improvement_score == points


@pytest.mark.parametrize(
    ("before", "after", "points"),
    [
        (2000, 2100, 0),  # worse
        (2000, 1900, 0),  # 10 -> 9.5 x ULN: exactly 5 %
        (2000, 1880, 2.5),  # 6 %
        (2000, 1700, 2.5),  # exactly 15 %
        (2000, 1680, 5),  # 16 %
        (2000, 1500, 5),  # exactly 25 %
        (2000, 1480, 7.5),  # 26 %
        (2000, 1200, 7.5),  # exactly 40 %
        (2000, 100, 7.5),  # normalised: 10 -> 1 x ULN = 90 %
        (400, 100, 7.5),  # 2 -> 0.5 counted as 1 x ULN: 50 %
        (150, 50, 0),  # within normal at both visits: no change counted
    ],
)
def test_most_abnormal_enzyme_band_edges_in_multiples_of_uln(
    before: float, after: float, points: float
) -> None:
    r = _response(_pair(ck=(before, after)))
    assert _points(r, "muscle_enzyme") == points
    assert r.total_improvement_score == points


def test_the_most_abnormal_enzyme_at_baseline_is_the_one_followed() -> None:
    # CK 3 x ULN, aldolase 6 x ULN at baseline: aldolase is followed; it halves (50 %) while
    # CK does not change.
    case = _pair(ck=(600, 600))
    labs = [
        *case.labs,
        *(
            parse_case(
                {
                    "patient": {"sex": "female", "age": 60},
                    "labs": [
                        {
                            "code": "aldolase",
                            "value": v,
                            "unit": "U/L",
                            "upper_limit": 7.5,
                            "date": d.isoformat(),
                        }
                    ],
                },
                today=TODAY,
            ).labs[0]
            for v, d in ((45, BASE_DAY), (22.5, FOLLOW_DAY))
        ),
    ]
    r = _response(case.model_copy(update={"labs": labs}))
    enzyme = next(m for m in r.measures if m.measure == "muscle_enzyme")
    assert "ALDOLASE" in enzyme.label
    assert enzyme.improvement_percent == 50.0
    assert enzyme.points == 7.5


def test_an_enzyme_drawn_within_14_days_of_the_visit_counts_and_15_days_does_not() -> None:
    def with_ck_gap(days: int) -> Response:
        visits = [
            {"date": BASE_DAY.isoformat(), **{k: v[0] for k, v in STEADY.items()}},
            {"date": FOLLOW_DAY.isoformat(), **{k: v[1] for k, v in STEADY.items()}},
        ]
        labs = [
            {
                "code": "ck",
                "value": 2000,
                "unit": "U/L",
                "upper_limit": 200,
                "date": date.fromordinal(BASE_DAY.toordinal() - days).isoformat(),
            },
            {
                "code": "ck",
                "value": 1000,
                "unit": "U/L",
                "upper_limit": 200,
                "date": FOLLOW_DAY.isoformat(),
            },
        ]
        return _response(_case(visits, labs=labs))

    assert _points(with_ck_gap(14), "muscle_enzyme") == 7.5
    assert _points(with_ck_gap(15), "muscle_enzyme") is None


# ----------------------------------------------------------------------------- levels
ADULT_LEVELS = [
    ({"physician_global": 17.5}, 17.5, "none"),
    ({"physician_global": 20}, 20, "minimal"),
    ({"physician_global": 17.5, "extramuscular_global": 20}, 37.5, "minimal"),
    ({"physician_global": 20, "extramuscular_global": 20}, 40, "moderate"),
    (
        {"physician_global": 17.5, "extramuscular_global": 20, "patient_global": 10, "haq": 10},
        57.5,
        "moderate",
    ),
    (
        {"physician_global": 20, "extramuscular_global": 20, "patient_global": 10, "haq": 10},
        60,
        "major",
    ),
]
JUVENILE_LEVELS = [
    ({"physician_global": 17.5, "patient_global": 10}, 27.5, "none"),
    ({"physician_global": 20, "patient_global": 10}, 30, "minimal"),
    ({"physician_global": 20, "extramuscular_global": 15, "patient_global": 7.5}, 42.5, "minimal"),
    ({"physician_global": 20, "extramuscular_global": 20, "patient_global": 5}, 45, "moderate"),
    (
        {
            "physician_global": 17.5,
            "extramuscular_global": 20,
            "patient_global": 10,
            "haq": 10,
            "mmt8": 10,
        },
        67.5,
        "moderate",
    ),
    (
        {
            "physician_global": 20,
            "extramuscular_global": 20,
            "patient_global": 10,
            "haq": 10,
            "mmt8": 10,
        },
        70,
        "major",
    ),
]


def _by_points(points: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {measure: BAND_VALUES[measure][p] for measure, p in points.items()}


@pytest.mark.parametrize(("points", "tis", "level"), ADULT_LEVELS)
def test_adult_thresholds_20_40_60(points: dict[str, float], tis: float, level: str) -> None:
    r = _response(_pair(_by_points(points)))
    assert r.population == "adult"
    assert r.total_improvement_score == tis
    assert r.level == level


@pytest.mark.parametrize(("points", "tis", "level"), JUVENILE_LEVELS)
def test_juvenile_thresholds_30_45_70(points: dict[str, float], tis: float, level: str) -> None:
    # Onset at 10 years of age: juvenile dermatomyositis thresholds apply.
    r = _response(_pair(_by_points(points), birth_date="2010-01-01", onset_date="2020-06-01"))
    assert r.population == "juvenile"
    assert r.total_improvement_score == tis
    assert r.level == level


def test_onset_on_the_18th_birthday_is_adult_and_the_day_before_is_juvenile() -> None:
    changes = _by_points({"physician_global": 20})  # TIS 20: adult minimal, juvenile none
    adult = _response(_pair(changes, birth_date="2005-06-01", onset_date="2023-06-01"))
    juvenile = _response(_pair(changes, birth_date="2005-06-01", onset_date="2023-05-31"))
    assert (adult.population, adult.level) == ("adult", "minimal")
    assert (juvenile.population, juvenile.level) == ("juvenile", "none")


def test_unknown_onset_age_gives_a_level_only_where_adult_and_juvenile_thresholds_agree() -> None:
    agree = _by_points(
        {
            "physician_global": 20,
            "extramuscular_global": 20,
            "patient_global": 10,
            "haq": 10,
            "mmt8": 20,
        }
    )  # 80: major for both
    differ = _by_points({"physician_global": 20})  # 20: adult minimal, juvenile none
    r_agree = _response(_pair(agree, birth_date=None, onset_date=None))
    r_differ = _response(_pair(differ, birth_date=None, onset_date=None))
    assert r_agree.population == "unknown"
    assert (r_agree.total_improvement_score, r_agree.level) == (80, "major")
    assert (r_differ.total_improvement_score, r_differ.level) == (20, None)


# ----------------------------------------------------------------------------- missing data
def test_a_missing_haq_gives_no_score_but_bounds_and_names_the_measure() -> None:
    # Known measures: 20 + 20 + 10 = 50; HAQ could add up to 10, so 50 to 60: adult 50 is
    # moderate and 60 is major, so the level is undecided.
    case = _pair(
        _by_points({"physician_global": 20, "extramuscular_global": 20, "patient_global": 10})
    )
    visits = [case.assessments[0], case.assessments[1].model_copy(update={"haq": None})]
    notes = Notes()
    course = follow_course(case.model_copy(update={"assessments": visits}), TODAY, None, notes)
    assert course is not None
    r = course.response[0]
    assert r.total_improvement_score is None
    assert r.complete is False
    assert r.missing == ["haq"]
    assert (r.score_lower, r.score_upper) == (50, 60)
    assert r.level is None
    assert "not recorded at follow-up (2024-07-10)" in next(
        m.detail for m in r.measures if m.measure == "haq"
    )
    assert any("haq missing" in w for w in notes.warnings)


def test_missing_measures_that_cannot_change_the_level_still_leave_the_score_unknown() -> None:
    # Known: 20 + 20 + 10 + 27.5 = 77.5 with HAQ missing (up to +10): 77.5-87.5, major either way.
    case = _pair(
        _by_points(
            {"physician_global": 20, "extramuscular_global": 20, "patient_global": 10, "mmt8": 27.5}
        )
    )
    visits = [case.assessments[0].model_copy(update={"haq": None}), case.assessments[1]]
    r = _response(case.model_copy(update={"assessments": visits}))
    assert r.total_improvement_score is None
    assert (r.score_lower, r.score_upper) == (77.5, 87.5)
    assert r.level == "major"


def test_no_enzyme_values_means_the_enzyme_measure_is_missing() -> None:
    r = _response(_pair(ck=None))
    assert r.missing == ["muscle_enzyme"]
    assert (r.score_lower, r.score_upper) == (0, 7.5)
    assert r.level == "none"  # 0-7.5 is below the adult minimal threshold either way


def test_enzymes_reported_only_as_within_normal_limits_cannot_be_scored() -> None:
    case = _pair(ck=None)
    flags = parse_case(
        {
            "patient": {"sex": "female", "age": 60},
            "labs": [
                {"code": "ck", "above_uln": False, "date": d.isoformat()}
                for d in (BASE_DAY, FOLLOW_DAY)
            ],
        },
        today=TODAY,
    ).labs
    r = _response(case.model_copy(update={"labs": flags}))
    assert r.missing == ["muscle_enzyme"]


def test_mmt8_scored_on_different_maxima_is_not_compared() -> None:
    case = _pair()
    visits = [case.assessments[0], case.assessments[1].model_copy(update={"mmt8_max": 150})]
    r = _response(case.model_copy(update={"assessments": visits}))
    assert r.missing == ["mmt8"]
    assert "maxima differ" in next(m.detail for m in r.measures if m.measure == "mmt8")


def test_each_follow_up_is_compared_with_the_first_assessment() -> None:
    visits = [
        {"date": "2024-01-10", "physician_global": 8},
        {"date": "2024-07-10", "physician_global": 6},
        {"date": "2024-03-10", "physician_global": 7},
    ]
    notes = Notes()
    course = follow_course(_case(visits), TODAY, None, notes)
    assert course is not None
    assert [(r.baseline_date, r.date) for r in course.response] == [
        (date(2024, 1, 10), date(2024, 3, 10)),
        (date(2024, 1, 10), date(2024, 7, 10)),
    ]
    # Physician global 8 -> 7 is 10 % (7.5 points), 8 -> 6 is 20 % (15 points).
    assert [_points(r, "physician_global") for r in course.response] == [7.5, 15]


def test_a_single_assessment_gives_no_response() -> None:
    course = follow_course(
        _case([{"date": "2024-01-10", "physician_global": 8}]), TODAY, None, Notes()
    )
    assert course is not None
    assert course.response == []


# ----------------------------------------------------------------------------- invariants
globals_ = st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda x: round(x, 1))


@given(
    md=st.tuples(globals_, globals_),
    pt=st.tuples(globals_, globals_),
    extra=st.tuples(globals_, globals_),
    haq=st.tuples(*(st.floats(0, 3).map(lambda x: round(x, 2)),) * 2),
    mmt=st.tuples(*(st.floats(0, 80).map(lambda x: round(x, 1)),) * 2),
)
def test_tis_is_between_0_and_100_and_never_falls_when_one_measure_improves_more(
    md: tuple[float, float],
    pt: tuple[float, float],
    extra: tuple[float, float],
    haq: tuple[float, float],
    mmt: tuple[float, float],
) -> None:
    def visit(day: date, i: int, physician: float) -> CoreSetAssessment:
        return CoreSetAssessment(
            date=day,
            physician_global=physician,
            patient_global=pt[i],
            extramuscular_global=extra[i],
            haq=haq[i],
            mmt8=mmt[i],
        )

    labs = _pair().labs
    base = visit(BASE_DAY, 0, md[0])
    r = score_response(base, visit(FOLLOW_DAY, 1, md[1]), labs, "adult")
    assert r.total_improvement_score is not None
    assert 0 <= r.total_improvement_score <= 100
    better = score_response(base, visit(FOLLOW_DAY, 1, min(md[1], md[0]) / 2), labs, "adult")
    assert better.total_improvement_score is not None
    assert better.total_improvement_score >= r.total_improvement_score


# ----------------------------------------------------------------------------- the vignette
def test_vignette_major_response_then_an_incomplete_score_at_the_flare() -> None:
    data = yaml.safe_load((EXAMPLES / "vignette-tis.yaml").read_text(encoding="utf-8"))
    case, _ = parse_case(data, today=TODAY).as_of(date(2025, 3, 20))
    course = follow_course(case, date(2025, 3, 20), None, Notes())
    assert course is not None
    # Baseline 2024-03-05: MD 7, patient 8, MMT 52/80, HAQ 1.8, extramuscular 6, CK 21 x ULN.
    # 2024-06-05: MD 3.5 (35 %): 17.5; patient 4.5 (35 %): 7.5; MMT 67 (18.75 %): 20;
    #   HAQ 1.0 (26.7 %): 7.5; extramuscular 2.5 (35 %): 15; CK 3 x ULN (85.7 %): 7.5 -> 75.
    # 2024-09-05: MD 1 (60 %): 20; patient 1.5 (65 %): 10; MMT 75 (28.75 %): 27.5;
    #   HAQ 0.3 (50 %): 10; extramuscular 0.5 (55 %): 20; CK 0.9 -> 1 x ULN (95.2 %): 7.5 -> 95.
    # 2025-03-10: MD 5: 15; patient 6: 5; MMT 61 (11.25 %): 20; HAQ 1.5 (10 %): 5;
    #   extramuscular 5 (10 %): 7.5; no CK within 14 days -> 52.5 to 60, moderate or major.
    got = [
        (r.date.isoformat(), r.total_improvement_score, r.level, r.score_lower, r.score_upper)
        for r in course.response
    ]
    assert got == [
        ("2024-06-05", 75, "major", 75, 75),
        ("2024-09-05", 95, "major", 95, 95),
        ("2025-03-10", None, None, 52.5, 60),
    ]
    assert course.response[2].missing == ["muscle_enzyme"]
