"""Issue #10, round 12 (i12c): classes of wording met in published case reports.

1. An unqualified Gottron lesion ("Gottron's lesions", "skin changes compatible with Gottron's
   indications", "lésions de Gottron") is the flat Gottron's sign (the reports' gold convention,
   tests/data/reports/index.yaml, FIRST_RUN_S.md "Skin"); the eponym misspelt with one t
   ("Gotron's") as translated abstracts write it. A bare "Gottron's" names no lesion, and a note
   that describes Gottron's papules elsewhere means those papules (as inference.yaml reads an
   unqualified rash over the joints).
2. An abstract that lost "old" after the age's hyphen ("a 61-year- woman"): the age and sex.
3. An MRC grade written BEFORE its lead word, as English abstracts of Chinese reports word it
   ("V- grade muscle strength in the proximal extremities", "IV grade power"): read as "grade
   5-"; below 5 is weakness, 5 is full strength (EULAR/ACR 2017: weakness on manual muscle
   testing), and a tumour's "III grade" is no strength grade.
4. The age at which the illness began, in a report that presents the patient years later ("A
   24-year-old woman ... At the age of 13, she developed difficulty in walking"; FIRST_RUN_S.md
   "Ages and onset"): the onset is (24 - 13) = 11 years before the stated age's time. Not a
   relative's age, not an age without a word saying something began, not a general statement.
5. A case report's "Background" (a section about the disease) may still speak of this case:
   a sentence whose subject is THE patient with a past-tense verb ("The patient was diagnosed
   with DM based on the presence of a heliotrope rash", "La patiente a présenté ...") is the
   case's; a plural or present-tense statement ("Patients with DM often present with ...")
   stays general.
6. A child's CK stated without a range: children's ranges are lower than adults', so a bare CK
   above 750 U/L (rules/lexicon.yaml clearly_above_child, ages 1 to 14) is raised; an adult's or
   an adolescent's bare 846 stays below the adult threshold (1000): not assessed.

Every expected value is worked out by hand from the sentence: a denial is absent, a finding the
sentence does not state is not assessed (None), never a silent no.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import LOWER, TODAY, UPPER, findings_of, read


def _finding(text: str, code: str) -> bool | None:
    """The finding ``code`` as read: True present, False absent, None not assessed."""
    return findings_of(text).get(code)


# ---------------------------------------------------------------- 1. Gottron lesions unqualified


@pytest.mark.parametrize(
    ("text", "sign", "papules"),
    [
        ("A 36-year-old woman with skin changes compatible with Gotron's indications.", True, None),
        ("A 36-year-old woman with Gottron's lesions on both hands.", True, None),
        ("A 50-year-old man. Gottron lesions over the knuckles were seen.", True, None),
        ("A 50-year-old man. Over the knuckles, Gottron's changes.", True, None),
        ("A 50-year-old man with Gotron's sign over the elbows.", True, None),
        ("A 50-year-old man with Gotron's papules over the elbows.", None, True),
        ("Femme de 36 ans. Lésions de Gottron sur les mains.", True, None),
        ("Mujer de 36 años. Lesiones de Gottron en los nudillos.", True, None),
        # papules named: the papules only, never the sign as well
        ("A 36-year-old woman with Gottron's papules on both hands.", None, True),
        # papules described elsewhere in the note: the unqualified lesion is those papules
        (
            "A 60-year-old man. Erythematous papules over the MCP joints. Assessment: heliotrope "
            "and Gottron lesions.",
            None,
            True,
        ),
        # a sign named as a sign stays beside papules
        (
            "A 60-year-old man. Gottron's papules on the knuckles, Gotron's sign on the elbows.",
            True,
            True,
        ),
        # denied: absent, not a silent no
        ("A 36-year-old woman. No Gottron's lesions.", False, None),
        ("A 36-year-old woman. There were no Gottron lesions on her hands.", False, None),
        # a copy cut after the eponym names no lesion
        ("A 42-year-old man diagnosed with a heliotrope rash, Gottron's", None, None),
        # a relative's finding and a general statement are not the patient's
        ("A 36-year-old woman whose mother had Gottron's lesions.", None, None),
        (
            "Dermatomyositis is characterised by Gottron's lesions. A 36-year-old woman, fever.",
            None,
            None,
        ),
    ],
)
def test_an_unqualified_gottron_lesion_is_the_sign(
    text: str, sign: bool | None, papules: bool | None
) -> None:
    assert _finding(text, "gottron_sign") is sign
    assert _finding(text, "gottron_papules") is papules


# ---------------------------------------------------------------- 2. "a 61-year- woman"


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("We report a case of a 61-year- woman with no medical history.", 61, "female"),
        ("A 7 year- boy presented with a rash on his eyelids.", 7, "male"),
        ("A 45-year - man was admitted with weakness.", 45, "male"),
        # the whole phrase still reads as before
        ("A 61-year- old woman with a rash.", 61, "female"),
    ],
)
def test_an_age_whose_old_was_lost_after_the_hyphen(text: str, age: int, sex: str) -> None:
    patient = read(text).case.patient
    assert (patient.age, patient.sex.value) == (age, sex)


def test_a_duration_with_a_dangling_hyphen_is_no_age() -> None:
    # "a 5-year- follow-up" is a duration; the man's age is the one stated, 61
    assert read("We report a 5-year- follow-up of a man aged 61.").case.patient.age == 61


# ---------------------------------------------------------------- 3. "V- grade muscle strength"


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        # 5- is below full strength (5): weak arms and legs ("extremities", "limbs": both)
        (
            "A 55-year-old man. Examination showed V- grade muscle strength in the proximal "
            "extremities.",
            True,
        ),
        ("A 55-year-old man. Examination showed IV grade power in the proximal limbs.", True),
        (
            "A 55-year-old man. Examination showed III+ grade muscle strength of the proximal "
            "limbs.",
            True,
        ),
        (
            "A 55-year-old man. Examination showed 4- grade muscle strength in the proximal "
            "extremities.",
            True,
        ),
        # grade V is full strength: both items assessed and absent
        ("A 55-year-old man. Proximal muscle strength was V grade.", False),
        (
            "A 55-year-old man. Examination showed V grade muscle strength in the proximal limbs.",
            False,
        ),
    ],
)
def test_a_grade_written_before_its_lead_word(text: str, weak: bool) -> None:
    found = findings_of(text)
    assert (found.get(UPPER), found.get(LOWER)) == (weak, weak)


@pytest.mark.parametrize(
    "text",
    [
        "A 55-year-old man with a III grade tumour of the kidney.",
        "A 55-year-old man. Clavien-Dindo III grade complication after surgery.",
    ],
)
def test_a_grade_before_grade_without_a_strength_word_is_no_strength(text: str) -> None:
    found = findings_of(text)
    assert (found.get(UPPER), found.get(LOWER)) == (None, None)


# ---------------------------------------------------------------- 4. onset "at the age of 13"

# the notes speak from TODAY (27 Nov 2026), where the stated age 24 holds: onset at 13 is 11
# years earlier
_ELEVEN_YEARS_BEFORE = TODAY.replace(year=TODAY.year - 11).isoformat()


@pytest.mark.parametrize(
    "text",
    [
        "A 24-year-old woman visited our hospital. At the age of 13, she developed difficulty "
        "in walking.",
        "A 24-year-old woman. Her weakness began at age 13.",
        "A 24-year-old woman. She first noticed a rash on her eyelids at 13 years of age.",
        "Femme de 24 ans. À l'âge de 13 ans, elle a présenté une faiblesse musculaire.",
        "Mujer de 24 años. A los 13 años comenzó con debilidad muscular.",
        "Frau, 24 Jahre. Im Alter von 13 Jahren erstmals Muskelschwäche.",
    ],
)
def test_the_onset_at_an_earlier_stated_age(text: str) -> None:
    case = read(text).case
    assert case.onset_date is not None
    assert case.onset_date.isoformat() == _ELEVEN_YEARS_BEFORE


@pytest.mark.parametrize(
    "text",
    [
        # a relative's age
        "A 24-year-old woman. Her mother developed weakness at the age of 13.",
        # no word saying the illness began
        "A 24-year-old woman. She was vaccinated at the age of 13.",
        # a general statement, and an age above the patient's
        "A 24-year-old woman. Juvenile dermatomyositis usually begins at the age of 7.",
        "A 24-year-old woman. Myositis usually begins at the age of 40 or later.",
    ],
)
def test_an_age_that_is_no_onset_leaves_it_unstated(text: str) -> None:
    assert read(text).case.onset_date is None


# ------------------------------------------------ 5. "The patient was ..." in a Background


def _with_background(sentence: str) -> str:
    return (
        "Abstract\nWe report the case of a 42-year-old man with dermatomyositis.\n\n"
        "Summary\n\nBackground\n\nDermatomyositis is a rare syndrome. " + sentence
    )


@pytest.mark.parametrize(
    ("sentence", "heliotrope"),
    [
        ("The patient was diagnosed with DM based on the presence of a heliotrope rash.", True),
        ("Our patient had a heliotrope rash at presentation.", True),
        ("The patient developed a heliotrope rash before the cancer was found.", True),
        ("La patiente a présenté un érythème héliotrope.", True),
        ("El paciente presentó un eritema en heliotropo.", True),
        # denied: absent
        ("The patient was diagnosed with DM; no heliotrope rash was seen.", False),
        # patients in general: not assessed
        ("Patients with DM often present with a heliotrope rash.", None),
        ("The patient with DM typically shows a heliotrope rash.", None),
    ],
)
def test_the_patient_in_a_background_section_is_this_case(
    sentence: str, heliotrope: bool | None
) -> None:
    assert _finding(_with_background(sentence), "heliotrope_rash") is heliotrope


# ---------------------------------------------------------------- 6. a child's bare CK


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("A 2-year-old female patient. Creatinine kinase levels were 846.6 U/L.", True),
        ("A 9-year-old boy with a heliotrope rash. CK 1200 U/L.", True),
        # at or below the child's threshold: not judged
        ("A 9-year-old boy with a heliotrope rash. CK 700 U/L.", None),
        # the threshold itself (750) is not above it; the next unit is
        ("A 9-year-old boy with a heliotrope rash. CK 750 U/L.", None),
        ("A 9-year-old boy with a heliotrope rash. CK 751 U/L.", True),
        # the age bounds: from 1, below 15 (14 is a child's; an infant of 10 months and an
        # adolescent of 15 keep the adult threshold)
        ("A 1-year-old girl with a heliotrope rash. CK 751 U/L.", True),
        ("A 14-year-old girl with a heliotrope rash. CK 751 U/L.", True),
        ("A 15-year-old girl with a heliotrope rash. CK 751 U/L.", None),
        ("A 10-month-old girl with a heliotrope rash. CK 751 U/L.", None),
        # an adolescent of 16 and an adult keep the adult threshold (1000)
        ("A 16-year-old girl with a heliotrope rash. CK 846 U/L.", None),
        ("A 40-year-old woman with a heliotrope rash. CK 846.6 U/L.", None),
    ],
)
def test_a_childs_bare_ck_against_the_childrens_ranges(text: str, raised: bool | None) -> None:
    ck = [lab for lab in read(text).case.labs if lab.code.value == "ck"]
    assert len(ck) == 1
    assert ck[0].above_uln is raised
