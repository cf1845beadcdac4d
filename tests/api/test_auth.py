"""Roles against routes: reader reads and assesses; clinician also writes; admin also deletes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from myositis_cds.api import InsecureSettings, Settings, create_app, create_token
from myositis_cds.api._auth import TokenError, TokenStore, is_loopback
from myositis_cds.store import Store
from tests.api.conftest import YAML, Api

ROLES = ("reader", "clinician", "admin")
CASE = b"case_id: auth-test\npatient: {sex: female, age: 60}\n"

# (method, path, least role); {id} is a stored patient.
ROUTES = [
    ("POST", "/api/assess", "reader"),
    ("GET", "/api/patients", "reader"),
    ("GET", "/api/patients/{id}", "reader"),
    ("GET", "/api/patients/{id}/revisions", "reader"),
    ("GET", "/api/patients/{id}/revisions/1", "reader"),
    ("GET", "/api/patients/{id}/assessment", "reader"),
    ("GET", "/api/patients/{id}/assessments", "reader"),
    ("GET", "/api/worklist", "reader"),
    ("POST", "/api/patients", "clinician"),
    ("PUT", "/api/patients/{id}", "clinician"),
    ("DELETE", "/api/patients/{id}", "admin"),
]


def _call(api: Api, method: str, path: str, patient_id: str) -> int:
    url = path.replace("{id}", patient_id)
    headers = {**YAML, "If-Match": '"1"'}
    body = CASE if method in ("POST", "PUT") else None
    return api.request(method, url, content=body, headers=headers).status_code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "least"), ROUTES)
def test_each_role_against_each_route(
    secured: Api,
    store: Store,
    tokens: dict[str, str],
    role: str,
    method: str,
    path: str,
    least: str,
) -> None:
    from myositis_cds import parse_case

    patient_id = store.create_patient(
        parse_case({"patient": {"sex": "male", "age": 50}}), actor="setup"
    ).id
    secured.token = tokens[role]
    status = _call(secured, method, path, patient_id)
    if ROLES.index(role) < ROLES.index(least):
        assert status == 403
    else:
        assert status in (200, 201, 204), status


@pytest.mark.parametrize(("method", "path", "least"), ROUTES)
def test_401_without_a_valid_token(secured: Api, method: str, path: str, least: str) -> None:
    assert _call(secured, method, path, "any") == 401
    secured.token = "mcds_not-a-real-token"
    response = secured.request(method, path.replace("{id}", "any"))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_health_and_openapi_need_no_token(secured: Api) -> None:
    assert secured.get("/health").status_code == 200
    assert secured.get("/openapi.json").status_code == 200


def test_writes_are_authored_by_the_token_name(secured: Api, tokens: dict[str, str]) -> None:
    secured.token = tokens["clinician"]
    location = secured.post("/api/patients", content=CASE, headers=YAML).headers["location"]
    secured.put(location, content=CASE, headers={**YAML, "If-Match": '"1"'})
    revisions = secured.get(f"{location}/revisions").json()
    assert [r["author"] for r in revisions] == ["clinician-1", "clinician-1"]


def test_tokens_are_stored_hashed(tmp_path: Path, tokens: dict[str, str]) -> None:
    text = (tmp_path / "tokens.json").read_text()
    for secret in tokens.values():
        assert secret not in text
        assert secret[5:] not in text
    entries = json.loads(text)["tokens"]
    assert [(e["name"], e["role"]) for e in entries] == [
        ("reader-1", "reader"),
        ("clinician-1", "clinician"),
        ("admin-1", "admin"),
    ]
    assert (tmp_path / "tokens.json").stat().st_mode & 0o077 == 0


def test_a_token_created_while_serving_works_at_once(secured: Api, tmp_path: Path) -> None:
    new = create_token("late-reader", "reader", tmp_path / "tokens.json")
    secured.token = new
    assert secured.get("/api/patients").status_code == 200


def test_token_names_are_unique_and_roles_known(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    create_token("a", "reader", path)
    with pytest.raises(TokenError, match="already exists"):
        create_token("a", "admin", path)
    with pytest.raises(TokenError, match="reader, clinician, admin"):
        create_token("b", "superuser", path)
    assert TokenStore(path).authenticate("") is None


def test_no_auth_is_refused_off_loopback(store: Store) -> None:
    with pytest.raises(InsecureSettings, match="loopback"):
        create_app(Settings(auth="none", host="0.0.0.0"), store=store)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3")
