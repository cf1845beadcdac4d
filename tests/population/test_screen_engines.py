"""The behavioural suite, run on every engine: each planted patient gets exactly what its
manifest says (worked out by hand from the guideline data when the kind was written), the
background population yields no candidate, and every engine returns the same worklist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from myositis_cds.population.screen import ScreenResult
from myositis_cds.population.synth import KINDS

from .conftest import row_as_expected


def test_every_planted_patient_gets_exactly_its_manifest(
    engine_result: ScreenResult, synth: tuple[Path, dict[str, Any]]
) -> None:
    rows = {r["person_id"]: r for r in engine_result.rows}
    for planted in synth[1]["planted"]:
        row = rows.get(planted["person_id"])
        assert row is not None, f"{planted['kind']} not found by {engine_result.engine}"
        assert row_as_expected(row) == planted["expected"], planted["kind"]


def test_background_population_gives_no_candidate(
    engine_result: ScreenResult, synth: tuple[Path, dict[str, Any]]
) -> None:
    # Myalgia, Raynaud, ILD, cancers and a generic "myositis" code occur in the background:
    # none is an idiopathic inflammatory myopathy diagnosis.
    planted = {p["person_id"] for p in synth[1]["planted"]}
    assert {r["person_id"] for r in engine_result.rows} == planted
    assert engine_result.candidates == 30


def test_engines_return_identical_worklists(
    engine_result: ScreenResult, duckdb_result: ScreenResult
) -> None:
    assert engine_result.rows == duckdb_result.rows


def test_every_kind_is_planted_and_the_worklist_is_most_urgent_first(
    duckdb_result: ScreenResult, synth: tuple[Path, dict[str, Any]]
) -> None:
    assert {p["kind"] for p in synth[1]["planted"]} == {k.name for k in KINDS}
    order = [r["status"] for r in duckdb_result.rows]
    ranks = {"overdue": 0, "due": 1, "up_to_date": 4, "not_applicable": 5}
    assert [ranks[s] for s in order] == sorted(ranks[s] for s in order)
    assert order[0] == "overdue"


def test_overdue_tests_carry_the_date_they_fell_due(
    duckdb_result: ScreenResult, synth: tuple[Path, dict[str, Any]]
) -> None:
    # high_round2_overdue: the 12-month basic round fell on diagnosis + 12 months. Diagnosis was
    # laid out 15 months before 2026-06-30 minus 0-10 days, so the round fell in March 2026.
    kinds = {p["person_id"]: p["kind"] for p in synth[1]["planted"]}
    for row in duckdb_result.rows:
        if kinds[row["person_id"]] == "high_round2_overdue":
            dates = {item.split()[1] for item in row["overdue"].split("; ")}
            assert len(dates) == 1
            assert "2026-03-20" <= dates.pop() <= "2026-03-30"
            assert row["next_due"].startswith("2026-03")
