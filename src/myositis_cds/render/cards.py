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
