"""Issue #10 (lead, round 21 review and after opening heldout29).

Our own sentences, read through the real extractor; the values are worked out by hand.

- an examination's bare denial of ulcers is the skin's ("sin úlceras": cutaneous ulceration
  absent), but a denial whose site follows the noun in a Romance language ("sin úlceras orales",
  "sem úlceras orais", "pas d'ulcérations buccales") is of the mouth's ulcers, as the English "no
  oral ulcers" is: nothing is recorded about the skin.
"""

from __future__ import annotations

import pytest

from .helpers import findings_of

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    "note",
    [
        "Mujer de 50 años. Exploración: sin úlceras orales.",
        "Mulher de 50 anos. Exame: sem úlceras orais.",
        "Femme de 50 ans. Examen : pas d'ulcérations buccales.",
        "A 50-year-old woman. Examination: no oral ulcers.",
    ],
)
def test_a_denied_ulcer_of_the_mouth_says_nothing_of_the_skin(note: str) -> None:
    assert "cutaneous_ulceration" not in findings_of(note)


@pytest.mark.parametrize(
    "note",
    [
        "Mujer de 50 años. Exploración: sin úlceras.",
        "A 50-year-old woman. Examination: no ulcers.",
    ],
)
def test_a_bare_denied_ulcer_is_the_skins(note: str) -> None:
    assert findings_of(note).get("cutaneous_ulceration") is False
