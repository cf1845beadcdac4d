"""Issue #10, twenty-eighth session (branch i53f): classes of wording in the findings of forms
and shorthand notes. Each expectation is worked out by hand on sentences written for this test
(no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with inflammatory myositis. "


def _findings(text: str) -> set[tuple[str, bool]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {(f.code.value, f.present) for f in case.findings}


NO_RESPONSE = ("no_response_to_immunosuppression", True)


# --- a failed treatment named as an immunosuppressant (rules/patterns.yaml no_response_named,
# no_response_named_drug; the drugs of knowledge/treatment_response.yaml)


@pytest.mark.parametrize(
    "sentence",
    [
        # no response / benefit / improvement to a named drug, in shorthand or in full
        "Impression: necrotising myopathy, no response to pred and MMF.",
        "Still weak, no meaningful response to steroids and IVIG.",
        "Little benefit from rituximab so far, CK rising.",
        # despite the treatment, no improvement
        "Despite four months of therapy, no improvement in the hip flexors.",
        # refractory to, or worse despite, a named immunosuppressant
        "Disease refractory to glucocorticoids, azathioprine and tacrolimus.",
        "Neck weakness worse despite methotrexate and prednisolone.",
    ],
)
def test_a_failed_immunosuppressant_records_no_response(sentence: str) -> None:
    assert NO_RESPONSE in _findings(sentence)


def _no_response_sentences(text: str) -> list[str]:
    result = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY)
    return [
        result.facts[i].evidence.text
        for i in range(len(result.facts))
        if result.facts[i].code == NO_RESPONSE[0] and result.facts[i].status == "present"
    ]


FAILED_IMMUNOSUPPRESSANT = "Hip flexors no better despite prednisolone and azathioprine."


@pytest.mark.parametrize(
    "sentence",
    [
        # what failed is no immunosuppressant: a tumour's, an infection's, the skin's
        "The lung primary showed no response to chemotherapy.",
        "Fever with no response to antibiotics; cultures sent.",
        "Rash worse despite hydroxychloroquine.",
        "Scalp itch worse despite topical steroids.",
        # worse despite treatment alone names no immunosuppressant ("treatment" of what?)
        "Her chest infection deteriorated despite treatment.",
        # a condition or a good response
        "If there is no response to prednisolone, IVIG will be added.",
        "Good response to prednisolone with CK now normal.",
    ],
)
def test_no_immunosuppressant_failure_records_nothing(sentence: str) -> None:
    # beside one stated failure of immunosuppression, the sentence adds no second reading
    found = _no_response_sentences(FAILED_IMMUNOSUPPRESSANT + " " + sentence)
    assert len(found) == 1
    assert "azathioprine" in found[0]


# --- an ulcer denied with its state (rules/inference.yaml
# cutaneous_ulceration_absent_from_denied_ulcers)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hands: no open ulcers.",
        "Skin: no active ulceration.",
        "No new ulcers since the last visit.",
    ],
)
def test_an_ulcer_denied_with_its_state_is_ulceration_absent(sentence: str) -> None:
    assert ("cutaneous_ulceration", False) in _findings(sentence)


# --- nail folds called red (rules/inference.yaml periungual_erythema_from_red_nailfolds)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hands: reddened nailfolds and ragged cuticles.",
        "Nailfolds erythematous on both hands.",
    ],
)
def test_red_nail_folds_are_periungual_erythema(sentence: str) -> None:
    assert ("periungual_erythema", True) in _findings(sentence)


# --- a bracketed minus that opens a list item belongs to the item after it, not the one before
# (rules/context.yaml: the "(-)" rules)


def test_a_leading_minus_denies_the_item_it_opens_not_the_one_before() -> None:
    found = _findings("Exam: (+) heliotrope, (+) shawl sign, (-) V-sign, (-) mechanic's hands")
    assert found == {
        ("heliotrope_rash", True),
        ("shawl_sign", True),
        ("v_sign", False),
        ("mechanics_hands", False),
    }
    # the same signs written after their items keep reaching back
    found = _findings("Exam: shawl sign (+), mechanic's hands (-), V-sign (-).")
    assert found == {("shawl_sign", True), ("mechanics_hands", False), ("v_sign", False)}


def test_a_leading_minus_on_its_own_line_denies_what_follows() -> None:
    found = _findings("Skin findings:\n(+) Gottron's papules\n(-) mechanic's hands\n")
    assert found == {("gottron_papules", True), ("mechanics_hands", False)}


def test_a_minus_after_a_bracketed_gloss_reaches_back_over_it() -> None:
    found = _findings("Skin: shawl sign (披肩征) (+); mechanic's hands (技工手) (-).")
    assert ("mechanics_hands", False) in found
    assert ("mechanics_hands", True) not in found
