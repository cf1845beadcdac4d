"""Shared helpers for the free-text adapter tests (imported by the test modules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
