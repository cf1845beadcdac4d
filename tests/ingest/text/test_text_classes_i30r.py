"""issue #10 (i30r): non-English report prose. A Chinese or Japanese examination that grades the
movement named by its joint in a run ("颈部前屈 3/5、髋关节屈曲 2/5"), not the muscle. Our own
sentences (never a report's); each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import LEGS_PROX, LOWER, NECK, UPPER, findings_of

_ITEMS = (UPPER, LOWER, NECK, LEGS_PROX)


# --- the CJK grade of a joint's movement ("部位 n/5") -----------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "患者，男，60岁。查体：颈部前屈 3/5、颈部伸展 5/5、肩关节外展 4/5、髋关节屈曲 3/5、"
            "踝关节背屈 5/5。",
            {UPPER, LOWER, NECK, LEGS_PROX},
        ),
        # the lay "bending" of the hip, the arm's abduction, the knee straightened
        (
            "患者，女，49岁。手臂外展 4/5，髋关节弯曲 3/5，膝关节伸直 4/5，踝关节跖屈 5/5。",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # traditional characters, the neck bent backwards
        ("患者，男，61歲。頸部屈曲 3/5，頸部後伸 5/5。", {NECK}),
        # Japanese
        (
            "60歳男性。徒手筋力テスト：頸部屈曲 3/5、頸部伸展 5/5、肩関節外転 4/5、股関節屈曲 3/5、"
            "足関節背屈 5/5。",
            {UPPER, LOWER, NECK, LEGS_PROX},
        ),
        # guard: every movement at full strength is no weakness
        (
            "患者，男，60岁。颈部屈曲 5/5、颈部后伸 5/5、手臂外展 5/5、髋关节弯曲 5/5、"
            "踝关节跖屈 5/5。",
            set(),
        ),
        # guard: the distal leg weaker than the hip is not "proximal weaker than distal"
        ("患者，男，60岁。髋关节屈曲 4/5，踝关节背屈 3/5。", {LOWER}),
    ],
)
def test_cjk_joint_movement_grades(text: str, expected: set[str]) -> None:
    got = findings_of(text)
    assert {k for k in _ITEMS if got.get(k)} == expected


# --- Spanish and Portuguese: weakness "in the proximal region of the lower limbs" ------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the region noun and the course between the weakness and its place; the limb after it
        (
            "Mujer de 58 años. Refiere debilidad muscular de evolución lenta en la región "
            "proximal de las extremidades inferiores.",
            {LOWER},
        ),
        (
            "Mulher de 58 anos. Refere fraqueza muscular progressiva na porção proximal dos "
            "membros superiores.",
            {UPPER},
        ),
        ("Varón de 58 años. Debilidad muscular proximal de los miembros inferiores.", {LOWER}),
        # guard: no limb named, both limbs
        ("Varón de 58 años. Debilidad muscular en la región proximal.", {UPPER, LOWER}),
        # guard: a word that is neither glue nor a limb ends the complement
        (
            "Varón de 58 años. Debilidad muscular proximal de predominio en miembros inferiores.",
            {UPPER, LOWER},
        ),
    ],
)
def test_romance_proximal_region_of_a_limb(text: str, expected: set[str]) -> None:
    got = findings_of(text)
    assert {k for k in (UPPER, LOWER) if got.get(k)} == expected


# --- Portuguese: "não" denying how a sign was described does not deny the list after it ------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paciente de 47 anos, masculino. Surgiram fraqueza não descrita como proximal, "
            "disfagia e febre.",
            True,
        ),
        ("Paciente de 47 anos, feminina. Dor muscular não referida como intensa, disfagia.", True),
        # guard: "não" before the verb still denies what follows
        ("Paciente de 47 anos, masculino. Não apresentava disfagia nem febre.", False),
        ("Paciente de 47 anos, masculino. Não relatou disfagia.", False),
    ],
)
def test_portuguese_not_described_as_is_local(text: str, expected: bool) -> None:
    assert findings_of(text).get("dysphagia") is expected


def test_portuguese_not_described_as_proximal_is_no_proximal_weakness() -> None:
    got = findings_of(
        "Paciente de 47 anos, masculino. Fraqueza muscular não descrita como proximal, disfagia."
    )
    assert not got.get(UPPER) and not got.get(LOWER)
