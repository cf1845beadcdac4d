"""CDM quirks give a clear message, never a crash: CDM 5.3, upper-case column names, missing
optional tables, no concept_ancestor, a vocabulary without a listed code, not a CDM at all."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.population.cdm import OmopError
from myositis_cds.population.screen import screen
from myositis_cds.population.synth import synth_omop

from .conftest import AS_OF


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("small") / "cdm.duckdb"
    return path, synth_omop(path, 300, seed=3, as_of=AS_OF, planted=15)


def _copy(small: tuple[Path, dict[str, Any]], tmp_path: Path, *sql: str) -> Path:
    target = tmp_path / "quirky.duckdb"
    shutil.copy(small[0], target)
    con = duckdb.connect(str(target))
    for statement in sql:
        con.execute(statement)
    con.close()
    return target


def _kind_ids(small: tuple[Path, dict[str, Any]], kind: str) -> set[int]:
    return {p["person_id"] for p in small[1]["planted"] if p["kind"] == kind}


def test_cdm_53_upper_case_and_missing_tables_are_named_and_screened(
    small: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    source = _copy(
        small,
        tmp_path,
        "UPDATE cdm_source SET cdm_version = 'v5.3.1'",
        "ALTER TABLE person RENAME COLUMN person_id TO PERSON_ID",
        "ALTER TABLE person RENAME COLUMN year_of_birth TO YEAR_OF_BIRTH",
        "DROP TABLE drug_exposure",
        "DROP TABLE concept_ancestor",
    )
    result = screen(str(source), "duckdb", AS_OF)
    text = "\n".join(result.warnings)
    assert "CDM version v5.3.1" in text
    assert "upper-case column names" in text
    assert "no drug_exposure table" in text
    assert "no concept_ancestor table" in text
    found = {r["person_id"] for r in result.rows}
    # The diagnosis coded 'adult onset dermatomyositis' is found only through concept_ancestor.
    assert not found & _kind_ids(small, "descendant_code")
    assert len(found) == 15 - 1


def test_a_code_missing_from_the_vocabulary_is_named_in_a_warning(
    small: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    source = _copy(
        small,
        tmp_path,
        "DELETE FROM concept WHERE vocabulary_id = 'SNOMED' AND concept_code = '72315009'",
    )
    result = screen(str(source), "duckdb", AS_OF)
    assert any("SNOMED 72315009 (Inclusion body myositis)" in w for w in result.warnings)
    assert not {r["person_id"] for r in result.rows} & _kind_ids(small, "ibm")


def test_not_a_cdm_and_a_missing_file_are_invalid_input(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE person (person_id BIGINT)")
    con.close()
    with pytest.raises(OmopError, match="missing required table"):
        screen(str(other), "duckdb", AS_OF)
    runner = CliRunner()
    out = runner.invoke(main, ["screen", "--omop", str(tmp_path / "absent.duckdb")])
    assert out.exit_code == 2
    assert "does not exist" in out.output
    out = runner.invoke(main, ["screen", "--omop", str(other)])
    assert out.exit_code == 2
    assert "condition_occurrence" in out.output
    out = runner.invoke(main, ["screen", "--omop", "postgresql://u:secret@nowhere/x"])
    assert out.exit_code == 2
    assert "secret" not in out.output
