"""Vignettes for dates in notes: which date is the visit, how 03/02/2024 is read, dates with
only a month or a year, and which words a date governs. Expected dates are read off each note
by hand (month-only dates are the 1st, year-only dates 1 January)."""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def dated(note: str, code: str) -> list[date]:
    case = extract_case(note, today=TODAY).case
    days = [i.date for i in case.investigations if i.code.value == code]
    days += [f.date for f in case.findings if f.code.value == code and f.date is not None]
    days += [lab.date for lab in case.labs if lab.code.value == code]
    return sorted(days)


# --------------------------------------------------------------------------- the visit
def test_a_note_with_month_first_dates_reads_its_ambiguous_dates_month_first() -> None:
    # 11/15/2022 can only be month-first, so 03/02/2024 is 2 March, not 3 February.
    note = (
        "Date of admission: 03/02/2024\n\nPt is a 58 yo F with a heliotrope rash.\n"
        "Last colonoscopy 11/15/2022, normal."
    )
    result = extract_case(note, today=TODAY)
    assert result.index_date == date(2024, 3, 2)
    assert {i.date for i in result.case.investigations} == {date(2022, 11, 15)}


def test_a_note_with_day_first_dates_keeps_day_first() -> None:
    note = "Clinic date: 03/02/2026\n\n61-year-old man. CK 88 U/L on 27/01/2026."
    result = extract_case(note, today=TODAY)
    assert result.index_date == date(2026, 2, 3)
    assert result.case.labs[0].date == date(2026, 1, 27)


def test_the_clinic_date_beats_the_date_the_letter_was_typed() -> None:
    note = "Date typed: 10 February 2026\nClinic date: 03/02/2026\n\n61-year-old man."
    assert extract_case(note, today=TODAY).index_date == date(2026, 2, 3)


def test_a_date_of_birth_is_never_the_date_of_the_visit() -> None:
    note = "DOB: 14/07/1960\n\n64-year-old woman seen on 5 March 2025 with a heliotrope rash."
    assert extract_case(note, today=TODAY).index_date == date(2025, 3, 5)


def test_an_undated_case_report_is_dated_by_the_visit_it_describes() -> None:
    # The story starts in March; the patient was first seen on 19 April.
    note = (
        "In March 2022 a woman aged 67 noticed difficulty lifting her arms. When first seen on "
        "19 April 2022 she had a heliotrope rash."
    )
    result = extract_case(note, today=TODAY)
    assert result.index_date == date(2022, 4, 19)
    assert dated(note, "heliotrope_rash") == [date(2022, 4, 19)]


# --------------------------------------------------------------------------- partial dates
def test_a_year_alone_is_1_january_of_that_year() -> None:
    note = "Date of clinic: 12 February 2026\n\n57-year-old woman. Colonoscopy in 2024 was clear."
    assert dated(note, "colonoscopy") == [date(2024, 1, 1)]


def test_a_numeric_month_and_year_is_the_first_of_the_month() -> None:
    note = "Clinic date: 21.11.2024\n\n11-year-old girl. Skin biopsy 03/2023 was abnormal."
    assert dated(note, "skin_biopsy") == [date(2023, 3, 1)]


def test_a_day_and_month_without_a_year_is_in_the_notes_year() -> None:
    note = "Date: 10 March 2026\n\n61-year-old man. Colonoscopy on 3 February was normal."
    assert dated(note, "colonoscopy") == [date(2026, 2, 3)]


def test_a_december_day_in_a_january_note_is_last_december() -> None:
    note = "Date: 5 January 2026\n\n61-year-old man. Colonoscopy on 15 Dec was normal."
    assert dated(note, "colonoscopy") == [date(2025, 12, 15)]


# --------------------------------------------------------------------------- what a date governs
def test_a_date_that_closes_a_sentence_does_not_date_the_next_one() -> None:
    note = (
        "Admitted: 14/01/2025\n\n71-year-old man. CK on admission was 14,900 IU/L and peaked at "
        "21,300 IU/L on 17/01/2025. HRCT chest showed no interstitial lung disease."
    )
    assert dated(note, "ck") == [date(2025, 1, 14), date(2025, 1, 17)]
    assert dated(note, "ct_chest") == [date(2025, 1, 14)]


def test_a_date_that_opens_a_sentence_carries_on_in_the_paragraph() -> None:
    note = (
        "Date of clinic: 1 June 2022\n\n60-year-old woman. On 3 May 2022 she had a CT chest. "
        "Colonoscopy was normal."
    )
    assert dated(note, "colonoscopy") == [date(2022, 5, 3)]


def test_a_plan_is_dated_on_the_visit_not_by_the_story_before_it() -> None:
    note = (
        "Date of clinic: 12 February 2026\n\n57-year-old woman. Her screening in 2024 "
        "(colonoscopy) was clear. We will repeat a colonoscopy."
    )
    case = extract_case(note, today=TODAY).case
    results = {(i.date, i.result.value) for i in case.investigations}
    assert results == {(date(2024, 1, 1), "normal"), (date(2026, 2, 12), "pending")}


def test_a_date_in_parentheses_dates_only_the_words_inside() -> None:
    note = (
        "Exam date: 2025-11-18\n\n52M. The lesion now measures 27 mm (14 mm in May 2024). "
        "Mild reticulation in keeping with early interstitial lung disease."
    )
    assert dated(note, "interstitial_lung_disease") == [date(2025, 11, 18)]


