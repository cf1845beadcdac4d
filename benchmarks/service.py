"""Benchmark: the HTTP service against its own /health endpoint, on SQLite and PostgreSQL.

Run: ``python -m benchmarks.service [--clients 1,8,32] [--seconds 4] [--patients 1000]``.
For each backend it starts ``myositis-cds serve`` (a fresh database; PostgreSQL when
``MYOSITIS_CDS_TEST_PG`` names a role that may create databases), stores ``--patients``
generated cases, then drives the server from a separate process with N concurrent clients and
prints requests/s and p50/p99 latency for ``POST /api/assess`` (the reference case, as JSON),
``PUT /api/patients/{id}`` and ``GET /api/worklist``, each with its ratio to ``GET /health``
measured on the same server in the same run. The patients are stored through the store's
service layer, so the first worklist call is cold (every patient assessed by the pathway); the
second finds the kept results (warm), as it does after writes through the API, which compute
each written patient's items in the background.

Targets (issue #11): assess ≥ 25 % of the health throughput and p99 ≤ 50 ms at 8 clients;
worklist over 1,000 patients ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from benchmarks._util import ROOT, table

JSON = {"Content-Type": "application/json"}


def _reference_json() -> bytes:
    """The reference case as JSON (the integrators' format; YAML parsing costs more)."""
    from myositis_cds.ingest.files import load_case_file

    case = load_case_file(str(ROOT / "examples" / "reference-case.yaml"))
    return case.model_dump_json(exclude_none=True).encode()


PG_ENV = "MYOSITIS_CDS_TEST_PG"


# ---------------------------------------------------------------------------- driver process
async def _drive(base: str, scenario: str, clients: int, seconds: float) -> dict[str, Any]:
    """Run ``clients`` concurrent loops for ``seconds``; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    reference = _reference_json()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        ids: list[str] = []
        if scenario == "put":
            listed = (await http.get("/api/patients")).json()
            ids = [p["id"] for p in listed[:clients]]
        deadline = time.perf_counter() + seconds

        async def loop(n: int) -> None:
            nonlocal errors
            revision = 0
            case: bytes = b""
            if scenario == "put":
                got = await http.get(f"/api/patients/{ids[n]}")
                revision = int(got.headers["etag"].strip('"'))
                case = got.content
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                if scenario == "health":
                    r = await http.get("/health")
                elif scenario == "assess":
                    r = await http.post("/api/assess", content=reference, headers=JSON)
                elif scenario == "put":
                    r = await http.put(
                        f"/api/patients/{ids[n]}",
                        content=case,
                        headers={"Content-Type": "application/json", "If-Match": f'"{revision}"'},
                    )
                    if r.status_code == 200:
                        revision = int(r.headers["etag"].strip('"'))
                else:
                    r = await http.get("/api/worklist")
                latencies.append((time.perf_counter() - start) * 1000)
                if r.status_code >= 400:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(loop(n) for n in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2] if latencies else float("nan"),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan"),
    }


def drive(base: str, scenario: str, clients: int, seconds: float) -> dict[str, Any]:
    """Run the load from a separate process, so client and server do not share a GIL."""
    argv = [sys.executable, "-m", "benchmarks.service", "--drive", base, scenario, str(clients)]
    out = subprocess.run(
        [*argv, "--seconds", str(seconds)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


# ---------------------------------------------------------------------------- server
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        return
    import sqlalchemy as sa

    admin = os.environ[PG_ENV]
    name = f"mcds_bench_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        url = sa.engine.make_url(admin).set(database=name).render_as_string(hide_password=False)
        subprocess.run(
            [sys.executable, "-m", "myositis_cds", "db", "upgrade", "--db", url],
            check=True,
            capture_output=True,
        )
        yield url
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


@contextmanager
def _server(db_url: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "myositis_cds", "serve", "--port", str(port), "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _seed(db_url: str, patients: int) -> float:
    """Store generated cases straight through the store's service layer (not over HTTP, so
    the server's write-time worklist warming does not run and the first worklist is cold)."""
    from benchmarks.assess import generated_case_texts
    from myositis_cds.ingest.files import parse_case_text
    from myositis_cds.store import Store

    cases = [parse_case_text(text, "yaml") for text in generated_case_texts(patients)]
    started = time.perf_counter()
    store = Store.open(db_url)
    try:
        for case in cases:
            store.create_patient(case, actor="benchmark")
    finally:
        store.close()
    return time.perf_counter() - started


def run_backend(backend: str, clients: list[int], seconds: float, patients: int) -> list[list[Any]]:
    rows: list[list[Any]] = []
    with _database(backend) as db_url, _server(db_url) as base:
        seeded = _seed(db_url, patients)
        print(f"[{backend}] stored {patients} patients in {seeded:.1f} s", file=sys.stderr)
        with httpx.Client(base_url=base, timeout=600) as http:
            for label in ("cold", "warm"):
                started = time.perf_counter()
                r = http.get("/api/worklist")
                r.raise_for_status()
                took = time.perf_counter() - started
                listed = len(r.json()["patients"])
                rows.append(
                    [backend, f"worklist {label} (1 call)", 1, "", f"{took * 1000:.0f}", "", "", ""]
                )
                print(
                    f"[{backend}] worklist {label}: {took:.2f} s, {listed} listed", file=sys.stderr
                )
        for n in clients:
            health = drive(base, "health", n, seconds)
            rows.append(_row(backend, "GET /health", n, health, health))
            for scenario, name in (
                ("assess", "POST /api/assess"),
                ("put", "PUT /api/patients/{id}"),
                ("worklist", "GET /api/worklist"),
            ):
                result = drive(base, scenario, n, seconds)
                rows.append(_row(backend, name, n, result, health))
    return rows


def cpu_costs(repeats: int, patients: int) -> list[list[Any]]:
    """CPU milliseconds per request, in-process (httpx's ASGI transport, SQLite, one request at
    a time; the client's own CPU is included, as it is for every row). CPU time moves much less
    than wall time when other programs share the machine, so on a busy machine these ratios to
    /health are the steadier figure."""
    from myositis_cds.api import Settings, create_app
    from myositis_cds.store import Store

    with _database("sqlite") as db_url:
        _seed(db_url, patients)
        store = Store.open(db_url)
        app = create_app(Settings(auth="none"), store=store)
        reference = _reference_json()

        async def measure() -> dict[str, float]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
                patient_id = (await http.get("/api/patients")).json()[0]["id"]
                got = await http.get(f"/api/patients/{patient_id}")
                revision, case = int(got.headers["etag"].strip('"')), got.content
                await http.get("/api/worklist")  # computed once, then kept
                out: dict[str, float] = {}
                for name in ("health", "assess", "put", "worklist"):
                    # The worklist over all patients is ~100x a single request: fewer calls.
                    count = max(3, repeats // 20) if name == "worklist" else repeats
                    started = time.process_time()
                    for _ in range(count):
                        if name == "health":
                            r = await http.get("/health")
                        elif name == "assess":
                            r = await http.post("/api/assess", content=reference, headers=JSON)
                        elif name == "put":
                            r = await http.put(
                                f"/api/patients/{patient_id}",
                                content=case,
                                headers={**JSON, "If-Match": f'"{revision}"'},
                            )
                            revision += 1
                        else:
                            r = await http.get("/api/worklist")
                        r.raise_for_status()
                    out[name] = (time.process_time() - started) * 1000 / count
                return out

        try:
            costs = asyncio.run(measure())
        finally:
            store.close()
    names = {
        "health": "GET /health",
        "assess": "POST /api/assess",
        "put": "PUT /api/patients/{id}",
        "worklist": f"GET /api/worklist ({patients} stored, kept)",
    }
    return [[names[k], f"{v:.2f}", f"{costs['health'] / v:.1%}"] for k, v in costs.items()]


def _row(
    backend: str, name: str, clients: int, result: dict[str, Any], health: dict[str, Any]
) -> list[Any]:
    return [
        backend,
        name,
        clients,
        f"{result['rps']:.1f}",
        f"{result['p50']:.1f}",
        f"{result['p99']:.1f}",
        f"{result['rps'] / health['rps']:.1%}",
        result["errors"],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--drive", nargs=3, metavar=("BASE", "SCENARIO", "CLIENTS"))
    parser.add_argument("--cpu-repeats", type=int, default=200, help="0: skip the CPU table")
    args = parser.parse_args(argv)
    if args.drive:
        base, scenario, clients = args.drive
        print(json.dumps(asyncio.run(_drive(base, scenario, int(clients), args.seconds))))
        return 0
    clients = [int(c) for c in args.clients.split(",")]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average at start {load} (1, 5, 15 min)")
    rows: list[list[Any]] = []
    for backend in filter(None, args.backends.split(",")):  # --backends "": CPU table only
        if backend == "postgresql" and not os.environ.get(PG_ENV):
            print(f"postgresql skipped: set {PG_ENV} (see .ci/run)", file=sys.stderr)
            continue
        rows.extend(run_backend(backend, clients, args.seconds, args.patients))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average now {load} (1, 5, 15 min)")
    headers = ["store", "request", "clients", "req/s", "p50 ms", "p99 ms", "vs health", "errors"]
    print(table(headers, rows))
    if args.cpu_repeats:
        print(f"\nCPU per request, in-process, SQLite ({args.cpu_repeats} requests each)")
        cpu_rows = cpu_costs(args.cpu_repeats, args.patients)
        print(table(["request", "CPU ms", "throughput vs health"], cpu_rows))
    print(
        "\ntargets: POST /api/assess >= 25% of /health req/s and p99 <= 50 ms at 8 clients; "
        "worklist over 1,000 patients <= 1 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
