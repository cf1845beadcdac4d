"""Failure classes of the thirteenth opened set (issue #10, round 5, helper i10ag): the objective
strength examination and the layouts that hid it. A record's layout: a bulleted history under a
"BACKGROUND" title alone, a visit log's dated entries (one examination each), a phenotype sheet's
numeric key over its rows; the grades: the MRC grade written "M3", "4/5 R and L", a muscle's
bracketed qualifier on the MMT-8 form (Kendall 0-10), the Danish, Norwegian and Swedish names of
the movements, "involving" after a grade; strength said reduced "in proximal muscle"; and the
comparisons said in words in Spanish, Portuguese, Italian, French, German and Nordic languages.
Every vignette is our own; expected values are worked out by hand (MRC: weak below 5 on both
sides; Kendall 10 = MRC 5, 9 = 4+, 8 = 4, rules/strength.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    findings_of,
    present,
    read,
    strength_items,
)


def dated(note: str) -> set[tuple[str, bool, date | None]]:
    """The strength items read, with presence and date."""
    return {
        (f.code.value, f.present, f.date)
        for f in read(note).case.findings
        if f.code.value in {UPPER, LOWER, NECK, LEGS_PROX}
    }


# ------------------------------------------------------------------ a record's layout
_VISIT_LOG = """\
COMMUNITY HEALTH TEAM - HOME VISIT RECORD
Patient: DOE, Jane     Hospital no 123456     72F

BACKGROUND
- Dermatomyositis diagnosed 2023, on azathioprine.
- Hypertension.

{heading}
03/11/2026 10:00 - Nurse practitioner - FIRST VISIT
  Power: neck flexion 3/5, neck extension 5/5; deltoids 4/5 R and L;
  hip flexion 3/5 R and L; ankle dorsiflexion 5/5.
06/11/2026 11:30 - Nurse practitioner (visit 2): steroids given.
10/11/2026 14:00 - Consultant (visit 3): better.
  Power: deltoids 5/5, hip flexion 4/5 R and L, ankle dorsiflexion 5/5.
