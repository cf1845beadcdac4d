"""Issue #10, twenty-fourth session (branch i49l): classes of layout and wording in the
laboratory values of the notes. Each expectation is worked out by hand on sentences written for
this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis.\n\n"


def _labs(text: str) -> list[tuple[str, float | None, float | None, float | None, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted(
        (lab.code.value, lab.value, lab.lower_limit, lab.upper_limit, lab.date) for lab in case.labs
    )


# --- the label "normal" of a reference range in the languages read whose range had none yet
# (rules/patterns.yaml lab_reference): the range is the value's own


@pytest.mark.parametrize(
    ("row", "code", "value", "lower", "upper"),
    [
        ("CK 4,200 U/L (bisanzwe: 39-308)", "ck", 4200.0, 39.0, 308.0),  # Kinyarwanda
        ("AST 96 U/L (zoyenera: < 35)", "ast", 96.0, None, 35.0),  # Chichewa
        ("LDH 700 U/L (e tloaelehileng: 120 - 300)", "ldh", 700.0, 120.0, 300.0),  # Sesotho
        ("CK 1500 U/L (e e tlwaelegileng: 26 – 192)", "ck", 1500.0, 26.0, 192.0),  # Setswana
        ("ALT 90 U/L (nkịtị: 5-40)", "alt", 90.0, 5.0, 40.0),  # Igbo
        ("ALT 90 U/L (nkiti: 5-40)", "alt", 90.0, 5.0, 40.0),  # Igbo, no dots below
        ("CK 900 U/L (ئاسایی: 39 – 308)", "ck", 900.0, 39.0, 308.0),  # Kurdish Sorani
        # Punjabi: the upper limit with "up to" / "less than" after its number
        ("AST 120 U/L (ਸਧਾਰਨ: 40 ਤੱਕ)", "ast", 120.0, None, 40.0),
        ("CEA 7.0 ng/mL (ਸਧਾਰਨ: 5 ਤੋਂ ਘੱਟ)", "cea", 7.0, None, 5.0),
    ],
)
def test_a_range_labelled_normal_in_another_language_is_the_values_own(
    row: str, code: str, value: float, lower: float | None, upper: float | None
) -> None:
    assert _labs(f"Bloods today: {row}.") == [(code, value, lower, upper, date(2026, 11, 20))]


# --- a table row whose name is glossed by its other name in brackets (rules/patterns.yaml
# lab_table_row): the value, its unit and the reference interval of the row


def test_a_table_row_read_past_the_names_gloss() -> None:
    text = (
        "Blood results:\n"
        "    CPK (CK)         5120 U/L       39 - 308\n"
        "    SGOT (AST)       164 U/L        5 - 40\n"
        "    SGPT (ALT)        97 U/L        5 - 45\n"
    )
    day = date(2026, 11, 20)
    assert _labs(text) == [
        ("alt", 97.0, 5.0, 45.0, day),
        ("ast", 164.0, 5.0, 40.0, day),
        ("ck", 5120.0, 39.0, 308.0, day),
    ]


# --- a dated heading of a results table: the last row of the table ends at its line's end, so
# that a date on a following line that is no lab (another test's sample) is not its own
# (facts/labs.py _row_line_end)


# a letter's prose wrapped over lines of its width, so that the lines below a table may be read
# on with its last row
PROSE = (
    "He describes two months of aching thighs and a struggle to rise from low chairs or to lift\n"
    "his arms to shave. He has no rash, no change in his swallowing and no breathlessness on the\n"
    "stairs at home. He takes no regular medicines apart from an occasional paracetamol for his\n"
    "back.\n\n"
)


def test_the_last_row_of_a_dated_table_keeps_the_headings_date() -> None:
    text = PROSE + (
        "Bloods 03/11/2026 (City Lab):\n"
        "  CK          2400 U/L   (ref < 320)\n"
        "  ALT          150 U/L   (ref < 40)\n"
        "  AST          210 U/L   (ref < 35)\n"
        "  TSH          2.2 mIU/L (0.5-4.0)\n"
        "  CRP           12 mg/L  (< 5)\n"
        "  FBC, U&E     normal\n"
        "I stopped the paracetamol on 05/11.\n"
    )
    day = date(2026, 11, 3)
    assert _labs(text) == [
        ("alt", 150.0, None, 40.0, day),
        ("ast", 210.0, None, 35.0, day),
        ("ck", 2400.0, None, 320.0, day),
        ("crp", 12.0, None, 5.0, day),
    ]


# --- a heading line with no colon: a short label and the date alone on their line, the rows
# below it with no blank line between (facts/labs.py _dated_heading_line)


@pytest.mark.parametrize(
    "heading", ["BLOOD TESTS (laboratory) - 4 November 2026", "[RESULTS] collected 2026-11-04"]
)
def test_a_heading_line_dates_the_rows_below_it(heading: str) -> None:
    text = f"{heading}\n  CK 3,100 U/L (ref 40-320)\n  AST 88 U/L (ref < 40)\n"
    day = date(2026, 11, 4)
    assert _labs(text) == [("ast", 88.0, None, 40.0, day), ("ck", 3100.0, 40.0, 320.0, day)]


def test_a_heading_line_heads_only_its_own_rows() -> None:
    # a line of prose ending with a date (longer than a heading's label) heads nothing; the
    # heading line heads the rows below it up to the blank line
    text = (
        "The patient was reviewed by the rheumatology registrar on the ward 02/11/2026\n"
        "LDH 610 U/L (ref 135-225)\n\n"
        "BLOOD TESTS (laboratory) - 4 November 2026\n"
        "  CK 3,100 U/L (ref 40-320)\n\n"
        "AST 88 U/L (ref < 40)\n"
    )
    assert _labs(text) == [
        ("ast", 88.0, None, 40.0, date(2026, 11, 20)),
        ("ck", 3100.0, 40.0, 320.0, date(2026, 11, 4)),
        ("ldh", 610.0, 135.0, 225.0, date(2026, 11, 20)),
    ]


# --- a heading's date is closed by its colon within its own sentence: a date that ends the
# sentence before ("... since March 2026. Bloods: CK ...") heads nothing (facts/labs.py
# _HEADING_CLOSE)


@pytest.mark.parametrize(
    "text",
    [
        "He has been weak since March 2026. Bloods: CK 5,100 U/L (ref 40-320).\n",
        "Weak since March 2026; bloods: CK 5,100 U/L (ref 40-320).\n",
    ],
)
def test_a_date_ending_the_sentence_before_heads_no_result(text: str) -> None:
    assert _labs(text) == [("ck", 5100.0, 40.0, 320.0, date(2026, 11, 20))]
