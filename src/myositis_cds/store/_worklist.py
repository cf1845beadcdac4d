"""Worklist items from an assessment: what the pathway says is overdue or due.

No rule lives here: screening statuses and tumour follow-up statuses come from the pathway's
own output (:func:`myositis_cds.assess`); this module only picks them and orders one patient's
items (overdue first, then the oldest due date). Patients are ordered the same way, by their most
urgent item, in :meth:`myositis_cds.store.Store.worklist`.
"""

from __future__ import annotations

from datetime import date

from myositis_cds.assessment import Assessment
from myositis_cds.store._records import WorklistItem

__all__ = ["worklist_items"]

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
