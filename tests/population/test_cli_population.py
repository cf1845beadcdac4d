"""The ``screen`` and ``synth-omop`` commands: outputs, summary on stderr, determinism."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.population.cdm import OmopError
from myositis_cds.population.screen import ScreenResult, write_worklist
from myositis_cds.population.worklist import WORKLIST_COLUMNS

from .conftest import AS_OF


def test_screen_writes_the_worklist_and_a_summary_on_stderr(
    synth: tuple[Path, dict[str, Any]], duckdb_result: ScreenResult, tmp_path: Path
) -> None:
    out = tmp_path / "overdue.json"
    result = CliRunner().invoke(
        main, ["screen", "--omop", str(synth[0]), "--as-of", AS_OF.isoformat(), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    # 30 planted: 2 of each of the 15 kinds; 6 kinds are high-risk and overdue...
    assert "30 candidate(s)" in result.stderr
    assert "cancer risk: high 18, moderate 4, standard 4, not applicable 4" in result.stderr
    assert "screening: overdue 14, due 10, up_to_date 2, not_applicable 4" in result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows == duckdb_result.rows
    assert not list(tmp_path.glob(".*.partial"))


def test_worklist_formats_hold_the_same_rows(duckdb_result: ScreenResult, tmp_path: Path) -> None:
    write_worklist(duckdb_result.rows, str(tmp_path / "w.csv"))
    write_worklist(duckdb_result.rows, str(tmp_path / "w.parquet"))
    with (tmp_path / "w.csv").open(encoding="utf-8") as handle:
        from_csv = list(csv.DictReader(handle))
    assert list(from_csv[0]) == list(WORKLIST_COLUMNS)
    assert [int(r["person_id"]) for r in from_csv] == [r["person_id"] for r in duckdb_result.rows]
    assert pq.read_table(tmp_path / "w.parquet").to_pylist() == duckdb_result.rows
    with pytest.raises(OmopError, match="must end in"):
        write_worklist(duckdb_result.rows, str(tmp_path / "w.xlsx"))


def _digest(path: Path) -> list[Any]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [
            con.execute(f"SELECT count(*), sum(hash(t)) FROM {name} t").fetchone()
            for name in (
                "person",
                "condition_occurrence",
                "measurement",
                "procedure_occurrence",
                "drug_exposure",
                "observation_period",
                "concept",
            )
        ]
    finally:
        con.close()


def test_synth_omop_is_deterministic_with_its_seed(tmp_path: Path) -> None:
    runner = CliRunner()
    for name, seed in (("a", "11"), ("b", "11"), ("c", "12")):
        out = runner.invoke(
            main,
            [
                "synth-omop",
                str(tmp_path / f"{name}.duckdb"),
                "--persons",
                "400",
                "--seed",
                seed,
                "--as-of",
                "2026-01-31",
            ],
        )
        assert out.exit_code == 0, out.output
        assert "415 persons (15 planted)" in out.stderr
    assert _digest(tmp_path / "a.duckdb") == _digest(tmp_path / "b.duckdb")
    assert _digest(tmp_path / "a.duckdb") != _digest(tmp_path / "c.duckdb")
    manifest = json.loads((tmp_path / "a.duckdb.manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] == "2026-01-31"
    planted = [p["person_id"] for p in manifest["planted"]]
    # Spread through the 415 ids, not a block at the end.
    assert len(set(planted)) == 15 and min(planted) >= 1 and max(planted) <= 415
    assert planted != list(range(401, 416))
    assert date.fromisoformat(manifest["as_of"]) < date.today()
