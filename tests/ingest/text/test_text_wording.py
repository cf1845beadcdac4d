"""Coordination and negation scope, nominal and lay wording, antibody names, case-report
structure and tumours without a size (issue #10, classes 4-8). Each rule is tried on its own in
a short vignette; the expected facts are read off the words by hand."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def read(note: str):  # type: ignore[no-untyped-def]
    return extract_case(note, anchor=TODAY, today=TODAY)


def antibodies(note: str) -> dict[str, str]:
    return {a.code.value: a.result.value for a in read(note).case.antibodies}


def findings(note: str) -> dict[str, bool]:
    return {f.code.value: f.present for f in read(note).case.findings}


# ------------------------------------------------------------------ 4. coordination and scope
def test_a_negative_result_is_shared_over_a_coordinated_list() -> None:
    note = "A 50-year-old woman with negative ANA and anti-Jo-1, anti-Ku, and anti-Mi2 antibodies."
    assert antibodies(note) == {
        "ANA": "negative",  # a code of its own since the second issue #10 session
        "JO1": "negative",
        "KU": "negative",
        "MI2": "negative",
    }


def test_negative_including_a_list() -> None:
    note = "A 50-year-old woman. Myositis immunoblot negative, including Jo-1, PL-7, PL-12 and EJ."
    got = antibodies(note)
    assert {k: got[k] for k in ("JO1", "PL7", "PL12", "EJ")} == dict.fromkeys(
        ("JO1", "PL7", "PL12", "EJ"), "negative"
    )


def test_each_result_in_a_list_keeps_its_own_word() -> None:
    note = "A 50-year-old woman. Anti-TIF1γ positive, anti-NXP2 and anti-SAE negative."
    assert antibodies(note) == {"TIF1G": "positive", "NXP2": "negative", "SAE1": "negative"}


def test_no_evidence_of_negates_both_members_of_an_or_list() -> None:
    got = findings(
        "A 50-year-old woman with a heliotrope rash. No evidence of malignancy or interstitial "
        "lung disease."
    )
    assert got["interstitial_lung_disease"] is False
    assert read("A 50-year-old woman. No evidence of malignancy or ILD.").case.tumours == []


# ------------------------------------------------------------------ 5. nominal and lay wording
@pytest.mark.parametrize(
    "words",
    [
        "Blood tests revealed an increase in muscle enzymes.",
        "There was an elevation of creatine kinase.",
        "Serum muscle enzymes were elevated.",
    ],
)
def test_nominal_enzyme_wording_is_an_enzyme_above_the_limit(words: str) -> None:
    (lab,) = read(f"A 50-year-old woman. {words}").case.labs
    assert (lab.code.value, lab.above_uln) == ("ck", True)


def test_a_reference_limit_in_square_brackets() -> None:
    (lab,) = read("A 50-year-old woman. CK 1,900 U/L [ULN 170].").case.labs
    assert (lab.value, lab.upper_limit) == (1900, 170)


@pytest.mark.parametrize(
    "words",
    [
        "She says food gets stuck in her throat.",
        "He chokes on liquids.",
        "She failed a water swallow test on the ward.",
        "Nasal regurgitation of fluids.",
    ],
)
def test_lay_and_bedside_dysphagia(words: str) -> None:
    assert findings(f"A 50-year-old woman. {words}").get("dysphagia") is True


def test_bumps_over_the_knuckles_are_gottron_papules_inferred() -> None:
    result = read("A 50-year-old woman with red bumps over her knuckles.")
    (f,) = [f for f in result.case.findings if f.code.value == "gottron_papules"]
    assert f.present and f.evidence is not None and f.evidence.inferred


def test_ulcers_on_the_finger_pulps_are_cutaneous_ulceration() -> None:
    assert findings("A 50-year-old man with painful ulcers on his finger pulps.") == {
        "cutaneous_ulceration": True
    }


def test_an_eyelid_rash_in_colour_is_a_heliotrope_rash_inferred() -> None:
    result = read("A 50-year-old woman with a reddish-purple rash on both upper eyelids.")
    (f,) = [f for f in result.case.findings if f.code.value == "heliotrope_rash"]
    assert f.present and f.evidence is not None and f.evidence.inferred


# ------------------------------------------------------------------ 6. antibody names
@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("anti-p155/140 positive", "TIF1G"),
        ("anti-p155 positive", "TIF1G"),
        ("anti-TIF1-γ positive", "TIF1G"),
        ("anti-TIF1ɣ positive", "TIF1G"),  # Latin small gamma, a common typo
        ("anti-TIF1y positive", "TIF1G"),
        ("anti-MJ positive", "NXP2"),
        ("antinuclear matrix protein 2 antibody positive", "NXP2"),
        ("anti-SUMO-1 activating enzyme positive", "SAE1"),
        ("anti-small ubiquitin-like modifier 1 activating enzyme positive", "SAE1"),
        ("anti-CADM-140 positive", "MDA5"),
        ("anti-HMG-CR positive", "HMGCR"),
    ],
)
def test_antibody_names(words: str, code: str) -> None:
    assert antibodies(f"A 50-year-old woman. {words}.") == {code: "positive"}


def test_triple_negative_breast_cancer_is_not_an_antibody_result() -> None:
    note = "A 43-year-old woman with anti-TIF1γ antibodies and triple-negative breast cancer."
    assert antibodies(note) == {"TIF1G": "positive"}


def test_a_myositis_panel_negative_is_each_of_its_antibodies_negative_inferred() -> None:
    result = read("A 50-year-old woman. Myositis panel negative.")
    got = {a.code.value: a.result.value for a in result.case.antibodies}
    assert got["TIF1G"] == got["MDA5"] == got["JO1"] == got["NXP2"] == "negative"
    assert all(a.evidence is not None and a.evidence.inferred for a in result.case.antibodies)


def test_a_stated_antibody_beats_the_panel() -> None:
    got = antibodies("A 50-year-old woman. Myositis panel negative apart from anti-MDA5 positive.")
    assert got["MDA5"] == "positive"
    assert got["TIF1G"] == "negative"


def test_a_later_positive_is_not_discarded_for_an_earlier_negative() -> None:
    note = (
        "A 50-year-old woman. Anti-TIF1γ was negative on line blot. Anti-TIF1γ was positive "
        "by immunoprecipitation."
    )
    assert antibodies(note) == {"TIF1G": "positive"}


# ------------------------------------------------------------------ 7. case-report structure
def test_the_case_sentence_of_an_abstract_is_about_the_patient() -> None:
    note = (
        "Juvenile dermatomyositis: a case\n\nAbstract\nJuvenile dermatomyositis is an "
        "autoimmune vasculopathy characterized by inflammation of muscle and skin. We report a "
        "15-year-old boy with a heliotrope rash and Gottron's papules."
    )
    result = read(note)
    assert result.case.patient.age == 15
    assert findings(note) == {"heliotrope_rash": True, "gottron_papules": True}


def test_an_introduction_about_the_disease_gives_no_patient_fact() -> None:
    note = (
        "Introduction\nDermatomyositis (DM) is an inflammatory myopathy characterized by "
        "heliotrope rash and Gottron papules.\n\nCase report\nA 60-year-old man had dysphagia."
    )
    assert findings(note) == {"dysphagia": True}


# ------------------------------------------------------------------ 8. tumours and pathology
def test_a_cancer_named_without_a_size_is_recorded() -> None:
    (t,) = read("A 61-year-old man. CT showed hepatocellular carcinoma.").case.tumours
    assert (t.site.value, t.size_mm) == ("liver", None)


def test_a_neoplasm_in_a_lung_lobe() -> None:
    (t,) = read("A 69-year-old man. CT revealed a neoplasm in the right upper lobe.").case.tumours
    assert t.site.value == "lung"


def test_a_distance_is_not_a_size() -> None:
    note = (
        "A 60-year-old man. A 14 mm pancreatic neuroendocrine tumour in the tail, 38 mm from "
        "the splenic hilum."
    )
    (t,) = read(note).case.tumours
    assert t.size_mm == 14


def test_a_distance_alone_is_not_a_size() -> None:
    note = "A 60-year-old man. Pancreatic neuroendocrine tumour, 38 mm from the splenic hilum."
    (t,) = read(note).case.tumours
    assert t.size_mm is None


def test_ki67_with_its_clone_and_mitoses_in_ten_fields() -> None:
    note = (
        "A 60-year-old man. A 12 mm pancreatic neuroendocrine tumour. Ki-67 (MIB-1): 7 %. "
        "Mitoses: 3 in 10 HPF."
    )
    (t,) = read(note).case.tumours
    assert t.ki67_percent == 7
    assert t.mitoses is not None and (t.mitoses.count, t.mitoses.per) == (3, "10hpf")


def test_a_sentence_introducing_the_case_in_an_introduction_is_about_the_patient() -> None:
    note = (
        "Introduction:\nDermatomyositis is a rare autoimmune disease. This report aims to "
        "describe a clinical case of a patient with dermatomyositis and metastatic breast "
        "cancer.\nCase Report:\nA 38-year-old woman has proximal weakness."
    )
    (t,) = read(note).case.tumours
    assert t.site.value == "breast"


def test_a_title_naming_the_patients_antibody() -> None:
    note = (
        "Necrotizing Myopathy in a Positive HMG-CR Antibody Patient\n\nCase Presentation\n\n"
        "A 75-year-old woman has proximal weakness."
    )
    assert antibodies(note) == {"HMGCR": "positive"}


def test_laboratory_studies_are_the_patients_not_the_literature() -> None:
    note = "A 38-year-old woman. Laboratory studies demonstrated elevation of creatine kinase."
    (lab,) = read(note).case.labs
    assert lab.above_uln is True


def test_a_duration_of_evolution_gives_the_onset() -> None:
    note = "A 38-year-old woman with proximal weakness with four months of evolution."
    assert read(note).case.onset_date is not None
    assert read(note).case.onset_date.month == 7  # 27 Nov 2026 less four months


def test_symmetrical_proximodistal_weakness_includes_both_proximal_items() -> None:
    got = findings("A 5-year-old boy. A symmetrical proximodistal weakness was found.")
    assert got == {"weakness_proximal_upper": True, "weakness_proximal_lower": True}


def test_a_biopsy_showing_a_muscle_only_feature_is_a_muscle_biopsy() -> None:
    note = (
        "A 5-year-old boy. Biopsy specimens showed infiltration of mononuclear cells, few "
        "necrotic fibers, and perifascicular atrophy."
    )
    biopsy = read(note).case.muscle_biopsy
    assert biopsy is not None and biopsy.perifascicular_atrophy is True


def test_no_inflammatory_infiltration_on_a_muscle_biopsy_is_neither_infiltrate() -> None:
    note = (
        "A 63-year-old woman. Muscle biopsy showed necrotic fibers but no inflammatory cell "
        "infiltration."
    )
    biopsy = read(note).case.muscle_biopsy
    assert biopsy is not None
    assert (biopsy.endomysial_infiltrate, biopsy.perimysial_perivascular_infiltrate) == (
        False,
        False,
    )


def test_a_negated_abnormality_is_a_normal_result() -> None:
    note = "A 61-year-old woman whose disease did not present with raised CK."
    assert all(lab.above_uln is not True for lab in read(note).case.labs)


def test_an_elevated_judgement_goes_to_the_value_of_that_day() -> None:
    note = "A 75-year-old woman with persistently elevated CK levels. Her CK was 7400."
    (lab,) = read(note).case.labs
    assert (lab.value, lab.above_uln) == (7400, True)


def test_presenting_features_at_diagnosis_in_a_follow_up_letter_are_the_presentation() -> None:
    note = (
        "Clinic date: 3 Feb 2026\n\nRe: Mrs Jones, 63\n\nDiagnosis: dermatomyositis, diagnosed "
        "March 2019.\nPresenting features at diagnosis (March 2019): heliotrope rash, Gottron's "
        "papules and dysphagia.\n\nShe remains well."
    )
    got = {
        (f.code.value, f.present, f.date.isoformat() if f.date else None)
        for f in extract_case(note, today=TODAY).case.findings
    }
    # dated nearly seven years before the visit, but not before the illness: the presentation
    assert got >= {
        ("heliotrope_rash", True, "2019-03-01"),
        ("gottron_papules", True, "2019-03-01"),
        ("dysphagia", True, "2019-03-01"),
    }


def test_an_illness_long_before_the_myositis_stays_past_history() -> None:
    note = (
        "Clinic date: 3 Feb 2026\n\nA 63-year-old woman. Dermatomyositis diagnosed in March "
        "2025.\nIn 2005 she had dysphagia from an oesophageal stricture."
    )
    assert all(f.code.value != "dysphagia" for f in extract_case(note, today=TODAY).case.findings)
