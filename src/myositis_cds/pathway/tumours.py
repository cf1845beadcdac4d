"""Stage 4: tumour work-up — grade, stage, functional status, options (stub: issue #4)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from myositis_cds.case import Case
from myositis_cds.pathway.common import Notes

__all__ = ["TumourAssessment", "work_up_tumours"]


class TumourAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    site: str
    histology: str


def work_up_tumours(case: Case, as_of: date, notes: Notes) -> list[TumourAssessment] | None:
    if case.tumours:
        notes.warn("tumours: work-up not built yet (issue #4); tumours are listed but not graded")
    return None
