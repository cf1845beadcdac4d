"""issue #10 (i31e): a site denied or set aside by the words just before it is not the lesion's
place ("weakness, not proximal in distribution", "distal rather than proximal weakness",
"fraqueza não proximal"), while a denied word standing aside between a site and its lesion
still links them ("proximal, not distal, weakness"). Our own sentences (never a note's); each
class has a guard."""

from __future__ import annotations

import pytest

from .helpers import LEGS_PROX, LOWER, UPPER, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "A 47-year-old woman with weakness, not proximal in distribution, and a rash.",
        "A 62-year-old man; the weakness was not proximal but distal, in the hands.",
        "A 39-year-old man with distal rather than proximal weakness of the legs.",
        "A 55-year-old woman with weakness of the hands instead of proximal muscles.",
        "A 58-year-old man with non-proximal weakness and dysphagia.",
        "Mulher de 44 anos com fraqueza não proximal e disfagia.",
        "Varón de 51 años con debilidad no proximal desde marzo.",
        "Femme de 49 ans, faiblesse non proximale depuis un an.",
    ],
)
def test_denied_site_is_no_proximal_weakness(text: str) -> None:
    found = findings_of(text)
    assert UPPER not in found
    assert LOWER not in found


@pytest.mark.parametrize(
    "text",
    [
        "A 47-year-old woman with proximal, not distal, weakness.",
        "A 47-year-old woman with proximal (not distal) weakness.",
        "A 47-year-old woman with proximal, but not distal, muscle weakness.",
        "A 47-year-old woman with weakness that was proximal, not distal.",
        "A 47-year-old woman with proximal rather than distal weakness.",
    ],
)
def test_proximal_with_distal_denied_stays_proximal(text: str) -> None:
    # guard: the denial is the other site's
    found = findings_of(text)
    assert found.get(UPPER) is True
    assert found.get(LOWER) is True


def test_negator_before_site_and_lesion_still_denies_the_weakness() -> None:
    # guard: "no proximal weakness" denies the weakness itself
    found = findings_of("A 47-year-old woman with a rash. No proximal muscle weakness.")
    assert found.get(UPPER) is False
    assert found.get(LOWER) is False


def test_aside_needs_its_closing_mark() -> None:
    # guard: "no" before the lesion's own words is the lesion's negation, not an aside
    found = findings_of("A 47-year-old woman with tenderness, proximal, no muscle weakness.")
    assert found.get(UPPER) is not True


# a strength table declared on the Kendall 0-10 scale, right after a line naming a skin score:
# the table's own heading stands between, so its rows are grades, not the skin grid's scores
_KENDALL_AFTER_SKIN = (
    "A 57-year-old woman with dermatomyositis.\n"
    "Visit 2 (03/03/2026)\n"
    "CDASI activity 14 (heliotrope present, papules present).\n"
    "MMT-8 (Kendall 0-10, left side):\n"
    "  Neck flexors 8 | Deltoid 6 | Biceps 9 | Gluteus medius 7 |\n"
    "  Quadriceps 9 | Ankle dorsiflexors 10\n"
)


def test_kendall_table_after_a_skin_score_is_read() -> None:
    found = findings_of(_KENDALL_AFTER_SKIN)
    assert found.get(UPPER) is True
    assert found.get(LOWER) is True
    assert found.get(LEGS_PROX) is True


def test_skin_grid_after_a_strength_heading_is_no_strength() -> None:
    # guard: the skin grid's own name is the later heading over its rows
    text = (
        "A 57-year-old woman with dermatomyositis.\n"
        "MMT-8 (Kendall 0-10): deltoid 10, gluteus medius 10.\n"
        "CDASI activity\n"
        "| Upper back and shoulders | 2 | 1 | 1 |\n"
        "| Hips | 3 | 1 | 0 |\n"
    )
    found = findings_of(text)
    assert found.get(UPPER) is not True
    assert found.get(LOWER) is not True


@pytest.mark.parametrize(
    "text",
    [
        "A 12-year-old girl. Power: hip abductors 4/5, deltoids 4+/5, otherwise normal 5/5.",
        "A 12-year-old girl. Power: hip flexors 4/5, deltoids 4/5; elsewhere full power 5/5.",
        "A 12-year-old girl. Power: hip flexors 4-/5, otherwise normal 5/5 (wrists, ankles).",
    ],
)
def test_otherwise_normal_grade_grades_the_other_groups(text: str) -> None:
    assert findings_of(text).get(LEGS_PROX) is True


def test_otherwise_normal_without_a_grade_grades_nothing() -> None:
    # guard: "otherwise normal" with no explicit grade after it is no grade of the other groups
    text = "A 12-year-old girl. Power: hip flexors 4/5, otherwise normal. Grip was weak."
    assert LEGS_PROX not in findings_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "A 71-year-old woman with a heliotrope rash; she is coughing at meals.",
        "A 66-year-old man with a rash who coughs when eating and drinking.",
        "A 59-year-old man with Gottron's papules, coughing during mealtimes.",
    ],
)
def test_cough_tied_to_meals_is_dysphagia(text: str) -> None:
    assert findings_of(text).get("dysphagia") is True


@pytest.mark.parametrize(
    "text",
    [
        "A 71-year-old woman with a heliotrope rash, coughing at night.",
        "A 66-year-old man with a rash and a cough with green sputum.",
    ],
)
def test_cough_not_tied_to_meals_is_no_dysphagia(text: str) -> None:
    # guard: a chest's cough
    assert "dysphagia" not in findings_of(text)
