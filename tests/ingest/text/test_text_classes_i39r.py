"""issue #10 (i39r): classes of the misses on the opened report set heldout_ah.

- A disease's features said with a modal ("The presenting features may include a violet rash
  on the eyelids ...", "Skin signs can include ...") or its "main characteristics" carried on
  after a sentence defining the disease: a possibility about patients, not this patient's signs.
- A structured abstract's run-in "Results." (Aim / Material and methods / Results / Conclusion)
  tells the case, as "Results:" before a colon does; before, the aim's section ran on over it and
  the whole case was read as the study's aim.
- An antinuclear antibody titre after a passive verb of measurement ("ANF was measured at
  1:320", "was determined at 1:640"): positive, as "ANA was 1/320" is.
- A judgement put before the first of a list of measured labs ("increased ESR of 40 mm/h and
  LDH level of 672 U/L") holds for every member with no judgement of its own.
- A site word that names two organs ("colorectal cancer") is placed at the organ a later
  operation removes ("low anterior resection of the rectum": the rectum).

Our own sentences (never a report's); values worked out by hand from the gold conventions of
tests/data/reports/index.yaml. Each class has a guard that must not be read.
"""

from __future__ import annotations

from .helpers import antibody_results, findings_of, labs_above_uln, labs_coded, tumour_sites

# --- class A: a disease's features with a modal -------------------------------------------------


def test_features_that_may_include_signs_are_the_diseases_not_the_boys() -> None:
    text = (
        "Juvenile dermatomyositis is an inflammatory myopathy of childhood. Its main "
        "characteristics are changes of the small vessels of skin and muscle. The presenting "
        "features may include a violaceous rash of the upper eyelids and red papules over the "
        "knuckles. We report a 6-year-old girl with a rash and tiredness; CK was 2,300 U/L."
    )
    found = findings_of(text)
    assert "heliotrope_rash" not in found
    assert "gottron_papules" not in found
    assert labs_above_uln(text) == [("ck", True)]


def test_skin_signs_can_include_on_its_own_is_general() -> None:
    text = (
        "A 52-year-old man was seen with weakness and a CK of 4,100 U/L. "
        "Skin signs can include Gottron papules and a heliotrope rash."
    )
    found = findings_of(text)
    assert "gottron_papules" not in found
    assert "heliotrope_rash" not in found


def test_her_presenting_features_included_stay_hers() -> None:
    # guard: the story told in the past tense about the patient is hers
    text = (
        "A 58-year-old woman was referred. Her presenting features included a violaceous "
        "rash of the upper eyelids and Gottron papules over the knuckles."
    )
    found = findings_of(text)
    assert found.get("heliotrope_rash") is True
    assert found.get("gottron_papules") is True


def test_characteristics_not_after_a_general_sentence_are_not_carried_on() -> None:
    # guard: "its main characteristics" alone, after the patient's own sentence, is no
    # general statement carried on (general_anaphor acts only after a general sentence)
    text = (
        "A 47-year-old woman has a violaceous rash on both upper eyelids. Its main "
        "characteristics are a purple colour and swelling."
    )
    assert findings_of(text).get("heliotrope_rash") is True


# --- class B: a structured abstract's "Results." --------------------------------------------

_ABSTRACT = (
    "Abstract\n\n"
    "Aim. To describe a case of dermatomyositis with anti-Mi-2 antibodies.\n\n"
    "Material and methods. The findings and treatment of one patient are described.\n\n"
)


def test_results_label_opens_the_case_after_the_aim() -> None:
    text = (
        _ABSTRACT + "Results. A 41-year-old woman presented with a heliotrope rash, Gottron "
        "papules and arthritis. Anti-Mi-2 antibodies were positive.\n\n"
        "Conclusion. The course was benign."
    )
    found = findings_of(text)
    assert found.get("heliotrope_rash") is True
    assert found.get("gottron_papules") is True
    assert antibody_results(text) == {"MI2": "positive"}


