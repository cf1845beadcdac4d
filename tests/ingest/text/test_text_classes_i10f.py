"""Failure classes fixed in the sixth issue #10 session (development sets heldout_f and
heldout9, see tests/data/reports/FIRST_RUN_F.md, and the defects left by the fifth session's
closing note). Each class is a general rule tried in our own wording, with sentences that must
not match; the expected facts are read off the words by hand."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import TODAY, read, sex_and_age
from tests.ingest.text.helpers import antibody_results as antibodies
from tests.ingest.text.helpers import findings_of as findings


# ------------------------------------------------------------------ a form's "Patient:" label
@pytest.mark.parametrize(
    ("line", "sex"),
    [
        ("Patient: male, 36 years", "male"),
        ("Pt: female, age 63", "female"),
        ("Patient: F      Age on admission: 47", "female"),
        ("PATIENT: M    Age: 70", "male"),
    ],
)
def test_a_patient_label_followed_by_the_sex_gives_the_sex(line: str, sex: str) -> None:
    assert sex_and_age(line + "\nHeliotrope rash.")[0] == sex


@pytest.mark.parametrize(
    "line",
    [
        "Patient: malaise and myalgia, age 63",  # a word that starts like 'male'
        "Patient: Martin, age 63",  # a name, not the sex
        "Patient feels mostly fine, age 63",  # no label
    ],
)
def test_a_patient_label_without_a_sex_word_gives_no_sex(line: str) -> None:
    assert sex_and_age(line + "\nHeliotrope rash.")[0] == "unknown"


# ------------------------------------------------------------------ an addendum with its date
_REPORT = (
    "Muscle MRI report\nDate of scan: 02/03/2026\nPatient: female, 50 years\n\n"
    "CONCLUSION: oedema of both vastus lateralis muscles, in keeping with myositis.\n\n"
)


def test_an_addendum_after_a_conclusion_is_read_and_dated_by_its_own_date() -> None:
    note = _REPORT + "Addendum 09/03/2026: anti-Mi-2 strongly positive; Jo-1 and MDA5 negative.\n"
    case = read(note).case
    assert {a.code.value: a.result.value for a in case.antibodies} == {
        "MI2": "positive",
        "JO1": "negative",
        "MDA5": "negative",
    }
    assert {a.date for a in case.antibodies} == {date(2026, 3, 9)}


def test_an_addendum_title_on_its_own_line_opens_a_patient_section() -> None:
    note = _REPORT + "ADDENDUM\nanti-PL-12 positive.\n"
    assert antibodies(note) == {"PL12": "positive"}


def test_a_case_reports_conclusion_stays_general() -> None:
    # the sections rule this class leaves alone: a conclusion is no addendum
    note = (
        "A 50-year-old woman with heliotrope rash.\n\nConclusion: anti-Mi-2 is positive in many "
        "patients with classic dermatomyositis.\n"
    )
    assert "MI2" not in antibodies(note)


# ------------------------------------------------------------------ "since N years" onsets
def test_raynaud_since_two_years_dates_the_onset() -> None:
    case = read("Woman, 41. Raynaud's phenomenon since 2 years. Gottron's papules.").case
    assert case.onset_date == date(2024, 11, 27)  # TODAY minus two years


def test_since_n_years_without_a_symptom_is_no_onset() -> None:
    case = read("Woman, 41. Working as a night nurse since 2 years. Gottron's papules.").case
    assert case.onset_date != date(TODAY.year - 2, TODAY.month, TODAY.day)


# ------------------------------------------------------------------ a line blot's own results
# Convention (rules/lexicon.yaml antibody_panels, _antibody_panels): a panel stated negative as a
# whole ("myositis line blot negative") names each of its 14 antigens negative, flagged inferred.
_WOMAN = "A 50-year-old woman. "


def test_a_blot_whose_result_follows_the_names_it_lists_gives_only_those() -> None:
    assert antibodies(_WOMAN + "Myositis line blot: Mi-2 and SAE1 negative.") == {
        "MI2": "negative",
        "SAE1": "negative",
    }


def test_none_positive_after_a_bracketed_list_is_negative_for_each_member() -> None:
    # before: 'positive' inside 'nil positive' read all four as positive
    got = antibodies(_WOMAN + "Myositis immunoblot (EJ, OJ, Ku, PL-12): nil positive.")
    assert got == {"EJ": "negative", "OJ": "negative", "KU": "negative", "PL12": "negative"}


def test_a_blot_negative_as_a_whole_still_gives_its_panel() -> None:
    got = antibodies(_WOMAN + "Myositis line blot: no positives.")
    assert len(got) == 14
    assert set(got.values()) == {"negative"}


def test_a_blot_coordinated_with_another_test_is_negative_as_a_whole() -> None:
    # the named antibody is the panel's sibling ('and'), not a member the line reports
    got = antibodies(_WOMAN + "Myositis antibody panel and anti-HMGCR antibody were negative.")
    assert got["HMGCR"] == "negative"
    assert got["JO1"] == "negative"
    assert len(got) == 15


def test_no_positive_family_history_negates_nothing() -> None:
    assert findings(_WOMAN + "Heliotrope rash, no positive family history.") == {
        "heliotrope_rash": True
    }


# ------------------------------------------------------------------ a date after a lab name
def _labs(note: str) -> list[tuple[str, float | None]]:
    return [(lab.code.value, lab.value) for lab in read(_WOMAN + note).case.labs]


@pytest.mark.parametrize(
    "note",
    [
        "CK 05/11/2026 then weekly.",
        "CK 5 Nov 2026.",
        "CK 2026-11-05 pending.",
    ],
)
def test_a_date_after_a_lab_name_is_not_its_value(note: str) -> None:
    assert _labs(note) == []


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("CK 05/11/2026 4,100 U/L.", 4100.0),
        ("CK 05.11.2026 was 2300 U/L.", 2300.0),
        ("CK 2026-11-05 980 U/L.", 980.0),
        ("CK 5 Nov 2026: 640 U/L.", 640.0),
        ("CK 4.5 µkat/L.", 270.0),  # a decimal value is no date (converted: 60 U/L per µkat/L)
    ],
)
def test_the_value_after_a_dated_lab_name_is_read(note: str, value: float) -> None:
    assert _labs(note) == [("ck", value)]


def test_the_date_after_the_lab_name_dates_the_result() -> None:
    (lab,) = read(_WOMAN + "CK 05/11/2026 4,100 U/L.").case.labs
    assert lab.date == date(2026, 11, 5)


# ------------------------------------------------------------------ enzymes put down to a cause
# Decision: AST, ALT and LDH are made in the liver, red cells and elsewhere; when the note puts a
# rise down to another cause (a drug, fatty liver) it is not a muscle enzyme and is left out of
# the case with a warning (the EULAR/ACR enzyme item stays "not assessed" unless another enzyme
# decides it). CK is the muscle's own enzyme: an attribution (exercise, a statin: which may itself
# be anti-HMGCR myopathy) is a clinician's judgement, so CK stays in the case, flagged uncertain.
@pytest.mark.parametrize(
    "note",
    [
        "ALT raised, attributed to oxaliplatin.",
        "ALT 160 U/L (ULN 40), put down to methotrexate.",
        "AST and ALT elevated due to fatty liver.",
        "LDH 600 U/L (ULN 250), haemolytic in origin.",
    ],
)
def test_a_transaminase_or_ldh_put_down_to_another_cause_is_not_a_muscle_enzyme(
    note: str,
) -> None:
    result = read(_WOMAN + note)
    assert result.case.labs == []
    assert any("another cause" in w for w in result.warnings)


@pytest.mark.parametrize(
    "note",
    [
        "ALT 160 U/L (ULN 40) due to active myositis.",
        "ALT 160 U/L (ULN 40).",
        "ALT 160 U/L (ULN 40); hypertension due to prednisolone.",
    ],
)
def test_a_transaminase_of_the_myositis_or_without_a_cause_counts(note: str) -> None:
    assert _labs(note) == [("alt", 160.0)]


def test_ck_put_down_to_another_cause_is_kept_but_flagged_uncertain() -> None:
    result = read(_WOMAN + "CK 900 U/L (ULN 200) after a long run, attributed to exercise.")
    (lab,) = result.case.labs
    assert (lab.value, lab.upper_limit) == (900.0, 200.0)
    assert lab.evidence is not None and lab.evidence.certainty == "uncertain"
    assert any("CK" in w and "another cause" in w for w in result.warnings)


def test_ck_due_to_the_myositis_is_certain() -> None:
    (lab,) = read(_WOMAN + "CK 4000 U/L (ULN 200) due to her dermatomyositis.").case.labs
    assert lab.evidence is not None and lab.evidence.certainty == "certain"


# ------------------------------------------------------------------ abbreviations in brackets
_MAN = "Seen 10/11/2026. A 60-year-old man with dermatomyositis. "


def test_an_abbreviation_defined_in_brackets_carries_the_size_of_a_later_mention() -> None:
    note = _MAN + "Squamous cell carcinoma of the oesophagus (OSCC) was found on 02/11/2026. "
    note += "The OSCC measured 27 mm at endoscopy."
    (tumour,) = read(note).case.tumours
    assert tumour.site.value == "oesophagus"
    assert tumour.histology.value == "squamous_cell_carcinoma"
    assert tumour.size_mm == 27.0


def test_an_abbreviation_for_a_finding_is_learned() -> None:
    note = _MAN + "No mechanic's hands (MH) in the GP's letter of 01/06/2026. Today, MH present."
    got = {(f.code.value, f.present, f.date) for f in read(note).case.findings}
    assert ("mechanics_hands", True, date(2026, 11, 10)) in got


@pytest.mark.parametrize(
    "note",
    [
        # the letters are not the initials of the words before the bracket
        "Squamous cell carcinoma of the oesophagus (MRC) found on 02/11/2026. MRC 27 mm.",
        # a single capital teaches nothing
        "Squamous cell carcinoma of the oesophagus (R) found on 02/11/2026. R 27 mm.",
    ],
)
def test_brackets_that_are_no_abbreviation_teach_nothing(note: str) -> None:
    (tumour,) = read(_MAN + note).case.tumours
    assert tumour.size_mm is None


# ------------------------------------------------------------------ "past medical history:" inline
def test_spelled_out_past_medical_history_inside_a_line_is_past_history() -> None:
    # like 'PMH:': an undated cancer there is not given the visit's date
    # (issue #10, i10ba: nor dropped, as i10g decided for every undated past cancer: recorded
    # as found by the visit, found_date_latest, with the warning)
    note = _MAN + "Known to the team; past medical history: bladder cancer, gout."
    result = read(note)
    (tumour,) = result.case.tumours
    assert (tumour.site.value, tumour.found_date_latest) == ("bladder", True)
    assert any("past history" in w and "without a date" in w for w in result.warnings)


def test_a_dated_cancer_after_the_spelled_out_label_keeps_its_date() -> None:
    note = _MAN + "Known to the team, past medical history: bladder cancer treated in 2018, gout."
    (tumour,) = read(note).case.tumours
    assert tumour.found_date == date(2018, 1, 1)


def test_medical_history_in_a_sentence_is_no_label() -> None:
    note = _MAN + "His medical history is unremarkable. Bladder cancer found on CT."
    (tumour,) = read(note).case.tumours
    assert tumour.found_date == date(2026, 11, 10)


# ------------------------------------------------------------------ passive and contracted denials
@pytest.mark.parametrize(
    "sentence",
    [
        "Dysphagia was denied at admission.",
        "Trouble swallowing and breathlessness were denied.",
        "I haven’t noticed any difficulty swallowing lately.",
        "She doesn't have dysphagia.",
        "He hasn't had dysphagia since the steroids.",
    ],
)
def test_a_passive_or_contracted_denial_negates(sentence: str) -> None:
    assert findings(_WOMAN + sentence).get("dysphagia") is False


@pytest.mark.parametrize(
    "sentence",
    [
        "I can't swallow bread any more.",  # 'can't' states the difficulty
        "Dysphagia is present; alcohol use was denied.",  # the denial is of the other clause
    ],
)
def test_a_difficulty_or_another_denial_is_no_negation(sentence: str) -> None:
    assert findings(_WOMAN + sentence).get("dysphagia") is True


def test_a_contracted_negation_does_not_reach_far() -> None:
    got = findings(
        _WOMAN + "The cream doesn't help my face much, and now raised red bumps on my knuckles."
    )
    assert got.get("gottron_papules") is True


# ------------------------------------------------------------------ a shortened muscle name
def test_a_shortened_movement_with_a_full_stop_keeps_its_grades() -> None:
    note = (
        "Seen 18/11/2026. Woman, 58.\n\n  MRC power      R     L\n  Shoulder abd.  3     3\n"
        "  Elbow flex.    5     5\n"
    )
    got = findings(note)
    assert got.get("weakness_proximal_upper") is True


def test_a_full_stop_after_a_muscle_then_a_duration_is_no_grade() -> None:
    note = "A 50-year-old woman. Pain on hip flexion. 3 weeks ago she fell."
    assert "weakness_proximal_lower" not in findings(note)


# ------------------------------------------------------------------ record-system dates and ages
def test_a_hyphenated_day_month_name_year_date_of_birth_gives_the_age() -> None:
    patient = read("Seen 12/10/2026.\nPatient: Mr K. Obi   DOB 09-Mar-1961   Gender: Male\n")
    assert patient.case.patient.birth_date == date(1961, 3, 9)
    assert patient.case.patient.age == 65  # on 27 Nov 2026, born 9 Mar 1961


def test_a_hyphenated_date_dates_a_fact() -> None:
    (lab,) = read("A 50-year-old woman. CK on 03-Sep-2026 was 2,400 U/L.").case.labs
    assert lab.date == date(2026, 9, 3)


@pytest.mark.parametrize(
    ("line", "sex", "age"),
    [
        ("Patient: F/44, Ms A. Quinn. Seen 13/11/2026.", "female", 44),
        ("Seen 13/11/2026. 67/M, rash on the knuckles.", "male", 67),
        ("Seen 13/11/2026. m / 71 with heliotrope rash.", "male", 71),
    ],
)
def test_sex_and_age_joined_by_a_slash(line: str, sex: str, age: int) -> None:
    patient = read(line).case.patient
    assert (patient.sex.value, patient.age) == (sex, age)


def test_units_with_a_slash_are_no_age() -> None:
    patient = read("Seen 13/11/2026. Conduction velocity 56 m/s; dose 375 mg/m2.").case.patient
    assert patient.age is None


# ------------------------------------------------------------------ an infiltrate at its place
def _biopsy(note: str) -> dict[str, bool | None]:
    b = read(_MAN + note).case.muscle_biopsy
    if b is None:
        return {}
    return {
        "endomysial": b.endomysial_infiltrate,
        "perimysial_perivascular": b.perimysial_perivascular_infiltrate,
    }


@pytest.mark.parametrize(
    ("note", "item"),
    [
        (
            "A muscle biopsy showed perivascular patchy infiltration by lymphocytes.",
            "perimysial_perivascular",
        ),
        ("Muscle biopsy: endomysial infiltrates of CD8 cells.", "endomysial"),
        ("The quadriceps biopsy showed perimysial focal infiltration.", "perimysial_perivascular"),
    ],
)
def test_an_infiltrate_word_after_its_place_gives_the_biopsy_item(note: str, item: str) -> None:
    assert _biopsy(note).get(item) is True


def test_a_perivascular_infiltrate_of_the_skin_is_no_muscle_item() -> None:
    assert _biopsy("A skin biopsy showed perivascular dermal infiltration.") == {}


# ------------------------------------------------------------------ European lab names, "ref."
def _lab_limits(note: str) -> dict[str, tuple[float | None, float | None]]:
    return {lab.code.value: (lab.value, lab.upper_limit) for lab in read(_WOMAN + note).case.labs}


def test_got_and_gpt_in_capitals_are_ast_and_alt() -> None:
    got = _lab_limits("Bloods: GOT 120 U/l, GPT 95 U/l, ASAT 120.")
    assert got["ast"] == (120.0, None)
    assert got["alt"] == (95.0, None)


def test_got_in_lower_case_is_a_verb() -> None:
    assert _lab_limits("She got 40 mg of prednisolone and got better.") == {}


def test_a_reference_written_ref_with_a_full_stop_is_read() -> None:
    got = _lab_limits("LDH 430 U/l (ref. < 245), CK 900 U/l (ref. 30-170).")
    assert got == {"ldh": (430.0, 245.0), "ck": (900.0, 170.0)}


# ------------------------------------------------------------------ a drug stopped for an enzyme
@pytest.mark.parametrize(
    "note",
    [
        "Capecitabine was stopped after two cycles due to a rise in liver enzymes (ALT 410 U/L).",
        "Methotrexate was withheld because of raised ALT (160 U/L, ULN 40).",
    ],
)
def test_a_transaminase_a_drug_was_stopped_for_is_the_drugs(note: str) -> None:
    assert _labs(note) == []


def test_ck_a_statin_was_stopped_for_is_kept_flagged() -> None:
    (lab,) = read(_WOMAN + "Simvastatin stopped due to CK 2,000 U/L (ULN 200).").case.labs
    assert lab.value == 2000.0
    assert lab.evidence is not None and lab.evidence.certainty == "uncertain"


@pytest.mark.parametrize(
    "note",
    [
        "LFTs: AST 105 U/L (ULN 40).",  # a panel's name is no cause
        "Prednisolone stopped for a week. AST 105 U/L (ULN 40).",  # another sentence
    ],
)
def test_a_panel_name_or_an_earlier_sentence_is_no_cause(note: str) -> None:
    assert _labs(note) == [("ast", 105.0)]


# ------------------------------------------------------------------ shorthand durations
def test_a_shorthand_duration_after_a_symptom_dates_the_onset() -> None:
    case = read("Seen 27/11/2026. 58F. Proximal weakness x 3/12, heliotrope rash.").case
    assert case.onset_date == date(2026, 8, 27)


def test_a_shorthand_duration_of_another_complaint_does_not_date_the_myositis() -> None:
    case = read("Seen 27/11/2026. 58F. Tinnitus x 2/12. Heliotrope rash.").case
    assert case.onset_date is None
