"""Command line: exit codes, messages naming the field, stdin, --as-of, schema, fast --help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from myositis_cds.cli import main
from tests.conftest import REFERENCE_CASE


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_invalid_case_exits_2_naming_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "patient: {sex: female, age: 60}\n"
        "tumours:\n"
        "  - {site: pancreas, histology: neuroendocrine_tumour, size_mm: 9,\n"
        "     ki67_percent: 150, found_date: 2023-01-01}\n",
        encoding="utf-8",
    )
    code, out, err = invoke("assess", str(bad))
    assert code == 2
    assert out == ""
    assert "tumours[0].ki67_percent: 150 is above 100" in err


def test_missing_file_exits_2() -> None:
    code, _, err = invoke("assess", "no-such-case.yaml")
    assert code == 2
    assert "does not exist" in err


def test_invalid_yaml_exits_2_with_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("patient: {sex: female\n", encoding="utf-8")
    code, _, err = invoke("assess", str(bad))
    assert code == 2
    assert "not valid YAML at line" in err


def test_binary_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "case.json"
    bad.write_bytes(b"\x00\x01\x02")
    code, _, err = invoke("assess", str(bad))
    assert (code, "binary" in err) == (2, True)


def test_as_of_in_the_future_exits_2() -> None:
    code, _, err = invoke("assess", str(REFERENCE_CASE), "--as-of", "2999-01-01")
    assert code == 2
    assert "--as-of: 2999-01-01 is after today" in err


def test_as_of_not_a_date_exits_2() -> None:
    code, _, err = invoke("assess", str(REFERENCE_CASE), "--as-of", "yesterday")
    assert code == 2
    assert "not a date" in err


def test_json_case_from_stdin() -> None:
    case = {
        "patient": {"sex": "male", "birth_date": "1950-01-01"},
        "onset_date": "2020-01-01",
        "findings": [{"code": "gottron_sign", "present": True}],
    }
    code, out, _ = invoke("assess", "-", "--format", "json", stdin=json.dumps(case))
    assert code == 0
    # 2.1 (onset at 70) + 3.3 (Gottron's sign) = 5.4 → possible
    got = json.loads(out)["classification"]
    assert (got["score"], got["category"]) == (5.4, "possible")


def test_yaml_case_from_stdin() -> None:
    code, out, _ = invoke(
        "assess", "-", "--format", "json", stdin=REFERENCE_CASE.read_text(encoding="utf-8")
    )
    assert code == 0
    assert json.loads(out)["classification"]["score"] == 8.0


def test_biopsy_flag_switches_model() -> None:
    code, out, _ = invoke("assess", str(REFERENCE_CASE), "--format", "json", "--biopsy", "yes")
    assert code == 0
    c = json.loads(out)["classification"]
    # with-biopsy weights: 2.2 + 3.2 + 2.7 + 0.6 = 8.7 → definite (cut-off 8.7)
    assert (c["biopsy_used"], c["score"], c["category"]) == (True, 8.7, "definite")


def test_schema_is_json_schema_of_the_case() -> None:
    code, out, _ = invoke("schema")
    schema = json.loads(out)
    assert code == 0
    assert "patient" in schema["required"]
    assert "findings" in schema["properties"]
    # an investigation done with its result not in the record (branch i13d)
    results = schema["$defs"]["InvestigationResult"]["enum"]
    assert results == ["normal", "abnormal", "pending", "not_stated"]


def test_help_runs_without_importing_pydantic() -> None:
    # Lazy imports keep --help instant: pydantic must not be loaded to print help.
    probe = (
        "import sys; from myositis_cds.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("False")


def test_report_with_invalid_case_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("patient: {sex: female, age: 60}\nonset_date: 2999-01-01\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code, _, err = invoke("report", str(bad), "-o", str(out))
    assert code == 2
    assert "onset_date: 2999-01-01 is after today" in err
    assert list(tmp_path.iterdir()) == [bad]  # no report, no partial file


def test_report_writes_self_contained_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, _ = invoke("report", str(REFERENCE_CASE), "-o", str(out), "--as-of", "2024-01-31")
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html
    # Nothing is fetched: no external scripts, stylesheets or images (SVG namespace URIs are
    # identifiers, not requests).
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_report_rejects_unknown_output_type(tmp_path: Path) -> None:
    code, _, err = invoke("report", str(REFERENCE_CASE), "-o", str(tmp_path / "r.docx"))
    assert code == 2
    assert "must end in .html or .pdf" in err


def test_schema_lists_the_issue_9_codes() -> None:
    # New case-file codes must be discoverable from `myositis-cds schema` (docs/CONTRACT.md §2).
    _, out, _ = invoke("schema")
    text = json.dumps(json.loads(out))
    for code in (
        "cutaneous_necrosis",
        "overlap_myositis",
        "plasma_viscosity",
        "intramuscular",
        "necrotising_features",
    ):
        assert f'"{code}"' in text, code
    finding = json.loads(out)["$defs"]["Finding"]["properties"]["severity"]
    assert {"mild", "moderate", "severe"} <= set(json.dumps(finding).split('"'))
