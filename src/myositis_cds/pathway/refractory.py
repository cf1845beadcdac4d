"""Is the myositis refractory to immunosuppression? One definition, shared by the stages.

Public, stable interface (the tumour stage's paraneoplastic modifier and the course stage both
call it):

    assess_refractory(case, as_of) -> RefractoryStatus

``RefractoryStatus.refractory`` is ``True``, ``False`` or ``None`` (cannot be judged), with the
``definition`` applied, its ``source``, the ``evidence`` (treatment history and findings it rests
on, one line each), a one-line ``reason`` and, when not ``True``, what would change it.

The definition and the drug-class table are data (``knowledge/treatment_response.yaml``):
refractory = a clinician-recorded inadequate response (finding
``no_response_to_immunosuppression`` present) after at least 3 months of systemic glucocorticoid
together with at least one systemic steroid-sparing agent. How the inputs combine:

==============================  =====================  ====================================
latest response finding         treatment recorded     result
==============================  =====================  ====================================
non-response (present: true)    adequate trial         True
non-response                    none at all            True (trial not checkable; said so)
non-response                    inadequate trial       False (trial too short or incomplete)
response (present: false)       any                    False
not recorded                    adequate trial         None (response not recorded)
not recorded                    inadequate trial       False
not recorded                    none at all            None
==============================  =====================  ====================================

A **relapse of previously controlled disease while on therapy** (a ``relapse`` event after a
``remission`` or ``improvement`` event, with a systemic immunosuppressant taken on the day of the
relapse; data: ``relapse`` in the knowledge file) makes the result True whatever the length of the
trial, unless a response is recorded after the relapse. IMACS 2023 counts such a relapse as
persistent disease activity despite therapy; :func:`relapse_on_therapy` is the one place that rule
is applied (the cancer-risk stage calls it too).

Topical treatment never counts; a missing route is assumed systemic (said in the evidence);
oral, intravenous, intramuscular and subcutaneous routes count (``systemic_routes``); route
"other" is not counted. "Refractory" describes the response to immunosuppression: a later
remission (e.g. after a tumour is removed) does not undo it. Records dated after ``as_of`` are
ignored, so the function may be given a case that has not been cut with ``Case.as_of``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import Case, EventKind, FindingCode, Treatment
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway._calendar import add_months

__all__ = [
    "DrugClass",
    "RefractoryStatus",
    "RelapseOnTherapy",
    "TreatmentResponseKnowledge",
    "assess_refractory",
    "classify_drug",
    "relapse_on_therapy",
    "treatment_response",
]

Counts = Literal["glucocorticoid", "steroid_sparing", "none"]


# --------------------------------------------------------------------------- knowledge schema
class _Definition(KnowledgeModel):
    definition: str
    minimum_glucocorticoid_months: int = Field(ge=1)
    minimum_steroid_sparing_agents: int = Field(ge=1)
    response_finding: FindingCode
    source: str
    verified: Verified
    duration_verified: Verified


class DrugClass(KnowledgeModel):
    id: str
    counts: Counts
    drugs: list[str]
    verified: Verified


class _Relapse(KnowledgeModel):
    relapse_event: EventKind
    controlled_events: list[EventKind]
    source: str
    verified: Verified


class TreatmentResponseKnowledge(KnowledgeModel):
    meta: KnowledgeMeta
    refractory: _Definition
    systemic_routes: list[Literal["oral", "intravenous", "intramuscular", "subcutaneous"]]
    systemic_routes_verified: Verified
    relapse: _Relapse
    classes: list[DrugClass]
    classes_source: str


def treatment_response() -> TreatmentResponseKnowledge:
    return knowledge.load("treatment_response", TreatmentResponseKnowledge)


# --------------------------------------------------------------------------- output
class RefractoryStatus(BaseModel):
    """Whether the myositis is refractory to immunosuppression, and on what evidence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    refractory: bool | None = Field(description="None when it cannot be judged from the data")
    definition: str
    source: str
    verified: Verified
    reason: str = Field(description="one line: why this result")
    evidence: list[str] = Field(description="treatments and findings the result rests on")
    adequate_trial: bool | None = Field(
        description="True when the glucocorticoid + steroid-sparing trial meets the definition; "
        "None when no treatment is recorded"
    )
    glucocorticoid_start: date | None = None
    steroid_sparing_agents: list[str] = Field(default_factory=list)
    would_change: str | None = None


