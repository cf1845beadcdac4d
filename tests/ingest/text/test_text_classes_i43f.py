"""Findings and dates across the development notes (issue #10, i43f). Every note is our own; each
expected date is worked out by hand from the words:

- the clinic's shorthand for a complaint, "c/o" (complains of), and the visit's own errand ("Here
  for f/u", "here today with") speak from the visit, as "complains of" and "reports" do: a
  journey or a test the sentence before dated ("Back 10/11/2026 from the city hospital") does
  not date the complaints told after them.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

SEEN = date(2026, 11, 20)


def _findings(text: str) -> set[tuple[str, bool, date | None]]:
    return {(f.code.value, f.present, f.date) for f in read(text).case.findings}


# ------------------------------------------------------- "c/o" and "here for" speak from the visit
@pytest.mark.parametrize(
    "complaint",
    [
        "Here for review of her meds. c/o trouble swallowing solids.",
        "C/o trouble swallowing solids.",
        "Here today with her daughter, trouble swallowing solids.",
    ],
)
def test_shorthand_complaint_is_the_visits(complaint: str) -> None:
    text = (
        "Community clinic note, 20/11/2026.\n"
        "Woman, 58 years old, dermatomyositis.\n\n"
        f"S: Back 10/11/2026 from the city hospital (CT and clinic). {complaint} Lost 4 kg.\n"
    )
    found = _findings(text)
    assert ("dysphagia", True, SEEN) in found
    assert ("weight_loss", True, SEEN) in found
    assert not any(d == date(2026, 11, 10) for _, _, d in found)


def test_story_without_the_shorthand_goes_on() -> None:
    # no "c/o" or "here for": the dated journey's story goes on to the next sentence
    text = (
        "Community clinic note, 20/11/2026.\n"
        "Woman, 58 years old, dermatomyositis.\n\n"
        "S: On 10/11/2026 she was admitted to the city hospital. Trouble swallowing solids.\n"
    )
    assert ("dysphagia", True, date(2026, 11, 10)) in _findings(text)


# ------------------------------------------------------ a session's date field is the note's date
@pytest.mark.parametrize("session", ["Session date: Thu 12/11/2026", "Session date: 12/11/2026"])
def test_session_date_is_the_notes_date(session: str) -> None:
    # the session's field on the form's second line; a quoted letter's clinic and its own
    # "today" lower down are the letter's, not the session's
    text = (
        "PLASMA DONOR CENTRE - HEALTH CHECK\n"
        f"{session}      Donor no.: 4****1\n"
        "Name: Mr K. L.   Man, 34 years old\n\n"
        "History: dermatomyositis, in remission.\n"
        "  Per the letter (adult rheumatology clinic, 03/05/2024):\n"
        "    - Today (03/05/2024): no rash, full strength.\n\n"
        "CHECK\n"
        "No fingertip ulcers. Purple rash over both upper eyelids.\n"
    )
    result = read(text)
    assert result.index_date == date(2026, 11, 12)
    found = _findings(text)
    assert ("cutaneous_ulceration", False, date(2026, 11, 12)) in found
    assert ("heliotrope_rash", True, date(2026, 11, 12)) in found


# ------------------------------------------- "Presented <date> with ...": the onset and its signs
@pytest.mark.parametrize(
    ("presented", "day"),
    [
        ("Presented 03/2025 with", date(2025, 3, 1)),
        ("Presented in April 2025 with", date(2025, 4, 1)),
        ("presented on 14/02/2025 with", date(2025, 2, 14)),
    ],
)
def test_presentation_dated_between_verb_and_signs(presented: str, day: date) -> None:
    # the story a form copies from a clinic card: the presentation's signs, on its date
    text = (
        "Travel clinic screening form. Date: 20/11/2026\n"
        "Man, 49 years old.\n\n"
        "Details from the rheumatology card:\n"
        f" - {presented} fingers turning white in the cold (Raynaud's) and rough cracked skin\n"
        "   on the sides of the fingers (mechanic's hands).\n"
        " - Diagnosed antisynthetase syndrome 10/06/2025.\n"
    )
    case = read(text).case
    assert case.onset_date == day
    found = _findings(text)
    assert ("raynaud", True, day) in found
    assert ("mechanics_hands", True, day) in found


def test_presentation_with_a_history_of_a_duration_keeps_the_duration() -> None:
    # the duration after "with" dates the onset: two months before the presentation
    text = (
        "Case report, 20/11/2026.\n"
        "A 60-year-old woman presented in May 2026 with a two-month history of weak thighs.\n"
    )
    assert read(text).case.onset_date == date(2026, 3, 1)


# --------------------------------------------- a numbered section's heading dated in its bracket
@pytest.mark.parametrize(
    "heading",
    [
        "SECTION 3: LABORATORY (done at district laboratory, 05/11/2026)",
        "Part 2 - Blood tests (performed in clinic, 05/11/2026)",
        "SECTION IV: RESULTS (05/11/2026)",
    ],
)
def test_numbered_section_heading_dates_its_lines(heading: str) -> None:
    text = (
        "Occupational health form. Date: 20/11/2026\n"
        "Woman, 44 years old, dermatomyositis.\n\n"
        f"{heading}\n"
        "Hb 128 g/L   CK 640 U/L (ref 30-200)\n"
    )
    (ck,) = [lab for lab in read(text).case.labs if lab.code.value == "ck"]
    assert ck.date == date(2026, 11, 5)


def test_bracket_of_a_course_is_still_no_heading() -> None:
    # a complaint's own bracket with "since" stays the complaint's, not a heading's date
    text = (
        "Occupational health form. Date: 20/11/2026\n"
        "Woman, 44 years old, dermatomyositis.\n\n"
        "Section 2: Swallowing difficulty (since 05/11/2026)\n"
        "CK 640 U/L (ref 30-200)\n"
    )
    (ck,) = [lab for lab in read(text).case.labs if lab.code.value == "ck"]
    assert ck.date == date(2026, 11, 20)


# ---------------------------------------- the noun of weight loss in French, Dutch and Korean
@pytest.mark.parametrize(
    "text",
    [
        "Consultation du 20/11/2026.\nPatiente de 52 ans, dermatomyosite.\n"
        "Amaigrissement de 5 kg en deux mois. Faiblesse des cuisses.\n",
        "Polikliniek 20/11/2026.\nVrouw, 52 jaar, dermatomyositis.\n"
        "Vermagering van 5 kg sinds de zomer. Zwakte van de dijen.\n",
        "외래 2026-11-20.\n52세 여자, 피부근염.\n최근 두 달간 체중감소 5 kg. 허벅지 근력 저하.\n",
    ],
)
def test_weight_loss_noun_in_other_languages(text: str) -> None:
    assert ("weight_loss", True, SEEN) in _findings(text)


# ------------------------------------ a denied knuckle rash is not blocked by papules elsewhere
def test_denied_knuckle_rash_stands_beside_papules_of_the_history() -> None:
    # papules over the knuckles in a history years before; today's examination denies any rash
    # over the knuckles: Gottron's sign absent today, the history's papules kept on their month
    text = (
        "Clinic letter, 20/11/2026.\n"
        "Woman, 30 years old.\n\n"
        "Juvenile dermatomyositis, first signs May 2015: raised red papules over the knuckles.\n\n"
        "Examination: no knuckle rash seen today.\n"
    )
    found = _findings(text)
    assert ("gottron_sign", False, SEEN) in found
    assert ("gottron_papules", True, date(2015, 5, 1)) in found


def test_present_knuckle_rash_beside_papules_is_still_the_papules() -> None:
    # a knuckle rash told beside papules found the same day is their description, no sign
    text = (
        "Clinic letter, 20/11/2026.\n"
        "Woman, 30 years old.\n\n"
        "Examination: Gottron's papules over the MCPs; red rash on the knuckles.\n"
    )
    codes = {c for c, _, _ in _findings(text)}
    assert "gottron_papules" in codes
    assert "gottron_sign" not in codes
