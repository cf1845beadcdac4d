"""Record structures seen in the notes of heldout14 (issue #10, i10-text21): a scanned
typewritten letter read by OCR, graded strength tables, a serology line immunoassay, a scribe's
transcript. Every note here is our own wording; the expected facts are read off it by hand."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._ocr import looks_ocr, repair, undot
from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    antibody_results,
    findings_of,
    labs_coded,
    read,
)

# ------------------------------------------------------------------ OCR of a typewritten letter
# An l typed for every 1: the date of birth (3.12.41), the year, the weight, the CK's limit
_OCR_LETTER = (
    "Re: Mrs. Agnes FOLLOWS, d.o.b. 3.l2.4l\n\n"
    "I saw this lady on 9th June l998. She weighs 6l kg. She has a four rnonth history of a "
    "violet rash of the upper eyelids. C.P.K. 2,l40 i.u./l (norrnal up to l80). "
    "A.N.F. positive. Jo-l antibody negative. Biopsy confirrned a dermatomyositis.\n"
)


def test_a_typewriter_l_for_one_in_five_numbers_makes_the_note_ocr_text() -> None:
    # five different numbers with an l: l2, 4l, l998, 6l, l80
    assert looks_ocr(_OCR_LETTER)
    # four are not enough (the threshold is five distinct confusions)
    assert not looks_ocr("Seen l998, weight 6l kg, d.o.b. 3.l2.4l.")
    # a clean note writes "1 L" and "Jo-1", not an l inside a number
    assert not looks_ocr("CK 2140 U/L (up to 180), Jo-1 negative, 1.5 L fluids, 61 kg.")


def test_ocr_repair_puts_the_ones_back_in_numbers_ordinals_titres_and_antibody_names() -> None:
    fixed, changed = repair(_OCR_LETTER + "Seen on 2lst May. ANA l/l60.")
    assert "3.12.41" in fixed and "1998" in fixed and "61 kg" in fixed and "up to 180" in fixed
    assert "2,140" in fixed and "Jo-1 antibody" in fixed
    assert "21st May" in fixed and "1/160" in fixed
    assert changed >= 10
    # words keep their l: "lady", "violet", "eyelids", "Biopsy" untouched
    assert "lady" in fixed and "violet" in fixed and "eyelids" in fixed


def test_dotted_capitals_lose_their_stops_and_keep_their_length() -> None:
    assert undot("C.P.K. 2,140 and A.N.F. positive") == "CPK    2,140 and ANF    positive"
    assert undot("staging C.T. clear") == "staging CT   clear"
    # lower-case dotted words and a single initial stay as written
    assert undot("d.o.b. 3.12.41, Dr. R. Smith") == "d.o.b. 3.12.41, Dr. R. Smith"


def test_an_ocr_letter_reads_its_ck_ana_jo1_and_sex() -> None:
    ck = labs_coded(_OCR_LETTER, "ck")
    assert [(lab.value, lab.upper_limit) for lab in ck] == [(2140.0, 180.0)]
    results = antibody_results(_OCR_LETTER)
    assert results.get("ANA") == "positive"
    assert results.get("JO1") == "negative"
    assert read(_OCR_LETTER).case.patient.sex.value == "female"


def test_dotted_initials_in_a_clean_note_are_not_undotted() -> None:
    # not OCR text: "M.K." stays a name's initials, and no "MK" test is invented
    note = "Patient M.K., 52 year old woman. CK 900 U/L (up to 200). Jo-1 negative.\n"
    assert [lab.value for lab in labs_coded(note, "ck")] == [900.0]
    assert antibody_results(note).get("JO1") == "negative"


_ = (LEGS_PROX, LOWER, NECK, UPPER, findings_of, pytest)
