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


# ------------------------------------------------------------------ graded strength tables
# One rule for both EULAR/ACR comparisons: with both sides of the comparison graded, the item is
# present when the weakest proximal leg grade (neck flexor grade) is below the weakest distal leg
# grade (neck extensor grade), absent when equal. A "+"/"-" is a third of a grade.
_ROMAN_TABLE = (
    "Manual muscle testing (grade 0-V)   R     L\n"
    "  Neck flexion         {nf}    {nf}\n"
    "  Neck extension       IV     IV\n"
    "  Hip abduction        IV     IV\n"
    "  Ankle plantarflexion {ap}    {ap}\n"
)
_OXFORD_TWO_DATES = (
    "POWER (Oxford scale 0-5), right / left\n"
    "                      02 Sep 26     28 Oct 26\n"
    "  Hip flexion         {hip}         4 / 4\n"
    "  Ankle dorsiflexion  4 / 4         4 / 4\n"
)


@pytest.mark.parametrize(
    ("note", "legs", "neck"),
    [
        # Roman numerals: hip IV, ankle V (one grade apart) → legs present; neck III < IV
        (_ROMAN_TABLE.format(nf="III", ap="V "), True, True),
        # equal grades: hip IV, ankle IV; neck IV = IV → neither comparison
        (_ROMAN_TABLE.format(nf="IV ", ap="IV"), False, False),
        # a third of a grade apart: hip IV- (3.67) below ankle IV (4)
        (
            _ROMAN_TABLE.format(nf="IV-", ap="IV").replace(
                "IV     IV\n  Ankle", "IV-    IV-\n  Ankle"
            ),
            True,
            True,
        ),
    ],
)
def test_a_roman_numeral_table_makes_both_comparisons(note: str, legs: bool, neck: bool) -> None:
    found = findings_of(note)
    assert found.get(LEGS_PROX) is legs
    assert found.get(NECK) is neck
    assert found.get(LOWER) is True  # hip abduction IV on both sides


@pytest.mark.parametrize(
    ("hip", "legs"),
    [
        ("3 / 3", True),  # the earlier date's 3 is the weakest hip grade, below the ankle's 4
        ("4 / 4", False),  # 4 and 4 at both dates: equal, no comparison
        ("4-/ 4-", True),  # 4- (3.67) below 4: one step
    ],
)
def test_a_right_left_table_with_two_dates_reads_each_pair_as_the_two_sides(
    hip: str, legs: bool
) -> None:
    found = findings_of(_OXFORD_TWO_DATES.format(hip=hip))
    assert found.get(LEGS_PROX) is legs
    assert found.get(LOWER) is True  # hip flexion 4 or less on both sides at some date


@pytest.mark.parametrize(
    ("note", "legs"),
    [
        ("Power (MRC): gluteus medius 4/5, toe extensors 4/5 bilaterally.", False),
        ("Power (MRC): gluteus medius 4-/5, toe extensors 4/5 bilaterally.", True),
        ("Power (MRC): quadriceps 4/5, dorsal flexors of the foot 5/5.", True),
        ("Power (MRC): quadriceps 5/5, dorsal flexors of the foot 5/5.", False),
    ],
)
def test_a_graded_list_compares_the_legs_proximal_and_distal_muscles(note: str, legs: bool) -> None:
    assert findings_of(note).get(LEGS_PROX) is legs


@pytest.mark.parametrize(
    ("note", "neck"),
    [
        ("DR: Neck flexion, I'd call that four. Neck extension, good, that's five.", True),
        ("DR: Neck flexion four. Neck extension four, both sides.", False),
    ],
)
def test_grades_spoken_to_a_scribe_make_the_neck_comparison(note: str, neck: bool) -> None:
    assert findings_of(note).get(NECK) is neck


@pytest.mark.parametrize(
    "note",
    [
        "She had a hip replacement five years ago.",
        "Shoulder exercises three times a day, two sets.",
        "Neck extension exercises: five.",  # no flexor graded: nothing to compare
    ],
)
def test_number_words_that_are_no_grade_make_no_strength_item(note: str) -> None:
    found = findings_of(note)
    assert not {UPPER, LOWER, NECK, LEGS_PROX} & set(found)


# ------------------------------------------------------------------ a line immunoassay's bands
_LINE_ASSAY = (
    "MYOSITIS LINE BLOT (12 antigens; band intensity 0 / (+) / + / ++ / +++)\n"
    "Jo-1 0        PL-7 0        PL-12 0       EJ 0\n"
    "MDA5 0        NXP2 {nxp2}        SAE1 0        Mi-2 0\n"
    "SRP 0         Ku 0          PM-Scl75 0    Ro-52 +\n"
)


def test_a_zero_band_under_a_band_intensity_heading_is_a_negative() -> None:
    results = antibody_results(_LINE_ASSAY.format(nxp2="0"))
    negatives = {"JO1", "PL7", "PL12", "EJ", "MDA5", "NXP2", "SAE1", "MI2", "SRP", "KU", "PMSCL"}
    assert {code for code, r in results.items() if r == "negative"} == negatives
    assert results.get("RO52") == "positive"


