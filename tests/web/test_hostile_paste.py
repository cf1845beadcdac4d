"""Issue #15: text pasted into the web page that looks like JSON or YAML but cannot be built
into values (found by the body fuzzer, benchmarks/_fuzz_bodies.py) is read as a note or
refused with the problem named; never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.web.conftest import Server

pytest.importorskip("multipart")
pytest.importorskip("jinja2")


@pytest.fixture
def page(web_server: Server) -> Iterator[httpx.Client]:
    # the page served over HTTP (an in-process event loop clashes with the browser tests')
    with httpx.Client(base_url=web_server.url, timeout=60) as client:
        yield client


@pytest.mark.parametrize(
    "text",
    [
        "2022-02-30",  # a YAML date that does not exist (PyYAML: ValueError)
        "[" * 5000 + "]" * 5000,  # nested deeper than the readers go (RecursionError)
        '{"n": 1' + "0" * 5000 + "}",  # an integer longer than Python reads (ValueError)
    ],
)
def test_pasted_text_that_cannot_be_built_is_not_a_crash(page: httpx.Client, text: str) -> None:
    response = page.post("/assess", data={"text": text, "as_of": "2024-01-15"})
    assert response.status_code in (200, 422), response.text[:300]
    if response.status_code == 422:
        assert 'role="alert"' in response.text


@pytest.mark.parametrize(
    "case_json",
    ["[" * 5000 + "]" * 5000, '{"patient": {"sex": "female", "age": 1' + "0" * 5000 + "}}"],
)
def test_a_facts_form_whose_case_cannot_be_read_is_422(page: httpx.Client, case_json: str) -> None:
    response = page.post("/reassess", data={"case_json": case_json, "as_of": "2024-01-15"})
    assert response.status_code == 422, response.text[:300]
    assert "the case sent back was damaged" in response.text


TUMOUR = {"site": "pancreas", "histology": "neuroendocrine_tumour", "found_date": "2023-01-10"}
CASE = {"patient": {"sex": "female", "age": 60}}


@pytest.mark.parametrize(
    ("tumour", "status"),
    [
        (TUMOUR, 200),  # no size (the contract allows a null size_mm): was KeyError
        ({**TUMOUR, "histology": 5, "size_mm": 12.0}, 422),  # was AttributeError
    ],
)
def test_a_facts_form_with_an_unsized_or_odd_tumour_is_shown(
    page: httpx.Client, tumour: dict[str, object], status: int
) -> None:
    case_json = json.dumps({**CASE, "tumours": [tumour]})
    response = page.post("/reassess", data={"case_json": case_json, "as_of": "2024-01-15"})
    assert response.status_code == status, response.text[:300]


def test_a_pasted_note_longer_than_the_server_reads_is_refused_on_the_form(
    page: httpx.Client,
) -> None:
    # the stand-alone page app has the server's default limit, 200,000 characters
    note = "Weak arms. " * 18_182  # 200,002 characters
    assert len(note) == 200_002
    response = page.post("/assess", data={"text": note, "as_of": "2024-01-15"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "200,002 characters" in response.text and "at most 200,000" in response.text
