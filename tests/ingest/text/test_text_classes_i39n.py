"""Failure classes of the opened note set heldout41 (issue #10, round 39, helper i39n). Every
vignette is our own; the expected values are worked out by hand: the EULAR/ACR items (Lundberg
et al., Ann Rheum Dis 2017;76:1955, Table 1: heliotrope rash, Gottron's papules and sign,
proximal weakness of the arms and legs, legs proximal weaker than distal, neck flexors weaker
than extensors), dates as the notes write them (tests/data/notes/README.md: a month alone is its
1st; signs of the presentation dated where the text ties them), and the antibodies as the lists
state them. Lao and Aranese Occitan sentences are written from each language's standard words
(verified U)."""

from __future__ import annotations

from datetime import date

import pytest

from . import helpers as h

# ------------------------------------------- a cancer screen *for* the myositis is no hypothesis

_SCREEN = (
    "Sex: Male. DOB: 14-Mar-1958.\n"
    "Bladder cancer found on the malignancy screen for {disease} (diagnosed 05-Sep-2026 in"
    " clinic: eyelid rash, proximal myopathy, CK 3,400 U/L [ref 40-320])."
)


@pytest.mark.parametrize("disease", ["dermatomyositis", "his dermatomyositis", "known myositis"])
def test_signs_listed_after_a_screen_for_the_myositis_are_the_patients(disease: str) -> None:
    found = h.present(_SCREEN.format(disease=disease))
    assert {"heliotrope_rash", h.UPPER, h.LOWER} <= found


def test_a_screen_for_something_else_stays_a_search() -> None:
    note = "A 61-year-old man. Plan: screen for interstitial lung disease and dysphagia."
    assert not h.present(note) & {"interstitial_lung_disease", "dysphagia"}


# ---------------------------------------------- "knuckle rash": the flat sign, as over the knuckles


@pytest.mark.parametrize(
    "phrase", ["knuckle rash", "eyelid and knuckle rash", "a violaceous knuckle rash"]
)
def test_a_knuckle_rash_is_gottrons_sign(phrase: str) -> None:
    assert "gottron_sign" in h.present(f"A 66-year-old man. At diagnosis: {phrase}.")


def test_eyelid_and_knuckle_rash_gives_both_signs() -> None:
    found = h.present("A 66-year-old man. At diagnosis: eyelid and knuckle rash.")
    assert {"heliotrope_rash", "gottron_sign"} <= found


def test_knuckle_rash_denied_and_knuckle_lesions_say_no_sign() -> None:
    assert h.findings_of("A 66-year-old man. No knuckle rash.").get("gottron_sign") is False
    assert "gottron_sign" not in h.present("A 66-year-old man. Knuckle lesions, healing.")


def test_another_phrases_lesion_is_no_knuckle_rash() -> None:
    assert "gottron_sign" not in h.findings_of("A 66-year-old man. Eyelid rash, knuckle lesions.")


def test_knuckle_rash_beside_gottrons_papules_gives_the_papules_only() -> None:
    found = h.present("A 66-year-old man. Knuckle rash and Gottron's papules over the elbows.")
    assert "gottron_papules" in found and "gottron_sign" not in found


# ------------------------------------------ the eyelids' colour with an adverb between ("still")


@pytest.mark.parametrize(
    "said",
    [
        "The upper eyelids are still faintly lilac.",
        "Her eyelids are slightly violaceous.",
        "Both upper eyelids remain mildly purple.",
    ],
)
def test_eyelids_still_faintly_coloured_are_the_heliotrope(said: str) -> None:
    assert "heliotrope_rash" in h.present(f"Mrs Cole, 57. {said}")


@pytest.mark.parametrize(
    "said",
    [
        "The upper eyelids are no longer lilac.",
        "The upper eyelids are normal, the knuckles still faintly lilac.",
    ],
)
def test_eyelids_no_longer_coloured_or_another_sites_colour_are_no_heliotrope(said: str) -> None:
    assert "heliotrope_rash" not in h.present(f"Mrs Cole, 57. {said}")


# ---------------------- a diagnosis dated by the date after its word; the onset's sign keeps its


_BEGAN = (
    "Clinic date: 19 November 2026\n"
    "Mrs Cole, 61. Her dermatomyositis began with a lilac rash on the eyelids in October 2025"
    " and was diagnosed by Dr Amis (rheumatology) on the 14th of January 2026."
)


