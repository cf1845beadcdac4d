"""issue #10 (i24d): the grading scales of the manual muscle test, after opening heldout31 and
heldout_v. Each scale is read as its definition gives it (MRC 0-5 in Roman numerals out of V;
the Lovett / Daniels & Worthingham words Normal 5, Good 4, Fair 3, Poor 2, Trace 1, Zero 0 with
their +/- steps; the muscles' clinical shorthand), in our own vignettes (no sentence is taken
from a note or a report). The expected items are worked out by hand against the EULAR/ACR 2017
definitions (Lundberg et al., Ann Rheum Dis 2017;76:1955): a proximal group weak when graded
below 5 on both sides; the comparisons from the two groups' grades. Each class has a guard."""

from __future__ import annotations

import re
from datetime import date

import pytest

from myositis_cds.ingest.text import _strength, _style
from myositis_cds.ingest.text.facts import strength as strength_facts

from .helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    assert_pattern_bounded,
    case_of,
    findings_of,
    strength_items,
)

# ------------------------------------------------------------------ MRC grades in Roman numerals


@pytest.mark.parametrize(
    ("words", "items"),
    [
        # out of V, as "4/5" is out of 5: III/V = 3, IV-/V = 3.67, V/V = 5
        (
            "Power today: deltoids IV-/V on both sides, hip flexors III/V, ankle dorsiflexion V/V, "
            "neck flexors III/V and neck extensors V/V.",
            {UPPER, LOWER, LEGS_PROX, NECK},
        ),
        ("Strength in the arms: biceps IV+/V, triceps IV/V.", {UPPER}),
        # bare Roman grades right after the muscle, and the right / left pair IV/IV
        (
            "On testing strength the biceps are IV, the quadriceps IV- bilaterally, the "
            "tibialis anterior V.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        ("Examined: iliopsoas IV/IV, ankle dorsiflexors V.", {LOWER, LEGS_PROX}),
    ],
)
def test_roman_mrc_grades_without_a_lead_word(words: str, items: set[str]) -> None:
    assert strength_items(words) == items


def test_roman_out_of_v_at_full_strength_is_no_weakness() -> None:
    assert findings_of("Power: shoulder abduction V/V and hip flexion V/V.") == {
        UPPER: False,
        LOWER: False,
    }


@pytest.mark.parametrize(
    "words",
    [
        "A grade III/VI systolic murmur at the apex; deltoids 5/5.",  # a murmur's scale
        "Methylprednisolone I/V for three days; deltoids 5/5.",  # intravenous
    ],
)
def test_other_roman_fractions_are_no_grades(words: str) -> None:
    assert findings_of(words).get(UPPER) is False


# ------------------------------------------------------------------ Lovett / Daniels words


@pytest.mark.parametrize(
    ("words", "items"),
    [
        # the scale named: every word grade read, Good- = 3.67 < 5, Trace 1 < Good+ 4.33
        (
            "Manual muscle testing (Lovett grades): neck flexors trace, neck extensors good+; "
            "shoulder abductors good- on both sides; hip flexors fair; ankle plantarflexion "
            "normal.",
            {UPPER, LOWER, LEGS_PROX, NECK},
        ),
        # Good = 4 where the scale is named
        (
            "Strength on the Daniels and Worthingham scale: elbow flexors good, hip flexors good, "
            "ankles normal.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # no scale named: the words that say weak in plain English too, and a signed "good"
        ("Hip flexors poor, deltoids fair bilaterally.", {UPPER, LOWER}),
        ("Shoulder abduction good-, hip flexion good- bilaterally.", {UPPER, LOWER}),
    ],
)
def test_lovett_word_grades(words: str, items: set[str]) -> None:
    assert strength_items(words) == items


@pytest.mark.parametrize(
    "words",
    [
        "Deltoids good, walking well.",  # praise, with no scale named: not Good (MRC 4)
        "Tumour grade: poor. Deltoids 5/5.",  # a tumour's differentiation
    ],
)
def test_a_word_that_is_no_grade_reads_no_weakness(words: str) -> None:
    assert UPPER not in strength_items(words)


# ------------------------------------------------------------------ the muscles' shorthand


def test_clinical_shorthand_of_the_leg_muscles() -> None:
    # glut med 4 (proximal lower) against tib ant and gastrocs 5 (distal lower)
    assert findings_of("MRC today: delts 5, glut med 4, tib ant 5, gastrocs 5.") == {
        UPPER: False,
        LOWER: True,
        LEGS_PROX: True,
    }


def test_the_ankle_named_with_the_foot() -> None:
    assert strength_items("Strength: hip flexors 4 bilaterally; ankles and feet full (5).") == {
        LOWER,
        LEGS_PROX,
    }


# ------------------------------------------------------------------ a grade closing its clause


@pytest.mark.parametrize(
    ("words", "items"),
    [
        (
            "Strength examined: the shoulders hold against gravity but yield to my hand "
            "(3 on both sides); ankles 5.",
            {UPPER},
        ),
        (
            "Power: the hip flexors lift the leg off the couch but not against resistance (3), "
            "ankle dorsiflexion 5.",
            {LOWER, LEGS_PROX},
        ),
    ],
)
def test_a_bracketed_grade_closing_its_clause(words: str, items: set[str]) -> None:
    assert strength_items(words) == items


def test_a_bracketed_number_in_a_sentence_about_no_strength_is_no_grade() -> None:
    assert findings_of("Shoulder aches worse at night (3).") == {}


# ------------------------------------------------------------------ the new patterns are bounded


@pytest.mark.parametrize(
    ("pattern", "hostile"),
    [
        (_style._ROMAN_OF_FIVE, "IV " * 5000 + "/X"),
        (_style._ROMAN_AFTER_MUSCLE, " \t" * 5000 + "IV/IV-x"),
        (_style._word_grade_after(("good", "fair", "poor")), " " * 5000 + "is   poor x"),
        (_strength._CLAUSE_TO_BRACKET, "a " * 5000 + "9("),
        (_strength._BRACKET_CLOSE, " " * 5000 + "/ 5 on the both   x"),
        (strength_facts._EXAMINERS_BEFORE, "my " + " " * 5000 + "x"),
    ],
)
def test_a_hostile_run_is_rejected_in_bounded_time(pattern: re.Pattern[str], hostile: str) -> None:
    assert_pattern_bounded(pattern, hostile)


# ------------------------------------------------------------------ a grade on the next line


@pytest.mark.parametrize(
    "grade",
    ["Fair bilaterally", "III/V on both sides", "Poor+, with the knees"],
)
def test_a_grade_wrapped_onto_the_line_after_its_muscle(grade: str) -> None:
    # a letter's lines of one width; the grade opens the third line, its muscle ends the second
    note = (
        "Seen in the muscle clinic today with her husband, who helps her on the stairs.\n"
        "Strength by manual muscle testing, Lovett scale: shoulder abductors good-, hip flexors\n"
        f"{grade}; ankle dorsiflexion normal on both sides, grip normal and symmetric.\n"
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


# ------------------------------------------------------------------ the examination's own date


@pytest.mark.parametrize(
    "heading",
    ["EXAMINATION (12-11-2026)", "On examination (12 November 2026)", "Exam (12-11-2026)"],
)
def test_a_section_label_with_its_date_in_brackets_dates_the_section(heading: str) -> None:
    # the referral's earlier date opens the letter; the examination is the section's own day
    from myositis_cds.ingest.text import extract_case

    note = (
        "DERMATOLOGY DAY UNIT\n"
        "Referral received: 02-10-2026 from the practice\n\n"
        "HISTORY\n"
        "A photosensitive rash since the spring; CK normal on 02-10-2026.\n\n"
        f"{heading}\n"
        "Heliotrope rash of the upper lids. Gottron's papules over the knuckles.\n"
    )
    dated = {f.code.value: f.date.isoformat() for f in extract_case(note).case.findings}
    assert dated == {"heliotrope_rash": "2026-11-12", "gottron_papules": "2026-11-12"}


# ------------------------------------------------------------------ onset and the age band


@pytest.mark.parametrize(
    ("note", "onset"),
    [
        # the age at onset in a clause of time, by age words, by decade: that many years before
        # the stated age's day (read as of 27 Nov 2026)
        (
            "A 54-year-old woman was referred with arthralgia and weakness. The weakness "
            "began gradually when she was 37 years old.",
            "2009-11-27",
        ),
        ("A 60-year-old man. He first developed a heliotrope rash aged 45.", "2011-11-27"),
        ("A 52-year-old man. His rash began in his 30s.", "2004-11-27"),
        # the complaint presented with, then how long ago
        (
            "A 41-year-old man was found to have a raised CK at a check-up 3 years ago. He "
            "presented with weakness of the proximal limbs 2 years ago.",
            "2024-11-27",
        ),
        ("Aged 48, she noticed a rash on her face three months ago.", "2026-08-27"),
        # "since"-words ending in the date's own preposition
        ("She has had weak thighs starting in June 2026.", "2026-06-01"),
    ],
)
def test_the_onset_stated_by_age_or_time_ago(note: str, onset: str) -> None:
    found = case_of(note).onset_date
    assert found is not None and found.isoformat() == onset


def test_a_year_alone_gives_way_to_the_same_years_dated_complaint() -> None:
    note = (
        "HISTORY\nHe reports rough fingertips and weak thighs starting in March 2026.\n\n"
        "OPINION\nOnset in 2026, decades after his service.\n"
    )
    assert case_of(note).onset_date == date(2026, 3, 1)


def test_a_year_alone_stays_when_the_complaint_is_of_another_year() -> None:
    note = "OPINION\nOnset in 2025, decades after his service. Rash since June 2026.\n"
    assert case_of(note).onset_date == date(2025, 1, 1)


@pytest.mark.parametrize(
    "note",
    [
        # a relative's age, and the patient's own present age
        "A 50-year-old woman with a rash. Her mother developed the same illness when she was 40.",
        "A woman aged 54 presented with a rash and weakness.",
    ],
)
def test_an_age_that_is_no_onset(note: str) -> None:
    assert case_of(note).onset_date is None
