"""Issue #10, round 49 (branch i49r): the patient's region read from the care setting that the
note's letterhead names with its town or country, when the note states no origin or residence.
Each expectation is worked out by hand on letters written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
BODY = (
    "\nClinic date: 20/11/2026\n\n"
    "Dear Doctor,\n"
    "I saw this 61-year-old woman with dermatomyositis. Her CK was 2,400 U/L.\n"
)


def _region(text: str) -> str | None:
    patient = extract_case(text, today=TODAY).case.model_dump(mode="json", exclude_none=True)
    region = patient.get("patient", {}).get("region")
    return None if region is None else str(region)


# --- the letterhead's care setting, then a comma or a spaced dash, then its town or country
# (rules/patterns.yaml region_care_setting)


@pytest.mark.parametrize(
    ("letterhead", "region"),
    [
        # a hospital and its city (the hand list of lexicon.yaml `regions`)
        ("Kingsmead Hospital, Leeds\nDepartment of Rheumatology\n", "GB"),
        # an infirmary, a street, then the city and its postcode
        ("Westgate Royal Infirmary, Mill Lane, Glasgow G4 0SF\n", "GB"),
        # a practice, its town, its country (ISO 3166 names)
        ("Lakeside Medical Practice, Uppsala, Sweden\n", "SE"),
        # a spaced dash after the hospital, in capitals
        ("RIVERSIDE GENERAL HOSPITAL - TORONTO\nRheumatology Clinic\n", "CA"),
        # the letterhead's fourth line still is the letterhead
        ("Rheumatology Department\nOutpatient Letter\nConsultant: Dr A. Moss\n"
         "Hillcrest Health Centre, Auckland\n", "NZ"),
    ],
)  # fmt: skip
def test_the_care_setting_in_the_letterhead_gives_the_region(letterhead: str, region: str) -> None:
    assert _region(letterhead + BODY) == region


# each refused letterhead beside one that gives the region, so each test fails without the rule
@pytest.mark.parametrize(
    ("refused", "read"),
    [
        # no town after the setting: a ward, a department are no place
        ("Kingsmead Hospital, Ward 7\n", "Kingsmead Hospital, Leeds\n"),
        ("Kingsmead Hospital, Rheumatology\n", "Kingsmead Hospital, Leeds\n"),
        # two countries in the letterhead: none rather than a wrong one
        (
            "Lakeside Clinic, Uppsala, Sweden\ncc: Harbour Hospital, Oslo, Norway\n",
            "Lakeside Clinic, Uppsala, Sweden\ncc: Harbour Hospital, Lund, Sweden\n",
        ),
        # the setting past the letterhead's first four lines is the body's
        (
            "Rheumatology\nOutpatient Letter\nConsultant: Dr A. Moss\nSecretary: B. Lee\n"
            "Kingsmead Hospital, Leeds\n",
            "Rheumatology\nOutpatient Letter\nConsultant: Dr A. Moss\nKingsmead Hospital, Leeds\n",
        ),
    ],
)
def test_no_region_without_one_care_setting_place_in_the_letterhead(
    refused: str, read: str
) -> None:
    assert (_region(refused + BODY), _region(read + BODY)) == (
        None,
        "GB" if "Leeds" in read else "SE",
    )


def test_a_stated_origin_outranks_the_letterheads_care_setting() -> None:
    assert _region("Kingsmead Hospital, Leeds\n" + BODY + "She was born in Vietnam.\n") == "VN"
    assert _region("Kingsmead Hospital, Leeds\n" + BODY) == "GB"
