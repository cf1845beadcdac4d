"""Issue #10, twenty-second session: cancers that are the patient's and cancers that are not.

A one-patient case report's keyword line names its patient's cancers (its title does too), but
never one the text denies, places in a relative or names for several cases (the report gold's
convention, tests/data/reports/index.yaml: every cancer the text states for this patient;
facts/tumours.py ``_patients_keywords``, rules/patterns.yaml ``several_cases``). Each
expectation is worked out by hand on sentences written for this test (no text from a note or a
report)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _sites(text: str) -> set[tuple[str, str | None]]:
    case = extract_case(text, anchor=TODAY, today=TODAY).case
    return {(t.site.value, t.histology.value if t.histology else None) for t in case.tumours}


_TITLE = "Myositis with skin signs in a woman: a case report\n\n"
_ABSTRACT = (
    "Abstract\n\nWe describe a 64-year-old woman with heliotrope rash, Gottron papules and "
    "proximal muscle weakness, whose tumour screening found two cancers.\n\n"
)


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        # the keyword line names the cancers the abstract leaves unnamed
        (
            "Keywords: dermatomyositis, gastric cancer, renal cancer",
            {("stomach", "other"), ("kidney", "other")},
        ),
        ("Key words: thyroid carcinoma; dermatomyositis", {("thyroid", "other")}),
        # in another language's heading
        ("Palabras clave: cáncer de ovario, dermatomiositis.", {("ovary", "other")}),
        # no cancer word: no cancer
        ("Keywords: dermatomyositis, paraneoplastic syndrome", set()),
    ],
)
def test_a_one_patient_reports_keywords_name_her_cancers(
    keywords: str, expected: set[tuple[str, str | None]]
) -> None:
    assert _sites(_TITLE + keywords + "\n\n" + _ABSTRACT) == expected


def test_a_keyword_gives_the_site_of_a_cancer_named_without_one() -> None:
    # the abstract names the kind of tumour, the keyword line where it is
    text = (
        "An insulin-secreting lesion and myositis: a case report\n\n"
        "Abstract\n\nA 58-year-old man with proximal muscle weakness and heliotrope rash was "
        "found to have a functioning neuroendocrine tumour.\n\n"
        "Keywords: neuroendocrine tumour, pancreatic tumour, dermatomyositis\n"
    )
    assert _sites(text) == {("pancreas", "neuroendocrine_tumour")}


def test_keywords_add_nothing_to_cancers_the_text_states() -> None:
    # two lung cancers of two kinds: the keyword line's kind does not replace the first's
    story = (
        "Case presentation\n\nA 70-year-old man with heliotrope rash and proximal muscle "
        "weakness had an adenocarcinoma of the left lung treated with lobectomy and a newly "
        "diagnosed squamous cell carcinoma of the lung.\n"
    )
    keywords = "Keywords: dermatomyositis, squamous cell carcinoma of the lung\n\n"
    expected = {("lung", "adenocarcinoma"), ("lung", "squamous_cell_carcinoma")}
    assert _sites(_TITLE + story) == expected
    assert _sites(_TITLE + keywords + story) == expected


@pytest.mark.parametrize(
    "story",
    [
        # denied in the text
        "A CT scan showed no gastric cancer and no renal cancer.",
        # a relative's
        "Her mother had gastric cancer and her brother had renal cancer.",
        # only considered
        "Gastric cancer and renal cancer were suspected but not confirmed.",
    ],
)
def test_keywords_never_give_a_cancer_the_text_denies_or_places_elsewhere(story: str) -> None:
    text = (
        _TITLE + "Keywords: dermatomyositis, gastric cancer, renal cancer\n\n"
        "Case presentation\n\nA 64-year-old woman had heliotrope rash and proximal muscle "
        "weakness. " + story + "\n"
    )
    assert ("stomach", "other") not in _sites(text)
    assert ("kidney", "other") not in _sites(text)


@pytest.mark.parametrize(
    "series",
    [
        "We report two cases of dermatomyositis found with cancer.",
        "In case 2, the rash came first.",
        "The second patient was a 71-year-old man.",
    ],
)
def test_a_report_of_several_cases_keywords_name_no_one_patients_cancer(series: str) -> None:
    text = (
        "Myositis and cancer\n\nKeywords: dermatomyositis, gastric cancer, renal cancer\n\n"
        "Abstract\n\n" + series + " A 64-year-old woman had heliotrope rash and proximal "
        "muscle weakness.\n"
    )
    assert _sites(text) == set()


_NOTE = (
    "Rheumatology clinic 20/11/2026. A 59-year-old woman with dermatomyositis: heliotrope rash "
    "and proximal muscle weakness.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        # a relative, a verb of treatment, diagnosis, death or having, then the cancer
        "Father treated for bowel cancer in 2015.",
        "Sister diagnosed with ovarian cancer at 52.",
        "Her dad passed with pancreatic cancer last year.",
        "His wife Joan died in June of lung cancer.",
        "Uncle had been operated on for kidney cancer.",
        # a relative with an aside in brackets and no verb
        "Aunt (paternal) colon cancer at 70.",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(sentence: str) -> None:
    assert _sites(_NOTE + sentence + "\n") == set()


def test_the_patients_own_cancer_stays_beside_a_relatives() -> None:
    text = (
        _NOTE + "Mother treated for breast cancer in 2010.\n"
        "CT 10/11/2026: 31 mm mass in the right lower lobe; biopsy: adenocarcinoma of the lung.\n"
    )
    assert _sites(text) == {("lung", "adenocarcinoma")}


@pytest.mark.parametrize(
    "sentence", ["His wife Joan died in June of lung cancer.", "Father died of bowel cancer."]
)
def test_a_relatives_death_of_cancer_is_no_death_of_the_patient(sentence: str) -> None:
    case = extract_case(_NOTE + sentence + "\n", anchor=TODAY, today=TODAY).case
    assert [e for e in case.events if e.kind.value == "death"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a risk, its prevention or its awareness, not a cancer
        "We talked about the rise in ovarian cancer risk with her antibody.",
        "Leaflet on bowel cancer prevention given.",
        "Colon cancer susceptibility was discussed.",
        # a screening programme named before the cancer, in the Romance languages
        "Cribado de cáncer de colon: colonoscopia de 2025 normal.",
        "Rastreio do cancro da mama: mamografia normal.",
        "Dépistage du cancer du col: frottis normal.",
    ],
)
def test_a_cancers_risk_or_screening_is_no_cancer(sentence: str) -> None:
    assert _sites(_NOTE + sentence + "\n") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # organs coordinated before "metastases" are where the cancer spread
        (
            "Ovarian serous carcinoma 6 cm with liver and spleen metastases on CT.",
            {("ovary", "adenocarcinoma")},
        ),
        # an organ as the label of a metastasis found there
        (
            "Ileum: neuroendocrine tumour, 18 mm.\nLiver: metastatic neuroendocrine tumour.",
            {("small_intestine", "neuroendocrine_tumour")},
        ),
        (
            "Colon: adenocarcinoma, 4 cm.\nLung: metastatic adenocarcinoma.",
            {("colon", "adenocarcinoma")},
        ),
        # a cancer of its own beside another organ's metastases stays
        ("Lung cancer 3 cm and liver metastases.", {("lung", "other")}),
    ],
)
def test_where_a_cancer_spread_is_not_another_cancer(
    sentence: str, expected: set[tuple[str, str | None]]
) -> None:
    assert _sites(_NOTE + sentence + "\n") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a kind judged the less likely is a differential, not the patient's cancer
        (
            "Pancreatic tail lesion 21 mm with EUS features of a neuroendocrine tumour. "
            "Adenocarcinoma considered less likely given its vascularity.",
            {("pancreas", "neuroendocrine_tumour")},
        ),
        # and the kind found beside it still is
        (
            "Lymphoma thought unlikely; 28 mm mass in the left lung, biopsy: squamous cell "
            "carcinoma.",
            {("lung", "squamous_cell_carcinoma")},
        ),
    ],
)
def test_a_differential_judged_unlikely_is_not_the_patients_cancer(
    sentence: str, expected: set[tuple[str, str | None]]
) -> None:
    assert _sites(_NOTE + sentence + "\n") == expected
