"""Stage 1: classify the myositis by the 2017 EULAR/ACR criteria.

Weights, cut-offs, intercepts and the subgroup tree are data (``knowledge/eular_acr_2017.yaml``);
this module only applies them. Scores are summed in integer tenths (the published weights have
one decimal) and the category is decided on the published *score* thresholds: with the
back-calculated logistic intercepts, a score of exactly 5.5 gives 54.2 %, so deciding on the
probability would disagree with the paper at its own boundaries.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import (
    AntibodyCode,
    AntibodyResultValue,
    Case,
    FindingCode,
    LabCode,
    MuscleBiopsy,
    age_in_years,
)
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway.common import NotAssessed, Notes, shared_not_assessed

__all__ = [
    "BiopsyMode",
    "Category",
    "Classification",
    "EularAcr2017",
    "ScoredItem",
    "Subgroup",
    "age_at_onset",
    "classify",
    "criteria",
]

BiopsyMode = Literal["auto", "yes", "no"]
Category = Literal["definite", "probable", "possible", "not classified"]
Subgroup = Literal[
    "dermatomyositis",
    "amyopathic dermatomyositis",
    "juvenile dermatomyositis",
    "juvenile myositis other than JDM",
    "polymyositis",
    "immune-mediated necrotising myopathy",
    "inclusion body myositis",
]
_CATEGORY_ORDER: tuple[Category, ...] = ("not classified", "possible", "probable", "definite")


# --------------------------------------------------------------------------- knowledge schema
class _Basis(KnowledgeModel):
    kind: Literal["age_band", "finding", "antibody", "enzymes", "biopsy"]
    min_age: int | None = None
    max_age: int | None = None
    code: FindingCode | AntibodyCode | None = None
    codes: list[LabCode] = Field(default_factory=list)
    field: (
        Literal[
            "endomysial_infiltrate",
            "perimysial_perivascular_infiltrate",
            "perifascicular_atrophy",
            "rimmed_vacuoles",
        ]
        | None
    ) = None


class _Item(KnowledgeModel):
    id: str
    label: str
    basis: _Basis
    points_no_biopsy: int | None = None
    points_biopsy: int
    verified: Verified
    group: Literal["weakness", "skin", "biopsy"] | None = None


class _Intercept(KnowledgeModel):
    intercept: float
    verified: Verified


class _Cutoffs(KnowledgeModel):
    possible: int
    probable: int
    definite: int


class _Imnm(KnowledgeModel):
    subgroup: Literal["immune-mediated necrotising myopathy"]
    from_subgroup: Literal["polymyositis"]
    antibodies_any: list[AntibodyCode]
    biopsy_field: Literal["necrotising_features"]
    source: str
    verified: Verified


class _Subgroups(KnowledgeModel):
    applies_from_category: Category
    juvenile_below_age: int
    skin_items: list[str]
    weakness_items: list[str]
    ibm_findings_all: list[FindingCode]
    ibm_biopsy_field: str
    verified: Verified
    skin_or_biopsy_required: bool
    imnm: _Imnm


class EularAcr2017(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    items: list[_Item]
    probability_model: dict[Literal["no_biopsy", "biopsy"], _Intercept]
    categories: dict[Literal["no_biopsy", "biopsy"], _Cutoffs]
    categories_verified: Verified
    subgroups: _Subgroups


def criteria() -> EularAcr2017:
    return knowledge.load("eular_acr_2017", EularAcr2017)


# --------------------------------------------------------------------------- output
class ScoredItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    present: bool
    points: float = Field(description="points added to the score (0 when absent)")
    evidence: str
    verified: Verified


class Classification(BaseModel):
    """Contract §3 ``classification``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    criteria: str = "EULAR/ACR 2017"
    biopsy_used: bool
    score: float
    probability: float
    category: Category
    subgroup: Subgroup | None
    items: list[ScoredItem]
    not_assessed: list[NotAssessed]
    requires_biopsy: bool
    age_at_onset: float | None
    source: str


