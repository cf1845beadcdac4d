"""issue #10 (i31c): classes of reports:heldout_ac's leftovers, from vignettes of our own."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import present


# ------------------------------------------------------------------ a later numbered case
# A report of several numbered cases is read for its first patient: a later case's heading, in
# any language the section titles know ("Case 2", "Caso 2", "病例2", "案例#2", "Patient II"),
# ends the first patient's text; the first case's own heading alone keeps it the patient's.
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Case 1", "Case 2"),
        ("CASE 1:", "CASE 2:"),
        ("Patient I", "Patient II"),
        ("Caso 1", "Caso 2"),
        ("病例1", "病例2"),
        ("案例#1", "案例#2"),
        ("Cas n° 1", "Cas n° 2"),
    ],
)
def test_a_later_numbered_case_is_someone_else(first: str, second: str) -> None:
    note = (
        "Myositis in two adults\n\n"
        f"{first}\nA 63-year-old man had hip flexion 3/5 bilaterally.\n"
        f"{second}\nA 35-year-old woman had a heliotrope rash and dysphagia.\n"
    )
    assert present(note) == {"weakness_proximal_lower"}


def test_the_first_numbered_case_alone_is_the_patients() -> None:
    note = (
        "Myositis in an adult\n\nCaso 1\nA 35-year-old woman had a heliotrope rash and dysphagia.\n"
    )
    assert present(note) == {"heliotrope_rash", "dysphagia"}


def test_a_word_ending_in_a_numeral_letter_is_no_case_heading() -> None:
    # "casi" is not "Cas I": no case heading, and the text stays the patient's
    note = "Casi\nA 35-year-old woman had a heliotrope rash.\nCas II\nShe had dysphagia.\n"
    assert "heliotrope_rash" in present(note)
