"""A cancer Condition with no onset date (tumours[].found_date_latest, issue #10).

FHIR's ``recordedDate`` is when the Condition was written down, not when the cancer was found:
a Condition with only ``recordedDate`` says the cancer was known *by* that date. The reader
records it with ``found_date_latest`` and never at a made-up date; only a full-date
``onsetDateTime`` (or an ``onsetPeriod`` that starts on a full date and has no other end day) is
an exact found date.

The myositis began on 2021-06-01, so the IMACS window in which a cancer plausibly explains it
runs 2018-06-01 to 2024-06-01 (three years either side; knowledge/imacs_2023_screening.yaml
``found_tumour``; the window arithmetic is tested in tests/pathway/test_screening.py). A breast
adenocarcinoma found on 2019-03-01 is inside it and explains the myositis; one known only "by
2019-03-01" may have been found in the window or years before it, so that cannot be told.
"""

from __future__ import annotations

from typing import Any

from myositis_cds import assess
from myositis_cds.assessment import Assessment
from myositis_cds.ingest.fhir import FhirCase, read_bundle
from tests.ingest.fhir.test_mapping import SCT, TODAY, bundle, coded

MYOSITIS = {
    "resourceType": "Condition",
    "id": "dm",
    "code": coded(SCT, "396230008", "Dermatomyositis"),
    "onsetDateTime": "2021-06-01",
}


def _breast(**dates: Any) -> dict[str, Any]:
    return {
        "resourceType": "Condition",
        "id": "ca",
        "code": {"text": "Adenocarcinoma of breast"},
        **dates,
    }


def _read(*resources: dict[str, Any]) -> FhirCase:
    return read_bundle(bundle(MYOSITIS, *resources), today=TODAY)


def _found(result: FhirCase) -> tuple[str, bool]:
    (tumour,) = result.case.tumours
    return tumour.found_date.isoformat(), tumour.found_date_latest


def _judgement(result: FhirCase) -> str:
    assessment: Assessment = assess(result.case, as_of=TODAY)
    rec = next(r for r in assessment.recommendations if r.id == "screening.tumour_found")
    return rec.detail


def test_a_recorded_date_alone_is_the_latest_found_date_and_the_window_is_unknown() -> None:
    result = _read(_breast(recordedDate="2019-03-01"))
    assert _found(result) == ("2019-03-01", True)
    assert any("recorded as found by 2019-03-01" in w for w in result.warnings)
    detail = _judgement(result)
    assert "found by 2019-03-01 (date not stated)" in detail
    assert "cannot be told" in detail
    assert "more than 3 years" not in detail


def test_an_onset_date_is_exact_and_the_cancer_explains_the_myositis() -> None:
    result = _read(_breast(onsetDateTime="2019-03-01", recordedDate="2019-04-15"))
    assert _found(result) == ("2019-03-01", False)
    detail = _judgement(result)
    assert "plausibly explains the myositis" in detail
    assert "found within 3 years of myositis onset" in detail


def test_known_by_the_day_before_the_window_opens_is_outside_it() -> None:
    # by 2018-05-31: found at the latest the day before the window opens (2018-06-01)
    detail = _judgement(_read(_breast(recordedDate="2018-05-31")))
    assert "more than 3 years from myositis onset" in detail


def test_known_by_the_day_the_window_opens_cannot_be_told() -> None:
    detail = _judgement(_read(_breast(recordedDate="2018-06-01")))
    assert "cannot be told" in detail


def test_a_year_only_recorded_date_is_read_as_its_last_day() -> None:
    # recorded "in 2019": known by 31 December 2019 at the latest, not by 1 January
    assert _found(_read(_breast(recordedDate="2019"))) == ("2019-12-31", True)
    assert _found(_read(_breast(recordedDate="2020-02"))) == ("2020-02-29", True)


def test_a_partial_recorded_date_is_never_after_today() -> None:
    # today is 2026-11-27: "2026" is known by today, not by 31 December
    assert _found(_read(_breast(recordedDate="2026"))) == ("2026-11-27", True)


def test_an_onset_period_start_is_exact_and_its_end_alone_is_a_latest_date() -> None:
    started = _breast(onsetPeriod={"start": "2019-01-10"}, recordedDate="2019-03-01")
    assert _found(_read(started)) == ("2019-01-10", False)
    # the period's end (2019-01-15) is earlier than recordedDate: the tighter bound wins
    ended = _breast(onsetPeriod={"end": "2019-01-15"}, recordedDate="2019-03-01")
    assert _found(_read(ended)) == ("2019-01-15", True)


