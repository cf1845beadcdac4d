"""A lab's reference interval or upper limit, read by one reader (``_rules.reference_after``)
for both its callers: the labs (patterns.yaml ``lab_reference``) and the note's number style
(``_style``: a bracketed whole-number limit, which says "1.846" is a thousands value).

The limits are read off the words by hand: "(normal 30-200)" is 30 to 200, "(ULN 1,000)" an
upper limit of 1000 with no lower one."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._rules import Reference, reference_after, rules
from myositis_cds.ingest.text._style import _compiled
from tests.ingest.text.helpers import read


def lab_reference(text: str) -> Reference | None:
    return reference_after(rules().value["lab_reference"], text)


def style_reference(text: str) -> Reference | None:
    return reference_after((_compiled().int_reference,), text)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "read_to"),
    [
        (" U/L (normal 30–200)", 30.0, 200.0, " U/L (normal 30–200)"),
        (" (ref. < 190) on admission", None, 190.0, " (ref. < 190)"),
        (" (ULN 1,000)", None, 1000.0, " (ULN 1,000"),  # a thousands comma: one thousand
        (" (v.n. 30-170)", 30.0, 170.0, " (v.n. 30-170)"),  # Italian "valori normali"
        ("; the normal level is below 150.", None, 150.0, "; the normal level is below 150"),
        (" - she said normal is up to 190", None, 190.0, " - she said normal is up to 190"),
    ],
)
def test_the_labs_read_the_interval_or_the_upper_limit(
    text: str, lower: float | None, upper: float, read_to: str
) -> None:
    assert lab_reference(text) == Reference(lower, upper, len(read_to))


@pytest.mark.parametrize("text", [" on admission", " (repeat 200 next week)", ""])
def test_no_reference_after_the_value(text: str) -> None:
    assert lab_reference(text) is None


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        (" (ref. < 190)", None, 190.0),
        (" (normal 30-200)", 30.0, 200.0),
        (" [< 170]", None, 170.0),
        (" (NR: up to 145)", None, 145.0),
    ],
)
def test_the_style_reads_a_bracketed_whole_number_limit(
    text: str, lower: float | None, upper: float
) -> None:
    ref = style_reference(text)
    assert ref is not None
    assert (ref.lower, ref.upper) == (lower, upper)


@pytest.mark.parametrize(
    "text",
    [
        " (normal 0.5-1.2)",  # decimals: in a note whose decimal convention is not known yet
        " (< 1000.5)",  # a decimal limit is not cut to its first three digits (100)
        " (normal 30-200.5)",  # nor is an interval's decimal upper end (20)
        ", normal up to 190",  # no bracket: "1.250, 100-200 mg" says nothing of the 1.250
        " U/l (normal < 190)",  # a unit first (a count unit says thousands on its own)
    ],
)
def test_the_style_reads_nothing_the_labs_read_more_widely(text: str) -> None:
    assert style_reference(text) is None


def test_a_limit_without_brackets_leaves_a_number_undecided() -> None:
    # no decimal convention in the note, and no bracketed limit: 1.307 could be one and a bit
    # or thirteen hundred, so it is read the English way and said to be undecided
    result = read("Aldolase 1.307, normal up to 190.")
    assert [(lab.value, lab.upper_limit) for lab in result.case.labs] == [(1.307, 190.0)]
    assert any("does not decide how this value's digits" in w for w in result.warnings)


def test_a_bracketed_whole_number_limit_makes_it_thousands() -> None:
    result = read("Aldolase 1.307 (normal < 190).")
    assert [(lab.value, lab.upper_limit) for lab in result.case.labs] == [(1307.0, 190.0)]
    assert not any("does not decide how this value's digits" in w for w in result.warnings)
