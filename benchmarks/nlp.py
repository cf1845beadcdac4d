"""Speed of the text adapter: notes per second on one core after warm-up, and cold start.

Pages are built from the labelled notes of the development splits (tests/data/notes; a sealed
held-out split is left out until it is opened, see benchmarks/text_eval.py), joined until each
holds at least 3,000 characters (about one printed page). The baseline, measured in the same run
on the same pages, is plain regular-expression tokenisation (``re.findall(r"\\w+|[^\\w\\s]",
page)``): the least any text reader must do, so the ratio says what the clinical reading costs
on top. Throughput is also given per labelled note as written (about 1,000 characters), and each
rate both per wall-clock second and per CPU second of the process (steadier on a shared
machine). Cold start is a fresh interpreter that imports the adapter and reads one page (what
``myositis-cds extract NOTE.txt`` pays once), against a fresh interpreter that only runs the
baseline, in wall and CPU seconds, the median of three runs (the compiled-pattern cache keeps
one version of the rules: after another tree's run, the first run fills it again).

    PYTHONPATH=src python benchmarks/nlp.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "tests" / "data" / "notes"
PAGE_CHARS = 3000
TODAY = date(2026, 11, 27)
_TOKEN = re.compile(r"\w+|[^\w\s]")


def opened_notes() -> list[Path]:
    """benchmarks/text_eval.py's development notes (loaded by path: this file runs both as a
    script and as ``python -m benchmarks.nlp``)."""
    spec = importlib.util.spec_from_file_location(
        "text_eval", Path(__file__).with_name("text_eval.py")
    )
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault("text_eval", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    paths: list[Path] = module.opened_notes()
    return paths


def pages() -> list[str]:
    out: list[str] = []
    current = ""
    for path in opened_notes():
        current = (
            f"{current}\n\n{path.read_text(encoding='utf-8')}"
            if current
            else (path.read_text(encoding="utf-8"))
        )
        if len(current) >= PAGE_CHARS:
            out.append(current)
            current = ""
    return out


def notes() -> list[str]:
    """The labelled notes one by one, as a clinician would paste them."""
    return [p.read_text(encoding="utf-8") for p in opened_notes()]


def rate(work: list[str], step: object, seconds: float) -> tuple[float, float]:
    """Texts per wall-clock second and per CPU second of this process, over repeated passes
    lasting at least ``seconds``. On a shared machine the CPU-time rate is the steadier one:
    it leaves out the time other processes held the core."""
    done = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        for page in work:
            step(page)  # type: ignore[operator]
        done += len(work)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return done / elapsed, done / max(time.process_time() - cpu_started, 1e-9)


def cold(code: str, runs: int = 3) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system, steadier on a shared
    machine) of a fresh interpreter running ``code``, importing the package from where this
    process imported it (so that ``PYTHONPATH=<another tree>/src`` measures that tree's cold
    start too, not this script's own tree)."""
    import resource

    import myositis_cds

    src = Path(myositis_cds.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(src)}
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per throughput run")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from myositis_cds.ingest.text import extract_case

    work, singles = pages(), notes()
    for page in work:  # warm-up: rules, spaCy and regex caches
        extract_case(page, anchor=TODAY, today=TODAY)

    def read(text: str) -> object:
        return extract_case(text, anchor=TODAY, today=TODAY)

    (nlp_rate, nlp_cpu), (base_rate, base_cpu) = (
        rate(work, read, args.seconds),
        rate(work, _TOKEN.findall, args.seconds),
    )
    (note_rate, note_cpu), (note_base, note_base_cpu) = (
        rate(singles, read, args.seconds),
        rate(singles, _TOKEN.findall, args.seconds),
    )

    first = str(NOTES / "01_clinic_letter_new_dm.txt")
    (cold_nlp, cold_nlp_cpu) = cold(
        "from pathlib import Path; from myositis_cds.ingest.text import extract_case; "
        f"extract_case(Path({first!r}).read_text())"
    )
    cold_import, _ = cold("import myositis_cds.ingest.text")
    cold_base, cold_base_cpu = cold(
        f"import re; from pathlib import Path; re.findall(r'\\w+', Path({first!r}).read_text())"
    )

    mean_chars = statistics.mean(len(p) for p in work)
    print(
        f"pages: {len(work)} (mean {mean_chars:,.0f} characters), one core, Python "
        f"{sys.version.split()[0]}"
    )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'measure':<44}{'adapter':>12}{'baseline':>12}{'ratio':>9}")
    mean_note = statistics.mean(len(n) for n in singles)
    for label, ours, base in (
        ("pages/s after warm-up (wall clock)", nlp_rate, base_rate),
        ("pages/s after warm-up (per CPU second)", nlp_cpu, base_cpu),
        (f"notes/s, {len(singles)} notes of {mean_note:,.0f} chars (wall)", note_rate, note_base),
        ("notes/s, the same notes (per CPU second)", note_cpu, note_base_cpu),
    ):
        print(f"{label:<44}{ours:>12.1f}{base:>12.1f}{base / ours:>8.0f}x")
    print(
        f"{'cold start: import + read one note (s)':<44}{cold_nlp:>12.2f}{cold_base:>12.2f}"
        f"{cold_nlp / cold_base:>8.1f}x"
    )
    print(
        f"{'cold start, CPU seconds (user + system)':<44}{cold_nlp_cpu:>12.2f}"
        f"{cold_base_cpu:>12.2f}{cold_nlp_cpu / max(cold_base_cpu, 0.001):>8.1f}x"
    )
    print(
        f"{'import without reading (no spaCy) (s)':<44}{cold_import:>12.2f}{cold_base:>12.2f}"
        f"{cold_import / cold_base:>8.1f}x"
    )
    print(
        f"targets: >= 50 notes/s (pages per CPU second {'met' if nlp_cpu >= 50 else 'NOT met'};"
        f" single notes per CPU second {'met' if note_cpu >= 50 else 'NOT met'}), "
        f"cold start <= 3 s ({'met' if cold_nlp <= 3 else 'NOT met'} in wall time, "
        f"{'met' if cold_nlp_cpu <= 3 else 'NOT met'} in CPU time)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
