"""Issue #10, twenty-ninth session (branch i54d): date forms and what they date. Each
expectation is worked out by hand on text written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
ANCHOR = date(2026, 11, 20)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=ANCHOR, today=TODAY).case


def _findings(text: str) -> set[tuple[str, bool, date | None]]:
    return {(f.code.value, f.present, f.date) for f in _case(text).findings}


# --- a form's declared date template governs how its dates are read (rules/style.yaml
# declared_format; rules/patterns.yaml time.dates groups sp_*)

_SPACED_FORM = """INSURER'S PHYSICIAN STATEMENT - print clearly; {declaration}
Claimant: a 48-year-old woman.
Onset of illness: 2026 03 (gradual).
Date of examination: 2026 10 21
Findings: Gottron papules over the knuckles since 2026 05 02. No dysphagia.
Diagnosis: dermatomyositis.
"""


def test_a_declared_spaced_template_makes_its_dates_dates() -> None:
    case = _case(_SPACED_FORM.format(declaration="all dates YYYY MM DD"))
    assert case.onset_date == date(2026, 3, 1)  # a year and month: the 1st
    found = {(f.code.value, f.present, f.date) for f in case.findings}
    assert ("gottron_papules", True, date(2026, 5, 2)) in found
    assert ("dysphagia", False, date(2026, 10, 21)) in found  # the examination's day
    for other in (
        "thank you",  # nothing declared: "2026 03" may be a year and a count
        "dates as DD MM YYYY",  # another order declared: "2026 05 02" is not of it
        "dates as YYYY/MM/DD",  # the order declared with slashes, not spaces
    ):
        case = _case(_SPACED_FORM.format(declaration=other))
        assert case.onset_date is None
        assert not any(f.date == date(2026, 5, 2) for f in case.findings)


def test_a_declared_day_first_spaced_template() -> None:
    text = (
        "CLAIM FORM (write dates DD MM YYYY)\n"
        "A 55-year-old man with dermatomyositis.\n"
        "Date of examination: 03 11 2026\n"
        "Heliotrope rash since 14 09 2026. Proximal weakness: none.\n"
    )
    found = _findings(text)
    assert ("heliotrope_rash", True, date(2026, 9, 14)) in found


def test_a_value_after_a_spaced_date_is_the_result_not_the_year() -> None:
    text = (
        "Return to work report (dates: YYYY MM DD)\n"
        "A 51-year-old man with dermatomyositis. Date of examination: 2026 11 02\n"
        "Investigations:\n"
        "   CK 2026 09 15 .............. 1840 U/L (N 30-200)\n"
    )
    labs = [(lab.code.value, lab.value, lab.date) for lab in _case(text).labs]
    assert labs == [("ck", 1840.0, date(2026, 9, 15))]


_MARCH_4, _APRIL_3 = date(2026, 3, 4), date(2026, 4, 3)


@pytest.mark.parametrize(
    ("declaration", "seen"),
    [
        ("Date of birth (mm/dd/yyyy): 02/01/1970", _MARCH_4),
        ("Dates as MM-DD-YYYY.", _MARCH_4),
        ("Date of birth (dd/mm/yyyy): 02/01/1970", _APRIL_3),
        ("Alle Daten im Format TT/MM/JJJJ.", _APRIL_3),
        ("Dates au format jj/mm/aaaa.", _APRIL_3),
    ],
)
def test_a_declared_order_decides_the_dates_that_could_go_either_way(
    declaration: str, seen: date
) -> None:
    # the spelling says the other order ("oedema" day first, "edema" month first): a guess the
    # form's own template overrules
    spelling = "oedema" if seen == _MARCH_4 else "edema"
    text = (
        f"Referral form. {declaration}\n"
        "Seen in clinic 03/04/2026: a 56-year-old woman with dermatomyositis.\n"
        f"Gottron papules on both hands today. No ankle {spelling}.\n"
    )
    assert ("gottron_papules", True, seen) in _findings(text)
    # two templates that disagree declare nothing: the spelling's guess stands
    other = "(dd/mm/yyyy)" if seen == _MARCH_4 else "(mm/dd/yyyy)"
    both = text.replace(declaration, f"{declaration} Date of referral {other}")
    guess = _APRIL_3 if seen == _MARCH_4 else _MARCH_4
    assert ("gottron_papules", True, guess) in _findings(both)


# --- a form's diagnosis-date field under the myositis "with interstitial lung disease": the lung
# named as the myositis's own disease is no tumour's site (_timeline._names_tumour)


@pytest.mark.parametrize(
    "disease",
    [
        "Antisynthetase syndrome (anti-Jo-1) with interstitial lung disease",
        "Dermatomyositis with lung involvement (ILD)",
    ],
)
def test_a_diagnosis_field_after_the_myositis_and_its_lung_disease(disease: str) -> None:
    text = (
        "Clinic 12/11/2026. A 62-year-old man.\n\n"
        "DIAGNOSIS\n"
        f"   {disease}.\n"
        "   Date of diagnosis: 2026-05-18.\n"
    )
    assert _case(text).diagnosis_date == date(2026, 5, 18)
    # a tumour of the lung named between still dates the tumour, not the myositis
    cancer = text.replace(disease, f"{disease}; adenocarcinoma of the lung")
    assert _case(cancer).diagnosis_date is None


# --- a log entry headed by the day of the week before its date ("Tue 10/11/26  VISIT 2"): its
# date governs the lines indented under the heading line (_timeline._entry_indent)

_LOG = """COMMUNITY REHAB VISIT LOG
A 67-year-old woman. Dermatomyositis diagnosed at the regional centre 14/06/26, rash first.

