"""Classes of wording in French, Spanish, Portuguese and Italian reports and in English abstracts
(issue #10, session of 1 Dec 2026, worktree i10-text20): a copy written without accents, the
adjective after its noun (colour, "swollen", "weak"), the Romance prepositions between a grade and
its muscles, "Descrição do caso" and its kin as the case's heading, an identification line with
the sex and age side by side, the reference-interval labels, a cancer at the oesophagogastric
junction or "of the breast" after its preposition, an antibody's definition, and an operation
dated after the reading day. Our own sentences (never copied from a report); the outcome of each
worked out by hand from what the sentence says, with the negatives next to them."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import (
    LOWER,
    UPPER,
    antibody_results,
    findings_of,
    labs_coded,
    present,
    sex_and_age,
    tumour_sites,
)

HELIOTROPE = "heliotrope_rash"
BOTH = {UPPER, LOWER}


# --------------------------------------------------------------- accents dropped by the copy
# every term is listed once with its accents; a copy without them reads the same
ACCENTS = [
    ("fr accented", "Examen : érythème violacé des paupières supérieures.", {HELIOTROPE}),
    ("fr plain", "Examen : erytheme violace des paupieres superieures.", {HELIOTROPE}),
    ("fr ligature spelt out", "Examen : oedeme lilas des paupieres.", {HELIOTROPE}),
    ("pt plain", "Exame: eritema violaceo nas palpebras.", {HELIOTROPE}),
    # oedema of the eyelids without a colour is not the sign, with or without accents
    ("fr oedema alone", "Examen : oedeme des paupieres.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), ACCENTS, ids=[r[0] for r in ACCENTS])
def test_a_copy_without_accents_reads_like_the_accented_one(
    label: str, note: str, expected: set[str]
) -> None:
    assert present(note) & {HELIOTROPE} == expected


def test_a_diaeresis_still_tells_words_apart() -> None:
    # Dutch "patiënten" (patients in general) is not Swedish "patienten" (the patient): the
    # Swedish sentence is about this patient, so its signs are hers
    note = "Patienten hade heliotropt utslag."
    assert present(note) == {HELIOTROPE}


# --------------------------------------------------------------- the adjective after its noun
POSTPOSED = [
    # colour after the lesion, then the eyelids
    ("fr lilac oedema", "À l'examen, œdème liliacé des paupières et myalgies.", {HELIOTROPE}),
    ("fr lilac oedema plain", "A l'examen, oedeme liliace des paupieres.", {HELIOTROPE}),
    # swollen eyelids with a violet hue (Italian: "gonfie" after its noun)
    ("it swollen violet", "Aveva le palpebre gonfie di colore violaceo.", {HELIOTROPE}),
    ("it swollen only", "Aveva le palpebre gonfie.", set()),
    # "weak in the proximal muscles": both proximal groups
    ("it weak", "Era debole nei muscoli prossimali.", BOTH),
    ("es weak", "Se encontraba débil en los músculos proximales.", BOTH),
    # "weakness of the girdles": the shoulder and pelvic girdles, arms and legs
    ("fr girdles", "Elle présentait une faiblesse musculaire des ceintures.", BOTH),
    ("es girdles", "Refería debilidad muscular de las cinturas.", BOTH),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), POSTPOSED, ids=[r[0] for r in POSTPOSED])
def test_the_adjective_after_its_noun(label: str, note: str, expected: set[str]) -> None:
    assert present(note) & (BOTH | {HELIOTROPE}) == expected


def test_a_denied_weakness_in_italian_is_absent() -> None:
    got = findings_of("Non era debole nei muscoli prossimali.")
    assert got.get(UPPER) is False and got.get(LOWER) is False


# --------------------------------------------------------------- a grade before its muscles
GRADES = [
    # MRC grade 3 (Roman III) "in proximal topography": below 5, weakness of both groups
    ("pt roman", "Exame neurológico: força muscular grau III em topografia proximal.", BOTH),
    ("es slash", "Exploración: fuerza 4/5 en región proximal de las cuatro extremidades.", BOTH),
    ("es girdle", "Exploración: fuerza 4/5 en la cintura pélvica.", {LOWER}),
    # grade V is full strength: no weakness
    ("pt full", "Exame neurológico: força muscular grau V em topografia proximal.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), GRADES, ids=[r[0] for r in GRADES])
def test_a_grade_before_its_muscles_after_a_romance_preposition(
    label: str, note: str, expected: set[str]
) -> None:
    assert present(note) & BOTH == expected


def test_full_strength_in_proximal_topography_is_no_weakness() -> None:
    got = findings_of("Exame neurológico: força muscular grau V em topografia proximal.")
    assert got.get(UPPER) is False and got.get(LOWER) is False


# --------------------------------------------------------------- the case's own heading
def test_descricao_do_caso_opens_the_case_after_an_introduction() -> None:
    # the introduction is about the disease; the facts under "Descrição do caso" are hers
    note = (
        "Introdução\n\nA miosite é rara e pode causar fraqueza muscular.\n\n"
        "Objetivos\n\nDescrever um caso.\n\n"
        "Descrição do caso\n\nM.R., sexo feminino, 47 anos. Anti-Jo1 positivo.\n"
    )
    assert sex_and_age(note) == ("female", 47)
    assert antibody_results(note) == {"JO1": "positive"}


def test_the_introduction_stays_general() -> None:
    note = (
        "Introdução\n\nO anti-Jo1 é positivo em muitos doentes com síndrome antissintetase.\n\n"
        "Descrição do caso\n\nM.R., sexo feminino, 47 anos.\n"
    )
    assert antibody_results(note) == {}


# --------------------------------------------------------------- sex and age side by side
SEX_AGE = [
    ("pt sex first", "Descrição do caso: J.P., sexo masculino, 63 anos, agricultor.", ("male", 63)),
    ("pt age first", "Descrição do caso: R.S.T., 39 anos, sexo feminino, professora.",
     ("female", 39)),
    ("es sex first", "Caso clínico: A.G., sexo femenino, 71 años, jubilada.", ("female", 71)),
    # a duration is not an age: "sexo masculino, 5 anos de evolução" gives no age
    ("pt duration", "Descrição do caso: M.R., sexo masculino, 5 anos de evolução.",
     ("male", None)),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), SEX_AGE, ids=[r[0] for r in SEX_AGE])
def test_sex_and_age_as_neighbouring_items(
    label: str, note: str, expected: tuple[str, int | None]
) -> None:
    assert sex_and_age(note) == expected


# --------------------------------------------------------------- reference interval labels
RANGES = [
    ("it interval", "La creatinchinasi era 640 U/L (intervallo di riferimento: 25-190 U/L).",
     640.0, 190.0),
    ("es interval", "CPK 1480 UI/L (intervalo de referencia 20-170).", 1480.0, 170.0),
    ("pt label initials", "CPK 85 (valor de referência-VR <170).", 85.0, 170.0),
    ("es rango", "CK 2300 U/L (rango de referencia: <200).", 2300.0, 200.0),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "value", "upper"), RANGES, ids=[r[0] for r in RANGES])
def test_the_reference_interval_labels(label: str, note: str, value: float, upper: float) -> None:
    (ck,) = labs_coded(note, "ck")
    assert (ck.value, ck.upper_limit) == (value, upper)
    assert ck.is_above_uln is (value > upper)


# --------------------------------------------------------------- cancer sites
CANCERS = [
    ("en junction", "Endoscopy: a squamous cell carcinoma at the gastro-oesophageal junction.",
     [("oesophagus", "squamous_cell_carcinoma")]),
    ("en junction US", "Biopsy of the esophagogastric junction showed an adenocarcinoma.",
     [("oesophagus", "adenocarcinoma")]),
    ("es occult breast", "Se diagnosticó un carcinoma oculto de la mama.", [("breast", "other")]),
    ("pt breast", "Foi diagnosticado um carcinoma invasivo da mama.", [("breast", "other")]),
    # the junction or the breast without a cancer noun is no tumour
    ("en reflux", "Gastroscopy: mild reflux at the gastro-oesophageal junction.", []),
    ("es breast exam", "Exploración de la mama sin hallazgos.", []),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), CANCERS, ids=[r[0] for r in CANCERS])
def test_cancer_sites(label: str, note: str, expected: list[tuple[str, str]]) -> None:
    assert tumour_sites(note) == expected


def test_an_operation_after_today_leaves_the_tumour_in_the_case() -> None:
    # read as of 1 May 2020: the cancer found in April 2020 is hers; the oesophagectomy of
    # March 2022 is after the reading day, so it is no resection yet
    day = date(2020, 5, 1)
    note = (
        "A 66-year-old man with dermatomyositis. Oesophageal cancer was found on endoscopy in "
        "April 2020. He underwent oesophagectomy in March 2022."
    )
    case = extract_case(note, anchor=day, today=day).case
    assert [(t.site.value, t.resected_date) for t in case.tumours] == [("oesophagus", None)]


# --------------------------------------------------------------- an antibody defined
DEFINED = [
    ("defined", "Anti-TIF1γ antibodies are one of the myositis-specific autoantibodies.", {}),
    ("defined bracket", "Anti-NXP2 antibodies (seen in juvenile cases) are among the "
     "myositis-specific antibodies.", {}),
    ("her result", "She had anti-TIF1γ antibodies.", {"TIF1G": "positive"}),
    ("present", "Anti-TIF1γ antibodies are present.", {"TIF1G": "positive"}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), DEFINED, ids=[r[0] for r in DEFINED])
def test_an_antibody_defined_is_no_result(label: str, note: str, expected: dict[str, str]) -> None:
    assert antibody_results(note) == expected


# --------------------------------------------------------------- the result as a noun
RESULT_NOUNS = [
    ("pt list", "Caso: positividade para anticorpos antinucleares, Ro52 e TIF1g.",
     {"ANA": "positive", "RO52": "positive", "TIF1G": "positive"}),
    ("es positive", "Caso: positividad para anti-Jo1.", {"JO1": "positive"}),
    ("pt negative", "Caso: negatividade para anti-Jo1.", {"JO1": "negative"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "note", "expected"), RESULT_NOUNS, ids=[r[0] for r in RESULT_NOUNS]
)
def test_the_result_as_a_noun_before_the_tests(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


def test_the_portuguese_birth_date_label() -> None:
    # "DN" (data de nascimento): born 2 March 2017, so 9 years old on 27 Nov 2026
    note = "Paciente: A.B., sexo feminino, 9 anos (DN 02/03/2017), procedente de Recife."
    patient = extract_case(note, today=date(2026, 11, 27)).case.patient
    assert (patient.birth_date, patient.age) == (date(2017, 3, 2), 9)


def test_dn_in_lower_case_is_no_birth_date_label() -> None:
    note = "Paciente: A.B., sexo feminino, 9 anos. Exames: dn 02/03/2017."
    patient = extract_case(note, today=date(2026, 11, 27)).case.patient
    assert patient.birth_date is None
