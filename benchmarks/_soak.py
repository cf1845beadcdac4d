"""The soak section of ``benchmarks.reliability``: a steady mixed load on a real server.

A *steady* load keeps the amount of stored data level, so that a rise in memory or latency over
the run means the server is accumulating something, not that it is serving more data:

- the store is seeded with ``population`` patients before the clock starts, and a worklist call
  computes every one of them once (warm caches are the steady state we measure);
- each client owns one patient it reads and updates (If-Match), and creates new patients, deleting
  its oldest creation once it has more than ``KEEP`` of them, so the patient count stays within a
  few of ``population + clients``;
- the CDS Hooks ``patient-view`` service is called with the reference case as prefetch (51 FHIR
  resources) and a fresh ES384 JWT per call from a throw-away trusted issuer given to ``serve``
  with ``--cds-issuers``; the JWT is signed before the request is timed.

The server's RSS is sampled every 5 s from /proc. "Memory flat" is judged on the sampled series
after the first minute (the warm-up that fills the bounded caches): the table reports the RSS at
the start, at the end of minute 1 and at the end, and the slope over the rest of the run.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks import _harness as h

KINDS = ("assess", "create", "delete", "read", "update", "worklist", "cds")
WEIGHTS = {"assess": 25, "create": 10, "read": 20, "update": 15, "worklist": 15, "cds": 15}
KEEP = 3  # patients a client keeps before deleting its oldest creation
SERVICE = "/cds-services/myositis-cancer-screening"


def _reference_case_json() -> bytes:
    from myositis_cds.ingest.files import parse_case_text

    case = parse_case_text(h.REFERENCE.decode(), "yaml")
    return case.model_dump_json(exclude_none=True).encode()


def _percentile_99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def _slope_mb_per_min(series: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of RSS (MB) against time (min) over ``series``."""
    if len(series) < 3:
        return None
    xs = [t / 60 for t, _ in series]
    ys = [r for _, r in series]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else None


def run_soak(
    backend: str, folder: Path, seconds: float, clients: int = 8, population: int = 100
) -> dict[str, Any]:
    """``clients`` threads in a loop of mixed requests for ``seconds``."""
    from tests.cds_hooks.conftest import reference_resources

    from benchmarks.cds_hooks import hook_body, make_issuer, tokens

    body = _reference_case_json()
    hook = hook_body(reference_resources())
    json_type = {"Content-Type": "application/json"}
    with tempfile.TemporaryDirectory() as keys:
        key = make_issuer(Path(keys))
        issuers = str(Path(keys) / "issuers.json")
        with (
            h.fresh_database(backend, folder) as url,
            h.serving(url, folder / f"soak-{backend}.log", "--cds-issuers", issuers) as server,
        ):
            base = server.base
            aud = base + SERVICE
            with httpx.Client(base_url=base, timeout=600) as http:
                own: list[tuple[str, int]] = []
                for n in range(population + clients):
                    created = http.post("/api/patients", content=body, headers=json_type)
                    created.raise_for_status()
                    if n < clients:
                        own.append((created.json()["id"], 1))
                http.get("/api/worklist").raise_for_status()  # computes every patient once
                health = []
                for _ in range(50):
                    t = time.perf_counter()
                    http.get("/health")
                    health.append((time.perf_counter() - t) * 1000)
            rss_start = server.rss_mb()
            samples: list[tuple[float, str, float]] = []  # (elapsed s, kind, ms)
            errors: list[str] = []
            lock = threading.Lock()
            started = time.perf_counter()
            stop_at = started + seconds

            def client(n: int) -> None:
                rng = random.Random(n)
                patient, revision = own[n]
                created: list[str] = []
                kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
                with httpx.Client(base_url=base, timeout=120) as http:
                    while time.perf_counter() < stop_at:
                        kind = rng.choices(kinds, weights=weights)[0]
                        if kind == "create" and len(created) >= KEEP:
                            kind = "delete"
                        headers = dict(json_type)
                        if kind == "cds":
                            headers["Authorization"] = "Bearer " + tokens(key, aud, 1)[0]
                        t = time.perf_counter()
                        try:
                            if kind == "assess":
                                r = http.post("/api/assess", content=body, headers=headers)
                            elif kind == "create":
                                r = http.post("/api/patients", content=body, headers=headers)
                                if r.status_code == 201:
                                    created.append(r.json()["id"])
                            elif kind == "delete":
                                r = http.delete(f"/api/patients/{created.pop(0)}")
                            elif kind == "read":
                                r = http.get(f"/api/patients/{patient}")
                            elif kind == "update":
                                headers["If-Match"] = f'"{revision}"'
                                r = http.put(
                                    f"/api/patients/{patient}", content=body, headers=headers
                                )
                                if r.status_code == 200:
                                    revision = int(r.headers["etag"].strip('"'))
                            elif kind == "worklist":
                                r = http.get("/api/worklist")
                            else:
                                r = http.post(SERVICE, content=hook, headers=headers)
                                if r.status_code == 200 and not r.json().get("cards"):
                                    raise ValueError("no cards")
                            ok = r.status_code < 300
                            what = f"{kind} {r.status_code}"
                        except (httpx.HTTPError, ValueError) as exc:
                            ok, what = False, f"{kind} {type(exc).__name__}"
                        ms = (time.perf_counter() - t) * 1000
                        with lock:
                            samples.append((t - started, kind, ms))
                            if not ok:
                                errors.append(what)

            rss: list[tuple[float, float]] = [(0.0, rss_start)]
            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                time.sleep(5)
                rss.append((round(time.perf_counter() - started, 1), server.rss_mb()))
            for t in threads:
                t.join()
            rss_end = server.rss_mb()
            with httpx.Client(base_url=base, timeout=600) as http:
                patients_end = len(http.get("/api/patients").json())
    return summarise(samples, errors, rss, health, seconds, clients, population) | {
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "patients_end": patients_end,
    }


