"""Issue #10 (lead, after opening heldout28): the region when a place's name is not enough.

Our own sentences, read through the real extractor; the codes are ISO 3166 alpha-2, worked out
by hand (the convention: the country the patient comes from, else lives in; notes README).

- a city whose name two countries share, followed by its state, province or country, lies in
  the country of what follows ("Manchester, New Hampshire" is in the US, "London, Ontario" in
  Canada), while what names the same country changes nothing ("Leeds, West Yorkshire");
- a heritage then a nationality joined by a hyphen ("Vietnamese-Canadian") is the second's
  country: the first says where the family came from;
- a city that ISO 3166 lists as a subdivision under its kind ("Belfast City", "Quezon City") is
  found by its name alone ("lives in Belfast" is in the UK);
- a strength table whose columns are muscles with a right / left pair each ("Deltoids 4 / 4
  Wrist extensors 5 / 5"): "4 / 4" is right 4 and left 4 even with the next column's muscle after
  it, so the deltoids are weak (the row's "5 / 5" had become their grade: weakness read absent);
- a list of signs closed by a word for all of it ("... were all absent", "... and none were
  present", "... but none was seen", "neither was present") denies every sign of the list;
- Belarusian laboratory forms: "Адз/л" (адзінак/літр) is units per litre, so "3 120 Адз/л" is one
  value with its thousands grouped by a space (it was read as CK 3, a normal value), and "норма
  да 40" is an upper limit ("да", up to).
"""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import case_of, findings_of, read

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("note", "region"),
    [
        ("A 70-year-old retired electrician from Manchester, New Hampshire was referred.", "US"),
        ("A 55-year-old man from Manchester, NH, was seen in clinic.", "US"),
        ("A 50-year-old woman from London, Ontario, was referred.", "CA"),
        ("A 55-year-old man living in Perth, Western Australia, was reviewed.", "AU"),
        # what follows names the hand list's own country: unchanged
        ("A 50-year-old woman living in Leeds, West Yorkshire, was reviewed.", "GB"),
        ("A 55-year-old man from Manchester, England, was referred.", "GB"),
        # nothing follows: the hand list's country
        ("A 55-year-old man from Manchester was referred.", "GB"),
    ],
)
def test_a_shared_city_name_lies_in_the_country_of_the_state_after_it(
    note: str, region: str
) -> None:
    assert case_of(note).patient.region == region


@pytest.mark.parametrize(
    ("note", "region"),
    [
        ("A 48-year-old Vietnamese-Canadian woman presented with a rash.", "CA"),
        ("A 60-year-old Italian-American man presented with weakness.", "US"),
        # one nationality alone: its own country
        ("A 48-year-old Vietnamese woman presented with a rash.", "VN"),
    ],
)
def test_a_hyphenated_heritage_and_nationality_is_the_nationality(note: str, region: str) -> None:
    assert case_of(note).patient.region == region


def test_belarusian_units_per_litre_group_thousands_and_da_is_an_upper_limit() -> None:
    note = (
        "Мужчына 61 год.\nАналізы 03.09.2026:\n"
        "  КФК 3 120 Адз/л (норма 24–190)\n  АЛТ 85 Адз/л (норма да 40)\n"
    )
    labs = [
        (lab.code.value, lab.value, lab.unit, lab.upper_limit, lab.date)
        for lab in read(note).case.labs
    ]
    assert labs == [
        ("ck", 3120.0, "U/L", 190.0, date(2026, 9, 3)),
        ("alt", 85.0, "U/L", 40.0, date(2026, 9, 3)),
    ]


@pytest.mark.parametrize(
    ("note", "region"),
    [
        ("A 63-year-old woman who lives in Belfast was referred.", "GB"),
        ("A 50-year-old man living in Quezon City presented.", "PH"),
    ],
)
def test_a_city_listed_as_a_subdivision_is_found_by_its_name(note: str, region: str) -> None:
    assert case_of(note).patient.region == region


@pytest.mark.parametrize(
    "row",
    [
        "Deltoids 4 / 4   Wrist extensors 5 / 5",
        "Deltoids 4/4\tWrist extensors 5/5",
        "Deltoids 4-/4-  Finger flexors 5/5",
    ],
)
def test_a_right_left_pair_before_the_next_columns_muscle_is_read_as_sides(row: str) -> None:
    findings = findings_of(f"58M. Manual muscle testing today:\n   {row}\n")
    assert findings.get("weakness_proximal_upper") is True


def test_a_count_followed_by_a_word_is_still_no_pair_of_sides() -> None:
    # "3/3 cycles": a count, so the sentence's pairs are not sides; the deltoids' 5/5 is full
    findings = findings_of("58M. Received 3/3 cycles of chemotherapy. Deltoids 5/5 today.\n")
    assert findings.get("weakness_proximal_upper") is False


@pytest.mark.parametrize(
    "note",
    [
        "58M. Heliotrope rash, Gottron's papules and periungual erythema were all absent.",
        "58M. I looked for Gottron's papules and periungual erythema but none were seen.",
        "58M. Gottron's papules and periungual erythema: neither was present.",
        # the first item after a subject and its verb is a list item too, not a sign described
        # as seen ("I looked for heliotrope": i10ao's described items keep their own reading)
        "58M. I looked for Gottron's papules, periungual erythema and a heliotrope rash and "
        "none were present.",
        "58M. I checked Gottron's papules, periungual erythema and a heliotrope rash and none "
        "were present.",
    ],
)
def test_a_word_for_the_whole_list_denies_each_sign(note: str) -> None:
    findings = findings_of(note)
    assert findings.get("gottron_papules") is False
    assert findings.get("periungual_erythema") is False
    assert findings.get("heliotrope_rash") in (None, False)


def test_a_sign_before_the_list_keeps_its_own_reading() -> None:
    findings = findings_of(
        "58M. Gottron's papules present. We looked for mechanic's hands and a shawl sign and "
        "none were present."
    )
    assert findings == {"gottron_papules": True, "mechanics_hands": False, "shawl_sign": False}


def test_a_described_sign_before_a_later_items_own_denial_keeps_its_reading() -> None:
    # i10ao, unchanged: "shawl sign negative" is that item's own result
    findings = findings_of(
        "58M. Heliotrope rash of the upper eyelids, Gottron papules over the knuckles, shawl "
        "sign negative."
    )
    assert findings == {"heliotrope_rash": True, "gottron_papules": True, "shawl_sign": False}
