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
