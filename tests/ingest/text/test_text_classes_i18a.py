"""issue #10 (i18a): English letters and reports: reference ranges in their published forms
(a comma after the label, square brackets after the unit, a results grid whose ranges stand in a
column or in the column headers), and the patient's place on a letter's patient line or after
the noun for the patient. Our own sentences; the values are worked out by hand. Each class has
a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=TODAY, today=TODAY).case


def _labs(text: str) -> dict[tuple[str, float | None], float | None]:
    return {(lab.code.value, lab.value): lab.upper_limit for lab in _case(text).labs}


@pytest.mark.parametrize(
    ("text", "code", "value", "upper"),
    [
        ("Her CK was 2,310 U/L (reference range, 26 to 192).", "ck", 2310.0, 192.0),
        ("The LDH level was 455 U/L (reference range, <250).", "ldh", 455.0, 250.0),
        ("Bloods: CK 5,200 U/L [30-220]; CRP 12 mg/L [<5].", "ck", 5200.0, 220.0),
        ("Bloods: CK 5,200 U/L [30-220]; CRP 12 mg/L [<5].", "crp", 12.0, 5.0),
    ],
)
def test_reference_range_forms(text: str, code: str, value: float, upper: float) -> None:
    assert _labs(text).get((code, value)) == upper


def test_a_citation_after_a_year_is_no_range() -> None:
    # a reference marker after a year stays a marker: no CK of 4 is read from it
    labs = _labs("Myositis with a raised CK was described in 2015 [4-6].")
    assert not any(value == 4.0 for _, value in labs)


def test_grid_with_a_range_column_and_an_empty_first_header_cell() -> None:
    text = (
        "Results:\n"
        "                    02/09/2026      16/09/2026      range\n"
        "  CK (U/L)          1,450           980             30-200\n"
        "  ALT (U/L)         -               71              <40\n"
    )
    found = {(lab.code.value, lab.value, lab.date, lab.upper_limit) for lab in _case(text).labs}
    assert ("ck", 1450.0, date(2026, 9, 2), 200.0) in found
    assert ("ck", 980.0, date(2026, 9, 16), 200.0) in found
    assert ("alt", 71.0, date(2026, 9, 16), 40.0) in found
    # the dash is an empty cell: no ALT on the first date
    assert not any(code == "alt" and when == date(2026, 9, 2) for code, _, when, _ in found)


def test_grid_with_ranges_and_units_in_the_column_headers() -> None:
    text = (
        "Date        CK (30-200 U/L)  LDH (<250 U/L)  ESR (0-15 mm/h)\n"
        "03/08/2026  760              390             41\n"
    )
    found = {(lab.code.value, lab.value, lab.upper_limit) for lab in _case(text).labs}
    assert {("ck", 760.0, 200.0), ("ldh", 390.0, 250.0), ("esr", 41.0, 15.0)} <= found


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Re: Mr P Q, 61 years, Henderson, Auckland\n\nSeen today.", "NZ"),
        ("Re: Ms R S, DOB 02/05/1961, Clonakilty, Co. Cork\n\nSeen today.", "IE"),
        ("PATIENT: T. U., female, 52 yrs, Mississauga ON. Seen today.", "CA"),
        ("RE: Mrs V W, 47-year-old nurse, Chatswood NSW\n\nSeen today.", "AU"),
        ("Address: Diepkloof, Soweto\nSeen today for weakness.", "ZA"),
        ("A 9-year-old girl from Leicester presented with weakness.", "GB"),
    ],
)
def test_the_patients_place(text: str, region: str) -> None:
    assert _case(text).patient.region == region


@pytest.mark.parametrize(
    "text",
    [
        # a hospital after a loose "from" is not where the patient lives
        "She was referred from Leicester Royal Infirmary with weakness.",
        # the patient line's next item is no place
        "Re: Mr P Q, 61 years, seen in clinic today.",
        # a relative's place
        "Her sister, a woman from Leicester, had breast cancer.",
    ],
)
def test_no_place_is_read(text: str) -> None:
    assert _case(text).patient.region is None
