"""Labs paired by slashes, a past cancer dated by its operation, places in a letter's head and
lay or Maltese descriptions of Raynaud's and fingertip ulcers (issue #10, i20b). Every sentence
is our own; each expected value is worked out by hand from the notes' gold conventions
(tests/data/notes/README.md).

- "A / B : x / y U/L (ref a-b / c-d)": each lab its own value and range, in order; a run whose
  values are not one for each name (or a date, "12/10/2026") is not read this way.
- a past cancer dated by a bare year after its operation ("wide local excision 2018") or opening
  the bracket after it ("melanoma (2018, excised)") is found then and resected then; a later
  year in its sentence that is another treatment's ("letrozole until 2022") removes nothing; "with
  negative sentinel node", "SLNB neg" are N0 (and deny neither the cancer nor its operation); a
  Breslow thickness is no size.
- a town with its city in brackets ("Madina (Accra)") gives the city's country; a bio-data line
  of a clerking sheet (occupation, residence) is a residence cue.
- "fingertip sores", "digital pulp ulcers", an ulcer over the malleolus, the Maltese "ulċeri fuq
  il-ponot tas-swaba'" are cutaneous ulceration; "fingers blanch in the cold" and the Maltese
  "is-swaba' (ma) jbiddlu(x) kulur fil-kesħa" are Raynaud's (denied with "ma ...x").
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import case_of, findings_of, labs_coded, read

HEAD = "Discharge summary, 10/08/2026. A 54-year-old man with dermatomyositis.\n"


def _lab(note: str, code: str) -> tuple[float, str | None, float | None, float | None]:
    (lab,) = labs_coded(note, code)
    return lab.value, lab.unit, lab.lower_limit, lab.upper_limit


# --------------------------------------------------------------------------- paired labs
@pytest.mark.parametrize(
    ("line", "ast", "alt"),
    [
        # names, values and ranges each paired by slashes; the unit once after the last value
        (
            "INVESTIGATIONS:\n SGOT / SGPT      : 120 / 64 U/L   (Ref: 5-40 / 7-56)\n",
            (120.0, "U/L", 5.0, 40.0),
            (64.0, "U/L", 7.0, 56.0),
        ),
        # the other order, IU/L (read as U/L), no label in the bracket
        (
            "Bloods: ALT/AST: 45/230 IU/L (10-50 / 8-38).\n",
            (230.0, "U/L", 8.0, 38.0),
            (45.0, "U/L", 10.0, 50.0),
        ),
        # each value with its own unit, no range
        (
            "Today AST/ALT were 150 U/L / 90 U/L.\n",
            (150.0, "U/L", None, None),
            (90.0, "U/L", None, None),
        ),
    ],
)
def test_two_labs_named_with_a_slash_take_their_values_in_order(
    line: str,
    ast: tuple[float, str | None, float | None, float | None],
    alt: tuple[float, str | None, float | None, float | None],
) -> None:
    note = HEAD + line
    assert (_lab(note, "ast"), _lab(note, "alt")) == (ast, alt)


def test_paired_limits_in_an_upper_bound_form() -> None:
    # CK 2,450 with its upper limit 200; LDH 610 in 140-280
    note = HEAD + "CK/LDH: 2,450/610 U/L (ref <200 / 140-280)\n"
    assert (_lab(note, "ck"), _lab(note, "ldh")) == (
        (2450.0, "U/L", None, 200.0),
        (610.0, "U/L", 140.0, 280.0),
    )


def test_a_date_after_paired_names_is_no_pair_of_values() -> None:
    # "12/10/2026" is a date: three numbers for two names, so no value is read for either
    note = HEAD + "AST/ALT 12/10/2026 pending.\n"
    assert [lab.value for lab in read(note).case.labs if lab.value is not None] == []


# --------------------------------------------------------------------------- a past cancer
def _tumour(note: str) -> tuple[date | None, date | None]:
    (tumour,) = case_of(note).tumours
    return tumour.found_date, tumour.resected_date


@pytest.mark.parametrize(
    "history",
    [
        "Past history: melanoma of the right shoulder, wide local excision 2015.",
        "Past history: melanoma of the right shoulder, wide local excision (2015).",
        "Past history: melanoma of the right shoulder resected in 2015.",
        "Background: history of melanoma (2015, excised, no recurrence since).",
    ],
)
def test_a_past_cancer_is_found_and_removed_in_its_operations_year(history: str) -> None:
    note = "Clinic letter, 20/10/2026. A 66-year-old man with dermatomyositis.\n" + history
    assert _tumour(note) == (date(2015, 1, 1), date(2015, 1, 1))


def test_another_treatments_later_year_removes_nothing() -> None:
    # found in 2014; the excision is undated, 2019 is the tamoxifen's end: no resection date
    note = (
        "Clinic letter, 20/10/2026. A 61-year-old woman with dermatomyositis.\n"
        "Past history: right breast cancer in 2014 (invasive ductal carcinoma, 12 mm), treated\n"
        "with wide local excision and radiotherapy, then tamoxifen until 2019."
    )
    assert _tumour(note) == (date(2014, 1, 1), None)


@pytest.mark.parametrize(
    "history",
    [
        "PMH: melanoma of the left thigh, wide local excision 2016 with negative sentinel node.",
        "Past history: melanoma of the left thigh - WLE 2016, SLNB neg.",
        "PMH: melanoma of the left thigh excised in 2016, sentinel lymph node biopsy negative.",
    ],
)
def test_a_clear_sentinel_node_is_n0_and_denies_neither_cancer_nor_operation(history: str) -> None:
    # "negative" after "with" is its noun's: the melanoma (2016) and its excision stand
    note = "Clinic letter, 20/10/2026. A 70-year-old man with dermatomyositis.\n" + history
    (tumour,) = case_of(note).tumours
    assert (tumour.found_date, tumour.nodes.value if tumour.nodes else None) == (
        date(2016, 1, 1),
        "N0",
    )


def test_a_breslow_thickness_is_no_tumour_size() -> None:
    # 9 mm across; the Breslow thickness (0.7 mm) is a depth
    note = (
        "Clinic letter, 20/10/2026. A 70-year-old man with dermatomyositis.\n"
        "Melanoma of the back, 9 mm across, Breslow thickness 0.7 mm, excised today."
    )
    (tumour,) = case_of(note).tumours
    assert tumour.size_mm == 9


# --------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    ("line", "region"),
    [
        (
            "Name: Mrs Ama K.   Age: 39yrs   Sex: F\nSeamstress, Dansoman (Accra). Day 2 on ward.",
            "GH",
        ),
        ("Name: Mr Kofi A.   Age: 62yrs   Sex: M\nRetired teacher, Kumasi.", "GH"),
        ("A 48-year-old man who lives in Khayelitsha (Cape Town) was seen today.", "ZA"),
        ("A 9-year-old boy from Jeddah was admitted today.", "SA"),
    ],
)
def test_a_town_with_its_city_in_brackets_and_a_bio_data_line(line: str, region: str) -> None:
    note = "Ward round, 14/10/2026.\n" + line
    assert case_of(note).patient.region == region


def test_a_clinic_line_is_no_bio_data_line() -> None:
    # the first item is no occupation: no residence cue
    note = "Ward round, 14/10/2026.\nName: Mrs Ama K.   Age: 39yrs   Sex: F\nReview, Accra clinic."
    assert case_of(note).patient.region is None


# --------------------------------------------------------------------------- signs described
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Denies Raynaud's, fingertip sores or joint swelling.", {"cutaneous_ulceration": False}),
        ("No digital pulp ulcers.", {"cutaneous_ulceration": False}),
        (
            "A 5 mm punched-out ulcer over the left medial malleolus.",
            {"cutaneous_ulceration": True},
        ),
        ("Her fingers blanch in the cold.", {"raynaud": True}),
        # Maltese: small ulcers on the fingertips; the fingers do (not) change colour in the cold
        ("Ulċeri żgħar fuq il-ponot tas-swaba'.", {"cutaneous_ulceration": True}),
        ("Is-swaba' ma jbiddlux kulur fil-kesħa.", {"raynaud": False}),
        ("Is-swaba' jbiddlu l-kulur fil-kesħa.", {"raynaud": True}),
        # Maltese: lost about 4 kg
        ("Tilef madwar 4 kg.", {"weight_loss": True}),
    ],
)
def test_signs_described_without_their_names(line: str, expected: dict[str, bool]) -> None:
    note = "Clinic, 03/10/2026.\n" + line
    found = findings_of(note)
    assert {code: found.get(code) for code in expected} == expected


def test_sore_fingers_are_pain_not_ulcers() -> None:
    # "sore" is pain; only the plural noun "sores" is the lesion
    note = "Clinic, 03/10/2026.\nHer fingertips are sore in the mornings."
    assert "cutaneous_ulceration" not in findings_of(note)
