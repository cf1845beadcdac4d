"""A case with what a free-text source leaves out (issue #10): no age, a tumour without a size.

The case is assessed; each item the missing fact decides is reported as not assessed, with what
would change it, and nothing else is lost."""

from __future__ import annotations

from typing import Any

import pytest

from myositis_cds.assessment import assess
from myositis_cds.case import parse_case
from myositis_cds.errors import CaseError
from tests.conftest import TODAY

DERMATOMYOSITIS: dict[str, Any] = {
    "onset_date": "2026-06-01",
    "findings": [
        {"code": "heliotrope_rash", "present": True, "date": "2026-10-01"},
        {"code": "gottron_papules", "present": True, "date": "2026-10-01"},
        {"code": "weakness_proximal_upper", "present": True, "date": "2026-10-01"},
    ],
}


def test_a_case_without_an_age_is_assessed_with_the_age_items_not_assessed() -> None:
    case = parse_case(
        {"patient": {"sex": "female", "age_unknown": True}, **DERMATOMYOSITIS}, today=TODAY
    )
    result = assess(case, as_of=TODAY)
    c = result.classification
    assert c.age_at_onset is None
    # heliotrope 3.1 + Gottron's papules 2.1 + proximal upper weakness 0.7 = 5.9 points
    # (no biopsy); both age items (1.3 / 2.1) are unknown rather than absent
    assert c.score == pytest.approx(5.9)
    gaps = {g.item for g in c.not_assessed}
    assert any("age" in item.casefold() for item in gaps)


def test_age_unknown_still_refuses_a_case_that_simply_forgot_the_age() -> None:
    with pytest.raises(CaseError) as err:
        parse_case({"patient": {"sex": "female"}}, today=TODAY)
    assert "give birth_date or age" in str(err.value)


def test_age_unknown_with_an_age_is_a_contradiction() -> None:
    with pytest.raises(CaseError):
        parse_case({"patient": {"sex": "female", "age": 50, "age_unknown": True}}, today=TODAY)


def test_a_pancreatic_net_without_a_size_is_worked_up_with_size_gaps() -> None:
    case = parse_case(
        {
            "patient": {"sex": "male", "age": 60},
            "tumours": [
                {
                    "site": "pancreas",
                    "histology": "neuroendocrine_tumour",
                    "ki67_percent": 1,
                    "found_date": "2026-09-01",
                }
            ],
        },
        today=TODAY,
    )
    (t,) = assess(case, as_of=TODAY).tumours or []
    assert t.size_mm is None
    assert t.t is None and t.stage is None
    gaps = {g.item for g in t.not_assessed}
    assert {"size", "T category"} <= gaps
    assert t.grade == "G1"  # Ki-67 1 % (< 3 %) is G1 whatever the size
