"""issue #10 (i28a): heldout_z's extra items, as classes. Our own vignettes (no sentence is taken
from a report): a sentence whose pronoun carries on the general statement before it, and the
disease's profile or picture listed in the present tense, describe the disease, not the patient."""

from __future__ import annotations

import pytest

from .helpers import findings_of

CASE = "A 39-year-old woman was seen in clinic."

# --------------------------------------------- a pronoun carrying on a general statement


@pytest.mark.parametrize(
    "sentences",
    [
        "Dermatomyositis is an acquired autoimmune myopathy. It is characterised by dysphagia "
        "and a heliotrope rash.",
        "Juvenile dermatomyositis is a rare systemic disease of children. It is clinically marked "
        "by a heliotrope rash and trouble swallowing.",
        "Inflammatory myopathies are a heterogeneous group of diseases. They usually present "
        "with dysphagia and a heliotrope rash.",
        "Dermatomyositis is a rare autoimmune disease. It may cause dysphagia and a heliotrope "
        "rash.",
    ],
)
def test_a_pronoun_carrying_on_a_general_statement_is_general(sentences: str) -> None:
    found = findings_of(f"{CASE} {sentences}")
    assert not {"dysphagia", "heliotrope_rash"} & set(found)


@pytest.mark.parametrize(
    "sentences",
    [
        # guards: the sentence before is the patient's, or the pronoun's sentence tells her story
        "Her eyelid rash is new. It is characterised by a heliotrope rash and dysphagia.",
        "Dermatomyositis is a rare autoimmune disease. It was marked in her by dysphagia and a "
        "heliotrope rash.",
    ],
)
def test_a_pronoun_after_the_patients_sentence_stays_hers(sentences: str) -> None:
    found = findings_of(f"{CASE} {sentences}")
    assert found.get("heliotrope_rash") is True
    assert found.get("dysphagia") is True


# ----------------------------------------------------- the disease's profile as a whole


@pytest.mark.parametrize(
    "sentence",
    [
        "The general profile consists of dysphagia and a heliotrope rash.",
        "The typical clinical picture comprises a heliotrope rash and dysphagia.",
        "Its classic presentation includes dysphagia and a heliotrope rash.",
    ],
)
def test_the_diseases_profile_in_the_present_is_general(sentence: str) -> None:
    note = f"{CASE} Juvenile dermatomyositis is a rare disease. {sentence}"
    assert not {"dysphagia", "heliotrope_rash"} & set(findings_of(note))


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: her own profile, and a past tense that tells her story
        "Her general profile consists of dysphagia and a heliotrope rash.",
        "The typical presentation included dysphagia and a heliotrope rash in her case.",
    ],
)
def test_the_patients_own_profile_stays_hers(sentence: str) -> None:
    found = findings_of(f"{CASE} {sentence}")
    assert found.get("heliotrope_rash") is True
    assert found.get("dysphagia") is True
