"""Issue #10, twenty-ninth session (branch i54l): classes of wording in the lab values and the
antibody panels. Each expectation is worked out by hand on sentences written for this test (no
text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
VISIT = date(2026, 11, 20)
LEAD = "Clinic 20/11/2026. A 63-year-old woman with dermatomyositis.\n"


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(LEAD + text, anchor=VISIT, today=TODAY).case


def _antibodies(text: str) -> dict[str, tuple[str, date]]:
    return {a.code.value: (a.result.value, a.date) for a in _case(text).antibodies}


def _levels(text: str) -> dict[str, tuple[float | None, str | None]]:
    return {a.code.value: (a.level, a.unit) for a in _case(text).antibodies}


def _labs(text: str) -> list[tuple[str, float | None, float | None, float | None, date]]:
    return sorted(
        (lab.code.value, lab.value, lab.lower_limit, lab.upper_limit, lab.date)
        for lab in _case(text).labs
    )


# --- a positive graded weak by the bare word in a bracket right after it (rules/context.yaml,
# the weak grade after the positive sign or word): one weak positive


@pytest.mark.parametrize(
    "sentence",
    [
        "Line blot 14/11/2026: anti-PL-12 + (weak); anti-Jo-1 negative.",
        "Line blot 14/11/2026: anti-PL-12 positive (weak); anti-Jo-1 negative.",
        "Line blot 14/11/2026: anti-PL-12 pos [low]; anti-Jo-1 neg.",
        # a blot's row with its leader, the grade after the sign
        "Line blot 14/11/2026:\n  PL-12 .......... +   (weak)\n  Jo-1 ........... no band\n",
        # the weak word of the letter's language
        "Line blot 14/11/2026: anti-PL-12 positiv (schwach); anti-Jo-1 negative.",
    ],
)
def test_a_positive_with_its_bare_weak_grade_is_weak_positive(sentence: str) -> None:
    got = _antibodies(sentence)
    assert got["PL12"] == ("weak_positive", date(2026, 11, 14))
    assert got["JO1"] == ("negative", date(2026, 11, 14))


def test_a_strong_grade_or_a_negative_keeps_its_polarity() -> None:
    # "(low)" after a negative grades nothing: never a positive read from a negative's aside
    got = _antibodies("Line blot 14/11/2026: anti-PL-12 negative (low); anti-Jo-1 negative.")
    assert got["PL12"] == ("negative", date(2026, 11, 14))
    got = _antibodies("Line blot 14/11/2026: anti-PL-12 +++ (strong); anti-Jo-1 negative.")
    assert got["PL12"] == ("positive", date(2026, 11, 14))


# --- the unit word before an antibody's level (rules/patterns.yaml antibody_level): "index 64"


@pytest.mark.parametrize(
    "sentence",
    [
        "Myositis ELISA 14/11/2026: anti-NXP2 + (index 64; cut-off 32).",
        "Myositis ELISA 14/11/2026: anti-NXP2 positive, index 64 (cut-off 32).",
        "Myositis ELISA 14/11/2026: anti-NXP2 positive (index: 64, cut-off 32).",
    ],
)
def test_an_index_written_before_its_number_is_the_level(sentence: str) -> None:
    assert _levels(sentence)["NXP2"] == (64.0, "index")
    assert _antibodies(sentence)["NXP2"] == ("positive", date(2026, 11, 14))


def test_an_index_below_a_bound_is_no_level() -> None:
    # "index < 5" is a bound, not the measured level
    got = _levels("Myositis ELISA 14/11/2026: anti-NXP2 negative (index < 5).")
    assert got["NXP2"] == (None, None)


# --- the sample's date and an aside between a lab's name and its value, closed by a colon
# (rules/patterns.yaml lab_value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bloods: CK 12/11/2026 (hospital lab): 1,240 U/L (ref 25-200).",
            [("ck", 1240.0, 25.0, 200.0, date(2026, 11, 12))],
        ),
        (
            "LDH 2026-11-12 (sent by the GP) = 410 U/L (normal 120-250).",
            [("ldh", 410.0, 120.0, 250.0, date(2026, 11, 12))],
        ),
        (
            "Aldolase 12.11.2026 (outside laboratory): 11.2 U/L (ref < 7.6).",
            [("aldolase", 11.2, None, 7.6, date(2026, 11, 12))],
        ),
    ],
)
def test_a_dated_lab_with_an_aside_before_its_value(
    sentence: str, expected: list[tuple[str, float, float | None, float, date]]
) -> None:
    assert _labs(sentence) == expected


# --- a list whose items are separated by full stops typed between spaces (_normalise
# _spaced_list_dots)


def test_a_list_separated_by_spaced_stops_shares_its_result() -> None:
    text = (
        "Myositis panel (14/11/2026) - NEGATIVE for all:\n"
        "    Jo-1 . PL-7 . EJ . Mi-2 . MDA5 . NXP2 . SRP\n"
        "Biopsy booked.\n"
    )
    got = _antibodies(text)
    assert {code for code, (result, _) in got.items() if result == "negative"} == {
        "JO1",
        "PL7",
        "EJ",
        "MI2",
        "MDA5",
        "NXP2",
        "SRP",
    }
    assert {d for _, d in got.values()} == {date(2026, 11, 14)}


def test_a_single_spaced_stop_is_a_leader_not_a_list() -> None:
    # one spaced stop on its line is a dot leader ("Onset . 03/2026"), and a stop after a word
    # ends its sentence: the denial before it reaches no further
    got = _antibodies("Myositis panel 14/11/2026 . anti-Mi-2 positive.\nJo-1 . see below.\n")
    assert got == {"MI2": ("positive", date(2026, 11, 14))}


# --- a bracketed aside wrapped onto its own line, opened by an inclusion word (_nlp
# _ASIDE_OPENS_LINE): the list in it takes the result of the line above


@pytest.mark.parametrize(
    "aside",
    [
        "(incl. Jo-1, PL-7, MDA5, TIF1-gamma)",
        "(including Jo-1, PL-7, MDA5, TIF1-gamma)",
    ],
)
def test_a_wrapped_inclusion_aside_takes_the_line_above(aside: str) -> None:
    text = f"- Myositis immunoblot sent 14/11/2026: all NEGATIVE\n  {aside}. ANA negative.\n"
    got = _antibodies(text)
    for code in ("JO1", "PL7", "MDA5", "TIF1G"):
        assert got[code] == ("negative", date(2026, 11, 14))


def test_a_numbered_bracket_item_opens_its_own_sentence() -> None:
    # "(a)" opens an item of its own: the denial of the line above does not reach it
    text = "Plan 14/11/2026: no further myositis antibodies\n(a) anti-Mi-2 positive on the blot.\n"
    assert _antibodies(text)["MI2"][0] == "positive"


# --- a results table's row with its date cell left blank takes the date of the row above
# (facts/labs.py _blank_cell_time)


def test_a_blank_date_cell_takes_the_row_above() -> None:
    # the later sample's date in the next line's heading is another result's
    text = (
        "Review 20/11/2026. A 63-year-old woman with dermatomyositis. 3. Labs:\n"
        "      Jun 18, 2026   CK 4,100 U/L (ref 25-200)\n"
        "      Nov 12, 2026   CK 650 U/L (ref 25-200)\n"
        "                     Aldolase 8.8 U/L (ref < 7.6)\n"
        "                     CA 19-9 30 U/mL (ref < 35)\n"
        "    Myositis panel (Jun 18, 2026): anti-Mi-2 POSITIVE, 70 units\n"
        "    (positive >= 32).\n"
    )
    case = extract_case(text, anchor=VISIT, today=TODAY).case
    assert sorted((lab.code.value, lab.value, lab.date) for lab in case.labs) == [
        ("aldolase", 8.8, date(2026, 11, 12)),
        ("ca19_9", 30.0, date(2026, 11, 12)),
        ("ck", 650.0, date(2026, 11, 12)),
        ("ck", 4100.0, date(2026, 6, 18)),
    ]


def test_a_row_under_a_label_cell_is_not_dated_by_it() -> None:
    # the cell above holds a label, not a date: the row keeps its sentence's own time
    text = (
        "Results 12/11/2026:\n"
        "    Muscle enzymes   CK 650 U/L (ref 25-200)\n"
        "                     LDH 390 U/L (ref < 250)\n"
    )
    assert {d for *_, d in _labs(text)} == {date(2026, 11, 12)}
