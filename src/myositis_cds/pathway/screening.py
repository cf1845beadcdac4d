"""Stage 3b: the dated IMACS 2023 cancer-screening plan.

Panels, the schedule per risk category, the windows that decide *done / due / overdue*, which
investigations satisfy which test, the conditional tests and the nasopharyngeal-carcinoma regions
are data (``knowledge/imacs_2023_screening.yaml``); this module only applies them.

How a test's status is decided (all dates inclusive):

* The clock starts at ``diagnosis_date`` (fallback onset, then the earliest record, with a warning).
* Each scheduled round falls a whole number of months after the start. A round's window opens
  ``opens_months_before`` months before its date; from then the test is *due*. A record of the
  test (or of an equivalent investigation) dated in the open window makes it *done*. With no such
  record, the test becomes *overdue* the day after ``overdue_after_months`` months past the round.
* The current round is the latest whose window has opened on the assessment date.
* A test outside the patient's schedule, of the wrong sex or age, or a conditional test whose
  criteria are not met, is *not_indicated*, with the reason. Conditional tests are never overdue:
  the guideline says "consider".
* A record whose result is not a negative screen makes the test *done* (it need not be
  ordered again) but never reassures: ``not_stated`` (the record does not give the result: "result
  not stated: obtain the report"), ``pending`` (awaited: "result pending: not yet a negative
  screen") and ``abnormal`` ("abnormal: work-up needed"). Each gets a warning that says what to do
  and what would change, and the initial screen is not taken as having found no cancer (the
  conditional tests for high risk after a negative initial screen wait; an abnormal result
  followed by a recorded tumour was worked up, and the tumour's judgement below decides). One
  table (``_NOT_NEGATIVE``) holds what is said of each.
* A recorded tumour ends the search for an occult cancer (conditional PET-CT / GI endoscopy not
  indicated) only when it plausibly explains the myositis (``found_tumour`` in the data: kind,
  stage, and found within 3 years of onset). Otherwise the remaining screening keeps its status,
  each open item noting that the search continues alongside the tumour work-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds import knowledge
from myositis_cds.case import (
    Case,
    InvestigationCode,
    InvestigationResult,
    LabCode,
    Sex,
    Tumour,
    TumourHistology,
)
from myositis_cds.knowledge import KnowledgeMeta, KnowledgeModel, Verified
from myositis_cds.pathway._calendar import add_days, add_months
from myositis_cds.pathway.cancer_risk import CancerRisk, Stratum
from myositis_cds.pathway.classification import Subgroup
from myositis_cds.pathway.common import Notes, Recommendation

__all__ = ["Imacs2023Screening", "ScreeningItem", "plan_screening", "screening_rules"]

Panel = Literal["basic", "enhanced", "conditional"]
Status = Literal["done", "due", "overdue", "not_indicated"]
Criterion = Literal[
    "high_risk_initial_screen_negative", "tif1g_dm_onset_over_40_plus_clinical", "npc_region"
]


# --------------------------------------------------------------------------- knowledge schema
class _Record(KnowledgeModel):
    investigation: InvestigationCode | None = None
    lab: LabCode | None = None


class _Test(KnowledgeModel):
    id: str
    label: str
    panel: Literal["basic", "enhanced"]
    satisfied_by: list[_Record]
    sex: Literal["female", "male"] | None = None
    min_age: int | None = None
    max_age: int | None = None
    source: str
    verified: Verified


class _Conditional(KnowledgeModel):
    id: str
    label: str
    satisfied_by: list[_Record]
    rounds_months: list[int]
    when_any: list[Criterion]
    source: str
    verified: Verified


class _Window(KnowledgeModel):
    opens_months_before: int = Field(ge=0)
    overdue_after_months: int = Field(ge=0)
    verified: Verified
    note: str


class _PanelRounds(KnowledgeModel):
    panel: Literal["basic", "enhanced"]
    rounds_months: list[int]


class _Schedule(KnowledgeModel):
    panels: list[_PanelRounds]
    source: str
    verified: Verified


class _Critical(KnowledgeModel):
    category: Stratum
    after_months: int
    source: str
    verified: Verified


class _Tif1gClause(KnowledgeModel):
    antibody_factor: str
    age_factor: str
    subgroups: list[Subgroup]
    min_clinical: int
    verified: Verified


class _Region(KnowledgeModel):
    code: str
    names: list[str]
    verified: Verified
    source: str


class _Explains(KnowledgeModel):
    any_stage: list[TumourHistology]
    metastatic_only: list[TumourHistology]


class _FoundTumour(KnowledgeModel):
    within_years_of_onset: int = Field(ge=0)
    explains: _Explains
    rationale: str
    source: str
    verified: Verified


class Imacs2023Screening(KnowledgeModel):
    meta: KnowledgeMeta
    source: str
    windows: dict[Literal["at_diagnosis", "follow_up"], _Window]
    schedule: dict[Stratum, _Schedule]
    critical_no_enhanced: _Critical
    tests: list[_Test]
    conditional: list[_Conditional]
    found_tumour: _FoundTumour
    tif1g_clause: _Tif1gClause
    npc_regions: list[_Region]


def screening_rules() -> Imacs2023Screening:
    return knowledge.load("imacs_2023_screening", Imacs2023Screening)


# --------------------------------------------------------------------------- output
class ScreeningItem(BaseModel):
    """Contract §3 ``screening`` item, with the round, the record that counted and the source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    test: str
    label: str = ""
    panel: Panel
    status: Status
    last_done: date | None = None
    next_due: date | None = Field(
        default=None, description="date the current round fell (or next round falls) due"
    )
    reason: str
    round: str | None = Field(default=None, description="e.g. 'at diagnosis', '12 months'")
    satisfied_by: str | None = Field(
        default=None, description="code of the record that counted (may be an equivalent test)"
    )
    result: InvestigationResult | None = Field(
        default=None,
        description="result of the investigation that counted (a done item); null when a lab "
        "counted or nothing did. not_stated: done, result not in the record (obtain the report)",
    )
    source: str = ""
    verified: Verified | None = None


