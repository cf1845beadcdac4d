"""The per-stage grouping of records by code keeps the order the rules rely on."""

from __future__ import annotations

from datetime import date

from myositis_cds.case import AntibodyCode, AntibodyResultValue, FindingCode
from myositis_cds.pathway._records import by_code
from tests.conftest import build_case


def test_antibody_results_come_oldest_first_and_one_days_results_keep_case_order() -> None:
    case = build_case(
        antibodies=[
            {"code": "TIF1G", "result": "negative", "date": "2023-03-01"},
            {"code": "NXP2", "result": "positive", "date": "2021-06-01"},
            {"code": "TIF1G", "result": "positive", "date": "2022-01-10"},
            {"code": "TIF1G", "result": "weak_positive", "date": "2023-03-01"},
        ]
    )
    tif1g = by_code(case).antibodies(AntibodyCode.TIF1G)
    assert [(a.date, a.result) for a in tif1g] == [
        (date(2022, 1, 10), AntibodyResultValue.positive),
        (date(2023, 3, 1), AntibodyResultValue.negative),
        (date(2023, 3, 1), AntibodyResultValue.weak_positive),
    ]


def test_findings_of_one_code_keep_case_order_and_a_code_never_recorded_has_none() -> None:
    # Present first, then recorded absent at a later visit: the rules read "first present" and
    # "last recorded", so the order given must survive the grouping.
    case = build_case(findings=["dysphagia", "gottron_papules"], absent=["dysphagia"])
    records = by_code(case)
    assert [f.present for f in records.findings(FindingCode.dysphagia)] == [True, False]
    assert [f.present for f in records.findings(FindingCode.gottron_papules)] == [True]
    assert records.findings(FindingCode.shawl_sign) == []
    assert records.antibodies(AntibodyCode.MDA5) == []
    assert records.findings(None) == [] and records.antibodies(None) == []
