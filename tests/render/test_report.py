"""The report renders: the HTML parses, fetches nothing and contains the timeline plot; the PDF
has pages; the reference case shows its course and the vignette its response table."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from myositis_cds.assessment import Assessment, assess
from myositis_cds.case import Case, parse_case

pytest.importorskip("matplotlib", reason="the report extra is not installed")
pytest.importorskip("fpdf", reason="the report extra is not installed")
pytest.importorskip("jinja2", reason="the report extra is not installed")

from myositis_cds.render.report import render_report, report_html

TODAY = date(2026, 11, 27)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load(name: str, as_of: date) -> tuple[Assessment, Case]:
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    case = parse_case(data, today=TODAY)
    return assess(case, as_of=as_of), case


class _Page(HTMLParser):
    """Collects what a self-contained page must not have, and what it must."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.external: list[str] = []
        self.svg_in_figure = 0
        self.headings: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(f"{tag} {name}={value}")
        if tag in ("script", "link", "iframe", "img"):
            self.external.append(tag)
        if tag == "svg" and "figure" in self.stack:
            self.svg_in_figure += 1
        if tag not in ("meta", "br"):
            self.stack.append(tag)
        self._in = tag if tag in ("h2", "td") else self._in

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop() == tag:
                break
        if tag in ("h2", "td"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "h2":
            self.headings.append(data.strip())
        elif self._in == "td":
            self.cells.append(data.strip())


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_reference_case_html_is_self_contained_and_shows_the_timeline(tmp_path: Path) -> None:
    a, case = _load("reference-case.yaml", date(2024, 1, 31))
    out = render_report(a, case, tmp_path / "report.html")
    html = out.read_text(encoding="utf-8")
    page = _parse(html)
    assert page.external == []  # no script, stylesheet link, image fetch or outside href
    assert page.svg_in_figure == 1  # the timeline plot, inline
    assert html.count("<svg") == 1
    for heading in (
        "Summary",
        "Classification",
        "Antibody panel",
        "Cancer risk and screening",
        "Tumour card",
        "Timeline",
        "Response to treatment (2016 ACR/EULAR)",
        "Paraneoplastic course and alerts",
        "Sources",
    ):
        assert heading in page.headings
    assert "Paraneoplastic course: supported (tumour removed 2023-07-12)" in html
    assert "anti-TIF1G trend: falling" in html
    assert "Refractory to immunosuppression: yes" in html
    assert "no total improvement score can be given" in html  # none invented
    assert "2016 ACR/EULAR myositis response criteria" in html  # a source


def test_vignette_html_has_the_response_table_with_the_hand_worked_scores() -> None:
    a, case = _load("vignette-tis.yaml", date(2025, 3, 20))
    page = _parse(report_html(a, case))
    # Row of 2024-09-05: MD 60 % -> 20, patient 65 % -> 10, MMT 28.75 % -> 27.5, HAQ 50 % -> 10,
    # CK 95 % -> 7.5, extramuscular 55 % -> 20: TIS 95, major.
    i = page.cells.index("2024-09-05")
    assert page.cells[i : i + 10] == [
        "2024-09-05",
        "2024-03-05",
        "20 (+60)",
        "10 (+65)",
        "27.5 (+29)",
        "10 (+50)",
        "7.5 (+95)",
        "20 (+55)",
        "95",
        "major",
    ]
    j = page.cells.index("2025-03-10", i)
    assert page.cells[j + 8 : j + 10] == ["52.5–60", "undecided"]


def test_pdf_has_pages_and_is_a_pdf(tmp_path: Path) -> None:
    a, case = _load("vignette-tis.yaml", date(2025, 3, 20))
    data = render_report(a, case, tmp_path / "report.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) >= 3  # summary, tumour and screening, timeline and course, ...


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    a, case = _load("reference-case.yaml", date(2024, 1, 31))
    with pytest.raises(ValueError, match=r"\.html or \.pdf"):
        render_report(a, case, tmp_path / "report.docx")


def test_a_temporary_name_keeps_the_format_of_its_last_known_suffix(tmp_path: Path) -> None:
    a, case = _load("reference-case.yaml", date(2024, 1, 31))
    out = render_report(a, case, tmp_path / ".report.pdf.partial")
    assert out.read_bytes().startswith(b"%PDF-")


def test_html_escapes_what_the_case_says() -> None:
    _, case = _load("reference-case.yaml", date(2024, 1, 31))
    events = [*case.events, case.events[0].model_copy(update={"note": "<script>x</script>"})]
    tricky = case.model_copy(update={"events": events})
    html = report_html(assess(tricky, as_of=date(2024, 1, 31)), tricky)
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_resection_resting_on_the_ki67_convention_is_not_shown_as_a_guideline_default() -> None:
    # Issue #9: 15 mm non-functional G2 pancreatic NET with Ki-67 8 % > 5 %: resection is listed
    # by the project's "low G2" convention, which the report must not present as a guideline.
    _, case = _load("reference-case.yaml", date(2023, 3, 15))
    tumour = case.tumours[0].model_copy(update={"size_mm": 15.0, "ki67_percent": 8.0})
    g2 = case.model_copy(update={"tumours": [tumour]})
    html = report_html(assess(g2, as_of=date(2023, 3, 15)), g2)
    assert "yes (project convention)" in html
