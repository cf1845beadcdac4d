"""The reference case end to end (examples/reference-case.yaml), values worked out by hand.

Age at onset 65 → 2.1; heliotrope rash 3.1; Gottron's papules 2.1; dysphagia 0.7; enzymes normal
→ 0: total 8.0, probability 1/(1+e^(5.33-8.0)) = 0.9352, definite; no objective weakness
documented → amyopathic dermatomyositis.
"""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from myositis_cds.assessment import assess
from myositis_cds.cli import main
from myositis_cds.ingest.files import load_case_file
from tests.conftest import REFERENCE_CASE

CONTRACT_KEYS = {
    "classification",
    "antibodies",
    "cancer_risk",
    "screening",
    "tumours",
    "course",
    "recommendations",
    "warnings",
}


def test_reference_case_json_via_cli() -> None:
    result = CliRunner().invoke(main, ["assess", str(REFERENCE_CASE), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) >= CONTRACT_KEYS
    c = out["classification"]
    assert c["criteria"] == "EULAR/ACR 2017"
    assert c["biopsy_used"] is False
    assert c["score"] == 8.0
    assert abs(c["probability"] - 0.935) < 0.001
    assert c["category"] == "definite"
    assert c["subgroup"] == "amyopathic dermatomyositis"
    assert c["requires_biopsy"] is False
    points = {i["id"]: i["points"] for i in c["items"] if i["present"]}
    assert points == {
        "age_onset_40_plus": 2.1,
        "heliotrope_rash": 3.1,
        "gottron_papules": 2.1,
        "dysphagia": 0.7,
    }
    a = out["antibodies"]
    assert a["positive"] == ["TIF1G"]
    assert set(a["negative"]) == {"JO1", "OJ", "EJ", "PL7", "PL12", "NXP2", "MI2", "SRP"}
    assert "MDA5" in a["not_tested"]


def test_reference_case_as_of_first_visit_leaves_later_records_out() -> None:
    # As of 2023-01-15 (five days after referral), counted by hand from the example file:
    # findings after: no_response (06-30), myalgia absent, dysphagia absent (09-18)   3
    # antibodies after: TIF1G weak positive (09-18)                                    1
    # investigations after: colonoscopy, smear, mammography, TVUS, CT CAP, EUS-FNA, PET 7
    # tumours found after (02-01)                                                     1
    # treatments started after: mycophenolate (03-01)                                 1
    # events after: surgery, improvement, remission                                   3
    case = load_case_file(str(REFERENCE_CASE))
    result = assess(case, as_of=date(2023, 1, 15))
    assert result.records_left_out == 16
    assert any("16 record(s) dated after 2023-01-15" in w for w in result.warnings)
    assert result.classification.score == 8.0
    assert result.antibodies.weak_positive == []


def test_as_of_before_the_first_panel_has_no_antibodies() -> None:
    case = load_case_file(str(REFERENCE_CASE))
    result = assess(case, as_of=date(2023, 1, 9))
    assert result.antibodies.positive == []
    # Without the visit's findings the skin signs are unknown: not classified, biopsy required.
    assert result.classification.category == "not classified"
    assert result.classification.requires_biopsy


def test_text_summary_names_score_category_and_sources() -> None:
    result = CliRunner().invoke(main, ["assess", str(REFERENCE_CASE)])
    assert result.exit_code == 0
    assert "score 8.0" in result.output
    assert "DEFINITE" in result.output
    assert "amyopathic dermatomyositis" in result.output
    assert "Lundberg" in result.output


def test_cards_are_cds_hooks_shaped() -> None:
    result = CliRunner().invoke(main, ["assess", str(REFERENCE_CASE), "--format", "cards"])
    assert result.exit_code == 0
    cards = json.loads(result.output)["cards"]
    for card in cards:
        assert len(card["summary"]) < 140
        assert card["indicator"] in ("info", "warning", "critical")
        assert card["source"]["label"]


def test_reference_case_cancer_risk_and_open_search_after_issue_9() -> None:
    # As of 2023-09-30, by hand from the IMACS table (BMJ Best Practice restatement):
    # high: anti-TIF1γ, onset 65 > 40, dysphagia (severity not recorded → counted), persistent
    # activity (non-response 2023-06-30) = 4; intermediate: amyopathic DM (no strength exam) = 1;
    # female, so no male-sex factor → high. Dysphagia if mild: 3 high → still high.
    case = load_case_file(str(REFERENCE_CASE))
    result = assess(case, as_of=date(2023, 9, 30))
    risk = result.cancer_risk
    assert risk is not None
    assert risk.category == "high"
    assert risk.counts == {"high": 4, "intermediate": 1, "low": 0}
    gap = next(g for g in risk.not_assessed if g.item == "dysphagia_severity")
    assert gap.would_change.endswith("category stays high")
    # The 9.5 mm G1 M0 pancreatic NET does not plausibly explain TIF1γ DM: the occult-cancer
    # search stays open. PET-CT (single-test clause) is due; the sstr PET is not an FDG PET.
    assert result.screening is not None
    items = {i.test: i for i in result.screening}
    assert items["fdg_pet_ct"].status == "due"
    assert items["ct_neck"].status == "overdue"
    assert "continues alongside the tumour work-up" in items["ct_neck"].reason
    rec = next(r for r in result.recommendations if r.id == "screening.tumour_found")
    assert "does not explain the myositis" in rec.summary
    # The tumour itself: G1, 9.5 mm, surveillance by guideline (Ki-67 2.2 % is G1).
    (tumour,) = result.tumours or []
    assert tumour.grade == "G1"
    assert tumour.options[0].basis == "guideline"