# --------------------------------------------------------------------------- plan
@dataclass(frozen=True)
class _Done:
    day: date
    code: str
    result: str | None  # as the reason shows it
    outcome: InvestigationResult | None = None  # an investigation's result; None for a lab


# A record that can satisfy a test: an investigation or a lab (the code says which), as _Done.
_Coded = tuple[InvestigationCode | LabCode, _Done]


@dataclass(frozen=True)
class _Track:
    status: Status
    last: _Done | None
    counted: _Done | None
    next_due: date | None
    round_label: str
    round_date: date
    overdue_from: date
    opens: date
    schedule_end: date


def plan_screening(
    case: Case, as_of: date, risk: CancerRisk | None, notes: Notes
) -> list[ScreeningItem] | None:
    if risk is None:
        notes.warn("screening: no cancer-risk category, so no screening plan is given")
        return None
    if risk.category == "not applicable":
        return []
    start = _clock(case, notes)
    if start is None:
        notes.warn(
            "screening: no diagnosis_date, onset_date or dated record to start the screening "
            "clock; no dated plan is given"
        )
        return None
    return _plan(case, as_of, risk, risk.category, start, notes, screening_rules())


def _plan(
    case: Case,
    as_of: date,
    risk: CancerRisk,
    category: Stratum,
    start: date,
    notes: Notes,
    data: Imacs2023Screening,
) -> list[ScreeningItem]:
    schedule: dict[str, list[int]] = {
        p.panel: p.rounds_months for p in data.schedule[category].panels
    }
    age = case.age_on(as_of)
    done = _case_records(case)
    items: list[ScreeningItem] = []
    for test in data.tests:
        items.append(_scheduled_item(case, as_of, test, schedule, category, start, age, data, done))

    enhanced_done = [
        i
        for i in items
        if i.panel == "enhanced" and i.status == "done" and i.round == "at diagnosis"
    ]
    enhanced_open = [i for i in items if i.panel == "enhanced" and i.status in ("due", "overdue")]
    # done, but its result is not (yet) a negative screen: not stated, pending or abnormal (an
    # abnormal one worked up into a recorded tumour is that tumour's: its judgement governs)
    enhanced_open += [
        i
        for i in items
        if i.panel != "conditional" and _not_negative(i) and not _worked_up(i, case)
    ]
    consider: dict[str, list[str]] = {}
    for cond in data.conditional:
        item, met = _conditional_item(
            case, as_of, cond, risk, category, start, enhanced_open, data, done
        )
        items.append(item)
        consider[cond.id] = met

    tumours = _judge_tumours(case, data)
    if tumours and not any(explains for _, explains, _ in tumours):
        items = [_continues(item, tumours) for item in items]
    _recommend(
        case, as_of, risk, category, start, items, enhanced_done, consider, notes, data, tumours
    )
    return items


