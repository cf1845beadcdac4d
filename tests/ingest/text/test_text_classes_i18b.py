"""issue #10 (i18b): Georgian, Armenian, Tamil and Azerbaijani: the form's sex and age, the
strength grammar's muscles and comparisons, the result words and list joiners of an antibody
panel, signs, cancers, lab labels and units, and the sentence ends of the Georgian and Armenian
scripts. Our own sentences; the values are worked out by hand. Each class has a guard: a
near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import antibody_results, case_of, findings_of


@pytest.mark.parametrize(
    ("text", "sex", "age"),
    [
        # Azerbaijani form fields
        ("Cinsi: qadın      Yaşı: 57", "female", 57),
        ("Cinsi: kişi      Yaşı: 39", "male", 39),
        # Armenian form fields with the Armenian comma as the colon
        ("Սեռը՝ իգական      Տարիքը՝ 52 տարեկան", "female", 52),
        ("Սեռը՝ արական      Տարիքը՝ 71", "male", 71),
    ],
)
def test_age_and_sex_fields(text: str, sex: str, age: int) -> None:
    case = case_of(text)
    assert str(case.patient.sex.value) == sex
    assert case.patient.age == age


def test_a_relatives_age_is_not_the_patients() -> None:
    # "his mother is 80 years old": no sex and no age for the patient
    case = case_of("Anası 80 yaşındadır.")
    assert str(case.patient.sex.value) == "unknown"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Georgian: girdles against the distal groups, neck flexors against extensors
        (
            "კუნთების ძალა: მხრის სარტყელი 3/5, მენჯის სარტყელი 4-/5, დისტალური კუნთები 5/5; "
            "კისრის მომხრელები 4/5, კისრის გამშლელები 5/5.",
            {
                "weakness_proximal_upper": True,
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": True,
            },
        ),
        # Armenian: the neck flexors at full strength are not weaker
        (
            "Մկանային ուժ՝ կոնքագոտի 4/5, դիստալ մկաններ 5/5, պարանոցի ծալիչներ 5/5, "
            "պարանոցի տարածիչներ 5/5։",
            {
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": False,
            },
        ),
        # Tamil: the shoulder and hip muscles with the sandhi consonant written on
        (
            "தசை வலிமை: தோள்பட்டைத் தசைகள் 4/5, இடுப்புத் தசைகள் 3/5, தூரத் தசைகள் 5/5; "
            "கழுத்து மடக்கும் தசைகள் 3/5, கழுத்து நீட்டும் தசைகள் 5/5.",
            {
                "weakness_proximal_upper": True,
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": True,
            },
        ),
        # Azerbaijani
        (
            "Əzələ gücü: deltaəzələlər 3/5, bud bükücüləri 4/5, distal əzələlər 5/5; "
            "boyun bükücüləri 3/5, boyun açıcıları 5/5.",
            {
                "weakness_proximal_upper": True,
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": True,
            },
        ),
    ],
)
def test_strength_grammar(text: str, expected: dict[str, bool]) -> None:
    found = findings_of(text)
    for code, present in expected.items():
        assert found.get(code) is present, code


def test_full_strength_is_no_weakness() -> None:
    found = findings_of("Əzələ gücü: deltaəzələlər 5/5, bud bükücüləri 5/5.")
    assert found.get("weakness_proximal_upper") is not True
    assert found.get("weakness_proximal_lower") is not True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Azerbaijani result words after the list
        (
            "anti-Mi-2 müsbət; anti-MDA5, anti-SRP və anti-Jo-1 mənfi.",
            {"MI2": "positive", "MDA5": "negative", "SRP": "negative", "JO1": "negative"},
        ),
        ("anti-NXP2 zəif müsbət.", {"NXP2": "weak_positive"}),
        # Armenian: a long list joined by "և" before the Armenian comma and the result
        (
            "anti-Jo-1, anti-PL-7, anti-PL-12, anti-EJ, anti-OJ, anti-MDA5, anti-Mi-2, "
            "anti-TIF1γ և anti-SAE1՝ բացասական։",
            {
                "JO1": "negative",
                "PL7": "negative",
                "PL12": "negative",
                "EJ": "negative",
                "OJ": "negative",
                "MDA5": "negative",
                "MI2": "negative",
                "TIF1G": "negative",
                "SAE1": "negative",
            },
        ),
        # Georgian: the list joined by "და"
        (
            "ანტი-Mi-2 და ანტი-SRP — უარყოფითი.",
            {"MI2": "negative", "SRP": "negative"},
        ),
    ],
)
def test_antibody_panels(text: str, expected: dict[str, str]) -> None:
    found = antibody_results(text)
    for code, result in expected.items():
        assert found.get(code) == result, code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Əl barmaqlarının üzərində Qottron papulları; dırnaq ətrafı eritema. "
            "Raynaud fenomeni yoxdur. Dəridə xora yoxdur.",
            {
                "gottron_papules": True,
                "periungual_erythema": True,
                "raynaud": False,
                "cutaneous_ulceration": False,
            },
        ),
        ("Son ayda 4 kq arıqlama, udma çətinliyi.", {"weight_loss": True, "dysphagia": True}),
        (
            "წონაში დაკლება 5 კგ. რეინოს ფენომენი არ აღინიშნება.",
            {"weight_loss": True, "raynaud": False},
        ),
    ],
)
def test_signs(text: str, expected: dict[str, bool]) -> None:
    found = findings_of(text)
    for code, present in expected.items():
        assert found.get(code) is present, code


def test_georgian_denial_stays_in_its_sentence() -> None:
    # Mkhedruli has no capitals: the stop still ends the sentence, and the denial of the
    # ulcers does not reach back to the erythema before it
    found = findings_of("ფრჩხილის ირგვლივ ერითემა. წყლულები კანზე არ არის.")
    assert found.get("periungual_erythema") is True
    assert found.get("cutaneous_ulceration") is False


def test_armenian_full_stop_after_a_bracket_ends_the_sentence() -> None:
    found = findings_of("Ճաքեր մատներին («մեխանիկի ձեռքեր»)։ Մաշկի խոցեր չկան։")
    assert found.get("mechanics_hands") is True
    assert found.get("cutaneous_ulceration") is False


def test_azerbaijani_lung_cancer() -> None:
    tumours = case_of(
        "Diaqnoz: sol ağciyərin yuxarı payının yastıhüceyrəli karsinoması, cT2a N0 M0."
    ).tumours
    assert [(str(t.site.value), str(t.histology.value)) for t in tumours] == [
        ("lung", "squamous_cell_carcinoma")
    ]


def test_azerbaijani_lung_without_a_cancer_is_no_tumour() -> None:
    # "no changes in the lungs": the organ alone is no cancer
    assert not case_of("Ağciyərlərdə dəyişiklik yoxdur.").tumours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ლაბორატორიული კვლევები (19.10.2026):\nლდჰ — 512 ე/ლ (ნორმა 135-250)\n"
            "CEA — 6,3 ნგ/მლ (ნორმა <5)\n",
            [("ldh", 512.0, "U/L", 250.0), ("cea", 6.3, "ng/mL", 5.0)],
        ),
        (
            "Լաբորատոր հետազոտություններ (02.11.2026)՝\nԿՖԿ՝ 860 Մ/լ (նորմա 30–200)\n",
            [("ck", 860.0, "U/L", 200.0)],
        ),
        (
            "Laborator müayinələr (09.11.2026):\nLDH - 455 V/L (norma 125-248)\n"
            "CRP - 31 mq/L (norma <5)\n",
            [("ldh", 455.0, "U/L", 248.0), ("crp", 31.0, "mg/L", 5.0)],
        ),
    ],
)
def test_lab_labels_units_and_ranges(
    text: str, expected: list[tuple[str, float, str, float]]
) -> None:
    labs = case_of(text).labs
    assert [(lab.code.value, lab.value, lab.unit, lab.upper_limit) for lab in labs] == expected


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("Müayinə (10.10.2026). Anamnez: 4 həftədir xəstədir.", date(2026, 9, 12)),
        ("გასინჯვა (20.10.2026). ავად არის ბოლო 2 თვის განმავლობაში.", date(2026, 8, 20)),
        ("Զննում (05.11.2026)։ Հիվանդ է 3 ամիս։", date(2026, 8, 5)),
        ("பரிசோதனை (15.10.2026): கடந்த 3 மாதங்களாக கால்களில் பலவீனம்.", date(2026, 7, 15)),
    ],
)
def test_onset_as_a_duration(text: str, onset: date) -> None:
    assert case_of(text).onset_date == onset


def test_tamil_duration_of_another_complaint_is_no_onset() -> None:
    # "bleeding for the past 1 month": not a complaint of the myositis
    assert case_of("பரிசோதனை (15.10.2026): கடந்த 1 மாதமாக இரத்தப்போக்கு.").onset_date is None


@pytest.mark.parametrize(
    ("text", "drug", "dose", "route"),
    [
        (
            "მკურნალობა: მეთილპრედნიზოლონი 250 მგ ი/ვ დღეში ერთხელ 05.10.2026-დან.",
            "methylprednisolone",
            "250 მგ დღეში ერთხელ",
            "intravenous",
        ),
        (
            "Բուժում՝ Ազաթիոպրին 100 մգ օրական 1 անգամ 12.10.2026-ից։",
            "azathioprine",
            "100 մգ օրական 1 անգամ",
            None,
        ),
        (
            "Müalicə: Prednizolon 40 mq/gün per os 14.10.2026-dan.",
            "prednisolone",
            "40 mq/gün",
            "oral",
        ),
    ],
)
def test_treatment_names_doses_and_routes(
    text: str, drug: str, dose: str, route: str | None
) -> None:
    treatments = case_of(text).treatments
    assert [t.drug for t in treatments] == [drug]
    assert treatments[0].dose == dose
    if route is not None:
        assert treatments[0].route == route


def test_a_relatives_drug_is_not_the_patients() -> None:
    # "her mother takes prednisolone": a relative's treatment is not the patient's
    treatments = case_of("Anası prednizolon qəbul edir.").treatments
    assert all(t.drug != "prednisolone" for t in treatments)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # the city abbreviation before the name does not end the sentence
        ("მისამართი: ქ. ბათუმი, ზღვის ქუჩა", "GE"),
        ("Բնակության վայրը՝ ք. Գյումրի", "AM"),
        ("முகவரி: சென்னை, தமிழ்நாடு", "IN"),
        ("Yaşayış yeri: Gəncə şəhəri", "AZ"),
    ],
)
def test_residence_fields(text: str, region: str) -> None:
    assert case_of(text).patient.region == region


def test_a_city_in_the_hospitals_name_is_no_residence() -> None:
    # "Tbilisi Central Clinic" in the letterhead: no residence cue, no region
    assert case_of("თბილისის ცენტრალური კლინიკა\nრევმატოლოგიის განყოფილება").patient.region is None
