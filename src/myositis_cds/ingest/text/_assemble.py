"""Facts → a validated :class:`Case`: pick the index date, resolve times, merge duplicates.

Only facts about this patient, now (status present or absent) become case records; the rest
stay in ``facts`` for the clinician to see. Each record keeps the evidence of the words it came
from, flagged ``inferred`` when a rule read a sign from its description and ``uncertain`` when a
time or an assertion could not be pinned down.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import Any

from myositis_cds.case import Case, age_in_years, parse_case
from myositis_cds.errors import CaseError, FieldProblem
from myositis_cds.ingest.text._draft import Draft, Extraction, Sentence
from myositis_cds.ingest.text._model import ExtractionResult, Fact
from myositis_cds.ingest.text._rules import compile_rule, term_key
from myositis_cds.ingest.text._time import INDEX, TimePoint, shift_days
from myositis_cds.ingest.text.facts.events import recorded_event, story_event
from myositis_cds.ingest.text.facts.labs import lab_unit
from myositis_cds.ingest.text.facts.patient import OLDEST_AGE, pronoun_sex
from myositis_cds.ingest.text.facts.tumours import (
    STAGING_PARTS,
    benign_operation,
    names_cancer,
    reported_site,
    spread_stated,
)

__all__ = ["assemble"]


_POSITIVE = frozenset({"positive", "weak_positive"})
_INVESTIGATION_RANK = {"not_stated": 0, "pending": 1, "normal": 2, "abnormal": 3}
# the events a note names again without a date once it has dated them: a surgery's specimen, a
# remission restated ("in sustained remission"); a patient's state told on the note's day
# (issue #10, i48e: the remission as the surgery before it)
_NAMED_AGAIN_UNDATED = frozenset({"surgery", "remission"})
# issue #10 (i10ba): how far before a cancer's name a longer name implying its site may begin
_IMPLIED_LEAD = 24


# (issue #10, i15c) how far from the visit a dated antibody result may be restated undated
# (i49a: three years, not the work-up's half year: a follow-up letter, a form or a referral names
# the disease by the antibody of a panel dated one to three years before, "NXP2-positive JDM",
# and the same result restated is no second test on the visit's day; never across polarities)
_RESTATED_DAYS = 1100


def _evidence_rank(d: Draft) -> int:
    """How directly an antibody's result is given (issue #10, i10ae): 2 a level read with its
    cut-off or beside its result word, 1 a result word, 0 a result read from a label ("anti-MDA5
    dermatomyositis") or a bare "anti-X"."""
    if d.inferred:
        return 0
    return 2 if "level" in d.value else 1


def _index_date(ex: Extraction, anchor: date | None, today: date) -> date:
    if ex.note_date is not None and ex.note_date <= today:
        return ex.note_date
    if ex.note_date is not None:  # a journal issue's date on a story told earlier
        ex.warn("the note's own date is after today: the anchor date is used instead")
    base = anchor if anchor is not None else today
    index = base
    for _ in range(3):
        latest = max(
            (
                d.time.resolve(index)
                for d in ex.drafts
                if d.time.absolute is None and d.status in ("present", "absent")
            ),
            default=index,
        )
        if latest <= base:
            break
        index = shift_days(index, -(latest - base).days)
    if index != base:
        ex.warn(
            f"the note states no date of its own: the presentation is placed on "
            f"{index.isoformat()} so that the last follow-up it describes falls on "
            f"{base.isoformat()}; dates are approximate"
        )
    else:
        ex.warn(
            f"the note states no date of its own: facts are dated {base.isoformat()} "
            "(the anchor date) and times it gives relative to that"
        )
    return index


def _same_laboratory_ranges(
    ex: Extraction, records: list[dict[str, Any]], drafts_of: dict[int, tuple[Draft, bool]]
) -> None:
    """issue #10 (i15b): a value without a reference range of its own, said to come from the
    same laboratory as the note's other values (rules/patterns.yaml ``lab_same_laboratory``:
    "(for the record: CK 1 320 U/L on 22 Sep, same lab)"), takes the range the note states for
    that lab in that unit, when it states only one. Without such words a value keeps no range
    (an earlier or later value may come from another laboratory; the gold of the open notes
    does not carry a range over). A flag stated with the value is kept; the "no range, read as
    above" rule is decided again by the range. Marked uncertain, with a warning."""
    cues = ex.rules.value["lab_same_laboratory"]
    for rec in records:
        if "value" not in rec or "upper_limit" in rec or "lower_limit" in rec:
            continue
        d, by_rule = drafts_of.get(id(rec), (None, False))
        if d is None or ("above_uln" in rec and not by_rule):
            continue
        said = ex.text[d.sentence.start : d.sentence.end]
        if not any(rx.search(said) for rx in cues):
            continue
        ranges = {
            (r.get("lower_limit"), r["upper_limit"])
            for r in records
            if r["code"] == rec["code"] and r.get("unit") == rec["unit"] and "upper_limit" in r
        }
        if len(ranges) != 1:
            continue
        lower, upper = next(iter(ranges))
        rec["upper_limit"] = upper
        if lower is not None:
            rec["lower_limit"] = lower
        rec.pop("above_uln", None)
        d.uncertain = True
        ex.warn(
            f"{rec['code']} {rec['value']:g} {rec['unit']} on {rec['date']}: no reference range "
            f"of its own; said to be from the same laboratory, so the range stated with the "
            f"other {rec['code']} (upper limit {upper:g}) is taken: check it"
        )


def assemble(ex: Extraction, anchor: date | None, today: date) -> ExtractionResult:
    index = _index_date(ex, anchor, today)
    for d in ex.drafts:  # "since around Christmas": the last one before the visit
        if d.type == "onset" and "holiday" in d.value:
            month, day_of_month = d.value.pop("holiday")
            day = date(index.year, month, day_of_month)
            if day > index:
                day = date(index.year - 1, month, day_of_month)
            d.time = TimePoint(absolute=day, uncertain=True)
    used: set[int] = set()
    data: dict[str, Any] = {}
    drafts = ex.drafts

    def ev(d: Draft) -> dict[str, Any]:
        uncertain = d.uncertain or d.time.uncertain
        return ex.evidence(d.start, d.end, d.sentence, d.inferred, uncertain).model_dump()

    def when(d: Draft) -> date:
        return d.time.resolve(index)

    def ok(d: Draft) -> bool:
        if when(d) > today:
            ex.warn(
                f"a {d.type} ('{_quote(ex, d)}') resolves to {when(d).isoformat()}, after "
                "today: left out of the case"
            )
            return False
        return True

    # ---------------------------------------------------------------- patient
    patient: dict[str, Any] = {}
    for d in drafts:
        if d.type == "patient" and d.code not in patient:
            patient[d.code] = d.value["value"]
            if d.code == "age" and (d.value.get("decade") or d.value.get("approximate")):
                patient["age_approximate"] = True  # "in his 70s": said so in the assessment
            used.add(id(d))
    if "sex" not in patient:
        guess = pronoun_sex(ex)
        if guess is not None:
            sex, a, b = guess
            patient["sex"] = sex
            sent = ex.sentence_at(a)
            assert sent is not None  # the pronoun is read inside a sentence
            drafts.append(
                Draft("patient", "sex", "present", a, b, sent, INDEX, {"value": sex}, inferred=True)
            )
            used.add(id(drafts[-1]))
            ex.warn(f"sex not stated: {sex} inferred from pronouns")
        else:
            patient["sex"] = "unknown"
            ex.warn("sex not stated in the note: recorded as unknown")
    born = patient.pop("birth_date", None)
    if born is not None and born <= today:
        patient["birth_date"] = born.isoformat()
        patient.pop("age_approximate", None)  # the date of birth gives the exact age
        stated = patient.get("age")
        patient["age"] = age_in_years(born, today)
        if stated is not None and abs(age_in_years(born, index) - stated) > 1:
            ex.warn(
                f"the stated age ({stated}) and the date of birth ({born.isoformat()}) disagree; "
                "the age is taken from the date of birth"
            )
    elif "age" not in patient:
        # never refuse a note for one missing fact: the case is assessed without an age
        patient["age_unknown"] = True
        ex.warn(
            "age not stated (no age or date of birth found): the age at onset is unknown, so "
            "the EULAR/ACR age item, the adult/juvenile subgroup and the age-dependent cancer "
            "risk factor are not assessed; a stated age or date of birth would decide them"
        )
    else:
        elapsed = age_in_years(index, today) if index < today else 0
        if elapsed:
            ex.warn(
                f"age {patient['age']} is stated at {index.isoformat()}; {elapsed} year(s) added"
            )
        patient["age"] = patient["age"] + elapsed
    if patient.get("age") is not None and not 0 <= patient["age"] <= OLDEST_AGE:
        # issue #10 (i51p): an age no patient has is a misreading (of the date it was stated
        # on, or of the birth date): left unread, as for a note that states none
        ex.warn(
            f"the age read ({patient['age']}) is above {OLDEST_AGE}: a misreading, left "
            "unknown, so the EULAR/ACR age item, the adult/juvenile subgroup and the "
            "age-dependent cancer risk factor are not assessed"
        )
        for field in ("age", "birth_date", "age_approximate"):
            patient.pop(field, None)
        patient["age_unknown"] = True
    data["patient"] = patient

    # ---------------------------------------------------------------- onset, diagnosis
    for d in drafts:
        if d.type == "event" and d.code == "diagnosis" and d.status == "present" and ok(d):
            data["diagnosis_date"] = when(d).isoformat()
            break
    onset = _onset(ex, drafts, when, ok, index, data.get("diagnosis_date"))
    if onset is not None:
        if "diagnosis_date" in data and when(onset).isoformat() > data["diagnosis_date"]:
            ex.warn(
                f"'{_quote(ex, onset)}' would put the onset after the diagnosis "
                f"({data['diagnosis_date']}): it dates a later symptom, not the onset"
            )
        else:
            data["onset_date"] = when(onset).isoformat()
            used.add(id(onset))

    # issue #10 (i17a): no onset dated, but its age stated ("Age at onset: 40"): the case's
    # onset_age as stated, no date made up for it; an age at diagnosis is the onset's estimate
    # (the notes' gold convention), so it is marked as one
    stated_age = next(
        (d for d in drafts if d.type == "onset" and d.code == "onset_age" and ok(d)), None
    )
    if "onset_date" not in data and stated_age is not None:
        data["onset_age"] = stated_age.value["value"]
        used.add(id(stated_age))
        if stated_age.value.get("diagnosis"):
            data["onset_estimated"] = True
            ex.warn(
                f"onset not dated: the age at onset is taken as the age at diagnosis the note "
                f"states ({stated_age.value['value']}, '{_quote(ex, stated_age)}')"
            )

    # No onset stated: the age at presentation (or at the diagnosis, if dated) is the best
    # estimate of the age at onset. A child's age makes the onset juvenile whatever the exact
    # onset; an adult's age decides the criteria's age band unless the onset was years earlier.
    age_now = patient.get("age")
    if "onset_date" not in data and "onset_age" not in data and age_now is not None:
        base = date.fromisoformat(data["diagnosis_date"]) if "diagnosis_date" in data else index
        estimate = age_now - (age_in_years(base, today) if base < today else 0)
        named = _juvenile_named(ex) if estimate >= 18 else None
        if named is not None:
            # issue #10 (i25b): an adult whose disease the note names juvenile began it as a
            # child: the adult age is no estimate of the age at onset, which is left unknown
            ex.warn(
                f"onset not stated, but the note names juvenile disease ('{named}'): the onset "
                "was in childhood, at an age not stated, so the age at onset is left unknown"
            )
        elif (longstanding := _longstanding_named(ex)) is not None:
            # issue #10 (i35r): a disease the note calls longstanding began years before this
            # age, how many is not said: the age now is no estimate of the age at onset
            ex.warn(
                f"onset not stated, but the note calls the disease longstanding "
                f"('{longstanding}'): the onset was years earlier, at an age not stated, so the "
                "age at onset is left unknown"
            )
        elif (earlier := _longstanding_named(ex, ex.rules.one("earlier_diagnosis"))) is not None:
            # issue #10 (i46n): diagnosed before the story, when is not said: a bound only
            ex.warn(
                f"onset not stated, but the note says the disease was diagnosed earlier "
                f"('{earlier}'), at an age not stated, so the age at onset is left unknown"
            )
        elif estimate >= 0:
            data["onset_age"] = estimate
            data["onset_estimated"] = True
            where = "at the diagnosis" if "diagnosis_date" in data else "in the note"
            ex.warn(
                f"onset not stated: the age at onset is taken as the age {where} ({estimate})"
                + (", so the onset is juvenile" if estimate < 18 else "")
                + "; a stated onset or duration of symptoms would give it exactly"
            )

    # ---------------------------------------------------------------- findings
    findings: dict[tuple[str, bool, date], Draft] = {}
    for d in drafts:
        if d.type != "finding" or d.status not in ("present", "absent") or not ok(d):
            continue
        if d.value.get("criterion") is False:
            if d.value.get("complaint") and d.status == "present":  # issue #10
                ex.warn(
                    f"weakness the patient complains of ('{_quote(ex, d)}') is a symptom, not "
                    f"objective {d.code.replace('_', ' ')}: not counted; a graded strength "
                    "examination would decide the EULAR/ACR item"
                )
            elif d.value.get("symptom") and d.status == "present":
                ex.warn(
                    f"difficulty with a task ('{_quote(ex, d)}') is a symptom, not objective "
                    f"{d.code.replace('_', ' ')}: not counted; a graded strength examination "
                    "would decide the EULAR/ACR item"
                )
            continue  # weakness on one side only, or a symptom: shown, not a criterion
        key = (d.code, d.status == "present", when(d))
        current = findings.get(key)
        if current is None or (current.inferred and not d.inferred):
            findings[key] = d
    explicit = {(c, day) for (c, _, day), d in findings.items() if not d.inferred}
    records = []
    for (code, present, day), d in findings.items():
        if (
            d.inferred
            and (code, day) in explicit
            and (code, present, day) not in {k for k, v in findings.items() if not v.inferred}
        ):
            continue  # the note states the opposite in so many words
        records.append(
            {"code": code, "present": present, "date": day.isoformat(), "evidence": ev(d)}
        )
        used.add(id(d))
    if records:
        data["findings"] = records

    # ---------------------------------------------------------------- labs
    lab_units = {str(k): v.unit for k, v in ex.rules.lexicon.labs.items()}
    lab_clearly = {str(k): v.clearly_above for k, v in ex.rules.lexicon.labs.items()}
    lab_clearly_child = {str(k): v.clearly_above_child for k, v in ex.rules.lexicon.labs.items()}
    labs: dict[tuple[Any, ...], dict[str, Any]] = {}
    drafts_of: dict[int, tuple[Draft, bool]] = {}  # i15b: a record's draft; raised by the rule?
    for d in drafts:
        if d.type != "lab" or d.status != "present" or not ok(d):
            continue
        v = dict(d.value)
        rec: dict[str, Any] = {"code": d.code, "date": when(d).isoformat()}
        if "value" in v:
            unit = v.get("unit")
            if unit is None:
                unit = lab_units[d.code]
                d.uncertain = True
                ex.warn(f"{d.code} {v['value']:g}: no unit stated, {unit} assumed")
            recorded, factor = lab_unit(ex.rules, d.code, unit)
            if factor != 1.0:
                ex.warn(f"{d.code} converted from {unit} to {recorded} (×{factor:g})")
            unit = recorded
            rec["value"] = round(v["value"] * factor, 6)
            rec["unit"] = unit
            for lim in ("upper_limit", "lower_limit"):
                if lim in v:
                    rec[lim] = round(v[lim] * factor, 6)
            if rec.get("upper_limit") == 0:
                del rec["upper_limit"]
        if "above_uln" in v:
            rec["above_uln"] = v["above_uln"]
        clearly = lab_clearly[d.code]
        child = lab_clearly_child[d.code]  # issue #10 (i12c): a child's lower ranges
        if (
            child is not None
            and age_now is not None
            and child.from_age <= age_now < child.below_age
        ):
            clearly = child
        if (
            clearly is not None
            and "value" in rec
            and "upper_limit" not in rec
            and "above_uln" not in rec
            and rec["unit"] == lab_units[d.code]
            and rec["value"] > clearly.value
        ):
            rec["above_uln"] = True
            d.uncertain = True
            ex.warn(
                f"{d.code} {rec['value']:g} {rec['unit']}: no reference range stated; read as "
                f"above the upper limit (above {clearly.value:g}, beyond every "
                f"{'range of that age' if clearly is child else 'adult range'}): "
                "check it"
            )
        if "value" not in rec and "above_uln" not in rec:
            continue
        lab_key = tuple(sorted((k, str(x)) for k, x in rec.items()))
        if lab_key not in labs:
            rec["evidence"] = ev(d)
            labs[lab_key] = rec
            used.add(id(d))
            drafts_of[id(rec)] = (d, "above_uln" in rec and "above_uln" not in v)
    _same_laboratory_ranges(ex, list(labs.values()), drafts_of)
    measured = {(r["code"], r["date"]) for r in labs.values() if "value" in r}
    # "persistently elevated CK ... CK levels decreased to 7400": the judgement goes to the
    # value of that day when the value has no reference limit of its own
    judged = {
        (rec["code"], rec["date"])
        for rec in labs.values()
        if "value" not in rec and rec.get("above_uln") is True
    }
    for rec in labs.values():
        day_key = (rec["code"], rec["date"])
        if "value" in rec and day_key in judged and "upper_limit" not in rec:
            rec.setdefault("above_uln", True)
    kept = [
        r
        for r in labs.values()
        if "value" in r or (r["code"], r["date"]) not in measured  # "elevated CK" + its value
    ]
    if kept:
        data["labs"] = kept

    # ---------------------------------------------------------------- antibodies
    antibodies: dict[tuple[str, date], tuple[Draft, dict[str, Any]]] = {}
    stated = {
        d.code
        for d in drafts
        if d.type == "antibody" and d.status == "present" and "result" in d.value and not d.inferred
    }
    # issue #10 (i15c): a diagnosis line or a judgement that restates the panel's result at the
    # visit ("Dg.: dermatomyositis, anti-NXP2 positive" over "blot (sample 13/10): anti-NXP2
    # +++") names the dated result again, not a second test on the visit's day: a sentence of no
    # date of its own that repeats the result of another stated date (within the half year of
    # one illness's work-up, before or during the stay the summary closes) is that result.
    # Only the same result: never a change of polarity.
    dated_results: dict[tuple[str, str], date] = {}
    dated_days: dict[tuple[str, str], set[date]] = {}
    # where a sentence's first assay word and first disease name stand, found once for the
    # sentence, not for each of its antibodies (issue #10, hostile input: thousands of names)
    firsts: dict[tuple[int, int], int] = {}
    # (issue #10, i40a: rules/patterns.yaml antibody_assay_sentence, antibody_result_disease_name)
    assay_words = ex.rules.one("antibody_assay_sentence")
    disease_name = ex.rules.one("antibody_result_disease_name")

    def first_word(rx: re.Pattern[str], sent: Sentence) -> int:
        key = (id(rx), sent.index)
        if key not in firsts:
            found = rx.search(ex.text, sent.start, sent.end)
            firsts[key] = found.start() if found is not None else sent.end
        return firsts[key]

    for d in drafts:
        if (
            d.type == "antibody"
            and d.status == "present"
            and "result" in d.value
            and not d.inferred
            and d.time != INDEX
            and d.time.absolute is not None
            and when(d) != index
        ):
            dated_results.setdefault((d.code, d.value["result"]), when(d))
            if first_word(assay_words, d.sentence) >= d.sentence.end:
                continue
            dated_days.setdefault((d.code, d.value["result"]), set()).add(when(d))
    diagnosed = data.get("diagnosis_date")

    # (never when another result of the antibody stands on the visit's day: the restated
    # positive is then the one that keeps the day's result from a misread negative)
    day_results: dict[tuple[str, date], set[str]] = {}
    for d in drafts:
        if d.type == "antibody" and d.status == "present" and "result" in d.value:
            day_results.setdefault((d.code, when(d)), set()).add(d.value["result"])

    def restated(d: Draft) -> bool:
        earlier = dated_results.get((d.code, d.value["result"]))
        return (
            earlier is not None
            and day_results.get((d.code, when(d))) == {d.value["result"]}
            and d.time == INDEX
            and not d.sentence.candidates
            and abs((index - earlier).days) <= _RESTATED_DAYS
        ) or on_diagnosis_line(d)

    def on_diagnosis_line(d: Draft) -> bool:
        # issue #10 (i40a): the result restated as the disease's attribute on the line that
        # names the diagnosis ("3. Dermatomyositis, anti-SAE1 positive, diagnosed 16/06/2026"
        # over "line blot (sample 10/06/2026): anti-SAE1 positive"; "Dermatomyositis, anti-NXP2
        # positive (line blot 22/09/2026: NXP2 ++), diagnosed 30/09/2026"), dated by the
        # diagnosis or the visit: not a second test on that day. Only after the disease's name
        # with no assay named before the result, only the same result of an assay's sentence
        # on another day within _RESTATED_DAYS.
        if when(d) != index and (diagnosed is None or when(d).isoformat() != diagnosed):
            return False
        if day_results.get((d.code, when(d))) != {d.value["result"]}:
            return False
        if first_word(assay_words, d.sentence) < d.start:
            return False  # an assay named before the result: the assay's own
        if first_word(disease_name, d.sentence) >= d.start:
            return False  # no disease's name before the result: no label of it
        return any(
            day != when(d) and abs((day - when(d)).days) <= _RESTATED_DAYS
            for day in dated_days.get((d.code, d.value["result"]), ())
        )

    for d in drafts:
        if d.type != "antibody" or d.status != "present" or "result" not in d.value or not ok(d):
            continue
        if d.inferred and d.code in stated:
            continue  # "anti-MDA5 dermatomyositis" repeats a result the note states elsewhere
        if restated(d):
            continue
        ab_key = (d.code, when(d))
        if ab_key in antibodies:
            first = antibodies[ab_key][0]
            kept, new = antibodies[ab_key][1]["result"], d.value["result"]
            # issue #10 (i10ae): one order for two results of one antibody on one date. A result
            # the note states beats one read from a label or a bare "anti-X"; between stated
            # results a positive is never discarded for a negative (whichever is measured: a
            # missed positive withholds its cancer screening), and a real conflict is said; the
            # same result stated twice keeps its most direct evidence (a level with its cut-off).
            later_positive = kept == "negative" and new in _POSITIVE
            if kept != new and first.inferred == d.inferred:
                ex.warn(
                    f"{d.code} is reported both {kept} and {new} on {when(d).isoformat()}: the "
                    + ("later positive is kept" if later_positive else "first is kept")
                )
            replace = (first.inferred and not d.inferred) or (
                first.inferred == d.inferred
                and (later_positive or (kept == new and _evidence_rank(d) > _evidence_rank(first)))
            )
            if not replace:
                continue
            used.discard(id(first))
            del antibodies[ab_key]
        ab_rec = {
            "code": d.code,
            "result": d.value["result"],
            "date": when(d).isoformat(),
            "evidence": ev(d),
        }
        if "level" in d.value:
            ab_rec["level"] = d.value["level"]
            ab_rec["unit"] = d.value["unit"]
        antibodies[ab_key] = (d, ab_rec)
        used.add(id(d))
    if antibodies:
        data["antibodies"] = [rec for _, rec in antibodies.values()]

    # ---------------------------------------------------------------- investigations
    investigations: dict[tuple[str, date], Draft] = {}
    for d in drafts:
        if d.type != "investigation" or d.status != "present" or not ok(d):
            continue
        inv_key = (d.code, when(d))
        cur = investigations.get(inv_key)
        if cur is None or _better_investigation(d, cur):
            investigations[inv_key] = d
    if investigations:
        data["investigations"] = []
        for (code, day), d in investigations.items():
            inv = {
                "code": code,
                "date": day.isoformat(),
                "result": d.value["result"],
                "evidence": ev(d),
            }
            if "note" in d.value:
                inv["note"] = d.value["note"]
            data["investigations"].append(inv)
            used.add(id(d))

    # ---------------------------------------------------------------- tumours
    tumours = _tumours(ex, drafts, when, ok, used, ev, index, today)
    if tumours:
        data["tumours"] = tumours

    # ---------------------------------------------------------------- treatments
    given = [
        d
        for d in drafts
        if d.type == "treatment" and d.status in ("present", "historical") and ok(d)
    ]
    # tests/data/notes README: a treatment whose start the note does not state is not recorded
    # (a drug list, "currently on prednisolone"): at least one mention must date its start.
    dated_drugs = {d.code for d in given if not d.value.get("no_start")}
    given = [d for d in given if d.code in dated_drugs]
    # The start is the earliest one the note states ("since diagnosis", "started on 18/01"); a
    # mention with no time of its own ("discharged on prednisolone") only says it goes on.
    # (issue #10, i20a: nor does a mention that names the drug as current without its start,
    # "MEDS: prednisone 60 mg" after "quit 1995": the time it inherits is no start)
    first_stated: dict[str, Draft] = {}
    for d in given:
        if (
            d.time != INDEX
            and not d.value.get("no_start")
            and (d.code not in first_stated or when(d) < when(first_stated[d.code]))
        ):
            first_stated[d.code] = d
    # issue #10 (i52t): a drug started again after a stop the note states is a second course,
    # recorded on its own ("weaned off Dec 2025" then "restarted today"; a pulse that ended
    # "then oral methylprednisolone"): its start, dose and stop are that course's
    starts = _course_starts(given, first_stated, when, index, today)
    courses: dict[tuple[str, int], dict[str, Any]] = {}
    for d in given:
        # (a mention before the first start stated belongs to the first course)
        course = max(bisect_right(starts.get(d.code, []), when(d)) - 1, 0)
        tr = courses.get((d.code, course))
        if tr is None:
            first = first_stated.get(d.code, d)
            if course > 0:
                first = next(
                    x
                    for x in given
                    if x.code == d.code
                    and not x.value.get("no_start")
                    and when(x) == starts[d.code][course]
                )
            tr = {"drug": d.code, "start": when(first).isoformat(), "evidence": ev(first)}
            courses[(d.code, course)] = tr
            used.add(id(first))
        for k in ("dose", "route"):
            if k in d.value and k not in tr:
                tr[k] = d.value[k]
                used.add(id(d))
        if d.until is not None:
            stop = d.until.resolve(index)
            if stop.isoformat() >= tr["start"] and stop <= today:
                tr["stop"] = stop.isoformat()
                used.add(id(d))
    if courses:
        data["treatments"] = list(courses.values())

    # ---------------------------------------------------------------- events
    events: dict[tuple[str, date], dict[str, Any]] = {}
    dated_kinds = {
        d.code
        for d in drafts
        if d.type == "event" and d.status == "present" and d.time.absolute is not None
    }
    for d in drafts:
        if d.type != "event" or not ok(d) or not story_event(ex, d):
            continue
        if d.code in _NAMED_AGAIN_UNDATED and d.code in dated_kinds and d.time == INDEX:
            # "Specimen: pancreaticoduodenectomy" names the operation dated elsewhere; (i48e)
            # "dermatomyositis, in remission" the remission the note dates ("since March")
            continue
        ev_key = (d.code, when(d))
        if ev_key not in events:
            events[ev_key] = {"kind": d.code, "date": when(d).isoformat(), "evidence": ev(d)}
            used.add(id(d))
    if events:
        data["events"] = list(events.values())

    # ---------------------------------------------------------------- muscle biopsy
    biopsy = [
        d
        for d in drafts
        if d.type == "muscle_biopsy" and d.status in ("present", "absent") and ok(d)
    ]
    if biopsy:
        mb: dict[str, Any] = {"date": when(biopsy[0]).isoformat(), "evidence": ev(biopsy[0])}
        for d in biopsy:
            mb.setdefault(d.code, d.value["value"])
            used.add(id(d))
        data["muscle_biopsy"] = mb

    # ---------------------------------------------------------------- core set assessments
    visits: dict[date, dict[str, Any]] = {}
    for d in drafts:
        if d.type != "assessment" or not ok(d):
            continue
        visit = visits.setdefault(when(d), {"date": when(d).isoformat(), "evidence": ev(d)})
        visit.setdefault(d.code, d.value["value"])
        if d.code == "mmt8" and "max" in d.value:
            visit.setdefault("mmt8_max", d.value["max"])
        used.add(id(d))
    if visits:
        data["assessments"] = list(visits.values())

    case = _validate(ex, data, today)
    facts = [_fact(ex, d, index, id(d) in used) for d in drafts]
    return ExtractionResult(case=case, facts=facts, warnings=list(ex.warnings), index_date=index)


def _course_starts(
    given: list[Draft],
    first_stated: dict[str, Draft],
    when: Callable[[Draft], date],
    index: date,
    today: date,
) -> dict[str, list[date]]:
    """issue #10 (i52t): the first day of each course of each drug, in order: the earliest start
    the note states, then each later start that comes after a stop the note states for the
    course before it (a drug stopped and started again), by a time of its own or by one told
    after its start word that is the visit's ("restarted today"). A later start with no stop before
    it (a dose changed, the drug named again) goes on with the same course."""
    stops: dict[str, list[date]] = {}
    for d in given:
        if d.until is not None and d.until.resolve(index) <= today:
            stops.setdefault(d.code, []).append(d.until.resolve(index))
    starts: dict[str, list[date]] = {}
    for code, first in first_stated.items():
        days = [when(first)]
        later = {
            when(d)
            for d in given
            if d.code == code and d.start_told and not d.value.get("no_start")
        }
        for day in sorted(later):
            if any(days[-1] <= stop < day for stop in stops.get(code, [])):
                days.append(day)
        starts[code] = days
    return starts


def _onset(
    ex: Extraction,
    drafts: list[Draft],
    when: Any,
    ok: Any,
    index: date,
    diagnosed: str | None = None,
) -> Draft | None:
    """The stated onset ("three-month history", "onset Sept 2021"), else the first symptom the
    note dates before the visit ("In March 2022 she noticed difficulty lifting her arms").
    issue #10 (i44f): a sign dated only as the diagnosis's ("diagnosed on 25 August 2026 ...
    SAE1, dysphagia") is no dated first symptom: it was there by then, since when the note does
    not say, and the gold then leaves the onset unknown (notes README: onset_age is the age at
    the stated diagnosis)."""
    for d in drafts:
        if d.type == "onset" and d.code == "onset_date" and ok(d):
            return d
    earlier = [
        d
        for d in drafts
        if d.type == "finding"
        and d.status == "present"
        and ok(d)
        and shift_days(index, -730) <= when(d) < index
        and when(d).isoformat() != diagnosed
    ]
    if not earlier:
        return None
    first = min(earlier, key=when)
    ex.warn(
        f"onset taken as the first symptom the note dates ({when(first).isoformat()}, "
        f"'{_quote(ex, first)}'): check it"
    )
    drafts.append(
        Draft(
            "onset",
            "onset_date",
            "present",
            first.start,
            first.end,
            first.sentence,
            first.time,
            inferred=True,
        )
    )
    return drafts[-1]


def _better_investigation(new: Draft, cur: Draft) -> bool:
    """A result the note states beats an inferred one or none (not_stated); then the more
    telling result wins."""
    return _investigation_weight(new) > _investigation_weight(cur)


def _investigation_weight(d: Draft) -> tuple[bool, int]:
    result = d.value["result"]
    return not d.inferred and result != "not_stated", _INVESTIGATION_RANK[result]


# a past-history cancer dated at least this long before the note has a date of its own
_PAST_DAYS = 365


def _tumours(
    ex: Extraction,
    drafts: list[Draft],
    when: Any,
    ok: Any,
    used: set[int],
    ev: Any,
    index: date,
    today: date,
) -> list[dict[str, Any]]:
    """One record per tumour the note describes with a site and a size, in the order found.

    A cancer of the patient's past history ("treated for Hodgkin lymphoma in 2012") is recorded
    too, dated when the note says it was (the pathway, not the adapter, judges whether it falls
    in the cancer-associated window); one the note gives no date for ("history of breast
    cancer") is recorded as found by the note's date with ``found_date_latest`` (issue #10), so
    no date is invented and the pathway reports the window as unknown; a warning asks for the
    date."""
    parts = [
        d for d in drafts if d.type == "tumour" and d.status in ("present", "historical") and ok(d)
    ]
    by_tumour: dict[int, list[Draft]] = {}
    undated: set[int] = set()  # past-history cancers the note gives no date for
    for d in parts:
        by_tumour.setdefault(d.value.get("tumour", 0), []).append(d)
    for key, group in list(by_tumour.items()):
        # (issue #10, i23d: an operation is an event of the story, always "present": it says
        # nothing of whether its cancer is; "a previous history of total thyroidectomy ... for
        # thyroid cancer" is a past-history cancer all the same)
        present = [d for d in group if d.status == "present"]
        if any(d.code != "resected" for d in present):
            # issue #10: the histology its history gave ("a past history of gastric
            # adenocarcinoma ... a liver metastasis from the gastric cancer") still names it
            named = any(d.code == "histology" for d in present)
            # (issue #10, i10ah: and the site it gave, "a history of stage IVB uterine serous
            # carcinoma ... on neoadjuvant chemotherapy", when no present part names one)
            placed = any(d.code == "site" for d in present)
            # (issue #10, i53i: and the nodes and metastases its staging gave, "prostate
            # adenocarcinoma ...; prostatectomy 2019 (pT2 N0)", when no present part stages them)
            staged = {d.code for d in present if d.code in STAGING_PARTS}
            by_tumour[key] = present + [
                d
                for d in group
                if (d.code == "histology" and not named)
                or (d.code == "site" and not placed)
                or (d.code in STAGING_PARTS and d.code not in staged)
                # (and a mention its history dates, which dates the find: see _tumour)
                or (
                    d.code == "mention" and d.status == "historical" and d.time.absolute is not None
                )
            ]
            continue
        # past history only: its date must be one the note states, which is more than a
        # year before the note (a history line dated on the visit states no date of its own)
        found = min(group, key=when)
        # (i10ba: a time within the last year is the sentence's, not the cancer's: "with nasal
        # cavity melanoma, previously treated ..., presented with myalgia a few days after her
        # second infusion"; a stated cancer is never dropped for it, issue #10)
        if all(_undated(d) or (index - when(d)).days <= _PAST_DAYS for d in group):
            # issue #10: "a history of breast cancer" is a cancer of this patient all the same:
            # recorded as found by the note's date (found_date_latest), never at a made-up date
            undated.add(key)
            ex.warn(
                f"a cancer in the past history ('{_quote(ex, found)}') is given without a date: "
                f"recorded as found by {index.isoformat()} (the note's date; found_date_latest), "
                "so whether it falls near the myositis onset is not assessed; add the date it "
                "was found"
            )
        else:
            ex.warn(
                f"a cancer in the past history ('{_quote(ex, found)}') is recorded as found "
                f"{when(found).isoformat()}, as the note dates it"
            )
    records: list[dict[str, Any]] = []
    taken: set[int] = set()  # operations already given to a tumour
    # issue #10 (i10-text20): an operation after today ("oesophagectomy ... he died three years
    # after the onset", read from a report written later than the date it speaks from) is not
    # this tumour's resection yet: the tumour, found before today, stays in the case
    # (_tumour reads only investigations and operations from these: the rest are left out here,
    # once, rather than passed over by every tumour, which on a note naming hundreds of tumours
    # made the assembly quadratic)
    known = [
        d
        for d in drafts
        if d.type == "investigation"
        or (d.type == "event" and d.code == "surgery" and when(d) <= today)
    ]
    for key in sorted(by_tumour):
        rec = _tumour(ex, known, by_tumour[key], when, used, ev, taken, today)
        if rec is not None and key in undated:
            rec["found_date"] = index.isoformat()
            rec["found_date_latest"] = True
            rec.pop("resected_date", None)  # no operation can be dated after an unknown find
        if rec is not None:
            records.append(rec)
    return sorted(records, key=lambda rec: rec["found_date"])


def _undated(d: Draft) -> bool:
    """A draft the note gives no time of its own: neither a date nor a time before the visit."""
    return d.time.absolute is None and d.time.months == 0 and d.time.days == 0


# issue #10: words that say a histology is the pathologist's diagnosis, not a passing name
# issue #10 (i25b): the names of juvenile (childhood-onset) myositis - juvenile dermatomyositis,
# JDM, juvenile idiopathic inflammatory myopathy (JIIM), childhood-onset dermatomyositis - in
# English and as the other languages read here name it (dermatomiositis juvenil, dermatomyosite
# juvénile, dermatomiosite giovanile/juvenil, juveniele dermatomyositis, juvenile
# Dermatomyositis, ювенильный дерматомиозит, 幼年/青少年/儿童皮肌炎, 若年性皮膚筋炎); each
# language's standard name, written by us (verified U). Adult-onset disease is never so named.
_JUVENILE_DISEASE = compile_rule(
    r"\b(?:juvenile(?:[- ]onset)?\s+(?:idiopathic\s+)?(?:inflammatory\s+)?"
    r"(?:dermatomyositis|myositis|polymyositis|myopath(?:y|ies))"
    r"|childhood[- ]onset\s+(?:dermatomyositis|myositis)|JDM|JIIM"
    r"|dermatomiositis\s+juvenil|dermatomyosite\s+juv[ée]nile|dermatomiosite\s+"
    r"(?:giovanile|juvenil)|juveniele\s+dermatomyositis|ювенильн\w+\s+дерматомиозит\w*)\b"
    r"|(?:幼年性?|青少年|儿童|兒童)皮肌炎|若年性皮膚筋炎",
    re.IGNORECASE,
)


# issue #10 (lead, round 25 review): a sentence that sets juvenile disease beside the adult form
# or gives a proportion is about the disease, not this patient ("23-25% of juvenile
# dermatomyositis ...", "survient à l'âge adulte, parfois chez l'enfant (dermatomyosite
# juvénile)"): the adult in English and the Romance and Germanic languages, and a per cent
# (issue #10, i37r: or says where a finding is mostly met, "NXP-2 antibody ... was observed
# mostly in juvenile dermatomyositis", "se observa principalmente en la dermatomiositis juvenil":
# a frequency adverb before "in"; English, Spanish, Portuguese, French, Italian, German; verified U)
_JUVENILE_GENERAL = re.compile(
    r"\b(?:adults?|adulte?s?|adultos?|adulti|erwachsen\w*|volwassen\w*)\b|成人|\d\s?%"
    r"|\b(?:mostly|mainly|predominantly|primarily|chiefly|largely|frequently|commonly"
    r"|especially|particularly|principalmente|sobre\s+todo|sobretudo|surtout"
    r"|principalement|soprattutto|vor\s+allem|haupts[äa]chlich)\s+(?:in|en|em|na|no|chez|nella"
    r"|nei|bei)\b",
    re.IGNORECASE,
)


def _juvenile_named(ex: Extraction) -> str | None:
    """The words naming juvenile myositis in the title or in a sentence about the patient, if
    any, not negated, and not in a sentence about the disease in general."""
    for m in _JUVENILE_DISEASE.finditer(ex.text):
        sent = ex.sentence_at(m.start())
        if sent is None or not (sent.patient or sent.section == "title"):
            continue
        if _JUVENILE_GENERAL.search(ex.text, sent.start, sent.end):
            continue
        found = sent.context.assert_target(m.start(), m.end(), frozenset({"NEGATED_EXISTENCE"}))
        if found.categories:
            continue  # "not juvenile dermatomyositis"
        return m.group()
    return None


# issue #10 (i35r): the patient's myositis, or the diagnosis the note leaves unnamed, called
# longstanding ("for a longstanding diagnosis", "long-standing dermatomyositis", "dermatomyosite
# connue de longue date", "dermatomiositis de larga evolución", "dermatomiosite de longa data");
# not "a longstanding diagnosis of hypertension" (another disease) nor "longstanding DM" (often
# diabetes). Each language's usual phrase, written by us (verified U).
_LONGSTANDING_DISEASE = compile_rule(
    r"\b(?:long[- ]?standing|of\s+long\s+standing)\s+(?:(?:diagnosis|disease)(?!\s+of\b)"
    r"|dermatomyositis|polymyositis|myositis|inflammatory\s+myopathy)\b"
    r"|\b(?:dermatomyosite|polymyosite|myosite|dermatomiositis|polimiositis|miositis"
    r"|dermatomiosite|polimiosite|miosite)\s+(?:connue\s+)?de\s+(?:longue\s+date"
    r"|larga\s+(?:evolución|data|duración)|longa\s+(?:data|evolução|duração))\b",
    re.IGNORECASE,
)


def _longstanding_named(
    ex: Extraction, rule: re.Pattern[str] = _LONGSTANDING_DISEASE
) -> str | None:
    """The words calling the patient's disease longstanding (``rule``; or diagnosed before, at a
    time not stated: patterns.yaml ``earlier_diagnosis``), in a sentence about the patient, not
    negated, if any (issue #10, i35r)."""
    for m in rule.finditer(ex.text):
        sent = ex.sentence_at(m.start())
        if sent is None or not sent.patient:
            continue
        found = sent.context.assert_target(
            m.start(), m.end(), frozenset({"NEGATED_EXISTENCE", "GENERIC"})
        )
        if found.categories:
            continue
        return m.group()
    return None


_DIAGNOSED_AS = re.compile(
    r"\b(?:biops(?:y|ies)|histolog\w*|histopatholog\w*|patholog\w*|immunohisto\w*|cytolog\w*"
    r"|specimens?|diagnos[ie]s\s+of|diagnosed\s+(?:as|with))\b",
    re.IGNORECASE,
)


def _stated_histology(ex: Extraction, parts: list[Draft]) -> Draft | None:
    """The histology a tumour's pathology or diagnosis sentence gives ("the biopsy ... led to the
    diagnosis of large cell neuroendocrine carcinoma"), which wins over a name used in passing
    elsewhere (a title's "neuroendocrine tumor"); None when no such sentence names one."""
    for d in parts:
        if d.code == "histology" and _diagnosed_as_in(ex, d.sentence):
            return d
    return None


def _diagnosed_as_in(ex: Extraction, sent: Sentence) -> bool:
    """Whether ``sent`` has a pathology or diagnosis word (_DIAGNOSED_AS), searched once per
    sentence: every tumour of a long sentence asks (issue #10, hostile input: hundreds of tumours
    in one sentence searched it again each)."""
    return ex.index(
        "diagnosed as",
        lambda: _DIAGNOSED_AS.search(ex.text, sent.start, sent.end) is not None,
        sent.index,
    )


# issue #10 (i24c): the blood, urine and stool tests of a screen point to a cancer but never show
# it ("urinalysis 09/30: microscopic haematuria; TURBT 10/21"): an abnormal one in the tumour's
# sentence does not date its finding, the cystoscopy, scan or resection that showed it does
_RAISES_SUSPICION_ONLY = frozenset(
    {
        "urinalysis",
        "full_blood_count",
        "liver_function",
        "serum_protein_electrophoresis",
        "faecal_occult_blood",
    }
)


def _tumour(
    ex: Extraction,
    drafts: list[Draft],
    parts: list[Draft],
    when: Any,
    used: set[int],
    ev: Any,
    taken: set[int],
    today: date,
) -> dict[str, Any] | None:
    first: dict[str, Draft] = {}
    for d in parts:
        first.setdefault(d.code, d)
    rec: dict[str, Any] = {}
    site = first.get("site")
    size = first.get("size_mm")
    # issue #10 (i10am): a generic name ("non-small cell carcinoma", "carcinoma", "cancer") is
    # refined by a specific histology named for the same tumour ("NSCLC, favour squamous cell
    # carcinoma"; a final diagnosis after a frozen section): "other" only when none is named
    named_kinds = [d for d in parts if d.code == "histology" and d.value["value"] != "other"]
    hist = (
        _stated_histology(ex, named_kinds)
        or (named_kinds[0] if named_kinds else None)
        or _stated_histology(ex, parts)
        or first.get("histology")
    )
    named = {d.value["value"].casefold() for d in parts if d.code == "mention"}
    malignant = (hist is not None and hist.value["value"] != "other") or any(
        rx.fullmatch(word) for rx in ex.rules.value["malignancy"][:1] for word in named
    )
    implied = None
    if site is None:  # "Merkel cell carcinoma", "DLBCL": the name says where it arises
        for d in parts:
            # (i10ba: with the words just before it that make a longer name: "mucosal melanoma"
            # is no skin's, rules/languages.yaml implied_sites)
            lead = max(d.sentence.start, d.start - _IMPLIED_LEAD)
            hits = [
                h
                for h in ex.rules.implied_sites.find(ex.text[lead : d.end])
                if h.end == d.end - lead or h.start >= d.start - lead
            ]
            if hits:
                implied = hits[0].concept
                break
    reported = None
    if site is None and implied is None and malignant:  # issue #10 (i10q)
        reported = reported_site(ex, list({d.sentence.index: d.sentence for d in parts}.values()))
        implied = reported
    if site is None and reported is not None:
        ex.warn(
            f"the site ({reported.replace('_', ' ')}) is read from how the cancer was reported "
            "(the organ's own reporting terms)"
        )
    elif site is None and implied is not None:
        ex.warn(f"the site ({implied.replace('_', ' ')}) is read from the cancer's name")
    elif site is None and malignant:
        # a named malignancy whose primary the note does not give ("neuroendocrine carcinoma",
        # "leiomyosarcoma of unknown primary") is still a cancer: site "other", said so
        ex.warn("a cancer is named without its site: recorded with site 'other'")
    elif site is None:
        ex.warn("a tumour is described but its site is not stated: not added to the case")
        return None
    if (
        size is None
        and hist is None
        and not any(names_cancer(n) for n in named)
        and not any(term_key(n) in ex.rules.cancer_noun_keys for n in named)  # issue #10 (i10i)
        and not spread_stated(ex, parts)  # issue #10 (i36l)
    ):
        ex.warn(
            "a lesion is described without a size or a histology: not added to the case "
            "(a size or a pathology report would add it)"
        )
        return None
    rec["site"] = site.value["value"] if site is not None else (implied or "other")
    rec["histology"] = hist.value["value"] if hist else "other"
    if hist is None:
        ex.warn("tumour histology not stated: recorded as 'other'")
    if size is not None:
        rec["size_mm"] = size.value["value"]
    else:
        # a cancer named without a size is still a cancer (cancer-associated myositis)
        ex.warn(
            f"a tumour ({rec['site'].replace('_', ' ')}) is recorded without a size: grading, "
            "staging and size-based options are not assessed; a measured size would give them"
        )
    mapping = {
        "functional": "functional",
        "syndrome": "syndrome",
        "ki67_percent": "ki67_percent",
        "mitoses": "mitoses",
        "nodes": "nodes",
        "metastases": "metastases",
        "main_duct_dilated": "main_duct_dilated",
    }
    for code, field_name in mapping.items():
        if code in first:
            rec[field_name] = first[code].value["value"]
            used.add(id(first[code]))
    invades = []
    for d in parts:
        if d.code == "invades" and d.value["value"] not in invades:
            invades.append(d.value["value"])
            used.add(id(d))
    if invades:
        rec["invades"] = invades
    # found: the first time the note mentions it, or a test in the same sentence that showed
    # it ("Known pancreatic NET (EUS-FNA 2023)")
    sentences = {
        d.sentence.index for d in parts if d.code != "resected" and not d.value.get("held")
    }
    shown = [
        d
        for d in drafts
        if d.type == "investigation"
        and d.status == "present"
        and d.value.get("result") == "abnormal"
        and d.sentence.index in sentences
        and d.code not in _RAISES_SUSPICION_ONLY
    ]
    # a histology taken from the history dates nothing when the tumour is described now
    # (issue #10, i10ah: a part of its history the note dates does: "Bladder cancer ... TURBT
    # March 2016" then "bladder cancer in remission for 10 years": found in March 2016)
    dated = [
        d
        for d in parts
        if d.code != "resected"
        and not d.value.get("held")  # i22b: a staging scan read before it was named
        and (d.status == "present" or (d.status == "historical" and d.time.absolute is not None))
    ] or [d for d in parts if d.code != "resected"]
    # issue #10 (i19a): a case report tells its story past the visit it opens with; its title,
    # summary and discussion name the tumour with no time of their own. When every mention the
    # note dates is after that visit (and not after today), those undated mentions say nothing
    # of when it was found: the first dated one does (the scan that showed it)
    candidates = dated + shown
    own = [d for d in candidates if d.time.absolute is not None and when(d) <= today]
    narrated = [d for d in candidates if _undated(d)]
    # (i23d: but a size measured without a date of its own, before anything the note dates, is
    # the report's own examination, on its date: "FINDINGS: ... a spiculated nodule of 22 x 17
    # mm", then an addendum's dated histology or PET; a title names the tumour, it does not
    # measure it, and a summary after the dated story restates it, "So the scan found a 12 mm
    # tumour")
    measured = bool(own) and any(
        d.code == "size_mm" and d.start < min(o.start for o in own) for d in narrated
    )
    if own and narrated and not measured and min(map(when, own)) > max(map(when, narrated)):
        candidates = [d for d in candidates if not _undated(d)]
    found = min(candidates, key=when)
    rec["found_date"] = when(found).isoformat()
    resection = first.get("resected")
    if resection is not None and _undated(resection):
        # issue #10 (i10ba): the operation named again without its date ("mitomycin
        # instillation after TURBT") is the one the note dates elsewhere ("Mar 2026: ...
        # (TURBT)"); an undated cancer removed then was found by then at the latest
        words = ex.text[resection.start : resection.end].casefold()
        dated_same = next(
            (
                d
                for d in drafts
                if d.type == "event"
                and d.code == "surgery"
                and d.status == "present"
                and d.time.absolute is not None
                and ex.text[d.start : d.end].casefold() == words
            ),
            None,
        )
        if dated_same is not None:
            resection = dated_same
            if all(_undated(d) for d in dated) and when(resection) < when(found):
                rec["found_date"] = when(resection).isoformat()
                found = resection
    if resection is None:
        # a resection reported without naming the tumour ("underwent sigmoid colectomy"); (issue
        # #10, i10ah) or, in the past history, an operation on its organ in a sentence that
        # names it ("Bladder cancer: urothelial carcinoma, TURBT March 2016")
        told = {d.sentence.index for d in parts}
        resection = next(
            (
                d
                for d in drafts
                if d.type == "event"
                and d.code == "surgery"
                and (
                    (
                        d.status == "present"
                        and recorded_event(ex, d)
                        and _removes(ex, d, rec["site"])
                    )
                    or (
                        d.status == "historical"
                        and d.time.absolute is not None  # (a date the note states)
                        and d.sentence.index in told
                        and (
                            rec["site"] in _organs(ex, d)
                            # issue #10 (i20b): or an operation naming no organ dated with the
                            # cancer itself ("melanoma ... wide local excision 2018", "History of
                            # melanoma (2018, excised)"); a later date in its sentence may be
                            # another treatment's ("... then letrozole until 2022")
                            or (
                                not _organs(ex, d)
                                and when(d) == when(found)
                                and _removes(ex, d, rec["site"])
                            )
                        )
                    )
                )
                and id(d) not in taken
                and when(d) >= when(found)
            ),
            None,
        )
    if resection is None:
        # a specimen from an operation on its organ dated before the report ("Whipple's
        # procedure 02/09/2025" in a pathology report): found at the latest when removed
        resection = next(
            (
                d
                for d in drafts
                if d.type == "event"
                and d.code == "surgery"
                and d.status == "present"
                and recorded_event(ex, d)
                and id(d) not in taken
                and when(d) < when(found)
                and rec["site"]
                in {m.concept for m in ex.rules.operations.find(ex.text, d.start, d.end)}
            ),
            None,
        )
        if resection is not None:
            rec["found_date"] = when(resection).isoformat()
            found = resection
    if resection is not None and when(resection) >= when(found):
        rec["resected_date"] = when(resection).isoformat()
        used.add(id(resection))
        taken.add(id(resection))
        taken.update(
            id(d)
            for d in drafts
            if d.type == "event" and d.code == "surgery" and d.start == resection.start
        )
    for stated in ("grade", "t_stage"):  # stated grade and T: facts shown to the clinician
        if stated in first:
            used.add(id(first[stated]))
    anchor = hist or site or first["mention"]
    rec["evidence"] = ev(anchor)
    for part in (site, size, hist, first.get("mention")):
        if part is not None:
            used.add(id(part))
    return rec


def _organs(ex: Extraction, operation: Draft) -> set[str]:
    """The organs an operation's words name ("gastrectomy": the stomach)."""
    return {m.concept for m in ex.rules.operations.find(ex.text, operation.start, operation.end)}


def _removes(ex: Extraction, operation: Draft, site: str) -> bool:
    """Whether an operation can be the one that removed a tumour at ``site``: it names no organ
    ("underwent surgery") or names that one ("gastrectomy" for the stomach)."""
    organs = _organs(ex, operation)
    return site in organs if organs else not benign_operation(ex, operation.sentence)


def _validate(ex: Extraction, data: dict[str, Any], today: date) -> Case:
    """Validate; a record the model refuses is dropped with a warning naming it (the first
    problem the model names, then again)."""
    for _ in range(10):
        try:
            return parse_case(data, today=today)
        except CaseError as exc:
            if not exc.problems or not _leave_out(ex, data, exc.problems[0]):
                raise
    return parse_case(data, today=today)


def _leave_out(ex: Extraction, data: dict[str, Any], problem: FieldProblem) -> bool:
    """Drop what ``problem`` names: a patient field, one record of a section, or a top-level
    field other than the patient; False when it names nothing that can be left out."""
    if _drop_patient_field(ex, data, problem):
        return True
    m = re.match(r"^(\w+)\[(\d+)\]", problem.path)
    if m is None or m.group(1) not in data:
        m2 = re.match(r"^(\w+)", problem.path)
        if m2 and m2.group(1) in data and m2.group(1) != "patient":
            ex.warn(f"{problem}: left out of the case")
            del data[m2.group(1)]
            return True
        return False
    section, i = m.group(1), int(m.group(2))
    ex.warn(f"{problem}: left out of the case")
    del data[section][i]
    if not data[section]:
        del data[section]
    return True


def _drop_patient_field(ex: Extraction, data: dict[str, Any], problem: FieldProblem) -> bool:
    """A patient field the model refuses (an age read as 147, a birth date after the visit) is
    left out with a warning, never the whole note (issue #10): an age or date of birth that
    cannot be the patient's makes the age unknown, said as for a note that states none; any
    other field (region, a flag) is dropped. False when the problem is not a patient field."""
    m = re.match(r"^patient\.(\w+)", problem.path)
    patient = data.get("patient")
    if m is None or not isinstance(patient, dict):
        return False
    field = m.group(1)
    if field in ("age", "birth_date", "age_unknown", "age_approximate"):
        for key in ("age", "birth_date", "age_approximate"):
            patient.pop(key, None)
        patient["age_unknown"] = True
        data.pop("onset_age", None)  # taken from that age
        ex.warn(
            f"{problem}: the age is left unknown, so the EULAR/ACR age item, the adult/juvenile "
            "subgroup and the age-dependent cancer risk factor are not assessed"
        )
        return True
    if field == "sex":
        patient["sex"] = "unknown"
    elif field in patient:
        del patient[field]
    else:
        return False
    ex.warn(f"{problem}: left out of the case")
    return True


def _fact(ex: Extraction, d: Draft, index: date, in_case: bool) -> Fact:
    return d.to_fact(ex, index, in_case=in_case)


def _quote(ex: Extraction, d: Draft) -> str:
    words = ex.text[d.start : d.end]
    return words if len(words) <= 40 else words[:37] + "..."
