"""Issue #10, twenty-eighth session (branch i53l): classes of wording in the lab values. Each
expectation is worked out by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with polymyositis. "


def _labs(text: str) -> list[tuple[str, float | None, float | None, float | None, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted(
        (lab.code.value, lab.value, lab.lower_limit, lab.upper_limit, lab.date) for lab in case.labs
    )


# --- thousands grouped by a plain space (_style._spaced_thousands): after a lab's name with no
# unit, and in a table's column after a date


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Seen again: CK 7 200. Hips 4/5.", 7200.0),
        ("CK 11 450 this morning, falling.", 11450.0),
        ("LDH was 2 310 on the ward.", 2310.0),
    ],
)
def test_a_spaced_thousands_value_with_no_unit(sentence: str, value: float) -> None:
    assert _labs(sentence) == [(_code(sentence), value, None, None, date(2026, 11, 20))]


def _code(sentence: str) -> str:
    return "ldh" if "LDH" in sentence else "ck"


def test_a_spaced_thousands_value_before_its_range() -> None:
    assert _labs("CK 7 200 (ref 30-170).") == [("ck", 7200.0, 30.0, 170.0, date(2026, 11, 20))]
    # three digits then a group may be two results ("CK 250 300"): never 250,300
    assert [v for _, v, *_ in _labs("CK 7 200 (ref 30-170); CK 250 300.")] == [250.0, 7200.0]


def test_a_spaced_thousands_value_in_a_dated_column() -> None:
    text = "Results:\n  Creatine kinase (normal 30-170 U/L)\n    03.08.2026    3 150 U/L\n"
    assert [v for _, v, *_ in _labs(text)] == [3150.0]
    # a name's own number set off by one space is no column: "Ro 52" then a level, no 52,100
    assert _labs(text + "Anti-Ro 52 100 U/ml.\n") == _labs(text)


# --- the laboratory's or hospital's name before a range's label (rules/patterns.yaml
# lab_reference)


@pytest.mark.parametrize(
    "sentence",
    [
        "CK 2 940 U/L (RFH ref 40 - 320).",
        "CK 2940 (Mater Hospital reference range 40-320).",
        "CK 2940 U/L (QEH normal range 40-320) on the ward.",
        "CK 2940 [St Luke's lab ref 40-320].",
    ],
)
def test_a_range_named_by_its_laboratory(sentence: str) -> None:
    assert _labs(sentence) == [("ck", 2940.0, 40.0, 320.0, date(2026, 11, 20))]


# --- a results block: the name and its range as a heading, then one dated sample a line
# (facts/labs.py _header_reference, _dated_rows; rules/patterns.yaml lab_dated_row)


def test_a_dated_series_under_a_heading_with_its_range() -> None:
    text = (
        "Investigations:\n  CK (ref. 30 - 170 U/L, Victoria lab)\n"
        "      03.08.2026   3 150 U/L\n      10.10.2026   620 U/L\n  Chest X-ray clear.\n"
    )
    assert _labs(text) == [
        ("ck", 620.0, 30.0, 170.0, date(2026, 10, 10)),
        ("ck", 3150.0, 30.0, 170.0, date(2026, 8, 3)),
    ]


def test_a_heading_alone_on_its_line_heads_its_rows() -> None:
    text = (
        "Results\n  LDH (normal 120-250 U/L)\n    01/09/2026  1 020 U/L\n"
        "    14/10/2026  240 U/L\nPlan: review in clinic.\n"
    )
    assert _labs(text) == [
        ("ldh", 240.0, 120.0, 250.0, date(2026, 10, 14)),
        ("ldh", 1020.0, 120.0, 250.0, date(2026, 9, 1)),
    ]


def test_a_range_before_its_value_is_the_values_range() -> None:
    assert _labs("CK (normal 30-170 U/L) 4,210 U/L.") == [
        ("ck", 4210.0, 30.0, 170.0, date(2026, 11, 20))
    ]


# --- the panel's other antigens named as such ("rest -ve:", "others negative:") without a line
# start of their own (rules/context.yaml NEGATED_EXISTENCE)


def _antibodies(text: str) -> list[tuple[str, str]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((a.code.value, a.result.value) for a in case.antibodies)


@pytest.mark.parametrize(
    "text",
    [
        # a positive row with no stop, the next line joined to it
        "Myositis line blot:\n   SRP ........ ++ (positive)\n   Rest -ve: Jo1, PL7, MDA5\n",
        # prose: after a comma
        "Myositis line blot: SRP positive, the rest -ve: Jo1, PL7, MDA5.",
        "Myositis line blot: SRP ++, remainder neg: Jo1, PL7, MDA5.",
    ],
)
def test_the_panels_other_antigens_are_negative(text: str) -> None:
    assert _antibodies(text) == [
        ("JO1", "negative"),
        ("MDA5", "negative"),
        ("PL7", "negative"),
        ("SRP", "positive"),
    ]
