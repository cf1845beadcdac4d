"""``myositis-cds screen``: candidates and their cases in the engine, then the pathway per case.

On DuckDB and PostgreSQL the engine returns the candidates' fact rows (already matched,
deduplicated and sorted by person) and the pathway runs here, one call of
:func:`myositis_cds.assess` per candidate. On Spark the same fact table stays a Spark DataFrame:
it is grouped by person and the pathway runs on the executors (``applyInPandas``); only the
worklist comes back to the driver.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from myositis_cds.population.cases import BuiltCase, build_case
from myositis_cds.population.cdm import Cdm, OmopError, open_cdm
from myositis_cds.population.concept_sets import resolve
from myositis_cds.population.worklist import WORKLIST_COLUMNS, assess_candidate, sort_key

__all__ = ["ScreenResult", "build_cases", "screen", "summary", "write_worklist"]


@dataclass
class ScreenResult:
    rows: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    engine: str = "duckdb"
    as_of: date | None = None

    @property
    def candidates(self) -> int:
        return len(self.rows)


def prepare(source: str, engine: str = "duckdb") -> tuple[Cdm, Any, list[str]]:
    """Open the CDM, resolve the concept sets and build the (lazy) fact expression."""
    from myositis_cds.population.assemble import facts

    cdm = open_cdm(source, engine)
    resolved = resolve(cdm.tables["concept"], cdm.tables.get("concept_ancestor"))
    return cdm, facts(cdm, resolved), [*cdm.warnings, *resolved.warnings]


def screen(
    source: str,
    engine: str = "duckdb",
    as_of: date | None = None,
    *,
    progress: bool = False,
    today: date | None = None,
) -> ScreenResult:
    today = today or date.today()
    as_of = as_of or today
    cdm, expr, warnings = prepare(source, engine)
    try:
        if engine == "spark":
            rows = _screen_spark(cdm, expr, as_of, today)
        else:
            table = expr.to_pyarrow()
            rows = list(_assess_all(table.to_pylist(), as_of, today, progress))
    finally:
        cdm.close()
    rows.sort(key=sort_key)
    return ScreenResult(rows=rows, warnings=warnings, engine=engine, as_of=as_of)


def build_cases(
    source: str, engine: str = "duckdb", *, today: date | None = None
) -> list[BuiltCase]:
    """Every candidate's case as the screen builds it (to export, inspect or test)."""
    today = today or date.today()
    cdm, expr, _ = prepare(source, engine)
    try:
        records = expr.to_pyarrow().to_pylist()
    finally:
        cdm.close()
    return [build_case(pid, rows, today) for pid, rows in _by_person(records)]


def _by_person(records: list[dict[str, Any]]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    for pid, group in itertools.groupby(records, key=lambda r: r["person_id"]):
        yield int(pid), list(group)


def _assess_all(
    records: list[dict[str, Any]], as_of: date, today: date, progress: bool
) -> Iterator[dict[str, Any]]:
    groups: Any = _by_person(records)
    if progress:
        from tqdm import tqdm

        total = len({r["person_id"] for r in records})
        groups = tqdm(groups, total=total, unit="patient", file=sys.stderr, desc="screening")
    for pid, rows in groups:
        yield assess_candidate(build_case(pid, rows, today), as_of)


# --------------------------------------------------------------------------- Spark
def _clean(value: Any) -> Any:
    """pandas → plain Python: NaN/NaT to None, numpy scalars to Python, timestamps to dates."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "to_pydatetime"):
        import pandas as pd

        return None if pd.isna(value) else value.to_pydatetime().date()
    if hasattr(value, "item"):
        return value.item()
    return value


def _spark_worker(as_of: date, today: date) -> Callable[[Any], Any]:
    def run(pdf: Any) -> Any:
        import pandas as pd

        records = [{k: _clean(v) for k, v in r.items()} for r in pdf.to_dict("records")]
        records.sort(key=lambda r: (r["person_id"], r["kind"], r["code"], r["day"] or date.min))
        out = [row for _, rows in _by_person(records) for row in _assess_group(rows, as_of, today)]
        return pd.DataFrame(out, columns=list(WORKLIST_COLUMNS))

    return run


def _assess_group(rows: list[dict[str, Any]], as_of: date, today: date) -> list[dict[str, Any]]:
    pid = int(rows[0]["person_id"])
    return [assess_candidate(build_case(pid, rows, today), as_of)]


_SPARK_SCHEMA = (
    "person_id long, status string, classification string, subgroup string, "
    "cancer_risk string, overdue string, due string, next_due string, "
    "cancers_recorded long, reason string, warnings long"
)


def _screen_spark(cdm: Cdm, expr: Any, as_of: date, today: date) -> list[dict[str, Any]]:
    assert cdm.spark is not None
    sql = cdm.con.compile(expr)
    frame = cdm.spark.sql(sql)
    worklist = frame.groupBy("person_id").applyInPandas(
        _spark_worker(as_of, today), schema=_SPARK_SCHEMA
    )
    # Only the worklist returns to the driver.
    return [
        {
            k: (int(v) if k in ("person_id", "cancers_recorded", "warnings") else v or "")
            for k, v in row.asDict().items()
        }
        for row in worklist.collect()
    ]


# --------------------------------------------------------------------------- output
def summary(result: ScreenResult) -> str:
    rows = result.rows
    risk = Counter(r["cancer_risk"] or "none" for r in rows)
    status = Counter(r["status"] for r in rows)
    lines = [
        f"screened with {result.engine} as of {result.as_of}: {len(rows)} candidate(s) "
        "with an idiopathic inflammatory myopathy",
    ]
    if rows:
        lines.append(
            "  cancer risk: "
            + ", ".join(
                f"{k} {risk[k]}"
                for k in ("high", "moderate", "standard", "not applicable", "none")
                if risk[k]
            )
        )
        lines.append(
            "  screening: "
            + ", ".join(
                f"{k} {status[k]}"
                for k in ("overdue", "due", "up_to_date", "not_applicable", "no_plan", "error")
                if status[k]
            )
        )
    for w in result.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines)


def write_worklist(rows: list[dict[str, Any]], path: str) -> None:
    """CSV, Parquet or JSON by suffix; written via a temporary file, then renamed."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".parquet", ".json"):
        raise OmopError(f"-o: {path!r} must end in .csv, .parquet or .json")
    tmp = target.with_name(f".{target.name}.partial")
    try:
        if suffix == ".json":
            import json

            tmp.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        else:
            import pyarrow as pa

            table = pa.Table.from_pylist(rows, schema=_arrow_schema(pa))
            if suffix == ".csv":
                import pyarrow.csv as pacsv

                pacsv.write_csv(table, tmp)
            else:
                import pyarrow.parquet as pq

                pq.write_table(table, tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _arrow_schema(pa: Any) -> Any:
    ints = ("person_id", "cancers_recorded", "warnings")
    return pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in WORKLIST_COLUMNS])
