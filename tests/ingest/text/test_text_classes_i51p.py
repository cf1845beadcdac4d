"""Issue #10, twenty-sixth session (branch i51p): classes of wording in the patient's facts (age,
sex, region). Each expectation is worked out by hand on sentences written for this test (no text
from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._places import country_of

TODAY = date(2026, 11, 27)


def _patient(text: str) -> tuple[str, int | None, str | None]:
    patient = extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case.patient
    return patient.sex.value, patient.age, patient.region


# --- a date of birth after a dot leader, written month first, is the birth date, never the
# note's own date (an age stated in the note is not counted on from it)


def test_a_month_first_birth_date_after_a_dot_leader_is_no_visit() -> None:
    text = (
        "PRIOR APPROVAL REQUEST\n"
        "  Date of birth ....... June 9, 1971        Sex: F\n"
        "  Date of request ..... Friday, November 20, 2026\n"
        "55-year-old teacher with dermatomyositis since July 2026, anti-TIF1-gamma positive.\n"
    )
    _, age, _ = _patient(text)
    assert age == 55  # born 9 June 1971, 27 November 2026: 55; never 55 + 55


# --- a year-of-birth field is the birth year, not the note's first date


def test_a_year_of_birth_field_is_no_visit() -> None:
    text = (
        "SCREENING WORKSHEET\n"
        "Participant: 17-004   Year of birth: 1959   Age at consent: 67\n"
        "Sex: Male\n"
        "Dermatomyositis since March 2026 with Gottron papules and proximal weakness.\n"
    )
    _, age, _ = _patient(text)
    assert age == 67  # born in 1959 (read as 1 January): 67 on 27 November 2026; never 134


# --- an age no patient has is left unread


def test_an_age_above_the_oldest_is_left_unread() -> None:
    text = (
        "Letter dated 10/11/2026.\n"
        "Mrs Q, aged 118, has dermatomyositis with a heliotrope rash.\n"
        "She is 64 and lives alone.\n"
    )
    sex, age, _ = _patient(text)
    assert sex == "female" and age == 64  # 118 is passed over; the next age is hers


# --- a form's labelled age ranks before a number of years in brackets on its line


@pytest.mark.parametrize(
    "line",
    [
        "Staff no.: 4471   Age: 44   Sex: Female   Job: welder (12 yrs)",
        "Payroll no. 8812   Age: 44   Sex: F   Trade: plater, 9 yrs",
    ],
)
def test_a_labelled_age_before_a_duration_in_brackets(line: str) -> None:
    text = f"RETURN TO WORK ASSESSMENT 12/11/2026\n{line}\nDermatomyositis, anti-Jo-1 positive.\n"
    _, age, _ = _patient(text)
    assert age == 44


# --- an age at a past onset told with the illness named right after its verb


def test_an_age_when_the_illness_began_is_no_age_now() -> None:
    text = (
        "Clinic 20/11/2026. Ms K was seen today. She developed dermatomyositis at the age of 48, "
        "with a rash over her knuckles. She is now 51.\n"
    )
    _, age, _ = _patient(text)
    assert age == 51


# --- a surname ending in a relation's or a role's word is the patient's, not a relative's


@pytest.mark.parametrize(
    "header",
    [
        "Re: Mrs Joan P. WILKINSON   DOB 02.iii.1970 (56)",
        "Re: Mrs Joan Patterson, DOB 02/03/1970",
        "Patient: Ms Greta Dawson   DOB 02/03/1970",
    ],
)
def test_a_surname_ending_in_a_relations_word_keeps_the_patients_sex(header: str) -> None:
    text = f"Clinic date: 20/11/2026\n\n{header}\n\nThank you for referring this lady with DM.\n"
    sex, _, _ = _patient(text)
    assert sex == "female"


# --- the sex item after the date of birth on a header line is no place (Male, the Maldives'
# capital in ISO 3166-2)


def test_the_sex_after_the_date_of_birth_is_no_place() -> None:
    text = (
        "Addiction clinic review, 10/11/2026\n"
        "Client: Mr B. Doyle      DOB: 03/07/1979 (47)      Male\n"
        "Dermatomyositis with anti-PL-12 antibodies, interstitial lung disease.\n"
    )
    sex, _, region = _patient(text)
    assert sex == "male" and region != "MV"


# --- a town only the towns table knows, in an address whose subdivision no table knows, is a
# namesake: no region read


def test_a_town_in_an_unknown_subdivision() -> None:
    assert country_of("Wismar, Linden, Region 10") is None  # Region 10: no table knows it
    # and as before: no unknown subdivision after the town, or a known place after it decides
    assert country_of("Wismar, Linden") == "DE"
    assert country_of("Kuisebmond, Walvis Bay") == "NA"
    assert country_of("Ruiru, Kiambu County") == "KE"


# --- a demonym with "national" or "citizen" as a header's item, without an article


@pytest.mark.parametrize(
    "line",
    [
        "Sex: F   Irish national, resident in Lyon since 2018",
        "Sex: F   Irish citizen; lives in Lyon",
    ],
)
def test_a_nationality_item_without_an_article(line: str) -> None:
    text = f"Clinic 12/11/2026\nPatient: Mrs D. Byrne   Born: 04/06/1974\n{line}\nDM.\n"
    _, _, region = _patient(text)
    assert region == "IE"
    # never a country's "national" programme or guidelines
    text = (
        "Clinic 12/11/2026\nMrs D. Byrne, 52, lives in Lyon.\n"
        "Screening per the Irish national guidelines.\n"
    )
    _, _, region = _patient(text)
    assert region == "FR"


# --- the national health service's body a letterhead names gives the country of care


@pytest.mark.parametrize(
    "letterhead",
    [
        "Barnsley Hospital NHS Foundation Trust\nDepartment of Rheumatology\n",
        "EAST KENT HOSPITALS NHS TRUST - DERMATOLOGY\n",
        "NHS Tayside\nMyositis clinic\n",
    ],
)
def test_an_nhs_body_in_the_letterhead_is_the_place_of_care(letterhead: str) -> None:
    text = f"{letterhead}Clinic 12/11/2026\nMrs P, 57, dermatomyositis with Gottron papules.\n"
    _, _, region = _patient(text)
    assert region == "GB"


# --- the oldest age (facts/patient.py OLDEST_AGE, 110) at its exact bound (lead's review): 110 is
# read, 111 passed over; and an age that grows past 110 by the years since it was stated is left
# unknown (2024-11-10 to 2026-11-27: two years added)


@pytest.mark.parametrize(("stated", "expected"), [(110, 110), (111, 64)])
def test_the_oldest_age_at_its_bound(stated: int, expected: int) -> None:
    text = (
        "Letter dated 10/11/2026.\n"
        f"Mrs Q, aged {stated}, has dermatomyositis with a heliotrope rash.\n"
        "She is 64 and lives alone.\n"
    )
    _, age, _ = _patient(text)
    assert age == expected


@pytest.mark.parametrize(("stated", "expected"), [(108, 110), (109, None)])
def test_an_age_counted_on_past_the_oldest_is_unknown(stated: int, expected: int | None) -> None:
    text = (
        "Clinic letter 10/11/2024.\n"
        f"Mrs Q is {stated} years old and has dermatomyositis with a heliotrope rash.\n"
    )
    _, age, _ = _patient(text)
    assert age == expected
