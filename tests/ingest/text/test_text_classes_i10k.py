"""Failure classes of the issue #10 round on notes:heldout12 (helper branch i10-text11). Each
class is tried in our own short vignettes (no sentence is taken from a note); the expected facts
are read off the words by hand against the EULAR/ACR 2017 item definitions (Lundberg et al., Ann
Rheum Dis 2017;76:1955)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import read


# ------------------------------------------------------------------ sex and age in other layouts
@pytest.mark.parametrize(
    ("note", "sex", "age"),
    [
        # a literal translation of "varón/mujer de 63 años"
        ("Reason for consult: Female of 63 years with rash on the hands.", "female", 63),
        ("Anamnesis: male of 47 years, natural of Vigo.", "male", 47),
        # "y/o" and "Y" with a person noun other than man/woman
        ("Request: 66 y/o lady with proximal weakness.", "female", 66),
        ("Request: 12 y/o boy with a rash.", "male", 12),
        ("History: 44 Y male with hand swelling.", "male", 44),
        ("History: 39 Y F, smoker.", "female", 39),
    ],
)
def test_a_person_noun_with_a_translated_or_short_age_gives_sex_and_age(
    note: str, sex: str, age: int
) -> None:
    patient = read(f"Seen 02/03/2026.\n{note}").case.patient
    assert (patient.sex.value, patient.age) == (sex, age)


@pytest.mark.parametrize(
    ("line", "sex"),
    [
        # a bilingual label: the English word, a slash, the other language's word, then ":"
        ("Sex / Geschlecht: Male", "male"),
        ("Gender / Género: Female / Femenino", "female"),
        # the sex in Portuguese, Spanish, Italian or French words
        ("Paciente: A.B.C., sexo feminino, 61 anos.", "female"),
        ("Paciente: L.M., sexo masculino.", "male"),
        ("Sexo: femenino.", "female"),
        # a form's label for the person the report is about
        ("Deceased: female, date of birth 03/04/1950.", "female"),
        ("Decedent: male, born 1950.", "male"),
    ],
)
def test_a_labelled_sex_field_gives_the_sex(line: str, sex: str) -> None:
    patient = read(f"Report 02/03/2026.\n{line}\nAge 64. Proximal weakness.").case.patient
    assert patient.sex.value == sex


# ------------------------------------------------------------------ Roman-numeral MRC grades
UPPER, LOWER = "weakness_proximal_upper", "weakness_proximal_lower"
NECK, LEGS_PROX = "neck_flexors_weaker_than_extensors", "legs_proximal_weaker_than_distal"
STRENGTH_ITEMS = {UPPER, LOWER, NECK, LEGS_PROX}


def _strength_items(note: str) -> set[str]:
    return {f.code.value for f in read(note).case.findings if f.present} & STRENGTH_ITEMS


@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # MRC 4 at both girdles, 3 for neck flexion against 5 for extension, 5 distally
        (
            "Muscle strength (MRC): shoulder girdle grade IV, pelvic girdle grade III+, neck "
            "flexors grade III, neck extensors grade V, ankle dorsiflexion grade V.",
            STRENGTH_ITEMS,
        ),
        # the legs only: hip flexors IV- (below 5), distal V
        ("Power: hip flexors grade IV-, distal grade V.", {LOWER, LEGS_PROX}),
        # full strength everywhere: no item
        ("Muscle strength: deltoids grade V, hip flexors grade V.", set()),
    ],
)
def test_roman_numeral_grades_are_mrc_grades(exam: str, expected: set[str]) -> None:
    assert _strength_items(f"A 40-year-old man seen 02/03/2026. {exam}") == expected


@pytest.mark.parametrize(
    "words",
    [
        "Biopsy of the colon: adenocarcinoma, grade III.",
        "Activity degree II. Dermatomyositis, grade II muscle involvement unknown.",
    ],
)
def test_a_roman_numeral_grade_without_a_muscle_is_no_strength_grade(words: str) -> None:
    assert _strength_items(f"A 40-year-old man seen 02/03/2026. {words}") == set()


@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # Portuguese muscle groups of a literal translation, MRC grades in Roman numerals
        (
            "Força muscular (MRC): cintura escapular grau IV, cintura pélvica grau IV, flexores "
            "cervicais grau III, extensores cervicais grau V.",
            {UPPER, LOWER, NECK},
        ),
        # Spanish, in Arabic digits
        (
            "Balance muscular: cintura escapular 4/5, cintura pelviana 4-/5, flexores del cuello "
            "3/5, extensores del cuello 5/5.",
            {UPPER, LOWER, NECK},
        ),
    ],
)
def test_muscle_groups_named_in_romance_words(exam: str, expected: set[str]) -> None:
    assert _strength_items(f"A 40-year-old woman seen 02/03/2026. {exam}") == expected
