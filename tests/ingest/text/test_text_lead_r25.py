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
