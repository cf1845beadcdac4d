"""English clinic forms (issue #10, i19b): a ward-round sheet, a discharge summary, an oncology
consult. Every sentence is our own; each expected value is worked out by hand from the notes'
gold conventions (tests/data/notes/README.md).

- a death is recorded only when the patient's death is stated: not a relative's death written
  with the relative as the sentence's bare subject ("Father died of ..."), not a risk, a
  prognosis or a general statement ("risk of death"), not a form's empty death field.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY

HEAD = "Clinic letter, 12 November 2026. A 58-year-old woman with dermatomyositis.\n"


def deaths(line: str) -> set[date]:
    case = extract_case(HEAD + line, today=TODAY).case
    return {e.date for e in case.events if e.kind.value == "death"}


# --------------------------------------------------------------------------- deaths
@pytest.mark.parametrize(
    "line",
    [
        # a relative's death, the relative as the bare subject, with and without an aside
        "Father died of colorectal cancer aged 61. No other family history.",
        "Grandmother (80) passed away after a stroke.",
        "Brother, aged 44, died of lymphoma.",
        "Maternal aunt deceased - ovarian cancer.",
        # a risk, a prognosis, a general statement
        "Counselled: anti-MDA5 disease carries a real risk of death from lung involvement.",
        "Cancer remains one of the leading causes of death in adult dermatomyositis.",
        "Early treatment to prevent death from respiratory failure.",
        # a form's death field left empty
        "Cause of death: not applicable.",
        "Date of death: n/a",
    ],
)
def test_no_death_of_the_patient(line: str) -> None:
    assert deaths(line) == set()


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("She died on 4 November 2026 of aspiration pneumonia.", date(2026, 11, 4)),
        ("The patient passed away on 2 November 2026.", date(2026, 11, 2)),
        # the patient's own death after a relative's in the same line
        (
            "His father died of a stroke in 2010. The patient died on 6 November 2026.",
            date(2026, 11, 6),
        ),
    ],
)
def test_the_patients_death_stays(line: str, when: date) -> None:
    assert deaths(line) == {when}
