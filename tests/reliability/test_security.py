"""Security headers on every response, the CDS Hooks concurrency cap, and bearer tokens
stored hashed and compared in constant time."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from pathlib import Path

import httpx
import pytest
from benchmarks._harness import SECURITY_HEADER_NAMES
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

from myositis_cds.api import Settings, create_app, create_token
from myositis_cds.api._auth import TokenStore
from myositis_cds.store import Store
from tests.api.conftest import YAML, Api


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/health", {}, 200),
        ("GET", "/openapi.json", {}, 200),
        ("GET", "/api/patients", {}, 200),
        ("GET", "/api/patients/nobody", {}, 404),
        ("DELETE", "/health", {}, 405),
        ("GET", "/nowhere", {}, 404),
        ("POST", "/api/patients", {"content": b"patient: {age: 300}", "headers": YAML}, 422),
        ("POST", "/api/patients", {"content": b"x", "headers": {"Content-Type": "a/b"}}, 415),
        ("POST", "/api/assess", {"content": b"x" * (2 * 1024 * 1024 + 1), "headers": YAML}, 413),
        ("PUT", "/api/patients/nobody", {"content": b"patient: {age: 3}", "headers": YAML}, 428),
    ],
)
def test_every_response_carries_the_security_headers(
    api: Api, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = api.request(method, path, **kwargs)
    assert response.status_code == status
    for name in SECURITY_HEADER_NAMES:
        assert name in response.headers, name
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_500_and_a_401_carry_them_too(store: Store, tmp_path: Path) -> None:
    create_token("r", "reader", tmp_path / "tokens.json")
    app = create_app(Settings(auth="token", tokens_file=tmp_path / "tokens.json"), store=store)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    client = Api(app)
    try:
        for path, status in (("/boom", 500), ("/api/patients", 401)):
            response = client.get(path)
            assert response.status_code == status
            assert response.headers["x-content-type-options"] == "nosniff"
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    finally:
        client.close()


def test_a_route_with_its_own_policy_keeps_it(store: Store) -> None:
    app = create_app(Settings(auth="none"), store=store)

    @app.get("/page")
    def page() -> HTMLResponse:
        return HTMLResponse("<p>hi</p>", headers={"Content-Security-Policy": "default-src 'none'"})

    client = Api(app)
    try:
        response = client.get("/page")
        assert response.headers.get_list("content-security-policy") == ["default-src 'none'"]
        assert response.headers["x-frame-options"] == "DENY"
    finally:
        client.close()


def _app_with_slow_cds_route(store: Store, limit: int) -> tuple[FastAPI, asyncio.Event]:
    release = asyncio.Event()
    router = APIRouter()

    @router.post("/cds-services/{service_id}")
    async def slow(service_id: str) -> dict[str, list[str]]:
        await release.wait()
        return {"cards": []}

    @router.get("/cdsx")
    async def lookalike() -> dict[str, str]:
        return {"ok": "yes"}

    app = create_app(Settings(auth="none", cds_max_concurrent=limit), store=store)
    app.include_router(router)
    return app, release


def test_cds_hooks_requests_over_the_cap_are_refused_with_429(store: Store) -> None:
    app, release = _app_with_slow_cds_route(store, limit=3)

    async def scenario() -> tuple[list[int], int, int, dict[str, str]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            held = [asyncio.create_task(http.post("/cds-services/x")) for _ in range(3)]
            await asyncio.sleep(0.2)  # the three are in flight, waiting
            refused = await http.post("/cds-services/x")
            other = await http.get("/api/patients")  # the rest of the API is not capped
            release.set()
            statuses = [(await t).status_code for t in held]
            after = await http.post("/cds-services/x")  # the slots were given back
            return (
                statuses,
                refused.status_code,
                other.status_code,
                {
                    "retry": refused.headers.get("retry-after", ""),
                    "body": refused.text,
                    "after": str(after.status_code),
                    "nosniff": refused.headers.get("x-content-type-options", ""),
                },
            )

    statuses, refused, other, details = asyncio.run(scenario())
    assert statuses == [200, 200, 200]
    assert refused == 429
    assert details["retry"] == "1"
    assert set(json.loads(details["body"])) == {"error"}
    assert details["nosniff"] == "nosniff"
    assert other == 200
    assert details["after"] == "200"


def test_the_cap_applies_only_under_the_cds_services_path(store: Store) -> None:
    app, _release = _app_with_slow_cds_route(store, limit=0)
    client = Api(app)
    try:
        assert client.post("/cds-services/x").status_code == 429
        assert client.get("/cds-services").status_code == 429
        assert client.get("/cdsx").status_code == 200
    finally:
        client.close()


def test_the_tokens_file_holds_only_sha256_digests(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    secret = create_token("dr-a", "clinician", path)
    text = path.read_text()
    assert secret not in text
    assert secret.removeprefix("mcds_") not in text
    (entry,) = json.loads(text)["tokens"]
    assert entry["sha256"] == hashlib.sha256(secret.encode()).hexdigest()
    assert path.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_tokens_are_compared_in_constant_time_over_every_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every stored digest is compared with hmac.compare_digest, also after a match: the time
    taken says nothing about which entry (or how much of a digest) matched."""
    path = tmp_path / "tokens.json"
    first = create_token("a", "admin", path)
    for name in ("b", "c", "d"):
        create_token(name, "reader", path)
    tokens = TokenStore(path)
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def counting(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", counting)
    assert tokens.authenticate(first) is not None
    assert len(calls) == 4
    calls.clear()
    assert tokens.authenticate("mcds_wrong") is None
    assert len(calls) == 4
    assert all(len(a) == len(b) == 32 for a, b in calls)  # digests, never the raw token
