"""AJCC 8th TNM stage of a pancreatic neuroendocrine tumour (used by the tumour stage).

Definitions are data (``knowledge/ajcc8_pancreas_net.yaml``); this module applies them.

Decisions worth knowing:

* **T1 at exactly 20 mm.** Sources disagree ("<2 cm" vs "2 cm or less"). We follow the AJCC 8th
  table wording "<2 cm", so 20.0 mm is T2, and the result says so whenever a tumour measures
  exactly 20 mm.
* **Nodes not described.** When ``nodes`` is missing but ``metastases`` is M0 (imaging found no
  distant disease) the nodes are taken as cN0 and the assumption is stated. Without M0 the node
  status is unknown; the stage is still given when every possible N gives the same group (e.g.
  T4 is stage III whether N0 or N1; any M1 is stage IV).
* **Clinical vs pathological.** Before resection everything is clinical (cT cN cM). After
  resection (``resected_date`` set) T is pathological. N is pathological only if the case gives a
  node status for the resected tumour — the case model cannot say how many nodes were examined,
  so a given status is taken as pN; when nodes are missing after resection the N stays the
  clinical cN0 assumption and the basis says "pathological T, clinical N" (a small tumour may be
  enucleated without node sampling). M is always clinical here (the case does not say whether a
  metastasis was proven by biopsy).
* **Multiple tumours** are staged one by one; the AJCC (#)/(m) suffix is not added.
"""

from __future__ import annotations

from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import (
    MetastasisStatus,
    NodeStatus,
    Tumour,
    TumourHistology,
    TumourInvasion,
    TumourSite,
)
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway.common import NotAssessed

__all__ = ["Ajcc8PancreasNet", "Stage", "StageResult", "stage_tumour", "staging_rules"]

TCategory = Literal["T1", "T2", "T3", "T4"]
NCategory = Literal["N0", "N1"]
MCategory = Literal["M0", "M1a", "M1b", "M1c"]
Stage = Literal["I", "II", "III", "IV"]
_T_ORDER: tuple[TCategory, ...] = ("T1", "T2", "T3", "T4")


# --------------------------------------------------------------------------- knowledge schema
class _SizeLimits(KnowledgeModel):
    t1_below: float
    t2_up_to: float
    source: str
    verified: Verified
    boundary_20mm_note: str
    boundary_20mm_verified: Verified


class _StageGroup(KnowledgeModel):
    stage: Stage
    t: list[TCategory]
    n: list[NCategory]
    m: list[MCategory]


