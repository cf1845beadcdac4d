"""Classes of wording in Portuguese and Spanish reports (issue #10, round 32, worktree i32r):
weakness of one girdle, or of both under the singular noun with its two adjectives ("cintura
escapular y pélvica"), a deficit of strength ("défice de força") reaching a girdle past the
neck's muscles, in Portuguese, Spanish, French and Italian; myeloma and leukaemia in those
languages as cancers of site and histology "other"; "elevation of" with an adjective of degree
before a list of labs, the Romance "and" and a bracketed alias inside a list; strength reduced on
the examiner's hip flexion or shoulder abduction. Our own sentences
(never copied from a report); the outcome of each worked out by hand, with the negatives next to
them."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LOWER,
    UPPER,
    findings_of,
    labs_coded,
    present,
    tumour_sites,
)

BOTH = {UPPER, LOWER}

# ---------------------------------------------------------------- the girdles, singular noun
GIRDLES = [
    ("es both singular", "Consultó por debilidad de la cintura escapular y pélvica.", BOTH),
    ("pt both singular", "Refere fraqueza na cintura pélvica e escapular há dois meses.", BOTH),
    ("es pelvic only", "Al examen destacaba debilidad en la cintura pélvica.", {LOWER}),
    ("pt shoulder only", "Ao exame, fraqueza muscular da cintura escapular.", {UPPER}),
    ("fr shoulder only", "Examen : faiblesse de la ceinture scapulaire.", {UPPER}),
    ("it both", "All'esame debolezza del cingolo scapolare e pelvico.", BOTH),
    # a deficit of strength, the neck's muscles listed before the girdles
    ("pt deficit past the neck",
     "Aos seis meses persistia défice de força nos músculos axiais e cervicais, da cintura "
     "escapular e pélvica.", BOTH),
    ("es deficit", "Persistía un déficit de fuerza muscular en la cintura pélvica.", {LOWER}),
    # pain of the girdles is not weakness; "cintura" alone is the waist
    ("pt girdle pain", "Queixava-se de dor na cintura escapular e pélvica.", set()),
    ("es waist", "Refería debilidad general y dolor en la cintura.", set()),
    ("pt deficit of another kind", "Défice de vitamina D; dor na cintura pélvica.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), GIRDLES, ids=[r[0] for r in GIRDLES])
def test_weakness_of_a_girdle_in_the_romance_languages(
    label: str, note: str, expected: set[str]
) -> None:
    assert present(note) & BOTH == expected


def test_a_denied_girdle_deficit_is_absent() -> None:
    got = findings_of("Sem défice de força na cintura escapular.")
    assert got.get(UPPER) is False and LOWER not in got


# ---------------------------------------------------------------- cancers of the blood
OTHER = ("other", "other")
BLOOD = [
    ("pt myeloma", "Homem de 70 anos, portador de mieloma múltiplo há três anos.", [OTHER]),
    ("es myeloma", "Antecedente de mieloma múltiple en tratamiento.", [OTHER]),
    ("fr myeloma", "Suivi pour un myélome multiple depuis 2019.", [OTHER]),
    ("it myeloma", "Paziente con mieloma multiplo in remissione.", [OTHER]),
    ("es leukaemia", "Antecedente de leucemia mieloide aguda tratada.", [OTHER]),
    # chronic lymphocytic leukaemia stays a lymphoma
    ("pt cll", "Portador de leucemia linfocítica crônica.", [("other", "lymphoma")]),
    # denied, a relative's, or a word that only starts alike: none
    ("pt denied", "Sem evidência de mieloma múltiplo na medula.", []),
    ("es spina bifida", "Antecedente de mielomeningocele operado al nacer.", []),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), BLOOD, ids=[r[0] for r in BLOOD])
def test_myeloma_and_leukaemia_in_the_romance_languages(
    label: str, note: str, expected: list[tuple[str, str]]
) -> None:
    assert tumour_sites(note) == expected


# ---------------------------------------------------------------- a raised list of labs
RAISED = [
    ("pt degree and list",
     "Nos exames, elevação acentuada de transaminases, creatinofosfoquinase e aldolase.",
     {"ck": True}),
    ("es degree and list", "Se constató elevación marcada de transaminasas, CPK y LDH.",
     {"ck": True, "ldh": True}),
    ("fr degree", "Bilan : élévation importante des CPK et des LDH.", {"ck": True, "ldh": True}),
    ("pt bracketed alias",
     "Houve elevação de creatina quinase (CK sérica) e desidrogenase láctica (LDH) no dia 3.",
     {"ck": True, "ldh": True}),
    # a denial before the nominal stays a denial, with or without the adjective
    ("pt denied", "Sem elevação relevante de CK.", {"ck": False}),
    ("es denied", "No hubo elevación significativa de CPK.", {"ck": False}),
    ("pt other lab raised", "Elevação acentuada de PCR e VS; CK normal.", {"ck": False}),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), RAISED, ids=[r[0] for r in RAISED])
def test_a_raised_list_of_labs_in_the_romance_languages(
    label: str, note: str, expected: dict[str, bool]
) -> None:
    for code, raised in expected.items():
        labs = labs_coded(note, code)
        assert [lab.above_uln for lab in labs] == [raised], (code, labs)


# ---------------------------------------------------------------- strength on a movement
MOVEMENTS = [
    ("pt hip flexion", "Ao exame, redução global da força na flexão das coxas.", {LOWER}),
    ("es hip flexion",
     "Exploración: disminución de la fuerza muscular en la flexión de la cadera izquierda.",
     {LOWER}),
    ("fr shoulder abduction", "Examen : diminution de la force à l'abduction des épaules.",
     {UPPER}),
    ("it hip flexion", "Obiettivamente riduzione della forza nella flessione dell'anca.", {LOWER}),
    # a reduced pain or range on the movement is not weakness
    ("pt pain", "Diminuição da dor na flexão do quadril após a infiltração.", set()),
    ("es range", "Disminución del rango de movimiento en la flexión de cadera.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("label", "note", "expected"), MOVEMENTS, ids=[r[0] for r in MOVEMENTS])
def test_strength_reduced_on_a_proximal_movement(label: str, note: str, expected: set[str]) -> None:
    assert present(note) & BOTH == expected
