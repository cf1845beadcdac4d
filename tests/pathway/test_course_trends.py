"""Antibody trends: direction from levels when both results have one in the same unit, otherwise
from the ordinal result (negative < weak positive < positive); one usable result is not a trend."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.case import AntibodyCode, Case, parse_case
from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.course import antibody_trend, follow_course

TODAY = date(2026, 11, 27)


def _case(*results: dict[str, Any]) -> Case:
    return parse_case(
        {"patient": {"sex": "female", "age": 66}, "antibodies": list(results)}, today=TODAY
    )


def _tif1g(
    day: str, result: str, level: float | None = None, unit: str | None = "AU"
) -> dict[str, Any]:
    out: dict[str, Any] = {"code": "TIF1G", "result": result, "date": day}
    if level is not None:
        out["level"] = level
        out["unit"] = unit
    return out


@pytest.mark.parametrize(
    ("before", "after", "direction"),
    [
        ("positive", "weak_positive", "falling"),
        ("weak_positive", "negative", "falling"),
        ("positive", "negative", "falling"),
        ("negative", "weak_positive", "rising"),
        ("weak_positive", "positive", "rising"),
        ("positive", "positive", "stable"),
        ("negative", "negative", "stable"),
    ],
)
def test_direction_from_ordinal_results(before: str, after: str, direction: str) -> None:
    case = _case(_tif1g("2023-01-10", before), _tif1g("2023-09-18", after))
    trend = antibody_trend(AntibodyCode.TIF1G, case)
    assert (trend.direction, trend.basis) == (direction, "result")


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        (10.0, 20.0, "rising"),
        (20.0, 10.0, "falling"),
        (10.0, 10.5, "stable"),  # 5 % change
        (10.0, 11.0, "stable"),  # exactly 10 %: within the stable band
        (10.0, 11.1, "rising"),  # 11 %
        (10.0, 9.0, "stable"),  # exactly -10 %
        (10.0, 8.9, "falling"),
    ],
)
def test_direction_from_levels_with_a_10_percent_stable_band(
    old: float, new: float, direction: str
) -> None:
    # Same ordinal result both times: only the level can show the change.
    case = _case(_tif1g("2023-01-10", "positive", old), _tif1g("2023-06-10", "positive", new))
    trend = antibody_trend(AntibodyCode.TIF1G, case)
    assert (trend.direction, trend.basis) == (direction, "level")


def test_levels_in_different_units_fall_back_to_the_ordinal_result() -> None:
    case = _case(
        _tif1g("2023-01-10", "positive", 2.0, "AU"),
        _tif1g("2023-06-10", "weak_positive", 40.0, "U/mL"),
    )
    trend = antibody_trend(AntibodyCode.TIF1G, case)
    assert (trend.direction, trend.basis) == ("falling", "result")


def test_one_result_is_insufficient_data() -> None:
    trend = antibody_trend(AntibodyCode.TIF1G, _case(_tif1g("2023-01-10", "positive")))
    assert trend.direction == "insufficient_data"
    assert len(trend.values) == 1


def test_an_indeterminate_result_is_listed_but_not_used() -> None:
    case = _case(_tif1g("2023-01-10", "positive"), _tif1g("2023-06-10", "indeterminate"))
    trend = antibody_trend(AntibodyCode.TIF1G, case)
    assert trend.direction == "insufficient_data"
    assert [v.result.value for v in trend.values] == ["positive", "indeterminate"]


def test_the_two_most_recent_results_set_the_direction() -> None:
    # Fell after treatment, then rose again (as reported on cancer recurrence).
    case = _case(
        _tif1g("2023-01-10", "positive"),
        _tif1g("2023-09-18", "negative"),
        _tif1g("2024-06-01", "weak_positive"),
    )
    assert antibody_trend(AntibodyCode.TIF1G, case).direction == "rising"


def test_course_lists_trends_for_antibodies_ever_positive_or_tested_twice() -> None:
    case = _case(
        _tif1g("2023-01-10", "positive"),
        {"code": "JO1", "result": "negative", "date": "2023-01-10"},
        {"code": "MDA5", "result": "negative", "date": "2023-01-10"},
        {"code": "MDA5", "result": "negative", "date": "2023-09-18"},
    )
    course = follow_course(case, TODAY, None, Notes())
    assert course is not None
    assert [(t.code.value, t.direction) for t in course.antibody_trends] == [
        ("TIF1G", "insufficient_data"),
        ("MDA5", "stable"),
    ]
