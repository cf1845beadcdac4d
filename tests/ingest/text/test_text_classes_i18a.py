"""issue #10 (i18a): English letters and reports: reference ranges in their published forms
(a comma after the label, square brackets after the unit, a results grid whose ranges stand in a
column or in the column headers), and the patient's place on a letter's patient line or after
the noun for the patient. Our own sentences; the values are worked out by hand. Each class has
a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import antibody_results, case_of, findings_of


def _labs(text: str) -> dict[tuple[str, float | None], float | None]:
    return {(lab.code.value, lab.value): lab.upper_limit for lab in case_of(text).labs}


@pytest.mark.parametrize(
    ("text", "code", "value", "upper"),
    [
        ("Her CK was 2,310 U/L (reference range, 26 to 192).", "ck", 2310.0, 192.0),
        ("The LDH level was 455 U/L (reference range, <250).", "ldh", 455.0, 250.0),
        ("Bloods: CK 5,200 U/L [30-220]; CRP 12 mg/L [<5].", "ck", 5200.0, 220.0),
        ("Bloods: CK 5,200 U/L [30-220]; CRP 12 mg/L [<5].", "crp", 12.0, 5.0),
    ],
)
def test_reference_range_forms(text: str, code: str, value: float, upper: float) -> None:
    assert _labs(text).get((code, value)) == upper


def test_a_citation_after_a_year_is_no_range() -> None:
    # a reference marker after a year stays a marker: no CK of 4 is read from it
    labs = _labs("Myositis with a raised CK was described in 2015 [4-6].")
    assert not any(value == 4.0 for _, value in labs)


def test_grid_with_a_range_column_and_an_empty_first_header_cell() -> None:
    text = (
        "Results:\n"
        "                    02/09/2026      16/09/2026      range\n"
        "  CK (U/L)          1,450           980             30-200\n"
        "  ALT (U/L)         -               71              <40\n"
    )
    found = {(lab.code.value, lab.value, lab.date, lab.upper_limit) for lab in case_of(text).labs}
    assert ("ck", 1450.0, date(2026, 9, 2), 200.0) in found
    assert ("ck", 980.0, date(2026, 9, 16), 200.0) in found
    assert ("alt", 71.0, date(2026, 9, 16), 40.0) in found
    # the dash is an empty cell: no ALT on the first date
    assert not any(code == "alt" and when == date(2026, 9, 2) for code, _, when, _ in found)


def test_grid_with_ranges_and_units_in_the_column_headers() -> None:
    text = (
        "Date        CK (30-200 U/L)  LDH (<250 U/L)  ESR (0-15 mm/h)\n"
        "03/08/2026  760              390             41\n"
    )
    found = {(lab.code.value, lab.value, lab.upper_limit) for lab in case_of(text).labs}
    assert {("ck", 760.0, 200.0), ("ldh", 390.0, 250.0), ("esr", 41.0, 15.0)} <= found


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Re: Mr P Q, 61 years, Henderson, Auckland\n\nSeen today.", "NZ"),
        ("Re: Ms R S, DOB 02/05/1961, Clonakilty, Co. Cork\n\nSeen today.", "IE"),
        ("PATIENT: T. U., female, 52 yrs, Mississauga ON. Seen today.", "CA"),
        ("RE: Mrs V W, 47-year-old nurse, Chatswood NSW\n\nSeen today.", "AU"),
        ("Address: Diepkloof, Soweto\nSeen today for weakness.", "ZA"),
        ("A 9-year-old girl from Leicester presented with weakness.", "GB"),
    ],
)
def test_the_patients_place(text: str, region: str) -> None:
    assert case_of(text).patient.region == region


@pytest.mark.parametrize(
    "text",
    [
        # a hospital after a loose "from" is not where the patient lives
        "She was referred from Leicester Royal Infirmary with weakness.",
        # the patient line's next item is no place
        "Re: Mr P Q, 61 years, seen in clinic today.",
        # a relative's place
        "Her sister, a woman from Leicester, had breast cancer.",
    ],
)
def test_no_place_is_read(text: str) -> None:
    assert case_of(text).patient.region is None


def test_a_relatives_pronoun_is_not_the_patients_sex() -> None:
    # "her" belongs to his aunt: the patient is read as male from "He" and "his"
    text = "He came with his son. His aunt had lung cancer in her fifties."
    assert str(case_of(text).patient.sex.value) == "male"


def test_the_patients_own_pronouns_after_a_relative_still_count() -> None:
    # no pronoun of the other sex before the relative: "she" and "her" are the patient's
    text = "She came with her daughter. Her thighs ache."
    assert str(case_of(text).patient.sex.value) == "female"


def test_a_strength_table_with_abbreviated_movements() -> None:
    text = "Power (MRC)        R    L\n  Hip flex.        3    4\n  Ankle dorsiflex. 5    5\n"
    assert findings_of(text).get("legs_proximal_weaker_than_distal") is True


def test_an_abbreviation_at_a_sentence_end_still_ends_it() -> None:
    # no grade after the abbreviation: the next sentence is read on its own
    found = findings_of("Pain on knee ext. She has no rash.")
    assert "legs_proximal_weaker_than_distal" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Examination: no joint swelling.", False),
        ("Both wrists show joint swelling.", True),
    ],
)
def test_joint_swelling_is_arthritis(text: str, expected: bool) -> None:
    assert findings_of(text).get("arthritis") is expected


def test_tender_joints_without_swelling_record_nothing() -> None:
    assert "arthritis" not in findings_of("Tender joints without swelling.")


def _tumour_stage(text: str) -> list[tuple[str | None, str | None]]:
    def value(x: object) -> str | None:
        return None if x is None else str(getattr(x, "value", x))

    return [(value(t.nodes), value(t.metastases)) for t in case_of(text).tumours]


def test_a_staging_scan_with_no_regional_nodes_and_no_other_avid_disease() -> None:
    text = (
        "CT abdomen 2026-10-02: 31 mm enhancing lesion in the pancreatic head. No peripancreatic "
        "lymphadenopathy. PET/CT 2026-10-09: no other FDG-avid disease."
    )
    assert _tumour_stage(text) == [("N0", "M0")]


def test_the_examinations_no_lymphadenopathy_is_no_stage() -> None:
    text = (
        "CT abdomen 2026-10-02: 31 mm enhancing lesion in the pancreatic head. "
        "On examination: no lymphadenopathy."
    )
    assert _tumour_stage(text) == [(None, None)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Appetite good and her weight has been steady.", "weight_loss"),
        ("Stable weight over the summer.", "weight_loss"),
        ("On examination the nail folds were unremarkable.", "periungual_erythema"),
        ("Normal nailfolds, no Gottron's papules.", "periungual_erythema"),
    ],
)
def test_a_stable_weight_and_normal_nailfolds_are_stated_absences(text: str, code: str) -> None:
    assert findings_of(text).get(code) is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a denied stability, a stable value of something else, a normal test of the nailfolds
        ("Her weight is not stable.", "weight_loss"),
        ("Weight 64 kg; blood pressure stable.", "weight_loss"),
        ("Nailfold capillaroscopy was normal.", "periungual_erythema"),
    ],
)
def test_near_misses_state_no_absence(text: str, code: str) -> None:
    assert code not in findings_of(text)


def test_an_antibody_a_test_showed_is_positive() -> None:
    text = "Serological testing revealed anti-Mi-2 antibodies; anti-MDA5 was not detected."
    assert antibody_results(text) == {"MI2": "positive", "MDA5": "negative"}


@pytest.mark.parametrize(
    "text",
    [
        # the test ordered, not its result
        "Testing for anti-Mi-2 antibodies was requested today.",
        "We sent anti-Mi-2 antibodies to the reference laboratory for testing.",
    ],
)
def test_a_test_named_without_its_result_is_no_positive(text: str) -> None:
    assert "MI2" not in antibody_results(text)


def test_the_mda5_antigens_full_name_is_no_melanoma() -> None:
    case = case_of("Anti-melanoma differentiation-associated protein 5 antibodies were positive.")
    assert not case.tumours
    assert {a.code.value: a.result.value for a in case.antibodies} == {"MDA5": "positive"}


def test_a_melanoma_beside_the_antibodys_name_is_still_read() -> None:
    text = "A melanoma of the forearm was excised in 2019. Anti-MDA5 antibodies are present."
    assert [str(t.site.value) for t in case_of(text).tumours] == ["skin"]


@pytest.mark.parametrize(
    "text", ["Skin: no heliotrope and no ulceration.", "No calcinosis, no ulcers."]
)
def test_a_bare_denial_of_ulcers_is_cutaneous_ulceration_absent(text: str) -> None:
    assert findings_of(text).get("cutaneous_ulceration") is False


@pytest.mark.parametrize(
    "text",
    [
        "No mouth ulcers.",  # a site of its own: not the skin's
        "A pressure ulcer over the sacrum was dressed.",  # a bare positive is not read
    ],
)
def test_ulcers_elsewhere_are_no_cutaneous_ulceration(text: str) -> None:
    assert "cutaneous_ulceration" not in findings_of(text)
