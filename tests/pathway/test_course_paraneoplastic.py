"""The paraneoplastic picture after tumour removal, and the re-screening alert when the course
turns after remission. Window: 180 days after removal (knowledge/paraneoplastic_course.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from myositis_cds.case import Case, parse_case
from myositis_cds.pathway.cancer_risk import CancerRisk
from myositis_cds.pathway.common import Notes
from myositis_cds.pathway.course import Course, follow_course

TODAY = date(2026, 11, 27)
REMOVAL = "2023-07-12"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _case(**sections: Any) -> Case:
    data: dict[str, Any] = {
        "patient": {"sex": "female", "birth_date": "1957-06-15"},
        "onset_date": "2022-09-10",
        "tumours": [
            {
                "site": "pancreas",
                "histology": "neuroendocrine_tumour",
                "size_mm": 9.5,
                "found_date": "2023-02-01",
                "resected_date": REMOVAL,
            }
        ],
        "findings": [
            {"code": "myalgia", "present": True, "date": "2023-01-10"},
            {"code": "dysphagia", "present": True, "date": "2023-01-10"},
        ],
    }
    data.update(sections)
    return parse_case(data, today=TODAY)


def _course(
    case: Case, as_of: date = TODAY, risk: CancerRisk | None = None, notes: Notes | None = None
) -> Course:
    cut, _ = case.as_of(as_of)
    course = follow_course(cut, as_of, risk, notes or Notes())
    assert course is not None
    return course


def _risk(category: str) -> CancerRisk:
    return CancerRisk.model_validate(
        {
            "category": category,
            "factors": [],
            "rule": "set by the test",
            "rule_verified": "C",
            "in_scope": True,
            "scope_note": "",
            "source": "test",
        }
    )


def _reference() -> Case:
    data = yaml.safe_load((EXAMPLES / "reference-case.yaml").read_text(encoding="utf-8"))
    return parse_case(data, today=TODAY)


# ----------------------------------------------------------------------------- reference case
def test_reference_case_tif1g_falls_and_the_course_supports_a_paraneoplastic_link() -> None:
    course = _course(_reference(), as_of=date(2024, 1, 31))
    assert [(t.code.value, t.direction) for t in course.antibody_trends] == [("TIF1G", "falling")]
    para = course.paraneoplastic
    assert para.assessment == "supported"
    assert para.removal_date == date(2023, 7, 12)
    assert para.refractory_before_removal is True  # steroid + MTX/MMF, non-response recorded
    joined = "\n".join(para.evidence)
    assert "+2 d after removal" in joined  # rash began to improve two days after surgery
    assert "2023-09-18 (+68 d after removal): remission" in joined
    assert "myalgia resolved" in joined and "dysphagia resolved" in joined
    assert "positive → weak positive" in joined
    assert course.response == []  # the report gives no core-set measures: none are invented


def test_reference_case_before_surgery_has_no_paraneoplastic_evidence_yet() -> None:
    course = _course(_reference(), as_of=date(2023, 7, 1))
    assert course.paraneoplastic.assessment == "insufficient_data"
    assert course.antibody_trends[0].direction == "insufficient_data"


def test_a_supported_course_without_alerts_advises_watching_for_recurrence() -> None:
    notes = Notes()
    _course(_reference(), as_of=date(2024, 1, 31), notes=notes)
    [watch] = [r for r in notes.recommendations if r.id.startswith("course.")]
    assert watch.id == "course.paraneoplastic.watch"
    assert watch.indicator == "info"
    assert "within 30 days" in watch.summary
    assert len(watch.summary) < 140


# ----------------------------------------------------------------------------- branches
def test_resolved_findings_alone_support_the_link() -> None:
    case = _case(
        findings=[
            {"code": "myalgia", "present": True, "date": "2023-01-10"},
            {"code": "myalgia", "present": False, "date": "2023-09-18"},
        ]
    )
    para = _course(case).paraneoplastic
    assert para.assessment == "supported"
    assert para.evidence[0] == (
        "improved — 2023-09-18 (+68 d after removal): myalgia resolved (present 2023-01-10)"
    )


def test_findings_still_present_after_removal_do_not_support_the_link() -> None:
    case = _case(
        findings=[
            {"code": "dysphagia", "present": True, "date": "2023-01-10"},
            {"code": "dysphagia", "present": True, "date": "2023-09-18"},
        ]
    )
    para = _course(case).paraneoplastic
    assert para.assessment == "not_supported"
    assert "dysphagia still present" in para.evidence[0]
    assert para.would_change is not None


def test_a_flare_after_removal_without_improvement_does_not_support_the_link() -> None:
    case = _case(events=[{"kind": "flare", "date": "2023-08-20"}])
    assert _course(case).paraneoplastic.assessment == "not_supported"


def test_a_tis_response_across_removal_supports_the_link() -> None:
    # Last visit before removal (2023-06-01) vs the visit after it, all six measures recorded:
    visits = [
        {
            "date": "2023-06-01",
            "physician_global": 6,
            "patient_global": 6,
            "extramuscular_global": 6,
            "haq": 1.5,
            "mmt8": 70,
        },
        {
            "date": "2023-09-01",
            "physician_global": 2,
            "patient_global": 1,
            "extramuscular_global": 2,
            "haq": 0.3,
            "mmt8": 74,
        },
    ]
    labs = [
        {"code": "ck", "value": 150, "unit": "U/L", "upper_limit": 200, "date": "2023-06-01"},
        {"code": "ck", "value": 120, "unit": "U/L", "upper_limit": 200, "date": "2023-09-01"},
    ]
    # Physician 6 -> 2 (40 %): 17.5; patient 6 -> 1 (50 %): 10; extramuscular 6 -> 2 (40 %): 15;
    # HAQ 1.5 -> 0.3 (40 %): 7.5; MMT 70 -> 74 (5 % of 80): 10; CK within normal: 0. TIS 60.
    para = _course(_case(findings=[], assessments=visits, labs=labs)).paraneoplastic
    assert para.assessment == "supported"
    assert para.evidence[0] == (
        "improved — 2023-09-01 (+51 d after removal): TIS 60 from 2023-06-01, level major"
    )


def test_a_tis_of_no_response_across_removal_is_evidence_against() -> None:
    visits = [
        {
            "date": "2023-06-01",
            "physician_global": 6,
            "patient_global": 6,
            "extramuscular_global": 6,
            "haq": 1.5,
            "mmt8": 70,
        },
        {
            "date": "2023-09-01",
            "physician_global": 6,
            "patient_global": 6,
            "extramuscular_global": 5,
            "haq": 1.5,
            "mmt8": 70,
        },
    ]
    labs = [
        {"code": "ck", "value": 150, "unit": "U/L", "upper_limit": 200, "date": "2023-06-01"},
        {"code": "ck", "value": 150, "unit": "U/L", "upper_limit": 200, "date": "2023-09-01"},
    ]
    # Only extramuscular improves, 10 %: 7.5 points, below the adult minimal 20.
    para = _course(_case(findings=[], assessments=visits, labs=labs)).paraneoplastic
    assert para.assessment == "not_supported"
    assert "TIS 7.5" in para.evidence[0]


def test_improvement_on_day_180_counts_and_on_day_181_does_not() -> None:
    # 2023-07-12 + 180 days = 2024-01-08.
    on_edge = _case(findings=[], events=[{"kind": "improvement", "date": "2024-01-08"}])
    past_edge = _case(findings=[], events=[{"kind": "improvement", "date": "2024-01-09"}])
    assert _course(on_edge).paraneoplastic.assessment == "supported"
    assert _course(past_edge).paraneoplastic.assessment == "insufficient_data"


def test_improvement_before_removal_is_not_evidence_of_a_response_to_removal() -> None:
    case = _case(findings=[], events=[{"kind": "improvement", "date": "2023-07-01"}])
    para = _course(case).paraneoplastic
    assert para.assessment == "insufficient_data"
    assert para.evidence[0] == "no record of disease activity after removal within the window"


def test_no_tumour_removal_is_insufficient_data() -> None:
    case = _case(tumours=[], events=[{"kind": "improvement", "date": "2023-08-01"}])
    para = _course(case).paraneoplastic
    assert para.assessment == "insufficient_data"
    assert para.removal_date is None


def test_a_surgery_event_counts_as_removal_without_a_tumour_record() -> None:
    case = _case(
        tumours=[],
        events=[
            {"kind": "surgery", "date": "2023-07-12"},
            {"kind": "remission", "date": "2023-09-18"},
        ],
    )
    para = _course(case).paraneoplastic
    assert (para.assessment, para.removal_date) == ("supported", date(2023, 7, 12))


# ----------------------------------------------------------------------------- alerts
def test_flare_after_remission_with_a_resected_tumour_recommends_rescreening() -> None:
    case = _case(
        events=[
            {"kind": "remission", "date": "2023-09-18"},
            {"kind": "flare", "date": "2024-05-02"},
        ]
    )
    notes = Notes()
    course = _course(case, as_of=date(2024, 5, 10), notes=notes)
    [alert] = course.alerts
    assert alert.kind == "flare_after_remission"
    assert alert.rescreen_due == date(2024, 6, 1)  # 30 days after the flare
    assert "(due)" in alert.summary
    [rec] = notes.recommendations
    assert rec.id == alert.id
    assert rec.indicator == "warning"
    assert "Ikeda" in rec.source
    assert len(rec.summary) < 140
    assert any("pancreas resected 2023-07-12" in e for e in rec.evidence)


def test_rising_antibody_after_remission_in_a_high_risk_patient_alerts() -> None:
    case = _case(
        tumours=[],
        events=[{"kind": "remission", "date": "2023-09-18"}],
        antibodies=[
            {"code": "TIF1G", "result": "weak_positive", "date": "2023-09-18"},
            {"code": "TIF1G", "result": "positive", "date": "2024-03-01"},
        ],
    )
    risk = _risk("high")
    course = _course(case, as_of=date(2024, 6, 1), risk=risk)
    [alert] = course.alerts
    assert alert.kind == "rising_antibody_after_remission"
    assert alert.rescreen_due == date(2024, 3, 31)
    assert "(overdue)" in alert.summary  # 2024-06-01 is past the due date
    assert "IMACS cancer risk high" in alert.evidence


@pytest.mark.parametrize(
    ("events", "risk_category", "tumour_resected"),
    [
        ([{"kind": "flare", "date": "2024-05-02"}], "high", True),  # no remission
        (
            [{"kind": "flare", "date": "2023-08-02"}, {"kind": "remission", "date": "2023-09-18"}],
            "high",
            True,
        ),  # flare before remission
        (
            [{"kind": "remission", "date": "2023-09-18"}, {"kind": "flare", "date": "2024-05-02"}],
            "standard",
            False,
        ),  # no cancer context
        (
            [{"kind": "remission", "date": "2023-09-18"}, {"kind": "flare", "date": "2024-05-02"}],
            "moderate",
            False,
        ),
    ],
)
def test_no_alert_without_a_turn_after_remission_in_a_cancer_context(
    events: list[dict[str, str]], risk_category: str, tumour_resected: bool
) -> None:
    tumours = _case().model_dump(mode="json")["tumours"] if tumour_resected else []
    case = _case(events=events, tumours=tumours)
    notes = Notes()
    course = _course(case, risk=_risk(risk_category), notes=notes)
    assert course.alerts == []
    assert not [r for r in notes.recommendations if r.id.startswith("course.rescreen")]


def test_flare_after_remission_with_unknown_risk_and_no_tumour_is_a_warning_not_silence() -> None:
    case = _case(
        tumours=[],
        events=[
            {"kind": "remission", "date": "2023-09-18"},
            {"kind": "flare", "date": "2024-05-02"},
        ],
    )
    notes = Notes()
    course = _course(case, risk=None, notes=notes)
    assert course.alerts == []
    assert any("could not be judged" in w for w in notes.warnings)


def test_vignette_flare_and_rising_tif1g_after_remission_each_alert_with_a_due_date() -> None:
    data = yaml.safe_load((EXAMPLES / "vignette-tis.yaml").read_text(encoding="utf-8"))
    notes = Notes()
    course = _course(parse_case(data, today=TODAY), as_of=date(2025, 3, 20), notes=notes)
    # TIF1γ 92 -> 30 AU across the resection, then 30 -> 75 AU at the flare (> 10 %): rising.
    assert [(t.code.value, t.direction) for t in course.antibody_trends] == [("TIF1G", "rising")]
    assert "anti-TIF1G 92 → 30 AU (2024-03-05 → 2024-09-05): falling" in "\n".join(
        course.paraneoplastic.evidence
    )
    assert course.paraneoplastic.assessment == "supported"
    assert course.paraneoplastic.refractory_before_removal is False  # < 3 months of steroid
    assert [(a.kind, a.rescreen_due) for a in course.alerts] == [
        ("flare_after_remission", date(2025, 4, 9)),
        ("rising_antibody_after_remission", date(2025, 4, 9)),
    ]
    assert len(notes.recommendations) == 2
