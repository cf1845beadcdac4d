"""Issue #10 (i15b): laboratory values and dates in other scripts and local number forms.

Each vignette is our own sentence (not copied from any note), read through the real extractor;
the expected values are worked out by hand: the digits of every script are their ASCII digits
(Unicode category Nd), the Arabic decimal and thousands separators are a point and a comma, an
enzyme in µkat/l is x 60 in U/L (the product's unit_conversions, 1 µkat = 60 U), and a Solar
Hijri date is converted with 1 Farvardin 1405 = 21 March 2026 (1 Farvardin 1404 = 21 March
2025; 1403 is a leap year, so Esfand has 30 days that year and 29 in 1404).
"""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import labs_coded, read

# ------------------------------------------------------------------ dates in other digits


def _ck(note: str) -> list[tuple[float, float | None, date]]:
    return [(lab.value or 0.0, lab.upper_limit, lab.date) for lab in labs_coded(note, "ck")]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Persian digits, Solar Hijri: 1405/07/01 is Nowruz 2026 + 186 days (6 x 31)
        ("آزمایشات (۱۴۰۵/۰۷/۰۱): CPK 900 U/L (Ref: 24 – 170)", date(2026, 9, 23)),
        # the last day of Shahrivar, the month before: 185 days after Nowruz
        ("آزمایشات (۱۴۰۵/۰۶/۳۱): CPK 900 U/L (Ref: 24 – 170)", date(2026, 9, 22)),
        # Nowruz itself
        ("آزمایشات (۱۴۰۵/۰۱/۰۱): CPK 900 U/L (Ref: 24 – 170)", date(2026, 3, 21)),
        # Arabic-Indic digits in a Gregorian day/month/year date
        ("التحاليل (١٧/٩/٢٠٢٦): CPK 900 U/L (N: 39 – 308)", date(2026, 9, 17)),
        # Bengali digits
        ("পরীক্ষা (১৮/০৮/২০২৬): CK 900 U/L (24 – 195)", date(2026, 8, 18)),
        # Devanagari digits
        ("जाँच (०३/०७/२०२६): CK 900 U/L (24 – 195)", date(2026, 7, 3)),
    ],
)
def test_a_date_in_another_scripts_digits_dates_the_lab(note: str, expected: date) -> None:
    assert _ck(note) == [(900.0, 170.0 if "Ref" in note else _ck(note)[0][1], expected)]


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1403, 12, 30), date(2025, 3, 20)),  # Esfand 30 of a leap year, the eve of Nowruz
        ((1404, 1, 1), date(2025, 3, 21)),
        ((1404, 12, 29), date(2026, 3, 20)),  # the last day of a common year
        ((1405, 1, 1), date(2026, 3, 21)),
        ((1405, 6, 31), date(2026, 9, 22)),  # the month 6/7 boundary
        ((1405, 7, 1), date(2026, 9, 23)),
    ],
)
def test_solar_hijri_boundaries(jalali: tuple[int, int, int], gregorian: date) -> None:
    from myositis_cds.ingest.text._time import solar_hijri_to_gregorian

    assert solar_hijri_to_gregorian(*jalali) == gregorian


def test_esfand_30_of_a_common_year_is_no_date() -> None:
    from myositis_cds.ingest.text._time import solar_hijri_to_gregorian

    with pytest.raises(ValueError, match="not a leap year"):
        solar_hijri_to_gregorian(1404, 12, 30)  # not the next Nowruz


# ------------------------------------------------------------------ number forms


def test_arabic_thousands_and_decimal_separators() -> None:
    note = "التحاليل (٢/١٠/٢٠٢٦): CPK ٢٬٤٥٠ U/L (N: 39 – 308)، CRP ١٢٫٥ mg/L (N: < 6)"
    assert _ck(note) == [(2450.0, 308.0, date(2026, 10, 2))]
    assert [(lab.value, lab.unit) for lab in labs_coded(note, "crp")] == [(12.5, "mg/L")]


def test_an_arabic_comma_between_digits_is_a_list_not_thousands() -> None:
    # "1، 980": two numbers of a list, never one thousand nine hundred and eighty
    note = "التحاليل (٢/١٠/٢٠٢٦): CPK ١، ٩٨٠ U/L"
    assert all(value != 1980.0 for value, _, _ in _ck(note))


def test_a_latin_comma_and_space_is_a_list_not_thousands() -> None:
    note = "Labs 02.10.2026: CK 1, 980 U/L"
    assert all(value != 1980.0 for value, _, _ in _ck(note))


# ------------------------------------------------------------------ Russian forms


def test_russian_lab_lines_with_a_dash_spaced_thousands_and_cyrillic_units() -> None:
    note = (
        "Анализы (02.10.2026):\n"
        "КФК — 3 150 Ед/л (норма 0–200)\n"
        "АСТ — 95 Ед/л (0–35); АЛТ — 60 Ед/л (0–40)\n"
        "СРБ — 9,5 мг/л (0–5)\n"
        "СОЭ — 31 мм/ч (норма 2–15)\n"
        "РЭА — 7,5 нг/мл (0–5,0)\n"
    )
    got = {
        lab.code: (lab.value, lab.unit, lab.upper_limit)
        for code in ("ck", "ast", "alt", "crp", "esr", "cea")
        for lab in labs_coded(note, code)
    }
    assert got == {
        "ck": (3150.0, "U/L", 200.0),
        "ast": (95.0, "U/L", 35.0),
        "alt": (60.0, "U/L", 40.0),
        "crp": (9.5, "mg/L", 5.0),
        "esr": (31.0, "mm/h", 15.0),
        "cea": (7.5, "ng/mL", 5.0),
    }


