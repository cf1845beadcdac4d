"""Benchmark: the web page, from the Assess click to the result region on screen.

Run: ``python -m benchmarks.web [--repeats 10] [--screenshots docs]``. One browser session
(Debian's chromium via Playwright) against the page served by uvicorn on a loopback port; each
figure is the median of ``--repeats`` runs after one warm-up. The baseline, measured in the same
session, is loading ``/`` itself; the ratio travels better than seconds on a shared machine.
Target (issue #13): the seed note's result within 1.5 s of the click. The timeline plot is drawn
after the result is shown; the time until it is on screen is printed too.

``--screenshots DIR`` also writes the assess page at desktop and phone width (PNG).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.web.conftest import BROWSER_ARGS, Server, chromium_path, seed_dir

from benchmarks._util import ROOT, table

TARGET_SECONDS = 1.5


def _median(repeats: int, run: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    run()  # warm-up: imports, spaCy, matplotlib
    results = [run() for _ in range(repeats)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--screenshots", type=Path, help="write PNG screenshots to this folder")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from myositis_cds.api.web import create_app

    notes = sorted(seed_dir().glob("*.txt"))
    if not notes:
        print(f"no seed note in {seed_dir()} (set MYOSITIS_CDS_SEED_DIR)", file=sys.stderr)
        return 2
    note = notes[0].read_text(encoding="utf-8")
    case_file = ROOT / "examples" / "reference-case.yaml"
    browser_path = chromium_path()
    if browser_path is None:
        print("chromium is not installed", file=sys.stderr)
        return 2

    with Server(create_app()) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=BROWSER_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page: Any = context.new_page()
        page.set_default_timeout(60_000)

        def load_index() -> tuple[float, float]:
            start = time.perf_counter()
            page.goto(server.url + "/")
            page.get_by_role("button", name="Assess", exact=True).wait_for()
            elapsed = time.perf_counter() - start
            return elapsed, elapsed

        def assess(fill: Callable[[], None]) -> Callable[[], tuple[float, float]]:
            def run() -> tuple[float, float]:
                page.goto(server.url + "/")
                fill()
                start = time.perf_counter()
                page.get_by_role("button", name="Assess", exact=True).click()
                # the region itself (a CSS lookup: Playwright's role engine walks the whole DOM,
                # which would time the test tool rather than the page)
                page.locator("section#result[aria-labelledby=assessment-heading]").wait_for()
                shown = time.perf_counter() - start
                page.locator(".plot.drawn svg").wait_for()
                return shown, time.perf_counter() - start

            return run

        def paste_note() -> None:
            page.get_by_label("Clinical note or case file").fill(note)

        def upload_case() -> None:
            page.get_by_label("Upload a case file").set_input_files(case_file)

        index, _ = _median(args.repeats, load_index)
        note_shown, note_plot = _median(args.repeats, assess(paste_note))
        file_shown, file_plot = _median(args.repeats, assess(upload_case))

        if args.screenshots:
            _screenshots(browser, server, note, args.screenshots)
        browser.close()

    print(f"web page: median of {args.repeats} runs in one browser session (after a warm-up)")
    rows = [
        ["load / (baseline)", f"{index:.3f}", "1.0", "—"],
        ["seed note: click → result", f"{note_shown:.3f}", f"{note_shown / index:.1f}", ""],
        ["seed note: click → plot drawn", f"{note_plot:.3f}", f"{note_plot / index:.1f}", ""],
        ["case file: click → result", f"{file_shown:.3f}", f"{file_shown / index:.1f}", ""],
        ["case file: click → plot drawn", f"{file_plot:.3f}", f"{file_plot / index:.1f}", ""],
    ]
    rows[1][3] = "met" if note_shown <= TARGET_SECONDS else "MISSED"
    rows[1][3] += f" (target {TARGET_SECONDS} s)"
    print(table(["measure", "seconds", "× load /", "target"], rows))
    return 0


# Scroll the note's box to the first fact to confirm (the box scrolls, the page does not).
_SCROLL_NOTE = """() => {
  const box = document.querySelector('.note');
  const mark = box && box.querySelector('mark.review');
  if (mark) {
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - 80;
  }
}"""


def _screenshots(browser: Any, server: Server, note: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    _patients_screenshots(browser, folder)
    for name, width, height in (("desktop", 1366, 900), ("phone", 390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(server.url + "/")
        page.get_by_label("Clinical note or case file").fill(note)
        page.get_by_role("button", name="Assess", exact=True).click()
        page.get_by_role("region", name="Assessment").wait_for()
        page.locator(".plot.drawn svg").wait_for()
        page.evaluate("window.scrollTo(0, 0)")
        page.get_by_label("Clinical note or case file").evaluate("e => e.scrollTop = 0")
        page.screenshot(path=str(folder / f"web-assess-{name}.png"))
        if name == "desktop":
            page.locator("#facts").scroll_into_view_if_needed()
            page.evaluate("document.getElementById('facts').scrollIntoView()")
            page.evaluate(_SCROLL_NOTE)
            page.screenshot(path=str(folder / "web-facts-desktop.png"))
        context.close()


def _patients_screenshots(browser: Any, folder: Path) -> None:
    """The worklist and a patient's page, on the service's app with a scratch SQLite store."""
    import tempfile

    try:
        from myositis_cds.api import Settings
        from myositis_cds.api import create_app as service_app
    except ImportError:
        print("no service app: patients screenshots skipped", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        app = service_app(Settings(db_url=f"sqlite:///{tmp}/cds.sqlite3", auth="none"))
        with Server(app) as server:
            context = browser.new_context(viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.set_default_timeout(60_000)
            for name in ("reference-case.yaml", "vignette-tis.yaml"):
                page.goto(server.url + "/")
                page.get_by_label("Upload a case file").set_input_files(ROOT / "examples" / name)
                page.get_by_role("button", name="Assess", exact=True).click()
                page.get_by_role("button", name="Save as patient").click()
                page.get_by_role("status").wait_for()
            page.screenshot(path=str(folder / "web-patient-desktop.png"))
            page.goto(server.url + "/patients")
            page.screenshot(path=str(folder / "web-patients-desktop.png"))
            context.close()


if __name__ == "__main__":
    raise SystemExit(main())
