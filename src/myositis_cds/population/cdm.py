"""Open an OMOP CDM on one of the engines and present its tables the same way on each.

Every engine goes through ibis: DuckDB (a file or a folder of Parquet/CSV tables), PostgreSQL (a
``postgresql://`` URL) and Spark (a folder of Parquet/CSV tables, local or cluster session). The
tables the screen reads are given lower-case column names and the types of the CDM 5.4
specification, whatever the source did (upper-case names, VARCHAR numbers, a column a CDM 5.3
table lacks); what was adjusted is reported as a warning, never as a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["COLUMNS", "REQUIRED_TABLES", "Cdm", "OmopError", "open_cdm"]


class OmopError(ValueError):
    """The source cannot be screened (named source problem; CLI exit 2)."""


# The columns the screen reads, with their CDM 5.4 types (OHDSI CommonDataModel 5.4 spec).
COLUMNS: dict[str, dict[str, str]] = {
    "person": {
        "person_id": "int64",
        "gender_concept_id": "int64",
        "year_of_birth": "int64",
        "month_of_birth": "int64",
        "day_of_birth": "int64",
        "birth_datetime": "timestamp",
    },
    "observation_period": {
        "person_id": "int64",
        "observation_period_start_date": "date",
        "observation_period_end_date": "date",
    },
    "condition_occurrence": {
        "person_id": "int64",
        "condition_concept_id": "int64",
        "condition_start_date": "date",
        "condition_end_date": "date",
        "condition_source_value": "string",
        "condition_source_concept_id": "int64",
    },
    "observation": {
        "person_id": "int64",
        "observation_concept_id": "int64",
        "observation_date": "date",
        "value_as_number": "float64",
        "value_as_concept_id": "int64",
        "observation_source_value": "string",
        "observation_source_concept_id": "int64",
    },
    "measurement": {
        "person_id": "int64",
        "measurement_concept_id": "int64",
        "measurement_date": "date",
        "value_as_number": "float64",
        "value_as_concept_id": "int64",
        "unit_concept_id": "int64",
        "range_low": "float64",
        "range_high": "float64",
        "measurement_source_value": "string",
        "measurement_source_concept_id": "int64",
        "unit_source_value": "string",
    },
    "procedure_occurrence": {
        "person_id": "int64",
        "procedure_concept_id": "int64",
        "procedure_date": "date",
        "procedure_source_value": "string",
        "procedure_source_concept_id": "int64",
    },
    "drug_exposure": {
        "person_id": "int64",
        "drug_concept_id": "int64",
        "drug_exposure_start_date": "date",
        "drug_exposure_end_date": "date",
        "drug_source_value": "string",
        "drug_source_concept_id": "int64",
    },
    "concept": {
        "concept_id": "int64",
        "vocabulary_id": "string",
        "concept_code": "string",
    },
    "concept_ancestor": {
        "ancestor_concept_id": "int64",
        "descendant_concept_id": "int64",
    },
    "cdm_source": {"cdm_version": "string"},
}
REQUIRED_TABLES = ("person", "condition_occurrence", "concept")


@dataclass
class Cdm:
    con: Any
    engine: str
    tables: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    cdm_version: str | None = None
    spark: Any | None = None
    cached: list[Any] = field(default_factory=list)

    def cache(self, expr: Any) -> Any:
        """Materialise a small intermediate result once, so later steps do not recompute it: a
        cached frame on Spark (it stays on the cluster), an in-memory table elsewhere."""
        if self.spark is not None:
            cached = expr.cache()
            self.cached.append(cached)
            return cached
        import ibis

        return ibis.memtable(expr.to_pyarrow())

    def close(self) -> None:
        """Release cached frames and the connection (a Spark session is left running)."""
        for cached in self.cached:
            cached.release()
        self.cached.clear()
        if self.spark is None:
            self.con.disconnect()

    def small_table(self, name: str, columns: dict[str, list[Any]]) -> Any:
        """A small lookup table the engine can join (Spark: a temporary view)."""
        import ibis
        import pyarrow as pa

        arrow = pa.table(columns)
        if self.spark is not None:
            self.spark.createDataFrame(arrow.to_pandas()).createOrReplaceTempView(name)
            return self.con.table(name)
        return ibis.memtable(arrow)


def open_cdm(source: str, engine: str = "duckdb") -> Cdm:
    """Connect to ``source`` with ``engine`` and normalise the tables the screen reads."""
    if engine == "duckdb":
        cdm = _open_duckdb(source)
    elif engine == "postgres":
        cdm = _open_postgres(source)
    elif engine == "spark":
        cdm = _open_spark(source)
    else:
        raise OmopError(f"--engine: {engine!r} is not one of duckdb, postgres, spark")
    _normalise(cdm)
    return cdm


def _open_duckdb(source: str) -> Cdm:
    import ibis

    path = Path(source)
    if source.startswith(("postgres://", "postgresql://")):
        raise OmopError("--omop: a PostgreSQL URL needs --engine postgres")
    if not path.exists():
        raise OmopError(f"--omop: {source} does not exist")
    if path.is_dir():
        con = ibis.duckdb.connect()
        cdm = Cdm(con, "duckdb")
        _register_folder(cdm, path)
        return cdm
    try:
        con = ibis.duckdb.connect(str(path), read_only=True)
        con.list_tables()
    except Exception as exc:
        raise OmopError(
            f"--omop: {source} is not a DuckDB database ({type(exc).__name__})"
        ) from None
    return Cdm(con, "duckdb")


def _open_postgres(source: str) -> Cdm:
    import ibis

    if not source.startswith(("postgres://", "postgresql://")):
        raise OmopError("--omop: --engine postgres needs a postgresql:// URL")
    try:
        con = ibis.connect(source.replace("postgresql+psycopg://", "postgresql://"))
    except Exception as exc:
        # The URL may hold a password: name the problem, never echo the URL.
        raise OmopError(
            f"--omop: cannot connect to the PostgreSQL database ({type(exc).__name__})"
        ) from None
    return Cdm(con, "postgres")


def spark_session() -> Any:
    """A local Spark session (or the active one on a cluster), UTC, few shuffle partitions."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    return (
        SparkSession.builder.master("local[2]")
        .appName("myositis-cds screen")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def _open_spark(source: str) -> Cdm:
    try:
        import ibis
    except ImportError:  # pragma: no cover - guarded by the extra
        raise OmopError("--engine spark needs the spark extra") from None
    path = Path(source)
    if not path.is_dir():
        raise OmopError(
            f"--omop: {source} is not a folder of Parquet/CSV tables (what --engine spark reads)"
        )
    session = spark_session()
    con = ibis.pyspark.connect(session)
    cdm = Cdm(con, "spark", spark=session)
    _register_folder(cdm, path)
    return cdm


