"""Failure classes of the opened set reports:heldout_af (issue #10, round 35, helper i35r): the
Portuguese contraction "no" (em + o) before the nouns of an examination or a time, which is no
denial; a reference work's "Other presentations" heading, the disease's features in general;
a colour after its lesion (Romance order) is the lesion's own, not another lesion; "HMGR" for
HMG-CoA reductase; an age group's words between the noun and its bracketed age ("d'âge mûr (69
ans)"); the disease's picture said in the present tense ("le tableau clinique est dominé par") is
general; the French adjective "myalgique". Every vignette is our own."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, case_of, findings_of, read


@pytest.mark.parametrize(
    "text",
    [
        "Mulher de 52 anos. No exame físico, apresenta rash heliotrópico bilateral.",
        "Homem de 61 anos. No exame, tinha um eritema heliotrópico nas pálpebras.",
        "Mulher de 40 anos. No momento da admissão tinha disfagia para sólidos.",
        "Mulher de 47 anos. No internamento notou-se disfagia progressiva.",
    ],
)
def test_portuguese_no_before_an_examination_or_a_time_is_no_denial(text: str) -> None:
    found = findings_of(text)
    assert found and all(found.values()), found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the denials stay: Portuguese "não"/"sem" after the contraction, English and Spanish "no"
        ("Mulher de 52 anos. No exame físico, sem rash heliotrópico.", "heliotrope_rash"),
        ("Mulher de 52 anos. No exame, não tem disfagia.", "dysphagia"),
        ("A 52-year-old woman. No heliotrope rash.", "heliotrope_rash"),
        ("Mujer de 52 años. No presenta disfagia.", "dysphagia"),
    ],
)
def test_a_denial_after_or_instead_of_the_contraction_still_denies(text: str, code: str) -> None:
    assert findings_of(text).get(code) is False


_VIGNETTE = (
    "Caso clínico\n\n"
    "Mulher de 50 anos com fraqueza proximal. Ao exame, rash heliotrópico.\n\n"
    "{heading}\n\n"
    "Outros achados incomuns são disfagia, fenômeno de Raynaud e calcinose.\n"
)


@pytest.mark.parametrize(
    "heading",
    ["Outras apresentações", "Other presentations", "Otras presentaciones", "Autres présentations"],
)
def test_other_presentations_heading_is_about_the_disease(heading: str) -> None:
    found = findings_of(_VIGNETTE.format(heading=heading))
    assert found.get("heliotrope_rash") is True
    assert not {"dysphagia", "raynaud", "calcinosis"} & set(found)


def test_the_same_features_under_the_case_heading_are_hers() -> None:
    text = _VIGNETTE.format(heading="Evolução").replace("Outros achados incomuns são", "Tinha")
    assert findings_of(text).get("dysphagia") is True


def test_a_colour_after_its_lesion_is_no_other_lesion_between_a_site_and_the_lesion() -> None:
    # "violáceas" is the plaques' colour: the periorbital oedema before them does not take them
    text = "Mulher de 46 anos. Ao exame, edema periorbital, placas violáceas sobre os joelhos."
    assert findings_of(text).get("gottron_sign") is True


def test_another_lesion_between_a_place_and_the_lesion_still_takes_the_place() -> None:
    # "ulcers over the elbows": the palmar papules are not over the elbows
    text = "A 46-year-old woman. Palmar papules and ulcers over the elbows."
    assert "gottron_papules" not in findings_of(text)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Une femme de 60 ans. Anti-HMGR positifs.", "positive"),
        ("Une femme de 60 ans. La sérologie anti-HMGR-coréductase est négative.", "negative"),
        ("A 60-year-old woman. Anti-HMGR antibodies were positive.", "positive"),
    ],
)
def test_hmgr_is_the_enzymes_other_abbreviation(text: str, result: str) -> None:
    assert antibody_results(text).get("HMGCR") == result


def test_hmgr_without_a_result_is_no_antibody() -> None:
    text = "A 60-year-old woman. HMGR activity is the statins' target."
    assert "HMGCR" not in antibody_results(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Une patiente d'âge mûr (69 ans), myalgique depuis six ans.", 69),
        ("Une femme âgée (82 ans) consulte pour une faiblesse proximale.", 82),
        ("Una mujer de mediana edad (52 años) con debilidad proximal.", 52),
        ("Uma mulher de meia-idade (55 anos) com fraqueza proximal.", 55),
        ("Una paziente di mezza età (58 anni) con debolezza prossimale.", 58),
    ],
)
def test_an_age_group_before_the_bracketed_age(text: str, age: int) -> None:
    patient = case_of(text).patient
    assert patient.age == age
    assert str(patient.sex.value) == "female"


def test_an_age_group_of_patients_in_general_gives_no_age() -> None:
    assert case_of("Chez les femmes d'âge mûr, la myosite est fréquente.").patient.age is None


@pytest.mark.parametrize(
    "text",
    [
        "Une femme de 50 ans. Le tableau clinique est dominé par des myalgies et une dysphagie.",
        "Mujer de 50 años. El cuadro clínico está dominado por disfagia.",
        "Mulher de 50 anos. O quadro clínico é dominado por disfagia.",
        "A 50-year-old woman. The clinical picture is dominated by dysphagia.",
    ],
)
def test_the_diseases_picture_in_the_present_tense_is_general(text: str) -> None:
    assert "dysphagia" not in findings_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Une femme de 50 ans. Le tableau clinique était dominé par une dysphagie.",
        "A 50-year-old woman. The clinical picture was dominated by dysphagia.",
    ],
)
def test_her_picture_told_in_the_past_is_hers(text: str) -> None:
    assert findings_of(text).get("dysphagia") is True


def test_the_french_adjective_myalgique_is_myalgia() -> None:
    assert findings_of("Une femme de 50 ans, myalgique depuis deux ans.").get("myalgia") is True


def test_myalgic_encephalomyelitis_is_no_myalgia() -> None:
    result = read("Une femme de 50 ans, suivie pour une encéphalomyélite myalgique.")
    assert not [f for f in result.facts if f.code == "myalgia"]


@pytest.mark.parametrize(
    "text",
    [
        "A 72-year-old woman on azathioprine for a longstanding diagnosis, now with a flare.",
        "A 72-year-old woman with long-standing dermatomyositis presented with a scalp rash.",
        "Une femme de 72 ans, dermatomyosite connue de longue date, consulte pour une poussée.",
        "Mujer de 72 años con dermatomiositis de larga evolución.",
    ],
)
def test_a_longstanding_disease_leaves_the_age_at_onset_unknown(text: str) -> None:
    case = case_of(text)
    assert case.patient.age == 72
    assert case.onset_age is None


@pytest.mark.parametrize(
    "text",
    [
        # another disease longstanding, and "DM" (often diabetes): the age stays the estimate
        "A 72-year-old woman with a longstanding diagnosis of hypertension and a new rash.",
        "A 72-year-old woman with longstanding DM and new proximal weakness.",
    ],
)
def test_another_longstanding_disease_keeps_the_age_as_the_onsets_estimate(text: str) -> None:
    assert case_of(text).onset_age == 72


@pytest.mark.parametrize(
    ("text", "code", "result"),
    [
        ("Mulher de 60 anos. Os exames (FAN, antiJO, antiSRP) foram negativos.", "SRP", "negative"),
        ("A 60-year-old woman. AntiMDA5 positive.", "MDA5", "positive"),
        ("Mujer de 60 años. AntiHMGCR negativo.", "HMGCR", "negative"),
    ],
)
def test_anti_written_onto_a_short_name(text: str, code: str, result: str) -> None:
    assert antibody_results(text).get(code) == result


def test_the_hyphened_name_still_reads_as_before() -> None:
    got = read("A 60-year-old woman. Anti-SRP negative.")
    assert [f.evidence.text for f in got.facts if f.code == "SRP"] == ["SRP"]
