"""The web page over HTTP, without a browser: headers, errors, the login and CSRF rules, and
the pieces the page is built from (the fact editor, the note mark-up, the plot clean-up)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import REPO, Server

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")

from myositis_cds.api._webview import (  # noqa: E402
    FactRow,
    apply_edits,
    case_rows,
    csp_safe_svg,
    highlight_note,
)
from myositis_cds.api.web import COOKIE, CSP, create_app  # noqa: E402
from myositis_cds.errors import CaseError  # noqa: E402

REFERENCE = (REPO / "examples/reference-case.yaml").read_text(encoding="utf-8")


@pytest.fixture()
def client(web_server: Server) -> Iterator[Any]:
    with httpx.Client(base_url=web_server.url, timeout=60) as c:
        yield c


# --------------------------------------------------------------------------- headers
@pytest.mark.parametrize("path", ["/", "/static/web.css", "/static/web.js", "/login"])
def test_every_response_forbids_other_origins(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"


def test_the_page_names_no_other_origin(client: Any) -> None:
    r = client.post("/assess", data={"text": REFERENCE, "as_of": "2026-11-30"})
    assert r.status_code == 200
    urls = re.findall(r'(?:src|href|action|formaction)="([^"]+)"', r.text)
    assert urls and all(u.startswith(("/", "#", "data:")) for u in urls)
    # the contract's accessible names
    for label in ("Clinical note or case file", "Upload a case file", "Assess as of"):
        assert f">{label}</label>" in r.text
    assert 'aria-labelledby="assessment-heading"' in r.text
    assert '<h2 id="assessment-heading">Assessment</h2>' in r.text


def test_unknown_static_file_is_404(client: Any) -> None:
    assert client.get("/static/..%2Fweb.py").status_code == 404
    assert client.get("/static/secret.txt").status_code == 404


# --------------------------------------------------------------------------- bad input
def test_future_as_of_is_refused_with_422(client: Any) -> None:
    r = client.post("/assess", data={"text": REFERENCE, "as_of": "2999-01-01"})
    assert r.status_code == 422
    assert "Assess as of: 2999-01-01 is after today" in r.text


def test_invalid_case_names_the_field_and_echoes_no_case(client: Any) -> None:
    bad = REFERENCE.replace("sex: female", "sex: unicorn")
    r = client.post("/assess", data={"text": bad, "as_of": "2026-11-30"})
    assert r.status_code == 422
    assert "patient.sex" in r.text
    assert 'id="assessment-heading"' not in r.text


def test_empty_input_says_what_to_do(client: Any) -> None:
    r = client.post("/assess", data={"text": "  ", "as_of": ""})
    assert r.status_code == 422
    assert "paste a note or a case file, or upload a file" in r.text


def test_upload_reads_the_file_not_the_text_box(client: Any) -> None:
    r = client.post(
        "/assess",
        data={"text": "ignored", "as_of": "2026-11-30"},
        files={"upload": ("case.yaml", REFERENCE.encode(), "application/yaml")},
    )
    assert r.status_code == 200
    assert "score 8.0" in r.text


def test_plot_is_drawn_from_the_case_sent_back(client: Any) -> None:
    import json

    import yaml

    case = json.dumps(yaml.safe_load(REFERENCE), default=str)
    r = client.post("/plot.svg", data={"case_json": case, "as_of": "2026-11-30"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.startswith("<svg ") and 'role="img"' in r.text
    assert " style=" not in r.text and "<style" not in r.text  # allowed by the CSP as is
    assert client.post("/plot.svg", data={"case_json": "{", "as_of": ""}).status_code == 422


# --------------------------------------------------------------------------- login and CSRF
class _Tokens:
    def authenticate(self, token: str) -> Any:
        return type("P", (), {"name": "dr-a", "role": "clinician"})() if token == "t0k" else None


@pytest.fixture(scope="module")
def secured() -> Iterator[Server]:
    with Server(create_app(tokens=_Tokens())) as server:
        yield server


def test_with_tokens_the_page_needs_a_login(secured: Server) -> None:
    with httpx.Client(base_url=secured.url) as c:
        r = c.get("/")
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.post("/login", data={"token": "wrong"}).status_code == 401
        r = c.post("/login", data={"token": "t0k"})
        assert r.status_code == 303
        cookies = r.headers.get_list("set-cookie")
        assert cookies[0].startswith(f"{COOKIE}=t0k")
        assert all("HttpOnly" in c and "samesite=strict" in c.lower() for c in cookies)
        page = c.get("/")
        assert page.status_code == 200
        csrf = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page.text)
        assert csrf is not None
        # a form without the page's CSRF token is refused, one with it is served
        r = c.post("/assess", data={"text": REFERENCE, "as_of": "2026-11-30"})
        assert r.status_code == 403
        r = c.post(
            "/assess", data={"text": REFERENCE, "as_of": "2026-11-30", "csrf_token": csrf[1]}
        )
        assert r.status_code == 200 and "score 8.0" in r.text
        r = c.post("/logout")
        assert r.status_code == 303 and "Max-Age=0" in r.headers["set-cookie"]


# --------------------------------------------------------------------------- the fact editor
CASE: dict[str, Any] = {
    "patient": {"sex": "female", "age": 65},
    "findings": [
        {
            "code": "heliotrope_rash",
            "present": True,
            "date": "2026-09-30",
            "evidence": {"text": "upper eyelids", "start": 4, "end": 17, "inferred": True},
        },
        {
            "code": "dysphagia",
            "present": True,
            "date": "2026-09-30",
            "evidence": {"text": "dysphagia", "start": 22, "end": 31},
        },
    ],
    "labs": [{"code": "ck", "above_uln": False, "date": "2026-09-30"}],
}


def test_rows_number_every_record_and_flag_inferred_ones() -> None:
    patient, rows = case_rows(CASE)
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[0].review and not rows[1].review
    assert rows[1].text == "dysphagia: present (2026-09-30)"
    assert {c.key: c.value for c in patient}["p.patient.age"] == "65"


def test_edits_correct_confirm_and_remove() -> None:
    form = {
        "f.findings.0.action": "confirm",
        "f.findings.1.action": "keep",
        "f.findings.1.present": "no",
        "f.labs.0.action": "remove",
        "p.patient.age": "66",
    }
    data, _where = apply_edits(CASE, form)
    assert data["findings"][0]["evidence"]["inferred"] is False
    assert data["findings"][1]["present"] is False
    assert data["labs"] == []
    assert data["patient"]["age"] == 66
    assert CASE["findings"][1]["present"] is True  # the original is untouched


def test_a_problem_names_the_fact_the_clinician_saw() -> None:
    from myositis_cds.api._webview import renumber_problems
    from myositis_cds.case import parse_case

    form = {"f.findings.0.action": "remove", "f.findings.1.date": "2026-02-30"}
    data, where = apply_edits(CASE, form)
    with pytest.raises(CaseError) as info:
        parse_case(data)
    message = str(renumber_problems(info.value, where))
    assert message.startswith("fact 2 (findings[1].date)")


def test_a_number_that_is_not_one_is_refused_by_name() -> None:
    with pytest.raises(CaseError, match=r"labs\[0\].value: 'high' is not a number"):
        apply_edits(CASE, {"f.labs.0.value": "high"})


# --------------------------------------------------------------------------- note and plot
def test_note_marks_nested_spans_and_skips_evidence_not_in_the_note() -> None:
    note = "red violaceous eyelids and <b>"
    outer = FactRow(
        1, "findings", 0, "a", {"text": "violaceous eyelids", "start": 4, "end": 22}, True, False
    )
    inner = FactRow(
        2, "findings", 1, "b", {"text": "eyelids", "start": 15, "end": 22}, False, False
    )
    stale = FactRow(
        3, "findings", 2, "c", {"text": "heliotrope", "start": 0, "end": 10}, False, False
    )
    html, shown = highlight_note(note, [outer, inner, stale])
    assert shown == {1, 2}
    assert html.count("<mark") == 2  # "violaceous " and "eyelids" (covered by both)
    assert '<mark class="ev review">eyelids</mark>' in html
    assert html.index('href="#fact-1"') < html.index("&lt;b&gt;")  # the note is escaped
    assert 'id="ev-1"' in html and 'id="ev-2"' in html


def test_plot_svg_has_no_inline_styles_and_a_name() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="720pt" height="500pt" viewBox="0 0 720 '
        '500"><metadata>x</metadata><defs><style type="text/css">*{stroke-linejoin: round}'
        '</style></defs><path d="M0 0" style="fill: #ffffff; stroke-width: 0.8"/></svg>'
    )
    out = csp_safe_svg(svg, title="Timeline <test>")
    assert "style" not in out and "metadata" not in out
    assert '<path d="M0 0" fill="#ffffff" stroke-width="0.8"/>' in out
    assert '<title id="plot-title">Timeline &lt;test&gt;</title>' in out
    assert 'role="img"' in out and 'stroke-linejoin="round"' in out
    assert 'width="720pt"' not in out


def test_upload_a_fhir_bundle(client: Any) -> None:
    pytest.importorskip("fhir.resources")
    bundle = (REPO / "examples/reference-case.fhir.json").read_bytes()
    r = client.post(
        "/assess",
        data={"text": "", "as_of": "2026-11-30"},
        files={"upload": ("case.fhir.json", bundle, "application/fhir+json")},
    )
    assert r.status_code == 200
    # the same published case as FHIR: 2.1 + 3.1 + 2.1 + 0.7 = 8.0, definite
    assert "score 8.0" in r.text and "definite" in r.text
    assert '<h2 id="facts-heading">Case records</h2>' in r.text