def summarise(
    samples: list[tuple[float, str, float]],
    errors: list[str],
    rss: list[tuple[float, float]],
    health: list[float],
    seconds: float,
    clients: int,
    population: int,
) -> dict[str, Any]:
    minutes: list[dict[str, Any]] = []
    for minute in range(int(max(s[0] for s in samples) // 60) + 1):
        window = [ms for at, _, ms in samples if minute * 60 <= at < (minute + 1) * 60]
        if len(window) >= 2:
            at_end = [r for t, r in rss if t <= (minute + 1) * 60]
            minutes.append(
                {
                    "minute": minute + 1,
                    "requests": len(window),
                    "p50_ms": round(statistics.median(window), 1),
                    "p99_ms": round(_percentile_99(window), 1),
                    "rss_mb": round(at_end[-1], 1),
                }
            )
    by_kind = {}
    for kind in KINDS:
        times = [ms for _, k, ms in samples if k == kind]
        if len(times) >= 2:
            by_kind[kind] = {
                "requests": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p99_ms": round(_percentile_99(times), 1),
            }
    after_warmup = [(t, r) for t, r in rss if t >= 60]
    slope = _slope_mb_per_min(after_warmup)
    return {
        "seconds": seconds,
        "clients": clients,
        "population": population,
        "mix": {**WEIGHTS, "keep": KEEP},
        "cds_hooks": True,
        "requests": len(samples),
        "errors": len(errors),
        "error_kinds": dict(sorted({e: errors.count(e) for e in set(errors)}.items())),
        "health_p50_ms": round(statistics.median(health), 1),
        "rss_after_warmup_mb": round(after_warmup[0][1], 1) if after_warmup else None,
        "rss_max_mb": round(max(r for _, r in rss), 1),
        "rss_slope_after_warmup_mb_per_min": None if slope is None else round(slope, 2),
        "per_minute": minutes,
        "per_kind": by_kind,
    }


METHOD = [
    "A steady load keeps the stored data level (a seeded population; each client's creations",
    "are balanced by deletes), so rising memory or latency would mean the server accumulates",
    "something. Memory is judged after minute 1, once the bounded caches are warm: RSS at the",
    "end of minute 1 and at the end, and the least-squares slope of the 5-second RSS samples",
    "after minute 1. RSS also moves with the C allocator and the thread pool, so Python objects",
    "are checked on their own by `tests/reliability/test_memory.py` (tracemalloc, the same mix",
    "in-process: at most 120 KB more traced after 240 requests, in the default test run).",
    "",
]


def render(result: dict[str, Any], backend: str) -> list[str]:
    r = result
    if "mix" not in r:
        return [f"### {backend}: result in an older format; rerun the soak section", ""]
    mix = ", ".join(f"{k} {v}" for k, v in r["mix"].items() if k != "keep")
    slope = r["rss_slope_after_warmup_mb_per_min"]
    out = [
        f"### {backend}: {r['seconds']:g} s, {r['clients']} clients",
        "",
        f"Population {r['population']} patients seeded plus one per client; each client deletes"
        f" its oldest creation once it holds {r['mix']['keep']} (patients at the end:"
        f" {r['patients_end']}). Mix weights: {mix} (a create beyond the cap becomes a delete)."
        f" CDS Hooks: patient-view with the reference case prefetch and a fresh JWT per call.",
        "",
        f"Requests: {r['requests']}; errors: **{r['errors']}**"
        + (f" ({r['error_kinds']})" if r["errors"] else "")
        + f". Server RSS: start {r['rss_start_mb']} MB, after minute 1"
        f" {r['rss_after_warmup_mb']} MB, end {r['rss_end_mb']} MB, max {r['rss_max_mb']} MB;"
        f" slope after minute 1: {slope} MB/min. `/health` p50 before the load (baseline):"
        f" {r['health_p50_ms']} ms.",
        "",
        "| minute | requests | p50 ms | p99 ms | RSS MB at end |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {m['minute']} | {m['requests']} | {m['p50_ms']} | {m['p99_ms']} | {m['rss_mb']} |"
        for m in r["per_minute"]
    ]
    out += ["", "| request | count | p50 ms | p99 ms |", "|---|---|---|---|"]
    out += [
        f"| {k} | {v['requests']} | {v['p50_ms']} | {v['p99_ms']} |"
        for k, v in r["per_kind"].items()
    ]
    return [*out, ""]
