"""Vignettes for antibody results: levels and an earlier result given alongside. Expected
values are read off each note by hand."""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def test_a_level_after_the_result() -> None:
    note = (
        "Date: 14 Oct 2025\n\n44-year-old woman.\nSerology (Sept 2025): anti-MDA5 positive, "
        "112 U/mL (cut-off 32); anti-Ro52 positive."
    )
    got = [
        (a.code.value, a.result.value, a.level, a.unit, a.date)
        for a in extract_case(note, today=TODAY).case.antibodies
    ]
    assert got == [
        ("MDA5", "positive", 112, "U/mL", date(2025, 9, 1)),
        ("RO52", "positive", None, None, date(2025, 9, 1)),
    ]


def test_a_titre() -> None:
    note = "Date: 14 Oct 2025\n\n44-year-old woman. Anti-Jo-1 positive, titre 1:640."
    (jo1,) = extract_case(note, today=TODAY).case.antibodies
    assert (jo1.level, jo1.unit) == (640, "titre")


def test_an_earlier_result_in_parentheses_is_a_second_dated_result() -> None:
    note = (
        "Clinic date: 03/02/2026\n\n69-year-old man.\nResults of 27/01/2026: Anti-SAE1 now "
        "weakly positive (strongly positive in Nov 2021)."
    )
    got = sorted((a.date, a.result.value) for a in extract_case(note, today=TODAY).case.antibodies)
    assert got == [(date(2021, 11, 1), "positive"), (date(2026, 1, 27), "weak_positive")]


def test_a_diagnosis_label_repeats_a_result_stated_elsewhere() -> None:
    note = (
        "Date: 14 Oct 2025\n\n44-year-old woman.\nSerology (Sept 2025): anti-MDA5 positive.\n\n"
        "Assessment: anti-MDA5 dermatomyositis with cutaneous ulceration."
    )
    got = [(a.code.value, a.date) for a in extract_case(note, today=TODAY).case.antibodies]
    assert got == [("MDA5", date(2025, 9, 1))]
