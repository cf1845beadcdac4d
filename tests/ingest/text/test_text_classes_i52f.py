"""Issue #10, twenty-seventh session (branch i52f): findings read with the wrong polarity, by
class (a checklist's Y/N columns, a count of fingers taken for a grade, a list closed by a plural
"were absent", a bare "gone", a clause-final Hungarian "denies"). Each expectation is worked out
by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _findings(text: str) -> dict[str, bool]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {f.code.value: f.present for f in case.findings}


# --- a grid under the capital initials "Y   N": the ticked column is the answer
# (_normalise._COLUMN)


def test_a_checklist_under_y_n_columns_reads_the_ticked_column() -> None:
    text = (
        "ANAESTHETIC CHECKLIST                   Y   N\n"
        "  Angina ............................. [ ] [X]\n"
        "  Swallowing problems ................ [ ] [X]\n"
        "  Raynaud's phenomenon ............... [X] [ ]\n"
        "\n"
        "Plan: proceed.\n"
    )
    found = _findings(text)
    assert found.get("dysphagia") is False
    assert found.get("raynaud") is True


# --- a bare number before the fingers counts them (rules/strength.yaml counted_after_number)


@pytest.mark.parametrize(
    "sentence",
    [
        "Airway: mouth opening 2 fingers, Mallampati 3.",
        "Abdomen soft, liver edge 3 fingers below the costal margin.",
        "Thyromental distance 3 finger breadths.",
    ],
)
def test_a_count_of_fingers_is_no_grade(sentence: str) -> None:
    assert "finger_flexor_weakness" not in _findings(sentence)
    # after the muscle, the number is still its grade; "/5" before it, too
    assert _findings(sentence + " Power: hip flexors 4 fingers 4 deltoids 5.")[
        "finger_flexor_weakness"
    ]
    assert _findings(sentence + " Power 4/5 fingers bilaterally.")["finger_flexor_weakness"]


# --- a plural copula closing a list denies the whole list (rules/context.yaml)


def test_a_list_closed_by_were_absent_is_all_absent() -> None:
    found = _findings("Gottron's papules, mechanic's hands and the shawl sign were absent.")
    assert found == {"gottron_papules": False, "mechanics_hands": False, "shawl_sign": False}
    # a contrast still ends the plural denial
    found = _findings("The heliotrope rash was florid, but the V-sign and shawl sign were absent.")
    assert found == {"heliotrope_rash": True, "v_sign": False, "shawl_sign": False}


# --- the bare participle "gone" of a telegraphic note (rules/context.yaml)


def test_a_sign_gone_is_no_longer_present() -> None:
    assert _findings("Review: V-sign gone, heliotrope still present.") == {
        "v_sign": False,
        "heliotrope_rash": True,
    }
    # a level gone up is no resolution of the sign after it
    assert _findings("V-sign gone. CK gone up again; mechanic's hands seen today.") == {
        "v_sign": False,
        "mechanics_hands": True,
    }


# --- the Hungarian "denies" at its clause's end (rules/context.yaml)


@pytest.mark.parametrize("verb", ["tagad", "tagadja"])
def test_a_hungarian_denial_closing_its_clause(verb: str) -> None:
    assert _findings(f"Raynaud-jelenséget {verb}.") == {"raynaud": False}


# --- a sign named with its site in a few words is dated by the "since DATE" closing its
# clause (_draft._since_reached)


def _dated(text: str) -> dict[str, date | None]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {f.code.value: f.date for f in case.findings}


def test_a_sign_with_its_site_is_dated_by_the_since_closing_its_clause() -> None:
    found = _dated(
        "A violaceous rash on both upper eyelids and over the knuckles since 03/08/2026."
    )
    assert found == {"heliotrope_rash": date(2026, 8, 3), "gottron_sign": date(2026, 8, 3)}
    # a comma ends the clause the date reaches back over: the sign before it keeps the visit's
    # date
    found = _dated("A violaceous rash on both upper eyelids, and weak thighs since 03/08/2026.")
    assert found == {
        "heliotrope_rash": date(2026, 11, 20),
        "weakness_proximal_lower": date(2026, 8, 3),
    }
