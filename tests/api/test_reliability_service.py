"""Issue #15: the service under concurrent writers and under kill -9.

Each test runs a real ``myositis-cds serve`` process (SQLite file, and PostgreSQL when
``MYOSITIS_CDS_TEST_PG`` is set). Writers add one event each, tagged with a unique note, to a
case they read first, and send it back with ``If-Match``: an update is acknowledged (200) only if
its tag is in the stored case afterwards, and a refused update is a 412, nothing else.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from myositis_cds.store import Store
from tests.api.test_serve import _cli, _free_port
from tests.store.helpers import database_url

CASE = {"case_id": "concurrency", "patient": {"sex": "female", "birth_date": "1960-01-01"}}
KILL_TRIALS = int(os.environ.get("MYOSITIS_KILL_TRIALS", "50"))


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


def _prepare(backend: str, url: str) -> None:
    if backend == "postgresql":
        upgraded = _cli("db", "upgrade", "--db", url)
        assert upgraded.returncode == 0, upgraded.stderr


def _tagged(case: dict[str, Any], tag: str) -> dict[str, Any]:
    event = {"kind": "other", "date": "2020-01-01", "note": tag}
    return {**case, "events": [*case.get("events", []), event]}


def _tags(case: dict[str, Any]) -> list[str]:
    return [e["note"] for e in case.get("events", [])]


# ----------------------------------------------------------------- 32 writers, same patients
def _writer(
    client: httpx.Client, location: str, tag: str, statuses: Counter[int], acked: list[str]
) -> None:
    for _ in range(200):  # retries after a 412; 32 contenders settle well within this
        current = client.get(location)
        statuses[current.status_code] += 1
        etag = current.headers["etag"]
        answer = client.put(location, json=_tagged(current.json(), tag), headers={"If-Match": etag})
        statuses[answer.status_code] += 1
        if answer.status_code == 200:
            acked.append(tag)
            return
        if answer.status_code != 412:
            return


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_32_clients_with_etags_lose_no_update(backend: str, tmp_path: Path) -> None:
    clients, patients = 32, 2
    with database_url(backend, tmp_path) as url:
        _prepare(backend, url)
        with server(url) as (base, _process), httpx.Client(timeout=60) as setup:
            locations = []
            for _ in range(patients):
                created = setup.post(f"{base}/api/patients", json=CASE)
                assert created.status_code == 201, created.text
                locations.append(base + created.headers["location"])
            statuses: Counter[int] = Counter()
            acked: list[str] = []
            start = threading.Barrier(clients)

            def run(n: int) -> None:
                with httpx.Client(timeout=60) as client:
                    start.wait()
                    for p, location in enumerate(locations):
                        _writer(client, location, f"client{n}-patient{p}", statuses, acked)

            threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()

            assert set(statuses) <= {200, 412}, statuses  # every refusal a 412, nothing else
            assert len(acked) == clients * patients
            for p, location in enumerate(locations):
                final = setup.get(location)
                mine = sorted(t for t in acked if t.endswith(f"patient{p}"))
                assert sorted(_tags(final.json())) == mine  # no acknowledged update lost
                assert final.headers["etag"] == f'"{clients + 1}"'
                chain = [r["revision"] for r in setup.get(f"{location}/revisions").json()]
                assert chain == list(range(1, clients + 2))
                previous: list[str] = []
                for revision in chain:  # each revision is the previous one plus one update
                    tags = _tags(setup.get(f"{location}/revisions/{revision}").json())
                    assert tags[: len(previous)] == previous
                    assert len(tags) == len(previous) + (revision > 1)
                    previous = tags


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


# ----------------------------------------------------------------- kill -9 during writes
def _hammer(
    base: str, stop: threading.Event, acked: list[tuple[str, int, str]], trial: int, n: int
) -> None:
    """Create a patient, then update it until stopped; record each acknowledged write."""
    with httpx.Client(timeout=10) as client:
        try:
            tag = f"t{trial}-w{n}-create"
            created = client.post(f"{base}/api/patients", json=_tagged(CASE, tag))
            if created.status_code != 201:
                return
            patient = created.headers["location"].rsplit("/", 1)[-1]
            acked.append((patient, 1, tag))
            case, revision = _tagged(CASE, tag), 1
            while not stop.is_set():
                tag = f"t{trial}-w{n}-r{revision + 1}"
                case = _tagged(case, tag)
                answer = client.put(
                    f"{base}/api/patients/{patient}",
                    json=case,
                    headers={"If-Match": f'"{revision}"'},
                )
                if answer.status_code != 200:
                    return
                revision += 1
                acked.append((patient, revision, tag))
        except httpx.TransportError:
            return  # the server died mid-request: this write was not acknowledged


def _check_store(url: str, acked: list[tuple[str, int, str]]) -> None:
    store = Store.open(url)
    try:
        for patient, revision, tag in acked:
            record = store.get_patient(patient, revision=revision)
            assert tag in [e.note for e in record.case.events], (patient, revision)
        for summary in store.list_patients():
            current = store.get_patient(summary.id)
            for revision in range(1, current.revision + 1):  # the chain has no hole
                earlier = store.get_patient(summary.id, revision=revision)
                assert len(earlier.case.events) == revision  # one tag per write, none torn
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_during_concurrent_writes_keeps_every_acknowledged_write(
    backend: str, tmp_path: Path
) -> None:
    rng = random.Random(15)
    with database_url(backend, tmp_path) as url:
        _prepare(backend, url)
        acked: list[tuple[str, int, str]] = []
        for trial in range(KILL_TRIALS):
            with server(url) as (base, process):
                stop = threading.Event()
                writers = [
                    threading.Thread(target=_hammer, args=(base, stop, acked, trial, n))
                    for n in range(8)
                ]
                before = len(acked)
                for w in writers:
                    w.start()
                deadline = time.monotonic() + 60
                while len(acked) == before and time.monotonic() < deadline:
                    time.sleep(0.01)  # writing has begun (the first request warms the server)
                time.sleep(rng.uniform(0.0, 0.5))
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                stop.set()
                for w in writers:
                    w.join()
            _check_store(url, acked)  # the next trial's start is the restart after the crash
        assert len(acked) > KILL_TRIALS  # the trials did write under load


# ----------------------------------------------------------------- security headers
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
