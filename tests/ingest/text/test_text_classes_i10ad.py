"""Failure classes of the twelfth opened set (issue #10, round 4, helper i10ad): how a raised
muscle enzyme is stated (a comma or a bracket between the test and its value, a "; normal range,
lo-hi" reference, a date of either calendar before the value, the judgement written right after
the value, a ×ULN multiple, the SI unit µkat/L), a skin lesion's site that is no graded muscle,
the sex written as a sign, and the bare German "Heliotrop". Every vignette is our own; expected
values are worked out by hand (the thresholds of rules/lexicon.yaml: a bare CK or LDH above
1000 U/L, a bare AST/ALT above 79 U/L; 1 µkat/L = 60 U/L)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    UPPER,
    findings_of,
    labs_coded,
    present,
    read,
    sex_and_age,
)


# ------------------------------------------------------------------ where the value stands
@pytest.mark.parametrize(
    ("note", "code", "value", "lower", "upper"),
    [
        # a comma between the name and the value, the range after a semicolon with its label
        ("Labs: aspartate aminotransferase, 474 U/L; normal range, 12-35.", "ast", 474, 12, 35),
        # the value opening a bracket after the name and its abbreviation
        (
            "Raised creatine kinase (CK) (7811 U/L; normal range, 36-177 U/L) levels.",
            "ck",
            7811,
            36,
            177,
        ),
        ("Lactate dehydrogenase, 640 U/L; reference interval: 120-246.", "ldh", 640, 120, 246),
        ("CK 96 U/L, reference range 26-192, on the day of the visit.", "ck", 96, 26, 192),
        # a year-first date between the test and its value (slashes, dots)
        ("CK on admission 2026/05/01: 3,450 U/L (normal up to 195).", "ck", 3450, None, 195),
        ("CK 2026.05.01 3,450 U/L (normal up to 195).", "ck", 3450, None, 195),
    ],
)
def test_the_value_after_a_comma_a_bracket_or_a_date(
    note: str, code: str, value: float, lower: float | None, upper: float
) -> None:
    (lab,) = labs_coded(f"A 60-year-old woman. {note}", code)
    assert (lab.value, lab.lower_limit, lab.upper_limit) == (value, lower, upper)
    assert lab.is_above_uln is (value > upper)


def test_a_bracketed_value_without_a_range_is_judged_by_the_bare_threshold() -> None:
    (lab,) = labs_coded("A 60-year-old woman. Creatine kinase [3,450 U/L] on admission.", "ck")
    assert lab.value == 3450
    assert lab.is_above_uln is True  # above 1000 U/L, beyond every adult range


def test_a_list_of_names_and_a_bracketed_assay_are_no_values() -> None:
    note = "A 60-year-old woman. CK, LDH and AST were normal. CK (Roche assay) 150 U/L."
    ck = labs_coded(note, "ck")
    assert [lab.value for lab in ck if lab.value is not None] == [150]
    assert {lab.code.value: lab.is_above_uln for lab in read(note).case.labs if lab.value is None}[
        "ldh"
    ] is False


def test_numbers_after_a_semicolon_without_a_label_are_no_range() -> None:
    (lab,) = labs_coded("A 60-year-old woman. CK 450 U/L; 12-35 days later repeated.", "ck")
    assert lab.value == 450
    assert lab.upper_limit is None


# ------------------------------------------------------------------ the judgement after the value
@pytest.mark.parametrize(
    ("note", "code", "above"),
    [
        ("LDH 900 U/L elevated.", "ldh", True),  # 900 is below the bare threshold of 1000
        ("LDH 900 U/L (high).", "ldh", True),
        ("LDH 900 U/L (H), ferritin normal.", "ldh", True),
        ("CK 800 U/L ↑ on admission.", "ck", True),
        ("CK 800 U/L, deutlich erhöht.", "ck", True),
        ("CPK 800 UI/L élevée.", "ck", True),
        ("CK 700 U/L aumentada.", "ck", True),
        ("AST 60 U/L (normal).", "ast", False),
        ("CK 150 U/L normal and stable.", "ck", False),
    ],
)
def test_the_word_right_after_a_value_is_its_judgement(note: str, code: str, above: bool) -> None:
    (lab,) = labs_coded(f"A 60-year-old woman. {note}", code)
    assert lab.is_above_uln is above


def test_each_value_keeps_its_own_judgement_in_a_list() -> None:
    note = "A 60-year-old woman. CK of 900 U/L (elevated), LDH 400 U/L (normal)."
    (ck,) = labs_coded(note, "ck")
    (ldh,) = labs_coded(note, "ldh")
    assert (ck.is_above_uln, ldh.is_above_uln) == (True, False)


def test_a_range_label_after_a_value_is_no_judgement() -> None:
    (lab,) = labs_coded("A 60-year-old woman. CK 250 U/L, normal range up to 200.", "ck")
    assert (lab.upper_limit, lab.is_above_uln) == (200, True)


def test_a_value_with_no_judgement_and_no_range_stays_unjudged() -> None:
    (lab,) = labs_coded("A 60-year-old woman. LDH 900 U/L on admission.", "ldh")
    assert lab.is_above_uln is None  # 900 U/L: not beyond every adult range, not said


# ------------------------------------------------------------------ multiples and SI units
@pytest.mark.parametrize(
    "words", ["CK 12 × ULN.", "CK 12× ULN.", "CK 12 x ULN.", "CK 12-fold ULN."]
)
def test_a_multiple_of_the_upper_limit_is_no_value(words: str) -> None:
    (lab,) = labs_coded(f"A 60-year-old woman. {words}", "ck")
    assert lab.value is None  # never "12 U/L"
    assert lab.is_above_uln is True


@pytest.mark.parametrize(
    ("words", "code", "value", "above"),
    [
        ("ASAT 3.2 µkat/L.", "ast", 192, True),  # 3.2 x 60 = 192 U/L, above 79
        ("ALAT 0.5 µkat/L.", "alt", 30, None),  # 30 U/L: within every range, not judged
        ("LDH 6 µkat/L (ref < 3.5).", "ldh", 360, True),  # limit 3.5 x 60 = 210 U/L
    ],
)
def test_enzymes_in_microkatal_are_read_in_units_per_litre(
    words: str, code: str, value: float, above: bool | None
) -> None:
    (lab,) = labs_coded(f"A 60-year-old woman. {words}", code)
    assert (lab.value, lab.unit) == (value, "U/L")
    assert lab.is_above_uln is above


# ------------------------------------------------------------------ Solar Hijri dates
@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1403, 1, 1), date(2024, 3, 20)),  # Nowruz 1403
        ((1404, 1, 1), date(2025, 3, 21)),  # Nowruz 1404
        ((1399, 12, 30), date(2021, 3, 20)),  # the leap day of 1399
        ((1402, 12, 29), date(2024, 3, 19)),  # the eve of Nowruz 1403
        ((1405, 5, 1), date(2026, 7, 23)),  # 1 Mordad: Nowruz (21 Mar 2026) + 4 x 31 days
    ],
)
def test_solar_hijri_dates(jalali: tuple[int, int, int], gregorian: date) -> None:
    from myositis_cds.ingest.text._time import solar_hijri_to_gregorian

    assert solar_hijri_to_gregorian(*jalali) == gregorian


def test_a_day_the_solar_hijri_month_lacks_is_no_date() -> None:
    from myositis_cds.ingest.text._time import solar_hijri_to_gregorian

    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(1405, 7, 31)  # months 7-11 have 30 days


def test_a_result_dated_in_the_solar_hijri_calendar() -> None:
    note = (
        "Seen 16/11/2026. Transfer of care from Shiraz.\n"
        "- CK 1405/05/04: 3,450 U/L (normal up to 195)."
    )
    (lab,) = labs_coded(note, "ck")
    assert (lab.value, lab.date) == (3450, date(2026, 7, 26))  # 1 Mordad + 3 days


def test_a_two_digit_day_of_a_solar_hijri_date_is_read_whole() -> None:
    note = "Seen 16/11/2026.\n- Azathioprine 50 mg twice daily since 1405/06/12."
    treatments = read(note).case.treatments
    # 1 Shahrivar 1405 = 1 Mordad + 31 days = 23 Aug 2026; the 12th is 3 Sep 2026
    assert [t.start for t in treatments if t.drug == "azathioprine"] == [date(2026, 9, 3)]


# ------------------------------------------------------------------ a skin site is no muscle
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "On admission: erythema over the upper back and shoulders (shawl); muscle power 4/5 "
            "in the proximal upper and lower limbs, 5/5 distally.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        (
            "Violaceous rash on the hips and thighs; hip flexors 4/5, ankle dorsiflexors 5/5 "
            "bilaterally.",
            {LOWER, LEGS_PROX},
        ),
        # guard: after a comma the muscles are examined again
        (
            "Rash over the face, deltoids 4/5 bilaterally, hip flexors 4/5 bilaterally.",
            {UPPER, LOWER},
        ),
    ],
)
def test_a_skin_lesions_site_takes_no_grade(words: str, expected: set[str]) -> None:
    got = present(f"A 50-year-old woman. {words}") & {UPPER, LOWER, LEGS_PROX}
    assert got == expected


# ------------------------------------------------------------------ the sex as a sign
@pytest.mark.parametrize(
    ("note", "sex"),
    [
        ("Pat.: ♀, 52 J., Wohnort Winterthur.\nHeliotrope rash.", "female"),
        ("Sex: ♂\nHeliotrope rash.", "male"),
        ("♀, 61 years, dermatomyositis.", "female"),
        ("Patient: 44 y, ♂\nHeliotrope rash.", "male"),
    ],
)
def test_the_venus_and_mars_signs_give_the_sex(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


@pytest.mark.parametrize(
    "note",
    [
        "A patient with a heliotrope rash. Mother (♀) had breast cancer.",
        "A patient with a heliotrope rash. Family: ♀ sister with lupus.",
    ],
)
def test_a_relatives_sign_is_not_the_patients_sex(note: str) -> None:
    assert sex_and_age(note)[0] == "unknown"


# ------------------------------------------------------------------ the bare German "Heliotrop"
@pytest.mark.parametrize(
    ("note", "present_"),
    [
        ("Klinisch: violetter Heliotrop mit Lidödem.", True),
        ("Befund: Heliotrop beidseits, Gottron-Papeln.", True),
        ("Kein Heliotrop, keine Gottron-Papeln.", False),
    ],
)
def test_the_bare_word_heliotrop(note: str, present_: bool) -> None:
    assert findings_of(note).get("heliotrope_rash") is present_


# ------------------------------------------------------------------ a skin score sheet's grid
_SHEET = """Dermatology clinic, visit 12.11.2026. A 52-year-old woman with dermatomyositis.
CDASI activity
| Site                        | Erythema (0-3) | Scale (0-2) | Excoriation | Ulceration |
|-----------------------------|----------------|-------------|-------------|------------|
| Periorbital area            | {periorbital}  | 0           | 0           | 0          |
| V-area of the neck (front)  | {v_area}       | 0           | 0           | 0          |
| Posterior neck              | {posterior}    | 0           | 0           | 0          |
| Upper back and shoulders    | 0              | 0           | 0           | {ulcer}    |
| Mechanic's hand             | 0              | {mechanic}  | 0           | 0          |
Activity total: 9
"""


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # each finding's own row above 0: present; every one of its cells 0: absent
        (
            {"periorbital": 3, "v_area": 0, "posterior": 2, "ulcer": 0, "mechanic": 1},
            {
                "heliotrope_rash": True,
                "v_sign": False,
                "shawl_sign": True,  # the posterior neck alone is enough
                "cutaneous_ulceration": False,
                "mechanics_hands": True,  # scale scored on the mechanic's hand row
            },
        ),
        (
            {"periorbital": 0, "v_area": 1, "posterior": 0, "ulcer": 1, "mechanic": 0},
            {
                "heliotrope_rash": False,
                "v_sign": True,
                "shawl_sign": False,
                "cutaneous_ulceration": True,
                "mechanics_hands": False,
            },
        ),
    ],
)
def test_a_skin_score_sheet_row_scored_above_zero_is_a_finding(
    scores: dict[str, int], expected: dict[str, bool]
) -> None:
    got = findings_of(_SHEET.format(**scores))
    assert {code: got.get(code) for code in expected} == expected


def test_a_damage_grid_gives_poikiloderma_and_calcinosis() -> None:
    note = (
        "Visit 12.11.2026. A 52-year-old woman with dermatomyositis.\n"
        "DAMAGE                 | Poikiloderma (0-1) | Calcinosis (0-1) |\n"
        "| V-area of the neck   |        1           |        0         |\n"
        "| all other areas      |        0           |        0         |\n"
        "DAMAGE TOTAL: 1 / 32\n"
    )
    got = findings_of(note)
    assert (got.get("poikiloderma"), got.get("calcinosis")) == (True, False)


@pytest.mark.parametrize(
    "note",
    [
        # one scored column only: no score sheet
        "Visit 12.11.2026.\n| Site | Erythema |\n| Periorbital area | 0 |\n",
        # a results table: its numbers are no scores of a finding
        "Visit 12.11.2026.\n| Test | Result | Range |\n| CK | 3400 | 26-192 |\n",
    ],
)
def test_other_pipe_tables_are_no_score_sheet(note: str) -> None:
    got = findings_of(note)
    assert "heliotrope_rash" not in got


# ------------------------------------------------------------------ a far "normal" and a bare value
@pytest.mark.parametrize(
    ("words", "code", "above"),
    [
        # a "normal" that is not the value's own judgement: 129 U/L is above 79 (every adult
        # AST limit), 1500 U/L above 1000 (every adult CK limit): the number decides
        ("SGOT 129 IU/ L and normal.", "ast", True),
        ("CK was 1500 U/L and otherwise normal.", "ck", True),
        # within the thresholds the word still decides
        ("AST 60 U/L and normal.", "ast", False),
        ("CK 150 U/L and normal.", "ck", False),
        # the value's own judgement, right after it, is never overruled
        ("CK 1500 U/L (normal).", "ck", False),
    ],
)
def test_a_far_normal_word_does_not_make_a_value_beyond_every_range_normal(
    words: str, code: str, above: bool
) -> None:
    (lab,) = labs_coded(f"A 3-year-old boy. {words}", code)
    assert lab.is_above_uln is above
