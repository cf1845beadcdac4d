"""Issue #15: hostile CDS Hooks requests, FHIR Bundles and web forms (hypothesis, built in
benchmarks/_fuzz_bodies.py) against the whole app: no 5xx, security headers on every response,
every error in the shape the contract gives its route. A few hundred requests here; ``python -m
benchmarks.reliability --sections bodies`` sends 5,000 of each kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from benchmarks import _fuzz_bodies as fb

from myositis_cds.store import Store

pytest.importorskip("jwt")
pytest.importorskip("multipart")
COUNTS = {"cds": 60, "feedback": 60, "fhir": 80, "web": 30}


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fb.Bench]:
    folder = tmp_path_factory.mktemp("bodies")
    store = Store.open(f"sqlite:///{folder / 'bodies.sqlite3'}")
    try:
        with fb.bench(store, folder) as the_bench:
            yield the_bench
    finally:
        store.close()


@pytest.mark.parametrize("kind", fb.KINDS)
def test_hostile_bodies_get_answers_in_the_contracts_shape(bench: fb.Bench, kind: str) -> None:
    result = fb.fuzz_bodies(bench, per_kind=COUNTS[kind], kinds=(kind,), seed=1015)[kind]
    assert result["requests"] == COUNTS[kind]
    assert result["problems"] == []
    # the requests reached the service, not only its front door
    assert set(result["statuses"]) - {"400", "401", "403"}, result["statuses"]


# --------------------------------------------------------------------------- the checks fail
HEADERS = {
    "content-security-policy": "default-src 'self'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def _response(status: int, body: object, media: str = "application/json") -> httpx.Response:
    content = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    return httpx.Response(status, content=content, headers={**HEADERS, "content-type": media})


@pytest.mark.parametrize(
    ("kind", "path", "response"),
    [
        ("cds", fb.SERVICE, _response(500, {"error": "internal error", "id": "x"})),
        ("cds", fb.SERVICE, _response(400, {"error": "bad request"})),  # no message
        ("cds", fb.SERVICE, _response(200, {"cards": [{"summary": "x" * 141}]})),
        ("cds", fb.SERVICE, _response(200, {"cards": "none"})),
        ("feedback", fb.SERVICE + "/feedback", _response(200, {"ok": True})),
        ("fhir", "/api/assess", _response(422, {"error": "no path"})),
        ("web", "/assess", _response(422, "<p>bad</p>", "text/html")),  # no role="alert"
        ("web", "/case.yaml", _response(200, "<html>", "text/html")),
    ],
)
def test_the_checks_catch_what_the_contract_forbids(
    kind: str, path: str, response: httpx.Response
) -> None:
    assert fb.problem(kind, path, response) is not None


def test_the_checks_want_the_security_headers() -> None:
    bare = httpx.Response(200, json={"cards": []})
    assert "without" in (fb.problem("cds", fb.SERVICE, bare) or "")
    assert fb.problem("cds", fb.SERVICE, _response(200, {"cards": []})) is None


def test_form_fields_reads_a_pages_facts_form() -> None:
    page = (
        '<form><input name="a" value="1"><input type="checkbox" name="b" value="x">'
        '<input type="radio" name="c" value="y" checked><select name="d"><option value="p">'
        '<option value="q" selected></select><textarea name="e">note text</textarea>'
        '<input type="submit" name="go" value="Go"></form>'
    )
    assert fb.form_fields(page) == {"a": "1", "c": "y", "d": "q", "e": "note text"}


def test_deep_nesting_markers_become_nested_arrays() -> None:
    assert fb.dumps({"a": fb._deep(3)}) == b'{"a": [[[]]]}'


def test_the_bench_patient_and_facts_are_real(bench: fb.Bench, tmp_path: Path) -> None:
    assert "case_json" in bench.facts and bench.patient
