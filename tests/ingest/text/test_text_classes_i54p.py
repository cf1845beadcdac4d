"""Issue #10, twenty-ninth session (branch i54p): classes of wording in the patient's facts:
region, sex and age. Each expectation is worked out by hand on sentences written for this test
(no text from a note).

- a territory that ISO 3166-1 lists with its own code (Guam, Puerto Rico, the US Virgin Islands,
  American Samoa, Aruba) is read as that code, not its parent's, whether named, written with a
  postcode or as the state code after a town (_places; lexicon.yaml regions PR);
- ISO 3166-1's inverted names written the usual way round ("U.S. Virgin Islands", "Republic of
  Korea") and "St"/"Ste" for "Saint"/"Sainte" (_places.fold);
- the residence words as a form's label with a colon ("Lives in:"), and the residence labels and
  verbs of Esperanto and Cebuano (patterns.yaml region_residence);
- the patient line's column that names a place and its country (patterns.yaml
  region_patient_line, facts/patient.py _column_country).
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.case import Case
from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._places import country_of

TODAY = date(2026, 11, 27)
BODY = "\nDermatomyositis with proximal weakness since August. CK 2,400 U/L on 12/11/2026.\n"


def _case(text: str) -> Case:
    return extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case


def _region(text: str) -> str | None:
    region = _case(text).patient.region
    return None if region is None else str(region)


# --- a territory with its own ISO 3166-1 code is that code, not its parent's


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Hagåtña, Guam 96910", "GU"),  # the name with its ZIP code
        ("Yigo, GU", "GU"),  # the USPS code after the town
        ("Bayamón, PR 00961", "PR"),
        ("Ponce, Puerto Rico", "PR"),  # the hand list's name
        ("Pago Pago, AS", "AS"),
        ("Garapan, Saipan, MP 96950", "MP"),
        ("Cruz Bay, U.S. Virgin Islands 00830", "VI"),
        ("Tafuna, American Samoa 96799", "AS"),
    ],
)
def test_a_territory_with_its_own_code_is_read_as_that_code(place: str, code: str) -> None:
    text = f"Clinic 20/11/2026\nA 50-year-old woman.\nAddress: {place}\n" + BODY
    assert _region(text) == code


def test_a_territorys_state_code_is_its_own_and_a_states_is_its_countrys() -> None:
    # a state of the parent stays the parent's; a first name's country is never read, with a
    # postcode after it or without
    places = ("Yigo, GU", "Atlanta, Georgia 30301", "Columbus, OH", "Dededo, Guam 96929")
    assert [country_of(p) for p in places] == ["GU", "US", "US", "GU"]


# --- the inverted names of ISO 3166-1 the usual way round; "St" for "Saint"


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("US Virgin Islands", "VI"),
        ("U.S. Virgin Islands", "VI"),
        ("Republic of Korea", "KR"),
        ("St Lucia", "LC"),
        ("St. Kitts and Nevis", "KN"),
        ("Longwood, St Helena", "SH"),
        ("St Vincent and the Grenadines", "VC"),
    ],
)
def test_inverted_names_and_saint_abbreviated_name_the_country(place: str, code: str) -> None:
    assert country_of(place) == code


def test_a_list_after_the_comma_is_no_qualifier() -> None:
    # "Saint Helena, Ascension and Tristan da Cunha" and "Taiwan, Province of China" give no
    # inverted name; "Virgin Islands, U.S." does
    places = (
        "Ascension and Tristan da Cunha Saint Helena",
        "Province of China Taiwan",
        "U.S. Virgin Islands",
    )
    assert [country_of(p) for p in places] == [None, None, "VI"]


# --- "Lives in:" as a form's label; Esperanto and Cebuano residence labels and verbs


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Lives in: Ponce, Puerto Rico, with her husband", "PR"),
        ("Resident in: Castries, St Lucia", "LC"),
        ("Loĝloko: Recife, Brazilo", "BR"),
        ("Logxloko: Recife", "BR"),
        ("Loghloko: Recife", "BR"),
        ("Li loĝas en Recife kun sia edzino.", "BR"),
        ("Pinuy-anan: Barangay Cogon, Tagbilaran, Bohol", "PH"),
        ("Puy-anan: Dumaguete, Negros Oriental", "PH"),
        ("Nagpuyo karon sa Tagbilaran, Bohol.", "PH"),
    ],
)
def test_residence_labels_and_verbs_give_the_region(line: str, code: str) -> None:
    text = f"Clinic 20/11/2026\n{line}\n" + BODY
    assert _region(text) == code


# --- the patient line's column naming a place and its country


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Patient: Maria KOSTA   58 y   F   File no. 2231   Paphos, Cyprus", "CY"),
        ("PATIENT: J. DOE\tM\tMRN 0042\tCastries, St Lucia", "LC"),
    ],
)
def test_the_patient_lines_column_with_a_country(line: str, code: str) -> None:
    text = f"Clinic 20/11/2026\n{line}\n" + BODY
    assert _region(text) == code


def test_a_patient_lines_name_or_a_column_with_no_country_is_no_region() -> None:
    lines = (
        # a name written surname first is no place; nor a column with no country's name
        "Patient: PARIS, Florence   55 y   F   File no. 2231",
        "Patient: Jo SMITH   55 y   F   File no. 2231   Ward 5, Kent",
        # two columns naming two countries give none
        "Patient: Jo SMITH   File no. 2231   Paphos, Cyprus   Castries, St Lucia",
        # and one that does
        "Patient: Jo SMITH   55 y   F   File no. 2231   Paphos, Cyprus",
    )
    regions = [_region(f"Clinic 20/11/2026\n{line}\n" + BODY) for line in lines]
    assert regions == [None, None, None, "CY"]


# --- a national health body or its patient number places the care (lexicon.yaml health_bodies)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Patient: Mr A B   DOB 02/03/1950   NHS No: 123 456 7890", "GB"),
        ("Re: Mrs C D, 70 yrs, NHS number on file", "GB"),
        ("Patient: E F   H&C number: 321 654 0987", "GB"),
        ("Patient: G H   CHI number: 0102031234", "GB"),
        ("Seen at the HSE community clinic.", "IE"),
        ("Patient: I J   OHIP: 1234-567-890", "CA"),
        ("Patient: K L   PhilHealth: member", "PH"),
        ("MediSave withdrawal approved for the infusion.", "SG"),
        ("Centers for Medicare & Medicaid Services - home health plan of care", "US"),
    ],
)
def test_a_national_health_bodys_number_places_the_care(line: str, code: str) -> None:
    text = f"Clinic 20/11/2026\n{line}\n" + BODY
    assert _region(text) == code


def test_a_health_body_never_outranks_a_stated_residence_and_its_acronym_wants_capitals() -> None:
    texts = (
        # the residence stated wins over the number's country
        "Clinic 20/11/2026\nPatient: Mr A B   NHS No: 123 456 7890\nLives in Cork, Ireland.\n",
        # "hse" in lower case is no body; two bodies of two countries give none
        "Clinic 20/11/2026\nPatient: Mr A B\nhse notes reviewed.\n",
        "Clinic 20/11/2026\nPatient: Mr A B   NHS No: 123 456 7890   OHIP: 1234-567-890\n",
        # and one body alone places the care
        "Clinic 20/11/2026\nPatient: Mr A B\nReferred by the HSE.\n",
    )
    assert [_region(t + BODY) for t in texts] == ["IE", None, None, "IE"]


# --- a country's name after the article; the place after "University of" before a hospital


def test_a_countrys_name_after_the_article_names_it() -> None:
    places = ("The Bahamas", "Banjul, The Gambia", "Nassau, N.P., The Bahamas", "The Hague")
    assert [country_of(p) for p in places] == ["BS", "GM", "BS", "NL"]


def test_the_place_after_university_of_names_the_hospitals_country() -> None:
    letterheads = (
        "UNIVERSITY OF NEW MEXICO HOSPITAL - RHEUMATOLOGY",
        "University of Wales Hospital",
        # the university's own name that no table places gives none
        "University of the West Indies Hospital",
    )
    texts = [f"{head}\nClinic 20/11/2026\nA 50-year-old woman.\n" + BODY for head in letterheads]
    assert [_region(t) for t in texts] == ["US", "GB", None]


# --- the first-level divisions of China, Japan and South Korea in their own scripts


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("住所: 広島県福山市", "JP"),
        ("住所: 北海道札幌市", "JP"),
        ("现住址：四川省成都市", "CN"),
        ("住址：广西壮族自治区南宁市", "CN"),
        ("Address: 충청남도 천안시", "KR"),
        ("Address: 부산광역시 해운대구", "KR"),
    ],
)
def test_a_first_level_division_in_its_own_script_gives_the_country(line: str, code: str) -> None:
    text = f"Clinic 20/11/2026\n{line}\n" + BODY
    assert _region(text) == code
