"""Issue #10, twenty-ninth session (branch i54i): classes of wording in the investigations, the
tumours and the events of the notes. Each expectation is worked out by hand on sentences written
for this test (no text from a note)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 64-year-old man with dermatomyositis. "


def _case(text: str) -> Any:
    return extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case


def _tumours(text: str) -> list[tuple[str, str, float | None]]:
    return [(str(t.site), str(t.histology), t.size_mm) for t in _case(text).tumours]


def _events(text: str) -> list[tuple[str, date]]:
    return sorted((e.kind.value, e.date) for e in _case(text).events)


# --- a search for a cancer names none (rules/patterns.yaml not_a_tumour_after)


@pytest.mark.parametrize(
    "header",
    ["Malignancy evaluation:", "Cancer search:", "Malignancy w/u:", "Cancer surveillance:"],
)
def test_a_search_for_cancer_names_no_cancer(header: str) -> None:
    # a lesion only indeterminate: with no cancer named for it, no tumour is found
    assert (
        _tumours(f"{header} CT 02/11/2026 showed an indeterminate 9 mm lesion in the kidney.") == []
    )
    # the search's header names none; a cancer the sentence states is the patient's
    assert _tumours(f"{header} CT 02/11/2026 showed a 9 mm adenocarcinoma of the left lung.") == [
        ("lung", "adenocarcinoma", 9.0)
    ]


# --- benign polyps removed with the cancer denied: no operation (facts/tumours.py
# benign_operation)


@pytest.mark.parametrize(
    "sentence",
    [
        "Colonoscopy 03/11/2026: three small tubular adenomas removed; no carcinoma.",
        "Colonoscopy 03/11/2026: hyperplastic polyp removed, no malignancy seen.",
    ],
)
def test_benign_polyps_removed_with_cancer_denied_are_no_operation(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_polyp_that_was_a_cancer_stays_an_operation() -> None:
    assert ("surgery", date(2026, 11, 3)) in _events(
        "Colonoscopy 03/11/2026: a tubular adenoma and a 12 mm adenocarcinoma of the sigmoid "
        "colon removed."
    )
    # the same operation with the cancer denied removes only the polyp
    assert _events("Colonoscopy 03/11/2026: a tubular adenoma removed; no adenocarcinoma.") == []