# (tumour text, plausibly explains the myositis?, why) for each recorded tumour.
_Judged = tuple[str, bool, str]


def _judge_tumours(case: Case, data: Imacs2023Screening) -> list[_Judged]:
    rule = data.found_tumour
    out: list[_Judged] = []
    for index, tumour in enumerate(case.tumours):
        text = _describe(index, tumour)
        explains, why = _explains(tumour, case, rule)
        out.append((text, explains, why))
    return out


def _describe(index: int, tumour: Tumour) -> str:
    stage = f", {tumour.metastases.value}" if tumour.metastases is not None else ""
    size = f"{tumour.size_mm:g} mm" if tumour.size_mm is not None else "size not stated"
    return (
        f"tumours[{index}]: {tumour.site.value.replace('_', ' ')} "
        f"{tumour.histology.value.replace('_', ' ')} {size}{stage}, found "
        f"{_found(tumour)}"
    )


def _found(tumour: Tumour) -> str:
    """The found date as the case gives it: "2019-01-29", or "by 2019-01-29" when undated."""
    day = tumour.found_date.isoformat()
    return f"by {day} (date not stated)" if tumour.found_date_latest else day


def _explains(tumour: Tumour, case: Case, rule: _FoundTumour) -> tuple[bool, str]:
    """Whether a found tumour plausibly explains the myositis (data: ``found_tumour``)."""
    histology = tumour.histology.value.replace("_", " ")
    metastatic = tumour.metastases is not None and tumour.metastases.value.startswith("M1")
    if tumour.histology in rule.explains.any_stage:
        kind = True
    elif tumour.histology in rule.explains.metastatic_only:
        if not metastatic:
            return False, (
                f"a localised {histology} (no distant metastases recorded) is not a kind and stage "
                "that plausibly explains the myositis"
            )
        kind = True
    else:
        return False, f"histology '{histology}' is not one that plausibly explains the myositis"
    years = rule.within_years_of_onset
    if case.onset_date is None:
        return False, (
            f"{histology}, but onset_date is not given, so whether it was found within {years} "
            "years of myositis onset cannot be told"
        )
    early, late = add_months(case.onset_date, -12 * years), add_months(case.onset_date, 12 * years)
    if tumour.found_date_latest and tumour.found_date >= early:
        # only the latest date it was found is known: it may fall in the window or long before
        return False, (
            f"{histology} found at a date the source does not state (by "
            f"{tumour.found_date.isoformat()}), so whether it was found within {years} years of "
            "myositis onset cannot be told"
        )
    if not early <= tumour.found_date <= late:
        return False, f"{histology} found more than {years} years from myositis onset"
    return kind, f"{histology}{' with distant metastases' if metastatic else ''} found within " + (
        f"{years} years of myositis onset"
    )


def _continues(item: ScreeningItem, tumours: list[_Judged]) -> ScreeningItem:
    """An open item, noting that the search continues alongside the tumour work-up."""
    if item.status not in ("due", "overdue"):
        return item
    which = "; ".join(text for text, _, _ in tumours)
    note = (
        f" [the search for an occult cancer continues alongside the tumour work-up: {which} does "
        "not plausibly explain the myositis]"
    )
    return item.model_copy(update={"reason": item.reason + note})


