"""issue #10 (i25b): strength written in the scales' other notations, the juvenile onset of an
adult, and the skin's cancers, after opening heldout32 and heldout_w. Our own vignettes (no
sentence is taken from a note or a report). The expected items are worked out by hand against
the EULAR/ACR 2017 definitions (Lundberg et al., Ann Rheum Dis 2017;76:1955): a proximal group
weak when graded below full on both sides; the comparisons from the two groups' grades. The
scales: MRC 0-5 (Medical Research Council 1976, defined in words: 3 against gravity, 4 against
gravity and resistance, 5 normal power), Kendall per cent of normal (100 % normal, 80 % good,
50 % fair), the manual muscle test's letters N 5, G 4, F 3, P 2, T 1 with their steps."""

from __future__ import annotations

import re

import pytest

from myositis_cds.ingest.text import _strength, _style
from myositis_cds.ingest.text.facts import strength as strength_facts

from .helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    assert_pattern_bounded,
    case_of,
    findings_of,
    read,
    strength_items,
)

# ------------------------------------------------------------------ side labels with a slash


@pytest.mark.parametrize(
    "row",
    [
        "Hip flexion   R 3 / L 3\n  Knee extension   R 4 / L 4\n  Ankle dorsiflexion  R 5 / L 5",
        "Hip flexion   R3 L3\n  Knee extension   R4 L4\n  Ankle dorsiflexion  R5 L5",
        "Hip flexion   R3-/L3-\n  Ankle dorsiflexion  R5/L5",
    ],
)
def test_right_and_left_labels_before_each_grade(row: str) -> None:
    note = f"Review in the muscle clinic.\n\nMUSCLE POWER (MRC)\n  {row}\n"
    # hips 3 (or 3-) both sides, ankles 5: proximal leg weakness, proximal weaker than distal
    assert strength_items(note) == {LOWER, LEGS_PROX}


def test_side_labelled_grades_at_full_strength_are_no_weakness() -> None:
    note = "Power (MRC):\n  Shoulder abduction  R 5 / L 5\n  Hip flexion  R 5 / L 5\n"
    assert findings_of(note) == {UPPER: False, LOWER: False}


def test_a_vertebra_is_no_side_labelled_grade() -> None:
    # "L4 and L5" are lumbar levels, and no right grade stands before them
    note = "MRI lumbar spine: disc bulges at L4 and L5. Power: hip flexors 5/5 on both sides."
    assert findings_of(note) == {LOWER: False}


# ------------------------------------------------------------------ Kendall per cent of normal


def test_kendall_percentages_of_normal() -> None:
    note = (
        "Manual muscle testing by the physiotherapist (Kendall, % of normal):\n"
        "  Neck flexors 50%, neck extensors 100%\n"
        "  Deltoid R 80% / L 70%\n"
        "  Gluteus medius R 60% / L 60%\n"
        "  Ankle dorsiflexors R 100% / L 100%\n"
    )
    # below 100 % is below full strength: neck flexors 50 % < extensors 100 %; deltoids and
    # glutei weak on both sides; proximal 60 % below distal 100 %
    assert strength_items(note) == {UPPER, LOWER, NECK, LEGS_PROX}


def test_percent_of_normal_declared_without_kendall_and_full_strength() -> None:
    note = "Muscle strength as % of normal: deltoids 100%, hip flexors 100%, ankles 100%."
    # the ankles are distal: the hips (100 %) are not weaker than them
    assert findings_of(note) == {UPPER: False, LOWER: False, LEGS_PROX: False}


def test_a_percentage_outside_a_declared_strength_scale_is_no_grade() -> None:
    note = "Lung function: FVC 62% predicted. Power in the deltoids 5/5 on both sides."
    assert findings_of(note) == {UPPER: False}


def test_kendall_percent_maps_through_the_ten_point_table() -> None:
    text = "Deltoid 80%"
    grades = _strength.grades_in(text, 0, len(text), kendall_declared=True)
    assert [g.value for g in grades] == [4.0]  # 80 % is Kendall 8, MRC 4 (Good)
    text = "Deltoid 75%"
    grades = _strength.grades_in(text, 0, len(text), kendall_declared=True)
    assert [g.value for g in grades] == [3.83]  # between Kendall 7 (3.67) and 8 (4.0)


# ------------------------------------------------------------------ letter grades N G F P T


