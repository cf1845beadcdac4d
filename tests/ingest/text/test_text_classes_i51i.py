"""Issue #10, twenty-sixth session (branch i51i): classes of wording in the investigations. Each
expectation is worked out by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _investigations(text: str) -> list[tuple[str, str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((i.code.value, i.result.value, i.date) for i in case.investigations)


# --- a test not done, in the languages LANGUAGES.md lists (patterns.yaml test_not_done): no test


@pytest.mark.parametrize(
    "sentence",
    [
        # the test's name as the note's language writes it, or in English (mixed notes)
        "Koloskopie: nicht durchgeführt.",
        "Coloscopie : non réalisée.",
        "Colonoscopia: no realizada.",
        "Colonoscopia: não foi realizada.",
        "Colonscopia: non eseguita.",
        "Coloscopie: niet verricht.",
        "Kolonoskopia: nie wykonano.",
        "Kolonoskopie: neprovedena.",
        "Колоноскопия: не проводилась.",
        "Colonoscopy: не проводилася.",
        "Колоноскопия: жасалмады.",
        "Kolonoskopi: yapılmadı.",
        "Colonoscopy: गरिएन।",
        "Colonoscopy haikufanyika.",
        "Colonoscopy: 未做。",
        "Kolonoskopi: tidak dilakukan.",
        "Colonoscopy: chưa thực hiện.",
        "Colonoscopy: δεν έγινε.",
    ],
)
def test_a_colonoscopy_not_done_is_no_test(sentence: str) -> None:
    assert _investigations(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a second name the lexicon does not read, listed before the words
        "Mamografia e TAC: não realizadas.",
        # a second test of the list, the words said of both
        "Mammogram and colonoscopy: not done.",
        "Mamografia e colonoscopia: não realizadas.",
    ],
)
def test_a_list_not_done_records_none_of_its_tests(sentence: str) -> None:
    assert _investigations(sentence) == []


# --- a PET named by a tracer other than FDG is not an FDG PET (patterns.yaml pet_tracer_not_fdg)


@pytest.mark.parametrize(
    "sentence",
    [
        "PSMA PET-CT 05/11/2026: uptake confined to the prostate gland.",
        "68Ga-PSMA PET/CT 05/11/2026: two avid pelvic nodes.",
        "18F-choline PET/CT on 05/11/2026 showed no uptake.",
        "Fluciclovine PET 05/11/2026: no recurrence seen.",
    ],
)
def test_a_pet_of_another_tracer_is_no_fdg_pet(sentence: str) -> None:
    assert _investigations(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        ("Ga-68 DOTANOC PET-CT 05/11/2026: no avid disease.", "normal"),
        ("Octreotate PET-CT 05/11/2026: avid 18 mm pancreatic tail lesion.", "abnormal"),
    ],
)
def test_a_somatostatin_receptor_pet_is_sstr_pet(sentence: str, result: str) -> None:
    assert _investigations(sentence) == [("sstr_pet_ct", result, date(2026, 11, 5))]


# --- a short dotted date beside a test, without its year nor its closing dot (facts/
# investigations.py _DATES_BESIDE): the test's day in the note's year


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chest X-ray (15.09): clear.", ("chest_xray", "normal", date(2026, 9, 15))),
        ("Chest X-ray PA view (15.09): clear.", ("chest_xray", "normal", date(2026, 9, 15))),
        ("Colonoscopy 16.09: normal.", ("colonoscopy", "normal", date(2026, 9, 16))),
    ],
)
def test_a_short_dotted_date_dates_the_test(sentence: str, expected: tuple[str, str, date]) -> None:
    assert _investigations(sentence) == [expected]


# --- a wall's thickening named first in a CT's result, in the languages LANGUAGES.md lists
# (patterns.yaml investigation_abnormal_result): abnormal, though a denial of spread follows


@pytest.mark.parametrize(
    "finding",
    [
        "pogrubienie ściany żołądka; bez przerzutów odległych.",
        "위벽 비후, 원격전이 없음.",
        "πάχυνση του τοιχώματος του στομάχου, χωρίς μεταστάσεις.",
        "удебеляване на стената на стомаха, без метастази.",
        "mahalaman seinämän paksuuntuma, ei etäpesäkkeitä.",
        "mide duvarında qalınlaşma, metastaz yoxdur.",
    ],
)
def test_a_wall_thickening_is_an_abnormal_ct(finding: str) -> None:
    sentence = f"CT chest, abdomen and pelvis 10/11/2026: {finding}"
    expected = [("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 10))]
    assert _investigations(sentence) == expected


# --- a test asked for at the visit whose result the same note reports on a later day is recorded
# by its result only (facts/investigations.py _drop_superseded_pending; notes README, note 377)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CT chest, abdomen and pelvis booked.\n\nAddendum 26/11/2026: CT chest, abdomen and"
            " pelvis 24/11/2026 showed a 30 mm pancreatic mass.",
            [("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 24))],
        ),
        (
            "Mammogram and colonoscopy requested.\n\nAddendum 26/11/2026: mammogram 23/11/2026"
            " showed a 14 mm spiculated mass.",
            [
                ("colonoscopy", "pending", date(2026, 11, 20)),
                ("mammography", "abnormal", date(2026, 11, 23)),
            ],
        ),
    ],
)
def test_a_requested_test_reported_later_is_recorded_by_its_result(
    text: str, expected: list[tuple[str, str, date]]
) -> None:
    assert _investigations(text) == expected
