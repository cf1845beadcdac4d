"""A test's result read the right way round (branch i14d): a lesion denied after or before a
test is that done test's normal result, and a short date beside a test is its date.

Every sentence is our own, after a clinic letter of 12 November 2026; each expected value is
worked out by hand from the notes' gold conventions (tests/data/notes/README.md): a month alone
is the 1st, an undated test is dated on the note, a day and month without a year take the
note's year, and a test whose result names no lesion found is normal.
"""

from __future__ import annotations

from datetime import date

import pytest

# the letter's opening and the (code, result, date) reader the round-13 tests use
from tests.ingest.text.test_text_result_not_stated import NOTE_DAY, investigations


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a lesion denied after the test: its normal result, not an abnormal one
        ("Colonoscopy 04/2026: no polyps.", ("colonoscopy", "normal", date(2026, 4, 1))),
        ("Colonoscopy 04/2026 - no polyps.", ("colonoscopy", "normal", date(2026, 4, 1))),
        ("Koloskopie 04/2026: keine Polypen.", ("colonoscopy", "normal", date(2026, 4, 1))),
        # ... and before it, on the test: the done test's normal, not a test not done
        ("No polyps on colonoscopy 04/2026.", ("colonoscopy", "normal", date(2026, 4, 1))),
        ("No ILD on HRCT.", ("ct_chest", "normal", NOTE_DAY)),
        ("No evidence of ILD on HRCT.", ("ct_chest", "normal", NOTE_DAY)),
        ("Sin pólipos en la colonoscopia.", ("colonoscopy", "normal", NOTE_DAY)),
        # a lesion found stays abnormal, also after a denied one
        ("Colonoscopy 04/2026: 2 polyps removed.", ("colonoscopy", "abnormal", date(2026, 4, 1))),
        ("Colonoscopy: no mass, but 3 polyps.", ("colonoscopy", "abnormal", NOTE_DAY)),
        ("Colonoscopy 04/2026: polyps, no mass.", ("colonoscopy", "abnormal", date(2026, 4, 1))),
        # a short date beside the test is its date (the note's year), not the note's date
        ("CXR 15/10 clear.", ("chest_xray", "normal", date(2026, 10, 15))),
        ("CT chest 15/10 no mass.", ("ct_chest", "normal", date(2026, 10, 15))),
        ("Mammogram 15.10. normal.", ("mammography", "normal", date(2026, 10, 15))),
        ("CXR (15/10) clear.", ("chest_xray", "normal", date(2026, 10, 15))),
        # a whole date right after the test, its line wrapped before it
        ("Seen before: no ILD on HRCT\n21-May-2026.", ("ct_chest", "normal", date(2026, 5, 21))),
        # a result said as within range is a stated normal
        ("FBC 15/10 within range.", ("full_blood_count", "normal", date(2026, 10, 15))),
        ("Röntgen Thorax 20.09. unauffällig.", ("chest_xray", "normal", date(2026, 9, 20))),
    ],
)
def test_a_result_read_the_right_way_round(line: str, expected: tuple[str, str, date]) -> None:
    assert investigations(line) == {expected}


@pytest.mark.parametrize(
    "line",
    [
        "No CT done.",
        "No EUS needed at present.",
        "Not had a CXR.",
        # a list of tests not done (a form's unticked boxes read as "No"): no lesion denied on
        # the last one, so none of them is a normal result
        "No PET-CT No upper GI endoscopy.",
        "No transvaginal ultrasound and no PET-CT were requested.",
    ],
)
def test_a_test_denied_itself_is_still_not_done(line: str) -> None:
    assert investigations(line) == set()


@pytest.mark.parametrize("line", ["CXR 3/12 ago: clear.", "CXR 18/12 ago: clear."])
def test_a_fraction_of_a_year_beside_a_test_is_no_date(line: str) -> None:
    # "3/12", "18/12" are months, never 3 or 18 December: the test stays on the note's date
    assert investigations(line) == {("chest_xray", "normal", NOTE_DAY)}
