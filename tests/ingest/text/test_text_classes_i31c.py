"""issue #10 (i31c): classes of reports:heldout_ac's leftovers, from vignettes of our own."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import present, sex_and_age, tumour_sites


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


# ------------------------------------------------------------------ cancers named as examples
# A review's list of cancers under a general quantifier ("several cancers, including ...",
# "various malignancies (...)"), a plural cancer noun before "such as", and the risk or
# incidence of a named cancer: not this patient's. Her own cancer, or a count of her tumours
# before a list, still records.
_ADMITTED = "A 58-year-old woman with dermatomyositis was admitted.\n"


@pytest.mark.parametrize(
    ("sentence", "tumours"),
    [
        (
            "Checkpoint inhibitors are licensed for several cancers, including renal cell "
            "carcinoma, melanoma and urothelial cancer.",
            [],
        ),
        ("Other groups have described DM with various malignancies (breast, colon, ovary).", []),
        ("Tumours such as gastric and nasopharyngeal carcinoma are reported in DM.", []),
        ("The risk of ovarian and pancreatic cancer is raised in the first years.", []),
        ("A higher incidence of non-Hodgkin lymphoma was noted in one cohort.", []),
        ("She was found to have ovarian cancer.", [("ovary", "other")]),
        (
            "Staging CT found two tumours, including a renal cell carcinoma.",
            [("kidney", "other")],
        ),
        (
            "She has a gastric adenocarcinoma; screening for various cancers (colon, breast) "
            "was otherwise negative.",
            [("stomach", "adenocarcinoma")],
        ),
    ],
)
def test_cancers_named_as_examples_are_not_the_patients(
    sentence: str, tumours: list[tuple[str, str]]
) -> None:
    assert tumour_sites(_ADMITTED + sentence) == tumours


# ------------------------------------------------------------------ one age, two sexes
# The patient's one age stated twice with both sexes (a slip in an introduction): the English
# pronouns of the patient's sentences decide when they give the other sex at least twice and
# never the first; any pronoun of the first keeps it (two notes about two patients of one age),
# and a relative of the same age, or another age, is someone else.
@pytest.mark.parametrize(
    ("note", "sex"),
    [
        (
            "Last winter we met a 10-year-old girl with a rash.\n"
            "A 10-year-old boy presented with a scaly rash on his hands. He had no weakness and "
            "his mother noticed it first.",
            "male",
        ),
        (
            "An 8-year-old boy was seen.\n"
            "An 8-year-old girl had a rash on her eyelids; she could not climb stairs and her "
            "CK was raised.",
            "female",
        ),
        (
            "A 10-year-old girl had a rash.\nA 10-year-old boy had a rash. He was well.\n"
            "She could not climb stairs.",
            "female",
        ),
        (
            "Clinic 1\n67yo f. rash on eyelids. no dysphagia.\n\nClinic 2\n67M. New patient. "
            "Rash on the backs of his hands; he has lost weight and his CK is raised. Her "
            "daughter drove.",
            "female",
        ),
        (
            "A 10-year-old girl had a rash.\nA 12-year-old boy in her class was well; he and "
            "his brother play football.",
            "female",
        ),
    ],
)
def test_the_pronouns_settle_one_age_given_both_sexes(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex
