"""Antibody polarity in panels (issue #10, round 38, helper i38p): an "anti-X" named alone is
read as positive ("She had anti-TIF1-γ antibodies."), but a row of names alone inside a panel
whose other rows give antibodies their results is a row whose result the note does not give
where it is read: it is recorded as not read (no AntibodyResult: the case model has no
"unknown" result, and a result not read is not assessed), never as a positive. Every vignette is
our own; the expected values are read off the vignette by hand: each antibody with the result
written beside it, the list's result for a list's members, none for a row without a result."""

from __future__ import annotations

import pytest

from . import helpers as h

_WOMAN = "A 59-year-old woman with a heliotrope rash. "

# ------------------------------------- a bare row among rows with results is not read as positive


@pytest.mark.parametrize(
    "panel",
    [
        # a line each, with a colon and the result
        "Anti-SAE1: negative\nAnti-TIF1-γ\nAnti-NXP2: negative",
        # under a label, a method in brackets on the bare row
        "Myositis antibodies:\nAnti-SAE1 positive\nAnti-TIF1-γ (line blot)\nAnti-NXP2 negative",
        # rows run on with full stops
        "Anti-SAE1 positive. Anti-TIF1-γ. Anti-NXP2 negative.",
        # German, a dash before the result
        "Anti-SAE1 - negativ\nAnti-TIF1-γ\nAnti-NXP2 - negativ",
        # Spanish
        "Anti-SAE1: negativo\nAnti-TIF1-γ\nAnti-NXP2: negativo",
        # the bare row first, a bracketed strip number on the next bare row, the result last
        "Blot results:\nAnti-TIF1-γ\nAnti-Mi-2 (strip 2)\nAnti-NXP2 negative",
    ],
)
def test_a_bare_row_among_rows_with_results_is_not_read_as_positive(panel: str) -> None:
    found = h.antibody_results(_WOMAN + panel)
    assert "TIF1G" not in found, found
    assert found["NXP2"] == "negative", found


def test_bare_rows_closed_by_a_result_row_are_never_positive() -> None:
    # "All negative." under capitalised rows: the rows are each a sentence; none is positive
    found = h.antibody_results(_WOMAN + "Panel:\nAnti-TIF1-γ\nAnti-NXP2\nAnti-MDA5\nAll negative.")
    assert "positive" not in found.values(), found


def test_the_rows_with_results_keep_them_beside_a_bare_row() -> None:
    found = h.antibody_results(
        _WOMAN + "Myositis antibodies:\nAnti-SAE1 positive\nAnti-TIF1-γ\nAnti-NXP2 negative"
    )
    assert found == {"SAE1": "positive", "NXP2": "negative"}


# ------------------------------------------------------- real positives named alone stay positive


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("She had anti-TIF1-γ antibodies.", "TIF1G"),
        ("Anti-Jo-1 antibody-positive myositis.", "JO1"),
        ("Anti-MDA5 dermatomyositis with ulcers on the palms.", "MDA5"),
    ],
)
def test_an_antibody_named_alone_in_prose_is_positive(note: str, code: str) -> None:
    assert h.antibody_results(_WOMAN + note) == {code: "positive"}


def test_prose_beside_negative_results_keeps_its_positive() -> None:
    found = h.antibody_results(
        _WOMAN + "She had anti-TIF1-γ antibodies. Anti-NXP2 and anti-MDA5 were negative."
    )
    assert found == {"TIF1G": "positive", "NXP2": "negative", "MDA5": "negative"}


def test_a_bare_row_beside_another_tests_result_stays_positive() -> None:
    # the row beside gives a CT its result, not an antibody: no panel
    found = h.antibody_results(
        _WOMAN + "Anti-TIF1-γ antibodies.\nCT of the chest, abdomen and pelvis negative."
    )
    assert found == {"TIF1G": "positive"}


def test_a_row_with_its_own_level_in_a_panel_is_positive() -> None:
    found = h.antibody_results(
        _WOMAN + "Line blot:\nAnti-SAE1 negative\nAnti-TIF1-γ (+++)\nAnti-NXP2 negative"
    )
    assert found == {"SAE1": "negative", "TIF1G": "positive", "NXP2": "negative"}


