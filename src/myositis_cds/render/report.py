"""The human report: one self-contained HTML page or a multi-page PDF, with the timeline plot.

The content is built once as a list of :class:`Section` blocks (paragraphs, bullet lists, tables,
the figure) from the :class:`~myositis_cds.assessment.Assessment`; two writers lay the same
blocks out as HTML (Jinja2 template, CSS and the plot's SVG inlined: the page fetches nothing)
and as PDF (fpdf2, the plot as a PNG, fonts from matplotlib's bundled DejaVu Sans, so no system
library or font is needed). Plotting and PDF libraries are the optional ``report`` extra and are
imported only when a report is made.

Sections owned by other stages are read from the assessment's JSON form (contract §3), so the
report keeps working while those stages add fields.
"""

from __future__ import annotations

import importlib.util
import io
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import Any, Literal

from myositis_cds.assessment import Assessment
from myositis_cds.case import Case
from myositis_cds.pathway.course import Course, Response
from myositis_cds.render._glyphs import GlyphFilter, font_folder

__all__ = [
    "Bullets",
    "Figure",
    "Para",
    "Section",
    "Table",
    "build_sections",
    "render_report",
    "report_html",
    "report_pdf",
]

_log = logging.getLogger(__name__)
Tone = Literal["normal", "muted", "alert"]
Format = Literal["html", "pdf"]
_SUFFIXES: dict[str, Format] = {".html": "html", ".htm": "html", ".pdf": "pdf"}

# Fail at import (cheaply, without importing them) when the report extra is missing, so that the
# caller can say which extra to install.
for _module in ("matplotlib", "fpdf", "jinja2"):
    if importlib.util.find_spec(_module) is None:
        raise ImportError(
            f"the report needs {_module}: pip install 'myositis-cds[report]'", name=_module
        )


# --------------------------------------------------------------------------- content blocks
@dataclass(frozen=True)
class Para:
    text: str
    tone: Tone = "normal"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    tone: Tone = "normal"


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative column widths (PDF)


@dataclass(frozen=True)
class Figure:
    caption: str
    course: Course


Block = Para | Bullets | Table | Figure


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    anchor: str = ""


