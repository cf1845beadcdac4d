"""What the web page shows, built from a Case and its Assessment (no HTTP here).

Nothing here decides anything clinical: the result region is laid out from the assessment (the
report's own section builders are reused for classification, antibodies, tumours, course and
sources), the fact editor turns form fields back into a case dict that :func:`parse_case`
validates, and the note is marked up with the evidence offsets the text adapter recorded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from html import escape
from typing import Any, Literal

from myositis_cds.assessment import Assessment
from myositis_cds.case import (
    AntibodyCode,
    AntibodyResultValue,
    Case,
    EventKind,
    FindingCode,
    InvestigationCode,
    InvestigationResult,
    LabCode,
    Sex,
)
from myositis_cds.errors import CaseError, FieldProblem

__all__ = [
    "FactRow",
    "ResultView",
    "apply_edits",
    "build_result",
    "case_rows",
    "csp_safe_svg",
    "highlight_note",
]

# --------------------------------------------------------------------------- result region

Tone = Literal["normal", "muted", "alert"]


@dataclass(frozen=True)
class Line:
    text: str
    tone: Tone = "normal"
    label: str = ""  # a word that carries the meaning without colour: "overdue", "alert"


@dataclass
class ResultView:
    """The result region, in the order the page shows it."""

    summary: list[Line]
    urgent: list[Line]
    classification: Any
    antibody_lists: list[tuple[str, str]]
    antibodies: Any
    risk: dict[str, Any] | None
    risk_rows: list[list[str]]
    screening: list[dict[str, Any]]
    screening_counts: dict[str, int]
    tumours: Any
    course: list[Any]
    recommendations: list[dict[str, Any]]
    warnings: list[str]
    sources: Any
    as_of: str
    records_left_out: int


def build_result(a: Assessment, case: Case) -> ResultView:
    """Lay out one assessment for the page (report sections reused where they fit)."""
    from myositis_cds.render.report import build_sections

    by_title = {s.title: s for s in build_sections(a, case)}
    d = a.model_dump(mode="json")
    course_titles = (
        "Timeline",
        "Response to treatment (2016 ACR/EULAR)",
        "Lines of therapy and refractoriness",
        "Antibody trends",
        "Paraneoplastic course and alerts",
        "Timeline of the case",
    )
    course = [by_title[t] for t in course_titles if t in by_title]
    if not course and "Course" in by_title:
        course = [by_title["Course"]]
    order = {"overdue": 0, "due": 1, "done": 2, "not_indicated": 3}
    screening = sorted(d.get("screening") or [], key=lambda s: order.get(s["status"], 4))
    risk = d.get("cancer_risk")
    risk_rows = [
        [
            str(f.get("label") or f.get("id")),
            str(f.get("tier") or ""),
            str(f.get("direction") or ""),
            str(f.get("evidence") or ""),
            str(f.get("source") or ""),
        ]
        for f in (risk or {}).get("factors") or []
        if isinstance(f, dict)
    ]
    counts: dict[str, int] = {}
    for item in screening:
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    ab = d["antibodies"]

    def codes(key: str) -> str:
        return ", ".join(f"anti-{c}" for c in ab.get(key) or []) or "none"

    return ResultView(
        summary=_summary(d),
        urgent=_urgent(d),
        classification=by_title["Classification"],
        antibody_lists=[
            ("Positive", codes("positive")),
            ("Weak positive", codes("weak_positive")),
            ("Negative", codes("negative")),
            ("Indeterminate", codes("indeterminate")),
            ("Not tested", ", ".join(ab.get("not_tested") or []) or "none"),
        ],
        antibodies=by_title["Antibody panel"],
        risk=risk,
        risk_rows=risk_rows,
        screening=screening,
        screening_counts=counts,
        tumours=by_title.get("Tumour card") or by_title.get("Tumours"),
        course=course,
        recommendations=d["recommendations"],
        warnings=list(a.warnings),
        sources=by_title["Sources"],
        as_of=a.as_of.isoformat(),
        records_left_out=a.records_left_out,
    )


def _urgent(d: Mapping[str, Any]) -> list[Line]:
    """What is overdue or critical, first on the page."""
    lines: list[Line] = []
    overdue = [s for s in d.get("screening") or [] if s["status"] == "overdue"]
    if overdue:
        names = ", ".join(s.get("label") or s["test"] for s in overdue)
        lines.append(Line(f"{len(overdue)} screening test(s) overdue: {names}", "alert", "Overdue"))
    for t in d.get("tumours") or []:
        follow = t.get("follow_up") or {}
        if follow.get("status") == "overdue":
            lines.append(
                Line(
                    f"Tumour follow-up ({t['site']}) overdue (due {follow.get('next_due')})",
                    "alert",
                    "Overdue",
                )
            )
    for alert in (d.get("course") or {}).get("alerts") or []:
        lines.append(Line(str(alert.get("summary", alert)), "alert", "Alert"))
    for r in d["recommendations"]:
        if r["indicator"] == "critical":
            lines.append(Line(r["summary"], "alert", "Critical"))
    return lines


def _summary(d: Mapping[str, Any]) -> list[Line]:
    c = d["classification"]
    text = f"{c['category']}" + (f", {c['subgroup']}" if c.get("subgroup") else "")
    lines = [
        Line(
            f"Classification (EULAR/ACR 2017): {text} — score {c['score']:.1f}, "
            f"probability {c['probability']:.0%}"
            + (" — needs muscle-biopsy features to classify" if c.get("requires_biopsy") else "")
        )
    ]
    risk = d.get("cancer_risk")
    lines.append(
        Line(f"Cancer risk ({risk['guideline']}): {risk['category']}")
        if risk
        else Line("Cancer risk: not assessed (see data gaps)", "muted")
    )
    for t in d.get("tumours") or []:
        parts = [f"Tumour: {t['site']} {str(t['histology']).replace('_', ' ')}"]
        parts.append(f"grade {t['grade']}" if t.get("grade") else "grade not assessed")
        if t.get("tnm"):
            parts.append(str(t["tnm"]))
        parts.append(f"stage {t['stage']}" if t.get("stage") else "stage not assessed")
        lines.append(Line(", ".join(parts)))
    return lines


# --------------------------------------------------------------------------- the plot


_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)


def csp_safe_svg(svg: str, *, title: str) -> str:
    """Matplotlib's SVG made safe to inline under a CSP without 'unsafe-inline' styles.

    ``style="fill: #fff; stroke-width: 0.8"`` becomes presentation attributes
    (``fill="#fff" stroke-width="0.8"``), which a Content-Security-Policy does not govern; the
    one global ``<style>`` rule (line joins and caps) becomes attributes of the root, which the
    elements inherit unless they set their own. The SVG gets an accessible name.
    """

    def attrs(match: re.Match[str]) -> str:
        out = []
        for decl in match.group(1).split(";"):
            name, sep, value = decl.partition(":")
            if sep and name.strip():
                out.append(f' {name.strip()}="{escape(value.strip(), quote=True)}"')
        return "".join(out)

    body = _METADATA.sub("", _STYLE_ELEMENT.sub("", svg))
    body = _STYLE_ATTR.sub(attrs, body)
    body = re.sub(r'\s(width|height)="[^"]*pt"', "", body, count=2)
    return body.replace(
        "<svg ",
        '<svg role="img" aria-labelledby="plot-title" preserveAspectRatio="xMinYMin meet" '
        'stroke-linejoin="round" stroke-linecap="butt" ',
        1,
    ).replace(">", f'><title id="plot-title">{escape(title)}</title>', 1)


# --------------------------------------------------------------------------- the fact editor

FieldKind = Literal["select", "date", "number", "text", "checkbox"]
_YES_NO = (("yes", "yes"), ("no", "no"), ("", "not stated"))
_PRESENT = (("yes", "present"), ("no", "absent"))


def _choices(enum: type[StrEnum]) -> tuple[tuple[str, str], ...]:
    return tuple((str(m.value), str(m.value).replace("_", " ")) for m in enum)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    options: tuple[tuple[str, str], ...] = ()
    boolean: bool = False  # select of yes/no (or a checkbox) mapped to true/false


_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "findings": (
        FieldSpec("code", "Finding", "select", _choices(FindingCode)),
        FieldSpec("present", "Present or absent", "select", _PRESENT, boolean=True),
        FieldSpec("date", "Date", "date"),
    ),
    "labs": (
        FieldSpec("code", "Test", "select", _choices(LabCode)),
        FieldSpec("value", "Value", "number"),
        FieldSpec("unit", "Unit", "text"),
        FieldSpec("above_uln", "Above the upper limit", "select", _YES_NO, boolean=True),
        FieldSpec("date", "Date", "date"),
    ),
    "antibodies": (
        FieldSpec("code", "Antibody", "select", _choices(AntibodyCode)),
        FieldSpec("result", "Result", "select", _choices(AntibodyResultValue)),
        FieldSpec("level", "Level", "number"),
        FieldSpec("date", "Date", "date"),
    ),
    "investigations": (
        FieldSpec("code", "Investigation", "select", _choices(InvestigationCode)),
        FieldSpec("result", "Result", "select", _choices(InvestigationResult)),
        FieldSpec("date", "Date", "date"),
    ),
    "treatments": (
        FieldSpec("drug", "Drug", "text"),
        FieldSpec("dose", "Dose", "text"),
        FieldSpec("start", "Start", "date"),
        FieldSpec("stop", "Stop", "date"),
    ),
    "events": (
        FieldSpec("kind", "Event", "select", _choices(EventKind)),
        FieldSpec("date", "Date", "date"),
    ),
    "tumours": (
        FieldSpec("size_mm", "Size (mm)", "number"),
        FieldSpec("ki67_percent", "Ki-67 (%)", "number"),
        FieldSpec("functional", "Functional", "select", _YES_NO, boolean=True),
        FieldSpec("found_date", "Found", "date"),
        # issue #10: an undated cancer is recorded as found BY the date shown; unticking says
        # the date is the real one (the flag is then left out: false is its default)
        FieldSpec(
            "found_date_latest", "Date not stated: found by this date", "checkbox", boolean=True
        ),
        FieldSpec("resected_date", "Resected", "date"),
    ),
    "assessments": (FieldSpec("date", "Date", "date"),),
}
_PATIENT_FIELDS = (
    FieldSpec("patient.sex", "Sex", "select", _choices(Sex)),
    FieldSpec("patient.age", "Age (years)", "number"),
    FieldSpec("patient.birth_date", "Birth date", "date"),
    FieldSpec("onset_date", "Onset of first symptom", "date"),
    FieldSpec("diagnosis_date", "Date of diagnosis", "date"),
)
SECTION_TITLES = {
    "findings": "Findings",
    "labs": "Laboratory tests",
    "antibodies": "Antibodies",
    "investigations": "Investigations",
    "treatments": "Treatments",
    "events": "Events",
    "tumours": "Tumours",
    "assessments": "Core-set assessments",
}


@dataclass
class Control:
    key: str  # form field name
    spec: FieldSpec
    value: str


@dataclass
class FactRow:
    """One case record as the page shows it: what it says, where it was read, its controls."""

    number: int
    section: str
    index: int
    text: str
    evidence: dict[str, Any] | None
    inferred: bool
    uncertain: bool
    controls: list[Control] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"f.{self.section}.{self.index}"

    @property
    def review(self) -> bool:
        return self.inferred or self.uncertain


def _form_value(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.boolean:
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _word(value: Any) -> str:
    """A code as words; the facts form sends the case back unchecked, so anything may come."""
    return "?" if value is None else str(value).replace("_", " ")


def _amount(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return f"{value:g}"
        except OverflowError:  # an integer no float holds
            return str(value)[:20]
    return "?" if value is None else str(value)


def _describe(section: str, r: Mapping[str, Any]) -> str:
    date = r.get("date") or r.get("start") or r.get("found_date") or ""
    if section == "tumours" and date and r.get("found_date_latest") is True:
        date = f"by {date}, date not stated"  # an undated cancer: never shown as an exact date
    if section == "findings":
        what = f"{_word(r.get('code'))}: {'present' if r.get('present') else 'absent'}"
    elif section == "labs":
        if r.get("value") is not None:
            what = f"{r.get('code')} {_amount(r['value'])} {r.get('unit') or ''}".strip()
        else:
            above = r.get("above_uln")
            flag = "above" if above is True else "not above" if above is False else "?"
            what = f"{r.get('code')}: {flag} the upper limit"
    elif section == "antibodies":
        what = f"anti-{r.get('code')}: {_word(r.get('result'))}"
    elif section == "investigations":
        what = f"{_word(r.get('code'))}: {_word(r.get('result'))}"
    elif section == "treatments":
        what = " ".join(str(x) for x in (r.get("drug"), r.get("dose")) if x)
    elif section == "events":
        what = _word(r.get("kind"))
    elif section == "tumours":
        size = r.get("size_mm")  # may be null: a cancer named without a size
        what = f"{r.get('site')} {_word(r.get('histology'))}"
        what += f", {_amount(size)} mm" if size is not None else ", size not recorded"
    else:
        what = "core-set assessment"
    return f"{what} ({date})" if date else what


def case_rows(case_data: Mapping[str, Any]) -> tuple[list[Control], list[FactRow]]:
    """Patient controls and one :class:`FactRow` per record of a case dict (JSON form)."""
    patient = [
        Control(f"p.{spec.name}", spec, _form_value(spec, _dig(case_data, spec.name)))
        for spec in _PATIENT_FIELDS
    ]
    rows: list[FactRow] = []
    for section, specs in _FIELDS.items():
        for i, record in enumerate(case_data.get(section) or []):
            ev = record.get("evidence")
            row = FactRow(
                number=len(rows) + 1,
                section=section,
                index=i,
                text=_describe(section, record),
                evidence=ev,
                inferred=bool(ev and ev.get("inferred")),
                uncertain=bool(ev and ev.get("certainty") == "uncertain"),
            )
            row.controls = [
                Control(f"{row.key}.{s.name}", s, _form_value(s, record.get(s.name))) for s in specs
            ]
            rows.append(row)
    return patient, rows


def _dig(data: Mapping[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _parse_field(spec: FieldSpec, raw: str, path: str) -> Any:
    raw = raw.strip()
    if spec.kind == "checkbox":
        # the form sends "no" from a hidden field and "yes" after it when ticked (last wins)
        if raw not in ("yes", "no", ""):
            raise CaseError.single(path, f"tick or untick, not {raw[:20]!r}")
        return True if raw == "yes" else None
    if raw == "":
        return None
    if spec.boolean:
        if raw not in ("yes", "no"):
            raise CaseError.single(path, f"choose yes or no, not {raw[:20]!r}")
        return raw == "yes"
    if spec.kind == "number":
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            raise CaseError.single(path, f"{raw[:20]!r} is not a number") from None
    return raw


def apply_edits(
    case_data: Mapping[str, Any], form: Mapping[str, str]
) -> tuple[dict[str, Any], Any]:
    """The case dict with the clinician's corrections applied, and a function that turns a
    problem path of the corrected case back into the fact number the page showed.

    Per record the form carries ``f.<section>.<i>.action`` (``keep``, ``confirm`` or
    ``remove``) and one field per editable attribute; a confirmed fact is no longer marked
    inferred or uncertain (the clinician has checked it against the patient).
    """
    data: dict[str, Any] = {k: v for k, v in case_data.items()}
    patient = dict(data.get("patient") or {})
    for spec in _PATIENT_FIELDS:
        key = f"p.{spec.name}"
        if key not in form:
            continue
        value = _parse_field(spec, form[key], spec.name)
        if spec.name.startswith("patient."):
            _set(patient, spec.name.split(".", 1)[1], value)
        else:
            _set(data, spec.name, value)
    age = patient.get("age")
    if isinstance(age, float) and age.is_integer():
        patient["age"] = int(age)
    data["patient"] = patient
    numbers: dict[tuple[str, int], int] = {}
    _, rows = case_rows(case_data)
    for row in rows:
        numbers[(row.section, row.index)] = row.number
    kept_index: dict[tuple[str, int], int] = {}
    for section, specs in _FIELDS.items():
        out: list[dict[str, Any]] = []
        for i, record in enumerate(case_data.get(section) or []):
            key = f"f.{section}.{i}"
            action = form.get(f"{key}.action", "keep")
            if action == "remove":
                continue
            new = dict(record)
            for s in specs:
                name = f"{key}.{s.name}"
                if name in form:
                    _set(new, s.name, _parse_field(s, form[name], f"{section}[{i}].{s.name}"))
            if action == "confirm" and new.get("evidence"):
                new["evidence"] = {**new["evidence"], "inferred": False, "certainty": "certain"}
            kept_index[(section, len(out))] = i
            out.append(new)
        if section in data or out:
            data[section] = out

    def where(path: str) -> str:
        m = re.match(r"(\w+)\[(\d+)\](.*)", path)
        if not m or (m.group(1), int(m.group(2))) not in kept_index:
            return path
        old = kept_index[(m.group(1), int(m.group(2)))]
        number = numbers.get((m.group(1), old))
        return f"fact {number} ({m.group(1)}[{old}]{m.group(3)})"

    return data, where


def _set(target: dict[str, Any], name: str, value: Any) -> None:
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value


def renumber_problems(exc: CaseError, where: Any) -> CaseError:
    """A CaseError whose paths name the fact numbers the clinician sees."""
    return CaseError(FieldProblem(where(p.path), p.message) for p in exc.problems)


# --------------------------------------------------------------------------- the note


def highlight_note(note: str, rows: Iterable[FactRow]) -> tuple[str, set[int]]:
    """The note as HTML, each fact's words in a ``<mark>`` followed by its number.

    Spans may overlap or nest (an inferred sign inside a longer description): the text is cut at
    every start and end, each piece is marked if any fact covers it. Only evidence whose words
    are found at their offsets is shown; the numbers of those facts are returned.
    """
    spans: list[tuple[int, int, FactRow]] = []
    for row in rows:
        ev = row.evidence
        if not ev:
            continue
        start, end = int(ev.get("start", -1)), int(ev.get("end", -1))
        if 0 <= start < end <= len(note) and note[start:end] == ev.get("text"):
            spans.append((start, end, row))
    cuts = sorted({0, len(note), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[FactRow]] = {}
    ends: dict[int, list[FactRow]] = {}
    for s, e, row in spans:
        starts.setdefault(s, []).append(row)
        ends.setdefault(e, []).append(row)
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        out.extend(
            f'<span class="ref-anchor" id="ev-{r.number}"></span>' for r in starts.get(a, [])
        )
        covering = [r for s, e, r in spans if s <= a and b <= e]
        piece = escape(note[a:b])
        if covering:
            review = any(r.review for r in covering)
            cls = "ev review" if review else "ev"
            out.append(f'<mark class="{cls}">{piece}</mark>')
        else:
            out.append(piece)
        for r in ends.get(b, []):
            flag = "?" if r.review else ""
            out.append(
                f'<a class="ref" href="#fact-{r.number}" '
                f'aria-label="fact {r.number}{", to confirm" if r.review else ""}">'
                f"[{r.number}{flag}]</a>"
            )
    return "".join(out), {r.number for _, _, r in spans}
