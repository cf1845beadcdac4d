"""Dated follow-up of a pancreatic NET after resection or on active surveillance.

The schedule is data (``pnet_management.yaml`` → ``follow_up``): phases of visits, each visit due
within a window (earliest, latest) counted from the previous visit, or from the anchor (the
resection date; the date the tumour was found when it is followed without surgery).

Statuses, judged on ``as_of``:

* ``done`` — an imaging investigation from ``imaging_codes`` is dated inside the visit window.
  The next window counts from the latest such imaging.
* ``due`` — the window is open (earliest ≤ as_of ≤ latest) and no imaging is recorded in it.
* ``overdue`` — the window closed before ``as_of`` without imaging.
* ``upcoming`` — the window opens after ``as_of``.

The schedule lists the visits done so far and the current one; later windows depend on when the
current visit actually happens, so they are not listed. Imaging before a window opens (for
example a scan a few days after surgery) does not count for that window. After the last phase
(10 years) follow-up is "as clinically indicated" and the plan is ``complete``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from myositis_cds.case import Case, InvestigationCode
from myositis_cds.knowledge import KnowledgeModel, Verified
from myositis_cds.pathway._calendar import add_interval
from myositis_cds.pathway.tumour_grading import Grade

__all__ = [
    "FollowUp",
    "FollowUpPlan",
    "FollowUpRules",
    "FollowUpVisit",
    "VisitStatus",
    "no_follow_up",
    "plan_follow_up",
]

FollowUpPlan = Literal["post_resection", "surveillance", "none"]
VisitStatus = Literal["done", "due", "overdue", "upcoming"]
_MAX_VISITS = 200  # a 10-year schedule has at most ~30 visits; guards against bad data


# --------------------------------------------------------------------------- knowledge schema
class Interval(KnowledgeModel):
    years: int = Field(default=0, ge=0)
    months: int = Field(default=0, ge=0)
    weeks: int = Field(default=0, ge=0)

    def after(self, day: date) -> date:
        return add_interval(day, years=self.years, months=self.months, weeks=self.weeks)

    def __str__(self) -> str:
        parts = [(self.years, "year"), (self.months, "month"), (self.weeks, "week")]
        return " ".join(f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n) or "0"


class _Phase(KnowledgeModel):
    visits: int | None = Field(default=None, ge=1)
    until: Interval | None = None
    earliest: Interval
    latest: Interval

    @model_validator(mode="after")
    def _one_limit(self) -> Self:
        if (self.visits is None) == (self.until is None):
            raise ValueError("a phase has either `visits` or `until`")
        return self


class _Schedule(KnowledgeModel):
    id: str
    grades: list[Grade]
    phases: list[_Phase] = Field(min_length=1)
    source: str
    verified: Verified


class FollowUpRules(KnowledgeModel):
    imaging_codes: list[InvestigationCode]
    visit_content: str
    ends_after_years: int = Field(ge=1)
    after_end: str
    schedules: list[_Schedule]


# --------------------------------------------------------------------------- output
class FollowUpVisit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int
    window_start: date = Field(description="earliest date the visit counts")
    window_end: date = Field(description="latest date; overdue after it")
    status: VisitStatus
    done_on: date | None = None
    investigation: str | None = None


class FollowUp(BaseModel):
    """Contract §3 ``tumours[].follow_up``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: FollowUpPlan
    reason: str
    anchor_date: date | None = None
    schedule: str | None = None
    content: str | None = None
    status: VisitStatus | Literal["complete"] | None = Field(
        default=None, description="status of the current visit; 'complete' after 10 years"
    )
    next_due: date | None = Field(
        default=None, description="latest date for the current visit (overdue after it)"
    )
    visits: list[FollowUpVisit] = Field(default_factory=list)
    ends_on: date | None = None
    source: str | None = None
    verified: Verified | None = None


def no_follow_up(reason: str) -> FollowUp:
    return FollowUp(plan="none", reason=reason)


# --------------------------------------------------------------------------- rules
def plan_follow_up(
    case: Case,
    as_of: date,
    *,
    plan: Literal["post_resection", "surveillance"],
    anchor: date,
    grade: Grade,
    rules: FollowUpRules,
) -> FollowUp:
    schedule = next((s for s in rules.schedules if grade in s.grades), None)
    if schedule is None:
        return no_follow_up(f"no follow-up schedule for grade {grade} in the knowledge data")
    imaging = sorted(
        (inv.date, inv.code.value)
        for inv in case.investigations
        if inv.code in rules.imaging_codes and anchor < inv.date <= as_of
    )
    ends_on = Interval(years=rules.ends_after_years).after(anchor)
    visits: list[FollowUpVisit] = []
    reference = anchor
    status: VisitStatus | Literal["complete"] = "complete"
    next_due: date | None = None
    for number in range(1, _MAX_VISITS + 1):
        phase = _phase_for(schedule, number, reference, anchor)
        if phase is None:
            break
        start, end = phase.earliest.after(reference), phase.latest.after(reference)
        in_window = [(d, code) for d, code in imaging if start <= d <= end]
        if in_window:
            done_on, code = in_window[-1]
            visits.append(
                FollowUpVisit(
                    number=number,
                    window_start=start,
                    window_end=end,
                    status="done",
                    done_on=done_on,
                    investigation=code,
                )
            )
            reference = done_on
            continue
        status = "upcoming" if as_of < start else "due" if as_of <= end else "overdue"
        next_due = end
        visits.append(
            FollowUpVisit(number=number, window_start=start, window_end=end, status=status)
        )
        break
    what = "after resection" if plan == "post_resection" else "on active surveillance"
    reason = f"grade {grade} pancreatic NET {what}, counted from {anchor.isoformat()}"
    if status == "complete":
        reason += f"; {rules.after_end}"
    return FollowUp(
        plan=plan,
        reason=reason,
        anchor_date=anchor,
        schedule=schedule.id,
        content=rules.visit_content,
        status=status,
        next_due=next_due,
        visits=visits,
        ends_on=ends_on,
        source=schedule.source,
        verified=schedule.verified,
    )


def _phase_for(schedule: _Schedule, number: int, reference: date, anchor: date) -> _Phase | None:
    """The phase that schedules visit ``number`` (1-based) computed from ``reference``."""
    counted = 0
    for phase in schedule.phases:
        if phase.visits is not None:
            if number <= counted + phase.visits:
                return phase
            counted += phase.visits
        elif phase.until is not None and reference < phase.until.after(anchor):
            return phase
    return None
