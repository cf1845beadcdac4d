"""issue #10 (i33e): what a diagnosis announces with a colon ("diagnosed at clinic 4.2.24:
heliotrope, ...", "Diagnosed by the rheumatologists on 2023-06-08: ...") is the presentation
at diagnosis, this illness's start, however long before the letter; and the strength notations
of English letters. Our own sentences (never a note's); each class has a guard."""

from __future__ import annotations

import pytest

from .helpers import LEGS_PROX, LOWER, UPPER, case_of, findings_of, strength_items


def _dated(note: str) -> set[tuple[str, bool, str]]:
    return {(f.code.value, f.present, str(f.date)) for f in case_of(note).findings}


@pytest.mark.parametrize(
    "lead",
    [
        "Diagnosed by the rheumatologists on 2023-06-08:",
        "Dermatomyositis from May 2023, diagnosed at clinic 8.6.23:",
        "Diagnosed in the day unit (8 June 2023):",
        "DM diagnosed 08/06/2023:",
    ],
)
def test_the_findings_a_diagnosis_announces_are_its_presentation(lead: str) -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman with dermatomyositis.\n\n"
        f"{lead} heliotrope rash and Gottron's papules; deltoids MRC 4.\n"
        "Today she is well."
    )
    found = _dated(note)
    assert ("heliotrope_rash", True, "2023-06-08") in found
    assert ("gottron_papules", True, "2023-06-08") in found


def test_a_tumour_diagnosed_long_ago_announces_no_presentation() -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman with dermatomyositis.\n\n"
        "Diagnosed with ductal carcinoma of the breast in 2009: heliotrope rash at the time.\n"
        "Today she is well."
    )
    assert not any(code == "heliotrope_rash" for code, _, _ in _dated(note))


def test_symptoms_named_before_a_dated_diagnosis_stay_old() -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman.\n\n"
        "Heliotrope rash in 2019 (dermatomyositis diagnosed June 2019: treated).\n"
        "Today she is well."
    )
    assert not any(code == "heliotrope_rash" for code, _, _ in _dated(note))


# --------------------------------------------------------------------------- strength notations
@pytest.mark.parametrize(
    "exam",
    [
        "Power: deltoids Gr 4 B/L, iliopsoas Gr 3 B/L, ankle DF Gr 5 B/L.",
        "Power: shoulder abduction 4- b/l, hip flexion 4 b/l, ankle dorsiflexion 5 b/l.",
    ],
)
def test_bl_is_both_sides(exam: str) -> None:
    note = f"Clinic 20/11/2026. A 55-year-old man.\n{exam}"
    assert strength_items(note) >= {UPPER, LOWER, LEGS_PROX}


def test_a_grade_without_bl_is_still_read_and_one_side_stays_one_side() -> None:
    note = "Clinic 20/11/2026. A 55-year-old man.\nPower: deltoid 4 R, 5 L; hip flexion 5 B/L."
    assert UPPER not in strength_items(note)
    assert LOWER not in strength_items(note)


@pytest.mark.parametrize("joint", ["and", "&"])
def test_each_sides_grade_out_of_five_joined_by_and_under_a_right_left_heading(joint: str) -> None:
    note = (
        "Clinic 20/11/2026. A 55-year-old man.\n"
        "Power (Roman numerals, right / left):\n"
        f"  shoulder abduction III/V {joint} III/V; hip flexion II/V {joint} III/V;\n"
        f"  ankle dorsiflexion V/V {joint} V/V."
    )
    assert strength_items(note) >= {UPPER, LOWER, LEGS_PROX}


def test_a_right_left_pair_of_bare_grades_stays_a_pair() -> None:
    note = (
        "Clinic 20/11/2026. A 55-year-old man.\n"
        "Power (right / left): deltoid 4/5 and biceps 5/5; hip flexion 5/5 and knee 5/5."
    )
    # "4/5" under a right / left heading is right 4 and left 5: one side only
    assert UPPER not in strength_items(note)


_KEYED = (
    "Clinic 20/11/2026. A 55-year-old woman.\n"
    "Power (MRC by segment: D deltoid, B biceps, I iliopsoas, Q quadriceps, T tibialis "
    "anterior):\n"
    "  {rows}\n"
)


@pytest.mark.parametrize(
    "rows",
    [
        "R: D4 B4 I3 Q4 T5    L: D4 B4+ I3 Q4 T5",
        "Right: D4- B5 I4 Q5 T5  Left: D4 B5 I4- Q5 T5",
        "D4 B5 I3 Q5 T5",  # no side label: both sides
    ],
)
def test_a_letter_code_is_read_with_its_key(rows: str) -> None:
    assert strength_items(_KEYED.format(rows=rows)) >= {UPPER, LOWER, LEGS_PROX}


def test_a_letter_code_full_strength_is_no_weakness() -> None:
    found = findings_of(_KEYED.format(rows="R: D5 B5 I5 Q5 T5  L: D5 B5 I5 Q5 T5"))
    assert found.get(UPPER) is False
    assert found.get(LOWER) is False


def test_letters_without_a_key_are_no_grades() -> None:
    note = "Clinic 20/11/2026. A 55-year-old woman.\nStaging: T3 N0 M0; ECOG 1; G2 P0.\n"
    assert strength_items(note) == set()


def test_a_code_whose_letters_are_not_in_the_key_is_not_read() -> None:
    note = _KEYED.format(rows="Tumour T3 N1 M0 graded G3.")
    assert strength_items(note) == set()
