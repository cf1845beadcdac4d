"""issue #10 (lead, round 25 and the opening of heldout_x): a comparison with this patient tagged
onto a statement about the disease leaves the statement general. Our own vignettes (no sentence is
taken from a report); the expected results follow from what each sentence says of whom."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._general import general_statement
from myositis_cds.ingest.text._rules import rules

from .helpers import case_of


@pytest.mark.parametrize(
    "sentence",
    [
        "DM with mechanic's hands often shows positive anti-Jo-1 antibodies, although not always, "
        "and has a high association with lung disease as in our case.",
        "Anti-synthetase syndrome often presents with fever, as seen in our patient.",
        "Patients with anti-TIF1 antibodies are usually older, as was the case here.",
    ],
)
def test_a_statement_about_the_disease_tagged_with_our_case_is_general(sentence: str) -> None:
    assert general_statement(sentence, rules())


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: the tag removed, a pronoun or a story still makes the sentence the patient's
        "As in our case, she often shows a rash on her hands.",
        "Her anti-Jo-1 antibodies were positive, as in our previous case.",
        "She often has a rash in the sun.",
    ],
)
def test_a_sentence_about_the_patient_stays_the_patients(sentence: str) -> None:
    assert not general_statement(sentence, rules())


def test_a_named_negative_is_not_overturned_by_a_general_statement_about_the_antibody() -> None:
    note = (
        "A 30-year-old woman with scaling of the hands. ANA and anti Jo-1 antibodies were "
        "negative. In addition, DM with mechanic's hands often shows positive anti-Jo-1 "
        "antibodies, although not always, and has a high association with lung disease as in "
        "our case."
    )
    results = {a.code.value: a.result.value for a in case_of(note).antibodies}
    assert results == {"ANA": "negative", "JO1": "negative"}


def test_the_features_of_the_disease_listed_as_such_are_no_signs_of_the_patient() -> None:
    note = (
        "A 26-year-old man with a rash on his forearms. Distinguishing features of "
        "dermatomyositis include a reddish-purple rash around the eyes and papules on the "
        "knuckles."
    )
    codes = {f.code.value for f in case_of(note).findings}
    assert not codes & {"heliotrope_rash", "gottron_papules"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Muscle biopsy showed mild perimysium and endomysium inflammation.",
        "Muscle biopsy showed perimysial and endomysial inflammation.",
        "Muscle biopsy showed inflammation of the perimysium and endomysium.",
    ],
)
def test_the_two_sheaths_coordinated_before_or_after_inflammation(sentence: str) -> None:
    biopsy = case_of(f"A 26-year-old man. {sentence}").muscle_biopsy
    assert biopsy is not None
    assert (biopsy.endomysial_infiltrate, biopsy.perimysial_perivascular_infiltrate) == (True, True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("His myositis profile showed Mi-2+ antibodies.", {"MI2": "positive"}),
        ("Myositis profile: Jo-1+, TIF1γ+.", {"JO1": "positive", "TIF1G": "positive"}),
        (
            "Myositis blot: MDA5+, Jo-1-, Ro52+.",
            {"MDA5": "positive", "JO1": "negative", "RO52": "positive"},
        ),
        # guards: the grades of a blot's band keep their meaning (1+ weak, 3+ strong)
        ("Myositis blot: Jo-1 1+, PL-7 3+.", {"JO1": "weak_positive", "PL7": "positive"}),
    ],
)
def test_the_plus_written_onto_the_antigens_name(sentence: str, expected: dict[str, str]) -> None:
    got = {
        a.code.value: a.result.value for a in case_of(f"A 26-year-old man. {sentence}").antibodies
    }
    assert got == expected
