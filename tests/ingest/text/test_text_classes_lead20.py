"""Issue #10, twentieth session: one reading of what may stand between a diagnosis and the colon
that opens the list of what was found at it (rules/patterns.yaml fragment DIAGNOSIS_LEAD_IN),
shared by the two readers that used to spell it apart: the presentation at diagnosis
(facts/patient.py, the signs listed are this illness's start) and the statement of the
presentation (patterns ``presentation_statement``, whose "since" dates a sign's start). Each is
checked on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from myositis_cds.ingest.text._rules import rules

TODAY = date(2026, 11, 27)


def _findings(text: str) -> set[tuple[str, bool, str]]:
    case = extract_case(text, today=TODAY).case.model_dump(mode="json", exclude_none=True)
    return {(f["code"], f["present"], f["date"]) for f in case.get("findings", [])}


@pytest.mark.parametrize(
    "lead_in",
    [
        " 19.3.25 at clinic:",  # a date's dots
        " 04/22/2025 at the children's hospital (Dr K. Moss, paediatric rheumatology):",
        " by Dr. K. Moss:",  # a title and an initial with their dots
        " by Mrs. J. Okafor (nurse specialist):",
        " on 2024-05-12 by rheumatology:",
    ],
)
def test_both_readers_take_the_same_lead_in(lead_in: str) -> None:
    (lead,) = rules().value["diagnosis_lead_in"]
    text = "Dermatomyositis diagnosed" + lead_in + " rash"
    start = text.index("diagnosed") + len("diagnosed")
    assert lead.match(text, start) is not None
    assert lead.match(text, start).end() == text.index(" rash")
    statement = rules().value["presentation_statement"]
    assert any(rx.search(text) for rx in statement)


@pytest.mark.parametrize(
    "lead_in",
    [
        " in 2010. Today:",  # a full stop ends the sentence
        " in 2010; now:",
        " in 2010\nExam:",
        " with type b. Exam:",  # a lower-case letter before a full stop is no initial
    ],
)
def test_neither_reader_crosses_a_sentence_end(lead_in: str) -> None:
    (lead,) = rules().value["diagnosis_lead_in"]
    text = "Dermatomyositis diagnosed" + lead_in + " rash"
    start = text.index("diagnosed") + len("diagnosed")
    assert lead.match(text, start) is None
    statement = rules().value["presentation_statement"]
    diagnosed = [rx for rx in statement if "diagnosed" in rx.pattern]
    assert diagnosed and not any(rx.search(text) for rx in diagnosed)


def test_a_title_before_a_name_opens_the_presentation_at_diagnosis() -> None:
    # the signs after the colon are the illness's start, dated on the diagnosis's day, though
    # more than a year before the visit and though the exam today is normal
    note = (
        "Sex: F Age: 58\nDate of visit: 11/20/2026\n\n"
        "Diagnosed 03/02/2025 by Mrs. J. Okafor (nurse specialist): Gottron's papules, hip "
        "flexors 3/5.\n\nExam: strength 5/5 throughout."
    )
    found = _findings(note)
    assert ("gottron_papules", True, "2025-03-02") in found
    assert ("weakness_proximal_lower", True, "2025-03-02") in found


# ----------------------------------- an age at a past diagnosis, read only when no other is
def _age(text: str) -> int | None:
    patient = extract_case(text, today=TODAY).case.patient
    return None if patient is None else patient.age


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # the past age passed over, a relative's age not the patient's: the past age is taken
        (
            "She was diagnosed at the age of 47 with dermatomyositis. Her mother, aged 80, "
            "had breast cancer.",
            47,
        ),
        # the age now, stated after the past one, is taken first
        ("She was diagnosed at the age of 47 with dermatomyositis. She is now 52 years old.", 52),
        # two past ages: the first in the text's order
        (
            "Dermatomyositis was diagnosed at the age of 47. Breast cancer was diagnosed at "
            "the age of 49.",
            47,
        ),
    ],
)
def test_an_age_at_a_past_diagnosis_is_read_only_when_no_other_is(text: str, age: int) -> None:
    assert _age(text) == age
