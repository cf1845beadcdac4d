"""Issue #15: the service's refusals of stale writes and its security headers, quick checks in
the default run. The 32-client concurrency and kill -9 trials live in tests/reliability/ (one
harness, shared with benchmarks/reliability.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from myositis_cds.store import Store
from tests.api.test_serve import _free_port

CASE = {"case_id": "concurrency", "patient": {"sex": "female", "birth_date": "1960-01-01"}}


@contextmanager
def server(url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "myositis_cds", "serve", "--port", str(port), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, f"serve exited {process.returncode}"
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "serve did not answer /health within 90 s"
            time.sleep(0.1)
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _tagged(case: dict[str, Any], tag: str) -> dict[str, Any]:
    event = {"kind": "other", "date": "2020-01-01", "note": tag}
    return {**case, "events": [*case.get("events", []), event]}


def _tags(case: dict[str, Any]) -> list[str]:
    return [e["note"] for e in case.get("events", [])]


# ----------------------------------------------------------------- 32 writers, same patients
def test_stale_if_match_is_412_and_missing_if_match_is_428(tmp_path: Path) -> None:
    # The quick default-suite companion of the 32-client test: the two refusals, by number.
    with server(f"sqlite:///{tmp_path / 'x.sqlite3'}") as (base, _), httpx.Client() as client:
        location = base + client.post(f"{base}/api/patients", json=CASE).headers["location"]
        assert client.put(location, json=_tagged(CASE, "a"), headers={"If-Match": '"1"'}).is_success
        stale = client.put(location, json=_tagged(CASE, "b"), headers={"If-Match": '"1"'})
        assert stale.status_code == 412
        assert stale.json()["error"]
        assert client.put(location, json=_tagged(CASE, "c")).status_code == 428
        assert _tags(client.get(location).json()) == ["a"]


def test_every_response_carries_the_security_headers(tmp_path: Path) -> None:
    from myositis_cds.api import Settings, create_app
    from tests.api.conftest import Api

    store = Store.open(f"sqlite:///{tmp_path / 'h.sqlite3'}")
    api = Api(create_app(Settings(auth="none"), store=store))
    try:
        answers = [
            api.get("/health"),
            api.get("/openapi.json"),
            api.get("/api/patients"),
            api.get("/api/patients/no-such-id"),  # 404
            api.post("/api/patients", json={"patient": {"sex": "female"}}),  # 422
            api.put("/api/patients/x", json=CASE),  # 428/404
            api.post("/api/patients", content=b"x" * 50_000_000),  # 413 from the body limit
        ]
    finally:
        api.close()
        store.close()
    assert {a.status_code for a in answers} >= {200, 404, 413, 422}
    for answer in answers:
        csp = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["cache-control"] == "no-store"
