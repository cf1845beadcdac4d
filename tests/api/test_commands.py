"""`db upgrade`, `token create`, `patients import|export` (in-process through click)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.store import Store
from tests.store.helpers import REFERENCE_CASE


def test_db_upgrade_reports_the_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'a.db'}"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "schema 0001 (sqlite)"


def test_token_create_prints_the_token_once(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    result = CliRunner().invoke(
        main, ["token", "create", "dr-a", "--role", "clinician", "--tokens", str(path)]
    )
    assert result.exit_code == 0
    secret = result.stdout.strip()
    assert secret.startswith("mcds_")
    assert secret not in path.read_text()
    again = CliRunner().invoke(
        main, ["token", "create", "dr-a", "--role", "reader", "--tokens", str(path)]
    )
    assert again.exit_code == 2
    assert "already exists" in again.stderr


def test_import_then_export_round_trip(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    bare = tmp_path / "in" / "bare.yaml"
    bare.parent.mkdir()
    bare.write_text("case_id: bare-1\npatient: {sex: male, age: 50}\n")
    runner = CliRunner()
    first = runner.invoke(
        main,
        [
            "patients",
            "import",
            str(REFERENCE_CASE),
            str(bare.parent),
            "--db",
            db,
            "--author",
            "importer",
        ],
    )
    assert first.exit_code == 0, first.output
    assert first.stdout.count("(new patient)") == 2
    # Importing the same case id again adds a revision instead of a second patient.
    second = runner.invoke(main, ["patients", "import", str(bare), "--db", db, "--author", "imp2"])
    assert second.exit_code == 0
    assert "(revision 2)" in second.stdout

    store = Store.open(db)
    try:
        summaries = {p.case_id: p for p in store.list_patients()}
        assert set(summaries) == {"reference-case", "bare-1"}
        authors = [r.author for r in store.list_revisions(summaries["bare-1"].id)]
        assert authors == ["importer", "imp2"]
    finally:
        store.close()

    out = tmp_path / "out"
    exported = runner.invoke(main, ["patients", "export", str(out), "--db", db])
    assert exported.exit_code == 0
    files = sorted(out.glob("*.json"))
    assert len(files) == 2
    cases = {json.loads(f.read_text())["case_id"] for f in files}
    assert cases == {"reference-case", "bare-1"}


def test_import_writes_nothing_if_any_file_is_invalid(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    bad = tmp_path / "bad.yaml"
    bad.write_text("patient: {sex: male, age: 50}\ntumours: [{site: moon}]\n")
    result = CliRunner().invoke(
        main, ["patients", "import", str(REFERENCE_CASE), str(bad), "--db", db]
    )
    assert result.exit_code == 2
    assert f"{bad}: tumours[0].site" in result.stderr
    store = Store.open(db)
    try:
        assert store.list_patients() == []
    finally:
        store.close()