def _scheduled_item(
    case: Case,
    as_of: date,
    test: _Test,
    schedule: dict[str, list[int]],
    category: Stratum,
    start: date,
    age: int | None,
    data: Imacs2023Screening,
    done: list[_Coded],
) -> ScreeningItem:
    records = _records(done, test.satisfied_by)
    last = records[-1] if records else None

    def not_indicated(why: str) -> ScreeningItem:
        return _not_indicated_item(
            test.id,
            test.label,
            test.panel,
            last.day if last else None,
            why,
            test.source,
            test.verified,
        )

    rounds = schedule.get(test.panel)
    if rounds is None:
        return not_indicated(
            f"not in the {category}-risk schedule (which has the "
            f"{' and '.join(schedule)} panel{'s' if len(schedule) > 1 else ''})"
        )
    sex = case.patient.sex
    hedge = ""
    if test.sex is not None:
        if sex in (Sex.female, Sex.male) and sex.value != test.sex:
            return not_indicated(f"for {test.sex} patients only")
        if sex not in (Sex.female, Sex.male):
            hedge = f"if anatomically appropriate (sex recorded as {sex.value}): "
    if age is not None and test.min_age is not None and age < test.min_age:
        return not_indicated(f"from age {test.min_age} (patient is {age})")
    if age is not None and test.max_age is not None and age > test.max_age:
        return not_indicated(f"up to age {test.max_age} (patient is {age})")

    track = _track(records, tuple(rounds), start, as_of, _windows(data), can_be_overdue=True)
    return ScreeningItem(
        test=test.id,
        label=test.label,
        panel=test.panel,
        status=track.status,
        last_done=last.day if last else None,
        next_due=track.next_due,
        reason=hedge + _reason(track, as_of, f"{category}-risk {test.panel} panel", test.id),
        round=track.round_label,
        satisfied_by=track.counted.code if track.counted else None,
        result=track.counted.outcome if track.counted else None,
        source=test.source,
        verified=test.verified,
    )


# A not-indicated item carries no date of its own (only when the test was last done, if ever), so
# across a batch the same few recur ("for female patients only", ...). ScreeningItem is frozen
# and holds only strings and dates, so equal ones are shared, as NotAssessed gaps are.
@lru_cache(maxsize=4096)
def _not_indicated_item(
    test_id: str,
    label: str,
    panel: Panel,
    last_done: date | None,
    reason: str,
    source: str,
    verified: Verified,
) -> ScreeningItem:
    return ScreeningItem(
        test=test_id,
        label=label,
        panel=panel,
        status="not_indicated",
        last_done=last_done,
        reason=reason,
        source=source,
        verified=verified,
    )


def _conditional_item(
    case: Case,
    as_of: date,
    cond: _Conditional,
    risk: CancerRisk,
    category: Stratum,
    start: date,
    enhanced_open: list[ScreeningItem],
    data: Imacs2023Screening,
    done: list[_Coded],
) -> tuple[ScreeningItem, list[str]]:
    """The item and the reasons it is to be considered (empty when no criterion holds)."""
    records = _records(done, cond.satisfied_by)
    last = records[-1] if records else None
    met: list[str] = []
    unmet: list[str] = []
    for criterion in cond.when_any:
        holds, why = _criterion(criterion, case, risk, category, enhanced_open, data)
        bucket = met if holds else unmet
        if why not in bucket:
            bucket.append(why)
    track = _track(
        records, tuple(cond.rounds_months), start, as_of, _windows(data), can_be_overdue=False
    )
    if not met and track.status != "done":
        item = ScreeningItem(
            test=cond.id,
            label=cond.label,
            panel="conditional",
            status="not_indicated",
            last_done=last.day if last else None,
            reason="; ".join(unmet),
            round=track.round_label,
            source=cond.source,
            verified=cond.verified,
        )
        return item, met
    why = "consider: " + "; ".join(met) if met else "not required now: " + "; ".join(unmet)
    item = ScreeningItem(
        test=cond.id,
        label=cond.label,
        panel="conditional",
        status=track.status,
        last_done=last.day if last else None,
        next_due=track.next_due,
        reason=f"{_reason(track, as_of, 'conditional test', cond.id)} ({why})",
        round=track.round_label,
        satisfied_by=track.counted.code if track.counted else None,
        result=track.counted.outcome if track.counted else None,
        source=cond.source,
        verified=cond.verified,
    )
    return item, met


