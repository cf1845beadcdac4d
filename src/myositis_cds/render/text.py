"""The assessment as a readable terminal summary: one function per section."""

from __future__ import annotations

import re
import textwrap

from myositis_cds.assessment import Assessment
from myositis_cds.pathway.timeline import TimelineEntry
from myositis_cds.pathway.tumour_follow_up import FollowUp

__all__ = ["terminal_safe", "to_text"]

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI on some terminals)
# and the bidirectional overrides that reorder what a reader sees ("Trojan source").
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without control characters: user text (case_id, notes, evidence quoted from a
    note) must not move the cursor, recolour or retitle the terminal it is printed on."""
    return _CONTROLS.sub("", text)


_RULE = "-" * 72


def to_text(a: Assessment) -> str:
    parts: list[str] = [
        f"myositis-cds {a.tool_version} — assessment as of {a.as_of.isoformat()}"
        + (f" — case {a.case_id}" if a.case_id else ""),
        "Decision support only: check every item against the patient in front of you.",
    ]
    for section in (
        section_classification,
        section_antibodies,
        section_cancer_risk,
        section_screening,
        section_tumours,
        section_course,
        section_recommendations,
        section_warnings,
    ):
        lines = section(a)
        if lines:
            parts += ["", _RULE, *lines]
    return terminal_safe("\n".join(parts) + "\n")


def section_classification(a: Assessment) -> list[str]:
    c = a.classification
    model = "with muscle biopsy" if c.biopsy_used else "without muscle biopsy"
    out = [
        f"CLASSIFICATION  {c.criteria} ({model})",
        f"  score {c.score:.1f}  probability {c.probability:.1%}  category: {c.category.upper()}"
        + (f"  subgroup: {c.subgroup}" if c.subgroup else ""),
    ]
    if c.requires_biopsy:
        out.append(
            "  no heliotrope rash / Gottron's papules / Gottron's sign: needs muscle-biopsy "
            "features to be classified as IIM"
        )
    for item in c.items:
        mark = "+" if item.present else " "
        out.append(f"  {mark}{item.points:4.1f}  {item.label} — {item.evidence}")
    if c.not_assessed:
        out.append("  not assessed:")
        out += [f"    - {n.item}: {n.reason}; {n.would_change}" for n in c.not_assessed]
    out.append(f"  source: {c.source}")
    return out


def section_antibodies(a: Assessment) -> list[str]:
    p = a.antibodies

    def names(codes: list[object]) -> str:
        return ", ".join(str(getattr(c, "value", c)) for c in codes) or "none"

    out = [
        "ANTIBODIES",
        f"  positive: {names(list(p.positive))}"
        + (f" (weak: {names(list(p.weak_positive))})" if p.weak_positive else ""),
        f"  negative: {names(list(p.negative))}",
    ]
    if p.indeterminate:
        out.append(f"  indeterminate: {names(list(p.indeterminate))}")
    out.append(f"  not tested: {names(list(p.not_tested))}")
    for note in p.phenotype:
        out.append(f"  {note.name}:")
        out += [f"    - {n}" for n in note.notes]
        if note.fits:
            out.append(f"    fits: {', '.join(note.fits)}")
        if note.departs:
            out.append(f"    departs: {', '.join(note.departs)}")
    return out


def section_cancer_risk(a: Assessment) -> list[str]:
    r = a.cancer_risk
    if r is None:
        return []
    arrow = {"raises": "↑", "lowers": "↓"}
    out = [
        f"CANCER RISK  {r.guideline}: {r.category.upper()}",
        f"  rule: {r.rule} (rule verification {r.rule_verified}); scope: {r.scope_note}",
    ]
    for f in r.factors:
        out.append(
            f"  {arrow[f.direction]} [{f.tier}] {f.label} — {f.evidence} ({f.verified}: {f.source})"
        )
    if not r.factors:
        out.append("  no risk factor found present")
    if r.not_assessed:
        out.append("  not assessed:")
        out += [f"    - {n.item}: {n.reason}; {n.would_change}" for n in r.not_assessed]
    out.append(f"  source: {r.source}")
    return out


def section_screening(a: Assessment) -> list[str]:
    if a.screening is None:
        return []
    out = ["CANCER SCREENING  IMACS 2023 (done / due / overdue / not indicated)"]
    out += [f"  ! {r.summary}" for r in a.recommendations if r.id == "screening.tumour_found"]
    if not a.screening:
        out.append("  no IIM-associated cancer screening plan (see cancer risk)")
        return out
    for panel in ("basic", "enhanced", "conditional"):
        items = [s for s in a.screening if s.panel == panel]
        if not items:
            continue
        out.append(f"  {panel}:")
        for s in items:
            status = s.status.replace("_", " ")
            out.append(f"    [{status:>13}] {s.label or s.test} — {s.reason}")
    return out


def section_tumours(a: Assessment) -> list[str]:
    if not a.tumours:
        return []
    out = ["TUMOURS  WHO 2019/2022 grade, AJCC 8th stage, management options, follow-up"]
    for t in a.tumours:
        by = "by " if t.found_date_latest else ""  # undated: the latest date it was found
        dates = f"found {by}{t.found_date.isoformat()}" + (
            f", resected {t.resected_date.isoformat()}" if t.resected_date else ""
        )
        out.append(
            f"  [{t.index}] {t.site.replace('_', ' ')}: {t.histology.replace('_', ' ')}, "
            + (f"{t.size_mm:g} mm" if t.size_mm is not None else "size not stated")
            + f" ({dates})"
        )
        out.append(f"      functional status: {t.functional_status}")
        out += [f"        - {test}" for test in t.hormone_tests]
        out.append(f"      grade: {t.grade or 'not graded'} — {t.grade_basis}")
        if t.tnm is not None:
            out.append(f"      stage: {t.tnm} → stage {t.stage or 'not determined'} ({t.basis})")
        elif t.staging_note:
            out.append(f"      stage: {t.staging_note}")
        if t.options:
            out.append("      options:")
        for o in t.options:
            stance = "recommended" if o.recommended else "not recommended"
            if o.basis == "paraneoplastic modifier":
                stance = "to discuss"
            flags = [stance, o.basis, f"verified {o.verified}", *(["done"] if o.taken else [])]
            mark = "*" if o.recommended else "-"
            out += _wrapped(f"{mark} {o.option} [{'; '.join(flags)}]", "        ", "          ")
            out += _wrapped(o.rationale, "            ")
            out += _wrapped(f"source: {o.source}", "            ")
        if t.paraneoplastic:
            out += _wrapped(f"paraneoplastic modifier: {t.paraneoplastic}", "      ")
        out += _tumour_follow_up(t.follow_up)
        if t.not_assessed:
            out.append("      not assessed:")
            for n in t.not_assessed:
                out += _wrapped(
                    f"- {n.item}: {n.reason}; {n.would_change}", "        ", "          "
                )
    return out


def _tumour_follow_up(f: FollowUp) -> list[str]:
    if f.plan == "none":
        return [f"      follow-up: none — {f.reason}"]
    plan = "after resection" if f.plan == "post_resection" else "on active surveillance"
    out = [
        f"      follow-up {plan} (from {f.anchor_date}; until {f.ends_on}): "
        f"{(f.status or '').upper()}"
    ]
    for v in f.visits:
        done = f" on {v.done_on} ({v.investigation})" if v.done_on else ""
        out.append(
            f"        visit {v.number}: {v.window_start} to {v.window_end} — {v.status}{done}"
        )
    if f.content:
        out += _wrapped(f"each visit: {f.content}", "        ")
    if f.source:
        out += _wrapped(f"source: {f.source}", "        ")
    return out


def _wrapped(text: str, indent: str, then: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, width=100, initial_indent=indent, subsequent_indent=indent if then is None else then
    )


def section_course(a: Assessment) -> list[str]:
    c = a.course
    if c is None:
        return []
    out = ["COURSE"]
    if c.treatments:
        out.append("  lines of therapy:")
        for t in c.treatments:
            route = t.route or "route not given"
            dose = f" {t.dose}" if t.dose else ""
            end = "ongoing" if t.ongoing else (t.stop.isoformat() if t.stop else "?")
            out.append(f"    {t.drug}{dose} ({route}) {t.start.isoformat()} → {end} ({t.days} d)")
    if c.response:
        out.append("  response (2016 ACR/EULAR total improvement score):")
        for r in c.response:
            head = f"    {r.date.isoformat()} vs {r.baseline_date.isoformat()}:"
            if r.complete:
                out.append(f"{head} TIS {r.total_improvement_score:g} — {r.level}")
            else:
                level = r.level or "level undecided"
                out.append(
                    f"{head} no TIS ({', '.join(r.missing)} missing); "
                    f"{r.score_lower:g} to {r.score_upper:g} — {level}"
                )
    verdict = {True: "yes", False: "no", None: "undecided"}[c.refractory]
    out.append(f"  refractory to immunosuppression: {verdict} — {c.refractory_status.reason}")
    out.append(f"    definition: {c.refractory_definition}")
    for trend in c.antibody_trends:
        out.append(f"  antibody trend: {trend.detail}")
    p = c.paraneoplastic
    removal = f" (removal {p.removal_date.isoformat()})" if p.removal_date else ""
    out.append(f"  paraneoplastic course: {p.assessment.replace('_', ' ').upper()}{removal}")
    out += [f"    - {e}" for e in p.evidence]
    if p.would_change:
        out.append(f"    would change: {p.would_change}")
    for alert in c.alerts:
        out.append(f"  ALERT: {alert.summary}")
    compact = _compact_timeline([e for e in c.timeline.entries if _on_compact_timeline(e)])
    if compact:
        out.append("  timeline:")
        out += [f"    {line}" for line in compact]
    return out


def _compact_timeline(entries: list[TimelineEntry]) -> list[str]:
    """One line per entry, with same-day treatment starts (or stops) joined on one line."""
    lines: list[str] = []
    joined: dict[tuple[str, str], int] = {}
    for e in entries:
        if e.kind in ("treatment_start", "treatment_stop"):
            verb = "started" if e.kind == "treatment_start" else "stopped"
            key = (e.date.isoformat(), verb)
            what = e.label.removeprefix(f"{verb} ")
            if key in joined:
                lines[joined[key]] += f", {what}"
                continue
            joined[key] = len(lines)
            lines.append(f"{e.date.isoformat()}  {verb} {what}")
            continue
        lines.append(f"{e.date.isoformat()}  {e.label}")
    return lines


def _on_compact_timeline(e: TimelineEntry) -> bool:
    if e.kind in ("finding", "lab"):
        return e.kind == "lab" and e.code == "ck" and e.value is not None
    if e.kind == "antibody":
        return e.result != "negative"
    if e.kind == "investigation":
        return e.result in ("abnormal", "not_stated")  # not_stated: a report to obtain
    return True


def section_recommendations(a: Assessment) -> list[str]:
    if not a.recommendations:
        return []
    out = ["RECOMMENDATIONS"]
    for r in a.recommendations:
        out.append(f"  [{r.indicator}] {r.summary}")
        out.append(f"      source: {r.source}")
    return out


def section_warnings(a: Assessment) -> list[str]:
    if not a.warnings:
        return []
    return ["WARNINGS (data gaps and assumptions)"] + [f"  - {w}" for w in a.warnings]
