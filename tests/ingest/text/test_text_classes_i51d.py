"""Issue #10, twenty-sixth session (branch i51d): classes of date formats in the time pass, and
the dates a date of birth or a story's aside must never give. Each expectation is worked out by
hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._time import DateStyle, find_dates

TODAY = date(2026, 11, 27)
STYLE = DateStyle(note_date=date(2026, 11, 20), today=TODAY)


def _dates(text: str) -> list[tuple[str, date, date | None]]:
    return [(text[d.start : d.end], d.day, d.until) for d in find_dates(text, rules(), style=STYLE)]


# --- the date grammar (rules/patterns.yaml time.dates)


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        # the compact military date with a four-digit year, in any case or month length
        ("Seen 4jan2026 at home.", "4jan2026", date(2026, 1, 4)),
        ("Seen 09SEPT2026 at home.", "09SEPT2026", date(2026, 9, 9)),
        ("Seen 30december2025 at home.", "30december2025", date(2025, 12, 30)),
        # ... and its month alone with the year: the 1st
        ("Hip pain since FEB2026, worse now.", "FEB2026", date(2026, 2, 1)),
        ("Hip pain since Aug2025, worse now.", "Aug2025", date(2025, 8, 1)),
        ("Hip pain since sept2026.", "sept2026", date(2026, 9, 1)),
        # the day, the month's name and a two-digit year with hyphens
        ("Drawn 05-Jan-26 at the GP.", "05-Jan-26", date(2026, 1, 5)),
        ("DOB 28-FEB-61, retired.", "28-FEB-61", date(1961, 2, 28)),
        # the month's name and a four-digit year with a slash
        ("Cough since Mar/2026.", "Mar/2026", date(2026, 3, 1)),
        # month first with an apostrophe's year
        ("Seen Jan 9 '26 in clinic.", "Jan 9 '26", date(2026, 1, 9)),
        # the Roman month alone with its year, either case: the 1st
        ("Ulcers since iv.2026, then rash.", "iv.2026", date(2026, 4, 1)),
        ("Rash from XII.2025 on.", "XII.2025", date(2025, 12, 1)),
        # ... and with hyphens or slashes on both sides of a lower-case numeral
        ("Seen 2-ix-2026 in clinic.", "2-ix-2026", date(2026, 9, 2)),
        ("Seen 23/vii/2026 in clinic.", "23/vii/2026", date(2026, 7, 23)),
        # the year-first month with a full stop
        ("Cough from 2026.03; worse.", "2026.03", date(2026, 3, 1)),
    ],
)
def test_date_forms_are_read(text: str, said: str, day: date) -> None:
    assert _dates(text) == [(said, day, None)]


@pytest.mark.parametrize(
    ("text", "said", "first", "last"),
    [
        (
            "IVIG 11FEB2026-15FEB2026 given.",
            "11FEB2026-15FEB2026",
            date(2026, 2, 11),
            date(2026, 2, 15),
        ),
        ("IVIG 29JUN26 - 02JUL26 given.", "29JUN26 - 02JUL26", date(2026, 6, 29), date(2026, 7, 2)),
    ],
)
def test_compact_course_is_read_as_its_first_and_last_day(
    text: str, said: str, first: date, last: date
) -> None:
    assert _dates(text) == [(said, first, last)]


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        # a Roman numeral in prose, a stage before a spaced year, a list's numbering
        ("Item vi of the form signed; ulcers since vi.2026.", "vi.2026", date(2026, 6, 1)),
        ("Stage IV. 2019 surgery; rash since IV.2026.", "IV.2026", date(2026, 4, 1)),
        ("See 1.vi. below; rash from ix.2026.", "ix.2026", date(2026, 9, 1)),
        # a decimal before its unit
        ("Powder 2019.05 mg; cough from 2026.05.", "2026.05", date(2026, 5, 1)),
    ],
)
def test_only_the_framed_month_is_read(text: str, said: str, day: date) -> None:
    assert [(s, d) for s, d, _ in _dates(text) if s != "2019"] == [(said, day)]


# --- a date of birth dates nothing but the birth (_draft.Extraction.dates_in)


def test_birth_date_is_never_a_drug_start() -> None:
    note = (
        "Clinic 20/11/2026.\n"
        "Name: A. Test DOB: 02/03/1958 Meds: prednisolone, omeprazole\n"
        "A 68-year-old woman with dermatomyositis, on prednisolone 20 mg daily since 01/10/2026."
    )
    case = extract_case(note, today=TODAY).case
    starts = [t.start for t in case.treatments if t.drug == "prednisolone"]
    assert date(1958, 3, 2) not in starts


# --- the note's date (rules/patterns.yaml time.note_date)


def test_discharge_in_a_story_aside_is_not_the_notes_date() -> None:
    note = (
        "Date: 12NOV2026   Crew 4\n"
        "A 70-year-old man with myositis. Records (City Hospital, discharged 03OCT2026): Dx\n"
        "necrotising myopathy. Today aching in both thighs.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert {f.date for f in case.findings if f.code == "myalgia"} == {date(2026, 11, 12)}


def test_date_last_reviewed_field_is_the_visit() -> None:
    note = (
        "Date of application: 2026.11.19\n"
        "Date last reviewed by applicant: 2026.11.16 (ward 3)\n"
        "A 52-year-old woman with dermatomyositis. Heliotrope rash persists.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert {f.date for f in case.findings if f.code == "heliotrope_rash"} == {date(2026, 11, 16)}


def test_assessment_field_with_a_date_is_the_visit() -> None:
    note = (
        "Kit result: positive - analysed 02/10/2026\n"
        "Assessment: 14/10/2026, face to face, community clinic\n"
        "A 61-year-old man with dermatomyositis. Gottron's papules on both hands.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert {f.date for f in case.findings if f.code == "gottron_papules"} == {date(2026, 10, 14)}


# --- a line that ends on a preposition of time goes on (_nlp._CARRIES_ON)


@pytest.mark.parametrize("word", ["since", "from"])
def test_wrapped_line_after_a_time_preposition_keeps_its_date(word: str) -> None:
    note = (
        "Clinic 20/11/2026. A 58-year-old woman with dermatomyositis.\n"
        f"   Weakness of the hips. Dysphagia to solids {word}\n"
        "   September 2026, now on a soft diet.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert date(2026, 9, 1) in {f.date for f in case.findings if f.code == "dysphagia"}


# --- a date said of every result before it ("all on DATE": patterns.yaml all_results_dated)


@pytest.mark.parametrize("words", ["all on", "all taken on", "all dated"])
def test_all_on_date_dates_every_result_of_the_list(words: str) -> None:
    note = (
        "Clinic 25/10/2026. A 16-year-old boy with dermatomyositis.\n"
        f"Exams: CK 1,260 U/L (ref 39-308); AST 96 U/L (ref < 40); ESR 38 mm/h - {words} "
        "20/10/2026.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert {(lab.code, lab.date) for lab in case.labs} == {
        ("ck", date(2026, 10, 20)),
        ("ast", date(2026, 10, 20)),
        ("esr", date(2026, 10, 20)),
    }
