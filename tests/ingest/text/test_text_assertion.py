"""Vignettes for what a note says about a fact: planned, not done, negated in shorthand, about
patients in general. Each expected value is read off the note by hand."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY

DATED = "Date of clinic: 2 March 2025\n\n63-year-old woman.\n"
DAY = date(2025, 3, 2)


def case_of(body: str):  # type: ignore[no-untyped-def]
    return extract_case(DATED + body, today=TODAY).case


def results(body: str) -> set[tuple[str, str, date]]:
    return {(i.code.value, i.result.value, i.date) for i in case_of(body).investigations}


def test_tests_listed_under_a_plan_are_requested() -> None:
    body = "\nA/P: probable dermatomyositis.\n- CT chest/abd/pelvis w/ contrast, mammogram\n"
    assert results(body) == {
        ("ct_chest_abdomen_pelvis", "pending", DAY),
        ("mammography", "pending", DAY),
    }


def test_a_test_due_later_is_requested_on_the_day_of_the_visit() -> None:
    # "Jan 2026" is when it is due; it was asked for at this visit.
    assert results("\nPlan: repeat CT TAP Jan 2026.\n") == {
        ("ct_chest_abdomen_pelvis", "pending", DAY)
    }


def test_surveillance_in_six_months_is_a_request_not_a_result() -> None:
    assert results("Surveillance with MRI pancreas in 6 months.") == {
        ("mri_abdomen", "pending", DAY)
    }


def test_a_test_that_is_not_needed_is_not_a_result() -> None:
    assert results("No EUS needed at present.") == set()


@pytest.mark.parametrize(
    "words", ["CT TAP (Jan 2025): NAD.", "CXR: no acute process.", "Colonoscopy was clear."]
)
def test_shorthand_normal_results(words: str) -> None:
    assert {r for _, r, _ in results(words)} == {"normal"}


def test_an_operation_the_patient_is_listed_for_has_not_happened() -> None:
    assert case_of("Listed for laparoscopic sigmoid colectomy.").events == []


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("Nil dysphagia.", "dysphagia"),
        ("No wt loss.", "weight_loss"),
        ("She has never had Raynaud's phenomenon.", "raynaud"),
    ],
)
def test_shorthand_negations(words: str, code: str) -> None:
    assert [(f.code.value, f.present) for f in case_of(words).findings] == [(code, False)]


def test_a_disease_to_be_excluded_is_not_present() -> None:
    body = "New dyspnoea; interstitial lung disease must be excluded urgently."
    assert case_of(body).findings == []


def test_statements_about_children_in_general_are_not_the_patients() -> None:
    body = "Juvenile dermatomyositis is often complicated by calcinosis in children."
    assert case_of(body).findings == []


def test_background_with_text_is_the_patients_history() -> None:
    case = case_of("\nBackground: dermatomyositis diagnosed April 2025.\n")
    assert case.diagnosis_date == date(2025, 4, 1)


def test_a_case_reports_background_heading_is_about_the_disease() -> None:
    note = "Background\nDermatomyositis is often diagnosed after the age of 40.\n\nCase\n" + (
        "A 60-year-old woman seen on 2 March 2025 had a heliotrope rash."
    )
    case = extract_case(note, today=TODAY).case
    assert case.diagnosis_date is None
    assert [f.code.value for f in case.findings] == ["heliotrope_rash"]


def test_a_report_titled_by_its_test_is_abnormal_when_it_describes_a_lesion() -> None:
    note = (
        "CT CHEST, ABDOMEN AND PELVIS WITH IV CONTRAST\nExam date: 2025-11-18\n\n52M.\n"
        "Findings: mild reticulation in keeping with interstitial lung disease.\n"
    )
    case = extract_case(note, today=TODAY).case
    assert [(i.code.value, i.result.value) for i in case.investigations] == [
        ("ct_chest_abdomen_pelvis", "abnormal")
    ]


def test_a_relative_who_notices_is_not_the_one_with_the_finding() -> None:
    # the struggle is the patient's (not the mother's); a task she struggles with is a symptom,
    # shown as a fact, not the criteria's objective weakness (issue #10)
    body = "Her mother has noticed that she again struggles to climb the stairs."
    result = extract_case(f"A 9-year-old girl. {body}", anchor=TODAY, today=TODAY)
    (fact,) = [f for f in result.facts if f.type == "finding"]
    assert (fact.code, fact.status, fact.value.get("symptom"), fact.in_case) == (
        "weakness_proximal_lower",
        "present",
        True,
        False,
    )


def test_a_normal_value_in_shorthand() -> None:
    (ck,) = case_of("Bloods: CK nl (142).").labs
    assert (ck.value, ck.unit, ck.is_above_uln) == (142, "U/L", False)


def test_a_present_perfect_sentence_speaks_from_the_visit() -> None:
    body = (
        "She has amyopathic dermatomyositis, diagnosed in 2024 on the basis of a rash. "
        "Her CK has always been normal."
    )
    assert [(lab.code.value, lab.date) for lab in case_of(body).labs] == [("ck", DAY)]


def test_all_others_negative_including_a_list() -> None:
    body = "Myositis panel: Mi-2 positive; all others negative including TIF1-gamma, NXP-2, SRP."
    case = case_of(body)
    assert {a.code.value: a.result.value for a in case.antibodies} == {
        "MI2": "positive",
        "TIF1G": "negative",
        "NXP2": "negative",
        "SRP": "negative",
    }


def test_a_previous_cancer_does_not_make_the_tests_arranged_for_it_historical() -> None:
    body = "Given her previous breast cancer we have arranged CT of the thorax, abdomen and pelvis."
    assert results(body) == {("ct_chest_abdomen_pelvis", "pending", DAY)}


def test_a_pathologists_comment_is_about_this_patient() -> None:
    note = (
        "Reported: 06.02.2026\n\n64-year-old man with a 38 mm lung mass.\n\nCOMMENT: small cell "
        "carcinoma; Ki-67 proliferation index approximately 90%. Staging: cT2b N2 M0."
    )
    (t,) = extract_case(note, today=TODAY).case.tumours
    assert (t.ki67_percent, t.nodes, t.metastases) == (90, "N1", "M0")
