"""A label's result stops where a member states its own (issue #10, round 40, helper i40p).
Every vignette is our own; the expected values are read off the vignette by hand: an antibody
that states its own result takes that result, never the result a label on another line or in
another clause gives its list; the label's list keeps the label's result.

Class: a label over a list ("Myositis antibodies negative: anti-TIF1-γ, anti-NXP2"), then a
line break or a semicolon and a member with its own result word ("anti-MDA5 positive"): the
member's word is its own (opposite polarity to the label's), the label's list keeps the label's
result; a list of bare names under a label, on one line or several, keeps the label's."""

from __future__ import annotations

import pytest

from . import helpers as h

_MAN = "A 58-year-old man with heliotrope rash and difficulty climbing stairs. "


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # --- a row of its own after a label's line
        # the case of the issue: a negative label, then a positive row of its own
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2\nanti-MDA5 positive",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        # the mirror: a positive label, then a negative row
        (
            "Myositis antibodies positive: anti-TIF1-γ, anti-NXP2\nanti-MDA5 negative",
            {"TIF1G": "positive", "NXP2": "positive", "MDA5": "negative"},
        ),
        # a bare result label
        (
            "Negative: anti-SAE1, anti-Mi-2\nanti-SRP positive",
            {"SAE1": "negative", "MI2": "negative", "SRP": "positive"},
        ),
        # the label's list broken by an aside (i39p), then a row of its own
        (
            "Myositis antibodies negative: anti-TIF1-γ (ELISA), anti-NXP2\nanti-MDA5 positive",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        (
            "Positive: anti-TIF1-γ (line blot), anti-NXP2\nanti-MDA5 negative",
            {"TIF1G": "positive", "NXP2": "positive", "MDA5": "negative"},
        ),
        # the row's own word before its name
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2\npositive anti-MDA5",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        (
            "Positive: anti-TIF1-γ, anti-NXP2\n- negative anti-MDA5",
            {"TIF1G": "positive", "NXP2": "positive", "MDA5": "negative"},
        ),
        # --- a clause of its own after a label's clause (a semicolon)
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2; anti-MDA5 positive",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        (
            "Myositis antibodies positive: anti-TIF1-γ, anti-NXP2; anti-MDA5 negative",
            {"TIF1G": "positive", "NXP2": "positive", "MDA5": "negative"},
        ),
        # --- one line: a member's own word after the label's list
        # one line: the last member's own word, bracketed or not, after the label's list
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2, anti-MDA5 (positive)",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        (
            "Negative: anti-TIF1-γ, anti-NXP2, anti-MDA5 positive",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "positive"},
        ),
        (
            "Positive: anti-SAE1, anti-Mi-2, anti-SRP negative",
            {"SAE1": "positive", "MI2": "positive", "SRP": "negative"},
        ),
        # a label read with its colon, over a list broken by an aside
        (
            "Negative: anti-TIF1-γ (ELISA), anti-NXP2",
            {"TIF1G": "negative", "NXP2": "negative"},
        ),
    ],
)
def test_a_member_that_states_its_own_result_keeps_it(note: str, expected: dict[str, str]) -> None:
    assert h.antibody_results(_MAN + note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # --- a label over a list of bare names
        # a label over a list of bare names, a line each
        (
            "Myositis antibodies negative:\nanti-TIF1-γ\nanti-NXP2\nanti-MDA5",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "negative"},
        ),
        (
            "Positive:\nanti-TIF1-γ\nanti-NXP2",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
        # a label's list carried on to the next line, with or without the comma
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2,\nanti-MDA5",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "negative"},
        ),
        (
            "Myositis antibodies negative: anti-TIF1-γ, anti-NXP2\nanti-MDA5",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "negative"},
        ),
        # broken by an aside, then carried on to the next line with no word of its own
        (
            "Myositis antibodies negative: anti-TIF1-γ (ELISA), anti-NXP2,\nanti-MDA5",
            {"TIF1G": "negative", "NXP2": "negative", "MDA5": "negative"},
        ),
        # --- a sentence wrapped onto the next line
        # a sentence wrapped onto the next line: its result word is the whole list's
        (
            "Anti-TIF1-γ and anti-NXP2 were\npositive.",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
        (
            "Anti-SAE1, anti-Mi-2 and anti-MDA5 all came back\nnegative.",
            {"SAE1": "negative", "MI2": "negative", "MDA5": "negative"},
        ),
        # a predicate wrapped so that its result word opens the next line, before a name
        (
            "A line blot was positive for anti-NXP2 antibodies and\nnegative for anti-Mi-2 and\n"
            "anti-SAE1. The CT was normal.",
            {"NXP2": "positive", "MI2": "negative", "SAE1": "negative"},
        ),
        # --- no label: a closing result word
        # no label: the closing result word is the whole list's
        (
            "Anti-TIF1-γ, anti-NXP2, anti-MDA5 positive.",
            {"TIF1G": "positive", "NXP2": "positive", "MDA5": "positive"},
        ),
        (
            "Anti-SAE1, anti-Mi-2 and anti-SRP were negative.",
            {"SAE1": "negative", "MI2": "negative", "SRP": "negative"},
        ),
    ],
)
def test_members_without_their_own_result_keep_their_lists(
    note: str, expected: dict[str, str]
) -> None:
    assert h.antibody_results(_MAN + note) == expected