def _register_folder(cdm: Cdm, folder: Path) -> None:
    """Each table as ``name.parquet``, a ``name/`` folder of Parquet parts, or ``name.csv``."""
    for entry in sorted(folder.iterdir()):
        name = entry.name.split(".")[0].lower()
        if name not in COLUMNS:
            continue
        if entry.is_dir() or entry.suffix.lower() == ".parquet":
            target = str(entry / "*.parquet") if entry.is_dir() else str(entry)
            cdm.con.read_parquet(target, table_name=name)
        elif entry.suffix.lower() == ".csv":
            cdm.con.read_csv(str(entry), table_name=name)


def _normalise(cdm: Cdm) -> None:
    names = {n.lower(): n for n in cdm.con.list_tables()}
    missing = [t for t in REQUIRED_TABLES if t not in names]
    if missing:
        raise OmopError("--omop: not an OMOP CDM: missing required table(s) " + ", ".join(missing))
    upper = False
    adjusted: list[str] = []
    for table, columns in COLUMNS.items():
        if table not in names:
            if table != "cdm_source":
                cdm.warnings.append(
                    f"the CDM has no {table} table: what it would hold is not assessed"
                )
            continue
        t = cdm.con.table(names[table])
        if any(c != c.lower() for c in t.columns):
            upper = True
            t = t.rename(str.lower)
        schema = t.schema()
        selected = []
        for col, kind in columns.items():
            if col not in schema:
                import ibis

                adjusted.append(f"{table}.{col} (absent)")
                selected.append(ibis.null(kind).name(col))
                continue
            have = schema[col]
            if _same_kind(have, kind):
                selected.append(t[col])
            elif have.is_string():
                adjusted.append(f"{table}.{col} (text)")
                selected.append(t[col].try_cast(kind).name(col))
            else:
                selected.append(t[col].cast(kind).name(col))
        cdm.tables[table] = t.select(*selected)
    if upper:
        cdm.warnings.append("the CDM uses upper-case column names: read as lower case")
    if adjusted:
        cdm.warnings.append(
            "columns read with the CDM 5.4 type or as empty: "
            + ", ".join(adjusted[:10])
            + (f" and {len(adjusted) - 10} more" if len(adjusted) > 10 else "")
        )
    if "cdm_source" in cdm.tables:
        rows = cdm.tables["cdm_source"].limit(1).to_pyarrow().to_pylist()
        version = rows[0]["cdm_version"] if rows else None
        cdm.cdm_version = version
        if version and version.lstrip("vV").startswith("5.3"):
            cdm.warnings.append(
                f"CDM version {version}: read with the CDM 5.4 layout (the columns the screen "
                "uses exist in 5.3 too)"
            )


def _same_kind(have: Any, kind: str) -> bool:
    """Close enough to read as is (any integer width for ids, any float for values)."""
    if kind == "int64":
        return bool(have.is_integer())
    if kind == "float64":
        return bool(have.is_floating())
    if kind == "string":
        return bool(have.is_string())
    if kind == "date":
        return bool(have.is_date())
    return bool(have.is_timestamp())
