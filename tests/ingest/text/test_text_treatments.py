"""Vignettes for treatments: when each started and stopped, the dose and the route. Expected
values are read off each note by hand (a month alone is the 1st, a year alone 1 January)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def treatments(note: str) -> dict[str, dict[str, Any]]:
    case = extract_case(note, today=TODAY).case
    return {
        t.drug: {"start": t.start, "stop": t.stop, "dose": t.dose, "route": t.route}
        for t in case.treatments
    }


def test_start_and_stop_each_take_their_own_date() -> None:
    note = "Seen: 2 Mar 2025\n\n63F.\nHCQ 200 mg bd started Dec 2024, stopped Feb 2025 (GI upset)."
    hcq = treatments(note)["hydroxychloroquine"]
    assert (hcq["start"], hcq["stop"], hcq["dose"]) == (
        date(2024, 12, 1),
        date(2025, 2, 1),
        "200 mg bd",
    )


def test_started_in_one_month_and_discontinued_on_a_day() -> None:
    note = (
        "Date: 14 Oct 2025\n\nMs L. is a 44-year-old teacher. Hydroxychloroquine 200 mg twice "
        "daily was started in March 2025 and discontinued on 12 August 2025 because of a rash."
    )
    hcq = treatments(note)["hydroxychloroquine"]
    assert (hcq["start"], hcq["stop"]) == (date(2025, 3, 1), date(2025, 8, 12))


def test_a_course_over_a_range_of_days_then_the_next_drug_the_day_after() -> None:
    note = (
        "Admitted: 14/01/2025\n\n71-year-old man.\nIV methylprednisolone 500 mg daily for 3 days "
        "(15-17 Jan), then oral prednisolone 60 mg daily.\n\nDischarge medications: prednisolone "
        "60 mg daily."
    )
    given = treatments(note)
    assert given["methylprednisolone"] == {
        "start": date(2025, 1, 15),
        "stop": date(2025, 1, 17),
        "dose": "500 mg daily",
        "route": "intravenous",
    }
    assert given["prednisolone"] == {
        "start": date(2025, 1, 18),
        "stop": None,
        "dose": "60 mg daily",
        "route": "oral",
    }


def test_started_at_diagnosis_and_weaned_off_later() -> None:
    note = (
        "Clinic date: 03/02/2026\n\n69-year-old man.\nDermatomyositis (diagnosed 2 Nov 2021).\n\n"
        "Prednisolone, started at diagnosis, was weaned off in July 2025."
    )
    pred = treatments(note)["prednisolone"]
    assert (pred["start"], pred["stop"]) == (date(2021, 11, 2), date(2025, 7, 1))


def test_a_later_mention_without_a_time_does_not_move_the_start() -> None:
    note = (
        "Clinic date: 21.11.2024\n\n11-year-old girl, juvenile dermatomyositis diagnosed "
        "03/2023.\nHer rash settled on methotrexate.\nTreatment: methotrexate 15 mg/m² weekly by "
        "subcutaneous injection since diagnosis."
    )
    mtx = treatments(note)["methotrexate"]
    assert (mtx["start"], mtx["dose"], mtx["route"]) == (
        date(2023, 3, 1),
        "15 mg/m² weekly",
        "subcutaneous",
    )


@pytest.mark.parametrize(
    ("words", "dose", "route"),
    [
        ("Start prednisone 60 mg PO daily.", "60 mg daily", "oral"),
        (
            "Tacrolimus 0.1% ointment twice daily to the hands.",
            "0.1% ointment twice daily",
            "topical",
        ),
    ],
)
def test_dose_and_route_when_the_route_sits_inside_the_dose(
    words: str, dose: str, route: str
) -> None:
    note = "Date of admission: 2 March 2024\n\n58 yo F.\n" + words
    (given,) = treatments(note).values()
    assert (given["dose"], given["route"]) == (dose, route)


def test_a_drug_stopped_elsewhere_in_the_sentence_is_not_stopped() -> None:
    note = (
        "Date: 2 March 2024\n\n58 yo F. Atorvastatin was stopped and prednisolone 40 mg daily "
        "started."
    )
    assert treatments(note)["prednisolone"]["stop"] is None


def test_from_one_month_to_another_and_a_range_across_months() -> None:
    note = (
        "Date: 09/10/2025\n\nMrs S, 59 yrs.\nRefractory dermatomyositis despite methotrexate from "
        "June 2023 to March 2024.\nIVIG 2 g/kg given 30 Aug - 3 Sep."
    )
    given = treatments(note)
    assert (given["methotrexate"]["start"], given["methotrexate"]["stop"]) == (
        date(2023, 6, 1),
        date(2024, 3, 1),
    )
    ivig = given["intravenous immunoglobulin"]
    assert (ivig["start"], ivig["stop"], ivig["dose"]) == (
        date(2025, 8, 30),
        date(2025, 9, 3),
        "2 g/kg",
    )


def test_a_brand_name_in_parentheses_before_the_dose() -> None:
    note = "Date: 09/10/2025\n\nMrs S, 59 yrs.\nCycle 4 of IVIG (Privigen) 2 g/kg over 2 days."
    # the course's days are part of the dose as written (notes README, 5 Dec 2026)
    assert treatments(note)["intravenous immunoglobulin"]["dose"] == "2 g/kg over 2 days"
