"""WHO grade of a gastroenteropancreatic neuroendocrine neoplasm (used by the tumour stage).

Thresholds are data (``knowledge/who_gep_net_grading.yaml``). Ki-67 and the mitotic count are
graded separately and the higher grade wins. Mitotic counts are converted to mitoses per 2 mm²
before grading: "per mm²" doubles; "per 10 HPF" uses the microscope's field diameter when given
(area of one field = π(d/2)²) and otherwise the WHO convention that 10 HPF ≈ 2 mm², which is
stated in ``warnings`` because a wide-field microscope makes it wrong by up to about 20 %.
Converted counts are compared unrounded, so a converted 1.99 stays G1.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import MitoticCount, Tumour, TumourHistology, TumourSite
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway.common import NotAssessed

__all__ = [
    "Grade",
    "GradeResult",
    "HistologyKind",
    "WhoGepNetGrading",
    "grade_tumour",
    "grading_rules",
    "mitoses_per_2mm2",
]

Grade = Literal["G1", "G2", "G3", "NEC"]
HistologyKind = Literal["net", "nec", "minen", "not_nen"]
_NET_ORDER: tuple[Grade, ...] = ("G1", "G2", "G3")


# --------------------------------------------------------------------------- knowledge schema
class _Thresholds(KnowledgeModel):
    g1_below: float
    g2_up_to: float
    source: str
    verified: Verified

    def grade(self, value: float) -> Grade:
        if value < self.g1_below:
            return "G1"
        if value <= self.g2_up_to:
            return "G2"
        return "G3"


class _Sourced(KnowledgeModel):
    source: str
    verified: Verified


class _MitoticCountRules(KnowledgeModel):
    assumed_area_of_10hpf_mm2: float = Field(gt=0)
    assumption_source: str
    assumption_verified: Verified
    conversion_source: str
    conversion_verified: Verified


class _Legacy(KnowledgeModel):
    g1_up_to: float
    g2_from: float
    source: str
    verified: Verified


class WhoGepNetGrading(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    ki67_percent: _Thresholds
    mitoses_per_2mm2: _Thresholds
    higher_grade_wins: _Sourced
    histology: dict[TumourHistology, HistologyKind]
    histology_source: str
    histology_verified: Verified
    gep_sites: list[TumourSite]
    gep_sites_verified: Verified
    mitotic_count: _MitoticCountRules
    legacy_who2010: _Legacy


def grading_rules() -> WhoGepNetGrading:
    return knowledge.load("who_gep_net_grading", WhoGepNetGrading)


# --------------------------------------------------------------------------- output
class GradeResult(BaseModel):
    """The grade of one tumour and how it was reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    grade: Grade | None
    histology_kind: HistologyKind
    basis: str = Field(description="which index decided the grade, in words")
    ki67_grade: Grade | None = None
    mitotic_grade: Grade | None = None
    mitoses_per_2mm2: float | None = Field(
        default=None, description="mitotic count converted to per 2 mm² (unrounded)"
    )
    mitoses_assumed_area: bool = Field(
        default=False, description="True when 10 HPF was taken as 2 mm² (no field diameter)"
    )
    warnings: list[str] = Field(default_factory=list)
    not_assessed: list[NotAssessed] = Field(default_factory=list)
    source: str


# --------------------------------------------------------------------------- rules
def mitoses_per_2mm2(count: MitoticCount, assumed_area_of_10hpf_mm2: float) -> tuple[float, bool]:
    """The count per 2 mm² and whether the 10 HPF area had to be assumed."""
    if count.per == "2mm2":
        return count.count, False
    if count.per == "mm2":
        return count.count * 2, False
    if count.field_diameter_mm is None:
        return count.count * 2 / assumed_area_of_10hpf_mm2, True
    area_of_10hpf = 10 * math.pi * (count.field_diameter_mm / 2) ** 2
    return count.count * 2 / area_of_10hpf, False


