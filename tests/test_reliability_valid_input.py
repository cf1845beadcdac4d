"""Issue #15: valid input never crashes; what is not valid is refused at the boundary, by name.

Decisions (stated in the schema): numbers are finite; a microscope field diameter is 0.1-2 mm
(high-power fields are 0.4-0.7 mm); dates may be anywhere in the calendar, year 1 included (a
common placeholder in exports), and date arithmetic saturates at the calendar's ends instead of
failing; user text in plots and PDFs is plain text, never markup.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from myositis_cds.assessment import assess
from myositis_cds.case import Case, parse_case
from myositis_cds.cli import main
from myositis_cds.errors import CaseError
from myositis_cds.ingest.files import parse_case_text
from myositis_cds.pathway._calendar import add_months
from tests.conftest import TODAY


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def problems(text: str) -> list[str]:
    with pytest.raises(CaseError) as info:
        parse_case_text(text, "yaml", today=TODAY)
    return [str(p) for p in info.value.problems]


# ----------------------------------------------------------------- the calendar's ends
@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(1, 1, 31), -1, date(1, 1, 1)),  # would be December of year 0
        (date(1, 3, 15), -120, date(1, 1, 1)),
        (date(9999, 12, 31), 1, date(9999, 12, 31)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # ordinary arithmetic unchanged
        (date(2, 3, 31), -13, date(1, 2, 28)),
    ],
)
def test_add_months_saturates_at_the_calendar_ends(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_case_with_year_1_placeholder_dates_is_assessed() -> None:
    case = parse_case(
        {
            "patient": {"sex": "female", "birth_date": "0001-01-01"},
            "onset_date": "0001-01-01",
            "diagnosis_date": "0001-01-01",
            "findings": [
                {"code": "heliotrope_rash", "present": True, "date": "0001-01-01"},
                {"code": "gottron_papules", "present": True, "date": "0001-01-01"},
            ],
            "antibodies": [{"code": "TIF1G", "result": "positive", "date": "0001-01-01"}],
            "investigations": [{"code": "ct_chest", "date": "0001-01-01", "result": "normal"}],
            "tumours": [
                {
                    "site": "pancreas",
                    "histology": "neuroendocrine_tumour",
                    "size_mm": 9,
                    "found_date": "0001-01-01",
                }
            ],
            "treatments": [{"drug": "prednisone", "start": "0001-01-01"}],
            "events": [{"kind": "referral", "date": "0001-01-01"}],
        },
        today=TODAY,
    )
    for day in (date(1, 1, 1), date(1, 2, 1), TODAY):
        result = assess(case, as_of=day)
        # heliotrope 3.1 + Gottron's papules 2.1, onset age 0 (< 18: no age item) = 5.2
        assert result.classification.score == 5.2
        assert result.screening is not None


def test_early_screening_rounds_before_year_1_do_not_crash() -> None:
    # A present finding in year 1 starts the screening clock; the round windows open months
    # before it, i.e. before the calendar begins.
    case = parse_case(
        {
            "patient": {"sex": "female", "age": 85},
            "findings": [{"code": "weight_loss", "present": True, "date": "0001-03-23"}],
        },
        today=TODAY,
    )
    assert assess(case, as_of=date(2, 5, 13)).screening is not None


def test_as_of_year_1_with_a_case_file() -> None:
    code, out, err = invoke(
        "assess",
        "-",
        "--as-of",
        "0001-01-01",
        stdin="patient: {sex: female, birth_date: 0001-01-01}\nonset_date: 0001-01-01\n",
    )
    assert (code, err) == (0, "")
    assert "0001-01-01" in out


# ----------------------------------------------------------------- numbers
@pytest.mark.parametrize("level", [".inf", "-.inf", ".nan", "1e400"])
def test_non_finite_antibody_level_is_refused_by_name(level: str) -> None:
    got = problems(
        "patient: {sex: female, age: 60}\n"
        f"antibodies: [{{code: TIF1G, result: positive, level: {level}, date: 2023-01-10}}]\n"
    )
    assert len(got) == 1
    assert got[0].startswith("antibodies[0].level: ")
    assert got[0].endswith("is not a finite number")


def test_infinite_level_in_json_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(
        '{"patient": {"sex": "female", "age": 60}, "antibodies": [{"code": "TIF1G",'
        ' "result": "positive", "level": Infinity, "date": "2023-01-10"}]}',
        encoding="utf-8",
    )
    code, _, err = invoke("assess", str(path))
    assert code == 2
    assert "antibodies[0].level: inf is not a finite number" in err


@pytest.mark.parametrize(("diameter", "ok"), [(1e-200, False), (0.0999, False), (0.1, True)])
def test_field_diameter_has_a_physical_lower_bound(diameter: float, ok: bool) -> None:
    text = (
        "patient: {sex: female, age: 60}\n"
        "tumours: [{site: pancreas, histology: neuroendocrine_tumour, size_mm: 9,"
        " found_date: 2023-01-01,\n"
        f"  mitoses: {{count: 3, per: 10hpf, field_diameter_mm: {diameter}}}}}]\n"
    )
    if ok:
        case = parse_case_text(text, "yaml", today=TODAY)
        assert assess(case, as_of=TODAY).tumours is not None
    else:
        assert problems(text) == [
            f"tumours[0].mitoses.field_diameter_mm: {diameter:g} is below 0.1"
        ]


def test_a_64_bit_integer_in_a_float_field_is_refused_not_overflowed() -> None:
    got = problems(
        "patient: {sex: female, age: 60}\n"
        f"labs: [{{code: ck, value: {'9' * 400}, unit: U/L, upper_limit: 200, date: 2023-01-10}}]\n"
    )
    assert got == ["labs[0].value: a number of 400 digits is out of range"]


def test_the_largest_finite_values_are_assessed() -> None:
    case = parse_case(
        {
            "patient": {"sex": "female", "age": 60},
            "labs": [
                {
                    "code": "ck",
                    "value": 1.7e308,
                    "unit": "U/L",
                    "upper_limit": 5e-324,
                    "date": "2023-01-10",
                },
                {
                    "code": "ck",
                    "value": 0,
                    "unit": "U/L",
                    "upper_limit": 1.7e308,
                    "date": "2023-02-10",
                },
            ],
            "antibodies": [
                {"code": "TIF1G", "result": "positive", "level": 1.7e308, "date": "2023-01-10"},
                {"code": "TIF1G", "result": "positive", "level": 5e-324, "date": "2023-02-10"},
            ],
            "tumours": [
                {
                    "site": "pancreas",
                    "histology": "neuroendocrine_tumour",
                    "size_mm": 1000,
                    "found_date": "2023-01-01",
                    "mitoses": {"count": 1.7e308, "per": "10hpf", "field_diameter_mm": 0.1},
                },
            ],
        },
        today=TODAY,
    )
    result = assess(case, as_of=TODAY)
    assert result.tumours is not None
    assert result.tumours[0].grade is not None


# ----------------------------------------------------------------- free text
@pytest.mark.parametrize(
    ("note", "as_of"),
    [
        ("A 60-year-old woman with a 99999-month history of heliotrope rash.\n", None),
        ("A 60-year-old woman with a 3-month history of heliotrope rash.\n", "0001-01-01"),
        (
            "A 60-year-old woman with a heliotrope rash for 2 months; CT in 3 months.\n",
            "0001-03-01",
        ),
    ],
)
def test_notes_with_extreme_times_never_crash(tmp_path: Path, note: str, as_of: str | None) -> None:
    path = tmp_path / "note.txt"
    path.write_text(note, encoding="utf-8")
    code, _, err = invoke("assess", str(path), *(["--as-of", as_of] if as_of else []))
    assert code in (0, 2), err
    assert "internal error" not in err


# ----------------------------------------------------------------- plots and PDFs
pytest.importorskip("matplotlib")
pytest.importorskip("fpdf")

_MATH = r"$\frac{a}{b$ $x^{$ $$"


def _report(tmp_path: Path, case: dict[str, object], suffix: str) -> tuple[int, str, Path]:
    import yaml

    src = tmp_path / "case.yaml"
    src.write_text(yaml.safe_dump(case), encoding="utf-8")
    out = tmp_path / f"report{suffix}"
    code, _, err = invoke("report", str(src), "-o", str(out), "--as-of", TODAY.isoformat())
    return code, err, out


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_dollar_signs_in_user_text_are_plain_text_not_mathtext(tmp_path: Path, suffix: str) -> None:
    case = {
        "case_id": _MATH,
        "patient": {"sex": "female", "age": 60},
        "antibodies": [
            {
                "code": "TIF1G",
                "result": "positive",
                "level": 3,
                "unit": _MATH,
                "date": "2023-01-10",
            },
            {
                "code": "TIF1G",
                "result": "positive",
                "level": 9,
                "unit": _MATH,
                "date": "2023-05-10",
            },
        ],
        "treatments": [{"drug": _MATH, "dose": _MATH, "start": "2023-01-10"}],
        "events": [{"kind": "flare", "date": "2023-03-01", "note": _MATH}],
    }
    code, err, out = _report(tmp_path, case, suffix)
    assert (code, out.exists()) == (0, True), err


def test_longest_allowed_unbreakable_words_fit_the_pdf(tmp_path: Path) -> None:
    fields = Case.model_json_schema()["$defs"]
    note_max = fields["Finding"]["properties"]["note"]["anyOf"][0]["maxLength"]
    label_max = fields["Treatment"]["properties"]["drug"]["maxLength"]
    note, label = "x" * note_max, "y" * label_max
    case = {
        "case_id": label,
        "patient": {"sex": "female", "age": 60, "region": label},
        "findings": [{"code": "myalgia", "present": True, "date": "2023-01-10", "note": note}],
        "labs": [
            {"code": "ck", "value": 900, "unit": label, "upper_limit": 200, "date": "2023-01-10"}
        ],
        "antibodies": [
            {"code": "TIF1G", "result": "positive", "level": 3, "unit": label, "date": "2023-01-10"}
        ],
        "investigations": [
            {"code": "ct_chest", "date": "2023-01-10", "result": "normal", "note": note}
        ],
        "tumours": [
            {
                "site": "pancreas",
                "histology": "neuroendocrine_tumour",
                "size_mm": 9,
                "found_date": "2023-02-01",
            }
        ],
        "treatments": [{"drug": label, "dose": label, "start": "2023-01-10"}],
        "events": [{"kind": "flare", "date": "2023-03-01", "note": note}],
        "assessments": [{"date": "2023-01-10", "mmt8": 40}],
    }
    code, err, out = _report(tmp_path, case, ".pdf")
    assert (code, out.exists()) == (0, True), err


def test_text_over_the_limits_is_refused_by_name() -> None:
    got = problems(
        "patient: {sex: female, age: 60}\n"
        f"treatments: [{{drug: {'y' * 201}, start: 2023-01-10}}]\n"
        f"events: [{{kind: flare, date: 2023-03-01, note: {'x' * 4001}}}]\n"
    )
    assert got == [
        "treatments[0].drug: is longer than 200 characters",
        "events[0].note: is longer than 4000 characters",
    ]


def test_pdf_table_cell_longer_than_a_page_is_shortened() -> None:
    from myositis_cds.render.report import Section, Table, _Pdf

    case = parse_case({"patient": {"sex": "female", "age": 60}}, today=TODAY)
    word = "z" * 20_000  # one unbreakable word: fpdf2 cannot split a row across pages
    table = Table(headers=["a", "b"], rows=[["x", word]], widths=[1, 1])
    pdf = _Pdf("t").render([Section("s", [table])], assess(case, as_of=TODAY))
    assert pdf.startswith(b"%PDF")
