"""Dated follow-up of pancreatic NETs after resection or on surveillance.

Schedules (NCCN v3.2025 via secondary encoding): G1/G2 — first visit 12 weeks to 12 months after
the anchor, then every 6-12 months until 10 years; G3 — every 12-24 weeks for 2 years, then every
6-12 months. Dates by hand: 12 July 2023 + 84 days = 4 October 2023; + 168 days = 27 December 2023;
+ 12 months = 12 July 2024. 1 February 2023 + 84 days = 26 April 2023.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.case import Case, parse_case
from myositis_cds.ingest.files import load_case_file
from myositis_cds.pathway._calendar import add_interval, add_months
from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.tumour_follow_up import FollowUp
from myositis_cds.pathway.tumours import work_up_tumours
from tests.conftest import REFERENCE_CASE, TODAY

RESECTED_G1: dict[str, Any] = {
    "site": "pancreas",
    "histology": "neuroendocrine_tumour",
    "size_mm": 15,
    "functional": False,
    "ki67_percent": 2,
    "nodes": "N0",
    "metastases": "M0",
    "symptomatic": False,
    "main_duct_dilated": False,
    "found_date": "2023-02-01",
    "resected_date": "2023-07-12",
}


def imaging(code: str, day: str) -> dict[str, Any]:
    return {"code": code, "date": day, "result": "normal"}


def case(tumour: dict[str, Any], scans: list[dict[str, Any]] | None = None) -> Case:
    data = {
        "patient": {"sex": "female", "age": 60},
        "tumours": [tumour],
        "investigations": scans or [],
    }
    return parse_case(data, today=TODAY)


def follow_up(c: Case, day: str) -> tuple[FollowUp, Notes]:
    as_of = date.fromisoformat(day)
    cut, _ = c.as_of(as_of)
    notes = Notes()
    result = work_up_tumours(cut, as_of, notes)
    assert result is not None
    return result[0].follow_up, notes


# ----------------------------------------------------------------------------- calendar
def test_calendar_months_clamp_to_the_end_of_short_months() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 11, 15), 3) == date(2024, 2, 15)
    assert add_interval(date(2023, 7, 12), weeks=12) == date(2023, 10, 4)
    assert add_interval(date(2020, 2, 29), years=1) == date(2021, 2, 28)


# ----------------------------------------------------------------------------- statuses
@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2023-10-03", "upcoming"),
        ("2023-10-04", "due"),
        ("2024-07-12", "due"),
        ("2024-07-13", "overdue"),
    ],
)
def test_first_visit_after_resection_of_g1(day: str, status: str) -> None:
    fu, _ = follow_up(case(RESECTED_G1), day)
    assert (fu.plan, fu.schedule, fu.anchor_date) == (
        "post_resection",
        "net_g1_g2",
        date(2023, 7, 12),
    )
    (visit,) = fu.visits
    assert (visit.window_start, visit.window_end) == (date(2023, 10, 4), date(2024, 7, 12))
    assert visit.status == status and fu.status == status
    assert fu.next_due == date(2024, 7, 12)
    assert fu.ends_on == date(2033, 7, 12)


def test_overdue_follow_up_is_a_warning_recommendation() -> None:
    _, notes = follow_up(case(RESECTED_G1), "2024-08-01")
    rec = next(r for r in notes.recommendations if r.id == "tumours.0.follow_up.overdue")
    assert rec.indicator == "warning"
    assert "2023-10-04 to 2024-07-12" in rec.summary


def test_due_follow_up_is_an_info_recommendation() -> None:
    _, notes = follow_up(case(RESECTED_G1), "2024-01-01")
    rec = next(r for r in notes.recommendations if r.id == "tumours.0.follow_up.due")
    assert rec.indicator == "info"


def test_imaging_in_the_window_marks_the_visit_done_and_anchors_the_next() -> None:
    fu, _ = follow_up(case(RESECTED_G1, [imaging("mri_abdomen", "2024-01-15")]), "2024-08-01")
    first, second = fu.visits
    assert (first.status, first.done_on, first.investigation) == (
        "done",
        date(2024, 1, 15),
        "mri_abdomen",
    )
    assert (second.window_start, second.window_end, second.status) == (
        date(2024, 7, 15),
        date(2025, 1, 15),
        "due",
    )
    assert fu.next_due == date(2025, 1, 15)


def test_imaging_before_the_window_opens_does_not_count() -> None:
    # A CT three weeks after surgery is not the 12-week follow-up scan.
    fu, _ = follow_up(case(RESECTED_G1, [imaging("ct_abdomen_pelvis", "2023-08-02")]), "2023-11-01")
    (visit,) = fu.visits
    assert visit.status == "due" and visit.done_on is None


def test_non_abdominal_imaging_does_not_count() -> None:
    scans = [imaging("sstr_pet_ct", "2024-01-15"), imaging("chest_xray", "2024-02-01")]
    fu, _ = follow_up(case(RESECTED_G1, scans), "2024-08-01")
    assert [v.status for v in fu.visits] == ["overdue"]


def test_the_latest_scan_in_a_window_anchors_the_next_window() -> None:
    scans = [imaging("ct_abdomen_pelvis", "2023-11-01"), imaging("mri_abdomen", "2024-03-01")]
    fu, _ = follow_up(case(RESECTED_G1, scans), "2024-04-01")
    assert fu.visits[0].done_on == date(2024, 3, 1)
    assert fu.visits[1].window_start == date(2024, 9, 1)
    assert fu.visits[1].status == "upcoming"


# ----------------------------------------------------------------------------- G3 and the end
def test_resected_g3_is_seen_every_12_to_24_weeks() -> None:
    fu, _ = follow_up(case({**RESECTED_G1, "ki67_percent": 30}), "2023-12-28")
    (visit,) = fu.visits
    assert fu.schedule == "net_g3"
    assert (visit.window_start, visit.window_end) == (date(2023, 10, 4), date(2023, 12, 27))
    assert visit.status == "overdue"


def test_g3_switches_to_6_to_12_months_after_two_years() -> None:
    # Scans every 20 weeks from 2023-11-29; the first reference on or after 2025-07-12 (the
    # two-year mark) starts the 6-12-month phase.
    scans = [
        "2023-11-29",
        "2024-04-17",
        "2024-09-04",
        "2025-01-22",
        "2025-06-11",
        "2025-10-29",
    ]
    fu, _ = follow_up(
        case({**RESECTED_G1, "ki67_percent": 30}, [imaging("mri_abdomen", d) for d in scans]),
        "2025-11-01",
    )
    assert [v.status for v in fu.visits] == ["done"] * 6 + ["upcoming"]
    last = fu.visits[-1]
    # 2025-10-29 is after the two-year mark: next window 6-12 months later.
    assert (last.window_start, last.window_end) == (date(2026, 4, 29), date(2026, 10, 29))


def test_follow_up_is_complete_after_ten_years() -> None:
    tumour = {**RESECTED_G1, "found_date": "2013-12-01", "resected_date": "2014-01-10"}
    # Scans every 10 months; the last falls exactly on the 10-year mark.
    scans = [
        "2014-11-10",
        "2015-09-10",
        "2016-07-10",
        "2017-05-10",
        "2018-03-10",
        "2019-01-10",
        "2019-11-10",
        "2020-09-10",
        "2021-07-10",
        "2022-05-10",
        "2023-03-10",
        "2024-01-10",
    ]
    fu, notes = follow_up(case(tumour, [imaging("mri_abdomen", d) for d in scans]), "2024-06-01")
    assert fu.status == "complete"
    assert len(fu.visits) == 12 and all(v.status == "done" for v in fu.visits)
    assert fu.next_due is None
    assert "as clinically indicated" in fu.reason
    assert not any("follow_up" in r.id for r in notes.recommendations)


# ----------------------------------------------------------------------------- surveillance
def test_reference_case_on_surveillance_before_resection() -> None:
    fu, _ = follow_up(load_case_file(str(REFERENCE_CASE), today=TODAY), "2023-06-30")
    assert (fu.plan, fu.anchor_date) == ("surveillance", date(2023, 2, 1))
    (visit,) = fu.visits
    assert (visit.window_start, visit.window_end, visit.status) == (
        date(2023, 4, 26),
        date(2024, 2, 1),
        "due",
    )


def test_reference_case_after_resection_counts_from_the_operation() -> None:
    fu, _ = follow_up(load_case_file(str(REFERENCE_CASE), today=TODAY), "2023-09-18")
    assert (fu.plan, fu.anchor_date) == ("post_resection", date(2023, 7, 12))
    assert fu.visits[0].status == "upcoming"


def test_not_on_surveillance_when_resection_is_recommended() -> None:
    unresected = {**RESECTED_G1, "resected_date": None, "size_mm": 30}
    fu, _ = follow_up(case(unresected), "2023-08-01")
    assert fu.plan == "none" and fu.visits == []