def grade_tumour(tumour: Tumour) -> GradeResult:
    """WHO 2019/2022 grade of one tumour (pure; no notes side effects)."""
    rules = grading_rules()
    kind = rules.histology[tumour.histology]
    source = rules.source
    histology = tumour.histology.value.replace("_", " ")

    if kind == "not_nen":
        return GradeResult(
            grade=None,
            histology_kind=kind,
            basis=f"WHO neuroendocrine grading does not apply to {histology}",
            source=source,
        )
    if tumour.site not in rules.gep_sites:
        return GradeResult(
            grade=None,
            histology_kind=kind,
            basis=f"WHO digestive-system NEN grading is not defined for site {tumour.site.value}",
            warnings=[
                f"grading for site {tumour.site.value} not supported (the WHO Ki-67/mitotic "
                "grades apply to digestive-system neuroendocrine neoplasms)"
            ],
            source=source,
        )
    if kind == "minen":
        return GradeResult(
            grade=None,
            histology_kind=kind,
            basis="MiNEN: each component is graded separately (not supported as one grade)",
            warnings=["mixed neuroendocrine-non-neuroendocrine neoplasm: grade each component"],
            source=rules.histology_source,
        )

    warnings: list[str] = []
    mitoses: float | None = None
    assumed = False
    if tumour.mitoses is not None:
        mitoses, assumed = mitoses_per_2mm2(
            tumour.mitoses, rules.mitotic_count.assumed_area_of_10hpf_mm2
        )
        if assumed:
            warnings.append(
                f"mitoses {tumour.mitoses.count:g} per 10 HPF converted assuming 10 HPF = "
                f"{rules.mitotic_count.assumed_area_of_10hpf_mm2:g} mm² (field diameter not "
                "given; give mitoses.field_diameter_mm for an exact conversion)"
            )
    ki67 = tumour.ki67_percent
    ki67_grade = rules.ki67_percent.grade(ki67) if ki67 is not None else None
    mitotic_grade = rules.mitoses_per_2mm2.grade(mitoses) if mitoses is not None else None

    if kind == "nec":
        if ki67 is not None and ki67 <= rules.ki67_percent.g2_up_to:
            warnings.append(
                f"Ki-67 {ki67:g} % is unusually low for a poorly differentiated neuroendocrine "
                "carcinoma: check the histology (a well-differentiated NET is graded instead)"
            )
        return GradeResult(
            grade="NEC",
            histology_kind=kind,
            basis="poorly differentiated neuroendocrine carcinoma: high grade by definition, "
            "not formally graded",
            ki67_grade=ki67_grade,
            mitotic_grade=mitotic_grade,
            mitoses_per_2mm2=mitoses,
            mitoses_assumed_area=assumed,
            warnings=warnings,
            source=rules.histology_source,
        )

    legacy = rules.legacy_who2010
    if ki67 is not None and legacy.g1_up_to < ki67 < legacy.g2_from:
        warnings.append(
            f"Ki-67 {ki67:g} % falls in the WHO 2010 gap (G1 ≤{legacy.g1_up_to:g} %, G2 "
            f"≥{legacy.g2_from:g} %): graded by WHO 2019/2022 (G1 <{rules.ki67_percent.g1_below:g} "
            "%); a report using WHO 2010 may state a different grade"
        )

    gaps: list[NotAssessed] = []
    grades = [g for g in (ki67_grade, mitotic_grade) if g is not None]
    if not grades:
        gaps.append(
            NotAssessed(
                item="grade",
                reason="neither Ki-67 nor a mitotic count is given",
                would_change=(
                    f"Ki-67 <{rules.ki67_percent.g1_below:g} % and mitoses "
                    f"<{rules.mitoses_per_2mm2.g1_below:g}/2 mm² give G1; "
                    f"Ki-67 {rules.ki67_percent.g1_below:g}–{rules.ki67_percent.g2_up_to:g} % or "
                    f"{rules.mitoses_per_2mm2.g1_below:g}–{rules.mitoses_per_2mm2.g2_up_to:g} "
                    "mitoses G2; above either upper limit G3"
                ),
            )
        )
        return GradeResult(
            grade=None,
            histology_kind=kind,
            basis="not graded: no Ki-67 index and no mitotic count",
            warnings=warnings,
            not_assessed=gaps,
            source=source,
        )
    grade = max(grades, key=_NET_ORDER.index)

    if ki67_grade is None:
        gaps.append(_missing("ki67_percent", "Ki-67 index", grade, rules.ki67_percent, " %"))
        basis = f"mitotic count only ({_mitoses_text(mitoses)}); Ki-67 not given"
    elif mitotic_grade is None:
        gaps.append(_missing("mitoses", "mitotic count", grade, rules.mitoses_per_2mm2, "/2 mm²"))
        basis = f"Ki-67 only ({ki67:g} %); mitotic count not given"
    elif ki67_grade == mitotic_grade:
        basis = f"Ki-67 {ki67:g} % and mitoses {_mitoses_text(mitoses)} both {grade}"
    else:
        higher = "Ki-67" if grade == ki67_grade else "mitotic count"
        basis = (
            f"{higher} decides (higher grade wins): Ki-67 {ki67:g} % → {ki67_grade}, "
            f"mitoses {_mitoses_text(mitoses)} → {mitotic_grade}"
        )
    return GradeResult(
        grade=grade,
        histology_kind=kind,
        basis=basis,
        ki67_grade=ki67_grade,
        mitotic_grade=mitotic_grade,
        mitoses_per_2mm2=mitoses,
        mitoses_assumed_area=assumed,
        warnings=warnings,
        not_assessed=gaps,
        source=f"{source}; {rules.higher_grade_wins.source}",
    )


def _mitoses_text(value: float | None) -> str:
    return "not given" if value is None else f"{round(value, 2):g}/2 mm²"


def _missing(item: str, label: str, grade: Grade, limits: _Thresholds, unit: str) -> NotAssessed:
    if grade == "G1":
        change = (
            f"a {label} of {limits.g1_below:g}–{limits.g2_up_to:g}{unit} would make it G2, "
            f"above {limits.g2_up_to:g}{unit} G3"
        )
    elif grade == "G2":
        change = f"a {label} above {limits.g2_up_to:g}{unit} would make it G3"
    else:
        change = "nothing: the grade is already G3"
    return NotAssessed(
        item=item, reason=f"{label} not given; graded on the other index alone", would_change=change
    )
