"""Issue #10, twenty-third session (branch i48e): classes of wording in the events and the dates
of the notes. Each expectation is worked out by hand on sentences written for this test (no text
from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _events(text: str) -> list[tuple[str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((e.kind.value, e.date) for e in case.events)


def _labs(text: str) -> list[tuple[str, float | None, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((lab.code.value, lab.value, lab.date) for lab in case.labs)


# --- a year-first date with the month's name (rules/patterns.yaml time.dates, LABGAP)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("CK 2026-Nov-10: 1,240 U/L (ref 40-320).", date(2026, 11, 10)),
        ("CK 2026/Oct/03: 1,240 U/L (ref 40-320).", date(2026, 10, 3)),
        ("CK on 2026-Sep-7 was 1,240 U/L.", date(2026, 9, 7)),
    ],
)
def test_year_first_date_with_the_month_name_dates_a_result(line: str, day: date) -> None:
    # the year is the date's, never the result's value
    assert _labs(line) == [("ck", 1240.0, day)]


def test_a_code_with_a_year_and_a_month_name_is_no_date() -> None:
    # guard: inside a longer code the same shape is no date; the result keeps the note's date
    assert _labs("Sample X2026-Nov-05-B: CK 1,240 U/L.") == [("ck", 1240.0, date(2026, 11, 20))]


# --- one sign or symptom resolved is that item's course, not a remission (event_not_done)


@pytest.mark.parametrize(
    "line",
    [
        "Jaundice resolved.",
        "Calf pain resolved after a week of rest.",
        "Skin: faint residual knuckle papules; eyelid rash resolved.",
        "Eyelid rash: resolved.",
        "Chest CT 02/03/2026 showed ground glass; repeat 10/10/2026 resolved, no fibrosis.",
        "Review on 12/11/2026: the V-sign has now resolved; hips 4/5.",
    ],
)
def test_one_item_resolved_is_no_remission(line: str) -> None:
    assert not [k for k, _ in _events(line) if k == "remission"], line


@pytest.mark.parametrize(
    "line",
    [
        # the features together, and the disease itself (guards)
        "Today his eyelid rash and knuckle papules have resolved.",
        "His myositis has resolved.",
        "All symptoms resolved.",
    ],
)
def test_the_disease_or_its_features_together_resolved_is_a_remission(line: str) -> None:
    assert ("remission", date(2026, 11, 20)) in _events(line), line


# --- a patient dies once: a field's date of death dates the note's other death words
# (rules/patterns.yaml death_date_field, facts/events.py)

_RECORD = (
    "MORTALITY REVIEW RECORD (adult, in-hospital death)\n"
    "Reviewed 24/11/2026.\n"
    "Date of death: 14/11/2026, 05:10, ward 12.\n"
    "Admitted 03/11/2026 with pneumonia; died despite antibiotics.\n"
)


def _record_events(text: str) -> list[tuple[str, date]]:
    case = extract_case(text, anchor=date(2026, 11, 24), today=TODAY).case
    return sorted((e.kind.value, e.date) for e in case.events)


def test_the_death_field_dates_the_one_death() -> None:
    # the heading's death word and "died" after the admission's date name the same death
    assert [e for e in _record_events(_RECORD) if e[0] == "death"] == [
        ("death", date(2026, 11, 14))
    ]


def test_without_a_death_field_each_death_word_reads_as_before() -> None:
    # guard: with no field, "died" keeps the day its sentence gives
    text = "Clinic 24/11/2026.\nAdmitted 03/11/2026 with pneumonia; died on 14/11/2026.\n"
    assert ("death", date(2026, 11, 14)) in _record_events(text)


# --- a death only said possible, "deceased" of someone else; a flare as a risk or a cover
# (event_not_done)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("We explained that the lung disease may progress quickly or cause death.", "death"),
        ("Untreated, this could lead to death.", "death"),
        ("She remains on the deceased donor waiting list.", "death"),
        ("Kidney offered from a deceased donor.", "death"),
        ("Caution with checkpoint inhibitors (myositis flare risk).", "flare"),
        ("Leuprorelin started with bicalutamide as flare cover.", "flare"),
        ("Steroid myopathy, easily confused with a myositis flare.", "flare"),
    ],
)
def test_an_event_only_possible_or_of_another_is_no_event(line: str, kind: str) -> None:
    assert not [k for k, _ in _events(line) if k == kind], line


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # guards: the event that happened
        ("Aspiration may have contributed to death on 18/11/2026.", "death"),
        ("Admitted on 18/11/2026 with a myositis flare.", "flare"),
    ],
)
def test_the_event_that_happened_stays(line: str, kind: str) -> None:
    assert (kind, date(2026, 11, 18)) in _events(line), line


# --- an operation word that names no operation of its own (event_not_done)


@pytest.mark.parametrize(
    "line",
    [
        # a diagnostic excision biopsy
        "Lymphoma diagnosed on 12/11/2026 by excision biopsy of a neck node.",
        "- Excision biopsy right axillary node 12/11/2026: follicular lymphoma.",
        # a margin statement and an operation's specimen
        "Histology 18/11/2026: Margins: radial 1.5 mm, deep 3.2 mm - completely excised.",
        "Grade 2, Ki-67 4% (resection specimen, 18/11/2026).",
        # the operation as the time of a drug's course
        "Azathioprine 18/11/2026: continued through surgery.",
        "Methotrexate from 18/11/2026, stopped the week of surgery.",
        # the GP's surgery as a service's name or a consultation's place
        "NORTHERN REGIONAL SURGERY SERVICE - REFERRAL FORM 18/11/2026",
        "18/11/2026 09:40 Face to face (surgery) Dr Lowe",
        # a form's proposed operation, an option, a worry, a sign's eponym
        "Proposed procedure: laparoscopic right hemicolectomy (18/11/2026 to be confirmed)",
        "The options on 18/11/2026 were radiotherapy or a radical prostatectomy.",
        "Seen 18/11/2026: worried about surgery and time off work.",
        "Low glucose with symptoms relieved by sugar on 18/11/2026 (Whipple's triad).",
    ],
)
def test_an_operation_word_naming_no_operation_is_no_surgery(line: str) -> None:
    assert not [k for k, _ in _events(line) if k == "surgery"], line


@pytest.mark.parametrize(
    "line",
    [
        # guards: the operation done, with its date
        "Wide local excision on 18/11/2026: margins clear.",
        "Right hemicolectomy on 18/11/2026; methotrexate continued.",
    ],
)
def test_an_operation_done_stays_a_surgery(line: str) -> None:
    assert ("surgery", date(2026, 11, 18)) in _events(line), line


# --- a dotted day and month with the department in brackets before the label's colon
# (time.dates)


def test_dotted_day_and_month_before_a_bracketed_department_dates_its_line() -> None:
    text = "Colonoscopy 13.10.: normal.\nTURBT 14.10. (urology): complete resection.\n"
    assert ("surgery", date(2026, 10, 14)) in _events(text)
    assert ("surgery", date(2026, 10, 13)) not in _events(text)


def test_dotted_day_and_month_with_a_bracket_but_no_colon_is_no_date() -> None:
    # guard: without the label's colon after the bracket the numbers are not read as a date
    assert ("surgery", date(2026, 10, 14)) not in _events(
        "TURBT 14.10. (urology) complete resection."
    )


# --- a remission restated without a date once the note dates it (_assemble events)


def test_a_remission_restated_undated_is_the_dated_remission() -> None:
    text = (
        'Rheumatology letter 02/10/2026: "in clinical remission since August 2026".\n'
        "Summary: dermatomyositis, in sustained remission on methotrexate alone.\n"
    )
    assert [e for e in _events(text) if e[0] == "remission"] == [("remission", date(2026, 8, 1))]


def test_a_remission_stated_only_undated_stays_on_the_notes_day() -> None:
    # guard: with no dated remission, the state is told on the note's day
    text = "Summary: dermatomyositis, in sustained remission on methotrexate alone.\n"
    assert ("remission", date(2026, 11, 20)) in _events(text)
