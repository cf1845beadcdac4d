"""AJCC 8th TNM staging of pancreatic NETs: T by size and invasion, N/M, stage groups, basis.

Expected values by hand from the AJCC 8th tables: T1 limited to the pancreas < 2 cm; T2 2-4 cm;
T3 > 4 cm or invading the duodenum or common bile duct; T4 invading stomach, spleen, colon,
adrenal gland, or the wall of the celiac axis or superior mesenteric artery. Stage I T1N0M0;
II T2-3N0M0; III T4N0M0 or any T N1M0; IV any M1. 20.0 mm is T2 (our choice of the "<2 cm"
reading, stated in the output).
"""

from __future__ import annotations

from typing import Any

import pytest

from myositis_cds.case import Tumour, parse_case
from myositis_cds.pathway.tumour_staging import StageResult, stage_tumour
from tests.conftest import TODAY

T4_STRUCTURES = [
    "stomach",
    "spleen",
    "colon",
    "adrenal_gland",
    "celiac_axis",
    "superior_mesenteric_artery",
]


def tumour(**fields: Any) -> Tumour:
    data: dict[str, Any] = {
        "site": "pancreas",
        "histology": "neuroendocrine_tumour",
        "size_mm": 12,
        "ki67_percent": 2,
        "nodes": "N0",
        "metastases": "M0",
        "found_date": "2023-02-01",
        **fields,
    }
    case = parse_case({"patient": {"sex": "female", "age": 60}, "tumours": [data]}, today=TODAY)
    return case.tumours[0]


def stage(**fields: Any) -> StageResult:
    return stage_tumour(tumour(**fields))


# ----------------------------------------------------------------------------- T by size
@pytest.mark.parametrize(
    ("size", "t", "group"),
    [(5, "T1", "I"), (19.9, "T1", "I"), (20.0, "T2", "II"), (40.0, "T2", "II"), (40.1, "T3", "II")],
)
def test_t_category_by_size_at_the_boundaries(size: float, t: str, group: str) -> None:
    result = stage(size_mm=size)
    assert (result.t, result.n, result.m, result.stage) == (t, "N0", "M0", group)


def test_exactly_20_mm_states_the_boundary_choice() -> None:
    result = stage(size_mm=20.0)
    assert result.t == "T2"
    (warning,) = [w for w in result.warnings if "exactly 20 mm" in w]
    assert "less than 2 cm" in warning and "2 cm or less" in warning
    assert not any("exactly 20 mm" in w for w in stage(size_mm=19.9).warnings)


# ----------------------------------------------------------------------------- T by invasion
@pytest.mark.parametrize("structure", T4_STRUCTURES)
def test_each_adjacent_organ_or_vessel_makes_a_small_tumour_t4_stage_iii(structure: str) -> None:
    result = stage(size_mm=10, invades=[structure])
    assert (result.t, result.stage) == ("T4", "III")
    assert result.t_reason == f"invades {structure.replace('_', ' ')}"


@pytest.mark.parametrize("structure", ["duodenum", "common_bile_duct"])
def test_duodenum_or_bile_duct_invasion_is_t3_stage_ii(structure: str) -> None:
    result = stage(size_mm=10, invades=[structure])
    assert (result.t, result.stage) == ("T3", "II")


def test_the_worst_invasion_decides() -> None:
    assert stage(size_mm=10, invades=["duodenum", "spleen"]).t == "T4"


def test_peripancreatic_fat_is_not_a_basis_for_staging() -> None:
    result = stage(size_mm=10, invades=["peripancreatic_fat"])
    assert (result.t, result.stage) == ("T1", "I")
    assert any("peripancreatic fat is not a basis" in w for w in result.warnings)


def test_invasion_never_lowers_the_size_category() -> None:
    assert stage(size_mm=45, invades=["duodenum"]).t == "T3"