# --------------------------------------------------------------------------- rule
def age_at_onset(case: Case, as_of: date) -> tuple[float | None, bool]:
    """Age at the first symptom and whether it is exact (birthday arithmetic) or approximate
    (an approximate age, an estimated onset, or years since onset counted from a stated age)."""
    age, exact = _age_at_onset(case, as_of)
    if age is not None and (case.patient.age_approximate or case.onset_estimated):
        exact = False
    return age, exact


def _onset_caveat(case: Case, onset_age: float) -> str:
    why = []
    if case.patient.age_approximate:
        why.append("the age is approximate (stated as a decade or in words)")
    if case.onset_estimated:
        why.append("the onset is an estimate, not stated by the source")
    if not why:
        return (
            f"age at onset ({onset_age:g}) estimated from patient.age and onset_date; "
            "give birth_date for an exact age"
        )
    return (
        f"age at onset ({onset_age:g}) is approximate: {'; '.join(why)}; the age-band item "
        "holds only if the true age at onset falls in the same band"
    )


def _age_at_onset(case: Case, as_of: date) -> tuple[float | None, bool]:
    if case.onset_date is not None and case.patient.birth_date is not None:
        return float(age_in_years(case.patient.birth_date, case.onset_date)), True
    if case.onset_age is not None:
        return case.onset_age, True
    if case.onset_date is not None and case.patient.age is not None:
        # Age is stated for "today"; years since onset can be off by one around a birthday.
        return float(case.patient.age - age_in_years(case.onset_date, as_of)), False
    return None, True


def probability(intercept: float, tenths: int) -> float:
    """The model's probability of IIM for a score in tenths, to four decimals. The logistic
    curve never reaches 0 or 1; rounded, a score above about 15.2 (no biopsy) would print 1.0,
    a certainty the model does not give, so the rounded value stays inside [0.0001, 0.9999]."""
    p = round(1 / (1 + math.exp(intercept - tenths / 10)), 4)
    return min(max(p, 0.0001), 0.9999)


def classify(case: Case, as_of: date, notes: Notes, biopsy: BiopsyMode = "auto") -> Classification:
    data = criteria()
    biopsy_used = _use_biopsy(case.muscle_biopsy, biopsy)
    model: Literal["no_biopsy", "biopsy"] = "biopsy" if biopsy_used else "no_biopsy"
    if biopsy == "yes" and case.muscle_biopsy is None:
        notes.warn("--biopsy yes but the case has no muscle_biopsy: biopsy items are not assessed")

    onset_age, exact = age_at_onset(case, as_of)
    if onset_age is not None and not exact:
        notes.warn(_onset_caveat(case, onset_age))

    scored: list[ScoredItem] = []
    gaps: list[tuple[_Item, int, str]] = []  # item, points if present, reason it is unknown
    for item in data.items:
        points = item.points_biopsy if biopsy_used else item.points_no_biopsy
        if points is None:  # biopsy-only item in the no-biopsy model
            continue
        state, evidence = _judge(item, case, onset_age, exact)
        if state is None:
            gaps.append((item, points, evidence))
        else:
            scored.append(
                _scored_item(
                    item.id,
                    item.label,
                    state,
                    (points if state else 0) / 10,
                    evidence,
                    item.verified,
                )
            )

    tenths = round(sum(s.points * 10 for s in scored))
    cutoffs = data.categories[model]
    present_ids = {s.id for s in scored if s.present}
    skin = bool(present_ids & set(data.subgroups.skin_items))
    biopsy_features = biopsy_used and any(i.startswith("biopsy_") for i in present_ids)
    requires_biopsy = data.subgroups.skin_or_biopsy_required and not skin and not biopsy_features
    category = _category(tenths, cutoffs, requires_biopsy)
    subgroup, subgroup_gap = _subgroup(data, category, onset_age, present_ids, case, biopsy_used)

    not_assessed = [
        _gap(item, points, reason, tenths, cutoffs, requires_biopsy, data)
        for item, points, reason in gaps
    ]
    if subgroup_gap is not None:
        not_assessed.append(subgroup_gap)
    if requires_biopsy:
        notes.warn(
            "classification: no heliotrope rash, Gottron's papules or Gottron's sign, so by the "
            "criteria authors' rule the case needs muscle-biopsy features to be classified as IIM"
        )

    intercept = data.probability_model[model].intercept
    return Classification(
        biopsy_used=biopsy_used,
        score=tenths / 10,
        probability=probability(intercept, tenths),
        category=category,
        subgroup=subgroup,
        items=scored,
        not_assessed=not_assessed,
        requires_biopsy=requires_biopsy,
        age_at_onset=onset_age,
        source=data.source,
    )