def test_the_diagnosis_takes_the_date_after_its_word() -> None:
    assert h.case_of(_BEGAN).diagnosis_date == date(2026, 1, 14)


def test_the_sign_the_illness_began_with_is_recorded_at_its_own_month() -> None:
    rash = h.finding(_BEGAN, "heliotrope_rash")
    assert rash.present and rash.date == date(2025, 10, 1)


def test_a_finding_dated_by_the_diagnosis_in_its_sentence_stays_past_history() -> None:
    # the diagnosis's own date, borrowed by the finding: not the presentation's statement
    note = (
        "Clinic date: 19 November 2026\nMrs Cole, 61. Dysphagia in known DM (diagnosed May 2024)."
    )
    assert "dysphagia" not in h.present(note)


# ----------------------------------- a presentation statement's "from" dates the sign it names

_CAMP = (
    "Provider exam 20 Nov 2026. Sex: F. Age: 13.\n"
    "First symptoms: rash on cheeks and eyelids from 03/2022, then trouble climbing stairs.\n"
    "Skin today: Heliotrope: resolved."
)


def test_the_first_symptoms_rash_is_dated_at_its_start_beside_todays_resolution() -> None:
    rashes = {
        (f.present, f.date) for f in h.case_of(_CAMP).findings if f.code.value == "heliotrope_rash"
    }
    assert (True, date(2022, 3, 1)) in rashes
    assert (False, date(2026, 11, 20)) in rashes


def test_a_rash_since_a_month_outside_a_presentation_is_dated_on_it() -> None:
    # (issue #10, i50o: the lead's gold decision of 5 Dec 2026, 3: a finding stated "since
    # DATE" is dated on that date, in a presentation or not; it was today's before)
    note = "Exam 10 Nov 2026. Sex: F. Rash on the eyelids since 03/2026."
    assert h.finding(note, "heliotrope_rash").date == date(2026, 3, 1)


# --------------------------------------------------- "IF:" opens a condition's list of symptoms


def test_a_safety_net_list_after_if_colon_records_nothing() -> None:
    note = (
        "A 12-year-old girl with JDM.\n"
        "CALL THE FAMILY IF: fever 38.5 C or above, new weakness, trouble swallowing or breathing,"
        " a new open sore."
    )
    assert not h.present(note) & {"dysphagia", "cutaneous_ulceration", h.UPPER, h.LOWER}


def test_a_list_without_if_is_still_read() -> None:
    note = "A 12-year-old girl with JDM. Today: trouble swallowing, new open sore over the elbow."
    assert "dysphagia" in h.present(note)


# ----------------------------------------- a table row's TOTAL after its last grade (Kendall, MRC)


@pytest.mark.parametrize(
    "row",
    [
        "Gluteus maximus 7 | Ankle dorsiflexors 10      TOTAL 71/80",
        "Hip flexors 4 | Ankle dorsiflexors 5   Total 36/40",
    ],
)
def test_the_last_grade_before_a_total_is_read(row: str) -> None:
    note = f"A 10-year-old boy. Muscle (MMT8, Kendall 0-10 scale, right side):\n  {row}"
    assert h.LEGS_PROX in h.strength_items(note)


# ------------------------------------------------------------- the age said by a birthday passed


def test_a_birthday_just_passed_gives_the_age_and_sex() -> None:
    note = "Thank you for seeing Mrs Lowe, who celebrated her 58th birthday in September."
    assert h.sex_and_age(note) == ("female", 58)


def test_a_relatives_birthday_gives_no_age() -> None:
    note = "Thank you for seeing Mr Hill. His mother celebrated her 80th birthday last week."
    assert h.sex_and_age(note)[1] is None


# ------------------------------------------------------------------------------------- Lao

_LAO = (
    "ເພດ: ຍິງ          ອາຍຸ: 47 ປີ\n"
    "ບໍ່ມີ ກືນຍາກ. ເຈັບກ້າມຊີ້ນ ແຂນ. ນ້ຳໜັກຫຼຸດ 3 ກິໂລ.\n"
    "ຕຸ່ມນູນ ສີແດງ ຢູ່ເທິງ ຂໍ້ນິ້ວມື ທັງສອງມື. ຜື່ນ ສີມ່ວງ ຢູ່ ໜັງຕາ.\n"
    "ແຮງກ້າມຊີ້ນ (MRC):\n"
    "  ກາງແຂນອອກ       4      4\n"
    "  ງໍສະໂພກ          4      4\n"
    "  ກະດົກຕີນຂຶ້ນ      5      5\n"
    "  ງໍຄໍ 3 ; ເງີຍຄໍ 5\n"
)
_LAO_ANTIBODIES = (
    "ເພດ: ຍິງ  ອາຍຸ: 47 ປີ\n"
    "ພູມຕ້ານທານ (line blot):\n"
    "  anti-Mi-2 ບວກ (++);\n"
    "  anti-Jo-1, anti-TIF1-γ, anti-MDA5 ລົບ."
)


