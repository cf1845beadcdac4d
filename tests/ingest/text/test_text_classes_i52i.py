"""Issue #10, twenty-seventh session (branch i52i): classes of wording in the investigations'
results and the tumours only suspected. Each expectation is worked out by hand on sentences
written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 64-year-old woman with dermatomyositis. "


def _results(text: str) -> list[tuple[str, str]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((i.code.value, i.result.value) for i in case.investigations)


def _tumours(text: str) -> list[tuple[str | None, str | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return [
        (t.site.value if t.site else None, t.histology.value if t.histology else None)
        for t in case.tumours
    ]


# --- a value's bracket holds the print-out's flag and its range, separated by a semicolon: the
# semicolon does not end the result, and the range decides (facts/investigations.py
# _clause_stop; rules/patterns.yaml investigation_value_range)


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        ("FBC 14/11/2026: Hb 97 g/L (L; ref 115-160), platelets 210; rest normal.", "abnormal"),
        ("FBC 14/11/2026: WBC 14.8 (H; ref 4.0-11.0); film unremarkable.", "abnormal"),
    ],
)
def test_a_flag_and_range_in_one_bracket(sentence: str, result: str) -> None:
    assert _results(sentence) == [("full_blood_count", result)]


def test_the_range_decides_over_the_flag() -> None:
    low = "FBC 14/11/2026: Hb 101 g/L (L; ref. 115-160); rest normal."
    assert _results(low) == [("full_blood_count", "abnormal")]
    # the flag disagrees with the range: the range decides, and the rest is normal
    within = "FBC 14/11/2026: Hb 131 g/L (L; ref. 115-160); rest normal."
    assert _results(within) == [("full_blood_count", "normal")]


# --- a lesion denied through "evidence of", "signs of", "recurrence of", "suspicious of" and an
# article is a normal result, never an abnormal one (facts/investigations.py _NOT_FOUND)


@pytest.mark.parametrize(
    "sentence",
    [
        "CT chest/abdomen/pelvis 10/11/2026: no evidence of a pancreatic mass.",
        "CT chest/abdomen/pelvis 10/11/2026: no recurrence of the left renal tumour.",
        "CT chest/abdomen/pelvis 10/11/2026: no signs of a recurrent hepatic mass.",
        "CT chest/abdomen/pelvis 10/11/2026: no focal change suspicious of metastatic disease.",
    ],
)
def test_a_lesion_denied_through_its_evidence_is_normal(sentence: str) -> None:
    assert _results(sentence) == [("ct_chest_abdomen_pelvis", "normal")]


def test_a_lesion_after_such_a_denial_still_counts() -> None:
    denied = "CT chest/abdomen/pelvis 10/11/2026: no evidence of an adrenal mass; lungs clear."
    assert _results(denied) == [("ct_chest_abdomen_pelvis", "normal")]
    text = "CT chest/abdomen/pelvis 10/11/2026: no evidence of ILD but a 3 cm liver mass."
    assert _results(text) == [("ct_chest_abdomen_pelvis", "abnormal")]


# --- the next sentence of the same report that opens on a lesion gives the test its abnormal
# result; a new item of a list does not (facts/investigations.py _next_sentence_result)


def test_the_lesion_of_the_next_sentence_is_the_tests_finding() -> None:
    text = (
        "Colonoscopy 12/11/2026: caecum reached, good preparation. Sigmoid colon: ulcerated "
        "lesion, biopsied."
    )
    assert _results(text) == [("colonoscopy", "abnormal")]
    # a new item of a list, and a tumour marker (a blood test), are no finding of the test
    listed = (
        "Investigations:\n- Colonoscopy 12/11/2026: caecum reached, no polyps.\n"
        "- Staging (MDT 14/11/2026): lesion discussed.\n"
    )
    assert _results(listed) == [("colonoscopy", "normal")]
    marker = "Colonoscopy 12/11/2026: caecum reached, good preparation. Tumour markers: CEA 2.1."
    assert ("colonoscopy", "abnormal") not in _results(marker)


# --- a mass measured whose cancer the same sentence only suspects is no tumour (rules/
# context.yaml "suspicious for"; facts/tumours.py _only_suspected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pelvic ultrasound 11/11/2026: 7 cm complex right adnexal mass, suspicious for ovarian "
        "malignancy.",
        "CT 11/11/2026: 45 mm mass in the sigmoid colon concerning for malignancy.",
    ],
)
def test_a_mass_whose_cancer_is_only_suspected_is_no_tumour(sentence: str) -> None:
    assert _tumours(sentence) == []


def test_a_suspected_mass_later_proven_is_a_tumour() -> None:
    suspected = "CT 11/11/2026: 38 mm mass in the caecum, suspicious for malignancy."
    assert _tumours(suspected) == []
    text = (
        "CT 11/11/2026: 45 mm mass in the sigmoid colon, suspicious for malignancy. "
        "Colonoscopy biopsy 14/11/2026: adenocarcinoma."
    )
    assert _tumours(text) == [("colon", "adenocarcinoma")]


# --- an adenoma found, and a polyp in the Romance languages, is an endoscopy's abnormal result
# (rules/patterns.yaml investigation_abnormal_result)


@pytest.mark.parametrize(
    "sentence",
    [
        "Colonoscopy 05/2022: three tubular adenomas removed, repeat in three years.",
        "Colonscopia (04/11/2026): polipo peduncolato di 9 mm del sigma, asportato.",
        "Colonoscopia (04/11/2026): pólipo sésil de 7 mm en colon descendente.",
    ],
)
def test_an_adenoma_or_polyp_found_is_abnormal(sentence: str) -> None:
    assert _results(sentence) == [("colonoscopy", "abnormal")]


# --- a lesion denied by "negative for" / "free of" before it, or by "not detected / not seen"
# after it, is a normal result (facts/investigations.py _NOT_FOUND, _DENIED_AFTER)


@pytest.mark.parametrize(
    "sentence",
    [
        "CT chest/abdomen/pelvis 09/11/2026: negative for malignancy; no adenopathy.",
        "CT chest/abdomen/pelvis 09/11/2026: free of tumour.",
        "CT chest/abdomen/pelvis 09/11/2026: interstitial lung disease not detected.",
        "CT chest/abdomen/pelvis 09/11/2026: pancreatic mass was not seen.",
    ],
)
def test_a_lesion_denied_before_or_after_it_is_normal(sentence: str) -> None:
    assert _results(sentence) == [("ct_chest_abdomen_pelvis", "normal")]
