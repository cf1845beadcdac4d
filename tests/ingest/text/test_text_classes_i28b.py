"""Failure classes of the opened set reports:heldout_z (issue #10, round 28, helper i28b): a
muscle enzyme's activity in the bare unit "IU" (the litre left out), and a second muscle group
set beside a forward grade's list ("with", "but", "whereas") with a grade of its own. Every
vignette is our own; expected values are worked out by hand (the thresholds of
rules/lexicon.yaml: a bare CK or LDH above 1000 U/L, a bare AST/ALT above 79 U/L)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import findings_of, labs_coded


# ------------------------------------------------------------ enzymes in the bare unit "IU"
@pytest.mark.parametrize(
    ("words", "code", "value", "above"),
    [
        ("Her LDH measured 2875 IU.", "ldh", 2875, True),
        ("The SGPT was 312 IU on admission.", "alt", 312, True),
        ("Serum creatine kinase 6400 IU at presentation.", "ck", 6400, True),
        ("SGOT was 25 IU.", "ast", 25, None),  # within every range: not judged
    ],
)
def test_enzyme_in_bare_international_units_is_read_per_litre(
    words: str, code: str, value: float, above: bool | None
) -> None:
    (lab,) = labs_coded(f"A 52-year-old man. {words}", code)
    assert (lab.value, lab.unit) == (value, "U/L")
    assert lab.is_above_uln is above


def test_bare_u_keeps_its_own_unit() -> None:
    # guard: a bare "U" may be an older laboratory's own unit (CK range 0-20): not read as U/L
    (lab,) = labs_coded("A 52-year-old man. CK 2500 U (0-20).", "ck")
    assert lab.unit == "U"


def test_bare_international_units_of_a_dose_are_no_enzyme() -> None:
    # guard: "IU" after a vitamin's dose is a dose, not a laboratory unit of an enzyme
    assert labs_coded("A 52-year-old man. Given vitamin D 50000 IU weekly.", "ck") == []


# ------------------------------------ a second group set beside a forward grade, with its own grade
@pytest.mark.parametrize(
    "words",
    [
        "Power of 3/5 in both hip flexors with the distal extremities at 5/5.",
        "Muscle strength 2/5 at the iliopsoas whereas ankle dorsiflexion was 4/5.",
        "Graded 3/5 in the thighs but the distal limbs 5/5 on both sides.",
    ],
)
def test_group_beside_a_forward_grade_keeps_its_own_grade(words: str) -> None:
    found = findings_of(f"A 35-year-old woman. {words}")
    assert found.get("legs_proximal_weaker_than_distal") is True


def test_group_after_with_and_no_grade_of_its_own_shares_the_forward_grade() -> None:
    # guard: with no grade after it, the group beside is graded with the list (equal grades)
    found = findings_of(
        "A 35-year-old woman. Power 4/5 in the hip flexors with the ankle dorsiflexors."
    )
    assert found.get("legs_proximal_weaker_than_distal") is not True


# ------------------------------------------------------ a range of Roman grades out of V
@pytest.mark.parametrize(
    ("words", "code"),
    [
        (
            "A la exploración, fuerza de cintura escapular (II-III/V) bilateral.",
            "weakness_proximal_upper",
        ),
        ("On examination the hip flexors were III-IV/V on both sides.", "weakness_proximal_lower"),
    ],
)
def test_roman_grade_range_out_of_five_is_read(words: str, code: str) -> None:
    assert findings_of(f"A 61-year-old woman. {words}").get(code) is True


@pytest.mark.parametrize(
    ("distal", "weaker"),
    [("IV/V", True), ("III/V", None)],  # the range is read as its middle, 3.5
)
def test_roman_grade_range_is_read_as_its_middle(distal: str, weaker: bool | None) -> None:
    found = findings_of(
        f"A 61-year-old woman. Strength: hip flexors III-IV/V, ankle dorsiflexors {distal}."
    )
    assert (found.get("legs_proximal_weaker_than_distal") or None) is weaker
