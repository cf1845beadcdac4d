"""Issue #10, twenty-ninth session (branch i54f): classes of wording in the findings' polarity
and presence. Each expectation is worked out by hand on sentences written for this test (no
text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
VISIT = date(2026, 11, 20)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _findings(text: str) -> set[tuple[str, bool, date | None]]:
    case = extract_case(LEAD + text, anchor=VISIT, today=TODAY).case
    return {(f.code.value, f.present, f.date) for f in case.findings}


def _codes(text: str) -> dict[str, bool]:
    case = extract_case(LEAD + text, anchor=VISIT, today=TODAY).case
    return {f.code.value: f.present for f in case.findings}


# --- mechanic's hands told in plain words on the fingers' sides (rules/inference.yaml
# mechanics_hands_from_hyperkeratosis, _from_thickened_finger_edges, _absent_from_denied_...)


@pytest.mark.parametrize(
    "sentence",
    [
        "Examination: rough skin along the ulnar border of both thumbs.",
        "Hands: cracked, scaling skin on the radial sides of the index and middle fingers.",
        "Thickened, roughened skin over the radial aspect of each index finger.",
    ],
)
def test_hyperkeratosis_on_the_fingers_radial_or_ulnar_side_is_mechanics_hands(
    sentence: str,
) -> None:
    assert ("mechanics_hands", True, VISIT) in _findings(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hands: no thickening or fissuring of the sides of the fingers.",
        "There is no roughening of the sides of the digits.",
    ],
)
def test_denied_thickening_of_the_fingers_sides_is_mechanics_hands_absent(sentence: str) -> None:
    assert ("mechanics_hands", False, VISIT) in _findings(sentence)


# --- a skin ulcer on one named digit (rules/inference.yaml cutaneous_ulceration_on_fingers)


@pytest.mark.parametrize(
    "sentence",
    [
        "A shallow ulcer at the tip of the left ring finger.",
        "Small dry ulcer over the right thumb, not infected.",
        "One ulcer on the second toe of the left foot.",
    ],
)
def test_an_ulcer_on_one_digit_is_a_skin_ulcer(sentence: str) -> None:
    assert ("cutaneous_ulceration", True, VISIT) in _findings(sentence)


# --- the colours of a Raynaud's attack written before the fingers (rules/lexicon.yaml raynaud)


@pytest.mark.parametrize(
    "sentence",
    [
        "He gets white-then-blue fingers on cold mornings.",
        "Episodes of white and blue fingers when he handles frozen food.",
        "White fingers while cycling in the cold.",
    ],
)
def test_white_then_blue_fingers_are_raynauds(sentence: str) -> None:
    assert ("raynaud", True, VISIT) in _findings(sentence)


# --- a finding's word in an institution's name (rules/lexicon.yaml finding_not_terms)


@pytest.mark.parametrize(
    "sentence",
    [
        "Copy to: Riverside Arthritis & Rheumatology, Unit 4.",
        "Referred on by the Lakeland Rheumatology and Arthritis practice.",
        "She has joined the Arthritis Foundation support group.",
        "Infusions are given at the arthritis centre on Fridays.",
    ],
)
def test_arthritis_in_an_institutions_name_is_no_arthritis(sentence: str) -> None:
    assert "arthritis" not in _codes(sentence)


# --- a form's field row ends its line (ingest/text/_normalise.py _after_field_row)


def test_a_field_rows_answer_is_not_dated_by_the_line_below() -> None:
    form = (
        "\nSECTION 1 - HEALTH QUESTIONS (answered by the applicant)\n"
        "  Have you ever had:\n"
        "    Back trouble ................................ NO\n"
        "    Trouble swallowing .......................... NO\n"
        "  Relatives: brother - bowel cancer 2018 (treated\n"
        "  in Leeds); sister - asthma.\n"
        "SECTION 2 - EXAMINATION\n"
        "  Heliotrope rash of both upper eyelids; the rash was first\n"
        "  noticed in the summer and has spread since then.\n"
    )
    assert ("dysphagia", False, VISIT) in _findings(form)


# --- a negation does not run past a comma into an item with its own positive answer
# (rules/context.yaml, TERMINATE after the i40n quantity words)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("No dysphagia, Raynaud's present.", "raynaud"),
        ("Without weight loss, mechanic's hands noted on both hands.", "mechanics_hands"),
        ("No calcinosis, periungual erythema seen.", "periungual_erythema"),
    ],
)
def test_a_negation_stops_at_an_item_with_its_own_positive_answer(sentence: str, code: str) -> None:
    assert _codes(sentence).get(code) is True


# --- "nil" answering the finding before it (rules/context.yaml, the bare closing "no")


def test_nil_after_a_finding_denies_that_finding_not_the_next() -> None:
    found = _codes("Dysphagia nil, Raynaud's present.")
    assert found.get("dysphagia") is False
    assert found.get("raynaud") is True


# --- the slashed zero and the empty-set sign as a form's "none" (rules/context.yaml, i10w)


@pytest.mark.parametrize("answer", ["Ø", "ø", "∅"])
def test_the_empty_set_sign_as_a_fields_answer_is_absent(answer: str) -> None:
    assert _codes(f"Dysphagia: {answer}. Gottron's papules: yes.").get("dysphagia") is False
