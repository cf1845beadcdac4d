"""Issue #10, twenty-sixth session (branch i51t): classes of wording in the treatments. Each
expectation is worked out by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _treatments(text: str) -> list[tuple[str, date, date | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((t.drug, t.start, t.stop) for t in case.treatments)


# --- a drug only planned, suggested or awaited is no start (rules/patterns.yaml
# treatment_planned; tests/data/notes/README.md: a drug with no stated start is not recorded)


@pytest.mark.parametrize(
    "sentence",
    [
        # the plan's words after the drug
        "IVIG 2 g/kg is being arranged by the day unit.",
        "Rituximab to be discussed at the ILD meeting.",
        "Rituximab under discussion with the lung team.",
        "IVIG 2 g/kg over 5 days - requested, awaiting pharmacy approval.",
        "Methotrexate deferred until the wound has healed.",
        "IVIG recommended but funding is not yet in place.",
        # the plan's words before it
        "I have arranged IVIG with the infusion suite.",
        "Booked rituximab 1 g with the infusion nurses.",
        "Methotrexate to follow once the liver tests settle.",
        "Rituximab 1 g proposed by the lung team.",
        "Methotrexate postponed until after the operation.",
    ],
)
def test_a_planned_drug_is_not_started(sentence: str) -> None:
    assert _treatments(sentence) == []


def test_a_started_drug_next_to_a_plan_keeps_its_start() -> None:
    # a start word or a date between the plan's word and the drug: the drug was given
    assert _treatments(
        "Methotrexate 15 mg weekly was started on 10/11/2026 as recommended by rheumatology."
    ) == [("methotrexate", date(2026, 11, 10), None)]
    assert _treatments("IVIG 2 g/kg given 02/11/2026, as advised by neurology.") == [
        ("intravenous immunoglobulin", date(2026, 11, 2), None)
    ]
    # the plan's word is another drug's: prednisolone was started, IVIG is awaited
    assert _treatments(
        "Prednisolone 40 mg daily was started on 12/11/2026 and IVIG 2 g/kg is being arranged."
    ) == [("prednisolone", date(2026, 11, 12), None)]


# --- a drug dated only by when it ended states no start (rules/patterns.yaml treatment_stop,
# treatment_until; facts/treatments.py _dated_by_its_end)


@pytest.mark.parametrize(
    "sentence",
    [
        "Past breast cancer: lumpectomy, then anastrozole until 2023.",
        "Anastrozole for five years, completed 2020.",
        "Prednisolone: weaned off in August 2025.",
        "IV methylprednisolone pulses finished 2024.",
    ],
)
def test_a_drug_dated_only_by_its_end_is_not_recorded(sentence: str) -> None:
    assert _treatments(sentence) == []


def test_a_drug_with_a_start_keeps_its_stop() -> None:
    # a start word in the clause, or a course's range after the stop word, dates the start;
    # the drug next to it dated only by its end is left out
    only_end = " Tamoxifen until 2023."
    assert _treatments("Methotrexate started in 2019, stopped in 2022." + only_end) == [
        ("methotrexate", date(2019, 1, 1), date(2022, 1, 1))
    ]
    assert _treatments(
        "IV methylprednisolone 1 g daily completed 12/11-14/11/2026." + only_end
    ) == [("methylprednisolone", date(2026, 11, 12), date(2026, 11, 14))]
    # the end stated in a later mention is the stop of the drug dated before
    assert _treatments(
        "Azathioprine 100 mg daily was started on 02/03/2025. Azathioprine stopped 2026." + only_end
    ) == [("azathioprine", date(2025, 3, 2), date(2026, 1, 1))]


# --- a drug's list item wrapped onto the next line keeps the start written there
# (facts/treatments.py _wrapped_start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the line breaks after the drug's name: dose and start on the next line
        (
            "Treatment: hydroxychloroquine 200 mg daily from 04/04/2026; methotrexate\n"
            "15 mg weekly since 01/06/2026, folic acid.",
            [
                ("hydroxychloroquine", date(2026, 4, 4), None),
                ("methotrexate", date(2026, 6, 1), None),
            ],
        ),
        # the next line opens with the dose, its start after a comma
        (
            "Treatment: prednisolone 30 mg daily from 02/02/2026; tacrolimus\n"
            "1 mg twice daily, since 09/09/2026.",
            [("prednisolone", date(2026, 2, 2), None), ("tacrolimus", date(2026, 9, 9), None)],
        ),
    ],
)
def test_a_wrapped_item_keeps_its_start(
    text: str, expected: list[tuple[str, date, date | None]]
) -> None:
    assert _treatments(text) == expected
