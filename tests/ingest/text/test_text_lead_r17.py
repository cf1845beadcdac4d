"""Issue #10 (lead, round 17): a lab value is read whole or not at all.

Round 17a made a number followed by a time unit no lab value ("CK 450 weekly" is a schedule).
The number pattern could then give back digits: "CK 1,200 weeks" failed as 1,200 and matched
again as "1" before the comma. The value is now matched atomically, so a number that is refused
is never read as a shorter one. Our own sentences, values worked out by hand.
"""

from __future__ import annotations

from .helpers import labs_coded


def _ck(note: str) -> list[float | None]:
    return [lab.value for lab in labs_coded(note, "ck")]


def test_a_refused_grouped_number_is_not_read_as_its_first_digits() -> None:
    assert _ck("A 50-year-old woman. CK 1,200 weeks after the first dose.") == []
    assert _ck("A 50-year-old woman. CK 1,200 times the upper limit.") == []


def test_the_same_number_with_a_unit_is_read_whole() -> None:
    assert _ck("A 50-year-old woman. CK 1,200 U/L.") == [1200.0]
    assert _ck("A 50-year-old woman. CK 1,200 U/L weekly since May.") == [1200.0]