# ----------------------------- lists broken by words not read keep the list's result (guards)


@pytest.mark.parametrize(
    "note",
    [
        "Blot: anti-TIF1-γ, anti-NXP2, anti-Mi-2 (line blot) and anti-MDA5: negative.",
        "Blot: anti-TIF1-γ, anti-NXP2 by commercial immunoblot, anti-MDA5 negative.",
        "Blot: anti-TIF1-γ, anti-NXP2, anti-Mi-2 recombinant, anti-MDA5: negative.",
        "Blot: anti-TIF1-γ, anti-NXP2 (kit B, lot 7), anti-MDA5 were negative.",
        "Blot: anti-TIF1-γ, anti-NXP2, anti-Mi-2 alfa/beta und anti-MDA5: negativ.",
        "Blot: anti-TIF1-γ, anti-NXP2 (inmunoblot), anti-Mi-2 y anti-MDA5: negativos.",
        "Blot:\nanti-TIF1-γ,\nanti-NXP2 wild type,\nanti-MDA5 negative.",
    ],
)
def test_a_list_broken_by_an_unread_word_keeps_its_negative(note: str) -> None:
    members = ("TIF1G", "NXP2", "MDA5")
    found = h.antibody_results(_WOMAN + note)
    assert {code: found.get(code) for code in members} == dict.fromkeys(members, "negative")


def test_a_semicolon_row_with_an_unread_word_is_not_read() -> None:
    found = h.antibody_results(
        _WOMAN + "Anti-SAE1 negative; anti-TIF1-γ kit B; anti-NXP2 negative."
    )
    assert found == {"SAE1": "negative", "NXP2": "negative"}


# ----------------------- the members after a list's break are not read as named alone (positive)


_BROKEN_LISTS = (
    # a result label, a method in brackets breaking the list
    "Negative: anti-TIF1-γ, anti-NXP2 (line blot), anti-MDA5.",
    # a word not read breaking it, the last member joined by "and"
    "Negative: anti-TIF1-γ, anti-NXP2 xyz and anti-MDA5.",
    # a level on a member: that member's own result, the next member's none
    "Negative: anti-TIF1-γ, anti-NXP2 (++), anti-MDA5.",
    # "No" before the list
    "No anti-TIF1-γ, anti-NXP2 (line blot), anti-MDA5.",
    # a label that opens every member's clause
    "Not detected: anti-TIF1-γ, anti-NXP2 (line blot), anti-MDA5.",
    # German
    "Negativ: Anti-TIF1-γ, Anti-NXP2 (Immunoblot), Anti-MDA5.",
    # a panel's rows read as one sentence, a word not read on the middle row
    "Panel:\nanti-TIF1-γ\nanti-NXP2 abc\nanti-MDA5 negative.",
)


@pytest.mark.parametrize("note", _BROKEN_LISTS)
def test_a_member_past_a_lists_break_is_never_positive(note: str) -> None:
    read_as = h.antibody_results(_WOMAN + note)
    assert "positive" not in {read_as.get("MDA5"), read_as.get("TIF1G")}, read_as


def test_a_positive_label_over_a_broken_list_gives_every_member_its_result() -> None:
    # the label's "Positive:" reaches the first member; (round 39, i39p) it is carried past
    # the aside to the member after it (before, that member was left unread)
    found = h.antibody_results(_WOMAN + "Positive: anti-TIF1-γ (line blot), anti-MDA5.")
    assert found == {"TIF1G": "positive", "MDA5": "positive"}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # prose before the list: the antibodies the patient has
        (
            "She had anti-TIF1-γ and anti-NXP2 (line blot) antibodies; the CT was clear.",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
        # a list without any result word in its sentence
        (
            "Anti-TIF1-γ, anti-NXP2 (line blot) antibodies.",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
        # the list's result given after the break
        (
            "Anti-SAE1 positive, anti-TIF1-γ (line blot), anti-NXP2 negative.",
            {"SAE1": "positive", "TIF1G": "negative", "NXP2": "negative"},
        ),
    ],
)
def test_lists_that_give_no_break_keep_their_readings(note: str, expected: dict[str, str]) -> None:
    assert h.antibody_results(_WOMAN + note) == expected
