"""Issue #10, twenty-seventh session (branch i52d): classes of date forms in the time pass and the
dates they give the facts under them. Each expectation is worked out by hand on sentences written
for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._time import DateStyle, find_dates

TODAY = date(2026, 11, 27)
STYLE = DateStyle(note_date=date(2026, 11, 20), today=TODAY)


def _dates(text: str) -> list[tuple[str, date]]:
    return [(text[d.start : d.end], d.day) for d in find_dates(text, rules(), style=STYLE)]


# --- the ordinal mark a language writes right after a day's number (patterns.yaml DAY_ORD), and
# the Malay and Indonesian months (month_names ms, id)


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        # Malay "hb" joined to the day, after a space, with its full stop; "haribulan" in full
        ("Ujian darah 14hb Oktober 2026.", "14hb Oktober 2026", date(2026, 10, 14)),
        ("Biopsy on 7 hb. September 2026.", "7 hb. September 2026", date(2026, 9, 7)),
        ("Dimasukkan 2 haribulan Julai 2026.", "2 haribulan Julai 2026", date(2026, 7, 2)),
        ("Rash from 30hb Ogos 2026 onwards.", "30hb Ogos 2026", date(2026, 8, 30)),
        ("Klinik pada 9hb Mac 2026.", "9hb Mac 2026", date(2026, 3, 9)),
        # without its year: the note's
        ("CK repeated 3hb November.", "3hb November", date(2026, 11, 3)),
        # French, Spanish, Italian and Swedish marks
        ("Vu le 1er octobre 2026.", "1er octobre 2026", date(2026, 10, 1)),
        ("Ingreso el 1º de septiembre de 2026.", "1º de septiembre de 2026", date(2026, 9, 1)),
        ("Visita il 1° ottobre 2026.", "1° ottobre 2026", date(2026, 10, 1)),
        ("Provtagning den 4:e oktober 2026.", "4:e oktober 2026", date(2026, 10, 4)),
        ("Besök den 1:a oktober.", "1:a oktober", date(2026, 10, 1)),
        # Indonesian months
        ("Kontrol tanggal 5 Maret 2026.", "5 Maret 2026", date(2026, 3, 5)),
        ("Sejak Agustus 2026 lemah.", "Agustus 2026", date(2026, 8, 1)),
    ],
)
def test_ordinal_day_marks_and_malay_months(text: str, said: str, day: date) -> None:
    assert (said, day) in _dates(text)


@pytest.mark.parametrize(
    "text",
    [
        # haemoglobin's "Hb" after a number is no ordinal mark: the date is read without it
        "Hb 9 Hb November 2026",
        # Malay "Mac" without a year after a day is never a month (a count of an organism)
        "Sputum grew 2 MAC isolates.",
    ],
)
def test_no_ordinal_mark_or_month(text: str) -> None:
    assert all("Hb N" not in said and "MAC" not in said for said, _ in _dates(text))


def test_a_malay_ordinal_dates_the_result_on_its_day() -> None:
    case = extract_case(
        "Clinic 20/11/2026. A 58-year-old man with necrotising myopathy. "
        "CK 6,100 U/L (ref 39-308) on 11hb Mac 2026.",
        anchor=date(2026, 11, 20),
        today=TODAY,
    ).case
    assert [lab.date for lab in case.labs if lab.code == "ck"] == [date(2026, 3, 11)]


# --- a table's row dated in its first column, a bar between the date and the row's text
# (patterns.yaml time.dates, the i19b row opening)


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        ("12/10   | Tacrolimus started.", "12/10", date(2026, 10, 12)),
        ("3/11 | CK 900 U/L.", "3/11", date(2026, 11, 3)),
        ("Stay:\n  21/9  |  Admitted to ward 4.", "21/9", date(2026, 9, 21)),
    ],
)
def test_a_row_date_before_a_table_bar(text: str, said: str, day: date) -> None:
    assert (said, day) in _dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "4/5   | Power in deltoids.",  # a grade
        "3/12  | History of rash.",  # a duration
    ],
)
def test_no_row_date_before_a_bar(text: str) -> None:
    assert _dates(text) == []


def test_a_table_row_dates_its_wrapped_lines() -> None:
    case = extract_case(
        "Clinic 20/11/2026. A 49-year-old woman with dermatomyositis.\n\n"
        "Date  | Event\n"
        "02/10 | Admitted with weakness.\n"
        "      | CK 7,400 U/L (ref 25-200).\n"
        "09/10 | CK 2,100 U/L (ref 25-200).\n",
        anchor=date(2026, 11, 20),
        today=TODAY,
    ).case
    assert sorted((lab.value, lab.date) for lab in case.labs if lab.code == "ck") == [
        (2100.0, date(2026, 10, 9)),
        (7400.0, date(2026, 10, 2)),
    ]


# --- a panel's date heads its rows: a month's abbreviation before the day and year ends no
# sentence (_nlp._DAY_THEN_YEAR), so the label keeps its whole date


def _antibodies(text: str) -> list[tuple[str, str, date]]:
    case = extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((a.code.value, a.result.value, a.date) for a in case.antibodies)


def test_a_panel_dated_month_first_with_the_months_abbreviation() -> None:
    assert _antibodies(
        "Clinic Nov. 20, 2026. A 44-year-old woman with dermatomyositis.\n"
        "First seen by rheumatology in 2024. Antibody panel Feb. 9, 2025:\n"
        "  Mi-2       POS     TIF1-g   NEG\n"
        "  MDA5       NEG\n"
    ) == [
        ("MDA5", "negative", date(2025, 2, 9)),
        ("MI2", "positive", date(2025, 2, 9)),
        ("TIF1G", "negative", date(2025, 2, 9)),
    ]


# --- a year right after a serology test's name, before the dash or colon of its results
# (patterns.yaml time.dates)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Serology: ENA 2019 - Scl-70 negative, PM-Scl positive.", date(2019, 1, 1)),
        ("Myositis blot 2024: Mi-2 positive.", date(2024, 1, 1)),
        ("Antibody screen 2021 – anti-Jo-1 negative.", date(2021, 1, 1)),
    ],
)
def test_a_tests_year_before_its_results(text: str, day: date) -> None:
    assert [d for _, d in _dates(text)] == [day]


def test_no_year_before_a_values_range() -> None:
    assert _dates("CK 2019 - 2400 over the week.") == []


def test_a_tests_year_dates_its_antibodies() -> None:
    assert _antibodies(
        "Clinic 20/11/2026. A 59-year-old woman with overlap myositis. CT chest 14/11: no ILD.\n"
        "Serology on the regional record: ENA 2018 - Scl-70 negative, PM-Scl positive.\n"
    ) == [("PMSCL", "positive", date(2018, 1, 1)), ("SCL70", "negative", date(2018, 1, 1))]
