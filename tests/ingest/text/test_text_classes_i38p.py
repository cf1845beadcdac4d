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
