"""Antibody panels dated by their sample when the sentence also gives the result's date (issue
#10, i41a). Every sentence is our own; each expected date is worked out by hand from the words:
a panel's results are the sample's (the day the blood was taken or sent), not the day the
report came back (tests/data/notes/README.md; i10q, i40a).

- a sample's date in the panel's aside, labelled by the sample's words the sentence times read
  in every language ("serum of", French "prélevé", Polish "pobrano"), dates the results after
  it, also when the sentence opens with another (the addendum's) date;
- a panel's aside that gives the sample's and the result's dates before the results ("(drawn
  on 03/11, result on 09/11): ...") dates them by the sample, also when the result's word stands
  apart from its date (French "résultat le ...") or the sample's word is written away from its
  date: the earlier of the aside's dates that no report word labels;
- an aside with one date, or a date in an aside that closes after the results, changes nothing;
- rows under a heading broken over its lines (short fragments with no date of their own between)
  or naming its panel in words the panels do not read take the heading's sample date;
- rows whose line opens with the result's date, the result's word ending the line before ("...;
  result by phone" / "13/11/2026: anti-Mi-2 positive"; Mongolian "хариу", sample "дээж"),
  take the heading's sample date; a row's own date after a line with no result word stays;
- a positive sign restated with its weak grade in or after a bracket ("+ (weakly positive)",
  "(+) weakly positive") is one weak positive, not a positive and a weak positive in turn.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

HEAD = "Clinic letter, seen 20/11/2026.\nWoman, 60 years old, heliotrope rash of both eyelids.\n"


def _dated(body: str) -> dict[str, tuple[str, date]]:
    return {a.code.value: (a.result.value, a.date) for a in read(HEAD + body).case.antibodies}


@pytest.mark.parametrize(
    "body",
    [
        # the addendum's date first, the sample's in the panel's aside ("serum of")
        "Addendum (18.11.2026) - myositis antibodies (line immunoassay, serum of 06.11.2026)\n"
        "  Mi-2 positive (++)\n  NXP2, MDA5, Jo-1: negative\n",
        # the sample's word of another language right before its date
        "Supplement (18/11/2026): immunoblot (pobrano 06/11/2026): anti-Mi-2 positive; "
        "anti-NXP2 negative.\n",
    ],
)
def test_sample_labelled_date_in_the_aside_dates_the_results(body: str) -> None:
    got = _dated(body)
    assert got["MI2"] == ("positive", date(2026, 11, 6))
    assert got["NXP2"] == ("negative", date(2026, 11, 6))


@pytest.mark.parametrize(
    "body",
    [
        "Immunology panel (drawn on 04/11/2026, result on 12/11/2026): anti-SAE1 positive; "
        "anti-TIF1-gamma negative.\n",
        # French: the result's word apart from its date ("résultat le")
        "Bilan immunologique (prélevé le 04/11/2026, résultat le 12/11/2026): anti-SAE1 "
        "positif; anti-TIF1-gamma négatif.\n",
        # the sample's word away from its date, sent to another laboratory
        "Line blot (blood sent to the reference laboratory 04/11/2026, answer phoned through "
        "12/11/2026): anti-SAE1 positive; anti-TIF1-gamma negative.\n",
    ],
)
def test_aside_with_sample_and_result_dates_dates_the_results_by_the_sample(body: str) -> None:
    got = _dated(body)
    assert got["SAE1"] == ("positive", date(2026, 11, 4))
    assert got["TIF1G"] == ("negative", date(2026, 11, 4))


def test_aside_with_one_date_keeps_the_nearest_date() -> None:
    got = _dated("Seen in clinic 02/11/2026. Line blot (result 12/11/2026): anti-SAE1 positive.\n")
    assert got["SAE1"] == ("positive", date(2026, 11, 12))


def test_dates_of_an_aside_after_the_results_are_not_the_panels() -> None:
    # the two dates follow the result, in an aside about the CT: not the panel's aside
    got = _dated("On 10/11/2026 anti-SAE1 was positive (CT sent 12/11/2026, result 14/11/2026).\n")
    assert got["SAE1"] == ("positive", date(2026, 11, 10))


# A panel's heading broken over its lines, or naming its panel in words the panels do not read:
# the rows below take the heading's sample date, not the note's.
@pytest.mark.parametrize(
    "body",
    [
        # the heading's fragments after its sample date, with no date of their own
        "Myositis antibodies (line blot, sample 06/11/2026\n"
        "taken to the private laboratory\n"
        "result phoned later):\n"
        "  Mi-2 positive\n"
        "  NXP2, MDA5, Jo-1: negative\n",
        # the panel's name unread, its date labelled by a sample's word
        "Autoimmune screen (blood sample 06/11/2026, regional laboratory):\n"
        "  Mi-2 positive; NXP2 negative.\n",
    ],
)
def test_rows_under_a_broken_heading_take_its_sample_date(body: str) -> None:
    got = _dated(body)
    assert got["MI2"] == ("positive", date(2026, 11, 6))
    assert got["NXP2"] == ("negative", date(2026, 11, 6))


@pytest.mark.parametrize(
    "body",
    [
        # the result's date opens the rows' line, its word ends the heading's line
        "Myositis line blot: taken 06/11/2026, sent to the reference laboratory; result by phone\n"
        "13/11/2026: anti-Mi-2 positive (++).\n"
        "NXP2, MDA5 and Jo-1 negative.\n",
        # Mongolian: the sample's word "дээж", the result's word "хариу"
        "Миозитын эсрэгбие (иммуноблот, дээж 2026.11.06; хариу\n"
        "2026.11.13): анти-Mi-2: эерэг (+) анти-NXP2: сөрөг\n",
    ],
)
def test_rows_opening_with_the_wrapped_result_date_take_the_sample_date(body: str) -> None:
    got = _dated(body)
    assert got["MI2"] == ("positive", date(2026, 11, 6))
    assert got["NXP2"] == ("negative", date(2026, 11, 6))


def test_a_dated_row_after_a_heading_without_a_result_word_keeps_its_date() -> None:
    # the second line's date is the row's own (a later sample), not a wrapped result date
    got = _dated(
        "Myositis line blot: taken 06/11/2026, Mi-2 positive.\n13/11/2026: anti-NXP2 negative.\n"
    )
    assert got["NXP2"] == ("negative", date(2026, 11, 13))


# A positive sign restated with its weak grade in or after a bracket is one weak positive.
@pytest.mark.parametrize(
    "body",
    [
        "Line blot 06/11/2026: anti-PL-7 + (weakly positive); anti-Jo-1 negative.\n",
        "Line blot 06/11/2026: anti-PL-7 (+) weakly positive; anti-Jo-1 negative.\n",
    ],
)
def test_sign_with_its_weak_grade_in_a_bracket_is_weak_positive(body: str) -> None:
    got = _dated(body)
    assert got["PL7"] == ("weak_positive", date(2026, 11, 6))
    assert got["JO1"] == ("negative", date(2026, 11, 6))


def test_a_weak_grade_of_the_next_antibody_leaves_the_positive() -> None:
    got = _dated("Line blot 06/11/2026: anti-Jo-1 positive; anti-PL-7 weakly positive.\n")
    assert got["JO1"] == ("positive", date(2026, 11, 6))
    assert got["PL7"] == ("weak_positive", date(2026, 11, 6))
