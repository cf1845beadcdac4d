"""Recommendations as CDS Hooks 2.0 cards (``{"cards": [...]}``)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from myositis_cds.assessment import Assessment

__all__ = ["to_cards", "to_cards_json"]

_NAMESPACE = uuid.UUID("6f1c6f0e-0d7b-4a51-9d39-5c1b3c0e2a10")


def to_cards(assessment: Assessment) -> dict[str, Any]:
    cards = []
    for rec in assessment.recommendations:
        detail = rec.detail
        if rec.evidence:
            detail += "\n\n**Evidence:** " + "; ".join(rec.evidence)
        cards.append(
            {
                # Stable per rule and case, so feedback can refer to the card.
                "uuid": str(uuid.uuid5(_NAMESPACE, f"{assessment.case_id}:{rec.id}")),
                "summary": rec.summary,
                "detail": detail,
                "indicator": rec.indicator,
                "source": {"label": rec.source},
            }
        )
    return {"cards": cards}


def to_cards_json(assessment: Assessment) -> str:
    return json.dumps(to_cards(assessment), indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- CDS Hooks service
# The patient-view service sends only cards that ask for an action (contract §5): due or overdue
# screening tests, screening tests done whose result the record does not give (obtain the
# report), due or overdue tumour follow-up, and critical recommendations. A patient with
# nothing due gets no card. Each due test is a suggestion that creates a draft ServiceRequest.
IMACS_URL = "https://doi.org/10.1038/s41584-023-01045-w"  # Oldroyd et al. 2023 (IMACS)
SUMMARY_LIMIT = 139  # CDS Hooks: "<140-character summary"


def to_hook_cards(
    assessment: Assessment, *, patient_id: str, link: str | None = None
) -> list[dict[str, Any]]:
    """Cards for the CDS Hooks ``patient-view`` service (``{"cards": [...]}`` holds them)."""
    seed = f"{patient_id}:{assessment.as_of.isoformat()}"
    cards: list[dict[str, Any]] = []
    due = [s for s in assessment.screening or [] if s.status in ("due", "overdue") and s.next_due]
    if due:
        overdue = sum(1 for s in due if s.status == "overdue")
        risk = assessment.cancer_risk.category if assessment.cancer_risk else "unknown"
        summary = (
            f"Myositis cancer screening: {overdue} overdue, {len(due) - overdue} due "
            f"(IMACS {risk} risk)"
        )
        lines = [
            f"- **{s.label or s.test}**: {s.status}, due {s.next_due} ({s.round or 'round'})"
            for s in due
        ]
        factors = (
            "; ".join(f.label for f in assessment.cancer_risk.factors)
            if assessment.cancer_risk
            else ""
        )
        # a recorded tumour and the pathway's judgement of it (whether it ends the search for an
        # occult cancer), in the pathway's words: an undated one reads "found by <date> (date
        # not stated)", never as an exact date
        found = [r.detail for r in assessment.recommendations if r.id == "screening.tumour_found"]
        detail = "\n".join(
            [
                f"IMACS 2023 cancer risk: **{risk}**" + (f" ({factors})." if factors else "."),
                "",
                "Tests due or overdue:",
                *lines,
                *(["", f"**Tumour on record:** {found[0]}"] if found else []),
            ]
        )
        cards.append(
            _hook_card(
                seed,
                "screening",
                summary,
                detail,
                "warning",
                {"label": "IMACS 2023 cancer screening in myositis", "url": IMACS_URL},
                suggestions=[
                    _order(
                        seed,
                        f"screening:{s.test}",
                        s.label or s.test,
                        str(s.next_due),
                        patient_id,
                        s.reason,
                    )
                    for s in due
                ],
                link=link,
            )
        )
    # done, but the record does not give the result: the action is to read the report, not to
    # order the test again, so this card has no suggestion
    unread = [
        s for s in assessment.screening or [] if s.status == "done" and s.result == "not_stated"
    ]
    if unread:
        lines = [
            f"- **{s.label or s.test}**: done {s.last_done} ({s.round or 'round'}), "
            "result not stated"
            for s in unread
        ]
        cards.append(
            _hook_card(
                seed,
                "screening-result-not-stated",
                f"Myositis cancer screening: {len(unread)} result(s) not stated: obtain the "
                "report(s)",
                "\n".join(
                    [
                        "Done, but the record does not give the result, so these are not "
                        "counted as a normal (negative) screen:",
                        *lines,
                        "",
                        "If a report is abnormal, work it up; if normal, the round is complete.",
                    ]
                ),
                "warning",
                {"label": "IMACS 2023 cancer screening in myositis", "url": IMACS_URL},
                link=link,
            )
        )
    # done, but abnormal (work it up, no reassurance) or pending (not yet a negative screen),
    # as the pathway says of each (pathway/screening.py _NOT_NEGATIVE); no suggestion: the test
    # need not be ordered again
    for kind, title in (
        ("abnormal", "abnormal result(s): work-up needed, not a negative screen"),
        ("pending", "result(s) pending: not yet a negative screen"),
    ):
        not_negative = [
            s for s in assessment.screening or [] if s.status == "done" and s.result == kind
        ]
        if not_negative:
            cards.append(
                _hook_card(
                    seed,
                    f"screening-result-{kind}",
                    f"Myositis cancer screening: {len(not_negative)} {title}",
                    "\n".join(f"- **{s.label or s.test}**: {s.reason}" for s in not_negative),
                    "warning",
                    {"label": "IMACS 2023 cancer screening in myositis", "url": IMACS_URL},
                    link=link,
                )
            )
    for t in assessment.tumours or []:
        f = t.follow_up
        if f.status in ("due", "overdue") and f.next_due is not None:
            what = f"{t.site.replace('_', ' ')} {t.histology.replace('_', ' ')}"
            cards.append(
                _hook_card(
                    seed,
                    f"tumour:{t.index}",
                    f"Tumour follow-up {f.status} ({what}, due {f.next_due})",
                    f"{f.reason}.\n\nVisit: {f.content or 'surveillance'}; "
                    f"schedule {f.schedule or 'per guideline'}.",
                    "warning",
                    {"label": (f.source or "tumour follow-up guideline")[:200]},
                    suggestions=[
                        _order(
                            seed,
                            f"tumour:{t.index}",
                            f"Follow-up visit and imaging ({what})",
                            str(f.next_due),
                            patient_id,
                            f.reason,
                        )
                    ],
                    link=link,
                )
            )
    for rec in assessment.recommendations:
        if rec.indicator == "critical":
            detail = rec.detail
            if rec.evidence:
                detail += "\n\n**Evidence:** " + "; ".join(rec.evidence)
            cards.append(
                _hook_card(
                    seed, rec.id, rec.summary, detail, "critical", {"label": rec.source}, link=link
                )
            )
    return cards


def _hook_card(
    seed: str,
    key: str,
    summary: str,
    detail: str,
    indicator: str,
    source: dict[str, str],
    *,
    suggestions: list[dict[str, Any]] | None = None,
    link: str | None = None,
) -> dict[str, Any]:
    card: dict[str, Any] = {
        "uuid": str(uuid.uuid5(_NAMESPACE, f"{seed}:card:{key}")),
        "summary": summary if len(summary) <= SUMMARY_LIMIT else summary[: SUMMARY_LIMIT - 1] + "…",
        "detail": detail,
        "indicator": indicator,
        "source": source,
    }
    if suggestions:
        card["suggestions"] = suggestions
        card["selectionBehavior"] = "any"
    if link:
        card["links"] = [{"label": "Open in myositis-cds", "url": link, "type": "absolute"}]
    return card


def _order(
    seed: str, key: str, label: str, due: str, patient_id: str, reason: str
) -> dict[str, Any]:
    return {
        "label": f"Order: {label}",
        "uuid": str(uuid.uuid5(_NAMESPACE, f"{seed}:suggestion:{key}")),
        "isRecommended": True,
        "actions": [
            {
                "type": "create",
                "description": f"Create a draft order for {label}, due {due}",
                "resource": {
                    "resourceType": "ServiceRequest",
                    "status": "draft",
                    "intent": "proposal",
                    "code": {"text": label},
                    "subject": {"reference": f"Patient/{patient_id}"},
                    "occurrenceDateTime": due,
                    "reasonCode": [{"text": reason}],
                },
            }
        ],
    }
