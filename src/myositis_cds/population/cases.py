"""One candidate's fact rows → a :class:`~myositis_cds.case.Case` (contract §2).

The engine has already matched, deduplicated and dated every record; this module only places
each fact in its case field. It applies no clinical rule: classification, risk and the screening
plan are decided by :func:`myositis_cds.assess` on the case built here.

Choices an OMOP record forces (each reported in the case's warnings, never silently):

* ``diagnosis_date`` is the first IIM diagnosis record; ``onset_date`` the earliest of that and
  the first recorded myositis manifestation (rash, weakness, dysphagia, myalgia).
* Birth date: ``birth_datetime``, else year/month/day of birth (missing month or day: 1 July /
  the 1st, with a warning).
* A procedure gives an investigation whose result the CDM does not hold (``not_stated``: done,
  the result is not in the record; never read as a normal screen).
* A measurement with a value but no unit keeps its value with the unit ``unrecorded`` (a
  warning names the lab); a negative value is left out.
* A qualitative antibody result comes from ``value_as_concept_id`` (LOINC answer codes); a
  numeric level is positive above the record's own ``range_high``; otherwise indeterminate.
* A recorded malignancy is listed (site and date) but not staged: the CDM holds no tumour size.
* Records dated after today or before birth cannot be in a case: they are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from myositis_cds.case import Case, FindingCode, parse_case

__all__ = ["BuiltCase", "build_case"]

_MALE, _FEMALE = 8507, 8532
# Manifestations that can date the first symptom (onset); ILD, Raynaud or arthritis may precede
# the myositis by years, so they do not.
_ONSET_FINDINGS = frozenset(
    {
        "heliotrope_rash",
        "gottron_papules",
        "gottron_sign",
        "weakness_proximal_upper",
        "weakness_proximal_lower",
        "neck_flexors_weaker_than_extensors",
        "legs_proximal_weaker_than_distal",
        "dysphagia",
        "myalgia",
    }
)


@dataclass
class BuiltCase:
    person_id: int
    case: Case | None
    warnings: list[str] = field(default_factory=list)
    cancers: list[tuple[str, date]] = field(default_factory=list)
    left_out: int = 0
    error: str | None = None


def _birth(row: Mapping[str, Any], warnings: list[str]) -> date | None:
    if row.get("birth_date") is not None:
        return _as_date(row["birth_date"])
    year = row.get("year_of_birth")
    if year is None:
        warnings.append("person: no year of birth in the CDM")
        return None
    month, day = row.get("month_of_birth"), row.get("day_of_birth")
    if month is None or day is None:
        warnings.append("person: birth date estimated from the year (and month) of birth")
    try:
        return date(int(year), int(month or 7), int(day or 1))
    except ValueError:
        warnings.append("person: month/day of birth invalid; 1 July of the year used")
        return date(int(year), 7, 1)


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    return date.fromisoformat(str(value)[:10])


def build_case(person_id: int, rows: Iterable[Mapping[str, Any]], today: date) -> BuiltCase:
    """Place one person's fact rows in a case; never raises for bad data (see ``error``)."""
    rows = list(rows)
    first = rows[0]
    warnings: list[str] = []
    birth = _birth(first, warnings)
    gender = first.get("gender_concept_id")
    sex = "male" if gender == _MALE else "female" if gender == _FEMALE else "unknown"
    left_out = int(first.get("left_out") or 0)
    if left_out:
        warnings.append(
            f"{left_out} record(s) dated outside every observation period were left out"
        )

    unusable = 0
    diagnoses: list[date] = []
    findings: dict[str, date | None] = {}
    labs: list[dict[str, Any]] = []
    antibodies: list[dict[str, Any]] = []
    investigations: dict[tuple[str, date], dict[str, Any]] = {}
    biopsy: dict[str, Any] = {}
    treatments: dict[tuple[str, date], dict[str, Any]] = {}
    cancers: dict[date, str] = {}
    no_unit: set[str] = set()

    for r in rows:
        if r.get("day") is None:
            unusable += 1
            continue
        day = _as_date(r["day"])
        if day > today or (birth is not None and day < birth):
            unusable += 1
            continue
        kind, code = r["kind"], r["code"]
        if kind == "diagnosis":
            diagnoses.append(day)
        elif kind == "finding":
            if code not in findings or (findings[code] or day) > day:
                findings[code] = day
        elif kind == "lab":
            lab = _lab(code, r, day, no_unit)
            if lab is not None:
                labs.append(lab)
        elif kind == "antibody":
            antibodies.append(_antibody(code, r, day))
        elif kind == "investigation":
            investigations.setdefault(
                (code, day), {"code": code, "date": day, "result": "not_stated"}
            )
        elif kind == "biopsy":
            biopsy[code] = True
            biopsy["date"] = min(day, biopsy.get("date", day))
        elif kind == "treatment":
            entry = {"drug": code, "start": day}
            end = r.get("end_day")
            if end is not None and _as_date(end) >= day and _as_date(end) <= today:
                entry["stop"] = _as_date(end)
            treatments.setdefault((code, day), entry)
        elif kind == "cancer" and cancers.get(day) in (None, "any"):
            # One malignancy per date: a specific site wins over the generic concept.
            cancers[day] = code

    if unusable:
        warnings.append(
            f"{unusable} record(s) dated after today, before birth or undated were left out"
        )
    for code in sorted(no_unit):
        warnings.append(f"labs: {code} recorded without a unit in the CDM (unit 'unrecorded')")
    for day, site in sorted(cancers.items()):
        warnings.append(
            f"malignancy recorded in the CDM on {day.isoformat()} ({site}); not staged "
            "(the CDM holds no tumour size)"
        )

    data: dict[str, Any] = {
        "case_id": f"omop-person-{person_id}",
        "patient": {"sex": sex, "birth_date": birth},
    }
    if diagnoses:
        data["diagnosis_date"] = min(diagnoses)
        onset = [d for c, d in findings.items() if c in _ONSET_FINDINGS and d is not None]
        data["onset_date"] = min([*onset, min(diagnoses)])
    data["findings"] = [
        {"code": code, "present": True, "date": day}
        for code, day in sorted(findings.items())
        if code in FindingCode.__members__
    ]
    data["labs"] = labs
    data["antibodies"] = antibodies
    data["investigations"] = sorted(investigations.values(), key=lambda i: (i["date"], i["code"]))
    if biopsy:
        data["muscle_biopsy"] = biopsy
    data["treatments"] = sorted(treatments.values(), key=lambda t: (t["start"], t["drug"]))
    data["events"] = [
        {"kind": "other", "date": day, "note": f"malignancy recorded in the CDM ({site})"}
        for day, site in sorted(cancers.items())
    ]
    built = BuiltCase(
        person_id=person_id,
        case=None,
        warnings=warnings,
        cancers=sorted((s, d) for d, s in cancers.items()),
        left_out=left_out + unusable,
    )
    if birth is None:
        built.error = "patient.birth_date: no year of birth in the CDM"
        return built
    try:
        built.case = parse_case(data, today=today)
    except Exception as exc:  # CaseError: field paths only, no values from the record
        problems = getattr(exc, "problems", None)
        built.error = "; ".join(p.path for p in problems) if problems else type(exc).__name__
    return built


