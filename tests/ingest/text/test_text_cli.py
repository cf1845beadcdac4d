"""The command line on a free-text note: extract writes a case file that validates again."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from myositis_cds.case import parse_case
from myositis_cds.cli import main
from tests.ingest.text.helpers import NOTES, TODAY


def test_extract_writes_a_case_file_with_evidence_that_parses_again() -> None:
    note = NOTES / "01_clinic_letter_new_dm.txt"
    result = CliRunner().invoke(main, ["extract", str(note), "--as-of", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    case = parse_case(data, today=TODAY)
    assert case.patient.age == 60
    assert all(f.evidence is not None for f in case.findings)


def test_assess_on_a_note_lists_what_to_confirm() -> None:
    note = NOTES / "01_clinic_letter_new_dm.txt"
    result = CliRunner().invoke(
        main, ["assess", str(note), "--format", "json", "--as-of", TODAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "confirm finding 'heliotrope_rash' (inferred)" in result.stdout


def test_empty_note_exits_2_naming_the_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 2
    assert "empty" in result.output
