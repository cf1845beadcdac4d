"""The assessment as JSON (contract §3): every top-level key present."""

from __future__ import annotations

from myositis_cds.assessment import Assessment

__all__ = ["to_json"]


def to_json(assessment: Assessment, *, indent: int | None = 2) -> str:
    return assessment.model_dump_json(indent=indent)
