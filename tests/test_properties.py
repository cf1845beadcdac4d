"""Invariants checked over many generated cases (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myositis_cds.assessment import assess
from myositis_cds.case import AntibodyCode, AntibodyResultValue, FindingCode, LabCode, parse_case
from myositis_cds.pathway.classification import classify
from myositis_cds.pathway.common import Notes
from tests.conftest import TODAY

CATEGORY_RANK = {"not classified": 0, "possible": 1, "probable": 2, "definite": 3}
BIOPSY_FIELDS = [
    "endomysial_infiltrate",
    "perimysial_perivascular_infiltrate",
    "perifascicular_atrophy",
    "rimmed_vacuoles",
]

days = st.integers(min_value=0, max_value=365 * 30).map(lambda d: date(1995, 1, 1) + timedelta(d))


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    birth = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 1, 1)))
    onset = draw(st.none() | st.dates(min_value=birth, max_value=TODAY))
    record_day = st.dates(min_value=birth, max_value=TODAY).map(date.isoformat)
    data: dict[str, Any] = {
        "patient": {
            "sex": draw(st.sampled_from(["female", "male", "other", "unknown"])),
            "birth_date": birth.isoformat(),
        },
        "findings": [
            {"code": c.value, "present": draw(st.booleans()), "date": draw(record_day)}
            for c in draw(st.lists(st.sampled_from(list(FindingCode)), max_size=10))
        ],
        "labs": [
            {"code": c.value, "above_uln": draw(st.booleans()), "date": draw(record_day)}
            for c in draw(st.lists(st.sampled_from(list(LabCode)), max_size=4))
        ],
        "antibodies": [
            {
                "code": c.value,
                "result": draw(st.sampled_from(list(AntibodyResultValue))).value,
                "date": draw(record_day),
            }
            for c in draw(st.lists(st.sampled_from(list(AntibodyCode)), max_size=5))
        ],
    }
    if onset is not None:
        data["onset_date"] = onset.isoformat()
    if draw(st.booleans()):
        data["muscle_biopsy"] = {f: draw(st.none() | st.booleans()) for f in BIOPSY_FIELDS}
    return data


@given(cases(), st.sampled_from(list(FindingCode)), st.sampled_from(["auto", "yes", "no"]))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_adding_a_present_finding_never_lowers_score_or_category(
    data: dict[str, Any], extra: FindingCode, biopsy: str
) -> None:
    before = classify(parse_case(data, today=TODAY), TODAY, Notes(), biopsy)  # type: ignore[arg-type]
    more = {**data, "findings": [*data["findings"], {"code": extra.value, "present": True}]}
    after = classify(parse_case(more, today=TODAY), TODAY, Notes(), biopsy)  # type: ignore[arg-type]
    assert after.score >= before.score
    assert CATEGORY_RANK[after.category] >= CATEGORY_RANK[before.category]


@given(cases(), st.sampled_from(["auto", "yes", "no"]))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_probability_in_open_interval_and_category_matches_score(
    data: dict[str, Any], biopsy: str
) -> None:
    result = classify(parse_case(data, today=TODAY), TODAY, Notes(), biopsy)  # type: ignore[arg-type]
    assert 0 < result.probability < 1
    assert result.score == round(result.score, 1)
    assert abs(sum(i.points for i in result.items) - result.score) < 1e-9
    if result.requires_biopsy:
        assert result.category == "not classified"
    else:
        cut = (6.5, 6.7, 8.7) if result.biopsy_used else (5.3, 5.5, 7.5)
        expected = sum(result.score >= c for c in cut)
        assert CATEGORY_RANK[result.category] == expected


@given(cases(), st.sampled_from(["auto", "yes", "no"]), days)
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_no_valid_case_crashes_the_whole_assessment(
    data: dict[str, Any], biopsy: str, as_of: date
) -> None:
    case = parse_case(data, today=TODAY)
    birth = case.patient.birth_date or as_of  # an assessment before birth is refused
    result = assess(case, as_of=min(max(as_of, birth), TODAY), biopsy=biopsy)  # type: ignore[arg-type]
    dumped = result.model_dump(mode="json")
    assert set(dumped) >= {"classification", "antibodies", "recommendations", "warnings"}


@pytest.mark.parametrize(
    ("intercept", "tenths", "expected"),
    [
        # worked by hand: 1 / (1 + e^(5.33 - s))
        (5.33, 0, 0.0048),  # e^5.33 = 206.44 -> 1/207.44 = 0.00482
        (5.33, 53, 0.4925),  # e^0.03 = 1.0305 -> 1/2.0305 = 0.49250
        (5.33, 152, 0.9999),  # e^-9.87 = 5.17e-5 -> 0.999948
        (5.33, 153, 0.9999),  # e^-9.97 = 4.67e-5 -> 0.999953, which rounds to 1.0: kept below 1
        (6.49, 300, 0.9999),  # far up the curve, with biopsy
    ],
)
def test_probability_is_rounded_but_never_certain(
    intercept: float, tenths: int, expected: float
) -> None:
    from myositis_cds.pathway.classification import probability

    assert probability(intercept, tenths) == expected
