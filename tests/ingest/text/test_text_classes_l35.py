"""Antibodies joined by "or" or "and/or" (issue #10, round 35, the lead's l35): "associated with
antibodies against SRP and/or HMGCR", "anti-SRP ou anti-HMGCR", "anti-Jo-1 o anti-PL-7". Which
one is meant is not said, so a positive said of such a pair is no result of either; before, both
were read positive, and a disease's description in a report (reports:heldout_af, af04) put two
positives beside the patient's stated negatives: the wrong polarity. A negative said of the pair
is kept ("no anti-SRP or anti-HMGCR": neither). Our own sentences; each outcome worked out by
hand from the sentence."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results

EITHER_OR = [
    ("en and/or", "Woman aged 64. She had anti-SRP and/or anti-HMGCR antibodies.", {}),
    ("en or, three", "Man aged 58. Anti-SRP, anti-HMGCR or anti-Jo-1 were positive.", {}),
    ("fr et/ou", "Femme de 61 ans. Présence d'anticorps dirigés contre SRP et/ou HMGCR.", {}),
    ("fr ou", "Femme de 61 ans. Présence d'anticorps anti-SRP ou anti-HMGCR.", {}),
    ("es y/o", "Mujer de 60 años. Presencia de anticuerpos anti-Jo-1 y/o anti-PL-7.", {}),
    ("pt ou", "Mulher de 67 anos. Os anticorpos envolvidos são anti-HMGCR ou anti-SRP.", {}),
    ("de oder", "Frau, 59 Jahre. Nachweis von Anti-Jo-1 oder Anti-PL-12 Antikörpern.", {}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), EITHER_OR, ids=[r[0] for r in EITHER_OR])
def test_a_positive_said_of_an_either_or_pair_is_no_result(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


GUARDS = [
    # "and" lists stay positive; a negative said of an "or" pair is a negative of each
    ("en and", "Man aged 58. Anti-SRP and anti-HMGCR were positive.",
     {"SRP": "positive", "HMGCR": "positive"}),
    ("en or negative", "Woman aged 64. Anti-Jo-1 or anti-PL-7 antibodies were negative.",
     {"JO1": "negative", "PL7": "negative"}),
    ("en not detected", "Woman aged 64. Anti-Jo-1 positive; anti-PL-7 or anti-PL-12 not detected.",
     {"JO1": "positive", "PL7": "negative", "PL12": "negative"}),
    ("fr negatives after", "Fille de 8 ans. Les anticorps anti-SRP et anti-HMGCR étaient négatifs.",
     {"SRP": "negative", "HMGCR": "negative"}),
    # Portuguese "e o" is "and the": no choice
    ("pt e o", "Mulher de 60 anos. Anticorpos anti-Jo-1 e o anti-PL-7 positivos.",
     {"JO1": "positive", "PL7": "positive"}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), GUARDS, ids=[r[0] for r in GUARDS])
def test_lists_joined_by_and_and_negatives_of_a_pair_keep_their_results(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


def test_a_description_of_the_disease_does_not_overrule_the_patients_negatives() -> None:
    # the shape of af04: the disease's description first, this patient's negatives after
    note = (
        "La myopathie nécrosante est une maladie auto-immune. Elle est le plus souvent associée "
        "à la présence d'auto-anticorps dirigés contre SRP et/ou HMGCR.\n"
        "Un garçon de 9 ans : les anticorps anti-SRP et anti-HMGCR étaient négatifs."
    )
    assert antibody_results(note) == {"SRP": "negative", "HMGCR": "negative"}
