"""Antibody polarity and unread panel results (issue #10, round 39, helper i39p). Every vignette
is our own; the expected values are read off the vignette by hand: each antibody with the result
its own words, its list's label or its panel's closing row give it; none where no result is
given; never the opposite polarity.

Classes:
1. an antibody stated by a predicate before it, then a next clause with another test and its
   own verb: the next clause's result word is that test's ("She had anti-TIF1-γ antibodies, and
   the CT was negative": the antibody is positive);
2. a result label carried over a list that an aside broke ("Positive: anti-TIF1-γ (line blot),
   anti-MDA5"), and a label that opens a sentence after another's stop on the same line;
3. a panel's closing summary row ("All negative.", "All other antibodies negative.", "Rest of
   the panel negative") gives its result to the rows of names alone above it, never to a row
   with a result of its own."""

from __future__ import annotations

import pytest

from . import helpers as h

_WOMAN = "A 61-year-old woman with Gottron papules and proximal weakness. "

# ------------------------------------ 1. a next clause's result belongs to its own test


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a coordinated list broken by a bracket, possession before it
        (
            "She had anti-TIF1-γ and anti-NXP2 (line blot) antibodies, and the CT was negative.",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
        # one antibody; the test with a qualifier before its verb
        (
            "She had anti-TIF1-γ antibodies, and the CT of the chest was negative.",
            {"TIF1G": "positive"},
        ),
        # one antibody named alone, the test's verb "came back"
        ("She had anti-SAE1, and her colonoscopy came back negative.", {"SAE1": "positive"}),
    ],
)
def test_a_next_clauses_result_is_its_tests(note: str, expected: dict[str, str]) -> None:
    assert h.antibody_results(_WOMAN + note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the antibodies' own result before the next clause
        (
            "Anti-TIF1-γ and anti-NXP2 were negative, and the CT was normal.",
            {"TIF1G": "negative", "NXP2": "negative"},
        ),
        # a result word before the list that opens it
        (
            "She had negative anti-TIF1-γ and anti-NXP2, and the CT was negative too.",
            {"TIF1G": "negative", "NXP2": "negative"},
        ),
        # the antibody as a test done, not a finding
        ("She had anti-TIF1-γ testing, and the CT was negative.", {}),
    ],
)
def test_an_antibodys_own_result_is_kept_beside_a_next_clause(
    note: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_WOMAN + note) == expected


# ------------------------------------------- 2. a label carried over a list broken by an aside


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Positive: anti-TIF1-γ (line blot), anti-MDA5",
            {"TIF1G": "positive", "MDA5": "positive"},
        ),
        (
            "Myositis antibodies negative: anti-Mi-2 (line blot), anti-SAE1.",
            {"MI2": "negative", "SAE1": "negative"},
        ),
        (
            "Myositis antibodies negative - anti-Mi-2 (line blot), anti-SAE1 (ELISA) and "
            "anti-NXP2.",
            {"MI2": "negative", "SAE1": "negative", "NXP2": "negative"},
        ),
        # the label opens a sentence after another's stop on the same line, the list wrapped
        (
            "Blot (02/10/2026): anti-Mi-2 positive (++). Not detected:\n"
            "  anti-NXP2, anti-SAE1, anti-MDA5, anti-Jo-1.",
            {
                "MI2": "positive",
                "NXP2": "negative",
                "SAE1": "negative",
                "MDA5": "negative",
                "JO1": "negative",
            },
        ),
    ],
)
def test_a_label_gives_every_member_its_result_past_an_aside(
    note: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_WOMAN + note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a member on the next row with a result of its own keeps it
        (
            "Myositis antibodies negative: anti-Mi-2, anti-NXP2 (line blot)\nanti-MDA5 positive",
            {"MI2": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        # a list whose closing result after it is its own
        (
            "Not detected: anti-NXP2 (line blot), anti-Mi-2, anti-MDA5; anti-SAE1 positive.",
            {"NXP2": "negative", "MI2": "negative", "MDA5": "negative", "SAE1": "positive"},
        ),
        # a result word right before a name is that name's, no label of a list after it
        (
            "A negative ANA test was typical of anti-MDA5 dermatomyositis.",
            {"ANA": "negative", "MDA5": "positive"},
        ),
    ],
)
def test_a_label_leaves_a_members_own_result(note: str, expected: dict[str, str]) -> None:
    assert h.antibody_results(_WOMAN + note) == expected


# ------------------------------------------------------------ 3. a panel's closing summary row


@pytest.mark.parametrize(
    ("panel", "expected"),
    [
        (
            "Myositis line blot:\nAnti-TIF1-γ\nAnti-NXP2\nAnti-MDA5\nAll negative.",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "negative"},
        ),
        # the others: the stated positive keeps its result
        (
            "Anti-SAE1 positive\nAnti-TIF1-γ\nAnti-NXP2\nAll other antibodies negative.",
            {"SAE1": "positive", "TIF1G": "negative", "NXP2": "negative"},
        ),
        (
            "Anti-TIF1-γ\nAnti-NXP2 (line blot)\nRest of the panel negative",
            {"TIF1G": "negative", "NXP2": "negative"},
        ),
        # a stated row between the bare rows and the summary
        (
            "Anti-Mi-2\nAnti-NXP2\nAnti-MDA5: positive\nRest negative.",
            {"MI2": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        # German, French
        ("Anti-Mi-2\nAnti-NXP2\nAlle übrigen negativ.", {"MI2": "negative", "NXP2": "negative"}),
        (
            "Anti-Mi-2\nAnti-NXP2\nTous les autres négatifs.",
            {"MI2": "negative", "NXP2": "negative"},
        ),
    ],
)
def test_a_closing_summary_gives_the_bare_rows_its_result(
    panel: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_WOMAN + panel) == expected


@pytest.mark.parametrize(
    ("panel", "expected"),
    [
        # "All negative" under a positive row: which rows it meant is not said
        ("Anti-SAE1 positive\nAnti-TIF1-γ\nAnti-NXP2\nAll negative.", {"SAE1": "positive"}),
        # another test's result closes the block: no summary of the panel
        ("Anti-TIF1-γ\nAnti-NXP2\nCT chest negative.", {}),
    ],
)
def test_a_row_that_is_no_summary_of_the_panel_gives_no_result(
    panel: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_WOMAN + panel) == expected


# ------------------------------- 4. a bracketed band grade after a word of its item is a positive


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # after a band word the grade readers leave to the grade
        (
            "Blot: anti-Jo-1 strong (+++), anti-PL-7, anti-PL-12 negative.",
            {"JO1": "positive", "PL7": "negative", "PL12": "negative"},
        ),
        # after a result word not read (a language the extractor does not know)
        (
            "Blot: anti-Jo-1 xyz (+++), anti-Ro-52 xyz (++); anti-PL-7, anti-PL-12 negative.",
            {"JO1": "positive", "RO52": "positive", "PL7": "negative", "PL12": "negative"},
        ),
    ],
)
def test_a_bracketed_grade_after_a_word_of_its_item_is_positive(
    note: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_WOMAN + note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a grade on the next sentence's other test
        (
            "Not detected: anti-Jo-1, anti-PL-7. Reflexes (++).",
            {"JO1": "negative", "PL7": "negative"},
        ),
        # another test's grade after the antibody's own result
        ("Anti-Jo-1 negative, CK 300 (++).", {"JO1": "negative"}),
    ],
)
def test_a_grade_does_not_reach_past_its_item(note: str, expected: dict[str, str]) -> None:
    assert h.antibody_results(_WOMAN + note) == expected
