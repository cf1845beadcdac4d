"""The reference case report (../shared/seed), read in place: a PDF-extracted two-column text.

Expected values are read by hand from the report: a 65-year-old woman; anti-TIF1γ positive;
Jo-1, OJ, EJ, PL-7, PL-12, NXP-2, Mi-2 and SRP "were not detected"; violaceous papules of the
upper eyelids (heliotrope rash) and over the dorsal hands and fingers (Gottron papules);
dysphagia; CK, aldolase, ALT and AST "within normal limits"; a 6×9.5 mm pancreatic mass, a
non-functional neuroendocrine tumour, mitotic rate 1.2/10 HPF, Ki-67 2.2 %, grade 1; resection
followed by improvement; a repeat panel weakly positive for TIF1γ.

EULAR/ACR 2017 without biopsy, by hand: age at onset ≥ 40 (2.1) + heliotrope rash (3.1) +
Gottron papules (2.1) + dysphagia (0.7) = 8.0 ≥ 7.5 → definite.
"""

from __future__ import annotations

import pytest

from myositis_cds.case import AntibodyResultValue, Case
from myositis_cds.ingest.text import ExtractionResult, extract_case
from myositis_cds.pathway.classification import classify
from myositis_cds.pathway.common import Notes
from tests.ingest.text.helpers import TODAY


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ExtractionResult:
    return extract_case(seed_text, today=TODAY)


@pytest.fixture(scope="module")
def case(seed: ExtractionResult) -> Case:
    return seed.case


def test_seed_patient_is_a_65_year_old_woman(case: Case) -> None:
    assert case.patient.age == 65
    assert case.patient.sex.value == "female"


def test_seed_anti_tif1g_positive_and_eight_antibodies_not_detected(case: Case) -> None:
    # the first myositis panel (ANA, not a myositis antibody, is also dated 27 years earlier)
    first = min(a.date for a in case.antibodies if a.code.value == "TIF1G")
    at_presentation = {a.code.value: a.result for a in case.antibodies if a.date == first}
    assert at_presentation["TIF1G"] is AntibodyResultValue.positive
    negatives = {"JO1", "OJ", "EJ", "PL7", "PL12", "NXP2", "MI2", "SRP"}
    myositis = {c: r for c, r in at_presentation.items() if c not in ("ANA", "RO60", "SCL70")}
    assert {c for c, r in myositis.items() if r is AntibodyResultValue.negative} == negatives


def test_seed_ana_positive_with_the_old_lupus_and_within_limits_now(case: Case) -> None:
    # "ANA positivity 27 years prior" and "... ANA ... within normal limits" at presentation
    ana = sorted((a.date, a.result) for a in case.antibodies if a.code.value == "ANA")
    assert [r for _, r in ana] == [AntibodyResultValue.positive, AntibodyResultValue.negative]
    assert ana[1][0].year - ana[0][0].year == 27


def test_seed_repeat_panel_weakly_positive_later(case: Case) -> None:
    tif1g = sorted((a.date, a.result) for a in case.antibodies if a.code.value == "TIF1G")
    assert [r for _, r in tif1g] == [
        AntibodyResultValue.positive,
        AntibodyResultValue.weak_positive,
    ]
    assert tif1g[1][0] > tif1g[0][0]


def test_seed_heliotrope_and_gottron_are_inferred_with_their_words(case: Case) -> None:
    by_code = {f.code.value: f for f in case.findings if f.present}
    for code, words in (("heliotrope_rash", "upper eyelids"), ("gottron_papules", "fingers")):
        ev = by_code[code].evidence
        assert ev is not None and ev.inferred
        assert words in ev.text.replace("\n", " ")


def test_seed_shawl_and_poikiloderma_from_the_posterior_neck(case: Case) -> None:
    by_code = {f.code.value: f for f in case.findings if f.present}
    assert by_code["poikiloderma"].evidence is not None
    assert not by_code["poikiloderma"].evidence.inferred  # the report names it
    shawl = by_code["shawl_sign"].evidence
    assert shawl is not None and shawl.inferred and "posterior neck" in shawl.text


