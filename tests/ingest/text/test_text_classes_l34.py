"""A detection denied through an auxiliary or a compound tense (issue #10, round 34, the lead's
worktree l34): "anti-HMGCR não foi detectado", "no fue detectado", "no se detectaron", "n'ont pas
été détectés", "ne sont pas retrouvés", "non è stato rilevato", "has not been detected". Before,
the auxiliary hid the denial, and a bare name could be read as a positive: the wrong polarity,
the worst error an antibody reader can make. Our own sentences; each outcome worked out by hand
from the sentence, with the positives beside them as guards."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results

DENIED = [
    ("pt foi", "Mulher de 67 anos com fraqueza proximal. O anti-HMGCR não foi detectado.",
     {"HMGCR": "negative"}),
    ("pt foram list", "Homem de 55 anos. Os anticorpos anti-Jo-1 e anti-PL-7 não foram detetados.",
     {"JO1": "negative", "PL7": "negative"}),
    ("pt antibody noun", "Mulher de 70 anos. O anticorpo anti-SRP não foi detectado.",
     {"SRP": "negative"}),
    ("es fue", "Mujer de 60 años con debilidad. El anti-HMGCR no fue detectado.",
     {"HMGCR": "negative"}),
    ("es se", "Varón de 52 años. Los anticuerpos anti-Jo-1 y anti-PL-12 no se detectaron.",
     {"JO1": "negative", "PL12": "negative"}),
    ("fr passé composé", "Femme de 61 ans. Les anticorps anti-HMGCR n'ont pas été détectés.",
     {"HMGCR": "negative"}),
    ("fr ne sont pas", "Homme de 49 ans. Les anti-Mi-2 ne sont pas retrouvés.",
     {"MI2": "negative"}),
    ("it stato", "Donna di 58 anni. L'anti-NXP2 non è stato rilevato.", {"NXP2": "negative"}),
    ("en perfect", "Woman aged 64. Anti-SRP has not been detected.", {"SRP": "negative"}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), DENIED, ids=[r[0] for r in DENIED])
def test_a_detection_denied_through_an_auxiliary_is_negative(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


GUARDS = [
    # the positive verb still reads positive, and a denial later in the sentence stays its own
    ("pt found then denied",
     "Mulher de 70 anos. O anti-HMGCR foi detectado, mas o anti-SRP não foi detectado.",
     {"HMGCR": "positive", "SRP": "negative"}),
    ("es positive then denied", "Mujer de 60 años. Anti-MDA5 positivo; anti-Jo-1 no fue detectado.",
     {"MDA5": "positive", "JO1": "negative"}),
    ("fr positive then denied",
     "Femme de 60 ans. Anticorps anti-TIF1γ positifs; les anti-Mi-2 ne sont pas retrouvés.",
     {"TIF1G": "positive", "MI2": "negative"}),
    # a denied tumour before a positive antibody denies nothing of the antibody
    ("pt tumour denied", "Mulher de 60 anos. A neoplasia não foi detectada. Anti-TIF1γ positivo.",
     {"TIF1G": "positive"}),
    ("en positive then denied",
     "Woman aged 60. Anti-TIF1-gamma positive. Anti-NXP2 has not been detected.",
     {"TIF1G": "positive", "NXP2": "negative"}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), GUARDS, ids=[r[0] for r in GUARDS])
def test_a_denial_reaches_only_its_own_clause(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


# ------------------------------------------------- a test that could not be done (l34b)
# "Not available", "not performed", a service without the assay: the text says nothing of the
# patient's antibody, so no result is recorded - neither the negative the denial word would
# give nor the positive a bare "anti-X" is read as.
NOT_DONE = [
    ("en not available", "Woman aged 68. Anti-HMGCR was not available at our centre."),
    ("en not performed", "Woman aged 68. Anti-HMGCR was not performed."),
    ("en lab without assay", "Woman aged 68. Our laboratory did not have the anti-HMGCR assay."),
    ("pt service", "Mulher de 68 anos. O serviço não possuía o anticorpo anti-HMGCR."),
    ("pt not available", "Mulher de 68 anos. O anti-HMGCR não estava disponível."),
    ("es not available", "Mujer de 68 años. El anti-HMGCR no estaba disponible en el centro."),
    ("es not had", "Mujer de 68 años. No se dispuso de anti-HMGCR."),
    ("fr not available", "Femme de 68 ans. Les anti-HMGCR n'étaient pas disponibles."),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note"), NOT_DONE, ids=[r[0] for r in NOT_DONE])
def test_a_test_that_could_not_be_done_records_no_result(label: str, note: str) -> None:
    assert antibody_results(note) == {}


NOT_DONE_GUARDS = [
    # the patient's own lack of the antibody is a negative result
    ("pt patient lacks", "Mulher de 68 anos. A paciente não possuía anticorpos anti-Jo-1.",
     {"JO1": "negative"}),
    # a result beside an unavailable test keeps its polarity
    ("en result beside", "Woman aged 68. Anti-Jo-1 positive; anti-HMGCR was not available.",
     {"JO1": "positive"}),
    # a general remark far along the sentence leaves the named antibody a positive
    ("en remark far off",
     "A man of 19 with anti-PM/Scl antibodies developed a rapidly progressive lung disease and "
     "was treated for it in a hospital where specialised tests were unavailable.",
     {"PMSCL": "positive"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "note", "expected"), NOT_DONE_GUARDS, ids=[r[0] for r in NOT_DONE_GUARDS]
)
def test_a_test_not_done_leaves_other_results_alone(
    label: str, note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


# The reach of a test not done, at its exact bound: the wording's last character 50 characters
# after the antibody's name is near enough (no result), 51 is not (the bare name's positive).
@pytest.mark.parametrize(
    ("between", "reach", "expected"),
    [
        ("antibodies of the woman seen in May", 50, {}),
        ("antibodies of the woman seen in June", 51, {"HMGCR": "positive"}),
    ],
)
def test_a_test_not_done_reaches_fifty_characters(
    between: str, reach: int, expected: dict[str, str]
) -> None:
    note = f"Woman aged 68. Anti-HMGCR {between} not available."
    name_end = note.index("HMGCR") + len("HMGCR")
    assert note.index("available") + len("available") - name_end == reach
    assert antibody_results(note) == expected
