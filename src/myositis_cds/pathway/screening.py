"""Stage 3b: the dated IMACS 2023 cancer-screening plan (stub: issue #3 builds it)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from myositis_cds.case import Case
from myositis_cds.pathway.cancer_risk import CancerRisk
from myositis_cds.pathway.common import Notes

__all__ = ["ScreeningItem", "plan_screening"]


class ScreeningItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    test: str
    panel: Literal["basic", "enhanced", "conditional"]
    status: Literal["done", "due", "overdue", "not_indicated"]
    last_done: date | None = None
    next_due: date | None = None
    reason: str


def plan_screening(
    case: Case, as_of: date, risk: CancerRisk | None, notes: Notes
) -> list[ScreeningItem] | None:
    notes.warn("screening: not built yet (issue #3); no screening plan is given")
    return None