{first}  VISIT 1   (physio)
 O/E: Gottron papules over the MCPs.
 Power: hip flexors 4/5 both sides, ankle dorsiflexion 5/5.
 Bloods today: CK 880 U/L (ref 30-200).

{second}  VISIT 2   (physio)
 O/E: no Gottron papules now.
 Bloods today: CK 420 U/L (ref 30-200).
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tue 10/11/26", "Thu 12/11/26"),
        ("Tuesday 10/11/2026", "Thursday 12/11/2026"),
        ("TUE 10/11/2026", "THU, 12/11/2026"),
    ],
)
def test_a_weekday_before_an_entry_date_still_heads_the_entry(first: str, second: str) -> None:
    case = _case(_LOG.format(first=first, second=second))
    found = {(f.code.value, f.present, f.date) for f in case.findings}
    assert ("gottron_papules", True, date(2026, 11, 10)) in found
    assert ("gottron_papules", False, date(2026, 11, 12)) in found
    assert ("weakness_proximal_lower", True, date(2026, 11, 10)) in found
    labs = sorted((lab.value, lab.date) for lab in case.labs)
    assert labs == [(420.0, date(2026, 11, 12)), (880.0, date(2026, 11, 10))]


# --- a nursing record's date field with its shift after it is the day of care, before the
# admission date the form gives further down (rules/patterns.yaml time.note_date)


@pytest.mark.parametrize("shift", ["Date: 12/11/2026, night shift", "Date: 12/11/2026 (day shift)"])
def test_a_date_field_with_its_shift_is_the_day_of_care(shift: str) -> None:
    text = (
        f"WARD NURSING RECORD        {shift}\n"
        "Age: 44 y    Sex: M\n"
        "Date of admission: 02/11/2026\n\n"
        "Known dermatomyositis. Skin check this shift: heliotrope rash of both upper lids.\n"
    )
    assert ("heliotrope_rash", True, date(2026, 11, 12)) in _findings(text)


# --- the noun "diagnosis" opening a bracket with its date, after the myositis's name
# (rules/patterns.yaml time.diagnosed)


@pytest.mark.parametrize("bracket", ["(diagnosis 05/10/2026)", "(diagnosis: 05/10/2026)"])
def test_a_bracketed_diagnosis_date_after_the_myositis(bracket: str) -> None:
    text = (
        "Clinic 12/11/2026. A 39-year-old woman.\n"
        f"Dermatomyositis, anti-NXP2 positive {bracket}. Calcinosis of both elbows.\n"
    )
    assert _case(text).diagnosis_date == date(2026, 10, 5)
    # a tumour's diagnosis in the bracket is not the myositis's
    tumour = text.replace("Dermatomyositis, anti-NXP2 positive", "Dermatomyositis; breast cancer")
    assert _case(tumour).diagnosis_date is None


# --- a year-first date with its month's name ("2026 Aug 15") followed by a remark in brackets
# or a semicolon and words is the patient's date, not a journal's issue ("2019 Mar 15;12(3)")
# (rules/patterns.yaml time.dates, the citation style)


@pytest.mark.parametrize(
    ("line", "drug", "start"),
    [
        ("Prednisolone 40 mg daily started 2026 Aug 15 (now 10 mg daily).", "prednisolone", 15),
        ("Methotrexate 15 mg weekly started 2026 Aug 21; folic acid weekly.", "methotrexate", 21),
    ],
)
def test_a_year_first_date_before_a_remark_is_the_patients(
    line: str, drug: str, start: int
) -> None:
    text = f"Clinic 2026 Nov 10. A 58-year-old woman with dermatomyositis.\n{line}\n"
    starts = [(t.drug, t.start) for t in _case(text).treatments]
    assert starts == [(drug, date(2026, 8, start))]
