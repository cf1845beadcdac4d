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
            "Testing: abducteurs des épaules 4/5, fléchisseurs de la hanche 3/5, chevilles 5/5.",
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


# --------------------- a grade said "N over 5" in the examination's language, "on" the muscles
@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # French case report: hips 2, shoulders 4, ankles and wrists normal (said in words)
        (
            "À l'examen, faiblesse musculaire symétrique cotant 2 sur 5 sur les hanches et 4 "
            "sur 5 sur les épaules. La force musculaire du cou, des poignets, des mains et des "
            "chevilles était normale.",
            _BOTH_LEGS,
        ),
        # Italian "su 5", Spanish "de 5", Romanian "din 5", German "von 5", Croatian "od 5"
        ("Forza: anche 3 su 5, spalle 4 su 5, caviglie 5 su 5.", _BOTH_LEGS),
        ("Fuerza muscular: caderas 3 de 5, hombros 4 de 5, tobillos 5 de 5.", _BOTH_LEGS),
        ("Forța musculară: șolduri 3 din 5, umeri 4 din 5, glezne 5 din 5.", _BOTH_LEGS),
        ("Kraft: Hüftbeuger 3 von 5, Schulterabduktion 4 von 5.", {UPPER, LOWER}),
        ("Snaga: fleksori kuka 3 od 5 obostrano.", {LOWER}),
        # Spanish "sobre" before the muscles, and the word grade after a Portuguese copula
        (
            "Debilidad muscular 3/5 sobre los hombros. A força dos tornozelos era normal.",
            {UPPER},
        ),
        (
            "Força muscular: quadris 3/5; a força dos tornozelos era normal.",
            {LOWER, LEGS_PROX},
        ),
    ],
)
def test_grade_over_five_in_the_examinations_language(exam: str, expected: set[str]) -> None:
    assert strength_items(LEAD + exam) == expected


@pytest.mark.parametrize(
    "note",
    [
        # a count, not a grade: no strength word near "2 de 5"
        "Se biopsiaron 2 de 5 ganglios. Fuerza conservada.",
        "Recibió 2 de 5 ciclos de quimioterapia.",
        # "z 5" of a Polish count of cycles, "su 5" of an Italian count of biopsies
        "Otrzymała 2 z 5 cykli chemioterapii.",
        "Positivi 2 su 5 linfonodi asportati.",
        # a count right after a graded muscle's name and a strength word: the counted noun
        # after "5" says it is a count
        "Biopsia muscular del cuádriceps: 2 de 5 fragmentos con necrosis.",
        "Biopsie musculaire du deltoïde : 3 sur 5 fragments envahis.",
    ],
)
def test_counts_of_five_are_no_grades(note: str) -> None:
    assert strength_items(LEAD + note) == set()


