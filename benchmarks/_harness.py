"""Reliability harness shared by ``tests/reliability`` and ``benchmarks/reliability.py``.

- :class:`Server`: a real ``myositis-cds serve`` process (logs to a file, never a pipe that
  could fill and stall it), started, killed with SIGKILL, its RSS read from ``/proc``.
- :func:`concurrent_updates`: N clients updating the same patients with If-Match.
- :func:`kill_trial` + :func:`check_store`: writes under way, ``kill -9``, then every
  acknowledged write present, every revision chain whole, every unacknowledged write wholly
  there or wholly absent.
- :func:`fuzz_api`: schemathesis over the app's own ``/openapi.json`` (in-process, ASGI).
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (ROOT / "examples" / "reference-case.yaml").read_bytes()
YAML = {"Content-Type": "application/yaml"}
PG_ENV = "MYOSITIS_CDS_TEST_PG"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """A new SQLite file or PostgreSQL database (at the current schema), dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'rel-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    admin = os.environ.get(PG_ENV)
    if not admin:
        raise LookupError(f"{PG_ENV} is not set")
    name = f"mcds_rel_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = sa.engine.make_url(admin).set(database=name).render_as_string(hide_password=False)
        from myositis_cds.store import Store

        Store.open(url, migrate=True).close()
        yield url
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