# Frozen and all scalars, so equal items are shared, as NotAssessed gaps are (see
# common.shared_not_assessed): most items of most cases read "... recorded absent" or the like.
@lru_cache(maxsize=4096)
def _scored_item(
    item_id: str, label: str, present: bool, points: float, evidence: str, verified: Verified
) -> ScoredItem:
    return ScoredItem(
        id=item_id,
        label=label,
        present=present,
        points=points,
        evidence=evidence,
        verified=verified,
    )


def _use_biopsy(biopsy: MuscleBiopsy | None, mode: BiopsyMode) -> bool:
    if mode != "auto":
        return mode == "yes"
    return biopsy is not None and any(
        getattr(biopsy, f) is not None
        for f in (
            "endomysial_infiltrate",
            "perimysial_perivascular_infiltrate",
            "perifascicular_atrophy",
            "rimmed_vacuoles",
        )
    )


def _judge(
    item: _Item, case: Case, onset_age: float | None, exact: bool = True
) -> tuple[bool | None, str]:
    """(present?, evidence); present is None when the case has no data for the item."""
    basis = item.basis
    if basis.kind == "age_band":
        if onset_age is None:
            return None, "age at onset unknown (give birth_date and onset_date, or onset_age)"
        low = basis.min_age if basis.min_age is not None else -math.inf
        high = basis.max_age if basis.max_age is not None else math.inf
        approx = "" if exact else " (approximate)"
        return low <= onset_age < high, f"age at onset {onset_age:g} years{approx}"
    if basis.kind == "finding":
        records = [f for f in case.findings if f.code == basis.code]
        if not records:
            return None, "not recorded"
        present = [f for f in records if f.present]
        if present:
            first = present[0]
            when = f" on {first.date.isoformat()}" if first.date else ""
            return True, f"{first.code.value} present{when}" + (
                f" ({first.note})" if first.note else ""
            )
        return False, f"{records[-1].code.value} recorded absent"
    if basis.kind == "antibody":
        results = sorted((a for a in case.antibodies if a.code == basis.code), key=lambda a: a.date)
        if not results:
            return None, "not tested"
        positives = [a for a in results if a.result == AntibodyResultValue.positive]
        if positives:
            return (
                True,
                f"anti-{positives[0].code.value} positive on {positives[0].date.isoformat()}",
            )
        latest = results[-1]
        if latest.result == AntibodyResultValue.negative:
            return False, f"anti-{latest.code.value} negative on {latest.date.isoformat()}"
        # Weak or indeterminate results are not scored: the clinician should confirm them.
        return None, f"anti-{latest.code.value} {latest.result.value.replace('_', ' ')}"
    if basis.kind == "enzymes":
        labs = [lab for lab in case.labs if lab.code in basis.codes]
        if not labs:
            return None, "none of CK, LDH, AST, ALT recorded"
        raised = [lab for lab in labs if lab.is_above_uln]
        if raised:
            lab = raised[0]
            value = (
                f" {lab.value:g} {lab.unit} (ULN {lab.upper_limit:g})"
                if lab.value is not None and lab.upper_limit is not None
                else ""
            )
            return True, f"{lab.code.value.upper()} above ULN{value} on {lab.date.isoformat()}"
        if any(lab.is_above_uln is False for lab in labs):
            judged = sorted({lab.code.value.upper() for lab in labs if lab.is_above_uln is False})
            return False, f"{', '.join(judged)} within normal limits"
        return None, "values given without an upper limit of normal"
    # biopsy
    biopsy = case.muscle_biopsy
    finding = getattr(biopsy, basis.field or "", None) if biopsy is not None else None
    if finding is None:
        return None, "not reported on muscle biopsy"
    return bool(finding), f"muscle biopsy: {'present' if finding else 'absent'}"


