"""A cancer the source names without a date (issue #10; tumours[].found_date_latest).

found_date is then only the latest date by which it was found. With the myositis onset on
2022-11-01 the IMACS window for a tumour that explains the myositis runs 2019-11-01 to
2025-11-01 (three years either side, inclusive; tests/pathway/test_screening.py). A dated lung
adenocarcinoma found 2023-02-10 explains the myositis and makes the single-test PET-CT "not
indicated"; undated (found by 2023-02-10) it may have been found in the window or years before
it, so the search goes on and the reason says why.
"""

from __future__ import annotations

from typing import Any

import pytest

from myositis_cds.case import Case
from myositis_cds.errors import CaseError
from myositis_cds.ingest.files import load_case_file
from myositis_cds.pathway.common import Notes
from tests.conftest import REFERENCE_CASE, TODAY
from tests.pathway.test_screening import TIF1G_DM, case, factor, plan, risk
from tests.pathway.test_tumour_follow_up import follow_up

_HIGH = [*TIF1G_DM, factor("dysphagia")]


def _lung(found: str, latest: bool, **extra: Any) -> Case:
    tumour = {
        "site": "lung",
        "histology": "adenocarcinoma",
        "found_date": found,
        "found_date_latest": latest,
        **extra,
    }
    return case(tumours=[tumour])


def test_a_dated_carcinoma_in_the_window_ends_the_search() -> None:
    items = plan(_lung("2023-02-10", latest=False), "2023-03-01", risk("high", _HIGH))
    assert items["fdg_pet_ct"].status == "not_indicated"


def test_an_undated_carcinoma_does_not_end_the_search_and_says_why() -> None:
    notes = Notes()
    items = plan(_lung("2023-02-10", latest=True), "2023-03-01", risk("high", _HIGH), notes)
    assert items["fdg_pet_ct"].status == "due"
    fbc = items["full_blood_count"].reason
    assert "found by 2023-02-10 (date not stated)" in fbc
    rec = next(x for x in notes.recommendations if x.id == "screening.tumour_found")
    assert "cannot be told" in rec.detail


def test_an_undated_carcinoma_known_before_the_window_is_outside_it() -> None:
    # found by 2019-10-31, the day before the window opens: certainly more than three years
    notes = Notes()
    items = plan(_lung("2019-10-31", latest=True), "2023-03-01", risk("high", _HIGH), notes)
    assert items["fdg_pet_ct"].status == "due"
    rec = next(x for x in notes.recommendations if x.id == "screening.tumour_found")
    assert "more than 3 years from myositis onset" in rec.detail


def test_the_flag_defaults_to_a_dated_tumour() -> None:
    c = case(tumours=[{"site": "lung", "histology": "other", "found_date": "2023-02-10"}])
    assert c.tumours[0].found_date_latest is False


def test_the_flag_is_a_boolean() -> None:
    with pytest.raises(CaseError, match=r"tumours\[0\]\.found_date_latest"):
        case(
            tumours=[
                {
                    "site": "lung",
                    "histology": "other",
                    "found_date": "2023-02-10",
                    "found_date_latest": "sometime",
                }
            ]
        )


def test_surveillance_of_an_undated_tumour_is_not_dated() -> None:
    # the reference case's pancreatic NET is on surveillance from its found date (2023-02-01);
    # the same tumour known only "by 2023-02-01" gives no visit dates
    reference = load_case_file(str(REFERENCE_CASE), today=TODAY)
    tumour = reference.tumours[0].model_copy(update={"found_date_latest": True})
    fu, _ = follow_up(reference.model_copy(update={"tumours": [tumour]}), "2023-06-30")
    assert fu.plan == "none" and fu.visits == []
    assert "not stated" in fu.reason