def test_seed_dysphagia_and_myalgia_present_then_resolved(case: Case) -> None:
    for code in ("dysphagia", "myalgia"):
        states = sorted((f.date, f.present) for f in case.findings if f.code.value == code)
        assert [p for _, p in states] == [True, False]


def test_seed_sle_era_raynaud_is_history_not_a_current_finding(seed: ExtractionResult) -> None:
    assert all(f.code.value != "raynaud" for f in seed.case.findings)
    raynaud = [f for f in seed.facts if f.code == "raynaud" and f.section == "case"]
    assert [f.status for f in raynaud] == ["historical"]


def test_seed_muscle_enzymes_within_normal_limits(case: Case) -> None:
    flags = {lab.code.value: lab.above_uln for lab in case.labs}
    for code in ("ck", "aldolase", "alt", "ast"):
        assert flags[code] is False


def test_seed_pancreatic_net_facts(case: Case) -> None:
    (tumour,) = case.tumours
    assert tumour.site.value == "pancreas"
    assert tumour.histology.value == "neuroendocrine_tumour"
    assert tumour.size_mm == 9.5  # 6×9.5mm: the largest dimension
    assert tumour.functional is False  # no hormonal syndrome
    assert tumour.syndrome is None  # "e.g. insulinoma, gastrinoma" are examples, not findings
    assert tumour.ki67_percent == 2.2
    assert tumour.mitoses is not None
    assert (tumour.mitoses.count, tumour.mitoses.per) == (1.2, "10hpf")
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    assert tumour.resected_date is not None


def test_seed_stated_grade_1_is_a_fact(seed: ExtractionResult) -> None:
    grades = [f.value["value"] for f in seed.facts if f.type == "tumour" and f.code == "grade"]
    assert grades == ["G1"]


def test_seed_resection_followed_by_improvement_and_remission(case: Case) -> None:
    dates = {e.kind.value: e.date for e in case.events}
    assert dates["surgery"] < dates["improvement"] < dates["remission"]
    assert (dates["improvement"] - dates["surgery"]).days == 2  # "two days after surgery"


def test_seed_onset_four_months_before_presentation(seed: ExtractionResult) -> None:
    case = seed.case
    assert case.onset_date is not None and seed.index_date is not None
    assert (seed.index_date.year * 12 + seed.index_date.month) - (
        case.onset_date.year * 12 + case.onset_date.month
    ) == 4


def test_seed_no_fact_from_the_introduction_or_discussion(seed: ExtractionResult) -> None:
    # "We report the case of a 65-year-old woman ..." in the introduction introduces the case:
    # it may give her age and sex (the same as the case section's); nothing else it, the
    # abstract or the discussion say becomes a case record (the case section says it all)
    for fact in seed.facts:
        if fact.section in ("introduction", "abstract", "discussion", "conclusion"):
            if fact.type == "patient":
                assert fact.value["value"] in (65, "female")
                continue
            assert fact.status == "generic" and not fact.in_case


def test_seed_story_ends_on_the_anchor_date(seed: ExtractionResult) -> None:
    last = max(d for _, d in seed.case.dated_fields())
    assert last == TODAY


def test_seed_classifies_definite_with_score_8(case: Case) -> None:
    result = classify(case, TODAY, Notes())
    assert result.score == 8.0
    assert result.category == "definite"


def test_seed_every_record_carries_its_words(seed: ExtractionResult, seed_text: str) -> None:
    for section in (
        "findings",
        "labs",
        "antibodies",
        "investigations",
        "tumours",
        "treatments",
        "events",
    ):
        for record in getattr(seed.case, section):
            ev = record.evidence
            assert ev is not None, section
            assert seed_text[ev.start : ev.end] == ev.text
            assert ev.sentence


def test_seed_inferred_facts_listed_for_review(seed: ExtractionResult) -> None:
    review = {f.code for f in seed.to_review()}
    assert {"heliotrope_rash", "gottron_papules", "shawl_sign"} <= review
