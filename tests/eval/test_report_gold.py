"""The gold of the text evaluation (issue #10) is well formed: every file a valid case, the index
consistent with the files, the splits of the size the issue asks for.

The figures themselves come from benchmarks/text_eval.py; these tests only guard the data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from myositis_cds import assess
from myositis_cds.case import TumourHistology, TumourSite, parse_case

ROOT = Path(__file__).resolve().parent.parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
NOTES = ROOT / "tests" / "data" / "notes"
NOTES_TODAY = date(2026, 11, 27)


def _index() -> dict[str, dict[str, Any]]:
    reports: dict[str, dict[str, Any]] = yaml.safe_load(
        (REPORTS / "index.yaml").read_text(encoding="utf-8")
    )["reports"]
    return reports


def _notes_split(split: str) -> dict[str, dict[str, Any]]:
    notes: dict[str, dict[str, Any]] = yaml.safe_load(
        (NOTES / "index.yaml").read_text(encoding="utf-8")
    )["notes"]
    return {k: v for k, v in notes.items() if v["split"] == split}


def _heldout5() -> dict[str, dict[str, Any]]:
    return _notes_split("heldout5")


def _check_cancers(cancers: list[dict[str, Any]]) -> None:
    for cancer in cancers:
        assert set(cancer) == {"site", "histology"}
        TumourSite(cancer["site"])
        if cancer["histology"] is not None:
            TumourHistology(cancer["histology"])


def test_at_least_thirty_reports_about_a_third_of_them_dev() -> None:
    index = _index()
    splits = [meta["split"] for meta in index.values()]
    assert len(index) >= 30
    assert set(splits) == {
        "dev",
        "dev_b",
        "heldout",
        "heldout_b",
        "heldout_c",
        "heldout_d",
        "heldout_e",
        "heldout_f",
        "heldout_g",
        "heldout_h",
        "heldout_i",
        "heldout_j",
    }
    # The share of development reports is that of the rounds before the third to ninth held-out
    # sets (heldout_d to heldout_j, each added whole as a sealed set).
    sealed = {
        "heldout_d",
        "heldout_e",
        "heldout_f",
        "heldout_g",
        "heldout_h",
        "heldout_i",
        "heldout_j",
    }
    earlier = [s for s in splits if s not in sealed]
    dev = earlier.count("dev") + earlier.count("dev_b")
    assert 0.25 <= dev / len(earlier) <= 0.40


def test_index_and_gold_files_match_one_to_one() -> None:
    index = _index()
    gold = {p.stem for p in (REPORTS / "gold").glob("*.yaml")}
    assert gold == set(index)
    hashed = {
        line.split()[1].removesuffix(".txt")
        for line in (REPORTS / "texts.sha256").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert hashed == set(index)


@pytest.mark.parametrize("rid", sorted(_index()))
def test_each_report_entry_is_complete_and_its_gold_a_valid_case(rid: str) -> None:
    meta = _index()[rid]
    assert meta["url"].startswith(("http://", "https://"))
    assert meta["title"] and meta["query"]
    assert isinstance(meta["anchor"], date)
    _check_cancers(meta["cancers"])
    data = yaml.safe_load((REPORTS / "gold" / f"{rid}.yaml").read_text(encoding="utf-8"))
    case = parse_case(data, today=meta["anchor"])
    assert case.patient.age is not None


def _check_notes(notes: dict[str, dict[str, Any]], minimum: int = 10) -> None:
    assert len(notes) >= minimum
    for name, meta in notes.items():
        _check_cancers(meta["cancers"])
        data = yaml.safe_load((NOTES / f"{name}.yaml").read_text(encoding="utf-8"))
        parse_case(data, today=NOTES_TODAY)
        assert (NOTES / f"{name}.txt").read_text(encoding="utf-8").strip()


def test_at_least_ten_new_notes_with_valid_gold() -> None:
    _check_notes(_heldout5())


def test_second_held_out_sets_have_fifteen_reports_and_ten_notes_in_new_styles() -> None:
    # Issue #10, second held-out round: >= 15 new reports (split heldout_c, ids c01_...) and
    # >= 10 new notes (split heldout6), each note with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_c"}
    assert len(reports) >= 15
    assert all(rid.startswith("c") for rid in reports)
    _check_notes(_notes_split("heldout6"))


def test_third_held_out_sets_have_ten_reports_and_six_notes_in_new_styles() -> None:
    # Issue #10, third held-out round: >= 10 new reports (split heldout_d, ids e01_...: 'd01'-'d08'
    # are dev_b reports) and >= 6 new notes (split heldout7), each with a valid gold.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_d"}
    assert len(reports) >= 10
    assert all(rid.startswith("e") for rid in reports)
    _check_notes(_notes_split("heldout7"), minimum=6)


def test_fourth_held_out_sets_have_twelve_reports_and_eight_notes_in_new_styles() -> None:
    # Issue #10, fourth held-out round: >= 12 new reports (split heldout_e, ids f01_...) and >= 8
    # new notes (split heldout8, numbered from 80), each with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_e"}
    assert len(reports) >= 12
    assert all(rid.startswith("f") for rid in reports)
    notes = _notes_split("heldout8")
    _check_notes(notes, minimum=8)
    assert all(int(name[:2]) >= 80 for name in notes)


def test_fifth_held_out_sets_have_fifteen_reports_and_eight_notes_in_new_styles() -> None:
    # Issue #10, fifth held-out round: >= 15 new reports (split heldout_f, ids g01_...) and >= 8
    # new notes (split heldout9, numbered from 88), each with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_f"}
    assert len(reports) >= 15
    assert all(rid.startswith("g") for rid in reports)
    notes = _notes_split("heldout9")
    _check_notes(notes, minimum=8)
    assert all(int(name[:2]) >= 88 for name in notes)


def test_sixth_held_out_sets_have_fifteen_reports_and_ten_notes_in_new_styles() -> None:
    # Issue #10, sixth held-out round: >= 15 new reports (split heldout_g, ids h01_...) and >= 10
    # new notes (split heldout10, numbered from 97; 100 and up have three digits), each with a
    # valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_g"}
    assert len(reports) >= 15
    assert all(rid.startswith("h") for rid in reports)
    notes = _notes_split("heldout10")
    _check_notes(notes, minimum=10)
    assert all(int(name.split("_")[0]) >= 97 for name in notes)


def test_seventh_held_out_sets_have_fifteen_reports_and_ten_notes_in_new_styles() -> None:
    # Issue #10, seventh held-out round: >= 15 new reports (split heldout_h, ids i01_...) and >= 10
    # new notes (split heldout11, numbered from 109), each with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_h"}
    assert len(reports) >= 15
    assert all(rid.startswith("i") for rid in reports)
    notes = _notes_split("heldout11")
    _check_notes(notes, minimum=10)
    assert all(int(name.split("_")[0]) >= 109 for name in notes)


def test_eighth_held_out_sets_have_fifteen_reports_and_ten_notes_in_new_styles() -> None:
    # Issue #10, eighth held-out round: >= 15 new reports (split heldout_i, ids j01_...) and >= 10
    # new notes (split heldout12, numbered from 121), each with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_i"}
    assert len(reports) >= 15
    assert all(rid.startswith("j") for rid in reports)
    notes = _notes_split("heldout12")
    _check_notes(notes, minimum=10)
    assert all(int(name.split("_")[0]) >= 121 for name in notes)


def test_ninth_held_out_sets_have_fifteen_reports_and_ten_notes_in_new_styles() -> None:
    # Issue #10, ninth held-out round: >= 15 new reports (split heldout_j, ids k01_...) and >= 10
    # new notes (split heldout13, numbered from 133), each with a valid gold and its stated cancers.
    reports = {rid: m for rid, m in _index().items() if m["split"] == "heldout_j"}
    assert len(reports) >= 15
    assert all(rid.startswith("k") for rid in reports)
    notes = _notes_split("heldout13")
    _check_notes(notes, minimum=10)
    assert all(int(name.split("_")[0]) >= 133 for name in notes)


def _gold_classification(rid: str) -> tuple[float, str, str | None]:
    meta = _index()[rid]
    data = yaml.safe_load((REPORTS / "gold" / f"{rid}.yaml").read_text(encoding="utf-8"))
    c = assess(parse_case(data, today=meta["anchor"]), as_of=meta["anchor"]).classification
    return c.score, c.category, c.subgroup


def test_gold_of_the_panniculitis_report_scores_as_worked_out_by_hand() -> None:
    # onset 26 (1.3) + proximal weakness arms (0.7) and legs (0.8) + heliotrope (3.1)
    # + Gottron's papules (2.1) + raised CK/LDH (1.3) = 9.3 >= 7.5: definite, dermatomyositis.
    assert _gold_classification("r32_npc_panniculitis_26f") == (9.3, "definite", "dermatomyositis")


def test_gold_of_the_anti_jo1_report_without_skin_signs_needs_a_biopsy() -> None:
    # onset 37 (1.3) + anti-Jo-1 (3.9) + raised CK (1.3) = 6.5, but with no heliotrope or
    # Gottron lesion and no biopsy the criteria do not classify it.
    assert _gold_classification("r04_asyn_jo1_37f") == (6.5, "not classified", None)


def test_gold_of_the_amyopathic_anti_sae1_report_scores_as_worked_out_by_hand() -> None:
    # onset 61 (2.1) + heliotrope (3.1) + Gottron's papules (2.1) = 7.3, >= 5.5 and < 7.5:
    # probable; skin signs without weakness: amyopathic dermatomyositis.
    assert _gold_classification("c04_sae1_ild_61f") == (
        7.3,
        "probable",
        "amyopathic dermatomyositis",
    )


def test_gold_of_the_juvenile_report_scores_as_worked_out_by_hand() -> None:
    # onset at 5 (no age points) + proximal weakness arms (0.7) and legs (0.8) + heliotrope (3.1)
    # + Gottron's papules (2.1) + raised CK/AST/ALT (1.3) = 8.0 >= 7.5: definite; onset < 18:
    # juvenile dermatomyositis.
    assert _gold_classification("c18_jdm_5f") == (8.0, "definite", "juvenile dermatomyositis")


def test_gold_of_the_thymoma_report_with_graded_strength_scores_as_worked_out_by_hand() -> None:
    # onset 56 (2.1) + proximal weakness arms (0.7) and legs (0.8) + legs proximal weaker than
    # distal (0.9) = 4.5 < 5.5: not classified (no skin sign, no enzyme, no antibody stated).
    assert _gold_classification("f11_thymoma_mg_im_56f") == (4.5, "not classified", None)


def test_gold_of_the_amyopathic_anti_sae_report_with_gottron_sign_is_definite() -> None:
    # onset 48 (2.1) + heliotrope (3.1) + Gottron's sign (3.3) = 8.5 >= 7.5: definite; skin signs
    # with no weakness: amyopathic dermatomyositis.
    assert _gold_classification("e05_sae_adm_48f") == (
        8.5,
        "definite",
        "amyopathic dermatomyositis",
    )


def test_gold_of_the_tif1g_sigmoid_report_scores_as_worked_out_by_hand() -> None:
    # onset 39 (1.3) + proximal weakness arms (0.7) and legs (0.8) + heliotrope (3.1) + Gottron's
    # papules (2.1) + raised CK (1.3) + dysphagia (0.7) = 10.0 >= 7.5: definite, dermatomyositis.
    assert _gold_classification("g18_tif1g_sigmoid_39f") == (10.0, "definite", "dermatomyositis")


def test_gold_of_the_juvenile_report_with_a_normal_biopsy_scores_as_worked_out_by_hand() -> None:
    # A biopsy was done (normal), so the "with biopsy" weights apply: onset at 6 (no age points)
    # + proximal weakness legs (0.5) + heliotrope (3.2) + Gottron's papules (2.7) + raised AST
    # 48 > 37 (1.4; CK 72 and ALT 63 are within their ranges) = 7.8, >= 6.7 and < 8.7: probable;
    # onset < 18: juvenile dermatomyositis.
    assert _gold_classification("h15_jdm_calcinosis_labs_6f") == (
        7.8,
        "probable",
        "juvenile dermatomyositis",
    )


def test_gold_of_the_male_breast_cancer_report_scores_as_worked_out_by_hand() -> None:
    # onset 84 (2.1) + proximal weakness of the arms only (0.7) + heliotrope (periorbital
    # erythematous papules, 3.1) = 5.9, >= 5.5 and < 7.5: probable; weakness with a skin sign:
    # dermatomyositis.
    assert _gold_classification("i22_male_occult_tnbc_84m") == (
        5.9,
        "probable",
        "dermatomyositis",
    )


def test_gold_of_the_amyopathic_report_with_a_normal_biopsy_needs_the_biopsy_thresholds() -> None:
    # The same 5.9 does not classify with a biopsy: a normal quadriceps biopsy, so the "with
    # biopsy" weights apply: onset 71 (2.2) + Gottron's sign on the elbows (3.7) = 5.9 < 6.7.
    assert _gold_classification("i04_fr_amyopathic_tonsil_71m") == (5.9, "not classified", None)
