"""issue #10 (i23c): labs, investigations and antibodies. A numbered list's item number is no
lab value; a lower bound restating the day's measured value is no second result; a bracket
holding an earlier sample's date and value dates nothing after it; a past test dated by the year
beside it; the full blood count's and the urine test's names in more languages, a dipstick's
graded finding and an arrow-flagged value abnormal; an antibody in an opening clause of reason
takes no result word from the main clause; an antigen named as the antibodies a test found is
positive; an ANA's staining pattern before its titre. Our own sentences; each class has a guard:
a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

from .helpers import antibody_results, case_of

_OPENING = "Seen in clinic on 20 November 2026.\n\n"


def _labs(note: str) -> list[tuple[str, float | None, date | None]]:
    return sorted(
        (lab.code.value, lab.value, lab.date)
        for lab in case_of(_OPENING + note).labs
        if lab.value is not None
    )


def _tests(note: str) -> dict[str, tuple[str, date | None]]:
    return {t.code.value: (t.result.value, t.date) for t in case_of(_OPENING + note).investigations}


# --- labs -----------------------------------------------------------------------------------


def test_a_numbered_items_number_is_no_value() -> None:
    note = "Impression: (1) probable myositis (2) Raised CK (3) Rhabdomyolysis\n"
    assert [v for code, v, _ in _labs(note) if code == "ck"] == []


def test_a_bare_numbered_list_too() -> None:
    note = "Problems: 1) myositis 2) raised CK 3) dysphagia.\n"
    assert [v for code, v, _ in _labs(note) if code == "ck"] == []


def test_a_bracketed_value_without_a_list_is_read() -> None:
    # guard: no neighbouring item number, the bracket holds the value
    assert ("crp", 3.0, date(2026, 11, 20)) in _labs("CRP (3) today.\n")


def test_a_lower_bound_restating_the_measured_value_is_one_result() -> None:
    note = "Labs: CK 8,420 U/L (ref 39-308).\n\nAssessment: weak, CK >8,000, dark urine.\n"
    assert [v for code, v, _ in _labs(note) if code == "ck"] == [8420.0]


def test_a_lower_bound_above_the_measured_value_stays() -> None:
    # guard: "over 10,000" is not the 8,420: a second result
    note = "Labs: CK 8,420 U/L (ref 39-308).\n\nBy the evening CK was over 10,000.\n"
    assert [v for code, v, _ in _labs(note) if code == "ck"] == [8420.0, 10000.0]


def test_a_bracket_with_an_earlier_sample_dates_nothing_after_it() -> None:
    note = "- 12/11/26: CK 990 U/L (26-192) [at admission 03/11/26: 2,950 U/L]; CRP 21 mg/L (<5)\n"
    labs = _labs(note)
    assert ("ck", 990.0, date(2026, 11, 12)) in labs
    assert ("crp", 21.0, date(2026, 11, 12)) in labs  # not 3 November, the bracket's


def test_a_heading_date_in_brackets_still_heads_its_rows() -> None:
    # guard: "Labs (03/11/2026):" is a heading's date alone, not an earlier result
    labs = _labs("Labs (03/11/2026): CK 2,950 U/L, CRP 21 mg/L.\n")
    assert ("ck", 2950.0, date(2026, 11, 3)) in labs
    assert ("crp", 21.0, date(2026, 11, 3)) in labs


def test_a_sample_time_in_the_heading_bracket_is_no_result() -> None:
    # guard: "(sample 3.11.2026 at 14.20)" holds a time of day, no value with a unit
    labs = _labs("Laboratory (sample 3.11.2026 at 14.20): CK 18.4 µkat/l (< 4.0) H, CRP 24 mg/l.\n")
    assert ("crp", 24.0, date(2026, 11, 3)) in labs


# --- investigations -------------------------------------------------------------------------


def test_a_year_beside_a_past_screening_test_dates_it() -> None:
    tests = _tests("Screening: colonoscopy 2022 normal.\n")
    assert tests["colonoscopy"] == ("normal", date(2022, 1, 1))


def test_the_last_time_a_test_was_done() -> None:
    tests = _tests("Colonoscopy due 2028 (last 2018, normal).\n")
    assert tests["colonoscopy"] == ("normal", date(2018, 1, 1))


def test_last_year_all_fine() -> None:
    tests = _tests("Mammogram last year, all fine.\n")
    assert tests["mammography"] == ("normal", date(2025, 1, 1))


def test_a_year_after_the_note_is_no_date_of_the_test() -> None:
    # guard: "2031" is when it is due
    tests = _tests("Colonoscopy 2031.\n")
    assert tests["colonoscopy"][1] == date(2026, 11, 20)


def test_fine_as_a_lesions_adjective_is_no_normal() -> None:
    # guard: "fine reticulation" is an abnormal chest CT, not "all fine"
    assert _tests("CT chest: fine reticulation at both bases.\n")["ct_chest"][0] == "abnormal"


def test_the_blood_count_named_in_other_languages() -> None:
    assert _tests("Bloedbeeld: normaal.\n")["full_blood_count"][0] == "normal"
    assert _tests("Vérkép: eltérés nélkül.\n")["full_blood_count"][0] == "normal"


def test_a_dipstick_grade_is_an_abnormal_urine_test() -> None:
    tests = _tests("Urine dip: protein 2+, no leucocytes.\n")
    assert tests["urinalysis"][0] == "abnormal"


def test_a_dipstick_without_a_grade_is_normal() -> None:
    # guard: nothing graded, a stated negative
    assert _tests("Urine dip: no blood, protein negative.\n")["urinalysis"][0] == "normal"


def test_a_value_flagged_by_an_arrow_is_an_abnormal_count() -> None:
    assert _tests("FBC: Hb 96 g/L ↓, platelets 210.\n")["full_blood_count"][0] == "abnormal"


def test_a_count_without_a_flag_is_not_abnormal() -> None:
    # guard: values with no flag say nothing abnormal
    assert _tests("FBC: Hb 131 g/L, platelets 210.\n")["full_blood_count"][0] != "abnormal"


# --- antibodies -----------------------------------------------------------------------------


def test_a_result_word_beyond_an_opening_clause_of_reason() -> None:
    note = (
        "Myositis blot on 2 October 2026: anti-TIF1-γ positive.\n\nSince anti-TIF1-γ carries "
        "a cancer risk, she was checked again by gynaecology (negative).\n"
    )
    results = {(a.code.value, a.result.value) for a in case_of(_OPENING + note).antibodies}
    assert results == {("TIF1G", "positive")}  # no negative TIF1-γ beside it


def test_a_result_inside_the_clause_of_reason_is_the_antibodys() -> None:
    # guard: the result word before the comma is the antibody's own
    note = "As anti-NXP2 was negative, no further tests were sent.\n"
    assert antibody_results(_OPENING + note) == {"NXP2": "negative"}


def test_antigen_named_as_the_antibodies_a_test_found() -> None:
    note = "The line blot revealed Mi-2 antibodies.\n"
    assert antibody_results(_OPENING + note) == {"MI2": "positive"}


def test_the_long_name_with_its_short_name_in_brackets() -> None:
    note = "The panel showed transcription intermediary factor 1-γ (TIF1-γ) antibodies.\n"
    assert antibody_results(_OPENING + note) == {"TIF1G": "positive"}


def test_antibodies_asked_about_are_no_result() -> None:
    # guard: "whether" asks, it does not report
    note = "We checked whether the panel showed SAE1 antibodies.\n"
    assert antibody_results(_OPENING + note).get("SAE1") != "positive"


def test_an_ana_pattern_before_its_titre() -> None:
    note = "Her ANA showed a homogeneous pattern at 1:640.\n"
    assert antibody_results(_OPENING + note) == {"ANA": "positive"}


def test_an_ana_pattern_at_a_low_titre_is_not_positive() -> None:
    # guard: 1:40 is below the screening titre
    note = "Her ANA showed a speckled pattern at 1:40.\n"
    assert antibody_results(_OPENING + note).get("ANA") != "positive"
