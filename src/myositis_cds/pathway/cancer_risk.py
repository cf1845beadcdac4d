"""Stage 3a: IIM-associated cancer-risk category by the IMACS 2023 guideline.

Factors, their tiers, the rule that combines tiers into a category and the scope of the guideline
are data (``knowledge/imacs_2023_risk.yaml``); this module only applies them. The subtype and the
age at onset come from the classification stage: they are never re-derived here.

A factor is *present*, *absent* or *not assessed* (no data, or an equivocal antibody result).
Present factors are reported with their direction; not-assessed factors are listed with what they
would change, so a missing test is never read as a negative one.

Severity-graded findings (dysphagia counts only when moderate or severe): a present finding
without a recorded severity is *counted* — the safer reading for a screening decision — and the
evidence says so; ``not_assessed`` then names the category the case would have if it were mild.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import AntibodyCode, AntibodyResultValue, Case, FindingCode, Sex
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway._calendar import add_months
from myositis_cds.pathway._records import RecordsByCode, by_code
from myositis_cds.pathway.classification import Classification, Subgroup
from myositis_cds.pathway.common import NotAssessed, Notes, Recommendation, shared_not_assessed
from myositis_cds.pathway.refractory import relapse_on_therapy

__all__ = [
    "CancerRisk",
    "Category",
    "Imacs2023Risk",
    "RiskFactor",
    "Stratum",
    "Tier",
    "assess_cancer_risk",
    "categorise",
    "risk_rules",
]

Category = Literal["high", "moderate", "standard", "not applicable"]
Stratum = Literal["high", "moderate", "standard"]
Tier = Literal["high", "intermediate", "low"]
Direction = Literal["raises", "lowers"]


# --------------------------------------------------------------------------- knowledge schema
Severity = Literal["mild", "moderate", "severe"]


class _Basis(KnowledgeModel):
    kind: Literal[
        "subgroup", "antibody", "finding", "onset_age_above", "sex", "active_despite_therapy"
    ]
    subgroups: list[Subgroup] = Field(default_factory=list)
    code: AntibodyCode | FindingCode | None = None
    age: int | None = None
    sex: Literal["male", "female"] | None = None
    severities: list[Severity] = Field(
        default_factory=list, description="finding counts only at these severities (empty: any)"
    )
    see_also: FindingCode | None = None


class _Factor(KnowledgeModel):
    id: str
    label: str
    group: Literal["subtype", "antibody", "clinical"]
    tier: Tier
    basis: _Basis
    evidence: str
    source: str
    verified: Verified


class _NotApplicable(KnowledgeModel):
    subgroup: Subgroup
    reason: str
    source: str
    verified: Verified


class _Juvenile(KnowledgeModel):
    reason: str
    source: str
    verified: Verified


class _Scope(KnowledgeModel):
    adult_from_age: int
    adult_from_age_verified: Verified
    juvenile_onset: _Juvenile
    diagnosed_within_years_of_onset: int
    diagnosed_within_verified: Verified
    not_applicable_subgroups: list[_NotApplicable]


class _Condition(KnowledgeModel):
    tier: Tier
    at_least: int = Field(ge=1)


class _Rule(KnowledgeModel):
    category: Literal["high", "moderate"]
    when_any: list[_Condition]


class _Combination(KnowledgeModel):
    rules: list[_Rule]
    otherwise: Literal["standard"]
    source: str
    verified: Verified


class Imacs2023Risk(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    tiers: dict[Tier, Direction]
    scope: _Scope
    factors: list[_Factor]
    combination: _Combination


def risk_rules() -> Imacs2023Risk:
    return knowledge.load("imacs_2023_risk", Imacs2023Risk)


# --------------------------------------------------------------------------- output
class RiskFactor(BaseModel):
    """One factor found present, with the direction it moves the risk and where that comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    group: Literal["subtype", "antibody", "clinical"]
    tier: Tier
    direction: Direction
    evidence: str = Field(description="the case data that made it present")
    source: str
    verified: Verified


