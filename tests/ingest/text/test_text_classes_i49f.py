"""Issue #10, twenty-fourth session (branch i49f): the polarity of findings stated absent in the
languages the notes are written in, and in forms and lists. Each expectation is worked out by
hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _finding(text: str, code: str) -> list[bool]:
    """The polarities the text gives the finding ``code`` (present True, absent False)."""
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted({f.present for f in case.findings if f.code.value == code})


ILD = "interstitial_lung_disease"

# --- the disease's own name in the notes' languages (rules/languages.yaml
# interstitial_lung_disease; rules/lexicon.yaml for the English "interstitial pneumonia")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Röntgen-Thorax unauffällig, keine interstitielle Lungenerkrankung.", [False]),
        ("Ingen tecken på interstitiell lungsjukdom.", [False]),
        ("Ingen interstitiell lungesykdom påvist.", [False]),
        ("Pas de pneumopathie interstitielle diffuse.", [False]),
        ("Nessun segno di interstiziopatia polmonare.", [False]),
        ("Nu se constată boală pulmonară interstițială.", [False]),
        ("胸部CTで間質性肺炎なし。", [False]),
        ("Chest CT today: no interstitial pneumonia.", [False]),
        # stated, the name reads the disease present, as the English name does
        ("Dermatomyositis mit interstitieller Lungenerkrankung.", [True]),
        ("Known interstitial pneumonitis on mycophenolate.", [True]),
    ],
)
def test_the_name_of_ild_in_the_notes_languages(sentence: str, expected: list[bool]) -> None:
    assert _finding(sentence, ILD) == expected


# --- a CT's denial of interstitial change in the notes' languages (rules/inference.yaml
# interstitial_lung_disease_absent_from_denied_interstitial_change_on_ct)


@pytest.mark.parametrize(
    "sentence",
    [
        "TC de tórax 10/11/2026: parénquima sin afectación intersticial.",
        "TC do tórax 10/11/2026: pulmões sem alterações intersticiais.",
        "TDM thoracique 10/11/2026 : pas d'atteinte interstitielle.",
        "TK klatki piersiowej 10.11.2026: płuca bez zmian śródmiąższowych.",
        "KT krūtinės 2026-11-10: intersticinių pakitimų nėra.",
        "CT chest 10/11/2026: no nodules and no interstitial involvement.",
    ],
)
def test_a_ct_denying_interstitial_change_in_the_notes_languages(sentence: str) -> None:
    assert _finding(sentence, ILD) == [False]


@pytest.mark.parametrize(
    ("denied", "not_read"),
    [
        # an affirmed change names no disease the gold records
        (
            "TC de tórax 10/11/2026: sin afectación intersticial.",
            "TC de tórax 10/11/2026: discreta afectación intersticial basal.",
        ),
        # with no CT in the sentence: a chest film does not exclude the disease
        (
            "TC de tórax 10/11/2026: sin afectación intersticial.",
            "Radiografía de tórax: sin afectación intersticial.",
        ),
    ],
)
def test_interstitial_change_affirmed_or_off_ct_is_not_read(denied: str, not_read: str) -> None:
    assert (_finding(denied, ILD), _finding(not_read, ILD)) == ([False], [])


# --- the CT named a sentence or two before, in the same paragraph (rules/inference.yaml
# sentence_needs_reach of the interstitial-change denial; facts.findings._needs_met)


@pytest.mark.parametrize(
    ("read", "not_read"),
    [
        # the report goes on; a sentence naming a test of its own is that test's
        (
            "CT chest 10/11/2026: a 2 cm nodule in the left upper lobe. "
            "The lungs show no interstitial change.",
            "CT abdomen 10/11/2026: no liver lesion. Chest X-ray: no interstitial change.",
        ),
        # a new paragraph is no longer the scan's report
        (
            "TC de tórax 10/11/2026: masa gástrica. Pulmones sin afectación intersticial.",
            "TC de tórax 10/11/2026: masa gástrica.\n\nPulmones sin afectación intersticial.",
        ),
    ],
)
def test_a_ct_named_just_before_in_the_paragraph(read: str, not_read: str) -> None:
    assert (_finding(read, ILD), _finding(not_read, ILD)) == ([False], [])


# --- a form's "no" with the writer's comment after it, a qualified "none", and the answer after
# a spaced dash (rules/context.yaml, the form's whole-answer denial)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Weight loss? No (weight steady at 64 kg).", "weight_loss"),
        ("Dysphagia: no - eating a normal diet.", "dysphagia"),
        ("Arthritis: none active.", "arthritis"),
        ("Calcinosis: nil seen.", "calcinosis"),
        (
            "Hands: Gottron's papules present; mechanic's hands - no; Raynaud's - yes.",
            "mechanics_hands",
        ),
    ],
)
def test_a_form_answer_no_with_a_comment_after_it(sentence: str, code: str) -> None:
    assert _finding(sentence, code) == [False]
