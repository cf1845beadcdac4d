"""Issue #10, twenty-third session (branch i48r): classes of wording in the investigations and
the treatments of the notes. Each expectation is worked out by hand on sentences written for this
test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
VISIT = date(2026, 11, 20)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _tests(text: str) -> list[tuple[str, str, date]]:
    case = extract_case(LEAD + text, anchor=VISIT, today=TODAY).case
    return sorted((i.code.value, i.result.value, i.date) for i in case.investigations)


# --- a test the note says was booked, requested or arranged is pending, whatever its date; one
# only suggested, or named for a later review, is not recorded (facts/investigations.py: the
# booking's context cue wins over patterns.yaml test_later; the suggested and later ones stay
# out as before)


@pytest.mark.parametrize(
    "sentence",
    [
        "I have booked a CT of the chest for next week.",
        "HRCT chest booked for next month.",
        "An HRCT has been arranged for next week.",
        "I have requested an HRCT in 2 weeks.",
    ],
)
def test_a_booked_chest_ct_is_pending(sentence: str) -> None:
    assert _tests(sentence) == [("ct_chest", "pending", VISIT)]


# --- a plan's heading in the other languages of the notes opens the plan: a test under it is
# requested (rules/sections.yaml other_language_titles plan)


@pytest.mark.parametrize(
    "heading", ["PLANA:", "Pla:", "Procedere:", "Plano:", "Beleid:", "An ath cheum", "ПЛАН:"]
)
def test_a_test_under_a_plan_heading_in_another_language_is_pending(heading: str) -> None:
    text = f"Examination unremarkable.\n\n{heading}\n- Colonoscopy.\n"
    assert _tests(text) == [("colonoscopy", "pending", VISIT)]
