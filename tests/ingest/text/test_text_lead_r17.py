"""Issue #10 (lead, round 17): a lab value is read whole or not at all.

Round 17a made a number followed by a time unit no lab value ("CK 450 weekly" is a schedule).
The number pattern could then give back digits: "CK 1,200 weeks" failed as 1,200 and matched
again as "1" before the comma. The value is now matched atomically, so a number that is refused
is never read as a shorter one. Our own sentences, values worked out by hand.
"""

from __future__ import annotations

from .helpers import labs_coded


def _ck(note: str) -> list[float | None]:
    return [lab.value for lab in labs_coded(note, "ck")]


def test_a_refused_grouped_number_is_not_read_as_its_first_digits() -> None:
    assert _ck("A 50-year-old woman. CK 1,200 weeks after the first dose.") == []
    assert _ck("A 50-year-old woman. CK 1,200 times the upper limit.") == []


def test_the_same_number_with_a_unit_is_read_whole() -> None:
    assert _ck("A 50-year-old woman. CK 1,200 U/L.") == [1200.0]
    assert _ck("A 50-year-old woman. CK 1,200 U/L weekly since May.") == [1200.0]


# A thousands group written with a plain space ("2 870") is one number when a unit per litre
# follows. The units per litre are the labs' own list (patterns.yaml unit_synonyms U/L), so a
# spelling added there for a new language counts at once; before, style.yaml kept a second list
# and the Georgian and Azerbaijani forms read "2 870 ე/ლ" as CK 2.


def test_every_unit_per_litre_spelling_joins_a_space_grouped_thousands() -> None:
    from myositis_cds.ingest.text._rules import rules

    spellings = [u for u in rules().patterns.unit_synonyms["U/L"] if "/" in u]
    assert {"ე/ლ", "V/L", "Մ/լ", "Ед/л", "U/L"} <= set(spellings)
    for unit in spellings:
        assert _ck(f"A 50-year-old woman.\nCK 2 870 {unit} (24-170)\n") == [2870.0], unit


def test_without_a_unit_per_litre_a_space_between_numbers_is_no_thousands_group() -> None:
    # two numbers of a list and a count of a different unit are not joined
    assert 12003.0 not in _ck("A 50-year-old woman.\nCK 12 3 weeks apart\n")
    assert 2870.0 not in _ck("A 50-year-old woman.\nCK 2 870 mg\n")


# A screening test stated as not done, declined, deferred or unavailable is no test: it had been
# recorded as a NORMAL screen ("Upper GI endoscopy: not done", "Mammogram: declined") or as done
# with its result not stated ("Colonoscopy not performed"), either of which tells the screening
# plan a test was done. Expected outcomes by hand: nothing recorded for the test not done, its
# neighbour's own result kept.


def _investigations(note: str) -> list[tuple[str, str]]:
    from datetime import date

    from myositis_cds.ingest.text import extract_case

    case = extract_case(note, today=date(2026, 11, 27)).case
    return [(i.code.value, i.result.value) for i in case.investigations]


def test_a_test_not_done_declined_or_deferred_is_not_recorded() -> None:
    head = "A 50-year-old woman seen on 10/08/2026.\n"
    for line in (
        "Upper GI endoscopy: not done.",
        "Colonoscopy not performed.",
        "Colonoscopy was not done due to cost.",
        "Mammogram: declined.",
        "Colonoscopy - pt refused.",
        "CT chest: not available.",
        "EGD deferred.",
        "PET-CT was cancelled.",
    ):
        assert _investigations(head + line + "\n") == [], line


def test_the_neighbouring_test_keeps_its_own_result() -> None:
    head = "A 50-year-old woman seen on 10/08/2026.\n"
    assert _investigations(head + "Mammogram declined; CT chest/abdomen/pelvis normal.\n") == [
        ("ct_chest_abdomen_pelvis", "normal")
    ]
    assert _investigations(head + "Colonoscopy: normal. Mammogram: declined.\n") == [
        ("colonoscopy", "normal")
    ]
