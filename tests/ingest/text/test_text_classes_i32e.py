"""issue #10 (i32e): an English reference range whose upper limit is given in words of
comparison ("normal, lower than 173 U/L", "190 or less"). Our own sentences (never a note's);
each class has a guard."""

from __future__ import annotations

import pytest

from .helpers import labs_coded


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("A 58-year-old woman. Her CK was raised at 4120 U/L (normal, lower than 170 U/L).", 170),
        ("A 49-year-old man. CK 2250 IU/L (reference range under 195).", 195),
        ("A 66-year-old woman. CPK 1800 U/L (normal: 200 U/L or less).", 200),
        ("A 52-year-old man. Creatine kinase 960 U/L (normal value not exceeding 190).", 190),
        ("A 71-year-old woman. CK 3300 U/L; normal range at most 180 U/L.", 180),
        ("A 44-year-old man. CK 1500 U/L (ref. less than 171).", 171),
    ],
)
def test_upper_limit_in_words_of_comparison(text: str, upper: int) -> None:
    (ck,) = labs_coded(text, "ck")
    assert ck.upper_limit == upper
    assert ck.is_above_uln is True


def test_value_below_a_limit_in_words_is_not_raised() -> None:
    (ck,) = labs_coded("A 58-year-old woman. CK 120 U/L (normal, lower than 170 U/L).", "ck")
    assert ck.upper_limit == 170
    assert ck.is_above_uln is False


@pytest.mark.parametrize(
    "text",
    [
        "A 58-year-old woman. CK 3000 U/L (lower than 5000 a week before).",
        "A 58-year-old woman. CK 3000 U/L, under 5000 on the last visit.",
    ],
)
def test_comparison_without_a_label_is_no_range(text: str) -> None:
    # guard: an unlabelled comparison is with another value, not the lab's limit
    (ck,) = labs_coded(text, "ck")
    assert ck.upper_limit is None