def test_a_partial_onset_or_an_onset_period_gives_only_the_latest_date() -> None:
    # onset "in May 2019": some day that month, so found by 2019-05-31 at the latest
    assert _found(_read(_breast(onsetDateTime="2019-05"))) == ("2019-05-31", True)
    # began some day between 10 January and 20 February 2019
    between = _breast(onsetPeriod={"start": "2019-01-10", "end": "2019-02-20"})
    assert _found(_read(between)) == ("2019-02-20", True)
    # a period of one day is that day
    one_day = _breast(onsetPeriod={"start": "2019-01-10", "end": "2019-01-10T18:00:00Z"})
    assert _found(_read(one_day)) == ("2019-01-10", False)


def test_an_onset_age_bounds_the_date_by_the_next_birthday() -> None:
    # born 1960-03-01 (tests/ingest/fhir/test_mapping.py PATIENT), aged 58 at onset: found before
    # the 59th birthday, so by 2019-02-28, earlier than the recordedDate 2019-03-01
    aged = _breast(onsetAge={"value": 58, "unit": "years", "code": "a"}, recordedDate="2019-03-01")
    result = _read(aged)
    assert _found(result) == ("2019-02-28", True)
    assert any("found by 2019-02-28 (from onsetAge)" in w for w in result.warnings)
    # aged 60 (by 2021-02-28): the recordedDate is the earlier bound
    older = _breast(onsetAge={"value": 60, "code": "a"}, recordedDate="2019-03-01")
    assert _found(_read(older)) == ("2019-03-01", True)
    # the top of an onsetRange, with no recordedDate at all: kept instead of left out
    ranged = _breast(
        onsetRange={"low": {"value": 50, "code": "a"}, "high": {"value": 55, "code": "a"}}
    )
    assert _found(_read(ranged)) == ("2016-02-29", True)  # before the 56th birthday, 2016-03-01


def test_an_onset_string_or_an_age_in_months_is_not_turned_into_a_date() -> None:
    worded = _read(_breast(onsetString="in her fifties", recordedDate="2019-03-01"))
    assert _found(worded) == ("2019-03-01", True)
    assert any(
        "onsetString: the tumour's onset is not given as a date" in w for w in worded.warnings
    )
    months = _read(_breast(onsetAge={"value": 700, "code": "mo"}))
    assert months.case.tumours == []
    assert any("has no onset or recorded date; not assessed" in w for w in months.warnings)


def test_an_undated_condition_is_known_by_its_first_measurement() -> None:
    # no onset, no recordedDate: before, the cancer was left out; its size was measured on
    # 2024-02-03, so it is known by then
    size = {
        "resourceType": "Observation",
        "status": "final",
        "code": coded("http://loinc.org", "21889-1", "Size Tumor"),
        "focus": [{"reference": "Condition/ca"}],
        "effectiveDateTime": "2024-02-03",
        "valueQuantity": {"value": 14, "unit": "mm"},
    }
    result = _read(_breast(), size)
    assert _found(result) == ("2024-02-03", True)
    assert result.case.tumours[0].size_mm == 14


def test_a_resection_before_the_recorded_date_bounds_the_found_date() -> None:
    # recorded after the operation: known by the day it was removed, so the case stays valid
    # (found_date may not be after resected_date)
    resection = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": {"text": "Mastectomy"},
        "performedDateTime": "2020-03-01",
        "reasonReference": [{"reference": "Condition/ca"}],
    }
    result = _read(_breast(recordedDate="2020-05-01"), resection)
    (tumour,) = result.case.tumours
    assert (tumour.found_date.isoformat(), tumour.found_date_latest) == ("2020-03-01", True)
    assert tumour.resected_date is not None and tumour.resected_date.isoformat() == "2020-03-01"


def test_the_fhir_output_never_gives_the_latest_date_as_exact() -> None:
    from myositis_cds.render.fhir import to_fhir_json

    written = to_fhir_json(assess(_read(_breast(recordedDate="2019-03-01")).case, as_of=TODAY))
    assert written.count("2019-03-01") > 0
    assert written.count("2019-03-01") == written.count("found by 2019-03-01 (date not stated)")
