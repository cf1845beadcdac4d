"""The fact editor keeps an undated cancer's flag (tumours[].found_date_latest, issue #10).

The reference case with a second cancer, a breast adenocarcinoma known only by 2020-01-01: the
facts form shows it as "found by 2020-01-01, date not stated" with a ticked checkbox "Date not
stated: found by this date", and sending the form back (corrected-case YAML, re-assessment, or a
save and edit in the browser) keeps the flag unless the clinician unticks it. A browser sends an
unticked checkbox as nothing, so the form carries a hidden "no" before it and the ticked box's
"yes" comes last.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml

from tests.web.conftest import REPO, Server

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")

from myositis_cds.api._webview import apply_edits, case_rows  # noqa: E402
from myositis_cds.errors import CaseError  # noqa: E402

LABEL = "Date not stated: found by this date"
KEY = "f.tumours.1.found_date_latest"  # the second tumour of the case below
BREAST = {
    "site": "breast",
    "histology": "adenocarcinoma",
    "found_date": "2020-01-01",
    "found_date_latest": True,
}


def _case(**breast: Any) -> dict[str, Any]:
    case = yaml.safe_load((REPO / "examples/reference-case.yaml").read_text(encoding="utf-8"))
    case["tumours"] = [*case["tumours"], {**BREAST, **breast}]
    return dict(json.loads(json.dumps(case, default=str)))


# --------------------------------------------------------------------------- the fact editor
def test_the_row_shows_found_by_and_a_ticked_box() -> None:
    _, rows = case_rows(_case())
    breast = next(r for r in rows if r.section == "tumours" and r.index == 1)
    assert (
        breast.text == "breast adenocarcinoma, size not recorded (by 2020-01-01, date not stated)"
    )
    box = next(c for c in breast.controls if c.key == KEY)
    assert (box.spec.label, box.spec.kind, box.value) == (LABEL, "checkbox", "yes")
    # the reference NET is dated: its box is not ticked and its date is shown as it is
    net = next(r for r in rows if r.section == "tumours" and r.index == 0)
    assert net.text.endswith("(2023-02-01)")
    assert next(c for c in net.controls if c.key == "f.tumours.0.found_date_latest").value == ""


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("no,yes", True),  # ticked: the hidden "no", then the box's "yes" (the last one wins)
        ("no", None),  # unticked: the hidden "no" alone clears the flag (false is the default)
        (None, True),  # a form without the field (another page's) leaves the record alone
    ],
)
def test_an_edit_keeps_or_clears_the_flag(sent: str | None, expected: bool | None) -> None:
    form = {} if sent is None else {KEY: sent.split(",")[-1]}
    data, _ = apply_edits(_case(), form)
    assert data["tumours"][1].get("found_date_latest") is expected
    assert data["tumours"][1]["found_date"] == "2020-01-01"


def test_anything_else_in_the_box_is_refused_by_name() -> None:
    with pytest.raises(CaseError, match=r"tumours\[1\]\.found_date_latest: tick or untick"):
        apply_edits(_case(), {KEY: "maybe"})


# --------------------------------------------------------------------------- over HTTP
class _Form(HTMLParser):
    """The fields a browser sends from the facts form, in document order (a checkbox only when
    ticked), and the checkboxes with their labels' text."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.checkboxes: dict[str, bool] = {}
        self._in_facts = False
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "case-form" in a.get("class", ""):
            self._in_facts = True
        if not self._in_facts:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind == "checkbox":
                self.checkboxes[a["name"]] = "checked" in a
                if "checked" not in a:
                    return
            if kind != "file":
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self.fields.append((a["name"], ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_facts = False
        elif tag == "select":
            self._select = None


def _facts_form(html: str) -> _Form:
    parser = _Form()
    parser.feed(html)
    return parser


def _as_sent(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Form pairs as httpx sends them: each name's values in document order."""
    out: dict[str, list[str]] = {}
    for name, value in fields:
        out.setdefault(name, []).append(value)
    return out


@pytest.fixture()
def client(web_server: Server) -> Iterator[Any]:
    with httpx.Client(base_url=web_server.url, timeout=60) as c:
        yield c


def _assess(client: Any, case: dict[str, Any]) -> str:
    r = client.post(
        "/assess",
        data={"text": "", "as_of": "2026-11-30"},
        files={"upload": ("case.json", json.dumps(case).encode(), "application/json")},
    )
    assert r.status_code == 200, r.text
    return str(r.text)


def test_the_page_shows_the_ticked_box_with_its_label(client: Any) -> None:
    html = _assess(client, _case())
    form = _facts_form(html)
    assert form.checkboxes == {"f.tumours.0.found_date_latest": False, KEY: True}
    assert f"<span>{LABEL}</span>" in html
    assert "found by 2020-01-01 (date not stated)" in html  # the screening judgement


def test_the_form_sent_back_keeps_the_flag(client: Any) -> None:
    form = _facts_form(_assess(client, _case()))
    r = client.post("/case.yaml", data=_as_sent(form.fields))  # the hidden "no" first
    assert r.status_code == 200, r.text
    breast = yaml.safe_load(r.text)["tumours"][1]
    assert (str(breast["found_date"]), breast["found_date_latest"]) == ("2020-01-01", True)


def test_unticking_the_box_makes_the_date_exact(client: Any) -> None:
    form = _facts_form(_assess(client, _case()))
    unticked = [(k, v) for k, v in form.fields if not (k == KEY and v == "yes")]
    r = client.post("/reassess", data=_as_sent(unticked))
    assert r.status_code == 200, r.text
    # found 2020-01-01 exactly: inside the window that opens on 2019-09-10 (onset 2022-09-10
    # less three years), so the breast adenocarcinoma now explains the myositis
    assert _facts_form(r.text).checkboxes[KEY] is False
    assert "found 2020-01-01" in r.text and "found by 2020-01-01" not in r.text


# --------------------------------------------------------------------------- in the browser
def test_in_the_browser_the_box_is_named_ticked_and_kept(
    page: Any, web_server: Server, axe_source: str, tmp_path: Any
) -> None:
    pytest.importorskip("playwright")
    upload = tmp_path / "case.json"
    upload.write_text(json.dumps(_case()), encoding="utf-8")
    page.goto(web_server.url + "/")
    page.get_by_label("Upload a case file").set_input_files(upload)
    page.get_by_label("Assess as of").fill("2026-11-30")
    page.get_by_role("button", name="Assess", exact=True).click()
    page.get_by_role("region", name="Assessment").wait_for()
    fact = page.locator("fieldset.fact", has_text="breast adenocarcinoma")
    box = fact.get_by_label(LABEL)  # the accessible name is the label's text
    assert box.is_checked()
    assert "by 2020-01-01, date not stated" in fact.locator("legend").inner_text()
    # re-assessed unchanged: still ticked
    with page.expect_navigation():
        page.get_by_role("button", name="Re-assess").click()
    assert (
        page.locator("fieldset.fact", has_text="breast adenocarcinoma")
        .get_by_label(LABEL)
        .is_checked()
    )
    page.evaluate(axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    # unticked and re-assessed: the date is now the real one
    page.locator("fieldset.fact", has_text="breast adenocarcinoma").get_by_label(LABEL).uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Re-assess").click()
    fact = page.locator("fieldset.fact", has_text="breast adenocarcinoma")
    assert not fact.get_by_label(LABEL).is_checked()
    assert "(2020-01-01)" in fact.locator("legend").inner_text()


# --------------------------------------------------------------------------- saved patients
@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    api = pytest.importorskip("myositis_cds.api")
    db = tmp_path_factory.mktemp("store") / "cds.sqlite3"
    with Server(api.create_app(api.Settings(db_url=f"sqlite:///{db}", auth="none"))) as server:
        yield server


def test_a_saved_patient_keeps_the_flag_through_an_edit(service: Server) -> None:
    with httpx.Client(base_url=service.url, timeout=60) as client:
        form = _facts_form(_assess(client, _case()))
        saved = client.post("/patients/new", data=_as_sent(form.fields))
        assert saved.status_code == 303, saved.text
        patient = saved.headers["location"].split("?")[0]
        page = client.get(patient)
        assert _facts_form(page.text).checkboxes[KEY] is True
        # an edit of another fact (the CK result removed) sends the ticked box back
        form = _facts_form(page.text)
        edited = [(k, "remove" if k == "f.labs.0.action" else v) for k, v in form.fields]
        r = client.post(f"{patient}/edit", data=_as_sent(edited))
        assert r.status_code in (200, 303), r.text
        page = client.get(patient)
        assert "Revision 2" in page.text
        assert _facts_form(page.text).checkboxes[KEY] is True
