"""Issue #10, twenty-seventh session (branch i52p): classes of wording in the patient's facts:
sex, age and region. Each expectation is worked out by hand on sentences written for this test
(no text from a note).

- a bilingual form's sex label glossed in brackets by its translation ("Jantina (sex): ...",
  "Sex (jantina): ..."; rules/patient.yaml GLOSS, patterns.yaml sex_only);
- Brunei Malay's courtesy titles before a name, "Awang" (a man) and "Dayang" (a woman)
  (rules/patient.yaml ms titles);
- Setswana's demographic words: the sex field "Bong", the age field "Dingwaga" and the
  date-of-birth field "Letsatsi la matsalo" (rules/patient.yaml tn, patterns.yaml birth_date);
- the Cayman Islands' islands as an address's last part (lexicon.yaml regions KY) and the
  parish field of an address (patterns.yaml region_residence);
- a town of the hand list that fails the towns table's own test (three quarters of the people
  living in a place of that name live in the listed country) gives no country by itself;
- the letterhead's care setting named with its town first ("<Town> Teaching Hospitals",
  "<Town> University Hospitals"; patterns.yaml region_care_setting_town_first).
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.case import Case
from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
BODY = "\nDermatomyositis with proximal weakness since August. CK 2,400 U/L on 12/11/2026.\n"


def _case(text: str) -> Case:
    return extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case


def _region(text: str) -> str | None:
    region = _case(text).patient.region
    return None if region is None else str(region)


# --- a sex label glossed in brackets by its translation


@pytest.mark.parametrize(
    ("field", "sex"),
    [
        ("Jantina (sex): Perempuan", "female"),
        ("Jantina (sex): Lelaki / Male", "male"),
        ("Płeć (sex): K", "female"),
        ("Geschlecht (gender): männlich", "male"),
        ("Sex (jantina): Female", "female"),
        ("Gender (jenis kelamin): Male", "male"),
    ],
)
def test_a_sex_label_glossed_in_brackets_gives_the_sex(field: str, sex: str) -> None:
    text = f"Clinic 20/11/2026\nAge: 52\n{field}\n" + BODY
    assert _case(text).patient.sex.value == sex


# --- Brunei Malay's courtesy titles before the patient's name


@pytest.mark.parametrize(
    ("name", "sex"),
    [
        ("Dayang Hajah Siti N.", "female"),
        ("Awang Haji Kamal R.", "male"),
    ],
)
def test_brunei_courtesy_titles_give_the_sex(name: str, sex: str) -> None:
    text = f"Clinic 20/11/2026\nName: {name}\nAge: 47\n" + BODY
    assert _case(text).patient.sex.value == sex


# --- Setswana's sex, age and date-of-birth fields


def test_setswana_sex_and_age_fields() -> None:
    text = "Letlha: 20/11/2026\nBong: Monna\nDingwaga: 61\n" + BODY
    patient = _case(text).patient
    assert (patient.sex.value, patient.age) == ("male", 61)


def test_setswana_date_of_birth_field() -> None:
    text = "Letlha: 20/11/2026\nBong: Mosadi\nLetsatsi la matsalo: 05/03/1971\n" + BODY
    patient = _case(text).patient
    # born 5 March 1971: 55 on 27 November 2026
    assert (patient.sex.value, patient.birth_date) == ("female", date(1971, 3, 5))


# --- a territory with its own ISO 3166 code: its islands, and an address's parish field


@pytest.mark.parametrize(
    ("field", "region"),
    [
        ("Address: Bodden Town, Grand Cayman", "KY"),
        ("Address: Spot Bay, Cayman Brac", "KY"),
        ("Parish: St Lawrence, Jersey", "JE"),
        ("Parish: Vale, Guernsey", "GG"),
    ],
)
def test_a_territory_named_in_the_address_gives_its_own_code(field: str, region: str) -> None:
    text = f"Clinic 20/11/2026\nA 61-year-old woman.\n{field}\n" + BODY
    assert _region(text) == region


# --- a hand-list town that fails the towns table's test names no country by itself


@pytest.mark.parametrize(
    "field",
    [
        "Residence: Wellington, Kissy",  # the Freetown suburb's name, not New Zealand's capital
        "Address: Harlingen",  # the Texas city holds most people of that name
    ],
)
def test_a_town_name_shared_with_larger_places_abroad_gives_no_region(field: str) -> None:
    text = f"Clinic 20/11/2026\nA 61-year-old woman.\n{field}\n" + BODY
    assert _region(text) is None


def test_rabat_is_moroccos_capital_not_a_maltese_locality() -> None:
    text = "Clinic 20/11/2026\nA 61-year-old woman.\nAddress: Rabat\n" + BODY
    assert _region(text) == "MA"


# --- the letterhead's care setting named with its town first


@pytest.mark.parametrize(
    ("letterhead", "region"),
    [
        ("NOTTINGHAM UNIVERSITY HOSPITALS - DERMATOLOGY OUTPATIENTS", "GB"),
        ("Rheumatology Day Unit / Sheffield Teaching Hospitals", "GB"),
        ("Auckland City Hospital - Department of Rheumatology", "NZ"),
        ("Cayman Islands Hospital - Medical Ward", "KY"),
    ],
)
def test_the_town_opening_the_care_settings_name_gives_the_region(
    letterhead: str, region: str
) -> None:
    text = f"{letterhead}\nClinic 20/11/2026\nA 61-year-old woman.\n" + BODY
    assert _region(text) == region
