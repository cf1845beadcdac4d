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