def test_the_aim_itself_stays_no_finding() -> None:
    # guard: the aim names the disease's features without stating them of the patient
    text = (
        "Aim. To describe the heliotrope rash and Gottron papules of dermatomyositis.\n\n"
        "Material and methods. A review of the skin signs."
    )
    found = findings_of(text)
    assert "heliotrope_rash" not in found
    assert "gottron_papules" not in found


# --- class C: an ANA titre after a verb of measurement -----------------------------------------


def test_ana_measured_at_a_titre_is_positive() -> None:
    text = "A 39-year-old man with myositis. Antinuclear factor was measured at 1:640."
    assert antibody_results(text) == {"ANA": "positive"}


def test_ana_determined_below_the_screening_titre_is_not_positive() -> None:
    # guard: 1:40 is below the screening titre 1:80, so no positive is read from it
    text = "A 39-year-old man with myositis. Antinuclear factor was determined at 1:40."
    assert antibody_results(text).get("ANA") != "positive"


# --- class D: a judgement before a list of measured labs -------------------------------------


def test_increased_before_a_list_of_values_raises_every_member() -> None:
    text = (
        "A 44-year-old woman with a heliotrope rash. Tests showed increased CRP of 30 mg/L "
        "and lactate dehydrogenase level of 610 U/L."
    )
    assert labs_above_uln(text) == [("crp", True), ("ldh", True)]


def test_normal_before_a_list_of_values_is_normal_for_every_member() -> None:
    # 640 U/L is below the bare-value threshold for LDH (1,000), so only the fronted
    # judgement decides it
    text = "A 44-year-old woman. Tests showed normal CK of 120 U/L and LDH of 640 U/L."
    assert labs_above_uln(text) == [("ck", False), ("ldh", False)]


def test_a_member_with_its_own_judgement_keeps_it() -> None:
    # guard: the second member's own word wins over the fronted one
    text = "A 44-year-old woman. Tests showed raised CK of 3,400 U/L and normal LDH of 200 U/L."
    assert labs_above_uln(text) == [("ck", True), ("ldh", False)]


def test_a_judgement_after_the_first_value_is_not_fronted() -> None:
    # guard: "high" said after the CK's value is that value's, not the list's
    text = "A 44-year-old woman. CK of 3,400 U/L was high and LDH of 640 U/L was measured."
    assert [x for x in labs_above_uln(text) if x[0] == "ldh"] != [("ldh", True)]


def test_a_value_in_a_new_sentence_is_no_member() -> None:
    # guard: the list ends with its sentence
    text = "A 44-year-old woman. Tests showed increased CK of 3,400 U/L. LDH was 640 U/L."
    ldh = labs_coded(text, "ldh")
    assert [lab.above_uln for lab in ldh] == [None]


# --- class E: a site word naming two organs, placed by the operation that removes it --------


def test_colorectal_cancer_removed_by_an_anterior_resection_is_rectal() -> None:
    text = (
        "A 71-year-old man with proximal weakness and anti-PL-7 antibodies. Colonoscopy found a "
        "colorectal cancer. He underwent a laparoscopic low anterior resection of the rectum."
    )
    assert tumour_sites(text) == [("rectum", "other")]


def test_colorectal_cancer_removed_by_a_hemicolectomy_stays_colon() -> None:
    # guard: the operation names the colon, the first organ of the word
    text = (
        "A 71-year-old man with proximal weakness. Colonoscopy found a colorectal cancer. "
        "He underwent a right hemicolectomy."
    )
    assert tumour_sites(text) == [("colon", "other")]


def test_colorectal_cancer_without_an_operation_stays_colon() -> None:
    # guard: nothing names the rectum
    text = "A 71-year-old man with proximal weakness. Colonoscopy found a colorectal cancer."
    assert tumour_sites(text) == [("colon", "other")]


def test_a_sigmoid_cancer_is_not_moved_by_a_rectal_operation() -> None:
    # guard: "sigmoid" names one organ; the rectal operation removes no tumour of it
    text = (
        "A 71-year-old man with proximal weakness. Colonoscopy found a sigmoid cancer. "
        "He underwent a low anterior resection of the rectum."
    )
    assert tumour_sites(text) == [("colon", "other")]
