"""Issue #10, round 11 (i11b): three classes of wording, each in several languages and layouts.

1. Swallowing named with its trouble: the FUNCTION as a form's label and its trouble as the
   answer ("Swallowing: no difficulty", "Schlucken: keine Beschwerden", "Глотание не нарушено"),
   or the function said to be normal in the language's own adjective: dysphagia denied. The
   same words without a negation are the complaint (dysphagia present). A question answered
   "no" / "yes" ("Dysphagia? No", "☐ Ja ☒ Nein") keeps its answer.
2. The muscle biopsy: a biopsy named by the muscle it sampled or the myopathy it showed
   ("biopsy of the skin and deltoid muscle", "biopsie quadricipitale", "la biopsie une myosite
   nécrosante"); the EULAR/ACR 2017 infiltrate places in the languages read ("infiltrado
   linfocitario endomisial", "endomysiale Lymphozyteninfiltrate", the glossary's "mononuclear
   cells surrounding but not invading myofibres"); an infiltrate or vacuoles said absent in any
   language ("sans infiltrat inflammatoire", "keine Vakuolen").
3. Strength: the finger flexors named in the languages read ("Fingerbeuger 5/5", "сгибатели
   пальцев 4/5"), and "in all (muscle) groups" in the languages read.

Every expected value is worked out by hand from the sentence: a denial is absent, a complaint
present, a feature the sentence does not state is not assessed (None), never a silent no.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
ANCHOR = date(2026, 11, 1)
_BIOPSY_ITEMS = (
    "endomysial_infiltrate",
    "perimysial_perivascular_infiltrate",
    "perifascicular_atrophy",
    "rimmed_vacuoles",
)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=ANCHOR, today=TODAY).case


def _finding(text: str, code: str) -> bool | None:
    """The finding ``code`` as read: True present, False absent, None not assessed."""
    states = {f.present for f in _case(text).findings if f.code.value == code}
    assert len(states) <= 1, f"{code} read both present and absent"
    return states.pop() if states else None


def _biopsy(text: str) -> dict[str, bool]:
    """The EULAR/ACR biopsy items the text states (absent ones False), the rest left out."""
    mb = _case(text).muscle_biopsy
    if mb is None:
        return {}
    return {k: v for k in _BIOPSY_ITEMS if (v := getattr(mb, k)) is not None}


# ---------------------------------------------------------------- 1. swallowing and its trouble


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the function as the label, its trouble denied as the answer
        ("A 55-year-old woman. Swallowing: no difficulty with food or fluids.", False),
        ("A 55-year-old woman. Swallowing: no problems reported.", False),
        ("A 55-year-old woman. Swallowing not disturbed.", False),
        ("A 55-year-old woman. No swallowing complaints.", False),
        ("A 55-year-old woman. Without disturbances of swallowing.", False),
        ("Frau, 55 Jahre. Schlucken: keine Beschwerden.", False),
        ("Femme de 55 ans. Déglutition : pas de trouble.", False),
        ("Mujer de 55 años. Deglución sin alteraciones.", False),
        ("Женщина 55 лет. Глотание не нарушено.", False),
        ("Kobieta, 55 lat. Połykanie bez zaburzeń.", False),
        ("55 éves nő. Nyelési panasza nincs.", False),
        # the function said normal in the language's adjective
        ("A 55-year-old man. He swallows normally.", False),
        ("Frau, 55 Jahre. Schlucken unauffällig.", False),
        ("Femme de 55 ans. Déglutition normale.", False),
        # the same words without a negation: the complaint
        ("A 55-year-old woman with swallowing problems since May.", True),
        ("A 55-year-old woman. Swallowing difficulties for two weeks.", True),
        ("A 55-year-old woman. No rash; swallowing difficulty for two weeks.", True),
        ("Femme de 55 ans. Déglutition : gêne depuis un mois.", True),
        # another task's difficulty denied, the swallowing normal
        ("A 55-year-old woman. No difficulty walking, swallowing normal.", False),
        ("A 55-year-old woman. Difficulty climbing stairs; swallowing normal.", False),
    ],
)
def test_swallowing_named_with_its_trouble(text: str, expected: bool) -> None:
    assert _finding(text, "dysphagia") is expected


@pytest.mark.parametrize(
    "text",
    [
        # a relative's trouble is not the patient's
        "A 55-year-old woman. Her mother had swallowing problems.",
        # not assessed is no denial
        "A 55-year-old woman. Swallowing: not assessed.",
        # the trouble of another function, swallowing not named
        "A 55-year-old woman. No breathing problems.",
    ],
)
def test_swallowing_trouble_does_not_over_fire(text: str) -> None:
    assert _finding(text, "dysphagia") is None


@pytest.mark.parametrize(
    ("text", "dysphagia", "weight_loss"),
    [
        # each answer belongs to its own question on the line
        ("A 55-year-old woman. Dysphagia? Yes. Weight loss? No.", True, False),
        ("A 55-year-old woman. Dysphagia? No. Weight loss? Yes.", False, True),
        ("Donna di 55 anni. Disfagia: no. Calo ponderale: sì", False, True),
        ("Frau, 55 Jahre. Schluckstörung ☐ Ja ☒ Nein", False, None),
        ("Frau, 55 Jahre. Schluckstörung ☒ Ja ☐ Nein", True, None),
        ("A 55-year-old woman. Dysphagia [ ] yes [x] no", False, None),
        ("Mulher de 55 anos. Disfagia? Não", False, None),
        ("Женщина 55 лет. Дисфагия: нет.", False, None),
        # "No." numbering the next item does not deny the finding before it
        ("A 55-year-old woman. Dysphagia. No. of lesions: 3", True, None),
    ],
)
def test_form_questions_keep_their_answers(
    text: str, dysphagia: bool | None, weight_loss: bool | None
) -> None:
    assert _finding(text, "dysphagia") is dysphagia
    assert _finding(text, "weight_loss") is weight_loss


# ---------------------------------------------------------------- 2. the muscle biopsy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a biopsy named by the muscle it sampled, the feature in the next sentence
        (
            "A 47-year-old woman. Biopsy of the skin and deltoid muscle showed epidermal "
            "atrophy. The muscle revealed myofibre degeneration and endomysial inflammatory "
            "infiltrates.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Mujer de 50 años. Biopsia del cuádriceps: miopatía necrotizante sin infiltrado "
            "inflamatorio.",
            {"endomysial_infiltrate": False, "perimysial_perivascular_infiltrate": False},
        ),
        # a biopsy named by the myopathy it showed
        (
            "Patiente de 65 ans. L'EMG révélait un tracé myogène et la biopsie une myosite "
            "nécrosante sans infiltrat inflammatoire.",
            {"endomysial_infiltrate": False, "perimysial_perivascular_infiltrate": False},
        ),
        # a normal biopsy of a named muscle, in a list of normal tests (every item absent)
        (
            "Homme de 71 ans. Le testing musculaire, l'EMG, la biopsie quadricipitale et l'IRM "
            "étaient normaux.",
            dict.fromkeys(_BIOPSY_ITEMS, False),
        ),
        (
            "Mann, 71 Jahre. Die Muskelbiopsie war unauffällig.",
            dict.fromkeys(_BIOPSY_ITEMS, False),
        ),
        # a procedure note naming the muscle, the pathology in a later paragraph
        (
            "A 45-year-old woman. Procedure: core needle biopsy, right vastus lateralis.\n\n"
            "Neuropathology, specimen NP-1, right vastus lateralis: Perifascicular atrophy in "
            "several fascicles. No rimmed vacuoles.",
            {"perifascicular_atrophy": True, "rimmed_vacuoles": False},
        ),
    ],
)
def test_biopsy_named_by_the_muscle_sampled(text: str, expected: dict[str, bool]) -> None:
    assert _biopsy(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Femme de 50 ans. Biopsie musculaire : infiltrats lymphocytaires endomysiaux.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Femme de 50 ans. Biopsie musculaire : infiltrat inflammatoire dans l'endomysium.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Mujer de 50 años. Biopsia muscular: infiltrado linfocitario endomisial.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Mujer de 50 años. Biopsia muscular: infiltrados inflamatorios perivasculares y "
            "perimisiales.",
            {"perimysial_perivascular_infiltrate": True},
        ),
        (
            "Frau, 50 Jahre. Muskelbiopsie: endomysiale Lymphozyteninfiltrate.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Frau, 50 Jahre. Muskelbiopsie: perivaskuläre lymphozytäre Infiltrate.",
            {"perimysial_perivascular_infiltrate": True},
        ),
        (
            "Donna di 50 anni. Biopsia muscolare: infiltrato linfocitario endomisiale.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Mulher de 50 anos. Biópsia muscular: infiltrado inflamatório endomisial.",
            {"endomysial_infiltrate": True},
        ),
        (
            "Женщина 50 лет. Биопсия мышц: эндомизиальная лимфоцитарная инфильтрация.",
            {"endomysial_infiltrate": True},
        ),
        # the EULAR/ACR glossary's own wording of the endomysial item
        (
            "A 55-year-old man. Muscle biopsy: mononuclear cells surrounding but not invading "
            "myofibres.",
            {"endomysial_infiltrate": True},
        ),
        (
            "A 55-year-old man. Muscle biopsy: CD8+ T cells surrounding non-necrotic muscle "
            "fibres.",
            {"endomysial_infiltrate": True},
        ),
        # denied in the language's own negation
        (
            "Femme de 50 ans. Biopsie musculaire : pas d'infiltrat lymphocytaire endomysial.",
            {"endomysial_infiltrate": False},
        ),
        (
            "A 55-year-old man. Muscle biopsy: no endomysial lymphocytes.",
            {"endomysial_infiltrate": False},
        ),
    ],
)
def test_infiltrate_places_in_the_languages(text: str, expected: dict[str, bool]) -> None:
    assert _biopsy(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the negation before the biopsy denies the feature between them, not the biopsy
        (
            "A 55-year-old man. Necrotic fibres and regeneration, in the absence of inflammatory "
            "infiltrates, were seen in the muscle biopsy.",
            {"endomysial_infiltrate": False, "perimysial_perivascular_infiltrate": False},
        ),
        # no vacuoles at all: none rimmed
        (
            "A 55-year-old man. Muscle biopsy showed perivascular inflammation without any "
            "necrotic tissue or vacuoles.",
            {"perimysial_perivascular_infiltrate": True, "rimmed_vacuoles": False},
        ),
        (
            "Frau, 60 Jahre. Muskelbiopsie: nekrotisierende Myopathie ohne entzündliche "
            "Infiltrate, keine Vakuolen.",
            {
                "endomysial_infiltrate": False,
                "perimysial_perivascular_infiltrate": False,
                "rimmed_vacuoles": False,
            },
        ),
        # vacuoles present but not said to be rimmed: no item
        ("A 55-year-old man. Muscle biopsy: scattered vacuoles in some fibres.", {}),
    ],
)
def test_absence_of_an_infiltrate_or_vacuoles(text: str, expected: dict[str, bool]) -> None:
    assert _biopsy(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a biopsy not done has no features
        ("A 55-year-old man. A biopsy of the deltoid was not performed.", {}),
        # skin and muscle sampled together: the perivascular infiltrate may be the skin's;
        # only a feature no skin has is the muscle's
        (
            "A 47-year-old woman. Biopsy of the skin and deltoid muscle showed perivascular "
            "inflammatory infiltrates and perifascicular atrophy.",
            {"perifascicular_atrophy": True},
        ),
        # a skin biopsy alone is no muscle biopsy
        ("Homme de 71 ans. La biopsie cutanée était normale.", {}),
        # the myositis suspected before a skin biopsy is no muscle sampled
        ("A 55-year-old man. Myositis was suspected and a biopsy of the skin was normal.", {}),
        ("A 55-year-old man. Skin biopsy showed perivascular lymphocytic infiltrates.", {}),
        # another organ's biopsy, a muscle word in its tumour's description
        (
            "A 68-year-old man. Bladder biopsy showed muscle-invasive urothelial carcinoma with "
            "perivascular lymphocytes.",
            {},
        ),
        # the vessels of the endomysium are no infiltrate around myofibres
        (
            "A 55-year-old man. Muscle biopsy: complement deposits on endomysial capillaries.",
            {},
        ),
    ],
)
def test_biopsy_classes_do_not_over_fire(text: str, expected: dict[str, bool]) -> None:
    assert _biopsy(text) == expected


# ---------------------------------------------------------------- 3. strength


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau, 58 Jahre. Hüftbeugung 3/5, Fingerbeuger 5/5.", False),
        ("Femme de 58 ans. Fléchisseurs de hanche 3/5, fléchisseurs des doigts 5/5.", False),
        ("Mujer de 58 años. Flexores de cadera 3/5, flexores de los dedos 4/5.", True),
        ("Женщина 58 лет. Сгибатели бедра 3/5, сгибатели пальцев 5/5.", False),
        ("Donna di 58 anni. Flessori dell'anca 3/5, flessori delle dita 4-/5.", True),
        (
            "A 58-year-old woman. Hip flexion 3/5, shoulder abduction 4/5, finger flexors 5/5.",
            False,
        ),
        # issue #10 (i19d): a grip at full grade has the finger flexors at full strength
        ("A 58-year-old woman. Hip flexion 3/5, shoulder abduction 4/5; grip 5/5.", False),
    ],
)
def test_finger_flexors_in_the_languages(text: str, expected: bool | None) -> None:
    assert _finding(text, "finger_flexor_weakness") is expected


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("Женщина 58 лет. Мышечная сила 5/5 во всех группах.", False),
        ("Frau, 58 Jahre. Kraft 5/5 in allen Muskelgruppen.", False),
        ("Femme de 58 ans. Force musculaire 5/5 dans tous les groupes musculaires.", False),
        ("Mujer de 58 años. Fuerza 4/5 en todos los grupos musculares.", True),
        ("Mulher de 58 anos. Força 4/5 em todos os grupos musculares.", True),
        ("A 58-year-old woman. Muscle strength 5/5 in all four extremities.", False),
        ("A 58-year-old woman. Strength 4/5 in all 4 limbs.", True),
    ],
)
def test_all_muscle_groups_in_the_languages(text: str, weak: bool) -> None:
    assert _finding(text, "weakness_proximal_upper") is weak
    assert _finding(text, "weakness_proximal_lower") is weak
    # every group at one grade: the legs' proximal muscles are not weaker than the distal
    assert _finding(text, "legs_proximal_weaker_than_distal") is False


@pytest.mark.parametrize(
    "text",
    [
        # a global assessment's score is no grade of every muscle
        "A 58-year-old woman. Physician global assessment 3/10; patient global 5/10.",
        # the groups of a skin score are no muscles
        "Femme de 58 ans. Éruption dans tous les groupes de lésions, score 4/5.",
    ],
)
def test_all_groups_does_not_over_fire(text: str) -> None:
    assert _finding(text, "weakness_proximal_upper") is None
    assert _finding(text, "weakness_proximal_lower") is None


@pytest.mark.parametrize(
    ("line", "dysphagia", "weight_loss"),
    [
        # two questions on one form line: each box's answer is its own question's
        ("Dysphagia: [ ] Yes [X] No    Weight loss: [X] Yes [ ] No", False, True),
        ("Dysphagia: [X] Yes [ ] No    Weight loss: [ ] Yes [X] No", True, False),
        ("Schluckstörung: ☐ ja ☒ nein    Gewichtsverlust: ☒ ja ☐ nein", False, True),
        ("Schluckstörung: ☒ ja ☐ nein    Gewichtsverlust: ☐ ja ☒ nein", True, False),
        ("Dysphagie : ☐ oui ☒ non    Perte de poids : ☒ oui ☐ non", False, True),
        # one question, nothing after it
        ("Dysphagia [ ] yes [x] no", False, None),
    ],
)
def test_two_questions_on_one_form_line(
    line: str, dysphagia: bool | None, weight_loss: bool | None
) -> None:
    text = f"A 55-year-old woman.\n\n{line}\n"
    assert _finding(text, "dysphagia") is dysphagia
    assert _finding(text, "weight_loss") is weight_loss


def test_a_field_after_a_choice_keeps_its_value() -> None:
    # the next field's label after a gap ends the choice; the sex chosen is kept
    case = _case("A 55-year-old patient.\n\nSex: ☒ F  ☐ M     DOB: 01/01/1970\n")
    assert case.patient.sex.value == "female"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a mark under the "no" column denies, under "yes" states; an unmarked row says nothing
        (
            "Review of systems   Y   N\nDysphagia               X\nWeight loss         X\n"
            "Raynaud                 X\nFever\n",
            {"dysphagia": False, "weight_loss": True, "raynaud": False},
        ),
        (
            "Symptom             Ja   Nein\nSchluckstörung            x\nGewichtsverlust     x\n",
            {"dysphagia": False, "weight_loss": True, "raynaud": None},
        ),
        (
            "                    Oui  Non\nDysphagie                 X\nPerte de poids      X\n",
            {"dysphagia": False, "weight_loss": True, "raynaud": None},
        ),
        (
            "Symptom          Yes  No\nDysphagia        ✓\nRaynaud               ✓\n",
            {"dysphagia": True, "weight_loss": None, "raynaud": False},
        ),
        # no mark under the columns: the rows after a yes/no line are prose, read as written
        (
            "Smoker    yes   no\nDysphagia since May\n",
            {"dysphagia": True, "weight_loss": None, "raynaud": None},
        ),
    ],
)
def test_yes_no_columns_laid_out_with_spaces(table: str, expected: dict[str, bool | None]) -> None:
    text = f"A 55-year-old woman.\n\n{table}"
    assert {code: _finding(text, code) for code in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no history of X" denies X (each of a list), not a past finding
        (
            "A 73-year-old man. No history of dysphagia, skin rashes, or weight loss was noted.",
            {"dysphagia": False, "weight_loss": False, "raynaud": None},
        ),
        (
            "An 8-year-old girl with a nasal voice, but no history of dysphagia.",
            {"dysphagia": False, "weight_loss": None, "raynaud": None},
        ),
        (
            "A 55-year-old woman without a history of Raynaud's phenomenon.",
            {"dysphagia": None, "weight_loss": None, "raynaud": False},
        ),
        # a history stated is past history, as before (not this visit's finding)
        (
            "A 55-year-old woman with a history of Raynaud's phenomenon.",
            {"dysphagia": None, "weight_loss": None, "raynaud": None},
        ),
        # a relative's history is not the patient's
        (
            "A 55-year-old woman. No family history of dysphagia.",
            {"dysphagia": None, "weight_loss": None, "raynaud": None},
        ),
    ],
)
def test_no_history_of_denies(text: str, expected: dict[str, bool | None]) -> None:
    assert {code: _finding(text, code) for code in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the trouble as an adjective, and choking on the swallow, in the languages read
        ("A 57-year-old man with weakness of the neck muscles and swallowing difficult.", True),
        ("Kobieta, 55 lat. Od miesiąca krztusi się przy połykaniu płynów.", True),
        ("Femme de 55 ans. Elle s'étouffe en avalant les liquides.", True),
        ("Женщина 55 лет. Поперхивается при глотании.", True),
        ("Mujer de 55 años. Se atraganta al tragar líquidos.", True),
        ("A 55-year-old woman. No choking on swallowing.", False),
        ("Homme de 55 ans. Déglutition difficile depuis un mois.", True),
    ],
)
def test_swallowing_made_hard_or_choked_on(text: str, expected: bool) -> None:
    assert _finding(text, "dysphagia") is expected


def test_a_long_line_of_column_words_is_no_header_and_is_read_at_once() -> None:
    # the note fuzzer's case: a line of many one-letter words (each a yes/no column word) with a
    # mark under it; the header reader is token by token (a nested-repeat pattern backtracked
    # without end here), and a header has exactly two columns, so nothing is rewritten
    from myositis_cds.ingest.text._normalise import _column_header, _mark_columns

    text = "s n " * 2000 + "\nrash x\n"
    assert _mark_columns(text) == text
    assert _column_header("Symptom      Yes   No\n") == len("Symptom      ")
    assert _column_header("Symptom Yes No\n") is None  # one space: a sentence, not a label
    assert _column_header("  Y  N\n") == 2
