"""Dates and the timeline (issue #10, i20a). Every sentence is our own; each expected value is
worked out by hand from the notes' gold conventions (tests/data/notes/README.md).

- a day and month without a year after the word of an event, a sample or a report ("admitted
  10/26", "seen 3/14", "sent by the rheumatology team 11/12"): the note's year, read either way
  round, the note's own full dates deciding an ambiguous one; never a grade, a duration, a score;
- a panel dated twice, by its sample and by its report, with who took or sent the sample between
  the sample's word and its date: the sample's date dates the results;
- a list of drugs: one item's stop or start words ("(held by cardiology)") are that item's, not
  the drug's before it; a drug named only as current ("MEDS: ...") gives no start of its own;
- a consult's request ("Dermatology consulted for ...") and the history's present verbs
  ("Endorses ...") speak from the visit, not from the admission dated the sentence before.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.ingest.text.helpers import case_of, dated_antibody_results, read


def treatments(note: str) -> dict[str, dict[str, Any]]:
    return {
        t.drug: {"dose": t.dose, "start": t.start, "stop": t.stop} for t in case_of(note).treatments
    }


def finding_dates(note: str) -> dict[str, date]:
    return {f.code.value: f.date for f in case_of(note).findings if f.present}


# ------------------------------------------------------------ a year-less date after an event
US_HEAD = "Clinic note 11/20/2026.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # month first, unambiguous (the day over 12): the note's year
        ("A 55-year-old man admitted 11/14 with a heliotrope rash.", date(2026, 11, 14)),
        (
            "A 55-year-old man seen 10/29 in the emergency room with a heliotrope rash.",
            date(2026, 10, 29),
        ),
        # "on" after the word, and the agent between the word and the date
        ("A 55-year-old man seen on 10/29 with a heliotrope rash.", date(2026, 10, 29)),
        ("A 55-year-old man seen by dermatology 10/29 with a heliotrope rash.", date(2026, 10, 29)),
        # ambiguous (both parts 12 or under): the note's own full date is month first
        ("A 55-year-old man admitted 11/3 with a heliotrope rash.", date(2026, 11, 3)),
    ],
)
def test_year_less_date_after_an_event_dates_the_finding(line: str, expected: date) -> None:
    assert finding_dates(US_HEAD + line)["heliotrope_rash"] == expected


def test_year_less_date_day_first_note() -> None:
    # a day-first note (its own date 20/11/2026): "admitted 3/11" is 3 November
    note = "Clinic note 20/11/2026.\nA 55-year-old man admitted 3/11 with a heliotrope rash.\n"
    assert finding_dates(note)["heliotrope_rash"] == date(2026, 11, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Seen 3/7 ago with a heliotrope rash.",  # three days ago, UK shorthand
        "Seen 4/5 power in the deltoids and a heliotrope rash.",  # a grade
        "Seen 3/12 ago with a heliotrope rash.",  # three months ago
    ],
)
def test_no_date_from_a_grade_or_a_duration(line: str) -> None:
    # nothing dated: the finding speaks from the visit (or from the duration), never 3 July,
    # 4 May or 3 December
    assert finding_dates(US_HEAD + line).get("heliotrope_rash") not in {
        date(2026, 3, 7),
        date(2026, 7, 3),
        date(2026, 4, 5),
        date(2026, 5, 4),
        date(2026, 3, 12),
        date(2026, 12, 3),
    }


def test_no_year_no_date() -> None:
    # no date of the note and no year: "admitted 10/26" has no year to take, not read
    drafts = read("A 55-year-old man admitted 10/26 with a heliotrope rash.\n")
    assert all(f.date.month != 10 or f.date.day != 26 for f in drafts.case.findings)


# ------------------------------------------------------------ the sample's date over the report's
@pytest.mark.parametrize(
    "bracket",
    [
        "(sent by the rheumatology team 11/12, resulted 11/19)",
        "(drawn at Quest 11/12, reported 11/19)",
        "(collected on 11/12, resulted 11/19)",
        "(resulted 11/19, collected by the ward nurse 11/12)",
    ],
)
def test_sample_date_over_report_date(bracket: str) -> None:
    note = f"{US_HEAD}Antibody panel {bracket}: anti-Mi-2 positive; anti-Jo-1 negative.\n"
    assert dated_antibody_results(note) == {
        ("MI2", "positive", "2026-11-12"),
        ("JO1", "negative", "2026-11-12"),
    }


def test_report_date_alone_dates_the_panel() -> None:
    # no sample's date: the report's date is the only one (not dropped)
    note = f"{US_HEAD}Antibody panel (resulted 11/19): anti-Mi-2 positive.\n"
    assert dated_antibody_results(note) == {("MI2", "positive", "2026-11-19")}


# ------------------------------------------------------------ a list item's words are its own
def test_stop_word_of_the_next_item_is_not_this_drugs() -> None:
    note = (
        f"{US_HEAD}He started prednisone 40 mg daily on 10/02/2026.\n"
        "Medications: prednisone 40 mg daily, simvastatin 20 mg (stopped by cardiology), "
        "amlodipine 5 mg.\n"
    )
    assert treatments(note) == {
        "prednisone": {"dose": "40 mg daily", "start": date(2026, 10, 2), "stop": None}
    }


def test_stop_of_the_same_item_still_read() -> None:
    # the drug's own clause after a comma ("..., stopped 11/10") opens no other item
    note = f"{US_HEAD}Prednisone 40 mg daily from 10/02/2026, tapered, stopped 11/10/2026.\n"
    tr = treatments(note)["prednisone"]
    assert (tr["start"], tr["stop"]) == (date(2026, 10, 2), date(2026, 11, 10))


def test_current_list_gives_no_start() -> None:
    # the list runs on from a line dated 1995; the list states no start: the start is the one
    # the history states
    note = (
        f"{US_HEAD}He started prednisone 40 mg daily on 10/02/2026.\n\n"
        "SH: former smoker, quit 1995. Married.\n"
        "MEDS: prednisone 40 mg daily, omeprazole 20 mg.\n"
    )
    assert treatments(note)["prednisone"]["start"] == date(2026, 10, 2)


# ------------------------------------------------------------ the consult speaks from the visit
def test_consult_request_after_an_admission_speaks_from_the_visit() -> None:
    note = (
        "Consult note 11/20/2026.\n"
        "HPI: 60-year-old woman admitted 11/18 with pneumonia. Dermatology consulted for a "
        "heliotrope rash. Endorses mild dysphagia.\n"
    )
    dates = finding_dates(note)
    assert dates["heliotrope_rash"] == date(2026, 11, 20)
    assert dates["dysphagia"] == date(2026, 11, 20)


def test_decimal_dose_does_not_end_the_list() -> None:
    # "1.5 g" before the drug: still the list's item, named as current, no start of its own;
    # the other item's "(since 01/2026)" is not this drug's
    note = (
        "Clinic note 20/11/2026.\n"
        "Meds: mycophenolate 1.5 g BD (since 05/2025); prednisolone 7.5 mg mane; "
        "hydroxychloroquine 200 mg daily (since 01/2026).\n"
    )
    assert "prednisolone" not in treatments(note)


# ------------------------------------------------------------ a course's first and last day
UK_HEAD = "Discharge letter 20/11/2026. A 60-year-old woman with dermatomyositis.\n"


@pytest.mark.parametrize(
    ("line", "start", "stop"),
    [
        # two full dates joined by a dash, no "from"
        (
            "Methylprednisolone 1 g IV daily 12/10/2026 - 14/10/2026.",
            date(2026, 10, 12),
            date(2026, 10, 14),
        ),
        (
            "Methylprednisolone 1 g IV daily 2026-10-12 – 2026-10-14.",
            date(2026, 10, 12),
            date(2026, 10, 14),
        ),
        # the dotted days before one month and its year, the first day's dot written or not
        ("Methylprednisolone 500 mg IV (12-14.10.2026).", date(2026, 10, 12), date(2026, 10, 14)),
        ("Methylprednisolone 500 mg IV 12.-14.10.2026.", date(2026, 10, 12), date(2026, 10, 14)),
        # both days in brackets without a year: the note's year
        (
            "Methylprednisolone 500 mg IV for 3 days (12.10-14.10).",
            date(2026, 10, 12),
            date(2026, 10, 14),
        ),
        (
            "Methylprednisolone 500 mg IV for 3 days (2/10-4/10).",
            date(2026, 10, 2),
            date(2026, 10, 4),
        ),
        # "from ... to ..." still read
        (
            "Methylprednisolone 1 g IV daily from 12/10/2026 to 14/10/2026.",
            date(2026, 10, 12),
            date(2026, 10, 14),
        ),
    ],
)
def test_course_range_gives_start_and_stop(line: str, start: date, stop: date) -> None:
    tr = treatments(UK_HEAD + line)["methylprednisolone"]
    assert (tr["start"], tr["stop"]) == (start, stop)


def test_bracket_range_in_december_note_of_january() -> None:
    # a January note: "(28.12-30.12)" is last December's course
    note = (
        "Discharge letter 05/01/2026. A 60-year-old woman with dermatomyositis.\n"
        "Methylprednisolone 500 mg IV for 3 days (28.12-30.12).\n"
    )
    tr = treatments(note)["methylprednisolone"]
    assert (tr["start"], tr["stop"]) == (date(2025, 12, 28), date(2025, 12, 30))


def test_grade_range_in_brackets_is_no_course() -> None:
    note = UK_HEAD + "Started methylprednisolone 500 mg IV on 12/10/2026 (deltoids 4/5-5/5).\n"
    tr = treatments(note)["methylprednisolone"]
    assert (tr["start"], tr["stop"]) == (date(2026, 10, 12), None)


# ------------------------------------------------------------ an onset since a month or a duration
@pytest.mark.parametrize(
    ("line", "onset"),
    [
        ("She has had a heliotrope rash since March.", date(2026, 3, 1)),
        # "last March": the last March before the note's date (as "since March")
        ("She has had a heliotrope rash since last March.", date(2026, 3, 1)),
        ("Rash since last August.", date(2026, 8, 1)),
        # a month after the note's month: last year's
        ("Weakness since last December.", date(2025, 12, 1)),
        # a duration back from the note's date (20/11/2026 less 6 weeks)
        ("Heliotrope rash present since 6 weeks.", date(2026, 10, 9)),
        ("Heliotrope rash for the past 6 weeks.", date(2026, 10, 9)),
    ],
)
def test_onset_since_a_month_or_for_a_duration(line: str, onset: date) -> None:
    note = f"Clinic letter 20/11/2026. A 60-year-old woman.\n{line}\n"
    assert case_of(note).onset_date == onset
