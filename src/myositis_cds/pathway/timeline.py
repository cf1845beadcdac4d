"""The case as one ordered timeline: the single structure every view of the course reads.

Every dated record of the case becomes a :class:`TimelineEntry` (onset, diagnosis, findings,
labs, antibody results, investigations, tumour found / resected, treatment start / stop, events,
core-set assessments), ordered by date and then by a fixed kind order, so that two readers never
disagree on what happened first. Treatments are also kept as spans (:class:`TherapyLine`) for the
course and the timeline plot. Records without a date cannot be placed; they are listed by field
path in ``undated`` rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds.case import Case, Treatment

__all__ = ["TherapyLine", "Timeline", "TimelineEntry", "TimelineKind", "build_timeline"]

TimelineKind = Literal[
    "onset",
    "diagnosis",
    "treatment_stop",
    "finding",
    "lab",
    "antibody",
    "assessment",
    "investigation",
    "tumour_found",
    "tumour_resected",
    "event",
    "treatment_start",
]
# Same-day order: what was known or ended first, then what was measured, then what was done.
_KIND_ORDER: dict[str, int] = {kind: i for i, kind in enumerate(get_args(TimelineKind))}


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TimelineEntry(_Out):
    date: date
    kind: TimelineKind
    code: str | None = Field(
        default=None,
        description="finding/lab/antibody/investigation code, event kind, tumour site or drug",
    )
    label: str = Field(description="one line a clinician can read")
    present: bool | None = Field(default=None, description="findings: present or absent")
    value: float | None = None
    unit: str | None = None
    upper_limit: float | None = None
    above_uln: bool | None = Field(default=None, description="labs: above the upper limit")
    result: str | None = Field(default=None, description="antibody or investigation result")
    ref: str = Field(description="field path of the record in the case, e.g. 'labs[2]'")


class TherapyLine(_Out):
    """One drug from start to stop (a line of therapy)."""

    drug: str
    route: str | None
    systemic: bool | None = Field(
        description="false for topical, true for any other stated route, null when not stated"
    )
    dose: str | None
    start: date
    stop: date | None
    ongoing: bool = Field(description="no stop date on or before the assessment date")
    days: int = Field(description="days from start to stop, or to the assessment date if ongoing")
    ref: str


class Timeline(_Out):
    as_of: date
    entries: list[TimelineEntry]
    therapy: list[TherapyLine]
    undated: list[str] = Field(
        default_factory=list, description="field paths of records without a date"
    )

    def of_kind(self, *kinds: TimelineKind) -> list[TimelineEntry]:
        return [e for e in self.entries if e.kind in kinds]

    def between(self, after: date, until: date) -> list[TimelineEntry]:
        """Entries dated strictly after ``after`` and on or before ``until``."""
        return [e for e in self.entries if after < e.date <= until]


def build_timeline(case: Case, as_of: date) -> Timeline:
    """Order every dated record of ``case`` (already cut to ``as_of``)."""
    entries: list[TimelineEntry] = []
    undated: list[str] = []

    if case.onset_date is not None:
        entries.append(
            TimelineEntry(
                date=case.onset_date, kind="onset", label="onset of first symptom", ref="onset_date"
            )
        )
    if case.diagnosis_date is not None:
        entries.append(
            TimelineEntry(
                date=case.diagnosis_date,
                kind="diagnosis",
                label="myositis diagnosed",
                ref="diagnosis_date",
            )
        )
    for i, f in enumerate(case.findings):
        ref = f"findings[{i}]"
        if f.date is None:
            undated.append(ref)
            continue
        code = f.code.value
        words = code.replace("_", " ")
        entries.append(
            TimelineEntry(
                date=f.date,
                kind="finding",
                code=code,
                present=f.present,
                label=f"{words} {'present' if f.present else 'absent'}"
                + (f" ({f.note})" if f.note else ""),
                ref=ref,
            )
        )
    for i, lab in enumerate(case.labs):
        entries.append(
            TimelineEntry(
                date=lab.date,
                kind="lab",
                code=lab.code.value,
                value=lab.value,
                unit=lab.unit,
                upper_limit=lab.upper_limit,
                above_uln=lab.is_above_uln,
                label=_lab_label(
                    lab.code.value, lab.value, lab.unit, lab.upper_limit, lab.is_above_uln
                ),
                ref=f"labs[{i}]",
            )
        )
    for i, ab in enumerate(case.antibodies):
        level = f" {ab.level:g}{' ' + ab.unit if ab.unit else ''}" if ab.level is not None else ""
        code, result = ab.code.value, ab.result.value
        entries.append(
            TimelineEntry(
                date=ab.date,
                kind="antibody",
                code=code,
                result=result,
                value=ab.level,
                unit=ab.unit,
                label=f"anti-{code} {result.replace('_', ' ')}{level}",
                ref=f"antibodies[{i}]",
            )
        )
    if case.muscle_biopsy is not None:
        if case.muscle_biopsy.date is None:
            undated.append("muscle_biopsy")
        else:
            entries.append(
                TimelineEntry(
                    date=case.muscle_biopsy.date,
                    kind="investigation",
                    code="muscle_biopsy",
                    label="muscle biopsy",
                    ref="muscle_biopsy",
                )
            )
    for i, inv in enumerate(case.investigations):
        entries.append(
            TimelineEntry(
                date=inv.date,
                kind="investigation",
                code=inv.code.value,
                result=inv.result.value,
                label=f"{inv.code.value.replace('_', ' ')}: {inv.result.value.replace('_', ' ')}"
                + (f" ({inv.note})" if inv.note else ""),
                ref=f"investigations[{i}]",
            )
        )
    for i, t in enumerate(case.tumours):
        size = f"{t.size_mm:g} mm" if t.size_mm is not None else "size not stated"
        what = f"{t.site.value} {t.histology.value.replace('_', ' ')} {size}"
        entries.append(
            TimelineEntry(
                date=t.found_date,
                kind="tumour_found",
                code=t.site.value,
                label=f"tumour found: {what}"
                + (" (date not stated: by this date)" if t.found_date_latest else ""),
                ref=f"tumours[{i}]",
            )
        )
        if t.resected_date is not None:
            entries.append(
                TimelineEntry(
                    date=t.resected_date,
                    kind="tumour_resected",
                    code=t.site.value,
                    label=f"tumour resected: {what}",
                    ref=f"tumours[{i}]",
                )
            )
    therapy = [_line(tr, as_of, f"treatments[{i}]") for i, tr in enumerate(case.treatments)]
    for line in therapy:
        entries.append(
            TimelineEntry(
                date=line.start,
                kind="treatment_start",
                code=line.drug,
                label=f"started {_drug(line)}",
                ref=line.ref,
            )
        )
        if line.stop is not None:
            entries.append(
                TimelineEntry(
                    date=line.stop,
                    kind="treatment_stop",
                    code=line.drug,
                    label=f"stopped {_drug(line)}",
                    ref=line.ref,
                )
            )
    for i, ev in enumerate(case.events):
        entries.append(
            TimelineEntry(
                date=ev.date,
                kind="event",
                code=ev.kind.value,
                label=ev.kind.value.replace("_", " ") + (f": {ev.note}" if ev.note else ""),
                ref=f"events[{i}]",
            )
        )
    for i, a in enumerate(case.assessments):
        entries.append(
            TimelineEntry(
                date=a.date,
                kind="assessment",
                label=_assessment_label(a.model_dump()),
                ref=f"assessments[{i}]",
            )
        )
    return Timeline(
        as_of=as_of,
        entries=_ordered(entries),
        therapy=sorted(therapy, key=lambda t: (t.start, t.drug.lower())),
        undated=undated,
    )


def _ordered(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    # Python's sort is stable, so records of one kind on one day keep their case order.
    return sorted(entries, key=lambda e: (e.date, _KIND_ORDER[e.kind]))


def _line(tr: Treatment, as_of: date, ref: str) -> TherapyLine:
    ongoing = tr.stop is None or tr.stop > as_of
    end = as_of if ongoing else tr.stop
    assert end is not None
    return TherapyLine(
        drug=tr.drug,
        route=tr.route,
        systemic=None if tr.route is None else tr.route != "topical",
        dose=tr.dose,
        start=tr.start,
        stop=None if ongoing else tr.stop,
        ongoing=ongoing,
        days=(end - tr.start).days,
        ref=ref,
    )


def _drug(line: TherapyLine) -> str:
    route = f" ({line.route})" if line.route else ""
    dose = f" {line.dose}" if line.dose else ""
    return f"{line.drug}{dose}{route}"


def _lab_label(
    code: str, value: float | None, unit: str | None, uln: float | None, above: bool | None
) -> str:
    name = code.upper() if len(code) <= 3 else code.replace("_", " ")
    if value is not None:
        limit = f" (ULN {uln:g})" if uln is not None else ""
        return f"{name} {value:g} {unit or ''}{limit}".replace("  ", " ")
    return f"{name} {'above' if above else 'within'} normal limits"


_ASSESSMENT_NAMES = {
    "physician_global": "physician global",
    "patient_global": "patient global",
    "mmt8": "MMT-8",
    "haq": "HAQ",
    "extramuscular_global": "extramuscular global",
    "cdasi_activity": "CDASI activity",
}


def _assessment_label(fields: dict[str, object]) -> str:
    shown = [
        f"{label} {fields[name]:g}" + (f"/{fields.get('mmt8_max') or 80}" if name == "mmt8" else "")
        for name, label in _ASSESSMENT_NAMES.items()
        if isinstance(fields.get(name), int | float)
    ]
    return "core-set assessment" + (": " + ", ".join(shown) if shown else "")