def _criterion(
    criterion: Criterion,
    case: Case,
    risk: CancerRisk,
    category: Stratum,
    enhanced_open: list[ScreeningItem],
    data: Imacs2023Screening,
) -> tuple[bool, str]:
    explaining = [(text, why) for text, explains, why in _judge_tumours(case, data) if explains]
    if criterion == "npc_region":
        region = case.patient.region
        if region is None:
            return False, (
                "patient.region not given: consider nasoendoscopy at diagnosis if the patient "
                "lives in or comes from a region where nasopharyngeal carcinoma is common ("
                + ", ".join(r.code for r in data.npc_regions)
                + ")"
            )
        match = _npc_region(region, data)
        if match is None:
            return False, f"region {region!r} is not listed as one where NPC risk is increased"
        return True, f"region {region!r}: nasopharyngeal carcinoma risk increased ({match.source})"
    if explaining:
        text, why = explaining[0]
        return False, (
            f"a tumour that plausibly explains the myositis has been found ({text}: {why}): the "
            "search for an occult cancer gives way to the tumour work-up"
        )
    if criterion == "high_risk_initial_screen_negative":
        if category != "high":
            return False, f"for high risk when the initial screen finds no cancer ({category} risk)"
        if enhanced_open:
            still = ", ".join(i.label for i in enhanced_open if _not_negative(i) is None)
            waits = [f"still open: {still}"] if still else []
            for result, said in _NOT_NEGATIVE.items():
                labels = ", ".join(
                    i.label for i in enhanced_open if _not_negative(i) and i.result == result
                )
                if labels:
                    waits.append(said.waits.format(labels=labels))
            return False, (
                "high risk: consider once the initial screen is complete and has found no cancer "
                f"that explains the myositis ({'; '.join(waits)})"
            )
        return True, "high risk and the initial screen found no cancer"
    # tif1g_dm_onset_over_40_plus_clinical
    clause = data.tif1g_clause
    present = {f.id: f for f in risk.factors}
    clinical = [
        f
        for f in risk.factors
        if f.group == "clinical" and f.tier == "high" and f.id != clause.age_factor
    ]
    parts = {
        "anti-TIF1γ positive": clause.antibody_factor in present,
        "dermatomyositis": risk.subgroup in clause.subgroups,
        "onset after 40": clause.age_factor in present,
        f">= {clause.min_clinical} more high-risk clinical feature": len(clinical)
        >= clause.min_clinical,
    }
    if all(parts.values()):
        return True, (
            "as a single screening test: anti-TIF1γ-positive DM with onset after 40 and "
            + ", ".join(
                f.label.lower()
                + (
                    " - severity not recorded, counted"
                    if "severity not recorded" in f.evidence
                    else ""
                )
                for f in clinical
            )
        )
    missing = ", ".join(k for k, ok in parts.items() if not ok)
    return False, f"TIF1γ single-test clause not met (missing: {missing})"


# (opens_months_before, overdue_after_months) at diagnosis and at follow-up rounds.
_Windows = tuple[tuple[int, int], tuple[int, int]]


def _windows(data: Imacs2023Screening) -> _Windows:
    at_diagnosis, follow_up = data.windows["at_diagnosis"], data.windows["follow_up"]
    return (
        (at_diagnosis.opens_months_before, at_diagnosis.overdue_after_months),
        (follow_up.opens_months_before, follow_up.overdue_after_months),
    )


# Pure and keyed on plain values: within one plan every test of a panel with no record shares
# one track, and a batch of cases with the same clock and date share them too.
@lru_cache(maxsize=4096)
def _track(
    records: tuple[_Done, ...],
    rounds_months: tuple[int, ...],
    start: date,
    as_of: date,
    windows: _Windows,
    *,
    can_be_overdue: bool,
) -> _Track:
    rounds = _rounds(start, rounds_months, *windows)
    current = 0
    for k, (_, _, opens, _) in enumerate(rounds):
        if opens <= as_of:
            current = k
    label, day, opens, overdue_from = rounds[current]
    end = rounds[-1][3]
    last = records[-1] if records else None
    counted = [r for r in records if opens <= r.day <= as_of]
    if counted:
        following = rounds[current + 1][1] if current + 1 < len(rounds) else None
        return _Track("done", last, counted[-1], following, label, day, overdue_from, opens, end)
    status: Status = "overdue" if can_be_overdue and as_of >= overdue_from else "due"
    return _Track(status, last, None, day, label, day, overdue_from, opens, end)


