"""Antibody results in the layouts of laboratory reports, record exports and letters (issue #10,
session of 1 Dec 2026, worktree i10-text13): line blots (EUROLINE, D-tek) with band
intensities and signs, results on the line below the name, levels with the laboratory's cut-off,
result words of serology ("reactive", "detected") and the names' suffixes ("Ab", "IgG",
"autoantibody"). Each class is a general rule tried in our own wording, with sentences that
must not match; the expected result of each antibody is read off the words by hand, from how
such reports are written (never from the extractor's output). Results: positive, weak_positive,
negative, indeterminate (docs/CONTRACT.md, ``AntibodyResultValue``)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results

_HEAD = "Clinic date: 10/11/2026\nMrs K, 61, dermatomyositis.\n"


def antibodies(body: str) -> dict[str, str]:
    return antibody_results(_HEAD + body)


# ------------------------------------------------------------------ signs and band intensities
# A blot read by sign: "-" (or "−", "(-)", "(−)") is negative; "+", "(+)", "++", "+++", "2+",
# "3+" positive; "1+" (the weakest band graded) weak positive; "+/-", "±" and "trace" a band at
# the reading threshold, neither positive nor negative (indeterminate).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Myositis blot: Jo-1 -, PL-7 +, PL-12 -, Mi-2 -, MDA5 ++.",
            {
                "JO1": "negative",
                "PL7": "positive",
                "PL12": "negative",
                "MI2": "negative",
                "MDA5": "positive",
            },
        ),
        (
            "Line blot: Ro52 (+), Jo-1 (−), SRP (-), TIF1γ (++)",
            {"RO52": "positive", "JO1": "negative", "SRP": "negative", "TIF1G": "positive"},
        ),
        (
            "Jo-1: +\nPL-7: -\nMDA5: ++\nSRP: −",
            {"JO1": "positive", "PL7": "negative", "MDA5": "positive", "SRP": "negative"},
        ),
        ("Line blot: NXP2 +/-, Mi-2 negative.", {"NXP2": "indeterminate", "MI2": "negative"}),
        ("Anti-Ku ± on the strip; anti-SRP 3+.", {"KU": "indeterminate", "SRP": "positive"}),
        (
            "Immunoblot: SAE1 2+, Ro52 1+, Jo-1 negative.",
            {"SAE1": "positive", "RO52": "weak_positive", "JO1": "negative"},
        ),
        (
            "EUROLINE: PM-Scl75 trace band, all others negative.",
            {"PMSCL": "indeterminate"},
        ),
    ],
)
def test_a_blots_signs_and_grades_give_the_result(body: str, expected: dict[str, str]) -> None:
    assert antibodies(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a dash that joins a name to its result is no minus sign
        ("Anti-MDA5 - positive; anti-Jo-1 - negative.", {"MDA5": "positive", "JO1": "negative"}),
        # a dash that opens a line is a bullet
        ("- Anti-TIF1γ positive\n- Anti-NXP2 negative", {"TIF1G": "positive", "NXP2": "negative"}),
    ],
)
def test_a_dash_that_is_no_minus_sign_is_no_result(body: str, expected: dict[str, str]) -> None:
    assert antibodies(body) == expected


# ------------------------------------------------------------------ the result on the line below
# A record export or a typed-up report puts the result on a line of its own below the test's
# name ("Anti-NXP2 antibody" / "Negative"): the line goes with the name above it, and its word
# is never the next test's.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Anti-TIF1 gamma antibody\nPositive\nAnti-NXP2 antibody\nNegative\n",
            {"TIF1G": "positive", "NXP2": "negative"},
        ),
        ("Anti-MDA5:\nNEGATIVE\nAnti-SAE1:\nPOSITIVE\n", {"MDA5": "negative", "SAE1": "positive"}),
        (
            "Anti-HMGCR antibody (ELISA)\nNegative (<20 U/mL)\nAnti-SRP antibody (blot)\n"
            "Positive (3+)",
            {"HMGCR": "negative", "SRP": "positive"},
        ),
        (
            "Anti-PL-12\nweak positive\nAnti-OJ\nnot detected",
            {"PL12": "weak_positive", "OJ": "negative"},
        ),
    ],
)
def test_a_result_alone_on_the_line_below_is_the_tests_above(
    body: str, expected: dict[str, str]
) -> None:
    assert antibodies(body) == expected


def test_a_result_label_line_still_opens_its_own_list() -> None:
    # "Negative: ..." and "Positive: ..." label the antibodies after them on their own line
    body = "Negative: Jo-1, PL-7, PL-12\nPositive: Ro52, MDA5"
    assert antibodies(body) == {
        "JO1": "negative",
        "PL7": "negative",
        "PL12": "negative",
        "RO52": "positive",
        "MDA5": "positive",
    }
