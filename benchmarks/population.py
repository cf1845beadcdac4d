"""Benchmark: population screening over OMOP against a naive loop and the scan floor.

Run: ``python -m benchmarks.population [--persons 1000000] [--naive-sample 10000] [--no-spark]``.

1. ``synth-omop`` writes ``--persons`` background persons plus about 0.3 % planted patients.
2. ``screen`` on DuckDB: candidate/case assembly in the engine, then the pathway per candidate.
3. Baselines measured in the same run, on the same file:
   (a) naive: a Python loop over persons with one query each (all of a person's records of the
       concept sets), run on a ``--naive-sample`` of persons and scaled to the population;
   (b) floor: DuckDB scanning, once, every column the screen reads.
4. Peak memory (max RSS) of the screening process.
5. Spark local mode on the same data (exported to Parquet): its own time and parity with DuckDB.

Each phase runs in its own process, so its time and peak memory are its own. Targets (issue
#14): >= 50x faster than the naive loop; candidate/case assembly <= 3x the scan floor; peak
memory <= 4 GiB at 1,000,000 persons.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

AS_OF = date(2026, 6, 30)


# ----------------------------------------------------------------------------- phases (child)
def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_synth(db: str, persons: int) -> dict[str, Any]:
    from myositis_cds.population.synth import synth_omop

    start = time.perf_counter()
    manifest = synth_omop(db, persons, seed=2026, as_of=AS_OF)
    return {
        "seconds": time.perf_counter() - start,
        "planted": len(manifest["planted"]),
        "peak_mib": _peak_mib(),
    }


def phase_screen(db: str, out: str) -> dict[str, Any]:
    start = time.perf_counter()
    from myositis_cds.population.screen import _assess_all, prepare

    imported = time.perf_counter()
    cdm, expr, _ = prepare(db, "duckdb")  # connect, read schemas, resolve concept sets
    prepared = time.perf_counter()
    records = expr.to_pyarrow().to_pylist()  # candidates and their facts, in the engine
    cdm.close()
    assembled = time.perf_counter()
    rows = list(_assess_all(records, AS_OF, date.today(), progress=False))
    done = time.perf_counter()
    Path(out).write_text(json.dumps(sorted(rows, key=lambda r: r["person_id"])), "utf-8")
    return {
        "import_seconds": imported - start,
        "setup_seconds": prepared - imported,
        "assembly_seconds": assembled - prepared,
        "pathway_seconds": done - assembled,
        "seconds": done - start,
        "candidates": len(rows),
        "fact_rows": len(records),
        "peak_mib": _peak_mib(),
    }


def phase_floor(db: str) -> dict[str, Any]:
    """Scan, once, every column the screen reads (no join, no filter): the I/O floor."""
    import duckdb

    from myositis_cds.population.cdm import COLUMNS

    con = duckdb.connect(db, read_only=True)
    start = time.perf_counter()
    for table, columns in COLUMNS.items():
        cols = ", ".join(f"max({c})" for c in columns)
        con.execute(f"SELECT count(*), {cols} FROM {table}").fetchall()
    seconds = time.perf_counter() - start
    con.close()
    return {"seconds": seconds}


def phase_naive(db: str, sample: int) -> dict[str, Any]:
    """One query per person for all their concept-set records, then a Python decision."""
    import duckdb
    import ibis

    from myositis_cds.population.concept_sets import resolve

    ib = ibis.duckdb.connect(db, read_only=True)
    resolved = resolve(ib.table("concept"), ib.table("concept_ancestor"))
    ib.disconnect()
    ids = ", ".join(str(cid) for cid, _, _ in resolved.by_concept)
    diagnosis = {cid for cid, kind, _ in resolved.by_concept if kind == "diagnosis"}
    con = duckdb.connect(db, read_only=True)
    persons = con.execute("SELECT count(*) FROM person").fetchone()[0]  # type: ignore[index]
    step = max(1, persons // sample)
    query = f"""
        SELECT condition_concept_id, condition_start_date FROM condition_occurrence
            WHERE person_id = $1 AND condition_concept_id IN ({ids})
        UNION ALL SELECT measurement_concept_id, measurement_date FROM measurement
            WHERE person_id = $1 AND measurement_concept_id IN ({ids})
        UNION ALL SELECT procedure_concept_id, procedure_date FROM procedure_occurrence
            WHERE person_id = $1 AND procedure_concept_id IN ({ids})
        UNION ALL SELECT observation_concept_id, observation_date FROM observation
            WHERE person_id = $1 AND observation_concept_id IN ({ids})
        UNION ALL SELECT drug_concept_id, drug_exposure_start_date FROM drug_exposure
            WHERE person_id = $1 AND drug_concept_id IN ({ids})
    """
    start = time.perf_counter()
    looped = candidates = 0
    for person_id in range(1, persons + 1, step):
        records = con.execute(query, [person_id]).fetchall()
        candidates += any(cid in diagnosis for cid, _ in records)
        looped += 1
    seconds = time.perf_counter() - start
    con.close()
    return {
        "seconds": seconds,
        "sampled": looped,
        "persons": persons,
        "scaled_seconds": seconds * persons / looped,
        "candidates_in_sample": candidates,
    }


def phase_spark(db: str, folder: str, out: str) -> dict[str, Any]:
    from myositis_cds.population.screen import screen
    from myositis_cds.population.synth import export_parquet

    start = time.perf_counter()
    export_parquet(db, folder)
    exported = time.perf_counter()
    result = screen(folder, "spark", AS_OF)
    done = time.perf_counter()
    Path(out).write_text(json.dumps(sorted(result.rows, key=lambda r: r["person_id"])), "utf-8")
    return {
        "export_seconds": exported - start,
        "seconds": done - exported,
        "candidates": len(result.rows),
        "driver_peak_mib": _peak_mib(),
    }


# ----------------------------------------------------------------------------- orchestration
def _run(phase: str, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.population", "--phase", phase, *args],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        tail = "\n".join(out.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"phase {phase} failed:\n{tail}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--naive-sample", type=int, default=10_000)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--workdir", help="keep the database here (default: a temporary folder)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.phase:
        fn = {
            "synth": lambda a: phase_synth(a[0], int(a[1])),
            "screen": lambda a: phase_screen(a[0], a[1]),
            "floor": lambda a: phase_floor(a[0]),
            "naive": lambda a: phase_naive(a[0], int(a[1])),
            "spark": lambda a: phase_spark(a[0], a[1], a[2]),
        }[ns.phase]
        print(json.dumps(fn(ns.args)))
        return

    work = Path(ns.workdir or tempfile.mkdtemp(prefix="myositis-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = str(work / "cdm.duckdb")
    synth = _run("synth", db, str(ns.persons))
    print(
        f"synth-omop: {ns.persons:,} persons + {synth['planted']:,} planted in "
        f"{synth['seconds']:.1f} s (peak {synth['peak_mib']:.0f} MiB)",
        flush=True,
    )
    floor = _run("floor", db)
    screen = _run("screen", db, str(work / "duckdb.json"))
    naive = _run("naive", db, str(ns.naive_sample))
    assembly_ratio = screen["assembly_seconds"] / floor["seconds"]
    speedup = naive["scaled_seconds"] / screen["seconds"]
    print(
        f"screen (duckdb): {screen['candidates']:,} candidates, {screen['fact_rows']:,} fact "
        f"rows; {screen['seconds']:.1f} s in all = imports {screen['import_seconds']:.1f} s + "
        f"setup (schemas, concept sets) {screen['setup_seconds']:.1f} s + candidate/case "
        f"assembly {screen['assembly_seconds']:.1f} s + pathway {screen['pathway_seconds']:.1f}"
        f" s; peak {screen['peak_mib']:.0f} MiB (target <= 4096)"
    )
    print(
        f"scan floor (duckdb, every column read once): {floor['seconds']:.2f} s -> assembly "
        f"is {assembly_ratio:.1f}x the floor (target <= 3x)"
    )
    print(
        f"naive loop (one query per person): {naive['sampled']:,} persons in "
        f"{naive['seconds']:.1f} s -> {naive['scaled_seconds']:,.0f} s for {naive['persons']:,}"
        f" -> screen is {speedup:,.0f}x faster (target >= 50x)"
    )
    if not ns.no_spark:
        spark = _run("spark", db, str(work / "parquet"), str(work / "spark.json"))
        same = (work / "spark.json").read_text("utf-8") == (work / "duckdb.json").read_text("utf-8")
        print(
            f"spark local[2]: export to Parquet {spark['export_seconds']:.1f} s, screen "
            f"{spark['seconds']:.1f} s ({spark['seconds'] / screen['seconds']:.1f}x duckdb), "
            f"{spark['candidates']:,} candidates; worklist identical to duckdb: {same}"
        )


if __name__ == "__main__":
    main()
