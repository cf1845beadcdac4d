"""Issue #15: invalid input is never accepted silently (broken files, duplicate keys, loose types).

Strict types at the boundary, with JSON's meaning whatever the source: booleans are true/false,
numbers are numbers, a key appears once. A YAML file follows the YAML 1.2 core schema: ``yes``
and ``NO`` are text, so ``region: NO`` (Norway) stays a region instead of becoming ``false``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from myositis_cds.assessment import assess
from myositis_cds.case import parse_case
from myositis_cds.cli import main
from myositis_cds.errors import CaseError
from myositis_cds.ingest.files import parse_case_text, sniff_format
from tests.conftest import REFERENCE_CASE, TODAY


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def problems(text: str, fmt: str = "yaml") -> list[str]:
    with pytest.raises(CaseError) as info:
        parse_case_text(text, fmt, today=TODAY)
    return [str(p) for p in info.value.problems]


# ----------------------------------------------------------------- broken files on stdin
@pytest.mark.parametrize(
    "text",
    [
        "patient: {sex: female, age: 60\nfindings: [\n",
        "case_id: x\npatient:\n  sex: female\n   age: 60\n",
        "# exported case\npatient: [sex: female\n",
    ],
)
def test_broken_yaml_on_stdin_is_exit_2_not_a_note(text: str) -> None:
    code, out, err = invoke("assess", "-", stdin=text)
    assert (code, out) == (2, "")
    assert "not valid YAML" in err


def test_broken_json_on_stdin_is_exit_2() -> None:
    code, _, err = invoke("assess", "-", stdin='{"patient": {"sex": "female", "age": 60}')
    assert code == 2
    assert "not valid JSON" in err


@pytest.mark.parametrize(
    "note",
    [
        "65-year-old woman with a violaceous rash over the eyelids: heliotrope rash.\n",
        "Seen in clinic today with myalgia [worse on stairs\nand a heliotrope rash: {see photo\n",
    ],
)
def test_a_free_text_note_on_stdin_is_still_a_note(note: str) -> None:
    assert sniff_format(note, "-") == "text"


# ----------------------------------------------------------------- duplicate keys
def test_duplicate_yaml_key_is_an_error() -> None:
    got = problems("patient: {sex: female, age: 60}\npatient: {sex: male, age: 30}\n")
    assert got == ["(file): is not valid YAML at line 2, column 1: duplicate key 'patient'"]


def test_duplicate_nested_yaml_key_is_an_error() -> None:
    got = problems("patient: {sex: female, age: 60, age: 61}\n")
    assert got == ["(file): is not valid YAML at line 1, column 33: duplicate key 'age'"]


def test_duplicate_json_key_is_an_error() -> None:
    got = problems('{"patient": {"sex": "female", "age": 60, "sex": "male"}}', "json")
    assert got == ["(file): is not valid JSON: duplicate key 'sex'"]


def test_yaml_merge_key_is_not_a_duplicate() -> None:
    text = (
        "patient: {sex: female, age: 60}\n"
        "labs:\n"
        "  - &ck {code: ck, value: 900, unit: U/L, upper_limit: 200, date: 2023-01-10}\n"
        "  - {<<: *ck, value: 400, date: 2023-03-10}\n"
    )
    case = parse_case_text(text, "yaml", today=TODAY)
    assert [lab.value for lab in case.labs] == [900, 400]


# ----------------------------------------------------------------- strict types
@pytest.mark.parametrize(
    ("patient", "expected"),
    [
        ("{sex: female, age: true}", "patient.age: true is not a whole number"),
        ("{sex: female, age: '60'}", "patient.age: '60' is not a whole number"),
        ("{sex: female, age: 60.5}", "patient.age: 60.5 is not a whole number"),
    ],
)
def test_age_must_be_a_whole_number(patient: str, expected: str) -> None:
    assert problems(f"patient: {patient}\n") == [expected]


@pytest.mark.parametrize("value", ["yes", "no", "'yes'", "on", "1", "'true'"])
def test_booleans_are_true_or_false_only(value: str) -> None:
    got = problems(
        f"patient: {{sex: female, age: 60}}\nfindings: [{{code: myalgia, present: {value}}}]\n"
    )
    assert len(got) == 1
    assert got[0].startswith("findings[0].present: ")
    assert got[0].endswith("is not true or false")


def test_json_string_boolean_is_an_error() -> None:
    text = (
        '{"patient": {"sex": "female", "age": 60},'
        ' "findings": [{"code": "myalgia", "present": "yes"}]}'
    )
    assert problems(text, "json") == ["findings[0].present: 'yes' is not true or false"]


def test_number_written_as_text_is_an_error() -> None:
    got = problems(
        "patient: {sex: female, age: 60}\n"
        "tumours: [{site: pancreas, histology: neuroendocrine_tumour, size_mm: '9.5',"
        " found_date: 2023-02-01}]\n"
    )
    assert got == ["tumours[0].size_mm: '9.5' is not a number"]


def test_yaml_1_2_scalars() -> None:
    # Norway stays Norway; exponent floats are numbers; a leading zero is not octal.
    case = parse_case_text(
        "patient: {sex: female, age: 010, region: NO}\n"
        "labs: [{code: ck, value: 1e3, unit: U/L, upper_limit: 2.0E2, date: 2023-01-10}]\n",
        "yaml",
        today=TODAY,
    )
    assert (case.patient.age, case.patient.region) == (10, "NO")
    assert (case.labs[0].value, case.labs[0].upper_limit) == (1000.0, 200.0)


def test_python_callers_keep_dates_and_enum_members() -> None:
    from myositis_cds.case import FindingCode

    case = parse_case(
        {
            "patient": {"sex": "female", "birth_date": date(1960, 5, 1)},
            "findings": [{"code": FindingCode.myalgia, "present": True, "date": date(2023, 1, 1)}],
        },
        today=TODAY,
    )
    assert case.findings[0].code is FindingCode.myalgia


# ----------------------------------------------------------------- --as-of before birth
def test_as_of_before_birth_is_exit_2_without_echoing_the_birth_date() -> None:
    code, _, err = invoke("assess", str(REFERENCE_CASE), "--as-of", "1950-01-01")
    assert code == 2
    assert "as_of: 1950-01-01 is before patient.birth_date" in err
    assert "1957" not in err  # the reference patient's birth year is not echoed


def test_assess_refuses_a_date_before_birth() -> None:
    case = parse_case({"patient": {"sex": "male", "birth_date": "1960-05-01"}}, today=TODAY)
    with pytest.raises(CaseError, match=r"before patient\.birth_date"):
        assess(case, as_of=date(1960, 4, 30))
    assert assess(case, as_of=date(1960, 5, 1)).as_of == date(1960, 5, 1)  # the day itself is fine


def test_reference_case_still_reads(tmp_path: Path) -> None:
    code, _, _ = invoke("assess", str(REFERENCE_CASE), "--as-of", "2024-01-31")
    assert code == 0
