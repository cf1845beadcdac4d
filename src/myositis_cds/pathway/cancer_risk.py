"""Stage 3a: cancer-risk category by the IMACS 2023 guideline (stub: issue #3 builds it)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from myositis_cds.case import Case
from myositis_cds.pathway.classification import Classification
from myositis_cds.pathway.common import Notes

__all__ = ["CancerRisk", "assess_cancer_risk"]


class CancerRisk(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    guideline: str = "IMACS 2023"
    category: Literal["high", "moderate", "standard", "not applicable"]
    factors: list[dict[str, str]]


def assess_cancer_risk(
    case: Case, as_of: date, classification: Classification, notes: Notes
) -> CancerRisk | None:
    notes.warn("cancer_risk: not built yet (issue #3); no risk category is given")
    return None
