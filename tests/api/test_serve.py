"""A real `myositis-cds serve` process on a free loopback port: data survives a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.store.helpers import REFERENCE_CASE, database_url

YAML = {"Content-Type": "application/yaml"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "myositis_cds", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@contextmanager
def serving(*args: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "myositis_cds", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise AssertionError(f"serve exited {process.returncode}: {process.stderr.read()}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("serve did not answer /health within 90 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_create_read_stale_update_restart_keeps_everything(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        if backend == "postgresql":
            refused = _cli("serve", "--db", url, "--port", str(_free_port()))
            assert refused.returncode == 2
            assert "myositis-cds db upgrade" in refused.stderr
            upgraded = _cli("db", "upgrade", "--db", url)
            assert upgraded.returncode == 0, upgraded.stderr
        body = REFERENCE_CASE.read_bytes()
        with serving("--db", url) as base:
            assert httpx.get(f"{base}/health").json()["store"] == backend
            created = httpx.post(f"{base}/api/patients", content=body, headers=YAML)
            assert created.status_code == 201
            location = base + created.headers["location"]
            case = httpx.get(location).json()
            case["patient"]["sex"] = "unknown"
            assert httpx.put(location, json=case, headers={"If-Match": '"1"'}).status_code == 200
            case["patient"]["sex"] = "male"
            stale = httpx.put(location, json=case, headers={"If-Match": '"1"'})
            assert stale.status_code == 412
        with serving("--db", url) as base:
            location = base + created.headers["location"]
            current = httpx.get(location)
            assert current.headers["etag"] == '"2"'
            assert current.json()["patient"]["sex"] == "unknown"
            revisions = httpx.get(f"{location}/revisions").json()
            assert [r["revision"] for r in revisions] == [1, 2]
            first = httpx.get(f"{location}/revisions/1").json()
            assert first["patient"]["sex"] == "female"


def test_no_auth_on_a_public_host_refuses_to_start(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = _cli("serve", "--host", "0.0.0.0", "--auth", "none", "--db", db)
    assert result.returncode == 2
    assert "--auth none is allowed only on a loopback host" in result.stderr


def test_token_auth_without_tokens_refuses_to_start(tmp_path: Path) -> None:
    result = _cli(
        "serve", "--host", "0.0.0.0", "--tokens", str(tmp_path / "none.json"), "--db", "sqlite://"
    )
    assert result.returncode == 2
    assert "myositis-cds token create" in result.stderr


def test_token_auth_on_a_real_server(tmp_path: Path) -> None:
    tokens = str(tmp_path / "tokens.json")
    made = _cli("token", "create", "dr-reader", "--role", "reader", "--tokens", tokens)
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    with serving("--auth", "token", "--tokens", tokens, "--db", db) as base:
        assert httpx.get(f"{base}/api/patients").status_code == 401
        auth = {"Authorization": f"Bearer {secret}"}
        assert httpx.get(f"{base}/api/patients", headers=auth).status_code == 200
        write = httpx.post(f"{base}/api/patients", content=b"patient: {age: 3}", headers=auth)
        assert write.status_code == 403


@pytest.mark.slow
def test_two_workers_share_one_store(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    body = REFERENCE_CASE.read_bytes()
    with serving("--db", db, "--workers", "2") as base, httpx.Client(base_url=base) as http:
        locations = [
            http.post("/api/patients", content=body, headers=YAML).headers["location"]
            for _ in range(6)
        ]
        listed = http.get("/api/patients").json()
        assert sorted(f"/api/patients/{p['id']}" for p in listed) == sorted(locations)
        # Whichever worker answers, a stale If-Match is refused.
        assert (
            http.put(locations[0], content=body, headers={**YAML, "If-Match": '"1"'}).status_code
            == 200
        )
        assert (
            http.put(locations[0], content=body, headers={**YAML, "If-Match": '"1"'}).status_code
            == 412
        )