@lru_cache(maxsize=1024)
def _rounds(
    start: date,
    rounds_months: tuple[int, ...],
    at_diagnosis: tuple[int, int],
    follow_up: tuple[int, int],
) -> tuple[tuple[str, date, date, date], ...]:
    """(label, round date, window opens, overdue from) for each round of a schedule."""
    out = []
    for months in rounds_months:
        opens_before, overdue_after = at_diagnosis if months == 0 else follow_up
        day = add_months(start, months)
        opens = add_months(day, -opens_before)
        overdue_from = add_months(day, overdue_after) + timedelta(days=1)
        label = "at diagnosis" if months == 0 else f"{months} months"
        out.append((label, day, opens, overdue_from))
    return tuple(out)


def _reason(track: _Track, as_of: date, what: str, test_id: str) -> str:
    round_ = f"{_phrase(track.round_label)} round"
    if track.status == "done" and track.counted is not None:
        done = track.counted
        via = f" via {done.code}" if done.code != test_id else ""
        result = f" ({done.result})" if done.result else ""
        nxt = (
            f"; next due {track.next_due.isoformat()}"
            if track.next_due is not None
            else "; no further round scheduled"
        )
        return f"done {done.day.isoformat()}{via}{result} for the {round_} of the {what}{nxt}"
    before = (
        f"; last done {track.last.day.isoformat()}, before this round's window "
        f"(from {track.opens.isoformat()})"
        if track.last is not None
        else "; not recorded"
    )
    if track.status == "overdue":
        closed = add_days(track.schedule_end, -1)
        ended = (
            f"; its last scheduled round closed {closed.isoformat()}"
            if as_of >= track.schedule_end
            else ""
        )
        return (
            f"overdue since {track.overdue_from.isoformat()}: {round_} of the {what} "
            f"(due {track.round_date.isoformat()}){before}{ended}"
        )
    deadline = (
        f", overdue from {track.overdue_from.isoformat()}" if what != "conditional test" else ""
    )
    return f"due: {round_} of the {what} (from {track.round_date.isoformat()}{deadline}){before}"


def _phrase(label: str) -> str:
    """'at diagnosis' → 'diagnosis'; '12 months' → '12-month' (for 'the ... round')."""
    return "diagnosis" if label == "at diagnosis" else label.replace(" months", "-month")


def _case_records(case: Case) -> list[_Coded]:
    """Every investigation and lab of the case, oldest first; same day: investigations first,
    then labs, each in case order. Built once per plan: every test then only filters it."""
    found: list[_Coded] = [
        (i.code, _Done(i.date, i.code.value, _result_text(i.result, i.note), i.result))
        for i in case.investigations
    ]
    found += [(lab.code, _Done(lab.date, lab.code.value, None)) for lab in case.labs]
    return sorted(found, key=lambda coded: coded[1].day)


def _records(done: list[_Coded], satisfied_by: list[_Record]) -> tuple[_Done, ...]:
    """Records satisfying the test, oldest first (the case is already cut to the as-of date)."""
    investigations = {r.investigation for r in satisfied_by if r.investigation is not None}
    labs = {r.lab for r in satisfied_by if r.lab is not None}
    return tuple(
        record
        for code, record in done
        if (code in investigations if isinstance(code, InvestigationCode) else code in labs)
    )


@dataclass(frozen=True)
class _NotNegative:
    """What is said of a done test whose result is not a negative screen."""

    reason: str  # in the item's reason, after the date done
    summary: str  # the warning's summary: "{label}" and "{round}" filled in
    detail: str  # after "{label} is recorded as done (...), but": what it is not, what to do
    waits: str  # why the high-risk conditional tests wait: "{labels}" filled in
    settles_if_normal: bool  # a normal report would complete the round (and the initial screen)


