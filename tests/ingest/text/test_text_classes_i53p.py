"""Issue #10, twenty-eighth session (branch i53p): classes of wording in the patient's facts:
sex, age and region. Each expectation is worked out by hand on sentences written for this test
(no text from a note).

- a record's combined age and sex field with the items apart by a space or a comma ("Age/Sex:
  47 F"), and the label the other way round ("Sex/Age: M/47"; rules/patient.yaml age_sex);
- a cohort's age at enrolment on a follow-up form is no age now (patterns.yaml age_sex);
- the letterhead's town with its state's or province's postal code ("Tucson, AZ", "Toowoomba QLD
  4350"; patterns.yaml region_care_setting), a code two countries share resolved by the town
  (_places.country_of);
- ISO 3166's names with a bracketed qualifier ("Falkland Islands (Malvinas)") and ISO 3166-2's
  other-language names in square brackets (the Welsh principal areas; _places);
- an address field whose first items no table places (a house's name, a street, a flat) is read
  from its later items (facts/patient.py _iso_region);
- the word for a hospital in more languages before the letterhead's town, and a form's district
  field (patterns.yaml region_care_setting, region_residence).
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


# --- a combined age and sex field, its items apart by a space or a comma, either order


@pytest.mark.parametrize(
    ("field", "age", "sex"),
    [
        ("Age/Sex: 47 F", 47, "female"),
        ("Age / Gender: 62 male", 62, "male"),
        ("Age/Sex: 38, female", 38, "female"),
        ("Sex/Age: M 71", 71, "male"),
        ("Gender/Age: F 29", 29, "female"),
        ("Gender / Age: female 55", 55, "female"),
    ],
)
def test_a_combined_age_and_sex_field_gives_both(field: str, age: int, sex: str) -> None:
    text = f"Clinic 20/11/2026\nClient: A. B.   {field}   Chart: 1234\n" + BODY
    patient = _case(text).patient
    assert (patient.age, patient.sex.value) == (age, sex)


def test_a_combined_field_with_a_range_gives_no_age() -> None:
    # the sex-first label reads an age, never a range's bound
    ages = [
        _case(f"Clinic 20/11/2026\n{field}\nA woman with dermatomyositis.\n" + BODY).patient.age
        for field in ("Sex/Age: F 52", "Sex/Age: F 18-65")
    ]
    assert ages == [52, None]


# --- the age at a cohort's enrolment, carried over on a later form, is not the age now


@pytest.mark.parametrize(
    "field",
    ["Age at enrolment: 48", "Age at enrollment: 48", "Age at randomisation: 48"],
)
def test_an_age_at_enrolment_is_not_the_age_now(field: str) -> None:
    text = f"Follow-up call 20/11/2026\nSex: Female   {field}\n" + BODY
    assert _case(text).patient.age is None


# --- the letterhead's town with its state's or province's postal code


@pytest.mark.parametrize(
    ("letterhead", "region"),
    [
        ("Sonoran Skin and Joint Associates - Phoenix, AZ", "US"),
        ("MAPLE GROVE FAMILY MEDICINE, 12 Main St, Suite 3, Dayton, OH 45402", "US"),
        ("Paddington Physiotherapy - Townsville QLD 4810", "AU"),
        ("Riverbend Rheumatology\nSaskatoon, SK", "CA"),
        ("Lakeside Infusion Centre | Spokane, WA", "US"),  # WA: Washington, not W. Australia
    ],
)
def test_the_letterheads_town_and_state_code_give_the_region(letterhead: str, region: str) -> None:
    text = f"{letterhead}\nClinic 20/11/2026\nA 61-year-old woman.\n" + BODY
    assert _region(text) == region


def test_a_credential_or_a_shared_code_gives_no_region() -> None:
    regions = [
        _region(f"{letterhead}\nClinic 20/11/2026\nA 61-year-old woman.\n" + BODY)
        for letterhead in (
            "Infusion Suite - Tucson, AZ",
            "Infusion Suite - Jane Okafor, MD",  # a credential, not Maryland
            "Rheumatology Clinic - Perth, WA",  # WA two countries' code, Perth two countries'
        )
    ]
    assert regions == ["US", None, None]


# --- ISO 3166's bracketed and other-language names


@pytest.mark.parametrize(
    ("field", "region"),
    [
        ("Address: Fitzroy Road, Stanley, Falkland Islands", "FK"),
        ("Address: Heol y Bont, Caerdydd", "GB"),  # Cardiff in Welsh
        ("Address: Lôn Isaf, Ynys Môn", "GB"),  # Anglesey in Welsh
    ],
)
def test_iso_bracketed_and_welsh_names_give_the_region(field: str, region: str) -> None:
    text = f"Clinic 20/11/2026\nA 61-year-old woman.\n{field}\n" + BODY
    assert _region(text) == region


# --- an address read from its later items


@pytest.mark.parametrize(
    ("field", "region"),
    [
        ("Address: The Old Mill, Chemin du Moulin, St Sampson, Guernsey", "GG"),
        ("Address: ground-floor flat (ramp), Moseley, Birmingham", "GB"),
        ("Home address: 17b Harbour View, Timaru", "NZ"),
        ("Address: the old schoolhouse, Invercargill", "NZ"),
    ],
)
def test_an_address_is_read_from_its_later_items(field: str, region: str) -> None:
    text = f"Clinic 20/11/2026\nA 61-year-old woman.\n{field}\n" + BODY
    assert _region(text) == region


# --- the word for a hospital in more languages, and a form's district field


@pytest.mark.parametrize(
    ("letterhead", "region"),
    [
        ("Ysbyty Maelor, Wrecsam", "GB"),
        ("SPITALI RAJONAL - DURRËS", "AL"),
        ("Sykehuset Telemark, Kristiansand", "NO"),
        ("Megyei Kórház - Debrecen", "HU"),
    ],
)
def test_a_hospital_word_of_more_languages_gives_the_letterheads_town(
    letterhead: str, region: str
) -> None:
    text = f"{letterhead}\nClinic 20/11/2026\nA 61-year-old woman.\n" + BODY
    assert _region(text) == region


def test_a_forms_district_field_gives_the_region() -> None:
    text = "Clinic 20/11/2026\nA 61-year-old woman.\nDistrict: Anse Royale, Mahe\n" + BODY
    assert _region(text) == "SC"
