"""Issue #10, twenty-ninth session (branch i54t): classes of wording in the treatments: a drug
only named, and the starts, stops and doses of the courses given. Each expectation is worked out
by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old woman with dermatomyositis.\n"


def _starts(text: str) -> dict[str, date]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {t.drug: t.start for t in case.treatments}


# --- a drug named with no dose, no start word and no time of its own, in words that do not say
# it was given, states no start and is not recorded (tests/data/notes/README.md: "a drug with
# no stated start is not recorded"; facts/treatments.py _given_near)


@pytest.mark.parametrize(
    "sentence",
    [
        # a statement about the drug in general
        "Rituximab is an option for refractory myositis.",
        "Intravenous immunoglobulin works well for the swallowing muscles.",
        "Tacrolimus helps the lungs in anti-MDA5 disease.",
        # the patient's worry, a nursing task before it
        "She is worried about the cyclophosphamide and its effect on fertility.",
        "Nurse to go through the leaflet before rituximab.",
        # a drug named in an aside about the disease
        "Refractory skin disease despite everything -> IVIG.",
    ],
)
def test_a_drug_only_named_is_not_recorded(sentence: str) -> None:
    assert _starts(sentence) == {}


# each drug said given is written after one only named ("Rituximab is an option ..."), which
# stays out
NAMED = "Rituximab is an option for refractory myositis. "


@pytest.mark.parametrize(
    ("sentence", "drug"),
    [
        # treated or managed with it: given, on the visit's date
        ("She was treated with intravenous immunoglobulin.", "intravenous immunoglobulin"),
        ("Managed with pulsed methylprednisolone on the ward.", "methylprednisolone"),
        # the imperative "start" right before it
        ("Plan: start IV methylprednisolone today.", "methylprednisolone"),
        # switched or changed to it
        ("We are changing her azathioprine to tacrolimus.", "tacrolimus"),
        # put on it
        ("She was put on hydroxychloroquine for the rash.", "hydroxychloroquine"),
    ],
)
def test_a_drug_said_given_keeps_its_start(sentence: str, drug: str) -> None:
    assert _starts(NAMED + sentence) == {drug: date(2026, 11, 20)}


def test_a_list_after_a_start_word_shares_it() -> None:
    # the start word before the first drug governs the drug joined to it with "and"
    got = _starts(NAMED + "Commenced mycophenolate 1 g twice daily and IVIG.")
    assert got == {
        "mycophenolate mofetil": date(2026, 11, 20),
        "intravenous immunoglobulin": date(2026, 11, 20),
    }


def test_the_course_after_a_given_course_keeps_its_start() -> None:
    # "then" after a course given: the next drug was given too
    got = _starts(
        NAMED + "She received methylprednisolone 500 mg daily for 3 days then oral prednisolone."
    )
    assert set(got) == {"methylprednisolone", "prednisolone"}


def test_a_named_drug_with_a_dose_is_still_recorded() -> None:
    # a dose is the prescriber's: the drug stays, on the visit's date, as before
    assert _starts(NAMED + "Hydroxychloroquine 200 mg daily for the rash.") == {
        "hydroxychloroquine": date(2026, 11, 20)
    }


def _courses(text: str) -> dict[str, tuple[date, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {t.drug: (t.start, t.stop) for t in case.treatments}


# --- a course's first date, a dash and a stop word before its last date is its first and last
# day, as a dash alone makes them (facts/treatments.py _dash_and_stop): the first date is no
# other list item's


def test_a_dash_and_a_stop_word_join_a_course_s_days() -> None:
    got = _courses(
        "Previous treatment:\n"
        "  azathioprine 100 mg daily, Mar 3, 2026 - stopped May 20, 2026\n"
        "    (nausea)\n"
        "  tacrolimus 2 mg BID, Apr 14, 2026 - discontinued Sep 1, 2026\n"
    )
    assert got == {
        "azathioprine": (date(2026, 3, 3), date(2026, 5, 20)),
        "tacrolimus": (date(2026, 4, 14), date(2026, 9, 1)),
    }


# --- a course's range that a wrapped line put at the start of the next line, after the drug's
# words that state no date, is that course's (facts/treatments.py _wrapped_course)


def test_a_course_s_range_on_the_next_line_is_its_own() -> None:
    got = _courses(
        " - Rituximab 1 g at 14/09/26. IVIG 2 g/kg over 5 days at the regional unit\n"
        "   12/10/26-16/10/26.\n"
    )
    assert got["intravenous immunoglobulin"] == (date(2026, 10, 12), date(2026, 10, 16))


# --- the hormone therapies of a prostate cancer are tumour-directed treatments
# (tests/data/notes/README.md; rules/lexicon.yaml treatments, the EAU guidelines' classes)


@pytest.mark.parametrize(
    ("sentence", "drug"),
    [
        ("Enzalutamide 160 mg daily started 02/10/2026 (oncology).", "enzalutamide"),
        ("Zoladex 10.8 mg implant given 05/10/2026.", "goserelin"),
        ("Degarelix 240 mg loading dose on 03/09/2026.", "degarelix"),
        ("Abiraterone 1000 mg od from 12/09/2026 with prednisolone.", "abiraterone"),
        ("Casodex 50 mg daily since 01/09/2026 for flare cover.", "bicalutamide"),
    ],
)
def test_a_prostate_cancer_hormone_therapy_is_recorded(sentence: str, drug: str) -> None:
    assert drug in _courses(sentence)
