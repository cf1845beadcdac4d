"""Classes of wording in French, Portuguese, Spanish and English reports (issue #10, round 34,
worktree i34r): a title before the patient's initials ("Madame M.F.", "Mrs J.K."); weakness of
all four limbs in the European Portuguese spelling and the "quadri-" forms; the participle of
this patient's clinical picture ("com quadro ... caracterizado por"), which is no definition of
a disease; the disease's chief symptoms carried on after a general sentence ("The main symptoms
include ..."); a case report's abstract whose case part is headed "Patients and Methods". Our
own sentences (never copied from a report); the outcome of each worked out by hand, with the
negatives next to them."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LOWER,
    UPPER,
    antibody_results,
    findings_of,
    labs_coded,
    present,
    sex_and_age,
)

BOTH = {UPPER, LOWER}

# ---------------------------------------------------------------- a title before initials
TITLES = [
    ("fr madame", "Observation Madame R.T., âgée de 58 ans, consulte pour une dermatomyosite.",
     "female"),
    ("fr monsieur", "Monsieur J.P., 61 ans, est hospitalisé pour une faiblesse musculaire.",
     "male"),
    ("en mrs", "Case: Mrs K.L. presented at 58 with a heliotrope rash.", "female"),
    ("de herr", "Herr B.K., 61 Jahre, stellte sich mit Muskelschwäche vor.", "male"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "sex"), TITLES, ids=[r[0] for r in TITLES])
def test_a_title_before_the_patients_initials_gives_the_sex(
    label: str, note: str, sex: str
) -> None:
    assert sex_and_age(note)[0] == sex


def test_a_sex_letter_before_more_initials_stays_an_initial() -> None:
    # the form's patient field holds the initials, the first of them "M." (not male)
    assert sex_and_age("Patient: M. D. F. S., 58 years, dermatomyositis.")[0] == "unknown"


# ---------------------------------------------------------------- weakness of all four limbs
FOUR_LIMBS = [
    ("pt accented", "Doente de 64 anos com tetraparésia de predomínio proximal.", BOTH),
    ("pt quadri", "Ao exame, quadriparesia de predomínio proximal.", BOTH),
    ("es quadri", "A la exploración, cuadriparesia proximal simétrica.", BOTH),
    ("fr quadri", "Examen : quadriparésie à prédominance proximale.", BOTH),
    # four weak limbs said to be distal are no proximal item
    ("pt distal", "Tetraparésia de predomínio distal após a neuropatia.", set()),
    ("pt denied", "Sem tetraparésia ao exame; força proximal normal.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), FOUR_LIMBS, ids=[r[0] for r in FOUR_LIMBS])
def test_weakness_of_all_four_limbs(label: str, note: str, expected: set[str]) -> None:
    assert present(note) & BOTH == expected


# ---------------------------------------------------------------- this patient's clinical picture
def test_the_picture_this_patient_presents_with_is_hers() -> None:
    note = (
        "Mulher de 58 anos que se apresenta com quadro arrastado caracterizado por disfagia e "
        "elevação da creatina quinase."
    )
    assert "dysphagia" in present(note)
    assert [lab.above_uln for lab in labs_coded(note, "ck")] == [True]


def test_a_spanish_picture_with_an_indefinite_article_is_the_patients() -> None:
    assert "dysphagia" in present(
        "Varón de 63 años que presentó un cuadro clínico caracterizado por disfagia."
    )


@pytest.mark.parametrize(
    "note",
    [
        "O quadro clínico da dermatomiosite é caracterizado por disfagia.",
        "La dermatomiositis es una enfermedad caracterizada por disfagia.",
    ],
)
def test_a_disease_defined_in_general_stays_general(note: str) -> None:
    assert "dysphagia" not in findings_of(note)


# ---------------------------------------------------------------- the disease's chief symptoms
def test_the_chief_symptoms_after_a_definition_are_the_diseases() -> None:
    note = (
        "Background: Dermatomyositis is an inflammatory myopathy often linked to cancer. The "
        "main symptoms include proximal muscle weakness and dysphagia.\n\n"
        "Case: A 52-year-old man had a heliotrope rash."
    )
    got = findings_of(note)
    assert "dysphagia" not in got and UPPER not in got


def test_the_chief_symptoms_in_portuguese_after_a_definition_are_the_diseases() -> None:
    note = (
        "A dermatomiosite pode associar-se a neoplasias ocultas. Os principais sintomas incluem "
        "disfagia e fraqueza muscular proximal."
    )
    got = findings_of(note)
    assert "dysphagia" not in got and UPPER not in got


def test_the_patients_main_symptoms_stay_hers() -> None:
    note = (
        "A 49-year-old woman presented with a rash. The main symptoms were proximal muscle "
        "weakness and dysphagia."
    )
    assert {"dysphagia", UPPER, LOWER} <= present(note)


# ---------------------------------------------------------------- "Patients and Methods"
def test_a_case_abstract_headed_patients_and_methods_names_the_patient() -> None:
    note = (
        "Patients and Methods: We report a 53-year-old woman with a lump in the right breast "
        "and a violaceous rash of the eyelids."
    )
    assert sex_and_age(note) == ("female", 53)


# ---------------------------------------------------------------- a French demonym as the noun
DEMONYMS = [
    ("fr woman", "Une Tunisienne de 44 ans consulte pour un érythème.", ("female", 44)),
    ("fr man", "Un Algérien de 58 ans est admis pour une faiblesse des ceintures.", ("male", 58)),
    ("fr woman -aise", "Une Libanaise de 36 ans, sans antécédent, consulte.", ("female", 36)),
    # a capitalised noun of another kind, or a definite article, is no person
    ("fr definite", "Le Marocain de 52 ans cité plus haut.", ("unknown", None)),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), DEMONYMS, ids=[r[0] for r in DEMONYMS])
def test_a_french_demonym_with_an_age_is_the_patient(
    label: str, note: str, expected: tuple[str, int | None]
) -> None:
    assert sex_and_age(note) == expected


# ---------------------------------------------------------------- MeSH check tags
def test_a_mesh_line_with_one_sex_gives_it() -> None:
    note = (
        "Keywords :\nMyositis; Lung Diseases, Interstitial; Female; Humans; Aged\n"
        "Abstract :\nWe describe a 66-year-old patient with amyopathic dermatomyositis."
    )
    assert sex_and_age(note) == ("female", 66)


@pytest.mark.parametrize(
    "keywords",
    [
        "Humans; Male; Female; Dermatomyositis/therapy",  # a series indexes both
        "Dermatomyositis; Male; Myositis; Lung",  # no "Humans": author keywords, not MeSH
    ],
)
def test_a_keyword_line_without_one_mesh_sex_gives_none(keywords: str) -> None:
    note = f"Keywords: {keywords}\nWe describe a 66-year-old patient with dermatomyositis."
    assert sex_and_age(note) == ("unknown", 66)


# ---------------------------------------------------------------- a disease subset in the plural
@pytest.mark.parametrize(
    "note",
    [
        "À la différence des dermatomyosites à anticorps anti-TIF1 gamma, le risque de cancer "
        "est faible ici.",
        "As miosites com anticorpos anti-SRP costumam ser graves.",
        "Les myopathies à anti-HMGCR suivent souvent un traitement par statine.",
    ],
)
def test_an_antibody_naming_a_plural_subset_is_no_result(note: str) -> None:
    assert antibody_results(note) == {}


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Cette patiente avait une dermatomyosite à anticorps anti-TIF1 gamma.", "TIF1G"),
        ("Doente com miosite com anticorpos anti-SRP.", "SRP"),
    ],
)
def test_the_patients_own_subset_stays_positive(note: str, code: str) -> None:
    assert antibody_results(note) == {code: "positive"}


# ---------------------------------------------------------------- "for" before the movement
FOR_MOVEMENT = [
    ("pt para", "Aos 3 meses, força grau IV para flexão do quadril.", {LOWER}),
    ("es para", "Fuerza 4/5 para la flexión de cadera bilateral.", {LOWER}),
    ("fr pour", "Force cotée 3/5 pour la flexion de hanche.", {LOWER}),
    ("it per", "Forza 4/5 per la flessione dell'anca.", {LOWER}),
    # a grade "for" walking names no muscle
    ("pt walking", "Força grau IV para deambular sem apoio.", set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "note", "expected"), FOR_MOVEMENT, ids=[r[0] for r in FOR_MOVEMENT]
)
def test_a_grade_for_a_movement(label: str, note: str, expected: set[str]) -> None:
    assert present(note) & BOTH == expected
