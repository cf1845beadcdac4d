"""Issue #10, twenty-third session (branch i48r): classes of wording in the investigations and
the treatments of the notes. Each expectation is worked out by hand on sentences written for this
test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
VISIT = date(2026, 11, 20)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _tests(text: str) -> list[tuple[str, str, date]]:
    case = extract_case(LEAD + text, anchor=VISIT, today=TODAY).case
    return sorted((i.code.value, i.result.value, i.date) for i in case.investigations)


# --- a test the note says was booked, requested or arranged is pending, whatever its date; one
# only suggested, or named for a later review, is not recorded (facts/investigations.py: the
# booking's context cue wins over patterns.yaml test_later; the suggested and later ones stay
# out as before)


@pytest.mark.parametrize(
    "sentence",
    [
        "I have booked a CT of the chest for next week.",
        "HRCT chest booked for next month.",
        "An HRCT has been arranged for next week.",
        "I have requested an HRCT in 2 weeks.",
    ],
)
def test_a_booked_chest_ct_is_pending(sentence: str) -> None:
    assert _tests(sentence) == [("ct_chest", "pending", VISIT)]


# --- a plan's heading in the other languages of the notes opens the plan: a test under it is
# requested (rules/sections.yaml other_language_titles plan)


@pytest.mark.parametrize(
    "heading", ["PLANA:", "Pla:", "Procedere:", "Plano:", "Beleid:", "An ath cheum", "ПЛАН:"]
)
def test_a_test_under_a_plan_heading_in_another_language_is_pending(heading: str) -> None:
    text = f"Examination unremarkable.\n\n{heading}\n- Colonoscopy.\n"
    assert _tests(text) == [("colonoscopy", "pending", VISIT)]


# --- how often a dose is given, in more languages of the notes, and after the route written
# between the amount and it (rules/patterns.yaml DOSE_PERIOD_I48R, DOSE_ROUTE and dose)


def _doses(text: str) -> list[tuple[str, str | None]]:
    case = extract_case(LEAD + text, anchor=VISIT, today=TODAY).case
    return sorted((t.drug, t.dose) for t in case.treatments)


@pytest.mark.parametrize(
    ("sentence", "dose"),
    [
        # how often in Faroese, Papiamento, Romansh, Tetum, Xhosa, Shona, Kinyarwanda, Sesotho
        ("Prednisolone 30 mg um dagin frá 18/11/2026.", "30 mg um dagin"),
        ("Prednisolone 25 mg tur dia for di 18/11/2026.", "25 mg tur dia"),
        ("Prednison 40 mg per di dapi ils 18-11-2026.", "40 mg per di"),
        ("Metotrexat 10 mg ina giada l'emna dapi ils 18-11-2026.", "10 mg ina giada l'emna"),
        ("Prednizolona 30 mg loron-loron, hahú 18/11/2026.", "30 mg loron-loron"),
        ("Prednisone 30 mg yonke imihla ukususela ku-18/11/2026.", "30 mg yonke imihla"),
        ("Prednisolone 30 mg zuva nezuva kubva 18/11/2026.", "30 mg zuva nezuva"),
        ("Prednisolone 30 mg buri munsi, kuva 18/11/2026.", "30 mg buri munsi"),
        (
            "Prednisolone 30 mg letsatsi le letsatsi ho tloha 18/11/2026.",
            "30 mg letsatsi le letsatsi",
        ),
        # the route between the amount and how often: a bracketed gloss, a comma, two words
        (
            "Methylprednisolone 1 g xidid ahaan (IV) maalintii mar from 18/11/2026.",
            "1 g maalintii mar",
        ),
        (
            "Methylprednisolone 1 g ki te uaua toto, kotahi i ia rā from 18/11/2026.",
            "1 g kotahi i ia rā",
        ),
        (
            "Metilprednizolon 1 g v/i tomchilab, kuniga 1 marta, 18.11.2026 dan.",
            "1 g kuniga 1 marta",
        ),
        ("Prednisolone 40 mg ກິນ ວັນລະ 1 ຄັ້ງ ຕັ້ງແຕ່ 18/11/2026.", "40 mg ວັນລະ 1 ຄັ້ງ"),
    ],
)
def test_how_often_a_dose_is_given_in_more_languages(sentence: str, dose: str) -> None:
    assert [d for _, d in _doses(sentence)] == [dose]


# --- a course over two dates joined by the range words of other languages stops on its last
# day (facts/treatments.py _TO_BARE, _TO, _FROM, _FROM_POSTPOSITION, _DASH)


@pytest.mark.parametrize(
    "sentence",
    [
        "Methylprednisolone 1 g IV daily 10/11/2026 ते 12/11/2026.",
        "IVIG 2 g/kg 10/11/2026 עד 12/11/2026.",
        "Methylprednisolone 500 mg IV 10.11.2026-დან 12.11.2026-მდე.",
        "IVIG 2 g/kg van 10/11/2026 t/m 12/11/2026.",
        "IVIG 2 g/kg 10/11/2026 tot en met 12/11/2026.",
        "IVIG 2 g/kg 2026/11/10~2026/11/12.",
    ],
)
def test_a_course_between_two_dates_in_another_language_stops_on_the_last(sentence: str) -> None:
    case = extract_case(LEAD + sentence, anchor=VISIT, today=TODAY).case
    assert [(t.start, t.stop) for t in case.treatments] == [
        (date(2026, 11, 10), date(2026, 11, 12))
    ]
