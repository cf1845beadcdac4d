"""Antibody results of the fourteenth opened set (issue #10, round 6, helper i10ak): the result
word read by its stem in any Latin-script language (posit-/pozit-/pozyt-, negat-/négat-), a
list joined by any language's "and", and the safe default: a record whose result word is not
read is never a positive. Every vignette is our own, written in languages the extractor has no
word list for (Catalan, Slovene, Slovak, Romanian, Galician, Afrikaans, Tagalog, Malay);
expected values are worked out by hand from each sentence."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of

_HEAD = "Rheumatology clinic 20/11/2026. Woman, 58 years.\n"
_PANEL = ("TIF1G", "NXP2", "MDA5", "SAE1")


# ------------------------------------------------- the result word by its stem, any language
@pytest.mark.parametrize(
    "line",
    [
        # Catalan
        "Perfil de miositis: anti-TIF1γ POSITIU; anti-NXP2, anti-MDA5 i anti-SAE1 negatius.",
        # Slovene ("in" is its "and")
        "Imunoblot: anti-TIF1γ pozitivna; anti-NXP2, anti-MDA5 in anti-SAE1 negativna.",
        # Slovak ("a" is its "and")
        "Imunoblot: anti-TIF1γ pozitívne; anti-NXP2, anti-MDA5 a anti-SAE1 negatívne.",
        # Romanian ("și")
        "Imunoblot: anti-TIF1γ pozitiv; anti-NXP2, anti-MDA5 și anti-SAE1 negativi.",
        # Galician ("e")
        "Inmunoblot: anti-TIF1γ positivo; anti-NXP2, anti-MDA5 e anti-SAE1 negativos.",
        # Afrikaans ("en")
        "Immunoblot: anti-TIF1γ positief; anti-NXP2, anti-MDA5 en anti-SAE1 negatief.",
        # Tagalog ("at")
        "Immunoblot: anti-TIF1γ positibo; anti-NXP2, anti-MDA5 at anti-SAE1 negatibo.",
        # Malay ("dan")
        "Imunoblot: anti-TIF1γ positif; anti-NXP2, anti-MDA5 dan anti-SAE1 negatif.",
    ],
)
def test_the_result_word_is_read_by_its_stem(line: str) -> None:
    assert antibody_results(_HEAD + line) == {
        "TIF1G": "positive",
        "NXP2": "negative",
        "MDA5": "negative",
        "SAE1": "negative",
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the positive one last, after the negatives (Slovak, Romanian order)
        (
            "Imunoblot: anti-NXP2 a anti-MDA5 negatívne; anti-SAE1 pozitívne.",
            {"NXP2": "negative", "MDA5": "negative", "SAE1": "positive"},
        ),
        # Polish stem pozyt-
        (
            "Immunoblot: anti-Mi-2 pozytywny; anti-Jo-1 ujemny.",
            {"MI2": "positive", "JO1": "negative"},
        ),
    ],
)
def test_either_order_and_the_polish_stem(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + line) == expected


# ------------------------------------ a long list joined by its language's "and", over lines
@pytest.mark.parametrize(
    "and_word",
    ["i", "in", "a", "og", "och", "ja", "és", "și", "dan", "at", "en", "und", "y", "e", "et"],
)
def test_a_long_list_shares_its_closing_result_whatever_its_and(and_word: str) -> None:
    # eleven names: far past the result word's reach in tokens; the list carries it
    line = (
        "Imunoblot:\nanti-SAE1 pozitivan (+++); anti-TIF1γ, anti-NXP2, anti-MDA5, anti-Mi-2, "
        "anti-Jo-1, anti-PL-7,\nanti-PL-12, anti-SRP, anti-Ku, anti-PM-Scl "
        f"{and_word} anti-Ro-52 negativni.\n"
    )
    negatives = ("TIF1G", "NXP2", "MDA5", "MI2", "JO1", "PL7", "PL12", "SRP", "KU", "PMSCL", "RO52")
    assert antibody_results(_HEAD + line) == {
        "SAE1": "positive",
        **dict.fromkeys(negatives, "negative"),
    }


# --------------------------------------------------- the safe default: unread is never positive
@pytest.mark.parametrize(
    "line",
    [
        # a result word in no language the rules know (an invented word, Tagalog "wala",
        # Malay "tiada"): the list's result is not read, so it is not assessed
        "Immunoblot: anti-TIF1γ positive; anti-NXP2, anti-MDA5 and anti-SAE1 xyzzy.",
        "Immunoblot: anti-TIF1γ positibo; anti-NXP2, anti-MDA5 at anti-SAE1 wala.",
        "Imunoblot: anti-TIF1γ positif; anti-NXP2, anti-MDA5 dan anti-SAE1 tiada.",
        # no result word at all after the second list
        "Immunoblot: anti-TIF1γ positive; anti-NXP2, anti-MDA5, anti-SAE1.",
    ],
)
def test_a_list_whose_result_is_not_read_is_never_positive(line: str) -> None:
    assert antibody_results(_HEAD + line) == {"TIF1G": "positive"}


def test_one_record_whose_result_is_not_read_is_not_assessed() -> None:
    line = "Immunoblot: anti-Jo-1 negative; anti-SAE1 qwerty; anti-Mi-2 negative."
    assert antibody_results(_HEAD + line) == {"JO1": "negative", "MI2": "negative"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # prose that names the patient's antibody: still a positive
        ("She has dermatomyositis with anti-TIF1γ antibodies.", {"TIF1G": "positive"}),
        ("A patient with anti-MDA5 antibodies presented with ILD.", {"MDA5": "positive"}),
        ("Anti-TIF1γ antibodies.", {"TIF1G": "positive"}),
        # a result word read after a bracket is the antibody's own
        (
            "Anti-SRP (but not anti-HMGCR) antibodies were positive.",
            {"SRP": "positive", "HMGCR": "negative"},
        ),
    ],
)
def test_prose_and_read_results_keep_their_reading(sentence: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + sentence) == expected


# ----------------------------------------------- English words on the stem that are no result
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "positron" is no result word: the test named is not assessed, never positive
        ("Anti-Mi-2 antibody testing and positron emission tomography were done.", {}),
        ("Anti-Mi-2 antibody testing was viewed negatively by the family.", {}),
        # "negatively" is no result word either: anti-Jo-1 keeps its own "negative"
        (
            "Anti-Jo-1 was negative; it correlated negatively with age in the cohort.",
            {"JO1": "negative"},
        ),
    ],
)
def test_english_words_on_the_stem_are_no_result(sentence: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + sentence) == expected


def test_the_and_words_join_only_antibody_names() -> None:
    # "a" and "in" between a panel label and the names join nothing: the panel stays untested
    # beyond the names given
    line = "Myositis panel in 2026: anti-NXP2 negative, anti-MDA5 negative."
    assert antibody_results(_HEAD + line) == {"NXP2": "negative", "MDA5": "negative"}


# ------------------------------------------------ a named list limits the panel it came from
_TESTED = ("TIF1G", "NXP2", "MDA5", "JO1")


@pytest.mark.parametrize(
    "sentence",
    [
        # the bracket after words that follow the result ("for every antibody tested")
        "The myositis antibody panel was negative for every antibody tested "
        "(TIF1-gamma, NXP2, MDA5, Jo-1).",
        # the bracket right after the panel, the result after it
        "Myositis panel (TIF1-gamma, NXP2, MDA5 and Jo-1) negative.",
        # Spanish and Slovene words around it; the list joined by "y" / "in"
        "Perfil de miositis negativo para todos los anticuerpos (TIF1-gamma, NXP2, MDA5 y Jo-1).",
        "Miozitis panel negativen (TIF1-gamma, NXP2, MDA5 in Jo-1).",
    ],
)
def test_a_bracket_of_names_limits_the_panel(sentence: str) -> None:
    assert antibody_results(_HEAD + sentence) == dict.fromkeys(_TESTED, "negative")


@pytest.mark.parametrize(
    "sentence",
    [
        "Myositis panel negative.",
        # a bracket that names no antibody is a remark: the whole panel still
        "Myositis panel (Euroimmun blot) negative.",
        "Myositis panel negative (sample of 20/10/2026).",
    ],
)
def test_a_panel_without_a_named_bracket_is_the_whole_panel(sentence: str) -> None:
    results = antibody_results(_HEAD + sentence)
    # the myositis-specific panel of rules/lexicon.yaml holds at least these, all negative
    assert {"JO1", "PL7", "PL12", "MDA5", "TIF1G", "NXP2", "SAE1", "SRP"} <= set(results)
    assert set(results.values()) == {"negative"}


# --------------------------------------------- "Background" alone: an article's or the patient's
_CLINIC_BACKGROUND = """{title}
Date: 16/11/2026   Pt: 13 yrs male

