"""The page's refusals (CONTRACT §7): each says what went wrong with its HTTP status, and never
echoes what was asked for (a patient id is patient data)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import REPO, Server

pytest.importorskip("multipart")
pytest.importorskip("jinja2")
pytest.importorskip("sqlalchemy")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    from myositis_cds import api

    db = Path(tmp_path_factory.mktemp("store")) / "cds.sqlite3"
    app = api.create_app(api.Settings(db_url=f"sqlite:///{db}", auth="none"))
    with Server(app) as server, httpx.Client(base_url=server.url, timeout=120) as client:
        yield client


def test_page_without_a_store_says_how_to_get_one(web_server: Server) -> None:
    with httpx.Client(base_url=web_server.url, timeout=60) as client:
        for path in ("/patients", "/patients/p-1"):
            r = client.get(path)
            assert r.status_code == 404
            assert "without a patient store" in r.text and "myositis-cds serve" in r.text


def test_unknown_patient_is_404_without_echoing_the_id(service: httpx.Client) -> None:
    r = service.get("/patients/zz-unknown-4711")
    assert r.status_code == 404
    assert "No patient has that id" in r.text
    assert "zz-unknown-4711" not in r.text


def test_edit_without_a_revision_is_refused_with_428(service: httpx.Client) -> None:
    case = (REPO / "examples/reference-case.yaml").read_text(encoding="utf-8")
    r = service.post("/assess", data={"text": case, "as_of": "2026-11-30"})
    sent = re.search(r'name="case_json" value="([^"]*)"', r.text)
    assert r.status_code == 200 and sent is not None
    form = {"case_json": html.unescape(sent[1]), "as_of": "2026-11-30"}
    saved = service.post("/patients/new", data=form)
    assert saved.status_code == 303
    patient = saved.headers["location"].split("?")[0]
    r = service.post(patient + "/edit", data=form)  # no "revision" field
    assert r.status_code == 428
    assert "did not say which revision" in r.text
    current = service.get(patient)
    assert current.status_code == 200 and "first version" in current.text  # nothing changed
