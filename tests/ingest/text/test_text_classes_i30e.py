"""issue #10 (i30e): a negated "have" ("did not have", "does not have") denies a whole list of
complaints, also after a colon, past the six tokens of the bare "not"; a discolouration or patches
called black, brown or grey over the joints are a pigmentary change, not Gottron's sign (unless a
red word stands with the colour). Our own sentences (never a report's); each class has a guard."""

from __future__ import annotations

import pytest

from .helpers import findings_of


@pytest.mark.parametrize(
    "text",
    [
        # the list after a colon, its first item two words long
        "An 8-year-old boy with a scaly rash. Yet he did not have: tiredness or muscle pain, "
        "difficulty swallowing, joint swelling.",
        # no colon, the last item joined by "or"
        "A 40-year-old woman with a heliotrope rash. She does not have fever, night sweats, "
        "difficulty swallowing or joint swelling.",
        "A 61-year-old man with a rash. He has not had chills, weight change, difficulty "
        "swallowing, joint swelling.",
    ],
)
def test_negated_have_denies_its_whole_list(text: str) -> None:
    found = findings_of(text)
    assert found.get("dysphagia") is False
    assert found.get("arthritis") is False


def test_negated_have_stops_at_but() -> None:
    # guard: "but had" asserts what follows it
    text = (
        "A 50-year-old man. He did not have fever but had difficulty swallowing and joint swelling."
    )
    found = findings_of(text)
    assert found.get("dysphagia") is True
    assert found.get("arthritis") is True


def test_negated_have_stops_at_the_sentence() -> None:
    # guard: the next sentence is not in the scope
    text = "A 50-year-old man. He did not have a fever. Difficulty swallowing was reported."
    assert findings_of(text).get("dysphagia") is True


@pytest.mark.parametrize(
    "text",
    [
        "A 13-year-old girl with bluish-black discoloration on her elbows and knees for a year.",
        "A 45-year-old man with dark brown patches over the knuckles and elbows.",
        "A 30-year-old woman with greyish discolouration over the elbows.",
    ],
)
def test_dark_discolouration_over_joints_is_no_gottron_sign(text: str) -> None:
    assert "gottron_sign" not in findings_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a red word with the colour, a red discolouration, and "black" not naming the
        # lesion's colour
        "A 45-year-old man with reddish-brown patches over the knuckles.",
        "A 30-year-old woman with erythematous discoloration over the elbows and knees.",
        "A black 12-year-old girl with a rash over the knuckles.",
        "A 12-year-old girl with a rash over the knuckles, hard to see on black skin.",
    ],
)
def test_red_or_uncoloured_lesion_over_joints_stays_gottron_sign(text: str) -> None:
    assert findings_of(text).get("gottron_sign") is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 58-year-old man. Examination found proximal upper extremity weakness. His "
            "proximal muscle weakness worsened over the next weeks.",
            {"weakness_proximal_upper"},
        ),
        (
            "A 44-year-old woman. On exam she had proximal lower limb weakness. Her proximal "
            "muscle weakness became worse.",
            {"weakness_proximal_lower"},
        ),
    ],
)
def test_possessive_back_reference_adds_no_other_limb(text: str, expected: set[str]) -> None:
    found = findings_of(text)
    weak = {c for c, present in found.items() if c.startswith("weakness_proximal") and present}
    assert weak == expected


@pytest.mark.parametrize(
    "text",
    [
        # guards: no limb named before, or a new statement (no possessive) naming none
        "A 58-year-old man with a heliotrope rash. His proximal muscle weakness worsened.",
        "A 58-year-old man. Examination found proximal upper extremity weakness. Proximal "
        "muscle weakness was then found in all four limbs.",
    ],
)
def test_unlimbed_proximal_weakness_stays_both(text: str) -> None:
    found = findings_of(text)
    assert found.get("weakness_proximal_upper") is True
    assert found.get("weakness_proximal_lower") is True
