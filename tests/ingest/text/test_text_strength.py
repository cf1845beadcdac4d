"""The strength-examination reader: MRC/Kendall grades by muscle or movement → the EULAR/ACR
weakness items (objective symmetric proximal weakness of arms and of legs, neck flexors weaker
than extensors, legs proximal weaker than distal). Each expectation is read off the vignette by
hand: a proximal group graded below 5 on both sides (or with no side) is weak, graded 5 is not."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._strength import grades_in, read_grades
from tests.ingest.text.helpers import TODAY


def findings(note: str) -> dict[str, bool]:
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    return {f.code.value: f.present for f in case.findings}


# ------------------------------------------------------------------ the grade grammar alone
@pytest.mark.parametrize(
    ("words", "values"),
    [
        ("4/5", [4.0]),
        ("4-/5", [3.67]),
        ("4+/5", [4.33]),
        ("MRC 3", [3.0]),
        ("8/10", [4.0]),  # Kendall 0-10
        ("5/5", [5.0]),
        ("deltoids 4/5.", [4.0]),  # a grade that ends the sentence
        ("for 3 months", []),  # a duration, not a grade
        ("on 3/12/2024", []),  # a date
        ("4/12", []),  # four months (UK shorthand), not a grade
        ("2.5 cm", []),
    ],
)
def test_grades_are_read_and_durations_dates_and_sizes_are_not(
    words: str, values: list[float]
) -> None:
    assert [round(g.value, 2) for g in grades_in(words, 0, len(words))] == values


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a coordinated list shares the grade that follows it
        (
            "shoulder abduction and hip flexion are 4/5 bilaterally",
            [("proximal_upper", "both", 4.0), ("proximal_lower", "both", 4.0)],
        ),
        # a grade with a side, then another for the other side, go to the same muscle
        (
            "Deltoid 3/5 R, 4/5 L",
            [("proximal_upper", "right", 3.0), ("proximal_upper", "left", 4.0)],
        ),
        # a grade before the muscles it governs
        (
            "4/5 power in the deltoids and hip flexors",
            [("proximal_upper", None, 4.0), ("proximal_lower", None, 4.0)],
        ),
        # an R|L table row: two grades without a side are right, then left
        ("Iliopsoas  4-  3", [("proximal_lower", "right", 3.67), ("proximal_lower", "left", 3.0)]),
        # a bare number separated from the muscle by other words is not its grade
        ("shoulder pain for 3 months", []),
    ],
)
def test_grades_go_to_their_muscles(words: str, expected: list[tuple[str, str, float]]) -> None:
    muscles = rules().muscles.find(words)
    got = [(r.group, r.side, round(r.grade, 2)) for r in read_grades(words, 0, len(words), muscles)]
    assert got == expected


# ------------------------------------------------------------------ grades → EULAR/ACR items
def test_a_graded_list_gives_both_proximal_items_and_both_comparisons() -> None:
    note = (
        "67F. O/E: Deltoids 4/5, biceps 4+/5, iliopsoas 3/5, quadriceps 4/5. "
        "Ankle dorsiflexion 5/5. Neck flexion 3/5, neck extension 5/5."
    )
    assert findings(note) == {
        "weakness_proximal_upper": True,
        "weakness_proximal_lower": True,
        "neck_flexors_weaker_than_extensors": True,  # 3 < 5
        "legs_proximal_weaker_than_distal": True,  # iliopsoas 3 < dorsiflexion 5
    }


def test_grades_are_not_negated_by_a_complaint_in_another_clause() -> None:
    note = (
        "A 60-year-old woman. Although she has no complaint of weakness, shoulder abduction "
        "and hip flexion are 4/5 bilaterally."
    )
    got = findings(note)
    assert got["weakness_proximal_upper"] is True
    assert got["weakness_proximal_lower"] is True


def test_full_power_throughout_is_no_weakness() -> None:
    got = findings("Man aged 50. On examination power is 5/5 throughout.")
    assert got == {
        "weakness_proximal_upper": False,
        "weakness_proximal_lower": False,
        "legs_proximal_weaker_than_distal": False,  # 5 is not weaker than 5
    }


def test_weakness_on_one_side_only_is_shown_but_not_the_symmetric_item() -> None:
    result = extract_case(
        "Woman aged 50. Right deltoid 4/5, left deltoid 5/5.", anchor=TODAY, today=TODAY
    )
    assert not any(f.code.value == "weakness_proximal_upper" for f in result.case.findings)
    fact = next(f for f in result.facts if f.code == "weakness_proximal_upper")
    assert (fact.status, fact.value["side"], fact.in_case) == ("present", "right", False)
    assert any("symmetric" in w for w in result.warnings)


def test_neck_comparison_needs_both_neck_grades() -> None:
    # flexors graded, extensors not: "weaker than extensors" cannot be read
    got = findings("Woman aged 50. Neck flexion 4/5, deltoids 4/5.")
    assert "neck_flexors_weaker_than_extensors" not in got
    assert got["weakness_proximal_upper"] is True


def test_legs_equal_proximal_and_distal_is_not_proximal_weaker() -> None:
    got = findings("Woman aged 50. Hip flexors 4/5 and ankle dorsiflexors 4/5.")
    assert got["legs_proximal_weaker_than_distal"] is False
    assert got["weakness_proximal_lower"] is True


def test_a_graded_table_is_read() -> None:
    note = (
        "Woman aged 50.\n\nMRC      R   L\nDeltoid  4   4\nIliopsoas 4-  3\nTibialis anterior 5 5\n"
    )
    assert findings(note) == {
        "weakness_proximal_upper": True,
        "weakness_proximal_lower": True,
        "legs_proximal_weaker_than_distal": True,  # 3 < 5
    }


def test_kendall_grades_out_of_ten() -> None:
    got = findings("Man aged 40. Deltoids 8/10, gluteus medius 7/10, wrist extensors 10/10.")
    assert got["weakness_proximal_upper"] is True  # 8/10 is below full strength
    assert got["weakness_proximal_lower"] is True


def test_a_relatives_strength_is_not_the_patients() -> None:
    got = findings("Woman aged 50. Her mother had deltoids 4/5 from a stroke.")
    assert "weakness_proximal_upper" not in got


def test_difficulty_with_a_task_is_a_symptom_not_objective_weakness() -> None:
    result = extract_case(
        "A 62-year-old man with difficulty getting up from a chair and combing his hair.",
        anchor=TODAY,
        today=TODAY,
    )
    assert result.case.findings == []
    symptoms = {f.code for f in result.facts if f.value.get("symptom")}
    assert symptoms == {"weakness_proximal_lower", "weakness_proximal_upper"}
    assert any("symptom, not objective" in w for w in result.warnings)


def test_weak_hip_flexors_in_words_are_objective_weakness() -> None:
    got = findings("A 62-year-old man with weak hip flexors and shoulder girdle weakness.")
    assert got == {"weakness_proximal_lower": True, "weakness_proximal_upper": True}


@pytest.mark.parametrize(
    "words",
    [
        "Shoulder: 3 injections so far.",
        "Hip X-ray: grade 2 osteoarthritis.",
        "Knee extension deficit of 10 degrees.",
    ],
)
def test_numbers_near_a_muscle_that_are_not_grades(words: str) -> None:
    assert findings(f"A 60-year-old man. {words}") == {}


def test_a_movement_without_its_joint_takes_the_joint_before_it() -> None:
    got = findings("58M. Neck flexion 4-/5, extension 5/5. Deltoids 4/5.")
    assert got["neck_flexors_weaker_than_extensors"] is True  # 3.67 < 5


def test_an_r_l_row_with_sides_before_each_grade() -> None:
    note = "Woman, 47.\nMMT: Deltoids R 4 L 4; Iliopsoas R 3 L 3; Tibialis anterior R 5 L 5."
    assert findings(note) == {
        "weakness_proximal_upper": True,
        "weakness_proximal_lower": True,
        "legs_proximal_weaker_than_distal": True,
    }