def _category(tenths: int, cutoffs: _Cutoffs, requires_biopsy: bool) -> Category:
    if requires_biopsy or tenths < cutoffs.possible:
        return "not classified"
    if tenths < cutoffs.probable:
        return "possible"
    if tenths < cutoffs.definite:
        return "probable"
    return "definite"


def _subgroup(
    data: EularAcr2017,
    category: Category,
    onset_age: float | None,
    present: set[str],
    case: Case,
    biopsy_used: bool,
) -> tuple[Subgroup | None, NotAssessed | None]:
    tree = data.subgroups
    if _CATEGORY_ORDER.index(category) < _CATEGORY_ORDER.index(tree.applies_from_category):
        return None, None
    skin = bool(present & set(tree.skin_items))
    if onset_age is None:
        return None, NotAssessed(
            item="subgroup",
            reason="age at onset unknown",
            would_change=(
                "onset at 18 or later gives an adult subgroup; before 18, "
                + ("juvenile dermatomyositis" if skin else "juvenile myositis other than JDM")
            ),
        )
    if onset_age < tree.juvenile_below_age:
        return ("juvenile dermatomyositis" if skin else "juvenile myositis other than JDM"), None
    weakness_known = [f for f in case.findings if f.code.value in tree.weakness_items]
    weak = bool(present & set(tree.weakness_items))
    if skin:
        if weak:
            return "dermatomyositis", None
        gap = None
        if not weakness_known:
            gap = NotAssessed(
                item="objective_weakness",
                reason="no muscle strength examination recorded",
                would_change="if objective weakness were present, the subgroup would be "
                "dermatomyositis",
            )
        return "amyopathic dermatomyositis", gap
    ibm_by_findings = all(
        any(f.code == code and f.present for f in case.findings) for code in tree.ibm_findings_all
    )
    vacuoles = (
        biopsy_used
        and case.muscle_biopsy is not None
        and bool(getattr(case.muscle_biopsy, tree.ibm_biopsy_field))
    )
    if ibm_by_findings or vacuoles:
        return "inclusion body myositis", None
    return _imnm_or_polymyositis(tree.imnm, case)


def _imnm_or_polymyositis(rule: _Imnm, case: Case) -> tuple[Subgroup, NotAssessed | None]:
    """The polymyositis branch, refined to IMNM when antibody and biopsy pattern both say so."""
    positive = sorted(
        {
            a.code.value
            for a in case.antibodies
            if a.code in rule.antibodies_any and a.result == AntibodyResultValue.positive
        }
    )
    if not positive:
        return rule.from_subgroup, None
    biopsy = case.muscle_biopsy
    pattern = getattr(biopsy, rule.biopsy_field) if biopsy is not None else None
    if pattern:
        return rule.subgroup, None
    antibodies = " and ".join(f"anti-{code}" for code in positive)
    if pattern is None:
        return rule.from_subgroup, NotAssessed(
            item="imnm",
            reason=f"{antibodies} positive; muscle biopsy necrotising pattern not reported",
            would_change=f"a necrotising pattern on biopsy would make the subgroup {rule.subgroup} "
            f"({rule.source})",
        )
    return rule.from_subgroup, None


def _gap(
    item: _Item,
    points: int,
    reason: str,
    tenths: int,
    cutoffs: _Cutoffs,
    requires_biopsy: bool,
    data: EularAcr2017,
) -> NotAssessed:
    # The skin rule is lifted by a skin sign or by any biopsy feature (the same test as
    # classify's); a biopsy item is only ever a gap when the biopsy was done.
    lifts_rule = item.id in data.subgroups.skin_items or item.id.startswith("biopsy_")
    still_requires = requires_biopsy and not lifts_rule
    new_tenths = tenths + points
    new_category = _category(new_tenths, cutoffs, still_requires)
    return shared_not_assessed(
        item.id,
        reason,
        f"if present: +{points / 10:.1f} → score {new_tenths / 10:.1f}, category {new_category}",
    )
