"""Treatments and events as notes in several languages and layouts write them (issue #10,
i10aj). Every sentence is our own; each expected value is worked out by hand from the notes'
gold conventions (tests/data/notes/README.md): a month alone is the 1st, the dose is the amount
and the frequency as written, ``stop`` only when the note says the drug was stopped or gives the
course's last day; an event is an operation done, not one planned, proposed or named as a place.

- a drug by its name in another language or by its brand (a brand glossed in parentheses is the
  drug before it, whose dose follows);
- how often a dose is given, in English and in the other languages read;
- "from"/"since" and "stopped" in those languages, and a course's range in parentheses;
- guards: a relative's drug, a drug that is no myositis or tumour-directed drug, a drug the
  patient is allergic to, declined, or that was weighed and not started (in several languages);
- events: an operation done (also in other languages; one of the past history stays history); not
  the word "surgery" naming a GP practice or a department, a redacted field, a device taken
  out, an operation planned or weighed, a relative's operation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY

HEAD = "Clinic letter, 12 November 2026. A 60-year-old woman with dermatomyositis.\n"


def treatments(line: str) -> dict[str, dict[str, Any]]:
    case = extract_case(HEAD + line, today=TODAY).case
    return {
        t.drug: {"dose": t.dose, "start": t.start, "stop": t.stop, "route": t.route}
        for t in case.treatments
    }


def events(line: str) -> set[tuple[str, date]]:
    case = extract_case(HEAD + line, today=TODAY).case
    return {(e.kind.value, e.date) for e in case.events}


# --------------------------------------------------------------------------- drug names
@pytest.mark.parametrize(
    ("line", "drug", "dose", "start"),
    [
        # German, "seit" + day: the start is that day
        ("Prednisolon 20 mg/d seit 20.07.2026.", "prednisolone", "20 mg/d", date(2026, 7, 20)),
        # French, "depuis le"
        (
            "Méthotrexate 15 mg par semaine depuis le 03/03/2026.",
            "methotrexate",
            "15 mg par semaine",
            date(2026, 3, 3),
        ),
        # Italian, "dal"
        (
            "Idrossiclorochina 200 mg al giorno dal 05/06/2026.",
            "hydroxychloroquine",
            "200 mg al giorno",
            date(2026, 6, 5),
        ),
        # Norwegian, "fra"
        (
            "Azatioprin 100 mg daglig fra 15.09.2026.",
            "azathioprine",
            "100 mg daglig",
            date(2026, 9, 15),
        ),
        # Czech, "od" before a numeric date
        (
            "Methotrexat 15 mg týdně od 16. 10. 2026.",
            "methotrexate",
            "15 mg týdně",
            date(2026, 10, 16),
        ),
        # a brand alone
        ("CellCept 1 g bd since 01/03/2026.", "mycophenolate mofetil", "1 g bd", date(2026, 3, 1)),
        # a brand glossed in parentheses: the dose after it is the drug's
        (
            "IVIG (Privigen) 2 g/kg started 02/11/2026.",
            "intravenous immunoglobulin",
            "2 g/kg",
            date(2026, 11, 2),
        ),
        # an endocrine therapy of a breast cancer is tumour-directed; "June 2023" is 1 June
        ("Letrozole 2.5 mg od since June 2023.", "letrozole", "2.5 mg od", date(2023, 6, 1)),
    ],
)
def test_drug_in_another_language_or_by_brand(line: str, drug: str, dose: str, start: date) -> None:
    got = treatments(line)[drug]
    assert (got["dose"], got["start"]) == (dose, start)


# --------------------------------------------------------------------------- dose layouts
@pytest.mark.parametrize(
    ("line", "drug", "dose"),
    [
        ("Methotrexate 15 mg once weekly since 01/05/2026.", "methotrexate", "15 mg once weekly"),
        (
            "IVIG 2 g/kg every 4 weeks from 14/06/2026.",
            "intravenous immunoglobulin",
            "2 g/kg every 4 weeks",
        ),
        ("Rituximab 1 g x 2 from 14/06/2026.", "rituximab", "1 g x 2"),
        (
            "Hydroxychloroquin 200 mg 2x täglich seit 14.10.2026.",
            "hydroxychloroquine",
            "200 mg 2x täglich",
        ),
        # the route word between the amount and the frequency is read apart
        (
            "Methotrexat 20 mg s.c. 1 gang ugentligt siden 01.05.2023.",
            "methotrexate",
            "20 mg 1 gang ugentligt",
        ),
        ("Methylprednisolone 3 x 500 mg from 14/10/2026.", "methylprednisolone", "3 x 500 mg"),
        ("Methylprednisolone 1 g/24h from 14/10/2026.", "methylprednisolone", "1 g/24h"),
        ("Prednisone 60 mg/día desde el 14/10/2026.", "prednisone", "60 mg/día"),
    ],
)
def test_dose_with_its_frequency(line: str, drug: str, dose: str) -> None:
    assert treatments(line)[drug]["dose"] == dose


def test_the_subcutaneous_route_written_with_dots() -> None:
    got = treatments("Methotrexat 20 mg s.c. 1 gang ugentligt siden 01.05.2023.")
    assert got["methotrexate"]["route"] == "subcutaneous"


# --------------------------------------------------------------------------- start and stop
@pytest.mark.parametrize(
    ("line", "drug", "start", "stop"),
    [
        # Danish: tapered and stopped ("seponeret") on a day
        (
            "Prednisolon 50 mg dagligt fra 15.03.2023, aftrappet og seponeret 01.09.2025.",
            "prednisolone",
            date(2023, 3, 15),
            date(2025, 9, 1),
        ),
        # German range "vom ... bis ..."
        (
            "Prednisolon 40 mg/d vom 01.03.2026 bis 14.09.2026.",
            "prednisolone",
            date(2026, 3, 1),
            date(2026, 9, 14),
        ),
        # Spanish: "desde el", then "suspendida el"
        (
            "Prednisona 30 mg/día desde el 01/03/2026, suspendida el 14/09/2026.",
            "prednisone",
            date(2026, 3, 1),
            date(2026, 9, 14),
        ),
        # a course's first and last day in parentheses, joined by Spanish "al"
        (
            "Metilprednisolona 1 g/día EV (14/10/2026 al 16/10/2026).",
            "methylprednisolone",
            date(2026, 10, 14),
            date(2026, 10, 16),
        ),
        # English, joined by "to"
        (
            "IV methylpred 500 mg daily (14/10/2026 to 16/10/2026).",
            "methylprednisolone",
            date(2026, 10, 14),
            date(2026, 10, 16),
        ),
    ],
)
def test_start_and_stop_in_other_languages(line: str, drug: str, start: date, stop: date) -> None:
    got = treatments(line)[drug]
    assert (got["start"], got["stop"]) == (start, stop)


@pytest.mark.parametrize(
    ("line", "drug", "dose", "start", "stop"),
    [
        # a form's dot leaders and a field's colon between the drug and its dose
        (
            "Medications:\n  Prednisolone .............. 5 mg od (since 01-Oct-2026)    continue",
            "prednisolone",
            "5 mg od",
            date(2026, 10, 1),
            None,
        ),
        (
            "Azathioprine: 100 mg od from 01/09/2026",
            "azathioprine",
            "100 mg od",
            date(2026, 9, 1),
            None,
        ),
        # the date a wrapped line put on the next line
        (
            "Methotrexate 15 mg weekly since\n14.10.2026, well tolerated.",
            "methotrexate",
            "15 mg weekly",
            date(2026, 10, 14),
            None,
        ),
        # a short first date closed by its separator (Norwegian): 20-21 October 2026
        (
            "Intravenøst immunglobulin 2 g/kg fordelt over 2 dager 20.10.-21.10.2026.",
            "intravenous immunoglobulin",
            "2 g/kg",
            date(2026, 10, 20),
            date(2026, 10, 21),
        ),
    ],
)
def test_layouts_of_a_medication_line(
    line: str, drug: str, dose: str, start: date, stop: date | None
) -> None:
    got = treatments(line)[drug]
    assert (got["dose"], got["start"], got["stop"]) == (dose, start, stop)


def test_a_drug_still_taken_has_no_stop() -> None:
    got = treatments("Methotrexat 15 mg/Woche seit 14.10.2026, wird fortgesetzt.")
    assert (got["methotrexate"]["start"], got["methotrexate"]["stop"]) == (date(2026, 10, 14), None)


@pytest.mark.parametrize(
    "line",
    [
        "Her mother takes methotrexate 15 mg weekly for rheumatoid arthritis.",
        "Folic acid 5 mg weekly since 01/05/2026.",
        "Folsyre 5 mg ugentligt fra 01.05.2026.",
        # an allergy, a refusal, a contraindication
        "Allergies: azathioprine (pancreatitis).",
        "Allergic to methotrexate.",
        "She declined IVIG.",
        "Methotrexate is contraindicated (ILD).",
        # weighed, not started
        "Methotrexate was not started (raised ALT).",
        "Rituximab was considered but not given.",
        "Metotreksat vurdert, men utsatt til etter operasjonen.",
        "Methotrexat wurde erwogen, aber nicht begonnen.",
    ],
)
def test_no_treatment_of_the_patient(line: str) -> None:
    assert treatments(line) == {}


def test_an_allergy_named_after_a_drug_is_not_the_drugs() -> None:
    got = treatments("Methotrexate 15 mg weekly since 01/05/2026; allergies: penicillin.")
    assert got["methotrexate"]["start"] == date(2026, 5, 1)


def test_a_drug_stopped_for_intolerance_was_taken() -> None:
    got = treatments(
        "Azathioprine 100 mg od from 01/03/2026, stopped 14/04/2026 (intolerant: nausea)."
    )
    assert (got["azathioprine"]["start"], got["azathioprine"]["stop"]) == (
        date(2026, 3, 1),
        date(2026, 4, 14),
    )


# --------------------------------------------------------------------------- events
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "She had a right hemicolectomy on 14/09/2026 for a caecal adenocarcinoma.",
            {("surgery", date(2026, 9, 14))},
        ),
        # Danish, German
        ("Hun fik foretaget lumpektomi 20.10.2026.", {("surgery", date(2026, 10, 20))}),
        ("Ileozökalresektion am 23.09.2026.", {("surgery", date(2026, 9, 23))}),
    ],
)
def test_an_operation_done(line: str, expected: set[tuple[str, date]]) -> None:
    assert {e for e in events(line) if e[0] == "surgery"} == expected


@pytest.mark.parametrize(
    "line",
    [
        # planned, proposed or weighed
        "MDT outcome: laparoscopic anterior resection.",
        "Plan: neoadjuvant chemotherapy then gastrectomy.",
        "Options discussed: resection vs surveillance.",
        "Referred to colorectal surgery for anterior resection.",
        "Sigmoidectomy scheduled with the surgeons next month.",
        # a place, a department
        "Letter copied to Dr A. Khan, Riverside Surgery.",
        "Seen by General Surgery on the ward round.",
        # a device, a redaction
        "Peripheral cannula removed on 10/11/2026.",
        "MRN [removed], NHS number [removed].",
        # a relative's operation
        "Her sister had a mastectomy on 03/02/2020.",
        # the place an earlier operation left, seen on a scan
        "CT abdomen and pelvis 28/10/2026: prostatectomy bed unremarkable.",
        # an operation of the past history, years before the visit (test_text_time.py)
        "Past history: left mastectomy 12.03.2018 for breast cancer.",
    ],
)
def test_no_operation_of_the_patient(line: str) -> None:
    assert {e for e in events(line) if e[0] == "surgery"} == set()


def test_a_referral_declined_is_no_event() -> None:
    assert {
        e
        for e in events("[ ] Referral to respiratory - not needed (stable).")
        if e[0] == "referral"
    } == set()


# --------------------------------------------------------------------------- investigations
def investigations(line: str) -> set[tuple[str, str, date]]:
    case = extract_case(HEAD + line, today=TODAY).case
    return {(i.code.value, i.result.value, i.date) for i in case.investigations}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a lesion or an abnormal pattern named first after the test and its date: abnormal
        (
            "HRCT chest 14/10/2026: NSIP pattern with lower-zone reticulation.",
            {("ct_chest", "abnormal", date(2026, 10, 14))},
        ),
        (
            "FDG PET/CT (20/10/2026): right upper lobe nodule, SUVmax 7.9.",
            {("fdg_pet_ct", "abnormal", date(2026, 10, 20))},
        ),
        # the test named in German, Norwegian, Spanish; the lesion in that language
        (
            "CT Thorax/Abdomen/Becken 20.10.2026: vergrößerte mesenteriale Lymphknoten.",
            {("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 20))},
        ),
        (
            "CT thorax/abdomen/bekken 20.10.2026: veggfortykkelse i colon sigmoideum.",
            {("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 20))},
        ),
        (
            "TC de tórax, abdomen y pelvis (20/10/2026): engrosamiento parietal gástrico.",
            {("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 20))},
        ),
        (
            "CT scan of chest, abdomen and pelvis on 20 October 2026: a 4 cm mass in the left "
            "ovary.",
            {("ct_chest_abdomen_pelvis", "abnormal", date(2026, 10, 20))},
        ),
        # the lesion belongs to the test whose clause names it
        (
            "Mammography 20/10/2026 normal; CT chest 21/10/2026: 2 cm nodule in the right "
            "upper lobe.",
            {
                ("mammography", "normal", date(2026, 10, 20)),
                ("ct_chest", "abnormal", date(2026, 10, 21)),
            },
        ),
        # a lesion named as absent: normal (English, Danish)
        (
            "CT chest/abdomen/pelvis 20/10/2026: no mass or lymphadenopathy.",
            {("ct_chest_abdomen_pelvis", "normal", date(2026, 10, 20))},
        ),
        (
            "Mammografi 20.10.2026: ingen tegn på tumor, BI-RADS 1.",
            {("mammography", "normal", date(2026, 10, 20))},
        ),
        (
            "Røntgen af thorax 20.10.2026: normale forhold.",
            {("chest_xray", "normal", date(2026, 10, 20))},
        ),
        (
            "Koloskopi 20.10.2026: normale forhold.",
            {("colonoscopy", "normal", date(2026, 10, 20))},
        ),
        # Spanish with its accent; a blood count whose result is an anaemia
        (
            "Endoscopía digestiva alta (07/10/2026): lesión ulcerada del antro.",
            {("upper_endoscopy", "abnormal", date(2026, 10, 7))},
        ),
        (
            "Full blood count 10/11/2026: mild anaemia (Hb 105 g/L), otherwise normal.",
            {("full_blood_count", "abnormal", date(2026, 11, 10))},
        ),
        # "May" the month is no "may" of what a test can show
        (
            "HRCT 12-May-2026: NSIP with organising pneumonia pattern, lower zones.",
            {("ct_chest", "abnormal", date(2026, 5, 12))},
        ),
        # planned: pending on the note's date, whatever it is to look for
        (
            "Plan: CT chest/abdomen/pelvis to exclude a mass.",
            {("ct_chest_abdomen_pelvis", "pending", date(2026, 11, 12))},
        ),
    ],
)
def test_a_tests_result_told_as_what_it_found(
    line: str, expected: set[tuple[str, str, date]]
) -> None:
    assert investigations(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Her sister's mammography in 2025 showed a 2 cm mass.",
        # what a test can show, in general
        "HRCT may show ground-glass change in anti-MDA5 disease.",
    ],
)
def test_no_abnormal_result_of_the_patient(line: str) -> None:
    assert not {i for i in investigations(line) if i[1] == "abnormal"}
