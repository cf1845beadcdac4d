"""Stage 5: the course over time — response, refractoriness, trends, paraneoplastic link (stub)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from myositis_cds.case import Case
from myositis_cds.pathway.cancer_risk import CancerRisk
from myositis_cds.pathway.common import Notes

__all__ = ["Course", "follow_course"]


class Course(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def follow_course(case: Case, as_of: date, risk: CancerRisk | None, notes: Notes) -> Course | None:
    notes.warn("course: not built yet (issue #5); no response or trend analysis is given")
    return None
