"""Failure classes of the opened set notes:heldout38 (issue #10, round 34, helper i34d): the dates
of facts. The part of a month named before it ("mid-May" the 15th, "the end of May" its last day:
gold decision of 3 Dec 2026, thirteenth session), a military date-time group ("140930ZMAR26") and
a compact military course ("03-05FEB26"), the citation style's year-month-day ("2026 Feb 11",
"in 2026 January"), the compact laboratory date ("20260214") and month ("202601"), the dotted
month and year ("01.2026"), "onset of" a complaint before its month and the diagnosis as the
subject of "made". Every vignette is our own; expected dates are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def _dates(text: str) -> list[tuple[date, date | None]]:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import DateStyle, find_dates

    style = DateStyle(note_date=date(2026, 3, 20), today=TODAY)
    return [(d.day, d.until) for d in find_dates(text, rules(), style=style)]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        # the part of a month: the middle the 15th, the end the last day, early and late the 1st
        ("weakness from mid-May 2025 on", date(2025, 5, 15)),
        ("rash since the middle of February 2026", date(2026, 2, 15)),
        ("rash since approx mid-FEB26 on", date(2026, 2, 15)),
        ("weak from the end of February 2024 on", date(2024, 2, 29)),
        ("from end of April 2025 he noticed", date(2025, 4, 30)),
        ("rash from early May 2025", date(2025, 5, 1)),
        ("rash from late May 2025", date(2025, 5, 1)),
        # a date-time group: day, hour and minute, zone, month, year
        ("seen at 140930ZMAR26 by the board", date(2026, 3, 14)),
        ("letter 021715Z JAN 26 received", date(2026, 1, 2)),
        # the citation style's year, month and day, and year and month
        ("clinic on 2026 Feb 11 with", date(2026, 2, 11)),
        ("weak since 2025 Dec, worse", date(2025, 12, 1)),
        # the compact laboratory date and, after a word that dates, its month
        ("Sample 20260214 10:05 received", date(2026, 2, 14)),
        ("rash since 202601 (knuckles)", date(2026, 1, 1)),
        # the dotted month and year
        ("weak thighs from 01.2026, then", date(2026, 1, 1)),
        ("melanoma excised 11.2018 (pT1a)", date(2018, 11, 1)),
    ],
)
def test_a_date_of_a_new_style_is_read(words: str, day: date) -> None:
    assert [found for found, _ in _dates(words)] == [day]


def test_a_compact_military_course_keeps_its_last_day() -> None:
    assert _dates("IVMP 1 g 03-05FEB26 given") == [(date(2026, 2, 3), date(2026, 2, 5))]


@pytest.mark.parametrize(
    "words",
    [
        "report LF-20260214-0031 filed",  # a compact date inside a code
        "Lab no. 20260214 received",  # a number's label
        "Accession: 20260214",
        "Tel 01632 20260214 ext",  # a phone number's groups
        "count 20261340 cells",  # no such month
        "platelets 202601 per mm3",  # six digits after no dating word
        "about 202601 copies since",
        "code 141260ZXYZ26 logged",  # a code in a date-time group's shape, no month
        "time 142460ZMAR26 logged",  # no hour 24 nor minute 60
    ],
)
def test_a_number_or_a_code_is_no_new_style_date(words: str) -> None:
    assert _dates(words) == []


def test_the_modal_may_after_a_year_leaves_the_year_alone() -> None:
    assert _dates("the dose in 2026 may be lowered") == [(date(2026, 1, 1), None)]


def test_a_military_board_dates_its_visit_onset_and_diagnosis() -> None:
    note = (
        "MEDICAL BOARD\nSex: F   DOB: 03 APR 90\n"
        "DTG of board: 161000ZMAR26\n"
        "Dermatomyositis, diagnosed by rheumatology 200900ZJAN26.\n"
        "History: heliotrope rash from approx mid-DEC25; weak thighs from JAN26.\n"
        "CK 151100ZJAN26: 6,210 U/L (ref 40-320).\n"
        "Exam at board: Gottron's papules; hip flexion 4/5."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.index_date == date(2026, 3, 16)
    assert result.case.onset_date == date(2025, 12, 15)
    assert result.case.diagnosis_date == date(2026, 1, 20)
    ck = [lab for lab in result.case.labs if lab.code == "ck"]
    assert [(lab.value, lab.date) for lab in ck] == [(6210, date(2026, 1, 15))]


def test_a_laboratory_system_record_dates_its_facts_in_compact_digits() -> None:
    note = (
        "LUNG FUNCTION REPORT\nSex: M   DOB: 19650630\n"
        "Test date: 20260305 09:15\n"
        "Clinical summary: dermatomyositis with ILD. Onset 202512 (rash on knuckles). "
        "Diagnosed 20260120. CK 20260118: 3 480 U/L (ref 25-200).\n"
        "Exam: Gottron's papules; hip flexion 4/5."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.index_date == date(2026, 3, 5)
    assert result.case.patient.birth_date == date(1965, 6, 30)
    assert result.case.onset_date == date(2025, 12, 1)
    assert result.case.diagnosis_date == date(2026, 1, 20)
    ck = [lab for lab in result.case.labs if lab.code == "ck"]
    assert [(lab.value, lab.date) for lab in ck] == [(3480, date(2026, 1, 18))]


def test_a_citation_style_letter_dates_its_onset_and_diagnosis() -> None:
    note = (
        "2026 Mar 12\nDear Sir,\n"
        "I saw Mr Okafor, a 61-year-old man with dermatomyositis, in clinic on 2026 Mar 10. "
        "His symptoms began in 2025 November. The diagnosis was made on 2026 Jan 14.\n"
        "Gottron's papules and a heliotrope rash; hip flexion 4/5."
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    assert result.case.onset_date == date(2025, 11, 1)
    assert result.case.diagnosis_date == date(2026, 1, 14)


def test_the_onset_of_a_complaint_before_its_month_is_the_onset() -> None:
    note = (
        "Clinic 10/03/2026. Dermatomyositis, diagnosed 02/02/2026. Onset of eyelid rash and "
        "weak thighs in November 2025. Gottron's papules; hip flexion 4/5."
    )
    assert extract_case(note, anchor=TODAY, today=TODAY).case.onset_date == date(2025, 11, 1)
    dotted = (
        "Clinic 10.03.2026. Dermatomyositis diagnosed 02.02.2026; onset of hand rash 12.2025. "
        "Gottron's papules; hip flexion 4/5."
    )
    assert extract_case(dotted, anchor=TODAY, today=TODAY).case.onset_date == date(2025, 12, 1)


def test_the_onset_of_a_cancer_is_not_the_onset_of_the_myositis() -> None:
    note = (
        "Clinic 10/03/2026. Dermatomyositis, diagnosed 02/02/2026. Onset of her breast cancer "
        "in March 2019. Gottron's papules; hip flexion 4/5."
    )
    assert extract_case(note, anchor=TODAY, today=TODAY).case.onset_date is None


@pytest.mark.parametrize(
    "words",
    [
        "Gut Res. 2009 Sep-Oct;3(5):212-214.",  # a journal's issue
        "J Med Case Rep. 2019 Mar 15;12(3):44.",
        "Ther [serial online] 2014 [cited 2021 Nov 28 ];10:730",  # when a page was cited
        "Tohoku Med J, 2022 April, 256(4)",  # a journal's month without a dating word
    ],
)
def test_a_journal_citation_gives_no_citation_style_date(words: str) -> None:
    # a year alone after a verb ("cited 2021") is read as before: 1 January, no month
    days = [found for found, _ in _dates(words) if found.year in {2009, 2019, 2021, 2022}]
    assert all((found.month, found.day) == (1, 1) for found in days)


def test_a_malagasy_heading_dated_in_its_bracket_dates_the_lines_under_it() -> None:
    note = (
        "TARATASY FIVOAHANA (Compte rendu de sortie)\n"
        "Vehivavy 61 taona. Dermatomyosite.\n"
        "FITILIANA (faha-8 Oktobra 2026)\n"
        "Papules de Gottron; érythème héliotrope.\n\n"
        "BIOLOJIA (faha-9 Oktobra 2026)\n"
        "CPK 3 250 UI/L (ara-dalàna < 190)\n"
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    ck = [lab for lab in result.case.labs if lab.code == "ck"]
    assert [(lab.value, lab.date) for lab in ck] == [(3250, date(2026, 10, 9))]


def test_an_examination_dated_in_its_bracket_is_one_with_its_wrapped_rest() -> None:
    note = (
        "LUNG FUNCTION REPORT\nSex: F   Age: 58\nTest date: 20260309 10:20\n\n"
        "CLINICAL SUMMARY\n58F, dermatomyositis. CK 20260115: 3 100 U/L (ref 25-200). Exam on\n"
        "request (clinic 20260302): Gottron's papules +, heliotrope -; power MRC proximal "
        "girdles 3\n"
        "(both arms, both legs), distal 5 throughout; neck flexion 4, neck extension 5.\n"
    )
    result = extract_case(note, anchor=TODAY, today=TODAY)
    legs = [
        (f.present, f.date)
        for f in result.case.findings
        if f.code == "legs_proximal_weaker_than_distal"
    ]
    assert legs == [(True, date(2026, 3, 2))]
