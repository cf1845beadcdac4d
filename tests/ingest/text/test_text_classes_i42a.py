"""Antibody panels dated by the line they are wrapped from (issue #10, i42a). Every note is our
own; each expected date is worked out by hand from the layout and the words:

- a results table nested under a heading indents its rows, each opening with its date and a
  column gap; a row's wrapped lines are indented deeper and take the row's date (an undated
  line at the rows' own indent is the next row, not theirs, and keeps the note's date);
- a sentence broken at a soft wrap in the middle of its clause (the line above runs to the
  margin with no stop, colon or semicolon at its end, and leaves a bracket open or the line
  goes on in lower case or with a value) is the same clause: its results take the time the
  line above has reached (the margin is the note's longest line but for a rare outlier, a long
  link); a line after a finished sentence, or after a short line, keeps the
  note's date.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import case_of, labs_coded, read

HEAD = "Clinic letter, seen 20/11/2026.\nWoman, 60 years old, heliotrope rash of both eyelids.\n"
SEEN = date(2026, 11, 20)


def _dated(body: str) -> dict[str, tuple[str, date]]:
    return {a.code.value: (a.result.value, a.date) for a in read(HEAD + body).case.antibodies}


# ------------------------------------------------------- a table's rows indented under a heading
def test_indented_rows_date_their_wrapped_lines() -> None:
    body = (
        "Results:\n"
        "   03/10/2026  Myositis line blot: anti-SAE1 positive (++, band strength\n"
        "               52); Mi-2, MDA5, TIF1-gamma negative.\n"
        "               ANA 1:320 homogeneous.\n"
        "   15/10/2026  CT thorax: normal.\n"
    )
    day = date(2026, 10, 3)
    assert _dated(body) == {
        "SAE1": ("positive", day),
        "MI2": ("negative", day),
        "MDA5": ("negative", day),
        "TIF1G": ("negative", day),
        "ANA": ("positive", day),
    }


def test_line_at_the_rows_indent_is_not_their_wrapped_text() -> None:
    body = "Results:\n  03/10/2026  CK 900 U/L\n  Myositis blot: anti-NXP2 positive.\n"
    assert _dated(body) == {"NXP2": ("positive", SEEN)}


# ------------------------------------------------------------------ a clause broken at a soft wrap
@pytest.mark.parametrize(
    "body",
    [
        # the line above ends on the antibody's name, its value on the next line
        "- Diagnosed at the regional clinic on 02/09/2026 with a CK of 5,400 U/L and anti-HMGCR\n"
        "  240 U (cut-off 20, positive); anti-SRP negative; line blot (Jo-1, Mi-2) negative.\n",
        # the line above leaves its bracket open
        "- Diagnosed at the regional clinic on 02/09/2026: anti-HMGCR positive (240 U, cut-off\n"
        "  20); anti-SRP negative; line blot (Jo-1, Mi-2) negative.\n",
        # the next line goes on in lower case
        "- Diagnosed at the regional clinic on 02/09/2026 with anti-HMGCR positive at 240 U and\n"
        "  anti-SRP negative; line blot (Jo-1, Mi-2) negative.\n",
    ],
)
def test_clause_broken_at_a_soft_wrap_keeps_the_line_above_date(body: str) -> None:
    day = date(2026, 9, 2)
    assert _dated(body) == {
        "HMGCR": ("positive", day),
        "SRP": ("negative", day),
        "JO1": ("negative", day),
        "MI2": ("negative", day),
    }


def test_soft_wrap_read_against_the_margin_not_one_long_link() -> None:
    body = (
        "Portal: https://records.example.org/patients/000000/documents/letters/2026/11/clinic-"
        "follow-up-letter-final-version.pdf\n"
        "- Reviewed in the regional clinic on 02/09/2026 with a CK of 5,400 U/L and anti-HMGCR\n"
        "  240 U (cut-off 20, positive); anti-SRP negative.\n"
    )
    day = date(2026, 9, 2)
    assert _dated(body) == {"HMGCR": ("positive", day), "SRP": ("negative", day)}


@pytest.mark.parametrize(
    "body",
    [
        # the line above is a finished sentence
        "- Diagnosed at the regional clinic on 02/09/2026 with a CK of 5,400 U/L and a rash.\n"
        "Myositis panel: SRP negative.\n",
        # the line above runs to the margin unfinished, and the next is a numbered item
        "1. Diagnosed at the regional clinic on 02/09/2026 with a CK of 5,400 U/L and a rash\n"
        "2. Myositis panel sent from this clinic: SRP negative.\n",
        # the line above is short, far from the margin (a form's row)
        "Diagnosed 02/09/2026\nSRP negative on the panel sent from this clinic, next one due.\n",
    ],
)
def test_line_after_a_finished_item_or_short_line_keeps_the_note_date(body: str) -> None:
    assert _dated(body) == {"SRP": ("negative", SEEN)}


# ------------------------------------------------------------ "at that visit": the latest day named
@pytest.mark.parametrize(
    "body",
    [
        "Her rash began in March 2026 and she was first seen in clinic on 14 August 2026. "
        "At that visit her anti-NXP2 was positive and anti-MDA5 negative.\n",
        "Her rash began in March 2026 and she was first seen in clinic on 14 August 2026. "
        "The line blot of the same day showed anti-NXP2 positive, anti-MDA5 negative.\n",
        # the visit named first, the signs' start after it: still the visit, the later day
        "She was first seen in clinic on 14 August 2026, with a rash from March 2026. "
        "On that day anti-NXP2 was positive and anti-MDA5 negative.\n",
    ],
)
def test_that_visit_is_the_latest_day_the_sentence_before_named(body: str) -> None:
    day = date(2026, 8, 14)
    assert _dated(body) == {"NXP2": ("positive", day), "MDA5": ("negative", day)}


# ------------------------------------------------------------- the blood's date over the result's
@pytest.mark.parametrize(
    "body",
    [
        "Myositis antibodies (blood 05.11.26), result sent by the laboratory 12.11.26:\n"
        "   anti-Mi-2 POSITIVE\n   anti-NXP2 neg, anti-MDA5 neg\n",
        "Myositis antibodies, bloods 05/11/2026, results sent back 12/11/2026: "
        "anti-Mi-2 positive, anti-NXP2 and anti-MDA5 negative.\n",
    ],
)
def test_blood_sample_date_over_the_result_sent_back(body: str) -> None:
    day = date(2026, 11, 5)
    assert _dated(body) == {
        "MI2": ("positive", day),
        "NXP2": ("negative", day),
        "MDA5": ("negative", day),
    }


# ------------------------------------------------------------------ a titre graded weak, no sign
@pytest.mark.parametrize(
    ("line", "result"),
    [
        ("Antinuclear antibodies 1:160 (weak), nucleolar.", "weak_positive"),
        ("ANA 1/80 (zwak).", "weak_positive"),
        ("ANA 1:80 (schwach).", "weak_positive"),
        ("ANA 1:160 (homogeneous).", "positive"),
        ("ANA 1:640.", "positive"),
    ],
)
def test_titre_graded_weak_in_its_bracket_is_weak_positive(line: str, result: str) -> None:
    assert _dated(line + "\n") == {"ANA": (result, SEEN)}


# ------------------------------------------------------------------- "nidān" with its date
@pytest.mark.parametrize(
    "word",
    ["निदान", "નિદાન", "ਨਿਦਾਨ"],
)
def test_indic_diagnosis_noun_with_its_date_gives_the_diagnosis_date(word: str) -> None:
    note = HEAD + f"{word}:\n1. Dermatomyositis, anti-NXP2 - {word} 17/10/2026\n"
    assert case_of(note).diagnosis_date == date(2026, 10, 17)


def test_indic_diagnosis_heading_alone_gives_no_date() -> None:
    note = HEAD + "નિદાન:\n1. Dermatomyositis\n"
    assert case_of(note).diagnosis_date is None


# ----------------------------------------------------------- a range labelled in other languages
@pytest.mark.parametrize(
    "label",
    ["nomol:", "referensia", "ireferensi", "caadi:", "സാധാരണ", "ਸਧਾਰਨ:"],
)
def test_range_labelled_normal_gives_the_upper_limit(label: str) -> None:
    note = HEAD + f"CK 2 750 U/L ({label} 30-210); ALT 66 U/L ({label} <45).\n"
    assert [(lab.value, lab.upper_limit) for lab in labs_coded(note, "ck")] == [(2750, 210)]
    assert [(lab.value, lab.upper_limit) for lab in labs_coded(note, "alt")] == [(66, 45)]


def test_follow_up_value_without_its_range_has_none() -> None:
    note = HEAD + "CK 2 750 U/L (caadi: 30-210) on 02/11/2026; CK 1 200 U/L on 16/11/2026.\n"
    assert sorted((lab.value, lab.upper_limit) for lab in labs_coded(note, "ck")) == [
        (1200, None),
        (2750, 210),
    ]
