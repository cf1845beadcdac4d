"""issue #10 (i24c): antibodies, labs and investigations in English reports and notes. A
positive stated as what confirmed the diagnosis ("confirmed by the presence of"); a structured
abstract's case label ("Observation.") ending its introduction. Our own sentences; each class has
a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

from .helpers import antibody_results, case_of

_OPENING = "Seen in clinic on 20 November 2026.\n\n"


# --- antibodies -----------------------------------------------------------------------------


def test_a_diagnosis_confirmed_by_the_presence_of_an_antibody_is_a_positive() -> None:
    note = (
        "A 52-year-old woman. The diagnosis was confirmed by the presence of anti-JO1 antibodies.\n"
    )
    assert antibody_results(note) == {"JO1": "positive"}


def test_a_disease_characterised_by_the_presence_of_an_antibody_is_no_result() -> None:
    # guard: "characterized by the presence of" describes the disease
    note = (
        "A 52-year-old woman. The syndrome is characterized by the presence of anti-Jo-1"
        " antibodies.\n"
    )
    assert antibody_results(note) == {}


def test_a_structured_abstracts_observation_label_ends_its_introduction() -> None:
    note = (
        "Introduction. The syndrome is defined by myositis and specific antibodies; anti-Jo-1 is"
        " the most frequent. Observation. A 58-year-old man had cracked skin on his hands. The"
        " anti-Jo-1 antibodies were positive.\n"
    )
    assert antibody_results(note) == {"JO1": "positive"}


def test_the_antigens_spelled_out_names_are_read() -> None:
    note = (
        "A 63-year-old man with Raynaud's. He had positive anti-polymyositis-scleromyositis"
        " (PM-Scl) and anti-Sjogren's syndrome A (SSA) antibodies.\n"
    )
    # the SSA names neither antigen (i33g: the gold decision of 3 Dec 2026)
    assert antibody_results(note) == {"PMSCL": "positive"}


def test_the_antigen_name_spelled_out_with_antigen_too() -> None:
    note = "A 63-year-old man. Anti-Sjögren syndrome antigen A (Ro60) antibodies were negative.\n"
    assert antibody_results(note) == {"RO60": "negative"}


def test_the_syndrome_itself_is_no_antibody() -> None:
    # guard: the disease's name without its antigen letter
    note = "A 63-year-old woman with Sjögren's syndrome and a dry mouth; ANA positive.\n"
    assert antibody_results(note) == {"ANA": "positive"}


# --- a case series' numbered heading with its title ------------------------------------------

_SERIES = (
    "Introduction\n\nWe describe three patients with anti-synthetase antibodies treated with"
    " rituximab.\n\n"
)


def test_a_numbered_case_heading_with_its_title_opens_the_case() -> None:
    note = (
        _SERIES + "Case 1 Anti-PL-7, weak anti-Ro52\n\nA 41-year-old woman presented with"
        " weakness. Serum CK was 6400 U/L.\n"
    )
    labs = [(lab.code.value, lab.value) for lab in case_of(note).labs]
    assert ("ck", 6400.0) in labs
    assert antibody_results(note).get("PL7") == "positive"


def test_a_numbered_case_in_a_sentence_of_the_introduction_opens_nothing() -> None:
    # guard: "Patient 1 reported ..." is a sentence (lower-case after the number), not a heading
    note = (
        _SERIES + "Patient 1 reported in an earlier series had anti-PL-7 antibodies and a CK of"
        " 6400 U/L\n"
    )
    assert antibody_results(note) == {}


# --- labs -----------------------------------------------------------------------------------


def _labs(note: str) -> list[tuple[str, float | None, float | None, date | None]]:
    return sorted(
        (
            (lab.code.value, lab.value, lab.upper_limit, lab.date)
            for lab in case_of(_OPENING + note).labs
        ),
        key=repr,
    )


def test_the_samples_status_with_a_colon_before_the_value() -> None:
    note = "12/11/2026 GP: tired arms. CK sent: 2,340 U/L (ref 25-200).\n"
    assert ("ck", 2340.0, 200.0, date(2026, 11, 12)) in _labs(note)


def test_a_request_remark_in_the_bracket_before_the_value() -> None:
    note = (
        "Aldolase (requested as an add-on by the visiting neurologist): 14.2 U/L"
        " (reference < 7.6).\n"
    )
    assert ("aldolase", 14.2, 7.6, date(2026, 11, 20)) in _labs(note)


def test_a_request_without_a_value_stays_pending() -> None:
    # guard: nothing measured yet
    note = "Aldolase (requested by the visiting neurologist), result to follow.\n"
    assert [c for c, *_ in _labs(note) if c == "aldolase"] == []


def test_a_reference_label_qualified_by_age_or_sex() -> None:
    note = (
        "PSA 7.1 ng/mL (age-specific ref < 4.5) and CK 380 U/L (sex-specific reference range"
        " 30-200).\n"
    )
    labs = _labs(note)
    assert ("psa", 7.1, 4.5, date(2026, 11, 20)) in labs
    assert ("ck", 380.0, 200.0, date(2026, 11, 20)) in labs


def test_a_value_less_raised_lab_in_the_month_of_a_measured_raised_one_is_one_result() -> None:
    note = (
        "Labs 2026-11-13: creatinine 140 umol/L, CK 1,850 U/L (ref 30-200).\n"
        "Impression: rhabdomyolysis, resolving.\n"
    )
    assert [(c, v) for c, v, _, _ in _labs(note) if c == "ck"] == [("ck", 1850.0)]


def test_a_value_less_raised_lab_of_another_month_stays() -> None:
    # guard: an earlier episode, months before the measured result
    note = "In June 2026 his CK was raised. CK 410 U/L (ref 30-200) on 13 November 2026.\n"
    ck = sorted((v or 0.0, d) for c, v, _, d in _labs(note) if c == "ck")
    assert ck == [(0.0, date(2026, 6, 1)), (410.0, date(2026, 11, 13))]


# --- investigations: the polarity of a written result -----------------------------------------


def _tests(note: str) -> dict[str, tuple[str, date | None]]:
    return {t.code.value: (t.result.value, t.date) for t in case_of(_OPENING + note).investigations}


def test_a_dipsticks_grade_in_words_is_abnormal() -> None:
    note = "Urinalysis 2026-11-02: strip moderate blood, microscopy 0-2 red cells.\n"
    assert _tests(note)["urinalysis"] == ("abnormal", date(2026, 11, 2))


def test_a_named_urinary_finding_is_abnormal() -> None:
    note = "Urinalysis 2026-11-02: dark, with proteinuria on the strip.\n"
    assert _tests(note)["urinalysis"] == ("abnormal", date(2026, 11, 2))


def test_a_bland_dipstick_stays_normal() -> None:
    # guard: the fields denied
    note = "Urinalysis 2026-11-02: bland, no blood, no protein.\n"
    assert _tests(note)["urinalysis"] == ("normal", date(2026, 11, 2))


def test_an_organ_described_as_irregular_or_thickened_is_abnormal() -> None:
    note = (
        "Pelvic ultrasound (02/11/2026): endometrium 16 mm and thickened; ovaries unremarkable.\n"
    )
    assert _tests(note)["pelvic_ultrasound"] == ("abnormal", date(2026, 11, 2))


def test_an_organ_not_enlarged_stays_normal() -> None:
    # guard: the descriptor denied just before it
    note = (
        "Pelvic ultrasound (02/11/2026): uterus not enlarged, endometrium 3 mm; ovaries normal.\n"
    )
    assert _tests(note)["pelvic_ultrasound"] == ("normal", date(2026, 11, 2))


def test_a_screening_history_in_the_plural() -> None:
    note = "Her pap smears have always been normal, the most recent in June 2023.\n"
    assert _tests(note)["cervical_smear"] == ("normal", date(2023, 6, 1))


def test_a_phototests_millijoule_unit_is_no_anti_mj() -> None:
    note = (
        "A 48-year-old woman.\nPhototest read at 24 h:\n"
        "   Wavelength (nm)   MED 24 h (mJ/cm2)    Normal range\n"
        "   300 +/- 5         22                   > 15\n"
        "   330 +/- 10        900                  > 600\n"
    )
    assert antibody_results(note) == {}


def test_anti_mj_itself_is_still_read() -> None:
    # guard: the antibody's own name
    assert antibody_results("A 48-year-old woman. Anti-MJ negative.\n") == {"NXP2": "negative"}


def _levels(note: str) -> dict[str, tuple[str, float | None, str | None]]:
    return {
        a.code.value: (a.result.value, a.level, a.unit) for a in case_of(_OPENING + note).antibodies
    }


def test_a_level_in_antibody_index_units_before_the_result_word() -> None:
    note = "A 55-year-old man. Myositis panel: anti-PL-7 3.2 AI (positive >= 1.0) POSITIVE.\n"
    assert _levels(note)["PL7"] == ("positive", 3.2, "AI")


def test_a_level_in_chemiluminescence_units_before_the_result_word() -> None:
    note = "A 55-year-old man. Anti-HMGCR 96 CU positive.\n"
    assert _levels(note)["HMGCR"] == ("positive", 96.0, "CU")


# --- antibodies dated by their sample -------------------------------------------------------


def _dated(note: str) -> set[tuple[str, str, date | None]]:
    return {(a.code.value, a.result.value, a.date) for a in case_of(_OPENING + note).antibodies}


def test_an_addendums_results_take_the_samples_date() -> None:
    note = (
        "A 9-year-old boy. Addendum 18/11/2026: the immunoblot (sample of 04/11/2026) shows"
        " anti-TIF1-gamma positive; anti-NXP2 negative.\n"
    )
    assert _dated(note) == {
        ("TIF1G", "positive", date(2026, 11, 4)),
        ("NXP2", "negative", date(2026, 11, 4)),
    }


def test_a_report_date_alone_still_dates_the_result() -> None:
    # guard: no sample date stated
    note = "A 50-year-old woman. Immunoblot reported 20/10/2026: anti-Mi-2 positive.\n"
    assert _dated(note) == {("MI2", "positive", date(2026, 10, 20))}


def test_a_bound_before_the_result_word_is_no_level() -> None:
    # guard: "<20" is the assay's bound, not a measured level
    note = "A 55-year-old man. Anti-HMGCR <20 CU (negative).\n"
    assert _levels(note)["HMGCR"] == ("negative", None, None)
