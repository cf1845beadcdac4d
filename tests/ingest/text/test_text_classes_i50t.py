"""Issue #10, twenty-fifth session (branch i50t): classes of wording in the treatments. Each
expectation is worked out by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _treatments(text: str) -> dict[str, tuple[date, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {t.drug: (t.start, t.stop) for t in case.treatments}


# --- a drug the note goes on with, or joined to one named as current, states no start (lead's
# decision 2 of 5 Dec 2026; rules/patterns.yaml treatment_current, treatment_list_joiner)


@pytest.mark.parametrize(
    "sentence",
    [
        # "continue" and its forms right before the drug
        "Plan: continue azathioprine 100 mg daily.",
        "He continues hydroxychloroquine 200 mg daily.",
        "We are continuing his methotrexate 20 mg weekly.",
        # "continued" after the drug in its own item
        "Discharge medicines: tacrolimus 2 mg bd continued.",
        # a drug told at its dose "now"
        "Tacrolimus now 3 mg twice daily.",
        # a second drug joined to one named as current
        "He stays on azathioprine 50 mg daily and tacrolimus 1 mg bd.",
        "Known myositis, on MMF 1 g bd + HCQ 200 mg od.",
        "Remains on oral methotrexate 15 mg weekly, hydroxychloroquine 200 mg daily.",
    ],
)
def test_a_drug_gone_on_with_is_not_recorded(sentence: str) -> None:
    assert _treatments(sentence) == {}


def test_a_drug_started_after_one_gone_on_with_keeps_its_start() -> None:
    found = _treatments("Continue azathioprine 100 mg daily. Tacrolimus started 18/11/2026.")
    assert found == {"tacrolimus": (date(2026, 11, 18), None)}


# --- a course's first and last day before the month's name in another language (rules/
# patterns.yaml time dates): the course starts on the first day and stops on the last


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("Metilprednisolona 1 g IV 9-11 noviembre 2026.", date(2026, 11, 9), date(2026, 11, 11)),
        ("Methylprednisolon 1 g i.v. 9.-11. November 2026.", date(2026, 11, 9), date(2026, 11, 11)),
        ("Méthylprednisolone 1 g IV 9 - 11 novembre.", date(2026, 11, 9), date(2026, 11, 11)),
        ("Metilprednisolona 1 g 9-11 de novembro de 2026.", date(2026, 11, 9), date(2026, 11, 11)),
    ],
)
def test_a_course_of_days_before_the_month_name(sentence: str, first: date, last: date) -> None:
    assert _treatments(sentence)["methylprednisolone"] == (first, last)


# --- the next course after one that stopped starts the day after its last day, "then" in the
# languages read (rules/patterns.yaml treatment_then)


@pytest.mark.parametrize(
    "joiner",
    ["followed by", "puis", "apoi", "danach", "luego", "daarna", "затим", "→"],
)
def test_the_course_after_then_starts_the_next_day(joiner: str) -> None:
    sentence = f"IV methylprednisolone 1 g 10/11/2026-12/11/2026, {joiner} prednisolone 60 mg."
    found = _treatments(sentence)
    assert found["methylprednisolone"] == (date(2026, 11, 10), date(2026, 11, 12))
    assert found["prednisolone"] == (date(2026, 11, 13), None)


def test_a_course_length_after_then_is_the_next_courses() -> None:
    # the days after "apoi" (then) are the length of what follows, not of this course: no stop
    found = _treatments("IVIG started 10/11/2026, apoi over 5 days.")
    assert found["intravenous immunoglobulin"] == (date(2026, 11, 10), None)


# --- a year alone after the start word is the drug's start ("since 2021": the date is read with
# its word, so it begins at the cue; facts/treatments.py _time_after)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Hydroxychloroquine 200 mg daily since 2021.", 2021),
        ("Methotrexate 15 mg weekly (since 2022 per the GP record).", 2022),
    ],
)
def test_a_year_alone_after_the_start_word_is_the_start(sentence: str, year: int) -> None:
    (start, stop), *_ = _treatments(sentence).values()
    assert (start, stop) == (date(year, 1, 1), None)
