"""Run the pathway stages on one case and return one typed :class:`Assessment`.

Data flows one way: a validated :class:`~myositis_cds.case.Case` is cut to the assessment date,
each stage reads it (and earlier stages' results), and the stages' recommendations and warnings
are gathered with their sources. Nothing here does I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import __version__
from myositis_cds.case import Case
from myositis_cds.errors import CaseError
from myositis_cds.pathway.antibodies import AntibodyPanel, read_panel
from myositis_cds.pathway.cancer_risk import CancerRisk, assess_cancer_risk
from myositis_cds.pathway.classification import BiopsyMode, Classification, classify
from myositis_cds.pathway.common import Notes, Recommendation
from myositis_cds.pathway.course import Course, follow_course
from myositis_cds.pathway.screening import ScreeningItem, plan_screening
from myositis_cds.pathway.tumours import TumourAssessment, work_up_tumours

__all__ = ["CONTRACT_VERSION", "Assessment", "assess"]

CONTRACT_VERSION = "1"


class Assessment(BaseModel):
    """Contract §3: every top-level key is always present (``null`` with a warning if a stage
    has nothing to say)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    contract_version: str = CONTRACT_VERSION
    tool_version: str = __version__
    case_id: str | None
    as_of: date
    records_left_out: int = Field(description="records dated after as_of, left out")
    classification: Classification
    antibodies: AntibodyPanel
    cancer_risk: CancerRisk | None
    screening: list[ScreeningItem] | None
    tumours: list[TumourAssessment] | None
    course: Course | None
    recommendations: list[Recommendation]
    warnings: list[str]


def assess(case: Case, *, as_of: date | None = None, biopsy: BiopsyMode = "auto") -> Assessment:
    """Assess ``case`` as it stood on ``as_of`` (default today)."""
    day = as_of or date.today()
    birth = case.patient.birth_date
    if birth is not None and day < birth:  # the birth date itself is not echoed (patient data)
        raise CaseError.single("as_of", f"{day.isoformat()} is before patient.birth_date")
    cut, left_out = case.as_of(day)
    notes = Notes()
    if left_out:
        notes.warn(f"{left_out} record(s) dated after {day.isoformat()} were left out")
    if cut.onset_date is not None and cut.onset_date > day:
        notes.warn("onset_date is after the assessment date: the disease had not begun then")

    classification = classify(cut, day, notes, biopsy)
    antibodies = read_panel(cut, day, notes)
    risk = assess_cancer_risk(cut, day, classification, notes)
    screening = plan_screening(cut, day, risk, notes)
    tumours = work_up_tumours(cut, day, notes)
    course = follow_course(cut, day, risk, notes)
    return Assessment(
        case_id=case.case_id,
        as_of=day,
        records_left_out=left_out,
        classification=classification,
        antibodies=antibodies,
        cancer_risk=risk,
        screening=screening,
        tumours=tumours,
        course=course,
        recommendations=_ordered(notes.recommendations),
        warnings=notes.warnings,
    )


_URGENCY = {"critical": 0, "warning": 1, "info": 2}


def _ordered(recs: list[Recommendation]) -> list[Recommendation]:
    return sorted(recs, key=lambda r: _URGENCY[r.indicator])