def test_a_value_from_the_same_laboratory_takes_the_notes_range() -> None:
    # the earlier value is said to come from the same laboratory: it takes the range (0-190)
    note = (
        "Анализы (02.10.2026): КФК — 2 900 Ед/л (норма 0–190).\n"
        "Ранее КФК 1 500 Ед/л (01.08.2026), та же лаборатория.\n"
    )
    by_day = {lab.date: lab.upper_limit for lab in labs_coded(note, "ck")}
    assert by_day == {date(2026, 10, 2): 190.0, date(2026, 8, 1): 190.0}
    assert any("same laboratory" in w for w in read(note).warnings)


def test_a_follow_up_value_without_that_statement_keeps_no_range() -> None:
    # another day, no word of the laboratory: it may be another laboratory's
    note = "Labs 2 Oct 2026: CK 2,900 U/L (normal range 40-190).\nOne week later CK was 700 U/L.\n"
    by_day = {lab.date: lab.upper_limit for lab in labs_coded(note, "ck")}
    assert by_day[date(2026, 10, 2)] == 190.0
    assert [u for d, u in by_day.items() if d != date(2026, 10, 2)] == [None]


def test_two_ranges_for_the_lab_give_the_same_laboratory_value_none() -> None:
    note = (
        "Labs 2 Oct 2026: CK 2,900 U/L (normal range 40-190). "
        "Labs 5 Oct 2026: CK 2,100 U/L (normal range 30-170).\n"
        "CK 700 U/L on 9 Oct 2026, same lab.\n"
    )
    by_day = {lab.date: lab.upper_limit for lab in labs_coded(note, "ck")}
    assert by_day[date(2026, 10, 9)] is None


# ------------------------------------------------------------------ Czech forms


def test_czech_ld_in_microkatal_and_a_fall_to_a_value() -> None:
    note = (
        "Laboratoř 5. 10. 2026: CK 30,0 µkat/l (ref. 0,6 – 3,2), LD 7,2 µkat/l (ref. 2,25 – 3,75). "
        "Pokles CK na 12,0 µkat/l (19. 10. 2026)."
    )
    assert [(lab.value, lab.upper_limit) for lab in labs_coded(note, "ldh")] == [(432.0, 225.0)]
    assert {(lab.value, lab.date) for lab in labs_coded(note, "ck")} == {
        (1800.0, date(2026, 10, 5)),
        (720.0, date(2026, 10, 19)),
    }


def test_ld_without_an_enzyme_value_is_no_lab() -> None:
    note = "Seen 5 Oct 2026. Methotrexate LD 15 mg weekly; LD 2 days."
    assert labs_coded(note, "ldh") == []


def test_na_in_capitals_is_not_available_not_a_preposition() -> None:
    note = "Seen 5 Oct 2026. CK NA 12 U/L pending."
    assert all(lab.value != 12.0 for lab in labs_coded(note, "ck"))


# ------------------------------------------------------------------ first-hour units


@pytest.mark.parametrize(
    "note",
    [
        "Bloods 5 Oct 2026: ESR 44 mm in 1st hour.",
        "Profion 5 Hyd 2026 (05/10/2026): ESR 44 mm/awr.",
    ],
)
def test_the_first_hour_written_out_is_mm_per_hour(note: str) -> None:
    assert [(lab.value, lab.unit) for lab in labs_coded(note, "esr")] == [(44.0, "mm/h")]


def test_the_cyrillic_reference_label_and_south_slavic_lab_names() -> None:
    note = (
        "Лабораториски наоди (03.10.2026):\n"
        "  АСТ 150 U/L (реф. < 40)\n"
        "  ЛДХ 600 U/L (реф. 135 - 225)\n"
        "  ЦРП 8,4 мг/л (реф. < 5)\n"
    )
    got = {
        str(code): [(lab.value, lab.unit, lab.upper_limit) for lab in labs_coded(note, code)]
        for code in ("ast", "ldh", "crp")
    }
    assert got == {
        "ast": [(150.0, "U/L", 40.0)],
        "ldh": [(600.0, "U/L", 225.0)],
        "crp": [(8.4, "mg/L", 5.0)],
    }


def test_a_welsh_month_dates_the_lab_and_tuesday_or_autumn_is_no_date() -> None:
    # "clinic 14 October 2026 ... blood tests on Tuesday ... we will see him in the autumn"
    note = "Clinig 14 Hydref 2026. Profion gwaed dydd Mawrth: CK 900 U/L. Gwelwn ef yn yr hydref."
    assert [(lab.value, lab.date) for lab in labs_coded(note, "ck")] == [
        (900.0, date(2026, 10, 14))
    ]


def test_the_romance_pcr_with_a_value_in_mg_is_the_c_reactive_protein() -> None:
    # "PCR 1,4 mg/dL (VN < 0,5)": 14 mg/L by the product's conversion (x 10); Spanish aldolase
    note = "Analítica do 03/10/2026: PCR 1,4 mg/dL (VN < 0,5); Aldolasa 15,2 U/L (VN < 7,6)."
    assert [(lab.value, lab.unit, lab.upper_limit) for lab in labs_coded(note, "crp")] == [
        (14.0, "mg/L", 5.0)
    ]
    assert [(lab.value, lab.upper_limit) for lab in labs_coded(note, "aldolase")] == [(15.2, 7.6)]


def test_a_polymerase_chain_reaction_is_no_crp() -> None:
    note = "Visto o 03/10/2026. PCR SARS-CoV-2 negativa. PCR de CMV 350 copias/mL."
    assert labs_coded(note, "crp") == []
