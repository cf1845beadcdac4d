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


@pytest.mark.parametrize(
    "note",
    [
        "Donna di 50 anni. Assenza di anticorpi anti-Jo-1, anti-PL-7 e anti-PL-12.",
        "Femme de 50 ans. Absence d'anticorps anti-Jo-1, anti-PL-7 et anti-PL-12.",
        "Mujer de 50 años. Ausencia de anticuerpos anti-Jo-1, anti-PL-7 y anti-PL-12.",
        # the Portuguese spelling shares its accent-free key with the Spanish one: it was never
        # matched, and the panel's last two were read POSITIVE
        "Mulher de 50 anos. Ausência de anticorpos anti-Jo-1, anti-PL-7 e anti-PL-12.",
    ],
)
def test_absence_as_a_noun_denies_a_whole_list(note: str) -> None:
    assert antibody_results(note + "\n") == {
        "JO1": "negative",
        "PL7": "negative",
        "PL12": "negative",
    }


def test_absence_ends_at_a_clause_stop() -> None:
    found = antibody_results(
        "Mujer de 50 años. Ausencia de anticuerpos anti-Jo-1; anti-PL-7 positivo.\n"
    )
    assert found == {"JO1": "negative", "PL7": "positive"}


def test_portuguese_absence_of_a_finding() -> None:
    assert "dysphagia" not in present("Mulher de 50 anos. Ausência de disfagia.\n")
