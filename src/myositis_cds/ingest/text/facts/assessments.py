"""Core set measures of disease activity: MMT-8, physician and patient global, HAQ and
CDASI activity and damage scores."""

from __future__ import annotations

from typing import Any

from myositis_cds.ingest.text._draft import Draft, Extraction, _add


def _assessments(ex: Extraction) -> None:
    for sent in ex.sentences:
        if not sent.patient:
            continue
        for name in (
            "mmt8",
            "physician_global",
            "patient_global",
            "haq",
            "cdasi_activity",
            "cdasi_damage",
        ):
            for found in ex.hits("value", name, sent):
                for m in found:
                    value: dict[str, Any] = {"value": float(m.group("value"))}
                    if name == "mmt8" and m.groupdict().get("max"):
                        value["max"] = int(m.group("max"))
                    _add(
                        ex,
                        Draft(
                            "assessment",
                            name,
                            "present",
                            m.start(),
                            m.end(),
                            sent,
                            sent.time,
                            value,
                        ),
                    )
