"""Stage 5: the course over time — treatments, response, refractoriness, antibody trends, the
paraneoplastic picture and the alerts when the course turns.

Everything here reads the case through one ordered :class:`~myositis_cds.pathway.timeline.Timeline`.
Guideline content is data: the ACR/EULAR 2016 Total Improvement Score (points table, level
thresholds, per-measure percent-change conventions) in ``knowledge/acr_eular_2016_response.yaml``;
the antibody-trend conventions, the post-removal window and the alert rule in
``knowledge/paraneoplastic_course.yaml``. Refractoriness is judged by the one rule in
:mod:`myositis_cds.pathway.refractory`.

Missing core-set measures are never guessed. A response with a measure missing has no total
improvement score; it reports the bounds (points of the known measures, and that plus the most
the missing measures could add) and gives a level only when both bounds fall in the same level.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from myositis_cds import knowledge
from myositis_cds.case import (
    AntibodyCode,
    AntibodyResultValue,
    Case,
    CoreSetAssessment,
    EventKind,
    FindingCode,
    Lab,
    LabCode,
)
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway._calendar import add_days
from myositis_cds.pathway.cancer_risk import CancerRisk
from myositis_cds.pathway.classification import age_at_onset, criteria
from myositis_cds.pathway.common import Notes, Recommendation
from myositis_cds.pathway.refractory import RefractoryStatus, assess_refractory
from myositis_cds.pathway.timeline import TherapyLine, Timeline, TimelineEntry, build_timeline

__all__ = [
    "AntibodyTrend",
    "AntibodyValue",
    "Course",
    "CourseAlert",
    "Level",
    "MeasureChange",
    "ParaneoplasticCourse",
    "Population",
    "Response",
    "ResponseCriteria",
    "antibody_trend",
    "follow_course",
    "response_criteria",
    "score_response",
]

Level = Literal["none", "minimal", "moderate", "major"]
Population = Literal["adult", "juvenile", "unknown"]
Direction = Literal["rising", "falling", "stable", "insufficient_data"]
_LEVELS_UP: tuple[Level, ...] = ("minimal", "moderate", "major")
Day = date  # models below have a field named ``date``; this alias keeps the type readable


# --------------------------------------------------------------------------- knowledge schema
class _Band(KnowledgeModel):
    over: float = Field(description="points apply when the improvement is strictly above this %")
    points: float


class _Scale(KnowledgeModel):
    kind: Literal["range", "stated_maximum", "enzyme"]
    better: Literal["lower", "higher"]
    minimum: float | None = None
    maximum: float | None = None
    default_maximum: float | None = None


class _Measure(KnowledgeModel):
    id: Literal[
        "physician_global",
        "patient_global",
        "mmt8",
        "haq",
        "muscle_enzyme",
        "extramuscular_global",
    ]
    label: str
    case_field: str | None
    scale: _Scale
    convention: str
    convention_verified: Verified
    bands: list[_Band]
    verified: Verified

    @model_validator(mode="after")
    def _bands_ascend(self) -> _Measure:
        overs = [b.over for b in self.bands]
        if overs != sorted(overs) or len(set(overs)) != len(overs):
            raise ValueError(f"{self.id}: bands must ascend")
        return self

    @property
    def max_points(self) -> float:
        return max(b.points for b in self.bands)


class _Enzymes(KnowledgeModel):
    codes: list[LabCode]
    verified: Verified
    match_within_days: int = Field(ge=0)
    match_verified: Verified


class _Levels(KnowledgeModel):
    minimal: float
    moderate: float
    major: float


class _Thresholds(KnowledgeModel):
    adult: _Levels
    juvenile: _Levels
    verified: Verified


class ResponseCriteria(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    measures: list[_Measure]
    enzymes: _Enzymes
    thresholds: _Thresholds

    @model_validator(mode="after")
    def _six_measures_to_100(self) -> ResponseCriteria:
        if len({m.id for m in self.measures}) != 6:
            raise ValueError("the TIS needs each of the six core set measures once")
        if sum(m.max_points for m in self.measures) != 100:
            raise ValueError("the top bands of the six measures must add up to 100")
        return self


class _TrendRules(KnowledgeModel):
    ordinal_rank: dict[AntibodyResultValue, int]
    level_stable_within_percent: float = Field(ge=0)
    source: str
    verified: Verified
    compare: Literal["last_two"]


class _ParaneoplasticRules(KnowledgeModel):
    window_days: int = Field(gt=0)
    window_source: str
    window_verified: Verified
    activity_findings: list[FindingCode]
    improvement_events: list[EventKind]
    worsening_events: list[EventKind]
    source: str
    verified: Verified


class _AlertRules(KnowledgeModel):
    remission_events: list[EventKind]
    turn_events: list[EventKind]
    risk_categories: list[Literal["high", "moderate", "standard"]]
    source: str
    verified: Verified
    rescreen_within_days: int = Field(gt=0)
    rescreen_source: str
    rescreen_verified: Verified
    rescreen_source_text: str


class CourseKnowledge(KnowledgeModel):
    meta: KnowledgeMeta
    sources: dict[str, str]
    antibody_trend: _TrendRules
    paraneoplastic: _ParaneoplasticRules
    alerts: _AlertRules

    @model_validator(mode="after")
    def _sources_known(self) -> CourseKnowledge:
        keys = [
            self.antibody_trend.source,
            self.paraneoplastic.source,
            self.paraneoplastic.window_source,
            self.alerts.source,
            self.alerts.rescreen_source,
        ]
        for key in keys:
            if key not in self.sources:
                raise ValueError(f"unknown source key {key!r}")
        return self


def response_criteria() -> ResponseCriteria:
    return knowledge.load("acr_eular_2016_response", ResponseCriteria)


def course_knowledge() -> CourseKnowledge:
    return knowledge.load("paraneoplastic_course", CourseKnowledge)


# --------------------------------------------------------------------------- output
class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MeasureChange(_Out):
    measure: str
    label: str
    baseline: float | None
    follow_up: float | None
    improvement_percent: float | None = Field(
        description="absolute percent improvement (negative = worse), one decimal"
    )
    points: float | None = Field(description="TIS points; null when the measure is missing")
    detail: str


class Response(_Out):
    """Contract §3 ``course.response`` entry, with the working shown."""

    date: Day
    baseline_date: Day
    total_improvement_score: float | None = Field(
        description="0-100; null when a core set measure is missing (see `missing`)"
    )
    level: Level | None = Field(description="null when missing measures leave the level undecided")
    population: Population
    complete: bool
    missing: list[str] = Field(description="core set measures with no value at either visit")
    score_lower: float = Field(description="points from the measures known")
    score_upper: float = Field(description="score_lower plus the most the missing could add")
    measures: list[MeasureChange]
    note: str


class AntibodyValue(_Out):
    date: date
    result: AntibodyResultValue
    level: float | None = None
    unit: str | None = None


class AntibodyTrend(_Out):
    code: AntibodyCode
    direction: Direction
    basis: Literal["level", "result"] | None
    values: list[AntibodyValue]
    detail: str


class ParaneoplasticCourse(_Out):
    assessment: Literal["supported", "not_supported", "insufficient_data"]
    removal_date: date | None = Field(description="tumour removal the judgement rests on")
    window_end: date | None
    refractory_before_removal: bool | None = Field(
        description="refractory to immunosuppression on the day before removal"
    )
    evidence: list[str]
    would_change: str | None = None
    source: str


class CourseAlert(_Out):
    id: str
    date: Day
    kind: Literal["flare_after_remission", "rising_antibody_after_remission"]
    summary: str
    evidence: list[str]
    rescreen_due: Day


class Course(_Out):
    """Contract §3 ``course`` (plus the timeline and the working of each part)."""

    timeline: Timeline
    treatments: list[TherapyLine]
    response: list[Response]
    refractory: bool | None
    refractory_definition: str
    refractory_status: RefractoryStatus
    antibody_trends: list[AntibodyTrend]
    paraneoplastic: ParaneoplasticCourse
    alerts: list[CourseAlert]
    sources: list[str]


# --------------------------------------------------------------------------- stage
def follow_course(case: Case, as_of: date, risk: CancerRisk | None, notes: Notes) -> Course | None:
    timeline = build_timeline(case, as_of)
    if timeline.undated:
        notes.warn(
            "course: records without a date cannot be placed on the timeline: "
            + ", ".join(timeline.undated)
        )
    population = _population(case, as_of)
    response = _responses(case, population, notes)
    trends = [antibody_trend(code, case) for code in _trend_codes(case)]
    status = assess_refractory(case, as_of)
    paraneoplastic = _paraneoplastic(case, timeline, trends, population)
    alerts = _alerts(case, timeline, trends, risk, as_of, notes)
    if paraneoplastic.assessment == "supported" and not alerts:
        _watch_for_recurrence(paraneoplastic, notes)
    rules = course_knowledge()
    return Course(
        timeline=timeline,
        treatments=timeline.therapy,
        response=response,
        refractory=status.refractory,
        refractory_definition=status.definition,
        refractory_status=status,
        antibody_trends=trends,
        paraneoplastic=paraneoplastic,
        alerts=alerts,
        sources=[
            response_criteria().source,
            *(rules.sources[k] for k in sorted(set(rules.sources) - {"convention"})),
        ],
    )


def _population(case: Case, as_of: date) -> Population:
    onset, _exact = age_at_onset(case, as_of)
    if onset is None:
        return "unknown"
    return "juvenile" if onset < criteria().subgroups.juvenile_below_age else "adult"


# --------------------------------------------------------------------------- response (TIS)
def _responses(case: Case, population: Population, notes: Notes) -> list[Response]:
    visits = sorted(case.assessments, key=lambda a: a.date)
    if not visits:
        return []
    baseline = visits[0]
    out: list[Response] = []
    for visit in visits[1:]:
        if visit.date == baseline.date:
            notes.warn(
                f"course: two core-set assessments on {visit.date.isoformat()}; the first listed "
                "is the baseline"
            )
            continue
        out.append(score_response(baseline, visit, case.labs, population))
    if population == "unknown" and out:
        notes.warn(
            "course: age at onset unknown, so adult and juvenile response thresholds both apply; "
            "a level is given only where they agree"
        )
    for r in out:
        if not r.complete:
            notes.warn(
                f"course: response on {r.date.isoformat()} has no total improvement score: "
                f"{', '.join(r.missing)} missing"
            )
    return out


def score_response(
    baseline: CoreSetAssessment,
    follow_up: CoreSetAssessment,
    labs: list[Lab],
    population: Population,
) -> Response:
    """The 2016 ACR/EULAR Total Improvement Score between two visits."""
    data = response_criteria()
    changes: list[MeasureChange] = []
    known = Fraction(0)
    upper = Fraction(0)
    missing: list[str] = []
    for measure in data.measures:
        change = _measure_change(measure, baseline, follow_up, labs, data.enzymes)
        changes.append(change)
        if change.points is None:
            missing.append(measure.id)
            upper += _exact(measure.max_points)
        else:
            known += _exact(change.points)
    upper += known
    complete = not missing
    level = _level_between(known, upper, population, data.thresholds)
    if complete:
        note = f"total improvement score {float(known):g} ({population} thresholds)"
    elif level is not None:
        note = (
            f"incomplete ({', '.join(missing)} missing): score between {float(known):g} and "
            f"{float(upper):g}, level {level} whatever the missing measures show"
        )
    else:
        note = (
            f"incomplete ({', '.join(missing)} missing): score between {float(known):g} and "
            f"{float(upper):g}; the level depends on the missing measures"
        )
    return Response(
        date=follow_up.date,
        baseline_date=baseline.date,
        total_improvement_score=float(known) if complete else None,
        level=level,
        population=population,
        complete=complete,
        missing=missing,
        score_lower=float(known),
        score_upper=float(upper),
        measures=changes,
        note=note,
    )


def _exact(x: float) -> Fraction:
    """A decimal as typed (0.3 → 3/10), so band edges compare exactly."""
    return Fraction(str(x))


def _points(measure: _Measure, improvement: Fraction) -> float:
    points = 0.0
    for band in measure.bands:
        if improvement > _exact(band.over):
            points = band.points
    return points


def _measure_change(
    measure: _Measure,
    baseline: CoreSetAssessment,
    follow_up: CoreSetAssessment,
    labs: list[Lab],
    enzymes: _Enzymes,
) -> MeasureChange:
    if measure.scale.kind == "enzyme":
        return _enzyme_change(measure, baseline.date, follow_up.date, labs, enzymes)
    field = measure.case_field or measure.id
    before = getattr(baseline, field)
    after = getattr(follow_up, field)

    def unscored(detail: str) -> MeasureChange:
        return MeasureChange(
            measure=measure.id,
            label=measure.label,
            baseline=before,
            follow_up=after,
            improvement_percent=None,
            points=None,
            detail=detail,
        )

    absent = [
        f"{when} ({visit.date.isoformat()})"
        for when, visit, value in (("baseline", baseline, before), ("follow-up", follow_up, after))
        if value is None
    ]
    if absent:
        return unscored(f"not recorded at {' and '.join(absent)}")
    if measure.scale.kind == "stated_maximum":
        default = measure.scale.default_maximum
        max_before = baseline.mmt8_max or default
        max_after = follow_up.mmt8_max or default
        if max_before != max_after or max_before is None:
            return unscored(
                f"maxima differ ({max_before:g} vs {max_after:g}): scores not comparable"
            )
        span = _exact(max_before)
        scale_text = f"of its maximum {max_before:g}"
    else:
        assert measure.scale.maximum is not None and measure.scale.minimum is not None
        span = _exact(measure.scale.maximum) - _exact(measure.scale.minimum)
        scale_text = f"of the {measure.scale.minimum:g}-{measure.scale.maximum:g} range"
    delta = _exact(after) - _exact(before)
    if measure.scale.better == "lower":
        delta = -delta
    improvement = delta / span * 100
    points = _points(measure, improvement)
    return MeasureChange(
        measure=measure.id,
        label=measure.label,
        baseline=before,
        follow_up=after,
        improvement_percent=round(float(improvement), 1),
        points=points,
        detail=f"{before:g} → {after:g}: {float(improvement):+.1f} % {scale_text}",
    )


def _enzyme_change(
    measure: _Measure, day0: date, day1: date, labs: list[Lab], enzymes: _Enzymes
) -> MeasureChange:
    at0 = _enzymes_near(labs, day0, enzymes)
    at1 = _enzymes_near(labs, day1, enzymes)
    both = [code for code in enzymes.codes if code in at0 and code in at1]
    if not both:
        names = "/".join(c.value.upper() for c in enzymes.codes)
        return MeasureChange(
            measure=measure.id,
            label=measure.label,
            baseline=None,
            follow_up=None,
            improvement_percent=None,
            points=None,
            detail=f"no {names} value with an upper limit within {enzymes.match_within_days} "
            f"days of both visits",
        )
    # Most abnormal at baseline; ties go to the enzyme listed first in the data.
    code = max(both, key=lambda c: (_ratio(at0[c]), -enzymes.codes.index(c)))
    r0, r1 = _ratio(at0[code]), _ratio(at1[code])
    c0, c1 = max(r0, Fraction(1)), max(r1, Fraction(1))
    improvement = (c0 - c1) / c0 * 100
    points = _points(measure, improvement)
    return MeasureChange(
        measure=measure.id,
        label=f"{measure.label} ({code.value.upper()})",
        baseline=float(r0),
        follow_up=float(r1),
        improvement_percent=round(float(improvement), 1),
        points=points,
        detail=(
            f"{code.value.upper()} {float(r0):.2f} → {float(r1):.2f} × ULN "
            f"({at0[code].date.isoformat()} → {at1[code].date.isoformat()}): "
            f"{float(improvement):+.1f} % (values within normal counted as 1 × ULN)"
        ),
    )


def _ratio(lab: Lab) -> Fraction:
    assert lab.value is not None and lab.upper_limit is not None
    return _exact(lab.value) / _exact(lab.upper_limit)


def _enzymes_near(labs: list[Lab], day: date, enzymes: _Enzymes) -> dict[LabCode, Lab]:
    """Per enzyme, the value nearest ``day`` within the matching window (ties: the earlier date,
    then the first listed)."""
    return _EnzymeIndex.of(labs, enzymes).near(day)


class _EnzymeIndex:
    """Enzyme values by code in date order, so each visit finds its nearest value by bisection
    (a scan of every lab for every visit was quadratic in a long follow-up)."""

    _last: tuple[list[Lab], _Enzymes, _EnzymeIndex] | None = None

    def __init__(self, labs: list[Lab], enzymes: _Enzymes) -> None:
        by_code: dict[LabCode, list[Lab]] = {}
        for lab in labs:
            if lab.code in enzymes.codes and lab.value is not None and lab.upper_limit is not None:
                by_code.setdefault(lab.code, []).append(lab)
        self._labs = {
            code: sorted(found, key=lambda lab: lab.date) for code, found in by_code.items()
        }
        self._dates = {code: [lab.date for lab in found] for code, found in self._labs.items()}
        self._within = enzymes.match_within_days

    @classmethod
    def of(cls, labs: list[Lab], enzymes: _Enzymes) -> _EnzymeIndex:
        last = cls._last  # one read: safe when several threads assess at once
        if last is not None and last[0] is labs and last[1] is enzymes:
            return last[2]
        index = cls(labs, enzymes)
        cls._last = (labs, enzymes, index)
        return index

    def near(self, day: date) -> dict[LabCode, Lab]:
        out: dict[LabCode, Lab] = {}
        for code, dates in self._dates.items():
            i = bisect_left(dates, day)  # the first value on or after day
            candidates = dates[max(i - 1, 0) : i + 1]
            best = min(candidates, key=lambda d: (abs((d - day).days), d))
            if abs((best - day).days) <= self._within:
                out[code] = self._labs[code][bisect_left(dates, best)]
        return out


def _level_of(score: Fraction, levels: _Levels) -> Level:
    result: Level = "none"
    for name in _LEVELS_UP:
        if score >= _exact(getattr(levels, name)):
            result = name
    return result


def _level_between(
    lower: Fraction, upper: Fraction, population: Population, thresholds: _Thresholds
) -> Level | None:
    tables = {
        "adult": [thresholds.adult],
        "juvenile": [thresholds.juvenile],
        "unknown": [thresholds.adult, thresholds.juvenile],
    }[population]
    found = {_level_of(bound, levels) for levels in tables for bound in (lower, upper)}
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------------- antibody trends
_ANTIBODY_ORDER: tuple[AntibodyCode, ...] = tuple(AntibodyCode)  # iterating an Enum is slow


def _trend_codes(case: Case) -> list[AntibodyCode]:
    """Antibodies worth a trend: ever other than negative, or tested more than once."""
    counts: dict[AntibodyCode, int] = {}
    flagged: set[AntibodyCode] = set()
    for a in case.antibodies:
        counts[a.code] = counts.get(a.code, 0) + 1
        if a.result != AntibodyResultValue.negative:
            flagged.add(a.code)
    return [c for c in _ANTIBODY_ORDER if c in flagged or counts.get(c, 0) > 1]


def antibody_trend(code: AntibodyCode, case: Case, until: date | None = None) -> AntibodyTrend:
    """Direction of one antibody from its two most recent comparable results."""
    rules = course_knowledge().antibody_trend
    history = sorted(
        (a for a in case.antibodies if a.code == code and (until is None or a.date <= until)),
        key=lambda a: a.date,
    )
    values = [
        AntibodyValue(date=a.date, result=a.result, level=a.level, unit=a.unit) for a in history
    ]
    ranked = [v for v in values if v.result in rules.ordinal_rank]
    name = f"anti-{code.value}"
    if len(ranked) < 2:
        return AntibodyTrend(
            code=code,
            direction="insufficient_data",
            basis=None,
            values=values,
            detail=f"{name}: {len(ranked)} usable result(s); a trend needs two",
        )
    direction, basis, detail = _compare(name, ranked[-2], ranked[-1])
    return AntibodyTrend(code=code, direction=direction, basis=basis, values=values, detail=detail)


def _compare(
    name: str, older: AntibodyValue, newer: AntibodyValue
) -> tuple[Direction, Literal["level", "result"], str]:
    """Direction from ``older`` to ``newer``: by level when both have one in the same unit."""
    rules = course_knowledge().antibody_trend
    span = f"{older.date.isoformat()} → {newer.date.isoformat()}"
    direction: Direction
    if older.level is not None and newer.level is not None and older.unit == newer.unit:
        old, new = _exact(older.level), _exact(newer.level)
        band = _exact(rules.level_stable_within_percent) / 100 * old
        direction = "stable" if abs(new - old) <= band else ("rising" if new > old else "falling")
        unit = f" {newer.unit}" if newer.unit else ""
        return (
            direction,
            "level",
            f"{name} {older.level:g} → {newer.level:g}{unit} ({span}): {direction}",
        )
    old_rank, new_rank = rules.ordinal_rank[older.result], rules.ordinal_rank[newer.result]
    direction = (
        "stable" if new_rank == old_rank else ("rising" if new_rank > old_rank else "falling")
    )
    words = f"{older.result.value.replace('_', ' ')} → {newer.result.value.replace('_', ' ')}"
    return direction, "result", f"{name} {words} ({span}): {direction}"


# --------------------------------------------------------------------------- paraneoplastic
_ORDER = {"supported": 0, "not_supported": 1, "insufficient_data": 2}
MAX_REMOVALS_JUDGED = 20


def _removal_dates(timeline: Timeline) -> list[date]:
    days = {e.date for e in timeline.of_kind("tumour_resected")}
    days |= {e.date for e in timeline.of_kind("event") if e.code == EventKind.surgery.value}
    return sorted(days)


def _paraneoplastic(
    case: Case, timeline: Timeline, trends: list[AntibodyTrend], population: Population
) -> ParaneoplasticCourse:
    rules = course_knowledge()
    source = rules.sources[rules.paraneoplastic.source]
    removals = _removal_dates(timeline)
    if not removals:
        return ParaneoplasticCourse(
            assessment="insufficient_data",
            removal_date=None,
            window_end=None,
            refractory_before_removal=None,
            evidence=["no tumour removal recorded (tumours[].resected_date or a surgery event)"],
            would_change="a tumour removal followed by a recorded change in disease activity",
            source=source,
        )
    # Each judgement reads the whole record: judging every one of thousands of "surgery" events
    # was quadratic. The most recent removals are the ones that matter for the current course.
    recent = removals[-MAX_REMOVALS_JUDGED:]
    judged = [_judge_removal(day, case, timeline, trends, population) for day in recent]
    # Prefer the most telling judgement; among equals, the latest removal.
    best = min(enumerate(judged), key=lambda pair: (_ORDER[pair[1].assessment], -pair[0]))[1]
    if len(removals) > len(recent):
        skipped = len(removals) - len(recent)
        best = best.model_copy(
            update={
                "evidence": [
                    *best.evidence,
                    f"{skipped} earlier removal(s) not judged: only the {MAX_REMOVALS_JUDGED} "
                    "most recent are",
                ]
            }
        )
    return best


def _judge_removal(
    removal: date,
    case: Case,
    timeline: Timeline,
    trends: list[AntibodyTrend],
    population: Population,
) -> ParaneoplasticCourse:
    rules = course_knowledge()
    para = rules.paraneoplastic
    ranks = rules.antibody_trend.ordinal_rank
    window_end = removal + timedelta(days=para.window_days)
    after = timeline.between(removal, min(window_end, timeline.as_of))

    def when(day: date) -> str:
        return f"{day.isoformat()} (+{(day - removal).days} d after removal)"

    better: list[str] = []
    same: list[str] = []
    improving = {k.value for k in para.improvement_events}
    worsening = {k.value for k in para.worsening_events}
    for e in after:
        if e.kind == "event" and e.code in improving | worsening:
            (better if e.code in improving else same).append(f"{when(e.date)}: {e.label}")

    activity = {c.value for c in para.activity_findings}
    last_before: dict[str, TimelineEntry] = {}
    for e in timeline.of_kind("finding"):
        if e.date <= removal and e.code in activity:
            last_before[e.code] = e
    for code, was in last_before.items():
        later = [e for e in after if e.kind == "finding" and e.code == code]
        if not was.present or not later:
            continue
        words = code.replace("_", " ")
        if later[-1].present:
            same.append(f"{when(later[-1].date)}: {words} still present (present {was.date})")
        else:
            better.append(f"{when(later[-1].date)}: {words} resolved (present {was.date})")

    pre = [a for a in case.assessments if a.date <= removal]
    if pre:
        base = max(pre, key=lambda a: a.date)
        for visit in sorted(case.assessments, key=lambda a: a.date):
            if not removal < visit.date <= min(window_end, timeline.as_of):
                continue
            r = score_response(base, visit, case.labs, population)
            score = (
                f"TIS {r.total_improvement_score:g}"
                if r.complete
                else f"TIS {r.score_lower:g} to {r.score_upper:g} (incomplete)"
            )
            text = f"{when(visit.date)}: {score} from {base.date}, level {r.level or 'undecided'}"
            if r.level in _LEVELS_UP:
                better.append(text)
            elif r.level == "none":
                same.append(text)

    antibody_notes: list[str] = []
    for trend in trends:
        pre_results = [v for v in trend.values if v.date <= removal and v.result in ranks]
        post_results = [
            v for v in trend.values if removal < v.date <= window_end and v.result in ranks
        ]
        if pre_results and post_results:
            name = f"anti-{trend.code.value}"
            _direction, _basis, detail = _compare(name, pre_results[-1], post_results[-1])
            antibody_notes.append(f"antibody across removal: {detail}")

    day_before = add_days(removal, -1)
    refractory_before = _refractory_on(case, day_before)
    context: list[str] = []
    if refractory_before is not None:
        verdict = {True: "refractory", False: "not refractory", None: "refractoriness undecided"}
        context.append(
            f"before removal ({day_before.isoformat()}): "
            f"{verdict[refractory_before.refractory]} — {refractory_before.reason}"
        )
    window_text = (
        f"window {removal.isoformat()} → {window_end.isoformat()} ({para.window_days} days, "
        f"{rules.sources[para.window_source]})"
    )
    evidence_tail = [*antibody_notes, *context, window_text]
    refractory_flag = refractory_before.refractory if refractory_before is not None else None
    source = rules.sources[para.source]
    if better:
        return ParaneoplasticCourse(
            assessment="supported",
            removal_date=removal,
            window_end=window_end,
            refractory_before_removal=refractory_flag,
            evidence=[
                *(f"improved — {b}" for b in better),
                *(f"against — {s}" for s in same),
                *evidence_tail,
            ],
            source=source,
        )
    if same:
        return ParaneoplasticCourse(
            assessment="not_supported",
            removal_date=removal,
            window_end=window_end,
            refractory_before_removal=refractory_flag,
            evidence=[*(f"unchanged — {s}" for s in same), *evidence_tail],
            would_change="a recorded improvement (event, resolved finding or a TIS response) "
            f"by {window_end.isoformat()}",
            source=source,
        )
    return ParaneoplasticCourse(
        assessment="insufficient_data",
        removal_date=removal,
        window_end=window_end,
        refractory_before_removal=refractory_flag,
        evidence=["no record of disease activity after removal within the window", *evidence_tail],
        would_change=(
            "an improvement, remission or flare event, a finding re-examined, or a core-set "
            f"assessment before and after removal (by {window_end.isoformat()})"
        ),
        source=source,
    )


def _refractory_on(case: Case, day: date) -> RefractoryStatus | None:
    """The one refractoriness rule applied to the case as it stood on ``day``."""
    if not any(t.start <= day for t in case.treatments):
        return None
    cut, _left_out = case.as_of(day)
    return assess_refractory(cut, day)


# --------------------------------------------------------------------------- alerts
def _watch_for_recurrence(para: ParaneoplasticCourse, notes: Notes) -> None:
    rules = course_knowledge().alerts
    days = rules.rescreen_within_days
    removal = para.removal_date.isoformat() if para.removal_date else "removal"
    notes.recommend(
        Recommendation(
            id="course.paraneoplastic.watch",
            summary=(
                "Myositis improved after tumour removal: if it flares or the antibody rises, "
                f"re-screen for cancer within {days} days"
            ),
            detail=(
                f"The course after tumour removal ({removal}) supports a paraneoplastic link. A "
                "later flare, or a rising myositis antibody (anti-TIF1γ titres have been reported "
                "to rise again on cancer recurrence), should prompt a repeat risk-directed cancer "
                f"screen and the tumour's follow-up imaging within {days} days."
            ),
            indicator="info",
            source=rules.rescreen_source_text.strip(),
            evidence=[e for e in para.evidence if e.startswith("improved")][:3],
        )
    )


def _alerts(
    case: Case,
    timeline: Timeline,
    trends: list[AntibodyTrend],
    risk: CancerRisk | None,
    as_of: date,
    notes: Notes,
) -> list[CourseAlert]:
    rules = course_knowledge().alerts
    remission_kinds = {k.value for k in rules.remission_events}
    remissions = [e for e in timeline.of_kind("event") if e.code in remission_kinds]
    if not remissions:
        return []
    since = remissions[0].date
    turn_kinds = {k.value for k in rules.turn_events}
    turns: list[
        tuple[date, Literal["flare_after_remission", "rising_antibody_after_remission"], str]
    ] = []
    for e in timeline.of_kind("event"):
        if e.code in turn_kinds and e.date > since:
            turns.append((e.date, "flare_after_remission", f"{e.label} on {e.date.isoformat()}"))
    for t in trends:
        if t.direction == "rising" and t.values and t.values[-1].date > since:
            turns.append((t.values[-1].date, "rising_antibody_after_remission", t.detail))
    if not turns:
        return []

    treated = [t for t in case.tumours if t.resected_date is not None]
    reasons: list[str] = []
    if treated:
        reasons.append(
            "treated tumour: "
            + ", ".join(f"{t.site.value} resected {t.resected_date}" for t in treated)
        )
    if risk is not None and risk.category in rules.risk_categories:
        reasons.append(f"IMACS cancer risk {risk.category}")
    if not reasons:
        if risk is None:
            notes.warn(
                "course: the disease turned after remission, but the cancer-risk category is not "
                "available, so whether to re-screen could not be judged"
            )
        return []

    alerts: list[CourseAlert] = []
    for day, kind, what in sorted(turns):
        due = day + timedelta(days=rules.rescreen_within_days)
        status = "overdue" if as_of > due else "due"
        what_short = "flare" if kind == "flare_after_remission" else "rising antibody"
        summary = (
            f"{what_short.capitalize()} after remission ({day.isoformat()}): re-screen for "
            f"cancer recurrence or a new cancer by {due.isoformat()} ({status})"
        )
        evidence = [what, f"remission {since.isoformat()}", *reasons]
        alert_id = f"course.rescreen.{kind}.{day.isoformat()}"
        alerts.append(
            CourseAlert(
                id=alert_id,
                date=day,
                kind=kind,
                summary=summary,
                evidence=evidence,
                rescreen_due=due,
            )
        )
        notes.recommend(
            Recommendation(
                id=alert_id,
                summary=summary,
                detail=(
                    f"A {what_short} after remission in a patient with "
                    + " and ".join(reasons)
                    + " may herald cancer recurrence or a second cancer: anti-TIF1γ titres "
                    "have been reported to rise again on recurrence. Repeat the risk-directed "
                    "cancer screen (and the tumour's follow-up imaging if one was treated) "
                    f"within {rules.rescreen_within_days} days."
                ),
                indicator="warning",
                source=rules.rescreen_source_text.strip(),
                evidence=evidence,
            )
        )
    return alerts