# --------------------------------------------------------------------------- entry points
def render_report(
    assessment: Assessment,
    case: Case,
    path: str | Path,
    *,
    fmt: Format | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the report to ``path`` as a self-contained HTML page or a PDF.

    The format is ``fmt`` or, by default, the last suffix of ``path`` that names one, so a
    temporary name such as ``.report.pdf.partial`` still gives a PDF. ``warn`` receives notes
    about the rendering (never patient text); by default they are logged.
    """
    target = Path(path)
    chosen = fmt or next(
        (_SUFFIXES[s.lower()] for s in reversed(target.suffixes) if s.lower() in _SUFFIXES), None
    )
    if chosen == "html":
        target.write_text(report_html(assessment, case), encoding="utf-8")
    elif chosen == "pdf":
        target.write_bytes(report_pdf(assessment, case, warn=warn))
    else:
        raise ValueError(f"{target.name}: the report is written as .html or .pdf")
    return target


def report_html(assessment: Assessment, case: Case) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    from myositis_cds.render.plots import timeline_svg

    env = Environment(
        loader=PackageLoader("myositis_cds.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    sections = build_sections(assessment, case)
    svgs = {
        id(block): timeline_svg(block.course)
        for section in sections
        for block in section.blocks
        if isinstance(block, Figure)
    }
    page: str = env.get_template("report.html.j2").render(
        a=assessment,
        title=_title(assessment),
        sections=sections,
        svgs=svgs,
        kind=lambda block: type(block).__name__.lower(),
        id=id,
    )
    return page


def report_pdf(
    assessment: Assessment, case: Case, *, warn: Callable[[str], None] | None = None
) -> bytes:
    writer = _Pdf(_title(assessment))
    pdf = writer.render(build_sections(assessment, case), assessment)
    if writer.glyphs.replaced:
        (warn or _log.warning)(
            f"{writer.glyphs.replaced} character(s) the PDF font cannot show were replaced by '?'"
        )
    return pdf


def _title(a: Assessment) -> str:
    case = f" — case {a.case_id}" if a.case_id else ""
    return f"Myositis decision-support report{case}"


# --------------------------------------------------------------------------- content
def build_sections(a: Assessment, case: Case) -> list[Section]:
    data = a.model_dump(mode="json")
    cut, _left_out = case.as_of(a.as_of)
    sections = [
        _summary(a, data),
        _classification(data),
        _antibodies(data),
        _risk_and_screening(data),
        _tumours(data, cut),
    ]
    if a.course is not None:
        sections += _course_sections(a.course)
    else:
        sections.append(Section("Course", [Para("The course was not assessed.", "muted")]))
    sections += [_recommendations(data), _warnings(a), _sources(a, data)]
    for i, s in enumerate(sections):
        s.anchor = f"s{i + 1}"
    return sections


def _summary(a: Assessment, d: dict[str, Any]) -> Section:
    c = d["classification"]
    lines = [
        f"Classification (EULAR/ACR 2017): {c['category']}"
        + (f", {c['subgroup']}" if c.get("subgroup") else "")
        + f" — score {c['score']:.1f}, probability {c['probability']:.0%}",
    ]
    ab = d["antibodies"]
    positive = ", ".join(f"anti-{x}" for x in ab.get("positive", [])) or "none"
    lines.append(f"Positive myositis antibodies: {positive}")
    risk = d.get("cancer_risk")
    lines.append(
        f"Cancer risk ({risk.get('guideline', 'IMACS')}): {risk['category']}"
        if risk
        else "Cancer risk: not assessed"
    )
    for t in d.get("tumours") or []:
        grade = f", {t['grade']}" if t.get("grade") else ""
        stage = f", stage {t['stage']}" if t.get("stage") else ""
        size = f"{t['size_mm']:g} mm" if t.get("size_mm") is not None else "size not stated"
        lines.append(
            f"Tumour: {t['site']} {t['histology'].replace('_', ' ')} {size}"
            f"{grade}{stage}"
            + (f", resected {t['resected_date']}" if t.get("resected_date") else "")
        )
    course = a.course
    if course is not None:
        lines.append(
            f"Paraneoplastic course: {course.paraneoplastic.assessment.replace('_', ' ')}"
            + (
                f" (tumour removed {course.paraneoplastic.removal_date.isoformat()})"
                if course.paraneoplastic.removal_date
                else ""
            )
        )
        verdict = {True: "yes", False: "no", None: "undecided"}[course.refractory]
        lines.append(f"Refractory to immunosuppression: {verdict}")
        for t in course.antibody_trends:
            lines.append(f"anti-{t.code.value} trend: {t.direction.replace('_', ' ')}")
        if course.response:
            last = course.response[-1]
            lines.append(f"Latest response ({last.date.isoformat()}): {_response_text(last)}")
    blocks: list[Block] = [Bullets(lines)]
    if course is not None and course.alerts:
        blocks.append(Bullets([f"ALERT: {x.summary}" for x in course.alerts], "alert"))
    urgent = [r for r in d["recommendations"] if r["indicator"] in ("critical", "warning")]
    if urgent:
        blocks.append(Para("Action needed:"))
        blocks.append(Bullets([f"[{r['indicator']}] {r['summary']}" for r in urgent], "alert"))
    blocks.append(
        Para(
            f"Assessed as of {a.as_of.isoformat()}"
            + (f"; {a.records_left_out} later record(s) left out" if a.records_left_out else "")
            + ". Decision support only: check every item against the patient.",
            "muted",
        )
    )
    return Section("Summary", blocks)


def _classification(d: dict[str, Any]) -> Section:
    c = d["classification"]
    model = "with muscle biopsy" if c["biopsy_used"] else "without muscle biopsy"
    blocks: list[Block] = [
        Para(
            f"{c['criteria']} ({model}): score {c['score']:.1f}, probability "
            f"{c['probability']:.1%}, category {c['category']}"
            + (f", subgroup {c['subgroup']}" if c.get("subgroup") else "")
        ),
        Table(
            ["Item", "Present", "Points", "Evidence"],
            [
                [i["label"], "yes" if i["present"] else "no", f"{i['points']:.1f}", i["evidence"]]
                for i in c["items"]
            ],
            [3.2, 0.7, 0.7, 3.4],
        ),
    ]
    if c.get("requires_biopsy"):
        blocks.append(
            Para(
                "No heliotrope rash or Gottron's papules/sign: muscle-biopsy features are needed "
                "to classify this case as IIM.",
                "alert",
            )
        )
    if c.get("not_assessed"):
        blocks.append(Para("Not assessed (no data):"))
        blocks.append(
            Bullets([f"{n['item']}: {n['reason']}; {n['would_change']}" for n in c["not_assessed"]])
        )
    return Section("Classification", blocks)


def _antibodies(d: dict[str, Any]) -> Section:
    ab = d["antibodies"]
    rows = [
        [
            f"anti-{r['code']}",
            r["result"].replace("_", " "),
            f"{r['level']:g} {r.get('unit') or ''}".strip() if r.get("level") is not None else "",
            r["date"],
        ]
        for r in ab.get("results", [])
    ]
    blocks: list[Block] = []
    if rows:
        blocks.append(Table(["Antibody", "Latest result", "Level", "Date"], rows, [2, 2, 2, 2]))
    not_tested = ", ".join(ab.get("not_tested", [])) or "none"
    blocks.append(Para(f"Not tested: {not_tested}", "muted"))
    for note in ab.get("phenotype", []):
        items = list(note.get("notes", []))
        if note.get("fits"):
            items.append("fits: " + ", ".join(note["fits"]))
        if note.get("departs"):
            items.append("departs: " + ", ".join(note["departs"]))
        blocks.append(Para(f"{note['name']} phenotype"))
        blocks.append(Bullets(items))
    return Section("Antibody panel", blocks)


def _risk_and_screening(d: dict[str, Any]) -> Section:
    blocks: list[Block] = []
    risk = d.get("cancer_risk")
    if risk is None:
        blocks.append(Para("Cancer-risk category: not assessed (see warnings).", "muted"))
    else:
        blocks.append(
            Para(f"{risk.get('guideline', 'IMACS')} cancer-risk category: {risk['category']}")
        )
        factors = risk.get("factors") or []
        if factors:
            blocks.append(Bullets([_factor_text(f) for f in factors]))
    screening = d.get("screening")
    if screening:
        blocks.append(
            Table(
                ["Test", "Panel", "Status", "Last done", "Next due", "Reason"],
                [
                    [
                        s["test"].replace("_", " "),
                        s["panel"],
                        s["status"].replace("_", " "),
                        s.get("last_done") or "",
                        s.get("next_due") or "",
                        s["reason"],
                    ]
                    for s in screening
                ],
                [1.6, 0.8, 0.8, 1.0, 1.0, 3.6],
            )
        )
    else:
        blocks.append(Para("Screening checklist: not available (see warnings).", "muted"))
    return Section("Cancer risk and screening", blocks)


def _factor_text(f: Any) -> str:
    if not isinstance(f, dict):
        return str(f)
    label = f.get("label") or f.get("name") or f.get("id") or "factor"
    how = ", ".join(str(f[k]) for k in ("tier", "direction") if f.get(k))
    text = f"{label}" + (f" ({how})" if how else "")
    if f.get("evidence"):
        text += f" — {f['evidence']}"
    return text + (f"; {f['source']}" if f.get("source") else "")


def _tumours(d: dict[str, Any], case: Case) -> Section:
    blocks: list[Block] = []
    assessed = d.get("tumours") or []
    if not case.tumours:
        return Section("Tumours", [Para("No tumour recorded.", "muted")])
    by_index = {t.get("index", i): t for i, t in enumerate(assessed)}
    for i, tumour in enumerate(case.tumours):
        t = by_index.get(i, {})
        rows = [
            [
                "Site / histology",
                f"{tumour.site.value}, {tumour.histology.value.replace('_', ' ')}",
            ],
            ["Size", f"{tumour.size_mm:g} mm" if tumour.size_mm is not None else "not stated"],
            [
                "Functional",
                {True: "yes", False: "no", None: "not stated"}[tumour.functional]
                + (f" ({t['functional_status']})" if t.get("functional_status") else ""),
            ],
            ["Ki-67", f"{tumour.ki67_percent:g} %" if tumour.ki67_percent is not None else "—"],
            [
                "Grade",
                (t.get("grade") or "—")
                + (f" — {t['grade_basis']}" if t.get("grade_basis") else ""),
            ],
            [
                "TNM / stage",
                " ".join(
                    x
                    for x in (t.get("tnm"), (f"stage {t['stage']}" if t.get("stage") else None))
                    if x
                )
                or (t.get("staging_note") or "—"),
            ],
            [
                "Found",
                ("by " if tumour.found_date_latest else "") + tumour.found_date.isoformat(),
            ],
            ["Resected", tumour.resected_date.isoformat() if tumour.resected_date else "no"],
        ]
        follow = t.get("follow_up") or {}
        if follow:
            plan = str(follow.get("plan", "")).replace("_", " ")
            due = (
                f"; next visit {follow.get('status') or 'due'} by {follow['next_due']}"
                if follow.get("next_due")
                else ""
            )
            rows.append(["Follow-up", f"{plan}: {follow.get('reason', '')}{due}"])
            if follow.get("content"):
                rows.append(["Each visit", str(follow["content"])])
        blocks.append(Para(f"Tumour {i + 1}"))
        blocks.append(Table(["", ""], rows, [1.6, 6.4]))
        options = t.get("options") or []
        if options:
            blocks.append(
                Table(
                    ["Option", "Guideline default", "Rationale", "Source"],
                    [
                        [
                            o["option"],
                            # A recommendation resting on a project convention says so.
                            (
                                "no"
                                if not o.get("recommended")
                                else "yes"
                                if o.get("basis") in (None, "guideline")
                                else f"yes ({o['basis']})"
                            ),
                            o["rationale"],
                            o["source"],
                        ]
                        for o in options
                    ],
                    [1.8, 0.9, 3.3, 2.0],
                )
            )
        if t.get("paraneoplastic"):
            blocks.append(Para(f"Paraneoplastic modifier: {t['paraneoplastic']}"))
    return Section("Tumour card", blocks)


def _response_text(r: Response) -> str:
    if r.complete:
        return f"TIS {r.total_improvement_score:g}, {r.level} improvement"
    level = f"{r.level} improvement" if r.level else "level undecided"
    return (
        f"no TIS ({', '.join(r.missing)} missing); between {r.score_lower:g} and "
        f"{r.score_upper:g}, {level}"
    )


def _course_sections(c: Course) -> list[Section]:
    timeline = Section(
        "Timeline",
        [
            Figure(
                "Antibody result or level, CK (× upper limit of normal) and the total improvement "
                "score over time; lines of therapy as bars (hatched = topical); vertical lines "
                "mark tumour removal, flares and improvements.",
                c,
            )
        ],
    )
    treatments = Table(
        ["Drug", "Dose", "Route", "Start", "Stop", "Days"],
        [
            [
                t.drug,
                t.dose or "",
                t.route or "not given",
                t.start.isoformat(),
                "ongoing" if t.ongoing else (t.stop.isoformat() if t.stop else ""),
                str(t.days),
            ]
            for t in c.treatments
        ],
        [2.2, 1.8, 1.0, 1.0, 1.0, 0.6],
    )
    response_blocks: list[Block] = []
    if c.response:
        names = [m.measure for m in c.response[0].measures]
        short = {
            "physician_global": "MD",
            "patient_global": "Pt",
            "mmt8": "MMT",
            "haq": "HAQ",
            "muscle_enzyme": "Enz",
            "extramuscular_global": "EM",
        }
        rows = []
        for r in c.response:
            points = {m.measure: m for m in r.measures}
            rows.append(
                [r.date.isoformat(), r.baseline_date.isoformat()]
                + [
                    "—"
                    if points[n].points is None
                    else f"{points[n].points:g} ({points[n].improvement_percent:+.0f})"
                    for n in names
                ]
                + [
                    f"{r.total_improvement_score:g}"
                    if r.complete
                    else f"{r.score_lower:g}–{r.score_upper:g}",
                    r.level or "undecided",
                ]
            )
        response_blocks.append(
            Table(
                ["Date", "Baseline", *(short.get(n, n) for n in names), "TIS", "Level"],
                rows,
                [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.9],
            )
        )
        response_blocks.append(
            Para(
                "Points per core set measure (absolute percent improvement in brackets); "
                "MD physician global, Pt patient global, EM extramuscular global; thresholds for "
                f"{c.response[0].population} patients. A missing measure leaves the score unknown "
                "(range shown).",
                "muted",
            )
        )
        incomplete = [f"{r.date.isoformat()}: {r.note}" for r in c.response if not r.complete]
        if incomplete:
            response_blocks.append(Bullets(incomplete, "muted"))
    else:
        response_blocks.append(
            Para(
                "No core-set assessments (physician/patient/extramuscular global, MMT-8, HAQ, "
                "enzymes) are recorded, so no total improvement score can be given.",
                "muted",
            )
        )
    verdict = {True: "yes", False: "no", None: "undecided"}[c.refractory]
    refractory: list[Block] = [
        Para(f"Refractory to immunosuppression: {verdict} — {c.refractory_status.reason}"),
        Para(f"Definition: {c.refractory_definition} ({c.refractory_status.source})", "muted"),
        Bullets(c.refractory_status.evidence, "muted"),
    ]
    trends: list[Block] = (
        [Bullets([t.detail for t in c.antibody_trends])]
        if c.antibody_trends
        else [Para("No antibody with a result to follow.", "muted")]
    )
    p = c.paraneoplastic
    para_blocks: list[Block] = [
        Para(
            f"Assessment: {p.assessment.replace('_', ' ')}"
            + (f" — tumour removal {p.removal_date.isoformat()}" if p.removal_date else "")
        ),
        Bullets(p.evidence),
    ]
    if p.would_change:
        para_blocks.append(Para(f"Would change: {p.would_change}", "muted"))
    para_blocks.append(Para(f"Source: {p.source}", "muted"))
    if c.alerts:
        para_blocks.append(Bullets([f"ALERT: {x.summary}" for x in c.alerts], "alert"))
    rows = [[e.date.isoformat(), e.label] for e in c.timeline.entries if _listed(e.kind, e)]
    listing = Table(["Date", "What"], rows, [1.0, 7.0])
    return [
        timeline,
        Section("Response to treatment (2016 ACR/EULAR)", response_blocks),
        Section("Lines of therapy and refractoriness", [treatments, *refractory]),
        Section("Antibody trends", trends),
        Section("Paraneoplastic course and alerts", para_blocks),
        Section("Timeline of the case", [listing]),
    ]


def _listed(kind: str, e: Any) -> bool:
    if kind == "antibody":
        return bool(e.result != "negative")
    return True


def _recommendations(d: dict[str, Any]) -> Section:
    recs = d["recommendations"]
    if not recs:
        return Section("Recommendations", [Para("None.", "muted")])
    return Section(
        "Recommendations",
        [
            Table(
                ["", "Recommendation", "Source"],
                [[r["indicator"], f"{r['summary']} — {r['detail']}", r["source"]] for r in recs],
                [0.8, 5.0, 2.2],
            )
        ],
    )


def _warnings(a: Assessment) -> Section:
    if not a.warnings:
        return Section("Data gaps and assumptions", [Para("None.", "muted")])
    return Section("Data gaps and assumptions", [Bullets(list(a.warnings), "muted")])


def _sources(a: Assessment, d: dict[str, Any]) -> Section:
    found: list[str] = [d["classification"]["source"]]
    for phen in d["antibodies"].get("phenotype", []):
        found += phen.get("sources", [])
    risk = d.get("cancer_risk") or {}
    found += [
        f["source"] for f in risk.get("factors", []) if isinstance(f, dict) and f.get("source")
    ]
    for t in d.get("tumours") or []:
        found += t.get("sources", [])
        found += [o["source"] for o in t.get("options", [])]
    if a.course is not None:
        found += a.course.sources
        found.append(a.course.refractory_status.source)
    found += [r["source"] for r in d["recommendations"]]
    return Section("Sources", [Bullets(_unique(found))])


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        text = " ".join(item.split())
        if text:
            seen.setdefault(text, None)
    return list(seen)


# --------------------------------------------------------------------------- PDF writer
class _Pdf:
    """Lays the sections out on A4 pages with fpdf2."""

    def __init__(self, title: str) -> None:
        self.glyphs = GlyphFilter()
        self.title = self.glyphs(title)

    def render(self, sections: Sequence[Section], a: Assessment) -> bytes:
        from fpdf import FPDF

        pdf: Any = FPDF(orientation="P", unit="mm", format="A4")
        pdf.set_creation_date(_as_datetime(a.as_of))
        _fonts(pdf)
        pdf.set_auto_page_break(auto=True, margin=14)
        pdf.set_margins(14, 14, 14)
        title = self.title
        as_of = a.as_of.isoformat()

        def footer() -> None:
            pdf.set_y(-10)
            pdf.set_font("DejaVu", size=7)
            pdf.set_text_color(120, 120, 120)
            pdf.cell(0, 4, f"{title} — as of {as_of} — page {pdf.page_no()}", align="C")
            pdf.set_text_color(0, 0, 0)

        pdf.footer = footer
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 14)
        pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=8)
        pdf.set_text_color(100, 100, 100)
        pdf.multi_cell(
            0,
            4,
            f"myositis-cds {a.tool_version}, contract {a.contract_version}; assessed as of "
            f"{as_of}. Decision support only: the clinician decides.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
        self._sections(pdf, sections)
        with _quiet("fpdf"):  # fpdf2 logs missing glyphs verbatim; none are left, but be sure
            out = pdf.output()
        return bytes(out)

    def _sections(self, pdf: Any, sections: Sequence[Section]) -> None:
        from myositis_cds.render.plots import timeline_png

        for section in sections:
            figure = any(isinstance(b, Figure) for b in section.blocks)
            if figure or pdf.get_y() > pdf.h - 40:
                pdf.add_page()
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 11)
            pdf.set_text_color(31, 78, 121)
            pdf.multi_cell(0, 6, section.title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            for block in section.blocks:
                if isinstance(block, Para):
                    self._para(pdf, block.text, block.tone)
                elif isinstance(block, Bullets):
                    for item in _capped(block.items, "items"):
                        self._para(pdf, f"•  {item}", block.tone, indent=3)
                elif isinstance(block, Table):
                    self._table(pdf, block)
                else:
                    png = timeline_png(block.course)
                    width = pdf.w - pdf.l_margin - pdf.r_margin
                    pdf.image(io.BytesIO(png), w=width)
                    self._para(pdf, block.caption, "muted")

    def _para(self, pdf: Any, text: str, tone: Tone, indent: float = 0) -> None:
        text = self.glyphs(text)
        colours = {"normal": (0, 0, 0), "muted": (90, 90, 90), "alert": (170, 30, 30)}
        pdf.set_text_color(*colours[tone])
        pdf.set_font("DejaVu", "B" if tone == "alert" else "", 8.5)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(0, 4.2, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(0.8)

    def _table(self, pdf: Any, table: Table) -> None:
        pdf.set_font("DejaVu", size=7.5)
        widths = table.widths or [1.0] * len(table.headers)
        heading = any(table.headers)
        with pdf.table(
            col_widths=tuple(widths),
            first_row_as_headings=heading,
            line_height=3.8,
            text_align="LEFT",
            borders_layout="HORIZONTAL_LINES",
            headings_style=_heading_style() if heading else None,
        ) as grid:
            if heading:
                row = grid.row()
                for h in table.headers:
                    row.cell(self.glyphs(h))
            rows = table.rows
            if len(rows) > MAX_PDF_ROWS:
                more = f"… {len(rows) - MAX_PDF_ROWS} more rows in the HTML report and JSON output"
                rows = [*rows[:MAX_PDF_ROWS], [more, *[""] * (len(table.headers) - 1)]]
            for values in rows:
                row = grid.row()
                for value in values:
                    row.cell(self.glyphs(_fit_cell(value)))
        pdf.ln(1.5)


# fpdf2 lays a table out at a few milliseconds a cell: 10,000 findings took most of a minute. A
# printed report of more rows than this is not read; the HTML report and the JSON have them all.
MAX_PDF_ROWS = 300


def _capped(items: list[str], noun: str) -> list[str]:
    if len(items) <= MAX_PDF_ROWS:
        return items
    more = len(items) - MAX_PDF_ROWS
    return [*items[:MAX_PDF_ROWS], f"… {more} more {noun} in the HTML report and JSON output"]


_CELL_CHARS = 600  # a 7.5 pt cell of the narrowest column holds this on well under a page


def _fit_cell(text: str) -> str:
    """A table row must fit on one page (fpdf2 cannot split a row): shorten long cell text."""
    if len(text) <= _CELL_CHARS:
        return text
    return f"{text[:_CELL_CHARS]}… ({len(text) - _CELL_CHARS} more characters in the case file)"


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(230, 236, 244))


@contextmanager
def _quiet(logger: str) -> Iterator[None]:
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _fonts(pdf: Any) -> None:
    folder = font_folder()
    pdf.add_font("DejaVu", "", str(folder / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(folder / "DejaVuSans-Oblique.ttf"))


def _as_datetime(day: date) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day, tzinfo=UTC)
