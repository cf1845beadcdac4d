"""Strength examinations of the seventeenth set's languages and layouts (issue #10, i10az).

Classes, each tested with sentences we wrote in several languages and layouts, and guards:

* the movers of a joint named with the joint after a preposition, as Romance letters write
  them ("abduttori di spalla 4/5", "flessori d'anca 4-/5", "flexori șold 3/5", "fléchisseurs de
  la hanche 3/5", "flexores de la cadera"), and the neck's movers in Romanian and Catalan
  ("flexori cervicali 4/5, extensori cervicali 5/5") (rules/strength.yaml, i10az);
* a movement's shorthand or its movers alone after the joint's muscle ("neck flex 3/5 (ext 5)",
  "flexori cervicali 4/5, extensori 5/5"): the same joint's other movement
  (rules/strength.yaml ``ellipsis``).

Expected items worked out by hand from the 2017 EULAR/ACR definitions (Lundberg et al., Ann
Rheum Dis 2017;76:1955): a proximal group graded below 5 on both sides (or with no side) is
that group's weakness; neck flexors graded lower than the extensors, proximal leg muscles
lower than distal ones are the comparison items; a group graded 5 is absent.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    findings_of,
    strength_items,
)

LEAD = "Female, 52 years old, dermatomyositis. "


# ------------------------------------------- the movers of a joint named with the joint after
@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # Italian discharge letter: shoulder abductors 4, hip flexors 4-, distal 5
        (
            "Forza (MRC): abduttori di spalla 4/5 bilat., flessori d'anca 4-/5 bilat., "
            "estensori del ginocchio 4/5, muscolatura distale 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # Spanish: the joint with its article; hips 3 against ankles 5
        (
            "Fuerza: abductores del hombro 4/5, flexores de la cadera 3/5, tobillos 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # Portuguese (Brazil and Portugal words for the hip)
        (
            "Força muscular: abdução dos ombros 4/5, flexão do quadril 4/5, flexores da anca "
            "4/5, tornozelos 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # French: the movers with "de la" and "des"
        (
            "Testing: abducteurs des épaules 4/5, fléchisseurs de la hanche 3/5, "
            "chevilles 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # Romanian, comma-below and cedilla spellings of ș
        (
            "Testing muscular (MRC): abductorii umărului 4/5, flexori șold 3/5, glezne 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        ("Testing muscular: flexorii şoldului 4/5 bilateral.", {LOWER}),
        # Catalan
        (
            "Força: abducció de l'espatlla 4/5, flexors del maluc 4/5, turmells 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # the same movers at full strength: no item present
        ("Forza: abduttori di spalla 5/5, flessori d'anca 5/5.", set()),
    ],
)
def test_romance_movers_of_a_joint(exam: str, expected: set[str]) -> None:
    assert strength_items(LEAD + exam) == expected


def test_movers_at_full_strength_record_the_items_absent() -> None:
    # hand-worked: both proximal groups graded 5/5 → weakness assessed and absent, not missing
    found = findings_of(LEAD + "Fuerza: abductores del hombro 5/5, flexores de la cadera 5/5.")
    assert found.get(UPPER) is False
    assert found.get(LOWER) is False


@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # Romanian: flexors 4 against extensors 5
        ("Testing muscular: flexori cervicali 4/5, extensori cervicali 5/5.", {NECK}),
        # the movers alone after the neck's (ellipsis)
        ("Testing muscular: flexorii gâtului 3/5, extensorii 5/5.", {NECK}),
        # Catalan and French movement names
        ("Força: flexió del coll 3/5, extensió del coll 5/5.", {NECK}),
        ("Force : flexion du cou 4/5, extension du cou 5/5.", {NECK}),
        # guard: equal grades are no comparison
        ("Testing muscular: flexori cervicali 4/5, extensori cervicali 4/5.", set()),
    ],
)
def test_neck_movers_in_romance_words(exam: str, expected: set[str]) -> None:
    assert strength_items(LEAD + exam) & {NECK} == expected


def test_neck_flexors_equal_to_extensors_is_assessed_absent() -> None:
    found = findings_of(LEAD + "Testing muscular: flexori cervicali 4/5, extensori cervicali 4/5.")
    assert found.get(NECK) is False


# ------------------------------------------------- a movement's shorthand after its joint
@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # flexion 3 against extension 5 (in brackets, a bare grade)
        ("Power: neck flex 3/5 (ext 5), deltoids 5/5.", {NECK}),
        ("Power: neck flex 3/5, ext 5/5.", {NECK}),
        # the hip's abduction shorthand: the hip's group
        ("Power: hip flex 5/5, abd 4/5, ankle DF 5/5.", {LOWER, LEGS_PROX}),
        # guard: flexion stronger than extension is not the item
        ("Power: neck flex 5/5 (ext 4).", set()),
    ],
)
def test_movement_shorthand_takes_its_joint(exam: str, expected: set[str]) -> None:
    assert strength_items(LEAD + exam) == expected


def test_shorthand_alone_without_a_joint_grades_nothing() -> None:
    # "ext 4" with no muscle before it names no joint: strength not assessed (no finding)
    found = findings_of(LEAD + "Power: ext 4/5.")
    assert UPPER not in found and LOWER not in found and NECK not in found


# ------------------------------------- both girdles by one plural noun and two adjectives
_BOTH_LEGS = {UPPER, LOWER, LEGS_PROX}


@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # Brazilian Portuguese, Roman grades: girdles IV, distal V in arms and legs
        (
            "Força muscular: grau IV em cinturas escapular e pélvica; grau V distal em MMSS e "
            "MMII.",
            _BOTH_LEGS,
        ),
        ("Fuerza: 4/5 en cinturas escapular y pélvica, 5/5 distal.", _BOTH_LEGS),
        ("Force : ceintures scapulaire et pelvienne 3/5, distal 5/5.", _BOTH_LEGS),
        ("Forza: cingoli scapolare e pelvico 4-/5, distale 5/5.", _BOTH_LEGS),
        ("Forța: centurile scapulară și pelviană 4/5, distal 5/5.", _BOTH_LEGS),
        ("Kraft: Schulter- und Beckengürtel 4/5, distal 5/5.", _BOTH_LEGS),
        ("Siła mięśni obręczy barkowej i biodrowej 4/5, dystalnie 5/5.", _BOTH_LEGS),
        # the other order of the adjectives
        ("Força: cinturas pélvica e escapular grau III, distal grau V.", _BOTH_LEGS),
        # guard: both girdles and the distal muscles at full strength
        ("Fuerza: cinturas escapular y pélvica 5/5, distal 5/5.", set()),
        # guard: a girdle's skin site is no grade ("eritema en cinturas escapular y pélvica")
        ("Eritema en cinturas escapular y pélvica. Hemoglobina 12.", set()),
    ],
)
def test_both_girdles_by_one_noun(exam: str, expected: set[str]) -> None:
    assert strength_items(LEAD + exam) == expected
