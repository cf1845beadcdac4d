"""Failure classes of the thirteenth opened set (issue #10, round 5, helper i10af): the skin
signs, dysphagia and the raised muscle enzymes as families of wordings and layouts. The
heliotrope rash as an adjective ("heliotropic rash", Norwegian "heliotropt utslett") and
"around both eyes", Gottron's "symptom/syndrome" (the flat sign), a heliotrope colour named at
another site (the cheeks: not the sign, EULAR/ACR glossary: over the eyelids or periorbital), a
list of a disease's characteristic lesions in French/Spanish/Italian/German (general, not the
patient's), a bracketed aside's negation that does not reach past its bracket; the swallow
compounds of Norwegian/Swedish, coughing or choking tied to drinking and eating, "swallowing
was affected"; an ASTM E1394 / LIS2-A2 laboratory message, a form's legend of numbered
answers, a clinic note's BACKGROUND list and a shared record's VISIT LOG. Every vignette is
our own; expected values are worked out by hand (a CK above its stated upper limit is raised;
a bare CK above 1000 U/L is raised, rules/lexicon.yaml)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    antibody_results,
    findings_of,
    labs_coded,
    present,
    read,
    sex_and_age,
)

HELIO, PAPULES, SIGN = "heliotrope_rash", "gottron_papules", "gottron_sign"


# ------------------------------------------------------------------ heliotrope: how it is named
@pytest.mark.parametrize(
    "words",
    [
        "She had a heliotropic rash of the upper eyelids.",
        "On examination a heliotropic erythema was present.",
        "Funn: Heliotropt utslett med lett ødem av øvre øyelokk.",  # Norwegian
        "Undersøgelse: heliotropt udslæt på øjenlågene.",  # Danish
        "He had a purplish discoloration around both eyes.",
        "Violaceous erythema surrounding the eyes was noted.",
        "Eritema violáceo alrededor de ambos ojos.",  # Spanish
    ],
)
def test_the_heliotrope_rash_in_its_adjective_and_around_the_eyes(words: str) -> None:
    assert HELIO in present(f"A 58-year-old man. {words}")


@pytest.mark.parametrize(
    "words",
    [
        "She had no heliotropic rash.",
        "Ingen heliotropt utslett.",  # Norwegian: no heliotrope rash
        "His mother had a heliotropic rash.",
    ],
)
def test_a_heliotropic_rash_denied_or_a_relatives_is_not_the_patients(words: str) -> None:
    assert HELIO not in present(f"A 58-year-old man. {words}")


def test_an_aside_in_brackets_does_not_negate_what_follows_it() -> None:
    note = (
        "A 69-year-old man with HIV (viral load undetectable), presents with a purplish "
        "discoloration around both eyes."
    )
    assert findings_of(note).get(HELIO) is True
    # a bracket that qualifies a label before its colon governs the list after the colon
    note = "A 69-year-old man. Antibodies tested (all negative): Jo-1, PL-7, PL-12."
    assert antibody_results(note) == {"JO1": "negative", "PL7": "negative", "PL12": "negative"}
    # the aside's own target is still negated inside the bracket
    assert (
        findings_of("A 69-year-old man (dysphagia absent), presents with a rash.").get("dysphagia")
        is not True
    )


@pytest.mark.parametrize(
    "words",
    [
        "Eritema eliotropo delle guance e del dorso del naso.",  # Italian: cheeks and nose
        "A heliotrope erythema of both cheeks.",
        "Eritema en heliotropo de las mejillas.",  # Spanish: the cheeks
        "Érythème héliotrope des joues.",  # French: the cheeks
    ],
)
def test_a_heliotrope_colour_named_at_another_site_is_not_the_sign(words: str) -> None:
    assert HELIO not in present(f"A 3-year-old boy. {words}")


@pytest.mark.parametrize(
    "words",
    [
        "A heliotrope erythema of the eyelids and the cheeks.",  # the eyelids named too
        "Heliotrope rash of the face.",  # the face holds the eyelids
        "Heliotrope rash and erythema of the cheeks.",  # the cheeks are the other rash's
    ],
)
def test_a_heliotrope_with_the_eyelids_or_without_another_place_stays(words: str) -> None:
    assert HELIO in present(f"A 60-year-old woman. {words}")


@pytest.mark.parametrize(
    "words",
    [
        "Les atteintes cutanées caractéristiques sont : un érythème violacé des paupières.",
        "Las lesiones cutáneas características son el eritema violáceo de los párpados.",
        "Le lesioni cutanee tipiche sono un eritema violaceo delle palpebre.",
        "Typische Hautveränderungen sind ein lividés Erythem der Augenlider.",
    ],
)
def test_a_diseases_characteristic_skin_signs_are_general(words: str) -> None:
    assert HELIO not in present(f"Un homme de 69 ans. {words}")


def test_the_patients_own_lesions_with_the_same_adjective_stay_his() -> None:
    note = "Un homme de 69 ans. Il présente un érythème violacé des paupières."
    assert HELIO in present(note)


# ------------------------------------------------------------------ Gottron's sign: other names
@pytest.mark.parametrize(
    "words",
    [
        "Gottron syndrome in the area of the extensor surface of the finger joints.",
        "There was a positive Gottron's symptom over the knuckles.",
        "Symptom of Gottron over the MCP joints.",
    ],
)
def test_gottron_symptom_or_syndrome_is_the_sign(words: str) -> None:
    found = present(f"A 62-year-old woman. {words}")
    assert SIGN in found
    assert PAPULES not in found  # flat: papules are not described


def test_gottron_syndrome_denied_is_absent() -> None:
    assert findings_of("A 62-year-old woman. No Gottron syndrome.").get(SIGN) is False


# ------------------------------------------------------------------ dysphagia
@pytest.mark.parametrize(
    "words",
    [
        "She has started coughing when she drinks.",
        "He chokes when he eats.",
        "Coughing on drinks since last week.",
        "She coughs with thin fluids.",
        "Breathing and swallowing were affected.",
        "Swallowing was impaired at presentation.",
        "Siste tre uker svelgvansker for fast føde.",  # Norwegian
        "Sväljningsproblem sedan två veckor.",  # Swedish
        "La deglución estaba afectada.",  # Spanish
    ],
)
def test_dysphagia_as_relatives_patients_and_letters_say_it(words: str) -> None:
    assert "dysphagia" in present(f"A 67-year-old woman. {words}")


@pytest.mark.parametrize(
    "words",
    [
        "Swallowing was not affected.",  # no term: the negation stands inside
        "She does not cough when she drinks.",
        "Her father chokes when he eats.",
        "Ingen svelgvansker.",  # Norwegian: no swallowing difficulty
    ],
)
def test_dysphagia_denied_unaffected_or_a_relatives_is_not_present(words: str) -> None:
    assert "dysphagia" not in present(f"A 67-year-old woman. {words}")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Dysphagia not present.", {"dysphagia": False}),
        ("Difficulty swallowing not noted.", {"dysphagia": False}),
        ("Gottron's papules not seen.", {PAPULES: False}),
        # the terse denial reaches only its own finding, not the one before the comma
        ("Heliotrope rash present, dysphagia not present.", {HELIO: True, "dysphagia": False}),
        # "not present with": the verb; the "not" before it still denies what follows
        ("She did not present with dysphagia.", {"dysphagia": False}),
    ],
)
def test_a_terse_denial_after_the_finding(words: str, expected: dict[str, bool]) -> None:
    assert findings_of(f"A 60-year-old man. {words}") == expected


def test_a_screen_not_repeated_denies_no_antibody_named_as_its_reason() -> None:
    note = "A 60-year-old man. Malignancy screen not repeated now (Mi-2; cancer in remission)."
    assert antibody_results(note).get("MI2") != "negative"
    note = "A 60-year-old man. Malignancy screen not repeated (Mi-2 positive in 2024)."
    assert antibody_results(note) == {"MI2": "positive"}


# ------------------------------------------------------------------ an ASTM laboratory message
_ASTM = (
    "H|\\^&|||LAB-LIS^1.0|||||EHR||P|LIS2-A2|20261103150000\n"
    "P|1||12345||DOE^J||19700215|M\n"
    "O|1|S001||^^^CHEM|R|20261102080000|20261102083000||||||?myositis\n"
    "R|1|^^^CK^Creatine kinase|2150|U/L|39 to 308|H||F||||20261102110000\n"
    "R|2|^^^ALAT^Alanine aminotransferase|30|U/L|0 to 45|N||F||||20261102110000\n"
    "R|3|^^^LDH^|420|U/L|0 to 250|H||F||||20261102110000\n"
    "L|1|N\n"
)


def test_an_astm_message_gives_each_result_its_range_and_the_collection_date() -> None:
    (ck,) = labs_coded(_ASTM, "ck")
    assert (ck.value, ck.upper_limit, ck.is_above_uln) == (2150, 308, True)
    assert ck.date.isoformat() == "2026-11-02"  # the specimen's collection (O-8), not the send
    (alt,) = labs_coded(_ASTM, "alt")
    assert (alt.value, alt.upper_limit, alt.is_above_uln) == (30, 45, False)
    # a result named by its local code only ("^^^LDH^"): the code names the test
    (ldh,) = labs_coded(_ASTM, "ldh")
    assert (ldh.value, ldh.is_above_uln) == (420, True)


def test_an_astm_message_gives_the_patients_sex_and_birth_date() -> None:
    sex, age = sex_and_age(_ASTM)
    assert sex == "male"
    assert age == 56  # born 15 Feb 1970, read on 27 Nov 2026


def test_lines_that_only_look_like_astm_records_are_text() -> None:
    note = "A 56-year-old man.\nR|1| was written on the form\nCK 2150 U/L (ref 39-308)."
    (ck,) = labs_coded(note, "ck")
    assert (ck.value, ck.upper_limit) == (2150, 308)


# ------------------------------------------------------------------ a form's numbered answers
_FORM = """PHENOTYPE SHEET
Date of visit ......... 2026-11-10
Date of birth ......... 1960-03-01
Sex (1 = male, 2 = female) ... 2
Features ever (0 = no, 1 = yes, 9 = unknown)
    heliotrope rash ............ 1
    dysphagia .................. 1
    Gottron's papules .......... 0
    mechanic's hands ........... 9