def test_a_date_in_parentheses_before_a_colon_labels_the_line() -> None:
    note = "Date: 14 Oct 2025\n\n44-year-old woman.\nSerology (Sept 2025): anti-MDA5 positive."
    case = extract_case(note, today=TODAY).case
    assert [(a.code.value, a.date) for a in case.antibodies] == [("MDA5", date(2025, 9, 1))]


def test_since_dates_the_state_it_follows_not_the_whole_sentence() -> None:
    note = (
        "Date of clinic: 12 February 2026\n\nMrs K, 57 years old, anti-SAE1 dermatomyositis in "
        "remission since 2024, attends with new dysphagia."
    )
    case = extract_case(note, today=TODAY).case
    assert [(e.kind.value, e.date) for e in case.events] == [("remission", date(2024, 1, 1))]
    assert [(f.code.value, f.date) for f in case.findings] == [("dysphagia", date(2026, 2, 12))]


def test_an_improved_finding_is_an_improvement_not_a_present_finding() -> None:
    note = (
        "Date: 15 September 2025\n\n70-year-old man. Two months after the operation his "
        "proximal weakness had improved."
    )
    case = extract_case(note, today=TODAY).case
    assert case.findings == []
    assert [e.kind.value for e in case.events] == ["improvement"]


def test_an_old_operation_is_past_history_but_an_old_normal_test_is_a_result() -> None:
    note = (
        "Date of clinic: 3 February 2026\n\n61-year-old man. Hysterectomy in 2001. "
        "Colonoscopy in 2019 was normal."
    )
    case = extract_case(note, today=TODAY).case
    assert case.events == []
    assert [(i.code.value, i.date) for i in case.investigations] == [
        ("colonoscopy", date(2019, 1, 1))
    ]


def test_two_digit_years_and_a_date_of_birth_after_dob_with_full_stops() -> None:
    note = (
        "Clinic date: 14.01.26\n\nRe: Ms H K, d.o.b. 03.05.1961\n\nCA-125 has fallen from "
        "1,840 U/mL (08.09.25) to 96 U/mL on 07.01.26 (normal <35)."
    )
    result = extract_case(note, today=TODAY)
    assert result.index_date == date(2026, 1, 14)
    assert (result.case.patient.birth_date, result.case.patient.age) == (date(1961, 5, 3), 65)
    got = [(lab.value, lab.upper_limit, lab.date) for lab in result.case.labs]
    assert got == [(1840, None, date(2025, 9, 8)), (96, 35, date(2026, 1, 7))]


def test_a_decimal_over_a_count_is_not_a_date() -> None:
    # "1.2/10 high power fields" mixes separators: a mitotic rate, not 1 February 2010
    note = "Date: 14 March 2024\n\n58-year-old woman. Mitotic rate 1.2/10 high power fields."
    assert extract_case(note, today=TODAY).index_date == date(2024, 3, 14)


def test_us_spelling_reads_an_ambiguous_date_month_first() -> None:
    note = "Reported: 2/6/2026\n\n64-year-old man. Tumor cells are positive for TTF-1."
    assert extract_case(note, today=TODAY).index_date == date(2026, 2, 6)


def test_a_date_alone_in_parentheses_dates_what_precedes_it() -> None:
    note = "DOS: 04/22/2025\n\n46 y.o. male.\n- CK 7,850 U/L (03/30/2025)"
    (ck,) = extract_case(note, today=TODAY).case.labs
    assert (ck.value, ck.date) == (7850, date(2025, 3, 30))


def test_a_value_at_discharge_takes_the_discharge_date() -> None:
    note = (
        "Admission: 28 Aug 2025     Discharge: 4 Sep 2025\n\n52-year-old male.\n"
        "CK 9,120 IU/L on admission, 4,300 IU/L at discharge"
    )
    got = [(lab.value, lab.date) for lab in extract_case(note, today=TODAY).case.labs]
    assert got == [(9120, date(2025, 8, 28)), (4300, date(2025, 9, 4))]


def test_weeks_in_uk_shorthand_and_an_age_after_a_comma() -> None:
    note = "date 12/03/2025\nMrs A, 67 yrs. pt c/o prox weakness x3/12. no dysphagia."
    case = extract_case(note, today=TODAY).case
    assert (case.patient.age, case.onset_date) == (68, date(2024, 12, 12))


def test_a_past_history_list_ends_at_the_blank_line() -> None:
    note = (
        "Visit: 17 June 2025\n\nMrs B, aged 70.\n\nPast history:\n2009 - hypertension\n"
        "2018 - breast cancer\n\nFor the past two months she has had Gottron's papules."
    )
    case = extract_case(note, today=TODAY).case
    assert [(f.code.value, f.present, f.date) for f in case.findings] == [
        ("gottron_papules", True, date(2025, 6, 17))
    ]


def test_an_inline_past_history_is_its_own_line_only() -> None:
    note = "date 12/03/2025\n67yo m.\npmh: t2dm, htn.\nbloods 10/03/25: ck 3400."
    (ck,) = extract_case(note, today=TODAY).case.labs
    assert (ck.value, ck.date) == (3400, date(2025, 3, 10))
