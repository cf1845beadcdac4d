"""One candidate → one worklist row (contract §8), from the pathway's own assessment.

Nothing here decides anything clinical: the row copies the classification category, the IMACS
risk category and each due/overdue screening test with its due date from the
:class:`~myositis_cds.assessment.Assessment`, and a status that only summarises them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from myositis_cds.population.cases import BuiltCase

__all__ = ["WORKLIST_COLUMNS", "assess_candidate", "sort_key", "worklist_row"]

WORKLIST_COLUMNS = (
    "person_id",
    "status",
    "classification",
    "subgroup",
    "cancer_risk",
    "overdue",
    "due",
    "next_due",
    "cancers_recorded",
    "reason",
    "warnings",
)
# Status order on the worklist: most urgent first.
_STATUS_ORDER = {
    "overdue": 0,
    "due": 1,
    "error": 2,
    "no_plan": 3,
    "up_to_date": 4,
    "not_applicable": 5,
}


def assess_candidate(built: BuiltCase, as_of: date) -> dict[str, Any]:
    """Run the pathway on a built case and summarise it as a worklist row."""
    if built.case is None:
        return _row(
            built,
            status="error",
            reason=f"case could not be built from the CDM: {built.error}",
        )
    from myositis_cds.assessment import assess

    return worklist_row(built, assess(built.case, as_of=as_of))


def worklist_row(built: BuiltCase, assessment: Any) -> dict[str, Any]:
    risk = assessment.cancer_risk
    category = risk.category if risk is not None else None
    items = assessment.screening
    overdue = [i for i in items or [] if i.status == "overdue"]
    due = [i for i in items or [] if i.status == "due"]
    if category == "not applicable":
        status = "not_applicable"
    elif items is None:
        status = "no_plan"
    elif overdue:
        status = "overdue"
    elif due:
        status = "due"
    else:
        status = "up_to_date"
    open_dates = [i.next_due for i in (*overdue, *due) if i.next_due is not None]
    urgent = [r for r in assessment.recommendations if r.indicator in ("critical", "warning")]
    reason = urgent[0].summary if urgent else (risk.rule if risk is not None else "")
    return _row(
        built,
        status=status,
        classification=assessment.classification.category,
        subgroup=assessment.classification.subgroup or "",
        cancer_risk=category or "",
        overdue=_tests(overdue),
        due=_tests(due),
        next_due=min(open_dates).isoformat() if open_dates else "",
        reason=reason,
        warnings=len(assessment.warnings) + len(built.warnings),
        cancers_recorded=sum(1 for _, day in built.cancers if day <= assessment.as_of),
    )


def _tests(items: list[Any]) -> str:
    return "; ".join(
        f"{i.test} {i.next_due.isoformat()}" if i.next_due else i.test
        for i in sorted(items, key=lambda i: i.test)
    )


def _row(built: BuiltCase, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "person_id": built.person_id,
        "status": "",
        "classification": "",
        "subgroup": "",
        "cancer_risk": "",
        "overdue": "",
        "due": "",
        "next_due": "",
        "cancers_recorded": len(built.cancers),
        "reason": "",
        "warnings": len(built.warnings),
    }
    row.update(values)
    return row


def sort_key(row: dict[str, Any]) -> tuple[int, str, int]:
    return (_STATUS_ORDER.get(row["status"], 9), row["next_due"] or "9999", row["person_id"])
