"""Stage 4: tumour work-up — grade, stage, functional status, management options, follow-up.

For each tumour the case records (already cut to ``as_of``):

1. **Grade** (WHO 2019/2022, :mod:`~myositis_cds.pathway.tumour_grading`).
2. **Stage** (AJCC 8th pancreatic NET, :mod:`~myositis_cds.pathway.tumour_staging`).
3. **Functional status**: non-functional, or the named syndrome with the hormone tests that prove
   it; when not stated, "not assessed" with the syndromes to check.
4. **Management options** for a localised pancreatic NET (data: ``pnet_management.yaml``):
   functional → resection; non-functional with any trigger (> 2 cm, G3, N1, T3/T4, symptoms,
   main-duct dilatation) → resection; non-functional ≤ 2 cm, G1 or low G2 (Ki-67 ≤ 5 %: a project
   convention, not a guideline criterion; options resting on it say so in ``basis``) without a
   trigger → active surveillance (the guideline default) with resection as the alternative.
   **Paraneoplastic modifier**: when the myositis is refractory to immunosuppression
   (:func:`~myositis_cds.pathway.refractory.assess_refractory`) and this tumour is the only
   neoplasm recorded, resection is shown as an option to discuss, with the published reports —
   next to the guideline default, never instead of it. The case is a myositis case by
   construction, so "has myositis" is not re-checked here.
   The options describe the decision at work-up; once the tumour is resected the resection
   option is marked ``taken`` and the follow-up switches to the post-resection schedule.
5. **Follow-up** as a dated schedule (:mod:`~myositis_cds.pathway.tumour_follow_up`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import Case, Tumour, TumourSite, TumourSyndrome
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway.common import Indicator, NotAssessed, Notes, Recommendation
from myositis_cds.pathway.refractory import RefractoryStatus, assess_refractory
from myositis_cds.pathway.tumour_follow_up import (
    FollowUp,
    FollowUpRules,
    no_follow_up,
    plan_follow_up,
)
from myositis_cds.pathway.tumour_grading import Grade, GradeResult, grade_tumour
from myositis_cds.pathway.tumour_staging import StageResult, stage_tumour

__all__ = [
    "ManagementOption",
    "OptionBasis",
    "PnetManagement",
    "TumourAssessment",
    "management_rules",
    "work_up_tumours",
]

OptionBasis = Literal[
    "guideline", "guideline alternative", "paraneoplastic modifier", "project convention"
]
_OptionKey = Literal[
    "surveillance", "resection_alternative", "resection", "functional", "metastatic", "carcinoma"
]


# --------------------------------------------------------------------------- knowledge schema
class _Syndrome(KnowledgeModel):
    label: str
    hallmarks: str
    tests: list[str]
    source: str
    verified: Verified


class _Triggers(KnowledgeModel):
    size_above_mm: float
    grades: list[Grade]
    nodes: list[Literal["N0", "N1"]]
    t_categories: list[Literal["T1", "T2", "T3", "T4"]]
    symptomatic: bool
    main_duct_dilated: bool
    source: str
    verified: Verified
    main_duct_source: str
    main_duct_verified: Verified


class _Surveillance(KnowledgeModel):
    max_size_mm: float
    grades: list[Grade]
    g2_max_ki67_percent: float
    observation_only_up_to_mm: float
    modality: str
    source: str
    verified: Verified
    g2_ki67_basis: Literal["project convention", "guideline"]
    g2_ki67_reasoning: str
    g2_ki67_source: str
    g2_ki67_verified: Verified


class _OptionText(KnowledgeModel):
    option: str
    source: str
    verified: Verified


class _Report(KnowledgeModel):
    citation: str
    summary: str
    verified: Verified


class _Paraneoplastic(KnowledgeModel):
    option: str
    requires: str
    rationale: str
    reports: list[_Report]
    source: str
    verified: Verified


class PnetManagement(KnowledgeModel):
    meta: KnowledgeMeta
    syndromes: dict[TumourSyndrome, _Syndrome]
    syndromes_policy: str
    syndromes_policy_source: str
    syndromes_policy_verified: Verified
    resection_triggers: _Triggers
    surveillance: _Surveillance
    options: dict[_OptionKey, _OptionText]
    follow_up: FollowUpRules
    paraneoplastic: _Paraneoplastic


def management_rules() -> PnetManagement:
    return knowledge.load("pnet_management", PnetManagement)


# --------------------------------------------------------------------------- output
class ManagementOption(BaseModel):
    """Contract §3 ``tumours[].options[]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    option: str
    recommended: bool = Field(description="what the guideline recommends for this tumour")
    rationale: str
    source: str
    basis: OptionBasis
    verified: Verified
    taken: bool = Field(default=False, description="the option has been carried out")


