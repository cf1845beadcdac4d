"""Issue #10, twenty-fourth session (branch i49a): classes of wording in the antibodies' dates and
results. Every sentence is our own; each expectation is worked out by hand from the words (a
panel's results are the sample's date, tests/data/notes/README.md; a result with no date of its
own is the note's, here 20/11/2026).

- a bracket with the sample's date that closes a list of results dates every result of the list,
  the first clause's too ("anti-X positive; anti-Y negative (DATE)"), also when it names the blood
  test or the laboratory and how strong the result was ("(bloods taken DATE)", "(outside lab,
  DATE)", "(strong, Northgate lab DATE)"), when the panel's other results follow the date in it
  ("POSITIVE (immunoblot DATE; Mi-2, NXP2 negative)"), and when it closes a clause, not the
  sentence ("... (panel DATE); HRCT ..."); never a bracket that gives another result with its
  date ("(negative at the outside lab 03/2025)" is the earlier result, not this one's date);
- a blot's minus sign before the full stop that ends its list is a negative, the item's ("Ro52
  -.") or, after "all", the list's ("TIF1-g, NXP2 all -."); never a decimal's point ("-.5");
- a line-head label in shorthand and of the panel's other antigens ("Rest -ve:", "Others
  negative:") gives the names after it on its line, and the lines it wraps onto, a negative;
- a result restated undated in a later letter ("NXP2-positive dermatomyositis") repeats the
  panel's dated result of up to three years before, not a second test on the visit's day; a
  result of the other polarity at the visit stays its own.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

HEAD = "Clinic letter, seen 20/11/2026.\nWoman, 60 years old, heliotrope rash of both eyelids.\n"
SEEN = date(2026, 11, 20)


def _results(body: str) -> set[tuple[str, str, date | None]]:
    return {(a.code.value, a.result.value, a.date) for a in read(HEAD + body).case.antibodies}


# ---------------------------------------------- the closing bracket's date over the whole list


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the first clause's result, before the semicolon, as the others
        (
            "Anti-NXP2 positive; anti-MDA5 and anti-SAE1 negative (03/10/2026).",
            {
                ("NXP2", "positive", date(2026, 10, 3)),
                ("MDA5", "negative", date(2026, 10, 3)),
                ("SAE1", "negative", date(2026, 10, 3)),
            },
        ),
        # the blood test's words before the date, over a month stated earlier in the sentence
        (
            "In October 2026 she was diagnosed: anti-PL-7 positive and anti-Jo-1 negative "
            "(bloods of 12/10/2026).",
            {("PL7", "positive", date(2026, 10, 12)), ("JO1", "negative", date(2026, 10, 12))},
        ),
        # the laboratory, with or without its name, and the strength of the result
        (
            "In October 2026 she was diagnosed: anti-PL-7 positive and anti-Jo-1 negative "
            "(sample at the Northgate laboratory 12/10/2026).",
            {("PL7", "positive", date(2026, 10, 12)), ("JO1", "negative", date(2026, 10, 12))},
        ),
        (
            "Gottron papules. ANA 1:640 homogeneous (private lab, 08/2026).",
            {("ANA", "positive", date(2026, 8, 1))},
        ),
        (
            "Necrotising myopathy, anti-SRP +ve (strong, Northgate lab 14/09/2026; HMGCR neg).",
            {("SRP", "positive", date(2026, 9, 14)), ("HMGCR", "negative", date(2026, 9, 14))},
        ),
        # the panel's other results after the date in the bracket
        (
            "Anti-Mi-2 POSITIVE (immunoblot 05/09/2026; TIF1-gamma, NXP2 negative).",
            {
                ("MI2", "positive", date(2026, 9, 5)),
                ("TIF1G", "negative", date(2026, 9, 5)),
                ("NXP2", "negative", date(2026, 9, 5)),
            },
        ),
        # a bracket that closes its clause, another test's clause after the semicolon
        (
            "Anti-Jo-1 positive, anti-PL-12 negative (panel 02/09/2026); HRCT 10/09/2026: NSIP.",
            {("JO1", "positive", date(2026, 9, 2)), ("PL12", "negative", date(2026, 9, 2))},
        ),
    ],
)
def test_a_closing_brackets_date_dates_the_list(
    body: str, expected: set[tuple[str, str, date]]
) -> None:
    assert _results(body) == expected


def test_a_bracket_with_another_result_does_not_date_this_one() -> None:
    # the bracket's date is the earlier negative's: the positive stays the note's
    got = _results("Anti-TIF1-gamma positive (negative at the outside lab 03/2025).")
    assert ("TIF1G", "positive", SEEN) in got
    assert not any(d == date(2025, 3, 1) and r == "positive" for _, r, d in got)


# ------------------------------------------------ a blot's minus sign and the rest's label


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the last item's sign before the stop
        (
            "Myositis line blot: Mi-2 +++, MDA5 -, SRP -.",
            {
                ("MI2", "positive", SEEN),
                ("MDA5", "negative", SEEN),
                ("SRP", "negative", SEEN),
            },
        ),
        # "all" and the sign close the list after the positive's clause
        (
            "Myositis line blot: NXP2 ++; TIF1-g, MDA5, PL-12 all -.",
            {
                ("NXP2", "positive", SEEN),
                ("TIF1G", "negative", SEEN),
                ("MDA5", "negative", SEEN),
                ("PL12", "negative", SEEN),
            },
        ),
        # the rest of the panel labelled in shorthand, its list wrapped onto the next line
        (
            "Myositis line blot:\n   SAE1 +++\n   Rest -ve: TIF1g, NXP2, MDA5,\n   Jo1, Ku\n"
            "CK 640 U/L.",
            {
                ("SAE1", "positive", SEEN),
                ("TIF1G", "negative", SEEN),
                ("NXP2", "negative", SEEN),
                ("MDA5", "negative", SEEN),
                ("JO1", "negative", SEEN),
                ("KU", "negative", SEEN),
            },
        ),
        (
            "Myositis line blot: MDA5 positive. Others -ve: Jo1, PL7.",
            {("MDA5", "positive", SEEN), ("JO1", "negative", SEEN), ("PL7", "negative", SEEN)},
        ),
    ],
)
def test_a_minus_sign_and_the_rests_label_are_negatives(
    body: str, expected: set[tuple[str, str, date]]
) -> None:
    assert _results(body) == expected


def test_a_minus_before_a_decimal_point_is_no_result() -> None:
    assert ("SRP", "negative", SEEN) not in _results("Myositis line blot: MDA5 +, SRP -.5 U.")


# ---------------------------------------------- an undated restatement of a dated result


@pytest.mark.parametrize(
    "body",
    [
        # the panel of a year and a half before, named again by the diagnosis
        "Myositis line blot of 10/05/2025: anti-NXP2 positive; anti-MDA5 negative.\n"
        "Impression: NXP2-positive dermatomyositis, skin quiet on methotrexate.",
        # the disease named first, the panel's dated line after it
        "Anti-SRP positive necrotising myopathy, stable on IVIG.\n"
        "Serology 02/2024: anti-SRP positive; anti-HMGCR negative.",
    ],
)
def test_a_restated_result_is_the_dated_one(body: str) -> None:
    got = _results(body)
    assert not any(d == SEEN for _, _, d in got)
    assert {r for _, r, _ in got} == {"positive", "negative"}


def test_a_result_of_the_other_polarity_at_the_visit_stays() -> None:
    got = _results(
        "Myositis line blot of 10/05/2025: anti-NXP2 positive.\n"
        "Repeat blot today: anti-NXP2 negative."
    )
    assert ("NXP2", "positive", date(2025, 5, 10)) in got
    assert ("NXP2", "negative", SEEN) in got
