"""Databases for the store and API suites: a fresh SQLite file, or a fresh PostgreSQL database.

PostgreSQL runs when ``MYOSITIS_CDS_TEST_PG`` holds the URL of a role allowed to create
databases (``.ci/run`` sets it); each test gets its own database, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "MYOSITIS_CDS_TEST_PG"
PG_SKIP = (
    f"{PG_ENV} is not set: PostgreSQL suites skipped (set it to e.g. "
    "postgresql+psycopg://USER:PASSWORD@127.0.0.1:5432/postgres for a role with CREATEDB)"
)
REFERENCE_CASE = Path(__file__).resolve().parents[2] / "examples" / "reference-case.yaml"


def pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    admin = pg_admin_url()
    if admin is None:
        pytest.skip(PG_SKIP)
    name = f"mcds_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield sa.engine.make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


@contextmanager
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        with fresh_pg_database() as url:
            yield url