@pytest.mark.parametrize(
    ("words", "items"),
    [
        (
            "Manual muscle test (Daniels): shoulder abductors G, hip flexors F+, ankle "
            "dorsiflexors N.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        ("Power: deltoids G- bilaterally, quadriceps N, tibialis anterior N.", {UPPER}),
        ("MMT: neck flexors P+, neck extensors G+.", {NECK}),
    ],
)
def test_manual_muscle_test_letters(words: str, items: set[str]) -> None:
    assert strength_items(words) == items


def test_an_abbreviation_after_a_muscle_is_no_letter_grade() -> None:
    # "P.I." (present illness) opens the next field of a record that names the MMT elsewhere
    note = "MMT to follow. C.C.: weakness of both thighs P.I. since May."
    rewrites = _style._letter_grades(note, note.lower(), True)
    assert rewrites == []


def test_normal_letters_are_full_strength() -> None:
    note = "Manual muscle testing: deltoids N, hip flexors N bilaterally."
    assert findings_of(note) == {UPPER: False, LOWER: False}


def test_an_unsigned_letter_without_a_named_scale_is_no_grade() -> None:
    # "P" may be a parent's or a plan's initial on a form; unsigned, no scale named: not read
    note = "Hip flexion P, with her mother's help at home. Deltoids 5/5 on both sides."
    assert findings_of(note) == {UPPER: False}


# ------------------------------------------------------------------ MRC grades by definition


@pytest.mark.parametrize(
    ("words", "items"),
    [
        (
            "Physio chart:\n- Hip flexion: raises the leg against gravity but takes no "
            "resistance, both sides.\n- Ankle dorsiflexion: holds against full resistance.",
            {LOWER, LEGS_PROX},
        ),
        (
            "Testing:\n- Neck flexion: head lifted off the bed against gravity only.\n"
            "- Neck extension: full against strong resistance.",
            {NECK},
        ),
        (
            "Examination: shoulder abduction against gravity and slight resistance only on "
            "both sides; hip flexion moves only with gravity eliminated.",
            {UPPER, LOWER},
        ),
    ],
)
def test_mrc_grades_said_by_their_definitions(words: str, items: set[str]) -> None:
    assert strength_items(words) == items


def test_definitions_give_their_grades() -> None:
    cases = {
        "against gravity only": "3/5",
        "against gravity, tolerates no resistance": "3/5",
        "against slight resistance": "4-/5",
        "against moderate resistance": "4/5",
        "against gravity and resistance": "4/5",
        "against full resistance": "5/5",
        "only with gravity eliminated": "2/5",
        "a flicker of contraction": "1/5",
        "no contraction": "0/5",
    }
    for words, grade in cases.items():
        note = f"Deltoid: {words}."
        rewrites = _style._defined_grades(note, note.lower())
        assert [r[2] for r in rewrites] == [grade], words


def test_a_definition_with_no_muscle_before_it_is_no_grade() -> None:
    note = "She can no longer lift the shopping against gravity. Deltoids 5/5 on both sides."
    assert findings_of(note) == {UPPER: False}


# ------------------------------------------------------------------ an MRC sum score


def test_an_mrc_sum_score_alone_says_no_group() -> None:
    # the sum of twelve muscles (0-60) says weakness but not where: no item
    note = "Strength: MRC sum score 42/60 today, 38/60 in August."
    assert strength_items(note) == set()


# ------------------------------------------------------------------ juvenile onset


def test_an_adult_named_juvenile_has_no_onset_age_from_the_age_now() -> None:
    note = (
        "Rheumatology review. Mr K, 58 years old, juvenile dermatomyositis with calcinosis of "
        "both elbows, on methotrexate."
    )
    result = read(note)
    assert result.case.onset_age is None
    assert any("names juvenile disease" in w for w in result.warnings)


@pytest.mark.parametrize(
    "words",
    [
        "Rheumatology review. Mr K, 58 years old, dermatomyositis, not juvenile dermatomyositis.",
        "Rheumatology review. Mr K, 58 years old, adult-onset dermatomyositis.",
    ],
)
def test_an_adult_not_named_juvenile_keeps_the_estimate(words: str) -> None:
    assert case_of(words).onset_age == 58


@pytest.mark.parametrize(
    "words",
    [
        # lead (round 25 review): a sentence about the disease, beside the adult form or with a
        # proportion, says nothing of this patient's onset (reports c03 and o18)
        "A 58-year-old man presented with heliotrope rash and proximal weakness. Anti-NXP2 is "
        "found in 1-17% of adult DM and 23-25% of juvenile dermatomyositis.",
        "Un homme de 58 ans consulte pour un œdème du visage. La dermatomyosite survient à "
        "l'âge adulte, parfois chez l'enfant (dermatomyosite juvénile).",
    ],
)
def test_juvenile_disease_named_of_the_disease_in_general_keeps_the_estimate(words: str) -> None:
    assert case_of(words).onset_age == 58


def test_an_adult_diagnosed_as_a_child_keeps_the_age_at_the_diagnosis() -> None:
    note = (
        "Antenatal clinic 12/11/2026. Mrs L, 31 years old, 20 weeks pregnant. Juvenile "
        "dermatomyositis diagnosed on 01/03/2004, in remission."
    )
    # 31 on 27 Nov 2026, 22 whole years after the diagnosis of 1 March 2004: 9 at the diagnosis
    assert case_of(note).onset_age == 9


def test_a_child_named_juvenile_keeps_the_estimate() -> None:
    assert case_of("Clinic: Ben, 11 years old, with JDM and Gottron papules.").onset_age == 11


# ------------------------------------------------------------------ the skin's cancers


@pytest.mark.parametrize(
    "words",
    [
        "Excision 12/08/2026 of a cutaneous SCC on the right forearm, 9 mm.",
        "Keratinocyte carcinoma of the scalp excised on 12/08/2026, 9 mm.",
        "Mohs surgery 12/08/2026: invasive squamous cell carcinoma of the right temple, 9 mm.",
    ],
)
def test_skin_cancers_by_their_skin_names(words: str) -> None:
    note = f"Mrs D, 66 years old, dermatomyositis since May 2026. {words}"
    tumours = read(note).case.tumours
    assert [t.site.value for t in tumours] == ["skin"]


def test_a_squamous_cancer_of_an_organ_keeps_its_organ() -> None:
    note = (
        "Mrs D, 66 years old, dermatomyositis since May 2026. Bronchoscopy 12/08/2026: "
        "squamous cell carcinoma of the left lower lobe, 21 mm."
    )
    assert [t.site.value for t in read(note).case.tumours] == ["lung"]


# ------------------------------------------------------------------ two primaries of one organ


def test_two_kinds_each_with_its_own_organ_are_two_primaries() -> None:
    note = (
        "Mr P, 70 years old, dermatomyositis since March 2026. He had an adenocarcinoma of the "
        "right lung resected in 2019 and now a squamous cell carcinoma of the left lung, 25 mm."
    )
    tumours = read(note).case.tumours
    assert sorted((t.site.value, t.histology.value) for t in tumours) == [
        ("lung", "adenocarcinoma"),
        ("lung", "squamous_cell_carcinoma"),
    ]


def test_one_kind_named_twice_with_its_organ_is_one_tumour() -> None:
    note = (
        "Mr P, 70 years old, dermatomyositis since March 2026. Adenocarcinoma of the lung, 25 mm; "
        "the adenocarcinoma of the lung is stage IB."
    )
    assert len(read(note).case.tumours) == 1


# ------------------------------------------------------------------ units with "per" spelled out


@pytest.mark.parametrize(
    ("words", "unit", "upper"),
    [
        ("The creatine kinase was 4200 U per liter (reference range, 26 to 190).", "U/L", 190),
        ("Creatine kinase 4200 IU per litre (normal range 26-190).", "U/L", 190),
        ("Her creatine kinase was 880 U per liter.", "U/L", None),
    ],
)
def test_units_with_per_written_out(words: str, unit: str, upper: float | None) -> None:
    # the AMA and NEJM styles spell out "per" ("U per liter" is U/L)
    labs = read(f"Mr T, 61 years old, has dermatomyositis. {words}").case.labs
    assert [(lab.unit, lab.upper_limit) for lab in labs] == [(unit, upper)]


# ------------------------------------------------------------------ hostile inputs


@pytest.mark.parametrize(
    ("pattern", "hostile"),
    [
        (_style._DEFINED_GRADE, "against " * 5000 + "x"),
        (_style._DEFINED_GRADE, "against gravity , " * 3000 + "tolerates"),
        (_style._DEFINED_GRADE, "not against " * 3000),
        (_style._LETTER_CANDIDATE, "G " * 5000),
        (_style._LETTER_AFTER_MUSCLE, " " * 5000 + "G"),
        (_strength._GLUED_PAIR, "R4 L" * 5000),
        (_strength._PERCENT_GRADE, "9" * 5000 + "x"),
        (_strength._FILLER, "/ " * 5000 + "x"),
        (_strength._BARE_END, "/" * 5000 + "x"),
        (strength_facts._KENDALL_DECLARED, "strength " * 3000 + "%"),
    ],
)
def test_new_patterns_are_bounded(pattern: re.Pattern[str], hostile: str) -> None:
    assert_pattern_bounded(pattern, hostile)