"""


def test_a_legend_of_numbered_answers_reads_each_field() -> None:
    found = findings_of(_FORM)
    assert found.get(HELIO) is True
    assert found.get("dysphagia") is True
    assert found.get(PAPULES) is False
    assert "mechanics_hands" not in found  # 9 = unknown: nothing stated
    assert sex_and_age(_FORM)[0] == "female"


def test_without_a_legend_a_number_after_a_field_is_no_answer() -> None:
    note = "Date of visit ......... 2026-11-10\nAge ......... 66\nheliotrope rash ...... 0\n"
    assert findings_of(note).get(HELIO) is not False  # "0" is not a "no" without a legend


def test_a_lab_row_under_a_setting_and_its_bracketed_date() -> None:
    note = (
        "Date of visit ......... 2026-11-10\nAge ......... 66\n"
        "Creatine kinase\n    at diagnosis (2025-05-08) ........ 4300 U/L\n"
    )
    (ck,) = labs_coded(note, "ck")
    assert (ck.value, ck.date.isoformat(), ck.is_above_uln) == (4300, "2025-05-08", True)


# ------------------------------------------------------------------ sections of a shared record
_LOG = """COMMUNITY TEAM - VISIT LOG
Patient: 74F
BACKGROUND
- Dermatomyositis diagnosed 2023, anti-TIF1-gamma positive.
- Hypertension.

