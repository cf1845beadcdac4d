"""Issue #10, twenty-eighth session (branch i53d): classes of date forms and of what a date
dates. Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._style import read_style
from myositis_cds.ingest.text._time import find_dates

TODAY = date(2026, 12, 1)


def _dates(text: str) -> list[tuple[str, date]]:
    style, _ = read_style(text, rules())
    return [(text[d.start : d.end], d.day) for d in find_dates(text, rules(), style=style.dates)]


# --- a numeric date with hyphens and a two-digit year (rules/patterns.yaml time.dates, group
# nhyy): read in a note that writes the same shape with its year in full


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # month first, as the note's full date shows (the 25th cannot be a month)
        (
            "Visit 11-20-26. Born 03-25-1970. Seen 10-05-26 at the hospital.",
            [
                ("11-20-26", date(2026, 11, 20)),
                ("03-25-1970", date(1970, 3, 25)),
                ("10-05-26", date(2026, 10, 5)),
            ],
        ),
        # day first, as the note's full date shows (the 25th cannot be a month)
        (
            "Visit 20-11-26. Born 25-03-1970. Seen 05-10-26 at the hospital.",
            [
                ("20-11-26", date(2026, 11, 20)),
                ("25-03-1970", date(1970, 3, 25)),
                ("05-10-26", date(2026, 10, 5)),
            ],
        ),
    ],
)
def test_hyphenated_two_digit_year_in_a_note_of_such_dates(
    text: str, expected: list[tuple[str, date]]
) -> None:
    assert _dates(text) == expected


def test_hyphenated_two_digit_year_dates_the_note() -> None:
    text = (
        "Encounter date: 11-20-26\nDOB: 03-25-1970  Sex: F\n"
        "Dermatomyositis diagnosed 10-05-26. CK 2,400 U/L (30-200) on 10-04-26."
    )
    case = extract_case(text, today=TODAY).case
    assert case.diagnosis_date == date(2026, 10, 5)
    assert [(lab.date) for lab in case.labs] == [date(2026, 10, 4)]
    # no full date of that shape in another note: its "10-12-14" stays a run of numbers
    assert _dates("Visit 20/11/2026. Reps 10-12-14 on the leg press.") == [
        ("20/11/2026", date(2026, 11, 20))
    ]


# --- a continuation card's entry header (_timeline._ENTRY_HEADER): the entry's date opening a
# line, two spaces, its title, and the entry's lines indented under it; the date governs those
# lines and their "today"


def _labs_and_drugs(text: str) -> tuple[list[tuple[float, date | None]], list[tuple[str, date]]]:
    case = extract_case(text, today=TODAY).case
    labs = [(lab.value, lab.date) for lab in case.labs]
    drugs = [(t.drug, t.start) for t in case.treatments if t.start is not None]
    return labs, drugs


def test_an_entry_header_dates_the_lines_under_it() -> None:
    card = (
        "MEDICAL OUTPATIENTS - CONTINUATION CARD\nName: J. Doe   Sex: F   Age: 50\n\n"
        "03/08/26  First visit  (Dr A)\n"
        "  Thigh weakness, rash over the knuckles (Gottron papules).\n"
        "  Bloods today: CK 5,400 U/L (ref 30-200).\n\n"
        "17/08/26  Review  (Dr B)\n"
        "  Dermatomyositis. Started prednisolone 40 mg daily today.\n"
        "  CK today 2,100 U/L (ref 30-200).\n"
    )
    assert _labs_and_drugs(card) == (
        [(5400.0, date(2026, 8, 3)), (2100.0, date(2026, 8, 17))],
        [("prednisolone", date(2026, 8, 17))],
    )
    # a table's dated rows, each at one indent, are no entry: the line after them speaks
    # from the visit
    table = (
        "Review 20/11/2026. Dermatomyositis.\nLabs:\n"
        "03/08/26  CK 5,400 U/L (ref 30-200)\n17/08/26  CK 2,100 U/L (ref 30-200)\n"
        "Prednisolone 40 mg daily started today.\n"
    )
    assert _labs_and_drugs(table) == (
        [(5400.0, date(2026, 8, 3)), (2100.0, date(2026, 8, 17))],
        [("prednisolone", date(2026, 11, 20))],
    )


# --- a month's or a weekday's abbreviated name before a comma ends no sentence (_nlp
# _DATE_ABBREVIATIONS), and a report's "Date of test:" is the note's date (time.note_date)


def test_a_typed_date_with_abbreviations_and_commas_dates_its_sentence() -> None:
    text = (
        "RESPIRATORY PHYSIOLOGY REPORT\n"
        "Date of test: Wed., 18th Nov., 2026\n"
        "Requested by Dr B (request dated 4th Nov., 2026)\n"
        "Dermatomyositis with anti-Jo-1. Weakness of the thighs for three months.\n"
        "CK 900 U/L (30-200) on 7th Sept., 2026.\n"
        "Started prednisolone 40 mg daily on 9th Sept., 2026.\n"
    )
    case = extract_case(text, today=TODAY).case
    assert case.onset_date == date(2026, 8, 18)  # three months before the test
    assert [(lab.value, lab.date) for lab in case.labs] == [(900.0, date(2026, 9, 7))]
    assert [(t.drug, t.start) for t in case.treatments] == [("prednisolone", date(2026, 9, 9))]