def test_a_graded_band_stays_positive_and_a_zero_elsewhere_is_no_result() -> None:
    assert antibody_results(_LINE_ASSAY.format(nxp2="++")).get("NXP2") == "positive"
    # no band-intensity heading: "Jo-1 0" says nothing (a count, an index)
    assert "JO1" not in antibody_results("Jo-1 0 of 3 samples repeated.\n")


# ------------------------------------------------------------------ age and sex in record fields
@pytest.mark.parametrize(
    ("note", "sex", "age"),
    [
        ("Patient: sex M    DOB 1970-05-02    MRN: 1\n", "male", None),  # age from DOB, not here
        ("Patient: [name withheld] / F / 47 years      Reg no.: 2\n", "female", 47),
        ("Name: Mr. [withheld]      Age/Sex: 63 Y/M      UHID: 3\n", "male", 63),
        ("Age / Gender: 38 yrs / Female\n", "female", 38),
        ("Admitted 71Y/F with a heliotrope rash.\n", "female", 71),
    ],
)
def test_a_records_age_and_sex_fields(note: str, sex: str, age: int | None) -> None:
    patient = read(note).case.patient
    assert patient.sex.value == sex
    if age is not None:
        assert patient.age == age


@pytest.mark.parametrize(
    "note",
    [
        "The sex M ratio was reported.\n",  # no field follows: not a sex field
        "Sex hormone-binding globulin normal.\n",
        "Patient: [name withheld] / 47 years / Mod 3\n",  # no sex item
    ],
)
def test_no_sex_from_words_that_are_no_sex_field(note: str) -> None:
    assert read(note).case.patient.sex.value == "unknown"


# ------------------------------------------------------------------ a scribe's transcript
_TRANSCRIPT = (
    "[00:01:10] DR: The antibody letter says SAE one positive. The others were negative, "
    "Mi two, NXP two and PL seven.\n"
    "[00:02:40] DR: Her CK from last Monday, the third, was two thousand three hundred and "
    "ten units per litre, the upper limit for the lab is one hundred and ninety.\n"
)


def test_numbers_said_in_words_are_values_and_antibody_names() -> None:
    ck = labs_coded(_TRANSCRIPT, "ck")
    # two thousand three hundred and ten = 2310; one hundred and ninety = 190
    assert [(lab.value, lab.upper_limit) for lab in ck] == [(2310.0, 190.0)]
    results = antibody_results(_TRANSCRIPT)
    assert results.get("SAE1") == "positive"
    assert {results.get(c) for c in ("MI2", "NXP2", "PL7")} == {"negative"}


@pytest.mark.parametrize(
    "note",
    [
        "Thousands of patients were screened; CK 300 U/L.\n",  # no number said: CK stays 300
        "She walked a hundred metres; CK 300 U/L.\n",
    ],
)
def test_scale_words_without_a_number_change_no_value(note: str) -> None:
    assert [lab.value for lab in labs_coded(note, "ck")] == [300.0]


def test_a_stem_with_a_number_that_names_no_antigen_is_left_alone() -> None:
    # "PL two" and "Mi one" are no antigens: nothing is read
    assert not {"PL7", "PL12", "MI2"} & set(antibody_results("PL two and Mi one were sent.\n"))


# ------------------------------------------------------------------ a list of several patients
_MDT_LIST = (
    "UPPER GI MDT - OUTCOMES\n"
    "This copy is filed in the record of: PATIENT {n} ONLY. Other entries redacted.\n\n"
    "1. 74 F   MRN [redacted]   Gastric adenocarcinoma. Outcome: gastrectomy.\n\n"
    "2. 49 M   MRN 1234567   Dermatomyositis with an oesophageal mass. Outcome: EUS.\n\n"
    "3. 66 F   MRN [redacted]   Barrett's surveillance. Outcome: repeat OGD.\n"
)


@pytest.mark.parametrize(("n", "age", "sex"), [("2", 49, "male"), ("3", 66, "female")])
def test_only_the_filed_entry_of_a_list_gives_the_age_and_sex(n: str, age: int, sex: str) -> None:
    patient = read(_MDT_LIST.format(n=n)).case.patient
    assert (patient.age, patient.sex.value) == (age, sex)


def test_a_filed_entry_without_its_row_gives_no_age_from_it() -> None:
    # entry 5 is not on the list: nothing is taken from the entries that are
    patient = read(_MDT_LIST.format(n="5")).case.patient
    assert patient.age is None


# ------------------------------------------------------------------ a quoted alias inside a phrase
@pytest.mark.parametrize(
    ("note", "histology"),
    [
        ('Bronchial biopsy: a small cell ("oat cell") carcinoma.\n', "small_cell_carcinoma"),
        ("Gastric biopsy: a signet ring ('signet') adenocarcinoma.\n", "adenocarcinoma"),
    ],
)
def test_a_quoted_alias_in_brackets_does_not_split_the_histology(note: str, histology: str) -> None:
    assert [t.histology.value for t in read(note).case.tumours] == [histology]
