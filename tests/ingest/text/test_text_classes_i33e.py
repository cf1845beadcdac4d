"""issue #10 (i33e): what a diagnosis announces with a colon ("diagnosed at clinic 4.2.24:
heliotrope, ...", "Diagnosed by the rheumatologists on 2023-06-08: ...") is the presentation
at diagnosis, this illness's start, however long before the letter; and the strength notations
of English letters. Our own sentences (never a note's); each class has a guard."""

from __future__ import annotations

import pytest

from .helpers import case_of


def _dated(note: str) -> set[tuple[str, bool, str]]:
    return {(f.code.value, f.present, str(f.date)) for f in case_of(note).findings}


@pytest.mark.parametrize(
    "lead",
    [
        "Diagnosed by the rheumatologists on 2023-06-08:",
        "Dermatomyositis from May 2023, diagnosed at clinic 8.6.23:",
        "Diagnosed in the day unit (8 June 2023):",
        "DM diagnosed 08/06/2023:",
    ],
)
def test_the_findings_a_diagnosis_announces_are_its_presentation(lead: str) -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman with dermatomyositis.\n\n"
        f"{lead} heliotrope rash and Gottron's papules; deltoids MRC 4.\n"
        "Today she is well."
    )
    found = _dated(note)
    assert ("heliotrope_rash", True, "2023-06-08") in found
    assert ("gottron_papules", True, "2023-06-08") in found


def test_a_tumour_diagnosed_long_ago_announces_no_presentation() -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman with dermatomyositis.\n\n"
        "Diagnosed with ductal carcinoma of the breast in 2009: heliotrope rash at the time.\n"
        "Today she is well."
    )
    assert not any(code == "heliotrope_rash" for code, _, _ in _dated(note))


def test_symptoms_named_before_a_dated_diagnosis_stay_old() -> None:
    note = (
        "Rheumatology letter 20/11/2026. A 48-year-old woman.\n\n"
        "Heliotrope rash in 2019 (dermatomyositis diagnosed June 2019: treated).\n"
        "Today she is well."
    )
    assert not any(code == "heliotrope_rash" for code, _, _ in _dated(note))
