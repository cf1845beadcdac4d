"""issue #10 (i27f): findings of the newly opened sets read where nobody has them, or missed. Our
own vignettes (no sentence is taken from a text). The heliotrope rash is the eyelids' sign
(EULAR/ACR 2017 glossary, Lundberg et al., Ann Rheum Dis 2017;76:1955); a safety-net list of
symptoms to come back for names no symptom the patient has."""

from __future__ import annotations

import pytest

from .helpers import findings_of, present, read

# ------------------------------------------------------ safety-net advice: symptoms to watch for


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have new chest pain, a temperature above 38 C, a cough with green phlegm or "
        "difficulty swallowing, ring the ward.",
        "If she develops a fever, new breathlessness, worsening leg weakness or choking on "
        "fluids, she should come straight back.",
        "If you notice a rash spreading to your chest, back or shoulders, or any trouble "
        "swallowing, telephone the clinic.",
    ],
)
def test_symptoms_listed_in_safety_net_advice_are_not_the_patients(sentence: str) -> None:
    note = f"Rheumatology review. Her strength is full and her skin is clear. {sentence}"
    assert "dysphagia" not in present(note)


def test_a_symptom_after_the_safety_net_sentence_is_still_the_patients() -> None:
    note = "If you have a fever, call us. She describes trouble swallowing solids for three weeks."
    assert findings_of(note).get("dysphagia") is True


# --------------------------------------------------- plain words for a sign that has resolved


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Your eyelid rash (heliotrope) has gone.", False),
        ("The heliotrope rash is now completely gone.", False),
        ("The heliotrope rash has cleared on treatment.", False),
        ("Her heliotrope rash went away in the summer.", False),
        ("The heliotrope rash disappeared after the first month of prednisolone.", False),
        # guards: a level that has gone up, and a rash still there
        ("The heliotrope rash is still there; the CK has gone up to 900.", True),
        ("There is a heliotrope rash today.", True),
    ],
)
def test_a_sign_that_has_gone_is_absent(sentence: str, expected: bool) -> None:
    assert findings_of(f"Clinic review, 4 November 2026. {sentence}")["heliotrope_rash"] is expected


def test_a_bracketed_aside_wrapped_onto_the_next_line_stays_in_its_sentence() -> None:
    note = (
        "What we found today\n"
        "- Skin: the papules on your knuckles are flatter. Your eyelid rash\n"
        "  (heliotrope) has gone.\n"
        "- Swallowing: normal.\n"
    )
    assert findings_of(note).get("heliotrope_rash") is False


def test_a_bracketed_line_that_goes_on_otherwise_is_left_as_it_was() -> None:
    # guard: a range or a start date on the next line is not joined by this rule
    result = read("Bloods today:\nCK 2,400 U/L\n(ref 25-200) on 14/08/2026.\n")
    assert [s.evidence.sentence for s in result.facts if s.code == "ck"]


# ------------------------------------------------------- a heliotrope colour placed elsewhere


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She had heliotropic rashes on the neck, forearms and upper back.", None),
        ("There was a heliotrope eruption over the chest and shoulders.", None),
        ("He had a heliotrope rash affecting the arms and thighs.", None),
        # guards: the eyelids named, the face (the eyelids are on it), no place at all
        ("She had a heliotrope rash on the upper eyelids and neck.", True),
        ("She had a heliotrope rash over the face and neck.", True),
        ("She had a heliotrope rash with periorbital oedema.", True),
    ],
)
def test_a_heliotrope_rash_placed_away_from_the_eyelids_is_no_heliotrope(
    sentence: str, expected: bool | None
) -> None:
    assert findings_of(f"On examination: {sentence}").get("heliotrope_rash") is expected


# --------------------------------------------------------------- Gottron's nodules in English


@pytest.mark.parametrize(
    "sentence",
    [
        "There were two Gottron's nodules over the right PIP joints.",
        "A single Gottron nodule was seen over the left index MCP.",
        "Nodules of Gottron over the knuckles.",
    ],
)
def test_gottrons_nodules_are_gottrons_papules(sentence: str) -> None:
    assert "gottron_papules" in present(f"A 63-year-old man with weak shoulders. {sentence}")


def test_a_nodule_without_gottrons_name_is_no_papule() -> None:
    # guard: a rheumatoid or calcinotic nodule over the elbow is not the sign
    note = "A 63-year-old man with weak shoulders. A firm nodule over the left olecranon."
    assert "gottron_papules" not in present(note)


# ------------------------------------------- the illness's start, dated "N years previously"


@pytest.mark.parametrize(
    "sentence",
    [
        "His illness began two years previously when dysphagia and weakness developed.",
        "Her disease started eighteen months previously with dysphagia and a rash.",
    ],
)
def test_a_symptom_at_the_illness_start_n_years_previously_is_present(sentence: str) -> None:
    note = f"A 61-year-old man was admitted for dermatomyositis. {sentence} He is weak today."
    result = read(note)
    assert "dysphagia" in {f.code.value for f in result.case.findings if f.present}
    assert result.case.onset_date is not None


def test_a_past_history_dated_previously_stays_past() -> None:
    # guard: "previously" with no count of time still marks an old story
    note = "A 61-year-old man with weakness. He had previously had dysphagia after a stroke."
    assert findings_of(note).get("dysphagia") is not True
