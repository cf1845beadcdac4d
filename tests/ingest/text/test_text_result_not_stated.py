"""A test listed as done with no result (branch i13d): ``not_stated``, never an inferred normal.

Every sentence is our own, after a clinic letter of 12 November 2026; each expected value is
worked out by hand from the notes' gold conventions (tests/data/notes/README.md): a month alone
is the 1st, an undated test is dated on the note, a planned test is pending on the visit that
asked for it, and a test listed as done with no result reported is ``not_stated``.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY

HEAD = "Clinic letter, 12 November 2026. A 60-year-old woman with dermatomyositis.\n"
NOTE_DAY = date(2026, 11, 12)


def investigations(line: str) -> set[tuple[str, str, date]]:
    case = extract_case(HEAD + line, today=TODAY).case
    return {(i.code.value, i.result.value, i.date) for i in case.investigations}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # listed as done, no result: not stated
        ("Mammogram 03/2026.", ("mammography", "not_stated", date(2026, 3, 1))),
        ("Colonoscopy done in May 2026.", ("colonoscopy", "not_stated", date(2026, 5, 1))),
        # the same test with its result
        ("Mammogram 03/2026 normal.", ("mammography", "normal", date(2026, 3, 1))),
        ("Mammogram: BI-RADS 4.", ("mammography", "abnormal", NOTE_DAY)),
        ("CT chest 14/10/2026: no mass.", ("ct_chest", "normal", date(2026, 10, 14))),
        # asked for, not yet done: pending on the visit that asked for it
        ("Mammogram planned.", ("mammography", "pending", NOTE_DAY)),
    ],
)
def test_a_test_with_and_without_its_result(line: str, expected: tuple[str, str, date]) -> None:
    assert investigations(line) == {expected}


def test_not_stated_is_what_the_note_says_not_an_inference() -> None:
    (inv,) = extract_case(HEAD + "Mammogram 03/2026.", today=TODAY).case.investigations
    assert inv.result.value == "not_stated"
    assert inv.evidence is not None and inv.evidence.inferred is False


@pytest.mark.parametrize(
    "lines",
    [
        "Mammogram 03/2026.\nMammogram 03/2026 normal.",
        "Mammogram 03/2026 normal.\nMammogram 03/2026.",
    ],
)
def test_a_stated_result_beats_the_same_test_listed_without_one(lines: str) -> None:
    assert investigations(lines) == {("mammography", "normal", date(2026, 3, 1))}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # what the test looked for, said as not found: a stated normal, not "not stated"
        ("HRCT chest 05/11/2026: no ILD.", {("ct_chest", "normal", date(2026, 11, 5))}),
        (
            "TC abdomen and pelvis 06/11/2026: without findings.",
            {("ct_abdomen_pelvis", "normal", date(2026, 11, 6))},
        ),
        (
            "Colonoscopy (09.11.2026) - without\npathology.",
            {("colonoscopy", "normal", date(2026, 11, 9))},
        ),
        ("Mammografia (05/11/2026): BI-RADS 1.", {("mammography", "normal", date(2026, 11, 5))}),
        (
            "Kolonoskopia 13.10.2026: bez patologického nálezu.",
            {("colonoscopy", "normal", date(2026, 10, 13))},
        ),
        # a list sharing the result said after its last test
        (
            "Screening complete: mammography, cervical screening and a pelvic ultrasound were all "
            "normal.",
            {
                ("mammography", "normal", NOTE_DAY),
                ("cervical_smear", "normal", NOTE_DAY),
                ("pelvic_ultrasound", "normal", NOTE_DAY),
            },
        ),
        (
            "Gastroscopia és colonoscopia (2026.10.21.): kóros eltérés nélkül.",
            {
                ("upper_endoscopy", "normal", date(2026, 10, 21)),
                ("colonoscopy", "normal", date(2026, 10, 21)),
            },
        ),
        # a test with its own date before the next one does not take that one's result
        (
            "Mammogram 03/2026; colonoscopy 04/2026: normal.",
            {
                ("mammography", "not_stated", date(2026, 3, 1)),
                ("colonoscopy", "normal", date(2026, 4, 1)),
            },
        ),
        # a result written after the test that names no lesion: a stated result (read as
        # normal, flagged inferred), not a test listed without one
        (
            "FGDS (05.11.2026) - superficial gastritis.",
            {("upper_endoscopy", "normal", date(2026, 11, 5))},
        ),
        # a response said before the test it was seen on
        (
            "Complete response on FDG PET-CT in December 2025.",
            {("fdg_pet_ct", "normal", date(2025, 12, 1))},
        ),
        # invoice lines: billed, so done; no result on them
        (
            "TAX INVOICE\n  R08  Mammogram bilateral (05/10/2026)     1    160.00      160.00\n"
            "  R09  CT thorax (06/10/2026)     1    460.00      460.00",
            {
                ("mammography", "not_stated", date(2026, 10, 5)),
                ("ct_chest", "not_stated", date(2026, 10, 6)),
            },
        ),
    ],
)
def test_results_stated_as_nothing_found_and_shared_by_a_list(
    line: str, expected: set[tuple[str, str, date]]
) -> None:
    assert investigations(line) == expected
