"""The assessment as a readable terminal summary: one function per section."""

from __future__ import annotations

from myositis_cds.assessment import Assessment
from myositis_cds.pathway.timeline import TimelineEntry

__all__ = ["to_text"]

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
    return "\n".join(parts) + "\n"


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
    if a.cancer_risk is None:
        return []
    return [f"CANCER RISK  {a.cancer_risk.guideline}: {a.cancer_risk.category.upper()}"]


def section_screening(a: Assessment) -> list[str]:
    if not a.screening:
        return []
    out = ["CANCER SCREENING"]
    for s in a.screening:
        out.append(f"  [{s.status:>13}] {s.test} ({s.panel}) — {s.reason}")
    return out


def section_tumours(a: Assessment) -> list[str]:
    if not a.tumours:
        return []
    return ["TUMOURS"] + [f"  {t.site}: {t.histology}" for t in a.tumours]


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
        return e.result == "abnormal"
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