def test_lao_patient_fields() -> None:
    assert h.sex_and_age(_LAO) == ("female", 47)
    assert h.sex_and_age("ເພດ: ຊາຍ  ອາຍຸ: 63 ປີ") == ("male", 63)


def test_lao_findings_and_denials() -> None:
    found = h.findings_of(_LAO)
    assert found["dysphagia"] is False
    for code in ("myalgia", "weight_loss", "gottron_papules", "heliotrope_rash"):
        assert found[code] is True, code


def test_lao_strength_rows_and_neck() -> None:
    assert h.strength_items(_LAO) == {h.UPPER, h.LOWER, h.LEGS_PROX, h.NECK}


def test_lao_antibody_results() -> None:
    assert h.antibody_results(_LAO_ANTIBODIES) == {
        "MI2": "positive",
        "JO1": "negative",
        "TIF1G": "negative",
        "MDA5": "negative",
    }


def test_lao_antibodies_dated_by_the_sample_not_the_result() -> None:
    note = (
        "ເພດ: ຍິງ  ອາຍຸ: 47 ປີ\n"
        "ພູມຕ້ານທານ (line blot, ເກັບຕົວຢ່າງ 04/11/2026, ໄດ້ຜົນ 09/11/2026):\n"
        "  anti-Mi-2 ບວກ (++); anti-Jo-1 ລົບ."
    )
    assert h.dated_antibody_results(note) == {
        ("MI2", "positive", "2026-11-04"),
        ("JO1", "negative", "2026-11-04"),
    }


def test_lao_rash_around_the_eyes_denied() -> None:
    note = "ເພດ: ຍິງ  ອາຍຸ: 47 ປີ\nບໍ່ມີ ຜື່ນ ອ້ອມຕາ / ໜັງຕາ."
    assert h.findings_of(note).get("heliotrope_rash") is False


def test_lao_dated_month() -> None:
    note = "ເພດ: ຍິງ  ອາຍຸ: 47 ປີ\nກວດ ວັນທີ 9 ພະຈິກ 2026: ເຈັບກ້າມຊີ້ນ."
    assert h.finding(note, "myalgia").date == date(2026, 11, 9)


# ------------------------------------------------------------------------- Aranese Occitan

_ARANESE = (
    "Pacienta: Aurelia Moga     Sèxe: hemna     Edat: 58 ans\n"
    "Data de naishement: 11/02/1968\n"
    "Data dera consulta: 12 de noveme de 2026\n"
    "Eritèma violacèu des parpèlhes. Non i a dolors musculars. Sense mans de mecanician.\n"
    "Fòrça (escala MRC): abduccion des braci 4/5, flexion des malucs 4/5, flexion dorsau deth pè"
    " 5/5; flexion deth còth 3/5, extension deth còth 5/5.\n"
    "Gastroscopia: adenocarcinòma gastric de 20 mm."
)


def test_aranese_patient_fields_and_birth_date() -> None:
    case = h.case_of(_ARANESE)
    assert case.patient.sex.value == "female"
    assert case.patient.birth_date == date(1968, 2, 11)
    assert case.patient.age == 58


def test_aranese_findings_and_denials() -> None:
    found = h.findings_of(_ARANESE)
    assert found["heliotrope_rash"] is True
    assert found["myalgia"] is False
    assert found["mechanics_hands"] is False


def test_aranese_strength_and_neck() -> None:
    assert h.strength_items(_ARANESE) == {h.UPPER, h.LOWER, h.LEGS_PROX, h.NECK}


def test_aranese_histology() -> None:
    assert h.tumour_sites(_ARANESE) == [("stomach", "adenocarcinoma")]


def test_aranese_date_in_words() -> None:
    assert h.finding(_ARANESE, "heliotrope_rash").date == date(2026, 11, 12)


def test_sense_is_no_denial_in_an_english_note() -> None:
    note = "A 58-year-old woman. In a sense her rash on the eyelids is better."
    assert h.findings_of(note).get("heliotrope_rash") is True
