"""Failure classes of the opened set reports:heldout_z (issue #10, round 28, helper i28b): a
muscle enzyme's activity in the bare unit "IU" or "U" (the litre left out). Every vignette is our
own; expected values are worked out by hand (the thresholds of rules/lexicon.yaml: a bare CK or
LDH above 1000 U/L, a bare AST/ALT above 79 U/L)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import labs_coded


# ------------------------------------------------------- enzymes in the bare unit "IU" or "U"
@pytest.mark.parametrize(
    ("words", "code", "value", "above"),
    [
        ("Her LDH measured 2875 IU.", "ldh", 2875, True),
        ("The SGPT was 312 IU on admission.", "alt", 312, True),
        ("Serum creatine kinase 6400 U at presentation.", "ck", 6400, True),
        ("SGOT was 25 IU.", "ast", 25, None),  # within every range: not judged
    ],
)
def test_enzyme_in_bare_international_units_is_read_per_litre(
    words: str, code: str, value: float, above: bool | None
) -> None:
    (lab,) = labs_coded(f"A 52-year-old man. {words}", code)
    assert (lab.value, lab.unit) == (value, "U/L")
    assert lab.is_above_uln is above


def test_bare_international_units_of_a_dose_are_no_enzyme() -> None:
    # guard: "IU" after a vitamin's dose is a dose, not a laboratory unit of an enzyme
    assert labs_coded("A 52-year-old man. Given vitamin D 50000 IU weekly.", "ck") == []
