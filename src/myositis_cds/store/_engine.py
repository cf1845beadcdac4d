"""Engines and schema versions: SQLite (embedded default) and PostgreSQL.

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed revision survives a power cut)
and foreign keys on. Write transactions start with ``BEGIN IMMEDIATE`` so two writers queue on
the busy timeout instead of failing when a read lock cannot be upgraded.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

__all__ = [
    "SchemaOutOfDate",
    "StoreConfigError",
    "create_engine",
    "current_schema",
    "default_url",
    "head_schema",
    "redact_url",
    "upgrade",
]

UPGRADE_COMMAND = "myositis-cds db upgrade"


class StoreConfigError(ValueError):
    """The database URL names a backend we do not support."""


class SchemaOutOfDate(RuntimeError):
    """The database schema is older (or newer) than this version of the code expects."""


def default_url() -> str:
    """An SQLite file in the user's data directory (created on first use)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("myositis-cds", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'myositis-cds.sqlite3'}"


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def create_engine(url: str) -> sa.Engine:
    """The store's engine. ``hide_parameters``: statement parameters (case JSON, case ids)
    never appear in SQL logging or in the text of database errors, which may be logged."""
    parsed = sa.engine.make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        if parsed.drivername != "postgresql+psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(
            parsed, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True
        )
    raise StoreConfigError(
        f"--db: unsupported database {backend!r}; use sqlite:///PATH or postgresql+psycopg://…"
    )


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start (pysqlite's own
        # implicit BEGIN would defer locks and break BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("myositis_cds.store") / "migrations"))
    return config


def head_schema() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_schema(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine) -> tuple[str | None, str]:
    """Apply every pending migration; returns (schema before, schema after)."""
    from alembic import command

    before = current_schema(engine)
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return before, head_schema()


def check_schema(engine: sa.Engine) -> None:
    """Raise :class:`SchemaOutOfDate` unless the database is at the code's schema version."""
    current, head = current_schema(engine), head_schema()
    if current != head:
        found = "no schema" if current is None else f"schema {current}"
        raise SchemaOutOfDate(
            f"the database has {found}; this version needs schema {head}. "
            f"Run `{UPGRADE_COMMAND} --db URL` first."
        )