"""


@pytest.mark.parametrize("heading", ["VISIT LOG", "Progress notes", "NURSING NOTES:", "Visits"])
def test_a_visit_log_under_a_bulleted_background_is_the_patient_s_course(heading: str) -> None:
    items = dated(_VISIT_LOG.format(heading=heading))
    first, third = date(2026, 11, 3), date(2026, 11, 10)
    # each dated entry is an examination of its own: the arms weak on the 3rd, strong on the 10th
    assert (UPPER, True, first) in items
    assert (UPPER, False, third) in items
    assert (UPPER, True, third) not in items
    assert {(LOWER, True, first), (LOWER, True, third)} <= items
    assert {(NECK, True, first), (LEGS_PROX, True, first), (LEGS_PROX, True, third)} <= items


def test_a_case_report_s_background_in_prose_stays_general() -> None:
    note = (
        "Background\n\nDermatomyositis is an idiopathic inflammatory myopathy. Patients with it "
        "often have shoulder abduction 4/5 and hip flexion 4/5.\n\n"
        "Case presentation\n\nA 60-year-old man presented with a rash. Power was 5/5 throughout."
    )
    assert strength_items(note) == set()


def test_a_background_list_in_a_clinic_note_is_the_patient_s_history() -> None:
    note = (
        "Patient: A. Smith, 66M\n\nBACKGROUND\n- Dermatomyositis 2024, anti-TIF1-gamma positive.\n"
        "- Deltoids 4/5 bilaterally at diagnosis.\n"
    )
    assert UPPER in present(note)


@pytest.mark.parametrize(
    ("rows", "upper", "lower"),
    [
        ("proximal weakness, arms ...... 1\n    proximal weakness, legs ...... 1\n", True, True),
        ("proximal weakness, arms ...... 1\n    proximal weakness, legs ...... 0\n", True, False),
        ("proximal weakness, arms ...... 8\n    proximal weakness, legs ...... 1\n", None, True),
    ],
)
def test_a_phenotype_sheet_s_numeric_key_answers_its_rows(
    rows: str, upper: bool | None, lower: bool | None
) -> None:
    note = (
        "REGISTRY PHENOTYPE FORM\nSex ........ female\nAge ........ 58\n\n"
        "2.1 Clinical features ever (0 = no, 1 = yes, 8 = unknown)\n    " + rows
    )
    read_findings = findings_of(note)
    assert read_findings.get(UPPER) is upper  # 8 = unknown: not assessed, never a silent no
    assert read_findings.get(LOWER) is lower


def test_a_key_of_severities_is_no_yes_no_key() -> None:
    # "2" is moderate here, not "unknown" nor "no": the row keeps its label (weakness stated)
    note = (
        "REGISTRY PHENOTYPE FORM\nSex ........ female\nAge ........ 58\n\n"
        "Severity (1 = mild, 2 = moderate, 9 = unknown)\n"
        "    proximal weakness, legs ...... 2\n"
    )
    assert LOWER in present(note)


def test_a_key_on_the_field_s_own_line_is_a_choice_not_a_key() -> None:
    # "(0 = no, 1 = yes)" before the row's own answer: the rows below it are not answered by it
    note = (
        "REGISTRY PHENOTYPE FORM\nAge ........ 58\n\n"
        "Consent to contact (0 = no, 1 = yes) ...... 1\n"
        "    proximal weakness, legs ...... 0\n"
    )
    assert findings_of(note).get(LOWER) is not False


# ------------------------------------------------------------------ grade notations
@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # the MRC grade with its "M" (Spanish, Latin American notes)
        (
            "Fuerza muscular: cintura escapular M3, cintura pelviana M3-, flexores del cuello M3, "
            "extensores del cuello M5; fuerza distal M5 en las cuatro extremidades.",
            {UPPER, LOWER, NECK, LEGS_PROX},
        ),
        ("Força: cintura escapular M4, cintura pélvica M5.", {UPPER}),
        # both sides named: "R and L", "right & left", "L+R"
        ("Power: shoulder abduction 4/5 R and L, hip flexion 5/5.", {UPPER}),
        (
            "Power: deltoids 4/5 right & left; hip flexors 4-/5 L+R; ankle DF 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # the step in brackets: 4(-) is below 4, so the hips are weaker than the ankles
        (
            "Power: deltoids 5/5, hip flexors 4(-)/5 bilaterally, ankle dorsiflexion 4/5.",
            {LOWER, LEGS_PROX},
        ),
        ("Power: deltoids 5/5, hip flexors 4(+)/5 bilaterally, ankle dorsiflexion 4/5.", {LOWER}),
        # a grade before "involving" the muscles
        ("Weakness of grade 4/5 involving both shoulder and hip girdles.", {UPPER, LOWER}),
    ],
)
def test_grade_notations(exam: str, expected: set[str]) -> None:
    assert strength_items(f"A 62-year-old woman. {exam}") == expected


def test_a_right_only_grade_is_not_symmetric_weakness() -> None:
    # "R" alone is the right side: the criteria's symmetric weakness needs both
    assert UPPER not in present("A 62-year-old woman. Power: shoulder abduction 4/5 R, 5/5 L.")


def test_tnm_m0_is_no_grade() -> None:
    note = (
        "A 62-year-old woman. Power 5/5 in the deltoids and hip flexors; the gastric tumour "
        "was staged cT3 N1 M0."
    )
    items = findings_of(note)
    assert (items.get(UPPER), items.get(LOWER)) == (False, False)


def test_a_normal_m5_examination_is_no_weakness() -> None:
    note = (
        "Mujer de 62 años. Fuerza: cintura escapular M5, cintura pelviana M5, "
        "flexores del cuello M5."
    )
    items = findings_of(note)
    assert (items.get(UPPER), items.get(LOWER), items.get(NECK)) == (False, False, False)


@pytest.mark.parametrize(
    "rows",
    [
        "  Neck flexors (axial)       10\n  Deltoid (middle)            9      9\n"
        "  Biceps                     10     10\n  Gluteus maximus            10     10\n"
        "  Ankle dorsiflexors         10     10\n",
        # the form's names with the muscle's head after it, no brackets
        "  Neck flexors   10\n  Deltoid middle   9   9\n  Biceps brachii   10   10\n"
        "  Quadriceps femoris   10   10\n  Ankle dorsiflexors   10   10\n",
    ],
)
def test_the_mmt8_form_s_muscle_names(rows: str) -> None:
    note = "A 52-year-old woman.\n\nMMT-8 (Kendall 0-10)      Right   Left\n" + rows
    items = findings_of(note)
    # deltoid 9/10 = MRC 4+ both sides: weak; gluteus 10: strong; neck flexors 10 = full
    assert (items.get(UPPER), items.get(LOWER), items.get(NECK)) == (True, False, False)


def test_a_skin_score_grid_is_no_muscle_grade() -> None:
    note = (
        "A 52-year-old woman.\n\nCDASI        Erythema   Scale\n"
        "  Upper back and shoulders   2   1\n"
        "  Thighs (lateral)           1   0\n"
    )
    assert strength_items(note) == set()


# ------------------------------------------------------------------ the Nordic movement names
@pytest.mark.parametrize(
    ("exam", "expected"),
    [
        # Danish table: right and left columns
        (
            "Muskelkraft (MRC):       højre   venstre\n  Skulderabduktion   5   5\n"
            "  Albuefleksion   5   5\n  Hoftefleksion   4+   4+\n  Dorsalfleksion fod   5   5\n",
            {LOWER, LEGS_PROX},
        ),
        # Norwegian sentence
        (
            "Kraft (MRC): nakkefleksjon 3/5, nakkeekstensjon 5/5; skulderabduksjon 4/5 bilateralt; "
            "hoftefleksjon 4/5 bilateralt; ankeldorsalfleksjon 5/5.",
            {NECK, UPPER, LOWER, LEGS_PROX},
        ),
        # Swedish, the extension named alone after the neck's flexion
        (
            "Kraft: nackflexion 4/5, extension 5/5; armbågsflexion 5/5; "
            "höftextension 4/5 bilateralt.",
            {NECK, LOWER},
        ),
        # Danish, "ekstension" alone after the neck's flexion is the neck's extension
        ("Kraft: nakkefleksion 5/5, ekstension 4/5.", set()),
    ],
)
def test_nordic_movement_names(exam: str, expected: set[str]) -> None:
    assert strength_items(f"Kvinde, 67 år.\n\n{exam}") == expected


# ------------------------------------------------------------------ reduced strength in words
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He was admitted with decreased strength in proximal muscle.", {UPPER, LOWER}),
        ("Examination found reduced power of the proximal muscles of the legs.", {LOWER}),
        ("Muscle strength in the proximal limbs was diminished.", {UPPER, LOWER}),
        ("There was no decreased strength in the proximal muscles.", set()),
        ("His brother had decreased strength in proximal muscles.", set()),
    ],
)
def test_strength_reduced_in_the_proximal_muscles(sentence: str, expected: set[str]) -> None:
    assert strength_items(f"A 69-year-old man. {sentence}") == expected


def test_a_complaint_of_reduced_strength_alone_is_a_symptom() -> None:
    note = "A 69-year-old man. He complained of decreased strength in proximal muscles."
    assert strength_items(note) == set()


# ------------------------------------------------------------------ comparisons in words
@pytest.mark.parametrize(
    ("note", "code", "present_"),
    [
        (
            "Mujer de 60 años. Los flexores del cuello son más débiles que los extensores.",
            NECK,
            True,
        ),
        (
            "Mujer de 60 años. Los flexores del cuello no son más débiles que los extensores.",
            NECK,
            False,
        ),
        (
            "Homem de 60 anos. Os flexores do pescoço são mais fracos do que os extensores.",
            NECK,
            True,
        ),
        ("Donna di 60 anni. I flessori del collo sono più deboli degli estensori.", NECK, True),
        (
            "Femme de 60 ans. Les fléchisseurs du cou sont plus faibles que les extenseurs.",
            NECK,
            True,
        ),
        ("Frau, 60 Jahre. Die Nackenbeuger sind schwächer als die Nackenstrecker.", NECK, True),
        ("Kvinne 55 år. Nakkefleksjon er svakere enn nakkeekstensjon.", NECK, True),
        ("Kvinde 55 år. Nakkeekstensorer er stærkere end nakkefleksorer.", NECK, True),
        ("Mann 58 år. I bena var proksimale muskler svakere enn distale muskler.", LEGS_PROX, True),
        ("Kvinna 58 år. Höftflexorer är svagare än fotledsdorsalflexion.", LEGS_PROX, True),
    ],
)
def test_comparisons_in_other_languages(note: str, code: str, present_: bool) -> None:
    assert findings_of(note).get(code) is present_


def test_a_relative_s_comparison_is_not_the_patient_s() -> None:
    note = "A 60-year-old woman. Her mother's neck flexors were weaker than the extensors."
    assert NECK not in present(note)


def test_the_arms_compared_are_not_the_legs_item() -> None:
    note = (
        "Hombre de 60 años. En los brazos, los músculos proximales son más débiles que los "
        "distales."
    )
    assert LEGS_PROX not in present(note)


def test_a_strength_scale_heading_is_no_skin_grid() -> None:
    # "scale (0-5)" names the Oxford strength scale here, not the skin's scale (CDASI)
    note = (
        "A 52-year-old woman.\n\nSTRENGTH - Oxford scale (0-5), right / left\n"
        "  Shoulder abduction       3 / 3\n"
        "  Hip flexion              4 / 4\n"
        "  Ankle dorsiflexion       5 / 5\n"
    )
    assert strength_items(note) == {UPPER, LOWER, LEGS_PROX}


# ------------------------------------------------------------------ a record's entries in time
def _events(note: str) -> set[tuple[str, str]]:
    return {
        (f.code, f.date.isoformat() if f.date else "")
        for f in read(note).facts
        if f.type == "event" and f.status == "present"
    }


def test_today_in_a_log_entry_is_that_entry_s_day() -> None:
    # a soft-wrapped log: the stamp opens its line as written; "today" is the 24th, not the note's
    note = (
        "HOME VISIT RECORD\nPatient: DOE, John   71M\n\nVISIT LOG\n"
        "19/11/2026 10:30 - nurse: admission visit; he coughs on water, reviewed by\n"
        "speech therapy and thickened fluids started for now.\n"
        "24/11/2026 14:00 - consultant: much improved; swallow reviewed today, normal\n"
        "swallow and no coughing on fluids now.\n"
    )
    dysphagia = {
        (f.present, f.date) for f in read(note).case.findings if f.code.value == "dysphagia"
    }
    assert (False, date(2026, 11, 24)) in dysphagia


def test_a_chat_stamp_inside_a_sentence_dates_the_sentences_after_it() -> None:
    note = (
        "Chat export (exported 08/11/2026)\n\n"
        "[06/11/2026, 19:42] Reg: 60yo woman with rash and weak hips, deltoids 4/5, no\n"
        "[07/11/2026, 09:40] Consultant: Seen. Agree DM. Start methotrexate 15 mg weekly today\n"
    )
    starts = {str(t.drug): t.start for t in read(note).case.treatments}
    assert starts.get("methotrexate") == date(2026, 11, 7)


def test_a_relapse_diagnosed_is_no_diagnosis_of_the_disease() -> None:
    note = (
        "A 70-year-old man. Dermatomyositis diagnosed in March 2024.\n"
        "Relapse of DM diagnosed by the GP on 17/11/2026.\n"
    )
    events = _events(note)
    assert ("diagnosis", "2026-11-17") not in events
    assert ("relapse", "2026-11-17") in events


@pytest.mark.parametrize(
    ("sentence", "surgery"),
    [
        ("Dose 3 given; cannula removed.", False),
        ("Removal of the urinary catheter on the ward.", False),
        ("The sutures were removed.", False),
        ("The sigmoid tumour was removed laparoscopically.", True),
    ],
)
def test_a_device_removed_is_no_operation(sentence: str, surgery: bool) -> None:
    note = f"A 70-year-old man with dermatomyositis. On 21/11/2026: {sentence}"
    assert any(code == "surgery" for code, _ in _events(note)) is surgery


def test_a_bracketed_date_before_a_dot_leader_dates_the_answer() -> None:
    note = (
        "PHENOTYPE SHEET\nDate of visit ...... 2026-11-16\nAge ...... 64\n\n"
        "Autoantibodies (date of sample)\n"
        "    anti-Mi-2 (line blot, 2025-05-08) ......... positive\n"
    )
    results = {(a.code.value, a.result.value, a.date) for a in read(note).case.antibodies}
    assert ("MI2", "positive", date(2025, 5, 8)) in results


# ------------------------------------------------------------------ the limbs' abbreviations
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the arms full, the legs weak: the abbreviation keeps each grade to its limb
        (
            "A 50-year-old woman. Power: UL prox 5/5, distal 5/5; LL prox 3/5, distal 5/5.",
            {LOWER, LEGS_PROX},
        ),
        ("A 50-year-old woman. Power: UL prox 4/5, distal 5/5; LL prox 5/5, distal 5/5.", {UPPER}),
        (
            "Mujer de 50 años. MMSS: fuerza proximal 5/5, distal 5/5. MMII: fuerza proximal 3/5, "
            "distal 5/5.",
            {LOWER, LEGS_PROX},
        ),
        ("A 50-year-old woman. Strength: BUE proximal 4/5, BLE proximal 5/5, distal 5/5.", {UPPER}),
    ],
)
def test_the_limbs_abbreviations_scope_proximal_and_distal(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ------------------------------------------------------------------ a form's checklist
@pytest.mark.parametrize(
    "form",
    [
        "[x] Proximal weakness - arms\n[ ] Proximal weakness - legs\n",
        "Proximal weakness (arms) ........ Yes\nProximal weakness (legs) ........ No\n",
        "Proksimal muskelsvaghed, arme ........ Ja\nProksimal muskelsvaghed, ben ........ Nej\n",
        "Debilidad proximal, brazos ........ Sí\nDebilidad proximal, piernas ........ No\n",
    ],
)
def test_a_checklist_names_each_limb_on_its_own_row(form: str) -> None:
    items = findings_of("PHENOTYPE FORM\nAge: 58\n" + form)
    assert items.get(UPPER) is True
    # an empty box leaves the legs unmarked (not stated); a "no" says absent
    assert items.get(LOWER) is (None if form.startswith("[x]") else False)


def test_an_empty_box_alone_states_nothing() -> None:
    assert (
        strength_items("FORM\nAge: 58\n[ ] Proximal muscle weakness\n[ ] Heliotrope rash\n")
        == set()
    )
