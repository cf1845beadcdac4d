"""The web page in a real browser (Debian's chromium driven by Playwright), contract §7.

Values are worked out by hand from the guideline data (knowledge/eular_acr_2017.yaml, weights in
tenths, without biopsy): for the published case (a 65-year-old woman, violaceous papules of the
upper eyelids read as heliotrope rash, papules over the hands read as Gottron's papules,
dysphagia, normal enzymes, anti-Jo-1 negative) the score is age >= 40 at onset 2.1 + heliotrope
rash 3.1 + Gottron's papules 2.1 + dysphagia 0.7 = 8.0, definite (cut-off 7.5). Without the
dysphagia it is 7.3: probable (5.5 <= 7.3 < 7.5).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.web.conftest import REPO, Server, seed_note

pytest.importorskip("playwright")

SECTIONS = ["Classification", "Antibodies", "Cancer risk", "Screening", "Tumours", "Course"]


def assess_text(page: Any, server: Server, text: str) -> Any:
    page.goto(server.url + "/")
    page.get_by_label("Clinical note or case file").fill(text)
    page.get_by_role("button", name="Assess", exact=True).click()
    region = page.get_by_role("region", name="Assessment")
    region.wait_for()
    return region


def assert_clean(page: Any, server: Server, expected_status: int | None = None) -> None:
    """Every request went to our server; the page logged no error (bar the browser's own
    note of an expected HTTP status: invalid input is answered 422, as the API does)."""
    outside = [u for u in page.recorder.requests if not u.startswith(server.url + "/")]
    assert outside == []
    expected = f"the server responded with a status of {expected_status}"
    assert [e for e in page.recorder.errors if expected_status is None or expected not in e] == []


def summary(region: Any) -> str:
    return " ".join(region.locator(".summary").inner_text().split())


def test_seed_note_pasted_gives_the_published_case(page: Any, web_server: Server) -> None:
    region = assess_text(page, web_server, seed_note())
    text = summary(region)
    assert "definite" in text
    assert "score 8.0" in text
    assert "Cancer risk (IMACS 2023): high" in text
    assert "grade G1" in text
    headings = region.get_by_role("heading", level=3).all_inner_texts()
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    # the classification table shows the points and the evidence that scored them
    rows = region.locator("section[aria-labelledby=h-classification] tbody tr").all_inner_texts()
    dysphagia = next(r for r in rows if r.startswith("Dysphagia"))
    assert "0.7" in dysphagia and "present on" in dysphagia
    # the note is shown with the facts marked; the inferred heliotrope rash is flagged
    assert page.locator(".note mark.ev").count() > 10
    heliotrope = page.locator("fieldset.fact", has_text="heliotrope rash: present")
    assert "to confirm: inferred" in heliotrope.locator("legend").inner_text()
    # the plot arrives inline, as SVG, with an accessible name
    plot = page.get_by_role("img", name=re.compile(r"^Timeline: antibody results"))
    plot.wait_for()
    assert plot.evaluate("e => e.tagName") == "svg"
    assert_clean(page, web_server)


def test_uploaded_reference_case(page: Any, web_server: Server) -> None:
    page.goto(web_server.url + "/")
    page.get_by_label("Upload a case file").set_input_files(REPO / "examples/reference-case.yaml")
    page.get_by_label("Assess as of").fill("2026-11-30")
    page.get_by_role("button", name="Assess", exact=True).click()
    region = page.get_by_role("region", name="Assessment")
    text = summary(region)
    assert "definite" in text and "score 8.0" in text
    assert "high" in text
    # diagnosed 2022-12-20, high risk: yearly basic panel for 3 years, so the 36-month
    # history and examination was due 2025-12-20 and is overdue on 2026-11-30 (IMACS 2023)
    row = region.locator("tr", has_text="Comprehensive history and physical examination")
    assert "overdue" in row.inner_text()
    assert "2025-12-20" in row.inner_text()
    # overdue is said in words at the top, not only in colour
    assert region.locator(".urgent").inner_text().startswith("Overdue")
    assert_clean(page, web_server)


def test_correct_a_fact_and_reassess(page: Any, web_server: Server) -> None:
    assess_text(page, web_server, seed_note())
    fact = page.locator("fieldset.fact", has_text="dysphagia: present").first
    fact.get_by_label("Present or absent").select_option("no")
    with page.expect_navigation():
        page.get_by_role("button", name="Re-assess").click()
    region = page.get_by_role("region", name="Assessment")
    text = summary(region)
    assert "score 7.3" in text
    assert "probable" in text
    # the corrected case downloads as YAML with the correction in it
    with page.expect_download() as info:
        page.get_by_role("button", name="Download corrected case (YAML)").click()
    case = yaml.safe_load(Path(info.value.path()).read_text(encoding="utf-8"))
    dysphagia = [f for f in case["findings"] if f["code"] == "dysphagia"]
    assert dysphagia and all(f["present"] is False for f in dysphagia)
    assert_clean(page, web_server)


def test_remove_a_fact(page: Any, web_server: Server) -> None:
    assess_text(page, web_server, seed_note())
    # removing the inferred Gottron's papules: 8.0 - 2.1 = 5.9, probable
    fact = page.locator("fieldset.fact", has_text="gottron papules: present").first
    fact.get_by_label("Action").select_option("remove")
    with page.expect_navigation():
        page.get_by_role("button", name="Re-assess").click()
    text = summary(page.get_by_role("region", name="Assessment"))
    assert "score 5.9" in text and "probable" in text


def test_keyboard_only_assess(page: Any, web_server: Server) -> None:
    page.goto(web_server.url + "/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "input-text":
            break
    else:
        pytest.fail("the text box cannot be reached with Tab")
    page.keyboard.insert_text(seed_note())
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Assess":
            break
    else:
        pytest.fail("the Assess button cannot be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    region = page.get_by_role("region", name="Assessment")
    assert "score 8.0" in summary(region)
    assert_clean(page, web_server)


def test_bad_case_file_names_the_field(page: Any, web_server: Server) -> None:
    text = (REPO / "examples/reference-case.yaml").read_text(encoding="utf-8")
    bad = re.sub(r"ki67_percent: [0-9.]+", "ki67_percent: 150", text, count=1)
    assert bad != text
    page.goto(web_server.url + "/")
    page.get_by_label("Clinical note or case file").fill(bad)
    page.get_by_role("button", name="Assess", exact=True).click()
    alert = page.get_by_role("alert")
    assert "tumours[0].ki67_percent" in alert.inner_text()
    assert page.get_by_role("region", name="Assessment").count() == 0
    # the input is kept for correction
    assert "ki67_percent: 150" in page.get_by_label("Clinical note or case file").input_value()
    assert_clean(page, web_server, expected_status=422)


@pytest.mark.parametrize("width", [390, 683])  # a phone; a 1366 px laptop at 200 % zoom
def test_narrow_screens_do_not_scroll_sideways(
    browser: Any, web_server: Server, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        assess_text(page, web_server, (REPO / "examples/reference-case.yaml").read_text())
        page.locator(".plot.drawn svg").wait_for()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    finally:
        context.close()


def _axe(page: Any, source: str) -> list[dict[str, Any]]:
    page.evaluate(source)
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation(page: Any, web_server: Server, axe_source: str) -> None:
    page.goto(web_server.url + "/")
    assert _axe(page, axe_source) == []
    assess_text(page, web_server, seed_note())
    page.locator(".plot.drawn svg").wait_for()
    assert _axe(page, axe_source) == []
    page.goto(web_server.url + "/")
    page.get_by_label("Clinical note or case file").fill("patient: {sex: nobody}")
    page.get_by_role("button", name="Assess", exact=True).click()
    page.get_by_role("alert").wait_for()
    assert _axe(page, axe_source) == []
    page.goto(web_server.url + "/login")
    assert _axe(page, axe_source) == []


def test_print_shows_the_result_without_the_forms(page: Any, web_server: Server) -> None:
    assess_text(page, web_server, (REPO / "examples/reference-case.yaml").read_text())
    page.emulate_media(media="print")
    assert page.get_by_role("region", name="Assessment").is_visible()
    assert not page.locator("form.input").is_visible()
    assert not page.locator("#facts").is_visible()
    assert not page.get_by_role("navigation", name="Main").is_visible()
