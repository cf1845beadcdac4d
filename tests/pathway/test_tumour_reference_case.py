"""The reference case's pancreatic NET, end to end, before and after resection.

By hand from the report: Ki-67 2.2 % (< 3 %) → G1; 1.2 mitoses per 10 HPF with no field diameter
→ 1.2 per 2 mm² under the 10 HPF = 2 mm² convention (< 2) → G1, with a warning; 9.5 mm limited to
the pancreas → T1; nodes not described, PET without metastases → cN0 (assumed) M0; stage I;
non-functional. Options at work-up: active surveillance (≤ 20 mm G1 non-functional, guideline
default) and resection to discuss (prednisone from 10 January with methotrexate and
mycophenolate for more than 3 months, non-response recorded 30 June; only neoplasm).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from click.testing import CliRunner

from myositis_cds.assessment import assess
from myositis_cds.cli import main
from myositis_cds.ingest.files import load_case_file
from myositis_cds.render.text import section_tumours
from tests.conftest import REFERENCE_CASE, TODAY

CONTRACT_FIELDS = {
    "site",
    "histology",
    "functional",
    "size_mm",
    "grade",
    "t",
    "n",
    "m",
    "stage",
    "options",
    "follow_up",
}


def tumour_json(as_of: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        main, ["assess", str(REFERENCE_CASE), "--format", "json", "--as-of", as_of]
    )
    assert result.exit_code == 0, result.output
    (tumour,) = json.loads(result.output)["tumours"]
    assert isinstance(tumour, dict)
    return tumour


def test_before_resection_g1_ct1_cn0_cm0_stage_i_with_both_options() -> None:
    t = tumour_json("2023-06-30")
    assert set(t) >= CONTRACT_FIELDS
    assert (t["site"], t["histology"], t["functional"], t["size_mm"]) == (
        "pancreas",
        "neuroendocrine_tumour",
        False,
        9.5,
    )
    assert (t["grade"], t["ki67_percent"], t["mitoses_per_2mm2"]) == ("G1", 2.2, 1.2)
    assert (t["t"], t["n"], t["m"], t["stage"], t["basis"]) == ("T1", "N0", "M0", "I", "clinical")
    assert t["tnm"] == "cT1 cN0 cM0"
    options = [(o["option"], o["recommended"], o["basis"]) for o in t["options"]]
    assert options == [
        ("active surveillance", True, "guideline"),
        (
            "resection to discuss - possible paraneoplastic driver of refractory myositis",
            False,
            "paraneoplastic modifier",
        ),
    ]
    assert all(o["source"] and o["rationale"] for o in t["options"])
    assert t["follow_up"]["plan"] == "surveillance"
    assert t["follow_up"]["status"] == "due"


def test_before_resection_warnings_name_the_assumptions() -> None:
    result = assess(load_case_file(str(REFERENCE_CASE), today=TODAY), as_of=date(2023, 6, 30))
    warnings = "\n".join(result.warnings)
    assert "tumours[0]: mitoses 1.2 per 10 HPF converted assuming 10 HPF = 2 mm²" in warnings
    assert "WHO 2010 gap" in warnings
    assert "nodes taken as cN0" in warnings
    ids = {r.id: r.indicator for r in result.recommendations}
    assert ids["tumours.0.management"] == "info"
    assert ids["tumours.0.paraneoplastic_resection"] == "warning"


def test_the_day_before_non_response_is_recorded_the_modifier_is_not_assessed() -> None:
    t = tumour_json("2023-06-29")
    assert [o["basis"] for o in t["options"]] == ["guideline", "guideline alternative"]
    assert t["paraneoplastic"].startswith("not assessed")


def test_after_resection_t_is_pathological_and_n_stays_clinical() -> None:
    t = tumour_json("2023-09-18")
    assert (t["t"], t["n"], t["m"], t["stage"]) == ("T1", "N0", "M0", "I")
    assert (t["basis"], t["tnm"]) == ("pathological T, clinical N", "pT1 cN0 cM0")
    assert t["resected_date"] == "2023-07-12"
    assert [o["taken"] for o in t["options"]] == [False, True]
    fu = t["follow_up"]
    assert (fu["plan"], fu["anchor_date"], fu["status"]) == (
        "post_resection",
        "2023-07-12",
        "upcoming",
    )


def test_before_the_tumour_was_found_there_is_nothing_to_work_up() -> None:
    result = assess(load_case_file(str(REFERENCE_CASE), today=TODAY), as_of=date(2023, 1, 31))
    assert result.tumours == []


def test_text_section_shows_grade_stage_options_and_follow_up() -> None:
    result = assess(load_case_file(str(REFERENCE_CASE), today=TODAY), as_of=date(2023, 6, 30))
    text = "\n".join(section_tumours(result))
    assert "grade: G1 — Ki-67 2.2 % and mitoses 1.2/2 mm² both G1" in text
    assert "stage: cT1 cN0 cM0 → stage I (clinical)" in text
    assert "* active surveillance [recommended; guideline; verified S]" in text
    assert "- resection to discuss" in text
    assert "follow-up on active surveillance (from 2023-02-01; until 2033-02-01): DUE" in text
    assert "visit 1: 2023-04-26 to 2024-02-01 — due" in text
