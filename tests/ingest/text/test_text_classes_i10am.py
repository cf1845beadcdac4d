"""The patient's age and sex and the cancers' sites and histology as grammar, not phrases (issue
#10, i10am): the CJK age and sex block in any order and with any list mark or attributive
particle, the age after a case's label; guards for kinship compounds and past ages. Every
sentence here is our own; the expected values are read off it by hand."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import sex_and_age, tumour_sites

# ------------------------------------------------------------------ CJK age and sex


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Japanese: the case's label, the age with a half-width or ideographic comma, the sex
        ("症例は 58 歳,女性.発熱と筋痛を主訴に受診した.", ("female", 58)),
        ("症例:72 歳、男性 主訴:筋力低下", ("male", 72)),
        ("患者:44歳 / 女性. 主訴:皮疹", ("female", 44)),
        # the attributive particle and a child's compound noun
        ("9歳の女児。顔面に紅斑を認めた。", ("female", 9)),
        ("3歳の男の子。発熱で受診。", ("male", 3)),
        # the sex first, then the age
        ("男性,67歳.主訴:呼吸困難.", ("male", 67)),
        # Chinese, simplified and traditional: sex first with a full-width colon, age first with 的
        ("患者，女，53岁，因皮疹2个月入院。", ("female", 53)),
        ("患儿：男童，7岁。", ("male", 7)),
        ("一名 61 歲的男性患者因肌無力入院。", ("male", 61)),
        # Korean with a list mark
        ("환자는 57세, 여성으로 근력 저하를 호소하였다.", ("female", 57)),
        ("남아/8세, 피부 발진으로 내원.", ("male", 8)),
    ],
)
def test_the_cjk_age_and_sex_block(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


@pytest.mark.parametrize(
    ("note", "expected_age"),
    [
        # the age alone after the case's or the patient's label: the sex is not stated
        ("症例は 66 歳. 主訴:筋力低下.", 66),
        ("患者，48岁，因肌痛入院。", 48),
        ("환자는 71세로 호흡곤란을 호소하였다.", 71),
    ],
)
def test_the_age_after_a_cjk_case_label(note: str, expected_age: int) -> None:
    assert sex_and_age(note) == ("unknown", expected_age)


@pytest.mark.parametrize(
    "note",
    [
        # kinship compounds: the eldest daughter, the second son are relatives, not the patient
        "家族歴:長女 30歳 健康. 既往歴:特記事項なし.",
        "家族歴:次男,25歳,喘息.",
        # "at the age of 50" (歳時) is a past event, not the present age; 代 is a decade
        "既往歴:胆嚢摘出(50 歳時).",
    ],
)
def test_no_patient_sex_from_a_relative_or_a_past_age(note: str) -> None:
    sex, age = sex_and_age(note)
    assert sex == "unknown"
    assert age is None


# ------------------------------------------------------------------ histology


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the kind after the generic noun, in brackets, after a comma or a dash
        (
            "Past history:\n- Oesophageal cancer (squamous cell), chemoradiotherapy 2024.",
            ("oesophagus", "squamous_cell_carcinoma"),
        ),
        (
            "Past history: carcinoma of the cervix (squamous), 2022, radiotherapy.",
            ("cervix", "squamous_cell_carcinoma"),
        ),
        (
            "Past history: lung cancer - small cell, 2021, chemotherapy.",
            ("lung", "small_cell_carcinoma"),
        ),
        (
            "Past history: cancer of the stomach, adenocarcinoma, 2020.",
            ("stomach", "adenocarcinoma"),
        ),
        # a generic name refined by the specific histology of the same tumour
        (
            "Frozen section: lung wedge, malignant - non-small cell carcinoma, "
            "favour squamous cell carcinoma.",
            ("lung", "squamous_cell_carcinoma"),
        ),
        (
            "Lung wedge: non-small cell carcinoma.\nFinal diagnosis: lung, right lower lobe: "
            "keratinising squamous cell carcinoma, 26 mm.",
            ("lung", "squamous_cell_carcinoma"),
        ),
        (
            "Lung, right lower lobe: SQUAMOUS CELL CARCINOMA, non-keratinizing, "
            "poorly differentiated, 31 mm.",
            ("lung", "squamous_cell_carcinoma"),
        ),
    ],
)
def test_a_histology_with_its_qualifiers(note: str, expected: tuple[str, str]) -> None:
    assert tumour_sites(note) == [expected]


@pytest.mark.parametrize(
    "note",
    [
        # a kind left open, or ruled out, is not the tumour's histology
        "Lung biopsy: non-small cell carcinoma; squamous cell carcinoma cannot be excluded.",
        "Lung biopsy: non-small cell carcinoma; possible squamous cell carcinoma.",
        # a bracket that is no histology ("left") leaves it unnamed
        "Past history: breast cancer (left), 2019, mastectomy.",
    ],
)
def test_no_histology_from_a_possibility_or_a_side(note: str) -> None:
    assert [h for _, h in tumour_sites(note)] == ["other"]


def test_a_relatives_histology_is_not_the_patients() -> None:
    note = (
        "Lung biopsy: non-small cell carcinoma. Her mother had squamous cell carcinoma of the skin."
    )
    assert tumour_sites(note) == [("lung", "other")]


# ------------------------------------------------------------------ the cervix, the squamous kind


@pytest.mark.parametrize(
    "note",
    [
        # Croatian, Slovak, Polish, Slovene, Romanian, Afrikaans: the neck of the uterus in the
        # language's own words, the squamous-cell adjective in its case forms
        "Dijagnoza: nekeratinizirajući planocelularni karcinom vrata maternice, 30 mm.",
        "Diagnóza: skvamocelulárny karcinóm krčka maternice, 30 mm.",
        "Rozpoznanie: płaskonabłonkowy rak szyjki macicy, 30 mm.",
        "Diagnoza: ploščatocelični karcinom materničnega vratu, 30 mm.",
        "Diagnostic: carcinom scuamocelular al colului uterin, 30 mm.",
        "Diagnose: plaveiselselkarsinoom van die baarmoedermond, 30 mm.",
    ],
)
def test_a_squamous_cancer_of_the_cervix_across_languages(note: str) -> None:
    assert tumour_sites(note) == [("cervix", "squamous_cell_carcinoma")]


def test_the_latin_cervix_declined() -> None:
    # Croatian "tumor cerviksa" (genitive of the Latin noun): the cervix, histology unnamed
    assert tumour_sites("MR zdjelice: tumor cerviksa 35 mm.") == [("cervix", "other")]


@pytest.mark.parametrize(
    "note",
    [
        # a relative's cancer (Croatian family history) is not the patient's
        "Obiteljska anamneza: majka - karcinom vrata maternice.",
        # a "cervical" node or spine is the neck, never the cervix
        "Past history: cervical spine surgery 2019.",
    ],
)
def test_no_cervix_from_a_relative_or_the_neck(note: str) -> None:
    assert [s for s, _ in tumour_sites(note)] in ([], ["other"])
    assert ("cervix", "other") not in tumour_sites(note)


# ------------------------------------------------------------------ age and sex, other languages


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Catalan: a sex field and a noun with its age
        (
            "Pacient: [anonimitzat]\nSexe: Dona       Edat: 7 anys i 9 mesos\n"
            "Malaltia actual: debilitat.",
            ("female", 7),
        ),
        ("Malaltia actual: home de 63 anys amb debilitat proximal.", ("male", 63)),
        # Galician
        ("Historia: muller de 52 anos con debilidade.", ("female", 52)),
        # Afrikaans: the age adjective, and a form's fields
        ("Anamnese: 'n 45-jarige vrou met swakheid.", ("female", 45)),
        ("Pasiënt: Geslag: manlik. Ouderdom: 58.", ("male", 58)),
        # Tagalog
        ("Kasaysayan: isang 45 taong gulang na babae na may panghihina.", ("female", 45)),
        ("Kasarian: Lalaki. Edad: 60.", ("male", 60)),
        # the case report's own formula is about the patient, not DM in general
        (
            "Summary: An 11-year-old Kenyan girl with features of juvenile dermatomyositis "
            "is presented here.",
            ("female", 11),
        ),
    ],
)
def test_the_age_and_sex_block_in_more_languages(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # the English word "home" is no sex, the Catalan mother's age is not the patient's
        "Discharged day 5, home.\nPlan: review in clinic.",
        "Antecedents: la seva mare de 70 anys té artritis.",
        # a general statement about DM stays general
        "Background: dermatomyositis is more common in a 50-year-old woman than in men.",
    ],
)
def test_no_age_or_sex_from_a_word_a_relative_or_a_general_statement(note: str) -> None:
    assert sex_and_age(note) == ("unknown", None)


# ------------------------------------------------------------------ the lung and compound cancers


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Slovene, Catalan, Tagalog, Afrikaans, Norwegian: the organ and the cancer noun
        ("Diagnoza: rak pljuč, 30 mm.", ("lung", "other")),
        ("Diagnòstic: càncer de pulmó, 30 mm.", ("lung", "other")),
        ("Diagnòstic: adenocarcinoma de pulmó, 30 mm.", ("lung", "adenocarcinoma")),
        ("Diagnosis: kanser sa baga, 30 mm.", ("lung", "other")),
        ("Diagnose: longkarsinoom, 30 mm.", ("lung", "other")),
        ("Diagnose: nyrekreft, 30 mm.", ("kidney", "other")),
    ],
)
def test_a_cancer_named_by_its_organ_in_more_languages(
    note: str, expected: tuple[str, str]
) -> None:
    assert tumour_sites(note) == [expected]


@pytest.mark.parametrize(
    "note",
    [
        # an anticancer drug (Indonesian) and a relative's lung cancer are no tumour
        "Terapi: obat antikanker diberikan. Paru-paru normal.",
        "Family history: her father had lung cancer. Lung: long-standing fibrosis.",
    ],
)
def test_no_cancer_from_a_drug_or_a_relative(note: str) -> None:
    assert tumour_sites(note) == []
