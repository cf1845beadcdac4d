"""The patients' pages, as data: the worklist rows and their sort orders, what changed between
two revisions of a case, and a one-line summary of a stored assessment. No HTTP, no store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["SORTS", "PatientRow", "assessment_line", "revision_changes", "worklist_rows"]


@dataclass
class PatientRow:
    id: str
    label: str
    status: str  # "overdue", "due" or "up to date"
    overdue: list[str] = field(default_factory=list)
    due: list[str] = field(default_factory=list)
    earliest_due: date | None = None
    revision: int = 1
    updated: datetime | None = None


_RANK = {"overdue": 0, "due": 1, "up to date": 2}
SORTS: dict[str, str] = {
    "urgency": "Most urgent first",
    "patient": "Patient",
    "due": "Earliest due",
    "updated": "Last changed",
}


def worklist_rows(patients: Iterable[Any], worklist: Iterable[Any], sort: str) -> list[PatientRow]:
    """Every stored patient with what is overdue or due (from the store's worklist)."""
    entries = {e.patient_id: e for e in worklist}
    rows = []
    for p in patients:
        entry = entries.get(p.id)
        row = PatientRow(
            id=p.id,
            label=p.case_id or f"patient {p.id[:8]}",
            status="up to date" if entry is None else str(entry.status),
            revision=p.revision,
            updated=p.updated_at,
        )
        if entry is not None:
            row.earliest_due = entry.earliest_due
            for item in entry.items:
                when = f" (due {item.due_date.isoformat()})" if item.due_date else ""
                (row.overdue if item.status == "overdue" else row.due).append(item.label + when)
        rows.append(row)
    far = date.max
    keys = {
        "urgency": lambda r: (_RANK[r.status], r.earliest_due or far, r.label.lower()),
        "patient": lambda r: (r.label.lower(), r.id),
        "due": lambda r: (r.earliest_due or far, _RANK[r.status], r.label.lower()),
        "updated": lambda r: (-(r.updated.timestamp() if r.updated else 0.0), r.label.lower()),
    }
    return sorted(rows, key=keys.get(sort, keys["urgency"]))


def _plain(record: Any) -> str:
    if isinstance(record, Mapping):
        record = {k: v for k, v in record.items() if k != "evidence"}
    return json.dumps(record, sort_keys=True)


def revision_changes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[str]:
    """What a revision changed, section by section ("findings: 1 changed, 1 added")."""
    if old is None:
        return ["first version"]
    out = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if (
            isinstance(before, Sequence | None)
            and isinstance(after, Sequence | None)
            and not (isinstance(before, str) or isinstance(after, str))
        ):
            a = [_plain(x) for x in before or []]
            b = [_plain(x) for x in after or []]
            added = len([x for x in b if x not in a])
            removed = len([x for x in a if x not in b])
            changed = min(added, removed)
            parts = [
                f"{n} {word}" for n, word in ((changed, "changed"), (added - changed, "added")) if n
            ] + ([f"{removed - changed} removed"] if removed - changed else [])
            out.append(f"{key}: {', '.join(parts) or 'evidence or order changed'}")
        else:
            out.append(f"{key} changed")
    return out or ["no change to the case"]


def assessment_line(a: Any) -> str:
    """One line for a stored assessment: category and score, risk, what is overdue."""
    c = a.classification
    parts = [f"{c.category}, score {c.score:.1f}"]
    if a.cancer_risk is not None:
        parts.append(f"risk {a.cancer_risk.category}")
    overdue = [s for s in a.screening or [] if s.status == "overdue"]
    parts.append(f"{len(overdue)} overdue" if overdue else "nothing overdue")
    return "; ".join(parts)
