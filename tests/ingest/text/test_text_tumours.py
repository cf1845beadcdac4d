"""Vignettes for tumours: several in one note, invasion, the pancreatic duct, node status in
the usual phrasings, and which operation removed which tumour. Expected values are read off
each note by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def tumours(note: str) -> list[dict[str, Any]]:
    case = extract_case(note, today=TODAY).case
    out = []
    for t in case.tumours:
        record = t.model_dump(mode="json", exclude_none=True, exclude={"evidence"})
        if record.get("found_date_latest") is False:  # the default (a dated tumour): not shown
            del record["found_date_latest"]
        out.append(record)
    return out


def test_two_tumours_in_one_sentence_each_with_its_own_size() -> None:
    note = (
        "Meeting date: 5 June 2025\n\nWoman, 66.\nScreening CT chest/abdomen/pelvis 14 May 2025: "
        "32 mm mass in the sigmoid colon; incidental 11 mm lesion in the tail of the pancreas.\n"
        "Colonoscopy 22/05/2025: ulcerating sigmoid tumour; biopsies show adenocarcinoma.\n"
        "Ga-68 DOTATATE PET/CT: avid 11 mm pancreatic tail lesion in keeping with a "
        "well-differentiated NET; no metastatic disease.\nNon-functioning on biochemistry."
    )
    assert tumours(note) == [
        {
            "site": "colon",
            "histology": "adenocarcinoma",
            "size_mm": 32.0,
            "invades": [],
            "found_date": "2025-05-14",
        },
        {
            "site": "pancreas",
            "histology": "neuroendocrine_tumour",
            "size_mm": 11.0,
            "functional": False,
            "metastases": "M0",
            "invades": [],
            "found_date": "2025-05-14",
        },
    ]


def test_two_operations_each_remove_their_own_tumour() -> None:
    note = (
        "Date of clinic: 1 March 2023\n\n67-year-old woman.\nA CT on 26.04.2022 showed a 19 mm "
        "mass in the left breast. Core biopsy confirmed invasive ductal carcinoma. Upper "
        "endoscopy on 3 May 2022 showed a 12 mm lesion in the gastric antrum; biopsies showed "
        "adenocarcinoma.\nShe underwent a left wide local excision on 01/06/2022 (pT1c, 2 of 12 "
        "nodes involved) and endoscopic submucosal dissection of the gastric lesion on "
        "15/06/2022."
    )
    got = [(t["site"], t.get("nodes"), t["found_date"], t["resected_date"]) for t in tumours(note)]
    assert got == [
        ("breast", "N1", "2022-04-26", "2022-06-01"),
        ("stomach", None, "2022-05-03", "2022-06-15"),
    ]


def test_a_synoptic_report_gives_invasion_duct_and_nodes() -> None:
    note = (
        "CELLULAR PATHOLOGY REPORT\nAuthorised: 09.09.2025\n\nClinical information: 61 yr old "
        "woman. Whipple's procedure 02/09/2025.\n\nTumour site: pancreatic head\nMaximum tumour "
        "dimension: 23 mm\nHistological type: well-differentiated neuroendocrine tumour\n"
        "Ki-67: 6 %\nExtent of invasion: invades the duodenal wall and peripancreatic fat; "
        "common bile duct not involved\nMain pancreatic duct: dilated upstream of the tumour\n"
        "Regional lymph nodes: 2 / 14 involved\n"
    )
    (t,) = tumours(note)
    assert (t["site"], t["size_mm"], t["ki67_percent"], t["nodes"]) == ("pancreas", 23, 6, "N1")
    assert t["invades"] == ["duodenum", "peripancreatic_fat"]
    assert t["main_duct_dilated"] is True
    assert t["resected_date"] == "2025-09-02"


def test_a_radiology_report_invasion_duct_calibre_and_uncertain_liver_lesions() -> None:
    note = (
        "CT CHEST, ABDOMEN AND PELVIS\nExam date: 2025-11-18\n\nClinical indication: 52M. Known "
        "small pancreatic NET (EUS-FNA 2023).\n\nThe known lesion in the pancreatic body now "
        "measures 27 x 22 mm (14 mm in May 2024). It invades the posterior wall of the stomach. "
        "The main pancreatic duct is dilated to 5 mm upstream of the lesion. No involvement of "
        "the SMA or coeliac axis. Two new liver lesions (9 mm, 12 mm), indeterminate, possibly "
        "metastases."
    )
    (t,) = tumours(note)
    assert (t["site"], t["size_mm"], t["invades"], t["main_duct_dilated"]) == (
        "pancreas",
        27,
        ["stomach"],
        True,
    )
    assert "metastases" not in t
    assert t["found_date"] == "2023-01-01"  # the EUS-FNA that showed it


@pytest.mark.parametrize(
    ("words", "nodes"),
    [
        ("Staging CT showed no nodal or distant metastases.", "N0"),
        ("Pathological stage: pT3 pN1.", "N1"),
        ("Sentinel node negative (0/2 lymph nodes).", "N0"),
    ],
)
def test_node_status_phrasings(words: str, nodes: str) -> None:
    note = "Date: 14 Jan 2025\n\n71-year-old man. A 14 mm prostate adenocarcinoma. " + words
    assert tumours(note)[0]["nodes"] == nodes


@pytest.mark.parametrize(
    ("words", "dilated"),
    [
        ("A 16 mm pancreatic NET without duct dilatation.", False),
        ("A 16 mm pancreatic NET; the main duct is not dilated.", False),
        ("A 16 mm pancreatic NET with upstream main duct dilatation.", True),
    ],
)
def test_main_duct(words: str, dilated: bool) -> None:
    note = "Date: 4 Nov 2025\n\n54-year-old woman. " + words
    assert tumours(note)[0]["main_duct_dilated"] is dilated


def test_a_case_report_title_is_not_a_dated_finding() -> None:
    note = (
        "Gastric cancer in dermatomyositis: a case report\n\nAbstract\nWe describe a woman.\n\n"
        "Case presentation\nA 67-year-old woman was first seen on 19 April 2022. Upper endoscopy "
        "on 3 May 2022 showed a 12 mm gastric adenocarcinoma."
    )
    assert [(t["site"], t["found_date"]) for t in tumours(note)] == [("stomach", "2022-05-03")]
    assert extract_case(note, today=TODAY).index_date == date(2022, 4, 19)


def test_a_stated_t_category_is_shown_but_is_not_a_case_field() -> None:
    note = (
        "Report date: 09.09.2025\n\n61 yr old woman. A 23 mm pancreatic neuroendocrine tumour. "
        "Pathological stage (AJCC 8th ed.): pT3 pN1. T1-weighted images were not reviewed."
    )
    result = extract_case(note, today=TODAY)
    stages = [f.value["value"] for f in result.facts if f.code == "t_stage"]
    assert stages == ["T3"]
    assert result.case.tumours[0].nodes == "N1"