VISIT LOG
12/11/2026 10:00 - visit 1: violaceous rash of both upper eyelids; coughs after sips of water.
Bloods: CK 1850 U/L (ref 25-200).
"""


def test_a_background_list_and_a_visit_log_are_the_patients() -> None:
    result = read(_LOG)
    found = {f.code.value for f in result.case.findings if f.present}
    assert {HELIO, "dysphagia"} <= found
    assert {a.code.value: a.result.value for a in result.case.antibodies} == {"TIF1G": "positive"}
    (ck,) = [lab for lab in result.case.labs if lab.code.value == "ck"]
    assert (ck.value, ck.is_above_uln) == (1850, True)


def test_a_case_reports_background_prose_stays_general() -> None:
    note = (
        "Background\n\nDermatomyositis is characterised by a heliotrope rash and dysphagia.\n\n"
        "Case presentation\n\nA 50-year-old woman presented with myalgia."
    )
    found = findings_of(note)
    assert HELIO not in found and "dysphagia" not in found
    assert found.get("myalgia") is True


# ------------------------------------------------------------------ a device removed
def test_a_device_removed_is_no_operation() -> None:
    result = read(
        "A 70-year-old man with bladder cancer. Dose 3 given; cannula removed 21/11/2026."
    )
    assert [e.kind.value for e in result.case.events] == []
    assert [t.resected_date for t in result.case.tumours] == [None]


def test_a_cancer_removed_and_a_drain_removed_keep_the_operation() -> None:
    result = read("A 60-year-old man. Colon cancer removed in March 2025; drain removed on day 5.")
    assert [(t.site.value, t.resected_date.isoformat()) for t in result.case.tumours] == [
        ("colon", "2025-03-01")
    ]
