"""issue #10 (i27s): strength examinations written in notations and wordings the reader missed
(heldout33, heldout34 and heldout_y opened). Our own vignettes (no sentence is taken from a note
or a report). The expected items are worked out by hand against the EULAR/ACR 2017 definitions
(Lundberg et al., Ann Rheum Dis 2017;76:1955): a proximal group weak when graded below full on
both sides; the comparisons from the two groups' grades. The Motricity Index's scores are the
MRC grades weighted (Demeurisse et al., Eur Neurol 1980;19:382): 0, 9, 14, 19, 25, 33 for MRC
0-5; the manual muscle test's letter N is MRC 5."""

from __future__ import annotations

import pytest

from .helpers import LEGS_PROX, LOWER, NECK, UPPER, findings_of, present, strength_items

# ------------------------------------------------------------------ "dist" beside "prox"


def test_dist_abbreviated_beside_prox() -> None:
    note = "Clinic review.\nPower: UL prox 4/5, dist 5/5; LL prox 3/5, dist 5/5.\n"
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


def test_dist_is_the_limb_of_the_prox_before_it_in_its_clause() -> None:
    # the arms' distal grade (3) is not the legs': legs proximal 4 against distal 5
    note = "Clinic review.\nPower: UL prox 4/5, dist 3/5; LL prox 4/5, dist 5/5.\n"
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


def test_dist_graded_as_prox_is_no_comparison() -> None:
    note = "Clinic review.\nPower: UL prox 5/5, dist 5/5; LL prox 4/5, dist 4/5.\n"
    assert findings_of(note) == {UPPER: False, LOWER: True, LEGS_PROX: False}


# ------------------------------------------------------------------ the letter N in a table


def test_letter_n_declared_by_the_tables_legend_in_both_columns() -> None:
    note = (
        "Examination.\n\nMuscle power (0-5; N = normal power):\n"
        "                      R     L\n"
        "  Shoulder abduction  4     4\n"
        "  Hip flexion         4     4\n"
        "  Ankle dorsiflexion  N     N\n"
        "  Neck flexion        4   (neck extension N)\n"
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX, NECK}


@pytest.mark.parametrize("legend", ["", "Flags: H = high, L = low, N = normal.\n\n"])
def test_letter_n_without_a_strength_legend_is_not_read(legend: str) -> None:
    note = (
        f"Examination.\n\n{legend}Power:\n"
        "                      R     L\n"
        "  Hip flexion         4     4\n"
        "  Ankle dorsiflexion  N     N\n"
    )
    assert strength_items(note) == {LOWER}


# ------------------------------------------------------------------ the Motricity Index


def test_motricity_index_scores_read_as_mrc_grades() -> None:
    note = (
        "Stroke clinic.\n\nMotricity Index          Right   Left\n"
        "  Pinch grip            26      26\n"
        "  Elbow flexion         33      33\n"
        "  Shoulder abduction    25      25\n"
        "  Arm score             85      85\n"
        "  Ankle dorsiflexion    33      33\n"
        "  Knee extension        33      33\n"
        "  Hip flexion           19      19\n"
        "  Leg score             86      86\n"
    )
    # shoulders 4 and hips 3; the pinch grip's own scale gives no finger item
    assert findings_of(note) == {UPPER: True, LOWER: True, LEGS_PROX: True}


@pytest.mark.parametrize(
    ("score", "mrc"),
    # Collin and Wade 1990 (after Demeurisse 1980): 0 none, 9 palpable contraction, 14 movement
    # short of gravity, 19 against gravity, 25 against resistance but weak, 33 normal
    [("0", "0"), ("9", "1"), ("14", "2"), ("19", "3"), ("25", "4"), ("33", "5")],
)
def test_each_motricity_score_is_its_mrc_grade_exactly(score: str, mrc: str) -> None:
    from myositis_cds.ingest.text._style import _motricity_index_grades

    note = f"Motricity Index   Right\n  Elbow flexion   {score}\n"
    (got,) = _motricity_index_grades(note, note.lower())
    assert (note[got[0] : got[1]], got[2]) == (score, mrc)


@pytest.mark.parametrize("score", ["8", "10", "18", "20", "24", "26", "32", "34"])
def test_a_number_beside_a_motricity_step_is_no_grade(score: str) -> None:
    from myositis_cds.ingest.text._style import _motricity_index_grades

    note = f"Motricity Index   Right\n  Elbow flexion   {score}\n"
    assert _motricity_index_grades(note, note.lower()) == []


def test_the_same_numbers_without_the_heading_are_no_grades() -> None:
    note = (
        "Clinic.\n\nScores      Right   Left\n  Shoulder abduction  25  25\n  Hip flexion  19  19\n"
    )
    assert strength_items(note) == set()


# ------------------------------------------------------------------ "grade N with ..."


def test_grade_then_with_the_next_muscle_and_its_grade() -> None:
    note = "On examination neck flexion was grade 4 with neck extension grade 5."
    assert strength_items(note) == {NECK}


def test_a_duration_before_with_is_no_grade() -> None:
    assert strength_items("Shoulder pain for 3 months with stiffness in the mornings.") == set()


# ------------------------------------------------------------------ a grade's list of places


def test_grade_before_a_list_that_opens_with_a_joint() -> None:
    note = "Strength: grade 4 at the hips, grade 5 at the elbows, wrists and ankles."
    assert strength_items(note) == {LOWER, LEGS_PROX}


def test_a_muscle_with_its_own_grade_after_the_list_keeps_it() -> None:
    note = "Strength: 5/5 at the elbows, wrists, hip flexors 3/5, ankle dorsiflexion 5/5."
    assert strength_items(note) == {LOWER, LEGS_PROX}


# ------------------------------------------------------------------ weakness in words


@pytest.mark.parametrize(
    ("note", "items"),
    [
        ("On examination her shoulder strength was diminished on both sides.", {UPPER}),
        ("Examination: the strength in the hips was reduced bilaterally.", {LOWER}),
        ("He has weakness of the upper limbs on abduction of both arms.", {UPPER}),
        ("There was generalised weakness, most pronounced in the proximal limbs.", {UPPER, LOWER}),
    ],
)
def test_weakness_said_in_words(note: str, items: set[str]) -> None:
    assert strength_items(note) == items


@pytest.mark.parametrize(
    "note",
    [
        "Grip strength was reduced on the right.",
        "Shoulder strength was normal on both sides.",
        "She has difficulty abducting her arms to hang out the washing.",
        "Shoulder strength was not diminished.",
    ],
)
def test_no_weakness_said(note: str) -> None:
    assert present(note) & {UPPER, LOWER} == set()