def _lab(code: str, r: Mapping[str, Any], day: date, no_unit: set[str]) -> dict[str, Any] | None:
    value = r.get("value")
    if value is None or value != value or value < 0:  # none, NaN or negative
        return None
    unit = r.get("unit")
    if not unit:
        no_unit.add(code)
        unit = "unrecorded"
    lab: dict[str, Any] = {"code": code, "value": float(value), "unit": unit, "date": day}
    low, high = r.get("range_low"), r.get("range_high")
    if high is not None and high == high and high > 0:
        lab["upper_limit"] = float(high)
    if low is not None and low == low and low >= 0 and (high is None or low <= high):
        lab["lower_limit"] = float(low)
    return lab


def _antibody(code: str, r: Mapping[str, Any], day: date) -> dict[str, Any]:
    label = r.get("value_result")
    value, high = r.get("value"), r.get("range_high")
    if label in ("positive", "negative"):
        result = label
    elif value is not None and value == value and high is not None and high == high:
        result = "positive" if value > high else "negative"
    else:
        result = "indeterminate"
    out: dict[str, Any] = {"code": code, "result": result, "date": day}
    if value is not None and value == value and value >= 0:
        out["level"] = float(value)
        if r.get("unit"):
            out["unit"] = r["unit"]
    return out
