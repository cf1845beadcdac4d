"""The fact editor offers "not stated" as an investigation result and keeps it.

A mammogram of 2024-03-10 listed with no result: the facts form shows the fact as
"mammography: not stated (2024-03-10)", its Result select offers normal, abnormal, pending and
not stated, and sending the form back keeps ``not_stated``; choosing "normal" after reading the
report makes it normal.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi")

from myositis_cds.api._webview import apply_edits, case_rows
from myositis_cds.case import parse_case

KEY = "f.investigations.0.result"


def _case(result: str = "not_stated") -> dict[str, Any]:
    return {
        "patient": {"sex": "female", "birth_date": "1960-01-01"},
        "investigations": [{"code": "mammography", "date": "2024-03-10", "result": result}],
    }


def test_the_form_offers_not_stated_and_shows_the_fact_in_words() -> None:
    _, rows = case_rows(_case())
    (row,) = [r for r in rows if r.section == "investigations"]
    assert row.text == "mammography: not stated (2024-03-10)"
    (control,) = [c for c in row.controls if c.key == KEY]
    assert control.value == "not_stated"
    assert control.spec.options == (
        ("normal", "normal"),
        ("abnormal", "abnormal"),
        ("pending", "pending"),
        ("not_stated", "not stated"),
    )


@pytest.mark.parametrize(("sent", "kept"), [("not_stated", "not_stated"), ("normal", "normal")])
def test_sending_the_form_back_keeps_the_chosen_result(sent: str, kept: str) -> None:
    data, _ = apply_edits(_case(), {KEY: sent})
    assert data["investigations"][0]["result"] == kept
    parse_case(data)  # the corrected case is valid
