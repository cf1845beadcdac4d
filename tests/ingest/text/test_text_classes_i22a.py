"""The date each fact gets (issue #10, i22a). Every sentence is our own; each expected date is
worked out by hand from tests/data/notes/README.md (a fact with no time of its own is dated on
the note's date, the day the patient was seen, the admission on a discharge letter; a result is
dated on its sample's day; a day and month without a year take the note's year).

- Bulgarian and Macedonian admission fields ("Постъпил:", "Дата на постъпване:", "Примена:")
  give the note's date, so a later year-less "(15.09.)" falls in the admission's year;
- a bracket after a test that holds only the day the sample was sent or the result came back
  ("panel (sent 20.08.2026) was negative for ...") dates the test before it, as a bare date or
  "(sample DATE)" there does;
- a diagnosis's date followed by a comma dates the diagnosis (and what its clause names before
  it), not the results listed after the comma ("DM dx 08/2026, anti-Mi-2 positive"): those have
  no time of their own; "diagnosed in 2019, with ..." still dates what follows;
- a list of results closed by a bracket naming only their panel or assay and its date
  ("... negative (line blot 21.08.2026).") takes that date over an earlier one in the sentence.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

BODY = "Woman, 60 years old.\nHeliotrope rash of both upper eyelids.\n"


def _dates(note: str, code: str) -> set[date]:
    return {f.date for f in read(note).case.findings if f.code.value == code}


# ------------------------------------------------------- admission fields, Bulgarian, Macedonian
@pytest.mark.parametrize(
    "field",
    [
        "Постъпил: 12.10.2026 г.   Изписан: 23.10.2026 г.",  # Bulgarian, a man admitted
        "Постъпила: 12.10.2026 г.",  # Bulgarian, a woman
        "Дата на постъпване: 12.10.2026",  # Bulgarian, the form's field
        "Примена: 12.10.2026     Отпуштена: 23.10.2026",  # Macedonian
    ],
)
def test_a_south_slavic_admission_field_is_the_notes_date(field: str) -> None:
    # a date of the history comes first (the patient's line); the admission is the day she was seen
    note = f"Woman, 60 years old, first rash in July 2026.\n{field}\nHeliotrope rash.\n"
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 12)}


def test_a_yearless_bracketed_day_takes_the_admission_fields_year() -> None:
    # without the field the note's date was July 2026, and "(12.10.)" fell in 2025
    note = (
        "Woman, 60 years old, first rash in July 2026.\nПостъпил: 12.10.2026 г.\n"
        "On examination (12.10.): heliotrope rash.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 12)}


# ------------------------------------------------------- the sample sent, the result back
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Her myositis panel (sent 14.08.2026) was negative for Mi-2 and MDA5.", date(2026, 8, 14)),
        ("The myositis blot (SENT 03/09) came back negative for Mi-2.", date(2026, 9, 3)),
        ("Anti-Mi-2 (result 21/08/2026) negative.", date(2026, 8, 21)),
    ],
)
def test_the_day_a_sample_was_sent_or_resulted_dates_the_test_before_it(
    sentence: str, day: date
) -> None:
    note = "Clinic date: 06.11.2026\nWoman, 60 years old.\nSeen on 02.10.2026 by Dr A.\n" + sentence
    found = {a.date for a in read(note + "\n").case.antibodies if a.code.value == "MI2"}
    assert found == {day}


def test_a_bracket_naming_who_sent_it_still_dates_only_itself() -> None:
    # "(sent by the GP 14.08.2026)": more than the day, so the bracket keeps its date
    note = (
        "Clinic date: 06.11.2026\nWoman, 60 years old.\n"
        "Anti-Mi-2 negative (letter sent by the GP practice 14.08.2026).\n"
    )
    assert {a.date for a in read(note).case.antibodies if a.code.value == "MI2"} == {
        date(2026, 11, 6)
    }


# ------------------------------------------------------- the diagnosis's date and the list after it
@pytest.mark.parametrize(
    "sentence",
    [
        "Dermatomyositis diagnosed 08/2026, anti-Mi-2 positive, CK 3,900.",
        "DM dx Aug 2026, anti-Mi-2 positive.",
    ],
)
def test_a_diagnosis_date_does_not_date_the_results_listed_after_it(sentence: str) -> None:
    # the antibody has no time of its own: the note's date, not August's 1st
    note = "Clinic date: 06.11.2026\nWoman, 60 years old.\n" + sentence + "\n"
    case = read(note).case
    assert {a.date for a in case.antibodies if a.code.value == "MI2"} == {date(2026, 11, 6)}
    assert case.diagnosis_date == date(2026, 8, 1)


def test_a_diagnosis_date_followed_by_with_dates_what_follows() -> None:
    # "diagnosed in 2019, with ..." goes on about that time
    note = (
        "Clinic date: 06.11.2026\nWoman, 60 years old.\n"
        "Dermatomyositis diagnosed in 2019, with anti-Mi-2 positive at that time.\n"
    )
    assert {a.date for a in read(note).case.antibodies if a.code.value == "MI2"} == {
        date(2019, 1, 1)
    }


# ------------------------------------------------------- a closing bracket that dates the panel
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "Dermatomyositis first diagnosed 08/2026 (clinic): anti-Mi-2 positive, anti-MDA5 "
            "negative (line blot 21.08.2026).",
            date(2026, 8, 21),
        ),
        (
            "DM diagnosed 12/08/2026 (rash, weakness), anti-Mi-2 positive and anti-MDA5 negative "
            "(myositis panel reported 09/2026).",
            date(2026, 9, 1),
        ),
    ],
)
def test_a_closing_bracket_with_the_panels_date_dates_the_results_before_it(
    sentence: str, day: date
) -> None:
    note = "Clinic date: 06.11.2026\nWoman, 60 years old.\n" + sentence + "\n"
    found = {a.date for a in read(note).case.antibodies if a.code.value in ("MI2", "MDA5")}
    assert found == {day}


def test_a_closing_bracket_about_something_else_does_not_date_the_results() -> None:
    # "(CT thorax 21.08.2026)" is the CT's: the results keep the diagnosis's date
    note = (
        "Clinic date: 06.11.2026\nWoman, 60 years old.\n"
        "Dermatomyositis diagnosed 12/08/2026 (rash), anti-Mi-2 positive (CT thorax 21.08.2026).\n"
    )
    assert {a.date for a in read(note).case.antibodies if a.code.value == "MI2"} == {
        date(2026, 8, 12)
    }