class TumourAssessment(BaseModel):
    """Contract §3 ``tumours[]``: one tumour's grade, stage, options and follow-up."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    index: int = Field(description="position in the case's tumours list")
    site: str
    histology: str
    functional: bool | None
    functional_status: str = Field(description="'non-functional', the syndrome, or 'not assessed'")
    hormone_tests: list[str] = Field(default_factory=list)
    size_mm: float | None
    found_date: date
    found_date_latest: bool = Field(
        default=False, description="found_date is only the latest date (the source gives none)"
    )
    resected_date: date | None
    grade: Grade | None
    grade_basis: str
    ki67_percent: float | None
    mitoses_per_2mm2: float | None = Field(description="converted count, rounded to 2 decimals")
    t: str | None
    n: str | None
    m: str | None
    stage: str | None
    basis: str | None = Field(description="clinical / pathological basis of the TNM")
    tnm: str | None
    staging_note: str | None
    options: list[ManagementOption]
    paraneoplastic: str | None = Field(
        default=None, description="whether the paraneoplastic modifier applies, and why"
    )
    follow_up: FollowUp
    warnings: list[str] = Field(default_factory=list)
    not_assessed: list[NotAssessed] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- stage
def work_up_tumours(case: Case, as_of: date, notes: Notes) -> list[TumourAssessment] | None:
    """Work up every recorded tumour; an empty list when the case records none."""
    rules = management_rules()
    refractory = assess_refractory(case, as_of) if case.tumours else None
    out: list[TumourAssessment] = []
    for index, tumour in enumerate(case.tumours):
        assessment = _work_up(index, tumour, case, as_of, refractory, rules, notes)
        for warning in assessment.warnings:
            notes.warn(f"tumours[{index}]: {warning}")
        out.append(assessment)
    return out


def _work_up(
    index: int,
    tumour: Tumour,
    case: Case,
    as_of: date,
    refractory: RefractoryStatus | None,
    rules: PnetManagement,
    notes: Notes,
) -> TumourAssessment:
    graded = grade_tumour(tumour)
    staged = stage_tumour(tumour)
    warnings = [*graded.warnings, *staged.warnings]
    gaps = [*graded.not_assessed, *staged.not_assessed]
    functional, functional_status, tests = _functional(tumour, graded, rules, gaps, warnings)

    options: list[ManagementOption] = []
    paraneoplastic: str | None = None
    follow_up = no_follow_up("follow-up schedules cover pancreatic neuroendocrine tumours only")
    label = _label(tumour, graded)
    if tumour.site == TumourSite.pancreas and graded.histology_kind in ("nec", "minen"):
        options.append(
            _option(
                rules,
                "carcinoma",
                True,
                "neuroendocrine carcinoma or MiNEN: the NET pathway does not apply",
                "guideline",
            )
        )
        follow_up = no_follow_up("follow-up of neuroendocrine carcinoma / MiNEN not supported")
    elif (
        tumour.site == TumourSite.pancreas
        and graded.histology_kind == "net"
        and tumour.size_mm is None
    ):
        gaps.append(
            NotAssessed(
                item="size",
                reason="tumour size not stated",
                would_change="a measured size decides between surveillance and resection and "
                "gives the T category",
            )
        )
        follow_up = no_follow_up("tumour size not stated: follow-up schedule not chosen")
    elif tumour.site == TumourSite.pancreas and graded.histology_kind == "net":
        options, surveillance_default, paraneoplastic = _options(
            index, tumour, case, as_of, graded, staged, functional, refractory, rules, gaps
        )
        follow_up = _follow_up(
            tumour, case, as_of, graded.grade, staged, surveillance_default, rules
        )
        _recommend(index, label, tumour, options, follow_up, refractory, notes)
    elif graded.histology_kind != "not_nen":
        warnings.append(f"management options for site {tumour.site.value} not supported")
    else:
        warnings.append(
            f"{tumour.histology.value.replace('_', ' ')}: grading, staging and management "
            "options are not supported (only neuroendocrine neoplasms are worked up)"
        )

    sources = [graded.source]
    if staged.source:
        sources.append(staged.source)
    return TumourAssessment(
        index=index,
        site=tumour.site.value,
        histology=tumour.histology.value,
        functional=functional,
        functional_status=functional_status,
        hormone_tests=tests,
        size_mm=tumour.size_mm,
        found_date=tumour.found_date,
        found_date_latest=tumour.found_date_latest,
        resected_date=tumour.resected_date,
        grade=graded.grade,
        grade_basis=graded.basis,
        ki67_percent=tumour.ki67_percent,
        mitoses_per_2mm2=(
            round(graded.mitoses_per_2mm2, 2) if graded.mitoses_per_2mm2 is not None else None
        ),
        t=staged.t,
        n=staged.n,
        m=staged.m,
        stage=staged.stage,
        basis=staged.basis,
        tnm=staged.tnm,
        staging_note=staged.note,
        options=options,
        paraneoplastic=paraneoplastic,
        follow_up=follow_up,
        warnings=warnings,
        not_assessed=gaps,
        sources=sources,
    )


# --------------------------------------------------------------------------- functional status
def _functional(
    tumour: Tumour,
    graded: GradeResult,
    rules: PnetManagement,
    gaps: list[NotAssessed],
    warnings: list[str],
) -> tuple[bool | None, str, list[str]]:
    if graded.histology_kind == "not_nen":
        return tumour.functional, "not applicable", []
    if tumour.syndrome is not None:
        syndrome = rules.syndromes[tumour.syndrome]
        if tumour.functional is None:
            warnings.append(f"syndrome {tumour.syndrome.value} given: taken as functional")
        return True, syndrome.label, list(syndrome.tests)
    check = "; ".join(f"{s.label}: {s.hallmarks}" for s in rules.syndromes.values())
    if tumour.functional is True:
        gaps.append(
            NotAssessed(
                item="syndrome",
                reason="functional tumour without a named syndrome",
                would_change=f"naming the syndrome selects its confirmatory tests ({check})",
            )
        )
        return True, "functional (syndrome not stated)", []
    if tumour.functional is False:
        return False, "non-functional", []
    gaps.append(
        NotAssessed(
            item="functional status",
            reason="not stated; options below assume a non-functional tumour",
            would_change="a hormonal syndrome makes resection the recommendation. Ask about: "
            f"{check}. {rules.syndromes_policy}",
        )
    )
    tests = [f"if {s.label} is suspected: {', '.join(s.tests)}" for s in rules.syndromes.values()]
    return None, "not assessed", tests


# --------------------------------------------------------------------------- options
def _options(
    index: int,
    tumour: Tumour,
    case: Case,
    as_of: date,
    graded: GradeResult,
    staged: StageResult,
    functional: bool | None,
    refractory: RefractoryStatus | None,
    rules: PnetManagement,
    gaps: list[NotAssessed],
) -> tuple[list[ManagementOption], bool, str | None]:
    """(options, whether surveillance is the guideline default, paraneoplastic note)."""
    assert tumour.size_mm is not None  # _work_up reaches the options only with a size
    if staged.m in ("M1a", "M1b", "M1c"):
        return (
            [_option(rules, "metastatic", True, f"distant metastasis ({staged.m})", "guideline")],
            False,
            None,
        )
    if functional:
        return (
            [
                _option(
                    rules,
                    "functional",
                    True,
                    "functioning tumour: hormone excess is treated by removing the tumour",
                    "guideline",
                    tumour,
                )
            ],
            False,
            None,
        )

    triggers = _resection_triggers(tumour, graded, staged, rules)
    if functional is None:
        prefix = "assuming a non-functional tumour (functional status not assessed); "
    else:
        prefix = ""
    modifier, paraneoplastic = _paraneoplastic(index, case, refractory, gaps)
    paraneoplastic_rationale = _paraneoplastic_rationale(rules, refractory)

    if triggers:
        rationale = f"{prefix}non-functional with " + "; ".join(triggers)
        if modifier:
            rationale += f". Also: {paraneoplastic_rationale}"
        return (
            [_option(rules, "resection", True, rationale, "guideline", tumour)],
            False,
            paraneoplastic,
        )

    surveillance = rules.surveillance
    low_grade, grade_gap = _low_grade(tumour, graded, surveillance)
    _gaps_for_triggers(tumour, staged, gaps)
    if low_grade is False:
        rationale = (
            f"{prefix}{tumour.size_mm:g} mm non-functional {graded.grade} with Ki-67 "
            f"{tumour.ki67_percent:g} % > {surveillance.g2_max_ki67_percent:g} %: outside "
            f"surveillance by the {surveillance.g2_ki67_basis} for 'low G2' "
            f"({surveillance.g2_ki67_reasoning.strip()})"
        )
        option = _option(rules, "resection", True, rationale, surveillance.g2_ki67_basis, tumour)
        option = option.model_copy(
            update={
                "source": f"{surveillance.g2_ki67_source}; {option.source}",
                "verified": surveillance.g2_ki67_verified,
            }
        )
        return [option], False, paraneoplastic
    if low_grade is None:
        assert grade_gap is not None
        gaps.append(grade_gap)
        undecided = (
            f"{prefix}{tumour.size_mm:g} mm non-functional; the grade needed to choose between "
            f"surveillance and resection is not known ({grade_gap.reason})"
        )
        options = [
            _option(rules, "surveillance", False, undecided, "guideline"),
            _option(
                rules, "resection_alternative", False, undecided, "guideline alternative", tumour
            ),
        ]
        if modifier:
            options[1] = _modifier_option(rules, paraneoplastic_rationale, tumour)
        return options, False, paraneoplastic

    size_band = (
        f"≤{surveillance.observation_only_up_to_mm:g} mm: observation is the listed option"
        if tumour.size_mm <= surveillance.observation_only_up_to_mm
        else f">{surveillance.observation_only_up_to_mm:g}–{surveillance.max_size_mm:g} mm: "
        "observation in selected patients, resection or enucleation also listed"
    )
    default = (
        f"{prefix}non-functional, {tumour.size_mm:g} mm (≤{surveillance.max_size_mm:g} mm), "
        f"{graded.grade}, no resection trigger ({size_band}). Imaging: {surveillance.modality}"
    )
    alternative = (
        f"small but real risk of nodal metastasis in 1–2 cm tumours; weigh surgical risk, "
        f"tumour site and comorbidity against {tumour.size_mm:g} mm {graded.grade} biology"
    )
    options = [_option(rules, "surveillance", True, default, "guideline")]
    if modifier:
        options.append(_modifier_option(rules, paraneoplastic_rationale, tumour))
    else:
        options.append(
            _option(
                rules, "resection_alternative", False, alternative, "guideline alternative", tumour
            )
        )
    return options, True, paraneoplastic


def _resection_triggers(
    tumour: Tumour, graded: GradeResult, staged: StageResult, rules: PnetManagement
) -> list[str]:
    triggers = rules.resection_triggers
    found: list[str] = []
    assert tumour.size_mm is not None  # _work_up reaches the options only with a size
    if tumour.size_mm > triggers.size_above_mm:
        found.append(f"size {tumour.size_mm:g} mm (>{triggers.size_above_mm:g} mm)")
    if graded.grade in triggers.grades:
        found.append(f"grade {graded.grade}")
    if staged.n in triggers.nodes:
        found.append(f"regional node involvement ({staged.n})")
    if staged.t in triggers.t_categories and staged.t_reason and "invades" in staged.t_reason:
        found.append(f"{staged.t}: {staged.t_reason}")
    if tumour.symptomatic is True and triggers.symptomatic:
        found.append("symptoms from the tumour")
    if tumour.main_duct_dilated is True and triggers.main_duct_dilated:
        found.append("main pancreatic duct dilatation")
    return found


def _low_grade(
    tumour: Tumour, graded: GradeResult, surveillance: _Surveillance
) -> tuple[bool | None, NotAssessed | None]:
    """Whether the grade fits surveillance: G1, or G2 with Ki-67 ≤ the low-G2 limit."""
    limit = surveillance.g2_max_ki67_percent
    if graded.grade == "G1":
        return True, None
    if graded.grade == "G2":
        if tumour.ki67_percent is None:
            return None, NotAssessed(
                item="Ki-67 for surveillance",
                reason="G2 by mitotic count; Ki-67 not given, so low vs higher G2 is unknown",
                would_change=f"Ki-67 ≤{limit:g} % keeps surveillance an option; above it, "
                f"resection is listed ({surveillance.g2_ki67_basis})",
            )
        return tumour.ki67_percent <= limit, None
    if graded.grade is None:
        return None, NotAssessed(
            item="grade for management",
            reason="tumour not graded",
            would_change=f"G1 (or G2 with Ki-67 ≤{limit:g} %) makes active surveillance the "
            "default; G3 or higher G2 makes resection the recommendation",
        )
    return False, None  # G3 is a resection trigger and never reaches here


def _gaps_for_triggers(tumour: Tumour, staged: StageResult, gaps: list[NotAssessed]) -> None:
    if tumour.symptomatic is None:
        gaps.append(
            NotAssessed(
                item="symptoms",
                reason="whether the tumour causes symptoms is not stated",
                would_change="symptoms from the tumour (pain, jaundice, pancreatitis) favour "
                "resection",
            )
        )
    if tumour.main_duct_dilated is None:
        gaps.append(
            NotAssessed(
                item="main pancreatic duct",
                reason="main-duct dilatation not stated",
                would_change="a dilated main pancreatic duct favours resection",
            )
        )


def _paraneoplastic(
    index: int, case: Case, refractory: RefractoryStatus | None, gaps: list[NotAssessed]
) -> tuple[bool, str]:
    """Whether the modifier applies, and a one-line explanation."""
    if refractory is None or refractory.refractory is None:
        reason = refractory.reason if refractory else "not judged"
        gaps.append(
            NotAssessed(
                item="paraneoplastic modifier",
                reason=f"whether the myositis is refractory cannot be judged: {reason}",
                would_change="refractory myositis with this as the only neoplasm adds resection "
                "as an option to discuss",
            )
        )
        return False, f"not assessed: refractoriness unknown ({reason})"
    if not refractory.refractory:
        return False, f"does not apply: myositis not refractory ({refractory.reason})"
    if len(case.tumours) > 1:
        return False, (
            f"does not apply: another neoplasm is recorded ({_others(index, case)}), so this "
            "tumour is not the only candidate driver"
        )
    return True, f"applies: refractory myositis ({refractory.reason}); only neoplasm recorded"


def _others(index: int, case: Case, named: int = 3) -> str:
    """The other tumours, the first few by name: listing all of them for each tumour made the
    work and the output quadratic in the number of tumours."""
    shown = [
        f"tumours[{i}] ({t.site.value})"
        for i, t in enumerate(case.tumours[: named + 1])
        if i != index
    ][:named]
    more = len(case.tumours) - 1 - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def _paraneoplastic_rationale(rules: PnetManagement, refractory: RefractoryStatus | None) -> str:
    p = rules.paraneoplastic
    reports = " ".join(
        f"[{n}] {r.citation.strip()}: {r.summary.strip()}" for n, r in enumerate(p.reports, 1)
    )
    why = refractory.reason if refractory is not None else ""
    return f"{p.rationale} Refractory: {why}. Published reports: {reports}"


def _modifier_option(rules: PnetManagement, rationale: str, tumour: Tumour) -> ManagementOption:
    p = rules.paraneoplastic
    return ManagementOption(
        option=p.option,
        recommended=False,
        rationale=rationale,
        source=f"{p.source}; {rules.options['resection_alternative'].source}",
        basis="paraneoplastic modifier",
        verified=p.verified,
        taken=tumour.resected_date is not None,
    )


def _option(
    rules: PnetManagement,
    key: _OptionKey,
    recommended: bool,
    rationale: str,
    basis: OptionBasis,
    tumour: Tumour | None = None,
) -> ManagementOption:
    text = rules.options[key]
    return ManagementOption(
        option=text.option,
        recommended=recommended,
        rationale=rationale,
        source=text.source,
        basis=basis,
        verified=text.verified,
        taken=tumour is not None and tumour.resected_date is not None,
    )


# --------------------------------------------------------------------------- follow-up
def _follow_up(
    tumour: Tumour,
    case: Case,
    as_of: date,
    grade: Grade | None,
    staged: StageResult,
    surveillance_default: bool,
    rules: PnetManagement,
) -> FollowUp:
    if grade is None or grade == "NEC":
        return no_follow_up("the grade is needed to choose the follow-up schedule")
    if tumour.resected_date is not None:
        return plan_follow_up(
            case,
            as_of,
            plan="post_resection",
            anchor=tumour.resected_date,
            grade=grade,
            rules=rules.follow_up,
        )
    if staged.m in ("M1a", "M1b", "M1c"):
        return no_follow_up(
            "metastatic disease: follow-up is set by the multidisciplinary team (not supported)"
        )
    if surveillance_default and tumour.found_date_latest:
        return no_follow_up(
            "the date the tumour was found is not stated: surveillance visits cannot be dated"
        )
    if surveillance_default:
        return plan_follow_up(
            case,
            as_of,
            plan="surveillance",
            anchor=tumour.found_date,
            grade=grade,
            rules=rules.follow_up,
        )
    return no_follow_up(
        "not on surveillance: post-resection follow-up starts once the tumour is resected"
    )


# --------------------------------------------------------------------------- recommendations
def _label(tumour: Tumour, graded: GradeResult) -> str:
    kind = {"net": "NET", "nec": "NEC", "minen": "MiNEN", "not_nen": "tumour"}[
        graded.histology_kind
    ]
    site = "Pancreatic" if tumour.site == TumourSite.pancreas else tumour.site.value.capitalize()
    grade = f" {graded.grade}" if graded.grade and graded.grade != "NEC" else ""
    size = f"{tumour.size_mm:g} mm" if tumour.size_mm is not None else "size not stated"
    return f"{site.replace('_', ' ')} {kind}{grade} {size}"


def _recommend(
    index: int,
    label: str,
    tumour: Tumour,
    options: list[ManagementOption],
    follow_up: FollowUp,
    refractory: RefractoryStatus | None,
    notes: Notes,
) -> None:
    prefix = f"tumours.{index}"

    def add(
        key: str, summary: str, detail: str, indicator: Indicator, source: str, evidence: list[str]
    ) -> None:
        notes.recommend(
            Recommendation(
                id=f"{prefix}.{key}",
                summary=summary[:139],
                detail=detail,
                indicator=indicator,
                source=source,
                evidence=evidence,
            )
        )

    if tumour.resected_date is None:
        for option in options:
            if option.recommended:
                add(
                    "management",
                    f"{label}: {option.option} ("
                    + ("guideline default" if option.basis == "guideline" else option.basis)
                    + ")",
                    option.rationale,
                    "info",
                    option.source,
                    [f"tumours[{index}]"],
                )
            elif option.basis == "paraneoplastic modifier":
                add(
                    "paraneoplastic_resection",
                    f"{label}: discuss resection - refractory myositis, only neoplasm found",
                    option.rationale,
                    "warning",
                    option.source,
                    [f"tumours[{index}]", *(refractory.evidence if refractory else [])],
                )
    current = follow_up.visits[-1] if follow_up.visits else None
    if current is not None and current.status in ("due", "overdue"):
        overdue = current.status == "overdue"
        add(
            f"follow_up.{current.status}",
            f"{label}: follow-up imaging {current.status} (window "
            f"{current.window_start.isoformat()} to {current.window_end.isoformat()})",
            f"{follow_up.reason}. {follow_up.content}",
            "warning" if overdue else "info",
            follow_up.source or "",
            [f"tumours[{index}]"],
        )
