"""Shared helpers for the free-text adapter tests (imported by the test modules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from myositis_cds.ingest.text import ExtractionResult

REPO = Path(__file__).resolve().parents[3]
NOTES = REPO / "tests" / "data" / "notes"
SEED_NAME = "000_079cf694cb39572a.txt"
TODAY = date(2026, 11, 27)


def seed_path() -> Path | None:
    """The reference case report, read in place from ../shared/seed (never copied)."""
    for root in (REPO.parent / "shared", Path("/work/shared")):
        candidate = root / "seed" / SEED_NAME
        if candidate.is_file():
            return candidate
    return None


def read(note: str) -> ExtractionResult:
    """A note read as of TODAY (its anchor and the reading date)."""
    from myositis_cds.ingest.text import extract_case

    return extract_case(note, anchor=TODAY, today=TODAY)


def present(note: str) -> set[str]:
    """The codes of the findings read as present."""
    return {f.code.value for f in read(note).case.findings if f.present}


def findings_of(note: str) -> dict[str, bool]:
    """Every finding read, present or absent."""
    return {f.code.value: f.present for f in read(note).case.findings}


def antibody_results(note: str) -> dict[str, str]:
    """Every antibody read, with its result."""
    return {a.code.value: a.result.value for a in read(note).case.antibodies}
