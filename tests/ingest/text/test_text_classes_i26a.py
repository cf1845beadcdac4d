"""issue #10 (i26a): the opened report sets' remaining misses, as classes. Our own vignettes (no
sentence is taken from a report). The expected items follow from the EULAR/ACR 2017 glossary
(Lundberg et al., Ann Rheum Dis 2017;76:1955): Gottron's papules lie over the extensor side of
the joints; proximal weakness of the legs is weakness of the hip girdle's muscles."""

from __future__ import annotations

import pytest

from .helpers import LOWER, UPPER, antibody_results, findings_of, sex_and_age

# ------------------------------------------------------- a plus written onto an antigen's number


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The myositis blot showed Mi 2+ antibodies.", {"MI2": "positive"}),
        ("Extended panel: Jo 1+ antibodies, no other band.", {"JO1": "positive"}),
        ("Her line blot was Mi 2 + on two runs.", {"MI2": "positive"}),
        # guards: the band's own grade after the name keeps its meaning
        ("Line blot: Mi-2 2+, Jo-1 negative.", {"MI2": "positive", "JO1": "negative"}),
        ("Line blot: Mi 2 1+.", {"MI2": "weak_positive"}),
        ("Line blot: Jo 1 negative.", {"JO1": "negative"}),
    ],
)
def test_a_plus_on_the_antigens_number_is_its_positive_result(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(f"A 52-year-old man with a rash. {sentence}") == expected


# ------------------------------------------------- the antinuclear test named by its target


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Serology showed positive anti–nuclear antigen antibodies (1:640).", {"ANA": "positive"}),
        ("Antinuclear antigen antibodies were negative.", {"ANA": "negative"}),
        # guards: the extractable nuclear antigens' panel is no ANA
        ("Anti-extractable nuclear antigen antibodies were negative.", {}),
        ("Extractable nuclear antigen antibodies were negative.", {}),
    ],
)
def test_the_antinuclear_antigen_antibodies_are_the_ana(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(f"A 61-year-old woman with fatigue. {sentence}") == expected


# --------------------------------------------------------- an age whose hyphens a copy lost


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A previously well 33yearold woman came with a facial rash.", ("female", 33)),
        ("A 58yearsold man was seen for weakness.", ("male", 58)),
        # guard: the hyphens kept still read as before
        ("A 33-year-old woman came with a facial rash.", ("female", 33)),
    ],
)
def test_an_age_with_its_hyphens_lost_is_read(sentence: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(sentence) == expected


# ------------------------------------------- the girdles coordinated before their muscles


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She reported two years of weakness of the hip and shoulder muscles.", {UPPER, LOWER}),
        ("Examination found weakness of shoulder and hip girdle muscles.", {UPPER, LOWER}),
        ("Examination found weakness of the hip muscles on both sides.", {LOWER}),
        # guards: negated both; the hip's pain is no weakness of the hip
        ("There was no weakness of the hip and shoulder muscles.", set()),
        ("She had hip pain and weakness of the shoulder muscles.", {UPPER}),
    ],
)
def test_the_girdles_coordinated_before_their_muscles_are_both_weak(
    sentence: str, expected: set[str]
) -> None:
    found = findings_of(f"A 47-year-old woman. {sentence}")
    assert {code for code in (UPPER, LOWER) if found.get(code)} == expected


# ------------------------------------------------------- papules on the backs of the hands


@pytest.mark.parametrize(
    "sentence",
    [
        "Violaceous papules were seen on the dorsal hand surfaces.",
        "There were scaly papules on the dorsum of the hands.",
    ],
)
def test_papules_on_the_backs_of_the_hands_alone_are_not_gottrons(sentence: str) -> None:
    assert "gottron_papules" not in findings_of(f"A 70-year-old man. {sentence}")


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: over the joints, the knuckles or the backs of the fingers they are
        "Violaceous papules were seen on the dorsal hands over the MCP joints.",
        "Flat-topped papules lay over her knuckles.",
        "There were papules on the dorsal fingers.",
    ],
)
def test_papules_over_the_joints_stay_gottrons(sentence: str) -> None:
    assert findings_of(f"A 70-year-old woman. {sentence}").get("gottron_papules") is True


# ------------------------------------------ a class of the disease's findings listed as such


@pytest.mark.parametrize(
    "sentence",
    [
        "Cutaneous manifestations include a heliotrope rash and Gottron's papules.",
        "Skin and mucosal findings include mouth ulcers, Gottron's papules and hair loss.",
    ],
)
def test_a_class_of_findings_listed_in_the_present_is_the_diseases(sentence: str) -> None:
    note = f"A 55-year-old man with ulcers on his elbows. Anti-MDA5 disease is rare. {sentence}"
    assert not {"heliotrope_rash", "gottron_papules"} & set(findings_of(note))


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: the patient's own findings, with a possessive, an examination or a past tense
        "His skin findings include Gottron's papules.",
        "On examination, skin findings include Gottron's papules.",
        "Skin findings included Gottron's papules.",
    ],
)
def test_the_patients_findings_stay_his(sentence: str) -> None:
    note = f"A 55-year-old man with ulcers on his elbows. {sentence}"
    assert findings_of(note).get("gottron_papules") is True
