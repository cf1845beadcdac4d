"""What the store returns: typed records (pydantic, so the API documents their real shapes)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds.assessment import Assessment
from myositis_cds.case import Case

__all__ = [
    "AuditEvent",
    "PatientRecord",
    "PatientSummary",
    "RevisionInfo",
    "StoredAssessment",
    "WorklistEntry",
    "WorklistItem",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatientSummary(_Record):
    id: str = Field(description="the store's patient id (opaque, never a name)")
    case_id: str | None = Field(description="the case file's own local identifier")
    revision: int = Field(description="current revision; the ETag is this number in quotes")
    created_at: datetime
    updated_at: datetime


class PatientRecord(PatientSummary):
    """A patient's current (or a given) revision with its case."""

    case: Case

    @property
    def etag(self) -> str:
        return f'"{self.revision}"'


class RevisionInfo(_Record):
    revision: int
    created_at: datetime
    author: str = Field(description="token name of whoever wrote the revision")


class StoredAssessment(_Record):
    id: int
    patient_id: str
    revision: int = Field(description="the case revision that was assessed")
    as_of: date
    biopsy: str
    tool_version: str
    knowledge_versions: dict[str, str] = Field(description="guideline data file id → version")
    created_at: datetime
    author: str
    assessment: Assessment


WorklistStatus = Literal["overdue", "due"]


class WorklistItem(_Record):
    kind: Literal["screening", "tumour_follow_up"]
    code: str = Field(description="screening test code, or tumours[i] for a tumour's follow-up")
    label: str
    status: WorklistStatus
    due_date: date | None = Field(description="when the item fell (or falls) due")
    reason: str


class WorklistEntry(_Record):
    patient_id: str
    case_id: str | None
    revision: int
    status: WorklistStatus = Field(description="the most urgent item's status")
    earliest_due: date | None
    items: list[WorklistItem] = Field(description="overdue first, then due; oldest first")


class AuditEvent(_Record):
    """Who did what to which patient id: never clinical content."""

    id: int
    at: datetime
    actor: str
    action: str
    patient_id: str | None
    revision: int | None
    outcome: str
