"""issue #10 (i34a): te reo Māori and Hausa read as languages (the patient line, the months with
the day's "o" / "ga", the address field, the denials before the noun, a form's answer and the
result words, the relatives). Our own sentences (never a note's); the values are worked out by
hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import antibody_results, case_of, findings_of, labs_coded, sex_and_age


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # te reo Māori: the sex noun before "N tau" (N years), as a letter's header gives them
        ("Ingoa: Hine K.\nWahine, 63 tau.\nCK 2 900 U/L.", ("female", 63)),
        ("Tāne, 47 tau. I uru mai ki te hōhipera.", ("male", 47)),
        # ... the macrons left off by the copy
        ("Tane, 70 tau.", ("male", 70)),
        # Hausa: the form's sex and age fields on one line
        ("Suna: Musa A.\nJinsi: Namiji      Shekaru: 39\nCK 3100 U/L.", ("male", 39)),
        ("Jinsi: Mace   Shekaru: 66", ("female", 66)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_maori_article_he_is_no_pronoun() -> None:
    # guard: Māori "he" (a, an) opening sentences is not the English "he" once the letter
    # names the patient as a woman
    text = "Wahine, 52 tau.\nHe aha te mate? He mate kiri. He uaua te piki arawhata."
    assert sex_and_age(text) == ("female", 52)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # te reo Māori: the day, "o" (of), the month's Māori name, the year
        ("Toto i te 14 o Whiringa-ā-nuku 2026: CK 900 U/L.", "2026-10-14"),
        # ... without the macrons, and the loan name
        ("Toto 2 o Whiringa-a-rangi 2026: CK 900 U/L.", "2026-11-02"),
        ("Toto 21 o Hūrae 2026: CK 900 U/L.", "2026-07-21"),
        # Hausa: the day, "ga" (of), the month, a comma before the year
        ("Ranar 9 ga Agusta, 2026: CK 900 U/L.", "2026-08-09"),
        ("Sakamako (17 ga Disamba 2025): CK 900 U/L.", "2025-12-17"),
    ],
)
def test_month_names(text: str, day: str) -> None:
    (lab,) = labs_coded(text, "ck")
    assert lab.date is not None and lab.date.isoformat() == day


def test_ga_without_a_month_is_no_date() -> None:
    # guard: "ga" (to, at) before a word that is no month's name leaves the lab undated by it
    (lab,) = labs_coded("Ya je 3 ga likita. CK 900 U/L.", "ck")
    assert lab.date is None or lab.date.month != 3


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # te reo Māori: "kāore he" (there is no) before the noun
        ("Kāore he Raynaud phenomenon i ngā ringa.", "raynaud", False),
        ("Kaore he calcinosis i kitea.", "calcinosis", False),
        # guard: "kāore e taea" (cannot) is the complaint, not its denial
        ("Kāore e taea te horomi (dysphagia) mai i te wiki kua hipa.", "dysphagia", True),
        # Hausa: "babu" (there is no), "ba a ga" (was not seen) before the noun
        ("Babu Raynaud phenomenon a yatsunsa.", "raynaud", False),
        ("Ba a ga calcinosis ba.", "calcinosis", False),
        # guard: the sign named without a denial is present
        ("Akwai heliotrope rash a fatar ido.", "heliotrope_rash", True),
    ],
)
def test_denials_before_the_noun(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # te reo Māori: "tōraro" (negative), "tōrunga" (positive) after the test
        (
            "Anti-Jo-1, anti-SRP: tōraro. Anti-NXP2: tōrunga.",
            {"JO1": "negative", "SRP": "negative", "NXP2": "positive"},
        ),
        # Hausa: "korau" (negative) after a list on the next line, "tabbatacce" (positive)
        (
            "anti-TIF1-γ tabbatacce. Anti-Mi-2, PL-7, SAE1:\nkorau.",
            {"TIF1G": "positive", "MI2": "negative", "PL7": "negative", "SAE1": "negative"},
        ),
        # ... and a form's "babu" (none) after the colon
        ("anti-MDA5: babu", {"MDA5": "negative"}),
    ],
)
def test_result_words(text: str, expected: dict[str, str]) -> None:
    assert antibody_results(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I pā te mate pukupuku ū (breast cancer) ki tōna whaea.",
        "Mahaifiyarsa ta yi ciwon daji na nono (breast cancer).",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(text: str) -> None:
    assert case_of(text).tumours == []


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Wahine, 61 tau. Kāinga: Whakarewarewa, Rotorua", "NZ"),
        ("Jinsi: Mace   Shekaru: 44\nGari: Fagge, Jihar Kano", "NG"),
    ],
)
def test_the_address_field(text: str, region: str) -> None:
    assert case_of(text).patient.region == region