# ----------------------------------------------------------------------------- stage groups
@pytest.mark.parametrize(
    ("size", "invades", "nodes", "metastases", "group"),
    [
        (10, [], "N0", "M0", "I"),
        (30, [], "N0", "M0", "II"),
        (50, [], "N0", "M0", "II"),
        (10, ["stomach"], "N0", "M0", "III"),
        (10, [], "N1", "M0", "III"),
        (30, [], "N1", "M0", "III"),
        (50, [], "N1", "M0", "III"),
        (10, ["colon"], "N1", "M0", "III"),
        (10, [], "N0", "M1a", "IV"),
        (50, ["spleen"], "N1", "M1c", "IV"),
    ],
)
def test_stage_groups(
    size: float, invades: list[str], nodes: str, metastases: str, group: str
) -> None:
    assert stage(size_mm=size, invades=invades, nodes=nodes, metastases=metastases).stage == group


@pytest.mark.parametrize("m", ["M1a", "M1b", "M1c"])
def test_each_metastasis_subcategory_is_stage_iv(m: str) -> None:
    result = stage(metastases=m)
    assert (result.m, result.stage) == (m, "IV")


# ----------------------------------------------------------------------------- missing N / M
def test_nodes_not_described_after_imaging_without_metastases_are_cn0() -> None:
    result = stage(nodes=None, metastases="M0")
    assert (result.n, result.stage, result.tnm) == ("N0", "I", "cT1 cN0 cM0")
    assert any("nodes taken as cN0" in w for w in result.warnings)


def test_nodes_and_metastases_unknown_leave_the_stage_open() -> None:
    result = stage(nodes=None, metastases=None)
    assert (result.n, result.m, result.stage, result.tnm) == (None, None, None, "cT1 cNX cMX")
    assert {g.item for g in result.not_assessed} == {"nodes", "metastases", "stage"}


def test_explicit_nx_is_not_replaced_by_the_cn0_assumption() -> None:
    result = stage(nodes="NX", metastases="M0")
    assert (result.n, result.stage) == (None, None)  # I if N0, III if N1


def test_t4_is_stage_iii_whatever_the_unknown_nodes() -> None:
    assert stage(size_mm=10, invades=["stomach"], nodes="NX", metastases="M0").stage == "III"


def test_any_m1_is_stage_iv_whatever_the_unknown_nodes() -> None:
    assert stage(nodes=None, metastases="M1b").stage == "IV"


def test_mx_with_n1_is_open_between_iii_and_iv() -> None:
    assert stage(nodes="N1", metastases="MX").stage is None


# ----------------------------------------------------------------------------- basis
def test_before_resection_the_stage_is_clinical() -> None:
    result = stage()
    assert (result.basis, result.tnm) == ("clinical", "cT1 cN0 cM0")


def test_after_resection_with_a_node_status_the_stage_is_pathological() -> None:
    result = stage(resected_date="2023-07-12", nodes="N0")
    assert (result.basis, result.tnm) == ("pathological", "pT1 pN0 cM0")


def test_after_resection_without_nodes_the_n_stays_clinical() -> None:
    result = stage(resected_date="2023-07-12", nodes=None, metastases="M0")
    assert (result.basis, result.tnm, result.stage) == (
        "pathological T, clinical N",
        "pT1 cN0 cM0",
        "I",
    )
    assert any("nodes may not have been sampled" in w for w in result.warnings)


# ----------------------------------------------------------------------------- not applicable
@pytest.mark.parametrize(
    "histology",
    ["neuroendocrine_carcinoma", "small_cell_carcinoma", "mixed_neuroendocrine_non_neuroendocrine"],
)
def test_nec_and_minen_are_not_staged_as_net(histology: str) -> None:
    result = stage(histology=histology, ki67_percent=60)
    assert result.applicable is False
    assert (result.t, result.stage) == (None, None)
    assert result.note is not None
    assert result.note.startswith("NET staging does not apply; staged as exocrine carcinoma")


def test_g3_net_is_staged_as_net() -> None:
    result = stage(ki67_percent=35)
    assert (result.applicable, result.stage) == (True, "I")


def test_other_sites_are_not_staged() -> None:
    result = stage(site="small_intestine")
    assert result.applicable is False
    assert result.note == "staging for this site (small_intestine) not supported"


def test_pancreatic_adenocarcinoma_is_not_staged_here() -> None:
    result = stage(histology="adenocarcinoma")
    assert result.applicable is False
    assert result.note == "staging for this histology (adenocarcinoma) not supported"