class RelapseOnTherapy(BaseModel):
    """A relapse of previously controlled disease while on systemic immunosuppression."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relapse_date: date
    controlled_kind: str = Field(description="the remission/improvement event before it")
    controlled_date: date
    on_therapy: list[str] = Field(
        description="systemic immunosuppressants taken on the day of the relapse (empty when no "
        "treatment is recorded, so it could not be checked)"
    )
    source: str
    verified: Verified

    @property
    def evidence(self) -> str:
        therapy = (
            f"while on {', '.join(self.on_therapy)}"
            if self.on_therapy
            else "(no treatment recorded, so therapy at the time could not be checked)"
        )
        return (
            f"relapse on {self.relapse_date.isoformat()} after {self.controlled_kind} on "
            f"{self.controlled_date.isoformat()} {therapy}"
        )


# --------------------------------------------------------------------------- rules
@lru_cache(maxsize=1024)
def classify_drug(name: str) -> DrugClass | None:
    """The drug class whose name list matches ``name`` as whole words (case-insensitive)."""
    words = _words(name)
    for drug_class in treatment_response().classes:
        for drug in drug_class.drugs:
            alias = _words(drug)
            if any(words[i : i + len(alias)] == alias for i in range(len(words))):
                return drug_class
    return None


def relapse_on_therapy(case: Case, as_of: date) -> RelapseOnTherapy | None:
    """The first relapse, up to ``as_of``, of disease controlled before it, while on therapy."""
    knowledge_ = treatment_response()
    rule = knowledge_.relapse
    events = sorted((e for e in case.events if e.date <= as_of), key=lambda e: e.date)
    relapses = [e for e in events if e.kind == rule.relapse_event]
    if not relapses:
        return None
    recorded = [t for t in case.treatments if t.start <= as_of]
    for relapse in relapses:
        controlled = [
            e for e in events if e.kind in rule.controlled_events and e.date < relapse.date
        ]
        if not controlled:
            continue
        ongoing = sorted(
            {
                _drug_name(t)
                for t in recorded
                if _counted(t, knowledge_)
                and t.start <= relapse.date
                and (t.stop is None or t.stop >= relapse.date)
            }
        )
        if recorded and not ongoing:
            continue  # a relapse off treatment is not activity despite therapy
        last = controlled[-1]
        return RelapseOnTherapy(
            relapse_date=relapse.date,
            controlled_kind=last.kind.value,
            controlled_date=last.date,
            on_therapy=ongoing,
            source=rule.source,
            verified=rule.verified,
        )
    return None


def _systemic(treatment: Treatment, data: TreatmentResponseKnowledge) -> bool:
    return treatment.route is None or treatment.route in data.systemic_routes


def _counted(treatment: Treatment, data: TreatmentResponseKnowledge) -> bool:
    """A systemic glucocorticoid or steroid-sparing agent."""
    drug_class = classify_drug(treatment.drug)
    return drug_class is not None and drug_class.counts != "none" and _systemic(treatment, data)


def assess_refractory(case: Case, as_of: date) -> RefractoryStatus:
    knowledge_ = treatment_response()
    data = knowledge_.refractory
    evidence: list[str] = []
    glucocorticoid: list[tuple[date, date]] = []
    agents: list[tuple[str, date, date]] = []
    recorded = [t for t in case.treatments if t.start <= as_of]

    for treatment in recorded:
        end = treatment.stop if treatment.stop is not None and treatment.stop <= as_of else as_of
        drug_class = classify_drug(treatment.drug)
        span = f"{treatment.start.isoformat()} to " + (
            end.isoformat() if end < as_of else "ongoing"
        )
        if drug_class is None:
            evidence.append(f"{treatment.drug}: not a recognised myositis drug (not counted)")
            continue
        label = drug_class.id.replace("_", " ")
        if not _systemic(treatment, knowledge_):
            evidence.append(f"{treatment.drug} ({label}, {treatment.route}): not counted")
            continue
        if drug_class.counts == "none":
            evidence.append(f"{treatment.drug} ({label}): not counted as immunosuppression")
            continue
        route = treatment.route or "route not given, assumed systemic"
        evidence.append(f"{treatment.drug} ({label}, {route}) {span}")
        if drug_class.counts == "glucocorticoid":
            glucocorticoid.append((treatment.start, end))
        else:
            agents.append((_drug_name(treatment), treatment.start, end))

    course = _qualifying_course(glucocorticoid, data.minimum_glucocorticoid_months)
    overlapping = sorted(
        {name for name, start, end in agents if course and start <= course[1] and end >= course[0]}
    )
    # Any recorded treatment (even topical-only) means the history was given: judge it.
    has_treatment = bool(recorded)
    adequate: bool | None = (
        course is not None and len(overlapping) >= data.minimum_steroid_sparing_agents
        if has_treatment
        else None
    )
    trial_text = _trial_text(course, overlapping, glucocorticoid, data)
    finding = _latest_response_finding(case, as_of, data.response_finding)
    if finding is not None:
        present, when = finding
        evidence.append(
            f"finding {data.response_finding.value} "
            f"{'present' if present else 'absent (response recorded)'}"
            + (f" on {when.isoformat()}" if when else "")
        )

    def status(refractory: bool | None, reason: str, would_change: str | None) -> RefractoryStatus:
        return RefractoryStatus(
            refractory=refractory,
            definition=data.definition,
            source=data.source,
            verified=data.verified,
            reason=reason,
            evidence=evidence,
            adequate_trial=adequate,
            glucocorticoid_start=course[0] if course else None,
            steroid_sparing_agents=overlapping,
            would_change=would_change,
        )

    record_response = (
        f"record whether the myositis responded (finding {data.response_finding.value})"
    )
    relapse = relapse_on_therapy(case, as_of)
    if relapse is not None:
        evidence.append(relapse.evidence)
        responded_since = (
            finding is not None
            and not finding[0]
            and finding[1] is not None
            and finding[1] > relapse.relapse_date
        )
        if not responded_since:
            return status(
                True,
                f"relapse of previously controlled disease: {relapse.evidence}",
                None,
            )
    if finding is not None and not finding[0]:
        return status(False, "a response to immunosuppression is recorded", None)
    if finding is not None:
        if adequate is None:
            return status(
                True,
                "non-response recorded by the clinician; no treatment history given, so the "
                "length of the trial could not be checked",
                None,
            )
        if adequate:
            return status(True, f"non-response recorded after {trial_text}", None)
        return status(
            False,
            f"non-response recorded, but the treatment does not yet meet the definition: "
            f"{trial_text}",
            "continuing glucocorticoid with a steroid-sparing agent for the full period without "
            "response would make it refractory",
        )
    if adequate is None:
        return status(
            None,
            "no treatment history and no response recorded",
            f"give the treatments and {record_response}",
        )
    if adequate:
        return status(None, f"{trial_text}, but the response is not recorded", record_response)
    return status(
        False,
        f"the treatment does not meet the definition: {trial_text}",
        "an inadequate response after a full trial of glucocorticoid with a steroid-sparing agent",
    )


# --------------------------------------------------------------------------- helpers
def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _drug_name(treatment: Treatment) -> str:
    return " ".join(_words(treatment.drug))


def _qualifying_course(
    spans: list[tuple[date, date]], minimum_months: int
) -> tuple[date, date] | None:
    """The first merged glucocorticoid course lasting at least ``minimum_months``."""
    merged: list[list[date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        if end >= add_months(start, minimum_months):
            return start, end
    return None


def _trial_text(
    course: tuple[date, date] | None,
    agents: list[str],
    glucocorticoid: list[tuple[date, date]],
    data: _Definition,
) -> str:
    months = data.minimum_glucocorticoid_months
    if course is None:
        gc = (
            "no systemic glucocorticoid recorded"
            if not glucocorticoid
            else f"systemic glucocorticoid for less than {months} months"
        )
    else:
        gc = f"≥{months} months of systemic glucocorticoid (from {course[0].isoformat()})"
    if agents:
        return f"{gc} with {', '.join(agents)}"
    if course is None:
        return gc
    return f"{gc} without a steroid-sparing agent alongside"


def _latest_response_finding(
    case: Case, as_of: date, code: FindingCode
) -> tuple[bool, date | None] | None:
    """(present, date) of the latest relevant finding; undated findings rank before dated ones."""
    relevant = [f for f in case.findings if f.code == code and (f.date is None or f.date <= as_of)]
    if not relevant:
        return None
    latest = max(
        enumerate(relevant),
        key=lambda pair: (pair[1].date is not None, pair[1].date or date.min, pair[0]),
    )[1]
    return latest.present, latest.date