class CancerRisk(BaseModel):
    """Contract §3 ``cancer_risk``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    guideline: str = "IMACS 2023"
    category: Category
    factors: list[RiskFactor] = Field(description="factors present, each with direction and source")
    not_assessed: list[NotAssessed] = Field(default_factory=list)
    counts: dict[Tier, int] = Field(default_factory=dict, description="present factors per tier")
    rule: str = Field(description="the rule that gave the category")
    rule_verified: Verified
    in_scope: bool | None = Field(
        description="adult onset and diagnosed within 3 years of onset (None: cannot tell)"
    )
    scope_note: str
    subgroup: Subgroup | None = None
    age_at_onset: float | None = None
    source: str


# --------------------------------------------------------------------------- dates
# --------------------------------------------------------------------------- rule
def categorise(counts: dict[Tier, int], data: Imacs2023Risk | None = None) -> tuple[Stratum, str]:
    """(category, rule text) for the number of present factors per tier."""
    data = data or risk_rules()
    for rule in data.combination.rules:
        for cond in rule.when_any:
            if counts.get(cond.tier, 0) >= cond.at_least:
                return rule.category, f"{rule.category}: >= {cond.at_least} {cond.tier}-risk"
    otherwise = data.combination.otherwise
    return otherwise, f"{otherwise}: no rule for high or moderate risk met"


def assess_cancer_risk(
    case: Case, as_of: date, classification: Classification, notes: Notes
) -> CancerRisk | None:
    data = risk_rules()
    subgroup = classification.subgroup
    onset_age = classification.age_at_onset

    records = by_code(case)
    present: list[RiskFactor] = []
    unknown: list[tuple[_Factor, str]] = []
    ungraded: list[_Factor] = []  # counted although their severity is not recorded
    for factor in data.factors:
        state, evidence = _judge(factor, case, as_of, records, subgroup, onset_age, classification)
        if state is None:
            unknown.append((factor, evidence))
        elif state:
            if factor.basis.severities and _UNGRADED in evidence:
                ungraded.append(factor)
            present.append(
                RiskFactor(
                    id=factor.id,
                    label=factor.label,
                    group=factor.group,
                    tier=factor.tier,
                    direction=data.tiers[factor.tier],
                    evidence=evidence,
                    source=factor.source,
                    verified=factor.verified,
                )
            )
    counts: dict[Tier, int] = {"high": 0, "intermediate": 0, "low": 0}
    for f in present:
        counts[f.tier] += 1
    category, rule = categorise(counts, data)
    # What a missing factor would change depends only on its tier: work that out once per tier.
    changes = {tier: _would_change(tier, counts, data) for tier in data.tiers}
    not_assessed = [shared_not_assessed(f.id, why, changes[f.tier]) for f, why in unknown]
    for factor in ungraded:
        not_assessed.append(_severity_gap(factor, counts, data))

    not_applicable = _not_applicable(data, subgroup, onset_age)
    if not_applicable is not None:
        reason, source = not_applicable
        notes.recommend(
            Recommendation(
                id="cancer_risk.not_applicable",
                summary="IMACS 2023 cancer screening not routinely required: " + _clip(reason, 80),
                detail=f"{reason}. Category {category} is what the factors would give; it is "
                "not used for screening.",
                indicator="info",
                source=source,
                evidence=[f.evidence for f in present],
            )
        )
        return CancerRisk(
            category="not applicable",
            factors=present,
            not_assessed=not_assessed,
            counts=counts,
            rule=f"not applicable: {reason}",
            rule_verified=data.combination.verified,
            in_scope=False,
            scope_note=reason,
            subgroup=subgroup,
            age_at_onset=onset_age,
            source=source,
        )

    in_scope, scope_note = _scope(case, data, onset_age, not_assessed)
    if in_scope is False:
        notes.warn(f"cancer_risk: {scope_note}; the IMACS 2023 category is given for information")
        notes.recommend(
            Recommendation(
                id="cancer_risk.outside_scope",
                summary=_clip(f"IMACS 2023 applies outside its scope here: {scope_note}", 139),
                detail=f"{scope_note}. The guideline covers adults diagnosed within "
                f"{data.scope.diagnosed_within_years_of_onset} years of symptom onset; the "
                f"category ({category}) is given with that caveat.",
                indicator="warning",
                source=f"{data.source} (legend)",
                evidence=[scope_note],
            )
        )
    if subgroup is None:
        notes.warn(
            "cancer_risk: no IIM subgroup from classification; the subtype factor is not assessed"
        )

    counted = ", ".join(f"{counts[t]} {t}" for t in ("high", "intermediate", "low"))
    notes.recommend(
        Recommendation(
            id="cancer_risk.category",
            summary=_clip(f"IMACS 2023 cancer risk: {category} ({counted}-risk factors)", 139),
            detail=f"Rule applied: {rule} (rule verification {data.combination.verified}). "
            "Present: "
            + ("; ".join(f"{f.label} [{f.tier}, {f.direction}]" for f in present) or "none")
            + f". Not assessed: {len(not_assessed)} factor(s)."
            + "".join(
                f" {f.label}: severity not recorded, counted as a high-risk factor (the safer "
                "reading for screening); see not assessed."
                for f in ungraded
            ),
            indicator="warning" if category == "high" else "info",
            source=data.combination.source,
            evidence=[f.evidence for f in present],
        )
    )
    return CancerRisk(
        category=category,
        factors=present,
        not_assessed=not_assessed,
        counts=counts,
        rule=rule,
        rule_verified=data.combination.verified,
        in_scope=in_scope,
        scope_note=scope_note,
        subgroup=subgroup,
        age_at_onset=onset_age,
        source=data.source,
    )


_UNGRADED = "severity not recorded"


def _judge(
    factor: _Factor,
    case: Case,
    as_of: date,
    records: RecordsByCode,
    subgroup: Subgroup | None,
    onset_age: float | None,
    classification: Classification,
) -> tuple[bool | None, str]:
    """(present?, evidence); present is None when the case cannot tell."""
    basis = factor.basis
    if basis.kind == "sex":
        sex = case.patient.sex
        if sex not in (Sex.male, Sex.female):
            return None, f"sex recorded as {sex.value}"
        return sex.value == basis.sex, f"{sex.value} sex"
    if basis.kind == "active_despite_therapy":
        relapse = relapse_on_therapy(case, as_of)
        if relapse is not None:
            return True, relapse.evidence
        if not records.findings(basis.code):
            return None, (
                "not recorded (neither a non-response to immunosuppression nor a relapse after "
                "remission or improvement while on therapy)"
            )
    if basis.kind == "subgroup":
        if subgroup is None:
            return None, (f"no subgroup (classification: {classification.category})")
        weak_gap = next(
            (g for g in classification.not_assessed if g.item == "objective_weakness"), None
        )
        note = f"; {weak_gap.reason}" if weak_gap is not None else ""
        return subgroup in basis.subgroups, f"EULAR/ACR 2017 subgroup: {subgroup}{note}"
    if basis.kind == "onset_age_above":
        assert basis.age is not None
        if onset_age is None:
            return None, "age at onset unknown (give birth_date and onset_date, or onset_age)"
        return onset_age > basis.age, f"age at onset {onset_age:g} years"
    if basis.kind == "antibody":
        results = records.antibodies(basis.code)
        positive = [a for a in results if a.result == AntibodyResultValue.positive]
        if positive:
            return True, f"anti-{positive[0].code.value} positive on {positive[0].date.isoformat()}"
        equivocal = [
            a
            for a in results
            if a.result in (AntibodyResultValue.weak_positive, AntibodyResultValue.indeterminate)
        ]
        if equivocal:
            last = equivocal[-1]
            return None, f"anti-{last.code.value} {last.result.value.replace('_', ' ')}"
        if results:
            return False, f"anti-{results[-1].code.value} negative"
        return None, "not tested"
    # finding (and the recorded-non-response part of active_despite_therapy)
    findings = records.findings(basis.code)
    shown = [f for f in findings if f.present]
    name = str(basis.code.value if basis.code else "").replace("_", " ")
    if shown and basis.severities:
        graded = [f for f in shown if f.severity in basis.severities]
        if graded:
            first = graded[0]
            when = f" on {first.date.isoformat()}" if first.date else ""
            return True, f"{name} present{when} ({first.severity})"
        ungraded = [f for f in shown if f.severity is None]
        if ungraded:
            first = ungraded[0]
            when = f" on {first.date.isoformat()}" if first.date else ""
            return True, (
                f"{name} present{when}, {_UNGRADED}: counted as "
                f"{' or '.join(basis.severities)} (the safer reading for screening)"
            )
        return False, (
            f"{name} present but {shown[0].severity}: only {' or '.join(basis.severities)} counts"
        )
    if shown:
        first = shown[0]
        when = f" on {first.date.isoformat()}" if first.date else ""
        return True, f"{name} present{when}"
    if findings:
        return False, f"{name} recorded absent"
    related = records.findings(basis.see_also) if basis.see_also is not None else []
    if any(f.present for f in related) and basis.see_also is not None:
        return None, (
            f"not recorded ({basis.see_also.value.replace('_', ' ')} is recorded, which alone "
            f"is not this factor; record {basis.code.value if basis.code else ''} if present)"
        )
    return None, "not recorded"


def _severity_gap(factor: _Factor, counts: dict[Tier, int], data: Imacs2023Risk) -> NotAssessed:
    """A factor counted without its severity: what the category would be if it were mild."""
    fewer = dict(counts)
    fewer[factor.tier] -= 1
    now, _ = categorise(counts, data)
    then, _ = categorise(fewer, data)
    outcome = f"category {then} instead of {now}" if then != now else f"category stays {now}"
    severities = " or ".join(factor.basis.severities)
    return NotAssessed(
        item=f"{factor.id}_severity",
        reason=f"{factor.label}: {_UNGRADED}; counted as {severities} (the safer reading for "
        "screening)",
        would_change=f"if mild: not a {factor.tier}-risk factor, {outcome}",
    )


def _would_change(tier: Tier, counts: dict[Tier, int], data: Imacs2023Risk) -> str:
    """What one more factor of ``tier``, were it present, would do to the category."""
    if data.tiers[tier] == "lowers":
        return "if present: reported as a lower-risk feature; the category would not change"
    more = dict(counts)
    more[tier] = more.get(tier, 0) + 1
    now, _ = categorise(counts, data)
    then, _ = categorise(more, data)
    return (
        f"if present: category {then} instead of {now}"
        if then != now
        else f"if present: category stays {now}"
    )


def _not_applicable(
    data: Imacs2023Risk, subgroup: Subgroup | None, onset_age: float | None
) -> tuple[str, str] | None:
    """(reason, source) when the guideline does not apply to this patient."""
    for rule in data.scope.not_applicable_subgroups:
        if subgroup == rule.subgroup:
            return f"{rule.reason} (subgroup {subgroup})", rule.source
    if onset_age is not None and onset_age < data.scope.adult_from_age:
        juvenile = data.scope.juvenile_onset
        return f"{juvenile.reason} (onset at {onset_age:g} years)", juvenile.source
    return None


def _scope(
    case: Case, data: Imacs2023Risk, onset_age: float | None, gaps: list[NotAssessed]
) -> tuple[bool | None, str]:
    years = data.scope.diagnosed_within_years_of_onset
    if onset_age is None:
        gaps.append(
            NotAssessed(
                item="adult_onset",
                reason="age at onset unknown",
                would_change=f"onset before {data.scope.adult_from_age} years: the guideline "
                "does not apply (juvenile onset)",
            )
        )
    if case.onset_date is None or case.diagnosis_date is None:
        missing = "onset_date" if case.onset_date is None else "diagnosis_date"
        gaps.append(
            NotAssessed(
                item="diagnosed_within_3_years",
                reason=f"{missing} not given",
                would_change=f"diagnosis more than {years} years after symptom onset: outside "
                "the guideline's scope (category given with a warning)",
            )
        )
        return None, f"time from onset to diagnosis unknown ({missing} not given)"
    limit = add_months(case.onset_date, 12 * years)
    months = _whole_months(case.onset_date, case.diagnosis_date)
    span = f"diagnosed {months} months after symptom onset"
    if case.diagnosis_date > limit:
        return False, f"{span}, more than {years} years"
    return (None if onset_age is None else True), span


def _whole_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
