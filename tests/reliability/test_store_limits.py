"""Values the fuzzer found that the database could not take (a 500 before): revision numbers
beyond the INTEGER column, NUL characters (PostgreSQL text cannot hold U+0000), a case_id
longer than its column. Each is now a 404, 412 or 422, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from myositis_cds.api import Settings, create_app
from myositis_cds.store import Store
from tests.api.conftest import YAML, Api
from tests.store.helpers import REFERENCE_CASE


@pytest.fixture
def client(db_url: str) -> Iterator[Api]:
    the_store = Store.open(db_url)
    api = Api(create_app(Settings(auth="none"), store=the_store))
    try:
        yield api
    finally:
        api.close()
        the_store.close()


@pytest.fixture
def location(client: Api) -> str:
    created = client.post("/api/patients", content=REFERENCE_CASE.read_bytes(), headers=YAML)
    assert created.status_code == 201
    return str(created.headers["location"])


@pytest.mark.parametrize("revision", [2**31, 2**63, 10**30])
def test_a_revision_beyond_the_column_is_not_found(
    client: Api, location: str, revision: int
) -> None:
    response = client.get(f"{location}/revisions/{revision}")
    assert response.status_code == 404
    assert response.json() == {"error": "no patient with this id"}


# "²" (sent as Latin-1, as HTTP headers are read) passes str.isdigit() but not int().
@pytest.mark.parametrize("etag", [str(2**31 - 1), str(2**63), "9" * 5000, "²"])
def test_an_if_match_no_revision_can_have_is_412(client: Api, location: str, etag: str) -> None:
    if_match = f'"{etag}"'.encode("latin-1")
    response = client.put(
        location, content=REFERENCE_CASE.read_bytes(), headers={**YAML, "If-Match": if_match}
    )
    assert response.status_code == 412
    assert set(response.json()) == {"error"}
    assert client.get(location).headers["etag"] == '"1"'  # nothing written


@pytest.mark.parametrize("suffix", ["", "/revisions", "/assessments", "/assessment"])
def test_an_id_with_a_nul_character_is_not_found(client: Api, suffix: str) -> None:
    assert client.get(f"/api/patients/a%00b{suffix}").status_code == 404


def test_put_and_delete_with_a_nul_in_the_id_are_not_found(client: Api) -> None:
    body = REFERENCE_CASE.read_bytes()
    put = client.put("/api/patients/a%00b", content=body, headers={**YAML, "If-Match": '"1"'})
    assert put.status_code == 404
    assert client.delete("/api/patients/a%00b").status_code == 404


@pytest.mark.parametrize(
    ("case_id", "message"),
    [
        ("a\u0000b", "contains a NUL character (U+0000)"),
        ("x" * 201, "is longer than 200 characters (201)"),
    ],
)
def test_a_case_id_the_store_cannot_keep_is_422_and_nothing_is_written(
    client: Api, location: str, case_id: str, message: str
) -> None:
    case = client.get(location).json()
    created = client.post("/api/patients", json={**case, "case_id": case_id})
    assert created.status_code == 422
    (error,) = created.json()["errors"]
    assert error["path"] == "case_id"
    # the case model may refuse an over-long label itself (with its own wording)
    assert error["message"] == message or "200" in error["message"]
    updated = client.put(location, json={**case, "case_id": case_id}, headers={"If-Match": '"1"'})
    assert updated.status_code == 422
    assert client.get(location).headers["etag"] == '"1"'
    assert len(client.get("/api/patients").json()) == 1


def test_a_case_id_of_200_characters_is_kept(client: Api, location: str) -> None:
    case = client.get(location).json()
    updated = client.put(location, json={**case, "case_id": "x" * 200}, headers={"If-Match": '"1"'})
    assert updated.status_code == 200
    assert client.get(location).json()["case_id"] == "x" * 200
