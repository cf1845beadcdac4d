"""Issue #10, twenty-first session (branch i44f): classes of wording that put a finding or a date
on the wrong day. Each is checked on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _index_date(text: str) -> date | None:
    return extract_case(text, today=TODAY).index_date


# Class 1: the note's date in a visit's own field whose label names the visit, not "date"
# ("Attendance:", "Visit:", "Consultation:"), and a "Date:" field further along a line of fields
# or after a bilingual label's slash. Before, the note took a later report's or an earlier
# clinic's date, and every finding of the examination went on that day.
@pytest.mark.parametrize(
    ("header", "seen"),
    [
        ("Attendance: Tue 03/11/2026 09:15-12:30        Referred by: GP", date(2026, 11, 3)),
        ("Visit: Wed 4th Nov 2026, 14:00-15:20, at the patient's home", date(2026, 11, 4)),
        ("Consultation: 05-XI-2026 (by video, 40 min); letter typed 09-XI-2026", date(2026, 11, 5)),
    ],
)
def test_a_visit_field_dates_the_note(header: str, seen: date) -> None:
    text = (
        f"{header}\n"
        "Woman, 52. Seen in the rheumatology clinic on 20 October 2026 (letter of 20/10/2026).\n"
        "Examination today: heliotrope rash; shoulder abduction 4/5 both sides.\n"
        "Antibody panel reported 16/11/2026.\n"
    )
    assert _index_date(text) == seen
    findings = extract_case(text, today=TODAY).case.findings
    heliotrope = [f for f in findings if f.code.value == "heliotrope_rash"]
    assert [f.date for f in heliotrope] == [seen]


@pytest.mark.parametrize(
    ("header", "seen"),
    [
        ("Requested by: Dr L. Farrow, dermatology        Date: 06/11/2026", date(2026, 11, 6)),
        ("Tarikh / Date: 07.11.2026             Ward: 5B", date(2026, 11, 7)),
    ],
)
def test_a_date_field_along_a_line_dates_the_note(header: str, seen: date) -> None:
    # no visit field: before, the note's first date (the rash's start) was taken for the visit
    text = f"{header}\nWoman, 52. Eyelid rash since 02/09/2026. Today: heliotrope rash.\n"
    assert _index_date(text) == seen


@pytest.mark.parametrize(
    "header",
    [
        "Last visit: 02/09/2026",  # an earlier visit, not this one
        "Previous consultation: 02/09/2026",
        "Discharge date: 02/09/2026",  # a label's word before "date" keeps its own meaning
        "                                        Date: 02/09/2026",  # a letter's, typed later
    ],
)
def test_an_earlier_visit_or_other_date_is_not_the_note(header: str) -> None:
    text = f"{header}\nClinic date: 12/11/2026\nWoman, 52. Heliotrope rash.\n"
    assert _index_date(text) == date(2026, 11, 12)


def _findings(text: str) -> set[tuple[str, bool, date | None]]:
    case = extract_case(text, today=TODAY).case
    return {(f.code.value, f.present, f.date) for f in case.findings}


_HEAD = "Clinic date: 19/11/2026\nMan, 58, with dermatomyositis.\n"


# Class 2: a CT that finds the lungs clear or normal records ILD absent on the scan's day (the
# gold's "absent where a CT says so"); a chest's lungs clear on auscultation, or lungs clear of
# metastases, say nothing of the interstitium. A scan of a past year is absent on its day.
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("CT thorax/abdomen/pelvis 03/10/2026: no cancer found, lungs normal.", date(2026, 10, 3)),
        ("Staging CT on 03/10/2026 - the lungs were clear.", date(2026, 10, 3)),
        ("HRCT 03/10/2026: lung fields clear.", date(2026, 10, 3)),
        ("PET-CT (14/02/2025): no FDG-avid disease; lungs clear.", date(2025, 2, 14)),
    ],
)
def test_clear_lungs_on_a_ct_deny_an_ild(sentence: str, day: date) -> None:
    assert ("interstitial_lung_disease", False, day) in _findings(_HEAD + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On examination the lungs were clear to auscultation.",  # no scan
        "Chest: lungs clear, heart sounds normal.",
        "CT thorax 03/10/2026: lungs clear of metastases.",  # clear of deposits, not of ILD
    ],
)
def test_clear_lungs_without_a_ct_record_no_ild(sentence: str) -> None:
    codes = {c for c, _, _ in _findings(_HEAD + sentence)}
    assert "interstitial_lung_disease" not in codes


# Class 3: the charting abbreviation of a stable weight, "Wt stable", denies weight loss as
# "weight stable" does.
@pytest.mark.parametrize("sentence", ["No fevers. Wt stable.", "NO DYSPHAGIA. WT STABLE."])
def test_wt_stable_denies_weight_loss(sentence: str) -> None:
    assert ("weight_loss", False, date(2026, 11, 19)) in _findings(_HEAD + sentence)


# Class 4: a CT's denial of the interstitium's change ("no interstitial change", "no interstitial
# abnormality", "no lung fibrosis") records ILD absent on the scan's day; read only as a denial
# and only on a CT (a chest X-ray does not exclude an ILD).
@pytest.mark.parametrize(
    "sentence",
    [
        "CT chest 03/10/2026: lungs: no interstitial change.",
        "CT C/A/P 03/10/2026: no primary tumour, no interstitial abnormality.",
        "Staging CT (03/10/2026) showed no lung fibrosis.",
    ],
)
def test_a_ct_denying_interstitial_change_denies_an_ild(sentence: str) -> None:
    assert ("interstitial_lung_disease", False, date(2026, 10, 3)) in _findings(_HEAD + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chest X-ray 03/10/2026: no interstitial change seen.",  # an X-ray excludes no ILD
        "Low-dose CT 03/10/2026: ? early interstitial change, dedicated HRCT advised.",
        "Muscle biopsy 03/10/2026: no interstitial fibrosis.",  # no CT: a muscle's interstitium
    ],
)
def test_interstitial_wording_without_a_ct_denial_records_no_ild(sentence: str) -> None:
    codes = {c for c, _, _ in _findings(_HEAD + sentence)}
    assert "interstitial_lung_disease" not in codes


def _dates(text: str) -> tuple[date | None, date | None]:
    case = extract_case(text, today=TODAY).case
    return case.onset_date, case.diagnosis_date


# Class 5: a month with a two-digit year after "since", "from", "in" or "onset", as day-first
# record cards write it ("weakness since 11/24"); only where the second number cannot be a month,
# and never in a note that writes its dates month first.
@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Hx: weak thighs and shoulders since 11/24; diagnosed 02/04/25.", date(2024, 11, 1)),
        ("Hx: proximal weakness since 6/25.", date(2025, 6, 1)),
    ],
)
def test_a_month_and_two_digit_year_after_since_is_the_onset(sentence: str, onset: date) -> None:
    assert _dates("Clinic date: 19/11/2026\nWoman, 47, dermatomyositis.\n" + sentence)[0] == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "Hx: weak thighs since 11/10.",  # day first: the 11th of October, not 2010
        "Plan: review in 3/52.",  # three weeks
    ],
)
def test_a_day_and_month_or_weeks_are_no_month_and_year(sentence: str) -> None:
    onset, _ = _dates("Clinic date: 19/11/2026\nWoman, 47, dermatomyositis.\n" + sentence)
    assert onset is None or onset.year == 2026


def test_a_month_first_note_reads_no_month_and_year() -> None:
    text = "Visit date: 11/19/2026\nWoman, 47, dermatomyositis.\nHx: weak thighs since 6/25.\n"
    onset, _ = _dates(text)
    assert onset != date(2025, 6, 1)


# Class 6: the note's date in a field naming the visit's kind between "date of" and the visit
# ("Date of joint review:"), or after who saw the patient ("Seen by: Dr X, registrar, on ...").
@pytest.mark.parametrize(
    ("header", "seen"),
    [
        ("Date of screening review: 12 November 2026", date(2026, 11, 12)),
        ("Date of joint MDT clinic: 12/11/2026", date(2026, 11, 12)),
        ("Seen by: Dr P. Okoro, registrar (ST5), on 12/11/2026 at 09:40", date(2026, 11, 12)),
    ],
)
def test_a_visit_kind_or_who_saw_the_patient_dates_the_note(header: str, seen: date) -> None:
    text = f"{header}\nWoman, 52, diagnosed in our clinic on 14 August 2026. Heliotrope rash.\n"
    assert _index_date(text) == seen


# Class 7: a sign dated only as the diagnosis's is no dated first symptom: with no onset,
# duration or earlier symptom stated, the onset stays unknown (the gold's onset_age at diagnosis).
def test_a_sign_at_the_diagnosis_makes_no_onset() -> None:
    text = (
        "Clinic date: 19/11/2026\nMan, 61. Diagnosed with dermatomyositis on 14 August 2026 "
        "(anti-SAE1 positive, dysphagia, heliotrope rash).\nToday: rash fading.\n"
    )
    assert _dates(text) == (None, date(2026, 8, 14))


def test_a_symptom_dated_before_the_diagnosis_is_the_onset() -> None:
    text = (
        "Clinic date: 19/11/2026\nMan, 61. Diagnosed with dermatomyositis on 14 August 2026. "
        "In June 2026 he noticed a heliotrope rash.\n"
    )
    assert _dates(text) == (date(2026, 6, 1), date(2026, 8, 14))
