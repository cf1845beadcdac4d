"""A note's own conventions (issue #10, ``_style``): decimal comma or point, thousands dot or
comma, numeric date order, grades and numbers said in words. Each vignette is our own wording;
the expected values are worked out by hand from how the note writes its numbers (a German letter
writes 1846 as "1.846" and 1.8 as "1,8"; a US consult writes 5 April as "04/05/2026")."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._style import NoteStyle, read_style
from tests.ingest.text.helpers import findings_of, read


def written(text: str) -> tuple[str, NoteStyle]:
    """``text`` as the rules will read it, and the style decided for it."""
    style, rewrites = read_style(text, rules())
    out = text
    for start, end, new in sorted(rewrites, reverse=True):
        out = out[:start] + new + out[end:]
    return out, style


def labs(note: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for lab in read(note).case.labs:
        if lab.value is not None:
            out.setdefault(lab.code.value, []).append(lab.value)
    return out


# ------------------------------------------------------------------ decimal comma or point
def test_a_decimal_comma_note_reads_commas_as_decimals_and_dots_as_thousands() -> None:
    text, style = written("Kreatinin 0,7 mg/dl; CK 3.120 U/l; Temperatur 38,2 °C; Ferritin 1.402.")
    assert style.decimal == "comma"
    # 0,7 -> 0.7; 3.120 U/l -> 3120 (an enzyme activity has no three decimals); 38,2 -> 38.2;
    # 1.402 with no unit follows the note: a thousands dot, 1402
    assert text == "Kreatinin 0.7 mg/dl; CK 3,120 U/l; Temperatur 38.2 °C; Ferritin 1,402."


def test_an_english_note_is_left_as_written() -> None:
    note = "Creatinine 0.7 mg/dL, CK 3,120 U/L, prednisolone 2.5 mg, ratio 1.402."
    text, style = written(note)
    assert style.decimal == "point"
    assert text == note  # 1.402 stays one and a bit in a note that writes decimal points


def test_decimal_comma_letter_end_to_end() -> None:
    note = (
        "Discharge letter, 09.03.2026.\n"
        "Mrs. Anna Keller, 61-year-old woman, with dermatomyositis.\n"
        "Laboratory: CK 4.215 U/l, LDH 389 U/l, CRP 2,6 mg/dl (ref. < 0,5).\n"
        "CT: mass in the left upper lobe of the lung, 2,7 x 1,9 cm, adenocarcinoma on biopsy.\n"
    )
    found = labs(note)
    assert found["ck"] == [4215.0]  # not 4.215
    assert found["crp"] == [26.0]  # 2.6 mg/dL written in mg/L (x10), not 2 or 6
    case = read(note).case
    assert [t.size_mm for t in case.tumours] == [27.0]  # 2,7 cm is 27 mm (the largest side)


def test_a_count_unit_says_thousands_whatever_the_note_does() -> None:
    text, style = written("CK 5.730 U/l on admission.")
    assert style.decimal == "comma"  # the only evidence: a thousands dot
    assert text == "CK 5,730 U/l on admission."
    text, style = written("CK 5,730 U/L on admission.")
    assert style.decimal == "point"
    assert text == "CK 5,730 U/L on admission."


@pytest.mark.parametrize(
    ("reference", "thousands"),
    [
        ("(ref. < 100)", True),  # exactly the smallest whole-number limit that tells
        ("(ref. < 99)", False),  # one below: three decimals are not ruled out
        ("(normal 30-200)", True),
        ("(normal 0.5-1.2)", False),
    ],
)
def test_a_whole_number_reference_limit_of_100_or_more_says_thousands(
    reference: str, thousands: bool
) -> None:
    text, style = written(f"Aldolase 1.307 {reference}")
    if thousands:
        assert "1,307" in text
        assert style.ambiguous_numbers == ()
    else:
        assert "1.307" in text


def test_an_undecided_number_is_flagged_not_guessed() -> None:
    # no decimal written anywhere: 1.975 could be one and a bit or nearly two thousand
    note = (
        "Clinic letter, 61-year-old man with dermatomyositis seen today.\n"
        "CK 1.975 today, repeat in a fortnight.\n"
    )
    result = read(note)
    cks = [lab for lab in result.case.labs if lab.code.value == "ck"]
    assert len(cks) == 1
    assert cks[0].evidence is not None and cks[0].evidence.certainty == "uncertain"
    warning = next(w for w in result.warnings if w.startswith("ck:"))
    assert "1.975" not in warning and "1975" not in warning  # no patient data in the warning


def test_a_thousands_comma_in_a_note_without_decimals_keeps_the_english_reading() -> None:
    text, style = written("CK on admission 7,450. Repeat next week.")
    assert style.decimal is None and not style.mixed
    assert text == "CK on admission 7,450. Repeat next week."
    assert style.ambiguous_numbers == ()  # a decimal comma with three decimals would be odd


def test_a_mixed_note_flags_both_readings() -> None:
    # one decimal comma, one decimal point: neither convention has a majority
    _, style = written("Kalium 4,1 mmol/l, albumin 3.9 g/dl; CK 2.345 and LDH 1,150.")
    assert style.decimal is None and style.mixed
    assert len(style.ambiguous_numbers) == 2


@pytest.mark.parametrize(
    ("commas", "decimal"),
    [
        (3, "comma"),  # three decimal commas to one point: exactly the majority (3:1)
        (2, None),  # two to one: mixed, not decided
    ],
)
def test_majority_boundary(commas: int, decimal: str | None) -> None:
    values = ["4,1 mmol/l", "0,8 mg/dl", "7,2 g/dl"][:commas]
    _, style = written(", ".join([*values, "albumin 3.9 g/dl"]))
    assert style.decimal == decimal


@pytest.mark.parametrize(
    "sentence",
    [
        "Prednisolone 2.5 mg daily and ratio 1.234 noted.",  # English decimals stay
        "Software version 4.2.1 was used.",  # a version number
        "Disc bulge at C5/6 and C6,7.",  # spinal levels
        "Coded as M33.1 on the problem list.",  # an ICD-10 code
        "Cyclophosphamide on days 1,8 and 15.",  # a list of days: no unit, no convention
    ],
)
def test_numbers_that_are_not_converted(sentence: str) -> None:
    text, _ = written(sentence)
    assert text == sentence


def test_dates_and_day_month_pairs_are_untouched_in_a_decimal_comma_note() -> None:
    note = "Seen 12.11.2026; infusions from 03.11. to 06.11.2026; CRP 1,4 mg/dl."
    text, style = written(note)
    assert style.decimal == "comma"
    assert text == "Seen 12.11.2026; infusions from 03.11. to 06.11.2026; CRP 1.4 mg/dl."


def test_full_thousands_and_decimal_forms() -> None:
    text, style = written("Platelets 1.234.567 /µl; dose 1.846,5 mg; CRP 0,9 mg/dl.")
    assert style.decimal == "comma"
    assert text == "Platelets 1,234,567 /µl; dose 1,846.5 mg; CRP 0.9 mg/dl."


# ------------------------------------------------------------------ date order
def _order(note: str) -> tuple[bool, bool, str]:
    _, style = written(note)
    return style.dates.month_first, style.dates.order_known, style.date_evidence


def test_an_unambiguous_numeric_date_decides_the_order() -> None:
    assert _order("Seen 11/20/2026. Biopsy 04/05/2026.") == (True, True, "dates")
    assert _order("Seen 20/11/2026. Biopsy 04/05/2026.") == (False, True, "dates")


def test_a_spelled_out_us_date_decides_month_first() -> None:
    assert _order("Referred on March 3, 2026. CK 04/05/2026: 900.") == (
        True,
        True,
        "spelled dates",
    )


def test_several_us_conventions_decide_month_first() -> None:
    note = (
        "Date of service: 04/05/2026\nHPI: 57 y/o F, weakness. Methotrexate PO weekly, folate BID."
    )
    month_first, known, evidence = _order(note)
    assert (month_first, known, evidence) == (True, True, "cues")
    result = read(note + "\nExam: heliotrope rash of both eyelids.\n")
    rash = next(f for f in result.case.findings if f.code.value == "heliotrope_rash")
    assert rash.date == date(2026, 4, 5)  # 5 April, not 4 May
    # the clinician is told the order came from the note's habits, not from a date
    assert any("read month first" in w and "hpi" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("cues", "decided"),
    [
        ("HPI: rash. 57 y/o F. Date of service today.", True),  # exactly three cues
        ("HPI: rash. 57 y/o F.", False),  # two cues: not enough
    ],
)
def test_the_cue_count_boundary(cues: str, decided: bool) -> None:
    month_first, known, evidence = _order(cues + " Seen 04/05/2026.")
    assert (evidence == "cues") is decided
    assert known is decided
    assert month_first is decided


def test_an_ambiguous_note_date_says_which_way_it_was_read() -> None:
    # US spelling only ("edema", "tumor"): month first as before, still flagged as a guess
    note = "Date: 04/05/2026\nWoman, 58, with edema of the eyelids; no tumor on CT.\n"
    warnings = read(note).warnings
    assert any("ambiguous" in w and "read as month-day" in w for w in warnings)
    assert not any("read month first, from the note's conventions" in w for w in warnings)


def test_units_alone_do_not_make_a_note_american() -> None:
    # mg/dL and U/L are used far beyond the US: the default (day first, uncertain) stays
    month_first, known, _ = _order("CK 900 U/L, creatinine 0.8 mg/dL on 04/05/2026.")
    assert (month_first, known) == (False, False)


def test_a_note_with_no_evidence_keeps_the_default() -> None:
    note = "Woman, 58. Seen 04/05/2026 with heliotrope rash of both eyelids."
    assert _order(note) == (False, False, "none")
    rash = next(f for f in read(note).case.findings if f.code.value == "heliotrope_rash")
    assert rash.date == date(2026, 5, 4)  # 4 May: day first, the current default


def test_a_dotted_date_is_day_first_even_in_a_us_note() -> None:
    note = (
        "Date of service: 11/24/2026\nHPI: 66 y/o M. Prednisone 40 mg PO daily, PPI BID.\n"
        "Outside biopsy 03.04.2026 showed perifascicular atrophy.\n"
    )
    biopsy = read(note).case.muscle_biopsy
    assert biopsy is not None
    assert biopsy.date == date(2026, 4, 3)  # 3 April as written in Europe, not 4 March


# ------------------------------------------------------------------ grades and numbers in words
@pytest.mark.parametrize(
    ("said", "grade"),
    [
        ("Power four out of five at the deltoids.", "Power 4/5 at the deltoids."),
        ("Hip flexion graded as 4 of 5 on both sides.", "Hip flexion graded as 4/5 on both sides."),
        ("Deltoids three/five bilaterally.", "Deltoids 3/5 bilaterally."),
        ("Iliopsoas grade four minus.", "Iliopsoas grade 4-."),
        ("Biceps four plus out of five.", "Biceps 4+/5."),
        ("Deltoids four minus bilaterally, hips 4 plus.", "Deltoids 4- bilaterally, hips 4+."),
    ],
)
def test_grades_in_words_are_written_as_mrc_grades(said: str, grade: str) -> None:
    assert written(said)[0] == grade


@pytest.mark.parametrize(
    "sentence",
    [
        "Strength improved in three out of five patients.",  # a count of patients
        "She met 2 of 5 criteria for weakness.",  # a count of criteria
        "A grade three tumour was resected.",  # a tumour grade, no strength word before it
        "Weakness on 4 of 5 days of the week.",  # days
        "Deltoids 4/5 and biceps 4-/5.",  # already grades: unchanged
        "One plus one tablets twice a day.",  # arithmetic of doses, no strength word
    ],
)
def test_counts_and_other_grades_are_not_converted(sentence: str) -> None:
    assert written(sentence)[0] == sentence


def test_strength_in_words_gives_the_weakness_items() -> None:
    note = (
        "Woman, 52, seen 10 November 2026.\n"
        "Exam: strength four out of five at the shoulders and hips on both sides, five out of "
        "five at the ankles. Neck flexors three out of five, neck extensors five out of five.\n"
    )
    findings = {f.code.value: f.present for f in read(note).case.findings}
    assert findings["weakness_proximal_upper"] is True
    assert findings["weakness_proximal_lower"] is True
    assert findings["legs_proximal_weaker_than_distal"] is True  # hips 4 < ankles 5
    assert findings["neck_flexors_weaker_than_extensors"] is True  # 3 < 5


def test_ages_and_durations_in_words() -> None:
    note = (
        "A sixty-three-year-old man seen on 12 October 2026 with fourteen months of "
        "proximal weakness.\n"
    )
    case = read(note).case
    assert case.patient.age == 63
    assert case.onset_date == date(2025, 8, 12)  # fourteen months before 12 October 2026
    text, _ = written("He was aged seventy-one at diagnosis.")
    assert text == "He was aged 71 at diagnosis."
    # words the time rules read already stay words
    assert written("for three months")[0] == "for three months"


# ------------------------------------------------------------------ European reference labels
def test_the_italian_reference_label() -> None:
    # "v.n." (valori normali) labels the range; its full stop does not end the sentence
    note = (
        "Letter of 05.10.2026. Man of 59 with dermatomyositis.\n"
        "Admission labs (01.10.2026): CK 3.480 U/l (v.n. < 190), LDH 402 U/l (v.n. 135-225).\n"
    )
    by_code = {lab.code.value: lab for lab in read(note).case.labs}
    assert by_code["ck"].value == 3480.0
    assert by_code["ck"].upper_limit == 190.0
    assert (by_code["ldh"].lower_limit, by_code["ldh"].upper_limit) == (135.0, 225.0)


def test_doses_with_thousands_and_decimal_commas() -> None:
    note = (
        "Letter of 05.10.2026. Man of 59 with dermatomyositis, CRP 0,8 mg/dl.\n"
        "Therapy: cyclophosphamide 1.000 mg i.v. from 01.10.2026, prednisolone 0,5 mg/kg from "
        "01.10.2026.\n"
    )
    doses = {t.drug: t.dose for t in read(note).case.treatments}
    # a thousands dot is a thousand milligrams, a decimal comma half a milligram per kilogram
    # (issue #10, i15c: the decimal comma kept as written, the notes README's convention; the
    # dose is display text, never parsed as a number)
    assert doses == {"cyclophosphamide": "1,000 mg", "prednisolone": "0,5 mg/kg"}


def test_thousands_grouped_by_a_typographic_space() -> None:
    # narrow no-break space (French and SI style): 2 415, whatever follows
    thin = "Letter of 05.10.2026. Man of 59.\nCK 2\u202f415 U/l, aldolase 12\u202f410 U/l.\n"
    assert labs(thin)["ck"] == [2415.0]
    # a no-break space only before a count unit
    assert labs("Letter of 05.10.2026. Man of 59.\nCK 2\u00a0415\u00a0U/l.\n")["ck"] == [2415.0]
    # a plain space right after the lab's name, before a count unit: thousands
    assert labs("Letter of 05.10.2026. Man of 59.\nCK 2 415 U/l.\n")["ck"] == [2415.0]
    # elsewhere a plain space may separate two things ("Ro 52 100 U/ml"): not joined, flagged
    result = read("Letter of 05.10.2026. Man of 59.\nCK (repeat) 2 415 U/l.\n")
    ck = next(lab for lab in result.case.labs if lab.code.value == "ck")
    assert ck.evidence is not None and ck.evidence.certainty == "uncertain"
    assert any(w.startswith("ck: the note does not decide") for w in result.warnings)


@pytest.mark.parametrize(
    "label",
    ["DN", "data de nascimento", "fecha de nacimiento", "date de naissance", "DOB"],
)
def test_a_date_of_birth_in_any_labelled_form_is_never_the_visit(label: str) -> None:
    # the note's only date is the date of birth: it is not taken as the day the patient was seen
    # (that made the patient 0 years old at the visit); the visit stays undated
    note = f"Paciente: J.S., sexo feminino, 16 anos ({label} 12/03/2010). Heliotropo bilateral.\n"
    warnings = read(note).warnings
    assert not any("2010-03-12) is taken as the date of the visit" in w for w in warnings)


def test_a_date_of_birth_whose_label_follows_another_birth_phrase_is_never_the_visit() -> None:
    # "born in Lodz" is itself a birth-date label's match that runs over "DOB": the DOB's own
    # match must still be seen (overlapping matches), so 03/05/1960 is not the visit's date
    note = "Mrs K., born in Lodz, DOB 03/05/1960, seen with a heliotrope rash.\n"
    warnings = read(note).warnings
    assert not any("1960-05-03) is taken" in w or "1960-03-05) is taken" in w for w in warnings)


def test_a_visit_date_after_a_labelled_date_of_birth_is_still_the_visit() -> None:
    note = "Paciente: J.S., 16 anos (DN 12/03/2010). Observada a 05/11/2026 com heliotropo.\n"
    warnings = read(note).warnings
    assert any("2026-11-05) is taken as the date of the visit" in w for w in warnings)


@pytest.mark.parametrize(
    ("statement", "own", "code"),
    [
        ("Anti-NXP2 is a marker of calcinosis.", "calcinosis", "calcinosis"),
        (
            "Anti-TIF1-gamma antibodies are strong predictors of dysphagia.",
            "dysphagia",
            "dysphagia",
        ),
        (
            "Anti-MDA5 is a known risk factor for skin ulceration.",
            "skin ulceration",
            "cutaneous_ulceration",
        ),
    ],
)
def test_what_an_antibody_marks_in_general_is_no_finding_of_the_patient(
    statement: str, own: str, code: str
) -> None:
    note = f"Woman, 58, seen 04/05/2026 with a heliotrope rash. {statement}\n"
    assert code not in findings_of(note)
    # the same finding stated of her is read
    mine = f"Woman, 58, seen 04/05/2026 with a heliotrope rash and {own}.\n"
    assert findings_of(mine).get(code) is True
