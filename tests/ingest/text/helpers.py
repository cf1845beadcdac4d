"""Shared helpers for the free-text adapter tests (imported by the test modules)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.hostile import time_limit

if TYPE_CHECKING:
    from myositis_cds.case import Case, Finding, Lab
    from myositis_cds.ingest.text import ExtractionResult

REPO = Path(__file__).resolve().parents[3]
NOTES = REPO / "tests" / "data" / "notes"
SEED_NAME = "000_079cf694cb39572a.txt"
TODAY = date(2026, 11, 27)

# the EULAR/ACR strength items (Lundberg et al., Ann Rheum Dis 2017;76:1955)
UPPER, LOWER = "weakness_proximal_upper", "weakness_proximal_lower"
NECK, LEGS_PROX = "neck_flexors_weaker_than_extensors", "legs_proximal_weaker_than_distal"
STRENGTH_ITEMS = frozenset({UPPER, LOWER, NECK, LEGS_PROX})


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


def case_of(note: str) -> Case:
    """The case read from a note as of TODAY."""
    return read(note).case


def present(note: str) -> set[str]:
    """The codes of the findings read as present."""
    return {f.code.value for f in read(note).case.findings if f.present}


def findings_of(note: str) -> dict[str, bool]:
    """Every finding read, present or absent."""
    return {f.code.value: f.present for f in read(note).case.findings}


def antibody_results(note: str) -> dict[str, str]:
    """Every antibody read, with its result."""
    return {a.code.value: a.result.value for a in read(note).case.antibodies}


def dated_antibody_results(note: str) -> set[tuple[str, str, str]]:
    """Every antibody read, with its result and its date (ISO)."""
    return {(a.code.value, a.result.value, a.date.isoformat()) for a in read(note).case.antibodies}


def strength_items(note: str) -> set[str]:
    """The EULAR/ACR strength items read as present."""
    return present(note) & STRENGTH_ITEMS


def finding(note: str, code: str) -> Finding:
    """The first finding read with this code (StopIteration: none)."""
    return next(f for f in read(note).case.findings if f.code.value == code)


def labs_coded(note: str, code: str) -> list[Lab]:
    """The lab results read for one test ("ck")."""
    return [lab for lab in read(note).case.labs if lab.code.value == code]


def labs_above_uln(note: str) -> list[tuple[str, bool | None]]:
    """Every lab read and whether it is above its upper limit (None: not said), sorted."""
    return sorted((lab.code.value, lab.is_above_uln) for lab in read(note).case.labs)


def sex_and_age(note: str) -> tuple[str, int | None]:
    """The patient's sex and age in years."""
    patient = read(note).case.patient
    return patient.sex.value, patient.age


def tumour_sites(note: str) -> list[tuple[str, str]]:
    """Every tumour read: its site and histology."""
    return [(t.site.value, t.histology.value) for t in read(note).case.tumours]


def investigations_read(note: str) -> set[tuple[str, str, date | None]]:
    """Every investigation read: its code, result and date."""
    return {(i.code.value, i.result.value, i.date) for i in read(note).case.investigations}


def investigation_codes(name: str) -> list[str]:
    """The codes the lexicon reads in a test's name, in order."""
    from myositis_cds.ingest.text._rules import rules

    return [m.concept for m in rules().investigations.find(name)]


def assert_pattern_bounded(pattern: re.Pattern[str], hostile: str, seconds: float = 5.0) -> None:
    """``pattern`` matched at every 997th place of ``hostile`` and searched over it, within
    ``seconds``."""
    with time_limit(seconds, f"{pattern.pattern[:60]} backtracks"):
        for at in range(0, len(hostile), 997):
            pattern.match(hostile, at)
        pattern.search(hostile)


def assert_moved_to_one_pattern(keys: Iterable[str]) -> None:
    """Each of ``keys`` (a word list moved from code into rules/patterns.yaml, issue #10 i47m,
    i48m) is a required pattern key holding exactly one pattern, read with ``Rules.one``."""
    from myositis_cds.ingest.text._rules import _REQUIRED_GROUPS, rules

    loaded = rules()
    for key in keys:
        assert key in _REQUIRED_GROUPS, key
        assert len(loaded.value[key]) == 1, key
        assert isinstance(loaded.one(key), re.Pattern)
