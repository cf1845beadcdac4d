"""Notes keeps one recommendation per id; output objects shared between cases cannot change."""

from __future__ import annotations

import types
from datetime import date
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel, ValidationError

from myositis_cds.pathway.classification import ScoredItem
from myositis_cds.pathway.common import NotAssessed, Notes, Recommendation, shared_not_assessed
from myositis_cds.pathway.screening import ScreeningItem


def rec(rule_id: str, summary: str) -> Recommendation:
    return Recommendation(id=rule_id, summary=summary, detail="", indicator="info", source="s")


def test_a_rule_that_fires_twice_is_recommended_once_and_the_first_wording_stays() -> None:
    notes = Notes()
    notes.recommend(rec("screening.due", "2 tests due"))
    notes.recommend(rec("cancer_risk.category", "high"))
    notes.recommend(rec("screening.due", "3 tests due"))
    assert [(r.id, r.summary) for r in notes.recommendations] == [
        ("screening.due", "2 tests due"),
        ("cancer_risk.category", "high"),
    ]


def test_notes_started_with_recommendations_still_refuse_their_ids() -> None:
    notes = Notes(recommendations=[rec("screening.due", "2 tests due")])
    notes.recommend(rec("screening.due", "3 tests due"))
    assert [r.summary for r in notes.recommendations] == ["2 tests due"]


def test_equal_gaps_are_one_object_that_cannot_be_changed() -> None:
    gap = shared_not_assessed("anti_tif1g", "not tested", "if present: category stays high")
    assert gap is shared_not_assessed("anti_tif1g", "not tested", "if present: category stays high")
    assert gap == NotAssessed(
        item="anti_tif1g", reason="not tested", would_change="if present: category stays high"
    )
    with pytest.raises(ValidationError):
        gap.reason = "tested"  # type: ignore[misc]


def _immutable(annotation: Any) -> bool:
    if annotation in (str, int, float, bool, date, type(None)):
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return True
    origin = get_origin(annotation)
    if origin is Literal:
        return True
    if origin in (Union, types.UnionType):
        return all(_immutable(arg) for arg in get_args(annotation))
    return False  # lists, dicts, sets, nested models: not safe to share


@pytest.mark.parametrize("model", [NotAssessed, ScreeningItem, ScoredItem])
def test_output_items_shared_between_cases_are_frozen_and_hold_only_immutable_values(
    model: type[BaseModel],
) -> None:
    # The stages hand out one object for equal gaps / not-indicated tests / scored items across
    # cases; that is only safe while nothing in them can be changed in place.
    assert model.model_config.get("frozen") is True
    mutable = [n for n, f in model.model_fields.items() if not _immutable(f.annotation)]
    assert mutable == []
