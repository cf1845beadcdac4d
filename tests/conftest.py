"""Shared test helpers: small case builders and paths."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from myositis_cds.case import Case, parse_case

# issue #15: every log record of the run is searched for patient data (see tests/_logscan.py)
pytest_plugins = ["tests._logscan"]

# Hypothesis' two wall-clock checks, a 200 ms deadline per example and the "too slow" health
# check on data generation, measure the machine rather than the code: on a 2-core machine
# shared by several suites they fail tests at random (the grading property tests did, e6e258c).
# Off for every property test, here in one place; a test's own @settings keeps the rest.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REFERENCE_CASE = EXAMPLES / "reference-case.yaml"
SEED_DIR = ROOT.parent / "shared" / "seed"
TODAY = date(2026, 11, 27)


def finding(code: str, present: bool = True, **extra: Any) -> dict[str, Any]:
    return {"code": code, "present": present, **extra}


def build_case(
    *,
    findings: list[str] | None = None,
    absent: list[str] | None = None,
    birth_date: str | None = "1960-01-01",
    onset_date: str | None = None,
    sex: str = "female",
    **sections: Any,
) -> Case:
    """A case with the named findings present (and `absent` ones recorded absent).

    Without onset_date the age at onset is unknown, so no age item scores: handy for testing
    one weight at a time.
    """
    patient: dict[str, Any] = {"sex": sex}
    if birth_date is not None:
        patient["birth_date"] = birth_date
    else:
        patient["age"] = 50
    data: dict[str, Any] = {
        "patient": patient,
        "findings": [finding(c) for c in findings or []]
        + [finding(c, present=False) for c in absent or []],
        **sections,
    }
    if onset_date is not None:
        data["onset_date"] = onset_date
    return parse_case(data, today=TODAY)


@pytest.fixture
def seed_text() -> str:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"the seed case report is not available at {SEED_DIR} (../shared/seed)")
    return files[0].read_text(encoding="utf-8")
