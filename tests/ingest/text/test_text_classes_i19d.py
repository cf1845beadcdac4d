"""Issue #10, round 19 (i19d): one convention for the grip and the finger flexors.

The grip is mostly the long finger flexors' work: a grip graded at full strength (MRC 5, or
"normal", "full", "strong" where the note grades it) records the EULAR/ACR item "finger flexor
weakness" absent. A weaker grip counts as distal upper weakness only: it does not prove the finger
flexors weak (pain, the wrist or the hand's intrinsic muscles also weaken a grip), so the item is
not assessed from it. The finger flexors graded by name still decide the item. Every language
whose grip words rules/strength.yaml holds reads the same.

Every expected value is worked out by hand from the sentence: True present, False absent, None
not assessed (never a silent no).
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 12, 2)
ANCHOR = date(2026, 11, 20)


def _finding(text: str, code: str) -> bool | None:
    """The finding ``code`` as read: True present, False absent, None not assessed."""
    case = extract_case(text, anchor=ANCHOR, today=TODAY).case
    states = {f.present for f in case.findings if f.code.value == code}
    assert len(states) <= 1, f"{code} read both present and absent"
    return states.pop() if states else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a grip at full grade: the finger flexors are not weak
        ("Man of 66. Deltoids 4/5 and iliopsoas 3/5 on both sides, hand grip 5/5.", False),
        ("Man of 66. Power: hip flexors 4-/5 bilaterally. Grip strength normal.", False),
        ("Man of 66. Quadriceps 4/5 both sides; full grip strength bilaterally.", False),
        ("Man of 66. Shoulder abduction 4/5 bilaterally, grips strong.", False),
        ("Mann, 66 Jahre. Hüftbeuger beidseits 4/5, Händedruck beidseits 5/5.", False),
        ("Man, 66 år. Höftflexion 4/5 bilateralt, greppstyrka 5/5.", False),
        ("Mężczyzna, 66 lat. Zginacze bioder 4/5, uścisk dłoni 5/5.", False),
        # a weak grip says nothing of the finger flexors
        ("Man of 66. Deltoids 4/5 and iliopsoas 3/5 on both sides, hand grip 4/5.", None),
        ("Mann, 66 Jahre. Hüftbeuger beidseits 4/5, Händedruck beidseits 4-/5.", None),
        # the finger flexors graded by name decide, whatever the grip
        ("Man of 66. Deltoids 4/5, grip 5/5, finger flexion 4/5 on both sides.", True),
        ("Man of 66. Deltoids 4/5, finger flexors 5/5, grip 4/5.", False),
        # another person's grip, or a general statement, is not the patient's
        ("Man of 66. Deltoids 4/5 bilaterally. His brother's grip was 5/5.", None),
        ("Man of 66. Deltoids 4/5 bilaterally. A grip of 5/5 is normal in healthy adults.", None),
    ],
)
def test_grip_and_the_finger_flexors(text: str, expected: bool | None) -> None:
    assert _finding(text, "finger_flexor_weakness") is expected


def test_weak_grip_still_counts_as_distal_upper() -> None:
    # the legs' proximal muscles against the distal: a grip is neither, so the item stays unread
    # while the arms' proximal weakness is read as before
    text = "Man of 66. Deltoids 4/5 bilaterally, hand grip 4/5 bilaterally."
    assert _finding(text, "weakness_proximal_upper") is True
    assert _finding(text, "legs_proximal_weaker_than_distal") is None
    assert _finding(text, "finger_flexor_weakness") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the muscles in brackets after a group's grade are that group's, at its grade
        (
            "Man of 66. Hip flexors 3/5 bilaterally; distal power 5/5 (grip, ankle dorsiflexion).",
            False,
        ),
        ("Man of 66. Hip flexors 3/5 bilaterally; distal 4/5 (ankle dorsiflexion and grip).", None),
        # a bracketed muscle with its own grade keeps it, and the grip after it its own
        ("Man of 66. Hip flexors 4/5 (quadriceps 3/5), grip 4/5.", None),
    ],
)
def test_muscles_bracketed_after_a_grade(text: str, expected: bool | None) -> None:
    assert _finding(text, "finger_flexor_weakness") is expected


def test_bracketed_ankles_take_the_distal_grade() -> None:
    # the ankles at 5/5 in the brackets: the legs' proximal muscles (3/5) are the weaker
    text = "Man of 66. Hip flexors 3/5 bilaterally; distal power 5/5 (grip, ankle dorsiflexion)."
    assert _finding(text, "legs_proximal_weaker_than_distal") is True


def test_words_about_a_bracketed_muscle_keep_it_ungraded() -> None:
    # the extension is named as not tested: it takes no grade from the flexion before it
    text = "Man of 66. Hip flexors 3/5 bilaterally, neck flexion 3/5 (extension not tested)."
    assert _finding(text, "neck_flexors_weaker_than_extensors") is None
