"""Issue #15: a user's mistake is exit 2 naming the field, never exit 1 with a traceback type.

Each test is a minimal hostile-but-realistic input; the expected message is what the contract
promises (field path + plain problem), worked out from the input, not copied from the output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from myositis_cds.cli import main
from tests.conftest import REFERENCE_CASE


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def case_file(tmp_path: Path, text: str, name: str = "case.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# ----------------------------------------------------------------- impossible dates, YAML tags
@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("patient: {sex: female, birth_date: 1957-02-30}\n", "patient.birth_date"),
        (
            "patient: {sex: female, age: 60}\n"
            "labs: [{code: ck, above_uln: true, date: 2022-13-10}]\n",
            "labs[0].date",
        ),
    ],
)
def test_impossible_date_exits_2_naming_the_field(tmp_path: Path, text: str, field: str) -> None:
    code, out, err = invoke("assess", case_file(tmp_path, text))
    assert (code, out) == (2, "")
    assert f"{field}: " in err
    assert "is not a date" in err


@pytest.mark.parametrize(
    "value",
    ["!!int abc", "!!timestamp 2022-13-10", "!!float x", "!!binary 'not base64 !'", "!!bool maybe"],
)
def test_misused_yaml_tag_exits_2_with_position(tmp_path: Path, value: str) -> None:
    code, _, err = invoke("assess", case_file(tmp_path, f"patient: {{sex: female, age: {value}}}"))
    assert code == 2
    assert "not valid YAML at line 1" in err


def test_impossible_date_on_stdin_exits_2() -> None:
    code, _, err = invoke("assess", "-", stdin="patient: {sex: female, birth_date: 1957-02-30}\n")
    assert code == 2
    assert "patient.birth_date: " in err


# ----------------------------------------------------------------- nesting and huge numbers
def test_json_nested_3000_deep_exits_2(tmp_path: Path) -> None:
    deep = '{"patient": ' + "[" * 3000 + "]" * 3000 + "}"
    code, _, err = invoke("assess", case_file(tmp_path, deep, "case.json"))
    assert code == 2
    assert "nested" in err


def test_yaml_nested_3000_deep_exits_2(tmp_path: Path) -> None:
    deep = "patient: " + "[" * 3000 + "]" * 3000 + "\n"
    code, _, err = invoke("assess", case_file(tmp_path, deep))
    assert code == 2
    assert "nested" in err or "not valid YAML at line 1" in err  # libyaml caps depth itself


@pytest.mark.parametrize("digits", [25, 400, 5000])
@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_integer_of_many_digits_exits_2_naming_the_field(
    tmp_path: Path, digits: int, suffix: str
) -> None:
    big = "9" * digits
    text = (
        f'{{"patient": {{"sex": "female", "age": {big}}}}}'
        if suffix == "json"
        else f"patient: {{sex: female, age: {big}}}\n"
    )
    code, _, err = invoke("assess", case_file(tmp_path, text, f"case.{suffix}"))
    assert code == 2
    assert "patient.age: " in err or "(file): is not valid " in err
    assert big not in err  # never echo a thousand-digit value back


def test_huge_integer_in_a_float_field_exits_2(tmp_path: Path) -> None:
    text = (
        "patient: {sex: female, age: 60}\n"
        f"tumours: [{{site: pancreas, histology: neuroendocrine_tumour, size_mm: {'9' * 400},"
        " found_date: 2023-01-01}]\n"
    )
    code, _, err = invoke("assess", case_file(tmp_path, text))
    assert code == 2
    assert "tumours[0].size_mm: " in err


# ----------------------------------------------------------------- output and input paths
def test_output_into_missing_folder_exits_2_before_assessing(tmp_path: Path) -> None:
    # The case is invalid too: the -o problem must be reported first (checked before the work).
    bad = case_file(tmp_path, "patient: {sex: female}\n")
    code, _, err = invoke("report", bad, "-o", str(tmp_path / "missing" / "r.html"))
    assert code == 2
    assert err.startswith("error: -o: ")
    assert "patient" not in err


def test_output_under_a_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    code, _, err = invoke("report", str(REFERENCE_CASE), "-o", str(tmp_path / "afile" / "r.html"))
    assert code == 2
    assert "-o: " in err


def test_extract_output_into_missing_folder_exits_2(tmp_path: Path) -> None:
    note = case_file(tmp_path, "A 60-year-old woman with a heliotrope rash.\n", "note.txt")
    code, _, err = invoke("extract", note, "-o", str(tmp_path / "missing" / "case.yaml"))
    assert code == 2
    assert "-o: " in err


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_output_into_read_only_folder_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = invoke("report", str(REFERENCE_CASE), "-o", str(folder / "r.html"))
    finally:
        folder.chmod(0o755)
    assert code == 2
    assert "-o: " in err


def test_unreadable_input_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(case_file(tmp_path, "patient: {sex: female, age: 60}\n"))
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    code, _, err = invoke("assess", str(path))
    assert code == 2
    assert "cannot be read" in err