class Ajcc8PancreasNet(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    staged_histologies: list[TumourHistology]
    staged_sites: list[TumourSite]
    exocrine_histologies: list[TumourHistology]
    exocrine_note: str
    exocrine_source: str
    exocrine_verified: Verified
    t_size_mm: _SizeLimits
    invasion: dict[TumourInvasion, Literal["T3", "T4"] | None]
    invasion_source: str
    invasion_verified: Verified
    m_categories: dict[MCategory, str]
    m_verified: Verified
    stage_groups: list[_StageGroup]
    stage_groups_source: str
    stage_groups_verified: Verified
    node_assumption: str
    node_assumption_verified: Verified


def staging_rules() -> Ajcc8PancreasNet:
    return knowledge.load("ajcc8_pancreas_net", Ajcc8PancreasNet)


# --------------------------------------------------------------------------- output
class StageResult(BaseModel):
    """TNM and stage group of one tumour, with the basis of each category."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    applicable: bool = Field(description="False when AJCC pancreatic NET staging does not apply")
    system: str | None = None
    t: TCategory | None = None
    n: NCategory | None = None
    m: MCategory | None = None
    stage: Stage | None = None
    basis: str | None = Field(
        default=None, description="'clinical', 'pathological' or 'pathological T, clinical N'"
    )
    tnm: str | None = Field(default=None, description="e.g. 'cT1 cN0 cM0'")
    t_reason: str | None = None
    note: str | None = Field(
        default=None, description="why staging does not apply, when it does not"
    )
    warnings: list[str] = Field(default_factory=list)
    not_assessed: list[NotAssessed] = Field(default_factory=list)
    source: str | None = None


# --------------------------------------------------------------------------- rules
def stage_tumour(tumour: Tumour) -> StageResult:
    rules = staging_rules()
    if tumour.site not in rules.staged_sites:
        return StageResult(
            applicable=False,
            note=f"staging for this site ({tumour.site.value}) not supported",
        )
    if tumour.histology in rules.exocrine_histologies:
        return StageResult(
            applicable=False,
            note="NET staging does not apply; staged as exocrine carcinoma "
            "(exocrine pancreatic staging is not supported by this tool)",
            source=rules.exocrine_source,
        )
    if tumour.histology not in rules.staged_histologies:
        return StageResult(
            applicable=False,
            note=f"staging for this histology ({tumour.histology.value.replace('_', ' ')}) "
            "not supported",
        )

    warnings: list[str] = []
    gaps: list[NotAssessed] = []
    if tumour.size_mm is None:  # named without a size (e.g. a case report): T cannot be read
        return StageResult(
            applicable=True,
            system="AJCC 8th edition, neuroendocrine tumours of the pancreas",
            note="tumour size not stated: T category and stage group not assessed",
            not_assessed=[
                NotAssessed(
                    item="T category",
                    reason="tumour size not stated",
                    would_change="a measured size gives the T category and the stage group",
                )
            ],
            source=f"{rules.source}; {rules.stage_groups_source}",
        )
    t, t_reason = _t_category(tumour, rules, warnings)
    resected = tumour.resected_date is not None

    n: NCategory | None
    if tumour.nodes in (NodeStatus.N0, NodeStatus.N1):
        n = "N0" if tumour.nodes == NodeStatus.N0 else "N1"
        n_prefix = "p" if resected else "c"
    elif tumour.nodes is None and tumour.metastases == MetastasisStatus.M0:
        n, n_prefix = "N0", "c"
        warnings.append(
            "regional nodes not described; imaging showed no distant metastasis (M0): "
            "nodes taken as cN0 (assumption; give tumours[].nodes to confirm)"
        )
    else:
        n, n_prefix = None, "c"
        gaps.append(
            NotAssessed(
                item="nodes",
                reason="regional node status not given"
                if tumour.nodes is None
                else "regional nodes recorded as NX (cannot be assessed)",
                would_change="N1 (node involvement) makes a non-metastatic tumour stage III",
            )
        )

    m: MCategory | None
    if tumour.metastases is None or tumour.metastases == MetastasisStatus.MX:
        m = None
        gaps.append(
            NotAssessed(
                item="metastases",
                reason="distant metastasis status not given"
                if tumour.metastases is None
                else "distant metastases recorded as MX",
                would_change="any distant metastasis (M1a/M1b/M1c) makes it stage IV",
            )
        )
    else:
        m = cast(MCategory, tumour.metastases.value)

    stage = _stage_group(t, n, m, rules)
    if stage is None:
        gaps.append(
            NotAssessed(
                item="stage",
                reason="stage group depends on the missing node or metastasis status",
                would_change="give tumours[].nodes and tumours[].metastases",
            )
        )

    if not resected:
        basis = "clinical"
    elif n_prefix == "p" or n is None:
        basis = "pathological"
    else:
        basis = "pathological T, clinical N"
        warnings.append(
            "resected tumour without a reported pathological node status: N stays the clinical "
            "cN0 assumption (nodes may not have been sampled)"
        )
    t_prefix = "p" if resected else "c"
    tnm = " ".join(
        [
            f"{t_prefix}{t}",
            f"{n_prefix}{n}" if n is not None else f"{n_prefix}NX",
            f"c{m}" if m is not None else "cMX",
        ]
    )
    return StageResult(
        applicable=True,
        system="AJCC 8th edition, neuroendocrine tumours of the pancreas",
        t=t,
        n=n,
        m=m,
        stage=stage,
        basis=basis,
        tnm=tnm,
        t_reason=t_reason,
        warnings=warnings,
        not_assessed=gaps,
        source=f"{rules.source}; {rules.stage_groups_source}",
    )


def _t_category(
    tumour: Tumour, rules: Ajcc8PancreasNet, warnings: list[str]
) -> tuple[TCategory, str]:
    size = rules.t_size_mm
    assert tumour.size_mm is not None  # stage_tumour returns early without a size
    if tumour.size_mm < size.t1_below:
        t: TCategory = "T1"
        reason = f"limited to the pancreas, {tumour.size_mm:g} mm (<{size.t1_below / 10:g} cm)"
    elif tumour.size_mm <= size.t2_up_to:
        t = "T2"
        reason = (
            f"limited to the pancreas, {tumour.size_mm:g} mm "
            f"({size.t1_below / 10:g}–{size.t2_up_to / 10:g} cm)"
        )
    else:
        t = "T3"
        reason = f"{tumour.size_mm:g} mm (>{size.t2_up_to / 10:g} cm)"
    if tumour.size_mm == size.t1_below:
        warnings.append(f"tumour measures exactly {size.t1_below:g} mm: {size.boundary_20mm_note}")

    invaded = {s: rules.invasion[s] for s in tumour.invades}
    by_invasion = [c for c in invaded.values() if c is not None]
    if by_invasion:
        worst = max(by_invasion, key=_T_ORDER.index)
        if _T_ORDER.index(worst) > _T_ORDER.index(t):
            names = ", ".join(s.value.replace("_", " ") for s, c in invaded.items() if c == worst)
            t, reason = worst, f"invades {names}"
    if TumourInvasion.peripancreatic_fat in invaded:
        warnings.append(
            "extension into peripancreatic fat is not a basis for AJCC staging (ignored for T)"
        )
    return t, reason


def _stage_group(
    t: TCategory, n: NCategory | None, m: MCategory | None, rules: Ajcc8PancreasNet
) -> Stage | None:
    """The stage group, or None when the unknown N or M could change it."""
    ns: list[NCategory] = [n] if n is not None else ["N0", "N1"]
    ms: list[MCategory] = [m] if m is not None else ["M0", "M1a"]
    stages = {_lookup(t, n_, m_, rules) for n_ in ns for m_ in ms}
    return stages.pop() if len(stages) == 1 else None


def _lookup(t: TCategory, n: NCategory, m: MCategory, rules: Ajcc8PancreasNet) -> Stage:
    for group in rules.stage_groups:
        if t in group.t and n in group.n and m in group.m:
            return group.stage
    # The stage table covers every T/N/M combination; reaching here means the data is broken.
    raise AssertionError(f"no AJCC stage group for {t} {n} {m}")
