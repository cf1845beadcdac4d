"""issue #10 (i32e): an English reference range whose upper limit is given in words of
comparison ("normal, lower than 173 U/L", "190 or less"); a patient whose sex only her pregnancy
or childbirth says ("a 3-month postpartum patient", "a primigravida"); a sentence opening with
muscle or skin biopsies in the plural and a present-tense verb ("Muscle biopsies show ...") is
teaching text, not this patient's biopsy. Our own sentences (never a note's); each class has a
guard."""

from __future__ import annotations

import pytest

from .helpers import labs_coded, read, sex_and_age


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("A 58-year-old woman. Her CK was raised at 4120 U/L (normal, lower than 170 U/L).", 170),
        ("A 49-year-old man. CK 2250 IU/L (reference range under 195).", 195),
        ("A 66-year-old woman. CPK 1800 U/L (normal: 200 U/L or less).", 200),
        ("A 52-year-old man. Creatine kinase 960 U/L (normal value not exceeding 190).", 190),
        ("A 71-year-old woman. CK 3300 U/L; normal range at most 180 U/L.", 180),
        ("A 44-year-old man. CK 1500 U/L (ref. less than 171).", 171),
    ],
)
def test_upper_limit_in_words_of_comparison(text: str, upper: int) -> None:
    (ck,) = labs_coded(text, "ck")
    assert ck.upper_limit == upper
    assert ck.is_above_uln is True


def test_value_below_a_limit_in_words_is_not_raised() -> None:
    (ck,) = labs_coded("A 58-year-old woman. CK 120 U/L (normal, lower than 170 U/L).", "ck")
    assert ck.upper_limit == 170
    assert ck.is_above_uln is False


@pytest.mark.parametrize(
    "text",
    [
        "A 58-year-old woman. CK 3000 U/L (lower than 5000 a week before).",
        "A 58-year-old woman. CK 3000 U/L, under 5000 on the last visit.",
    ],
)
def test_comparison_without_a_label_is_no_range(text: str) -> None:
    # guard: an unlabelled comparison is with another value, not the lab's limit
    (ck,) = labs_coded(text, "ck")
    assert ck.upper_limit is None


@pytest.mark.parametrize(
    "text",
    [
        "A 29-year-old, 8-week postpartum patient presented with proximal weakness.",
        "A 34-year-old patient, 20 weeks pregnant, presented with a violaceous eyelid rash.",
        "A 27-year-old primigravida was admitted with proximal weakness and dysphagia.",
        "A 38-year-old multiparous patient with a rash over the knuckles.",
        "A 33-year-old patient with proximal weakness, six weeks post-partum.",
        "Paciente de 30 años, puérpera, con debilidad proximal.",
    ],
)
def test_pregnancy_or_childbirth_says_female(text: str) -> None:
    assert sex_and_age(text)[0] == "female"


@pytest.mark.parametrize(
    "text",
    [
        "A 41-year-old patient with proximal weakness. His wife is pregnant.",
        "A 45-year-old patient with a heliotrope rash. DM may flare in postpartum women.",
        "A 3-month-old infant born at 32 weeks' gestation with a rash on the cheeks.",
    ],
)
def test_pregnancy_of_another_or_in_general_says_no_sex(text: str) -> None:
    # guard: a relative's pregnancy, a group's adjective and the gestation of a newborn
    assert sex_and_age(text)[0] == "unknown"


def test_man_stays_male_with_a_pregnant_wife() -> None:
    # guard: the age's own noun decides first
    assert sex_and_age("A 36-year-old man with weakness; his wife is pregnant.")[0] == "male"


def _perifascicular_atrophy(text: str) -> bool | None:
    biopsy = read(text).case.muscle_biopsy
    return None if biopsy is None else biopsy.perifascicular_atrophy


@pytest.mark.parametrize(
    "text",
    [
        "A 52-year-old man with a violaceous rash of the eyelids and trouble swallowing. "
        "Muscle biopsies show perifascicular atrophy and perivascular infiltrates.",
        "A 47-year-old woman with proximal weakness. Muscle biopsies typically reveal "
        "perifascicular atrophy in this disease.",
        "A 61-year-old man with dysphagia. Skin biopsies show interface dermatitis, and "
        "muscle biopsies may show perifascicular atrophy.",
    ],
)
def test_biopsies_in_general_are_not_the_patients(text: str) -> None:
    assert _perifascicular_atrophy(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        "A 52-year-old man with dysphagia. Muscle biopsies showed perifascicular atrophy.",
        "A 52-year-old man with dysphagia. Both muscle biopsies show perifascicular atrophy.",
        "A 52-year-old man with dysphagia; muscle biopsies show perifascicular atrophy.",
    ],
)
def test_the_patients_own_biopsies_stay_his(text: str) -> None:
    # guard: the past tense, a determiner, or a clause within the patient's sentence
    assert _perifascicular_atrophy(text) is True
