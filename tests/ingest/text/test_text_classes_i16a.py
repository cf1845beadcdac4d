"""issue #10 (i16a): Kazakh, Mongolian (Cyrillic) and Basque core vocabulary: age and sex,
negation and result words, signs, strength, cancers and their histology, Basque months with
their case endings. Our own sentences; the values are worked out by hand. Each class has a
guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import antibody_results, case_of, findings_of


@pytest.mark.parametrize(
    ("text", "sex", "age"),
    [
        ("Жынысы: әйел    Жасы: 48 жас", "female", 48),
        ("55 жастағы ер адам ауруханаға түсті.", "male", 55),
        ("Хүйс: эр    Нас: 12", "male", 12),
        ("9 настай охин.", "female", 9),
        ("Sexua: Emakumezkoa    Adina: 64 urte", "female", 64),
        ("58 urteko gizona kontsultara etorri da.", "male", 58),
    ],
)
def test_age_and_sex(text: str, sex: str, age: int) -> None:
    case = case_of(text)
    assert str(case.patient.sex.value) == sex
    assert case.patient.age == age


def test_a_relatives_sex_is_not_the_patients() -> None:
    # "his mother" names a woman who is not the patient
    assert str(case_of("Анасы 80 жаста.").patient.sex.value) == "unknown"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kazakh: positive, negative, weakly positive
        (
            "анти-Mi-2 - оң; анти-MDA5, анти-Jo-1 - теріс.",
            {"MI2": "positive", "MDA5": "negative", "JO1": "negative"},
        ),
        ("анти-SAE1 әлсіз оң.", {"SAE1": "weak_positive"}),
        # Mongolian
        (
            "анти-NXP2: эерэг. анти-Mi-2, анти-Jo-1: сөрөг.",
            {"NXP2": "positive", "MI2": "negative", "JO1": "negative"},
        ),
        ("анти-MDA5 сул эерэг.", {"MDA5": "weak_positive"}),
        # Basque: the weak grade before the result word
        (
            "anti-SAE1: ahul positiboa; anti-Jo-1: negatiboa.",
            {"SAE1": "weak_positive", "JO1": "negative"},
        ),
    ],
)
def test_antibody_result_words(text: str, expected: dict[str, str]) -> None:
    found = antibody_results(text)
    for code, result in expected.items():
        assert found.get(code) == result


def test_kazakh_right_side_is_no_positive_result() -> None:
    # "оң қол" is the right hand: the test before it is given no result by it
    assert antibody_results("анти-Jo-1 тексерілді, оң қолда бөртпе.").get("JO1") != "positive"


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        ("Жұтудың қиындауы бар.", "dysphagia", True),
        ("Рейно феномені: жоқ.", "raynaud", False),
        ("Залгихад хүндрэлтэй.", "dysphagia", True),
        ("Тохойд Готтроны шинж.", "gottron_sign", True),
        ("Буындар үстінде Готтрон белгісі.", "gottron_sign", True),
        ("Irensteko zailtasuna du.", "dysphagia", True),
        # the partitive -(r)ik with "ez" / "gabe" after the noun it denies
        ("Irensteko zailtasunik ez.", "dysphagia", False),
        ("Disfagiarik gabe.", "dysphagia", False),
        ("Raynaud-ik ez.", "raynaud", False),
        ("Gottron-en papulak behatz-artikulazioen gainean.", "gottron_papules", True),
        ("Gottron-en zeinua belaunetan.", "gottron_sign", True),
        ("Gottron-en zeinurik ez.", "gottron_sign", False),
    ],
)
def test_signs_and_their_negation(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


def test_basque_ez_alone_is_not_a_negation() -> None:
    # Hungarian "ez" (this) before a sign is not the Basque "ez" after the partitive
    assert findings_of("Ez a kiütés heliotrop.").get("heliotrope_rash") is not False


@pytest.mark.parametrize(
    "text",
    [
        "Бұлшықет күші: иық белдеуі 3 балл, жамбас белдеуі 3 балл, білек пен сирақ 5 балл. "
        "Мойынды бүгу 3 балл, мойынды жазу 5 балл.",
        "Булчингийн хүч: мөрний бүслүүр 3/5, ташааны бүслүүр 3/5, бугуй ба шагай 5/5. "
        "Хүзүүний нугалагч 3/5, хүзүүний тэнийлгэгч 5/5.",
        "Indarra: sorbalda-abdukzioa 3/5, aldaka-flexioa 3/5, eskumuturra eta orkatila 5/5. "
        "Lepo-flexioa 3/5, lepo-estentsioa 5/5.",
    ],
)
def test_strength_grades_and_comparisons(text: str) -> None:
    found = findings_of(text)
    assert found.get("weakness_proximal_upper") is True
    assert found.get("weakness_proximal_lower") is True
    assert found.get("legs_proximal_weaker_than_distal") is True
    assert found.get("neck_flexors_weaker_than_extensors") is True


def test_neck_flexors_as_strong_as_extensors_is_not_the_item() -> None:
    found = findings_of(
        "Lepo-flexioa 5/5, lepo-estentsioa 5/5. Мойынды бүгу 5 балл, мойынды жазу 5 балл."
    )
    assert found.get("neck_flexors_weaker_than_extensors") is not True


@pytest.mark.parametrize(
    ("text", "site", "histology"),
    [
        (
            "Гистология: өңештің жалпақ жасушалы карциномасы.",
            "oesophagus",
            "squamous_cell_carcinoma",
        ),
        ("Өкпе обыры анықталды.", "lung", None),
        ("Уушгины хорт хавдар.", "lung", None),
        ("Prostatako adenokartzinoma.", "prostate", "adenocarcinoma"),
        ("Biriketako minbizia.", "lung", None),
    ],
)
def test_cancers(text: str, site: str, histology: str | None) -> None:
    tumours = case_of(text).tumours
    assert [t.site.value for t in tumours] == [site]
    if histology:
        assert tumours[0].histology.value == histology


@pytest.mark.parametrize(
    "text",
    [
        "Amak bularreko minbizia izan zuen.",
        "Анасы сүт безі обыры болған.",
        "Ээж нь хөхний хорт хавдартай.",
        "Ez da tumore gaiztorik ikusten.",
        "Mongolian tumour word alone: хавдар.",
    ],
)
def test_no_cancer_of_the_patient(text: str) -> None:
    assert not case_of(text).tumours


def test_basque_month_with_its_case_ending_dates_a_past_cancer() -> None:
    tumours = case_of("Prostatako adenokartzinoma, prostatektomia 2019ko maiatzean.").tumours
    assert [t.site.value for t in tumours] == ["prostate"]
    assert tumours[0].found_date is not None and tumours[0].found_date.year == 2019


@pytest.mark.parametrize(
    "text",
    [
        "Gottron-en papulak hatz-artikulazioetan; Gottron-en zeinua belaunetan.",
        "Саусақ буындарында Готтрон папулалары; шынтақта Готтрон белгісі.",
        "Хурууны үеүдэд Готтроны папулууд; өвдгөнд Готтроны шинж.",
    ],
)
def test_papules_and_the_sign_named_with_its_noun_are_both_read(text: str) -> None:
    found = findings_of(text)
    assert found.get("gottron_papules") is True
    assert found.get("gottron_sign") is True


def test_papules_with_the_sign_denied() -> None:
    found = findings_of("Gottron-en papulak hatz-artikulazioetan. Gottron-en zeinurik ez.")
    assert found.get("gottron_papules") is True
    assert found.get("gottron_sign") is False


def test_basque_and_mongolian_reference_range_labels_and_units() -> None:
    basque = case_of("Analitika (2026/10/27):\n  LDH 410 U/L (BT 120-230);\n").labs
    assert [(lab.code.value, lab.value, lab.upper_limit) for lab in basque] == [
        ("ldh", 410.0, 230.0)
    ]
    mongolian = case_of(
        "Шинжилгээ (2026.10.19):\n  ЛДГ (LDH)  950 Н/л  (лавлах хэмжээ 110-310)\n"
    ).labs
    assert [(lab.code.value, lab.value, lab.unit, lab.upper_limit) for lab in mongolian] == [
        ("ldh", 950.0, "U/L", 310.0)
    ]
