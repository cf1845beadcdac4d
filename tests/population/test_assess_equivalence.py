"""One rule, one place: a candidate's worklist row equals what ``myositis-cds assess`` says about
the same patient's case exported as a case file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.population.screen import ScreenResult, build_cases

from .conftest import AS_OF, listed_tests


def test_worklist_row_equals_cli_assess_on_the_exported_case(
    synth: tuple[Path, dict[str, Any]], duckdb_result: ScreenResult, tmp_path: Path
) -> None:
    rows = {r["person_id"]: r for r in duckdb_result.rows}
    kinds = {p["person_id"]: p["kind"] for p in synth[1]["planted"]}
    seen: set[str] = set()
    runner = CliRunner()
    for built in build_cases(str(synth[0]), "duckdb"):
        if kinds[built.person_id] in seen:
            continue  # one patient of each kind is enough
        seen.add(kinds[built.person_id])
        assert built.case is not None
        case_file = tmp_path / f"{built.person_id}.yaml"
        case_file.write_text(
            yaml.safe_dump(built.case.model_dump(mode="json", exclude_none=True)),
            encoding="utf-8",
        )
        out = runner.invoke(
            main, ["assess", str(case_file), "--format", "json", "--as-of", AS_OF.isoformat()]
        )
        assert out.exit_code == 0, out.output
        assessed = json.loads(out.output)
        row = rows[built.person_id]
        assert row["classification"] == assessed["classification"]["category"]
        assert row["subgroup"] == (assessed["classification"]["subgroup"] or "")
        assert row["cancer_risk"] == assessed["cancer_risk"]["category"]
        screening = assessed["screening"] or []
        assert listed_tests(row["overdue"]) == sorted(
            i["test"] for i in screening if i["status"] == "overdue"
        )
        assert listed_tests(row["due"]) == sorted(
            i["test"] for i in screening if i["status"] == "due"
        )
    assert len(seen) == 15
