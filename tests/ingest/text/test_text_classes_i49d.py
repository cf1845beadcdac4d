"""Issue #10, twenty-fourth session (branch i49d): classes of wording of the onset and the
diagnosis dates. Each expectation is worked out by hand on sentences written for this test (no
text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _onset(text: str) -> date | None:
    case = extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case
    return case.onset_date


# --- a month's name and two digits in a note that prints "03 Sep 26" dates: the month of that
# year (rules/patterns.yaml time.dates, groups dmyy and myy; _time.DateStyle.day_month_short_year)


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Rash from Jun 26, then weak thighs, diagnosed 14 Sep 26.", date(2026, 6, 1)),
        ("Gottron's papules since Apr 26; myositis diagnosed 02 Aug 26.", date(2026, 4, 1)),
        (
            "From Dec 25 her shoulders were weak. Dermatomyositis diagnosed 10 Mar 26.",
            date(2025, 12, 1),
        ),
    ],
)
def test_month_and_short_year_in_a_note_with_short_years(sentence: str, onset: date) -> None:
    assert _onset("Clinic 20 Nov 26. A 58-year-old woman. " + sentence) == onset


def test_month_and_two_digits_follow_the_notes_years() -> None:
    # the same words read by the note's other dates: a month where the years have two digits,
    # the 26th of June where they are written in full
    words = "A 58-year-old woman. Rash from Jun 26, diagnosed 14 Sep {}."
    assert _onset("Clinic 20 Nov 26. " + words.format("26")) == date(2026, 6, 1)
    assert _onset("Clinic 20 Nov 2026. " + words.format("2026")) == date(2026, 6, 26)


# --- the complaints a date "since"/"from" dates: the muscles' aching and cramps, the skin's
# cracks, papules, marks, spots and bumps, the lids, the lungs' breathlessness and cough
# (rules/patterns.yaml time.onset_complaint)

LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Aching in both calves since March 2026; a rash from June 2026.", date(2026, 3, 1)),
        ("Small papules over the elbows from May 2026.", date(2026, 5, 1)),
        ("Breathlessness on the stairs since February 2026.", date(2026, 2, 1)),
        ("Swollen violet lids from 04/2026.", date(2026, 4, 1)),
        ("Deep cracks along both index fingers since January 2026.", date(2026, 1, 1)),
    ],
)
def test_a_complaint_since_a_date_dates_the_onset(sentence: str, onset: date) -> None:
    assert _onset(LEAD + sentence) == onset


def test_a_complaint_denied_since_a_date_dates_nothing() -> None:
    assert _onset(LEAD + "Dry cough since May 2026.") == date(2026, 5, 1)
    assert _onset(LEAD + "No cough since May 2026.") is None


# --- the onset's field written as a clause, and the shorthand "Sx began" (time.onset_date)


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Date symptoms first began (per her husband): October 2025.", date(2025, 10, 1)),
        ("Date symptoms began: approximately mid-June 2026.", date(2026, 6, 15)),
        ("Date illness started - about March 2026.", date(2026, 3, 1)),
        ("Sx began ~02/2026: sore thighs, then a rash.", date(2026, 2, 1)),
    ],
)
def test_the_onset_field_as_a_clause(sentence: str, onset: date) -> None:
    assert _onset(LEAD + sentence) == onset


# --- how long the illness has lasted, in more English shapes (time.onset): the note's date
# (20/11/2026) less the time


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        # a hyphenated duration before the complaint
        ("She describes a 2-month scaly rash on both elbows.", date(2026, 9, 20)),
        ("A 6-week hx of violaceous eyelids.", date(2026, 10, 9)),
        # the shorthand with the complaint's own words between
        ("PC: 4/12 prox weakness and falls.", date(2026, 7, 20)),
        ("Request: 2/12 itchy scalp rash, CK raised.", date(2026, 9, 20)),
        # the time first, then the patient's complaint
        ("For about three months she has had a rash on her hands.", date(2026, 8, 20)),
        # the complaint developing over the time
        ("Progressive thigh weakness over 5 months.", date(2026, 6, 20)),
        # the time's trouble
        ("He reports 6 weeks of gradually worsening trouble with stairs.", date(2026, 10, 9)),
        # ill for the time
        ("Unwell for about two months with a facial rash.", date(2026, 9, 20)),
    ],
)
def test_how_long_the_illness_has_lasted(sentence: str, onset: date) -> None:
    assert _onset(LEAD + sentence) == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "Prednisolone for the rash: a 6-week course, then review.",
        "The rash faded over 3 weeks on hydroxychloroquine.",
        "Review in 3/12 if weakness recurs.",
        "Off sick for 2 weeks, now back at work.",
    ],
)
def test_a_time_of_no_complaint_dates_no_onset(sentence: str) -> None:
    # said first, it does not take the place of the rash's time said after it
    assert _onset(LEAD + sentence + " A 2-month scaly rash on both elbows.") == date(2026, 9, 20)
