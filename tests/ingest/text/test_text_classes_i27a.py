"""issue #10 (i27a): Kyrgyz, Somali and Tok Pisin read as languages (the patient line, negation
and result words, the strength table's muscles and side headings, dysphagia, the uterus); a
right / left table whose cells give each side out of five; Scottish Gaelic's cancer noun, breast,
Gottron's papules and a lab's date; the Spanish "creatinkinasa" and "pancreático"; a Romance
citation year; an age written with an l for a 1. Our own sentences (never a note's); the values
are worked out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import (
    antibody_results,
    case_of,
    findings_of,
    labs_coded,
    sex_and_age,
    tumour_sites,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kyrgyz: the form's fields, and the age adjective before the noun
        ("Бейтап: Асанова Г.\nЖынысы: аял   Жашы: 49 жашта\nДареги: Бишкек", ("female", 49)),
        ("Бейтап 63 жаштагы эркек, булчуң алсыздыгына даттанат.", ("male", 63)),
        # Somali: the form's fields, and "naag N jir ah" (a woman of N years)
        (
            "Magaca: Faadumo Cali\nDa'da: 38 sano   Jinsiga: Dheddig\nDeegaanka: Boorama",
            ("female", 38),
        ),
        ("Bukaanku waa naag 61 jir ah oo murqaha ka cabanaysa.", ("female", 61)),
        # Tok Pisin: "Krismas" (years of age) and "Man o meri" (sex) fields
        ("Nem: Joseph Kila\nKrismas: 52     Man o meri: Man\nPles: Goroka", ("male", 52)),
        ("Nem: Anna Kila\nMan o meri: Meri\nKrismas: 37", ("female", 37)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_tok_pisin_age_field_is_never_a_date() -> None:
    # guard: a Christmas date in a Tok Pisin letter is not the age field
    assert sex_and_age("Em i go long ples long Krismas: 25 Disemba 2026.")[1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kyrgyz: "терс" (negative) closing a named panel; "оң" (positive) after one name
        (
            "Иммуноблот: анти-Jo-1, анти-PL-7, анти-SRP - терс; анти-MDA5 - оң.",
            {"JO1": "negative", "PL7": "negative", "SRP": "negative", "MDA5": "positive"},
        ),
        # Somali: "taban" (negative) and "togan" (positive) after the names
        (
            "Baaritaanka: anti-Mi-2 iyo anti-SAE1 taban; anti-TIF1-gamma togan.",
            {"MI2": "negative", "SAE1": "negative", "TIF1G": "positive"},
        ),
    ],
)
def test_named_panel(text: str, expected: dict[str, str]) -> None:
    assert antibody_results(text) == expected


def test_lower_case_ku_is_a_word_not_the_antibody() -> None:
    # guard: Somali "ku" (in, on) before a positive result is no Ku antibody; "Ku" still is
    text = "Cudurka oo ku dhaca maqaarka, anti-NXP2 togan."
    assert antibody_results(text) == {"NXP2": "positive"}
    assert antibody_results("Anti-Ku positive.")["KU"] == "positive"


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # Kyrgyz: "жок" after the finding denies it; dysphagia as difficulty or food sticking
        ("Жутуу кыйындыгы жок.", "dysphagia", False),
        ("Катуу тамак кекиртекте тыгылат.", "dysphagia", True),
        # Somali: "ma jiro" after the finding, and a form's "maya" (no)
        (
            "Sambabada: cudurka sambabada ee interstitial-ka (ILD) ma jiro.",
            "interstitial_lung_disease",
            False,
        ),
        ("- Calcinosis: maya", "calcinosis", False),
        # Tok Pisin: "i no gat" before the noun
        ("Em i no gat dysphagia.", "dysphagia", False),
    ],
)
def test_negation_and_signs(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


@pytest.mark.parametrize(
    "text",
    [
        # Kyrgyz muscles in a right / left table of bare grades
        "Булчуң күчү (0-5 балл):\n              оң   сол\n  дельта булчуң   4    4\n"
        "  жамбашты бүгүү   3    3\n  бутту өйдө бүгүү   5    5\n"
        "  моюнду бүгүү   3  (моюнду жазуу 5)\n",
        # the Somali right / left heading over "N / N" pairs
        "Xoogga murqaha (MRC 0-5), midig / bidix:\n   garbaha (deltoid)   4 / 4\n"
        "   misigta (hip flexion)   3 / 3\n   cagta (ankle dorsiflexion)   5 / 5\n"
        "   qoorta (neck flexion) 3 ; (neck extension) 5\n",
        # each side's grade written out of five under an R / L heading
        "Power (MRC), R / L:\n  Deltoid 4/5 / 4/5\n  Hip flexors 3/5 / 3/5\n"
        "  Ankle dorsiflexion 5/5 / 5/5\n  Neck flexion 3/5; neck extension 5/5\n",
    ],
)
def test_strength_tables(text: str) -> None:
    found = findings_of(text)
    assert found["weakness_proximal_upper"] is True
    assert found["weakness_proximal_lower"] is True
    assert found["legs_proximal_weaker_than_distal"] is True
    assert found["neck_flexors_weaker_than_extensors"] is True


def test_side_pairs_of_five_full_strength() -> None:
    # guard: "5/5 / 5/5" is full strength on both sides, not a grade of 5 out of 5 and a 5
    found = findings_of("Power (MRC), R / L:\n  Deltoid 5/5 / 5/5\n  Hip flexors 5/5 / 5/5\n")
    assert found.get("weakness_proximal_upper") is False
    assert found.get("weakness_proximal_lower") is False


def test_kyrgyz_uterus() -> None:
    text = "Жатындын денесинин эндометриоиддик аденокарциномасы, 25 мм."
    assert [site for site, _ in tumour_sites(text)] == ["uterus"]


def test_gaelic_breast_cancer_and_gottron() -> None:
    text = (
        "Eachdraidh: Aillse broillich sa bhroilleach dheis, 2016.\n"
        "Sgrùdadh: Papules Gottron air cnapan nan corragan."
    )
    assert [site for site, _ in tumour_sites(text)] == ["breast"]
    assert findings_of(text).get("gottron_papules") is True


def test_gaelic_chest_is_no_breast() -> None:
    # guard: "broilleach" alone is also the chest: a chest CT names no breast tumour
    assert tumour_sites("Sgan CT den bhroilleach: aillse cha deach fhaicinn.") == []


def test_gaelic_lab_date_and_range() -> None:
    text = "Toraidhean\n- CK air 02/10/2026: 870 U/L (raon àbhaisteach 30-200 U/L)."
    labs = labs_coded(text, "ck")
    assert [(lab.value, lab.upper_limit, lab.is_above_uln) for lab in labs] == [
        (870.0, 200.0, True)
    ]


def test_spanish_words() -> None:
    text = "Varón de 66 años. Creatinkinasa 1200 UI/L (normal 20-170). Adenocarcinoma pancreático."
    case = case_of(text)
    assert [lab.value for lab in case.labs if lab.code.value == "ck"] == [1200.0]
    assert [t.site.value for t in case.tumours] == ["pancreas"]


def test_romance_citation_year_is_no_visit() -> None:
    # the year a Spanish sentence says something was published in is not the patient's date
    text = (
        "La asociación fue publicada por primera vez en 1916.\n\n"
        "Caso clínico: mujer de 58 años con pápulas de Gottron."
    )
    assert sex_and_age(text) == ("female", 58)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A l0-year-old girl presented with rash.", ("female", 10)),
        ("A 4l year old man presented with weakness.", ("male", 41)),
    ],
)
def test_age_with_l_for_one(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_age_of_ls_only_is_not_mended() -> None:
    # guard: a run of l's alone is no number
    assert sex_and_age("The ll-year-old note.")[1] is None
