"""Antibody panels dated twice, by their sample and by their report (issue #10, i40a). Every
sentence is our own; each expected date is worked out by hand from the words: a panel's results
are the sample's (the day the blood was taken or sent), not the day the report came back
(tests/data/notes/README.md: the note's date is the day seen, not the day typed; a laboratory's
result is dated by its sample, i10q).

- a report's date in the panel's aside after a date the aside or the row opens with ("(Leeds,
  13.11.2026, result 17.11.2026)", "10/11/2026: line blot (report 13/11/2026):") is the
  report's, even without a word for the sample;
- the report's words "back", "phoned (through)", "result by phone", and of Turkmen, Kyrgyz,
  Tetum, Telugu, Burmese and Amharic; the sample's words "serum (of)", Faroese/Icelandic
  "sýni", Burmese and Amharic;
- rows under a heading that gives a sample's and a report's date take the sample's;
- a row's date labelled by its colon dates the rows indented under it;
- a result restated as the diagnosis's attribute on the line that dates the diagnosis is the
  assay's result, not a second test on the diagnosis's day (never across polarities);
- a creatine kinase named with the fraction or method the laboratory prints after it ("CK
  total", "CPK-NAC") is the creatine kinase;
- a positive graded down in a laboratory's abbreviation ("weak pos", "WEAK POS (+)") or in
  Hungarian ("gyengén pozitív") is weak-positive;
- the patient's field with an English courtesy title before the name ("Patient: Mrs J. Doe")
  gives the sex; a "Mr" elsewhere (a surgeon, a referrer) does not;
- an antibody's level in the bracket after its result, its assay's name before it ("positive
  (ELISA 146 units, ...)", "POSITIVE by ELISA (62 units; ...)"), or after a bracket of the
  assay ("anti-HMGCR (ELISA, DATE) ... positive, 212 CU"), is its level.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

HEAD = "Clinic letter, seen 20/11/2026.\nWoman, 60 years old, heliotrope rash of both eyelids.\n"


def _dated(body: str) -> dict[str, tuple[str, date]]:
    return {a.code.value: (a.result.value, a.date) for a in read(HEAD + body).case.antibodies}


@pytest.mark.parametrize(
    ("body", "sampled"),
    [
        # the sample's word and a report's word of the result phoned or come back
        (
            "Myositis line blot (sent 15/11/2026, phoned through 16/11/2026): anti-MDA5 "
            "positive; anti-Jo-1 negative.",
            date(2026, 11, 15),
        ),
        (
            "Myositis panel (sent 24/09/2026, back 27/09/2026): anti-MDA5 positive; anti-Jo-1 "
            "negative.",
            date(2026, 9, 24),
        ),
        (
            "Myositis line blot: taken 16/10/2026, sent via courier to the reference lab, "
            "result by phone 19/10/2026: anti-MDA5 POSITIVE (+++). Jo-1 negative.",
            date(2026, 10, 16),
        ),
        # an aside with two dates, the second the report's, no word for the sample
        (
            "Myositis immunoblot (Leeds, 13.11.2026, result 17.11.2026): anti-MDA5 positive; "
            "anti-Jo-1 negative.",
            date(2026, 11, 13),
        ),
        # the row's date opens the sentence; the aside gives the report's
        (
            "05.11.2026  Myositis immunoblot (reference laboratory; result 12.11.2026):\n"
            "  MDA5 - positive;\n  Jo-1 - negative.",
            date(2026, 11, 5),
        ),
        (
            "10/11/2026: Myositis line blot (reference lab,\n            report 13/11/2026):\n"
            "            MDA5 positive\n            Jo-1 - negative",
            date(2026, 11, 10),
        ),
        # the heading's sample and result dates over rows of their own
        (
            "Myositis line blot (sample 04-11-2026, result 06-11-2026)\n"
            "anti-MDA5 ........ positive (+++)\nanti-Jo-1 ........ negative",
            date(2026, 11, 4),
        ),
        # an addendum's date over a sample of an earlier day
        (
            "ADDENDUM 2 (23.11.2026) - myositis antibodies (line blot, serum of 10.11.2026):\n"
            "anti-MDA5 positive; Jo-1 negative.",
            date(2026, 11, 10),
        ),
        # the result's words of other languages after the sample's date
        (
            "Miozit immunoblot (05.11.2026, netije 12.11.2026): MDA5 - položitel; Jo-1 - "
            "otrisatel.",
            date(2026, 11, 5),
        ),
        (
            "Myositis-antistoff (sýni tikið 3.11.2026, svar 10.11.2026): MDA5 jákvæð. Jo-1 "
            "neikvæð.",
            date(2026, 11, 3),
        ),
    ],
)
def test_panel_dated_by_its_sample(body: str, sampled: date) -> None:
    read_back = _dated(body)
    assert read_back["MDA5"] == ("positive", sampled)
    assert read_back["JO1"] == ("negative", sampled)


def test_report_date_alone_still_dates_the_panel() -> None:
    # no other date: the report's is the only one the note gives, and is kept
    body = "Myositis immunoblot (Leeds; result 17.11.2026): anti-MDA5 positive; Jo-1 negative."
    assert _dated(body)["MDA5"] == ("positive", date(2026, 11, 17))


def test_report_date_outside_an_aside_is_kept() -> None:
    # two dates of two stories, no aside: the nearest one dates the results, as before
    body = "CT chest 03.11.2026 clear. Myositis blot reported 12.11.2026: anti-MDA5 positive."
    assert _dated(body)["MDA5"] == ("positive", date(2026, 11, 12))


# ------------------------------------------------ a result restated on the diagnosis's line
DIAGNOSED = (
    "Clinic letter, seen 20/11/2026.\nWoman, 60 years old.\n"
    "Diagnoses:\n1. Dermatomyositis, anti-MDA5 positive, diagnosed 16/06/2026.\n\n"
)


def test_diagnosis_line_restates_the_assay() -> None:
    note = DIAGNOSED + "Myositis line blot (sample 10/06/2026): anti-MDA5 strongly positive (3+).\n"
    got = [(a.code.value, a.result.value, a.date) for a in read(note).case.antibodies]
    assert got == [("MDA5", "positive", date(2026, 6, 10))]


def test_disease_label_before_its_assay_in_brackets() -> None:
    # the label's result is dated on the visit; its assay, in the bracket after it, on its day
    note = (
        "Clinic letter, seen 20/11/2026.\nWoman, 60 years old.\n"
        "Other conditions: dermatomyositis, anti-MDA5 positive (line blot 09/07/2026: MDA5 "
        "strong 3+; Jo-1 negative), diagnosed 14/07/2026.\n"
    )
    got = {(a.code.value, a.result.value, a.date) for a in read(note).case.antibodies}
    assert got == {("MDA5", "positive", date(2026, 7, 9)), ("JO1", "negative", date(2026, 7, 9))}


def test_diagnosis_line_kept_without_an_assay_elsewhere() -> None:
    # no assay states the result on another day: the diagnosis's line is the only reading
    got = [(a.code.value, a.result.value, a.date) for a in read(DIAGNOSED).case.antibodies]
    assert got == [("MDA5", "positive", date(2026, 6, 16))]


def test_diagnosis_line_kept_beside_an_opposite_assay() -> None:
    # the assay's result is the opposite one: both are kept, never one dropped for the other
    note = DIAGNOSED + "Myositis line blot (sample 10/06/2026): anti-MDA5 negative.\n"
    got = {(a.code.value, a.result.value, a.date) for a in read(note).case.antibodies}
    assert ("MDA5", "positive", date(2026, 6, 16)) in got
    assert ("MDA5", "negative", date(2026, 6, 10)) in got


# ------------------------------------------------------- creatine kinase named with its method
@pytest.mark.parametrize(
    ("line", "value", "upper"),
    [
        ("CK total 2,340 U/L (normal 26-192).", 2340.0, 192.0),
        ("CPK total 2,890 U/L (NV 26-140)    AST 98 U/L (NV up to 40)", 2890.0, 140.0),
        ("CPK-NAC: 4,560 IU/L (24-195)", 4560.0, 195.0),
        ("Total creatine kinase 3,100 U/L (ref 26-192).", 3100.0, 192.0),
    ],
)
def test_creatine_kinase_with_its_method(line: str, value: float, upper: float) -> None:
    (ck,) = [lab for lab in read(HEAD + line).case.labs if lab.code.value == "ck"]
    assert (ck.value, ck.upper_limit) == (value, upper)


# ------------------------------------------------------------ a positive graded down, abbreviated
@pytest.mark.parametrize(
    "line",
    [
        "Myositis blot: anti-SRP NEG; anti-Ro52 WEAK POS (+); anti-Jo-1 NEG",
        "Myositis blot: anti-Ro52 weak pos; anti-Jo-1 neg.",
        "Myositis blot: anti-Ro52 weakly pos. (+), anti-Jo-1 neg.",
        "Myositis blot: anti-Ro52 low pos, anti-Jo-1 neg.",
        "Immunoblot: anti-Ro-52 gyengén pozitív (+); anti-Jo-1 negatív.",
    ],
)
def test_weak_positive_abbreviated(line: str) -> None:
    got = _dated(line)
    assert (got["RO52"][0], got["JO1"][0]) == ("weak_positive", "negative")


def test_bare_pos_stays_positive() -> None:
    got = _dated("Myositis blot: anti-Jo-1 positive, Ro52 pos, PL-7 neg.")
    assert (got["JO1"][0], got["RO52"][0], got["PL7"][0]) == ("positive", "positive", "negative")


# ----------------------------------------------------- the sex from the patient's field's title
@pytest.mark.parametrize(
    ("header", "sex"),
    [
        ("Patient: Mrs Jane DOE   DOB 09/06/1974 (52 yrs)", "female"),
        ("Patient: Mr John DOE   DOB 09/06/1974 (52 yrs)", "male"),
        ("Name: Ms J. Doe, DOB 09/06/1974", "female"),
        ("DOB 09/06/1974 (52 yrs). Referred by Mr Smith, surgeon.", "unknown"),
    ],
)
def test_sex_from_the_patient_field_title(header: str, sex: str) -> None:
    note = f"Ward review 18/11/2026\n{header}\nRash on the hands, proximal weakness.\n"
    assert read(note).case.patient.sex.value == sex


# ------------------------------------------------------ an antibody's level in the assay's bracket
@pytest.mark.parametrize(
    ("line", "code", "level", "unit"),
    [
        ("Anti-MDA5 positive 29/09/2026 (ELISA 146 units, cut-off 32).", "MDA5", 146.0, "units"),
        ("Anti-TIF1-gamma POSITIVE by ELISA (62 units; positive > 32).", "TIF1G", 62.0, "units"),
        (
            "Anti-TIF1-gamma was strongly positive by ELISA (148 units, positive >32).",
            "TIF1G",
            148.0,
            "units",
        ),
        (
            "anti-HMGCR (ELISA, 2025-05-08) ....... positive, 212 CU (ref < 20)",
            "HMGCR",
            212.0,
            "CU",
        ),
    ],
)
def test_level_in_the_assay_bracket(line: str, code: str, level: float, unit: str) -> None:
    (ab,) = [a for a in read(HEAD + line).case.antibodies if a.code.value == code]
    assert (ab.result.value, ab.level, ab.unit) == ("positive", level, unit)


def test_no_level_from_another_test_in_the_bracket() -> None:
    # a bracket that opens on another test's value gives the antibody no level
    (ab,) = read(HEAD + "anti-Jo-1 positive (CK 1200 U/L).").case.antibodies
    assert (ab.result.value, ab.level) == ("positive", None)