class Server:
    """``myositis-cds serve --auth none`` on a free loopback port; stderr to ``log_path``."""

    def __init__(self, db_url: str, log_path: Path, *extra: str) -> None:
        self.db_url = db_url
        self.log_path = log_path
        self.extra = extra
        self.process: subprocess.Popen[bytes] | None = None
        self.base = ""

    def start(self, timeout: float = 120) -> str:
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "myositis_cds", "serve", "--port", str(port)),
                    *("--db", self.db_url, "--auth", "none", *self.extra),
                ],
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"serve exited {self.process.returncode}: {tail}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return self.base
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"serve did not answer /health within {timeout:g} s")
            time.sleep(0.1)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def rss_mb(self) -> float:
        """Resident set size of the server process, from /proc (Linux)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS line")

    def kill9(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def serving(db_url: str, log_path: Path, *extra: str) -> Iterator[Server]:
    server = Server(db_url, log_path, *extra)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _case_with_marker(case: dict[str, Any], marker: str) -> bytes:
    # The marker rides in case_id: a short local identifier, stored in the case and the row.
    return json.dumps({**case, "case_id": marker}).encode()


def _etag(response: httpx.Response) -> int:
    return int(response.headers["etag"].strip('"'))


# ---------------------------------------------------------------------------- concurrency
@dataclass
class ConcurrencyResult:
    clients: int
    patients: int
    acknowledged: int = 0
    conflicts: int = 0
    other_statuses: Counter[int] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def concurrent_updates(
    base: str, *, clients: int = 32, patients: int = 4, updates_per_client: int = 4
) -> ConcurrencyResult:
    """``clients`` threads, each making ``updates_per_client`` successful edits (read, change,
    PUT with If-Match, and on 412 read again) to one of ``patients`` shared patients. Then:
    every 2xx is its own revision holding that client's edit, chains run 1..n with no gap,
    and n - 1 equals the number of acknowledged updates (no lost update)."""
    result = ConcurrencyResult(clients, patients)
    ids = []
    for _ in range(patients):
        created = httpx.post(f"{base}/api/patients", content=REFERENCE, headers=YAML, timeout=60)
        created.raise_for_status()
        ids.append(created.json()["id"])
    acks: dict[tuple[str, int], str] = {}
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client(n: int) -> None:
        patient = ids[n % patients]
        with httpx.Client(base_url=base, timeout=120) as http:
            start.wait()
            done = attempts = 0
            while done < updates_per_client and attempts < 200:
                attempts += 1
                got = http.get(f"/api/patients/{patient}")
                marker = f"c{n}-u{done}-a{attempts}"
                put = http.put(
                    f"/api/patients/{patient}",
                    content=_case_with_marker(got.json(), marker),
                    headers={"Content-Type": "application/json", "If-Match": f'"{_etag(got)}"'},
                )
                with lock:
                    if put.status_code == 200:
                        key = (patient, _etag(put))
                        if key in acks:
                            result.problems.append(f"revision {key[1]} acknowledged twice")
                        acks[key] = marker
                        result.acknowledged += 1
                        done += 1
                    elif put.status_code == 412:
                        result.conflicts += 1
                    else:
                        result.other_statuses[put.status_code] += 1
                        return

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with httpx.Client(base_url=base, timeout=60) as http:
        for patient in ids:
            chain = [r["revision"] for r in http.get(f"/api/patients/{patient}/revisions").json()]
            mine = sorted(rev for (pid, rev) in acks if pid == patient)
            if chain != list(range(1, len(chain) + 1)):
                result.problems.append(f"revision chain with a gap: {chain}")
            if mine != chain[1:]:
                result.problems.append(f"acknowledged {mine} but stored {chain[1:]}")
        for (patient, revision), marker in acks.items():
            stored = http.get(f"/api/patients/{patient}/revisions/{revision}").json()
            if stored.get("case_id") != marker:
                result.problems.append(f"revision {revision} holds another client's edit")
    return result


# ---------------------------------------------------------------------------- durability
@dataclass
class Ledger:
    """What the clients were told across trials: acknowledged and unanswered writes."""

    acknowledged: dict[str, tuple[str, int]] = field(default_factory=dict)  # marker → (id, rev)
    unanswered: list[str] = field(default_factory=list)  # markers sent, no response
    patients: list[str] = field(default_factory=list)


def kill_trial(server: Server, ledger: Ledger, *, writers: int = 8, rng: random.Random) -> int:
    """Writers create and update patients until the server is killed with SIGKILL at a random
    moment (after 1-40 acknowledged writes, plus up to 0.2 s); returns the number of writes
    acknowledged in this trial."""
    stop = threading.Event()
    lock = threading.Lock()
    acked = 0

    def writer(n: int) -> None:
        nonlocal acked
        local = random.Random(rng.random())
        with httpx.Client(base_url=server.base, timeout=30) as http:
            while not stop.is_set():
                marker = f"w{uuid.uuid4().hex[:12]}"
                try:
                    with lock:
                        known = list(ledger.patients)
                    if not known or local.random() < 0.3:
                        with lock:
                            ledger.unanswered.append(marker)
                        r = http.post(
                            "/api/patients",
                            content=_case_with_marker(
                                {"patient": {"sex": "female", "age": 60}}, marker
                            ),
                            headers={"Content-Type": "application/json"},
                        )
                        with lock:
                            ledger.unanswered.remove(marker)
                            if r.status_code == 201:
                                ledger.acknowledged[marker] = (r.json()["id"], 1)
                                ledger.patients.append(r.json()["id"])
                                acked += 1
                        continue
                    patient = local.choice(known)
                    got = http.get(f"/api/patients/{patient}")
                    with lock:
                        ledger.unanswered.append(marker)
                    r = http.put(
                        f"/api/patients/{patient}",
                        content=_case_with_marker(got.json(), marker),
                        headers={"Content-Type": "application/json", "If-Match": f'"{_etag(got)}"'},
                    )
                    with lock:
                        ledger.unanswered.remove(marker)
                        if r.status_code == 200:
                            ledger.acknowledged[marker] = (patient, _etag(r))
                            acked += 1
                except httpx.HTTPError:
                    return  # the server is gone: whatever was in flight stays "unanswered"

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    # Kill at a random moment once writes are flowing (a fixed delay would, on a loaded
    # machine, often kill before the first write was even read).
    target = rng.randint(1, 40)
    deadline = time.monotonic() + 60
    while acked < target and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0, 0.2))
    server.kill9()
    stop.set()
    for t in threads:
        t.join()
    return acked


def check_store(db_url: str, ledger: Ledger) -> tuple[int, list[str]]:
    """Read the database directly. Returns (unanswered writes found stored, problems)."""
    from myositis_cds.store._schema import audit_events, case_revisions, patients

    problems: list[str] = []
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            current = dict(
                (r.id, r.current_revision)
                for r in conn.execute(sa.select(patients.c.id, patients.c.current_revision))
            )
            revisions: dict[str, list[int]] = {}
            where: dict[str, list[tuple[str, int]]] = {}
            for pid, rev, text in conn.execute(
                sa.select(
                    case_revisions.c.patient_id,
                    case_revisions.c.revision,
                    case_revisions.c.case_json,
                ).order_by(case_revisions.c.patient_id, case_revisions.c.revision)
            ):
                revisions.setdefault(pid, []).append(rev)
                marker = json.loads(text).get("case_id", "")
                where.setdefault(marker, []).append((pid, rev))
            audited = Counter(
                (r.patient_id, r.revision)
                for r in conn.execute(
                    sa.select(audit_events.c.patient_id, audit_events.c.revision).where(
                        audit_events.c.action.in_(("create", "update")),
                        audit_events.c.outcome == "ok",
                    )
                )
            )
    finally:
        engine.dispose()
    for pid, top in current.items():
        if revisions.get(pid) != list(range(1, top + 1)):
            problems.append(f"patient {pid}: revisions {revisions.get(pid)} but current {top}")
    for pid in revisions:
        if pid not in current:
            problems.append(f"revisions of a patient that does not exist: {pid}")
    for pid, revs in revisions.items():
        for rev in revs:
            if audited[(pid, rev)] != 1:
                problems.append(f"{pid} revision {rev}: {audited[(pid, rev)]} audit events")
    for marker, (pid, rev) in ledger.acknowledged.items():
        if where.get(marker) != [(pid, rev)]:
            problems.append(
                f"acknowledged write {marker} at {pid}/{rev}: found {where.get(marker)}"
            )
    present = 0
    for marker in ledger.unanswered:
        found = where.get(marker, [])
        if len(found) > 1:
            problems.append(f"unanswered write {marker} stored {len(found)} times")
        present += len(found)
    return present, problems


def kill_trials(
    backend: str, folder: Path, trials: int, *, seed: int = 15, writers: int = 8
) -> dict[str, Any]:
    """``trials`` kill -9 trials on one database; the store is checked after each restart."""
    rng = random.Random(seed)
    ledger = Ledger()
    problems: list[str] = []
    acknowledged = unanswered = unanswered_present = 0
    with fresh_database(backend, folder) as url:
        server = Server(url, folder / f"kill-{backend}.log")
        started = time.perf_counter()
        server.start()
        try:
            for _ in range(trials):
                acknowledged += kill_trial(server, ledger, writers=writers, rng=rng)
                server.start()  # the restart: it must come up on whatever the kill left
                present, found = check_store(url, ledger)
                problems += found
                # An unanswered write is settled now: stored whole (its acknowledgement died
                # with the process) or absent; later trials do not look for it again.
                unanswered += len(ledger.unanswered)
                unanswered_present += present
                ledger.unanswered.clear()
        finally:
            server.stop()
        seconds = time.perf_counter() - started
    return {
        "backend": backend,
        "trials": trials,
        "acknowledged": acknowledged,
        "unanswered": unanswered,
        "unanswered_present": unanswered_present,
        "patients": len(ledger.patients),
        "problems": problems,
        "seconds": round(seconds, 1),
    }


# ---------------------------------------------------------------------------- fuzzing
SECURITY_HEADER_NAMES = (
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
)


def contract_problem(status: int, headers: Any, body: bytes) -> str | None:
    """What is wrong with a response under contract §4, or None: no 5xx; 422 is
    ``{"errors": [{"path", "message"}, ...]}``; every other 4xx ``{"error": message}``; every
    response carries the security headers."""
    missing = [h for h in SECURITY_HEADER_NAMES if h not in headers]
    if missing:
        return f"{status} without {', '.join(missing)}"
    if status >= 500:
        return f"{status}: {body[:200]!r}"
    if status < 400:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return f"{status} body is not JSON: {body[:200]!r}"
    if status == 422:
        errors = data.get("errors") if isinstance(data, dict) else None
        ok = (
            isinstance(errors, list)
            and errors
            and all(
                isinstance(e, dict)
                and set(e) == {"path", "message"}
                and isinstance(e["path"], str)
                and isinstance(e["message"], str)
                and e["message"]
                for e in errors
            )
        )
        return None if ok else f"422 not in the errors shape: {body[:200]!r}"
    if isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"]:
        return None
    return f"{status} not in the error shape: {body[:200]!r}"


def fuzz_api(app: Any, *, requests: int, seed: int = 15) -> dict[str, Any]:
    """schemathesis-generated requests (valid and invalid, against unknown ids and a stored
    patient's id) until at least ``requests`` were sent. Returns counts by status and the
    contract problems found (each with the operation)."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis.errors import Unsatisfiable

    from myositis_cds.ingest.files import parse_case_text

    stored_id = app.state.store.create_patient(
        parse_case_text(REFERENCE.decode(), "yaml"), actor="fuzz"
    ).id
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    plan = []
    for operation in operations:
        takes_id = "{patient_id}" in operation.path
        for mode in schemathesis.GenerationMode:
            plan.append((operation, mode, None))
            if takes_id:
                plan.append((operation, mode, {"patient_id": stored_id}))
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    started = time.perf_counter()
    rounds = 0
    while (sent := sum(statuses.values())) < requests:
        per_item = max(1, (requests - sent) // len(plan) + 1)
        for operation, mode, path_parameters in plan:
            strategy = operation.as_strategy(mode, path_parameters=path_parameters)
            run = settings(
                max_examples=per_item,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.generate],
            )(given(case=strategy)(_caller(operation.label, statuses, problems)))
            try:
                hypothesis_seed(seed + rounds)(run)()
            except Unsatisfiable:  # nothing to make invalid (e.g. GET /health in negative mode)
                continue
        rounds += 1
    return {
        "requests": sum(statuses.values()),
        "statuses": dict(sorted(statuses.items())),
        "problems": problems,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _caller(label: str, statuses: Counter[int], problems: list[str]) -> Any:
    def call(case: Any) -> None:
        response = case.call()
        statuses[response.status_code] += 1
        problem = contract_problem(
            response.status_code, {k.lower() for k in response.headers}, response.content
        )
        if problem is not None:
            problems.append(f"{label}: {problem}")

    return call
