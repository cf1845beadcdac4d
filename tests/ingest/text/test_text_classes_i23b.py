"""issue #10 (i23b): findings, strength and the patient line after opening heldout_u and
heldout30. Each class is tried in our own short vignettes (no sentence is taken from a note or a
report); the expected facts are read off the words by hand against the EULAR/ACR 2017 item
definitions (Lundberg et al., Ann Rheum Dis 2017;76:1955). Each class has a guard: a near-miss
that must not be read."""

from __future__ import annotations

import pytest

from .helpers import LEGS_PROX, LOWER, UPPER, findings_of, sex_and_age, strength_items

# ------------------------------------------------------------------ Japanese denials of a list
_JA_OPENING = "症例は 62 歳の女性。\n"


@pytest.mark.parametrize(
    "words",
    [
        # the past tense of a case report: "... were not seen", "... there was no ..."
        "ヘリオトロープ疹,ゴットロン徴候,嚥下障害はみられなかった.",
        "ヘリオトロープ疹、ゴットロン徴候、嚥下障害は認めなかった。",
        "ヘリオトロープ疹、ゴットロン徴候、嚥下障害は認められなかった。",
        "ヘリオトロープ疹,ゴットロン徴候,嚥下障害はなかった.",
        # the present-tense denial over the whole list, written with the academic comma
        "ヘリオトロープ疹,ゴットロン徴候,嚥下障害を認めず.",
    ],
)
def test_a_japanese_denial_covers_its_whole_list(words: str) -> None:
    found = findings_of(_JA_OPENING + words)
    assert found == {"heliotrope_rash": False, "gottron_sign": False, "dysphagia": False}


@pytest.mark.parametrize(
    "words",
    [
        "ヘリオトロープ疹を認め,嚥下障害はみられなかった.",  # seen, then: no dysphagia
        "ヘリオトロープ疹があり嚥下障害はなかった。",  # there is a rash, and no dysphagia
        "ヘリオトロープ疹を認めたが,嚥下障害は認められなかった。",
    ],
)
def test_a_japanese_denial_stops_at_its_clause(words: str) -> None:
    # guard: the sign affirmed in the clause before the denial stays present
    assert findings_of(_JA_OPENING + words) == {"heliotrope_rash": True, "dysphagia": False}


def test_no_improvement_is_no_denial_of_the_sign() -> None:
    # guard: "the dysphagia did not improve" says it is still there
    assert findings_of(_JA_OPENING + "嚥下障害は改善がなかった。") == {"dysphagia": True}


def test_a_wrapped_japanese_list_takes_the_denial_that_closes_its_sentence() -> None:
    # a PDF line break inside the list, and a line of the other column between
    note = (
        _JA_OPENING + "入院時の診察では\n"
        "顔面紅斑,ヘリオトロープ疹,ゴットロン徴候,爪囲紅\n"
        "これまでに多くの報告で抗体と症状の関連が\n"
        "斑,嚥下障害はみられなかった.\n"
    )
    found = findings_of(note)
    assert found.get("heliotrope_rash") is False
    assert found.get("gottron_sign") is False
    assert found.get("dysphagia") is False


def test_a_wrapped_japanese_line_with_its_own_predicate_keeps_it() -> None:
    # guard: the line says the rash was seen before it wraps; the later denial is another clause
    note = _JA_OPENING + "ヘリオトロープ疹を認め,\n嚥下障害はみられなかった.\n"
    assert findings_of(note) == {"heliotrope_rash": True, "dysphagia": False}


# ------------------------------------------------------------------ the Oxford scale
def test_oxford_grades_in_a_table_are_mrc_grades() -> None:
    # the Oxford scale is the MRC scale under its British physiotherapy name: hip flexors 4
    # both sides against full knee and ankle strength
    note = (
        "A 12-year-old boy seen 03/06/2026.\n"
        "Muscle strength (Oxford):\n"
        "  Hip flexors         Oxford 4 R   Oxford 4 L\n"
        "  Ankle dorsiflexors  Oxford 5 R   Oxford 5 L\n"
    )
    assert strength_items(note) == {LOWER, LEGS_PROX}


def test_oxford_full_grades_are_no_weakness() -> None:
    # guard: every group at Oxford 5
    note = (
        "A 12-year-old boy seen 03/06/2026.\n"
        "  Hip flexors         Oxford 5 R   Oxford 5 L\n"
        "  Ankle dorsiflexors  Oxford 5 R   Oxford 5 L\n"
    )
    assert strength_items(note) == set()


# ------------------------------------------------------------------ the patient line's columns
@pytest.mark.parametrize(
    ("line", "sex", "age"),
    [
        ("Name: Ana LOPEZ     58 F     Ward: 4B", "female", 58),
        ("Patient: [removed]   71 M   MRN 00000", "male", 71),
        ("Name: Tom Baker 39 M", "male", 39),
    ],
)
def test_age_and_sex_letter_as_columns_after_the_name(line: str, sex: str, age: int) -> None:
    assert sex_and_age(f"Ward round 14/05/2026\n{line}\nFeels stronger today.") == (sex, age)


def test_a_count_after_the_name_is_no_age() -> None:
    # guard: a lower-case word follows the letter, so it is no sex column
    assert sex_and_age("Ward round 14/05/2026\nName: Ward 7 F block.\nFeels stronger.") == (
        "unknown",
        None,
    )


# ------------------------------------------------------------------ coughing on what is swallowed
def test_spluttering_on_drinks_is_dysphagia() -> None:
    note = "A 59-year-old man seen 02/04/2026. He splutters on water and coughs on soup at meals."
    assert findings_of(note).get("dysphagia") is True


def test_a_chest_cough_beside_fluids_is_no_dysphagia() -> None:
    # guard: the cough is not tied to the drink
    note = "A 59-year-old man seen 02/04/2026. Dry cough for a week; drinking plenty of fluids."
    assert "dysphagia" not in findings_of(note)


# ------------------------------------------------------------------ a side pair before "and"
def test_an_equal_pair_before_and_is_right_and_left() -> None:
    # "4/4" is right 4 and left 4 (no grade out of 4); "and" joins the distal groups' grades
    note = (
        "A 41-year-old man seen 02/03/2026. Proximal strength of the limbs was 4/4 and distal "
        "strength of the limbs was 5/5."
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


def test_a_count_pair_before_a_noun_is_no_grade() -> None:
    # guard: "3/3 nodes" counts nodes
    note = "A 41-year-old man seen 02/03/2026. Deltoids were examined; 3/3 nodes were clear."
    assert strength_items(note) == set()


# ------------------------------------------------------------------ limbs by proximal / distal
def test_a_grid_of_limbs_by_region_gives_the_items() -> None:
    note = (
        "A 52-year-old woman seen 11/08/2026.\n"
        "Power:   prox   dist\n"
        "  UL (R/L)   4/4   5/5\n"
        "  LL (R/L)   3/3   5/5\n"
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


def test_the_heading_s_column_order_decides_the_region() -> None:
    # guard: distal first; the legs' distal grade is the weak one, proximal full
    note = (
        "A 52-year-old woman seen 11/08/2026.\n"
        "Power:   distal   proximal\n"
        "  Upper limbs   5   5\n"
        "  Lower limbs   4   5\n"
    )
    assert strength_items(note) == set()
