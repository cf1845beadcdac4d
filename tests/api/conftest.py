from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from myositis_cds.api import Settings, create_app, create_token
from myositis_cds.store import Store
from tests.store.helpers import REFERENCE_CASE


class Api:
    """A synchronous face on httpx's ASGI transport (the app runs in-process)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        self.token: str | None = None

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        return self._loop.run_until_complete(
            self._client.request(method, url, headers=headers, **kwargs)
        )

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    the_store = Store.open(f"sqlite:///{tmp_path / 'api.sqlite3'}")
    try:
        yield the_store
    finally:
        the_store.close()


@pytest.fixture
def api(store: Store) -> Iterator[Api]:
    client = Api(create_app(Settings(auth="none"), store=store))
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def tokens(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "tokens.json"
    return {
        role: create_token(f"{role}-1", role, path) for role in ("reader", "clinician", "admin")
    }


@pytest.fixture
def secured(store: Store, tmp_path: Path, tokens: dict[str, str]) -> Iterator[Api]:
    settings = Settings(auth="token", tokens_file=tmp_path / "tokens.json")
    client = Api(create_app(settings, store=store))
    try:
        yield client
    finally:
        client.close()


@pytest.fixture(scope="session")
def reference_yaml() -> bytes:
    return REFERENCE_CASE.read_bytes()


YAML = {"Content-Type": "application/yaml"}
