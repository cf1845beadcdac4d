"""issue #10 (i24b): the prose of a published case report in Chinese, Japanese, Korean, German,
French and Spanish, after opening heldout_v. Each class is tried in our own short vignettes,
written from the language's grammar (no sentence is taken from a report); the expected facts
are worked out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import antibody_results, labs_above_uln, sex_and_age

# ------------------------------------------------------------------ German: the abbreviated noun


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("Ein 57-jähr. Pat. klagte über Schwäche der Oberschenkel.", 57),
        ("Eine 44-jähr. Pat. wurde mit Hautausschlag aufgenommen.", 44),
        ("Der 63-jährige Pat. wurde stationär aufgenommen.", 63),
    ],
)
def test_german_abbreviated_patient_carries_the_age(words: str, age: int) -> None:
    assert sex_and_age(words)[1] == age


def test_german_abbreviated_patient_without_an_age_gives_none() -> None:
    # guard: the noun alone states no age
    assert sex_and_age("Der Pat. berichtete über Schluckbeschwerden.")[1] is None


# ------------------------------------------------------------------ German: detectable antibodies


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Im Serum waren ANA und Anti-Mi-2-Antikörper nachweisbar.", {"ANA": "positive", "MI2": "positive"}),
        ("Anti-TIF1-γ war nachweisbar.", {"TIF1G": "positive"}),
        ("Im Immunoblot ließen sich Anti-MDA5-Antikörper nachweisen.", {"MDA5": "positive"}),
        ("Es fanden sich hochtitrige ANA.", {"ANA": "positive"}),
        # the denial next to it keeps its own antibody
        ("Anti-SRP war nachweisbar, Anti-Jo-1 nicht nachweisbar.", {"SRP": "positive", "JO1": "negative"}),
    ],
)
def test_german_detectable_antibody_is_positive(words: str, expected: dict[str, str]) -> None:
    assert antibody_results(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "Es waren keine Anti-PL-7-Antikörper nachweisbar.",
        "Anti-PL-7-Antikörper waren nicht nachweisbar.",
        "Kein Nachweis von Anti-PL-7-Antikörpern.",
    ],
)
def test_german_undetectable_antibody_is_negative(words: str) -> None:
    # guard: "kein Nachweis von" was read as the "Nachweis von" of a positive
    assert antibody_results(words) == {"PL7": "negative"}


# ------------------------------------------------------------------ a raised value denied


@pytest.mark.parametrize(
    "words",
    [
        "Die CK war nicht erhöht.",
        "Les CPK n'étaient pas élevées.",
        "La CPK no elevada en dos controles.",
        "A CK não elevada.",
        "La CK non aumentata.",
    ],
)
def test_a_raised_value_denied_is_not_raised(words: str) -> None:
    assert all(above is not True for _, above in labs_above_uln(words))


def test_a_raised_value_stated_stays_raised() -> None:
    # guard: the participle without its negation
    assert labs_above_uln("Die CK war deutlich erhöht.") == [("ck", True)]
