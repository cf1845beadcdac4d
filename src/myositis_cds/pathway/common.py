"""Types shared by every pathway stage: recommendations, data gaps and the notes accumulator."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Indicator", "NotAssessed", "Notes", "Recommendation", "shared_not_assessed"]

Indicator = Literal["info", "warning", "critical"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Recommendation(_Out):
    """One recommendation (contract §3), explainable: the rule that fired and its source."""

    id: str = Field(description="stable rule identifier, e.g. 'screening.overdue.ct_chest'")
    summary: str = Field(max_length=139, description="one line, under 140 characters")
    detail: str
    indicator: Indicator
    source: str = Field(description="guideline, year and section/table")
    evidence: list[str] = Field(default_factory=list, description="facts that triggered it")


class NotAssessed(_Out):
    """An item that could not be judged for lack of data, and what data would change."""

    item: str
    reason: str
    would_change: str


# NotAssessed is frozen and holds only strings, so equal gaps can be one object. Across a batch
# the scoring stages report the same few hundred gaps tens of thousands of times ("anti-NXP2 not
# tested", ...): sharing them saves building each again, and keeps the results that a caller
# holds on to (and so the garbage collector's passes over them) smaller.
@lru_cache(maxsize=4096)
def shared_not_assessed(item: str, reason: str, would_change: str) -> NotAssessed:
    """The (validated) :class:`NotAssessed` for these values, shared between equal gaps."""
    return NotAssessed(item=item, reason=reason, would_change=would_change)


@dataclass
class Notes:
    """Collects recommendations and warnings while the stages run (pure: no I/O)."""

    recommendations: list[Recommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Ids already recommended, so that each offer is one set look-up, not a scan of the list.
    _ids: set[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._ids = {r.id for r in self.recommendations}

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def recommend(self, rec: Recommendation) -> None:
        if rec.id not in self._ids:
            self._ids.add(rec.id)
            self.recommendations.append(rec)