# ------------------------------- a site before its lesion, across a list's comma (t04 class)
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the arms are tender, the thighs' muscles weak: the legs only
        (
            "An 83-year-old woman. Her examination showed tenderness to palpation of her upper "
            "arms and thighs, and weakness of her proximal quadriceps and psoas muscles.",
            {LOWER},
        ),
        # the mirror: the thighs are tender, the shoulders weak
        (
            "A 60-year-old man. Examination: tenderness of the thighs, and weakness of both "
            "shoulders.",
            {UPPER},
        ),
        # guard: with no place of its own after it, the weakness keeps the sites before it
        (
            "A 60-year-old man. Examination: shoulders and hips, weakness graded 4/5.",
            {UPPER, LOWER},
        ),
    ],
)
def test_site_before_a_lesion_placed_after(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ------------------------------ a plural group of people presenting in general (t10 class)
@pytest.mark.parametrize(
    "sentence",
    [
        "Children also present with symmetric proximal muscle weakness.",
        "Adults often develop proximal muscle weakness over weeks.",
        "Los niños también presentan debilidad muscular proximal simétrica.",
        "As crianças apresentam fraqueza muscular proximal.",
        "Les enfants présentent une faiblesse musculaire proximale.",
        "I bambini presentano debolezza muscolare prossimale.",
    ],
)
def test_people_in_general_present_with_weakness(sentence: str) -> None:
    note = "A 10-year-old girl with a rash on her eyelids. " + sentence
    assert strength_items(note) == set()


@pytest.mark.parametrize(
    "note",
    [
        # the patient's own, beside her children: still hers
        "A 40-year-old woman; her two children have asthma. She has proximal muscle weakness.",
        "A 40-year-old woman whose children present with asthma has proximal muscle weakness.",
    ],
)
def test_a_persons_children_are_no_general_statement(note: str) -> None:
    assert strength_items(note) == {UPPER, LOWER}


# ------------------------------------- German limbs, "weakened", compound ellipsis (t11 class)
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Patient, 30 Jahre. Im Status muskelgeschwächt in den proximalen Aspekten der "
            "oberen und unteren Extremitäten.",
            {UPPER, LOWER},
        ),
        (
            "Patient, 30 Jahre. Im Status muskelgeschwächt in den proximalen Aspekten der "
            "oberen Extremitäten.",
            {UPPER},
        ),
        ("Patient, 30 Jahre. Kraftminderung proximal an den unteren Extremitäten.", {LOWER}),
        # the second compound by its second half after a hyphen: "Ober(arme) und -schenkeln"
        (
            "Patient, 30 Jahre. Muskelschmerzen und -schwäche der proximalen Oberarme und "
            "-schenkeln.",
            {UPPER, LOWER},
        ),
        ("Patient, 30 Jahre. Schwäche der proximalen Oberarme.", {UPPER}),
    ],
)
def test_german_limbs_and_weakened(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ---------------- an abstract's finding against the body's symptom of the same item (t06 class)
_ABSTRACT = (
    "Abstract\nWe report a case of a 31-year-old woman who developed progressive proximal "
    "muscle weakness after a thyroidectomy.\n\nCase report\nA 31-year-old woman presented "
    "with {body}\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the body names only tasks (symptoms, not counted): the abstract's weakness stands
        ("difficulty combing her hair and climbing stairs.", {UPPER, LOWER}),
        ("dificultad para peinarse y subir escaleras.", {UPPER, LOWER}),
        # the body grades the strength: its grades decide (the abstract restates the case)
        (
            "weakness. Examination: deltoids 5/5, hip flexors 4/5, ankle dorsiflexors 5/5.",
            {LOWER, LEGS_PROX},
        ),
    ],
)
def test_abstract_finding_stands_against_a_body_symptom(body: str, expected: set[str]) -> None:
    assert strength_items(_ABSTRACT.format(body=body)) == expected


# ----------------- guards for the joints that now name muscles: skin sites and pain scores
@pytest.mark.parametrize(
    "note",
    [
        # a skin finding's site, in the languages whose joints name muscles now
        "Donna di 50 anni. Eritema sulle spalle, forza 4/5.",
        "Femme de 50 ans. Érythème des épaules, 4/5.",
        "Mujer de 50 años. Eritema en hombros y caderas, 4/5.",
        # a symptom's score with its site between
        "Mujer de 50 años. Dolor en hombros 7/10 (EVA).",
        "A 50-year-old woman. Pain in shoulders 7/10.",
        "Femme de 50 ans. Douleur des épaules 6/10.",
        "Frau, 50 Jahre. Schmerzen der Oberschenkel 5/10.",
    ],
)
def test_skin_sites_and_pain_scores_are_no_grades(note: str) -> None:
    assert strength_items(note) == set()


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the skin or the pain in its own clause, the grades after: read
        ("Femme de 50 ans. Érythème du visage; épaules 4/5, hanches 4/5.", {UPPER, LOWER}),
        ("Mujer de 50 años. Dolor en hombros; fuerza: hombros 4/5, caderas 4/5.", {UPPER, LOWER}),
    ],
)
def test_grades_after_a_skin_or_pain_clause_are_read(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ------------------------------------------------------------ the neck graded as a whole
@pytest.mark.parametrize(
    "exam",
    [
        # full strength in words after a list of regions (French case report)
        "La force musculaire du cou, des poignets et des chevilles était normale.",
        "Power: neck 5/5, deltoids 4/5.",
        "Fuerza: cuello 5/5, hombros 4/5.",
        "Forza: collo 5/5, spalle 4/5.",
    ],
)
def test_neck_at_full_strength_is_not_weaker_flexion(exam: str) -> None:
    # the flexors are at the scale's top: they cannot be weaker than the extensors
    assert findings_of(LEAD + exam).get(NECK) is False


@pytest.mark.parametrize(
    "exam",
    [
        # the neck graded lower as a whole: which movement is weak is not said
        "Power: neck 4/5, deltoids 4/5.",
        "Fuerza: cuello 3/5.",
        # a pain score and a skin site of the neck are no grades
        "Neck pain 7/10. Rash on the neck, 4/5.",
    ],
)
def test_neck_graded_lower_as_a_whole_is_not_assessed(exam: str) -> None:
    assert NECK not in findings_of(LEAD + exam)
