"""Issue #10, round 14 (i14c): the patient, signs and cancers the nineteenth set's notes missed,
built as classes across the languages that share the grammar. Sentences written by us; the
values worked out by hand from the sentence (a missing value is "not assessed", never a no)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 12, 1)


def _patient(text: str) -> tuple[str, int | None]:
    patient = extract_case(text, anchor=TODAY, today=TODAY).case.patient
    return patient.sex.value, patient.age


# --- the sex as an identification line's item next to the age ("name, male, 69 years") -------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pacienti: A. M., mashkull, 69 vjeç", ("male", 69)),
        ("Pacientja: B. K., femër, 52 vjeç", ("female", 52)),
        ("Pacienti: A. M., 69 vjeç, mashkull", ("male", 69)),
        ("Пациентка: Е. Т., женски пол, 34 години", ("female", 34)),
        ("Пациент: Е. Т., машки пол, 34 години", ("male", 34)),
        ("Пациент: Г. Д., мъжки пол, 59 г.", ("male", 59)),
        ("Пациент: И. П., мужского пола, 58 лет", ("male", 58)),
        ("Pacijent: M. K., muškog spola, 58 godina", ("male", 58)),
        ("Pacijentica: M. K., ženskog spola, 41 godina", ("female", 41)),
    ],
)
def test_the_sex_item_next_to_the_age(line: str, expected: tuple[str, int]) -> None:
    assert _patient(line) == expected


# --- a sex field whose value is the person noun; an age field with the unit before the number --
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jina: H. J. M.      Jinsia: Mwanamke      Umri: miaka 38", ("female", 38)),
        ("Jinsia: Mwanaume. Umri: miaka 61.", ("male", 61)),
        ("Jinsia: Mwanamume", ("male", None)),
        ("Wiek: lat 45", ("unknown", 45)),
        # a range in the field is no age
        ("Umri: miaka 20-40", ("unknown", None)),
    ],
)
def test_the_field_values_of_swahili_and_the_unit_before_the_number(
    line: str, expected: tuple[str, int | None]
) -> None:
    assert _patient(line) == expected


# --- the Chinese, Japanese and Korean age field ---------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("姓名：刘某某    性别：女    年龄：45岁    住院号：2026-0877", ("female", 45)),
        ("性別：男　年齢：72歳", ("male", 72)),
        ("성별: 남  나이: 61세", ("male", 61)),
    ],
)
def test_the_cjk_age_field(line: str, expected: tuple[str, int]) -> None:
    assert _patient(line) == expected


def test_a_relatives_sex_word_is_not_the_patients() -> None:
    # the mother's line names no patient: sex not assessed
    assert _patient("Mama yake ana miaka 70.")[0] == "unknown"
