"""The patient's sex from grammar and forms, strength in the Greek and Baltic/Finnic languages,
the Finnic denial after its sign (issue #10, i10as).

Classes, each tested with sentences we wrote in several languages, and guards:

* sex from the feminine article or contraction before an epicene noun (Portuguese "a paciente",
  "desta paciente"; the masculine "o paciente" is the generic form and gives nothing), from
  participles said only of a person that agree with their subject (French "âgé(e) de",
  "marié(e)"; Spanish/Portuguese "casado/a", Italian "coniugato/a", "sposato/a"; two agreeing
  cues needed, none from a relative's clause), from a form's sex field or the patient's label in
  Estonian, Latvian and Lithuanian ("Sugu: mees", "Dzimums: sieviete", "Lytis: vyras",
  "Patsient: naine, 61 a."), from a first-person form ("I am a: boy") and before a next field
  whose label holds "&" ("Patient: male  A&E no: ...");
* strength: the girdle, its muscles and the examined movements in Estonian, Latvian,
  Lithuanian, Greek and Bulgarian, the Greek "εγγύς" (proximal) / "περιφερικά" (distally) and
  prepositions ("4/5 στους εγγύς μύες"), the foot's dorsal/plantar flexion in Romance languages;
* the Finnic denial that ends its clause ("Neelamisraskust ei ole.", "Dysfagiaa ei todettu.");
* the Greek reference-range label "φ.τ." (normal values) and the accented Greek heliotrope.

Expected values worked out by hand: the EULAR/ACR 2017 glossary (Lundberg et al., Ann Rheum Dis
2017;76:1955) for strength (a proximal group graded below MRC 5 is weak; in the legs proximal
weaker than distal when its grade is the lower), each language's grammar for the sex.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    UPPER,
    findings_of,
    labs_above_uln,
    read,
    sex_and_age,
)

STRENGTH = {UPPER, LOWER, LEGS_PROX}


def sex(note: str) -> str:
    return sex_and_age(note)[0]


# ------------------------------------------------------------------ sex from grammar and forms
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Portuguese: the feminine article or a contraction with it before the epicene noun
        (
            "Relato de caso: criança, 9 anos, com eritema nas pálpebras. Foi iniciada "
            "prednisona e a paciente recebeu alta.",
            "female",
        ),
        (
            "Caso: paciente de 58 anos com fraqueza. O tratamento desta paciente foi longo.",
            "female",
        ),
        ("Caso: paciente de 70 anos com disfagia. Na utente foi feita biópsia.", "female"),
        # French participles agreeing with the patient (two cues)
        ("Il s'agit de M. D.R., âgé de 61 ans, marié, ouvrier, admis pour faiblesse.", "male"),
        ("Patiente X, âgée de 47 ans, mariée et mère de deux enfants.", "female"),
        # Spanish and Italian: married and admitted
        ("Paciente de 50 años, casado, ingresado por debilidad proximal.", "male"),
        ("Paziente di 60 anni, coniugata, ricoverata per debolezza dei cingoli.", "female"),
        # Estonian, Latvian, Lithuanian form fields and labels
        ("Patsient: naine, 61 a.   Isikukood: 461XXXXXXXX", "female"),
        ("EPIKRIIS\nSugu: mees\nDiagnoos: dermatomüosiit", "male"),
        ("Izraksts\nDzimums: sieviete\nDiagnoze: dermatomiozīts", "female"),
        ("Išrašas\nLytis: vyras\nDiagnozė: dermatomiozitas", "male"),
        # a first-person form, and a next field whose label holds "&"
        ("ABOUT ME\nDate of birth: 01/02/2012   I am a: girl   School: P5", "female"),
        ("Patient: male  A&E no: 12345", "male"),
    ],
)
def test_sex_from_grammar_and_forms(note: str, expected: str) -> None:
    assert sex(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # the masculine article is the generic form: no evidence
        "Caso: paciente de 58 anos com fraqueza. O tratamento do paciente foi longo.",
        # one agreeing participle only
        "Patient âgé de 61 ans, adressé pour faiblesse.",
        # a relative's participles
        "Patient de 40 ans. Sa mère, âgée de 70 ans, mariée, est en bonne santé.",
        # a first-person line that names no sex
        "ABOUT ME\nI am a: pupil at St Mary's   Date of birth: 01/02/2012",
        # the Latvian feminine "paciente" is the Spanish epicene noun: not read
        "El paciente de 61 años con debilidad proximal.",
    ],
)
def test_sex_guards(note: str) -> None:
    assert sex(note) == "unknown"


# ------------------------------------------------------------------ strength
@pytest.mark.parametrize(
    "note",
    [
        "Lihasjõud (MRC): õlavööde 4/5 bilat., puusa painutajad 4-/5 bilat., distaalselt 5/5.",
        "Muskuļu spēks: plecu josla 4/5, gūžas saliecēji 3/5, distāli 5/5.",
        "Raumenų jėga: pečių juosta 4/5, klubo lenkiamieji 4/5, distaliai 5/5.",
        "Μυϊκή ισχύς: 4/5 στους εγγύς μύες άνω και κάτω άκρων, 5/5 περιφερικά.",
        "Μυϊκή ισχύς: ωμική ζώνη 4/5, πυελική ζώνη 3/5, ραχιαία κάμψη ποδιού 5/5.",
        "Мускулна сила: раменен пояс 4/5, тазов пояс 4/5, дистално 5/5.",
    ],
)
def test_proximal_weakness_legs_weaker(note: str) -> None:
    got = {k: v for k, v in findings_of(note).items() if k in STRENGTH}
    assert got == {UPPER: True, LOWER: True, LEGS_PROX: True}


@pytest.mark.parametrize(
    "note",
    [
        "EID: cuádriceps 3/5, flexión dorsal y plantar pie 5/5.",
        "Força: quadríceps 4/5, flexão dorsal do pé 5/5.",
        "Forza: cingolo pelvico 4/5, flessione dorsale del piede 5/5.",
    ],
)
def test_romance_foot_flexion_is_distal(note: str) -> None:
    got = findings_of(note)
    assert got.get(LOWER) is True
    assert got.get(LEGS_PROX) is True


def test_full_strength_and_other_sites_are_no_weakness() -> None:
    got = findings_of("Lihasjõud: õlavööde 5/5, puusa painutajad 5/5, distaalselt 5/5.")
    assert got.get(UPPER) is False and got.get(LOWER) is False
    # "περιφερικές θολώσεις" (peripheral opacities) on a chest CT is no strength site
    got = findings_of("HRCT θώρακος: αμφοτερόπλευρες περιφερικές θολώσεις 2/3 των πνευμόνων.")
    assert not {k for k in got if k in STRENGTH}


# ------------------------------------------------------------------ Finnic denial after the sign
@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Nahk: heliotroopset löövet ei ole, Gottroni papuleid ei ole.", "heliotrope_rash"),
        ("Anamnees: nõrkus reites. Neelamisraskust ei ole.", "dysphagia"),
        ("Status: iholla ei muutoksia. Dysfagiaa ei todettu.", "dysphagia"),
    ],
)
def test_finnic_denial_after_the_sign(note: str, code: str) -> None:
    assert findings_of(note).get(code) is False


def test_finnic_denial_stays_in_its_sentence() -> None:
    got = findings_of("Kaebusi ei ole. Nahal heliotroopne lööve.")
    assert got.get("heliotrope_rash") is True


# ------------------------------------------------------------------ Greek lab label, heliotrope
def test_greek_reference_label() -> None:
    assert labs_above_uln("Εργαστηριακά: CPK 412 U/L (φ.τ. 26-192).") == [("ck", True)]
    assert labs_above_uln("Εργαστηριακά: CPK 150 U/L (φ.τ. 26-192).") == [("ck", False)]


def test_greek_heliotrope_with_accent() -> None:
    assert (
        findings_of("Κλινική εξέταση: Ηλιοτρόπιο εξάνθημα άνω βλεφάρων.").get("heliotrope_rash")
        is True
    )
    assert (
        findings_of("Κλινική εξέταση: δεν παρατηρείται ηλιοτρόπιο εξάνθημα.").get("heliotrope_rash")
        is False
    )


def test_estonian_biopsy() -> None:
    biopsy = read(
        "Lihasbiopsia (15.10.2026): perimüsiaalne ja perivaskulaarne põletikuline infiltraat; "
        "perifastsikulaarset atroofiat ei esine."
    ).case.muscle_biopsy
    assert biopsy is not None
    assert biopsy.perimysial_perivascular_infiltrate is True
    assert biopsy.perifascicular_atrophy is False


# ------------------------------------------------------------------ one possessive on the body
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Case: a 59-year-old patient. Examination showed weakness in his proximal muscle "
            "groups.",
            "male",
        ),
        ("Case report: a 40-year-old patient with a violaceous rash on her eyelids.", "female"),
    ],
)
def test_one_possessive_on_the_body(note: str, expected: str) -> None:
    assert sex(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # a relative's body, and a possessive before no part of the body
        "Case: a 59-year-old patient. Examination was normal; his mother's hands were stiff.",
        "Case: a 59-year-old patient admitted from his home.",
        # pronouns of both sexes
        "Case: a 59-year-old patient with weakness in his arms. She was treated with steroids.",
    ],
)
def test_one_possessive_guards(note: str) -> None:
    assert sex(note) == "unknown"


# ------------------------------------------------------------------ upper and lower limbs named
@pytest.mark.parametrize(
    "note",
    [
        "Lihasvoima: proksimaalisesti yläraajoissa 4/5, alaraajoissa 5/5, distaalisesti 5/5.",
        "Μυϊκή ισχύς: εγγύς μύες άνω άκρων 4/5, κάτω άκρων 5/5, περιφερικά 5/5.",
    ],
)
def test_proximal_weakness_of_the_arms_only(note: str) -> None:
    got = findings_of(note)
    assert got.get(UPPER) is True
    assert got.get(LOWER) is not True


def test_greek_legs_only() -> None:
    got = findings_of("Μυϊκή ισχύς: εγγύς μύες άνω άκρων 5/5, κάτω άκρων 4/5, περιφερικά 5/5.")
    assert (got.get(UPPER), got.get(LOWER), got.get(LEGS_PROX)) == (False, True, True)
