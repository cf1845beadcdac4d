"""issue #10 (i34e): strength notations and list forms of heldout38's English notes the reader
missed. Our own vignettes (no sentence is taken from a note). The expected items are worked out by
hand against the EULAR/ACR 2017 definitions (Lundberg et al., Ann Rheum Dis 2017;76:1955): a
proximal group weak when graded below full on both sides; the comparisons from the two groups'
grades."""

from __future__ import annotations

import pytest

from .helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    antibody_results,
    findings_of,
    strength_items,
)

# ------------------------------------------------------------------ arrows of change from normal


@pytest.mark.parametrize(("down", "much", "same"), [("↓", "↓↓", "↔"), ("⇓", "⇓⇓", "⇔")])
def test_arrow_before_the_grade_is_no_barrier(down: str, much: str, same: str) -> None:
    note = (
        "Review.\nPower (MRC; arrow = change from normal):\n"
        f"  deltoids {down} 4 | wrist ext {same} 5 | hip flex {much} 3 | ankle DF {same} 5"
        f" | neck flexors {down} 4 | neck extensors {same} 5\n"
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX, NECK}


def test_unchanged_arrow_with_full_grades_is_no_weakness() -> None:
    note = "Review.\nPower: shoulder abduction ↔ 5, hip flexion ↔ 5, ankle dorsiflexion ↔ 5.\n"
    assert findings_of(note) == {UPPER: False, LOWER: False, LEGS_PROX: False}


def test_arrow_without_a_grade_reads_nothing() -> None:
    assert strength_items("Review.\nCK ↑ 3 weeks ago. Deltoids ↓.\n") == set()


# ------------------------------------------------------------------ the sides as an equality


@pytest.mark.parametrize("sides", ["R=L", "L = R", "right=left", "Rt = Lt"])
def test_sides_written_as_an_equality_are_both(sides: str) -> None:
    note = f"Seen. Power: biceps 4/5 ({sides}), iliopsoas 4-/5 ({sides}), EHL 5/5 ({sides}).\n"
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


@pytest.mark.parametrize("sides", ["R", "R>L", "L<R"])
def test_one_side_or_an_inequality_is_not_both(sides: str) -> None:
    note = f"Seen today. Power: biceps 4/5 ({sides}), iliopsoas 4-/5 ({sides}).\n"
    assert strength_items(note) == set()


# ------------------------------------------------------------------ colon pairs after "R:L"


def test_colon_pairs_after_a_right_left_heading() -> None:
    note = "Seen today.\nMuscle power R:L: deltoid 4+:4, hip flexors 3:3-, ankle PF 5:5.\n"
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


def test_colon_pairs_in_a_table_under_the_heading() -> None:
    note = "Seen today.\n\nStrength (right : left)\n  Deltoids      4:4\n  Iliopsoas     3:4\n"
    assert strength_items(note) == {UPPER, LOWER}


def test_colon_pairs_without_the_heading_are_not_read() -> None:
    note = "Seen today. Power: deltoid 4:4, hip flexors 3:3 at 10:20.\n"
    assert strength_items(note) == set()


def test_one_side_weak_in_a_colon_pair_is_no_symmetric_weakness() -> None:
    note = "Seen today.\nPower (R:L) - biceps 5:4, quadriceps 5:5, hip flexion 5:5.\n"
    assert strength_items(note) == set()


# ------------------------------------------------------------------ a joint's movements graded


def test_a_joints_movements_take_the_grade() -> None:
    note = "Examination. Hip movements: grade 3 both sides. Foot and ankle movements grade 5.\n"
    assert strength_items(note) == {LOWER, LEGS_PROX}


def test_movements_without_a_grade_give_none() -> None:
    note = "Examination. Shoulder movements painful at the extremes. Biceps 4/5 bilaterally.\n"
    assert strength_items(note) == {UPPER}


# ------------------------------------------------------------------ a result word opening a line


@pytest.mark.parametrize("word", ["NEGATIVE.", "Negative;", "neg", "NOT DETECTED."])
def test_result_word_on_the_next_line_is_the_lists(word: str) -> None:
    note = (
        "Immunology 02/10/2026: anti-MDA5 POSITIVE (+++); anti-Mi-2, SAE1, anti-NXP2\n"
        f"{word} Chest X-ray clear.\n"
    )
    assert antibody_results(note) == {
        "MDA5": "positive",
        "MI2": "negative",
        "SAE1": "negative",
        "NXP2": "negative",
    }


def test_result_word_opening_a_sentence_of_its_own_is_not_joined() -> None:
    note = "Immunology 02/10/2026: anti-PL-7 positive. Skin biopsy, arm\nNegative for vasculitis.\n"
    assert antibody_results(note) == {"PL7": "positive"}


def test_movements_said_normal_in_words_are_no_grade() -> None:
    note = "Examination. Deltoids 4/5 bilaterally. Fine finger movements normal, grip good.\n"
    assert findings_of(note) == {UPPER: True}
