"""From fact rows to a case: each OMOP oddity lands in a named field or a warning."""

from __future__ import annotations

from datetime import date
from typing import Any

from myositis_cds.population.cases import build_case

TODAY = date(2026, 6, 30)


def _row(kind: str, code: str, day: date | None, **extra: Any) -> dict[str, Any]:
    base = {
        "person_id": 1,
        "gender_concept_id": 8532,
        "year_of_birth": 1970,
        "month_of_birth": 4,
        "day_of_birth": 2,
        "birth_date": None,
        "left_out": 0,
        "kind": kind,
        "code": code,
        "day": day,
        "end_day": None,
        "value": None,
        "value_result": None,
        "unit": None,
        "range_low": None,
        "range_high": None,
    }
    base.update(extra)
    return base


def test_birth_sex_diagnosis_and_onset_dates() -> None:
    built = build_case(
        1,
        [
            _row("diagnosis", "dermatomyositis", date(2026, 3, 1)),
            _row("diagnosis", "dermatomyositis", date(2026, 4, 1)),
            _row("finding", "heliotrope_rash", date(2026, 1, 15)),
            _row("finding", "interstitial_lung_disease", date(2020, 1, 1)),
        ],
        TODAY,
    )
    assert built.case is not None
    assert built.case.patient.birth_date == date(1970, 4, 2)
    assert built.case.patient.sex.value == "female"
    assert built.case.diagnosis_date == date(2026, 3, 1)
    # ILD may precede the myositis by years: only a myositis manifestation dates the onset.
    assert built.case.onset_date == date(2026, 1, 15)


def test_lab_without_unit_keeps_its_value_and_is_named() -> None:
    built = build_case(
        1,
        [
            _row("diagnosis", "polymyositis", date(2026, 3, 1)),
            _row("lab", "esr", date(2026, 3, 2), value=40.0),
            _row("lab", "ck", date(2026, 3, 2), value=-5.0, unit="U/L"),
        ],
        TODAY,
    )
    assert built.case is not None
    [esr] = built.case.labs
    assert (esr.code.value, esr.value, esr.unit) == ("esr", 40.0, "unrecorded")
    assert "labs: esr recorded without a unit in the CDM (unit 'unrecorded')" in built.warnings


def test_antibody_result_from_answer_concept_or_range() -> None:
    built = build_case(
        1,
        [
            _row("diagnosis", "dermatomyositis", date(2026, 3, 1)),
            _row("antibody", "TIF1G", date(2026, 3, 2), value_result="positive"),
            _row("antibody", "JO1", date(2026, 3, 2), value=20.0, range_high=20.0, unit="U/mL"),
            _row("antibody", "NXP2", date(2026, 3, 2), value=21.0, range_high=20.0),
            _row("antibody", "MDA5", date(2026, 3, 2)),
        ],
        TODAY,
    )
    assert built.case is not None
    got = {a.code.value: a.result.value for a in built.case.antibodies}
    # A level equal to the upper limit is not above it.
    assert got == {
        "TIF1G": "positive",
        "JO1": "negative",
        "NXP2": "positive",
        "MDA5": "indeterminate",
    }


def test_a_procedure_is_a_test_done_with_its_result_not_stated() -> None:
    # the CDM records that the colonoscopy was done, never what it showed: not_stated, so the
    # screening plan asks for the report instead of counting a negative screen
    built = build_case(
        1,
        [
            _row("diagnosis", "dermatomyositis", date(2026, 3, 1)),
            _row("investigation", "colonoscopy", date(2026, 3, 20)),
            _row("investigation", "colonoscopy", date(2026, 3, 20)),  # same day: one record
        ],
        TODAY,
    )
    assert built.case is not None
    [colonoscopy] = built.case.investigations
    assert (colonoscopy.code.value, colonoscopy.date, colonoscopy.result.value) == (
        "colonoscopy",
        date(2026, 3, 20),
        "not_stated",
    )


def test_records_after_today_or_before_birth_are_left_out_and_counted() -> None:
    built = build_case(
        1,
        [
            _row("diagnosis", "dermatomyositis", date(2026, 3, 1), left_out=2),
            _row("investigation", "colonoscopy", date(2027, 1, 1)),
            _row("investigation", "colonoscopy", date(1960, 1, 1)),
            _row("cancer", "any", date(2026, 4, 1)),
            _row("cancer", "colon", date(2026, 4, 1)),
        ],
        TODAY,
    )
    assert built.case is not None
    assert built.case.investigations == []
    assert built.left_out == 4
    assert built.cancers == [("colon", date(2026, 4, 1))]
    assert "2 record(s) dated outside every observation period were left out" in built.warnings


def test_missing_month_and_day_of_birth_are_estimated_with_a_warning() -> None:
    built = build_case(
        1,
        [
            _row(
                "diagnosis",
                "dermatomyositis",
                date(2026, 3, 1),
                month_of_birth=None,
                day_of_birth=None,
            )
        ],
        TODAY,
    )
    assert built.case is not None
    assert built.case.patient.birth_date == date(1970, 7, 1)
    assert any("estimated" in w for w in built.warnings)
    nobody = build_case(
        1, [_row("diagnosis", "dermatomyositis", date(2026, 3, 1), year_of_birth=None)], TODAY
    )
    assert nobody.case is None and nobody.error is not None


def test_a_case_that_cannot_be_built_is_a_worklist_error_not_a_crash() -> None:
    from myositis_cds.population.worklist import assess_candidate

    nobody = build_case(
        7, [_row("diagnosis", "dermatomyositis", date(2026, 3, 1), year_of_birth=None)], TODAY
    )
    row = assess_candidate(nobody, TODAY)
    assert row["person_id"] == 7
    assert row["status"] == "error"
    assert row["reason"] == (
        "case could not be built from the CDM: patient.birth_date: no year of birth in the CDM"
    )
