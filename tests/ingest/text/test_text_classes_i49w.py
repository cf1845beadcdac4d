"""Issue #10, twenty-fourth session (branch i49w): classes of wording in the strength
examination and its dates. Each expectation is worked out by hand on sentences written for this
test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 12, 1)


def _weakness(text: str) -> set[tuple[str, bool, date | None]]:
    case = extract_case(text, today=TODAY).case
    return {
        (f.code.value, f.present, f.date)
        for f in case.findings
        if f.code.value.startswith("weakness_proximal")
    }


# --- a section heading typed in capitals dates the lines under it, whatever else its bracket
# says (_timeline._capitals_label)


@pytest.mark.parametrize(
    "heading",
    [
        "PHYSIOTHERAPY REVIEW (12/11/2026, morning ward round)",
        "PART 3 - STRENGTH TESTING (senior physiotherapist, 12/11/2026)",
        "НЕВРОЛОГИЧЕСКИЙ СТАТУС (12/11/2026, palata 4)",
    ],
)
def test_a_capitals_heading_dates_its_section(heading: str) -> None:
    note = (
        "Rheumatology letter, 25/11/2026\n"
        "Dermatomyositis, seen today for review.\n\n"
        f"{heading}\n"
        "Shoulder abduction 3/5 both sides; hip flexion 3/5 both sides.\n"
        "Ankle dorsiflexion 5/5.\n\n"
        "Plan: continue prednisolone.\n"
    )
    day = date(2026, 11, 12)
    assert _weakness(note) == {
        ("weakness_proximal_upper", True, day),
        ("weakness_proximal_lower", True, day),
    }


# --- the grip and the finger flexors named in more words (rules/strength.yaml grip,
# finger_flexors): at full grade, the finger-flexor item absent


def _finger(text: str) -> set[tuple[bool, date | None]]:
    case = extract_case(text, today=TODAY).case
    return {(f.present, f.date) for f in case.findings if f.code.value == "finger_flexor_weakness"}


@pytest.mark.parametrize(
    "grade_line",
    [
        "Power: deltoids 4/5, iliopsoas 4/5, handgrip 5/5 on both sides.",
        "Cryfder: ysgwyddau 4/5, gafael llaw 5/5 ar y ddwy ochr.",
        "ମାଂସପେଶୀ ଶକ୍ତି: deltoid 4/5, ମୁଠା ଶକ୍ତି 5/5.",
        "Muskelkraaft: Deltoideus 4/5, Fangerbéier 5/5 béidsäiteg.",
        "Əzələ gücü: deltaəzələ 4/5, əl sıxma gücü 5/5 hər iki tərəfdə.",
    ],
)
def test_a_full_grip_in_more_words_is_no_finger_flexor_weakness(grade_line: str) -> None:
    note = f"Clinic 20/11/2026. Dermatomyositis, seen today.\n{grade_line}\n"
    assert _finger(note) == {(False, date(2026, 11, 20))}


# --- every group said with "major", "every" or "tested" (rules/strength.yaml throughout): full
# grades everywhere, so no proximal weakness on that examination


@pytest.mark.parametrize(
    "grade_line",
    [
        "On examination power was 5/5 in all major muscle groups.",
        "Strength: full (5/5) in every muscle tested, arms and legs.",
        "Strength: full strength (5/5) in every muscle we tested today.",
    ],
)
def test_full_grades_in_every_group_are_no_proximal_weakness(grade_line: str) -> None:
    note = f"Clinic 20/11/2026. Dermatomyositis in remission, seen today.\n{grade_line}\n"
    day = date(2026, 11, 20)
    assert _weakness(note) == {
        ("weakness_proximal_upper", False, day),
        ("weakness_proximal_lower", False, day),
    }


# --- a record's entry stamp dates its lines past the labels inside the entry ("PMH:", "O/E:"),
# to a blank line or the next stamp (_timeline._blank_line_between)


def test_an_entry_stamp_dates_its_labelled_lines() -> None:
    note = (
        "Community clinic record\n\n"
        "10 Nov 2026 09:20  Nurse review (RGN)\n"
        "Rash on the eyelids, feels tired.\n\n"
        "18 Nov 2026 11:40  Doctor review (GP)\n"
        "PMH: hypertension.\n"
        "O/E: shoulder abduction 4/5 both sides, hip flexion 4/5 both sides.\n"
        "Plan: refer to rheumatology.\n"
    )
    day = date(2026, 11, 18)
    assert _weakness(note) == {
        ("weakness_proximal_upper", True, day),
        ("weakness_proximal_lower", True, day),
    }
