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