# One table, the one place these results are handled; the recommendation id is
# "screening.result_<result>.<test>".
_NOT_NEGATIVE: dict[InvestigationResult, _NotNegative] = {
    InvestigationResult.not_stated: _NotNegative(
        reason="result not stated: obtain the report; if abnormal, work it up",
        summary="Screening result not stated: {label} done ({round} round), obtain the report",
        detail="the record does not give its result. It is not counted as a normal (negative) "
        "screen, nor as an abnormal one. What would change: an abnormal report needs work-up for "
        "a cancer; a normal one completes this round",
        waits="result not stated: {labels}: obtain the report",
        settles_if_normal=True,
    ),
    InvestigationResult.pending: _NotNegative(
        reason="result pending: not yet a negative screen; obtain the result, if abnormal, "
        "work it up",
        summary="Screening result pending: {label} ({round} round), not yet a negative screen",
        detail="its result is still awaited. It is not yet counted as a normal (negative) "
        "screen. What would change: an abnormal result needs work-up for a cancer; a normal one "
        "completes this round",
        waits="result pending: {labels}",
        settles_if_normal=True,
    ),
    InvestigationResult.abnormal: _NotNegative(
        reason="abnormal: work-up needed",
        summary="Abnormal screening result: {label} ({round} round), work-up needed",
        detail="its result is abnormal. It is not a negative screen and gives no reassurance: "
        "work it up for a cancer, and record what the work-up finds (a tumour, or a normal "
        "result of the test that settles it)",
        waits="abnormal, work-up needed: {labels}",
        settles_if_normal=False,
    ),
}


def _result_text(result: InvestigationResult, note: str | None) -> str | None:
    if result == InvestigationResult.normal:
        return "normal"
    said = _NOT_NEGATIVE.get(result)
    if said is None:
        return f"{result.value}: {note}" if note else result.value
    return f"{said.reason}; {note}" if note else said.reason


def _worked_up(item: ScreeningItem, case: Case) -> bool:
    """Whether an abnormal result was followed by a recorded tumour, found on or after the day
    the test was done: the finding was worked up, and whether that tumour explains the myositis
    (``found_tumour``) decides if the search for an occult cancer goes on."""
    if item.result != InvestigationResult.abnormal or item.last_done is None:
        return False
    return any(t.found_date >= item.last_done for t in case.tumours)


def _not_negative(item: ScreeningItem) -> _NotNegative | None:
    """What is said of a done item whose result is not a negative screen; None otherwise."""
    if item.status != "done" or item.result is None:
        return None
    return _NOT_NEGATIVE.get(item.result)


def _clock(case: Case, notes: Notes) -> date | None:
    if case.diagnosis_date is not None:
        return case.diagnosis_date
    if case.onset_date is not None:
        notes.warn(
            "screening: diagnosis_date not given; the screening clock starts at onset_date "
            f"({case.onset_date.isoformat()}) instead"
        )
        return case.onset_date
    dates = [d for _, d in case.dated_fields()]
    if not dates:
        return None
    first = min(dates)
    notes.warn(
        "screening: neither diagnosis_date nor onset_date given; the screening clock starts at "
        f"the earliest dated record ({first.isoformat()})"
    )
    return first


def _npc_region(region: str, data: Imacs2023Screening) -> _Region | None:
    given = region.strip().casefold()
    country = given.split("-", 1)[0]
    for entry in data.npc_regions:
        code = entry.code.casefold()
        if given == code or country == code or given in entry.names:
            return entry
    return None


def _tumour_text(case: Case) -> str | None:
    if not case.tumours:
        return None
    first = min(case.tumours, key=lambda t: t.found_date)
    more = f" and {len(case.tumours) - 1} more" if len(case.tumours) > 1 else ""
    return f"{first.site.value}, found {_found(first)}{more}"


