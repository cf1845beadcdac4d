"""Patients in the browser: save a case, edit it in one tab while a second tab holds a stale
copy (refused, nothing lost), and the worklist shows the patient with what is overdue.

The app is the service's (``myositis_cds.api.create_app``) on a fresh SQLite store, so the page
goes through the same store rules as the REST API (expected revision = ETag).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import REPO, Server

pytest.importorskip("playwright")
pytest.importorskip("sqlalchemy")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    api = pytest.importorskip("myositis_cds.api")
    if not hasattr(api, "Settings"):
        pytest.skip("the service app (myositis_cds.api.create_app with a store) is not here")
    db = Path(tmp_path_factory.mktemp("store")) / "cds.sqlite3"
    app = api.create_app(api.Settings(db_url=f"sqlite:///{db}", auth="none"))
    with Server(app) as server:
        yield server


def save_reference_case(page: Any, server: Server) -> str:
    page.goto(server.url + "/")
    page.get_by_label("Upload a case file").set_input_files(REPO / "examples/reference-case.yaml")
    page.get_by_label("Assess as of").fill("2026-11-30")
    page.get_by_role("button", name="Assess", exact=True).click()
    page.get_by_role("region", name="Assessment").wait_for()
    page.get_by_role("button", name="Save as patient").click()
    page.get_by_role("heading", name="Patient reference-case").wait_for()
    # the heading can show while the rest of the page is still being parsed: count the history
    # rows only once the whole document has loaded (a count of 0 here raced under load)
    page.wait_for_load_state("load")
    return str(page.url.split("?")[0])


def test_save_edit_stale_copy_and_worklist(browser: Any, service: Server, axe_source: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        first = context.new_page()
        url = save_reference_case(first, service)
        assert first.get_by_role("status").inner_text() == "Saved."
        history = first.locator("section[aria-labelledby=h-history] tbody tr")
        assert history.count() == 1 and "first version" in history.first.inner_text()
        assert first.locator("section[aria-labelledby=h-past] tbody tr").count() == 1

        second = context.new_page()  # a second tab, opened on revision 1
        second.goto(url)

        # tab 1: dysphagia was not present after all → saved as revision 2
        fact = first.locator("fieldset.fact", has_text="dysphagia: present").first
        fact.get_by_label("Present or absent").select_option("no")
        with first.expect_navigation():
            first.get_by_role("button", name="Save changes").click()
        first.get_by_role("status").wait_for()
        assert "Revision 2" in first.locator("main").inner_text()
        newest = first.locator("section[aria-labelledby=h-history] tbody tr").first
        assert "findings: 1 changed" in newest.inner_text()
        assert "local" in newest.inner_text()
        # 8.0 - 0.7 (dysphagia) = 7.3: probable (5.5 <= 7.3 < 7.5)
        assert "score 7.3" in first.locator(".summary").inner_text()

        # tab 2 still holds revision 1: its edit is refused and its work is kept on screen
        stale = second.locator("fieldset.fact", has_text="ck: not above").first
        stale.get_by_label("Action").select_option("remove")
        with second.expect_navigation():
            second.get_by_role("button", name="Save changes").click()
        alert = second.get_by_role("alert")
        text = " ".join(alert.inner_text().split())
        assert "Your edit was not saved" in text
        assert "you edited revision 1; revision 2 was saved by local" in text
        assert second.locator("fieldset.fact", has_text="ck: not above").count() == 0

        # nothing lost: the store still has tab 1's revision 2
        second.goto(url)
        assert "Revision 2" in second.locator("main").inner_text()
        assert second.locator("fieldset.fact", has_text="ck: not above").count() == 1
        assert "score 7.3" in second.locator(".summary").inner_text()

        # the worklist: the patient, with the overdue screening named (as of today)
        second.goto(service.url + "/patients")
        row = second.locator("tbody tr", has_text="reference-case")
        assert "overdue" in row.inner_text()
        assert "Comprehensive history and physical examination" in row.inner_text()
        second.get_by_role("link", name="Patient", exact=True).click()
        # the click only starts the navigation: wait for the sorted list's address (times out,
        # and so fails, if it never comes) instead of reading the address at once, which raced
        # under load
        second.wait_for_url(re.compile(r"[?&]sort=patient\b"))

        for pg in (first, second):
            pg.evaluate(axe_source)
            result = pg.evaluate("async () => await axe.run(document)")
            serious = [
                v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")
            ]
            assert serious == []
    finally:
        context.close()


def test_token_login_roles_and_csrf(tmp_path: Path) -> None:
    """With --auth token the page logs in with a token (HttpOnly cookie); a reader may assess
    but not save; a clinician saves, and the revision names the token."""
    import html
    import re

    httpx = pytest.importorskip("httpx")
    api = pytest.importorskip("myositis_cds.api")
    if not hasattr(api, "create_token"):
        pytest.skip("the service app (tokens) is not here")
    tokens = tmp_path / "tokens.json"
    reader = api.create_token("front-desk", "reader", tokens)
    clinician = api.create_token("dr-lee", "clinician", tokens)
    settings = api.Settings(
        db_url=f"sqlite:///{tmp_path / 'cds.sqlite3'}", auth="token", tokens_file=tokens
    )
    case = (REPO / "examples/reference-case.yaml").read_text(encoding="utf-8")
    with Server(api.create_app(settings)) as server:

        def login(client: Any, token: str) -> str:
            assert client.post("/login", data={"token": token}).status_code == 303
            page = client.get("/")
            found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
            assert found is not None
            return found[1]

        with httpx.Client(base_url=server.url, timeout=120) as c:
            assert c.get("/").headers["location"] == "/login"
            csrf = login(c, reader)
            r = c.post("/assess", data={"text": case, "as_of": "2026-11-30", "csrf_token": csrf})
            assert r.status_code == 200 and "score 8.0" in r.text
            assert "Save as patient" not in r.text
            sent = re.search(r'name="case_json" value="([^"]*)"', r.text)
            assert sent is not None
            form = {"case_json": html.unescape(sent[1])}
            r = c.post("/patients/new", data={**form, "as_of": "2026-11-30", "csrf_token": csrf})
            assert r.status_code == 403 and "needs the clinician role" in r.text

        with httpx.Client(base_url=server.url, timeout=120) as c:
            csrf = login(c, clinician)
            data = {**form, "as_of": "2026-11-30"}
            assert c.post("/patients/new", data=data).status_code == 403  # no CSRF value
            r = c.post("/patients/new", data={**data, "csrf_token": csrf})
            assert r.status_code == 303
            page = c.get(r.headers["location"])
            history = page.text[page.text.index('id="h-history"') :]
            assert "dr-lee" in history
