"""issue #10 (i23d): tumours. Every stated cancer recorded: one named in the past history only
through the operation that treated it; a carcinoma of unknown primary named in another language.
And the date a tumour was found: a staging scan after the tumour was named dates nothing; an
imaging or endoscopy report's own measured finding dates the find though an addendum is dated.
Our own sentences; each class has a guard."""

from __future__ import annotations

from datetime import date

from .helpers import case_of

_OPENING = "A 52-year-old man was seen in our clinic on 9 February 2026.\n\n"


def test_past_cancer_named_through_its_operation_is_recorded() -> None:
    case = case_of(
        _OPENING + "He has a past history of a total thyroidectomy and radioiodine ablation "
        "for thyroid cancer. He now has proximal weakness."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "thyroid"
    # no date stated: found by the note's date at the latest, never on a made-up day
    assert tumour.found_date == date(2026, 2, 9) and tumour.found_date_latest
    assert tumour.resected_date is None


def test_an_operation_without_a_cancer_records_no_tumour() -> None:
    # guard: a thyroidectomy for a goitre names no cancer
    case = case_of(_OPENING + "He has a past history of a total thyroidectomy for a goitre.")
    assert case.tumours == []


def test_carcinoma_of_unknown_primary_in_korean() -> None:
    case = case_of(_OPENING + "PET-CT에서 다발성 림프절 섭취가 있어 원발부위불명암으로 진단되었다.")
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "other"


def test_carcinoma_of_unknown_primary_in_japanese() -> None:
    case = case_of(_OPENING + "PETで多数のリンパ節に集積を認め、原発不明癌と診断した.")
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "other"


def test_a_bare_cancer_word_without_a_site_is_no_tumour() -> None:
    # guard: "Karzinom" alone says neither its organ nor that none was found
    case = case_of(_OPENING + "Frage nach Karzinom; PET-CT folgt.")
    assert case.tumours == []


def test_staging_scan_after_the_tumour_was_named_dates_nothing() -> None:
    case = case_of(
        _OPENING + "Diagnoses: 1. dermatomyositis 2. early gastric cancer.\n"
        "- CT chest, abdomen and pelvis (2 January 2026): no lymph node or distant metastasis.\n"
        "- Upper GI endoscopy (20 January 2026): 15 mm lesion of the gastric body; biopsy "
        "tubular adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "stomach"
    assert tumour.found_date == date(2026, 1, 20)  # the endoscopy, not the staging CT
    assert tumour.metastases is not None and tumour.metastases.value == "M0"


def test_a_scan_that_names_the_tumour_dates_it() -> None:
    # guard: a CT that shows the mass itself is the find
    case = case_of(
        _OPENING + "Diagnoses: 1. dermatomyositis 2. gastric cancer.\n"
        "- CT abdomen (2 January 2026): 30 mm mass of the gastric antrum, no distant "
        "metastasis.\n"
        "- Upper GI endoscopy (20 January 2026): biopsy of the antral mass showed "
        "adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.found_date == date(2026, 1, 2)


_REPORT = (
    "CT CHEST LOW-DOSE. Date of service: 14 March 2026.\n"
    "Clinical indication: 66-year-old woman with dermatomyositis.\n"
    "FINDINGS: in the right upper lobe there is a solid spiculated nodule measuring 21 x 16 mm.\n"
    "IMPRESSION: 21 mm spiculated right upper lobe nodule, suspicious for lung cancer.\n"
)


def test_measured_finding_of_the_report_dates_the_find_before_its_addendum() -> None:
    case = case_of(
        _REPORT + "ADDENDUM (20 March 2026): CT-guided biopsy showed adenocarcinoma of the lung."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "lung"
    assert tumour.found_date == date(2026, 3, 14)  # the report's own scan


def test_a_summary_naming_the_tumour_does_not_date_it() -> None:
    # guard (i19a): an undated summary names the cancer; the story dates the scan that found it
    case = case_of(
        "Lung adenocarcinoma in anti-TIF1-gamma dermatomyositis: a case report.\n\n"
        "A 66-year-old woman presented in January 2024 with a heliotrope rash. A CT on 14 "
        "March 2024 showed a 21 mm nodule in the right upper lobe; biopsy showed lung "
        "adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.found_date == date(2024, 3, 14)


def test_a_summary_after_the_dated_scan_does_not_date_it() -> None:
    # guard: a letter restates the measured tumour after the dated table of results
    case = case_of(
        "Dear Dr Rowe, 4 May 2026.\n\nA 61-year-old man with dermatomyositis.\n"
        "CT abdomen 20/06/2026: 12 mm enhancing lesion in the tail of the pancreas.\n"
        "So the screening found a small (12 mm) pancreatic neuroendocrine tumour."
    )
    (tumour,) = case.tumours
    assert tumour.found_date == date(2026, 6, 20)


# --- events of the story: an operation planned in another language, weighed or named as a
# place; a remission word that is no remission; an event named as a risk or a query


def _events(note: str) -> list[tuple[str, date]]:
    return [(e.kind.value, e.date) for e in case_of(note).events]


def test_operation_planned_in_other_languages_is_no_event() -> None:
    for line in (
        "Discusso con gli urologi: programmata nefrectomia parziale sinistra.",
        "Předání na chirurgii - plánována pravostranná horní lobektomie.",
        "Valorada por Ginecología: histerectomía total laparoscópica programada para el "
        "20/03/2026.",
        "De Fall gëtt am Tumorboard presentéiert; eng Gastrektomie ass virgesinn.",
    ):
        assert ("surgery", date(2026, 2, 9)) not in _events(_OPENING + line), line
        assert not [k for k, _ in _events(_OPENING + line) if k == "surgery"], line


def test_operation_done_in_another_language_stays() -> None:
    # guard: the operation was done on a stated day
    events = _events(_OPENING + "Il 3/01/2026 è stata eseguita nefrectomia parziale sinistra.")
    assert ("surgery", date(2026, 1, 3)) in events


def test_operation_weighed_or_surgery_as_a_place_is_no_event() -> None:
    for line in (
        "Question for the meeting: Surgery vs surveillance?",
        "Staging of the lung adenocarcinoma before consideration of surgery.",
        "Saturation fell to 91% after climbing the surgery stairs.",
        "Attendees: GI surgery (Dr Lane), oncology (Dr Osei).",
    ):
        assert not [k for k, _ in _events(_OPENING + line) if k == "surgery"], line


def test_a_symptom_resolved_in_part_or_an_infection_resolved_is_no_remission() -> None:
    for line in (
        "At discharge the dysphagia had resolved partially.",
        "Admitted in January with aspiration pneumonia, treated, now resolved.",
        "Past problems: dysphagia (05/2025; resolved), rash (ongoing).",
    ):
        assert not [k for k, _ in _events(_OPENING + line) if k == "remission"], line


def test_the_disease_resolved_is_a_remission() -> None:
    # guard: the myositis's own features resolved
    events = _events(_OPENING + "Today her heliotrope rash and Gottron papules have resolved.")
    assert ("remission", date(2026, 2, 9)) in events


def test_recurrence_named_as_a_risk_or_a_query_is_no_event() -> None:
    for line in (
        "Consent: risks explained: wound breakdown, recurrence, nerve injury.",
        "Needs a CT scan - ?recurrence of the breast cancer.",
    ):
        assert not [k for k, _ in _events(_OPENING + line) if k == "tumour_recurrence"], line


# --- the onset said as a skin complaint since a month, in lay or translated words


def test_onset_since_a_month_with_lay_skin_words() -> None:
    for line, onset in (
        ("Since August 2025 she notices a violet reddening of the upper eyelids.", (2025, 8, 1)),
        ("Violaceous patches on the knuckles since March 2025, then weak thighs.", (2025, 3, 1)),
        ("Itching of the scalp and neckline since June 2025.", (2025, 6, 1)),
    ):
        assert case_of(_OPENING + line).onset_date == date(*onset), line


def test_a_date_after_a_non_skin_word_is_no_onset() -> None:
    # guard: a car's paint patches are no complaint of hers
    case = case_of(_OPENING + "She has driven the same car since March 2019.")
    assert case.onset_date is None


# --- the sigmoid colon named in the letters' languages


def test_sigmoid_cancer_in_other_languages_is_a_colon_cancer() -> None:
    for line in (
        "Суправаджальны дыягназ: адэнакарцынома сігмападобнай кішкі, G2.",
        "Diagnóstico: adenocarcinoma de colon sigmoide, 35 mm.",
        "Rozpoznanie: gruczolakorak esicy.",
    ):
        (tumour,) = case_of(_OPENING + line).tumours
        assert tumour.site is not None and tumour.site.value == "colon", line


def test_a_normal_sigmoid_names_no_tumour() -> None:
    # guard: the organ alone, seen normal, is no cancer
    case = case_of(_OPENING + "Colonoscopia: colon sigmoide sin lesiones.")
    assert case.tumours == []
