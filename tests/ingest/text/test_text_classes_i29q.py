"""Failure classes of the opened set notes:heldout35 (issue #10, round 29, helper i29q): dates
whose month is a Roman numeral ("12.XI.2026"), as Central and Eastern European letters write
them. Every vignette is our own; expected dates and ages are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY, labs_coded


def _days(text: str) -> list[date]:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import DateStyle, find_dates

    return [d.day for d in find_dates(text, rules(), style=DateStyle(note_date=date(2026, 3, 3)))]


# ------------------------------------------------------------- the month as a Roman numeral
@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("seen on 03.III.2026 in clinic", date(2026, 3, 3)),
        ("born 17.X.1961 in Kraków", date(1961, 10, 17)),
        ("biopsy (9. XII. 2025) showed", date(2025, 12, 9)),
        ("sample of 25-II-2026 sent", date(2026, 2, 25)),
        ("blot 1/IX/2025 negative", date(2025, 9, 1)),
        ("CK on 14.VII.25 was high", date(2025, 7, 14)),
        ("steroids since 20.I. at home", date(2026, 1, 20)),  # the note's year
    ],
)
def test_a_roman_numeral_month_is_read_as_the_month(words: str, day: date) -> None:
    assert _days(words) == [day]


@pytest.mark.parametrize(
    "words",
    [
        "deltoid 4 IV 2019 grading",  # a grade beside a number, spaced: no date
        "Heckmatt grade 3 / III on both sides",
        "stage 2.IIIa disease",  # a stage's letter after the numeral
        # lower-case numerals are no month without a four-digit year (issue #10, i35d: with
        # one, "24.xi.2026", they are, by the gold decision of notes:heldout39, 3 Dec 2026)
        "iliopsoas 4.iv. on the right",
        "iliopsoas 4.iv.19",
    ],
)
def test_a_roman_numeral_grade_or_stage_is_never_a_month(words: str) -> None:
    assert _days(words) == []


def test_a_letter_dated_with_roman_months_gives_the_age_and_the_dates() -> None:
    note = (
        "Examination date: 03.III.2026\nBorn: 17.X.1961   Sex: F\n\n"
        "Heliotrope rash and proximal weakness. CK 4 200 U/L (ref. 20-200) on 25.II.2026."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.index_date == date(2026, 3, 3)
    assert result.case.patient.birth_date == date(1961, 10, 17)
    assert result.case.patient.age == 65  # on the reading date, 27 Nov 2026
    (lab,) = labs_coded(note, "ck")
    assert lab.date == date(2026, 2, 25)


def test_a_spaced_roman_month_date_does_not_end_the_sentence() -> None:
    # "9. XII. 2025": neither full stop ends the sentence, so the biopsy keeps its date
    note = (
        "Clinic date: 10. XII. 2025\n\nA 60-year-old man. Muscle biopsy on 9. XII. 2025 "
        "showed perifascicular atrophy. CK 3000 U/L on 2. XII."
    )
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    assert case.muscle_biopsy is not None
    assert case.muscle_biopsy.perifascicular_atrophy is True
    assert case.muscle_biopsy.date == date(2025, 12, 9)
    (lab,) = [lab for lab in case.labs if lab.code.value == "ck"]
    assert lab.date == date(2025, 12, 2)


# ------------------------------------- a numbered addendum with its date, a dash and its text
_CONCLUDED = (
    "Visit date: 02/03/2026\n\nA 47-year-old woman with a heliotrope rash.\n\n"
    "CONCLUSION\nPattern of an inflammatory myopathy; biopsy of the left deltoid advised.\n\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "ADDENDUM 1 (09/03/2026) - ",
        "Addendum no. 2 (9 March 2026) - ",
        "Histopathology report (left deltoid) \u2013 ",
    ],
)
def test_a_numbered_addendum_after_a_conclusion_is_about_the_patient(title: str) -> None:
    # the report's conclusion is no case report's summary of patients in general: the later
    # results appended under their own numbered title are this patient's
    note = _CONCLUDED + title + "needle biopsy: perifascicular atrophy; anti-TIF1-gamma positive.\n"
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    assert case.muscle_biopsy is not None
    assert case.muscle_biopsy.perifascicular_atrophy is True
    assert {a.code.value: a.result.value for a in case.antibodies} == {"TIF1G": "positive"}


def test_words_before_a_bracket_and_dash_are_no_title_unless_they_name_one() -> None:
    # guard: a sentence of the conclusion that happens to hold a bracket and a dash stays in it
    note = _CONCLUDED + (
        "Teaching point (for trainees) - perifascicular atrophy marks dermatomyositis.\n"
    )
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    assert case.muscle_biopsy is None


# ------------------------------------------------------ a question put to the patient
@pytest.mark.parametrize(
    "turn",
    [
        "DR: Swallowing? Food sticking, coughing when you drink?",
        "Doctor: Any trouble swallowing?",
        "[00:03:10] DR K: Do you choke on liquids?",
        "DR: Solids sticking in your throat at all?",
    ],
)
def test_a_question_to_the_patient_records_nothing(turn: str) -> None:
    note = f"Video consultation 24/11/2026. A 44-year-old woman with dermatomyositis.\n{turn}\n"
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    assert "dysphagia" not in {f.code.value for f in case.findings}


@pytest.mark.parametrize(
    ("words", "present"),
    [
        ("PATIENT: Yes, solids stick in my throat.", True),  # the answer is read
        ("Dysphagia? Yes.", True),  # a form's question with its answer: a field
        ("Rash: no, Dysphagia: yes.", True),
        ("Heliotrope rash: yes, dysphagia: no.", False),  # two fields, each its own answer
        ("She has dysphagia. How are you finding the tablets?", True),  # another sentence
    ],
)
def test_a_stated_or_answered_sign_is_still_read(words: str, present: bool) -> None:
    note = f"Clinic 24/11/2026. A 44-year-old woman with dermatomyositis.\n{words}\n"
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    assert {f.code.value: f.present for f in case.findings}.get("dysphagia") is present


# ------------------------------------- the endomysial infiltrate named by its invasion of fibres
@pytest.mark.parametrize(
    ("words", "endomysial"),
    [
        ("perifascicular atrophy; no endomysial invasion of non-necrotic fibres.", False),
        ("CD8+ T cells with partial invasion of non-necrotic fibers.", True),
        ("scattered fibres with endomysial infiltration by CD8+ cells.", True),
    ],
)
def test_endomysial_invasion_is_the_endomysial_infiltrate(words: str, endomysial: bool) -> None:
    note = f"A 58-year-old man.\nMuscle biopsy (right deltoid) 03/11/2026: {words}\n"
    biopsy = extract_case(note, anchor=TODAY, today=TODAY).case.muscle_biopsy
    assert biopsy is not None
    assert biopsy.endomysial_infiltrate is endomysial


def test_macrophages_invading_necrotic_fibres_are_no_endomysial_infiltrate() -> None:
    # guard: myophagocytosis of necrotic fibres is necrosis, not the endomysial infiltrate
    note = (
        "A 58-year-old man.\nMuscle biopsy 03/11/2026: necrotic fibres invaded by macrophages; "
        "perifascicular atrophy.\n"
    )
    biopsy = extract_case(note, anchor=TODAY, today=TODAY).case.muscle_biopsy
    assert biopsy is not None
    assert biopsy.endomysial_infiltrate is None
