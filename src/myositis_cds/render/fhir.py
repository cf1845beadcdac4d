"""An assessment as FHIR R4 resources: a ``collection`` Bundle (contract §6, out).

- ``RiskAssessment`` for the EULAR/ACR 2017 classification (probability and category) and one
  for the IMACS 2023 cancer risk (category, as ``risk-probability`` and text);
- a ``ServiceRequest`` (status ``draft``, intent ``proposal``, ``occurrenceDateTime`` = the due
  date) per due or overdue screening test and tumour follow-up visit, gathered as the activities
  of one draft ``CarePlan``;
- a ``DetectedIssue`` per critical recommendation;
- ``Provenance`` naming the tool version and every guideline source used.

Plain JSON: no FHIR library is needed to write it (tests parse it back with the R4B models and
check it against the official R4 JSON schema). Resource ids are UUIDs derived from the case and
the date, so the same assessment gives the same Bundle (``Provenance.recorded`` aside).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from myositis_cds import __version__
from myositis_cds.assessment import Assessment

__all__ = ["to_fhir", "to_fhir_json"]

_NAMESPACE = uuid.UUID("0b5a4f52-31c7-4d0e-8a43-5f2b7d8e9c61")
_RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
# IMACS category → the FHIR risk-probability code closest to it (the text keeps IMACS's word).
_IMACS_TO_FHIR = {"high": "high", "moderate": "moderate", "standard": "low"}


class _Ids:
    def __init__(self, assessment: Assessment) -> None:
        self.seed = f"{assessment.case_id}:{assessment.as_of.isoformat()}"

    def __call__(self, name: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self.seed}:{name}"))


def to_fhir(assessment: Assessment, *, recorded: datetime | None = None) -> dict[str, Any]:
    """The assessment as a FHIR R4 ``collection`` Bundle (a JSON-ready dict)."""
    ids = _Ids(assessment)
    subject = (
        {"reference": f"Patient/{assessment.case_id}"}
        if assessment.case_id and _is_fhir_id(assessment.case_id)
        else {"display": "the assessed patient"}
    )
    day = assessment.as_of.isoformat()
    entries: list[dict[str, Any]] = []

    def add(resource: dict[str, Any], name: str) -> str:
        rid = ids(name)
        resource = {"resourceType": resource.pop("resourceType"), "id": rid, **resource}
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": resource})
        return f"urn:uuid:{rid}"

    add(_classification(assessment, subject, day), "classification")
    if assessment.cancer_risk is not None:
        add(_cancer_risk(assessment, subject, day), "cancer-risk")

    activities = []
    for item in assessment.screening or []:
        if item.status not in ("due", "overdue") or item.next_due is None:
            continue
        request = _service_request(
            subject,
            text=item.label or item.test.replace("_", " "),
            due=item.next_due.isoformat(),
            status=item.status,
            reason=item.reason,
            source=item.source,
            category="cancer screening (IMACS 2023)",
        )
        activities.append({"reference": {"reference": add(request, f"screening:{item.test}")}})
    for tumour in assessment.tumours or []:
        follow = tumour.follow_up
        if follow.status in ("due", "overdue") and follow.next_due is not None:
            site = tumour.site.replace("_", " ")
            request = _service_request(
                subject,
                text=f"Tumour follow-up ({site} {tumour.histology.replace('_', ' ')}): "
                f"{follow.content or 'surveillance visit'}",
                due=follow.next_due.isoformat(),
                status=follow.status,
                reason=follow.reason,
                source=follow.source or "",
                category="tumour follow-up",
            )
            activities.append(
                {"reference": {"reference": add(request, f"follow-up:{tumour.index}")}}
            )
    plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "status": "draft",
        "intent": "proposal",
        "title": "Cancer screening and tumour follow-up in myositis",
        "description": (
            f"{len(activities)} test(s) or visit(s) due or overdue on {day}"
            if activities
            else f"nothing due or overdue on {day}"
        ),
        "subject": subject,
        "created": day,
    }
    if activities:
        plan["activity"] = activities
    add(plan, "care-plan")

    for rec in assessment.recommendations:
        if rec.indicator != "critical":
            continue
        issue = {
            "resourceType": "DetectedIssue",
            "status": "final",
            "code": {"text": rec.id},
            "severity": "high",
            "patient": subject,
            "identifiedDateTime": day,
            "detail": f"{rec.summary}\n\n{rec.detail}\n\nSource: {rec.source}",
        }
        add(issue, f"issue:{rec.id}")

    targets = [{"reference": e["fullUrl"]} for e in entries]
    add(_provenance(assessment, targets, recorded), "provenance")
    return {
        "resourceType": "Bundle",
        "id": ids("bundle"),
        "type": "collection",
        "entry": entries,
    }


def to_fhir_json(assessment: Assessment) -> str:
    return json.dumps(to_fhir(assessment), indent=2, ensure_ascii=False)


def _classification(a: Assessment, subject: dict[str, Any], day: str) -> dict[str, Any]:
    c = a.classification
    outcome = "idiopathic inflammatory myopathy"
    if c.subgroup:
        outcome += f" ({c.subgroup})"
    note = f"Score {c.score:.1f}; category {c.category}."
    if c.requires_biopsy:
        note += " No heliotrope rash or Gottron papules/sign: classified only with muscle biopsy."
    return {
        "resourceType": "RiskAssessment",
        "status": "final",
        "code": {
            "text": f"{c.criteria} classification criteria for idiopathic inflammatory myopathy"
        },
        "subject": subject,
        "occurrenceDateTime": day,
        "method": {"text": c.criteria + (" with muscle biopsy" if c.biopsy_used else "")},
        "prediction": [
            {
                "outcome": {"text": outcome},
                "probabilityDecimal": round(c.probability, 4),
                "qualitativeRisk": {"text": c.category},
            }
        ],
        "note": [{"text": note}],
    }


def _cancer_risk(a: Assessment, subject: dict[str, Any], day: str) -> dict[str, Any]:
    risk = a.cancer_risk
    assert risk is not None
    qualitative: dict[str, Any] = {"text": f"IMACS {risk.category} risk"}
    code = _IMACS_TO_FHIR.get(risk.category)
    if code is not None:
        qualitative["coding"] = [{"system": _RISK_PROBABILITY, "code": code}]
    factors = "; ".join(f"{f.label} ({f.direction})" for f in risk.factors) or "none"
    return {
        "resourceType": "RiskAssessment",
        "status": "final",
        "code": {"text": f"{risk.guideline} cancer risk in myositis"},
        "subject": subject,
        "occurrenceDateTime": day,
        "method": {"text": risk.source},
        "prediction": [
            {
                "outcome": {"text": "cancer associated with the myositis"},
                "qualitativeRisk": qualitative,
                "rationale": risk.rule,
            }
        ],
        "note": [{"text": f"Risk factors: {factors}."}],
    }


def _service_request(
    subject: dict[str, Any],
    *,
    text: str,
    due: str,
    status: str,
    reason: str,
    source: str,
    category: str,
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "status": "draft",
        "intent": "proposal",
        "category": [{"text": category}],
        "code": {"text": text},
        "subject": subject,
        "occurrenceDateTime": due,
        "reasonCode": [{"text": reason}],
        "note": [{"text": f"{status} (due {due})" + (f"; source: {source}" if source else "")}],
    }
    return request


def _provenance(
    a: Assessment, targets: list[dict[str, Any]], recorded: datetime | None
) -> dict[str, Any]:
    sources: list[str] = [a.classification.source] if a.classification.source else []
    if a.cancer_risk is not None:
        sources.append(a.cancer_risk.source)
    sources += [s.source for s in a.screening or [] if s.source]
    for t in a.tumours or []:
        sources += t.sources
    sources += [r.source for r in a.recommendations]
    unique = list(dict.fromkeys(s for s in sources if s))
    when = (recorded or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return {
        "resourceType": "Provenance",
        "target": targets,
        "recorded": when.replace("+00:00", "Z"),
        "activity": {"text": f"decision support assessment as of {a.as_of.isoformat()}"},
        "agent": [
            {
                "type": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                            "code": "assembler",
                        }
                    ]
                },
                "who": {"display": f"myositis-cds {__version__} (contract {a.contract_version})"},
            }
        ],
        "entity": [{"role": "source", "what": {"display": s}} for s in unique],
    }


def _is_fhir_id(value: str) -> bool:
    """FHIR ids: 1-64 of A-Z a-z 0-9 - ."""
    return 0 < len(value) <= 64 and all(
        ch.isascii() and (ch.isalnum() or ch in "-.") for ch in value
    )
