"""Worklist items from an assessment: what the pathway says is overdue or due.

No rule lives here: screening statuses and tumour follow-up statuses come from the pathway's
own output (:func:`myositis_cds.assess`); this module only picks and orders them.
"""

from __future__ import annotations

from datetime import date

from myositis_cds.assessment import Assessment
from myositis_cds.store._records import WorklistEntry, WorklistItem

__all__ = ["order_worklist", "worklist_entry", "worklist_items"]

_RANK = {"overdue": 0, "due": 1}


def worklist_items(assessment: Assessment) -> list[WorklistItem]:
    items: list[WorklistItem] = []
    for s in assessment.screening or []:
        if s.status in ("overdue", "due"):
            items.append(
                WorklistItem(
                    kind="screening",
                    code=s.test,
                    label=s.label or s.test,
                    status=s.status,
                    due_date=s.next_due,
                    reason=s.reason,
                )
            )
    for t in assessment.tumours or []:
        follow_up = t.follow_up
        if follow_up.status in ("overdue", "due"):
            items.append(
                WorklistItem(
                    kind="tumour_follow_up",
                    code=f"tumours[{t.index}]",
                    label=f"follow-up of {t.site} {t.histology}".replace("_", " "),
                    status=follow_up.status,
                    due_date=follow_up.next_due,
                    reason=follow_up.reason,
                )
            )
    return sorted(items, key=_item_key)


def _item_key(item: WorklistItem) -> tuple[int, date, str]:
    return (_RANK[item.status], item.due_date or date.max, item.code)


def worklist_entry(
    patient_id: str, case_id: str | None, revision: int, items: list[WorklistItem]
) -> WorklistEntry | None:
    if not items:
        return None
    first = items[0]
    return WorklistEntry(
        patient_id=patient_id,
        case_id=case_id,
        revision=revision,
        status=first.status,
        earliest_due=first.due_date,
        items=items,
    )


def order_worklist(entries: list[WorklistEntry]) -> list[WorklistEntry]:
    """Most urgent first: any overdue item before only-due ones, then the oldest due date."""
    return sorted(
        entries,
        key=lambda e: (_RANK[e.status], e.earliest_due or date.max, e.patient_id),
    )