{heading}
JDM diagnosed 03/2023 at age 10. MSA panel (03/2023): anti-NXP2 positive; TIF1-gamma, MDA5 and
Mi-2 negative. Calcinosis first noted 2024.

PLAN
Review in 2 weeks.
"""


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("WOUND CLINIC - NURSE ASSESSMENT", "BACKGROUND"),
        ("Home oxygen assessment", "Background"),
        ("PAEDIATRIC RHEUMATOLOGY WARD NOTE", "BACKGROUND:"),
    ],
)
def test_background_alone_in_a_clinic_document_is_the_patients_history(
    title: str, heading: str
) -> None:
    note = _CLINIC_BACKGROUND.format(title=title, heading=heading)
    assert antibody_results(note) == {
        "NXP2": "positive",
        "TIF1G": "negative",
        "MDA5": "negative",
        "MI2": "negative",
    }


_ARTICLE = """{title}Background
Anti-NXP2 antibodies were first described in juvenile dermatomyositis with calcinosis.

{case}
A 13-year-old boy presented with proximal weakness. Anti-TIF1γ antibodies were negative.

Discussion
Calcinosis is common in juvenile dermatomyositis.
"""


@pytest.mark.parametrize(
    ("title", "case"),
    [
        ("Calcinosis in juvenile dermatomyositis: a case report\n\n", "Case presentation"),
        ("", "Case presentation"),  # no title line: the case and discussion headings tell
        ("", "Case report"),
    ],
)
def test_background_alone_in_a_case_report_introduces_the_disease(title: str, case: str) -> None:
    # the background's anti-NXP2 is the literature's, not the patient's
    assert antibody_results(_ARTICLE.format(title=title, case=case)) == {"TIF1G": "negative"}


# ------------------------------------------------- a symptom score's second reading in its run
@pytest.mark.parametrize(
    "line",
    [
        "Pain 4/10 (numeric) at dressing change, 2/10 at rest.",
        "Shoulder pain 5/10 on movement, 3/10 at night.",
        "VAS 6/10 today, 2/10 last week.",
    ],
)
def test_a_symptom_scores_next_reading_is_no_strength_grade(line: str) -> None:
    # full strength stated before; the pain's scores must not read as Kendall grades
    note = _HEAD + "Proximal strength 5/5 arms and legs.\n" + line
    assert findings_of(note) == {"weakness_proximal_upper": False, "weakness_proximal_lower": False}


def test_a_muscle_named_after_a_pain_score_keeps_its_grade() -> None:
    # hip flexors 6/10 on the Kendall scale is below full strength: proximal leg weakness
    note = _HEAD + "Pain 3/10, hip flexors 6/10 bilaterally."
    assert findings_of(note).get("weakness_proximal_lower") is True


# ------------------------- the ANA's titre after its method; the noun "positivity of" before it
@pytest.mark.parametrize(
    "line",
    [
        "Serologi (sampel 07-10-2026): ANA IF 1:320 (speckled).",
        "ANA IFA 1:640, homogeneous.",
        "ANA (HEp-2) 1:160.",
    ],
)
def test_the_ana_titre_after_its_method_is_positive(line: str) -> None:
    assert antibody_results(_HEAD + line) == {"ANA": "positive"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gli esami documentavano la positività degli anticorpi anti-MDA5.", {"MDA5": "positive"}),
        ("Os exames mostraram positividade dos anticorpos anti-Jo-1.", {"JO1": "positive"}),
        ("Serology showed positivity of anti-MDA5.", {"MDA5": "positive"}),
        # denied later in its clause: not a positive; (i10ao) "assente" after its subject is
        # the absence word now read in Italian as English "absent" is ("The positivity of
        # anti-Jo-1 was absent": negative), so the sentence states the negative result
        ("La positività di anti-Jo-1 era assente.", {"JO1": "negative"}),
    ],
)
def test_positivity_of_before_the_antibody(sentence: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + sentence) == expected
