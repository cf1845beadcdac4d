"""Issue #15: a note whose story starts at the calendar's first day (found by the note fuzzer,
benchmarks/_fuzz_inputs.py) is read, not a crash: date arithmetic saturates at the ends."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY

pytest.importorskip("spacy")


def test_an_onset_at_the_first_day_of_the_calendar_is_read() -> None:
    from myositis_cds.ingest.text import extract_case

    # "a 99999-month history" read as of 1 January of year 1 starts on date.min; a finding
    # dated in 2024 is compared with a month before that start (it overflowed: OverflowError).
    note = "Aug 2025 99999-month history dysphagia 2024)."
    result = extract_case(note, anchor=date(1, 1, 1), today=TODAY)
    assert result.case.onset_date == date(1, 1, 1)
