"""Stage 2: read the myositis antibody panel.

Positives, explicit negatives and antibodies not tested, as they stood on the assessment date
(the latest result of each antibody counts), with the phenotype each positive antibody implies
and where this patient's picture fits or departs from it. Phenotype content is data
(``knowledge/antibodies.yaml``).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from myositis_cds import knowledge
from myositis_cds.case import AntibodyCode, AntibodyResult, AntibodyResultValue, Case, FindingCode
from myositis_cds.errors import KnowledgeError
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway.classification import age_at_onset
from myositis_cds.pathway.common import Notes

__all__ = ["AntibodyKnowledge", "AntibodyPanel", "LatestResult", "PhenotypeNote", "read_panel"]


# --------------------------------------------------------------------------- knowledge schema
class _PhenotypeFact(KnowledgeModel):
    text: str
    source: str
    verified: Verified
    population: Literal["adult", "juvenile", "all"] = "all"


class _Antibody(KnowledgeModel):
    name: str
    kind: Literal["MSA", "MAA", "other"]
    phenotype: list[_PhenotypeFact]
    typical_findings: list[FindingCode]
    atypical_findings: list[FindingCode]
    enzyme_tendency: Literal["low", "raised", "variable"]


class AntibodyKnowledge(KnowledgeModel):
    meta: KnowledgeMeta
    sources: dict[str, str]
    antibodies: dict[AntibodyCode, _Antibody]

    @model_validator(mode="after")
    def _sources_known(self) -> AntibodyKnowledge:
        for code, info in self.antibodies.items():
            for fact in info.phenotype:
                for key in fact.source.split(";"):
                    if key.strip() not in self.sources:
                        raise ValueError(f"{code.value}: unknown source key {key.strip()!r}")
        return self


# Contract order, for stable output (iterating an Enum class is slow, so once, here).
_CODES: tuple[AntibodyCode, ...] = tuple(AntibodyCode)


@cache  # the file is checked once; a failing check raises again on every call (not cached)
def antibody_knowledge() -> AntibodyKnowledge:
    data = knowledge.load("antibodies", AntibodyKnowledge)
    missing = set(_CODES) - set(data.antibodies)
    if missing:
        raise KnowledgeError(
            f"knowledge/antibodies.yaml has no entry for {sorted(m.value for m in missing)}"
        )
    return data


# --------------------------------------------------------------------------- output
class LatestResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: AntibodyCode
    name: str
    kind: Literal["MSA", "MAA", "other"]
    result: AntibodyResultValue
    date: date
    level: float | None = None
    unit: str | None = None
    earlier_results: int = Field(0, description="number of earlier results of this antibody")


class PhenotypeNote(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: AntibodyCode
    name: str
    notes: list[str]
    sources: list[str]
    verified: list[Verified]
    fits: list[str] = Field(description="features of this patient typical of the phenotype")
    departs: list[str] = Field(description="features of this patient atypical of the phenotype")


class AntibodyPanel(BaseModel):
    """Contract §3 ``antibodies`` (plus ``weak_positive``, ``indeterminate`` and ``results``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    positive: list[AntibodyCode]
    negative: list[AntibodyCode]
    not_tested: list[AntibodyCode]
    weak_positive: list[AntibodyCode]
    indeterminate: list[AntibodyCode]
    results: list[LatestResult]
    phenotype: list[PhenotypeNote]


# --------------------------------------------------------------------------- rule
def read_panel(case: Case, as_of: date, notes: Notes) -> AntibodyPanel:
    data = antibody_knowledge()
    by_code: dict[AntibodyCode, list[AntibodyResult]] = {}
    for result in sorted(case.antibodies, key=lambda a: a.date):
        by_code.setdefault(result.code, []).append(result)

    latest: list[LatestResult] = []
    for code in _CODES:
        history = by_code.get(code)
        if not history:
            continue
        last = history[-1]
        same_day = {a.result for a in history if a.date == last.date}
        if len(same_day) > 1:
            notes.warn(
                f"antibodies: anti-{code.value} has conflicting results on "
                f"{last.date.isoformat()}; the last listed is used"
            )
        info = data.antibodies[code]
        latest.append(
            LatestResult(
                code=code,
                name=info.name,
                kind=info.kind,
                result=last.result,
                date=last.date,
                level=last.level,
                unit=last.unit,
                earlier_results=len(history) - 1,
            )
        )

    def having(*values: AntibodyResultValue) -> list[AntibodyCode]:
        return [r.code for r in latest if r.result in values]

    positive = having(AntibodyResultValue.positive, AntibodyResultValue.weak_positive)
    tested = {r.code for r in latest}
    if not case.antibodies:
        notes.warn(
            "antibodies: no myositis antibody results; a myositis panel (including anti-TIF1γ, "
            "anti-NXP2, anti-MDA5, anti-SAE1) would inform phenotype and cancer risk"
        )
    population = _population(case, as_of)
    return AntibodyPanel(
        positive=positive,
        negative=having(AntibodyResultValue.negative),
        # antibodies of kind "other" (ANA, anti-Ro60, anti-Scl-70) are not myositis tests
        not_tested=[c for c in _CODES if c not in tested and data.antibodies[c].kind != "other"],
        weak_positive=having(AntibodyResultValue.weak_positive),
        indeterminate=having(AntibodyResultValue.indeterminate),
        results=latest,
        phenotype=[_phenotype(code, case, data, population) for code in positive],
    )


def _population(case: Case, as_of: date) -> set[str]:
    """Which phenotype notes apply: adult or juvenile onset, or both when age is unknown."""
    onset_age, _ = age_at_onset(case, as_of)
    if onset_age is None:
        return {"all", "adult", "juvenile"}
    return {"all", "juvenile" if onset_age < 18 else "adult"}


def _phenotype(
    code: AntibodyCode, case: Case, data: AntibodyKnowledge, population: set[str]
) -> PhenotypeNote:
    info = data.antibodies[code]
    facts = [p for p in info.phenotype if p.population in population]
    present = {f.code for f in case.findings if f.present}
    absent = {f.code for f in case.findings if not f.present} - present
    fits = [_label(c) for c in info.typical_findings if c in present]
    departs = [_label(c) + " present" for c in info.atypical_findings if c in present]
    departs += [_label(c) + " absent" for c in info.typical_findings if c in absent]
    enzymes = [lab for lab in case.labs if lab.code.value in ("ck", "aldolase", "ldh")]
    raised = [lab for lab in enzymes if lab.is_above_uln]
    normal = [lab for lab in enzymes if lab.is_above_uln is False]
    if info.enzyme_tendency == "low":
        if raised:
            departs.append("raised muscle enzymes (this antibody usually has low or normal CK)")
        elif normal:
            fits.append("normal muscle enzymes")
    elif info.enzyme_tendency == "raised":
        if raised:
            fits.append("raised muscle enzymes")
        elif normal and not raised:
            departs.append("normal muscle enzymes (raised CK is usual with this antibody)")
    return PhenotypeNote(
        code=code,
        name=info.name,
        notes=[p.text for p in facts],
        sources=sorted({data.sources[key.strip()] for p in facts for key in p.source.split(";")}),
        verified=[p.verified for p in facts],
        fits=fits,
        departs=departs,
    )


def _label(code: FindingCode) -> str:
    return code.value.replace("_", " ")