# --------------------------------------------------------------------------- recommendations
def _recommend(
    case: Case,
    as_of: date,
    risk: CancerRisk,
    category: Stratum,
    start: date,
    items: list[ScreeningItem],
    enhanced_done: list[ScreeningItem],
    consider: dict[str, list[str]],
    notes: Notes,
    data: Imacs2023Screening,
    tumours: list[_Judged],
) -> None:
    source = data.schedule[category].source
    tumour = _tumour_text(case)
    if tumour is not None:
        rule = data.found_tumour
        judged = "; ".join(
            f"{text}: {'plausibly explains' if explains else 'does not plausibly explain'} the "
            f"myositis ({why})"
            for text, explains, why in tumours
        )
        if any(explains for _, explains, _ in tumours):
            summary = f"Tumour found ({tumour}): follow the tumour work-up; remaining screening "
            summary += "stays listed"
            then = (
                "Screening tests for other cancers are still shown with their status; "
                "conditional imaging aimed at finding an occult cancer is not indicated while the "
                "tumour is being worked up."
            )
        else:
            summary = f"Tumour found ({tumour}) but it does not explain the myositis: keep "
            summary += "screening for an occult cancer"
            then = (
                "The search for an occult cancer therefore continues alongside the tumour "
                "work-up: due and overdue tests stay so, and the conditional tests (FDG PET-CT, "
                f"GI endoscopy) are considered on their usual criteria. Why: {rule.rationale}"
            )
        notes.recommend(
            Recommendation(
                id="screening.tumour_found",
                summary=_clip(summary, 139),
                detail="A tumour is recorded; its grading, staging and options are in the tumour "
                f"work-up. {judged}. {then}",
                indicator="warning",
                source=f"{data.source}; {rule.source} ({rule.verified})",
                evidence=[text for text, _, _ in tumours],
            )
        )

    critical = data.critical_no_enhanced
    enhanced_expected = [i for i in items if i.panel == "enhanced" and i.status != "not_indicated"]
    deadline = add_months(start, critical.after_months)
    if (
        category == critical.category
        and enhanced_expected
        and not enhanced_done
        and as_of > deadline
    ):
        notes.recommend(
            Recommendation(
                id="screening.enhanced_missing",
                summary=_clip(
                    f"High IMACS cancer risk and no enhanced screening {critical.after_months} "
                    f"months after diagnosis ({start.isoformat()}): arrange it now",
                    139,
                ),
                detail="None of the enhanced-panel tests ("
                + ", ".join(i.label for i in enhanced_expected)
                + f") is recorded for the diagnosis round. Cancer risk is {category}: "
                + "; ".join(f.label for f in risk.factors if f.direction == "raises")
                + ".",
                indicator="critical",
                source=f"{data.schedule[category].source}; {critical.source}",
                evidence=[f.evidence for f in risk.factors if f.direction == "raises"],
            )
        )

    for item in items:
        if item.status == "overdue":
            notes.recommend(
                Recommendation(
                    id=f"screening.overdue.{item.test}",
                    summary=_clip(
                        f"Overdue cancer screening: {item.label} ({item.round} round, due "
                        f"{item.next_due.isoformat() if item.next_due else '?'})",
                        139,
                    ),
                    detail=item.reason,
                    indicator="warning",
                    source=f"{item.source}; {source}",
                    evidence=[item.reason],
                )
            )
    for item in items:
        said = _not_negative(item)
        if said is not None and item.result is not None:
            done_on = item.last_done.isoformat() if item.last_done else "?"
            notes.recommend(
                Recommendation(
                    id=f"screening.result_{item.result.value}.{item.test}",
                    summary=_clip(
                        said.summary.format(label=item.label, round=_phrase(item.round or "")),
                        139,
                    ),
                    detail=(
                        f"{item.label} is recorded as done ({item.reason}), but {said.detail}"
                        + (
                            " and, at high risk, lets the initial screen count as negative"
                            if said.settles_if_normal
                            and category == "high"
                            and item.round == "at diagnosis"
                            else ""
                        )
                        + f". Done on {done_on}."
                        + (
                            f" A tumour is on record ({tumour}): if this result is what found "
                            "it, the tumour's work-up is this result's."
                            if item.result == InvestigationResult.abnormal and tumour is not None
                            else ""
                        )
                    ),
                    indicator="warning",
                    source=f"{item.source}; {source}",
                    evidence=[item.reason],
                )
            )
    due = [i for i in items if i.status == "due" and i.panel != "conditional"]
    if due:
        notes.recommend(
            Recommendation(
                id="screening.due",
                summary=_clip(
                    f"{len(due)} cancer screening test{'s' if len(due) > 1 else ''} due "
                    f"({category} risk): " + ", ".join(i.label for i in due),
                    139,
                ),
                detail="; ".join(f"{i.label}: {i.reason}" for i in due),
                indicator="info",
                source=source,
                evidence=[i.reason for i in due],
            )
        )
    for item in items:
        if item.panel == "conditional" and item.status == "due":
            notes.recommend(
                Recommendation(
                    id=f"screening.consider.{item.test}",
                    summary=_clip(
                        f"Consider {item.label}: " + "; ".join(consider.get(item.test, [])), 139
                    ),
                    detail=item.reason,
                    indicator="info",
                    source=item.source,
                    evidence=[item.reason],
                )
            )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
