"""Issue #15's fuzzing sections of ``python -m benchmarks.reliability`` (registered there in
small hunks; the checks live here and in the modules they name):

- ``inputs`` (no store): the CLI path's fuzzers of ``tests/test_fuzz.py`` at the issue's counts
  (``--fuzz-cases 115000 --fuzz-notes 5100``), in this process: outcomes counted, any exception
  other than a ``CaseError`` a crash (by class). Saved as ``docs/reliability/inputs-cli.json``
  after every batch, so a run cut short still says exactly what ran (``complete``: false).
- ``bodies`` (per store): hypothesis-built hostile CDS Hooks requests, FHIR Bundles (``POST
  /api/assess`` and ``/api/patients`` as ``application/fhir+json``) and web page forms, sent
  in-process to the whole app (``--fuzz-bodies`` per kind; see :mod:`benchmarks._fuzz_bodies`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["PER_STORE", "SECTIONS", "add_arguments", "render", "run_per_store", "run_standalone"]

SECTIONS = ("inputs", "bodies")
PER_STORE = ("bodies",)
INPUTS_BACKEND = "cli"  # the saved file's name: inputs-cli.json (no store involved)
DEFAULT_SEED = 15


def inputs_backend(seed: int) -> str:
    """The saved file of an ``inputs`` run: inputs-cli.json for the default seed, else
    inputs-cli-seedN.json, so runs split over seeds (and processes) each keep their result."""
    return INPUTS_BACKEND if seed == DEFAULT_SEED else f"{INPUTS_BACKEND}-seed{seed}"


Save = Callable[[str, str, dict[str, Any], str], None]
Load = Callable[[str, str], "dict[str, Any] | None"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fuzz-cases", type=int, default=115_000, help="section inputs")
    parser.add_argument("--fuzz-notes", type=int, default=5_100, help="section inputs")
    parser.add_argument(
        "--fuzz-seed",
        type=int,
        default=DEFAULT_SEED,
        help="section inputs: the generators' seed (another seed, other cases; kept apart)",
    )
    parser.add_argument(
        "--fuzz-bodies", type=int, default=5_000, help="section bodies: requests per body kind"
    )


def run_standalone(args: argparse.Namespace, command: str, save: Save) -> None:
    """The sections that need no store (``inputs``), once, before the per-store loop."""
    if "inputs" not in args.sections.split(","):
        return
    from benchmarks._fuzz_inputs import fuzz_inputs

    print("inputs (in process) …", file=sys.stderr, flush=True)

    backend = inputs_backend(args.fuzz_seed)

    def checkpoint(partial: dict[str, Any]) -> None:
        save("inputs", backend, {**partial, "seed": args.fuzz_seed, "complete": False}, command)
        done = {k: v["runs"] for k, v in partial.items() if isinstance(v, dict)}
        print(f"inputs: {done}", file=sys.stderr, flush=True)

    result = fuzz_inputs(args.fuzz_cases, args.fuzz_notes, seed=args.fuzz_seed, progress=checkpoint)
    save("inputs", backend, {**result, "seed": args.fuzz_seed, "complete": True}, command)


def run_per_store(
    section: str, backend: str, folder: Path, args: argparse.Namespace, save: Save, command: str
) -> dict[str, Any]:
    """``bodies`` on one store, saved after every batch (``complete``: false until done)."""
    from benchmarks._fuzz_bodies import fuzz_bodies_on_store

    assert section == "bodies"

    def checkpoint(partial: dict[str, Any]) -> None:
        save(section, backend, partial, command)
        done = {k: v["requests"] for k, v in partial["kinds"].items()}
        print(f"bodies on {backend}: {done}", file=sys.stderr, flush=True)

    return fuzz_bodies_on_store(backend, folder, per_kind=args.fuzz_bodies, progress=checkpoint)


def _outcomes(outcomes: dict[str, int]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in outcomes.items()) or "none"


def render(
    load: Load, commands: Callable[[str, list[str]], list[str]], inputs_runs: list[str]
) -> str:
    """``inputs_runs``: the saved ``inputs`` runs (``inputs_backend`` names), one per seed."""
    out: list[str] = []
    out += [
        "## Fuzzing the inputs (case files and notes, the CLI path)",
        "",
        "The generators of `tests/test_fuzz.py` (shared in `benchmarks/_fuzz_inputs.py`), run",
        "in one process: a case file is a valid case, half the time with one value anywhere",
        "replaced by a hostile one (NaN, 1e400, 2**70, impossible dates, control characters,",
        "right-to-left marks, wrong types), dumped as YAML or JSON, half the time mangled as",
        "text (YAML anchors and tags, broken brackets, 30-digit numbers), read as a named file",
        "or from stdin, then assessed and rendered as text, JSON and cards; a note is one of",
        "the labelled notes mutated (hostile insertions, deletions, swapped and repeated",
        "spans) run through extraction and the pathway. A crash is any exception other than",
        "a `CaseError` naming a field (the CLI's exit 2); crashes are counted by exception",
        "class only.",
        "",
        "| seed | input | runs | outcomes | crashes | seconds | runs/s |",
        "|---|---|---|---|---|---|---|",
    ]
    totals = {"cases": [0, 0], "notes": [0, 0]}  # runs, crashes over every seed
    cut_short = []
    for run in inputs_runs:
        inputs = load("inputs", run) or {}
        seed = inputs.get("seed", DEFAULT_SEED)
        for kind, label in (("cases", "fuzzed case files"), ("notes", "mutated notes")):
            r = inputs.get(kind)
            if not r:
                continue
            totals[kind][0] += r["runs"]
            totals[kind][1] += r["crashes"]
            crashes = str(r["crashes"]) if not r["crashes"] else f"**{r['crashes']}**"
            if r["crash_classes"]:
                crashes += f" ({_outcomes(r['crash_classes'])})"
            rate = r["runs"] / r["seconds"] if r["seconds"] else 0.0
            out.append(
                f"| {seed} | {label} | {r['runs']} | {_outcomes(r['outcomes'])} | {crashes} | "
                f"{r['seconds']} | {rate:.1f} |"
            )
        if inputs and not inputs.get("complete", True):
            cut_short.append(str(seed))
    if len(inputs_runs) > 1:
        out.append(
            f"| all | fuzzed case files | {totals['cases'][0]} | | {totals['cases'][1]} | | |"
        )
        out.append(f"| all | mutated notes | {totals['notes'][0]} | | {totals['notes'][1]} | | |")
    if cut_short:
        out += [
            "",
            f"**Cut short** (seed {', '.join(cut_short)}): the counts above are what ran.",
        ]
    out += ["", *commands("inputs", inputs_runs or [INPUTS_BACKEND])]
    out += [
        "## Fuzzing the CDS Hooks, FHIR and web page bodies (hypothesis)",
        "",
        "schemathesis sees CDS Hooks bodies and FHIR Bundles as free JSON and never sees the",
        "web page's forms, so `benchmarks/_fuzz_bodies.py` builds them with hypothesis: CDS",
        "Hooks `patient-view` calls whose prefetch holds the reference patient's FHIR",
        "resources (Patient and searchset Bundles; keys absent or null; sometimes a",
        "`fhirServer`, answered in-process with hostile pages), feedback bodies, FHIR Bundles",
        "to `POST /api/assess` and `/api/patients`, and the web page's forms (pasted text,",
        "uploads, the facts form of a real page to `/reassess`, `/case.yaml`, `/plot.svg`,",
        "`/patients/new` and `/patients/<id>/edit`, with a logged-in clinician's CSRF value).",
        "Each body is changed in 0-4 places: wrong types, NaN and 1e400 as text, 2**70,",
        "impossible and future dates, unknown codes, control characters, nesting 40 to",
        "50,000 deep, dropped and unknown keys. CDS Hooks calls carry a fresh ES256 JWT of a",
        "trusted issuer (1 in 10 a bad or no Authorization header). A problem is a 5xx, a",
        "response without the security headers, or an error not in its route's shape: CDS",
        'Hooks 400/401/412 `{"error", "message"}`, 422 `{"errors": [{"path", "message"}]}`,',
        "cards with summary (at most 140 characters), indicator and source label; REST as in",
        "contract §4; web refusals a page with the problem in an alert.",
        "",
        "| store | body | requests | by status | problems | seconds |",
        "|---|---|---|---|---|---|",
    ]
    stores = ("sqlite", "postgresql")
    for store in stores:
        r = load("bodies", store)
        if not r:
            continue
        for kind, k in r["kinds"].items():
            statuses = ", ".join(f"{s}: {n}" for s, n in k["statuses"].items())
            found = (
                "none"
                if not k["problem_count"]
                else f"**{k['problem_count']}**: " + ("; ".join(k["problems"][:3]))
            )
            out.append(
                f"| {store} | {kind} | {k['requests']} | {statuses} | {found} | {k['seconds']} |"
            )
        if not r.get("complete", True):
            out += ["", f"**{store}: the run was cut short**: the counts above are what ran."]
    out += ["", *commands("bodies", list(stores))]
    out += [
        "### Defects the fuzzers found (each has a test that failed before its fix)",
        "",
        "The SQLite body run above was made before the FHIR, web and feedback-length fixes",
        "(its 500s are theirs); the PostgreSQL run after every fix. The input run's notes",
        "are after the text-adapter fix; its first 5,100 notes, before it, are below.",
        "",
        "- Notes: a story starting at the calendar's first day (`a 99999-month history` read",
        "  as of year 1) overflowed date arithmetic in the text adapter: 9 `OverflowError`",
        "  crashes in the first 5,100 mutated notes",
        "  (`tests/ingest/text/test_text_hostile_dates.py`).",
        "- Notes, hangs (2 Dec 2026): the slow CI run's 500 mutated notes stalled on one note",
        "  until CI's 90-minute limit. Five patterns of the text adapter could split a run of",
        "  characters every possible way before failing (exponential backtracking): the list",
        '  denial ("no" before a comma list that never ends in "or"), the glue of a bare list',
        "  of antibody names (a repetition inside a repetition, with the dash in both), a",
        "  report's leader dots, the digits between two results in turn and a label's trailing",
        "  spaces; a long antibody list was also walked back once per member with an unbounded",
        "  search. An evidence sentence longer than a case's 4,000-character note field refused",
        "  the whole note (exit 2); it is now clipped around the fact. Each has a test that",
        "  hung or failed before its fix (`tests/ingest/text/test_text_hostile_lists.py`), and",
        "  the note fuzz gives each note 30 s and fails with its text instead of stalling",
        "  (`tests/test_fuzz.py`). The hunt that found them (mutated notes timed one by one)",
        "  and a sweep of every compiled pattern against runs of one character were scripts",
        "  outside the repository, so their counts are not given here; the rerunnable check is",
        "  `MYOSITIS_FUZZ_NOTES=N pytest -m slow tests/test_fuzz.py -k notes`. The seed-16 row",
        "  above (5,100 notes, 0 crashes, 281 s in all) was measured after the fixes, on 2 Dec",
        "  2026 (evening).",
        "- FHIR: a `Bundle.type` that is a list or an object was a `TypeError` (HTTP 500, CLI",
        "  exit 1) instead of a 422 naming `Bundle.type`; an integer too large for a float in",
        "  an invalid element or a dose overflowed the message (`OverflowError`, 2 of the",
        "  first 5,000 FHIR requests on SQLite) (`tests/ingest/fhir/test_hostile_bundles.py`).",
        "- Web page: pasted text that YAML or JSON cannot build (a date that does not exist,",
        "  nesting too deep, a number longer than Python reads) and a facts form whose case",
        "  cannot be read were 500s (13 of the 5,000 web requests of the SQLite run above,",
        "  made before the fix); replaying those 5,000 requests after it left 3: a facts form",
        "  with a tumour without a size (which the contract allows) or a code that is not",
        "  text crashed the fact list (`KeyError`, `AttributeError`), since fixed",
        "  (`tests/web/test_hostile_paste.py`).",
        "- CDS Hooks: a feedback `outcome` that is a list or object (`TypeError`); a body or",
        "  FHIR server answer nested deeper than Python's JSON reader goes (`RecursionError`);",
        "  a `context.patientId` with characters not allowed in a URL, sent raw in the FHIR",
        "  search (`httpx.InvalidURL`); all were 500s",
        "  (`tests/cds_hooks/test_hostile_requests.py`). A feedback card id holding NUL or",
        "  longer than the store's 64-character column was a 500 on PostgreSQL (25 of the",
        "  first 1,000 feedback calls) (`tests/reliability/test_cds_text_on_postgres.py`).",
        "- Logs: with SQL logging on, the store's statement parameters (case JSON, case and",
        "  patient ids) reached the log and would reach database error text; the engine now",
        "  hides them (`tests/reliability/test_log_scan_all_routes.py`, which drives every",
        "  route family with one distinctive patient and scans every logger at DEBUG, in",
        "  process and from a real `serve`).",
        "",
    ]
    return "\n".join(out) + "\n"
