"""Assessment invariants across cases: the caches behind the stages never leak between cases."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings

import myositis_cds.pathway
from myositis_cds.assessment import assess
from myositis_cds.case import parse_case
from myositis_cds.render.json import to_json
from tests.conftest import TODAY, build_case
from tests.test_properties import cases, days


def _empty_pathway_caches() -> None:
    """Empty every functools cache of the pathway modules (the results are then from scratch)."""
    for info in pkgutil.iter_modules(myositis_cds.pathway.__path__):
        module = importlib.import_module(f"myositis_cds.pathway.{info.name}")
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@given(cases(), cases(), days)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_result_does_not_depend_on_which_cases_were_assessed_before(
    first: dict[str, Any], second: dict[str, Any], as_of: date
) -> None:
    a, b = parse_case(first, today=TODAY), parse_case(second, today=TODAY)
    births = [c.patient.birth_date for c in (a, b) if c.patient.birth_date is not None]
    for day in (max([as_of, *births]), TODAY):  # an assessment before birth is refused
        _empty_pathway_caches()
        a_alone = to_json(assess(a, as_of=day))
        _empty_pathway_caches()
        b_alone = to_json(assess(b, as_of=day))
        # Now with the caches warm from both, and in the other order.
        assert to_json(assess(b, as_of=day)) == b_alone
        assert to_json(assess(a, as_of=day)) == a_alone


def test_standard_risk_woman_assessed_after_high_risk_man_keeps_her_own_screening_reasons() -> None:
    # Both have mammography not indicated, for different reasons: his sex, her risk category.
    woman = build_case(
        sex="female", findings=["gottron_papules"], birth_date="1985-01-01", onset_date="2020-01-01"
    )
    man = build_case(
        sex="male",
        findings=["gottron_papules", "dysphagia"],
        onset_date="2020-01-01",
        antibodies=[{"code": "TIF1G", "result": "positive", "date": "2020-02-01"}],
    )
    _empty_pathway_caches()
    assess(man, as_of=TODAY)
    result = assess(woman, as_of=TODAY)
    assert result.cancer_risk is not None and result.cancer_risk.category == "standard"
    assert result.screening is not None
    mammography = next(i for i in result.screening if i.test == "mammography")
    assert (mammography.status, mammography.reason) == (
        "not_indicated",
        "not in the standard-risk schedule (which has the basic panel)",
    )
