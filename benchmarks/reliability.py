"""Reliability figures of the service and store, written to ``docs/RELIABILITY.md``.

Run everything: ``python -m benchmarks.reliability [--soak-seconds 600] [--kill-trials 50]
[--fuzz-requests 5000] [--backends sqlite,postgresql]``. PostgreSQL runs when
``MYOSITIS_CDS_TEST_PG`` names a role that may create databases (``.ci/run`` sets it).

Sections (``--sections concurrency,kill,fuzz,soak``), each against a fresh database:

- concurrency: 32 clients editing 4 shared patients with If-Match (conflicts must be 412, no
  update lost, revision chains 1..n);
- kill: ``kill -9`` of a real ``myositis-cds serve`` while 8 clients write, then restart and
  check every acknowledged write, every revision chain and every unanswered write;
- fuzz: schemathesis requests from the app's own ``/openapi.json`` (in-process), every
  response checked against contract §4 (no 5xx, error shapes, security headers);
- soak: steady mixed load (assess, patient create/read/update, worklist; CDS Hooks when the
  app has it) against a real server: errors, server RSS at start and end, p50/p99 per minute,
  with ``/health`` p50 measured in the same run as the machine's baseline.

Each section's result is kept as JSON under ``docs/reliability/`` with the command that made
it, so sections can be rerun one at a time (they take long on a shared machine); the markdown
is rendered from every kept result.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from benchmarks import _fuzz_sections as fuzz_sections  # issue #15: inputs, bodies
from benchmarks import _harness as h

DOC = h.ROOT / "docs" / "RELIABILITY.md"
RESULTS = h.ROOT / "docs" / "reliability"
REFERENCE_JSON: bytes | None = None


def _reference_json() -> bytes:
    global REFERENCE_JSON
    if REFERENCE_JSON is None:
        from myositis_cds.ingest.files import parse_case_text

        case = parse_case_text(h.REFERENCE.decode(), "yaml")
        REFERENCE_JSON = case.model_dump_json(exclude_none=True).encode()
    return REFERENCE_JSON


# ---------------------------------------------------------------------------- sections
def run_concurrency(backend: str, folder: Path) -> dict[str, Any]:
    with (
        h.fresh_database(backend, folder) as url,
        h.serving(url, folder / f"concurrency-{backend}.log") as server,
    ):
        started = time.perf_counter()
        result = h.concurrent_updates(server.base, clients=32, patients=4, updates_per_client=4)
        return {
            "clients": result.clients,
            "patients": result.patients,
            "acknowledged": result.acknowledged,
            "conflicts_412": result.conflicts,
            "other_statuses": dict(result.other_statuses),
            "problems": result.problems,
            "seconds": round(time.perf_counter() - started, 1),
        }


def run_kill(backend: str, folder: Path, trials: int) -> dict[str, Any]:
    return h.kill_trials(backend, folder, trials)


def run_fuzz(backend: str, folder: Path, requests: int) -> dict[str, Any]:
    from myositis_cds.api import Settings, create_app
    from myositis_cds.store import Store

    with h.fresh_database(backend, folder) as url:
        store = Store.open(url)
        try:
            return h.fuzz_api(create_app(Settings(auth="none"), store=store), requests=requests)
        finally:
            store.close()


def _has_cds_hooks(base: str) -> bool:
    try:
        return httpx.get(f"{base}/cds-services", timeout=10).status_code == 200
    except httpx.HTTPError:
        return False


def run_soak(backend: str, folder: Path, seconds: float, clients: int = 8) -> dict[str, Any]:
    """``clients`` threads in a loop of mixed requests for ``seconds``."""
    body = _reference_json()
    json_type = {"Content-Type": "application/json"}
    with (
        h.fresh_database(backend, folder) as url,
        h.serving(url, folder / f"soak-{backend}.log") as server,
    ):
        base = server.base
        cds = _has_cds_hooks(base)
        own: list[tuple[str, int]] = []
        for _ in range(clients):
            created = httpx.post(f"{base}/api/patients", content=body, headers=json_type)
            own.append((created.json()["id"], 1))
        httpx.get(f"{base}/api/worklist", timeout=120)  # first call warms every patient
        health = []
        for _ in range(50):
            t = time.perf_counter()
            httpx.get(f"{base}/health")
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
            with httpx.Client(base_url=base, timeout=60) as http:
                while time.perf_counter() < stop_at:
                    kind = rng.choices(
                        ["assess", "create", "read", "update", "worklist"],
                        weights=[30, 10, 25, 20, 15],
                    )[0]
                    t = time.perf_counter()
                    try:
                        if kind == "assess":
                            r = http.post("/api/assess", content=body, headers=json_type)
                        elif kind == "create":
                            r = http.post("/api/patients", content=body, headers=json_type)
                        elif kind == "read":
                            r = http.get(f"/api/patients/{patient}")
                        elif kind == "update":
                            r = http.put(
                                f"/api/patients/{patient}",
                                content=body,
                                headers={**json_type, "If-Match": f'"{revision}"'},
                            )
                            if r.status_code == 200:
                                revision = int(r.headers["etag"].strip('"'))
                        else:
                            r = http.get("/api/worklist")
                        ok = r.status_code < 300
                        what = f"{kind} {r.status_code}"
                    except httpx.HTTPError as exc:
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
    minutes: list[dict[str, Any]] = []
    for minute in range(int(max(s[0] for s in samples) // 60) + 1):
        window = [ms for at, _, ms in samples if minute * 60 <= at < (minute + 1) * 60]
        if len(window) >= 2:
            minutes.append(
                {
                    "minute": minute + 1,
                    "requests": len(window),
                    "p50_ms": round(statistics.median(window), 1),
                    "p99_ms": round(statistics.quantiles(window, n=100)[98], 1),
                }
            )
    by_kind = {}
    for kind in ("assess", "create", "read", "update", "worklist"):
        times = [ms for _, k, ms in samples if k == kind]
        if len(times) >= 2:
            by_kind[kind] = {
                "requests": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p99_ms": round(statistics.quantiles(times, n=100)[98], 1),
            }
    return {
        "seconds": seconds,
        "clients": clients,
        "cds_hooks": cds,
        "requests": len(samples),
        "errors": len(errors),
        "error_kinds": dict(sorted({e: errors.count(e) for e in set(errors)}.items())),
        "health_p50_ms": round(statistics.median(health), 1),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_max_mb": round(max(r for _, r in rss), 1),
        "per_minute": minutes,
        "per_kind": by_kind,
    }


# ---------------------------------------------------------------------------- the document
def _save(section: str, backend: str, result: dict[str, Any], command: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {
        **result,
        "command": command,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    (RESULTS / f"{section}-{backend}.json").write_text(json.dumps(result, indent=2) + "\n")


def _load(section: str, backend: str) -> dict[str, Any] | None:
    path = RESULTS / f"{section}-{backend}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _problems(result: dict[str, Any]) -> str:
    found = result.get("problems") or []
    return "none" if not found else f"**{len(found)}**: " + "; ".join(found[:5])


def render(backends: list[str]) -> str:
    out = [
        "# Reliability of the service and store",
        "",
        "Generated by `python -m benchmarks.reliability` (see `benchmarks/reliability.py`); each",
        "section below names the command that produced it, when it finished and the machine's",
        "load average then (the figures come from a 2-core machine shared with other work, so",
        "latencies are pessimistic). Checks behind them: `benchmarks/_harness.py`; the same",
        "checks run in `tests/reliability/` (short in the default run, full counts with",
        "`-m slow`).",
        "",
    ]
    out += ["## Concurrency: 32 clients, If-Match on shared patients", ""]
    out += [
        "| store | clients | patients | updates acknowledged | conflicts (412) | other statuses"
        " | problems | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for b in backends:
        r = _load("concurrency", b)
        if r:
            out.append(
                f"| {b} | {r['clients']} | {r['patients']} | {r['acknowledged']} | "
                f"{r['conflicts_412']} | {r['other_statuses'] or 'none'} | {_problems(r)} | "
                f"{r['seconds']} |"
            )
    out += ["", *_commands("concurrency", backends)]
    out += [
        "## Durability: kill -9 during concurrent writes",
        "",
        "Each trial: 8 clients create and update patients; the server gets SIGKILL at a",
        "random moment (after 1-40 acknowledged writes, plus up to 0.2 s); it is restarted",
        "on the same database, which is then read directly: every acknowledged write at the",
        "revision it was acknowledged as, every patient's revisions exactly 1..current, one",
        "audit event per revision, every unanswered write stored once or not at all.",
        "",
    ]
    out += [
        "| store | trials | writes acknowledged | acknowledged and lost | unanswered writes |"
        " of those stored whole | patients | problems | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for b in backends:
        r = _load("kill", b)
        if r:
            lost = sum("acknowledged write" in p for p in r["problems"])
            out.append(
                f"| {b} | {r['trials']} | {r['acknowledged']} | {lost} | {r['unanswered']} | "
                f"{r['unanswered_present']} | {r['patients']} | {_problems(r)} | {r['seconds']} |"
            )
    out += ["", *_commands("kill", backends)]
    out += [
        "## Fuzzing the API (schemathesis, from /openapi.json)",
        "",
        "Valid and invalid requests for every operation, against unknown ids and a stored",
        'patient\'s id. A problem is any 5xx, a 422 not shaped `{"errors": [{"path",',
        '"message"}]}`, another 4xx not shaped `{"error": message}`, or a response',
        "without the security headers.",
        "",
    ]
    out += ["| store | requests | by status | problems | seconds |", "|---|---|---|---|---|"]
    for b in backends:
        r = _load("fuzz", b)
        if r:
            statuses = ", ".join(f"{k}: {v}" for k, v in r["statuses"].items())
            out.append(f"| {b} | {r['requests']} | {statuses} | {_problems(r)} | {r['seconds']} |")
    out += ["", *_commands("fuzz", backends)]
    out += ["## Load and soak", ""]
    for b in backends:
        r = _load("soak", b)
        if not r:
            continue
        cds = "included" if r["cds_hooks"] else "not in this build (no /cds-services route)"
        out += [
            f"### {b}: {r['seconds']:g} s, {r['clients']} clients",
            "",
            f"Mix: assess 30 %, create 10 %, read 25 %, update (If-Match) 20 %, worklist 15 %;"
            f" CDS Hooks {cds}. Requests: {r['requests']}; errors: **{r['errors']}**"
            + (f" ({r['error_kinds']})" if r["errors"] else "")
            + f". Server RSS: start {r['rss_start_mb']} MB, end {r['rss_end_mb']} MB, "
            f"max {r['rss_max_mb']} MB. `/health` p50 before the load (baseline): "
            f"{r['health_p50_ms']} ms.",
            "",
            "| minute | requests | p50 ms | p99 ms |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {m['minute']} | {m['requests']} | {m['p50_ms']} | {m['p99_ms']} |"
            for m in r["per_minute"]
        ]
        out += ["", "| request | count | p50 ms | p99 ms |", "|---|---|---|---|"]
        out += [
            f"| {k} | {v['requests']} | {v['p50_ms']} | {v['p99_ms']} |"
            for k, v in r["per_kind"].items()
        ]
        out.append("")
    out += _commands("soak", backends)
    return "\n".join(out).rstrip() + "\n"


def _commands(section: str, backends: list[str]) -> list[str]:
    lines = []
    for b in backends:
        r = _load(section, b)
        if r:
            lines.append(
                f"- {b}: `{r['command']}` (finished {r['finished']}, load average "
                f"{r['load_average']} on {r['cpus']} CPUs)"
            )
        else:
            lines.append(f"- {b}: not run yet")
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", default="concurrency,kill,fuzz,soak")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--soak-seconds", type=float, default=600)
    parser.add_argument("--kill-trials", type=int, default=50)
    parser.add_argument("--fuzz-requests", type=int, default=5000)
    parser.add_argument("--render-only", action="store_true", help="only rewrite the document")
    fuzz_sections.add_arguments(parser)  # --fuzz-cases, --fuzz-notes, --fuzz-bodies
    args = parser.parse_args(argv)
    backends = [b for b in args.backends.split(",") if b]
    command = "python -m benchmarks.reliability " + shlex.join(
        argv if argv is not None else sys.argv[1:]
    )
    if not args.render_only:
        fuzz_sections.run_standalone(args, command, _save)  # section inputs: no store
        for backend in backends:
            if backend == "postgresql" and not os.environ.get(h.PG_ENV):
                print(f"postgresql skipped: set {h.PG_ENV} (see .ci/run)", file=sys.stderr)
                continue
            for section in args.sections.split(","):
                with tempfile.TemporaryDirectory() as tmp:
                    folder = Path(tmp)
                    print(f"{section} on {backend} …", file=sys.stderr, flush=True)
                    if section == "concurrency":
                        result = run_concurrency(backend, folder)
                    elif section in fuzz_sections.SECTIONS:  # issue #15: inputs, bodies
                        if section not in fuzz_sections.PER_STORE:
                            continue  # run once above
                        result = fuzz_sections.run_per_store(
                            section, backend, folder, args, _save, command
                        )
                    elif section == "kill":
                        result = run_kill(backend, folder, args.kill_trials)
                    elif section == "fuzz":
                        result = run_fuzz(backend, folder, args.fuzz_requests)
                    elif section == "soak":
                        result = run_soak(backend, folder, args.soak_seconds)
                    else:
                        parser.error(f"--sections: unknown section {section!r}")
                    _save(section, backend, result, command)
                    print(json.dumps(result)[:400], file=sys.stderr, flush=True)
    DOC.write_text(render(["sqlite", "postgresql"]) + fuzz_sections.render(_load, _commands))
    print(f"wrote {DOC.relative_to(h.ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
