"""Treatment courses dated without a year, as discharge letters write an inpatient course
(issue #10, i10aq). Every sentence is our own; each expected value is worked out by hand from the
notes' gold conventions (tests/data/notes/README.md): a date without a year is in the note's year
(the year before when it would fall more than a month after the note), a course over a stated
range of days stops on its last day, ``stop`` only when the note gives it.

- a course's first and last day of one month joined by a dash or a language's "to"
  ("03/11-05/11", "de 03/11 a 05/11", "vom 03.11. bis 05.11."), and the day-range shorthand
  ("06.-08.11.", "(02-04/11/26)");
- a day and month without a year right after the words that start a course in the languages
  read ("desde 06/11", "insatt 06/11", "od 06.11.", "seit 06.11.");
- guards: a muscle grade range ("3/5-4/5", "3-4/5") and a value range ("4.5-5.5") are no dates;
  a relative's drug is not the patient's; a single-digit slashed grade after a cue is no date.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY

# the same letter head and reader as the i10aj treatment classes (one helper, not two)
from tests.ingest.text.test_text_classes_i10aj import treatments


# --------------------------------------------------------------------------- course ranges
@pytest.mark.parametrize(
    ("line", "drug", "start", "stop"),
    [
        # English layout, a dash between two year-less dates of one month
        (
            "IV methylprednisolone 1 g daily 03/11-05/11, then oral prednisolone.",
            "methylprednisolone",
            date(2026, 11, 3),
            date(2026, 11, 5),
        ),
        # spaces round the dash
        (
            "IVIG 2 g/kg 04/11 - 08/11.",
            "intravenous immunoglobulin",
            date(2026, 11, 4),
            date(2026, 11, 8),
        ),
        # Spanish "del ... al ..."
        (
            "Metilprednisolona 500 mg/día iv del 03/11 al 05/11.",
            "methylprednisolone",
            date(2026, 11, 3),
            date(2026, 11, 5),
        ),
        # Portuguese "de ... a ..."
        (
            "Metilprednisolona 1 g/dia ev de 02/11 a 04/11.",
            "methylprednisolone",
            date(2026, 11, 2),
            date(2026, 11, 4),
        ),
        # German "vom ... bis ...", dotted with closing dots
        (
            "Methylprednisolon 500 mg i.v. vom 03.11. bis 05.11. gegeben.",
            "methylprednisolone",
            date(2026, 11, 3),
            date(2026, 11, 5),
        ),
        # Central European day-range shorthand, no rule words in the sentence (Slovene wording)
        (
            "Metilprednizolon 500 mg iv 06.-08.11., nato prednizolon.",
            "methylprednisolone",
            date(2026, 11, 6),
            date(2026, 11, 8),
        ),
        # the days before one slashed month, two-digit year (East African / British layout)
        (
            "IV methylprednisolone 30 mg/kg daily (02-04/11/26).",
            "methylprednisolone",
            date(2026, 11, 2),
            date(2026, 11, 4),
        ),
        # a December course in a November letter: last year's December
        (
            "IVIG 2 g/kg 20/12-24/12.",
            "intravenous immunoglobulin",
            date(2025, 12, 20),
            date(2025, 12, 24),
        ),
    ],
)
def test_course_range_without_a_year(line: str, drug: str, start: date, stop: date) -> None:
    got = treatments(line)[drug]
    assert (got["start"], got["stop"]) == (start, stop)


# --------------------------------------------------------------------------- start cues
@pytest.mark.parametrize(
    ("line", "drug", "start"),
    [
        ("Prednisona 60 mg/día desde 06/11.", "prednisone", date(2026, 11, 6)),  # Spanish
        ("Prednisolon 40 mg dagligen insatt 06/11.", "prednisolone", date(2026, 11, 6)),  # Swedish
        ("Prednisolon 40 mg täglich seit 06.11.", "prednisolone", date(2026, 11, 6)),  # German
        ("Prednison 40 mg denně od 06.11.", "prednisone", date(2026, 11, 6)),  # Czech
        ("Prednisolone 40 mg daily from 06/11.", "prednisolone", date(2026, 11, 6)),  # English
    ],
)
def test_start_day_without_a_year(line: str, drug: str, start: date) -> None:
    got = treatments(line)[drug]
    assert got["start"] == start
    assert got["stop"] is None  # a start is no stop


# --------------------------------------------------------------------------- guards
@pytest.mark.parametrize(
    "line",
    [
        # grade ranges and value ranges are no course
        "Methotrexate 15 mg weekly. Power 3/5-4/5 proximally, hip flexors 3-4/5.",
        "Methotrexate 15 mg weekly; CRP 4.5-5.5 mg/L.",
        # a slashed grade after a start word is no date
        "Methotrexate 15 mg weekly, improved from 4/5 to 5/5.",
    ],
)
def test_grades_and_values_are_no_course(line: str) -> None:
    got = treatments(line)["methotrexate"]
    assert got["stop"] is None
    assert got["start"] == date(2026, 11, 12)  # the letter's date: no other date stated


def test_a_relatives_course_is_not_the_patients() -> None:
    got = treatments("Her mother had IV methylprednisolone 03/11-05/11 for lupus.")
    assert "methylprednisolone" not in got


# --------------------------------------------------------------------------- how often
@pytest.mark.parametrize(
    ("line", "drug", "dose"),
    [
        ("Prednizon 80 mg denne p.o.", "prednisone", "80 mg denne"),  # Slovak
        ("Prednizolon 40 mg dnevno.", "prednisolone", "40 mg dnevno"),  # Slovene/Croatian
        ("Prednison 30 mg zilnic.", "prednisone", "30 mg zilnic"),  # Romanian
        ("Metotreksat 15 mg haftada bir.", "methotrexate", "15 mg haftada"),  # Turkish
        ("Prednison 20 mg naponta.", "prednisone", "20 mg naponta"),  # Hungarian
        ("Prednisolone 30 mg sehari.", "prednisolone", "30 mg sehari"),  # Malay/Indonesian
        ("Prednisone 30 mg araw-araw.", "prednisone", "30 mg araw-araw"),  # Tagalog
        ("Prednisolone 40 mg päevas.", "prednisolone", "40 mg päevas"),  # Estonian
        ("Prednisolon 40 mg daagliks.", "prednisolone", "40 mg daagliks"),  # Afrikaans
        ("Prednisone 30 mg/hari.", "prednisone", "30 mg/hari"),  # a slashed period
        ("IVIG 2 g/kg q4 weeks since May 2026.", "intravenous immunoglobulin", "2 g/kg q4 weeks"),
        ("Rituximab 1 g IV x2 doses in August 2026.", "rituximab", "1 g x2 doses"),
        ("Start prednisone 30 mg tab OD.", "prednisone", "30 mg tab OD"),
        # a ceiling in brackets before the frequency is part of the dose as written
        # (tests/data/notes/README.md, gold decision of 6 Dec 2026; was left out until then)
        (
            "IV methylprednisolone 30 mg/kg (max 1 g) daily for 3 days.",
            "methylprednisolone",
            "30 mg/kg (max 1 g) daily",
        ),
    ],
)
def test_how_often_in_more_languages(line: str, drug: str, dose: str) -> None:
    assert treatments(line)[drug]["dose"] == dose


def test_a_number_after_the_dose_is_no_frequency() -> None:
    # "x 2" followed by "weeks" is a course's length, a bracket without a frequency after it
    # stays out of the dose, and "pe" alone is no Romanian "pe zi"
    got = treatments("Prednisone 30 mg (reduced) pe.")
    assert got["prednisone"]["dose"] == "30 mg"


# --------------------------------------------------------------------------- drug names, starts
@pytest.mark.parametrize(
    ("line", "drug", "dose", "start"),
    [
        # Slovak accented INN spellings, "od" + a dotted day
        (
            "Metylprednizolón 500 mg i.v. denne od 03.11.",
            "methylprednisolone",
            "500 mg denne",
            date(2026, 11, 3),
        ),
        ("Azatioprín 50 mg denne od 06.11.", "azathioprine", "50 mg denne", date(2026, 11, 6)),
        # Croatian, the Balkan "2x1" (twice a day, one tablet)
        (
            "Hidroksiklorokin 200 mg 2x1 od 06.11.2026.",
            "hydroxychloroquine",
            "200 mg 2x1",
            date(2026, 11, 6),
        ),
        # Indonesian "mulai" (from) with a full date
        (
            "Metilprednisolon 16 mg sehari (mulai 06-11-2026).",
            "methylprednisolone",
            "16 mg sehari",
            date(2026, 11, 6),
        ),
        # Romanian
        (
            "Prednisonă 40 mg zilnic, început 06.11.2026.",
            "prednisone",
            "40 mg zilnic",
            date(2026, 11, 6),
        ),
    ],
)
def test_drug_names_and_start_words(line: str, drug: str, dose: str, start: date) -> None:
    got = treatments(line)[drug]
    assert (got["dose"], got["start"]) == (dose, start)


@pytest.mark.parametrize(
    "line",
    [
        "IVIG not needed at present.",
        "IGIV não necessária.",  # Portuguese
        "IVIG (Privigen) nicht erforderlich.",  # German, after the brand's gloss
        "IVIG tidak perlu.",  # Indonesian
    ],
)
def test_a_drug_not_needed_is_not_given(line: str) -> None:
    assert "intravenous immunoglobulin" not in treatments(line)


def test_a_taper_not_needed_keeps_the_drug() -> None:
    assert (
        treatments("Prednisolone 20 mg daily, taper not needed yet.")["prednisolone"]["dose"]
        == "20 mg daily"
    )


# --------------------------------------------------------------------------- a results heading
LETTER = "Clinic letter, 20 November 2026. A 60-year-old woman with dermatomyositis.\n\n"


def lab_dates(body: str) -> dict[str, date]:
    case = extract_case(LETTER + body, today=TODAY).case
    return {lab.code.value: lab.date for lab in case.labs}


@pytest.mark.parametrize(
    "body",
    [
        # English heading on its own line, rows below, a later sample date for another test
        "Labs (09/11/2026):\nCK 2,890 U/L (NV 26-140)   AST 98 U/L (NV <40)\n"
        "Myositis blot (sent 12/11/2026): anti-TIF1-gamma positive.\n",
        # Croatian-style label in any language the rules have no word for (Slovene "Izvidi")
        "Izvidi (09.11.2026.):\nCK 2890 U/L (ref. 26-140)\nAST 98 U/L (ref. < 40)\n"
        "Imunoblot (vzorec 12.11.2026.): anti-TIF1 pozitiven.\n",
        # the rows on the heading's own line (ward-round shorthand)
        "BLOODS 09/11/2026: CK 2890 (RR 26-140)  AST 98 (RR <40)\n",
        # a heading with words after its date
        "Investigations (09/11/2026 unless stated):\nCK 2890 U/L (26-140)\nAST 98 U/L (<40)\n",
    ],
)
def test_a_results_heading_dates_its_rows(body: str) -> None:
    got = lab_dates(body)
    assert got["ck"] == date(2026, 11, 9)
    assert got["ast"] == date(2026, 11, 9)


def test_a_rows_own_date_wins() -> None:
    got = lab_dates("Labs (09/11/2026):\nCK 2890 U/L (26-140)\nAST 98 U/L (<40) on 15/11/2026\n")
    assert got == {"ck": date(2026, 11, 9), "ast": date(2026, 11, 15)}


def test_a_dated_test_result_heads_nothing_below() -> None:
    # the colonoscopy's date labels its own line's result, not the CK on the next line
    got = lab_dates("Colonoscopy 09/11/2026: ulcerating sigmoid tumour.\nCK 2890 U/L (26-140).\n")
    assert got["ck"] == date(2026, 11, 20)  # the letter's date


def test_a_blank_line_ends_the_heading() -> None:
    got = lab_dates("Labs (09/11/2026):\n\nCK 2890 U/L (26-140).\n")
    assert got["ck"] == date(2026, 11, 20)


# --------------------------------------------------------------------------- the sedimentation rate
@pytest.mark.parametrize(
    ("line", "value", "upper"),
    [
        ("VSG 45 mm/h (VR < 20).", 45.0, 20.0),  # Spanish/French abbreviation
        ("VHS 38 mm/h.", 38.0, None),  # Portuguese
        ("VES 42 mm/h.", 42.0, None),  # Italian
        ("СОЭ 40 mm/h.", 40.0, None),  # Russian
        ("Laju endap darah 40 mm/jam (N < 20).", 40.0, 20.0),  # Indonesian, its unit
        ("Sedimentácia 35 mm/hod.", 35.0, None),  # Slovak unit "per hodina"
        ("ESR 46 mm 1st hr.", 46.0, None),  # South Asian "in the first hour"
        ("Eritrosit sedimentasyon hızı 50 mm/saat.", 50.0, None),  # Turkish
    ],
)
def test_sedimentation_rate_in_more_languages(line: str, value: float, upper: float | None) -> None:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    esr = [lab for lab in case.labs if lab.code.value == "esr"]
    assert [(lab.value, lab.unit, lab.upper_limit) for lab in esr] == [(value, "mm/h", upper)]


HEAD_ESR = "Clinic letter, 20 November 2026. A 60-year-old woman with dermatomyositis.\n"


@pytest.mark.parametrize(
    "line",
    [
        "FW: 12 November referral from the GP.",  # an e-mail's "forwarded", no rate
        "Nifedipine SR 30 mg daily.",  # slow release, no rate
        "LED 40 lamp in the clinic room.",  # no rate
    ],
)
def test_no_rate_from_other_words(line: str) -> None:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    assert [lab for lab in case.labs if lab.code.value == "esr"] == []


# --------------------------------------------------------------------------- investigations
def investigations(line: str) -> set[tuple[str, str, date]]:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    return {(i.code.value, i.result.value, i.date) for i in case.investigations}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Swedish "DT" (datortomografi) and its regions, a lesion noun of its own
        (
            "DT thorax-buk-bäcken 22/10/2026: 31 mm förändring i höger överlob.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 22)),
        ),
        # Slovak regions after the CT word, a dotted year-less date closed by a colon
        (
            "CT hrudníka, brucha a panvy 08.10.: útvar močového mechúra 30 mm.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 8)),
        ),
        # Hungarian regions first, a year-first dotted date
        (
            "Mellkas-has-kismedence CT (2026.10.16.): 48 mm-es képlet a bal adnexumban.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 16)),
        ),
        # Portuguese compound adjective
        (
            "TC toraco-abdomino-pélvica (04/11/2026): espessamento endometrial.",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 4)),
        ),
        # Japanese regions glued before "contrast CT"
        (
            "胸腹骨盤部造影CT (2026.11.07): 胃壁肥厚。",
            ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 7)),
        ),
        # the "whole abdomen" CT of South-East Asian requests
        (
            "Whole abdomen CT w/ contrast on 02/11/2026: 9.2 cm complex adnexal mass.",
            ("ct_abdomen_pelvis", "abnormal", date(2026, 11, 2)),
        ),
        # Indonesian: "not seen" is a normal result
        (
            "CT toraks kontras (10-11-2026): tidak tampak nodul metastasis.",
            ("ct_chest", "normal", date(2026, 11, 10)),
        ),
        # Turkish regions before "BT", no lesion found
        (
            "Toraks-abdomen-pelvis BT 12.11.2026: patoloji saptanmadı.",
            ("ct_chest_abdomen_pelvis", "normal", date(2026, 11, 12)),
        ),
    ],
)
def test_ct_named_by_its_regions_in_other_languages(
    line: str, expected: tuple[str, str, date]
) -> None:
    assert expected in investigations(line)


def test_a_ct_of_one_region_is_not_the_whole_staging_ct() -> None:
    got = investigations("CT toraks kontras (10-11-2026): normal.")
    assert {code for code, _, _ in got} == {"ct_chest"}


# --------------------------------------------------------------------------- a sample's own date
@pytest.mark.parametrize(
    ("line", "code", "upper", "day"),
    [
        # the sample's date first in the bracket, then the labelled range
        ("CK 2,480 U/L (15/10, ref 40-320).", "ck", 320.0, date(2026, 10, 15)),
        ("PSA 6.8 ng/mL (15/10, ref <4.0), urology referral.", "psa", 4.0, date(2026, 10, 15)),
        # a full dotted date and a "norm" label (Central European)
        ("CK 2480 U/L (12.11.2026, norm 40-320).", "ck", 320.0, date(2026, 11, 12)),
        # a dotted day without a year, closed in its bracket, no range
        ("CRP 18.6 mg/L (19.10.).", "crp", None, date(2026, 10, 19)),
    ],
)
def test_a_date_in_the_values_bracket_is_the_samples(
    line: str, code: str, upper: float | None, day: date
) -> None:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    got = [(lab.upper_limit, lab.date) for lab in case.labs if lab.code.value == code]
    assert got == [(upper, day)]


def test_a_grade_in_the_bracket_is_no_date() -> None:
    # "(3/5, ...)" is no sample date: the value keeps the letter's date, and no range is read
    case = extract_case(HEAD_ESR + "CK 2480 U/L (3/5, 40-320).", today=TODAY).case
    assert [(lab.upper_limit, lab.date) for lab in case.labs] == [(None, date(2026, 11, 20))]


# --------------------------------------------------------------------------- dose, other notations
# (a decimal comma is read as the English point, as tests/ingest/text/test_text_style.py
# asserts; the gold notes keep it as written: a convention question left to the lead)
@pytest.mark.parametrize(
    ("line", "drug", "dose"),
    [
        # (issue #10, i15c: the dose as written, its decimal comma kept, as the notes README's
        # convention says; before, the reading's "2.5" was recorded)
        ("Letrozol 2,5 mg dagligt.", "letrozole", "2,5 mg dagligt"),  # Danish decimal comma
        ("Metotrexat 12,5 mg setmanals.", "methotrexate", "12,5 mg setmanals"),  # Catalan
        ("IVIG 0,4 g/ttkg/nap iv.", "intravenous immunoglobulin", "0,4 g/ttkg/nap"),  # Hungarian
        ("Prednisolona 7,5 mg/dia.", "prednisolone", "7,5 mg/dia"),  # Portuguese
        # a route in Romance letters does not swallow the English frequency after it
        ("IVIG 2 g/kg every 4 weeks.", "intravenous immunoglobulin", "2 g/kg every 4 weeks"),
        ("Metilprednisolona 1 g/dia ev.", "methylprednisolone", "1 g/dia"),
    ],
)
def test_dose_in_other_notations(line: str, drug: str, dose: str) -> None:
    assert treatments(line)[drug]["dose"] == dose


def test_a_short_range_with_a_languages_to() -> None:
    got = treatments(
        "Bolus de metilprednisolona 600 mg/dia ev durant tres dies (22/09 al 24/09/2026)."
    )["methylprednisolone"]
    assert (got["start"], got["stop"]) == (date(2026, 9, 22), date(2026, 9, 24))


# --------------------------------------------------------------------------- "pred"
@pytest.mark.parametrize(
    "line",
    [
        "Pred mesiacom jednorazovo hematúria.",  # Slovak "a month ago"
        "Pred dvema letoma operacija kolena.",  # Slovene "two years ago"
        "Pred 2 rokmi cholecystektómia.",  # a number that is no dose
        "Spirometry: FVC 2.61 L (78 % pred), TLco 61 %pred.",  # per cent predicted
    ],
)
def test_pred_as_another_word(line: str) -> None:
    assert "prednisolone" not in treatments(line)


@pytest.mark.parametrize(
    "line",
    [
        "On pred and MMF since June 2026.",
        "Pred taper started 10/11/2026.",  # (i50t: "continues" states no start, decision 2)
        "Pred 20 mg od.",
        "Plan: start pred 40 mg.",  # (i54t: "increase" alone states no start)
    ],
)
def test_pred_as_the_drug(line: str) -> None:
    assert "prednisolone" in treatments(line)


# ------------------------------------------------------------------- a flag before the range
@pytest.mark.parametrize(
    ("line", "code", "upper", "above"),
    [
        # a US print-out row: date, name, value, flag, range with its unit
        (" 10/20/2026 CK          1847 H   (39-308 U/L)", "ck", 308.0, True),
        (" 10/20/2026 ALDOLASE    14.2 H   (<8.1 U/L)", "aldolase", 8.1, True),
        # a low flag
        ("CRP 3 L (<5 mg/L).", "crp", 5.0, False),
        # no flag: the range alone judges it
        ("CK 120 U/L (39-308).", "ck", 308.0, False),
    ],
)
def test_a_flag_between_value_and_range(line: str, code: str, upper: float, above: bool) -> None:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    got = [(lab.upper_limit, lab.is_above_uln) for lab in case.labs if lab.code.value == code]
    assert got == [(upper, above)]


# --------------------------------------------------------------------------- a later sample
def ck_series(line: str) -> list[tuple[float | None, date]]:
    case = extract_case(HEAD_ESR + line, today=TODAY).case
    return [(lab.value, lab.date) for lab in case.labs if lab.code.value == "ck"]


def test_a_later_sample_after_a_semicolon() -> None:
    got = ck_series("CK 6.230 UI/L (VN 46-171) on 02/11; 4.100 UI/L (VN 46-171) on 08/11.")
    assert got == [(6230.0, date(2026, 11, 2)), (4100.0, date(2026, 11, 8))]


def test_a_trend_with_an_arrow() -> None:
    assert [v for v, _ in ck_series("CK 3,400 → 1,200 U/L.")] == [3400.0, 1200.0]


def test_a_number_after_a_semicolon_without_a_unit_is_no_sample() -> None:
    assert [v for v, _ in ck_series("CK 300 U/L; 4 weeks later she improved.")] == [300.0]


# --------------------------------------------------------------------------- tests still to be done
@pytest.mark.parametrize(
    "line",
    [
        "Plano: histerectomia. Colonoscopia a agendar.",  # Portuguese
        "Colonoscopia por realizar.",  # Spanish
        "Colonscopia da programmare.",  # Italian spelling
        "Coloscopie à programmer.",  # French
        "Kolonoskopia plánovaná.",  # Slovak/Czech
        "Koloskopi planerad.",  # Swedish
        "Kolonoskopia zlecona.",  # Polish
    ],
)
def test_a_test_to_be_booked_is_pending(line: str) -> None:
    assert ("colonoscopy", "pending", date(2026, 11, 20)) in investigations(line)


def test_a_done_test_is_not_pending() -> None:
    assert investigations("Colonoscopia realizada em 2025: normal.") == {
        ("colonoscopy", "normal", date(2025, 1, 1))
    }


@pytest.mark.parametrize(
    "line",
    [
        "Ecografia transvaginal (06/11/2026): lesão endometrial sólida de 24 mm.",
        "Ecografía transvaginal 06/11/2026: engrosamiento endometrial.",
        "Transvaginaler Ultraschall 06.11.2026: Endometrium verdickt, Raumforderung 24 mm.",
    ],
)
def test_transvaginal_ultrasound_in_other_languages(line: str) -> None:
    assert ("transvaginal_ultrasound", "abnormal", date(2026, 11, 6)) in investigations(line)
