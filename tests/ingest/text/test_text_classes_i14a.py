"""Antibody polarity in panels whatever the script (issue #10, i14a). Every sentence is our own;
each expected value is worked out by hand.

- a bare list of antibodies closed by a word the reader does not know, in a script that writes
  its vowels as combining marks (Devanagari) or ended by its script's full stop (the danda, the
  CJK full stop), is a record whose result is not read: not assessed, never a positive guessed
  from the names;
- the English result words as Hindi, Bengali and Urdu spell them (with or without the nukta,
  one code point or two) give every name of the list before them that result;
- a list wrapped after its script's comma (CJK 、 and ，, Arabic ،) goes on on the next line, as
  one wrapped after "," does: the closing result word reaches its first names;
- the blot's bare sign after the CJK word for antibody ("抗MDA5抗体 +++，", "항Jo-1항체 -");
- "cases" (casos, Fälle, les cas, ...) in a general statement is no result of this patient's;
- French "AAN" is ANA, in capitals only (Dutch "aan" is "to");
- guards: a positive among negatives keeps its own word; "a patient with anti-X antibodies" in
  prose is still that antibody positive; a case report's singular "caso" is the patient.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results

HEAD = "Clinic letter. A 9-year-old girl with juvenile dermatomyositis.\n"
POSITIVE_NUKTA_TWO = "पॉज़िटिव"  # Hindi "positive", ज + nukta (two code points)
POSITIVE_NUKTA_ONE = "पॉज़िटिव"  # the same word with the precomposed ज़ (U+095B)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Hindi: the list, a dash, "negative", the danda
        (
            "Anti-TIF1γ, Anti-Mi-2, Anti-MDA5 - नेगेटिव।",
            {"TIF1G": "negative", "MI2": "negative", "MDA5": "negative"},
        ),
        # the other spelling, joined by "and" (और)
        ("Anti-Jo-1 और Anti-MDA5 निगेटिव।", {"JO1": "negative", "MDA5": "negative"}),
        # Bengali, Urdu spellings of the loanword
        ("Anti-Jo-1, Anti-MDA5 নেগেটিব।", {"JO1": "negative", "MDA5": "negative"}),
        ("Anti-Jo-1 نیگیٹو۔", {"JO1": "negative"}),
        # positive, with the nukta as two code points, as one, and without it (ो)
        (f"Anti-NXP2 {POSITIVE_NUKTA_TWO}।", {"NXP2": "positive"}),
        (f"Anti-NXP2 {POSITIVE_NUKTA_ONE}।", {"NXP2": "positive"}),
        ("Anti-NXP2 पोजिटिव।", {"NXP2": "positive"}),
        # guard: a positive among negatives keeps its own word, either order
        (
            f"Anti-NXP2 {POSITIVE_NUKTA_TWO}; Anti-MDA5, Anti-SAE1 - नेगेटिव।",
            {"NXP2": "positive", "MDA5": "negative", "SAE1": "negative"},
        ),
        (
            f"मायोसाइटिस पैनल: Anti-Mi-2, Anti-SAE1 - नेगेटिव, Anti-TIF1γ - {POSITIVE_NUKTA_TWO}।",
            {"MI2": "negative", "SAE1": "negative", "TIF1G": "positive"},
        ),
    ],
)
def test_panel_polarity_word_reaches_every_name(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(HEAD + line + "\n") == expected


@pytest.mark.parametrize(
    "line",
    [
        # a Devanagari word the reader does not know, then the danda: no result read
        "Anti-Jo-1, Anti-PL-7 - कखग।",
        "Anti-TIF1γ, Anti-Mi-2, Anti-MDA5 - अज्ञात।",
        # the CJK full stop after an unknown word
        "Anti-Jo-1, anti-PL-7 - abcd。",
        # an unknown Latin word with a combining accent (e + U+0301)
        "Anti-Jo-1, anti-PL-7 - ne\u0301gativ.",
    ],
)
def test_unread_panel_result_is_not_a_positive(line: str) -> None:
    results = antibody_results(HEAD + line + "\n")
    assert "positive" not in results.values()


def test_prose_naming_the_antibody_is_still_its_positive() -> None:
    # the case report's "a patient with anti-X antibodies" (no list, no record): positive
    assert antibody_results(HEAD + "She has anti-TIF1γ antibodies.\n") == {"TIF1G": "positive"}


# --------------------------------------------------------------- "cases" in a general statement
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Portuguese, Spanish: what "cases with anti-X" have in general is no result of hers;
        # her own result in the next sentence is
        (
            "Os casos anti-Jo-1 positivo têm pior prognóstico. Anti-Jo-1 negativo.",
            {"JO1": "negative"},
        ),
        (
            "Los casos con anti-MDA5 positivo tienen peor pronóstico. Anti-MDA5 negativo.",
            {"MDA5": "negative"},
        ),
        # German, French: a general statement alone records nothing
        ("Fälle mit Anti-TIF1γ-Antikörpern sind häufig paraneoplastisch.", {}),
        ("Les cas anti-MDA5 positifs ont une atteinte pulmonaire sévère.", {}),
        # guard: the singular "case" of a case report is this patient
        ("Relato de caso: paciente com anti-Jo-1 positivo.", {"JO1": "positive"}),
    ],
)
def test_cases_in_general_are_not_this_patient(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(HEAD + line + "\n") == expected


# ----------------------------------------------------------------------- French "AAN"
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AAN négatif. Anti-Jo-1 négatif.", {"ANA": "negative", "JO1": "negative"}),
        # a positive among negatives keeps its own word
        ("AAN négatifs; anti-TIF1γ positif.", {"ANA": "negative", "TIF1G": "positive"}),
        # a titre of 1:640 is positive (above the 1:80 screening dilution)
        ("AAN 1/640, moucheté.", {"ANA": "positive"}),
        # guard: Dutch "aan" (to) is no antibody
        ("Uitgelegd aan de patiënt: anti-Jo-1 negatief.", {"JO1": "negative"}),
        ("Aan negatief getest: anti-Jo-1.", {}),
    ],
)
def test_french_ana_abbreviation_in_capitals(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(HEAD + line + "\n") == expected


# ------------------- a list wrapped at its script's comma; the blot's sign after CJK "antibody"
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Chinese: the list wrapped after the enumeration comma 、; "均阴性" (all negative) on
        # the next line is said of every name
        (
            "抗Jo-1、PL-7、\nPL-12抗体均阴性。",
            {"JO1": "negative", "PL7": "negative", "PL12": "negative"},
        ),
        (
            "抗Jo-1、PL-7、PL-12、EJ、\nOJ抗体均阴性。",
            {
                "JO1": "negative",
                "PL7": "negative",
                "PL12": "negative",
                "EJ": "negative",
                "OJ": "negative",
            },
        ),
        # Arabic: the Arabic comma ، at each line's end, "سلبي" (negative) closing the list
        (
            "Anti-Jo-1، Anti-PL-7،\nAnti-MDA5 سلبي.",
            {"JO1": "negative", "PL7": "negative", "MDA5": "negative"},
        ),
        # the blot's bare sign after the CJK word for antibody (抗体, Korean 항체)
        (
            "抗MDA5抗体 +++，抗Ro-52抗体 ++；抗Jo-1抗体阴性。",
            {"MDA5": "positive", "RO52": "positive", "JO1": "negative"},
        ),
        ("抗MDA5抗体+++。", {"MDA5": "positive"}),
        # the isotype between, and a minus ending its item
        ("抗TIF1-γ抗体 IgG ++，抗Mi-2抗体 -。", {"TIF1G": "positive", "MI2": "negative"}),
        # Korean 항체
        ("항MDA5항체 +++, 항Jo-1항체 -", {"MDA5": "positive", "JO1": "negative"}),
        # guard: the negatives before keep their word
        (
            "抗Jo-1、PL-7抗体均阴性，抗MDA5抗体 +++。",
            {"JO1": "negative", "PL7": "negative", "MDA5": "positive"},
        ),
    ],
)
def test_list_wrapped_at_its_scripts_comma_and_cjk_blot_sign(
    line: str, expected: dict[str, str]
) -> None:
    assert antibody_results(HEAD + line + "\n") == expected


# ------------------------------------------------------------- a positive graded down by "weak"
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Hindi "weak positive" after the titre: weak, not a full positive
        (f"ANA (IIF): 1:80, कमजोर {POSITIVE_NUKTA_TWO}।", {"ANA": "weak_positive"}),
        ("Anti-Jo-1 कमजोर पॉजिटिव।", {"JO1": "weak_positive"}),
        # Arabic and Hebrew put "weak" after "positive"
        ("Anti-Jo-1 إيجابي ضعيف.", {"JO1": "weak_positive"}),
        ("Anti-Jo-1 חיובי חלש.", {"JO1": "weak_positive"}),
        # the sign graded in words, French and English; the negative after keeps its word
        ("Dermatomyosite (anti-TIF1-γ faible +) sur carcinome rénal.", {"TIF1G": "weak_positive"}),
        ("Anti-Jo-1 weak +, anti-PL-7 negative.", {"JO1": "weak_positive", "PL7": "negative"}),
    ],
)
def test_weak_positive_in_more_scripts(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(HEAD + line + "\n") == expected
