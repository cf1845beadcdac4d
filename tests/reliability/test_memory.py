"""The service keeps no per-request state: Python memory stays level under a steady load.

The soak (``benchmarks/_soak.py``) reports a real server's RSS, which also moves with the C
allocator's arenas and the thread pool. This test looks at Python objects only (tracemalloc),
in-process, so a cache without a bound or a list that grows with every request fails it: after a
warm-up that fills the bounded caches, four more rounds of the soak's mixed requests (assess,
patient create/read/update/delete, worklist, CDS Hooks patient-view with a fresh JWT) may leave
at most a small allowance of memory traced, far below what keeping each request's case
(several KB each) would leave.
"""

from __future__ import annotations

import gc
import logging
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks._soak import SERVICE, _reference_case_json
from benchmarks.cds_hooks import hook_body, make_issuer, tokens

from tests.api.conftest import Api
from tests.cds_hooks.conftest import reference_resources

ROUND = 60  # requests per round
ALLOWANCE_BYTES = 120_000  # 240 requests keeping 500 bytes each would exceed it


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Api, Any]]:
    """The app on a fresh SQLite store, trusting a throw-away issuer whose key is returned."""
    from myositis_cds.api import Settings, create_app
    from myositis_cds.store import Store

    key = make_issuer(tmp_path)
    store = Store.open(f"sqlite:///{tmp_path / 'memory.sqlite3'}")
    settings = Settings(auth="none", cds_issuers=tmp_path / "issuers.json")
    client = Api(create_app(settings, store=store))
    try:
        yield client, key
    finally:
        client.close()
        store.close()


def test_python_memory_stays_level_under_a_steady_mixed_load(
    served: tuple[Api, Any],
) -> None:
    client, key = served
    body = _reference_case_json()
    hook = hook_body(reference_resources())
    json_type = {"Content-Type": "application/json"}
    rng = random.Random(15)
    mine = [client.post("/api/patients", content=body, headers=json_type).json()["id"]]
    created: list[str] = []

    def one_round() -> None:
        for _ in range(ROUND):
            kind = rng.choice(["assess", "create", "read", "update", "worklist", "cds"])
            if kind == "assess":
                r = client.post("/api/assess", content=body, headers=json_type)
            elif kind == "create":
                r = client.post("/api/patients", content=body, headers=json_type)
                created.append(r.json()["id"])
                if len(created) > 3:
                    assert client.delete(f"/api/patients/{created.pop(0)}").status_code == 204
            elif kind == "read":
                r = client.get(f"/api/patients/{mine[0]}")
            elif kind == "update":
                etag = client.get(f"/api/patients/{mine[0]}").headers["etag"]
                r = client.put(
                    f"/api/patients/{mine[0]}",
                    content=body,
                    headers={**json_type, "If-Match": etag},
                )
            elif kind == "worklist":
                r = client.get("/api/worklist")
            else:
                aud = "http://testserver" + SERVICE
                auth = {"Authorization": "Bearer " + tokens(key, aud, 1)[0]}
                r = client.post(SERVICE, content=hook, headers={**json_type, **auth})
            assert r.status_code < 300, (kind, r.status_code)

    one_round()
    one_round()  # warm-up: imports, lexicons, the pathway's bounded caches
    gc.collect()
    # pytest keeps every captured log record (one access-log line per request): set its
    # handlers aside so that only the app's own memory is measured; records are still made.
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, []
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(4):
            one_round()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
        root.handlers = handlers
    assert grown < ALLOWANCE_BYTES, f"{grown} bytes still traced after {4 * ROUND} requests"
    print(f"traced growth: {grown} bytes")
