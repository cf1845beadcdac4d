"""What the text adapter returns: facts with their evidence, and the case built from them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds.case import Case, Evidence
from myositis_cds.errors import CaseError, FieldProblem

__all__ = [
    "MAX_NOTE_CHARS",
    "ExtractionResult",
    "Fact",
    "FactStatus",
    "FactType",
    "TextInputError",
    "check_note",
    "decode_note",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_LETTER = re.compile(r"[^\W\d_]")

MAX_NOTE_CHARS = 1_000_000
"""Longest note accepted (about 300 pages): longer input is refused rather than slow."""

FactType = Literal[
    "patient",
    "onset",
    "diagnosis",
    "finding",
    "lab",
    "antibody",
    "investigation",
    "tumour",
    "treatment",
    "event",
    "muscle_biopsy",
    "assessment",
]
FactStatus = Literal[
    "present",  # stated about this patient, now
    "absent",  # stated as not present (negated, resolved, or a negative/normal result)
    "improving",  # stated as improved or improving: the improvement is the event recorded
    "historical",  # in the patient's past, before this illness
    "family",  # about a relative
    "hypothetical",  # planned, conditional or to be ruled out
    "generic",  # about patients in general, or in a summary section (abstract, discussion)
    "unknown",  # mentioned without a result
]


class TextInputError(CaseError):
    """The input cannot be read as a clinical note (empty, binary, not UTF-8, too long)."""

    def __init__(self, message: str) -> None:
        super().__init__([FieldProblem("(note)", message)])


class Fact(BaseModel):
    """One thing the note says, with the words that say it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: FactType
    code: str = Field(description="contract code (finding, lab, antibody …) or attribute name")
    status: FactStatus
    value: dict[str, Any] = Field(default_factory=dict)
    date: dt.date | None = None
    section: str
    evidence: Evidence
    inferred: bool = False
    uncertain: bool = False
    in_case: bool = Field(default=False, description="whether the fact became a case record")


@dataclass
class ExtractionResult:
    """A validated :class:`Case` from a note, every fact behind it, and what to check."""

    case: Case
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)
    index_date: dt.date | None = None

    def to_case_dict(self) -> dict[str, Any]:
        """The case as a plain mapping for YAML/JSON: empty sections left out, evidence kept."""
        data = self.case.model_dump(mode="json", exclude_none=True)
        return {k: v for k, v in data.items() if v not in ([], {}, None)}

    def to_review(self) -> list[Fact]:
        """Facts in the case that a clinician should confirm (inferred or uncertain)."""
        return [f for f in self.facts if f.in_case and (f.inferred or f.uncertain)]


def decode_note(data: bytes) -> str:
    """Bytes of a note file → text, refusing binary, non-UTF-8 and over-long input."""
    if len(data) > MAX_NOTE_CHARS * 4:
        raise TextInputError(
            f"the note is {len(data) / 1e6:.1f} MB; the limit is {MAX_NOTE_CHARS:,} characters "
            "(split it into one note per visit)"
        )
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise TextInputError("the note is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextInputError(
            f"the note is not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8"
        ) from None
    return check_note(text)


def check_note(text: str) -> str:
    """Refuse text that cannot be a note: empty, binary-looking, or too long."""
    if len(text) > MAX_NOTE_CHARS:
        raise TextInputError(
            f"the note has {len(text):,} characters; the limit is {MAX_NOTE_CHARS:,} "
            "(split it into one note per visit)"
        )
    if not text.strip():
        raise TextInputError("the note is empty")
    sample = text[:20000]
    control = len(_CONTROL.findall(sample))
    if "\x00" in sample or control > max(10, len(sample) // 100):
        raise TextInputError("the note looks like a binary file, not text")
    if "\ufffd" in sample and sample.count("\ufffd") > max(10, len(sample) // 100):
        raise TextInputError("the note is not valid text (many undecodable characters)")
    # (issue #10, i40t: the search stops at the third letter; every letter was listed)
    if next(itertools.islice(_LETTER.finditer(sample, 0, 2000), 2, None), None) is None:
        raise TextInputError("the note has no words in it")
    return text
