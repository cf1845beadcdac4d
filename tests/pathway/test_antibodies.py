"""Antibody panel: positives, explicit negatives, not tested, phenotype fit."""

from __future__ import annotations

from myositis_cds.pathway.antibodies import read_panel
from myositis_cds.pathway.common import Notes
from tests.conftest import TODAY, build_case


def _codes(codes: list[object]) -> list[str]:
    return [str(getattr(c, "value", c)) for c in codes]


def test_positive_negative_and_not_tested_are_kept_apart() -> None:
    case = build_case(
        antibodies=[
            {"code": "MDA5", "result": "positive", "date": "2024-01-01"},
            {"code": "RO52", "result": "positive", "date": "2024-01-01"},
            {"code": "JO1", "result": "negative", "date": "2024-01-01"},
            {"code": "TIF1G", "result": "indeterminate", "date": "2024-01-01"},
        ]
    )
    panel = read_panel(case, TODAY, Notes())
    assert _codes(panel.positive) == ["MDA5", "RO52"]
    assert _codes(panel.negative) == ["JO1"]
    assert _codes(panel.indeterminate) == ["TIF1G"]
    assert "NXP2" in _codes(panel.not_tested)
    assert not {"MDA5", "RO52", "JO1", "TIF1G"} & set(_codes(panel.not_tested))
    mda5 = panel.phenotype[0]
    assert mda5.code == "MDA5"
    assert any("interstitial lung disease" in n for n in mda5.notes)


def test_latest_result_counts_and_history_is_counted() -> None:
    case = build_case(
        antibodies=[
            {"code": "TIF1G", "result": "positive", "date": "2023-01-10"},
            {"code": "TIF1G", "result": "weak_positive", "date": "2023-09-18"},
        ]
    )
    panel = read_panel(case, TODAY, Notes())
    assert _codes(panel.positive) == ["TIF1G"]
    assert _codes(panel.weak_positive) == ["TIF1G"]
    result = panel.results[0]
    assert (result.result, result.earlier_results) == ("weak_positive", 1)


def test_negative_after_positive_moves_to_negative() -> None:
    case = build_case(
        antibodies=[
            {"code": "TIF1G", "result": "positive", "date": "2020-01-01"},
            {"code": "TIF1G", "result": "negative", "date": "2024-01-01"},
        ]
    )
    panel = read_panel(case, TODAY, Notes())
    assert (_codes(panel.positive), _codes(panel.negative)) == ([], ["TIF1G"])


def test_tif1g_phenotype_fits_skin_disease_and_normal_enzymes() -> None:
    case = build_case(
        findings=["heliotrope_rash", "shawl_sign"],
        labs=[{"code": "ck", "above_uln": False, "date": "2024-01-01"}],
        antibodies=[{"code": "TIF1G", "result": "positive", "date": "2024-01-01"}],
    )
    note = read_panel(case, TODAY, Notes()).phenotype[0]
    assert "heliotrope rash" in note.fits and "shawl sign" in note.fits
    assert "normal muscle enzymes" in note.fits
    assert any("cancer" in n for n in note.notes)
    assert any("Acta Derm Venereol" in s for s in note.sources)


def test_tif1g_phenotype_departs_with_ild_and_high_ck() -> None:
    case = build_case(
        findings=["interstitial_lung_disease"],
        labs=[
            {"code": "ck", "value": 5000, "unit": "U/L", "upper_limit": 200, "date": "2024-01-01"}
        ],
        antibodies=[{"code": "TIF1G", "result": "positive", "date": "2024-01-01"}],
    )
    note = read_panel(case, TODAY, Notes()).phenotype[0]
    assert "interstitial lung disease present" in note.departs
    assert any("raised muscle enzymes" in d for d in note.departs)


def test_no_panel_warns_what_testing_would_add() -> None:
    notes = Notes()
    panel = read_panel(build_case(), TODAY, notes)
    assert len(panel.not_tested) == 17
    assert any("anti-TIF1γ" in w for w in notes.warnings)


def test_tif1g_notes_differ_for_juvenile_and_adult_onset() -> None:
    tif1g = [{"code": "TIF1G", "result": "positive", "date": "2024-01-01"}]
    child = build_case(birth_date="2012-01-01", onset_date="2020-01-01", antibodies=tif1g)
    adult = build_case(birth_date="1960-01-01", onset_date="2020-01-01", antibodies=tif1g)
    child_notes = read_panel(child, TODAY, Notes()).phenotype[0].notes
    adult_notes = read_panel(adult, TODAY, Notes()).phenotype[0].notes
    assert any("juvenile" in n for n in child_notes)
    assert not any("cancer prevalence" in n for n in child_notes)
    assert any("cancer prevalence" in n for n in adult_notes)
    assert not any("juvenile" in n for n in adult_notes)
