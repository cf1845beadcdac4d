"""Issue #10, twenty-sixth session (branch i51f): classes of wording that date the findings.
Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _findings(text: str) -> set[tuple[str, bool, date | None]]:
    facts = extract_case(text, today=TODAY).facts
    return {(f.code, f.status == "present", f.date) for f in facts if f.type == "finding"}


# --- a record system's day and month with a hyphen and no year ("21-Nov"), in a note that
# prints its full dates so ("24-Nov-2026"): a day of the note's year (rules/patterns.yaml
# time.dates, group dm; _style marks the note by group dmy)

RECORD = "Ward record 24-Nov-2026\nA 58-year-old man with dermatomyositis.\n\n"


@pytest.mark.parametrize(
    ("block", "day"),
    [
        # a dated heading, with a time of day and who saw the patient, over its rows
        ("Neurology review 19-Nov 09:30 (Dr P. Ansah):\n  Heliotrope rash.\n", date(2026, 11, 19)),
        ("Reviewed 3-Oct:\n  Heliotrope rash.\n", date(2026, 10, 3)),
        # the day inside the sentence
        ("Seen in clinic on 12-Sep: heliotrope rash.\n", date(2026, 9, 12)),
        # a month later than the note's: last year's, as "15 Dec" in a November note
        ("Seen in clinic on 28-Dec: heliotrope rash.\n", date(2025, 12, 28)),
    ],
)
def test_a_record_systems_day_without_its_year_dates_the_finding(block: str, day: date) -> None:
    assert ("heliotrope_rash", True, day) in _findings(RECORD + block)


def test_the_heading_dates_each_row_under_it() -> None:
    got = _findings(
        RECORD + "Neurology review 19-Nov 09:30:\n  Heliotrope rash.\n  No dysphagia.\n"
    )
    assert ("heliotrope_rash", True, date(2026, 11, 19)) in got
    assert ("dysphagia", False, date(2026, 11, 19)) in got


@pytest.mark.parametrize(
    "other",
    [
        # a note that writes no full "24-Nov-2026" date: its "19-Nov" is left unread
        "Ward record 24/11/2026\nA 58-year-old man with dermatomyositis.\n\n"
        "Seen in clinic on 19-Nov: heliotrope rash.\n",
        # a two-digit year or a longer code after the month is no day of the note's year
        RECORD + "Seen in clinic on 19-Nov-25: heliotrope rash.\n",
        RECORD + "Sample 19-Nov-B7: heliotrope rash.\n",
    ],
)
def test_only_the_record_systems_form_is_read_so(other: str) -> None:
    # the form itself is read (this fails without the rule) ...
    assert ("heliotrope_rash", True, date(2026, 11, 19)) in _findings(
        RECORD + "Seen in clinic on 19-Nov: heliotrope rash.\n"
    )
    # ... and the same day and month outside it is not the note's year
    assert ("heliotrope_rash", True, date(2026, 11, 19)) not in _findings(other)


# --- the disease named "from DATE" or "since DATE" before a bracket of its signs: the
# bracket's signs are the presentation, dated from that date, not by the diagnosis's date later
# in the sentence (rules/patterns.yaml disease_since_bracket; _draft.finding_time)

CLINIC = "Clinic 20/11/2026. A 61-year-old woman. "


@pytest.mark.parametrize(
    ("sentence", "day", "codes"),
    [
        (
            "Background: dermatomyositis from May 2026 (heliotrope rash, Gottron papules, "
            "proximal weakness), diagnosed 14/07/2026.",
            date(2026, 5, 1),
            {"heliotrope_rash", "gottron_papules", "weakness_proximal_upper"},
        ),
        (
            "DM since 03/2026 (eyelid rash, weak thighs), diagnosed 14/07/2026 by rheumatology.",
            date(2026, 3, 1),
            {"heliotrope_rash", "weakness_proximal_lower"},
        ),
    ],
)
def test_the_bracket_after_the_diseases_start_is_dated_from_it(
    sentence: str, day: date, codes: set[str]
) -> None:
    got = _findings(CLINIC + sentence)
    for code in codes:
        assert (code, True, day) in got, code
        assert (code, True, date(2026, 7, 14)) not in got, code


@pytest.mark.parametrize(
    "sentence",
    [
        # the diagnosis's own date before the bracket dates it, as before
        "Dermatomyositis diagnosed 14/07/2026 (heliotrope rash, Gottron papules).",
        # a drug taken since a date is not the disease: its bracket keeps the sentence's date
        "On mycophenolate since 03/2026 (heliotrope rash still there), diagnosed 14/07/2026.",
    ],
)
def test_a_bracket_after_another_date_is_not_the_presentation(sentence: str) -> None:
    # the disease's start dates its bracket (this fails without the rule) ...
    started = "Dermatomyositis from 03/2026 (heliotrope rash), diagnosed 14/07/2026."
    assert ("heliotrope_rash", True, date(2026, 3, 1)) in _findings(CLINIC + started)
    # ... and a bracket after another date keeps the sentence's date
    got = _findings(CLINIC + sentence)
    assert ("heliotrope_rash", True, date(2026, 7, 14)) in got


# --- two questions of a tick-box form on one line, the second's label with no colon before its
# own boxes: each question's answer is its own boxes' (_normalise._NEXT_FIELD)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "  Symptoms now: Raynaud's [x] Yes [ ] No   Difficulty swallowing [ ] Yes [x] No\n",
            {("raynaud", True), ("dysphagia", False)},
        ),
        (
            "  Raynaud's [ ] Yes [x] No   Difficulty swallowing [x] Yes [ ] No\n",
            {("raynaud", False), ("dysphagia", True)},
        ),
        (
            "  Muscle pain [x] Yes [ ] No   Joint swelling [ ] Yes [x] No   "
            "Weight loss [x] Yes [ ] No\n",
            {("myalgia", True), ("arthritis", False), ("weight_loss", True)},
        ),
    ],
)
def test_each_question_on_a_tick_box_line_has_its_own_answer(
    row: str, expected: set[tuple[str, bool]]
) -> None:
    got = {(code, present) for code, present, _ in _findings(CLINIC + "\n" + row)}
    assert expected <= got
    # never the other polarity
    assert not {(code, not present) for code, present in expected} & got
