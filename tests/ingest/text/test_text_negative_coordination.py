"""Issue #10: a denial coordinated with "nor" in the other supported languages denies each item
it adds ("No se detectó anticuerpo anti-Jo-1 ni anti-PL-7" had read anti-PL-7 as positive)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, present


@pytest.mark.parametrize(
    "note",
    [
        "Mujer de 50 años. No se detectó ningún anticuerpo anti-Jo-1 ni anti-PL-7.",
        "Mujer de 50 años. Sin anticuerpos anti-Jo-1 ni anti-PL-7.",
        "Femme de 50 ans. Pas d'anticorps anti-Jo-1 ni anti-PL-7.",
        "Mulher de 50 anos. Não foram detectados anti-Jo-1 nem anti-PL-7.",
        "Frau, 50 Jahre. Weder Anti-Jo-1 noch Anti-PL-7 nachweisbar.",
    ],
)
def test_each_item_of_a_coordinated_denial_is_negative(note: str) -> None:
    found = antibody_results(note + "\n")
    assert found.get("PL7") == "negative"
    assert found.get("JO1") == "negative"


def test_a_positive_before_the_coordinated_denial_stays_positive() -> None:
    found = antibody_results("Mujer de 50 años. Anti-Jo-1 positivo, ni anti-PL-7 ni anti-PL-12.\n")
    assert found == {"JO1": "positive", "PL7": "negative", "PL12": "negative"}


def test_french_born_is_no_coordinator() -> None:
    # "né le" is "born on": the finding after it is the patient's own
    assert "heliotrope_rash" in present(
        "Patient né le 12/03/1960, érythème liliacé des paupières.\n"
    )
