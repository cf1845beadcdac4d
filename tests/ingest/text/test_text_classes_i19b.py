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

from myositis_cds.ingest.text import ExtractionResult, extract_case
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


# --------------------------------------------------------------------------- dating a form
def _read(note: str) -> ExtractionResult:
    return extract_case(note, today=TODAY)


DISCHARGE = """DISCHARGE SUMMARY
Sex/Age: F/63      Admission: 2/10/2026   Discharge: 19/10/2026
Address: Tsuen Wan

Investigations:
  2/10   CK 3,050 U/L (39-308)
  5/10   Myositis blot: anti-TIF1g POSITIVE. Anti-MDA5, anti-Jo-1 negative.
  7/10   HRCT thorax: no ILD.

Follow-up: Rheum clinic 2/11/2026; ENT Clinic 9/11/2026.
"""


def test_a_follow_up_line_never_dates_the_note() -> None:
    """The clinics a "Follow-up:" line lists are visits to come: the admission dates the note."""
    result = _read(DISCHARGE)
    assert result.index_date == date(2026, 10, 2)
    labs = {(lab.code.value, lab.date) for lab in result.case.labs}
    assert ("ck", date(2026, 10, 2)) in labs


def test_a_results_list_row_dates_its_tests() -> None:
    """A day and month opening a row of a dated results list date the row (the note's year)."""
    case = _read(DISCHARGE).case
    assert {(a.code.value, a.result.value, a.date) for a in case.antibodies} == {
        ("TIF1G", "positive", date(2026, 10, 5)),
        ("MDA5", "negative", date(2026, 10, 5)),
        ("JO1", "negative", date(2026, 10, 5)),
    }
    assert {(i.code.value, i.date) for i in case.investigations} == {
        ("ct_chest", date(2026, 10, 7))
    }


def test_a_grade_or_a_duration_opening_a_line_is_no_date() -> None:
    note = (
        "Clinic letter, 12 November 2026. A 58-year-old woman with dermatomyositis.\n"
        "Power:\n4/5 Deltoids bilaterally.\n3/12 History of rash and weakness.\n"
        "CK 2,000 U/L (ref 25-200).\n"
    )
    case = _read(note).case
    assert {lab.date for lab in case.labs} == {date(2026, 11, 12)}


WARD = """WARD ROUND NOTE
Date: 21/10/26    Name: Mrs Y   Age: 47yrs   Sex: F

Ix (18/10 unless stated):
 CK 6,200 U/L  (ref 24-170)
 Myositis line blot (sample 18/10, sent out; result 20/10):
   Mi-2 POS (+++)
   NEG: Jo-1, MDA5
 Abdominopelvic USS 19/10: normal
"""


def test_a_block_date_holds_unless_stated_and_the_sample_dates_the_blot() -> None:
    case = _read(WARD).case
    assert {(lab.code.value, lab.date) for lab in case.labs} == {("ck", date(2026, 10, 18))}
    assert {(a.code.value, a.date) for a in case.antibodies} == {
        ("MI2", date(2026, 10, 18)),
        ("JO1", date(2026, 10, 18)),
        ("MDA5", date(2026, 10, 18)),
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Abdominopelvic USS 19/10: normal.", {("pelvic_ultrasound", "normal")}),
        ("USG abdomen & pelvis (03/11/2026): normal study.", {("pelvic_ultrasound", "normal")}),
        ("Pelvic USS requested.", {("pelvic_ultrasound", "pending")}),
        # the abdomen alone images no pelvis: no code
        ("USG abdomen (03/11/2026): normal.", set()),
    ],
)
def test_ultrasound_of_the_pelvis_in_shorthand(line: str, expected: set[tuple[str, str]]) -> None:
    case = _read(HEAD + line).case
    assert {(i.code.value, i.result.value) for i in case.investigations} == expected


# --------------------------------------------------------------------------- the form's places
def region(header: str) -> str | None:
    note = "Clinic letter, 12 November 2026.\n" + header + "\nA 60-year-old woman with myositis.\n"
    return _read(note).case.patient.region


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the place before a form's next column, whose label the joined line runs on into
        ("Address      : Jayanagar, Bengaluru     Ward/Bed: 2nd floor", "IN"),
        ("Address: Mong Kok, Kowloon", "HK"),
        ("She lives in Kumasi.", "GH"),
        # a surname after a place is still a person ("referred from Jordan Smith")
        ("Referred from Jordan Smith.", None),
    ],
)
def test_a_forms_address(header: str, expected: str | None) -> None:
    assert region(header) == expected


# --------------------------------------------------------------------------- ward-round findings
def findings(line: str) -> dict[str, bool]:
    return {f.code.value: f.present for f in _read(HEAD + line).case.findings}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Complains of colour change of fingers to blue in the cold.", {"raynaud": True}),
        ("No cold-induced colour change of fingers.", {"raynaud": False}),
        ("Colour change of the rash over two weeks.", {}),
        ("Aching of both thighs. No joint swellings.", {"myalgia": True, "arthritis": False}),
        ("Rash over the V of the neck.", {"v_sign": True}),
        ("Shawl sign present, V of neck spared.", {"shawl_sign": True, "v_sign": False}),
    ],
)
def test_ward_round_findings(line: str, expected: dict[str, bool]) -> None:
    assert findings(line) == expected


def test_a_muscle_a_line_with_bare_grades() -> None:
    """One muscle a line, graded "gr N" with no "/5", the lines joined: each grade its muscle's
    (neck flexors 2 below extensors 4 is weaker; the fingers at 5 are not weak)."""
    note = HEAD + (
        "Power (MRC): neck flexors gr 2, neck extensors gr 4\n"
        "   deltoids gr 3 bilat, biceps gr 4 bilat\n"
        "   wrist/finger gr 5 throughout\n"
    )
    got = {f.code.value: f.present for f in _read(note).case.findings}
    assert got["neck_flexors_weaker_than_extensors"] is True
    assert got["weakness_proximal_upper"] is True
    assert got["finger_flexor_weakness"] is False


def test_a_bare_number_before_a_non_grade_stays_out() -> None:
    note = HEAD + "Shoulder: 3 injections last year. Finger extension 4/5.\n"
    got = {f.code.value for f in _read(note).case.findings}
    assert "finger_flexor_weakness" not in got


# --------------------------------------------------------------------------- conditional orders
def drugs(line: str) -> set[str]:
    return {t.drug for t in _read(HEAD + line).case.treatments}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # to start only once a condition is met: an order for later
        ("Plan: azathioprine 100 mg daily once TPMT result back.", set()),
        ("Plan: mycophenolate if the rash persists.", set()),
        # a frequency, a taper's condition after a comma, "if needed": the drug stays
        ("Prednisolone 30 mg once daily from 02/11/2026.", {"prednisolone"}),
        ("Prednisolone 30 mg from 02/11/2026, taper if improving.", {"prednisolone"}),
        ("Methotrexate 20 mg once a week since 05/10/2026.", {"methotrexate"}),
    ],
)
def test_an_order_on_a_condition_is_not_started(line: str, expected: set[str]) -> None:
    assert drugs(line) == expected
